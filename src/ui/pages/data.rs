//! `/data`: backup export and import, sample data and storage use.

use crate::core::backup;
use crate::core::import::export_csv;
use crate::core::views::data::{
    browser_estimate_sentence, data_page, persisted_sentence, storage_sentence, with_sample,
    DataStatus, Outcome, SAMPLE_REMOVED,
};
use crate::store::UsageLevel;
use crate::ui::browser::{
    after_paint, confirm, download, now_stamp, read_chosen_bytes, storage_persisted, today,
};
use crate::ui::state::use_app;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The data page: four cards and the line saying how the last action went.
#[component]
pub fn DataPage() -> impl IntoView {
    let status = RwSignal::new(None::<DataStatus>);
    let status_line = NodeRef::<leptos::html::P>::new();
    // The line sits above the cards: once it shows something new, bring it back into view.
    let report = Callback::new(move |outcome: DataStatus| {
        status.set(Some(outcome));
        after_paint(move || {
            let scrolled = web_sys::window().and_then(|window| window.scroll_y().ok());
            if let (Some(line), Some(scrolled)) = (status_line.get_untracked(), scrolled) {
                if scrolled > f64::from(line.offset_top()) {
                    line.scroll_into_view();
                }
            }
        });
    });
    let tone = move |outcome: Outcome| {
        move || {
            status.with(|status| {
                status
                    .as_ref()
                    .is_some_and(|status| status.outcome == outcome)
            })
        }
    };
    view! {
        <h1>"Data"</h1>
        <p class="lead">"Everything lives in this browser's storage. Export a backup to keep a copy or to move your data to another browser."</p>
        <p node_ref=status_line class="status data-status" data-testid="import-status" role="status" class:ok=tone(Outcome::Done) class:bad=tone(Outcome::Refused)>
            {move || status.with(|status| status.as_ref().map(|status| status.message.clone()))}
        </p>
        <div class="cards data-cards">
            <ExportCard report />
            <ImportCard report />
            <SampleCard report />
            <StorageCard />
        </div>
    }
}

/// Downloads the backup file; an export is not a change.
#[component]
fn ExportCard(report: Callback<DataStatus>) -> impl IntoView {
    let app = use_app();
    let export = move |_| {
        let (name, text) = app.ledger.with_untracked(|books| {
            (
                data_page(books, today()).export_file_name,
                backup::export(books, &now_stamp()),
            )
        });
        match download(&name, "application/json", &text) {
            Ok(()) => app.note_export(),
            Err(problem) => report.run(DataStatus::refused(problem)),
        }
    };
    let export_csv = move |_| {
        let (name, text) = app
            .ledger
            .with_untracked(|books| (data_page(books, today()).csv_file_name, export_csv(books)));
        if let Err(problem) = download(&name, "text/csv", &text) {
            report.run(DataStatus::refused(problem));
        }
    };
    view! {
        <section class="card" aria-labelledby="export-heading">
            <h2 id="export-heading">"Export a backup"</h2>
            <p>"Downloads one JSON file with your business profile, clients, invoices, payments and activity log."</p>
            <div class="actions">
                <button class="primary" data-testid="export-backup" on:click=export>"Export backup"</button>
                <button data-testid="export-csv" on:click=export_csv>"Invoices and payments (CSV)"</button>
            </div>
            <p class="hint">"The CSV opens in any spreadsheet and imports back unchanged through " <a href="/import">"Import"</a> "."</p>
        </section>
    }
}

/// Reads a backup file and replaces the ledger with it, all or nothing.
#[component]
fn ImportCard(report: Callback<DataStatus>) -> impl IntoView {
    let app = use_app();
    let import = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        leptos::task::spawn_local(async move {
            let outcome = match read_chosen_bytes(&input).await {
                Ok(Some(bytes)) => match backup::backup_text(&bytes) {
                    Ok(text) => match app.import_backup(&text).await {
                        Ok(summary) => DataStatus::done(summary),
                        Err(message) => DataStatus::refused(message),
                    },
                    Err(unreadable) => DataStatus::refused(format!(
                        "Nothing was imported; your data is unchanged. {unreadable}"
                    )),
                },
                Ok(None) => return,
                Err(problem) => DataStatus::refused(problem),
            };
            input.set_value("");
            report.run(outcome);
        });
    };
    view! {
        <section class="card" aria-labelledby="import-heading">
            <h2 id="import-heading">"Import a backup"</h2>
            <p>"Replaces what is stored here with the file's contents. The whole file is checked first: if anything is wrong, nothing changes."</p>
            <label for="import-file">"Backup file (.json)"</label>
            <input id="import-file" type="file" accept="application/json,.json" data-testid="import-file" on:change=import />
            <p class="hint">"Invoices in another tool (Xero, QuickBooks, FreshBooks, Zoho, Stripe or a spreadsheet)? "
                <a href="/import">"Import its CSV export"</a> "."</p>
        </section>
    }
}

/// Adds the sample business, or removes it again.
#[component]
fn SampleCard(report: Callback<DataStatus>) -> impl IntoView {
    let app = use_app();
    let has_sample = Memo::new(move |_| {
        app.ledger
            .with(|books| data_page(books, today()).has_sample)
    });
    let load_sample = move |_| {
        let loaded = app
            .ledger
            .with_untracked(|books| with_sample(books, today()));
        leptos::task::spawn_local(async move {
            report.run(match app.replace(loaded.ledger).await {
                Ok(()) => DataStatus::done(loaded.message),
                Err(problem) => DataStatus::refused(problem),
            });
        });
    };
    let remove_sample = move |_| {
        if confirm("Remove all sample clients with their invoices, payments and activities? Your own records stay.") {
            let removed = app.commit(|ledger, _| {
                ledger.remove_sample();
                Ok(())
            });
            report.run(match removed {
                Ok(()) => DataStatus::done(SAMPLE_REMOVED),
                Err(problem) => DataStatus::refused(problem.to_string()),
            });
        }
    };
    view! {
        <section class="card" aria-labelledby="sample-heading">
            <h2 id="sample-heading">"Sample data"</h2>
            <p>"A small design studio's clients and invoices in GBP and EUR, to explore the app. Sample records are marked and can be removed in one click."</p>
            <div class="actions">
                <button data-testid="load-sample" on:click=load_sample>"Load sample data"</button>
                <Show when=move || has_sample.get()>
                    <button class="danger" data-testid="remove-sample" on:click=remove_sample>"Remove sample data"</button>
                </Show>
            </div>
        </section>
    }
}

/// How much of the browser's storage the ledger takes, with advice when it fills up, and
/// whether the browser keeps it under disk pressure.
#[component]
fn StorageCard() -> impl IntoView {
    let app = use_app();
    let usage = LocalResource::new(move || {
        app.ledger.track();
        async move { app.usage().await }
    });
    let browser = LocalResource::new(storage_persisted);
    let advice = move || {
        let usage = usage.get().flatten()?;
        let class = match usage.level() {
            UsageLevel::Fine => return None,
            UsageLevel::FillingUp => "status warn",
            UsageLevel::AlmostFull => "status bad",
        };
        Some(view! { <p class=class role="alert">{usage.advice()}</p> })
    };
    view! {
        <section class="card" aria-labelledby="storage-heading">
            <h2 id="storage-heading">"Storage"</h2>
            {move || usage.get().flatten().map(|usage| {
                let sentence = if app.is_local() {
                    storage_sentence(usage.used, usage.percent())
                } else {
                    browser_estimate_sentence(usage.used as f64, usage.quota as f64)
                };
                view! {
                    <p data-testid="storage-use" data-value=usage.percent().to_string()>{sentence}</p>
                }
            })}
            {advice}
            {move || browser.get().map(|persisted| view! {
                <p data-testid="persisted">{persisted_sentence(persisted)}</p>
            })}
        </section>
    }
}
