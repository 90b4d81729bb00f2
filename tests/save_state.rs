//! Native tests of the "Save for offline" state machine.
#![cfg(not(target_arch = "wasm32"))]

use article_reader::reader::error::ReaderError;
use article_reader::reader::i18n::Ui;
use article_reader::reader::save_state::{SaveAction, SaveMessage, SaveState, SaveStatus};

fn ui() -> Ui {
    Ui::default()
}

fn run(actions: impl IntoIterator<Item = SaveAction>) -> SaveState {
    actions
        .into_iter()
        .fold(SaveState::default(), |state, action| state.reduce(action))
}

#[test]
fn it_starts_checking_with_the_button_disabled() {
    let state = SaveState::default();
    assert_eq!(state.status, SaveStatus::Checking);
    assert!(state.busy());
    assert!(!state.can_save());
    assert_eq!(state.label(&ui()), "Save for offline");
    assert_eq!(state.message_text(&ui(), false), "");
}

#[test]
fn saving_goes_through_saving_to_saved_with_a_message_at_each_step() {
    let state = run([SaveAction::Checked { saved: false }]);
    assert_eq!(state.status, SaveStatus::NotSaved);
    assert!(state.can_save() && !state.busy());
    let saving = state.reduce(SaveAction::Save);
    assert_eq!(saving.status, SaveStatus::Saving);
    assert_eq!(saving.label(&ui()), "Saving…");
    assert!(saving.busy() && !saving.can_save());
    assert_eq!(
        saving.message_text(&ui(), false),
        "Saving the article and its pictures…"
    );
    let saved = saving.reduce(SaveAction::SaveDone);
    assert_eq!(saved.status, SaveStatus::Saved);
    assert_eq!(saved.label(&ui()), "Saved for offline");
    assert_eq!(
        saved.message_text(&ui(), false),
        "Saved. This article can now be read offline."
    );
    assert_eq!(
        saved.message_text(&ui(), true),
        "Saved. This article can now be read offline. Videos are not saved: offline, you will \
         see their posters.",
        "an article with videos says what was kept of them"
    );
}

#[test]
fn a_failed_save_says_why_and_allows_another_try() {
    let state = run([
        SaveAction::Checked { saved: false },
        SaveAction::Save,
        SaveAction::SaveFailed(ReaderError::StorageFull),
    ]);
    assert_eq!(state.status, SaveStatus::NotSaved);
    assert_eq!(state.message, SaveMessage::Failed(ReaderError::StorageFull));
    assert!(state
        .message_text(&ui(), false)
        .starts_with("There is not enough storage space"));
    assert!(state.can_save());
}

#[test]
fn removing_a_saved_article_and_failing_to() {
    let saved = run([SaveAction::Checked { saved: true }]);
    assert_eq!(saved.status, SaveStatus::Saved);
    let failed = saved.reduce(SaveAction::RemoveFailed(ReaderError::StorageUnavailable));
    assert_eq!(failed.status, SaveStatus::Saved, "still saved");
    assert_eq!(
        failed.message_text(&ui(), false),
        "This browser does not allow saving articles here."
    );
    let removed = failed.reduce(SaveAction::RemoveDone);
    assert_eq!(removed.status, SaveStatus::NotSaved);
    assert_eq!(
        removed.message_text(&ui(), false),
        "Removed from saved articles."
    );
}

#[test]
fn actions_that_do_not_fit_the_state_change_nothing() {
    let saving = run([SaveAction::Checked { saved: false }, SaveAction::Save]);
    for late in [
        SaveAction::Save,
        SaveAction::Checked { saved: true },
        SaveAction::RemoveDone,
        SaveAction::RemoveFailed(ReaderError::Internal),
    ] {
        assert_eq!(saving.reduce(late.clone()), saving, "{late:?} while saving");
    }
    let checking = SaveState::default();
    for early in [
        SaveAction::Save,
        SaveAction::SaveDone,
        SaveAction::RemoveDone,
    ] {
        assert_eq!(
            checking.reduce(early.clone()),
            checking,
            "{early:?} while checking"
        );
    }
    let saved = run([SaveAction::Checked { saved: true }]);
    assert_eq!(
        saved.reduce(SaveAction::Save),
        saved,
        "a saved article is not saved again"
    );
}
