//! Aging, metrics and queue specifications.

use super::metrics::{metrics, Metrics};
use super::queue::{chase_queue, reason, score, Urgency};
use super::*;
use crate::core::books::Books;
use crate::core::dates::add_days;
use crate::core::ladder::{Advice, LadderStep};
use crate::core::model::{activity_kind, Activity, Client, Dispute, Invoice, Payment, Promise};
use crate::core::money::Amount;
use proptest::prelude::*;
use std::sync::Arc;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn d(text: &str) -> Decimal {
    text.parse().unwrap()
}

const AS_OF: (i32, u32, u32) = (2026, 6, 30);

fn as_of() -> NaiveDate {
    day(AS_OF.0, AS_OF.1, AS_OF.2)
}

/// The books of a ledger built by a test.
fn books(ledger: &Ledger) -> Books {
    Books::new(Arc::new(ledger.clone()))
}

fn ledger_with_clients(names: &[&str]) -> Ledger {
    let mut ledger = Ledger::default();
    for (index, name) in names.iter().enumerate() {
        ledger
            .clients
            .push(Client::new(format!("c{}", index + 1), *name));
    }
    ledger
}

fn add_invoice(
    ledger: &mut Ledger,
    client: &str,
    issued: NaiveDate,
    due: NaiveDate,
    amount: &str,
    currency: &str,
) -> String {
    let id = format!("i{}", ledger.invoices.len() + 1);
    ledger.invoices.push(Invoice {
        id: id.clone(),
        client_id: client.into(),
        number: id.clone(),
        issue_date: issued,
        due_date: due,
        amount: Amount::new(d(amount)).unwrap(),
        currency: Currency::parse(currency).unwrap(),
        description: String::new(),
        disputed: false,
        interest: None,
        write_off: None,
        source: None,
    });
    id
}

fn add_payment(ledger: &mut Ledger, invoice: &str, date: NaiveDate, amount: &str) {
    ledger.payments.push(Payment {
        id: format!("p{}", ledger.payments.len() + 1),
        invoice_id: invoice.into(),
        date,
        amount: Amount::new(d(amount)).unwrap(),
        method: String::new(),
        note: String::new(),
    });
}

/// Records an open dispute of `invoice` raised on `opened_on`, of `part` (or all of it).
fn dispute(ledger: &mut Ledger, invoice: &str, opened_on: NaiveDate, part: Option<&str>) {
    let client_id = ledger.invoice(invoice).unwrap().client_id.clone();
    ledger.disputes.push(Dispute {
        id: format!("d{}", ledger.disputes.len() + 1),
        client_id,
        invoice_id: invoice.into(),
        opened_on,
        reason: "Not delivered".into(),
        amount: part.map(|part| Amount::new(d(part)).unwrap()),
        notes: String::new(),
        resolution: None,
    });
    crate::core::case::sync_disputes(ledger);
}

/// An invoice of 100.00 GBP due `days_overdue` days before the report's day.
fn overdue_by(days_overdue: i64) -> Ledger {
    let mut ledger = ledger_with_clients(&["Acme"]);
    let due = add_days(as_of(), -days_overdue);
    add_invoice(&mut ledger, "c1", add_days(due, -30), due, "100", "GBP");
    ledger
}

fn bucket_of(ledger: &Ledger) -> String {
    let report = aging(
        &books(ledger),
        &AgingOptions::from_settings(ledger, as_of()),
    );
    let row = &report.totals[0];
    let index = row
        .amounts
        .iter()
        .position(|amount| !amount.is_zero())
        .unwrap();
    report.buckets[index].id.clone()
}

#[test]
fn bucket_boundaries_follow_the_default_edges() {
    let cases = [
        (0, "current"),
        (1, "1-30"),
        (30, "1-30"),
        (31, "31-60"),
        (60, "31-60"),
        (61, "61-90"),
        (90, "61-90"),
        (91, "91-120"),
        (120, "91-120"),
        (121, "120+"),
        (-5, "current"),
    ];
    for (days, bucket) in cases {
        assert_eq!(bucket_of(&overdue_by(days)), bucket, "{days} days overdue");
    }
}

#[test]
fn custom_edges_make_custom_buckets() {
    let buckets = Buckets::parse("15, 30, 45, 60").unwrap();
    let ids: Vec<String> = buckets
        .buckets()
        .into_iter()
        .map(|bucket| bucket.id)
        .collect();
    assert_eq!(ids, ["current", "1-15", "16-30", "31-45", "46-60", "60+"]);
    assert_eq!(buckets.index_of(16), 2);
    assert!(Buckets::parse("30, 20").unwrap_err().contains("must go up"));
    assert!(Buckets::parse("0, 20").is_err());
    assert!(Buckets::parse("30, x").unwrap_err().contains("\"x\""));
}

#[test]
fn payments_after_the_day_are_ignored() {
    let mut ledger = overdue_by(10);
    add_payment(&mut ledger, "i1", add_days(as_of(), -1), "40");
    add_payment(&mut ledger, "i1", add_days(as_of(), 1), "60");
    let report = aging(
        &books(&ledger),
        &AgingOptions::from_settings(&ledger, as_of()),
    );
    assert_eq!(report.totals[0].total, d("60"));
}

#[test]
fn invoices_issued_after_the_day_are_excluded_and_paid_ones_vanish() {
    let mut ledger = overdue_by(10);
    add_invoice(
        &mut ledger,
        "c1",
        add_days(as_of(), 1),
        add_days(as_of(), 31),
        "500",
        "GBP",
    );
    let paid = add_invoice(
        &mut ledger,
        "c1",
        day(2026, 1, 1),
        day(2026, 1, 31),
        "70",
        "GBP",
    );
    add_payment(&mut ledger, &paid, day(2026, 2, 1), "70");
    let report = aging(
        &books(&ledger),
        &AgingOptions::from_settings(&ledger, as_of()),
    );
    assert_eq!(report.rows.len(), 1);
    assert_eq!(
        (report.rows[0].total, report.rows[0].invoices),
        (d("100"), 1)
    );
}

#[test]
fn currencies_stay_separate() {
    let mut ledger = overdue_by(10);
    add_invoice(
        &mut ledger,
        "c1",
        day(2026, 1, 1),
        day(2026, 1, 31),
        "250",
        "EUR",
    );
    let report = aging(
        &books(&ledger),
        &AgingOptions::from_settings(&ledger, as_of()),
    );
    let totals: Vec<(String, Decimal)> = report
        .totals
        .iter()
        .map(|total| (total.currency.to_string(), total.total))
        .collect();
    assert_eq!(
        totals,
        [("EUR".to_string(), d("250")), ("GBP".to_string(), d("100"))]
    );
    assert_eq!(report.rows.len(), 2);
}

#[test]
fn disputed_amounts_are_reported_separately_and_can_be_left_out() {
    let mut ledger = overdue_by(10);
    let disputed = add_invoice(
        &mut ledger,
        "c1",
        day(2026, 1, 1),
        day(2026, 1, 31),
        "40",
        "GBP",
    );
    dispute(&mut ledger, &disputed, day(2026, 2, 2), None);
    let mut options = AgingOptions::from_settings(&ledger, as_of());
    let with = aging(&books(&ledger), &options);
    assert_eq!(
        (with.totals[0].total, with.totals[0].disputed),
        (d("140"), d("40"))
    );
    options.include_disputed = false;
    let without = aging(&books(&ledger), &options);
    assert_eq!(
        (without.totals[0].total, without.totals[0].disputed),
        (d("100"), d("40"))
    );
}

#[test]
fn only_the_disputed_part_of_a_partly_disputed_invoice_is_reported_as_disputed() {
    let mut ledger = overdue_by(10);
    dispute(&mut ledger, "i1", day(2026, 6, 25), Some("30"));
    let mut options = AgingOptions::from_settings(&ledger, as_of());
    let with = aging(&books(&ledger), &options);
    assert_eq!(
        (with.totals[0].total, with.totals[0].disputed),
        (d("100"), d("30"))
    );
    options.include_disputed = false;
    let without = aging(&books(&ledger), &options);
    assert_eq!(
        (without.totals[0].total, without.totals[0].disputed),
        (d("70"), d("30"))
    );
    // Before the dispute was raised nothing was disputed.
    options.as_of = day(2026, 6, 24);
    let before = aging(&books(&ledger), &options);
    assert_eq!(before.totals[0].disputed, d("0"));
}

#[test]
fn aging_by_issue_date_counts_from_the_issue_date() {
    let ledger = overdue_by(10);
    let mut options = AgingOptions::from_settings(&ledger, as_of());
    options.by_issue_date = true;
    let report = aging(&books(&ledger), &options);
    assert_eq!(report.totals[0].oldest_days, 40);
    assert_eq!(report.totals[0].amounts[2], d("100"));
}

#[test]
fn a_cell_drills_down_to_its_invoices() {
    let mut ledger = overdue_by(40);
    add_invoice(
        &mut ledger,
        "c1",
        day(2026, 4, 1),
        add_days(as_of(), -45),
        "20",
        "GBP",
    );
    add_invoice(
        &mut ledger,
        "c1",
        day(2026, 4, 1),
        add_days(as_of(), -5),
        "20",
        "GBP",
    );
    let options = AgingOptions::from_settings(&ledger, as_of());
    let gbp = Currency::parse("GBP").unwrap();
    let books = books(&ledger);
    let cell: Vec<&str> = cell_invoices(&books, &options, &RowKind::Total, 2, &gbp)
        .iter()
        .map(|aged| aged.invoice.id.as_str())
        .collect();
    assert_eq!(cell, ["i2", "i1"]);
}

#[test]
fn the_csv_has_a_header_rows_and_totals() {
    let ledger = overdue_by(40);
    let csv = to_csv(&aging(
        &books(&ledger),
        &AgingOptions::from_settings(&ledger, as_of()),
    ));
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "client_id,client,currency,current,1-30,31-60,61-90,91-120,120+,total,disputed,oldest_days_overdue,invoices");
    assert_eq!(
        lines[1],
        "c1,Acme,GBP,0.00,0.00,100.00,0.00,0.00,0.00,100.00,0.00,40,1"
    );
    assert!(lines[2].starts_with("total,Total,GBP"));
}

#[test]
fn a_client_name_that_looks_like_a_formula_is_neutralised_in_the_csv() {
    let mut ledger = overdue_by(40);
    ledger.clients[0].name = "=HYPERLINK(\"http://evil\",\"x\")".into();
    let csv = to_csv(&aging(
        &books(&ledger),
        &AgingOptions::from_settings(&ledger, as_of()),
    ));
    let row = csv.lines().nth(1).unwrap();
    assert!(
        row.starts_with("c1,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",GBP,"),
        "{row}"
    );
}

/// A worked example for the metrics, in GBP, over the 90 days to 30 June 2026 (period start 1 April).
///
/// Invoices:
/// - A: issued 2026-02-01, due 2026-03-03, 1,000.00, unpaid → open at both ends; on 30 June it is
///   119 days overdue (more than 90).
/// - B: issued 2026-04-10, due 2026-05-10, 3,000.00, 1,000.00 paid on 2026-05-20 → 2,000.00 open,
///   51 days overdue.
/// - C: issued 2026-06-20, due 2026-07-20, 1,000.00 → 1,000.00 current.
///
/// Opening receivables (end of 1 April): A = 1,000.00.
/// Credit sales in (1 April, 30 June]: B + C = 4,000.00.
/// Closing receivables: 1,000 + 2,000 + 1,000 = 4,000.00; closing current: 1,000.00; 90+: 1,000.00.
/// - DSO = 4,000 ÷ 4,000 × 90 = 90 days.
/// - Best possible DSO = 1,000 ÷ 4,000 × 90 = 22.5 days; ADD = 90 − 22.5 = 67.5 days.
/// - CEI = (1,000 + 4,000 − 4,000) ÷ (1,000 + 4,000 − 1,000) × 100 = 1,000 ÷ 4,000 × 100 = 25 %.
/// - At risk = 1,000 ÷ 4,000 × 100 = 25 %.
/// - Countback: block (31 May, 30 June] has sales 1,000 (C): 4,000 > 1,000 → 30 days, 3,000 left;
///   block (1 May, 31 May] has no sales → 30 days; block (1 April, 1 May] has sales 3,000 (B):
///   3,000 ÷ 3,000 × 30 = 30 days. Countback DSO = 90 days.
#[test]
fn metrics_match_the_hand_computed_example() {
    let mut ledger = ledger_with_clients(&["Acme"]);
    add_invoice(
        &mut ledger,
        "c1",
        day(2026, 2, 1),
        day(2026, 3, 3),
        "1000",
        "GBP",
    );
    let b = add_invoice(
        &mut ledger,
        "c1",
        day(2026, 4, 10),
        day(2026, 5, 10),
        "3000",
        "GBP",
    );
    add_invoice(
        &mut ledger,
        "c1",
        day(2026, 6, 20),
        day(2026, 7, 20),
        "1000",
        "GBP",
    );
    add_payment(&mut ledger, &b, day(2026, 5, 20), "1000");
    let m = metrics(
        &books(&ledger),
        as_of(),
        90,
        &Currency::parse("GBP").unwrap(),
    );
    assert_eq!(m.dso.value, Some(d("90")));
    assert_eq!(m.best_dso.value, Some(d("22.5")));
    assert_eq!(m.add.value, Some(d("67.5")));
    assert_eq!(m.cei.value, Some(d("25")));
    assert_eq!(m.at_risk.value, Some(d("25")));
    assert_eq!(m.countback_dso.value, Some(d("90")));
    assert_eq!(m.dso.value_text(), "90 days");
    assert!(m
        .dso
        .working
        .contains("£4,000.00 ÷ credit sales £4,000.00 × 90 days"));
}

#[test]
fn metrics_without_sales_say_why_instead_of_showing_nan() {
    let ledger = overdue_by(200);
    let m = metrics(
        &books(&ledger),
        as_of(),
        30,
        &Currency::parse("GBP").unwrap(),
    );
    assert_eq!(m.dso.value, None);
    assert_eq!(m.dso.value_text(), "—");
    assert!(m.dso.working.contains("no credit sales"));
    assert_eq!(m.at_risk.value, Some(d("100")));
}

fn letter(ledger: &mut Ledger, invoice: &str, date: NaiveDate, step: LadderStep) {
    ledger.activities.push(Activity {
        id: format!("a{}", ledger.activities.len() + 1),
        client_id: "c1".into(),
        invoice_id: Some(invoice.into()),
        date,
        kind: activity_kind::LETTER.into(),
        summary: "sent".into(),
        step: Some(step.id().into()),
        channel: None,
        letter_id: None,
    });
}

#[test]
fn the_queue_ranks_by_score_and_explains_each_step() {
    let mut ledger = ledger_with_clients(&["Acme"]);
    let small = add_invoice(
        &mut ledger,
        "c1",
        day(2026, 4, 1),
        add_days(as_of(), -47),
        "90",
        "GBP",
    );
    let large = add_invoice(
        &mut ledger,
        "c1",
        day(2026, 4, 1),
        add_days(as_of(), -47),
        "9000",
        "GBP",
    );
    let fresh = add_invoice(
        &mut ledger,
        "c1",
        day(2026, 6, 1),
        add_days(as_of(), -3),
        "9000",
        "GBP",
    );
    let disputed = add_invoice(
        &mut ledger,
        "c1",
        day(2026, 4, 1),
        add_days(as_of(), -60),
        "50",
        "GBP",
    );
    dispute(&mut ledger, &disputed, add_days(as_of(), -60), None);
    for id in [&small, &large] {
        letter(
            &mut ledger,
            id,
            add_days(as_of(), -40),
            LadderStep::ReminderOverdue,
        );
        letter(
            &mut ledger,
            id,
            add_days(as_of(), -21),
            LadderStep::FollowUp,
        );
    }
    let queue = chase_queue(&books(&ledger), as_of());
    let order: Vec<&str> = queue.iter().map(|item| item.invoice_id.as_str()).collect();
    // disputed: 2 digits × 10 + 60 / 3 + raised 60 days ago (60 / 2, at most 30) = 20 + 20 + 30
    assert_eq!(
        order,
        [
            disputed.as_str(),
            large.as_str(),
            small.as_str(),
            fresh.as_str()
        ]
    );
    assert_eq!(queue[0].advice, Advice::ResolveDispute);
    assert_eq!(queue[0].score, 70);
    assert_eq!(
        queue[0].reason(),
        "60 days late, last contact 60 days ago: resolve the dispute first (open 60 days)"
    );
    assert_eq!(
        queue[1].reason(),
        "47 days late, last contact 21 days ago: final notice"
    );
    assert_eq!(queue[1].advice, Advice::Send(LadderStep::FinalNotice));
    // 4 digits × 10 + 47 / 3 + 21 / 2 = 40 + 15 + 10
    assert_eq!(queue[1].score, 65);
    assert_eq!(
        queue[3].reason(),
        "3 days late, no contact yet: overdue reminder"
    );
}

#[test]
fn a_broken_promise_moves_an_invoice_up() {
    let mut ledger = ledger_with_clients(&["Acme"]);
    let a = add_invoice(
        &mut ledger,
        "c1",
        day(2026, 4, 1),
        add_days(as_of(), -20),
        "500",
        "GBP",
    );
    let b = add_invoice(
        &mut ledger,
        "c1",
        day(2026, 4, 1),
        add_days(as_of(), -20),
        "500",
        "GBP",
    );
    // A note saying "promise" is only a note: it neither holds nor weighs anything.
    ledger.activities.push(Activity {
        id: "a1".into(),
        client_id: "c1".into(),
        invoice_id: Some(a.clone()),
        date: add_days(as_of(), -10),
        kind: activity_kind::PROMISE.into(),
        summary: "will pay Friday".into(),
        step: None,
        channel: None,
        letter_id: None,
    });
    // Ten days ago the client promised to pay b within three days; nothing came.
    ledger.promises.push(Promise {
        id: "pr1".into(),
        client_id: "c1".into(),
        invoice_id: Some(b.clone()),
        made_on: add_days(as_of(), -10),
        promised_by: "Jo".into(),
        amount: Amount::new(d("500")).unwrap(),
        currency: Currency::parse("GBP").unwrap(),
        due: add_days(as_of(), -7),
        channel: "phone".into(),
        note: String::new(),
    });
    let queue = chase_queue(&books(&ledger), as_of());
    assert_eq!(queue[0].invoice_id, b);
    assert_eq!(queue[0].score, queue[1].score + 25);
    assert_eq!(
        queue[0].reason(),
        "20 days late, last contact 10 days ago, 1 broken promise: overdue reminder; \
         broke the promise of 20 Jun 2026: promised £500.00 by 23 Jun 2026, nothing received"
    );
    assert_eq!(queue[1].invoice_id, a);
}

prop_compose! {
    fn any_ledger()(
        invoices in proptest::collection::vec((0usize..3, 0i64..400, 0i64..60, 1i64..500_000, any::<bool>(), any::<bool>()), 0..30),
        payments in proptest::collection::vec((0usize..30, 0i64..500, 1i64..300_000), 0..30),
    ) -> Ledger {
        let mut ledger = ledger_with_clients(&["A", "B", "C"]);
        let start = day(2025, 6, 1);
        for (client, issued, terms, cents, euro, disputed) in invoices {
            let issued = add_days(start, issued);
            let id = add_invoice(&mut ledger, &format!("c{}", client + 1), issued, add_days(issued, terms), &Decimal::new(cents, 2).to_string(), if euro { "EUR" } else { "GBP" });
            if disputed {
                dispute(&mut ledger, &id, issued, (cents % 3 == 0).then_some("50.00"));
            }
        }
        let count = ledger.invoices.len();
        if count > 0 {
            for (invoice, date, cents) in payments {
                add_payment(&mut ledger, &format!("i{}", invoice % count + 1), add_days(start, date), &Decimal::new(cents, 2).to_string());
            }
        }
        ledger
    }
}

proptest! {
    /// Bucket amounts sum to each row's total, rows sum to their currency's total, and each
    /// client's row in a currency holds exactly what that client owes in it on the day (worked
    /// out from the ledger's own payment scan, not from the books' indexes).
    #[test]
    fn bucket_amounts_sum_to_the_outstanding_balance_per_client_and_currency(ledger in any_ledger(), offset in 0i64..500, include_disputed in any::<bool>()) {
        let as_of = add_days(day(2025, 6, 1), offset);
        let mut options = AgingOptions::from_settings(&ledger, as_of);
        options.include_disputed = include_disputed;
        let report = aging(&books(&ledger), &options);
        for row in report.rows.iter().chain(&report.totals) {
            prop_assert_eq!(row.amounts.iter().copied().sum::<Decimal>(), row.total);
            prop_assert!(row.oldest_days >= 0);
        }
        for total in &report.totals {
            let of_rows: Decimal = report.rows.iter().filter(|row| row.currency == total.currency).map(|row| row.total).sum();
            prop_assert_eq!(of_rows, total.total);
        }
        let owed = |client_id: &str, currency: &Currency| -> Decimal {
            ledger.invoices.iter()
                .filter(|invoice| invoice.client_id == client_id && &invoice.currency == currency)
                .filter(|invoice| invoice.issue_date <= as_of)
                .map(|invoice| {
                    let outstanding = ledger.outstanding(invoice, as_of);
                    let disputed = crate::core::case::open_dispute(&ledger, &invoice.id, as_of)
                        .map_or(Decimal::ZERO, |d| crate::core::case::disputed_part(d, outstanding));
                    if include_disputed { outstanding } else { outstanding - disputed }
                })
                .sum()
        };
        for client in &ledger.clients {
            for code in ["EUR", "GBP"] {
                let currency = Currency::parse(code).unwrap();
                let row = report.rows.iter().find(|row| row.kind == RowKind::Client(client.id.clone()) && row.currency == currency);
                prop_assert_eq!(row.map_or(Decimal::ZERO, |row| row.total), owed(&client.id, &currency));
            }
        }
    }
}

#[test]
fn rows_say_whose_they_are_and_the_total_keeps_its_hook() {
    let mut ledger = overdue_by(10);
    add_invoice(
        &mut ledger,
        "c1",
        day(2026, 1, 1),
        day(2026, 1, 31),
        "250",
        "EUR",
    );
    let report = aging(
        &books(&ledger),
        &AgingOptions::from_settings(&ledger, as_of()),
    );
    let kinds: Vec<(&RowKind, &str)> = report
        .rows
        .iter()
        .chain(&report.totals)
        .map(|row| (&row.kind, row.kind.hook()))
        .collect();
    let client = RowKind::Client("c1".into());
    assert_eq!(
        kinds,
        [
            (&client, "c1"),
            (&client, "c1"),
            (&RowKind::Total, "total"),
            (&RowKind::Total, "total")
        ]
    );
    assert!(RowKind::Total.includes("c9"));
    assert!(!client.includes("c9"));
}

#[test]
fn an_invoice_not_yet_due_is_zero_days_overdue() {
    let ledger = overdue_by(-5);
    let books = books(&ledger);
    let options = AgingOptions::from_settings(&ledger, as_of());
    let aged: Vec<(i64, i64)> = open_invoices(&books, &options)
        .map(|aged| (aged.days, aged.days_overdue()))
        .collect();
    assert_eq!(aged, [(-5, 0)]);
    let late = overdue_by(12);
    let books = self::books(&late);
    let aged: Vec<i64> = open_invoices(&books, &options)
        .map(|aged| aged.days_overdue())
        .collect();
    assert_eq!(aged, [12]);
}

#[test]
fn a_client_cell_drills_down_to_that_clients_invoices_only() {
    let mut ledger = ledger_with_clients(&["Acme", "Bolt"]);
    add_invoice(
        &mut ledger,
        "c1",
        day(2026, 4, 1),
        add_days(as_of(), -45),
        "20",
        "GBP",
    );
    add_invoice(
        &mut ledger,
        "c2",
        day(2026, 4, 1),
        add_days(as_of(), -50),
        "30",
        "GBP",
    );
    let books = books(&ledger);
    let options = AgingOptions::from_settings(&ledger, as_of());
    let gbp = Currency::parse("GBP").unwrap();
    let ids = |row: RowKind| -> Vec<String> {
        cell_invoices(&books, &options, &row, 2, &gbp)
            .iter()
            .map(|aged| aged.invoice.id.clone())
            .collect()
    };
    assert_eq!(ids(RowKind::Client("c2".into())), ["i2"]);
    assert_eq!(ids(RowKind::Total), ["i2", "i1"]);
    assert!(ids(RowKind::Client("missing".into())).is_empty());
}

/// Score = 10 per digit of the whole amount + days late ÷ 3 (at most 60) + days of silence ÷ 2
/// (at most 30; with no contact, the days late) + 25 per broken promise.
#[test]
fn the_score_adds_amount_lateness_silence_and_broken_promises() {
    let urgency = Urgency {
        outstanding: d("2325.50"),
        days_overdue: 47,
        days_since_contact: Some(21),
        broken_promises: 0,
        dispute_days: None,
    };
    // 4 digits × 10 + 47 / 3 + 21 / 2 = 40 + 15 + 10
    assert_eq!(score(&urgency), 65);
    // silence is capped at 30 and each broken promise adds 25: 40 + 15 + 30 + 50
    let ignored = Urgency {
        days_since_contact: Some(200),
        broken_promises: 2,
        ..urgency
    };
    assert_eq!(score(&ignored), 135);
    // never contacted: the days late stand in for the silence, both capped: 10 + 60 + 30
    let forgotten = Urgency {
        outstanding: d("9.99"),
        days_overdue: 400,
        days_since_contact: None,
        broken_promises: 0,
        dispute_days: None,
    };
    assert_eq!(score(&forgotten), 100);
    // not yet due: no lateness points, and no silence points without contact
    let early = Urgency {
        days_overdue: -3,
        ..forgotten
    };
    assert_eq!(score(&early), 10);
}

#[test]
fn the_reason_says_how_late_the_last_contact_the_promises_and_the_step() {
    let urgency = Urgency {
        outstanding: d("100"),
        days_overdue: 47,
        days_since_contact: Some(21),
        broken_promises: 0,
        dispute_days: None,
    };
    let final_notice = Advice::Send(LadderStep::FinalNotice);
    assert_eq!(
        reason(&urgency, final_notice),
        "47 days late, last contact 21 days ago: final notice"
    );
    let cases = [
        (
            0,
            Some(0),
            1,
            "due today, last contact today, 1 broken promise: final notice",
        ),
        (
            -4,
            None,
            2,
            "due in 4 days, no contact yet, 2 broken promises: final notice",
        ),
    ];
    for (days_overdue, days_since_contact, broken_promises, expected) in cases {
        let urgency = Urgency {
            days_overdue,
            days_since_contact,
            broken_promises,
            ..urgency
        };
        assert_eq!(reason(&urgency, final_notice), expected);
    }
    assert_eq!(
        reason(&urgency, Advice::ResolveDispute),
        "47 days late, last contact 21 days ago: resolve the dispute first"
    );
}

#[test]
fn the_at_risk_share_counts_only_what_is_more_than_ninety_days_overdue() {
    assert_eq!(Metrics::AT_RISK_DAYS, 90);
    for (days, at_risk) in [(90, "0"), (91, "100")] {
        let ledger = overdue_by(days);
        let m = metrics(
            &books(&ledger),
            as_of(),
            90,
            &Currency::parse("GBP").unwrap(),
        );
        assert_eq!(m.at_risk.value, Some(d(at_risk)), "{days} days overdue");
        assert_eq!(m.at_risk.value_text(), format!("{at_risk} %"));
        assert_eq!(m.at_risk.value_hook(), at_risk);
    }
    assert!(Metrics::PERIODS.contains(&Metrics::DEFAULT_PERIOD));
}

#[test]
fn rows_sort_by_any_column_in_either_direction() {
    let mut ledger = ledger_with_clients(&["Beta", "alpha"]);
    add_invoice(
        &mut ledger,
        "c1",
        day(2026, 1, 1),
        day(2026, 1, 31),
        "10",
        "GBP",
    );
    add_invoice(
        &mut ledger,
        "c2",
        day(2026, 6, 1),
        day(2026, 6, 20),
        "99",
        "GBP",
    );
    let mut rows = aging(
        &books(&ledger),
        &AgingOptions::from_settings(&ledger, as_of()),
    )
    .rows;
    let names = |rows: &[AgingRow]| {
        rows.iter()
            .map(|row| row.client_name.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&rows), ["alpha", "Beta"]);
    sort_rows(&mut rows, SortKey::Total, true);
    assert_eq!(names(&rows), ["alpha", "Beta"]);
    sort_rows(&mut rows, SortKey::Oldest, true);
    assert_eq!(names(&rows), ["Beta", "alpha"]);
    sort_rows(&mut rows, SortKey::Bucket(1), false);
    assert_eq!(names(&rows), ["Beta", "alpha"]);
}
