//! The walk through a late invoice: periods between payments and rate changes, the interest of
//! each, and where each payment went.

use super::rates::Staleness;
use super::rules::{half_year_start, Rate};
use super::{Allocation, InterestRow};
use crate::core::dates::add_days;
use crate::core::model::{Appropriation, Payment};
use crate::core::money::round_cents;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::BTreeSet;

/// What the walk needs to know about one invoice.
pub(super) struct Plan<'a> {
    /// The invoice amount.
    pub amount: Decimal,
    /// The first day interest runs.
    pub first_day: NaiveDate,
    /// The last day interest runs: the report's day, or the write-off day if earlier.
    pub last_day: NaiveDate,
    /// The rate is re-fixed on 1 January and 1 July.
    pub half_yearly: bool,
    /// Recovery costs a payment pays first (zero unless the order is costs first).
    pub costs: Decimal,
    /// The order payments are appropriated in.
    pub order: Appropriation,
    /// Payments dated on or before the report's day, in date order.
    pub payments: Vec<&'a Payment>,
}

/// The walk's result.
pub(super) struct Walk {
    /// The breakdown.
    pub rows: Vec<InterestRow>,
    /// Where each payment went.
    pub allocations: Vec<Allocation>,
    /// Why the breakdown stops early, if it does.
    pub problem: Option<String>,
    /// The first rate looked up after its table's check.
    pub stale: Option<Staleness>,
}

/// What is owed at a point of the walk.
struct Owed {
    costs: Decimal,
    interest: Decimal,
    principal: Decimal,
}

/// Moves as much of `left` as `owed` takes, and returns it.
fn settle(owed: &mut Decimal, left: &mut Decimal) -> Decimal {
    let part = (*left).min(*owed).max(Decimal::ZERO);
    *owed -= part;
    *left -= part;
    part
}

impl Owed {
    /// Appropriates a payment in `order`; whatever is left over is unapplied (credit).
    fn take(&mut self, payment: &Payment, order: Appropriation) -> Allocation {
        let mut left = payment.amount.value();
        let zero = Decimal::ZERO;
        let (to_costs, to_interest, to_principal) = match order {
            Appropriation::PrincipalFirst => {
                let principal = settle(&mut self.principal, &mut left);
                (zero, settle(&mut self.interest, &mut left), principal)
            }
            Appropriation::InterestFirst => {
                let interest = settle(&mut self.interest, &mut left);
                (zero, interest, settle(&mut self.principal, &mut left))
            }
            Appropriation::CostsThenInterest => {
                let costs = settle(&mut self.costs, &mut left);
                let interest = settle(&mut self.interest, &mut left);
                (costs, interest, settle(&mut self.principal, &mut left))
            }
        };
        Allocation {
            payment_id: payment.id.clone(),
            date: payment.date,
            amount: payment.amount.value(),
            to_costs,
            to_interest,
            to_principal,
            unapplied: left,
        }
    }
}

/// The first day of each period: the first interest day, the day after each payment, and
/// (for half-yearly rules) each 1 January and 1 July, up to the last interest day.
fn period_starts(plan: &Plan) -> Vec<NaiveDate> {
    let mut starts: BTreeSet<NaiveDate> = plan
        .payments
        .iter()
        .map(|p| add_days(p.date, 1))
        .filter(|day| *day > plan.first_day && *day <= plan.last_day)
        .collect();
    starts.insert(plan.first_day);
    if plan.half_yearly {
        let mut boundary = half_year_start(plan.first_day);
        while boundary <= plan.last_day {
            if boundary > plan.first_day {
                starts.insert(boundary);
            }
            boundary = half_year_start(add_days(boundary, 190));
        }
    }
    starts.into_iter().collect()
}

/// Walks the periods from the first to the last interest day. A payment dated P is
/// appropriated at the end of day P, so the paid part bears interest for P − due days, the
/// same count as an unpaid debt reported on day P.
pub(super) fn walk(plan: &Plan, rate: impl Fn(NaiveDate) -> Result<Rate, String>) -> Walk {
    let mut owed = Owed {
        costs: Decimal::ZERO,
        interest: Decimal::ZERO,
        principal: plan.amount,
    };
    let mut walk = Walk {
        rows: Vec::new(),
        allocations: Vec::new(),
        problem: None,
        stale: None,
    };
    let mut payments = plan.payments.iter().peekable();
    let mut pay_until = |day: NaiveDate, owed: &mut Owed, walk: &mut Walk| {
        while let Some(payment) = payments.next_if(|p| p.date <= day) {
            walk.allocations.push(owed.take(payment, plan.order));
        }
    };
    if plan.first_day > plan.last_day {
        pay_until(NaiveDate::MAX, &mut owed, &mut walk);
        return walk;
    }
    pay_until(add_days(plan.first_day, -1), &mut owed, &mut walk);
    owed.costs = plan.costs;
    let starts = period_starts(plan);
    for (index, from) in starts.iter().enumerate() {
        let to = starts
            .get(index + 1)
            .map_or(plan.last_day, |next| add_days(*next, -1));
        if owed.principal > Decimal::ZERO && walk.problem.is_none() {
            match rate(*from) {
                Ok(rate) => {
                    let row = accrue(*from, to, owed.principal, rate);
                    owed.interest += row.interest;
                    walk.stale = walk.stale.or(row.stale);
                    walk.rows.push(row);
                }
                Err(problem) => walk.problem = Some(problem),
            }
        }
        pay_until(to, &mut owed, &mut walk);
    }
    pay_until(NaiveDate::MAX, &mut owed, &mut walk);
    walk
}

/// Simple interest on `principal` from `from` to `to`, both inclusive, rounded to the cent.
fn accrue(from: NaiveDate, to: NaiveDate, principal: Decimal, rate: Rate) -> InterestRow {
    let days = (to - from).num_days() + 1;
    let interest = round_cents(
        principal * rate.annual / Decimal::from(100) * Decimal::from(days) / Decimal::from(365),
    );
    InterestRow {
        from,
        to,
        days,
        principal,
        annual_rate: rate.annual,
        interest,
        basis: rate.basis,
        user_rate: rate.user,
        stale: rate.stale,
    }
}
