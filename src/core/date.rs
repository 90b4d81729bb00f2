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

    /// Reads a date as publishers write it: RFC 3339; else another format, where its instant
    /// is certain ([`normalize`]; `utc` as there); else kept as written.
    pub fn lenient(text: &str, utc: bool) -> DocDate {
        match DocDate::from_text(text) {
            DocDate::Unchecked(_) => normalize(text, utc)
                .and_then(|n| parse(&n))
                .map_or_else(|| DocDate::Unchecked(text.into()), DocDate::Checked),
            checked => checked,
        }
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

/// Zone abbreviations whose offset is certain (RFC 5322's, and the ones newsrooms print that
/// name one zone only), in minutes east of UTC. Ambiguous ones (`IST`, `BST`, `AST` …) are not
/// here: a date in them is shown as written.
const ZONES: [(&str, i16); 34] = [
    ("UT", 0),
    ("UTC", 0),
    ("GMT", 0),
    ("Z", 0),
    ("WET", 0),
    ("WEST", 60),
    ("CET", 60),
    ("CEST", 120),
    ("MEZ", 60),
    ("MESZ", 120),
    ("EET", 120),
    ("EEST", 180),
    ("MSK", 180),
    ("EST", -300),
    ("EDT", -240),
    ("CST", -360),
    ("CDT", -300),
    ("MST", -420),
    ("MDT", -360),
    ("PST", -480),
    ("PDT", -420),
    ("AKST", -540),
    ("AKDT", -480),
    ("HST", -600),
    ("JST", 540),
    ("KST", 540),
    ("HKT", 480),
    ("SGT", 480),
    ("AWST", 480),
    ("ACST", 570),
    ("AEST", 600),
    ("AEDT", 660),
    ("NZST", 720),
    ("NZDT", 780),
];

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// A date in a format publishers serve that is not RFC 3339, as RFC 3339 text — only where the
/// instant (or, for a bare date, the day) is certain: `2022-06-09 09:43:48+0200`, `2023/02/21`,
/// RFC 1123/5322 (`Mon, 25 Mar 2019 14:01:00 GMT`, `+0000`), zone abbreviations that name one
/// zone (`CEST`, `PST`), digits of any script (`٢٠٢٤`). A time without an offset is certain only
/// when `utc` says the source defines it as UTC (WordPress `date_gmt`); otherwise `None`.
pub fn normalize(text: &str, utc: bool) -> Option<String> {
    let text: String = text.trim().chars().map(ascii_digit).collect();
    let tokens = tokens(&text);
    let (date, rest) = iso_date(&tokens).or_else(|| mail_date(&tokens))?;
    let (year, month, day) = date;
    let mut day_text = year.to_string();
    day_text.push('-');
    two_digits(&mut day_text, month);
    day_text.push('-');
    two_digits(&mut day_text, day);
    if rest.is_empty() {
        return Some(day_text);
    }
    let (time, rest) = clock(rest)?;
    let offset = match rest {
        [] if utc => 0,
        [] => return None,
        [Token::Word(zone)] => {
            let zone = zone.to_ascii_uppercase();
            i32::from(ZONES.iter().find(|(name, _)| *name == zone)?.1)
        }
        [Token::Sign(sign), Token::Digits(d)] => offset(*sign, d, None)?,
        [Token::Sign(sign), Token::Digits(h), Token::Colon, Token::Digits(m)] => {
            offset(*sign, h, Some(m))?
        }
        // `GMT+0200`, `UTC-05:00`: the abbreviation of zero, then the offset.
        [Token::Word(z), Token::Sign(sign), rest @ ..]
            if matches!(z.to_ascii_uppercase().as_str(), "GMT" | "UTC" | "UT") =>
        {
            match rest {
                [Token::Digits(d)] => offset(*sign, d, None)?,
                [Token::Digits(h), Token::Colon, Token::Digits(m)] => offset(*sign, h, Some(m))?,
                _ => return None,
            }
        }
        _ => return None,
    };
    let mut out = day_text;
    out.push('T');
    out.push_str(&time);
    if offset == 0 {
        out.push('Z');
    } else {
        out.push(if offset < 0 { '-' } else { '+' });
        let minutes = offset.unsigned_abs();
        two_digits(&mut out, minutes / 60);
        out.push(':');
        two_digits(&mut out, minutes % 60);
    }
    Some(out)
}

/// A decimal digit of any common script as its ASCII digit; other characters unchanged.
fn ascii_digit(c: char) -> char {
    const ZEROS: [u32; 17] = [
        0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xE50,
        0xED0, 0xF20, 0x1040, 0xFF10,
    ];
    let code = u32::from(c);
    ZEROS
        .iter()
        .find(|&&zero| (zero..zero + 10).contains(&code))
        .and_then(|zero| char::from_digit(code - zero, 10))
        .unwrap_or(c)
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Token<'t> {
    Digits(&'t str),
    Word(&'t str),
    /// `-`, `/` or `.` between the parts of a date.
    Dash,
    Colon,
    /// `.` or `,` before a fraction of a second.
    Dot,
    Sign(char),
    /// `T` between the date and the time.
    T,
}

/// The text as tokens; white space and commas only separate them.
fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let run = |pred: fn(char) -> bool| rest.find(|c: char| !pred(c)).unwrap_or(rest.len());
        let len = if c.is_ascii_digit() {
            let len = run(|c| c.is_ascii_digit());
            out.push(Token::Digits(&rest[..len]));
            len
        } else if c.is_ascii_alphabetic() {
            let len = run(|c| c.is_ascii_alphabetic());
            let word = &rest[..len];
            // `2019-03-25T14:01`: a T between digits joins the date and the time.
            if word.eq_ignore_ascii_case("t") && matches!(out.last(), Some(Token::Digits(_))) {
                out.push(Token::T);
            } else {
                out.push(Token::Word(word));
            }
            len
        } else {
            match c {
                ':' => out.push(Token::Colon),
                '+' => out.push(Token::Sign('+')),
                // A minus after the clock is an offset's sign; inside a date, a separator.
                '-' if out.contains(&Token::Colon) => out.push(Token::Sign('-')),
                '-' | '/' => out.push(Token::Dash),
                '.' if out.contains(&Token::Colon) => out.push(Token::Dot),
                '.' => out.push(Token::Dash),
                c if c.is_whitespace() || c == ',' => {}
                _ => out.push(Token::Word("?")),
            }
            c.len_utf8()
        };
        rest = &rest[len..];
    }
    out
}

type Day = (u32, u32, u32);

fn number(digits: &str) -> Option<u32> {
    (digits.len() <= 4).then(|| digits.parse().ok()).flatten()
}

fn checked_day(year: u32, month: u32, day: u32) -> Option<Day> {
    ((1000..=9999).contains(&year)
        && (1..=12).contains(&month)
        && day >= 1
        && i64::from(day) <= days_in_month(i64::from(year), i64::from(month)))
    .then_some((year, month, day))
}

/// `2022-06-09`, `2023/02/21`, `2023.02.21` (year first), then an optional `T`.
fn iso_date<'a, 't>(tokens: &'a [Token<'t>]) -> Option<(Day, &'a [Token<'t>])> {
    let [Token::Digits(y), Token::Dash, Token::Digits(m), Token::Dash, Token::Digits(d), rest @ ..] =
        tokens
    else {
        return None;
    };
    if y.len() != 4 {
        return None;
    }
    let day = checked_day(number(y)?, number(m)?, number(d)?)?;
    let rest = rest.strip_prefix(&[Token::T]).unwrap_or(rest);
    Some((day, rest))
}

/// RFC 5322 / RFC 1123: `[Mon,] 25 Mar 2019` (or `March 25, 2019`), the month's English name or
/// its first three letters.
fn mail_date<'a, 't>(tokens: &'a [Token<'t>]) -> Option<(Day, &'a [Token<'t>])> {
    let tokens = match tokens {
        [Token::Word(w), rest @ ..] if w.len() >= 3 && !is_month(w) => rest,
        _ => tokens,
    };
    // `25 Mar 2019`, or month first as English writes it: `March 25, 2019`.
    let (Some((d, month, y)), rest) = (match tokens {
        [Token::Digits(d), Token::Word(m), Token::Digits(y), rest @ ..] => (Some((d, m, y)), rest),
        [Token::Word(m), Token::Digits(d), Token::Digits(y), rest @ ..] => (Some((d, m, y)), rest),
        _ => (None, tokens),
    }) else {
        return None;
    };
    if y.len() != 4 {
        return None;
    }
    let month = month_number(month)?;
    Some((checked_day(number(y)?, month, number(d)?)?, rest))
}

fn month_number(word: &str) -> Option<u32> {
    let lower = word.to_ascii_lowercase();
    let index = MONTHS.iter().position(|m| lower.starts_with(m))?;
    // "Mar" or "March", never "Marx".
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ][index];
    (lower.len() == 3 || full == lower || lower == "sept").then_some(index as u32 + 1)
}

fn is_month(word: &str) -> bool {
    month_number(word).is_some()
}

/// `HH:MM[:SS[.fraction]]` as `HH:MM:SS[.fraction]`, and what follows it.
fn clock<'a, 't>(tokens: &'a [Token<'t>]) -> Option<(String, &'a [Token<'t>])> {
    let [Token::Digits(h), Token::Colon, Token::Digits(m), rest @ ..] = tokens else {
        return None;
    };
    let (s, rest) = match rest {
        [Token::Colon, Token::Digits(s), rest @ ..] => (*s, rest),
        _ => ("00", rest),
    };
    let (fraction, rest) = match rest {
        [Token::Dot, Token::Digits(f), rest @ ..] if f.len() <= 9 => ([".", f].concat(), rest),
        _ => (String::new(), rest),
    };
    let (h, m, s) = (number(h)?, number(m)?, number(s)?);
    if h > 23 || m > 59 || s > 60 {
        return None;
    }
    let mut time = String::new();
    for (i, part) in [h, m, s].into_iter().enumerate() {
        if i > 0 {
            time.push(':');
        }
        two_digits(&mut time, part);
    }
    time.push_str(&fraction);
    Some((time, rest))
}

/// `n` (below 100) as two digits.
fn two_digits(out: &mut String, n: u32) {
    out.push(char::from(b'0' + (n / 10 % 10) as u8));
    out.push(char::from(b'0' + (n % 10) as u8));
}

/// An offset `+HH`, `+HHMM` or `+HH:MM`, in minutes.
fn offset(sign: char, first: &str, minutes: Option<&str>) -> Option<i32> {
    let (h, m) = match (first.len(), minutes) {
        (1 | 2, None) => (number(first)?, 0),
        (4, None) => (number(&first[..2])?, number(&first[2..])?),
        (1 | 2, Some(m)) if m.len() == 2 => (number(first)?, number(m)?),
        _ => return None,
    };
    if h > 23 || m > 59 {
        return None;
    }
    let minutes = (h * 60 + m) as i32;
    Some(if sign == '-' { -minutes } else { minutes })
}
