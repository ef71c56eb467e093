//! Should we settle: five questions and the case's age give a recommendation with reasons.

use crate::core::settlement::advice::{Question, Signals};
use crate::core::settlement::Case;
use crate::core::views::settlement::settle_advice;
use leptos::prelude::*;

/// The questions and the advice.
#[component]
pub(super) fn ShouldWeSettle(the_case: Memo<Case>) -> impl IntoView {
    let answers = RwSignal::new(Signals::default());
    let advice =
        Memo::new(move |_| settle_advice(answers.get(), the_case.with(|case| case.oldest_days)));
    view! {
        <section aria-labelledby="settle-heading">
            <h2 id="settle-heading">"Should we settle?"</h2>
            <div class="card questions">
                {Question::ALL.into_iter().map(|question| {
                    let id = format!("signal-{}", question.id());
                    view! {
                        <div class="field check">
                            <input type="checkbox" id=id.clone() prop:checked=move || answers.with(|given| given.answer(question))
                                on:change=move |ev| answers.update(|given| given.set(question, event_target_checked(&ev))) />
                            <label for=id>{question.text()}</label>
                        </div>
                    }
                }).collect_view()}
                <div class="advice" data-testid="settle-advice">
                    <strong>{move || advice.with(|advice| advice.label)}</strong>
                    <ul>{move || advice.with(|advice| advice.reasons.iter().map(|reason| view! { <li>{reason.clone()}</li> }).collect_view())}</ul>
                </div>
            </div>
        </section>
    }
}
