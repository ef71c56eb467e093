//! Aged receivables: who owes what and how late, as of any date, per client and currency.
//!
//! An invoice counts on day D when it was issued on or before D and something is still owed
//! at the end of D (only payments dated on or before D count; a write-off counts from its
//! date). Currencies are never added together: every row and every total has one currency.

pub mod buckets;
pub mod metrics;
pub mod queue;

pub use buckets::{Bucket, Buckets};

use crate::core::csv::push_row;
use crate::core::currency::Currency;
use crate::core::fast_map::{self, FastMap};
use crate::core::ledger::{outstanding_given_paid, Ledger};
use crate::core::model::Invoice;
use crate::core::money::plain;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// How to age the ledger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgingOptions {
    /// The day the report is for.
    pub as_of: NaiveDate,
    /// The buckets.
    pub buckets: Buckets,
    /// Count days from the issue date instead of the due date.
    pub by_issue_date: bool,
    /// Put disputed amounts in the buckets too (they are always reported separately as well).
    pub include_disputed: bool,
}

impl AgingOptions {
    /// Options from the ledger's settings, as of a day, disputed amounts included.
    pub fn from_settings(ledger: &Ledger, as_of: NaiveDate) -> AgingOptions {
        AgingOptions {
            as_of,
            buckets: Buckets::new(ledger.settings.bucket_edges.clone()).unwrap_or_default(),
            by_issue_date: ledger.settings.age_by_issue_date,
            include_disputed: true,
        }
    }
}

/// One open invoice on the report's day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgedInvoice<'a> {
    /// The invoice.
    pub invoice: &'a Invoice,
    /// What is owed on the day.
    pub outstanding: Decimal,
    /// Days past the due (or issue) date; zero or less when not yet due.
    pub days: i64,
    /// Its bucket's index.
    pub bucket: usize,
}

/// One line of the report: a client (or the total) in one currency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgingRow {
    /// The client's id, or `total` for a currency's total row.
    pub client_id: String,
    /// The client's name, or `Total`.
    pub client_name: String,
    /// The currency of every amount in the row.
    pub currency: Currency,
    /// The amount in each bucket, in bucket order.
    pub amounts: Vec<Decimal>,
    /// The sum of the buckets.
    pub total: Decimal,
    /// Disputed amounts (also in the buckets when disputed amounts are included).
    pub disputed: Decimal,
    /// The most days overdue of any invoice in the row.
    pub oldest_days: i64,
    /// How many invoices the row counts.
    pub invoices: usize,
}

impl AgingRow {
    fn new(client_id: &str, client_name: &str, currency: &Currency, buckets: usize) -> AgingRow {
        AgingRow {
            client_id: client_id.to_string(),
            client_name: client_name.to_string(),
            currency: currency.clone(),
            amounts: vec![Decimal::ZERO; buckets],
            total: Decimal::ZERO,
            disputed: Decimal::ZERO,
            oldest_days: 0,
            invoices: 0,
        }
    }

    fn add(&mut self, aged: &AgedInvoice, counted: bool) {
        if aged.invoice.disputed {
            self.disputed += aged.outstanding;
        }
        if counted {
            self.amounts[aged.bucket] += aged.outstanding;
            self.total += aged.outstanding;
            self.oldest_days = self.oldest_days.max(aged.days);
            self.invoices += 1;
        }
    }
}

/// The aged receivables report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgingReport {
    /// The bucket columns.
    pub buckets: Vec<Bucket>,
    /// One row per client and currency, by client name.
    pub rows: Vec<AgingRow>,
    /// One total row per currency, by currency code.
    pub totals: Vec<AgingRow>,
}

/// Every invoice open on the report's day, with its age and bucket, in one pass.
pub fn open_invoices<'a>(ledger: &'a Ledger, options: &AgingOptions) -> Vec<AgedInvoice<'a>> {
    let paid = ledger.paid_by_invoice(options.as_of);
    ledger
        .invoices
        .iter()
        .filter(|invoice| invoice.issue_date <= options.as_of)
        .filter_map(|invoice| {
            let paid = paid.get(invoice.id.as_str()).copied().unwrap_or_default();
            let outstanding = outstanding_given_paid(invoice, paid, options.as_of);
            if outstanding <= Decimal::ZERO {
                return None;
            }
            let from = if options.by_issue_date {
                invoice.issue_date
            } else {
                invoice.due_date
            };
            let days = (options.as_of - from).num_days();
            Some(AgedInvoice {
                invoice,
                outstanding,
                days,
                bucket: options.buckets.index_of(days),
            })
        })
        .collect()
}

/// Ages the ledger as of a day.
pub fn aging(ledger: &Ledger, options: &AgingOptions) -> AgingReport {
    let names: FastMap<&str, &str> = ledger
        .clients
        .iter()
        .map(|c| (c.id.as_str(), c.name.as_str()))
        .collect();
    let columns = options.buckets.len();
    let mut rows: FastMap<(&str, &str), AgingRow> = fast_map::with_capacity(ledger.clients.len());
    let mut totals: BTreeMap<&Currency, AgingRow> = BTreeMap::new();
    for aged in open_invoices(ledger, options) {
        let counted = options.include_disputed || !aged.invoice.disputed;
        let client_id = aged.invoice.client_id.as_str();
        let currency = &aged.invoice.currency;
        rows.entry((client_id, currency.code()))
            .or_insert_with(|| {
                AgingRow::new(
                    client_id,
                    names.get(client_id).copied().unwrap_or(client_id),
                    currency,
                    columns,
                )
            })
            .add(&aged, counted);
        totals
            .entry(currency)
            .or_insert_with(|| AgingRow::new("total", "Total", currency, columns))
            .add(&aged, counted);
    }
    let mut rows: Vec<AgingRow> = rows.into_values().collect();
    rows.sort_by_cached_key(|row| (row.client_name.to_lowercase(), row.currency.clone()));
    AgingReport {
        buckets: options.buckets.buckets(),
        rows,
        totals: totals.into_values().collect(),
    }
}

/// What the aging table can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    /// Client name.
    Client,
    /// The amount in one bucket.
    Bucket(usize),
    /// The row total.
    Total,
    /// The oldest days overdue.
    Oldest,
}

/// Sorts rows by a column; ties keep the client-name order.
pub fn sort_rows(rows: &mut [AgingRow], key: SortKey, descending: bool) {
    rows.sort_by(|a, b| {
        let order = match key {
            SortKey::Client => a
                .client_name
                .to_lowercase()
                .cmp(&b.client_name.to_lowercase()),
            SortKey::Bucket(index) => a.amounts[index].cmp(&b.amounts[index]),
            SortKey::Total => a.total.cmp(&b.total),
            SortKey::Oldest => a.oldest_days.cmp(&b.oldest_days),
        };
        if descending {
            order.reverse()
        } else {
            order
        }
    });
}

/// The invoices behind one cell: a client (or `total`), a bucket and a currency, oldest first.
pub fn cell_invoices<'a>(
    ledger: &'a Ledger,
    options: &AgingOptions,
    client_id: &str,
    bucket: usize,
    currency: &Currency,
) -> Vec<AgedInvoice<'a>> {
    let mut found: Vec<AgedInvoice> = open_invoices(ledger, options)
        .into_iter()
        .filter(|aged| {
            aged.bucket == bucket
                && &aged.invoice.currency == currency
                && (client_id == "total" || aged.invoice.client_id == client_id)
                && (options.include_disputed || !aged.invoice.disputed)
        })
        .collect();
    found.sort_by(|a, b| {
        b.days
            .cmp(&a.days)
            .then_with(|| a.invoice.id.cmp(&b.invoice.id))
    });
    found
}

/// The report as CSV: a header, every client row, then the totals (amounts as plain decimals).
///
/// Cells go through [`crate::core::csv::cell`], so a client named `=cmd…` cannot run as a formula.
pub fn to_csv(report: &AgingReport) -> String {
    let mut csv = String::new();
    let header = ["client_id", "client", "currency"]
        .into_iter()
        .chain(report.buckets.iter().map(|bucket| bucket.id.as_str()))
        .chain(["total", "disputed", "oldest_days_overdue", "invoices"]);
    push_row(&mut csv, header);
    for row in report.rows.iter().chain(&report.totals) {
        let text = [
            row.client_id.clone(),
            row.client_name.clone(),
            row.currency.to_string(),
        ];
        let amounts = row.amounts.iter().chain([&row.total, &row.disputed]);
        let counts = [row.oldest_days.max(0).to_string(), row.invoices.to_string()];
        push_row(
            &mut csv,
            text.into_iter()
                .chain(amounts.map(|amount| plain(*amount)))
                .chain(counts),
        );
    }
    csv
}

#[cfg(test)]
mod tests;
