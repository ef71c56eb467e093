//! `/data`: backup export and import, sample data and storage use.

use crate::core::backup;
use crate::core::ledger::Ledger;
use crate::core::sample::add_sample;
use crate::store::{self, LocalStorage};
use crate::ui::browser::{
    confirm, download, now_stamp, read_chosen_file, storage_estimate, storage_persisted, today,
};
use crate::ui::state::use_app;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What browsers allow one site in localStorage (characters are stored as UTF-16).
const LOCAL_STORAGE_BYTES: usize = 5 * 1024 * 1024;

/// The data page.
#[component]
pub fn DataPage() -> impl IntoView {
    let app = use_app();
    let status = RwSignal::new(None::<(bool, String)>);
    let export = move |_| {
        let text = app.ledger.with(|l| backup::export(l, &now_stamp()));
        let name = format!("overdue-backup-{}.json", today());
        match download(&name, "application/json", &text) {
            Ok(()) => app.note_export(),
            Err(e) => status.set(Some((false, e))),
        }
    };
    let import = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        leptos::task::spawn_local(async move {
            let outcome = match read_chosen_file(&input).await {
                Ok(Some(text)) => match app.import_backup(&text) {
                    Ok(summary) => (true, summary),
                    Err(message) => (false, message),
                },
                Ok(None) => return,
                Err(e) => (false, e),
            };
            input.set_value("");
            status.set(Some(outcome));
        });
    };
    let load_sample = move |_| {
        let mut next = Ledger::clone(&app.ledger.get_untracked());
        add_sample(&mut next, today());
        let added = next.clients.len() - app.ledger.with_untracked(|l| l.clients.len());
        let message = match app.replace(next) {
            Ok(()) => (true, format!("Added sample data: {added} clients with their invoices. Remove it in one click below.")),
            Err(e) => (false, e),
        };
        status.set(Some(message));
    };
    let remove_sample = move |_| {
        if confirm("Remove all sample clients with their invoices, payments and activities? Your own records stay.") {
            let _ = app.commit(|l, _| {
                l.remove_sample();
                Ok(())
            });
            status.set(Some((true, "Sample data removed.".into())));
        }
    };
    let stored_bytes = move || {
        app.ledger.track();
        [store::LEDGER_KEY, store::PREVIOUS_KEY]
            .iter()
            .map(|key| {
                store::raw(&LocalStorage, key)
                    .ok()
                    .flatten()
                    .map_or(0, |t| t.len() * 2)
            })
            .sum::<usize>()
    };
    let browser =
        LocalResource::new(|| async { (storage_estimate().await, storage_persisted().await) });
    view! {
        <h1>"Data"</h1>
        <p class="lead">"Everything lives in this browser's storage. Export a backup to keep a copy or to move your data to another browser."</p>
        <div class="cards">
            <section class="card" aria-labelledby="export-heading">
                <h2 id="export-heading">"Export a backup"</h2>
                <p>"Downloads one JSON file with your business profile, clients, invoices, payments and activity log."</p>
                <button class="primary" data-testid="export-backup" on:click=export>"Export backup"</button>
            </section>
            <section class="card" aria-labelledby="import-heading">
                <h2 id="import-heading">"Import a backup"</h2>
                <p>"Replaces what is stored here with the file's contents. The whole file is checked first: if anything is wrong, nothing changes."</p>
                <label for="import-file">"Backup file (.json)"</label>
                <input id="import-file" type="file" accept="application/json,.json" data-testid="import-file" on:change=import />
            </section>
            <section class="card" aria-labelledby="sample-heading">
                <h2 id="sample-heading">"Sample data"</h2>
                <p>"A small design studio's clients and invoices in GBP and EUR, to explore the app. Sample records are marked and can be removed in one click."</p>
                <div class="actions">
                    <button data-testid="load-sample" on:click=load_sample>"Load sample data"</button>
                    <Show when=move || app.ledger.with(|l| l.has_sample())>
                        <button class="danger" data-testid="remove-sample" on:click=remove_sample>"Remove sample data"</button>
                    </Show>
                </div>
            </section>
            <section class="card" aria-labelledby="storage-heading">
                <h2 id="storage-heading">"Storage"</h2>
                {move || {
                    let used = stored_bytes();
                    let share = used * 100 / LOCAL_STORAGE_BYTES;
                    let warning = if share >= 85 {
                        Some(("bad", "Storage is almost full: export a backup now, then remove sample data or old written-off clients to make room."))
                    } else if share >= 60 {
                        Some(("warn", "Storage is filling up: export a backup, and consider removing sample data or clients you no longer need."))
                    } else {
                        None
                    };
                    view! {
                        <p data-testid="storage-use" data-value=share.to_string()>{format!("Your ledger and its previous copy take {} KB, {share}% of the about 5 MB a browser allows one site in local storage.", used / 1024)}</p>
                        {warning.map(|(class, text)| view! { <p class=format!("status {class}") role="alert">{text}</p> })}
                    }
                }}
                {move || browser.get().map(|(estimate, persisted)| view! {
                    <p class="hint">{estimate.map(|(usage, quota)| format!("The browser reports {:.0} KB used of {:.0} MB available to this site.", usage / 1024.0, quota / 1_048_576.0))}</p>
                    <p data-testid="persisted">{match persisted {
                        Some(true) => "Persistent storage: granted. The browser will not clear your ledger to free space.",
                        Some(false) => "Persistent storage: not granted yet. The browser may clear site data under disk pressure, so export backups regularly.",
                        None => "Persistent storage: this browser does not say.",
                    }}</p>
                })}
            </section>
        </div>
        <p class="status" data-testid="import-status" role="status" class:ok=move || status.get().is_some_and(|s| s.0) class:bad=move || status.get().is_some_and(|s| !s.0)>
            {move || status.get().map(|s| s.1)}
        </p>
    }
}
