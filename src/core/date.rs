//! RFC 3339 dates as the format uses them: a full timestamp or a bare calendar date.
//!
//! Hand-written rather than a date crate: the widget only needs to check a date, order two of them
//! and hand the string to the browser's `Intl` for display, and a calendar library would cost more
//! wasm than the whole article model.

use std::rc::Rc;

/// A checked date from a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Date {
    /// The date in the form `<time datetime>` accepts (upper-case `T` and `Z`).
    pub datetime: Rc<str>,
    /// True for a bare `YYYY-MM-DD`: it is displayed in UTC so that it never shifts a day.
    pub date_only: bool,
    /// Seconds since 1970-01-01T00:00:00Z, for ordering `published` and `modified`.
    pub epoch_seconds: i64,
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.datetime)
    }
}

/// A date as a document gives it: checked, or kept as written when it is not RFC 3339 (a reader
/// still sees what the publisher wrote, as text, and the publisher gets a warning).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocDate {
    Checked(Date),
    Unchecked(Rc<str>),
}

impl DocDate {
    /// Reads a date field's text.
    pub fn from_text(text: &str) -> DocDate {
        parse(text).map_or_else(|| DocDate::Unchecked(text.into()), DocDate::Checked)
    }

    /// The checked date, if it is one.
    pub fn checked(&self) -> Option<&Date> {
        match self {
            DocDate::Checked(date) => Some(date),
            DocDate::Unchecked(_) => None,
        }
    }

    /// The text: the normalised RFC 3339 form, or as written.
    pub fn text(&self) -> &str {
        match self {
            DocDate::Checked(date) => &date.datetime,
            DocDate::Unchecked(text) => text,
        }
    }
}

impl serde::Serialize for DocDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.text())
    }
}

/// Parses `YYYY-MM-DD` or `YYYY-MM-DD(T| )HH:MM:SS(.fraction)?(Z|±HH:MM)`; `None` if it is not one.
pub fn parse(text: &str) -> Option<Date> {
    let b = text.as_bytes();
    let num = |from: usize, len: usize| -> Option<i64> {
        let part = b.get(from..from + len)?;
        part.iter().try_fold(0i64, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + i64::from(c - b'0'))
        })
    };
    let (year, month, day) = (num(0, 4)?, num(5, 2)?, num(8, 2)?);
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    let days = days_from_civil(year, month, day);
    if b.len() == 10 {
        return Some(Date {
            datetime: text.into(),
            date_only: true,
            epoch_seconds: days * 86_400,
        });
    }
    if !matches!(b.get(10), Some(b'T' | b't' | b' ')) {
        return None;
    }
    let (hour, minute, second) = (num(11, 2)?, num(14, 2)?, num(17, 2)?);
    if b.get(13) != Some(&b':') || b.get(16) != Some(&b':') {
        return None;
    }
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let mut i = 19;
    if b.get(i) == Some(&b'.') {
        i += 1;
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            return None;
        }
    }
    let offset = match b.get(i) {
        Some(b'Z' | b'z') if b.len() == i + 1 => 0,
        Some(sign @ (b'+' | b'-')) if b.len() == i + 6 && b[i + 3] == b':' => {
            let (oh, om) = (num(i + 1, 2)?, num(i + 4, 2)?);
            if oh > 23 || om > 59 {
                return None;
            }
            let minutes = oh * 60 + om;
            if *sign == b'+' {
                minutes
            } else {
                -minutes
            }
        }
        _ => return None,
    };
    let mut datetime = text.to_ascii_uppercase();
    datetime.replace_range(10..11, "T");
    Some(Date {
        datetime: datetime.into(),
        date_only: false,
        epoch_seconds: days * 86_400 + hour * 3600 + minute * 60 + second - offset * 60,
    })
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}
