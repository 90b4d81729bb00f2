//! Natively, the text elements of §7 — tables, code, boxes, details, notes, corrections,
//! footnotes and nested lists — as format v1 reads them (with their bounds and warnings) and as
//! the renderer draws them.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use article_reader::core::model::{AsideKind, Block, NoteKind};
use article_reader::document::{decode_str, Decoded, MAX_NESTING, MAX_TABLE_CELLS};
use article_reader::reader::i18n::{table, Ui};
use article_reader::view::render::article_html;

const BASE: &str = "https://news.example/api/";

fn doc(body: &str, extra: &str) -> String {
    format!(r#"{{"version":"1","headline":"H","lang":"en"{extra},"body":[{body}]}}"#)
}

fn decode(body: &str, extra: &str) -> Decoded {
    decode_str(&doc(body, extra), Some(BASE)).unwrap_or_else(|e| panic!("{e}"))
}

fn html(decoded: &Decoded, ui_lang: &str) -> String {
    let ui = Ui::new(table(ui_lang).unwrap(), Some(&decoded.article.lang));
    article_html(&decoded.article, &ui, "w1")
}

fn warned(decoded: &Decoded, path: &str) -> bool {
    decoded.warnings.iter().any(|w| w.path == path)
}

#[test]
fn the_fixture_reads_without_a_warning_and_keeps_every_element() {
    let text = std::fs::read_to_string("tests/fixtures/rich-text.json").unwrap();
    let decoded = decode_str(&text, Some(BASE)).unwrap();
    assert!(decoded.warnings.is_empty(), "{:?}", decoded.warnings);
    let a = &decoded.article;
    assert_eq!(a.corrections.len(), 1);
    assert_eq!(a.corrections[0].kind, NoteKind::Correction);
    assert_eq!(a.notes.len(), 2);
    let kinds: Vec<&str> = a.body.iter().map(Block::type_name).collect();
    assert_eq!(
        kinds,
        [
            "paragraph",
            "table",
            "aside",
            "code",
            "details",
            "note",
            "paragraph"
        ]
    );
}

#[test]
fn a_table_has_its_caption_sections_header_scopes_spans_and_its_own_scrolling_region() {
    let d = decode(
        r#"{"type":"table","caption":"Results","head":[["Region","Share"]],
            "rows":[[{"content":"North","header":true},{"content":"61%","align":"end"}],
                    [{"content":"wide","colspan":2}]],
            "foot":[["All","60%"]]}"#,
        "",
    );
    let out = html(&d, "en");
    assert!(out.contains(r#"<div class="table-scroll" role="region" tabindex="0" aria-labelledby="w1-table-0" data-block="0" data-listen="Table: Results"><table><caption id="w1-table-0">Results</caption>"#), "{out}");
    assert!(out.contains(
        r#"<thead><tr><th scope="col">Region</th><th scope="col">Share</th></tr></thead>"#
    ));
    assert!(out.contains(r#"<tr data-listen="Region: North; Share: 61%"><th scope="row">North</th><td class="align-end">61%</td></tr>"#));
    assert!(out.contains(r#"<td colspan="2">wide</td>"#));
    assert!(out.contains(
        r#"<tfoot><tr data-listen="Region: All; Share: 60%"><td>All</td><td>60%</td></tr></tfoot>"#
    ));
}

#[test]
fn a_table_without_a_caption_is_named_table_in_the_ui_language() {
    let d = decode(r#"{"type":"table","rows":[["a","b"]]}"#, "");
    let out = html(&d, "de");
    assert!(out.contains(r#"aria-labelledby="w1-table-0" data-block="0" data-listen="Tabelle"><span id="w1-table-0" lang="de" hidden="">Tabelle</span>"#), "{out}");
}

#[test]
fn spans_and_cells_are_bounded_with_warnings_never_an_error() {
    let d = decode(
        r#"{"type":"table","rows":[[{"content":"x","colspan":1000000000,"rowspan":0}]]}"#,
        "",
    );
    let Block::Table { table } = &d.article.body[0] else {
        panic!()
    };
    assert_eq!(table.rows[0][0].colspan, 1000);
    assert_eq!(table.rows[0][0].rowspan, 1);
    assert!(warned(&d, "body[0].rows[0][0].colspan"));
    assert!(warned(&d, "body[0].rows[0][0].rowspan"));

    // 100,000 cells: 10,000 rows of 10. The rows past the cell limit are left out.
    let row = format!("[{}]", ["\"c\""; 10].join(","));
    let rows = vec![row; 10_000].join(",");
    let d = decode(&format!(r#"{{"type":"table","rows":[{rows}]}}"#), "");
    let Block::Table { table } = &d.article.body[0] else {
        panic!()
    };
    let cells: usize = table.rows.iter().map(|r| r.len()).sum();
    assert_eq!(cells, MAX_TABLE_CELLS);
    assert!(warned(
        &d,
        &format!("body[0].rows[{}]", MAX_TABLE_CELLS / 10)
    ));
}

#[test]
fn code_is_kept_exactly_and_announced_to_listeners() {
    let d = decode(
        r#"{"type":"code","language":"rust","content":"fn main() {\n\tlet x = \"<b>\";\n}\n"}"#,
        "",
    );
    let out = html(&d, "fr");
    assert!(
        out.contains("<pre><code data-language=\"rust\">fn main() {\n\tlet x = \"&lt;b&gt;\";\n}\n</code></pre>"),
        "{out}"
    );
    assert!(out.contains(r#"data-listen="Exemple de code, passé.""#));
    assert!(out.contains(r#"<button type="button" class="reader-button code-copy" data-action="copy-code" lang="fr">Copier le code</button>"#));
    assert!(out.contains(r#"<span id="w1-code-0" lang="fr" hidden="">Exemple de code</span>"#));
}

#[test]
fn boxes_are_named_by_title_or_kind_and_never_hold_a_box() {
    let d = decode(
        r#"{"type":"aside","kind":"key_points","blocks":[{"type":"paragraph","content":"p"},
            {"type":"aside","blocks":[{"type":"paragraph","content":"inner"}]}]},
           {"type":"aside","kind":"nonsense","title":"About this data","blocks":[]}"#,
        "",
    );
    let Block::Aside { kind, blocks, .. } = &d.article.body[0] else {
        panic!()
    };
    assert_eq!(*kind, Some(AsideKind::KeyPoints));
    assert_eq!(blocks.len(), 1, "the box inside the box is skipped");
    assert!(warned(&d, "body[0].blocks[1]"));
    assert!(warned(&d, "body[1].kind"));
    let out = html(&d, "es");
    assert!(out.contains(r#"<aside class="box box-key-points" data-block="0" aria-labelledby="w1-box-0"><p class="box-title" id="w1-box-0" lang="es" dir="ltr">Puntos clave</p><p data-block="0.0">p</p></aside>"#), "{out}");
    assert!(out.contains(r#"<p class="box-title" id="w1-box-1">About this data</p>"#));
    assert!(!out.contains("inner"));
}

#[test]
fn details_and_notes_draw_with_the_ui_words() {
    let d = decode(
        r#"{"type":"details","summary":"Method","blocks":[{"type":"paragraph","content":"How"}]},
           {"type":"note","kind":"editors_note","content":"N"},
           {"type":"note","kind":"retraction","content":"R"}"#,
        r#","corrections":[{"kind":"clarification","content":"C"}]"#,
    );
    assert!(warned(&d, "body[2].kind"));
    let out = html(&d, "pt");
    assert!(out.contains(r#"<details class="details" data-block="0"><summary>Method</summary><p data-block="0.0">How</p></details>"#), "{out}");
    assert!(out.contains(r#"<div class="note note-editors" data-block="1"><p class="note-label"><strong lang="pt" dir="ltr">Nota do editor</strong></p><p class="note-text">N</p></div>"#), "{out}");
    assert!(out.contains(r#"<section class="corrections" aria-labelledby="w1-corrections" data-block="corrections"><span id="w1-corrections" lang="pt" hidden="">Correções e atualizações</span><div class="note note-clarification"><p class="note-label"><strong lang="pt" dir="ltr">Esclarecimento</strong>"#), "{out}");
}

#[test]
fn footnotes_are_numbered_links_with_a_way_back_and_ids_of_the_widget_only() {
    let d = decode(
        r#"{"type":"paragraph","content":["a",{"text":"*","note":"main"},"b",{"text":"x","note":"missing"}]},
           {"type":"paragraph","content":[{"text":"again","note":"main"}]}"#,
        r#","notes":[{"id":"main","content":"The note."},{"id":"main","content":"dup"},{"id":"unused","content":"U"}]"#,
    );
    assert!(warned(&d, "body[0].content[3].note"), "{:?}", d.warnings);
    assert!(warned(&d, "notes[1].id"));
    assert_eq!(d.article.notes.len(), 2);
    let out = html(&d, "en");
    // The first reference carries the id the back link returns to; the second does not.
    assert!(out.contains(r##"<sup class="note-ref"><a id="w1-ref-1" tabindex="-1" href="#w1-note-1" data-action="note-ref" aria-label="Note 1">1</a></sup>"##), "{out}");
    assert!(out.contains(r##"<p data-block="1"><sup class="note-ref"><a href="#w1-note-1" data-action="note-ref" aria-label="Note 1">1</a></sup></p>"##), "{out}");
    assert!(out.contains(r##"<li id="w1-note-1" tabindex="-1">The note. <a class="note-back" href="#w1-ref-1" data-action="note-back" aria-label="Back to text">↩</a></li>"##));
    // A note nobody refers to has no way back; a reference to a missing note is its text.
    assert!(out.contains(r#"<li id="w1-note-2" tabindex="-1">U</li>"#));
    assert!(out.contains("bx</p>"));
    // The document's ids never become element ids.
    assert!(!out.contains("id=\"main\"") && !out.contains("note-main"));
}

#[test]
fn nested_lists_nest_and_stop_at_the_bound() {
    let d = decode(
        r#"{"type":"list","items":["one",{"content":"two","items":["a",{"content":"b","items":["i"]}],"ordered":true}]}"#,
        "",
    );
    let out = html(&d, "en");
    assert!(out.contains(r#"<ul data-block="0"><li>one</li><li>two<ol><li>a</li><li>b<ul><li>i</li></ul></li></ol></li></ul>"#), "{out}");

    // Nesting deeper than the bound: the deepest part is skipped with a warning.
    let mut item = r#""leaf""#.to_owned();
    for _ in 0..MAX_NESTING + 3 {
        item = format!(r#"{{"content":"x","items":[{item}]}}"#);
    }
    let d = decode(&format!(r#"{{"type":"list","items":[{item}]}}"#), "");
    assert!(d.warnings.iter().any(|w| w.message.contains("levels deep")));
    assert!(!html(&d, "en").contains("leaf"));

    let mut boxed = r#"{"type":"paragraph","content":"deep"}"#.to_owned();
    for _ in 0..MAX_NESTING + 3 {
        boxed = format!(r#"{{"type":"details","summary":"s","blocks":[{boxed}]}}"#);
    }
    let d = decode(&boxed, "");
    assert!(d.warnings.iter().any(|w| w.message.contains("levels deep")));
}

#[test]
fn hostile_text_in_every_new_field_stays_text() {
    let x = r#"<img src=x onerror=alert(1)>"#;
    let d = decode(
        &format!(
            r#"{{"type":"table","caption":"{x}","head":[["{x}"]],"rows":[[{{"content":"{x}","header":true}}]]}},
               {{"type":"code","language":"\"><script>","content":"{x}","caption":"{x}"}},
               {{"type":"aside","title":"{x}","blocks":[{{"type":"paragraph","content":"{x}"}}]}},
               {{"type":"details","summary":"{x}","blocks":[]}},
               {{"type":"note","kind":"update","content":"{x}"}},
               {{"type":"paragraph","content":[{{"text":"{x}","note":"\"><b id=host>"}}]}}"#,
            x = x.replace('"', "\\\"")
        ),
        &format!(
            r#","notes":[{{"id":"\"><b id=host>","content":"{x}"}}],"corrections":[{{"kind":"correction","content":"{x}"}}]"#,
            x = x.replace('"', "\\\"")
        ),
    );
    let out = html(&d, "en");
    assert!(
        !out.contains("<img src=x") && !out.contains("<script>") && !out.contains("<b id"),
        "{out}"
    );
    assert!(out.matches("&lt;img").count() >= 9, "{out}");
}

#[test]
fn an_arabic_article_gets_the_arabic_words_and_its_own_direction() {
    let text = r#"{"version":"1","headline":"ع","lang":"ar","body":[
        {"type":"aside","kind":"explainer","blocks":[]},
        {"type":"table","rows":[["أ","ب"]]},
        {"type":"paragraph","content":["نص",{"text":"1","note":"n"}]}],
        "notes":[{"id":"n","content":"حاشية"}]}"#;
    let d = decode_str(text, Some(BASE)).unwrap();
    let out = html(&d, "ar");
    assert!(out.contains(r#"<article class="article" part="article" lang="ar" dir="rtl">"#));
    assert!(out.contains(">شرح</p>"), "{out}");
    assert!(out.contains(r#"data-listen="جدول""#));
    assert!(out.contains(r#"aria-label="الحاشية 1""#));
    assert!(out.contains(r#"<h2 id="w1-notes">الحواشي</h2>"#), "{out}");
    assert!(out.contains(r#"aria-label="العودة إلى النص""#));
}

#[test]
fn publishers_html_tables_code_details_and_boxes_become_the_same_blocks_bounded() {
    use article_reader::document::html;
    let row = format!("<tr>{}</tr>", "<td>c</td>".repeat(10));
    let markup = format!(
        "<table>{}</table><pre>  kept\n\tas is</pre>",
        row.repeat(10_000)
    );
    let blocks = html::to_blocks(&html::parse(&markup).unwrap(), Some(BASE));
    let Block::Table { table } = &blocks[0] else {
        panic!("{:?}", blocks[0].type_name())
    };
    let cells: usize = table.rows.iter().map(|r| r.len()).sum();
    assert_eq!(cells, MAX_TABLE_CELLS);
    assert!(matches!(&blocks[1], Block::Code { content, .. } if &**content == "  kept\n\tas is"));

    // Details and boxes nest to the bound, then their content flows where it is.
    let deep = format!(
        "{}<p>deepest</p>{}",
        "<details><summary>s</summary>".repeat(MAX_NESTING + 4),
        "</details>".repeat(MAX_NESTING + 4)
    );
    let blocks = html::to_blocks(&html::parse(&deep).unwrap(), Some(BASE));
    fn depth(blocks: &[Block]) -> usize {
        blocks
            .iter()
            .map(|b| match b {
                Block::Details { blocks, .. } | Block::Aside { blocks, .. } => 1 + depth(blocks),
                _ => 0,
            })
            .max()
            .unwrap_or(0)
    }
    assert_eq!(depth(&blocks), MAX_NESTING);
    let text = serde_json::to_string(&blocks).unwrap();
    assert!(text.contains("deepest"), "the text is kept");
}

#[test]
fn footnotes_in_a_wordpress_post_become_the_article_s_notes() {
    let post = r##"{"title":{"rendered":"Turnout rose"},"content":{"rendered":
        "<p>Turnout rose<sup data-fn=\"a1\" class=\"fn\"><a href=\"#a1\" id=\"a1-link\">1</a></sup> and so did <a href=\"#b2\">trust</a>.</p><p>A jump to <a href=\"#top\">the top</a>.</p><ol class=\"wp-block-footnotes\"><li id=\"a1\">Commission figures. <a href=\"#a1-link\" aria-label=\"Jump to footnote reference 1\">↩︎</a></li><li id=\"b2\">Survey of May. <a href=\"#b2-link\">↩︎</a></li></ol>"}}"##;
    let d = decode_str(post, Some(BASE)).unwrap();
    let notes: Vec<(&str, String)> = d
        .article
        .notes
        .iter()
        .map(|n| (&*n.id, n.content.plain_text()))
        .collect();
    assert_eq!(
        notes,
        [
            ("a1", "Commission figures.".to_owned()),
            ("b2", "Survey of May.".to_owned())
        ]
    );
    assert_eq!(
        d.article.body.len(),
        2,
        "the notes are not a list in the body"
    );
    let out = html(&d, "en");
    assert!(out.contains(r##"<a id="w1-ref-1" tabindex="-1" href="#w1-note-1" data-action="note-ref" aria-label="Note 1">1</a>"##), "{out}");
    assert!(out.contains(r##"aria-label="Note 2">2</a>"##));
    // A link within the page that is no footnote is its text, never a link to the publisher.
    assert!(out.contains("A jump to the top."), "{out}");
    assert!(!out.contains("news.example/api/#"));
    assert!(!out.contains("↩︎"));
}
