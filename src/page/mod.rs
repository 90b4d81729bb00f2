//! Page mode, `index.html` as an installable app: offline saving (Cache API), the saved list, the
//! "Save for offline" control, and the page's own words. The embed build leaves this folder out
//! (cargo feature `page`, gated once, in `lib.rs`).

mod app;
mod export;
mod library;
pub mod offline;
mod save_control;
mod saved_list;

pub use app::PageApp;
pub use library::{SaveSlot, SavedView};
pub use save_control::{saved_on, SavedVersion};

use wasm_bindgen::JsCast;

use crate::platform;
use crate::reader::config::ReaderConfig;
use crate::reader::ui::{LibraryWords, LIBRARY_EN, LIBRARY_LANGUAGES};
use crate::view::mount::{start_props, Mode, BUILD};

/// Page mode: only on a page that marks its mount point `#reader[data-article-reader="page"]`
/// (the project's `index.html`), so the same wasm loaded by `embed.js` on a host page never
/// touches that page. The settings come from the query string.
pub fn start() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(root) = document
        .get_element_by_id("reader")
        .filter(|el| el.get_attribute("data-article-reader").as_deref() == Some("page"))
    else {
        return;
    };
    let mut config = ReaderConfig::from_query(&platform::page_query(), &platform::page_fragment());
    config.context_lang = platform::browser_language().map(Into::into);
    let props = start_props(&root, config, Mode::Page, &platform::base_url(), None);
    let _ = root.set_attribute("data-build", BUILD);
    root.replace_children_with_node_0();
    // The page lives as long as the app: it is never torn down.
    yew::Renderer::<PageApp>::with_root_and_props(root, props).render();
}

/// Page mode: the page's own words (`data-words="key"` in `index.html`) and its `lang`/`dir` in
/// the UI language.
pub(crate) fn localise_page(words: &crate::reader::i18n::Words) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("lang", words.code);
        let _ = html.set_attribute("dir", words.dir);
    }
    let Ok(marked) = document.query_selector_all("[data-words]") else {
        return;
    };
    for i in 0..marked.length() {
        let Some(el) = marked
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let text = match el.get_attribute("data-words").as_deref() {
            Some("app_name") => words.app_name,
            Some("saved_articles") => words.saved_articles,
            Some("offline_hint") => words.offline_hint,
            Some("update_ready") => words.update_ready,
            Some("reload") => words.reload,
            _ => continue,
        };
        el.set_text_content(Some(text));
    }
}

/// The library module's words (`LibraryWords`, see `ui/page-only.json`) in the language of
/// `words`: read only by that module's code, so they are fetched with it.
pub(crate) fn library_words(words: &crate::reader::i18n::Words) -> &'static LibraryWords {
    LIBRARY_LANGUAGES
        .iter()
        .find(|w| w.code == words.code)
        .copied()
        .unwrap_or(&LIBRARY_EN)
}
