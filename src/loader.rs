//! The one loader for page and embed mode: where a document comes from, fetching it, and turning
//! every failure into a [`ReaderError`].

use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{RequestCredentials, RequestInit, RequestMode, Response};

use crate::browser;
use crate::decode::{decode_str, MAX_DOCUMENT_BYTES};
use crate::error::ReaderError;
use crate::model::Article;
use crate::url_policy::{self, SafeUrl, UrlUse};

/// How long a request may take, body included, before the reader gives up.
pub const DEFAULT_TIMEOUT_MS: u32 = 15_000;

/// Where an article comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum ArticleSource {
    /// The built-in sample article; `base` is its own address (its image is resolved against it).
    Sample { base: Rc<str> },
    /// A document URL (`?src=` or the element's `src`), resolved against the page.
    Url(Rc<str>),
    /// A document given inline (the element's `<script type="application/json">` child).
    Inline(Rc<str>),
}

/// A checked article and what saving it for offline reading needs.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub article: Rc<Article>,
    /// The document text exactly as checked: what "Save for offline" stores.
    pub text: Rc<str>,
    /// The address the document is requested by (and saved under); `None` for inline documents.
    pub address: Option<SafeUrl>,
    /// True when the service worker answered with the saved copy (the network failed or was slow).
    pub from_saved_copy: bool,
}

/// Loads and checks the document from `source`; logs warnings for what was skipped.
pub async fn load(source: &ArticleSource, timeout_ms: u32) -> Result<Loaded, ReaderError> {
    let page = browser::base_url();
    let (fetched, address) = match source {
        ArticleSource::Inline(text) => (
            Fetched {
                text: text.to_string(),
                base: page,
                from_saved_copy: false,
            },
            None,
        ),
        ArticleSource::Sample { base: src } | ArticleSource::Url(src) => {
            let url =
                url_policy::resolve(src, Some(&page), UrlUse::Web).ok_or(ReaderError::BadSource)?;
            (fetch_text(url.as_str(), timeout_ms).await?, Some(url))
        }
    };
    let Fetched {
        text,
        base,
        from_saved_copy,
    } = fetched;
    let decoded =
        decode_str(&text, Some(&base)).map_err(|issue| ReaderError::from_document(&text, issue))?;
    for warning in &decoded.warnings {
        browser::warn(&warning.to_string());
    }
    Ok(Loaded {
        article: Rc::new(decoded.article),
        text: text.into(),
        address,
        from_saved_copy,
    })
}

/// A document's text and the address it is resolved against.
struct Fetched {
    text: String,
    base: String,
    from_saved_copy: bool,
}

/// The header by which the reader's service worker says how it answered (see `pwa/sw.js`).
const WORKER_HEADER: &str = "X-Article-Reader";

/// The one fetch path: GET with a time limit covering the body, status and size checked.
/// Returns the body and the final URL (after redirects), which is the document's own address.
async fn fetch_text(url: &str, timeout_ms: u32) -> Result<Fetched, ReaderError> {
    let window = web_sys::window().ok_or(ReaderError::Internal)?;
    let init = RequestInit::new();
    init.set_method("GET");
    init.set_mode(RequestMode::Cors);
    init.set_credentials(RequestCredentials::SameOrigin);
    init.set_signal(Some(&web_sys::AbortSignal::timeout_with_u32(timeout_ms)));
    let timeout = ReaderError::Timeout {
        seconds: timeout_ms.div_ceil(1000),
    };
    let failed = |e: wasm_bindgen::JsValue| match browser::error_name(&e).as_deref() {
        Some("TimeoutError" | "AbortError") => timeout.clone(),
        // `onLine == false` is reliable (true is not proof of a connection).
        _ if !browser::is_online() => ReaderError::Offline,
        _ => ReaderError::Network,
    };
    let request =
        web_sys::Request::new_with_str_and_init(url, &init).map_err(|_| ReaderError::BadSource)?;
    request
        .headers()
        .set("Accept", "application/json")
        .map_err(|_| ReaderError::Internal)?;
    let response: Response = JsFuture::from(window.fetch_with_request(&request))
        .await
        .map_err(failed)?
        .dyn_into()
        .map_err(|_| ReaderError::Internal)?;
    let worker_note = response.headers().get(WORKER_HEADER).ok().flatten();
    if worker_note.as_deref() == Some("offline-not-saved") {
        return Err(ReaderError::Offline);
    }
    if !response.ok() {
        return Err(ReaderError::Http {
            status: response.status(),
        });
    }
    let declared = response
        .headers()
        .get("Content-Length")
        .ok()
        .flatten()
        .and_then(|n| n.parse::<usize>().ok());
    if declared.is_some_and(|n| n > MAX_DOCUMENT_BYTES) {
        return Err(ReaderError::TooLarge);
    }
    let body = response.text().map_err(|_| ReaderError::Network)?;
    let text = JsFuture::from(body)
        .await
        .map_err(failed)?
        .as_string()
        .ok_or(ReaderError::Internal)?;
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(ReaderError::TooLarge);
    }
    let final_url = Some(response.url())
        .filter(|u| !u.is_empty())
        .unwrap_or_else(|| url.to_owned());
    Ok(Fetched {
        text,
        base: final_url,
        from_saved_copy: worker_note.as_deref() == Some("saved-copy"),
    })
}
