//! Reading, mapping and previewing a generated 10,000-row export (Xero-like, DD/MM dates,
//! quoted grouped amounts), into an empty ledger and again over its own import.

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use overdue::core::currency::Currency;
use overdue::core::ids::Sequential;
use overdue::core::import::{commit, preview, read, ImportOptions};
use overdue::core::ledger::Ledger;
use overdue::core::model::Business;
use std::fmt::Write;
use std::time::Duration;

/// 10,000 rows: 5,000 invoices of two line items over 500 clients, some part-paid.
fn export(rows: usize) -> String {
    let mut text = String::from("ContactName,EmailAddress,InvoiceNumber,InvoiceDate,DueDate,Total,InvoiceAmountPaid,InvoiceAmountDue,Description,LineAmount,Currency,Type,Status\n");
    for row in 0..rows {
        let invoice = row / 2;
        let client = invoice % 500;
        let (day, month) = (invoice % 28 + 1, invoice % 12 + 1);
        let total = 1_000 + (invoice * 37) % 9_000;
        let paid = if invoice % 3 == 0 { total / 2 } else { 0 };
        let _ = writeln!(
            text,
            "\"Client {client}, Ltd\",c{client}@example.test,INV-{invoice:05},{day:02}/{month:02}/2025,{day:02}/{month:02}/2026,\"{},{:03}.50\",{paid}.00,\"{}.50\",Work item {row},{}.25,GBP,Sales invoice,Awaiting Payment",
            total / 1000, total % 1000, total - paid, total / 2,
        );
    }
    text
}

fn bench_import(c: &mut Criterion) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let bytes = export(10_000).into_bytes();
    let empty = Ledger::new(Business {
        default_currency: Currency::parse("GBP").unwrap(),
        ..Business::default()
    });
    let options = ImportOptions::default();
    let file = read(&bytes).unwrap();
    let first = preview(&empty, &file, &options, today);
    assert_eq!(first.counts.new, 5_000);
    let imported = commit(&empty, &first, &mut Sequential::default(), today).unwrap();
    let mut group = c.benchmark_group("import_10000_rows");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(4))
        .warm_up_time(Duration::from_secs(1));
    group.bench_function("read", |b| b.iter(|| read(&bytes).unwrap()));
    group.bench_function("read_and_preview_new", |b| {
        b.iter(|| preview(&empty, &read(&bytes).unwrap(), &options, today))
    });
    group.bench_function("read_and_preview_reimport", |b| {
        b.iter(|| preview(&imported, &read(&bytes).unwrap(), &options, today))
    });
    group.bench_function("commit", |b| {
        b.iter(|| commit(&empty, &first, &mut Sequential::default(), today).unwrap())
    });
    group.finish();
}

criterion_group!(benches, bench_import);
criterion_main!(benches);
