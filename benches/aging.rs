//! Aging, metrics and the chase queue over 10,000 and 100,000 invoices with payments, on books
//! built once outside the timed loop; and the cost of building those books.

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use overdue::core::aging::metrics::metrics;
use overdue::core::aging::queue::chase_queue;
use overdue::core::aging::{aging, AgingOptions};
use overdue::core::books::Books;
use overdue::core::currency::Currency;
use overdue::core::dates::add_days;
use overdue::core::ledger::Ledger;
use overdue::core::model::{Client, Invoice, Payment};
use overdue::core::money::Amount;
use rust_decimal::Decimal;
use std::sync::Arc;
use std::time::Duration;

const SIZES: [usize; 2] = [10_000, 100_000];

/// A ledger of `invoices` invoices over `invoices / 20` clients, a third of them part-paid.
fn synthetic(invoices: usize) -> Ledger {
    let mut ledger = Ledger::default();
    let start = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    let gbp = Currency::parse("GBP").unwrap();
    let eur = Currency::parse("EUR").unwrap();
    for client in 0..invoices / 20 {
        ledger.clients.push(Client::new(
            format!("c{client}"),
            format!("Client {client}"),
        ));
    }
    let mut seed: u64 = 42;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        seed >> 33
    };
    for index in 0..invoices {
        let issued = add_days(start, (next() % 600) as i64);
        let amount = Decimal::new((next() % 1_000_000 + 100) as i64, 2);
        ledger.invoices.push(Invoice {
            id: format!("i{index}"),
            client_id: format!("c{}", index % (invoices / 20)),
            number: format!("N{index}"),
            issue_date: issued,
            due_date: add_days(issued, 30),
            amount: Amount::new(amount).unwrap(),
            currency: if index % 4 == 0 {
                eur.clone()
            } else {
                gbp.clone()
            },
            description: String::new(),
            disputed: index % 97 == 0,
            interest: None,
            write_off: None,
            source: None,
        });
        if index % 3 == 0 {
            ledger.payments.push(Payment {
                id: format!("p{index}"),
                invoice_id: format!("i{index}"),
                date: add_days(issued, 20 + (next() % 60) as i64),
                amount: Amount::new((amount / Decimal::from(2)).round_dp(2)).unwrap(),
                method: String::new(),
                note: String::new(),
            });
        }
    }
    ledger
}

fn bench_aging(c: &mut Criterion) {
    let as_of = NaiveDate::from_ymd_opt(2026, 9, 1).unwrap();
    let gbp = Currency::parse("GBP").unwrap();
    let mut group = c.benchmark_group("aging");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(3))
        .warm_up_time(Duration::from_secs(1));
    for size in SIZES {
        let books = Books::new(Arc::new(synthetic(size)));
        let options = AgingOptions::from_settings(&books, as_of);
        group.bench_with_input(BenchmarkId::new("report", size), &books, |b, books| {
            b.iter(|| aging(books, &options))
        });
        group.bench_with_input(BenchmarkId::new("chase_queue", size), &books, |b, books| {
            b.iter(|| chase_queue(books, as_of))
        });
        group.bench_with_input(
            BenchmarkId::new("metrics_90_days", size),
            &books,
            |b, books| b.iter(|| metrics(books, as_of, 90, &gbp)),
        );
    }
    group.finish();
}

fn bench_books(c: &mut Criterion) {
    let mut group = c.benchmark_group("books");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(3))
        .warm_up_time(Duration::from_secs(1));
    for size in SIZES {
        let ledger = Arc::new(synthetic(size));
        group.bench_with_input(BenchmarkId::new("new", size), &ledger, |b, ledger| {
            b.iter(|| Books::new(Arc::clone(ledger)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_aging, bench_books);
criterion_main!(benches);
