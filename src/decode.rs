//! Validation: turns the text of a document into a checked [`Article`] or a [`FieldIssue`] that
//! names the failing field path (`body[3].content: expected string or array`).
//!
//! The JSON is parsed by [`crate::json`] into a tree (nesting bounded at 128 levels: a stack
//! overflow in wasm cannot be recovered) and then walked by hand rather than derived, because the
//! reader needs the exact path and a plain-language message for every failure, unknown fields and
//! `_` extensions ignored, and unknown block types skipped with a warning instead of failing.

use std::fmt;
use std::rc::Rc;

use crate::date::DocDate;
use crate::json::{self, Json};
use crate::model::*;
use crate::url_policy::{self, SafeUrl, UrlUse};

/// Largest document accepted, in bytes of JSON text: far above any real article (a
/// 100,000-word article is under 1 MiB), low enough that a phone stays responsive.
pub const MAX_DOCUMENT_BYTES: usize = 4 * 1024 * 1024;
/// Most items in any one list (body blocks, related items, runs, list items): a 100,000-word
/// article has about 2,000 blocks.
pub const MAX_LIST_LENGTH: usize = 20_000;

/// A problem with one field of a document: an error (the document is refused) or a warning (the
/// field was skipped and the rest is shown).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldIssue {
    /// Where: `body[3].content`, or empty for the document as a whole.
    pub path: String,
    /// What, in words a publisher understands: `expected string or array`.
    pub message: String,
}

impl fmt::Display for FieldIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "document: {}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for FieldIssue {}

/// A checked document and what was skipped on the way.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    pub article: Article,
    pub warnings: Vec<FieldIssue>,
}

/// Parses and checks a document. `base` is the document's own URL, against which every address in
/// it is resolved by the URL policy.
pub fn decode_str(text: &str, base: Option<&str>) -> Result<Decoded> {
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(FieldIssue {
            path: String::new(),
            message: format!(
                "larger than the {} MiB limit",
                MAX_DOCUMENT_BYTES / (1024 * 1024)
            ),
        });
    }
    let value = json::parse(text).map_err(|e| FieldIssue {
        path: String::new(),
        message: format!("not valid JSON ({e})"),
    })?;
    decode_value(&value, base)
}

/// Checks an already parsed document; see [`decode_str`].
pub fn decode_value(value: &Json, base: Option<&str>) -> Result<Decoded> {
    let mut decoder = Decoder {
        base,
        warnings: Vec::new(),
    };
    let article = decoder.article(value)?;
    Ok(Decoded {
        article,
        warnings: decoder.warnings,
    })
}

/// A field path, built on the stack as the walk descends.
#[derive(Clone, Copy)]
enum Path<'a> {
    Root,
    Field(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl Path<'_> {
    fn field<'b>(&'b self, name: &'b str) -> Path<'b> {
        Path::Field(self, name)
    }

    fn index(&self, i: usize) -> Path<'_> {
        Path::Index(self, i)
    }

    fn issue(&self, message: impl Into<String>) -> FieldIssue {
        FieldIssue {
            path: self.to_string(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root => Ok(()),
            Path::Field(Path::Root, name) => f.write_str(name),
            Path::Field(parent, name) => write!(f, "{parent}.{name}"),
            Path::Index(parent, i) => write!(f, "{parent}[{i}]"),
        }
    }
}

type Result<T> = std::result::Result<T, FieldIssue>;

/// What a field holds once `null` is read as "absent" (publishers' tools often write nulls).
fn present<'v>(map: &'v Json, key: &str) -> Option<&'v Json> {
    map.get(key).filter(|v| !v.is_null())
}

struct Decoder<'b> {
    base: Option<&'b str>,
    warnings: Vec<FieldIssue>,
}

impl Decoder<'_> {
    fn warn(&mut self, path: &Path, message: impl Into<String>) {
        self.warnings.push(path.issue(message));
    }

    fn article(&mut self, value: &Json) -> Result<Article> {
        let root = Path::Root;
        let map = object(value, &root)?;
        let version = required(map, "version", &root, string)?;
        if &*version != "1" {
            return Err(root.field("version").issue(format!(
                "unsupported version \"{}\" (this reader reads version \"1\")",
                truncate(&version)
            )));
        }
        let lang = match optional(map, "lang", &root, string)? {
            Some(tag) if is_language_tag(&tag) => tag,
            Some(_) => {
                self.warn(&root.field("lang"), "not a language tag; using \"en\"");
                "en".into()
            }
            None => "en".into(),
        };
        let dir = optional(map, "dir", &root, string)?.map(|d| d.to_ascii_lowercase());
        let dir = match dir.as_deref() {
            None => Direction::for_lang(&lang),
            Some("ltr") => Direction::Ltr,
            Some("rtl") => Direction::Rtl,
            Some("auto") => Direction::Auto,
            Some(_) => {
                self.warn(
                    &root.field("dir"),
                    "expected \"ltr\", \"rtl\" or \"auto\"; using the language's direction",
                );
                Direction::for_lang(&lang)
            }
        };
        Ok(Article {
            version,
            id: optional(map, "id", &root, string)?,
            url: self.opt_url(map, "url", &root)?,
            lang,
            dir,
            site: self.opt(map, "site", &root, Self::site)?,
            section: self.opt_list(map, "section", &root, Self::crumb)?,
            headline: required(map, "headline", &root, string)?,
            summary: self.opt_list(map, "summary", &root, Self::inline)?,
            authors: self.opt_list(map, "authors", &root, Self::author)?,
            published: self.opt(map, "published", &root, Self::date)?,
            modified: self.opt(map, "modified", &root, Self::date)?,
            lead_image: self.opt(map, "lead_image", &root, Self::image)?,
            body: self.body(map, &root)?,
            related: self.opt_list(map, "related", &root, Self::related)?,
            tags: self.opt_list(map, "tags", &root, |_, v, p| string(v, p))?,
            comments: self.opt(map, "comments", &root, Self::comments)?,
            share: self.opt(map, "share", &root, Self::share)?,
            audio: self.opt_list(map, "audio", &root, Self::audio_track)?,
        })
    }

    fn body(&mut self, map: &Json, root: &Path) -> Result<Rc<[Block]>> {
        let path = root.field("body");
        let items = match map.get("body") {
            None | Some(Json::Null) => return Err(path.issue("missing (the article text)")),
            Some(v) => array(v, &path)?,
        };
        let mut blocks = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            if let Some(block) = self.block(item, &path.index(i))? {
                blocks.push(block);
            }
        }
        Ok(blocks.into())
    }

    /// One body block; `None` for an unknown type, which is skipped with a warning.
    fn block(&mut self, value: &Json, path: &Path) -> Result<Option<Block>> {
        let map = object(value, path)?;
        let kind = required(map, "type", path, string)?;
        let block = match &*kind {
            "paragraph" => Block::Paragraph {
                content: self.content(map, path)?,
            },
            "heading" => Block::Heading {
                level: self.heading_level(map, path)?,
                content: self.content(map, path)?,
            },
            "image" => Block::Image {
                image: self.req(map, "image", path, Self::image)?,
            },
            "quote" => Block::Quote {
                content: self.content(map, path)?,
                cite: optional(map, "cite", path, string)?,
                pull: optional(map, "pull", path, boolean)?.unwrap_or(false),
            },
            "list" => Block::List {
                ordered: optional(map, "ordered", path, boolean)?.unwrap_or(false),
                items: self.req_list(map, "items", path, Self::inline)?,
            },
            "related_link" => Block::RelatedLink {
                headline: required(map, "headline", path, string)?,
                url: self.req_url(map, "url", path)?,
                image: self.opt(map, "image", path, Self::image)?,
                label: optional(map, "label", path, string)?,
            },
            "divider" => Block::Divider,
            "audio" => Block::Audio {
                src: self.req_url(map, "src", path)?,
                title: optional(map, "title", path, string)?,
            },
            "embed" => Block::Embed {
                url: self.req_url(map, "url", path)?,
                title: optional(map, "title", path, string)?,
                provider: optional(map, "provider", path, string)?,
            },
            other => {
                self.warn(
                    path,
                    format!("unknown block type \"{}\" skipped", truncate(other)),
                );
                return Ok(None);
            }
        };
        Ok(Some(block))
    }

    fn content(&mut self, map: &Json, path: &Path) -> Result<Inline> {
        self.req(map, "content", path, Self::inline)
    }

    fn heading_level(&mut self, map: &Json, path: &Path) -> Result<u8> {
        let level = optional(map, "level", path, whole_number)?.unwrap_or(2);
        if (2..=4).contains(&level) {
            return Ok(level as u8);
        }
        self.warn(
            &path.field("level"),
            "heading levels are 2 to 4; using the nearest",
        );
        Ok(level.clamp(2, 4) as u8)
    }

    fn inline(&mut self, value: &Json, path: &Path) -> Result<Inline> {
        match value {
            Json::String(s) => Ok(Inline(Rc::new([Run {
                text: (&**s).into(),
                marks: Marks::default(),
                href: None,
            }]))),
            Json::Array(_) => {
                let runs = array(value, path)?;
                let mut out = Vec::with_capacity(runs.len());
                for (i, run) in runs.iter().enumerate() {
                    out.push(self.run(run, &path.index(i))?);
                }
                Ok(Inline(out.into()))
            }
            _ => Err(path.issue("expected string or array")),
        }
    }

    fn run(&mut self, value: &Json, path: &Path) -> Result<Run> {
        let map = match value {
            Json::String(s) => {
                return Ok(Run {
                    text: (&**s).into(),
                    marks: Marks::default(),
                    href: None,
                })
            }
            Json::Object(_) => value,
            _ => return Err(path.issue("expected string or object")),
        };
        let mut marks = Marks::default();
        if let Some(list) = present(map, "marks") {
            let marks_path = path.field("marks");
            for (i, mark) in array(list, &marks_path)?.iter().enumerate() {
                let name = string(mark, &marks_path.index(i))?;
                // Unknown marks are ignored, as the format says.
                if let Some(mark) = Mark::from_name(&name) {
                    marks = marks.with(mark);
                }
            }
        }
        Ok(Run {
            text: required(map, "text", path, string)?,
            marks,
            href: self.opt_url(map, "href", path)?,
        })
    }

    fn image(&mut self, value: &Json, path: &Path) -> Result<Image> {
        let map = object(value, path)?;
        let srcset = self.opt_list(map, "srcset", path, |d, v, p| {
            let entry = object(v, p)?;
            let src = d.req_url(entry, "src", p)?;
            let width = required(entry, "width", p, whole_number)?;
            Ok(src.map(|src| SrcsetEntry {
                src,
                width: clamp_u32(width),
            }))
        })?;
        Ok(Image {
            src: self.req_url(map, "src", path)?,
            alt: match optional(map, "alt", path, string)? {
                Some(alt) => alt,
                None => {
                    // Required by the format, but a picture without a description is still worth
                    // showing: it is treated as decorative and the publisher warned.
                    self.warn(
                        &path.field("alt"),
                        "missing; the picture is treated as decorative",
                    );
                    "".into()
                }
            },
            width: optional(map, "width", path, whole_number)?.map(clamp_u32),
            height: optional(map, "height", path, whole_number)?.map(clamp_u32),
            srcset: srcset.iter().flatten().cloned().collect(),
            caption: self.opt(map, "caption", path, Self::inline)?,
            credit: self.opt(map, "credit", path, |d, v, p| {
                let credit = object(v, p)?;
                Ok(Credit {
                    text: required(credit, "text", p, string)?,
                    url: d.opt_url(credit, "url", p)?,
                    license: optional(credit, "license", p, string)?,
                })
            })?,
            link: self.opt_url(map, "link", path)?,
        })
    }

    fn site(&mut self, value: &Json, path: &Path) -> Result<Site> {
        let map = object(value, path)?;
        let logo = match present(map, "logo") {
            // The format leaves `logo` open: an address, or an image object with `src`.
            Some(image @ Json::Object(_)) => self.req_url(image, "src", &path.field("logo"))?,
            Some(_) => self.opt_url(map, "logo", path)?,
            None => None,
        };
        Ok(Site {
            name: required(map, "name", path, string)?,
            url: self.opt_url(map, "url", path)?,
            logo,
        })
    }

    fn crumb(&mut self, value: &Json, path: &Path) -> Result<Crumb> {
        let map = object(value, path)?;
        Ok(Crumb {
            name: required(map, "name", path, string)?,
            url: self.opt_url(map, "url", path)?,
        })
    }

    fn author(&mut self, value: &Json, path: &Path) -> Result<Author> {
        let map = object(value, path)?;
        Ok(Author {
            name: required(map, "name", path, string)?,
            url: self.opt_url(map, "url", path)?,
            avatar: self.opt_url(map, "avatar", path)?,
        })
    }

    fn related(&mut self, value: &Json, path: &Path) -> Result<Related> {
        let map = object(value, path)?;
        Ok(Related {
            headline: required(map, "headline", path, string)?,
            url: self.req_url(map, "url", path)?,
            image: self.opt(map, "image", path, Self::image)?,
            section: optional(map, "section", path, string)?,
            published: self.opt(map, "published", path, Self::date)?,
            summary: optional(map, "summary", path, string)?,
        })
    }

    /// A date field: text is required; text that is not RFC 3339 is kept as written, with a
    /// warning (it is shown as the publisher wrote it, without a machine-readable date).
    fn date(&mut self, value: &Json, path: &Path) -> Result<DocDate> {
        let date = DocDate::from_text(&string(value, path)?);
        if date.checked().is_none() {
            self.warn(
                path,
                "not an RFC 3339 date such as 2019-07-21 or 2019-07-21T14:05:00Z; shown as written",
            );
        }
        Ok(date)
    }

    fn comments(&mut self, value: &Json, path: &Path) -> Result<Comments> {
        let map = object(value, path)?;
        Ok(Comments {
            count: required(map, "count", path, whole_number)?,
            url: self.opt_url(map, "url", path)?,
        })
    }

    fn share(&mut self, value: &Json, path: &Path) -> Result<ShareParams> {
        let map = object(value, path)?;
        let hashtags = self.opt_list(map, "hashtags", path, |_, v, p| {
            let tag = string(v, p)?;
            Ok(Text::from(tag.trim_start_matches('#')))
        })?;
        Ok(ShareParams {
            text: optional(map, "text", path, string)?,
            hashtags,
            via: optional(map, "via", path, |v, p| {
                Ok(Text::from(string(v, p)?.trim_start_matches('@')))
            })?,
        })
    }

    fn audio_track(&mut self, value: &Json, path: &Path) -> Result<AudioTrack> {
        let map = object(value, path)?;
        let kind = match optional(map, "kind", path, string)? {
            Some(kind) if matches!(&*kind, "narration" | "live" | "podcast") => Some(kind),
            Some(_) => {
                self.warn(
                    &path.field("kind"),
                    "expected \"narration\", \"live\" or \"podcast\"; ignored",
                );
                None
            }
            None => None,
        };
        Ok(AudioTrack {
            src: self.req_url(map, "src", path)?,
            title: optional(map, "title", path, string)?,
            kind,
            duration_seconds: optional(map, "duration_seconds", path, whole_number)?,
        })
    }

    /// An optional address: must be a string when present; one the URL policy refuses is dropped
    /// with a warning (the text around it still shows).
    fn opt_url(&mut self, map: &Json, key: &str, path: &Path) -> Result<Option<SafeUrl>> {
        let path = path.field(key);
        let Some(value) = present(map, key) else {
            return Ok(None);
        };
        let raw = string(value, &path)?;
        let url = url_policy::resolve(&raw, self.base, UrlUse::Web);
        if url.is_none() {
            self.warn(&path, "not an http or https address; dropped");
        }
        Ok(url)
    }

    /// A required address: missing or mistyped is an error, a refused one is dropped as above.
    fn req_url(&mut self, map: &Json, key: &str, path: &Path) -> Result<Option<SafeUrl>> {
        if present(map, key).is_none() {
            return Err(path.field(key).issue("missing"));
        }
        self.opt_url(map, key, path)
    }

    fn opt<T>(
        &mut self,
        map: &Json,
        key: &str,
        path: &Path,
        read: impl FnOnce(&mut Self, &Json, &Path) -> Result<T>,
    ) -> Result<Option<T>> {
        present(map, key)
            .map(|v| read(self, v, &path.field(key)))
            .transpose()
    }

    fn req<T>(
        &mut self,
        map: &Json,
        key: &str,
        path: &Path,
        read: impl FnOnce(&mut Self, &Json, &Path) -> Result<T>,
    ) -> Result<T> {
        let field = path.field(key);
        let value = present(map, key).ok_or_else(|| field.issue("missing"))?;
        read(self, value, &field)
    }

    fn opt_list<T>(
        &mut self,
        map: &Json,
        key: &str,
        path: &Path,
        read: impl FnMut(&mut Self, &Json, &Path) -> Result<T>,
    ) -> Result<Rc<[T]>> {
        match present(map, key) {
            None => Ok(Rc::new([])),
            Some(value) => self.list(value, &path.field(key), read),
        }
    }

    fn req_list<T>(
        &mut self,
        map: &Json,
        key: &str,
        path: &Path,
        read: impl FnMut(&mut Self, &Json, &Path) -> Result<T>,
    ) -> Result<Rc<[T]>> {
        let field = path.field(key);
        let value = present(map, key).ok_or_else(|| field.issue("missing"))?;
        self.list(value, &field, read)
    }

    fn list<T>(
        &mut self,
        value: &Json,
        path: &Path,
        mut read: impl FnMut(&mut Self, &Json, &Path) -> Result<T>,
    ) -> Result<Rc<[T]>> {
        let items = array(value, path)?;
        items
            .iter()
            .enumerate()
            .map(|(i, item)| read(self, item, &path.index(i)))
            .collect()
    }
}

fn object<'v>(value: &'v Json, path: &Path) -> Result<&'v Json> {
    if value.is_object() {
        Ok(value)
    } else {
        Err(path.issue("expected object"))
    }
}

fn array<'v>(value: &'v Json, path: &Path) -> Result<&'v [Json]> {
    let items = value
        .as_array()
        .ok_or_else(|| path.issue("expected array"))?;
    if items.len() > MAX_LIST_LENGTH {
        return Err(path.issue(format!("more than {MAX_LIST_LENGTH} items")));
    }
    Ok(items)
}

fn string(value: &Json, path: &Path) -> Result<Text> {
    value
        .as_str()
        .map(Text::from)
        .ok_or_else(|| path.issue("expected string"))
}

fn boolean(value: &Json, path: &Path) -> Result<bool> {
    value
        .as_bool()
        .ok_or_else(|| path.issue("expected true or false"))
}

fn whole_number(value: &Json, path: &Path) -> Result<u64> {
    value
        .as_whole_number()
        .ok_or_else(|| path.issue("expected a whole number, 0 or more"))
}

fn required<T>(
    map: &Json,
    key: &str,
    path: &Path,
    read: impl FnOnce(&Json, &Path) -> Result<T>,
) -> Result<T> {
    let field = path.field(key);
    let value = present(map, key).ok_or_else(|| field.issue("missing"))?;
    read(value, &field)
}

fn optional<T>(
    map: &Json,
    key: &str,
    path: &Path,
    read: impl FnOnce(&Json, &Path) -> Result<T>,
) -> Result<Option<T>> {
    present(map, key)
        .map(|v| read(v, &path.field(key)))
        .transpose()
}

fn clamp_u32(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A shortened copy of a document value for a message, so a hostile megabyte never fills the view.
fn truncate(text: &str) -> String {
    match text.char_indices().nth(40) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
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
