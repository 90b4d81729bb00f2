//! Page mode's library — "Save for offline" and the saved list, with the Cache API code behind
//! them (`offline`) — in an on-demand module of its own: reading an article needs none of it. The
//! save control is asked for after the article's first paint, with its place kept until it comes;
//! the saved list when it is opened (it works offline: the service worker keeps the module).

use std::cell::Cell;

use yew::prelude::*;

use super::save_control::{SaveControl, SaveControlProps};
use super::saved_list::{saved_frame, SavedList, SavedListProps};
use crate::platform::on_demand::ModuleMissing;
use crate::reader::i18n::Ui;
use crate::view::hooks::{use_module, ModuleState};

/// How the library's components are drawn, given by its module.
#[derive(Clone, Copy)]
pub(super) struct Library {
    /// "Save for offline" for the article shown.
    pub save_control: fn(SaveControlProps) -> Html,
    /// `index.html#saved`.
    pub saved_list: fn(SavedListProps) -> Html,
}

thread_local! {
    /// Once loaded; at once in a build that is not split.
    static LOADED: Cell<Option<Library>> = Cell::new(unsplit());
}

/// The library module's one entry point.
#[cfg_attr(
    article_reader_split,
    wasm_split_helpers::wasm_split(library, fallible)
)]
fn library() -> Result<Library, ModuleMissing> {
    Ok(Library {
        save_control: |props| html! { <SaveControl ..props /> },
        saved_list: |props| html! { <SavedList ..props /> },
    })
}

fn unsplit() -> Option<Library> {
    #[cfg(not(article_reader_split))]
    return library().ok();
    #[cfg(article_reader_split)]
    None
}

#[hook]
fn use_library() -> ModuleState<Library> {
    use_module(
        true,
        &LOADED,
        || async { crate::on_demand!(library()) },
        "saving for offline",
    )
}

/// The save control's place under the byline: the control from the library module, the same box
/// until it comes (so the article does not move then), or what is missing.
#[component]
pub fn SaveSlot(props: &SaveControlProps) -> Html {
    let ui = use_context::<Ui>().unwrap_or_default();
    let words = ui.words;
    match use_library() {
        ModuleState::Ready(library) => (library.save_control)(props.clone()),
        ModuleState::Waiting => controls_frame(
            &ui,
            html! {
                <>
                    if props.loaded.from_saved_copy {
                        <p class="offline-note">{ words.reading_saved_copy }</p>
                    }
                    // The controls' own words in boxes of their shape, unseen: the row takes the
                    // height it will have (one row or three, by the width), so nothing moves.
                    <div class="offline-buttons offline-waiting" aria-hidden="true">
                        <span class="reader-button">{ words.save }</span>
                        <span class="reader-button reader-button-quiet">{ words.download_page }</span>
                        <span class="reader-button reader-button-quiet">{ words.download_markdown }</span>
                    </div>
                    <p class="offline-status"></p>
                </>
            },
        ),
        ModuleState::Missing => controls_frame(
            &ui,
            html! { <p class="offline-status">{ words.library_missing }</p> },
        ),
    }
}

/// The save control's box in the UI language, around what stands in its place.
fn controls_frame(ui: &Ui, content: Html) -> Html {
    html! {
        <div class="offline-controls" lang={ui.lang()} dir={ui.dir()}>
            { content }
        </div>
    }
}

/// `index.html#saved`: the list from the library module; its heading at once.
#[component]
pub fn SavedView(props: &SavedListProps) -> Html {
    let ui = use_context::<Ui>().unwrap_or_default();
    let words = ui.words;
    match use_library() {
        ModuleState::Ready(library) => (library.saved_list)(props.clone()),
        ModuleState::Waiting => saved_frame(words, props, true, words.saved_loading),
        ModuleState::Missing => saved_frame(words, props, false, words.library_missing),
    }
}
