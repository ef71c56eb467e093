//! An SVG bar chart of the totals per bucket, one chart per currency. The table is its text
//! alternative; the chart has a title and a description.

use super::DashboardState;
use crate::core::money::format_money;
use leptos::prelude::*;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

const HEIGHT: i64 = 140;
const BAR: i64 = 64;
const GAP: i64 = 24;

/// The charts.
#[component]
pub(crate) fn AgingChart(state: DashboardState) -> impl IntoView {
    view! {
        <section aria-labelledby="chart-heading">
            <h2 id="chart-heading">"Totals by age"</h2>
            <div class="charts">
                {move || state.report.with(|report| {
                    report.totals.iter().map(|total| {
                        let max = total.amounts.iter().copied().max().unwrap_or_default().max(Decimal::ONE);
                        let width = report.buckets.len() as i64 * (BAR + GAP) + GAP;
                        let title_id = format!("chart-title-{}", total.currency);
                        let desc_id = format!("chart-desc-{}", total.currency);
                        let labelled_by = format!("{title_id} {desc_id}");
                        let description = report.buckets.iter().zip(&total.amounts)
                            .map(|(b, a)| format!("{}: {}", b.label, format_money(*a, &total.currency)))
                            .collect::<Vec<_>>().join("; ");
                        let bars = report.buckets.iter().zip(&total.amounts).enumerate().map(|(index, (bucket, amount))| {
                            let height = (*amount * Decimal::from(HEIGHT) / max).round().to_i64().unwrap_or(0);
                            let x = GAP + index as i64 * (BAR + GAP);
                            view! {
                                <g>
                                    <rect x=x y=HEIGHT + 20 - height width=BAR height=height class=format!("bar b{index}") />
                                    <text x=x + BAR / 2 y=HEIGHT + 14 - height text-anchor="middle" class="bar-value">{format_money(*amount, &total.currency)}</text>
                                    <text x=x + BAR / 2 y=HEIGHT + 38 text-anchor="middle" class="bar-label">{bucket.label.clone()}</text>
                                </g>
                            }
                        }).collect_view();
                        view! {
                            <figure class="card chart">
                                <svg role="img" viewBox=format!("0 0 {width} {}", HEIGHT + 48) aria-labelledby=labelled_by>
                                    <title id=title_id>{format!("Outstanding {} by age", total.currency)}</title>
                                    <desc id=desc_id>{description}</desc>
                                    {bars}
                                </svg>
                                <figcaption>{format!("{} outstanding: {}", total.currency, format_money(total.total, &total.currency))}</figcaption>
                            </figure>
                        }
                    }).collect_view()
                })}
            </div>
        </section>
    }
}
