//! The app's state: the session's ledger as a signal, and the save status.
//!
//! Every change goes through [`Session`](crate::store::Session): this module only turns its
//! results into signals, and stores pending changes after the next paint (and when the page is
//! hidden), so an edit repaints before the write.

use crate::core::books::Books;
use crate::core::error::FieldError;
use crate::core::ids::{IdSource, RandomIds};
use crate::core::ledger::Ledger;
use crate::store::{LocalStorage, Session, StoreError, REVISION_KEY};
use crate::ui::browser::{after_paint, now_stamp, on_window, random_u128, today};
use leptos::prelude::*;
use std::sync::Arc;

/// Shared by every page through context. Signals are `Copy`, so the state is too.
#[derive(Clone, Copy)]
pub struct AppState {
    session: StoredValue<Session>,
    /// The books on screen: the ledger with its indexes, rebuilt once per change. Changes go
    /// through [`AppState::commit`], never through a setter.
    pub ledger: ReadSignal<Arc<Books>>,
    set_ledger: WriteSignal<Arc<Books>>,
    /// The last save failure, shown in a banner until the next good save.
    pub save_error: RwSignal<Option<String>>,
    /// Set when the stored document could not be read: nothing is saved over it.
    pub load_error: RwSignal<Option<String>>,
    flush_scheduled: StoredValue<bool>,
}

impl AppState {
    /// Opens the stored ledger and starts listening for saves from other tabs.
    pub fn load() -> AppState {
        let session = Session::open(&LocalStorage);
        let (ledger, set_ledger) = signal(Arc::new(Books::new(session.ledger())));
        let state = AppState {
            ledger,
            set_ledger,
            load_error: RwSignal::new(session.blocked().map(ToString::to_string)),
            session: StoredValue::new(session),
            save_error: RwSignal::new(None),
            flush_scheduled: StoredValue::new(false),
        };
        on_window("storage", move |key| {
            if key.as_deref() == Some(REVISION_KEY) {
                state.reload();
            }
        });
        on_window("pagehide", move |_| state.flush());
        state
    }

    /// Reads the stored document again (after another tab saved, or a restore).
    pub fn reload(&self) {
        let outcome = self
            .session
            .try_update_value(|session| session.reload(&LocalStorage));
        match outcome {
            Some(Ok(true)) => self.show_session(),
            Some(Ok(false)) | None => {}
            Some(Err(error)) => self.load_error.set(Some(error.to_string())),
        }
    }

    /// Runs a change; when core accepts it, shows it at once and stores it after the paint.
    pub fn commit<T>(
        &self,
        change: impl FnOnce(&mut Ledger, &mut dyn IdSource) -> Result<T, FieldError>,
    ) -> Result<T, FieldError> {
        let mut ids = RandomIds(random_u128);
        let outcome = self
            .session
            .try_update_value(|session| session.apply(today(), &mut ids, change))
            .unwrap_or_else(|| Err(FieldError::NotFound("the ledger".into())))?;
        self.show_session();
        self.schedule_flush();
        Ok(outcome)
    }

    /// Notes that a backup was exported today (not a change for the backup reminder).
    pub fn note_export(&self) {
        self.session
            .update_value(|session| session.note_export(today()));
        self.show_session();
        self.schedule_flush();
    }

    /// Replaces the whole ledger (sample data) and stores it.
    pub fn replace(&self, ledger: Ledger) -> Result<(), String> {
        self.session
            .update_value(|session| session.replace(ledger, today()));
        self.show_session();
        self.flush();
        self.save_error.get_untracked().map_or(Ok(()), Err)
    }

    /// Imports a backup file: all of it or nothing. Returns the sentence to show.
    pub fn import_backup(&self, text: &str) -> Result<String, String> {
        let imported = self
            .session
            .try_update_value(|session| session.import_backup(text, today()))
            .unwrap_or_else(|| Err(crate::core::backup::ImportError::whole("no session")))
            .map_err(|e| format!("Nothing was imported; your data is unchanged. {e}"))?;
        self.show_session();
        self.flush();
        match self.save_error.get_untracked() {
            None => Ok(imported.summary()),
            Some(error) => Err(format!("The backup was read, but not saved: {error}")),
        }
    }

    /// Replaces the whole ledger with one `build` makes from it (an import) and stores it at
    /// once, in one save. Returns what [`AppState::undo_replacement`] takes; on a refusal or a
    /// failed save, the data stays as it was and the reason is returned.
    pub fn replace_with_undo(
        &self,
        build: impl FnOnce(&Ledger, &mut dyn IdSource) -> Result<Ledger, FieldError>,
    ) -> Result<Option<u64>, String> {
        let mut ids = RandomIds(random_u128);
        let current = self
            .session
            .try_with_value(Session::ledger)
            .ok_or("the ledger is not open")?;
        let next = build(&current, &mut ids).map_err(|error| error.to_string())?;
        let stored = self
            .session
            .try_update_value(|session| {
                session.replace_and_store(next, &mut LocalStorage, &now_stamp())
            })
            .ok_or("the ledger is not open")?
            .map_err(|error| error.to_string())?;
        self.show_session();
        Ok(stored)
    }

    /// True while the replacement stored on top of `stored_before` can still be undone.
    /// Reading it in a view follows every change of the ledger.
    pub fn can_undo(&self, stored_before: Option<u64>) -> bool {
        self.ledger.track();
        self.session
            .try_with_value(|session| session.can_undo(stored_before))
            .unwrap_or(false)
    }

    /// Puts back the stored data from before the replacement, byte for byte. Returns false,
    /// changing nothing, when the data changed since.
    pub fn undo_replacement(&self, stored_before: Option<u64>) -> Result<bool, String> {
        let undone = self
            .session
            .try_update_value(|session| session.undo_replacement(stored_before, &mut LocalStorage))
            .unwrap_or(Ok(false))
            .map_err(|error| error.to_string())?;
        if undone {
            self.show_session();
        }
        Ok(undone)
    }

    /// Restores the previous good copy of the stored ledger.
    pub fn restore_previous(&self) -> Result<(), StoreError> {
        self.session
            .try_update_value(|session| session.restore_previous(&mut LocalStorage))
            .unwrap_or(Ok(()))?;
        self.load_error.set(None);
        self.show_session();
        Ok(())
    }

    /// Deletes the stored ledger and starts empty (after the user downloaded it and confirmed).
    pub fn start_empty(&self) -> Result<(), StoreError> {
        self.session
            .try_update_value(|session| session.start_empty(&mut LocalStorage))
            .unwrap_or(Ok(()))?;
        self.load_error.set(None);
        self.show_session();
        Ok(())
    }

    /// Stores pending changes now; a failure is shown in the banner and the changes stay.
    pub fn flush(&self) {
        self.flush_scheduled.set_value(false);
        let saved = self
            .session
            .try_update_value(|session| session.flush(&mut LocalStorage, &now_stamp()));
        match saved {
            Some(Ok(_)) => self.save_error.set(None),
            Some(Err(error)) => self.save_error.set(Some(error.to_string())),
            None => {}
        }
    }

    fn schedule_flush(&self) {
        if self.flush_scheduled.get_value() {
            return;
        }
        self.flush_scheduled.set_value(true);
        let state = *self;
        after_paint(move || state.flush());
    }

    fn show_session(&self) {
        if let Some(ledger) = self.session.try_with_value(Session::ledger) {
            self.set_ledger.set(Arc::new(Books::new(ledger)));
        }
    }
}

/// The app state from context.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
