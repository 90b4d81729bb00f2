//! Code loaded on demand: the one home of the mechanism that keeps what the first paint does not
//! need out of the main wasm.
//!
//! A function becomes an on-demand point with
//! `#[cfg_attr(article_reader_split, wasm_split_helpers::wasm_split(<module>, fallible))]` and a
//! return type of `Result<_, ModuleMissing>`, and is called as `on_demand!(function(args))`. A
//! release build (`make dist`, `ARTICLE_READER_SPLIT=1`) is linked with relocations and cut by
//! `wasm-split-cli` at those points: each function, with all the code only it reaches, moves into
//! a module of its own that the glue fetches the first time it is called — once for every widget of
//! the page — and instantiates against the main module's memory and table
//! (`scripts/split-wasm.mjs`). Every other build (`trunk serve`, the component tests, the native
//! tools) calls the function directly: the points cost nothing there.
//!
//! A module that cannot be fetched or started is `Err(ModuleMissing)`, never a panic, and is asked
//! for again on the next call: each caller says what is missing, and the article stays readable.

use std::fmt;

/// A module that could not be fetched or started (offline before it was cached, a host that
/// blocked it, a damaged file).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ModuleMissing;

impl fmt::Display for ModuleMissing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a part of the reader could not be loaded")
    }
}

#[cfg(article_reader_split)]
impl From<wasm_split_helpers::SplitLoaderError> for ModuleMissing {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        ModuleMissing
    }
}

/// Calls an on-demand function, `on_demand!(function(args))`: its module is fetched first when
/// the build is split (then the call is awaited, so it is used inside `async` code only).
#[macro_export]
macro_rules! on_demand {
    ($call:expr) => {{
        #[cfg(article_reader_split)]
        let result = $call.await;
        #[cfg(not(article_reader_split))]
        let result = $call;
        result
    }};
}

/// Starts fetching an on-demand module without waiting for it, when it will very likely be needed
/// soon (its request then overlaps with other work): `prefetch!(preload_function)`, the name given
/// in the point's `preload(…)` option. Nothing in an unsplit build.
#[macro_export]
macro_rules! prefetch {
    ($preload:path) => {{
        #[cfg(article_reader_split)]
        wasm_bindgen_futures::spawn_local(async {
            let _ = $preload().await;
        });
    }};
}
