//! The "chase today" list: settlement plans that need attention, then what to do about which
//! invoice, most urgent first.

use super::DashboardState;
use crate::core::views::dashboard::{chase_list, ChaseLine, PlanAlertLine};
use crate::ui::state::use_app;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// The queue.
#[component]
pub(crate) fn ChaseQueue(state: DashboardState) -> impl IntoView {
    let app = use_app();
    let all = RwSignal::new(false);
    let list = Memo::new(move |_| {
        app.ledger
            .with(|books| chase_list(books, state.as_of.get(), all.get()))
    });
    view! {
        <section aria-labelledby="queue-heading">
            <h2 id="queue-heading">"Chase today"</h2>
            <ol class="queue plan-alerts">
                <For each=move || list.with(|list| list.alerts.clone()) key=|alert| alert.clone() let:alert>
                    <PlanAlert alert />
                </For>
            </ol>
            <Show when=move || list.with(|list| !list.items.is_empty()) fallback=|| view! { <p class="muted card">"Nothing needs chasing on this day."</p> }>
                <ol class="queue">
                    <For each=move || list.with(|list| list.items.clone()) key=|line| line.clone() let:line>
                        <Item line />
                    </For>
                </ol>
                {move || list.with(|list| list.show_all.clone()).map(|label| view! {
                    <button class="more" on:click=move |_| all.set(true)>{label}</button>
                })}
            </Show>
        </section>
    }
}

#[component]
fn PlanAlert(alert: PlanAlertLine) -> impl IntoView {
    view! {
        <li class="queue-item" data-testid="plan-alert" data-plan=alert.plan_id>
            <div>
                <strong>{alert.client_name}</strong>
                <p class="reason">{alert.advice}</p>
            </div>
            <a class="button" href=alert.href>"Open plan"</a>
        </li>
    }
}

#[component]
fn Item(line: ChaseLine) -> impl IntoView {
    let navigate = use_navigate();
    let href = line.href;
    view! {
        <li class="queue-item" data-testid="queue-item" data-invoice=line.invoice_id data-score=line.score.to_string()>
            <div>
                <strong>{line.client_name}</strong>" · "
                <span class="meta">{line.number}" · "{line.outstanding}</span>
                <p class="reason">{line.reason}</p>
            </div>
            <button aria-label=line.open_label on:click=move |_| navigate(&href, Default::default())>"Open"</button>
        </li>
    }
}
