//! `/settings`: the business profile, the aging and backup preferences, and the
//! reference-rate tables.

mod business_profile;
mod preferences;
mod rate_tables;

use crate::core::views::settings::settings_page;
use crate::ui::state::use_app;
use business_profile::BusinessProfile;
use leptos::prelude::*;
use preferences::Preferences;
use rate_tables::RateTables;

/// The settings page.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let app = use_app();
    let page = Memo::new(move |_| app.ledger.with(|books| settings_page(books)));
    view! {
        <h1>"Settings"</h1>
        <section aria-labelledby="profile-heading">
            <h2 id="profile-heading">"Business profile"</h2>
            <p class="muted">"Letters are written from these details."</p>
            <BusinessProfile page />
        </section>
        <section aria-labelledby="preferences-heading">
            <h2 id="preferences-heading">"Aging and reminders"</h2>
            <Preferences />
        </section>
        <section aria-labelledby="rates-heading">
            <h2 id="rates-heading">"Interest reference rates"</h2>
            <p class="muted">"Statutory interest uses these central-bank rates, shipped with the app. When a bank changes its rate, add the new row here; it is saved with your data."</p>
            <RateTables page />
            <p class="note legal">"This is a calculation aid, not legal advice."</p>
        </section>
    }
}
