//! The settlement planner: should we settle, which option recovers most, an exact payment
//! schedule, its calendar, and tracking of the accepted plan through to completion or default.

pub mod advice;
pub mod ics;
pub mod options;
pub mod plan;
pub mod schedule;

use crate::core::books::Books;
use crate::core::currency::Currency;
use crate::core::dates::format_date_long;
use crate::core::interest::{claims, ClaimTotals, InterestOptions, Staleness};
use crate::core::ledger::Ledger;
use crate::core::letters::variables::SettlementFigures;
use crate::core::model::{Plan, PlanStatus};
use crate::core::money::format_money;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// Which open invoices the person chose to put in or leave out of a case.
///
/// An invoice without a choice follows the default: in when it is due (on or before the case's
/// day), out when it is not yet due, since a client cannot be asked to settle what is not owed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Exclusions {
    choices: BTreeMap<String, bool>,
}

impl Exclusions {
    /// No choices: every due invoice in, every invoice not yet due out.
    pub fn none() -> Exclusions {
        Exclusions::default()
    }

    /// Puts an invoice in (`true`) or leaves it out (`false`), whatever its due date.
    pub fn choose(&mut self, invoice_id: &str, include: bool) {
        self.choices.insert(invoice_id.to_string(), include);
    }

    /// Whether the case covers this invoice, given whether it is due yet.
    pub fn includes(&self, invoice_id: &str, due: bool) -> bool {
        self.choices.get(invoice_id).copied().unwrap_or(due)
    }
}

/// One invoice of a case (open, or paid late when the case claims those), with what it adds to
/// the claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseInvoice {
    /// The invoice's id.
    pub invoice_id: String,
    /// Its number.
    pub number: String,
    /// Its due date.
    pub due_date: NaiveDate,
    /// Principal still owed.
    pub outstanding: Decimal,
    /// Interest to date.
    pub interest: Decimal,
    /// Fixed compensation in the case's currency.
    pub compensation: Decimal,
    /// Days overdue (zero when not yet due).
    pub days_overdue: i64,
    /// Due on or before the case's day.
    pub due: bool,
    /// Counted in the claim.
    pub included: bool,
    /// Paid in full but late: only its interest and compensation are claimed.
    pub paid_late: bool,
    /// The day it was paid in full, for an invoice paid late.
    pub paid_on: Option<NaiveDate>,
    /// Days it was paid after its legal due date (zero unless paid late).
    pub days_paid_late: i64,
    /// Its interest needs a rate after the table's check.
    pub stale: Option<Staleness>,
}

/// A client's open invoices in one currency, and what the included ones add up to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Case {
    /// The client.
    pub client_id: String,
    /// The currency.
    pub currency: Currency,
    /// Every open invoice in the currency (and, when the case claims them, every invoice paid
    /// late with something still to claim), in the order they were added, included or not.
    pub invoices: Vec<CaseInvoice>,
    /// Outstanding principal of the included invoices.
    pub principal: Decimal,
    /// Interest to date on the included invoices.
    pub interest: Decimal,
    /// Fixed compensation on the included invoices.
    pub compensation: Decimal,
    /// Principal + interest + compensation: zero when nothing is included.
    pub claim: Decimal,
    /// Days the oldest included invoice is overdue.
    pub oldest_days: i64,
    /// The first staleness warning among the included invoices' interest.
    pub stale: Option<Staleness>,
    /// The included invoices' interest uses a rate the user added in Settings.
    pub user_rate: bool,
}

impl Case {
    /// The ids of the invoices the claim covers.
    pub fn included_ids(&self) -> Vec<String> {
        self.invoices
            .iter()
            .filter(|invoice| invoice.included)
            .map(|invoice| invoice.invoice_id.clone())
            .collect()
    }
}

/// The case for a client's open invoices in `currency` on `as_of`, with interest computed under
/// `options`: every open invoice is listed (and, with [`InterestOptions::include_paid_late`],
/// every invoice paid in full but late whose interest or compensation is still due), and the
/// totals add up only those `exclusions` include.
pub fn case(
    books: &Books,
    client_id: &str,
    currency: &Currency,
    exclusions: &Exclusions,
    options: InterestOptions,
    as_of: NaiveDate,
) -> Case {
    let claimed = claims(books, client_id, currency, as_of, options);
    let mut included = Vec::new();
    let mut invoices = Vec::new();
    let mut oldest_days = 0;
    for claim in &claimed {
        let invoice = claim.invoice;
        let due = invoice.due_date <= as_of;
        let days_overdue = if claim.outstanding > Decimal::ZERO {
            (as_of - invoice.due_date).num_days().max(0)
        } else {
            0
        };
        let line = CaseInvoice {
            invoice_id: invoice.id.clone(),
            number: invoice.number.clone(),
            due_date: invoice.due_date,
            outstanding: claim.outstanding,
            interest: claim.interest.total,
            compensation: claim.compensation(),
            days_overdue,
            due,
            included: exclusions.includes(&invoice.id, due),
            paid_late: claim.paid_late,
            paid_on: claim.paid_late.then(|| claim.last_paid_on()).flatten(),
            days_paid_late: if claim.paid_late {
                claim.days_paid_late()
            } else {
                0
            },
            stale: claim.interest.stale,
        };
        if line.included {
            oldest_days = oldest_days.max(line.days_overdue);
            included.push(claim);
        }
        invoices.push(line);
    }
    let totals = ClaimTotals::of(included.iter().copied());
    Case {
        client_id: client_id.to_string(),
        currency: currency.clone(),
        principal: totals.balance,
        interest: totals.interest,
        compensation: totals.compensation,
        claim: totals.claim,
        oldest_days,
        stale: included.iter().find_map(|claim| claim.interest.stale),
        user_rate: included.iter().any(|claim| claim.interest.uses_user_rate()),
        invoices,
    }
}

/// Payments on a plan's invoices dated on or after it was accepted, up to `as_of`.
pub fn received_under(ledger: &Ledger, plan: &Plan, as_of: NaiveDate) -> Decimal {
    ledger
        .payments
        .iter()
        .filter(|payment| {
            plan.invoice_ids.contains(&payment.invoice_id)
                && payment.date >= plan.accepted_on
                && payment.date <= as_of
        })
        .map(|payment| payment.amount.value())
        .sum()
}

/// The settlement fields for letters about an invoice: the latest active plan covering it.
pub fn letter_figures(ledger: &Ledger, invoice_id: &str) -> SettlementFigures {
    let Some(plan) = ledger.plans.iter().rev().find(|plan| {
        plan.status == PlanStatus::Active && plan.invoice_ids.iter().any(|id| id == invoice_id)
    }) else {
        return SettlementFigures::default();
    };
    let money = |value| format_money(value, &plan.currency);
    SettlementFigures {
        amount: money(plan.agreed_total),
        pay_by: plan
            .schedule
            .last()
            .map(|instalment| format_date_long(instalment.date))
            .unwrap_or_default(),
        schedule: plan
            .schedule
            .iter()
            .map(|instalment| {
                (
                    instalment.number.to_string(),
                    format_date_long(instalment.date),
                    money(instalment.amount),
                )
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests;
