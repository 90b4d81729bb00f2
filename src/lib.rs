//! The article reader: renders article documents (format v1) in the browser with Yew.
//!
//! The pure core (model, validation, URL policy, dates, share links) builds natively and is tested
//! with `cargo test`; the browser part (loader, components, mounting) builds for wasm32 only.

/// Talc instead of the default dlmalloc: a smaller wasm and faster allocation, the same
/// `GlobalAlloc` contract (wasm is single-threaded here: no atomics).
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub mod config;
pub mod date;
pub mod decode;
pub mod error;
pub mod formats;
pub mod html;
pub mod i18n;
pub mod json;
pub mod model;
pub mod reading;
pub mod save_state;
pub mod saved;
pub mod settings;
pub mod share;
pub mod ui;
pub mod url_policy;

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod events;
#[cfg(target_arch = "wasm32")]
pub mod hooks;
#[cfg(target_arch = "wasm32")]
pub mod loader;
#[cfg(target_arch = "wasm32")]
pub mod mount;
#[cfg(all(target_arch = "wasm32", feature = "page"))]
pub mod offline;
#[cfg(target_arch = "wasm32")]
pub mod speech;
