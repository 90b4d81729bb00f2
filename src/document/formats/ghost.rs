//! Ghost Content API: `{"posts": [...]}` (the first post) or one post object.

use super::read::{self, items, plain, text};
use super::Adapted;
use crate::core::json::Json;
use crate::core::model::{Author, Crumb, Image, Text};
use crate::document::fields::{object, Fields, Result};
use crate::document::path::Path;

/// Whether `value` looks like one Ghost post.
pub(crate) fn is_post(value: &Json) -> bool {
    value.get("html").is_some() && (value.get("uuid").is_some() || value.get("slug").is_some())
}

pub(crate) fn article(f: &mut Fields, value: &Json) -> Result<Adapted> {
    let posts_path = Path::Root.field("posts");
    let (post, path) = match value.get("posts") {
        Some(posts) => {
            let first = items(Some(posts)).into_iter().next().ok_or_else(|| {
                posts_path.issue("a Ghost answer with no posts: there is no article to show")
            })?;
            (first, posts_path.index(0))
        }
        None => (value, Path::Root),
    };
    let post = object(post, &path)?;
    let headline = plain(f, post.get("title"), &path.field("title"));
    let mut article = read::article(headline.clone().unwrap_or_default());
    article.id = text(f, post.get("id").or(post.get("uuid")), &path.field("id")).map(Text::from);
    article.url = read::url(f, post.get("canonical_url"), &path.field("canonical_url"))
        .or_else(|| read::url(f, post.get("url"), &path.field("url")));
    let body = match text(f, post.get("html"), &path.field("html")) {
        Some(html) => read::html_blocks(f, &html, &path.field("html"), article.url.as_ref())?,
        None => Vec::new(),
    };
    let excerpt = post.get("custom_excerpt").or(post.get("excerpt"));
    article.summary = text(f, excerpt, &path.field("excerpt"))
        .map(|s| read::inline(&s))
        .into_iter()
        .collect();
    article.published = read::date(
        f,
        post.get("published_at"),
        &path.field("published_at"),
        false,
    );
    article.modified = read::date(f, post.get("updated_at"), &path.field("updated_at"), false);
    article.lead_image =
        read::url(f, post.get("feature_image"), &path.field("feature_image")).map(|src| Image {
            alt: plain(
                f,
                post.get("feature_image_alt"),
                &path.field("feature_image_alt"),
            )
            .unwrap_or_default()
            .into(),
            caption: read::html_inline(
                f,
                post.get("feature_image_caption"),
                &path.field("feature_image_caption"),
            ),
            ..Image::at(src)
        });
    let mut authors = items(post.get("authors"));
    if authors.is_empty() {
        authors = items(post.get("primary_author"));
    }
    article.authors = authors
        .into_iter()
        .enumerate()
        .filter_map(|(i, a)| {
            let p = path.field("authors");
            let p = p.index(i);
            Some(Author {
                name: plain(f, a.get("name"), &p.field("name"))?.into(),
                url: read::url(f, a.get("url"), &p.field("url")),
                avatar: read::url(f, a.get("profile_image"), &p.field("profile_image")),
            })
        })
        .collect();
    let tags: Vec<&Json> = items(post.get("tags"));
    article.tags = tags
        .iter()
        .enumerate()
        .filter(|(_, t)| t.get("visibility").and_then(Json::as_str) != Some("internal"))
        .filter_map(|(i, t)| plain(f, t.get("name").or(Some(t)), &path.field("tags").index(i)))
        .map(Text::from)
        .collect();
    if let Some(primary) = post.get("primary_tag").filter(|t| !t.is_null()) {
        if let Some(name) = plain(f, primary.get("name"), &path.field("primary_tag")) {
            article.section = [Crumb {
                name: name.into(),
                url: read::url(f, primary.get("url"), &path.field("primary_tag")),
            }]
            .into();
        }
    }
    Ok(Adapted {
        article,
        body,
        headline,
    })
}
