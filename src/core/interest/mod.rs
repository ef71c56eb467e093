//! Late-payment interest and fixed compensation: statutory rules (UK, EU, DE, FR, US states)
//! and contract rates, computed offline with a breakdown that shows the law and the arithmetic.
//!
//! Arithmetic: simple daily interest, `principal × annual rate ÷ 100 × days ÷ 365` (also in leap
//! years). Interest runs from the day after the due date (Texas: from the 30th day after it) to
//! the report's day, both inclusive. A payment dated P reduces the principal from P itself, so
//! the paid part stops accruing on the day it arrives. The breakdown gets a new row at every
//! payment and every rate change; each row is rounded half away from zero to the cent once, at
//! its end, and the total is the sum of the rounded rows.
//!
//! Reference rates: UK interest uses Bank Rate + 8 points, the reference rate being the one in
//! force on 31 December for interest that starts running from 1 January to 30 June, and on
//! 30 June for interest that starts from 1 July to 31 December (SI 2002/1675 art. 4). Following
//! that text one rate applies to the whole debt; [`InterestOptions::uk_split_half_years`]
//! re-fixes it for each half-year instead. EU, French and German rates are re-fixed each
//! half-year from the rate in force on 1 January or 1 July.

pub mod rates;

use crate::core::currency::Currency;
use crate::core::dates::{add_days, format_date};
use crate::core::ledger::Ledger;
use crate::core::model::{Business, InterestTerms, Invoice, RuleKind};
use crate::core::model::{RateRow, RateTableId};
use crate::core::money::{format_money, round_cents};
use chrono::{Datelike, NaiveDate};
use rates::rate_on;
use rust_decimal::Decimal;
use std::collections::BTreeSet;

/// Choices that change how a rule is applied.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct InterestOptions {
    /// UK: re-fix the reference rate at each half-year instead of one rate for the whole debt.
    pub uk_split_half_years: bool,
}

/// One period of the breakdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InterestRow {
    /// First day, inclusive.
    pub from: NaiveDate,
    /// Last day, inclusive.
    pub to: NaiveDate,
    /// Days in the period.
    pub days: i64,
    /// The unpaid principal in the period.
    pub principal: Decimal,
    /// Percent per year.
    pub annual_rate: Decimal,
    /// The period's interest, rounded to the cent.
    pub interest: Decimal,
    /// Where the rate comes from.
    pub basis: String,
}

/// A fixed sum the law (or the contract) adds for the cost of recovery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compensation {
    /// The amount.
    pub amount: Decimal,
    /// Its currency, which is the law's own (GBP or EUR), not necessarily the invoice's.
    pub currency: Currency,
    /// The provision.
    pub citation: &'static str,
}

/// Interest and compensation on one invoice as of a day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InterestResult {
    /// The rule applied.
    pub rule: RuleKind,
    /// False when the rule does not apply (no interest claimed, or a consumer debt).
    pub applies: bool,
    /// The breakdown.
    pub rows: Vec<InterestRow>,
    /// The sum of the rows, in the invoice's currency.
    pub total: Decimal,
    /// The invoice's currency.
    pub currency: Currency,
    /// Fixed compensation, if the rule gives one.
    pub compensation: Option<Compensation>,
    /// The law (or contract) behind the interest.
    pub citation: String,
    /// Things the reader should know: why a rule does not apply, conversions not made.
    pub notes: Vec<String>,
}

impl InterestResult {
    /// The annual rate as text: one rate, or the range when it changed.
    pub fn rate_text(&self) -> String {
        let low = self.rows.iter().map(|r| r.annual_rate).min();
        let high = self.rows.iter().map(|r| r.annual_rate).max();
        match (low, high) {
            (Some(low), Some(high)) if low == high => format!("{}%", low.round_dp(2)),
            (Some(low), Some(high)) => format!("{}%–{}%", low.round_dp(2), high.round_dp(2)),
            _ => "—".into(),
        }
    }
}

/// The terms that apply to an invoice: its own, or the business default rule.
pub fn effective_terms(invoice: &Invoice, business: &Business) -> InterestTerms {
    invoice
        .interest
        .clone()
        .unwrap_or_else(|| InterestTerms::rule(business.interest_rule))
}

/// The legal citation for a rule's interest.
pub fn citation(rule: RuleKind) -> &'static str {
    match rule {
        RuleKind::None => "No interest claimed",
        RuleKind::Contract => "Contract terms agreed with the client",
        RuleKind::UkLatePayment => "Late Payment of Commercial Debts (Interest) Act 1998, ss. 1 and 6; reference rate: SI 2002/1675 art. 4",
        RuleKind::EuDirective => "Directive 2011/7/EU on combating late payment in commercial transactions, arts. 2(5)–(6) and 4",
        RuleKind::De => "BGB §288(2) with §247 (Basiszinssatz)",
        RuleKind::Fr => "Code de commerce art. L441-10",
        RuleKind::UsCa => "California Civil Code §3289(b)",
        RuleKind::UsNy => "New York CPLR §5004",
        RuleKind::UsTx => "Texas Finance Code §302.002",
    }
}

fn half_year_start(day: NaiveDate) -> NaiveDate {
    let month = if day.month() <= 6 { 1 } else { 7 };
    NaiveDate::from_ymd_opt(day.year(), month, 1).unwrap_or(day)
}

/// The UK reference day: 31 December before a January–June start, 30 June before a July–December one.
fn uk_reference_day(day: NaiveDate) -> NaiveDate {
    add_days(half_year_start(day), -1)
}

/// The rate for a day and how it was found, or why there is none.
fn rate_for(
    terms: &InterestTerms,
    day: NaiveDate,
    start: NaiveDate,
    options: InterestOptions,
    user_rows: &[RateRow],
) -> Result<(Decimal, String), String> {
    let reference = |table: RateTableId, on: NaiveDate, points: i64| {
        let base = rate_on(table, on, user_rows).ok_or_else(|| {
            format!(
                "no {} is known for {}; add it in Settings",
                table.shipped().name,
                format_date(on)
            )
        })?;
        Ok((
            base + Decimal::from(points),
            format!(
                "{} on {} ({}%) + {points} points",
                table.shipped().name,
                format_date(on),
                base
            ),
        ))
    };
    match terms.rule {
        RuleKind::None => Ok((Decimal::ZERO, "no interest".into())),
        RuleKind::Contract => terms
            .annual_rate
            .map(|rate| (rate, format!("contract rate {rate}% a year")))
            .ok_or_else(|| "the contract rate is not set on this invoice".to_string()),
        RuleKind::UsCa => Ok((Decimal::from(10), "10% a year by statute".into())),
        RuleKind::UsNy => Ok((Decimal::from(9), "9% a year by statute".into())),
        RuleKind::UsTx => Ok((Decimal::from(6), "6% a year by statute".into())),
        RuleKind::UkLatePayment => {
            let fixed_on = if options.uk_split_half_years {
                day
            } else {
                start
            };
            reference(RateTableId::Boe, uk_reference_day(fixed_on), 8)
        }
        RuleKind::EuDirective => reference(RateTableId::Ecb, half_year_start(day), 8),
        RuleKind::Fr => reference(RateTableId::Ecb, half_year_start(day), 10),
        RuleKind::De => reference(RateTableId::Bundesbank, half_year_start(day), 9),
    }
}

/// True for rules whose rate is re-fixed each half-year.
fn half_yearly(rule: RuleKind, options: InterestOptions) -> bool {
    match rule {
        RuleKind::EuDirective | RuleKind::Fr | RuleKind::De => true,
        RuleKind::UkLatePayment => options.uk_split_half_years,
        _ => false,
    }
}

fn compensation(terms: &InterestTerms, invoice: &Invoice) -> Option<Compensation> {
    let euro = |citation| Compensation {
        amount: Decimal::from(40),
        currency: Currency::parse("EUR").unwrap_or_default(),
        citation,
    };
    match terms.rule {
        RuleKind::UkLatePayment => {
            let amount = invoice.amount.value();
            let fixed = if amount < Decimal::from(1000) {
                40
            } else if amount < Decimal::from(10000) {
                70
            } else {
                100
            };
            Some(Compensation {
                amount: Decimal::from(fixed),
                currency: Currency::parse("GBP").unwrap_or_default(),
                citation: "Late Payment of Commercial Debts (Interest) Act 1998, s. 5A",
            })
        }
        RuleKind::EuDirective => Some(euro("Directive 2011/7/EU, art. 6")),
        RuleKind::De => Some(euro("BGB §288(5)")),
        RuleKind::Fr => Some(euro("Code de commerce arts. L441-10 and D441-5")),
        RuleKind::Contract => terms.flat_fee.map(|fee| Compensation {
            amount: fee.value(),
            currency: invoice.currency.clone(),
            citation: "Contract terms: flat late-payment fee",
        }),
        _ => None,
    }
}

/// Computes interest and compensation on an invoice as of a day.
pub fn compute(
    ledger: &Ledger,
    invoice: &Invoice,
    as_of: NaiveDate,
    options: InterestOptions,
) -> InterestResult {
    let terms = effective_terms(invoice, &ledger.business);
    let consumer = ledger
        .client(&invoice.client_id)
        .is_some_and(|c| c.consumer);
    let mut result = InterestResult {
        rule: terms.rule,
        applies: terms.rule != RuleKind::None,
        rows: Vec::new(),
        total: Decimal::ZERO,
        currency: invoice.currency.clone(),
        compensation: None,
        citation: citation(terms.rule).to_string(),
        notes: Vec::new(),
    };
    if terms.rule == RuleKind::None {
        result
            .notes
            .push("No late-payment interest is claimed on this invoice.".into());
        return result;
    }
    if consumer && terms.rule.business_to_business_only() {
        result.applies = false;
        result.notes.push(format!(
            "Statutory late-payment interest under the {} applies to business-to-business debts only; this client is marked as a consumer, so none is claimed.",
            terms.rule.label()
        ));
        return result;
    }
    let start = add_days(
        invoice.due_date,
        if terms.rule == RuleKind::UsTx { 30 } else { 1 },
    );
    if start > as_of {
        result.notes.push(format!(
            "Interest starts running on {}.",
            format_date(start)
        ));
        return result;
    }
    result.compensation = compensation(&terms, invoice);
    if let Some(fee) = &result.compensation {
        if fee.currency != invoice.currency {
            result.notes.push(format!(
                "The fixed compensation is set by law in {}; it is shown in {} and not converted.",
                fee.currency, fee.currency
            ));
        }
    }
    let payments = ledger.payments_of(&invoice.id);
    let mut breaks: BTreeSet<NaiveDate> = payments
        .iter()
        .map(|p| p.date)
        .filter(|d| *d > start && *d <= as_of)
        .collect();
    breaks.insert(start);
    if half_yearly(terms.rule, options) {
        let mut boundary = half_year_start(start);
        while boundary <= as_of {
            if boundary > start {
                breaks.insert(boundary);
            }
            boundary = half_year_start(add_days(boundary, 190));
        }
    }
    let starts: Vec<NaiveDate> = breaks.into_iter().collect();
    for (index, from) in starts.iter().enumerate() {
        let to = starts
            .get(index + 1)
            .map_or(as_of, |next| add_days(*next, -1));
        let paid: Decimal = payments
            .iter()
            .filter(|p| p.date <= *from)
            .map(|p| p.amount.value())
            .sum();
        let principal = invoice.amount.value() - paid;
        if principal <= Decimal::ZERO {
            break;
        }
        let (rate, basis) =
            match rate_for(&terms, *from, start, options, &ledger.settings.rate_rows) {
                Ok(found) => found,
                Err(reason) => {
                    result.notes.push(reason);
                    break;
                }
            };
        let days = (to - *from).num_days() + 1;
        let interest = round_cents(
            principal * rate / Decimal::from(100) * Decimal::from(days) / Decimal::from(365),
        );
        result.total += interest;
        result.rows.push(InterestRow {
            from: *from,
            to,
            days,
            principal,
            annual_rate: rate,
            interest,
            basis,
        });
    }
    result.total = round_cents(result.total);
    result
}

/// A one-line summary for people, such as `£45.21 interest at 12.00% + £70.00 compensation`.
pub fn summary(result: &InterestResult) -> String {
    if !result.applies {
        return "No interest claimed".into();
    }
    let mut text = format!(
        "{} interest at {}",
        format_money(result.total, &result.currency),
        result.rate_text()
    );
    if let Some(fee) = &result.compensation {
        text.push_str(&format!(
            " + {} compensation",
            format_money(fee.amount, &fee.currency)
        ));
    }
    text
}

#[cfg(test)]
mod tests;
