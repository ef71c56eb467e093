//! The payment schedule: the plan form (starting from the case's proposed plan), the exact
//! instalments, their calendar file, and saving the plan once the client accepts it.

use crate::core::forms::PlanForm;
use crate::core::model::Plan;
use crate::core::settlement::schedule::Frequency;
use crate::core::settlement::Case;
use crate::core::views::settlement::{draw_schedule, plan_calendar, Planner, ScheduleRow};
use crate::ui::browser::{download, now_stamp, today};
use crate::ui::components::{Draft, FormErrors, Input, InputKind, Picker};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The schedule generator.
#[component]
pub(super) fn SchedulePlanner(planner: Memo<Planner>, the_case: Memo<Case>) -> impl IntoView {
    let app = use_app();
    let proposed = Memo::new(move |_| planner.with(|page| page.plan_defaults.clone()));
    let draft = Draft::new(proposed.get_untracked());
    let (form, error) = (draft.form, draft.error);
    // The form follows the case only while it still holds the previous proposal: a typed
    // plan is never replaced.
    Effect::watch(
        move || proposed.get(),
        move |next, previous, _| {
            if let Some(previous) = previous {
                form.update(|typed| {
                    if typed == previous {
                        *typed = next.clone();
                    }
                });
            }
        },
        false,
    );
    let drawn = Memo::new(move |_| {
        form.with(|typed| the_case.with(|case| draw_schedule(typed, &case.currency)))
    });
    Effect::new(move |_| error.set(drawn.get().err()));
    let accepted = RwSignal::new(None::<&'static str>);
    let problem = RwSignal::new(None::<String>);
    let frequencies = Signal::derive(|| {
        Frequency::ALL
            .iter()
            .map(|frequency| (frequency.id().to_string(), frequency.label().to_string()))
            .collect::<Vec<_>>()
    });
    let download_calendar = move |_| {
        let Ok(schedule) = drawn.get_untracked() else {
            return;
        };
        let file = planner.with_untracked(|page| {
            the_case
                .with_untracked(|case| plan_calendar(page, &case.currency, &schedule, &now_stamp()))
        });
        let outcome = file
            .map_err(|refused| refused.to_string())
            .and_then(|file| download(&file.name, "text/calendar", &file.text));
        problem.set(outcome.err());
    };
    let accept = move |ev: leptos::ev::SubmitEvent| {
        let saved = draft.submit(&ev, |typed: &PlanForm| {
            let case = the_case.get_untracked();
            let schedule = draw_schedule(typed, &case.currency)?;
            let plan = Plan::accept(&case, schedule.instalments, today())?;
            app.commit(|ledger, ids| ledger.accept_plan(plan, ids))
        });
        if saved.is_some() {
            accepted.set(Some("Plan accepted and logged on the timeline. Draft the settlement agreement from an invoice's letters."));
        }
    };
    let rows = Signal::derive(move || {
        drawn.with(|drawn| {
            drawn
                .as_ref()
                .map(|drawn| drawn.rows.clone())
                .unwrap_or_default()
        })
    });
    view! {
        <section aria-labelledby="schedule-heading">
            <h2 id="schedule-heading">"Payment schedule"</h2>
            <form class="card form" on:submit=accept novalidate>
                <div class="inline-form">
                    <Input form error form_id="plan" field="total" testid="plan-total" label="Agreed total" kind=InputKind::Amount get=|typed: &PlanForm| typed.total.clone() set=|typed, text| typed.total = text />
                    <Input form error form_id="plan" field="down_payment" testid="plan-down-payment" label="Down payment" hint="Optional" kind=InputKind::Amount get=|typed: &PlanForm| typed.down_payment.clone() set=|typed, text| typed.down_payment = text />
                    <Input form error form_id="plan" field="count" testid="plan-count" label="Instalments" kind=InputKind::WholeNumber get=|typed: &PlanForm| typed.count.clone() set=|typed, text| typed.count = text />
                    <Picker form error form_id="plan" field="frequency" testid="plan-frequency" label="Frequency" options=frequencies get=|typed: &PlanForm| typed.frequency.clone() set=|typed, text| typed.frequency = text />
                    <Input form error form_id="plan" field="first_date" testid="plan-first-date" label="First payment" kind="date" get=|typed: &PlanForm| typed.first_date.clone() set=|typed, text| typed.first_date = text />
                </div>
                <FormErrors error />
                <Show when=move || drawn.with(Result::is_ok)>
                    <ScheduleTable rows />
                    <div class="actions">
                        <button type="button" data-testid="download-ics" on:click=download_calendar>"Download calendar (.ics)"</button>
                        <button type="submit" class="primary" data-testid="accept-plan">"Client accepted: save plan"</button>
                    </div>
                </Show>
            </form>
            <p class="status bad" role="alert">{move || problem.get()}</p>
            <p class="status ok" role="status">{move || accepted.get()}</p>
        </section>
    }
}

#[component]
fn ScheduleTable(rows: Signal<Vec<ScheduleRow>>) -> impl IntoView {
    view! {
        <div class="table-wrap">
            <table class="schedule">
                <caption class="sr-only">"The instalments of the plan"</caption>
                <thead><tr><th scope="col">"#"</th><th scope="col">"Due"</th><th scope="col" class="num">"Amount"</th></tr></thead>
                <tbody>
                    <For each=move || rows.get() key=|row| row.clone() let:row>
                        <ScheduleLine row />
                    </For>
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn ScheduleLine(row: ScheduleRow) -> impl IntoView {
    let date_iso = row.date_iso.clone();
    view! {
        <tr data-testid="schedule-row" data-date=date_iso data-amount=row.amount_plain>
            <td>{row.number}</td>
            <td><time datetime=row.date_iso>{row.date}</time></td>
            <td class="num">{row.amount}</td>
        </tr>
    }
}
