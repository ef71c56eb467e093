//! `/`: who owes what and how late as of any day, the collection metrics and the chase queue.
//! Each panel binds one view model of [`crate::core::views::dashboard`].

mod chart;
mod drill;
mod metrics;
mod queue;
mod table;

use crate::core::aging::{aging, AgingOptions, AgingReport};
use crate::core::views::dashboard::as_of;
use crate::ui::browser::today;
use crate::ui::state::use_app;
use chrono::NaiveDate;
use leptos::prelude::*;

/// The dashboard's shared view state.
#[derive(Clone, Copy)]
pub(crate) struct DashboardState {
    /// The day, or today while the input is incomplete.
    pub as_of: Memo<NaiveDate>,
    /// The options the report is built with.
    pub options: Memo<AgingOptions>,
    /// The report.
    pub report: Memo<AgingReport>,
}

/// The dashboard.
#[component]
pub fn Dashboard() -> impl IntoView {
    let app = use_app();
    let as_of_text = RwSignal::new(today().to_string());
    let include_disputed = RwSignal::new(true);
    let day = Memo::new(move |_| as_of(&as_of_text.get(), today()));
    let as_of = Memo::new(move |_| day.with(|day| day.day));
    let options = Memo::new(move |_| AgingOptions {
        include_disputed: include_disputed.get(),
        ..app
            .ledger
            .with(|books| AgingOptions::from_settings(books, as_of.get()))
    });
    let report = Memo::new(move |_| app.ledger.with(|books| aging(books, &options.get())));
    let state = DashboardState {
        as_of,
        options,
        report,
    };
    let error = Signal::derive(move || day.with(|day| day.error.clone()));
    view! {
        <div class="page-head">
            <h1>"Dashboard"</h1>
            <AsOfControls text=as_of_text error include_disputed />
        </div>
        <Show
            when=move || app.ledger.with(|books| !books.invoices.is_empty())
            fallback=|| view! {
                <div class="empty">
                    <h2>"Nothing to age yet"</h2>
                    <p>"Add " <a href="/clients">"clients"</a> " and " <a href="/invoices">"invoices"</a> ", " <a href="/import">"import them from another tool's CSV export"</a> ", or load sample data from " <a href="/data">"Data"</a> " to see who owes what and how late."</p>
                </div>
            }
        >
            <div class="dashboard">
                <queue::ChaseQueue state />
                <table::AgingTable state />
                <chart::AgingChart state />
                <metrics::MetricTiles state />
            </div>
        </Show>
    }
}

/// The day to age to, and whether disputed invoices count in the buckets.
#[component]
fn AsOfControls(
    text: RwSignal<String>,
    error: Signal<Option<String>>,
    include_disputed: RwSignal<bool>,
) -> impl IntoView {
    view! {
        <div class="toolbar as-of">
            <div class="field" class:invalid=move || error.with(Option::is_some)>
                <label for="as-of">"As of"</label>
                <input id="as-of" type="date" data-testid="as-of" aria-describedby="as-of-error"
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                    on:change=move |ev| text.set(event_target_value(&ev)) />
                <p class="error" id="as-of-error" role="status">{move || error.get()}</p>
            </div>
            <div class="field check">
                <input type="checkbox" id="include-disputed" prop:checked=move || include_disputed.get()
                    on:change=move |ev| include_disputed.set(event_target_checked(&ev)) />
                <label for="include-disputed">"Include disputed invoices"</label>
            </div>
        </div>
    }
}
