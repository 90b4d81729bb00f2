//! The article format v1: every field of section 1 of the format, read with the combinators of
//! [`super::fields`].

use std::rc::Rc;

use super::fields::{array, clamp_u32, object, present, truncate, Fields, Result};
use super::path::Path;
use super::rich;
use super::{is_language_tag, MAX_TABLE_CELLS};
use crate::core::date::DocDate;
use crate::core::json::Json;
use crate::core::model::*;
use crate::core::players;

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
    // Neither a language nor a direction named: the direction is the text's, once it is read.
    let from_text = dir.is_none() && present(map, "lang").is_none();
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
    let mut article = Article {
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
        corrections: f.opt_list(map, "corrections", &root, note)?,
        notes: footnotes(f, map, &root)?,
    };
    if from_text {
        article.dir = super::direction_of_text(&article);
    }
    Ok(article)
}

/// The footnotes; an id given twice keeps its first note. Then every reference to a note that
/// is not there is warned of (it shows as text).
fn footnotes(f: &mut Fields, map: &Json, root: &Path) -> Result<Rc<[Footnote]>> {
    let path = root.field("notes");
    let mut notes: Vec<Footnote> = Vec::new();
    if let Some(list) = present(map, "notes") {
        for (i, item) in array(list, &path)?.iter().enumerate() {
            let at = path.index(i);
            let entry = object(item, &at)?;
            let id = f.req(entry, "id", &at, Fields::string)?;
            let content = f.req(entry, "content", &at, inline)?;
            if notes.iter().any(|n| n.id == id) {
                f.warn(&at.field("id"), "a second note with this id; skipped");
                continue;
            }
            notes.push(Footnote { id, content });
        }
    }
    f.check_note_refs(|id| notes.iter().any(|n| &*n.id == id));
    Ok(notes.into())
}

fn body(f: &mut Fields, map: &Json, root: &Path) -> Result<Rc<[Block]>> {
    let path = root.field("body");
    match map.get("body") {
        None | Some(Json::Null) => Err(path.issue("missing (the article text)")),
        Some(v) => blocks(f, v, &path, false),
    }
}

/// A list of blocks; unknown types are skipped. Inside a box (`in_aside`) a box is skipped too,
/// with a warning: the format has no box in a box.
fn blocks(f: &mut Fields, value: &Json, path: &Path, in_aside: bool) -> Result<Rc<[Block]>> {
    let items = array(value, path)?;
    let mut blocks = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let at = path.index(i);
        match block(f, item, &at)? {
            Some(Block::Aside { .. }) if in_aside => f.warn(
                &at,
                "a box inside a box; skipped (its blocks are not shown)",
            ),
            Some(block) => blocks.push(block),
            None => {}
        }
    }
    Ok(blocks.into())
}

/// The blocks of a box or details, one level deeper; none past the nesting bound.
fn nested_blocks(f: &mut Fields, map: &Json, path: &Path, in_aside: bool) -> Result<Rc<[Block]>> {
    f.req(map, "blocks", path, |f, value, field| {
        Ok(f.nested(field, |f| blocks(f, value, field, in_aside))?
            .unwrap_or_else(|| Rc::new([])))
    })
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
            items: f.req_list(map, "items", path, list_item)?,
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
        kind if rich::is_rich(kind) => return rich_block(f, value, path, kind),
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

/// A rich block (spec §7), read by the rich elements' module in a split build; when that module
/// could not come, the block is skipped with a warning (the loader says what is missing).
#[cfg(article_reader_split)]
fn rich_block(f: &mut Fields, value: &Json, path: &Path, kind: &str) -> Result<Option<Block>> {
    match rich::reader() {
        Some(read) => read(f, value, path, kind),
        None => {
            f.warn(path, "this part could not be loaded; skipped");
            Ok(None)
        }
    }
}

/// A rich block (spec §7), read directly where its reader is part of the one wasm.
#[cfg(not(article_reader_split))]
fn rich_block(f: &mut Fields, value: &Json, path: &Path, kind: &str) -> Result<Option<Block>> {
    read_rich(f, value, path, kind)
}

/// Reads one rich block of type `kind` (the rich elements' module's reader); `None` for a type
/// that is not one.
pub(crate) fn read_rich(
    f: &mut Fields,
    value: &Json,
    path: &Path,
    kind: &str,
) -> Result<Option<Block>> {
    let map = object(value, path)?;
    let block = match kind {
        "embed" => embed(f, map, path)?,
        "video" => Block::Video {
            video: Rc::new(video(f, map, path)?),
        },
        "gallery" => Block::Gallery {
            gallery: Rc::new(gallery(f, map, path)?),
        },
        "social_post" => Block::SocialPost {
            post: Rc::new(SocialPost {
                url: f.req_url(map, "url", path)?,
                provider: f.opt(map, "provider", path, Fields::string)?,
                author: f.opt(map, "author", path, post_author)?,
                published: f.opt(map, "published", path, date)?,
                content: f.req(map, "content", path, inline)?,
                media: f.opt_list(map, "media", path, image)?,
            }),
        },
        "table" => Block::Table {
            table: Rc::new(table(f, map, path)?),
        },
        "code" => Block::Code {
            content: f.req(map, "content", path, Fields::string)?,
            language: f.opt(map, "language", path, Fields::string)?,
            caption: f.opt(map, "caption", path, inline)?,
        },
        "aside" => Block::Aside {
            kind: match f.opt(map, "kind", path, Fields::string)? {
                None => None,
                Some(name) => {
                    let kind = AsideKind::from_name(&name);
                    if kind.is_none() {
                        f.warn(
                            &path.field("kind"),
                            "expected key_points, explainer, callout, disclaimer or box; ignored",
                        );
                    }
                    kind
                }
            },
            title: f.opt(map, "title", path, inline)?,
            blocks: nested_blocks(f, map, path, true)?,
        },
        "details" => Block::Details {
            summary: f.req(map, "summary", path, inline)?,
            blocks: nested_blocks(f, map, path, false)?,
        },
        "note" => Block::Note {
            note: note(f, value, path)?,
        },
        _ => return Ok(None),
    };
    Ok(Some(block))
}

/// A list item: inline content, or `{content, items, ordered}` with a list nested under it.
fn list_item(f: &mut Fields, value: &Json, path: &Path) -> Result<ListItem> {
    if !value.is_object() {
        return Ok(ListItem::text(inline(f, value, path)?));
    }
    let content = f.req(value, "content", path, inline)?;
    let ordered = f
        .opt(value, "ordered", path, Fields::boolean)?
        .unwrap_or(false);
    let items = match present(value, "items") {
        None => Rc::new([]) as Rc<[ListItem]>,
        Some(list) => {
            let field = path.field("items");
            f.nested(&field, |f| f.list(list, &field, list_item))?
                .unwrap_or_else(|| Rc::new([]))
        }
    };
    Ok(ListItem {
        content,
        items,
        ordered,
    })
}

/// A table: `head`, `rows` and `foot`, at most [`MAX_TABLE_CELLS`] cells in all (the rows after
/// that are left out with a warning).
fn table(f: &mut Fields, map: &Json, path: &Path) -> Result<Table> {
    let mut budget = MAX_TABLE_CELLS;
    let mut section = |f: &mut Fields, key: &str, required: bool| -> Result<Rc<[Row]>> {
        let field = path.field(key);
        let Some(list) = present(map, key) else {
            return if required {
                Err(field.issue("missing"))
            } else {
                Ok(Rc::new([]))
            };
        };
        let mut rows = Vec::new();
        for (i, item) in array(list, &field)?.iter().enumerate() {
            let at = field.index(i);
            let cells = array(item, &at)?;
            if cells.len() > budget {
                f.warn(
                    &at,
                    // The message names the bound (checked at compile time).
                    {
                        const _: () = assert!(MAX_TABLE_CELLS == 20_000);
                        "more than 20,000 cells in the table; the rest is left out"
                    },
                );
                budget = 0;
                break;
            }
            budget -= cells.len();
            rows.push(f.list(item, &at, cell)?);
        }
        Ok(rows.into())
    };
    let head = section(f, "head", false)?;
    let rows = section(f, "rows", true)?;
    let foot = section(f, "foot", false)?;
    Ok(Table {
        caption: f.opt(map, "caption", path, inline)?,
        head,
        rows,
        foot,
    })
}

/// A table cell: inline content, or `{content, header, colspan, rowspan, align}`. Spans are
/// bounded as HTML bounds them (1–1000 columns, 1–65534 rows).
fn cell(f: &mut Fields, value: &Json, path: &Path) -> Result<Cell> {
    if !value.is_object() {
        return Ok(Cell {
            content: inline(f, value, path)?,
            header: false,
            colspan: 1,
            rowspan: 1,
            align: None,
        });
    }
    let span = |f: &mut Fields, key: &str, max: u64, message: &'static str| -> Result<u16> {
        let Some(n) = f.opt(value, key, path, Fields::whole_number)? else {
            return Ok(1);
        };
        if !(1..=max).contains(&n) {
            f.warn(&path.field(key), message);
        }
        Ok(n.clamp(1, max) as u16)
    };
    let colspan = span(f, "colspan", 1000, "expected 1 to 1000; using the nearest")?;
    let rowspan = span(
        f,
        "rowspan",
        65534,
        "expected 1 to 65534; using the nearest",
    )?;
    let align = match f.opt(value, "align", path, Fields::string)?.as_deref() {
        None => None,
        Some("start" | "left") => Some(Align::Start),
        Some("center") => Some(Align::Center),
        Some("end" | "right") => Some(Align::End),
        Some(_) => {
            f.warn(
                &path.field("align"),
                "expected start, center or end; ignored",
            );
            None
        }
    };
    Ok(Cell {
        content: f.req(value, "content", path, inline)?,
        header: f
            .opt(value, "header", path, Fields::boolean)?
            .unwrap_or(false),
        colspan,
        rowspan,
        align,
    })
}

/// An editorial note (a `note` block or an item of `corrections`); an unknown kind is shown
/// as an editor's note, with a warning.
fn note(f: &mut Fields, value: &Json, path: &Path) -> Result<Note> {
    let map = object(value, path)?;
    let name = f.req(map, "kind", path, Fields::string)?;
    let kind = NoteKind::from_name(&name).unwrap_or_else(|| {
        f.warn(
            &path.field("kind"),
            "expected correction, clarification, update or editors_note; shown as an editor's note",
        );
        NoteKind::EditorsNote
    });
    Ok(Note {
        kind,
        date: f.opt(map, "date", path, date)?,
        content: f.req(map, "content", path, inline)?,
    })
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
        Json::String(s) => Ok(Inline(Rc::new([Run::plain(&**s)]))),
        Json::Array(_) => Ok(Inline(f.list(value, path, run)?)),
        _ => Err(path.issue("expected string or array")),
    }
}

fn run(f: &mut Fields, value: &Json, path: &Path) -> Result<Run> {
    let map = match value {
        Json::String(s) => return Ok(Run::plain(&**s)),
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
    let note = f.opt(map, "note", path, Fields::string)?;
    if let Some(id) = &note {
        f.refer_to_note(id, &path.field("note"));
    }
    Ok(Run {
        text: f.req(map, "text", path, Fields::string)?,
        marks,
        href: f.opt_url(map, "href", path)?,
        note,
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
        credit: f.opt(map, "credit", path, credit)?,
        link: f.opt_url(map, "link", path)?,
        dark_src: f.opt_url(map, "dark_src", path)?,
    })
}

fn credit(f: &mut Fields, value: &Json, path: &Path) -> Result<Credit> {
    let credit = object(value, path)?;
    Ok(Credit {
        text: f.req(credit, "text", path, Fields::string)?,
        url: f.opt_url(credit, "url", path)?,
        license: f.opt(credit, "license", path, Fields::string)?,
    })
}

/// A video: its files (at least one), poster, text tracks (`kind` one of the three the format
/// names, else left out with a warning), title, length, caption and credit.
fn video(f: &mut Fields, map: &Json, path: &Path) -> Result<Video> {
    let sources = f.req_list(map, "sources", path, |f, v, p| {
        let source = object(v, p)?;
        let src = f.req_url(source, "src", p)?;
        let mime = f.opt(source, "type", p, Fields::string)?;
        Ok(src.map(|src| VideoSource { src, mime }))
    })?;
    if sources.is_empty() {
        return Err(path.field("sources").issue("expected at least one source"));
    }
    let tracks = f.opt_list(map, "tracks", path, |f, v, p| {
        let track = object(v, p)?;
        let src = f.req_url(track, "src", p)?;
        let lang = f.req(track, "lang", p, Fields::string)?;
        let label = f.opt(track, "label", p, Fields::string)?;
        let kind = f.opt_one_of(track, "kind", p, &["captions", "subtitles", "descriptions"])?;
        Ok(src.map(|src| TextTrack {
            src,
            lang,
            label,
            kind,
        }))
    })?;
    Ok(Video {
        sources: sources.iter().flatten().cloned().collect(),
        poster: f.opt(map, "poster", path, image)?,
        tracks: tracks.iter().flatten().cloned().collect(),
        title: f.opt(map, "title", path, Fields::string)?,
        duration_seconds: f.opt(map, "duration_seconds", path, Fields::whole_number)?,
        caption: f.opt(map, "caption", path, inline)?,
        credit: f.opt(map, "credit", path, credit)?,
    })
}

/// A gallery: its pictures (at least one; past [`MAX_GALLERY_IMAGES`] the rest are left out
/// with a warning, unread) and its caption.
fn gallery(f: &mut Fields, map: &Json, path: &Path) -> Result<Gallery> {
    let field = path.field("images");
    let list = array(
        present(map, "images").ok_or_else(|| field.issue("missing"))?,
        &field,
    )?;
    if list.is_empty() {
        return Err(field.issue("expected at least one image"));
    }
    if list.len() > MAX_GALLERY_IMAGES {
        f.warn(
            &field,
            format!("more than {MAX_GALLERY_IMAGES} pictures; the rest are left out"),
        );
    }
    let images = list
        .iter()
        .take(MAX_GALLERY_IMAGES)
        .enumerate()
        .map(|(i, value)| image(f, value, &field.index(i)))
        .collect::<Result<Rc<[Image]>>>()?;
    Ok(Gallery {
        images,
        caption: f.opt(map, "caption", path, inline)?,
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

fn post_author(f: &mut Fields, value: &Json, path: &Path) -> Result<PostAuthor> {
    let map = object(value, path)?;
    Ok(PostAuthor {
        name: f.req(map, "name", path, Fields::string)?,
        handle: f.opt(map, "handle", path, Fields::string)?,
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
    let text = f.string(value, path)?;
    let date = DocDate::from_text(&text);
    if date.checked().is_some() {
        return Ok(date);
    }
    // Another format whose instant is certain (RFC 5322, a zone abbreviation …) is read, and
    // still named, so that the publisher can write RFC 3339.
    let read = DocDate::lenient(&text, false);
    if read.checked().is_some() {
        f.warn(
            path,
            format!("not an RFC 3339 date; read as {}", read.text()),
        );
    } else {
        f.warn(
            path,
            "not an RFC 3339 date such as 2019-07-21 or 2019-07-21T14:05:00Z; shown as written",
        );
    }
    Ok(read)
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

/// An embed: its link card, with the publisher's picture and the player's shape; a `frame` is
/// kept only when it is a known player's (then as that player's own embed address), and a known
/// player's link gets its player without one.
fn embed(f: &mut Fields, map: &Json, path: &Path) -> Result<Block> {
    let mut block = Block::embed(
        f.req_url(map, "url", path)?,
        f.opt(map, "title", path, Fields::string)?,
        f.opt(map, "provider", path, Fields::string)?,
    );
    let given_frame = f.opt_url(map, "frame", path)?;
    let thumbnail_value = f.opt(map, "thumbnail", path, image)?;
    let ratio = present(map, "aspect_ratio").map(ratio);
    if let Block::Embed {
        frame,
        thumbnail,
        aspect_ratio,
        provider,
        ..
    } = &mut block
    {
        if let Some(given) = given_frame {
            match players::player(&given) {
                Some(player) => {
                    *frame = Some(player.frame);
                    provider.get_or_insert_with(|| player.provider.into());
                }
                None => f.warn(
                    &path.field("frame"),
                    "not a known player's address; the card links out instead",
                ),
            }
        }
        *thumbnail = thumbnail_value;
        match ratio {
            Some(Some(r)) => *aspect_ratio = Some(r),
            Some(None) => f.warn(
                &path.field("aspect_ratio"),
                "expected a number from 0.2 to 5 (width / height); ignored",
            ),
            None => {}
        }
    }
    Ok(block)
}

/// A width / height ratio written as a plain decimal (`1.778`, `16`), read to thousandths by
/// hand (a float parser costs kilobytes of wasm); `None` outside 0.2–5.
fn ratio(value: &Json) -> Option<f32> {
    let Json::Number(text) = value else {
        return None;
    };
    let (int, frac) = text.split_once('.').unwrap_or((text, ""));
    if int.is_empty() || int.len() > 3 || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let digit = |i: usize| u64::from(frac.as_bytes().get(i).map_or(0, |b| b - b'0'));
    let whole = int.bytes().try_fold(0u64, |n, b| {
        b.is_ascii_digit().then(|| n * 10 + u64::from(b - b'0'))
    })?;
    let thousandths =
        whole * 1000 + digit(0) * 100 + digit(1) * 10 + digit(2) + u64::from(digit(3) >= 5);
    aspect_ratio(thousandths)
}

fn audio_track(f: &mut Fields, value: &Json, path: &Path) -> Result<AudioTrack> {
    let map = object(value, path)?;
    let kind = f.opt_one_of(map, "kind", path, &["narration", "live", "podcast"])?;
    Ok(AudioTrack {
        src: f.req_url(map, "src", path)?,
        title: f.opt(map, "title", path, Fields::string)?,
        kind,
        duration_seconds: f.opt(map, "duration_seconds", path, Fields::whole_number)?,
    })
}
