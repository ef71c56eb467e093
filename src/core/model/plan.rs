//! Settlement records kept with the ledger: accepted plans with their schedules, and prep sheets.

use crate::core::currency::Currency;
use crate::core::error::FieldError;
use crate::core::money::{decimal_string, parse_amount};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// One payment of a schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Instalment {
    /// 1, 2, 3… in date order (the down payment, if any, is 1).
    pub number: u32,
    /// Due date.
    pub date: NaiveDate,
    /// Amount due.
    #[serde(with = "decimal_string")]
    pub amount: Decimal,
}

/// Where a plan stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PlanStatus {
    /// Being paid.
    #[serde(rename = "active")]
    Active,
    /// Every instalment paid.
    #[serde(rename = "completed")]
    Completed,
    /// Default declared: the full original claim is due again.
    #[serde(rename = "defaulted")]
    Defaulted,
}

/// A settlement the client accepted, saved with the ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    /// Opaque id.
    pub id: String,
    /// The client.
    pub client_id: String,
    /// The invoices it settles; their payments count towards it.
    pub invoice_ids: Vec<String>,
    /// The agreed total.
    #[serde(with = "decimal_string")]
    pub agreed_total: Decimal,
    /// Its currency.
    pub currency: Currency,
    /// Principal + interest + compensation when agreed: what revives on default.
    #[serde(with = "decimal_string")]
    pub original_claim: Decimal,
    /// The instalments.
    pub schedule: Vec<Instalment>,
    /// Days after a due date before an unpaid instalment counts as missed.
    pub grace_days: u32,
    /// The day it was accepted.
    pub accepted_on: NaiveDate,
    /// Where it stands.
    pub status: PlanStatus,
    /// The day default was declared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub defaulted_on: Option<NaiveDate>,
}

/// The negotiation prep sheet for one client, kept with the ledger.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PrepSheet {
    /// The client.
    pub client_id: String,
    /// What we aim for: full payment now, in instalments, or a discounted lump sum.
    #[serde(default)]
    pub goal: String,
    /// The lowest amount we accept, as typed (checked as an amount when saved).
    #[serde(default)]
    pub floor: String,
    /// The alternatives we will offer.
    #[serde(default)]
    pub alternatives: String,
    /// What the client told us.
    #[serde(default)]
    pub notes: String,
}

impl PrepSheet {
    /// A blank sheet for a client, aiming for full payment.
    pub fn new(client_id: &str) -> PrepSheet {
        PrepSheet {
            client_id: client_id.to_string(),
            goal: "Full payment now".into(),
            ..PrepSheet::default()
        }
    }

    /// Checks the walk-away floor, which may be empty.
    pub fn validate(&self) -> Result<(), FieldError> {
        if self.floor.trim().is_empty() {
            return Ok(());
        }
        parse_amount(&self.floor)
            .map(|_| ())
            .map_err(|message| FieldError::Field {
                field: "floor",
                message,
            })
    }
}
