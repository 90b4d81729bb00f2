use std::rc::Rc;

use yew::prelude::*;

use crate::reader::config::{ArticleSource, ReaderConfig};
use crate::reader::error::ReaderError;
use crate::reader::loader::{self, Loaded};
use crate::view::render::dom::ArticleDom;

/// Where loading an article stands.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadState {
    Loading,
    Ready(Rc<Loaded>),
    Failed(ReaderError),
}

/// What a widget's first paint did before its app came (`view::mount`): how the load ended, and
/// the article it drew, if it drew one.
pub struct Preloaded {
    /// The load's outcome: `Ready` or `Failed`.
    pub state: LoadState,
    /// The drawn article, for the reader to take over.
    pub drawn: Option<Rc<ArticleDom>>,
}

/// Asks for the lead picture of `loaded` now (the largest paint: before the body is built), in
/// its version for a dark theme when the reader's theme is dark.
pub fn request_lead_picture(loaded: &Loaded, config: &ReaderConfig) {
    if let Some(lead) = loaded.article.lead_image.as_ref() {
        let theme = crate::reader::settings::ReadingSettings::load().theme_or(config.theme);
        let dark = theme.is_dark(crate::platform::prefers_dark());
        crate::view::render::request_lead_picture(lead, dark);
    }
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
/// so a slow first load can never overwrite the document that replaced it. With `preloaded` (the
/// outcome of the load the first paint made) the first load is that one.
///
/// ```ignore
/// let article = use_article(props.source.clone(), props.config.clone(), None);
/// match article.state() { LoadState::Ready(doc) => …, … }
/// ```
#[hook]
pub fn use_article(
    source: ArticleSource,
    config: Rc<ReaderConfig>,
    preloaded: Option<LoadState>,
) -> UseArticleHandle {
    let loaded_before = preloaded.is_some();
    let state = use_state(move || preloaded.unwrap_or(LoadState::Loading));
    let attempt = use_state(|| 0u32);
    let latest = use_mut_ref(|| 0u32);
    let skip_first = use_mut_ref(move || loaded_before);
    {
        let state = state.clone();
        use_effect_with((source, *attempt), move |(source, _)| {
            if std::mem::take(&mut *skip_first.borrow_mut()) {
                return;
            }
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
                    if let Ok(loaded) = &result {
                        request_lead_picture(loaded, &config);
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
