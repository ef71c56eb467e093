//! The interest panel of an invoice: the rule, the total, the compensation and the breakdown.

use crate::core::dates::format_date;
use crate::core::interest::{compute, InterestOptions};
use crate::core::money::{format_money, plain};
use crate::ui::browser::today;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// Interest on one invoice as of today.
#[component]
pub fn InterestPanel(invoice_id: String) -> impl IntoView {
    let app = use_app();
    let split = RwSignal::new(false);
    let result = Memo::new(move |_| {
        app.ledger.with(|l| {
            l.invoice(&invoice_id).map(|invoice| {
                compute(
                    l,
                    invoice,
                    today(),
                    InterestOptions {
                        uk_split_half_years: split.get(),
                        ..InterestOptions::default()
                    },
                )
            })
        })
    });
    move || {
        result.get().map(|r| {
            let zero_fee = plain(rust_decimal::Decimal::ZERO);
            let fee = r.compensation.as_ref().map(|c| (plain(c.amount), format_money(c.amount, &c.currency), c.citation));
            let is_uk = r.rule == crate::core::model::RuleKind::UkLatePayment;
            let rows = r.rows.iter().map(|row| view! {
                <tr data-testid="interest-row">
                    <td>{format_date(row.from)}</td>
                    <td>{format_date(row.to)}</td>
                    <td class="num">{row.days}</td>
                    <td class="num">{format_money(row.principal, &r.currency)}</td>
                    <td class="num">{format!("{}%", row.annual_rate)}</td>
                    <td class="num">{format_money(row.interest, &r.currency)}</td>
                    <td class="basis">{row.basis.clone()}</td>
                </tr>
            }).collect_view();
            view! {
                <p class="lead">{r.rule.label()} " · " <span class="citation">{r.citation.clone()}</span></p>
                <div class="figures">
                    <div class="figure">
                        <span class="label">"Interest to date"</span>
                        <span class="value" data-testid="interest-total" data-amount=plain(r.total)>{format_money(r.total, &r.currency)}</span>
                    </div>
                    <div class="figure">
                        <span class="label">"Fixed compensation"</span>
                        <span class="value" data-testid="compensation" data-amount=fee.as_ref().map(|f| f.0.clone()).unwrap_or(zero_fee)>
                            {fee.as_ref().map(|f| f.1.clone()).unwrap_or_else(|| "None".into())}
                        </span>
                        {fee.map(|f| view! { <span class="hint">{f.2}</span> })}
                    </div>
                </div>
                {r.notes.iter().map(|note| view! { <p class="note">{note.clone()}</p> }).collect_view()}
                {is_uk.then(|| view! {
                    <div class="field check">
                        <input type="checkbox" id="uk-split" prop:checked=move || split.get() on:change=move |ev| split.set(event_target_checked(&ev)) />
                        <label for="uk-split">"Re-fix the UK reference rate at each half-year"</label>
                        <p class="hint">"The Act's text fixes one rate for the whole debt; some creditors split it at each half-year instead."</p>
                    </div>
                })}
                {(!r.rows.is_empty()).then(|| view! {
                    <div class="table-wrap">
                        <table>
                            <caption class="sr-only">"Interest breakdown"</caption>
                            <thead><tr><th scope="col">"From"</th><th scope="col">"To"</th><th scope="col" class="num">"Days"</th><th scope="col" class="num">"Principal"</th><th scope="col" class="num">"Rate"</th><th scope="col" class="num">"Interest"</th><th scope="col">"Rate basis"</th></tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                    <p class="hint">"Each row: principal × rate ÷ 100 × days ÷ 365, rounded to the cent."</p>
                })}
                <p class="note legal">"This is a calculation aid, not legal advice."</p>
            }
        })
    }
}
