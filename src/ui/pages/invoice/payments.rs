//! The payments of an invoice: one keyed row per payment, and the form that records the next
//! one or edits the one chosen.

use crate::core::forms::PaymentForm;
use crate::core::views::invoice::PaymentLine;
use crate::ui::browser::{confirm, today};
use crate::ui::editors::PaymentEditor;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The payments table and the payment form.
#[component]
pub fn Payments(invoice_id: String, lines: Memo<Option<Vec<PaymentLine>>>) -> impl IntoView {
    let id = StoredValue::new(invoice_id);
    let editing = RwSignal::new(None::<PaymentForm>);
    let lines = Memo::new(move |_| lines.get().unwrap_or_default());
    view! {
        <Show when=move || !lines.with(Vec::is_empty)
            fallback=|| view! { <p class="muted">"No payments recorded yet."</p> }>
            <div class="table-wrap">
                <table class="payments stack">
                    <caption class="sr-only">"Payments received"</caption>
                    <thead><tr>
                        <th scope="col">"Date"</th><th scope="col" class="num">"Amount"</th><th scope="col">"Method"</th>
                        <th scope="col">"Note"</th><th scope="col"><span class="sr-only">"Actions"</span></th>
                    </tr></thead>
                    <tbody>
                        <For each=move || lines.get() key=|line| line.clone() let:line>
                            <PaymentRow line editing />
                        </For>
                    </tbody>
                </table>
            </div>
        </Show>
        {move || match editing.get() {
            Some(form) => view! {
                <PaymentEditor initial=form heading="Edit payment"
                    on_saved=move || editing.set(None) on_cancel=move || editing.set(None) />
            }
            .into_any(),
            None => view! {
                <PaymentEditor initial=PaymentForm::new(&id.get_value(), today()) heading="Record a payment" />
            }
            .into_any(),
        }}
    }
}

#[component]
fn PaymentRow(line: PaymentLine, editing: RwSignal<Option<PaymentForm>>) -> impl IntoView {
    let app = use_app();
    let payment_id = StoredValue::new(line.id);
    let edit = move |_| {
        let form = app.ledger.with_untracked(|books| {
            books
                .payment(&payment_id.get_value())
                .map(PaymentForm::from_record)
        });
        editing.set(form);
    };
    let delete = move |_| {
        if confirm("Delete this payment?") {
            let _ = app.commit(|ledger, _| ledger.delete_payment(&payment_id.get_value()));
        }
    };
    view! {
        <tr data-testid="payment-row">
            <td data-label="Date">{line.date}{line.future.then_some(view! { " " <span class="tag warn">"future"</span> })}</td>
            <td class="num" data-label="Amount">{line.amount}</td>
            <td data-label="Method">{line.method}</td>
            <td data-label="Note">{line.note}</td>
            <td class="row-actions">
                <button class="link" aria-label=line.edit_label on:click=edit>"Edit"</button>
                <button class="link danger" aria-label=line.delete_label on:click=delete>"Delete"</button>
            </td>
        </tr>
    }
}
