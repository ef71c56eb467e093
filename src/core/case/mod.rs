//! The case file: what the client said (promises, disputes) and what we agreed (pauses) decide
//! whether and how an invoice is chased; letters are kept exactly as sent.

use crate::core::error::FieldError;
use crate::core::ids::{IdSource, RecordKind};
use crate::core::ledger::Ledger;
use crate::core::model::{
    activity_kind, Activity, Dispute, DisputeOutcome, Invoice, Pause, Payment, Promise, Resolution,
    SentLetter,
};
use crate::core::money::{format_money, Amount};
use chrono::NaiveDate;
use rust_decimal::Decimal;

pub mod forms;
mod standing;
#[cfg(test)]
mod tests;

pub use standing::{standing, standing_of, CaseIndex, Standing};

/// Where a promise to pay stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PromiseState {
    /// The promised date (plus the grace period) has not passed and it is not yet paid.
    Pending,
    /// The promised amount arrived by the promised date plus the grace period.
    Kept,
    /// Some, but not all, of the promised amount arrived in time.
    PartKept,
    /// Nothing arrived in time.
    Broken,
}

impl PromiseState {
    /// The identifier used in hooks: `pending`, `kept`, `part-kept`, `broken`.
    pub fn id(self) -> &'static str {
        match self {
            PromiseState::Pending => "pending",
            PromiseState::Kept => "kept",
            PromiseState::PartKept => "part-kept",
            PromiseState::Broken => "broken",
        }
    }

    /// A short word for people.
    pub fn label(self) -> &'static str {
        match self {
            PromiseState::Pending => "Pending",
            PromiseState::Kept => "Kept",
            PromiseState::PartKept => "Part-kept",
            PromiseState::Broken => "Broken",
        }
    }
}

/// A promise's standing on a day, with what has been paid towards it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PromiseStatus {
    /// Where it stands.
    pub state: PromiseState,
    /// Paid towards it from the day it was made to the end of its grace period (or `as_of`).
    pub paid: Decimal,
    /// The last day a payment still counts as on time: the promised date plus the grace days.
    pub deadline: NaiveDate,
}

/// True when the payment counts towards the promise: on its invoice (or, for an account
/// promise, on any invoice of the client in the promise's currency).
fn counts_towards(ledger: &Ledger, promise: &Promise, payment: &Payment) -> bool {
    match &promise.invoice_id {
        Some(invoice_id) => payment.invoice_id == *invoice_id,
        None => ledger.invoice(&payment.invoice_id).is_some_and(|invoice| {
            invoice.client_id == promise.client_id && invoice.currency == promise.currency
        }),
    }
}

/// Where `promise` stands on `as_of`, given payments dated from the day it was made up to the
/// promised date plus `grace_days`.
pub fn promise_status(
    ledger: &Ledger,
    promise: &Promise,
    grace_days: u32,
    as_of: NaiveDate,
) -> PromiseStatus {
    let deadline = crate::core::dates::add_days(promise.due, i64::from(grace_days));
    let counted_to = deadline.min(as_of);
    let paid: Decimal = ledger
        .payments
        .iter()
        .filter(|p| p.date >= promise.made_on && p.date <= counted_to)
        .filter(|p| counts_towards(ledger, promise, p))
        .map(|p| p.amount.value())
        .sum();
    let state = if paid >= promise.amount.value() {
        PromiseState::Kept
    } else if as_of <= deadline {
        PromiseState::Pending
    } else if paid > Decimal::ZERO {
        PromiseState::PartKept
    } else {
        PromiseState::Broken
    };
    PromiseStatus {
        state,
        paid,
        deadline,
    }
}

/// True when the promise covers `invoice`: made on it, or on its client's account in its currency.
pub fn promise_covers(promise: &Promise, invoice: &Invoice) -> bool {
    match &promise.invoice_id {
        Some(invoice_id) => *invoice_id == invoice.id,
        None => promise.client_id == invoice.client_id && promise.currency == invoice.currency,
    }
}

/// The latest promise (by the day it was made) covering `invoice` and made by `as_of`.
pub fn latest_promise<'a>(
    ledger: &'a Ledger,
    invoice: &Invoice,
    as_of: NaiveDate,
) -> Option<&'a Promise> {
    ledger
        .promises
        .iter()
        .filter(|p| p.made_on <= as_of && promise_covers(p, invoice))
        .max_by(|a, b| a.made_on.cmp(&b.made_on).then_with(|| a.id.cmp(&b.id)))
}

/// The dispute of `invoice` open on `as_of`, if any (the latest opened, should there be two).
pub fn open_dispute<'a>(
    ledger: &'a Ledger,
    invoice_id: &str,
    as_of: NaiveDate,
) -> Option<&'a Dispute> {
    ledger
        .disputes
        .iter()
        .filter(|d| d.invoice_id == invoice_id && d.is_open(as_of))
        .max_by_key(|d| d.opened_on)
}

/// The part of `outstanding` that an open dispute covers: the disputed amount, at most what
/// is outstanding, or all of it when the whole invoice is disputed.
pub fn disputed_part(dispute: &Dispute, outstanding: Decimal) -> Decimal {
    match dispute.amount {
        Some(amount) => amount.value().min(outstanding).max(Decimal::ZERO),
        None => outstanding.max(Decimal::ZERO),
    }
}

/// The pause that keeps `invoice` out of the queue on `as_of` (its own or its client's),
/// the one that ends last when there are several.
pub fn active_pause<'a>(
    ledger: &'a Ledger,
    invoice: &Invoice,
    as_of: NaiveDate,
) -> Option<&'a Pause> {
    ledger
        .pauses
        .iter()
        .filter(|p| p.client_id == invoice.client_id && p.is_active(as_of))
        .filter(|p| p.invoice_id.as_deref().is_none_or(|id| id == invoice.id))
        .max_by_key(|p| p.until)
}

/// Keeps each invoice's `disputed` flag (the backup format's) in step with its dispute
/// records: a flag with no unresolved dispute becomes one, opened on the due date with a
/// generic reason, and the flag is set exactly when an unresolved dispute exists.
pub fn sync_disputes(ledger: &mut Ledger) {
    let flagged: Vec<(String, String, NaiveDate)> = ledger
        .invoices
        .iter()
        .filter(|invoice| invoice.disputed)
        .filter(|invoice| {
            !ledger
                .disputes
                .iter()
                .any(|d| d.invoice_id == invoice.id && d.resolution.is_none())
        })
        .map(|invoice| {
            (
                invoice.id.clone(),
                invoice.client_id.clone(),
                invoice.due_date,
            )
        })
        .collect();
    for (invoice_id, client_id, due_date) in flagged {
        let mut id = format!("d-{invoice_id}");
        while ledger.disputes.iter().any(|d| d.id == id) {
            id.push('\'');
        }
        ledger.disputes.push(Dispute {
            id,
            client_id,
            invoice_id,
            opened_on: due_date,
            reason: "Marked as disputed (no details recorded)".into(),
            amount: None,
            notes: String::new(),
            resolution: None,
        });
    }
    let unresolved: std::collections::HashSet<&str> = ledger
        .disputes
        .iter()
        .filter(|d| d.resolution.is_none())
        .map(|d| d.invoice_id.as_str())
        .collect();
    let unresolved: std::collections::HashSet<String> =
        unresolved.into_iter().map(str::to_string).collect();
    for invoice in &mut ledger.invoices {
        invoice.disputed = unresolved.contains(&invoice.id);
    }
}

fn invoice_of<'a>(ledger: &'a Ledger, invoice_id: &str) -> Result<&'a Invoice, FieldError> {
    ledger
        .invoice(invoice_id)
        .ok_or_else(|| FieldError::NotFound(format!("invoice {invoice_id}")))
}

fn check_client(ledger: &Ledger, client_id: &str) -> Result<(), FieldError> {
    ledger
        .client(client_id)
        .map(|_| ())
        .ok_or_else(|| FieldError::NotFound(format!("client {client_id}")))
}

/// Checks that an optional invoice exists and belongs to the client.
fn check_invoice_of_client(
    ledger: &Ledger,
    client_id: &str,
    invoice_id: Option<&str>,
) -> Result<(), FieldError> {
    check_client(ledger, client_id)?;
    if let Some(invoice_id) = invoice_id {
        if invoice_of(ledger, invoice_id)?.client_id != client_id {
            return Err(FieldError::on(
                "invoice_id",
                "that invoice belongs to another client",
            ));
        }
    }
    Ok(())
}

impl Ledger {
    /// Records a promise to pay (its id is assigned here) and returns its id.
    pub fn record_promise(
        &mut self,
        mut promise: Promise,
        ids: &mut dyn IdSource,
    ) -> Result<String, FieldError> {
        check_invoice_of_client(self, &promise.client_id, promise.invoice_id.as_deref())?;
        if let Some(invoice_id) = &promise.invoice_id {
            promise.currency = invoice_of(self, invoice_id)?.currency.clone();
        }
        promise.validate()?;
        promise.id = self.new_id(RecordKind::Promise, ids);
        let id = promise.id.clone();
        self.promises.push(promise);
        Ok(id)
    }

    /// Deletes a promise recorded by mistake.
    pub fn delete_promise(&mut self, id: &str) -> Result<(), FieldError> {
        let before = self.promises.len();
        self.promises.retain(|promise| promise.id != id);
        if self.promises.len() == before {
            return Err(FieldError::NotFound(format!("promise {id}")));
        }
        Ok(())
    }

    /// Opens a dispute of an invoice (refused while another is open) and returns its id.
    pub fn open_dispute(
        &mut self,
        mut dispute: Dispute,
        ids: &mut dyn IdSource,
    ) -> Result<String, FieldError> {
        let invoice = invoice_of(self, &dispute.invoice_id)?;
        dispute.client_id = invoice.client_id.clone();
        dispute.resolution = None;
        dispute.validate()?;
        if self
            .disputes
            .iter()
            .any(|d| d.invoice_id == dispute.invoice_id && d.resolution.is_none())
        {
            return Err(FieldError::on(
                "reason",
                "this invoice already has an open dispute; resolve it first",
            ));
        }
        dispute.id = self.new_id(RecordKind::Dispute, ids);
        let id = dispute.id.clone();
        self.disputes.push(dispute);
        sync_disputes(self);
        Ok(id)
    }

    /// Resolves an open dispute. An upheld dispute credits the disputed part (at most the
    /// balance on that day) as a payment with the method "credit note", logged on the timeline.
    pub fn resolve_dispute(
        &mut self,
        dispute_id: &str,
        resolution: Resolution,
        ids: &mut dyn IdSource,
    ) -> Result<(), FieldError> {
        let dispute = self
            .disputes
            .iter()
            .find(|d| d.id == dispute_id)
            .ok_or_else(|| FieldError::NotFound(format!("dispute {dispute_id}")))?
            .clone();
        if dispute.resolution.is_some() {
            return Err(FieldError::on(
                "outcome",
                "this dispute is already resolved",
            ));
        }
        let mut resolved = dispute.clone();
        resolved.resolution = Some(resolution.clone());
        resolved.validate()?;
        if resolution.outcome == DisputeOutcome::Upheld {
            let invoice = invoice_of(self, &dispute.invoice_id)?;
            let outstanding = self.outstanding(invoice, resolution.date);
            let credit = disputed_part(&dispute, outstanding);
            if credit > Decimal::ZERO {
                let amount = Amount::new(credit).map_err(|m| FieldError::on("amount", m))?;
                let note = format!("Dispute upheld: {}", dispute.reason.trim());
                let payment = Payment {
                    id: String::new(),
                    invoice_id: dispute.invoice_id.clone(),
                    date: resolution.date,
                    amount,
                    method: CREDIT_NOTE.into(),
                    note,
                };
                self.save_payment(payment, false, ids)?;
            }
        }
        let invoice = invoice_of(self, &dispute.invoice_id)?;
        let summary = format!(
            "Dispute of invoice {} resolved: {}",
            invoice.number,
            resolution.outcome.label()
        );
        let entry = Activity {
            invoice_id: Some(dispute.invoice_id.clone()),
            ..Activity::new(
                &dispute.client_id,
                resolution.date,
                activity_kind::NOTE,
                summary,
            )
        };
        self.add_activity(entry, ids)?;
        if let Some(slot) = self.disputes.iter_mut().find(|d| d.id == dispute_id) {
            *slot = resolved;
        }
        if let Some(invoice) = self
            .invoices
            .iter_mut()
            .find(|i| i.id == dispute.invoice_id)
        {
            invoice.disputed = false;
        }
        sync_disputes(self);
        Ok(())
    }

    /// Pauses chasing of an invoice or a whole client and returns the pause's id.
    pub fn pause_chasing(
        &mut self,
        mut pause: Pause,
        ids: &mut dyn IdSource,
    ) -> Result<String, FieldError> {
        check_invoice_of_client(self, &pause.client_id, pause.invoice_id.as_deref())?;
        pause.validate()?;
        pause.id = self.new_id(RecordKind::Pause, ids);
        let id = pause.id.clone();
        self.pauses.push(pause);
        Ok(id)
    }

    /// Ends a pause early: chasing resumes on `today`.
    pub fn end_pause(&mut self, id: &str, today: NaiveDate) -> Result<(), FieldError> {
        let pause = self
            .pauses
            .iter_mut()
            .find(|p| p.id == id)
            .ok_or_else(|| FieldError::NotFound(format!("pause {id}")))?;
        if today <= pause.from {
            self.pauses.retain(|p| p.id != id);
        } else if today < pause.until {
            pause.until = today;
        }
        Ok(())
    }

    /// Keeps a letter exactly as sent and logs it on the timeline against each invoice it
    /// covers (so the ladder sees the step on each); returns the letter's id.
    pub fn record_letter(
        &mut self,
        mut letter: SentLetter,
        ids: &mut dyn IdSource,
    ) -> Result<String, FieldError> {
        check_client(self, &letter.client_id)?;
        for invoice_id in &letter.invoice_ids {
            check_invoice_of_client(self, &letter.client_id, Some(invoice_id))?;
        }
        letter.validate()?;
        letter.id = self.new_id(RecordKind::Letter, ids);
        let id = letter.id.clone();
        for invoice_id in &letter.invoice_ids {
            let number = invoice_of(self, invoice_id)?.number.clone();
            let channel = (!letter.channel.is_empty()).then(|| letter.channel.clone());
            let summary = match &channel {
                Some(channel) => {
                    format!("“{}” (invoice {number}) sent by {channel}", letter.subject)
                }
                None => format!("“{}” (invoice {number}) sent", letter.subject),
            };
            let entry = Activity {
                invoice_id: Some(invoice_id.clone()),
                step: Some(letter.template.clone()),
                channel,
                letter_id: Some(id.clone()),
                ..Activity::new(
                    &letter.client_id,
                    letter.date,
                    activity_kind::LETTER,
                    summary,
                )
            };
            self.add_activity(entry, ids)?;
        }
        self.letters.push(letter);
        Ok(id)
    }

    /// The letter with this id, as sent.
    pub fn letter(&self, id: &str) -> Option<&SentLetter> {
        self.letters.iter().find(|letter| letter.id == id)
    }
}

/// The payment method that marks a credit note (a credit, not money received).
pub const CREDIT_NOTE: &str = "credit note";

/// "promised £500.00 by 10 Mar 2026", for queue lines and letters.
pub fn promise_phrase(promise: &Promise) -> String {
    format!(
        "promised {} by {}",
        format_money(promise.amount.value(), &promise.currency),
        crate::core::dates::format_date(promise.due)
    )
}
