//! What a reader of an article works with, apart from drawing it: the configuration, reading
//! settings and their `Theme`, share targets, reading time, the UI's words and the one `Intl`
//! layer over them, the one error type, the saved library's pure parts, and (in the browser)
//! the one loader and the element's events. It builds on `core` and `document`.

pub mod backup;
pub mod changes;
pub mod config;
pub mod error;
pub mod i18n;
pub mod markdown;
pub mod names;
pub mod position;
pub mod reading;
pub mod save_state;
pub mod saved;
pub mod search;
pub mod settings;
pub mod share;
pub mod ui;

#[cfg(target_arch = "wasm32")]
pub mod events;
#[cfg(target_arch = "wasm32")]
pub mod loader;
