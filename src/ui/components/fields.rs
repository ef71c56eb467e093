//! Labelled form fields bound to a draft in a signal, with the core's error shown beside them,
//! and [`Draft`], the one submit path of every form.

use crate::core::error::FieldError;
use leptos::prelude::*;

/// What a person is typing into a form, and the error of its last submit.
///
/// A draft is never reset by a change to the stored record; only a successful submit may
/// clear it (the caller decides).
pub struct Draft<F: Send + Sync + 'static> {
    /// The typed values.
    pub form: RwSignal<F>,
    /// The error of the last submit, shown next to its field (or under the form).
    pub error: RwSignal<Option<FieldError>>,
}

impl<F: Send + Sync + 'static> Clone for Draft<F> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<F: Send + Sync + 'static> Copy for Draft<F> {}

impl<F: Clone + Send + Sync + 'static> Draft<F> {
    /// A draft starting from `initial`.
    pub fn new(initial: F) -> Draft<F> {
        Draft {
            form: RwSignal::new(initial),
            error: RwSignal::new(None),
        }
    }

    /// The one submit path: stops the browser's own submit, runs `save` on the typed values
    /// (parse, then ask core), and shows its error or clears the old one.
    pub fn submit<T>(
        &self,
        event: &leptos::ev::SubmitEvent,
        save: impl FnOnce(&F) -> Result<T, FieldError>,
    ) -> Option<T> {
        event.prevent_default();
        match self.form.with_untracked(save) {
            Ok(value) => {
                self.error.set(None);
                Some(value)
            }
            Err(error) => {
                self.error.set(Some(error));
                None
            }
        }
    }
}

fn field_error(error: RwSignal<Option<FieldError>>, field: &'static str) -> Signal<Option<String>> {
    Signal::derive(move || {
        error
            .get()
            .filter(|e| e.field_name() == Some(field))
            .map(|e| e.to_string())
    })
}

/// A text, date or number input with its label and error.
#[component]
pub fn Input<F: Clone + Send + Sync + 'static>(
    form: RwSignal<F>,
    error: RwSignal<Option<FieldError>>,
    /// Unique per page: the id prefix of the form.
    form_id: &'static str,
    /// The field name, as in core's errors.
    field: &'static str,
    label: &'static str,
    get: fn(&F) -> String,
    set: fn(&mut F, String),
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] hint: &'static str,
    #[prop(optional)] required: bool,
    #[prop(optional)] list: &'static str,
    /// A `data-testid` for automation.
    #[prop(optional)]
    testid: &'static str,
) -> impl IntoView {
    let id = format!("{form_id}-{field}");
    let message = field_error(error, field);
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = if hint.is_empty() {
        error_id.clone()
    } else {
        format!("{hint_id} {error_id}")
    };
    view! {
        <div class="field" class:invalid=move || message.get().is_some()>
            <label for=id.clone()>{label}{required.then_some(view! { <span class="req" aria-hidden="true">" *"</span> })}</label>
            <input
                id=id.clone()
                name=field
                type=kind
                list=(!list.is_empty()).then_some(list)
                data-testid=(!testid.is_empty()).then_some(testid)
                required=required
                inputmode=(field.contains("amount") || field.contains("fee")).then_some("decimal")
                aria-invalid=move || message.get().is_some().to_string()
                aria-describedby=described
                prop:value=move || form.with(get)
                on:input=move |ev| form.update(|f| set(f, event_target_value(&ev)))
            />
            {(!hint.is_empty()).then(|| view! { <p class="hint" id=hint_id>{hint}</p> })}
            <p class="error" id=error_id role="status">{move || message.get()}</p>
        </div>
    }
}

/// A multi-line text field.
#[component]
pub fn TextArea<F: Clone + Send + Sync + 'static>(
    form: RwSignal<F>,
    form_id: &'static str,
    field: &'static str,
    label: &'static str,
    get: fn(&F) -> String,
    set: fn(&mut F, String),
) -> impl IntoView {
    let id = format!("{form_id}-{field}");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <textarea
                id=id
                name=field
                rows="3"
                prop:value=move || form.with(get)
                on:input=move |ev| form.update(|f| set(f, event_target_value(&ev)))
            ></textarea>
        </div>
    }
}

/// A labelled checkbox.
#[component]
pub fn Checkbox<F: Clone + Send + Sync + 'static>(
    form: RwSignal<F>,
    form_id: &'static str,
    field: &'static str,
    label: &'static str,
    get: fn(&F) -> bool,
    set: fn(&mut F, bool),
    #[prop(optional)] hint: &'static str,
) -> impl IntoView {
    let id = format!("{form_id}-{field}");
    view! {
        <div class="field check">
            <input
                type="checkbox"
                id=id.clone()
                name=field
                prop:checked=move || form.with(get)
                on:change=move |ev| form.update(|f| set(f, event_target_checked(&ev)))
            />
            <label for=id>{label}</label>
            {(!hint.is_empty()).then(|| view! { <p class="hint">{hint}</p> })}
        </div>
    }
}

/// A labelled select over `(value, label)` options.
#[component]
pub fn Picker<F: Clone + Send + Sync + 'static>(
    form: RwSignal<F>,
    error: RwSignal<Option<FieldError>>,
    form_id: &'static str,
    field: &'static str,
    label: &'static str,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    get: fn(&F) -> String,
    set: fn(&mut F, String),
    /// A `data-testid` for automation.
    #[prop(optional)]
    testid: &'static str,
) -> impl IntoView {
    let id = format!("{form_id}-{field}");
    let message = field_error(error, field);
    let error_id = format!("{id}-error");
    view! {
        <div class="field" class:invalid=move || message.get().is_some()>
            <label for=id.clone()>{label}</label>
            <select
                id=id
                name=field
                aria-describedby=error_id.clone()
                data-testid=(!testid.is_empty()).then_some(testid)
                on:change=move |ev| form.update(|f| set(f, event_target_value(&ev)))
                prop:value=move || form.with(get)
            >
                {move || {
                    let current = form.with(get);
                    options
                        .get()
                        .into_iter()
                        .map(|(value, text)| {
                            let selected = value == current;
                            view! { <option value=value selected=selected>{text}</option> }
                        })
                        .collect_view()
                }}
            </select>
            <p class="error" id=error_id role="status">{move || message.get()}</p>
        </div>
    }
}

/// The errors of a form that belong to no single field.
#[component]
pub fn FormErrors(error: RwSignal<Option<FieldError>>) -> impl IntoView {
    view! {
        <p class="form-error" role="alert">
            {move || error.get().filter(|e| e.field_name().is_none()).map(|e| e.to_string())}
        </p>
    }
}
