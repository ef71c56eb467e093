//! The business profile letters are written from.

use crate::core::currency::Currency;
use crate::core::forms::BusinessForm;
use crate::core::views::settings::SettingsPage;
use crate::ui::components::{Draft, FormErrors, Input, InputKind, Picker, TextArea};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The profile form: name, e-mail, default currency and interest rule, address, sign-off.
#[component]
pub fn BusinessProfile(page: Memo<SettingsPage>) -> impl IntoView {
    let app = use_app();
    let draft = Draft::new(
        app.ledger
            .with_untracked(|books| BusinessForm::from_record(&books.business)),
    );
    let (form, error) = (draft.form, draft.error);
    let saved = RwSignal::new(false);
    let rules = Signal::derive(move || page.with(|page| page.interest_rules.clone()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        let outcome = draft.submit(&ev, |typed: &BusinessForm| {
            let business = typed.parse()?;
            app.commit(|ledger, _| {
                ledger.business = business;
                Ok(())
            })
        });
        saved.set(outcome.is_some());
    };
    view! {
        <form class="card form" on:submit=submit novalidate>
            <div class="grid2">
                <Input form error form_id="business" field="name" label="Business name" required=true
                    get=|typed: &BusinessForm| typed.name.clone() set=|typed, value| typed.name = value />
                <Input form error form_id="business" field="email" label="E-mail" kind=InputKind::Email
                    get=|typed: &BusinessForm| typed.email.clone() set=|typed, value| typed.email = value />
                <Input form error form_id="business" field="default_currency" label="Default currency" list="setting-currencies"
                    get=|typed: &BusinessForm| typed.default_currency.clone() set=|typed, value| typed.default_currency = value.to_uppercase() />
                <Picker form error form_id="business" field="interest_rule" label="Default late-payment interest" options=rules
                    get=|typed: &BusinessForm| typed.interest_rule.clone() set=|typed, value| typed.interest_rule = value />
            </div>
            <datalist id="setting-currencies">
                {Currency::all().map(|code| view! { <option value=code></option> }).collect_view()}
            </datalist>
            <TextArea form form_id="business" field="address" label="Postal address"
                get=|typed: &BusinessForm| typed.address.clone() set=|typed, value| typed.address = value />
            <TextArea form form_id="business" field="signature" label="Letter sign-off"
                get=|typed: &BusinessForm| typed.signature.clone() set=|typed, value| typed.signature = value />
            <FormErrors error />
            <div class="actions">
                <button type="submit" class="primary">"Save profile"</button>
                <span class="saved" role="status">{move || saved.get().then_some("Saved.")}</span>
            </div>
        </form>
    }
}
