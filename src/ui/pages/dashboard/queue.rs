//! The "chase today" list: what to do about which invoice, most urgent first.

use super::DashboardState;
use crate::core::aging::queue::chase_queue;
use crate::core::money::format_money;
use crate::core::settlement::plan::needing_attention;
use crate::ui::state::use_app;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

const SHOWN: usize = 10;

/// The queue.
#[component]
pub(crate) fn ChaseQueue(state: DashboardState) -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    let open =
        Callback::new(move |id: String| navigate(&format!("/invoices/{id}"), Default::default()));
    let all = RwSignal::new(false);
    let queue = Memo::new(move |_| app.ledger.with(|l| chase_queue(l, state.as_of.get())));
    let items = move || {
        app.ledger.with(|l| {
            queue.get().into_iter().take(if all.get() { usize::MAX } else { SHOWN }).map(|item| {
                let invoice = l.invoice(&item.invoice_id);
                let number = invoice.map(|i| i.number.clone()).unwrap_or_default();
                let amount = invoice.map(|i| format_money(item.outstanding, &i.currency)).unwrap_or_default();
                let client = l.client(&item.client_id).map(|c| c.name.clone()).unwrap_or_default();
                let id = item.invoice_id.clone();
                let label = format!("Open invoice {number}");
                view! {
                    <li class="queue-item" data-testid="queue-item" data-invoice=item.invoice_id.clone() data-score=item.score.to_string()>
                        <div>
                            <strong>{client}</strong>" · "{number.clone()}" · "{amount}
                            <p class="reason">{item.reason.clone()}</p>
                        </div>
                        <button aria-label=label on:click=move |_| open.run(id.clone())>"Open"</button>
                    </li>
                }
            }).collect_view()
        })
    };
    let plans = move || {
        app.ledger.with(|l| {
        needing_attention(l, state.as_of.get()).into_iter().map(|(plan_id, client_id, missed)| {
            let name = l.client(&client_id).map(|c| c.name.clone()).unwrap_or_default();
            view! {
                <li class="queue-item" data-testid="plan-alert" data-plan=plan_id>
                    <div><strong>{name}</strong><p class="reason">{format!("{missed} missed instalment(s) on the settlement plan: contact the client, then declare default if it is not remedied")}</p></div>
                    <a class="button" href=format!("/settlement/{client_id}")>"Open plan"</a>
                </li>
            }
        }).collect_view()
    })
    };
    view! {
        <section aria-labelledby="queue-heading">
            <h2 id="queue-heading">"Chase today"</h2>
            <ol class="queue plan-alerts">{plans}</ol>
            <Show when=move || queue.with(|q| !q.is_empty()) fallback=|| view! { <p class="muted card">"Nothing needs chasing on this day."</p> }>
                <ol class="queue">{items}</ol>
                {move || (queue.with(Vec::len) > SHOWN && !all.get()).then(|| view! {
                    <button class="more" on:click=move |_| all.set(true)>{format!("Show all {}", queue.with(Vec::len))}</button>
                })}
            </Show>
        </section>
    }
}
