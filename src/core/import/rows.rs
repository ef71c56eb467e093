//! Reading data rows into invoices and payments: values parsed, line items grouped by
//! invoice number and client, and rows that are not debts set aside with their reason.

use super::amounts::{read_amount, read_currency, read_terms, ReadAmount};
use super::dates::read_date;
use super::fields::{Field, Mapping};
use super::layout::{FileKind, Profile};
use super::preview::Problem;
use super::settings::Settings;
use super::source::{DataRow, SourceFile};
use crate::core::currency::Currency;
use chrono::NaiveDate;
use std::collections::HashMap;

/// One row's values, parsed; `error` holds the first bad value's message.
#[derive(Debug, Clone, Default)]
pub struct RowValues {
    /// The line it starts on.
    pub line: usize,
    /// The client (or the section row above).
    pub client: String,
    /// The client's e-mail.
    pub email: String,
    /// The invoice number.
    pub number: String,
    /// `invoice` or `payment` (Overdue's layout), lower case.
    pub record: String,
    /// The source status, lower case.
    pub status: String,
    /// The document type, lower case.
    pub kind: String,
    /// How a payment was made.
    pub method: String,
    /// A note.
    pub note: String,
    /// What was supplied.
    pub description: String,
    /// Date of issue.
    pub issue_date: Option<NaiveDate>,
    /// Due date.
    pub due_date: Option<NaiveDate>,
    /// Payment date (or last payment date).
    pub payment_date: Option<NaiveDate>,
    /// The total (or payment amount).
    pub amount: Option<ReadAmount>,
    /// Paid so far.
    pub paid: Option<ReadAmount>,
    /// Balance owed.
    pub balance: Option<ReadAmount>,
    /// This line item's total.
    pub line_total: Option<ReadAmount>,
    /// The currency column's value.
    pub currency: Option<Currency>,
    /// Payment terms in days.
    pub terms: Option<i64>,
    /// The first bad value's message.
    pub error: Option<String>,
}

/// Reads cells of one row through the mapping, recording each bad value as a problem.
struct Cells<'a> {
    file: &'a SourceFile,
    mapping: &'a Mapping,
    settings: &'a Settings,
    row: &'a DataRow,
    values: RowValues,
    problems: &'a mut Vec<Problem>,
}

impl Cells<'_> {
    fn text(&self, field: Field) -> String {
        self.mapping
            .get(field)
            .map_or(String::new(), |c| self.row.cell(c).to_string())
    }

    fn fail(&mut self, column: usize, message: String) {
        self.problems.push(Problem::error(
            self.row.line,
            Some(self.file.header(column).to_string()),
            message.clone(),
        ));
        self.values.error.get_or_insert(message);
    }

    fn date(&mut self, field: Field) -> Option<NaiveDate> {
        let column = self.mapping.get(field)?;
        let order = self.settings.order_for(column);
        read_date(self.row.cell(column), order)
            .map_err(|message| self.fail(column, message))
            .ok()
            .flatten()
    }

    fn money(&mut self, field: Field) -> Option<ReadAmount> {
        let column = self.mapping.get(field)?;
        let read = read_amount(self.row.cell(column), self.settings.chosen.decimal);
        match read {
            Ok(Some(amount)) if amount.value.normalize().scale() > 2 => {
                let shown = self.row.cell(column).to_string();
                self.fail(column, format!("\"{shown}\" has more than two decimals"));
                None
            }
            Ok(amount) => amount,
            Err(message) => {
                self.fail(column, message);
                None
            }
        }
    }

    fn currency(&mut self) -> Option<Currency> {
        let column = self.mapping.get(Field::Currency)?;
        read_currency(self.row.cell(column))
            .map_err(|message| self.fail(column, message))
            .ok()
            .flatten()
    }
}

/// Parses one data row.
pub fn read_row(
    file: &SourceFile,
    mapping: &Mapping,
    settings: &Settings,
    row: &DataRow,
    problems: &mut Vec<Problem>,
) -> RowValues {
    let mut cells = Cells {
        file,
        mapping,
        settings,
        row,
        values: RowValues::default(),
        problems,
    };
    let mut client = cells.text(Field::Client);
    if client.is_empty()
        && (file.profile.client_from_section() || mapping.get(Field::Client).is_none())
    {
        client = row.section.clone().unwrap_or_default();
    }
    cells.values = RowValues {
        line: row.line,
        client,
        email: cells.text(Field::Email),
        number: cells.text(Field::Number),
        record: cells.text(Field::Record).to_lowercase(),
        status: cells.text(Field::Status).to_lowercase(),
        kind: cells.text(Field::Kind).to_lowercase(),
        method: cells.text(Field::Method),
        note: cells.text(Field::Note),
        description: cells.text(Field::Description),
        terms: read_terms(&cells.text(Field::Terms)),
        ..RowValues::default()
    };
    cells.values.issue_date = cells.date(Field::IssueDate);
    cells.values.due_date = cells.date(Field::DueDate);
    cells.values.payment_date = cells.date(Field::PaymentDate);
    cells.values.amount = cells.money(Field::Amount);
    cells.values.paid = cells.money(Field::Paid);
    cells.values.balance = cells.money(Field::Balance);
    cells.values.line_total = cells.money(Field::LineTotal);
    cells.values.currency = cells.currency();
    cells.values
}

/// The rows of one invoice (one row, or one per line item).
#[derive(Debug, Clone)]
pub struct RowGroup<'a> {
    /// The parsed rows, in file order.
    pub rows: Vec<RowValues>,
    /// The raw cells of each row, to spot exact repeats.
    pub raw: Vec<&'a [String]>,
}

/// Invoices' rows grouped by number and client, and payment rows.
#[derive(Debug, Default)]
pub struct Grouped<'a> {
    /// One group per invoice, in the order the file first names them.
    pub invoices: Vec<RowGroup<'a>>,
    /// Rows that record payments.
    pub payments: Vec<RowValues>,
}

/// The key rows of one invoice share: number and client, ignoring case and spaces.
pub fn invoice_key(number: &str, client: &str) -> (String, String) {
    (number.trim().to_lowercase(), client.trim().to_lowercase())
}

/// Parses every row and groups invoice rows by number and client.
pub fn group_rows<'a>(
    file: &'a SourceFile,
    mapping: &Mapping,
    settings: &Settings,
    problems: &mut Vec<Problem>,
) -> Grouped<'a> {
    let mut grouped = Grouped::default();
    let mut index: HashMap<(String, String), usize> = HashMap::with_capacity(file.rows.len());
    for row in &file.rows {
        let values = read_row(file, mapping, settings, row, problems);
        let is_payment = file.kind == FileKind::Payments
            || (file.profile == Profile::Overdue && values.record == "payment");
        if is_payment {
            grouped.payments.push(values);
            continue;
        }
        let key = invoice_key(&values.number, &values.client);
        let slot = if values.number.is_empty() {
            None
        } else {
            index.get(&key).copied()
        };
        match slot {
            Some(at) => {
                grouped.invoices[at].rows.push(values);
                grouped.invoices[at].raw.push(&row.cells);
            }
            None => {
                if !values.number.is_empty() {
                    index.insert(key, grouped.invoices.len());
                }
                grouped.invoices.push(RowGroup {
                    rows: vec![values],
                    raw: vec![&row.cells],
                });
            }
        }
    }
    grouped
}
