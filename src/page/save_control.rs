use std::rc::Rc;

use yew::prelude::*;

use crate::page::offline;
use crate::reader::i18n::Ui;
use crate::reader::loader::Loaded;
use crate::reader::save_state::{SaveAction, SaveState, SaveStatus};
use crate::view::components::ById;

/// Yew's side of the pure [`SaveState::reduce`].
impl Reducible for SaveState {
    type Action = SaveAction;

    fn reduce(self: Rc<Self>, action: SaveAction) -> Rc<Self> {
        let next = SaveState::reduce(&self, action);
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

/// Props of [`SaveControl`].
#[derive(Properties, Clone, PartialEq)]
pub struct SaveControlProps {
    /// The loaded article, with the text and address to save.
    pub loaded: ById<Loaded>,
}

/// "Save for offline": stores the article and its pictures, then shows "Saved" with "Remove".
/// While online, a saved article's copy is refreshed from the checked document just loaded.
#[component]
pub fn SaveControl(SaveControlProps { loaded }: &SaveControlProps) -> Html {
    let ui = use_context::<Ui>().unwrap_or_default();
    let state = use_reducer(SaveState::default);
    {
        let (state, loaded) = (state.dispatcher(), loaded.clone());
        use_effect_with(loaded.address.clone(), move |address| {
            let address = address.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let saved = match &address {
                    Some(url) => offline::is_saved(url.as_str()).await,
                    None => false,
                };
                state.dispatch(SaveAction::Checked { saved });
                if saved {
                    offline::refresh_saved(&loaded).await;
                }
            });
        });
    }
    if loaded.address.is_none() {
        return html! {};
    }
    let on_save = {
        let (state, loaded) = (state.clone(), loaded.clone());
        Callback::from(move |_: MouseEvent| {
            if !state.can_save() {
                return;
            }
            state.dispatch(SaveAction::Save);
            let (state, loaded) = (state.dispatcher(), loaded.clone());
            wasm_bindgen_futures::spawn_local(async move {
                state.dispatch(match offline::save(&loaded).await {
                    Ok(()) => SaveAction::SaveDone,
                    Err(error) => SaveAction::SaveFailed(error),
                });
            });
        })
    };
    let on_remove = {
        let (state, loaded) = (state.dispatcher(), loaded.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(url) = loaded.address.clone() else {
                return;
            };
            let state = state.clone();
            wasm_bindgen_futures::spawn_local(async move {
                state.dispatch(match offline::remove(url.as_str()).await {
                    Ok(()) => SaveAction::RemoveDone,
                    Err(error) => SaveAction::RemoveFailed(error),
                });
            });
        })
    };
    let saved = state.status == SaveStatus::Saved;
    html! {
        <div class="offline-controls" lang={ui.lang()} dir={ui.dir()}>
            if loaded.from_saved_copy {
                <p class="offline-note">{ ui.words.reading_saved_copy }</p>
            }
            <div class="offline-buttons">
                <button type="button" class={classes!("reader-button", "save-button", saved.then_some("is-saved"))}
                    aria-pressed={if saved { "true" } else { "false" }}
                    disabled={state.busy()}
                    onclick={on_save}>
                    { state.label(&ui) }
                </button>
                if saved {
                    <button type="button" class="reader-button reader-button-quiet remove-button" onclick={on_remove}>
                        { ui.words.remove }
                    </button>
                }
            </div>
            <p class="offline-status" role="status" aria-live="polite">{ state.message_text(&ui, loaded.article.has_videos()) }</p>
        </div>
    }
}
