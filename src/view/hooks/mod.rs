//! Custom hooks, one per file.

mod use_article;

pub use use_article::{use_article, LoadState, UseArticleHandle};
