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

fn kinds(d: &Decoded) -> Vec<&'static str> {
    d.article.body.iter().map(Block::type_name).collect()
}

#[test]
fn ans_tables_code_corrections_link_lists_and_element_groups() {
    let story = r#"{"type":"story","_id":"S1","headlines":{"basic":"Results"},"content_elements":[
        {"type":"table","header":[{"type":"text","content":"Region"},{"type":"text","content":"Turnout"}],
         "rows":[[{"type":"text","content":"North"},{"type":"text","content":"<b>61%</b>"}],
                 [{"type":"text","content":"South"},{"type":"text","content":"58%"}]]},
        {"type":"code","language":"python","content":"for r in rows:\n    print(r)\n"},
        {"type":"correction","correction_type":"clarification","text":"An earlier version misnamed the &quot;North&quot; region."},
        {"type":"correction","text":"The turnout was 61%, not 16%."},
        {"type":"link_list","title":"More on the vote","items":[
            {"type":"interstitial_link","content":"How counting works","url":"https://news.example/count"},
            {"type":"interstitial_link","content":"Live results"}]},
        {"type":"element_group","content_elements":[
            {"type":"text","content":"Inside a group."},
            {"type":"element_group","content_elements":[{"type":"text","content":"Deeper still."}]}]}
    ]}"#;
    let d = decode_str(story, Some(BASE)).unwrap();
    assert_eq!(
        kinds(&d),
        ["table", "code", "aside", "paragraph", "paragraph"]
    );
    let Block::Table { table } = &d.article.body[0] else {
        panic!()
    };
    assert_eq!(table.head.len(), 1);
    assert!(table.head[0].iter().all(|c| c.header));
    assert_eq!(table.rows.len(), 2);
    assert_eq!(table.rows[0][1].content.plain_text(), "61%");
    assert!(
        matches!(&d.article.body[1], Block::Code { content, language: Some(l), .. }
        if &**content == "for r in rows:\n    print(r)" && &**l == "python")
    );
    let corrections: Vec<(NoteKind, String)> = d
        .article
        .corrections
        .iter()
        .map(|n| (n.kind, n.content.plain_text()))
        .collect();
    assert_eq!(
        corrections,
        [
            (
                NoteKind::Clarification,
                "An earlier version misnamed the \"North\" region.".to_owned()
            ),
            (
                NoteKind::Correction,
                "The turnout was 61%, not 16%.".to_owned()
            )
        ]
    );
    let out = html(&d, "en");
    assert!(out.contains("Clarification"), "{out}");
    assert!(
        !out.contains("<p>The turnout was 61%"),
        "a correction is not a paragraph"
    );
    let Block::Aside { title, blocks, .. } = &d.article.body[2] else {
        panic!()
    };
    assert_eq!(title.as_ref().unwrap().plain_text(), "More on the vote");
    assert!(
        out.contains(r#"href="https://news.example/count""#),
        "{out}"
    );
    assert!(matches!(&blocks[0], Block::List { items, .. } if items.len() == 2));
}

#[test]
fn ghost_callout_toggle_and_code_cards() {
    let post = r#"{"posts":[{"id":"g1","uuid":"u","title":"Polling day","html":
        "<div class=\"kg-card kg-callout-card kg-callout-card-accent\"><div class=\"kg-callout-emoji\">💡</div><div class=\"kg-callout-text\">Polls close at 8 pm.</div></div><div class=\"kg-card kg-toggle-card\" data-kg-toggle-state=\"close\"><div class=\"kg-toggle-heading\"><h4 class=\"kg-toggle-heading-text\">Who can vote?</h4><button class=\"kg-toggle-card-icon\" aria-label=\"Expand\"><svg></svg></button></div><div class=\"kg-toggle-content\"><p>Anyone on the register.</p></div></div><figure class=\"kg-card kg-code-card\"><pre><code class=\"language-bash\">curl -s results.json \\\n  | jq .north</code></pre><figcaption><p>Fetching the figures</p></figcaption></figure>"}]}"#;
    let d = decode_str(post, Some(BASE)).unwrap();
    assert_eq!(kinds(&d), ["aside", "details", "code"]);
    assert!(
        matches!(&d.article.body[0], Block::Aside { kind: Some(AsideKind::Callout), blocks, .. }
        if serde_json::to_string(blocks).unwrap().contains("Polls close") && !serde_json::to_string(blocks).unwrap().contains("💡"))
    );
    assert!(
        matches!(&d.article.body[1], Block::Details { summary, .. } if summary.plain_text() == "Who can vote?")
    );
    assert!(
        matches!(&d.article.body[2], Block::Code { content, language: Some(l), caption: Some(c) }
        if content.contains("\\\n  | jq") && &**l == "bash" && c.plain_text() == "Fetching the figures")
    );
    let out = html(&d, "en");
    assert!(
        !out.contains("Expand"),
        "the card's own button is not the article's"
    );
    assert!(out.contains("Copy code"));
}

#[test]
fn apple_news_tables_asides_and_the_visible_title() {
    let doc = r#"{"version":"1.7","identifier":"story-2024-118","title":"story-2024-118","language":"en",
      "components":[
        {"role":"heading1","text":"Turnout rose in the north"},
        {"role":"body","text":"First paragraph."},
        {"role":"htmltable","html":"<table><thead><tr><th>Region</th><th>Turnout</th></tr></thead><tbody><tr><td>North</td><td>61%</td></tr></tbody></table><p>not a table</p>"},
        {"role":"datatable","showDescriptorLabels":true,
         "data":{"descriptors":[{"identifier":"r","dataType":"string","label":"Region"},{"identifier":"t","dataType":"number","label":{"type":"formatted_text","text":"Turnout"}}],
                 "records":[{"r":"North","t":61},{"r":"South","t":{"type":"formatted_text","text":"58"}}]}},
        {"role":"aside","components":[{"role":"heading2","text":"Key dates"},{"role":"body","text":"Counting ends Friday."},
            {"role":"aside","components":[{"role":"body","text":"Inner box."}]}]}
      ]}"#;
    let d = decode_str(doc, Some(BASE)).unwrap();
    assert_eq!(&*d.article.headline, "Turnout rose in the north");
    assert_eq!(kinds(&d), ["paragraph", "table", "table", "aside"]);
    let Block::Table { table } = &d.article.body[2] else {
        panic!()
    };
    let head: Vec<String> = table.head[0]
        .iter()
        .map(|c| c.content.plain_text())
        .collect();
    assert_eq!(head, ["Region", "Turnout"]);
    let rows: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|r| r.iter().map(|c| c.content.plain_text()).collect())
        .collect();
    assert_eq!(rows, [["North", "61"], ["South", "58"]]);
    let Block::Aside { blocks, .. } = &d.article.body[3] else {
        panic!()
    };
    assert_eq!(
        blocks.iter().map(Block::type_name).collect::<Vec<_>>(),
        ["heading", "paragraph", "paragraph"],
        "no box in a box"
    );

    // A title component wins over the root title; a root title that reads as words stays.
    let titled = doc.replace(r#""role":"heading1""#, r#""role":"title""#);
    let d = decode_str(&titled, Some(BASE)).unwrap();
    assert_eq!(&*d.article.headline, "Turnout rose in the north");
    assert_eq!(kinds(&d)[0], "paragraph");
    let worded = doc.replace(
        r#""title":"story-2024-118""#,
        r#""title":"Turnout: the results""#,
    );
    let d = decode_str(&worded, Some(BASE)).unwrap();
    assert_eq!(&*d.article.headline, "Turnout: the results");
    assert_eq!(kinds(&d)[0], "heading");
}

#[test]
fn a_datatable_of_ninety_thousand_cells_is_bounded() {
    let descriptors: Vec<String> = (0..300)
        .map(|i| format!(r#"{{"identifier":"c{i}","label":"C{i}"}}"#))
        .collect();
    let record = format!(
        "{{{}}}",
        (0..300)
            .map(|i| format!(r#""c{i}":"v""#))
            .collect::<Vec<_>>()
            .join(",")
    );
    let doc = format!(
        r#"{{"title":"T","components":[{{"role":"datatable","data":{{"descriptors":[{}],"records":[{}]}}}}]}}"#,
        descriptors.join(","),
        vec![record; 300].join(",")
    );
    let d = decode_str(&doc, Some(BASE)).unwrap();
    let Block::Table { table } = &d.article.body[0] else {
        panic!()
    };
    let cells: usize = table
        .head
        .iter()
        .chain(table.rows.iter())
        .map(|r| r.len())
        .sum();
    assert!(cells <= MAX_TABLE_CELLS, "{cells}");
    assert!(warned(&d, "components[0]"), "{:?}", d.warnings);
}

#[test]
fn the_same_html_inside_json_feed_and_json_ld() {
    let markup = r#"<table><tr><th>Region</th><th>Turnout</th></tr><tr><td>North</td><td>61%</td></tr></table><pre><code class=\"language-js\">x = 1</code></pre><details><summary>Method</summary><p>Phone survey.</p></details>"#;
    let feed = format!(
        r#"{{"version":"https://jsonfeed.org/version/1.1","title":"F","items":[{{"id":"1","title":"Results","content_html":"{markup}"}}]}}"#
    );
    let ld = format!(
        r#"{{"@context":"https://schema.org","@type":"NewsArticle","headline":"Results","articleBody":"{markup}"}}"#
    );
    let d = decode_str(&feed, Some(BASE)).unwrap();
    assert_eq!(kinds(&d), ["table", "code", "details"]);
    let d = decode_str(&ld, Some(BASE)).unwrap();
    assert_eq!(kinds(&d), ["table", "code", "details"]);
}

/// Markup that has broken HTML sanitizers (event handlers, `javascript:`, frames, mutation XSS
/// through `noscript`, `math`/`svg` and `style` parsing differences, entity tricks).
const XSS: [&str; 12] = [
    r#"<img src=x onerror=alert(1)>"#,
    r#"<script>alert(1)</script>"#,
    r#"<svg onload=alert(1)><script>alert(2)</script></svg>"#,
    r#"<a href="javascript:alert(1)">j</a>"#,
    r#"<a href="JaVa&#x09;ScRiPt:alert(1)">k</a>"#,
    r#"<iframe srcdoc="<script>alert(1)</script>"></iframe>"#,
    r#"<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>"#,
    r#"<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>"#,
    r#"<style>*{background:url(javascript:alert(1))}</style>"#,
    r#"&lt;img src=x onerror=alert(1)&gt;"#,
    r#"<details open ontoggle=alert(1)><summary>s</summary>d</details>"#,
    r#"<p style="behavior:url(x)" onclick="alert(1)" id="host-nav">p</p>"#,
];

#[test]
fn hostile_markup_in_publishers_tables_captions_code_and_footnotes_stays_text() {
    let mut content = String::new();
    for (i, x) in XSS.iter().enumerate() {
        content.push_str(&format!(
            r##"<figure class="wp-block-table"><table><caption>{x}</caption><tr><th scope="{x}" colspan="1000000000">{x}</th><td rowspan="-5">{x}<a href="#n{i}">{i}</a></td></tr></table><figcaption>{x}</figcaption></figure><pre><code class="language-{x}">{x}</code></pre><ul><li>{x}<ul><li>{x}</li></ul></li></ul>"##
        ));
    }
    // Footnotes whose ids are the host page's and other widgets' (`main`, `w1-note-1`) and
    // markup; a reference to a note that is not there.
    content.push_str(r##"<p>See<a href="#main">a</a><a href="#w1-note-1">b</a><a href="#nowhere">c</a></p><ol class="wp-block-footnotes"><li id="main">First <img src=x onerror=alert(1)> <a href="#r">↩</a></li><li id="w1-note-1">Second <a href="#r">↩</a></li>"##);
    for (i, x) in XSS.iter().enumerate() {
        content.push_str(&format!(r##"<li id="n{i}">{x} <a href="#r">↩</a></li>"##));
    }
    content.push_str("</ol>");
    let post = serde_json::json!({
        "title": {"rendered": "Hostile"},
        "content": {"rendered": content}
    })
    .to_string();
    let d = decode_str(&post, Some(BASE)).unwrap();
    assert!(d
        .article
        .body
        .iter()
        .any(|b| matches!(b, Block::Table { .. })));
    // Notes with text are kept (one of markup alone has none, and its references are text).
    let ids: Vec<&str> = d.article.notes.iter().map(|n| &*n.id).collect();
    assert_eq!(ids, ["main", "w1-note-1", "n3", "n4", "n6", "n9", "n11"]);
    for block in d.article.body.iter() {
        if let Block::Table { table } = block {
            for cell in table
                .head
                .iter()
                .chain(table.rows.iter())
                .flat_map(|r| r.iter())
            {
                assert!(cell.colspan <= 1000 && cell.rowspan >= 1);
            }
        }
        if let Block::Code { language, .. } = block {
            assert!(
                language.is_none(),
                "no markup is a language name: {language:?}"
            );
        }
    }
    let out = html(&d, "en");
    // Markup of the input never reaches the page: text is escaped, so every `<` in the output
    // opens one of the renderer's own tags; none is the input's, none has its attributes.
    for tag in out.split('<').skip(1) {
        let tag = &tag[..tag.find('>').unwrap()];
        let name = tag
            .trim_start_matches('/')
            .split([' ', '/'])
            .next()
            .unwrap();
        assert!(
            !["img", "script", "svg", "iframe", "math", "style", "noscript", "mglyph"]
                .contains(&name),
            "<{tag}>"
        );
        // Attribute names: what stands before `=` outside the (always double-quoted) values.
        let names = tag
            .split('"')
            .step_by(2)
            .flat_map(|outside| outside.split(' ').skip(1).map(|a| a.trim_end_matches('=')));
        for attribute in names.filter(|a| !a.is_empty()) {
            assert!(
                !attribute.starts_with("on")
                    && !["style", "srcdoc", "title", "open"].contains(&attribute),
                "<{tag}>"
            );
        }
        assert!(!tag.to_ascii_lowercase().contains("javascript"), "<{tag}>");
    }
    // Every element id is the widget's own.
    for (i, _) in out.match_indices(" id=\"") {
        let id = &out[i + 5..];
        assert!(id.starts_with("w1-"), "{}", &id[..id.find('"').unwrap()]);
    }
    assert!(
        out.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "escaped text stays readable"
    );
}

#[test]
fn lists_nested_a_thousand_deep_in_html_stop_at_the_bound_and_keep_their_text() {
    use article_reader::document::html;
    let deep = format!(
        "{}deepest{}",
        "<ul><li>x".repeat(1000),
        "</li></ul>".repeat(1000)
    );
    let blocks = html::to_blocks(&html::parse(&deep).unwrap(), Some(BASE));
    fn depth(items: &[article_reader::core::model::ListItem]) -> usize {
        items.iter().map(|i| 1 + depth(&i.items)).max().unwrap_or(0)
    }
    let Block::List { items, .. } = &blocks[0] else {
        panic!()
    };
    assert!(depth(items) <= MAX_NESTING + 1, "{}", depth(items));
    assert!(serde_json::to_string(&blocks).unwrap().contains("deepest"));
}
