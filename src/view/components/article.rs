use yew::prelude::*;

use web_sys::Node;

use super::body::Content;
use super::first_screen::set_busy;
use super::{href, linked, text, ById, ShareBar, EXTERNAL_REL};
use crate::core::date::DocDate;
use crate::core::model::{Article, Comments};
use crate::platform;
use crate::reader::i18n::{split, table, Ui};
use crate::reader::reading;
use crate::reader::share::{SharePayload, ShareTarget};

/// Props of [`ArticleView`].
#[derive(Properties, Clone, PartialEq)]
pub struct ArticleViewProps {
    /// The checked document; it does not change after load, so the body never re-renders.
    pub article: ById<Article>,
    /// Which share controls to show.
    pub share_targets: ById<[ShareTarget]>,
    /// Prefix for this instance's element ids.
    pub id_prefix: AttrValue,
    /// How many blocks render with the header ([`super::first_screen::first_screen`], which the
    /// reader works out once per article: it also decides whether the widget stays busy).
    pub first_screen: usize,
    /// Controls shown under the byline (page mode: "Save for offline"); none by default.
    #[prop_or_default]
    pub children: Html,
}

/// One whole article: header, lead image, body, audio, footer with share controls, related cards.
#[component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let a = &props.article;
    let ui = use_context::<Ui>().unwrap_or_default();
    let w = ui.words;
    let lang = text(&a.lang);
    let id = |part: &str| AttrValue::from(format!("{}-{part}", props.id_prefix));
    // The content is built as DOM nodes once per article and UI language (`body.rs`). First
    // screen first (see `first_screen.rs`): a long body starts with the blocks that fill the
    // first screen and gets the rest in one go after a paint; footer and cards come once the
    // body is whole.
    let whole_for = use_state(|| None::<ById<Article>>);
    let whole = whole_for.as_ref() == Some(&props.article);
    let content = {
        let count = if whole {
            a.body.len()
        } else {
            props.first_screen
        };
        let related_id = id("related");
        use_memo((props.article.clone(), ui.clone()), move |(article, ui)| {
            Content::build(article.0.clone(), ui.clone(), count, &related_id)
        })
    };
    {
        let (whole_for, article) = (whole_for.clone(), props.article.clone());
        use_effect_with(ById(content.clone()), move |content| {
            if !content.is_complete() {
                let content = content.clone();
                set_busy(content.body.as_ref(), true);
                wasm_bindgen_futures::spawn_local(async move {
                    platform::after_paint().await;
                    // The rest in one go: growing in steps measured slower to the whole
                    // article (each step is a layout of everything above it).
                    content.complete();
                    set_busy(content.body.as_ref(), false);
                    // Renders the footer and the cards.
                    whole_for.set(Some(article));
                });
            }
        });
    }
    let shown = |node: &Option<Node>| node.clone().map(Html::VRef);
    // Reading time walks the whole body and its words take `Intl` objects: once per article and
    // UI language (whose speed is the fallback), not on every render.
    let reading_time = use_memo((props.article.clone(), ui.clone()), move |(article, ui)| {
        let speed = table(&article.lang).unwrap_or(ui.words).reading_wpm;
        let (lo, hi) = reading::minutes(reading::word_count(article), speed);
        ui.count_range(&ui.words.reading_time, lo, hi)
    });
    let payload = use_memo(props.article.clone(), |article| {
        SharePayload::for_article(article, &platform::page_url())
    });
    html! {
        <article class="article" part="article" lang={lang.clone()} dir={a.dir.as_str()}>
            <header class="article-header">
                if let Some(site) = &a.site {
                    <p class="site">
                        if let Some(logo) = &site.logo {
                            <img class="site-logo" src={href(logo)} alt="" height="24" />
                        }
                        { linked(site.url.as_ref(), text(&site.name).into()) }
                    </p>
                }
                if !a.section.is_empty() {
                    <nav class="breadcrumb" aria-labelledby={id("crumbs")}>
                        { label(&ui, id("crumbs"), w.breadcrumb) }
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
                { shown(&content.summary) }
                { byline(a, &ui, &reading_time) }
                { props.children.clone() }
                if !a.audio.is_empty() {
                    // Beside "Listen": the publisher's own recordings.
                    <section class="article-audio" aria-labelledby={id("audio")}>
                        { label(&ui, id("audio"), w.recordings) }
                        { for content.recordings.iter().cloned().map(Html::VRef) }
                    </section>
                }
            </header>
            { shown(&content.lead) }
            { shown(&content.body) }
            if content.is_complete() {
            <footer class="article-footer">
                if !a.tags.is_empty() {
                    { label(&ui, id("tags"), w.tags) }
                    <ul class="tags" aria-labelledby={id("tags")}>
                        for (i, tag) in a.tags.iter().enumerate() {
                            <li key={i}>{ text(tag) }</li>
                        }
                    </ul>
                }
                if let Some(comments) = &a.comments {
                    { comment_count(comments, &ui) }
                }
                <ShareBar payload={payload} targets={props.share_targets.0.clone()} />
            </footer>
            { shown(&content.related()) }
            }
            // Where "Listen" docks its controls while reading: the article's end, so they stay
            // at the bottom of the screen for as long as the article is on it.
            <div class="reader-dock"></div>
        </article>
    }
}

/// An accessible name in the UI's words for a container of article content, as a hidden element
/// that `aria-labelledby` points to: it can carry the UI's `lang` where the content's differs.
fn label(ui: &Ui, id: AttrValue, words: &'static str) -> Html {
    html! { <span id={id} lang={ui.lang()} hidden=true>{ words }</span> }
}

/// Authors ("By A, B and C", joined as the UI language joins lists), the dates, and the reading
/// time (worked out by the view, once per article). UI words carry the UI's `lang` and `dir` when
/// the article is in another language.
fn byline(article: &Article, ui: &Ui, reading_time: &str) -> Html {
    let w = ui.words;
    let updated = article.visible_update();
    let separators = platform::list_separators(&ui.locale, article.authors.len());
    let (by_before, by_after) = split(w.by, "names");
    html! {
        <div class="byline">
            if !article.authors.is_empty() {
                <p class="authors" lang={ui.lang()} dir={ui.dir()}>
                    { by_before }
                    for (i, author) in article.authors.iter().enumerate() {
                        <span key={i} class="author">
                            if i > 0 { { separators.get(i - 1).cloned().unwrap_or_default() } }
                            if let Some(avatar) = &author.avatar {
                                <img class="avatar" src={href(avatar)} alt="" width="32" height="32" loading="lazy" />
                            }
                            <bdi lang={ui.lang().map(|_| text(&article.lang))}>
                                { linked(author.url.as_ref(), text(&author.name).into()) }
                            </bdi>
                        </span>
                    }
                    { by_after }
                </p>
            }
            <p class="dates" lang={ui.lang()} dir={ui.dir()}>
                if let Some(published) = &article.published {
                    <span class="published">{ dated(w.published, published, ui) }</span>
                }
                if let Some(modified) = updated {
                    <span class="updated">{ dated(w.updated, modified, ui) }</span>
                }
                <span class="reading-time">{ reading_time.to_owned() }</span>
            </p>
        </div>
    }
}

/// "Published {date}" with the date as `<time>`.
fn dated(template: &'static str, date: &DocDate, ui: &Ui) -> Html {
    let (before, after) = split(template, "date");
    html! { <>{ before }{ date_text(date, &ui.locale) }{ after }</> }
}

/// A date in a language as `<time datetime>`; a date that is not RFC 3339 is shown as the
/// publisher wrote it, as text.
pub fn date_text(date: &DocDate, lang: &str) -> Html {
    match date {
        DocDate::Checked(date) => {
            let shown = crate::reader::i18n::format_date(date, lang);
            html! { <time datetime={text(&date.datetime)}>{ shown }</time> }
        }
        DocDate::Unchecked(raw) => html! { <span class="date-as-written">{ text(raw) }</span> },
    }
}

/// "No comments yet", "1 comment", "12 comments" in the UI's plural forms, linked to the
/// comments when the document says where.
fn comment_count(comments: &Comments, ui: &Ui) -> Html {
    let label = match comments.count {
        0 => ui.words.comments_none.to_owned(),
        n => ui.count(&ui.words.comments, n),
    };
    html! {
        <p class="comments" lang={ui.lang()} dir={ui.dir()}>
            { linked(comments.url.as_ref(), label.into()) }
        </p>
    }
}
