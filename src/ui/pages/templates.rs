//! `/templates`: the letter templates, an editor with a live preview against a chosen
//! invoice, reset, duplicate, and the reference of variables.

use crate::core::error::FieldError;
use crate::core::letters::from_form;
use crate::core::letters::template::{Template, TemplateError};
use crate::core::letters::variables::{context, Catalogue, SettlementFigures, VARIABLES};
use crate::ui::browser::today;
use crate::ui::state::use_app;
use leptos::prelude::*;

#[derive(Clone, Default, PartialEq)]
struct Draft {
    id: String,
    name: String,
    subject: String,
    body: String,
    deadline: String,
}

/// The templates page.
#[component]
pub fn TemplatesPage() -> impl IntoView {
    let app = use_app();
    let selected = RwSignal::new("reminder-overdue".to_string());
    let draft = RwSignal::new(Draft::default());
    let error = RwSignal::new(None::<FieldError>);
    let status = RwSignal::new(String::new());
    let load = move |id: String| {
        if let Some(t) = app.ledger.with_untracked(|l| l.templates.get(&id)) {
            draft.set(Draft {
                id: t.id,
                name: t.name,
                subject: t.subject,
                body: t.body,
                deadline: t.deadline_days.to_string(),
            });
            selected.set(id);
            error.set(None);
            status.set(String::new());
        }
    };
    load(selected.get_untracked());
    let preview_invoice = RwSignal::new(app.ledger.with_untracked(|l| {
        l.invoices
            .iter()
            .find(|i| l.outstanding(i, today()) > rust_decimal::Decimal::ZERO)
            .or(l.invoices.first())
            .map(|i| i.id.clone())
            .unwrap_or_default()
    }));
    let preview = move || {
        let d = draft.get();
        let check = |text: &str| Template::check(text, &Catalogue);
        let rendered = app.ledger.with(|l| {
            let values = context(
                l,
                &preview_invoice.get(),
                today(),
                d.deadline.trim().parse().unwrap_or(0),
                &SettlementFigures::default(),
            )?;
            Some((
                check(&d.subject).ok()?.render(&values).ok()?,
                check(&d.body).ok()?.render(&values).ok()?,
            ))
        });
        let problem: Option<TemplateError> =
            check(&d.subject).err().or_else(|| check(&d.body).err());
        (rendered, problem)
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let d = draft.get_untracked();
        let outcome = from_form(&d.id, &d.name, &d.subject, &d.body, &d.deadline)
            .and_then(|template| app.commit(|l, _| l.templates.save(template)));
        match outcome {
            Ok(()) => {
                error.set(None);
                status.set("Template saved.".into());
            }
            Err(e) => {
                error.set(Some(e));
                status.set(String::new());
            }
        }
    };
    let reset = move |_| {
        let id = selected.get_untracked();
        let _ = app.commit(|l, _| {
            l.templates.reset(&id);
            Ok(())
        });
        load(
            if app
                .ledger
                .with_untracked(|l| l.templates.get(&id).is_some())
            {
                id
            } else {
                "reminder-overdue".into()
            },
        );
        status.set("Back to the stock text.".into());
    };
    let duplicate = move |_| {
        let id = selected.get_untracked();
        if let Ok(Some(copy)) = app.commit(|l, _| Ok(l.templates.duplicate(&id))) {
            load(copy);
            status.set("Copied as a custom template.".into());
        }
    };
    let field_error = move |field: &'static str| {
        move || {
            error
                .get()
                .filter(|e| e.field_name() == Some(field))
                .map(|e| e.to_string())
        }
    };
    view! {
        <h1>"Letter templates"</h1>
        <p class="lead">"Edit the wording of each step of the ladder. Templates are checked when you save: a misspelt variable or an unclosed tag is refused with its line and column, and the saved version stays as it was."</p>
        <div class="templates">
            <nav aria-label="Templates" class="card template-list">
                <ul>
                    {move || app.ledger.with(|l| l.templates.all().into_iter().map(|t| {
                        let id = t.id.clone();
                        let current = move || selected.get() == id;
                        let edited = l.templates.is_edited(&t.id);
                        let open = t.id.clone();
                        view! {
                            <li><button class="link" aria-current=move || current().then_some("true") on:click=move |_| load(open.clone())>{t.name.clone()}</button>
                                {edited.then_some(view! { <span class="tag">"edited"</span> })}</li>
                        }
                    }).collect_view())}
                </ul>
            </nav>
            <form class="card form" on:submit=save novalidate>
                <div class="grid2">
                    <div class="field"><label for="template-name">"Name"</label>
                        <input id="template-name" prop:value=move || draft.get().name on:input=move |ev| draft.update(|d| d.name = event_target_value(&ev)) aria-describedby="template-name-error" />
                        <p class="error" id="template-name-error" role="status">{field_error("name")}</p></div>
                    <div class="field"><label for="template-deadline">"Deadline (days from today)"</label>
                        <input id="template-deadline" inputmode="numeric" prop:value=move || draft.get().deadline on:input=move |ev| draft.update(|d| d.deadline = event_target_value(&ev)) aria-describedby="template-deadline-error" />
                        <p class="error" id="template-deadline-error" role="status">{field_error("deadline_days")}</p></div>
                </div>
                <div class="field"><label for="template-subject">"Subject"</label>
                    <input id="template-subject" prop:value=move || draft.get().subject on:input=move |ev| draft.update(|d| d.subject = event_target_value(&ev)) aria-describedby="template-subject-error" />
                    <p class="error" id="template-subject-error" role="status">{field_error("subject")}</p></div>
                <div class="field"><label for="template-body">"Body"</label>
                    <textarea id="template-body" rows="16" class="mono" prop:value=move || draft.get().body on:input=move |ev| draft.update(|d| d.body = event_target_value(&ev)) aria-describedby="template-body-error"></textarea>
                    <p class="error" id="template-body-error" role="status">{field_error("body")}</p></div>
                <div class="actions">
                    <button type="submit" class="primary">"Save template"</button>
                    <button type="button" on:click=duplicate>"Duplicate as custom"</button>
                    <button type="button" on:click=reset>{move || if selected.get().starts_with("custom-") { "Delete custom template" } else { "Reset to stock" }}</button>
                    <span class="saved" role="status">{move || status.get()}</span>
                </div>
            </form>
        </div>
        <section aria-labelledby="preview-heading">
            <div class="section-head">
                <h2 id="preview-heading">"Live preview"</h2>
                <div class="actions">
                    <label for="preview-invoice">"Invoice"</label>
                    <select id="preview-invoice" on:change=move |ev| preview_invoice.set(event_target_value(&ev))>
                        {move || app.ledger.with(|l| l.invoices.iter().map(|i| {
                            let name = l.client(&i.client_id).map(|c| c.name.clone()).unwrap_or_default();
                            let selected = i.id == preview_invoice.get_untracked();
                            view! { <option value=i.id.clone() selected=selected>{format!("{} · {}", i.number, name)}</option> }
                        }).collect_view())}
                    </select>
                </div>
            </div>
            {move || match preview() {
                (_, Some(problem)) => view! { <p class="status bad">{format!("Not previewed: {problem}")}</p> }.into_any(),
                (Some((subject, body)), None) => view! {
                    <article class="letter-sheet" aria-label="Preview"><p><strong>{subject}</strong></p><div class="letter-body">{body}</div></article>
                }.into_any(),
                (None, None) => view! { <p class="muted card">"Add an invoice to preview letters against your own data."</p> }.into_any(),
            }}
        </section>
        <section aria-labelledby="variables-heading">
            <h2 id="variables-heading">"Variables"</h2>
            <p class="muted">"Write " <code>"{{ client.name }}"</code> " to insert a value, " <code>"{% if interest.total %}…{% else %}…{% endif %}"</code> " for a condition and " <code>"{% for row in statement %}…{{ row.balance }}…{% endfor %}"</code> " to repeat a block for each row of a list."</p>
            <div class="table-wrap">
                <table>
                    <thead><tr><th scope="col">"Variable"</th><th scope="col">"What it holds"</th><th scope="col">"Example"</th></tr></thead>
                    <tbody>
                        {VARIABLES.iter().map(|v| view! {
                            <tr>
                                <td><code>{v.name}</code>{(!v.fields.is_empty()).then(|| view! { <div class="hint">{format!("list; each row has {}", v.fields.join(", "))}</div> })}</td>
                                <td>{v.description}</td>
                                <td>{v.example}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
