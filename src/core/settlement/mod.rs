//! The settlement planner: should we settle, which option recovers most, an exact payment
//! schedule, its calendar, and tracking of the accepted plan through to completion or default.

pub mod advice;
pub mod ics;
pub mod options;
pub mod plan;
pub mod schedule;

use crate::core::currency::Currency;
use crate::core::dates::format_date_long;
use crate::core::interest::{compute, InterestOptions};
use crate::core::ledger::Ledger;
use crate::core::letters::variables::SettlementFigures;
use crate::core::model::{Plan, PlanStatus};
use crate::core::money::format_money;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// The open invoices of a client in one currency and what they add up to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    /// The currency.
    pub currency: Currency,
    /// (invoice id, outstanding, interest, compensation) of each invoice.
    pub invoices: Vec<(String, Decimal, Decimal, Decimal)>,
    /// Outstanding principal.
    pub principal: Decimal,
    /// Interest to date.
    pub interest: Decimal,
    /// Fixed compensation in this currency.
    pub compensation: Decimal,
    /// Principal + interest + compensation.
    pub claim: Decimal,
    /// Days the oldest invoice is overdue.
    pub oldest_days: i64,
}

/// The case for a client's open invoices in `currency`, keeping only `included` (all when empty).
pub fn case(
    ledger: &Ledger,
    client_id: &str,
    currency: &Currency,
    included: &[String],
    as_of: NaiveDate,
) -> Case {
    let mut case = Case {
        currency: currency.clone(),
        invoices: Vec::new(),
        principal: Decimal::ZERO,
        interest: Decimal::ZERO,
        compensation: Decimal::ZERO,
        claim: Decimal::ZERO,
        oldest_days: 0,
    };
    for invoice in ledger
        .invoices_of(client_id)
        .filter(|i| &i.currency == currency)
    {
        let summary = ledger.summary(invoice, as_of);
        if summary.outstanding <= Decimal::ZERO
            || !(included.is_empty() || included.contains(&invoice.id))
        {
            continue;
        }
        let owed = compute(ledger, invoice, as_of, InterestOptions::default());
        let fee = owed
            .compensation
            .filter(|c| &c.currency == currency)
            .map_or(Decimal::ZERO, |c| c.amount);
        case.principal += summary.outstanding;
        case.interest += owed.total;
        case.compensation += fee;
        case.oldest_days = case.oldest_days.max(summary.days_overdue);
        case.invoices
            .push((invoice.id.clone(), summary.outstanding, owed.total, fee));
    }
    case.claim = case.principal + case.interest + case.compensation;
    case
}

/// Payments on a plan's invoices dated on or after it was accepted, up to `as_of`.
pub fn received_under(ledger: &Ledger, plan: &Plan, as_of: NaiveDate) -> Decimal {
    ledger
        .payments
        .iter()
        .filter(|p| {
            plan.invoice_ids.contains(&p.invoice_id)
                && p.date >= plan.accepted_on
                && p.date <= as_of
        })
        .map(|p| p.amount.value())
        .sum()
}

/// The settlement fields for letters about an invoice: the latest active plan covering it.
pub fn letter_figures(ledger: &Ledger, invoice_id: &str) -> SettlementFigures {
    let Some(plan) =
        ledger.plans.iter().rev().find(|p| {
            p.status == PlanStatus::Active && p.invoice_ids.iter().any(|i| i == invoice_id)
        })
    else {
        return SettlementFigures::default();
    };
    let money = |value| format_money(value, &plan.currency);
    SettlementFigures {
        amount: money(plan.agreed_total),
        pay_by: plan
            .schedule
            .last()
            .map(|i| format_date_long(i.date))
            .unwrap_or_default(),
        schedule: plan
            .schedule
            .iter()
            .map(|i| {
                (
                    i.number.to_string(),
                    format_date_long(i.date),
                    money(i.amount),
                )
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests;
