//! The case file's forms: a promise, a dispute, its resolution and a pause, as typed.

use crate::core::currency::Currency;
use crate::core::dates::parse_date;
use crate::core::error::FieldError;
use crate::core::model::{Dispute, DisputeOutcome, Pause, Promise, Resolution};
use crate::core::money::{plain, Amount};
use chrono::NaiveDate;
use rust_decimal::Decimal;

fn date_field(field: &'static str, text: &str) -> Result<NaiveDate, FieldError> {
    parse_date(text).map_err(|message| FieldError::on(field, message))
}

/// A promise to pay on one invoice, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PromiseForm {
    /// The client.
    pub client_id: String,
    /// The invoice promised against.
    pub invoice_id: String,
    /// The day the promise was made, `YYYY-MM-DD`.
    pub made_on: String,
    /// Who promised.
    pub promised_by: String,
    /// The amount promised, as typed.
    pub amount: String,
    /// The promised date, `YYYY-MM-DD`.
    pub due: String,
    /// Phone, e-mail, letter, in person.
    pub channel: String,
    /// Free note.
    pub note: String,
}

impl PromiseForm {
    /// A new promise on an invoice, made today, for the balance, by a week from today.
    pub fn new(client_id: &str, invoice_id: &str, balance: Decimal, today: NaiveDate) -> Self {
        PromiseForm {
            client_id: client_id.into(),
            invoice_id: invoice_id.into(),
            made_on: today.to_string(),
            amount: if balance > Decimal::ZERO {
                plain(balance)
            } else {
                String::new()
            },
            due: crate::core::dates::add_days(today, 7).to_string(),
            channel: "phone".into(),
            ..PromiseForm::default()
        }
    }

    /// Checks the form and builds the promise (its currency is the invoice's, set on saving).
    pub fn parse(&self, currency: &Currency) -> Result<Promise, FieldError> {
        let promise = Promise {
            id: String::new(),
            client_id: self.client_id.clone(),
            invoice_id: (!self.invoice_id.is_empty()).then(|| self.invoice_id.clone()),
            made_on: date_field("made_on", &self.made_on)?,
            promised_by: self.promised_by.trim().to_string(),
            amount: Amount::parse_field("amount", &self.amount)?,
            currency: currency.clone(),
            due: date_field("due", &self.due)?,
            channel: self.channel.trim().to_string(),
            note: self.note.trim().to_string(),
        };
        promise.validate()?;
        Ok(promise)
    }
}

/// A dispute of an invoice, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DisputeForm {
    /// The invoice disputed.
    pub invoice_id: String,
    /// The day the client raised it, `YYYY-MM-DD`.
    pub opened_on: String,
    /// What the client says is wrong.
    pub reason: String,
    /// The part disputed, as typed; empty for the whole invoice.
    pub amount: String,
    /// Free notes.
    pub notes: String,
}

impl DisputeForm {
    /// A new dispute of an invoice, raised today.
    pub fn new(invoice_id: &str, today: NaiveDate) -> Self {
        DisputeForm {
            invoice_id: invoice_id.into(),
            opened_on: today.to_string(),
            ..DisputeForm::default()
        }
    }

    /// Checks the form and builds the dispute (its client is the invoice's, set on opening).
    pub fn parse(&self) -> Result<Dispute, FieldError> {
        let amount = match self.amount.trim() {
            "" => None,
            typed => Some(Amount::parse_field("amount", typed)?),
        };
        let dispute = Dispute {
            id: String::new(),
            client_id: String::new(),
            invoice_id: self.invoice_id.clone(),
            opened_on: date_field("opened_on", &self.opened_on)?,
            reason: self.reason.trim().to_string(),
            amount,
            notes: self.notes.trim().to_string(),
            resolution: None,
        };
        dispute.validate()?;
        Ok(dispute)
    }
}

/// The resolution of a dispute, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ResolutionForm {
    /// The day it was resolved, `YYYY-MM-DD`.
    pub date: String,
    /// The outcome's id: `upheld`, `rejected` or `settled`.
    pub outcome: String,
    /// What was decided.
    pub note: String,
}

impl ResolutionForm {
    /// A resolution dated today, with no outcome chosen yet.
    pub fn new(today: NaiveDate) -> Self {
        ResolutionForm {
            date: today.to_string(),
            ..ResolutionForm::default()
        }
    }

    /// Checks the form and builds the resolution.
    pub fn parse(&self) -> Result<Resolution, FieldError> {
        let outcome = DisputeOutcome::from_id(&self.outcome).ok_or_else(|| {
            FieldError::on(
                "outcome",
                "choose how the dispute ended: upheld, rejected or settled",
            )
        })?;
        Ok(Resolution {
            date: date_field("resolution", &self.date)?,
            outcome,
            note: self.note.trim().to_string(),
        })
    }
}

/// A pause in chasing an invoice or a whole client, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PauseForm {
    /// The client.
    pub client_id: String,
    /// The invoice paused; empty pauses the whole client.
    pub invoice_id: String,
    /// The first day of the pause, `YYYY-MM-DD`.
    pub from: String,
    /// The day chasing resumes, `YYYY-MM-DD`.
    pub until: String,
    /// Why.
    pub reason: String,
}

impl PauseForm {
    /// A pause starting today, of an invoice (or, with an empty id, of the whole client).
    pub fn new(client_id: &str, invoice_id: &str, today: NaiveDate) -> Self {
        PauseForm {
            client_id: client_id.into(),
            invoice_id: invoice_id.into(),
            from: today.to_string(),
            ..PauseForm::default()
        }
    }

    /// Checks the form and builds the pause.
    pub fn parse(&self) -> Result<Pause, FieldError> {
        let pause = Pause {
            id: String::new(),
            client_id: self.client_id.clone(),
            invoice_id: (!self.invoice_id.is_empty()).then(|| self.invoice_id.clone()),
            from: date_field("from", &self.from)?,
            until: date_field("until", &self.until)?,
            reason: self.reason.trim().to_string(),
        };
        pause.validate()?;
        Ok(pause)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn gbp() -> Currency {
        Currency::parse("GBP").unwrap()
    }

    #[test]
    fn a_new_promise_defaults_to_the_balance_by_a_week_from_today() {
        let form = PromiseForm::new("c1", "i1", Decimal::new(125050, 2), day("2026-03-03"));
        assert_eq!(form.amount, "1250.50");
        assert_eq!(form.due, "2026-03-10");
        let promise = form.parse(&gbp()).unwrap();
        assert_eq!(promise.invoice_id.as_deref(), Some("i1"));
        assert_eq!(promise.made_on, day("2026-03-03"));
    }

    #[test]
    fn each_form_names_the_field_it_rejects() {
        let promise = PromiseForm::new("c1", "i1", Decimal::ONE_HUNDRED, day("2026-03-03"));
        let wrong = |form: PromiseForm| form.parse(&gbp()).unwrap_err();
        let no_amount = PromiseForm {
            amount: "0".into(),
            ..promise.clone()
        };
        assert_eq!(wrong(no_amount).field_name(), Some("amount"));
        let past = PromiseForm {
            due: "2026-03-01".into(),
            ..promise.clone()
        };
        assert_eq!(wrong(past).field_name(), Some("due"));
        let no_date = PromiseForm {
            due: "soon".into(),
            ..promise
        };
        assert_eq!(wrong(no_date).field_name(), Some("due"));

        let dispute = DisputeForm::new("i1", day("2026-03-03"));
        assert_eq!(dispute.parse().unwrap_err().field_name(), Some("reason"));
        let part = DisputeForm {
            reason: "Not delivered".into(),
            amount: "-5".into(),
            ..dispute
        };
        assert_eq!(part.parse().unwrap_err().field_name(), Some("amount"));
        let whole = DisputeForm {
            amount: " ".into(),
            ..part
        };
        assert_eq!(whole.parse().unwrap().amount, None);

        let resolution = ResolutionForm::new(day("2026-03-20"));
        assert_eq!(
            resolution.parse().unwrap_err().field_name(),
            Some("outcome")
        );
        let rejected = ResolutionForm {
            outcome: "rejected".into(),
            ..resolution
        };
        assert_eq!(rejected.parse().unwrap().outcome, DisputeOutcome::Rejected);

        let pause = PauseForm::new("c1", "i1", day("2026-03-03"));
        assert_eq!(pause.parse().unwrap_err().field_name(), Some("until"));
        let no_reason = PauseForm {
            until: "2026-03-20".into(),
            ..pause
        };
        assert_eq!(no_reason.parse().unwrap_err().field_name(), Some("reason"));
        let client_wide = PauseForm {
            invoice_id: String::new(),
            reason: "Client on leave".into(),
            ..no_reason
        };
        assert_eq!(client_wide.parse().unwrap().invoice_id, None);
    }
}
