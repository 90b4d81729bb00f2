//! Native tests of the library's backup file (`reader::backup`): what is written reads back
//! whole; what is not a backup, a damaged or cut-off one and a newer one are refused, each with
//! its own error; a restore never overwrites a copy saved here more recently.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use article_reader::reader::backup::{
    base64, unbase64, Backup, BackupArticle, BackupError, Picture,
};
use article_reader::reader::saved::{SavedEntry, SavedIndex};

fn entry(url: &str, saved_at: u64) -> SavedEntry {
    SavedEntry {
        url: url.into(),
        headline: format!("Headline of {url} with \"quotes\" and ünïcode"),
        site: Some("The Gazette".into()),
        published: Some("2026-12-01".into()),
        lang: Some("fr".into()),
        saved_at,
        images: vec![format!("{url}/lead.png")],
        updated: saved_at % 2 == 0,
    }
}

fn library() -> Backup {
    Backup {
        articles: vec![
            BackupArticle {
                entry: entry("https://news.example/a", 10),
                document: r#"{"version":"1","headline":"A </script>","body":[]}"#.into(),
                saved_version: Some(r#"{"version":"1","headline":"A, as saved","body":[]}"#.into()),
                pictures: vec![Picture {
                    url: "https://news.example/a/lead.png".into(),
                    content_type: "image/png".into(),
                    bytes: (0..=255u8).chain([0, 1, 2]).collect(),
                }],
            },
            BackupArticle {
                entry: entry("https://news.example/b", 21),
                document: r#"{"version":"1","headline":"B","body":[]}"#.into(),
                saved_version: None,
                pictures: vec![],
            },
        ],
    }
}

#[test]
fn a_backup_reads_back_whole() {
    let backup = library();
    let text = backup.to_json();
    assert!(text.starts_with(r#"{"format":"article-reader-backup","version":1,"#));
    assert_eq!(Backup::from_json(&text), Ok(backup));
}

#[test]
fn base64_round_trips_every_length_and_refuses_what_is_not_base64() {
    for n in 0..10 {
        let bytes: Vec<u8> = (0..n).map(|i| (i * 37 + 250) as u8).collect();
        assert_eq!(unbase64(&base64(&bytes)), Some(bytes));
    }
    assert_eq!(base64(b"Man"), "TWFu");
    assert_eq!(base64(b"Ma"), "TWE=");
    for bad in ["TWF", "TW=u", "T*Fu", "TWFu=", "====", "TQ==TWFu"] {
        assert_eq!(unbase64(bad), None, "{bad}");
    }
}

#[test]
fn what_is_not_a_backup_a_damaged_one_and_a_newer_one_are_refused() {
    let text = library().to_json();
    for other in [
        "",
        "hello",
        "[]",
        r#"{"entries":[]}"#,
        r#"{"format":"something-else","version":1,"articles":[]}"#,
        "\u{89}PNG",
    ] {
        assert_eq!(
            Backup::from_json(other),
            Err(BackupError::NotABackup),
            "{other}"
        );
    }
    // Cut off anywhere: damaged, never a partial library.
    for cut in [text.len() / 3, text.len() / 2, text.len() - 1] {
        assert_eq!(
            Backup::from_json(&text[..cut]),
            Err(BackupError::Damaged),
            "cut at {cut}"
        );
    }
    // A picture whose bytes were damaged, an article without its document: damaged.
    let picture = text.replacen("AAECAwQF", "AAEC*wQF", 1);
    assert_ne!(picture, text);
    assert_eq!(Backup::from_json(&picture), Err(BackupError::Damaged));
    let no_document = text.replacen("\"document\":", "\"doc\":", 1);
    assert_eq!(Backup::from_json(&no_document), Err(BackupError::Damaged));
    let newer = text.replacen("\"version\":1,", "\"version\":2,", 1);
    assert_eq!(Backup::from_json(&newer), Err(BackupError::Newer));
}

#[test]
fn a_restore_brings_what_is_missing_or_older_here_and_keeps_what_is_newer_here() {
    let backup = library();
    let mut here = SavedIndex::default();
    here.upsert(entry("https://news.example/a", 5)); // older here: the backup's comes in
    here.upsert(entry("https://news.example/b", 30)); // newer here: kept
    let plan = backup.merge_plan(&here);
    assert_eq!(plan.restore, [0]);
    assert_eq!(plan.kept_here, ["https://news.example/b"]);
    // Into an empty library, everything.
    assert_eq!(backup.merge_plan(&SavedIndex::default()).restore, [0, 1]);
}
