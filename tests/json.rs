//! Native tests of `json.rs`.
#![cfg(not(target_arch = "wasm32"))]

use article_reader::core::json::*;

#[test]
fn values_parse() {
    assert_eq!(parse(" null ").unwrap(), Json::Null);
    assert_eq!(
        parse("[true,false]").unwrap(),
        Json::Array(vec![Json::Bool(true), Json::Bool(false)])
    );
    assert_eq!(
        parse(r#""a\"\u00e9\ud83d\ude00\n""#).unwrap(),
        Json::String("a\"é😀\n".into())
    );
    assert_eq!(
        parse(r#"{"a":1,"a":2}"#).unwrap().get("a"),
        Some(&Json::Number("2".into()))
    );
    assert_eq!(parse("-0.5e+3").unwrap(), Json::Number("-0.5e+3".into()));
    // Every escape JSON has.
    assert_eq!(
        parse(r#""\b\f\n\r\t\/\\\"""#).unwrap(),
        Json::String("\u{8}\u{c}\n\r\t/\\\"".into())
    );
}

#[test]
fn whole_numbers_are_read_exactly() {
    let n = |t: &str| parse(t).unwrap().as_whole_number();
    assert_eq!(n("800"), Some(800));
    assert_eq!(n("800.0"), Some(800));
    assert_eq!(n("8e2"), Some(800));
    assert_eq!(n("8.00E+2"), Some(800));
    assert_eq!(n("12.5e1"), Some(125));
    assert_eq!(n("0"), Some(0));
    assert_eq!(n("-0"), Some(0));
    assert_eq!(n("0e-5"), Some(0));
    assert_eq!(n("9007199254740992"), Some(1 << 53));
    assert_eq!(n("9007199254740993"), None);
    assert_eq!(n("1e400"), None);
    assert_eq!(n("1e-400"), None);
    assert_eq!(n("0e999999999"), Some(0));
    assert_eq!(n("1e999999999"), None);
    assert_eq!(n("0.0008e4"), Some(8));
    // Leading zeros after the point do not count toward the 16 digits.
    assert_eq!(n("0.000000000000000012e19"), Some(120));
    assert_eq!(n("2.5"), None);
    assert_eq!(n("-3"), None);
    assert_eq!(n("\"3\""), None);
}

#[test]
fn malformed_text_is_refused_with_a_position() {
    for bad in [
        "",
        "{",
        "[1,]",
        "{\"a\" 1}",
        "01",
        "1.",
        ".5",
        "+1",
        "\"\\x\"",
        "\"a\nb\"",
        "tru",
        "[1] x",
        "\"\\ud800\"",
        "{'a':1}",
        "NaN",
    ] {
        assert!(parse(bad).is_err(), "{bad:?} must be refused");
    }
    let e = parse("{\n  \"a\": ,\n}").unwrap_err();
    assert_eq!((e.line, e.column), (2, 8));
}

#[test]
fn nesting_is_bounded() {
    assert!(parse(&format!(
        "{}{}",
        "[".repeat(MAX_DEPTH),
        "]".repeat(MAX_DEPTH)
    ))
    .is_ok());
    let too_deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
    assert_eq!(parse(&too_deep).unwrap_err().message, "nested too deeply");
    assert!(parse(&"[".repeat(1_000_000)).is_err());
    // Objects are bounded at the same depth as arrays.
    let objects = |n: usize| format!("{}{}", r#"{"a":"#.repeat(n - 1) + "{}", "}".repeat(n - 1));
    assert!(parse(&objects(MAX_DEPTH)).is_ok());
    assert_eq!(
        parse(&objects(MAX_DEPTH + 1)).unwrap_err().message,
        "nested too deeply"
    );
}

#[test]
fn strings_are_written_escaped() {
    let mut out = String::new();
    write_string(&mut out, "a\"b\\c\n\u{1}é");
    assert_eq!(out, r#""a\"b\\c\n\u0001é""#);
    assert_eq!(parse(&out).unwrap().as_str(), Some("a\"b\\c\n\u{1}é"));
}
