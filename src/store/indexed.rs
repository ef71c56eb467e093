//! IndexedDB as a [`Storage`]: one object store of string keys, every write one transaction.
//!
//! Hand-written over `web-sys` (see BENCHMARKS.md for the size against the `idb` crate). A
//! write reads its guard key and makes its changes inside one `readwrite` transaction with
//! strict durability, so it is atomic and cannot race a save from another tab.

use super::local::{describe, is_quota};
use super::{Change, Storage, StoreError};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransaction, IdbTransactionMode};

/// The database name.
pub const DATABASE: &str = "overdue";
/// The object store that holds the keys.
pub const KEYS: &str = "keys";

/// An open connection to the app's IndexedDB database.
#[derive(Debug, Clone)]
pub struct IndexedDb {
    database: IdbDatabase,
}

fn unavailable(error: &JsValue) -> StoreError {
    if is_quota(error) {
        StoreError::QuotaExceeded
    } else {
        StoreError::Unavailable(describe(error))
    }
}

/// Handlers that must stay alive until the event they wait for has fired.
type Handlers = Vec<Closure<dyn FnMut(web_sys::Event)>>;

/// Waits for `request` to succeed, with its result, or fail, with its error.
async fn finished(request: &IdbRequest) -> Result<JsValue, JsValue> {
    let mut handlers: Handlers = Vec::new();
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let source = request.clone();
        let ok = Closure::new(move |_| {
            let _ = resolve.call1(&JsValue::NULL, &source.result().unwrap_or_default());
        });
        let source = request.clone();
        let fail = Closure::new(move |event: web_sys::Event| {
            event.prevent_default();
            let error = source.error().ok().flatten().map(JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error.unwrap_or_default());
        });
        request.set_onsuccess(Some(ok.as_ref().unchecked_ref()));
        request.set_onerror(Some(fail.as_ref().unchecked_ref()));
        handlers.extend([ok, fail]);
    });
    let outcome = JsFuture::from(promise).await;
    request.set_onsuccess(None);
    request.set_onerror(None);
    drop(handlers);
    outcome
}

/// Waits for `transaction` to commit, or to abort with its error.
async fn committed(transaction: &IdbTransaction) -> Result<(), JsValue> {
    let mut handlers: Handlers = Vec::new();
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let done = Closure::new(move |_| {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let source = transaction.clone();
        let failed = Closure::new(move |_| {
            let error = source.error().map(JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error.unwrap_or_default());
        });
        transaction.set_oncomplete(Some(done.as_ref().unchecked_ref()));
        transaction.set_onabort(Some(failed.as_ref().unchecked_ref()));
        handlers.extend([done, failed]);
    });
    let outcome = JsFuture::from(promise).await.map(|_| ());
    transaction.set_oncomplete(None);
    transaction.set_onabort(None);
    drop(handlers);
    outcome
}

impl IndexedDb {
    /// True when this browser has IndexedDB at all.
    pub fn exists() -> bool {
        web_sys::window()
            .and_then(|window| js_sys::Reflect::get(&window, &"indexedDB".into()).ok())
            .is_some_and(|factory| !factory.is_undefined() && !factory.is_null())
    }

    /// Opens (and on first use creates) the app's database.
    pub async fn open() -> Result<IndexedDb, StoreError> {
        let database = IndexedDb::open_version(1).await?;
        if database.object_store_names().contains(KEYS) {
            return IndexedDb::watch(database);
        }
        // A database of that name without the store (made by another program): add it.
        let next = database.version() as u32 + 1;
        database.close();
        IndexedDb::watch(IndexedDb::open_version(next).await?)
    }

    async fn open_version(version: u32) -> Result<IdbDatabase, StoreError> {
        let factory = web_sys::window()
            .ok_or_else(|| StoreError::Unavailable("no window".into()))?
            .indexed_db()
            .map_err(|error| unavailable(&error))?
            .ok_or_else(|| StoreError::Unavailable("IndexedDB is disabled".into()))?;
        let request = factory
            .open_with_u32(DATABASE, version)
            .map_err(|error| unavailable(&error))?;
        let upgrade = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            let database = event
                .target()
                .and_then(|target| target.dyn_into::<IdbRequest>().ok())
                .and_then(|request| request.result().ok())
                .and_then(|result| result.dyn_into::<IdbDatabase>().ok());
            if let Some(database) = database {
                if !database.object_store_names().contains(KEYS) {
                    let _ = database.create_object_store(KEYS);
                }
            }
        });
        request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
        let opened = finished(&request).await;
        request.set_onupgradeneeded(None);
        drop(upgrade);
        opened
            .map_err(|error| unavailable(&error))?
            .dyn_into()
            .map_err(|_| StoreError::Unavailable("IndexedDB did not open".into()))
    }

    fn watch(database: IdbDatabase) -> Result<IndexedDb, StoreError> {
        // Another tab upgrading the database later: let it, and reload to reopen.
        let closing = database.clone();
        let on_change = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| closing.close());
        database.set_onversionchange(Some(on_change.as_ref().unchecked_ref()));
        on_change.forget();
        Ok(IndexedDb { database })
    }

    fn transaction(&self, mode: IdbTransactionMode) -> Result<IdbTransaction, StoreError> {
        let strict = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&strict, &"durability".into(), &"strict".into());
        let open = js_sys::Reflect::get(&self.database, &"transaction".into())
            .map_err(|error| unavailable(&error))?
            .dyn_into::<js_sys::Function>()
            .map_err(|_| StoreError::Unavailable("IndexedDB has no transactions".into()))?;
        let mode = JsValue::from(match mode {
            IdbTransactionMode::Readwrite => "readwrite",
            _ => "readonly",
        });
        open.call3(&self.database, &KEYS.into(), &mode, &strict)
            .map_err(|error| unavailable(&error))?
            .dyn_into()
            .map_err(|_| StoreError::Unavailable("IndexedDB gave no transaction".into()))
    }
}

fn text(value: JsValue) -> Result<Option<String>, StoreError> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    value
        .as_string()
        .map(Some)
        .ok_or_else(|| StoreError::Unavailable("IndexedDB holds something other than text".into()))
}

fn apply(keys: &IdbObjectStore, changes: &[(String, Option<String>)]) -> Result<(), JsValue> {
    for (key, value) in changes {
        let key = JsValue::from_str(key);
        match value {
            Some(value) => keys.put_with_key(&JsValue::from_str(value), &key)?,
            None => keys.delete(&key)?,
        };
    }
    Ok(())
}

impl Storage for IndexedDb {
    async fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        let transaction = self.transaction(IdbTransactionMode::Readonly)?;
        let request = transaction
            .object_store(KEYS)
            .and_then(|keys| keys.get(&JsValue::from_str(key)))
            .map_err(|error| unavailable(&error))?;
        text(
            finished(&request)
                .await
                .map_err(|error| unavailable(&error))?,
        )
    }

    async fn write(
        &mut self,
        (key, expected): Change<'_>,
        changes: &[Change<'_>],
    ) -> Result<(), StoreError> {
        let transaction = self.transaction(IdbTransactionMode::Readwrite)?;
        let keys = transaction
            .object_store(KEYS)
            .map_err(|error| unavailable(&error))?;
        let guard = keys
            .get(&JsValue::from_str(key))
            .map_err(|error| unavailable(&error))?;
        let refused: Rc<RefCell<Option<StoreError>>> = Rc::default();
        let expected = expected.map(str::to_owned);
        let changes: Vec<(String, Option<String>)> = changes
            .iter()
            .map(|(key, value)| (key.to_string(), value.map(str::to_owned)))
            .collect();
        let (source, outcome, aborting) = (guard.clone(), Rc::clone(&refused), transaction.clone());
        // Runs inside the transaction: the guard is checked and the changes made in one go.
        let check = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            let found = text(source.result().unwrap_or_default());
            let error = match found {
                Ok(found) if found == expected => {
                    apply(&keys, &changes).err().map(|e| unavailable(&e))
                }
                Ok(_) => Some(StoreError::Stale),
                Err(error) => Some(error),
            };
            if let Some(error) = error {
                *outcome.borrow_mut() = Some(error);
                let _ = aborting.abort();
            }
        });
        guard.set_onsuccess(Some(check.as_ref().unchecked_ref()));
        let result = committed(&transaction).await;
        guard.set_onsuccess(None);
        drop(check);
        if let Some(error) = refused.borrow_mut().take() {
            return Err(error);
        }
        result.map_err(|error| {
            if error.is_null() || error.is_undefined() {
                StoreError::Unavailable("the browser stopped the write".into())
            } else {
                unavailable(&error)
            }
        })
    }
}
