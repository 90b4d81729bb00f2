//! Native tests of validation: what a valid document becomes, and the field path of every failure.
#![cfg(not(target_arch = "wasm32"))]

use article_reader::core::model::{Block, Direction, Mark};
use article_reader::document::{decode_str, DecodeError};

const BASE: Option<&str> = Some("https://news.example/api/story.json");
const ALL_BLOCKS: &str = include_str!("fixtures/all-blocks.json");

fn error_of(doc: &str) -> String {
    match decode_str(doc, BASE) {
        Ok(_) => panic!("document was accepted: {doc}"),
        Err(issue) => issue.to_string(),
    }
}

#[test]
fn every_block_type_decodes_and_unknown_types_are_skipped_with_a_warning() {
    let decoded = decode_str(ALL_BLOCKS, BASE).expect("fixture is valid");
    let body = &decoded.article.body;
    assert_eq!(body.len(), 15, "16 blocks less the unknown one");
    assert!(matches!(body[0], Block::Paragraph { .. }));
    assert!(matches!(body[2], Block::Heading { level: 2, .. }));
    assert!(matches!(body[4], Block::Heading { level: 4, .. }));
    assert!(matches!(body[7], Block::Quote { pull: true, .. }));
    assert!(matches!(body[9], Block::List { ordered: true, .. }));
    assert!(matches!(body[11], Block::Divider));
    assert!(matches!(body[13], Block::Embed { .. }));
    assert!(decoded
        .warnings
        .iter()
        .any(|w| w.path == "body[14]" && w.message.contains("hologram")));
}

#[test]
fn relative_addresses_resolve_against_the_document_url() {
    let article = decode_str(ALL_BLOCKS, BASE).unwrap().article;
    let lead = article.lead_image.as_ref().unwrap();
    assert_eq!(
        lead.src.as_ref().unwrap().as_str(),
        "https://news.example/api/img/lead.png"
    );
    assert_eq!(
        lead.srcset_attr().as_deref(),
        Some("https://news.example/api/img/lead-400.png 400w, https://news.example/api/img/lead.png 800w")
    );
    assert_eq!(
        article.section[0].url.as_ref().unwrap().as_str(),
        "https://news.example/world/"
    );
    assert_eq!(
        article.related[0].url.as_ref().unwrap().as_str(),
        "https://news.example/2024/one"
    );
}

#[test]
fn marks_are_kept_and_unknown_marks_ignored() {
    let article = decode_str(ALL_BLOCKS, BASE).unwrap().article;
    let Block::Paragraph { content } = &article.body[1] else {
        panic!("paragraph expected")
    };
    let strong = &content.0[1];
    assert!(strong.marks.has(Mark::Strong));
    let blink = content.0.iter().find(|r| &*r.text == "blinking").unwrap();
    assert!(blink.marks.is_empty());
    let link = content.0.iter().find(|r| &*r.text == "a link").unwrap();
    assert_eq!(
        link.href.as_ref().unwrap().as_str(),
        "https://example.org/page"
    );
}

#[test]
fn html_in_text_stays_text() {
    let article = decode_str(ALL_BLOCKS, BASE).unwrap().article;
    let Block::Paragraph { content } = &article.body[0] else {
        panic!()
    };
    assert_eq!(
        content.plain_text(),
        "A plain paragraph with <b>tags</b> that stay text."
    );
}

#[test]
fn share_parameters_are_normalised() {
    let article = decode_str(ALL_BLOCKS, BASE).unwrap().article;
    let share = article.share.unwrap();
    assert_eq!(
        share.hashtags.iter().map(|t| &**t).collect::<Vec<_>>(),
        ["format", "v1"]
    );
    assert_eq!(share.via.as_deref(), Some("gazette"));
}

#[test]
fn updated_shows_only_when_later_than_published() {
    let article = decode_str(ALL_BLOCKS, BASE).unwrap().article;
    assert!(article.visible_update().is_some());
    let same = r#"{"version":"1","headline":"h","body":[],"published":"2024-01-02T10:00:00Z","modified":"2024-01-02T11:00:00+01:00"}"#;
    assert!(decode_str(same, BASE)
        .unwrap()
        .article
        .visible_update()
        .is_none());
    let only_modified = r#"{"version":"1","headline":"h","body":[],"modified":"2024-01-02"}"#;
    assert!(decode_str(only_modified, BASE)
        .unwrap()
        .article
        .visible_update()
        .is_some());
}

#[test]
fn minimal_document_gets_the_defaults() {
    let article = decode_str(include_str!("fixtures/minimal.json"), BASE)
        .unwrap()
        .article;
    assert_eq!(&*article.lang, "en");
    assert_eq!(article.dir, Direction::Ltr);
    assert!(article.body.is_empty());
}

#[test]
fn direction_follows_the_language_unless_given() {
    let article = decode_str(include_str!("fixtures/rtl-arabic.json"), BASE)
        .unwrap()
        .article;
    assert_eq!(article.dir, Direction::Rtl);
    for (lang, dir) in [
        ("he-IL", Direction::Rtl),
        ("fa", Direction::Rtl),
        ("UR", Direction::Rtl),
        ("en", Direction::Ltr),
        ("ary", Direction::Ltr),
    ] {
        let doc = format!(r#"{{"version":"1","headline":"h","body":[],"lang":"{lang}"}}"#);
        assert_eq!(decode_str(&doc, BASE).unwrap().article.dir, dir, "{lang}");
    }
    let forced = r#"{"version":"1","headline":"h","body":[],"lang":"ar","dir":"ltr"}"#;
    assert_eq!(
        decode_str(forced, BASE).unwrap().article.dir,
        Direction::Ltr
    );
}

#[test]
fn language_tags_must_have_the_shape_of_bcp_47() {
    for (tag, kept) in [
        ("pt-BR", true),
        ("zh-Hant-TW", true),
        ("es-419", true),
        ("e1", false),           // a language subtag has letters only
        ("e", false),            // and two to eight of them
        ("en-abcdefghi", false), // no subtag is longer than eight
        ("en-a_b", false),       // subtags are letters and digits
        ("en-", false),
    ] {
        let doc = format!(r#"{{"version":"1","headline":"h","body":[],"lang":"{tag}"}}"#);
        let decoded = decode_str(&doc, BASE).unwrap();
        let expected = if kept { tag } else { "en" };
        assert_eq!(&*decoded.article.lang, expected, "{tag}");
        assert_eq!(
            decoded.warnings.is_empty(),
            kept,
            "{tag}: a warning when replaced"
        );
    }
}

#[test]
fn a_malformed_language_tag_falls_back_to_english_with_a_warning() {
    let doc = r#"{"version":"1","headline":"h","body":[],"lang":"\"><script>"}"#;
    let decoded = decode_str(doc, BASE).unwrap();
    assert_eq!(&*decoded.article.lang, "en");
    assert_eq!(decoded.warnings[0].path, "lang");
}

#[test]
fn hostile_addresses_are_dropped_and_their_text_kept() {
    let decoded = decode_str(include_str!("fixtures/hostile-urls.json"), BASE).unwrap();
    let article = decoded.article;
    assert!(article.url.is_none());
    assert!(article.site.as_ref().unwrap().url.is_none());
    assert!(article.authors[0].url.is_none());
    assert!(article.lead_image.as_ref().unwrap().src.is_none());
    assert!(matches!(
        &article.body[1],
        Block::RelatedLink { url: None, .. }
    ));
    assert!(matches!(&article.body[2], Block::Embed { url: None, .. }));
    assert!(article.related[0].url.is_none());
    assert_eq!(&*article.headline, "<img src=x onerror=alert(1)>");
    let paths: Vec<&str> = decoded.warnings.iter().map(|w| w.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "url",
            "site.url",
            "authors[0].url",
            "lead_image.src",
            "body[0].content[0].href",
            "body[1].url",
            "body[2].url",
            "related[0].url",
        ],
        "each dropped address is reported once, at its path"
    );
    assert!(decoded
        .warnings
        .iter()
        .all(|w| w.message == "not an http or https address; dropped"));
}

#[test]
fn required_fields_name_their_path() {
    assert_eq!(
        error_of(r#"{"headline":"h","body":[]}"#),
        "version: missing"
    );
    assert_eq!(
        error_of(r#"{"version":"1","body":[]}"#),
        "headline: missing"
    );
    assert_eq!(
        error_of(r#"{"version":"1","headline":"h"}"#),
        "body: missing (the article text)"
    );
    assert_eq!(
        error_of(r#"{"version":"1","headline":null,"body":[]}"#),
        "headline: missing"
    );
}

#[test]
fn wrong_types_name_their_path() {
    let cases = [
        (
            r#"{"version":1,"headline":"h","body":[]}"#,
            "version: expected string",
        ),
        (
            r#"{"version":"1","headline":["h"],"body":[]}"#,
            "headline: expected string",
        ),
        (
            r#"{"version":"1","headline":"h","body":{}}"#,
            "body: expected array",
        ),
        (
            r#"{"version":"1","headline":"h","body":["text"]}"#,
            "body[0]: expected object",
        ),
        (
            r#"{"version":"1","headline":"h","body":[{"type":"divider"},{"type":"divider"},{"type":"divider"},{"type":"paragraph","content":5}]}"#,
            "body[3].content: expected string or array",
        ),
        (
            r#"{"version":"1","headline":"h","body":[{"type":"paragraph","content":[1]}]}"#,
            "body[0].content[0]: expected string or object",
        ),
        (
            r#"{"version":"1","headline":"h","body":[{"type":"paragraph","content":[{"marks":["em"]}]}]}"#,
            "body[0].content[0].text: missing",
        ),
        (
            r#"{"version":"1","headline":"h","body":[{"type":"paragraph","content":[{"text":"a","marks":"em"}]}]}"#,
            "body[0].content[0].marks: expected array",
        ),
        (
            r#"{"version":"1","headline":"h","body":[{"content":"x"}]}"#,
            "body[0].type: missing",
        ),
        (
            r#"{"version":"1","headline":"h","body":[{"type":"heading","level":"2","content":"x"}]}"#,
            "body[0].level: expected a whole number, 0 or more",
        ),
        (
            r#"{"version":"1","headline":"h","body":[{"type":"list","items":"a"}]}"#,
            "body[0].items: expected array",
        ),
        (
            r#"{"version":"1","headline":"h","body":[{"type":"quote","content":"q","pull":"yes"}]}"#,
            "body[0].pull: expected true or false",
        ),
        (
            r#"{"version":"1","headline":"h","body":[{"type":"image","image":{"src":"a.png","alt":false}}]}"#,
            "body[0].image.alt: expected string",
        ),
        (
            r#"{"version":"1","headline":"h","body":[{"type":"related_link","headline":"r"}]}"#,
            "body[0].url: missing",
        ),
        (
            r#"{"version":"1","headline":"h","body":[],"lead_image":{"src":"a.png","alt":"a","width":-3}}"#,
            "lead_image.width: expected a whole number, 0 or more",
        ),
        (
            r#"{"version":"1","headline":"h","body":[],"lead_image":{"src":"a.png","alt":"a","caption":7}}"#,
            "lead_image.caption: expected string or array",
        ),
        (
            r#"{"version":"1","headline":"h","body":[],"authors":[{"name":"a"},{"url":"https://x.example"}]}"#,
            "authors[1].name: missing",
        ),
        (
            r#"{"version":"1","headline":"h","body":[],"section":"News"}"#,
            "section: expected array",
        ),
        (
            r#"{"version":"1","headline":"h","body":[],"related":[{"headline":"r","url":5}]}"#,
            "related[0].url: expected string",
        ),
        (
            r#"{"version":"1","headline":"h","body":[],"comments":{"count":"many"}}"#,
            "comments.count: expected a whole number, 0 or more",
        ),
        (
            r#"{"version":"1","headline":"h","body":[],"tags":["a",2]}"#,
            "tags[1]: expected string",
        ),
        (
            r#"{"version":"1","headline":"h","body":[],"share":{"hashtags":"a"}}"#,
            "share.hashtags: expected array",
        ),
        (
            r#"{"version":"1","headline":"h","body":[],"summary":"deck"}"#,
            "summary: expected array",
        ),
        (
            r#"{"version":"1","headline":"h","body":[],"site":"Gazette"}"#,
            "site: expected object",
        ),
        (
            r#"{"version":"1","headline":"h","body":[],"audio":[{"title":"t"}]}"#,
            "audio[0].src: missing",
        ),
    ];
    for (doc, expected) in cases {
        assert_eq!(error_of(doc), expected, "{doc}");
    }
}

#[test]
fn an_unsupported_version_is_refused() {
    assert_eq!(
        error_of(r#"{"version":"2","headline":"h","body":[]}"#),
        "version: unsupported version \"2\" (this reader reads version \"1\")"
    );
}

#[test]
fn a_dir_outside_the_three_values_falls_back_to_the_language_with_a_warning() {
    let decoded = decode_str(
        r#"{"version":"1","lang":"he","headline":"h","body":[],"dir":"up"}"#,
        BASE,
    )
    .unwrap();
    assert_eq!(decoded.article.dir, Direction::Rtl);
    assert_eq!(decoded.warnings[0].path, "dir");
}

#[test]
fn dates_that_are_not_rfc_3339_are_kept_as_written_with_a_warning() {
    use article_reader::core::date::DocDate;
    let doc = r#"{"version":"1","headline":"h","body":[],"published":"21/07/2019","modified":"<b>later</b>",
        "related":[{"headline":"r","url":"/r","published":"2019-02-30"}]}"#;
    let decoded = decode_str(doc, BASE).unwrap();
    let a = &decoded.article;
    // Day or month first? Not certain: shown as written.
    assert_eq!(a.published, Some(DocDate::Unchecked("21/07/2019".into())));
    assert_eq!(a.visible_update().map(DocDate::text), Some("<b>later</b>"));
    assert!(a.related[0].published.as_ref().unwrap().checked().is_none());
    let paths: Vec<&str> = decoded.warnings.iter().map(|w| w.path.as_str()).collect();
    assert_eq!(paths, ["published", "modified", "related[0].published"]);
    // A date field still has to be text.
    assert_eq!(
        error_of(r#"{"version":"1","headline":"h","body":[],"published":20190721}"#),
        "published: expected string"
    );
}

#[test]
fn not_json_and_not_an_object_are_document_errors() {
    for doc in [
        "",
        "{",
        "[1,2",
        "{\"version\":\"1\",}",
        "<html></html>",
        "nul",
    ] {
        let error = decode_str(doc, BASE).unwrap_err();
        let DecodeError::NotJson(at) = &error else {
            panic!("{doc}: not a JSON error: {error}");
        };
        assert!(at.line >= 1 && at.column >= 1, "{doc}: {error}");
        assert!(
            error.to_string().starts_with("document: not valid JSON"),
            "{doc}: {error}"
        );
    }
    for doc in ["[]", "\"article\"", "1", "null", "true"] {
        assert_eq!(error_of(doc), "document: expected object");
    }
}

#[test]
fn nesting_is_bounded() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let error = decode_str(&deep, BASE).unwrap_err();
    assert!(
        matches!(&error, DecodeError::NotJson(e) if e.message == "nested too deeply" && e.column == 129),
        "{error}"
    );
}

#[test]
fn heading_levels_outside_two_to_four_are_clamped_with_a_warning() {
    let doc = r#"{"version":"1","headline":"h","body":[{"type":"heading","level":1,"content":"a"},{"type":"heading","level":9,"content":"b"}]}"#;
    let decoded = decode_str(doc, BASE).unwrap();
    assert!(matches!(
        decoded.article.body[0],
        Block::Heading { level: 2, .. }
    ));
    assert!(matches!(
        decoded.article.body[1],
        Block::Heading { level: 4, .. }
    ));
    assert_eq!(decoded.warnings.len(), 2);
}

#[test]
fn a_picture_without_alt_is_shown_as_decorative_with_a_warning() {
    let doc = r#"{"version":"1","headline":"h","body":[{"type":"image","image":{"src":"a.png"}}]}"#;
    let decoded = decode_str(doc, BASE).unwrap();
    let Block::Image { image } = &decoded.article.body[0] else {
        panic!()
    };
    assert_eq!(&*image.alt, "");
    assert_eq!(decoded.warnings[0].path, "body[0].image.alt");
}

#[test]
fn nulls_count_as_absent_for_optional_fields() {
    let doc = r#"{"version":"1","headline":"h","body":[],"summary":null,"lead_image":null,"url":null,"lang":null}"#;
    let article = decode_str(doc, BASE).unwrap().article;
    assert!(article.summary.is_empty() && article.lead_image.is_none() && article.url.is_none());
}

#[test]
fn valid_documents_round_trip_through_serialisation() {
    let first = decode_str(ALL_BLOCKS, BASE).unwrap().article;
    let written = serde_json::to_string(&first).unwrap();
    let second = decode_str(&written, BASE).unwrap().article;
    assert_eq!(first, second);
}

#[test]
fn the_sample_article_is_valid_and_complete() {
    let decoded = decode_str(
        include_str!("../assets/sample/article.json"),
        Some("https://reader.example/sample/article.json"),
    )
    .unwrap();
    assert!(decoded.warnings.is_empty(), "{:?}", decoded.warnings);
    let a = decoded.article;
    assert_eq!(
        a.url.as_ref().unwrap().as_str().split('/').nth(2),
        Some("www.telesurenglish.net")
    );
    let lead = a.lead_image.unwrap();
    assert_eq!(
        lead.src.unwrap().as_str(),
        "https://reader.example/sample/lead.svg"
    );
    assert_eq!(&*lead.credit.unwrap().text, "US Department of State");
    assert!(!lead.caption.unwrap().plain_text().contains("Photo"));
    assert!(a
        .body
        .iter()
        .any(|b| matches!(b, Block::RelatedLink { .. })));
    assert!(a.body.iter().any(|b| matches!(b, Block::Heading { .. })));
    assert_eq!(a.comments.unwrap().count, 0);
    assert_eq!(a.section.len(), 2);
}

#[test]
fn a_document_of_exactly_the_size_limit_is_read() {
    let doc = r#"{"version":"1","headline":"At the limit","body":[]}"#;
    let padded = format!(
        "{doc}{}",
        " ".repeat(article_reader::document::MAX_DOCUMENT_BYTES - doc.len())
    );
    let decoded = decode_str(&padded, BASE).unwrap();
    assert_eq!(&*decoded.article.headline, "At the limit");
}

#[test]
fn oversized_documents_are_refused_before_parsing() {
    let big = " ".repeat(article_reader::document::MAX_DOCUMENT_BYTES + 1);
    let error = decode_str(&big, BASE).unwrap_err();
    assert_eq!(error, DecodeError::TooLarge);
    assert_eq!(error.to_string(), "document: larger than the 4 MiB limit");
}

#[test]
fn every_picture_is_listed_once_for_offline_saving() {
    let article = decode_str(ALL_BLOCKS, BASE).unwrap().article;
    let urls: Vec<&str> = article.image_urls().iter().map(|u| u.as_str()).collect();
    assert_eq!(
        urls,
        [
            "https://news.example/api/img/lead.png",
            "https://news.example/api/img/lead-400.png",
            "https://news.example/api/img/body.png",
            "https://news.example/api/img/one.png",
            "https://news.example/api/img/ada.png",
            "https://news.example/api/img/logo.png",
        ]
    );
}

/// The rich elements' module (spec §7) is fetched for a document whose blocks the loader finds
/// rich: the v1 types it reads and the model blocks it draws must be the same set, or a block
/// would be read and never drawn (or not read at all) in the release build.
#[test]
fn the_rich_elements_module_reads_and_draws_the_same_blocks() {
    use article_reader::document::rich::{is_rich_block, RICH_TYPES};
    let mut seen = std::collections::BTreeSet::new();
    for fixture in [
        ALL_BLOCKS,
        include_str!("fixtures/rich-text.json"),
        include_str!("fixtures/video.json"),
        include_str!("fixtures/gallery.json"),
    ] {
        let decoded = decode_str(fixture, BASE).expect("fixture is valid");
        for block in decoded.article.body.iter() {
            let name = block.type_name();
            assert_eq!(
                is_rich_block(block),
                RICH_TYPES.contains(&name),
                "{name}: read and drawn by different modules"
            );
            seen.insert(name);
        }
    }
    let post = r#"{"version":"1","headline":"h","body":[{"type":"social_post",
        "url":"https://social.example/@a/1","content":"Hello"}]}"#;
    let decoded = decode_str(post, BASE).expect("a social post");
    assert!(is_rich_block(&decoded.article.body[0]));
    seen.insert("social_post");
    for kind in RICH_TYPES {
        assert!(seen.contains(kind), "{kind}: no fixture has it");
    }
    let doc = r#"{"version":"1","headline":"h","body":[{"type":"paragraph","content":"p"}]}"#;
    let plain = decode_str(doc, BASE).expect("a paragraph");
    assert!(!is_rich_block(&plain.article.body[0]));
}

/// `dark_src` (an image's version for dark themes) is an address like `src`: resolved against the
/// document, and dropped (with a warning) when the URL policy refuses it.
#[test]
fn an_images_dark_version_goes_through_the_url_policy() {
    let doc = |dark: &str| {
        format!(
            r#"{{"version":"1","headline":"h","lead_image":{{"src":"a.png","alt":"a","dark_src":"{dark}"}},"body":[]}}"#
        )
    };
    let decoded = decode_str(&doc("charts/a-dark.png"), BASE).expect("valid");
    let lead = decoded.article.lead_image.expect("a lead image");
    assert_eq!(
        lead.dark_src.as_ref().map(|u| u.as_str()),
        Some("https://news.example/api/charts/a-dark.png")
    );
    let refused = decode_str(&doc("javascript:alert(1)"), BASE).expect("still valid");
    assert_eq!(
        refused.article.lead_image.expect("a lead image").dark_src,
        None
    );
    assert!(refused
        .warnings
        .iter()
        .any(|w| w.to_string().contains("lead_image.dark_src")));
}
