//! Publishers' formats (spec §4), natively: each fixture — shaped like a real answer of its system
//! — is detected from its shape alone and lands in the v1 model with its headline, body, authors,
//! dates, lead image and credit; messy values are warnings with a path; JSON that is no article is
//! an error that says what was found.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use article_reader::core::json;
use article_reader::core::model::{Block, Direction};
use article_reader::document::formats::{detect, Format};
use article_reader::document::{decode_str, decode_with, DecodeError, Decoded};

mod common;
use common::{paths, replaced};

const BASE: Option<&str> = Some("https://api.example/content/doc.json");

fn read(fixture: &str) -> Decoded {
    let text = std::fs::read_to_string(format!("tests/fixtures/formats/{fixture}")).unwrap();
    decode_str(&text, BASE).unwrap_or_else(|e| panic!("{fixture}: {e}"))
}

fn kinds(decoded: &Decoded) -> Vec<&'static str> {
    decoded.article.body.iter().map(Block::type_name).collect()
}

fn body_text(decoded: &Decoded) -> String {
    serde_json::to_string(&decoded.article.body).unwrap()
}

#[test]
fn a_wordpress_post_with_embeds() {
    let d = read("wordpress-post.json");
    let a = &d.article;
    assert_eq!(d.format, Format::WordPress);
    assert_eq!(
        &*a.headline,
        "Café owners cheer as the bridge opens – at last"
    );
    assert_eq!(
        a.url.as_ref().unwrap().as_str(),
        "https://riverside.example/2024/05/02/bridge-opens/"
    );
    assert_eq!(
        a.published.as_ref().unwrap().text(),
        "2024-05-02T10:30:00Z",
        "date_gmt is UTC"
    );
    assert_eq!(a.modified.as_ref().unwrap().text(), "2024-05-03T07:00:00Z");
    assert_eq!(&*a.authors[0].name, "Sam O'Neil");
    assert_eq!(&*a.lang, "en-GB");
    let lead = a.lead_image.as_ref().unwrap();
    assert_eq!(&*lead.alt, "The bridge at dusk, lit in blue");
    assert_eq!(
        &*lead.credit.as_ref().unwrap().text,
        "Ana Ruiz / Riverside News"
    );
    assert_eq!(
        lead.caption.as_ref().unwrap().plain_text(),
        "The bridge on its first evening."
    );
    assert_eq!(
        lead.srcset.iter().map(|e| e.width).collect::<Vec<_>>(),
        [300, 1024, 2000]
    );
    assert_eq!(&*a.section[0].name, "Local & Regional");
    assert_eq!(
        a.tags.iter().map(|t| &**t).collect::<Vec<_>>(),
        ["Transport", "Bridge"]
    );
    assert_eq!(a.comments.as_ref().unwrap().count, 2);
    assert_eq!(
        kinds(&d),
        [
            "paragraph",
            "image",
            "heading",
            "list",
            "quote",
            "social_post",
            "embed",
            "gallery",
            "paragraph"
        ]
    );
    let Block::Quote { cite, .. } = &a.body[4] else {
        panic!()
    };
    assert_eq!(cite.as_deref(), Some("Mayor Lena Park"));
    // The tweet's fallback quotation is the post itself; its script is gone.
    let Block::SocialPost { post } = &a.body[5] else {
        panic!()
    };
    assert_eq!(post.provider.as_deref(), Some("X"));
    assert_eq!(
        post.author.as_ref().unwrap().handle.as_deref(),
        Some("@riverside")
    );
    assert_eq!(
        post.url.as_ref().unwrap().as_str(),
        "https://twitter.com/riverside/status/1"
    );
    let Block::Embed {
        provider, title, ..
    } = &a.body[6]
    else {
        panic!()
    };
    assert_eq!(
        (provider.as_deref(), title.as_deref()),
        (Some("YouTube"), Some("The bridge opening in 60 seconds"))
    );
    let text = body_text(&d);
    assert!(
        text.contains("https://riverside.example/2023/plans/"),
        "relative link resolved against the post's page"
    );
    assert!(text.contains("Tolls stay at €1 & children ride free."));
    for hostile in [
        "steal",
        "onerror",
        "onclick",
        "<script",
        "widgets.js",
        "display:none",
        "border:0",
    ] {
        assert!(!text.contains(hostile), "{hostile} kept");
    }
}

#[test]
fn an_array_of_posts_gives_the_first_and_the_others_as_cards() {
    let post = std::fs::read_to_string("tests/fixtures/formats/wordpress-post.json").unwrap();
    let other = r#"{"title":{"rendered":"Second &amp; last"},"link":"https://riverside.example/2/","content":{"rendered":"<p>x</p>"},"date_gmt":"2024-05-01T08:00:00"}"#;
    let d = decode_str(&format!("[{post},{other}]"), BASE).unwrap();
    assert_eq!(d.format, Format::WordPress);
    assert!(d.article.headline.starts_with("Café owners"));
    assert_eq!(&*d.article.related[0].headline, "Second & last");
    assert!(decode_str("[]", BASE).is_err());
}

#[test]
fn a_json_feed_item_with_audio() {
    let d = read("jsonfeed.json");
    let a = &d.article;
    assert_eq!(d.format, Format::JsonFeed);
    assert_eq!(&*a.headline, "Harbour wall repairs finish early");
    assert_eq!(&*a.authors[0].name, "Priya Nair");
    assert_eq!(
        a.published.as_ref().unwrap().text(),
        "2024-03-01T08:00:00-05:00"
    );
    assert_eq!(
        a.lead_image
            .as_ref()
            .unwrap()
            .src
            .as_ref()
            .unwrap()
            .as_str(),
        "https://tideline.example/img/wall-wide.jpg"
    );
    assert_eq!(a.audio.len(), 1, "only the audio attachment");
    assert_eq!(a.audio[0].duration_seconds, Some(245));
    assert_eq!(&*a.site.as_ref().unwrap().name, "The Tideline");
    assert_eq!(&*a.lang, "en-US");
    assert_eq!(
        kinds(&d),
        ["paragraph", "image", "heading", "paragraph", "embed"]
    );
    let Block::Image { image } = &a.body[1] else {
        panic!()
    };
    assert_eq!(
        image.src.as_ref().unwrap().as_str(),
        "https://tideline.example/img/wall.jpg",
        "against the item's page"
    );
    assert_eq!(a.related.len(), 1, "the titled other item");
    assert!(!body_text(&d).contains("srcdoc") && !body_text(&d).contains("script"));
}

#[test]
fn a_json_feed_item_can_be_chosen_and_a_feed_without_items_says_so() {
    let text = std::fs::read_to_string("tests/fixtures/formats/jsonfeed.json").unwrap();
    let second = decode_with(&text, BASE, Format::Auto, Some("2")).unwrap();
    assert_eq!(&*second.article.headline, "Ferry timetable changes");
    assert_eq!(kinds(&second), ["paragraph", "paragraph"]);
    assert_eq!(
        second.article.authors[0].name.as_ref(),
        "The Tideline desk",
        "the feed's authors"
    );
    let untitled = decode_with(&text, BASE, Format::Auto, Some("3")).unwrap();
    assert_eq!(
        &*untitled.article.headline,
        "Sunny all week on the coast, for once."
    );
    assert!(untitled
        .warnings
        .iter()
        .any(|w| w.message.contains("no headline")));
    let missing = decode_with(&text, BASE, Format::Auto, Some("99")).unwrap_err();
    assert_eq!(missing.to_string(), "items: no item with the id \"99\"");
    let empty = decode_str(
        r#"{"version":"https://jsonfeed.org/version/1","title":"Empty","items":[]}"#,
        BASE,
    )
    .unwrap_err();
    assert_eq!(
        empty.to_string(),
        "items: a JSON Feed with no items: there is no article to show"
    );
}

#[test]
fn a_yoast_style_json_ld_graph() {
    let d = read("jsonld-graph.json");
    let a = &d.article;
    assert_eq!(d.format, Format::JsonLd);
    assert_eq!(&*a.headline, "Rail link to the valley gets its funding");
    assert_eq!(
        a.published.as_ref().unwrap().text(),
        "2024-06-10T07:45:00+02:00",
        "+0200 read as +02:00"
    );
    assert!(a.published.as_ref().unwrap().checked().is_some());
    assert_eq!(a.modified.as_ref().unwrap().text(), "2024-06-10");
    assert_eq!(
        a.authors.iter().map(|p| &*p.name).collect::<Vec<_>>(),
        ["Eva Moser", "Tom Berg"]
    );
    assert_eq!(
        a.authors[0].avatar.as_ref().unwrap().as_str(),
        "https://valley.example/eva.jpg"
    );
    let lead = a.lead_image.as_ref().unwrap();
    assert_eq!(lead.width, Some(1600));
    assert_eq!(&*lead.alt, "The old station's brick front with its clock");
    assert_eq!(
        &*lead.credit.as_ref().unwrap().text,
        "Valley Times / M. Gruber"
    );
    assert_eq!(
        lead.caption.as_ref().unwrap().plain_text(),
        "The old station, to be rebuilt"
    );
    assert_eq!(
        a.url.as_ref().unwrap().as_str(),
        "https://valley.example/news/rail-link/"
    );
    assert_eq!(&*a.lang, "de-AT");
    assert_eq!(&*a.site.as_ref().unwrap().name, "Valley Times");
    assert_eq!(a.tags.len(), 3);
    assert_eq!(a.section.len(), 2);
    assert_eq!(kinds(&d), ["paragraph", "paragraph"]);
    assert!(!body_text(&d).contains("alert"));
}

#[test]
fn json_ld_without_an_article_says_what_it_found() {
    let org = r#"{"@context":"https://schema.org","@type":"Organization","name":"Acme"}"#;
    assert_eq!(
        decode_str(org, BASE).unwrap_err().to_string(),
        "document: schema.org JSON-LD without an Article (found: Organization): there is no article to show"
    );
    let plain = r#"[{"@context":"https://schema.org","@type":"BlogPosting","headline":"Short","articleBody":"One.\n\nTwo."}]"#;
    let d = decode_str(plain, BASE).unwrap();
    assert_eq!(kinds(&d), ["paragraph", "paragraph"]);
}

#[test]
fn an_ans_story_with_credits_related_content_and_raw_html() {
    let d = read("ans-story.json");
    let a = &d.article;
    assert_eq!(d.format, Format::Ans);
    assert_eq!(
        &*a.headline,
        "Las defensas contra inundaciones resisten la tormenta"
    );
    assert_eq!(&*a.lang, "es");
    assert_eq!(
        a.url.as_ref().unwrap().as_str(),
        "https://api.example/news/2024/07/15/flood-defences/"
    );
    assert_eq!(&*a.authors[0].name, "Lucía Gómez");
    let lead = a.lead_image.as_ref().unwrap();
    assert_eq!(
        &*lead.credit.as_ref().unwrap().text,
        "Pablo Ruiz, Agencia Río"
    );
    assert_eq!(&*a.section[0].name, "Clima");
    assert_eq!(
        kinds(&d),
        [
            "paragraph",
            "heading",
            "list",
            "quote",
            "image",
            "divider",
            "related_link",
            "embed",
            "paragraph"
        ]
    );
    let Block::Quote { cite, pull, .. } = &a.body[3] else {
        panic!()
    };
    assert_eq!((cite.as_deref(), *pull), (Some("La alcaldesa"), true));
    assert_eq!(&*a.related[0].headline, "El plan de defensas, paso a paso");
    assert!(body_text(&d).contains("Teléfono de emergencias: 112"));
    assert!(!body_text(&d).contains("alert"));
    assert_eq!(
        d.warnings[0].path, "content_elements[9]",
        "an unknown element type is a warning"
    );
}

#[test]
fn a_ghost_post() {
    let d = read("ghost-posts.json");
    let a = &d.article;
    assert_eq!(d.format, Format::Ghost);
    assert_eq!(&*a.headline, "Notes from the allotment: the first tomatoes");
    assert_eq!(
        a.url.as_ref().unwrap().as_str(),
        "https://garden.example/notes/first-tomatoes/",
        "canonical_url wins"
    );
    assert_eq!(
        a.summary[0].plain_text(),
        "A good year for tomatoes, a bad one for slugs."
    );
    let lead = a.lead_image.as_ref().unwrap();
    assert_eq!(&*lead.alt, "Rows of plants in the sun");
    assert_eq!(
        lead.caption.as_ref().unwrap().plain_text(),
        "Photo by Jo Lind"
    );
    assert_eq!(&*a.authors[0].name, "Jo Lind");
    assert_eq!(
        a.tags.iter().map(|t| &**t).collect::<Vec<_>>(),
        ["Vegetables"],
        "internal tags stay internal"
    );
    assert_eq!(kinds(&d), ["paragraph", "image", "divider", "paragraph"]);
}

#[test]
fn an_apple_news_article() {
    let d = read("apple-news.json");
    let a = &d.article;
    assert_eq!(d.format, Format::AppleNews);
    // What Apple News shows: the title component, not the root title (used in feeds).
    assert_eq!(&*a.headline, "Le marché de nuit revient");
    assert_eq!(&*a.lang, "fr");
    assert_eq!(
        a.authors.iter().map(|p| &*p.name).collect::<Vec<_>>(),
        ["Claire Dubois", "Marc Petit"]
    );
    assert_eq!(
        kinds(&d),
        [
            "image",
            "paragraph",
            "paragraph",
            "heading",
            "paragraph",
            "paragraph",
            "quote",
            "divider",
            "paragraph",
            "audio"
        ]
    );
    let Block::Quote { pull, .. } = &a.body[6] else {
        panic!()
    };
    assert!(*pull);
    assert!(!body_text(&d).contains("javascript"));
    assert!(
        d.warnings.iter().any(|w| w.path == "components[11].URL"),
        "bundle:// pictures are left out"
    );
}

#[test]
fn right_to_left_sources_get_their_direction() {
    let doc = r#"{"@context":"https://schema.org","@type":"NewsArticle","headline":"عنوان","inLanguage":"ar","articleBody":"نص"}"#;
    let d = decode_str(doc, BASE).unwrap();
    assert_eq!(d.article.dir, Direction::Rtl);
}

#[test]
fn messy_values_are_warnings_with_a_path_never_a_refused_article() {
    let doc = r#"{"id":7,"title":{"rendered":42},"content":{"rendered":"<p>Text</p>"},"excerpt":{"rendered":null},
        "date_gmt":"yesterday","link":"javascript:alert(1)","_embedded":{"author":[{"name":["x"]}],"wp:featuredmedia":[{"source_url":{"a":1}}]}}"#;
    let d = decode_str(doc, BASE).unwrap();
    assert_eq!(d.format, Format::WordPress);
    assert_eq!(&*d.article.headline, "42");
    let paths: Vec<&str> = d.warnings.iter().map(|w| w.path.as_str()).collect();
    for expected in [
        "date_gmt",
        "link",
        "_embedded.author[0].name",
        "_embedded.wp:featuredmedia[0].source_url",
    ] {
        assert!(paths.contains(&expected), "{expected} in {paths:?}");
    }
    let ghost = r#"{"posts":[{"title":null,"html":null,"slug":"x","tags":"a, b"}]}"#;
    let error = decode_str(ghost, BASE).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("neither a headline nor any text"),
        "{error}"
    );
}

#[test]
fn detection_needs_nothing_but_the_shape_and_format_can_force_one() {
    for (file, format) in [
        ("wordpress-post.json", Format::WordPress),
        ("jsonfeed.json", Format::JsonFeed),
        ("jsonld-graph.json", Format::JsonLd),
        ("ans-story.json", Format::Ans),
        ("ghost-posts.json", Format::Ghost),
        ("apple-news.json", Format::AppleNews),
    ] {
        let text = std::fs::read_to_string(format!("tests/fixtures/formats/{file}")).unwrap();
        assert_eq!(detect(&json::parse(&text).unwrap()), Some(format), "{file}");
        assert_eq!(
            decode_with(&text, BASE, format, None).unwrap().format,
            format
        );
    }
    let v1 = include_str!("fixtures/all-blocks.json");
    assert_eq!(decode_str(v1, BASE).unwrap().format, Format::V1);
    // Forcing the wrong format is the forced format's own error, not a guess.
    let forced = decode_with(v1, BASE, Format::JsonFeed, None).unwrap_err();
    assert!(matches!(forced, DecodeError::Field(_)), "{forced}");
    let unknown = decode_str(r#"{"kind":"video","id":3}"#, BASE).unwrap_err();
    assert!(
        unknown
            .to_string()
            .starts_with("document: not an article: an object with kind, id."),
        "{unknown}"
    );
}

#[test]
fn every_converted_fixture_is_a_valid_v1_document() {
    for file in [
        "wordpress-post.json",
        "jsonfeed.json",
        "jsonld-graph.json",
        "ans-story.json",
        "ghost-posts.json",
        "apple-news.json",
    ] {
        let d = read(file);
        let written = serde_json::to_string(&d.article).unwrap();
        let again =
            decode_with(&written, BASE, Format::V1, None).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(again.article, d.article, "{file}");
    }
}

#[test]
fn a_wrong_type_at_every_field_of_every_format_is_a_warning_or_a_message_never_a_panic() {
    let wrong = [
        json::Json::Null,
        json::Json::Bool(true),
        json::Json::Number("42".into()),
        json::Json::String("<img src=x onerror=alert(1)>".into()),
        json::Json::Array(vec![]),
        json::Json::Array(vec![json::Json::Null]),
        json::Json::Object(vec![]),
    ];
    let mut tried = 0;
    for file in [
        "wordpress-post.json",
        "jsonfeed.json",
        "jsonld-graph.json",
        "ans-story.json",
        "ghost-posts.json",
        "apple-news.json",
    ] {
        let text = std::fs::read_to_string(format!("tests/fixtures/formats/{file}")).unwrap();
        let document = json::parse(&text).unwrap();
        let format = detect(&document).unwrap();
        let mut all = Vec::new();
        paths(&document, String::new(), &mut all);
        for target in &all {
            for replacement in &wrong {
                let mutated = replaced(&document, "", target, replacement);
                tried += 1;
                // Forced to the fixture's format: a mutation may not turn it into another one.
                match article_reader::document::decode_value_with(&mutated, BASE, format, None) {
                    Ok(decoded) => assert!(
                        decoded.warnings.iter().all(|w| !w.message.is_empty()),
                        "{file} {target}"
                    ),
                    Err(issue) => assert!(
                        issue.message.contains("nothing to show")
                            || issue.message.contains("no article")
                            || issue.message.starts_with("expected")
                            || issue.message.starts_with("no item"),
                        "{file} {target} = {replacement}: {issue}"
                    ),
                }
            }
        }
    }
    eprintln!("publishers' formats: {tried} wrong-typed documents tried");
    assert!(tried > 2000, "{tried}");
}

#[test]
fn json_feeds_with_an_http_version_url_or_a_bare_version_number_are_json_feeds() {
    for version in [
        "http://jsonfeed.org/version/1",
        "https://JSONFeed.org/version/1.1",
        "1.0",
    ] {
        let text = format!(
            r#"{{"version":"{version}","title":"Harbour news","items":[{{"id":"1","title":"Ferry back on time","content_text":"The ferry kept its timetable all week."}}]}}"#
        );
        let d = decode_str(&text, BASE).unwrap_or_else(|e| panic!("{version}: {e}"));
        assert_eq!(d.format, Format::JsonFeed, "{version}");
        assert_eq!(&*d.article.headline, "Ferry back on time");
        assert_eq!(kinds(&d), ["paragraph"]);
    }
}

#[test]
fn json_ld_articles_as_a_pages_main_entity_nested_in_graphs_with_array_types_not_first() {
    // The article is the WebPage's mainEntity, under a @graph, after other nodes.
    let page = r#"[{"@context":"https://schema.org","@type":"Organization","name":"Valley Times"},
      {"@context":"https://schema.org","@graph":[
        {"@type":"BreadcrumbList","itemListElement":[]},
        {"@type":["WebPage","ItemPage"],"@id":"https://valley.example/a#page","mainEntity":
          {"@type":["CreativeWork","schema:NewsArticle"],"headline":"The dam opens","articleBody":"<p>Water flows.</p>",
           "datePublished":"2024-05-02T10:30:00+02:00"}}]}]"#;
    let d = decode_str(page, BASE).unwrap();
    assert_eq!(d.format, Format::JsonLd);
    assert_eq!(&*d.article.headline, "The dam opens");
    assert_eq!(
        body_text(&d),
        r#"[{"type":"paragraph","content":[{"text":"Water flows."}]}]"#
    );
    // A graph held by the main entity itself.
    let nested = r##"{"@context":"https://schema.org","@type":"WebPage","mainEntity":{"@graph":[
        {"@type":"Person","@id":"#p","name":"Eva Brandt"},
        {"@type":"https://schema.org/BlogPosting","headline":"Inside a graph","author":{"@id":"#p"}}]}}"##;
    let d = decode_str(nested, BASE).unwrap();
    assert_eq!(&*d.article.headline, "Inside a graph");
    assert_eq!(&*d.article.authors[0].name, "Eva Brandt");
}

#[test]
fn a_live_blog_gives_its_updates_as_dated_sections_newest_first() {
    let live = r#"{"@context":"https://schema.org","@type":"LiveBlogPosting","headline":"Election night",
      "description":"Results as they come in.","liveBlogUpdate":[
        {"@type":"BlogPosting","headline":"Polls close","datePublished":"2024-05-02T20:00:00Z","articleBody":"Counting begins."},
        {"@type":"BlogPosting","datePublished":"2024-05-02T23:10:00+01:00","articleBody":"<p>North declares.</p><p>Turnout 61%.</p>"},
        {"@type":"BlogPosting","headline":"First result","datePublished":"2024-05-02T21:30:00Z","articleBody":"South declares."}]}"#;
    let d = decode_str(live, BASE).unwrap();
    let body = &d.article.body;
    let updates: Vec<(String, String)> = body
        .iter()
        .filter_map(|b| match b {
            Block::Note { note } => Some((
                note.date.as_ref().unwrap().text().to_owned(),
                note.content.plain_text(),
            )),
            _ => None,
        })
        .collect();
    assert_eq!(
        updates,
        [
            (
                "2024-05-02T23:10:00+01:00".to_owned(),
                "North declares.".to_owned()
            ),
            ("2024-05-02T21:30:00Z".to_owned(), "First result".to_owned()),
            ("2024-05-02T20:00:00Z".to_owned(), "Polls close".to_owned()),
        ],
        "newest first (22:10 UTC, 21:30, 20:00)"
    );
    assert_eq!(
        kinds(&d),
        [
            "note",
            "paragraph",
            "note",
            "paragraph",
            "note",
            "paragraph"
        ]
    );
    let html = article_reader::view::render::article_html(
        &d.article,
        &article_reader::reader::i18n::Ui::new(
            article_reader::reader::i18n::table("en").unwrap(),
            None,
        ),
        "w",
    );
    assert!(html.contains("Update"), "{html}");
    assert!(
        html.contains(r#"datetime="2024-05-02T21:30:00Z""#),
        "{html}"
    );
}

#[test]
fn text_in_a_right_to_left_script_reads_right_to_left_when_no_language_is_named() {
    let feed = r#"{"version":"https://jsonfeed.org/version/1.1","title":"أخبار","items":[
        {"id":"1","title":"افتتاح الجسر الجديد","content_text":"افتتح الجسر اليوم."}]}"#;
    let d = decode_str(feed, BASE).unwrap();
    assert_eq!(d.article.dir, Direction::Rtl);
    let v1 = r#"{"version":"1","headline":"«הגשר נפתח»","body":[]}"#;
    assert_eq!(decode_str(v1, BASE).unwrap().article.dir, Direction::Rtl);
    // A named language or direction still decides; Latin text stays left to right.
    let named = r#"{"version":"1","lang":"en","headline":"افتتاح","body":[]}"#;
    assert_eq!(decode_str(named, BASE).unwrap().article.dir, Direction::Ltr);
    let latin = r#"{"version":"1","headline":"2024: the bridge","body":[]}"#;
    assert_eq!(decode_str(latin, BASE).unwrap().article.dir, Direction::Ltr);
    let ld =
        r#"{"@context":"https://schema.org","@type":"NewsArticle","headline":"پل جدید باز شد"}"#;
    assert_eq!(decode_str(ld, BASE).unwrap().article.dir, Direction::Rtl);
}

#[test]
fn wordpress_without_embed_takes_the_author_and_picture_from_plugin_fields() {
    let post = r#"{"id":7,"date_gmt":"2024-05-02T10:30:00","link":"https://riverside.example/p/7",
      "title":{"rendered":"Bridge opens"},"content":{"rendered":"<p>Text.</p>"},
      "author_info":{"display_name":"Sam O&#8217;Neil","author_link":"https://riverside.example/author/sam"},
      "jetpack_featured_media_url":"https://riverside.example/wp-content/uploads/bridge.jpg"}"#;
    let d = decode_str(post, BASE).unwrap();
    assert_eq!(d.format, Format::WordPress);
    assert_eq!(&*d.article.authors[0].name, "Sam O’Neil");
    assert_eq!(
        d.article.authors[0].url.as_ref().unwrap().as_str(),
        "https://riverside.example/author/sam"
    );
    assert_eq!(
        d.article
            .lead_image
            .as_ref()
            .unwrap()
            .src
            .as_ref()
            .unwrap()
            .as_str(),
        "https://riverside.example/wp-content/uploads/bridge.jpg"
    );
    let other = post
        .replace(r#""jetpack_featured_media_url""#, r#""featured_image_src""#)
        .replace(r#""author_info":{"display_name":"Sam O&#8217;Neil","author_link":"https://riverside.example/author/sam"},"#, r#""yoast_head_json":{"author":"Ana Ruiz"},"#);
    let d = decode_str(&other, BASE).unwrap();
    assert_eq!(&*d.article.authors[0].name, "Ana Ruiz");
    assert!(d.article.lead_image.is_some());
    // `_embed` still wins when it is there.
    let embedded = post.replace(
        r#""author_info""#,
        r#""_embedded":{"author":[{"name":"Embedded Name"}]},"x""#,
    );
    let d = decode_str(&embedded, BASE).unwrap();
    assert_eq!(&*d.article.authors[0].name, "Embedded Name");
}
