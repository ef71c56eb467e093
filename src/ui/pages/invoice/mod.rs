//! `/invoices/<id>`: one invoice. The route gathers the books, the id and the interest option,
//! asks [`invoice_page`] for everything it shows, and hands each panel its own slice, so a
//! change repaints only the panels whose figures changed.

mod case;
mod dispute;
mod interest;
pub(crate) mod letter;
mod payments;
mod write_off;

use crate::core::forms::InvoiceForm;
use crate::core::ids::{from_path_segment, link};
use crate::core::interest::InterestOptions;
use crate::core::views::invoice::{invoice_page, Figures, InvoicePage as Page};
use crate::ui::browser::{confirm, today};
use crate::ui::components::StatusBadge;
use crate::ui::editors::InvoiceEditor;
use crate::ui::state::use_app;
use case::CaseSection;
use interest::InterestPanel;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use letter::LetterPanel;
use payments::Payments;
use write_off::WriteOffPanel;

/// A part of the page, as a memo: it notifies only when that part changed.
fn part<T: Clone + PartialEq + Send + Sync + 'static>(
    page: Memo<Option<Page>>,
    pick: fn(&Page) -> T,
) -> Memo<Option<T>> {
    Memo::new(move |_| page.with(|page| page.as_ref().map(pick)))
}

/// One invoice.
#[component]
pub fn InvoicePage() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let invoice_id = Memo::new(move |_| {
        params.with(|params| from_path_segment(&params.get("id").unwrap_or_default()))
    });
    let uk_split = RwSignal::new(false);
    let page = Memo::new(move |_| {
        let options = InterestOptions {
            uk_split_half_years: uk_split.get(),
            ..InterestOptions::default()
        };
        app.ledger
            .with(|books| invoice_page(books, &invoice_id.get(), today(), options))
    });
    let found = Memo::new(move |_| page.with(|page| page.as_ref().map(|page| page.id.clone())));
    view! {
        {move || match found.get() {
            Some(id) => view! { <InvoiceView id page uk_split /> }.into_any(),
            None => view! {
                <h1>"Invoice not found"</h1>
                <p>"This invoice does not exist, or was deleted. " <a href="/invoices">"See all invoices"</a> "."</p>
            }
            .into_any(),
        }}
    }
}

#[component]
fn InvoiceView(id: String, page: Memo<Option<Page>>, uk_split: RwSignal<bool>) -> impl IntoView {
    let id = StoredValue::new(id);
    let editing = RwSignal::new(false);
    let recommended = page.with_untracked(|page| page.as_ref().map(|page| page.next_step.letter));
    view! {
        <InvoiceHead page editing />
        <Show when=move || editing.get()>
            <EditInvoice id=id.get_value() on_close=move || editing.set(false) />
        </Show>
        <InvoiceFigures figures=part(page, |page| page.figures.clone()) />
        <CaseSection invoice_id=id.get_value() case=part(page, |page| page.case.clone()) />
        <LetterPanel invoice_id=id.get_value() recommended advice=part(page, |page| page.next_step.advice.clone()) />
        <section aria-labelledby="interest-heading">
            <h2 id="interest-heading">"Late-payment interest"</h2>
            <InterestPanel interest=part(page, |page| page.interest.clone()) uk_split />
        </section>
        <section aria-labelledby="payments-heading">
            <h2 id="payments-heading">"Payments"</h2>
            <Payments invoice_id=id.get_value() lines=part(page, |page| page.payments.clone()) />
        </section>
        <section aria-labelledby="write-off-heading">
            <h2 id="write-off-heading">"Write-off"</h2>
            <WriteOffPanel invoice_id=id.get_value() written_off=part(page, |page| page.write_off.clone()) />
        </section>
    }
}

/// What the head of the page shows.
#[derive(Clone, PartialEq)]
struct Head {
    id: String,
    title: String,
    client_id: String,
    client_name: String,
    lead: String,
    disputed: bool,
    delete_question: String,
}

#[component]
fn InvoiceHead(page: Memo<Option<Page>>, editing: RwSignal<bool>) -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    let head = part(page, |page| Head {
        id: page.id.clone(),
        title: page.title.clone(),
        client_id: page.client_id.clone(),
        client_name: page.client_name.clone(),
        lead: page.lead.clone(),
        disputed: page.disputed,
        delete_question: page.delete_question.clone(),
    });
    let delete = Callback::new(move |_: ()| {
        let Some(head) = head.get_untracked() else {
            return;
        };
        if confirm(&head.delete_question)
            && app
                .commit(|ledger, _| ledger.delete_invoice(&head.id))
                .is_ok()
        {
            navigate(&link("clients", &head.client_id), Default::default());
        }
    });
    move || {
        head.get().map(|head| view! {
            <p class="crumbs"><a href="/invoices">"Invoices"</a> " / " <a href=link("clients", &head.client_id)>{head.client_name}</a></p>
            <div class="page-head">
                <h1>{head.title}</h1>
                <div class="actions">
                    <button aria-expanded=move || editing.get().to_string() on:click=move |_| editing.update(|open| *open = !*open)>"Edit invoice"</button>
                    <button class="danger" on:click=move |_| delete.run(())>"Delete invoice"</button>
                </div>
            </div>
            <p class="lead">
                {head.lead}
                {head.disputed.then_some(view! { <span class="tag warn">"disputed"</span> })}
            </p>
        })
    }
}

/// The invoice form, started from the invoice as it was when the form opened: a change saved
/// meanwhile (in another tab, or by a payment or write-off here) never overwrites what the
/// user is typing; the form says so and lets them choose.
#[component]
fn EditInvoice(id: String, on_close: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let app = use_app();
    let id = StoredValue::new(id);
    let latest = Memo::new(move |_| {
        app.ledger
            .with(|books| books.invoice(&id.get_value()).map(InvoiceForm::from_record))
    });
    latest.get_untracked().map(|initial| {
        view! {
            <InvoiceEditor initial latest=latest submit_label="Save changes" choose_client=true
                on_saved=move |_| on_close() on_cancel=move |_| on_close() />
        }
    })
}

#[component]
fn InvoiceFigures(figures: Memo<Option<Figures>>) -> impl IntoView {
    move || {
        figures.get().map(|figures| view! {
            <div class="figures">
                <div class="figure"><span class="label">"Amount"</span><span class="value">{figures.amount}</span></div>
                <div class="figure">
                    <span class="label">"Paid"</span><span class="value">{figures.paid}</span>
                    {figures.paid_later.map(|later| view! { <p class="hint stale" data-testid="paid-later">{later}</p> })}
                </div>
                <div class="figure strong">
                    <span class="label">"Balance"</span>
                    <span class="value" data-testid="balance" data-amount=figures.balance.plain>{figures.balance.text}</span>
                </div>
                <div class="figure">
                    <span class="label">"Days overdue"</span>
                    <span class="value" data-testid="days-overdue" data-value=figures.days_overdue.to_string()>{figures.days_overdue}</span>
                </div>
                <div class="figure"><span class="label">"Status"</span><span class="value"><StatusBadge status=figures.status /></span></div>
                {figures.credit.map(|credit| view! {
                    <div class="figure"><span class="label">"Credit"</span><span class="value" data-testid="credit" data-amount=credit.plain>{credit.text}</span></div>
                })}
            </div>
        })
    }
}
