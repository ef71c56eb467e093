//! The store against the in-memory storage: revisions, verified saves and untouched data on failure.

use super::*;
use crate::core::backup;

const STAMP: &str = "2026-11-23T09:00:00Z";

fn example() -> Ledger {
    backup::import(include_str!("../../tests/fixtures/contract-example.json")).unwrap()
}

#[test]
fn nothing_stored_loads_an_empty_ledger_at_revision_zero() {
    let loaded = load(&Memory::new()).unwrap();
    assert_eq!(loaded.revision, 0);
    assert!(loaded.ledger.clients.is_empty());
}

#[test]
fn a_save_round_trips_and_bumps_the_revision() {
    let mut storage = Memory::new();
    assert_eq!(save(&mut storage, &example(), 0, STAMP).unwrap(), 1);
    assert_eq!(save(&mut storage, &example(), 1, STAMP).unwrap(), 2);
    let loaded = load(&storage).unwrap();
    assert_eq!((loaded.ledger, loaded.revision), (example(), 2));
}

#[test]
fn the_previous_version_is_kept_under_the_backup_key() {
    let mut storage = Memory::new();
    save(&mut storage, &Ledger::default(), 0, STAMP).unwrap();
    let first = storage.get(LEDGER_KEY).unwrap();
    save(&mut storage, &example(), 1, STAMP).unwrap();
    assert_eq!(storage.get(PREVIOUS_KEY).unwrap(), first);
}

#[test]
fn a_save_from_a_stale_revision_is_refused_and_changes_nothing() {
    let mut storage = Memory::new();
    save(&mut storage, &example(), 0, STAMP).unwrap();
    let before = storage.get(LEDGER_KEY).unwrap();
    assert_eq!(
        save(&mut storage, &Ledger::default(), 0, STAMP),
        Err(StoreError::Stale)
    );
    assert_eq!(storage.get(LEDGER_KEY).unwrap(), before);
    assert_eq!(
        StoreError::Stale.to_string(),
        "Changed in another tab — reload to see the latest."
    );
}

#[test]
fn a_full_quota_is_reported_and_the_stored_text_is_unchanged() {
    let mut storage = Memory::with_quota(6_000);
    save(&mut storage, &Ledger::default(), 0, STAMP).unwrap();
    let before = storage.get(LEDGER_KEY).unwrap();
    let mut big = example();
    big.clients[0].notes = "x".repeat(5_000);
    assert_eq!(
        save(&mut storage, &big, 1, STAMP),
        Err(StoreError::QuotaExceeded)
    );
    assert_eq!(storage.get(LEDGER_KEY).unwrap(), before);
    assert_eq!(load(&storage).unwrap().ledger, Ledger::default());
}

#[test]
fn unreadable_stored_text_is_reported_and_never_saved_over() {
    let mut storage = Memory::new();
    storage.set(LEDGER_KEY, "{not json").unwrap();
    assert!(matches!(load(&storage), Err(StoreError::Unreadable(_))));
    assert!(matches!(
        save(&mut storage, &example(), 0, STAMP),
        Err(StoreError::Unreadable(_))
    ));
    assert_eq!(
        storage.get(LEDGER_KEY).unwrap().as_deref(),
        Some("{not json")
    );
}

#[test]
fn the_previous_good_document_can_be_restored() {
    let mut storage = Memory::new();
    save(&mut storage, &example(), 0, STAMP).unwrap();
    save(&mut storage, &Ledger::default(), 1, STAMP).unwrap();
    storage.set(LEDGER_KEY, "garbage").unwrap();
    let restored = restore_previous(&mut storage).unwrap();
    assert_eq!(restored.ledger, example());
    assert_eq!(load(&storage).unwrap().ledger, example());
}
