//! `/clients/<id>/letter`: one letter for all of a client's overdue invoices, with its
//! statement, drafted, sent and marked as sent like an invoice's letter.

use crate::core::ids::from_path_segment;
use crate::core::letters::Channel;
use crate::core::views::client_letter::{
    client_letter_page, ClientLetterPage, CurrencyTotal, StatementLine,
};
use crate::ui::browser::today;
use crate::ui::pages::invoice::letter::{LetterControls, LetterSheet, MarkSent};
use crate::ui::state::use_app;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The client letter page.
#[component]
pub fn ClientLetterPage() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let client_id = Memo::new(move |_| {
        params.with(|params| from_path_segment(&params.get("id").unwrap_or_default()))
    });
    let chosen = RwSignal::new(String::new());
    let channel = RwSignal::new(Channel::Email);
    let status = RwSignal::new(String::new());
    let page = Memo::new(move |_| {
        app.ledger.with(|books| {
            client_letter_page(
                books,
                &client_id.get(),
                &chosen.get(),
                channel.get(),
                today(),
            )
        })
    });
    let letter =
        Memo::new(move |_| page.with(|page| page.as_ref().and_then(|page| page.letter.clone())));
    view! {
        <Show when=move || page.with(Option::is_some) fallback=|| view! {
            <h1>"Client not found"</h1>
            <p>"This client does not exist, or was deleted. " <a href="/clients">"See all clients"</a> "."</p>
        }>
            <Statement page=Memo::new(move |_| page.get()) />
            <Show when=move || letter.with(Option::is_some)>
                <section class="letter-section" aria-label="The letter">
                    <LetterControls letter chosen status />
                    <LetterSheet letter />
                    <MarkSent letter channel status />
                    <p class="status ok" role="status">{move || status.get()}</p>
                </section>
            </Show>
        </Show>
    }
}

/// The heading, the step and the statement the letter covers.
#[component]
fn Statement(page: Memo<Option<ClientLetterPage>>) -> impl IntoView {
    let read = move |pick: fn(&ClientLetterPage) -> String| {
        page.with(|page| page.as_ref().map(pick).unwrap_or_default())
    };
    let lines = move || {
        page.with(|page| {
            page.as_ref()
                .map(|page| page.statement.clone())
                .unwrap_or_default()
        })
    };
    let totals = move || {
        page.with(|page| {
            page.as_ref()
                .map(|page| page.totals.clone())
                .unwrap_or_default()
        })
    };
    let left_out = move || {
        page.with(|page| {
            page.as_ref()
                .map(|page| page.left_out.clone())
                .unwrap_or_default()
        })
    };
    view! {
        <p class="crumbs"><a href="/clients">"Clients"</a> " / " <a href=move || read(|page| page.client_href.clone())>{move || read(|page| page.client_name.clone())}</a> " / "</p>
        <h1>"One letter for all overdue invoices"</h1>
        <p class="lead" data-testid="letter-step">{move || read(|page| page.step_note.clone())}</p>
        <Show when=move || !lines().is_empty()>
            <div class="table-wrap">
                <table class="statement">
                    <caption>"What the letter covers"</caption>
                    <thead><tr>
                        <th scope="col">"Invoice"</th><th scope="col">"Due"</th>
                        <th scope="col" class="num">"Days overdue"</th><th scope="col" class="num">"Balance"</th>
                        <th scope="col">"Ladder alone"</th>
                    </tr></thead>
                    <tbody>{move || lines().into_iter().map(|line| view! { <Line line /> }).collect_view()}</tbody>
                    <tfoot>{move || totals().into_iter().map(|total| view! { <Total total /> }).collect_view()}</tfoot>
                </table>
            </div>
        </Show>
        {move || left_out().into_iter().map(|line| view! { <p class="note" data-testid="letter-left-out">{line}</p> }).collect_view()}
    }
}

#[component]
fn Line(line: StatementLine) -> impl IntoView {
    view! {
        <tr data-testid="statement-row" data-invoice=line.invoice_id data-currency=line.currency data-amount=line.balance_amount>
            <td><a href=line.href>{line.number}</a></td>
            <td>{line.due_date}</td>
            <td class="num" data-value=line.days_overdue>{line.days_overdue}</td>
            <td class="num">{line.balance}</td>
            <td>{line.step}</td>
        </tr>
    }
}

#[component]
fn Total(total: CurrencyTotal) -> impl IntoView {
    let code = total.currency.clone();
    view! {
        <tr data-testid="statement-total" data-currency=code data-amount=total.amount>
            <th scope="row" colspan="3">"Total " {total.currency}</th>
            <td class="num"><strong>{total.total}</strong></td>
            <td></td>
        </tr>
    }
}
