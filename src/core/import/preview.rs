//! The preview: what an import would add, update, leave alone and skip, with every problem
//! by line, before anything is written. The `/import` page renders it as it is.

use super::amounts::DecimalMark;
use super::dates::DateOrder;
use super::decode::Encoding;
use super::fields::{Field, Mapping};
use super::invoices::{finish, Context};
use super::layout::{FileKind, Profile};
use super::matching::Matcher;
use super::plan::Plan;
use super::rows::{group_rows, invoice_key, RowValues};
use super::settings::{decide, ChosenSettings, Settings};
use super::source::SourceFile;
use super::table::Separator;
use crate::core::currency::Currency;
use crate::core::ledger::Ledger;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::HashMap;

/// The choices the `/import` page offers; `None` lets the file decide.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// The user's column mapping, replacing the recognised one.
    pub mapping: Option<Mapping>,
    /// Day/month order for dates the values leave ambiguous (default from the business
    /// currency: USD → month first, else day first).
    pub date_order: Option<DateOrder>,
    /// The decimal mark (default: read from the values, else `.`).
    pub decimal: Option<DecimalMark>,
    /// The currency of rows that name none (default: the business currency).
    pub currency: Option<Currency>,
    /// The date given to payments the file does not date (default: the export date the
    /// file states, else today).
    pub payment_date: Option<NaiveDate>,
    /// Days from issue to due when the file has neither a due date nor terms (default 30).
    pub default_terms_days: Option<u32>,
    /// Overwrite values edited in Overdue with the file's (they are listed either way).
    pub replace_hand_edits: bool,
}

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The row is skipped.
    Error,
    /// The row is imported with an assumption the user should check.
    Note,
}

/// A problem or note about one line of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The line (1 = the file's first line).
    pub line: usize,
    /// The column's header as written, when one column is at fault.
    pub column: Option<String>,
    /// Whether the row is skipped.
    pub severity: Severity,
    /// What is wrong or assumed, for people.
    pub message: String,
}

impl Problem {
    /// A problem that skips its row.
    pub fn error(line: usize, column: Option<String>, message: impl Into<String>) -> Problem {
        Problem {
            line,
            column,
            severity: Severity::Error,
            message: message.into(),
        }
    }

    /// A note about an assumption; the row is imported.
    pub fn note(line: usize, column: Option<String>, message: impl Into<String>) -> Problem {
        Problem {
            line,
            column,
            severity: Severity::Note,
            message: message.into(),
        }
    }
}

/// What the import does with a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Adds it.
    New,
    /// Changes an invoice already in Overdue (amounts, dates, new payments).
    Update,
    /// Already in Overdue as the file has it.
    Unchanged,
    /// Not imported (see the reason).
    Skip,
}

impl Action {
    /// The `data-action` value: `new`, `update`, `unchanged`, `skip`.
    pub fn id(self) -> &'static str {
        match self {
            Action::New => "new",
            Action::Update => "update",
            Action::Unchanged => "unchanged",
            Action::Skip => "skip",
        }
    }
}

/// Whether a preview row is an invoice or a payment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// An invoice (with its line items).
    Invoice,
    /// A payment from a payments file.
    Payment,
}

/// One invoice (or payment) of the preview, as the `csv-row` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreviewRow {
    /// Its first line in the file.
    pub line: usize,
    /// Invoice or payment.
    pub kind: RowKind,
    /// The invoice number as written.
    pub number: String,
    /// The client's name as written.
    pub client: String,
    /// The invoice total (or payment amount), when it could be read.
    pub amount: Option<Decimal>,
    /// The balance after the import (invoices only).
    pub balance: Option<Decimal>,
    /// The due date after the import (invoices only).
    pub due_date: Option<NaiveDate>,
    /// The currency.
    pub currency: Option<Currency>,
    /// What the import does with it.
    pub action: Action,
    /// Why it is skipped.
    pub reason: Option<String>,
    /// What changes, one line each (updates), or what was kept (hand edits).
    pub changes: Vec<String>,
}

/// How many rows each action takes, and the records that would be added.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// Rows added.
    pub new: usize,
    /// Invoices updated.
    pub updated: usize,
    /// Rows already in Overdue.
    pub unchanged: usize,
    /// Rows skipped.
    pub skipped: usize,
    /// Clients added.
    pub new_clients: usize,
    /// Payments added.
    pub new_payments: usize,
    /// Undated payments replaced by dated ones.
    pub replaced_payments: usize,
}

/// A target field and the header of the column that fills it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MappedField {
    /// The field.
    pub field: Field,
    /// The column's header as written, or `None` when unmapped.
    pub header: Option<String>,
}

/// A column's header and a few of its values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnSample {
    /// The header as written.
    pub header: String,
    /// Up to three non-blank values from the top.
    pub samples: Vec<String>,
}

/// Everything an import would do, for the user to see before anything is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    /// The recognised layout.
    pub profile: Profile,
    /// Why it was recognised.
    pub reason: String,
    /// Invoices or payments.
    pub kind: FileKind,
    /// How the bytes were read.
    pub encoding: Encoding,
    /// The separator found.
    pub separator: Separator,
    /// The header row's line.
    pub header_line: usize,
    /// Each field and the column filling it.
    pub mapping: Vec<MappedField>,
    /// Each column with sample values.
    pub columns: Vec<ColumnSample>,
    /// The settings used, and how each was decided.
    pub settings: ChosenSettings,
    /// One row per invoice (or payment).
    pub rows: Vec<PreviewRow>,
    /// Problems and notes, by line.
    pub problems: Vec<Problem>,
    /// Totals per action.
    pub counts: Counts,
    pub(crate) plan: Plan,
}

impl Preview {
    /// True when committing would change the ledger.
    pub fn has_changes(&self) -> bool {
        !self.plan.is_empty()
    }

    /// One sentence for `csv-status`, such as "3 new, 1 updated, 2 unchanged, 4 skipped".
    pub fn summary(&self) -> String {
        let c = &self.counts;
        format!(
            "{} new, {} updated, {} unchanged, {} skipped ({} new clients, {} new payments)",
            c.new, c.updated, c.unchanged, c.skipped, c.new_clients, c.new_payments
        )
    }
}

/// Previews importing `file` into `ledger`: reads every row with the options and matches it
/// against the ledger's clients and invoices. Nothing is written.
pub fn preview(
    ledger: &Ledger,
    file: &SourceFile,
    options: &ImportOptions,
    today: NaiveDate,
) -> Preview {
    let mapping = options
        .mapping
        .clone()
        .unwrap_or_else(|| file.mapping.clone());
    let mut problems: Vec<Problem> = file
        .notes
        .iter()
        .map(|n| Problem::note(1, None, n.clone()))
        .collect();
    let settings = decide(
        file,
        &mapping,
        options,
        &ledger.business.default_currency,
        today,
        &mut problems,
    );
    missing_fields(file, &mapping, &mut problems);
    let mut matcher = Matcher::new(ledger, file.profile, options, &settings.chosen);
    match_rows(
        file,
        &mapping,
        &settings,
        options,
        &mut matcher,
        &mut problems,
    );
    problems.sort_by_key(|p| p.line);
    let (rows, counts, plan) = matcher.finish();
    Preview {
        profile: file.profile,
        reason: file.reason.clone(),
        kind: file.kind,
        encoding: file.encoding,
        separator: file.separator,
        header_line: file.header_line,
        mapping: mapped_fields(file, &mapping),
        columns: column_samples(file),
        settings: settings.chosen,
        rows,
        problems,
        counts,
        plan,
    }
}

/// Reads the rows into invoices and payments and matches each against the ledger.
fn match_rows(
    file: &SourceFile,
    mapping: &Mapping,
    settings: &Settings,
    options: &ImportOptions,
    matcher: &mut Matcher,
    problems: &mut Vec<Problem>,
) {
    let grouped = group_rows(file, mapping, settings, problems);
    let context = Context {
        profile: file.profile,
        settings,
        default_terms: i64::from(options.default_terms_days.unwrap_or(30)),
        due_header: mapping
            .get(Field::DueDate)
            .map(|c| file.header(c).to_string()),
    };
    let mut file_payments = payments_by_invoice(grouped.payments);
    let mut dollar_assumed = false;
    for group in &grouped.invoices {
        match finish(group, &context, problems) {
            Ok(incoming) => {
                dollar_assumed |= incoming.dollar_assumed;
                let key = invoice_key(&incoming.number, &incoming.client);
                let payments = file_payments.remove(&key).unwrap_or_default();
                matcher.invoice(incoming, payments, problems);
            }
            Err(skipped) => matcher.skip(skipped),
        }
    }
    let mut orphans: Vec<RowValues> = file_payments.into_values().flatten().collect();
    orphans.sort_by_key(|row| row.line);
    matcher.payments(orphans, problems);
    if dollar_assumed {
        problems.push(Problem::note(file.header_line, None, "Amounts carry only a $ sign and no currency code; they were taken as USD. If they are another dollar, choose the currency of rows that name none."));
    }
}

fn payments_by_invoice(rows: Vec<RowValues>) -> HashMap<(String, String), Vec<RowValues>> {
    let mut by_invoice: HashMap<(String, String), Vec<RowValues>> = HashMap::new();
    for row in rows {
        by_invoice
            .entry(invoice_key(&row.number, &row.client))
            .or_default()
            .push(row);
    }
    by_invoice
}

/// Says which fields an import needs but no column fills.
fn missing_fields(file: &SourceFile, mapping: &Mapping, problems: &mut Vec<Problem>) {
    let client_ok =
        mapping.get(Field::Client).is_some() || file.rows.iter().any(|r| r.section.is_some());
    let needs: Vec<(bool, &str)> = match file.kind {
        FileKind::Invoices => vec![
            (mapping.get(Field::Number).is_some(), "the invoice number"),
            (client_ok, "the client"),
            (
                [Field::Amount, Field::LineTotal, Field::Balance]
                    .iter()
                    .any(|f| mapping.get(*f).is_some()),
                "the amount (or line totals, or the balance)",
            ),
            (
                mapping.get(Field::IssueDate).is_some() || mapping.get(Field::DueDate).is_some(),
                "the issue date or the due date",
            ),
        ],
        FileKind::Payments => vec![
            (mapping.get(Field::Number).is_some(), "the invoice number"),
            (mapping.get(Field::Amount).is_some(), "the payment amount"),
            (
                mapping.get(Field::PaymentDate).is_some(),
                "the payment date",
            ),
        ],
    };
    for (_, what) in needs.into_iter().filter(|(ok, _)| !ok) {
        problems.push(Problem::error(
            file.header_line,
            None,
            format!("No column is mapped to {what}; choose it in the column mapping."),
        ));
    }
}

fn mapped_fields(file: &SourceFile, mapping: &Mapping) -> Vec<MappedField> {
    Field::ALL
        .iter()
        .map(|&field| MappedField {
            field,
            header: mapping.get(field).map(|c| file.header(c).to_string()),
        })
        .collect()
}

fn column_samples(file: &SourceFile) -> Vec<ColumnSample> {
    file.headers
        .iter()
        .enumerate()
        .map(|(column, header)| ColumnSample {
            header: header.clone(),
            samples: file
                .rows
                .iter()
                .map(|row| row.cell(column))
                .filter(|cell| !cell.is_empty())
                .take(3)
                .map(String::from)
                .collect(),
        })
        .collect()
}

/// The mapping with `field` filled from the column headed `header` (`None` clears it).
pub fn remap(file: &SourceFile, mapping: &Mapping, field: Field, header: Option<&str>) -> Mapping {
    let mut mapping = mapping.clone();
    mapping.set(field, header.and_then(|h| file.column(h)));
    mapping
}
