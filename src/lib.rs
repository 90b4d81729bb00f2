//! The article reader: renders article documents in the browser with Yew.
//!
//! The layers, each a folder, with dependencies running one way (`make layers` checks it):
//!
//! - [`core`]: the model, JSON, dates, the URL policy (pure);
//! - [`document`]: every document format (v1 and the publishers'), the HTML allowlist, detection;
//! - [`reader`]: configuration, settings, share targets, reading time, UI words, errors, loading;
//! - [`view`]: the article renderer and, in the browser, the Yew components that are its islands;
//! - [`embed`] and [`page`]: the two ways the widget starts (page mode is the `page` feature);
//! - [`platform`]: the browser calls, a leaf that imports nothing from the crate.
//!
//! `core`, `document`, `reader` and the renderer build natively and are tested with `cargo test`;
//! the rest builds for wasm32 only.

/// Talc instead of the default dlmalloc: a smaller wasm and faster allocation, the same
/// `GlobalAlloc` contract (wasm is single-threaded here: no atomics).
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub mod core;
pub mod document;
pub mod reader;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(all(target_arch = "wasm32", feature = "page"))]
pub mod page;
#[cfg(target_arch = "wasm32")]
pub mod platform;
