//! Native tests of the library's search (`reader::search`): folding case and accents in the six
//! languages, every word required, the block to open at, the snippet and its marks.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use article_reader::core::model::Article;
use article_reader::document::decode_str;
use article_reader::reader::search::{find, fold};

fn article(headline: &str, paragraphs: &[&str]) -> Article {
    let body: Vec<String> = paragraphs
        .iter()
        .map(|p| {
            format!(
                r#"{{"type":"paragraph","content":{}}}"#,
                serde_json::to_string(p).unwrap()
            )
        })
        .collect();
    let text = format!(
        r#"{{"version":"1","headline":{},"body":[{}]}}"#,
        serde_json::to_string(headline).unwrap(),
        body.join(",")
    );
    decode_str(&text, Some("https://news.example/"))
        .expect("valid")
        .article
}

/// The marked words of a hit, as text.
fn marked(hit: &article_reader::reader::search::Hit) -> Vec<&str> {
    hit.marks.iter().map(|&(a, b)| &hit.snippet[a..b]).collect()
}

#[test]
fn folding_takes_case_accents_and_arabic_vowels_away() {
    assert_eq!(fold("São Paulo"), "sao paulo");
    assert_eq!(fold("ÜBER Straße"), "uber strasse");
    assert_eq!(fold("Élection à Noël, cœur"), "election a noel, coeur");
    assert_eq!(fold("año"), "ano");
    assert_eq!(fold("الانتخاباتُ"), fold("الانتخابات"));
    assert_eq!(fold("أصوات"), fold("اصوات"));
    assert_eq!(fold("l’école"), "l'ecole");
}

#[test]
fn a_word_of_the_body_with_or_without_accents_opens_at_its_block() {
    let a = article(
        "Les résultats",
        &[
            "Le dépouillement a commencé.",
            "À São Paulo, la participation était élevée.",
        ],
    );
    for query in [
        "sao paulo",
        "São Paulo",
        "SAO PAULO",
        "participation elevee",
    ] {
        let hit = find(&a, query).unwrap_or_else(|| panic!("{query}"));
        assert_eq!(hit.block, Some(1), "{query}");
        assert!(hit.snippet.contains("São Paulo"), "{hit:?}");
    }
    let hit = find(&a, "elevee").unwrap();
    assert_eq!(marked(&hit), ["élevée"]);
}

#[test]
fn every_word_must_be_there_and_the_fullest_block_wins() {
    let a = article(
        "Count",
        &[
            "The north counted first.",
            "The islands counted last, north of the coast.",
        ],
    );
    assert!(find(&a, "north missing").is_none());
    assert!(find(&a, "").is_none() && find(&a, " ,. ").is_none());
    let hit = find(&a, "islands north").unwrap();
    assert_eq!(hit.block, Some(1));
    assert_eq!(marked(&hit), ["islands", "north"]);
    // The headline is a part too.
    assert_eq!(find(&a, "count").unwrap().block, None);
}

#[test]
fn the_snippet_is_a_window_around_the_first_match_on_character_boundaries() {
    let long = format!("{} needle {}", "ä".repeat(200), "ö".repeat(200));
    let a = article("H", &[&long]);
    let hit = find(&a, "needle").unwrap();
    assert!(
        hit.snippet.starts_with('…') && hit.snippet.ends_with('…'),
        "{}",
        hit.snippet
    );
    assert!(hit.snippet.chars().count() < 200);
    assert_eq!(marked(&hit), ["needle"]);
}

#[test]
fn arabic_words_are_found_with_or_without_short_vowels() {
    let a = article("نتائج", &["بدأ الفرز في الصباح.", "أُعلنت النتائجُ مساءً."]);
    let hit = find(&a, "اعلنت النتائج").unwrap();
    assert_eq!(hit.block, Some(1));
    assert_eq!(marked(&hit), ["أُعلنت", "النتائجُ"]);
}
