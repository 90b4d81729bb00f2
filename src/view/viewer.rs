//! The picture viewer: a picture of the article (a gallery's thumbnail, the lead picture, an
//! image block) shown large in a modal `<dialog>` inside the widget's own root — the top layer
//! works from a shadow root, and a modal dialog makes the rest of the page inert; Tab goes round
//! its own controls, never out to the browser's. It shows the largest version the document
//! offers (requested only when shown, the next one preloaded), the caption and credit kept apart,
//! "3 of 12" (written by the renderer, in the UI language's digits), Previous / Next / Close, the
//! arrow keys (mirrored right to left, as the buttons are), Home / End, Escape and a swipe. The
//! host page does not scroll behind it, and focus returns to the picture it came from.
//! Everything it shows is the renderer's own: addresses from `data-full` (written from a URL the
//! policy accepted) and nodes cloned from the article.

use std::cell::RefCell;

use gloo_events::{EventListener, EventListenerOptions};
use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlDialogElement, HtmlElement, KeyboardEvent, PointerEvent};

use crate::platform;
use crate::reader::ui::Words;

/// The viewer that is open (there is at most one: it is modal).
struct Open {
    dialog: HtmlDialogElement,
    /// The buttons of the pictures it moves through, in reading order.
    pictures: Vec<Element>,
    at: usize,
    /// Where focus returns on close.
    opener: Element,
    /// The host page's own `overflow` on `<html>`, put back on close.
    overflow: JsValue,
    /// Which way is "next" on screen.
    rtl: bool,
    swipe_from: Option<(i32, i32)>,
    /// A swipe just ended: the click that follows it is no click.
    swiped: bool,
    /// Holds the next picture's request while it loads.
    preload: Option<Element>,
    listeners: Vec<EventListener>,
}

thread_local! {
    static OPEN: RefCell<Option<Open>> = const { RefCell::new(None) };
}

/// Opens the viewer on the picture of `button` (a `.picture-open` the renderer drew), inside
/// `root`, with the other pictures of its gallery to move through.
pub fn open(button: &Element, root: &Element, words: &'static Words) {
    // A viewer whose widget was taken off the page without closing it is finished now.
    let stale = OPEN.with(|open| open.borrow().as_ref().map(|o| !o.dialog.is_connected()));
    match stale {
        Some(true) => finish(),
        Some(false) => return,
        None => {}
    }
    let pictures = match button.closest(".gallery").ok().flatten() {
        Some(gallery) => platform::elements(&gallery, ".picture-open"),
        None => vec![button.clone()],
    };
    let at = pictures.iter().position(|p| p == button).unwrap_or(0);
    let Some(doc) = root.owner_document() else {
        return;
    };
    let Some(dialog) = build(&doc, words, pictures.len() > 1) else {
        return;
    };
    platform::adopt_stylesheet(root, include_str!(concat!(env!("OUT_DIR"), "/viewer.css")));
    let _ = root.append_child(&dialog);
    let html = doc.document_element();
    let style = html
        .as_ref()
        .and_then(|h| Reflect::get(h, &"style".into()).ok());
    let overflow = style
        .as_ref()
        .and_then(|s| Reflect::get(s, &"overflow".into()).ok())
        .unwrap_or(JsValue::NULL);
    if let Some(style) = &style {
        let _ = Reflect::set(style, &"overflow".into(), &"hidden".into());
    }
    let rtl = button.matches(":dir(rtl)").unwrap_or(false);
    let listeners = listen(&dialog);
    OPEN.with(|open| {
        *open.borrow_mut() = Some(Open {
            dialog: dialog.clone(),
            pictures,
            at,
            opener: button.clone(),
            overflow,
            rtl,
            swipe_from: None,
            swiped: false,
            preload: None,
            listeners,
        })
    });
    if dialog.show_modal().is_err() {
        finish();
        return;
    }
    show(at);
    if let Some(close) = dialog
        .query_selector(".viewer-close")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<HtmlElement>().ok())
    {
        let _ = close.focus();
    }
}

/// A new element with a class, appended to `parent`.
fn child(doc: &Document, parent: &Element, tag: &str, class: &str) -> Option<Element> {
    let element = doc.create_element(tag).ok()?;
    element.set_class_name(class);
    parent.append_child(&element).ok()?;
    Some(element)
}

/// The dialog, in the UI's language: a bar with the place ("3 of 12") and Close, the figure,
/// and Previous / Next when there is more than one picture.
fn build(doc: &Document, words: &'static Words, several: bool) -> Option<HtmlDialogElement> {
    let dialog = doc.create_element("dialog").ok()?;
    dialog.set_class_name("viewer");
    let _ = dialog.set_attribute("aria-label", words.picture_viewer);
    let bar = child(doc, &dialog, "div", "viewer-bar")?;
    let _ = bar.set_attribute("lang", words.code);
    let _ = bar.set_attribute("dir", words.dir);
    let count = child(doc, &bar, "p", "viewer-count")?;
    let _ = count.set_attribute("aria-live", "polite");
    count.toggle_attribute_with_force("hidden", !several).ok()?;
    let close = child(doc, &bar, "button", "viewer-close")?;
    let _ = close.set_attribute("type", "button");
    let _ = close.set_attribute("data-viewer", "close");
    close.set_text_content(Some(words.close));
    let figure = child(doc, &dialog, "figure", "viewer-figure")?;
    let picture = child(doc, &figure, "img", "viewer-picture")?;
    // A mouse swipe must move the pictures, not start dragging this one away.
    let _ = picture.set_attribute("draggable", "false");
    if several {
        for (class, action, name, arrow) in [
            (
                "viewer-step viewer-prev",
                "prev",
                words.previous_picture,
                "‹",
            ),
            ("viewer-step viewer-next", "next", words.next_picture, "›"),
        ] {
            let step = child(doc, &dialog, "button", class)?;
            let _ = step.set_attribute("type", "button");
            let _ = step.set_attribute("data-viewer", action);
            let _ = step.set_attribute("aria-label", name);
            let _ = step.set_attribute("lang", words.code);
            let glyph = child(doc, &step, "span", "viewer-arrow")?;
            let _ = glyph.set_attribute("aria-hidden", "true");
            glyph.set_text_content(Some(arrow));
        }
    }
    dialog.dyn_into().ok()
}

/// The dialog's listeners: its buttons and backdrop, the keys, a swipe, a picture that fails,
/// and its closing (by Close, Escape or the backdrop) — which removes it.
fn listen(dialog: &HtmlDialogElement) -> Vec<EventListener> {
    let prevent = EventListenerOptions::enable_prevent_default();
    let target: &web_sys::EventTarget = dialog.as_ref();
    let on_click = {
        let dialog = dialog.clone();
        EventListener::new(target, "click", move |event| {
            let Some(clicked) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
                return;
            };
            let swiped = OPEN.with(|open| {
                open.borrow_mut()
                    .as_mut()
                    .is_some_and(|o| std::mem::take(&mut o.swiped))
            });
            if swiped {
                return;
            }
            // A click on the backdrop lands on the dialog itself.
            // Beside the picture (the backdrop, the empty stage) closes, as in any viewer.
            let node: &web_sys::Node = dialog.as_ref();
            if clicked.is_same_node(Some(node)) || clicked.class_name() == "viewer-figure" {
                return dialog.close();
            }
            let action = clicked
                .closest("[data-viewer]")
                .ok()
                .flatten()
                .and_then(|b| b.get_attribute("data-viewer"));
            match action.as_deref() {
                Some("close") => dialog.close(),
                Some("prev") => step(-1),
                Some("next") => step(1),
                _ => {}
            }
        })
    };
    let on_key = EventListener::new_with_options(target, "keydown", prevent, move |event| {
        let Some(key) = event.dyn_ref::<KeyboardEvent>().map(KeyboardEvent::key) else {
            return;
        };
        let rtl = OPEN.with(|open| open.borrow().as_ref().is_some_and(|o| o.rtl));
        let forward = if rtl { -1 } else { 1 };
        match key.as_str() {
            // Focus goes round inside the viewer, never out to the browser's own controls.
            "Tab" => {
                let shift = event
                    .dyn_ref::<KeyboardEvent>()
                    .is_some_and(KeyboardEvent::shift_key);
                if !wrap_focus(shift) {
                    return;
                }
            }
            "ArrowRight" => step(forward),
            "ArrowLeft" => step(-forward),
            "Home" => go(0),
            "End" => go(usize::MAX),
            _ => return,
        }
        event.prevent_default();
    });
    let on_down = EventListener::new(target, "pointerdown", |event| {
        if let Some(pointer) = event.dyn_ref::<PointerEvent>() {
            let from = (pointer.client_x(), pointer.client_y());
            OPEN.with(|open| {
                if let Some(open) = open.borrow_mut().as_mut() {
                    open.swipe_from = Some(from);
                }
            });
        }
    });
    let on_up = EventListener::new(target, "pointerup", |event| {
        let Some(pointer) = event.dyn_ref::<PointerEvent>() else {
            return;
        };
        let swipe = OPEN.with(|open| {
            let mut open = open.borrow_mut();
            let open = open.as_mut()?;
            let (x, y) = open.swipe_from.take()?;
            let (dx, dy) = (pointer.client_x() - x, pointer.client_y() - y);
            // A swipe is a mostly sideways move of at least 48 px; towards the start of the
            // line brings the next picture.
            let swipe = (dx.abs() >= 48 && dx.abs() > dy.abs() * 2)
                .then_some(if (dx < 0) != open.rtl { 1 } else { -1 });
            open.swiped = swipe.is_some();
            swipe
        });
        if let Some(direction) = swipe {
            step(direction);
        }
    });
    // A large version that fails to load gives way to the thumbnail the reader already sees
    // (`error` does not bubble: it is caught on its way down).
    let capture = EventListenerOptions::run_in_capture_phase();
    let on_error = EventListener::new_with_options(target, "error", capture, |_| {
        OPEN.with(|open| {
            if let Some(open) = open.borrow().as_ref() {
                let small =
                    picture_of(&open.pictures[open.at]).and_then(|i| i.get_attribute("src"));
                if let (Some(img), Some(small)) = (viewer_picture(&open.dialog), small) {
                    if img.get_attribute("src").as_ref() != Some(&small) {
                        let _ = img.set_attribute("src", &small);
                    }
                }
            }
        })
    });
    let on_close = EventListener::new(target, "close", |_| finish());
    vec![on_click, on_key, on_down, on_up, on_error, on_close]
}

/// Moves focus from the viewer's last control to its first (or, with `back`, from the first
/// to the last); false when focus is elsewhere and Tab goes on as usual.
fn wrap_focus(back: bool) -> bool {
    OPEN.with(|open| {
        let open = open.borrow();
        let Some(open) = open.as_ref() else {
            return false;
        };
        let controls = platform::elements(&open.dialog, "button, a[href]");
        let (Some(first), Some(last)) = (controls.first(), controls.last()) else {
            return false;
        };
        // The focused element of the viewer's own root: the shadow root's, or the page's.
        let active = Reflect::get(&open.dialog.get_root_node(), &"activeElement".into())
            .ok()
            .and_then(|a| a.dyn_into::<Element>().ok());
        let (from, to) = if back { (first, last) } else { (last, first) };
        if active.as_ref() != Some(from) {
            return false;
        }
        to.dyn_ref::<HtmlElement>()
            .is_some_and(|to| to.focus().is_ok())
    })
}

/// The thumbnail `<img>` inside a picture's button.
fn picture_of(button: &Element) -> Option<Element> {
    button.query_selector("img").ok().flatten()
}

/// The address the viewer shows for a picture's button: its largest version (`data-full`), or
/// the picture's own address; while the picture shows its version for dark themes (the view
/// keeps its own in `data-light-src`), that version, the only one the document gives.
fn full_address(button: &Element) -> Option<String> {
    let thumb = picture_of(button);
    match thumb.as_ref().filter(|t| t.has_attribute("data-light-src")) {
        Some(dark) => dark.get_attribute("src"),
        None => button
            .get_attribute("data-full")
            .or_else(|| thumb.and_then(|t| t.get_attribute("src"))),
    }
}

fn viewer_picture(dialog: &Element) -> Option<Element> {
    dialog.query_selector(".viewer-picture").ok().flatten()
}

/// Moves by `by` pictures, round from the last to the first and back.
fn step(by: isize) {
    let target = OPEN.with(|open| {
        let open = open.borrow();
        let open = open.as_ref()?;
        let n = open.pictures.len() as isize;
        Some((open.at as isize + by).rem_euclid(n) as usize)
    });
    if let Some(at) = target {
        show(at);
    }
}

/// Goes to a picture by its place (past the end: the last).
fn go(at: usize) {
    let last = OPEN.with(|open| open.borrow().as_ref().map(|o| o.pictures.len() - 1));
    if let Some(last) = last {
        show(at.min(last));
    }
}

/// Shows picture `at`: its largest version, description, size, caption and credit, its place,
/// and starts loading the next one.
fn show(at: usize) {
    OPEN.with(|open| {
        let mut open = open.borrow_mut();
        let Some(open) = open.as_mut() else {
            return;
        };
        let Some(button) = open.pictures.get(at) else {
            return;
        };
        open.at = at;
        let dialog: &Element = open.dialog.as_ref();
        let thumb = picture_of(button);
        let full = full_address(button);
        if let Some(img) = viewer_picture(dialog) {
            for name in ["alt", "width", "height"] {
                match thumb.as_ref().and_then(|t| t.get_attribute(name)) {
                    Some(value) => {
                        let _ = img.set_attribute(name, &value);
                    }
                    None => {
                        let _ = img.remove_attribute(name);
                    }
                }
            }
            if let Some(full) = &full {
                let _ = img.set_attribute("src", full);
            }
        }
        if let Some(figure) = dialog.query_selector(".viewer-figure").ok().flatten() {
            if let Some(old) = figure.query_selector("figcaption").ok().flatten() {
                old.remove();
            }
            let caption = button
                .parent_element()
                .and_then(|f| f.query_selector(":scope > figcaption").ok().flatten());
            if let Some(copy) = caption
                .and_then(|c| c.clone_node_with_deep(true).ok())
                .and_then(|c| c.dyn_into::<Element>().ok())
            {
                // A copy must not repeat the article's ids (a footnote reference's).
                for node in platform::elements(&copy, "[id]") {
                    let _ = node.remove_attribute("id");
                }
                let _ = figure.append_child(&copy);
            }
        }
        if let Some(count) = dialog.query_selector(".viewer-count").ok().flatten() {
            count.set_text_content(button.get_attribute("data-place").as_deref());
        }
        open.preload = None;
        if open.pictures.len() > 1 {
            let next = &open.pictures[(at + 1) % open.pictures.len()];
            if let (Some(full), Some(doc)) = (full_address(next), dialog.owner_document()) {
                if let Ok(img) = doc.create_element("img") {
                    let _ = img.set_attribute("src", &full);
                    open.preload = Some(img);
                }
            }
        }
    });
}

/// Closes the viewer if it is open inside `root`: the article there is going away (the widget is
/// removed, or draws another article), and the page must scroll again.
pub fn dismiss_in(root: &Element) {
    let inside = OPEN.with(|open| {
        open.borrow().as_ref().is_some_and(|o| {
            let dialog: &web_sys::Node = o.dialog.as_ref();
            root.contains(Some(dialog))
        })
    });
    if inside {
        finish();
    }
}

/// The viewer closed: it goes, the page scrolls again, focus is back on its picture.
fn finish() {
    let Some(open) = OPEN.with(|open| open.borrow_mut().take()) else {
        return;
    };
    drop(open.listeners);
    open.dialog.remove();
    if let Some(html) = open
        .opener
        .owner_document()
        .and_then(|d| d.document_element())
    {
        if let Ok(style) = Reflect::get(&html, &"style".into()) {
            let _ = Reflect::set(&style, &"overflow".into(), &open.overflow);
        }
    }
    if let Some(opener) = open.opener.dyn_ref::<HtmlElement>() {
        let _ = opener.focus();
    }
}
