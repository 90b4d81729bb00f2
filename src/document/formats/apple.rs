//! Apple News Format (`article.json`): components by role, metadata for authors, dates and the
//! canonical address. Pictures given as `bundle://` files cannot be shown from the web and are
//! left out by the URL policy, with a warning.

use super::read::{self, at, items, plain, text};
use super::Adapted;
use crate::core::json::Json;
use crate::core::model::{Author, Block, Image, Inline, Text, MAX_GALLERY_IMAGES};
use crate::document::fields::{object, Fields, Result};
use crate::document::path::Path;
use crate::document::{html, MAX_TABLE_CELLS};

pub(crate) fn article(f: &mut Fields, value: &Json) -> Result<Adapted> {
    let path = Path::Root;
    let doc = object(value, &path)?;
    let root_title = plain(f, doc.get("title"), &path.field("title"));
    let mut title_component = None;
    let mut intro = None;
    let mut body = Vec::new();
    components(
        f,
        doc.get("components"),
        &path.field("components"),
        &mut body,
        &mut title_component,
        &mut intro,
    )?;
    // Apple News shows the `title` component; the root `title` is often an identifier
    // ("story-2024-118"), and then a first heading is the visible headline.
    let looks_like_id = |t: &String| {
        !t.contains(char::is_whitespace)
            && t.contains(|c: char| c.is_ascii_digit() || c == '-' || c == '_')
    };
    let headline = match (title_component, root_title) {
        (Some(title), _) => Some(title),
        (None, Some(root)) if looks_like_id(&root) => match body.first() {
            Some(Block::Heading { content, .. }) => {
                let text = content.plain_text();
                body.remove(0);
                Some(text)
            }
            _ => Some(root),
        },
        (None, root) => root,
    };
    let mut article = read::article(headline.clone().unwrap_or_default());
    let meta = doc.get("metadata");
    let meta_path = path.field("metadata");
    article.id = text(f, doc.get("identifier"), &path.field("identifier")).map(Text::from);
    article.url = read::url(
        f,
        meta.and_then(|m| m.get("canonicalURL")),
        &meta_path.field("canonicalURL"),
    );
    let excerpt = meta.and_then(|m| plain(f, m.get("excerpt"), &meta_path.field("excerpt")));
    article.summary = excerpt
        .or(intro)
        .map(|s| read::inline(&s))
        .into_iter()
        .collect();
    article.published = read::date(
        f,
        meta.and_then(|m| m.get("datePublished")),
        &meta_path.field("datePublished"),
        false,
    );
    article.modified = read::date(
        f,
        meta.and_then(|m| m.get("dateModified")),
        &meta_path.field("dateModified"),
        false,
    );
    article.authors = read::words(
        f,
        meta.and_then(|m| m.get("authors")),
        &meta_path.field("authors"),
    )
    .into_iter()
    .map(|name| Author {
        name: name.into(),
        url: None,
        avatar: None,
    })
    .collect();
    article.tags = read::words(
        f,
        meta.and_then(|m| m.get("keywords")),
        &meta_path.field("keywords"),
    )
    .into_iter()
    .map(Text::from)
    .collect();
    read::set_language(
        f,
        &mut article,
        doc.get("language"),
        &path.field("language"),
    );
    if article.lead_image.is_none() {
        article.lead_image = read::url(
            f,
            meta.and_then(|m| m.get("thumbnailURL")),
            &meta_path.field("thumbnailURL"),
        )
        .map(Image::at);
    }
    Ok(Adapted {
        article,
        body,
        headline,
    })
}

/// The blocks of a list of components, containers read in order.
fn components(
    f: &mut Fields,
    list: Option<&Json>,
    path: &Path,
    body: &mut Vec<Block>,
    title: &mut Option<String>,
    intro: &mut Option<String>,
) -> Result<()> {
    for (i, component) in items(list).into_iter().enumerate() {
        let path = path.index(i);
        let role = component
            .get("role")
            .and_then(Json::as_str)
            .unwrap_or_default();
        let content = component.get("text");
        match role {
            "title" => {
                if title.is_none() {
                    *title = plain(f, content, &path.field("text"));
                }
            }
            "intro" => *intro = plain(f, content, &path.field("text")),
            "byline" | "author" | "illustrator" | "photographer" => {}
            "body" | "text" | "caption" | "heading" | "heading1" | "heading2" | "heading3"
            | "heading4" | "heading5" | "heading6" => {
                let Some(raw) = text(f, content, &path.field("text")) else {
                    continue;
                };
                let blocks = match component.get("format").and_then(Json::as_str) {
                    Some("html") => read::html_blocks(f, &raw, &path.field("text"), None)?,
                    _ => read::paragraphs(&raw),
                };
                if role.starts_with("heading") {
                    let level = role
                        .strip_prefix("heading")
                        .and_then(|n| n.parse::<u8>().ok())
                        .unwrap_or(2)
                        .clamp(2, 4);
                    for block in blocks {
                        if let Block::Paragraph { content } = block {
                            body.push(Block::Heading { level, content });
                        }
                    }
                } else {
                    body.extend(blocks);
                }
            }
            "quote" | "pullquote" => {
                if let Some(quote) = plain(f, content, &path.field("text")) {
                    body.push(Block::Quote {
                        content: read::inline(&quote),
                        cite: None,
                        pull: role == "pullquote",
                    });
                }
            }
            "photo" | "figure" | "image" | "portrait" | "logo" => {
                if let Some(image) = picture(f, component, &path) {
                    body.push(Block::Image { image });
                }
            }
            "gallery" | "mosaic" => {
                let pictures = items(component.get("items"))
                    .into_iter()
                    .take(MAX_GALLERY_IMAGES)
                    .enumerate()
                    .filter_map(|(j, item)| picture(f, item, &path.field("items").index(j)))
                    .collect();
                body.extend(read::gallery(pictures, None));
            }
            // Apple's video: an HLS stream (or a file) with its still picture.
            "video" => {
                if let Some(src) = read::url(f, component.get("URL"), &path.field("URL")) {
                    let poster = read::url(f, component.get("stillURL"), &path.field("stillURL"))
                        .map(Image::at);
                    let caption = plain(f, component.get("caption"), &path.field("caption"));
                    let title = plain(
                        f,
                        component.get("accessibilityCaption"),
                        &path.field("accessibilityCaption"),
                    );
                    body.extend(read::video(
                        vec![read::video_source(src)],
                        poster,
                        title.or_else(|| caption.clone()),
                        None,
                        caption.map(|c| read::inline(&c)),
                    ));
                }
            }
            "divider" => body.push(Block::Divider),
            "audio" | "podcast" | "music" => {
                if let Some(src) = read::url(f, component.get("URL"), &path.field("URL")) {
                    body.push(Block::Audio {
                        src: Some(src),
                        title: plain(f, component.get("caption"), &path.field("caption"))
                            .map(Text::from),
                    });
                }
            }
            "embedwebvideo" | "embedvideo" | "tweet" | "instagram" | "facebook_post" | "tiktok" => {
                if let Some(url) = read::url(f, component.get("URL"), &path.field("URL")) {
                    let title = plain(f, component.get("caption"), &path.field("caption"));
                    body.push(Block::embed(Some(url), title.map(Text::from), None));
                }
            }
            "container" | "section" | "chapter" | "header" | "article_link" => {
                components(
                    f,
                    component.get("components"),
                    &path.field("components"),
                    body,
                    title,
                    intro,
                )?;
            }
            // A sidebar: a box of its own components (a box inside one is read in place).
            "aside" => {
                let mut blocks = Vec::new();
                components(
                    f,
                    component.get("components"),
                    &path.field("components"),
                    &mut blocks,
                    title,
                    intro,
                )?;
                if !blocks.is_empty() {
                    body.push(Block::Aside {
                        kind: None,
                        title: None,
                        blocks: html::without_boxes(blocks.into()),
                    });
                }
            }
            "htmltable" => {
                if let Some(raw) = text(f, component.get("html"), &path.field("html")) {
                    let blocks = read::html_blocks(f, &raw, &path.field("html"), None)?;
                    body.extend(
                        blocks
                            .into_iter()
                            .filter(|b| matches!(b, Block::Table { .. })),
                    );
                }
            }
            "datatable" => body.extend(datatable(f, component, &path)),
            _ => f.warn(
                &path,
                format!(
                    "component of role \"{}\" skipped",
                    role.chars().take(40).collect::<String>()
                ),
            ),
        }
    }
    Ok(())
}

/// A `datatable`: its descriptors' labels as the head (unless `showDescriptorLabels` is false)
/// and one row per record, each cell the record's value for that descriptor's `identifier`;
/// with `dataOrientation: "vertical"` the descriptors run down the first column instead.
fn datatable(f: &mut Fields, component: &Json, path: &Path) -> Option<Block> {
    let data = component.get("data")?;
    let data_path = path.field("data");
    let descriptors = items(data.get("descriptors"));
    let records = items(data.get("records"));
    // A value is text, a number, or formatted text `{ "text": … }`.
    let value = |f: &mut Fields, v: Option<&Json>, p: &Path| {
        let v = v.map(|v| {
            if v.is_object() {
                v.get("text").unwrap_or(v)
            } else {
                v
            }
        });
        plain(f, v, p).map(|t| read::inline(&t))
    };
    let ids: Vec<Option<&str>> = descriptors
        .iter()
        .map(|d| d.get("identifier").and_then(Json::as_str))
        .collect();
    let labels: Vec<_> = descriptors
        .iter()
        .enumerate()
        .map(|(i, d)| value(f, d.get("label"), &data_path.field("descriptors").index(i)))
        .collect();
    let records_path = data_path.field("records");
    // No more records read than the cell bound lets show (`read::table` warns of the rest).
    let readable = MAX_TABLE_CELLS / ids.len().max(1) + 1;
    let cells: Vec<Vec<Option<Inline>>> = records
        .iter()
        .take(readable)
        .enumerate()
        .map(|(r, record)| {
            ids.iter()
                .map(|id| value(f, id.and_then(|id| record.get(id)), &records_path.index(r)))
                .collect()
        })
        .collect();
    let show_labels = component
        .get("showDescriptorLabels")
        .and_then(Json::as_bool)
        != Some(false);
    let vertical = component.get("dataOrientation").and_then(Json::as_str) == Some("vertical");
    let (head, rows) = if vertical {
        let rows = labels
            .into_iter()
            .enumerate()
            .map(|(i, label)| {
                let mut row = Vec::new();
                if show_labels {
                    row.push(read::cell(label, true));
                }
                row.extend(cells.iter().map(|r| read::cell(r[i].clone(), false)));
                row
            })
            .collect();
        (Vec::new(), rows)
    } else {
        let head = if show_labels {
            vec![labels.into_iter().map(|l| read::cell(l, true)).collect()]
        } else {
            Vec::new()
        };
        let rows = cells
            .into_iter()
            .map(|r| r.into_iter().map(|c| read::cell(c, false)).collect())
            .collect();
        (head, rows)
    };
    read::table(f, path, None, head, rows)
}

/// A photo, figure or gallery item: its `URL`, caption (text or `{text}`) and accessible caption.
fn picture(f: &mut Fields, component: &Json, path: &Path) -> Option<Image> {
    let src = read::url(f, component.get("URL"), &path.field("URL"))?;
    let caption = component.get("caption").map(|c| match c {
        Json::Object(_) => at(c, &["text"]).unwrap_or(c),
        other => other,
    });
    let caption = plain(f, caption, &path.field("caption"));
    let alt = plain(
        f,
        component.get("accessibilityCaption"),
        &path.field("accessibilityCaption"),
    );
    Some(Image {
        alt: alt.or_else(|| caption.clone()).unwrap_or_default().into(),
        caption: caption.map(|c| read::inline(&c)),
        ..Image::at(src)
    })
}
