//! Reading an article aloud with the browser's speech synthesis (spec §5): one utterance per
//! block, in the article's language, the block being read marked `aria-current="true"` and kept in
//! view. One utterance per block keeps Previous/Next exact and avoids engines that stop long
//! utterances part-way.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use js_sys::Reflect;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, SpeechSynthesis, SpeechSynthesisUtterance};

/// What is read, in document order: every element the renderer marks as a block (`data-block`:
/// the headline, the summary, the lead picture, the corrections, then the body's blocks by index,
/// those inside boxes and details after the box's title, and the footnotes at the end) — for a
/// list each item, for a figure its caption, for a gallery its name and number of pictures and
/// then each picture's caption (or description), for a social post its text and author, for a table its caption and then each row (as the
/// renderer wrote it for listening: each cell after its column's header). Never the controls,
/// share bar, related cards, players or embedded-content notes, which are no block or a block
/// with nothing to read.
const BLOCKS: &str = "[data-block]";

/// The attribute by which "Listen from here" marks the block to begin at (set by the reader's
/// keys, read and removed when reading starts).
pub const LISTEN_FROM: &str = "data-listen-from";

/// The parts of one block that are read, each its own utterance.
fn readable(block: &Element) -> Vec<Element> {
    let class = block.class_name();
    let has_class = |name: &str| class.split(' ').any(|own| own == name);
    let skipped = ["related-link", "embed-card", "audio"];
    if block.tag_name() == "HR" || skipped.iter().any(|c| has_class(c)) {
        return Vec::new();
    }
    let inner = match block.tag_name().as_str() {
        "UL" | "OL" => ":scope > li",
        // A gallery: "Gallery, 12 pictures", then each picture's caption and the gallery's.
        "FIGURE" if has_class("gallery") => {
            ".gallery-item > figcaption, .gallery-item[data-listen], :scope > figcaption"
        }
        // A social post: its text, then who wrote it.
        "FIGURE" if has_class("social-post") => ":scope > blockquote > p, .post-author",
        "FIGURE" if !block.has_attribute("data-listen") => ":scope > figcaption",
        "DETAILS" => ":scope > summary",
        "ASIDE" => ":scope > .box-title",
        "SECTION" => ":scope > .note",
        // "Table: <caption>", then each row.
        _ if has_class("table-scroll") => "tbody > tr, tfoot > tr",
        _ => return vec![block.clone()],
    };
    let first = (has_class("table-scroll") || has_class("gallery")).then(|| block.clone());
    first
        .into_iter()
        .chain(super::elements(block, inner))
        .collect()
}

/// What is said for one part: what the renderer wrote for listening (`data-listen`: a table
/// row with its headers, "Code sample, skipped."), else its text without footnote numbers,
/// hidden labels or controls.
fn spoken(part: &Element) -> String {
    if let Some(said) = part.get_attribute("data-listen") {
        return said;
    }
    let mut text = String::new();
    own_text(part, &mut text);
    text
}

fn own_text(node: &web_sys::Node, out: &mut String) {
    let children = node.child_nodes();
    for i in 0..children.length() {
        let Some(child) = children.item(i) else {
            continue;
        };
        match child.dyn_ref::<Element>() {
            Some(element) => {
                let class = element.class_name();
                let skip = element.has_attribute("hidden")
                    || element.tag_name() == "BUTTON"
                    || class
                        .split(' ')
                        .any(|c| c == "note-ref" || c == "note-back");
                if !skip {
                    own_text(element, out);
                }
            }
            None => {
                if child.node_type() == web_sys::Node::TEXT_NODE {
                    out.push_str(&child.text_content().unwrap_or_default());
                }
            }
        }
    }
}

/// Whether this browser can read aloud: the Listen control exists only then.
pub fn available() -> bool {
    web_sys::window().is_some_and(|w| {
        Reflect::has(&w, &"speechSynthesis".into()).unwrap_or(false)
            && Reflect::has(&w, &"SpeechSynthesisUtterance".into()).unwrap_or(false)
    })
}

/// What the narration tells the view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    /// Block `index` of `total` is being read.
    Reading { index: usize, total: usize },
    /// The last block was read, or it was stopped.
    Finished,
    /// The engine failed (no voice could speak).
    Failed,
}

/// A running narration; dropping it stops the speech.
pub struct Narration(Rc<RefCell<Inner>>);

struct Inner {
    synth: SpeechSynthesis,
    blocks: Vec<Element>,
    lang: String,
    rate: f32,
    index: usize,
    /// Bumped by every new utterance and by stop: events of older utterances are ignored.
    generation: u32,
    /// The handlers of the utterance being spoken, and of the one before (an `end` handler may
    /// still be running when the next utterance replaces it).
    handlers: [Option<Handlers>; 2],
    notify: Rc<dyn Fn(Progress)>,
}

type Handlers = (Closure<dyn FnMut(JsValue)>, Closure<dyn FnMut(JsValue)>);

impl Narration {
    /// Starts reading `article` at `rate` from its first block, or from the block marked
    /// [`LISTEN_FROM`]; `None` when there is nothing to
    /// read or no speech synthesis.
    pub fn start(
        article: &Element,
        lang: &str,
        rate: f32,
        notify: Rc<dyn Fn(Progress)>,
    ) -> Option<Narration> {
        let synth = web_sys::window()?.speech_synthesis().ok()?;
        let mut blocks = Vec::new();
        for el in super::elements(article, BLOCKS) {
            for part in readable(&el) {
                if !spoken(&part).trim().is_empty() {
                    blocks.push(part);
                }
            }
        }
        if blocks.is_empty() {
            return None;
        }
        // "Listen from here" (the `l` key) marked where to begin: the first part inside or after
        // that block; else the start.
        let from = article
            .query_selector(&format!("[{LISTEN_FROM}]"))
            .ok()
            .flatten()
            .map(|mark| {
                let _ = mark.remove_attribute(LISTEN_FROM);
                blocks
                    .iter()
                    .position(|b| {
                        mark.contains(Some(b))
                            || mark.compare_document_position(b)
                                & web_sys::Node::DOCUMENT_POSITION_FOLLOWING
                                != 0
                    })
                    .unwrap_or(0)
            })
            .unwrap_or(0);
        let narration = Narration(Rc::new(RefCell::new(Inner {
            synth,
            blocks,
            lang: lang.to_owned(),
            rate,
            index: from,
            generation: 0,
            handlers: [None, None],
            notify,
        })));
        speak(&narration.0, from);
        Some(narration)
    }

    /// Pauses where it is.
    pub fn pause(&self) {
        self.0.borrow().synth.pause();
    }

    /// Goes on from where it paused.
    pub fn resume(&self) {
        self.0.borrow().synth.resume();
    }

    /// Reads the next block (from its start).
    pub fn next(&self) {
        let index = self.0.borrow().index + 1;
        if index < self.0.borrow().blocks.len() {
            speak(&self.0, index);
        }
    }

    /// Reads the previous block, or this one again at the first.
    pub fn previous(&self) {
        let index = self.0.borrow().index.saturating_sub(1);
        speak(&self.0, index);
    }

    /// A new rate: the block being read starts again at it.
    pub fn set_rate(&self, rate: f32) {
        self.0.borrow_mut().rate = rate;
        let index = self.0.borrow().index;
        speak(&self.0, index);
    }

    /// Stops and unmarks the block.
    pub fn stop(&self) {
        // Unmarked first: cancelling ends the utterance with an event, which must find it stale.
        unmark(&self.0);
        self.0.borrow().synth.cancel();
    }
}

impl Drop for Narration {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Speaks block `index`: marks it, keeps it in view, and on its end goes on to the next.
fn speak(cell: &Rc<RefCell<Inner>>, index: usize) {
    let weak = Rc::downgrade(cell);
    let mut inner = cell.borrow_mut();
    inner.generation += 1;
    let generation = inner.generation;
    inner.synth.cancel();
    // A new block plays even if the last one was paused (engines keep the paused state).
    inner.synth.resume();
    if let Some(old) = inner.blocks.get(inner.index) {
        let _ = old.remove_attribute("aria-current");
    }
    inner.index = index;
    let Some(block) = inner.blocks.get(index).cloned() else {
        return;
    };
    let _ = block.set_attribute("aria-current", "true");
    super::keep_in_view(&block);
    let text = spoken(&block);
    let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(text.trim()) else {
        (inner.notify)(Progress::Failed);
        return;
    };
    utterance.set_lang(&inner.lang);
    utterance.set_rate(inner.rate);
    if let Some(voice) = voice_for(&inner.synth, &inner.lang) {
        utterance.set_voice(Some(&voice));
    }
    let on_end = {
        let weak = weak.clone();
        Closure::<dyn FnMut(JsValue)>::new(move |_| finished(&weak, generation, false))
    };
    let on_error = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
        // Cancelling (Previous, Next, Stop) ends an utterance with these: not a failure.
        let error = Reflect::get(&event, &"error".into())
            .ok()
            .and_then(|e| e.as_string());
        let cancelled = matches!(error.as_deref(), Some("interrupted" | "canceled"));
        finished(&weak, generation, !cancelled);
    });
    utterance.set_onend(Some(on_end.as_ref().unchecked_ref()));
    utterance.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    inner.handlers.swap(0, 1);
    inner.handlers[0] = Some((on_end, on_error));
    let total = inner.blocks.len();
    let notify = inner.notify.clone();
    let synth = inner.synth.clone();
    drop(inner);
    notify(Progress::Reading { index, total });
    synth.speak(&utterance);
}

/// An utterance ended: the next block, or the end (or a failure).
fn finished(weak: &Weak<RefCell<Inner>>, generation: u32, failed: bool) {
    let Some(cell) = weak.upgrade() else {
        return;
    };
    let (current, index, total, notify) = {
        let Ok(inner) = cell.try_borrow() else {
            return;
        };
        (
            inner.generation == generation,
            inner.index,
            inner.blocks.len(),
            inner.notify.clone(),
        )
    };
    if !current {
        return;
    }
    if failed {
        unmark(&cell);
        notify(Progress::Failed);
    } else if index + 1 < total {
        speak(&cell, index + 1);
    } else {
        unmark(&cell);
        notify(Progress::Finished);
    }
}

/// Ends the narration's current utterance for good: its events are ignored from now on and its
/// block is no longer marked (the engine is already silent, or [`Narration::stop`] cancels it).
fn unmark(cell: &Rc<RefCell<Inner>>) {
    let mut inner = cell.borrow_mut();
    inner.generation += 1;
    if let Some(el) = inner.blocks.get(inner.index) {
        let _ = el.remove_attribute("aria-current");
    }
}

/// A voice for the language, one on this device first: the same tag ("es-MX"), else the same
/// language ("es"); a network voice only when the device has none (it sends the text to its
/// vendor). `None` leaves the choice to the browser (the utterance still has `lang`).
fn voice_for(synth: &SpeechSynthesis, lang: &str) -> Option<web_sys::SpeechSynthesisVoice> {
    let wanted = lang.trim().replace('_', "-").to_ascii_lowercase();
    let primary = wanted.split('-').next().unwrap_or_default().to_owned();
    let mut best: Option<(u8, web_sys::SpeechSynthesisVoice)> = None;
    for voice in synth.get_voices().iter() {
        let voice: web_sys::SpeechSynthesisVoice = voice.unchecked_into();
        let tag = voice.lang().replace('_', "-").to_ascii_lowercase();
        let language = if tag == wanted {
            2
        } else if tag.split('-').next() == Some(primary.as_str()) {
            1
        } else {
            continue;
        };
        let rank = language + if voice.local_service() { 4 } else { 0 };
        if best.as_ref().is_none_or(|(r, _)| rank > *r) {
            best = Some((rank, voice));
        }
    }
    best.map(|(_, voice)| voice)
}
