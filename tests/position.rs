//! Native tests of the reading position's stored form (`reader::position`).
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use article_reader::reader::position::ReadingPosition;

#[test]
fn a_position_round_trips_through_its_stored_form() {
    for (block, offset, progress) in [("0", 0.0, 0.0), ("12", 0.25, 0.41), ("5.0", 0.999, 1.0)] {
        let position = ReadingPosition::new(block, offset, progress).unwrap();
        let read = ReadingPosition::from_text(&position.to_text()).unwrap();
        assert_eq!(read.block, block);
        assert!(
            (read.offset - offset).abs() < 0.001 && (read.progress - progress).abs() < 0.001,
            "{read:?}"
        );
    }
    assert_eq!(
        ReadingPosition::new("12", 0.25, 0.41).unwrap().to_text(),
        "12 0.250 0.410"
    );
}

#[test]
fn numbers_are_brought_into_range_and_block_ids_are_digits_and_dots() {
    let p = ReadingPosition::new("3", -1.0, 7.0).unwrap();
    assert_eq!((p.offset, p.progress), (0.0, 1.0));
    assert_eq!(
        ReadingPosition::new("3", f32::NAN, f32::INFINITY)
            .unwrap()
            .offset,
        0.0
    );
    for bad in [
        "",
        "a",
        "1.",
        ".1",
        "1..2",
        "<script>",
        "1 2",
        &"9".repeat(40),
    ] {
        assert!(ReadingPosition::new(bad, 0.5, 0.5).is_none(), "{bad}");
    }
}

#[test]
fn a_damaged_stored_value_is_no_position() {
    for bad in [
        "",
        "12",
        "12 0.5",
        "12 0.5 0.5 extra",
        "12 1.5 0.5",
        "12 -0.5 0.5",
        "12 0.5 NaN",
        "12 0,5 0.5",
        "x 0.5 0.5",
        "12 0.1234567 0.5",
    ] {
        assert!(ReadingPosition::from_text(bad).is_none(), "{bad}");
    }
}

#[test]
fn finished_and_at_start() {
    assert!(ReadingPosition::new("40", 0.9, 0.99).unwrap().finished());
    assert!(!ReadingPosition::new("20", 0.0, 0.5).unwrap().finished());
    assert!(ReadingPosition::new("0", 0.0, 0.0).unwrap().at_start());
    assert!(!ReadingPosition::new("0", 0.3, 0.01).unwrap().at_start());
}

#[test]
fn positions_are_kept_by_address_most_recent_last_and_bounded() {
    use article_reader::reader::position::{Positions, MAX_POSITIONS};
    let mut positions = Positions::default();
    positions.set(
        "https://news.example/a",
        ReadingPosition::new("3", 0.5, 0.2).unwrap(),
    );
    positions.set(
        "https://news.example/b",
        ReadingPosition::new("7", 0.0, 0.6).unwrap(),
    );
    positions.set(
        "https://news.example/a",
        ReadingPosition::new("4", 0.1, 0.3).unwrap(),
    );
    let read = Positions::from_text(&positions.to_text());
    assert_eq!(read, positions);
    assert_eq!(read.get("https://news.example/a").unwrap().block, "4");
    assert!(read.get("https://news.example/c").is_none());
    for i in 0..MAX_POSITIONS + 10 {
        positions.set(
            &format!("https://news.example/{i}"),
            ReadingPosition::new("1", 0.0, 0.1).unwrap(),
        );
    }
    let read = Positions::from_text(&positions.to_text());
    assert!(
        read.get("https://news.example/0").is_none()
            && read.get("https://news.example/a").is_none()
    );
    assert!(read
        .get(&format!("https://news.example/{}", MAX_POSITIONS + 9))
        .is_some());
    // Damaged values are left out, a damaged store is empty.
    let mixed = Positions::from_text(
        r#"{"https://x.example/":"1 0.5 0.5","https://y.example/":"<b>","z":3}"#,
    );
    assert!(mixed.get("https://x.example/").is_some() && mixed.get("https://y.example/").is_none());
    assert_eq!(Positions::from_text("not json"), Positions::default());
}

#[test]
fn fractions_are_written_to_the_thousandth() {
    use article_reader::reader::position::thousandths;
    for (value, text) in [
        (0.0, "0.000"),
        (0.25, "0.250"),
        (0.4105, "0.411"),
        (0.9999, "1.000"),
        (1.0, "1.000"),
        (-3.0, "0.000"),
        (f32::NAN, "0.000"),
    ] {
        assert_eq!(thousandths(value), text, "{value}");
    }
}
