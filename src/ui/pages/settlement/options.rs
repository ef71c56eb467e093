//! The options compared by expected net recovery. The assumptions start from defaults for the
//! claim and the debt's age; the person's edits are kept when the case changes, until they
//! press "Reset to defaults".

use crate::core::settlement::options::{Defaults, InputKind, OptionField, OptionInputs};
use crate::core::settlement::Case;
use crate::core::views::settlement::{options_table, EditedAssumptions};
use leptos::prelude::*;

/// The comparison.
#[component]
pub(super) fn OptionsCompared(the_case: Memo<Case>) -> impl IntoView {
    let claim_and_age = Memo::new(move |_| the_case.with(|case| (case.claim, case.oldest_days)));
    let defaults = Memo::new(move |_| {
        let (claim, days_overdue) = claim_and_age.get();
        Defaults::for_age(claim, days_overdue)
    });
    let edits = RwSignal::new(EditedAssumptions::default());
    let inputs =
        Memo::new(move |_| defaults.with(|(defaults, _)| edits.with(|edits| edits.over(defaults))));
    let table =
        Memo::new(move |_| the_case.with(|case| inputs.with(|inputs| options_table(case, inputs))));
    view! {
        <section aria-labelledby="options-heading">
            <h2 id="options-heading">"Options by expected net recovery"</h2>
            <p class="muted">{move || defaults.with(|(_, why)| why.clone())}</p>
            <details class="card assumptions">
                <summary>"Edit the assumptions"</summary>
                <div class="inline-form">
                    {OptionField::ALL.into_iter().map(|field| view! { <Assumption field defaults edits inputs /> }).collect_view()}
                </div>
                <div class="actions">
                    <button type="button" disabled=move || edits.with(EditedAssumptions::is_empty)
                        on:click=move |_| edits.set(EditedAssumptions::default())>"Reset to defaults"</button>
                </div>
            </details>
            {move || table.with(|table| match table {
                Err(refused) => view! { <p class="status bad" role="alert">{refused.to_string()}</p> }.into_any(),
                Ok(table) => view! {
                    <div class="table-wrap">
                        <table class="options">
                            <caption class="sr-only">"Each option's expected net recovery and its working"</caption>
                            <thead><tr><th scope="col">"Option"</th><th scope="col" class="num">"Expected net recovery"</th><th scope="col">"Working"</th></tr></thead>
                            <tbody>
                                {table.rows.iter().map(|row| view! {
                                    <tr>
                                        <th scope="row">{row.label}</th>
                                        <td class="num strong" data-testid="option-value" data-option=row.id data-amount=row.value_plain.clone()>{row.value.clone()}</td>
                                        <td class="basis">{row.working.clone()}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <p class="lead options-conclusion">{table.conclusion.clone()}</p>
                }.into_any(),
            })}
        </section>
    }
}

/// One editable assumption; text it refuses is named beside it and changes nothing.
#[component]
fn Assumption(
    field: OptionField,
    defaults: Memo<(OptionInputs, String)>,
    edits: RwSignal<EditedAssumptions>,
    inputs: Memo<OptionInputs>,
) -> impl IntoView {
    let refusal = RwSignal::new(None::<String>);
    let id = field.id();
    let mode = if field.kind() == InputKind::Months {
        "numeric"
    } else {
        "decimal"
    };
    let change = move |ev| {
        let typed = event_target_value(&ev);
        let outcome = defaults.with_untracked(|(defaults, _)| {
            let mut edited = edits.get_untracked();
            edited.edit(defaults, field, &typed).map(|()| edited)
        });
        match outcome {
            Ok(edited) => {
                refusal.set(None);
                edits.set(edited);
            }
            Err(refused) => refusal.set(Some(refused.to_string())),
        }
    };
    view! {
        <div class="field" class:invalid=move || refusal.with(Option::is_some)>
            <label for=id>{field.label()}</label>
            <input id=id inputmode=mode prop:value=move || inputs.with(|inputs| inputs.text(field))
                aria-invalid=move || refusal.with(Option::is_some).to_string()
                aria-describedby=format!("{id}-error") on:change=change />
            <p class="error" id=format!("{id}-error") role="status">{move || refusal.get()}</p>
        </div>
    }
}
