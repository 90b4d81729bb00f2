//! Reading settings (spec §5): text size in five steps, theme and font, as the reader chose them;
//! and the text's layout (column width, line spacing, the WCAG 1.4.12 "more text spacing" switch,
//! hyphenation), which a host page or a user style sheet may also set through `--reader-*`
//! custom properties until the reader chooses.
//! Remembered per origin under one storage key, as a short query string; what the reader never
//! chose stays unset, so the embedder's `theme` remains the default. Pure: natively tested.

use crate::core::url_policy::query_pairs;

/// Colour scheme of one widget: `Auto` follows `prefers-color-scheme`; `Sepia` is a warm light
/// scheme (an extension of the format's `theme` values, the reading settings offer it).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
    Sepia,
}

impl Theme {
    /// Reads the `theme` attribute or parameter; anything unknown is `Auto`.
    pub fn parse(value: &str) -> Theme {
        match value.trim().to_ascii_lowercase().as_str() {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            "sepia" => Theme::Sepia,
            _ => Theme::Auto,
        }
    }

    /// Whether pictures are shown for a dark theme: `Dark`, or `Auto` on a system set to dark.
    pub fn is_dark(self, system_dark: bool) -> bool {
        self == Theme::Dark || (self == Theme::Auto && system_dark)
    }

    /// The `data-theme` value.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Sepia => "sepia",
            Theme::Auto => "auto",
        }
    }
}

/// The one `localStorage` key of the widget (the host's origin in embed mode, ours in page mode).
pub const STORAGE_KEY: &str = "article-reader:settings";

/// Text size steps: 1 (smallest) to [`LARGEST`]; [`DEFAULT_SIZE`] is the designed size.
pub const LARGEST: u8 = 5;
/// The middle step.
pub const DEFAULT_SIZE: u8 = 3;

/// The article's typeface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Font {
    #[default]
    Serif,
    Sans,
    /// Atkinson Hyperlegible (SIL Open Font Licence), shipped with the reader and downloaded
    /// only once a reader chooses it.
    Legible,
}

impl Font {
    /// The `data-font` value and stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Font::Serif => "serif",
            Font::Sans => "sans",
            Font::Legible => "legible",
        }
    }
}

/// The column's width (the measure).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    Narrow,
    Normal,
    Wide,
}

impl Measure {
    /// Every width, narrowest first.
    pub const ALL: [Measure; 3] = [Measure::Narrow, Measure::Normal, Measure::Wide];

    /// The `data-measure` value and stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Measure::Narrow => "narrow",
            Measure::Normal => "normal",
            Measure::Wide => "wide",
        }
    }

    fn parse(value: &str) -> Option<Measure> {
        Measure::ALL.into_iter().find(|m| m.as_str() == value)
    }
}

/// The space between lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineSpacing {
    Normal,
    Relaxed,
    Loose,
}

impl LineSpacing {
    /// Every spacing, tightest first.
    pub const ALL: [LineSpacing; 3] = [
        LineSpacing::Normal,
        LineSpacing::Relaxed,
        LineSpacing::Loose,
    ];

    /// The `data-line-spacing` value and stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            LineSpacing::Normal => "normal",
            LineSpacing::Relaxed => "relaxed",
            LineSpacing::Loose => "loose",
        }
    }

    fn parse(value: &str) -> Option<LineSpacing> {
        LineSpacing::ALL.into_iter().find(|m| m.as_str() == value)
    }
}

/// What the reader chose; `None` where they did not choose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReadingSettings {
    /// 1 to [`LARGEST`].
    pub text_size: u8,
    /// The theme the reader picked over the embedder's default.
    pub theme: Option<Theme>,
    /// The typeface.
    pub font: Font,
    /// The column's width; `None`: the host's `--reader-measure`, else the designed width.
    pub measure: Option<Measure>,
    /// The line spacing; `None`: the host's `--reader-line-height`, else the designed spacing.
    pub line_spacing: Option<LineSpacing>,
    /// "More text spacing" (WCAG 1.4.12): line height at least 1.5, paragraphs 2 em apart,
    /// letters 0.12 em, words 0.16 em.
    pub more_spacing: bool,
    /// Hyphenation in the article's language.
    pub hyphens: bool,
    /// Pictures after the lead only when asked ("Show picture"); `None`: as the browser's data
    /// saver (`navigator.connection.saveData`) says.
    pub save_data: Option<bool>,
}

impl Default for ReadingSettings {
    fn default() -> Self {
        ReadingSettings {
            text_size: DEFAULT_SIZE,
            theme: None,
            font: Font::Serif,
            measure: None,
            line_spacing: None,
            more_spacing: false,
            hyphens: false,
            save_data: None,
        }
    }
}

impl ReadingSettings {
    /// Reads the stored form; anything unreadable is the default.
    pub fn parse(stored: &str) -> ReadingSettings {
        let mut settings = ReadingSettings::default();
        for (name, value) in query_pairs(stored) {
            match name.as_str() {
                "size" => {
                    if let Ok(size) = value.parse::<u8>() {
                        settings.text_size = size.clamp(1, LARGEST);
                    }
                }
                "theme" => settings.theme = Some(Theme::parse(&value)),
                "font" if value == "sans" => settings.font = Font::Sans,
                "font" if value == "legible" => settings.font = Font::Legible,
                "measure" => settings.measure = Measure::parse(&value),
                "lines" => settings.line_spacing = LineSpacing::parse(&value),
                "spacing" => settings.more_spacing = value == "more",
                "hyphens" => settings.hyphens = value == "on",
                "pictures" => settings.save_data = Some(value == "ask"),
                _ => {}
            }
        }
        settings
    }

    /// The stored form: `size=4&theme=sepia&font=sans&measure=narrow&spacing=more`.
    pub fn to_stored(self) -> String {
        let mut out = format!("size={}&font={}", self.text_size, self.font.as_str());
        for (name, value) in [
            ("theme", self.theme.map(Theme::as_str)),
            ("measure", self.measure.map(Measure::as_str)),
            ("lines", self.line_spacing.map(LineSpacing::as_str)),
            ("spacing", self.more_spacing.then_some("more")),
            ("hyphens", self.hyphens.then_some("on")),
            (
                "pictures",
                self.save_data.map(|ask| if ask { "ask" } else { "load" }),
            ),
        ] {
            if let Some(value) = value {
                out.push('&');
                out.push_str(name);
                out.push('=');
                out.push_str(value);
            }
        }
        out
    }

    /// The layout choices as the wrapper's attributes (what the stylesheet reads); `None`
    /// where the reader did not choose, so that the host's custom properties apply.
    pub fn layout_attributes(self) -> [(&'static str, Option<&'static str>); 4] {
        [
            ("data-measure", self.measure.map(Measure::as_str)),
            (
                "data-line-spacing",
                self.line_spacing.map(LineSpacing::as_str),
            ),
            ("data-spacing", self.more_spacing.then_some("more")),
            ("data-hyphens", self.hyphens.then_some("auto")),
        ]
    }

    /// One step smaller (no change at the smallest).
    pub fn smaller(self) -> ReadingSettings {
        ReadingSettings {
            text_size: self.text_size.saturating_sub(1).max(1),
            ..self
        }
    }

    /// One step larger (no change at the largest).
    pub fn larger(self) -> ReadingSettings {
        ReadingSettings {
            text_size: (self.text_size + 1).min(LARGEST),
            ..self
        }
    }

    /// Whether pictures after the lead wait for "Show picture": the reader's choice, else the
    /// browser's data saver (`browser_saves`).
    pub fn saves_data(self, browser_saves: bool) -> bool {
        self.save_data.unwrap_or(browser_saves)
    }

    /// The theme in effect: the reader's choice, else the embedder's.
    pub fn theme_or(self, default: Theme) -> Theme {
        self.theme.unwrap_or(default)
    }
}

#[cfg(target_arch = "wasm32")]
impl ReadingSettings {
    /// The reading settings remembered for this origin; the defaults where storage is refused or
    /// holds something else.
    pub fn load() -> ReadingSettings {
        crate::platform::stored(STORAGE_KEY)
            .map(|stored| ReadingSettings::parse(&stored))
            .unwrap_or_default()
    }

    /// Remembers these settings for this origin (silently not where storage is refused).
    pub fn store(self) {
        crate::platform::store(STORAGE_KEY, &self.to_stored());
    }
}
