//! The not-found page.

use leptos::prelude::*;

/// Any other address.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <h1>"Page not found"</h1>
        <p>"There is nothing at this address. " <a href="/">"Go to the dashboard"</a> "."</p>
    }
}
