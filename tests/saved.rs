//! Native tests of the saved-articles index.
#![cfg(not(target_arch = "wasm32"))]

use article_reader::core::url_policy::{resolve, UrlUse};
use article_reader::document::decode_str;
use article_reader::reader::saved::{SavedEntry, SavedIndex};

fn entry(url: &str, saved_at: u64, images: &[&str]) -> SavedEntry {
    SavedEntry {
        url: url.into(),
        headline: format!("Headline of {url}"),
        site: None,
        published: None,
        lang: None,
        saved_at,
        images: images.iter().map(|s| s.to_string()).collect(),
        updated: false,
    }
}

#[test]
fn the_list_is_newest_first_and_a_new_save_moves_an_entry_to_the_top() {
    let mut index = SavedIndex::default();
    index.upsert(entry("https://a.example/1", 10, &[]));
    index.upsert(entry("https://a.example/2", 20, &[]));
    index.upsert(entry("https://a.example/3", 30, &[]));
    index.upsert(entry("https://a.example/1", 40, &[]));
    let order: Vec<&str> = index.newest_first().map(|e| e.url.as_str()).collect();
    assert_eq!(
        order,
        [
            "https://a.example/1",
            "https://a.example/3",
            "https://a.example/2"
        ]
    );
}

#[test]
fn saving_again_replaces_the_entry() {
    let mut index = SavedIndex::default();
    index.upsert(entry(
        "https://a.example/1",
        10,
        &["https://a.example/old.png"],
    ));
    let orphans = index.upsert(entry(
        "https://a.example/1",
        20,
        &["https://a.example/new.png"],
    ));
    assert_eq!(index.entries.len(), 1);
    assert_eq!(orphans, ["https://a.example/old.png"]);
}

#[test]
fn removing_frees_only_pictures_no_other_saved_article_uses() {
    let mut index = SavedIndex::default();
    index.upsert(entry(
        "https://a.example/1",
        1,
        &["https://a.example/shared.png", "https://a.example/own.png"],
    ));
    index.upsert(entry(
        "https://a.example/2",
        2,
        &["https://a.example/shared.png"],
    ));
    assert_eq!(
        index.remove("https://a.example/1"),
        ["https://a.example/own.png"]
    );
    assert!(!index.contains("https://a.example/1"));
    assert!(index.contains("https://a.example/2"));
    assert_eq!(
        index.remove("https://a.example/2"),
        ["https://a.example/shared.png"]
    );
}

#[test]
fn the_index_round_trips_and_unreadable_text_is_an_empty_index() {
    let mut index = SavedIndex::default();
    index.upsert(entry(
        "https://a.example/1",
        1_700_000_000_123,
        &["https://a.example/p.png"],
    ));
    index.upsert(SavedEntry {
        site: Some("Quote \" and \\ site\n".into()),
        published: Some("2024-01-02".into()),
        lang: Some("ar".into()),
        ..entry("https://a.example/2", 2, &[])
    });
    assert_eq!(SavedIndex::from_json(&index.to_json()), index);
    assert_eq!(SavedIndex::from_json("not json"), SavedIndex::default());
    assert_eq!(
        SavedIndex::from_json("{\"entries\":5}"),
        SavedIndex::default()
    );
}

#[test]
fn an_entry_records_what_the_list_shows_and_every_picture() {
    let base = Some("https://news.example/api/story.json");
    let article = decode_str(include_str!("fixtures/all-blocks.json"), base)
        .unwrap()
        .article;
    let url = resolve("https://news.example/api/story.json", None, UrlUse::Web).unwrap();
    let e = SavedEntry::new(&url, &article, 42);
    assert_eq!(e.headline, "Every block of the format, in one article");
    assert_eq!(e.site.as_deref(), Some("The Example Gazette"));
    assert_eq!(e.published.as_deref(), Some("2024-03-05T09:30:00Z"));
    assert_eq!(e.images.len(), 6);
}

/// "Updated since you saved it" is kept in the index, and only when true; an index written before
/// it existed reads as not updated.
#[test]
fn the_updated_mark_round_trips_and_old_indexes_read_as_not_updated() {
    let mut index = SavedIndex::default();
    index.upsert(entry("https://news.example/a", 1, &[]));
    index.upsert(entry("https://news.example/b", 2, &[]));
    assert!(!index.to_json().contains("updated"));
    assert!(index.set_updated("https://news.example/b", true));
    assert!(!index.set_updated("https://news.example/none", true));
    let read = SavedIndex::from_json(&index.to_json());
    assert_eq!(read, index);
    assert!(read
        .get("https://news.example/b")
        .is_some_and(|e| e.updated));
    assert!(read
        .get("https://news.example/a")
        .is_some_and(|e| !e.updated));
}
