//! The one loader for page and embed mode: where a document comes from, fetching it, and turning
//! every failure into a [`ReaderError`].

use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{RequestCredentials, RequestInit, RequestMode, Response};

use crate::core::model::Article;
use crate::core::url_policy::{self, SafeUrl, UrlUse};
use crate::document::formats::{Family, Format};
use crate::document::rich::is_rich_block;
use crate::document::PublisherDocument;
use crate::document::{decode_first, decode_rich, Decoded, FieldIssue};
use crate::document::{decode_html_bodies, decode_structured};
use crate::document::{DecodeError, Step, MAX_DOCUMENT_BYTES};
use crate::platform;
use crate::platform::on_demand::ModuleMissing;
use crate::reader::config::{ArticleSource, ReaderConfig};
use crate::reader::error::{check_content_type, ReaderError};
use crate::reader::i18n;
use crate::{on_demand, prefetch};
// The header by which the reader's service worker says how it answered, and its values.
use crate::reader::names::{NOTE_HEADER, NOTE_NOT_SAVED, NOTE_SAVED_COPY};

/// A checked article and what saving it for offline reading needs.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub article: Rc<Article>,
    /// The format the document was read as.
    pub format: Format,
    /// The document text exactly as checked: what "Save for offline" stores.
    pub text: Rc<str>,
    /// The address the document is requested by (and saved under); `None` for inline documents.
    pub address: Option<SafeUrl>,
    /// True when the service worker answered with the saved copy (the network failed or was slow).
    pub from_saved_copy: bool,
    /// How many fields were skipped with a warning (the element's load event says).
    pub warnings: usize,
    /// The rich elements' module (spec §7: tables, boxes, videos, galleries, posts …) could not
    /// be loaded, so the article's blocks of those kinds are left out (the reader says so).
    pub parts_missing: bool,
}

/// Loads and checks the document from `source` as the configuration says (time limit, format,
/// feed item); logs warnings for what was skipped.
pub async fn load(source: &ArticleSource, config: &ReaderConfig) -> Result<Loaded, ReaderError> {
    prefetch(config);
    let result = load_checked(source, config).await;
    // The UI's words in the language chosen for this article (or for its error), before it is
    // shown: a module of their own when not English.
    let article_lang = result
        .as_ref()
        .ok()
        .map(|loaded| loaded.article.lang.clone());
    i18n::load_tables([
        config.ui_lang.as_deref(),
        article_lang.as_deref(),
        config.context_lang.as_deref(),
    ])
    .await;
    result
}

/// [`load`], up to the checked article.
async fn load_checked(
    source: &ArticleSource,
    config: &ReaderConfig,
) -> Result<Loaded, ReaderError> {
    let timeout_ms = config.timeout_ms;
    let page = platform::base_url();
    let (fetched, address) = match source {
        ArticleSource::Inline(text) => (
            Fetched {
                text: text.to_string(),
                base: page,
                from_saved_copy: false,
            },
            None,
        ),
        ArticleSource::Missing => return Err(ReaderError::NoArticle),
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
    let (decoded, parts_missing) = decode(&text, &base, config).await?;
    for warning in &decoded.warnings {
        platform::warn(&warning.to_string());
    }
    Ok(Loaded {
        article: Rc::new(decoded.article),
        format: decoded.format,
        text: text.into(),
        address,
        from_saved_copy,
        warnings: decoded.warnings.len(),
        parts_missing,
    })
}

/// Reads again a document text saved from the address `like` was loaded from (the saved copy of
/// an article, to compare with the one just loaded), in `like`'s format; `None` when it no longer
/// reads (a saved copy is only ever a document that was checked).
pub async fn reread(text: &str, like: &Loaded) -> Option<Rc<Article>> {
    let base = like.address.as_ref()?;
    let config = ReaderConfig {
        format: like.format,
        ..ReaderConfig::default()
    };
    let (decoded, _) = decode(text, base.as_str(), &config).await.ok()?;
    Some(Rc::new(decoded.article))
}

/// Reads a document saved from `address` again, in whatever format it is (the saved list's
/// search, a restored backup); `None` when it does not read.
pub async fn read_saved(text: &str, address: &str) -> Option<Rc<Article>> {
    let (decoded, _) = decode(text, address, &ReaderConfig::default()).await.ok()?;
    Some(Rc::new(decoded.article))
}

/// The publishers' formats with HTML bodies (WordPress, Ghost, JSON Feed) and the HTML allowlist
/// (spec §4): a module of their own, fetched only for such a document (or at once when `format`
/// names one: [`prefetch`]).
#[cfg_attr(
    article_reader_split,
    wasm_split_helpers::wasm_split(publishers, fallible, preload(preload_publishers))
)]
fn read_html_bodies(
    document: PublisherDocument,
) -> Result<Result<Decoded, FieldIssue>, ModuleMissing> {
    Ok(decode_html_bodies(document))
}

/// The publishers' formats made of typed elements (ANS, Apple News, JSON-LD): the other module,
/// which shares the allowlist's code with the first (a chunk both fetch).
#[cfg_attr(
    article_reader_split,
    wasm_split_helpers::wasm_split(structured, fallible, preload(preload_structured))
)]
fn read_structured(
    document: PublisherDocument,
) -> Result<Result<Decoded, FieldIssue>, ModuleMissing> {
    Ok(decode_structured(document))
}

/// Starts fetching what reading the document will need beside the document itself: the
/// publishers' formats when `format` names one, the UI tables when the page speaks another
/// language than English.
fn prefetch(config: &ReaderConfig) {
    match config.format.family() {
        Some(Family::HtmlBodies) => prefetch!(preload_publishers),
        Some(Family::Structured) => prefetch!(preload_structured),
        None => {}
    }
    // The UI tables when the page or `ui-lang` asks for a language other than English (the
    // article's own is known only once it is read).
    i18n::prefetch_tables([
        config.ui_lang.as_deref(),
        None,
        config.context_lang.as_deref(),
    ]);
}

/// Checks the document: v1 at once, a publisher's format through its module, and a document
/// with rich blocks (spec §7) once the rich elements' module has come. The flag is true when that
/// module could not come: the blocks it reads and draws are then left out.
async fn decode(
    text: &str,
    base: &str,
    config: &ReaderConfig,
) -> Result<(Decoded, bool), ReaderError> {
    let refused = |error: DecodeError| ReaderError::from_decode(text, error);
    let mut decoded = match decode_first(text, Some(base), config.format, config.item.as_deref())
        .map_err(refused)?
    {
        Step::Done(decoded) => *decoded,
        Step::Publisher(document) => match document.format.family() {
            Some(Family::Structured) => on_demand!(read_structured(document)),
            _ => on_demand!(read_html_bodies(document)),
        }
        .map_err(|_| ReaderError::PartMissing)?
        .map_err(|issue| refused(issue.into()))?,
        Step::Rich(document) => {
            let missing = fetch_rich().await.is_err();
            let decoded = decode_rich(document).map_err(|issue| refused(issue.into()))?;
            return Ok((decoded, missing));
        }
    };
    // A publisher's document may hold rich blocks too: their drawing is in that module.
    let body = &decoded.article.body;
    let missing = body.iter().any(is_rich_block) && fetch_rich().await.is_err();
    if missing {
        let kept: Vec<_> = body.iter().filter(|b| !is_rich_block(b)).cloned().collect();
        decoded.article.body = kept.into();
    }
    Ok((decoded, missing))
}

/// How the loader fetches the rich elements' module: given at start by the view, whose layer
/// owns their drawing (the module holds their reading and their drawing together).
pub type FetchRich = fn() -> Pin<Box<dyn Future<Output = Result<(), ModuleMissing>>>>;

thread_local! {
    static FETCH_RICH: Cell<Option<FetchRich>> = const { Cell::new(None) };
}

/// Gives the loader the way to fetch the rich elements' module (`view::rich`).
pub fn set_rich_module(fetch: FetchRich) {
    FETCH_RICH.with(|cell| cell.set(Some(fetch)));
}

/// The rich elements' module, fetched unless it is already here.
#[cfg(article_reader_split)]
async fn fetch_rich() -> Result<(), ModuleMissing> {
    if crate::document::rich::reader().is_some() {
        return Ok(());
    }
    match FETCH_RICH.with(Cell::get) {
        Some(fetch) => fetch().await,
        None => Err(ModuleMissing),
    }
}

/// Always here where the wasm is not split.
#[cfg(not(article_reader_split))]
async fn fetch_rich() -> Result<(), ModuleMissing> {
    Ok(())
}

/// A request for a document that the page started while the wasm was still downloading
/// (`embed.js`, for its element's `src`): the load of that very address takes it over — once —
/// instead of asking again, and applies every check of its own to the answer.
struct EarlyRequest {
    url: String,
    response: js_sys::Promise,
    controller: web_sys::AbortController,
    /// When it started (`Date.now()`): the time limit counts from then.
    started: f64,
}

thread_local! {
    static EARLY: std::cell::RefCell<Vec<EarlyRequest>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Takes note of an early request `{url, response, controller, started}` from JavaScript;
/// anything else is ignored (the loader then asks itself).
pub fn offer_early(value: &JsValue) {
    let field = |name: &str| Reflect::get(value, &name.into()).unwrap_or_default();
    let (Some(url), Ok(response), Ok(controller), Some(started)) = (
        field("url").as_string(),
        field("response").dyn_into::<js_sys::Promise>(),
        field("controller").dyn_into::<web_sys::AbortController>(),
        field("started").as_f64(),
    ) else {
        return;
    };
    EARLY.with(|early| {
        early.borrow_mut().push(EarlyRequest {
            url,
            response,
            controller,
            started,
        })
    });
}

/// The early request for `url`, if one was offered: the fetch to wait for, and its time limit
/// armed for what is left of `timeout_ms` (it aborts with a `TimeoutError`, as the loader's own
/// request would).
fn take_early(url: &str, timeout_ms: u32) -> Option<js_sys::Promise> {
    let early = EARLY.with(|early| {
        let mut early = early.borrow_mut();
        let at = early.iter().position(|e| e.url == url)?;
        Some(early.remove(at))
    })?;
    let left = (f64::from(timeout_ms) - (js_sys::Date::now() - early.started)).max(0.0);
    let controller = early.controller;
    let abort = wasm_bindgen::closure::Closure::once_into_js(move || {
        let reason = web_sys::DomException::new_with_message_and_name("timed out", "TimeoutError");
        match reason {
            Ok(reason) => controller.abort_with_reason(&reason),
            Err(_) => controller.abort(),
        }
    });
    web_sys::window()?
        .set_timeout_with_callback_and_timeout_and_arguments_0(abort.unchecked_ref(), left as i32)
        .ok()?;
    Some(early.response)
}

enum BodyError {
    TooLarge,
    Failed(JsValue),
}

/// Reads the body chunk by chunk, refusing it as soon as it passes the size limit, and decodes it
/// as UTF-8 with replacement characters (as `Response.text()` would).
async fn read_body(response: &Response) -> Result<String, BodyError> {
    let Some(body) = response.body() else {
        return Ok(String::new());
    };
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut bytes: Vec<u8> = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(BodyError::Failed)?;
        if Reflect::get(&chunk, &"done".into())
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true)
        {
            break;
        }
        let Ok(value) =
            Reflect::get(&chunk, &"value".into()).and_then(|v| v.dyn_into::<Uint8Array>())
        else {
            break;
        };
        let start = bytes.len();
        let length = value.length() as usize;
        if start + length > MAX_DOCUMENT_BYTES {
            let _ = reader.cancel();
            return Err(BodyError::TooLarge);
        }
        bytes.resize(start + length, 0);
        value.copy_to(&mut bytes[start..]);
    }
    Ok(match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    })
}

/// A `Retry-After` value in seconds: a number of seconds, or an HTTP date.
fn retry_after_seconds(value: &str) -> Option<u32> {
    if let Ok(seconds) = value.trim().parse::<u32>() {
        return Some(seconds);
    }
    let at = js_sys::Date::parse(value);
    let now = js_sys::Date::now();
    (at.is_finite() && at > now).then(|| ((at - now) / 1000.0).ceil() as u32)
}

/// A document's text and the address it is resolved against.
struct Fetched {
    text: String,
    base: String,
    from_saved_copy: bool,
}

/// The one fetch path: GET with a time limit covering the body, status, type and size checked,
/// the body read as a stream so that no answer can take more memory than the size limit.
/// Returns the body and the final URL (after redirects), which is the document's own address.
/// Built on `web_sys` directly: the same request through `gloo-net`'s builder measured +2.7 KiB
/// gzip (wasm and glue), and gloo-net has no size cap for the body.
async fn fetch_text(url: &str, timeout_ms: u32) -> Result<Fetched, ReaderError> {
    let window = web_sys::window().ok_or(ReaderError::Internal)?;
    let init = RequestInit::new();
    init.set_method("GET");
    init.set_mode(RequestMode::Cors);
    init.set_credentials(RequestCredentials::SameOrigin);
    init.set_signal(Some(&web_sys::AbortSignal::timeout_with_u32(timeout_ms)));
    let timed_out = |e: &JsValue| {
        matches!(
            platform::error_name(e).as_deref(),
            Some("TimeoutError" | "AbortError")
        )
    };
    let timeout = ReaderError::Timeout {
        seconds: timeout_ms.div_ceil(1000),
    };
    // `onLine == false` is reliable (true is not proof of a connection).
    let unreachable = || {
        if platform::is_online() {
            ReaderError::Network
        } else {
            ReaderError::Offline
        }
    };
    let request =
        web_sys::Request::new_with_str_and_init(url, &init).map_err(|_| ReaderError::BadSource)?;
    request
        .headers()
        .set("Accept", "application/json")
        .map_err(|_| ReaderError::Internal)?;
    let pending = match take_early(url, timeout_ms) {
        Some(early) => early,
        None => window.fetch_with_request(&request),
    };
    let response: Response = match JsFuture::from(pending).await {
        Ok(response) => response.dyn_into().map_err(|_| ReaderError::Internal)?,
        Err(e) if timed_out(&e) => return Err(timeout),
        Err(_) => return Err(unreachable()),
    };
    let header = |name: &str| response.headers().get(name).ok().flatten();
    let worker_note = header(NOTE_HEADER);
    if worker_note.as_deref() == Some(NOTE_NOT_SAVED) {
        return Err(ReaderError::Offline);
    }
    if !response.ok() {
        return Err(ReaderError::Http {
            status: response.status(),
            retry_after: header("Retry-After").and_then(|v| retry_after_seconds(&v)),
        });
    }
    if let Some(mime) = header("Content-Type") {
        check_content_type(&mime)?;
    }
    let declared = header("Content-Length").and_then(|n| n.trim().parse::<usize>().ok());
    if declared.is_some_and(|n| n > MAX_DOCUMENT_BYTES) {
        return Err(ReaderError::TooLarge);
    }
    let text = match read_body(&response).await {
        Ok(text) => text,
        Err(BodyError::TooLarge) => return Err(ReaderError::TooLarge),
        Err(BodyError::Failed(e)) if timed_out(&e) => return Err(timeout),
        Err(BodyError::Failed(_)) if !platform::is_online() => return Err(ReaderError::Offline),
        Err(BodyError::Failed(_)) => return Err(ReaderError::Interrupted),
    };
    let final_url = Some(response.url())
        .filter(|u| !u.is_empty())
        .unwrap_or_else(|| url.to_owned());
    Ok(Fetched {
        text,
        base: final_url,
        from_saved_copy: worker_note.as_deref() == Some(NOTE_SAVED_COPY),
    })
}
