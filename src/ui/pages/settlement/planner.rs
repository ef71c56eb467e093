//! The schedule generator: exact instalments, a calendar file, and accepting the plan.

use crate::core::dates::{add_days, format_date};
use crate::core::error::FieldError;
use crate::core::forms::PlanForm;
use crate::core::model::{Plan, PlanStatus};
use crate::core::money::{format_money, plain};
use crate::core::settlement::ics::{calendar, stamp};
use crate::core::settlement::schedule::{schedule, Frequency};
use crate::core::settlement::Case;
use crate::ui::browser::{download, now_stamp, today};
use crate::ui::components::{FormErrors, Input, Picker};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The generator.
#[component]
pub(super) fn SchedulePlanner(client_id: String, the_case: Memo<Case>) -> impl IntoView {
    let app = use_app();
    let id = StoredValue::new(client_id);
    let form = RwSignal::new(PlanForm {
        total: plain(the_case.get_untracked().claim),
        count: "6".into(),
        frequency: "monthly".into(),
        first_date: add_days(today(), 14).to_string(),
        ..PlanForm::default()
    });
    let error = RwSignal::new(None::<FieldError>);
    let status = RwSignal::new(String::new());
    let drawn = Memo::new(move |_| form.get().parse().and_then(|terms| schedule(&terms)));
    Effect::new(move |_| error.set(drawn.get().err()));
    let frequencies = Signal::derive(|| {
        Frequency::ALL
            .iter()
            .map(|f| (f.id().to_string(), f.id().to_string()))
            .collect::<Vec<_>>()
    });
    let money = move |value| format_money(value, &the_case.get_untracked().currency);
    let ics = move |_| {
        if let Ok(rows) = drawn.get_untracked() {
            let name = app.ledger.with_untracked(|l| {
                l.client(&id.get_value())
                    .map(|c| c.name.clone())
                    .unwrap_or_default()
            });
            let labelled: Vec<_> = rows
                .into_iter()
                .map(|r| {
                    let amount = money(r.amount);
                    (r, amount)
                })
                .collect();
            let text = calendar(
                &format!("plan-{}", id.get_value()),
                &format!("{name} settlement"),
                &labelled,
                &stamp(&now_stamp()),
            );
            let outcome = text
                .map_err(|refused| refused.to_string())
                .and_then(|text| {
                    download(
                        &format!("settlement-{}.ics", id.get_value()),
                        "text/calendar",
                        &text,
                    )
                });
            if let Err(message) = outcome {
                status.set(message);
            }
        }
    };
    let accept = move |_| {
        let Ok(rows) = drawn.get_untracked() else {
            return;
        };
        let case = the_case.get_untracked();
        let total = rows.iter().map(|r| r.amount).sum();
        let plan = Plan {
            id: String::new(),
            client_id: id.get_value(),
            invoice_ids: case.invoices.iter().map(|i| i.0.clone()).collect(),
            agreed_total: total,
            currency: case.currency.clone(),
            original_claim: case.claim,
            schedule: rows,
            grace_days: 7,
            accepted_on: today(),
            status: PlanStatus::Active,
            defaulted_on: None,
        };
        match app.commit(|l, ids| l.accept_plan(plan, ids)) {
            Ok(_) => status.set("Plan accepted and logged on the timeline. Draft the settlement agreement from an invoice's letters.".into()),
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <section aria-labelledby="schedule-heading">
            <h2 id="schedule-heading">"Payment schedule"</h2>
            <form class="card form inline-form" on:submit=|ev: leptos::ev::SubmitEvent| ev.prevent_default() novalidate>
                <Input form error form_id="plan" field="plan-total" testid="plan-total" label="Agreed total" get=|f: &PlanForm| f.total.clone() set=|f, v| f.total = v />
                <Input form error form_id="plan" field="plan-down-payment" testid="plan-down-payment" label="Down payment" get=|f: &PlanForm| f.down_payment.clone() set=|f, v| f.down_payment = v />
                <Input form error form_id="plan" field="plan-count" testid="plan-count" label="Instalments" get=|f: &PlanForm| f.count.clone() set=|f, v| f.count = v />
                <Picker form error form_id="plan" field="plan-frequency" testid="plan-frequency" label="Frequency" options=frequencies get=|f: &PlanForm| f.frequency.clone() set=|f, v| f.frequency = v />
                <Input form error form_id="plan" field="plan-first-date" testid="plan-first-date" label="First payment" kind="date" get=|f: &PlanForm| f.first_date.clone() set=|f, v| f.first_date = v />
                <FormErrors error />
            </form>
            {move || drawn.get().ok().map(|rows| view! {
                <div class="table-wrap">
                    <table>
                        <thead><tr><th scope="col">"#"</th><th scope="col">"Due"</th><th scope="col" class="num">"Amount"</th></tr></thead>
                        <tbody>
                            {rows.into_iter().map(|r| view! {
                                <tr data-testid="schedule-row" data-date=r.date.to_string() data-amount=plain(r.amount)>
                                    <td>{r.number}</td><td>{format_date(r.date)}</td><td class="num">{money(r.amount)}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <div class="actions">
                    <button data-testid="download-ics" on:click=ics>"Download calendar (.ics)"</button>
                    <button class="primary" data-testid="accept-plan" on:click=accept>"Client accepted: save plan"</button>
                </div>
            })}
            <p class="status ok" role="status">{move || status.get()}</p>
        </section>
    }
}
