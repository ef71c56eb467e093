//! `/`: who owes what and how late as of any day, the collection metrics and the chase queue.

mod chart;
mod metrics;
mod queue;
mod table;

use crate::core::aging::{aging, AgingOptions, AgingReport};
use crate::core::dates::parse_date;
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
    let as_of = Memo::new(move |_| parse_date(&as_of_text.get()).unwrap_or_else(|_| today()));
    let options = Memo::new(move |_| {
        let mut options = app
            .ledger
            .with(|l| AgingOptions::from_settings(l, as_of.get()));
        options.include_disputed = include_disputed.get();
        options
    });
    let report = Memo::new(move |_| app.ledger.with(|l| aging(l, &options.get())));
    let state = DashboardState {
        as_of,
        options,
        report,
    };
    let date_error = move || parse_date(&as_of_text.get()).err();
    view! {
        <div class="page-head">
            <h1>"Dashboard"</h1>
            <div class="toolbar as-of">
                <div class="field" class:invalid=move || date_error().is_some()>
                    <label for="as-of">"As of"</label>
                    <input id="as-of" type="date" data-testid="as-of" aria-describedby="as-of-error"
                        prop:value=move || as_of_text.get()
                        on:input=move |ev| as_of_text.set(event_target_value(&ev))
                        on:change=move |ev| as_of_text.set(event_target_value(&ev)) />
                    <p class="error" id="as-of-error" role="status">{move || date_error().map(|e| format!("{e}; showing today"))}</p>
                </div>
                <div class="field check">
                    <input type="checkbox" id="include-disputed" prop:checked=move || include_disputed.get()
                        on:change=move |ev| include_disputed.set(event_target_checked(&ev)) />
                    <label for="include-disputed">"Include disputed invoices"</label>
                </div>
            </div>
        </div>
        <Show
            when=move || app.ledger.with(|l| !l.invoices.is_empty())
            fallback=|| view! {
                <div class="empty">
                    <h2>"Nothing to age yet"</h2>
                    <p>"Add " <a href="/clients">"clients"</a> " and " <a href="/invoices">"invoices"</a> ", or load sample data from " <a href="/data">"Data"</a> " to see who owes what and how late."</p>
                </div>
            }
        >
            <queue::ChaseQueue state />
            <table::AgingTable state />
            <chart::AgingChart state />
            <metrics::MetricTiles state />
        </Show>
    }
}
