//! Notices: the save banner, the backup reminder and empty states.

use crate::ui::state::use_app;
use leptos::prelude::*;

/// Shows why the last save failed, or why the stored data cannot be read.
#[component]
pub fn SaveBanner() -> impl IntoView {
    let app = use_app();
    view! {
        <Show when=move || app.save_error.get().is_some()>
            <div class="banner danger" role="alert" data-testid="save-error">
                <strong>"Your data is not safe yet. "</strong>
                {move || app.save_error.get()}
                " "
                <a href="/data">"Go to Data to export a backup."</a>
            </div>
        </Show>
    }
}

/// What to do when a list is empty.
#[component]
pub fn EmptyState(title: &'static str, children: Children) -> impl IntoView {
    view! {
        <div class="empty">
            <h2>{title}</h2>
            {children()}
        </div>
    }
}

/// Reminds the user to export a backup when changes have waited too long.
#[component]
pub fn BackupReminder() -> impl IntoView {
    let app = use_app();
    let overdue = move || {
        app.ledger
            .with(|books| books.backup_overdue(crate::ui::browser::today()))
    };
    view! {
        {move || overdue().map(|days| view! {
            <div class="banner info" role="status" data-testid="backup-reminder">
                {format!("Some changes from {days} days ago are not in a backup yet. ")}
                <a href="/data">"Export a backup"</a>
                " to keep a copy outside this browser."
            </div>
        })}
    }
}
