//! Starting the widget: [`mount`] for any element (page and embed mode alike; page mode's start
//! is `page::start`), and the panic hook that replaces a dead widget with an error message.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use yew::AppHandle;

use crate::core::url_policy::query_pairs;
use crate::platform;
use crate::reader::config::{ArticleSource, ReaderConfig};
use crate::reader::events::HostEvents;
use crate::reader::i18n::choose;
use crate::reader::ui::error_view as names;
use crate::view::components::{Reader, ReaderProps};
use crate::view::render::dom::alert_element;
use crate::view::render::Retry;
use wasm_bindgen::JsValue;

/// Which build this is: `ARTICLE_READER_BUILD` at compile time, else the crate version. Page mode
/// shows it as `data-build` on its root, so an update can be seen to have switched whole builds.
pub const BUILD: &str = match option_env!("ARTICLE_READER_BUILD") {
    Some(build) => build,
    None => env!("CARGO_PKG_VERSION"),
};

/// How a widget was started; it decides what "Try again" does after a panic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// `index.html`: the page is ours, so reloading it is the clean way back.
    Page,
    /// Inside `<article-reader>` on a host page: never navigate the host; `embed.js` re-mounts.
    Embed,
}

thread_local! {
    /// The elements widgets are mounted in, so the panic hook can reach them. Not shared state
    /// between instances: only the hook reads it, and [`MountedReader::destroy`] removes entries.
    static ROOTS: RefCell<Vec<Root>> = const { RefCell::new(Vec::new()) };
    /// Counter for unique element-id prefixes per instance.
    static NEXT_ID: Cell<u32> = const { Cell::new(0) };
}

/// A mounted widget as the panic hook needs it: its element, mode, the languages its words are
/// chosen by (`ui-lang` and the page's: chosen when the view is drawn, so that tables loaded
/// on demand since the mount are used) and events.
type Root = (web_sys::Element, Mode, Languages, Option<HostEvents>);

/// `ui-lang` and the page's language.
type Languages = (Option<Rc<str>>, Option<Rc<str>>);

/// A running widget; dropping it leaves the widget running, [`MountedReader::destroy`] removes it.
pub struct MountedReader {
    app: Option<AppHandle<Reader>>,
    root: web_sys::Element,
    props: ReaderProps,
}

impl MountedReader {
    /// Applies the settings that change how the article is shown — `theme`, `share`,
    /// `controls`, `ui-lang`, `timeout` — from `config`, in place: the document is not fetched
    /// again and the article's nodes stay (the reader keeps scroll position, selection, an open
    /// settings panel and narration). Where the document comes from (`src`, the inline child,
    /// `format`, `item`) stays as mounted: a change there is a new mount.
    pub fn update(&mut self, config: ReaderConfig) {
        let Some(app) = self.app.as_mut() else {
            return;
        };
        let old = &self.props.config;
        let next = old.updated_in_place(config);
        if next == **old {
            return;
        }
        self.props.config = Rc::new(next);
        app.update(self.props.clone());
    }

    /// Tears the widget down and empties its element (the element itself stays).
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        ROOTS.with(|roots| {
            if let Ok(mut roots) = roots.try_borrow_mut() {
                roots.retain(|(root, ..)| root != &self.root);
            }
        });
        self.root.replace_children_with_node_0();
    }
}

/// Mounts a widget into `root` (in embed mode, a `div` inside the element's shadow root);
/// `asset_base` is the directory of `embed.js` (or of the page).
pub fn mount(
    root: web_sys::Element,
    config: ReaderConfig,
    mode: Mode,
    asset_base: &str,
    events: Option<HostEvents>,
) -> MountedReader {
    let props = start_props(&root, config, mode, asset_base, events);
    let app = yew::Renderer::<Reader>::with_root_and_props(root.clone(), props.clone()).render();
    MountedReader {
        app: Some(app),
        root,
        props,
    }
}

/// The props of a widget about to start in `root`: the panic hook is installed and told of it,
/// and its element-id prefix decided (here only). Page mode falls back to the sample article;
/// embed mode to "no article was given", so a host page never shows the sample by accident.
pub fn start_props(
    root: &web_sys::Element,
    config: ReaderConfig,
    mode: Mode,
    asset_base: &str,
    events: Option<HostEvents>,
) -> ReaderProps {
    install_panic_hook();
    crate::platform::set_asset_base(asset_base);
    crate::view::rich::register();
    let id = NEXT_ID.with(|n| {
        n.set(n.get() + 1);
        n.get()
    });
    // The panic view has no article to go by: `ui-lang`, else the page's language.
    let languages = (config.ui_lang.clone(), config.context_lang.clone());
    ROOTS.with(|roots| {
        roots
            .borrow_mut()
            .push((root.clone(), mode, languages, events.clone()))
    });
    let fallback = match mode {
        Mode::Page => ArticleSource::Sample {
            base: sample_base(asset_base).into(),
        },
        Mode::Embed => ArticleSource::Missing,
    };
    ReaderProps {
        source: config.source(fallback),
        config: Rc::new(config),
        page_controls: None,
        open_at: None,
        on_words: None,
        id_prefix: format!("article-reader-{id}").into(),
        events,
    }
}

/// The address the sample article is treated as coming from: `sample/article.json` next to the
/// page (or the loader script), where its image `lead.svg` is served.
pub fn sample_base(base: &str) -> String {
    web_sys::Url::new_with_base("sample/article.json", base)
        .map(|u| u.href())
        .unwrap_or_else(|_| base.to_owned())
}

/// Installs (once) the hook that turns a panic into the error view in every mounted widget and a
/// console message. A panic leaves the wasm in an unreliable state, so the view is built with plain
/// DOM calls and its "Try again" reloads the page rather than re-entering the app.
pub fn install_panic_hook() {
    thread_local!(static INSTALLED: RefCell<bool> = const { RefCell::new(false) });
    if INSTALLED.with(|i| i.replace(true)) {
        return;
    }
    yew::set_custom_panic_hook(Box::new(|info| {
        platform::error(&format!("internal error: {info}"));
        show_panic_view();
    }));
}

/// Replaces every mounted widget's content with the alert and a "Try again" control.
pub fn show_panic_view() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let roots = ROOTS.with(|r| r.try_borrow().map(|r| r.clone()).unwrap_or_default());
    for (root, mode, (ui_lang, context), events) in roots {
        let words = choose(ui_lang.as_deref(), None, context.as_deref());
        let build = || -> Result<web_sys::Element, wasm_bindgen::JsValue> {
            let element = |tag: &str, class: &str| -> Result<web_sys::Element, JsValue> {
                let el = document.create_element(tag)?;
                el.set_class_name(class);
                Ok(el)
            };
            let wrapper = element("div", names::CLASS_WRAPPER)?;
            wrapper.set_attribute("part", names::PART_WRAPPER)?;
            wrapper.set_attribute("lang", words.code)?;
            wrapper.set_attribute("dir", words.dir)?;
            wrapper.set_attribute("aria-busy", "false")?;
            let pairs = query_pairs(&platform::page_query());
            let retry = match mode {
                // A form that reloads the page with its own query (every parameter, so the
                // reload starts the same widget): no script needed after a panic.
                Mode::Page => Retry::Reload(&pairs),
                // On a host page: embed.js sees this button's click and mounts the widget anew.
                Mode::Embed => Retry::Remount,
            };
            let alert = alert_element(words, words.internal, None, retry).ok_or(JsValue::NULL)?;
            wrapper.append_child(&alert)?;
            Ok(wrapper)
        };
        if let Ok(view) = build() {
            root.replace_children_with_node_1(&view);
            if let Some(events) = events {
                events.failed(
                    &crate::reader::error::ReaderError::Internal,
                    &crate::reader::i18n::Ui::new(words, None),
                );
            }
        }
    }
}
