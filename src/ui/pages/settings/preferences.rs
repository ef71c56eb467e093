//! How invoices are aged, when to remind about an unexported backup, and the grace after a
//! promised date.

use crate::core::forms::PreferencesForm;
use crate::ui::components::{Checkbox, Draft, FormErrors, Input, InputKind};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// Bucket edges, the aging basis, the backup reminder and the promise grace period.
#[component]
pub fn Preferences() -> impl IntoView {
    let app = use_app();
    let draft = Draft::new(
        app.ledger
            .with_untracked(|books| PreferencesForm::from_settings(&books.settings)),
    );
    let (form, error) = (draft.form, draft.error);
    let saved = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        let outcome = draft.submit(&ev, |typed: &PreferencesForm| {
            app.commit(|ledger, _| {
                ledger.settings = typed.apply(&ledger.settings)?;
                Ok(())
            })
        });
        saved.set(outcome.is_some());
    };
    view! {
        <form class="card form" on:submit=submit novalidate>
            <Input form error form_id="aging" field="bucket_edges" label="Bucket edges (days overdue)"
                hint="Comma-separated upper edges, such as 30, 60, 90, 120 or 15, 30, 45, 60."
                get=|typed: &PreferencesForm| typed.bucket_edges.clone() set=|typed, value| typed.bucket_edges = value />
            <Input form error form_id="aging" field="backup_reminder_days" label="Remind me to export a backup after (days)" kind=InputKind::WholeNumber
                hint="Counted from the first change that is not in an exported backup."
                get=|typed: &PreferencesForm| typed.backup_reminder_days.clone() set=|typed, value| typed.backup_reminder_days = value />
            <Input form error form_id="aging" field="promise_grace_days" label="Grace after a promised date (days)" kind=InputKind::WholeNumber
                hint="A promise to pay still unpaid this many days after its date counts as broken, and the invoice is chased again."
                get=|typed: &PreferencesForm| typed.promise_grace_days.clone() set=|typed, value| typed.promise_grace_days = value />
            <Checkbox form form_id="aging" field="age_by_issue_date" label="Age invoices from their issue date instead of their due date"
                get=|typed: &PreferencesForm| typed.age_by_issue_date set=|typed, value| typed.age_by_issue_date = value />
            <FormErrors error />
            <div class="actions">
                <button type="submit" class="primary">"Save preferences"</button>
                <span class="saved" role="status">{move || saved.get().then_some("Saved.")}</span>
            </div>
        </form>
    }
}
