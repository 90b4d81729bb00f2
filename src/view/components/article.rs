use std::rc::Rc;

use yew::prelude::*;

use super::first_screen::set_busy;
use super::{ById, ReaderToolsProps, ResumeProps, ShareBarProps};
use crate::core::model::Article;
use crate::platform;
use crate::reader::i18n::Ui;
use crate::reader::settings::{ReadingSettings, Theme};
use crate::reader::share::{SharePayload, ShareTarget};
use crate::view::hooks::ModuleState;
use crate::view::islands::use_islands;
use crate::view::render::dom::{show_versions, ArticleDom};

/// Props of [`ArticleView`].
#[derive(Properties, Clone, PartialEq)]
pub struct ArticleViewProps {
    /// The checked document; it does not change after load, so the article is drawn once.
    pub article: ById<Article>,
    /// Which share controls to show.
    pub share_targets: ById<[ShareTarget]>,
    /// Prefix for this instance's element ids.
    pub id_prefix: AttrValue,
    /// How many blocks render with the header ([`super::first_screen::first_screen`], which the
    /// reader works out once per article: it also decides whether the widget stays busy).
    pub first_screen: usize,
    /// The reading tools under the byline (settings, Listen), drawn from the islands module.
    pub tools: ReaderToolsProps,
    /// The article as the first paint drew it (`view::mount`), taken over instead of drawn again.
    #[prop_or_default]
    pub predrawn: Option<ById<ArticleDom>>,
    /// Where the position in the article is kept, when it is (resume where you stopped).
    #[prop_or_default]
    pub resume: Option<AttrValue>,
    /// The body block to open at instead of the kept position (page mode's search).
    #[prop_or_default]
    pub open_at: Option<AttrValue>,
    /// Page mode's controls beside them (its save control).
    #[prop_or_default]
    pub children: Html,
}

/// One whole article, drawn by the renderer (`view::render`) once per article, with the Yew
/// islands — the tools under the byline and the share bar in the footer, from their on-demand
/// module (`view::islands`) — mounted where it left their places. A change of UI language draws only the parts with UI words anew; the element's
/// other settings never touch the article's nodes.
#[component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let ui = use_context::<Ui>().unwrap_or_default();
    let settings = props.tools.settings;
    let drawn = {
        let (ui, shown, default_theme) =
            (ui.clone(), props.first_screen, props.tools.default_theme);
        let predrawn = props.predrawn.clone();
        use_memo(
            (props.article.clone(), props.id_prefix.clone()),
            move |(article, ids)| match predrawn {
                Some(drawn) if Rc::ptr_eq(drawn.article(), &article.0) => Some(drawn.0),
                _ => draw(article.0.clone(), ui, shown, ids, settings, default_theme).map(Rc::new),
            },
        )
    };
    // Data saver turned off while pictures wait: they come now.
    if let Some(drawn) = drawn.as_ref().as_ref().filter(|d| d.saving_data()) {
        if !settings.saves_data(platform::browser_saves_data()) {
            drawn.stop_saving_data();
            crate::view::actions::reveal_pictures(drawn.root.clone(), false);
        }
    }
    if let Some(drawn) = drawn.as_ref() {
        drawn.relabel(&ui);
    }
    // First screen first (see `first_screen.rs`): a long body starts with the blocks that fill
    // the first screen and gets the rest in one go after a paint; footer and cards follow.
    let whole_for = use_state(|| None::<ById<Article>>);
    {
        let (whole_for, article) = (whole_for.clone(), props.article.clone());
        use_effect_with(ById(drawn.clone()), move |drawn| {
            if let Some(dom) = drawn.0.as_ref().as_ref().filter(|d| !d.is_complete()) {
                let node: web_sys::Node = dom.root.clone().into();
                set_busy(Some(&node), true);
                let drawn = drawn.0.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    platform::after_paint().await;
                    if let Some(dom) = drawn.as_ref() {
                        dom.complete();
                    }
                    set_busy(Some(&node), false);
                    // Mounts the share bar in the footer that is there now.
                    whole_for.set(Some(article));
                });
            }
        });
    }
    // The renderer's own controls (footnote links, "Copy code"): one listener on the article.
    {
        let words = ui.words;
        use_effect_with((ById(drawn.clone()), words.code), move |(drawn, _)| {
            let root = drawn.0.as_ref().as_ref().map(|dom| dom.root.clone());
            let listener = root
                .as_ref()
                .map(|root| crate::view::actions::listen(root, words));
            move || {
                drop(listener);
                // An open picture viewer goes with its article (and the page scrolls again).
                if let Some(root) = root {
                    crate::view::viewer::dismiss_in(&root);
                }
            }
        });
    }
    // Pictures with a version for dark themes show it while the theme is dark (also when the
    // rest of a long body arrives, and as the system's scheme changes under "Auto").
    {
        let theme = props.tools.settings.theme_or(props.tools.default_theme);
        let whole = whole_for.is_some();
        use_effect_with(
            (theme, ById(drawn.clone()), whole),
            move |(theme, drawn, _)| {
                if let Some(dom) = drawn.0.as_ref().as_ref() {
                    dom.set_dark(theme.is_dark(platform::prefers_dark()));
                }
                let root = drawn.0.as_ref().as_ref().map(|dom| dom.root.clone());
                let listener = root.and_then(|root| dark_pictures(root, *theme));
                move || drop(listener)
            },
        );
    }
    let payload = use_memo(props.article.clone(), |article| {
        SharePayload::for_article(article, &platform::page_url())
    });
    let islands = use_islands(drawn.is_some());
    // The reader's keys, heard while the focus is inside the article, and the islands' own
    // stylesheet in the root the article is in (once it is there: after the commit, before the
    // paint), from the islands module.
    {
        let islands = match islands {
            ModuleState::Ready(islands) => Some(islands),
            _ => None,
        };
        use_effect_with(
            (ById(drawn.clone()), islands.is_some()),
            move |(drawn, _)| {
                let listener = drawn
                    .0
                    .as_ref()
                    .as_ref()
                    .zip(islands)
                    .map(|(dom, islands)| {
                        (islands.style)(&dom.root);
                        (islands.keys)(&dom.root)
                    });
                move || drop(listener)
            },
        );
    }
    let resume_ref = use_node_ref();
    let Some(dom) = drawn.as_ref() else {
        return html! {};
    };
    let controls = props.tools.controls;
    let has_tools = controls.settings || controls.listen;
    let tools = match islands {
        ModuleState::Ready(islands) => (islands.tools)(props.tools.clone()),
        // The tools' row keeps its height until they come, so the body does not move then.
        ModuleState::Waiting if has_tools => {
            html! { <div class="reader-tools tools-waiting"></div> }
        }
        ModuleState::Missing if has_tools || !props.share_targets.is_empty() => html! {
            <p class="reader-status reader-tools">{ ui.words.islands_missing }</p>
        },
        _ => html! {},
    };
    // Resume where you stopped, from the same module: its bar goes to the article's dock.
    let resume = match (islands, &props.resume) {
        (ModuleState::Ready(islands), Some(address)) => html! {
            <div class="resume-host" ref={resume_ref.clone()}>
                { (islands.resume)(ResumeProps {
                    address: address.clone(),
                    open_at: props.open_at.clone(),
                    inside: resume_ref.clone(),
                }) }
            </div>
        },
        _ => html! {},
    };
    let tools = dom.island("tools").map(|host| {
        // The first paint's placeholder gives way to what the portal draws, in the same frame.
        let _ = host.remove_attribute(crate::view::mount::TOOLS_WAITING);
        create_portal(
            html! { <>{ tools }{ resume }{ props.children.clone() }</> },
            host,
        )
    });
    let share = match islands {
        ModuleState::Ready(islands) => dom
            .is_complete()
            .then(|| dom.island("share"))
            .flatten()
            .map(|host| {
                let bar = ShareBarProps {
                    payload: payload.clone(),
                    targets: props.share_targets.0.clone(),
                };
                create_portal((islands.share)(bar), host)
            }),
        _ => None,
    };
    // Keyed: Yew matches unkeyed children from the end, so a share portal that appears would
    // take over the tools' portal (and its event root) instead of getting its own.
    html! {
        <>
            <key="article">{ Html::VRef(dom.root.clone().into()) }</>
            <key="tools">{ tools }</>
            <key="share">{ share }</>
        </>
    }
}

/// The article's DOM as the reader first shows it, by the reading settings: with data saver on,
/// pictures after the lead wait for "Show picture"; in a dark theme, pictures are drawn in their
/// version for dark themes at once (their light versions never requested). The first paint and
/// [`ArticleView`] draw alike.
pub(crate) fn draw(
    article: Rc<Article>,
    ui: Ui,
    shown: usize,
    ids: &str,
    settings: ReadingSettings,
    default_theme: Theme,
) -> Option<ArticleDom> {
    let save_data = settings.saves_data(platform::browser_saves_data());
    let dark = settings
        .theme_or(default_theme)
        .is_dark(platform::prefers_dark());
    ArticleDom::build(article, ui, shown, ids, save_data, dark)
}

/// Shows each picture's version for dark themes (`dark_src`, kept by the renderer as
/// `data-dark-src`) while `theme` is dark, and its own otherwise; under `Auto`, as the system's
/// scheme is and whenever it changes (the listener returned). Same size: nothing moves.
fn dark_pictures(root: web_sys::Element, theme: Theme) -> Option<gloo_events::EventListener> {
    let scheme = (theme == Theme::Auto)
        .then(|| {
            web_sys::window()?
                .match_media("(prefers-color-scheme: dark)")
                .ok()?
        })
        .flatten();
    let apply = move |dark: bool| show_versions(&root, dark);
    apply(match &scheme {
        Some(scheme) => scheme.matches(),
        None => theme == Theme::Dark,
    });
    let scheme = scheme?;
    let target = scheme.clone();
    Some(gloo_events::EventListener::new(
        &target,
        "change",
        move |_| apply(scheme.matches()),
    ))
}
