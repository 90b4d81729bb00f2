//! The renderer's DOM backend: [`Dom`] turns markup into nodes with `createElement`,
//! `createTextNode` and `setAttribute` (never markup parsing), and [`ArticleDom`] holds one drawn
//! article: it completes a body that showed its first screen first, and when the UI language
//! changes it draws anew only the parts that showed UI words, so the headline, the body's text,
//! a selection and the scroll position stay.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Node};

use super::{alert, time, Cx, Markup, Part, Retry};
use crate::core::date::DocDate;
use crate::core::model::Article;
use crate::reader::i18n::{Ui, Words};
use crate::reader::settings::Theme;

/// A part that showed UI words, with the nodes it made and where they are.
struct Drawn {
    part: Part,
    parent: Node,
    nodes: Vec<Node>,
}

/// Markup as DOM nodes, inserted into `parent` before `before` (or at its end).
pub struct Dom {
    doc: Document,
    parent: Node,
    before: Option<Node>,
    open: Vec<Element>,
    /// The part being drawn: its depth in `open` and the nodes made at that depth.
    part: Option<(usize, Vec<Node>)>,
    drawn: Vec<Drawn>,
    /// The places left for islands, by name, as they are drawn.
    islands: Vec<(String, Element)>,
}

impl Dom {
    /// A sink that inserts into `parent`, before `before` when given.
    pub fn at(parent: &Node, before: Option<Node>) -> Option<Dom> {
        Some(Dom {
            doc: parent.owner_document()?,
            parent: parent.clone(),
            before,
            open: Vec::new(),
            part: None,
            drawn: Vec::new(),
            islands: Vec::new(),
        })
    }

    /// A sink into a new fragment of the page's document (returned with it).
    fn fragment() -> Option<(Dom, Node)> {
        let doc = web_sys::window()?.document()?;
        let fragment: Node = doc.create_document_fragment().into();
        Some((
            Dom {
                doc,
                parent: fragment.clone(),
                before: None,
                open: Vec::new(),
                part: None,
                drawn: Vec::new(),
                islands: Vec::new(),
            },
            fragment,
        ))
    }

    fn add(&mut self, node: Node) {
        let depth = self.open.len();
        let added = match self.open.last() {
            Some(parent) => parent.append_child(&node),
            None => self.parent.insert_before(&node, self.before.as_ref()),
        };
        if added.is_ok() {
            if let Some((at, nodes)) = &mut self.part {
                if *at == depth {
                    nodes.push(node);
                }
            }
        }
    }
}

impl Markup for Dom {
    fn open(&mut self, tag: &'static str) {
        if let Ok(el) = self.doc.create_element(tag) {
            self.add(el.clone().into());
            self.open.push(el);
        }
    }

    fn attr(&mut self, name: &'static str, value: &str) {
        if let Some(el) = self.open.last() {
            let _ = el.set_attribute(name, value);
            if name == "data-island" {
                self.islands.push((value.to_owned(), el.clone()));
            }
        }
    }

    fn text(&mut self, text: &str) {
        // Inside an element (almost every text): one call, and no node handle crosses into the
        // wasm. A text at the top of a part is kept as a node (the part may be drawn anew).
        let at_part_top = self
            .part
            .as_ref()
            .is_some_and(|(at, _)| *at == self.open.len());
        if let (false, Some(parent)) = (at_part_top, self.open.last()) {
            let _ = parent.append_with_str_1(text);
            return;
        }
        let node = self.doc.create_text_node(text);
        self.add(node.into());
    }

    fn close(&mut self) {
        self.open.pop();
    }

    fn begin(&mut self, _part: Part) {
        self.part = Some((self.open.len(), Vec::new()));
    }

    fn end(&mut self, part: Part, uses_ui: bool) {
        let Some((_, nodes)) = self.part.take() else {
            return;
        };
        if uses_ui && !nodes.is_empty() {
            let parent = match self.open.last() {
                Some(el) => el.clone().into(),
                None => self.parent.clone(),
            };
            self.drawn.push(Drawn {
                part,
                parent,
                nodes,
            });
        }
    }
}

/// One article drawn into the DOM, as the view holds it.
pub struct ArticleDom {
    /// The `<article>` element.
    pub root: Element,
    body: Element,
    dock: Element,
    article: Rc<Article>,
    ui: RefCell<Ui>,
    ids: String,
    drawn: RefCell<Vec<Drawn>>,
    islands: RefCell<Vec<(String, Element)>>,
    shown: Cell<usize>,
    save_data: Cell<bool>,
    dark: Cell<bool>,
}

impl ArticleDom {
    /// Draws `article` in `ui` with the body's first `shown` blocks; `ids` prefixes element ids;
    /// with `save_data`, pictures after the lead wait for "Show picture"; with `dark`, pictures
    /// with a version for dark themes are drawn with it.
    pub fn build(
        article: Rc<Article>,
        ui: Ui,
        shown: usize,
        ids: &str,
        save_data: bool,
        dark: bool,
    ) -> Option<ArticleDom> {
        let (mut out, fragment) = Dom::fragment()?;
        let shown = shown.min(article.body.len());
        Cx::new(&article, &ui, ids)
            .saving_data(save_data)
            .dark_pictures(dark)
            .article(&mut out, shown);
        let root = fragment.first_child()?.dyn_into::<Element>().ok()?;
        let body = root.query_selector(".article-body").ok()??;
        let dock = root.last_element_child()?;
        Some(ArticleDom {
            root,
            body,
            dock,
            article,
            ui: RefCell::new(ui),
            ids: ids.to_owned(),
            drawn: RefCell::new(out.drawn),
            islands: RefCell::new(out.islands),
            shown: Cell::new(shown),
            save_data: Cell::new(save_data),
            dark: Cell::new(dark),
        })
    }

    /// The article it draws: the reader takes over the first paint's drawing of the same one.
    pub fn article(&self) -> &Rc<Article> {
        &self.article
    }

    /// How many blocks of the body are in it.
    pub fn shown(&self) -> usize {
        self.shown.get()
    }

    /// Whether every block of the body is in it (and so the footer and cards).
    pub fn is_complete(&self) -> bool {
        self.shown.get() >= self.article.body.len()
    }

    /// Appends the blocks not yet shown, then the footer and the cards before the dock.
    pub fn complete(&self) {
        if self.is_complete() {
            return;
        }
        let ui = self.ui.borrow().clone();
        let cx = self.cx(&ui);
        if let Some(mut out) = Dom::at(&self.body, None) {
            cx.blocks(&mut out, self.shown.get()..self.article.body.len());
            self.keep(out);
        }
        if let Some(mut out) = Dom::at(&self.root, Some(self.dock.clone().into())) {
            cx.ending(&mut out);
            self.keep(out);
        }
        self.shown.set(self.article.body.len());
    }

    /// The renderer's context for more of this article, in `ui`.
    fn cx<'a>(&'a self, ui: &'a Ui) -> Cx<'a> {
        Cx::new(&self.article, ui, &self.ids)
            .saving_data(self.save_data.get())
            .dark_pictures(self.dark.get())
    }

    /// The theme turned dark or light: parts drawn from now on (the rest of a long body, parts
    /// drawn anew in another language) show the pictures' versions for it.
    pub fn set_dark(&self, dark: bool) {
        self.dark.set(dark);
    }

    /// Whether pictures after the lead still wait for "Show picture" (data saver).
    pub fn saving_data(&self) -> bool {
        self.save_data.get()
    }

    /// Data saver turned off: the parts drawn from now on have their pictures at once (the
    /// waiting ones are the view's to show: `view::actions::reveal_pictures`).
    pub fn stop_saving_data(&self) {
        self.save_data.set(false);
    }

    /// Keeps what a sink drew that the article needs later: parts with UI words, island places.
    fn keep(&self, mut out: Dom) {
        self.drawn.borrow_mut().append(&mut out.drawn);
        self.islands.borrow_mut().append(&mut out.islands);
    }

    /// The element where the island `name` (`tools`, `share`) is mounted, once it is drawn.
    pub fn island(&self, name: &str) -> Option<Element> {
        self.islands
            .borrow()
            .iter()
            .find(|(own, _)| own == name)
            .map(|(_, el)| el.clone())
    }

    /// Shows the article in `ui`: only the parts that showed UI words are drawn anew, each where
    /// it was; nothing happens when the UI is the same.
    pub fn relabel(&self, ui: &Ui) {
        if *self.ui.borrow() == *ui {
            return;
        }
        *self.ui.borrow_mut() = ui.clone();
        let cx = self.cx(ui);
        let old = std::mem::take(&mut *self.drawn.borrow_mut());
        let mut redrawn = Vec::with_capacity(old.len());
        for drawn in old {
            let Some(mut out) = Dom::at(&drawn.parent, drawn.nodes.first().cloned()) else {
                continue;
            };
            cx.part(&mut out, drawn.part);
            for node in &drawn.nodes {
                let _ = drawn.parent.remove_child(node);
            }
            redrawn.append(&mut out.drawn);
        }
        *self.drawn.borrow_mut() = redrawn;
    }
}

/// The alert as a DOM element (see [`alert`]).
pub fn alert_element(
    words: &Words,
    message: &str,
    technical: Option<&str>,
    retry: Retry<'_>,
) -> Option<Element> {
    let (mut out, fragment) = Dom::fragment()?;
    alert(&mut out, words, message, technical, retry);
    fragment.first_child()?.dyn_into::<Element>().ok()
}

/// A date as a `<time>` node (see [`time`]), for views outside the article.
pub fn time_node(date: &DocDate, locale: &str) -> Option<Node> {
    let (mut out, fragment) = Dom::fragment()?;
    time(&mut out, date, locale, false);
    fragment.first_child()
}

/// Each picture under `root` with a dark version shows the one for `dark`.
pub(crate) fn show_versions(root: &web_sys::Element, dark: bool) {
    crate::platform::for_each_element(root, "img[data-dark-src]", |img| {
        show_dark_version(&img, dark)
    });
}

/// Pictures just shown under `within` (data saver's "Show picture") take the version of the
/// reader's theme as it is now.
pub(crate) fn show_dark_versions_in(within: &web_sys::Element) {
    let dark = within
        .closest("[data-theme]")
        .ok()
        .flatten()
        .and_then(|el| el.get_attribute("data-theme"))
        .is_some_and(|theme| Theme::parse(&theme).is_dark(crate::platform::prefers_dark()));
    if dark {
        show_versions(within, true);
    }
}

/// Puts a picture's dark version in place (its own address and `srcset` kept aside in
/// `data-light-src` / `data-light-srcset`), or its own back.
fn show_dark_version(img: &web_sys::Element, dark: bool) {
    let showing = img.get_attribute("data-light-src");
    match (dark, showing) {
        (true, None) => {
            let (Some(own), Some(dark_src)) =
                (img.get_attribute("src"), img.get_attribute("data-dark-src"))
            else {
                return;
            };
            if let Some(srcset) = img.get_attribute("srcset") {
                let _ = img.set_attribute("data-light-srcset", &srcset);
                let _ = img.remove_attribute("srcset");
            }
            let _ = img.set_attribute("data-light-src", &own);
            let _ = img.set_attribute("src", &dark_src);
        }
        (false, Some(own)) => {
            if let Some(srcset) = img.get_attribute("data-light-srcset") {
                let _ = img.set_attribute("srcset", &srcset);
                let _ = img.remove_attribute("data-light-srcset");
            }
            let _ = img.set_attribute("src", &own);
            let _ = img.remove_attribute("data-light-src");
        }
        _ => {}
    }
}
