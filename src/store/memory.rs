//! An in-memory [`Storage`] with an optional byte quota, for tests.

use super::{Change, Storage, StoreError};
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

    /// Empty, refusing writes once keys and values together would exceed `bytes`.
    pub fn with_quota(bytes: usize) -> Memory {
        Memory {
            entries: HashMap::new(),
            quota: Some(bytes),
        }
    }

    /// Reads a key at once.
    pub fn peek(&self, key: &str) -> Option<String> {
        self.entries.get(key).cloned()
    }

    /// Sets a key at once, past any quota, as another program writing the same storage would.
    pub fn poke(&mut self, key: &str, value: &str) {
        self.entries.insert(key.into(), value.into());
    }

    /// Bytes of every key and value held.
    pub fn used(&self) -> usize {
        self.entries.iter().map(|(k, v)| k.len() + v.len()).sum()
    }
}

impl Storage for Memory {
    async fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.peek(key))
    }

    async fn write(
        &mut self,
        (key, expected): Change<'_>,
        changes: &[Change<'_>],
    ) -> Result<(), StoreError> {
        if self.entries.get(key).map(String::as_str) != expected {
            return Err(StoreError::Stale);
        }
        let mut next = self.entries.clone();
        for (key, value) in changes {
            match value {
                Some(value) => next.insert(key.to_string(), value.to_string()),
                None => next.remove(*key),
            };
        }
        let used: usize = next.iter().map(|(k, v)| k.len() + v.len()).sum();
        if self.quota.is_some_and(|quota| used > quota) {
            return Err(StoreError::QuotaExceeded);
        }
        self.entries = next;
        Ok(())
    }
}
