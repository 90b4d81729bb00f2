use yew::prelude::*;

use crate::reader::error::ReaderError;
use crate::reader::i18n::Ui;
use crate::reader::ui::error_view as names;

/// The alert with "Try again": a render function, not a component (it keeps no state, and each
/// component costs the wasm its own scope and lifecycle code). Its words, classes and `::part()`
/// names come from `ui/`, as do those of the panic view and of `embed.js`'s start failure, so a
/// host's `::part(error)` styles every one of them. The decoder's English detail for the
/// publisher follows a message in another language, marked as English.
pub(super) fn error_view(ui: &Ui, error: &ReaderError, on_retry: Callback<MouseEvent>) -> Html {
    html! {
        <div class={names::CLASS_ALERT} role="alert" part={names::PART_ALERT}>
            <p class={names::CLASS_TITLE}>{ ui.words.error_title }</p>
            <p class={names::CLASS_DETAIL}>
                { error.message(ui) }
                if let Some(technical) = error.detail(ui) {
                    { " " }<span lang="en" dir="ltr">{ technical }</span>
                }
            </p>
            <button type="button" class={names::CLASS_BUTTON} onclick={on_retry}>{ ui.words.try_again }</button>
        </div>
    }
}
