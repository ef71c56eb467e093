//! Routes whose features are still to come, and the not-found page.

use leptos::prelude::*;

/// `/settlement/<client id>`: the planner arrives with the Settlement feature.
#[component]
pub fn SettlementPage() -> impl IntoView {
    view! {
        <h1>"Settlement planner"</h1>
        <div class="empty">
            <h2>"Coming with the settlement planner"</h2>
            <p>"Compare a lump sum, instalments, an agency and court by expected recovery, and draft a payment schedule."</p>
            <p><a href="/clients">"Back to clients"</a></p>
        </div>
    }
}

/// Any other address.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <h1>"Page not found"</h1>
        <p>"There is nothing at this address. " <a href="/">"Go to the dashboard"</a> "."</p>
    }
}
