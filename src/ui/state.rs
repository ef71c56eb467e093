//! The app's state: the ledger signal, its stored revision and the save status.

use crate::core::error::FieldError;
use crate::core::ledger::Ledger;
use crate::store::{self, LocalStorage, StoreError};
use crate::ui::browser::now_stamp;
use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast};

/// Shared by every page through context. Signals are `Copy`, so the state is too.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The records on screen.
    pub ledger: RwSignal<Ledger>,
    /// The stored revision the next save is based on.
    revision: RwSignal<u64>,
    /// The last save failure, shown in a banner until the next good save.
    pub save_error: RwSignal<Option<String>>,
    /// Set when the stored document could not be read: nothing is saved over it.
    pub load_error: RwSignal<Option<String>>,
}

impl AppState {
    /// Loads the stored ledger and starts listening for saves from other tabs.
    pub fn load() -> AppState {
        let state = AppState {
            ledger: RwSignal::new(Ledger::default()),
            revision: RwSignal::new(0),
            save_error: RwSignal::new(None),
            load_error: RwSignal::new(None),
        };
        state.reload();
        state.listen_to_other_tabs();
        state
    }

    /// Reads the stored document again (after another tab saved, or a restore).
    pub fn reload(&self) {
        match store::load(&LocalStorage) {
            Ok(loaded) => {
                self.ledger.set(loaded.ledger);
                self.revision.set(loaded.revision);
                self.load_error.set(None);
                self.save_error.set(None);
            }
            Err(error) => self.load_error.set(Some(error.to_string())),
        }
    }

    fn listen_to_other_tabs(&self) {
        let state = *self;
        let on_storage =
            Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |event: web_sys::StorageEvent| {
                if event.key().as_deref() == Some(store::LEDGER_KEY) {
                    state.reload();
                }
            });
        if let Some(window) = web_sys::window() {
            let _ = window
                .add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
        }
        on_storage.forget();
    }

    /// Applies a change to a copy of the ledger; when core accepts it, shows it and saves it.
    ///
    /// A refused change leaves everything as it was. A failed save keeps the change on
    /// screen (so it can still be exported) and shows why it was not stored.
    pub fn commit<T>(
        &self,
        change: impl FnOnce(&mut Ledger) -> Result<T, FieldError>,
    ) -> Result<T, FieldError> {
        let mut next = self.ledger.get_untracked();
        let outcome = change(&mut next)?;
        next.note_change(crate::ui::browser::today());
        // A failed save is shown in the banner; the change stays on screen.
        let _ = self.persist(next);
        Ok(outcome)
    }

    /// Replaces the whole ledger (import, sample data) and saves it.
    pub fn replace(&self, mut ledger: Ledger) -> Result<(), String> {
        ledger.note_change(crate::ui::browser::today());
        self.persist(ledger)
    }

    fn persist(&self, next: Ledger) -> Result<(), String> {
        let saved = match self.load_error.get_untracked() {
            Some(error) => Err(format!("Not saved. {error}")),
            None => store::save(
                &mut LocalStorage,
                &next,
                self.revision.get_untracked(),
                &now_stamp(),
            )
            .map(|revision| self.revision.set(revision))
            .map_err(|error: StoreError| error.to_string()),
        };
        self.save_error.set(saved.clone().err());
        self.ledger.set(next);
        saved
    }
}

/// The app state from context.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
