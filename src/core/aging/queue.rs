//! The "chase today" queue: the open invoices that need an action on a day, most urgent first.
//!
//! The score adds four parts, all whole numbers:
//! - amount: 10 points per digit of the outstanding amount's whole part (£2,325 → 40);
//! - lateness: one point per three days overdue, at most 60;
//! - silence: one point per two days since the last contact (any activity about the invoice,
//!   or about the client in general), at most 30; with no contact at all, the days overdue;
//! - broken promises: 25 points for each promise to pay logged at least 7 days ago while the
//!   invoice is still open.
//!
//! Ties go to the earlier due date, then the invoice id.

use crate::core::dates::add_days;
use crate::core::fast_map::FastMap;
use crate::core::ladder::{advise, Advice, InvoiceFacts, LadderStep};
use crate::core::ledger::{outstanding_given_paid, Ledger};
use crate::core::model::{activity_kind, Activity};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// One invoice to act on today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueueItem {
    /// The invoice.
    pub invoice_id: String,
    /// Its client.
    pub client_id: String,
    /// The step to take, or [`Advice::ResolveDispute`].
    pub advice: Advice,
    /// The urgency score (see the module docs).
    pub score: i64,
    /// One line saying why, such as `47 days late, last contact 21 days ago: final notice`.
    pub reason: String,
    /// Days past the due date (zero or less before it).
    pub days_overdue: i64,
    /// What is owed.
    pub outstanding: Decimal,
}

fn digits(amount: Decimal) -> i64 {
    amount
        .trunc()
        .abs()
        .to_string()
        .trim_start_matches('0')
        .len() as i64
}

fn ladder_letters<'a>(
    activities: impl Iterator<Item = &'a Activity>,
) -> Vec<(LadderStep, NaiveDate)> {
    activities
        .filter(|a| a.kind == activity_kind::LETTER)
        .filter_map(|a| Some((LadderStep::from_id(a.step.as_deref()?)?, a.date)))
        .collect()
}

/// What the ladder recommends for one invoice on a day.
pub fn advice_for(ledger: &Ledger, invoice_id: &str, as_of: NaiveDate) -> Advice {
    let Some(invoice) = ledger.invoice(invoice_id) else {
        return Advice::Nothing;
    };
    let sent = ladder_letters(
        ledger
            .activities
            .iter()
            .filter(|a| a.invoice_id.as_deref() == Some(invoice_id) && a.date <= as_of),
    );
    advise(&InvoiceFacts {
        as_of,
        due_date: invoice.due_date,
        open: ledger.outstanding(invoice, as_of) > Decimal::ZERO,
        disputed: invoice.disputed,
        any_payment: ledger.paid(invoice_id, as_of) > Decimal::ZERO,
        sent: &sent,
    })
}

/// Builds the queue for a day.
pub fn chase_queue(ledger: &Ledger, as_of: NaiveDate) -> Vec<QueueItem> {
    let paid = ledger.paid_by_invoice(as_of);
    let mut by_invoice: FastMap<&str, Vec<&Activity>> = FastMap::default();
    let mut by_client: FastMap<&str, NaiveDate> = FastMap::default();
    for activity in ledger.activities.iter().filter(|a| a.date <= as_of) {
        match &activity.invoice_id {
            Some(invoice_id) => by_invoice
                .entry(invoice_id.as_str())
                .or_default()
                .push(activity),
            None => {
                let last = by_client
                    .entry(activity.client_id.as_str())
                    .or_insert(activity.date);
                *last = (*last).max(activity.date);
            }
        }
    }
    let mut queue: Vec<(QueueItem, NaiveDate)> = ledger
        .invoices
        .iter()
        .filter(|invoice| invoice.issue_date <= as_of)
        .filter_map(|invoice| {
            let outstanding = outstanding_given_paid(
                invoice,
                paid.get(invoice.id.as_str()).copied().unwrap_or_default(),
                as_of,
            );
            if outstanding <= Decimal::ZERO {
                return None;
            }
            let activities = by_invoice
                .get(invoice.id.as_str())
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            let sent = ladder_letters(activities.iter().copied());
            let advice = advise(&InvoiceFacts {
                as_of,
                due_date: invoice.due_date,
                open: true,
                disputed: invoice.disputed,
                any_payment: false,
                sent: &sent,
            });
            if !matches!(advice, Advice::Send(_) | Advice::ResolveDispute) {
                return None;
            }
            let days_overdue = (as_of - invoice.due_date).num_days();
            let last_contact = activities
                .iter()
                .map(|a| a.date)
                .chain(by_client.get(invoice.client_id.as_str()).copied())
                .max();
            let silence = last_contact.map(|date| (as_of - date).num_days());
            let broken = activities
                .iter()
                .filter(|a| a.kind == activity_kind::PROMISE && add_days(a.date, 7) <= as_of)
                .count() as i64;
            let score = digits(outstanding) * 10
                + (days_overdue.max(0) / 3).min(60)
                + silence.map_or(days_overdue.max(0), |days| days / 2).min(30)
                + broken * 25;
            let lateness = match days_overdue {
                d if d > 0 => format!("{d} days late"),
                0 => "due today".into(),
                d => format!("due in {} days", -d),
            };
            let contact = match silence {
                Some(0) => ", last contact today".to_string(),
                Some(days) => format!(", last contact {days} days ago"),
                None => ", no contact yet".to_string(),
            };
            let promises = match broken {
                0 => String::new(),
                1 => ", 1 broken promise".into(),
                n => format!(", {n} broken promises"),
            };
            let action = match advice {
                Advice::Send(step) => step.label().to_lowercase(),
                _ => "resolve the dispute first".into(),
            };
            Some((
                QueueItem {
                    invoice_id: invoice.id.clone(),
                    client_id: invoice.client_id.clone(),
                    advice,
                    score,
                    reason: format!("{lateness}{contact}{promises}: {action}"),
                    days_overdue,
                    outstanding,
                },
                invoice.due_date,
            ))
        })
        .collect();
    queue.sort_by(|(a, a_due), (b, b_due)| {
        b.score
            .cmp(&a.score)
            .then_with(|| a_due.cmp(b_due))
            .then_with(|| a.invoice_id.cmp(&b.invoice_id))
    });
    queue.into_iter().map(|(item, _)| item).collect()
}
