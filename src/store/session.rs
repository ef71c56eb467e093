//! The one path by which the ledger changes: change → validate → note the change → serialise
//! once → write → verify → revision.
//!
//! A [`Session`] holds the ledger this tab shows. [`Session::apply`] runs a change on a copy
//! and keeps it only when core accepts it; [`Session::flush`] stores what is pending. The two
//! are separate so that the page can repaint before the write; the caller flushes right after
//! (and when the page is hidden). What counts as a change for the backup reminder is decided
//! here: an export is not one.

use super::{load, save, Loaded, Storage, StoreError};
use crate::core::backup::{self, ImportError};
use crate::core::error::FieldError;
use crate::core::ids::IdSource;
use crate::core::ledger::Ledger;
use chrono::NaiveDate;
use std::sync::Arc;

/// The ledger of one tab, its stored revision and whether it is stored yet.
#[derive(Debug, Clone)]
pub struct Session {
    ledger: Arc<Ledger>,
    revision: u64,
    /// Set when the stored document could not be read: nothing is written over it.
    blocked: Option<StoreError>,
    /// True while the ledger holds changes that are not stored.
    pending: bool,
    /// Changes that were not stored when another tab's save was loaded over them.
    unsaved: Option<Arc<Ledger>>,
}

/// A save to run: the ledger to store and the revision it builds on.
#[derive(Debug, Clone)]
pub struct SaveTicket {
    /// The ledger to store.
    pub ledger: Arc<Ledger>,
    /// The stored revision it builds on.
    pub based_on: u64,
}

/// What an import of a backup brought in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Imported {
    /// Clients in the file.
    pub clients: usize,
    /// Invoices in the file.
    pub invoices: usize,
    /// Payments in the file.
    pub payments: usize,
    /// Timeline entries in the file.
    pub activities: usize,
}

impl Imported {
    /// A sentence for the person who imported the file.
    pub fn summary(&self) -> String {
        format!(
            "Imported {} clients, {} invoices, {} payments and {} activities.",
            self.clients, self.invoices, self.payments, self.activities
        )
    }
}

/// How full the browser's storage is, and whether to warn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UsageLevel {
    /// Below 60%.
    Fine,
    /// From 60%: export a backup and consider making room.
    FillingUp,
    /// From 85%: export a backup now.
    AlmostFull,
}

/// Storage used by the ledger against what the browser allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Usage {
    /// Bytes used.
    pub used: u64,
    /// Bytes allowed.
    pub quota: u64,
}

impl Usage {
    /// localStorage's limit per site: 5 MiB of UTF-16 code units, counted in bytes.
    pub const LOCAL_STORAGE_QUOTA: u64 = 5 * 1024 * 1024 * 2;

    /// What the browser's storage estimate reports for this site (`navigator.storage`).
    pub fn from_estimate(used: f64, quota: f64) -> Usage {
        Usage {
            used: used.max(0.0) as u64,
            quota: quota.max(0.0) as u64,
        }
    }

    /// The bytes localStorage spends on `entries` (two per UTF-16 code unit of keys and
    /// values), against its limit.
    pub fn of_local_storage<'a>(entries: impl IntoIterator<Item = (&'a str, &'a str)>) -> Usage {
        let used = entries
            .into_iter()
            .map(|(key, value)| {
                2 * (key.encode_utf16().count() + value.encode_utf16().count()) as u64
            })
            .sum();
        Usage {
            used,
            quota: Usage::LOCAL_STORAGE_QUOTA,
        }
    }

    /// Percent of the quota in use, rounded down.
    pub fn percent(&self) -> u64 {
        (self.used.saturating_mul(100))
            .checked_div(self.quota)
            .unwrap_or(100)
    }

    /// Whether to warn, and how strongly.
    pub fn level(&self) -> UsageLevel {
        match self.percent() {
            85.. => UsageLevel::AlmostFull,
            60.. => UsageLevel::FillingUp,
            _ => UsageLevel::Fine,
        }
    }

    /// The advice to show at this level, if any.
    pub fn advice(&self) -> Option<&'static str> {
        match self.level() {
            UsageLevel::Fine => None,
            UsageLevel::FillingUp => Some("Storage is filling up: export a backup, and consider removing sample data or clients you no longer need."),
            UsageLevel::AlmostFull => Some("Storage is almost full: export a backup now, then remove sample data or old written-off clients to make room."),
        }
    }
}

impl Session {
    /// A session over what was loaded; an unreadable store is left untouched and blocks every
    /// save.
    pub fn from_loaded(loaded: Result<Loaded, StoreError>) -> Session {
        match loaded {
            Ok(loaded) => Session {
                ledger: Arc::new(loaded.ledger),
                revision: loaded.revision,
                blocked: None,
                pending: false,
                unsaved: None,
            },
            Err(error) => Session {
                ledger: Arc::default(),
                revision: 0,
                blocked: Some(error),
                pending: false,
                unsaved: None,
            },
        }
    }

    /// Opens the stored ledger.
    pub async fn open(storage: &impl Storage) -> Session {
        Session::from_loaded(load(storage).await)
    }

    /// The ledger as this tab shows it.
    pub fn ledger(&self) -> Arc<Ledger> {
        Arc::clone(&self.ledger)
    }

    /// The stored revision this tab's next save builds on.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Why nothing can be saved: the stored document could not be read.
    pub fn blocked(&self) -> Option<&StoreError> {
        self.blocked.as_ref()
    }

    /// True while changes are waiting to be stored.
    pub fn is_pending(&self) -> bool {
        self.pending
    }

    /// This tab's changes that were not stored when another tab's save was loaded over them.
    pub fn unsaved(&self) -> Option<Arc<Ledger>> {
        self.unsaved.clone()
    }

    /// Runs `change` on a copy of the ledger. When core accepts it, settlement plans it paid
    /// off are completed, the copy becomes the ledger, the day is noted for the backup
    /// reminder, and a save is pending. A refused change leaves everything as it was.
    pub fn apply<T>(
        &mut self,
        today: NaiveDate,
        ids: &mut dyn IdSource,
        change: impl FnOnce(&mut Ledger, &mut dyn IdSource) -> Result<T, FieldError>,
    ) -> Result<T, FieldError> {
        let mut next = Ledger::clone(&self.ledger);
        let outcome = change(&mut next, ids)?;
        next.complete_paid_plans(today, ids)?;
        next.note_change(today);
        self.ledger = Arc::new(next);
        self.pending = true;
        Ok(outcome)
    }

    /// Notes that the ledger was exported as a backup on `today`. This is not a change: the
    /// backup reminder is cleared, not restarted.
    pub fn note_export(&mut self, today: NaiveDate) {
        let mut next = Ledger::clone(&self.ledger);
        next.note_export(today);
        self.ledger = Arc::new(next);
        self.pending = true;
    }

    /// Replaces the whole ledger (sample data, an import) as one change.
    pub fn replace(&mut self, ledger: Ledger, today: NaiveDate) {
        let mut next = ledger;
        next.note_change(today);
        self.ledger = Arc::new(next);
        self.pending = true;
    }

    /// Stores what is pending, then replaces the ledger with `ledger` exactly as given (the
    /// caller noted the change) and stores it at once, in one save. Returns the revision that
    /// was stored before it (`None`: nothing was stored), which [`Session::undo_replacement`]
    /// takes. When the save fails, the ledger from before stays (on screen and stored) and the
    /// error is returned.
    pub async fn replace_and_store(
        &mut self,
        ledger: Ledger,
        storage: &mut impl Storage,
        saved_at: &str,
    ) -> Result<Option<u64>, StoreError> {
        self.flush(storage, saved_at).await?;
        let ticket = self.replacing(ledger);
        let result = save(storage, &ticket.ledger, ticket.based_on, saved_at).await;
        self.replaced(ticket, result)
    }

    /// The first half of [`Session::replace_and_store`] for a caller that runs the save
    /// itself, after storing what was pending: the save to run for `ledger`. Nothing changes
    /// until [`Session::replaced`] gets its outcome.
    pub fn replacing(&self, ledger: Ledger) -> SaveTicket {
        SaveTicket {
            ledger: Arc::new(ledger),
            based_on: self.revision,
        }
    }

    /// The second half of [`Session::replace_and_store`]: shows the replacement when its save
    /// succeeded, and otherwise keeps everything as it was.
    pub fn replaced(
        &mut self,
        ticket: SaveTicket,
        result: Result<u64, StoreError>,
    ) -> Result<Option<u64>, StoreError> {
        let revision = result?;
        let stored_before = (ticket.based_on > 0).then_some(ticket.based_on);
        self.ledger = ticket.ledger;
        self.revision = revision;
        self.pending = false;
        Ok(stored_before)
    }

    /// True while nothing has changed or been stored since the replacement stored on top of
    /// `stored_before` (as [`Session::replace_and_store`] returned it).
    pub fn can_undo(&self, stored_before: Option<u64>) -> bool {
        let replacement = stored_before.map_or(1, |revision| revision + 1);
        !self.pending && self.blocked.is_none() && self.revision == replacement
    }

    /// Puts back the stored document from before the replacement stored on top of
    /// `stored_before`, byte for byte, and shows it. Returns false, changing nothing, when
    /// anything was changed or stored since (in this tab or another).
    pub async fn undo_replacement(
        &mut self,
        stored_before: Option<u64>,
        storage: &mut impl Storage,
    ) -> Result<bool, StoreError> {
        if !self.can_undo(stored_before) || super::stored_revision(storage).await? != self.revision
        {
            return Ok(false);
        }
        match stored_before {
            Some(_) => self.restore_previous(storage).await?,
            None => self.start_empty(storage).await?,
        }
        Ok(true)
    }

    /// Reads a backup file: the ledger it holds and what it brought in, when all of it is
    /// valid. Nothing changes until the caller stores it with [`Session::replace_and_store`].
    pub fn read_backup(text: &str, today: NaiveDate) -> Result<(Ledger, Imported), ImportError> {
        let mut ledger = backup::import(text)?;
        ledger.note_change(today);
        let imported = Imported {
            clients: ledger.clients.len(),
            invoices: ledger.invoices.len(),
            payments: ledger.payments.len(),
            activities: ledger.activities.len(),
        };
        Ok((ledger, imported))
    }

    /// Reads a backup file and, only when all of it is valid, replaces the ledger with it
    /// (pending a save).
    pub fn import_backup(&mut self, text: &str, today: NaiveDate) -> Result<Imported, ImportError> {
        let (ledger, imported) = Session::read_backup(text, today)?;
        self.ledger = Arc::new(ledger);
        self.pending = true;
        Ok(imported)
    }

    /// The save that stores what is pending: `Ok(None)` when nothing is, an error when the
    /// stored document must not be written over. Run it with [`super::save`] and hand the
    /// outcome to [`Session::saved`]; changes made meanwhile stay pending.
    pub fn to_save(&self) -> Result<Option<SaveTicket>, StoreError> {
        if !self.pending {
            return Ok(None);
        }
        if let Some(error) = &self.blocked {
            return Err(error.clone());
        }
        Ok(Some(SaveTicket {
            ledger: self.ledger(),
            based_on: self.revision,
        }))
    }

    /// Takes the outcome of the save of `ticket`. On failure the changes stay pending (and on
    /// screen) and the stored document is unchanged, so the user can still export them.
    pub fn saved(
        &mut self,
        ticket: SaveTicket,
        result: Result<u64, StoreError>,
    ) -> Result<Option<u64>, StoreError> {
        let revision = result?;
        if ticket.based_on == self.revision {
            self.revision = revision;
            self.pending = !Arc::ptr_eq(&ticket.ledger, &self.ledger);
        }
        Ok(Some(revision))
    }

    /// Stores the pending changes; `Ok(None)` when nothing was pending.
    pub async fn flush(
        &mut self,
        storage: &mut impl Storage,
        saved_at: &str,
    ) -> Result<Option<u64>, StoreError> {
        let Some(ticket) = self.to_save()? else {
            return Ok(None);
        };
        let result = save(storage, &ticket.ledger, ticket.based_on, saved_at).await;
        self.saved(ticket, result)
    }

    /// Reads the stored ledger again after another tab saved. Returns false when nothing newer
    /// was stored. Changes of this tab that were not stored are kept aside (see
    /// [`Session::unsaved`]) for the user to store again or export.
    pub async fn reload(&mut self, storage: &impl Storage) -> Result<bool, StoreError> {
        if self.blocked.is_none() && super::stored_revision(storage).await? == self.revision {
            return Ok(false);
        }
        let loaded = load(storage).await?;
        self.adopt(loaded);
        Ok(true)
    }

    /// Shows a ledger loaded from storage. Pending changes are kept aside, not dropped.
    pub fn adopt(&mut self, loaded: Loaded) {
        if self.pending {
            self.unsaved = Some(Arc::clone(&self.ledger));
        }
        self.ledger = Arc::new(loaded.ledger);
        self.revision = loaded.revision;
        self.blocked = None;
        self.pending = false;
    }

    /// Takes back the changes kept aside, over whatever is stored now, pending a save.
    pub fn take_back_unsaved(&mut self) -> bool {
        match self.unsaved.take() {
            Some(ledger) if self.blocked.is_none() => {
                self.ledger = ledger;
                self.pending = true;
                true
            }
            other => {
                self.unsaved = other;
                false
            }
        }
    }

    /// Forgets the changes kept aside (after the user exported or declined them).
    pub fn discard_unsaved(&mut self) {
        self.unsaved = None;
    }

    /// Replaces the stored ledger with its previous good copy and shows that.
    pub async fn restore_previous(&mut self, storage: &mut impl Storage) -> Result<(), StoreError> {
        let loaded = super::restore_previous(storage).await?;
        self.ledger = Arc::new(loaded.ledger);
        self.revision = loaded.revision;
        self.blocked = None;
        self.pending = false;
        Ok(())
    }

    /// Removes the stored ledger (after the user downloaded it and confirmed) and starts empty.
    pub async fn start_empty(&mut self, storage: &mut impl Storage) -> Result<(), StoreError> {
        super::clear(storage).await?;
        *self = Session::open(storage).await;
        Ok(())
    }
}

#[cfg(test)]
mod undo_tests {
    use super::*;
    use crate::store::{now, Memory, LEDGER_KEY, PREVIOUS_KEY, REVISION_KEY};

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()
    }

    fn stored(storage: &Memory) -> (Option<String>, Option<String>, Option<String>) {
        let read = |key| storage.peek(key);
        (read(LEDGER_KEY), read(PREVIOUS_KEY), read(REVISION_KEY))
    }

    fn named(name: &str) -> Ledger {
        let mut ledger = Ledger::default();
        ledger.business.name = name.into();
        ledger
    }

    #[test]
    fn undoing_a_replacement_puts_back_the_stored_document_byte_for_byte() {
        let mut storage = Memory::default();
        let mut session = now(Session::open(&storage));
        session.replace(named("Before"), day());
        now(session.flush(&mut storage, "2026-03-01T09:00:00Z")).unwrap();
        session.replace(named("Pending"), day());
        let stored_before =
            now(session.replace_and_store(named("Imported"), &mut storage, "2026-03-01T10:00:00Z"))
                .unwrap();
        let before_import = storage.peek(PREVIOUS_KEY);
        assert!(before_import.as_deref().unwrap().contains("Pending"));
        assert_eq!(session.ledger().business.name, "Imported");
        assert!(now(session.undo_replacement(stored_before, &mut storage)).unwrap());
        assert_eq!(storage.peek(LEDGER_KEY), before_import);
        assert_eq!(session.ledger().business.name, "Pending");
        assert!(!session.can_undo(stored_before), "an undo is done once");
    }

    #[test]
    fn undoing_the_first_replacement_leaves_storage_as_empty_as_it_was() {
        let mut storage = Memory::default();
        let empty = stored(&storage);
        let mut session = now(Session::open(&storage));
        let stored_before =
            now(session.replace_and_store(named("Imported"), &mut storage, "2026-03-01T10:00:00Z"))
                .unwrap();
        assert!(now(session.undo_replacement(stored_before, &mut storage)).unwrap());
        assert_eq!(stored(&storage), empty);
        assert_eq!(*session.ledger(), Ledger::default());
    }

    #[test]
    fn a_change_after_the_replacement_keeps_it_from_being_undone() {
        let mut storage = Memory::default();
        let mut session = now(Session::open(&storage));
        let stored_before =
            now(session.replace_and_store(named("Imported"), &mut storage, "2026-03-01T10:00:00Z"))
                .unwrap();
        session.replace(named("Edited"), day());
        assert!(!session.can_undo(stored_before));
        now(session.flush(&mut storage, "2026-03-01T11:00:00Z")).unwrap();
        let after_edit = stored(&storage);
        assert!(!now(session.undo_replacement(stored_before, &mut storage)).unwrap());
        assert_eq!(stored(&storage), after_edit);
        assert_eq!(session.ledger().business.name, "Edited");
    }
}
