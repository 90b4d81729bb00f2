//! In the browser: the platform's own `DOMParser`. A parsed document is inert — no script runs,
//! nothing loads — and only its tree is read here, never inserted anywhere. Hosts that enforce
//! Trusted Types treat `parseFromString` as a sink, so the markup is passed through a policy named
//! `article-reader-inert`, used for this one inert parse only.

use js_sys::{Function, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::{HtmlNode, KEPT_ATTRIBUTES};

/// The Trusted Types policy name a host's `trusted-types` directive must allow.
pub const POLICY_NAME: &str = "article-reader-inert";

thread_local! {
    /// The policy, once made (`None` where the browser has no Trusted Types).
    static POLICY: Option<JsValue> = make_policy();
}

fn make_policy() -> Option<JsValue> {
    let window = web_sys::window()?;
    let factory = Reflect::get(&window, &"trustedTypes".into()).ok()?;
    if factory.is_undefined() || factory.is_null() {
        return None;
    }
    let create: Function = Reflect::get(&factory, &"createPolicy".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let rules = js_sys::Object::new();
    let pass = Closure::<dyn Fn(JsValue) -> JsValue>::new(|markup: JsValue| markup).into_js_value();
    Reflect::set(&rules, &"createHTML".into(), &pass).ok()?;
    create.call2(&factory, &POLICY_NAME.into(), &rules).ok()
}

/// The children of `<body>` after parsing `html` as a whole document; `None` when the page does
/// not let the reader parse markup (its Trusted Types rules refuse the policy).
pub(crate) fn parse(html: &str) -> Option<Vec<HtmlNode>> {
    let parser = web_sys::DomParser::new().ok()?;
    let markup: JsValue = POLICY.with(|policy| match policy {
        Some(policy) => Reflect::get(policy, &"createHTML".into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
            .and_then(|f| f.call1(policy, &html.into()).ok()),
        None => Some(html.into()),
    })?;
    let parse: Function = Reflect::get(&parser, &"parseFromString".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let document: web_sys::Document = parse
        .call2(&parser, &markup, &"text/html".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let body: web_sys::Node = document.body()?.into();
    Some(children(&body))
}

fn children(node: &web_sys::Node) -> Vec<HtmlNode> {
    let list = node.child_nodes();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|child| convert(&child))
        .collect()
}

fn convert(node: &web_sys::Node) -> Option<HtmlNode> {
    match node.node_type() {
        web_sys::Node::TEXT_NODE => Some(HtmlNode::Text(node.node_value().unwrap_or_default())),
        web_sys::Node::ELEMENT_NODE => {
            let element: &web_sys::Element = node.dyn_ref()?;
            // Foreign elements (SVG, MathML) are dropped whole, as in the native walk.
            if element.namespace_uri().as_deref() != Some("http://www.w3.org/1999/xhtml") {
                return Some(HtmlNode::Element {
                    name: "svg".into(),
                    attrs: Vec::new(),
                    children: Vec::new(),
                });
            }
            let attrs = KEPT_ATTRIBUTES
                .iter()
                .filter_map(|name| Some((name.to_string(), element.get_attribute(name)?)))
                .collect();
            Some(HtmlNode::Element {
                name: element.local_name(),
                attrs,
                children: children(node),
            })
        }
        _ => None,
    }
}
