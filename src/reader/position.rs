//! Where a reader stopped in an article, the pure part: kept by block and offset within it, not by
//! pixels, so it holds at another text size or screen width; written to storage as a short text
//! read back with its own parser (a damaged value is no position, never an error).

/// A reading position.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadingPosition {
    /// The `data-block` of the body block at the top of the view ("5", "5.0" inside a box).
    pub block: String,
    /// How far down that block the top of the view was, 0 to 1.
    pub offset: f32,
    /// How much of the body was above the view, 0 to 1 (for "38 %" and "Finished").
    pub progress: f32,
}

/// From this far on, an article counts as read to the end.
pub const FINISHED: f32 = 0.98;

impl ReadingPosition {
    /// A position, with every number brought into its range (a block id is digits and dots).
    pub fn new(block: &str, offset: f32, progress: f32) -> Option<ReadingPosition> {
        let well_formed = !block.is_empty()
            && block.len() <= 32
            && block
                .split('.')
                .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()));
        well_formed.then(|| ReadingPosition {
            block: block.to_owned(),
            offset: clamp(offset),
            progress: clamp(progress),
        })
    }

    /// Read to the end.
    pub fn finished(&self) -> bool {
        self.progress >= FINISHED
    }

    /// At the very start: nothing worth coming back to.
    pub fn at_start(&self) -> bool {
        self.block == "0" && self.offset == 0.0
    }

    /// The stored form: `block offset progress` ("12 0.250 0.410").
    pub fn to_text(&self) -> String {
        format!(
            "{} {} {}",
            self.block,
            thousandths(self.offset),
            thousandths(self.progress)
        )
    }

    /// Reads the stored form; `None` for anything else.
    pub fn from_text(text: &str) -> Option<ReadingPosition> {
        let mut parts = text.split(' ');
        let (block, offset, progress) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        ReadingPosition::new(block, fraction(offset)?, fraction(progress)?)
    }
}

/// A fraction from 0 to 1 as "0.250", written by hand: Rust's float formatting would bring about
/// 14 KB into the module that writes positions.
pub fn thousandths(value: f32) -> String {
    let n = (clamp(value) * 1000.0 + 0.5) as u32;
    let digits = n % 1000;
    let tens = [digits / 100, digits / 10 % 10, digits % 10];
    format!("{}.{}{}{}", n / 1000, tens[0], tens[1], tens[2])
}

fn clamp(value: f32) -> f32 {
    if value.is_finite() {
        value.clamp(0.0, 1.0)
    } else {
        0.0
    }
}

/// "0.250" as a number, read by hand (digits, one dot; no float parser in the wasm).
fn fraction(text: &str) -> Option<f32> {
    let (whole, decimals) = text.split_once('.').unwrap_or((text, ""));
    if whole.is_empty() || whole.len() > 1 || decimals.len() > 6 {
        return None;
    }
    if !whole
        .bytes()
        .chain(decimals.bytes())
        .all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let digits = |s: &str| s.bytes().fold(0u32, |n, b| n * 10 + u32::from(b - b'0'));
    let value = digits(whole) as f32 + digits(decimals) as f32 / 10f32.powi(decimals.len() as i32);
    (value <= 1.0).then_some(value)
}

/// The reading positions of page mode, by article address, most recent last; at most
/// [`MAX_POSITIONS`] (the oldest go). Stored as JSON under [`POSITIONS_KEY`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Positions {
    entries: Vec<(String, ReadingPosition)>,
}

/// The `localStorage` key of page mode's reading positions (never used in embed mode unless the
/// host opts in).
pub const POSITIONS_KEY: &str = "article-reader:positions";
/// How many articles' positions are kept.
pub const MAX_POSITIONS: usize = 200;

impl Positions {
    /// Reads the stored form; anything damaged is left out.
    pub fn from_text(text: &str) -> Positions {
        use crate::core::json::{self, Json};
        let Ok(Json::Object(pairs)) = json::parse(text) else {
            return Positions::default();
        };
        let entries = pairs
            .iter()
            .filter_map(|(url, value)| {
                Some((
                    url.to_string(),
                    ReadingPosition::from_text(value.as_str()?)?,
                ))
            })
            .collect();
        let mut positions = Positions { entries };
        positions.trim();
        positions
    }

    /// The stored form.
    pub fn to_text(&self) -> String {
        use crate::core::json;
        let mut out = String::from("{");
        for (i, (url, position)) in self.entries.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            json::write_string(&mut out, url);
            out.push(':');
            json::write_string(&mut out, &position.to_text());
        }
        out.push('}');
        out
    }

    /// Where the reader stopped in the article at `url`.
    pub fn get(&self, url: &str) -> Option<&ReadingPosition> {
        self.entries.iter().find(|(u, _)| u == url).map(|(_, p)| p)
    }

    /// Keeps `position` for `url`, as the most recent.
    pub fn set(&mut self, url: &str, position: ReadingPosition) {
        self.entries.retain(|(u, _)| u != url);
        self.entries.push((url.to_owned(), position));
        self.trim();
    }

    fn trim(&mut self) {
        let extra = self.entries.len().saturating_sub(MAX_POSITIONS);
        self.entries.drain(..extra);
    }
}
