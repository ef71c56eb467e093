//! The store against the browser's real localStorage, in headless Chromium.
#![cfg(target_arch = "wasm32")]

use overdue::core::backup;
use overdue::core::ledger::Ledger;
use overdue::store::{self, LocalStorage, Storage, StoreError, LEDGER_KEY};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const STAMP: &str = "2026-11-23T09:00:00Z";

fn fresh() -> web_sys::Storage {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    storage
}

fn example() -> Ledger {
    backup::import(include_str!("fixtures/contract-example.json")).unwrap()
}

#[wasm_bindgen_test]
fn a_save_survives_in_local_storage_and_loads_back() {
    fresh();
    let mut storage = LocalStorage;
    assert_eq!(store::save(&mut storage, &example(), 0, STAMP).unwrap(), 1);
    let loaded = store::load(&LocalStorage).unwrap();
    assert_eq!((loaded.ledger, loaded.revision), (example(), 1));
}

#[wasm_bindgen_test]
fn a_stale_save_is_refused_and_the_stored_text_is_unchanged() {
    fresh();
    let mut storage = LocalStorage;
    store::save(&mut storage, &example(), 0, STAMP).unwrap();
    let before = storage.get(LEDGER_KEY).unwrap();
    assert_eq!(
        store::save(&mut storage, &Ledger::default(), 0, STAMP),
        Err(StoreError::Stale)
    );
    assert_eq!(storage.get(LEDGER_KEY).unwrap(), before);
}

#[wasm_bindgen_test]
fn unreadable_text_is_left_exactly_as_it_was() {
    let raw = fresh();
    raw.set_item(LEDGER_KEY, "{\"format\": garbage").unwrap();
    assert!(matches!(
        store::load(&LocalStorage),
        Err(StoreError::Unreadable(_))
    ));
    assert!(matches!(
        store::save(&mut LocalStorage, &example(), 0, STAMP),
        Err(StoreError::Unreadable(_))
    ));
    assert_eq!(
        raw.get_item(LEDGER_KEY).unwrap().as_deref(),
        Some("{\"format\": garbage")
    );
}

#[wasm_bindgen_test]
fn a_full_quota_is_reported_as_such_and_the_stored_text_is_unchanged() {
    let raw = fresh();
    let mut storage = LocalStorage;
    store::save(&mut storage, &Ledger::default(), 0, STAMP).unwrap();
    let before = storage.get(LEDGER_KEY).unwrap();
    // Fill the quota with filler keys, halving the chunk until not even a small one fits.
    let mut chunk = 1 << 20;
    let mut index = 0;
    while chunk >= 256 {
        if raw
            .set_item(&format!("filler{index}"), &"x".repeat(chunk))
            .is_ok()
        {
            index += 1;
        } else {
            chunk /= 2;
        }
    }
    let mut big = example();
    big.clients[0].notes = "n".repeat(64 * 1024);
    assert_eq!(
        store::save(&mut storage, &big, 1, STAMP),
        Err(StoreError::QuotaExceeded)
    );
    assert_eq!(storage.get(LEDGER_KEY).unwrap(), before);
    raw.clear().unwrap();
}
