//! The article's content — summary, lead picture, the publisher's recordings, the body and the
//! related cards — built straight into DOM nodes, once per article and UI language. It never
//! changes after load and has no event handlers, so a virtual DOM for it would only be built,
//! diffed and kept in memory for nothing: Yew holds each built node by reference
//! (`Html::VRef`), and the same node on every render means nothing to do. Measured on a
//! 10,000-word article: about half the render time of the `html!` version.
//!
//! Text goes in as text nodes and attributes through `setAttribute`, never as markup; addresses
//! are [`SafeUrl`]s only. The DOM is section 3 of the format, as the `html!` views wrote it.

use std::cell::Cell;
use std::rc::Rc;

use web_sys::{Document, Element, Node};

use super::EXTERNAL_REL;
use crate::browser;
use crate::date::DocDate;
use crate::i18n::Ui;
use crate::model::{Article, Block, Image, Inline, Mark, Related, Run};
use crate::url_policy::SafeUrl;

/// One article's content nodes. The body holds the first screen's blocks until
/// [`Content::complete`] appends the rest.
pub(crate) struct Content {
    pub summary: Option<Node>,
    pub lead: Option<Node>,
    pub recordings: Vec<Node>,
    pub body: Option<Node>,
    /// Built with the last blocks: the cards show after the body.
    pub related: std::cell::RefCell<Option<Node>>,
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
            related: Default::default(),
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

    /// Appends the blocks not yet shown.
    pub(crate) fn complete(&self) {
        self.show_blocks(self.article.body.len());
    }

    fn show_blocks(&self, count: usize) {
        let (Some(body), Some(doc)) = (&self.body, body_document(&self.body)) else {
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
                let _ = body.append_child(&node);
            }
        }
        self.shown.set(end.max(self.shown.get()));
        if self.is_complete() && self.related.borrow().is_none() {
            *self.related.borrow_mut() = dom.related(&self.article.related, &self.related_id);
        }
    }
}

fn body_document(body: &Option<Node>) -> Option<Document> {
    body.as_ref().and_then(Node::owner_document)
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
        a.append_child(&child).ok()?;
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
                let _ = parent.append_child(&node);
            }
        }
    }

    fn run(&self, run: &Run) -> Option<Node> {
        let mut node = if run.text.contains('\n') {
            // A line break inside a paragraph (from publishers' `<br>`): text, a `<br>`, text.
            let span = self.doc.create_document_fragment();
            for (i, line) in run.text.split('\n').enumerate() {
                if i > 0 {
                    span.append_child(self.el("br", None)?.as_ref()).ok()?;
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
            el.append_child(&node).ok()?;
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
                    ul.append_child(&li).ok()?;
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
                quote.append_child(&p).ok()?;
                div.append_child(&quote).ok()?;
                if let Some(cite) = cite {
                    let p = self.text_el("p", Some("quote-cite"), "— ")?;
                    p.append_child(self.text_el("cite", None, cite)?.as_ref())
                        .ok()?;
                    div.append_child(&p).ok()?;
                }
                div
            }
            Block::List { ordered, items } => {
                let list = self.el(if *ordered { "ol" } else { "ul" }, None)?;
                for item in items.iter() {
                    let li = self.el("li", None)?;
                    self.inline(&li, item);
                    list.append_child(&li).ok()?;
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
                    aside.append_child(&img).ok()?;
                }
                let label_p = match label {
                    Some(label) => self.text_el("p", Some("related-link-label"), label)?,
                    None => {
                        let p = self.text_el("p", Some("related-link-label"), w.related)?;
                        self.ui_lang(&p, false);
                        p
                    }
                };
                aside.append_child(&label_p).ok()?;
                let p = self.el("p", Some("related-link-headline"))?;
                p.append_child(&self.linked(url.as_ref(), self.text(headline))?)
                    .ok()?;
                aside.append_child(&p).ok()?;
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
                    div.append_child(
                        self.text_el("p", Some("embed-provider"), provider)?
                            .as_ref(),
                    )
                    .ok()?;
                }
                let name = title.as_deref().or(provider.as_deref());
                let p = self.el("p", Some("embed-title"))?;
                if name.is_none() {
                    self.ui_lang(&p, false);
                }
                let shown = self.text(name.unwrap_or(w.embedded_content));
                p.append_child(&self.linked(url.as_ref(), shown)?).ok()?;
                div.append_child(&p).ok()?;
                let note = self.text_el("p", Some("embed-note"), w.embed_note)?;
                self.ui_lang(&note, true);
                div.append_child(&note).ok()?;
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
            figure
                .append_child(&self.linked(image.link.as_ref(), img)?)
                .ok()?;
        } else if image.src.is_none() && !image.alt.is_empty() {
            figure
                .append_child(
                    self.text_el("p", Some("figure-missing"), &image.alt)?
                        .as_ref(),
                )
                .ok()?;
        }
        if image.caption.is_some() || image.credit.is_some() {
            let caption = self.el("figcaption", None)?;
            if let Some(text) = &image.caption {
                let span = self.el("span", Some("caption"))?;
                self.inline(&span, text);
                caption.append_child(&span).ok()?;
            }
            if let Some(credit) = &image.credit {
                let small = self.el("small", Some("credit"))?;
                small
                    .append_child(&self.linked(credit.url.as_ref(), self.text(&credit.text))?)
                    .ok()?;
                if let Some(license) = &credit.license {
                    small.append_with_str_3(" (", license, ")").ok()?;
                }
                caption.append_child(&small).ok()?;
            }
            figure.append_child(&caption).ok()?;
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
            div.append_child(&p).ok()?;
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
            div.append_child(&audio).ok()?;
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
        section.append_child(&h2).ok()?;
        let list = self.el("ul", Some("related-list"))?;
        for item in items {
            let li = self.el("li", Some("related-card"))?;
            if let Some(img) = item
                .image
                .as_ref()
                .and_then(|i| self.picture(i, Some("related-image"), &i.alt, Load::Lazy))
            {
                li.append_child(&img).ok()?;
            }
            if let Some(section) = &item.section {
                li.append_child(
                    self.text_el("p", Some("related-section"), section)?
                        .as_ref(),
                )
                .ok()?;
            }
            let h3 = self.el("h3", Some("related-headline"))?;
            h3.append_child(&self.linked(item.url.as_ref(), self.text(&item.headline))?)
                .ok()?;
            li.append_child(&h3).ok()?;
            if let Some(summary) = &item.summary {
                li.append_child(
                    self.text_el("p", Some("related-summary"), summary)?
                        .as_ref(),
                )
                .ok()?;
            }
            if let Some(date) = &item.published {
                let p = self.el("p", Some("related-date"))?;
                self.ui_lang(&p, false);
                p.append_child(&self.date(date)?).ok()?;
                li.append_child(&p).ok()?;
            }
            list.append_child(&li).ok()?;
        }
        section.append_child(&list).ok()?;
        Some(section.into())
    }

    /// A date as `<time datetime>` in the UI's locale; one that is not RFC 3339 as written.
    fn date(&self, date: &DocDate) -> Option<Node> {
        let el = match date {
            DocDate::Checked(date) => {
                let time =
                    self.text_el("time", None, &browser::format_date(date, &self.ui.locale))?;
                let _ = time.set_attribute("datetime", &date.datetime);
                time
            }
            DocDate::Unchecked(raw) => self.text_el("span", Some("date-as-written"), raw)?,
        };
        Some(el.into())
    }
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
