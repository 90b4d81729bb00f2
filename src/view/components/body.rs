//! The article's content — summary, lead picture, the publisher's recordings, the body and the
//! related cards — built straight into DOM nodes, once per article and UI language. It never
//! changes after load and has no event handlers, so a virtual DOM for it would only be built,
//! diffed and kept in memory for nothing: Yew holds each built node by reference
//! (`Html::VRef`), and the same node on every render means nothing to do. Measured against the
//! `html!` version (interleaved pairs): the whole 100,000-word article 415 → 351 ms, 10,000
//! words 227 → 215 ms.
//!
//! Text goes in as text nodes and attributes through `setAttribute`, never as markup; addresses
//! are [`SafeUrl`]s only. The DOM is section 3 of the format, as the `html!` views wrote it.

use std::cell::{Cell, OnceCell};
use std::rc::Rc;

use web_sys::{Document, Element, Node};

use super::EXTERNAL_REL;
use crate::core::date::DocDate;
use crate::core::model::{Article, Block, Image, Inline, Mark, Related, Run};
use crate::core::url_policy::SafeUrl;
use crate::reader::i18n::Ui;

/// One article's content nodes. The body holds the first screen's blocks until
/// [`Content::complete`] appends the rest.
pub(crate) struct Content {
    pub summary: Option<Node>,
    pub lead: Option<Node>,
    pub recordings: Vec<Node>,
    pub body: Option<Node>,
    /// Built with the last blocks (the cards show after the body); `Some(None)` for none.
    related: OnceCell<Option<Node>>,
    article: Rc<Article>,
    ui: Ui,
    related_id: String,
    shown: Cell<usize>,
}

impl Content {
    /// Builds the content with the body's first `count` blocks (all of them when the body is
    /// short: see `first_screen.rs`). `related_id` is the cards' heading id.
    pub(crate) fn build(article: Rc<Article>, ui: Ui, count: usize, related_id: &str) -> Content {
        let dom = web_sys::window()
            .and_then(|w| w.document())
            .map(|doc| Dom { doc, ui: &ui });
        let (summary, lead, recordings, body) = match &dom {
            Some(dom) => (
                dom.summary(&article.summary),
                article
                    .lead_image
                    .as_ref()
                    .and_then(|i| dom.figure(i, true)),
                article
                    .audio
                    .iter()
                    .filter_map(|t| {
                        dom.audio(t.title.as_deref(), t.duration_seconds, t.src.as_ref())
                    })
                    .collect(),
                dom.el("div", Some("article-body")).map(Node::from),
            ),
            None => (None, None, Vec::new(), None),
        };
        let content = Content {
            summary,
            lead,
            recordings,
            body,
            related: OnceCell::new(),
            article,
            ui,
            related_id: related_id.to_owned(),
            shown: Cell::new(0),
        };
        content.show_blocks(count);
        content
    }

    /// Whether every block of the body is in it.
    pub(crate) fn is_complete(&self) -> bool {
        self.shown.get() >= self.article.body.len()
    }

    /// The related cards, once the body is whole.
    pub(crate) fn related(&self) -> Option<Node> {
        self.related.get().cloned().flatten()
    }

    /// Appends the blocks not yet shown.
    pub(crate) fn complete(&self) {
        self.show_blocks(self.article.body.len());
    }

    fn show_blocks(&self, count: usize) {
        let Some((body, doc)) = self
            .body
            .as_ref()
            .and_then(|body| Some((body, body.owner_document()?)))
        else {
            return;
        };
        let dom = Dom { doc, ui: &self.ui };
        let end = count.min(self.article.body.len());
        for block in self
            .article
            .body
            .get(self.shown.get()..end)
            .unwrap_or_default()
        {
            if let Some(node) = dom.block(block) {
                let _ = add(body, node);
            }
        }
        self.shown.set(end.max(self.shown.get()));
        if self.is_complete() {
            self.related
                .get_or_init(|| dom.related(&self.article.related, &self.related_id));
        }
    }
}

/// Builds nodes in a document with one UI's words.
struct Dom<'a> {
    doc: Document,
    ui: &'a Ui,
}

impl Dom<'_> {
    /// An element with its class.
    fn el(&self, tag: &str, class: Option<&str>) -> Option<Element> {
        let el = self.doc.create_element(tag).ok()?;
        if let Some(class) = class {
            el.set_class_name(class);
        }
        Some(el)
    }

    /// `el` with `text` as its one child.
    fn text_el(&self, tag: &str, class: Option<&str>, text: &str) -> Option<Element> {
        let el = self.el(tag, class)?;
        el.set_text_content(Some(text));
        Some(el)
    }

    /// UI words carry the UI's `lang` (and `dir` where asked) inside an article in another
    /// language.
    fn ui_lang(&self, el: &Element, with_dir: bool) {
        if let Some(lang) = self.ui.lang() {
            let _ = el.set_attribute("lang", lang);
        }
        if let (true, Some(dir)) = (with_dir, self.ui.dir()) {
            let _ = el.set_attribute("dir", dir);
        }
    }

    /// `child` in a link to another page when there is an address (the format's link rules).
    fn linked(&self, url: Option<&SafeUrl>, child: Node) -> Option<Node> {
        let Some(url) = url else {
            return Some(child);
        };
        let a = self.el("a", None)?;
        let _ = a.set_attribute("href", url.as_str());
        let _ = a.set_attribute("rel", EXTERNAL_REL);
        let _ = a.set_attribute("target", "_blank");
        add(&a, child)?;
        Some(a.into())
    }

    fn text(&self, text: &str) -> Node {
        self.doc.create_text_node(text).into()
    }

    /// Appends inline content to `parent`: each run as text inside its marks, in a link when it
    /// has one.
    fn inline(&self, parent: &Element, content: &Inline) {
        for run in content.0.iter() {
            if let Some(node) = self.run(run) {
                let _ = add(parent, node);
            }
        }
    }

    fn run(&self, run: &Run) -> Option<Node> {
        let mut node = if run.text.contains('\n') {
            // A line break inside a paragraph (from publishers' `<br>`): text, a `<br>`, text.
            let span = self.doc.create_document_fragment();
            for (i, line) in run.text.split('\n').enumerate() {
                if i > 0 {
                    add(&span, self.el("br", None)?)?;
                }
                span.append_with_str_1(line).ok()?;
            }
            span.into()
        } else {
            self.text(&run.text)
        };
        // Innermost mark first, so that the outermost ends up outside.
        for mark in Mark::ALL.into_iter().rev().filter(|m| run.marks.has(*m)) {
            let el = self.el(mark_element(mark), None)?;
            add(&el, node)?;
            node = el.into();
        }
        self.linked(run.href.as_ref(), node)
    }

    /// The summary: one paragraph, or a list of points.
    fn summary(&self, summary: &[Inline]) -> Option<Node> {
        match summary {
            [] => None,
            [only] => {
                let p = self.el("p", Some("summary"))?;
                self.inline(&p, only);
                Some(p.into())
            }
            points => {
                let ul = self.el("ul", Some("summary"))?;
                for point in points {
                    let li = self.el("li", None)?;
                    self.inline(&li, point);
                    add(&ul, li)?;
                }
                Some(ul.into())
            }
        }
    }

    /// One body block, as the format's table says.
    fn block(&self, block: &Block) -> Option<Node> {
        let w = self.ui.words;
        let el = match block {
            Block::Paragraph { content } => {
                let p = self.el("p", None)?;
                self.inline(&p, content);
                p
            }
            Block::Heading { level, content } => {
                let h = self.el(
                    match level {
                        3 => "h3",
                        4 => "h4",
                        _ => "h2",
                    },
                    None,
                )?;
                self.inline(&h, content);
                h
            }
            Block::Image { image } => return self.figure(image, false),
            Block::Quote {
                content,
                cite,
                pull,
            } => {
                let div = self.el(
                    "div",
                    Some(if *pull { "quote quote-pull" } else { "quote" }),
                )?;
                let (quote, p) = (self.el("blockquote", None)?, self.el("p", None)?);
                self.inline(&p, content);
                add(&quote, p)?;
                add(&div, quote)?;
                if let Some(cite) = cite {
                    let p = self.text_el("p", Some("quote-cite"), "— ")?;
                    add(&p, self.text_el("cite", None, cite)?)?;
                    add(&div, p)?;
                }
                div
            }
            Block::List { ordered, items } => {
                let list = self.el(if *ordered { "ol" } else { "ul" }, None)?;
                for item in items.iter() {
                    let li = self.el("li", None)?;
                    self.inline(&li, item);
                    add(&list, li)?;
                }
                list
            }
            Block::RelatedLink {
                headline,
                url,
                image,
                label,
            } => {
                let aside = self.el("aside", Some("related-link"))?;
                let _ =
                    aside.set_attribute("aria-label", label.as_deref().unwrap_or(w.related_story));
                if let Some(img) = image
                    .as_ref()
                    .and_then(|i| self.picture(i, Some("related-link-image"), "", Load::Lazy))
                {
                    add(&aside, img)?;
                }
                let label_p = match label {
                    Some(label) => self.text_el("p", Some("related-link-label"), label)?,
                    None => {
                        let p = self.text_el("p", Some("related-link-label"), w.related)?;
                        self.ui_lang(&p, false);
                        p
                    }
                };
                add(&aside, label_p)?;
                let p = self.el("p", Some("related-link-headline"))?;
                add(&p, self.linked(url.as_ref(), self.text(headline))?)?;
                add(&aside, p)?;
                aside
            }
            Block::Divider => self.el("hr", None)?,
            Block::Audio { src, title } => return self.audio(title.as_deref(), None, src.as_ref()),
            Block::Embed {
                url,
                title,
                provider,
            } => {
                let div = self.el("div", Some("embed-card"))?;
                if let Some(provider) = provider {
                    add(&div, self.text_el("p", Some("embed-provider"), provider)?)?;
                }
                let name = title.as_deref().or(provider.as_deref());
                let p = self.el("p", Some("embed-title"))?;
                if name.is_none() {
                    self.ui_lang(&p, false);
                }
                let shown = self.text(name.unwrap_or(w.embedded_content));
                add(&p, self.linked(url.as_ref(), shown)?)?;
                add(&div, p)?;
                let note = self.text_el("p", Some("embed-note"), w.embed_note)?;
                self.ui_lang(&note, true);
                add(&div, note)?;
                div
            }
        };
        Some(el.into())
    }

    /// A `<figure>`: the picture (or its description when its address was refused), the
    /// caption, and the credit in its own element. The lead image loads at once, others lazily.
    fn figure(&self, image: &Image, lead: bool) -> Option<Node> {
        let figure = self.el(
            "figure",
            Some(if lead { "figure figure-lead" } else { "figure" }),
        )?;
        let load = if lead { Load::Eager } else { Load::Figure };
        if let Some(img) = self.picture(image, None, &image.alt, load) {
            add(&figure, self.linked(image.link.as_ref(), img)?)?;
        } else if image.src.is_none() && !image.alt.is_empty() {
            add(
                &figure,
                self.text_el("p", Some("figure-missing"), &image.alt)?,
            )?;
        }
        if image.caption.is_some() || image.credit.is_some() {
            let caption = self.el("figcaption", None)?;
            if let Some(text) = &image.caption {
                let span = self.el("span", Some("caption"))?;
                self.inline(&span, text);
                add(&caption, span)?;
            }
            if let Some(credit) = &image.credit {
                let small = self.el("small", Some("credit"))?;
                add(
                    &small,
                    self.linked(credit.url.as_ref(), self.text(&credit.text))?,
                )?;
                if let Some(license) = &credit.license {
                    small.append_with_str_3(" (", license, ")").ok()?;
                }
                add(&caption, small)?;
            }
            add(&figure, caption)?;
        }
        Some(figure.into())
    }

    /// The `<img>` of a document picture; nothing when its address was refused. Width and height
    /// reserve its space before it loads (no layout shift); `alt` is empty for a decorative one.
    /// `loading` is set before `src`, so a lazy picture never starts early.
    fn picture(&self, image: &Image, class: Option<&str>, alt: &str, load: Load) -> Option<Node> {
        let src = image.src.as_ref()?;
        let img = self.el("img", class)?;
        let set = |name: &str, value: &str| {
            let _ = img.set_attribute(name, value);
        };
        set(
            "loading",
            if load == Load::Eager { "eager" } else { "lazy" },
        );
        set("decoding", "async");
        set("alt", alt);
        if let Some(width) = image.width {
            set("width", &width.to_string());
        }
        if let Some(height) = image.height {
            set("height", &height.to_string());
        }
        if let Some(srcset) = (load != Load::Lazy).then(|| image.srcset_attr()).flatten() {
            set("sizes", "(min-width: 712px) 680px, 100vw");
            set("srcset", &srcset);
        }
        set("src", src.as_str());
        Some(img.into())
    }

    /// An audio player that never plays by itself, under its title (and length, when known). Its
    /// accessible name is the title, or "Audio" in the UI's words.
    fn audio(
        &self,
        title: Option<&str>,
        seconds: Option<u64>,
        src: Option<&SafeUrl>,
    ) -> Option<Node> {
        let div = self.el("div", Some("audio"))?;
        let name = title.unwrap_or(self.ui.words.audio);
        let ui_words = title.is_none();
        if title.is_some() || seconds.is_some() {
            let p = self.text_el("p", Some("audio-title"), name)?;
            if let Some(s) = seconds {
                p.append_with_str_1(&format!(" ({}:{:02})", s / 60, s % 60))
                    .ok()?;
            }
            if ui_words {
                self.ui_lang(&p, false);
            }
            add(&div, p)?;
        }
        if let Some(src) = src {
            let audio = self.el("audio", None)?;
            let _ = audio.set_attribute("controls", "");
            let _ = audio.set_attribute("preload", "none");
            let _ = audio.set_attribute("aria-label", name);
            if ui_words {
                self.ui_lang(&audio, false);
            }
            let _ = audio.set_attribute("src", src.as_str());
            add(&div, audio)?;
        }
        Some(div.into())
    }

    /// The related-story cards: a section labelled by its heading, one list item per card, the
    /// headline as the card's link (so the link's accessible name is the headline alone).
    fn related(&self, items: &[Related], heading_id: &str) -> Option<Node> {
        if items.is_empty() {
            return None;
        }
        let section = self.el("section", Some("related"))?;
        let _ = section.set_attribute("part", "related");
        let _ = section.set_attribute("aria-labelledby", heading_id);
        let h2 = self.text_el("h2", None, self.ui.words.related_stories)?;
        h2.set_id(heading_id);
        self.ui_lang(&h2, true);
        add(&section, h2)?;
        let list = self.el("ul", Some("related-list"))?;
        for item in items {
            let li = self.el("li", Some("related-card"))?;
            if let Some(img) = item
                .image
                .as_ref()
                .and_then(|i| self.picture(i, Some("related-image"), &i.alt, Load::Lazy))
            {
                add(&li, img)?;
            }
            if let Some(section) = &item.section {
                add(&li, self.text_el("p", Some("related-section"), section)?)?;
            }
            let h3 = self.el("h3", Some("related-headline"))?;
            add(
                &h3,
                self.linked(item.url.as_ref(), self.text(&item.headline))?,
            )?;
            add(&li, h3)?;
            if let Some(summary) = &item.summary {
                add(&li, self.text_el("p", Some("related-summary"), summary)?)?;
            }
            if let Some(date) = &item.published {
                let p = self.el("p", Some("related-date"))?;
                self.ui_lang(&p, false);
                add(&p, self.date(date)?)?;
                add(&li, p)?;
            }
            add(&list, li)?;
        }
        add(&section, list)?;
        Some(section.into())
    }

    /// A date as `<time datetime>` in the UI's locale; one that is not RFC 3339 as written.
    fn date(&self, date: &DocDate) -> Option<Node> {
        let el = match date {
            DocDate::Checked(date) => {
                let time = self.text_el(
                    "time",
                    None,
                    &crate::reader::i18n::format_date(date, &self.ui.locale),
                )?;
                let _ = time.set_attribute("datetime", &date.datetime);
                time
            }
            DocDate::Unchecked(raw) => self.text_el("span", Some("date-as-written"), raw)?,
        };
        Some(el.into())
    }
}

/// Appends `child` to `parent`; `None` if the DOM refused (as every builder step returns).
fn add(parent: &Node, child: impl AsRef<Node>) -> Option<()> {
    parent.append_child(child.as_ref()).ok().map(drop)
}

/// The HTML element of a mark, as section 3 of the format fixes it.
fn mark_element(mark: Mark) -> &'static str {
    match mark {
        Mark::Strong => "strong",
        Mark::Em => "em",
        Mark::Underline => "u",
        Mark::Strike => "s",
        Mark::Code => "code",
        Mark::Sub => "sub",
        Mark::Sup => "sup",
    }
}

/// How a picture loads.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Load {
    /// The lead image: at once, with its `srcset` (it is the largest thing on the first screen).
    Eager,
    /// A figure in the body: when near the viewport, with its `srcset`.
    Figure,
    /// A thumbnail (cards, related links): when near the viewport, its one address.
    Lazy,
}
