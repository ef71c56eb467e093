//! `/import`: bring invoices and payments in from another tool's CSV export. Choose a file,
//! check the recognised layout, the column mapping and the options, read the preview and its
//! problems, then import, with an Undo.

mod preview;
mod setup;

use crate::core::error::FieldError;
use crate::core::import::{self, Preview, SourceFile};
use crate::core::views::import::{
    import_result, import_view, ImportChoices, ImportView, UNDONE, UNDO_EXPIRED,
};
use crate::ui::browser::{read_chosen_bytes, today};
use crate::ui::components::Draft;
use crate::ui::state::use_app;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// The file on the page, the person's choices and what the page shows of the preview.
#[derive(Clone, Copy)]
struct Importer {
    file: RwSignal<Option<Arc<SourceFile>>>,
    draft: Draft<ImportChoices>,
    view: Memo<Option<ImportView>>,
}

impl Importer {
    /// A part of the view, as its own memo, so a component repaints only when its part changes.
    fn part<T>(self, part: fn(&ImportView) -> T) -> Memo<T>
    where
        T: Clone + Default + PartialEq + Send + Sync + 'static,
    {
        Memo::new(move |_| {
            self.view
                .with(|view| view.as_ref().map(part).unwrap_or_default())
        })
    }

    /// Changes the choices with the file on the page.
    fn choose(self, change: impl FnOnce(&mut ImportChoices, &SourceFile)) {
        if let Some(file) = self.file.get_untracked() {
            self.draft.form.update(|choices| change(choices, &file));
        }
    }

    /// The error of the last submit or choice when it belongs to `field`.
    fn error_on(self, field: &'static str) -> Signal<Option<String>> {
        Signal::derive(move || {
            self.draft
                .error
                .get()
                .filter(|error| error.field_name() == Some(field))
                .map(|error| error.to_string())
        })
    }
}

/// What the last import or undo did, for `csv-status`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Outcome {
    ok: bool,
    text: String,
}

/// The import this page stored last, while it can be undone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct LastImport {
    /// The revision stored before it (`None`: nothing was stored).
    stored_before: Option<u64>,
}

/// The import page.
#[component]
pub fn ImportPage() -> impl IntoView {
    let app = use_app();
    let file = RwSignal::new(None::<Arc<SourceFile>>);
    let draft = Draft::new(ImportChoices::default());
    let options = Memo::new(move |_| draft.form.with(|choices| choices.options.clone()));
    let preview: Memo<Option<Arc<Preview>>> = Memo::new_with_compare(
        move |_| {
            let file = file.get()?;
            let books = app.ledger.get();
            Some(Arc::new(options.with(|options| {
                import::preview(&books, &file, options, today())
            })))
        },
        |before, after| before.is_some() || after.is_some(),
    );
    let view = Memo::new(move |_| {
        let file = file.get()?;
        let preview = preview.get()?;
        Some(
            draft
                .form
                .with(|choices| import_view(&file, &preview, choices)),
        )
    });
    let importer = Importer { file, draft, view };
    let outcome = RwSignal::new(None::<Outcome>);
    let last_import = RwSignal::new(None::<LastImport>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        let Some(preview) = preview.get_untracked() else {
            ev.prevent_default();
            return;
        };
        if draft
            .submit(&ev, |choices| choices.check(&preview))
            .is_none()
        {
            return;
        }
        leptos::task::spawn_local(async move {
            let stored = app
                .replace_with_undo(|ledger, ids| import::commit(ledger, &preview, ids, today()))
                .await;
            outcome.set(Some(match stored {
                Ok(stored_before) => {
                    last_import.set(Some(LastImport { stored_before }));
                    Outcome {
                        ok: true,
                        text: import_result(preview.profile, &preview.counts),
                    }
                }
                Err(reason) => Outcome {
                    ok: false,
                    text: format!("Nothing was imported; your data is unchanged. {reason}"),
                },
            }));
        });
    };
    let undo = move |_| {
        let Some(last) = last_import.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            let (ok, text) = match app.undo_replacement(last.stored_before).await {
                Ok(true) => (true, UNDONE.to_string()),
                Ok(false) => (false, UNDO_EXPIRED.to_string()),
                Err(reason) => (false, format!("The import could not be undone; your data is as it was after the import. {reason}")),
            };
            last_import.set(None);
            outcome.set(Some(Outcome { ok, text }));
        });
    };
    let can_undo = move || {
        last_import
            .get()
            .is_some_and(|last| app.can_undo(last.stored_before))
    };
    view! {
        <div class="import-page">
            <h1>"Import from another tool"</h1>
            <p class="lead">"Bring in the invoices and payments you already track elsewhere. Nothing is written until you press Import, and an import can be undone."</p>
            <FileChooser importer outcome />
            {move || file.get().map(|_| view! {
                <div class="import-setup">
                    <setup::LayoutCard importer />
                    <setup::OptionsCard importer />
                </div>
                <setup::MappingCard importer />
                <preview::PreviewCard importer />
                <preview::ProblemsCard importer />
                <ImportForm importer submit />
            })}
            <div class="import-result">
                <p class="status" data-testid="csv-status" role="status"
                    class:ok=move || outcome.get().is_some_and(|o| o.ok)
                    class:bad=move || outcome.get().is_some_and(|o| !o.ok)>
                    {move || outcome.get().map(|o| o.text)}
                </p>
                <Show when=can_undo>
                    <div class="actions">
                        <a class="button primary" href="/">"Go to the dashboard"</a>
                        <button type="button" data-testid="csv-undo" on:click=undo>"Undo import"</button>
                    </div>
                </Show>
            </div>
        </div>
    }
}

/// Step 1: the file input, and why a file was refused.
#[component]
fn FileChooser(importer: Importer, outcome: RwSignal<Option<Outcome>>) -> impl IntoView {
    let file_name = RwSignal::new(String::new());
    let error = importer.error_on("file");
    let choose = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let name = input
            .files()
            .and_then(|files| files.get(0))
            .map(|file| file.name());
        leptos::task::spawn_local(async move {
            let read = match read_chosen_bytes(&input).await {
                Ok(Some(bytes)) => import::read(&bytes),
                Ok(None) => return,
                Err(reason) => Err(FieldError::on("file", reason)),
            };
            input.set_value("");
            outcome.set(None);
            importer.draft.form.update(ImportChoices::reset);
            file_name.set(name.unwrap_or_default());
            match read {
                Ok(source) => {
                    importer.draft.error.set(None);
                    importer.file.set(Some(Arc::new(source)));
                }
                Err(refusal) => {
                    importer.file.set(None);
                    importer.draft.error.set(Some(refusal));
                }
            }
        });
    };
    view! {
        <section class="card import-step" aria-labelledby="import-file-heading">
            <h2 id="import-file-heading">"1. Choose the export"</h2>
            <p>"Export your invoices as CSV from Xero, QuickBooks (the A/R Aging Detail or Open Invoices report), FreshBooks, Zoho Invoice, Invoicely, Invoice2go, Invoice Ninja or Stripe, or use any spreadsheet with a row of column names. Importing the same file again adds nothing; a newer export adds what is new."</p>
            <div class="field" class:invalid=move || error.get().is_some()>
                <label for="csv-file">"CSV file"</label>
                <input id="csv-file" type="file" accept=".csv,.txt,.tsv,text/csv,text/plain"
                    data-testid="csv-file" aria-describedby="csv-file-error" on:change=choose />
                <p class="hint">{move || {
                    let name = file_name.get();
                    (!name.is_empty()).then(|| format!("Showing {name}."))
                }}</p>
                <p class="error" id="csv-file-error" role="status">{move || error.get()}</p>
            </div>
        </section>
    }
}

/// Step 6: acknowledging the problems, and the Import button.
#[component]
fn ImportForm(
    importer: Importer,
    submit: impl Fn(leptos::ev::SubmitEvent) + 'static,
) -> impl IntoView {
    let gate = importer.part(|view| Some(view.gate.clone()));
    let error = importer.error_on("acknowledged");
    let flag = move |read: fn(&crate::core::views::import::ImportGate) -> bool| {
        gate.with(|gate| gate.as_ref().is_some_and(read))
    };
    let acknowledged = move || importer.draft.form.with(|choices| choices.acknowledged);
    view! {
        <form class="card import-step import-go" on:submit=submit novalidate aria-labelledby="import-go-heading">
            <h2 id="import-go-heading">"6. Import"</h2>
            <Show when=move || flag(|gate| gate.needs_acknowledgement)>
                <div class="field check" class:invalid=move || error.get().is_some()>
                    <input type="checkbox" id="import-acknowledged" data-testid="csv-acknowledge"
                        aria-describedby="import-acknowledged-error"
                        prop:checked=acknowledged
                        on:change=move |ev| importer.draft.form.update(|choices| choices.acknowledged = event_target_checked(&ev)) />
                    <label for="import-acknowledged">{move || gate.with(|gate| gate.as_ref().map(|gate| gate.acknowledgement.clone()))}</label>
                    <p class="error" id="import-acknowledged-error" role="status">{move || error.get()}</p>
                </div>
            </Show>
            <div class="actions">
                <button type="submit" class="primary" data-testid="csv-import"
                    disabled=move || !flag(|gate| gate.enabled)>
                    {move || gate.with(|gate| gate.as_ref().map(|gate| gate.button.clone()))}
                </button>
                <span class="hint">{move || gate.with(|gate| gate.as_ref().and_then(|gate| gate.blocked.clone()))}</span>
            </div>
        </form>
    }
}
