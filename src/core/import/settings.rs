//! File-wide reading settings: the decimal mark, the day/month order of each date column,
//! the currency of rows that name none and the date of undated payments, each decided from
//! the values or the options, and said when it was a default.

use super::amounts::{detect_decimal_mark, DecimalMark};
use super::dates::{evidence, DateOrder, OrderEvidence};
use super::fields::{Field, Mapping};
use super::preview::{ImportOptions, Problem};
use super::source::SourceFile;
use crate::core::currency::Currency;
use chrono::NaiveDate;

/// How the day/month order was settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderBasis {
    /// The values prove it (a day above 12).
    Proven,
    /// The user chose it.
    Chosen,
    /// The values are ambiguous; the default for the business currency was used.
    Default,
    /// No date in the file needs it (ISO dates, month names).
    NotNeeded,
}

/// Where the date of undated payments came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaymentDateBasis {
    /// The user chose it.
    Chosen,
    /// The date the file says it was exported or reported.
    ExportDate,
    /// Today, as the file states no date.
    Today,
}

/// The settings the preview used, to show next to the options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChosenSettings {
    /// Day/month order for ambiguous numeric dates.
    pub date_order: DateOrder,
    /// How that order was settled.
    pub date_order_basis: OrderBasis,
    /// The decimal mark of amounts.
    pub decimal: DecimalMark,
    /// True when the decimal mark was read from the values rather than chosen.
    pub decimal_detected: bool,
    /// The currency of rows that name none.
    pub currency: Currency,
    /// The date given to payments the file does not date.
    pub payment_date: NaiveDate,
    /// Where that date came from.
    pub payment_date_basis: PaymentDateBasis,
}

/// The settings plus the order of each date column.
#[derive(Debug, Clone)]
pub struct Settings {
    /// What the preview shows.
    pub chosen: ChosenSettings,
    column_orders: Vec<(usize, DateOrder)>,
}

impl Settings {
    /// The order to read `column`'s dates in.
    pub fn order_for(&self, column: usize) -> DateOrder {
        self.column_orders
            .iter()
            .find(|(c, _)| *c == column)
            .map_or(self.chosen.date_order, |(_, order)| *order)
    }
}

const DATE_FIELDS: [Field; 3] = [Field::IssueDate, Field::DueDate, Field::PaymentDate];
const MONEY_FIELDS: [Field; 4] = [Field::Amount, Field::Paid, Field::Balance, Field::LineTotal];

/// Decides the settings for a file, adding a note to `problems` for every default taken.
pub fn decide(
    file: &SourceFile,
    mapping: &Mapping,
    options: &ImportOptions,
    business_currency: &Currency,
    today: NaiveDate,
    problems: &mut Vec<Problem>,
) -> Settings {
    let (decimal, decimal_detected) = match options.decimal {
        Some(mark) => (mark, false),
        None => (detect_decimal(file, mapping).unwrap_or_default(), true),
    };
    let currency = options
        .currency
        .clone()
        .unwrap_or_else(|| business_currency.clone());
    let (payment_date, payment_date_basis) = match (options.payment_date, file.export_date) {
        (Some(date), _) => (date, PaymentDateBasis::Chosen),
        (None, Some(date)) => (date, PaymentDateBasis::ExportDate),
        (None, None) => (today, PaymentDateBasis::Today),
    };
    let default_order = if business_currency.code() == "USD" {
        DateOrder::Mdy
    } else {
        DateOrder::Dmy
    };
    let (column_orders, date_order, date_order_basis) =
        decide_orders(file, mapping, options.date_order, default_order, problems);
    Settings {
        chosen: ChosenSettings {
            date_order,
            date_order_basis,
            decimal,
            decimal_detected,
            currency,
            payment_date,
            payment_date_basis,
        },
        column_orders,
    }
}

fn detect_decimal(file: &SourceFile, mapping: &Mapping) -> Option<DecimalMark> {
    let columns: Vec<usize> = MONEY_FIELDS
        .iter()
        .filter_map(|f| mapping.get(*f))
        .collect();
    detect_decimal_mark(
        file.rows
            .iter()
            .flat_map(|row| columns.iter().map(move |c| row.cell(*c))),
    )
}

/// What a column's values prove: an order, nothing (ambiguous), or no need for one.
fn column_evidence(file: &SourceFile, column: usize) -> (Option<DateOrder>, bool) {
    let (mut day_first, mut month_first, mut ambiguous) = (0usize, 0usize, 0usize);
    for row in &file.rows {
        match evidence(row.cell(column)) {
            OrderEvidence::DayFirst => day_first += 1,
            OrderEvidence::MonthFirst => month_first += 1,
            OrderEvidence::Ambiguous => ambiguous += 1,
            OrderEvidence::None => {}
        }
    }
    let proven = match (day_first, month_first) {
        (0, 0) => None,
        (d, m) if d >= m => Some(DateOrder::Dmy),
        _ => Some(DateOrder::Mdy),
    };
    (proven, ambiguous > 0)
}

fn decide_orders(
    file: &SourceFile,
    mapping: &Mapping,
    chosen: Option<DateOrder>,
    default_order: DateOrder,
    problems: &mut Vec<Problem>,
) -> (Vec<(usize, DateOrder)>, DateOrder, OrderBasis) {
    let mut columns: Vec<usize> = DATE_FIELDS.iter().filter_map(|f| mapping.get(*f)).collect();
    columns.dedup();
    let evidence: Vec<(usize, Option<DateOrder>, bool)> = columns
        .iter()
        .map(|&c| {
            let (proven, ambiguous) = column_evidence(file, c);
            (c, proven, ambiguous)
        })
        .collect();
    let file_proven = evidence.iter().find_map(|(_, proven, _)| *proven);
    let open: Vec<usize> = evidence
        .iter()
        .filter(|(_, proven, ambiguous)| proven.is_none() && *ambiguous)
        .map(|(c, _, _)| *c)
        .collect();
    let (order, basis) = match (file_proven, chosen) {
        (_, Some(order)) if !open.is_empty() || file_proven.is_none() => {
            (order, OrderBasis::Chosen)
        }
        (Some(order), _) => (order, OrderBasis::Proven),
        (None, None) if open.is_empty() => (default_order, OrderBasis::NotNeeded),
        (None, _) => (default_order, OrderBasis::Default),
    };
    if basis == OrderBasis::Default {
        problems.push(ambiguity_note(file, &open, order));
    }
    let column_orders = evidence
        .into_iter()
        .map(|(c, proven, _)| (c, proven.unwrap_or(order)))
        .collect();
    (column_orders, order, basis)
}

fn ambiguity_note(file: &SourceFile, open: &[usize], order: DateOrder) -> Problem {
    let names: Vec<String> = open
        .iter()
        .map(|c| format!("\"{}\"", file.header(*c)))
        .collect();
    let reading = match order {
        DateOrder::Mdy => "month/day/year (the default when the business currency is USD)",
        _ => "day/month/year (the default when the business currency is not USD)",
    };
    Problem::note(
        file.header_line,
        open.first().map(|c| file.header(*c).to_string()),
        format!(
            "Every date in {} could be read either day-first or month-first; they were read as {reading}. Change the date order if that is wrong.",
            names.join(", ")
        ),
    )
}
