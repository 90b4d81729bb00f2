//! The UI tables (`ui/<lang>.json`): every language has every key English has, of the same kind,
//! with the same placeholders, and plural forms a language's rules need. The build fails on a
//! missing key as well (build.rs); this test says which, for every language at once.

#![allow(clippy::expect_used)]

use std::collections::BTreeSet;

use article_reader::core::json::{parse, Json};
use article_reader::reader::i18n::{choose, table, LANGUAGES};

fn read(code: &str) -> Json {
    let text = std::fs::read_to_string(format!("ui/{code}.json")).expect("table exists");
    parse(&text).expect("table is JSON")
}

fn placeholders(text: &str) -> BTreeSet<String> {
    text.split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name.to_owned()))
        .collect()
}

/// The CLDR plural categories each language's whole numbers use (Unicode CLDR plural rules).
fn categories(code: &str) -> &'static [&'static str] {
    match code {
        "ar" => &["zero", "one", "two", "few", "many", "other"],
        _ => &["one", "other"],
    }
}

#[test]
fn every_language_has_every_key_with_the_same_placeholders() {
    let english = read("en");
    let Json::Object(keys) = &english else {
        panic!("ui/en.json is an object");
    };
    let mut problems = Vec::new();
    for words in LANGUAGES {
        let code = words.code;
        let table = read(code);
        for (key, model) in keys {
            let Some(entry) = table.get(key) else {
                problems.push(format!("{code}: {key} is missing"));
                continue;
            };
            match (model, entry) {
                (Json::String(en), Json::String(own)) => {
                    if placeholders(en) != placeholders(own) {
                        problems.push(format!(
                            "{code}: {key} has placeholders {:?}, English {:?}",
                            placeholders(own),
                            placeholders(en)
                        ));
                    }
                    if own.trim().is_empty() {
                        problems.push(format!("{code}: {key} is empty"));
                    }
                }
                (Json::Object(_), Json::Object(forms)) => {
                    for category in categories(code) {
                        if !forms.iter().any(|(c, _)| &**c == *category) {
                            problems.push(format!("{code}: {key} lacks the \"{category}\" form"));
                        }
                    }
                    let en_other = english
                        .get(key)
                        .and_then(|p| p.get("other"))
                        .and_then(Json::as_str)
                        .unwrap_or_default();
                    let own_other = entry
                        .get("other")
                        .and_then(Json::as_str)
                        .unwrap_or_default();
                    if placeholders(en_other) != placeholders(own_other) {
                        problems.push(format!(
                            "{code}: {key}.other has other placeholders than English"
                        ));
                    }
                }
                (Json::Array(_), Json::Array(pair)) if pair.len() == 2 => {}
                _ => problems.push(format!("{code}: {key} is not of English's kind")),
            }
        }
        if let Json::Object(own) = &table {
            for (key, _) in own {
                if english.get(key).is_none() {
                    problems.push(format!("{code}: {key} is not an English key"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_six_languages_of_the_contract_are_there_and_chosen_as_it_says() {
    let codes: Vec<&str> = LANGUAGES.iter().map(|w| w.code).collect();
    assert_eq!(codes, ["en", "ar", "de", "es", "fr", "pt"]);
    assert_eq!(table("pt-BR").map(|w| w.code), Some("pt"));
    assert_eq!(table("AR_eg").map(|w| w.code), Some("ar"));
    assert!(table("it").is_none());
    // ui-lang, else the article's language, else the page's, else English.
    assert_eq!(choose(Some("de"), Some("es"), Some("fr")).code, "de");
    assert_eq!(choose(Some("xx"), Some("es"), Some("fr")).code, "es");
    assert_eq!(choose(None, Some("it"), Some("fr")).code, "fr");
    assert_eq!(choose(None, Some("it"), None).code, "en");
    assert_eq!(LANGUAGES.iter().filter(|w| w.dir == "rtl").count(), 1);
}
