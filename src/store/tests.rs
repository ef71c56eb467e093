//! The store against the in-memory storage: revisions, verified saves and untouched data on failure.

use super::*;
use crate::core::backup;
use crate::core::ids::Sequential;
use crate::core::model::Client;
use chrono::NaiveDate;

const STAMP: &str = "2026-11-23T09:00:00Z";

fn now_save(
    storage: &mut Memory,
    ledger: &Ledger,
    based_on: u64,
    stamp: &str,
) -> Result<u64, StoreError> {
    now(save(storage, ledger, based_on, stamp))
}

fn example() -> Ledger {
    backup::import(include_str!("../../tests/fixtures/contract-example.json")).unwrap()
}

#[test]
fn nothing_stored_loads_an_empty_ledger_at_revision_zero() {
    let loaded = now(load(&Memory::new())).unwrap();
    assert_eq!(loaded.revision, 0);
    assert!(loaded.ledger.clients.is_empty());
}

#[test]
fn a_save_round_trips_and_bumps_the_revision() {
    let mut storage = Memory::new();
    assert_eq!(now_save(&mut storage, &example(), 0, STAMP).unwrap(), 1);
    assert_eq!(now_save(&mut storage, &example(), 1, STAMP).unwrap(), 2);
    let loaded = now(load(&storage)).unwrap();
    assert_eq!((loaded.ledger, loaded.revision), (example(), 2));
}

#[test]
fn the_previous_version_is_kept_under_the_backup_key() {
    let mut storage = Memory::new();
    now_save(&mut storage, &Ledger::default(), 0, STAMP).unwrap();
    let first = storage.peek(LEDGER_KEY);
    now_save(&mut storage, &example(), 1, STAMP).unwrap();
    assert_eq!(storage.peek(PREVIOUS_KEY), first);
}

#[test]
fn a_save_from_a_stale_revision_is_refused_and_changes_nothing() {
    let mut storage = Memory::new();
    now_save(&mut storage, &example(), 0, STAMP).unwrap();
    let before = storage.peek(LEDGER_KEY);
    assert_eq!(
        now_save(&mut storage, &Ledger::default(), 0, STAMP),
        Err(StoreError::Stale)
    );
    assert_eq!(storage.peek(LEDGER_KEY), before);
}

#[test]
fn a_full_quota_is_reported_and_the_stored_text_is_unchanged() {
    let mut storage = Memory::with_quota(6_000);
    now_save(&mut storage, &Ledger::default(), 0, STAMP).unwrap();
    let before = storage.peek(LEDGER_KEY);
    let mut big = example();
    big.clients[0].notes = "x".repeat(6_000);
    assert_eq!(
        now_save(&mut storage, &big, 1, STAMP),
        Err(StoreError::QuotaExceeded)
    );
    assert_eq!(storage.peek(LEDGER_KEY), before);
    assert_eq!(now(load(&storage)).unwrap().ledger, Ledger::default());
}

#[test]
fn unreadable_stored_text_is_reported_and_never_saved_over() {
    let mut storage = Memory::new();
    storage.poke(LEDGER_KEY, "{not json");
    assert!(matches!(
        now(load(&storage)),
        Err(StoreError::Unreadable(_))
    ));
    assert!(matches!(
        now_save(&mut storage, &example(), 0, STAMP),
        Err(StoreError::Unreadable(_))
    ));
    assert_eq!(storage.peek(LEDGER_KEY).as_deref(), Some("{not json"));
}

#[test]
fn the_previous_good_document_can_be_restored() {
    let mut storage = Memory::new();
    now_save(&mut storage, &example(), 0, STAMP).unwrap();
    now_save(&mut storage, &Ledger::default(), 1, STAMP).unwrap();
    storage.poke(LEDGER_KEY, "garbage");
    let restored = now(restore_previous(&mut storage)).unwrap();
    assert_eq!(restored.ledger, example());
    assert_eq!(now(load(&storage)).unwrap().ledger, example());
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
    let mut session = now(Session::open(&storage));
    let id = add_client(&mut session, "Acme Ltd", day(2));
    assert!(session.ledger().client(&id).is_some());
    assert!(session.is_pending());
    assert_eq!(storage.peek(LEDGER_KEY), None);
    assert_eq!(now(session.flush(&mut storage, STAMP)), Ok(Some(1)));
    assert_eq!(now(session.flush(&mut storage, STAMP)), Ok(None));
    assert_eq!(storage.peek(REVISION_KEY).as_deref(), Some("1"));
    let stored = now(load(&storage)).unwrap();
    assert_eq!((&stored.ledger, stored.revision), (&*session.ledger(), 1));
}

#[test]
fn a_refused_change_leaves_the_ledger_and_storage_as_they_were() {
    let mut storage = Memory::new();
    let mut session = now(Session::open(&storage));
    add_client(&mut session, "Acme Ltd", day(2));
    now(session.flush(&mut storage, STAMP)).unwrap();
    let (before, stored) = (session.ledger(), storage.peek(LEDGER_KEY));
    let refused = session.apply(day(3), &mut Sequential::default(), |ledger, ids| {
        ledger.save_client(Client::new("", "  "), ids)
    });
    assert_eq!(refused.unwrap_err().field_name(), Some("name"));
    assert_eq!(session.ledger(), before);
    assert!(!session.is_pending());
    assert_eq!(storage.peek(LEDGER_KEY), stored);
}

/// Exporting a backup used to be saved as a change, so the backup reminder came back a week
/// after an export with no edits at all.
#[test]
fn an_export_is_not_a_change_so_the_backup_reminder_stays_away() {
    let mut storage = Memory::new();
    let mut session = now(Session::open(&storage));
    add_client(&mut session, "Acme Ltd", day(2));
    assert_eq!(session.ledger().backup_overdue(day(9)), Some(7));
    session.note_export(day(10));
    now(session.flush(&mut storage, STAMP)).unwrap();
    let stored = now(load(&storage)).unwrap().ledger;
    assert_eq!(stored.settings.last_export, Some(day(10)));
    assert_eq!(stored.settings.changed_since_export, None);
    assert_eq!(stored.backup_overdue(day(30)), None);
    add_client(&mut session, "Bolt GmbH", day(20));
    assert_eq!(session.ledger().backup_overdue(day(27)), Some(7));
}

#[test]
fn a_save_after_another_tab_saved_is_refused_and_kept_pending_until_reload() {
    let mut storage = Memory::new();
    let mut mine = now(Session::open(&storage));
    let mut other = now(Session::open(&storage));
    add_client(&mut other, "From the other tab", day(2));
    now(other.flush(&mut storage, STAMP)).unwrap();
    add_client(&mut mine, "Mine", day(2));
    assert_eq!(now(mine.flush(&mut storage, STAMP)), Err(StoreError::Stale));
    assert!(mine.is_pending());
    assert_eq!(now(load(&storage)).unwrap().ledger, *other.ledger());
    assert_eq!(now(mine.reload(&storage)), Ok(true));
    assert_eq!(now(mine.reload(&storage)), Ok(false));
    assert_eq!(mine.ledger(), other.ledger());
    assert_eq!(mine.revision(), 1);
}

#[test]
fn an_unreadable_store_blocks_every_save_and_is_left_untouched() {
    let mut storage = Memory::new();
    storage.poke(LEDGER_KEY, "{not json");
    let mut session = now(Session::open(&storage));
    assert!(matches!(session.blocked(), Some(StoreError::Unreadable(_))));
    add_client(&mut session, "Acme Ltd", day(2));
    assert!(matches!(
        now(session.flush(&mut storage, STAMP)),
        Err(StoreError::Unreadable(_))
    ));
    assert_eq!(storage.peek(LEDGER_KEY).as_deref(), Some("{not json"));
}

#[test]
fn a_refused_backup_changes_nothing_and_a_good_one_replaces_everything() {
    let mut storage = Memory::new();
    let mut session = now(Session::open(&storage));
    add_client(&mut session, "Acme Ltd", day(2));
    now(session.flush(&mut storage, STAMP)).unwrap();
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
    now(session.flush(&mut storage, STAMP)).unwrap();
    let stored = now(load(&storage)).unwrap().ledger;
    assert_eq!(stored.clients, example().clients);
}

#[test]
fn local_storage_use_counts_utf16_units_of_every_key_and_warns_at_60_and_85_percent() {
    let usage = Usage::of_local_storage([(LEDGER_KEY, "ab€"), ("filler", "x")]);
    assert_eq!(usage.used, 2 * (LEDGER_KEY.len() as u64 + 3 + 6 + 1));
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
    let mut session = now(Session::open(&storage));
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
    now(session.flush(&mut storage, STAMP)).unwrap();
}

#[test]
fn a_save_that_does_not_fit_with_its_previous_copy_drops_the_copy_instead_of_failing() {
    let mut big = example();
    big.clients[0].notes = "x".repeat(4_000);
    let mut storage = Memory::with_quota(11_000);
    now_save(&mut storage, &big, 0, STAMP).unwrap();
    big.clients[0].notes = "y".repeat(4_000);
    now_save(&mut storage, &big, 1, STAMP).unwrap();
    assert!(storage.peek(PREVIOUS_KEY).unwrap().contains("xxxx"));
    big.clients[0].notes = "z".repeat(6_000);
    assert_eq!(now_save(&mut storage, &big, 2, STAMP), Ok(3));
    assert_eq!(storage.peek(PREVIOUS_KEY), None);
    assert_eq!(now(load(&storage)).unwrap().ledger, big);
}

#[test]
fn a_failed_save_leaves_the_previous_copy_as_it_was() {
    let mut storage = Memory::with_quota(9_000);
    now_save(&mut storage, &Ledger::default(), 0, STAMP).unwrap();
    now_save(&mut storage, &example(), 1, STAMP).unwrap();
    let before = (storage.peek(LEDGER_KEY), storage.peek(PREVIOUS_KEY));
    let mut big = example();
    big.clients[0].notes = "x".repeat(10_000);
    assert_eq!(
        now_save(&mut storage, &big, 2, STAMP),
        Err(StoreError::QuotaExceeded)
    );
    assert_eq!(
        (storage.peek(LEDGER_KEY), storage.peek(PREVIOUS_KEY)),
        before
    );
    assert_eq!(storage.peek(REVISION_KEY).as_deref(), Some("2"));
}

#[test]
fn a_ledger_in_the_old_storage_moves_over_verified_and_only_then_leaves_it() {
    let mut old = Memory::new();
    now_save(&mut old, &Ledger::default(), 0, STAMP).unwrap();
    now_save(&mut old, &example(), 1, STAMP).unwrap();
    let (ledger, previous) = (old.peek(LEDGER_KEY), old.peek(PREVIOUS_KEY));
    let mut new = Memory::new();
    assert_eq!(now(migrate(&mut old, &mut new)), Ok(true));
    assert_eq!(
        (new.peek(LEDGER_KEY), new.peek(PREVIOUS_KEY)),
        (ledger, previous)
    );
    assert_eq!(new.peek(REVISION_KEY).as_deref(), Some("2"));
    assert_eq!((old.peek(LEDGER_KEY), old.peek(PREVIOUS_KEY)), (None, None));
    assert_eq!(now(load(&new)).unwrap().ledger, example());
    assert_eq!(now(migrate(&mut old, &mut new)), Ok(false));
}

#[test]
fn a_migration_that_does_not_fit_leaves_the_old_storage_untouched() {
    let mut old = Memory::new();
    now_save(&mut old, &example(), 0, STAMP).unwrap();
    let before = old.peek(LEDGER_KEY);
    let mut new = Memory::with_quota(100);
    assert_eq!(
        now(migrate(&mut old, &mut new)),
        Err(StoreError::QuotaExceeded)
    );
    assert_eq!(old.peek(LEDGER_KEY), before);
    assert_eq!(new.peek(LEDGER_KEY), None);
}

#[test]
fn a_ledger_already_in_the_new_storage_is_never_overwritten_by_the_old_one() {
    let mut old = Memory::new();
    now_save(&mut old, &Ledger::default(), 0, STAMP).unwrap();
    let mut new = Memory::new();
    now_save(&mut new, &example(), 0, STAMP).unwrap();
    assert_eq!(now(migrate(&mut old, &mut new)), Ok(false));
    assert_eq!(now(load(&new)).unwrap().ledger, example());
    assert!(old.peek(LEDGER_KEY).is_some());
}

#[test]
fn changes_that_failed_to_save_are_kept_aside_when_another_tab_saves_and_can_be_saved_again() {
    let mut storage = Memory::new();
    let mut mine = now(Session::open(&storage));
    let mut other = now(Session::open(&storage));
    add_client(&mut other, "From the other tab", day(2));
    now(other.flush(&mut storage, STAMP)).unwrap();
    add_client(&mut mine, "Typed here", day(2));
    assert_eq!(now(mine.flush(&mut storage, STAMP)), Err(StoreError::Stale));
    assert_eq!(now(mine.reload(&storage)), Ok(true));
    let names = |ledger: &Ledger| {
        ledger
            .clients
            .iter()
            .map(|c| c.name.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&mine.ledger()), ["From the other tab"]);
    assert_eq!(names(&mine.unsaved().unwrap()), ["Typed here"]);
    assert!(mine.take_back_unsaved());
    assert_eq!(mine.unsaved(), None);
    assert_eq!(now(mine.flush(&mut storage, STAMP)), Ok(Some(2)));
    assert_eq!(names(&now(load(&storage)).unwrap().ledger), ["Typed here"]);
}

#[test]
fn a_backup_that_does_not_fit_in_storage_is_not_shown_as_loaded() {
    let mut storage = Memory::with_quota(8_000);
    let mut session = now(Session::open(&storage));
    add_client(&mut session, "Acme Ltd", day(2));
    now(session.flush(&mut storage, STAMP)).unwrap();
    let before = session.ledger();
    let mut big = example();
    big.clients[0].notes = "x".repeat(9_000);
    let text = backup::export(&big, STAMP);
    let (ledger, _) = Session::read_backup(&text, day(3)).unwrap();
    assert_eq!(
        now(session.replace_and_store(ledger, &mut storage, STAMP)),
        Err(StoreError::QuotaExceeded)
    );
    assert_eq!(session.ledger(), before);
    assert!(!session.is_pending());
}

#[test]
fn a_save_finished_after_more_changes_keeps_those_changes_pending() {
    let mut storage = Memory::new();
    let mut session = now(Session::open(&storage));
    add_client(&mut session, "First", day(2));
    let ticket = session.to_save().unwrap().unwrap();
    add_client(&mut session, "Typed during the save", day(2));
    let result = now(save(&mut storage, &ticket.ledger, ticket.based_on, STAMP));
    assert_eq!(session.saved(ticket, result), Ok(Some(1)));
    assert!(session.is_pending());
    assert_eq!(now(session.flush(&mut storage, STAMP)), Ok(Some(2)));
    assert_eq!(now(load(&storage)).unwrap().ledger.clients.len(), 2);
}

#[test]
fn cannot_read_and_cannot_parse_are_told_apart() {
    let unreadable = StoreError::Unavailable("SecurityError".into()).recovery_sentence();
    assert!(unreadable.contains("did not let Overdue read its storage"));
    let mut storage = Memory::new();
    storage.poke(LEDGER_KEY, "{not json");
    let parse = now(load(&storage)).unwrap_err().recovery_sentence();
    assert!(parse.contains("cannot be parsed"), "{parse}");
    assert!(!parse.contains("Data") && !unreadable.contains("Data"));
}
