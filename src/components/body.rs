//! The article body as plain render functions, not components: the body never changes after load,
//! so a component per block or run would only add a scope, props and a diff each (hundreds of
//! them in a long article) for nothing.

use yew::prelude::*;
use yew::virtual_dom::VText;

use super::{href, linked, text};
use crate::i18n::Ui;
use crate::model::{Block, Image, Inline, Mark, Run};
use crate::url_policy::SafeUrl;

/// Inline content: each run as a text node inside its marks, in a link when it has one.
pub fn inline(content: &Inline) -> Html {
    content.0.iter().map(run).collect()
}

fn run(run: &Run) -> Html {
    let mut node = if run.text.contains('\n') {
        // A line break inside a paragraph (from publishers' `<br>`): text, a `<br>`, text.
        let lines = run.text.split('\n').enumerate().map(|(i, line)| {
            html! { <>if i > 0 { <br /> }{ line.to_owned() }</> }
        });
        html! { <>{ for lines }</> }
    } else {
        Html::VText(VText::new(text(&run.text)))
    };
    // Innermost mark first, so that the outermost ends up outside.
    for mark in Mark::ALL.into_iter().rev().filter(|m| run.marks.has(*m)) {
        node = html! { <@{mark_element(mark)}>{ node }</@> };
    }
    linked(run.href.as_ref(), node)
}

/// The HTML element of a mark, as section 3 of the format fixes it.
fn mark_element(mark: Mark) -> &'static str {
    match mark {
        Mark::Strong => "strong",
        Mark::Em => "em",
        Mark::Underline => "u",
        Mark::Strike => "s",
        Mark::Code => "code",
        Mark::Sub => "sub",
        Mark::Sup => "sup",
    }
}

/// One body block, rendered as the format's table says.
pub fn block(block: &Block, ui: &Ui) -> Html {
    let w = ui.words;
    match block {
        Block::Paragraph { content } => html! { <p>{ inline(content) }</p> },
        Block::Heading { level, content } => {
            let element = match level {
                3 => "h3",
                4 => "h4",
                _ => "h2",
            };
            html! { <@{element}>{ inline(content) }</@> }
        }
        Block::Image { image } => html! { { figure(image, false) } },
        Block::Quote {
            content,
            cite,
            pull,
        } => html! {
            <div class={classes!("quote", pull.then_some("quote-pull"))}>
                <blockquote><p>{ inline(content) }</p></blockquote>
                if let Some(cite) = cite {
                    <p class="quote-cite">{ "— " }<cite>{ text(cite) }</cite></p>
                }
            </div>
        },
        Block::List { ordered, items } => {
            let items = items.iter().enumerate().map(|(i, item)| {
                html! { <li key={i}>{ inline(item) }</li> }
            });
            html! { <@{if *ordered { "ol" } else { "ul" }}>{ for items }</@> }
        }
        Block::RelatedLink {
            headline,
            url,
            image,
            label,
        } => html! {
            <aside class="related-link" aria-label={label.as_ref().map(text).unwrap_or(AttrValue::Static(w.related_story))}>
                if let Some(image) = image {
                    { picture(image, Some("related-link-image"), AttrValue::Static(""), Load::Lazy) }
                }
                if let Some(label) = label {
                    <p class="related-link-label">{ text(label) }</p>
                } else {
                    <p class="related-link-label" lang={ui.lang()}>{ w.related }</p>
                }
                <p class="related-link-headline">
                    { linked(url.as_ref(), text(headline).into()) }
                </p>
            </aside>
        },
        Block::Divider => html! { <hr /> },
        Block::Audio { src, title } => audio(title.as_ref().map(text), None, src.as_ref(), ui),
        Block::Embed {
            url,
            title,
            provider,
        } => {
            let provider = provider.as_ref().map(text);
            let name = title.as_ref().map(text).or_else(|| provider.clone());
            html! {
                <div class="embed-card">
                    if let Some(provider) = provider.clone() {
                        <p class="embed-provider">{ provider }</p>
                    }
                    <p class="embed-title" lang={name.is_none().then(|| ui.lang()).flatten()}>
                        { linked(url.as_ref(), name.unwrap_or(AttrValue::Static(w.embedded_content)).into()) }
                    </p>
                    <p class="embed-note" lang={ui.lang()} dir={ui.dir()}>{ w.embed_note }</p>
                </div>
            }
        }
    }
}

/// A `<figure>`: the picture (or its description when its address was refused), the caption, and
/// the credit in its own element. The lead image loads at once, others lazily.
pub fn figure(image: &Image, lead: bool) -> Html {
    let shown = match &image.src {
        Some(_) => {
            let load = if lead { Load::Eager } else { Load::Figure };
            linked(
                image.link.as_ref(),
                picture(image, None, text(&image.alt), load),
            )
        }
        None if !image.alt.is_empty() => {
            html! { <p class="figure-missing">{ text(&image.alt) }</p> }
        }
        None => html! {},
    };
    html! {
        <figure class={classes!("figure", lead.then_some("figure-lead"))}>
            { shown }
            if image.caption.is_some() || image.credit.is_some() {
                <figcaption>
                    if let Some(caption) = &image.caption {
                        <span class="caption">{ inline(caption) }</span>
                    }
                    if let Some(credit) = &image.credit {
                        <small class="credit">
                            { linked(credit.url.as_ref(), text(&credit.text).into()) }
                            if let Some(license) = &credit.license {
                                { " (" }{ text(license) }{ ")" }
                            }
                        </small>
                    }
                </figcaption>
            }
        </figure>
    }
}

/// How a picture loads.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Load {
    /// The lead image: at once, with its `srcset` (it is the largest thing on the first screen).
    Eager,
    /// A figure in the body: when near the viewport, with its `srcset`.
    Figure,
    /// A thumbnail (cards, related links): when near the viewport, its one address.
    Lazy,
}

/// The `<img>` of a document picture; nothing when its address was refused. Width and height
/// reserve its space before it loads (no layout shift); `alt` is empty for a decorative one.
pub fn picture(image: &Image, class: Option<&'static str>, alt: AttrValue, load: Load) -> Html {
    let Some(src) = &image.src else {
        return html! {};
    };
    let srcset = (load != Load::Lazy).then(|| image.srcset_attr()).flatten();
    html! {
        <img
            class={class}
            src={href(src)}
            alt={alt}
            width={image.width.map(|w| w.to_string())}
            height={image.height.map(|h| h.to_string())}
            sizes={srcset.as_ref().map(|_| "(min-width: 712px) 680px, 100vw")}
            srcset={srcset}
            loading={if load == Load::Eager { "eager" } else { "lazy" }}
            decoding="async"
        />
    }
}

/// An audio player that never plays by itself, under its title (and length, when known). Its
/// accessible name is the title, or "Audio" in the UI's words.
pub fn audio(
    title: Option<AttrValue>,
    seconds: Option<u64>,
    src: Option<&SafeUrl>,
    ui: &Ui,
) -> Html {
    let minutes = seconds.map(|s| format!(" ({}:{:02})", s / 60, s % 60));
    let titled = title.is_some() || minutes.is_some();
    let (name, lang) = match title {
        Some(title) => (title, None),
        None => (AttrValue::Static(ui.words.audio), ui.lang()),
    };
    html! {
        <div class="audio">
            if titled {
                <p class="audio-title" lang={lang}>{ name.clone() }{ minutes }</p>
            }
            if let Some(src) = src {
                <audio controls=true preload="none" src={href(src)} aria-label={name} lang={lang}></audio>
            }
        </div>
    }
}
