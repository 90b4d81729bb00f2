//! Social posts (spec §7 `social_post`): from format v1 and from the quotations publishers keep
//! as the fallback of a network's embed code, drawn as a readable quotation with nothing of the
//! network loaded.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use article_reader::core::model::Block;
use article_reader::document::decode_str;
use article_reader::reader::i18n::{table, Ui};
use article_reader::view::render::article_html;

const BASE: Option<&str> = Some("https://news.example/api/");

#[test]
fn a_v1_post_reads_and_draws_as_a_quotation_with_its_author_date_pictures_and_link() {
    let doc = r#"{"version":"1","headline":"H","lang":"en","body":[{"type":"social_post",
        "url":"https://mastodon.social/@ana/1131","provider":"Mastodon",
        "author":{"name":"Ana Ruiz","handle":"@ana@mastodon.social","url":"https://mastodon.social/@ana"},
        "published":"2024-05-02T21:30:00Z","content":"Counting has <started> in the north.",
        "media":[{"src":"/img/count.jpg","alt":"Ballot boxes","width":800,"height":600}]}]}"#;
    let d = decode_str(doc, BASE).unwrap();
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    let ui = Ui::new(table("en").unwrap(), Some("en"));
    let out = article_html(&d.article, &ui, "w1");
    assert!(out.contains(r#"<figure class="social-post" data-block="0"><blockquote cite="https://mastodon.social/@ana/1131"><p>Counting has &lt;started&gt; in the north.</p><div class="post-media"><img loading="lazy" decoding="async" alt="Ballot boxes" width="800" height="600" src="https://news.example/img/count.jpg"></div></blockquote>"#), "{out}");
    assert!(out.contains(r#"<span class="post-author"><bdi><a href="https://mastodon.social/@ana" rel="noopener noreferrer" target="_blank">Ana Ruiz</a></bdi> <bdi class="post-handle">@ana@mastodon.social</bdi></span> <time datetime="2024-05-02T21:30:00Z">"#), "{out}");
    assert!(
        out.contains(r#">View on Mastodon</a></figcaption></figure>"#),
        "{out}"
    );
    assert_eq!(
        d.article.image_urls().len(),
        1,
        "its pictures are saved for offline reading"
    );
    // In another language, the link's words are that language's.
    let ui = Ui::new(table("de").unwrap(), Some("en"));
    assert!(article_html(&d.article, &ui, "w1").contains(">Auf Mastodon ansehen</a>"));
}

#[test]
fn a_post_without_a_provider_is_named_by_its_host_and_one_without_text_is_refused() {
    let d = decode_str(
        r#"{"version":"1","headline":"H","body":[{"type":"social_post","url":"https://www.threads.example/p/1","content":"Hi"}]}"#,
        BASE,
    )
    .unwrap();
    let ui = Ui::new(table("en").unwrap(), None);
    assert!(article_html(&d.article, &ui, "w1").contains(">View on threads.example</a>"));
    let err = decode_str(
        r#"{"version":"1","headline":"H","body":[{"type":"social_post","url":"https://x.example/1"}]}"#,
        BASE,
    )
    .unwrap_err();
    assert!(err.to_string().contains("body[0]"), "{err}");
}

#[test]
fn the_fallback_quotations_of_six_networks_become_posts_and_their_scripts_go() {
    let cases = [
        (
            r#"<blockquote class="twitter-tweet"><p lang="en">We are open!</p>&mdash; Riverside Council (@riverside) <a href="https://twitter.com/riverside/status/1">May 2, 2024</a></blockquote><script async src="https://platform.twitter.com/widgets.js"></script>"#,
            "X",
            Some("Riverside Council"),
            Some("@riverside"),
        ),
        (
            r#"<blockquote class="bluesky-embed"><p>Counting has started.</p>&mdash; Ana Ruiz (<a href="https://bsky.app/profile/did:plc:x">@ana.bsky.social</a>) <a href="https://bsky.app/profile/did:plc:x/post/3k">May 2, 2024 at 10:30 PM</a></blockquote>"#,
            "Bluesky",
            Some("Ana Ruiz"),
            Some("@ana.bsky.social"),
        ),
        (
            r#"<blockquote cite="https://www.facebook.com/riverside/posts/123" class="fb-xfbml-parse-ignore"><p>Open to cyclists.</p>Posted by <a href="https://www.facebook.com/riverside">Riverside Council</a> on <a href="https://www.facebook.com/riverside/posts/123">Thursday, 2 May 2024</a></blockquote>"#,
            "Facebook",
            Some("Riverside Council"),
            None,
        ),
        (
            r#"<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@riverside/video/7300"><section><a title="@riverside" href="https://www.tiktok.com/@riverside">@riverside</a><p>First ride</p></section></blockquote><script src="https://www.tiktok.com/embed.js"></script>"#,
            "TikTok",
            Some("@riverside"),
            None,
        ),
        (
            r#"<blockquote class="mastodon-embed" cite="https://mastodon.social/@ana/1131"><p>From the count.</p>&mdash; Ana (@ana@mastodon.social)</blockquote>"#,
            "Mastodon",
            Some("Ana"),
            Some("@ana@mastodon.social"),
        ),
        (
            r#"<blockquote class="text-post-media" cite="https://www.threads.net/@riverside/post/C1"><p>Bridge day.</p></blockquote>"#,
            "Threads",
            Some("@riverside"),
            None,
        ),
    ];
    for (markup, provider, name, handle) in cases {
        let post = serde_json::json!({"title": {"rendered": "T"}, "content": {"rendered": markup}})
            .to_string();
        let d = decode_str(&post, BASE).unwrap();
        let Block::SocialPost { post } = &d.article.body[0] else {
            panic!("{markup}: {:?}", d.article.body[0].type_name())
        };
        assert_eq!(post.provider.as_deref(), Some(provider));
        assert_eq!(post.author.as_ref().map(|a| &*a.name), name, "{markup}");
        assert_eq!(
            post.author.as_ref().and_then(|a| a.handle.as_deref()),
            handle,
            "{markup}"
        );
        assert!(post.url.is_some());
        let out = article_html(&d.article, &Ui::new(table("en").unwrap(), None), "w1");
        assert!(
            !out.contains("<script") && !out.contains("widgets.js") && !out.contains("embed.js")
        );
        assert!(out.contains(&format!("View on {provider}")), "{out}");
    }
}

#[test]
fn hostile_text_in_a_post_stays_text_and_its_links_pass_the_url_policy() {
    let x = r#"<img src=x onerror=alert(1)>"#;
    let markup = format!(
        r#"<blockquote class="twitter-tweet" cite="javascript:alert(1)"><p>{x} <a href="javascript:alert(2)">bad</a></p>&mdash; {x} (@h) <a href="javascript:alert(3)">May 2, 2024</a></blockquote>"#
    );
    let post = serde_json::json!({"title": {"rendered": "T"}, "content": {"rendered": markup}})
        .to_string();
    let d = decode_str(&post, BASE).unwrap();
    let out = article_html(&d.article, &Ui::new(table("en").unwrap(), None), "w1");
    // Its pictures are the publisher's, through the URL policy; no handler or script address.
    assert!(
        !out.contains("javascript:") && !out.contains("onerror") && !out.contains("cite="),
        "{out}"
    );
    assert!(
        !out.contains("<bdi>(@h)"),
        "no name is made of what is left: {out}"
    );
    let v1 = format!(
        r#"{{"version":"1","headline":"H","body":[{{"type":"social_post","url":"javascript:alert(1)","provider":"{p}","author":{{"name":"{p}","handle":"{p}"}},"content":"{p}"}}]}}"#,
        p = x.replace('"', "\\\"")
    );
    let d = decode_str(&v1, BASE).unwrap();
    let out = article_html(&d.article, &Ui::new(table("en").unwrap(), None), "w1");
    assert!(
        !out.contains("<img") && !out.contains("javascript:") && !out.contains("cite="),
        "{out}"
    );
    assert!(out.contains("&lt;img src=x onerror=alert(1)&gt;"));
}
