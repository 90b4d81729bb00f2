//! The UI's words and the error view's names, generated at build time from `ui/*.json` (see
//! `build.rs`): the same files give `embed.js` its start-failure view, so every error view the
//! reader draws — Yew's, the panic view, the loader's — says the same words with the same classes
//! and `::part()` names.

include!(concat!(env!("OUT_DIR"), "/ui.rs"));
