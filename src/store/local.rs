//! The browser's localStorage as a [`Storage`], where IndexedDB does not exist.

use super::{Change, Storage, StoreError, Usage};
use wasm_bindgen::JsCast;

/// `window.localStorage`, with its failures turned into [`StoreError`]s.
#[derive(Debug, Clone, Copy, Default)]
pub struct LocalStorage;

fn storage() -> Result<web_sys::Storage, StoreError> {
    web_sys::window()
        .ok_or_else(|| StoreError::Unavailable("no window".into()))?
        .local_storage()
        .map_err(|error| StoreError::Unavailable(describe(&error)))?
        .ok_or_else(|| StoreError::Unavailable("localStorage is disabled".into()))
}

/// A browser error in words.
pub(super) fn describe(error: &wasm_bindgen::JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| {
            error
                .dyn_ref::<web_sys::DomException>()
                .map(|e| e.message())
        })
        .or_else(|| error.as_string())
        .filter(|text| !text.is_empty())
        .unwrap_or_else(|| "unknown error".into())
}

/// True when a browser error says the quota is full.
pub(super) fn is_quota(error: &wasm_bindgen::JsValue) -> bool {
    error
        .dyn_ref::<web_sys::DomException>()
        .map(|e| e.name() == "QuotaExceededError" || e.code() == 22)
        .unwrap_or(false)
        || describe(error).to_lowercase().contains("quota")
}

fn set(storage: &web_sys::Storage, key: &str, value: Option<&str>) -> Result<(), StoreError> {
    let written = match value {
        Some(value) => storage.set_item(key, value),
        None => storage.remove_item(key),
    };
    written.map_err(|error| {
        if is_quota(&error) {
            StoreError::QuotaExceeded
        } else {
            StoreError::Unavailable(describe(&error))
        }
    })
}

impl LocalStorage {
    /// Reads a key at once.
    pub fn read(key: &str) -> Result<Option<String>, StoreError> {
        storage()?
            .get_item(key)
            .map_err(|error| StoreError::Unavailable(describe(&error)))
    }

    /// What every key of this site in localStorage takes, against its limit.
    pub fn usage() -> Option<Usage> {
        let storage = storage().ok()?;
        let entries: Vec<(String, String)> = (0..storage.length().ok()?)
            .filter_map(|index| {
                let key = storage.key(index).ok()??;
                let value = storage.get_item(&key).ok()??;
                Some((key, value))
            })
            .collect();
        Some(Usage::of_local_storage(
            entries.iter().map(|(k, v)| (k.as_str(), v.as_str())),
        ))
    }
}

impl Storage for LocalStorage {
    async fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        LocalStorage::read(key)
    }

    /// localStorage has no transactions: the changes are made in order, and when one fails
    /// the ones made before it are put back.
    async fn write(
        &mut self,
        (key, expected): Change<'_>,
        changes: &[Change<'_>],
    ) -> Result<(), StoreError> {
        let storage = storage()?;
        if LocalStorage::read(key)?.as_deref() != expected {
            return Err(StoreError::Stale);
        }
        let mut made: Vec<(&str, Option<String>)> = Vec::new();
        for (key, value) in changes {
            let before = LocalStorage::read(key)?;
            if let Err(error) = set(&storage, key, *value) {
                for (key, value) in made.iter().rev() {
                    let _ = set(&storage, key, value.as_deref());
                }
                return Err(error);
            }
            made.push((key, before));
        }
        Ok(())
    }
}
