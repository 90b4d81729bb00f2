//! Drawing the article: the renderer (one set of rules for the DOM and for HTML text), and in the
//! browser the Yew components that are its interactive islands, the hooks and mounting.

pub mod render;

#[cfg(target_arch = "wasm32")]
pub mod actions;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod hooks;
#[cfg(target_arch = "wasm32")]
pub mod islands;
#[cfg(target_arch = "wasm32")]
pub mod keys;
#[cfg(target_arch = "wasm32")]
pub mod mount;
#[cfg(target_arch = "wasm32")]
pub mod rich;
#[cfg(target_arch = "wasm32")]
pub mod viewer;
