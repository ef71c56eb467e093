//! The recovery screen, shown instead of the app when the stored ledger cannot be opened.
//! It can only help: it retries, downloads the stored text, exports what the tab holds and
//! restores the previous copy. Starting empty, the one action that deletes, is offered only
//! after the stored text was downloaded, non-empty and byte for byte.

use crate::store::{StoreError, LEDGER_KEY, PREVIOUS_KEY};
use crate::ui::browser::{confirm, download, download_verified, today};
use crate::ui::lazy;
use crate::ui::state::{backup_text, use_app};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The recovery screen.
#[component]
pub fn Recovery() -> impl IntoView {
    let app = use_app();
    let downloaded = RwSignal::new(false);
    let message = RwSignal::new(String::new());
    let cannot_read = move || {
        app.load_error
            .with(|error| matches!(error, Some(StoreError::Unavailable(_))))
    };
    let previous_readable = LocalResource::new(move || {
        app.load_error.track();
        async move {
            match app.raw(PREVIOUS_KEY).await {
                Ok(Some(text)) => crate::store::read(&text).await.is_ok(),
                _ => false,
            }
        }
    });
    let previous_readable = move || previous_readable.get().unwrap_or(false);
    let memory_has_records = move || {
        app.ledger.track();
        let ledger = app.in_memory();
        !(ledger.clients.is_empty() && ledger.invoices.is_empty())
    };
    let retry = move |_| {
        message.set(String::new());
        spawn_local(async move {
            app.retry().await;
            if app.load_error.get_untracked().is_some() {
                message.set("Still not readable. Nothing has been changed or deleted.".into());
            }
        });
    };
    let download_raw = move |_| {
        spawn_local(async move {
            let text = match app.raw(LEDGER_KEY).await {
                Ok(Some(text)) => text,
                Ok(None) => return message.set("Nothing is stored under the ledger's name, so there is nothing to download.".into()),
                Err(StoreError::Unavailable(reason)) => return message.set(format!("The stored data could not be read, so nothing was downloaded, and nothing has been deleted ({reason}).")),
                Err(error) => return message.set(format!("Nothing was downloaded, and nothing has been deleted. {error}")),
            };
            let name = format!("overdue-stored-{}.txt", today());
            match download_verified(&name, "text/plain", &text).await {
                Ok(bytes) => {
                    downloaded.set(true);
                    message.set(format!("Downloaded {bytes} bytes, exactly as stored."));
                }
                Err(problem) => message.set(format!("Nothing was downloaded: {problem}.")),
            }
        });
    };
    let export_memory = move |_| {
        let text = backup_text(&app.in_memory());
        if let Err(problem) = download(
            &format!("overdue-backup-{}.json", today()),
            "application/json",
            &text,
        ) {
            message.set(problem);
        }
    };
    let restore = move |_| {
        spawn_local(async move {
            if let Err(error) = app.restore_previous().await {
                message.set(error.to_string());
            }
        });
    };
    let start_empty = move |_| {
        if confirm("Start with an empty ledger? The stored data will be deleted from this browser. Keep the file you downloaded.") {
            spawn_local(async move {
                if let Err(error) = app.start_empty().await {
                    message.set(error.to_string());
                }
            });
        }
    };
    view! {
        <section class="card recovery" aria-labelledby="recovery-heading" data-testid="recovery"
            data-state=move || if cannot_read() { "cannot-read" } else { "cannot-parse" }>
            <h1 id="recovery-heading">{move || if cannot_read() { "Overdue cannot read this browser's storage" } else { "The stored data cannot be parsed" }}</h1>
            <p data-testid="recovery-reason">{move || app.load_error.get().map(|error| error.recovery_sentence())}</p>
            <p>"Nothing has been changed or deleted. Choose what to do:"</p>
            <ol>
                <li>
                    <strong>"Try again. "</strong>
                    {move || if cannot_read() { "A browser that was busy or locked often reads the data the second time." } else { "If another tab has just saved, the stored data may read correctly now." }}
                    <div class="actions"><button class="primary" data-testid="retry" on:click=retry>"Try again"</button></div>
                </li>
                <li>
                    <strong>"Keep a copy of what is stored. "</strong>
                    "Download it exactly as it is, so nothing can be lost."
                    <div class="actions"><button data-testid="download-raw" on:click=download_raw>"Download the stored data"</button></div>
                </li>
                <li>
                    <strong>"Export what this tab holds. "</strong>
                    {move || if memory_has_records() { "A backup file of the records on screen in this tab." } else { "This tab holds no records: it could not read them." }}
                    <div class="actions"><button data-testid="export-memory" disabled=move || !memory_has_records() on:click=export_memory>"Export a backup from this tab"</button></div>
                </li>
                <li>
                    <strong>"Restore the previous version. "</strong>
                    {move || if previous_readable() { "A readable copy from before the last save is available." } else { "There is no readable previous copy." }}
                    <div class="actions"><button data-testid="restore-previous" disabled=move || !previous_readable() on:click=restore>"Restore the previous version"</button></div>
                </li>
                <li>
                    <strong>"Start empty. "</strong>
                    "This deletes the stored data from this browser; keep the file you downloaded. Afterwards the app opens as usual, and a backup can be imported."
                    <div class="actions"><button class="danger" data-testid="start-empty" disabled=move || !downloaded.get() on:click=start_empty>"Start empty"</button></div>
                    <p class="hint">{move || (!downloaded.get()).then_some("Offered only once the stored data has been downloaded.")}</p>
                </li>
            </ol>
            <p class="status" role="status" data-testid="recovery-status">{move || message.get()}</p>
        </section>
    }
}

/// Changes this tab could not store, kept aside when another tab saved over them: save them
/// again (over the other tab's version) or export them.
#[component]
pub fn UnsavedChanges() -> impl IntoView {
    let app = use_app();
    let problem = RwSignal::new(None::<String>);
    let export = move |_| {
        let Some(ledger) = app.unsaved_ledger() else {
            return;
        };
        problem.set(None);
        spawn_local(async move {
            let name = format!("overdue-unsaved-{}.json", today());
            let exported = match lazy::backup_text(&ledger).await {
                Ok(text) => download(&name, "application/json", &text),
                Err(_) => Err("Overdue could not download the code that writes the file; check your connection and try again".into()),
            };
            match exported {
                Ok(()) => app.discard_unsaved(),
                Err(reason) => problem.set(Some(format!("Nothing was exported: {reason}."))),
            }
        });
    };
    view! {
        <Show when=move || app.unsaved.get()>
            <div class="banner danger" role="alert" data-testid="unsaved-changes">
                <strong>"Changes from this tab were not saved. "</strong>
                "Another tab saved since, and its version is shown now. Your changes are kept: save them over it, or export them as a backup file."
                <div class="actions">
                    <button class="primary" data-testid="unsaved-save" on:click=move |_| app.save_unsaved_again()>"Save my changes again"</button>
                    <button data-testid="unsaved-export" on:click=export>"Export my changes"</button>
                    <button data-testid="unsaved-discard" on:click=move |_| {
                        if confirm("Discard the changes this tab could not save?") { app.discard_unsaved() }
                    }>"Discard"</button>
                </div>
                <p class="error" role="status">{move || problem.get()}</p>
            </div>
        </Show>
    }
}
