//! The project's malformed-document corpus, natively: invalid JSON of every kind, a wrong type at
//! every field of a valid document, deep nesting, very large strings and arrays, invalid UTF-8 and
//! wrong versions. Each must give a field-path error (or, where the format allows the value, a
//! document) and never a panic. Prints how many documents it tried.
#![cfg(not(target_arch = "wasm32"))]
// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use article_reader::core::json::{self, Json};
use article_reader::document::{decode_str, decode_value, MAX_DOCUMENT_BYTES, MAX_LIST_LENGTH};

mod common;
use common::{find, paths, replaced, same_kind};

const ALL_BLOCKS: &str = include_str!("fixtures/all-blocks.json");

fn refused(text: &str) -> String {
    match decode_str(text, None) {
        Ok(_) => panic!("accepted: {}", &text[..text.len().min(200)]),
        Err(issue) => issue.to_string(),
    }
}

#[test]
fn invalid_json_of_every_kind_is_refused_as_not_json() {
    let cases = [
        "",
        " ",
        "{",
        "}",
        "[",
        "]",
        "{]",
        "[}",
        "{\"version\"}",
        "{\"version\":}",
        "{\"version\":\"1\",}",
        "{,\"version\":\"1\"}",
        "{\"version\":\"1\" \"headline\":\"h\"}",
        "{version:\"1\"}",
        "{'version':'1'}",
        "{\"version\":\"1\"",
        "{\"version\":\"1",
        "{\"version\":\"1\\\"}",
        "{\"a\":tru}",
        "{\"a\":nul}",
        "{\"a\":True}",
        "{\"a\":NaN}",
        "{\"a\":Infinity}",
        "{\"a\":-}",
        "{\"a\":01}",
        "{\"a\":1.}",
        "{\"a\":.1}",
        "{\"a\":1e}",
        "{\"a\":+1}",
        "{\"a\":0x10}",
        "{\"a\":\"\\x41\"}",
        "{\"a\":\"\\u12\"}",
        "{\"a\":\"\\ud800\"}",
        "{\"a\":\"\\udc00\\ud800\"}",
        "{\"a\":\"tab\there\"}",
        "{\"a\":\"line\nbreak\"}",
        "{\"a\":[1,2,]}",
        "{\"a\":[,1]}",
        "{\"a\":[1 2]}",
        "{\"a\":1}}",
        "{\"a\":1} x",
        "{\"a\":1}{\"b\":2}",
        "/* comment */ {}",
        "{} // comment",
        "\u{feff}\u{feff}{}",
        "<!doctype html><html></html>",
        "<?xml version=\"1.0\"?><article/>",
        "headline: Hello",
        "undefined",
        "{\"a\":\u{0}}",
        "\u{0}",
        "[\"\\",
    ];
    for text in cases {
        let message = refused(text);
        assert!(
            message.starts_with("document: not valid JSON"),
            "{text:?}: {message}"
        );
    }
}

#[test]
fn json_that_is_not_an_object_is_refused() {
    for text in [
        "null",
        "true",
        "0",
        "-1.5e3",
        "\"an article\"",
        "[]",
        "[{\"version\":\"1\"}]",
    ] {
        assert_eq!(refused(text), "document: expected object", "{text}");
    }
}

#[test]
fn wrong_versions_are_refused() {
    for version in [
        "\"2\"", "\"1.0\"", "\"v1\"", "\"\"", "\" 1\"", "1", "1.0", "true", "[\"1\"]", "{}",
    ] {
        let text = format!("{{\"version\":{version},\"headline\":\"h\",\"body\":[]}}");
        assert!(refused(&text).starts_with("version: "), "{text}");
    }
    assert_eq!(
        refused("{\"version\":null,\"headline\":\"h\",\"body\":[]}"),
        "version: missing"
    );
}

/// Every field path of a value, as the validator names them, with the value there.
#[test]
fn a_wrong_type_at_every_field_names_that_field() {
    let document = json::parse(ALL_BLOCKS).unwrap();
    let mut all = Vec::new();
    paths(&document, String::new(), &mut all);
    let wrong = [
        Json::Null,
        Json::Bool(true),
        Json::Number("42".into()),
        Json::Number("-1.5".into()),
        Json::String("<b>text</b>".into()),
        Json::Array(vec![]),
        Json::Array(vec![Json::Null]),
        Json::Object(vec![]),
    ];
    let (mut tried, mut refused_count) = (0, 0);
    for target in &all {
        let original = find(&document, target);
        for replacement in &wrong {
            if same_kind(original, replacement)
                && !matches!(replacement, Json::Number(_) | Json::String(_))
            {
                continue;
            }
            let mutated = replaced(&document, "", target, replacement);
            tried += 2;
            // Both as a tree and as text through the parser: the same answer.
            let as_tree = decode_value(&mutated, None);
            let as_text = decode_str(&mutated.to_string(), None);
            assert_eq!(as_tree.is_ok(), as_text.is_ok(), "{target}");
            if let Err(issue) = as_tree {
                refused_count += 1;
                assert!(
                    issue.path.starts_with(target.as_str()),
                    "{target} = {replacement}: the error names {issue} instead"
                );
            }
        }
    }
    eprintln!(
        "wrong types: {tried} documents tried, {refused_count} refused with their field path"
    );
    assert!(tried > 1000, "{tried}");
}

#[test]
fn deep_nesting_is_refused_without_exhausting_the_stack() {
    for depth in [129, 1_000, 100_000, 1_000_000] {
        let deep = |m: String| m.contains("nested too deeply") || m.contains("larger than the");
        let arrays = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        assert!(deep(refused(&arrays)), "{depth}");
        let objects = format!("{}{}", "{\"a\":".repeat(depth), "}".repeat(depth));
        assert!(deep(refused(&objects)), "{depth}");
        let in_field = format!(
            "{{\"version\":\"1\",\"headline\":\"h\",\"body\":[],\"_x\":{}1{}}}",
            "[".repeat(depth),
            "]".repeat(depth)
        );
        assert!(deep(refused(&in_field)), "{depth}");
    }
    let unclosed = "[".repeat(2_000_000);
    assert!(refused(&unclosed).contains("not valid JSON"));
}

#[test]
fn oversized_documents_strings_and_lists_are_refused() {
    let huge_string = format!(
        "{{\"version\":\"1\",\"headline\":\"{}\",\"body\":[]}}",
        "x".repeat(MAX_DOCUMENT_BYTES)
    );
    assert!(refused(&huge_string).starts_with("document: larger than the 4 MiB limit"));
    let blocks = vec!["{\"type\":\"divider\"}"; MAX_LIST_LENGTH + 1].join(",");
    let many_blocks = format!("{{\"version\":\"1\",\"headline\":\"h\",\"body\":[{blocks}]}}");
    assert_eq!(
        refused(&many_blocks),
        format!("body: more than {MAX_LIST_LENGTH} items")
    );
    let runs = vec!["\"r\""; MAX_LIST_LENGTH + 1].join(",");
    let many_runs = format!("{{\"version\":\"1\",\"headline\":\"h\",\"body\":[{{\"type\":\"paragraph\",\"content\":[{runs}]}}]}}");
    assert_eq!(
        refused(&many_runs),
        format!("body[0].content: more than {MAX_LIST_LENGTH} items")
    );
    // Just under the limits is an article.
    let blocks = vec!["{\"type\":\"divider\"}"; MAX_LIST_LENGTH].join(",");
    assert!(decode_str(
        &format!("{{\"version\":\"1\",\"headline\":\"h\",\"body\":[{blocks}]}}"),
        None
    )
    .is_ok());
}

#[test]
fn invalid_utf8_is_read_as_the_browser_reads_it_and_never_panics() {
    let cases: [&[u8]; 6] = [
        b"{\"version\":\"1\",\"headline\":\"\xff\xfe\",\"body\":[]}",
        b"{\"version\":\"1\",\"headline\":\"\xc3\",\"body\":[]}",
        b"{\"version\":\"1\",\"headline\":\"\xed\xa0\x80\",\"body\":[]}",
        b"\xef\xbb\xbf{\"version\":\"1\",\"headline\":\"BOM\",\"body\":[]}",
        b"{\"version\":\"1\xe0\x80\",\"headline\":\"h\",\"body\":[]}",
        b"\xff{\"version\":\"1\",\"headline\":\"h\",\"body\":[]}",
    ];
    let outcomes: Vec<bool> = cases
        .iter()
        .map(|bytes| decode_str(&String::from_utf8_lossy(bytes), None).is_ok())
        .collect();
    // Replacement characters in text are text; in the version they are a wrong version; before
    // the document they are not JSON.
    assert_eq!(outcomes, [true, true, true, true, false, false]);
}
