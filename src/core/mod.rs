//! The pure core: the article model, the JSON parser, dates, the URL policy and the known
//! players. It imports nothing from the rest of the crate and nothing from the browser, so every
//! layer above can build on it, natively and in wasm alike.

pub mod date;
pub mod json;
pub mod model;
pub mod players;
pub mod url_policy;
