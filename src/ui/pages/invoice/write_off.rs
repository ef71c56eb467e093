//! Writing off an invoice's balance, with a reason, and reopening it.

use crate::ui::browser::today;
use crate::ui::components::{Draft, FormErrors, Input};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The write-off state, or the form to write the balance off.
#[component]
pub fn WriteOffPanel(
    invoice_id: String,
    written_off: Memo<Option<Option<String>>>,
) -> impl IntoView {
    let app = use_app();
    let id = StoredValue::new(invoice_id);
    let reopen = move |_| {
        let _ = app.commit(|ledger, _| ledger.undo_write_off(&id.get_value()));
    };
    move || match written_off.get().flatten() {
        Some(sentence) => view! {
            <p class="card">{sentence} " " <button on:click=reopen>"Reopen invoice"</button></p>
        }
        .into_any(),
        None => view! { <WriteOffForm invoice_id=id.get_value() /> }.into_any(),
    }
}

#[component]
fn WriteOffForm(invoice_id: String) -> impl IntoView {
    let app = use_app();
    let draft = Draft::new(String::new());
    let (form, error) = (draft.form, draft.error);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        draft.submit(&ev, |reason: &String| {
            app.commit(|ledger, ids| ledger.write_off(&invoice_id, today(), reason, ids))
        });
    };
    view! {
        <form class="card form write-off" on:submit=submit novalidate>
            <Input form error form_id="write-off" field="reason" label="Reason for writing off the balance"
                get=|reason: &String| reason.clone() set=|reason, typed| *reason = typed />
            <FormErrors error />
            <div class="actions"><button type="submit">"Write off"</button></div>
        </form>
    }
}
