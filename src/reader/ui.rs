//! The UI's words and the error view's names, generated at build time from `ui/*.json` (see
//! `build.rs`): the same files give `embed.js` its start-failure view, so every error view the
//! reader draws — Yew's, the panic view, the loader's — says the same words with the same classes
//! and `::part()` names. Choosing a language and filling in numbers is [`crate::reader::i18n`]'s work.

/// A message with one form per CLDR plural category (forms a language does not use are its
/// "other" form): the browser's `Intl.PluralRules` picks the category.
#[derive(Debug)]
pub struct Plural {
    pub zero: &'static str,
    pub one: &'static str,
    pub two: &'static str,
    pub few: &'static str,
    pub many: &'static str,
    pub other: &'static str,
}

impl Plural {
    /// The form for a category name as `Intl.PluralRules.select` returns it.
    pub fn form(&self, category: &str) -> &'static str {
        match category {
            "zero" => self.zero,
            "one" => self.one,
            "two" => self.two,
            "few" => self.few,
            "many" => self.many,
            _ => self.other,
        }
    }
}

include!(concat!(env!("OUT_DIR"), "/ui.rs"));
