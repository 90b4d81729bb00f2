use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::{href, EXTERNAL_REL};
use crate::platform::{self, ShareOutcome};
use crate::reader::i18n::{fill, Ui, Words};
use crate::reader::share::{fold_space, Quote, SharePayload, ShareTarget};

/// Props of [`ShareBar`].
#[derive(Properties, Clone, PartialEq)]
pub struct ShareBarProps {
    /// What is shared: the canonical address, title and extra parameters.
    pub payload: Rc<SharePayload>,
    /// Which controls to show, in order.
    pub targets: Rc<[ShareTarget]>,
}

/// Share controls: the system share sheet (only where the browser has one), copy link with a
/// spoken confirmation, and intent links for the networks. While the reader has a passage of the
/// article selected, "Share quote" and "Copy link to quote" join them (never a pop-up over the
/// selection, which stays as it is): the link goes to the words themselves (a text fragment).
#[component]
pub fn ShareBar(ShareBarProps { payload, targets }: &ShareBarProps) -> Html {
    let ui = use_context::<Ui>().unwrap_or_default();
    let w = ui.words;
    let status = use_state(|| AttrValue::Static(""));
    let native = use_memo((), |_| platform::can_share_natively());
    let host = use_node_ref();
    let quote = use_selected_quote(host.clone());
    if targets.is_empty() {
        return html! {};
    }

    let on_share = {
        let (payload, status) = (payload.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            let text = payload.text.as_deref();
            share_sheet(&payload.title, text, &payload.url, status.clone(), w);
        })
    };
    let on_copy = {
        let (payload, status, host) = (payload.clone(), status.clone(), host.clone());
        Callback::from(move |_: MouseEvent| {
            let url = payload.url.clone();
            copy_saying(url, w.link_copied, host.clone(), status.clone(), w);
        })
    };

    let quote_controls = quote.as_ref().map(|passage| {
        let on_share_quote = {
            let (payload, status, passage, host) =
                (payload.clone(), status.clone(), passage.clone(), host.clone());
            Callback::from(move |_: MouseEvent| {
                let Some(quote) = passage.quote(&host) else {
                    return;
                };
                let text = payload.quote_text(&quote, w.quoted);
                let link = quote.link(&payload.url);
                share_sheet(&payload.title, Some(&text), &link, status.clone(), w);
            })
        };
        let on_copy_quote = {
            let (payload, status, passage, host) =
                (payload.clone(), status.clone(), passage.clone(), host.clone());
            Callback::from(move |_: MouseEvent| {
                let Some(quote) = passage.quote(&host) else {
                    return;
                };
                let link = quote.link(&payload.url);
                copy_saying(link, w.quote_link_copied, host.clone(), status.clone(), w);
            })
        };
        let share = *native && targets.contains(&ShareTarget::Native);
        let copy = targets.contains(&ShareTarget::Copy);
        html! {
            if share || copy {
                <div class="share-quote">
                    <q lang={payload.lang.clone()}>{ passage.shown.clone() }</q>
                    if share {
                        <button type="button" class="reader-button share-quote-native" onclick={on_share_quote}>
                            { w.share_quote }
                        </button>
                    }
                    if copy {
                        <button type="button" class="reader-button share-quote-copy" onclick={on_copy_quote}>
                            { w.copy_quote_link }
                        </button>
                    }
                </div>
            }
        }
    });

    let controls = targets.iter().copied().filter_map(|target| {
        let html = match target {
            ShareTarget::Native if !*native => return None,
            ShareTarget::Native => html! {
                <button key={target.key()} type="button" class="reader-button share-native" onclick={on_share.clone()}>
                    { w.share }
                </button>
            },
            ShareTarget::Copy => html! {
                <button key={target.key()} type="button" class="reader-button share-copy" onclick={on_copy.clone()}>
                    { w.copy_link }
                </button>
            },
            link => {
                let url = payload.intent_url(link)?;
                html! {
                    <a key={target.key()} class={classes!("share-link", format!("share-{}", link.key()))}
                        href={href(&url)}
                        rel={EXTERNAL_REL}
                        target={(link != ShareTarget::Email).then_some("_blank")}
                        aria-label={link.label(w)}>
                        { link.short_name(w) }
                    </a>
                }
            }
        };
        Some(html)
    });

    html! {
        <div class="share" part="share" role="group" aria-label={w.share_group} lang={ui.lang()} dir={ui.dir()} ref={host}>
            <div class="share-controls">{ for controls }</div>
            { quote_controls }
            <p class="share-status" role="status" aria-live="polite">{ (*status).clone() }</p>
        </div>
    }
}

/// Opens the share sheet (called right inside the click, so the share keeps the click's user
/// activation) and says in `status` when sharing did not work.
fn share_sheet(
    title: &str,
    text: Option<&str>,
    url: &str,
    status: UseStateHandle<AttrValue>,
    w: &'static Words,
) {
    let outcome = platform::share_natively(title, text, url);
    wasm_bindgen_futures::spawn_local(async move {
        match outcome.await {
            ShareOutcome::Failed => status.set(w.share_failed.into()),
            ShareOutcome::Shared | ShareOutcome::Cancelled => status.set("".into()),
        }
    });
}

/// Copies `link` and says `done` in `status`, or, where copying is blocked, the link itself to
/// copy by hand.
fn copy_saying(
    link: String,
    done: &'static str,
    host: NodeRef,
    status: UseStateHandle<AttrValue>,
    w: &'static Words,
) {
    wasm_bindgen_futures::spawn_local(async move {
        if platform::copy_text(&link, host.cast::<web_sys::Element>()).await {
            status.set(done.into());
        } else {
            status.set(fill(w.copy_blocked, "url", &link).into());
        }
    });
}

/// The passage of the article the reader has selected, if any: kept while the selection is
/// empty (pressing one of the quote's buttons empties it), replaced by a new one, and gone when
/// the reader selects something outside the article.
#[hook]
fn use_selected_quote(host: NodeRef) -> Option<Rc<Passage>> {
    let quote = use_state(|| None::<Rc<Passage>>);
    {
        let quote = quote.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window()
                .and_then(|w| w.document())
                .map(|document| {
                    gloo_events::EventListener::new(&document, "selectionchange", move |_| {
                        let Some(bar) = host.cast::<web_sys::Element>() else {
                            return;
                        };
                        let Some(article) = bar.closest("article").ok().flatten() else {
                            return;
                        };
                        match selected_quote(&article, &bar) {
                            Selection::Quote(selected) => {
                                if quote.as_deref() != Some(&selected) {
                                    quote.set(Some(Rc::new(selected)));
                                }
                            }
                            Selection::Elsewhere => quote.set(None),
                            Selection::None => {}
                        }
                    })
                });
            move || drop(listener)
        });
    }
    (*quote).clone()
}

/// What the page's selection is, for the share bar.
enum Selection {
    /// Nothing selected (or inside the share bar itself, such as the copy fallback's buffer).
    None,
    /// Something outside the article.
    Elsewhere,
    /// A passage of the article.
    Quote(Passage),
}

/// A passage the reader selected: what is shown of it, and the text around it that a link to it
/// may need. Made into a [`Quote`] only when it is shared (reading the article's whole text to
/// see whether its words repeat is work for the click, not for every change of the selection).
#[derive(PartialEq)]
struct Passage {
    /// The selected text, white space folded.
    shown: String,
    selected: String,
    before: String,
    after: String,
}

impl Passage {
    /// The quote of the article the share bar `host` is in.
    fn quote(&self, host: &NodeRef) -> Option<Quote> {
        let whole = host
            .cast::<web_sys::Element>()
            .and_then(|bar| bar.closest("article").ok().flatten())
            .and_then(|article| article.query_selector(".article-body").ok().flatten())
            .and_then(|body| body.text_content())
            .unwrap_or_default();
        Quote::new(&self.selected, &self.before, &self.after, &whole)
    }
}

/// The selection as a passage of `article` (the words around it read from the parts of the text
/// it starts and ends in, for a link that finds it when its words occur more than once).
fn selected_quote(article: &web_sys::Element, bar: &web_sys::Element) -> Selection {
    let Some(range) = platform::selected_range(article) else {
        return Selection::None;
    };
    let inside = |node: &web_sys::Node| article.contains(Some(node));
    if bar.contains(Some(&range.start)) {
        return Selection::None;
    }
    if !inside(&range.start) || !inside(&range.end) {
        return Selection::Elsewhere;
    }
    let part = |node: &web_sys::Node| {
        let element = match node.dyn_ref::<web_sys::Element>() {
            Some(element) => Some(element.clone()),
            None => node.parent_element(),
        };
        element
            .and_then(|el| el.closest("[data-block]").ok().flatten())
            .unwrap_or_else(|| article.clone())
    };
    let (first, last) = (part(&range.start), part(&range.end));
    let text = platform::text_between(
        &range.start,
        range.start_offset,
        &range.end,
        range.end_offset,
    );
    let before = platform::text_between(&first, 0, &range.start, range.start_offset);
    let after = platform::text_between(
        &range.end,
        range.end_offset,
        &last,
        last.child_nodes().length(),
    );
    let shown = fold_space(&text);
    if shown.is_empty() {
        return Selection::None;
    }
    Selection::Quote(Passage {
        shown,
        selected: text,
        before,
        after,
    })
}
