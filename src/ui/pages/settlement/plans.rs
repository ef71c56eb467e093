//! Accepted plans: each instalment's state, and declaring default.

use crate::core::dates::format_date;
use crate::core::model::PlanStatus;
use crate::core::money::format_money;
use crate::core::settlement::plan::{track, InstalmentState};
use crate::core::settlement::received_under;
use crate::ui::browser::{confirm, today};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The client's plans.
#[component]
pub(super) fn AcceptedPlans(client_id: String) -> impl IntoView {
    let app = use_app();
    let id = StoredValue::new(client_id);
    let message = RwSignal::new(String::new());
    move || {
        app.ledger.with(|l| {
            let plans: Vec<_> = l.plans.iter().filter(|p| p.client_id == id.get_value()).cloned().collect();
            (!plans.is_empty()).then(|| view! {
                <section aria-labelledby="plans-heading">
                    <h2 id="plans-heading">"Accepted plans"</h2>
                    {plans.into_iter().map(|plan| {
                        let received = received_under(l, &plan, today());
                        let tracked = track(&plan, received, today());
                        let any_missed = tracked.iter().any(|t| t.state == InstalmentState::Missed);
                        let plan_id = plan.id.clone();
                        let money = move |v| format_money(v, &plan.currency);
                        let status = match plan.status { PlanStatus::Active => "active", PlanStatus::Completed => "completed", PlanStatus::Defaulted => "in default" };
                        view! {
                            <div class="card" data-testid="plan">
                                <p><strong>{format!("{} agreed on {}", money(plan.agreed_total), format_date(plan.accepted_on))}</strong>{format!(" · {status} · received {}", money(received))}</p>
                                <table>
                                    <thead><tr><th scope="col">"#"</th><th scope="col">"Due"</th><th scope="col" class="num">"Amount"</th><th scope="col" class="num">"Paid"</th><th scope="col">"State"</th></tr></thead>
                                    <tbody>{tracked.into_iter().map(|t| view! {
                                        <tr data-testid="plan-instalment" data-state=t.state.label()>
                                            <td>{t.instalment.number}</td><td>{format_date(t.instalment.date)}</td>
                                            <td class="num">{money(t.instalment.amount)}</td><td class="num">{money(t.paid)}</td>
                                            <td><span class=match t.state { InstalmentState::Missed => "badge open", InstalmentState::Paid => "badge paid", _ => "badge part" }>{t.state.label()}</span></td>
                                        </tr>
                                    }).collect_view()}</tbody>
                                </table>
                                {(any_missed && plan.status == PlanStatus::Active).then(|| view! {
                                    <div class="actions"><button class="danger" on:click=move |_| {
                                        if confirm("Declare this plan in default? The waived amount and interest revive and the full original claim, less payments made, falls due.") {
                                            match app.commit(|l, ids| l.declare_plan_default(&plan_id, today(), ids)) {
                                                Ok(outcome) => message.set(outcome.summary),
                                                Err(e) => message.set(e.to_string()),
                                            }
                                        }
                                    }>"Declare default"</button></div>
                                })}
                            </div>
                        }
                    }).collect_view()}
                    <p class="status ok" role="status">{move || message.get()}</p>
                </section>
            })
        })
    }
}
