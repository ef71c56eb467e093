//! `/invoices/<id>`: one invoice with its figures, payments, write-off and editing.

use crate::core::dates::format_date;
use crate::core::error::FieldError;
use crate::core::forms::{InvoiceForm, PaymentForm};
use crate::core::money::{format_money, plain};
use crate::ui::browser::{confirm, today};
use crate::ui::components::{FormErrors, Input, StatusBadge};
use crate::ui::editors::InvoiceEditor;
use crate::ui::pages::interest_panel::InterestPanel;
use crate::ui::pages::letter::LetterPanel;
use crate::ui::state::use_app;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_params_map};

/// One invoice.
#[component]
pub fn InvoicePage() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let invoice_id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let exists = move || app.ledger.with(|l| l.invoice(&invoice_id.get()).is_some());
    view! {
        <Show when=exists fallback=|| view! {
            <h1>"Invoice not found"</h1>
            <p>"This invoice does not exist, or was deleted. " <a href="/invoices">"See all invoices"</a> "."</p>
        }>
            <InvoiceView invoice_id=invoice_id.get() />
        </Show>
    }
}

#[component]
fn InvoiceView(invoice_id: String) -> impl IntoView {
    let app = use_app();
    let id = StoredValue::new(invoice_id);
    let editing = RwSignal::new(false);
    let drafting = RwSignal::new(use_location().hash.get_untracked() == "#letter");
    let navigate = use_navigate();
    let invoice = move || app.ledger.with(|l| l.invoice(&id.get_value()).cloned());
    let client = move || {
        app.ledger.with(|l| {
            l.invoice(&id.get_value())
                .and_then(|i| l.client(&i.client_id))
                .cloned()
        })
    };
    let summary = move || {
        app.ledger
            .with(|l| l.invoice(&id.get_value()).map(|i| l.summary(i, today())))
    };
    let delete = Callback::new(move |_: ()| {
        let number = invoice().map(|i| i.number).unwrap_or_default();
        if confirm(&format!(
            "Delete invoice {number} and its payments? This cannot be undone."
        )) {
            let client_id = invoice().map(|i| i.client_id).unwrap_or_default();
            if app.commit(|l, _| l.delete_invoice(&id.get_value())).is_ok() {
                navigate(&format!("/clients/{client_id}"), Default::default());
            }
        }
    });
    view! {
        {move || invoice().zip(client()).map(|(invoice, client)| view! {
            <p class="crumbs"><a href="/invoices">"Invoices"</a> " / " <a href=format!("/clients/{}", client.id)>{client.name.clone()}</a></p>
            <div class="page-head">
                <h1>"Invoice " {invoice.number.clone()}</h1>
                <div class="actions">
                    <button on:click=move |_| editing.update(|e| *e = !*e)>"Edit invoice"</button>
                    <button class="danger" on:click=move |_| delete.run(())>"Delete invoice"</button>
                </div>
            </div>
            <p class="lead">
                {format!("Issued {} · due {}", format_date(invoice.issue_date), format_date(invoice.due_date))}
                {(!invoice.description.is_empty()).then(|| format!(" · {}", invoice.description))}
                {invoice.disputed.then_some(view! { <span class="tag warn">"disputed"</span> })}
            </p>
        })}
        <Show when=move || editing.get()>
            {move || invoice().map(|i| view! {
                <InvoiceEditor initial=InvoiceForm::from_record(&i) submit_label="Save changes" choose_client=true
                    on_saved=move |_| editing.set(false) on_cancel=move |_| editing.set(false) />
            })}
        </Show>
        {move || invoice().zip(summary()).map(|(invoice, s)| {
            let money = move |value| format_money(value, &invoice.currency);
            view! {
                <div class="figures">
                    <div class="figure"><span class="label">"Amount"</span><span class="value">{money(invoice.amount.value())}</span></div>
                    <div class="figure"><span class="label">"Paid"</span><span class="value">{money(s.paid)}</span></div>
                    <div class="figure strong">
                        <span class="label">"Balance"</span>
                        <span class="value" data-testid="balance" data-amount=plain(s.outstanding)>{money(s.outstanding)}</span>
                    </div>
                    <div class="figure">
                        <span class="label">"Days overdue"</span>
                        <span class="value" data-testid="days-overdue" data-value=s.days_overdue.to_string()>{s.days_overdue}</span>
                    </div>
                    <div class="figure"><span class="label">"Status"</span><span class="value"><StatusBadge status=s.status /></span></div>
                    {(s.credit > rust_decimal::Decimal::ZERO).then(|| view! {
                        <div class="figure"><span class="label">"Credit"</span><span class="value" data-testid="credit" data-amount=plain(s.credit)>{money(s.credit)}</span></div>
                    })}
                </div>
            }
        })}
        <section aria-labelledby="letter-heading" class="letter-section">
            <div class="section-head">
                <h2 id="letter-heading">"Letters"</h2>
                <button data-testid="draft-letter" aria-expanded=move || drafting.get().to_string()
                    on:click=move |_| drafting.update(|d| *d = !*d)>{move || if drafting.get() { "Close letter" } else { "Draft letter" }}</button>
            </div>
            <Show when=move || drafting.get()>
                <LetterPanel invoice_id=id.get_value() />
            </Show>
        </section>
        <section aria-labelledby="interest-heading">
            <h2 id="interest-heading">"Late-payment interest"</h2>
            <InterestPanel invoice_id=id.get_value() />
        </section>
        <section aria-labelledby="payments-heading">
            <h2 id="payments-heading">"Payments"</h2>
            <Payments invoice_id=id.get_value() />
        </section>
        <section aria-labelledby="write-off-heading">
            <h2 id="write-off-heading">"Write-off"</h2>
            <WriteOffPanel invoice_id=id.get_value() />
        </section>
    }
}

#[component]
fn Payments(invoice_id: String) -> impl IntoView {
    let app = use_app();
    let id = StoredValue::new(invoice_id.clone());
    let editing = RwSignal::new(None::<PaymentForm>);
    let rows = move || {
        app.ledger.with(|l| {
            let Some(invoice) = l.invoice(&id.get_value()) else { return ().into_any() };
            let payments = l.payments_of(&invoice.id);
            if payments.is_empty() {
                return view! { <p class="muted">"No payments recorded yet."</p> }.into_any();
            }
            view! {
                <div class="table-wrap">
                    <table>
                        <thead><tr><th scope="col">"Date"</th><th scope="col" class="num">"Amount"</th><th scope="col">"Method"</th><th scope="col">"Note"</th><th scope="col"><span class="sr-only">"Actions"</span></th></tr></thead>
                        <tbody>
                            {payments.into_iter().map(|p| {
                                let form = PaymentForm::from_record(p);
                                let payment_id = p.id.clone();
                                let label = format!("{} on {}", format_money(p.amount.value(), &invoice.currency), format_date(p.date));
                                let delete_label = format!("Delete payment of {label}");
                                let edit_label = format!("Edit payment of {label}");
                                view! {
                                    <tr data-testid="payment-row">
                                        <td>{format_date(p.date)}</td>
                                        <td class="num">{format_money(p.amount.value(), &invoice.currency)}</td>
                                        <td>{p.method.clone()}</td>
                                        <td>{p.note.clone()}</td>
                                        <td class="row-actions">
                                            <button class="link" aria-label=edit_label on:click=move |_| editing.set(Some(form.clone()))>"Edit"</button>
                                            <button class="link danger" aria-label=delete_label on:click=move |_| {
                                                if confirm("Delete this payment?") {
                                                    let _ = app.commit(|l, _| l.delete_payment(&payment_id));
                                                }
                                            }>"Delete"</button>
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }
            .into_any()
        })
    };
    view! {
        {rows}
        {move || match editing.get() {
            Some(form) => view! {
                <h3>"Edit payment"</h3>
                <PaymentEditor initial=form on_done=move || editing.set(None) />
            }.into_any(),
            None => view! {
                <h3>"Record a payment"</h3>
                <PaymentEditor initial=PaymentForm::new(&id.get_value(), today()) on_done=|| () />
            }.into_any(),
        }}
    }
}

#[component]
fn PaymentEditor(
    initial: PaymentForm,
    on_done: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let app = use_app();
    let form = RwSignal::new(initial.clone());
    let error = RwSignal::new(None::<FieldError>);
    let overpayment = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let confirmed = overpayment.get_untracked();
        match form
            .get_untracked()
            .parse()
            .and_then(|p| app.commit(|l, ids| l.save_payment(p, confirmed, ids)))
        {
            Ok(_) => {
                error.set(None);
                overpayment.set(false);
                form.set(PaymentForm::new(&initial.invoice_id, today()));
                on_done();
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let is_overpayment = move || matches!(error.get(), Some(FieldError::Overpayment { .. }));
    view! {
        <form class="card form inline-form" on:submit=submit novalidate>
            <Input form error form_id="payment" field="date" label="Date received" kind="date" required=true
                get=|f: &PaymentForm| f.date.clone() set=|f, v| f.date = v />
            <Input form error form_id="payment" field="amount" label="Amount received" required=true
                get=|f: &PaymentForm| f.amount.clone() set=|f, v| f.amount = v />
            <Input form error form_id="payment" field="method" label="Method"
                get=|f: &PaymentForm| f.method.clone() set=|f, v| f.method = v />
            <Input form error form_id="payment" field="note" label="Note"
                get=|f: &PaymentForm| f.note.clone() set=|f, v| f.note = v />
            <Show when=is_overpayment>
                <div class="field check">
                    <input type="checkbox" id="payment-overpayment" prop:checked=move || overpayment.get()
                        on:change=move |ev| overpayment.set(event_target_checked(&ev)) />
                    <label for="payment-overpayment">"Yes, record it as an overpayment (the excess shows as credit)"</label>
                </div>
            </Show>
            <FormErrors error />
            <div class="actions"><button type="submit" class="primary">"Save payment"</button></div>
        </form>
    }
}

#[component]
fn WriteOffPanel(invoice_id: String) -> impl IntoView {
    let app = use_app();
    let id = StoredValue::new(invoice_id);
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<FieldError>);
    let write_off = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match app
            .commit(|l, ids| l.write_off(&id.get_value(), today(), &reason.get_untracked(), ids))
        {
            Ok(()) => {
                error.set(None);
                reason.set(String::new());
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let written_off = move || {
        app.ledger
            .with(|l| l.invoice(&id.get_value()).and_then(|i| i.write_off.clone()))
    };
    view! {
        {move || match written_off() {
            Some(w) => view! {
                <p class="card">{format!("Written off on {}: {}", format_date(w.date), w.reason)} " "
                    <button on:click=move |_| { let _ = app.commit(|l, _| l.undo_write_off(&id.get_value())); }>"Reopen invoice"</button>
                </p>
            }.into_any(),
            None => view! {
                <form class="card form inline-form" on:submit=write_off novalidate>
                    <div class="field" class:invalid=move || error.get().is_some()>
                        <label for="write-off-reason">"Reason for writing off the balance"</label>
                        <input id="write-off-reason" prop:value=move || reason.get() aria-describedby="write-off-error"
                            on:input=move |ev| reason.set(event_target_value(&ev)) />
                        <p class="error" id="write-off-error" role="status">{move || error.get().map(|e| e.to_string())}</p>
                    </div>
                    <div class="actions"><button type="submit">"Write off"</button></div>
                </form>
            }.into_any(),
        }}
    }
}
