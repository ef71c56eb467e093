//! Layouts from the research notes, date and currency decisions, and re-import behaviour.

use super::*;
use crate::core::currency::Currency;
use crate::core::ids::Sequential;
use crate::core::ledger::Ledger;
use crate::core::model::Business;
use chrono::NaiveDate;
use rust_decimal::Decimal;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn today() -> NaiveDate {
    day(2026, 11, 24)
}

fn ledger_in(currency: &str) -> Ledger {
    Ledger::new(Business {
        default_currency: Currency::parse(currency).unwrap(),
        ..Business::default()
    })
}

fn run(ledger: &Ledger, text: &str, options: &ImportOptions) -> Preview {
    let file = read(text.as_bytes()).unwrap();
    preview(ledger, &file, options, today())
}

fn dec(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn row<'a>(preview: &'a Preview, number: &str) -> &'a PreviewRow {
    preview
        .rows
        .iter()
        .find(|r| r.number == number)
        .unwrap_or_else(|| panic!("no row {number}: {:#?}", preview.rows))
}

fn import(ledger: &Ledger, text: &str, options: &ImportOptions) -> Ledger {
    let preview = run(ledger, text, options);
    commit(ledger, &preview, &mut Sequential::default(), today()).unwrap()
}

const XERO: &str = "ContactName,EmailAddress,InvoiceNumber,Reference,InvoiceDate,DueDate,Total,TaxTotal,InvoiceAmountPaid,InvoiceAmountDue,Description,Quantity,UnitAmount,LineAmount,Currency,Type,Sent,Status
Acme Pty,ap@acme.test,INV-3440,,11/06/2026,25/06/2026,1580.94,206.22,0.00,1580.94,Design,1,1000.00,1000.00,ZAR,Sales invoice,Unsent,Awaiting Payment
Acme Pty,ap@acme.test,INV-3440,,11/06/2026,25/06/2026,1580.94,206.22,0.00,1580.94,Build,1,580.94,580.94,ZAR,Sales invoice,Unsent,Awaiting Payment
Beta Ltd,,INV-3441,,13/06/2026,13/07/2026,500.00,0.00,200.00,300.00,Support,1,500.00,500.00,ZAR,Sales invoice,Sent,Awaiting Payment
Beta Ltd,,CN-0001,,14/06/2026,14/06/2026,-50.00,0.00,0.00,-50.00,Refund,1,-50.00,-50.00,ZAR,Sales credit note,Sent,Awaiting Payment
Beta Ltd,,,,15/06/2026,15/06/2026,20.00,0.00,0.00,20.00,,1,20.00,20.00,ZAR,Sales overpayment,Sent,Paid
Supplier Co,,B-77,,16/06/2026,16/07/2026,90.00,0.00,0.00,90.00,Paper,1,90.00,90.00,ZAR,Bill,Sent,Awaiting Payment
Gamma,,INV-3442,,17/06/2026,17/07/2026,75.00,0.00,0.00,75.00,Draft work,1,75.00,75.00,ZAR,Sales invoice,Unsent,Draft
";

#[test]
fn a_xero_export_groups_line_items_and_skips_what_is_not_a_debt() {
    let preview = run(&ledger_in("ZAR"), XERO, &ImportOptions::default());
    assert_eq!(preview.profile, Profile::Xero);
    assert_eq!(preview.settings.date_order, DateOrder::Dmy);
    assert_eq!(preview.settings.date_order_basis, OrderBasis::Proven);
    let acme = row(&preview, "INV-3440");
    assert_eq!(
        (acme.action, acme.amount, acme.due_date),
        (Action::New, Some(dec("1580.94")), Some(day(2026, 6, 25)))
    );
    assert_eq!(row(&preview, "INV-3441").balance, Some(dec("300.00")));
    for (number, reason) in [
        ("CN-0001", "credit note"),
        ("", "overpayment"),
        ("B-77", "bill"),
        ("INV-3442", "draft"),
    ] {
        let skipped = row(&preview, number);
        assert_eq!(skipped.action, Action::Skip);
        assert!(
            skipped.reason.as_ref().unwrap().contains(reason),
            "{number}: {:?}",
            skipped.reason
        );
    }
    assert_eq!(
        (
            preview.counts.new,
            preview.counts.skipped,
            preview.counts.new_clients
        ),
        (2, 4, 2)
    );
}

const QBO_AGING: &str = "\"Foundry Distribution, Inc\",,,,,,,
A/R Aging Detail Report,,,,,,,
\"As of Jul 25, 2026\",,,,,,,

,Date,Transaction type,Num,Customer full name,Due date,Amount,Open balance
91 or more days past due,,,,,,,
,11/11/2025,Invoice,SI-1,TACTICS,12/11/2025,\"1,000.00\",800.00
,01/23/2023,Credit Memo,SC-1,ZUMIEZ,01/23/2023,-100.00,-100.00
,01/24/2023,Journal Entry,JE-4,ZUMIEZ,01/24/2023,50.00,50.00
Total for 91 or more days past due,,,,,,,700.00
CURRENT,,,,,,,
,08/01/2026,Invoice,SI-2,Sports Basement,09/01/2026,500.00,500.00
Total for CURRENT,,,,,,,700.00
TOTAL,,,,,,,\"1,400.00\"
\" Thursday, July 30, 2026 04:19 PM GMT-06:00\",,,,,,,
";

#[test]
fn a_quickbooks_aging_report_imports_open_invoices_and_dates_paid_amounts_as_of_the_report() {
    let preview = run(&ledger_in("USD"), QBO_AGING, &ImportOptions::default());
    assert_eq!(preview.profile, Profile::QuickbooksAging);
    assert_eq!(preview.settings.date_order, DateOrder::Mdy);
    let si1 = row(&preview, "SI-1");
    assert_eq!(
        (si1.amount, si1.balance, si1.due_date),
        (
            Some(dec("1000.00")),
            Some(dec("800.00")),
            Some(day(2025, 12, 11))
        )
    );
    assert_eq!(si1.changes, ["new payment of $200.00 dated 2026-07-25"]);
    assert!(row(&preview, "SC-1")
        .reason
        .as_ref()
        .unwrap()
        .contains("credit note"));
    assert!(row(&preview, "JE-4")
        .reason
        .as_ref()
        .unwrap()
        .contains("journal entry"));
    assert_eq!(
        preview.settings.payment_date_basis,
        PaymentDateBasis::ExportDate
    );
    let note = preview.problems.iter().find(|p| p.line == 7).unwrap();
    assert!(note.message.contains("no payment date"), "{}", note.message);
    assert_eq!((preview.counts.new, preview.counts.skipped), (2, 2));
}

const QBO_OPEN: &str = "Open Invoices Report,,,,,,
anata LLC,,,,,,
\"As of Apr 4, 2026\",,,,,,

,Date,Transaction type,Num,Term,Due date,Open balance
Acme Corp,,,,,,
,01/15/2026,Invoice,INV-001,Net 15,01/30/2026,\"1,500.00\"
Total for Acme Corp,,,,,,\"$1,500.00\"
PaymentCo,,,,,,
,03/04/2026,Payment,,,03/04/2026,\"-200.00\"
Total for PaymentCo,,,,,,-$200.00
,TOTAL,,,,,\"$2,050.00\"
";

#[test]
fn a_quickbooks_open_invoices_report_takes_the_client_from_its_section_row() {
    let preview = run(&ledger_in("USD"), QBO_OPEN, &ImportOptions::default());
    assert_eq!(preview.profile, Profile::QuickbooksOpenInvoices);
    let invoice = row(&preview, "INV-001");
    assert_eq!(
        (invoice.client.as_str(), invoice.amount, invoice.action),
        ("Acme Corp", Some(dec("1500.00")), Action::New)
    );
    let payment = preview.rows.iter().find(|r| r.line == 10).unwrap();
    assert_eq!(payment.action, Action::Skip);
    assert!(preview
        .problems
        .iter()
        .any(|p| p.line == 7 && p.message.contains("only the open balance")));
}

const STRIPE: &str = "id,Number,Customer Name,Customer Email,Date (UTC),Due Date (UTC),Total,Amount Paid,Amount Remaining,Currency,Status,Paid At (UTC)
in_1,ABC-0001,Ada,ada@example.com,2026-03-01 10:00:00,2026-03-31 00:00:00,120.00,20.00,100.00,eur,open,
in_2,ABC-0002,Ada,ada@example.com,2026-03-02 10:00:00,,50.00,50.00,0.00,eur,paid,2026-03-03 09:00:00
in_3,ABC-0003,Ada,ada@example.com,2026-03-03 10:00:00,,60.00,0.00,60.00,eur,void,
in_4,ABC-0004,Bob,bob@example.com,2026-03-04 10:00:00,2026-04-04 00:00:00,80.00,0.00,80.00,usd,uncollectible,
";

#[test]
fn a_stripe_export_reads_timestamps_lower_case_currencies_and_statuses() {
    let preview = run(&ledger_in("GBP"), STRIPE, &ImportOptions::default());
    assert_eq!(preview.profile, Profile::Stripe);
    let first = row(&preview, "ABC-0001");
    assert_eq!(
        (first.currency.as_ref().unwrap().code(), first.balance),
        ("EUR", Some(dec("100.00")))
    );
    let paid = row(&preview, "ABC-0002");
    assert_eq!(paid.changes, ["new payment of €50.00 dated 2026-03-03"]);
    assert!(row(&preview, "ABC-0003")
        .reason
        .as_ref()
        .unwrap()
        .contains("voided"));
    let ledger = commit(
        &ledger_in("GBP"),
        &preview,
        &mut Sequential::default(),
        today(),
    )
    .unwrap();
    let written_off = ledger
        .invoices
        .iter()
        .find(|i| i.number == "ABC-0004")
        .unwrap();
    assert!(written_off
        .write_off
        .as_ref()
        .unwrap()
        .reason
        .contains("uncollectible"));
}

const GERMAN: &str =
    "Kunde;E-Mail;Rechnungsnummer;Rechnungsdatum;Fälligkeit;Betrag;Bezahlt;Währung;Status
Müller GmbH;info@mueller.example;R-2026-001;15.01.2026;14.02.2026;1.234,56;234,56;EUR;offen
Dupont SA;;R-2026-002;03.02.2026;05.03.2026;1 000,00;;EUR;offen
Rossi;;R-2026-003;13.02.2026;01.02.2026;10,00;;EUR;offen
Rossi;;R-2026-004;14.02.2026;;20,00;;XYZ;offen
";

#[test]
fn a_generic_german_file_is_mapped_by_header_names_with_decimal_commas() {
    let preview = run(&ledger_in("EUR"), GERMAN, &ImportOptions::default());
    assert_eq!(preview.profile, Profile::Generic);
    assert_eq!(preview.separator, Separator::Semicolon);
    assert_eq!(preview.settings.decimal, DecimalMark::Comma);
    let mapped = |field: Field| {
        preview
            .mapping
            .iter()
            .find(|m| m.field == field)
            .unwrap()
            .header
            .clone()
    };
    assert_eq!(mapped(Field::Client).as_deref(), Some("Kunde"));
    assert_eq!(mapped(Field::DueDate).as_deref(), Some("Fälligkeit"));
    assert_eq!(mapped(Field::Paid).as_deref(), Some("Bezahlt"));
    let first = row(&preview, "R-2026-001");
    assert_eq!(
        (first.amount, first.balance),
        (Some(dec("1234.56")), Some(dec("1000.00")))
    );
    assert_eq!(row(&preview, "R-2026-002").amount, Some(dec("1000.00")));
    let early = preview.problems.iter().find(|p| p.line == 4).unwrap();
    assert_eq!(
        (early.severity, early.column.as_deref()),
        (Severity::Error, Some("Fälligkeit"))
    );
    assert!(early.message.contains("before the issue date"));
    let currency = preview.problems.iter().find(|p| p.line == 5).unwrap();
    assert_eq!(currency.column.as_deref(), Some("Währung"));
    assert_eq!(row(&preview, "R-2026-004").action, Action::Skip);
}

#[test]
fn ambiguous_day_month_dates_follow_the_option_or_the_currency_default_and_say_so() {
    let text = "Client,Invoice Number,Date,Due Date,Total\nA,1,01/02/2026,03/04/2026,10.00\n";
    let gbp = run(&ledger_in("GBP"), text, &ImportOptions::default());
    assert_eq!(
        (gbp.settings.date_order, gbp.settings.date_order_basis),
        (DateOrder::Dmy, OrderBasis::Default)
    );
    assert_eq!(row(&gbp, "1").due_date, Some(day(2026, 4, 3)));
    assert!(gbp
        .problems
        .iter()
        .any(|p| p.message.contains("day/month/year") && p.line == 1));
    let usd = run(&ledger_in("USD"), text, &ImportOptions::default());
    assert_eq!(row(&usd, "1").due_date, Some(day(2026, 3, 4)));
    let chosen = ImportOptions {
        date_order: Some(DateOrder::Mdy),
        ..ImportOptions::default()
    };
    let chosen = run(&ledger_in("GBP"), text, &chosen);
    assert_eq!(
        (chosen.settings.date_order_basis, row(&chosen, "1").due_date),
        (OrderBasis::Chosen, Some(day(2026, 3, 4)))
    );
    assert!(chosen.problems.is_empty());
}

#[test]
fn one_unambiguous_column_settles_the_order_of_the_others() {
    let text = "Client,Invoice Number,Date,Due Date,Total\nA,1,01/02/2026,25/02/2026,10.00\n";
    let preview = run(&ledger_in("USD"), text, &ImportOptions::default());
    assert_eq!(preview.settings.date_order_basis, OrderBasis::Proven);
    assert_eq!(row(&preview, "1").due_date, Some(day(2026, 2, 25)));
}

#[test]
fn a_paid_status_with_no_amount_is_paid_in_full_on_the_chosen_date_and_flagged() {
    let text = "\"Date\",\"Due\",\"Details\",\"Client\",\"Status\",\"Total\"\n\"Jan 28 2021\",\"Feb 27 2021\",\"INV-1\",\"Bruce Wayne\",\"Paid\",\"1,020.00\"\n";
    let options = ImportOptions {
        payment_date: Some(day(2021, 3, 1)),
        ..ImportOptions::default()
    };
    let preview = run(&ledger_in("USD"), text, &options);
    assert_eq!(row(&preview, "INV-1").balance, Some(dec("0.00")));
    assert!(preview
        .problems
        .iter()
        .any(|p| p.message.contains("taken as paid in full")));
    assert!(preview
        .problems
        .iter()
        .any(|p| p.message.contains("dated 2021-03-01 (the date chosen")));
}

const V1: &str = "Client,Email,Invoice Number,Invoice Date,Due Date,Total,Paid,Currency
Acme,ap@acme.test,A-1,2026-01-10,2026-02-09,1000.00,0.00,GBP
Acme,ap@acme.test,A-2,2026-01-20,2026-02-19,500.00,100.00,GBP
";
const V2: &str = "Client,Email,Invoice Number,Invoice Date,Due Date,Total,Paid,Currency
Acme,ap@acme.test,A-1,2026-01-10,2026-02-09,1200.00,300.00,GBP
Acme,ap@acme.test,A-2,2026-01-20,2026-02-19,500.00,100.00,GBP
Acme,ap@acme.test,A-3,2026-02-01,2026-03-03,80.00,0.00,GBP
";

#[test]
fn importing_the_same_file_twice_changes_nothing() {
    let once = import(&ledger_in("GBP"), V1, &ImportOptions::default());
    assert_eq!(
        (once.clients.len(), once.invoices.len(), once.payments.len()),
        (1, 2, 1)
    );
    let again = run(&once, V1, &ImportOptions::default());
    assert!(!again.has_changes());
    assert_eq!(
        (
            again.counts.unchanged,
            again.counts.new,
            again.counts.updated
        ),
        (2, 0, 0)
    );
    let twice = commit(&once, &again, &mut Sequential::default(), today()).unwrap();
    assert_eq!(twice, once);
}

#[test]
fn a_newer_export_updates_amounts_and_adds_new_payments_and_invoices() {
    let once = import(&ledger_in("GBP"), V1, &ImportOptions::default());
    let newer = run(&once, V2, &ImportOptions::default());
    let a1 = row(&newer, "A-1");
    assert_eq!(a1.action, Action::Update);
    assert_eq!(
        a1.changes,
        [
            "amount: 1000.00 → 1200.00",
            "new payment of £300.00 dated 2026-11-24"
        ]
    );
    assert_eq!(row(&newer, "A-2").action, Action::Unchanged);
    assert_eq!(row(&newer, "A-3").action, Action::New);
    assert_eq!(
        (newer.counts.new_clients, newer.counts.new_payments),
        (0, 1)
    );
    let after = commit(&once, &newer, &mut Sequential::default(), today()).unwrap();
    let a1 = after.invoices.iter().find(|i| i.number == "A-1").unwrap();
    assert_eq!(after.balance(a1, today()), dec("900.00"));
    assert!(!run(&after, V2, &ImportOptions::default()).has_changes());
}

#[test]
fn a_value_edited_by_hand_is_kept_and_listed_unless_the_user_replaces_it() {
    let mut ledger = import(&ledger_in("GBP"), V1, &ImportOptions::default());
    let a1 = ledger
        .invoices
        .iter_mut()
        .find(|i| i.number == "A-1")
        .unwrap();
    a1.amount = crate::core::money::Amount::parse("1100.00").unwrap();
    let same = run(&ledger, V1, &ImportOptions::default());
    assert!(
        !same.has_changes(),
        "the file still says what was imported: the edit stands"
    );
    let newer = run(&ledger, V2, &ImportOptions::default());
    let a1 = row(&newer, "A-1");
    assert!(
        a1.changes
            .iter()
            .any(|c| c.contains("edited in Overdue (1100.00)") && c.contains("1100.00 is kept")),
        "{:?}",
        a1.changes
    );
    assert!(newer
        .problems
        .iter()
        .any(|p| p.line == 2 && p.message.contains("edited in Overdue")));
    let replace = ImportOptions {
        replace_hand_edits: true,
        ..ImportOptions::default()
    };
    let replaced = run(&ledger, V2, &replace);
    assert!(row(&replaced, "A-1").changes[0].contains("replaces a value edited in Overdue"));
}

#[test]
fn clients_are_matched_by_email_then_by_name_ignoring_case_and_spaces() {
    let mut ledger = ledger_in("GBP");
    let mut ids = Sequential::default();
    let mut acme = crate::core::model::Client::new("", "ACME ");
    acme.email = "AP@acme.test".into();
    ledger.save_client(acme, &mut ids).unwrap();
    ledger
        .save_client(crate::core::model::Client::new("", "Beta"), &mut ids)
        .unwrap();
    let text = "Client,Email,Invoice Number,Invoice Date,Due Date,Total\nAcme Renamed,ap@acme.test,1,2026-01-01,2026-01-31,5\n  beta ,,2,2026-01-01,2026-01-31,5\nGamma,,3,2026-01-01,2026-01-31,5\n";
    let preview = run(&ledger, text, &ImportOptions::default());
    assert_eq!(preview.counts.new_clients, 1);
    let after = commit(&ledger, &preview, &mut ids, today()).unwrap();
    assert_eq!(after.invoices_of("c1").count(), 1);
    assert_eq!(after.invoices_of("c2").count(), 1);
}

#[test]
fn a_payments_file_adds_dated_payments_that_replace_the_undated_one() {
    let invoices = "Client,Invoice Number,Invoice Date,Due Date,Total,Paid\nAda,7,2026-01-01,2026-01-31,100.00,40.00\n";
    let once = import(&ledger_in("USD"), invoices, &ImportOptions::default());
    assert_eq!(once.payments.len(), 1);
    let payments = "\"Invoice Ninja v4.5.17 - December 19, 2020 11:28 pm\",,,\n,,,\nPayments,,,\nClient,Invoice Number,Amount,Date\nAda,7,$15.00 ,1/10/2026\nAda,7,$25.00 ,1/20/2026\nAda,8,($5.00),1/21/2026\n";
    let preview = run(&once, payments, &ImportOptions::default());
    assert_eq!(preview.kind, FileKind::Payments);
    let actions: Vec<Action> = preview.rows.iter().map(|r| r.action).collect();
    assert_eq!(actions, [Action::New, Action::New, Action::Skip]);
    assert_eq!(preview.counts.replaced_payments, 1);
    let after = commit(&once, &preview, &mut Sequential::default(), today()).unwrap();
    let dates: Vec<NaiveDate> = after.payments.iter().map(|p| p.date).collect();
    assert_eq!(dates, [day(2026, 1, 10), day(2026, 1, 20)]);
    assert!(after.invoices[0]
        .source
        .as_ref()
        .unwrap()
        .undated_payments
        .is_empty());
    assert!(!run(&after, payments, &ImportOptions::default()).has_changes());
    assert!(!run(&after, invoices, &ImportOptions::default()).has_changes());
}

#[test]
fn commit_refuses_a_preview_of_a_ledger_that_changed_since() {
    let once = import(&ledger_in("GBP"), V1, &ImportOptions::default());
    let preview = run(&once, V2, &ImportOptions::default());
    let mut changed = once.clone();
    changed.invoices[0].description = "edited meanwhile".into();
    let error = commit(&changed, &preview, &mut Sequential::default(), today()).unwrap_err();
    assert!(error.to_string().contains("preview the file again"));
}

#[test]
fn the_overdue_export_imports_back_unchanged() {
    let mut ledger = import(&ledger_in("GBP"), V2, &ImportOptions::default());
    ledger.invoices[2].description = "Logo, \"v2\"\nwith notes".into();
    let text = export_csv(&ledger);
    assert!(text.starts_with("record,client,email,number,issue_date,due_date,amount,currency,paid,balance,status,date,method,note,description\r\n"));
    let file = read(text.as_bytes()).unwrap();
    assert_eq!(file.profile, Profile::Overdue);
    assert!(!preview(&ledger, &file, &ImportOptions::default(), today()).has_changes());
    let fresh = import(&ledger_in("GBP"), &text, &ImportOptions::default());
    assert_eq!(export_csv(&fresh), text);
}

#[test]
fn the_user_can_remap_a_column_by_its_header() {
    let text = "Kunde,Nummer,Datum,Summe,Brutto\nA,1,2026-01-01,10.00,12.00\n";
    let file = read(text.as_bytes()).unwrap();
    let mapping = remap(&file, &file.mapping, Field::Amount, Some("Brutto"));
    let mapping = remap(&file, &mapping, Field::Number, Some("Nummer"));
    let options = ImportOptions {
        mapping: Some(mapping),
        ..ImportOptions::default()
    };
    let preview = preview(&ledger_in("EUR"), &file, &options, today());
    assert_eq!(row(&preview, "1").amount, Some(dec("12.00")));
}

mod round_trip {
    use super::*;
    use crate::core::model::{Client, Invoice, Payment, WriteOff};
    use crate::core::money::Amount;
    use proptest::prelude::*;

    fn text() -> impl Strategy<Value = String> {
        "[a-zA-Z0-9 ,.\"'&;\n-]{0,14}".prop_map(|s| s.trim().to_string())
    }

    fn cents() -> impl Strategy<Value = Amount> {
        (1i64..1_000_000_000).prop_map(|c| Amount::new(Decimal::new(c, 2)).unwrap())
    }

    type InvoiceSpec = (
        usize,
        u32,
        u32,
        Amount,
        usize,
        String,
        Option<(u32, String)>,
    );

    fn invoices() -> impl Strategy<Value = Vec<InvoiceSpec>> {
        let write_off = proptest::option::of((0u32..200, "[a-z]{1,8}( [a-z]{1,8})?"));
        proptest::collection::vec(
            (
                0usize..4,
                0u32..3000,
                0u32..120,
                cents(),
                0usize..4,
                text(),
                write_off,
            ),
            0..8,
        )
    }

    fn payments() -> impl Strategy<Value = Vec<(usize, u32, Amount, String, String)>> {
        proptest::collection::vec((0usize..8, 0u32..400, cents(), text(), text()), 0..10)
    }

    fn ledger(
        names: Vec<(String, bool)>,
        invoices: Vec<InvoiceSpec>,
        payments: Vec<(usize, u32, Amount, String, String)>,
    ) -> Ledger {
        let mut ledger = ledger_in("GBP");
        for (index, (name, email)) in names.into_iter().enumerate() {
            let mut client = Client::new(format!("c{index}"), format!("{name} {index}"));
            client.email = if email {
                format!("c{index}@example.test")
            } else {
                String::new()
            };
            ledger.clients.push(client);
        }
        let start = day(2020, 1, 1);
        for (index, (client, issued, terms, amount, currency, description, write_off)) in
            invoices.into_iter().enumerate()
        {
            let issue_date = start + chrono::Duration::days(issued.into());
            ledger.invoices.push(Invoice {
                id: format!("i{index}"),
                client_id: format!("c{}", client % ledger.clients.len()),
                number: if index % 2 == 0 {
                    format!("INV-{index}")
                } else {
                    format!("000{index}")
                },
                issue_date,
                due_date: issue_date + chrono::Duration::days(terms.into()),
                amount,
                currency: Currency::parse(["GBP", "USD", "EUR", "JPY"][currency]).unwrap(),
                description,
                disputed: false,
                interest: None,
                write_off: write_off.map(|(after, reason)| WriteOff {
                    date: issue_date + chrono::Duration::days(after.into()),
                    reason,
                }),
                source: None,
            });
        }
        let count = ledger.invoices.len();
        for (index, (invoice, after, amount, method, note)) in
            payments.into_iter().enumerate().filter(|_| count > 0)
        {
            let invoice = &ledger.invoices[invoice % count];
            let payment = Payment {
                id: format!("p{index}"),
                invoice_id: invoice.id.clone(),
                date: invoice.issue_date + chrono::Duration::days(after.into()),
                amount,
                method,
                note,
            };
            ledger.payments.push(payment);
        }
        ledger
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

        #[test]
        fn any_ledger_written_as_csv_reads_back_the_same(
            names in proptest::collection::vec(("[A-Z][a-z]{0,8}", any::<bool>()), 1..4),
            invoices in invoices(),
            payments in payments(),
        ) {
            let original = ledger(names, invoices, payments);
            let text = export_csv(&original);
            let file = read(text.as_bytes()).unwrap();
            prop_assert_eq!(file.profile, Profile::Overdue);
            let again = preview(&original, &file, &ImportOptions::default(), today());
            prop_assert!(!again.has_changes(), "{:?}", again.rows);
            let fresh = ledger_in("GBP");
            let imported = preview(&fresh, &file, &ImportOptions::default(), today());
            prop_assert_eq!(imported.counts.skipped, 0, "{:?}", imported.problems);
            let imported = commit(&fresh, &imported, &mut Sequential::default(), today()).unwrap();
            prop_assert_eq!(imported.invoices.len(), original.invoices.len());
            prop_assert_eq!(imported.payments.len(), original.payments.len());
            prop_assert_eq!(export_csv(&imported), text);
        }
    }
}
