use yew::prelude::*;

use super::body::{audio, block, figure, inline};
use super::related::related_cards;
use super::{href, text, ById, ShareBar, EXTERNAL_REL};
use crate::browser;
use crate::date::DocDate;
use crate::model::{Article, Comments};
use crate::share::{SharePayload, ShareTarget};

/// Props of [`ArticleView`].
#[derive(Properties, Clone, PartialEq)]
pub struct ArticleViewProps {
    /// The checked document; it does not change after load, so the body never re-renders.
    pub article: ById<Article>,
    /// Which share controls to show.
    pub share_targets: ById<[ShareTarget]>,
    /// Prefix for this instance's element ids.
    pub id_prefix: AttrValue,
    /// Controls shown under the byline (page mode: "Save for offline"); none by default.
    #[prop_or_default]
    pub children: Html,
}

/// One whole article: header, lead image, body, audio, footer with share controls, related cards.
#[component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let a = &props.article;
    let lang = text(&a.lang);
    let payload = use_memo(props.article.clone(), |article| {
        SharePayload::for_article(article, &browser::page_url())
    });
    html! {
        <article class="article" part="article" lang={lang.clone()} dir={a.dir.as_str()}>
            <header class="article-header">
                if let Some(site) = &a.site {
                    <p class="site">
                        if let Some(logo) = &site.logo {
                            <img class="site-logo" src={href(logo)} alt="" height="24" />
                        }
                        if let Some(url) = &site.url {
                            <a href={href(url)} rel={EXTERNAL_REL} target="_blank">{ text(&site.name) }</a>
                        } else {
                            { text(&site.name) }
                        }
                    </p>
                }
                if !a.section.is_empty() {
                    <nav class="breadcrumb" aria-label="Breadcrumb">
                        <ol>
                            for (i, crumb) in a.section.iter().enumerate() {
                                <li key={i}>
                                    if let Some(url) = &crumb.url {
                                        <a href={href(url)} rel={EXTERNAL_REL} target="_blank">{ text(&crumb.name) }</a>
                                    } else {
                                        <span>{ text(&crumb.name) }</span>
                                    }
                                </li>
                            }
                        </ol>
                    </nav>
                }
                <h1 class="headline" part="headline">{ text(&a.headline) }</h1>
                if let [only] = &*a.summary {
                    <p class="summary">{ inline(only) }</p>
                } else if !a.summary.is_empty() {
                    <ul class="summary">
                        for (i, point) in a.summary.iter().enumerate() {
                            <li key={i}>{ inline(point) }</li>
                        }
                    </ul>
                }
                { byline(a) }
                { props.children.clone() }
            </header>
            if let Some(image) = &a.lead_image {
                { figure(image, true) }
            }
            <div class="article-body">
                for (i, b) in a.body.iter().enumerate() {
                    <key={i}>{ block(b) }</>
                }
            </div>
            if !a.audio.is_empty() {
                <section class="article-audio" aria-label="Listen">
                    for (i, track) in a.audio.iter().enumerate() {
                        <key={i}>{ audio(Some(track.title.as_ref().map(text).unwrap_or(AttrValue::Static("Audio"))), track.duration_seconds, track.src.as_ref()) }</>
                    }
                </section>
            }
            <footer class="article-footer">
                if !a.tags.is_empty() {
                    <ul class="tags" aria-label="Tags">
                        for (i, tag) in a.tags.iter().enumerate() {
                            <li key={i}>{ text(tag) }</li>
                        }
                    </ul>
                }
                if let Some(comments) = &a.comments {
                    { comment_count(comments) }
                }
                <ShareBar payload={payload} targets={props.share_targets.0.clone()} />
            </footer>
            if !a.related.is_empty() {
                { related_cards(&a.related, &lang, &format!("{}-related", props.id_prefix).into()) }
            }
        </article>
    }
}

/// Authors, then the publication and update dates.
fn byline(article: &Article) -> Html {
    let lang = text(&article.lang);
    let updated = article.visible_update();
    if article.authors.is_empty() && article.published.is_none() && updated.is_none() {
        return html! {};
    }
    let last = article.authors.len().saturating_sub(1);
    html! {
        <div class="byline">
            if !article.authors.is_empty() {
                <p class="authors">
                    { "By " }
                    for (i, author) in article.authors.iter().enumerate() {
                        <span key={i} class="author">
                            if i > 0 { { if i == last { " and " } else { ", " } } }
                            if let Some(avatar) = &author.avatar {
                                <img class="avatar" src={href(avatar)} alt="" width="32" height="32" loading="lazy" />
                            }
                            if let Some(url) = &author.url {
                                <a href={href(url)} rel={EXTERNAL_REL} target="_blank">{ text(&author.name) }</a>
                            } else {
                                { text(&author.name) }
                            }
                        </span>
                    }
                </p>
            }
            <p class="dates">
                if let Some(published) = &article.published {
                    <span class="published">{ "Published " }{ date_text(published, &lang) }</span>
                }
                if let Some(modified) = updated {
                    <span class="updated">{ "Updated " }{ date_text(modified, &lang) }</span>
                }
            </p>
        </div>
    }
}

/// A date in the article's language as `<time datetime>`; a date that is not RFC 3339 is shown
/// as the publisher wrote it, as text.
pub(crate) fn date_text(date: &DocDate, lang: &str) -> Html {
    match date {
        DocDate::Checked(date) => {
            let shown = browser::format_date(date, lang);
            html! { <time datetime={text(&date.datetime)}>{ shown }</time> }
        }
        DocDate::Unchecked(raw) => html! { <span class="date-as-written">{ text(raw) }</span> },
    }
}

/// "No comments yet", "1 comment", "12 comments", linked to the comments when the document says where.
fn comment_count(comments: &Comments) -> Html {
    let label = match comments.count {
        0 => "No comments yet".to_owned(),
        1 => "1 comment".to_owned(),
        n => format!("{n} comments"),
    };
    html! {
        <p class="comments">
            if let Some(url) = &comments.url {
                <a href={href(url)} rel={EXTERNAL_REL} target="_blank">{ label }</a>
            } else {
                { label }
            }
        </p>
    }
}
