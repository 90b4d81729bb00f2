//! Native tests of `date.rs`.
#![cfg(not(target_arch = "wasm32"))]

use article_reader::core::date::*;

#[test]
fn bare_dates_and_timestamps_parse() {
    let d = parse("2019-07-21").unwrap();
    assert!(d.date_only);
    assert_eq!(d.epoch_seconds, 1_563_667_200);
    let t = parse("2019-07-21T14:05:00Z").unwrap();
    assert!(!t.date_only);
    assert_eq!(t.epoch_seconds, 1_563_667_200 + 14 * 3600 + 5 * 60);
    assert_eq!(
        &*parse("2019-07-21t14:05:00.250z").unwrap().datetime,
        "2019-07-21T14:05:00.250Z"
    );
    assert_eq!(
        &*parse("2019-07-21 14:05:00Z").unwrap().datetime,
        "2019-07-21T14:05:00Z"
    );
}

#[test]
fn offsets_move_the_instant() {
    let east = parse("2019-07-21T14:05:00+02:00").unwrap();
    let utc = parse("2019-07-21T12:05:00Z").unwrap();
    assert_eq!(east.epoch_seconds, utc.epoch_seconds);
    assert_eq!(parse("1969-12-31T23:00:00-01:00").unwrap().epoch_seconds, 0);
}

#[test]
fn leap_years_are_right() {
    assert!(parse("2020-02-29").is_some());
    assert!(parse("2000-02-29").is_some());
    assert!(parse("1900-02-29").is_none());
    assert!(parse("2019-02-29").is_none());
}

#[test]
fn malformed_dates_are_rejected() {
    for bad in [
        "",
        "yesterday",
        "2019-7-21",
        "2019-13-01",
        "2019-04-31",
        "2019-07-21T",
        "2019-07-21T24:00:00Z",
        "2019-07-21T14:05Z",
        "2019-07-21T14:05:00",
        "2019-07-21T14:05:00.Z",
        "2019-07-21T14:05:00+2:00",
        "2019-07-21T14:05:00+02:00x",
        "２０１９-07-21",
        "2019-07-21T14:05:00+24:00",
    ] {
        assert!(parse(bad).is_none(), "{bad:?} must be rejected");
    }
}
