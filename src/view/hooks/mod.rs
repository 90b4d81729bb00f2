//! Custom hooks, one per file.

mod use_article;
mod use_module;

pub use use_article::{use_article, LoadState, UseArticleHandle};
pub use use_module::{use_module, ModuleState};
