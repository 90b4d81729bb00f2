//! Resume where you stopped: the position in an article (`reader::position`) is kept when the
//! page is left or hidden, and the article opens there again once its body is drawn, with "Back
//! to the beginning"; a named progress bar follows the reading. Drawn in the article's dock
//! (sticky at the bottom), from the islands module. Page mode always has it; an embedded reader
//! only when the host turns it on (`resume`: the storage is the host page's).

use std::rc::Rc;

use gloo_events::EventListener;
use web_sys::Element;
use yew::prelude::*;

use crate::platform;
use crate::reader::i18n::Ui;
use crate::reader::position::{thousandths, Positions, ReadingPosition, POSITIONS_KEY};

/// Props of [`Resume`].
#[derive(Properties, Clone, PartialEq)]
pub struct ResumeProps {
    /// The address of the article's document: its position is kept under it.
    pub address: AttrValue,
    /// The body block to open at instead of the kept position (page mode's `&at=N`, from a
    /// search of the saved list); it also takes the focus.
    #[prop_or_default]
    pub open_at: Option<AttrValue>,
    /// An element inside the article (to find it and its dock).
    pub inside: NodeRef,
}

/// The reading position of one article: kept, restored, shown.
#[component]
pub fn Resume(props: &ResumeProps) -> Html {
    let ui = use_context::<Ui>().unwrap_or_default();
    let w = ui.words;
    let progress = use_state(|| 0.0f32);
    let resumed = use_state(|| false);
    let dock = use_state(|| None::<Element>);
    {
        let (progress, resumed, dock, inside) = (
            progress.clone(),
            resumed.clone(),
            dock.clone(),
            props.inside.clone(),
        );
        let open_at = props.open_at.clone();
        use_effect_with(props.address.clone(), move |url| {
            let article = inside
                .cast::<Element>()
                .and_then(|el| el.closest("article").ok().flatten());
            let mut listeners = Vec::new();
            if let Some(article) = article {
                let url = url.to_string();
                dock.set(article.query_selector(".reader-dock").ok().flatten());
                let keep = {
                    let (article, url) = (article.clone(), url.clone());
                    Rc::new(move || {
                        if let Some(position) = position_in(&article) {
                            let mut all = Positions::from_text(
                                &platform::stored(POSITIONS_KEY).unwrap_or_default(),
                            );
                            all.set(&url, position);
                            platform::store(POSITIONS_KEY, &all.to_text());
                        }
                    })
                };
                if let Some(window) = web_sys::window() {
                    let on_leave = keep.clone();
                    listeners.push(EventListener::new(&window, "pagehide", move |_| on_leave()));
                    if let Some(document) = window.document() {
                        let (on_hide, doc) = (keep.clone(), document.clone());
                        listeners.push(EventListener::new(
                            &document,
                            "visibilitychange",
                            move |_| {
                                if doc.hidden() {
                                    on_hide()
                                }
                            },
                        ));
                    }
                    let (shown, article_for_scroll) = (progress.clone(), article.clone());
                    // (gloo's listeners are passive: scrolling never waits for this.)
                    listeners.push(EventListener::new(&window, "scroll", move |_| {
                        if let Some(position) = position_in(&article_for_scroll) {
                            shown.set(position.progress);
                        }
                    }));
                }
                wasm_bindgen_futures::spawn_local(async move {
                    body_whole(&article).await;
                    let stored =
                        Positions::from_text(&platform::stored(POSITIONS_KEY).unwrap_or_default());
                    if let Some(block) = open_at {
                        // Opened from a search of the saved list: at the passage found, which
                        // takes the focus (a screen reader starts there).
                        if let Some(position) = ReadingPosition::new(&block, 0.0, 0.0) {
                            if scroll_to(&article, &position) {
                                focus_block(&article, &block);
                            }
                        }
                    } else if let Some(position) =
                        stored.get(&url).filter(|p| !p.at_start() && !p.finished())
                    {
                        if scroll_to(&article, position) {
                            resumed.set(true);
                        }
                    }
                    if let Some(position) = position_in(&article) {
                        progress.set(position.progress);
                    }
                });
            }
            move || drop(listeners)
        });
    }
    let Some(dock) = (*dock).clone() else {
        return html! {};
    };
    let back = {
        let (resumed, inside) = (resumed.clone(), props.inside.clone());
        Callback::from(move |_: MouseEvent| {
            resumed.set(false);
            let article = inside
                .cast::<Element>()
                .and_then(|el| el.closest("article").ok().flatten());
            if let (Some(article), Some(window)) = (article, web_sys::window()) {
                let top =
                    article.get_bounding_client_rect().top() + window.scroll_y().unwrap_or(0.0);
                window.scroll_to_with_x_and_y(0.0, top.max(0.0));
                if let Some(headline) = article.query_selector("h1").ok().flatten() {
                    platform::focus_part(&headline);
                }
            }
        })
    };
    create_portal(
        html! {
            <div class="resume-bar" lang={ui.lang()} dir={ui.dir()}>
                if *resumed {
                    <p class="resume-note">{ w.resumed }</p>
                    <button type="button" class="reader-button reader-button-quiet resume-back" onclick={back}>{ w.back_to_start }</button>
                }
                <progress class="reading-progress" max="1" value={thousandths(*progress)} aria-label={w.reading_progress}></progress>
            </div>
        },
        dock,
    )
}

/// Waits until the article around `article` has its whole body (a long body gets its rest after
/// a paint: `aria-busy` says when), for what marks or scrolls to its blocks.
pub(crate) async fn body_whole(article: &Element) {
    for _ in 0..20 {
        let busy = article
            .closest(".reader")
            .ok()
            .flatten()
            .and_then(|r| r.get_attribute("aria-busy"));
        if busy.as_deref() != Some("true") {
            return;
        }
        platform::after_paint().await;
    }
}

/// Gives the focus to body block `block` (the view is already there).
fn focus_block(article: &Element, block: &str) {
    let selector = format!(".article-body [data-block=\"{block}\"]");
    if let Some(block) = article.query_selector(&selector).ok().flatten() {
        platform::focus_part(&block);
    }
}

/// The block at the top of the view, how far down it, and how much of the body is above.
fn position_in(article: &Element) -> Option<ReadingPosition> {
    let body = article.query_selector(".article-body").ok()??;
    let viewport = web_sys::window()?.inner_height().ok()?.as_f64()?;
    let rect = body.get_bounding_client_rect();
    let scrollable = (rect.height() - viewport).max(1.0);
    let progress = if rect.height() <= viewport {
        1.0
    } else {
        (-rect.top() / scrollable) as f32
    };
    let blocks = body.children();
    let mut top_block = None;
    for i in 0..blocks.length() {
        let Some(block) = blocks.item(i) else {
            continue;
        };
        let Some(id) = block.get_attribute("data-block").or_else(|| {
            block
                .query_selector("[data-block]")
                .ok()
                .flatten()
                .and_then(|b| b.get_attribute("data-block"))
        }) else {
            continue;
        };
        let r = block.get_bounding_client_rect();
        if r.bottom() > 0.0 {
            let offset = if r.height() > 0.0 {
                (-r.top() / r.height()) as f32
            } else {
                0.0
            };
            top_block = Some((id, offset));
            break;
        }
    }
    let (id, offset) = top_block?;
    ReadingPosition::new(&id, offset, progress)
}

/// Scrolls the window so that `position` is at the top of the view; false when its block is gone.
fn scroll_to(article: &Element, position: &ReadingPosition) -> bool {
    let selector = format!(".article-body [data-block=\"{}\"]", position.block);
    let (Some(block), Some(window)) = (
        article.query_selector(&selector).ok().flatten(),
        web_sys::window(),
    ) else {
        return false;
    };
    let r = block.get_bounding_client_rect();
    let y = window.scroll_y().unwrap_or(0.0) + r.top() + f64::from(position.offset) * r.height();
    window.scroll_to_with_x_and_y(0.0, y.max(0.0));
    true
}
