//! The records a user keeps: business profile, clients, invoices, payments and activities.
//!
//! Field names and JSON shapes follow the backup format (`docs/backup-format.md`).

use crate::core::currency::Currency;
use crate::core::money::{decimal_string, Amount};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

mod case;
mod plan;
mod rates;
mod source;
mod template;
mod validate;

pub use case::{Dispute, DisputeOutcome, Pause, Promise, Resolution, SentLetter};
pub use plan::{Instalment, Plan, PlanStatus, PrepSheet};
pub use rates::{RateRow, RateTableId};
pub use source::{ClientSource, InvoiceSource};
pub use template::{LetterTemplate, TemplateSet};
pub use validate::check_id;

/// Which late-payment interest rule applies to a debt.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
pub enum RuleKind {
    /// No interest is claimed.
    #[default]
    #[serde(rename = "none")]
    None,
    /// A rate agreed in the contract (simple, per year), with an optional flat fee.
    #[serde(rename = "contract")]
    Contract,
    /// UK Late Payment of Commercial Debts (Interest) Act 1998.
    #[serde(rename = "uk-late-payment")]
    UkLatePayment,
    /// EU Late Payment Directive 2011/7/EU.
    #[serde(rename = "eu-directive")]
    EuDirective,
    /// Germany, BGB §288.
    #[serde(rename = "de")]
    De,
    /// France, Code de commerce L441-10.
    #[serde(rename = "fr")]
    Fr,
    /// California prejudgment interest.
    #[serde(rename = "us-ca")]
    UsCa,
    /// New York prejudgment interest.
    #[serde(rename = "us-ny")]
    UsNy,
    /// Texas prejudgment interest.
    #[serde(rename = "us-tx")]
    UsTx,
}

impl RuleKind {
    /// Every rule, in the order pickers show them.
    pub const ALL: [RuleKind; 9] = [
        RuleKind::None,
        RuleKind::Contract,
        RuleKind::UkLatePayment,
        RuleKind::EuDirective,
        RuleKind::De,
        RuleKind::Fr,
        RuleKind::UsCa,
        RuleKind::UsNy,
        RuleKind::UsTx,
    ];

    /// The identifier used in the backup file, such as `uk-late-payment`.
    pub fn id(self) -> &'static str {
        match self {
            RuleKind::None => "none",
            RuleKind::Contract => "contract",
            RuleKind::UkLatePayment => "uk-late-payment",
            RuleKind::EuDirective => "eu-directive",
            RuleKind::De => "de",
            RuleKind::Fr => "fr",
            RuleKind::UsCa => "us-ca",
            RuleKind::UsNy => "us-ny",
            RuleKind::UsTx => "us-tx",
        }
    }

    /// Looks a rule up by its identifier.
    pub fn from_id(id: &str) -> Option<RuleKind> {
        RuleKind::ALL.into_iter().find(|rule| rule.id() == id)
    }

    /// A short name for people.
    pub fn label(self) -> &'static str {
        match self {
            RuleKind::None => "No interest",
            RuleKind::Contract => "Contract rate",
            RuleKind::UkLatePayment => "UK Late Payment Act",
            RuleKind::EuDirective => "EU Late Payment Directive",
            RuleKind::De => "Germany (BGB §288)",
            RuleKind::Fr => "France (Code de commerce)",
            RuleKind::UsCa => "US – California",
            RuleKind::UsNy => "US – New York",
            RuleKind::UsTx => "US – Texas",
        }
    }

    /// True for rules that only apply between businesses (Germany's applies to consumers too,
    /// at a lower rate).
    pub fn business_to_business_only(self) -> bool {
        matches!(
            self,
            RuleKind::UkLatePayment | RuleKind::EuDirective | RuleKind::Fr
        )
    }
}

/// The interest terms of one invoice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct InterestTerms {
    /// The rule.
    pub rule: RuleKind,
    /// Percent per year, simple; used by the contract rule.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "optional_decimal"
    )]
    pub annual_rate: Option<Decimal>,
    /// A flat late fee; used by the contract rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flat_fee: Option<Amount>,
}

impl InterestTerms {
    /// Terms that use a rule with no contract figures.
    pub fn rule(rule: RuleKind) -> InterestTerms {
        InterestTerms {
            rule,
            annual_rate: None,
            flat_fee: None,
        }
    }
}

/// The order in which a part payment pays off what is owed on a late invoice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Appropriation {
    /// Principal first, then interest (UK Act, EU Directive).
    #[default]
    #[serde(rename = "principal-first")]
    PrincipalFirst,
    /// Interest first, then principal (France, Code civil art. 1343-1; the US rule).
    #[serde(rename = "interest-first")]
    InterestFirst,
    /// Recovery costs first, then interest, then principal (Germany, BGB §367).
    #[serde(rename = "costs-then-interest")]
    CostsThenInterest,
}

impl Appropriation {
    /// Every order, in the order pickers show them.
    pub const ALL: [Appropriation; 3] = [
        Appropriation::PrincipalFirst,
        Appropriation::InterestFirst,
        Appropriation::CostsThenInterest,
    ];

    /// A short description for people.
    pub fn label(self) -> &'static str {
        match self {
            Appropriation::PrincipalFirst => "principal first, then interest",
            Appropriation::InterestFirst => "interest first, then principal",
            Appropriation::CostsThenInterest => "costs first, then interest, then principal",
        }
    }

    fn is_default(&self) -> bool {
        *self == Appropriation::default()
    }
}

mod optional_decimal {
    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(
        value: &Option<Decimal>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(value) => super::decimal_string::serialize(value, serializer),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Decimal>, D::Error> {
        #[derive(Deserialize)]
        struct Wrapped(#[serde(with = "super::decimal_string")] Decimal);
        Ok(Option::<Wrapped>::deserialize(deserializer)?.map(|Wrapped(value)| value))
    }
}

/// The user's own business, which letters are written from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Business {
    /// Trading name.
    pub name: String,
    /// Reply-to e-mail address.
    #[serde(default)]
    pub email: String,
    /// Postal address, one line per row.
    #[serde(default)]
    pub address: String,
    /// Currency new invoices start in.
    #[serde(default)]
    pub default_currency: Currency,
    /// Interest rule invoices use unless they say otherwise.
    #[serde(default)]
    pub interest_rule: RuleKind,
    /// How letters are signed off (added after schema 1's first release; optional).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub signature: String,
}

impl Default for Business {
    fn default() -> Self {
        Business {
            name: "My business".into(),
            email: String::new(),
            address: String::new(),
            default_currency: Currency::default(),
            interest_rule: RuleKind::None,
            signature: String::new(),
        }
    }
}

/// Someone who owes, or may owe, the business money.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Client {
    /// Opaque id, kept by import.
    pub id: String,
    /// Name, never empty.
    pub name: String,
    /// The person to write to.
    #[serde(default)]
    pub contact: String,
    /// E-mail address.
    #[serde(default)]
    pub email: String,
    /// Postal address.
    #[serde(default)]
    pub address: String,
    /// Free notes.
    #[serde(default)]
    pub notes: String,
    /// A consumer rather than a business: business-to-business interest rules do not apply.
    #[serde(default, skip_serializing_if = "is_false")]
    pub consumer: bool,
    /// Created by "load sample data" and removed with it.
    #[serde(default, skip_serializing_if = "is_false")]
    pub sample: bool,
    /// The file the client was imported from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<ClientSource>,
}

impl Client {
    /// A business client with only an id and a name.
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> Client {
        Client {
            id: id.into(),
            name: name.into(),
            contact: String::new(),
            email: String::new(),
            address: String::new(),
            notes: String::new(),
            consumer: false,
            sample: false,
            source: None,
        }
    }
}

/// Why and when an invoice was written off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WriteOff {
    /// The day it was written off.
    pub date: NaiveDate,
    /// The reason given.
    pub reason: String,
}

/// A bill sent to a client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invoice {
    /// Opaque id, kept by import.
    pub id: String,
    /// The client it was sent to.
    pub client_id: String,
    /// The invoice number, unique per client.
    pub number: String,
    /// Date of issue.
    pub issue_date: NaiveDate,
    /// Date payment was due; never before the issue date.
    pub due_date: NaiveDate,
    /// Amount invoiced.
    pub amount: Amount,
    /// Currency of the amount and of every payment against it.
    pub currency: Currency,
    /// What was supplied.
    #[serde(default)]
    pub description: String,
    /// The client disputes the work or the amount.
    #[serde(default)]
    pub disputed: bool,
    /// Interest terms; `None` means the business default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interest: Option<InterestTerms>,
    /// Set when the remaining balance was written off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub write_off: Option<WriteOff>,
    /// The file the invoice was imported from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<InvoiceSource>,
}

/// Money received against an invoice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payment {
    /// Opaque id, kept by import.
    pub id: String,
    /// The invoice it pays.
    pub invoice_id: String,
    /// The day the money arrived.
    pub date: NaiveDate,
    /// Amount received, in the invoice's currency.
    pub amount: Amount,
    /// How it was paid.
    #[serde(default)]
    pub method: String,
    /// Free note.
    #[serde(default)]
    pub note: String,
}

/// Activity kinds the app itself writes; other kinds from a backup are kept as they are.
pub mod activity_kind {
    /// A letter or e-mail from the escalation ladder was sent.
    pub const LETTER: &str = "letter";
    /// A phone call.
    pub const CALL: &str = "call";
    /// A free note.
    pub const NOTE: &str = "note";
    /// The client promised to pay by a date.
    pub const PROMISE: &str = "promise";
    /// A payment was recorded.
    pub const PAYMENT: &str = "payment";
    /// An invoice was written off.
    pub const WRITE_OFF: &str = "write-off";
    /// A settlement plan was accepted or fell into default.
    pub const SETTLEMENT: &str = "settlement";
}

/// Something that happened with a client, shown on the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    /// Opaque id, kept by import.
    pub id: String,
    /// The client concerned.
    pub client_id: String,
    /// The invoice concerned, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice_id: Option<String>,
    /// When it happened.
    pub date: NaiveDate,
    /// What kind of thing happened (see [`activity_kind`]).
    pub kind: String,
    /// One line saying what happened.
    pub summary: String,
    /// The ladder step of a letter, such as `final-notice`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<String>,
    /// How it was sent or done (e-mail, post, phone).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    /// For a letter marked as sent: the [`SentLetter`] holding its exact text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub letter_id: Option<String>,
}

impl Activity {
    /// A timeline entry for a client with no invoice, step or channel; the ledger assigns the id.
    pub fn new(
        client_id: impl Into<String>,
        date: NaiveDate,
        kind: &str,
        summary: impl Into<String>,
    ) -> Activity {
        Activity {
            id: String::new(),
            client_id: client_id.into(),
            invoice_id: None,
            date,
            kind: kind.into(),
            summary: summary.into(),
            step: None,
            channel: None,
            letter_id: None,
        }
    }
}

/// Preferences that are not part of the business profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// Upper edges, in days overdue, of the aging buckets after `current`.
    #[serde(default = "default_bucket_edges")]
    pub bucket_edges: Vec<u32>,
    /// Age invoices from their issue date instead of their due date.
    #[serde(default, skip_serializing_if = "is_false")]
    pub age_by_issue_date: bool,
    /// Remind the user to export a backup after this many days of unsaved changes.
    #[serde(default = "default_backup_reminder_days")]
    pub backup_reminder_days: u32,
    /// The day the last backup was exported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_export: Option<NaiveDate>,
    /// The day of the first change not yet in an exported backup.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changed_since_export: Option<NaiveDate>,
    /// Reference rates the user added after the app's tables were last updated.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rate_rows: Vec<RateRow>,
    /// How part payments are appropriated on invoices under a contract rate (statutory rules
    /// follow their own law).
    #[serde(default, skip_serializing_if = "Appropriation::is_default")]
    pub contract_appropriation: Appropriation,
    /// Days after a promised date before an unpaid promise counts as broken.
    #[serde(default = "default_promise_grace_days")]
    pub promise_grace_days: u32,
}

fn default_bucket_edges() -> Vec<u32> {
    vec![30, 60, 90, 120]
}

fn default_backup_reminder_days() -> u32 {
    7
}

fn default_promise_grace_days() -> u32 {
    3
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            bucket_edges: default_bucket_edges(),
            age_by_issue_date: false,
            backup_reminder_days: default_backup_reminder_days(),
            last_export: None,
            changed_since_export: None,
            rate_rows: Vec::new(),
            contract_appropriation: Appropriation::default(),
            promise_grace_days: default_promise_grace_days(),
        }
    }
}

fn is_false(value: &bool) -> bool {
    !*value
}
