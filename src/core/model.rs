//! The article format v1 as Rust types: what a checked document is.
//!
//! Only [`crate::document`] builds these values, after validation and the URL policy, so the renderer
//! never meets a raw address or an unchecked shape. Strings and lists are `Rc` so that components
//! can take them as props without copying. `Serialize` writes a document back in format v1
//! (round-trip tests and the native validator use it).

use std::rc::Rc;

use serde::Serialize;

use crate::core::date::DocDate;
use crate::core::players;
use crate::core::url_policy::SafeUrl;

/// Shared immutable text.
pub type Text = Rc<str>;

/// A whole article document.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Article {
    pub version: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<Text>,
    /// Canonical address: what share controls share.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<SafeUrl>,
    /// BCP 47 tag, `en` when the document gives none or an unusable one.
    pub lang: Text,
    pub dir: Direction,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub site: Option<Site>,
    #[serde(skip_serializing_if = "is_empty")]
    pub section: Rc<[Crumb]>,
    pub headline: Text,
    #[serde(skip_serializing_if = "is_empty")]
    pub summary: Rc<[Inline]>,
    #[serde(skip_serializing_if = "is_empty")]
    pub authors: Rc<[Author]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<DocDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modified: Option<DocDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lead_image: Option<Image>,
    pub body: Rc<[Block]>,
    #[serde(skip_serializing_if = "is_empty")]
    pub related: Rc<[Related]>,
    #[serde(skip_serializing_if = "is_empty")]
    pub tags: Rc<[Text]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comments: Option<Comments>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share: Option<ShareParams>,
    #[serde(skip_serializing_if = "is_empty")]
    pub audio: Rc<[AudioTrack]>,
    /// Corrections and other editorial notes about the whole article, shown after the header.
    #[serde(skip_serializing_if = "is_empty")]
    pub corrections: Rc<[Note]>,
    /// Footnotes, referred to by runs with a `note` id; listed at the end of the article.
    #[serde(skip_serializing_if = "is_empty")]
    pub notes: Rc<[Footnote]>,
}

fn is_empty<T>(list: &Rc<[T]>) -> bool {
    list.is_empty()
}

impl Article {
    /// The modification date, only when it is later than the publication date (or there is none):
    /// that is when the format says "Updated …" is shown.
    pub fn visible_update(&self) -> Option<&DocDate> {
        let modified = self.modified.as_ref()?;
        let published = self.published.as_ref();
        match (published.and_then(DocDate::checked), modified.checked()) {
            (Some(p), Some(m)) if m.epoch_seconds <= p.epoch_seconds => None,
            // Dates that are not RFC 3339 cannot be ordered: shown unless they are the same text.
            _ if published.map(DocDate::text) == Some(modified.text()) => None,
            _ => Some(modified),
        }
    }
}

impl Article {
    /// Whether the body plays a video file: saving for offline keeps its poster, not the file,
    /// and the save control says so.
    pub fn has_videos(&self) -> bool {
        fn any(blocks: &[Block]) -> bool {
            blocks.iter().any(|block| match block {
                Block::Video { video } => !video.sources.is_empty(),
                Block::Aside { blocks, .. } | Block::Details { blocks, .. } => any(blocks),
                _ => false,
            })
        }
        any(&self.body)
    }

    /// Every picture address the article shows (lead, body, related, avatars, logo, with their
    /// `srcset` candidates), each once: what saving for offline reading must store.
    pub fn image_urls(&self) -> Vec<&SafeUrl> {
        fn walk<'a>(blocks: &'a [Block], images: &mut Vec<&'a Image>) {
            for block in blocks {
                match block {
                    Block::Image { image } => images.push(image),
                    Block::RelatedLink {
                        image: Some(image), ..
                    }
                    | Block::Embed {
                        thumbnail: Some(image),
                        ..
                    } => images.push(image),
                    Block::SocialPost { post } => images.extend(post.media.iter()),
                    // The poster, not the video: saved articles keep what a reader sees.
                    Block::Video { video } => images.extend(video.poster.iter()),
                    Block::Gallery { gallery } => images.extend(gallery.images.iter()),
                    Block::Aside { blocks, .. } | Block::Details { blocks, .. } => {
                        walk(blocks, images)
                    }
                    _ => {}
                }
            }
        }
        let mut images: Vec<&Image> = self.lead_image.iter().collect();
        walk(&self.body, &mut images);
        images.extend(self.related.iter().filter_map(|r| r.image.as_ref()));
        let mut urls: Vec<&SafeUrl> = Vec::new();
        for image in images {
            urls.extend(image.src.iter());
            urls.extend(image.srcset.iter().map(|e| &e.src));
        }
        urls.extend(self.authors.iter().filter_map(|a| a.avatar.as_ref()));
        urls.extend(self.site.iter().filter_map(|s| s.logo.as_ref()));
        let mut unique: Vec<&SafeUrl> = Vec::with_capacity(urls.len());
        for url in urls {
            if !unique.contains(&url) {
                unique.push(url);
            }
        }
        unique
    }
}

/// Text direction of the article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Ltr,
    Rtl,
    Auto,
}

impl Direction {
    /// The `dir` attribute value.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
            Direction::Auto => "auto",
        }
    }

    /// The direction of text that names no language: that of its first letter (right to left
    /// for Hebrew, Arabic, Persian, Urdu, Syriac, Thaana and N'Ko script); `None` without one.
    pub fn of_text(text: &str) -> Option<Direction> {
        text.chars().find(|c| c.is_alphabetic()).map(|c| {
            if matches!(u32::from(c), 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF) {
                Direction::Rtl
            } else {
                Direction::Ltr
            }
        })
    }

    /// The default for a language: right-to-left for the scripts the format lists.
    pub fn for_lang(lang: &str) -> Direction {
        let primary = lang
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "ar" | "fa" | "he" | "ur" | "ug" | "ps" | "sd" | "yi" => Direction::Rtl,
            _ => Direction::Ltr,
        }
    }
}

/// The publisher.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Site {
    pub name: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<SafeUrl>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub logo: Option<SafeUrl>,
}

/// One step of the breadcrumb.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Crumb {
    pub name: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<SafeUrl>,
}

/// A byline entry.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Author {
    pub name: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<SafeUrl>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub avatar: Option<SafeUrl>,
}

/// Inline content: a sequence of text runs (a plain string is one unmarked run).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(transparent)]
pub struct Inline(pub Rc<[Run]>);

impl Inline {
    /// The text without marks or links, for places that take plain text (`title`, share text).
    pub fn plain_text(&self) -> String {
        self.0.iter().map(|run| &*run.text).collect()
    }
}

/// A run of text with its marks and, optionally, a link.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Run {
    pub text: Text,
    #[serde(skip_serializing_if = "Marks::is_empty")]
    pub marks: Marks,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub href: Option<SafeUrl>,
    /// The id of the footnote this run refers to (its text is the reference's label, "1").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

impl Run {
    /// A run of plain text (no marks, no link, no note).
    pub fn plain(text: impl Into<Text>) -> Run {
        Run {
            text: text.into(),
            marks: Marks::default(),
            href: None,
            note: None,
        }
    }
}

/// The set of marks on a run, as bits (cheap to copy and compare).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Marks(u8);

/// A mark of the format, in nesting order (outermost first).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Strong,
    Em,
    Underline,
    Strike,
    Code,
    Sub,
    Sup,
}

impl Mark {
    /// Every mark, outermost first.
    pub const ALL: [Mark; 7] = [
        Mark::Strong,
        Mark::Em,
        Mark::Underline,
        Mark::Strike,
        Mark::Code,
        Mark::Sub,
        Mark::Sup,
    ];

    /// The mark's name in the format.
    pub fn name(self) -> &'static str {
        match self {
            Mark::Strong => "strong",
            Mark::Em => "em",
            Mark::Underline => "underline",
            Mark::Strike => "strike",
            Mark::Code => "code",
            Mark::Sub => "sub",
            Mark::Sup => "sup",
        }
    }

    /// The mark named `name`, if the format knows it.
    pub fn from_name(name: &str) -> Option<Mark> {
        Mark::ALL.into_iter().find(|m| m.name() == name)
    }
}

impl Marks {
    /// Whether no mark is set.
    pub fn is_empty(&self) -> bool {
        self.0 == 0
    }

    /// Whether `mark` is set.
    pub fn has(self, mark: Mark) -> bool {
        self.0 & (1 << mark as u8) != 0
    }

    /// This set plus `mark`.
    pub fn with(self, mark: Mark) -> Marks {
        Marks(self.0 | (1 << mark as u8))
    }

    /// The marks that are set, outermost first.
    pub fn iter(self) -> impl Iterator<Item = Mark> {
        Mark::ALL.into_iter().filter(move |m| self.has(*m))
    }
}

impl Serialize for Marks {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter().map(Mark::name))
    }
}

/// A picture with its caption and credit, kept apart as the format requires.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Image {
    /// `None` when the address failed the URL policy: the caption still shows.
    pub src: Option<SafeUrl>,
    pub alt: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
    #[serde(skip_serializing_if = "is_empty")]
    pub srcset: Rc<[SrcsetEntry]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caption: Option<Inline>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credit: Option<Credit>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<SafeUrl>,
    /// The version for dark themes (a diagram drawn light on dark), the same size: shown in
    /// place of `src` (and `srcset`) while the reader's theme is dark.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dark_src: Option<SafeUrl>,
}

impl Image {
    /// A picture known only by its address (no description, size or caption yet): what the
    /// publishers' formats start from.
    pub fn at(src: SafeUrl) -> Image {
        Image {
            src: Some(src),
            alt: "".into(),
            width: None,
            height: None,
            srcset: Rc::new([]),
            caption: None,
            credit: None,
            link: None,
            dark_src: None,
        }
    }

    /// The `srcset` attribute value, if any candidate passed the URL policy.
    pub fn srcset_attr(&self) -> Option<String> {
        let parts: Vec<String> = self
            .srcset
            .iter()
            .map(|e| format!("{} {}w", e.src, e.width))
            .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    }

    /// The address of its largest version, for the picture viewer: the widest `srcset`
    /// candidate, unless `src` is known to be wider still.
    pub fn largest(&self) -> Option<&SafeUrl> {
        let widest = self.srcset.iter().max_by_key(|e| e.width);
        match widest {
            Some(e) if self.width.is_none_or(|w| e.width >= w) || self.src.is_none() => {
                Some(&e.src)
            }
            _ => self.src.as_ref(),
        }
    }
}

/// One `srcset` candidate.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SrcsetEntry {
    pub src: SafeUrl,
    pub width: u32,
}

/// Who made a picture.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Credit {
    pub text: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<SafeUrl>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub license: Option<Text>,
}

impl Credit {
    /// A credit that is only a name (what most sources give).
    pub fn named(text: &str) -> Credit {
        Credit {
            text: text.into(),
            url: None,
            license: None,
        }
    }
}

/// A block of the body; unknown block types never get here (they are skipped with a warning).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    Paragraph {
        content: Inline,
    },
    Heading {
        level: u8,
        content: Inline,
    },
    Image {
        image: Image,
    },
    Quote {
        content: Inline,
        #[serde(skip_serializing_if = "Option::is_none")]
        cite: Option<Text>,
        pull: bool,
    },
    List {
        ordered: bool,
        items: Rc<[ListItem]>,
    },
    RelatedLink {
        headline: Text,
        url: Option<SafeUrl>,
        #[serde(skip_serializing_if = "Option::is_none")]
        image: Option<Image>,
        #[serde(skip_serializing_if = "Option::is_none")]
        label: Option<Text>,
    },
    Divider,
    Audio {
        src: Option<SafeUrl>,
        #[serde(skip_serializing_if = "Option::is_none")]
        title: Option<Text>,
    },
    Embed {
        url: Option<SafeUrl>,
        #[serde(skip_serializing_if = "Option::is_none")]
        title: Option<Text>,
        #[serde(skip_serializing_if = "Option::is_none")]
        provider: Option<Text>,
        /// The publisher's own picture of the content (never fetched from the provider).
        #[serde(skip_serializing_if = "Option::is_none")]
        thumbnail: Option<Image>,
        /// Width / height of the player, for the space it reserves.
        #[serde(skip_serializing_if = "Option::is_none")]
        aspect_ratio: Option<f32>,
        /// A known player's embed address ([`crate::core::players`]), framed only after "Play".
        #[serde(skip_serializing_if = "Option::is_none")]
        frame: Option<SafeUrl>,
    },
    Table {
        #[serde(flatten)]
        table: Rc<Table>,
    },
    Code {
        /// Kept exactly: white space and line breaks are the code.
        content: Text,
        #[serde(skip_serializing_if = "Option::is_none")]
        language: Option<Text>,
        #[serde(skip_serializing_if = "Option::is_none")]
        caption: Option<Inline>,
    },
    Aside {
        #[serde(skip_serializing_if = "Option::is_none")]
        kind: Option<AsideKind>,
        #[serde(skip_serializing_if = "Option::is_none")]
        title: Option<Inline>,
        blocks: Rc<[Block]>,
    },
    Details {
        summary: Inline,
        blocks: Rc<[Block]>,
    },
    Note {
        #[serde(flatten)]
        note: Note,
    },
    SocialPost {
        #[serde(flatten)]
        post: Rc<SocialPost>,
    },
    Video {
        #[serde(flatten)]
        video: Rc<Video>,
    },
    Gallery {
        #[serde(flatten)]
        gallery: Rc<Gallery>,
    },
}

/// Pictures shown together as a grid of thumbnails, each opening in the picture viewer: how a
/// newsroom's photo gallery reads without a page of full-width figures.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Gallery {
    /// At least one; at most [`MAX_GALLERY_IMAGES`] (the decoder leaves the rest out).
    pub images: Rc<[Image]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caption: Option<Inline>,
}

/// The most pictures one gallery shows: more than any newsroom's gallery, few enough that a
/// hostile document cannot make the grid (or saving it offline) endless.
pub const MAX_GALLERY_IMAGES: usize = 1000;

/// A video the publisher hosts: played only when the reader starts it, nothing of it loaded
/// before (`preload="none"`); its poster reserves its space.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Video {
    /// The files, in the order the browser should try them (those the URL policy refused are left
    /// out).
    pub sources: Rc<[VideoSource]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub poster: Option<Image>,
    #[serde(skip_serializing_if = "is_empty")]
    pub tracks: Rc<[TextTrack]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration_seconds: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caption: Option<Inline>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credit: Option<Credit>,
}

/// One file of a video.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct VideoSource {
    pub src: SafeUrl,
    /// Its media type (`video/mp4`), so the browser skips what it cannot play.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub mime: Option<Text>,
}

/// Captions, subtitles or descriptions of a video (WebVTT).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TextTrack {
    pub src: SafeUrl,
    pub lang: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
    /// `captions`, `subtitles` or `descriptions`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<Text>,
}

/// A post from a social network, kept as the publisher quoted it: readable with nothing loaded
/// from the network, offline, in print and after it was deleted there.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SocialPost {
    /// The post's own page ("View on …"); `None` when the URL policy refused it.
    pub url: Option<SafeUrl>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<PostAuthor>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<DocDate>,
    pub content: Inline,
    #[serde(skip_serializing_if = "is_empty")]
    pub media: Rc<[Image]>,
}

/// Who wrote a social post.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PostAuthor {
    pub name: Text,
    /// As the network writes it (`@riverside`, `@ana@mastodon.social`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub handle: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<SafeUrl>,
}

/// A player's shape, width / height, in thousandths (the precision every source and format v1
/// keep, so that it reads back exactly); `None` outside 0.2–5.
pub fn aspect_ratio(thousandths: u64) -> Option<f32> {
    (200..=5000)
        .contains(&thousandths)
        .then(|| thousandths as f32 / 1000.0)
}

/// The shape of a `width` × `height` box, as [`aspect_ratio`] keeps it.
pub fn aspect_of(width: u64, height: u64) -> Option<f32> {
    let thousandths = width.checked_mul(1000)?.checked_add(height / 2)? / height.max(1);
    aspect_ratio(thousandths)
}

impl Block {
    /// A card for content embedded from elsewhere, known by its address: a known player's link
    /// gets its player (and the provider's name when none is given).
    pub fn embed(url: Option<SafeUrl>, title: Option<Text>, provider: Option<Text>) -> Block {
        let player = url.as_ref().and_then(players::player);
        Block::Embed {
            provider: provider.or_else(|| player.as_ref().map(|p| p.provider.into())),
            frame: player.map(|p| p.frame),
            url,
            title,
            thumbnail: None,
            aspect_ratio: None,
        }
    }

    /// The block's `type` in format v1.
    pub fn type_name(&self) -> &'static str {
        match self {
            Block::Paragraph { .. } => "paragraph",
            Block::Heading { .. } => "heading",
            Block::Image { .. } => "image",
            Block::Quote { .. } => "quote",
            Block::List { .. } => "list",
            Block::RelatedLink { .. } => "related_link",
            Block::Divider => "divider",
            Block::Audio { .. } => "audio",
            Block::Embed { .. } => "embed",
            Block::Table { .. } => "table",
            Block::Code { .. } => "code",
            Block::Aside { .. } => "aside",
            Block::Details { .. } => "details",
            Block::Note { .. } => "note",
            Block::SocialPost { .. } => "social_post",
            Block::Video { .. } => "video",
            Block::Gallery { .. } => "gallery",
        }
    }
}

/// One item of a list: its text and, when it has one, a list nested under it.
#[derive(Clone, Debug, PartialEq)]
pub struct ListItem {
    pub content: Inline,
    /// The nested list's items (empty: none).
    pub items: Rc<[ListItem]>,
    /// Whether the nested list is numbered.
    pub ordered: bool,
}

impl ListItem {
    /// An item without a nested list (what most lists are made of).
    pub fn text(content: Inline) -> ListItem {
        ListItem {
            content,
            items: Rc::new([]),
            ordered: false,
        }
    }
}

impl Serialize for ListItem {
    /// An item without a nested list as plain inline content, as format v1 writes it.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        if self.items.is_empty() {
            return self.content.serialize(s);
        }
        let mut item = s.serialize_struct("ListItem", 3)?;
        item.serialize_field("content", &self.content)?;
        item.serialize_field("items", &self.items)?;
        item.serialize_field("ordered", &self.ordered)?;
        item.end()
    }
}

/// A data table: header rows, body rows, footer rows, each a list of cells.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Table {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caption: Option<Inline>,
    #[serde(skip_serializing_if = "is_empty")]
    pub head: Rc<[Row]>,
    pub rows: Rc<[Row]>,
    #[serde(skip_serializing_if = "is_empty")]
    pub foot: Rc<[Row]>,
}

/// A row of a table.
pub type Row = Rc<[Cell]>;

/// A table cell.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Cell {
    pub content: Inline,
    /// A header cell (`<th>`): of its column in the head, of its row in the body.
    #[serde(skip_serializing_if = "is_false")]
    pub header: bool,
    #[serde(skip_serializing_if = "is_one")]
    pub colspan: u16,
    #[serde(skip_serializing_if = "is_one")]
    pub rowspan: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub align: Option<Align>,
}

fn is_false(value: &bool) -> bool {
    !*value
}

fn is_one(value: &u16) -> bool {
    *value == 1
}

/// The alignment of a table cell, in the text's direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Align {
    Start,
    Center,
    End,
}

/// What kind of box an `aside` is: it names the box when it has no title.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AsideKind {
    KeyPoints,
    Explainer,
    Callout,
    Disclaimer,
    Box,
}

impl AsideKind {
    /// Every kind, with its name in the format.
    pub const ALL: [(AsideKind, &'static str); 5] = [
        (AsideKind::KeyPoints, "key_points"),
        (AsideKind::Explainer, "explainer"),
        (AsideKind::Callout, "callout"),
        (AsideKind::Disclaimer, "disclaimer"),
        (AsideKind::Box, "box"),
    ];

    /// The kind named `name` in the format.
    pub fn from_name(name: &str) -> Option<AsideKind> {
        by_name(&AsideKind::ALL, name)
    }
}

/// An editorial note: a correction, clarification, update or editor's note.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Note {
    pub kind: NoteKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<DocDate>,
    pub content: Inline,
}

/// The kinds of editorial note.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    Correction,
    Clarification,
    Update,
    EditorsNote,
}

impl NoteKind {
    /// Every kind, with its name in the format.
    pub const ALL: [(NoteKind, &'static str); 4] = [
        (NoteKind::Correction, "correction"),
        (NoteKind::Clarification, "clarification"),
        (NoteKind::Update, "update"),
        (NoteKind::EditorsNote, "editors_note"),
    ];

    /// The kind named `name` in the format.
    pub fn from_name(name: &str) -> Option<NoteKind> {
        by_name(&NoteKind::ALL, name)
    }
}

/// The value a table of (value, name) pairs gives `name`.
fn by_name<T: Copy>(all: &[(T, &'static str)], name: &str) -> Option<T> {
    all.iter()
        .find(|(_, n)| *n == name)
        .map(|(value, _)| *value)
}

/// A footnote.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Footnote {
    pub id: Text,
    pub content: Inline,
}

/// A related-story card.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Related {
    pub headline: Text,
    pub url: Option<SafeUrl>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<Image>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<DocDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<Text>,
}

/// The comment count and where the comments are.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Comments {
    pub count: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<SafeUrl>,
}

/// Extra share parameters; the shared address is always the article's `url`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ShareParams {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<Text>,
    #[serde(skip_serializing_if = "is_empty")]
    pub hashtags: Rc<[Text]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<Text>,
}

/// Publisher audio offered with the article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AudioTrack {
    pub src: Option<SafeUrl>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration_seconds: Option<u64>,
}
