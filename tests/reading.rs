//! Reading time: words counted as readers read them, over a range of speeds.

#![allow(clippy::expect_used)]

use article_reader::document::decode_str;
use article_reader::reader::reading::{minutes, word_count};

fn article(body: &str) -> article_reader::core::model::Article {
    let doc = format!(
        r#"{{"version":"1","lang":"en","headline":"Two words","summary":["Three short words"],"body":[{body}]}}"#
    );
    decode_str(&doc, None).expect("valid").article
}

#[test]
fn words_are_counted_in_headline_summary_and_every_text_block() {
    let a = article(
        r#"{"type":"paragraph","content":"one two, three—four"},
           {"type":"list","items":["five six","seven"]},
           {"type":"quote","content":"eight nine"},
           {"type":"divider"}"#,
    );
    assert_eq!(word_count(&a), 2 + 3 + 4 + 3 + 2);
}

#[test]
fn scripts_without_spaces_count_by_characters() {
    let a = article(r#"{"type":"paragraph","content":"東京の電車は速い"}"#);
    assert_eq!(word_count(&a), 2 + 3 + 4);
}

#[test]
fn minutes_are_a_range_and_never_zero() {
    assert_eq!(minutes(2252, [200, 250]), (9, 11));
    assert_eq!(minutes(10, [200, 250]), (1, 1));
    assert_eq!(minutes(1000, [120, 160]), (6, 8));
}
