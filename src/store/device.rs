//! The storage of this browser: IndexedDB, or localStorage where IndexedDB does not exist.

use super::{migrate, Change, IndexedDb, LocalStorage, Storage, StoreError, LEDGER_KEY};

/// Where this browser keeps the ledger.
#[derive(Debug, Clone)]
pub enum DeviceStorage {
    /// IndexedDB: transactional, with room for a large ledger.
    Indexed(IndexedDb),
    /// localStorage: about 5 MB, for browsers without IndexedDB.
    Local(LocalStorage),
}

impl DeviceStorage {
    /// Opens IndexedDB and moves a ledger kept in localStorage by an older version into it.
    ///
    /// Without IndexedDB, or when it fails while localStorage still holds a ledger (not yet
    /// moved), localStorage is used. When IndexedDB fails and localStorage cannot say whether
    /// it holds a ledger, the error is returned: nothing may be shown as empty or saved over.
    pub async fn open() -> Result<DeviceStorage, StoreError> {
        if !IndexedDb::exists() {
            return Ok(DeviceStorage::Local(LocalStorage));
        }
        match IndexedDb::open().await {
            Ok(mut indexed) => match migrate(&mut LocalStorage, &mut indexed).await {
                Ok(_) => Ok(DeviceStorage::Indexed(indexed)),
                Err(error) => DeviceStorage::local_if_it_holds_the_ledger(error),
            },
            Err(error) => DeviceStorage::local_if_it_holds_the_ledger(error),
        }
    }

    fn local_if_it_holds_the_ledger(error: StoreError) -> Result<DeviceStorage, StoreError> {
        match LocalStorage::read(LEDGER_KEY) {
            Ok(Some(_)) => Ok(DeviceStorage::Local(LocalStorage)),
            _ => Err(error),
        }
    }

    /// True when the ledger is in localStorage.
    pub fn is_local(&self) -> bool {
        matches!(self, DeviceStorage::Local(_))
    }
}

impl Storage for DeviceStorage {
    async fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        match self {
            DeviceStorage::Indexed(indexed) => indexed.get(key).await,
            DeviceStorage::Local(local) => local.get(key).await,
        }
    }

    async fn write(&mut self, guard: Change<'_>, changes: &[Change<'_>]) -> Result<(), StoreError> {
        match self {
            DeviceStorage::Indexed(indexed) => indexed.write(guard, changes).await,
            DeviceStorage::Local(local) => local.write(guard, changes).await,
        }
    }
}
