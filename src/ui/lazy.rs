//! Pages whose code loads when first opened, and the backup writer the shell needs only for
//! one export. The build (`scripts/build.mjs`) splits each function below into its own wasm
//! chunk; the shell and the dashboard stay in the first load. A page whose chunk fails to
//! download shows a message with a retry button instead of a blank page.

use super::{components, pages, state};
use crate::core::ledger::Ledger;
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use std::future::Future;

/// Declares one loader per page: an async function that fetches the page's chunk (once) and
/// returns its view.
macro_rules! chunks {
    ($($chunk:ident => $module:ident::$page:ident),* $(,)?) => {$(
        #[doc = concat!("The [`", stringify!($page), "`](", stringify!($module), "::", stringify!($page), "), from its own chunk.")]
        #[wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
        pub fn $chunk() -> Result<AnyView, SplitLoaderError> {
            Ok(view! { <$module::$page /> }.into_any())
        }
    )*};
}

chunks! {
    clients => pages::ClientsPage,
    client => pages::ClientPage,
    client_letter => pages::ClientLetterPage,
    sent_letter => pages::SentLetterPage,
    pack => pages::EvidencePackPage,
    invoices => pages::InvoicesPage,
    invoice => pages::InvoicePage,
    settlement => pages::SettlementPage,
    templates => pages::TemplatesPage,
    data => pages::DataPage,
    import => pages::ImportPage,
    settings => pages::SettingsPage,
    // Shown only when the stored ledger cannot be read.
    recovery => components::Recovery,
}

/// [`state::backup_text`], from a chunk of its own: the shell needs it only to export changes
/// another tab saved over (the pages that export have it in their own chunks).
#[wasm_split(exporter, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn backup_text(ledger: &Ledger) -> Result<String, SplitLoaderError> {
    Ok(state::backup_text(ledger))
}

/// A route's view: the page once its chunk has loaded, a busy placeholder meanwhile, and a
/// retry message if the download fails (the failure is not remembered, so a retry refetches).
pub fn page<F, Fut>(load: F) -> impl IntoView
where
    F: Fn() -> Fut + Copy + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, SplitLoaderError>> + Send + 'static,
{
    let attempt = RwSignal::new(0_u32);
    let retry = move |_| attempt.update(|n| *n += 1);
    view! {
        <Suspense fallback=|| view! { <p class="opening muted" aria-busy="true">"Opening…"</p> }>
            {move || {
                attempt.track();
                Suspend::new(async move {
                    match load().await {
                        Ok(page) => page,
                        Err(_) => view! {
                            <section class="chunk-failed" role="alert" data-testid="chunk-failed">
                                <h1>"This page could not be loaded"</h1>
                                <p>
                                    "Overdue could not download the code for this page. Check your connection, then try again. "
                                    "Your records are not affected: they stay in this browser."
                                </p>
                                <button type="button" class="primary" data-testid="chunk-retry" on:click=retry>
                                    "Try again"
                                </button>
                            </section>
                        }
                        .into_any(),
                    }
                })
            }}
        </Suspense>
    }
}
