//! Validation: turns the text of a document into a checked [`Article`], or a [`DecodeError`] that
//! says whether the text is not JSON at all (with line and column) or which field is wrong
//! (`body[3].content: expected string or array`).
//!
//! The JSON is parsed by [`crate::core::json`] into a tree (nesting bounded at 128 levels: a stack
//! overflow in wasm cannot be recovered) and then walked by hand rather than derived, because the
//! reader needs the exact path and a plain-language message for every failure, unknown fields and
//! `_` extensions ignored, and unknown block types skipped with a warning instead of failing.
//!
//! - [`fields`]: the one set of combinators every reader of a format uses (required, optional,
//!   lists, addresses through the URL policy, warnings);
//! - [`path`]: field paths and the [`FieldIssue`] that carries one;
//! - [`v1`]: the article format v1;
//! - [`rich`]: which blocks are the rich elements of §7, read by a module of their own when the
//!   wasm is split.

pub(crate) mod fields;
pub mod formats;
pub mod html;
pub(crate) mod path;
pub mod rich;
pub(crate) mod v1;

use std::fmt;

use crate::core::json::{self, Json, JsonError};
use crate::core::model::{Article, Direction};
use formats::Format;

pub use path::FieldIssue;

/// Largest document accepted, in bytes of JSON text: far above any real article (a
/// 100,000-word article is under 1 MiB), low enough that a phone stays responsive.
pub const MAX_DOCUMENT_BYTES: usize = 4 * 1024 * 1024;
/// Most items in any one list (body blocks, related items, runs, list items): a 100,000-word
/// article has about 2,000 blocks.
pub const MAX_LIST_LENGTH: usize = 20_000;
/// Most cells in one table, head, body and foot together (cells count toward the item limit).
pub const MAX_TABLE_CELLS: usize = MAX_LIST_LENGTH;
/// Deepest nesting of boxes, details and lists inside each other; deeper parts are skipped with
/// a warning (real articles nest two or three levels).
pub const MAX_NESTING: usize = 8;

/// Why a document text is refused. Callers choose behaviour by the kind, never by the message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// The text is larger than [`MAX_DOCUMENT_BYTES`].
    TooLarge,
    /// The text is not JSON; where the parser stopped, and why.
    NotJson(JsonError),
    /// The text is JSON, but not a valid article: the first field that is wrong.
    Field(FieldIssue),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::TooLarge => write!(
                f,
                "document: larger than the {} MiB limit",
                MAX_DOCUMENT_BYTES / (1024 * 1024)
            ),
            DecodeError::NotJson(error) => write!(f, "document: not valid JSON ({error})"),
            DecodeError::Field(issue) => issue.fmt(f),
        }
    }
}

impl std::error::Error for DecodeError {}

impl From<FieldIssue> for DecodeError {
    fn from(issue: FieldIssue) -> Self {
        DecodeError::Field(issue)
    }
}

/// A checked document and what was skipped on the way.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    pub article: Article,
    pub warnings: Vec<FieldIssue>,
    /// The format the document was read as (detected, or forced).
    pub format: Format,
}

/// Parses and checks a document of any format the reader reads (detected from its shape). `base`
/// is the document's own URL, against which every address in it is resolved by the URL policy.
pub fn decode_str(text: &str, base: Option<&str>) -> Result<Decoded, DecodeError> {
    decode_with(text, base, Format::Auto, None)
}

/// As [`decode_str`], reading the document as `format` (`Auto` detects it); `item` picks a JSON
/// Feed item by its id.
pub fn decode_with(
    text: &str,
    base: Option<&str>,
    format: Format,
    item: Option<&str>,
) -> Result<Decoded, DecodeError> {
    match decode_first(text, base, format, item)? {
        Step::Done(decoded) => Ok(*decoded),
        Step::Publisher(document) => Ok(decode_publisher(document)?),
        Step::Rich(document) => Ok(decode_rich(document)?),
    }
}

/// Checks an already parsed document; see [`decode_str`].
pub fn decode_value(value: &Json, base: Option<&str>) -> Result<Decoded, FieldIssue> {
    decode_value_with(value, base, Format::Auto, None)
}

/// Checks an already parsed document; see [`decode_with`].
pub fn decode_value_with(
    value: &Json,
    base: Option<&str>,
    format: Format,
    item: Option<&str>,
) -> Result<Decoded, FieldIssue> {
    match first_step(value.clone(), base, format, item)? {
        Step::Done(decoded) => Ok(*decoded),
        Step::Publisher(document) => decode_publisher(document),
        Step::Rich(document) => decode_rich(document),
    }
}

/// The first step in the browser, where the publishers' formats are a module of their own: a v1
/// document is checked at once ([`Step::Done`]); any other is handed on whole ([`Step::Publisher`])
/// for [`decode_publisher`], so the main wasm never reaches their code.
pub fn decode_first(
    text: &str,
    base: Option<&str>,
    format: Format,
    item: Option<&str>,
) -> Result<Step, DecodeError> {
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(DecodeError::TooLarge);
    }
    let value = json::parse(text).map_err(DecodeError::NotJson)?;
    Ok(first_step(value, base, format, item)?)
}

/// [`decode_first`] for a parsed document.
fn first_step(
    value: Json,
    base: Option<&str>,
    format: Format,
    item: Option<&str>,
) -> Result<Step, FieldIssue> {
    Ok(match formats::resolve(&value, format)? {
        Format::V1 | Format::Auto if rich::needs_module(&value) => Step::Rich(RichDocument {
            value,
            base: base.map(str::to_owned),
        }),
        Format::V1 | Format::Auto => Step::Done(Box::new(decode_v1(&value, base)?)),
        format => Step::Publisher(PublisherDocument {
            value,
            base: base.map(str::to_owned),
            format,
            item: item.map(str::to_owned),
        }),
    })
}

/// What [`decode_first`] found.
#[derive(Debug)]
pub enum Step {
    /// A format v1 document, checked (boxed: the other variant is small).
    Done(Box<Decoded>),
    /// A document in a publisher's format, parsed and detected, not read yet.
    Publisher(PublisherDocument),
    /// A format v1 document with rich blocks (spec §7), parsed, to be read by [`decode_rich`]
    /// once the rich elements' module has come (split builds only).
    Rich(RichDocument),
}

/// A parsed format v1 document that waits for the rich elements' module.
#[derive(Debug)]
pub struct RichDocument {
    pub value: Json,
    pub base: Option<String>,
}

/// Reads a format v1 document that waited for the rich elements' module; if the module could
/// not come, its rich blocks are skipped with a warning each.
pub fn decode_rich(document: RichDocument) -> Result<Decoded, FieldIssue> {
    decode_v1(&document.value, document.base.as_deref())
}

/// A parsed document in one of the publishers' formats (spec §4), with what reading it needs.
#[derive(Debug)]
pub struct PublisherDocument {
    pub value: Json,
    pub base: Option<String>,
    /// The format it was detected as (or forced to): never `Auto` or `V1`.
    pub format: Format,
    pub item: Option<String>,
}

/// Reads a document in a publisher's format into the v1 model.
pub fn decode_publisher(document: PublisherDocument) -> Result<Decoded, FieldIssue> {
    decode_publisher_with(document, |f, value, format, item| {
        formats::adapt_publisher(f, value, format, item)
    })
}

/// [`decode_publisher`] for a format of [`formats::Family::HtmlBodies`] (that module's entry).
pub fn decode_html_bodies(document: PublisherDocument) -> Result<Decoded, FieldIssue> {
    decode_publisher_with(document, formats::adapt_html_bodies)
}

/// [`decode_publisher`] for a format of [`formats::Family::Structured`] (that module's entry).
pub fn decode_structured(document: PublisherDocument) -> Result<Decoded, FieldIssue> {
    decode_publisher_with(document, |f, value, format, _| {
        formats::adapt_structured(f, value, format)
    })
}

/// Reads `document` with `adapt`, the adapter of its format's module.
fn decode_publisher_with(
    document: PublisherDocument,
    adapt: impl FnOnce(&mut fields::Fields, &Json, Format, Option<&str>) -> Result<Article, FieldIssue>,
) -> Result<Decoded, FieldIssue> {
    let PublisherDocument {
        value,
        base,
        format,
        item,
    } = document;
    let mut fields = fields::Fields::new(base.as_deref());
    let article = adapt(&mut fields, &value, format, item.as_deref())?;
    Ok(Decoded {
        article,
        warnings: fields.into_warnings(),
        format,
    })
}

/// Checks a format v1 document.
fn decode_v1(value: &Json, base: Option<&str>) -> Result<Decoded, FieldIssue> {
    let mut fields = fields::Fields::new(base);
    let article = v1::article(&mut fields, value)?;
    Ok(Decoded {
        article,
        warnings: fields.into_warnings(),
        format: Format::V1,
    })
}

/// The direction of an article whose document names neither a language nor a direction: that
/// of its text (headline, then summary, then body), left to right when it has no letters.
pub(crate) fn direction_of_text(article: &Article) -> Direction {
    use crate::core::model::Block;
    let body = article.body.iter().find_map(|b| match b {
        Block::Paragraph { content } | Block::Heading { content, .. } => Some(content),
        _ => None,
    });
    std::iter::once(&*article.headline)
        .map(str::to_owned)
        .chain(article.summary.iter().chain(body).map(|i| i.plain_text()))
        .find_map(|t| Direction::of_text(&t))
        .unwrap_or(Direction::Ltr)
}

/// Whether `tag` has the shape of a BCP 47 language tag (letters, digits and hyphens, subtags of
/// 1 to 8 characters, a 2–8 letter language first). Only the shape: the browser knows the rest.
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let first_ok = parts
        .next()
        .is_some_and(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic()));
    first_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}
