//! Pausing the chasing of every invoice of a client until a date, with the pauses in force.

use crate::core::case::forms::PauseForm;
use crate::core::views::case::{client_pauses, PauseLine};
use crate::ui::browser::today;
use crate::ui::components::{Draft, FormErrors, Input};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The client's pauses in force (or to come), each with "End pause", and the pause form.
#[component]
pub fn ClientPause(client_id: String) -> impl IntoView {
    let app = use_app();
    let id = StoredValue::new(client_id);
    let pauses = Memo::new(move |_| {
        app.ledger
            .with(|books| client_pauses(books, &id.get_value(), today()))
    });
    let draft = Draft::new(PauseForm::new(&id.get_value(), "", today()));
    let (form, error) = (draft.form, draft.error);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        let saved = draft.submit(&ev, |typed: &PauseForm| {
            let pause = typed.parse()?;
            app.commit(|ledger, ids| ledger.pause_chasing(pause, ids))
        });
        if saved.is_some() {
            form.set(PauseForm::new(&id.get_value(), "", today()));
        }
    };
    view! {
        <section aria-labelledby="client-pause-heading">
            <h2 id="client-pause-heading">"Pause chasing this client"</h2>
            <p class="muted">"While paused, none of the client's invoices is in the chase queue; they return on the day chasing resumes."</p>
            <ul class="pauses">
                <For each=move || pauses.get() key=|line| line.clone() let:line>
                    <li><PauseCard line testid="client-pause" /></li>
                </For>
            </ul>
            <form class="card form" on:submit=submit novalidate aria-label="Pause chasing every invoice of this client">
                <div class="grid3">
                    <Input form error form_id="client-pause" field="from" label="From" kind="date" required=true
                        get=|f: &PauseForm| f.from.clone() set=|f, v| f.from = v />
                    <Input form error form_id="client-pause" field="until" label="Resume chasing on" kind="date" required=true testid="client-pause-until"
                        get=|f: &PauseForm| f.until.clone() set=|f, v| f.until = v />
                    <Input form error form_id="client-pause" field="reason" label="Reason" required=true hint="Such as \"client on leave\"."
                        get=|f: &PauseForm| f.reason.clone() set=|f, v| f.reason = v />
                </div>
                <FormErrors error />
                <div class="actions"><button type="submit" data-testid="client-pause-save">"Pause chasing"</button></div>
            </form>
        </section>
    }
}

/// A pause in force with its "End pause" button; `testid` marks it for automation.
#[component]
pub(crate) fn PauseCard(line: PauseLine, testid: &'static str) -> impl IntoView {
    let app = use_app();
    let pause_id = StoredValue::new(line.id);
    let status = RwSignal::new(None::<String>);
    let end = move |_| {
        let ended = app.commit(|ledger, _| ledger.end_pause(&pause_id.get_value(), today()));
        status.set(ended.err().map(|error| error.to_string()));
    };
    view! {
        <div class="card pause" data-testid=testid data-scope=if line.client_wide { "client" } else { "invoice" }>
            <p>{line.text}</p>
            <button data-testid="pause-end" on:click=end>"End pause"</button>
            <p class="error" role="status">{move || status.get()}</p>
        </div>
    }
}
