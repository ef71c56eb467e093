//! The "chase today" list: settlement plans that need attention, then what to do about which
//! invoice, most urgent first; then the invoices waiting on a promise or a pause.

use super::DashboardState;
use crate::core::views::dashboard::{chase_list, ChaseLine, HeldLine, PlanAlertLine};
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
            <Waiting list />
        </section>
    }
}

/// The invoices not chased today because the client promised to pay or chasing is paused.
#[component]
fn Waiting(list: Memo<crate::core::views::dashboard::ChaseList>) -> impl IntoView {
    let summary = Memo::new(move |_| list.with(|list| list.waiting_summary.clone()));
    let paused = Memo::new(move |_| list.with(|list| list.paused));
    view! {
        {move || summary.get().map(|summary| view! {
            <details class="waiting" data-testid="waiting">
                <summary data-testid="paused-count" data-value=move || paused.get().to_string()>{summary}</summary>
                <ol class="queue">
                    <For each=move || list.with(|list| list.waiting.clone()) key=|line| line.clone() let:line>
                        <HeldItem line />
                    </For>
                </ol>
            </details>
        })}
    }
}

#[component]
fn HeldItem(line: HeldLine) -> impl IntoView {
    let number = line.number.clone();
    view! {
        <li class="queue-item held" data-testid="held-item" data-invoice=line.invoice_id data-hold=line.hold>
            <div>
                <strong>{line.client_name}</strong>" · "
                <span class="meta">{line.number}" · "{line.outstanding}</span>
                <p class="reason">{line.line}</p>
            </div>
            <a class="button" href=line.href>"Open"<span class="sr-only">" invoice "{number}</span></a>
        </li>
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
