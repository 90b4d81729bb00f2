//! Publishers' HTML into format v1 blocks and inline runs, through one allowlist (spec §4):
//! paragraphs, headings, lists, quotes, figures with images and captions, links (through the URL
//! policy), emphasis, code, sub/sup, line breaks and rules. Text stays text and entities are
//! decoded by the parser; everything else is dropped, keeping its readable text where it has any.
//! Nothing here ever puts markup into the page: the result is the v1 model, rendered as text.
//!
//! A first pass ([`prune`]) removes every attribute outside the allowlist and the code and style
//! elements, so that a host's Content Security Policy has nothing to report about the parse.
//! Two parsers build the same [`HtmlNode`] tree — the browser's inert `DOMParser` in the wasm
//! (almost no code), Servo's html5ever natively — and one mapping, below, turns that tree into
//! blocks on both sides, as the URL policy does with its two URL parsers.

#[cfg(not(target_arch = "wasm32"))]
mod native;
pub mod prune;
#[cfg(target_arch = "wasm32")]
pub mod web;

use std::rc::Rc;

use crate::core::date::DocDate;
use crate::core::model::{
    aspect_of, AsideKind, Block, Cell, Footnote, Gallery, Image, Inline, ListItem, Mark, Marks,
    PostAuthor, Row, Run, SocialPost, SrcsetEntry, Table, Text, TextTrack, Video, VideoSource,
    MAX_GALLERY_IMAGES,
};
use crate::core::url_policy::{self, SafeUrl, UrlUse};
use crate::document::{MAX_NESTING, MAX_TABLE_CELLS};

/// The attributes the mapping reads; the parsers keep no others (so no event handler or style
/// attribute ever reaches the mapping, let alone the page).
/// (`id` only matches a footnote reference `#x` with its note and `class` only names known
/// blocks and a code sample's language; neither ever reaches the page.)
pub const KEPT_ATTRIBUTES: [&str; 20] = [
    "href",
    "src",
    "srcset",
    "alt",
    "width",
    "height",
    "title",
    "data-src",
    "colspan",
    "rowspan",
    "id",
    "class",
    "scope",
    "cite",
    "poster",
    "type",
    "srclang",
    "label",
    "kind",
    "data-kg-thumbnail",
];

/// A parsed node, reduced to what the allowlist can use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HtmlNode {
    /// An element: its lower-case local name, its kept attributes, its children.
    Element {
        name: String,
        attrs: Vec<(String, String)>,
        children: Vec<HtmlNode>,
    },
    /// A text node, entities already decoded.
    Text(String),
}

impl HtmlNode {
    fn attr(&self, key: &str) -> Option<&str> {
        match self {
            HtmlNode::Element { attrs, .. } => attrs
                .iter()
                .find(|(name, _)| name == key)
                .map(|(_, value)| value.as_str()),
            HtmlNode::Text(_) => None,
        }
    }

    /// Whether the element's `class` has the token `class`.
    fn has_class(&self, class: &str) -> bool {
        self.attr("class")
            .is_some_and(|v| v.split_ascii_whitespace().any(|t| t == class))
    }

    /// The first descendant with the class `class`.
    fn find_class(&self, class: &str) -> Option<&HtmlNode> {
        self.descendants().into_iter().find(|n| n.has_class(class))
    }

    fn name(&self) -> &str {
        match self {
            HtmlNode::Element { name, .. } => name,
            HtmlNode::Text(_) => "",
        }
    }

    fn children(&self) -> &[HtmlNode] {
        match self {
            HtmlNode::Element { children, .. } => children,
            HtmlNode::Text(_) => &[],
        }
    }

    /// Every descendant, depth first.
    fn descendants(&self) -> Vec<&HtmlNode> {
        let mut out = Vec::new();
        let mut stack: Vec<&HtmlNode> = self.children().iter().rev().collect();
        while let Some(node) = stack.pop() {
            out.push(node);
            stack.extend(node.children().iter().rev());
        }
        out
    }
}

/// Parses `html` with this side's parser: the children of the document's `<body>`. `None` only
/// in a browser page whose Trusted Types rules do not let the reader parse markup.
pub fn parse(html: &str) -> Option<Vec<HtmlNode>> {
    let pruned = prune::prune(html);
    #[cfg(target_arch = "wasm32")]
    {
        web::parse(&pruned)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        Some(native::parse(&pruned))
    }
}

/// The blocks of an HTML body (`content.rendered`, `content_html`, `html` …); addresses in it
/// resolve against `base`, the document's own address.
pub fn to_blocks(nodes: &[HtmlNode], base: Option<&str>) -> Vec<Block> {
    to_body(nodes, base).0
}

/// The blocks of an HTML body and its footnotes: a link to `#x` is a reference to the note `x`,
/// and a list whose every item has an `id` and a link back (`<a href="#…">↩</a>`: WordPress's
/// `wp-block-footnotes`, Markdown's and Pandoc's footnotes) is the notes, not a list.
pub fn to_body(nodes: &[HtmlNode], base: Option<&str>) -> (Vec<Block>, Vec<Footnote>) {
    let mut builder = Builder::new(base, 0);
    builder.flow(nodes, Marks::default(), None);
    builder.flush();
    (builder.blocks, builder.notes)
}

/// The inline content of an HTML fragment (a caption, an excerpt): its paragraphs joined by
/// spaces, marks and links kept.
pub fn to_inline(nodes: &[HtmlNode], base: Option<&str>) -> Inline {
    Inline(merge(joined(to_blocks(nodes, base), true)).into())
}

/// The runs of blocks read as one line: text blocks and list items in order, separated by
/// spaces; pictures' captions too when `captions` says so.
fn joined(blocks: Vec<Block>, captions: bool) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    for block in blocks {
        let content = match block {
            Block::Paragraph { content }
            | Block::Heading { content, .. }
            | Block::Quote { content, .. } => content,
            Block::List { items, .. } => Inline(
                items
                    .iter()
                    .flat_map(|item| item.content.0.iter().cloned())
                    .collect(),
            ),
            Block::Image { image } if captions => match image.caption {
                Some(caption) => caption,
                None => continue,
            },
            _ => continue,
        };
        if !runs.is_empty() {
            runs.push(plain(" "));
        }
        runs.extend(content.0.iter().cloned());
    }
    runs
}

/// The plain text of an HTML fragment (a title, a name): tags dropped, entities decoded,
/// white space collapsed.
pub fn to_text(nodes: &[HtmlNode]) -> String {
    to_inline(nodes, None).plain_text().replace('\n', " ")
}

fn plain(text: &str) -> Run {
    Run::plain(text)
}

/// Walks the tree, gathering inline runs into the paragraph being built and closing it at every
/// block-level element.
struct Builder<'b> {
    base: Option<&'b str>,
    blocks: Vec<Block>,
    runs: Vec<Run>,
    /// How many boxes, details and lists the builder is inside (bounded by [`MAX_NESTING`]).
    depth: usize,
    /// The footnotes found so far.
    notes: Vec<Footnote>,
}

impl<'b> Builder<'b> {
    fn new(base: Option<&'b str>, depth: usize) -> Builder<'b> {
        Builder {
            base,
            blocks: Vec::new(),
            runs: Vec::new(),
            depth,
            notes: Vec::new(),
        }
    }

    fn url(&self, raw: Option<&str>) -> Option<SafeUrl> {
        url_policy::resolve(raw?.trim(), self.base, UrlUse::Web)
    }

    /// Ends the paragraph being built, if it has any text.
    fn flush(&mut self) {
        let runs = std::mem::take(&mut self.runs);
        if let Some(content) = finish(runs) {
            self.blocks.push(Block::Paragraph { content });
        }
    }

    fn push_text(&mut self, text: &str, marks: Marks, href: &Option<SafeUrl>) {
        let collapsed = collapse(text);
        if collapsed.is_empty() {
            return;
        }
        self.runs.push(Run {
            text: collapsed.into(),
            marks,
            href: href.clone(),
            note: None,
        });
    }

    /// The inline content of `nodes` alone, as one paragraph would have it.
    fn inline_of(&self, nodes: &[HtmlNode], marks: Marks) -> Option<Inline> {
        let mut inner = Builder::new(self.base, self.depth);
        inner.flow(nodes, marks, None);
        inner.flush();
        finish(joined(inner.blocks, false))
    }

    /// The blocks of a box or details, one level deeper; past [`MAX_NESTING`] levels, `None`
    /// (the caller lets the content flow where it is).
    fn nested(&mut self, nodes: &[HtmlNode], marks: Marks) -> Option<Rc<[Block]>> {
        if self.depth >= MAX_NESTING {
            return None;
        }
        let mut inner = Builder::new(self.base, self.depth + 1);
        inner.flow(nodes, marks, None);
        inner.flush();
        self.notes.append(&mut inner.notes);
        Some(inner.blocks.into())
    }

    /// The notes of a footnotes list (see [`to_body`]); `None` when the list is not one.
    fn footnotes(&self, items: &[HtmlNode], marks: Marks) -> Option<Vec<Footnote>> {
        let items: Vec<&HtmlNode> = items.iter().filter(|n| n.name() == "li").collect();
        let is_back = |n: &HtmlNode| n.attr("href").is_some_and(|h| h.starts_with('#'));
        let all_notes = !items.is_empty()
            && items.iter().all(|li| {
                li.attr("id").is_some_and(|id| !id.is_empty())
                    && li
                        .descendants()
                        .into_iter()
                        .any(|n| n.name() == "a" && is_back(n))
            });
        if !all_notes {
            return None;
        }
        Some(
            items
                .into_iter()
                .filter_map(|li| {
                    let content = self.inline_of(li.children(), marks)?;
                    // The link back is the reader's own ("Back to text").
                    let runs: Vec<Run> = content
                        .0
                        .iter()
                        .filter(|r| r.note.is_none())
                        .cloned()
                        .collect();
                    let content = finish(runs)?;
                    Some(Footnote {
                        id: li.attr("id")?.into(),
                        content,
                    })
                })
                .collect(),
        )
    }

    /// The items of a `<ul>` or `<ol>`; a list inside an item nests under it (to the bound,
    /// then it is the item's text).
    fn list_items(&self, children: &[HtmlNode], marks: Marks) -> Vec<ListItem> {
        let mut items = Vec::new();
        for item in children {
            let HtmlNode::Element { name, children, .. } = item else {
                continue;
            };
            let own = if name == "li" {
                children.as_slice()
            } else {
                std::slice::from_ref(item)
            };
            let is_list = |n: &HtmlNode| matches!(n.name(), "ul" | "ol");
            let sub = own.iter().find(|n| is_list(n));
            match sub.filter(|_| self.depth < MAX_NESTING) {
                Some(sub) => {
                    let text: Vec<HtmlNode> = own.iter().filter(|n| !is_list(n)).cloned().collect();
                    let deeper = Builder::new(self.base, self.depth + 1);
                    let nested = deeper.list_items(sub.children(), marks);
                    items.push(ListItem {
                        content: self
                            .inline_of(&text, marks)
                            .unwrap_or_else(|| Inline(Rc::new([]))),
                        items: nested.into(),
                        ordered: sub.name() == "ol",
                    });
                }
                None => {
                    if let Some(content) = self.inline_of(own, marks) {
                        items.push(ListItem::text(content));
                    }
                }
            }
        }
        items
    }

    /// A `<table>`: its caption (or the figure's), head, body and foot rows, at most
    /// [`MAX_TABLE_CELLS`] cells (the rows after are left out). A table without `<thead>` whose
    /// first row is all header cells has that row as its head.
    fn table(&mut self, node: &HtmlNode, marks: Marks, mut caption: Option<Inline>) {
        let (mut head, mut rows, mut foot) = (Vec::new(), Vec::new(), Vec::new());
        let mut budget = MAX_TABLE_CELLS;
        let mut first_has_row_header = false;
        for child in node.children() {
            let is_body = matches!(child.name(), "tbody" | "tr");
            let (into, section): (&mut Vec<Row>, &[HtmlNode]) = match child.name() {
                "caption" => {
                    if caption.is_none() {
                        caption = self.inline_of(child.children(), marks);
                    }
                    continue;
                }
                "thead" => (&mut head, child.children()),
                "tbody" => (&mut rows, child.children()),
                "tfoot" => (&mut foot, child.children()),
                "tr" => (&mut rows, std::slice::from_ref(child)),
                _ => continue,
            };
            for tr in section.iter().filter(|n| n.name() == "tr") {
                let cells: Vec<Cell> = tr
                    .children()
                    .iter()
                    .filter(|c| matches!(c.name(), "td" | "th"))
                    .map(|c| Cell {
                        content: self
                            .inline_of(c.children(), marks)
                            .unwrap_or_else(|| Inline(Rc::new([]))),
                        header: c.name() == "th",
                        colspan: span(c.attr("colspan"), 1000),
                        rowspan: span(c.attr("rowspan"), 65534),
                        align: None,
                    })
                    .collect();
                if cells.len() > budget {
                    budget = 0;
                    break;
                }
                if is_body && into.is_empty() {
                    // `th scope="row"` says the first row is data with a header of its own.
                    first_has_row_header = tr
                        .children()
                        .iter()
                        .any(|c| c.attr("scope").is_some_and(|s| s.starts_with("row")));
                }
                budget -= cells.len();
                if !cells.is_empty() {
                    into.push(cells.into());
                }
            }
        }
        // Without `<thead>`, a first row of header cells (a blank corner cell allowed, as in
        // `<td></td><th scope="col">…`) is the head.
        let first_is_head = !first_has_row_header
            && rows.first().is_some_and(|r: &Row| {
                r.iter().any(|c| c.header) && r.iter().all(|c| c.header || c.content.0.is_empty())
            });
        if head.is_empty() && first_is_head && rows.len() > 1 {
            head.push(rows.remove(0));
        }
        if rows.is_empty() && head.is_empty() {
            return;
        }
        self.blocks.push(Block::Table {
            table: Rc::new(Table {
                caption,
                head: head.into(),
                rows: rows.into(),
                foot: foot.into(),
            }),
        });
    }

    /// The quotation a network's embed code keeps as its fallback (`blockquote.twitter-tweet`
    /// …) as a social post: its first paragraph as the text, "— Name (@handle)" as the author,
    /// the link to the post (its `cite`, else the last link) with its text as the date, its
    /// pictures. `None` when it has no text.
    fn social_post(&self, node: &HtmlNode) -> Option<Block> {
        let descendants = node.descendants();
        let is_author_line =
            |t: &str| t.starts_with(['—', '-']) || t.starts_with("A post shared by");
        let content = descendants
            .iter()
            .filter(|n| n.name() == "p")
            .filter_map(|p| self.inline_of(p.children(), Marks::default()))
            .find(|c| !is_author_line(c.plain_text().trim()))?;
        let links: Vec<(&HtmlNode, SafeUrl)> = descendants
            .iter()
            .filter(|n| n.name() == "a")
            .filter_map(|a| Some((*a, self.url(a.attr("href"))?)))
            .collect();
        let url = self
            .url(node.attr("cite"))
            .or_else(|| links.last().map(|(_, u)| u.clone()));
        let date = links
            .iter()
            .rev()
            .find(|(_, u)| Some(u) == url.as_ref())
            .map(|(a, _)| to_text(a.children()))
            .filter(|t| t.chars().any(|c| c.is_ascii_digit()) && t.len() < 40)
            .map(|t| DocDate::lenient(&t, false));
        // "— Riverside Council (@riverside) May 2, 2024": the text after the dash.
        let line = to_text(node.children());
        // Facebook's: "Posted by Riverside Council on Thursday, 2 May 2024".
        let byline = line
            .rsplit_once('—')
            .map(|(_, b)| b)
            .or_else(|| {
                line.split_once("Posted by ")
                    .map(|(_, b)| b.split(" on ").next().unwrap_or(b))
            })
            .unwrap_or_default()
            .trim();
        let (name, handle) = match byline.split_once('(') {
            Some((name, rest)) => (name.trim(), rest.split_once(')').map(|(h, _)| h.trim())),
            None => (byline, None),
        };
        // Else the `@name` in the post's address (TikTok, Mastodon).
        let at_name = url
            .as_ref()
            .and_then(|u| {
                u.as_str()
                    .split('/')
                    .find(|s| s.len() > 1 && s.starts_with('@'))
            })
            .map(str::to_owned);
        let name = if name.is_empty() || name.len() > 80 {
            at_name.as_deref().unwrap_or_default()
        } else {
            name
        };
        let author = (!name.is_empty()).then(|| PostAuthor {
            name: name.into(),
            handle: handle.filter(|h| h.starts_with('@')).map(Text::from),
            url: None,
        });
        let media: Vec<Image> = descendants
            .iter()
            .filter(|n| n.name() == "img")
            .filter_map(|img| self.image(img, None))
            .collect();
        Some(Block::SocialPost {
            post: Rc::new(SocialPost {
                url,
                provider: social_network(node).map(Text::from),
                author,
                published: date,
                content,
                media: media.into(),
            }),
        })
    }

    /// A `<pre>` as code, white space kept exactly; its language from a `language-x` or
    /// `lang-x` class on it or on the `<code>` inside (Prism, highlight.js, Ghost, WordPress
    /// plugins), read as a short name only.
    fn code(&mut self, pre: &HtmlNode, caption: Option<Inline>) {
        let descendants = pre.descendants();
        let text: String = descendants
            .iter()
            .filter_map(|n| match n {
                HtmlNode::Text(t) => Some(t.as_str()),
                _ => None,
            })
            .collect();
        let text = text.trim_matches('\n');
        if text.trim().is_empty() {
            return;
        }
        let language = std::iter::once(pre)
            .chain(descendants.iter().copied().filter(|n| n.name() == "code"))
            .filter_map(|n| n.attr("class"))
            .flat_map(str::split_ascii_whitespace)
            .find_map(|t| t.strip_prefix("language-").or(t.strip_prefix("lang-")))
            .filter(|l| {
                (1..=32).contains(&l.len())
                    && l.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b"+#-_.".contains(&b))
            });
        self.blocks.push(Block::Code {
            content: text.into(),
            language: language.map(Text::from),
            caption,
        });
    }

    fn flow(&mut self, nodes: &[HtmlNode], marks: Marks, href: Option<SafeUrl>) {
        for node in nodes {
            self.node(node, marks, &href);
        }
    }

    fn node(&mut self, node: &HtmlNode, marks: Marks, href: &Option<SafeUrl>) {
        let name = match node {
            HtmlNode::Text(text) => return self.push_text(text, marks, href),
            HtmlNode::Element { name, .. } => name.as_str(),
        };
        let children = node.children();
        match name {
            // Dropped whole: code, styles, embedded documents and objects, form controls, foreign
            // content. Their text is not the article's.
            "script" | "style" | "template" | "noscript" | "svg" | "math" | "object" | "embed"
            | "applet" | "frame" | "frameset" | "head" | "title" | "meta" | "link" | "base"
            | "button" | "input" | "select" | "textarea" | "option" | "canvas" | "map"
            | "picture" | "source" | "track" | "param" => {}
            "video" => {
                self.flush();
                if let Some(video) = self.video(node, None, None) {
                    self.blocks.push(video);
                }
            }
            "br" => self.runs.push(Run::plain("\n")),
            "a" => match node.attr("href").and_then(|h| h.strip_prefix('#')) {
                // A link within the page: a footnote reference (text, when no note has the id).
                Some(id) if !id.is_empty() => {
                    let label = to_text(children);
                    let label = label.trim();
                    if !label.is_empty() {
                        self.runs.push(Run {
                            text: label.into(),
                            marks,
                            href: None,
                            note: Some(id.into()),
                        });
                    }
                }
                _ => {
                    let link = self.url(node.attr("href")).or_else(|| href.clone());
                    self.flow(children, marks, link);
                }
            },
            "strong" | "b" => self.flow(children, marks.with(Mark::Strong), href.clone()),
            "em" | "i" | "cite" | "dfn" | "var" => {
                self.flow(children, marks.with(Mark::Em), href.clone())
            }
            "u" | "ins" => self.flow(children, marks.with(Mark::Underline), href.clone()),
            "s" | "del" | "strike" => self.flow(children, marks.with(Mark::Strike), href.clone()),
            "code" | "kbd" | "samp" | "tt" => {
                self.flow(children, marks.with(Mark::Code), href.clone())
            }
            "sub" => self.flow(children, marks.with(Mark::Sub), href.clone()),
            "sup" => self.flow(children, marks.with(Mark::Sup), href.clone()),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush();
                let level = name[1..].parse::<u8>().unwrap_or(2).clamp(2, 4);
                if let Some(content) = self.inline_of(children, marks) {
                    self.blocks.push(Block::Heading { level, content });
                }
            }
            "ul" | "ol" => {
                self.flush();
                if let Some(mut notes) = self.footnotes(children, marks) {
                    self.notes.append(&mut notes);
                    return;
                }
                let items = self.list_items(children, marks);
                if !items.is_empty() {
                    self.blocks.push(Block::List {
                        ordered: name == "ol",
                        items: items.into(),
                    });
                }
            }
            "table" => {
                self.flush();
                self.table(node, marks, None);
            }
            "details" => {
                self.flush();
                let summary = children.iter().find(|n| n.name() == "summary");
                let rest: Vec<HtmlNode> = children
                    .iter()
                    .filter(|n| n.name() != "summary")
                    .cloned()
                    .collect();
                let summary = summary.and_then(|s| self.inline_of(s.children(), marks));
                match (summary, self.nested(&rest, marks)) {
                    (Some(summary), Some(blocks)) => {
                        self.blocks.push(Block::Details { summary, blocks })
                    }
                    _ => {
                        self.flow(&rest, marks, None);
                        self.flush();
                    }
                }
            }
            "aside" => {
                self.flush();
                match self.nested(children, marks) {
                    Some(blocks) if !blocks.is_empty() => self.blocks.push(Block::Aside {
                        kind: None,
                        title: None,
                        blocks: without_boxes(blocks),
                    }),
                    Some(_) => {}
                    None => {
                        self.flow(children, marks, None);
                        self.flush();
                    }
                }
            }
            "blockquote" if social_network(node).is_some() => {
                self.flush();
                match self.social_post(node) {
                    Some(post) => self.blocks.push(post),
                    None => {
                        self.flow(children, marks, None);
                        self.flush();
                    }
                }
            }
            "blockquote" => {
                self.flush();
                // A <cite> or <footer> inside names the source; the rest is the quotation.
                let is_source =
                    |n: &&HtmlNode| matches!(n.name(), "cite" | "footer" | "figcaption");
                let cite = children
                    .iter()
                    .find(is_source)
                    .map(|n| to_text(std::slice::from_ref(n)))
                    .map(|c| c.trim_start_matches(['—', '–', '-', ' ']).trim().to_owned())
                    .filter(|c| !c.is_empty());
                let quoted: Vec<HtmlNode> =
                    children.iter().filter(|n| !is_source(n)).cloned().collect();
                if let Some(content) = self.inline_of(&quoted, marks) {
                    self.blocks.push(Block::Quote {
                        content,
                        cite: cite.map(Text::from),
                        pull: false,
                    });
                }
            }
            "figure" => {
                self.flush();
                self.figure(node, marks);
            }
            "img" => {
                self.flush();
                if let Some(image) = self.image(node, None) {
                    self.blocks.push(Block::Image { image });
                }
            }
            "hr" => {
                self.flush();
                self.blocks.push(Block::Divider);
            }
            "pre" => {
                self.flush();
                self.code(node, None);
            }
            "iframe" => {
                self.flush();
                if let Some(url) = self.url(node.attr("src").or(node.attr("data-src"))) {
                    self.blocks
                        .push(framed(embed_card(url, node.attr("title")), node));
                }
            }
            "audio" => {
                self.flush();
                let src = node.attr("src").or_else(|| {
                    node.descendants()
                        .into_iter()
                        .find(|n| n.name() == "source")
                        .and_then(|n| n.attr("src"))
                });
                if let Some(src) = self.url(src) {
                    self.blocks.push(Block::Audio {
                        src: Some(src),
                        title: node.attr("title").map(Text::from),
                    });
                }
            }
            // WordPress's `[gallery]` shortcode: `div.gallery` of `figure`s or `dl`s, one per
            // picture, each with its caption.
            "div" if node.has_class("gallery") => {
                self.flush();
                self.gallery(node, marks);
            }
            // Ghost's callout card: a box (its emoji is decoration).
            "div" if node.has_class("kg-callout-card") => {
                self.flush();
                let text = node.find_class("kg-callout-text");
                let content = text.map_or(children, HtmlNode::children);
                match self.nested(content, marks) {
                    Some(blocks) if !blocks.is_empty() => self.blocks.push(Block::Aside {
                        kind: Some(AsideKind::Callout),
                        title: None,
                        blocks: without_boxes(blocks),
                    }),
                    _ => {
                        self.flow(content, marks, None);
                        self.flush();
                    }
                }
            }
            // Ghost's toggle card: a question and its answer, as `<details>`.
            "div" if node.has_class("kg-toggle-card") => {
                self.flush();
                let heading = node
                    .find_class("kg-toggle-heading-text")
                    .or_else(|| node.find_class("kg-toggle-heading"));
                let summary = heading.and_then(|h| self.inline_of(h.children(), marks));
                let content = node.find_class("kg-toggle-content");
                let blocks = content.and_then(|c| self.nested(c.children(), marks));
                match (summary, blocks) {
                    (Some(summary), Some(blocks)) if !blocks.is_empty() => {
                        self.blocks.push(Block::Details { summary, blocks })
                    }
                    _ => {
                        self.flow(children, marks, None);
                        self.flush();
                    }
                }
            }
            // Block-level containers: they end the paragraph before and after.
            "p" | "div" | "section" | "article" | "main" | "header" | "footer" | "nav"
            | "address" | "summary" | "dl" | "dt" | "dd" | "li" | "thead" | "tbody" | "tfoot"
            | "tr" | "caption" | "figcaption" | "center" | "hgroup" | "form" | "fieldset"
            | "legend" | "body" | "html" => {
                self.flush();
                self.flow(children, marks, href.clone());
                self.flush();
            }
            "td" | "th" => {
                self.flow(children, marks, href.clone());
                self.runs.push(plain(" "));
            }
            // Anything else (span, font, mark, small, abbr, time, label, unknown elements): its
            // markup goes, its text stays, in the paragraph around it.
            _ => self.flow(children, marks, href.clone()),
        }
    }

    /// A `<figure>`: a bookmark card, a video, a table, a code sample, an embedded frame (a card),
    /// several pictures (a gallery) or one (an image block with the caption); otherwise its
    /// content as blocks.
    fn figure(&mut self, node: &HtmlNode, marks: Marks) {
        if let Some(bookmark) = self.bookmark(node) {
            self.blocks.push(bookmark);
            return;
        }
        let descendants = node.descendants();
        // A figure around a video (WordPress `wp-block-video`, Ghost's video card): a video.
        if let Some(video) = descendants.iter().find(|n| n.name() == "video") {
            let caption = node
                .children()
                .iter()
                .find(|n| n.name() == "figcaption")
                .and_then(|n| self.inline_of(n.children(), marks));
            if let Some(block) = self.video(video, caption, self.ghost_poster(node)) {
                self.blocks.push(block);
            }
            return;
        }
        let caption_node = descendants.iter().find(|n| n.name() == "figcaption");
        let caption = caption_node.and_then(|n| self.inline_of(n.children(), marks));
        let images: Vec<&HtmlNode> = descendants
            .iter()
            .copied()
            .filter(|n| {
                n.name() == "img" && !caption_node.is_some_and(|c| c.descendants().contains(n))
            })
            .collect();
        // WordPress tables: `<figure class="wp-block-table"><table>…</table><figcaption>`.
        if let Some(table) = descendants.iter().find(|n| n.name() == "table") {
            self.table(table, marks, caption);
            return;
        }
        if images.is_empty() {
            // A code sample with its caption (Ghost's code card, WordPress).
            if let Some(pre) = descendants.iter().find(|n| n.name() == "pre") {
                self.code(pre, caption);
                return;
            }
            let frame = descendants.iter().find(|n| n.name() == "iframe");
            if let Some(url) = frame.and_then(|f| self.url(f.attr("src").or(f.attr("data-src")))) {
                let title = caption.as_ref().map(Inline::plain_text);
                let card = embed_card(
                    url,
                    title.as_deref().or(frame.and_then(|f| f.attr("title"))),
                );
                self.blocks.push(match frame {
                    Some(frame) => framed(card, frame),
                    None => card,
                });
                return;
            }
            // WordPress embeds: the address as the wrapper's only text.
            let text = to_text(node.children());
            let first = text.split_whitespace().next().unwrap_or_default();
            if first.starts_with("http") {
                if let Some(url) = self.url(Some(first)) {
                    self.blocks.push(embed_card(url, None));
                    return;
                }
            }
            self.flow(node.children(), marks, None);
            self.flush();
            return;
        }
        // Several pictures (WordPress `wp-block-gallery`, Ghost's gallery card …): a gallery.
        if images.len() > 1 {
            self.gallery(node, marks);
            return;
        }
        let last = images.len() - 1;
        for (i, img) in images.into_iter().enumerate() {
            let caption = if i == last { caption.clone() } else { None };
            if let Some(image) = self.image(img, caption) {
                self.blocks.push(Block::Image { image });
            }
        }
    }

    /// A gallery from a container of pictures: each picture with the caption of the figure (or
    /// list item, or `dl`) it sits in, the container's own `figcaption` as the gallery's caption.
    fn gallery(&mut self, node: &HtmlNode, marks: Marks) {
        /// Pictures under `node`, each with the caption of its innermost item.
        fn collect<'n>(
            node: &'n HtmlNode,
            caption: Option<&'n HtmlNode>,
            out: &mut Vec<(&'n HtmlNode, Option<&'n HtmlNode>)>,
        ) {
            for child in node.children() {
                match child.name() {
                    "img" => out.push((child, caption)),
                    // The outer caption belongs to the gallery; `dd` is a `dl` item's caption.
                    "figcaption" | "dd" => {}
                    "figure" | "li" | "dl" => {
                        let own = child.descendants().into_iter().find(|n| {
                            matches!(n.name(), "figcaption" | "dd")
                                || n.has_class("gallery-caption")
                        });
                        collect(child, own.or(caption), out);
                    }
                    _ => collect(child, caption, out),
                }
            }
        }
        let mut found = Vec::new();
        collect(node, None, &mut found);
        let own_caption = node
            .children()
            .iter()
            .find(|n| n.name() == "figcaption")
            .and_then(|n| self.inline_of(n.children(), marks));
        let images: Vec<Image> = found
            .into_iter()
            .take(MAX_GALLERY_IMAGES)
            .filter_map(|(img, caption)| {
                let caption = caption.and_then(|c| self.inline_of(c.children(), marks));
                self.image(img, caption)
            })
            .collect();
        if images.is_empty() {
            self.flow(node.children(), marks, None);
            self.flush();
            return;
        }
        self.blocks.push(Block::Gallery {
            gallery: std::rc::Rc::new(Gallery {
                images: images.into(),
                caption: own_caption,
            }),
        });
    }

    /// A `<video>`: its files (`src`, or its `<source>`s with their types), poster (`still`, when
    /// the card around it names a better one), text tracks and title; `None` when no file passes
    /// the URL policy. Its own attributes that play or load by themselves (`autoplay`,
    /// `preload`) are never read: the reader's video never does.
    fn video(
        &self,
        node: &HtmlNode,
        caption: Option<Inline>,
        still: Option<Image>,
    ) -> Option<Block> {
        let children = node.children();
        let mut sources: Vec<VideoSource> = Vec::new();
        if let Some(src) = self.url(node.attr("src")) {
            sources.push(VideoSource { src, mime: None });
        }
        for source in children.iter().filter(|n| n.name() == "source") {
            if let Some(src) = self.url(source.attr("src")) {
                let mime = source.attr("type").map(str::trim).filter(|t| !t.is_empty());
                sources.push(VideoSource {
                    src,
                    mime: mime.map(Text::from),
                });
            }
        }
        if sources.is_empty() {
            return None;
        }
        let tracks: Vec<TextTrack> = children
            .iter()
            .filter(|n| n.name() == "track")
            .filter_map(|track| {
                let kind = track.attr("kind").unwrap_or("subtitles");
                let kind =
                    matches!(kind, "captions" | "subtitles" | "descriptions").then_some(kind)?;
                Some(TextTrack {
                    src: self.url(track.attr("src"))?,
                    lang: track.attr("srclang").unwrap_or_default().trim().into(),
                    label: track.attr("label").map(Text::from),
                    kind: Some(kind.into()),
                })
            })
            .filter(|t| !t.lang.is_empty())
            .collect();
        let number = |key: &str| node.attr(key).and_then(|v| v.trim().parse::<u32>().ok());
        // Ghost's poster is a blank placeholder from a third party: never used.
        let poster = still
            .or_else(|| {
                self.url(node.attr("poster"))
                    .filter(|url| !url.as_str().contains("spacergif.org"))
                    .map(Image::at)
            })
            .map(|poster| Image {
                width: poster.width.or(number("width")),
                height: poster.height.or(number("height")),
                ..poster
            });
        Some(Block::Video {
            video: std::rc::Rc::new(Video {
                sources: sources.into(),
                poster,
                tracks: tracks.into(),
                title: node
                    .attr("title")
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(Text::from),
                duration_seconds: None,
                caption,
                credit: None,
            }),
        })
    }

    /// Ghost's video card names its still picture on the figure (`data-kg-thumbnail`; the
    /// video's own poster is a blank placeholder), else an `<img>` some themes put inside.
    fn ghost_poster(&self, figure: &HtmlNode) -> Option<Image> {
        if !figure.has_class("kg-video-card") {
            return None;
        }
        if let Some(url) = self.url(figure.attr("data-kg-thumbnail")) {
            return Some(Image::at(url));
        }
        let img = figure
            .descendants()
            .into_iter()
            .find(|n| n.name() == "img" && !n.has_class("kg-video-thumbnail-placeholder"))?;
        self.image(img, None)
    }

    /// Ghost's bookmark card (a link to another page with its title, publisher and picture): a
    /// related-story card, never a picture of the publisher's icon.
    fn bookmark(&self, figure: &HtmlNode) -> Option<Block> {
        if !figure.has_class("kg-bookmark-card") {
            return None;
        }
        let link = figure
            .descendants()
            .into_iter()
            .find(|n| n.name() == "a" && n.attr("href").is_some())?;
        let text_of = |class: &str| {
            figure
                .find_class(class)
                .map(|n| collapse(&to_text(n.children())))
                .filter(|t| !t.is_empty())
        };
        let url = self.url(link.attr("href"));
        let headline =
            text_of("kg-bookmark-title").or_else(|| url.as_ref().map(|u| u.to_string()))?;
        let image = figure
            .find_class("kg-bookmark-thumbnail")
            .and_then(|t| t.descendants().into_iter().find(|n| n.name() == "img"))
            .and_then(|img| self.image(img, None))
            .map(|image| Image {
                alt: "".into(),
                ..image
            });
        Some(Block::RelatedLink {
            headline: headline.into(),
            url,
            image,
            // Ghost's "author" is the site's name, its "publisher" the writer's.
            label: text_of("kg-bookmark-author")
                .or_else(|| text_of("kg-bookmark-publisher"))
                .map(Text::from),
        })
    }

    /// An `<img>` as a picture; `None` when it has no usable address (nothing to show).
    fn image(&self, node: &HtmlNode, caption: Option<Inline>) -> Option<Image> {
        let src = self.url(node.attr("src").or(node.attr("data-src")))?;
        let number = |key: &str| node.attr(key).and_then(|v| v.trim().parse::<u32>().ok());
        let srcset: Vec<SrcsetEntry> = node
            .attr("srcset")
            .unwrap_or_default()
            .split(',')
            .filter_map(|candidate| {
                let mut parts = candidate.split_whitespace();
                let url = self.url(parts.next())?;
                let width = parts.next()?.strip_suffix('w')?.parse().ok()?;
                Some(SrcsetEntry { src: url, width })
            })
            .collect();
        Some(Image {
            src: Some(src),
            alt: node.attr("alt").unwrap_or_default().trim().into(),
            width: number("width"),
            height: number("height"),
            srcset: srcset.into(),
            caption,
            credit: None,
            link: None,
            dark_src: None,
        })
    }
}

/// A link card for embedded content: it opens on the provider's site, nothing of it loads here.
fn embed_card(url: SafeUrl, title: Option<&str>) -> Block {
    let provider = provider_name(&url);
    Block::embed(
        Some(url),
        title
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(Text::from),
        Some(provider.into()),
    )
}

/// The network whose embed code a `<blockquote>` is the fallback of, by the class it carries.
fn social_network(node: &HtmlNode) -> Option<&'static str> {
    [
        ("twitter-tweet", "X"),
        ("instagram-media", "Instagram"),
        ("tiktok-embed", "TikTok"),
        ("mastodon-embed", "Mastodon"),
        ("bluesky-embed", "Bluesky"),
        ("fb-xfbml-parse-ignore", "Facebook"),
        ("text-post-media", "Threads"),
    ]
    .into_iter()
    .find(|(class, _)| node.has_class(class))
    .map(|(_, name)| name)
}

/// A card with the shape of the `<iframe>` it came from (its `width` and `height` attributes).
fn framed(mut card: Block, iframe: &HtmlNode) -> Block {
    let size = |key: &str| {
        iframe
            .attr(key)
            .and_then(|v| v.trim().parse::<u16>().ok())
            .filter(|n| *n > 0)
    };
    if let (Block::Embed { aspect_ratio, .. }, Some(w), Some(h)) =
        (&mut card, size("width"), size("height"))
    {
        *aspect_ratio = aspect_of(w.into(), h.into());
    }
    card
}

/// "YouTube", "Vimeo" … for well-known hosts; otherwise the host name.
fn provider_name(url: &SafeUrl) -> String {
    let host = url.site_name();
    let known = [
        ("youtube.com", "YouTube"),
        ("youtube-nocookie.com", "YouTube"),
        ("youtu.be", "YouTube"),
        ("vimeo.com", "Vimeo"),
        ("twitter.com", "X"),
        ("x.com", "X"),
        ("instagram.com", "Instagram"),
        ("facebook.com", "Facebook"),
        ("soundcloud.com", "SoundCloud"),
        ("spotify.com", "Spotify"),
        ("tiktok.com", "TikTok"),
    ];
    known
        .iter()
        .find(|(domain, _)| host == *domain || host.ends_with(&format!(".{domain}")))
        .map_or_else(|| host.to_owned(), |(_, name)| (*name).to_owned())
}

/// HTML's white space rule: every run of spaces, tabs and line ends is one space.
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
            space = true;
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

/// A paragraph's runs, tidied: no white space at its ends or around line breaks, neighbours with
/// the same marks and link merged; `None` if no text is left.
fn finish(runs: Vec<Run>) -> Option<Inline> {
    let mut runs = merge(runs);
    while runs.last().is_some_and(|r| r.text.trim().is_empty()) {
        runs.pop();
    }
    while runs.first().is_some_and(|r| r.text.trim().is_empty()) {
        runs.remove(0);
    }
    let count = runs.len();
    for (i, run) in runs.iter_mut().enumerate() {
        let mut text: &str = &run.text;
        if i == 0 {
            text = text.trim_start();
        }
        if i + 1 == count {
            text = text.trim_end();
        }
        if text.len() != run.text.len() {
            run.text = text.into();
        }
    }
    (!runs.is_empty()).then(|| Inline(runs.into()))
}

/// A span attribute as HTML bounds it: 1 to `max`, 1 when absent or unreadable.
fn span(raw: Option<&str>, max: u64) -> u16 {
    raw.and_then(|v| v.trim().parse::<u64>().ok())
        .map_or(1, |n| n.clamp(1, max) as u16)
}

/// Blocks for a box: a box inside it gives its blocks instead (the format has no box in a box).
pub(crate) fn without_boxes(blocks: Rc<[Block]>) -> Rc<[Block]> {
    if !blocks.iter().any(|b| matches!(b, Block::Aside { .. })) {
        return blocks;
    }
    let mut flat = Vec::with_capacity(blocks.len());
    for block in blocks.iter() {
        match block {
            Block::Aside { blocks: inner, .. } => {
                flat.extend(without_boxes(inner.clone()).iter().cloned())
            }
            other => flat.push(other.clone()),
        }
    }
    flat.into()
}

/// Joins neighbouring runs with the same marks and link, and double spaces across them.
fn merge(runs: Vec<Run>) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::with_capacity(runs.len());
    for run in runs {
        if let Some(last) = out.last_mut() {
            let run_text: &str = if last.text.ends_with([' ', '\n']) {
                run.text.trim_start_matches(' ')
            } else {
                &run.text
            };
            if run_text.is_empty() {
                continue;
            }
            if last.marks == run.marks
                && last.href == run.href
                && last.note == run.note
                && &*run.text != "\n"
                && !last.text.ends_with('\n')
            {
                let joined = format!("{}{}", last.text, run_text);
                last.text = joined.into();
                continue;
            }
            if run_text.len() != run.text.len() {
                out.push(Run {
                    text: run_text.into(),
                    ..run
                });
                continue;
            }
        }
        out.push(run);
    }
    out
}
