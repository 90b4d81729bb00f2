//! Starting the widget: [`mount`] for any element (page and embed mode alike; page mode's start
//! is `page::start`), and the panic hook that replaces a dead widget with an error message.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use yew::AppHandle;

use crate::platform::on_demand::ModuleMissing;
use crate::reader::loader::{self, Loaded};
use crate::reader::settings::ReadingSettings;
use crate::view::components::first_screen::{first_screen, set_busy};
use crate::view::components::{draw, ui_for, wrapper_element, ById};
use crate::view::hooks::{request_lead_picture, LoadState, Preloaded};
use crate::view::render::dom::ArticleDom;

use crate::core::url_policy::query_pairs;
use crate::platform;
use crate::reader::config::{ArticleSource, ReaderConfig};
use crate::reader::events::HostEvents;
use crate::reader::i18n::{choose, Ui};
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
    root: web_sys::Element,
    started: Rc<Started>,
}

/// One widget's start, shared by its handle and the task that draws its first paint.
struct Started {
    /// The props the app mounts with (the latest: settings changed in place before it came
    /// are in them).
    props: RefCell<ReaderProps>,
    /// The app's number in the app module, once it is mounted.
    app: Cell<Option<u32>>,
    /// Destroyed: the first paint's task stops where it is.
    gone: Cell<bool>,
    /// How it was started (what "Try again" does when the app could not come).
    mode: Mode,
    /// Until the app listens: the clicks on the drawn article's own controls (footnotes, "Copy
    /// code", "Play", pictures) are kept here and given to it once it is there, so that nothing
    /// its takeover moves (a player's frame, the open picture viewer) exists before.
    controls: RefCell<Option<gloo_events::EventListener>>,
    /// Those clicks' controls, in order.
    early_clicks: Rc<RefCell<Vec<web_sys::Element>>>,
}

impl MountedReader {
    /// Applies the settings that change how the article is shown — `theme`, `share`,
    /// `controls`, `ui-lang`, `timeout` — from `config`, in place: the document is not fetched
    /// again and the article's nodes stay (the reader keeps scroll position, selection, an open
    /// settings panel and narration). Where the document comes from (`src`, the inline child,
    /// `format`, `item`) stays as mounted: a change there is a new mount. Before the app has
    /// come, the app starts with them.
    pub fn update(&mut self, config: ReaderConfig) {
        let next = {
            let props = self.started.props.borrow();
            let next = props.config.updated_in_place(config);
            if next == *props.config {
                return;
            }
            next
        };
        self.started.props.borrow_mut().config = Rc::new(next);
        if let (Some(id), Some(app)) = (self.started.app.get(), APP.with(Cell::get)) {
            (app.update)(id, self.started.props.borrow().clone());
        }
    }

    /// Tears the widget down and empties its element (the element itself stays).
    pub fn destroy(&mut self) {
        self.started.gone.set(true);
        if let (Some(id), Some(app)) = (self.started.app.take(), APP.with(Cell::get)) {
            (app.destroy)(id);
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
///
/// Two steps. The first paint — load, then the article drawn by the renderer, with no Yew in
/// it — is the main module's; the Yew app ([`Reader`]: the islands, settings, events, "Try
/// again", in-place updates) is an on-demand module asked for once the lead picture has painted
/// (or at a click on one of the article's controls), and takes over the drawn article's nodes
/// (nothing is drawn twice, nothing moves). So the bytes before the article is on screen are the
/// loader's, the decoder's and the renderer's only.
pub fn mount(
    root: web_sys::Element,
    config: ReaderConfig,
    mode: Mode,
    asset_base: &str,
    events: Option<HostEvents>,
) -> MountedReader {
    let props = start_props(&root, config, mode, asset_base, events);
    let started = Rc::new(Started {
        props: RefCell::new(props),
        app: Cell::new(None),
        gone: Cell::new(false),
        mode,
        controls: RefCell::new(None),
        early_clicks: Rc::default(),
    });
    wasm_bindgen_futures::spawn_local(first_paint(root.clone(), started.clone()));
    MountedReader { root, started }
}

/// The first step of [`mount`]: "Loading…", the load, the article (or nothing: the app shows the
/// error), then the app.
async fn first_paint(root: web_sys::Element, started: Rc<Started>) {
    let Some((state, drawn)) = load_and_draw(&root, &started).await else {
        return;
    };
    // After the paint: the rest of a long body; after the lead picture's (the largest paint,
    // which has the network to itself until then, a few seconds at most): the app's module and
    // the islands' it draws at once.
    platform::after_paint().await;
    if let Some(drawn) = &drawn {
        if !drawn.is_complete() {
            drawn.complete();
            set_busy(Some(drawn.root.as_ref()), false);
        }
        if let Ok(Some(lead)) = drawn.root.query_selector(".figure-lead img") {
            platform::picture_ready(&lead, LEAD_PICTURE_WAIT_MS).await;
            platform::after_paint().await;
        }
        if started.gone.get() {
            return;
        }
        crate::prefetch!(crate::view::islands::preload_islands);
    }
    crate::prefetch!(preload_app);
    let app = crate::on_demand!(app());
    if started.gone.get() {
        return;
    }
    match app {
        Ok(app) => {
            APP.with(|slot| slot.set(Some(app)));
            // Kept in the props: an update in place keeps the app on the same article.
            started.props.borrow_mut().preloaded = Some(ById(Rc::new(Preloaded { state, drawn })));
            let props = started.props.borrow().clone();
            // The app listens to the article's controls from its first render: the clicks that
            // came before go to it then.
            started.controls.take();
            started.app.set(Some((app.mount)(root, props)));
            replay(started.early_clicks.take());
        }
        Err(missing) => {
            platform::warn(&format!("reader: {missing}"));
            let props = started.props.borrow().clone();
            without_app(&root, &props, started.mode, state, drawn.clone());
            // The article's own controls work without the app, for as long as it is there.
            started.controls.take();
            if let Some(drawn) = &drawn {
                let words = ui_for(&props.config, Some(&drawn.article().lang)).words;
                crate::view::actions::listen(&drawn.root, words).forget();
                replay(started.early_clicks.take());
            }
        }
    }
}

/// "Loading…", the load, and the article drawn (with the lead picture asked for first); `None`
/// when the widget went away meanwhile.
async fn load_and_draw(
    root: &web_sys::Element,
    started: &Started,
) -> Option<(LoadState, Option<Rc<ArticleDom>>)> {
    let (source, config, ids, events) = {
        let props = started.props.borrow();
        (
            props.source.clone(),
            props.config.clone(),
            props.id_prefix.clone(),
            props.events.clone(),
        )
    };
    let settings = ReadingSettings::load();
    if let Some(wrapper) = loading_view(&config, settings) {
        root.replace_children_with_node_1(&wrapper);
    }
    let result = loader::load(&source, &config).await;
    if started.gone.get() {
        return None;
    }
    Some(match result {
        Ok(loaded) => {
            let loaded = Rc::new(loaded);
            request_lead_picture(&loaded, &config);
            let ui = ui_for(&config, Some(&loaded.article.lang));
            let drawn = draw_article(root, &loaded, &config, settings, &ui, &ids);
            if let Some(drawn) = &drawn {
                *started.controls.borrow_mut() =
                    Some(keep_early_clicks(&drawn.root, started.early_clicks.clone()));
                // On screen: the host page hears it now (a prerendered article gives way to it).
                if let Some(events) = &events {
                    events.loaded(&loaded);
                }
            }
            (LoadState::Ready(loaded), drawn.map(Rc::new))
        }
        Err(error) => (LoadState::Failed(error), None),
    })
}

/// Keeps the clicks on the drawn article's controls (see [`Started::early_clicks`]) and asks for
/// the app's module at once: the reader wants it now.
fn keep_early_clicks(
    root: &web_sys::Element,
    clicks: Rc<RefCell<Vec<web_sys::Element>>>,
) -> gloo_events::EventListener {
    use wasm_bindgen::JsCast;
    let options = gloo_events::EventListenerOptions::enable_prevent_default();
    gloo_events::EventListener::new_with_options(root, "click", options, move |event| {
        let control = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("[data-action]").ok().flatten());
        if let Some(control) = control {
            event.prevent_default();
            clicks.borrow_mut().push(control);
            crate::prefetch!(preload_app);
        }
    })
}

/// Clicks `controls` again, once what was just mounted has drawn and listens (queued behind it).
fn replay(controls: Vec<web_sys::Element>) {
    if controls.is_empty() {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        use wasm_bindgen::JsCast;
        for control in controls {
            if let Some(control) = control.dyn_ref::<web_sys::HtmlElement>() {
                control.click();
            }
        }
    });
}

/// How long the app's module waits at most for the lead picture to be painted first.
const LEAD_PICTURE_WAIT_MS: i32 = 2_500;

/// Set by the first paint on the tools' place, which the stylesheet then keeps; the app takes it
/// away as it draws its own placeholder there, or the tools.
pub(crate) const TOOLS_WAITING: &str = "data-waiting";

/// The wrapper with "Loading…" in it, until the article is there.
fn loading_view(config: &ReaderConfig, settings: ReadingSettings) -> Option<web_sys::Element> {
    let ui = ui_for(config, None);
    let wrapper = wrapper_element(&ui, settings, config.theme, true)?;
    let status = wrapper.owner_document()?.create_element("p").ok()?;
    status.set_class_name("reader-status");
    status.set_text_content(Some(ui.words.loading));
    wrapper.append_child(&status).ok()?;
    Some(wrapper)
}

/// Draws the loaded article in `root` as the reader will show it (the same settings, UI words,
/// first screen and ids).
fn draw_article(
    root: &web_sys::Element,
    loaded: &Loaded,
    config: &ReaderConfig,
    settings: ReadingSettings,
    ui: &Ui,
    ids: &str,
) -> Option<ArticleDom> {
    let shown = first_screen(&loaded.article.body);
    let drawn = draw(
        loaded.article.clone(),
        ui.clone(),
        shown,
        ids,
        settings,
        config.theme,
    )?;
    // The tools' row keeps its place until the app draws them (or says they are missing).
    if config.controls.settings || config.controls.listen {
        if let Some(host) = drawn.island("tools") {
            let _ = host.set_attribute(TOOLS_WAITING, "");
        }
    }
    let wrapper = wrapper_element(ui, settings, config.theme, !drawn.is_complete())?;
    wrapper.append_child(&drawn.root).ok()?;
    root.replace_children_with_node_1(&wrapper);
    Some(drawn)
}

/// The app's module could not be loaded: a drawn article stays, readable, and says what is
/// missing where its tools go; a failed load shows its error (its "Try again" mounts anew).
fn without_app(
    root: &web_sys::Element,
    props: &ReaderProps,
    mode: Mode,
    state: LoadState,
    drawn: Option<Rc<ArticleDom>>,
) {
    match (state, drawn) {
        (LoadState::Ready(loaded), Some(drawn)) => {
            // (Its load was announced when it was drawn.)
            let ui = ui_for(&props.config, Some(&loaded.article.lang));
            if let (Some(host), Some(document)) = (drawn.island("tools"), root.owner_document()) {
                let _ = host.remove_attribute(TOOLS_WAITING);
                if let Ok(status) = document.create_element("p") {
                    status.set_class_name("reader-status reader-tools");
                    status.set_text_content(Some(ui.words.islands_missing));
                    let _ = host.append_child(&status);
                }
            }
        }
        (LoadState::Failed(error), _) => {
            let ui = ui_for(&props.config, None);
            let message = error.message(&ui);
            let detail = error.detail(&ui);
            let pairs = query_pairs(&platform::page_query());
            let retry = match mode {
                Mode::Page => Retry::Reload(&pairs),
                Mode::Embed => Retry::Remount,
            };
            let settings = ReadingSettings::load();
            if let Some(wrapper) = wrapper_element(&ui, settings, props.config.theme, false) {
                if let Some(alert) = alert_element(ui.words, &message, detail.as_deref(), retry) {
                    let _ = wrapper.append_child(&alert);
                }
                root.replace_children_with_node_1(&wrapper);
            }
            if let Some(events) = &props.events {
                events.failed(&error, &ui);
            }
        }
        _ => {}
    }
}

/// The Yew app's entry points, from its on-demand module: `main` holds only numbers and these
/// functions, so none of the app's code (nor Yew's) is in the main module.
#[derive(Clone, Copy)]
struct App {
    mount: fn(web_sys::Element, ReaderProps) -> u32,
    update: fn(u32, ReaderProps),
    destroy: fn(u32),
}

thread_local! {
    /// The app module's entry points, once it is here.
    static APP: Cell<Option<App>> = const { Cell::new(None) };
    /// The mounted apps, by number (in the app module: only its code touches them).
    static APPS: RefCell<Vec<(u32, AppHandle<Reader>)>> = const { RefCell::new(Vec::new()) };
}

/// The app takes the first paint's article into its own wrapper, and a node taken out of the page
/// loses the reader's selection and focus in it: kept now, given back (returned function) once the
/// app has drawn, before the browser paints.
fn keep_place(props: &ReaderProps) -> impl FnOnce() {
    let kept = props
        .preloaded
        .as_ref()
        .and_then(|p| p.drawn.clone())
        .map(|drawn| (platform::keep_place(&drawn.root), drawn));
    move || {
        if let Some((kept, drawn)) = kept {
            // After the app's first render: queued behind it.
            wasm_bindgen_futures::spawn_local(async move { kept.restore(&drawn.root) });
        }
    }
}

/// The app module's one entry point.
#[cfg_attr(
    article_reader_split,
    wasm_split_helpers::wasm_split(app, fallible, preload(preload_app))
)]
fn app() -> Result<App, ModuleMissing> {
    Ok(App {
        mount: |root, props| {
            let restore = keep_place(&props);
            let app = yew::Renderer::<Reader>::with_root_and_props(root, props).render();
            restore();
            APPS.with(|apps| {
                let mut apps = apps.borrow_mut();
                let id = apps.last().map_or(1, |(n, _)| n + 1);
                apps.push((id, app));
                id
            })
        },
        update: |id, props| {
            APPS.with(|apps| {
                if let Some((_, app)) = apps.borrow_mut().iter_mut().find(|(n, _)| *n == id) {
                    app.update(props);
                }
            })
        },
        destroy: |id| {
            let app = APPS.with(|apps| {
                let mut apps = apps.borrow_mut();
                let at = apps.iter().position(|(n, _)| *n == id)?;
                Some(apps.remove(at).1)
            });
            if let Some(app) = app {
                app.destroy();
            }
        },
    })
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
        preloaded: None,
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
