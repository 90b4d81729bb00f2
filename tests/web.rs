//! Component tests in headless Chromium: a fresh element per test, the real components, assertions
//! on the DOM a reader (or assistive technology) meets.
#![cfg(target_arch = "wasm32")]
// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::rc::Rc;

use article_reader::reader::config::{ArticleSource, ReaderConfig};
use article_reader::reader::settings::Theme;
use article_reader::view::components::{Reader, ReaderProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const ALL_BLOCKS: &str = include_str!("fixtures/all-blocks.json");
const HOSTILE: &str = include_str!("fixtures/hostile-urls.json");
const SAMPLE: &str = include_str!("../assets/sample/article.json");

/// The article, once its body is whole (a long body grows after its first screen, with the
/// container busy meanwhile).
const WHOLE: &str = ".reader[aria-busy='false'] article";

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Lets pending promises, timers and Yew's scheduler run once.
async fn tick() {
    gloo_timers::future::TimeoutFuture::new(0).await;
    yew::scheduler::flush().await;
}

/// The first element matching `selector` inside `root`, waiting for it a bounded while; `None` if
/// it never appears (for tests that must clean up before they assert).
async fn find(root: &Element, selector: &str) -> Option<Element> {
    for _ in 0..200 {
        if let Some(found) = root.query_selector(selector).ok().flatten() {
            return Some(found);
        }
        tick().await;
    }
    None
}

/// Waits until `selector` matches inside `root` (bounded: a missing element fails the test).
async fn wait_for(root: &Element, selector: &str) -> Element {
    match find(root, selector).await {
        Some(found) => found,
        None => panic!("{selector} never appeared; DOM: {}", root.outer_html()),
    }
}

fn props(source: ArticleSource) -> ReaderProps {
    let config = ReaderConfig {
        timeout_ms: 5_000,
        ..ReaderConfig::default()
    };
    ReaderProps {
        source,
        config: Rc::new(config),
        page_controls: None,
        open_at: None,
        on_words: None,
        id_prefix: "t".into(),
        events: None,
        preloaded: None,
    }
}

/// The configuration of an element that carries `doc` inline.
fn inline_config(doc: &str) -> ReaderConfig {
    ReaderConfig::default().with_inline(Some(doc.to_owned()))
}

/// The test page's own address, standing in for the directory of `embed.js`.
fn base() -> String {
    web_sys::window().unwrap().location().href().unwrap()
}

fn mount(props: ReaderProps) -> Element {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<Reader>::with_root_and_props(root.clone(), props).render();
    root
}

async fn render_inline(doc: &str) -> Element {
    let root = mount(props(ArticleSource::Inline(doc.into())));
    wait_for(&root, ".reader[aria-busy='false']").await;
    root
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

fn text_of(el: &Element) -> String {
    el.text_content().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_sample_renders_with_the_structure_of_the_format() {
    // The sample document itself; the Sample source fetches this file, which the end-to-end tests
    // cover against the release build.
    let root = mount(props(ArticleSource::Inline(SAMPLE.into())));
    let article = wait_for(&root, WHOLE).await;
    assert_eq!(article.get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(article.get_attribute("dir").as_deref(), Some("ltr"));
    let h1 = all(&root, "h1");
    assert_eq!(h1.len(), 1);
    assert_eq!(
        text_of(&h1[0]),
        "Pompeo Meets Ecuador's Moreno, Vows Assistance in Cybersecurity"
    );
    let nav = root.query_selector("nav.breadcrumb").unwrap().unwrap();
    let label_id = nav.get_attribute("aria-labelledby").unwrap();
    let label = root
        .query_selector(&format!("[id='{label_id}']"))
        .unwrap()
        .unwrap();
    assert_eq!(text_of(&label), "Breadcrumb");
    assert_eq!(text_of(&nav), "BreadcrumbNewsEcuador");
    let time = root
        .query_selector("time[datetime='2019-07-21']")
        .unwrap()
        .unwrap();
    assert_eq!(text_of(&time), "July 21, 2019");
    let credit = root
        .query_selector("figure figcaption .credit")
        .unwrap()
        .unwrap();
    assert_eq!(text_of(&credit), "US Department of State");
    let img = root.query_selector("figure img").unwrap().unwrap();
    assert!(img.get_attribute("src").unwrap().ends_with("/lead.svg"));
    assert_eq!(img.get_attribute("width").as_deref(), Some("1200"));
    assert!(text_of(&root).contains("No comments yet"));
    assert_eq!(
        root.query_selector(".reader")
            .unwrap()
            .unwrap()
            .get_attribute("aria-busy")
            .as_deref(),
        Some("false")
    );
}

#[wasm_bindgen_test]
async fn loading_is_announced_with_aria_busy_and_a_missing_document_is_not_found() {
    // The test runner's own server answers 404 for this path, after a real round trip.
    let root = mount(props(ArticleSource::Url("/no-such-article.json".into())));
    yew::scheduler::flush().await;
    let container = wait_for(&root, ".reader").await;
    assert_eq!(
        container.get_attribute("aria-busy").as_deref(),
        Some("true")
    );
    assert!(text_of(&container).contains("Loading"));
    let alert = wait_for(&root, "[role=alert]").await;
    assert!(
        text_of(&alert).contains("not found on the server (error 404)"),
        "{}",
        text_of(&alert)
    );
    assert_eq!(
        container.get_attribute("aria-busy").as_deref(),
        Some("false")
    );
}

#[wasm_bindgen_test]
async fn every_block_type_renders_as_the_format_says() {
    let root = render_inline(ALL_BLOCKS).await;
    let body = root.query_selector(".article-body").unwrap().unwrap();
    assert_eq!(all(&body, "h2").len(), 1);
    assert_eq!(all(&body, "h3").len(), 1);
    assert_eq!(all(&body, "h4").len(), 1);
    assert_eq!(
        all(
            &body,
            "figure > a > img[alt='A body picture'][width='640'][height='480']"
        )
        .len(),
        1
    );
    assert_eq!(all(&body, "blockquote").len(), 2);
    assert_eq!(all(&body, ".quote-pull blockquote").len(), 1);
    assert_eq!(all(&body, "ul > li").len(), 3);
    assert_eq!(all(&body, "ol > li").len(), 2);
    assert_eq!(all(&body, "hr").len(), 1);
    let audio = body.query_selector("audio").unwrap().unwrap();
    assert!(audio.has_attribute("controls") && !audio.has_attribute("autoplay"));
    assert_eq!(
        all(&body, "iframe, script").len(),
        0,
        "embeds never load third-party code"
    );
    let embed = body.query_selector(".embed-card a").unwrap().unwrap();
    assert_eq!(
        embed.get_attribute("href").as_deref(),
        Some("https://video.example/watch/123")
    );
    let inline_related = body.query_selector(".related-link a").unwrap().unwrap();
    // An inline document resolves against the page it is on.
    assert!(inline_related
        .get_attribute("href")
        .unwrap()
        .ends_with("/2024/related-inline"));
    assert!(
        !text_of(&body).contains("from the future"),
        "unknown block types are skipped"
    );
    assert!(text_of(&body).contains("The last paragraph."));
}

#[wasm_bindgen_test]
async fn marks_become_elements_and_html_stays_text() {
    let root = render_inline(ALL_BLOCKS).await;
    let body = root.query_selector(".article-body").unwrap().unwrap();
    for (selector, expected) in [
        ("strong", "strong"),
        ("em", "em"),
        ("code", "code"),
        ("sub", "2"),
        ("sup", "2"),
        ("s", "strike"),
        ("u", "underline"),
    ] {
        let el = body
            .query_selector(&format!("p {selector}"))
            .unwrap()
            .unwrap_or_else(|| panic!("{selector} missing"));
        assert_eq!(text_of(&el), expected);
    }
    assert!(
        body.query_selector("b").unwrap().is_none(),
        "no element from text"
    );
    assert!(text_of(&body).contains("A plain paragraph with <b>tags</b> that stay text."));
    let link = body
        .query_selector("p a[href='https://example.org/page']")
        .unwrap()
        .unwrap();
    assert_eq!(
        link.get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );
    assert_eq!(link.get_attribute("target").as_deref(), Some("_blank"));
}

#[wasm_bindgen_test]
async fn the_header_shows_byline_dates_and_summary_points() {
    let root = render_inline(ALL_BLOCKS).await;
    assert_eq!(all(&root, ".summary li").len(), 2);
    assert_eq!(
        text_of(&root.query_selector(".authors").unwrap().unwrap()),
        "By Ada Writer and Ben Reporter"
    );
    let published = root.query_selector(".published time").unwrap().unwrap();
    assert_eq!(
        published.get_attribute("datetime").as_deref(),
        Some("2024-03-05T09:30:00Z")
    );
    assert_eq!(text_of(&published), "5 March 2024", "formatted for en-GB");
    assert!(root
        .query_selector(".updated time[datetime='2024-03-06T10:00:00+01:00']")
        .unwrap()
        .is_some());
    let lead = root.query_selector(".figure-lead").unwrap().unwrap();
    let img = lead.query_selector("img").unwrap().unwrap();
    assert!(img
        .get_attribute("srcset")
        .unwrap()
        .contains("lead-400.png 400w"));
    assert_eq!(
        text_of(&lead.query_selector(".caption").unwrap().unwrap()),
        "The lead caption"
    );
    assert_eq!(
        text_of(&lead.query_selector(".credit").unwrap().unwrap()),
        "Example Photo Agency (CC BY 4.0)"
    );
    assert_eq!(
        text_of(&root.query_selector(".comments").unwrap().unwrap()),
        "12 comments"
    );
}

#[wasm_bindgen_test]
async fn related_cards_are_a_labelled_section_of_list_items() {
    let root = render_inline(ALL_BLOCKS).await;
    let section = root.query_selector("section.related").unwrap().unwrap();
    let label_id = section.get_attribute("aria-labelledby").unwrap();
    let heading = root
        .query_selector(&format!("#{label_id}"))
        .unwrap()
        .unwrap();
    assert_eq!(text_of(&heading), "Related stories");
    let cards = all(&section, "li");
    assert_eq!(cards.len(), 3);
    let links: Vec<String> = all(&section, "li a").iter().map(text_of).collect();
    assert_eq!(
        links,
        [
            "First related story",
            "Second related story",
            "Third related story"
        ]
    );
}

#[wasm_bindgen_test]
async fn refused_addresses_leave_their_text_without_links_or_images() {
    let root = render_inline(HOSTILE).await;
    for el in all(&root, "[href], [src]") {
        let value = el
            .get_attribute("href")
            .or_else(|| el.get_attribute("src"))
            .unwrap();
        assert!(
            value.starts_with("https:")
                || value.starts_with("http:")
                || value.starts_with("mailto:"),
            "{value}"
        );
    }
    assert_eq!(
        text_of(&root.query_selector("h1").unwrap().unwrap()),
        "<img src=x onerror=alert(1)>"
    );
    assert!(root
        .query_selector("article img, article script")
        .unwrap()
        .is_none());
    let text = text_of(&root);
    for kept in [
        "link text stays",
        "Related text stays",
        "Embed text stays",
        "Card text stays",
        "Caption stays",
        "<script>alert('author')</script>",
    ] {
        assert!(text.contains(kept), "{kept} must still show");
    }
}

#[wasm_bindgen_test]
async fn an_invalid_document_shows_the_field_path_and_a_retry_button() {
    let root = render_inline(r#"{"version":"1","headline":"h","body":[{"type":"divider"},{"type":"divider"},{"type":"divider"},{"type":"paragraph","content":5}]}"#).await;
    let alert = root.query_selector("[role=alert]").unwrap().unwrap();
    assert!(
        text_of(&alert).contains("body[3].content: expected string or array"),
        "{}",
        text_of(&alert)
    );
    let button = alert.query_selector("button").unwrap().unwrap();
    assert_eq!(text_of(&button), "Try again");
    assert!(root.query_selector("article").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn try_again_loads_again() {
    let root = mount(props(ArticleSource::Url("/no-such-article.json".into())));
    let alert = wait_for(&root, "[role=alert]").await;
    alert
        .query_selector("button")
        .unwrap()
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
    yew::scheduler::flush().await;
    // The retry passes through loading before failing again the same way.
    let container = root.query_selector(".reader").unwrap().unwrap();
    assert_eq!(
        container.get_attribute("aria-busy").as_deref(),
        Some("true")
    );
    wait_for(&root, "[role=alert]").await;
}

#[wasm_bindgen_test]
async fn a_script_address_as_source_is_refused_without_a_request() {
    let root = mount(props(ArticleSource::Url("javascript:alert(1)".into())));
    let alert = wait_for(&root, "[role=alert]").await;
    assert!(text_of(&alert).contains("not a web (http or https) address"));
}

#[wasm_bindgen_test]
async fn right_to_left_languages_get_dir_rtl_and_their_own_date_format() {
    let root = render_inline(include_str!("fixtures/rtl-arabic.json")).await;
    let article = root.query_selector("article").unwrap().unwrap();
    assert_eq!(article.get_attribute("dir").as_deref(), Some("rtl"));
    assert_eq!(article.get_attribute("lang").as_deref(), Some("ar"));
    let time = text_of(&root.query_selector("time").unwrap().unwrap());
    assert!(time.contains("٢٠٢٤") || time.contains("2024"), "{time}");
    assert!(time.contains("مايو"), "Arabic month name: {time}");
    let es = render_inline(
        r#"{"version":"1","lang":"es","headline":"h","published":"2019-07-21","body":[]}"#,
    )
    .await;
    assert_eq!(
        text_of(&es.query_selector("time").unwrap().unwrap()),
        "21 de julio de 2019"
    );
}

#[wasm_bindgen_test]
async fn share_controls_have_the_names_of_the_format_and_share_the_canonical_url() {
    let root = render_inline(ALL_BLOCKS).await;
    let names: Vec<String> = all(&root, ".share a")
        .iter()
        .map(|a| a.get_attribute("aria-label").unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "Share on X",
            "Share on Facebook",
            "Share on LinkedIn",
            "Share on WhatsApp",
            "Share on Telegram",
            "Share on Reddit",
            "Share by email"
        ]
    );
    for link in all(&root, ".share a") {
        assert!(link
            .get_attribute("href")
            .unwrap()
            .contains("https%3A%2F%2Fnews.example%2F2024%2Fall-blocks"));
    }
    let copy = root.query_selector(".share-copy").unwrap().unwrap();
    assert_eq!(text_of(&copy), "Copy link");
    let status = root.query_selector("[aria-live=polite]").unwrap();
    assert!(
        status.is_some(),
        "a live region exists before anything is announced"
    );
}

#[wasm_bindgen_test]
async fn the_share_button_exists_only_where_navigator_share_does() {
    let navigator = web_sys::window().unwrap().navigator();
    let has_share = js_sys::Reflect::has(&navigator, &"share".into()).unwrap();
    let root = render_inline(ALL_BLOCKS).await;
    assert_eq!(
        root.query_selector(".share-native").unwrap().is_some(),
        has_share
    );

    // Stubbed only while rendering: the stub is removed before any assertion, because a failed
    // assertion aborts the wasm and would leave the stub behind for every later test.
    let stub = js_sys::Function::new_no_args("return Promise.resolve();");
    let stubbed = js_sys::Reflect::set(&navigator, &"share".into(), &stub).unwrap_or(false);
    let with_share = mount(props(ArticleSource::Inline(ALL_BLOCKS.into())));
    let rendered = find(&with_share, WHOLE).await.is_some();
    let button = with_share
        .query_selector(".share-native")
        .ok()
        .flatten()
        .map(|button| text_of(&button));
    let removed = js_sys::Reflect::delete_property(
        navigator.unchecked_ref::<js_sys::Object>(),
        &"share".into(),
    )
    .unwrap_or(false);
    assert!(stubbed && removed, "navigator.share stubbed and restored");
    assert_eq!(
        js_sys::Reflect::has(&navigator, &"share".into()).ok(),
        Some(has_share),
        "navigator as it was"
    );
    assert!(rendered, "the article rendered");
    assert_eq!(
        button.as_deref(),
        Some("Share"),
        "Share button where navigator.share exists"
    );
}

#[wasm_bindgen_test]
async fn the_share_attribute_limits_the_controls() {
    let mut p = props(ArticleSource::Inline(ALL_BLOCKS.into()));
    p.config = Rc::new(ReaderConfig::from_pairs([("share", "copy,email")]));
    let root = mount(p);
    wait_for(&root, WHOLE).await;
    assert_eq!(all(&root, ".share button, .share a").len(), 2);
    assert!(root.query_selector(".share-x").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn the_theme_is_set_on_the_container() {
    let mut p = props(ArticleSource::Inline(ALL_BLOCKS.into()));
    p.config = Rc::new(ReaderConfig {
        theme: Theme::Dark,
        ..ReaderConfig::default()
    });
    let root = mount(p);
    wait_for(&root, WHOLE).await;
    assert_eq!(
        root.query_selector(".reader")
            .unwrap()
            .unwrap()
            .get_attribute("data-theme")
            .as_deref(),
        Some("dark")
    );
}

#[wasm_bindgen_test]
async fn no_inline_style_attributes_anywhere() {
    let root = render_inline(ALL_BLOCKS).await;
    assert!(all(&root, "[style]").is_empty());
}

#[wasm_bindgen_test]
async fn after_a_panic_every_mounted_widget_shows_the_alert_with_a_way_back() {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let _app = article_reader::view::mount::mount(
        root.clone(),
        inline_config(ALL_BLOCKS),
        article_reader::view::mount::Mode::Page,
        &base(),
        None,
    );
    wait_for(&root, WHOLE).await;
    // What the panic hook runs: plain DOM calls, no re-entry into the (then unreliable) app.
    article_reader::view::mount::show_panic_view();
    let alert = root
        .query_selector("[role=alert]")
        .unwrap()
        .expect("alert replaces the article");
    assert!(text_of(&alert).contains("Something went wrong inside the reader."));
    let button = alert
        .query_selector("form button[type=submit]")
        .unwrap()
        .unwrap();
    assert_eq!(text_of(&button), "Try again");
    assert!(root.query_selector("article").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn after_a_panic_an_embedded_widget_offers_a_retry_that_never_navigates_the_host() {
    use article_reader::view::mount::{mount, Mode};
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let mut app = mount(
        root.clone(),
        inline_config(ALL_BLOCKS),
        Mode::Embed,
        &base(),
        None,
    );
    wait_for(&root, WHOLE).await;
    article_reader::view::mount::show_panic_view();
    let button = root
        .query_selector("[role=alert] button[data-reader-retry]")
        .unwrap()
        .expect("retry button for embed.js");
    assert_eq!(
        button.get_attribute("type").as_deref(),
        Some("button"),
        "not a submit: the host page stays"
    );
    app.destroy();
    assert_eq!(root.child_element_count(), 0, "destroy empties the element");
}

#[wasm_bindgen_test]
async fn an_element_with_a_blank_src_and_nothing_inline_says_no_article_was_given() {
    use article_reader::view::mount::{mount, Mode};
    for src in ["", "   "] {
        let root = document().create_element("div").unwrap();
        document().body().unwrap().append_child(&root).unwrap();
        let config = ReaderConfig::from_pairs([("src", src)]);
        let mut app = mount(root.clone(), config, Mode::Embed, &base(), None);
        let alert = wait_for(&root, "[role=alert]").await;
        assert!(
            text_of(&alert).contains("No article was given to the reader."),
            "{}",
            text_of(&alert)
        );
        assert!(
            root.query_selector("article").unwrap().is_none(),
            "never the sample"
        );
        app.destroy();
    }
}

#[wasm_bindgen_test]
fn the_browser_parser_gives_the_blocks_the_native_parser_gives() {
    // The same cases as tests/html.rs (html5ever): one mapping over two parsers.
    let cases: Vec<serde_json::Value> =
        serde_json::from_str(include_str!("fixtures/html-cases.json")).unwrap();
    for case in cases {
        let markup = case["html"].as_str().unwrap();
        let nodes = article_reader::document::html::parse(markup).expect("DOMParser available");
        let blocks = article_reader::document::html::to_blocks(
            &nodes,
            Some("https://news.example/2024/story/"),
        );
        assert_eq!(
            serde_json::to_value(blocks).unwrap(),
            case["blocks"],
            "{markup}"
        );
    }
}

#[wasm_bindgen_test]
async fn a_wordpress_post_renders_as_an_article_and_its_markup_stays_inert() {
    let root = render_inline(include_str!("fixtures/formats/wordpress-post.json")).await;
    let h1 = root.query_selector("h1").unwrap().unwrap();
    assert_eq!(
        text_of(&h1),
        "Café owners cheer as the bridge opens – at last"
    );
    assert_eq!(
        text_of(
            &root
                .query_selector("figure.figure-lead .credit")
                .unwrap()
                .unwrap()
        ),
        "Ana Ruiz / Riverside News"
    );
    assert!(all(
        &root,
        "script, style, iframe, [onerror], [onclick], [style]"
    )
    .is_empty());
    let br = root.query_selector(".article-body p br").unwrap();
    assert!(br.is_some(), "a <br> in the source is a line break");
}

const SPANISH: &str = include_str!("fixtures/lang/es.json");

fn with_config(source: ArticleSource, config: ReaderConfig) -> ReaderProps {
    ReaderProps {
        config: Rc::new(ReaderConfig {
            timeout_ms: 5_000,
            ..config
        }),
        ..props(source)
    }
}

#[wasm_bindgen_test]
async fn a_spanish_article_gets_a_spanish_ui_and_ui_lang_marks_foreign_words() {
    let es = &article_reader::reader::i18n::ES;
    let root = render_inline(SPANISH).await;
    let tools = wait_for(&root, ".reader-tools").await;
    assert!(text_of(&tools).contains(es.settings));
    assert_eq!(
        tools.get_attribute("lang"),
        None,
        "same language as the article: no own lang"
    );
    assert!(text_of(&root).contains("Publicado el"));
    assert!(!text_of(&root).contains("Published"));
    assert_eq!(
        wait_for(&root, ".share")
            .await
            .get_attribute("aria-label")
            .as_deref(),
        Some(es.share_group)
    );

    let config = ReaderConfig {
        ui_lang: Some("de".into()),
        ..ReaderConfig::default()
    };
    let root = mount(with_config(ArticleSource::Inline(SPANISH.into()), config));
    let tools = wait_for(&root, ".reader-tools").await;
    assert_eq!(tools.get_attribute("lang").as_deref(), Some("de"));
    assert_eq!(tools.get_attribute("dir").as_deref(), Some("ltr"));
    assert!(text_of(&tools).contains(article_reader::reader::i18n::DE.settings));
    assert_eq!(
        root.query_selector("article")
            .unwrap()
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("es")
    );
}

#[wasm_bindgen_test]
async fn reading_settings_apply_to_the_wrapper_and_controls_can_hide_them() {
    let root = render_inline(ALL_BLOCKS).await;
    let wrapper = wait_for(&root, ".reader").await;
    assert_eq!(
        wrapper.get_attribute("data-text-size").as_deref(),
        Some("3")
    );
    let toggle: HtmlElement = wait_for(&root, ".tools-toggle").await.unchecked_into();
    toggle.click();
    let panel = wait_for(&root, ".settings-panel").await;
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    let buttons = all(&panel, "button");
    let larger: HtmlElement = buttons[1].clone().unchecked_into();
    larger.click();
    tick().await;
    assert_eq!(
        wrapper.get_attribute("data-text-size").as_deref(),
        Some("4")
    );
    let sepia: HtmlElement = panel
        .query_selector("input[value=sepia]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    sepia.click();
    tick().await;
    assert_eq!(
        wrapper.get_attribute("data-theme").as_deref(),
        Some("sepia")
    );
    let stored = web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item("article-reader:settings")
        .unwrap();
    assert_eq!(stored.as_deref(), Some("size=4&font=serif&theme=sepia"));
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();

    let config = ReaderConfig {
        controls: article_reader::reader::config::Controls::parse(""),
        ..ReaderConfig::default()
    };
    let root = mount(with_config(
        ArticleSource::Inline(ALL_BLOCKS.into()),
        config,
    ));
    wait_for(&root, WHOLE).await;
    assert!(root.query_selector(".reader-tools").unwrap().is_none());
}

/// An element as HTML text, escaped as the renderer's text backend escapes, with what the Yew
/// islands mounted inside their places left out (the native HTML has the places empty).
fn serialize(node: &web_sys::Node, out: &mut String) {
    let escape = |text: &str, attribute: bool, out: &mut String| {
        for c in text.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '"' if attribute => out.push_str("&quot;"),
                '\u{a0}' => out.push_str("&nbsp;"),
                c => out.push(c),
            }
        }
    };
    if let Some(el) = node.dyn_ref::<Element>() {
        let tag = el.local_name();
        out.push('<');
        out.push_str(&tag);
        for name in el.get_attribute_names().iter() {
            let name = name.as_string().unwrap();
            out.push(' ');
            out.push_str(&name);
            out.push_str("=\"");
            escape(&el.get_attribute(&name).unwrap_or_default(), true, out);
            out.push('"');
        }
        out.push('>');
        if el.has_attribute("data-island") {
            // The island's own component, not the renderer's.
        } else {
            let children = el.child_nodes();
            for i in 0..children.length() {
                serialize(&children.item(i).unwrap(), out);
            }
        }
        if !["img", "br", "hr", "input", "source", "wbr"].contains(&tag.as_str()) {
            out.push_str("</");
            out.push_str(&tag);
            out.push('>');
        }
    } else if node.node_type() == web_sys::Node::TEXT_NODE {
        escape(&node.text_content().unwrap_or_default(), false, out);
    }
}

#[wasm_bindgen_test]
async fn the_widget_draws_the_dom_the_renderer_writes_as_html() {
    use article_reader::document::decode_with;
    use article_reader::document::formats::Format;
    use article_reader::reader::i18n::{choose, Ui};
    use article_reader::view::render::article_html;
    let fixtures = [
        SAMPLE,
        ALL_BLOCKS,
        HOSTILE,
        SPANISH,
        include_str!("fixtures/rtl-arabic.json"),
        include_str!("fixtures/minimal.json"),
        include_str!("fixtures/lang/de.json"),
        include_str!("fixtures/formats/wordpress-post.json"),
        include_str!("fixtures/formats/ans-story.json"),
        include_str!("fixtures/formats/apple-news.json"),
        include_str!("fixtures/formats/jsonfeed.json"),
        include_str!("fixtures/rich-text.json"),
    ];
    for doc in fixtures {
        let root = render_inline(doc).await;
        let article = wait_for(&root, WHOLE).await;
        let mut drawn = String::new();
        serialize(&article, &mut drawn);
        let decoded = decode_with(doc, Some(&base()), Format::Auto, None).unwrap();
        let a = &decoded.article;
        let ui = Ui::new(choose(None, Some(&a.lang), None), Some(&a.lang));
        let written = article_html(a, &ui, "t");
        root.remove();
        assert_eq!(
            drawn, written,
            "the widget's DOM differs from the renderer's HTML"
        );
        // The islands are there, filled by their components.
        assert!(drawn.contains("data-island=\"tools\""));
        assert!(drawn.contains("data-island=\"share\""));
    }
}
