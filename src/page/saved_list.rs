use std::rc::Rc;

use yew::prelude::*;

use crate::core::date::DocDate;
use crate::page::offline;
use crate::platform;
use crate::reader::i18n::{fill, Ui, Words};
use crate::reader::saved::SavedEntry;
use crate::view::render::dom::time_node;

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
    pub theme: crate::reader::settings::Theme,
}

/// `index.html#saved`: every saved article, newest first, linking to its saved copy, with the
/// storage used; works offline (it reads only the Cache API).
#[component]
pub fn SavedList(props: &SavedListProps) -> Html {
    let ui = use_context::<Ui>().unwrap_or_default();
    let w = ui.words;
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
        None => html! { <p class="reader-status">{ w.saved_loading }</p> },
        Some(list) => {
            let usage = list.usage.map(|bytes| {
                fill(
                    w.saved_usage,
                    "size",
                    &platform::format_bytes(&ui.locale, bytes),
                )
            });
            html! {
                <>
                    if list.entries.is_empty() {
                        <p class="saved-empty">
                            { w.saved_empty }
                        </p>
                    } else {
                        <ul class="saved-list">
                            for entry in list.entries.iter() {
                                { saved_item(entry, &on_removed, &ui) }
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
    saved_frame(w, props, data.is_none(), content)
}

/// One saved article: its headline as a link to the saved copy, site and date, and "Remove".
fn saved_item(entry: &SavedEntry, on_removed: &Callback<()>, ui: &Ui) -> Html {
    let href = format!(
        "index.html?src={}",
        crate::reader::share::encode(&entry.url)
    );
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
                    <span class="saved-updated">{ ui.words.saved_updated }</span>
                }
            </p>
            <button type="button" class="reader-button reader-button-quiet" aria-label={fill(ui.words.remove_named, "headline", &entry.headline)} onclick={on_remove}>
                { ui.words.remove }
            </button>
        </li>
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
