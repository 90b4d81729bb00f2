//! The one configuration of a widget: built from name/value pairs — the element's attributes in
//! embed mode, the query string in page mode — by the same code, so a setting added here works in
//! both modes at once. Pure: natively tested, no browser needed.

use std::rc::Rc;

use crate::core::url_policy::query_pairs;
use crate::document::formats::Format;
use crate::reader::settings::Theme;
use crate::reader::share::ShareTarget;

/// How long a request may take, body included, before the reader gives up.
pub const DEFAULT_TIMEOUT_MS: u32 = 15_000;

pub use crate::reader::names::{IN_PLACE_SETTINGS, SETTING_NAMES};

/// Which reader controls show (`controls`: a comma list of `settings`, `listen`; both by
/// default, none when empty).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Controls {
    /// "Reading settings" (text size, theme, font).
    pub settings: bool,
    /// "Listen" (read aloud with the browser's speech synthesis).
    pub listen: bool,
}

impl Default for Controls {
    fn default() -> Self {
        Controls {
            settings: true,
            listen: true,
        }
    }
}

impl Controls {
    /// Reads the `controls` list; unknown names are ignored.
    pub fn parse(value: &str) -> Controls {
        let mut controls = Controls {
            settings: false,
            listen: false,
        };
        for name in value.split([',', ' ']).map(str::trim) {
            match name.to_ascii_lowercase().as_str() {
                "settings" => controls.settings = true,
                "listen" => controls.listen = true,
                _ => {}
            }
        }
        controls
    }
}

/// Where an article comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum ArticleSource {
    /// The built-in sample article (page mode's default); `base` is its own address (its image is
    /// resolved against it).
    Sample { base: Rc<str> },
    /// A document URL (`?src=` or the element's `src`), resolved against the page.
    Url(Rc<str>),
    /// A document given inline (the element's `<script type="application/json">` child).
    Inline(Rc<str>),
    /// Nothing was given (embed mode with a missing or blank `src` and no inline document): the
    /// alert says so. A host page never shows the sample by accident.
    Missing,
}

/// Everything a widget is started with, whichever mode started it.
#[derive(Clone, Debug, PartialEq)]
pub struct ReaderConfig {
    /// The document address, when one that is not blank was given.
    pub src: Option<Rc<str>>,
    /// The document itself, given inline (embed mode).
    pub inline: Option<Rc<str>>,
    /// Colour scheme.
    pub theme: Theme,
    /// Which share controls to show, in order.
    pub share: Rc<[ShareTarget]>,
    /// Request time limit in milliseconds: `timeout` in whole seconds, 1 to 300.
    pub timeout_ms: u32,
    /// Which format the document is read as (`format`); detected from its shape by default.
    pub format: Format,
    /// Which JSON Feed item is the article (`item`, its id); the first by default.
    pub item: Option<Rc<str>>,
    /// The UI language asked for (`ui-lang`); else the article's (spec §5).
    pub ui_lang: Option<Rc<str>>,
    /// Which reader controls show (`controls`).
    pub controls: Controls,
    /// The language of the page around an embedded widget (its nearest `lang`): the UI language
    /// of views without an article (loading, errors) when `ui-lang` is not given. Not a setting.
    pub context_lang: Option<Rc<str>>,
    /// Whether an embedded reader keeps its place in the article and opens there next time
    /// (`resume`; page mode always does). Off by default: the storage is the host page's.
    pub resume: bool,
}

impl Default for ReaderConfig {
    fn default() -> Self {
        ReaderConfig {
            src: None,
            inline: None,
            theme: Theme::Auto,
            share: Rc::from(ShareTarget::ALL),
            timeout_ms: DEFAULT_TIMEOUT_MS,
            format: Format::Auto,
            item: None,
            ui_lang: None,
            controls: Controls::default(),
            context_lang: None,
            resume: false,
        }
    }
}

impl ReaderConfig {
    /// Reads the settings from name/value pairs; unknown names are ignored, and of a name given
    /// twice the first counts (as `URLSearchParams.get` and HTML attributes have it).
    pub fn from_pairs<N, V>(pairs: impl IntoIterator<Item = (N, V)>) -> ReaderConfig
    where
        N: AsRef<str>,
        V: AsRef<str>,
    {
        let mut config = ReaderConfig::default();
        let mut seen = [false; SETTING_NAMES.len()];
        for (name, value) in pairs {
            let (name, value) = (name.as_ref(), value.as_ref());
            let Some(index) = SETTING_NAMES.iter().position(|n| *n == name) else {
                continue;
            };
            if std::mem::replace(&mut seen[index], true) {
                continue;
            }
            match name {
                "src" => config.src = non_blank(value),
                "theme" => config.theme = Theme::parse(value),
                "share" => config.share = ShareTarget::parse_list(value).into(),
                "timeout" => config.timeout_ms = parse_timeout(value),
                "format" => config.format = Format::parse(value),
                "item" => config.item = non_blank(value),
                "ui-lang" => config.ui_lang = non_blank(value),
                "controls" => config.controls = Controls::parse(value),
                "resume" => config.resume = switched_on(value),
                _ => {}
            }
        }
        config
    }

    /// Reads the settings from a query string (`?src=…&theme=dark`), as page mode has them, and
    /// a fragment (`#item=…`, which links to one item of a feed); the query wins.
    pub fn from_query(query: &str, fragment: &str) -> ReaderConfig {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        ReaderConfig::from_pairs(query_pairs(query).into_iter().chain(query_pairs(fragment)))
    }

    /// The configuration of a mounted widget after its settings changed to `next`'s: the
    /// settings that update in place ([`IN_PLACE_SETTINGS`], from `shared-names.json`, as
    /// `embed.js` has them) are taken from `next`; where the document comes from (`src`, the
    /// inline child, `format`, `item`) and the page's language stay as mounted, since a change
    /// there is a new mount. (Written out rather than looped over the names: smaller in the wasm;
    /// `tests/config.rs` holds it to the list.)
    pub fn updated_in_place(&self, next: ReaderConfig) -> ReaderConfig {
        ReaderConfig {
            src: self.src.clone(),
            inline: self.inline.clone(),
            format: self.format,
            item: self.item.clone(),
            context_lang: self.context_lang.clone(),
            ..next
        }
    }

    /// Adds the document given inline (an element's JSON child).
    pub fn with_inline(mut self, text: Option<String>) -> ReaderConfig {
        self.inline = text.map(Rc::from);
        self
    }

    /// Where the article comes from: `src`, else the inline document, else `fallback` (page mode:
    /// the sample; embed mode: [`ArticleSource::Missing`]).
    pub fn source(&self, fallback: ArticleSource) -> ArticleSource {
        match (&self.src, &self.inline) {
            (Some(src), _) => ArticleSource::Url(src.clone()),
            (None, Some(text)) => ArticleSource::Inline(text.clone()),
            (None, None) => fallback,
        }
    }
}

/// A switch given as an attribute: on when present without a value, or `on` / `true` / its own
/// name (case and spaces aside); anything else is off.
fn switched_on(value: &str) -> bool {
    let value = value.trim();
    value.is_empty()
        || ["on", "true", "resume"]
            .iter()
            .any(|on| value.eq_ignore_ascii_case(on))
}

/// A value that is not only white space, trimmed.
fn non_blank(value: &str) -> Option<Rc<str>> {
    Some(value.trim()).filter(|s| !s.is_empty()).map(Rc::from)
}

/// `timeout` in whole seconds, clamped to 1–300; the default when absent or unreadable.
fn parse_timeout(value: &str) -> u32 {
    value
        .trim()
        .parse::<u32>()
        .map_or(DEFAULT_TIMEOUT_MS, |seconds| seconds.clamp(1, 300) * 1000)
}
