use std::rc::Rc;

use yew::prelude::*;

use super::article::date_text;
use crate::browser;
use crate::date::DocDate;
use crate::offline;
use crate::saved::SavedEntry;

/// What the saved list shows.
#[derive(Clone, Debug, PartialEq)]
struct SavedListData {
    entries: Rc<[SavedEntry]>,
    usage: Option<f64>,
}

/// Props of [`SavedList`].
#[derive(Properties, Clone, PartialEq)]
pub struct SavedListProps {
    /// Theme of the page, like the reader's.
    #[prop_or_default]
    pub theme: crate::config::Theme,
}

/// `index.html#saved`: every saved article, newest first, linking to its saved copy, with the
/// storage used; works offline (it reads only the Cache API).
#[component]
pub fn SavedList(props: &SavedListProps) -> Html {
    let data = use_state(|| None::<SavedListData>);
    let generation = use_state(|| 0u32);
    {
        let data = data.clone();
        use_effect_with(*generation, move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let index = offline::saved_index().await;
                let entries: Rc<[SavedEntry]> = index.newest_first().cloned().collect();
                let usage = offline::storage_usage().await;
                data.set(Some(SavedListData { entries, usage }));
            });
        });
    }
    let on_removed = {
        let generation = generation.clone();
        Callback::from(move |()| generation.set(*generation + 1))
    };
    let content = match &*data {
        None => html! { <p class="reader-status">{ "Loading saved articles…" }</p> },
        Some(list) => {
            let usage = list.usage.map(|bytes| {
                format!(
                    "Saved articles and the reader use {} on this device.",
                    human_size(bytes)
                )
            });
            html! {
                <>
                    if list.entries.is_empty() {
                        <p class="saved-empty">
                            { "No saved articles yet. Open an article and choose “Save for offline” to read it here without a connection." }
                        </p>
                    } else {
                        <ul class="saved-list">
                            for entry in list.entries.iter() {
                                { saved_item(entry, &on_removed) }
                            }
                        </ul>
                    }
                    if let Some(usage) = usage {
                        <p class="saved-usage">{ usage }</p>
                    }
                </>
            }
        }
    };
    html! {
        <div class="reader" part="reader" data-theme={props.theme.as_str()} aria-busy={if data.is_none() { "true" } else { "false" }}>
            <section class="saved" aria-labelledby="saved-heading">
                <h1 id="saved-heading" class="headline">{ "Saved articles" }</h1>
                { content }
            </section>
        </div>
    }
}

/// One saved article: its headline as a link to the saved copy, site and date, and "Remove".
fn saved_item(entry: &SavedEntry, on_removed: &Callback<()>) -> Html {
    let href = format!("index.html?src={}", crate::share::encode(&entry.url));
    let date = entry.published.as_deref().map(DocDate::from_text);
    let lang: AttrValue = entry.lang.clone().unwrap_or_else(|| "en".into()).into();
    let on_remove = {
        let (url, on_removed) = (entry.url.clone(), on_removed.clone());
        Callback::from(move |_: MouseEvent| {
            let (url, on_removed) = (url.clone(), on_removed.clone());
            wasm_bindgen_futures::spawn_local(async move {
                if let Err(error) = offline::remove(&url).await {
                    browser::warn(&error.to_string());
                }
                on_removed.emit(());
            });
        })
    };
    html! {
        <li key={entry.url.clone()} class="saved-item">
            <h2 class="saved-headline" lang={lang.clone()}><a href={href}>{ entry.headline.clone() }</a></h2>
            <p class="saved-meta">
                if let Some(site) = &entry.site {
                    <span class="saved-site">{ site.clone() }</span>
                }
                if let Some(date) = date {
                    { date_text(&date, &lang) }
                }
            </p>
            <button type="button" class="reader-button reader-button-quiet" aria-label={format!("Remove “{}”", entry.headline)} onclick={on_remove}>
                { "Remove" }
            </button>
        </li>
    }
}

/// "340 KB", "1.2 MB": integer arithmetic, so no float formatting code reaches the wasm.
fn human_size(bytes: f64) -> String {
    let kb = (bytes as u64).div_ceil(1024).max(1);
    if kb < 1024 {
        format!("{kb} KB")
    } else {
        let tenths = (kb * 10).div_ceil(1024);
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}
