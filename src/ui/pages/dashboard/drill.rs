//! The invoices behind one cell of the aging table, oldest first.

use super::DashboardState;
use crate::core::views::dashboard::{drill_down, CellRef, DrillDown, DrillRow};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The drill-down card under the table.
#[component]
pub(super) fn DrillDownPanel(
    state: DashboardState,
    cell: CellRef,
    on_close: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let app = use_app();
    let shown = RwSignal::new(DrillDown::PAGE);
    let drill = Memo::new(move |_| {
        app.ledger
            .with(|books| drill_down(books, &state.options.get(), &cell, shown.get()))
    });
    view! {
        <div class="card drill" role="region" aria-label="Invoices behind the selected cell">
            <div class="section-head">
                <h3>{move || drill.with(|drill| drill.title.clone())}</h3>
                <button on:click=move |_| on_close()>"Close"</button>
            </div>
            <div class="table-wrap">
                <table class="stacked">
                    <thead>
                        <tr>
                            <th scope="col">"Invoice"</th>
                            <th scope="col">"Client"</th>
                            <th scope="col">"Due"</th>
                            <th scope="col" class="num">"Days overdue"</th>
                            <th scope="col" class="num">"Outstanding"</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || drill.with(|drill| drill.rows.clone()) key=|row| row.clone() let:row>
                            <Invoice row />
                        </For>
                    </tbody>
                </table>
            </div>
            {move || drill.with(|drill| drill.more.clone()).map(|label| view! {
                <button class="more" on:click=move |_| shown.update(|shown| *shown += DrillDown::PAGE)>{label}</button>
            })}
        </div>
    }
}

#[component]
fn Invoice(row: DrillRow) -> impl IntoView {
    view! {
        <tr>
            <td data-label="Invoice"><a href=row.href>{row.number}</a></td>
            <td data-label="Client">{row.client_name}</td>
            <td data-label="Due"><time datetime=row.due_iso>{row.due}</time></td>
            <td class="num" data-label="Days overdue">{row.days_overdue}</td>
            <td class="num" data-label="Outstanding">{row.outstanding}</td>
        </tr>
    }
}
