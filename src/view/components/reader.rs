use std::rc::Rc;

use yew::prelude::*;

use super::first_screen::first_screen;
use super::{ArticleView, ById, ReaderToolsProps};
use crate::platform;
use crate::reader::config::{ArticleSource, ReaderConfig};
use crate::reader::events::HostEvents;
use crate::reader::i18n::{choose, Ui, Words};
use crate::reader::loader::Loaded;
use crate::reader::settings::{LineSpacing, Measure, ReadingSettings};
use crate::reader::ui::error_view as names;
use crate::view::hooks::{use_article, LoadState, Preloaded};
use crate::view::render::dom::alert_element;
use crate::view::render::Retry;

/// Everything one widget instance is started with.
#[derive(Properties, Clone, Debug, PartialEq)]
pub struct ReaderProps {
    /// The settings, from the element's attributes or the page's query.
    pub config: Rc<ReaderConfig>,
    /// Where the article comes from (the configuration's, with the mode's fallback).
    pub source: ArticleSource,
    /// Page mode: its controls for the loaded article beside the reading tools ("Save for
    /// offline"); none in embed mode, where the storage would be the host page's.
    #[prop_or_default]
    pub page_controls: Option<Callback<Rc<Loaded>, Html>>,
    /// Page mode: told the UI's words when they change, so the page around speaks them too.
    #[prop_or_default]
    pub on_words: Option<Callback<&'static Words>>,
    /// Prefix for element ids, unique per instance on a page (decided by `mount::register`).
    pub id_prefix: AttrValue,
    /// Page mode: the body block to open at (`&at=N`, from a search of the saved list).
    #[prop_or_default]
    pub open_at: Option<AttrValue>,
    /// Embed mode: where the element's load and error events go.
    #[prop_or_default]
    pub events: Option<HostEvents>,
    /// Embed mode: what the first paint did before this app came (`view::mount`): the load's
    /// outcome, and the article it drew, which the app takes over instead of loading and
    /// drawing it again.
    #[prop_or_default]
    pub preloaded: Option<ById<Preloaded>>,
}

/// The widget: loads the article, shows it, or shows why not with a way to try again. It owns the
/// reading settings (applied as `data-*` on its wrapper) and provides the UI language ([`Ui`]) to
/// everything inside.
#[component]
pub fn Reader(props: &ReaderProps) -> Html {
    let preloaded = props.preloaded.as_ref();
    let article = use_article(
        props.source.clone(),
        props.config.clone(),
        preloaded.map(|p| p.state.clone()),
    );
    // The article the first paint drew, when it is the one loaded (not after "Try again").
    let predrawn = match (article.state(), preloaded.and_then(|p| p.drawn.clone())) {
        (LoadState::Ready(loaded), Some(drawn)) if Rc::ptr_eq(drawn.article(), &loaded.article) => {
            Some(ById(drawn))
        }
        _ => None,
    };
    let settings = use_state(ReadingSettings::load);
    let wrapper = use_node_ref();
    let config = &props.config;
    let article_lang = match article.state() {
        LoadState::Ready(loaded) => Some(loaded.article.lang.clone()),
        _ => None,
    };
    // The UI tables other than English: the loader brings them with the article; a `ui-lang`
    // changed in place brings them here, and their arrival draws the reader again.
    let tables_ready = use_state(crate::reader::i18n::tables_loaded);
    {
        let tables_ready = tables_ready.clone();
        let context = config.context_lang.clone();
        use_effect_with(
            (config.ui_lang.clone(), article_lang.clone()),
            move |(ui_lang, lang)| {
                let candidates = [ui_lang.as_deref(), lang.as_deref(), context.as_deref()];
                if !*tables_ready && crate::reader::i18n::needs_tables(candidates) {
                    let (ui_lang, lang) = (ui_lang.clone(), lang.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        let candidates = [ui_lang.as_deref(), lang.as_deref(), context.as_deref()];
                        crate::reader::i18n::load_tables(candidates).await;
                        tables_ready.set(crate::reader::i18n::tables_loaded());
                    });
                }
            },
        );
    }
    let tables = *tables_ready || crate::reader::i18n::tables_loaded();
    let ui = use_memo(
        (article_lang, config.ui_lang.clone(), tables),
        |(lang, _, _)| ui_for(config, lang.as_deref()),
    );
    // Page mode: the page around the reader speaks its language too.
    {
        let (on_words, words) = (props.on_words.clone(), ui.words);
        use_effect_with(words.code, move |_| {
            if let Some(on_words) = on_words {
                on_words.emit(words);
            }
        });
    }
    let on_settings = {
        let (settings, wrapper, default_theme) = (settings.clone(), wrapper.clone(), config.theme);
        Callback::from(move |next: ReadingSettings| {
            if let Some(element) = wrapper.cast::<web_sys::Element>() {
                // Applied to the DOM at once, keeping the control in use where it is on screen;
                // the re-render that follows writes the same values.
                platform::keep_in_place(&element, || apply(&element, next, default_theme));
            }
            next.store();
            settings.set(next);
        })
    };
    // The element's events, once the article (or the alert) is on the page.
    {
        let key = match article.state() {
            // The first paint announced the article it drew.
            LoadState::Loading | LoadState::Ready(_) if predrawn.is_some() => None,
            LoadState::Loading => None,
            LoadState::Ready(loaded) => Some(Ok(ById(loaded.clone()))),
            LoadState::Failed(error) => Some(Err(error.clone())),
        };
        let (events, ui) = (props.events.clone(), ui.clone());
        use_effect_with(key, move |key| match (events, key) {
            (Some(events), Some(Ok(loaded))) => events.loaded(loaded),
            (Some(events), Some(Err(error))) => events.failed(error, &ui),
            _ => {}
        });
    }
    // How much of the body renders with the header, once per article (what the first paint
    // has shown of it, when it drew it).
    let first_screen = use_memo(
        match article.state() {
            LoadState::Ready(loaded) => Some(ById(loaded.article.clone())),
            _ => None,
        },
        |article| match &predrawn {
            Some(drawn) => drawn.shown(),
            None => article.as_ref().map_or(0, |a| first_screen(&a.body)),
        },
    );
    // Busy while loading, and while a long body is still growing after its first screen (the
    // article view clears it when the body is whole).
    let busy = match article.state() {
        LoadState::Loading => true,
        LoadState::Ready(loaded) => *first_screen < loaded.article.body.len(),
        LoadState::Failed(_) => false,
    };
    // The alert, drawn by the renderer once per error and UI language; its "Try again" is
    // handled by the wrapper's click handler below.
    let alert = {
        let failed = match article.state() {
            LoadState::Failed(error) => Some(error.clone()),
            _ => None,
        };
        use_memo((failed, (*ui).clone()), |(failed, ui)| {
            failed.as_ref().and_then(|error| {
                alert_element(
                    ui.words,
                    &error.message(ui),
                    error.detail(ui).as_deref(),
                    Retry::Button,
                )
            })
        })
    };
    let on_click = {
        let (article, failed) = (article.clone(), alert.is_some());
        Callback::from(move |event: MouseEvent| {
            let retry = event
                .target_dyn_into::<web_sys::Element>()
                .and_then(|el| el.closest("[role=alert] button").ok().flatten());
            if failed && retry.is_some() {
                article.retry();
            }
        })
    };
    // Resume where you stopped: always in page mode, in embed mode when the host turned it on;
    // kept under the document's address (none for an inline document).
    let resume = match article.state() {
        LoadState::Ready(loaded) if props.page_controls.is_some() || config.resume => loaded
            .address
            .as_ref()
            .map(|address| AttrValue::from(address.to_string())),
        _ => None,
    };
    let content = match article.state() {
        LoadState::Loading => html! {
            <p class="reader-status">{ ui.words.loading }</p>
        },
        LoadState::Ready(loaded) => html! {
            <ArticleView
                article={ById(loaded.article.clone())}
                share_targets={ById(config.share.clone())}
                id_prefix={props.id_prefix.clone()}
                first_screen={*first_screen}
                predrawn={predrawn}
                tools={ReaderToolsProps {
                    settings: *settings,
                    default_theme: config.theme,
                    controls: config.controls,
                    on_change: on_settings,
                    id_prefix: props.id_prefix.clone(),
                    contents: super::tools::section_headings(&loaded.article),
                }}
                resume={resume}
                open_at={props.open_at.clone()}
            >
                if loaded.parts_missing {
                    <p class="reader-status" role="status">{ ui.words.parts_missing }</p>
                }
                { props.page_controls.as_ref().map(|controls| controls.emit(loaded.clone())) }
            </ArticleView>
        },
        LoadState::Failed(_) => alert
            .as_ref()
            .clone()
            .map(|el| Html::VRef(el.into()))
            .unwrap_or_default(),
    };
    html! {
        <ContextProvider<Ui> context={(*ui).clone()}>
            <div ref={wrapper} class={names::CLASS_WRAPPER} part={names::PART_WRAPPER}
                lang={ui.words.code} dir={ui.words.dir}
                data-theme={settings.theme_or(config.theme).as_str()}
                data-text-size={settings.text_size.to_string()}
                data-font={settings.font.as_str()}
                data-measure={settings.measure.map(Measure::as_str)}
                data-line-spacing={settings.line_spacing.map(LineSpacing::as_str)}
                data-spacing={settings.more_spacing.then_some("more")}
                data-hyphens={settings.hyphens.then_some("auto")}
                aria-busy={if busy { "true" } else { "false" }}
                onclick={on_click}>
                { content }
            </div>
        </ContextProvider<Ui>>
    }
}

/// The UI's words and formats for an article in `article_lang` (spec §5): `ui-lang`, else the
/// article's language, else the page's; the reader and its first paint choose alike.
pub(crate) fn ui_for(config: &ReaderConfig, article_lang: Option<&str>) -> Ui {
    let words = choose(
        config.ui_lang.as_deref(),
        article_lang,
        config.context_lang.as_deref(),
    );
    Ui::new(words, article_lang)
}

/// The reader's wrapper as the first paint draws it, before the app's own takes its place:
/// the same element, attributes and settings as the [`Reader`]'s, so nothing moves then.
pub(crate) fn wrapper_element(
    ui: &Ui,
    settings: ReadingSettings,
    default_theme: crate::reader::settings::Theme,
    busy: bool,
) -> Option<web_sys::Element> {
    let wrapper = web_sys::window()?.document()?.create_element("div").ok()?;
    wrapper.set_class_name(names::CLASS_WRAPPER);
    let _ = wrapper.set_attribute("part", names::PART_WRAPPER);
    let _ = wrapper.set_attribute("lang", ui.words.code);
    let _ = wrapper.set_attribute("dir", ui.words.dir);
    apply(&wrapper, settings, default_theme);
    let _ = wrapper.set_attribute("aria-busy", if busy { "true" } else { "false" });
    Some(wrapper)
}

/// The settings as the wrapper's `data-*` attributes (what the stylesheet reads).
fn apply(
    element: &web_sys::Element,
    settings: ReadingSettings,
    default_theme: crate::reader::settings::Theme,
) {
    let _ = element.set_attribute("data-theme", settings.theme_or(default_theme).as_str());
    let _ = element.set_attribute("data-text-size", &settings.text_size.to_string());
    let _ = element.set_attribute("data-font", settings.font.as_str());
    for (name, value) in settings.layout_attributes() {
        let _ = match value {
            Some(value) => element.set_attribute(name, value),
            None => element.remove_attribute(name),
        };
    }
}
