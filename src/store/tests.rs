//! The store against the in-memory storage: revisions, verified saves and untouched data on failure.

use super::*;
use crate::core::backup;
use crate::core::ids::Sequential;
use crate::core::model::Client;
use chrono::NaiveDate;

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

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn add_client(session: &mut Session, name: &str, today: NaiveDate) -> String {
    session
        .apply(today, &mut Sequential::default(), |ledger, ids| {
            ledger.save_client(Client::new("", name), ids)
        })
        .unwrap()
}

#[test]
fn a_change_is_shown_at_once_and_stored_on_flush_with_the_next_revision() {
    let mut storage = Memory::new();
    let mut session = Session::open(&storage);
    let id = add_client(&mut session, "Acme Ltd", day(2));
    assert!(session.ledger().client(&id).is_some());
    assert!(session.is_pending());
    assert_eq!(storage.get(LEDGER_KEY).unwrap(), None);
    assert_eq!(session.flush(&mut storage, STAMP), Ok(Some(1)));
    assert_eq!(session.flush(&mut storage, STAMP), Ok(None));
    assert_eq!(storage.get(REVISION_KEY).unwrap().as_deref(), Some("1"));
    let stored = load(&storage).unwrap();
    assert_eq!((&stored.ledger, stored.revision), (&*session.ledger(), 1));
}

#[test]
fn a_refused_change_leaves_the_ledger_and_storage_as_they_were() {
    let mut storage = Memory::new();
    let mut session = Session::open(&storage);
    add_client(&mut session, "Acme Ltd", day(2));
    session.flush(&mut storage, STAMP).unwrap();
    let (before, stored) = (session.ledger(), storage.get(LEDGER_KEY).unwrap());
    let refused = session.apply(day(3), &mut Sequential::default(), |ledger, ids| {
        ledger.save_client(Client::new("", "  "), ids)
    });
    assert_eq!(refused.unwrap_err().field_name(), Some("name"));
    assert_eq!(session.ledger(), before);
    assert!(!session.is_pending());
    assert_eq!(storage.get(LEDGER_KEY).unwrap(), stored);
}

/// Exporting a backup used to be saved as a change, so the backup reminder came back a week
/// after an export with no edits at all.
#[test]
fn an_export_is_not_a_change_so_the_backup_reminder_stays_away() {
    let mut storage = Memory::new();
    let mut session = Session::open(&storage);
    add_client(&mut session, "Acme Ltd", day(2));
    assert_eq!(session.ledger().backup_overdue(day(9)), Some(7));
    session.note_export(day(10));
    session.flush(&mut storage, STAMP).unwrap();
    let stored = load(&storage).unwrap().ledger;
    assert_eq!(stored.settings.last_export, Some(day(10)));
    assert_eq!(stored.settings.changed_since_export, None);
    assert_eq!(stored.backup_overdue(day(30)), None);
    add_client(&mut session, "Bolt GmbH", day(20));
    assert_eq!(session.ledger().backup_overdue(day(27)), Some(7));
}

#[test]
fn a_save_after_another_tab_saved_is_refused_and_kept_pending_until_reload() {
    let mut storage = Memory::new();
    let mut mine = Session::open(&storage);
    let mut other = Session::open(&storage);
    add_client(&mut other, "From the other tab", day(2));
    other.flush(&mut storage, STAMP).unwrap();
    add_client(&mut mine, "Mine", day(2));
    assert_eq!(mine.flush(&mut storage, STAMP), Err(StoreError::Stale));
    assert!(mine.is_pending());
    assert_eq!(load(&storage).unwrap().ledger, *other.ledger());
    assert_eq!(mine.reload(&storage), Ok(true));
    assert_eq!(mine.reload(&storage), Ok(false));
    assert_eq!(mine.ledger(), other.ledger());
    assert_eq!(mine.revision(), 1);
}

#[test]
fn an_unreadable_store_blocks_every_save_and_is_left_untouched() {
    let mut storage = Memory::new();
    storage.set(LEDGER_KEY, "{not json").unwrap();
    let mut session = Session::open(&storage);
    assert!(matches!(session.blocked(), Some(StoreError::Unreadable(_))));
    add_client(&mut session, "Acme Ltd", day(2));
    assert!(matches!(
        session.flush(&mut storage, STAMP),
        Err(StoreError::Unreadable(_))
    ));
    assert_eq!(
        storage.get(LEDGER_KEY).unwrap().as_deref(),
        Some("{not json")
    );
}

#[test]
fn a_refused_backup_changes_nothing_and_a_good_one_replaces_everything() {
    let mut storage = Memory::new();
    let mut session = Session::open(&storage);
    add_client(&mut session, "Acme Ltd", day(2));
    session.flush(&mut storage, STAMP).unwrap();
    let before = session.ledger();
    let refused = session.import_backup("{\"format\": \"something-else\"}", day(3));
    assert_eq!(refused.unwrap_err().location, "format");
    assert_eq!(session.ledger(), before);
    assert!(!session.is_pending());
    let text = include_str!("../../tests/fixtures/contract-example.json");
    let imported = session.import_backup(text, day(3)).unwrap();
    assert_eq!(
        imported.summary(),
        "Imported 1 clients, 1 invoices, 1 payments and 1 activities."
    );
    session.flush(&mut storage, STAMP).unwrap();
    let stored = load(&storage).unwrap().ledger;
    assert_eq!(stored.clients, example().clients);
}

#[test]
fn storage_use_counts_utf16_units_of_both_copies_and_warns_at_60_and_85_percent() {
    let mut storage = Memory::new();
    storage.set(LEDGER_KEY, "ab€").unwrap();
    let usage = Usage::of_local_storage(&storage);
    assert_eq!(usage.used, 2 * (LEDGER_KEY.len() as u64 + 3));
    let at = |percent: u64| Usage {
        used: Usage::LOCAL_STORAGE_QUOTA * percent / 100,
        quota: Usage::LOCAL_STORAGE_QUOTA,
    };
    assert_eq!(at(59).level(), UsageLevel::Fine);
    assert_eq!(at(60).level(), UsageLevel::FillingUp);
    assert_eq!(at(85).level(), UsageLevel::AlmostFull);
    assert!(at(85).advice().unwrap().contains("export a backup now"));
}

#[test]
fn the_change_that_pays_off_a_settlement_plan_completes_it() {
    use crate::core::model::{Instalment, Plan, PlanStatus};
    let mut storage = Memory::new();
    let mut session = Session::open(&storage);
    session
        .import_backup(
            include_str!("../../tests/fixtures/contract-example.json"),
            day(1),
        )
        .unwrap();
    let plan = Plan {
        id: String::new(),
        client_id: "c1".into(),
        invoice_ids: vec!["i1".into()],
        agreed_total: "900.00".parse().unwrap(),
        currency: crate::core::currency::Currency::parse("GBP").unwrap(),
        original_claim: "1000.00".parse().unwrap(),
        schedule: vec![Instalment {
            number: 1,
            date: day(20),
            amount: "900.00".parse().unwrap(),
        }],
        grace_days: 7,
        accepted_on: day(2),
        status: PlanStatus::Active,
        defaulted_on: None,
    };
    session
        .apply(day(2), &mut Sequential::default(), |ledger, ids| {
            ledger.accept_plan(plan, ids)
        })
        .unwrap();
    let payment = crate::core::model::Payment {
        id: String::new(),
        invoice_id: "i1".into(),
        date: day(10),
        amount: crate::core::money::Amount::new("900.00".parse().unwrap()).unwrap(),
        method: String::new(),
        note: String::new(),
    };
    session
        .apply(day(10), &mut Sequential::default(), |ledger, ids| {
            ledger.save_payment(payment, false, ids)
        })
        .unwrap();
    assert_eq!(session.ledger().plans[0].status, PlanStatus::Completed);
    session.flush(&mut storage, STAMP).unwrap();
}
