//! Native tests of "what changed since you saved it" (`reader::changes::compare`): two checked
//! articles compared block by block.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use article_reader::core::model::Article;
use article_reader::document::decode_str;
use article_reader::reader::changes::{compare, BlockMark::*, Changes};

/// An article in format v1 from its headline, body blocks (JSON) and corrections (JSON).
fn article(headline: &str, body: &[&str], corrections: &[&str]) -> Article {
    let text = format!(
        r#"{{"version":"1","headline":"{headline}","body":[{}],"corrections":[{}]}}"#,
        body.join(","),
        corrections.join(",")
    );
    decode_str(&text, Some("https://news.example/"))
        .expect("a valid document")
        .article
}

fn p(text: &str) -> String {
    format!(r#"{{"type":"paragraph","content":"{text}"}}"#)
}

fn picture(src: &str) -> String {
    format!(r#"{{"type":"image","image":{{"src":"{src}","alt":"A picture"}}}}"#)
}

const CORRECTION: &str =
    r#"{"kind":"correction","content":"An earlier version gave the wrong turnout."}"#;

fn body(blocks: &[String]) -> Vec<&str> {
    blocks.iter().map(String::as_str).collect()
}

#[test]
fn the_same_document_says_nothing() {
    let blocks = [p("One."), picture("a.png"), p("Two.")];
    let saved = article("H", &body(&blocks), &[CORRECTION]);
    let changes = compare(&saved, &saved.clone());
    assert!(changes.is_empty(), "{changes:?}");
    assert_eq!(changes.blocks, [Same, Same, Same]);
}

#[test]
fn a_changed_word_marks_its_paragraph_changed_and_nothing_else() {
    let saved = article(
        "H",
        &body(&[p("One."), p("The count ended on Monday."), p("Three.")]),
        &[],
    );
    let now = article(
        "H",
        &body(&[p("One."), p("The count ended on Tuesday."), p("Three.")]),
        &[],
    );
    let changes = compare(&saved, &now);
    assert_eq!(changes.blocks, [Same, Changed, Same]);
    assert_eq!(changes.removed, 0);
    assert!(!changes.is_empty() && !changes.headline);
}

#[test]
fn reordered_blocks_are_moved_not_rewritten() {
    let saved = article(
        "H",
        &body(&[p("One."), p("Two."), p("Three."), p("Four.")]),
        &[],
    );
    let now = article(
        "H",
        &body(&[p("One."), p("Three."), p("Two."), p("Four.")]),
        &[],
    );
    let changes = compare(&saved, &now);
    assert_eq!(changes.count(Moved), 1, "{changes:?}");
    assert_eq!(changes.count(Same), 3);
    assert_eq!(
        (
            changes.count(Changed),
            changes.count(Added),
            changes.removed
        ),
        (0, 0, 0)
    );
}

#[test]
fn another_picture_is_a_changed_block() {
    let saved = article(
        "H",
        &body(&[p("One."), picture("before.png"), p("Two.")]),
        &[],
    );
    let now = article(
        "H",
        &body(&[p("One."), picture("after.png"), p("Two.")]),
        &[],
    );
    assert_eq!(compare(&saved, &now).blocks, [Same, Changed, Same]);
}

#[test]
fn a_removed_block_is_counted_and_marks_nothing() {
    let saved = article(
        "H",
        &body(&[p("One."), p("Two."), picture("a.png"), p("Three.")]),
        &[],
    );
    let now = article("H", &body(&[p("One."), p("Two."), p("Three.")]), &[]);
    let changes = compare(&saved, &now);
    assert_eq!(changes.blocks, [Same, Same, Same]);
    assert_eq!(changes.removed, 1);
    assert!(!changes.is_empty());
}

#[test]
fn a_new_headline_alone_is_a_change() {
    let blocks = [p("One.")];
    let changes = compare(
        &article("Old", &body(&blocks), &[]),
        &article("New", &body(&blocks), &[]),
    );
    assert!(changes.headline);
    assert_eq!(changes.blocks, [Same]);
    assert!(!changes.is_empty());
}

#[test]
fn an_added_paragraph_a_new_correction_and_a_new_note_are_said() {
    let note =
        r#"{"type":"note","kind":"update","content":"The islands finished counting."}"#.to_owned();
    let saved = article("H", &body(&[p("One."), p("Two.")]), &[]);
    let now = article(
        "H",
        &body(&[p("One."), p("Between."), p("Two."), note]),
        &[CORRECTION],
    );
    let changes = compare(&saved, &now);
    assert_eq!(changes.blocks, [Same, Added, Same, Added]);
    assert_eq!(changes.new_corrections, [0]);
    assert_eq!(changes.new_note_blocks(&now), [3]);
    // A correction that was already there is not new.
    let again = compare(&now, &now.clone());
    assert!(again.new_corrections.is_empty() && again.is_empty());
}

#[test]
fn a_rewritten_passage_pairs_blocks_of_the_same_kind_and_counts_the_rest() {
    let saved = article(
        "H",
        &body(&[
            p("Start."),
            p("Old A."),
            picture("x.png"),
            p("Old B."),
            p("End."),
        ]),
        &[],
    );
    let now = article(
        "H",
        &body(&[
            p("Start."),
            p("New A."),
            p("New B."),
            p("New C."),
            p("End."),
        ]),
        &[],
    );
    let changes = compare(&saved, &now);
    assert_eq!(changes.blocks, [Same, Changed, Changed, Added, Same]);
    assert_eq!(changes.removed, 1, "the picture");
}

#[test]
fn a_very_long_body_is_compared_without_the_quadratic_table() {
    let saved_blocks: Vec<String> = (0..3000).map(|i| p(&format!("Paragraph {i}."))).collect();
    let mut now_blocks = saved_blocks.clone();
    now_blocks.reverse();
    let changes: Changes = compare(
        &article("H", &body(&saved_blocks), &[]),
        &article("H", &body(&now_blocks), &[]),
    );
    assert_eq!(changes.blocks.len(), 3000);
    // Every block is still there, each the same as a saved one: none is new, none removed.
    assert_eq!(
        (
            changes.count(Added),
            changes.count(Changed),
            changes.removed
        ),
        (0, 0, 0)
    );
}
