//! The browser platform as the widget uses it: page address, dates through `Intl`, Web Share,
//! the clipboard and the console. Every call that can throw in JavaScript is bound with `catch`,
//! so an exception becomes an `Err` here and never unwinds through the wasm.

use js_sys::{Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::date::Date;
use crate::share::SharePayload;

#[wasm_bindgen]
extern "C" {
    /// `Intl.DateTimeFormat`, bound here with `catch`: it throws a `RangeError` for a locale the
    /// browser rejects, and js-sys binds it without.
    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
    type DateFormat;

    #[wasm_bindgen(constructor, catch, js_namespace = Intl, js_class = "DateTimeFormat")]
    fn new(locale: &str, options: &JsValue) -> Result<DateFormat, JsValue>;

    #[wasm_bindgen(method, catch, js_class = "DateTimeFormat")]
    fn format(this: &DateFormat, date: &js_sys::Date) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(js_namespace = console, js_name = warn)]
    fn console_warn(message: &str);

    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(message: &str);
}

/// Writes a warning to the console, prefixed so host pages can tell whose it is.
pub fn warn(message: &str) {
    console_warn(&format!("[article-reader] {message}"));
}

/// Writes an error to the console, prefixed like [`warn`].
pub fn error(message: &str) {
    console_error(&format!("[article-reader] {message}"));
}

/// The browser's connectivity hint: `false` means offline for sure, `true` proves nothing.
pub fn is_online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

/// The address of the page the widget runs in (what is shared when a document has no `url`).
pub fn page_url() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// The page's query string (`?src=…`), as page mode reads its settings from it.
pub fn page_query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The page's fragment (`#item=…`).
pub fn page_fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The page's base URL, against which `?src=` and the sample's address are resolved.
pub fn base_url() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_else(page_url)
}

thread_local! {
    /// Formatters by (language, UTC?): making one costs far more than using it, and an article
    /// with 60 related cards formats 60 dates.
    static DATE_FORMATS: std::cell::RefCell<Vec<(String, bool, DateFormat)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A date for display in the article's language ("21 July 2019"); a bare date is shown in UTC so
/// it never moves to the previous day. Falls back to the ISO form if `Intl` refuses the locale.
pub fn format_date(date: &Date, lang: &str) -> String {
    let formatted = DATE_FORMATS.with(|cache| {
        let mut cache = cache.try_borrow_mut().ok()?;
        let found = cache
            .iter()
            .position(|(l, utc, _)| l == lang && *utc == date.date_only);
        let index = match found {
            Some(i) => i,
            None => {
                let options = Object::new();
                let _ = Reflect::set(&options, &"dateStyle".into(), &"long".into());
                if date.date_only {
                    let _ = Reflect::set(&options, &"timeZone".into(), &"UTC".into());
                }
                cache.push((
                    lang.to_owned(),
                    date.date_only,
                    DateFormat::new(lang, &options).ok()?,
                ));
                cache.len() - 1
            }
        };
        let js_date = js_sys::Date::new(&JsValue::from_str(&date.datetime));
        cache[index].2.format(&js_date).ok()?.as_string()
    });
    formatted.unwrap_or_else(|| date.datetime.to_string())
}

/// Whether a property exists on `navigator` (feature detection without calling anything).
fn navigator_has(name: &str) -> bool {
    web_sys::window()
        .map(|w| w.navigator())
        .is_some_and(|n| Reflect::has(&n, &JsValue::from_str(name)).unwrap_or(false))
}

/// Whether the system share sheet exists: the "Share" button is shown only then.
pub fn can_share_natively() -> bool {
    navigator_has("share")
}

/// How a Web Share attempt ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareOutcome {
    Shared,
    /// The reader closed the share sheet: not an error.
    Cancelled,
    Failed,
}

/// Opens the share sheet. It must be called synchronously inside the click handler (the call
/// consumes the click's user activation); the returned future only waits for the outcome.
pub fn share_natively(payload: &SharePayload) -> impl std::future::Future<Output = ShareOutcome> {
    let data = web_sys::ShareData::new();
    data.set_url(&payload.url);
    data.set_title(&payload.title);
    if let Some(text) = &payload.text {
        data.set_text(text);
    }
    let promise: Option<Promise> = web_sys::window().and_then(|w| {
        let navigator = w.navigator();
        let share = Reflect::get(&navigator, &"share".into())
            .ok()?
            .dyn_into::<js_sys::Function>()
            .ok()?;
        share
            .call1(&navigator, &data)
            .ok()?
            .dyn_into::<Promise>()
            .ok()
    });
    async move {
        let Some(promise) = promise else {
            return ShareOutcome::Failed;
        };
        match JsFuture::from(promise).await {
            Ok(_) => ShareOutcome::Shared,
            Err(e) if error_name(&e).as_deref() == Some("AbortError") => ShareOutcome::Cancelled,
            Err(_) => ShareOutcome::Failed,
        }
    }
}

/// The `name` of a thrown `DOMException` or `Error`.
pub fn error_name(error: &JsValue) -> Option<String> {
    Reflect::get(error, &"name".into()).ok()?.as_string()
}

/// Copies `text`: the asynchronous Clipboard API first, then a selected text area and
/// `execCommand('copy')` placed inside `host` (so it works in a shadow root too). `false` when
/// both failed: the caller then shows the link to copy by hand.
pub async fn copy_text(text: &str, host: Option<web_sys::Element>) -> bool {
    if navigator_has("clipboard") {
        if let Some(navigator) = web_sys::window().map(|w| w.navigator()) {
            let clipboard = navigator.clipboard();
            let written = Reflect::get(&clipboard, &"writeText".into())
                .ok()
                .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
                .and_then(|f| f.call1(&clipboard, &JsValue::from_str(text)).ok())
                .and_then(|p| p.dyn_into::<Promise>().ok());
            if let Some(promise) = written {
                if JsFuture::from(promise).await.is_ok() {
                    return true;
                }
            }
        }
    }
    host.is_some_and(|host| copy_with_selection(text, &host))
}

fn copy_with_selection(text: &str, host: &web_sys::Element) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Ok(area) = document.create_element("textarea") else {
        return false;
    };
    let Ok(area) = area.dyn_into::<web_sys::HtmlTextAreaElement>() else {
        return false;
    };
    area.set_value(text);
    area.set_read_only(true);
    area.set_class_name("copy-buffer");
    area.set_attribute("aria-hidden", "true").ok();
    if host.append_child(&area).is_err() {
        return false;
    }
    area.select();
    let copied = document
        .dyn_ref::<web_sys::HtmlDocument>()
        .and_then(|d| d.exec_command("copy").ok())
        .unwrap_or(false);
    area.remove();
    copied
}
