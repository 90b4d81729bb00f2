//! The one renderer of the article: header, body, related cards, notes and the error alert,
//! drawn by one set of rules written once — the external-link rule, `<time>`, pictures (srcset,
//! sizes, reserved space), UI-language marking, class names and the `data-block` index of every
//! block. It writes into a [`Markup`] sink: in the browser the DOM backend (`dom.rs`) builds
//! nodes, natively [`HtmlText`] writes escaped HTML (`cargo run -- render doc.json`, snapshot
//! tests, later prerendering and export). The Yew components are islands: the renderer leaves
//! an empty `<div class="island" data-island="…">` where one goes, and the view mounts it there.
//!
//! Why this design and not Yew components throughout (with Yew's server renderer natively):
//! the article's content never changes after load and has no handlers, so a virtual DOM for it
//! is only built, diffed and kept for nothing (round 2 measured the DOM builder against `html!`:
//! whole 100,000-word article 415 → 351 ms); and with the first paint drawn here, Yew's runtime
//! can later leave the critical path. Figures for this change are in the closing note of the
//! architecture issue and in `bench/report.md`.
//!
//! The article is drawn in [`Part`]s. Each part knows whether it used UI words (the
//! [`Cx::words`] accessor records it), so a change of UI language draws only those parts anew
//! and the headline, the body's text, a selection and the scroll position stay as they are.

pub mod export;
pub mod markup;

#[cfg(target_arch = "wasm32")]
pub mod dom;

use std::cell::Cell;

pub use markup::{HtmlText, Markup};

use crate::core::date::DocDate;
use crate::core::model::{
    Align, Article, AsideKind, Block, Cell as TableCell, Credit, Gallery, Image, Inline, ListItem,
    Mark, Note, NoteKind, Related, Run, SocialPost, Table, Video,
};
use crate::core::url_policy::SafeUrl;
use crate::reader::i18n::{self, split, table, Ui, Words};
use crate::reader::reading;
use crate::reader::ui::error_view as names;

/// What every link to another page carries (the format's safety rules).
pub const EXTERNAL_REL: &str = "noopener noreferrer";

/// The `sizes` of a picture with a `srcset`: the column is at most 680 CSS px wide.
const SIZES: &str = "(min-width: 712px) 680px, 100vw";

/// The rich elements module's drawer of one block.
#[cfg(target_arch = "wasm32")]
pub(crate) type DrawRich = for<'a> fn(&Cx<'a>, &mut dyn Markup, &Block, &str);

#[cfg(article_reader_split)]
thread_local! {
    static RICH_DRAWER: Cell<Option<DrawRich>> = const { Cell::new(None) };
}

/// Called by the rich elements module's entry point: rich blocks are drawn from now on.
#[cfg(article_reader_split)]
pub(crate) fn install_rich_drawer(draw: DrawRich) {
    RICH_DRAWER.with(|drawer| drawer.set(Some(draw)));
}

/// One piece of the article that can be drawn on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Site,
    Breadcrumb,
    Headline,
    Summary,
    Byline,
    /// The island for the reader's tools (settings, Listen) and page mode's save control.
    Tools,
    Recordings,
    /// The article's corrections and editorial notes, after the header.
    Corrections,
    Lead,
    /// A body block, by its index in `body`.
    Block(usize),
    /// The footnotes, after the body.
    Notes,
    Tags,
    Comments,
    /// The island for the share bar.
    Share,
    Related,
    /// Where Listen docks its controls while reading.
    Dock,
}

/// What the renderer draws with: the article, the UI it is shown in, the instance's id prefix.
pub struct Cx<'a> {
    pub article: &'a Article,
    ui: &'a Ui,
    ids: &'a str,
    used_ui: Cell<bool>,
    /// Data saver: pictures after the lead are drawn as their reserved boxes (no request) until
    /// the reader asks for them.
    save_data: bool,
    /// The theme is dark: a picture with a version for dark themes is drawn with it (the light
    /// one is never requested).
    dark: bool,
    /// For each footnote, its first reference in reading order: the one its back link returns
    /// to, and the only one with an id (ids stay unique when a note is referred to twice).
    first_refs: Vec<Option<&'a Run>>,
}

impl<'a> Cx<'a> {
    /// A context for `article` in `ui`; element ids start with `ids` (unique per instance).
    pub fn new(article: &'a Article, ui: &'a Ui, ids: &'a str) -> Cx<'a> {
        Cx {
            article,
            ui,
            ids,
            used_ui: Cell::new(false),
            save_data: false,
            dark: false,
            first_refs: first_references(article),
        }
    }

    /// The same context with data saver `on` (see [`Cx::picture`]).
    pub fn saving_data(mut self, on: bool) -> Cx<'a> {
        self.save_data = on;
        self
    }

    /// The same context for a dark theme (`on`): see [`Cx::picture`].
    pub fn dark_pictures(mut self, on: bool) -> Cx<'a> {
        self.dark = on;
        self
    }

    /// A picture (see [`picture`]); under data saver, one after the lead waits in its box; in a
    /// dark theme, a picture is drawn with its version for dark themes where it has one.
    fn picture(
        &self,
        out: &mut dyn Markup,
        image: &Image,
        class: Option<&str>,
        alt: &str,
        load: Load,
    ) {
        let wait = self.save_data && load != Load::Eager;
        picture(out, image, class, alt, load, wait, self.dark);
    }

    /// The UI (recording that the part being drawn depends on it).
    fn ui(&self) -> &'a Ui {
        self.used_ui.set(true);
        self.ui
    }

    /// The UI's words (recording it, as [`Cx::ui`]).
    fn words(&self) -> &'static Words {
        self.ui().words
    }

    fn id(&self, part: &str) -> String {
        format!("{}-{part}", self.ids)
    }

    /// The id of one element of a kind, by the block (or number) it belongs to: `w1-table-3`;
    /// with `hash`, a link to it (`#w1-table-3`).
    fn id_of(&self, kind: &str, at: &str, hash: bool) -> String {
        let mut id = String::with_capacity(self.ids.len() + kind.len() + at.len() + 3);
        if hash {
            id.push('#');
        }
        for part in [self.ids, "-", kind, "-", at] {
            id.push_str(part);
        }
        id
    }

    /// Draws one part, telling the sink where it begins and ends.
    pub fn part(&self, out: &mut dyn Markup, part: Part) {
        out.begin(part);
        self.used_ui.set(false);
        let a = self.article;
        match part {
            Part::Site => self.site(out),
            Part::Breadcrumb => self.breadcrumb(out),
            Part::Headline => {
                out.open("h1");
                out.attr("class", "headline");
                out.attr("part", "headline");
                out.attr("data-block", "headline");
                out.text(&a.headline);
                out.close();
            }
            Part::Summary => self.summary(out),
            Part::Byline => self.byline(out),
            Part::Tools => island(out, "tools"),
            Part::Recordings => self.recordings(out),
            Part::Corrections => self.corrections(out),
            Part::Lead => {
                if let Some(image) = &a.lead_image {
                    self.figure(out, image, true, "lead");
                }
            }
            Part::Block(i) => {
                if let Some(block) = a.body.get(i) {
                    self.block(out, block, &i.to_string());
                }
            }
            Part::Notes => self.notes(out),
            Part::Tags => self.tags(out),
            Part::Comments => self.comments(out),
            Part::Share => island(out, "share"),
            Part::Related => self.related(out, &a.related),
            Part::Dock => {
                out.open("div");
                out.attr("class", "reader-dock");
                out.close();
            }
        }
        out.end(part, self.used_ui.get());
    }

    /// The whole article with the body's first `shown` blocks; the footer and the cards only
    /// when that is the whole body (they follow it: see [`Cx::ending`]).
    pub fn article(&self, out: &mut dyn Markup, shown: usize) {
        let a = self.article;
        out.open("article");
        out.attr("class", "article");
        out.attr("part", "article");
        out.attr("lang", &a.lang);
        out.attr("dir", a.dir.as_str());
        out.open("header");
        out.attr("class", "article-header");
        for part in [
            Part::Site,
            Part::Breadcrumb,
            Part::Headline,
            Part::Summary,
            Part::Byline,
            Part::Tools,
            Part::Recordings,
        ] {
            self.part(out, part);
        }
        out.close();
        self.part(out, Part::Corrections);
        self.part(out, Part::Lead);
        out.open("div");
        out.attr("class", "article-body");
        self.blocks(out, 0..shown.min(a.body.len()));
        out.close();
        if shown >= a.body.len() {
            self.ending(out);
        }
        self.part(out, Part::Dock);
        out.close();
    }

    /// Body blocks, as children of the body.
    pub fn blocks(&self, out: &mut dyn Markup, range: std::ops::Range<usize>) {
        for i in range {
            self.part(out, Part::Block(i));
        }
    }

    /// The footer (tags, comments, the share island) and the related cards, after the body.
    pub fn ending(&self, out: &mut dyn Markup) {
        self.part(out, Part::Notes);
        out.open("footer");
        out.attr("class", "article-footer");
        for part in [Part::Tags, Part::Comments, Part::Share] {
            self.part(out, part);
        }
        out.close();
        self.part(out, Part::Related);
    }

    fn site(&self, out: &mut dyn Markup) {
        let Some(site) = &self.article.site else {
            return;
        };
        out.open("p");
        out.attr("class", "site");
        if let Some(logo) = &site.logo {
            out.open("img");
            out.attr("class", "site-logo");
            out.attr("src", logo.as_str());
            out.attr("alt", "");
            out.attr("height", "24");
            out.close();
        }
        linked(out, site.url.as_ref(), |out| out.text(&site.name));
        out.close();
    }

    fn breadcrumb(&self, out: &mut dyn Markup) {
        let crumbs = &self.article.section;
        if crumbs.is_empty() {
            return;
        }
        let id = self.id("crumbs");
        out.open("nav");
        out.attr("class", "breadcrumb");
        out.attr("aria-labelledby", &id);
        self.label(out, &id, self.words().breadcrumb);
        out.open("ol");
        for crumb in crumbs.iter() {
            out.open("li");
            match &crumb.url {
                Some(url) => linked(out, Some(url), |out| out.text(&crumb.name)),
                None => text_el(out, "span", None, &crumb.name),
            }
            out.close();
        }
        out.close();
        out.close();
    }

    /// An accessible name in the UI's words for a container of article content, as a hidden
    /// element that `aria-labelledby` points to: it can carry the UI's `lang`.
    fn label(&self, out: &mut dyn Markup, id: &str, words: &str) {
        out.open("span");
        out.attr("id", id);
        self.ui_lang(out, false);
        out.attr("hidden", "");
        out.text(words);
        out.close();
    }

    /// UI words carry the UI's `lang` (and `dir` where asked) inside an article in another
    /// language.
    fn ui_lang(&self, out: &mut dyn Markup, with_dir: bool) {
        let ui = self.ui();
        if let Some(lang) = ui.lang() {
            out.attr("lang", lang);
        }
        if let (true, Some(dir)) = (with_dir, ui.dir()) {
            out.attr("dir", dir);
        }
    }

    /// The summary: one paragraph, or a list of points.
    fn summary(&self, out: &mut dyn Markup) {
        match &self.article.summary[..] {
            [] => {}
            [only] => {
                out.open("p");
                out.attr("class", "summary");
                out.attr("data-block", "summary");
                self.inline(out, only);
                out.close();
            }
            points => {
                out.open("ul");
                out.attr("class", "summary");
                out.attr("data-block", "summary");
                for point in points {
                    out.open("li");
                    self.inline(out, point);
                    out.close();
                }
                out.close();
            }
        }
    }

    /// Authors ("By A, B and C", joined as the UI language joins lists), the dates, and the
    /// reading time. UI words carry the UI's `lang` and `dir` when the article is in another
    /// language.
    fn byline(&self, out: &mut dyn Markup) {
        let (a, ui) = (self.article, self.ui());
        let w = ui.words;
        out.open("div");
        out.attr("class", "byline");
        if !a.authors.is_empty() {
            let separators = i18n::list_separators(&ui.locale, a.authors.len(), ui.words.and);
            let (before, after) = split(w.by, "names");
            out.open("p");
            out.attr("class", "authors");
            self.ui_lang(out, true);
            out.text(before);
            for (i, author) in a.authors.iter().enumerate() {
                out.open("span");
                out.attr("class", "author");
                if i > 0 {
                    out.text(separators.get(i - 1).map_or("", String::as_str));
                }
                if let Some(avatar) = &author.avatar {
                    out.open("img");
                    out.attr("class", "avatar");
                    out.attr("src", avatar.as_str());
                    out.attr("alt", "");
                    out.attr("width", "32");
                    out.attr("height", "32");
                    out.attr("loading", "lazy");
                    out.close();
                }
                out.open("bdi");
                if ui.lang().is_some() {
                    out.attr("lang", &a.lang);
                }
                linked(out, author.url.as_ref(), |out| out.text(&author.name));
                out.close();
                out.close();
            }
            out.text(after);
            out.close();
        }
        out.open("p");
        out.attr("class", "dates");
        self.ui_lang(out, true);
        if let Some(published) = &a.published {
            out.open("span");
            out.attr("class", "published");
            self.dated(out, w.published, published);
            out.close();
        }
        if let Some(modified) = a.visible_update() {
            out.open("span");
            out.attr("class", "updated");
            self.dated(out, w.updated, modified);
            out.close();
        }
        let speed = table(&a.lang).unwrap_or(w).reading_wpm;
        let (lo, hi) = reading::minutes(reading::word_count(a), speed);
        text_el(
            out,
            "span",
            Some("reading-time"),
            &ui.count_range(&w.reading_time, lo, hi),
        );
        out.close();
        out.close();
    }

    /// "Published {date}" with the date as `<time>`.
    fn dated(&self, out: &mut dyn Markup, template: &str, date: &DocDate) {
        let (before, after) = split(template, "date");
        out.text(before);
        self.date(out, date);
        out.text(after);
    }

    fn date(&self, out: &mut dyn Markup, date: &DocDate) {
        time(out, date, &self.ui().locale, false);
    }

    /// The publisher's own recordings, beside "Listen".
    fn recordings(&self, out: &mut dyn Markup) {
        let audio = &self.article.audio;
        if audio.is_empty() {
            return;
        }
        let id = self.id("audio");
        out.open("section");
        out.attr("class", "article-audio");
        out.attr("aria-labelledby", &id);
        self.label(out, &id, self.words().recordings);
        for track in audio.iter() {
            self.audio(
                out,
                track.title.as_deref(),
                track.duration_seconds,
                track.src.as_ref(),
                None,
            );
        }
        out.close();
    }

    /// One body block, as the format's table says, carrying its index as `data-block` (for a
    /// block inside a box or details, the box's index, a dot and its own: `5.0`).
    fn block(&self, out: &mut dyn Markup, block: &Block, at: &str) {
        match block {
            Block::Paragraph { content } => {
                out.open("p");
                out.attr("data-block", at);
                self.inline(out, content);
                out.close();
            }
            Block::Heading { level, content } => {
                out.open(match level {
                    3 => "h3",
                    4 => "h4",
                    _ => "h2",
                });
                out.attr("data-block", at);
                self.inline(out, content);
                out.close();
            }
            Block::Image { image } => self.figure(out, image, false, at),
            Block::Quote {
                content,
                cite,
                pull,
            } => {
                out.open("div");
                out.attr("class", if *pull { "quote quote-pull" } else { "quote" });
                out.attr("data-block", at);
                out.open("blockquote");
                out.open("p");
                self.inline(out, content);
                out.close();
                out.close();
                if let Some(cite) = cite {
                    out.open("p");
                    out.attr("class", "quote-cite");
                    out.text("— ");
                    text_el(out, "cite", None, cite);
                    out.close();
                }
                out.close();
            }
            Block::List { ordered, items } => self.list(out, *ordered, items, Some(at)),
            Block::RelatedLink {
                headline,
                url,
                image,
                label,
            } => {
                out.open("aside");
                out.attr("class", "related-link");
                out.attr("data-block", at);
                let own_label = label.as_deref();
                out.attr(
                    "aria-label",
                    own_label.unwrap_or_else(|| self.words().related_story),
                );
                if let Some(image) = image {
                    self.picture(out, image, Some("related-link-image"), "", Load::Lazy);
                }
                out.open("p");
                out.attr("class", "related-link-label");
                match own_label {
                    Some(label) => out.text(label),
                    None => {
                        self.ui_lang(out, false);
                        out.text(self.words().related);
                    }
                }
                out.close();
                out.open("p");
                out.attr("class", "related-link-headline");
                linked(out, url.as_ref(), |out| out.text(headline));
                out.close();
                out.close();
            }
            Block::Divider => {
                out.open("hr");
                out.attr("data-block", at);
                out.close();
            }
            Block::Audio { src, title } => {
                self.audio(out, title.as_deref(), None, src.as_ref(), Some(at))
            }
            rich => self.rich_block(out, rich, at),
        }
    }

    /// A rich block (spec §7), drawn by the rich elements' module in a split build (the loader
    /// has fetched it before such an article is drawn; if it could not, no such block is there).
    #[cfg(article_reader_split)]
    fn rich_block(&self, out: &mut dyn Markup, block: &Block, at: &str) {
        if let Some(draw) = RICH_DRAWER.with(Cell::get) {
            draw(self, out, block, at);
        }
    }

    /// A rich block (spec §7), drawn directly where its code is part of the one wasm.
    #[cfg(not(article_reader_split))]
    fn rich_block(&self, out: &mut dyn Markup, block: &Block, at: &str) {
        self.draw_rich(out, block, at);
    }

    /// Draws one rich block (the rich elements' module's drawer).
    pub(crate) fn draw_rich(&self, out: &mut dyn Markup, block: &Block, at: &str) {
        match block {
            Block::Embed {
                url,
                title,
                provider,
                thumbnail,
                aspect_ratio,
                frame,
            } => self.embed(
                out,
                url.as_ref(),
                title.as_deref(),
                provider.as_deref(),
                thumbnail.as_ref(),
                *aspect_ratio,
                frame.as_ref(),
                at,
            ),
            Block::Table { table } => self.table(out, table, at),
            Block::SocialPost { post } => self.social_post(out, post, at),
            Block::Video { video } => self.video(out, video, at),
            Block::Gallery { gallery } => self.gallery(out, gallery, at),
            Block::Code {
                content,
                language,
                caption,
            } => self.code(out, content, language.as_deref(), caption.as_ref(), at),
            Block::Aside {
                kind,
                title,
                blocks,
            } => {
                let id = self.id_of("box", at, false);
                out.open("aside");
                out.attr(
                    "class",
                    match kind {
                        Some(AsideKind::KeyPoints) => "box box-key-points",
                        Some(AsideKind::Explainer) => "box box-explainer",
                        Some(AsideKind::Callout) => "box box-callout",
                        Some(AsideKind::Disclaimer) => "box box-disclaimer",
                        Some(AsideKind::Box) | None => "box",
                    },
                );
                out.attr("data-block", at);
                out.attr("aria-labelledby", &id);
                out.open("p");
                out.attr("class", "box-title");
                out.attr("id", &id);
                match title {
                    Some(title) => self.inline(out, title),
                    None => {
                        self.ui_lang(out, true);
                        out.text(self.aside_word(*kind));
                    }
                }
                out.close();
                self.nested(out, blocks, at);
                out.close();
            }
            Block::Details { summary, blocks } => {
                out.open("details");
                out.attr("class", "details");
                out.attr("data-block", at);
                out.open("summary");
                self.inline(out, summary);
                out.close();
                self.nested(out, blocks, at);
                out.close();
            }
            Block::Note { note } => self.note(out, note, Some(at)),
            _ => {}
        }
    }

    /// The blocks of a box or details, each with its path as `data-block`.
    fn nested(&self, out: &mut dyn Markup, blocks: &[Block], at: &str) {
        for (i, block) in blocks.iter().enumerate() {
            self.block(out, block, &format!("{at}.{i}"));
        }
    }

    /// A list, its items' nested lists inside them; only the outermost carries `data-block`.
    fn list(&self, out: &mut dyn Markup, ordered: bool, items: &[ListItem], at: Option<&str>) {
        out.open(if ordered { "ol" } else { "ul" });
        if let Some(at) = at {
            out.attr("data-block", at);
        }
        for item in items {
            out.open("li");
            self.inline(out, &item.content);
            if !item.items.is_empty() {
                self.list(out, item.ordered, &item.items, None);
            }
            out.close();
        }
        out.close();
    }

    /// The word that names a box without a title.
    fn aside_word(&self, kind: Option<AsideKind>) -> &'static str {
        self.words().aside(kind)
    }

    /// A table in its own focusable region, which scrolls sideways by itself on a narrow
    /// screen; the region is named by the caption, else by "Table". Every body row carries what
    /// Listen says for it (`data-listen`: each cell after its column's header).
    fn table(&self, out: &mut dyn Markup, table: &Table, at: &str) {
        let id = self.id_of("table", at, false);
        out.open("div");
        out.attr("class", "table-scroll");
        out.attr("role", "region");
        out.attr("tabindex", "0");
        out.attr("aria-labelledby", &id);
        out.attr("data-block", at);
        let w = self.words();
        let said = match &table.caption {
            Some(caption) => i18n::fill(w.listen_table, "caption", &caption.plain_text()),
            None => w.table.to_owned(),
        };
        out.attr("data-listen", &said);
        if table.caption.is_none() {
            self.label(out, &id, w.table);
        }
        out.open("table");
        if let Some(caption) = &table.caption {
            out.open("caption");
            out.attr("id", &id);
            self.inline(out, caption);
            out.close();
        }
        let headers = column_headers(table);
        for (tag, rows, head) in [
            ("thead", &table.head, true),
            ("tbody", &table.rows, false),
            ("tfoot", &table.foot, false),
        ] {
            if rows.is_empty() {
                continue;
            }
            out.open(tag);
            for row in rows.iter() {
                out.open("tr");
                if !head {
                    out.attr("data-listen", &spoken_row(row, &headers));
                }
                for cell in row.iter() {
                    self.cell(out, cell, head);
                }
                out.close();
            }
            out.close();
        }
        out.close();
        out.close();
    }

    fn cell(&self, out: &mut dyn Markup, cell: &TableCell, head: bool) {
        let header = head || cell.header;
        out.open(if header { "th" } else { "td" });
        if header {
            out.attr("scope", if head { "col" } else { "row" });
        }
        if cell.colspan > 1 {
            out.attr("colspan", &cell.colspan.to_string());
        }
        if cell.rowspan > 1 {
            out.attr("rowspan", &cell.rowspan.to_string());
        }
        match cell.align {
            Some(Align::Center) => out.attr("class", "align-center"),
            Some(Align::End) => out.attr("class", "align-end"),
            Some(Align::Start) | None => {}
        }
        self.inline(out, &cell.content);
        out.close();
    }

    /// Code exactly as written, in its own scrolling region, with "Copy code"; Listen announces
    /// it and goes on (`data-listen`).
    /// A social post as the publisher quoted it: its text and pictures in a `<blockquote>`, who
    /// wrote it and when, and a link to it on its network. Nothing of the network is loaded.
    fn social_post(&self, out: &mut dyn Markup, post: &SocialPost, at: &str) {
        let w = self.words();
        out.open("figure");
        out.attr("class", "social-post");
        out.attr("data-block", at);
        out.open("blockquote");
        if let Some(url) = &post.url {
            out.attr("cite", url.as_str());
        }
        out.open("p");
        self.inline(out, &post.content);
        out.close();
        if !post.media.is_empty() {
            out.open("div");
            out.attr("class", "post-media");
            for image in post.media.iter() {
                self.picture(out, image, None, &image.alt, Load::Lazy);
            }
            out.close();
        }
        out.close();
        out.open("figcaption");
        if let Some(author) = &post.author {
            out.open("span");
            out.attr("class", "post-author");
            out.open("bdi");
            linked(out, author.url.as_ref(), |out| out.text(&author.name));
            out.close();
            if let Some(handle) = &author.handle {
                out.text(" ");
                out.open("bdi");
                out.attr("class", "post-handle");
                out.text(handle);
                out.close();
            }
            out.close();
        }
        if let Some(date) = &post.published {
            out.text(" ");
            self.date(out, date);
        }
        let provider: Option<String> = match &post.provider {
            Some(p) => Some(p.to_string()),
            None => post
                .url
                .as_ref()
                .map(|u| u.site_name().to_owned())
                .filter(|h| !h.is_empty()),
        };
        if let (Some(url), Some(provider)) = (&post.url, provider) {
            out.text(" ");
            out.open("a");
            out.attr("class", "post-link");
            out.attr("href", url.as_str());
            out.attr("rel", EXTERNAL_REL);
            out.attr("target", "_blank");
            self.ui_lang(out, false);
            out.text(&i18n::fill(w.view_on, "provider", &provider));
            out.close();
        }
        out.close();
        out.close();
    }

    /// An embed's card: its picture (the publisher's), provider and linked title. With a known
    /// player, a stage of the player's shape and a "Play" button: only its click (the actions'
    /// `play`) puts the player's frame there; nothing is requested from the provider before.
    #[allow(clippy::too_many_arguments)]
    fn embed(
        &self,
        out: &mut dyn Markup,
        url: Option<&SafeUrl>,
        title: Option<&str>,
        provider: Option<&str>,
        thumbnail: Option<&Image>,
        aspect_ratio: Option<f32>,
        frame: Option<&SafeUrl>,
        at: &str,
    ) {
        let w = self.words();
        out.open("div");
        out.attr(
            "class",
            if frame.is_some() {
                "embed-card has-player"
            } else {
                "embed-card"
            },
        );
        out.attr("data-block", at);
        let name = title.or(provider);
        if let Some(frame) = frame {
            out.open("div");
            // The space the player will take, in one of the common shapes (a class: the host's
            // CSP may forbid style attributes).
            let ratio = aspect_ratio.unwrap_or(16.0 / 9.0);
            out.attr(
                "class",
                if ratio < 0.8 {
                    "embed-stage ratio-9-16"
                } else if ratio < 1.15 {
                    "embed-stage ratio-1-1"
                } else if ratio < 1.55 {
                    "embed-stage ratio-4-3"
                } else if ratio < 2.0 {
                    "embed-stage ratio-16-9"
                } else {
                    "embed-stage ratio-21-9"
                },
            );
            if let Some(thumbnail) = thumbnail {
                self.picture(out, thumbnail, Some("embed-thumb"), "", Load::Lazy);
            }
            let frame_title = match name {
                Some(name) => name.to_owned(),
                None => i18n::fill(w.player_title, "provider", provider.unwrap_or_default()),
            };
            out.open("button");
            out.attr("type", "button");
            out.attr("class", "reader-button embed-play");
            out.attr("data-action", "play");
            out.attr("data-frame", frame.as_str());
            out.attr("data-title", &frame_title);
            self.ui_lang(out, false);
            out.attr(
                "aria-label",
                &i18n::fill(w.play, "title", name.unwrap_or(w.embedded_content)),
            );
            out.text(w.play_button);
            out.close();
            out.close();
        } else if let Some(thumbnail) = thumbnail {
            self.picture(out, thumbnail, Some("embed-thumb"), "", Load::Lazy);
        }
        if let Some(provider) = provider {
            text_el(out, "p", Some("embed-provider"), provider);
        }
        out.open("p");
        out.attr("class", "embed-title");
        if name.is_none() {
            self.ui_lang(out, false);
        }
        linked(out, url, |out| out.text(name.unwrap_or(w.embedded_content)));
        out.close();
        out.open("p");
        out.attr("class", "embed-note");
        self.ui_lang(out, true);
        match (frame, provider) {
            (Some(_), Some(provider)) => out.text(&i18n::fill(w.player_note, "provider", provider)),
            _ => out.text(w.embed_note),
        }
        out.close();
        out.close();
    }

    fn code(
        &self,
        out: &mut dyn Markup,
        content: &str,
        language: Option<&str>,
        caption: Option<&Inline>,
        at: &str,
    ) {
        let w = self.words();
        let id = self.id_of("code", at, false);
        out.open("figure");
        out.attr("class", "code");
        out.attr("data-block", at);
        out.attr("data-listen", w.listen_code);
        out.open("div");
        out.attr("class", "code-bar");
        if let Some(language) = language {
            text_el(out, "span", Some("code-language"), language);
        }
        out.open("button");
        out.attr("type", "button");
        out.attr("class", "reader-button code-copy");
        out.attr("data-action", "copy-code");
        self.ui_lang(out, false);
        out.text(w.copy_code);
        out.close();
        // Where "Code copied" is said (the click handler writes it).
        out.open("span");
        out.attr("class", "code-status");
        out.attr("role", "status");
        self.ui_lang(out, false);
        out.close();
        out.close();
        out.open("div");
        out.attr("class", "code-scroll");
        out.attr("role", "region");
        out.attr("tabindex", "0");
        out.attr("aria-labelledby", &id);
        if caption.is_none() {
            self.label(out, &id, w.code_sample);
        }
        out.open("pre");
        out.open("code");
        if let Some(language) = language {
            out.attr("data-language", language);
        }
        out.text(content);
        out.close();
        out.close();
        out.close();
        if let Some(caption) = caption {
            out.open("figcaption");
            out.attr("id", &id);
            self.inline(out, caption);
            out.close();
        }
        out.close();
    }

    /// An editorial note: its kind's word as its label, its date, its text.
    fn note(&self, out: &mut dyn Markup, note: &Note, at: Option<&str>) {
        let w = self.words();
        let class = match note.kind {
            NoteKind::Correction => "note note-correction",
            NoteKind::Clarification => "note note-clarification",
            NoteKind::Update => "note note-update",
            NoteKind::EditorsNote => "note note-editors",
        };
        let word = w.note(note.kind);
        out.open("div");
        out.attr("class", class);
        if let Some(at) = at {
            out.attr("data-block", at);
        }
        out.open("p");
        out.attr("class", "note-label");
        out.open("strong");
        self.ui_lang(out, true);
        out.text(word);
        out.close();
        if let Some(date) = &note.date {
            out.text(" ");
            out.open("span");
            out.attr("class", "note-date");
            self.ui_lang(out, false);
            // An update's time matters (a live blog has several a day).
            time(out, date, &self.ui().locale, note.kind == NoteKind::Update);
            out.close();
        }
        out.close();
        out.open("p");
        out.attr("class", "note-text");
        self.inline(out, &note.content);
        out.close();
        out.close();
    }

    /// The article's corrections and notes, in a region named "Corrections and updates".
    fn corrections(&self, out: &mut dyn Markup) {
        let notes = &self.article.corrections;
        if notes.is_empty() {
            return;
        }
        let id = self.id("corrections");
        out.open("section");
        out.attr("class", "corrections");
        out.attr("aria-labelledby", &id);
        out.attr("data-block", "corrections");
        self.label(out, &id, self.words().corrections);
        for note in notes.iter() {
            self.note(out, note, None);
        }
        out.close();
    }

    /// The footnotes, numbered, each with a link back to where it is first referred to.
    fn notes(&self, out: &mut dyn Markup) {
        let notes = &self.article.notes;
        if notes.is_empty() {
            return;
        }
        let w = self.words();
        let id = self.id("notes");
        out.open("section");
        out.attr("class", "footnotes");
        out.attr("aria-labelledby", &id);
        out.open("h2");
        out.attr("id", &id);
        self.ui_lang(out, true);
        out.text(w.notes);
        out.close();
        out.open("ol");
        out.attr("data-block", "notes");
        for (i, note) in notes.iter().enumerate() {
            let n = (i + 1).to_string();
            out.open("li");
            out.attr("id", &self.id_of("note", &n, false));
            out.attr("tabindex", "-1");
            self.inline(out, &note.content);
            if self.first_refs.get(i).copied().flatten().is_some() {
                out.text(" ");
                out.open("a");
                out.attr("class", "note-back");
                out.attr("href", &self.id_of("ref", &n, true));
                out.attr("data-action", "note-back");
                out.attr("aria-label", w.back_to_text);
                self.ui_lang(out, false);
                out.text("↩");
                out.close();
            }
            out.close();
        }
        out.close();
        out.close();
    }

    /// Inline content, with footnote references as numbered links.
    fn inline(&self, out: &mut dyn Markup, content: &Inline) {
        for run in content.0.iter() {
            match self.note_number(run) {
                Some(n) => self.note_ref(out, run, n),
                None => linked(out, run.href.as_ref(), |out| marked(out, run)),
            }
        }
    }

    /// The number of the footnote a run refers to, when there is such a note.
    fn note_number(&self, run: &Run) -> Option<usize> {
        let id = run.note.as_deref()?;
        self.article
            .notes
            .iter()
            .position(|n| &*n.id == id)
            .map(|i| i + 1)
    }

    /// A reference to footnote `n`: a superscript link to it, named "Note n"; the first
    /// reference carries the id the note's back link returns to.
    fn note_ref(&self, out: &mut dyn Markup, run: &Run, n: usize) {
        out.open("sup");
        out.attr("class", "note-ref");
        out.open("a");
        let first = self.first_refs.get(n - 1).copied().flatten();
        let n = n.to_string();
        if first.is_some_and(|first| std::ptr::eq(first, run)) {
            out.attr("id", &self.id_of("ref", &n, false));
            out.attr("tabindex", "-1");
        }
        out.attr("href", &self.id_of("note", &n, true));
        out.attr("data-action", "note-ref");
        let w = self.words();
        out.attr("aria-label", &i18n::fill(w.note_ref, "n", &n));
        self.ui_lang(out, false);
        out.text(&n);
        out.close();
        out.close();
    }

    /// A `<figure>`: the picture (or its description when its address was refused), the
    /// caption, and the credit in its own element. The lead image loads at once, others lazily.
    fn figure(&self, out: &mut dyn Markup, image: &Image, lead: bool, block: &str) {
        out.open("figure");
        out.attr("class", if lead { "figure figure-lead" } else { "figure" });
        out.attr("data-block", block);
        if image.src.is_some() {
            let load = if lead { Load::Eager } else { Load::Figure };
            match &image.link {
                Some(link) => linked(out, Some(link), |out| {
                    self.picture(out, image, None, &image.alt, load)
                }),
                None => {
                    let name = (!image.alt.is_empty()).then_some(&*image.alt);
                    self.opens_viewer(out, image, name);
                    self.picture(out, image, None, &image.alt, load);
                    out.close();
                }
            }
            if !lead {
                self.show_button(out, false);
            }
        } else if !image.alt.is_empty() {
            text_el(out, "p", Some("figure-missing"), &image.alt);
        }
        self.figcaption(out, image.caption.as_ref(), image.credit.as_ref());
        out.close();
    }

    /// Under data saver, the button that shows the waiting pictures of its figure (or gallery:
    /// `all`), over their boxes; nothing otherwise.
    fn show_button(&self, out: &mut dyn Markup, all: bool) {
        if !self.save_data {
            return;
        }
        let w = self.words();
        out.open("button");
        out.attr("type", "button");
        out.attr("class", "reader-button picture-show");
        out.attr("data-action", "show-pictures");
        out.text(if all { w.show_pictures } else { w.show_picture });
        out.close();
    }

    /// Opens the button around a picture that shows it in the picture viewer (`view/viewer.rs`)
    /// with its largest version (`data-full`: requested only when the viewer shows it). Named by
    /// `name` (its description, or its place in a gallery), else by the plain words.
    fn opens_viewer(&self, out: &mut dyn Markup, image: &Image, name: Option<&str>) {
        let w = self.words();
        out.open("button");
        out.attr("type", "button");
        out.attr("class", "picture-open");
        out.attr("data-action", "view");
        out.attr("aria-haspopup", "dialog");
        if let Some(full) = image.largest() {
            out.attr("data-full", full.as_str());
        }
        match name {
            Some(name) => out.attr("aria-label", &i18n::fill(w.view_named, "name", name)),
            None => out.attr("aria-label", w.view_picture),
        }
    }

    /// A gallery: a grid of thumbnails (each the smallest fitting `srcset` candidate, loaded
    /// lazily, its space reserved) that open the picture viewer, each with its caption and
    /// credit, then the gallery's caption. Named "Gallery, 12 pictures", which Listen says
    /// before the captions.
    fn gallery(&self, out: &mut dyn Markup, gallery: &Gallery, at: &str) {
        let ui = self.ui();
        // Pictures whose address was refused show their description and are not counted.
        let total = gallery.images.iter().filter(|i| i.src.is_some()).count() as u64;
        let name = ui.count(&ui.words.gallery_pictures, total);
        out.open("figure");
        out.attr("class", "gallery");
        out.attr("role", "group");
        out.attr("data-block", at);
        out.attr("aria-label", &name);
        out.attr("data-listen", &name);
        out.open("ul");
        out.attr("class", "gallery-grid");
        out.attr("role", "list");
        let mut shown = 0;
        for image in gallery.images.iter() {
            out.open("li");
            out.open("figure");
            out.attr("class", "gallery-item");
            // Listen reads a picture without a caption by its description.
            if image.caption.is_none() && image.credit.is_none() && !image.alt.is_empty() {
                out.attr("data-listen", &image.alt);
            }
            if image.src.is_some() {
                shown += 1;
                let place = i18n::fill(
                    &i18n::fill(ui.words.picture_count, "n", &ui.number(shown)),
                    "total",
                    &ui.number(total),
                );
                let name: &str = if image.alt.is_empty() {
                    &place
                } else {
                    &image.alt
                };
                self.opens_viewer(out, image, Some(name));
                out.attr("data-place", &place);
                self.picture(out, image, None, &image.alt, Load::Thumbnail);
                out.close();
            } else if !image.alt.is_empty() {
                text_el(out, "p", Some("figure-missing"), &image.alt);
            }
            self.figcaption(out, image.caption.as_ref(), image.credit.as_ref());
            out.close();
            out.close();
        }
        out.close();
        if total > 0 {
            self.show_button(out, true);
        }
        self.figcaption(out, gallery.caption.as_ref(), None);
        out.close();
    }

    /// A figure's caption and credit, kept apart; nothing when it has neither.
    fn figcaption(&self, out: &mut dyn Markup, caption: Option<&Inline>, credit: Option<&Credit>) {
        if caption.is_none() && credit.is_none() {
            return;
        }
        out.open("figcaption");
        if let Some(text) = caption {
            out.open("span");
            out.attr("class", "caption");
            self.inline(out, text);
            out.close();
        }
        if let Some(credit) = credit {
            out.open("small");
            out.attr("class", "credit");
            linked(out, credit.url.as_ref(), |out| out.text(&credit.text));
            if let Some(license) = &credit.license {
                out.text(" (");
                out.text(license);
                out.text(")");
            }
            out.close();
        }
        out.close();
    }

    /// A video that plays only when the reader starts it (`preload="none"`, never autoplay): its
    /// title and length, the player with its poster (whose size reserves the space), files and
    /// text tracks, then caption and credit. Without a file it can play, the poster alone.
    fn video(&self, out: &mut dyn Markup, video: &Video, at: &str) {
        let w = self.words();
        out.open("figure");
        out.attr("class", "figure video");
        out.attr("data-block", at);
        let name = video.title.as_deref();
        if name.is_some() || video.duration_seconds.is_some() {
            out.open("p");
            out.attr("class", "video-title");
            if name.is_none() {
                self.ui_lang(out, false);
            }
            out.text(name.unwrap_or(w.video));
            if let Some(s) = video.duration_seconds {
                out.text(&format!(" ({}:{:02})", s / 60, s % 60));
            }
            out.close();
        }
        if video.sources.is_empty() {
            if let Some(poster) = &video.poster {
                self.picture(out, poster, None, &poster.alt, Load::Figure);
            }
        } else {
            out.open("video");
            out.attr("controls", "");
            out.attr("preload", "none");
            out.attr("playsinline", "");
            if name.is_none() {
                self.ui_lang(out, false);
            }
            out.attr("aria-label", name.unwrap_or(w.video));
            if let Some(poster) = &video.poster {
                if let Some(width) = poster.width {
                    out.attr("width", &width.to_string());
                }
                if let Some(height) = poster.height {
                    out.attr("height", &height.to_string());
                }
                if let Some(src) = &poster.src {
                    let name = if self.save_data {
                        "data-poster"
                    } else {
                        "poster"
                    };
                    out.attr(name, src.as_str());
                }
            }
            for source in video.sources.iter() {
                out.open("source");
                if let Some(mime) = &source.mime {
                    out.attr("type", mime);
                }
                out.attr("src", source.src.as_str());
                out.close();
            }
            for track in video.tracks.iter() {
                out.open("track");
                out.attr("kind", track.kind.as_deref().unwrap_or("captions"));
                out.attr("srclang", &track.lang);
                out.attr("label", track.label.as_deref().unwrap_or(&track.lang));
                out.attr("src", track.src.as_str());
                out.close();
            }
            out.close();
        }
        self.figcaption(out, video.caption.as_ref(), video.credit.as_ref());
        out.close();
    }

    /// An audio player that never plays by itself, under its title (and length, when known).
    /// Its accessible name is the title, or "Audio" in the UI's words.
    fn audio(
        &self,
        out: &mut dyn Markup,
        title: Option<&str>,
        seconds: Option<u64>,
        src: Option<&SafeUrl>,
        block: Option<&str>,
    ) {
        let ui_words = title.is_none();
        let name = match title {
            Some(title) => title,
            None => self.words().audio,
        };
        out.open("div");
        out.attr("class", "audio");
        if let Some(block) = block {
            out.attr("data-block", block);
        }
        if title.is_some() || seconds.is_some() {
            out.open("p");
            out.attr("class", "audio-title");
            if ui_words {
                self.ui_lang(out, false);
            }
            out.text(name);
            if let Some(s) = seconds {
                out.text(&format!(" ({}:{:02})", s / 60, s % 60));
            }
            out.close();
        }
        if let Some(src) = src {
            out.open("audio");
            out.attr("controls", "");
            out.attr("preload", "none");
            out.attr("aria-label", name);
            if ui_words {
                self.ui_lang(out, false);
            }
            out.attr("src", src.as_str());
            out.close();
        }
        out.close();
    }

    fn tags(&self, out: &mut dyn Markup) {
        let tags = &self.article.tags;
        if tags.is_empty() {
            return;
        }
        let id = self.id("tags");
        self.label(out, &id, self.words().tags);
        out.open("ul");
        out.attr("class", "tags");
        out.attr("aria-labelledby", &id);
        for tag in tags.iter() {
            text_el(out, "li", None, tag);
        }
        out.close();
    }

    /// "No comments yet", "1 comment", "12 comments" in the UI's plural forms, linked to the
    /// comments when the document says where.
    fn comments(&self, out: &mut dyn Markup) {
        let Some(comments) = &self.article.comments else {
            return;
        };
        let ui = self.ui();
        let label = match comments.count {
            0 => ui.words.comments_none.to_owned(),
            n => ui.count(&ui.words.comments, n),
        };
        out.open("p");
        out.attr("class", "comments");
        self.ui_lang(out, true);
        linked(out, comments.url.as_ref(), |out| out.text(&label));
        out.close();
    }

    /// The related-story cards: a section labelled by its heading, one list item per card, the
    /// headline as the card's link (so the link's accessible name is the headline alone).
    fn related(&self, out: &mut dyn Markup, items: &[Related]) {
        if items.is_empty() {
            return;
        }
        let id = self.id("related");
        out.open("section");
        out.attr("class", "related");
        out.attr("part", "related");
        out.attr("aria-labelledby", &id);
        out.open("h2");
        out.attr("id", &id);
        self.ui_lang(out, true);
        out.text(self.words().related_stories);
        out.close();
        out.open("ul");
        out.attr("class", "related-list");
        for item in items {
            out.open("li");
            out.attr("class", "related-card");
            if let Some(image) = &item.image {
                self.picture(out, image, Some("related-image"), &image.alt, Load::Lazy);
            }
            if let Some(section) = &item.section {
                text_el(out, "p", Some("related-section"), section);
            }
            out.open("h3");
            out.attr("class", "related-headline");
            linked(out, item.url.as_ref(), |out| out.text(&item.headline));
            out.close();
            if let Some(summary) = &item.summary {
                text_el(out, "p", Some("related-summary"), summary);
            }
            if let Some(date) = &item.published {
                out.open("p");
                out.attr("class", "related-date");
                self.ui_lang(out, false);
                self.date(out, date);
                out.close();
            }
            out.close();
        }
        out.close();
        out.close();
    }
}

/// A date as `<time datetime>` in `locale`; one that is not RFC 3339 as the publisher wrote it.
pub fn time(out: &mut dyn Markup, date: &DocDate, locale: &str, clock: bool) {
    match date {
        DocDate::Checked(date) => {
            out.open("time");
            out.attr("datetime", &date.datetime);
            out.text(&i18n::format_date(date, locale, clock));
            out.close();
        }
        DocDate::Unchecked(raw) => text_el(out, "span", Some("date-as-written"), raw),
    }
}

/// Where an island (a Yew component) is mounted: an empty element the view fills.
fn island(out: &mut dyn Markup, name: &str) {
    out.open("div");
    out.attr("class", "island");
    out.attr("data-island", name);
    out.close();
}

/// An element with an optional class and text as its one child.
fn text_el(out: &mut dyn Markup, tag: &'static str, class: Option<&str>, text: &str) {
    out.open(tag);
    if let Some(class) = class {
        out.attr("class", class);
    }
    out.text(text);
    out.close();
}

/// `content` in a link to another page when there is an address, else as it is: the one place
/// for the format's link rules.
fn linked(out: &mut dyn Markup, url: Option<&SafeUrl>, content: impl FnOnce(&mut dyn Markup)) {
    match url {
        Some(url) => {
            out.open("a");
            out.attr("href", url.as_str());
            out.attr("rel", EXTERNAL_REL);
            out.attr("target", "_blank");
            content(out);
            out.close();
        }
        None => content(out),
    }
}

/// For each footnote, the first run that refers to it, in the order the article is drawn:
/// summary, lead caption, corrections, then the body (boxes, lists, tables and captions inside).
fn first_references<'a>(article: &'a Article) -> Vec<Option<&'a Run>> {
    let notes = &article.notes;
    let mut first: Vec<Option<&'a Run>> = vec![None; notes.len()];
    if notes.is_empty() {
        return first;
    }
    let mut visit = |content: &'a Inline| {
        for run in content.0.iter() {
            if let Some(id) = run.note.as_deref() {
                if let Some(i) = notes.iter().position(|n| &*n.id == id) {
                    first[i].get_or_insert(run);
                }
            }
        }
    };
    fn blocks<'a>(list: &'a [Block], visit: &mut dyn FnMut(&'a Inline)) {
        fn items<'a>(list: &'a [ListItem], visit: &mut dyn FnMut(&'a Inline)) {
            for item in list {
                visit(&item.content);
                items(&item.items, visit);
            }
        }
        for block in list {
            match block {
                Block::Paragraph { content }
                | Block::Heading { content, .. }
                | Block::Quote { content, .. } => visit(content),
                Block::Note { note } => visit(&note.content),
                Block::Image { image } => image.caption.iter().for_each(&mut *visit),
                Block::Gallery { gallery } => {
                    for image in gallery.images.iter() {
                        image.caption.iter().for_each(&mut *visit);
                    }
                    gallery.caption.iter().for_each(&mut *visit);
                }
                Block::List { items: list, .. } => items(list, visit),
                Block::Table { table } => {
                    table.caption.iter().for_each(&mut *visit);
                    for row in table
                        .head
                        .iter()
                        .chain(table.rows.iter())
                        .chain(table.foot.iter())
                    {
                        row.iter().for_each(|cell| visit(&cell.content));
                    }
                }
                Block::Code { caption, .. } => caption.iter().for_each(&mut *visit),
                Block::Aside {
                    title,
                    blocks: inner,
                    ..
                } => {
                    title.iter().for_each(&mut *visit);
                    blocks(inner, visit);
                }
                Block::Details {
                    summary,
                    blocks: inner,
                } => {
                    visit(summary);
                    blocks(inner, visit);
                }
                _ => {}
            }
        }
    }
    article.summary.iter().for_each(&mut visit);
    if let Some(caption) = article.lead_image.as_ref().and_then(|i| i.caption.as_ref()) {
        visit(caption);
    }
    for note in article.corrections.iter() {
        visit(&note.content);
    }
    blocks(&article.body, &mut visit);
    first
}

/// The text of each column's header, from the last header row (spans widen a header over the
/// columns it covers); empty where a column has none.
fn column_headers(table: &Table) -> Vec<String> {
    let Some(row) = table.head.last() else {
        return Vec::new();
    };
    let mut headers = Vec::new();
    for cell in row.iter() {
        let text = cell.content.plain_text();
        for _ in 0..cell.colspan.min(1000) {
            headers.push(text.clone());
        }
    }
    headers
}

/// What Listen says for a body row: each cell after its column's header ("Region: North").
fn spoken_row(row: &[TableCell], headers: &[String]) -> String {
    let mut said = String::new();
    let mut column = 0;
    for cell in row {
        let text = cell.content.plain_text();
        let text = text.trim();
        if !said.is_empty() {
            said.push_str("; ");
        }
        match headers
            .get(column)
            .map(|h| h.trim())
            .filter(|h| !h.is_empty())
        {
            Some(header) if header != text => {
                said.push_str(header);
                said.push_str(": ");
            }
            _ => {}
        }
        said.push_str(text);
        column += usize::from(cell.colspan.max(1));
    }
    said
}

fn marked(out: &mut dyn Markup, run: &Run) {
    let marks = Mark::ALL.into_iter().filter(|m| run.marks.has(*m));
    let mut open = 0;
    for mark in marks {
        out.open(mark_element(mark));
        open += 1;
    }
    for (i, line) in run.text.split('\n').enumerate() {
        if i > 0 {
            out.open("br");
            out.close();
        }
        if !line.is_empty() {
            out.text(line);
        }
    }
    for _ in 0..open {
        out.close();
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
    /// A gallery's thumbnail: when near the viewport, the smallest `srcset` candidate that fills
    /// a grid cell.
    Thumbnail,
}

/// The `sizes` of a gallery thumbnail: three columns of the 680 px column, two on a phone.
const THUMBNAIL_SIZES: &str = "(min-width: 712px) 224px, 50vw";

/// Starts the lead picture's request at high priority, before the article is drawn: a picture
/// element that is never shown, with the same `srcset` and `sizes` as the lead figure's, so the
/// browser picks the same candidate and the figure's `<img>` finds it in its memory cache; in a
/// `dark` theme, its version for dark themes where it has one (as the figure will show).
#[cfg(target_arch = "wasm32")]
pub fn request_lead_picture(image: &Image, dark: bool) {
    let mut out = match web_sys::window()
        .and_then(|w| w.document())
        .map(|d| web_sys::Node::from(d.create_document_fragment()))
        .and_then(|fragment| dom::Dom::at(&fragment, None))
    {
        Some(out) => out,
        None => return,
    };
    picture(&mut out, image, None, "", Load::Eager, false, dark);
}

/// The `<img>` of a document picture; nothing when its address was refused. Width and height
/// reserve its space before it loads (no layout shift); `alt` is empty for a decorative one.
/// `loading` comes before `src`, so a lazy picture never starts early.
///
/// With `wait` (data saver), the addresses are kept in `data-src` / `data-srcset` and nothing is
/// requested: the `<img>`, sized by its `width` and `height`, is a box of the picture's size until
/// "Show picture" (its button: [`Cx::show_button`]; its action: `view::actions`) puts them in place.
fn picture(
    out: &mut dyn Markup,
    image: &Image,
    class: Option<&str>,
    alt: &str,
    load: Load,
    wait: bool,
    dark: bool,
) {
    let Some(src) = &image.src else {
        return;
    };
    let dark_src = image.dark_src.as_ref().filter(|_| dark);
    out.open("img");
    if let Some(class) = class {
        out.attr("class", class);
    }
    out.attr(
        "loading",
        if load == Load::Eager { "eager" } else { "lazy" },
    );
    if load == Load::Eager {
        out.attr("fetchpriority", "high");
    }
    out.attr("decoding", "async");
    out.attr("alt", alt);
    if let Some(width) = image.width {
        out.attr("width", &width.to_string());
    }
    if let Some(height) = image.height {
        out.attr("height", &height.to_string());
    }
    if let Some(srcset) = (load != Load::Lazy).then(|| image.srcset_attr()).flatten() {
        let sizes = if load == Load::Thumbnail {
            THUMBNAIL_SIZES
        } else {
            SIZES
        };
        out.attr("sizes", sizes);
        let name = match (wait, dark_src.is_some()) {
            (true, _) => "data-srcset",
            (false, true) => "data-light-srcset",
            (false, false) => "srcset",
        };
        out.attr(name, &srcset);
    }
    // In a dark theme the dark version is the picture's address from the start, its own kept
    // aside as the view keeps it when it swaps them (`view::render::dom::show_versions`).
    match (wait, dark_src) {
        (true, _) => out.attr("data-src", src.as_str()),
        (false, Some(dark_src)) => {
            out.attr("data-light-src", src.as_str());
            out.attr("src", dark_src.as_str());
        }
        (false, None) => out.attr("src", src.as_str()),
    }
    // The dark themes' version: the view puts it in place while the theme is dark.
    if let Some(dark) = &image.dark_src {
        out.attr("data-dark-src", dark.as_str());
    }
    out.close();
}

/// What "Try again" does in an alert.
pub enum Retry<'a> {
    /// A plain button; the view handles its click.
    Button,
    /// Embed mode after a panic: `embed.js` sees the click (`data-reader-retry`) and mounts the
    /// widget anew.
    Remount,
    /// Page mode after a panic: a form that reloads the page with these query pairs (no script
    /// is needed once the wasm is unreliable).
    Reload(&'a [(String, String)]),
}

/// The alert with "Try again": its words, classes and `::part()` names come from `ui/`, as do
/// those of `embed.js`'s start failure, so a host's `::part(error)` styles every one of them.
/// `technical` (the decoder's English detail for the publisher) follows the message, marked as
/// English.
pub fn alert(
    out: &mut dyn Markup,
    words: &Words,
    message: &str,
    technical: Option<&str>,
    retry: Retry<'_>,
) {
    out.open("div");
    out.attr("class", names::CLASS_ALERT);
    out.attr("role", "alert");
    out.attr("part", names::PART_ALERT);
    text_el(out, "p", Some(names::CLASS_TITLE), words.error_title);
    out.open("p");
    out.attr("class", names::CLASS_DETAIL);
    out.text(message);
    if let Some(technical) = technical {
        out.text(" ");
        out.open("span");
        out.attr("lang", "en");
        out.attr("dir", "ltr");
        out.text(technical);
        out.close();
    }
    out.close();
    let button = |out: &mut dyn Markup, kind: &str| {
        out.open("button");
        out.attr("type", kind);
        out.attr("class", names::CLASS_BUTTON);
    };
    match retry {
        Retry::Button => button(out, "button"),
        Retry::Remount => {
            button(out, "button");
            out.attr("data-reader-retry", "");
        }
        Retry::Reload(pairs) => {
            out.open("form");
            out.attr("method", "get");
            for (name, value) in pairs {
                out.open("input");
                out.attr("type", "hidden");
                out.attr("name", name);
                out.attr("value", value);
                out.close();
            }
            button(out, "submit");
        }
    }
    out.text(words.try_again);
    out.close();
    if matches!(retry, Retry::Reload(_)) {
        out.close();
    }
    out.close();
}

/// The whole article as HTML text in `ui` (what `cargo run -- render` prints).
pub fn article_html(article: &Article, ui: &Ui, ids: &str) -> String {
    let mut out = HtmlText::new();
    Cx::new(article, ui, ids).article(&mut out, usize::MAX);
    out.finish()
}

/// The element for a page built ahead of time (`cargo run -- render --embed`): `<article-reader>`
/// with a declarative shadow root holding the stylesheet and the article as the widget draws it
/// (the reader's wrapper with the default settings), and the document inline, so that the article
/// shows before any script runs, and `embed.js` takes over without asking for it again.
pub fn embed_html(
    article: &Article,
    ui: &Ui,
    document: &str,
    stylesheet: &str,
    src: Option<&str>,
) -> String {
    use crate::reader::settings::ReadingSettings;
    let settings = ReadingSettings::default();
    let mut out = HtmlText::new();
    out.open("article-reader");
    if let Some(src) = src {
        out.attr("src", src);
    }
    out.open("template");
    out.attr("shadowrootmode", "open");
    out.open("link");
    out.attr("rel", "stylesheet");
    out.attr("href", stylesheet);
    out.close();
    out.open("div");
    out.attr("class", names::CLASS_WRAPPER);
    out.attr("part", names::PART_WRAPPER);
    out.attr("lang", ui.words.code);
    out.attr("dir", ui.words.dir);
    out.attr("data-theme", settings.theme_or(Default::default()).as_str());
    out.attr("data-text-size", &settings.text_size.to_string());
    out.attr("data-font", settings.font.as_str());
    out.attr("data-prerendered", "");
    out.attr("aria-busy", "false");
    Cx::new(article, ui, "article-reader-1").article(&mut out, usize::MAX);
    out.close();
    out.close();
    out.open("script");
    out.attr("type", "application/json");
    out.json(document);
    // The share island holds the share links as plain links (they work without script); the
    // reader's share bar replaces them.
    let island = r#"<div class="island" data-island="share"></div>"#;
    out.finish().replacen(
        island,
        &format!(
            r#"<div class="island" data-island="share">{}</div>"#,
            static_share_links(article, ui)
        ),
        1,
    )
}

/// The share bar's links (the targets that are addresses, not buttons) as HTML text, for the
/// share island of a prerendered article.
fn static_share_links(article: &Article, ui: &Ui) -> String {
    use crate::reader::share::{SharePayload, ShareTarget};
    let w = ui.words;
    let payload = SharePayload::for_article(article, "");
    let mut out = HtmlText::new();
    out.open("div");
    out.attr("class", "share");
    out.attr("part", "share");
    out.attr("role", "group");
    out.attr("aria-label", w.share_group);
    out.open("div");
    out.attr("class", "share-controls");
    for target in ShareTarget::ALL {
        let Some(url) = payload.intent_url(target) else {
            continue;
        };
        out.open("a");
        out.attr("class", &format!("share-link share-{}", target.key()));
        out.attr("href", url.as_str());
        out.attr("rel", EXTERNAL_REL);
        if target != ShareTarget::Email {
            out.attr("target", "_blank");
        }
        out.attr("aria-label", &target.label(w));
        out.text(target.short_name(w));
        out.close();
    }
    out.finish()
}
