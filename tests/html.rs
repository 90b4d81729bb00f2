//! The HTML allowlist, natively (html5ever): each case of `fixtures/html-cases.json` gives exactly
//! its blocks. `tests/web.rs` runs the same cases through the browser's DOMParser: one mapping,
//! two parsers, the same result.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use article_reader::document::html;

const BASE: Option<&str> = Some("https://news.example/2024/story/");

#[test]
fn every_case_gives_its_blocks() {
    let cases: Vec<serde_json::Value> =
        serde_json::from_str(include_str!("fixtures/html-cases.json")).unwrap();
    assert!(cases.len() >= 19);
    for case in cases {
        let markup = case["html"].as_str().unwrap();
        let nodes = html::parse(markup).unwrap();
        let blocks = serde_json::to_value(html::to_blocks(&nodes, BASE)).unwrap();
        assert_eq!(blocks, case["blocks"], "{markup}");
    }
}

#[test]
fn no_attribute_outside_the_allowlist_survives_parsing() {
    let nodes = html::parse(
        r#"<p onclick="x()" style="color:red" class="c" id="i"><a href="/a" onmouseover="x()" target="_top">a</a><img src="i.png" onerror="x()" srcset="j.png 2w"></p>"#,
    )
    .unwrap();
    fn walk(nodes: &[html::HtmlNode], seen: &mut Vec<String>) {
        for node in nodes {
            if let html::HtmlNode::Element {
                attrs, children, ..
            } = node
            {
                seen.extend(attrs.iter().map(|(name, _)| name.clone()));
                walk(children, seen);
            }
        }
    }
    let mut seen = Vec::new();
    walk(&nodes, &mut seen);
    // `id` is read only to match footnote references with their notes, `class` only to know
    // blocks by name.
    assert_eq!(seen, ["id", "class", "href", "src", "srcset"]);
}

#[test]
fn titles_and_names_become_plain_text() {
    let text = |markup: &str| html::to_text(&html::parse(markup).unwrap());
    assert_eq!(
        text("Caf&eacute; &#8211; <b>news</b> &amp; more"),
        "Café – news & more"
    );
    assert_eq!(text("<script>alert(1)</script>Safe"), "Safe");
    assert_eq!(text("  spaced \n out  "), "spaced out");
    assert_eq!(text("a<br>b"), "a b");
}

#[test]
fn the_first_pass_leaves_only_allowlisted_attributes_and_no_code_or_style() {
    use article_reader::document::html::prune::prune;
    let cases = [
        (
            r#"<p onclick="x()" style='color:red' class=c>t</p>"#,
            r#"<p class="c">t</p>"#,
        ),
        (
            r#"<IMG SRC="a.png" ONERROR=alert(1) alt='say "hi"'>"#,
            r#"<img src="a.png" alt="say &quot;hi&quot;">"#,
        ),
        (
            "<img/src=x/onerror=alert(1)>",
            r#"<img src="x/onerror=alert(1)">"#,
        ),
        (
            "<a href=/x title=t>l</a >",
            r#"<a href="/x" title="t">l</a>"#,
        ),
        ("a<script>if (a<b) { x('</p>') }</script>b", "ab"),
        ("<STYLE>p{}</style>c<style>unclosed", "c"),
        ("<!-- <img onerror=x> -->d<!doctype html>e", "de"),
        ("1 < 2 and <3", "1 < 2 and <3"),
        ("<svg onload=x()><style>*{}</style></svg>", "<svg></svg>"),
        (
            r#"<iframe src="https://v.example/e" srcdoc="<script>x()</script>"></iframe>"#,
            r#"<iframe src="https://v.example/e"></iframe>"#,
        ),
        (
            r#"<p data-src="a" data-x="b" src="c" src="d">"#,
            r#"<p data-src="a" src="c">"#,
        ),
    ];
    for (input, expected) in cases {
        assert_eq!(prune(input), expected, "{input}");
    }
}
