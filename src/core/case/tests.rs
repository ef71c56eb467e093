use super::*;
use crate::core::backup;
use crate::core::currency::Currency;
use crate::core::ids::Sequential;
use crate::core::model::{Client, Invoice};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn gbp() -> Currency {
    Currency::parse("GBP").unwrap()
}

fn amount(text: &str) -> Amount {
    Amount::parse(text).unwrap()
}

/// One client with invoice INV-1 of £1,000 due 14 Feb 2026; returns the ledger, ids and the invoice id.
fn books() -> (Ledger, Sequential, String) {
    let mut ledger = Ledger::default();
    let mut ids = Sequential::default();
    let client = ledger
        .save_client(Client::new("", "Acme Ltd"), &mut ids)
        .unwrap();
    let invoice = Invoice {
        id: String::new(),
        client_id: client,
        number: "INV-1".into(),
        issue_date: day(2026, 1, 15),
        due_date: day(2026, 2, 14),
        amount: amount("1000.00"),
        currency: gbp(),
        description: String::new(),
        disputed: false,
        interest: None,
        write_off: None,
        source: None,
    };
    let invoice = ledger.save_invoice(invoice, &mut ids).unwrap();
    (ledger, ids, invoice)
}

fn pay(ledger: &mut Ledger, ids: &mut Sequential, invoice_id: &str, date: NaiveDate, paid: &str) {
    let payment = Payment {
        id: String::new(),
        invoice_id: invoice_id.into(),
        date,
        amount: amount(paid),
        method: String::new(),
        note: String::new(),
    };
    ledger.save_payment(payment, false, ids).unwrap();
}

/// On 3 March the client promised £500 by 10 March.
fn promise_500_by_10_march(ledger: &mut Ledger, ids: &mut Sequential, invoice_id: &str) -> String {
    let client_id = ledger.invoice(invoice_id).unwrap().client_id.clone();
    ledger
        .record_promise(
            Promise {
                id: String::new(),
                client_id,
                invoice_id: Some(invoice_id.into()),
                made_on: day(2026, 3, 3),
                promised_by: "Jo Bloggs".into(),
                amount: amount("500.00"),
                currency: gbp(),
                due: day(2026, 3, 10),
                channel: "phone".into(),
                note: String::new(),
            },
            ids,
        )
        .unwrap()
}

fn state_on(ledger: &Ledger, id: &str, as_of: NaiveDate) -> PromiseState {
    let promise = ledger.promises.iter().find(|p| p.id == id).unwrap();
    promise_status(ledger, promise, 3, as_of).state
}

#[test]
fn an_unpaid_promise_is_pending_until_its_date_and_grace_then_broken() {
    let (mut ledger, mut ids, invoice) = books();
    let promise = promise_500_by_10_march(&mut ledger, &mut ids, &invoice);
    assert_eq!(
        state_on(&ledger, &promise, day(2026, 3, 5)),
        PromiseState::Pending
    );
    // Within the three days' grace after 10 March it is still pending.
    assert_eq!(
        state_on(&ledger, &promise, day(2026, 3, 13)),
        PromiseState::Pending
    );
    assert_eq!(
        state_on(&ledger, &promise, day(2026, 3, 14)),
        PromiseState::Broken
    );
}

#[test]
fn a_promise_paid_in_full_in_time_is_kept_even_before_its_date() {
    let (mut ledger, mut ids, invoice) = books();
    let promise = promise_500_by_10_march(&mut ledger, &mut ids, &invoice);
    pay(&mut ledger, &mut ids, &invoice, day(2026, 3, 6), "500.00");
    assert_eq!(
        state_on(&ledger, &promise, day(2026, 3, 7)),
        PromiseState::Kept
    );
    assert_eq!(
        state_on(&ledger, &promise, day(2026, 6, 1)),
        PromiseState::Kept
    );
}

#[test]
fn a_promise_paid_in_part_is_part_kept_once_the_grace_is_over() {
    let (mut ledger, mut ids, invoice) = books();
    let promise = promise_500_by_10_march(&mut ledger, &mut ids, &invoice);
    pay(&mut ledger, &mut ids, &invoice, day(2026, 3, 12), "200.00");
    assert_eq!(
        state_on(&ledger, &promise, day(2026, 3, 12)),
        PromiseState::Pending
    );
    assert_eq!(
        state_on(&ledger, &promise, day(2026, 3, 20)),
        PromiseState::PartKept
    );
    let status = promise_status(&ledger, &ledger.promises[0], 3, day(2026, 3, 20));
    assert_eq!(status.paid, Decimal::new(200, 0));
    assert_eq!(status.deadline, day(2026, 3, 13));
}

#[test]
fn payments_before_the_promise_or_after_its_grace_do_not_count() {
    let (mut ledger, mut ids, invoice) = books();
    pay(&mut ledger, &mut ids, &invoice, day(2026, 3, 1), "100.00");
    let promise = promise_500_by_10_march(&mut ledger, &mut ids, &invoice);
    pay(&mut ledger, &mut ids, &invoice, day(2026, 3, 14), "500.00");
    assert_eq!(
        state_on(&ledger, &promise, day(2026, 3, 20)),
        PromiseState::Broken
    );
}

#[test]
fn a_promise_cannot_fall_due_before_it_was_made_and_takes_its_invoices_currency() {
    let (mut ledger, mut ids, invoice) = books();
    let client_id = ledger.invoices[0].client_id.clone();
    let mut promise = Promise {
        id: String::new(),
        client_id,
        invoice_id: Some(invoice),
        made_on: day(2026, 3, 3),
        promised_by: String::new(),
        amount: amount("10.00"),
        currency: Currency::parse("EUR").unwrap(),
        due: day(2026, 3, 1),
        channel: String::new(),
        note: String::new(),
    };
    let error = ledger
        .record_promise(promise.clone(), &mut ids)
        .unwrap_err();
    assert_eq!(error.field_name(), Some("due"));
    promise.due = day(2026, 3, 4);
    let id = ledger.record_promise(promise, &mut ids).unwrap();
    assert_eq!(
        ledger
            .promises
            .iter()
            .find(|p| p.id == id)
            .unwrap()
            .currency,
        gbp()
    );
}

fn dispute(invoice_id: &str, part: Option<&str>) -> Dispute {
    Dispute {
        id: String::new(),
        client_id: String::new(),
        invoice_id: invoice_id.into(),
        opened_on: day(2026, 2, 20),
        reason: "Two pages were not delivered".into(),
        amount: part.map(amount),
        notes: String::new(),
        resolution: None,
    }
}

#[test]
fn an_open_dispute_sets_the_disputed_flag_and_a_second_is_refused() {
    let (mut ledger, mut ids, invoice) = books();
    ledger
        .open_dispute(dispute(&invoice, Some("200.00")), &mut ids)
        .unwrap();
    assert!(ledger.invoices[0].disputed);
    let open = open_dispute(&ledger, &invoice, day(2026, 3, 1)).unwrap();
    assert_eq!(
        disputed_part(open, Decimal::new(1000, 0)),
        Decimal::new(200, 0)
    );
    assert!(ledger
        .open_dispute(dispute(&invoice, None), &mut ids)
        .is_err());
}

#[test]
fn an_upheld_dispute_credits_the_disputed_part_and_clears_the_flag() {
    let (mut ledger, mut ids, invoice) = books();
    let id = ledger
        .open_dispute(dispute(&invoice, Some("200.00")), &mut ids)
        .unwrap();
    let resolution = Resolution {
        date: day(2026, 3, 2),
        outcome: DisputeOutcome::Upheld,
        note: String::new(),
    };
    ledger.resolve_dispute(&id, resolution, &mut ids).unwrap();
    assert!(!ledger.invoices[0].disputed);
    let credit = ledger
        .payments
        .iter()
        .find(|p| p.method == CREDIT_NOTE)
        .unwrap();
    assert_eq!(credit.amount, amount("200.00"));
    assert_eq!(
        ledger.outstanding(&ledger.invoices[0], day(2026, 3, 2)),
        Decimal::new(800, 0)
    );
    assert!(open_dispute(&ledger, &invoice, day(2026, 3, 2)).is_none());
    assert!(open_dispute(&ledger, &invoice, day(2026, 3, 1)).is_some());
}

#[test]
fn a_rejected_dispute_leaves_the_balance_and_is_logged() {
    let (mut ledger, mut ids, invoice) = books();
    let id = ledger
        .open_dispute(dispute(&invoice, None), &mut ids)
        .unwrap();
    let resolution = Resolution {
        date: day(2026, 3, 2),
        outcome: DisputeOutcome::Rejected,
        note: "Delivery notes signed".into(),
    };
    ledger.resolve_dispute(&id, resolution, &mut ids).unwrap();
    assert!(ledger.payments.is_empty());
    assert!(ledger
        .activities
        .iter()
        .any(|a| a.summary.contains("Rejected")));
    assert!(!ledger.invoices[0].disputed);
}

#[test]
fn a_pause_holds_from_its_start_until_the_day_chasing_resumes() {
    let (mut ledger, mut ids, invoice) = books();
    let client_id = ledger.invoices[0].client_id.clone();
    let pause = Pause {
        id: String::new(),
        client_id,
        invoice_id: None,
        from: day(2026, 3, 1),
        until: day(2026, 3, 15),
        reason: "Client on leave".into(),
    };
    let id = ledger.pause_chasing(pause, &mut ids).unwrap();
    let invoice = ledger.invoice(&invoice).unwrap().clone();
    assert!(active_pause(&ledger, &invoice, day(2026, 2, 28)).is_none());
    assert!(active_pause(&ledger, &invoice, day(2026, 3, 1)).is_some());
    assert!(active_pause(&ledger, &invoice, day(2026, 3, 14)).is_some());
    assert!(active_pause(&ledger, &invoice, day(2026, 3, 15)).is_none());
    ledger.end_pause(&id, day(2026, 3, 5)).unwrap();
    assert!(active_pause(&ledger, &invoice, day(2026, 3, 5)).is_none());
}

#[test]
fn a_letter_is_kept_as_sent_and_logged_against_each_invoice() {
    let (mut ledger, mut ids, invoice) = books();
    let client_id = ledger.invoices[0].client_id.clone();
    let letter = SentLetter {
        id: String::new(),
        client_id,
        invoice_ids: vec![invoice.clone()],
        date: day(2026, 3, 1),
        template: "final-notice".into(),
        channel: "email".into(),
        subject: "Final notice: INV-1".into(),
        body: "Dear Jo,\n\nExactly this text.".into(),
    };
    let id = ledger.record_letter(letter, &mut ids).unwrap();
    let logged = ledger
        .activities
        .iter()
        .find(|a| a.letter_id.as_deref() == Some(&id))
        .unwrap();
    assert_eq!(logged.step.as_deref(), Some("final-notice"));
    assert_eq!(
        ledger.letter(&id).unwrap().body,
        "Dear Jo,\n\nExactly this text."
    );
    ledger.delete_invoice(&invoice).unwrap();
    assert!(ledger.letters.is_empty());
}

#[test]
fn the_case_file_round_trips_and_a_schema_2_disputed_invoice_becomes_an_open_dispute() {
    let (mut ledger, mut ids, invoice) = books();
    promise_500_by_10_march(&mut ledger, &mut ids, &invoice);
    ledger
        .open_dispute(dispute(&invoice, Some("50.00")), &mut ids)
        .unwrap();
    let text = backup::export(&ledger, "2026-03-01T00:00:00Z");
    assert_eq!(backup::import(&text).unwrap(), ledger);

    let mut old: serde_json::Value = serde_json::from_str(&text).unwrap();
    old["schema"] = 2.into();
    for collection in ["promises", "disputes", "pauses", "letters"] {
        old.as_object_mut().unwrap().remove(collection);
    }
    let migrated = backup::import(&old.to_string()).unwrap();
    assert!(migrated.promises.is_empty());
    let [dispute] = migrated.disputes.as_slice() else {
        panic!("one dispute expected, got {:?}", migrated.disputes)
    };
    assert_eq!(dispute.invoice_id, invoice);
    assert_eq!(dispute.opened_on, day(2026, 2, 14));
    assert!(dispute.resolution.is_none());
}

#[test]
fn a_backup_whose_promise_points_at_another_clients_invoice_is_refused_by_name() {
    let (mut ledger, mut ids, invoice) = books();
    promise_500_by_10_march(&mut ledger, &mut ids, &invoice);
    let other = ledger
        .save_client(Client::new("", "Other"), &mut ids)
        .unwrap();
    ledger.promises[0].client_id = other;
    let error = backup::import(&backup::export(&ledger, "2026-03-01T00:00:00Z")).unwrap_err();
    assert!(error.location.starts_with("promises[0]"), "{error}");
    assert!(error.message.contains("another client"), "{error}");
}

#[test]
fn editing_an_invoice_can_neither_set_nor_clear_its_disputed_flag() {
    let (mut ledger, mut ids, invoice) = books();
    ledger
        .open_dispute(dispute(&invoice, None), &mut ids)
        .unwrap();
    let mut edited = ledger.invoices[0].clone();
    edited.description = "Website build".into();
    edited.disputed = false;
    ledger.save_invoice(edited, &mut ids).unwrap();
    assert!(ledger.invoices[0].disputed);
    assert_eq!(ledger.invoices[0].description, "Website build");
    let mut new = ledger.invoices[0].clone();
    new.id = String::new();
    new.number = "INV-2".into();
    let id = ledger.save_invoice(new, &mut ids).unwrap();
    assert!(!ledger.invoice(&id).unwrap().disputed);
}
