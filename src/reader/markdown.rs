//! An article as Markdown (CommonMark with GitHub's tables, strikethrough and footnotes), for
//! "Download" in the library: what a reader takes to a notes app or another reader. Written from
//! the checked model, never from HTML; every piece of the document's text is escaped, so no text
//! becomes Markdown syntax it did not mean, and only addresses the URL policy accepted are
//! written. The few labels it needs (a note's kind, a box's) come from the UI table given.

use crate::core::model::{Article, Block, Image, Inline, ListItem, Mark, Note, Run, Table};
use crate::core::url_policy::SafeUrl;
use crate::reader::i18n::Words;

/// The whole article: headline, summary, byline and date as written, lead picture, corrections,
/// body, and the footnotes at the end.
pub fn markdown(article: &Article, words: &Words) -> String {
    let mut out = Out::default();
    out.block(&format!("# {}", text(&article.headline)));
    if !article.summary.is_empty() {
        let summary: Vec<String> = article.summary.iter().map(inline).collect();
        out.block(&summary.join("\n\n"));
    }
    let mut byline: Vec<String> = article.authors.iter().map(|a| text(&a.name)).collect();
    if let Some(published) = &article.published {
        byline.push(text(published.text()));
    }
    if !byline.is_empty() {
        out.block(&byline.join(" · "));
    }
    if let Some(image) = &article.lead_image {
        out.image(image);
    }
    for note in article.corrections.iter() {
        out.block(&quoted(&note_text(note, words)));
    }
    for block in article.body.iter() {
        out.body_block(block, words);
    }
    for note in article.notes.iter() {
        out.block(&format!(
            "[^{}]: {}",
            footnote_id(&note.id),
            inline(&note.content)
        ));
    }
    out.text
}

/// Blocks separated by blank lines.
#[derive(Default)]
struct Out {
    text: String,
}

impl Out {
    fn block(&mut self, markdown: &str) {
        if markdown.trim().is_empty() {
            return;
        }
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        self.text.push_str(markdown.trim_end());
    }

    fn image(&mut self, image: &Image) {
        if let Some(src) = &image.src {
            self.block(&format!("![{}]({})", text(&image.alt), destination(src)));
        }
        let mut caption = image.caption.as_ref().map(inline).unwrap_or_default();
        if let Some(credit) = &image.credit {
            if !caption.is_empty() {
                caption.push_str(" — ");
            }
            caption.push_str(&text(&credit.text));
        }
        if !caption.is_empty() {
            self.block(&format!("*{}*", caption.trim()));
        }
    }

    fn body_block(&mut self, block: &Block, words: &Words) {
        match block {
            Block::Paragraph { content } => self.block(&inline(content)),
            Block::Heading { level, content } => {
                let level = (*level).clamp(2, 6) as usize;
                self.block(&format!("{} {}", "#".repeat(level), inline(content)));
            }
            Block::Image { image } => self.image(image),
            Block::Quote { content, cite, .. } => {
                let mut quote = inline(content);
                if let Some(cite) = cite {
                    quote.push_str(&format!("\n\n— {}", text(cite)));
                }
                self.block(&quoted(&quote));
            }
            Block::List { ordered, items } => self.block(&list(*ordered, items, 0)),
            Block::RelatedLink { headline, url, .. } => {
                self.block(&link_or_text(headline, url.as_ref()))
            }
            Block::Divider => self.block("---"),
            Block::Audio { src, title } => {
                if let Some(src) = src {
                    let title = title.as_deref().unwrap_or(src.as_str());
                    self.block(&link_or_text(title, Some(src)));
                }
            }
            Block::Embed {
                url,
                title,
                provider,
                ..
            } => {
                let name = title.as_deref().or(provider.as_deref()).unwrap_or_default();
                if let Some(url) = url {
                    self.block(&link_or_text(
                        if name.is_empty() { url.as_str() } else { name },
                        Some(url),
                    ));
                }
            }
            Block::Table { table } => self.block(&pipe_table(table)),
            Block::Code {
                content, language, ..
            } => self.block(&fenced(content, language.as_deref())),
            Block::Aside {
                kind,
                title,
                blocks,
            } => {
                let title = title
                    .as_ref()
                    .map_or_else(|| text(words.aside(*kind)), inline);
                self.block(&quoted(&nested(
                    &format!("**{}**", title.trim()),
                    blocks,
                    words,
                )));
            }
            Block::Details { summary, blocks } => {
                self.block(&nested(
                    &format!("**{}**", inline(summary).trim()),
                    blocks,
                    words,
                ));
            }
            Block::Note { note } => self.block(&quoted(&note_text(note, words))),
            Block::SocialPost { post } => {
                let mut quote = inline(&post.content);
                if let Some(author) = &post.author {
                    quote.push_str(&format!("\n\n— {}", text(&author.name)));
                }
                if let Some(url) = &post.url {
                    quote.push_str(&format!("\n\n{}", link_or_text(url.as_str(), Some(url))));
                }
                self.block(&quoted(&quote));
            }
            Block::Video { video } => {
                if let Some(poster) = &video.poster {
                    self.image(poster);
                }
                if let Some(source) = video.sources.first() {
                    let title = video.title.as_deref().unwrap_or(source.src.as_str());
                    self.block(&link_or_text(title, Some(&source.src)));
                }
            }
            Block::Gallery { gallery } => {
                for image in gallery.images.iter() {
                    self.image(image);
                }
                if let Some(caption) = &gallery.caption {
                    self.block(&format!("*{}*", inline(caption).trim()));
                }
            }
        }
    }
}

/// A heading line and the blocks under it, as one Markdown block.
fn nested(title: &str, blocks: &[Block], words: &Words) -> String {
    let mut inner = Out::default();
    inner.block(title);
    for block in blocks {
        inner.body_block(block, words);
    }
    inner.text
}

/// Every line behind `> ` (blank lines too, so the quote stays one).
fn quoted(markdown: &str) -> String {
    markdown
        .lines()
        .map(|line| {
            if line.is_empty() {
                ">".to_owned()
            } else {
                format!("> {line}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn note_text(note: &Note, words: &Words) -> String {
    let mut label = text(words.note(note.kind));
    if let Some(date) = &note.date {
        label.push_str(&format!(" ({})", text(date.text())));
    }
    format!("**{}** {}", label, inline(&note.content))
}

/// A list; nested lists are indented to their item's text, as CommonMark reads them.
fn list(ordered: bool, items: &[ListItem], indent: usize) -> String {
    let mut lines = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let marker = if ordered {
            format!("{}. ", i + 1)
        } else {
            "- ".to_owned()
        };
        let pad = " ".repeat(indent);
        let content = inline(&item.content);
        let mut first = true;
        for line in content.lines() {
            if first {
                lines.push(format!("{pad}{marker}{line}"));
                first = false;
            } else {
                lines.push(format!("{pad}{}{line}", " ".repeat(marker.len())));
            }
        }
        if first {
            lines.push(format!("{pad}{}", marker.trim_end()));
        }
        if !item.items.is_empty() {
            lines.push(list(item.ordered, &item.items, indent + marker.len()));
        }
    }
    lines.join("\n")
}

/// A table as a GitHub pipe table: the head's first row is its header (an empty header when the
/// table has none); cells that span are written once, pipes and line breaks inside cells escaped.
fn pipe_table(table: &Table) -> String {
    let cell = |content: &Inline| inline(content).replace('|', "\\|").replace('\n', " ");
    let rows: Vec<Vec<String>> = table
        .head
        .iter()
        .chain(table.rows.iter())
        .chain(table.foot.iter())
        .map(|row| row.iter().map(|c| cell(&c.content)).collect())
        .collect();
    let width = rows.iter().map(Vec::len).max().unwrap_or(0).max(1);
    let line = |cells: &[String]| {
        let mut padded: Vec<String> = cells.to_vec();
        padded.resize(width, String::new());
        format!("| {} |", padded.join(" | "))
    };
    let mut out = Vec::new();
    if let Some(caption) = &table.caption {
        out.push(format!("*{}*", inline(caption).trim()));
        out.push(String::new());
    }
    let body_start = if table.head.is_empty() {
        out.push(line(&[]));
        0
    } else {
        out.push(line(&rows[0]));
        1
    };
    out.push(format!("|{}", " --- |".repeat(width)));
    for row in rows.iter().skip(body_start) {
        out.push(line(row));
    }
    out.join("\n")
}

/// Code in a fence longer than any run of backticks inside it, kept exactly.
fn fenced(code: &str, language: Option<&str>) -> String {
    let longest = code.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest.max(2) + 1);
    let language: String = language
        .unwrap_or_default()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '_' | '.'))
        .collect();
    format!(
        "{fence}{language}\n{}\n{fence}",
        code.trim_end_matches('\n')
    )
}

fn link_or_text(label: &str, url: Option<&SafeUrl>) -> String {
    match url {
        Some(url) => format!("[{}]({})", text(label), destination(url)),
        None => text(label),
    }
}

/// An address as a link destination: in angle brackets when it holds what would end it.
fn destination(url: &SafeUrl) -> String {
    let url = url.as_str();
    if url.contains([' ', '(', ')', '<', '>']) {
        format!("<{}>", url.replace('<', "%3C").replace('>', "%3E"))
    } else {
        url.to_owned()
    }
}

/// Footnote labels may not hold spaces or brackets.
fn footnote_id(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// Inline content: marks as Markdown's (those it has: strong, emphasis, strikethrough, code),
/// links, footnote references, and every other character escaped.
fn inline(content: &Inline) -> String {
    let mut out = String::new();
    for run in content.0.iter() {
        out.push_str(&run_text(run));
    }
    escape_line_starts(&out)
}

fn run_text(run: &Run) -> String {
    if let Some(note) = &run.note {
        return format!("[^{}]", footnote_id(note));
    }
    let body = if run.marks.has(Mark::Code) {
        code_span(&run.text)
    } else {
        text(&run.text)
    };
    // Markers go round the words, the run's outer spaces outside them (CommonMark's rule).
    let trimmed = body.trim();
    if trimmed.is_empty() {
        return body;
    }
    let (lead, trail) = (
        &body[..body.len() - body.trim_start().len()],
        &body[body.trim_end().len()..],
    );
    let mut inner = trimmed.to_owned();
    for (mark, marker) in [(Mark::Strike, "~~"), (Mark::Em, "*"), (Mark::Strong, "**")] {
        if run.marks.has(mark) {
            inner = format!("{marker}{inner}{marker}");
        }
    }
    if let Some(href) = &run.href {
        inner = format!("[{inner}]({})", destination(href));
    }
    format!("{lead}{inner}{trail}")
}

fn code_span(code: &str) -> String {
    let longest = code.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let ticks = "`".repeat(longest + 1);
    let pad = if code.starts_with('`') || code.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{ticks}{pad}{code}{pad}{ticks}")
}

/// Document text with every character Markdown could read as syntax escaped.
fn text(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '!' | '~' | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A line of text that would start a list, a quote, a heading or a break ("1. ", "- ", "+ ",
/// "= ") has that character escaped.
fn escape_line_starts(markdown: &str) -> String {
    markdown
        .split('\n')
        .map(|line| {
            let trimmed = line.trim_start();
            let indent = &line[..line.len() - trimmed.len()];
            let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
            let after = trimmed[digits..].chars().next();
            if digits > 0 && matches!(after, Some('.' | ')')) {
                format!("{indent}{}\\{}", &trimmed[..digits], &trimmed[digits..])
            } else if trimmed.starts_with(['-', '+', '=']) {
                format!("{indent}\\{trimmed}")
            } else {
                line.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}
