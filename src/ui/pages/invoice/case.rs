//! The case section of an invoice: promises to pay, the pause in chasing, and the dispute
//! (in [`super::dispute`]). Each form has one submit path through its [`Draft`].

use super::dispute::DisputePanel;
use crate::core::case::forms::{PauseForm, PromiseForm};
use crate::core::error::FieldError;
use crate::core::views::case::{CasePanel, PromiseLine};
use crate::ui::browser::{confirm, today};
use crate::ui::components::{Draft, FormErrors, Input, InputKind};
use crate::ui::pages::client_pause::PauseCard;
use crate::ui::state::use_app;
use leptos::prelude::*;
use rust_decimal::Decimal;

/// The case section: promises, the dispute and the pause.
#[component]
pub fn CaseSection(invoice_id: String, case: Memo<Option<CasePanel>>) -> impl IntoView {
    let id = StoredValue::new(invoice_id);
    let promises = Memo::new(move |_| {
        case.with(|c| c.as_ref().map(|c| c.promises.clone()).unwrap_or_default())
    });
    let grace =
        Memo::new(move |_| case.with(|c| c.as_ref().map(|c| c.grace.clone()).unwrap_or_default()));
    let pause = Memo::new(move |_| case.with(|c| c.as_ref().and_then(|c| c.pause.clone())));
    view! {
        <section aria-labelledby="case-heading" class="case">
            <h2 id="case-heading">"Case"</h2>
            <p class="muted">"What the client said and what was agreed: the chase queue acts on it."</p>
            <div class="case-grid">
                <div class="case-part">
                    <h3>"Promises to pay"</h3>
                    <Show when=move || !promises.with(Vec::is_empty)
                        fallback=|| view! { <p class="muted">"No promise recorded."</p> }>
                        <ul class="promises">
                            <For each=move || promises.get() key=|line| line.clone() let:line>
                                <PromiseRow line />
                            </For>
                        </ul>
                    </Show>
                    <p class="hint">{move || grace.get()}</p>
                    <PromiseEditor invoice_id=id.get_value() case />
                </div>
                <div class="case-part">
                    <h3>"Dispute"</h3>
                    <DisputePanel invoice_id=id.get_value() case />
                </div>
                <div class="case-part">
                    <h3>"Pause chasing"</h3>
                    {move || match pause.get() {
                        Some(line) => view! { <PauseCard line testid="pause" /> }.into_any(),
                        None => view! { <PauseEditor invoice_id=id.get_value() case /> }.into_any(),
                    }}
                </div>
            </div>
        </section>
    }
}

#[component]
fn PromiseRow(line: PromiseLine) -> impl IntoView {
    let app = use_app();
    let promise_id = StoredValue::new(line.id);
    let delete = move |_| {
        if confirm("Delete this promise? Use this only for a promise recorded by mistake.") {
            let _ = app.commit(|ledger, _| ledger.delete_promise(&promise_id.get_value()));
        }
    };
    view! {
        <li class="promise" data-testid="promise" data-state=line.state>
            <div>
                <span class=format!("tag promise-{}", line.state)>{line.state_label}</span>" "
                <strong>{line.what}</strong>
                <p class="meta">{line.detail}</p>
                {(!line.note.is_empty()).then(|| view! { <p class="meta">{line.note}</p> })}
            </div>
            <button class="link danger" aria-label=line.delete_label on:click=delete>"Delete"</button>
        </li>
    }
}

/// A new promise form for the invoice, for its balance today.
fn new_promise(case: Memo<Option<CasePanel>>, invoice_id: &str) -> PromiseForm {
    case.with_untracked(|c| {
        let (client, balance) = c
            .as_ref()
            .map(|c| {
                (
                    c.client_id.clone(),
                    c.balance.parse().unwrap_or(Decimal::ZERO),
                )
            })
            .unwrap_or_default();
        PromiseForm::new(&client, invoice_id, balance, today())
    })
}

#[component]
fn PromiseEditor(invoice_id: String, case: Memo<Option<CasePanel>>) -> impl IntoView {
    let app = use_app();
    let id = StoredValue::new(invoice_id);
    let draft = Draft::new(new_promise(case, &id.get_value()));
    let (form, error) = (draft.form, draft.error);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        let saved = draft.submit(&ev, |typed: &PromiseForm| {
            app.commit(|ledger, ids| {
                let currency = ledger
                    .invoice(&typed.invoice_id)
                    .map(|invoice| invoice.currency.clone())
                    .ok_or_else(|| FieldError::NotFound("this invoice".into()))?;
                let promise = typed.parse(&currency)?;
                ledger.record_promise(promise, ids)
            })
        });
        if saved.is_some() {
            form.set(new_promise(case, &id.get_value()));
        }
    };
    view! {
        <form class="card form" on:submit=submit novalidate aria-label="Record a promise to pay">
            <div class="grid2">
                <Input form error form_id="promise" field="amount" label="Amount promised" kind=InputKind::Amount required=true testid="promise-amount"
                    get=|f: &PromiseForm| f.amount.clone() set=|f, v| f.amount = v />
                <Input form error form_id="promise" field="due" label="Promised by" kind="date" required=true testid="promise-date"
                    get=|f: &PromiseForm| f.due.clone() set=|f, v| f.due = v />
                <Input form error form_id="promise" field="promised_by" label="Who promised"
                    get=|f: &PromiseForm| f.promised_by.clone() set=|f, v| f.promised_by = v />
                <Input form error form_id="promise" field="channel" label="How (phone, e-mail…)"
                    get=|f: &PromiseForm| f.channel.clone() set=|f, v| f.channel = v />
                <Input form error form_id="promise" field="made_on" label="Promised on" kind="date" required=true
                    get=|f: &PromiseForm| f.made_on.clone() set=|f, v| f.made_on = v />
                <Input form error form_id="promise" field="note" label="Note"
                    get=|f: &PromiseForm| f.note.clone() set=|f, v| f.note = v />
            </div>
            <FormErrors error />
            <div class="actions"><button type="submit" class="primary" data-testid="promise-save">"Record promise"</button></div>
        </form>
    }
}

#[component]
fn PauseEditor(invoice_id: String, case: Memo<Option<CasePanel>>) -> impl IntoView {
    let app = use_app();
    let client =
        case.with_untracked(|c| c.as_ref().map(|c| c.client_id.clone()).unwrap_or_default());
    let initial = PauseForm::new(&client, &invoice_id, today());
    let draft = Draft::new(initial.clone());
    let (form, error) = (draft.form, draft.error);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        let saved = draft.submit(&ev, |typed: &PauseForm| {
            let pause = typed.parse()?;
            app.commit(|ledger, ids| ledger.pause_chasing(pause, ids))
        });
        if saved.is_some() {
            form.set(PauseForm::new(
                &initial.client_id,
                &initial.invoice_id,
                today(),
            ));
        }
    };
    view! {
        <form class="card form" on:submit=submit novalidate aria-label="Pause chasing this invoice">
            <div class="grid2">
                <Input form error form_id="pause" field="from" label="From" kind="date" required=true
                    get=|f: &PauseForm| f.from.clone() set=|f, v| f.from = v />
                <Input form error form_id="pause" field="until" label="Resume chasing on" kind="date" required=true testid="pause-until"
                    get=|f: &PauseForm| f.until.clone() set=|f, v| f.until = v />
            </div>
            <Input form error form_id="pause" field="reason" label="Reason" required=true hint="Such as \"awaiting PO\" or \"client on leave\"."
                get=|f: &PauseForm| f.reason.clone() set=|f, v| f.reason = v />
            <FormErrors error />
            <div class="actions"><button type="submit" data-testid="pause-save">"Pause chasing"</button></div>
        </form>
    }
}
