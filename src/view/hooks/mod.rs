//! Custom hooks, one per file.

mod use_article;
mod use_module;

pub use use_article::{request_lead_picture, use_article, LoadState, Preloaded, UseArticleHandle};
pub use use_module::{use_module, ModuleState};
