//! `/settings`: the business profile.

use crate::core::currency::Currency;
use crate::core::error::FieldError;
use crate::core::forms::BusinessForm;
use crate::core::model::RuleKind;
use crate::ui::components::{FormErrors, Input, Picker, TextArea};
use crate::ui::pages::settings_sections::{AgingSettings, RateTables};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The settings page.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let app = use_app();
    let form = RwSignal::new(
        app.ledger
            .with_untracked(|l| BusinessForm::from_record(&l.business)),
    );
    let error = RwSignal::new(None::<FieldError>);
    let saved = RwSignal::new(false);
    let rules = Signal::derive(|| {
        RuleKind::ALL
            .iter()
            .map(|r| (r.id().to_string(), r.label().to_string()))
            .collect::<Vec<_>>()
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let outcome = form.get_untracked().parse().and_then(|business| {
            app.commit(|l, _| {
                l.business = business;
                Ok(())
            })
        });
        saved.set(outcome.is_ok());
        error.set(outcome.err());
    };
    view! {
        <h1>"Settings"</h1>
        <section aria-labelledby="profile-heading">
            <h2 id="profile-heading">"Business profile"</h2>
            <p class="muted">"Letters are written from these details."</p>
            <form class="card form" on:submit=submit novalidate>
                <div class="grid2">
                    <Input form error form_id="business" field="name" label="Business name" required=true
                        get=|f: &BusinessForm| f.name.clone() set=|f, v| f.name = v />
                    <Input form error form_id="business" field="email" label="E-mail" kind="email"
                        get=|f: &BusinessForm| f.email.clone() set=|f, v| f.email = v />
                    <Input form error form_id="business" field="default_currency" label="Default currency" list="setting-currencies"
                        get=|f: &BusinessForm| f.default_currency.clone() set=|f, v| f.default_currency = v.to_uppercase() />
                    <Picker form error form_id="business" field="interest_rule" label="Default late-payment interest" options=rules
                        get=|f: &BusinessForm| f.interest_rule.clone() set=|f, v| f.interest_rule = v />
                </div>
                <datalist id="setting-currencies">
                    {Currency::all().map(|code| view! { <option value=code></option> }).collect_view()}
                </datalist>
                <TextArea form form_id="business" field="address" label="Postal address"
                    get=|f: &BusinessForm| f.address.clone() set=|f, v| f.address = v />
                <TextArea form form_id="business" field="signature" label="Letter sign-off"
                    get=|f: &BusinessForm| f.signature.clone() set=|f, v| f.signature = v />
                <FormErrors error />
                <div class="actions">
                    <button type="submit" class="primary">"Save profile"</button>
                    <span class="saved" role="status">{move || saved.get().then_some("Saved.")}</span>
                </div>
            </form>
        </section>
        <section aria-labelledby="aging-settings-heading">
            <h2 id="aging-settings-heading">"Aging and reminders"</h2>
            <AgingSettings />
        </section>
        <section aria-labelledby="rates-heading">
            <h2 id="rates-heading">"Interest reference rates"</h2>
            <p class="muted">"Statutory interest uses these central-bank rates, shipped with the app. When a bank changes its rate, add the new row here; it is saved with your data."</p>
            <RateTables />
            <p class="note legal">"This is a calculation aid, not legal advice."</p>
        </section>
    }
}
