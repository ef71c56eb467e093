//! `/invoices`: every invoice with its balance and status, filterable, and a form to add one.

use crate::core::dates::format_date;
use crate::core::forms::InvoiceForm;
use crate::core::ledger::InvoiceStatus;
use crate::core::money::format_money;
use crate::ui::browser::today;
use crate::ui::components::{EmptyState, StatusBadge};
use crate::ui::editors::InvoiceEditor;
use crate::ui::state::use_app;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

const PAGE_SIZE: usize = 50;

/// The invoice list.
#[component]
pub fn InvoicesPage() -> impl IntoView {
    let app = use_app();
    let adding = RwSignal::new(false);
    let search = RwSignal::new(String::new());
    let status = RwSignal::new(String::from("unpaid"));
    let shown = RwSignal::new(PAGE_SIZE);
    let navigate = use_navigate();
    let open_invoice =
        Callback::new(move |id: String| navigate(&format!("/invoices/{id}"), Default::default()));
    let matches = move |s: InvoiceStatus| match status.get().as_str() {
        "unpaid" => matches!(s, InvoiceStatus::Open | InvoiceStatus::PartPaid),
        "paid" => s == InvoiceStatus::Paid,
        "written-off" => s == InvoiceStatus::WrittenOff,
        _ => true,
    };
    let rows = move || {
        let today = today();
        let needle = search.get().to_lowercase();
        app.ledger.with(|l| {
            let mut found: Vec<_> = l
                .invoices
                .iter()
                .filter_map(|invoice| {
                    let client = l.client(&invoice.client_id)?;
                    let summary = l.summary(invoice, today);
                    let text_ok = needle.is_empty()
                        || invoice.number.to_lowercase().contains(&needle)
                        || client.name.to_lowercase().contains(&needle);
                    (text_ok && matches(summary.status)).then_some((invoice, client, summary))
                })
                .collect();
            found.sort_by(|a, b| a.0.due_date.cmp(&b.0.due_date).then_with(|| a.0.id.cmp(&b.0.id)));
            let total = found.len();
            let visible = found
                .into_iter()
                .take(shown.get())
                .map(|(invoice, client, summary)| {
                    view! {
                        <tr>
                            <td><a href=format!("/invoices/{}", invoice.id)>{invoice.number.clone()}</a></td>
                            <td><a href=format!("/clients/{}", client.id)>{client.name.clone()}</a></td>
                            <td>{format_date(invoice.issue_date)}</td>
                            <td>{format_date(invoice.due_date)}</td>
                            <td class="num">{format_money(invoice.amount.value(), &invoice.currency)}</td>
                            <td class="num">{format_money(summary.outstanding, &invoice.currency)}</td>
                            <td><StatusBadge status=summary.status />{invoice.disputed.then_some(view! { <span class="tag warn">"disputed"</span> })}</td>
                        </tr>
                    }
                })
                .collect_view();
            (visible, total)
        })
    };
    view! {
        <div class="page-head">
            <h1>"Invoices"</h1>
            <button class="primary" on:click=move |_| adding.update(|a| *a = !*a) aria-expanded=move || adding.get().to_string()>"Add invoice"</button>
        </div>
        <Show when=move || adding.get()>
            <Show when=move || app.ledger.with(|l| !l.clients.is_empty()) fallback=|| view! {
                <p class="card">"Add a client first: every invoice belongs to a client. " <a href="/clients">"Go to clients"</a> "."</p>
            }>
                <InvoiceEditor
                    initial=app.ledger.with_untracked(|l| InvoiceForm::new("", &l.business, today()))
                    submit_label="Save invoice" choose_client=true
                    on_saved=move |id| open_invoice.run(id)
                    on_cancel=move |_| adding.set(false) />
            </Show>
        </Show>
        <Show when=move || app.ledger.with(|l| !l.invoices.is_empty()) fallback=|| view! {
            <EmptyState title="No invoices yet">
                <p>"Add an invoice with " <strong>"Add invoice"</strong> ", or load sample data from " <a href="/data">"Data"</a> "."</p>
            </EmptyState>
        }>
            <div class="toolbar">
                <div class="field">
                    <label for="invoice-search">"Find by number or client"</label>
                    <input id="invoice-search" type="search" prop:value=move || search.get()
                        on:input=move |ev| { search.set(event_target_value(&ev)); shown.set(PAGE_SIZE); } />
                </div>
                <div class="field">
                    <label for="invoice-status">"Show"</label>
                    <select id="invoice-status" on:change=move |ev| { status.set(event_target_value(&ev)); shown.set(PAGE_SIZE); }>
                        <option value="unpaid" selected=true>"Unpaid"</option>
                        <option value="paid">"Paid"</option>
                        <option value="written-off">"Written off"</option>
                        <option value="all">"All"</option>
                    </select>
                </div>
            </div>
            {move || {
                let (visible, total) = rows();
                view! {
                    <div class="table-wrap">
                        <table>
                            <caption class="sr-only">"Invoices"</caption>
                            <thead><tr><th scope="col">"Number"</th><th scope="col">"Client"</th><th scope="col">"Issued"</th><th scope="col">"Due"</th><th scope="col" class="num">"Amount"</th><th scope="col" class="num">"Outstanding"</th><th scope="col">"Status"</th></tr></thead>
                            <tbody>{visible}</tbody>
                        </table>
                    </div>
                    {(total == 0).then(|| view! { <p class="muted">"No invoices match."</p> })}
                    {(total > shown.get_untracked()).then(|| view! {
                        <button class="more" on:click=move |_| shown.update(|s| *s += PAGE_SIZE)>
                            {format!("Show more ({} of {total} shown)", shown.get_untracked())}
                        </button>
                    })}
                }
            }}
        </Show>
    }
}
