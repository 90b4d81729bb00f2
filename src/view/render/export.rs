//! "Download as a web page": the article as the renderer draws it, in one self-contained HTML
//! file that opens anywhere with no network and no script — the stylesheet inside, the pictures
//! inside as `data:` addresses, the links as they are. What only works with the reader's script
//! (buttons, the tools, share and dock islands, players' frames) is left out, and so is anything
//! that would ask the network (`srcset`, a picture whose bytes could not be read). The file also
//! carries a Content Security Policy that forbids scripts and every request, should a browser
//! ever find something to ask for.

use super::markup::{HtmlText, Markup};
use super::Cx;
use crate::core::model::Article;
use crate::reader::i18n::Ui;

/// The policy of an exported page: no script, nothing from anywhere but the file itself.
pub const EXPORT_POLICY: &str =
    "default-src 'none'; img-src data:; style-src 'unsafe-inline'; form-action 'none'";

/// Elements the exported page leaves out with everything inside them: they need the reader's
/// script, or would load something.
const LEFT_OUT_TAGS: [&str; 16] = [
    "button", "iframe", "dialog", "template", "source", "video", "audio", "input", "select",
    "textarea", "script", "style", "link", "form", "object", "embed",
];

/// Classes of elements left out: the islands where the reader mounts its controls, and the dock.
const LEFT_OUT_CLASSES: [&str; 3] = ["island", "reader-dock", "reader-tools"];

/// Classes of elements whose content stays but not the element itself: the button that opens a
/// picture in the viewer holds the picture.
const UNWRAPPED_CLASSES: [&str; 1] = ["picture-open"];

/// Attributes that ask the network or only serve the live reader.
const LEFT_OUT_ATTRS: [&str; 5] = ["srcset", "sizes", "loading", "fetchpriority", "data-island"];

/// How the exported page is drawn: the reader's wrapper settings, its stylesheet, the pictures.
pub struct ExportPage<'a> {
    /// The reader's stylesheet (its text).
    pub css: &'a str,
    /// The reading settings' attributes of the reader the article was read in (`data-theme`,
    /// `data-text-size`, `data-font`, and the layout chosen).
    pub settings: &'a [(&'static str, String)],
    /// A picture's `data:` address by its address; `None` leaves the picture out.
    pub picture: &'a dyn Fn(&str) -> Option<String>,
}

/// The whole exported file.
pub fn export_html(article: &Article, ui: &Ui, page: &ExportPage) -> String {
    let mut out = HtmlText::new();
    out.open("html");
    out.attr("lang", &article.lang);
    out.attr("dir", article.dir.as_str());
    out.open("head");
    out.open("meta");
    out.attr("charset", "utf-8");
    out.close();
    out.open("meta");
    out.attr("http-equiv", "Content-Security-Policy");
    out.attr("content", EXPORT_POLICY);
    out.close();
    out.open("meta");
    out.attr("name", "viewport");
    out.attr("content", "width=device-width, initial-scale=1");
    out.close();
    out.open("meta");
    out.attr("name", "referrer");
    out.attr("content", "no-referrer");
    out.close();
    out.open("title");
    out.text(&article.headline);
    out.close();
    out.open("style");
    out.css(page.css);
    out.close();
    out.close();
    out.open("body");
    out.open("div");
    out.attr("class", crate::reader::ui::error_view::CLASS_WRAPPER);
    out.attr("lang", ui.words.code);
    out.attr("dir", ui.words.dir);
    for (name, value) in page.settings {
        out.attr(name, value);
    }
    let mut sink = ExportSink {
        out,
        pending: None,
        skipping: 0,
        written: Vec::new(),
        picture: page.picture,
    };
    Cx::new(article, ui, "export").article(&mut sink, usize::MAX);
    sink.flush();
    format!("<!doctype html>\n{}\n", sink.out.finish())
}

/// The renderer's output, filtered on its way into HTML text: an element is held until its
/// attributes are known, then written (filtered) or left out with its whole subtree.
struct ExportSink<'a> {
    out: HtmlText,
    /// The element just opened and its attributes, not yet written.
    pending: Option<(&'static str, Vec<(&'static str, String)>)>,
    /// Depth inside an element left out (0: writing).
    skipping: usize,
    /// For each open element (outside those left out): whether it was written (or unwrapped).
    written: Vec<bool>,
    picture: &'a dyn Fn(&str) -> Option<String>,
}

impl ExportSink<'_> {
    /// Writes or leaves out the element held.
    fn flush(&mut self) {
        let Some((tag, attrs)) = self.pending.take() else {
            return;
        };
        let value = |name: &str| {
            attrs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.as_str())
        };
        let has_class = |classes: &[&str]| {
            value("class")
                .is_some_and(|class| class.split_ascii_whitespace().any(|c| classes.contains(&c)))
        };
        if has_class(&UNWRAPPED_CLASSES) {
            self.written.push(false);
            return;
        }
        if tag == "video" {
            // A video needs the network: its poster stands for it, with its name as the text.
            if let Some(poster) = value("poster").and_then(|p| (self.picture)(p)) {
                self.out.open("img");
                self.out.attr("alt", value("aria-label").unwrap_or(""));
                for name in ["width", "height"] {
                    if let Some(v) = value(name) {
                        self.out.attr(name, v);
                    }
                }
                self.out.attr("src", &poster);
                self.out.close();
            }
            self.skipping = 1;
            return;
        }
        let left_out_class = has_class(&LEFT_OUT_CLASSES);
        let picture = match tag {
            "img" => value("src").and_then(|src| (self.picture)(src)),
            _ => None,
        };
        if LEFT_OUT_TAGS.contains(&tag) || left_out_class || (tag == "img" && picture.is_none()) {
            self.skipping = 1;
            return;
        }
        self.written.push(true);
        self.out.open(tag);
        for (name, value) in &attrs {
            if LEFT_OUT_ATTRS.contains(name) || name.starts_with("on") {
                continue;
            }
            match (*name, &picture) {
                ("src", Some(data)) => self.out.attr("src", data),
                _ => self.out.attr(name, value),
            }
        }
    }
}

impl Markup for ExportSink<'_> {
    fn open(&mut self, tag: &'static str) {
        if self.skipping > 0 {
            self.skipping += 1;
            return;
        }
        self.flush();
        if self.skipping > 0 {
            self.skipping += 1;
            return;
        }
        self.pending = Some((tag, Vec::new()));
    }

    fn attr(&mut self, name: &'static str, value: &str) {
        if let Some((_, attrs)) = &mut self.pending {
            attrs.push((name, value.to_owned()));
        }
    }

    fn text(&mut self, text: &str) {
        if self.skipping > 0 {
            return;
        }
        self.flush();
        if self.skipping == 0 {
            self.out.text(text);
        }
    }

    fn close(&mut self) {
        if self.skipping > 0 {
            self.skipping -= 1;
            return;
        }
        self.flush();
        if self.skipping > 0 {
            // The element held was left out: its close ends it.
            self.skipping -= 1;
            return;
        }
        if self.written.pop() == Some(true) {
            self.out.close();
        }
    }
}
