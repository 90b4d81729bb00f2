//! The element's events (spec §6): `article-reader:load` when an article has rendered and
//! `article-reader:error` when the alert is shown. The wasm builds each event's detail and hands it
//! to the function `embed.js` gave at mount, which dispatches it on the element (bubbling and
//! composed, so a listener on the document hears every widget).

use js_sys::{Function, Object, Reflect};
use wasm_bindgen::JsValue;

use crate::reader::error::ReaderError;
use crate::reader::i18n::Ui;
use crate::reader::loader::Loaded;

/// Where a widget's events go: `embed.js`'s `notify(type, detail)`; page mode has none.
#[derive(Clone, Debug)]
pub struct HostEvents(Function);

impl PartialEq for HostEvents {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}

impl HostEvents {
    /// Wraps the host's function.
    pub fn new(notify: Function) -> HostEvents {
        HostEvents(notify)
    }

    /// An article has rendered: its headline, canonical address (else where it was loaded from),
    /// the format it was read as and how many fields were skipped with a warning.
    pub fn loaded(&self, loaded: &Loaded) {
        let detail = Object::new();
        let url = loaded
            .article
            .url
            .as_ref()
            .or(loaded.address.as_ref())
            .map_or(JsValue::NULL, |u| JsValue::from_str(u.as_str()));
        set(
            &detail,
            "headline",
            &JsValue::from_str(&loaded.article.headline),
        );
        set(&detail, "url", &url);
        set(&detail, "format", &JsValue::from_str(loaded.format.name()));
        set(
            &detail,
            "warnings",
            &JsValue::from_f64(loaded.warnings as f64),
        );
        self.send("load", &detail);
    }

    /// The alert is shown: the kind of failure, the message as the alert says it, and the HTTP
    /// status or the field path where there is one.
    pub fn failed(&self, error: &ReaderError, ui: &Ui) {
        let detail = Object::new();
        set(&detail, "kind", &JsValue::from_str(error.kind()));
        set(&detail, "message", &JsValue::from_str(&error.message(ui)));
        if let Some(status) = error.status() {
            set(&detail, "status", &JsValue::from_f64(f64::from(status)));
        }
        if let Some(path) = error.path() {
            set(&detail, "path", &JsValue::from_str(path));
        }
        self.send("error", &detail);
    }

    fn send(&self, kind: &str, detail: &Object) {
        let _ = self
            .0
            .call2(&JsValue::NULL, &JsValue::from_str(kind), detail);
    }
}

fn set(object: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(object, &JsValue::from_str(key), value);
}
