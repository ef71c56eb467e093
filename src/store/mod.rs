//! The only code that touches browser storage: load, verified save, backup copy and revisions.
//!
//! The whole ledger is one versioned document under [`LEDGER_KEY`], written in one atomic
//! [`Storage::write`] together with its revision under [`REVISION_KEY`] and, when it fits, the
//! document it replaces under [`PREVIOUS_KEY`]. That write only happens while the stored
//! revision is still the one the save builds on, so a newer save from another tab is never
//! overwritten. After it, the new text is read back and compared. In the browser the keys live
//! in IndexedDB ([`IndexedDb`]), or in localStorage ([`LocalStorage`]) where IndexedDB does not
//! exist. [`Session`] is the one path by which the app changes the ledger.

#[cfg(target_arch = "wasm32")]
mod device;
#[cfg(target_arch = "wasm32")]
mod indexed;
#[cfg(target_arch = "wasm32")]
mod local;
mod memory;
mod session;
#[cfg(target_arch = "wasm32")]
mod tabs;

#[cfg(target_arch = "wasm32")]
pub use device::DeviceStorage;
#[cfg(target_arch = "wasm32")]
pub use indexed::IndexedDb;
#[cfg(target_arch = "wasm32")]
pub use local::LocalStorage;
pub use memory::Memory;
pub use session::{SaveTicket, Session, Usage, UsageLevel};
#[cfg(target_arch = "wasm32")]
pub use tabs::{announce, on_announce};

use crate::core::backup::{self, ImportError};
use crate::core::ledger::Ledger;
use std::fmt;

/// The key that holds the ledger document.
pub const LEDGER_KEY: &str = "overdue.ledger";
/// The key that holds the previous good document.
pub const PREVIOUS_KEY: &str = "overdue.ledger.previous";
/// The key that holds the stored document's revision, written with the document.
pub const REVISION_KEY: &str = "overdue.revision";

/// Why storage refused a read or a write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// The browser's storage quota is full.
    QuotaExceeded,
    /// Storage cannot be read or written (private mode, blocked by settings, a browser fault).
    Unavailable(String),
    /// What was read back after a write differs from what was written.
    NotVerified,
    /// Another tab saved a newer revision since this one loaded.
    Stale,
    /// The stored text was read but cannot be parsed; it is left exactly as it is.
    Unreadable(ImportError),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::QuotaExceeded => f.write_str(
                "Not saved: this browser's storage is full. Your last change is kept on screen only; export a backup now, then free space.",
            ),
            StoreError::Unavailable(reason) => write!(
                f,
                "Not saved: browser storage cannot be used ({reason}). Your changes are kept on screen only; export a backup before closing this tab."
            ),
            StoreError::NotVerified => f.write_str(
                "Not saved: the browser did not store the data correctly. The previous version is kept; export a backup.",
            ),
            StoreError::Stale => f.write_str("Changed in another tab — reload to see the latest."),
            StoreError::Unreadable(error) => write!(
                f,
                "The stored data was read, but its text cannot be parsed ({error}). It has been left untouched and nothing will be saved over it."
            ),
        }
    }
}

impl StoreError {
    /// What the recovery screen says about a stored ledger that did not open.
    pub fn recovery_sentence(&self) -> String {
        match self {
            StoreError::Unreadable(error) => format!(
                "The stored text cannot be parsed ({error}). It is still stored exactly as it was, and nothing will be saved over it."
            ),
            StoreError::Unavailable(reason) => format!(
                "This browser did not let Overdue read its storage ({reason}). Your ledger is probably still there. Try again, or close other tabs of Overdue and reload."
            ),
            other => other.to_string(),
        }
    }
}

/// One change of a key in a [`Storage::write`]: a new value, or `None` to remove it.
pub type Change<'a> = (&'a str, Option<&'a str>);

/// A store of string keys: IndexedDB or localStorage in the browser, memory in tests.
#[allow(async_fn_in_trait)]
pub trait Storage {
    /// Reads a key.
    async fn get(&self, key: &str) -> Result<Option<String>, StoreError>;

    /// Applies every change, all or none, but only while `guard`'s key still holds its value
    /// (`None`: absent); otherwise refuses with [`StoreError::Stale`] and changes nothing.
    async fn write(&mut self, guard: Change<'_>, changes: &[Change<'_>]) -> Result<(), StoreError>;
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
pub async fn load(storage: &impl Storage) -> Result<Loaded, StoreError> {
    match storage.get(LEDGER_KEY).await? {
        None => Ok(Loaded {
            ledger: Ledger::default(),
            revision: 0,
        }),
        Some(text) => read(&text).await,
    }
}

/// Reads a stored document. One of the current schema takes a single quick pass; anything
/// else (an older schema to migrate, or an error to name) needs the full reader, which the
/// release build keeps in a chunk of its own, downloaded only then.
pub async fn read(text: &str) -> Result<Loaded, StoreError> {
    let read = match backup::read_current(text) {
        Some(read) => read,
        None => read_migrating(text).await?,
    };
    let (ledger, revision) = read.map_err(StoreError::Unreadable)?;
    Ok(Loaded { ledger, revision })
}

/// [`backup::read_migrating`]: from its own chunk in the release build, and directly in a build
/// without chunks (the tests).
async fn read_migrating(text: &str) -> Result<Result<(Ledger, u64), ImportError>, StoreError> {
    #[cfg(all(feature = "split", target_arch = "wasm32"))]
    {
        use wasm_split_helpers::{wasm_split, SplitLoaderError};

        #[wasm_split(reader, fallible)]
        fn read_split(
            text: String,
        ) -> Result<Result<(Ledger, u64), ImportError>, SplitLoaderError> {
            Ok(backup::read_migrating(&text))
        }

        read_split(text.to_owned()).await.map_err(|_| {
            StoreError::Unavailable(
                "the part of Overdue that reads this ledger could not be downloaded; check the connection and try again".into(),
            )
        })
    }
    #[cfg(not(all(feature = "split", target_arch = "wasm32")))]
    Ok(backup::read_migrating(text))
}

/// The revision of the stored document with the raw text of its key: its own key, or (for a
/// document stored before that key existed) the document itself.
async fn revision_and_pointer(storage: &impl Storage) -> Result<(u64, Option<String>), StoreError> {
    let pointer = storage.get(REVISION_KEY).await?;
    if let Some(revision) = pointer.as_deref().and_then(|t| t.trim().parse().ok()) {
        return Ok((revision, pointer));
    }
    let revision = match storage.get(LEDGER_KEY).await? {
        None => 0,
        Some(text) => read(&text).await?.revision,
    };
    Ok((revision, pointer))
}

/// The revision of the stored document (0 when nothing is stored).
pub async fn stored_revision(storage: &impl Storage) -> Result<u64, StoreError> {
    Ok(revision_and_pointer(storage).await?.0)
}

/// The stored document's raw text, exactly as it is, for a recovery download.
pub async fn raw(storage: &impl Storage, key: &str) -> Result<Option<String>, StoreError> {
    storage.get(key).await
}

/// Saves the ledger on top of revision `based_on` and returns the new revision.
///
/// The ledger is serialised once; the stored document is not read back into records. The
/// document it replaces becomes the previous copy, unless that does not fit: then the previous
/// copy is dropped in the same write, so a user at the quota can still save a smaller ledger.
/// `saved_at` is an RFC 3339 time from the caller. On any error the stored keys are unchanged:
/// the caller keeps its state and may export it.
pub async fn save(
    storage: &mut impl Storage,
    ledger: &Ledger,
    based_on: u64,
    saved_at: &str,
) -> Result<u64, StoreError> {
    let (stored, pointer) = revision_and_pointer(storage).await?;
    if stored != based_on {
        return Err(StoreError::Stale);
    }
    let current = storage.get(LEDGER_KEY).await?;
    let revision = based_on + 1;
    let text = backup::stored_text(ledger, saved_at, revision);
    let revision_text = revision.to_string();
    let guard = (REVISION_KEY, pointer.as_deref());
    let new = [
        (LEDGER_KEY, Some(text.as_str())),
        (REVISION_KEY, Some(revision_text.as_str())),
    ];
    let written = match &current {
        Some(current) => {
            let with_copy = [(PREVIOUS_KEY, Some(current.as_str())), new[0], new[1]];
            match storage.write(guard, &with_copy).await {
                Err(StoreError::QuotaExceeded) => {
                    storage
                        .write(guard, &[(PREVIOUS_KEY, None), new[0], new[1]])
                        .await
                }
                other => other,
            }
        }
        None => storage.write(guard, &new).await,
    };
    written?;
    let read = storage.get(LEDGER_KEY).await;
    if read.as_ref().ok().and_then(Option::as_deref) != Some(text.as_str()) {
        let after = (REVISION_KEY, Some(revision_text.as_str()));
        let back = [
            (LEDGER_KEY, current.as_deref()),
            (REVISION_KEY, pointer.as_deref()),
        ];
        let _ = storage.write(after, &back).await;
        return Err(read.err().unwrap_or(StoreError::NotVerified));
    }
    Ok(revision)
}

/// Replaces the stored ledger with the previous good document, if it can be read.
pub async fn restore_previous(storage: &mut impl Storage) -> Result<Loaded, StoreError> {
    let text = storage
        .get(PREVIOUS_KEY)
        .await?
        .ok_or_else(|| StoreError::Unavailable("there is no previous copy".into()))?;
    let loaded = read(&text).await?;
    let pointer = storage.get(REVISION_KEY).await?;
    let revision = loaded.revision.to_string();
    storage
        .write(
            (REVISION_KEY, pointer.as_deref()),
            &[
                (LEDGER_KEY, Some(text.as_str())),
                (REVISION_KEY, Some(revision.as_str())),
            ],
        )
        .await?;
    Ok(loaded)
}

/// Removes the stored ledger (after the user downloaded it and confirmed starting empty).
pub async fn clear(storage: &mut impl Storage) -> Result<(), StoreError> {
    let pointer = storage.get(REVISION_KEY).await?;
    storage
        .write(
            (REVISION_KEY, pointer.as_deref()),
            &[(LEDGER_KEY, None), (REVISION_KEY, None)],
        )
        .await
}

/// Moves a ledger kept by an older version in `from` (localStorage) into `to` (IndexedDB).
///
/// Nothing happens when `to` already holds a ledger or `from` holds none. The document and its
/// previous copy are written to `to`, read back and compared byte for byte; only then are they
/// removed from `from`. Returns true when a ledger was moved. On any error `from` is untouched.
pub async fn migrate(from: &mut impl Storage, to: &mut impl Storage) -> Result<bool, StoreError> {
    // Every write of a ledger writes its revision too: reading that is cheaper than the ledger.
    if to.get(REVISION_KEY).await?.is_some() || to.get(LEDGER_KEY).await?.is_some() {
        return Ok(false);
    }
    let Some(ledger) = from.get(LEDGER_KEY).await? else {
        return Ok(false);
    };
    let previous = from.get(PREVIOUS_KEY).await?;
    let revision = match from.get(REVISION_KEY).await? {
        Some(pointer) => pointer,
        None => read(&ledger)
            .await
            .map(|loaded| loaded.revision)
            .unwrap_or(0)
            .to_string(),
    };
    let mut changes = vec![
        (LEDGER_KEY, Some(ledger.as_str())),
        (REVISION_KEY, Some(revision.as_str())),
    ];
    if let Some(previous) = &previous {
        changes.push((PREVIOUS_KEY, Some(previous.as_str())));
    }
    let pointer = to.get(REVISION_KEY).await?;
    to.write((REVISION_KEY, pointer.as_deref()), &changes)
        .await?;
    for (key, value) in &changes {
        if to.get(key).await?.as_deref() != *value {
            let moved = (REVISION_KEY, Some(revision.as_str()));
            let removed: Vec<Change> = changes.iter().map(|(key, _)| (*key, None)).collect();
            let _ = to.write(moved, &removed).await;
            return Err(StoreError::NotVerified);
        }
    }
    from.write(
        (LEDGER_KEY, Some(ledger.as_str())),
        &[(LEDGER_KEY, None), (PREVIOUS_KEY, None)],
    )
    .await?;
    Ok(true)
}

/// Runs a future that never waits, such as any operation on [`Memory`].
///
/// # Panics
/// When the future waits: only storage that answers at once may be used here.
pub fn now<T>(future: impl std::future::Future<Output = T>) -> T {
    let mut future = std::pin::pin!(future);
    let mut context = std::task::Context::from_waker(std::task::Waker::noop());
    match future.as_mut().poll(&mut context) {
        std::task::Poll::Ready(value) => value,
        std::task::Poll::Pending => panic!("store::now on storage that waits"),
    }
}

#[cfg(test)]
mod tests;
