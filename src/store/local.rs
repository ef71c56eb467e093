//! The browser's localStorage as a [`Storage`].

use super::{Storage, StoreError};
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

fn describe(error: &wasm_bindgen::JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

fn is_quota(error: &wasm_bindgen::JsValue) -> bool {
    error
        .dyn_ref::<web_sys::DomException>()
        .map(|e| e.name() == "QuotaExceededError" || e.code() == 22)
        .unwrap_or(false)
        || describe(error).to_lowercase().contains("quota")
}

impl Storage for LocalStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        storage()?
            .get_item(key)
            .map_err(|error| StoreError::Unavailable(describe(&error)))
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        storage()?.set_item(key, value).map_err(|error| {
            if is_quota(&error) {
                StoreError::QuotaExceeded
            } else {
                StoreError::Unavailable(describe(&error))
            }
        })
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        storage()?
            .remove_item(key)
            .map_err(|error| StoreError::Unavailable(describe(&error)))
    }
}
