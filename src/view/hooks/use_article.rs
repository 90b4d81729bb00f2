use std::rc::Rc;

use yew::prelude::*;

use crate::reader::config::{ArticleSource, ReaderConfig};
use crate::reader::error::ReaderError;
use crate::reader::loader::{self, Loaded};

/// Where loading an article stands.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadState {
    Loading,
    Ready(Rc<Loaded>),
    Failed(ReaderError),
}

/// What [`use_article`] returns: the state, and a way to try again.
#[derive(Clone)]
pub struct UseArticleHandle {
    state: UseStateHandle<LoadState>,
    attempt: UseStateHandle<u32>,
}

impl UseArticleHandle {
    /// Where loading stands now.
    pub fn state(&self) -> &LoadState {
        &self.state
    }

    /// Loads the same source again (the error view's "Try again").
    pub fn retry(&self) {
        self.attempt.set(*self.attempt + 1);
    }
}

/// Loads the article from `source`, again whenever `source` changes or [`UseArticleHandle::retry`]
/// is called. An answer that arrives after a newer request started is dropped (the `latest` guard),
/// so a slow first load can never overwrite the document that replaced it.
///
/// ```ignore
/// let article = use_article(props.source.clone(), props.config.clone());
/// match article.state() { LoadState::Ready(doc) => …, … }
/// ```
#[hook]
pub fn use_article(source: ArticleSource, config: Rc<ReaderConfig>) -> UseArticleHandle {
    let state = use_state(|| LoadState::Loading);
    let attempt = use_state(|| 0u32);
    let latest = use_mut_ref(|| 0u32);
    {
        let state = state.clone();
        use_effect_with((source, *attempt), move |(source, _)| {
            let run = {
                let mut latest = latest.borrow_mut();
                *latest += 1;
                *latest
            };
            state.set(LoadState::Loading);
            let source = source.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let result = loader::load(&source, &config).await;
                if *latest.borrow() == run {
                    // The lead picture is the largest paint: its request starts now, before the
                    // body is built (and only for the article that will be shown).
                    if let Some(lead) = result
                        .as_ref()
                        .ok()
                        .and_then(|l| l.article.lead_image.as_ref())
                    {
                        let theme =
                            crate::reader::settings::ReadingSettings::load().theme_or(config.theme);
                        let dark = theme.is_dark(crate::platform::prefers_dark());
                        crate::view::render::request_lead_picture(lead, dark);
                    }
                    state.set(match result {
                        Ok(loaded) => LoadState::Ready(Rc::new(loaded)),
                        Err(error) => LoadState::Failed(error),
                    });
                }
            });
        });
    }
    UseArticleHandle { state, attempt }
}
