use gloo_events::EventListener;
use yew::prelude::*;

use super::{localise_page, SaveSlot, SavedView};
use crate::reader::i18n::{choose, Ui};
use crate::view::components::{ById, Reader, ReaderProps};

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
    // The saved list has no article to go by: `ui-lang`, else the browser's language (whose
    // table a split build loads first: the list is drawn again when it is there).
    let config = &props.config;
    let tables = use_state(crate::reader::i18n::tables_loaded);
    {
        let (tables, ui_lang, context) = (
            tables.clone(),
            config.ui_lang.clone(),
            config.context_lang.clone(),
        );
        use_effect_with(*saved_view, move |saved| {
            if *saved && !*tables {
                wasm_bindgen_futures::spawn_local(async move {
                    crate::reader::i18n::load_tables([
                        ui_lang.as_deref(),
                        None,
                        context.as_deref(),
                    ])
                    .await;
                    tables.set(crate::reader::i18n::tables_loaded());
                });
            }
        });
    }
    let words = choose(
        config.ui_lang.as_deref(),
        None,
        config.context_lang.as_deref(),
    );
    // The page's own words in that language (the reader's effect does this for articles).
    use_effect_with((*saved_view, words.code), move |(saved, _)| {
        if *saved {
            localise_page(words);
        }
    });
    if *saved_view {
        html! {
            <ContextProvider<Ui> context={Ui::new(words, None)}>
                <SavedView theme={config.theme} />
            </ContextProvider<Ui>>
        }
    } else {
        let page_controls = Callback::from(|loaded: std::rc::Rc<crate::reader::loader::Loaded>| {
            html! { <SaveSlot loaded={ById(loaded)} /> }
        });
        html! {
            <Reader
                page_controls={Some(page_controls)}
                on_words={Some(Callback::from(localise_page))}
                ..props.clone()
            />
        }
    }
}
