//! Reading settings (spec §5): text size in five steps, theme and font, as the reader chose them.
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
}

impl Font {
    /// The `data-font` value and stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Font::Serif => "serif",
            Font::Sans => "sans",
        }
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
}

impl Default for ReadingSettings {
    fn default() -> Self {
        ReadingSettings {
            text_size: DEFAULT_SIZE,
            theme: None,
            font: Font::Serif,
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
                _ => {}
            }
        }
        settings
    }

    /// The stored form: `size=4&theme=sepia&font=sans`.
    pub fn to_stored(self) -> String {
        let mut out = format!("size={}&font={}", self.text_size, self.font.as_str());
        if let Some(theme) = self.theme {
            out.push_str("&theme=");
            out.push_str(theme.as_str());
        }
        out
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
