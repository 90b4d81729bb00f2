//! The rich elements of spec §7 (tables, code, boxes, details, notes, embeds, videos, galleries,
//! social posts) are read and drawn by code that a plain article never needs. In a split build
//! (`make dist`) that code is a module of its own (`view::rich`), fetched only for a document
//! that has such a block; this is the reading side's half: which block types are rich, whether a
//! parsed document needs the module, and the module's reader once it has come. In every other
//! build the readers are called directly and nothing here is consulted.

use crate::core::json::Json;
use crate::core::model::Block;

/// The block types of format v1 that are read and drawn by the rich elements' module.
pub const RICH_TYPES: [&str; 9] = [
    "table",
    "code",
    "aside",
    "details",
    "note",
    "embed",
    "video",
    "gallery",
    "social_post",
];

/// Whether `kind` is a v1 block type that the rich elements' module reads.
pub(crate) fn is_rich(kind: &str) -> bool {
    RICH_TYPES.contains(&kind)
}

/// Whether a model block is one the rich elements' module draws (whichever format it came from).
pub fn is_rich_block(block: &Block) -> bool {
    !matches!(
        block,
        Block::Paragraph { .. }
            | Block::Heading { .. }
            | Block::Image { .. }
            | Block::Quote { .. }
            | Block::List { .. }
            | Block::RelatedLink { .. }
            | Block::Divider
            | Block::Audio { .. }
    )
}

/// The module's reader of one rich block: the fields, the block's object, its path, its type.
#[cfg(target_arch = "wasm32")]
pub(crate) type ReadRich = fn(
    &mut super::fields::Fields,
    &Json,
    &super::path::Path,
    &str,
) -> super::fields::Result<Option<Block>>;

#[cfg(article_reader_split)]
pub(crate) use split::*;

#[cfg(article_reader_split)]
mod split {
    use std::cell::Cell;

    use super::ReadRich;

    thread_local! {
        static READER: Cell<Option<ReadRich>> = const { Cell::new(None) };
    }

    /// Called by the module's entry point: rich blocks are read from now on.
    pub(crate) fn install(read: ReadRich) {
        READER.with(|reader| reader.set(Some(read)));
    }

    /// The module's reader, once the module has come.
    pub(crate) fn reader() -> Option<ReadRich> {
        READER.with(Cell::get)
    }
}

/// Whether reading this parsed v1 document needs the rich elements' module first: it has a
/// top-level rich block (rich blocks nest only inside rich blocks) and the module has not come.
#[cfg(article_reader_split)]
pub(crate) fn needs_module(value: &Json) -> bool {
    reader().is_none()
        && match value.get("body") {
            Some(Json::Array(blocks)) => blocks.iter().any(
                |block| matches!(block.get("type"), Some(Json::String(kind)) if is_rich(kind)),
            ),
            _ => false,
        }
}

/// Never, where the rich elements' readers are part of the one wasm (or native).
#[cfg(not(article_reader_split))]
pub(crate) fn needs_module(_: &Json) -> bool {
    false
}
