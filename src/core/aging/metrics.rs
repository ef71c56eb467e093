//! Collection metrics over a period ending on a day: DSO (simple, countback, best possible),
//! ADD, CEI and the share at risk. One currency at a time; undefined metrics say why.

use super::{open_invoices, AgingOptions, Buckets};
use crate::core::currency::Currency;
use crate::core::dates::add_days;
use crate::core::ledger::Ledger;
use crate::core::money::format_money;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// One metric with the working behind it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Metric {
    /// The value, or `None` when it is undefined.
    pub value: Option<Decimal>,
    /// `days` or `%`.
    pub unit: &'static str,
    /// The formula in words.
    pub formula: &'static str,
    /// The inputs and the arithmetic, or why the metric is undefined.
    pub working: String,
}

impl Metric {
    /// The value rounded to one decimal place for display, or `—`.
    pub fn display(&self) -> String {
        match self.value {
            Some(value) => format!("{} {}", value.round_dp(1), self.unit),
            None => "—".into(),
        }
    }
}

/// The collection metrics of one currency over one period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Metrics {
    /// Days in the period.
    pub period_days: u32,
    /// Simple days sales outstanding.
    pub dso: Metric,
    /// Countback days sales outstanding.
    pub countback_dso: Metric,
    /// Best possible DSO (current receivables only).
    pub best_dso: Metric,
    /// Average days delinquent = DSO − best possible DSO.
    pub add: Metric,
    /// Collection effectiveness index.
    pub cei: Metric,
    /// Share of receivables more than 90 days overdue.
    pub at_risk: Metric,
}

/// Receivables of one currency on a day: (total, current, more than 90 days overdue).
fn receivables(
    ledger: &Ledger,
    currency: &Currency,
    as_of: NaiveDate,
) -> (Decimal, Decimal, Decimal) {
    let options = AgingOptions {
        as_of,
        buckets: Buckets::default(),
        by_issue_date: false,
        include_disputed: true,
    };
    open_invoices(ledger, &options)
        .into_iter()
        .filter(|aged| &aged.invoice.currency == currency)
        .fold(
            (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO),
            |(total, current, late), aged| {
                (
                    total + aged.outstanding,
                    current
                        + if aged.days <= 0 {
                            aged.outstanding
                        } else {
                            Decimal::ZERO
                        },
                    late + if aged.days > 90 {
                        aged.outstanding
                    } else {
                        Decimal::ZERO
                    },
                )
            },
        )
}

/// Invoiced in one currency on days `after < issue_date <= through`.
fn credit_sales(
    ledger: &Ledger,
    currency: &Currency,
    after: NaiveDate,
    through: NaiveDate,
) -> Decimal {
    ledger
        .invoices
        .iter()
        .filter(|i| &i.currency == currency && i.issue_date > after && i.issue_date <= through)
        .map(|i| i.amount.value())
        .sum()
}

/// Computes the metrics of `currency` for the `period_days` ending on `as_of`.
///
/// Countback DSO walks back from `as_of` in 30-day blocks (at most twelve), using up the
/// receivables against each block's credit sales: every block fully used adds 30 days, and
/// the block that is only partly used adds its share of 30 days.
pub fn metrics(
    ledger: &Ledger,
    as_of: NaiveDate,
    period_days: u32,
    currency: &Currency,
) -> Metrics {
    let money = |value: Decimal| format_money(value, currency);
    let days = Decimal::from(period_days);
    let start = add_days(as_of, -i64::from(period_days));
    let (total, current, late) = receivables(ledger, currency, as_of);
    let (opening, _, _) = receivables(ledger, currency, start);
    let sales = credit_sales(ledger, currency, start, as_of);
    let no_sales =
        format!("undefined: no credit sales in {currency} in the {period_days} days to {as_of}");
    let per_sales = |numerator: Decimal, label: &str| match sales.is_zero() {
        true => (None, no_sales.clone()),
        false => (
            Some(numerator / sales * days),
            format!(
                "{label} {} ÷ credit sales {} × {period_days} days",
                money(numerator),
                money(sales)
            ),
        ),
    };
    let (dso_value, dso_working) = per_sales(total, "receivables");
    let (best_value, best_working) = per_sales(current, "current receivables");
    let add = match (dso_value, best_value) {
        (Some(dso), Some(best)) => Metric {
            value: Some(dso - best),
            unit: "days",
            formula: "DSO − best possible DSO",
            working: format!("{} − {} days", dso.round_dp(1), best.round_dp(1)),
        },
        _ => Metric {
            value: None,
            unit: "days",
            formula: "DSO − best possible DSO",
            working: no_sales.clone(),
        },
    };
    let cei_denominator = opening + sales - current;
    let cei = Metric {
        value: (!cei_denominator.is_zero()).then(|| (opening + sales - total) / cei_denominator * Decimal::from(100)),
        unit: "%",
        formula: "(opening receivables + credit sales − closing receivables) ÷ (opening receivables + credit sales − closing current receivables) × 100",
        working: if cei_denominator.is_zero() {
            "undefined: nothing was collectable in the period".into()
        } else {
            format!(
                "({} + {} − {}) ÷ ({} + {} − {}) × 100",
                money(opening),
                money(sales),
                money(total),
                money(opening),
                money(sales),
                money(current)
            )
        },
    };
    Metrics {
        period_days,
        dso: Metric {
            value: dso_value,
            unit: "days",
            formula: "receivables ÷ credit sales × days in period",
            working: dso_working,
        },
        countback_dso: countback(ledger, currency, as_of, total),
        best_dso: Metric {
            value: best_value,
            unit: "days",
            formula: "current receivables ÷ credit sales × days in period",
            working: best_working,
        },
        add,
        cei,
        at_risk: Metric {
            value: (!total.is_zero()).then(|| late / total * Decimal::from(100)),
            unit: "%",
            formula: "receivables more than 90 days overdue ÷ all receivables × 100",
            working: if total.is_zero() {
                format!("undefined: nothing is owed in {currency}")
            } else {
                format!("{} ÷ {} × 100", money(late), money(total))
            },
        },
    }
}

fn countback(
    ledger: &Ledger,
    currency: &Currency,
    as_of: NaiveDate,
    receivables: Decimal,
) -> Metric {
    const BLOCK: i64 = 30;
    let formula = "walk back 30-day blocks of credit sales until they cover the receivables";
    let mut left = receivables;
    let mut days = Decimal::ZERO;
    let mut steps = Vec::new();
    for block in 0..12 {
        if left.is_zero() {
            break;
        }
        let through = add_days(as_of, -BLOCK * block);
        let sales = credit_sales(ledger, currency, add_days(through, -BLOCK), through);
        if left > sales {
            left -= sales;
            days += Decimal::from(BLOCK);
            steps.push(format!("30 days (sales {})", format_money(sales, currency)));
        } else {
            days += left / sales * Decimal::from(BLOCK);
            steps.push(format!(
                "{} ÷ {} × 30 days",
                format_money(left, currency),
                format_money(sales, currency)
            ));
            left = Decimal::ZERO;
        }
    }
    if !left.is_zero() {
        return Metric {
            value: None,
            unit: "days",
            formula,
            working: "undefined: the receivables are more than the last 360 days of credit sales"
                .into(),
        };
    }
    Metric {
        value: Some(days),
        unit: "days",
        formula,
        working: if steps.is_empty() {
            "nothing is owed".into()
        } else {
            steps.join(" + ")
        },
    }
}
