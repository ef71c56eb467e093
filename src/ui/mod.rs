//! The Leptos shell: navigation, routes and pages. Pages ask core for answers and render them.

pub mod browser;
pub mod components;
pub mod editors;
pub mod lazy;
pub mod pages;
pub mod state;

use lazy::page;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;
use pages::{Dashboard, NotFound};
use state::AppState;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let app = AppState::load();
    provide_context(app);
    view! {
        <Router>
            <a class="skip" href="#main">"Skip to content"</a>
            <header class="topbar">
                <a class="brand" href="/">
                    <span class="logo" aria-hidden="true">"◷"</span>
                    "Overdue"
                </a>
                <nav aria-label="Main">
                    <A href="/" exact=true>"Dashboard"</A>
                    <A href="/clients">"Clients"</A>
                    <A href="/invoices">"Invoices"</A>
                    <A href="/templates">"Templates"</A>
                    <A href="/import">"Import"</A>
                    <A href="/data">"Data"</A>
                    <A href="/settings">"Settings"</A>
                </nav>
            </header>
            <components::UpdateBanner />
            <components::SaveBanner />
            <components::UnsavedChanges />
            <components::BackupReminder />
            <main id="main" tabindex="-1">
                <Show when=move || app.ready.get() fallback=|| view! { <div class="opening" aria-busy="true"></div> }>
                <Show when=move || app.load_error.get().is_none() fallback=|| page(lazy::recovery)>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Dashboard />
                    <Route path=path!("/clients") view=|| page(lazy::clients) />
                    <Route path=path!("/clients/:id") view=|| page(lazy::client) />
                    <Route path=path!("/clients/:id/letter") view=|| page(lazy::client_letter) />
                    <Route path=path!("/letters/:id") view=|| page(lazy::sent_letter) />
                    <Route path=path!("/clients/:id/pack") view=|| page(lazy::pack) />
                    <Route path=path!("/invoices") view=|| page(lazy::invoices) />
                    <Route path=path!("/invoices/:id") view=|| page(lazy::invoice) />
                    <Route path=path!("/settlement/:id") view=|| page(lazy::settlement) />
                    <Route path=path!("/templates") view=|| page(lazy::templates) />
                    <Route path=path!("/data") view=|| page(lazy::data) />
                    <Route path=path!("/import") view=|| page(lazy::import) />
                    <Route path=path!("/settings") view=|| page(lazy::settings) />
                </Routes>
                </Show>
                </Show>
            </main>
            <footer class="footer">
                "Overdue keeps every record in this browser. Nothing is sent anywhere. "
                <a href="/data">"Export a backup"</a>
                " to move or keep your data."
            </footer>
        </Router>
    }
}
