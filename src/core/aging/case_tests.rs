//! Specifications of how promises, disputes and pauses drive the chase queue and the ladder.

use super::queue::{advice_for, queue, Hold, Queue};
use crate::core::books::Books;
use crate::core::case::CREDIT_NOTE;
use crate::core::currency::Currency;
use crate::core::ids::Sequential;
use crate::core::ladder::{Advice, LadderStep};
use crate::core::ledger::Ledger;
use crate::core::model::{
    Client, Dispute, DisputeOutcome, Invoice, Pause, Payment, Promise, Resolution,
};
use crate::core::money::Amount;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::sync::Arc;

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

fn amount(text: &str) -> Amount {
    Amount::parse(text).unwrap()
}

/// Acme Ltd owes £1,000 on INV-1, due 14 Feb 2026, and £90 on INV-2, due the same day; the
/// grace period for promises is three days (the default).
struct Case {
    ledger: Ledger,
    ids: Sequential,
    client: String,
    invoice: String,
    other: String,
}

impl Case {
    fn new() -> Case {
        let mut ledger = Ledger::default();
        let mut ids = Sequential::default();
        let client = ledger
            .save_client(Client::new("", "Acme Ltd"), &mut ids)
            .unwrap();
        let mut add = |ledger: &mut Ledger, number: &str, total: &str| {
            let invoice = Invoice {
                id: String::new(),
                client_id: client.clone(),
                number: number.into(),
                issue_date: day(1, 15),
                due_date: day(2, 14),
                amount: amount(total),
                currency: Currency::parse("GBP").unwrap(),
                description: String::new(),
                disputed: false,
                interest: None,
                write_off: None,
                source: None,
            };
            ledger.save_invoice(invoice, &mut ids).unwrap()
        };
        let invoice = add(&mut ledger, "INV-1", "1000.00");
        let other = add(&mut ledger, "INV-2", "90.00");
        Case {
            ledger,
            ids,
            client,
            invoice,
            other,
        }
    }

    fn queue(&self, as_of: NaiveDate) -> Queue {
        queue(&Books::new(Arc::new(self.ledger.clone())), as_of)
    }

    /// The invoice ids in the queue, most urgent first.
    fn chased(&self, as_of: NaiveDate) -> Vec<String> {
        let queue = self.queue(as_of);
        queue
            .items
            .into_iter()
            .map(|item| item.invoice_id)
            .collect()
    }

    /// The queue line of INV-1.
    fn line(&self, as_of: NaiveDate) -> String {
        self.queue(as_of)
            .items
            .iter()
            .find(|item| item.invoice_id == self.invoice)
            .map(|item| item.reason())
            .unwrap_or_else(|| panic!("INV-1 is not in the queue on {as_of}"))
    }

    fn held(&self, as_of: NaiveDate) -> Vec<(String, String)> {
        self.queue(as_of)
            .held
            .into_iter()
            .map(|held| (held.invoice_id, held.hold.line()))
            .collect()
    }

    /// On 3 March the client promised £500 on INV-1 by 10 March.
    fn promise_500_by_10_march(&mut self) {
        let promise = Promise {
            id: String::new(),
            client_id: self.client.clone(),
            invoice_id: Some(self.invoice.clone()),
            made_on: day(3, 3),
            promised_by: "Jo Bloggs".into(),
            amount: amount("500.00"),
            currency: Currency::parse("GBP").unwrap(),
            due: day(3, 10),
            channel: "phone".into(),
            note: String::new(),
        };
        self.ledger.record_promise(promise, &mut self.ids).unwrap();
    }

    fn pay(&mut self, date: NaiveDate, paid: &str) {
        let payment = Payment {
            id: String::new(),
            invoice_id: self.invoice.clone(),
            date,
            amount: amount(paid),
            method: String::new(),
            note: String::new(),
        };
        self.ledger
            .save_payment(payment, false, &mut self.ids)
            .unwrap();
    }

    fn dispute(&mut self, part: Option<&str>) -> String {
        let dispute = Dispute {
            id: String::new(),
            client_id: String::new(),
            invoice_id: self.invoice.clone(),
            opened_on: day(3, 1),
            reason: "Two pages were not delivered".into(),
            amount: part.map(amount),
            notes: String::new(),
            resolution: None,
        };
        self.ledger.open_dispute(dispute, &mut self.ids).unwrap()
    }

    fn resolve(&mut self, dispute: &str, outcome: DisputeOutcome) {
        let resolution = Resolution {
            date: day(3, 20),
            outcome,
            note: String::new(),
        };
        self.ledger
            .resolve_dispute(dispute, resolution, &mut self.ids)
            .unwrap();
    }

    fn pause(&mut self, invoice: Option<String>, from: NaiveDate, until: NaiveDate) -> String {
        let pause = Pause {
            id: String::new(),
            client_id: self.client.clone(),
            invoice_id: invoice,
            from,
            until,
            reason: "Awaiting PO".into(),
        };
        self.ledger.pause_chasing(pause, &mut self.ids).unwrap()
    }

    fn advice(&self, as_of: NaiveDate) -> Advice {
        advice_for(&self.ledger, &self.invoice, as_of)
    }
}

#[test]
fn a_pending_promise_keeps_the_invoice_out_of_the_queue_and_says_what_was_promised() {
    let mut case = Case::new();
    case.promise_500_by_10_march();
    assert!(!case.chased(day(3, 5)).contains(&case.invoice));
    assert_eq!(
        case.held(day(3, 5)),
        [(
            case.invoice.clone(),
            "promised £500.00 by 10 Mar 2026 (waiting until 13 Mar 2026)".to_string()
        )]
    );
    assert_eq!(case.advice(day(3, 5)), Advice::AwaitPromise(day(3, 13)));
    // The other invoice is chased as before.
    assert!(case.chased(day(3, 5)).contains(&case.other));
    // Before the promise was made the invoice was chased.
    assert!(case.chased(day(3, 2)).contains(&case.invoice));
}

#[test]
fn within_the_grace_period_a_promise_still_holds_and_the_day_after_it_is_broken() {
    let mut case = Case::new();
    case.promise_500_by_10_march();
    for waiting in [day(3, 10), day(3, 11), day(3, 13)] {
        assert!(!case.chased(waiting).contains(&case.invoice), "{waiting}");
    }
    assert!(case.held(day(3, 14)).is_empty());
    assert_eq!(
        case.line(day(3, 14)),
        "28 days late, last contact 11 days ago, 1 broken promise: overdue reminder; \
         broke the promise of 3 Mar 2026: promised £500.00 by 10 Mar 2026, nothing received"
    );
}

#[test]
fn a_broken_promise_adds_25_points_and_its_making_counts_as_the_last_contact() {
    let mut case = Case::new();
    let score_of_other = |case: &Case| {
        let queue = case.queue(day(3, 20));
        let item = queue
            .items
            .iter()
            .find(|item| item.invoice_id == case.other);
        item.unwrap().score
    };
    // £90, 34 days late, never contacted: 2 digits × 10 + 34 / 3 + 30 (silence capped) = 61
    assert_eq!(score_of_other(&case), 61);
    let promise = Promise {
        id: String::new(),
        client_id: case.client.clone(),
        invoice_id: Some(case.other.clone()),
        made_on: day(3, 3),
        promised_by: String::new(),
        amount: amount("90.00"),
        currency: Currency::parse("GBP").unwrap(),
        due: day(3, 10),
        channel: String::new(),
        note: String::new(),
    };
    case.ledger.record_promise(promise, &mut case.ids).unwrap();
    // Promised 17 days ago, broken: 20 + 11 + 17 / 2 + 25 = 64
    assert_eq!(score_of_other(&case), 64);
}

#[test]
fn a_kept_promise_ends_the_hold_without_weighing_on_the_score() {
    let mut case = Case::new();
    let before = case
        .queue(day(3, 20))
        .items
        .into_iter()
        .find(|item| item.invoice_id == case.invoice)
        .unwrap();
    case.promise_500_by_10_march();
    case.pay(day(3, 9), "500.00");
    // Kept: the promise no longer holds the rest of the balance, and adds no points.
    let after = case
        .queue(day(3, 20))
        .items
        .into_iter()
        .find(|item| item.invoice_id == case.invoice)
        .unwrap();
    assert_eq!(after.urgency.broken_promises, 0);
    assert!(after.notes.is_empty());
    assert!(after.score <= before.score);
    assert!(case.held(day(3, 20)).is_empty());
}

#[test]
fn a_part_kept_promise_counts_as_broken_and_says_how_much_came() {
    let mut case = Case::new();
    case.promise_500_by_10_march();
    case.pay(day(3, 12), "200.00");
    // Within the grace period the part payment does not yet decide anything.
    assert!(!case.chased(day(3, 12)).contains(&case.invoice));
    let line = case.line(day(3, 14));
    assert!(line.contains("1 broken promise"), "{line}");
    assert!(
        line.ends_with("promised £500.00 by 10 Mar 2026, only £200.00 received"),
        "{line}"
    );
}

#[test]
fn an_open_dispute_of_the_whole_invoice_stops_escalation_and_the_queue_gives_its_age() {
    let mut case = Case::new();
    case.dispute(None);
    assert_eq!(case.advice(day(3, 13)), Advice::ResolveDispute);
    let line = case.line(day(3, 13));
    assert!(
        line.ends_with(": resolve the dispute first (open 12 days)"),
        "{line}"
    );
    // Before it was raised, the ladder escalated as usual.
    assert_eq!(
        case.advice(day(2, 28)),
        Advice::Send(LadderStep::ReminderOverdue)
    );
}

#[test]
fn a_dispute_of_part_leaves_the_undisputed_part_to_chase_and_names_the_disputed_part() {
    let mut case = Case::new();
    case.dispute(Some("200.00"));
    assert_eq!(
        case.advice(day(3, 13)),
        Advice::Send(LadderStep::ReminderOverdue)
    );
    let item = case
        .queue(day(3, 13))
        .items
        .into_iter()
        .find(|item| item.invoice_id == case.invoice)
        .unwrap();
    // Only the undisputed £800 is weighed.
    assert_eq!(item.urgency.outstanding, Decimal::new(800, 0));
    assert!(item.reason().ends_with(
        "overdue reminder; £200.00 disputed for 12 days: resolve that first; \
         chasing the undisputed £800.00"
    ));
}

#[test]
fn an_upheld_dispute_credits_the_disputed_part_and_chasing_resumes_for_the_rest() {
    let mut case = Case::new();
    let dispute = case.dispute(Some("200.00"));
    case.resolve(&dispute, DisputeOutcome::Upheld);
    let credit = case
        .ledger
        .payments
        .iter()
        .find(|payment| payment.method == CREDIT_NOTE)
        .unwrap();
    assert_eq!(credit.amount, amount("200.00"));
    let item = case
        .queue(day(3, 21))
        .items
        .into_iter()
        .find(|item| item.invoice_id == case.invoice)
        .unwrap();
    assert_eq!(item.urgency.outstanding, Decimal::new(800, 0));
    assert!(item.notes.is_empty());
}

#[test]
fn a_rejected_dispute_resumes_chasing_the_whole_balance() {
    let mut case = Case::new();
    let dispute = case.dispute(None);
    assert_eq!(case.advice(day(3, 19)), Advice::ResolveDispute);
    case.resolve(&dispute, DisputeOutcome::Rejected);
    assert_eq!(
        case.advice(day(3, 20)),
        Advice::Send(LadderStep::ReminderOverdue)
    );
    let line = case.line(day(3, 20));
    assert!(line.ends_with(": overdue reminder"), "{line}");
}

#[test]
fn a_settled_dispute_stops_holding_the_ladder_and_leaves_the_terms_to_the_planner() {
    let mut case = Case::new();
    let dispute = case.dispute(None);
    case.resolve(&dispute, DisputeOutcome::Settled);
    // Nothing is credited: the settlement planner records what was agreed.
    assert!(case.ledger.payments.is_empty());
    assert_eq!(
        case.advice(day(3, 20)),
        Advice::Send(LadderStep::ReminderOverdue)
    );
}

#[test]
fn a_paused_invoice_leaves_the_queue_and_returns_on_the_day_the_pause_ends() {
    let mut case = Case::new();
    let invoice = case.invoice.clone();
    case.pause(Some(invoice), day(3, 1), day(3, 15));
    assert!(case.chased(day(2, 28)).contains(&case.invoice));
    for paused in [day(3, 1), day(3, 14)] {
        assert!(!case.chased(paused).contains(&case.invoice), "{paused}");
        assert!(case.chased(paused).contains(&case.other), "{paused}");
    }
    assert_eq!(
        case.held(day(3, 1)),
        [(
            case.invoice.clone(),
            "paused until 15 Mar 2026: Awaiting PO".to_string()
        )]
    );
    assert_eq!(case.advice(day(3, 1)), Advice::Paused(day(3, 15)));
    assert!(case.chased(day(3, 15)).contains(&case.invoice));
}

#[test]
fn a_client_pause_holds_every_invoice_and_ending_it_early_brings_them_back() {
    let mut case = Case::new();
    let pause = case.pause(None, day(3, 1), day(4, 1));
    let queue = case.queue(day(3, 5));
    assert!(queue.items.is_empty());
    assert_eq!(queue.held.len(), 2);
    assert!(queue
        .held
        .iter()
        .all(|held| matches!(held.hold, Hold::Paused { client: true, .. })));
    assert!(queue.held[0]
        .hold
        .line()
        .starts_with("client paused until 1 Apr 2026"));
    case.ledger.end_pause(&pause, day(3, 10)).unwrap();
    assert_eq!(case.chased(day(3, 10)).len(), 2);
    // The days it was paused stay paused in the record.
    assert_eq!(case.queue(day(3, 5)).held.len(), 2);
}

#[test]
fn a_pause_outranks_a_pending_promise_and_an_open_dispute() {
    let mut case = Case::new();
    case.promise_500_by_10_march();
    case.dispute(None);
    let invoice = case.invoice.clone();
    case.pause(Some(invoice), day(3, 4), day(3, 8));
    assert_eq!(case.advice(day(3, 5)), Advice::Paused(day(3, 8)));
    assert_eq!(case.held(day(3, 5)).len(), 1);
    // After the pause, the open dispute comes before the promise.
    assert_eq!(case.advice(day(3, 9)), Advice::ResolveDispute);
}
