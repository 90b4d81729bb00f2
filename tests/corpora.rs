//! JSONTestSuite (in the workspace's shared corpora, not copied into the project): every `y_` case
//! parses, every `n_` case is refused, and no case of any kind is an article or a panic.
//! The corpora live beside the checkout, not in it, so these tests are ignored by a plain
//! `cargo test` (reported as "ignored", never as a silent pass); `make test` runs them with
//! `--ignored` when `../shared/corpora` is there and says "skipped" when it is not. Run with
//! `--ignored` where the corpora are missing, they fail: no data, no pass.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use article_reader::core::json;
use article_reader::document::decode_str;

fn cases() -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpora/jsontestsuite/test_parsing");
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| {
        panic!("JSONTestSuite is not at ../shared/corpora/jsontestsuite/test_parsing ({e})")
    });
    let mut cases: Vec<(String, Vec<u8>)> = entries
        .filter_map(|e| e.ok())
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap_or_default(),
            )
        })
        .collect();
    cases.sort();
    cases
}

#[test]
#[ignore = "needs ../shared/corpora (make test runs it when present)"]
fn jsontestsuite_accept_and_reject_cases_are_honoured() {
    let cases = cases();
    assert!(cases.len() > 300, "{} cases", cases.len());
    let mut wrong = Vec::new();
    for (name, bytes) in &cases {
        // The browser decodes a response body as UTF-8 with replacement characters; so do we.
        let Ok(text) = std::str::from_utf8(bytes) else {
            continue;
        };
        let parsed = json::parse(text);
        if name.starts_with("y_") && parsed.is_err() || name.starts_with("n_") && parsed.is_ok() {
            wrong.push(name.clone());
        }
    }
    assert!(wrong.is_empty(), "misjudged: {wrong:?}");
}

#[test]
#[ignore = "needs ../shared/corpora (make test runs it when present)"]
fn no_jsontestsuite_case_is_an_article_and_none_panics() {
    let cases = cases();
    for (name, bytes) in &cases {
        let text = String::from_utf8_lossy(bytes);
        let issue = decode_str(&text, None).expect_err(name);
        assert!(!issue.to_string().is_empty(), "{name}");
    }
}
