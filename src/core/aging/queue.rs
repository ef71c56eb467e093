//! The "chase today" queue: the open invoices that need an action on a day, most urgent first,
//! and the invoices waiting on something the client said or that was agreed.
//!
//! What the case file says decides first (see [`crate::core::ladder`]):
//! - a paused invoice (or one of a paused client) leaves the queue until the pause's `until`
//!   date and is listed as waiting, "paused until 15 Mar 2026: awaiting PO";
//! - a pending promise to pay keeps the invoice out of the queue until the promised date plus
//!   the grace period set in Settings, listed as waiting, "promised £500.00 by 10 Mar 2026";
//! - a broken or part-kept promise brings it back with extra weight, and the line says so;
//! - an open dispute of the whole balance puts "resolve the dispute first" on the line, with
//!   the dispute's age; a dispute of part of it leaves the undisputed part to be chased, and the
//!   line names the disputed part.
//!
//! The score adds four parts, all whole numbers:
//! - amount: 10 points per digit of the whole part of what is chased, the balance less any
//!   disputed part (the whole balance when all of it is disputed; £2,325 → 40);
//! - lateness: one point per three days overdue, at most 60;
//! - silence: one point per two days since the last contact (any activity about the invoice or
//!   about the client in general, a promise made, a dispute raised), at most 30; with no contact
//!   at all, the days overdue;
//! - broken promises: 25 points for each promise to pay covering the invoice that was broken
//!   or only part-kept (its promised date plus the grace period passed without the full amount).
//!
//! Ties go to the earlier due date, then the invoice id.

use super::{client_position, open_invoices, AgingOptions, Buckets};
use crate::core::books::Books;
use crate::core::case::{promise_phrase, standing_of, CaseIndex, PromiseState, Standing};
use crate::core::currency::Currency;
use crate::core::dates::format_date;
use crate::core::ladder::{advise, Advice, InvoiceFacts, LadderStep};
use crate::core::ledger::Ledger;
use crate::core::model::{activity_kind, Activity, Invoice};
use crate::core::money::format_money;
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
    /// What the case file adds to the line: the latest broken promise, a disputed part.
    pub notes: Vec<String>,
}

impl QueueItem {
    /// One line saying why, such as `47 days late, last contact 21 days ago: final notice`,
    /// followed by the case file's notes.
    pub fn reason(&self) -> String {
        let mut line = reason(&self.urgency, self.advice);
        for note in &self.notes {
            line.push_str("; ");
            line.push_str(note);
        }
        line
    }
}

/// What the queue weighs about one open invoice on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Urgency {
    /// What is chased: the balance less any disputed part (all of it when wholly disputed).
    pub outstanding: Decimal,
    /// Days past the due date (zero or less before it).
    pub days_overdue: i64,
    /// Days since the last contact about the invoice or the client, if there was any.
    pub days_since_contact: Option<i64>,
    /// Promises to pay covering the invoice that were broken or only part-kept.
    pub broken_promises: i64,
    /// Days since the open dispute was raised, while one is open.
    pub dispute_days: Option<i64>,
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
        + urgency.broken_promises * BROKEN_PROMISE_POINTS
}

/// Points a broken or part-kept promise adds to the score.
pub const BROKEN_PROMISE_POINTS: i64 = 25;

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
        _ => match urgency.dispute_days {
            Some(1) => "resolve the dispute first (open 1 day)".into(),
            Some(days) => format!("resolve the dispute first (open {days} days)"),
            None => "resolve the dispute first".into(),
        },
    };
    format!("{lateness}{contact}{promises}: {action}")
}

/// What became of the latest broken or part-kept promise, such as
/// `broke the promise of 3 Mar 2026: promised £500.00 by 10 Mar 2026, nothing received`.
pub fn broken_promise_note(standing: &Standing) -> Option<String> {
    let (promise, status) = standing.broken.first()?;
    let received = match status.state {
        PromiseState::PartKept => format!(
            "only {} received",
            format_money(status.paid, &promise.currency)
        ),
        _ => "nothing received".into(),
    };
    Some(format!(
        "broke the promise of {}: {}, {received}",
        format_date(promise.made_on),
        promise_phrase(promise)
    ))
}

/// The note for a dispute of part of the balance, such as
/// `£200.00 disputed for 12 days: resolve that first; chasing the undisputed £800.00`.
fn part_dispute_note(
    standing: &Standing,
    outstanding: Decimal,
    currency: &Currency,
    as_of: NaiveDate,
) -> Option<String> {
    let dispute = standing.dispute?;
    if standing.wholly_disputed(outstanding) {
        return None;
    }
    Some(format!(
        "{} disputed for {} days: resolve that first; chasing the undisputed {}",
        format_money(standing.disputed, currency),
        (as_of - dispute.opened_on).num_days(),
        format_money(outstanding - standing.disputed, currency)
    ))
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

/// The ladder's facts about an open (or paid) invoice from its case standing.
fn facts<'a>(
    as_of: NaiveDate,
    invoice: &Invoice,
    outstanding: Decimal,
    standing: &Standing,
    any_payment: bool,
    sent: &'a [(LadderStep, NaiveDate)],
) -> InvoiceFacts<'a> {
    InvoiceFacts {
        as_of,
        due_date: invoice.due_date,
        open: outstanding > Decimal::ZERO,
        disputed: standing.wholly_disputed(outstanding),
        paused_until: standing.paused_until(),
        promised_until: standing.promised_until(),
        any_payment,
        sent,
    }
}

/// What the ladder recommends for one invoice on a day, given its pauses, disputes and promises.
pub fn advice_for(ledger: &Ledger, invoice_id: &str, as_of: NaiveDate) -> Advice {
    let Some(invoice) = ledger.invoice(invoice_id) else {
        return Advice::Nothing;
    };
    let sent = ladder_letters(ledger.activities.iter().filter(|activity| {
        activity.invoice_id.as_deref() == Some(invoice_id) && activity.date <= as_of
    }));
    let outstanding = ledger.outstanding(invoice, as_of);
    let standing = standing_of(ledger, invoice, outstanding, as_of);
    advise(&facts(
        as_of,
        invoice,
        outstanding,
        &standing,
        ledger.paid(invoice_id, as_of) > Decimal::ZERO,
        &sent,
    ))
}

/// Why an open invoice is waiting rather than chased.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hold {
    /// The client promised to pay: the promise, and the last day it can still be kept.
    Promised {
        /// "promised £500.00 by 10 Mar 2026".
        phrase: String,
        /// The promised date plus the grace period.
        until: NaiveDate,
    },
    /// Chasing is paused until a day, for a reason; `client` when the whole client is paused.
    Paused {
        /// The day chasing resumes.
        until: NaiveDate,
        /// Why.
        reason: String,
        /// The pause covers every invoice of the client.
        client: bool,
    },
}

impl Hold {
    /// The day the invoice comes back to the queue (unless paid).
    pub fn returns_on(&self) -> NaiveDate {
        match self {
            Hold::Promised { until, .. } => crate::core::dates::add_days(*until, 1),
            Hold::Paused { until, .. } => *until,
        }
    }

    /// One line for people, such as `promised £500.00 by 10 Mar 2026` or
    /// `paused until 15 Mar 2026: awaiting PO`.
    pub fn line(&self) -> String {
        match self {
            Hold::Promised { phrase, until } => {
                format!("{phrase} (waiting until {})", format_date(*until))
            }
            Hold::Paused {
                until,
                reason,
                client,
            } => format!(
                "{} until {}: {reason}",
                if *client { "client paused" } else { "paused" },
                format_date(*until)
            ),
        }
    }

    /// True for a pause.
    pub fn is_pause(&self) -> bool {
        matches!(self, Hold::Paused { .. })
    }
}

/// One open invoice that is not chased today, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldItem {
    /// The invoice.
    pub invoice_id: String,
    /// Its position in the books.
    pub position: usize,
    /// What is owed.
    pub outstanding: Decimal,
    /// Why it waits.
    pub hold: Hold,
}

/// The day's queue and the invoices waiting.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Queue {
    /// What to chase, most urgent first.
    pub items: Vec<QueueItem>,
    /// What waits on a promise or a pause, the soonest to return first.
    pub held: Vec<HeldItem>,
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
    queue(books, as_of).items
}

/// Builds the day's queue and the list of invoices waiting on a promise or a pause.
pub fn queue(books: &Books, as_of: NaiveDate) -> Queue {
    let contacts = Contacts::gather(books, as_of);
    let case = CaseIndex::new(books, as_of);
    let options = AgingOptions {
        as_of,
        buckets: Buckets::default(),
        by_issue_date: false,
        include_disputed: true,
    };
    let mut held = Vec::new();
    let mut items: Vec<(QueueItem, NaiveDate)> = Vec::new();
    for aged in open_invoices(books, &options) {
        let invoice = aged.invoice;
        let standing = case.standing(books, aged.position, aged.outstanding);
        let activities = contacts.by_invoice[aged.position].as_slice();
        let sent = ladder_letters(activities.iter().copied());
        let advice = advise(&facts(
            as_of,
            invoice,
            aged.outstanding,
            &standing,
            false,
            &sent,
        ));
        let hold = match advice {
            Advice::Paused(until) => standing.pause.map(|pause| Hold::Paused {
                until,
                reason: pause.reason.clone(),
                client: pause.invoice_id.is_none(),
            }),
            Advice::AwaitPromise(until) => {
                standing
                    .pending
                    .as_ref()
                    .map(|(promise, _)| Hold::Promised {
                        phrase: promise_phrase(promise),
                        until,
                    })
            }
            Advice::Send(_) | Advice::ResolveDispute => None,
            _ => continue,
        };
        if let Some(hold) = hold {
            held.push(HeldItem {
                invoice_id: invoice.id.clone(),
                position: aged.position,
                outstanding: aged.outstanding,
                hold,
            });
            continue;
        }
        let last_contact = activities
            .iter()
            .map(|activity| activity.date)
            .chain(
                client_position(books, aged.position)
                    .and_then(|client_at| contacts.last_by_client[client_at]),
            )
            .chain(standing.broken.iter().map(|(promise, _)| promise.made_on))
            .chain(standing.dispute.map(|dispute| dispute.opened_on))
            .max();
        let wholly_disputed = standing.wholly_disputed(aged.outstanding);
        let urgency = Urgency {
            outstanding: if wholly_disputed {
                aged.outstanding
            } else {
                aged.outstanding - standing.disputed
            },
            days_overdue: aged.days,
            days_since_contact: last_contact.map(|date| (as_of - date).num_days()),
            broken_promises: standing.broken.len() as i64,
            dispute_days: standing
                .dispute
                .filter(|_| wholly_disputed)
                .map(|dispute| (as_of - dispute.opened_on).num_days()),
        };
        let notes = broken_promise_note(&standing)
            .into_iter()
            .chain(part_dispute_note(
                &standing,
                aged.outstanding,
                &invoice.currency,
                as_of,
            ))
            .collect();
        items.push((
            QueueItem {
                invoice_id: invoice.id.clone(),
                position: aged.position,
                client_id: invoice.client_id.clone(),
                advice,
                score: score(&urgency),
                urgency,
                notes,
            },
            invoice.due_date,
        ));
    }
    items.sort_by(|(a, a_due), (b, b_due)| {
        b.score
            .cmp(&a.score)
            .then_with(|| a_due.cmp(b_due))
            .then_with(|| a.invoice_id.cmp(&b.invoice_id))
    });
    held.sort_by(|a, b| {
        a.hold
            .returns_on()
            .cmp(&b.hold.returns_on())
            .then_with(|| a.invoice_id.cmp(&b.invoice_id))
    });
    Queue {
        items: items.into_iter().map(|(item, _)| item).collect(),
        held,
    }
}
