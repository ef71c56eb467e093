//! Where an invoice stands on a day by its case file: paused, disputed, promised, promises broken.

use super::{disputed_part, promise_covers, promise_status, PromiseState, PromiseStatus};
use crate::core::books::Books;
use crate::core::fast_map::FastMap;
use crate::core::ledger::Ledger;
use crate::core::model::{Dispute, Invoice, Pause, Promise};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// What the case file says about one open invoice on a day.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Standing<'a> {
    /// The pause keeping the invoice out of the queue (its own or its client's).
    pub pause: Option<&'a Pause>,
    /// The open dispute, if any.
    pub dispute: Option<&'a Dispute>,
    /// The part of the balance the open dispute covers (zero without one).
    pub disputed: Decimal,
    /// The latest pending promise covering the invoice, with its status.
    pub pending: Option<(&'a Promise, PromiseStatus)>,
    /// The promises covering the invoice that were broken or only part-kept, latest made first.
    pub broken: Vec<(&'a Promise, PromiseStatus)>,
}

impl Standing<'_> {
    /// True when an open dispute covers everything still owed, so nothing is left to chase.
    pub fn wholly_disputed(&self, outstanding: Decimal) -> bool {
        self.dispute.is_some() && self.disputed >= outstanding
    }

    /// The day a pause ends, while one is active.
    pub fn paused_until(&self) -> Option<NaiveDate> {
        self.pause.map(|pause| pause.until)
    }

    /// The last day a pending promise can still be kept.
    pub fn promised_until(&self) -> Option<NaiveDate> {
        self.pending.as_ref().map(|(_, status)| status.deadline)
    }
}

/// Where `invoice` (owing `outstanding`) stands on `as_of`, from the case records that may
/// concern it: promises with their status, and the disputes and pauses of its client.
pub fn standing<'a>(
    invoice: &Invoice,
    outstanding: Decimal,
    as_of: NaiveDate,
    promises: impl IntoIterator<Item = (&'a Promise, PromiseStatus)>,
    disputes: impl IntoIterator<Item = &'a Dispute>,
    pauses: impl IntoIterator<Item = &'a Pause>,
) -> Standing<'a> {
    let pause = pauses
        .into_iter()
        .filter(|p| p.client_id == invoice.client_id && p.is_active(as_of))
        .filter(|p| p.invoice_id.as_deref().is_none_or(|id| id == invoice.id))
        .max_by_key(|p| p.until);
    let dispute = disputes
        .into_iter()
        .filter(|d| d.invoice_id == invoice.id && d.is_open(as_of))
        .max_by_key(|d| d.opened_on);
    let mut covering: Vec<(&Promise, PromiseStatus)> = promises
        .into_iter()
        .filter(|(p, _)| p.made_on <= as_of && promise_covers(p, invoice))
        .collect();
    covering.sort_by(|(a, _), (b, _)| b.made_on.cmp(&a.made_on).then_with(|| b.id.cmp(&a.id)));
    let pending = covering
        .iter()
        .find(|(_, status)| status.state == PromiseState::Pending)
        .cloned();
    let broken = covering
        .into_iter()
        .filter(|(_, status)| matches!(status.state, PromiseState::Broken | PromiseState::PartKept))
        .collect();
    Standing {
        pause,
        dispute,
        disputed: dispute.map_or(Decimal::ZERO, |d| disputed_part(d, outstanding)),
        pending,
        broken,
    }
}

/// Where one invoice stands on `as_of`, looking through the whole ledger (for one page; the
/// queue uses a [`CaseIndex`]).
pub fn standing_of<'a>(
    ledger: &'a Ledger,
    invoice: &Invoice,
    outstanding: Decimal,
    as_of: NaiveDate,
) -> Standing<'a> {
    let grace = ledger.settings.promise_grace_days;
    let promises = ledger
        .promises
        .iter()
        .filter(|p| promise_covers(p, invoice))
        .map(|p| (p, promise_status(ledger, p, grace, as_of)));
    standing(
        invoice,
        outstanding,
        as_of,
        promises,
        &ledger.disputes,
        &ledger.pauses,
    )
}

/// The case records of a day, grouped by the invoice (and client) they concern, so the queue
/// and the aging report look up each invoice's in constant time. Each promise's status is
/// worked out once.
#[derive(Debug, Default)]
pub struct CaseIndex<'a> {
    as_of: NaiveDate,
    promises_of_invoice: FastMap<usize, Vec<(&'a Promise, PromiseStatus)>>,
    promises_of_client: FastMap<&'a str, Vec<(&'a Promise, PromiseStatus)>>,
    disputes_of_invoice: FastMap<usize, Vec<&'a Dispute>>,
    pauses_of_client: FastMap<&'a str, Vec<&'a Pause>>,
}

impl<'a> CaseIndex<'a> {
    /// Groups the books' disputes open on `as_of` only (all the aging report needs).
    pub fn disputes(books: &'a Books, as_of: NaiveDate) -> CaseIndex<'a> {
        let mut index = CaseIndex {
            as_of,
            ..CaseIndex::default()
        };
        for dispute in books.disputes.iter().filter(|d| d.is_open(as_of)) {
            if let Some(at) = books.invoice_position(&dispute.invoice_id) {
                index
                    .disputes_of_invoice
                    .entry(at)
                    .or_default()
                    .push(dispute);
            }
        }
        index
    }

    /// Groups the books' promises, disputes open on `as_of` and pauses active on it.
    pub fn new(books: &'a Books, as_of: NaiveDate) -> CaseIndex<'a> {
        let mut index = CaseIndex::disputes(books, as_of);
        let grace = books.settings.promise_grace_days;
        for promise in books.promises.iter().filter(|p| p.made_on <= as_of) {
            let status = promise_status(books, promise, grace, as_of);
            match &promise.invoice_id {
                Some(invoice_id) => {
                    if let Some(at) = books.invoice_position(invoice_id) {
                        index
                            .promises_of_invoice
                            .entry(at)
                            .or_default()
                            .push((promise, status));
                    }
                }
                None => index
                    .promises_of_client
                    .entry(promise.client_id.as_str())
                    .or_default()
                    .push((promise, status)),
            }
        }
        for pause in books.pauses.iter().filter(|p| p.is_active(as_of)) {
            index
                .pauses_of_client
                .entry(pause.client_id.as_str())
                .or_default()
                .push(pause);
        }
        index
    }

    /// The part of the invoice at `position` (owing `outstanding`) an open dispute covers.
    pub fn disputed(&self, books: &Books, position: usize, outstanding: Decimal) -> Decimal {
        self.disputes_of_invoice
            .get(&position)
            .and_then(|disputes| disputes.iter().max_by_key(|d| d.opened_on))
            .filter(|d| d.invoice_id == books.invoices[position].id)
            .map_or(Decimal::ZERO, |d| disputed_part(d, outstanding))
    }

    /// Where the invoice at `position` (owing `outstanding`) stands.
    pub fn standing(
        &self,
        books: &'a Books,
        position: usize,
        outstanding: Decimal,
    ) -> Standing<'a> {
        let invoice = &books.invoices[position];
        let client = invoice.client_id.as_str();
        let promises = self
            .promises_of_invoice
            .get(&position)
            .into_iter()
            .chain(self.promises_of_client.get(client))
            .flatten()
            .cloned();
        let disputes = self
            .disputes_of_invoice
            .get(&position)
            .into_iter()
            .flatten()
            .copied();
        let pauses = self
            .pauses_of_client
            .get(client)
            .into_iter()
            .flatten()
            .copied();
        standing(invoice, outstanding, self.as_of, promises, disputes, pauses)
    }
}
