//! The article body as plain render functions, not components: the body never changes after load,
//! so a component per block or run would only add a scope, props and a diff each (hundreds of
//! them in a long article) for nothing.

use yew::prelude::*;
use yew::virtual_dom::VText;

use super::{href, text, EXTERNAL_REL};
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
    let marks: Vec<Mark> = run.marks.iter().collect();
    for mark in marks.into_iter().rev() {
        node = match mark {
            Mark::Strong => html! { <strong>{ node }</strong> },
            Mark::Em => html! { <em>{ node }</em> },
            Mark::Underline => html! { <u>{ node }</u> },
            Mark::Strike => html! { <s>{ node }</s> },
            Mark::Code => html! { <code>{ node }</code> },
            Mark::Sub => html! { <sub>{ node }</sub> },
            Mark::Sup => html! { <sup>{ node }</sup> },
        };
    }
    match &run.href {
        Some(url) => html! { <a href={href(url)} rel={EXTERNAL_REL} target="_blank">{ node }</a> },
        None => node,
    }
}

/// One body block, rendered as the format's table says.
pub fn block(block: &Block, ui: &Ui) -> Html {
    let w = ui.words;
    match block {
        Block::Paragraph { content } => html! { <p>{ inline(content) }</p> },
        Block::Heading { level, content } => {
            let inner = html! { { inline(content) } };
            match level {
                3 => html! { <h3>{ inner }</h3> },
                4 => html! { <h4>{ inner }</h4> },
                _ => html! { <h2>{ inner }</h2> },
            }
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
            if *ordered {
                html! { <ol>{ for items }</ol> }
            } else {
                html! { <ul>{ for items }</ul> }
            }
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
                    if let Some(url) = url {
                        <a href={href(url)} rel={EXTERNAL_REL} target="_blank">{ text(headline) }</a>
                    } else {
                        { text(headline) }
                    }
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
                        if let Some(url) = url {
                            <a href={href(url)} rel={EXTERNAL_REL} target="_blank">{ name.unwrap_or(AttrValue::Static(w.embedded_content)) }</a>
                        } else {
                            { name.unwrap_or(AttrValue::Static(w.embedded_content)) }
                        }
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
            let img = picture(image, None, text(&image.alt), load);
            match &image.link {
                Some(link) => {
                    html! { <a href={href(link)} rel={EXTERNAL_REL} target="_blank">{ img }</a> }
                }
                None => img,
            }
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
                            if let Some(url) = &credit.url {
                                <a href={href(url)} rel={EXTERNAL_REL} target="_blank">{ text(&credit.text) }</a>
                            } else {
                                { text(&credit.text) }
                            }
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
