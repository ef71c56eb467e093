//! `/clients`: every client with what they owe, and a form to add one.

use crate::core::forms::ClientForm;
use crate::core::money::format_money;
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
    let filter = RwSignal::new(String::new());
    let navigate = use_navigate();
    let open_client =
        Callback::new(move |id: String| navigate(&format!("/clients/{id}"), Default::default()));
    let rows = move || {
        let today = today();
        let needle = filter.get().to_lowercase();
        app.ledger.with(|ledger| {
            ledger
                .clients
                .iter()
                .filter(|c| needle.is_empty() || c.name.to_lowercase().contains(&needle))
                .map(|client| {
                    let owed = ledger
                        .outstanding_by_currency(&client.id, today)
                        .iter()
                        .map(|(currency, amount)| format_money(*amount, currency))
                        .collect::<Vec<_>>()
                        .join(" + ");
                    let count = ledger.invoices_of(&client.id).count();
                    let href = format!("/clients/{}", client.id);
                    view! {
                        <tr>
                            <td><a href=href>{client.name.clone()}</a>{client.sample.then_some(view! { <span class="tag">"sample"</span> })}</td>
                            <td>{client.contact.clone()}</td>
                            <td class="num">{count}</td>
                            <td class="num">{if owed.is_empty() { "—".to_string() } else { owed }}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <div class="page-head">
            <h1>"Clients"</h1>
            <button class="primary" on:click=move |_| adding.update(|a| *a = !*a) aria-expanded=move || adding.get().to_string()>
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
            when=move || app.ledger.with(|l| !l.clients.is_empty())
            fallback=move || view! {
                <EmptyState title="No clients yet">
                    <p>"Add the people and businesses you invoice with " <strong>"Add client"</strong> ", or explore with sample data from " <a href="/data">"Data"</a> "."</p>
                </EmptyState>
            }
        >
            <div class="toolbar">
                <label for="client-filter">"Find a client"</label>
                <input id="client-filter" type="search" prop:value=move || filter.get()
                    on:input=move |ev| filter.set(event_target_value(&ev)) />
            </div>
            <div class="table-wrap">
                <table>
                    <caption class="sr-only">"Clients and what they owe today"</caption>
                    <thead><tr><th scope="col">"Client"</th><th scope="col">"Contact"</th><th scope="col" class="num">"Invoices"</th><th scope="col" class="num">"Owed today"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </Show>
    }
}
