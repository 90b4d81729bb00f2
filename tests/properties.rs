//! Property tests of the pure core: the parser and validator never panic and agree with each
//! other, valid documents round-trip, the URL policy only ever yields http(s) (or mailto for the
//! email target), and share links are always well-formed.
#![cfg(not(target_arch = "wasm32"))]

use article_reader::core::json::{self, Json};
use article_reader::core::url_policy::{resolve, UrlUse};
use article_reader::document::decode_str;
use article_reader::reader::share::{SharePayload, ShareTarget};
use proptest::prelude::*;

/// Arbitrary JSON values, nested a few levels.
fn json_value() -> impl Strategy<Value = Json> {
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        (-1_000_000i64..1_000_000).prop_map(|n| Json::Number(n.to_string().into())),
        "-?(0|[1-9][0-9]{0,2})(\\.[0-9]{1,3})?([eE][+-]?[0-9]{1,2})?"
            .prop_map(|n| Json::Number(n.into())),
        any::<String>().prop_map(|s| Json::String(s.into())),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Json::Array),
            prop::collection::vec(("[a-z_]{0,8}", inner), 0..6).prop_map(|members| Json::Object(
                members.into_iter().map(|(k, v)| (k.into(), v)).collect()
            )),
        ]
    })
}

/// Text runs, as the format writes them.
fn inline_content() -> impl Strategy<Value = serde_json::Value> {
    let run = prop_oneof![
        any::<String>().prop_map(serde_json::Value::from),
        (any::<String>(), prop::sample::subsequence(vec!["strong", "em", "code", "sub", "sup", "strike", "underline"], 0..3))
            .prop_map(|(text, marks)| serde_json::json!({ "text": text, "marks": marks })),
        (any::<String>(), "[a-z]{1,8}").prop_map(|(text, path)| serde_json::json!({ "text": text, "href": format!("https://example.org/{path}") })),
    ];
    prop_oneof![
        any::<String>().prop_map(serde_json::Value::from),
        prop::collection::vec(run, 0..4).prop_map(serde_json::Value::from),
    ]
}

/// Valid article documents with every kind of block.
fn valid_document() -> impl Strategy<Value = String> {
    let block = prop_oneof![
        inline_content().prop_map(|c| serde_json::json!({ "type": "paragraph", "content": c })),
        (2u8..=4, inline_content()).prop_map(|(level, c)| serde_json::json!({ "type": "heading", "level": level, "content": c })),
        (inline_content(), any::<bool>()).prop_map(|(c, pull)| serde_json::json!({ "type": "quote", "content": c, "pull": pull })),
        (prop::collection::vec(inline_content(), 0..3), any::<bool>())
            .prop_map(|(items, ordered)| serde_json::json!({ "type": "list", "items": items, "ordered": ordered })),
        (any::<String>(), any::<String>(), 1u32..4000, 1u32..4000).prop_map(|(alt, caption, w, h)| serde_json::json!({
            "type": "image", "image": { "src": "https://example.org/a.png", "alt": alt, "width": w, "height": h, "caption": caption, "credit": { "text": "C" } }
        })),
        any::<String>().prop_map(|h| serde_json::json!({ "type": "related_link", "headline": h, "url": "https://example.org/r" })),
        Just(serde_json::json!({ "type": "divider" })),
    ];
    (any::<String>(), prop::collection::vec(block, 0..8), prop::sample::select(vec!["en", "ar", "es-MX", "zh-Hant-TW"]))
        .prop_map(|(headline, body, lang)| {
            serde_json::json!({ "version": "1", "headline": headline, "lang": lang, "published": "2024-02-29", "body": body }).to_string()
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn the_validator_never_panics_on_any_text(text in any::<String>()) {
        let _ = decode_str(&text, Some("https://example.org/a.json"));
    }

    #[test]
    fn the_validator_never_panics_on_any_json(value in json_value()) {
        let _ = decode_str(&value.to_string(), None);
    }

    #[test]
    fn written_json_parses_back_to_the_same_value(value in json_value()) {
        prop_assert_eq!(json::parse(&value.to_string()).unwrap(), value);
    }

    #[test]
    fn valid_documents_decode_and_round_trip(text in valid_document()) {
        let first = decode_str(&text, None).map_err(|e| TestCaseError::fail(e.to_string()))?.article;
        let written = serde_json::to_string(&first).unwrap();
        let second = decode_str(&written, None).map_err(|e| TestCaseError::fail(e.to_string()))?.article;
        prop_assert_eq!(first, second);
    }

    #[test]
    fn the_url_policy_only_yields_web_addresses(raw in any::<String>(), base in prop::option::of("(https?|ftp|javascript|data):[/a-z.]{0,20}")) {
        if let Some(url) = resolve(&raw, base.as_deref(), UrlUse::Web) {
            prop_assert!(url.as_str().starts_with("http://") || url.as_str().starts_with("https://"), "{}", url);
        }
        if let Some(url) = resolve(&raw, base.as_deref(), UrlUse::Email) {
            prop_assert!(url.as_str().starts_with("mailto:"), "{}", url);
        }
    }

    #[test]
    fn script_schemes_never_pass_however_written(
        scheme in prop::sample::select(vec!["javascript", "vbscript", "data", "file", "blob"]),
        mask in prop::collection::vec(any::<bool>(), 10),
        noise in prop::sample::select(vec!["", " ", "\t", "\n", "\u{0}", "\u{1}", "\r\n"]),
    ) {
        let cased: String = scheme.chars().zip(mask.iter().cycle()).map(|(c, up)| if *up { c.to_ascii_uppercase() } else { c }).collect();
        let raw = format!("{noise}{}{noise}{}:alert(1)", &cased[..2], &cased[2..]);
        // Refused, or (where the noise breaks the scheme apart) read as a harmless relative path.
        if let Some(url) = resolve(&raw, Some("https://example.org/"), UrlUse::Web) {
            prop_assert!(url.as_str().starts_with("https://example.org/"), "{:?} became {}", raw, url);
        }
    }

    #[test]
    fn share_links_are_always_well_formed(url in any::<String>(), title in any::<String>(), text in prop::option::of(any::<String>()), tags in prop::collection::vec(any::<String>(), 0..3)) {
        let payload = SharePayload { url, title, text, hashtags: tags, via: None, site: None, lang: "en".into() };
        for target in ShareTarget::ALL {
            if let Some(link) = payload.intent_url(target) {
                let expected = if target == ShareTarget::Email { "mailto:" } else { "https://" };
                prop_assert!(link.as_str().starts_with(expected), "{:?}: {}", target, link);
            }
        }
    }
}
