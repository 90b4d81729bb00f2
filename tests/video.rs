//! Videos (spec §7 `video`): read from format v1 and drawn as a player that never loads or plays
//! by itself, with its poster, files, text tracks, caption and credit.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use article_reader::core::model::Block;
use article_reader::document::decode_str;
use article_reader::reader::i18n::{table, Ui};
use article_reader::view::render::article_html;

const BASE: Option<&str> = Some("https://news.example/api/");

fn video(fields: &str) -> article_reader::document::Decoded {
    decode_str(
        &format!(
            r#"{{"version":"1","headline":"H","lang":"en","body":[{{"type":"video",{fields}}}]}}"#
        ),
        BASE,
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn a_video_is_a_player_that_loads_nothing_before_the_reader_starts_it() {
    let d = video(
        r#""title":"The bridge opening","duration_seconds":83,
        "sources":[{"src":"/v/bridge.webm","type":"video/webm"},{"src":"javascript:alert(1)"},{"src":"/v/bridge.mp4","type":"video/mp4"}],
        "poster":{"src":"/img/bridge-still.jpg","alt":"","width":1280,"height":720},
        "tracks":[{"src":"/v/bridge.en.vtt","lang":"en","label":"English"},{"src":"/v/bridge.es.vtt","lang":"es","kind":"karaoke"}],
        "caption":"The ribbon is cut.","credit":{"text":"Riverside TV"}"#,
    );
    let paths: Vec<&str> = d.warnings.iter().map(|w| w.path.as_str()).collect();
    assert_eq!(paths, ["body[0].sources[1].src", "body[0].tracks[1].kind"]);
    let Block::Video { video } = &d.article.body[0] else {
        panic!()
    };
    assert_eq!(video.sources.len(), 2);
    let out = article_html(&d.article, &Ui::new(table("en").unwrap(), Some("en")), "w1");
    assert!(out.contains(r#"<figure class="figure video" data-block="0"><p class="video-title">The bridge opening (1:23)</p><video controls="" preload="none" playsinline="" aria-label="The bridge opening" width="1280" height="720" poster="https://news.example/img/bridge-still.jpg"><source type="video/webm" src="https://news.example/v/bridge.webm"><source type="video/mp4" src="https://news.example/v/bridge.mp4"><track kind="captions" srclang="en" label="English" src="https://news.example/v/bridge.en.vtt"><track kind="captions" srclang="es" label="es" src="https://news.example/v/bridge.es.vtt"></video><figcaption><span class="caption">The ribbon is cut.</span><small class="credit">Riverside TV</small></figcaption></figure>"#), "{out}");
    assert!(!out.contains("autoplay") && !out.contains("javascript"));
    // Saving for offline keeps the poster, not the video.
    let urls: Vec<&str> = d.article.image_urls().iter().map(|u| u.as_str()).collect();
    assert_eq!(urls, ["https://news.example/img/bridge-still.jpg"]);
}

#[test]
fn a_video_without_a_title_is_named_in_the_ui_language_and_one_without_files_shows_its_poster() {
    let d = video(r#""sources":[{"src":"/v/a.mp4"}]"#);
    let out = article_html(&d.article, &Ui::new(table("fr").unwrap(), Some("en")), "w1");
    assert!(
        out.contains(
            r#"<video controls="" preload="none" playsinline="" lang="fr" aria-label="Vidéo">"#
        ),
        "{out}"
    );
    let d = video(
        r#""sources":[{"src":"data:video/mp4,AAAA"}],"poster":{"src":"/img/p.jpg","alt":"The bridge"}"#,
    );
    let out = article_html(&d.article, &Ui::new(table("en").unwrap(), Some("en")), "w1");
    assert!(
        !out.contains("<video") && out.contains(r#"alt="The bridge""#),
        "{out}"
    );
    for missing in [r#""title":"x""#, r#""sources":[]"#] {
        let doc =
            format!(r#"{{"version":"1","headline":"H","body":[{{"type":"video",{missing}}}]}}"#);
        let err = decode_str(&doc, BASE).unwrap_err().to_string();
        assert!(err.contains("body[0].sources"), "{err}");
    }
    for lang in ["en", "fr", "de", "es", "pt", "ar"] {
        assert!(!table(lang).unwrap().video.is_empty());
    }
}
