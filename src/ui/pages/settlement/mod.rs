//! `/settlement/<client id>`: should we settle, for how much and how; options compared by
//! expected recovery; an exact payment schedule; and the accepted plans with their progress.

mod options;
mod planner;
mod plans;

use crate::core::currency::Currency;
use crate::core::dates::format_date;
use crate::core::error::FieldError;
use crate::core::model::PrepSheet;
use crate::core::money::format_money;
use crate::core::settlement::advice::{recommend, Signals, QUESTIONS};
use crate::core::settlement::{case, Case};
use crate::ui::browser::{print, today};
use crate::ui::components::{FormErrors, Input, Picker, TextArea};
use crate::ui::state::use_app;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The planner page.
#[component]
pub fn SettlementPage() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let client_id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    // A memo, so that saving anything on the page does not rebuild the planner and lose its inputs.
    let client = Memo::new(move |_| {
        app.ledger.with(|l| {
            l.client(&client_id.get())
                .map(|c| (c.id.clone(), c.name.clone()))
        })
    });
    view! {
        {move || match client.get() {
            None => view! {
                <h1>"Client not found"</h1>
                <p>"There is no such client. " <a href="/clients">"See all clients"</a> "."</p>
            }.into_any(),
            Some((id, name)) => view! { <Planner client_id=id name /> }.into_any(),
        }}
    }
}

#[component]
fn Planner(client_id: String, name: String) -> impl IntoView {
    let app = use_app();
    let id = StoredValue::new(client_id.clone());
    let currencies = Memo::new(move |_| {
        app.ledger.with(|l| {
            l.outstanding_by_currency(&id.get_value(), today())
                .into_keys()
                .collect::<Vec<Currency>>()
        })
    });
    let currency = RwSignal::new(
        currencies
            .get_untracked()
            .first()
            .cloned()
            .unwrap_or_default(),
    );
    let excluded = RwSignal::new(Vec::<String>::new());
    let the_case = Memo::new(move |_| {
        app.ledger.with(|l| {
            let all = case(l, &id.get_value(), &currency.get(), &[], today());
            let included: Vec<String> = all
                .invoices
                .iter()
                .map(|i| i.0.clone())
                .filter(|i| !excluded.get().contains(i))
                .collect();
            if included.is_empty() {
                Case {
                    invoices: Vec::new(),
                    ..all
                }
            } else {
                case(l, &id.get_value(), &currency.get(), &included, today())
            }
        })
    });
    view! {
        <p class="crumbs"><a href="/clients">"Clients"</a> " / " <a href=format!("/clients/{client_id}")>{name.clone()}</a></p>
        <h1>{format!("Settlement planner: {name}")}</h1>
        <Show when=move || !currencies.with(Vec::is_empty) fallback=|| view! {
            <div class="empty"><h2>"Nothing is owed"</h2><p>"This client has no open invoices, so there is nothing to settle."</p></div>
        }>
            <CaseSummary client_id=id.get_value() currencies currency excluded the_case />
            <ShouldWeSettle the_case />
            <options::OptionsCompared the_case />
            <planner::SchedulePlanner client_id=id.get_value() the_case />
            <PrepSheetForm client_id=id.get_value() the_case />
        </Show>
        <plans::AcceptedPlans client_id=client_id />
    }
}

#[component]
fn CaseSummary(
    client_id: String,
    currencies: Memo<Vec<Currency>>,
    currency: RwSignal<Currency>,
    excluded: RwSignal<Vec<String>>,
    the_case: Memo<Case>,
) -> impl IntoView {
    let app = use_app();
    let all = Memo::new(move |_| {
        app.ledger
            .with(|l| case(l, &client_id, &currency.get(), &[], today()))
    });
    let money = move |value| format_money(value, &currency.get());
    view! {
        <section aria-labelledby="case-heading">
            <div class="section-head">
                <h2 id="case-heading">"The case"</h2>
                <Show when=move || currencies.with(|c| c.len() > 1)>
                    <div class="actions">
                        <label for="case-currency">"Currency"</label>
                        <select id="case-currency" on:change=move |ev| { if let Ok(c) = Currency::parse(&event_target_value(&ev)) { currency.set(c); excluded.set(Vec::new()); } }>
                            {move || currencies.get().into_iter().map(|c| view! { <option value=c.to_string() selected=c == currency.get_untracked()>{c.to_string()}</option> }).collect_view()}
                        </select>
                    </div>
                </Show>
            </div>
            <div class="table-wrap">
                <table>
                    <thead><tr><th scope="col">"Include"</th><th scope="col">"Invoice"</th><th scope="col" class="num">"Outstanding"</th><th scope="col" class="num">"Interest"</th><th scope="col" class="num">"Compensation"</th></tr></thead>
                    <tbody>
                        {move || app.ledger.with(|l| all.get().invoices.into_iter().map(|(invoice_id, owed, interest, fee)| {
                            let number = l.invoice(&invoice_id).map(|i| i.number.clone()).unwrap_or_default();
                            let checkbox = format!("include-{invoice_id}");
                            let toggle = invoice_id.clone();
                            let included = !excluded.get().contains(&invoice_id);
                            view! {
                                <tr>
                                    <td><input type="checkbox" id=checkbox.clone() prop:checked=included aria-label=format!("Include invoice {number}")
                                        on:change=move |ev| { let on = event_target_checked(&ev); excluded.update(|x| { x.retain(|i| *i != toggle); if !on { x.push(toggle.clone()); } }); } /></td>
                                    <td><a href=format!("/invoices/{invoice_id}")>{number.clone()}</a></td>
                                    <td class="num">{money(owed)}</td>
                                    <td class="num">{money(interest)}</td>
                                    <td class="num">{money(fee)}</td>
                                </tr>
                            }
                        }).collect_view())}
                    </tbody>
                </table>
            </div>
            <div class="figures">
                <div class="figure"><span class="label">"Principal"</span><span class="value">{move || money(the_case.get().principal)}</span></div>
                <div class="figure"><span class="label">"Interest"</span><span class="value">{move || money(the_case.get().interest)}</span></div>
                <div class="figure"><span class="label">"Compensation"</span><span class="value">{move || money(the_case.get().compensation)}</span></div>
                <div class="figure strong"><span class="label">"Total claim"</span><span class="value" data-testid="case-claim" data-amount=move || crate::core::money::plain(the_case.get().claim)>{move || money(the_case.get().claim)}</span></div>
            </div>
            <details class="card">
                <summary>"Communication history"</summary>
                <ol class="timeline">
                    {move || app.ledger.with(|l| l.activities_of(&all.get().invoices.first().and_then(|i| l.invoice(&i.0)).map(|i| i.client_id.clone()).unwrap_or_default())
                        .into_iter().map(|a| view! { <li><time>{format_date(a.date)}</time><span class="tag">{a.kind.clone()}</span><span>{a.summary.clone()}</span></li> }).collect_view())}
                </ol>
            </details>
        </section>
    }
}

#[component]
fn ShouldWeSettle(the_case: Memo<Case>) -> impl IntoView {
    let answers = RwSignal::new(Signals::default());
    let set = |signals: &mut Signals, key: &str, on: bool| match key {
        "valuable_relationship" => signals.valuable_relationship = on,
        "hardship" => signals.hardship = on,
        "costly_to_collect" => signals.costly_to_collect = on,
        "dispute" => signals.dispute = on,
        _ => signals.client_reached_out = on,
    };
    let advice = move || {
        recommend(&Signals {
            days_overdue: the_case.get().oldest_days,
            ..answers.get()
        })
    };
    view! {
        <section aria-labelledby="settle-heading">
            <h2 id="settle-heading">"Should we settle?"</h2>
            <div class="card">
                {QUESTIONS.iter().map(|(key, question)| {
                    let id = format!("signal-{key}");
                    view! {
                        <div class="field check">
                            <input type="checkbox" id=id.clone() on:change=move |ev| answers.update(|s| set(s, key, event_target_checked(&ev))) />
                            <label for=id>{*question}</label>
                        </div>
                    }
                }).collect_view()}
                <p class="muted">{move || format!("Age of the debt (from the ledger): the oldest included invoice is {} days overdue.", the_case.get().oldest_days)}</p>
                {move || { let (kind, reasons) = advice(); view! {
                    <div class="advice" data-testid="settle-advice">
                        <strong>{kind.label()}</strong>
                        <ul>{reasons.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
                    </div>
                }}}
            </div>
        </section>
    }
}

#[component]
fn PrepSheetForm(client_id: String, the_case: Memo<Case>) -> impl IntoView {
    let app = use_app();
    let id = StoredValue::new(client_id);
    let sheet = RwSignal::new(app.ledger.with_untracked(|l| {
        l.prep_sheets
            .iter()
            .find(|s| s.client_id == id.get_value())
            .cloned()
            .unwrap_or(PrepSheet {
                client_id: id.get_value(),
                ..PrepSheet::default()
            })
    }));
    let error = RwSignal::new(None::<FieldError>);
    let saved = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let outcome = app.commit(|l, _| l.save_prep_sheet(sheet.get_untracked()));
        saved.set(outcome.is_ok());
        error.set(outcome.err());
    };
    let goals = Signal::derive(|| {
        [
            "Full payment now",
            "Full payment in instalments",
            "A discounted lump sum",
        ]
        .iter()
        .map(|g| (g.to_string(), g.to_string()))
        .collect::<Vec<_>>()
    });
    view! {
        <section aria-labelledby="prep-heading" class="prep-sheet">
            <div class="section-head">
                <h2 id="prep-heading">"Negotiation prep sheet"</h2>
                <button on:click=move |_| print()>"Print the brief"</button>
            </div>
            <form class="card form" on:submit=submit novalidate>
                <p class="prep-claim">{move || format!("Claim: {}", format_money(the_case.get().claim, &the_case.get().currency))}</p>
                <div class="grid2">
                    <Picker form=sheet error form_id="prep" field="goal" label="Goal" options=goals get=|s: &PrepSheet| s.goal.clone() set=|s, v| s.goal = v />
                    <Input form=sheet error form_id="prep" field="floor" label="Walk-away floor" get=|s: &PrepSheet| s.floor.clone() set=|s, v| s.floor = v />
                </div>
                <TextArea form=sheet form_id="prep" field="alternatives" label="Alternatives I will offer" get=|s: &PrepSheet| s.alternatives.clone() set=|s, v| s.alternatives = v />
                <TextArea form=sheet form_id="prep" field="notes" label="What the client told me" get=|s: &PrepSheet| s.notes.clone() set=|s, v| s.notes = v />
                <FormErrors error />
                <div class="actions">
                    <button type="submit">"Save the prep sheet"</button>
                    <span class="saved" role="status">{move || saved.get().then_some("Saved.")}</span>
                </div>
            </form>
            <p class="hint">"Listen first, then propose; set a deadline and confirm any agreement in writing."</p>
        </section>
    }
}
