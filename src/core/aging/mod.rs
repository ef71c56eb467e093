//! Aged receivables: who owes what and how late, as of any date, per client and currency.
//!
//! An invoice counts on day D when it was issued on or before D and something is still owed
//! at the end of D (only payments dated on or before D count; a write-off counts from its
//! date). Currencies are never added together: every row and every total has one currency.
//!
//! Disputed amounts are the part of each balance an open dispute covers on D (the disputed
//! amount, at most the balance; the whole balance when the whole invoice is disputed). They
//! are reported separately, and left out of the buckets when disputed amounts are excluded.

pub mod buckets;
pub mod metrics;
pub mod queue;

pub use buckets::{Bucket, Buckets};

use crate::core::books::Books;
use crate::core::case::CaseIndex;
use crate::core::csv::push_row;
use crate::core::currency::Currency;
use crate::core::fast_map::FastMap;
use crate::core::ledger::{outstanding_given_paid, Ledger};
use crate::core::model::Invoice;
use crate::core::money::plain;
use chrono::NaiveDate;
use rust_decimal::Decimal;

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

    /// What of an open invoice's balance goes in the buckets: all of it, or, when disputed
    /// amounts are excluded, the undisputed part.
    pub fn counted(&self, aged: &AgedInvoice) -> Decimal {
        if self.include_disputed {
            aged.outstanding
        } else {
            aged.outstanding - aged.disputed
        }
    }
}

/// One open invoice on the report's day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgedInvoice<'a> {
    /// The invoice.
    pub invoice: &'a Invoice,
    /// Its position in the books, for O(1) lookups of its client and payments.
    pub position: usize,
    /// What is owed on the day.
    pub outstanding: Decimal,
    /// The part of it an open dispute covers on the day (zero without one).
    pub disputed: Decimal,
    /// Days past the due (or issue) date; zero or less when not yet due.
    pub days: i64,
    /// Its bucket's index.
    pub bucket: usize,
}

impl AgedInvoice<'_> {
    /// Days past the due (or issue) date, zero while it is not yet due.
    pub fn days_overdue(&self) -> i64 {
        self.days.max(0)
    }
}

/// Which line of the report a row is: one client's, or a currency's total.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum RowKind {
    /// One client's amounts (the client's id).
    Client(String),
    /// Every client's amounts in the row's currency.
    Total,
}

impl RowKind {
    /// The id the `data-client` hook and the CSV carry: the client's id, or `total`.
    pub fn hook(&self) -> &str {
        match self {
            RowKind::Client(id) => id,
            RowKind::Total => "total",
        }
    }

    /// Whether an invoice of `client_id` is counted on this row.
    pub fn includes(&self, client_id: &str) -> bool {
        match self {
            RowKind::Client(id) => id == client_id,
            RowKind::Total => true,
        }
    }
}

/// One line of the report: a client (or the total) in one currency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgingRow {
    /// Whose row it is.
    pub kind: RowKind,
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
    /// The most days overdue of any invoice in the row; never negative.
    pub oldest_days: i64,
    /// How many invoices the row counts.
    pub invoices: usize,
}

/// A row being added up. Amounts are kept in hundredths (every amount has two decimals), so
/// the loop over the invoices does integer additions only.
struct Tally {
    kind: RowKind,
    client_name: String,
    currency: Currency,
    cents: Vec<i128>,
    disputed: i128,
    oldest_days: i64,
    invoices: usize,
}

/// An amount in hundredths.
fn cents(amount: Decimal) -> i128 {
    let mut amount = amount;
    amount.rescale(2);
    amount.mantissa()
}

/// Hundredths back to an amount.
fn from_cents(cents: i128) -> Decimal {
    Decimal::from_i128_with_scale(cents, 2)
}

impl Tally {
    fn new(kind: RowKind, client_name: &str, currency: &Currency, buckets: usize) -> Tally {
        Tally {
            kind,
            client_name: client_name.to_string(),
            currency: currency.clone(),
            cents: vec![0; buckets],
            disputed: 0,
            oldest_days: 0,
            invoices: 0,
        }
    }

    fn add(&mut self, aged: &AgedInvoice, counted: Decimal) {
        self.disputed += cents(aged.disputed);
        if counted > Decimal::ZERO {
            self.cents[aged.bucket] += cents(counted);
            self.oldest_days = self.oldest_days.max(aged.days);
            self.invoices += 1;
        }
    }

    fn absorb(&mut self, tally: &Tally) {
        for (sum, cents) in self.cents.iter_mut().zip(&tally.cents) {
            *sum += *cents;
        }
        self.disputed += tally.disputed;
        self.oldest_days = self.oldest_days.max(tally.oldest_days);
        self.invoices += tally.invoices;
    }

    fn into_row(self) -> AgingRow {
        AgingRow {
            kind: self.kind,
            client_name: self.client_name,
            currency: self.currency,
            amounts: self.cents.iter().copied().map(from_cents).collect(),
            total: from_cents(self.cents.iter().sum()),
            disputed: from_cents(self.disputed),
            oldest_days: self.oldest_days,
            invoices: self.invoices,
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

/// Ages the invoice at `position`: `None` unless it was issued by the day and is still owed.
fn age<'a>(
    books: &'a Books,
    disputes: &CaseIndex,
    position: usize,
    options: &AgingOptions,
) -> Option<AgedInvoice<'a>> {
    let invoice = &books.invoices[position];
    if invoice.issue_date > options.as_of {
        return None;
    }
    let paid = books.paid_at(position, options.as_of);
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
        position,
        outstanding,
        disputed: disputes.disputed(books, position, outstanding),
        days,
        bucket: options.buckets.index_of(days),
    })
}

/// Every invoice open on the report's day, with its age and bucket, in ledger order.
pub fn open_invoices<'a>(
    books: &'a Books,
    options: &AgingOptions,
) -> impl Iterator<Item = AgedInvoice<'a>> + 'a {
    let options = options.clone();
    let disputes = CaseIndex::disputes(books, options.as_of);
    (0..books.invoices.len()).filter_map(move |position| age(books, &disputes, position, &options))
}

/// The position in the books of the client of the invoice at `invoice_at`.
pub(crate) fn client_position(books: &Books, invoice_at: usize) -> Option<usize> {
    books
        .client_of(invoice_at)
        .and_then(|client| books.clients.element_offset(client))
}

/// A currency's code packed in a word; packed codes sort like the codes.
fn packed(currency: &Currency) -> u32 {
    currency
        .code()
        .bytes()
        .fold(0u32, |key, byte| key << 8 | u32::from(byte))
}

/// The currencies met so far, by packed code, so finding one compares a word, not a string.
#[derive(Default)]
struct Currencies<'a> {
    known: Vec<(u32, &'a Currency)>,
}

impl<'a> Currencies<'a> {
    fn position(&mut self, currency: &'a Currency) -> usize {
        let key = packed(currency);
        match self.known.iter().position(|(known, _)| *known == key) {
            Some(at) => at,
            None => {
                self.known.push((key, currency));
                self.known.len() - 1
            }
        }
    }
}

/// The report's client rows, found by client position and currency: each client's rows form a
/// short chain (one link per currency), so no id is hashed. An invoice whose client is missing
/// from the ledger gets a row keyed by its client id.
struct RowIndex<'a> {
    tallies: Vec<Tally>,
    currency_of: Vec<usize>,
    next_of_client: Vec<Option<usize>>,
    first_of_client: Vec<Option<usize>>,
    unlisted: FastMap<(&'a str, usize), usize>,
}

impl<'a> RowIndex<'a> {
    fn new(clients: usize) -> RowIndex<'a> {
        RowIndex {
            tallies: Vec::new(),
            currency_of: Vec::new(),
            next_of_client: Vec::new(),
            first_of_client: vec![None; clients],
            unlisted: FastMap::default(),
        }
    }

    fn push(&mut self, tally: Tally, currency_at: usize, next: Option<usize>) -> usize {
        self.tallies.push(tally);
        self.currency_of.push(currency_at);
        self.next_of_client.push(next);
        self.tallies.len() - 1
    }

    /// The row of the client at `client_at` in the currency at `currency_at`, made when new.
    fn listed(
        &mut self,
        client_at: usize,
        currency_at: usize,
        make: impl FnOnce() -> Tally,
    ) -> &mut Tally {
        let first = self.first_of_client[client_at];
        let mut cursor = first;
        while let Some(at) = cursor {
            if self.currency_of[at] == currency_at {
                return &mut self.tallies[at];
            }
            cursor = self.next_of_client[at];
        }
        let at = self.push(make(), currency_at, first);
        self.first_of_client[client_at] = Some(at);
        &mut self.tallies[at]
    }

    /// The row of a client id no client has, in the currency at `currency_at`.
    fn unlisted(
        &mut self,
        client_id: &'a str,
        currency_at: usize,
        make: impl FnOnce() -> Tally,
    ) -> &mut Tally {
        let at = match self.unlisted.get(&(client_id, currency_at)) {
            Some(&at) => at,
            None => {
                let at = self.push(make(), currency_at, None);
                self.unlisted.insert((client_id, currency_at), at);
                at
            }
        };
        &mut self.tallies[at]
    }
}

/// Ages the books as of a day.
///
/// One pass over the invoices by position: payments and clients come from the books' indexes,
/// so the loop hashes and compares no ids. The currency totals are the sums of the rows.
pub fn aging(books: &Books, options: &AgingOptions) -> AgingReport {
    let columns = options.buckets.len();
    let mut currencies = Currencies::default();
    let mut index = RowIndex::new(books.clients.len());
    for aged in open_invoices(books, options) {
        let invoice = aged.invoice;
        let currency_at = currencies.position(&invoice.currency);
        let kind = || RowKind::Client(invoice.client_id.clone());
        let tally = match client_position(books, aged.position) {
            Some(client_at) => index.listed(client_at, currency_at, || {
                let name = &books.clients[client_at].name;
                Tally::new(kind(), name, &invoice.currency, columns)
            }),
            None => index.unlisted(&invoice.client_id, currency_at, || {
                Tally::new(kind(), &invoice.client_id, &invoice.currency, columns)
            }),
        };
        tally.add(&aged, options.counted(&aged));
    }
    let mut totals: Vec<Tally> = currencies
        .known
        .iter()
        .map(|(_, currency)| Tally::new(RowKind::Total, "Total", currency, columns))
        .collect();
    for (tally, &currency_at) in index.tallies.iter().zip(&index.currency_of) {
        totals[currency_at].absorb(tally);
    }
    let mut totals: Vec<AgingRow> = totals.into_iter().map(Tally::into_row).collect();
    totals.sort_by_key(|row| packed(&row.currency));
    let mut rows: Vec<AgingRow> = index.tallies.into_iter().map(Tally::into_row).collect();
    rows.sort_by_cached_key(|row| (row.client_name.to_lowercase(), packed(&row.currency)));
    AgingReport {
        buckets: options.buckets.buckets(),
        rows,
        totals,
    }
}

/// What the aging table can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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

/// The invoices behind one cell: a row, a bucket and a currency, oldest first.
pub fn cell_invoices<'a>(
    books: &'a Books,
    options: &AgingOptions,
    row: &RowKind,
    bucket: usize,
    currency: &Currency,
) -> Vec<AgedInvoice<'a>> {
    let in_cell = |aged: &AgedInvoice| {
        aged.bucket == bucket
            && &aged.invoice.currency == currency
            && options.counted(aged) > Decimal::ZERO
    };
    let disputes = CaseIndex::disputes(books, options.as_of);
    let mut found: Vec<AgedInvoice> = match row {
        RowKind::Client(client_id) => books
            .invoices_of(client_id)
            .filter_map(|invoice| books.invoices.element_offset(invoice))
            .filter_map(|position| age(books, &disputes, position, options))
            .filter(in_cell)
            .collect(),
        RowKind::Total => open_invoices(books, options).filter(in_cell).collect(),
    };
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
            row.kind.hook().to_string(),
            row.client_name.clone(),
            row.currency.to_string(),
        ];
        let amounts = row.amounts.iter().chain([&row.total, &row.disputed]);
        let counts = [row.oldest_days.to_string(), row.invoices.to_string()];
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
mod case_tests;
#[cfg(test)]
mod tests;
