//! The rich elements of spec §7 — tables, code, boxes, details, notes, embeds and players,
//! videos, galleries, social posts — read and drawn by a module of their own in a split build:
//! a plain article (most of them) never downloads their code. The module holds the v1 reader of
//! those blocks (`document::v1::read_rich`), their drawing ([`crate::view::render::Cx::draw_rich`])
//! and their controls ("Play", "Copy code"); the loader fetches it when a document has such a
//! block, before the article is read and drawn, through the hook this file gives it at start.

use crate::platform::on_demand::ModuleMissing;

/// What the module gives: its reader, drawer and controls of rich blocks.
#[derive(Clone, Copy)]
#[cfg_attr(not(article_reader_split), allow(dead_code))]
struct RichElements {
    read: crate::document::rich::ReadRich,
    draw: crate::view::render::DrawRich,
    act: crate::view::actions::RichControls,
}

/// The module's one entry point. It only hands its functions over: the caller keeps them
/// (the optimiser would otherwise see where they are kept and call them from the main module).
#[cfg_attr(article_reader_split, wasm_split_helpers::wasm_split(rich, fallible))]
fn rich_elements() -> Result<RichElements, ModuleMissing> {
    Ok(RichElements {
        read: crate::document::v1::read_rich,
        draw: |cx, out, block, at| cx.draw_rich(out, block, at),
        act: crate::view::actions::rich_action,
    })
}

/// Fetches the module (once for every widget of the page; asked again after a failure) and
/// installs what it gives.
async fn fetch() -> Result<(), ModuleMissing> {
    let _elements = crate::on_demand!(rich_elements())?;
    #[cfg(article_reader_split)]
    {
        crate::document::rich::install(_elements.read);
        crate::view::render::install_rich_drawer(_elements.draw);
        crate::view::actions::install_rich_controls(_elements.act);
    }
    Ok(())
}

/// Gives the loader the way to fetch the module (the loader's layer cannot name the drawing).
pub fn register() {
    crate::reader::loader::set_rich_module(|| Box::pin(fetch()));
}
