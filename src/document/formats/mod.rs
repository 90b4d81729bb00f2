//! The documents publishers already have (spec §4): WordPress REST posts, JSON Feed items,
//! schema.org JSON-LD articles, Arc XP ANS stories, Ghost posts and Apple News Format articles,
//! each detected from its shape alone (or forced with `format`) and read into the same v1
//! [`Article`], so rendering, sharing, saving and every safety rule apply unchanged. Fields that
//! carry HTML go through the one allowlist of [`crate::document::html`].

mod ans;
mod apple;
mod ghost;
mod jsonfeed;
mod jsonld;
pub(crate) mod read;
mod wordpress;

use crate::core::json::Json;
use crate::core::model::{Article, Block, Direction, Inline};
use crate::document::fields::Fields;
use crate::document::path::Path;
use crate::document::FieldIssue;

/// The formats the reader reads; `format` / `?format=` names them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// Detected from the document's shape.
    #[default]
    Auto,
    V1,
    WordPress,
    JsonFeed,
    JsonLd,
    Ans,
    Ghost,
    AppleNews,
}

/// The publishers' formats in two groups, each read by an on-demand module of its own in the
/// browser, so a WordPress post (the commonest) does not bring the code of Apple News or ANS.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    /// WordPress, Ghost, JSON Feed: a few fields around an HTML body (the allowlist does the rest).
    HtmlBodies,
    /// Arc XP ANS, Apple News Format, schema.org JSON-LD: bodies made of typed elements.
    Structured,
}

impl Format {
    /// Every format with its name, in the order detection tries them.
    pub const ALL: [(Format, &'static str); 8] = [
        (Format::Auto, "auto"),
        (Format::V1, "v1"),
        (Format::WordPress, "wordpress"),
        (Format::JsonFeed, "jsonfeed"),
        (Format::JsonLd, "jsonld"),
        (Format::Ans, "ans"),
        (Format::Ghost, "ghost"),
        (Format::AppleNews, "applenews"),
    ];

    /// Reads a `format` value; unknown names are `Auto`.
    pub fn parse(name: &str) -> Format {
        let name = name.trim().to_ascii_lowercase();
        Format::ALL
            .iter()
            .find(|(_, n)| *n == name)
            .map_or(Format::Auto, |(format, _)| *format)
    }

    /// The name, as in `format` and the load event's detail.
    pub fn name(self) -> &'static str {
        Format::ALL
            .iter()
            .find(|(f, _)| *f == self)
            .map_or("auto", |(_, name)| name)
    }

    /// Which of the publishers' modules reads it; `None` for `Auto` and `V1`.
    pub fn family(self) -> Option<Family> {
        match self {
            Format::Auto | Format::V1 => None,
            Format::WordPress | Format::JsonFeed | Format::Ghost => Some(Family::HtmlBodies),
            Format::JsonLd | Format::Ans | Format::AppleNews => Some(Family::Structured),
        }
    }

    /// What the format is called in messages.
    pub fn title(self) -> &'static str {
        match self {
            Format::Auto | Format::V1 => "article format v1",
            Format::WordPress => "WordPress REST API",
            Format::JsonFeed => "JSON Feed",
            Format::JsonLd => "schema.org JSON-LD",
            Format::Ans => "Arc XP ANS",
            Format::Ghost => "Ghost Content API",
            Format::AppleNews => "Apple News Format",
        }
    }
}

/// Which format a parsed document is, from its shape alone; `None` for JSON that is none of them.
pub fn detect(value: &Json) -> Option<Format> {
    match value {
        Json::Object(_) => {}
        Json::Array(list) if list.first().is_some_and(Json::is_object) => {}
        // Not an object at all: v1's reader says "expected object".
        _ => return Some(Format::V1),
    }
    let version = value.get("version").and_then(Json::as_str);
    // Feeds in the wild write the version URL with http: or https:, or a bare number.
    let feed_url = |v: &str| {
        let v = v.trim();
        let rest = v
            .strip_prefix("https://")
            .or_else(|| v.strip_prefix("http://"))
            .unwrap_or(v);
        rest.to_ascii_lowercase()
            .starts_with("jsonfeed.org/version/")
    };
    if version.is_some_and(feed_url) {
        return Some(Format::JsonFeed);
    }
    if value.get("headline").and_then(Json::as_str).is_some() && value.get("body").is_some()
        || version == Some("1")
    {
        return Some(Format::V1);
    }
    // A JSON Feed by its shape: a list of items and no article of its own ("version": "1.0").
    if value.get("items").is_some_and(|i| i.as_array().is_some())
        && value.get("body").is_none()
        && value.get("headline").is_none()
    {
        return Some(Format::JsonFeed);
    }
    let first = match value {
        Json::Array(items) => items.first(),
        _ => Some(value),
    };
    if first.is_some_and(wordpress::is_post) {
        return Some(Format::WordPress);
    }
    if jsonld::is_jsonld(value) {
        return Some(Format::JsonLd);
    }
    if value.as_array().is_some() {
        // Only WordPress and JSON-LD answer with lists; v1's reader says "expected object".
        return Some(Format::V1);
    }
    if value.get("type").and_then(Json::as_str) == Some("story")
        || value.get("content_elements").is_some() && value.get("headlines").is_some()
    {
        return Some(Format::Ans);
    }
    if value.get("posts").is_some_and(|p| p.as_array().is_some()) || ghost::is_post(value) {
        return Some(Format::Ghost);
    }
    if value
        .get("components")
        .is_some_and(|c| c.as_array().is_some())
    {
        return Some(Format::AppleNews);
    }
    // A v1 document with its version missing or wrong still gets v1's precise messages.
    if value.get("headline").is_some() || value.get("body").is_some() || version.is_some() {
        return Some(Format::V1);
    }
    None
}

/// What an adapter found: the article, its body, and the headline if the source had one.
pub(crate) struct Adapted {
    pub article: Article,
    pub body: Vec<Block>,
    pub headline: Option<String>,
}

/// The format `value` is read as: `format` when forced, else the one detected; JSON that is no
/// article at all is refused here, with a message saying what it looks like.
pub(crate) fn resolve(value: &Json, format: Format) -> Result<Format, FieldIssue> {
    match format {
        Format::Auto => detect(value).ok_or_else(|| Path::Root.issue(unknown(value))),
        forced => Ok(forced),
    }
}

/// Reads `value` as the publisher's `format` (neither `Auto` nor `V1`: those are v1's reader) into
/// the v1 model; `item` picks a JSON Feed item by id.
pub(crate) fn adapt_publisher(
    f: &mut Fields,
    value: &Json,
    format: Format,
    item: Option<&str>,
) -> Result<Article, FieldIssue> {
    match format.family() {
        Some(Family::HtmlBodies) => adapt_html_bodies(f, value, format, item),
        Some(Family::Structured) => adapt_structured(f, value, format),
        None => Err(not_a_publishers(format)),
    }
}

/// [`adapt_publisher`] for the formats of [`Family::HtmlBodies`] only (their on-demand module).
pub(crate) fn adapt_html_bodies(
    f: &mut Fields,
    value: &Json,
    format: Format,
    item: Option<&str>,
) -> Result<Article, FieldIssue> {
    let adapted = match format {
        Format::WordPress => wordpress::article(f, value)?,
        Format::JsonFeed => jsonfeed::article(f, value, item)?,
        Format::Ghost => ghost::article(f, value)?,
        _ => return Err(not_a_publishers(format)),
    };
    finish(f, adapted, format)
}

/// [`adapt_publisher`] for the formats of [`Family::Structured`] only (their on-demand module).
pub(crate) fn adapt_structured(
    f: &mut Fields,
    value: &Json,
    format: Format,
) -> Result<Article, FieldIssue> {
    let adapted = match format {
        Format::JsonLd => jsonld::article(f, value)?,
        Format::Ans => ans::article(f, value)?,
        Format::AppleNews => apple::article(f, value)?,
        _ => return Err(not_a_publishers(format)),
    };
    finish(f, adapted, format)
}

/// What a format that is not read by the adapter it was given to is told.
fn not_a_publishers(format: Format) -> FieldIssue {
    Path::Root.issue(format!("a publisher's format, not {}", format.title()))
}

/// Sets the body, and stands the first words of the text in for a missing headline.
fn finish(f: &mut Fields, adapted: Adapted, format: Format) -> Result<Article, FieldIssue> {
    let Adapted {
        mut article,
        body,
        headline,
    } = adapted;
    let notes = f.take_notes();
    if !notes.is_empty() {
        article.notes = notes.into();
    }
    if headline.is_none() {
        let first_text = body
            .iter()
            .find_map(|block| match block {
                Block::Paragraph { content } | Block::Heading { content, .. } => {
                    Some(content.plain_text())
                }
                _ => None,
            })
            .or_else(|| article.summary.first().map(Inline::plain_text));
        let Some(text) = first_text else {
            return Err(Path::Root.issue(format!(
                "a {} document with neither a headline nor any text: there is nothing to show",
                format.title()
            )));
        };
        let words: Vec<&str> = text.split_whitespace().collect();
        let mut headline = words.iter().take(12).copied().collect::<Vec<_>>().join(" ");
        if words.len() > 12 {
            headline.push('…');
        }
        f.warn(
            &Path::Root,
            "no headline; the first words of the text stand in for it",
        );
        article.headline = headline.into();
    }
    if body.is_empty() {
        f.warn(
            &Path::Root,
            "no article text; only the headline and summary are shown",
        );
    }
    article.body = body.into();
    if article.dir == Direction::Auto {
        article.dir = crate::document::direction_of_text(&article);
    }
    Ok(article)
}

/// The message for JSON that is no article: what it looks like, and what is missing.
fn unknown(value: &Json) -> String {
    let shape = match value {
        Json::Object(members) => {
            let keys: Vec<&str> = members.iter().take(6).map(|(k, _)| &**k).collect();
            format!(
                "an object with {}",
                if keys.is_empty() {
                    "no fields".to_owned()
                } else {
                    keys.join(", ")
                }
            )
        }
        Json::Array(items) => format!("a list of {} values", items.len()),
        Json::String(_) => "a string".to_owned(),
        Json::Number(_) => "a number".to_owned(),
        Json::Bool(_) => "true or false".to_owned(),
        Json::Null => "null".to_owned(),
    };
    format!(
        "not an article: {shape}. The reader reads article format v1, WordPress posts, JSON Feed, schema.org JSON-LD articles, Arc XP ANS stories, Ghost posts and Apple News Format"
    )
}
