//! The recovery screen, shown instead of the app when the stored ledger cannot be read.
//! Nothing is overwritten automatically: the user downloads the raw text, restores the
//! previous copy, or starts empty after confirming, and only after the download was offered.

use crate::store::{self, LocalStorage, LEDGER_KEY, PREVIOUS_KEY};
use crate::ui::browser::{confirm, download, today};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The recovery screen.
#[component]
pub fn Recovery() -> impl IntoView {
    let app = use_app();
    let downloaded = RwSignal::new(false);
    let message = RwSignal::new(String::new());
    let previous_readable = move || {
        app.load_error.track();
        store::raw(&LocalStorage, PREVIOUS_KEY)
            .ok()
            .flatten()
            .is_some_and(|text| crate::core::backup::import(&text).is_ok())
    };
    let download_raw = move |_| {
        let raw = store::raw(&LocalStorage, LEDGER_KEY)
            .ok()
            .flatten()
            .unwrap_or_default();
        match download(
            &format!("overdue-unreadable-{}.txt", today()),
            "text/plain",
            &raw,
        ) {
            Ok(()) => downloaded.set(true),
            Err(error) => message.set(error),
        }
    };
    let restore = move |_| {
        if let Err(error) = app.restore_previous() {
            message.set(error.to_string());
        }
    };
    let start_empty = move |_| {
        if confirm("Start with an empty ledger? The unreadable data will be removed from this browser. Keep the file you downloaded.") {
            if let Err(error) = app.start_empty() {
                message.set(error.to_string());
            }
        }
    };
    view! {
        <section class="card recovery" aria-labelledby="recovery-heading" data-testid="recovery">
            <h1 id="recovery-heading">"Your stored data needs attention"</h1>
            <p>{move || app.load_error.get()}</p>
            <p>"Nothing has been changed or deleted. Choose what to do:"</p>
            <ol>
                <li>
                    <strong>"Keep a copy of what is stored. "</strong>
                    "Download it exactly as it is, so nothing can be lost."
                    <div class="actions"><button class="primary" data-testid="download-raw" on:click=download_raw>"Download the stored data"</button></div>
                </li>
                <li>
                    <strong>"Restore the previous version. "</strong>
                    {move || if previous_readable() { "A readable copy from before the last save is available." } else { "There is no readable previous copy." }}
                    <div class="actions"><button data-testid="restore-previous" disabled=move || !previous_readable() on:click=restore>"Restore the previous version"</button></div>
                </li>
                <li>
                    <strong>"Start empty. "</strong>
                    "Then import a backup from Data, if you have one."
                    <div class="actions"><button class="danger" data-testid="start-empty" disabled=move || !downloaded.get() on:click=start_empty>"Start empty"</button></div>
                    <p class="hint">{move || (!downloaded.get()).then_some("Download the stored data first.")}</p>
                </li>
            </ol>
            <p class="status bad" role="alert">{move || message.get()}</p>
        </section>
    }
}
