//! Editors shared by several pages: the client form, the invoice form and the payment form.

use crate::core::currency::Currency;
use crate::core::drafts::EditForm;
use crate::core::error::FieldError;
use crate::core::forms::{ClientForm, InvoiceForm, PaymentForm};
use crate::core::model::RuleKind;
use crate::ui::browser::today;
use crate::ui::components::{
    Checkbox, Draft, FormErrors, Input, InputKind, Picker, RecordChanged, TextArea,
};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// Creates or edits a client; `on_saved` receives the id. Given the stored client as `latest`,
/// the form keeps what is typed when that client changes, and says so.
#[component]
pub fn ClientEditor(
    initial: ClientForm,
    #[prop(into)] submit_label: String,
    /// The client as stored now, for an edit form.
    #[prop(optional, into)]
    latest: Option<Signal<Option<ClientForm>>>,
    on_saved: impl Fn(String) + Send + Sync + 'static,
    #[prop(optional, into)] on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let app = use_app();
    let draft = Draft::new(initial.clone());
    let (form, error) = (draft.form, draft.error);
    let watch = changes_of(latest, &initial, form);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        let saved = draft.submit(&ev, |typed: &ClientForm| {
            let client = typed.parse()?;
            app.commit(|ledger, ids| ledger.save_client(client, ids))
        });
        if let Some(id) = saved {
            if initial.id.is_empty() {
                form.set(ClientForm::default());
            }
            on_saved(id);
        }
    };
    view! {
        {watch}
        <form class="card form" on:submit=submit novalidate>
            <div class="grid2">
                <Input form error form_id="client" field="name" label="Name" required=true
                    get=|f: &ClientForm| f.name.clone() set=|f, v| f.name = v />
                <Input form error form_id="client" field="contact" label="Contact person"
                    get=|f: &ClientForm| f.contact.clone() set=|f, v| f.contact = v />
                <Input form error form_id="client" field="email" label="E-mail" kind="email"
                    get=|f: &ClientForm| f.email.clone() set=|f, v| f.email = v />
            </div>
            <TextArea form form_id="client" field="address" label="Postal address"
                get=|f: &ClientForm| f.address.clone() set=|f, v| f.address = v />
            <TextArea form form_id="client" field="notes" label="Notes"
                get=|f: &ClientForm| f.notes.clone() set=|f, v| f.notes = v />
            <Checkbox form form_id="client" field="consumer" label="This client is a consumer, not a business"
                hint="Business-to-business late-payment interest (UK, EU, DE, FR) does not apply to consumers."
                get=|f: &ClientForm| f.consumer set=|f, v| f.consumer = v />
            <FormErrors error />
            <div class="actions">
                <button type="submit" class="primary">{submit_label}</button>
                {on_cancel.map(|cancel| view! {
                    <button type="button" on:click=move |_| cancel.run(())>"Cancel"</button>
                })}
            </div>
        </form>
    }
}

/// Creates or edits an invoice; `on_saved` receives the id. Given the stored invoice as
/// `latest`, the form keeps what is typed when that invoice changes, and says so.
#[component]
pub fn InvoiceEditor(
    initial: InvoiceForm,
    #[prop(into)] submit_label: String,
    /// The invoice as stored now, for an edit form.
    #[prop(optional, into)]
    latest: Option<Signal<Option<InvoiceForm>>>,
    /// Show the client picker (false when the client is fixed by the page).
    #[prop(optional)]
    choose_client: bool,
    on_saved: impl Fn(String) + Send + Sync + 'static,
    #[prop(optional, into)] on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let app = use_app();
    let draft = Draft::new(initial.clone());
    let (form, error) = (draft.form, draft.error);
    let watch = changes_of(latest, &initial, form);
    let clients = Signal::derive(move || {
        let mut options = vec![(String::new(), "Choose a client…".to_string())];
        app.ledger.with(|books| {
            options.extend(
                books
                    .clients
                    .iter()
                    .map(|client| (client.id.clone(), client.name.clone())),
            )
        });
        options
    });
    let rules = Signal::derive(move || {
        let default = app
            .ledger
            .with(|books| books.business.interest_rule.label());
        let mut options = vec![(String::new(), format!("Business default ({default})"))];
        options.extend(
            RuleKind::ALL
                .iter()
                .map(|rule| (rule.id().to_string(), rule.label().to_string())),
        );
        options
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        let saved = draft.submit(&ev, |typed: &InvoiceForm| {
            let invoice = typed.parse()?;
            app.commit(|ledger, ids| ledger.save_invoice(invoice, ids))
        });
        if let Some(id) = saved {
            if initial.id.is_empty() {
                form.update(InvoiceForm::clear_for_next);
            }
            on_saved(id);
        }
    };
    view! {
        {watch}
        <form class="card form" on:submit=submit novalidate>
            <div class="grid3">
                {choose_client.then(|| view! {
                    <Picker form error form_id="invoice" field="client_id" label="Client" options=clients
                        get=|f: &InvoiceForm| f.client_id.clone() set=|f, v| f.client_id = v />
                })}
                <Input form error form_id="invoice" field="number" label="Invoice number" required=true
                    get=|f: &InvoiceForm| f.number.clone() set=|f, v| f.number = v />
                <Input form error form_id="invoice" field="amount" label="Amount" required=true hint="For example 1,250.00" kind=InputKind::Amount
                    get=|f: &InvoiceForm| f.amount.clone() set=|f, v| f.amount = v />
                <Input form error form_id="invoice" field="currency" label="Currency" list="currencies" hint="ISO code, such as GBP or EUR"
                    get=|f: &InvoiceForm| f.currency.clone() set=|f, v| f.currency = v.to_uppercase() />
                <Input form error form_id="invoice" field="issue_date" label="Issue date" kind="date" required=true
                    get=|f: &InvoiceForm| f.issue_date.clone() set=|f, v| f.issue_date = v />
                <Input form error form_id="invoice" field="due_date" label="Due date" kind="date" required=true
                    get=|f: &InvoiceForm| f.due_date.clone() set=|f, v| f.due_date = v />
            </div>
            <datalist id="currencies">
                {Currency::all().map(|code| view! { <option value=code></option> }).collect_view()}
            </datalist>
            <Input form error form_id="invoice" field="description" label="Description"
                get=|f: &InvoiceForm| f.description.clone() set=|f, v| f.description = v />
            <div class="grid3">
                <Picker form error form_id="invoice" field="interest_rule" label="Late-payment interest" options=rules
                    get=|f: &InvoiceForm| f.interest_rule.clone() set=|f, v| f.interest_rule = v />
                <Show when=move || form.with(InvoiceForm::uses_contract_terms)>
                    <Input form error form_id="invoice" field="annual_rate" label="Contract rate (% a year)" kind=InputKind::Percent
                        get=|f: &InvoiceForm| f.annual_rate.clone() set=|f, v| f.annual_rate = v />
                    <Input form error form_id="invoice" field="flat_fee" label="Flat late fee (optional)" kind=InputKind::Amount
                        get=|f: &InvoiceForm| f.flat_fee.clone() set=|f, v| f.flat_fee = v />
                </Show>
            </div>
            <FormErrors error />
            <div class="actions">
                <button type="submit" class="primary">{submit_label}</button>
                {on_cancel.map(|cancel| view! {
                    <button type="button" on:click=move |_| cancel.run(())>"Cancel"</button>
                })}
            </div>
        </form>
    }
}

/// The record-changed notice of an edit form, when it is given the stored record.
fn changes_of<F: EditForm + Send + Sync + 'static>(
    latest: Option<Signal<Option<F>>>,
    initial: &F,
    typed: RwSignal<F>,
) -> Option<impl IntoView> {
    let opened = RwSignal::new(initial.clone());
    latest.map(|latest| view! { <RecordChanged opened typed latest /> })
}

/// Records a new payment, or edits one; `on_saved` runs after core accepted it. A new-payment
/// form starts again, dated today, for the next one.
#[component]
pub fn PaymentEditor(
    initial: PaymentForm,
    #[prop(into)] heading: String,
    #[prop(optional, into)] on_saved: Option<Callback<()>>,
    #[prop(optional, into)] on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let app = use_app();
    let draft = Draft::new(initial.clone());
    let (form, error) = (draft.form, draft.error);
    let overpayment = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        let confirmed = overpayment.get_untracked();
        let saved = draft.submit(&ev, |typed: &PaymentForm| {
            let payment = typed.parse()?;
            app.commit(|ledger, ids| ledger.save_payment(payment, confirmed, ids))
        });
        if saved.is_some() {
            overpayment.set(false);
            if initial.id.is_empty() {
                form.set(PaymentForm::new(&initial.invoice_id, today()));
            }
            if let Some(saved) = on_saved {
                saved.run(());
            }
        }
    };
    let is_overpayment = move || matches!(error.get(), Some(FieldError::Overpayment { .. }));
    let date_warning = move || form.with(|typed| typed.date_warning(today()));
    view! {
        <h3>{heading}</h3>
        <form class="card form inline-form" on:submit=submit novalidate>
            <Input form error form_id="payment" field="date" label="Date received" kind="date" required=true testid="payment-date"
                get=|f: &PaymentForm| f.date.clone() set=|f, v| f.date = v />
            <Input form error form_id="payment" field="amount" label="Amount received" required=true testid="payment-amount" kind=InputKind::Amount
                get=|f: &PaymentForm| f.amount.clone() set=|f, v| f.amount = v />
            <Input form error form_id="payment" field="method" label="Method"
                get=|f: &PaymentForm| f.method.clone() set=|f, v| f.method = v />
            <Input form error form_id="payment" field="note" label="Note"
                get=|f: &PaymentForm| f.note.clone() set=|f, v| f.note = v />
            {move || date_warning().map(|warning| view! { <p class="note changed future-date" role="status" data-testid="payment-future">{warning}</p> })}
            <Show when=is_overpayment>
                <div class="field check">
                    <input type="checkbox" id="payment-overpayment" prop:checked=move || overpayment.get()
                        on:change=move |ev| overpayment.set(event_target_checked(&ev)) />
                    <label for="payment-overpayment">"Yes, record it as an overpayment (the excess shows as credit)"</label>
                </div>
            </Show>
            <FormErrors error />
            <div class="actions">
                <button type="submit" class="primary" data-testid="payment-save">"Save payment"</button>
                {on_cancel.map(|cancel| view! {
                    <button type="button" on:click=move |_| cancel.run(())>"Cancel"</button>
                })}
            </div>
        </form>
    }
}
