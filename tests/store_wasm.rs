//! The store against the browser's real IndexedDB and localStorage, in headless Chromium.
#![cfg(target_arch = "wasm32")]

use overdue::core::backup;
use overdue::core::ledger::Ledger;
use overdue::store::{
    self, IndexedDb, LocalStorage, Storage, StoreError, LEDGER_KEY, PREVIOUS_KEY, REVISION_KEY,
};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const STAMP: &str = "2026-11-23T09:00:00Z";

fn local() -> web_sys::Storage {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    storage
}

/// The app's database with every key removed.
async fn indexed() -> IndexedDb {
    let mut db = IndexedDb::open().await.unwrap();
    let pointer = db.get(REVISION_KEY).await.unwrap();
    db.write(
        (REVISION_KEY, pointer.as_deref()),
        &[
            (LEDGER_KEY, None),
            (PREVIOUS_KEY, None),
            (REVISION_KEY, None),
        ],
    )
    .await
    .unwrap();
    db
}

fn example() -> Ledger {
    backup::import(include_str!("fixtures/contract-example.json")).unwrap()
}

#[wasm_bindgen_test]
async fn a_save_survives_in_indexed_db_and_loads_back_through_a_new_connection() {
    let mut db = indexed().await;
    assert_eq!(store::save(&mut db, &example(), 0, STAMP).await.unwrap(), 1);
    let reopened = IndexedDb::open().await.unwrap();
    let loaded = store::load(&reopened).await.unwrap();
    assert_eq!((loaded.ledger, loaded.revision), (example(), 1));
}

#[wasm_bindgen_test]
async fn a_stale_save_to_indexed_db_is_refused_and_the_stored_text_is_unchanged() {
    let mut db = indexed().await;
    store::save(&mut db, &example(), 0, STAMP).await.unwrap();
    let before = db.get(LEDGER_KEY).await.unwrap();
    let mut other_tab = IndexedDb::open().await.unwrap();
    assert_eq!(
        store::save(&mut other_tab, &Ledger::default(), 0, STAMP).await,
        Err(StoreError::Stale)
    );
    assert_eq!(db.get(LEDGER_KEY).await.unwrap(), before);
}

#[wasm_bindgen_test]
async fn a_guarded_write_changes_nothing_when_the_guard_moved() {
    let mut db = indexed().await;
    store::save(&mut db, &example(), 0, STAMP).await.unwrap();
    assert_eq!(
        db.write((REVISION_KEY, Some("7")), &[(LEDGER_KEY, Some("x"))])
            .await,
        Err(StoreError::Stale)
    );
    assert_eq!(store::load(&db).await.unwrap().ledger, example());
}

#[wasm_bindgen_test]
async fn the_previous_copy_in_indexed_db_can_be_restored_after_damage() {
    let mut db = indexed().await;
    store::save(&mut db, &example(), 0, STAMP).await.unwrap();
    store::save(&mut db, &Ledger::default(), 1, STAMP)
        .await
        .unwrap();
    db.write((REVISION_KEY, Some("2")), &[(LEDGER_KEY, Some("garbage"))])
        .await
        .unwrap();
    assert!(matches!(
        store::load(&db).await,
        Err(StoreError::Unreadable(_))
    ));
    assert_eq!(
        store::restore_previous(&mut db).await.unwrap().ledger,
        example()
    );
}

#[wasm_bindgen_test]
async fn a_ledger_in_local_storage_moves_to_indexed_db_and_leaves_local_storage_after() {
    let raw = local();
    let mut db = indexed().await;
    store::save(&mut LocalStorage, &example(), 0, STAMP)
        .await
        .unwrap();
    let text = raw.get_item(LEDGER_KEY).unwrap();
    assert_eq!(store::migrate(&mut LocalStorage, &mut db).await, Ok(true));
    assert_eq!(db.get(LEDGER_KEY).await.unwrap(), text);
    assert_eq!(raw.get_item(LEDGER_KEY).unwrap(), None);
    assert_eq!(store::load(&db).await.unwrap().ledger, example());
}

#[wasm_bindgen_test]
async fn a_save_survives_in_local_storage_and_loads_back() {
    local();
    let mut storage = LocalStorage;
    assert_eq!(
        store::save(&mut storage, &example(), 0, STAMP)
            .await
            .unwrap(),
        1
    );
    let loaded = store::load(&LocalStorage).await.unwrap();
    assert_eq!((loaded.ledger, loaded.revision), (example(), 1));
}

#[wasm_bindgen_test]
async fn unreadable_text_is_left_exactly_as_it_was() {
    let raw = local();
    raw.set_item(LEDGER_KEY, "{\"format\": garbage").unwrap();
    assert!(matches!(
        store::load(&LocalStorage).await,
        Err(StoreError::Unreadable(_))
    ));
    assert!(matches!(
        store::save(&mut LocalStorage, &example(), 0, STAMP).await,
        Err(StoreError::Unreadable(_))
    ));
    assert_eq!(
        raw.get_item(LEDGER_KEY).unwrap().as_deref(),
        Some("{\"format\": garbage")
    );
}

#[wasm_bindgen_test]
async fn a_full_local_storage_is_reported_and_the_stored_text_and_previous_copy_are_unchanged() {
    let raw = local();
    let mut storage = LocalStorage;
    store::save(&mut storage, &Ledger::default(), 0, STAMP)
        .await
        .unwrap();
    store::save(&mut storage, &example(), 1, STAMP)
        .await
        .unwrap();
    let before = (raw.get_item(LEDGER_KEY), raw.get_item(PREVIOUS_KEY));
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
        store::save(&mut storage, &big, 2, STAMP).await,
        Err(StoreError::QuotaExceeded)
    );
    assert_eq!(
        (raw.get_item(LEDGER_KEY), raw.get_item(PREVIOUS_KEY)),
        before
    );
    raw.clear().unwrap();
}
