//! `/invoices`: every invoice with its balance and status, filterable, and a form to add one.
//!
//! The index of rows is a memo over the books (rebuilt once per change); a keystroke in the
//! search only filters it, and the keyed table repaints the rows that changed.

use crate::core::forms::InvoiceForm;
use crate::core::ids::link;
use crate::core::views::invoices::{InvoiceFilter, InvoiceIndex};
use crate::ui::browser::today;
use crate::ui::components::{EmptyState, InvoiceTable};
use crate::ui::editors::InvoiceEditor;
use crate::ui::state::use_app;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// Rows per page: about a screenful, so a keystroke repaints at most this many rows.
const PAGE_SIZE: usize = 25;

/// The invoice list.
#[component]
pub fn InvoicesPage() -> impl IntoView {
    let app = use_app();
    let adding = RwSignal::new(false);
    let index = Memo::new(move |_| app.ledger.with(|books| InvoiceIndex::new(books, today())));
    view! {
        <div class="page-head">
            <h1>"Invoices"</h1>
            <button class="primary" on:click=move |_| adding.update(|open| *open = !*open)
                aria-expanded=move || adding.get().to_string()>"Add invoice"</button>
        </div>
        <Show when=move || adding.get()>
            <AddInvoice on_cancel=move || adding.set(false) />
        </Show>
        <Show when=move || !index.with(InvoiceIndex::is_empty) fallback=|| view! {
            <EmptyState title="No invoices yet">
                <p>"Add an invoice with " <strong>"Add invoice"</strong> ", or load sample data from " <a href="/data">"Data"</a> "."</p>
            </EmptyState>
        }>
            <InvoiceList index />
        </Show>
    }
}

/// The new-invoice form, once there is a client to send it to.
#[component]
fn AddInvoice(on_cancel: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    let open_invoice =
        Callback::new(move |id: String| navigate(&link("invoices", &id), Default::default()));
    view! {
        <Show when=move || app.ledger.with(|books| !books.clients.is_empty()) fallback=|| view! {
            <p class="card">"Add a client first: every invoice belongs to a client. " <a href="/clients">"Go to clients"</a> "."</p>
        }>
            <InvoiceEditor
                initial=app.ledger.with_untracked(|books| InvoiceForm::new("", &books.business, today()))
                submit_label="Save invoice" choose_client=true
                on_saved=move |id| open_invoice.run(id)
                on_cancel=move |_| on_cancel() />
        </Show>
    }
}

/// The search, the filter, the table and "show more".
#[component]
fn InvoiceList(index: Memo<InvoiceIndex>) -> impl IntoView {
    let search = RwSignal::new(String::new());
    let filter = RwSignal::new(InvoiceFilter::default());
    let shown = RwSignal::new(PAGE_SIZE);
    let list = Memo::new(move |_| {
        index.with(|index| index.list(filter.get(), &search.get(), shown.get()))
    });
    let rows = Signal::derive(move || list.with(|list| list.rows.clone()));
    view! {
        <div class="toolbar">
            <div class="field">
                <label for="invoice-search">"Find by number or client"</label>
                <input id="invoice-search" type="search" prop:value=move || search.get()
                    on:input=move |ev| { search.set(event_target_value(&ev)); shown.set(PAGE_SIZE); } />
            </div>
            <div class="field">
                <label for="invoice-status">"Show"</label>
                <select id="invoice-status" on:change=move |ev| {
                    if let Some(picked) = InvoiceFilter::from_id(&event_target_value(&ev)) {
                        filter.set(picked);
                        shown.set(PAGE_SIZE);
                    }
                }>
                    {InvoiceFilter::ALL.map(|choice| view! {
                        <option value=choice.id() selected=choice == InvoiceFilter::default()>{choice.label()}</option>
                    })}
                </select>
            </div>
        </div>
        <InvoiceTable rows caption="Invoices" show_client=true />
        <Show when=move || list.with(|list| list.matching == 0)>
            <p class="muted">"No invoices match."</p>
        </Show>
        {move || list.with(|list| list.show_more.clone()).map(|label| view! {
            <button class="more" on:click=move |_| shown.update(|count| *count += PAGE_SIZE)>{label}</button>
        })}
    }
}
