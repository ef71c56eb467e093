//! The dashboard (`/`): the aged receivables table with its chart and drill-down, the collection
//! metrics and the chase-today queue. One view model per panel, so a change to one panel's
//! inputs (the table's filter, the metrics' period) recomputes only that panel.

use crate::core::aging::metrics::{metrics, Metric, Metrics};
use crate::core::aging::queue::{queue, HeldItem, Queue};
use crate::core::aging::{
    cell_invoices, sort_rows, AgingOptions, AgingReport, AgingRow, Bucket, RowKind, SortKey,
};
use crate::core::books::Books;
use crate::core::currency::Currency;
use crate::core::dates::{format_date, parse_date};
use crate::core::ids::link;
use crate::core::money::{format_money, plain};
use crate::core::settlement::plan::needing_attention;
use chrono::NaiveDate;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// The day the dashboard ages the books to, read from the `as-of` input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AsOf {
    /// The day typed, or today while the input is incomplete or wrong.
    pub day: NaiveDate,
    /// Why the typed day is not used, for the field's error line.
    pub error: Option<String>,
}

/// Reads the `as-of` input: a wrong or incomplete date falls back to `today` and says so.
pub fn as_of(text: &str, today: NaiveDate) -> AsOf {
    match parse_date(text) {
        Ok(day) => AsOf { day, error: None },
        Err(error) => AsOf {
            day: today,
            error: Some(format!("{error}; showing today")),
        },
    }
}

/// How the aging table is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Sort {
    /// The column.
    pub key: SortKey,
    /// Largest (or last) first.
    pub descending: bool,
}

impl Default for Sort {
    fn default() -> Sort {
        Sort {
            key: SortKey::Client,
            descending: false,
        }
    }
}

impl Sort {
    /// The sort after a click on `key`'s heading: the same column flips, another sorts ascending.
    pub fn toggled(self, key: SortKey) -> Sort {
        Sort {
            key,
            descending: self.key == key && !self.descending,
        }
    }

    /// The `aria-sort` value of `key`'s heading.
    pub fn aria(self, key: SortKey) -> &'static str {
        match (self.key == key, self.descending) {
            (false, _) => "none",
            (true, false) => "ascending",
            (true, true) => "descending",
        }
    }
}

/// What the person asked of the aging table: a name filter, a sort and how many rows to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableQuery {
    /// Part of a client's name, any case.
    pub filter: String,
    /// The sort.
    pub sort: Sort,
    /// How many client rows to show.
    pub shown: usize,
}

impl TableQuery {
    /// Client rows shown at first, and added by each "Show more".
    pub const PAGE: usize = 50;
}

impl Default for TableQuery {
    fn default() -> TableQuery {
        TableQuery {
            filter: String::new(),
            sort: Sort::default(),
            shown: TableQuery::PAGE,
        }
    }
}

/// One heading of the aging table.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Column {
    /// What a click on it sorts by.
    pub key: SortKey,
    /// The heading, short enough for a narrow column, such as `31–60`.
    pub label: String,
    /// The heading in full, such as `31–60 days overdue`, when the label is an abbreviation.
    pub title: Option<String>,
    /// Amounts or counts (right-aligned).
    pub numeric: bool,
    /// Its `aria-sort` value.
    pub aria_sort: &'static str,
}

/// The cell a drill-down lists the invoices of.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CellRef {
    /// The row: a client, or the currency's total.
    pub row: RowKind,
    /// The bucket's index.
    pub bucket: usize,
    /// The row's currency.
    pub currency: Currency,
}

/// One amount of the aging table, with its hooks.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AgingCell {
    /// `data-client`: the client's id, or `total`.
    pub client: String,
    /// `data-bucket`: the bucket's id, or `total` for the row total.
    pub bucket: String,
    /// `data-currency`.
    pub currency: String,
    /// `data-amount`: a plain decimal.
    pub amount: String,
    /// The amount for people, or `–` when nothing is owed.
    pub text: String,
    /// Nothing is owed (shown muted).
    pub empty: bool,
    /// The column's name, shown next to the amount when the table is laid out as cards.
    pub column: String,
    /// The drill-down behind the amount, with the button's accessible name; `None` for the row
    /// total and for empty cells.
    pub drill: Option<(CellRef, String)>,
}

/// One row of the aging table: a client, or a currency's total.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AgingLine {
    /// Whose row it is.
    pub kind: RowKind,
    /// The client's name, or `Total GBP`.
    pub name: String,
    /// The disputed amount, such as `£40.00 disputed`, when there is one.
    pub disputed: Option<String>,
    /// One cell per bucket.
    pub cells: Vec<AgingCell>,
    /// The row total.
    pub total: AgingCell,
    /// How late the row's oldest invoice is, such as `121 days`, or `–` when none is late.
    pub oldest: String,
}

impl AgingLine {
    /// A total row (shown emphasised).
    pub fn is_total(&self) -> bool {
        self.kind == RowKind::Total
    }
}

/// The aging table as the page shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgingTable {
    /// The section heading, such as `Aged receivables on 1 Jun 2026`.
    pub heading: String,
    /// The headings, client first.
    pub columns: Vec<Column>,
    /// The client rows that match the filter, sorted, at most [`TableQuery::shown`].
    pub rows: Vec<AgingLine>,
    /// One total row per currency.
    pub totals: Vec<AgingLine>,
    /// The "Show more" button's text, when rows are left out.
    pub more: Option<String>,
    /// Why there are no client rows, when there are none.
    pub notice: Option<&'static str>,
}

/// The heading of the column of days overdue of each row's oldest invoice.
const OLDEST: &str = "Oldest";

/// The aging table of `report` on `as_of`, filtered, sorted and cut to the query.
pub fn aging_table(report: &AgingReport, as_of: NaiveDate, query: &TableQuery) -> AgingTable {
    let needle = query.filter.trim().to_lowercase();
    let mut matching: Vec<AgingRow> = report
        .rows
        .iter()
        .filter(|row| row.client_name.to_lowercase().contains(&needle))
        .cloned()
        .collect();
    sort_rows(&mut matching, query.sort.key, query.sort.descending);
    let notice = if report.rows.is_empty() {
        Some("Nothing is owed on this day.")
    } else if matching.is_empty() {
        Some("No client matches the filter.")
    } else {
        None
    };
    let more = (matching.len() > query.shown)
        .then(|| format!("Show more clients ({} of {})", query.shown, matching.len()));
    let line = |row: &AgingRow| aging_line(row, &report.buckets);
    AgingTable {
        heading: format!("Aged receivables on {}", format_date(as_of)),
        columns: columns(&report.buckets, query.sort),
        rows: matching.iter().take(query.shown).map(line).collect(),
        totals: report.totals.iter().map(line).collect(),
        more,
        notice,
    }
}

fn columns(buckets: &[Bucket], sort: Sort) -> Vec<Column> {
    let column = |key: SortKey, label: &str, title: Option<String>, numeric: bool| Column {
        key,
        label: label.to_string(),
        title,
        numeric,
        aria_sort: sort.aria(key),
    };
    let by_bucket = buckets.iter().enumerate().map(|(index, bucket)| {
        let title = (bucket.short != bucket.label).then(|| format!("{} overdue", bucket.label));
        column(SortKey::Bucket(index), &bucket.short, title, true)
    });
    std::iter::once(column(SortKey::Client, "Client", None, false))
        .chain(by_bucket)
        .chain([
            column(SortKey::Total, "Total", None, true),
            column(
                SortKey::Oldest,
                OLDEST,
                Some("Days overdue of the oldest invoice".into()),
                true,
            ),
        ])
        .collect()
}

fn aging_line(row: &AgingRow, buckets: &[Bucket]) -> AgingLine {
    let money = |amount: Decimal| format_money(amount, &row.currency);
    let name = match row.kind {
        RowKind::Client(_) => row.client_name.clone(),
        RowKind::Total => format!("Total {}", row.currency),
    };
    let cell = |bucket: String, column: &str, amount: Decimal| AgingCell {
        client: row.kind.hook().to_string(),
        bucket,
        currency: row.currency.to_string(),
        amount: plain(amount),
        text: if amount.is_zero() {
            "–".into()
        } else {
            money(amount)
        },
        empty: amount.is_zero(),
        column: column.to_string(),
        drill: None,
    };
    let cells = buckets
        .iter()
        .zip(&row.amounts)
        .enumerate()
        .map(|(index, (bucket, amount))| AgingCell {
            drill: (!amount.is_zero()).then(|| {
                let target = CellRef {
                    row: row.kind.clone(),
                    bucket: index,
                    currency: row.currency.clone(),
                };
                (target, format!("{name} {}: show invoices", bucket.label))
            }),
            ..cell(bucket.id.clone(), &bucket.short, *amount)
        })
        .collect();
    AgingLine {
        kind: row.kind.clone(),
        disputed: (!row.disputed.is_zero()).then(|| format!("{} disputed", money(row.disputed))),
        cells,
        total: AgingCell {
            text: money(row.total),
            ..cell("total".into(), "Total", row.total)
        },
        oldest: match row.oldest_days {
            0 => "–".into(),
            1 => "1 day".into(),
            days => format!("{days} days"),
        },
        name,
    }
}

/// The SVG chart's inner height, bar width and gap, in user units.
const CHART_HEIGHT: i64 = 140;
const BAR_WIDTH: i64 = 64;
const BAR_GAP: i64 = 24;

/// One bar of an aging chart, laid out in the chart's user units.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ChartBar {
    /// The CSS class that colours it by age, such as `bar b2`.
    pub class: String,
    /// Left edge.
    pub x: i64,
    /// Top edge.
    pub y: i64,
    /// Width.
    pub width: i64,
    /// Height, in proportion to the largest bar.
    pub height: i64,
    /// Centre, for the texts.
    pub middle: i64,
    /// The amount for people, written above the bar.
    pub value: String,
    /// Baseline of the amount.
    pub value_y: i64,
    /// The bucket's short name, such as `31–60`, written below the bar.
    pub label: String,
    /// Baseline of the bucket's name.
    pub label_y: i64,
}

/// The chart of one currency's totals by bucket.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AgingChart {
    /// The currency code, for element ids.
    pub currency: String,
    /// The SVG `viewBox`.
    pub view_box: String,
    /// The SVG title, such as `Outstanding GBP by age`.
    pub title: String,
    /// Every bar in words: the chart's text alternative.
    pub description: String,
    /// The caption, such as `GBP outstanding: £930.00`.
    pub caption: String,
    /// The bars, in bucket order.
    pub bars: Vec<ChartBar>,
}

/// One chart per currency of the report's totals by bucket.
pub fn aging_charts(report: &AgingReport) -> Vec<AgingChart> {
    let width = report.buckets.len() as i64 * (BAR_WIDTH + BAR_GAP) + BAR_GAP;
    report
        .totals
        .iter()
        .map(|total| {
            let money = |amount: &Decimal| format_money(*amount, &total.currency);
            let largest = total.amounts.iter().copied().max().unwrap_or_default();
            let scale = largest.max(Decimal::ONE);
            let bars = report
                .buckets
                .iter()
                .zip(&total.amounts)
                .enumerate()
                .map(|(index, (bucket, amount))| {
                    let height = (*amount * Decimal::from(CHART_HEIGHT) / scale)
                        .round()
                        .to_i64()
                        .unwrap_or(0);
                    let x = BAR_GAP + index as i64 * (BAR_WIDTH + BAR_GAP);
                    ChartBar {
                        class: format!("bar b{index}"),
                        x,
                        y: CHART_HEIGHT + 20 - height,
                        width: BAR_WIDTH,
                        height,
                        middle: x + BAR_WIDTH / 2,
                        value: money(amount),
                        value_y: CHART_HEIGHT + 14 - height,
                        label: bucket.short.clone(),
                        label_y: CHART_HEIGHT + 38,
                    }
                })
                .collect();
            let description = report
                .buckets
                .iter()
                .zip(&total.amounts)
                .map(|(bucket, amount)| format!("{}: {}", bucket.label, money(amount)))
                .collect::<Vec<_>>()
                .join("; ");
            AgingChart {
                currency: total.currency.to_string(),
                view_box: format!("0 0 {width} {}", CHART_HEIGHT + 48),
                title: format!("Outstanding {} by age", total.currency),
                description,
                caption: format!("{} outstanding: {}", total.currency, money(&total.total)),
                bars,
            }
        })
        .collect()
}

/// One choice of a `<select>`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Choice {
    /// The option's value.
    pub value: String,
    /// The option's text.
    pub label: String,
    /// Chosen now.
    pub selected: bool,
}

/// One metric tile.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MetricTile {
    /// The `data-testid` hook, such as `metric-dso`.
    pub hook: &'static str,
    /// The tile's name, such as `DSO`.
    pub label: String,
    /// The value for people, such as `22.5 days`, or `—`.
    pub value: String,
    /// `data-value`: the value to two decimal places, or empty when undefined.
    pub value_hook: String,
    /// The formula in words.
    pub formula: String,
    /// The working, or why the metric is undefined.
    pub working: String,
}

/// The metrics panel: its pickers and tiles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetricsPanel {
    /// The periods to choose from.
    pub periods: Vec<Choice>,
    /// The currencies owed in, to choose from.
    pub currencies: Vec<Choice>,
    /// The tiles, in reading order.
    pub tiles: Vec<MetricTile>,
}

/// The period chosen in the period picker; anything unknown is the default period.
pub fn metric_period(value: &str) -> u32 {
    value
        .parse()
        .ok()
        .filter(|days| Metrics::PERIODS.contains(days))
        .unwrap_or(Metrics::DEFAULT_PERIOD)
}

/// The currency the metrics are worked out in: the one chosen if something is owed in it,
/// else the business's default currency if something is owed in it, else the first currency
/// owed in, else the default currency.
pub fn metric_currency(
    owed_in: &[Currency],
    default: &Currency,
    chosen: Option<&Currency>,
) -> Currency {
    chosen
        .filter(|currency| owed_in.contains(currency))
        .or_else(|| owed_in.iter().find(|currency| *currency == default))
        .or_else(|| owed_in.first())
        .unwrap_or(default)
        .clone()
}

/// The metrics of the chosen currency (see [`metric_currency`]) over `period` days to `as_of`.
pub fn metrics_panel(
    books: &Books,
    report: &AgingReport,
    as_of: NaiveDate,
    period: u32,
    chosen: Option<&Currency>,
) -> MetricsPanel {
    let owed_in: Vec<Currency> = report
        .totals
        .iter()
        .map(|total| total.currency.clone())
        .collect();
    let currency = metric_currency(&owed_in, &books.business.default_currency, chosen);
    let figures = metrics(books, as_of, period, &currency);
    let tile = |hook: &'static str, label: String, metric: &Metric| MetricTile {
        hook,
        label,
        value: metric.value_text(),
        value_hook: metric.value_hook(),
        formula: metric.formula.clone(),
        working: metric.working.clone(),
    };
    MetricsPanel {
        periods: Metrics::PERIODS
            .iter()
            .map(|days| Choice {
                value: days.to_string(),
                label: format!("Last {days} days"),
                selected: *days == period,
            })
            .collect(),
        currencies: owed_in
            .iter()
            .map(|code| Choice {
                value: code.to_string(),
                label: code.to_string(),
                selected: *code == currency,
            })
            .collect(),
        tiles: vec![
            tile("metric-dso", "DSO".into(), &figures.dso),
            tile(
                "metric-countback-dso",
                "Countback DSO".into(),
                &figures.countback_dso,
            ),
            tile(
                "metric-best-dso",
                "Best possible DSO".into(),
                &figures.best_dso,
            ),
            tile("metric-add", "ADD".into(), &figures.add),
            tile("metric-cei", "CEI".into(), &figures.cei),
            tile(
                "metric-at-risk",
                format!("At risk (over {} days)", Metrics::AT_RISK_DAYS),
                &figures.at_risk,
            ),
        ],
    }
}

/// One invoice of the chase-today list.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ChaseLine {
    /// `data-invoice`.
    pub invoice_id: String,
    /// `data-score`.
    pub score: i64,
    /// The client's name.
    pub client_name: String,
    /// The invoice number.
    pub number: String,
    /// What is owed, for people.
    pub outstanding: String,
    /// Why it is in the list and what to do.
    pub reason: String,
    /// The open button's accessible name, such as `Open invoice A-1`.
    pub open_label: String,
    /// The invoice's page.
    pub href: String,
}

/// A settlement plan with missed instalments, at the top of the chase list.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PlanAlertLine {
    /// `data-plan`.
    pub plan_id: String,
    /// The client's name.
    pub client_name: String,
    /// What to do about it.
    pub advice: String,
    /// The client's settlement page.
    pub href: String,
}

/// One open invoice waiting on a promise or a pause, not chased today.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct HeldLine {
    /// `data-invoice`.
    pub invoice_id: String,
    /// `data-hold`: `promise` or `pause`.
    pub hold: &'static str,
    /// The client's name.
    pub client_name: String,
    /// The invoice number.
    pub number: String,
    /// What is owed, for people.
    pub outstanding: String,
    /// "promised £500.00 by 10 Mar 2026 (waiting until 13 Mar 2026)" or
    /// "paused until 15 Mar 2026: awaiting PO".
    pub line: String,
    /// The invoice's page.
    pub href: String,
}

/// The chase-today list: plans needing attention, then invoices, most urgent first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChaseList {
    /// Plans with missed instalments.
    pub alerts: Vec<PlanAlertLine>,
    /// The invoices shown, most urgent first: the first [`ChaseList::SHOWN`], or every one.
    pub items: Vec<ChaseLine>,
    /// The "Show all" button's text, while some invoices are not shown.
    pub show_all: Option<String>,
    /// The invoices waiting on a promise or a pause, the soonest to return first.
    pub waiting: Vec<HeldLine>,
    /// How many of those are paused.
    pub paused: usize,
    /// "Waiting on the client: 1 promised, 2 paused", or `None` when nothing waits.
    pub waiting_summary: Option<String>,
}

impl ChaseList {
    /// Invoices shown before "Show all".
    pub const SHOWN: usize = 10;
}

/// What to chase on `as_of`: every invoice when `all`, else the [`ChaseList::SHOWN`] most
/// urgent (only those shown are written out, so a long queue costs little).
pub fn chase_list(books: &Books, as_of: NaiveDate, all: bool) -> ChaseList {
    let client_name = |client_id: &str| {
        books
            .client(client_id)
            .map_or_else(|| client_id.to_string(), |client| client.name.clone())
    };
    let Queue { items: queue, held } = queue(books, as_of);
    let shown = if all { queue.len() } else { ChaseList::SHOWN };
    let items = queue
        .iter()
        .take(shown)
        .map(|item| {
            let invoice = &books.invoices[item.position];
            ChaseLine {
                score: item.score,
                client_name: books
                    .client_of(item.position)
                    .map_or_else(|| item.client_id.clone(), |client| client.name.clone()),
                number: invoice.number.clone(),
                outstanding: format_money(item.urgency.outstanding, &invoice.currency),
                reason: item.reason(),
                open_label: format!("Open invoice {}", invoice.number),
                href: link("invoices", &item.invoice_id),
                invoice_id: item.invoice_id.clone(),
            }
        })
        .collect();
    let alerts = needing_attention(books, as_of)
        .into_iter()
        .map(|alert| PlanAlertLine {
            client_name: client_name(&alert.client_id),
            advice: alert.advice(),
            href: link("settlement", &alert.client_id),
            plan_id: alert.plan_id,
        })
        .collect();
    let paused = held.iter().filter(|item| item.hold.is_pause()).count();
    let promised = held.len() - paused;
    let waiting_summary = (!held.is_empty()).then(|| {
        let mut parts = Vec::new();
        if promised > 0 {
            parts.push(format!("{promised} promised"));
        }
        if paused > 0 {
            parts.push(format!("{paused} paused"));
        }
        format!("Waiting on the client: {}", parts.join(", "))
    });
    ChaseList {
        alerts,
        items,
        show_all: (queue.len() > shown).then(|| format!("Show all {}", queue.len())),
        waiting: held.iter().map(|item| held_line(books, item)).collect(),
        paused,
        waiting_summary,
    }
}

fn held_line(books: &Books, item: &HeldItem) -> HeldLine {
    let invoice = &books.invoices[item.position];
    HeldLine {
        invoice_id: item.invoice_id.clone(),
        hold: if item.hold.is_pause() {
            "pause"
        } else {
            "promise"
        },
        client_name: books
            .client_of(item.position)
            .map_or_else(|| invoice.client_id.clone(), |client| client.name.clone()),
        number: invoice.number.clone(),
        outstanding: format_money(item.outstanding, &invoice.currency),
        line: item.hold.line(),
        href: link("invoices", &item.invoice_id),
    }
}

/// One invoice behind a cell.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DrillRow {
    /// The invoice's page.
    pub href: String,
    /// The invoice number.
    pub number: String,
    /// The client's name.
    pub client_name: String,
    /// Due date, for people.
    pub due: String,
    /// Due date, ISO, for `<time datetime>`.
    pub due_iso: String,
    /// Days past the due (or issue) date, zero before it.
    pub days_overdue: i64,
    /// What is owed, for people.
    pub outstanding: String,
}

/// The invoices behind one cell of the aging table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DrillDown {
    /// Whose and which bucket, such as `Acme Ltd · 61–90 days`.
    pub title: String,
    /// The invoices, oldest first, at most the number asked for.
    pub rows: Vec<DrillRow>,
    /// The "Show more" button's text, when invoices are left out.
    pub more: Option<String>,
}

impl DrillDown {
    /// Invoices shown at first, and added by each "Show more".
    pub const PAGE: usize = 25;
}

/// The first `shown` invoices behind `cell`, aged with `options`.
pub fn drill_down(
    books: &Books,
    options: &AgingOptions,
    cell: &CellRef,
    shown: usize,
) -> DrillDown {
    let bucket = options
        .buckets
        .buckets()
        .get(cell.bucket)
        .map(|bucket| bucket.label.clone())
        .unwrap_or_default();
    let who = match &cell.row {
        RowKind::Client(id) => books
            .client(id)
            .map_or_else(|| id.clone(), |client| client.name.clone()),
        RowKind::Total => format!("All clients ({})", cell.currency),
    };
    let found = cell_invoices(books, options, &cell.row, cell.bucket, &cell.currency);
    let rows = found
        .iter()
        .take(shown)
        .map(|aged| DrillRow {
            href: link("invoices", &aged.invoice.id),
            number: aged.invoice.number.clone(),
            client_name: books.client_of(aged.position).map_or_else(
                || aged.invoice.client_id.clone(),
                |client| client.name.clone(),
            ),
            due: format_date(aged.invoice.due_date),
            due_iso: aged.invoice.due_date.to_string(),
            days_overdue: aged.days_overdue(),
            outstanding: format_money(aged.outstanding, &aged.invoice.currency),
        })
        .collect();
    DrillDown {
        title: format!("{who} · {bucket}"),
        rows,
        more: (found.len() > shown).then(|| format!("Show more ({shown} of {})", found.len())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::aging::aging;
    use crate::core::backup;
    use crate::core::ledger::Ledger;
    use crate::core::sample::add_sample;
    use std::sync::Arc;

    /// The end-to-end fixture: Acme Ltd (c1) owes A-1 (1,000.00 GBP, 400.00 paid on 10 Feb,
    /// due 31 Jan) and A-2 (250.00 GBP, due 31 Mar); Beta GmbH (c2) owes B-1 (500.00 EUR, due
    /// 3 Mar) and B-2 (80.00 GBP, due 31 May, paid on 10 June).
    fn books() -> Books {
        let text = include_str!("../../../tests/e2e/fixtures/aging.json");
        Books::new(Arc::new(backup::import(text).unwrap()))
    }

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn report(books: &Books, as_of: &str) -> AgingReport {
        aging(books, &AgingOptions::from_settings(books, day(as_of)))
    }

    fn gbp() -> Currency {
        Currency::parse("GBP").unwrap()
    }

    #[test]
    fn a_wrong_day_falls_back_to_today_and_says_why() {
        let today = day("2026-06-01");
        assert_eq!(
            as_of("2026-05-01", today),
            AsOf {
                day: day("2026-05-01"),
                error: None
            }
        );
        assert_eq!(
            as_of("2026-02-30", today),
            AsOf {
                day: today,
                error: Some("\"2026-02-30\" is not a date; use YYYY-MM-DD; showing today".into())
            }
        );
    }

    #[test]
    fn a_click_on_a_heading_sorts_by_it_and_a_second_click_flips_it() {
        let sort = Sort::default();
        assert_eq!(sort.aria(SortKey::Client), "ascending");
        let by_total = sort.toggled(SortKey::Total);
        assert_eq!(
            by_total,
            Sort {
                key: SortKey::Total,
                descending: false
            }
        );
        let flipped = by_total.toggled(SortKey::Total);
        assert_eq!(
            (flipped.aria(SortKey::Total), flipped.aria(SortKey::Client)),
            ("descending", "none")
        );
    }

    #[test]
    fn the_aging_table_on_1_june_carries_every_amount_and_hook() {
        let books = books();
        let table = aging_table(
            &report(&books, "2026-06-01"),
            day("2026-06-01"),
            &TableQuery::default(),
        );
        assert_eq!(table.heading, "Aged receivables on 1 Jun 2026");
        let headings: Vec<(&str, Option<&str>, &str)> = table
            .columns
            .iter()
            .map(|column| {
                (
                    column.label.as_str(),
                    column.title.as_deref(),
                    column.aria_sort,
                )
            })
            .collect();
        assert_eq!(
            headings,
            [
                ("Client", None, "ascending"),
                ("Current", None, "none"),
                ("1–30", Some("1–30 days overdue"), "none"),
                ("31–60", Some("31–60 days overdue"), "none"),
                ("61–90", Some("61–90 days overdue"), "none"),
                ("91–120", Some("91–120 days overdue"), "none"),
                ("120+", Some("Over 120 days overdue"), "none"),
                ("Total", None, "none"),
                ("Oldest", Some("Days overdue of the oldest invoice"), "none"),
            ]
        );
        let names: Vec<(&str, &str, &str)> = table
            .rows
            .iter()
            .chain(&table.totals)
            .map(|line| {
                (
                    line.name.as_str(),
                    line.oldest.as_str(),
                    line.total.amount.as_str(),
                )
            })
            .collect();
        // A-1 is 121 days late; B-1 (EUR) 90 days; B-2 1 day.
        assert_eq!(
            names,
            [
                ("Acme Ltd", "121 days", "850.00"),
                ("Beta GmbH", "90 days", "500.00"),
                ("Beta GmbH", "1 day", "80.00"),
                ("Total EUR", "90 days", "500.00"),
                ("Total GBP", "121 days", "930.00"),
            ]
        );
        let acme = &table.rows[0];
        let oldest = &acme.cells[5];
        assert_eq!(
            oldest,
            &AgingCell {
                client: "c1".into(),
                bucket: "120+".into(),
                currency: "GBP".into(),
                amount: "600.00".into(),
                text: "£600.00".into(),
                empty: false,
                column: "120+".into(),
                drill: Some((
                    CellRef {
                        row: RowKind::Client("c1".into()),
                        bucket: 5,
                        currency: gbp()
                    },
                    "Acme Ltd Over 120 days: show invoices".into()
                )),
            }
        );
        assert_eq!(
            (
                acme.cells[0].text.as_str(),
                acme.cells[0].empty,
                acme.cells[0].drill.is_none()
            ),
            ("–", true, true)
        );
        let total = &table.totals[1].total;
        assert_eq!(
            (
                total.client.as_str(),
                total.bucket.as_str(),
                total.text.as_str(),
                total.drill.is_none()
            ),
            ("total", "total", "£930.00", true)
        );
        assert!(table.totals[1].is_total() && !acme.is_total());
        assert_eq!((table.more, table.notice), (None, None));
    }

    #[test]
    fn the_filter_sort_and_page_shape_the_client_rows() {
        let books = books();
        let report = report(&books, "2026-06-01");
        let names = |query: TableQuery| -> (Vec<String>, Option<String>, Option<&str>) {
            let table = aging_table(&report, day("2026-06-01"), &query);
            let names = table.rows.iter().map(|line| line.name.clone()).collect();
            (names, table.more, table.notice)
        };
        let by_total = TableQuery {
            sort: Sort::default()
                .toggled(SortKey::Total)
                .toggled(SortKey::Total),
            ..TableQuery::default()
        };
        assert_eq!(
            names(by_total.clone()).0,
            ["Acme Ltd", "Beta GmbH", "Beta GmbH"]
        );
        assert_eq!(
            names(TableQuery {
                filter: " BETA ".into(),
                shown: 1,
                ..by_total
            }),
            (
                vec!["Beta GmbH".to_string()],
                Some("Show more clients (1 of 2)".into()),
                None
            )
        );
        assert_eq!(
            names(TableQuery {
                filter: "zeta".into(),
                ..TableQuery::default()
            }),
            (vec![], None, Some("No client matches the filter."))
        );
        let before_anything = aging_table(
            &aging(
                &books,
                &AgingOptions::from_settings(&books, day("2025-12-31")),
            ),
            day("2025-12-31"),
            &TableQuery::default(),
        );
        assert_eq!(before_anything.notice, Some("Nothing is owed on this day."));
    }

    #[test]
    fn the_chart_draws_each_currencys_buckets_in_proportion() {
        let books = books();
        let charts = aging_charts(&report(&books, "2026-06-01"));
        let gbp = &charts[1];
        assert_eq!(
            (
                gbp.currency.as_str(),
                gbp.view_box.as_str(),
                gbp.caption.as_str()
            ),
            ("GBP", "0 0 552 188", "GBP outstanding: £930.00")
        );
        assert_eq!(
            gbp.description,
            "Current: £0.00; 1–30 days: £80.00; 31–60 days: £0.00; 61–90 days: £250.00; \
             91–120 days: £0.00; Over 120 days: £600.00"
        );
        // 250 ÷ 600 × 140 = 58.3 → 58; the largest bar is the full 140.
        let heights: Vec<i64> = gbp.bars.iter().map(|bar| bar.height).collect();
        assert_eq!(heights, [0, 19, 0, 58, 0, 140]);
        let bar = &gbp.bars[3];
        assert_eq!(
            (bar.x, bar.y, bar.middle, bar.value_y, bar.label_y),
            (288, 102, 320, 96, 178)
        );
        assert_eq!(
            (bar.value.as_str(), bar.class.as_str()),
            ("£250.00", "bar b3")
        );
    }

    #[test]
    fn the_metrics_default_to_the_business_currency_and_offer_only_owed_ones() {
        let eur = Currency::parse("EUR").unwrap();
        let usd = Currency::parse("USD").unwrap();
        let owed = [eur.clone(), gbp()];
        assert_eq!(metric_currency(&owed, &gbp(), None), gbp());
        assert_eq!(metric_currency(&owed, &gbp(), Some(&eur)), eur);
        assert_eq!(metric_currency(&owed, &usd, Some(&usd)), eur);
        assert_eq!(metric_currency(&[], &usd, None), usd);
        assert_eq!(
            (metric_period("365"), metric_period("7"), metric_period("")),
            (365, 90, 90)
        );
    }

    /// GBP over the 90 days to 1 June 2026 (after 3 March):
    /// - receivables 600 + 250 + 80 = 930, none current; opening (3 March) 600 + 250 = 850;
    /// - credit sales: B-2's 80 only (A-2 was issued on 1 March);
    /// - DSO = 930 ÷ 80 × 90 = 1,046.25 days; best possible DSO 0; ADD = DSO;
    /// - CEI = (850 + 80 − 930) ÷ (850 + 80 − 0) = 0 %;
    /// - countback, 30-day blocks back from 1 June: no sales (30), B-2 80 (30, 850 left), none
    ///   (30), A-2 250 (30, 600 left), none (30), A-1 1,000: 600 ÷ 1,000 × 30 = 18 → 168 days;
    /// - at risk: A-1's 600 ÷ 930 = 64.52 %.
    #[test]
    fn the_metric_tiles_show_the_worked_figures() {
        let books = books();
        let as_of = day("2026-06-01");
        let panel = metrics_panel(&books, &report(&books, "2026-06-01"), as_of, 90, None);
        let tiles: Vec<(&str, &str, &str, &str)> = panel
            .tiles
            .iter()
            .map(|tile| {
                (
                    tile.hook,
                    tile.label.as_str(),
                    tile.value.as_str(),
                    tile.value_hook.as_str(),
                )
            })
            .collect();
        assert_eq!(
            tiles,
            [
                ("metric-dso", "DSO", "1046.2 days", "1046.25"),
                (
                    "metric-countback-dso",
                    "Countback DSO",
                    "168.0 days",
                    "168.00"
                ),
                ("metric-best-dso", "Best possible DSO", "0 days", "0"),
                ("metric-add", "ADD", "1046.2 days", "1046.25"),
                ("metric-cei", "CEI", "0 %", "0"),
                (
                    "metric-at-risk",
                    "At risk (over 90 days)",
                    "64.5 %",
                    "64.52"
                ),
            ]
        );
        let chosen: Vec<(&str, bool)> = panel
            .currencies
            .iter()
            .map(|choice| (choice.value.as_str(), choice.selected))
            .collect();
        assert_eq!(chosen, [("EUR", false), ("GBP", true)]);
        let periods: Vec<(&str, &str, bool)> = panel
            .periods
            .iter()
            .map(|choice| {
                (
                    choice.value.as_str(),
                    choice.label.as_str(),
                    choice.selected,
                )
            })
            .collect();
        assert_eq!(
            periods,
            [
                ("30", "Last 30 days", false),
                ("90", "Last 90 days", true),
                ("365", "Last 365 days", false)
            ]
        );
    }

    /// Scores on 1 June: A-1 30 + 40 + 30, B-1 30 + 30 + 30, A-2 30 + 20 + 30, B-2 20 + 0 + 1.
    #[test]
    fn the_chase_list_orders_by_urgency_and_links_each_invoice() {
        let list = chase_list(&books(), day("2026-06-01"), false);
        let order: Vec<(&str, i64)> = list
            .items
            .iter()
            .map(|line| (line.invoice_id.as_str(), line.score))
            .collect();
        assert_eq!(order, [("i1", 100), ("i3", 90), ("i2", 80), ("i4", 21)]);
        assert_eq!(
            list.items[0],
            ChaseLine {
                invoice_id: "i1".into(),
                score: 100,
                client_name: "Acme Ltd".into(),
                number: "A-1".into(),
                outstanding: "£600.00".into(),
                reason: "121 days late, no contact yet: overdue reminder".into(),
                open_label: "Open invoice A-1".into(),
                href: "/invoices/i1".into(),
            }
        );
        assert!(list.alerts.is_empty());
        assert_eq!(list.show_all, None);
        assert!(list.waiting.is_empty());
        assert_eq!(list.waiting_summary, None);
    }

    #[test]
    fn invoices_waiting_on_a_promise_or_a_pause_are_listed_apart_and_counted() {
        use crate::core::model::{Pause, Promise};
        let books = books();
        let mut ledger = (**books.ledger()).clone();
        let gbp = ledger.invoices[0].currency.clone();
        ledger.promises.push(Promise {
            id: "pr1".into(),
            client_id: "c1".into(),
            invoice_id: Some("i1".into()),
            made_on: day("2026-05-28"),
            promised_by: String::new(),
            amount: crate::core::money::Amount::parse("600.00").unwrap(),
            currency: gbp,
            due: day("2026-06-05"),
            channel: String::new(),
            note: String::new(),
        });
        ledger.pauses.push(Pause {
            id: "ps1".into(),
            client_id: "c2".into(),
            invoice_id: None,
            from: day("2026-05-30"),
            until: day("2026-06-15"),
            reason: "Client on leave".into(),
        });
        let books = Books::new(Arc::new(ledger));
        let list = chase_list(&books, day("2026-06-01"), false);
        let chased: Vec<&str> = list
            .items
            .iter()
            .map(|line| line.invoice_id.as_str())
            .collect();
        assert_eq!(chased, ["i2"]);
        let waiting: Vec<(&str, &str, &str)> = list
            .waiting
            .iter()
            .map(|line| (line.invoice_id.as_str(), line.hold, line.line.as_str()))
            .collect();
        assert_eq!(
            waiting,
            [
                (
                    "i1",
                    "promise",
                    "promised £600.00 by 5 Jun 2026 (waiting until 8 Jun 2026)"
                ),
                (
                    "i3",
                    "pause",
                    "client paused until 15 Jun 2026: Client on leave"
                ),
                (
                    "i4",
                    "pause",
                    "client paused until 15 Jun 2026: Client on leave"
                ),
            ]
        );
        assert_eq!(list.paused, 2);
        assert_eq!(
            list.waiting_summary.as_deref(),
            Some("Waiting on the client: 1 promised, 2 paused")
        );
    }

    #[test]
    fn a_long_chase_list_shows_ten_until_asked_for_all() {
        let today = day("2026-06-01");
        let mut ledger = Ledger::default();
        add_sample(&mut ledger, today);
        let books = Books::new(Arc::new(ledger));
        let every = chase_list(&books, today, true);
        let count = every.items.len();
        assert!(count > ChaseList::SHOWN, "{count} sample invoices to chase");
        assert_eq!(every.show_all, None);
        let first = chase_list(&books, today, false);
        assert_eq!(first.items, every.items[..ChaseList::SHOWN]);
        assert_eq!(first.show_all, Some(format!("Show all {count}")));
    }

    #[test]
    fn a_plan_with_missed_instalments_says_what_to_do() {
        let alert = crate::core::settlement::plan::PlanAlert {
            plan_id: "s1".into(),
            client_id: "c1".into(),
            missed: 2,
        };
        assert_eq!(
            alert.advice(),
            "2 missed instalments on the settlement plan: contact the client, then declare \
             default if it is not remedied"
        );
        let one = crate::core::settlement::plan::PlanAlert { missed: 1, ..alert };
        assert!(one.advice().starts_with("1 missed instalment on"));
    }

    #[test]
    fn a_cell_drills_down_to_its_invoices_oldest_first() {
        let books = books();
        let options = AgingOptions::from_settings(&books, day("2026-06-01"));
        let a_2 = DrillRow {
            href: "/invoices/i2".into(),
            number: "A-2".into(),
            client_name: "Acme Ltd".into(),
            due: "31 Mar 2026".into(),
            due_iso: "2026-03-31".into(),
            days_overdue: 62,
            outstanding: "£250.00".into(),
        };
        let total_61_90 = CellRef {
            row: RowKind::Total,
            bucket: 3,
            currency: gbp(),
        };
        assert_eq!(
            drill_down(&books, &options, &total_61_90, DrillDown::PAGE),
            DrillDown {
                title: "All clients (GBP) · 61–90 days".into(),
                rows: vec![a_2.clone()],
                more: None,
            }
        );
        let acme_61_90 = CellRef {
            row: RowKind::Client("c1".into()),
            ..total_61_90.clone()
        };
        assert_eq!(
            drill_down(&books, &options, &acme_61_90, DrillDown::PAGE),
            DrillDown {
                title: "Acme Ltd · 61–90 days".into(),
                rows: vec![a_2],
                more: None,
            }
        );
        let beta_61_90 = CellRef {
            row: RowKind::Client("c2".into()),
            ..total_61_90
        };
        let empty = drill_down(&books, &options, &beta_61_90, DrillDown::PAGE);
        assert_eq!(
            (empty.title.as_str(), empty.rows.len()),
            ("Beta GmbH · 61–90 days", 0)
        );
        let none_shown = drill_down(&books, &options, &acme_61_90, 0);
        assert_eq!(
            (none_shown.rows.len(), none_shown.more),
            (0, Some("Show more (0 of 1)".into()))
        );
    }
}
