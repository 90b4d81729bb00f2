//! WordPress REST API posts (`/wp-json/wp/v2/posts/ID`, with or without `?_embed`), or an array
//! of them (`/posts?slug=…`): the first is the article, the others related cards.

use super::read::{self, at, items, plain, text};
use super::Adapted;
use crate::core::json::Json;
use crate::core::model::{
    Article, Author, Comments, Credit, Crumb, Image, Related, SrcsetEntry, Text,
};
use crate::document::fields::{object, Fields, Result};
use crate::document::path::Path;

/// Whether `value` looks like a WordPress post: `title`/`content` as `{rendered}` objects.
pub(crate) fn is_post(value: &Json) -> bool {
    at(value, &["content", "rendered"]).is_some() || at(value, &["title", "rendered"]).is_some()
}

pub(crate) fn article(f: &mut Fields, value: &Json) -> Result<Adapted> {
    let root = Path::Root;
    let (post, others, path) = match value {
        Json::Array(posts) => {
            let first = posts.first().ok_or_else(|| {
                root.issue("a WordPress answer with no posts: there is no article to show")
            })?;
            (first, &posts[1..], root.index(0))
        }
        _ => (value, &[][..], root),
    };
    let post = object(post, &path)?;
    let headline = plain(
        f,
        at(post, &["title", "rendered"]).or(post.get("title")),
        &path.field("title"),
    );
    let mut article = read::article(headline.clone().unwrap_or_default());
    article.id = text(f, post.get("id"), &path.field("id")).map(Text::from);
    article.url = read::url(f, post.get("link"), &path.field("link"));
    let mut body = Vec::new();
    if let Some(html) = text(
        f,
        at(post, &["content", "rendered"]),
        &path.field("content"),
    ) {
        body = read::html_blocks(f, &html, &path.field("content"), article.url.as_ref())?;
    }
    article.summary = read::html_inline(
        f,
        at(post, &["excerpt", "rendered"]),
        &path.field("excerpt"),
    )
    .into_iter()
    .collect();
    article.published = read::date(f, post.get("date_gmt"), &path.field("date_gmt"), true)
        .or_else(|| read::date(f, post.get("date"), &path.field("date"), false));
    article.modified = read::date(
        f,
        post.get("modified_gmt"),
        &path.field("modified_gmt"),
        true,
    );
    read::set_language(
        f,
        &mut article,
        at(post, &["yoast_head_json", "og_locale"]),
        &path.field("yoast_head_json"),
    );
    let embedded = post.get("_embedded");
    let embedded_path = path.field("_embedded");
    if let Some(embedded) = embedded {
        article.authors = items(embedded.get("author"))
            .into_iter()
            .enumerate()
            .filter_map(|(i, a)| author(f, a, &embedded_path.field("author").index(i)))
            .collect();
        if let Some(media) = items(embedded.get("wp:featuredmedia")).first() {
            article.lead_image =
                featured(f, media, &embedded_path.field("wp:featuredmedia").index(0));
        }
        let (mut sections, mut tags) = (Vec::new(), Vec::new());
        for (i, group) in items(embedded.get("wp:term")).into_iter().enumerate() {
            for (j, term) in items(Some(group)).into_iter().enumerate() {
                let terms_path = embedded_path.field("wp:term");
                let group_path = terms_path.index(i);
                let term_path = group_path.index(j);
                let Some(name) = plain(f, term.get("name"), &term_path.field("name")) else {
                    continue;
                };
                match term.get("taxonomy").and_then(Json::as_str) {
                    Some("category") => sections.push(Crumb {
                        name: name.into(),
                        url: read::url(f, term.get("link"), &term_path.field("link")),
                    }),
                    Some("post_tag") => tags.push(Text::from(name)),
                    _ => {}
                }
            }
        }
        article.section = sections.into();
        article.tags = tags.into();
        if let Some(replies) = items(embedded.get("replies")).first() {
            article.comments = Some(Comments {
                count: items(Some(replies)).len() as u64,
                url: None,
            });
        }
    }
    fallbacks(f, post, &path, &mut article);
    article.related = others
        .iter()
        .enumerate()
        .filter_map(|(i, other)| related(f, other, &root.index(i + 1)))
        .collect();
    Ok(Adapted {
        article,
        body,
        headline,
    })
}

/// Without `_embed`, the author and the featured picture from the fields that common plugins
/// and themes add: `author_info`, Yoast's `author`; `better_featured_image`,
/// `jetpack_featured_media_url`, `featured_image_src`, Yoast's `og_image`.
fn fallbacks(f: &mut Fields, post: &Json, path: &Path, article: &mut Article) {
    if article.authors.is_empty() {
        let info_path = path.field("author_info");
        let from_info = items(post.get("author_info"))
            .into_iter()
            .filter_map(|info| {
                let name = info
                    .get("display_name")
                    .or(info.get("name"))
                    .or(info.get("user_nicename"));
                Some(Author {
                    name: plain(f, name, &info_path.field("display_name"))?.into(),
                    url: read::url(
                        f,
                        info.get("author_link")
                            .or(info.get("link"))
                            .or(info.get("url")),
                        &info_path.field("author_link"),
                    ),
                    avatar: read::url(
                        f,
                        info.get("avatar").or(info.get("avatar_url")),
                        &info_path.field("avatar"),
                    ),
                })
            })
            .collect::<Vec<_>>();
        let yoast = at(post, &["yoast_head_json", "author"]);
        article.authors = if from_info.is_empty() {
            plain(f, yoast, &path.field("yoast_head_json"))
                .map(|name| Author {
                    name: name.into(),
                    url: None,
                    avatar: None,
                })
                .into_iter()
                .collect()
        } else {
            from_info.into()
        };
    }
    if article.lead_image.is_none() {
        article.lead_image = match post.get("better_featured_image").filter(|m| m.is_object()) {
            Some(media) => featured(f, media, &path.field("better_featured_image")),
            None => ["jetpack_featured_media_url", "featured_image_src"]
                .into_iter()
                .find_map(|key| read::url(f, post.get(key), &path.field(key)))
                .or_else(|| {
                    let og = items(at(post, &["yoast_head_json", "og_image"]));
                    read::url(
                        f,
                        og.first().and_then(|i| i.get("url")),
                        &path.field("yoast_head_json"),
                    )
                })
                .map(Image::at),
        };
    }
}

fn author(f: &mut Fields, value: &Json, path: &Path) -> Option<Author> {
    let name = plain(f, value.get("name"), &path.field("name"))?;
    let avatars = value.get("avatar_urls");
    let avatar = ["96", "48", "24"]
        .iter()
        .find_map(|size| avatars.and_then(|a| a.get(size)))
        .and_then(|v| read::url(f, Some(v), &path.field("avatar_urls")));
    Some(Author {
        name: name.into(),
        url: read::url(f, value.get("link"), &path.field("link")),
        avatar,
    })
}

fn featured(f: &mut Fields, media: &Json, path: &Path) -> Option<Image> {
    let src = read::url(f, media.get("source_url"), &path.field("source_url"))?;
    let details = media.get("media_details");
    let number = |v: Option<&Json>| {
        v.and_then(Json::as_whole_number)
            .and_then(|n| u32::try_from(n).ok())
    };
    let mut srcset: Vec<SrcsetEntry> = Vec::new();
    if let Some(Json::Object(sizes)) = details.and_then(|d| d.get("sizes")) {
        for (name, size) in sizes {
            let size_path = path.field("media_details");
            let size_path = size_path.field(name);
            if let (Some(url), Some(width)) = (
                read::url(f, size.get("source_url"), &size_path),
                number(size.get("width")),
            ) {
                // Kept in width order as it is built, one entry per width (no sort code in
                // the wasm for a list of a few sizes).
                if let Err(at) = srcset.binary_search_by_key(&width, |e| e.width) {
                    srcset.insert(at, SrcsetEntry { src: url, width });
                }
            }
        }
    }
    let credit = details
        .and_then(|d| at(d, &["image_meta", "credit"]))
        .and_then(|c| plain(f, Some(c), &path.field("media_details")))
        .map(|text| Credit::named(&text));
    Some(Image {
        alt: plain(f, media.get("alt_text"), &path.field("alt_text"))
            .unwrap_or_default()
            .into(),
        width: number(details.and_then(|d| d.get("width"))),
        height: number(details.and_then(|d| d.get("height"))),
        srcset: srcset.into(),
        caption: read::html_inline(
            f,
            at(media, &["caption", "rendered"]),
            &path.field("caption"),
        ),
        credit,
        ..Image::at(src)
    })
}

fn related(f: &mut Fields, post: &Json, path: &Path) -> Option<Related> {
    let headline = plain(f, at(post, &["title", "rendered"]), &path.field("title"))?;
    Some(Related {
        headline: headline.into(),
        url: read::url(f, post.get("link"), &path.field("link")),
        image: None,
        section: None,
        published: read::date(f, post.get("date_gmt"), &path.field("date_gmt"), true),
        summary: read::html_inline(
            f,
            at(post, &["excerpt", "rendered"]),
            &path.field("excerpt"),
        )
        .map(|s| Text::from(s.plain_text().as_str())),
    })
}
