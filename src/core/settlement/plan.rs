//! Accepted plans: matching payments to instalments, missed instalments and default.

use super::schedule::Instalment;
use crate::core::currency::Currency;
use crate::core::dates::{add_days, format_date};
use crate::core::money::{decimal_string, format_money};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

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

/// One instalment's state on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InstalmentState {
    /// Paid in full.
    Paid,
    /// Partly paid, still within its time.
    PartPaid,
    /// Not yet due, or due but still within grace ("late within grace").
    Due,
    /// Unpaid past its date and the grace period.
    Missed,
}

impl InstalmentState {
    /// A word for people.
    pub fn label(self) -> &'static str {
        match self {
            InstalmentState::Paid => "paid",
            InstalmentState::PartPaid => "part-paid",
            InstalmentState::Due => "due",
            InstalmentState::Missed => "missed",
        }
    }
}

/// An instalment with what was paid towards it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tracked {
    /// The instalment.
    pub instalment: Instalment,
    /// Paid towards it.
    pub paid: Decimal,
    /// Its state.
    pub state: InstalmentState,
}

/// Allocates `received` (payments on the plan's invoices since it was accepted) to the
/// instalments oldest first, and gives each one's state on `as_of`.
pub fn track(plan: &Plan, received: Decimal, as_of: NaiveDate) -> Vec<Tracked> {
    let mut left = received;
    plan.schedule
        .iter()
        .map(|instalment| {
            let paid = left.min(instalment.amount);
            left -= paid;
            let late = add_days(instalment.date, i64::from(plan.grace_days)) < as_of;
            let state = if paid >= instalment.amount {
                InstalmentState::Paid
            } else if late {
                InstalmentState::Missed
            } else if paid > Decimal::ZERO {
                InstalmentState::PartPaid
            } else {
                InstalmentState::Due
            };
            Tracked {
                instalment: instalment.clone(),
                paid,
                state,
            }
        })
        .collect()
}

/// What declaring default changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefaultOutcome {
    /// The amount the settlement had waived, which revives.
    pub revived: Decimal,
    /// The full original claim less what was paid under the plan: due at once.
    pub now_due: Decimal,
    /// The timeline entry.
    pub summary: String,
}

/// Applies the default clause: the waived amount revives and the original claim, less
/// payments made under the plan, falls due.
pub fn declare_default(plan: &Plan, received: Decimal) -> DefaultOutcome {
    let revived = (plan.original_claim - plan.agreed_total).max(Decimal::ZERO);
    let now_due = (plan.original_claim - received).max(Decimal::ZERO);
    let money = |value| format_money(value, &plan.currency);
    DefaultOutcome {
        revived,
        now_due,
        summary: format!(
            "Settlement plan in default: {} waived revives; {} of the original claim of {} is now due",
            money(revived),
            money(now_due),
            money(plan.original_claim)
        ),
    }
}

/// The timeline entry for an accepted plan.
pub fn accepted_summary(plan: &Plan) -> String {
    let instalments = plan.schedule.len();
    let first = plan
        .schedule
        .first()
        .map(|i| format_date(i.date))
        .unwrap_or_default();
    format!(
        "Settlement plan accepted: {} in {instalments} payment{} from {first}",
        format_money(plan.agreed_total, &plan.currency),
        if instalments == 1 { "" } else { "s" }
    )
}

/// Active plans with missed instalments on `as_of`: (plan id, client id, missed count).
pub fn needing_attention(
    ledger: &crate::core::ledger::Ledger,
    as_of: NaiveDate,
) -> Vec<(String, String, usize)> {
    ledger
        .plans
        .iter()
        .filter(|plan| plan.status == PlanStatus::Active)
        .filter_map(|plan| {
            let received = super::received_under(ledger, plan, as_of);
            let missed = track(plan, received, as_of)
                .iter()
                .filter(|t| t.state == InstalmentState::Missed)
                .count();
            (missed > 0).then(|| (plan.id.clone(), plan.client_id.clone(), missed))
        })
        .collect()
}
