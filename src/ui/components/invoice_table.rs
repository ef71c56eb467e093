//! The invoice table shared by the invoice list and the client page.

use crate::core::ids::link;
use crate::core::views::rows::InvoiceRow;
use crate::ui::components::StatusBadge;
use leptos::prelude::*;

/// A table of invoice rows. Rows are keyed by their content, so an edit repaints only the rows
/// whose figures changed.
#[component]
pub fn InvoiceTable(
    #[prop(into)] rows: Signal<Vec<InvoiceRow>>,
    /// What the table lists, for screen readers.
    caption: &'static str,
    /// Show the client column (off on a client's own page).
    #[prop(optional)]
    show_client: bool,
) -> impl IntoView {
    view! {
        <div class="table-wrap">
            <table class="invoices">
                <caption class="sr-only">{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Number"</th>
                        {show_client.then(|| view! { <th scope="col">"Client"</th> })}
                        <th scope="col">"Issued"</th>
                        <th scope="col">"Due"</th>
                        <th scope="col" class="num">"Amount"</th>
                        <th scope="col" class="num">"Outstanding"</th>
                        <th scope="col">"Status"</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || rows.get() key=|row| row.clone() let:row>
                        <InvoiceLine row show_client />
                    </For>
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn InvoiceLine(row: InvoiceRow, show_client: bool) -> impl IntoView {
    let client = show_client.then(|| {
        view! { <td class="client"><a href=link("clients", &row.client_id)>{row.client_name.clone()}</a></td> }
    });
    view! {
        <tr>
            <td class="number"><a href=link("invoices", &row.id)>{row.number}</a></td>
            {client}
            <td class="issued">{row.issued}</td>
            <td class="due"><time datetime=row.due_iso>{row.due}</time></td>
            <td class="num amount">{row.amount}</td>
            <td class="num outstanding" data-amount=row.outstanding_plain>{row.outstanding}</td>
            <td class="status">
                <StatusBadge status=row.status />
                {row.disputed.then_some(view! { <span class="tag warn">"disputed"</span> })}
            </td>
        </tr>
    }
}
