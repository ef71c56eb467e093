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
use crate::core::interest::{compute, InterestOptions};
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

/// One open invoice of a case, with what it adds to the claim.
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
}

/// A client's open invoices in one currency, and what the included ones add up to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Case {
    /// The client.
    pub client_id: String,
    /// The currency.
    pub currency: Currency,
    /// Every open invoice in the currency, in the order they were added, included or not.
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

/// The case for a client's open invoices in `currency` on `as_of`: every open invoice is
/// listed, and the totals add up only those `exclusions` include.
pub fn case(
    books: &Books,
    client_id: &str,
    currency: &Currency,
    exclusions: &Exclusions,
    as_of: NaiveDate,
) -> Case {
    let mut case = Case {
        client_id: client_id.to_string(),
        currency: currency.clone(),
        invoices: Vec::new(),
        principal: Decimal::ZERO,
        interest: Decimal::ZERO,
        compensation: Decimal::ZERO,
        claim: Decimal::ZERO,
        oldest_days: 0,
    };
    for invoice in books
        .invoices_of(client_id)
        .filter(|invoice| &invoice.currency == currency)
    {
        let Some(summary) = books.summary_of(&invoice.id, as_of) else {
            continue;
        };
        if summary.outstanding <= Decimal::ZERO {
            continue;
        }
        let owed = compute(books, invoice, as_of, InterestOptions::default());
        let due = invoice.due_date <= as_of;
        let line = CaseInvoice {
            invoice_id: invoice.id.clone(),
            number: invoice.number.clone(),
            due_date: invoice.due_date,
            outstanding: summary.outstanding,
            interest: owed.total,
            compensation: owed.compensation_in_currency(),
            days_overdue: summary.days_overdue,
            due,
            included: exclusions.includes(&invoice.id, due),
        };
        if line.included {
            case.principal += line.outstanding;
            case.interest += line.interest;
            case.compensation += line.compensation;
            case.oldest_days = case.oldest_days.max(line.days_overdue);
        }
        case.invoices.push(line);
    }
    case.claim = case.principal + case.interest + case.compensation;
    case
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
