use std::rc::Rc;

use yew::prelude::*;

use super::{ArticleView, ById, ErrorView, SaveControl};
use crate::config::{ArticleSource, ReaderConfig};
use crate::hooks::{use_article, LoadState};
use crate::ui::error_view as names;

/// Everything one widget instance is started with.
#[derive(Properties, Clone, Debug, PartialEq)]
pub struct ReaderProps {
    /// The settings, from the element's attributes or the page's query.
    pub config: Rc<ReaderConfig>,
    /// Where the article comes from (the configuration's, with the mode's fallback).
    pub source: ArticleSource,
    /// Page mode only: show "Save for offline" (the service worker serves saved copies). Off by
    /// default, and always off in embed mode, where the storage would be the host page's.
    #[prop_or_default]
    pub offline: bool,
    /// Prefix for element ids, unique per instance on a page (decided by `mount::register`).
    pub id_prefix: AttrValue,
}

/// The widget: loads the article, shows it, or shows why not with a way to try again.
#[component]
pub fn Reader(props: &ReaderProps) -> Html {
    let article = use_article(props.source.clone(), props.config.clone());
    let busy = matches!(article.state(), LoadState::Loading);
    let content = match article.state() {
        LoadState::Loading => html! {
            <p class="reader-status">{ "Loading article…" }</p>
        },
        LoadState::Ready(loaded) => html! {
            <ArticleView
                article={ById(loaded.article.clone())}
                share_targets={ById(props.config.share.clone())}
                id_prefix={props.id_prefix.clone()}
            >
                if props.offline {
                    <SaveControl loaded={ById(loaded.clone())} />
                }
            </ArticleView>
        },
        LoadState::Failed(error) => {
            let retry = {
                let article = article.clone();
                Callback::from(move |_: MouseEvent| article.retry())
            };
            html! { <ErrorView detail={error.to_string()} on_retry={retry} /> }
        }
    };
    html! {
        <div class={names::CLASS_WRAPPER} part={names::PART_WRAPPER} data-theme={props.config.theme.as_str()} aria-busy={if busy { "true" } else { "false" }}>
            { content }
        </div>
    }
}
