//! The state path at 10,000 invoices: opening the stored ledger, one change stored (serialised
//! once, written, verified), and indexing a revision.

#[path = "support/synthetic.rs"]
mod synthetic;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use overdue::core::books::Books;
use overdue::core::ids::Sequential;
use overdue::core::model::Client;
use overdue::store::{now, Memory, Session};
use std::sync::Arc;
use std::time::Duration;

fn bench_store(c: &mut Criterion) {
    let today = NaiveDate::from_ymd_opt(2026, 9, 1).unwrap();
    let mut group = c.benchmark_group("store_10k");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(3))
        .warm_up_time(Duration::from_secs(1));
    let mut storage = Memory::new();
    let mut session = now(Session::open(&storage));
    session.replace(synthetic::synthetic(10_000), today);
    now(session.flush(&mut storage, "2026-09-01T09:00:00Z")).unwrap();
    group.bench_function("open", |b| b.iter(|| now(Session::open(&storage))));
    group.bench_function("apply_and_flush", |b| {
        b.iter(|| {
            session
                .apply(today, &mut Sequential::default(), |ledger, ids| {
                    ledger.save_client(Client::new("", "Bench client"), ids)
                })
                .unwrap();
            now(session.flush(&mut storage, "2026-09-01T09:00:00Z")).unwrap()
        })
    });
    let ledger = session.ledger();
    group.bench_function("index", |b| b.iter(|| Books::new(Arc::clone(&ledger))));
    group.finish();
}

criterion_group!(benches, bench_store);
criterion_main!(benches);
