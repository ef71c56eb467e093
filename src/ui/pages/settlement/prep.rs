//! The negotiation prep sheet: the goal, the walk-away floor, the alternatives and what the
//! client said; saved with the client and printable as a brief.

use crate::core::model::PrepSheet;
use crate::core::views::settlement::{goal_options, Planner};
use crate::ui::browser::print;
use crate::ui::components::{Draft, FormErrors, Input, InputKind, Picker, TextArea};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The prep sheet form.
#[component]
pub(super) fn PrepSheetForm(planner: Memo<Planner>) -> impl IntoView {
    let app = use_app();
    let draft = Draft::new(planner.with_untracked(|page| page.prep_sheet.clone()));
    let (sheet, error) = (draft.form, draft.error);
    let saved = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        let outcome = draft.submit(&ev, |typed: &PrepSheet| {
            app.commit(|ledger, _| ledger.save_prep_sheet(typed.clone()))
        });
        saved.set(outcome.is_some());
    };
    let goals = Signal::derive(goal_options);
    view! {
        <section aria-labelledby="prep-heading" class="prep-sheet">
            <div class="section-head">
                <h2 id="prep-heading">"Negotiation prep sheet"</h2>
                <button type="button" on:click=move |_| print()>"Print the brief"</button>
            </div>
            <form class="card form" on:submit=submit novalidate>
                <p class="prep-claim">"Claim: " {move || planner.with(|page| page.figures.claim.clone())}</p>
                <div class="grid2">
                    <Picker form=sheet error form_id="prep" field="goal" label="Goal" options=goals get=|typed: &PrepSheet| typed.goal.clone() set=|typed, text| typed.goal = text />
                    <Input form=sheet error form_id="prep" field="floor" label="Walk-away floor" kind=InputKind::Amount get=|typed: &PrepSheet| typed.floor.clone() set=|typed, text| typed.floor = text />
                </div>
                <TextArea form=sheet form_id="prep" field="alternatives" label="Alternatives I will offer" get=|typed: &PrepSheet| typed.alternatives.clone() set=|typed, text| typed.alternatives = text />
                <TextArea form=sheet form_id="prep" field="notes" label="What the client told me" get=|typed: &PrepSheet| typed.notes.clone() set=|typed, text| typed.notes = text />
                <FormErrors error />
                <div class="actions">
                    <button type="submit">"Save the prep sheet"</button>
                    <span class="saved" role="status">{move || saved.get().then_some("Saved.")}</span>
                </div>
            </form>
            <p class="hint">"Listen first, then propose; set a deadline and confirm any agreement in writing."</p>
        </section>
    }
}
