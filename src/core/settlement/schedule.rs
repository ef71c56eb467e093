//! Exact payment schedules: the instalments sum to the agreed total to the cent.

use crate::core::dates::add_days;
use crate::core::error::FieldError;
use crate::core::model::Instalment;
use chrono::{Datelike, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

/// How often instalments fall due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Frequency {
    /// Every 7 days.
    #[serde(rename = "weekly")]
    Weekly,
    /// Every 14 days.
    #[serde(rename = "fortnightly")]
    Fortnightly,
    /// On the same day each month, clamped to the month's end.
    #[serde(rename = "monthly")]
    Monthly,
}

impl Frequency {
    /// Every frequency.
    pub const ALL: [Frequency; 3] = [
        Frequency::Weekly,
        Frequency::Fortnightly,
        Frequency::Monthly,
    ];

    /// The id used by the `plan-frequency` input.
    pub fn id(self) -> &'static str {
        match self {
            Frequency::Weekly => "weekly",
            Frequency::Fortnightly => "fortnightly",
            Frequency::Monthly => "monthly",
        }
    }

    /// The frequency for people.
    pub fn label(self) -> &'static str {
        match self {
            Frequency::Weekly => "Weekly",
            Frequency::Fortnightly => "Every two weeks",
            Frequency::Monthly => "Monthly",
        }
    }

    /// Looks a frequency up by id.
    pub fn from_id(id: &str) -> Option<Frequency> {
        Frequency::ALL
            .into_iter()
            .find(|frequency| frequency.id() == id)
    }

    /// The date of the `n`th period after `first` (0 is `first` itself).
    pub fn nth(self, first: NaiveDate, n: u32) -> NaiveDate {
        match self {
            Frequency::Weekly => add_days(first, 7 * i64::from(n)),
            Frequency::Fortnightly => add_days(first, 14 * i64::from(n)),
            Frequency::Monthly => add_months_clamped(first, n),
        }
    }
}

/// The same day of the month `months` later, clamped to that month's last day.
pub fn add_months_clamped(first: NaiveDate, months: u32) -> NaiveDate {
    let index = first.year() * 12 + first.month0() as i32 + months as i32;
    let (year, month) = (index.div_euclid(12), index.rem_euclid(12) as u32 + 1);
    (1..=first.day())
        .rev()
        .find_map(|day| NaiveDate::from_ymd_opt(year, month, day))
        .unwrap_or(first)
}

/// The terms a schedule is drawn from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanTerms {
    /// The agreed total, down payment included.
    pub total: Decimal,
    /// Paid on the first date; zero for none.
    pub down_payment: Decimal,
    /// Number of instalments after the down payment (1–120).
    pub count: u32,
    /// How often they fall due.
    pub frequency: Frequency,
    /// The first payment's date.
    pub first_date: NaiveDate,
}

fn field(field: &'static str, message: impl Into<String>) -> FieldError {
    FieldError::Field {
        field,
        message: message.into(),
    }
}

/// Draws the schedule: the down payment on the first date (if any), then `count` equal
/// instalments rounded down to the cent, the remainder on the last one. Without a down
/// payment the first instalment falls on the first date.
pub fn schedule(terms: &PlanTerms) -> Result<Vec<Instalment>, FieldError> {
    if terms.total <= Decimal::ZERO || terms.total.normalize().scale() > 2 {
        return Err(field(
            "total",
            "the agreed total must be an amount above zero",
        ));
    }
    if terms.down_payment < Decimal::ZERO || terms.down_payment.normalize().scale() > 2 {
        return Err(field(
            "down_payment",
            "the down payment must be zero or an amount",
        ));
    }
    if terms.down_payment >= terms.total {
        return Err(field(
            "down_payment",
            "the down payment must be less than the agreed total",
        ));
    }
    if !(1..=120).contains(&terms.count) {
        return Err(field("count", "choose between 1 and 120 instalments"));
    }
    let rest = terms.total - terms.down_payment;
    let count = Decimal::from(terms.count);
    let part = (rest / count).round_dp_with_strategy(2, RoundingStrategy::ToZero);
    if part < Decimal::new(1, 2) {
        return Err(field(
            "count",
            format!("{} instalments would each be less than 0.01", terms.count),
        ));
    }
    let mut rows = Vec::with_capacity(terms.count as usize + 1);
    let offset = u32::from(!terms.down_payment.is_zero());
    if offset == 1 {
        rows.push(Instalment {
            number: 1,
            date: terms.first_date,
            amount: terms.down_payment,
        });
    }
    for index in 0..terms.count {
        let amount = if index + 1 == terms.count {
            rest - part * (count - Decimal::ONE)
        } else {
            part
        };
        rows.push(Instalment {
            number: index + 1 + offset,
            date: terms.frequency.nth(terms.first_date, index + offset),
            amount,
        });
    }
    Ok(rows)
}
