//! Embed mode: what `embed.js`'s `<article-reader>` element asks of the wasm. The exports
//! themselves are in the entry point (`main.rs`); this is what they do.

use wasm_bindgen::{JsCast, JsValue};

use crate::reader::config::ReaderConfig;
use crate::reader::events::HostEvents;
use crate::view::mount::{self, Mode, MountedReader};

/// Mounts a widget into `container` (a `div` inside the element's shadow root). `start` is
/// one object: `attributes`, the element's `[name, value]` pairs; `inline`, the text of its
/// JSON child, if any; `base`, the directory of `embed.js`; `lang`, the nearest `lang` around
/// the element on the host page; `document`, a document set as the `article` property (it
/// replaces `src` and the inline child); `early`, the request for `src` that `embed.js` started
/// beside the wasm's download, if any; `notify(type, detail)`, where events go.
pub fn mount_element(container: web_sys::Element, start: &JsValue) -> MountedReader {
    let field = |name: &str| js_sys::Reflect::get(start, &name.into()).unwrap_or_default();
    let mut config = ReaderConfig::from_pairs(attribute_pairs(&field("attributes")))
        .with_inline(field("inline").as_string());
    config.context_lang = field("lang")
        .as_string()
        .filter(|l| !l.is_empty())
        .map(Into::into);
    if let Some(document) = field("document").as_string() {
        config.src = None;
        config.inline = Some(document.into());
    }
    let events = field("notify")
        .dyn_into::<js_sys::Function>()
        .ok()
        .map(HostEvents::new);
    crate::reader::loader::offer_early(&field("early"));
    let base = field("base").as_string().unwrap_or_default();
    mount::mount(container, config, Mode::Embed, &base, events)
}

/// The element's attributes, `[[name, value], …]` from JavaScript, as pairs.
fn attribute_pairs(attributes: &JsValue) -> Vec<(String, String)> {
    js_sys::Array::from(attributes)
        .iter()
        .map(|pair| {
            let pair = js_sys::Array::from(&pair);
            let text = |i| pair.get(i).as_string().unwrap_or_default();
            (text(0), text(1))
        })
        .collect()
}

/// The element's attributes changed where they only change how the article is shown (`theme`,
/// `share`, `controls`, `ui-lang`, `timeout`): the widget updates in place
/// ([`MountedReader::update`]).
pub fn update_element(reader: &mut MountedReader, attributes: &JsValue) {
    reader.update(ReaderConfig::from_pairs(attribute_pairs(attributes)));
}
