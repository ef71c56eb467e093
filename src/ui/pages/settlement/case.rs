//! The case: which open invoices are settled (those not yet due start unticked), in which
//! currency, what they add up to, and the communication history.

use crate::core::currency::Currency;
use crate::core::ids::link;
use crate::core::settlement::Exclusions;
use crate::core::views::settlement::{CaseRow, Planner};
use crate::ui::pages::client::Timeline;
use leptos::prelude::*;

/// The case section.
#[component]
pub(super) fn CaseSection(
    planner: Memo<Planner>,
    currency: RwSignal<Option<Currency>>,
    exclusions: RwSignal<Exclusions>,
) -> impl IntoView {
    let rows = Signal::derive(move || planner.with(|page| page.rows.clone()));
    let figures = Memo::new(move |_| planner.with(|page| page.figures.clone()));
    let timeline = Signal::derive(move || planner.with(|page| page.timeline.clone()));
    view! {
        <section aria-labelledby="case-heading">
            <div class="section-head">
                <h2 id="case-heading">"The case"</h2>
                <CurrencyPicker planner currency />
            </div>
            <div class="table-wrap">
                <table class="case">
                    <caption class="sr-only">"Open invoices and what each adds to the claim"</caption>
                    <thead><tr>
                        <th scope="col">"Include"</th><th scope="col">"Invoice"</th>
                        <th scope="col" class="num">"Outstanding"</th><th scope="col" class="num">"Interest"</th>
                        <th scope="col" class="num">"Compensation"</th>
                    </tr></thead>
                    <tbody>
                        <For each=move || rows.get() key=|row| row.clone() let:row>
                            <CaseLine row exclusions />
                        </For>
                    </tbody>
                </table>
            </div>
            <div class="figures">
                <div class="figure"><span class="label">"Principal"</span><span class="value">{move || figures.with(|figures| figures.principal.clone())}</span></div>
                <div class="figure"><span class="label">"Interest"</span><span class="value">{move || figures.with(|figures| figures.interest.clone())}</span>
                    {move || figures.with(|figures| figures.stale.clone()).map(|stale| view! { <span class="hint stale" data-testid="case-stale">{stale}</span> })}
                    {move || figures.with(|figures| figures.user_rate_note).map(|note| view! { <span class="hint" data-testid="case-user-rate">{note}</span> })}
                </div>
                <div class="figure"><span class="label">"Compensation"</span><span class="value">{move || figures.with(|figures| figures.compensation.clone())}</span></div>
                <div class="figure strong"><span class="label">"Total claim"</span>
                    <span class="value" data-testid="case-claim" data-amount=move || figures.with(|figures| figures.claim_plain.clone())>{move || figures.with(|figures| figures.claim.clone())}</span>
                </div>
            </div>
            <p class="muted">{move || figures.with(|figures| figures.age_note.clone())}</p>
            <details class="card">
                <summary>"Communication history"</summary>
                <Timeline entries=timeline />
            </details>
        </section>
    }
}

/// The currency of the case, when the client owes in more than one.
#[component]
fn CurrencyPicker(planner: Memo<Planner>, currency: RwSignal<Option<Currency>>) -> impl IntoView {
    let chosen = move || planner.with(|page| page.case.as_ref().map(|case| case.currency.clone()));
    view! {
        <Show when=move || planner.with(|page| page.currencies.len() > 1)>
            <div class="actions">
                <label for="case-currency">"Currency"</label>
                <select id="case-currency" on:change=move |ev| currency.set(Currency::parse(&event_target_value(&ev)).ok())>
                    {move || planner.with(|page| page.currencies.clone()).into_iter().map(|code| {
                        let selected = chosen().as_ref() == Some(&code);
                        view! { <option value=code.to_string() selected=selected>{code.to_string()}</option> }
                    }).collect_view()}
                </select>
            </div>
        </Show>
    }
}

#[component]
fn CaseLine(row: CaseRow, exclusions: RwSignal<Exclusions>) -> impl IntoView {
    let invoice_id = row.invoice_id.clone();
    let toggle = move |ev| {
        let include = event_target_checked(&ev);
        exclusions.update(|chosen| chosen.choose(&invoice_id, include));
    };
    view! {
        <tr class:left-out=!row.included data-testid="case-row" data-invoice=row.invoice_id.clone() data-paid-late=row.paid_late.to_string()>
            <td><input type="checkbox" id=format!("include-{}", row.invoice_id) prop:checked=row.included
                aria-label=row.include_label on:change=toggle /></td>
            <td>
                <a href=link("invoices", &row.invoice_id)>{row.number}</a>
                {(!row.due_note.is_empty()).then(|| view! { <span class="due-note">{row.due_note}</span> })}
            </td>
            <td class="num">{row.outstanding}</td>
            <td class="num">{row.interest}</td>
            <td class="num">{row.compensation}</td>
        </tr>
    }
}
