//! The exported page ("Download as a web page") natively, for the sample and every rich fixture:
//! one HTML file with the article, its stylesheet and its pictures inside, and nothing that runs
//! or asks the network — no `<script>`, no event attribute, no button or frame, no `srcset`, a
//! policy forbidding every request, every picture a `data:` address (a picture that could not be
//! read is left out, never linked).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use article_reader::document::decode_with;
use article_reader::document::formats::Format;
use article_reader::reader::i18n::{choose, Ui};
use article_reader::view::render::export::{export_html, ExportPage, EXPORT_POLICY};

const BASE: &str = "https://news.example/articles/";

fn export(file: &str, pictures: bool) -> (String, usize) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join(file)).unwrap();
    let decoded = decode_with(&text, Some(BASE), Format::Auto, None).unwrap();
    let article = &decoded.article;
    let ui = Ui::new(choose(None, Some(&article.lang), None), Some(&article.lang));
    let picture = |url: &str| pictures.then(|| format!("data:image/png;base64,{}", url.len()));
    let page = ExportPage {
        css: ".reader > p { color: #111 } /* </style><script>alert(1)</script> */",
        settings: &[
            ("data-theme", "light".to_owned()),
            ("data-text-size", "3".to_owned()),
            ("data-spacing", "more".to_owned()),
        ],
        picture: &picture,
    };
    (export_html(article, &ui, &page), article.image_urls().len())
}

const FILES: [&str; 5] = [
    "assets/sample/article.json",
    "tests/fixtures/all-blocks.json",
    "tests/fixtures/gallery.json",
    "tests/fixtures/video.json",
    "tests/fixtures/rich-text.json",
];

#[test]
fn the_exported_page_holds_the_article_and_nothing_that_runs_or_asks_the_network() {
    for file in FILES {
        let (html, images) = export(file, true);
        assert!(html.starts_with("<!doctype html>\n<html lang="), "{file}");
        assert!(
            html.contains(&format!("content=\"{}\"", EXPORT_POLICY)),
            "{file}"
        );
        assert!(html.contains("<article class=\"article\""), "{file}");
        assert!(
            html.contains(" data-theme=\"light\" data-text-size=\"3\" data-spacing=\"more\">"),
            "{file}"
        );
        assert!(
            html.contains(" data-theme=\"light\" data-text-size=\"3\" data-spacing=\"more\">"),
            "{file}"
        );
        assert!(html.contains("<h1"), "{file}");
        let lower = html.to_lowercase();
        for banned in [
            "<script",
            "<button",
            "<iframe",
            "<video",
            "<source",
            "srcset=",
            "<link",
            "data-island",
            "reader-dock",
        ] {
            assert!(!lower.contains(banned), "{file} has {banned}");
        }
        // No event attribute: no ` on…=` anywhere inside a tag.
        for tag in lower.split('<').skip(1) {
            let inside = tag.split('>').next().unwrap();
            assert!(
                !inside
                    .split_ascii_whitespace()
                    .any(|a| a.starts_with("on") && a.contains('=')),
                "{file}: <{inside}>"
            );
        }
        // Every picture is inside the file.
        let imgs: Vec<&str> = html.split("<img").skip(1).collect();
        if images > 0 {
            assert!(!imgs.is_empty(), "{file} shows no picture");
        }
        for img in imgs {
            assert!(
                img.contains(" src=\"data:image/png;base64,"),
                "{file}: <img{}",
                &img[..80.min(img.len())]
            );
        }
        // The stylesheet cannot end its element.
        assert!(html.contains("\\3c /style>\\3c script>"), "{file}");
        assert_eq!(html.matches("</style>").count(), 1, "{file}");
    }
}

#[test]
fn a_picture_that_could_not_be_read_is_left_out_not_linked() {
    let (html, images) = export("tests/fixtures/all-blocks.json", false);
    assert!(images > 0);
    assert!(!html.contains("<img"));
    assert!(!html.contains("https://news.example/") || !html.contains(" src=\"https"));
    // The text around the pictures stays: captions, body.
    assert!(html.contains("<figcaption") || html.contains("<figure"));
}
