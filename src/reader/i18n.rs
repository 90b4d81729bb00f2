//! The UI language (spec §5): which table speaks, whether UI text needs its own `lang` inside an
//! article in another language, and the words that need the browser's `Intl` (plurals, numbers,
//! lists). Natively (the CLI, tests) English plural rules and plain digits stand in for `Intl`.

use std::rc::Rc;

use crate::core::model::{AsideKind, NoteKind};

// Every table by name, for the native tools and tests; code that runs in the browser goes through
// [`table`] / [`choose`], so that a split build keeps the tables other than English on demand.
pub use crate::reader::ui::{Plural, Words, AR, CODES, DE, EN, ES, FR, LANGUAGES, PT};

/// The table for a language tag ("pt-BR" → Portuguese), if the widget speaks that language and,
/// in a split build, its table has been loaded ([`load_tables`]).
pub fn table(tag: &str) -> Option<&'static Words> {
    let primary = primary(tag);
    if primary == EN.code {
        return Some(&EN);
    }
    tables().iter().copied().find(|w| w.code == primary)
}

/// Every table the reader has now: all of them, except in a split build before [`load_tables`].
fn tables() -> &'static [&'static Words] {
    #[cfg(article_reader_split)]
    return LOADED.with(std::cell::Cell::get).unwrap_or(&[]);
    #[cfg(not(article_reader_split))]
    &crate::reader::ui::LANGUAGES
}

#[cfg(article_reader_split)]
thread_local! {
    static LOADED: std::cell::Cell<Option<&'static [&'static Words]>> = const { std::cell::Cell::new(None) };
}

/// Whether the tables other than English are there (a split build loads them on demand).
pub fn tables_loaded() -> bool {
    #[cfg(article_reader_split)]
    return LOADED.with(std::cell::Cell::get).is_some();
    #[cfg(not(article_reader_split))]
    true
}

/// The tables other than English, in a module of their own: English speaks for most articles.
#[cfg(target_arch = "wasm32")]
#[cfg_attr(
    article_reader_split,
    wasm_split_helpers::wasm_split(languages, fallible, preload(preload_languages))
)]
fn language_tables() -> Result<&'static [&'static Words], crate::platform::on_demand::ModuleMissing>
{
    Ok(&crate::reader::ui::LANGUAGES)
}

/// Whether any of `candidates` (the `ui-lang`, the article's and the page's language) is one the
/// reader speaks other than English: then the tables are needed (for the UI, or for the reading
/// speed of the article's language under an English UI).
pub fn needs_tables(candidates: [Option<&str>; 3]) -> bool {
    candidates
        .into_iter()
        .flatten()
        .map(primary)
        .any(|code| code != EN.code && CODES.contains(&code.as_str()))
}

/// Starts loading the tables when `candidates` ask for a language other than English (beside
/// the document's request), without waiting.
#[cfg(target_arch = "wasm32")]
pub fn prefetch_tables(candidates: [Option<&str>; 3]) {
    if needs_tables(candidates) && !tables_loaded() {
        crate::prefetch!(preload_languages);
    }
}

/// Loads the tables other than English when `candidates` ask for one of them; if they cannot be
/// loaded, the UI speaks English (said on the console), and the article is still shown.
#[cfg(target_arch = "wasm32")]
pub async fn load_tables(candidates: [Option<&str>; 3]) {
    if !needs_tables(candidates) || tables_loaded() {
        return;
    }
    match crate::on_demand!(language_tables()) {
        #[cfg(article_reader_split)]
        Ok(tables) => LOADED.with(|loaded| loaded.set(Some(tables))),
        #[cfg(not(article_reader_split))]
        Ok(_) => {}
        Err(missing) => crate::platform::warn(&format!("UI languages: {missing}; English is used")),
    }
}

impl Words {
    /// The word that names a box without a title ("Key points", "Sidebar"): one mapping for the
    /// renderer and the exports.
    pub fn aside(&self, kind: Option<AsideKind>) -> &'static str {
        match kind {
            Some(AsideKind::KeyPoints) => self.key_points,
            Some(AsideKind::Explainer) => self.explainer,
            Some(AsideKind::Callout) => self.callout,
            Some(AsideKind::Disclaimer) => self.disclaimer,
            Some(AsideKind::Box) | None => self.sidebar,
        }
    }

    /// The word that labels an editorial note ("Correction", "Update").
    pub fn note(&self, kind: NoteKind) -> &'static str {
        match kind {
            NoteKind::Correction => self.correction,
            NoteKind::Clarification => self.clarification,
            NoteKind::Update => self.update_note,
            NoteKind::EditorsNote => self.editors_note,
        }
    }
}

/// The primary subtag, lower-cased: "pt-BR" → "pt".
fn primary(tag: &str) -> String {
    tag.trim()
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// Spec §5: the `ui-lang` asked for, else the article's language, else the language of the page
/// around the widget (the host's `lang`, an extension for views without an article), else English.
/// An unsupported language at any step passes to the next.
pub fn choose(
    requested: Option<&str>,
    article: Option<&str>,
    context: Option<&str>,
) -> &'static Words {
    [requested, article, context]
        .into_iter()
        .flatten()
        .find_map(table)
        .unwrap_or(&EN)
}

/// Puts `value` in place of `{name}` in a message.
pub fn fill(template: &str, name: &str, value: &str) -> String {
    template.replace(&format!("{{{name}}}"), value)
}

/// A message around one value, as the text before and after `{name}`: for a value that is an
/// element (a date as `<time>`, names as links), not text.
pub fn split<'a>(template: &'a str, name: &str) -> (&'a str, &'a str) {
    let mark = format!("{{{name}}}");
    template.split_once(&mark).unwrap_or((template, ""))
}

/// The UI language of one widget, and the language of the content around its words.
#[derive(Clone, Debug)]
pub struct Ui {
    /// The words.
    pub words: &'static Words,
    /// Whether the UI's language differs from the content's (an article in another language):
    /// then UI text inside the article carries its own `lang` and `dir` (WCAG 3.1.2).
    foreign: bool,
    /// The locale for `Intl`: the content's own tag when it is in the UI's language (so "es-MX"
    /// keeps its regional formats), else the UI language's code.
    pub locale: Rc<str>,
}

impl PartialEq for Ui {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.words, other.words)
            && self.foreign == other.foreign
            && self.locale == other.locale
    }
}

impl Default for Ui {
    fn default() -> Self {
        Ui::new(&EN, None)
    }
}

impl Ui {
    /// The UI in `words` for content in the language `content` (none: the UI is the content).
    pub fn new(words: &'static Words, content: Option<&str>) -> Ui {
        let same = content.filter(|tag| primary(tag) == words.code);
        Ui {
            words,
            foreign: content.is_some() && same.is_none(),
            locale: same.map(str::trim).unwrap_or(words.code).into(),
        }
    }

    /// `lang` for an element of UI text: only where it differs from the content around it.
    pub fn lang(&self) -> Option<&'static str> {
        self.foreign.then_some(self.words.code)
    }

    /// `dir` for an element of UI text, with [`Ui::lang`]: mirrors the controls in a
    /// right-to-left UI around a left-to-right article, and the other way round.
    pub fn dir(&self) -> Option<&'static str> {
        self.foreign.then_some(self.words.dir)
    }

    /// A whole number as the UI language writes it ("1,234", "١٬٢٣٤").
    pub fn number(&self, n: u64) -> String {
        number(&self.locale, n)
    }

    /// A number with decimals as the UI language writes it ("1.25", "1,25").
    pub fn decimal(&self, n: f64) -> String {
        decimal(&self.locale, n)
    }

    /// A counted message: the plural form for `n`, with `{n}` written in the UI language.
    pub fn count(&self, plural: &Plural, n: u64) -> String {
        fill(
            plural.form(&plural_category(&self.locale, n)),
            "n",
            &self.number(n),
        )
    }

    /// A counted message for a range ("4–5 min read"); a one-value range is [`Ui::count`].
    pub fn count_range(&self, plural: &Plural, low: u64, high: u64) -> String {
        if low >= high {
            return self.count(plural, high);
        }
        let (category, range) = range(&self.locale, low, high);
        fill(plural.form(&category), "n", &range)
    }
}

#[cfg(target_arch = "wasm32")]
use crate::platform::{format_number as decimal, number_range as range, plural_category};

#[cfg(target_arch = "wasm32")]
fn number(lang: &str, n: u64) -> String {
    decimal(lang, n as f64)
}

#[cfg(not(target_arch = "wasm32"))]
fn decimal(_lang: &str, n: f64) -> String {
    n.to_string()
}

#[cfg(not(target_arch = "wasm32"))]
fn number(_lang: &str, n: u64) -> String {
    n.to_string()
}

#[cfg(not(target_arch = "wasm32"))]
fn plural_category(_lang: &str, n: u64) -> String {
    if n == 1 { "one" } else { "other" }.to_owned()
}

#[cfg(not(target_arch = "wasm32"))]
fn range(_lang: &str, low: u64, high: u64) -> (String, String) {
    ("other".to_owned(), format!("{low}–{high}"))
}

/// A date for display in a language ("21 July 2019"; with `clock`, and a time in the document,
/// "21 July 2019 at 14:05" in the reader's time zone) through `Intl`; natively, where there is no
/// `Intl`, the date as written in the document (RFC 3339), so native HTML stays exact and stable.
pub fn format_date(date: &crate::core::date::Date, lang: &str, clock: bool) -> String {
    #[cfg(target_arch = "wasm32")]
    return crate::platform::format_date(&date.datetime, date.date_only, clock, lang);
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (lang, clock);
        date.datetime.to_string()
    }
}

/// The separators between `count` names in a list, as the language joins them ("A, B and C"):
/// `count - 1` texts, through `Intl.ListFormat`; natively (and where `Intl` refuses) commas and
/// the UI table's `and`, so no English word joins names in another language.
pub fn list_separators(lang: &str, count: usize, and: &str) -> Vec<String> {
    #[cfg(target_arch = "wasm32")]
    let from_intl = crate::platform::list_separators(lang, count);
    #[cfg(not(target_arch = "wasm32"))]
    let from_intl = {
        let _ = lang;
        None
    };
    from_intl.unwrap_or_else(|| {
        (1..count)
            .map(|i| if i + 1 == count { and } else { ", " }.to_owned())
            .collect()
    })
}
