//! Components from an on-demand module (`platform::on_demand`), for the Yew side: a component
//! that draws from one asks for it after the first paint it is part of, draws its place empty
//! until it comes, and is drawn again when it does.

use std::cell::Cell;
use std::future::Future;
use std::thread::LocalKey;

use yew::prelude::*;

use crate::platform;
use crate::platform::on_demand::ModuleMissing;

/// Where an on-demand module stands for one component.
#[derive(Clone, Copy)]
pub enum ModuleState<T> {
    /// Asked for (or about to be).
    Waiting,
    /// Here: what its entry point gave.
    Ready(T),
    /// It could not be fetched or started: the component says what is missing.
    Missing,
}

/// What the module at `load` gives, asked for after a paint once `ask` holds: one fetch for all
/// the widgets of the page (kept in `loaded`, which a build that is not split fills at once), and
/// asked for again by the next component after a failure. `what` names it on the console.
#[hook]
pub fn use_module<T, F>(
    ask: bool,
    loaded: &'static LocalKey<Cell<Option<T>>>,
    load: fn() -> F,
    what: &'static str,
) -> ModuleState<T>
where
    T: Copy + 'static,
    F: Future<Output = Result<T, ModuleMissing>> + 'static,
{
    let state = use_state(|| {
        loaded
            .with(Cell::get)
            .map_or(ModuleState::Waiting, ModuleState::Ready)
    });
    {
        let state = state.clone();
        let waiting = matches!(*state, ModuleState::Waiting);
        use_effect_with(ask && waiting, move |ask| {
            if *ask {
                wasm_bindgen_futures::spawn_local(async move {
                    platform::after_paint().await;
                    let next = match loaded.with(Cell::get) {
                        Some(module) => ModuleState::Ready(module),
                        None => match load().await {
                            Ok(module) => {
                                loaded.with(|cell| cell.set(Some(module)));
                                ModuleState::Ready(module)
                            }
                            Err(missing) => {
                                platform::warn(&format!("{what}: {missing}"));
                                ModuleState::Missing
                            }
                        },
                    };
                    state.set(next);
                });
            }
        });
    }
    *state
}
