//! First screen first: how much of the body renders with the header, and the busy state while
//! the rest follows in one go after a paint (ArticleView drives it, `body.rs` appends). Until the body is
//! whole the widget's container says `aria-busy="true"`, so assistive technology, find-in-page and
//! tests meet the whole article; blocks only ever append below what is shown, so nothing on screen
//! moves, and the footer and cards wait for the end of the body.

use crate::core::model::Block;

/// How many blocks render with the header: those that fill a first screen — about 1,800
/// characters of text (a picture counts as a paragraph), at most 12 blocks, at least one — when the
/// body is long (over 50,000 characters, some 8,000 words); a shorter body renders whole at once,
/// where a second step measured slower to the whole article and no faster to the first screen.
pub(crate) fn first_screen(body: &[Block]) -> usize {
    let (mut weight, mut first) = (0, None);
    for (i, b) in body.iter().enumerate() {
        weight += match b {
            Block::Paragraph { content }
            | Block::Heading { content, .. }
            | Block::Quote { content, .. } => content.0.iter().map(|r| r.text.len()).sum(),
            Block::List { items, .. } => items
                .iter()
                .flat_map(|i| i.content.0.iter())
                .map(|r| r.text.len())
                .sum(),
            _ => 400,
        };
        if first.is_none() && (weight >= 1_800 || i + 1 >= 12) {
            first = Some(i + 1);
        }
    }
    match first {
        Some(count) if weight > 50_000 => count,
        _ => body.len(),
    }
}

/// The widget's container is busy while the body (`node`) is still growing.
pub(crate) fn set_busy(node: Option<&web_sys::Node>, busy: bool) {
    use wasm_bindgen::JsCast;
    if let Some(wrapper) = node
        .and_then(|n| n.dyn_ref::<web_sys::Element>())
        .and_then(|el| el.closest(".reader").ok().flatten())
    {
        let _ = wrapper.set_attribute("aria-busy", if busy { "true" } else { "false" });
    }
}
