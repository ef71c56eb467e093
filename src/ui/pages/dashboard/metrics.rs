//! Metric tiles: DSO, countback DSO, best possible DSO, ADD, CEI and the share at risk, each
//! with its formula and working one click away.

use super::DashboardState;
use crate::core::aging::metrics::{metrics, Metric};
use crate::core::currency::Currency;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The tiles with their period and currency pickers.
#[component]
pub(crate) fn MetricTiles(state: DashboardState) -> impl IntoView {
    let app = use_app();
    let period = RwSignal::new(90u32);
    let currencies = Memo::new(move |_| {
        state.report.with(|r| {
            r.totals
                .iter()
                .map(|t| t.currency.clone())
                .collect::<Vec<Currency>>()
        })
    });
    let chosen = RwSignal::new(None::<Currency>);
    let currency = Memo::new(move |_| {
        let available = currencies.get();
        let default = app.ledger.with(|l| l.business.default_currency.clone());
        chosen
            .get()
            .filter(|c| available.contains(c))
            .or_else(|| available.iter().find(|c| **c == default).cloned())
            .or_else(|| available.first().cloned())
            .unwrap_or(default)
    });
    let figures = Memo::new(move |_| {
        app.ledger
            .with(|l| metrics(l, state.as_of.get(), period.get(), &currency.get()))
    });
    let tile = move |label: &'static str,
                     testid: &'static str,
                     pick: fn(&crate::core::aging::metrics::Metrics) -> Metric| {
        view! {
            {move || {
                let metric = figures.with(pick);
                let value = metric.value.map(|v| v.round_dp(2).to_string()).unwrap_or_default();
                view! {
                    <div class="figure metric" data-testid=testid data-value=value>
                        <span class="label">{label}</span>
                        <span class="value">{metric.display()}</span>
                        <details>
                            <summary>"How it is worked out"</summary>
                            <p>{metric.formula}</p>
                            <p class="muted">{metric.working.clone()}</p>
                        </details>
                    </div>
                }
            }}
        }
    };
    view! {
        <section aria-labelledby="metrics-heading">
            <div class="section-head">
                <h2 id="metrics-heading">"Collection metrics"</h2>
                <div class="actions">
                    <label for="metric-period">"Period"</label>
                    <select id="metric-period" on:change=move |ev| period.set(event_target_value(&ev).parse().unwrap_or(90))>
                        <option value="30">"Last 30 days"</option>
                        <option value="90" selected=true>"Last 90 days"</option>
                        <option value="365">"Last 365 days"</option>
                    </select>
                    <label for="metric-currency">"Currency"</label>
                    <select id="metric-currency" on:change=move |ev| chosen.set(Currency::parse(&event_target_value(&ev)).ok())>
                        {move || currencies.get().into_iter().map(|c| {
                            let selected = c == currency.get();
                            view! { <option value=c.to_string() selected=selected>{c.to_string()}</option> }
                        }).collect_view()}
                    </select>
                </div>
            </div>
            <div class="figures">
                {tile("DSO", "metric-dso", |m| m.dso.clone())}
                {tile("Countback DSO", "metric-countback-dso", |m| m.countback_dso.clone())}
                {tile("Best possible DSO", "metric-best-dso", |m| m.best_dso.clone())}
                {tile("ADD", "metric-add", |m| m.add.clone())}
                {tile("CEI", "metric-cei", |m| m.cei.clone())}
                {tile("At risk (90+ days)", "metric-at-risk", |m| m.at_risk.clone())}
            </div>
        </section>
    }
}
