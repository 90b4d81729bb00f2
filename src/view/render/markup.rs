//! The markup sink the renderer writes into, and its HTML-text backend. The renderer says
//! "open an element, set an attribute, add text, close it"; a backend turns that into DOM nodes
//! (`dom.rs`, in the browser) or into escaped HTML text (here, natively and in tests). Nothing a
//! document says ever becomes markup: text and attribute values are escaped on the way out, and
//! element and attribute names are the renderer's own `&'static str`s.

use super::Part;

/// Where the renderer's output goes.
pub trait Markup {
    /// Starts an element as a child of the open one.
    fn open(&mut self, tag: &'static str);
    /// Sets an attribute on the element just opened (before any child).
    fn attr(&mut self, name: &'static str, value: &str);
    /// Adds text to the open element.
    fn text(&mut self, text: &str);
    /// Ends the open element.
    fn close(&mut self);
    /// A part of the article starts: the DOM keeps each part's nodes so that it can draw one
    /// anew (the UI language changed) without touching the rest. Text output ignores it.
    fn begin(&mut self, _part: Part) {}
    /// The part ends; `uses_ui` says whether it showed any UI words or UI-language formats.
    fn end(&mut self, _part: Part, _uses_ui: bool) {}
}

/// Elements that have no end tag in HTML.
const VOID: [&str; 9] = [
    "img", "br", "hr", "input", "link", "meta", "source", "track", "wbr",
];

/// Markup as HTML text, escaped: what `cargo run -- render` prints, what snapshot tests compare,
/// and (later) what prerendering serves.
#[derive(Default)]
pub struct HtmlText {
    out: String,
    /// An element's start tag is written but not yet closed with `>` (attributes may follow).
    pending: bool,
    open: Vec<&'static str>,
}

impl HtmlText {
    /// An empty sink.
    pub fn new() -> HtmlText {
        HtmlText::default()
    }

    /// The HTML written so far, with every open element closed.
    pub fn finish(mut self) -> String {
        while !self.open.is_empty() {
            self.close();
        }
        self.flush();
        self.out
    }

    fn flush(&mut self) {
        if std::mem::take(&mut self.pending) {
            self.out.push('>');
        }
    }

    /// A JSON text as the content of the element just opened (a `<script type="application/json">`,
    /// whose content the browser never decodes): every `<` written `\u003c`, so nothing in it can
    /// end the element. Only for JSON that parsed (outside strings it has no `<`).
    pub fn json(&mut self, json: &str) {
        self.flush();
        self.out.push_str(&json.replace('<', "\\u003c"));
    }

    /// A stylesheet as the content of the `<style>` just opened (raw text, which the browser does
    /// not decode): every `<` written as the CSS escape `\3c `, so nothing in it can end the
    /// element. Only for the reader's own stylesheet.
    pub fn css(&mut self, css: &str) {
        self.flush();
        self.out.push_str(&css.replace('<', "\\3c "));
    }

    fn escape(&mut self, text: &str, in_attribute: bool) {
        for c in text.chars() {
            match c {
                '&' => self.out.push_str("&amp;"),
                '<' => self.out.push_str("&lt;"),
                '>' => self.out.push_str("&gt;"),
                '"' if in_attribute => self.out.push_str("&quot;"),
                '\u{a0}' => self.out.push_str("&nbsp;"),
                c => self.out.push(c),
            }
        }
    }
}

impl Markup for HtmlText {
    fn open(&mut self, tag: &'static str) {
        self.flush();
        self.out.push('<');
        self.out.push_str(tag);
        self.pending = true;
        self.open.push(tag);
    }

    fn attr(&mut self, name: &'static str, value: &str) {
        if !self.pending {
            return;
        }
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        self.escape(value, true);
        self.out.push('"');
    }

    fn text(&mut self, text: &str) {
        self.flush();
        self.escape(text, false);
    }

    fn close(&mut self) {
        self.flush();
        if let Some(tag) = self.open.pop() {
            if !VOID.contains(&tag) {
                self.out.push_str("</");
                self.out.push_str(tag);
                self.out.push('>');
            }
        }
    }
}
