//! The reader's keys, heard only while the focus is inside the article (a host page's own keys
//! are never touched, WCAG 2.1.4): `j` / `k` the next / previous part of the body, `h` / `H` the
//! next / previous heading, `l` Listen from the part focused (else the one at the top of the view),
//! `s` the reading settings, `c` the contents. A part reached this way
//! takes the focus (so a screen reader reads it) and comes to the top of the view. Keys typed in
//! a field, or with Ctrl, Alt or Meta, are left alone.

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};

/// What a key does.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Move {
    Block(i32),
    Heading(i32),
    Press(&'static str),
    ListenFromHere,
}

/// Listens on `root` (the article) for the reader's keys.
pub fn listen(root: &Element) -> EventListener {
    let at = root.clone();
    EventListener::new(root, "keydown", move |event| {
        let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
            return;
        };
        if event.ctrl_key() || event.alt_key() || event.meta_key() || event.default_prevented() {
            return;
        }
        let target = event.target().and_then(|t| t.dyn_into::<Element>().ok());
        if target
            .as_ref()
            .is_some_and(|t| matches!(t.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
        {
            return;
        }
        let wanted = match event.key().as_str() {
            "j" => Move::Block(1),
            "k" => Move::Block(-1),
            "h" => Move::Heading(1),
            "H" => Move::Heading(-1),
            "l" => Move::ListenFromHere,
            "s" => Move::Press(".tools-toggle"),
            "c" => Move::Press(".contents-toggle"),
            _ => return,
        };
        let done = match wanted {
            Move::Press(selector) => at
                .query_selector(selector)
                .ok()
                .flatten()
                .and_then(|b| b.dyn_into::<HtmlElement>().ok())
                .map(|button| {
                    button.click();
                    let _ = button.focus();
                })
                .is_some(),
            Move::ListenFromHere => listen_from_here(&at, target.as_ref()),
            Move::Block(step) => go(&at, target.as_ref(), step, "[data-block]"),
            Move::Heading(step) => go(&at, target.as_ref(), step, "h2, h3, h4"),
        };
        if done {
            event.prevent_default();
        }
    })
}

/// Starts Listen at the part holding the focus, else at the one at the top of the view: marks it
/// for the narration and presses Listen (stopping a reading first).
fn listen_from_here(article: &Element, focused: Option<&Element>) -> bool {
    let parts = body_parts(article);
    let from = focused
        .and_then(|f| parts.iter().find(|p| p.contains(Some(f))))
        .or_else(|| {
            parts
                .iter()
                .find(|p| p.get_bounding_client_rect().bottom() > 1.0)
        });
    let (Some(from), Some(listen)) = (
        from,
        article
            .query_selector(".listen-toggle")
            .ok()
            .flatten()
            .and_then(|b| b.dyn_into::<HtmlElement>().ok()),
    ) else {
        return false;
    };
    if listen.hidden() {
        // Reading already: stop, then start again from here.
        if let Some(stop) = article
            .query_selector(".listen-stop")
            .ok()
            .flatten()
            .and_then(|b| b.dyn_into::<HtmlElement>().ok())
        {
            stop.click();
        }
    }
    let _ = from.set_attribute(crate::platform::speech::LISTEN_FROM, "");
    listen.click();
    true
}

/// The body's top-level parts, in order.
fn body_parts(article: &Element) -> Vec<Element> {
    crate::platform::elements(article, ".article-body > [data-block]")
}

/// Moves `step` parts from the one holding the focus (else the one at the top of the view) to
/// the next that matches `kind`; false when there is none that way.
fn go(article: &Element, focused: Option<&Element>, step: i32, kind: &str) -> bool {
    let parts = body_parts(article);
    // Forward from the part after the focused one (else from the part at the top of the view);
    // backward from the part before.
    let focused_at = focused.and_then(|f| parts.iter().position(|p| p.contains(Some(f))));
    let top = || {
        parts
            .iter()
            .position(|p| p.get_bounding_client_rect().bottom() > 1.0)
    };
    let candidates: Box<dyn Iterator<Item = usize>> = match (focused_at, step > 0) {
        (Some(i), true) => Box::new(i + 1..parts.len()),
        (Some(i), false) => Box::new((0..i).rev()),
        (None, true) => Box::new(top().unwrap_or(parts.len())..parts.len()),
        (None, false) => Box::new((0..top().unwrap_or(parts.len())).rev()),
    };
    for i in candidates {
        let part = &parts[i];
        if !part.matches(kind).unwrap_or(false) {
            continue;
        }
        part.scroll_into_view();
        crate::platform::focus_part(part);
        return true;
    }
    false
}
