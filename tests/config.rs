//! Native tests of the one configuration: the same pairs give the same widget in both modes.
#![cfg(not(target_arch = "wasm32"))]

use article_reader::core::url_policy::query_pairs;
use article_reader::reader::config::{ArticleSource, ReaderConfig, DEFAULT_TIMEOUT_MS};
use article_reader::reader::settings::Theme;
use article_reader::reader::share::ShareTarget;

#[test]
fn no_settings_give_the_defaults() {
    let config = ReaderConfig::from_pairs(Vec::<(&str, &str)>::new());
    assert_eq!(config.src, None);
    assert_eq!(config.theme, Theme::Auto);
    assert_eq!(&*config.share, &ShareTarget::ALL);
    assert_eq!(config.timeout_ms, DEFAULT_TIMEOUT_MS);
}

#[test]
fn attributes_and_query_parameters_read_the_same() {
    let from_attributes = ReaderConfig::from_pairs([
        ("src", "https://news.example/a.json"),
        ("theme", "dark"),
        ("share", "copy, email"),
        ("timeout", "7"),
    ]);
    let from_query = ReaderConfig::from_query(
        "?src=https%3A%2F%2Fnews.example%2Fa.json&theme=dark&share=copy,+email&timeout=7",
        "",
    );
    assert_eq!(from_attributes, from_query);
    assert_eq!(
        from_query.src.as_deref(),
        Some("https://news.example/a.json")
    );
    assert_eq!(from_query.theme, Theme::Dark);
    assert_eq!(&*from_query.share, &[ShareTarget::Copy, ShareTarget::Email]);
    assert_eq!(from_query.timeout_ms, 7_000);
}

#[test]
fn timeouts_are_whole_seconds_from_one_to_three_hundred() {
    let timeout = |value: &str| ReaderConfig::from_pairs([("timeout", value)]).timeout_ms;
    assert_eq!(timeout("0"), 1_000);
    assert_eq!(timeout(" 2 "), 2_000);
    assert_eq!(timeout("301"), 300_000);
    assert_eq!(timeout("99999999999"), DEFAULT_TIMEOUT_MS);
    assert_eq!(timeout("1.5"), DEFAULT_TIMEOUT_MS);
    assert_eq!(timeout("-3"), DEFAULT_TIMEOUT_MS);
    assert_eq!(timeout("soon"), DEFAULT_TIMEOUT_MS);
}

#[test]
fn unknown_themes_follow_the_system_and_unknown_names_are_ignored() {
    let config = ReaderConfig::from_pairs([("theme", "neon"), ("colour", "red"), ("SRC", "x")]);
    assert_eq!(config.theme, Theme::Auto);
    assert_eq!(config.src, None);
    assert_eq!(
        ReaderConfig::from_pairs([("theme", " LIGHT ")]).theme,
        Theme::Light
    );
}

#[test]
fn the_first_of_a_repeated_name_counts() {
    let config = ReaderConfig::from_query("theme=dark&theme=light&src=a.json&src=b.json", "");
    assert_eq!(config.theme, Theme::Dark);
    assert_eq!(config.src.as_deref(), Some("a.json"));
}

#[test]
fn an_empty_share_list_shows_no_share_controls() {
    assert!(ReaderConfig::from_pairs([("share", "")]).share.is_empty());
}

#[test]
fn the_source_is_src_then_inline_then_the_mode_s_fallback() {
    let sample = || ArticleSource::Sample {
        base: "https://reader.example/sample/article.json".into(),
    };
    let both = ReaderConfig::from_pairs([("src", " a.json ")]).with_inline(Some("{}".into()));
    assert_eq!(
        both.source(ArticleSource::Missing),
        ArticleSource::Url("a.json".into())
    );
    for blank in ["", "   ", "\t\n"] {
        let inline = ReaderConfig::from_pairs([("src", blank)]).with_inline(Some("{}".into()));
        assert_eq!(
            inline.source(ArticleSource::Missing),
            ArticleSource::Inline("{}".into())
        );
        // Embed mode: a blank src and nothing inline is "no article was given", never the sample.
        let nothing = ReaderConfig::from_pairs([("src", blank)]);
        assert_eq!(
            nothing.source(ArticleSource::Missing),
            ArticleSource::Missing
        );
        // Page mode keeps the sample as its default.
        assert_eq!(nothing.source(sample()), sample());
    }
}

#[test]
fn query_strings_are_form_decoded() {
    assert_eq!(
        query_pairs("?a=1+2&b=%C3%A9t%C3%A9&c&=d&e=%zz%2"),
        [
            ("a".to_owned(), "1 2".to_owned()),
            ("b".to_owned(), "été".to_owned()),
            ("c".to_owned(), String::new()),
            (String::new(), "d".to_owned()),
            ("e".to_owned(), "%zz%2".to_owned()),
        ]
    );
    assert!(query_pairs("").is_empty());
    assert!(query_pairs("?").is_empty());
    assert_eq!(query_pairs("x=%FF")[0].1, "\u{fffd}");
}

#[test]
fn format_and_item_are_read_and_the_fragment_can_name_the_item() {
    use article_reader::document::formats::Format;
    let config = ReaderConfig::from_pairs([("format", " WordPress "), ("item", "42")]);
    assert_eq!(config.format, Format::WordPress);
    assert_eq!(config.item.as_deref(), Some("42"));
    assert_eq!(
        ReaderConfig::from_pairs([("format", "rss")]).format,
        Format::Auto
    );
    let linked = ReaderConfig::from_query("?src=feed.json", "#item=https%3A%2F%2Fa.example%2F2");
    assert_eq!(linked.item.as_deref(), Some("https://a.example/2"));
    let both = ReaderConfig::from_query("?item=1", "#item=2");
    assert_eq!(both.item.as_deref(), Some("1"), "the query wins");
}

/// A value that is not the default, for every setting the wasm reads: a setting added to
/// `shared-names.json` without one here fails the test below.
fn changed_value(name: &str) -> Option<&'static str> {
    Some(match name {
        "src" => "https://news.example/b.json",
        "theme" => "dark",
        "share" => "copy",
        "timeout" => "30",
        "format" => "ans",
        "item" => "second",
        "ui-lang" => "fr",
        "controls" => "listen",
        "resume" => "on",
        _ => return None,
    })
}

#[test]
fn a_mounted_widget_takes_exactly_the_in_place_settings_from_a_change() {
    use article_reader::reader::config::{IN_PLACE_SETTINGS, SETTING_NAMES};
    let mounted = ReaderConfig::from_pairs([("src", "https://news.example/a.json")])
        .with_inline(Some("{}".into()));
    let base = [("src", "https://news.example/a.json")];
    for name in SETTING_NAMES {
        let value = changed_value(name).unwrap_or_else(|| panic!("no changed value for {name}"));
        let changed = ReaderConfig::from_pairs(
            base.iter()
                .copied()
                .filter(|(n, _)| *n != name)
                .chain([(name, value)]),
        );
        assert_ne!(
            changed,
            ReaderConfig::from_pairs(base),
            "{name}={value} is not a change"
        );
        let updated = mounted.updated_in_place(changed.clone());
        if IN_PLACE_SETTINGS.contains(&name) {
            assert_ne!(
                updated, mounted,
                "{name} is in place but the update ignored it"
            );
            assert_eq!(
                updated.updated_in_place(changed.clone()),
                updated,
                "{name}: a second update changes nothing"
            );
        } else {
            assert_eq!(updated, mounted, "{name} loads anew but the update took it");
        }
        assert_eq!(updated.inline, mounted.inline, "the inline document stays");
    }
    assert!(SETTING_NAMES.contains(&"src") && !IN_PLACE_SETTINGS.contains(&"src"));
    assert!(IN_PLACE_SETTINGS.contains(&"theme"));
}

#[test]
fn resume_is_off_unless_the_host_turns_it_on() {
    let on = |pairs: &[(&str, &str)]| ReaderConfig::from_pairs(pairs.iter().copied()).resume;
    assert!(!on(&[]), "off by default");
    assert!(on(&[("resume", "")]), "present without a value");
    assert!(on(&[("resume", " On ")]));
    assert!(on(&[("resume", "true")]));
    assert!(on(&[("resume", "resume")]));
    assert!(!on(&[("resume", "off")]));
    assert!(!on(&[("resume", "false")]));
    assert!(!on(&[("resume", "no thanks")]));
}
