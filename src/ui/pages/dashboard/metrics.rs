//! Metric tiles: DSO, countback DSO, best possible DSO, ADD, CEI and the share at risk, each
//! with its formula and working one click away.

use super::DashboardState;
use crate::core::aging::metrics::Metrics;
use crate::core::currency::Currency;
use crate::core::views::dashboard::{metric_period, metrics_panel, Choice, MetricTile};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The tiles with their period and currency pickers.
#[component]
pub(crate) fn MetricTiles(state: DashboardState) -> impl IntoView {
    let app = use_app();
    let period = RwSignal::new(Metrics::DEFAULT_PERIOD);
    let chosen = RwSignal::new(None::<Currency>);
    let panel = Memo::new(move |_| {
        app.ledger.with(|books| {
            state.report.with(|report| {
                chosen.with(|chosen| {
                    metrics_panel(
                        books,
                        report,
                        state.as_of.get(),
                        period.get(),
                        chosen.as_ref(),
                    )
                })
            })
        })
    });
    let periods = Signal::derive(move || panel.with(|panel| panel.periods.clone()));
    let currencies = Signal::derive(move || panel.with(|panel| panel.currencies.clone()));
    view! {
        <section aria-labelledby="metrics-heading">
            <div class="section-head">
                <h2 id="metrics-heading">"Collection metrics"</h2>
                <div class="actions pickers">
                    <label for="metric-period">"Period"</label>
                    <select id="metric-period" on:change=move |ev| period.set(metric_period(&event_target_value(&ev)))>
                        <Options choices=periods />
                    </select>
                    <label for="metric-currency">"Currency"</label>
                    <select id="metric-currency" on:change=move |ev| chosen.set(Currency::parse(&event_target_value(&ev)).ok())>
                        <Options choices=currencies />
                    </select>
                </div>
            </div>
            <div class="figures">
                <For each=move || panel.with(|panel| panel.tiles.clone()) key=|tile| tile.clone() let:tile>
                    <Tile tile />
                </For>
            </div>
        </section>
    }
}

/// The options of a picker.
#[component]
fn Options(choices: Signal<Vec<Choice>>) -> impl IntoView {
    view! {
        <For each=move || choices.get() key=|choice| choice.clone() let:choice>
            <option value=choice.value selected=choice.selected>{choice.label}</option>
        </For>
    }
}

#[component]
fn Tile(tile: MetricTile) -> impl IntoView {
    view! {
        <div class="figure metric" data-testid=tile.hook data-value=tile.value_hook>
            <span class="label">{tile.label}</span>
            <span class="value">{tile.value}</span>
            <details>
                <summary>"Show working"</summary>
                <p>{tile.formula}</p>
                <p class="muted">{tile.working}</p>
            </details>
        </div>
    }
}
