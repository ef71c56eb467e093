//! `/settings` sections beyond the profile: aging buckets and reference-rate tables.

use crate::core::dates::format_date;
use crate::core::error::FieldError;
use crate::core::forms::{AgingForm, RateRowForm};
use crate::core::interest::rates::rows;
use crate::core::model::RateTableId;
use crate::ui::components::{Checkbox, FormErrors, Input, Picker};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// Bucket edges and the aging basis.
#[component]
pub fn AgingSettings() -> impl IntoView {
    let app = use_app();
    let form = RwSignal::new(
        app.ledger
            .with_untracked(|l| AgingForm::from_settings(&l.settings)),
    );
    let error = RwSignal::new(None::<FieldError>);
    let saved = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let outcome = app.commit(|l, _| {
            l.settings = form.get_untracked().apply(&l.settings)?;
            Ok(())
        });
        saved.set(outcome.is_ok());
        error.set(outcome.err());
    };
    view! {
        <form class="card form" on:submit=submit novalidate>
            <Input form error form_id="aging" field="bucket_edges" label="Bucket edges (days overdue)"
                hint="Comma-separated upper edges, such as 30, 60, 90, 120 or 15, 30, 45, 60."
                get=|f: &AgingForm| f.edges.clone() set=|f, v| f.edges = v />
            <Input form error form_id="aging" field="backup_reminder_days" label="Remind me to export a backup after (days)"
                hint="Counted from the first change that is not in an exported backup."
                get=|f: &AgingForm| f.backup_days.clone() set=|f, v| f.backup_days = v />
            <Checkbox form form_id="aging" field="by_issue_date" label="Age invoices from their issue date instead of their due date"
                get=|f: &AgingForm| f.by_issue_date set=|f, v| f.by_issue_date = v />
            <FormErrors error />
            <div class="actions">
                <button type="submit" class="primary">"Save preferences"</button>
                <span class="saved" role="status">{move || saved.get().then_some("Saved.")}</span>
            </div>
        </form>
    }
}

/// The shipped rate tables with the user's added rows, and a form to add one.
#[component]
pub fn RateTables() -> impl IntoView {
    let app = use_app();
    let form = RwSignal::new(RateRowForm::default());
    let error = RwSignal::new(None::<FieldError>);
    let tables = Signal::derive(|| {
        RateTableId::ALL
            .iter()
            .map(|t| (t.id().to_string(), t.shipped().name.to_string()))
            .collect::<Vec<_>>()
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match form
            .get_untracked()
            .parse()
            .and_then(|row| app.commit(|l, _| l.add_rate_row(row)))
        {
            Ok(()) => {
                error.set(None);
                form.update(|f| {
                    f.from.clear();
                    f.rate.clear();
                });
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let table_view = move |table: RateTableId| {
        let shipped = table.shipped();
        let recent = move || {
            let all = app.ledger.with(|l| rows(table, &l.settings.rate_rows));
            let skip = all.len().saturating_sub(6);
            all.into_iter().skip(skip).rev().map(|entry| { let (from, rate, added) = (entry.from, entry.rate, entry.user); view! {
                <tr>
                    <td>{format_date(from)}</td>
                    <td class="num">{format!("{rate}%")}</td>
                    <td>{if added {
                        view! { <button class="link danger" aria-label=format!("Remove the rate from {}", format_date(from))
                            on:click=move |_| { let _ = app.commit(|l, _| l.remove_rate_row(table, from)); }>"Remove (added by you)"</button> }.into_any()
                    } else {
                        view! { <span class="muted">"shipped"</span> }.into_any()
                    }}</td>
                </tr>
            }}).collect_view()
        };
        view! {
            <div class="card">
                <h3>{shipped.name}</h3>
                <p class="hint">{format!("Source: {}. Checked up to {}.", shipped.publisher, format_date(shipped.checked_to))}</p>
                <table>
                    <caption class="sr-only">{format!("Latest rows of the {}", shipped.name)}</caption>
                    <thead><tr><th scope="col">"In force from"</th><th scope="col" class="num">"Rate"</th><th scope="col"><span class="sr-only">"Origin"</span></th></tr></thead>
                    <tbody>{recent}</tbody>
                </table>
            </div>
        }
    };
    view! {
        <div class="cards">{RateTableId::ALL.into_iter().map(table_view).collect_view()}</div>
        <form class="card form inline-form" on:submit=submit novalidate>
            <Picker form error form_id="rate" field="table" label="Table" options=tables
                get=|f: &RateRowForm| f.table.clone() set=|f, v| f.table = v />
            <Input form error form_id="rate" field="from" label="In force from" kind="date"
                get=|f: &RateRowForm| f.from.clone() set=|f, v| f.from = v />
            <Input form error form_id="rate" field="rate" label="Rate (% a year)"
                get=|f: &RateRowForm| f.rate.clone() set=|f, v| f.rate = v />
            <FormErrors error />
            <div class="actions"><button type="submit">"Add rate"</button></div>
        </form>
    }
}
