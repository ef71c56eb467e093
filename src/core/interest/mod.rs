//! Late-payment interest and fixed compensation: statutory rules (UK, EU, DE, FR, US states)
//! and contract rates, computed offline with a breakdown that shows the law and the arithmetic.
//!
//! Arithmetic: simple daily interest, `principal × annual rate ÷ 100 × days ÷ 365` (also in leap
//! years). Interest runs from the day after the due date (Texas: from the 30th day after it).
//! The payment day and the report's day are counted the same way: a debt paid on day P bears
//! interest for `P − due date` days, exactly as an unpaid debt reported on day P does (the
//! count the UK and French official calculators use). So a payment made on the due date
//! bears none, and one made the day after bears one day. The breakdown gets a new row at every
//! payment and every rate change; each row is rounded half away from zero to the cent once, at
//! its end, and the total is the sum of the rounded rows.
//!
//! Due date: under German law a due date on a Saturday or Sunday moves to the next Monday
//! (BGB §193) before interest starts. An invoice written off stops accruing on its write-off day.
//!
//! Part payments are appropriated as the rule's law says (see [`rules::appropriation`]):
//! Germany costs, then interest, then principal (BGB §367); France (Code civil art. 1343-1) and
//! the US states interest first; the UK Act and the EU Directive principal first; a contract
//! rate as [`crate::core::model::Settings::contract_appropriation`] says. Interest accrues on
//! the principal still unpaid, and [`InterestResult::allocations`] shows where each payment went.
//!
//! Fixed compensation (UK s.5A, EU art. 6, DE §288(5), FR D441-5, a contract's flat fee) is due
//! only when the invoice was not paid in full by its due date. German consumer debts carry the
//! base rate + 5 points and no flat sum (§288(1)); a New York consumer debt carries 2%.
//!
//! Reference rates: UK interest uses Bank Rate + 8 points, the reference rate being the one in
//! force on 31 December for interest that starts running from 1 January to 30 June, and on
//! 30 June for interest that starts from 1 July to 31 December (SI 2002/1675 art. 4). Following
//! that text one rate applies to the whole debt; [`InterestOptions::uk_split_half_years`]
//! re-fixes it for each half-year instead. EU, French and German rates are re-fixed each
//! half-year from the rate in force on 1 January or 1 July. The shipped tables are data files
//! checked up to a date ([`rates`]); a figure that needs a rate after that date carries a
//! [`Staleness`] warning, and a rate the user added in Settings is flagged on its row.

mod accrual;
mod claim;
pub mod rates;
pub mod rules;

use crate::core::currency::Currency;
use crate::core::dates::format_date;
use crate::core::ledger::Ledger;
use crate::core::model::{Appropriation, Business, InterestTerms, Invoice, Payment, RuleKind};
use crate::core::money::{format_money, format_percent, round_cents};
use chrono::NaiveDate;
pub use claim::{claims, client_claim, paid_late, ClaimTotals, ClientClaim, InvoiceClaim};
pub use rates::Staleness;
pub use rules::{appropriation, citation, citation_for, legal_due_date};
use rust_decimal::Decimal;

/// Choices that change how a rule is applied.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct InterestOptions {
    /// UK: re-fix the reference rate at each half-year instead of one rate for the whole debt.
    pub uk_split_half_years: bool,
    /// [`claims`] and [`client_claim`]: also claim the interest and compensation still due on
    /// invoices paid in full but late. The letter view and the settlement planner leave this
    /// off until the person ticks "Include interest on invoices paid late".
    pub include_paid_late: bool,
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
    /// The reference rate is one the user added in Settings, not a shipped one.
    pub user_rate: bool,
    /// The reference rate was looked up after its table's "checked up to" date.
    pub stale: Option<Staleness>,
}

/// Where one payment went, in the order the rule's law appropriates it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allocation {
    /// The payment's id.
    pub payment_id: String,
    /// The day it arrived.
    pub date: NaiveDate,
    /// The amount received.
    pub amount: Decimal,
    /// The part that paid recovery costs (the fixed compensation, when the law puts costs first).
    pub to_costs: Decimal,
    /// The part that paid interest accrued by its date.
    pub to_interest: Decimal,
    /// The part that paid principal.
    pub to_principal: Decimal,
    /// The part left over once everything due was paid (credit).
    pub unapplied: Decimal,
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
    /// False when the rule does not apply (no interest claimed, or a consumer debt under a
    /// business-to-business rule).
    pub applies: bool,
    /// The breakdown.
    pub rows: Vec<InterestRow>,
    /// The sum of the rows, in the invoice's currency: all interest accrued, including any part
    /// a payment has since paid (see [`InterestResult::allocations`]).
    pub total: Decimal,
    /// The invoice's currency.
    pub currency: Currency,
    /// Fixed compensation, if the rule gives one and payment was late.
    pub compensation: Option<Compensation>,
    /// The law (or contract) behind the interest.
    pub citation: String,
    /// The order part payments were appropriated in.
    pub appropriation: Appropriation,
    /// Where each payment dated on or before the report's day went, oldest first.
    pub allocations: Vec<Allocation>,
    /// Set when a figure depends on a rate after its table's "checked up to" date.
    pub stale: Option<Staleness>,
    /// Things the reader should know: why a rule does not apply, conversions not made.
    pub notes: Vec<String>,
}

impl InterestResult {
    /// The annual rate as text: one rate, or the range when it changed.
    pub fn rate_text(&self) -> String {
        let low = self.rows.iter().map(|r| r.annual_rate).min();
        let high = self.rows.iter().map(|r| r.annual_rate).max();
        match (low, high) {
            (Some(low), Some(high)) if low == high => format_percent(low),
            (Some(low), Some(high)) => format!("{}–{}", format_percent(low), format_percent(high)),
            _ => "—".into(),
        }
    }

    /// The staleness warning for people, if a figure may miss a later rate change.
    pub fn stale_message(&self) -> Option<String> {
        self.stale.as_ref().map(Staleness::message)
    }

    /// True when a rate the user added in Settings was used.
    pub fn uses_user_rate(&self) -> bool {
        self.rows.iter().any(|row| row.user_rate)
    }

    /// The part of the accrued interest that payments have paid.
    pub fn interest_paid(&self) -> Decimal {
        self.allocations.iter().map(|a| a.to_interest).sum()
    }

    /// Accrued interest not yet paid.
    pub fn interest_unpaid(&self) -> Decimal {
        self.total - self.interest_paid()
    }

    /// The compensation in the invoice's own currency (a sum set in another currency is left
    /// out, never converted).
    pub fn compensation_in_currency(&self) -> Decimal {
        self.compensation
            .as_ref()
            .filter(|fee| fee.currency == self.currency)
            .map_or(Decimal::ZERO, |fee| fee.amount)
    }
}

/// The terms that apply to an invoice: its own, or the business default rule.
pub fn effective_terms(invoice: &Invoice, business: &Business) -> InterestTerms {
    invoice
        .interest
        .clone()
        .unwrap_or_else(|| InterestTerms::rule(business.interest_rule))
}

/// A result with nothing computed yet.
fn empty_result(
    terms: &InterestTerms,
    invoice: &Invoice,
    consumer: bool,
    order: Appropriation,
) -> InterestResult {
    InterestResult {
        rule: terms.rule,
        applies: terms.rule != RuleKind::None,
        rows: Vec::new(),
        total: Decimal::ZERO,
        currency: invoice.currency.clone(),
        compensation: None,
        citation: citation_for(terms.rule, consumer).to_string(),
        appropriation: order,
        allocations: Vec::new(),
        stale: None,
        notes: Vec::new(),
    }
}

/// Why no interest is computed at all, if that is so.
fn not_claimed(rule: RuleKind, consumer: bool) -> Option<String> {
    if rule == RuleKind::None {
        return Some("No late-payment interest is claimed on this invoice.".into());
    }
    (consumer && rule.business_to_business_only()).then(|| format!(
        "Statutory late-payment interest under the {} applies to business-to-business debts only; this client is marked as a consumer, so none is claimed.",
        rule.label()
    ))
}

/// Notes on how the dates were read: a due date moved by §193, a consumer rate, a write-off.
fn date_notes(
    invoice: &Invoice,
    rule: RuleKind,
    consumer: bool,
    legal_due: NaiveDate,
    last_day: NaiveDate,
    as_of: NaiveDate,
) -> Vec<String> {
    let mut notes = Vec::new();
    if legal_due != invoice.due_date {
        notes.push(format!(
            "The due date, {}, falls on a weekend; under BGB §193 payment was due on the next working day, {}.",
            format_date(invoice.due_date),
            format_date(legal_due)
        ));
    }
    if rule == RuleKind::UsNy && consumer {
        notes.push("CPLR §5004 as amended in 2022 sets 2% a year on a consumer debt; whether the 2% rate also governs interest before judgment is debated.".into());
    }
    if last_day < as_of {
        notes.push(format!(
            "The invoice was written off on {}; interest stops on that day.",
            format_date(last_day)
        ));
    }
    notes
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
    let order = appropriation(terms.rule, &ledger.settings);
    let mut result = empty_result(&terms, invoice, consumer, order);
    if let Some(reason) = not_claimed(terms.rule, consumer) {
        result.applies = false;
        result.notes.push(reason);
        return result;
    }
    let legal_due = legal_due_date(terms.rule, invoice.due_date);
    let first_day = rules::first_interest_day(terms.rule, legal_due);
    let last_day = invoice
        .write_off
        .as_ref()
        .map_or(as_of, |w| w.date.min(as_of));
    let payments = payments_until(ledger, invoice, as_of);
    result.notes = date_notes(invoice, terms.rule, consumer, legal_due, last_day, as_of);
    let paid_by_due: Decimal = payments
        .iter()
        .filter(|p| p.date <= legal_due)
        .map(|p| p.amount.value())
        .sum();
    if first_day > as_of {
        result.notes.push(format!(
            "Interest starts running on {}.",
            format_date(first_day)
        ));
    } else if paid_by_due < invoice.amount.value() {
        set_compensation(&mut result, &terms, invoice, consumer);
    }
    let plan = accrual::Plan {
        amount: invoice.amount.value(),
        first_day,
        last_day,
        half_yearly: rules::half_yearly(terms.rule, options),
        costs: if order == Appropriation::CostsThenInterest {
            result.compensation_in_currency()
        } else {
            Decimal::ZERO
        },
        order,
        payments,
    };
    let debt = rules::Debt {
        terms: &terms,
        consumer,
        first_day,
        user_rows: &ledger.settings.rate_rows,
    };
    let walk = accrual::walk(&plan, |day| rules::rate_for(&debt, day, options));
    result.notes.extend(walk.problem);
    result.total = round_cents(walk.rows.iter().map(|row| row.interest).sum());
    result.rows = walk.rows;
    result.allocations = walk.allocations;
    result.stale = walk.stale;
    result
}

/// An invoice's payments dated on or before `as_of`, in date order.
fn payments_until<'a>(ledger: &'a Ledger, invoice: &Invoice, as_of: NaiveDate) -> Vec<&'a Payment> {
    let mut payments = ledger.payments_of(&invoice.id);
    payments.retain(|p| p.date <= as_of);
    payments.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
    payments
}

/// Sets the rule's compensation on a late invoice, with a note when it is in another currency.
fn set_compensation(
    result: &mut InterestResult,
    terms: &InterestTerms,
    invoice: &Invoice,
    consumer: bool,
) {
    result.compensation = rules::compensation(terms, invoice, consumer);
    if let Some(fee) = &result.compensation {
        if fee.currency != invoice.currency {
            result.notes.push(format!(
                "The fixed compensation is set by law in {}; it is shown in {} and not converted.",
                fee.currency, fee.currency
            ));
        }
    }
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
