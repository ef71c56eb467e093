//! Collection metrics over a period ending on a day: DSO (simple, countback, best possible),
//! ADD, CEI and the share at risk. One currency at a time; undefined metrics say why.

use super::{open_invoices, AgingOptions, Buckets};
use crate::core::books::Books;
use crate::core::currency::Currency;
use crate::core::dates::add_days;
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
    pub formula: String,
    /// The inputs and the arithmetic, or why the metric is undefined.
    pub working: String,
}

impl Metric {
    /// The value rounded to one decimal place with its unit, such as `22.5 days`, or `—`.
    pub fn value_text(&self) -> String {
        match self.value {
            Some(value) => format!("{} {}", value.round_dp(1), self.unit),
            None => "—".into(),
        }
    }

    /// The value rounded to two decimal places for the `data-value` hook, or empty.
    pub fn value_hook(&self) -> String {
        self.value
            .map(|value| value.round_dp(2).to_string())
            .unwrap_or_default()
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
    /// Share of receivables more than [`Metrics::AT_RISK_DAYS`] days overdue.
    pub at_risk: Metric,
}

impl Metrics {
    /// Receivables more than this many days overdue are at risk.
    pub const AT_RISK_DAYS: i64 = 90;
    /// The periods, in days, the metrics can be worked out over.
    pub const PERIODS: [u32; 3] = [30, 90, 365];
    /// The period shown first.
    pub const DEFAULT_PERIOD: u32 = 90;
}

/// Receivables of one currency on a day.
#[derive(Debug, Clone, Copy, Default)]
struct Receivables {
    total: Decimal,
    current: Decimal,
    at_risk: Decimal,
}

fn receivables(books: &Books, currency: &Currency, as_of: NaiveDate) -> Receivables {
    let options = AgingOptions {
        as_of,
        buckets: Buckets::default(),
        by_issue_date: false,
        include_disputed: true,
    };
    let mut sums = Receivables::default();
    for aged in open_invoices(books, &options).filter(|aged| &aged.invoice.currency == currency) {
        sums.total += aged.outstanding;
        if aged.days <= 0 {
            sums.current += aged.outstanding;
        }
        if aged.days > Metrics::AT_RISK_DAYS {
            sums.at_risk += aged.outstanding;
        }
    }
    sums
}

/// The credit sales of one currency issued after a day, gathered in one pass.
struct CreditSales(Vec<(NaiveDate, Decimal)>);

impl CreditSales {
    fn after(books: &Books, currency: &Currency, after: NaiveDate) -> CreditSales {
        CreditSales(
            books
                .invoices
                .iter()
                .filter(|invoice| invoice.issue_date > after && &invoice.currency == currency)
                .map(|invoice| (invoice.issue_date, invoice.amount.value()))
                .collect(),
        )
    }

    /// Invoiced on days `after < issue_date <= through`.
    fn between(&self, after: NaiveDate, through: NaiveDate) -> Decimal {
        self.0
            .iter()
            .filter(|(issued, _)| *issued > after && *issued <= through)
            .map(|(_, amount)| *amount)
            .sum()
    }
}

/// Countback walks back at most this many blocks of this many days.
const BLOCKS: i64 = 12;
const BLOCK_DAYS: i64 = 30;

/// Computes the metrics of `currency` for the `period_days` ending on `as_of`.
///
/// Countback DSO walks back from `as_of` in 30-day blocks (at most twelve), using up the
/// receivables against each block's credit sales: every block fully used adds 30 days, and
/// the block that is only partly used adds its share of 30 days.
pub fn metrics(books: &Books, as_of: NaiveDate, period_days: u32, currency: &Currency) -> Metrics {
    let money = |value: Decimal| format_money(value, currency);
    let days = Decimal::from(period_days);
    let start = add_days(as_of, -i64::from(period_days));
    let Receivables {
        total,
        current,
        at_risk: late,
    } = receivables(books, currency, as_of);
    let opening = receivables(books, currency, start).total;
    let history = CreditSales::after(
        books,
        currency,
        start.min(add_days(as_of, -BLOCK_DAYS * BLOCKS)),
    );
    let sales = history.between(start, as_of);
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
            formula: "DSO − best possible DSO".into(),
            working: format!("{} − {} days", dso.round_dp(1), best.round_dp(1)),
        },
        _ => Metric {
            value: None,
            unit: "days",
            formula: "DSO − best possible DSO".into(),
            working: no_sales.clone(),
        },
    };
    let cei_denominator = opening + sales - current;
    let cei = Metric {
        value: (!cei_denominator.is_zero()).then(|| (opening + sales - total) / cei_denominator * Decimal::from(100)),
        unit: "%",
        formula: "(opening receivables + credit sales − closing receivables) ÷ (opening receivables + credit sales − closing current receivables) × 100".into(),
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
            formula: "receivables ÷ credit sales × days in period".into(),
            working: dso_working,
        },
        countback_dso: countback(&history, currency, as_of, total),
        best_dso: Metric {
            value: best_value,
            unit: "days",
            formula: "current receivables ÷ credit sales × days in period".into(),
            working: best_working,
        },
        add,
        cei,
        at_risk: Metric {
            value: (!total.is_zero()).then(|| late / total * Decimal::from(100)),
            unit: "%",
            formula: format!(
                "receivables more than {} days overdue ÷ all receivables × 100",
                Metrics::AT_RISK_DAYS
            ),
            working: if total.is_zero() {
                format!("undefined: nothing is owed in {currency}")
            } else {
                format!("{} ÷ {} × 100", money(late), money(total))
            },
        },
    }
}

fn countback(
    history: &CreditSales,
    currency: &Currency,
    as_of: NaiveDate,
    receivables: Decimal,
) -> Metric {
    let formula = "walk back 30-day blocks of credit sales until they cover the receivables";
    let mut left = receivables;
    let mut days = Decimal::ZERO;
    let mut steps = Vec::new();
    for block in 0..BLOCKS {
        if left.is_zero() {
            break;
        }
        let through = add_days(as_of, -BLOCK_DAYS * block);
        let sales = history.between(add_days(through, -BLOCK_DAYS), through);
        if left > sales {
            left -= sales;
            days += Decimal::from(BLOCK_DAYS);
            steps.push(format!("30 days (sales {})", format_money(sales, currency)));
        } else {
            days += left / sales * Decimal::from(BLOCK_DAYS);
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
            formula: formula.into(),
            working: "undefined: the receivables are more than the last 360 days of credit sales"
                .into(),
        };
    }
    Metric {
        value: Some(days),
        unit: "days",
        formula: formula.into(),
        working: if steps.is_empty() {
            "nothing is owed".into()
        } else {
            steps.join(" + ")
        },
    }
}
