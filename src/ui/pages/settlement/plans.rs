//! Accepted plans: each instalment's state, and declaring default when one is missed. (A plan
//! is completed by the change that pays its last instalment: see `Session::apply`.)

use crate::core::views::settlement::{InstalmentRow, PlanCard, Planner, Tone};
use crate::ui::browser::{confirm, today};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The client's accepted plans.
#[component]
pub(super) fn AcceptedPlans(planner: Memo<Planner>) -> impl IntoView {
    let message = RwSignal::new(None::<String>);
    let cards = Signal::derive(move || planner.with(|page| page.plans.clone()));
    view! {
        <Show when=move || !cards.with(Vec::is_empty)>
            <section aria-labelledby="plans-heading">
                <h2 id="plans-heading">"Accepted plans"</h2>
                <For each=move || cards.get() key=|card| card.clone() let:card>
                    <PlanView card message />
                </For>
                <p class="status ok" role="status">{move || message.get()}</p>
            </section>
        </Show>
    }
}

#[component]
fn PlanView(card: PlanCard, message: RwSignal<Option<String>>) -> impl IntoView {
    let app = use_app();
    let plan_id = card.id.clone();
    let declare_default = move |_| {
        if !confirm("Declare this plan in default? The waived amount and interest revive and the full original claim, less payments made, falls due.") {
            return;
        }
        let outcome = app.commit(|ledger, ids| ledger.declare_plan_default(&plan_id, today(), ids));
        message.set(Some(
            outcome.map_or_else(|refused| refused.to_string(), |done| done.summary),
        ));
    };
    view! {
        <div class="card plan" data-testid="plan" data-status=card.status>
            <p class="plan-head">
                <strong>{card.heading}</strong>
                <Badge label=card.status tone=card.tone />
                <span class="muted">{card.received}</span>
            </p>
            <div class="table-wrap">
                <table>
                    <caption class="sr-only">"Instalments and what was paid towards each"</caption>
                    <thead><tr><th scope="col">"#"</th><th scope="col">"Due"</th><th scope="col" class="num">"Amount"</th><th scope="col" class="num">"Paid"</th><th scope="col">"State"</th></tr></thead>
                    <tbody>{card.instalments.into_iter().map(|row| view! { <InstalmentLine row /> }).collect_view()}</tbody>
                </table>
            </div>
            {card.can_declare_default.then(|| view! {
                <div class="actions"><button class="danger" on:click=declare_default>"Declare default"</button></div>
            })}
        </div>
    }
}

#[component]
fn InstalmentLine(row: InstalmentRow) -> impl IntoView {
    view! {
        <tr data-testid="plan-instalment" data-state=row.state>
            <td>{row.number}</td>
            <td><time datetime=row.date_iso>{row.date}</time></td>
            <td class="num">{row.amount}</td>
            <td class="num">{row.paid}</td>
            <td><Badge label=row.state tone=row.tone /></td>
        </tr>
    }
}

/// The one badge of the settlement pages: a plan's status or an instalment's state.
#[component]
fn Badge(label: &'static str, tone: Tone) -> impl IntoView {
    let class = match tone {
        Tone::Good => "badge paid",
        Tone::Waiting => "badge part",
        Tone::Bad => "badge open",
    };
    view! { <span class=class>{label}</span> }
}
