//! The options compared by expected net recovery, with editable inputs and the working.

use crate::core::money::{format_money, plain};
use crate::core::settlement::options::{compare, Defaults, InputKind, OptionField};
use crate::core::settlement::Case;
use leptos::prelude::*;

/// The comparison.
#[component]
pub(super) fn OptionsCompared(the_case: Memo<Case>) -> impl IntoView {
    let inputs = RwSignal::new(
        Defaults::for_age(
            the_case.get_untracked().claim,
            the_case.get_untracked().oldest_days,
        )
        .0,
    );
    Effect::new(move |_| {
        let case = the_case.get();
        inputs.set(Defaults::for_age(case.claim, case.oldest_days).0);
    });
    let why = move || Defaults::for_age(the_case.get().claim, the_case.get().oldest_days).1;
    let comparison = move || {
        let case = the_case.get();
        compare(case.claim, &inputs.get(), |v| {
            format_money(v, &case.currency)
        })
    };
    view! {
        <section aria-labelledby="options-heading">
            <h2 id="options-heading">"Options by expected net recovery"</h2>
            <p class="muted">{why}</p>
            <details class="card">
                <summary>"Edit the assumptions"</summary>
                <div class="inline-form">
                    {OptionField::ALL.iter().map(|&field| {
                        let error = RwSignal::new(None::<String>);
                        let id = field.id();
                        let mode = if field.kind() == InputKind::Months { "numeric" } else { "decimal" };
                        view! {
                            <div class="field" class:invalid=move || error.get().is_some()>
                                <label for=id>{field.label()}</label>
                                <input id=id inputmode=mode prop:value=move || inputs.with(|i| i.text(field)) aria-describedby=format!("{id}-error")
                                    on:change=move |ev| {
                                        let typed = event_target_value(&ev);
                                        match inputs.try_update(|i| i.set(field, &typed)) {
                                            Some(Err(refused)) => error.set(Some(refused.to_string())),
                                            _ => error.set(None),
                                        }
                                    } />
                                <p class="error" id=format!("{id}-error") role="status">{move || error.get()}</p>
                            </div>
                        }
                    }).collect_view()}
                </div>
            </details>
            {move || {
                let currency = the_case.get().currency;
                let result = match comparison() {
                    Ok(result) => result,
                    Err(refused) => return view! { <p class="status bad" role="alert">{refused.to_string()}</p> }.into_any(),
                };
                view! {
                    <div class="table-wrap">
                        <table>
                            <thead><tr><th scope="col">"Option"</th><th scope="col" class="num">"Expected net recovery"</th><th scope="col">"Working"</th></tr></thead>
                            <tbody>
                                {result.options.iter().map(|o| view! {
                                    <tr>
                                        <th scope="row">{o.label}</th>
                                        <td class="num strong" data-testid="option-value" data-option=o.id data-amount=plain(o.value)>{format_money(o.value, &currency)}</td>
                                        <td class="basis">{o.working.clone()}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <p class="lead">
                        {format!("Walk-away floor (the best option without a settlement): {}. ", format_money(result.walk_away_floor, &currency))}
                        {format!("A lump sum beats the agency up to a discount of {}%.", result.break_even_discount)}
                    </p>
                }.into_any()
            }}
        </section>
    }
}
