//! Reading settings: steps, stored form, and the embedder's theme as the default.

use article_reader::reader::settings::Theme;
use article_reader::reader::settings::{
    Font, LineSpacing, Measure, ReadingSettings, DEFAULT_SIZE, LARGEST,
};

#[test]
fn text_size_moves_in_five_steps_and_stops_at_both_ends() {
    let mut s = ReadingSettings::default();
    assert_eq!(s.text_size, DEFAULT_SIZE);
    for _ in 0..10 {
        s = s.larger();
    }
    assert_eq!(s.text_size, LARGEST);
    let mut seen = vec![s.text_size];
    for _ in 0..10 {
        s = s.smaller();
        if seen.last() != Some(&s.text_size) {
            seen.push(s.text_size);
        }
    }
    assert_eq!(seen, [5, 4, 3, 2, 1]);
}

#[test]
fn stored_form_round_trips_and_bad_values_fall_back() {
    let chosen = ReadingSettings {
        text_size: 4,
        theme: Some(Theme::Sepia),
        font: Font::Sans,
        measure: Some(Measure::Narrow),
        line_spacing: Some(LineSpacing::Loose),
        more_spacing: true,
        hyphens: true,
        save_data: Some(true),
    };
    assert_eq!(ReadingSettings::parse(&chosen.to_stored()), chosen);
    let legible = ReadingSettings {
        font: Font::Legible,
        save_data: Some(false),
        ..chosen
    };
    assert_eq!(ReadingSettings::parse(&legible.to_stored()), legible);
    let junk = ReadingSettings::parse(
        "size=99&font=comic&theme=neon&x=1&measure=huge&lines=9&spacing=lots&hyphens=maybe",
    );
    assert_eq!(junk.text_size, LARGEST);
    assert_eq!(junk.font, Font::Serif);
    assert_eq!(junk.theme, Some(Theme::Auto));
    assert_eq!((junk.measure, junk.line_spacing), (None, None));
    assert!(!junk.more_spacing && !junk.hyphens);
    assert_eq!(junk.save_data, None);
    assert_eq!(
        ReadingSettings::parse("{not stored by us}"),
        ReadingSettings::default()
    );
}

#[test]
fn the_embedders_theme_is_the_default_until_the_reader_chooses() {
    let untouched = ReadingSettings::default().larger();
    assert_eq!(untouched.theme_or(Theme::Dark), Theme::Dark);
    assert!(!untouched.to_stored().contains("theme"));
    let chosen = ReadingSettings {
        theme: Some(Theme::Light),
        ..untouched
    };
    assert_eq!(chosen.theme_or(Theme::Dark), Theme::Light);
}

#[test]
fn layout_is_left_to_the_host_until_the_reader_chooses() {
    let untouched = ReadingSettings::default();
    assert!(untouched
        .layout_attributes()
        .iter()
        .all(|(_, v)| v.is_none()));
    assert_eq!(untouched.to_stored(), "size=3&font=serif");
    let chosen = ReadingSettings {
        measure: Some(Measure::Normal),
        more_spacing: true,
        ..untouched
    };
    assert_eq!(
        chosen.layout_attributes(),
        [
            ("data-measure", Some("normal")),
            ("data-line-spacing", None),
            ("data-spacing", Some("more")),
            ("data-hyphens", None),
        ]
    );
}

#[test]
fn pictures_follow_the_browsers_data_saver_until_the_reader_chooses() {
    let untouched = ReadingSettings::default();
    assert!(untouched.saves_data(true) && !untouched.saves_data(false));
    assert!(!untouched.to_stored().contains("pictures"));
    let ask = ReadingSettings::parse("size=3&pictures=ask");
    assert!(ask.saves_data(false));
    let load = ReadingSettings::parse("size=3&pictures=load");
    assert!(!load.saves_data(true));
}

#[test]
fn pictures_are_dark_in_the_dark_theme_and_in_auto_on_a_dark_system() {
    assert!(Theme::Dark.is_dark(false) && Theme::Auto.is_dark(true));
    assert!(
        !Theme::Auto.is_dark(false) && !Theme::Light.is_dark(true) && !Theme::Sepia.is_dark(true)
    );
}
