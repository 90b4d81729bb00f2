//! schema.org JSON-LD: an object, an array, or `{"@graph": [...]}` whose nodes refer to each other
//! by `@id`; the article is the node whose `@type` is `Article` or one of its subtypes.

use super::read::{self, items, plain, text};
use super::Adapted;
use crate::core::json::Json;
use crate::core::model::{Author, Block, Credit, Crumb, Image, Note, NoteKind, Site, Text};
use crate::core::url_policy::SafeUrl;
use crate::document::fields::{Fields, Result};
use crate::document::path::Path;

/// `Article` and its subtypes in schema.org.
const ARTICLE_TYPES: [&str; 20] = [
    "Article",
    "NewsArticle",
    "BlogPosting",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "AskPublicNewsArticle",
    "LiveBlogPosting",
    "ScholarlyArticle",
    "MedicalScholarlyArticle",
    "TechArticle",
    "APIReference",
    "SatiricalArticle",
    "Report",
    "SocialMediaPosting",
    "DiscussionForumPosting",
    "AdvertiserContentArticle",
    "Posting",
];

/// Whether `value` is JSON-LD: a node or graph with `@context`, `@graph` or `@type`.
pub(crate) fn is_jsonld(value: &Json) -> bool {
    let node = |v: &Json| {
        v.get("@context").is_some() || v.get("@graph").is_some() || v.get("@type").is_some()
    };
    match value {
        Json::Array(list) => list.iter().any(node),
        other => node(other),
    }
}

/// Every node of the document, flattened out of arrays, `@graph`s and a page's `mainEntity`.
fn nodes<'v>(value: &'v Json, out: &mut Vec<&'v Json>) {
    match value {
        Json::Array(list) => list.iter().for_each(|item| nodes(item, out)),
        Json::Object(_) => {
            if let Some(graph) = value.get("@graph") {
                nodes(graph, out);
            }
            if value.get("@type").is_some() {
                out.push(value);
            }
            // A `WebPage` whose `mainEntity` is the article (or holds a graph of its own).
            if let Some(main) = value.get("mainEntity") {
                nodes(main, out);
            }
        }
        _ => {}
    }
}

fn types(node: &Json) -> Vec<&str> {
    items(node.get("@type"))
        .into_iter()
        .filter_map(Json::as_str)
        .map(|t| t.rsplit(['/', ':', '#']).next().unwrap_or(t))
        .collect()
}

/// Follows an `{"@id": …}` reference to its node in the graph (a node given in full is itself).
fn resolve<'v>(value: &'v Json, graph: &[&'v Json]) -> &'v Json {
    match (value.get("@id").and_then(Json::as_str), value) {
        (Some(id), Json::Object(members)) if members.len() == 1 => graph
            .iter()
            .find(|node| node.get("@id").and_then(Json::as_str) == Some(id))
            .map_or(value, |node| node),
        _ => value,
    }
}

/// A node's `articleBody`: markup through the allowlist, plain text as paragraphs.
fn article_body(f: &mut Fields, node: &Json, path: &Path) -> Result<Vec<Block>> {
    Ok(
        match text(f, node.get("articleBody"), &path.field("articleBody")) {
            Some(body) if body.contains('<') => {
                read::html_blocks(f, &body, &path.field("articleBody"), None)?
            }
            Some(body) => read::paragraphs(&body),
            None => Vec::new(),
        },
    )
}

/// A `LiveBlogPosting`'s `liveBlogUpdate` entries, newest first: each a dated "Update" note
/// (its headline, else its first paragraph) followed by its text, until live blogs have
/// elements of their own.
fn live_updates(f: &mut Fields, node: &Json, graph: &[&Json], path: &Path) -> Result<Vec<Block>> {
    let updates_path = path.field("liveBlogUpdate");
    let mut updates = Vec::new();
    for (i, update) in items(node.get("liveBlogUpdate")).into_iter().enumerate() {
        let update = resolve(update, graph);
        let p = updates_path.index(i);
        let date = read::date(
            f,
            update.get("datePublished").or(update.get("dateModified")),
            &p.field("datePublished"),
            false,
        );
        let mut blocks = article_body(f, update, &p)?;
        let headline = plain(
            f,
            update.get("headline").or(update.get("name")),
            &p.field("headline"),
        );
        let content = match headline {
            Some(h) => read::inline(&h),
            None => match blocks.first() {
                Some(Block::Paragraph { content }) => {
                    let content = content.clone();
                    blocks.remove(0);
                    content
                }
                _ => continue,
            },
        };
        let when = date
            .as_ref()
            .and_then(|d| d.checked())
            .map(|d| d.epoch_seconds);
        let mut section = vec![Block::Note {
            note: Note {
                kind: NoteKind::Update,
                date,
                content,
            },
        }];
        section.append(&mut blocks);
        // Newest first; undated updates after the dated ones, each kept in the document's
        // order among equals (placed by hand: a library sort costs 4 KB of wasm).
        let at = updates
            .iter()
            .position(|(w, _)| *w < when)
            .unwrap_or(updates.len());
        updates.insert(at, (when, section));
    }
    Ok(updates.into_iter().flat_map(|(_, s)| s).collect())
}

pub(crate) fn article(f: &mut Fields, value: &Json) -> Result<Adapted> {
    let mut graph = Vec::new();
    nodes(value, &mut graph);
    let is_video = |node: &&Json| types(node).contains(&"VideoObject");
    let Some(node) = graph
        .iter()
        .copied()
        .find(|node| types(node).iter().any(|t| ARTICLE_TYPES.contains(t)))
        // A video's own page: the video is the article.
        .or_else(|| graph.iter().copied().find(is_video))
    else {
        let mut found: Vec<&str> = graph.iter().flat_map(|n| types(n)).collect();
        found.dedup();
        let found = if found.is_empty() {
            "no typed node".to_owned()
        } else {
            found.join(", ")
        };
        return Err(Path::Root.issue(format!(
            "schema.org JSON-LD without an Article (found: {found}): there is no article to show"
        )));
    };
    let path = Path::Root;
    let headline = plain(
        f,
        node.get("headline").or(node.get("name")),
        &path.field("headline"),
    );
    // The article's videos (`video`, or the node itself on a video's page) come first.
    let mut body: Vec<Block> = if is_video(&node) {
        // Its description is the summary already, not also the video's caption.
        video_object(f, node, &graph, &path, false)
            .into_iter()
            .collect()
    } else {
        items(node.get("video"))
            .into_iter()
            .filter_map(|v| video_object(f, resolve(v, &graph), &graph, &path.field("video"), true))
            .collect()
    };
    body.extend(article_body(f, node, &path)?);
    body.extend(live_updates(f, node, &graph, &path)?);
    let mut article = read::article(headline.clone().unwrap_or_default());
    article.id = text(f, node.get("@id"), &path.field("@id")).map(Text::from);
    let page = node.get("mainEntityOfPage").map(|p| resolve(p, &graph));
    article.url = read::url(f, node.get("url"), &path.field("url")).or_else(|| match page {
        Some(Json::String(_)) => read::url(f, page, &path.field("mainEntityOfPage")),
        Some(page) => read::url(
            f,
            page.get("@id").or(page.get("url")),
            &path.field("mainEntityOfPage"),
        ),
        None => None,
    });
    article.summary = plain(f, node.get("description"), &path.field("description"))
        .map(|s| read::inline(&s))
        .into_iter()
        .collect();
    article.published = read::date(
        f,
        node.get("datePublished"),
        &path.field("datePublished"),
        false,
    );
    article.modified = read::date(
        f,
        node.get("dateModified"),
        &path.field("dateModified"),
        false,
    );
    article.lead_image = items(node.get("image"))
        .into_iter()
        .find_map(|image| picture(f, resolve(image, &graph), &path.field("image")));
    article.authors = items(node.get("author"))
        .into_iter()
        .enumerate()
        .filter_map(|(i, person)| {
            let person = resolve(person, &graph);
            let p = path.field("author");
            let p = p.index(i);
            let name = match person {
                Json::String(_) => plain(f, Some(person), &p),
                _ => plain(f, person.get("name"), &p.field("name")),
            }?;
            let avatar = person.get("image").map(|i| resolve(i, &graph));
            let avatar = image_url(f, avatar, &p.field("image"));
            Some(Author {
                name: name.into(),
                url: read::url(f, person.get("url"), &p.field("url")),
                avatar,
            })
        })
        .collect();
    article.section = read::words(f, node.get("articleSection"), &path.field("articleSection"))
        .into_iter()
        .map(|name| Crumb {
            name: name.into(),
            url: None,
        })
        .collect();
    article.tags = read::words(f, node.get("keywords"), &path.field("keywords"))
        .into_iter()
        .map(Text::from)
        .collect();
    let language = node.get("inLanguage").map(|l| match l {
        Json::Object(_) => l.get("alternateName").unwrap_or(l),
        other => other,
    });
    read::set_language(f, &mut article, language, &path.field("inLanguage"));
    if let Some(publisher) = node.get("publisher").map(|p| resolve(p, &graph)) {
        if let Some(name) = plain(f, publisher.get("name"), &path.field("publisher")) {
            let logo = publisher.get("logo").map(|l| resolve(l, &graph));
            article.site = Some(Site {
                name: name.into(),
                url: read::url(f, publisher.get("url"), &path.field("publisher")),
                logo: image_url(f, logo, &path.field("publisher")),
            });
        }
    }
    Ok(Adapted {
        article,
        body,
        headline,
    })
}

/// A schema.org `VideoObject`: its file (`contentUrl`) played here, else its player
/// (`embedUrl`: a known player's card, played on request, or a link card), with its name,
/// thumbnail, length (ISO 8601) and, with `described`, its description as the caption.
fn video_object(
    f: &mut Fields,
    node: &Json,
    graph: &[&Json],
    path: &Path,
    described: bool,
) -> Option<Block> {
    let title = plain(f, node.get("name"), &path.field("name"));
    let poster = items(node.get("thumbnailUrl").or(node.get("thumbnail")))
        .into_iter()
        .find_map(|t| picture(f, resolve(t, graph), &path.field("thumbnailUrl")));
    let duration =
        text(f, node.get("duration"), &path.field("duration")).and_then(|d| read::iso_duration(&d));
    if let Some(src) = read::url(f, node.get("contentUrl"), &path.field("contentUrl")) {
        let mut source = read::video_source(src);
        if let Some(format) = text(f, node.get("encodingFormat"), &path.field("encodingFormat"))
            .filter(|t| t.starts_with("video/") || t.starts_with("application/"))
        {
            source.mime = Some(format.into());
        }
        let caption = described
            .then(|| plain(f, node.get("description"), &path.field("description")))
            .flatten();
        return read::video(
            vec![source],
            poster.map(|p| Image { caption: None, ..p }),
            title,
            duration,
            caption.map(|c| read::inline(&c)),
        );
    }
    let url = read::url(f, node.get("embedUrl"), &path.field("embedUrl"))?;
    let mut block = Block::embed(Some(url), title.map(Text::from), None);
    if let Block::Embed { thumbnail, .. } = &mut block {
        *thumbnail = poster.map(|p| Image { caption: None, ..p });
    }
    Some(block)
}

/// The address of an image given as an address or as an `ImageObject` (`url`, else `contentUrl`).
fn image_url(f: &mut Fields, image: Option<&Json>, path: &Path) -> Option<SafeUrl> {
    match image? {
        image @ Json::String(_) => read::url(f, Some(image), path),
        image => read::url(f, image.get("url").or(image.get("contentUrl")), path),
    }
}

/// An image in any of its shapes: an address, or an `ImageObject` with its caption and credit.
fn picture(f: &mut Fields, image: &Json, path: &Path) -> Option<Image> {
    let src = image_url(f, Some(image), path)?;
    let object = (!matches!(image, Json::String(_))).then_some(image);
    let number = |key: &str| {
        object
            .and_then(|o| o.get(key))
            .and_then(Json::as_whole_number)
            .and_then(|n| u32::try_from(n).ok())
    };
    let credit = object
        .and_then(|o| {
            o.get("creditText")
                .or(o.get("copyrightHolder"))
                .or(o.get("author"))
        })
        .and_then(|c| match c {
            Json::Object(_) => plain(f, c.get("name"), path),
            other => plain(f, Some(other), path),
        })
        .map(|text| Credit::named(&text));
    Some(Image {
        alt: object
            .and_then(|o| plain(f, o.get("description").or(o.get("name")), path))
            .unwrap_or_default()
            .into(),
        width: number("width"),
        height: number("height"),
        caption: object
            .and_then(|o| plain(f, o.get("caption"), path))
            .map(|c| read::inline(&c)),
        credit,
        ..Image::at(src)
    })
}
