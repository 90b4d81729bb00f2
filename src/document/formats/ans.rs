//! Arc XP ANS stories: `content_elements` by type, `promo_items.basic` as the lead image,
//! `credits.by` as authors, `related_content` as cards.

use super::read::{self, at, items, plain, text};
use super::Adapted;
use crate::core::json::Json;
use crate::core::model::{
    aspect_of, Author, Block, Credit, Crumb, Image, Inline, ListItem, Note, NoteKind, Related, Run,
    Text, MAX_GALLERY_IMAGES,
};
use crate::document::fields::{object, Fields, Result};
use crate::document::path::Path;

pub(crate) fn article(f: &mut Fields, value: &Json) -> Result<Adapted> {
    let path = Path::Root;
    let story = object(value, &path)?;
    let headline = plain(
        f,
        at(story, &["headlines", "basic"]),
        &path.field("headlines"),
    );
    let mut body = Body::default();
    elements(
        f,
        story.get("content_elements"),
        &path.field("content_elements"),
        &mut body,
    )?;
    let Body {
        blocks: body,
        corrections,
    } = body;
    let mut article = read::article(headline.clone().unwrap_or_default());
    article.corrections = corrections.into();
    article.id = text(f, story.get("_id"), &path.field("_id")).map(Text::from);
    article.url = read::url(f, story.get("canonical_url"), &path.field("canonical_url"))
        .or_else(|| read::url(f, at(story, &["website_url"]), &path.field("website_url")));
    let summary = at(story, &["description", "basic"]).or(at(story, &["subheadlines", "basic"]));
    article.summary = read::html_inline(f, summary, &path.field("description"))
        .into_iter()
        .collect();
    article.published = read::date(
        f,
        story
            .get("first_publish_date")
            .or(story.get("display_date")),
        &path.field("first_publish_date"),
        false,
    );
    article.modified = read::date(
        f,
        story.get("last_updated_date"),
        &path.field("last_updated_date"),
        false,
    );
    article.lead_image =
        at(story, &["promo_items", "basic"]).and_then(|p| image(f, p, &path.field("promo_items")));
    article.authors = items(at(story, &["credits", "by"]))
        .into_iter()
        .enumerate()
        .filter_map(|(i, person)| {
            let p = path.field("credits");
            let p = p.index(i);
            Some(Author {
                name: plain(
                    f,
                    person.get("name").or(person.get("byline")),
                    &p.field("name"),
                )?
                .into(),
                url: read::url(f, person.get("url"), &p.field("url")),
                avatar: read::url(f, at(person, &["image", "url"]), &p.field("image")),
            })
        })
        .collect();
    let section = at(story, &["taxonomy", "primary_section"]);
    let section_name = section.and_then(|s| plain(f, s.get("name"), &path.field("taxonomy")));
    let label = plain(
        f,
        at(story, &["label", "basic", "text"]),
        &path.field("label"),
    );
    if let Some(name) = section_name.or(label) {
        article.section = [Crumb {
            name: name.into(),
            url: section.and_then(|s| {
                read::url(f, s.get("path").or(s.get("_id")), &path.field("taxonomy"))
            }),
        }]
        .into();
    }
    article.tags = items(at(story, &["taxonomy", "tags"]))
        .into_iter()
        .enumerate()
        .filter_map(|(i, tag)| {
            plain(
                f,
                tag.get("text").or(Some(tag)),
                &path.field("taxonomy").index(i),
            )
        })
        .map(Text::from)
        .collect();
    read::set_language(
        f,
        &mut article,
        story.get("language"),
        &path.field("language"),
    );
    article.related = items(at(story, &["related_content", "basic"]))
        .into_iter()
        .enumerate()
        .filter_map(|(i, other)| {
            let p = path.field("related_content");
            let p = p.index(i);
            Some(Related {
                headline: plain(f, at(other, &["headlines", "basic"]), &p.field("headlines"))?
                    .into(),
                url: read::url(
                    f,
                    other.get("canonical_url").or(other.get("url")),
                    &p.field("canonical_url"),
                ),
                image: at(other, &["promo_items", "basic"])
                    .and_then(|i| image(f, i, &p.field("promo_items"))),
                section: None,
                published: read::date(
                    f,
                    other.get("first_publish_date"),
                    &p.field("first_publish_date"),
                    false,
                ),
                summary: plain(
                    f,
                    at(other, &["description", "basic"]),
                    &p.field("description"),
                )
                .map(Text::from),
            })
        })
        .collect();
    Ok(Adapted {
        article,
        body,
        headline,
    })
}

/// What the content elements give: the body's blocks and the story's corrections.
#[derive(Default)]
struct Body {
    blocks: Vec<Block>,
    corrections: Vec<Note>,
}

/// The content elements of a list, in order (`element_group` reads its own list in place).
fn elements(f: &mut Fields, list: Option<&Json>, path: &Path, body: &mut Body) -> Result<()> {
    for (i, element) in items(list).into_iter().enumerate() {
        element_blocks(f, element, &path.index(i), body)?;
    }
    Ok(())
}

/// The blocks of one content element; an unknown type is skipped with a warning.
fn element_blocks(f: &mut Fields, element: &Json, path: &Path, all: &mut Body) -> Result<()> {
    let body = &mut all.blocks;
    let kind = element
        .get("type")
        .and_then(Json::as_str)
        .unwrap_or_default();
    let content = element.get("content");
    match kind {
        "text" => {
            if let Some(html) = text(f, content, &path.field("content")) {
                body.extend(read::html_blocks(
                    f,
                    &format!("<p>{html}</p>"),
                    &path.field("content"),
                    None,
                )?);
            }
        }
        "header" => {
            if let Some(content) = read::html_inline(f, content, &path.field("content")) {
                let level = element
                    .get("level")
                    .and_then(Json::as_whole_number)
                    .unwrap_or(2)
                    .clamp(2, 4) as u8;
                body.push(Block::Heading { level, content });
            }
        }
        "list" => {
            let list: Vec<Inline> = items(element.get("items"))
                .into_iter()
                .enumerate()
                .filter_map(|(i, item)| {
                    read::html_inline(f, item.get("content"), &path.field("items").index(i))
                })
                .collect();
            if !list.is_empty() {
                body.push(Block::List {
                    ordered: element.get("list_type").and_then(Json::as_str) == Some("ordered"),
                    items: list.into_iter().map(ListItem::text).collect(),
                });
            }
        }
        "quote" => {
            let mut runs = Vec::new();
            for (i, part) in items(element.get("content_elements"))
                .into_iter()
                .enumerate()
            {
                if let Some(inline) = read::html_inline(
                    f,
                    part.get("content"),
                    &path.field("content_elements").index(i),
                ) {
                    if !runs.is_empty() {
                        runs.push(read::run(" "));
                    }
                    runs.extend(inline.0.iter().cloned());
                }
            }
            if !runs.is_empty() {
                body.push(Block::Quote {
                    content: Inline(runs.into()),
                    cite: plain(
                        f,
                        at(element, &["citation", "content"]),
                        &path.field("citation"),
                    )
                    .map(Text::from),
                    pull: element.get("subtype").and_then(Json::as_str) == Some("pullquote"),
                });
            }
        }
        "image" => {
            if let Some(image) = image(f, element, path) {
                body.push(Block::Image { image });
            }
        }
        "divider" => body.push(Block::Divider),
        "interstitial_link" => {
            if let Some(headline) = plain(f, content, &path.field("content")) {
                body.push(Block::RelatedLink {
                    headline: headline.into(),
                    url: read::url(f, element.get("url"), &path.field("url")),
                    image: None,
                    label: None,
                });
            }
        }
        "gallery" => {
            let pictures = items(element.get("content_elements"))
                .into_iter()
                .take(MAX_GALLERY_IMAGES)
                .enumerate()
                .filter(|(_, e)| e.get("type").and_then(Json::as_str) == Some("image"))
                .filter_map(|(i, e)| image(f, e, &path.field("content_elements").index(i)))
                .collect();
            let caption = plain(
                f,
                at(element, &["description", "basic"]),
                &path.field("description"),
            )
            .or_else(|| {
                plain(
                    f,
                    at(element, &["headlines", "basic"]),
                    &path.field("headlines"),
                )
            });
            body.extend(read::gallery(pictures, caption.map(|c| read::inline(&c))));
        }
        "oembed_response" | "oembed" | "video" | "social_media" => {
            // Arc's own video with MP4 renditions is played here; others are cards.
            if kind == "video" {
                if let Some(video) = video(f, element, path) {
                    body.push(video);
                    return Ok(());
                }
            }
            let url = at(element, &["raw_oembed", "url"])
                .or(at(element, &["referent", "id"]))
                .or(element.get("url"))
                .or(at(element, &["canonical_url"]));
            if let Some(url) = read::url(f, url, &path.field("raw_oembed")) {
                let title = plain(
                    f,
                    at(element, &["raw_oembed", "title"]).or(at(element, &["headlines", "basic"])),
                    &path.field("raw_oembed"),
                );
                let provider = plain(
                    f,
                    at(element, &["raw_oembed", "provider_name"]).or(element.get("subtype")),
                    &path.field("subtype"),
                );
                let mut block =
                    Block::embed(Some(url), title.map(Text::from), provider.map(Text::from));
                // oEmbed's picture and size, as the publisher stored them.
                if let Block::Embed {
                    thumbnail,
                    aspect_ratio,
                    ..
                } = &mut block
                {
                    let oembed_path = path.field("raw_oembed");
                    let number = |key: &str| {
                        at(element, &["raw_oembed", key])
                            .and_then(Json::as_whole_number)
                            .filter(|n| (1..=100_000).contains(n))
                    };
                    *thumbnail = read::url(
                        f,
                        at(element, &["raw_oembed", "thumbnail_url"]),
                        &oembed_path.field("thumbnail_url"),
                    )
                    .map(|src| Image {
                        width: number("thumbnail_width").map(|n| n as u32),
                        height: number("thumbnail_height").map(|n| n as u32),
                        ..Image::at(src)
                    });
                    *aspect_ratio = number("width")
                        .zip(number("height"))
                        .and_then(|(w, h)| aspect_of(w, h));
                }
                body.push(block);
            }
        }
        // Markup from the newsroom: its readable text only, never the markup.
        "raw_html" => {
            if let Some(html) = text(f, content, &path.field("content")) {
                for block in read::html_blocks(f, &html, &path.field("content"), None)? {
                    if let Block::Paragraph { .. }
                    | Block::Heading { .. }
                    | Block::List { .. }
                    | Block::Quote { .. }
                    | Block::Table { .. }
                    | Block::Code { .. }
                    | Block::Details { .. }
                    | Block::Aside { .. } = block
                    {
                        body.push(block);
                    }
                }
            }
        }
        // A correction is the story's, shown where readers look for corrections.
        "correction" => {
            if let Some(content) = read::html_inline(f, element.get("text"), &path.field("text")) {
                let kind = match element.get("correction_type").and_then(Json::as_str) {
                    Some(t) if t.eq_ignore_ascii_case("clarification") => NoteKind::Clarification,
                    _ => NoteKind::Correction,
                };
                all.corrections.push(Note {
                    kind,
                    date: read::date(f, element.get("date"), &path.field("date"), false),
                    content,
                });
            }
        }
        "table" => {
            let cells = |f: &mut Fields, row: Option<&Json>, path: &Path, header: bool| {
                items(row)
                    .into_iter()
                    .enumerate()
                    .map(|(j, c)| {
                        let content = read::html_inline(f, c.get("content"), &path.index(j));
                        read::cell(content, header)
                    })
                    .collect::<Vec<_>>()
            };
            let head = vec![cells(f, element.get("header"), &path.field("header"), true)];
            let rows_path = path.field("rows");
            let rows = items(element.get("rows"))
                .into_iter()
                .enumerate()
                .map(|(i, row)| cells(f, Some(row), &rows_path.index(i), false))
                .collect();
            body.extend(read::table(f, path, None, head, rows));
        }
        "code" => {
            if let Some(Json::String(code)) = content {
                let code = code.trim_matches('\n');
                if !code.trim().is_empty() {
                    body.push(Block::Code {
                        content: code.into(),
                        language: plain(f, element.get("language"), &path.field("language"))
                            .map(Text::from),
                        caption: None,
                    });
                }
            }
        }
        // A titled list of links: a box with the title and the links as a list.
        "link_list" => {
            let items_path = path.field("items");
            let links: Vec<ListItem> = items(element.get("items"))
                .into_iter()
                .enumerate()
                .filter_map(|(i, item)| {
                    let p = items_path.index(i);
                    let text = plain(f, item.get("content"), &p.field("content"))?;
                    let href = read::url(f, item.get("url"), &p.field("url"));
                    Some(ListItem::text(Inline(
                        [Run {
                            href,
                            ..Run::plain(text.as_str())
                        }]
                        .into(),
                    )))
                })
                .collect();
            if !links.is_empty() {
                body.push(Block::Aside {
                    kind: None,
                    title: plain(f, element.get("title"), &path.field("title"))
                        .map(|t| read::inline(&t)),
                    blocks: [Block::List {
                        ordered: false,
                        items: links.into(),
                    }]
                    .into(),
                });
            }
        }
        "element_group" => elements(
            f,
            element.get("content_elements"),
            &path.field("content_elements"),
            all,
        )?,
        other => f.warn(
            path,
            format!(
                "content element of type \"{}\" skipped",
                other.chars().take(40).collect::<String>()
            ),
        ),
    }
    Ok(())
}

/// An Arc video: its MP4 rendition nearest 1280 px wide (then an HLS playlist), the promo
/// picture as its poster, headline, length (`duration`, in milliseconds) and description.
fn video(f: &mut Fields, element: &Json, path: &Path) -> Option<Block> {
    let streams = items(element.get("streams"));
    let kind = |s: &Json, wanted: &str| s.get("stream_type").and_then(Json::as_str) == Some(wanted);
    let width = |s: &Json| s.get("width").and_then(Json::as_whole_number).unwrap_or(0);
    let mp4 = streams
        .iter()
        .copied()
        .filter(|s| kind(s, "mp4"))
        .min_by_key(|s| width(s).abs_diff(1280));
    let hls = streams.iter().copied().find(|s| kind(s, "ts"));
    let sources: Vec<_> = [mp4, hls]
        .into_iter()
        .flatten()
        .filter_map(|s| read::url(f, s.get("url"), &path.field("streams")))
        .map(read::video_source)
        .collect();
    if sources.is_empty() {
        return None;
    }
    let poster = element
        .get("promo_image")
        .and_then(|p| image(f, p, &path.field("promo_image")));
    read::video(
        sources,
        poster.map(|p| Image {
            caption: None,
            credit: None,
            ..p
        }),
        plain(
            f,
            at(element, &["headlines", "basic"]),
            &path.field("headlines"),
        ),
        element
            .get("duration")
            .and_then(Json::as_whole_number)
            .map(|ms| ms / 1000),
        plain(
            f,
            at(element, &["description", "basic"]),
            &path.field("description"),
        )
        .map(|d| read::inline(&d)),
    )
}

/// An ANS image, with its caption and `credits.by` as the credit.
fn image(f: &mut Fields, element: &Json, path: &Path) -> Option<Image> {
    let src = read::url(f, element.get("url"), &path.field("url"))?;
    let number = |key: &str| {
        element
            .get(key)
            .and_then(Json::as_whole_number)
            .and_then(|n| u32::try_from(n).ok())
    };
    let names: Vec<String> = items(at(element, &["credits", "by"]))
        .into_iter()
        .filter_map(|c| plain(f, c.get("name").or(c.get("byline")), &path.field("credits")))
        .collect();
    Some(Image {
        alt: plain(f, element.get("alt_text"), &path.field("alt_text"))
            .unwrap_or_default()
            .into(),
        width: number("width"),
        height: number("height"),
        caption: read::html_inline(f, element.get("caption"), &path.field("caption")),
        credit: (!names.is_empty()).then(|| Credit::named(&names.join(", "))),
        ..Image::at(src)
    })
}
