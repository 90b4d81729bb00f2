//! The "Save for offline" control as a state machine: every transition in one pure function,
//! natively tested; the component only dispatches what happened and renders the state.

use crate::reader::error::ReaderError;
use crate::reader::i18n::Ui;

/// Where saving stands for the shown article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    /// Asking the saved list whether the article is in it.
    Checking,
    NotSaved,
    Saving,
    Saved,
}

/// What the control's live region says after the last step.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveMessage {
    None,
    Saving,
    Saved,
    Removed,
    Failed(ReaderError),
}

/// What happened: the reader's clicks and the storage's answers.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveAction {
    /// The saved list answered whether the article is saved.
    Checked {
        saved: bool,
    },
    /// "Save for offline" was pressed.
    Save,
    /// The article and its pictures are stored.
    SaveDone,
    SaveFailed(ReaderError),
    /// "Remove" finished.
    RemoveDone,
    RemoveFailed(ReaderError),
}

/// The control's whole state.
#[derive(Clone, Debug, PartialEq)]
pub struct SaveState {
    pub status: SaveStatus,
    pub message: SaveMessage,
}

impl Default for SaveState {
    fn default() -> Self {
        SaveState {
            status: SaveStatus::Checking,
            message: SaveMessage::None,
        }
    }
}

impl SaveState {
    /// The state after `action`. An action that does not fit the current state (a second click
    /// while saving, a late answer of the first check) leaves it unchanged.
    pub fn reduce(&self, action: SaveAction) -> SaveState {
        use SaveStatus::*;
        let (status, message) = match (self.status, action) {
            (Checking, SaveAction::Checked { saved }) => {
                (if saved { Saved } else { NotSaved }, SaveMessage::None)
            }
            (NotSaved, SaveAction::Save) => (Saving, SaveMessage::Saving),
            (Saving, SaveAction::SaveDone) => (Saved, SaveMessage::Saved),
            (Saving, SaveAction::SaveFailed(error)) => (NotSaved, SaveMessage::Failed(error)),
            (Saved, SaveAction::RemoveDone) => (NotSaved, SaveMessage::Removed),
            (Saved, SaveAction::RemoveFailed(error)) => (Saved, SaveMessage::Failed(error)),
            _ => return self.clone(),
        };
        SaveState { status, message }
    }

    /// Whether "Save for offline" starts a save now (the component starts the storage work only
    /// then, so one click saves once).
    pub fn can_save(&self) -> bool {
        self.status == SaveStatus::NotSaved
    }

    /// The save button's label.
    pub fn label(&self, ui: &Ui) -> &'static str {
        match self.status {
            SaveStatus::Saving => ui.words.saving,
            SaveStatus::Saved => ui.words.saved,
            SaveStatus::Checking | SaveStatus::NotSaved => ui.words.save,
        }
    }

    /// Whether the save button is disabled (an answer is awaited).
    pub fn busy(&self) -> bool {
        matches!(self.status, SaveStatus::Checking | SaveStatus::Saving)
    }

    /// The live region's text; once saved, an article with `videos` also hears that their
    /// posters were kept, not the files.
    pub fn message_text(&self, ui: &Ui, videos: bool) -> String {
        match &self.message {
            SaveMessage::None => String::new(),
            SaveMessage::Saving => ui.words.save_progress.into(),
            SaveMessage::Saved if videos => {
                [ui.words.save_done, ui.words.videos_not_saved].join(" ")
            }
            SaveMessage::Saved => ui.words.save_done.into(),
            SaveMessage::Removed => ui.words.removed.into(),
            SaveMessage::Failed(error) => error.message(ui),
        }
    }
}
