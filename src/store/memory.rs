//! An in-memory [`Storage`] with an optional byte quota, for tests.

use super::{Storage, StoreError};
use std::collections::HashMap;

/// Keys and values held in memory. With a quota, writes past it fail like a full browser.
#[derive(Debug, Default, Clone)]
pub struct Memory {
    entries: HashMap<String, String>,
    quota: Option<usize>,
}

impl Memory {
    /// Empty, with no quota.
    pub fn new() -> Memory {
        Memory::default()
    }

    /// Empty, refusing writes once keys and values together exceed `bytes`.
    pub fn with_quota(bytes: usize) -> Memory {
        Memory {
            entries: HashMap::new(),
            quota: Some(bytes),
        }
    }

    fn used_without(&self, key: &str) -> usize {
        self.entries
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(k, v)| k.len() + v.len())
            .sum()
    }
}

impl Storage for Memory {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.entries.get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(quota) = self.quota {
            if self.used_without(key) + key.len() + value.len() > quota {
                return Err(StoreError::QuotaExceeded);
            }
        }
        self.entries.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.entries.remove(key);
        Ok(())
    }
}
