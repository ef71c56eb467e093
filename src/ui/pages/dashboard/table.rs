//! The aging table: one row per client and currency, totals per currency, sortable and
//! filterable, with a drill-down to the invoices behind any cell. Rows are keyed by their
//! content, so a change repaints only the rows whose figures changed.

use super::drill::DrillDownPanel;
use super::DashboardState;
use crate::core::aging::to_csv;
use crate::core::views::dashboard::{
    aging_table, AgingCell, AgingLine, CellRef, Column, TableQuery,
};
use crate::ui::browser::download;
use leptos::prelude::*;

/// The table, its controls and the drill-down.
#[component]
pub(crate) fn AgingTable(state: DashboardState) -> impl IntoView {
    let query = RwSignal::new(TableQuery::default());
    let selected = RwSignal::new(None::<CellRef>);
    let table = Memo::new(move |_| {
        state
            .report
            .with(|report| query.with(|query| aging_table(report, state.as_of.get(), query)))
    });
    let export = move |_| {
        let csv = state.report.with(to_csv);
        let _ = download(
            &format!("aging-{}.csv", state.as_of.get_untracked()),
            "text/csv",
            &csv,
        );
    };
    view! {
        <section aria-labelledby="aging-heading">
            <div class="section-head">
                <h2 id="aging-heading">{move || table.with(|table| table.heading.clone())}</h2>
                <div class="actions">
                    <label for="aging-filter" class="sr-only">"Filter by client name"</label>
                    <input id="aging-filter" type="search" placeholder="Filter by client"
                        prop:value=move || query.with(|query| query.filter.clone())
                        on:input=move |ev| query.update(|query| query.filter = event_target_value(&ev)) />
                    <button on:click=export>"Export CSV"</button>
                </div>
            </div>
            <div class="table-wrap">
                <table class="aging stacked">
                    <caption class="sr-only">"Outstanding amounts by client, currency and days overdue"</caption>
                    <thead>
                        <tr>
                            <For each=move || table.with(|table| table.columns.clone()) key=|column| column.clone() let:column>
                                <Heading column query />
                            </For>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || table.with(|table| table.rows.clone()) key=|line| line.clone() let:line>
                            <Line line selected />
                        </For>
                        <For each=move || table.with(|table| table.totals.clone()) key=|line| line.clone() let:line>
                            <Line line selected />
                        </For>
                    </tbody>
                </table>
            </div>
            {move || table.with(|table| table.more.clone()).map(|label| view! {
                <button class="more" on:click=move |_| query.update(|query| query.shown += TableQuery::PAGE)>{label}</button>
            })}
            {move || table.with(|table| table.notice).map(|notice| view! { <p class="muted">{notice}</p> })}
            {move || selected.get().map(|cell| view! { <DrillDownPanel state cell on_close=move || selected.set(None) /> })}
        </section>
    }
}

/// A column heading that sorts the table.
#[component]
fn Heading(column: Column, query: RwSignal<TableQuery>) -> impl IntoView {
    let key = column.key;
    let label = match column.title {
        Some(title) => view! { <abbr title=title>{column.label}</abbr> }.into_any(),
        None => column.label.into_any(),
    };
    view! {
        <th scope="col" class:num=column.numeric aria-sort=column.aria_sort>
            <button class="sort" on:click=move |_| query.update(|query| query.sort = query.sort.toggled(key))>
                {label}
            </button>
        </th>
    }
}

/// One client's (or a currency's total) row. On narrow screens it is laid out as a card.
#[component]
fn Line(line: AgingLine, selected: RwSignal<Option<CellRef>>) -> impl IntoView {
    let is_total = line.is_total();
    let cells = line
        .cells
        .into_iter()
        .map(|cell| view! { <Amount cell selected /> })
        .collect_view();
    view! {
        <tr class:total=is_total>
            <th scope="row">
                <span class="name">{line.name}</span>
                {line.disputed.map(|disputed| view! { <span class="tag warn">{disputed}</span> })}
            </th>
            {cells}
            <Amount cell=line.total selected strong=true />
            <td class="num oldest" data-label="Oldest">{line.oldest}</td>
        </tr>
    }
}

/// One amount with its `aging-cell` hooks; a button opens the invoices behind it.
#[component]
fn Amount(
    cell: AgingCell,
    selected: RwSignal<Option<CellRef>>,
    /// The row total (emphasised).
    #[prop(optional)]
    strong: bool,
) -> impl IntoView {
    let content = match cell.drill {
        Some((target, label)) => view! {
            <button class="cell" aria-label=label on:click=move |_| selected.set(Some(target.clone()))>{cell.text}</button>
        }
        .into_any(),
        None => cell.text.into_any(),
    };
    view! {
        <td class="num" class:strong=strong class:zero=cell.empty data-label=cell.column
            data-testid="aging-cell" data-client=cell.client data-bucket=cell.bucket
            data-currency=cell.currency data-amount=cell.amount>
            {content}
        </td>
    }
}
