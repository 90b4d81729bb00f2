//! Natively (the CLI, native tests): Servo's WHATWG parser, with scripting off as in the browser's
//! `DOMParser`, so both sides build the same tree from the same markup.

use html5ever::tendril::TendrilSink;
use html5ever::tree_builder::TreeBuilderOpts;
use html5ever::{local_name, ns, ParseOpts};
use markup5ever_rcdom::{Handle, NodeData, RcDom};

use super::{HtmlNode, KEPT_ATTRIBUTES};

/// The children of `<body>` after parsing `html` as a whole document.
pub(crate) fn parse(html: &str) -> Vec<HtmlNode> {
    let opts = ParseOpts {
        tree_builder: TreeBuilderOpts {
            scripting_enabled: false,
            ..TreeBuilderOpts::default()
        },
        ..ParseOpts::default()
    };
    let dom = html5ever::parse_document(RcDom::default(), opts).one(html);
    find_body(&dom.document)
        .map(|body| children(&body))
        .unwrap_or_default()
}

fn find_body(node: &Handle) -> Option<Handle> {
    for child in node.children.borrow().iter() {
        if let NodeData::Element { name, .. } = &child.data {
            if name.ns == ns!(html) && name.local == local_name!("body") {
                return Some(child.clone());
            }
            if let Some(body) = find_body(child) {
                return Some(body);
            }
        }
    }
    None
}

fn children(node: &Handle) -> Vec<HtmlNode> {
    node.children.borrow().iter().filter_map(convert).collect()
}

fn convert(node: &Handle) -> Option<HtmlNode> {
    match &node.data {
        NodeData::Text { contents } => Some(HtmlNode::Text(contents.borrow().to_string())),
        NodeData::Element { name, attrs, .. } => {
            // Foreign elements (SVG, MathML) are dropped whole, as in the browser walk.
            if name.ns != ns!(html) {
                return Some(HtmlNode::Element {
                    name: "svg".into(),
                    attrs: Vec::new(),
                    children: Vec::new(),
                });
            }
            let attrs = attrs.borrow();
            let attrs = KEPT_ATTRIBUTES
                .iter()
                .filter_map(|kept| {
                    let found = attrs
                        .iter()
                        .find(|a| a.name.ns == ns!() && &*a.name.local == *kept)?;
                    Some((kept.to_string(), found.value.to_string()))
                })
                .collect();
            Some(HtmlNode::Element {
                name: name.local.to_string(),
                attrs,
                children: children(node),
            })
        }
        _ => None,
    }
}
