use std::rc::Rc;

use yew::prelude::*;

use crate::core::model::{Article, Block};
use crate::page::library_words;
use crate::page::offline::{self, SavedUpdate};
use crate::platform;
use crate::reader::changes::BlockMark;
use crate::reader::i18n::Ui;
use crate::reader::i18n::{fill, list_separators, Words};
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
    /// "Show the version you saved": the page shows it in the reader's place.
    pub on_show_saved: Callback<SavedVersion>,
}

/// A version of an article as the reader saved it, to show instead of the current one.
#[derive(Clone, Debug, PartialEq)]
pub struct SavedVersion {
    /// The document text.
    pub text: Rc<str>,
    /// When the reader saved it, in milliseconds since 1970.
    pub saved_at: u64,
}

/// "Save for offline": stores the article and its pictures, then shows "Saved" with "Remove".
/// While online, a saved article's copy is refreshed from the checked document just loaded.
#[component]
pub fn SaveControl(
    SaveControlProps {
        loaded,
        on_show_saved,
    }: &SaveControlProps,
) -> Html {
    let ui = use_context::<Ui>().unwrap_or_default();
    let state = use_reducer(SaveState::default);
    let update = use_state(|| None::<Rc<SavedUpdate>>);
    let host = use_node_ref();
    let download_failed = use_state(|| false);
    {
        let (state, loaded, update) = (state.dispatcher(), loaded.clone(), update.clone());
        use_effect_with(loaded.address.clone(), move |address| {
            let address = address.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let saved = match &address {
                    Some(url) => offline::is_saved(url.as_str()).await,
                    None => false,
                };
                state.dispatch(SaveAction::Checked { saved });
                if saved {
                    update.set(offline::refresh_saved(&loaded).await.map(Rc::new));
                }
            });
        });
    }
    // The changed and added blocks are marked in the article (with words, not colour alone).
    {
        let (host, words) = (host.clone(), ui.words);
        let shown = (*update).clone();
        use_effect_with(
            (shown.as_ref().map(|u| Rc::as_ptr(u) as usize), words.code),
            move |_| {
                let article = host
                    .cast::<web_sys::Element>()
                    .and_then(|h| h.closest("article").ok().flatten());
                if let (Some(update), Some(article)) = (shown, article) {
                    wasm_bindgen_futures::spawn_local(mark_blocks(article, update, words));
                }
            },
        );
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
    let on_download_page = {
        let (loaded, ui, host, failed) = (
            loaded.clone(),
            ui.clone(),
            host.clone(),
            download_failed.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let (loaded, ui, failed) = (loaded.clone(), ui.clone(), failed.clone());
            let reader = host
                .cast::<web_sys::Element>()
                .and_then(|h| h.closest(".reader").ok().flatten());
            wasm_bindgen_futures::spawn_local(async move {
                failed.set(!super::export::download_page(&loaded.article, &ui, reader).await);
            });
        })
    };
    let on_download_markdown = {
        let (loaded, ui, failed) = (loaded.clone(), ui.clone(), download_failed.clone());
        Callback::from(move |_: MouseEvent| {
            failed.set(!super::export::download_markdown(&loaded.article, &ui));
        })
    };
    let saved = state.status == SaveStatus::Saved;
    html! {
        <div class="offline-controls" lang={ui.lang()} dir={ui.dir()} ref={host.clone()}>
            if loaded.from_saved_copy {
                <p class="offline-note">{ ui.words.reading_saved_copy }</p>
            }
            { update.as_ref().map(|update| notice(update, &loaded.article, &ui, on_show_saved)) }
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
                <button type="button" class="reader-button reader-button-quiet download-page" onclick={on_download_page}>
                    { ui.words.download_page }
                </button>
                <button type="button" class="reader-button reader-button-quiet download-markdown" onclick={on_download_markdown}>
                    { ui.words.download_markdown }
                </button>
            </div>
            <p class="offline-status" role="status" aria-live="polite">
                { state.message_text(&ui, loaded.article.has_videos()) }
                if *download_failed {
                    { " " }{ library_words(ui.words).download_failed }
                }
            </p>
        </div>
    }
}

/// "Updated since you saved it on 3 May: 2 parts changed, 1 added …", with the new corrections
/// and notes pinned under it (their text).
fn notice(
    update: &SavedUpdate,
    article: &Article,
    ui: &Ui,
    on_show_saved: &Callback<SavedVersion>,
) -> Html {
    let (w, changes) = (ui.words, &update.changes);
    let corrections = changes.new_corrections.len() + changes.new_note_blocks(article).len();
    // A new summary or lead picture counts as a changed part.
    let changed = changes.count(BlockMark::Changed)
        + usize::from(changes.summary)
        + usize::from(changes.lead_image);
    let mut parts: Vec<String> = Vec::new();
    if changes.headline {
        parts.push(library_words(w).changes_headline.to_owned());
    }
    for (plural, n) in [
        (&library_words(w).changes_changed, changed),
        (
            &library_words(w).changes_added,
            changes.count(BlockMark::Added),
        ),
        (&library_words(w).changes_removed, changes.removed),
        (
            &library_words(w).changes_moved,
            changes.count(BlockMark::Moved),
        ),
        (&library_words(w).changes_corrections, corrections),
    ] {
        if n > 0 {
            parts.push(ui.count(plural, n as u64));
        }
    }
    let separators = list_separators(&ui.locale, parts.len(), w.and);
    let mut joined = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            joined.push_str(separators.get(i - 1).map_or(", ", String::as_str));
        }
        joined.push_str(part);
    }
    let saved_on = saved_on(update.saved_at, ui);
    let show_saved = {
        let version = SavedVersion {
            text: update.saved_text.clone(),
            saved_at: update.saved_at,
        };
        on_show_saved.reform(move |_: MouseEvent| version.clone())
    };
    let text = fill(
        &fill(library_words(w).changes_notice, "date", &saved_on),
        "changes",
        &joined,
    );
    let pinned: Vec<String> = changes
        .new_corrections
        .iter()
        .filter_map(|&i| {
            article
                .corrections
                .get(i)
                .map(|note| note.content.plain_text())
        })
        .chain(changes.new_note_blocks(article).into_iter().filter_map(
            |i| match article.body.get(i) {
                Some(Block::Note { note }) => Some(note.content.plain_text()),
                _ => None,
            },
        ))
        .collect();
    html! {
        <div class="saved-update">
            <p>{ text }</p>
            if !pinned.is_empty() {
                <ul class="saved-update-notes">
                    for note in pinned {
                        <li>{ note }</li>
                    }
                </ul>
            }
            <button type="button" class="reader-button reader-button-quiet" onclick={show_saved}>
                { library_words(w).changes_show_saved }
            </button>
        </div>
    }
}

/// Marks the changed and added blocks of `article` once its body is whole (a long body gets its
/// rest after a paint): `data-change` for the style, and the word the style shows.
async fn mark_blocks(article: web_sys::Element, update: Rc<SavedUpdate>, words: &'static Words) {
    crate::view::components::body_whole(&article).await;
    for (i, mark) in update.changes.blocks.iter().enumerate() {
        let (kind, label) = match mark {
            BlockMark::Changed => ("changed", library_words(words).mark_changed),
            BlockMark::Added => ("added", library_words(words).mark_added),
            _ => continue,
        };
        let selector = format!(".article-body [data-block=\"{i}\"]");
        if let Ok(Some(block)) = article.query_selector(&selector) {
            let _ = block.set_attribute("data-change", kind);
            let _ = block.set_attribute("data-change-label", label);
        }
    }
}

/// The day an article was saved (`saved_at`, milliseconds since 1970), as the UI writes dates.
pub fn saved_on(saved_at: u64, ui: &Ui) -> String {
    js_sys::Date::new(&(saved_at as f64).into())
        .to_iso_string()
        .as_string()
        .map(|iso| platform::format_date(&iso, false, false, &ui.locale))
        .unwrap_or_default()
}
