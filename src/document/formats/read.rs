//! Lenient readers for publishers' documents: real sources are messy (entity-encoded titles,
//! markup in names, `null` for text, numbers for ids, tags as one string), so a value of the
//! wrong shape is a warning with its field path and the field is left out — never a refused
//! article. Only a document with no article at all is an error.

use std::rc::Rc;

use crate::core::date::DocDate;
use crate::core::json::Json;
use crate::core::model::{
    Article, Block, Cell, Direction, Gallery, Image, Inline, Row, Run, Table, Text, Video,
    VideoSource, MAX_GALLERY_IMAGES,
};
use crate::core::url_policy::SafeUrl;
use crate::document::fields::Fields;
use crate::document::html;
use crate::document::path::Path;
use crate::document::{is_language_tag, FieldIssue, MAX_TABLE_CELLS};

/// The value at `keys` below `value`, `null` counting as absent.
pub(crate) fn at<'v>(value: &'v Json, keys: &[&str]) -> Option<&'v Json> {
    keys.iter()
        .try_fold(value, |v, key| v.get(key))
        .filter(|v| !v.is_null())
}

/// Text: a string (trimmed, empty counts as absent) or a number's digits; anything else is
/// left out with a warning.
pub(crate) fn text(f: &mut Fields, value: Option<&Json>, path: &Path) -> Option<String> {
    match value? {
        Json::String(s) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
        Json::Number(n) => Some(n.to_string()),
        Json::Null => None,
        _ => {
            f.warn(path, "expected text; left out");
            None
        }
    }
}

/// Text that may carry markup or entities (`title.rendered`, author names): shown as plain text.
pub(crate) fn plain(f: &mut Fields, value: Option<&Json>, path: &Path) -> Option<String> {
    let raw = text(f, value, path)?;
    if !raw.contains(['<', '&']) {
        return Some(raw);
    }
    let nodes = html::parse(&raw)?;
    Some(html::to_text(&nodes).trim().to_owned()).filter(|t| !t.is_empty())
}

/// An HTML body as blocks. Its relative addresses resolve against `page`, the article's own page
/// where the source names it (markup is written for the page it is shown on), else against the
/// document. The only error here: a page whose Trusted Types rules do not let the reader parse
/// markup (the embed guide says which policy to allow).
pub(crate) fn html_blocks(
    f: &mut Fields,
    markup: &str,
    path: &Path,
    page: Option<&SafeUrl>,
) -> Result<Vec<Block>, FieldIssue> {
    let nodes = html::parse(markup).ok_or_else(|| {
        path.issue("this page's Trusted Types rules do not let the reader read HTML (allow the policy \"article-reader-inert\")")
    })?;
    let (blocks, notes) = html::to_body(&nodes, page.map(SafeUrl::as_str).or(f.base()));
    f.add_notes(notes);
    Ok(blocks)
}

/// An HTML fragment as inline content (captions, excerpts); `None` when it has no text.
pub(crate) fn html_inline(f: &mut Fields, value: Option<&Json>, path: &Path) -> Option<Inline> {
    let raw = text(f, value, path)?;
    let nodes = html::parse(&raw)?;
    let inline = html::to_inline(&nodes, f.base());
    (!inline.0.is_empty()).then_some(inline)
}

/// Plain text as paragraphs: a blank line ends one, a single line end is a line break.
pub(crate) fn paragraphs(text: &str) -> Vec<Block> {
    text.replace("\r\n", "\n")
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            let mut runs = Vec::new();
            for (i, line) in p.lines().enumerate() {
                if i > 0 {
                    runs.push(run("\n"));
                }
                runs.push(run(line.trim()));
            }
            Block::Paragraph {
                content: Inline(runs.into()),
            }
        })
        .collect()
}

/// One unmarked run of text.
pub(crate) fn run(text: &str) -> Run {
    Run::plain(text)
}

/// Plain text as inline content.
pub(crate) fn inline(text: &str) -> Inline {
    Inline(Rc::new([run(text)]))
}

/// An address, resolved against the document; refused ones are left out with a warning.
pub(crate) fn url(f: &mut Fields, value: Option<&Json>, path: &Path) -> Option<SafeUrl> {
    let value = value?;
    match value {
        Json::String(_) => f.url(value, path).ok().flatten(),
        _ => {
            f.warn(path, "expected an address; left out");
            None
        }
    }
}

/// A date. `utc` says the source defines a date without an offset as UTC (WordPress
/// `date_gmt`). One in another format is read where its instant is certain
/// ([`DocDate::lenient`]); otherwise it is shown as written, with a warning.
pub(crate) fn date(
    f: &mut Fields,
    value: Option<&Json>,
    path: &Path,
    utc: bool,
) -> Option<DocDate> {
    let date = DocDate::lenient(&text(f, value, path)?, utc);
    if date.checked().is_none() {
        f.warn(
            path,
            "not a date with a certain time zone that this reader can read; shown as written",
        );
    }
    Some(date)
}

/// A list that some sources give as one comma-separated string.
pub(crate) fn words(f: &mut Fields, value: Option<&Json>, path: &Path) -> Vec<String> {
    match value {
        Some(Json::String(s)) => s
            .split(',')
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect(),
        Some(Json::Array(items)) => items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| plain(f, Some(item), &path.index(i)))
            .collect(),
        Some(Json::Null) | None => Vec::new(),
        Some(_) => {
            f.warn(path, "expected a list; left out");
            Vec::new()
        }
    }
}

/// The items of an array; one value where a list is expected is read as a list of one.
pub(crate) fn items(value: Option<&Json>) -> Vec<&Json> {
    match value {
        Some(Json::Array(items)) => items.iter().filter(|v| !v.is_null()).collect(),
        Some(Json::Null) | None => Vec::new(),
        Some(one) => vec![one],
    }
}

/// An article with nothing but its headline, for adapters to fill in.
pub(crate) fn article(headline: String) -> Article {
    Article {
        version: "1".into(),
        id: None,
        url: None,
        lang: "en".into(),
        // Until a language is named (`set_language`); else the text's (`formats::finish`).
        dir: Direction::Auto,
        site: None,
        section: Rc::new([]),
        headline: headline.into(),
        summary: Rc::new([]),
        authors: Rc::new([]),
        published: None,
        modified: None,
        lead_image: None,
        body: Rc::new([]),
        related: Rc::new([]),
        tags: Rc::new([]),
        comments: None,
        share: None,
        audio: Rc::new([]),
        corrections: Rc::new([]),
        notes: Rc::new([]),
    }
}

/// Sets the article's language from a source value (`en_US` is read as `en-US`), and its
/// direction from the language.
pub(crate) fn set_language(
    f: &mut Fields,
    article: &mut Article,
    value: Option<&Json>,
    path: &Path,
) {
    let Some(tag) = text(f, value, path) else {
        return;
    };
    let tag = tag.replace('_', "-");
    if is_language_tag(&tag) {
        article.dir = Direction::for_lang(&tag);
        article.lang = Text::from(tag.as_str());
    } else {
        f.warn(path, "not a language tag; using \"en\"");
    }
}

/// A cell of a table from a source that has only text per cell.
pub(crate) fn cell(content: Option<Inline>, header: bool) -> Cell {
    Cell {
        content: content.unwrap_or_else(|| Inline(Rc::new([]))),
        header,
        colspan: 1,
        rowspan: 1,
        align: None,
    }
}

/// A table block from a source's head and body rows, at most [`MAX_TABLE_CELLS`] cells (the
/// rows after are left out with a warning); `None` when it has no rows.
pub(crate) fn table(
    f: &mut Fields,
    path: &Path,
    caption: Option<Inline>,
    head: Vec<Vec<Cell>>,
    rows: Vec<Vec<Cell>>,
) -> Option<Block> {
    let mut budget = MAX_TABLE_CELLS;
    let mut cut = false;
    let mut bounded = |rows: Vec<Vec<Cell>>| -> Vec<Row> {
        rows.into_iter()
            .filter(|r| !r.is_empty())
            .take_while(|r| {
                let fits = r.len() <= budget;
                budget = budget.saturating_sub(r.len());
                cut |= !fits;
                fits
            })
            .map(Row::from)
            .collect()
    };
    let head = bounded(head);
    let rows = bounded(rows);
    if cut {
        f.warn(
            path,
            format!("more than {MAX_TABLE_CELLS} cells; the rows after are left out"),
        );
    }
    (!rows.is_empty() || !head.is_empty()).then(|| Block::Table {
        table: Rc::new(Table {
            caption,
            head: head.into(),
            rows: rows.into(),
            foot: Rc::new([]),
        }),
    })
}

/// A gallery of the pictures read (at most [`MAX_GALLERY_IMAGES`]); a single picture stays an
/// image block, none gives nothing.
pub(crate) fn gallery(mut images: Vec<Image>, caption: Option<Inline>) -> Option<Block> {
    images.truncate(MAX_GALLERY_IMAGES);
    match images.len() {
        0 => None,
        1 if caption.is_none() => images.pop().map(|image| Block::Image { image }),
        _ => Some(Block::Gallery {
            gallery: Rc::new(Gallery {
                images: images.into(),
                caption,
            }),
        }),
    }
}

/// A video file's media type from its address, so a browser skips what it cannot play (an HLS
/// playlist plays in Safari, not in Chromium).
pub(crate) fn video_source(src: SafeUrl) -> VideoSource {
    let path = src.as_str().split(['?', '#']).next().unwrap_or_default();
    let extension = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    let mime = match extension.as_deref() {
        Some("mp4" | "m4v") => Some("video/mp4"),
        Some("webm") => Some("video/webm"),
        Some("m3u8") => Some("application/x-mpegURL"),
        Some("mov") => Some("video/quicktime"),
        _ => None,
    };
    VideoSource {
        src,
        mime: mime.map(Text::from),
    }
}

/// A video block from what a format gives; `None` without a file.
pub(crate) fn video(
    sources: Vec<VideoSource>,
    poster: Option<Image>,
    title: Option<String>,
    duration_seconds: Option<u64>,
    caption: Option<Inline>,
) -> Option<Block> {
    (!sources.is_empty()).then(|| Block::Video {
        video: Rc::new(Video {
            sources: sources.into(),
            poster,
            tracks: Rc::new([]),
            title: title.map(Text::from),
            duration_seconds,
            caption,
            credit: None,
        }),
    })
}

/// An ISO 8601 duration as schema.org writes it (`PT1M23S`, `PT1H2M`, `P0DT83S`, `PT83.5S`) in
/// whole seconds (a fraction is dropped; read by hand: float parsing would add kilobytes).
pub(crate) fn iso_duration(text: &str) -> Option<u64> {
    let time = text.trim().strip_prefix('P')?;
    let (days, time) = time.split_once('T').unwrap_or((time, ""));
    let mut seconds = 0u64;
    for (part, units) in [(days, "D"), (time, "HMS")] {
        let (mut number, mut fraction) = (None::<u64>, false);
        for c in part.chars() {
            if let Some(digit) = c.to_digit(10) {
                if !fraction {
                    number = Some(
                        number
                            .unwrap_or(0)
                            .checked_mul(10)?
                            .checked_add(digit.into())?,
                    );
                }
                continue;
            }
            if c == '.' || c == ',' {
                fraction = true;
                continue;
            }
            let unit = match (units.contains(c), c) {
                (true, 'D') => 86_400,
                (true, 'H') => 3600,
                (true, 'M') => 60,
                (true, 'S') => 1,
                _ => return None,
            };
            seconds = seconds.checked_add(number.take()?.checked_mul(unit)?)?;
            fraction = false;
        }
        if number.is_some() {
            return None;
        }
    }
    Some(seconds)
}
