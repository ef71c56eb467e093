//! Each record's own invariants, checked one way by forms, commands and import alike.
//!
//! Rules that span records (an invoice's client exists, numbers are unique per client, ids
//! are unique) are the ledger's and the backup reader's; the rules here need only the record
//! (and, for a payment, the invoice it pays).

use super::{Activity, Business, Client, InterestTerms, Invoice, Payment, Plan, RuleKind};
use crate::core::dates::check_range;
use crate::core::error::FieldError;
use crate::core::money::{Amount, PercentRange};
use rust_decimal::Decimal;

/// Refuses an empty (or blank) required text.
pub(crate) fn required(field: &'static str, label: &str, value: &str) -> Result<(), FieldError> {
    if value.trim().is_empty() {
        Err(FieldError::on(field, format!("{label} is required")))
    } else {
        Ok(())
    }
}

/// Refuses an id that is empty or holds control characters (they would break links and files).
pub fn check_id(id: &str) -> Result<(), FieldError> {
    required("id", "an id", id)?;
    if id.chars().any(char::is_control) {
        return Err(FieldError::on(
            "id",
            "an id may not contain control characters such as line breaks",
        ));
    }
    Ok(())
}

impl Business {
    /// The trading name is required; it signs every letter.
    pub fn validate(&self) -> Result<(), FieldError> {
        required("name", "the business name", &self.name)
    }
}

impl Client {
    /// The name is required.
    pub fn validate(&self) -> Result<(), FieldError> {
        required("name", "the client's name", &self.name)
    }
}

impl InterestTerms {
    /// A contract rate lies between 0 and 100% a year.
    pub fn validate(&self) -> Result<(), FieldError> {
        if self.rule != RuleKind::Contract {
            return Ok(());
        }
        let rate = self.annual_rate.unwrap_or_default();
        PercentRange::RATE
            .named("the contract rate")
            .check(rate)
            .map(|_| ())
            .map_err(|message| FieldError::on("annual_rate", message))
    }
}

impl Invoice {
    /// Number, dates (in range, due on or after issue), an amount above zero, sane terms.
    pub fn validate(&self) -> Result<(), FieldError> {
        required("number", "the invoice number", &self.number)?;
        check_range("issue_date", self.issue_date)?;
        check_range("due_date", self.due_date)?;
        if self.due_date < self.issue_date {
            return Err(FieldError::on(
                "due_date",
                format!(
                    "the due date ({}) cannot be before the issue date ({})",
                    self.due_date, self.issue_date
                ),
            ));
        }
        if self.amount.value().is_zero() {
            return Err(FieldError::on(
                "amount",
                "the amount must be more than zero",
            ));
        }
        if let Some(write_off) = &self.write_off {
            check_range("write_off", write_off.date)?;
        }
        self.interest
            .as_ref()
            .map_or(Ok(()), InterestTerms::validate)
    }
}

impl Payment {
    /// An amount above zero, dated in range and not before the invoice it pays was issued.
    pub fn validate(&self, invoice: &Invoice) -> Result<(), FieldError> {
        if self.amount.value().is_zero() {
            return Err(FieldError::on(
                "amount",
                "the amount must be more than zero",
            ));
        }
        check_range("date", self.date)?;
        if self.date < invoice.issue_date {
            return Err(FieldError::on(
                "date",
                format!(
                    "the payment date cannot be before the invoice was issued ({})",
                    invoice.issue_date
                ),
            ));
        }
        Ok(())
    }
}

impl Activity {
    /// A summary saying what happened, on a date in range.
    pub fn validate(&self) -> Result<(), FieldError> {
        required("summary", "a summary", &self.summary)?;
        check_range("date", self.date)
    }
}

impl Plan {
    /// A schedule of dated instalments that adds up to the agreed total, over some invoices.
    pub fn validate(&self) -> Result<(), FieldError> {
        if self.schedule.is_empty() || self.invoice_ids.is_empty() {
            return Err(FieldError::on(
                "total",
                "a plan needs a schedule and at least one invoice",
            ));
        }
        check_range("accepted_on", self.accepted_on)?;
        let within = |field: &'static str, value: Decimal| {
            Amount::new(value).map_err(|message| FieldError::on(field, message))
        };
        within("agreed_total", self.agreed_total)?;
        within("original_claim", self.original_claim)?;
        for instalment in &self.schedule {
            check_range("schedule", instalment.date)?;
            within("schedule", instalment.amount)?;
        }
        // Each instalment is at most the amount limit, so no schedule a file can hold
        // overflows the sum.
        let scheduled: Decimal = self.schedule.iter().map(|i| i.amount).sum();
        if scheduled != self.agreed_total {
            return Err(FieldError::on(
                "schedule",
                format!(
                    "the instalments add up to {scheduled}, not the agreed total of {}",
                    self.agreed_total
                ),
            ));
        }
        Ok(())
    }
}
