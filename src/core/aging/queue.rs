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

use super::{client_position, open_invoices, AgingOptions, Buckets};
use crate::core::books::Books;
use crate::core::dates::add_days;
use crate::core::ladder::{advise, Advice, InvoiceFacts, LadderStep};
use crate::core::ledger::Ledger;
use crate::core::model::{activity_kind, Activity};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// One invoice to act on today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueueItem {
    /// The invoice.
    pub invoice_id: String,
    /// Its position in the books.
    pub position: usize,
    /// Its client.
    pub client_id: String,
    /// The step to take, or [`Advice::ResolveDispute`].
    pub advice: Advice,
    /// What the score weighs.
    pub urgency: Urgency,
    /// The urgency score (see the module docs).
    pub score: i64,
}

impl QueueItem {
    /// One line saying why, such as `47 days late, last contact 21 days ago: final notice`.
    pub fn reason(&self) -> String {
        reason(&self.urgency, self.advice)
    }
}

/// What the queue weighs about one open invoice on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Urgency {
    /// What is owed.
    pub outstanding: Decimal,
    /// Days past the due date (zero or less before it).
    pub days_overdue: i64,
    /// Days since the last contact about the invoice or the client, if there was any.
    pub days_since_contact: Option<i64>,
    /// Promises to pay logged at least 7 days ago while the invoice is still open.
    pub broken_promises: i64,
}

/// The urgency score: amount, lateness, silence and broken promises (see the module docs).
pub fn score(urgency: &Urgency) -> i64 {
    let late = urgency.days_overdue.max(0);
    digits(urgency.outstanding) * 10
        + (late / 3).min(60)
        + urgency
            .days_since_contact
            .map_or(late, |days| days / 2)
            .min(30)
        + urgency.broken_promises * 25
}

/// One line saying why the invoice is in the queue and what to do, such as
/// `47 days late, last contact 21 days ago: final notice`.
pub fn reason(urgency: &Urgency, advice: Advice) -> String {
    let lateness = match urgency.days_overdue {
        days if days > 0 => format!("{days} days late"),
        0 => "due today".into(),
        days => format!("due in {} days", -days),
    };
    let contact = match urgency.days_since_contact {
        Some(0) => ", last contact today".to_string(),
        Some(days) => format!(", last contact {days} days ago"),
        None => ", no contact yet".to_string(),
    };
    let promises = match urgency.broken_promises {
        0 => String::new(),
        1 => ", 1 broken promise".into(),
        count => format!(", {count} broken promises"),
    };
    let action = match advice {
        Advice::Send(step) => step.label().to_lowercase(),
        _ => "resolve the dispute first".into(),
    };
    format!("{lateness}{contact}{promises}: {action}")
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
        .filter(|activity| activity.kind == activity_kind::LETTER)
        .filter_map(|activity| {
            Some((
                LadderStep::from_id(activity.step.as_deref()?)?,
                activity.date,
            ))
        })
        .collect()
}

/// What the ladder recommends for one invoice on a day.
pub fn advice_for(ledger: &Ledger, invoice_id: &str, as_of: NaiveDate) -> Advice {
    let Some(invoice) = ledger.invoice(invoice_id) else {
        return Advice::Nothing;
    };
    let sent = ladder_letters(ledger.activities.iter().filter(|activity| {
        activity.invoice_id.as_deref() == Some(invoice_id) && activity.date <= as_of
    }));
    advise(&InvoiceFacts {
        as_of,
        due_date: invoice.due_date,
        open: ledger.outstanding(invoice, as_of) > Decimal::ZERO,
        disputed: invoice.disputed,
        any_payment: ledger.paid(invoice_id, as_of) > Decimal::ZERO,
        sent: &sent,
    })
}

/// Activities dated by the day, by invoice position, and the last general contact per client
/// position.
struct Contacts<'a> {
    by_invoice: Vec<Vec<&'a Activity>>,
    last_by_client: Vec<Option<NaiveDate>>,
}

impl<'a> Contacts<'a> {
    fn gather(books: &'a Books, as_of: NaiveDate) -> Contacts<'a> {
        let mut contacts = Contacts {
            by_invoice: vec![Vec::new(); books.invoices.len()],
            last_by_client: vec![None; books.clients.len()],
        };
        for activity in books
            .activities
            .iter()
            .filter(|activity| activity.date <= as_of)
        {
            match &activity.invoice_id {
                Some(invoice_id) => {
                    if let Some(position) = books.invoice_position(invoice_id) {
                        contacts.by_invoice[position].push(activity);
                    }
                }
                None => {
                    let client_at = books
                        .client(&activity.client_id)
                        .and_then(|client| books.clients.element_offset(client));
                    if let Some(last) = client_at.map(|at| &mut contacts.last_by_client[at]) {
                        *last = (*last).max(Some(activity.date));
                    }
                }
            }
        }
        contacts
    }
}

/// Builds the queue for a day: every open invoice whose ladder says to send a letter or to
/// resolve a dispute, by [`score`], then the earlier due date, then the invoice id.
pub fn chase_queue(books: &Books, as_of: NaiveDate) -> Vec<QueueItem> {
    let contacts = Contacts::gather(books, as_of);
    let options = AgingOptions {
        as_of,
        buckets: Buckets::default(),
        by_issue_date: false,
        include_disputed: true,
    };
    let mut queue: Vec<(QueueItem, NaiveDate)> = open_invoices(books, &options)
        .filter_map(|aged| {
            let invoice = aged.invoice;
            let activities = contacts.by_invoice[aged.position].as_slice();
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
            let last_contact = activities
                .iter()
                .map(|activity| activity.date)
                .chain(
                    client_position(books, aged.position)
                        .and_then(|client_at| contacts.last_by_client[client_at]),
                )
                .max();
            let urgency = Urgency {
                outstanding: aged.outstanding,
                days_overdue: aged.days,
                days_since_contact: last_contact.map(|date| (as_of - date).num_days()),
                broken_promises: activities
                    .iter()
                    .filter(|activity| {
                        activity.kind == activity_kind::PROMISE
                            && add_days(activity.date, 7) <= as_of
                    })
                    .count() as i64,
            };
            Some((
                QueueItem {
                    invoice_id: invoice.id.clone(),
                    position: aged.position,
                    client_id: invoice.client_id.clone(),
                    advice,
                    score: score(&urgency),
                    urgency,
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
