//! The article body as plain render functions, not components: the body never changes after load,
//! so a component per block or run would only add a scope, props and a diff each (hundreds of
//! them in a long article) for nothing.

use yew::prelude::*;
use yew::virtual_dom::VText;

use super::{href, text, EXTERNAL_REL};
use crate::model::{Block, Image, Inline, Mark, Run};

/// Inline content: each run as a text node inside its marks, in a link when it has one.
pub fn inline(content: &Inline) -> Html {
    content.0.iter().map(run).collect()
}

fn run(run: &Run) -> Html {
    let mut node = Html::VText(VText::new(text(&run.text)));
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
pub fn block(block: &Block) -> Html {
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
            <aside class="related-link" aria-label={label.as_ref().map(text).unwrap_or(AttrValue::Static("Related story"))}>
                if let Some(image) = image.as_ref().and_then(|i| i.src.as_ref().map(|src| (i, src))) {
                    <img class="related-link-image" src={href(image.1)} alt="" width={image.0.width.map(|w| w.to_string())} height={image.0.height.map(|h| h.to_string())} loading="lazy" />
                }
                <p class="related-link-label">{ label.as_ref().map(text).unwrap_or(AttrValue::Static("Related")) }</p>
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
        Block::Audio { src, title } => html! {
            <div class="audio">
                if let Some(title) = title {
                    <p class="audio-title">{ text(title) }</p>
                }
                if let Some(src) = src {
                    <audio controls=true preload="none" src={href(src)} aria-label={title.as_ref().map(text).unwrap_or(AttrValue::Static("Audio"))}></audio>
                }
            </div>
        },
        Block::Embed {
            url,
            title,
            provider,
        } => {
            let provider = provider.as_ref().map(text);
            let name = title
                .as_ref()
                .map(text)
                .or_else(|| provider.clone())
                .unwrap_or(AttrValue::Static("Embedded content"));
            html! {
                <div class="embed-card">
                    if let Some(provider) = provider.clone() {
                        <p class="embed-provider">{ provider }</p>
                    }
                    <p class="embed-title">
                        if let Some(url) = url {
                            <a href={href(url)} rel={EXTERNAL_REL} target="_blank">{ name }</a>
                        } else {
                            { name }
                        }
                    </p>
                    <p class="embed-note">{ "Opens on the provider's site; nothing from it loads here." }</p>
                </div>
            }
        }
    }
}

/// A `<figure>`: the picture (or its description when its address was refused), the caption, and
/// the credit in its own element. The lead image loads at once, others lazily.
pub fn figure(image: &Image, lead: bool) -> Html {
    let picture = match &image.src {
        Some(src) => {
            let img = html! {
                <img
                    src={href(src)}
                    alt={text(&image.alt)}
                    width={image.width.map(|w| w.to_string())}
                    height={image.height.map(|h| h.to_string())}
                    srcset={image.srcset_attr()}
                    sizes={image.srcset_attr().map(|_| "(min-width: 712px) 680px, 100vw")}
                    loading={if lead { "eager" } else { "lazy" }}
                    decoding="async"
                />
            };
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
            { picture }
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
