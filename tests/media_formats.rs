//! Galleries, videos and players from the publishers' formats (spec §7, issue 20 item 6), each
//! from a document of the shape its system serves: ANS galleries and Arc videos, Apple News
//! galleries, mosaics, videos and web videos, schema.org `VideoObject` (as an article's `video`
//! and as a video's own page), and WordPress galleries and videos inside a post.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use article_reader::core::model::{Block, MAX_GALLERY_IMAGES};
use article_reader::document::formats::Format;
use article_reader::document::{decode_str, Decoded};

const BASE: Option<&str> = Some("https://api.example/content/doc.json");

fn decode(text: &str) -> Decoded {
    decode_str(text, BASE).unwrap_or_else(|e| panic!("{e}"))
}

fn kinds(d: &Decoded) -> Vec<&'static str> {
    d.article.body.iter().map(Block::type_name).collect()
}

#[test]
fn an_ans_gallery_and_an_arc_video() {
    let d = decode(
        r#"{"type":"story","version":"1.10.0","headlines":{"basic":"Harbour"},
        "content_elements":[
          {"type":"gallery","headlines":{"basic":"Harbour day"},"description":{"basic":"A day at the harbour"},
           "content_elements":[
             {"type":"image","url":"https://img.example/a.jpg","width":1600,"height":900,"caption":"Dawn","credits":{"by":[{"name":"Ana Ruiz"}]}},
             {"type":"image","url":"https://img.example/b.jpg","alt_text":"Boats"}]},
          {"type":"video","headlines":{"basic":"The harbour at dawn"},"duration":83000,
           "description":{"basic":"Filmed from the pier."},
           "promo_image":{"type":"image","url":"https://img.example/still.jpg","width":1280,"height":720},
           "streams":[{"stream_type":"ts","url":"https://video.example/h/master.m3u8"},
                      {"stream_type":"mp4","url":"https://video.example/h/480.mp4","width":854},
                      {"stream_type":"mp4","url":"https://video.example/h/1080.mp4","width":1920},
                      {"stream_type":"mp4","url":"https://video.example/h/720.mp4","width":1280}]},
          {"type":"video","headlines":{"basic":"Elsewhere"},"canonical_url":"https://video.example/v/1"}]}"#,
    );
    assert_eq!(d.format, Format::Ans);
    assert_eq!(kinds(&d), ["gallery", "video", "embed"]);
    let Block::Gallery { gallery } = &d.article.body[0] else {
        panic!()
    };
    assert_eq!(gallery.images.len(), 2);
    assert_eq!(
        gallery.caption.as_ref().unwrap().plain_text(),
        "A day at the harbour"
    );
    assert_eq!(
        &*gallery.images[0].credit.as_ref().unwrap().text,
        "Ana Ruiz"
    );
    assert_eq!(&*gallery.images[1].alt, "Boats");
    let Block::Video { video } = &d.article.body[1] else {
        panic!()
    };
    let sources: Vec<(&str, Option<&str>)> = video
        .sources
        .iter()
        .map(|s| (s.src.as_str(), s.mime.as_deref()))
        .collect();
    assert_eq!(
        sources,
        [
            ("https://video.example/h/720.mp4", Some("video/mp4")),
            (
                "https://video.example/h/master.m3u8",
                Some("application/x-mpegURL")
            )
        ]
    );
    assert_eq!(video.duration_seconds, Some(83));
    assert_eq!(video.title.as_deref(), Some("The harbour at dawn"));
    assert_eq!(video.poster.as_ref().unwrap().width, Some(1280));
    assert_eq!(
        video.caption.as_ref().unwrap().plain_text(),
        "Filmed from the pier."
    );
}

#[test]
fn apple_news_galleries_mosaics_videos_and_web_videos() {
    let d = decode(
        r#"{"version":"1.12","identifier":"x","title":"x","language":"en","layout":{"columns":7,"width":1024},
        "components":[
          {"role":"title","text":"Harbour"},
          {"role":"gallery","items":[{"URL":"https://img.example/a.jpg","caption":"Dawn","accessibilityCaption":"Boats at dawn"},{"URL":"https://img.example/b.jpg"}]},
          {"role":"mosaic","items":[{"URL":"https://img.example/c.jpg"},{"URL":"javascript:alert(1)"},{"URL":"https://img.example/d.jpg"}]},
          {"role":"video","URL":"https://video.example/h.m3u8","stillURL":"https://img.example/still.jpg","caption":"The harbour at dawn"},
          {"role":"embedwebvideo","URL":"https://www.youtube.com/embed/dQw4w9WgXcQ","caption":"The harbour in 60 seconds"}]}"#,
    );
    assert_eq!(d.format, Format::AppleNews);
    assert_eq!(kinds(&d), ["gallery", "gallery", "video", "embed"]);
    let Block::Gallery { gallery } = &d.article.body[1] else {
        panic!()
    };
    assert_eq!(gallery.images.len(), 2, "the refused address is left out");
    let Block::Video { video } = &d.article.body[2] else {
        panic!()
    };
    assert_eq!(
        video.sources[0].mime.as_deref(),
        Some("application/x-mpegURL")
    );
    assert_eq!(
        video
            .poster
            .as_ref()
            .unwrap()
            .src
            .as_ref()
            .unwrap()
            .as_str(),
        "https://img.example/still.jpg"
    );
    let Block::Embed { frame, title, .. } = &d.article.body[3] else {
        panic!()
    };
    assert!(frame
        .as_ref()
        .unwrap()
        .as_str()
        .starts_with("https://www.youtube-nocookie.com/embed/"));
    assert_eq!(title.as_deref(), Some("The harbour in 60 seconds"));
}

#[test]
fn a_gallery_of_ten_thousand_pictures_in_any_format_is_bounded() {
    let items = vec![r#"{"URL":"https://img.example/p.jpg"}"#; 10_000].join(",");
    let d = decode(&format!(
        r#"{{"version":"1.12","identifier":"x","title":"x","language":"en","layout":{{"columns":7,"width":1024}},
        "components":[{{"role":"title","text":"Many"}},{{"role":"gallery","items":[{items}]}}]}}"#
    ));
    let Block::Gallery { gallery } = &d.article.body[0] else {
        panic!()
    };
    assert_eq!(gallery.images.len(), MAX_GALLERY_IMAGES);
    let figures =
        vec![r#"<figure class="wp-block-image"><img src="/p.jpg" alt=""></figure>"#; 10_000]
            .join("");
    let post = format!(
        r#"{{"id":1,"title":{{"rendered":"Many"}},"content":{{"rendered":"<figure class=\"wp-block-gallery\">{}</figure>"}}}}"#,
        figures.replace('"', "\\\"")
    );
    let d = decode(&post);
    let Block::Gallery { gallery } = &d.article.body[0] else {
        panic!("{:?}", kinds(&d))
    };
    assert_eq!(gallery.images.len(), MAX_GALLERY_IMAGES);
}

#[test]
fn schema_org_video_objects_as_an_articles_video_and_as_a_videos_page() {
    let d = decode(
        r#"{"@context":"https://schema.org","@type":"NewsArticle","headline":"Harbour","articleBody":"The harbour reopened.",
        "video":[{"@type":"VideoObject","name":"The harbour at dawn","contentUrl":"https://video.example/h.mp4",
                  "thumbnailUrl":["https://img.example/still.jpg"],"duration":"PT1M23S","description":"From the pier."},
                 {"@type":"VideoObject","name":"The harbour in 60 seconds","embedUrl":"https://player.vimeo.com/video/76979871",
                  "thumbnailUrl":"https://img.example/v.jpg","duration":"PT60S"}]}"#,
    );
    assert_eq!(d.format, Format::JsonLd);
    assert_eq!(kinds(&d), ["video", "embed", "paragraph"]);
    let Block::Video { video } = &d.article.body[0] else {
        panic!()
    };
    assert_eq!(video.duration_seconds, Some(83));
    assert_eq!(video.sources[0].mime.as_deref(), Some("video/mp4"));
    assert_eq!(
        video.caption.as_ref().unwrap().plain_text(),
        "From the pier."
    );
    let Block::Embed {
        frame, thumbnail, ..
    } = &d.article.body[1]
    else {
        panic!()
    };
    assert!(frame.as_ref().unwrap().as_str().contains("dnt=1"));
    assert!(thumbnail.is_some());

    // A video's own page: the video is the article, its description the summary (once).
    let d = decode(
        r#"{"@context":"https://schema.org","@graph":[{"@type":"WebPage","@id":"https://v.example/1"},
        {"@type":"VideoObject","name":"The harbour at dawn","description":"From the pier.","uploadDate":"2024-05-02",
         "contentUrl":"https://video.example/h.webm","encodingFormat":"video/webm","duration":"PT1H2M3S"}]}"#,
    );
    assert_eq!(&*d.article.headline, "The harbour at dawn");
    assert_eq!(kinds(&d), ["video"]);
    let Block::Video { video } = &d.article.body[0] else {
        panic!()
    };
    assert_eq!(video.duration_seconds, Some(3723));
    assert_eq!(video.sources[0].mime.as_deref(), Some("video/webm"));
    assert!(video.caption.is_none());
    assert_eq!(d.article.summary[0].plain_text(), "From the pier.");
}

#[test]
fn a_wordpress_post_with_a_gallery_a_video_and_a_youtube_embed() {
    let html = r#"<figure class=\"wp-block-gallery has-nested-images columns-3\"><figure class=\"wp-block-image\"><img src=\"/u/a.jpg\" alt=\"A\"><figcaption class=\"wp-element-caption\">One</figcaption></figure><figure class=\"wp-block-image\"><img src=\"/u/b.jpg\" alt=\"B\"></figure><figure class=\"wp-block-image\"><img src=\"/u/c.jpg\" alt=\"C\"></figure></figure><figure class=\"wp-block-video\"><video controls src=\"/u/v.mp4\"></video><figcaption>Clip</figcaption></figure><figure class=\"wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube\"><div class=\"wp-block-embed__wrapper\">\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n</div></figure>"#;
    let d = decode(&format!(
        r#"{{"id":1,"link":"https://site.example/p/","title":{{"rendered":"Post"}},"content":{{"rendered":"{html}"}}}}"#
    ));
    assert_eq!(d.format, Format::WordPress);
    assert_eq!(kinds(&d), ["gallery", "video", "embed"]);
    let Block::Gallery { gallery } = &d.article.body[0] else {
        panic!()
    };
    assert_eq!(gallery.images.len(), 3);
    assert_eq!(
        gallery.images[0].caption.as_ref().unwrap().plain_text(),
        "One"
    );
    let Block::Embed { frame, .. } = &d.article.body[2] else {
        panic!()
    };
    assert!(frame.is_some(), "a YouTube address is a player on request");
}

#[test]
fn video_durations_in_iso_8601_are_read_to_the_second_or_left_out() {
    let duration = |text: &str| {
        let d = decode(&format!(
            r#"{{"@context":"https://schema.org","@type":"VideoObject","name":"V","contentUrl":"https://video.example/v.mp4","duration":"{text}"}}"#
        ));
        let Block::Video { video } = &d.article.body[0] else {
            panic!()
        };
        video.duration_seconds
    };
    for (text, seconds) in [
        ("PT1M23S", Some(83)),
        ("PT83S", Some(83)),
        ("PT1H", Some(3600)),
        ("P1DT1S", Some(86_401)),
        ("PT2.75S", Some(2)),
        ("PT0,5M", Some(0)),
        (" PT10S ", Some(10)),
        ("P0D", Some(0)),
        ("1M23S", None),
        ("PT1M23", None),
        ("PT5X", None),
        ("PT1D", None),
        ("P1H", None),
        ("PTM", None),
        ("PT99999999999999999999S", None),
    ] {
        assert_eq!(duration(text), seconds, "{text}");
    }
}
