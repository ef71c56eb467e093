//! The shipped reference-rate tables with the rows the user added, each with its source, and
//! the form to add a rate a bank announced after the app shipped.

use crate::core::error::FieldError;
use crate::core::forms::RateRowForm;
use crate::core::views::settings::{RateLine, SettingsPage};
use crate::ui::components::{Draft, FormErrors, Input, InputKind, Picker};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// Every table's latest rows, and the form to add one.
#[component]
pub fn RateTables(page: Memo<SettingsPage>) -> impl IntoView {
    let draft = Draft::new(RateRowForm::default());
    let tables = page.with_untracked(|page| page.rate_tables.len());
    view! {
        <div class="rate-tables">
            {(0..tables).map(|index| view! { <RateTableCard page index error=draft.error /> }).collect_view()}
        </div>
        <AddRate page draft />
    }
}

/// One table: its name, publisher and latest rows, newest first.
#[component]
fn RateTableCard(
    page: Memo<SettingsPage>,
    /// Its place in the page's tables.
    index: usize,
    /// Where a failed removal is reported (under the add form).
    error: RwSignal<Option<FieldError>>,
) -> impl IntoView {
    let (name, provenance) = page.with_untracked(|page| {
        let table = &page.rate_tables[index];
        (table.name, table.provenance.clone())
    });
    let rows = move || page.with(|page| page.rate_tables[index].rows.clone());
    view! {
        <div class="card rate-table">
            <h3>{name}</h3>
            <p class="hint">{provenance}</p>
            <div class="table-wrap">
                <table>
                    <caption class="sr-only">{format!("Latest rows of the {name}")}</caption>
                    <thead><tr>
                        <th scope="col">"In force from"</th>
                        <th scope="col" class="num">"Rate"</th>
                        <th scope="col">"Source"</th>
                        <th scope="col"><span class="sr-only">"Actions"</span></th>
                    </tr></thead>
                    <tbody>
                        <For each=rows key=|line| line.clone() let:line>
                            <RateRowLine line error />
                        </For>
                    </tbody>
                </table>
            </div>
        </div>
    }
}

/// One rate, with a remove button when the user added it.
#[component]
fn RateRowLine(line: RateLine, error: RwSignal<Option<FieldError>>) -> impl IntoView {
    let app = use_app();
    let (table, from) = (line.table, line.from);
    let added_by_user = line.remove_label.is_some();
    let remove = line.remove_label.map(|label| {
        let remove = move |_| {
            let removed = app.commit(|ledger, _| ledger.remove_rate_row(table, from));
            error.set(removed.err());
        };
        view! { <button class="link danger" aria-label=label on:click=remove>"Remove"</button> }
    });
    view! {
        <tr class:user-rate=added_by_user>
            <td class="date">{line.from_text}</td>
            <td class="num">{line.rate}</td>
            <td class="source">{line.source}</td>
            <td class="row-actions">{remove}</td>
        </tr>
    }
}

/// Adds a rate to a table; a date the table already has is refused.
#[component]
fn AddRate(page: Memo<SettingsPage>, draft: Draft<RateRowForm>) -> impl IntoView {
    let app = use_app();
    let (form, error) = (draft.form, draft.error);
    let tables = Signal::derive(move || page.with(|page| page.rate_table_choices.clone()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        let added = draft.submit(&ev, |typed: &RateRowForm| {
            let row = typed.parse()?;
            app.commit(|ledger, _| ledger.add_rate_row(row))
        });
        if added.is_some() {
            form.update(RateRowForm::clear_for_next);
        }
    };
    view! {
        <form class="card form inline-form add-rate" on:submit=submit novalidate aria-labelledby="add-rate-heading">
            <h3 id="add-rate-heading">"Add a rate a bank announced"</h3>
            <Picker form error form_id="rate" field="table" label="Table" options=tables
                get=|typed: &RateRowForm| typed.table.clone() set=|typed, value| typed.table = value />
            <Input form error form_id="rate" field="from" label="In force from" kind=InputKind::Date
                get=|typed: &RateRowForm| typed.from.clone() set=|typed, value| typed.from = value />
            <Input form error form_id="rate" field="rate" label="Rate (% a year)" kind=InputKind::Percent
                get=|typed: &RateRowForm| typed.rate.clone() set=|typed, value| typed.rate = value />
            <FormErrors error />
            <div class="actions"><button type="submit">"Add rate"</button></div>
        </form>
    }
}
