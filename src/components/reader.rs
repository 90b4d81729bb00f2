use std::rc::Rc;

use yew::prelude::*;

use super::{ArticleView, SaveControl};
use crate::hooks::{use_article, LoadState};
use crate::loader::ArticleSource;
use crate::share::ShareTarget;

/// Colour scheme of one widget: `Auto` follows `prefers-color-scheme`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
    #[default]
    Auto,
}

impl Theme {
    /// Reads the `theme` attribute or parameter; anything unknown is `Auto`.
    pub fn parse(value: &str) -> Theme {
        match value.trim().to_ascii_lowercase().as_str() {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::Auto,
        }
    }

    /// The `data-theme` value.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }
}

/// Everything one widget instance is started with.
#[derive(Properties, Clone, Debug, PartialEq)]
pub struct ReaderProps {
    /// Where the article comes from.
    pub source: ArticleSource,
    /// Which share controls to show, in order; all of them by default.
    #[prop_or_else(|| ShareTarget::ALL.into())]
    pub share_targets: Rc<[ShareTarget]>,
    /// Colour scheme; follows the system by default.
    #[prop_or_default]
    pub theme: Theme,
    /// Request time limit in milliseconds; 15 s by default.
    #[prop_or(crate::loader::DEFAULT_TIMEOUT_MS)]
    pub timeout_ms: u32,
    /// Page mode only: show "Save for offline" (the service worker serves saved copies). Off by
    /// default, and always off in embed mode, where the storage would be the host page's.
    #[prop_or_default]
    pub offline: bool,
    /// Prefix for element ids, unique per instance on a page; `ar` by default.
    #[prop_or(AttrValue::Static("ar"))]
    pub id_prefix: AttrValue,
}

/// The widget: loads the article, shows it, or shows why not with a way to try again.
#[component]
pub fn Reader(props: &ReaderProps) -> Html {
    let article = use_article(props.source.clone(), props.timeout_ms);
    let busy = matches!(article.state(), LoadState::Loading);
    let content = match article.state() {
        LoadState::Loading => html! {
            <p class="reader-status">{ "Loading article…" }</p>
        },
        LoadState::Ready(loaded) => html! {
            <ArticleView
                article={loaded.article.clone()}
                share_targets={props.share_targets.clone()}
                id_prefix={props.id_prefix.clone()}
            >
                if props.offline {
                    <SaveControl loaded={loaded.clone()} />
                }
            </ArticleView>
        },
        LoadState::Failed(error) => {
            let retry = {
                let article = article.clone();
                Callback::from(move |_: MouseEvent| article.retry())
            };
            html! {
                <div class="reader-error" role="alert" part="error">
                    <p class="reader-error-title">{ "This article could not be shown." }</p>
                    <p class="reader-error-detail">{ error.to_string() }</p>
                    <button type="button" class="reader-button" onclick={retry}>{ "Try again" }</button>
                </div>
            }
        }
    };
    html! {
        <div class="reader" part="reader" data-theme={props.theme.as_str()} aria-busy={if busy { "true" } else { "false" }}>
            { content }
        </div>
    }
}
