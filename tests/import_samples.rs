//! Every sample export in `../shared/import-samples/`: what it imports, what it skips and
//! why, or the refusal that says what to export instead; and a fuzz run over damaged files.

use chrono::NaiveDate;
use overdue::core::currency::Currency;
use overdue::core::ids::Sequential;
use overdue::core::import::{
    commit, preview, read, Action, Encoding, FileKind, ImportOptions, Preview, PreviewRow, Profile,
    Severity,
};
use overdue::core::ledger::Ledger;
use overdue::core::model::Business;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn sample(path: &str) -> Vec<u8> {
    let full = format!(
        "{}/../shared/import-samples/{path}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn today() -> NaiveDate {
    day(2026, 11, 24)
}

fn usd_ledger() -> Ledger {
    Ledger::new(Business {
        default_currency: Currency::parse("USD").unwrap(),
        ..Business::default()
    })
}

fn preview_of(ledger: &Ledger, path: &str) -> Preview {
    let file = read(&sample(path)).unwrap();
    preview(ledger, &file, &ImportOptions::default(), today())
}

fn refusal(path: &str) -> String {
    read(&sample(path)).unwrap_err().to_string()
}

fn dec(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn row<'a>(preview: &'a Preview, number: &str) -> &'a PreviewRow {
    preview.rows.iter().find(|r| r.number == number).unwrap()
}

#[test]
fn freshbooks_invoices_sum_line_totals_and_assume_a_due_date() {
    let preview = preview_of(&usd_ledger(), "freshbooks/freshbooks_invoices.csv");
    assert_eq!(preview.profile, Profile::Freshbooks);
    assert_eq!(preview.rows.len(), 1);
    let invoice = &preview.rows[0];
    assert_eq!(
        (invoice.number.as_str(), invoice.client.as_str()),
        ("0000001", "X-Men")
    );
    assert_eq!(
        (invoice.amount, invoice.balance),
        (Some(dec("7890.00")), Some(dec("7890.00")))
    );
    assert_eq!(invoice.due_date, Some(day(2021, 2, 27)));
    assert_eq!(
        (invoice.currency.as_ref().unwrap().code(), invoice.action),
        ("USD", Action::New)
    );
    let note = &preview.problems[0];
    assert_eq!((note.line, note.severity), (2, Severity::Note));
    assert!(note.message.contains(
        "no due date in the file; due 2021-02-27, 30 days after issue (the default terms)"
    ));
}

#[test]
fn invoice2go_reads_past_the_bom_and_keeps_each_rows_currency() {
    let file = read(&sample("invoice2go/i2g_invoices.csv")).unwrap();
    assert_eq!(
        (file.encoding, file.profile),
        (Encoding::Utf8Bom, Profile::Invoice2go)
    );
    let preview = preview(&usd_ledger(), &file, &ImportOptions::default(), today());
    let expected = [
        ("1", "Barry Gordon", "953.55", "ILS", day(2021, 1, 28)),
        ("2", "James Gordon", "70.20", "USD", day(2021, 1, 28)),
        ("4", "Deadpool Inc", "72.90", "USD", day(2021, 2, 27)),
        ("3", "Daily Planet", "367.20", "USD", day(2021, 2, 11)),
    ];
    assert_eq!(preview.rows.len(), 4);
    for (row, (number, client, amount, currency, due)) in preview.rows.iter().zip(expected) {
        assert_eq!((row.number.as_str(), row.client.as_str()), (number, client));
        assert_eq!(
            (row.amount, row.balance),
            (Some(dec(amount)), Some(dec(amount)))
        );
        assert_eq!(
            (row.currency.as_ref().unwrap().code(), row.due_date),
            (currency, Some(due))
        );
    }
    assert!(preview
        .problems
        .iter()
        .all(|p| p.message.contains("payment terms in the file")));
}

#[test]
fn invoicely_reads_month_name_dates_and_grouped_totals() {
    let preview = preview_of(&usd_ledger(), "invoicely/invoicely_invoices.csv");
    assert_eq!(preview.profile, Profile::Invoicely);
    let invoice = row(&preview, "INV-1");
    assert_eq!(
        (invoice.client.as_str(), invoice.amount),
        ("Bruce Wayne", Some(dec("1020.00")))
    );
    assert_eq!(invoice.due_date, Some(day(2021, 1, 28)));
    assert_eq!(
        invoice.currency.as_ref().unwrap().code(),
        "USD",
        "no currency in the file: the business default"
    );
    assert!(preview.problems.is_empty());
}

#[test]
fn invoice_ninja_v4_invoices_skip_due_before_issue_and_date_paid_amounts_at_the_export() {
    let preview = preview_of(&usd_ledger(), "invoiceninja-v4/invoice.csv");
    assert_eq!(
        (preview.profile, preview.header_line),
        (Profile::InvoiceNinja, 4)
    );
    assert_eq!(
        (
            preview.counts.new,
            preview.counts.skipped,
            preview.counts.new_clients
        ),
        (185, 215, 20)
    );
    let first = row(&preview, "1");
    assert_eq!(first.action, Action::Skip);
    let problem = preview.problems.iter().find(|p| p.line == 5).unwrap();
    assert_eq!(
        (problem.severity, problem.column.as_deref()),
        (Severity::Error, Some("Due Date"))
    );
    assert_eq!(
        problem.message,
        "the due date (2019-10-20) is before the issue date (2019-11-25)"
    );
    let second = row(&preview, "2");
    assert_eq!(
        (second.line, second.amount, second.balance),
        (6, Some(dec("26.67")), Some(dec("19.73")))
    );
    assert_eq!(second.changes, ["new payment of $6.94 dated 2020-12-19"]);
    assert_eq!(
        preview.rows.iter().filter(|r| r.number == "2").count(),
        1,
        "the repeated row is the same invoice"
    );
    let undated = preview.problems.iter().find(|p| p.line == 6).unwrap();
    assert!(undated
        .message
        .contains("no payment date; the payment is dated 2020-12-19 (the date of the export)"));
}

#[test]
fn invoice_ninja_v4_payments_need_their_invoices_and_then_replace_the_undated_amounts() {
    let alone = preview_of(&usd_ledger(), "invoiceninja-v4/payments.csv");
    assert_eq!(
        (alone.kind, alone.settings.date_order.id()),
        (FileKind::Payments, "mdy")
    );
    assert!(alone.rows.iter().all(|r| r.action == Action::Skip));
    assert!(alone.rows[0]
        .reason
        .as_ref()
        .unwrap()
        .contains("import the invoices first"));
    let invoices = preview_of(&usd_ledger(), "invoiceninja-v4/invoice.csv");
    let ledger = commit(
        &usd_ledger(),
        &invoices,
        &mut Sequential::default(),
        today(),
    )
    .unwrap();
    let payments = preview_of(&ledger, "invoiceninja-v4/payments.csv");
    let second: Vec<&PreviewRow> = payments.rows.iter().filter(|r| r.number == "2").collect();
    assert_eq!(second.len(), 2);
    assert!(second
        .iter()
        .all(|r| r.action == Action::New && r.amount == Some(dec("26.67"))));
    let refund = row(&payments, "801");
    assert_eq!(
        (refund.action, refund.amount),
        (Action::Skip, Some(dec("-400.00")))
    );
    assert!(refund
        .reason
        .as_ref()
        .unwrap()
        .contains("a refund or reversal"));
    let problem = payments
        .problems
        .iter()
        .find(|p| p.line == refund.line)
        .unwrap();
    assert_eq!(problem.severity, Severity::Error);
    let orphan = row(&payments, "1");
    assert!(orphan
        .reason
        .as_ref()
        .unwrap()
        .contains("Overdue has no invoice 1 for Ludwig Krajcik DVM"));
    assert!(payments.counts.replaced_payments > 0);
    let after = commit(&ledger, &payments, &mut Sequential::default(), today()).unwrap();
    assert!(!preview_of(&after, "invoiceninja-v4/payments.csv").has_changes());
    assert!(!preview_of(&after, "invoiceninja-v4/invoice.csv").has_changes());
}

#[test]
fn zoho_drafts_are_listed_as_skipped() {
    let preview = preview_of(&usd_ledger(), "zoho/zoho_invoices.csv");
    assert_eq!(preview.profile, Profile::Zoho);
    let numbers: Vec<&str> = preview.rows.iter().map(|r| r.number.as_str()).collect();
    assert_eq!(numbers, ["INV-000001", "INV-000002", "INV-000003"]);
    assert_eq!(row(&preview, "INV-000001").amount, Some(dec("489.75")));
    assert!(preview
        .rows
        .iter()
        .all(|r| r.action == Action::Skip
            && r.reason.as_deref() == Some("a draft: it was never sent")));
    assert!(!preview.has_changes());
}

#[test]
fn client_lists_are_refused_with_what_to_export_instead() {
    for path in [
        "freshbooks/freshbooks_clients.csv",
        "invoice2go/i2g_clients.csv",
        "invoicely/invoicely_clients.csv",
        "invoiceninja-v4/clients.csv",
        "wave/wave_clients.csv",
        "zoho/zoho_contacts.csv",
    ] {
        let message = refusal(path);
        assert!(
            message.starts_with("This file lists clients, not invoices"),
            "{path}: {message}"
        );
        assert!(message.contains("export the invoice list"), "{path}");
    }
}

#[test]
fn the_wave_transactions_ledger_is_refused() {
    let message = refusal("wave/wave_invoices.csv");
    assert!(
        message.starts_with("This is a Wave accounting-transactions export"),
        "{message}"
    );
    assert!(message.contains("export your invoices instead"));
}

#[test]
fn paypal_activity_downloads_are_refused_in_english_and_german() {
    for path in [
        "paypal/test_e2e_english_paypal_import/input.csv",
        "paypal/test_e2e_german_paypal_import/input.csv",
    ] {
        assert!(
            refusal(path).starts_with("This is a PayPal activity download"),
            "{path}"
        );
    }
}

#[test]
fn the_gnucash_bill_is_refused_as_money_owed_by_the_user() {
    let message = refusal("gnucash/invoice.csv");
    assert!(
        message.starts_with("This is a GnuCash bill file"),
        "{message}"
    );
    assert!(message.contains("money you owe"));
}

#[test]
fn the_quickbooks_iif_journal_is_refused_with_the_report_to_export() {
    let message = refusal("quickbooks-desktop-iif/invoice_sales_tax_charged.iif");
    assert!(
        message.starts_with("This is a QuickBooks Desktop IIF file"),
        "{message}"
    );
    assert!(message.contains("Open Invoices"));
}

const SAMPLES: [&str; 19] = [
    "freshbooks/freshbooks_clients.csv",
    "freshbooks/freshbooks_invoices.csv",
    "gnucash/invoice.csv",
    "invoice2go/i2g_clients.csv",
    "invoice2go/i2g_invoices.csv",
    "invoicely/invoicely_clients.csv",
    "invoicely/invoicely_invoices.csv",
    "invoiceninja-v4/clients.csv",
    "invoiceninja-v4/invoice.csv",
    "invoiceninja-v4/payments.csv",
    "paypal/test_e2e_english_paypal_import/input.csv",
    "paypal/test_e2e_german_paypal_import/input.csv",
    "quickbooks-desktop-iif/invoice_sales_tax_charged.iif",
    "wave/wave_clients.csv",
    "wave/wave_invoices.csv",
    "zoho/zoho_contacts.csv",
    "zoho/zoho_invoices.csv",
    "invoice2go/i2g_invoices.csv",
    "invoiceninja-v4/payments.csv",
];

/// Reads, previews and commits whatever the bytes hold; only panics matter.
fn survive(bytes: &[u8]) {
    if let Ok(file) = read(bytes) {
        let ledger = usd_ledger();
        let preview = preview(&ledger, &file, &ImportOptions::default(), today());
        let _ = commit(&ledger, &preview, &mut Sequential::default(), today());
    }
}

fn damaged() -> impl Strategy<Value = Vec<u8>> {
    let samples: Vec<Vec<u8>> = SAMPLES
        .iter()
        .map(|path| {
            let mut bytes = sample(path);
            bytes.truncate(6_000);
            bytes
        })
        .collect();
    (
        0..SAMPLES.len(),
        any::<prop::sample::Index>(),
        proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..8),
    )
        .prop_map(move |(which, cut, edits)| {
            let mut bytes = samples[which].clone();
            for (at, byte) in edits {
                let at = at.index(bytes.len());
                bytes[at] = byte;
            }
            let keep = cut.index(bytes.len() + 1);
            bytes.truncate(keep.max(bytes.len() / 2));
            bytes
        })
}

fn bytes_like_csv() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..400),
        proptest::collection::vec(
            prop::sample::select(b"ab1,;\t\"\r\n.-$()/ 0:TI#".to_vec()),
            0..400
        ),
        damaged(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..ProptestConfig::default() })]

    #[test]
    fn no_bytes_make_the_importer_panic(bytes in bytes_like_csv()) {
        survive(&bytes);
    }
}
