//! `/letters/<id>`: a letter exactly as it was sent, whatever its template says today.

use crate::core::ids::from_path_segment;
use crate::core::views::letter::sent_letter;
use crate::ui::browser::print;
use crate::ui::pages::invoice::letter::SheetView;
use crate::ui::state::use_app;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The page of one letter as sent.
#[component]
pub fn SentLetterPage() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let letter = Memo::new(move |_| {
        let id = params.with(|params| from_path_segment(&params.get("id").unwrap_or_default()));
        app.ledger.with(|books| sent_letter(books, &id))
    });
    move || {
        match letter.get() {
        None => view! {
            <h1>"Letter not found"</h1>
            <p>"No letter with this id was kept as sent. " <a href="/clients">"See all clients"</a> "."</p>
        }
        .into_any(),
        Some(letter) => view! {
            <p class="crumbs"><a href="/clients">"Clients"</a> " / " <a href=letter.client_href>{letter.client_name}</a> " / "</p>
            <div class="page-head">
                <h1>"Letter as sent"</h1>
                <div class="actions"><button data-testid="letter-print" on:click=move |_| print()>"Print or save as PDF"</button></div>
            </div>
            <p class="lead" data-testid="sent-line" data-date=letter.date_iso>
                {letter.sent_line} ", drafted from “" {letter.template_name} "”, about "
                {letter.invoices.into_iter().enumerate().map(|(at, (number, href))| view! {
                    {(at > 0).then_some(", ")}<a href=href>{number}</a>
                }).collect_view()} "."
            </p>
            <SheetView sheet=letter.sheet label="The letter as sent" />
        }
        .into_any(),
    }
    }
}
