//! Aging, metrics and the chase queue over 10,000 and 100,000 invoices with payments, on books
//! built once outside the timed loop; and the cost of building those books.

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use overdue::core::aging::metrics::metrics;
use overdue::core::aging::queue::chase_queue;
use overdue::core::aging::{aging, AgingOptions};
use overdue::core::books::Books;
use overdue::core::currency::Currency;
use std::sync::Arc;
use std::time::Duration;

#[path = "support/synthetic.rs"]
mod synthetic;

use synthetic::synthetic;

const SIZES: [usize; 2] = [10_000, 100_000];

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
