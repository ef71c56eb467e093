//! Form drafts: the text a person types, turned into validated records with field-named errors.
//!
//! Every draft round-trips: `from_record` fills the form for editing and `parse` checks it.

use crate::core::aging::Buckets;
use crate::core::currency::Currency;
use crate::core::dates::add_days;
use crate::core::dates::parse_date;
use crate::core::error::FieldError;
use crate::core::letters::from_form;
use crate::core::model::{
    Activity, Business, Client, InterestTerms, Invoice, Payment, RuleKind, Settings,
};
use crate::core::model::{LetterTemplate, RateRow, RateTableId};
use crate::core::money::{parse_amount, percent_field, plain, Amount, PercentRange};
use crate::core::settlement::schedule::{Frequency, PlanTerms};
use crate::core::settlement::Case;
use chrono::NaiveDate;
use rust_decimal::Decimal;

fn field_error(field: &'static str, message: String) -> FieldError {
    FieldError::Field { field, message }
}

fn date_field(field: &'static str, text: &str) -> Result<NaiveDate, FieldError> {
    parse_date(text).map_err(|message| field_error(field, message))
}

fn amount_field(field: &'static str, text: &str) -> Result<Amount, FieldError> {
    Amount::parse_field(field, text)
}

fn currency_field(field: &'static str, text: &str) -> Result<Currency, FieldError> {
    Currency::parse(text).map_err(|message| field_error(field, message))
}

/// A contract rate per year typed by a person, such as `8` or `8.5`: 0 to 100%.
fn rate_field(field: &'static str, text: &str) -> Result<Decimal, FieldError> {
    percent_field(field, text, PercentRange::RATE)
}

/// The client form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClientForm {
    /// Empty for a new client.
    pub id: String,
    /// Name.
    pub name: String,
    /// Contact person.
    pub contact: String,
    /// E-mail.
    pub email: String,
    /// Postal address.
    pub address: String,
    /// Notes.
    pub notes: String,
    /// A consumer rather than a business.
    pub consumer: bool,
    /// Kept from the record: sample data stays sample data.
    pub sample: bool,
    /// Kept from the record: where an imported client came from.
    pub source: Option<crate::core::model::ClientSource>,
}

impl ClientForm {
    /// Fills the form from a stored client.
    pub fn from_record(client: &Client) -> ClientForm {
        ClientForm {
            id: client.id.clone(),
            name: client.name.clone(),
            contact: client.contact.clone(),
            email: client.email.clone(),
            address: client.address.clone(),
            notes: client.notes.clone(),
            consumer: client.consumer,
            sample: client.sample,
            source: client.source.clone(),
        }
    }

    /// Checks the form and builds the client.
    pub fn parse(&self) -> Result<Client, FieldError> {
        let email = self.email.trim();
        if !email.is_empty() && !looks_like_email(email) {
            return Err(field_error(
                "email",
                format!("\"{email}\" does not look like an e-mail address"),
            ));
        }
        let client = Client {
            id: self.id.clone(),
            name: self.name.trim().to_string(),
            contact: self.contact.trim().to_string(),
            email: email.to_string(),
            address: self.address.trim().to_string(),
            notes: self.notes.trim().to_string(),
            consumer: self.consumer,
            sample: self.sample,
            source: self.source.clone(),
        };
        client.validate()?;
        Ok(client)
    }
}

fn looks_like_email(text: &str) -> bool {
    text.split_once('@').is_some_and(|(user, domain)| {
        !user.is_empty()
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
    }) && !text.contains(char::is_whitespace)
}

/// The invoice form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InvoiceForm {
    /// Empty for a new invoice.
    pub id: String,
    /// The client's id.
    pub client_id: String,
    /// Invoice number.
    pub number: String,
    /// Issue date, `YYYY-MM-DD`.
    pub issue_date: String,
    /// Due date, `YYYY-MM-DD`.
    pub due_date: String,
    /// Amount as typed.
    pub amount: String,
    /// Currency code.
    pub currency: String,
    /// Description.
    pub description: String,
    /// Disputed by the client.
    pub disputed: bool,
    /// Interest rule id, or empty for the business default.
    pub interest_rule: String,
    /// Contract rate in percent per year, for the contract rule.
    pub annual_rate: String,
    /// Flat late fee, for the contract rule.
    pub flat_fee: String,
    /// Kept from the record.
    pub write_off: Option<crate::core::model::WriteOff>,
    /// Kept from the record: where an imported invoice came from.
    pub source: Option<crate::core::model::InvoiceSource>,
}

impl InvoiceForm {
    /// A blank form for a client, issued today, due in 30 days, in the business currency.
    pub fn new(client_id: &str, business: &Business, today: NaiveDate) -> InvoiceForm {
        InvoiceForm {
            client_id: client_id.to_string(),
            issue_date: today.to_string(),
            due_date: crate::core::dates::add_days(today, 30).to_string(),
            currency: business.default_currency.code().to_string(),
            ..InvoiceForm::default()
        }
    }

    /// True when the chosen rule takes the contract's rate and fee, so those fields apply.
    pub fn uses_contract_terms(&self) -> bool {
        RuleKind::from_id(&self.interest_rule) == Some(RuleKind::Contract)
    }

    /// Empties what differs from one invoice to the next, keeping client, dates and terms.
    pub fn clear_for_next(&mut self) {
        self.number.clear();
        self.amount.clear();
        self.description.clear();
    }

    /// Fills the form from a stored invoice.
    pub fn from_record(invoice: &Invoice) -> InvoiceForm {
        let terms = invoice.interest.clone();
        InvoiceForm {
            id: invoice.id.clone(),
            client_id: invoice.client_id.clone(),
            number: invoice.number.clone(),
            issue_date: invoice.issue_date.to_string(),
            due_date: invoice.due_date.to_string(),
            amount: invoice.amount.to_string(),
            currency: invoice.currency.code().to_string(),
            description: invoice.description.clone(),
            disputed: invoice.disputed,
            interest_rule: terms
                .as_ref()
                .map(|t| t.rule.id().to_string())
                .unwrap_or_default(),
            annual_rate: terms
                .as_ref()
                .and_then(|t| t.annual_rate)
                .map(|r| r.to_string())
                .unwrap_or_default(),
            flat_fee: terms
                .as_ref()
                .and_then(|t| t.flat_fee)
                .map(|f| f.to_string())
                .unwrap_or_default(),
            write_off: invoice.write_off.clone(),
            source: invoice.source.clone(),
        }
    }

    /// Checks the form and builds the invoice.
    pub fn parse(&self) -> Result<Invoice, FieldError> {
        if self.client_id.is_empty() {
            return Err(field_error(
                "client_id",
                "choose the client this invoice was sent to".into(),
            ));
        }
        let interest = match self.interest_rule.as_str() {
            "" => None,
            id => {
                let rule = RuleKind::from_id(id).ok_or_else(|| {
                    field_error("interest_rule", format!("\"{id}\" is not an interest rule"))
                })?;
                let mut terms = InterestTerms::rule(rule);
                if rule == RuleKind::Contract {
                    terms.annual_rate = Some(rate_field("annual_rate", &self.annual_rate)?);
                    if !self.flat_fee.trim().is_empty() {
                        terms.flat_fee = Some(amount_field("flat_fee", &self.flat_fee)?);
                    }
                }
                Some(terms)
            }
        };
        let invoice = Invoice {
            id: self.id.clone(),
            client_id: self.client_id.clone(),
            number: self.number.trim().to_string(),
            issue_date: date_field("issue_date", &self.issue_date)?,
            due_date: date_field("due_date", &self.due_date)?,
            amount: amount_field("amount", &self.amount)?,
            currency: currency_field("currency", &self.currency)?,
            description: self.description.trim().to_string(),
            disputed: self.disputed,
            interest,
            write_off: self.write_off.clone(),
            source: self.source.clone(),
        };
        invoice.validate()?;
        Ok(invoice)
    }
}

/// The payment form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PaymentForm {
    /// Empty for a new payment.
    pub id: String,
    /// The invoice paid.
    pub invoice_id: String,
    /// Date received, `YYYY-MM-DD`.
    pub date: String,
    /// Amount as typed.
    pub amount: String,
    /// How it was paid.
    pub method: String,
    /// Note.
    pub note: String,
}

impl PaymentForm {
    /// A blank form for an invoice, dated today.
    pub fn new(invoice_id: &str, today: NaiveDate) -> PaymentForm {
        PaymentForm {
            invoice_id: invoice_id.to_string(),
            date: today.to_string(),
            method: "bank transfer".into(),
            ..PaymentForm::default()
        }
    }

    /// Fills the form from a stored payment.
    pub fn from_record(payment: &Payment) -> PaymentForm {
        PaymentForm {
            id: payment.id.clone(),
            invoice_id: payment.invoice_id.clone(),
            date: payment.date.to_string(),
            amount: payment.amount.to_string(),
            method: payment.method.clone(),
            note: payment.note.clone(),
        }
    }

    /// The warning shown beside the date when it is after `today`: a payment counts only
    /// from its date, so a future one leaves the invoice unpaid until then.
    pub fn date_warning(&self, today: NaiveDate) -> Option<String> {
        let date = parse_date(&self.date).ok()?;
        (date > today).then(|| {
            format!(
                "{} is after today. The payment will not count as paid until that day; if the money has already arrived, use the day it arrived.",
                crate::core::dates::format_date(date)
            )
        })
    }

    /// Checks the form and builds the payment.
    pub fn parse(&self) -> Result<Payment, FieldError> {
        Ok(Payment {
            id: self.id.clone(),
            invoice_id: self.invoice_id.clone(),
            date: date_field("date", &self.date)?,
            amount: amount_field("amount", &self.amount)?,
            method: self.method.trim().to_string(),
            note: self.note.trim().to_string(),
        })
    }
}

/// A timeline entry typed by a person: a note, a call or a promise to pay.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActivityForm {
    /// The client.
    pub client_id: String,
    /// The invoice concerned, or empty.
    pub invoice_id: String,
    /// Date, `YYYY-MM-DD`.
    pub date: String,
    /// One of the kinds in [`crate::core::model::activity_kind`].
    pub kind: String,
    /// What happened.
    pub summary: String,
}

impl ActivityForm {
    /// A blank note for a client, dated today.
    pub fn new(client_id: &str, today: NaiveDate) -> ActivityForm {
        ActivityForm {
            client_id: client_id.to_string(),
            date: today.to_string(),
            kind: crate::core::model::activity_kind::NOTE.into(),
            ..ActivityForm::default()
        }
    }

    /// Checks the form and builds the activity (its id is assigned by the ledger).
    pub fn parse(&self) -> Result<Activity, FieldError> {
        if self.summary.trim().is_empty() {
            return Err(field_error("summary", "say in a line what happened".into()));
        }
        Ok(Activity {
            id: String::new(),
            client_id: self.client_id.clone(),
            invoice_id: (!self.invoice_id.is_empty()).then(|| self.invoice_id.clone()),
            date: date_field("date", &self.date)?,
            kind: self.kind.clone(),
            summary: self.summary.trim().to_string(),
            step: None,
            channel: None,
            letter_id: None,
        })
    }
}

/// The longest grace period after a promised date, in days.
pub const MAX_PROMISE_GRACE_DAYS: u32 = 60;

/// The preferences form: how invoices are aged, when to remind about a backup, and how long
/// a promise to pay may run late before it counts as broken.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PreferencesForm {
    /// Bucket edges as typed, such as `30, 60, 90, 120`.
    pub bucket_edges: String,
    /// Age from the issue date.
    pub age_by_issue_date: bool,
    /// Days of unexported changes before the backup reminder, as typed.
    pub backup_reminder_days: String,
    /// Days after a promised date before an unpaid promise counts as broken, as typed.
    pub promise_grace_days: String,
}

impl PreferencesForm {
    /// Fills the form from the settings.
    pub fn from_settings(settings: &Settings) -> PreferencesForm {
        PreferencesForm {
            bucket_edges: settings
                .bucket_edges
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(", "),
            age_by_issue_date: settings.age_by_issue_date,
            backup_reminder_days: settings.backup_reminder_days.to_string(),
            promise_grace_days: settings.promise_grace_days.to_string(),
        }
    }

    /// Checks the form and returns the settings with the preferences applied.
    pub fn apply(&self, settings: &Settings) -> Result<Settings, FieldError> {
        let buckets = Buckets::parse(&self.bucket_edges)
            .map_err(|message| field_error("bucket_edges", message))?;
        let backup_reminder_days = self
            .backup_reminder_days
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|days| (1..=365).contains(days))
            .ok_or_else(|| {
                field_error(
                    "backup_reminder_days",
                    "enter a whole number of days from 1 to 365".into(),
                )
            })?;
        let promise_grace_days = self
            .promise_grace_days
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|days| *days <= MAX_PROMISE_GRACE_DAYS)
            .ok_or_else(|| {
                field_error(
                    "promise_grace_days",
                    format!(
                        "enter a whole number of days from 0 to {MAX_PROMISE_GRACE_DAYS} \
                         (0 counts a promise as broken the day after its date)"
                    ),
                )
            })?;
        Ok(Settings {
            bucket_edges: buckets.edges().to_vec(),
            age_by_issue_date: self.age_by_issue_date,
            backup_reminder_days,
            promise_grace_days,
            ..settings.clone()
        })
    }
}

/// A reference-rate row typed by a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RateRowForm {
    /// The table id: `boe`, `ecb` or `bundesbank`.
    pub table: String,
    /// In force from, `YYYY-MM-DD`.
    pub from: String,
    /// Percent per year, may be negative.
    pub rate: String,
}

impl Default for RateRowForm {
    fn default() -> Self {
        RateRowForm {
            table: RateTableId::Boe.id().into(),
            from: String::new(),
            rate: String::new(),
        }
    }
}

impl RateRowForm {
    /// Empties the date and rate after a row was added, keeping the table.
    pub fn clear_for_next(&mut self) {
        self.from.clear();
        self.rate.clear();
    }

    /// Checks the form and builds the row (duplicates are checked when it is added).
    pub fn parse(&self) -> Result<RateRow, FieldError> {
        let table = RateTableId::from_id(&self.table).ok_or_else(|| {
            field_error("table", format!("\"{}\" is not a rate table", self.table))
        })?;
        Ok(RateRow {
            table,
            from: date_field("from", &self.from)?,
            rate: percent_field("rate", &self.rate, PercentRange::REFERENCE_RATE)?,
        })
    }
}

/// The payment-plan inputs of the settlement planner, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlanForm {
    /// Agreed total.
    pub total: String,
    /// Down payment (empty for none).
    pub down_payment: String,
    /// Number of instalments.
    pub count: String,
    /// `weekly`, `fortnightly` or `monthly`.
    pub frequency: String,
    /// First date, `YYYY-MM-DD`.
    pub first_date: String,
}

impl PlanForm {
    /// Instalments a new plan offers.
    pub const DEFAULT_COUNT: u32 = 6;
    /// Days from today to a new plan's first payment.
    pub const DAYS_TO_FIRST_PAYMENT: i64 = 14;

    /// The plan first proposed for a case: its whole claim in six monthly instalments, the
    /// first two weeks from `today`, no down payment.
    pub fn for_case(case: &Case, today: NaiveDate) -> PlanForm {
        PlanForm {
            total: plain(case.claim),
            down_payment: String::new(),
            count: PlanForm::DEFAULT_COUNT.to_string(),
            frequency: Frequency::Monthly.id().into(),
            first_date: add_days(today, PlanForm::DAYS_TO_FIRST_PAYMENT).to_string(),
        }
    }

    /// Checks the inputs and draws the terms (the schedule checks the rest).
    pub fn parse(&self) -> Result<PlanTerms, FieldError> {
        let down_payment = if self.down_payment.trim().is_empty() {
            Decimal::ZERO
        } else {
            parse_amount(&self.down_payment)
                .map_err(|message| field_error("down_payment", message))?
        };
        Ok(PlanTerms {
            total: parse_amount(&self.total).map_err(|message| field_error("total", message))?,
            down_payment,
            count: self.count.trim().parse().map_err(|_| {
                field_error(
                    "count",
                    "enter a whole number of instalments, 1 to 120".into(),
                )
            })?,
            frequency: Frequency::from_id(&self.frequency).ok_or_else(|| {
                field_error("frequency", "choose weekly, fortnightly or monthly".into())
            })?,
            first_date: date_field("first_date", &self.first_date)?,
        })
    }
}

/// A letter template as typed in the editor.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TemplateForm {
    /// The template's id: a ladder step's, or `custom-N`.
    pub id: String,
    /// The name shown in pickers.
    pub name: String,
    /// The subject line template.
    pub subject: String,
    /// The body template.
    pub body: String,
    /// Days from today to the `deadline` variable, as typed.
    pub deadline_days: String,
}

impl TemplateForm {
    /// Fills the form from a stored template.
    pub fn from_record(template: &LetterTemplate) -> TemplateForm {
        TemplateForm {
            id: template.id.clone(),
            name: template.name.clone(),
            subject: template.subject.clone(),
            body: template.body.clone(),
            deadline_days: template.deadline_days.to_string(),
        }
    }

    /// Checks the form (name, deadline, and both templates against the variables) and builds
    /// the template.
    pub fn parse(&self) -> Result<LetterTemplate, FieldError> {
        from_form(
            &self.id,
            &self.name,
            &self.subject,
            &self.body,
            &self.deadline_days,
        )
    }

    /// The deadline as typed, or none while it is not a whole number yet (for the preview).
    pub fn typed_deadline_days(&self) -> i64 {
        self.deadline_days.trim().parse().unwrap_or(0)
    }
}

/// The business profile form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BusinessForm {
    /// Trading name.
    pub name: String,
    /// E-mail.
    pub email: String,
    /// Postal address.
    pub address: String,
    /// Letter sign-off.
    pub signature: String,
    /// Default currency code.
    pub default_currency: String,
    /// Default interest rule id.
    pub interest_rule: String,
}

impl BusinessForm {
    /// Fills the form from the stored profile.
    pub fn from_record(business: &Business) -> BusinessForm {
        BusinessForm {
            name: business.name.clone(),
            email: business.email.clone(),
            address: business.address.clone(),
            signature: business.signature.clone(),
            default_currency: business.default_currency.code().to_string(),
            interest_rule: business.interest_rule.id().to_string(),
        }
    }

    /// Checks the form and builds the profile.
    pub fn parse(&self) -> Result<Business, FieldError> {
        if self.name.trim().is_empty() {
            return Err(field_error("name", "the business name is required".into()));
        }
        let email = self.email.trim();
        if !email.is_empty() && !looks_like_email(email) {
            return Err(field_error(
                "email",
                format!("\"{email}\" does not look like an e-mail address"),
            ));
        }
        Ok(Business {
            name: self.name.trim().to_string(),
            email: email.to_string(),
            address: self.address.trim().to_string(),
            signature: self.signature.trim().to_string(),
            default_currency: currency_field("default_currency", &self.default_currency)?,
            interest_rule: RuleKind::from_id(&self.interest_rule).ok_or_else(|| {
                field_error(
                    "interest_rule",
                    format!("\"{}\" is not an interest rule", self.interest_rule),
                )
            })?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    #[test]
    fn a_payment_dated_after_today_is_warned_about_and_today_is_not() {
        let mut form = PaymentForm::new("i1", today());
        assert_eq!(form.date_warning(today()), None);
        form.date = "2026-11-24".into();
        form.amount = "200".into();
        assert_eq!(
            form.date_warning(today()).as_deref(),
            Some("24 Nov 2026 is after today. The payment will not count as paid until that day; if the money has already arrived, use the day it arrived.")
        );
        assert!(
            form.parse().is_ok(),
            "a post-dated payment may still be recorded"
        );
        form.date = "not a date".into();
        assert_eq!(
            form.date_warning(today()),
            None,
            "the parse error speaks instead"
        );
    }

    #[test]
    fn a_typed_invoice_becomes_a_record_with_grouped_amounts_accepted() {
        let mut form = InvoiceForm::new("c1", &Business::default(), today());
        form.number = " INV-7 ".into();
        form.amount = "1,250.50".into();
        let invoice = form.parse().unwrap();
        assert_eq!(invoice.number, "INV-7");
        assert_eq!(invoice.amount.to_string(), "1250.50");
        assert_eq!(invoice.due_date.to_string(), "2026-12-23");
        assert_eq!(InvoiceForm::from_record(&invoice).amount, "1250.50");
    }

    #[test]
    fn each_bad_invoice_field_is_named() {
        let valid = {
            let mut form = InvoiceForm::new("c1", &Business::default(), today());
            form.number = "1".into();
            form.amount = "10".into();
            form
        };
        let field_of = |edit: fn(&mut InvoiceForm)| {
            let mut form = valid.clone();
            edit(&mut form);
            form.parse().unwrap_err().field_name()
        };
        assert_eq!(field_of(|f| f.number.clear()), Some("number"));
        assert_eq!(field_of(|f| f.amount = "ten".into()), Some("amount"));
        assert_eq!(field_of(|f| f.amount = "0".into()), Some("amount"));
        assert_eq!(
            field_of(|f| f.issue_date = "yesterday".into()),
            Some("issue_date")
        );
        assert_eq!(
            field_of(|f| f.due_date = "2026-01-01".into()),
            Some("due_date")
        );
        assert_eq!(field_of(|f| f.currency = "ABC".into()), Some("currency"));
        assert_eq!(
            field_of(|f| {
                f.interest_rule = "contract".into();
                f.annual_rate = "lots".into()
            }),
            Some("annual_rate")
        );
    }

    #[test]
    fn client_email_is_checked_only_when_given() {
        let mut form = ClientForm {
            name: "Acme".into(),
            ..ClientForm::default()
        };
        assert!(form.parse().is_ok());
        form.email = "jo at acme".into();
        assert_eq!(form.parse().unwrap_err().field_name(), Some("email"));
    }

    #[test]
    fn preferences_and_rate_rows_name_their_fields() {
        let settings = Settings::default();
        let form = PreferencesForm {
            bucket_edges: "15, 30, 45, 60".into(),
            age_by_issue_date: true,
            backup_reminder_days: "10".into(),
            promise_grace_days: "5".into(),
        };
        assert_eq!(
            form.apply(&settings).unwrap().bucket_edges,
            [15, 30, 45, 60]
        );
        assert_eq!(form.apply(&settings).unwrap().backup_reminder_days, 10);
        assert_eq!(form.apply(&settings).unwrap().promise_grace_days, 5);
        for wrong in ["-1", "61", "two", ""] {
            let bad = PreferencesForm {
                promise_grace_days: wrong.into(),
                ..form.clone()
            };
            let error = bad.apply(&settings).unwrap_err();
            assert_eq!(error.field_name(), Some("promise_grace_days"), "{wrong}");
            assert!(error.to_string().contains("from 0 to 60"), "{error}");
        }
        let bad = PreferencesForm {
            bucket_edges: "60, 30".into(),
            ..form.clone()
        };
        assert_eq!(
            bad.apply(&settings).unwrap_err().field_name(),
            Some("bucket_edges")
        );
        let never = PreferencesForm {
            backup_reminder_days: "0".into(),
            ..form.clone()
        };
        assert_eq!(
            never.apply(&settings).unwrap_err().field_name(),
            Some("backup_reminder_days")
        );
        let row = RateRowForm {
            table: "ecb".into(),
            from: "2026-03-01".into(),
            rate: "-0.5".into(),
        };
        assert_eq!(
            row.parse().unwrap().rate,
            "-0.5".parse::<Decimal>().unwrap()
        );
        let garbage = RateRowForm {
            rate: "lots".into(),
            ..row
        };
        assert_eq!(garbage.parse().unwrap_err().field_name(), Some("rate"));
    }

    #[test]
    fn payment_amount_must_be_an_amount() {
        let mut form = PaymentForm::new("i1", today());
        form.amount = "-3".into();
        assert_eq!(form.parse().unwrap_err().field_name(), Some("amount"));
    }
}
