//! The browser platform as the widget uses it: page address, dates through `Intl`, Web Share,
//! the clipboard and the console. Every call that can throw in JavaScript is bound with `catch`,
//! so an exception becomes an `Err` here and never unwinds through the wasm.

pub mod on_demand;
pub mod speech;

use js_sys::{Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

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

    /// `Intl.PluralRules`: which plural form a number takes in a language.
    #[wasm_bindgen(js_namespace = Intl, js_name = PluralRules)]
    type PluralRules;

    #[wasm_bindgen(constructor, catch, js_namespace = Intl, js_class = "PluralRules")]
    fn new(locale: &str) -> Result<PluralRules, JsValue>;

    #[wasm_bindgen(method, catch, js_class = "PluralRules")]
    fn select(this: &PluralRules, n: f64) -> Result<String, JsValue>;

    #[wasm_bindgen(method, catch, js_class = "PluralRules", js_name = selectRange)]
    fn select_range(this: &PluralRules, low: f64, high: f64) -> Result<String, JsValue>;

    /// `Intl.NumberFormat`: digits and separators of a language.
    #[wasm_bindgen(js_namespace = Intl, js_name = NumberFormat)]
    type NumberFormat;

    #[wasm_bindgen(constructor, catch, js_namespace = Intl, js_class = "NumberFormat")]
    fn new(locale: &str, options: &JsValue) -> Result<NumberFormat, JsValue>;

    #[wasm_bindgen(method, catch, js_class = "NumberFormat")]
    fn format(this: &NumberFormat, n: f64) -> Result<String, JsValue>;

    #[wasm_bindgen(method, catch, js_class = "NumberFormat", js_name = formatRange)]
    fn format_range(this: &NumberFormat, low: f64, high: f64) -> Result<String, JsValue>;

    /// `Intl.ListFormat`: "A, B and C" in a language, as parts so the names stay elements.
    #[wasm_bindgen(js_namespace = Intl, js_name = ListFormat)]
    type ListFormat;

    #[wasm_bindgen(constructor, catch, js_namespace = Intl, js_class = "ListFormat")]
    fn new(locale: &str) -> Result<ListFormat, JsValue>;

    #[wasm_bindgen(method, catch, js_class = "ListFormat", js_name = formatToParts)]
    fn format_to_parts(this: &ListFormat, list: &js_sys::Array) -> Result<js_sys::Array, JsValue>;

    /// `FontFace`: a font of the page's font set that the browser fetches when text needs it.
    type FontFace;

    #[wasm_bindgen(constructor, catch)]
    fn new(family: &str, source: &str, descriptors: &JsValue) -> Result<FontFace, JsValue>;

    /// `CSSStyleSheet`, constructed: a stylesheet made from text, added to a document or shadow
    /// root through `adoptedStyleSheets` (no element, no request).
    #[wasm_bindgen(js_name = CSSStyleSheet)]
    type Sheet;

    #[wasm_bindgen(constructor, catch, js_class = "CSSStyleSheet")]
    fn new() -> Result<Sheet, JsValue>;

    #[wasm_bindgen(method, catch, js_class = "CSSStyleSheet", js_name = replaceSync)]
    fn replace_sync(this: &Sheet, text: &str) -> Result<(), JsValue>;

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

thread_local! {
    /// The directory of the reader's files (`embed.js`'s, or the page's): set at each mount.
    static ASSET_BASE: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    /// Whether the legible font's faces are in the page's font set already.
    static LEGIBLE_ADDED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Where the reader's own files are (see [`ASSET_BASE`]).
pub fn set_asset_base(base: &str) {
    ASSET_BASE.with(|b| base.clone_into(&mut b.borrow_mut()));
}

/// The family name the stylesheet asks for under `data-font="legible"`.
pub const LEGIBLE_FAMILY: &str = "Article Reader Hyperlegible";

/// The legible font's files (`fonts/` beside the reader's files, from the build) by subset,
/// with the characters each covers: the browser fetches only the faces and subsets the text uses.
const LEGIBLE_SUBSETS: [(&str, &str); 2] = [
    ("latin", "U+0000-00FF,U+0131,U+0152-0153,U+02BB-02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191-2215,U+FEFF,U+FFFD"),
    ("latin-ext", "U+0100-02FF,U+0304,U+0308,U+0329,U+1D00-1EFF,U+2020,U+20A0-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF"),
];

/// Adds the legible font (Atkinson Hyperlegible) to the page's fonts, once per page, under its
/// own family name: a face added through the Font Loading API is seen inside shadow roots (a
/// `@font-face` rule there is not) and puts no rule or element in the host's document. Nothing
/// is fetched until text in that family is drawn. Under a host CSP whose `font-src` leaves out
/// the reader's address the text keeps the system's sans-serif.
pub fn add_legible_font() {
    if LEGIBLE_ADDED.with(|added| added.replace(true)) {
        return;
    }
    let base = ASSET_BASE.with(|b| b.borrow().clone());
    let Some(fonts) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| Reflect::get(&d, &JsValue::from_str("fonts")).ok())
        .filter(JsValue::is_object)
    else {
        return;
    };
    let add = Reflect::get(&fonts, &JsValue::from_str("add"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(add) = add else {
        return;
    };
    for (subset, range) in LEGIBLE_SUBSETS {
        for (weight, style) in [
            ("400", "normal"),
            ("700", "normal"),
            ("400", "italic"),
            ("700", "italic"),
        ] {
            let file = format!("fonts/atkinson-hyperlegible-{subset}-{weight}-{style}.woff2");
            let Ok(url) = web_sys::Url::new_with_base(&file, &base) else {
                continue;
            };
            let descriptors = Object::new();
            for (name, value) in [
                ("weight", weight),
                ("style", style),
                ("unicodeRange", range),
                ("display", "swap"),
            ] {
                let _ = Reflect::set(
                    &descriptors,
                    &JsValue::from_str(name),
                    &JsValue::from_str(value),
                );
            }
            let source = format!("url(\"{}\") format(\"woff2\")", url.href());
            if let Ok(face) = FontFace::new(LEGIBLE_FAMILY, &source, &descriptors) {
                let _ = add.call1(&fonts, &face);
            }
        }
    }
}

/// Whether the system's colour scheme is dark (`prefers-color-scheme`), for the `Auto` theme.
pub fn prefers_dark() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|scheme| scheme.matches())
}

/// The browser's data saver (`navigator.connection.saveData`, where the browser has it): the
/// reader then gets pictures after the lead only when asked, unless they chose otherwise.
pub fn browser_saves_data() -> bool {
    // (Reflect.get throws where there is no `connection`: that is `Err`, so no saving.)
    web_sys::window()
        .and_then(|w| Reflect::get(&w.navigator(), &JsValue::from_str("connection")).ok())
        .and_then(|c| Reflect::get(&c, &JsValue::from_str("saveData")).ok())
        .and_then(|on| on.as_bool())
        .unwrap_or(false)
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
    static DATE_FORMATS: std::cell::RefCell<Vec<(String, u8, DateFormat)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A date for display in the article's language ("21 July 2019"); a bare date is shown in UTC so
/// it never moves to the previous day. Falls back to the ISO form if `Intl` refuses the locale.
pub fn format_date(datetime: &str, date_only: bool, clock: bool, lang: &str) -> String {
    // 0: a day in UTC (a bare date), 1: a day, 2: a day and its time.
    let style = if date_only { 0u8 } else { 1 + u8::from(clock) };
    let formatted = DATE_FORMATS.with(|cache| {
        let mut cache = cache.try_borrow_mut().ok()?;
        let found = cache.iter().position(|(l, s, _)| l == lang && *s == style);
        let index = match found {
            Some(i) => i,
            None => {
                let options = Object::new();
                let _ = Reflect::set(&options, &"dateStyle".into(), &"long".into());
                if date_only {
                    let _ = Reflect::set(&options, &"timeZone".into(), &"UTC".into());
                }
                if style == 2 {
                    let _ = Reflect::set(&options, &"timeStyle".into(), &"short".into());
                }
                cache.push((
                    lang.to_owned(),
                    style,
                    DateFormat::new(lang, &options).ok()?,
                ));
                cache.len() - 1
            }
        };
        let js_date = js_sys::Date::new(&JsValue::from_str(datetime));
        cache[index].2.format(&js_date).ok()?.as_string()
    });
    formatted.unwrap_or_else(|| datetime.to_owned())
}

/// The plural category of `n` in a language ("one", "few" …); "other" where `Intl` refuses.
pub fn plural_category(lang: &str, n: u64) -> String {
    PluralRules::new(lang)
        .and_then(|rules| rules.select(n as f64))
        .unwrap_or_else(|_| "other".to_owned())
}

/// A number in a language's digits and separators.
pub fn format_number(lang: &str, n: f64) -> String {
    NumberFormat::new(lang, &JsValue::UNDEFINED)
        .and_then(|f| f.format(n))
        .unwrap_or_else(|_| js_number(n))
}

/// A number as JavaScript writes it: no float formatting code in the wasm.
fn js_number(n: f64) -> String {
    js_sys::Number::from(n)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_default()
}

/// A share of a whole (0 to 1) as a percentage the language writes ("42 %", "٤٢٪").
pub fn format_percent(lang: &str, fraction: f64) -> String {
    let options = Object::new();
    let _ = Reflect::set(&options, &"style".into(), &"percent".into());
    NumberFormat::new(lang, &options)
        .and_then(|f| f.format(fraction))
        .unwrap_or_else(|_| format!("{}%", (fraction * 100.0).round() as u32))
}

/// A range of whole numbers ("4–5") and its plural category, as the language writes them.
pub fn number_range(lang: &str, low: u64, high: u64) -> (String, String) {
    let (low_f, high_f) = (low as f64, high as f64);
    let category = PluralRules::new(lang)
        .and_then(|rules| {
            rules
                .select_range(low_f, high_f)
                .or_else(|_| rules.select(high_f))
        })
        .unwrap_or_else(|_| "other".to_owned());
    let text = NumberFormat::new(lang, &JsValue::UNDEFINED)
        .and_then(|f| f.format_range(low_f, high_f))
        .unwrap_or_else(|_| format!("{low}–{high}"));
    (category, text)
}

/// A storage size in kilobytes or megabytes as the language writes units ("340 kB", "1,2 Mo").
pub fn format_bytes(lang: &str, bytes: f64) -> String {
    let (value, unit) = if bytes < 1024.0 * 1024.0 {
        ((bytes / 1024.0).ceil().max(1.0), "kilobyte")
    } else {
        ((bytes / 104_857.6).ceil() / 10.0, "megabyte")
    };
    let options = Object::new();
    let _ = Reflect::set(&options, &"style".into(), &"unit".into());
    let _ = Reflect::set(&options, &"unit".into(), &unit.into());
    NumberFormat::new(lang, &options)
        .and_then(|f| f.format(value))
        .unwrap_or_else(|_| format!("{} {unit}", js_number(value)))
}

/// The separators `Intl.ListFormat` puts between `count` items in a language (a conjunction:
/// "A, B and C"): `count - 1` texts; `None` where `Intl` refuses.
pub fn list_separators(lang: &str, count: usize) -> Option<Vec<String>> {
    let items: js_sys::Array = (0..count)
        .map(|i| JsValue::from_str(&i.to_string()))
        .collect();
    let parts = ListFormat::new(lang).and_then(|f| f.format_to_parts(&items));
    let mut separators = Vec::with_capacity(count);
    if let Ok(parts) = parts {
        let (mut between, mut seen) = (String::new(), false);
        for part in parts.iter() {
            let field = |name: &str| {
                Reflect::get(&part, &name.into())
                    .ok()
                    .and_then(|v| v.as_string())
            };
            if field("type").as_deref() == Some("element") {
                if seen {
                    separators.push(std::mem::take(&mut between));
                }
                seen = true;
            } else if seen {
                between.push_str(&field("value").unwrap_or_default());
            }
        }
    }
    (separators.len() + 1 == count).then_some(separators)
}

#[wasm_bindgen]
extern "C" {
    /// An `<img>`, for its one method used here.
    type Picture;

    /// `HTMLImageElement.decode()`: settles when the picture is ready to paint (or cannot be).
    #[wasm_bindgen(method)]
    fn decode(this: &Picture) -> Promise;
}

/// Resolves once the `<img>` `image` is decoded and ready to paint, or could not be, or after
/// `limit_ms` at most: work that waits for the largest paint waits no longer than that.
pub async fn picture_ready(image: &web_sys::Element, limit_ms: i32) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let limit = Promise::new(&mut |resolve, _| {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, limit_ms);
    });
    let decoded = image.unchecked_ref::<Picture>().decode();
    let either = js_sys::Array::of2(&decoded, &limit);
    let _ = JsFuture::from(Promise::race(&either)).await;
}

/// Resolves after the browser has painted what is in the DOM now (a frame, then a task), so work
/// that follows never delays that paint; in a hidden page, where frames do not come, after a task.
pub async fn after_paint() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let hidden = window.document().is_some_and(|d| d.hidden());
    let promise = Promise::new(&mut |resolve, _| {
        let task = window.clone();
        let then = Closure::once_into_js(move || {
            let _ = task
                .set_timeout_with_callback_and_timeout_and_arguments_0(resolve.unchecked_ref(), 0);
        });
        if hidden
            || window
                .request_animation_frame(then.unchecked_ref())
                .is_err()
        {
            let _ = window
                .set_timeout_with_callback_and_timeout_and_arguments_0(then.unchecked_ref(), 0);
        }
    });
    let _ = JsFuture::from(promise).await;
}

thread_local! {
    /// The stylesheets made so far, by their text's address (one object serves every root).
    static SHEETS: std::cell::RefCell<Vec<(usize, JsValue)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Adds `css`, the stylesheet an on-demand module carries (`styles/islands.css`,
/// `styles/viewer.css`), to the document or shadow root that `within` is in, once: the first
/// paint never waits for rules only that module's parts use. A constructed stylesheet is not an
/// inline style for CSP (no `'unsafe-inline'` needed) and no Trusted Types sink.
pub fn adopt_stylesheet(within: &web_sys::Node, css: &'static str) {
    let sheet = SHEETS.with(|sheets| {
        let mut sheets = sheets.borrow_mut();
        if let Some((_, sheet)) = sheets.iter().find(|(key, _)| *key == css.as_ptr() as usize) {
            return Some(sheet.clone());
        }
        let sheet = Sheet::new().ok()?;
        sheet.replace_sync(css).ok()?;
        let sheet = JsValue::from(sheet);
        sheets.push((css.as_ptr() as usize, sheet.clone()));
        Some(sheet)
    });
    let Some(sheet) = sheet else {
        return;
    };
    let root = within.get_root_node();
    let key = JsValue::from_str("adoptedStyleSheets");
    // A document or a shadow root; a node not in one yet has no such list.
    let Some(list) = Reflect::get(&root, &key)
        .ok()
        .filter(js_sys::Array::is_array)
        .map(|adopted| js_sys::Array::from(&adopted))
    else {
        return;
    };
    if !list.includes(&sheet, 0) {
        list.push(&sheet);
        let _ = Reflect::set(&root, &key, &list);
    }
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
pub fn share_natively(
    title: &str,
    text: Option<&str>,
    url: &str,
) -> impl std::future::Future<Output = ShareOutcome> {
    let data = web_sys::ShareData::new();
    data.set_url(url);
    data.set_title(title);
    if let Some(text) = text {
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

/// Where the page's text selection is, when it is not empty: its start and end, as nodes and
/// offsets (inside the shadow root of `within`'s tree too).
pub struct SelectedRange {
    pub start: web_sys::Node,
    pub start_offset: u32,
    pub end: web_sys::Node,
    pub end_offset: u32,
}

/// Calls method `name` of `target` with `args`; `None` if it is missing or throws.
fn call_method(target: &JsValue, name: &str, args: &js_sys::Array) -> Option<JsValue> {
    Reflect::get(target, &name.into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?
        .apply(target, args)
        .ok()
}

/// The page's selection, if it is not empty, as seen from `within`'s tree: a selection inside a
/// shadow root is given by `getComposedRanges` with that root (the document's own `getSelection`
/// would only show its host), else by `getRangeAt(0)`.
pub fn selected_range(within: &web_sys::Element) -> Option<SelectedRange> {
    let window = web_sys::window()?;
    let selection = call_method(&window, "getSelection", &js_sys::Array::new())?;
    let root = within.get_root_node();
    let range = if root.dyn_ref::<web_sys::ShadowRoot>().is_some() {
        let options = Object::new();
        Reflect::set(&options, &"shadowRoots".into(), &js_sys::Array::of1(&root)).ok()?;
        let ranges = call_method(
            &selection,
            "getComposedRanges",
            &js_sys::Array::of1(&options),
        )
        // (Before getComposedRanges: the root's own selection, where the browser has one.)
        .or_else(|| {
            let own = call_method(&root, "getSelection", &js_sys::Array::new())?;
            Some(
                js_sys::Array::of1(&call_method(
                    &own,
                    "getRangeAt",
                    &js_sys::Array::of1(&0.into()),
                )?)
                .into(),
            )
        })?;
        Reflect::get(&ranges, &0.into()).ok()?
    } else {
        let count = Reflect::get(&selection, &"rangeCount".into())
            .ok()?
            .as_f64()?;
        if count < 1.0 {
            return None;
        }
        call_method(&selection, "getRangeAt", &js_sys::Array::of1(&0.into()))?
    };
    if Reflect::get(&range, &"collapsed".into()).ok()?.as_bool() != Some(false) {
        return None;
    }
    let node = |name: &str| {
        Reflect::get(&range, &name.into())
            .ok()?
            .dyn_into::<web_sys::Node>()
            .ok()
    };
    let offset = |name: &str| Some(Reflect::get(&range, &name.into()).ok()?.as_f64()? as u32);
    Some(SelectedRange {
        start: node("startContainer")?,
        start_offset: offset("startOffset")?,
        end: node("endContainer")?,
        end_offset: offset("endOffset")?,
    })
}

/// The text between two points of a document (a live `Range` made for the reading).
pub fn text_between(
    start: &web_sys::Node,
    start_offset: u32,
    end: &web_sys::Node,
    end_offset: u32,
) -> String {
    let Some(document) = start.owner_document() else {
        return String::new();
    };
    let Some(range) = call_method(&document, "createRange", &js_sys::Array::new()) else {
        return String::new();
    };
    let set = |name: &str, node: &web_sys::Node, offset: u32| {
        call_method(&range, name, &js_sys::Array::of2(node, &offset.into()))
    };
    if set("setStart", start, start_offset).is_none() || set("setEnd", end, end_offset).is_none() {
        return String::new();
    }
    call_method(&range, "toString", &js_sys::Array::new())
        .and_then(|text| text.as_string())
        .unwrap_or_default()
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

/// The value stored under `key` for this origin; `None` where storage is refused (sandboxed
/// frames, storage switched off) or holds nothing.
pub fn stored(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Stores `value` under `key`; silently not where storage is refused.
pub fn store(key: &str, value: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(key, value);
    }
}

/// Gives the reader a file to keep, named `name`, as the browser downloads ("Download", a
/// backup): a `Blob` link clicked once, its address revoked after. False where the browser
/// refuses.
pub fn download(name: &str, mime: &str, contents: &[u8]) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(href) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let Some(link) = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return false;
    };
    link.set_href(&href);
    link.set_download(name);
    link.click();
    // The download has its own copy once it started; the address is let go a moment later.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&href);
    });
    if let Some(window) = web_sys::window() {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
    }
    true
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Runs `change` (which may reflow everything: text size, font) and scrolls so that the focused
/// control inside `within` — what the reader is looking at — stays where it was on screen.
pub fn keep_in_place(within: &web_sys::Element, change: impl FnOnce()) {
    let focused = focused_in(within);
    let before = focused
        .as_ref()
        .map(|el| el.get_bounding_client_rect().top());
    change();
    if let (Some(el), Some(before), Some(window)) = (focused, before, web_sys::window()) {
        let moved = el.get_bounding_client_rect().top() - before;
        if moved.abs() >= 1.0 {
            window.scroll_by_with_x_and_y(0.0, moved);
        }
    }
}

/// The reader's selection inside an element and the element focused there, as plain boundary
/// points: what taking the element out of the page and putting it back (the reader's app taking
/// over the first paint's article) would lose. [`KeptPlace::restore`] gives them back.
pub struct KeptPlace {
    ranges: Vec<[JsValue; 4]>,
    focused: Option<web_sys::Element>,
}

/// Calls `target.method(...args)`, for the Selection API in a shadow root or a document, which
/// the bindings this crate takes do not cover.
fn call(target: &JsValue, method: &str, args: &js_sys::Array) -> Option<JsValue> {
    let function: js_sys::Function = Reflect::get(target, &method.into()).ok()?.dyn_into().ok()?;
    Reflect::apply(&function, target, args).ok()
}

/// The selection of the tree `within` is in: a shadow root's own where the browser gives one,
/// else the window's.
fn selection_for(within: &web_sys::Element) -> Option<JsValue> {
    call(
        &within.get_root_node(),
        "getSelection",
        &js_sys::Array::new(),
    )
    .filter(|s| !s.is_null() && !s.is_undefined())
    .or_else(|| {
        call(
            &web_sys::window()?.into(),
            "getSelection",
            &js_sys::Array::new(),
        )
    })
    .filter(|s| !s.is_null() && !s.is_undefined())
}

/// What [`KeptPlace`] keeps of `within`, now.
pub fn keep_place(within: &web_sys::Element) -> KeptPlace {
    let mut ranges = Vec::new();
    if let Some(selection) = selection_for(within) {
        let count = Reflect::get(&selection, &"rangeCount".into())
            .ok()
            .and_then(|n| n.as_f64())
            .unwrap_or(0.0) as u32;
        for i in 0..count {
            let Some(range) = call(&selection, "getRangeAt", &js_sys::Array::of1(&i.into())) else {
                continue;
            };
            let get = |name: &str| Reflect::get(&range, &name.into()).unwrap_or_default();
            let point = [
                get("startContainer"),
                get("startOffset"),
                get("endContainer"),
                get("endOffset"),
            ];
            let inside = |node: &JsValue| {
                node.dyn_ref::<web_sys::Node>()
                    .is_some_and(|node| within.contains(Some(node)))
            };
            if inside(&point[0]) && inside(&point[2]) {
                ranges.push(point);
            }
        }
    }
    KeptPlace {
        ranges,
        focused: focused_in(within),
    }
}

impl KeptPlace {
    /// Selects and focuses again what was (the view does not move).
    pub fn restore(self, within: &web_sys::Element) {
        if !self.ranges.is_empty() {
            if let (Some(selection), Some(document)) =
                (selection_for(within), within.owner_document())
            {
                call(&selection, "removeAllRanges", &js_sys::Array::new());
                for [start, start_at, end, end_at] in self.ranges {
                    let Some(range) = call(&document, "createRange", &js_sys::Array::new()) else {
                        continue;
                    };
                    call(&range, "setStart", &js_sys::Array::of2(&start, &start_at));
                    call(&range, "setEnd", &js_sys::Array::of2(&end, &end_at));
                    call(&selection, "addRange", &js_sys::Array::of1(&range));
                }
            }
        }
        if let Some(focused) = self
            .focused
            .as_ref()
            .and_then(|f| f.dyn_ref::<web_sys::HtmlElement>())
        {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = focused.focus_with_options(&options);
        }
    }
}

/// The element that has focus inside `within` (through its shadow root in embed mode).
fn focused_in(within: &web_sys::Element) -> Option<web_sys::Element> {
    let root = within.get_root_node();
    let active = Reflect::get(&root, &"activeElement".into()).ok()?;
    let active: web_sys::Element = active.dyn_into().ok()?;
    within.contains(Some(&active)).then_some(active)
}

/// Calls `each` with every element under `within` that matches `selector`, in document order
/// (none for a selector the browser refuses): the one walk over a `querySelectorAll` answer.
pub fn for_each_element(
    within: &web_sys::Element,
    selector: &str,
    mut each: impl FnMut(web_sys::Element),
) {
    let Ok(found) = within.query_selector_all(selector) else {
        return;
    };
    for i in 0..found.length() {
        if let Some(element) = found.item(i).and_then(|n| n.dyn_into().ok()) {
            each(element);
        }
    }
}

/// The elements [`for_each_element`] walks, as a list.
pub fn elements(within: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    let mut all = Vec::new();
    for_each_element(within, selector, |element| all.push(element));
    all
}

/// Gives the focus to a part of the article that is not a control (a heading, a paragraph, a
/// figure), so that a screen reader reads from there: it becomes focusable by script only
/// (`tabindex="-1"`, unless it has a tab index already). The one way the reader moves the focus
/// to text (keys, Contents, resume, shown pictures); callers decide how the view moves.
pub fn focus_part(part: &web_sys::Element) {
    if !part.has_attribute("tabindex") {
        let _ = part.set_attribute("tabindex", "-1");
    }
    if let Some(part) = part.dyn_ref::<web_sys::HtmlElement>() {
        let _ = part.focus();
    }
}

/// Scrolls `element` into view when it is not wholly on screen: smoothly, unless the reader
/// asked for reduced motion.
pub fn keep_in_view(element: &web_sys::Element) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let rect = element.get_bounding_client_rect();
    let height = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    if rect.top() >= 0.0 && rect.bottom() <= height - 64.0 {
        return;
    }
    let reduced = window
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    options.set_behavior(if reduced {
        web_sys::ScrollBehavior::Instant
    } else {
        web_sys::ScrollBehavior::Smooth
    });
    element.scroll_into_view_with_scroll_into_view_options(&options);
}

/// The browser's preferred language (page mode's UI language for views without an article).
pub fn browser_language() -> Option<String> {
    web_sys::window()?.navigator().language()
}
