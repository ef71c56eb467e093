//! What each rule says: its citation, when interest starts, the rate for a day, the fixed
//! compensation and the order in which part payments are appropriated.

use super::rates::{entry_on, staleness, Staleness};
use super::{Compensation, InterestOptions};
use crate::core::currency::Currency;
use crate::core::dates::{add_days, format_date};
use crate::core::model::{
    Appropriation, InterestTerms, Invoice, RateRow, RateTableId, RuleKind, Settings,
};
use chrono::{Datelike, NaiveDate, Weekday};
use rust_decimal::Decimal;

/// The legal citation for a rule's interest on a debt owed by a business.
pub fn citation(rule: RuleKind) -> &'static str {
    match rule {
        RuleKind::None => "No interest claimed",
        RuleKind::Contract => "Contract terms agreed with the client",
        RuleKind::UkLatePayment => "Late Payment of Commercial Debts (Interest) Act 1998, ss. 1 and 6; reference rate: SI 2002/1675 art. 4",
        RuleKind::EuDirective => "Directive 2011/7/EU on combating late payment in commercial transactions, arts. 2(6)–(7), 3 and 6",
        RuleKind::De => "BGB §288(2) with §247 (Basiszinssatz)",
        RuleKind::Fr => "Code de commerce art. L441-10",
        RuleKind::UsCa => "California Civil Code §3289(b)",
        RuleKind::UsNy => "New York CPLR §5004",
        RuleKind::UsTx => "Texas Finance Code §302.002",
    }
}

/// The legal citation for a rule's interest, for a consumer debtor or a business.
pub fn citation_for(rule: RuleKind, consumer: bool) -> &'static str {
    match (rule, consumer) {
        (RuleKind::De, true) => "BGB §288(1) with §247 (Basiszinssatz)",
        (RuleKind::UsNy, true) => "New York CPLR §5004 as amended in 2022 (consumer debt: 2%)",
        _ => citation(rule),
    }
}

/// The order part payments are appropriated in under a rule: Germany costs, then interest,
/// then principal (BGB §367); France (Code civil art. 1343-1) and the US states interest
/// first; the UK Act and the EU Directive principal first; a contract rate as the business
/// chose in Settings.
pub fn appropriation(rule: RuleKind, settings: &Settings) -> Appropriation {
    match rule {
        RuleKind::De => Appropriation::CostsThenInterest,
        RuleKind::Fr | RuleKind::UsCa | RuleKind::UsNy | RuleKind::UsTx => {
            Appropriation::InterestFirst
        }
        RuleKind::Contract => settings.contract_appropriation,
        RuleKind::None | RuleKind::UkLatePayment | RuleKind::EuDirective => {
            Appropriation::PrincipalFirst
        }
    }
}

/// The day payment was legally due: under German law a due date on a Saturday or Sunday
/// moves to the next Monday (BGB §193); other rules keep the invoice's date. Public holidays,
/// which differ between the Länder, are not moved.
pub fn legal_due_date(rule: RuleKind, due: NaiveDate) -> NaiveDate {
    let days = match (rule, due.weekday()) {
        (RuleKind::De, Weekday::Sat) => 2,
        (RuleKind::De, Weekday::Sun) => 1,
        _ => 0,
    };
    add_days(due, days)
}

/// The first day interest runs: the day after the legal due date (Texas: the 30th day after it).
pub fn first_interest_day(rule: RuleKind, legal_due: NaiveDate) -> NaiveDate {
    add_days(legal_due, if rule == RuleKind::UsTx { 30 } else { 1 })
}

/// The first day of the half-year a day falls in (1 January or 1 July).
pub(super) fn half_year_start(day: NaiveDate) -> NaiveDate {
    let month = if day.month() <= 6 { 1 } else { 7 };
    NaiveDate::from_ymd_opt(day.year(), month, 1).unwrap_or(day)
}

/// The UK reference day: 31 December before a January–June start, 30 June before a July–December one.
fn uk_reference_day(day: NaiveDate) -> NaiveDate {
    add_days(half_year_start(day), -1)
}

/// True for rules whose rate is re-fixed each half-year.
pub(super) fn half_yearly(rule: RuleKind, options: InterestOptions) -> bool {
    match rule {
        RuleKind::EuDirective | RuleKind::Fr | RuleKind::De => true,
        RuleKind::UkLatePayment => options.uk_split_half_years,
        _ => false,
    }
}

/// The rate for one period and how it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Rate {
    /// Percent per year.
    pub annual: Decimal,
    /// Where it comes from, for people.
    pub basis: String,
    /// The reference rate is one the user added in Settings.
    pub user: bool,
    /// The reference rate was looked up after its table's check.
    pub stale: Option<Staleness>,
}

impl Rate {
    fn fixed(annual: Decimal, basis: String) -> Rate {
        Rate {
            annual,
            basis,
            user: false,
            stale: None,
        }
    }
}

/// One debt's terms and debtor, which together decide the rate.
pub(super) struct Debt<'a> {
    /// The interest terms in force.
    pub terms: &'a InterestTerms,
    /// The debtor is a consumer.
    pub consumer: bool,
    /// The first day interest runs.
    pub first_day: NaiveDate,
    /// Rates the user added in Settings.
    pub user_rows: &'a [RateRow],
}

/// A reference rate plus points, looked up for `on`.
fn reference(debt: &Debt, table: RateTableId, on: NaiveDate, points: i64) -> Result<Rate, String> {
    let name = table.shipped().name;
    let entry = entry_on(table, on, debt.user_rows).ok_or_else(|| {
        format!(
            "no {name} is known for {}; add it in Settings",
            format_date(on)
        )
    })?;
    let yours = if entry.user { ", your rate" } else { "" };
    Ok(Rate {
        annual: entry.rate + Decimal::from(points),
        basis: format!(
            "{name} on {} ({}%{yours}) + {points} points",
            format_date(on),
            entry.rate
        ),
        user: entry.user,
        stale: staleness(table, on, &entry),
    })
}

/// The rate for a period starting on `day`, or why there is none.
pub(super) fn rate_for(
    debt: &Debt,
    day: NaiveDate,
    options: InterestOptions,
) -> Result<Rate, String> {
    let statute = |percent: i64| {
        Ok(Rate::fixed(
            Decimal::from(percent),
            format!("{percent}% a year by statute"),
        ))
    };
    match debt.terms.rule {
        RuleKind::None => Ok(Rate::fixed(Decimal::ZERO, "no interest".into())),
        RuleKind::Contract => debt
            .terms
            .annual_rate
            .map(|rate| Rate::fixed(rate, format!("contract rate {rate}% a year")))
            .ok_or_else(|| "the contract rate is not set on this invoice".to_string()),
        RuleKind::UsCa => statute(10),
        RuleKind::UsNy if debt.consumer => statute(2),
        RuleKind::UsNy => statute(9),
        RuleKind::UsTx => statute(6),
        RuleKind::UkLatePayment => {
            let fixed_on = if options.uk_split_half_years {
                day
            } else {
                debt.first_day
            };
            reference(debt, RateTableId::Boe, uk_reference_day(fixed_on), 8)
        }
        RuleKind::EuDirective => reference(debt, RateTableId::Ecb, half_year_start(day), 8),
        RuleKind::Fr => reference(debt, RateTableId::Ecb, half_year_start(day), 10),
        RuleKind::De => {
            let points = if debt.consumer { 5 } else { 9 };
            reference(debt, RateTableId::Bundesbank, half_year_start(day), points)
        }
    }
}

/// The fixed sum for the cost of recovery a rule gives on a late invoice, if any. A consumer
/// owes none under German law (BGB §288(5) is for debtors who are not consumers).
pub(super) fn compensation(
    terms: &InterestTerms,
    invoice: &Invoice,
    consumer: bool,
) -> Option<Compensation> {
    let euro = |citation| Compensation {
        amount: Decimal::from(40),
        currency: Currency::parse("EUR").unwrap_or_default(),
        citation,
    };
    match terms.rule {
        RuleKind::UkLatePayment => Some(Compensation {
            amount: Decimal::from(uk_fixed_sum(invoice.amount.value())),
            currency: Currency::parse("GBP").unwrap_or_default(),
            citation: "Late Payment of Commercial Debts (Interest) Act 1998, s. 5A",
        }),
        RuleKind::EuDirective => Some(euro("Directive 2011/7/EU, art. 6")),
        RuleKind::De if consumer => None,
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

/// The UK fixed sum (s.5A): £40 under £1,000; £70 under £10,000; £100 from £10,000.
fn uk_fixed_sum(amount: Decimal) -> i64 {
    if amount < Decimal::from(1000) {
        40
    } else if amount < Decimal::from(10000) {
        70
    } else {
        100
    }
}
