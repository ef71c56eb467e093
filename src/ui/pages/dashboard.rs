//! `/`: the dashboard.

use leptos::prelude::*;

/// The dashboard.
#[component]
pub fn Dashboard() -> impl IntoView {
    view! {
        <h1>"Dashboard"</h1>
        <div class="empty">
            <h2>"Coming with the aging dashboard"</h2>
            <p>"Who owes what and how late, as of any date. Start by adding " <a href="/clients">"clients"</a> " and " <a href="/invoices">"invoices"</a> ", or load sample data from " <a href="/data">"Data"</a> "."</p>
        </div>
    }
}
