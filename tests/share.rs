//! Native tests of share-intent addresses, target lists and reader-facing error messages.
#![cfg(not(target_arch = "wasm32"))]

use article_reader::core::json::JsonError;
use article_reader::document::{decode_str, DecodeError};
use article_reader::reader::error::ReaderError;
use article_reader::reader::i18n::EN;
use article_reader::reader::share::{encode, SharePayload, ShareTarget};

fn payload() -> SharePayload {
    SharePayload {
        url: "https://news.example/a?b=1&c=2".into(),
        title: "Rates & \"risks\" — 2024".into(),
        text: None,
        hashtags: vec![],
        via: None,
        site: None,
        lang: "en".into(),
    }
}

#[test]
fn encoding_matches_encode_uri_component() {
    assert_eq!(encode("a b&c=d/é?#"), "a%20b%26c%3Dd%2F%C3%A9%3F%23");
    assert_eq!(encode("-_.!~*'()"), "-_.!~*'()");
}

#[test]
fn every_intent_carries_the_encoded_canonical_url() {
    let p = payload();
    let url = "https%3A%2F%2Fnews.example%2Fa%3Fb%3D1%26c%3D2";
    let expected = [
        (ShareTarget::X, "https://x.com/intent/tweet?text="),
        (
            ShareTarget::Facebook,
            "https://www.facebook.com/sharer/sharer.php?u=",
        ),
        (
            ShareTarget::LinkedIn,
            "https://www.linkedin.com/sharing/share-offsite/?url=",
        ),
        (ShareTarget::WhatsApp, "https://api.whatsapp.com/send?text="),
        (ShareTarget::Telegram, "https://t.me/share/url?url="),
        (ShareTarget::Reddit, "https://www.reddit.com/submit?url="),
        (ShareTarget::Email, "mailto:?subject="),
    ];
    for (target, prefix) in expected {
        let intent = p
            .intent_url(target)
            .unwrap_or_else(|| panic!("{target:?} has an intent"));
        assert!(intent.as_str().starts_with(prefix), "{target:?}: {intent}");
        assert!(
            intent.as_str().contains(url),
            "{target:?} must carry the canonical URL: {intent}"
        );
    }
    assert!(p.intent_url(ShareTarget::Copy).is_none());
    assert!(p.intent_url(ShareTarget::Native).is_none());
}

#[test]
fn x_gets_text_hashtags_and_via() {
    let mut p = payload();
    p.text = Some("Read this".into());
    p.hashtags = vec!["news".into(), "rates".into()];
    p.via = Some("gazette".into());
    let x = p.intent_url(ShareTarget::X).unwrap();
    assert!(x.as_str().contains("text=Read%20this"), "{x}");
    assert!(x.as_str().contains("&hashtags=news%2Crates"), "{x}");
    assert!(x.as_str().ends_with("&via=gazette"), "{x}");
}

#[test]
fn reddit_and_email_carry_the_title() {
    let p = payload();
    let reddit = p.intent_url(ShareTarget::Reddit).unwrap();
    assert!(
        reddit
            .as_str()
            .ends_with("&title=Rates%20%26%20%22risks%22%20%E2%80%94%202024"),
        "{reddit}"
    );
    let email = p.intent_url(ShareTarget::Email).unwrap();
    assert!(
        email.as_str().starts_with("mailto:?subject=Rates%20%26"),
        "{email}"
    );
}

#[test]
fn the_canonical_url_is_shared_and_the_page_url_only_without_one() {
    let with = decode_str(include_str!("fixtures/all-blocks.json"), None)
        .unwrap()
        .article;
    assert_eq!(
        SharePayload::for_article(&with, "https://host.example/page").url,
        "https://news.example/2024/all-blocks"
    );
    let without = decode_str(include_str!("fixtures/minimal.json"), None)
        .unwrap()
        .article;
    assert_eq!(
        SharePayload::for_article(&without, "https://host.example/page").url,
        "https://host.example/page"
    );
}

#[test]
fn share_lists_parse_leniently() {
    assert_eq!(
        ShareTarget::parse_list("x, Email ,copy"),
        vec![ShareTarget::X, ShareTarget::Email, ShareTarget::Copy]
    );
    assert_eq!(
        ShareTarget::parse_list("twitter,x,bogus"),
        vec![ShareTarget::X]
    );
    assert!(ShareTarget::parse_list("").is_empty());
}

#[test]
fn labels_are_the_names_the_format_fixes() {
    let labels: Vec<_> = ShareTarget::ALL.iter().map(|t| t.label(&EN)).collect();
    assert_eq!(
        labels,
        [
            "Share",
            "Copy link",
            "Share on X",
            "Share on Facebook",
            "Share on LinkedIn",
            "Share on WhatsApp",
            "Share on Telegram",
            "Share on Reddit",
            "Share by email"
        ]
    );
    assert_eq!(
        ShareTarget::X.label(&article_reader::reader::i18n::ES),
        "Compartir en X"
    );
    assert_eq!(
        ShareTarget::Email.short_name(&article_reader::reader::i18n::DE),
        "E-Mail"
    );
}

#[test]
fn reader_messages_fit_the_cause() {
    assert!(ReaderError::Http {
        status: 404,
        retry_after: None
    }
    .to_string()
    .contains("not found"));
    assert!(ReaderError::Http {
        status: 503,
        retry_after: None
    }
    .to_string()
    .contains("server had a problem"));
    assert!(ReaderError::Http {
        status: 429,
        retry_after: None
    }
    .to_string()
    .contains("too many requests"));
    assert!(ReaderError::Network.to_string().contains("connection"));
    assert!(ReaderError::Timeout { seconds: 15 }
        .to_string()
        .contains("15 seconds"));
}

#[test]
fn retry_after_is_passed_on_to_the_reader() {
    let busy = ReaderError::Http {
        status: 429,
        retry_after: Some(30),
    }
    .to_string();
    assert!(busy.contains("try again in 30 seconds"), "{busy}");
    let down = ReaderError::Http {
        status: 503,
        retry_after: Some(120),
    }
    .to_string();
    assert!(
        down.contains("server had a problem") && down.contains("try again in 2 minutes"),
        "{down}"
    );
}

#[test]
fn content_types_that_cannot_hold_an_article_are_refused_before_reading() {
    use article_reader::reader::error::check_content_type;
    for ok in [
        "application/json",
        "application/json; charset=utf-8",
        "Application/JSON",
        "application/ld+json",
        "text/plain",
        "",
        "application/octet-stream",
    ] {
        assert_eq!(check_content_type(ok), Ok(()), "{ok}");
    }
    assert_eq!(
        check_content_type("text/html; charset=utf-8"),
        Err(ReaderError::NotJson { html: true })
    );
    assert_eq!(
        check_content_type("image/png"),
        Err(ReaderError::WrongType {
            mime: "image/png".into()
        })
    );
    assert!(ReaderError::WrongType {
        mime: "image/png".into()
    }
    .to_string()
    .contains("image/png"));
}

#[test]
fn an_html_page_is_told_apart_from_a_broken_document() {
    let page = "<!doctype html><title>Log in</title>";
    let issue = decode_str(page, None).unwrap_err();
    assert_eq!(
        ReaderError::from_decode(page, issue),
        ReaderError::NotJson { html: true }
    );
    let broken = r#"{"version":"1","#;
    let issue = decode_str(broken, None).unwrap_err();
    assert!(matches!(
        ReaderError::from_decode(broken, issue),
        ReaderError::Invalid(DecodeError::NotJson(JsonError { line: 1, .. }))
    ));
    let big = " ".repeat(article_reader::document::MAX_DOCUMENT_BYTES + 1);
    let issue = decode_str(&big, None).unwrap_err();
    assert_eq!(ReaderError::from_decode(&big, issue), ReaderError::TooLarge);
    let text = "this is not json";
    let issue = decode_str(text, None).unwrap_err();
    assert_eq!(
        ReaderError::from_decode(text, issue),
        ReaderError::NotJson { html: false }
    );
    let wrong = r#"{"version":"1","headline":"h","body":{}}"#;
    let issue = decode_str(wrong, None).unwrap_err();
    assert_eq!(
        ReaderError::from_decode(wrong, issue).to_string(),
        "This article document has an error: body: expected array"
    );
}

/// A quote's link: the canonical address with a text fragment the browser can find.
#[test]
fn a_quote_links_to_its_words_with_a_text_fragment() {
    use article_reader::reader::share::Quote;
    let whole = "The count went on through the night. Turnout rose in every region, \
                 the final count shows. Observers watched every table.";
    let quote = Quote::new(
        " Turnout  rose\nin every region ",
        "The count went on through the night.",
        ", the final count shows.",
        whole,
    )
    .expect("a quote");
    assert_eq!(quote.text, "Turnout rose in every region");
    assert_eq!(
        (quote.before.as_deref(), quote.after.as_deref()),
        (None, None),
        "said once: no context"
    );
    assert_eq!(
        quote.link("https://news.example/2026/count#top"),
        "https://news.example/2026/count#:~:text=Turnout%20rose%20in%20every%20region"
    );
    // Commas, hyphens, ampersands and letters beyond ASCII are encoded.
    let odd = Quote::new("Saint-Étienne, R&D", "", "", "Saint-Étienne, R&D").expect("a quote");
    assert_eq!(
        odd.link("https://news.example/a"),
        "https://news.example/a#:~:text=Saint%2D%C3%89tienne%2C%20R%26D"
    );
    // A long quote: its first and last four words.
    let long = "one two three four five six seven eight nine ten eleven twelve";
    let q = Quote::new(long, "", "", long).expect("a quote");
    assert_eq!(
        q.link("https://n.example/a"),
        "https://n.example/a#:~:text=one%20two%20three%20four,nine%20ten%20eleven%20twelve"
    );
    // Words said twice: the words around this one go with it.
    let twice = "the count went on. Then the count went on again, all night";
    let q = Quote::new(
        "the count went on",
        "the count went on. Then",
        "again, all night",
        twice,
    )
    .expect("a quote");
    assert_eq!(q.before.as_deref(), Some("count went on. Then"));
    assert_eq!(q.after.as_deref(), Some("again, all night"));
    assert_eq!(
        q.link("https://n.example/a"),
        "https://n.example/a#:~:text=count%20went%20on.%20Then-,the%20count%20went%20on,-again%2C%20all%20night"
    );
    assert_eq!(Quote::new(" \n ", "", "", "x"), None, "nothing selected");
}
