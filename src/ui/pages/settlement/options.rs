//! The options compared by expected net recovery, with editable inputs and the working.

use crate::core::money::{format_money, parse_amount, plain};
use crate::core::settlement::options::{compare, Defaults, OptionInputs};
use crate::core::settlement::Case;
use leptos::prelude::*;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

type Setter = fn(&mut OptionInputs, Decimal);
type Getter = fn(&OptionInputs) -> Decimal;

const FIELDS: [(&str, &str, Getter, Setter); 14] = [
    (
        "opt-discount-rate",
        "Discount rate (% a year)",
        |i| i.discount_rate,
        |i, v| i.discount_rate = v,
    ),
    (
        "opt-lump-discount",
        "Lump sum: discount (%)",
        |i| i.lump_discount,
        |i, v| i.lump_discount = v,
    ),
    (
        "opt-lump-probability",
        "Lump sum: chance it is paid (0–1)",
        |i| i.lump_probability,
        |i, v| i.lump_probability = v,
    ),
    (
        "opt-lump-months",
        "Lump sum: months until paid",
        |i| Decimal::from(i.lump_months),
        |i, v| i.lump_months = months(v),
    ),
    (
        "opt-plan-total",
        "Instalments: plan total",
        |i| i.plan_total,
        |i, v| i.plan_total = v,
    ),
    (
        "opt-plan-months",
        "Instalments: months",
        |i| Decimal::from(i.plan_months),
        |i, v| i.plan_months = months(v),
    ),
    (
        "opt-plan-interest",
        "Instalments: interest on the plan (% a year)",
        |i| i.plan_interest,
        |i, v| i.plan_interest = v,
    ),
    (
        "opt-plan-risk",
        "Instalments: default risk (0–1)",
        |i| i.plan_default_risk,
        |i, v| i.plan_default_risk = v,
    ),
    (
        "opt-agency-commission",
        "Agency: commission (%)",
        |i| i.agency_commission,
        |i, v| i.agency_commission = v,
    ),
    (
        "opt-agency-probability",
        "Agency: chance of recovery (0–1)",
        |i| i.agency_probability,
        |i, v| i.agency_probability = v,
    ),
    (
        "opt-agency-months",
        "Agency: months to recover",
        |i| Decimal::from(i.agency_months),
        |i, v| i.agency_months = months(v),
    ),
    (
        "opt-court-costs",
        "Court: fees and legal costs",
        |i| i.court_costs,
        |i, v| i.court_costs = v,
    ),
    (
        "opt-court-win",
        "Court: chance of winning (0–1)",
        |i| i.court_win,
        |i, v| i.court_win = v,
    ),
    (
        "opt-court-collect",
        "Court: chance of collecting after judgment (0–1)",
        |i| i.court_collect,
        |i, v| i.court_collect = v,
    ),
];

fn months(value: Decimal) -> u32 {
    value.trunc().to_u32().unwrap_or(0).min(120)
}

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
                    {FIELDS.iter().map(|(id, label, get, set)| {
                        let error = RwSignal::new(None::<String>);
                        view! {
                            <div class="field" class:invalid=move || error.get().is_some()>
                                <label for=*id>{*label}</label>
                                <input id=*id inputmode="decimal" prop:value=move || get(&inputs.get()).to_string() aria-describedby=format!("{id}-error")
                                    on:change=move |ev| match parse_amount(&event_target_value(&ev)) {
                                        Ok(value) => { error.set(None); inputs.update(|i| set(i, value)); }
                                        Err(message) => error.set(Some(message)),
                                    } />
                                <p class="error" id=format!("{id}-error") role="status">{move || error.get()}</p>
                            </div>
                        }
                    }).collect_view()}
                </div>
            </details>
            {move || {
                let result = comparison();
                let currency = the_case.get().currency;
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
                }
            }}
        </section>
    }
}
