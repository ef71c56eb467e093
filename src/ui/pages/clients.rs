//! `/clients`: every client with what they owe, and a form to add one.

use crate::core::forms::ClientForm;
use crate::core::ids::link;
use crate::core::views::clients::{client_list, ClientSummary};
use crate::ui::browser::today;
use crate::ui::components::EmptyState;
use crate::ui::editors::ClientEditor;
use crate::ui::state::use_app;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// The client list.
#[component]
pub fn ClientsPage() -> impl IntoView {
    let app = use_app();
    let adding = RwSignal::new(false);
    let search = RwSignal::new(String::new());
    let navigate = use_navigate();
    let open_client =
        Callback::new(move |id: String| navigate(&link("clients", &id), Default::default()));
    let clients = Memo::new(move |_| app.ledger.with(|books| client_list(books, today())));
    let shown = Signal::derive(move || {
        search.with(|search| {
            clients.with(|clients| {
                clients
                    .iter()
                    .filter(|client| client.matches(search))
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
        <div class="page-head">
            <h1>"Clients"</h1>
            <button class="primary" on:click=move |_| adding.update(|open| *open = !*open)
                aria-expanded=move || adding.get().to_string()>
                "Add client"
            </button>
        </div>
        <Show when=move || adding.get()>
            <h2 class="sr-only">"New client"</h2>
            <ClientEditor initial=ClientForm::default() submit_label="Save client"
                on_saved=move |id| open_client.run(id)
                on_cancel=move |_| adding.set(false) />
        </Show>
        <Show
            when=move || clients.with(|clients| !clients.is_empty())
            fallback=move || view! {
                <EmptyState title="No clients yet">
                    <p>"Add the people and businesses you invoice with " <strong>"Add client"</strong> ", or explore with sample data from " <a href="/data">"Data"</a> "."</p>
                </EmptyState>
            }
        >
            <div class="toolbar">
                <label for="client-filter">"Find a client"</label>
                <input id="client-filter" type="search" prop:value=move || search.get()
                    on:input=move |ev| search.set(event_target_value(&ev)) />
            </div>
            <ClientTable rows=shown />
        </Show>
    }
}

#[component]
fn ClientTable(rows: Signal<Vec<ClientSummary>>) -> impl IntoView {
    view! {
        <div class="table-wrap">
            <table class="client-list">
                <caption class="sr-only">"Clients and what they owe today"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Client"</th>
                        <th scope="col" class="contact">"Contact"</th>
                        <th scope="col" class="num">"Invoices"</th>
                        <th scope="col" class="num">"Owed today"</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || rows.get() key=|row| row.clone() let:row>
                        <ClientLine row />
                    </For>
                </tbody>
            </table>
        </div>
        <Show when=move || rows.with(Vec::is_empty)>
            <p class="muted">"No client's name contains that text."</p>
        </Show>
    }
}

#[component]
fn ClientLine(row: ClientSummary) -> impl IntoView {
    view! {
        <tr>
            <td>
                <a href=row.href>{row.name}</a>
                {row.sample.then_some(view! { <span class="tag">"sample"</span> })}
            </td>
            <td class="contact">{row.contact}</td>
            <td class="num">{row.invoice_count}</td>
            <td class="num">{row.owed_text}</td>
        </tr>
    }
}
