//! Native tests of the Markdown export (`reader::markdown`): what it writes is read back by a
//! CommonMark parser (pulldown-cmark, with GitHub's tables, strikethrough and footnotes) and must
//! give the article's headings, lists, links, quotes, tables and code — and no syntax the
//! document's text did not mean.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use article_reader::document::decode_str;
use article_reader::reader::i18n::{EN, FR};
use article_reader::reader::markdown::markdown;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag};

const DOC: &str = r##"{"version":"1","headline":"Count *ends* [soon]","lang":"en",
  "summary":["Officials said the # of ballots was 1. final"],
  "authors":[{"name":"Ada Writer"}],"published":"2026-12-01",
  "corrections":[{"kind":"correction","content":"An earlier version gave the wrong turnout."}],
  "body":[
    {"type":"heading","level":2,"content":"Where it stands"},
    {"type":"paragraph","content":[{"text":"Read "},{"text":"the results","href":"https://news.example/results?a=1&b=(2)"},{"text":" and "},{"text":"this","marks":["strong"]},{"text":" now.","marks":[]}]},
    {"type":"paragraph","content":"1. Not a list, - not a bullet, <b>not</b> HTML, *not* emphasis, [not](a link)."},
    {"type":"list","ordered":false,"items":["North",{"content":"South","items":["Islands","Coast"],"ordered":true},"East"]},
    {"type":"quote","content":"Every vote counts.","cite":"The chair"},
    {"type":"heading","level":3,"content":"Numbers"},
    {"type":"table","caption":"Turnout","head":[[{"content":"Region","header":true},{"content":"Share | %","header":true}]],"rows":[[{"content":"North"},{"content":"61"}]]},
    {"type":"code","language":"rust","content":"let fence = \"```\";\n    indented();"},
    {"type":"paragraph","content":[{"text":"A claim"},{"text":"1","note":"n1"},{"text":"."}]}
  ],
  "notes":[{"id":"n1","content":"The source of the claim."}]
}"##;

/// What a CommonMark reader finds in `md`.
#[derive(Default, Debug)]
struct Read {
    headings: Vec<(u8, String)>,
    items: Vec<String>,
    links: Vec<(String, String)>,
    quotes: Vec<String>,
    paragraphs: Vec<String>,
    cells: Vec<String>,
    code: Vec<(String, String)>,
    emphasis: Vec<String>,
    html: usize,
    footnote_refs: Vec<String>,
}

fn read(md: &str) -> Read {
    let mut options = Options::empty();
    options
        .insert(Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES);
    let mut out = Read::default();
    let mut stack: Vec<(Tag, String)> = Vec::new();
    // Items in the order they start (a nested list's items come after their parent's).
    let mut open_items: Vec<usize> = Vec::new();
    for event in Parser::new_ext(md, options) {
        match event {
            Event::Start(tag) => {
                if matches!(tag, Tag::Item) {
                    open_items.push(out.items.len());
                    out.items.push(String::new());
                }
                stack.push((tag, String::new()))
            }
            Event::End(end) => {
                let (tag, text) = stack.pop().expect("balanced");
                let text = text.trim().to_owned();
                match (&tag, end) {
                    (Tag::Heading { level, .. }, _) => {
                        out.headings.push((heading(*level), text.clone()))
                    }
                    (Tag::Item, _) => {
                        let at = open_items.pop().expect("an open item");
                        let first = text.lines().map(str::trim).find(|l| !l.is_empty());
                        out.items[at] = first.unwrap_or_default().to_owned();
                    }
                    (Tag::Link { dest_url, .. }, _) => {
                        out.links.push((dest_url.to_string(), text.clone()))
                    }
                    (Tag::BlockQuote(_), _) => out.quotes.push(squash(&text)),
                    (Tag::Paragraph, _) => out.paragraphs.push(squash(&text)),
                    (Tag::TableCell, _) => out.cells.push(text.clone()),
                    (Tag::CodeBlock(pulldown_cmark::CodeBlockKind::Fenced(lang)), _) => {
                        out.code.push((lang.to_string(), text.clone()))
                    }
                    (Tag::Emphasis | Tag::Strong, _) => out.emphasis.push(text.clone()),
                    _ => {}
                }
                // What a container holds is part of its parent's text too.
                if let Some((_, parent)) = stack.last_mut() {
                    parent.push('\n');
                    parent.push_str(&text);
                    parent.push('\n');
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, current)) = stack.last_mut() {
                    current.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some((_, current)) = stack.last_mut() {
                    current.push('\n');
                }
            }
            Event::Html(_) | Event::InlineHtml(_) => out.html += 1,
            Event::FootnoteReference(label) => out.footnote_refs.push(label.to_string()),
            _ => {}
        }
    }
    out
}

/// Text with its line breaks and runs of spaces as single spaces (the harness adds breaks
/// around nested elements).
fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn heading(level: HeadingLevel) -> u8 {
    level as u8
}

fn export(doc: &str) -> String {
    let article = decode_str(doc, Some("https://news.example/"))
        .expect("valid")
        .article;
    markdown(&article, &EN)
}

#[test]
fn headings_lists_links_and_quotes_read_back_as_the_article_has_them() {
    let md = export(DOC);
    let read = read(&md);
    assert_eq!(
        read.headings,
        [
            (1, "Count *ends* [soon]".to_owned()),
            (2, "Where it stands".to_owned()),
            (3, "Numbers".to_owned())
        ],
        "{md}"
    );
    assert_eq!(
        read.items,
        ["North", "South", "Islands", "Coast", "East"],
        "{md}"
    );
    assert!(
        read.links.contains(&(
            "https://news.example/results?a=1&b=(2)".to_owned(),
            "the results".to_owned()
        )),
        "{md}"
    );
    assert!(
        read.quotes
            .iter()
            .any(|q| q == "Every vote counts. — The chair"),
        "{read:?}"
    );
    assert!(
        read.quotes
            .iter()
            .any(|q| q.starts_with("Correction An earlier version")),
        "{read:?}"
    );
    assert!(read.emphasis.contains(&"this".to_owned()));
}

#[test]
fn the_documents_text_never_becomes_syntax() {
    let md = export(DOC);
    let read = read(&md);
    assert_eq!(read.html, 0, "{md}");
    assert!(
        read.paragraphs.contains(
            &"1. Not a list, - not a bullet, <b>not</b> HTML, *not* emphasis, [not](a link)."
                .to_owned()
        ),
        "{md}"
    );
    assert!(
        read.paragraphs
            .contains(&"Officials said the # of ballots was 1. final".to_owned()),
        "{md}"
    );
    // Only the one link the document has, and no emphasis it did not mark.
    assert_eq!(read.links.len(), 1, "{md}");
    assert!(read.emphasis.contains(&"this".to_owned()), "{md}");
    assert!(!read.emphasis.contains(&"not".to_owned()), "{md}");
}

#[test]
fn tables_code_and_footnotes_come_through() {
    let md = export(DOC);
    let read = read(&md);
    assert_eq!(read.cells, ["Region", "Share | %", "North", "61"], "{md}");
    assert_eq!(
        read.code,
        [(
            "rust".to_owned(),
            "let fence = \"```\";\n    indented();".to_owned()
        )],
        "{md}"
    );
    assert_eq!(read.footnote_refs, ["n1"], "{md}");
    assert!(md.contains("[^n1]: The source of the claim."), "{md}");
}

#[test]
fn labels_speak_the_table_given() {
    let article = decode_str(DOC, Some("https://news.example/"))
        .expect("valid")
        .article;
    let md = markdown(&article, &FR);
    assert!(md.contains("> **Correction** An earlier version"), "{md}");
    let note = r#"{"version":"1","headline":"H","body":[{"type":"note","kind":"update","content":"Later."}]}"#;
    let article = decode_str(note, Some("https://news.example/"))
        .expect("valid")
        .article;
    assert!(markdown(&article, &FR).contains("> **Mise à jour** Later."));
}
