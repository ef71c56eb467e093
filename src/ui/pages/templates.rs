//! `/templates`: the letter templates, an editor with a live preview against a chosen
//! invoice, reset, duplicate, and the reference of variables.

use crate::core::error::FieldError;
use crate::core::forms::TemplateForm;
use crate::core::model::TemplateSet;
use crate::core::views::templates::{
    editor_error, preview, preview_values, templates_page, variable_reference, Preview,
    TemplatesPage as Page,
};
use crate::ui::browser::today;
use crate::ui::components::{Draft, Input, InputKind, TextArea};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The templates page.
#[component]
pub fn TemplatesPage() -> impl IntoView {
    let app = use_app();
    let draft = Draft::new(TemplateForm::default());
    let editing = Memo::new(move |_| draft.form.with(|form| form.id.clone()));
    let preview_invoice = RwSignal::new(None::<String>);
    let page = Memo::new(move |_| {
        app.ledger.with(|books| {
            templates_page(
                books,
                &editing.get(),
                preview_invoice.get().as_deref(),
                today(),
            )
        })
    });
    let status = RwSignal::new(None::<&'static str>);
    let open = Callback::new(move |id: String| {
        if let Some(template) = app.ledger.with_untracked(|books| books.templates.get(&id)) {
            draft.form.set(TemplateForm::from_record(&template));
            draft.error.set(None);
            status.set(None);
        }
    });
    open.run(TemplateSet::DEFAULT.id().to_string());
    let deadline_days = Memo::new(move |_| draft.form.with(TemplateForm::typed_deadline_days));
    let values = Memo::new(move |_| {
        let invoice = page.with(|page| page.preview_invoice.clone());
        app.ledger
            .with(|books| preview_values(books, invoice.as_deref(), deadline_days.get(), today()))
    });
    let shown = Memo::new(move |_| {
        values.with(|values| draft.form.with(|form| preview(form, values.as_ref())))
    });
    let error = Signal::derive(move || {
        draft
            .error
            .with(|saved| shown.with(|shown| editor_error(saved.as_ref(), shown)))
    });
    view! {
        <h1>"Letter templates"</h1>
        <p class="lead">"Edit the wording of each step of the ladder. Templates are checked as you type and when you save: a misspelt variable or an unclosed tag is refused with its line and column, and the saved version stays as it was."</p>
        <div class="templates">
            <TemplateList page editing open />
            <TemplateEditor draft error page status open />
        </div>
        <LivePreview page preview_invoice shown />
        <VariableReference />
    }
}

/// The templates to choose from, the one being edited marked.
#[component]
fn TemplateList(page: Memo<Page>, editing: Memo<String>, open: Callback<String>) -> impl IntoView {
    view! {
        <nav aria-label="Templates" class="card template-list">
            <ul>
                <For each=move || page.with(|page| page.templates.clone()) key=|entry| entry.clone() let:entry>
                    {
                        let id = entry.id.clone();
                        let current = move || (editing.get() == id).then_some("true");
                        let chosen = entry.id.clone();
                        view! {
                            <li>
                                <button class="link" aria-current=current on:click=move |_| open.run(chosen.clone())>{entry.name}</button>
                                {entry.edited.then_some(view! { <span class="tag">"edited"</span> })}
                            </li>
                        }
                    }
                </For>
            </ul>
        </nav>
    }
}

/// The editor of the open template: name, deadline, subject and body, and what can be done
/// with it.
#[component]
fn TemplateEditor(
    draft: Draft<TemplateForm>,
    /// The save's error, or the live problem of the subject or body.
    error: Signal<Option<FieldError>>,
    page: Memo<Page>,
    status: RwSignal<Option<&'static str>>,
    open: Callback<String>,
) -> impl IntoView {
    let app = use_app();
    let form = draft.form;
    let editing = move || form.with_untracked(|typed| typed.id.clone());
    let save = move |ev: leptos::ev::SubmitEvent| {
        let saved = draft.submit(&ev, |typed: &TemplateForm| {
            let template = typed.parse()?;
            app.commit(|ledger, _| ledger.templates.save(template))
        });
        status.set(saved.map(|()| "Template saved."));
    };
    let duplicate = move |_| {
        let id = editing();
        if let Ok(Some(copy)) = app.commit(|ledger, _| Ok(ledger.templates.duplicate(&id))) {
            open.run(copy);
            status.set(Some("Copied as a custom template."));
        }
    };
    let reset = move |_| {
        let id = editing();
        if let Ok(reset) = app.commit(|ledger, _| Ok(ledger.templates.reset(&id))) {
            open.run(reset.show);
            status.set(Some(reset.message));
        }
    };
    view! {
        <form class="card form template-editor" on:submit=save novalidate>
            <div class="grid2">
                <Input form error form_id="template" field="name" label="Name" required=true
                    get=|typed: &TemplateForm| typed.name.clone() set=|typed, value| typed.name = value />
                <Input form error form_id="template" field="deadline_days" label="Deadline (days from today)" kind=InputKind::WholeNumber
                    hint="How many days from today {{ deadline }} falls."
                    get=|typed: &TemplateForm| typed.deadline_days.clone() set=|typed, value| typed.deadline_days = value />
            </div>
            <Input form error form_id="template" field="subject" label="Subject"
                get=|typed: &TemplateForm| typed.subject.clone() set=|typed, value| typed.subject = value />
            <TextArea form error form_id="template" field="body" label="Body" rows=16 mono=true
                get=|typed: &TemplateForm| typed.body.clone() set=|typed, value| typed.body = value />
            <div class="actions">
                <button type="submit" class="primary">"Save template"</button>
                <button type="button" on:click=duplicate>"Duplicate as custom"</button>
                <button type="button" on:click=reset>{move || page.with(|page| page.reset_label)}</button>
                <span class="saved" role="status">{move || status.get()}</span>
            </div>
        </form>
    }
}

/// The letter as it would go out for a chosen invoice, updated as the person types.
#[component]
fn LivePreview(
    page: Memo<Page>,
    preview_invoice: RwSignal<Option<String>>,
    shown: Memo<Preview>,
) -> impl IntoView {
    let previewed = Memo::new(move |_| page.with(|page| page.preview_invoice.clone()));
    view! {
        <section class="template-preview" aria-labelledby="preview-heading">
            <div class="section-head">
                <h2 id="preview-heading">"Live preview"</h2>
                <div class="actions preview-invoice">
                    <label for="preview-invoice">"Invoice"</label>
                    <select id="preview-invoice" on:change=move |ev| preview_invoice.set(Some(event_target_value(&ev)))
                        prop:value=move || previewed.get().unwrap_or_default()>
                        <For each=move || page.with(|page| page.preview_choices.clone()) key=|choice| choice.clone() let:choice>
                            {
                                let id = choice.id.clone();
                                let selected = move || previewed.with(|previewed| previewed.as_deref() == Some(id.as_str()));
                                view! { <option value=choice.id selected=selected>{choice.label}</option> }
                            }
                        </For>
                    </select>
                </div>
            </div>
            {move || shown.with(|shown| match shown {
                Preview::Letter { subject, body } => view! {
                    <article class="letter-sheet" aria-label="Preview">
                        <p><strong>{subject.clone()}</strong></p>
                        <div class="letter-body">{body.clone()}</div>
                    </article>
                }.into_any(),
                other => view! { <p class="muted card">{other.notice()}</p> }.into_any(),
            })}
        </section>
    }
}

/// Every variable a template may use, with what it holds and an example.
#[component]
fn VariableReference() -> impl IntoView {
    let lines = variable_reference()
        .into_iter()
        .map(|line| {
            view! {
                <tr>
                    <td><code>{line.name}</code>{line.list_note.map(|note| view! { <div class="hint">{note}</div> })}</td>
                    <td>{line.description}</td>
                    <td>{line.example}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="variables-heading">
            <h2 id="variables-heading">"Variables"</h2>
            <p class="muted">"Write " <code>"{{ client.name }}"</code> " to insert a value, " <code>"{% if interest.total %}…{% else %}…{% endif %}"</code> " for a condition and " <code>"{% for row in statement %}…{{ row.balance }}…{% endfor %}"</code> " to repeat a block for each row of a list."</p>
            <div class="table-wrap">
                <table class="variables">
                    <thead><tr><th scope="col">"Variable"</th><th scope="col">"What it holds"</th><th scope="col">"Example"</th></tr></thead>
                    <tbody>{lines}</tbody>
                </table>
            </div>
        </section>
    }
}
