//! The app's state: the session's ledger as a signal, and the save status.
//!
//! Every change goes through [`Session`](crate::store::Session): this module only turns its
//! results into signals, opens the browser's storage at boot, and stores pending changes after
//! the next paint (and when the page is hidden), so an edit repaints before the write. Storage
//! work runs one operation at a time.

use crate::core::backup;
use crate::core::books::Books;
use crate::core::error::FieldError;
use crate::core::ids::{IdSource, RandomIds};
use crate::core::ledger::Ledger;
use crate::store::{
    self, announce, on_announce, DeviceStorage, LocalStorage, Session, StoreError, Usage,
};
use crate::ui::browser::{after_paint, dispatch, now_stamp, on_window, random_u128, sleep, today};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// Shared by every page through context. Signals are `Copy`, so the state is too.
#[derive(Clone, Copy)]
pub struct AppState {
    session: StoredValue<Session>,
    device: StoredValue<Option<DeviceStorage>>,
    /// The books on screen: the ledger with its indexes, rebuilt once per change. Changes go
    /// through [`AppState::commit`], never through a setter.
    pub ledger: ReadSignal<Arc<Books>>,
    set_ledger: WriteSignal<Arc<Books>>,
    /// The last save failure, shown in a banner until the next good save.
    pub save_error: RwSignal<Option<String>>,
    /// Set when the stored ledger could not be opened: nothing is saved over it.
    pub load_error: RwSignal<Option<StoreError>>,
    /// False until the stored ledger has been opened (or failed to open).
    pub ready: RwSignal<bool>,
    /// True while changes that were not stored are kept aside after another tab saved.
    pub unsaved: RwSignal<bool>,
    flush_scheduled: StoredValue<bool>,
    busy: StoredValue<bool>,
}

impl AppState {
    /// Opens the stored ledger and starts listening for saves from other tabs.
    pub fn load() -> AppState {
        let (ledger, set_ledger) = signal(Arc::new(Books::default()));
        let state = AppState {
            session: StoredValue::new(Session::from_loaded(Ok(store::Loaded {
                ledger: Ledger::default(),
                revision: 0,
            }))),
            device: StoredValue::new(None),
            ledger,
            set_ledger,
            save_error: RwSignal::new(None),
            load_error: RwSignal::new(None),
            ready: RwSignal::new(false),
            unsaved: RwSignal::new(false),
            flush_scheduled: StoredValue::new(false),
            busy: StoredValue::new(false),
        };
        spawn_local(async move { state.open().await });
        on_announce(move || state.reload());
        on_window("pagehide", move |_| state.flush());
        state
    }

    async fn lock(&self) {
        while self.busy.get_value() {
            sleep(4).await;
        }
        self.busy.set_value(true);
    }

    fn unlock(&self) {
        self.busy.set_value(false);
    }

    /// Opens the browser's storage and the ledger in it; on failure the recovery screen says
    /// why, and nothing is shown as empty.
    async fn open(&self) {
        self.lock().await;
        match DeviceStorage::open().await {
            Ok(device) => {
                let session = Session::open(&device).await;
                self.load_error.set(session.blocked().cloned());
                self.device.set_value(Some(device));
                self.session.set_value(session);
                self.show_session();
            }
            Err(error) => self.load_error.set(Some(error)),
        }
        self.unlock();
        self.ready.set(true);
        // The first route has painted: the service worker may now precache the rest.
        after_paint(|| dispatch("overdue:painted"));
    }

    /// Tries again to open the stored ledger (the recovery screen's retry).
    pub async fn retry(&self) {
        self.open().await;
    }

    /// True when the ledger lives in localStorage rather than IndexedDB.
    pub fn is_local(&self) -> bool {
        self.device
            .with_value(|device| device.as_ref().is_none_or(DeviceStorage::is_local))
    }

    /// Reads the stored document again (after another tab saved).
    pub fn reload(&self) {
        let state = *self;
        spawn_local(async move {
            state.lock().await;
            if let Some(device) = state.device.get_value() {
                let mut session = state.session.get_value();
                let stale = session.blocked().is_some()
                    || store::stored_revision(&device).await.ok() != Some(session.revision());
                if stale {
                    match store::load(&device).await {
                        Ok(loaded) => {
                            state.session.update_value(|session| session.adopt(loaded));
                            state.load_error.set(None);
                            state.save_error.set(None);
                            session = state.session.get_value();
                            state.unsaved.set(session.unsaved().is_some());
                            state.show_session();
                        }
                        Err(error) => state.load_error.set(Some(error)),
                    }
                }
            }
            state.unlock();
        });
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

    /// Replaces the whole ledger (sample data) and stores it; on a failed save the ledger
    /// stays as it was and the reason is returned.
    pub async fn replace(&self, mut ledger: Ledger) -> Result<(), String> {
        ledger.note_change(today());
        self.replace_and_store(ledger)
            .await
            .map(|_| ())
            .map_err(|error| error.to_string())
    }

    /// Imports a backup file: all of it or nothing, stored before it is shown. Returns the
    /// sentence to show.
    pub async fn import_backup(&self, text: &str) -> Result<String, String> {
        let (ledger, imported) = Session::read_backup(text, today())
            .map_err(|e| format!("Nothing was imported; your data is unchanged. {e}"))?;
        match self.replace_and_store(ledger).await {
            Ok(_) => Ok(imported.summary()),
            Err(StoreError::QuotaExceeded) => Err(
                "The backup was read, but it does not fit in this browser's storage, so nothing was imported; your data is unchanged. Free space (or delete sample data), then import again.".into(),
            ),
            Err(error) => Err(format!(
                "The backup was read, but it could not be saved, so nothing was imported; your data is unchanged. {error}"
            )),
        }
    }

    /// Stores what is pending, then `ledger` in one save, and only then shows it. Returns
    /// the revision stored before it, which an undo takes.
    async fn replace_and_store(&self, ledger: Ledger) -> Result<Option<u64>, StoreError> {
        self.lock().await;
        let outcome = self.replace_locked(ledger).await;
        self.unlock();
        outcome
    }

    async fn replace_locked(&self, ledger: Ledger) -> Result<Option<u64>, StoreError> {
        let mut device = self.device.get_value().ok_or_else(not_open)?;
        self.flush_locked(&mut device).await?;
        let ticket = self.session.with_value(|session| session.replacing(ledger));
        let result = store::save(&mut device, &ticket.ledger, ticket.based_on, &now_stamp()).await;
        let stored_before = self
            .session
            .try_update_value(|session| session.replaced(ticket, result))
            .unwrap_or_else(|| Err(not_open()))?;
        self.saved(self.session.with_value(Session::revision));
        self.show_session();
        Ok(stored_before)
    }

    /// Replaces the whole ledger with one `build` makes from it (an import) and stores it at
    /// once, in one save. Returns what [`AppState::undo_replacement`] takes; on a refusal or a
    /// failed save, the data stays as it was and the reason is returned.
    pub async fn replace_with_undo(
        &self,
        build: impl FnOnce(&Ledger, &mut dyn IdSource) -> Result<Ledger, FieldError>,
    ) -> Result<Option<u64>, String> {
        let mut ids = RandomIds(random_u128);
        let current = self
            .session
            .try_with_value(Session::ledger)
            .ok_or("the ledger is not open")?;
        let next = build(&current, &mut ids).map_err(|error| error.to_string())?;
        self.replace_and_store(next)
            .await
            .map_err(|error| error.to_string())
    }

    /// True while the replacement stored on top of `stored_before` can still be undone.
    /// Reading it in a view follows every change of the ledger.
    pub fn can_undo(&self, stored_before: Option<u64>) -> bool {
        self.ledger.track();
        self.session
            .try_with_value(|session| session.can_undo(stored_before))
            .unwrap_or(false)
    }

    /// Runs `operation` on this tab's session and the storage, one at a time, and shows the
    /// result.
    async fn with_storage<T>(
        &self,
        operation: impl AsyncFnOnce(&mut Session, &mut DeviceStorage) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        self.lock().await;
        let outcome = match self.device.get_value() {
            Some(mut device) => {
                let mut session = self.session.get_value();
                let outcome = operation(&mut session, &mut device).await;
                if outcome.is_ok() {
                    self.session.set_value(session);
                    self.saved(self.session.with_value(Session::revision));
                    self.show_session();
                }
                outcome
            }
            None => Err(not_open()),
        };
        self.unlock();
        outcome
    }

    /// Puts back the stored data from before the replacement, byte for byte. Returns false,
    /// changing nothing, when the data changed since.
    pub async fn undo_replacement(&self, stored_before: Option<u64>) -> Result<bool, String> {
        self.with_storage(async |session, device| {
            session.undo_replacement(stored_before, device).await
        })
        .await
        .map_err(|error| error.to_string())
    }

    /// Restores the previous good copy of the stored ledger.
    pub async fn restore_previous(&self) -> Result<(), StoreError> {
        self.with_storage(async |session, device| session.restore_previous(device).await)
            .await?;
        self.load_error.set(None);
        Ok(())
    }

    /// Deletes the stored ledger and starts empty (after the user downloaded it and confirmed).
    pub async fn start_empty(&self) -> Result<(), StoreError> {
        self.with_storage(async |session, device| session.start_empty(device).await)
            .await?;
        self.load_error.set(None);
        Ok(())
    }

    /// The stored text under `key`, exactly as it is (for the recovery screen).
    pub async fn raw(&self, key: &str) -> Result<Option<String>, StoreError> {
        match self.device.get_value() {
            Some(device) => store::raw(&device, key).await,
            None => match self.load_error.get_untracked() {
                Some(error @ StoreError::Unavailable(_)) => Err(error),
                _ => Err(not_open()),
            },
        }
    }

    /// The ledger this tab holds in memory, whatever storage says.
    pub fn in_memory(&self) -> Arc<Ledger> {
        self.session.with_value(Session::ledger)
    }

    /// This tab's changes kept aside after another tab saved over them.
    pub fn unsaved_ledger(&self) -> Option<Arc<Ledger>> {
        self.session.with_value(Session::unsaved)
    }

    /// Takes back the changes kept aside and stores them over what another tab saved.
    pub fn save_unsaved_again(&self) {
        let taken = self
            .session
            .try_update_value(Session::take_back_unsaved)
            .unwrap_or(false);
        self.unsaved.set(self.unsaved_ledger().is_some());
        if taken {
            self.show_session();
            self.flush();
        }
    }

    /// Forgets the changes kept aside.
    pub fn discard_unsaved(&self) {
        self.session.update_value(Session::discard_unsaved);
        self.unsaved.set(false);
    }

    /// How full this site's storage is: localStorage counted key by key, or the browser's
    /// estimate for IndexedDB.
    pub async fn usage(&self) -> Option<Usage> {
        if self.is_local() {
            return LocalStorage::usage();
        }
        let (used, quota) = crate::ui::browser::storage_estimate().await?;
        Some(Usage::from_estimate(used, quota))
    }

    /// Stores pending changes soon; a failure is shown in the banner and the changes stay.
    pub fn flush(&self) {
        self.flush_scheduled.set_value(false);
        let state = *self;
        spawn_local(async move {
            state.lock().await;
            if let Some(mut device) = state.device.get_value() {
                let _ = state.flush_locked(&mut device).await;
            }
            state.unlock();
        });
    }

    /// Stores what is pending until nothing is; shows the outcome in the banner.
    async fn flush_locked(&self, device: &mut DeviceStorage) -> Result<(), StoreError> {
        loop {
            let ticket = match self.session.with_value(Session::to_save) {
                Ok(Some(ticket)) => ticket,
                Ok(None) => return Ok(()),
                Err(error) => {
                    self.save_error.set(Some(error.to_string()));
                    return Err(error);
                }
            };
            let result = store::save(device, &ticket.ledger, ticket.based_on, &now_stamp()).await;
            let outcome = self
                .session
                .try_update_value(|session| session.saved(ticket, result))
                .unwrap_or_else(|| Err(not_open()));
            match outcome {
                Ok(revision) => self.saved(revision.unwrap_or_default()),
                Err(error) => {
                    self.save_error.set(Some(error.to_string()));
                    return Err(error);
                }
            }
        }
    }

    /// A save of `revision` succeeded: the banner goes and other tabs hear of it.
    fn saved(&self, revision: u64) {
        self.save_error.set(None);
        announce(revision);
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

fn not_open() -> StoreError {
    StoreError::Unavailable("the stored ledger is not open".into())
}

/// The app state from context.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

/// A backup of `ledger` as a file's text, stamped now.
pub fn backup_text(ledger: &Ledger) -> String {
    backup::export(ledger, &now_stamp())
}
