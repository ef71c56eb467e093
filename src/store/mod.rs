//! The only code that touches browser storage: load, verified save, backup copy and revisions.
//!
//! The whole ledger is one versioned document under [`LEDGER_KEY`], so a save is atomic. Its
//! revision is also kept under [`REVISION_KEY`], so a save checks for a newer save from another
//! tab by reading a few bytes instead of the whole document. Before a save, the current
//! document is copied to [`PREVIOUS_KEY`]; after it, the new text is read back and compared.
//! [`Session`] is the one path by which the app changes the ledger.

#[cfg(target_arch = "wasm32")]
mod local;
mod memory;
mod session;

#[cfg(target_arch = "wasm32")]
pub use local::LocalStorage;
pub use memory::Memory;
pub use session::{Session, Usage, UsageLevel};

use crate::core::backup::{self, ImportError};
use crate::core::ledger::Ledger;
use std::fmt;

/// The key that holds the ledger document.
pub const LEDGER_KEY: &str = "overdue.ledger";
/// The key that holds the previous good document.
pub const PREVIOUS_KEY: &str = "overdue.ledger.previous";
/// The key that holds the stored document's revision, written after the document.
pub const REVISION_KEY: &str = "overdue.revision";

/// Why storage refused a read or a write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// The browser's storage quota is full.
    QuotaExceeded,
    /// Storage is unavailable (private mode, blocked by settings) or failed otherwise.
    Unavailable(String),
    /// What was read back after a write differs from what was written.
    NotVerified,
    /// Another tab saved a newer revision since this one loaded.
    Stale,
    /// The stored document cannot be read; it is left exactly as it is.
    Unreadable(ImportError),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::QuotaExceeded => f.write_str(
                "Not saved: this browser's storage is full. Your last change is kept on screen only. Export a backup from Data now, then free space.",
            ),
            StoreError::Unavailable(reason) => write!(
                f,
                "Not saved: browser storage is unavailable ({reason}). Your changes are kept on screen only; export a backup from Data before closing this tab."
            ),
            StoreError::NotVerified => f.write_str(
                "Not saved: the browser did not store the data correctly. The previous version is kept; export a backup from Data.",
            ),
            StoreError::Stale => f.write_str("Changed in another tab — reload to see the latest."),
            StoreError::Unreadable(error) => write!(
                f,
                "The stored data cannot be read ({error}). It has been left untouched and nothing will be saved over it."
            ),
        }
    }
}

/// A key-value store of strings: the browser's localStorage, or memory in tests.
pub trait Storage {
    /// Reads a key.
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// Writes a key.
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    /// Removes a key.
    fn remove(&mut self, key: &str) -> Result<(), StoreError>;
}

/// A ledger as loaded, with the revision its next save must be based on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    /// The records.
    pub ledger: Ledger,
    /// The stored revision (0 when nothing was stored yet).
    pub revision: u64,
}

/// Loads the ledger. Nothing stored yet gives an empty ledger at revision 0.
pub fn load(storage: &impl Storage) -> Result<Loaded, StoreError> {
    match storage.get(LEDGER_KEY)? {
        None => Ok(Loaded {
            ledger: Ledger::default(),
            revision: 0,
        }),
        Some(text) => {
            let (ledger, revision) =
                backup::import_revisioned(&text).map_err(StoreError::Unreadable)?;
            Ok(Loaded { ledger, revision })
        }
    }
}

/// The revision of the stored document: its own key, or (for a document stored before that
/// key existed) the document itself.
pub fn stored_revision(storage: &impl Storage) -> Result<u64, StoreError> {
    if let Some(text) = storage.get(REVISION_KEY)? {
        if let Ok(revision) = text.trim().parse() {
            return Ok(revision);
        }
    }
    match storage.get(LEDGER_KEY)? {
        None => Ok(0),
        Some(text) => backup::import_revisioned(&text)
            .map(|(_, revision)| revision)
            .map_err(StoreError::Unreadable),
    }
}

/// The stored document's raw text, exactly as it is, for a recovery download.
pub fn raw(storage: &impl Storage, key: &str) -> Result<Option<String>, StoreError> {
    storage.get(key)
}

/// Saves the ledger on top of revision `based_on` and returns the new revision.
///
/// The ledger is serialised once; the stored document is not read back into records. `saved_at`
/// is an RFC 3339 time from the caller. On any error the stored document is unchanged: the
/// caller keeps its state and may export it.
pub fn save(
    storage: &mut impl Storage,
    ledger: &Ledger,
    based_on: u64,
    saved_at: &str,
) -> Result<u64, StoreError> {
    if stored_revision(storage)? != based_on {
        return Err(StoreError::Stale);
    }
    let current = storage.get(LEDGER_KEY)?;
    if let Some(text) = &current {
        storage.set(PREVIOUS_KEY, text)?;
    }
    let revision = based_on + 1;
    let text = backup::stored_text(ledger, saved_at, revision);
    let written = storage
        .set(LEDGER_KEY, &text)
        .and_then(|()| storage.get(LEDGER_KEY))
        .map(|read| read.as_deref() == Some(text.as_str()));
    if written != Ok(true) {
        if let Some(previous) = &current {
            let _ = storage.set(LEDGER_KEY, previous);
        }
        return Err(written.err().unwrap_or(StoreError::NotVerified));
    }
    storage.set(REVISION_KEY, &revision.to_string())?;
    Ok(revision)
}

/// Replaces the stored ledger with the previous good document, if it can be read.
pub fn restore_previous(storage: &mut impl Storage) -> Result<Loaded, StoreError> {
    let text = storage
        .get(PREVIOUS_KEY)?
        .ok_or_else(|| StoreError::Unavailable("there is no previous copy".into()))?;
    let (ledger, revision) = backup::import_revisioned(&text).map_err(StoreError::Unreadable)?;
    storage.set(LEDGER_KEY, &text)?;
    storage.set(REVISION_KEY, &revision.to_string())?;
    Ok(Loaded { ledger, revision })
}

/// Removes the stored ledger (after the user confirmed starting empty).
pub fn clear(storage: &mut impl Storage) -> Result<(), StoreError> {
    storage.remove(LEDGER_KEY)?;
    storage.remove(REVISION_KEY)
}

#[cfg(test)]
mod tests;
