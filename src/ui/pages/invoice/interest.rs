//! The interest panel of an invoice: the rule and its law, the total with its staleness
//! warning, the compensation, the breakdown with its arithmetic, and where each payment went.

use crate::core::views::invoice::{AllocationLine, InterestLine, InterestView};
use leptos::prelude::*;

/// Interest on one invoice as of today.
#[component]
pub fn InterestPanel(
    interest: Memo<Option<InterestView>>,
    /// UK: re-fix the reference rate at each half-year.
    uk_split: RwSignal<bool>,
) -> impl IntoView {
    let rows = Memo::new(move |_| {
        interest.with(|view| {
            view.as_ref()
                .map(|view| view.rows.clone())
                .unwrap_or_default()
        })
    });
    let allocations = Memo::new(move |_| {
        interest.with(|view| {
            view.as_ref()
                .map(|view| view.allocations.clone())
                .unwrap_or_default()
        })
    });
    let read = move |pick: fn(&InterestView) -> Option<String>| {
        interest.with(|view| view.as_ref().and_then(pick))
    };
    let offers_split =
        move || interest.with(|view| view.as_ref().is_some_and(|view| view.offers_uk_split));
    view! {
        <InterestFigures interest />
        <Show when=offers_split>
            <div class="field check">
                <input type="checkbox" id="uk-split" prop:checked=move || uk_split.get() on:change=move |ev| uk_split.set(event_target_checked(&ev)) />
                <label for="uk-split">"Re-fix the UK reference rate at each half-year"</label>
                <p class="hint">"The Act's text fixes one rate for the whole debt; some creditors split it at each half-year instead."</p>
            </div>
        </Show>
        <Show when=move || !rows.with(Vec::is_empty)>
            <div class="table-wrap">
                <table class="interest-rows stack">
                    <caption class="sr-only">"Interest breakdown"</caption>
                    <thead><tr>
                        <th scope="col">"From"</th><th scope="col">"To"</th><th scope="col" class="num">"Days"</th>
                        <th scope="col" class="num">"Principal"</th><th scope="col" class="num">"Rate"</th>
                        <th scope="col" class="num">"Interest"</th><th scope="col">"Rate basis"</th>
                    </tr></thead>
                    <tbody>
                        <For each=move || rows.get() key=|line| line.clone() let:line>
                            <InterestRowLine line />
                        </For>
                    </tbody>
                </table>
            </div>
            {move || read(|view| view.arithmetic.map(String::from)).map(|text| view! { <p class="hint">{text}</p> })}
            {move || read(|view| view.user_rate_note.map(String::from)).map(|text| view! { <p class="hint">{text}</p> })}
        </Show>
        <Show when=move || !allocations.with(Vec::is_empty)>
            <h3>"Where each payment went"</h3>
            {move || read(|view| view.appropriation.clone()).map(|text| view! { <p class="hint">{text}</p> })}
            <Allocations allocations />
        </Show>
        <p class="note legal">"This is a calculation aid, not legal advice."</p>
    }
}

/// The rule, the two figures with their hooks, the staleness warning beside the total, and the
/// notes.
#[component]
fn InterestFigures(interest: Memo<Option<InterestView>>) -> impl IntoView {
    move || {
        interest.get().map(|view| view! {
            <p class="lead">{view.rule} " · " <span class="citation">{view.citation}</span></p>
            <div class="figures">
                <div class="figure">
                    <span class="label">"Interest to date"</span>
                    <span class="value" data-testid="interest-total" data-amount=view.total.plain>{view.total.text}</span>
                    {view.stale.map(|stale| view! { <span class="hint stale" data-testid="interest-stale">{stale}</span> })}
                </div>
                <div class="figure">
                    <span class="label">"Fixed compensation"</span>
                    <span class="value" data-testid="compensation" data-amount=view.compensation.plain>{view.compensation.text}</span>
                    {view.compensation_citation.map(|citation| view! { <span class="hint">{citation}</span> })}
                </div>
            </div>
            {view.notes.into_iter().map(|note| view! { <p class="note">{note}</p> }).collect_view()}
        })
    }
}

#[component]
fn InterestRowLine(line: InterestLine) -> impl IntoView {
    view! {
        <tr data-testid="interest-row" data-user-rate=line.user_rate.to_string()>
            <td data-label="From">{line.from}</td>
            <td data-label="To">{line.to}</td>
            <td class="num" data-label="Days">{line.days}</td>
            <td class="num" data-label="Principal">{line.principal}</td>
            <td class="num" data-label="Rate">{line.rate}</td>
            <td class="num" data-label="Interest">{line.interest}</td>
            <td class="basis" data-label="Rate basis">
                {line.basis}
                {line.user_rate.then_some(view! { <span class="tag">"your rate"</span> })}
            </td>
        </tr>
    }
}

#[component]
fn Allocations(allocations: Memo<Vec<AllocationLine>>) -> impl IntoView {
    view! {
        <div class="table-wrap">
            <table class="allocations stack">
                <caption class="sr-only">"Where each payment went"</caption>
                <thead><tr>
                    <th scope="col">"Received"</th><th scope="col" class="num">"Amount"</th>
                    <th scope="col" class="num">"To costs"</th><th scope="col" class="num">"To interest"</th>
                    <th scope="col" class="num">"To principal"</th><th scope="col" class="num">"Credit"</th>
                </tr></thead>
                <tbody>
                    <For each=move || allocations.get() key=|line| line.clone() let:line>
                        <tr data-testid="allocation-row">
                            <td data-label="Received">{line.date}</td>
                            <td class="num" data-label="Amount">{line.amount}</td>
                            <td class="num" data-label="To costs">{line.to_costs}</td>
                            <td class="num" data-label="To interest">{line.to_interest}</td>
                            <td class="num" data-label="To principal">{line.to_principal}</td>
                            <td class="num" data-label="Credit">{line.unapplied}</td>
                        </tr>
                    </For>
                </tbody>
            </table>
        </div>
    }
}
