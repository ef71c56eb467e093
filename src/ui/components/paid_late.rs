//! The "Include interest on invoices paid late" checkbox of the letter view and the planner.

use crate::core::views::paid_late::PaidLateOption;
use leptos::prelude::*;

/// The option, shown only when the client has an invoice paid late with something to claim.
#[component]
pub fn PaidLateCheckbox(
    option: Signal<Option<PaidLateOption>>,
    checked: RwSignal<bool>,
) -> impl IntoView {
    move || {
        option.get().map(|option| {
            view! {
                <div class="field check paid-late">
                    <input type="checkbox" id="include-paid-late" data-testid="include-paid-late"
                        prop:checked=option.checked
                        on:change=move |ev| checked.set(event_target_checked(&ev)) />
                    <label for="include-paid-late">{option.label}</label>
                    <p class="hint">{option.hint}</p>
                </div>
            }
        })
    }
}
