//! `/clients/<id>`: one client with details, invoices and timeline.

use crate::core::dates::format_date;
use crate::core::error::FieldError;
use crate::core::forms::{ActivityForm, ClientForm, InvoiceForm};
use crate::core::model::activity_kind;
use crate::core::money::format_money;
use crate::ui::browser::{confirm, today};
use crate::ui::components::{EmptyState, FormErrors, Input, Picker, StatusBadge};
use crate::ui::editors::{ClientEditor, InvoiceEditor};
use crate::ui::state::use_app;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

/// One client.
#[component]
pub fn ClientPage() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let client_id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let exists = move || app.ledger.with(|l| l.client(&client_id.get()).is_some());
    view! {
        <Show when=exists fallback=|| view! {
            <h1>"Client not found"</h1>
            <p>"This client does not exist, or was deleted. " <a href="/clients">"See all clients"</a> "."</p>
        }>
            <ClientView client_id=client_id.get() />
        </Show>
    }
}

#[component]
fn ClientView(client_id: String) -> impl IntoView {
    let app = use_app();
    let editing = RwSignal::new(false);
    let adding_invoice = RwSignal::new(false);
    let navigate = use_navigate();
    let id = StoredValue::new(client_id.clone());
    let client = move || app.ledger.with(|l| l.client(&id.get_value()).cloned());
    let name = move || client().map(|c| c.name).unwrap_or_default();
    let delete = Callback::new({
        move |_: ()| {
            let id = id.get_value();
            let mut outcome = app.commit(|l, _| l.delete_client(&id, false));
            if let Err(FieldError::NeedsConfirmation { .. }) = &outcome {
                let question = format!("Delete {}? {}.", name(), outcome.as_ref().unwrap_err());
                if !confirm(&question) {
                    return;
                }
                outcome = app.commit(|l, _| l.delete_client(&id, true));
            }
            if outcome.is_ok() {
                navigate("/clients", Default::default());
            }
        }
    });
    let owed = move || {
        app.ledger.with(|l| {
            l.outstanding_by_currency(&id.get_value(), today())
                .iter()
                .map(|(c, a)| format_money(*a, c))
                .collect::<Vec<_>>()
                .join(" + ")
        })
    };
    view! {
        <p class="crumbs"><a href="/clients">"Clients"</a> " / "</p>
        <div class="page-head">
            <h1>{name}</h1>
            <div class="actions">
                <a class="button" href=format!("/settlement/{client_id}")>"Settlement planner"</a>
                <button on:click=move |_| editing.update(|e| *e = !*e)>"Edit details"</button>
                <button class="danger" on:click=move |_| delete.run(())>"Delete client"</button>
            </div>
        </div>
        <p class="lead">
            {move || { let owed = owed(); if owed.is_empty() { "Owes nothing today.".to_string() } else { format!("Owes {owed} today.") } }}
            {move || client().filter(|c| c.consumer).map(|_| view! { <span class="tag">"consumer"</span> })}
        </p>
        <Show when=move || editing.get() fallback=move || view! { <ClientDetails client_id=id.get_value() /> }>
            {move || client().map(|c| view! {
                <ClientEditor initial=ClientForm::from_record(&c) submit_label="Save changes"
                    on_saved=move |_| editing.set(false) on_cancel=move |_| editing.set(false) />
            })}
        </Show>
        <section aria-labelledby="invoices-heading">
            <div class="section-head">
                <h2 id="invoices-heading">"Invoices"</h2>
                <button on:click=move |_| adding_invoice.update(|a| *a = !*a) aria-expanded=move || adding_invoice.get().to_string()>"Add invoice"</button>
            </div>
            <Show when=move || adding_invoice.get()>
                {move || view! {
                    <InvoiceEditor
                        initial=app.ledger.with_untracked(|l| InvoiceForm::new(&id.get_value(), &l.business, today()))
                        submit_label="Save invoice"
                        on_saved=move |_| adding_invoice.set(false)
                        on_cancel=move |_| adding_invoice.set(false) />
                }}
            </Show>
            <ClientInvoices client_id=client_id.clone() />
        </section>
        <section aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">"Timeline"</h2>
            <Timeline client_id />
        </section>
    }
}

#[component]
fn ClientDetails(client_id: String) -> impl IntoView {
    let app = use_app();
    app.ledger.with_untracked(|l| l.client(&client_id).cloned()).map(|c| {
        view! {
            <dl class="card details">
                <div><dt>"Contact"</dt><dd>{if c.contact.is_empty() { "—".into() } else { c.contact }}</dd></div>
                <div><dt>"E-mail"</dt><dd>{if c.email.is_empty() { "—".into() } else { c.email }}</dd></div>
                <div><dt>"Address"</dt><dd class="pre">{if c.address.is_empty() { "—".into() } else { c.address }}</dd></div>
                <div><dt>"Notes"</dt><dd class="pre">{if c.notes.is_empty() { "—".into() } else { c.notes }}</dd></div>
            </dl>
        }
    })
}

#[component]
fn ClientInvoices(client_id: String) -> impl IntoView {
    let app = use_app();
    let id = StoredValue::new(client_id);
    move || {
        let today = today();
        app.ledger.with(|l| {
            let client_id = id.get_value();
            let invoices: Vec<_> = l.invoices_of(&client_id).collect();
            if invoices.is_empty() {
                return view! {
                    <EmptyState title="No invoices yet">
                        <p>"Add the invoices you sent this client with " <strong>"Add invoice"</strong> "."</p>
                    </EmptyState>
                }
                .into_any();
            }
            let rows = invoices
                .into_iter()
                .map(|invoice| {
                    let summary = l.summary(invoice, today);
                    view! {
                        <tr>
                            <td><a href=format!("/invoices/{}", invoice.id)>{invoice.number.clone()}</a></td>
                            <td>{format_date(invoice.due_date)}</td>
                            <td class="num">{format_money(invoice.amount.value(), &invoice.currency)}</td>
                            <td class="num">{format_money(summary.outstanding, &invoice.currency)}</td>
                            <td><StatusBadge status=summary.status />{invoice.disputed.then_some(view! { <span class="tag warn">"disputed"</span> })}</td>
                            <td>{(summary.outstanding > rust_decimal::Decimal::ZERO).then(|| view! {
                                <a href=format!("/invoices/{}#letter", invoice.id) aria-label=format!("Draft a letter about invoice {}", invoice.number)>"Draft letter"</a>
                            })}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <div class="table-wrap">
                    <table>
                        <thead><tr><th scope="col">"Number"</th><th scope="col">"Due"</th><th scope="col" class="num">"Amount"</th><th scope="col" class="num">"Outstanding"</th><th scope="col">"Status"</th><th scope="col"><span class="sr-only">"Letters"</span></th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
            .into_any()
        })
    }
}

#[component]
fn Timeline(client_id: String) -> impl IntoView {
    let app = use_app();
    let form = RwSignal::new(ActivityForm::new(&client_id, today()));
    let error = RwSignal::new(None::<FieldError>);
    let id = StoredValue::new(client_id);
    let kinds = Signal::derive(|| {
        [
            (activity_kind::NOTE, "Note"),
            (activity_kind::CALL, "Phone call"),
            (activity_kind::PROMISE, "Promise to pay"),
            (activity_kind::LETTER, "Letter or e-mail sent"),
        ]
        .iter()
        .map(|(v, l)| (v.to_string(), l.to_string()))
        .collect::<Vec<_>>()
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match form
            .get_untracked()
            .parse()
            .and_then(|a| app.commit(|l, ids| l.add_activity(a, ids)))
        {
            Ok(_) => {
                error.set(None);
                form.update(|f| f.summary.clear());
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let entries = move || {
        app.ledger.with(|l| {
            let activities = l.activities_of(&id.get_value());
            if activities.is_empty() {
                return view! { <p class="muted">"Nothing logged yet. Record calls, promises and letters here so the history is documented."</p> }.into_any();
            }
            view! {
                <ol class="timeline">
                    {activities.into_iter().map(|a| view! {
                        <li>
                            <time datetime=a.date.to_string()>{format_date(a.date)}</time>
                            <span class="tag">{a.kind.clone()}</span>
                            <span>{a.summary.clone()}</span>
                        </li>
                    }).collect_view()}
                </ol>
            }
            .into_any()
        })
    };
    view! {
        <form class="card form inline-form" on:submit=submit novalidate>
            <Input form error form_id="activity" field="date" label="Date" kind="date"
                get=|f: &ActivityForm| f.date.clone() set=|f, v| f.date = v />
            <Picker form error form_id="activity" field="kind" label="Kind" options=kinds
                get=|f: &ActivityForm| f.kind.clone() set=|f, v| f.kind = v />
            <Input form error form_id="activity" field="summary" label="What happened"
                get=|f: &ActivityForm| f.summary.clone() set=|f, v| f.summary = v />
            <FormErrors error />
            <div class="actions"><button type="submit">"Add to timeline"</button></div>
        </form>
        {entries}
    }
}
