//! The known players (spec §7 `embed.frame`): which addresses may ever be framed, rebuilt as the
//! providers' privacy-enhanced embed addresses; look-alikes never are.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use article_reader::core::players::{player, FRAME_ORIGINS};
use article_reader::core::url_policy::{resolve, UrlUse};

fn frame(raw: &str) -> Option<String> {
    let url = resolve(raw, None, UrlUse::Web)?;
    player(&url).map(|p| format!("{} {}", p.provider, p.frame))
}

#[test]
fn links_and_embed_addresses_of_known_players_become_their_private_embed_address() {
    let cases = [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s", "YouTube https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://youtu.be/dQw4w9WgXcQ", "YouTube https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://m.youtube.com/shorts/dQw4w9WgXcQ", "YouTube https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://www.youtube.com/embed/dQw4w9WgXcQ?autoplay=1", "YouTube https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "YouTube https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://vimeo.com/76979871", "Vimeo https://player.vimeo.com/video/76979871?dnt=1"),
        ("https://player.vimeo.com/video/76979871?autoplay=1", "Vimeo https://player.vimeo.com/video/76979871?dnt=1"),
        ("https://open.spotify.com/intl-de/track/4uLU6hMCjMI75M1A2tKUQC?si=x", "Spotify https://open.spotify.com/embed/track/4uLU6hMCjMI75M1A2tKUQC"),
        ("https://open.spotify.com/embed/episode/4uLU6hMCjMI75M1A2tKUQC", "Spotify https://open.spotify.com/embed/episode/4uLU6hMCjMI75M1A2tKUQC"),
        ("https://w.soundcloud.com/player/?url=https%3A//api.soundcloud.com/tracks/293&color=ff5500", "SoundCloud https://w.soundcloud.com/player/?url=https%3A//api.soundcloud.com/tracks/293"),
        ("https://www.dailymotion.com/video/x8abcd1", "Dailymotion https://www.dailymotion.com/embed/video/x8abcd1"),
        ("https://dai.ly/x8abcd1", "Dailymotion https://www.dailymotion.com/embed/video/x8abcd1"),
    ];
    for (link, expected) in cases {
        assert_eq!(frame(link).as_deref(), Some(expected), "{link}");
        let origin = expected.split(' ').nth(1).unwrap();
        assert!(
            FRAME_ORIGINS
                .iter()
                .any(|o| origin.starts_with(&format!("{o}/"))),
            "{origin}"
        );
    }
}

#[test]
fn look_alikes_tricks_and_other_hosts_are_never_players() {
    for raw in [
        "https://www.youtube-nocookie.com.evil.test/embed/dQw4w9WgXcQ",
        "https://evil.test/www.youtube.com/embed/dQw4w9WgXcQ",
        "https://www.youtube.com@evil.test/embed/dQw4w9WgXcQ",
        "https://evil.test@www.youtube.com/embed/dQw4w9WgXcQ",
        "https://www.youtube.com:8443/embed/dQw4w9WgXcQ",
        "https://notyoutube.com/embed/dQw4w9WgXcQ",
        "https://www.youtube.com/embed/dQw4w9WgXcQ%22onload%3D",
        "https://www.youtube.com/embed/short",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ\"><script>",
        "https://www.youtube.com/channel/UC123",
        "https://vimeo.com/channels/staffpicks",
        "https://player.vimeo.com/video/123abc",
        "https://open.spotify.com/track/short",
        "https://w.soundcloud.com/player/?url=https%3A//evil.test/tracks/293",
        "https://soundcloud.com/artist/track",
        "https://www.dailymotion.com/video/x8ab%2Fcd",
        "javascript:alert(1)//www.youtube.com/embed/dQw4w9WgXcQ",
        "data:text/html,<iframe src=https://www.youtube.com/embed/dQw4w9WgXcQ>",
        "https://x.com/someone/status/1",
    ] {
        assert_eq!(frame(raw), None, "{raw}");
    }
}

mod render {
    use article_reader::core::model::Block;
    use article_reader::document::decode_str;
    use article_reader::reader::i18n::{table, Ui};
    use article_reader::view::render::article_html;

    fn decoded(embeds: &str) -> article_reader::document::Decoded {
        let doc = format!(r#"{{"version":"1","headline":"H","lang":"en","body":[{embeds}]}}"#);
        decode_str(&doc, Some("https://news.example/a")).unwrap()
    }

    #[test]
    fn a_known_player_gets_a_stage_and_a_play_button_and_nothing_of_the_provider_loads() {
        let d = decoded(
            r#"{"type":"embed","url":"https://www.youtube.com/watch?v=dQw4w9WgXcQ","title":"The bridge in 60 seconds",
                "thumbnail":{"src":"/img/bridge-video.jpg","alt":"","width":1280,"height":720},"aspect_ratio":1.7778},
               {"type":"embed","url":"https://vimeo.com/76979871","aspect_ratio":0.5625},
               {"type":"embed","url":"https://news.example/poll","title":"Poll","frame":"https://www.youtube-nocookie.com.evil.test/embed/dQw4w9WgXcQ"},
               {"type":"embed","url":"https://news.example/other","frame":"https://player.vimeo.com/video/76979871","aspect_ratio":"16:9"}"#,
        );
        let Block::Embed {
            frame,
            provider,
            aspect_ratio,
            ..
        } = &d.article.body[0]
        else {
            panic!()
        };
        assert_eq!(
            frame.as_ref().unwrap().as_str(),
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
        );
        assert_eq!(provider.as_deref(), Some("YouTube"));
        assert_eq!(*aspect_ratio, Some(1.778), "read to thousandths");
        assert!(matches!(
            &d.article.body[2],
            Block::Embed { frame: None, .. }
        ));
        assert!(
            matches!(&d.article.body[3], Block::Embed { frame: Some(f), .. } if f.as_str().ends_with("?dnt=1"))
        );
        let paths: Vec<&str> = d.warnings.iter().map(|w| w.path.as_str()).collect();
        assert_eq!(paths, ["body[2].frame", "body[3].aspect_ratio"]);

        let ui = Ui::new(table("en").unwrap(), Some("en"));
        let out = article_html(&d.article, &ui, "w1");
        assert!(out.contains(r#"<div class="embed-stage ratio-16-9"><img class="embed-thumb" loading="lazy" decoding="async" alt="" width="1280" height="720" src="https://news.example/img/bridge-video.jpg">"#), "{out}");
        assert!(out.contains(r#"data-action="play" data-frame="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" data-title="The bridge in 60 seconds" aria-label="Play: The bridge in 60 seconds">Play</button>"#), "{out}");
        assert!(
            out.contains(r#"<div class="embed-stage ratio-9-16">"#),
            "{out}"
        );
        assert!(out.contains("Nothing is loaded from YouTube until you press Play."));
        // No frame, no provider address anywhere but in the button's data and the links.
        assert!(!out.contains("<iframe"));
        assert_eq!(out.matches("youtube-nocookie").count(), 1, "{out}");
        // The look-alike is a link card only.
        assert_eq!(out.matches("data-action=\"play\"").count(), 3);
    }

    #[test]
    fn the_player_words_exist_in_every_language() {
        for lang in ["en", "fr", "de", "es", "pt", "ar"] {
            let w = table(lang).unwrap();
            assert!(
                w.play.contains("{title}")
                    && w.player_note.contains("{provider}")
                    && w.player_title.contains("{provider}"),
                "{lang}"
            );
            assert!(!w.play_button.is_empty());
        }
    }
}

#[test]
fn the_embed_guide_lists_every_origin_a_player_is_framed_from() {
    let guide = std::fs::read_to_string("docs/embed.md").unwrap();
    for origin in FRAME_ORIGINS {
        assert!(guide.contains(origin), "{origin} is not in docs/embed.md");
    }
}

#[test]
fn a_players_picture_is_saved_for_offline_reading_with_the_article() {
    let doc = r#"{"version":"1","headline":"H","body":[{"type":"embed","url":"https://youtu.be/dQw4w9WgXcQ",
        "thumbnail":{"src":"https://news.example/img/still.jpg","alt":""}}]}"#;
    let article = article_reader::document::decode_str(doc, None)
        .unwrap()
        .article;
    let urls: Vec<&str> = article.image_urls().iter().map(|u| u.as_str()).collect();
    assert_eq!(urls, ["https://news.example/img/still.jpg"]);
}
