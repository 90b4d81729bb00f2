//! The renderer natively: the sample and every fixture drawn as HTML text equal their snapshots
//! in `tests/snapshots/` (`UPDATE_SNAPSHOTS=1 cargo test --test render` writes them anew, to be
//! read in review), and the DOM contract holds in every one of them: each body block carries its
//! index as `data-block`, in order, and no document text ever becomes markup.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use article_reader::document::decode_with;
use article_reader::document::formats::Format;
use article_reader::reader::i18n::{choose, table, Ui};
use article_reader::view::render::{alert, article_html, HtmlText, Retry};

const BASE: &str = "https://news.example/articles/";

/// The documents drawn: the sample and every valid fixture, each with its snapshot name.
fn documents() -> Vec<(String, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = vec![("sample".to_owned(), root.join("assets/sample/article.json"))];
    for dir in [
        "tests/fixtures",
        "tests/fixtures/lang",
        "tests/fixtures/formats",
    ] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(root.join(dir))
            .expect("fixtures are there")
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .filter(|p| !p.ends_with("html-cases.json") && !p.ends_with("jsonld-organization.json"))
            .collect();
        files.sort();
        for file in files {
            let stem = file.file_stem().unwrap().to_string_lossy().into_owned();
            let prefix = dir
                .trim_start_matches("tests/fixtures")
                .trim_start_matches('/');
            let name = if prefix.is_empty() {
                stem
            } else {
                format!("{prefix}-{stem}")
            };
            found.push((name, file));
        }
    }
    found
}

fn render(path: &Path, ui_lang: Option<&str>) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let decoded = decode_with(&text, Some(BASE), Format::Auto, None)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let article = &decoded.article;
    let ui = Ui::new(
        choose(ui_lang, Some(&article.lang), None),
        Some(&article.lang),
    );
    article_html(article, &ui, "t")
}

#[test]
fn every_document_draws_as_its_snapshot() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let documents = documents();
    assert!(documents.len() >= 15, "only {} documents", documents.len());
    let mut differ = Vec::new();
    for (name, path) in documents {
        let html = render(&path, None) + "\n";
        let snapshot = dir.join(format!("{name}.html"));
        if update {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&snapshot, &html).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&snapshot).unwrap_or_else(|_| {
            panic!(
                "no snapshot {}: run with UPDATE_SNAPSHOTS=1",
                snapshot.display()
            )
        });
        if expected != html {
            differ.push(name);
        }
    }
    assert!(
        differ.is_empty(),
        "drawn differently from the snapshot: {differ:?}"
    );
}

#[test]
fn every_body_block_carries_its_index_in_order() {
    for (name, path) in documents() {
        let text = std::fs::read_to_string(&path).unwrap();
        let decoded = decode_with(&text, Some(BASE), Format::Auto, None).unwrap();
        let html = render(&path, None);
        let indexes: Vec<usize> = html
            .split("data-block=\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next()?.parse().ok())
            .collect();
        let expected: Vec<usize> = (0..decoded.article.body.len()).collect();
        assert_eq!(indexes, expected, "{name}");
        assert!(html.contains("data-block=\"headline\""), "{name}");
    }
}

#[test]
fn document_text_is_escaped_never_markup() {
    let doc = r#"{"version":"1","headline":"<script>alert(1)</script> & \"quotes\"",
        "lang":"en","body":[{"type":"paragraph","content":"<img src=x onerror=alert(1)>"}],
        "lead_image":{"src":"https://news.example/a.jpg","alt":"\"><script>x</script>"}}"#;
    let decoded = decode_with(doc, Some(BASE), Format::Auto, None).unwrap();
    let ui = Ui::new(table("en").unwrap(), Some("en"));
    let html = article_html(&decoded.article, &ui, "t");
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<img src=x"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"quotes\""));
    assert!(html.contains("alt=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\""));
}

#[test]
fn the_ui_language_changes_only_ui_words() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample/article.json");
    let (en, es) = (render(&sample, None), render(&sample, Some("es")));
    let es_words = table("es").unwrap();
    assert!(es.contains(es_words.related_stories), "{es}");
    assert!(!en.contains(es_words.related_stories));
    // UI words inside an English article carry the UI's language.
    assert!(es.contains("lang=\"es\""));
    let headline = |html: &str| {
        html.split("<h1")
            .nth(1)
            .unwrap()
            .split("</h1>")
            .next()
            .unwrap()
            .to_owned()
    };
    assert_eq!(headline(&en), headline(&es));
}

#[test]
fn the_alert_offers_try_again_as_each_mode_needs() {
    let words = table("fr").unwrap();
    let draw = |retry| {
        let mut out = HtmlText::new();
        alert(&mut out, words, "Message", Some("body[3]: expected"), retry);
        out.finish()
    };
    let button = draw(Retry::Button);
    assert!(button.starts_with("<div class=\"reader-error\" role=\"alert\" part=\"error\">"));
    assert!(button.contains(&format!(
        "<button type=\"button\" class=\"reader-button\">{}</button>",
        words.try_again
    )));
    assert!(button.contains("<span lang=\"en\" dir=\"ltr\">body[3]: expected</span>"));
    assert!(draw(Retry::Remount).contains("data-reader-retry=\"\""));
    let pairs = [("src".to_owned(), "a\"b".to_owned())];
    let reload = draw(Retry::Reload(&pairs));
    assert!(reload.contains("<form method=\"get\"><input type=\"hidden\" name=\"src\" value=\"a&quot;b\"><button type=\"submit\""));
}

/// `render --embed`: the element with a declarative shadow root around the article as the widget
/// draws it (wrapper marked prerendered, the tools' place kept), the share links as plain links,
/// and the document inline where nothing in it can end the script element.
#[test]
fn the_prerendered_element_holds_the_article_the_document_and_share_links() {
    let text = r#"{"version":"1","headline":"A </script><b>title</b>","url":"https://news.example/a",
        "body":[{"type":"paragraph","content":"Text with <!-- and </script> in it."}]}"#;
    let decoded = decode_with(text, Some("https://news.example/"), Format::Auto, None)
        .expect("a valid document");
    let ui = Ui::new(choose(None, Some("en"), None), Some("en"));
    let html = article_reader::view::render::embed_html(
        &decoded.article,
        &ui,
        text,
        "https://reader.example/reader.css",
        None,
    );
    assert!(html.starts_with(r#"<article-reader><template shadowrootmode="open"><link rel="stylesheet" href="https://reader.example/reader.css"><div class="reader""#), "{html}");
    assert!(html.contains("data-prerendered"));
    assert!(html.contains(
        &article_html(&decoded.article, &ui, "article-reader-1").replacen(
            r#"<div class="island" data-island="share"></div>"#,
            "",
            1
        )[..200]
    ));
    // The headline is text, and the inline JSON has no `<` left to end its element.
    assert!(html.contains("A &lt;/script&gt;&lt;b&gt;title&lt;/b&gt;"));
    let script = html
        .split(r#"<script type="application/json">"#)
        .nth(1)
        .expect("the inline document");
    let json = script
        .strip_suffix("</script></article-reader>")
        .expect("one script, at the end");
    assert!(!json.contains('<'), "{json}");
    assert_eq!(
        article_reader::core::json::parse(json).expect("still JSON"),
        article_reader::core::json::parse(text).expect("JSON")
    );
    assert!(html.contains(r#"<a class="share-link share-x" href="https://x.com/intent/tweet?"#));
    assert!(html.contains("url=https%3A%2F%2Fnews.example%2Fa"));
}

/// The command line takes the stylesheet's address as a publisher writes it in a page (relative to
/// it, or absolute) and refuses one the URL policy refuses, with the usage and exit code 2.
#[test]
fn render_embed_takes_a_relative_stylesheet_and_refuses_a_script_address() {
    let doc = std::env::temp_dir().join(format!("render-embed-{}.json", std::process::id()));
    std::fs::write(&doc, r#"{"version":"1","headline":"H","body":[]}"#).expect("a temporary file");
    let run = |stylesheet: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_article-reader"))
            .args(["render", "--embed", "--stylesheet", stylesheet])
            .arg(&doc)
            .output()
            .expect("the command line runs")
    };
    let relative = run("/assets/reader.css");
    assert!(relative.status.success(), "{relative:?}");
    assert!(String::from_utf8_lossy(&relative.stdout)
        .contains(r#"<link rel="stylesheet" href="/assets/reader.css">"#));
    let refused = run("javascript:alert(1)");
    assert_eq!(refused.status.code(), Some(2));
    assert!(refused.stdout.is_empty());
    let _ = std::fs::remove_file(&doc);
}

#[test]
fn data_saver_draws_pictures_after_the_lead_as_boxes_that_request_nothing() {
    use article_reader::view::render::Cx;
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("tests/fixtures/gallery.json")).unwrap();
    let article = decode_with(&text, Some(BASE), Format::Auto, None)
        .unwrap()
        .article;
    let ui = Ui::new(choose(Some("en"), Some(&article.lang), None), None);
    let draw = |saving: bool| {
        let mut out = HtmlText::new();
        Cx::new(&article, &ui, "w1")
            .saving_data(saving)
            .article(&mut out, usize::MAX);
        out.finish()
    };
    let (normal, saving) = (draw(false), draw(true));
    // The lead picture loads either way; every other picture keeps its addresses aside.
    let lead = |html: &str| {
        html.split("figure-lead")
            .nth(1)
            .unwrap()
            .split("</figure>")
            .next()
            .unwrap()
            .to_owned()
    };
    assert_eq!(lead(&normal), lead(&saving));
    let body = |html: &str| html.split("article-body").nth(1).unwrap().to_owned();
    assert!(body(&normal).contains(" src=\"") && !body(&normal).contains("data-src"));
    assert!(!body(&saving).contains(" src=\"") && !body(&saving).contains(" srcset=\""));
    assert_eq!(
        body(&normal).matches(" src=\"").count(),
        body(&saving).matches(" data-src=\"").count()
    );
    // Their boxes keep their size, and the buttons that show them are there, named.
    assert_eq!(
        body(&normal).matches(" width=\"").count(),
        body(&saving).matches(" width=\"").count()
    );
    assert_eq!(saving.matches(">Show picture</button>").count(), 1);
    assert_eq!(saving.matches(">Show the pictures</button>").count(), 1);
    assert!(!normal.contains("picture-show"));
}
