//! An SVG bar chart of the totals per bucket, one chart per currency. The table is its text
//! alternative; the chart has a title and a description.

use super::DashboardState;
use crate::core::views::dashboard::{aging_charts, AgingChart as Chart, ChartBar};
use leptos::prelude::*;

/// The charts.
#[component]
pub(crate) fn AgingChart(state: DashboardState) -> impl IntoView {
    let charts = Memo::new(move |_| state.report.with(aging_charts));
    view! {
        <section aria-labelledby="chart-heading">
            <h2 id="chart-heading">"Totals by age"</h2>
            <div class="charts">
                <For each=move || charts.get() key=|chart| chart.clone() let:chart>
                    <Figure chart />
                </For>
            </div>
        </section>
    }
}

#[component]
fn Figure(chart: Chart) -> impl IntoView {
    let title_id = format!("chart-title-{}", chart.currency);
    let desc_id = format!("chart-desc-{}", chart.currency);
    let labelled_by = format!("{title_id} {desc_id}");
    let bars = chart
        .bars
        .into_iter()
        .map(|bar| view! { <Bar bar /> })
        .collect_view();
    view! {
        <figure class="card chart">
            <svg role="img" viewBox=chart.view_box aria-labelledby=labelled_by>
                <title id=title_id>{chart.title}</title>
                <desc id=desc_id>{chart.description}</desc>
                {bars}
            </svg>
            <figcaption>{chart.caption}</figcaption>
        </figure>
    }
}

#[component]
fn Bar(bar: ChartBar) -> impl IntoView {
    view! {
        <g>
            <rect x=bar.x y=bar.y width=bar.width height=bar.height class=bar.class />
            <text x=bar.middle y=bar.value_y text-anchor="middle" class="bar-value">{bar.value}</text>
            <text x=bar.middle y=bar.label_y text-anchor="middle" class="bar-label">{bar.label}</text>
        </g>
    }
}
