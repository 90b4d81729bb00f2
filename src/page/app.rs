use gloo_events::EventListener;
use yew::prelude::*;

use super::{localise_page, saved_on, SaveSlot, SavedVersion, SavedView};
use crate::reader::config::ArticleSource;
use crate::reader::i18n::fill;
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
    // A saved version shown instead of the article (from "Show the version you saved").
    let showing = use_state(|| None::<SavedVersion>);
    // Focus follows the reader's choice: onto the way back when a saved version is shown.
    let back_button = use_node_ref();
    {
        let back_button = back_button.clone();
        use_effect_with(showing.is_some(), move |shown| {
            if *shown {
                if let Some(button) = back_button.cast::<web_sys::HtmlElement>() {
                    let _ = button.focus();
                }
            }
        });
    }
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
    } else if let Some(version) = &*showing {
        // The version the reader saved of an article changed since, in the reader's place, with
        // the way back to the current one.
        let back = {
            let showing = showing.clone();
            Callback::from(move |_: MouseEvent| showing.set(None))
        };
        let saved = fill(
            words.changes_reading_saved,
            "date",
            &saved_on(version.saved_at, &Ui::new(words, None)),
        );
        html! {
            <>
                <div class="version-bar" lang={words.code} dir={words.dir}>
                    <p>{ saved }</p>
                    <button ref={back_button.clone()} type="button" onclick={back}>{ words.changes_show_current }</button>
                </div>
                <Reader
                    source={ArticleSource::Inline(version.text.clone())}
                    on_words={Some(Callback::from(localise_page))}
                    ..props.clone()
                />
            </>
        }
    } else {
        let on_show_saved = {
            let showing = showing.clone();
            Callback::from(move |version: SavedVersion| {
                showing.set(Some(version));
                if let Some(window) = web_sys::window() {
                    window.scroll_to_with_x_and_y(0.0, 0.0);
                }
            })
        };
        let page_controls =
            Callback::from(move |loaded: std::rc::Rc<crate::reader::loader::Loaded>| {
                html! { <SaveSlot loaded={ById(loaded)} on_show_saved={on_show_saved.clone()} /> }
            });
        html! {
            <Reader
                page_controls={Some(page_controls)}
                open_at={asked_block()}
                on_words={Some(Callback::from(localise_page))}
                ..props.clone()
            />
        }
    }
}

/// The body block the page address asks to open at (`&at=N`, from the saved list's search).
fn asked_block() -> Option<AttrValue> {
    crate::platform::page_query()
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("at="))
        .filter(|n| !n.is_empty() && n.len() < 6 && n.bytes().all(|b| b.is_ascii_digit()))
        .map(|n| AttrValue::from(n.to_owned()))
}
