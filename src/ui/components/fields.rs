//! Labelled form fields bound to a draft in a signal, with the core's error shown beside them,
//! and [`Draft`], the one submit path of every form.

use crate::core::error::FieldError;
use crate::core::views::settings::Choice;
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

fn field_error(error: Signal<Option<FieldError>>, field: &'static str) -> Signal<Option<String>> {
    Signal::derive(move || {
        error
            .get()
            .filter(|error| error.field_name() == Some(field))
            .map(|error| error.to_string())
    })
}

/// What an input holds: it decides the input's `type` and the keyboard phones show.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum InputKind {
    /// Free text.
    #[default]
    Text,
    /// An e-mail address.
    Email,
    /// A date (the browser's date picker).
    Date,
    /// An amount of money, such as 1,234.56.
    Amount,
    /// A percentage, such as 8.5.
    Percent,
    /// A whole number, such as a count of days.
    WholeNumber,
}

impl InputKind {
    /// The input's `type` attribute.
    fn input_type(self) -> &'static str {
        match self {
            InputKind::Email => "email",
            InputKind::Date => "date",
            InputKind::Text | InputKind::Amount | InputKind::Percent | InputKind::WholeNumber => {
                "text"
            }
        }
    }

    /// The input's `inputmode` attribute, when the kind needs a special keyboard.
    fn input_mode(self) -> Option<&'static str> {
        match self {
            InputKind::Amount | InputKind::Percent => Some("decimal"),
            InputKind::WholeNumber => Some("numeric"),
            InputKind::Text | InputKind::Email | InputKind::Date => None,
        }
    }
}

/// The older way of naming a kind, by its HTML type: `"email"` and `"date"`; anything else
/// is text.
impl From<&'static str> for InputKind {
    fn from(html_type: &'static str) -> InputKind {
        match html_type {
            "email" => InputKind::Email,
            "date" => InputKind::Date,
            _ => InputKind::Text,
        }
    }
}

/// A text, date or number input with its label and error.
#[component]
pub fn Input<F: Clone + Send + Sync + 'static>(
    form: RwSignal<F>,
    /// The error to show when it names this field.
    #[prop(into)]
    error: Signal<Option<FieldError>>,
    /// Unique per page: the id prefix of the form.
    form_id: &'static str,
    /// The field name, as in core's errors.
    field: &'static str,
    label: &'static str,
    get: fn(&F) -> String,
    set: fn(&mut F, String),
    /// What the field holds: its input type and keyboard.
    #[prop(optional, into)]
    kind: InputKind,
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
                type=kind.input_type()
                list=(!list.is_empty()).then_some(list)
                data-testid=(!testid.is_empty()).then_some(testid)
                required=required
                inputmode=kind.input_mode()
                aria-invalid=move || message.get().is_some().to_string()
                aria-describedby=described
                prop:value=move || form.with(get)
                on:input=move |ev| form.update(|typed| set(typed, event_target_value(&ev)))
            />
            {(!hint.is_empty()).then(|| view! { <p class="hint" id=hint_id>{hint}</p> })}
            <p class="error" id=error_id role="status">{move || message.get()}</p>
        </div>
    }
}

/// A multi-line text field, with the error naming it when one is given.
#[component]
pub fn TextArea<F: Clone + Send + Sync + 'static>(
    form: RwSignal<F>,
    form_id: &'static str,
    field: &'static str,
    label: &'static str,
    get: fn(&F) -> String,
    set: fn(&mut F, String),
    /// The error to show when it names this field.
    #[prop(optional, into)]
    error: Option<Signal<Option<FieldError>>>,
    /// Visible lines.
    #[prop(default = 3)]
    rows: u32,
    /// Set in a monospace font (for template source).
    #[prop(optional)]
    mono: bool,
) -> impl IntoView {
    let id = format!("{form_id}-{field}");
    let error_id = format!("{id}-error");
    let message = error.map(|error| field_error(error, field));
    let invalid = move || message.is_some_and(|message| message.get().is_some());
    view! {
        <div class="field" class:invalid=invalid>
            <label for=id.clone()>{label}</label>
            <textarea
                id=id
                name=field
                rows=rows
                class:mono=mono
                aria-invalid=move || message.map(|_| invalid().to_string())
                aria-describedby=message.map(|_| error_id.clone())
                prop:value=move || form.with(get)
                on:input=move |ev| form.update(|typed| set(typed, event_target_value(&ev)))
            ></textarea>
            {message.map(|message| view! {
                <p class="error" id=error_id role="status">{move || message.get()}</p>
            })}
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
                on:change=move |ev| form.update(|typed| set(typed, event_target_checked(&ev)))
            />
            <label for=id>{label}</label>
            {(!hint.is_empty()).then(|| view! { <p class="hint">{hint}</p> })}
        </div>
    }
}

/// An option a [`Picker`] offers: a value to submit and a label to read.
pub trait PickerOption: Clone + Eq + std::hash::Hash + Send + Sync + 'static {
    /// The value submitted.
    fn value(&self) -> String;
    /// What people read.
    fn label(&self) -> String;
}

/// `(value, label)`.
impl PickerOption for (String, String) {
    fn value(&self) -> String {
        self.0.clone()
    }

    fn label(&self) -> String {
        self.1.clone()
    }
}

impl PickerOption for Choice {
    fn value(&self) -> String {
        self.value.clone()
    }

    fn label(&self) -> String {
        self.label.clone()
    }
}

/// A labelled select. It reads only the field it shows: typing in another field of the form
/// touches no option, and a new list of options rebuilds only the options that changed.
#[component]
pub fn Picker<F: Clone + Send + Sync + 'static, O: PickerOption>(
    form: RwSignal<F>,
    /// The error to show when it names this field.
    #[prop(into)]
    error: Signal<Option<FieldError>>,
    form_id: &'static str,
    field: &'static str,
    label: &'static str,
    #[prop(into)] options: Signal<Vec<O>>,
    get: fn(&F) -> String,
    set: fn(&mut F, String),
    /// A `data-testid` for automation.
    #[prop(optional)]
    testid: &'static str,
) -> impl IntoView {
    let id = format!("{form_id}-{field}");
    let message = field_error(error, field);
    let error_id = format!("{id}-error");
    let current = Memo::new(move |_| form.with(get));
    let options = Memo::new(move |_| options.get());
    view! {
        <div class="field" class:invalid=move || message.get().is_some()>
            <label for=id.clone()>{label}</label>
            <select
                id=id
                name=field
                aria-describedby=error_id.clone()
                data-testid=(!testid.is_empty()).then_some(testid)
                on:change=move |ev| form.update(|typed| set(typed, event_target_value(&ev)))
                prop:value=move || current.get()
            >
                <For each=move || options.get() key=|option| option.clone() let:option>
                    {
                        let value = option.value();
                        let selected = {
                            let value = value.clone();
                            move || current.with(|current| *current == value)
                        };
                        view! { <option value=value selected=selected>{option.label()}</option> }
                    }
                </For>
            </select>
            <p class="error" id=error_id role="status">{move || message.get()}</p>
        </div>
    }
}

/// The errors of a form that belong to no single field.
#[component]
pub fn FormErrors(#[prop(into)] error: Signal<Option<FieldError>>) -> impl IntoView {
    view! {
        <p class="form-error" role="alert">
            {move || error.get().filter(|error| error.field_name().is_none()).map(|error| error.to_string())}
        </p>
    }
}
