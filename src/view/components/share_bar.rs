use std::rc::Rc;

use yew::prelude::*;

use super::{href, EXTERNAL_REL};
use crate::platform::{self, ShareOutcome};
use crate::reader::i18n::{fill, Ui};
use crate::reader::share::{SharePayload, ShareTarget};

/// Props of [`ShareBar`].
#[derive(Properties, Clone, PartialEq)]
pub struct ShareBarProps {
    /// What is shared: the canonical address, title and extra parameters.
    pub payload: Rc<SharePayload>,
    /// Which controls to show, in order.
    pub targets: Rc<[ShareTarget]>,
}

/// Share controls: the system share sheet (only where the browser has one), copy link with a
/// spoken confirmation, and intent links for the networks.
#[component]
pub fn ShareBar(ShareBarProps { payload, targets }: &ShareBarProps) -> Html {
    let ui = use_context::<Ui>().unwrap_or_default();
    let w = ui.words;
    let status = use_state(|| AttrValue::Static(""));
    let native = use_memo((), |_| platform::can_share_natively());
    let host = use_node_ref();
    if targets.is_empty() {
        return html! {};
    }

    let on_share = {
        let (payload, status) = (payload.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            // Called right here, inside the click, so the share keeps the click's user activation.
            let outcome =
                platform::share_natively(&payload.title, payload.text.as_deref(), &payload.url);
            let status = status.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match outcome.await {
                    ShareOutcome::Failed => status.set(w.share_failed.into()),
                    ShareOutcome::Shared | ShareOutcome::Cancelled => status.set("".into()),
                }
            });
        })
    };
    let on_copy = {
        let (payload, status, host) = (payload.clone(), status.clone(), host.clone());
        Callback::from(move |_: MouseEvent| {
            let (url, status, host) = (payload.url.clone(), status.clone(), host.clone());
            wasm_bindgen_futures::spawn_local(async move {
                if platform::copy_text(&url, host.cast::<web_sys::Element>()).await {
                    status.set(w.link_copied.into());
                } else {
                    status.set(fill(w.copy_blocked, "url", &url).into());
                }
            });
        })
    };

    let controls = targets.iter().copied().filter_map(|target| {
        let html = match target {
            ShareTarget::Native if !*native => return None,
            ShareTarget::Native => html! {
                <button key={target.key()} type="button" class="reader-button share-native" onclick={on_share.clone()}>
                    { w.share }
                </button>
            },
            ShareTarget::Copy => html! {
                <button key={target.key()} type="button" class="reader-button share-copy" onclick={on_copy.clone()}>
                    { w.copy_link }
                </button>
            },
            link => {
                let url = payload.intent_url(link)?;
                html! {
                    <a key={target.key()} class={classes!("share-link", format!("share-{}", link.key()))}
                        href={href(&url)}
                        rel={EXTERNAL_REL}
                        target={(link != ShareTarget::Email).then_some("_blank")}
                        aria-label={link.label(w)}>
                        { link.short_name(w) }
                    </a>
                }
            }
        };
        Some(html)
    });

    html! {
        <div class="share" part="share" role="group" aria-label={w.share_group} lang={ui.lang()} dir={ui.dir()} ref={host}>
            <div class="share-controls">{ for controls }</div>
            <p class="share-status" role="status" aria-live="polite">{ (*status).clone() }</p>
        </div>
    }
}
