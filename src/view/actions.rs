//! The article's few controls that the renderer draws itself (it has no handlers: they are plain
//! markup with a `data-action`): one click listener on the article root acts on them. Footnote
//! links and their back links move focus inside the reader — in a shadow root a fragment link
//! finds nothing, and in page mode it would change the page's address —, "Copy code" copies
//! the code and says so, "Play" puts a known player's frame where its card reserved space, and a
//! picture opens in the picture viewer.

use gloo_events::{EventListener, EventListenerOptions};
use js_sys::Reflect;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use crate::core::players;
use crate::core::url_policy::{self, UrlUse};
use crate::on_demand;
use crate::platform;
use crate::platform::on_demand::ModuleMissing;
use crate::reader::ui::Words;

/// Listens on `root` (the article's container) for the renderer's actions, in `words`.
pub fn listen(root: &Element, words: &'static Words) -> EventListener {
    let options = EventListenerOptions::enable_prevent_default();
    let at = root.clone();
    EventListener::new_with_options(root, "click", options, move |event| {
        let Some(control) = event
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|t| t.closest("[data-action]").ok().flatten())
        else {
            return;
        };
        match control.get_attribute("data-action").as_deref() {
            Some("note-ref" | "note-back") => {
                event.prevent_default();
                move_to(&control);
            }
            // The rich blocks' own controls: their code is in the rich elements' module.
            Some(action @ ("copy-code" | "play")) => rich_controls(&control, action, words),
            Some("show-pictures") => {
                if let Some(figure) = control.closest("figure").ok().flatten() {
                    reveal_pictures(figure, true);
                }
            }
            Some("view") => {
                let at = at.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    if let Err(missing) = on_demand!(open_viewer(control, at, words)) {
                        // The picture stays where it is, whole, in the article.
                        platform::warn(&format!("picture viewer: {missing}"));
                    }
                });
            }
            _ => {}
        }
    })
}

/// The picture viewer (`super::viewer`), a module of its own: only a reader who opens a picture
/// needs it.
#[cfg_attr(article_reader_split, wasm_split_helpers::wasm_split(viewer, fallible))]
fn open_viewer(button: Element, root: Element, words: &'static Words) -> Result<(), ModuleMissing> {
    super::viewer::open(&button, &root, words);
    Ok(())
}

/// Shows data saver's waiting pictures under `within` (see [`show_pictures`]), from the module
/// that has the code; if it cannot come, they stay boxes (the console says why).
pub(crate) fn reveal_pictures(within: Element, focus: bool) {
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(missing) = on_demand!(show_pictures(within, focus)) {
            platform::warn(&format!("pictures: {missing}"));
        }
    });
}

/// Data saver's pictures, requested now in their boxes under `within` (a figure or gallery whose
/// "Show picture" was pressed, or the whole article when the reader turned data saver off); with
/// `focus`, the focus goes to the first of them that opens (else to `within`). In the picture
/// viewer's module: only a reader who asks for pictures later needs it.
#[cfg_attr(article_reader_split, wasm_split_helpers::wasm_split(viewer, fallible))]
fn show_pictures(within: Element, focus: bool) -> Result<(), ModuleMissing> {
    show_waiting_pictures(&within);
    if focus {
        let control = within
            .query_selector(".picture-open, a[href]")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<HtmlElement>().ok());
        match control {
            Some(control) => {
                let _ = control.focus();
            }
            None => platform::focus_part(&within),
        }
    }
    Ok(())
}

/// Focuses the element a footnote link points to (in the link's own root) and shows it.
fn move_to(link: &Element) {
    let Some(id) = link
        .get_attribute("href")
        .and_then(|h| h.strip_prefix('#').map(str::to_owned))
    else {
        return;
    };
    let root = link.get_root_node();
    let target = Reflect::get(&root, &"getElementById".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call1(&root, &id.into()).ok())
        .and_then(|t| t.dyn_into::<HtmlElement>().ok());
    if let Some(target) = target {
        let _ = target.focus();
        platform::keep_in_view(&target);
    }
}

/// A rich block's control (`copy-code`, `play`) acting, in the UI's words.
pub(crate) type RichControls = fn(&Element, &str, &'static Words);

#[cfg(article_reader_split)]
thread_local! {
    /// The rich elements' module's controls, once it has come.
    static RICH_CONTROLS: std::cell::Cell<Option<RichControls>> = const { std::cell::Cell::new(None) };
}

/// Called with what the rich elements' module gives: its controls act from now on.
#[cfg(article_reader_split)]
pub(crate) fn install_rich_controls(act: RichControls) {
    RICH_CONTROLS.with(|controls| controls.set(Some(act)));
}

/// Acts on a rich block's control. Such a control exists only in an article drawn by the rich
/// elements' module, so in a split build the module is there.
fn rich_controls(control: &Element, action: &str, words: &'static Words) {
    #[cfg(article_reader_split)]
    if let Some(act) = RICH_CONTROLS.with(std::cell::Cell::get) {
        act(control, action, words);
    }
    #[cfg(not(article_reader_split))]
    rich_action(control, action, words);
}

/// A rich block's control, `copy-code` or `play` (the rich elements' module's part of the
/// actions).
pub(crate) fn rich_action(control: &Element, action: &str, words: &'static Words) {
    match action {
        "copy-code" => copy_code(control.clone(), words),
        "play" => play(control),
        _ => {}
    }
}

/// Copies the code of the figure the button is in, and says whether it worked.
fn copy_code(button: Element, words: &'static Words) {
    let Some(figure) = button.closest("figure").ok().flatten() else {
        return;
    };
    let text = figure
        .query_selector("code")
        .ok()
        .flatten()
        .and_then(|code| code.text_content())
        .unwrap_or_default();
    let status = figure.query_selector(".code-status").ok().flatten();
    wasm_bindgen_futures::spawn_local(async move {
        let copied = platform::copy_text(&text, Some(figure)).await;
        if let Some(status) = status {
            status.set_text_content(Some(if copied {
                words.code_copied
            } else {
                words.copy_code_blocked
            }));
        }
    });
}

/// Replaces the stage of the button's card with the player's frame — only the address of a known
/// player, checked again here (the attribute is the renderer's, the check costs nothing), in a
/// sandbox, titled — and moves focus into it.
fn play(button: &Element) {
    let (Some(stage), Some(raw), Some(title)) = (
        button.parent_element(),
        button.get_attribute("data-frame"),
        button.get_attribute("data-title"),
    ) else {
        return;
    };
    let Some(player) = url_policy::resolve(&raw, None, UrlUse::Web)
        .and_then(|url| players::player(&url))
        .filter(|player| player.frame.as_str() == raw)
    else {
        return;
    };
    let Some(frame) = stage
        .owner_document()
        .and_then(|doc| doc.create_element("iframe").ok())
    else {
        return;
    };
    for (name, value) in [
        ("class", "embed-frame"),
        ("title", title.as_str()),
        (
            "sandbox",
            "allow-scripts allow-same-origin allow-presentation",
        ),
        ("referrerpolicy", "strict-origin-when-cross-origin"),
        ("allow", "fullscreen; picture-in-picture"),
        ("allowfullscreen", ""),
        ("src", player.frame.as_str()),
    ] {
        let _ = frame.set_attribute(name, value);
    }
    stage.set_text_content(None);
    let _ = stage.append_child(&frame);
    if let Some(frame) = frame.dyn_ref::<HtmlElement>() {
        let _ = frame.focus();
    }
}

/// Puts the waiting pictures under `within` in place (data saver: see the renderer's `picture`)
/// and removes the buttons that showed them; `srcset` before `src`, so the browser picks once.
fn show_waiting_pictures(within: &Element) {
    for el in platform::elements(within, "[data-src], [data-poster]") {
        for (kept, name) in [
            ("data-srcset", "srcset"),
            ("data-src", "src"),
            ("data-poster", "poster"),
        ] {
            if let Some(value) = el.get_attribute(kept) {
                let _ = el.set_attribute(name, &value);
                let _ = el.remove_attribute(kept);
            }
        }
    }
    crate::view::render::dom::show_dark_versions_in(within);
    for button in platform::elements(within, ".picture-show") {
        button.remove();
    }
}
