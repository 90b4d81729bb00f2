//! The islands' components — the reading tools (settings panel, Listen) under the byline and the
//! share bar in the footer —, and the reader's keys, in an on-demand module of their own: the article's first paint needs
//! none of them, so the module is asked for just after that paint and the controls join the
//! article when it comes, in the place the article kept for them (nothing moves).

use std::cell::Cell;

use yew::prelude::*;

use super::components::{ReaderTools, ReaderToolsProps, Resume, ResumeProps};
use super::components::{ShareBar, ShareBarProps};
use super::hooks::{use_module, ModuleState};
use crate::platform::on_demand::ModuleMissing;

/// How each island's component is drawn, given by the islands module (plain functions: the
/// components' code, and Yew's for them, live in that module).
#[derive(Clone, Copy)]
pub struct Islands {
    /// The tools under the byline.
    pub tools: fn(ReaderToolsProps) -> Html,
    /// The share bar in the footer.
    pub share: fn(ShareBarProps) -> Html,
    /// Resume where you stopped (its bar in the article's dock).
    pub resume: fn(ResumeProps) -> Html,
    /// The reader's keys on the article (`super::keys`): a reader presses them after the first
    /// paint, so they come with the tools.
    pub keys: fn(&web_sys::Element) -> gloo_events::EventListener,
    /// Adds the islands' stylesheet (`styles/islands.css`, carried by the module) to the root
    /// the article is in: called once they are in the page, before the browser paints them.
    pub style: fn(&web_sys::Node),
}

thread_local! {
    /// Once loaded, for every widget of the page; at once in a build that is not split.
    static LOADED: Cell<Option<Islands>> = Cell::new(unsplit());
}

/// The islands module's one entry point.
#[cfg_attr(
    article_reader_split,
    wasm_split_helpers::wasm_split(islands, fallible, preload(preload_islands))
)]
pub(crate) fn islands() -> Result<Islands, ModuleMissing> {
    Ok(Islands {
        tools: |props| html! { <ReaderTools ..props /> },
        share: |props| html! { <ShareBar ..props /> },
        resume: |props| html! { <Resume ..props /> },
        keys: super::keys::listen,
        style: |within| {
            crate::platform::adopt_stylesheet(
                within,
                include_str!(concat!(env!("OUT_DIR"), "/islands.css")),
            )
        },
    })
}

fn unsplit() -> Option<Islands> {
    #[cfg(not(article_reader_split))]
    return islands().ok();
    #[cfg(article_reader_split)]
    None
}

/// The islands for a widget whose article is `drawn` (asked for after its first paint).
#[hook]
pub fn use_islands(drawn: bool) -> ModuleState<Islands> {
    use_module(
        drawn,
        &LOADED,
        || async { crate::on_demand!(islands()) },
        "reading tools and sharing",
    )
}
