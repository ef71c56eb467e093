//! The aging table: one row per client and currency, totals per currency, sortable and
//! filterable, with a drill-down to the invoices behind any cell.

use super::DashboardState;
use crate::core::aging::{cell_invoices, sort_rows, to_csv, AgingRow, SortKey};
use crate::core::currency::Currency;
use crate::core::dates::format_date;
use crate::core::money::{format_money, plain};
use crate::ui::browser::download;
use crate::ui::state::use_app;
use leptos::prelude::*;

const PAGE: usize = 25;

#[derive(Clone, PartialEq)]
struct Cell {
    client_id: String,
    client_name: String,
    bucket: usize,
    currency: Currency,
}

/// The table, its controls and the drill-down.
#[component]
pub(crate) fn AgingTable(state: DashboardState) -> impl IntoView {
    let filter = RwSignal::new(String::new());
    let sort = RwSignal::new((SortKey::Client, false));
    let selected = RwSignal::new(None::<Cell>);
    let shown = RwSignal::new(PAGE * 2);
    let rows = Memo::new(move |_| {
        let needle = filter.get().to_lowercase();
        let mut rows: Vec<AgingRow> = state.report.with(|r| {
            r.rows
                .iter()
                .filter(|row| row.client_name.to_lowercase().contains(&needle))
                .cloned()
                .collect()
        });
        let (key, descending) = sort.get();
        sort_rows(&mut rows, key, descending);
        rows
    });
    let export = move |_| {
        let csv = state.report.with(to_csv);
        let _ = download(
            &format!("aging-{}.csv", state.as_of.get_untracked()),
            "text/csv",
            &csv,
        );
    };
    let header = move |key: SortKey, label: String, numeric: bool| {
        let aria = move || match sort.get() {
            (k, false) if k == key => "ascending",
            (k, true) if k == key => "descending",
            _ => "none",
        };
        view! {
            <th scope="col" class:num=numeric aria-sort=aria>
                <button class="sort" on:click=move |_| sort.update(|(k, d)| { *d = *k == key && !*d; *k = key; })>{label}</button>
            </th>
        }
    };
    let render_row = move |row: AgingRow| {
        let name = row.client_name.clone();
        let cells = row.amounts.iter().enumerate().map(|(bucket, amount)| {
            let id = state.report.with_untracked(|r| r.buckets[bucket].id.clone());
            let cell = Cell { client_id: row.client_id.clone(), client_name: name.clone(), bucket, currency: row.currency.clone() };
            let label = format!("{} {}: show invoices", name, state.report.with_untracked(|r| r.buckets[bucket].label.clone()));
            let empty = amount.is_zero();
            view! {
                <td class="num" data-testid="aging-cell" data-client=row.client_id.clone() data-bucket=id
                    data-currency=row.currency.to_string() data-amount=plain(*amount)>
                    {if empty {
                        view! { <span class="zero">"–"</span> }.into_any()
                    } else {
                        view! { <button class="cell" aria-label=label on:click=move |_| selected.set(Some(cell.clone()))>{format_money(*amount, &row.currency)}</button> }.into_any()
                    }}
                </td>
            }
        }).collect_view();
        let total_row = row.client_id == "total";
        view! {
            <tr class:total=total_row>
                <th scope="row">{if total_row { format!("Total {}", row.currency) } else { row.client_name.clone() }}
                    {(!row.disputed.is_zero()).then(|| view! { <span class="tag warn" title="Disputed amount">{format!("{} disputed", format_money(row.disputed, &row.currency))}</span> })}
                </th>
                {cells}
                <td class="num strong" data-testid="aging-cell" data-client=row.client_id.clone() data-bucket="total"
                    data-currency=row.currency.to_string() data-amount=plain(row.total)>{format_money(row.total, &row.currency)}</td>
                <td class="num">{row.oldest_days.max(0)}</td>
            </tr>
        }
    };
    view! {
        <section aria-labelledby="aging-heading">
            <div class="section-head">
                <h2 id="aging-heading">{move || format!("Aged receivables on {}", format_date(state.as_of.get()))}</h2>
                <div class="actions">
                    <label for="aging-filter" class="sr-only">"Filter by client name"</label>
                    <input id="aging-filter" type="search" placeholder="Filter by client" prop:value=move || filter.get()
                        on:input=move |ev| filter.set(event_target_value(&ev)) />
                    <button on:click=export>"Export CSV"</button>
                </div>
            </div>
            <div class="table-wrap">
                <table class="aging">
                    <caption class="sr-only">"Outstanding amounts by client, currency and days overdue"</caption>
                    <thead><tr>
                        {move || header(SortKey::Client, "Client".into(), false)}
                        {move || state.report.with(|r| r.buckets.iter().enumerate().map(|(i, b)| header(SortKey::Bucket(i), b.label.clone(), true)).collect_view())}
                        {move || header(SortKey::Total, "Total".into(), true)}
                        {move || header(SortKey::Oldest, "Oldest (days)".into(), true)}
                    </tr></thead>
                    <tbody>
                        {move || rows.get().into_iter().take(shown.get()).map(render_row).collect_view()}
                        {move || state.report.with(|r| r.totals.clone()).into_iter().map(render_row).collect_view()}
                    </tbody>
                </table>
            </div>
            {move || (rows.with(Vec::len) > shown.get()).then(|| view! {
                <button class="more" on:click=move |_| shown.update(|s| *s += PAGE * 2)>
                    {format!("Show more clients ({} of {})", shown.get_untracked(), rows.with_untracked(Vec::len))}
                </button>
            })}
            {move || (rows.with(Vec::is_empty) && !filter.get().is_empty()).then(|| view! { <p class="muted">"No client matches the filter."</p> })}
            {move || state.report.with(|r| r.rows.is_empty()).then(|| view! { <p class="muted">"Nothing is owed on this day."</p> })}
            {move || selected.get().map(|cell| view! { <DrillDown state cell on_close=move || selected.set(None) /> })}
        </section>
    }
}

#[component]
fn DrillDown(
    state: DashboardState,
    cell: Cell,
    on_close: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let app = use_app();
    let shown = RwSignal::new(PAGE);
    let bucket_label = state.report.with_untracked(|r| {
        r.buckets
            .get(cell.bucket)
            .map(|b| b.label.clone())
            .unwrap_or_default()
    });
    let who = if cell.client_id == "total" {
        format!("All clients ({})", cell.currency)
    } else {
        cell.client_name.clone()
    };
    let list = move || {
        app.ledger.with(|l| {
            let found = cell_invoices(l, &state.options.get(), &cell.client_id, cell.bucket, &cell.currency);
            let total = found.len();
            let rows = found.into_iter().take(shown.get()).map(|aged| {
                let client = l.client(&aged.invoice.client_id).map(|c| c.name.clone()).unwrap_or_default();
                view! {
                    <tr>
                        <td><a href=format!("/invoices/{}", aged.invoice.id)>{aged.invoice.number.clone()}</a></td>
                        <td>{client}</td>
                        <td>{format_date(aged.invoice.due_date)}</td>
                        <td class="num">{aged.days.max(0)}</td>
                        <td class="num">{format_money(aged.outstanding, &aged.invoice.currency)}</td>
                    </tr>
                }
            }).collect_view();
            (rows, total)
        })
    };
    view! {
        <div class="card drill" role="region" aria-label="Invoices behind the selected cell">
            <div class="section-head">
                <h3>{format!("{who} · {bucket_label}")}</h3>
                <button on:click=move |_| on_close()>"Close"</button>
            </div>
            {move || {
                let (rows, total) = list();
                view! {
                    <table>
                        <thead><tr><th scope="col">"Invoice"</th><th scope="col">"Client"</th><th scope="col">"Due"</th><th scope="col" class="num">"Days overdue"</th><th scope="col" class="num">"Outstanding"</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                    {(total > shown.get_untracked()).then(|| view! {
                        <button class="more" on:click=move |_| shown.update(|s| *s += PAGE)>{format!("Show more ({} of {total})", shown.get_untracked())}</button>
                    })}
                }
            }}
        </div>
    }
}
