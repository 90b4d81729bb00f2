use gloo_events::EventListener;
use yew::prelude::*;

use super::{Reader, ReaderProps, SavedList};

/// Whether the page address asks for the saved list (`index.html#saved`).
fn wants_saved_list() -> bool {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .is_some_and(|hash| hash == "#saved")
}

/// Page mode: the reader, or the saved list at `#saved`, following the address as it changes.
#[component]
pub fn PageApp(props: &ReaderProps) -> Html {
    let saved_view = use_state(wants_saved_list);
    {
        let saved_view = saved_view.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                EventListener::new(&window, "hashchange", move |_| {
                    saved_view.set(wants_saved_list())
                })
            });
            move || drop(listener)
        });
    }
    if *saved_view {
        html! { <SavedList theme={props.config.theme} /> }
    } else {
        html! { <Reader ..props.clone() /> }
    }
}
