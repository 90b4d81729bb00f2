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
        // one separator right and the other wrong, in the date and in the time
        "2019x07-21",
        "2019-07x21",
        "2019-07-21T14x05:00Z",
        "2019-07-21T14:05x00Z",
    ] {
        assert!(parse(bad).is_none(), "{bad:?} must be rejected");
    }
}

#[test]
fn the_last_moments_of_each_field_are_dates_and_one_more_is_not() {
    let last = parse("2019-07-21T23:59:60Z").unwrap();
    assert_eq!(last.epoch_seconds, 1_563_667_200 + 86_400);
    assert_eq!(
        parse("2019-07-21T14:05:07Z").unwrap().epoch_seconds,
        1_563_667_200 + 14 * 3600 + 5 * 60 + 7
    );
    for bad in [
        "2019-07-21T14:60:00Z",
        "2019-07-21T14:05:61Z",
        "2019-07-21T14:05:00Zjunk",
        "2019-07-21T14:05:00+02:60",
        "2019-07-21T14:05:00+02:0000",
    ] {
        assert!(parse(bad).is_none(), "{bad:?} must be rejected");
    }
    let far_east = parse("2019-07-21T23:59:00+23:59").unwrap();
    assert_eq!(far_east.epoch_seconds, 1_563_667_200);
    let india = parse("2019-07-21T05:30:00+05:30").unwrap();
    assert_eq!(india.epoch_seconds, 1_563_667_200);
}

#[test]
fn the_first_day_of_every_month_is_the_right_instant() {
    // 2020 is a leap year: January and February count from the year before in the algorithm.
    let firsts = [
        1_577_836_800,
        1_580_515_200,
        1_583_020_800,
        1_585_699_200,
        1_588_291_200,
        1_590_969_600,
        1_593_561_600,
        1_596_240_000,
        1_598_918_400,
        1_601_510_400,
        1_604_188_800,
        1_606_780_800,
    ];
    for (month, expected) in firsts.into_iter().enumerate() {
        let text = format!("2020-{:02}-01", month + 1);
        assert_eq!(parse(&text).unwrap().epoch_seconds, expected, "{text}");
    }
    assert_eq!(parse("1600-02-29").unwrap().epoch_seconds, -11_670_998_400);
    assert_eq!(parse("2100-03-01").unwrap().epoch_seconds, 4_107_542_400);
    assert!(parse("2100-02-29").is_none(), "2100 is not a leap year");
}

#[test]
fn foreign_dates_are_read_where_the_instant_is_certain() {
    let cases: [(&str, bool, Option<&str>); 24] = [
        ("May 2, 2024", false, Some("2024-05-02")),
        (
            "September 30, 2023 10:00 EDT",
            false,
            Some("2023-09-30T10:00:00-04:00"),
        ),
        ("2022-06-09 09:43:48", false, None),
        ("2022-06-09 09:43:48", true, Some("2022-06-09T09:43:48Z")),
        ("2023/02/21 21:20", false, None),
        ("2023/02/21 21:20", true, Some("2023-02-21T21:20:00Z")),
        ("2023/02/21", false, Some("2023-02-21")),
        (
            "Mon, 25 Mar 2019 14:01:00 GMT",
            false,
            Some("2019-03-25T14:01:00Z"),
        ),
        (
            "Mon, 25 Mar 2019 14:01:00 +0000",
            false,
            Some("2019-03-25T14:01:00Z"),
        ),
        (
            "Mon, 25 Mar 2019 14:01:00 -0500",
            false,
            Some("2019-03-25T14:01:00-05:00"),
        ),
        (
            "25 March 2019 14:01 CEST",
            false,
            Some("2019-03-25T14:01:00+02:00"),
        ),
        (
            "Tue, 1 Oct 2024 08:00:00 EET",
            false,
            Some("2024-10-01T08:00:00+02:00"),
        ),
        (
            "2024-10-01 08:00 PST",
            false,
            Some("2024-10-01T08:00:00-08:00"),
        ),
        (
            "2024-10-01T08:00:00.250+0530",
            false,
            Some("2024-10-01T08:00:00.250+05:30"),
        ),
        (
            "2024-10-01 08:00:00 GMT+0200",
            false,
            Some("2024-10-01T08:00:00+02:00"),
        ),
        ("2024-10-01T08:00Z", false, Some("2024-10-01T08:00:00Z")),
        // Arabic-Indic and Persian digits.
        ("٢٠٢٤-١٠-٠١T٠٨:٠٠:٠٠Z", false, Some("2024-10-01T08:00:00Z")),
        ("۲۰۲۴/۱۰/۰۱", false, Some("2024-10-01")),
        // Not certain, or not a date: shown as written.
        ("2024-10-01 08:00 IST", false, None),
        ("21/07/2019", false, None),
        ("Mon, 31 Feb 2019 14:01:00 GMT", false, None),
        ("2019-03-25 25:01:00Z", false, None),
        ("yesterday", false, None),
        ("Marx 3 2019", false, None),
    ];
    for (text, utc, expected) in cases {
        assert_eq!(normalize(text, utc).as_deref(), expected, "{text}");
        if let Some(rfc) = expected {
            assert!(parse(rfc).is_some(), "{rfc} is RFC 3339");
        }
    }
    // The instant, not just the text: 14:01 in New York is 19:01 UTC.
    let a = parse(&normalize("Mon, 25 Mar 2019 14:01:00 EST", false).unwrap()).unwrap();
    let b = parse("2019-03-25T19:01:00Z").unwrap();
    assert_eq!(a.epoch_seconds, b.epoch_seconds);
}

#[test]
fn publishers_foreign_dates_get_a_time_element_or_stay_as_written_with_a_warning() {
    use article_reader::document::decode_str;
    let ld = r#"{"@context":"https://schema.org","@type":"NewsArticle","headline":"H","articleBody":"Text.",
        "datePublished":"Mon, 25 Mar 2019 14:01:00 GMT","dateModified":"2019-03-26 09:00:00"}"#;
    let d = decode_str(ld, None).unwrap();
    assert_eq!(
        d.article
            .published
            .as_ref()
            .unwrap()
            .checked()
            .unwrap()
            .datetime
            .as_ref(),
        "2019-03-25T14:01:00Z"
    );
    let modified = d.article.modified.as_ref().unwrap();
    assert!(modified.checked().is_none());
    assert_eq!(modified.text(), "2019-03-26 09:00:00");
    let warned: Vec<&str> = d.warnings.iter().map(|w| w.path.as_str()).collect();
    assert_eq!(warned, ["dateModified"]);
    // v1 reads it too, and still tells the publisher to write RFC 3339.
    let v1 =
        r#"{"version":"1","headline":"h","body":[],"published":"Mon, 25 Mar 2019 14:01:00 +0100"}"#;
    let d = decode_str(v1, None).unwrap();
    assert_eq!(
        d.article.published.as_ref().unwrap().text(),
        "2019-03-25T14:01:00+01:00"
    );
    assert!(
        d.warnings[0].message.contains("read as"),
        "{:?}",
        d.warnings
    );
}
