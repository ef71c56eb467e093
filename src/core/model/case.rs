//! The case file's records: promises to pay, disputes, pauses in chasing and letters as sent.

use crate::core::currency::Currency;
use crate::core::dates::check_range;
use crate::core::error::FieldError;
use crate::core::model::validate::required;
use crate::core::money::Amount;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A client's promise to pay an amount by a date, on one invoice or on the client's account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Promise {
    /// Opaque id.
    pub id: String,
    /// The client who promised.
    pub client_id: String,
    /// The invoice promised against; `None` for the client's account in `currency`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice_id: Option<String>,
    /// The day the promise was made; payments from this day on count towards it.
    pub made_on: NaiveDate,
    /// The person who promised, such as "Jo Bloggs (accounts)".
    #[serde(default)]
    pub promised_by: String,
    /// The amount promised.
    pub amount: Amount,
    /// Its currency (the invoice's, for a promise on an invoice).
    pub currency: Currency,
    /// The day the money was promised by.
    pub due: NaiveDate,
    /// How the promise was made: phone, e-mail, letter, in person.
    #[serde(default)]
    pub channel: String,
    /// Free note.
    #[serde(default)]
    pub note: String,
}

impl Promise {
    /// An amount above zero, dates in range, and a promised date on or after the day it was made.
    pub fn validate(&self) -> Result<(), FieldError> {
        if self.amount.value().is_zero() {
            return Err(FieldError::on(
                "amount",
                "the promised amount must be more than zero",
            ));
        }
        check_range("made_on", self.made_on)?;
        check_range("due", self.due)?;
        if self.due < self.made_on {
            return Err(FieldError::on(
                "due",
                format!(
                    "the promised date ({}) cannot be before the day the promise was made ({})",
                    self.due, self.made_on
                ),
            ));
        }
        Ok(())
    }
}

/// How a dispute ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DisputeOutcome {
    /// The client was right: the disputed part is credited or written off.
    #[serde(rename = "upheld")]
    Upheld,
    /// The client was not right: chasing resumes.
    #[serde(rename = "rejected")]
    Rejected,
    /// Both sides agreed a settlement.
    #[serde(rename = "settled")]
    Settled,
}

impl DisputeOutcome {
    /// Every outcome, in the order pickers show them.
    pub const ALL: [DisputeOutcome; 3] = [
        DisputeOutcome::Upheld,
        DisputeOutcome::Rejected,
        DisputeOutcome::Settled,
    ];

    /// The identifier used in the backup file and in hooks.
    pub fn id(self) -> &'static str {
        match self {
            DisputeOutcome::Upheld => "upheld",
            DisputeOutcome::Rejected => "rejected",
            DisputeOutcome::Settled => "settled",
        }
    }

    /// Looks an outcome up by its identifier.
    pub fn from_id(id: &str) -> Option<DisputeOutcome> {
        DisputeOutcome::ALL
            .into_iter()
            .find(|outcome| outcome.id() == id)
    }

    /// A short description for people.
    pub fn label(self) -> &'static str {
        match self {
            DisputeOutcome::Upheld => "Upheld: the disputed part is credited or written off",
            DisputeOutcome::Rejected => "Rejected: chasing resumes",
            DisputeOutcome::Settled => "Settled by agreement",
        }
    }
}

/// How and when a dispute was closed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resolution {
    /// The day it was resolved.
    pub date: NaiveDate,
    /// The outcome.
    pub outcome: DisputeOutcome,
    /// What was decided, in a sentence.
    #[serde(default)]
    pub note: String,
}

/// A client's dispute of an invoice, in whole or in part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dispute {
    /// Opaque id.
    pub id: String,
    /// The client.
    pub client_id: String,
    /// The invoice disputed.
    pub invoice_id: String,
    /// The day the client raised it.
    pub opened_on: NaiveDate,
    /// What the client says is wrong.
    pub reason: String,
    /// The part disputed; `None` for the whole invoice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Amount>,
    /// Free notes.
    #[serde(default)]
    pub notes: String,
    /// Set once the dispute is closed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution: Option<Resolution>,
}

impl Dispute {
    /// A reason, dates in range, a part above zero, and a resolution no earlier than the opening.
    pub fn validate(&self) -> Result<(), FieldError> {
        required("reason", "the reason for the dispute", &self.reason)?;
        check_range("opened_on", self.opened_on)?;
        if self.amount.is_some_and(|amount| amount.value().is_zero()) {
            return Err(FieldError::on(
                "amount",
                "the disputed amount must be more than zero (leave it empty for the whole invoice)",
            ));
        }
        if let Some(resolution) = &self.resolution {
            check_range("resolution", resolution.date)?;
            if resolution.date < self.opened_on {
                return Err(FieldError::on(
                    "resolution",
                    format!(
                        "a dispute cannot be resolved ({}) before it was opened ({})",
                        resolution.date, self.opened_on
                    ),
                ));
            }
        }
        Ok(())
    }

    /// True while the dispute is not resolved on `as_of`.
    pub fn is_open(&self, as_of: NaiveDate) -> bool {
        self.opened_on <= as_of && self.resolution.as_ref().is_none_or(|r| r.date > as_of)
    }
}

/// Chasing of one invoice, or of a whole client, paused from a day until a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pause {
    /// Opaque id.
    pub id: String,
    /// The client.
    pub client_id: String,
    /// The invoice paused; `None` pauses every invoice of the client.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice_id: Option<String>,
    /// The first day of the pause.
    pub from: NaiveDate,
    /// The day chasing resumes.
    pub until: NaiveDate,
    /// Why, such as "awaiting PO" or "client on leave".
    pub reason: String,
}

impl Pause {
    /// A reason, dates in range, and an end after the start.
    pub fn validate(&self) -> Result<(), FieldError> {
        required("reason", "a reason for the pause", &self.reason)?;
        check_range("from", self.from)?;
        check_range("until", self.until)?;
        if self.until <= self.from {
            return Err(FieldError::on(
                "until",
                format!(
                    "chasing must resume after the pause starts ({}); choose a later date",
                    self.from
                ),
            ));
        }
        Ok(())
    }

    /// True on the days from `from` up to, not including, `until`.
    pub fn is_active(&self, as_of: NaiveDate) -> bool {
        self.from <= as_of && as_of < self.until
    }
}

/// A letter exactly as it was sent: the text stays as it was even when a template changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentLetter {
    /// Opaque id.
    pub id: String,
    /// The client it was sent to.
    pub client_id: String,
    /// The invoices it covers (one, or all those of a client statement).
    pub invoice_ids: Vec<String>,
    /// The day it was sent.
    pub date: NaiveDate,
    /// The template it was drafted from, such as `final-notice`.
    pub template: String,
    /// How it was sent (e-mail, post).
    #[serde(default)]
    pub channel: String,
    /// The subject line as sent.
    pub subject: String,
    /// The body as sent.
    pub body: String,
}

impl SentLetter {
    /// A date in range, a subject, a body and at least one invoice.
    pub fn validate(&self) -> Result<(), FieldError> {
        check_range("date", self.date)?;
        required("subject", "the subject", &self.subject)?;
        required("body", "the letter's text", &self.body)?;
        if self.invoice_ids.is_empty() {
            return Err(FieldError::on(
                "invoice_ids",
                "a letter must cover at least one invoice",
            ));
        }
        Ok(())
    }
}
