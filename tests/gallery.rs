//! Galleries (spec §7 `gallery`): read from format v1 with their bounds, drawn as a grid of
//! thumbnails that open the picture viewer with their largest version; pictures outside a
//! gallery open it too.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use article_reader::core::model::{Block, MAX_GALLERY_IMAGES};
use article_reader::document::{decode_str, Decoded};
use article_reader::reader::i18n::{table, Ui};
use article_reader::view::render::article_html;

const BASE: Option<&str> = Some("https://news.example/api/");

fn doc(body: &str) -> Decoded {
    decode_str(
        &format!(r#"{{"version":"1","headline":"H","lang":"en","body":[{body}]}}"#),
        BASE,
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

fn html(d: &Decoded, lang: &str) -> String {
    article_html(&d.article, &Ui::new(table(lang).unwrap(), Some("en")), "w1")
}

#[test]
fn a_gallery_is_a_named_grid_of_small_thumbnails_that_open_their_largest_picture() {
    let d = doc(r#"{"type":"gallery","caption":"The count","images":[
        {"src":"/a.jpg","alt":"Counters","width":1600,"height":1200,"caption":"By hand","credit":{"text":"Ana"},
         "srcset":[{"src":"/a-400.jpg","width":400},{"src":"/a-1600.jpg","width":1600},{"src":"/a-800.jpg","width":800}]},
        {"src":"javascript:alert(1)","alt":"Refused"},
        {"src":"/b.jpg","alt":""}]}"#);
    let paths: Vec<&str> = d.warnings.iter().map(|w| w.path.as_str()).collect();
    assert_eq!(paths, ["body[0].images[1].src"]);
    let out = html(&d, "en");
    assert!(out.contains(r#"<figure class="gallery" role="group" data-block="0" aria-label="Gallery, 2 pictures" data-listen="Gallery, 2 pictures"><ul class="gallery-grid" role="list"><li><figure class="gallery-item"><button type="button" class="picture-open" data-action="view" aria-haspopup="dialog" data-full="https://news.example/a-1600.jpg" aria-label="View picture: Counters" data-place="1 of 2"><img loading="lazy" decoding="async" alt="Counters" width="1600" height="1200" sizes="(min-width: 712px) 224px, 50vw" srcset="https://news.example/a-400.jpg 400w, https://news.example/a-1600.jpg 1600w, https://news.example/a-800.jpg 800w" src="https://news.example/a.jpg"></button><figcaption><span class="caption">By hand</span><small class="credit">Ana</small></figcaption></figure></li><li><figure class="gallery-item" data-listen="Refused"><p class="figure-missing">Refused</p></figure></li><li><figure class="gallery-item"><button type="button" class="picture-open" data-action="view" aria-haspopup="dialog" data-full="https://news.example/b.jpg" aria-label="View picture: 2 of 2" data-place="2 of 2"><img loading="lazy""#), "{out}");
    assert!(out.contains(
        r#"</ul><figcaption><span class="caption">The count</span></figcaption></figure>"#
    ));
    assert!(!out.contains("javascript"));
    // Saving for offline keeps every picture of the gallery, each candidate once.
    let urls: Vec<&str> = d.article.image_urls().iter().map(|u| u.as_str()).collect();
    assert_eq!(
        urls,
        [
            "https://news.example/a.jpg",
            "https://news.example/a-400.jpg",
            "https://news.example/a-1600.jpg",
            "https://news.example/a-800.jpg",
            "https://news.example/b.jpg"
        ]
    );
}

#[test]
fn the_viewer_gets_the_widest_candidate_unless_the_picture_itself_is_wider() {
    let d = doc(
        r#"{"type":"image","image":{"src":"/big.jpg","alt":"A","width":3000,"srcset":[{"src":"/s.jpg","width":400},{"src":"/m.jpg","width":1200}]}},
        {"type":"image","image":{"src":"/x.jpg","alt":"","srcset":[{"src":"/x-2000.jpg","width":2000}]}},
        {"type":"image","image":{"src":"/linked.jpg","alt":"L","link":"https://elsewhere.example/"}}"#,
    );
    let out = html(&d, "en");
    assert!(
        out.contains(r#"data-full="https://news.example/big.jpg" aria-label="View picture: A""#),
        "{out}"
    );
    assert!(out
        .contains(r#"data-full="https://news.example/x-2000.jpg" aria-label="View picture"><img"#));
    // A picture that links elsewhere keeps its link and does not open the viewer.
    assert_eq!(out.matches("picture-open").count(), 2, "{out}");
    assert!(out.contains(r#"<a href="https://elsewhere.example/""#));
}

#[test]
fn a_gallery_needs_pictures_and_shows_at_most_a_thousand() {
    for body in [
        r#"{"type":"gallery"}"#,
        r#"{"type":"gallery","images":[]}"#,
        r#"{"type":"gallery","images":"a.jpg"}"#,
    ] {
        let doc = format!(r#"{{"version":"1","headline":"H","body":[{body}]}}"#);
        let err = decode_str(&doc, BASE).unwrap_err().to_string();
        assert!(err.contains("body[0].images"), "{err}");
    }
    // 10,000 pictures: the first thousand are read and drawn, with one warning.
    let one = r#"{"src":"/p.jpg","alt":"P"}"#;
    let images = vec![one; 10_000].join(",");
    let d = doc(&format!(r#"{{"type":"gallery","images":[{images}]}}"#));
    let Block::Gallery { gallery } = &d.article.body[0] else {
        panic!()
    };
    assert_eq!(gallery.images.len(), MAX_GALLERY_IMAGES);
    assert_eq!(d.warnings.len(), 1);
    assert_eq!(d.warnings[0].path, "body[0].images");
    let out = html(&d, "en");
    assert_eq!(out.matches("<li>").count(), 1000);
    assert!(
        out.contains(r#"aria-label="Gallery, 1,000 pictures""#)
            || out.contains(r#"aria-label="Gallery, 1000 pictures""#),
        "{}",
        &out[..600]
    );
}

#[test]
fn hostile_text_in_a_gallery_stays_text() {
    let d = doc(
        r#"{"type":"gallery","caption":"<img src=x onerror=alert(1)>","images":[
        {"src":"/a.jpg","alt":"\"><script>alert(1)</script>","caption":[{"text":"<b>x</b>","href":"javascript:alert(1)"}],
         "credit":{"text":"<svg onload=alert(1)>","url":"data:text/html,x"},
         "srcset":[{"src":"javascript:alert(2)","width":2000}]}]}"#,
    );
    let out = html(&d, "en");
    for bad in [
        "<script",
        "<img src=x",
        "<svg",
        "<b>",
        "javascript:",
        "data:text",
    ] {
        assert!(!out.contains(bad), "{bad} in {out}");
    }
    assert!(
        out.contains("data-full=\"https://news.example/a.jpg\""),
        "{out}"
    );
}

#[test]
fn gallery_and_viewer_words_in_every_ui_language() {
    let d =
        doc(r#"{"type":"gallery","images":[{"src":"/a.jpg","alt":""},{"src":"/b.jpg","alt":""}]}"#);
    let expected = [
        ("en", "Gallery, 2 pictures", "View picture: 1 of 2"),
        ("es", "Galería, 2 fotos", "Ver la foto: 1 de 2"),
        ("fr", "Galerie, 2 photos", "Agrandir la photo : 1 sur 2"),
        ("pt", "Galeria, 2 fotos", "Ver a foto: 1 de 2"),
        ("de", "Galerie, 2 Bilder", "Bild vergrößern: 1 von 2"),
        ("ar", "معرض، 2 صورة", "عرض الصورة: 1 من 2"),
    ];
    for (lang, name, button) in expected {
        let out = html(&d, lang);
        assert!(
            out.contains(&format!(r#"aria-label="{name}""#)),
            "{lang}: {out}"
        );
        assert!(
            out.contains(&format!(r#"aria-label="{button}""#)),
            "{lang}: {out}"
        );
        let words = table(lang).unwrap();
        for word in [
            words.picture_viewer,
            words.previous_picture,
            words.next_picture,
            words.close,
            words.videos_not_saved,
        ] {
            assert!(!word.is_empty(), "{lang}");
        }
        if lang != "en" {
            assert_ne!(words.picture_viewer, table("en").unwrap().picture_viewer);
        }
    }
}
