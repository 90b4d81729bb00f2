//! The article format v1: every field of section 1 of the format, read with the combinators of
//! [`super::fields`].

use std::rc::Rc;

use super::fields::{array, clamp_u32, object, present, truncate, Fields, Result};
use super::is_language_tag;
use super::path::Path;
use crate::core::date::DocDate;
use crate::core::json::Json;
use crate::core::model::*;

/// The article of a format v1 document.
pub(crate) fn article(f: &mut Fields, value: &Json) -> Result<Article> {
    let root = Path::Root;
    let map = object(value, &root)?;
    let version = f.req(map, "version", &root, Fields::string)?;
    if &*version != "1" {
        return Err(root.field("version").issue(format!(
            "unsupported version \"{}\" (this reader reads version \"1\")",
            truncate(&version)
        )));
    }
    let lang = match f.opt(map, "lang", &root, Fields::string)? {
        Some(tag) if is_language_tag(&tag) => tag,
        Some(_) => {
            f.warn(&root.field("lang"), "not a language tag; using \"en\"");
            "en".into()
        }
        None => "en".into(),
    };
    let dir = f
        .opt(map, "dir", &root, Fields::string)?
        .map(|d| d.to_ascii_lowercase());
    let dir = match dir.as_deref() {
        None => Direction::for_lang(&lang),
        Some("ltr") => Direction::Ltr,
        Some("rtl") => Direction::Rtl,
        Some("auto") => Direction::Auto,
        Some(_) => {
            f.warn(
                &root.field("dir"),
                "expected \"ltr\", \"rtl\" or \"auto\"; using the language's direction",
            );
            Direction::for_lang(&lang)
        }
    };
    Ok(Article {
        version,
        id: f.opt(map, "id", &root, Fields::string)?,
        url: f.opt_url(map, "url", &root)?,
        lang,
        dir,
        site: f.opt(map, "site", &root, site)?,
        section: f.opt_list(map, "section", &root, crumb)?,
        headline: f.req(map, "headline", &root, Fields::string)?,
        summary: f.opt_list(map, "summary", &root, inline)?,
        authors: f.opt_list(map, "authors", &root, author)?,
        published: f.opt(map, "published", &root, date)?,
        modified: f.opt(map, "modified", &root, date)?,
        lead_image: f.opt(map, "lead_image", &root, image)?,
        body: body(f, map, &root)?,
        related: f.opt_list(map, "related", &root, related)?,
        tags: f.opt_list(map, "tags", &root, Fields::string)?,
        comments: f.opt(map, "comments", &root, comments)?,
        share: f.opt(map, "share", &root, share)?,
        audio: f.opt_list(map, "audio", &root, audio_track)?,
    })
}

fn body(f: &mut Fields, map: &Json, root: &Path) -> Result<Rc<[Block]>> {
    let path = root.field("body");
    let items = match map.get("body") {
        None | Some(Json::Null) => return Err(path.issue("missing (the article text)")),
        Some(v) => array(v, &path)?,
    };
    let mut blocks = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        if let Some(block) = block(f, item, &path.index(i))? {
            blocks.push(block);
        }
    }
    Ok(blocks.into())
}

/// One body block; `None` for an unknown type, which is skipped with a warning.
fn block(f: &mut Fields, value: &Json, path: &Path) -> Result<Option<Block>> {
    let map = object(value, path)?;
    let kind = f.req(map, "type", path, Fields::string)?;
    let block = match &*kind {
        "paragraph" => Block::Paragraph {
            content: content(f, map, path)?,
        },
        "heading" => Block::Heading {
            level: heading_level(f, map, path)?,
            content: content(f, map, path)?,
        },
        "image" => Block::Image {
            image: f.req(map, "image", path, image)?,
        },
        "quote" => Block::Quote {
            content: content(f, map, path)?,
            cite: f.opt(map, "cite", path, Fields::string)?,
            pull: f.opt(map, "pull", path, Fields::boolean)?.unwrap_or(false),
        },
        "list" => Block::List {
            ordered: f
                .opt(map, "ordered", path, Fields::boolean)?
                .unwrap_or(false),
            items: f.req_list(map, "items", path, inline)?,
        },
        "related_link" => Block::RelatedLink {
            headline: f.req(map, "headline", path, Fields::string)?,
            url: f.req_url(map, "url", path)?,
            image: f.opt(map, "image", path, image)?,
            label: f.opt(map, "label", path, Fields::string)?,
        },
        "divider" => Block::Divider,
        "audio" => Block::Audio {
            src: f.req_url(map, "src", path)?,
            title: f.opt(map, "title", path, Fields::string)?,
        },
        "embed" => Block::Embed {
            url: f.req_url(map, "url", path)?,
            title: f.opt(map, "title", path, Fields::string)?,
            provider: f.opt(map, "provider", path, Fields::string)?,
        },
        other => {
            f.warn(
                path,
                format!("unknown block type \"{}\" skipped", truncate(other)),
            );
            return Ok(None);
        }
    };
    Ok(Some(block))
}

fn content(f: &mut Fields, map: &Json, path: &Path) -> Result<Inline> {
    f.req(map, "content", path, inline)
}

fn heading_level(f: &mut Fields, map: &Json, path: &Path) -> Result<u8> {
    let level = f
        .opt(map, "level", path, Fields::whole_number)?
        .unwrap_or(2);
    if (2..=4).contains(&level) {
        return Ok(level as u8);
    }
    f.warn(
        &path.field("level"),
        "heading levels are 2 to 4; using the nearest",
    );
    Ok(level.clamp(2, 4) as u8)
}

fn inline(f: &mut Fields, value: &Json, path: &Path) -> Result<Inline> {
    match value {
        Json::String(s) => Ok(Inline(Rc::new([Run {
            text: (&**s).into(),
            marks: Marks::default(),
            href: None,
        }]))),
        Json::Array(_) => Ok(Inline(f.list(value, path, run)?)),
        _ => Err(path.issue("expected string or array")),
    }
}

fn run(f: &mut Fields, value: &Json, path: &Path) -> Result<Run> {
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
            let name = f.string(mark, &marks_path.index(i))?;
            // Unknown marks are ignored, as the format says.
            if let Some(mark) = Mark::from_name(&name) {
                marks = marks.with(mark);
            }
        }
    }
    Ok(Run {
        text: f.req(map, "text", path, Fields::string)?,
        marks,
        href: f.opt_url(map, "href", path)?,
    })
}

fn image(f: &mut Fields, value: &Json, path: &Path) -> Result<Image> {
    let map = object(value, path)?;
    let srcset = f.opt_list(map, "srcset", path, |d, v, p| {
        let entry = object(v, p)?;
        let src = d.req_url(entry, "src", p)?;
        let width = d.req(entry, "width", p, Fields::whole_number)?;
        Ok(src.map(|src| SrcsetEntry {
            src,
            width: clamp_u32(width),
        }))
    })?;
    Ok(Image {
        src: f.req_url(map, "src", path)?,
        alt: match f.opt(map, "alt", path, Fields::string)? {
            Some(alt) => alt,
            None => {
                // Required by the format, but a picture without a description is still worth
                // showing: it is treated as decorative and the publisher warned.
                f.warn(
                    &path.field("alt"),
                    "missing; the picture is treated as decorative",
                );
                "".into()
            }
        },
        width: f
            .opt(map, "width", path, Fields::whole_number)?
            .map(clamp_u32),
        height: f
            .opt(map, "height", path, Fields::whole_number)?
            .map(clamp_u32),
        srcset: srcset.iter().flatten().cloned().collect(),
        caption: f.opt(map, "caption", path, inline)?,
        credit: f.opt(map, "credit", path, |d, v, p| {
            let credit = object(v, p)?;
            Ok(Credit {
                text: d.req(credit, "text", p, Fields::string)?,
                url: d.opt_url(credit, "url", p)?,
                license: d.opt(credit, "license", p, Fields::string)?,
            })
        })?,
        link: f.opt_url(map, "link", path)?,
    })
}

fn site(f: &mut Fields, value: &Json, path: &Path) -> Result<Site> {
    let map = object(value, path)?;
    let logo = match present(map, "logo") {
        // The format leaves `logo` open: an address, or an image object with `src`.
        Some(image @ Json::Object(_)) => f.req_url(image, "src", &path.field("logo"))?,
        Some(_) => f.opt_url(map, "logo", path)?,
        None => None,
    };
    Ok(Site {
        name: f.req(map, "name", path, Fields::string)?,
        url: f.opt_url(map, "url", path)?,
        logo,
    })
}

fn crumb(f: &mut Fields, value: &Json, path: &Path) -> Result<Crumb> {
    let map = object(value, path)?;
    Ok(Crumb {
        name: f.req(map, "name", path, Fields::string)?,
        url: f.opt_url(map, "url", path)?,
    })
}

fn author(f: &mut Fields, value: &Json, path: &Path) -> Result<Author> {
    let map = object(value, path)?;
    Ok(Author {
        name: f.req(map, "name", path, Fields::string)?,
        url: f.opt_url(map, "url", path)?,
        avatar: f.opt_url(map, "avatar", path)?,
    })
}

fn related(f: &mut Fields, value: &Json, path: &Path) -> Result<Related> {
    let map = object(value, path)?;
    Ok(Related {
        headline: f.req(map, "headline", path, Fields::string)?,
        url: f.req_url(map, "url", path)?,
        image: f.opt(map, "image", path, image)?,
        section: f.opt(map, "section", path, Fields::string)?,
        published: f.opt(map, "published", path, date)?,
        summary: f.opt(map, "summary", path, Fields::string)?,
    })
}

/// A date field: text is required; text that is not RFC 3339 is kept as written, with a
/// warning (it is shown as the publisher wrote it, without a machine-readable date).
fn date(f: &mut Fields, value: &Json, path: &Path) -> Result<DocDate> {
    let date = DocDate::from_text(&f.string(value, path)?);
    if date.checked().is_none() {
        f.warn(
            path,
            "not an RFC 3339 date such as 2019-07-21 or 2019-07-21T14:05:00Z; shown as written",
        );
    }
    Ok(date)
}

fn comments(f: &mut Fields, value: &Json, path: &Path) -> Result<Comments> {
    let map = object(value, path)?;
    Ok(Comments {
        count: f.req(map, "count", path, Fields::whole_number)?,
        url: f.opt_url(map, "url", path)?,
    })
}

fn share(f: &mut Fields, value: &Json, path: &Path) -> Result<ShareParams> {
    let map = object(value, path)?;
    let hashtags = f.opt_list(map, "hashtags", path, |d, v, p| {
        let tag = d.string(v, p)?;
        Ok(Text::from(tag.trim_start_matches('#')))
    })?;
    Ok(ShareParams {
        text: f.opt(map, "text", path, Fields::string)?,
        hashtags,
        via: f.opt(map, "via", path, |d, v, p| {
            Ok(Text::from(d.string(v, p)?.trim_start_matches('@')))
        })?,
    })
}

fn audio_track(f: &mut Fields, value: &Json, path: &Path) -> Result<AudioTrack> {
    let map = object(value, path)?;
    let kind = match f.opt(map, "kind", path, Fields::string)? {
        Some(kind) if matches!(&*kind, "narration" | "live" | "podcast") => Some(kind),
        Some(_) => {
            f.warn(
                &path.field("kind"),
                "expected \"narration\", \"live\" or \"podcast\"; ignored",
            );
            None
        }
        None => None,
    };
    Ok(AudioTrack {
        src: f.req_url(map, "src", path)?,
        title: f.opt(map, "title", path, Fields::string)?,
        kind,
        duration_seconds: f.opt(map, "duration_seconds", path, Fields::whole_number)?,
    })
}
