//! The ledger: adding, editing and deleting records, balances, statuses and sample data.

use chrono::NaiveDate;
use overdue::core::currency::Currency;
use overdue::core::error::FieldError;
use overdue::core::ids::Sequential;
use overdue::core::ledger::{InvoiceStatus, Ledger};
use overdue::core::model::{Client, Invoice, Payment};
use overdue::core::money::Amount;
use overdue::core::{backup, sample};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn amount(text: &str) -> Amount {
    Amount::parse(text).unwrap()
}

fn client(name: &str) -> Client {
    Client::new(String::new(), name)
}

fn invoice(client_id: &str, number: &str, total: &str) -> Invoice {
    Invoice {
        id: String::new(),
        client_id: client_id.into(),
        number: number.into(),
        issue_date: day(2026, 1, 15),
        due_date: day(2026, 2, 14),
        amount: amount(total),
        currency: Currency::parse("GBP").unwrap(),
        description: String::new(),
        disputed: false,
        interest: None,
        write_off: None,
        source: None,
    }
}

fn payment(invoice_id: &str, date: NaiveDate, paid: &str) -> Payment {
    Payment {
        id: String::new(),
        invoice_id: invoice_id.into(),
        date,
        amount: amount(paid),
        method: "bank transfer".into(),
        note: String::new(),
    }
}

/// A ledger with one client and one £1,200.00 invoice; returns the ids.
fn one_invoice() -> (Ledger, String, String) {
    let mut ledger = Ledger::default();
    let client_id = ledger.save_client(client("Acme Ltd"), &mut ids()).unwrap();
    let invoice_id = ledger
        .save_invoice(invoice(&client_id, "INV-001", "1200.00"), &mut ids())
        .unwrap();
    (ledger, client_id, invoice_id)
}

#[test]
fn new_records_get_fresh_ids_and_edits_replace_them() {
    let (mut ledger, client_id, invoice_id) = one_invoice();
    assert_eq!((client_id.as_str(), invoice_id.as_str()), ("c1", "i1"));
    let mut renamed = ledger.client("c1").unwrap().clone();
    renamed.name = "Acme Holdings".into();
    assert_eq!(ledger.save_client(renamed, &mut ids()).unwrap(), "c1");
    assert_eq!(ledger.clients.len(), 1);
    assert_eq!(ledger.client("c1").unwrap().name, "Acme Holdings");
}

#[test]
fn a_client_needs_a_name() {
    let error = Ledger::default()
        .save_client(client("  "), &mut ids())
        .unwrap_err();
    assert_eq!(error.field_name(), Some("name"));
}

#[test]
fn an_invoice_cannot_be_due_before_it_was_issued() {
    let (mut ledger, client_id, _) = one_invoice();
    let mut early = invoice(&client_id, "INV-002", "10");
    early.due_date = day(2026, 1, 1);
    let error = ledger.save_invoice(early, &mut ids()).unwrap_err();
    assert_eq!(error.field_name(), Some("due_date"));
    assert!(error
        .to_string()
        .contains("cannot be before the issue date"));
}

#[test]
fn an_invoice_needs_a_number_and_a_positive_amount() {
    let (mut ledger, client_id, _) = one_invoice();
    assert_eq!(
        ledger
            .save_invoice(invoice(&client_id, " ", "10"), &mut ids())
            .unwrap_err()
            .field_name(),
        Some("number")
    );
    assert_eq!(
        ledger
            .save_invoice(invoice(&client_id, "X", "0"), &mut ids())
            .unwrap_err()
            .field_name(),
        Some("amount")
    );
}

#[test]
fn invoice_numbers_are_unique_per_client_but_may_repeat_across_clients() {
    let (mut ledger, client_id, _) = one_invoice();
    let error = ledger
        .save_invoice(invoice(&client_id, "inv-001", "5"), &mut ids())
        .unwrap_err();
    assert_eq!(error.field_name(), Some("number"));
    let other = ledger.save_client(client("Other Co"), &mut ids()).unwrap();
    assert!(ledger
        .save_invoice(invoice(&other, "INV-001", "5"), &mut ids())
        .is_ok());
}

#[test]
fn an_unknown_currency_is_refused_by_name() {
    assert!(Currency::parse("ZZZ").unwrap_err().contains("ZZZ"));
}

#[test]
fn deleting_a_client_with_invoices_asks_first_then_removes_everything_of_theirs() {
    let (mut ledger, client_id, invoice_id) = one_invoice();
    ledger
        .save_payment(
            payment(&invoice_id, day(2026, 3, 1), "200"),
            false,
            &mut ids(),
        )
        .unwrap();
    ledger
        .write_off(
            &invoice_id,
            day(2026, 9, 1),
            "client closed down",
            &mut ids(),
        )
        .unwrap();
    assert_eq!(
        ledger.delete_client(&client_id, false).unwrap_err(),
        FieldError::NeedsConfirmation {
            invoices: 1,
            payments: 1
        }
    );
    assert_eq!(ledger.clients.len(), 1);
    ledger.delete_client(&client_id, true).unwrap();
    assert!(ledger.clients.is_empty() && ledger.invoices.is_empty());
    assert!(ledger.payments.is_empty() && ledger.activities.is_empty());
}

#[test]
fn balance_as_of_a_date_ignores_later_payments() {
    let (mut ledger, _, invoice_id) = one_invoice();
    ledger
        .save_payment(
            payment(&invoice_id, day(2026, 3, 1), "200"),
            false,
            &mut ids(),
        )
        .unwrap();
    ledger
        .save_payment(
            payment(&invoice_id, day(2026, 4, 1), "300"),
            false,
            &mut ids(),
        )
        .unwrap();
    let invoice = ledger.invoice(&invoice_id).unwrap();
    assert_eq!(
        ledger.balance(invoice, day(2026, 2, 28)),
        Decimal::new(120000, 2)
    );
    assert_eq!(
        ledger.balance(invoice, day(2026, 3, 1)),
        Decimal::new(100000, 2)
    );
    assert_eq!(
        ledger.balance(invoice, day(2026, 4, 1)),
        Decimal::new(70000, 2)
    );
}

#[test]
fn status_moves_from_open_to_part_paid_to_paid() {
    let (mut ledger, _, invoice_id) = one_invoice();
    ledger
        .save_payment(
            payment(&invoice_id, day(2026, 3, 1), "200"),
            false,
            &mut ids(),
        )
        .unwrap();
    ledger
        .save_payment(
            payment(&invoice_id, day(2026, 4, 1), "1000"),
            false,
            &mut ids(),
        )
        .unwrap();
    let invoice = ledger.invoice(&invoice_id).unwrap().clone();
    assert_eq!(
        ledger.status(&invoice, day(2026, 2, 1)),
        InvoiceStatus::Open
    );
    assert_eq!(
        ledger.status(&invoice, day(2026, 3, 1)),
        InvoiceStatus::PartPaid
    );
    assert_eq!(
        ledger.status(&invoice, day(2026, 4, 1)),
        InvoiceStatus::Paid
    );
    assert_eq!(ledger.outstanding(&invoice, day(2026, 4, 1)), Decimal::ZERO);
}

#[test]
fn an_overpayment_needs_confirmation_and_then_shows_as_credit() {
    let (mut ledger, _, invoice_id) = one_invoice();
    let error = ledger
        .save_payment(
            payment(&invoice_id, day(2026, 3, 1), "1250"),
            false,
            &mut ids(),
        )
        .unwrap_err();
    assert_eq!(
        error,
        FieldError::Overpayment {
            balance: "£1,200.00".into()
        }
    );
    assert!(ledger.payments.is_empty());
    ledger
        .save_payment(
            payment(&invoice_id, day(2026, 3, 1), "1250"),
            true,
            &mut ids(),
        )
        .unwrap();
    let invoice = ledger.invoice(&invoice_id).unwrap().clone();
    assert_eq!(
        ledger.summary(&invoice, day(2026, 3, 1)).credit,
        Decimal::new(5000, 2)
    );
    assert_eq!(
        ledger.status(&invoice, day(2026, 3, 1)),
        InvoiceStatus::Paid
    );
}

#[test]
fn editing_a_payment_checks_the_balance_without_counting_itself() {
    let (mut ledger, _, invoice_id) = one_invoice();
    let id = ledger
        .save_payment(
            payment(&invoice_id, day(2026, 3, 1), "1200"),
            false,
            &mut ids(),
        )
        .unwrap();
    let mut edited = ledger.payment(&id).unwrap().clone();
    edited.amount = amount("1100");
    assert!(ledger.save_payment(edited, false, &mut ids()).is_ok());
}

#[test]
fn a_write_off_needs_a_reason_and_is_logged_on_the_timeline() {
    let (mut ledger, client_id, invoice_id) = one_invoice();
    assert_eq!(
        ledger
            .write_off(&invoice_id, day(2026, 9, 1), " ", &mut ids())
            .unwrap_err()
            .field_name(),
        Some("reason")
    );
    ledger
        .write_off(&invoice_id, day(2026, 9, 1), "client insolvent", &mut ids())
        .unwrap();
    let invoice = ledger.invoice(&invoice_id).unwrap().clone();
    assert_eq!(
        ledger.status(&invoice, day(2026, 9, 1)),
        InvoiceStatus::WrittenOff
    );
    assert_eq!(
        ledger.status(&invoice, day(2026, 8, 31)),
        InvoiceStatus::Open
    );
    assert_eq!(ledger.outstanding(&invoice, day(2026, 9, 2)), Decimal::ZERO);
    let timeline = ledger.activities_of(&client_id);
    assert!(timeline[0]
        .summary
        .contains("written off (£1,200.00): client insolvent"));
}

#[test]
fn deleting_an_invoice_removes_its_payments() {
    let (mut ledger, _, invoice_id) = one_invoice();
    ledger
        .save_payment(
            payment(&invoice_id, day(2026, 3, 1), "200"),
            false,
            &mut ids(),
        )
        .unwrap();
    ledger.delete_invoice(&invoice_id).unwrap();
    assert!(ledger.payments.is_empty());
}

#[test]
fn sample_data_is_valid_fills_every_bucket_and_removes_cleanly() {
    let today = day(2026, 11, 23);
    let (mut ledger, _, _) = one_invoice();
    let own = ledger.clone();
    sample::add_sample(&mut ledger, today);
    backup::validate(&ledger).unwrap();
    assert_eq!(ledger.clients.iter().filter(|c| c.sample).count(), 8);
    let sample_invoices = ledger.invoices.len() - own.invoices.len();
    assert_eq!(sample_invoices, 40);
    let currencies: std::collections::BTreeSet<_> =
        ledger.invoices.iter().map(|i| i.currency.code()).collect();
    assert!(currencies.contains("GBP") && currencies.contains("EUR"));
    assert!(ledger.invoices.iter().any(|i| i.disputed));
    let mut buckets = [false; 6];
    for invoice in &ledger.invoices[own.invoices.len()..] {
        let summary = ledger.summary(invoice, today);
        if summary.outstanding > Decimal::ZERO {
            let days = (today - invoice.due_date).num_days();
            let bucket = match days {
                i64::MIN..=0 => 0,
                1..=30 => 1,
                31..=60 => 2,
                61..=90 => 3,
                91..=120 => 4,
                _ => 5,
            };
            buckets[bucket] = true;
        }
    }
    assert_eq!(
        buckets, [true; 6],
        "every default aging bucket has an open sample invoice"
    );
    assert!(ledger
        .invoices
        .iter()
        .any(|i| ledger.status(i, today) == InvoiceStatus::Paid));
    assert!(ledger
        .invoices
        .iter()
        .any(|i| ledger.status(i, today) == InvoiceStatus::PartPaid));
    ledger.remove_sample();
    assert_eq!(ledger, own);
}

proptest! {
    #[test]
    fn balance_is_the_amount_less_payments_up_to_the_date(
        cents in proptest::collection::vec((1i64..50_000, 0i64..120), 0..12),
        as_of_offset in 0i64..150,
    ) {
        let (mut ledger, _, invoice_id) = one_invoice();
        let issued = day(2026, 1, 15);
        for (paid, offset) in &cents {
            let date = issued + chrono::Duration::days(*offset);
            ledger.save_payment(payment(&invoice_id, date, &Decimal::new(*paid, 2).to_string()), true, &mut ids()).unwrap();
        }
        let as_of = issued + chrono::Duration::days(as_of_offset);
        let expected = Decimal::new(120_000, 2)
            - cents.iter().filter(|(_, o)| *o <= as_of_offset).map(|(p, _)| Decimal::new(*p, 2)).sum::<Decimal>();
        let invoice = ledger.invoice(&invoice_id).unwrap();
        prop_assert_eq!(ledger.balance(invoice, as_of), expected);
    }
}

#[test]
fn the_backup_reminder_counts_from_the_first_change_not_in_a_backup() {
    let (mut ledger, _, _) = one_invoice();
    ledger.settings.backup_reminder_days = 7;
    ledger.note_change(day(2026, 3, 1));
    ledger.note_change(day(2026, 3, 5));
    assert_eq!(ledger.backup_overdue(day(2026, 3, 7)), None);
    assert_eq!(ledger.backup_overdue(day(2026, 3, 8)), Some(7));
    ledger.note_export(day(2026, 3, 8));
    assert_eq!(ledger.backup_overdue(day(2026, 4, 8)), None);
    assert_eq!(ledger.settings.last_export, Some(day(2026, 3, 8)));
}

#[test]
fn a_prep_sheet_is_kept_per_client_and_its_floor_must_be_an_amount() {
    use overdue::core::model::PrepSheet;
    let (mut ledger, client_id, _) = one_invoice();
    let sheet = PrepSheet {
        client_id: client_id.clone(),
        floor: "800".into(),
        notes: "cash flow tight until March".into(),
        ..PrepSheet::default()
    };
    ledger.save_prep_sheet(sheet.clone()).unwrap();
    ledger
        .save_prep_sheet(PrepSheet {
            floor: "750".into(),
            ..sheet.clone()
        })
        .unwrap();
    assert_eq!(ledger.prep_sheets.len(), 1);
    assert_eq!(ledger.prep_sheets[0].floor, "750");
    let error = ledger
        .save_prep_sheet(PrepSheet {
            floor: "lots".into(),
            ..sheet
        })
        .unwrap_err();
    assert_eq!(error.field_name(), Some("floor"));
    assert_eq!(ledger.prep_sheets[0].floor, "750");
    ledger.delete_client(&client_id, true).unwrap();
    assert!(ledger.prep_sheets.is_empty());
}

/// A fresh id source; the ledger skips ids already taken.
fn ids() -> Sequential {
    Sequential::default()
}
