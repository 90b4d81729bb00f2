//! JSON Feed 1.0 and 1.1: one item is the article (the first, or the one `item` names), the
//! feed's other items its related cards, the feed itself its site.

use super::read::{self, at, items, plain, text};
use super::Adapted;
use crate::core::json::Json;
use crate::core::model::{AudioTrack, Author, Image, Related, Site, Text};
use crate::document::fields::{object, Fields, Result};
use crate::document::path::Path;

pub(crate) fn article(f: &mut Fields, feed: &Json, wanted: Option<&str>) -> Result<Adapted> {
    let root = Path::Root;
    let feed = object(feed, &root)?;
    let list = items(feed.get("items"));
    if list.is_empty() {
        return Err(root
            .field("items")
            .issue("a JSON Feed with no items: there is no article to show"));
    }
    let index = match wanted {
        Some(id) => list
            .iter()
            .position(|item| {
                item.get("id")
                    .and_then(|v| text(f, Some(v), &root))
                    .as_deref()
                    == Some(id)
            })
            .ok_or_else(|| {
                root.field("items").issue(format!(
                    "no item with the id \"{}\"",
                    id.chars().take(80).collect::<String>()
                ))
            })?,
        None => 0,
    };
    let items_path = root.field("items");
    let path = items_path.index(index);
    let item = object(list[index], &path)?;
    let headline = plain(f, item.get("title"), &path.field("title"));
    let mut article = read::article(headline.clone().unwrap_or_default());
    article.id = text(f, item.get("id"), &path.field("id")).map(Text::from);
    article.url = read::url(f, item.get("url"), &path.field("url"));
    let body = if let Some(html) = text(f, item.get("content_html"), &path.field("content_html")) {
        read::html_blocks(f, &html, &path.field("content_html"), article.url.as_ref())?
    } else if let Some(plain_text) = text(f, item.get("content_text"), &path.field("content_text"))
    {
        read::paragraphs(&plain_text)
    } else {
        Vec::new()
    };
    article.summary = text(f, item.get("summary"), &path.field("summary"))
        .map(|s| read::inline(&s))
        .into_iter()
        .collect();
    let image = item.get("image").or(item.get("banner_image"));
    article.lead_image = read::url(f, image, &path.field("image")).map(Image::at);
    article.published = read::date(
        f,
        item.get("date_published"),
        &path.field("date_published"),
        false,
    );
    article.modified = read::date(
        f,
        item.get("date_modified"),
        &path.field("date_modified"),
        false,
    );
    // Authors: the item's, else the feed's; 1.1 `authors`, 1.0 `author`.
    let mut authors = people(f, item, &path);
    if authors.is_empty() {
        authors = people(f, feed, &root);
    }
    article.authors = authors.into();
    article.tags = read::words(f, item.get("tags"), &path.field("tags"))
        .into_iter()
        .map(Text::from)
        .collect();
    let language = item.get("language").or(feed.get("language"));
    read::set_language(f, &mut article, language, &path.field("language"));
    article.audio = items(item.get("attachments"))
        .into_iter()
        .enumerate()
        .filter(|(_, a)| {
            a.get("mime_type")
                .and_then(Json::as_str)
                .is_some_and(|m| m.starts_with("audio/"))
        })
        .filter_map(|(i, a)| {
            let attachment = path.field("attachments");
            let attachment = attachment.index(i);
            Some(AudioTrack {
                src: Some(read::url(f, a.get("url"), &attachment.field("url"))?),
                title: plain(f, a.get("title"), &attachment.field("title")).map(Text::from),
                kind: None,
                duration_seconds: a.get("duration_in_seconds").and_then(Json::as_whole_number),
            })
        })
        .collect();
    if let Some(name) = plain(f, feed.get("title"), &root.field("title")) {
        article.site = Some(Site {
            name: name.into(),
            url: read::url(f, feed.get("home_page_url"), &root.field("home_page_url")),
            logo: read::url(
                f,
                feed.get("icon").or(feed.get("favicon")),
                &root.field("icon"),
            ),
        });
    }
    article.related = list
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != index)
        .take(12)
        .filter_map(|(i, other)| related(f, other, &items_path.index(i)))
        .collect();
    Ok(Adapted {
        article,
        body,
        headline,
    })
}

fn people(f: &mut Fields, value: &Json, path: &Path) -> Vec<Author> {
    let list = match value.get("authors") {
        Some(list) => items(Some(list)),
        None => items(value.get("author")),
    };
    list.into_iter()
        .enumerate()
        .filter_map(|(i, person)| {
            let p = path.field("authors");
            let p = p.index(i);
            Some(Author {
                name: plain(f, person.get("name"), &p.field("name"))?.into(),
                url: read::url(f, person.get("url"), &p.field("url")),
                avatar: read::url(f, person.get("avatar"), &p.field("avatar")),
            })
        })
        .collect()
}

fn related(f: &mut Fields, item: &Json, path: &Path) -> Option<Related> {
    let headline = plain(f, item.get("title"), &path.field("title"))?;
    Some(Related {
        headline: headline.into(),
        url: read::url(f, item.get("url"), &path.field("url")),
        image: None,
        section: None,
        published: read::date(
            f,
            at(item, &["date_published"]),
            &path.field("date_published"),
            false,
        ),
        summary: text(f, item.get("summary"), &path.field("summary")).map(Text::from),
    })
}
