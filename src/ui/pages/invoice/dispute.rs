//! The dispute of an invoice: the open (or last resolved) dispute with its outcome, the form
//! that opens one and the form that resolves it.

use crate::core::case::forms::{DisputeForm, ResolutionForm};
use crate::core::views::case::{CasePanel, DisputeView};
use crate::ui::browser::today;
use crate::ui::components::{Draft, FormErrors, Input, InputKind, Picker};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The dispute shown, then the form that resolves it (while open) or opens a new one.
#[component]
pub fn DisputePanel(invoice_id: String, case: Memo<Option<CasePanel>>) -> impl IntoView {
    let id = StoredValue::new(invoice_id);
    let dispute = Memo::new(move |_| case.with(|c| c.as_ref().and_then(|c| c.dispute.clone())));
    let can_open =
        Memo::new(move |_| case.with(|c| c.as_ref().is_some_and(|c| c.can_open_dispute)));
    view! {
        {move || dispute.get().map(|dispute| view! { <DisputeCard dispute case /> })}
        <Show when=move || can_open.get() fallback=|| ()>
            <OpenDispute invoice_id=id.get_value() />
        </Show>
    }
}

#[component]
fn DisputeCard(dispute: DisputeView, case: Memo<Option<CasePanel>>) -> impl IntoView {
    let open = dispute.state == "open";
    let id = dispute.id.clone();
    view! {
        <div class="card dispute" data-testid="dispute" data-state=dispute.state>
            <p><span class=if open { "tag warn" } else { "tag" }>{if open { "Open" } else { "Resolved" }}</span>" "{dispute.summary}</p>
            <p class="meta">{dispute.part}</p>
            {(!dispute.notes.is_empty()).then(|| view! { <p class="meta">{dispute.notes}</p> })}
            {dispute.outcome.map(|outcome| view! { <p>{outcome}</p> })}
            {dispute.settlement_href.map(|href| view! {
                <p><a class="button" href=href data-testid="dispute-settlement">"Open the settlement planner"</a></p>
            })}
            {dispute.response_template.map(|template| view! {
                <p class="hint" data-testid="dispute-response" data-template=template>
                    "Tell the client: draft the “Dispute response” letter (template " <code>{template}</code> ") under Letters below."
                </p>
            })}
            {open.then(|| view! { <ResolveDispute dispute_id=id case /> })}
        </div>
    }
}

#[component]
fn OpenDispute(invoice_id: String) -> impl IntoView {
    let app = use_app();
    let initial = DisputeForm::new(&invoice_id, today());
    let draft = Draft::new(initial.clone());
    let (form, error) = (draft.form, draft.error);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        let saved = draft.submit(&ev, |typed: &DisputeForm| {
            let dispute = typed.parse()?;
            app.commit(|ledger, ids| ledger.open_dispute(dispute, ids))
        });
        if saved.is_some() {
            form.set(DisputeForm::new(&initial.invoice_id, today()));
        }
    };
    view! {
        <form class="card form" on:submit=submit novalidate aria-label="Open a dispute">
            <Input form error form_id="dispute" field="reason" label="What the client disputes" required=true testid="dispute-reason"
                get=|f: &DisputeForm| f.reason.clone() set=|f, v| f.reason = v />
            <div class="grid2">
                <Input form error form_id="dispute" field="amount" label="Disputed amount" kind=InputKind::Amount
                    hint="Leave empty when the whole invoice is disputed."
                    get=|f: &DisputeForm| f.amount.clone() set=|f, v| f.amount = v />
                <Input form error form_id="dispute" field="opened_on" label="Raised on" kind="date" required=true
                    get=|f: &DisputeForm| f.opened_on.clone() set=|f, v| f.opened_on = v />
            </div>
            <Input form error form_id="dispute" field="notes" label="Notes"
                get=|f: &DisputeForm| f.notes.clone() set=|f, v| f.notes = v />
            <FormErrors error />
            <div class="actions"><button type="submit" data-testid="dispute-open">"Open dispute"</button></div>
        </form>
    }
}

#[component]
fn ResolveDispute(dispute_id: String, case: Memo<Option<CasePanel>>) -> impl IntoView {
    let app = use_app();
    let id = StoredValue::new(dispute_id);
    let draft = Draft::new(ResolutionForm::new(today()));
    let (form, error) = (draft.form, draft.error);
    let outcomes = Signal::derive(move || {
        let mut options = vec![(String::new(), "Choose the outcome…".to_string())];
        case.with(|c| {
            options.extend(c.iter().flat_map(|c| {
                c.outcomes
                    .iter()
                    .map(|(id, label)| (id.to_string(), label.to_string()))
            }))
        });
        options
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        draft.submit(&ev, |typed: &ResolutionForm| {
            let resolution = typed.parse()?;
            app.commit(|ledger, ids| ledger.resolve_dispute(&id.get_value(), resolution, ids))
        });
    };
    view! {
        <form class="form resolve" on:submit=submit novalidate aria-label="Resolve the dispute">
            <div class="grid2">
                <Picker form error form_id="resolve" field="outcome" label="Outcome" options=outcomes testid="dispute-outcome"
                    get=|f: &ResolutionForm| f.outcome.clone() set=|f, v| f.outcome = v />
                <Input form error form_id="resolve" field="resolution" label="Resolved on" kind="date" required=true
                    get=|f: &ResolutionForm| f.date.clone() set=|f, v| f.date = v />
            </div>
            <Input form error form_id="resolve" field="note" label="What was decided"
                get=|f: &ResolutionForm| f.note.clone() set=|f, v| f.note = v />
            <FormErrors error />
            <div class="actions"><button type="submit" data-testid="dispute-resolve">"Resolve dispute"</button></div>
        </form>
    }
}
