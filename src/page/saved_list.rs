use std::rc::Rc;

use yew::prelude::*;

use crate::core::date::DocDate;
use crate::core::model::Article;
use crate::page::library_words;
use crate::page::offline;
use crate::platform;
use crate::reader::backup::{Backup, BackupError};
use crate::reader::i18n::{fill, Ui, Words};
use crate::reader::position::{Positions, ReadingPosition, POSITIONS_KEY};
use crate::reader::saved::SavedEntry;
use crate::reader::search::{self, Hit};
use crate::view::render::dom::time_node;

/// What the saved list shows.
#[derive(Clone, Debug, PartialEq)]
struct SavedListData {
    entries: Rc<[SavedEntry]>,
    usage: Option<f64>,
    /// False when the browser has not promised to keep the saved articles (it may evict them).
    kept: bool,
}

/// The saved articles read again for searching, loaded on the first search.
type Searchable = Rc<Vec<(SavedEntry, Rc<Article>)>>;

/// Props of [`SavedList`].
#[derive(Properties, Clone, PartialEq)]
pub struct SavedListProps {
    /// Theme of the page, like the reader's.
    #[prop_or_default]
    pub theme: crate::reader::settings::Theme,
}

/// `index.html#saved`: every saved article, newest first, linking to its saved copy, with how far
/// it was read, a search over the articles' words, the storage used, and the backup; works
/// offline (it reads only the Cache API and local storage).
#[component]
pub fn SavedList(props: &SavedListProps) -> Html {
    let ui = use_context::<Ui>().unwrap_or_default();
    let w = ui.words;
    let data = use_state(|| None::<SavedListData>);
    let generation = use_state(|| 0u32);
    let query = use_state(String::new);
    let searchable = use_state(|| None::<Searchable>);
    {
        let (data, searchable) = (data.clone(), searchable.clone());
        use_effect_with(*generation, move |_| {
            // A restore or a removal changes what there is to search.
            searchable.set(None);
            wasm_bindgen_futures::spawn_local(async move {
                let index = offline::saved_index().await;
                let entries: Rc<[SavedEntry]> = index.newest_first().cloned().collect();
                let usage = offline::storage_usage().await;
                let kept = offline::storage_persisted().await.unwrap_or(true);
                data.set(Some(SavedListData {
                    entries,
                    usage,
                    kept,
                }));
            });
        });
    }
    let searching = !query.trim().is_empty();
    {
        let searchable = searchable.clone();
        use_effect_with(
            (searching, searchable.is_none(), *generation),
            move |(searching, missing, _)| {
                if *searching && *missing {
                    wasm_bindgen_futures::spawn_local(async move {
                        searchable.set(Some(Rc::new(offline::saved_articles().await)));
                    });
                }
            },
        );
    }
    let changed = {
        let generation = generation.clone();
        Callback::from(move |()| generation.set(*generation + 1))
    };
    let on_query = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                query.set(input.value());
            }
        })
    };
    let content = match &*data {
        None => html! { <p class="reader-status">{ w.saved_loading }</p> },
        Some(list) => {
            let usage = list.usage.map(|bytes| {
                fill(
                    library_words(w).saved_usage,
                    "size",
                    &platform::format_bytes(&ui.locale, bytes),
                )
            });
            let positions =
                Positions::from_text(&platform::stored(POSITIONS_KEY).unwrap_or_default());
            // While searching: the articles holding every word, each with its passage.
            let found: Option<Vec<(SavedEntry, Hit)>> = match (searching, &*searchable) {
                (false, _) | (true, None) => None,
                (true, Some(all)) => Some(
                    all.iter()
                        .filter_map(|(entry, article)| {
                            search::find(article, &query).map(|hit| (entry.clone(), hit))
                        })
                        .collect(),
                ),
            };
            let status = match (&found, searching) {
                (_, false) => String::new(),
                (None, true) => library_words(w).saved_searching.to_owned(),
                (Some(found), true) if found.is_empty() => {
                    library_words(w).saved_search_none.to_owned()
                }
                (Some(found), true) => {
                    ui.count(&library_words(w).saved_search_count, found.len() as u64)
                }
            };
            html! {
                <>
                    if !list.kept && !list.entries.is_empty() {
                        <p class="saved-storage">{ library_words(w).storage_not_kept }</p>
                    }
                    if !list.entries.is_empty() {
                        <search class="saved-search">
                            <label for="saved-search-field">{ library_words(w).saved_search }</label>
                            <input id="saved-search-field" type="search" autocomplete="off"
                                value={(*query).clone()} oninput={on_query} />
                            <p class="saved-search-status" role="status" aria-live="polite">{ status }</p>
                        </search>
                    }
                    if list.entries.is_empty() {
                        <p class="saved-empty">
                            { library_words(w).saved_empty }
                        </p>
                    } else if let Some(found) = &found {
                        <ul class="saved-list">
                            for (entry, hit) in found.iter() {
                                { saved_item(entry, positions.get(&entry.url), Some(hit), &changed, &ui) }
                            }
                        </ul>
                    } else if !searching {
                        <ul class="saved-list">
                            for entry in list.entries.iter() {
                                { saved_item(entry, positions.get(&entry.url), None, &changed, &ui) }
                            }
                        </ul>
                    }
                    if let Some(usage) = usage {
                        <p class="saved-usage">{ usage }</p>
                    }
                    <BackupControls empty={list.entries.is_empty()} on_restored={changed.clone()} />
                </>
            }
        }
    };
    saved_frame(w, props, data.is_none(), content)
}

/// One saved article: its headline as a link to the saved copy (at the passage a search found),
/// site and date, how far it was read, the passage, and "Remove".
fn saved_item(
    entry: &SavedEntry,
    position: Option<&ReadingPosition>,
    hit: Option<&Hit>,
    on_removed: &Callback<()>,
    ui: &Ui,
) -> Html {
    let mut href = format!(
        "index.html?src={}",
        crate::reader::share::encode(&entry.url)
    );
    if let Some(block) = hit.and_then(|h| h.block) {
        href.push_str(&format!("&at={block}"));
    }
    let date = entry.published.as_deref().map(DocDate::from_text);
    let lang: AttrValue = entry.lang.clone().unwrap_or_else(|| "en".into()).into();
    let on_remove = {
        let (url, on_removed) = (entry.url.clone(), on_removed.clone());
        Callback::from(move |_: MouseEvent| {
            let (url, on_removed) = (url.clone(), on_removed.clone());
            wasm_bindgen_futures::spawn_local(async move {
                if let Err(error) = offline::remove(&url).await {
                    platform::warn(&error.to_string());
                }
                on_removed.emit(());
            });
        })
    };
    let progress = position.filter(|p| !p.at_start()).map(|p| {
        if p.finished() {
            library_words(ui.words).saved_finished.to_owned()
        } else {
            fill(
                library_words(ui.words).saved_progress,
                "percent",
                &platform::format_percent(&ui.locale, f64::from(p.progress)),
            )
        }
    });
    html! {
        <li key={entry.url.clone()} class="saved-item">
            <h2 class="saved-headline" lang={lang.clone()}><a href={href}>{ entry.headline.clone() }</a></h2>
            <p class="saved-meta">
                if let Some(site) = &entry.site {
                    <span class="saved-site">{ site.clone() }</span>
                }
                if let Some(date) = date {
                    // The entry's own regional format when it is in the UI's language.
                    { time_node(&date, &Ui::new(ui.words, Some(&lang)).locale).map(Html::VRef) }
                }
                if entry.updated {
                    <span class="saved-updated">{ library_words(ui.words).saved_updated }</span>
                }
                if let Some(progress) = progress {
                    <span class="saved-progress">{ progress }</span>
                }
            </p>
            if let Some(hit) = hit {
                <p class="saved-snippet" lang={lang.clone()}>{ marked(hit) }</p>
            }
            <button type="button" class="reader-button reader-button-quiet" aria-label={fill(library_words(ui.words).remove_named, "headline", &entry.headline)} onclick={on_remove}>
                { ui.words.remove }
            </button>
        </li>
    }
}

/// A search hit's passage with the words found in `<mark>`.
fn marked(hit: &Hit) -> Html {
    let mut parts = Vec::new();
    let mut at = 0;
    for &(start, end) in &hit.marks {
        if start < at || end > hit.snippet.len() {
            continue;
        }
        parts.push(html! { { hit.snippet[at..start].to_owned() } });
        parts.push(html! { <mark>{ hit.snippet[start..end].to_owned() }</mark> });
        at = end;
    }
    parts.push(html! { { hit.snippet[at..].to_owned() } });
    parts.into_iter().collect()
}

/// Props of [`BackupControls`].
#[derive(Properties, Clone, PartialEq)]
struct BackupControlsProps {
    /// Nothing is saved: "Download a backup" says there is nothing to keep.
    empty: bool,
    /// A restore brought articles in: the list is read again.
    on_restored: Callback<()>,
}

/// "Download a backup" and "Restore a backup", with what each did (or why it did nothing).
#[component]
fn BackupControls(props: &BackupControlsProps) -> Html {
    let ui = use_context::<Ui>().unwrap_or_default();
    let w = ui.words;
    let message = use_state(String::new);
    let busy = use_state(|| false);
    let file_input = use_node_ref();
    let on_backup = {
        let (message, busy, ui, empty) = (message.clone(), busy.clone(), ui.clone(), props.empty);
        Callback::from(move |_: MouseEvent| {
            if empty {
                message.set(library_words(ui.words).backup_empty.to_owned());
                return;
            }
            busy.set(true);
            let (message, busy, ui) = (message.clone(), busy.clone(), ui.clone());
            wasm_bindgen_futures::spawn_local(async move {
                message.set(match offline::backup().await {
                    Ok((backup, left_out)) => backup_message(&backup, left_out, &ui),
                    Err(error) => error.message(&ui),
                });
                busy.set(false);
            });
        })
    };
    let on_choose = {
        let file_input = file_input.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = file_input.cast::<web_sys::HtmlInputElement>() {
                input.set_value("");
                input.click();
            }
        })
    };
    let on_file = {
        let (message, busy, ui, on_restored) = (
            message.clone(),
            busy.clone(),
            ui.clone(),
            props.on_restored.clone(),
        );
        Callback::from(move |e: Event| {
            let Some(file) = e
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .and_then(|input| input.files())
                .and_then(|files| files.get(0))
            else {
                return;
            };
            busy.set(true);
            let (message, busy, ui, on_restored) = (
                message.clone(),
                busy.clone(),
                ui.clone(),
                on_restored.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let text = wasm_bindgen_futures::JsFuture::from(file.text())
                    .await
                    .ok()
                    .and_then(|t| t.as_string())
                    .unwrap_or_default();
                message.set(restore_message(&text, &ui, &on_restored).await);
                busy.set(false);
            });
        })
    };
    html! {
        <div class="saved-backup">
            <div class="offline-buttons">
                <button type="button" class="reader-button backup-button" disabled={*busy} onclick={on_backup}>{ library_words(w).backup_download }</button>
                <button type="button" class="reader-button reader-button-quiet restore-button" disabled={*busy} onclick={on_choose}>{ library_words(w).backup_restore }</button>
                <input ref={file_input} type="file" accept=".json,application/json" hidden=true
                    aria-label={library_words(w).backup_restore} onchange={on_file} />
            </div>
            <p class="offline-status" role="status" aria-live="polite">{ (*message).clone() }</p>
        </div>
    }
}

/// Downloads `backup` and says what is in it.
fn backup_message(backup: &Backup, left_out: usize, ui: &Ui) -> String {
    let w = ui.words;
    let name = format!(
        "article-reader-backup-{}.json",
        js_sys::Date::new_0()
            .to_iso_string()
            .as_string()
            .unwrap_or_default()
            .get(..10)
            .unwrap_or("")
    );
    if !platform::download(&name, "application/json", backup.to_json().as_bytes()) {
        return library_words(w).download_failed.to_owned();
    }
    let mut text = ui.count(&library_words(w).backup_done, backup.articles.len() as u64);
    if left_out > 0 {
        text.push(' ');
        text.push_str(&ui.count(&library_words(w).backup_pictures_left, left_out as u64));
    }
    text
}

/// Restores a backup file's text and says what happened; a file that is not a backup, a damaged
/// one and one from a newer reader change nothing.
async fn restore_message(text: &str, ui: &Ui, on_restored: &Callback<()>) -> String {
    let w = ui.words;
    let backup = match Backup::from_json(text) {
        Ok(backup) => backup,
        Err(BackupError::NotABackup) => return library_words(w).restore_not_backup.to_owned(),
        Err(BackupError::Damaged) => return library_words(w).restore_damaged.to_owned(),
        Err(BackupError::Newer) => return library_words(w).restore_newer.to_owned(),
    };
    match offline::restore(&backup).await {
        Ok(done) => {
            on_restored.emit(());
            let mut text = ui.count(&library_words(w).restore_done, done.restored as u64);
            if done.kept_here > 0 {
                text.push(' ');
                text.push_str(&ui.count(&library_words(w).restore_kept, done.kept_here as u64));
            }
            text
        }
        Err(error) => error.message(ui),
    }
}

/// The saved list's page around its content: one wrapper for the list and for its waiting and
/// missing states.
pub(super) fn saved_frame(
    words: &'static Words,
    props: &SavedListProps,
    busy: bool,
    content: impl Into<Html>,
) -> Html {
    html! {
        <div class="reader" part="reader" lang={words.code} dir={words.dir} data-theme={props.theme.as_str()} aria-busy={if busy { "true" } else { "false" }}>
            <section class="saved" aria-labelledby="saved-heading">
                <h1 id="saved-heading" class="headline">{ words.saved_articles }</h1>
                { content.into() }
            </section>
        </div>
    }
}
