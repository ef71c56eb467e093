//! `/clients/<id>`: one client with details, invoices and timeline; and the timeline list the
//! settlement page shows too.

use crate::core::error::FieldError;
use crate::core::forms::{ActivityForm, InvoiceForm};
use crate::core::ids::from_path_segment;
use crate::core::views::client::{
    client_page, delete_question, ClientPage as ClientView, Detail, ACTIVITY_CHOICES,
};
use crate::core::views::client_letter::client_letter_href;
use crate::core::views::rows::InvoiceRow;
use crate::core::views::settlement::Tone;
use crate::core::views::timeline::{timeline, TimelineEntry, TimelineFilter};
use crate::ui::browser::{confirm, today};
use crate::ui::components::{Draft, EmptyState, FormErrors, Input, InvoiceTable, Picker};
use crate::ui::editors::{ClientEditor, InvoiceEditor};
use crate::ui::state::use_app;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

/// One client.
#[component]
pub fn ClientPage() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let client_id = Memo::new(move |_| {
        params.with(|params| from_path_segment(&params.get("id").unwrap_or_default()))
    });
    let page = Memo::new(move |_| {
        app.ledger
            .with(|books| client_page(books, &client_id.get(), today()))
    });
    view! {
        <Show when=move || page.with(Option::is_some) fallback=|| view! {
            <h1>"Client not found"</h1>
            <p>"This client does not exist, or was deleted. " <a href="/clients">"See all clients"</a> "."</p>
        }>
            <ClientSections page=Memo::new(move |_| page.get().unwrap_or_default()) />
        </Show>
    }
}

#[component]
fn ClientSections(page: Memo<ClientView>) -> impl IntoView {
    let editing = RwSignal::new(false);
    let name = move || page.with(|page| page.summary.name.clone());
    let invoices = Signal::derive(move || page.with(|page| page.invoices.clone()));
    view! {
        <p class="crumbs"><a href="/clients">"Clients"</a> " / "</p>
        <div class="page-head">
            <h1>{name}</h1>
            <ClientActions page editing />
        </div>
        <p class="lead client-owes">
            {move || page.with(|page| page.summary.owes_sentence.clone())}
            {move || page.with(|page| page.consumer).then_some(view! { <span class="tag">"consumer"</span> })}
        </p>
        <Show when=move || editing.get() fallback=move || view! { <ClientDetails details=Signal::derive(move || page.with(|page| page.details.clone())) /> }>
            <ClientEditor initial=page.with_untracked(|page| page.edit_form.clone()) submit_label="Save changes"
                latest=Signal::derive(move || page.with(|page| (!page.id.is_empty()).then(|| page.edit_form.clone())))
                on_saved=move |_| editing.set(false) on_cancel=move |_| editing.set(false) />
        </Show>
        <ClientInvoices client_id=page.with_untracked(|page| page.id.clone()) invoices />
        <super::client_pause::ClientPause client_id=page.with_untracked(|page| page.id.clone()) />
        <CaseTimeline client_id=page.with_untracked(|page| page.id.clone())
            pack_href=page.with_untracked(|page| page.pack_href.clone()) />
    }
}

/// The settlement link, the edit toggle and delete with confirmation.
#[component]
fn ClientActions(page: Memo<ClientView>, editing: RwSignal<bool>) -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    let refusal = RwSignal::new(None::<String>);
    let delete = move |_| {
        let (id, name) = page.with_untracked(|page| (page.id.clone(), page.summary.name.clone()));
        let mut outcome = app.commit(|ledger, _| ledger.delete_client(&id, false));
        if let Err(needs @ FieldError::NeedsConfirmation { .. }) = &outcome {
            if !confirm(&delete_question(&name, needs)) {
                return;
            }
            outcome = app.commit(|ledger, _| ledger.delete_client(&id, true));
        }
        match outcome {
            Ok(()) => navigate("/clients", Default::default()),
            Err(error) => refusal.set(Some(error.to_string())),
        }
    };
    view! {
        <div class="actions">
            <a class="button" data-testid="draft-letter" href=move || page.with(|page| client_letter_href(&page.id))>"Draft one letter"</a>
            <a class="button" href=move || page.with(|page| page.settlement_href.clone())>"Settlement planner"</a>
            <button on:click=move |_| editing.update(|open| *open = !*open) aria-expanded=move || editing.get().to_string()>"Edit details"</button>
            <button class="danger" on:click=delete>"Delete client"</button>
        </div>
        <p class="status bad" role="alert">{move || refusal.get()}</p>
    }
}

#[component]
fn ClientDetails(details: Signal<Vec<Detail>>) -> impl IntoView {
    view! {
        <dl class="card details">
            {move || details.get().into_iter().map(|detail| view! {
                <div><dt>{detail.label}</dt><dd class:pre=detail.multiline>{detail.value}</dd></div>
            }).collect_view()}
        </dl>
    }
}

#[component]
fn ClientInvoices(client_id: String, invoices: Signal<Vec<InvoiceRow>>) -> impl IntoView {
    let app = use_app();
    let adding = RwSignal::new(false);
    let id = StoredValue::new(client_id);
    view! {
        <section aria-labelledby="invoices-heading">
            <div class="section-head">
                <h2 id="invoices-heading">"Invoices"</h2>
                <button on:click=move |_| adding.update(|open| *open = !*open) aria-expanded=move || adding.get().to_string()>"Add invoice"</button>
            </div>
            <Show when=move || adding.get()>
                <InvoiceEditor
                    initial=app.ledger.with_untracked(|books| InvoiceForm::new(&id.get_value(), &books.business, today()))
                    submit_label="Save invoice"
                    on_saved=move |_| adding.set(false)
                    on_cancel=move |_| adding.set(false) />
            </Show>
            <Show when=move || !invoices.with(Vec::is_empty) fallback=|| view! {
                <EmptyState title="No invoices yet">
                    <p>"Add the invoices you sent this client with " <strong>"Add invoice"</strong> "."</p>
                </EmptyState>
            }>
                <InvoiceTable rows=invoices caption="This client's invoices" />
            </Show>
        </section>
    }
}

/// Adds a note, call, promise or letter to the client's timeline.
#[component]
fn AddActivity(client_id: String) -> impl IntoView {
    let app = use_app();
    let draft = Draft::new(ActivityForm::new(&client_id, today()));
    let (form, error) = (draft.form, draft.error);
    let kinds = Signal::derive(|| {
        ACTIVITY_CHOICES
            .iter()
            .map(|(kind, label)| (kind.to_string(), label.to_string()))
            .collect::<Vec<_>>()
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        let saved = draft.submit(&ev, |typed: &ActivityForm| {
            let activity = typed.parse()?;
            app.commit(|ledger, ids| ledger.add_activity(activity, ids))
        });
        if saved.is_some() {
            form.update(|typed| typed.summary.clear());
        }
    };
    view! {
        <form class="card form inline-form activity-form" on:submit=submit novalidate>
            <Input form error form_id="activity" field="date" label="Date" kind="date"
                get=|typed: &ActivityForm| typed.date.clone() set=|typed, text| typed.date = text />
            <Picker form error form_id="activity" field="kind" label="Kind" options=kinds
                get=|typed: &ActivityForm| typed.kind.clone() set=|typed, text| typed.kind = text />
            <Input form error form_id="activity" field="summary" label="What happened"
                get=|typed: &ActivityForm| typed.summary.clone() set=|typed, text| typed.summary = text />
            <FormErrors error />
            <div class="actions"><button type="submit">"Add to timeline"</button></div>
        </form>
    }
}

/// The client's timeline: the add form, the filters by kind and invoice, and the entries.
#[component]
fn CaseTimeline(client_id: String, pack_href: String) -> impl IntoView {
    let app = use_app();
    let filter = RwSignal::new(TimelineFilter::default());
    let id = StoredValue::new(client_id.clone());
    let shown = Memo::new(move |_| {
        let filter = filter.get();
        app.ledger
            .with(|books| timeline(books, &id.get_value(), &filter, today()))
    });
    let entries = Signal::derive(move || shown.with(|shown| shown.entries.clone()));
    view! {
        <section aria-labelledby="timeline-heading">
            <div class="section-head">
                <h2 id="timeline-heading">"Timeline"</h2>
                <a class="button" href=pack_href data-testid="evidence-pack">"Evidence pack"</a>
            </div>
            <AddActivity client_id />
            <div class="timeline-filter" role="group" aria-label="Filter the timeline">
                <label for="timeline-kind">"Show"</label>
                <select id="timeline-kind" on:change=move |ev| filter.update(|f| f.kind = event_target_value(&ev))
                    prop:value=move || filter.with(|f| f.kind.clone())>
                    {move || shown.with(|shown| shown.kinds.clone()).into_iter().map(|(value, label)| view! {
                        <option value=value.clone() selected=move || filter.with(|f| f.kind == value)>{label}</option>
                    }).collect_view()}
                </select>
                <label for="timeline-invoice">"Concerning"</label>
                <select id="timeline-invoice" on:change=move |ev| filter.update(|f| f.invoice = event_target_value(&ev))
                    prop:value=move || filter.with(|f| f.invoice.clone())>
                    {move || shown.with(|shown| shown.invoices.clone()).into_iter().map(|(value, label)| view! {
                        <option value=value.clone() selected=move || filter.with(|f| f.invoice == value)>{label}</option>
                    }).collect_view()}
                </select>
                <span class="hint" aria-live="polite">{move || shown.with(|shown| format!("{}, newest first", shown.count))}</span>
            </div>
            <Show when=move || !entries.with(Vec::is_empty)
                fallback=move || view! { <p class="muted">{move || shown.with(|shown| shown.empty.clone())}</p> }>
                <Timeline entries />
            </Show>
        </section>
    }
}

/// Timeline entries, as given: the one list the client page and the settlement page show.
#[component]
pub(super) fn Timeline(#[prop(into)] entries: Signal<Vec<TimelineEntry>>) -> impl IntoView {
    view! {
        <Show when=move || !entries.with(Vec::is_empty) fallback=|| view! {
            <p class="muted">"Nothing logged yet. Record calls, promises and letters here so the history is documented."</p>
        }>
            <ol class="timeline">
                <For each=move || entries.get() key=|entry| entry.clone() let:entry>
                    <TimelineLine entry />
                </For>
            </ol>
        </Show>
    }
}

/// The badge class of a tone.
pub(super) fn tone_class(tone: Tone) -> &'static str {
    match tone {
        Tone::Good => "badge paid",
        Tone::Waiting => "badge part",
        Tone::Bad => "badge open",
    }
}

#[component]
fn TimelineLine(entry: TimelineEntry) -> impl IntoView {
    let TimelineEntry {
        date_iso,
        date,
        kind,
        kind_label,
        summary,
        invoices,
        badge,
        letter,
        ..
    } = entry;
    let kind_class = format!("tag kind kind-{kind}");
    let datetime = date_iso.clone();
    view! {
        <li data-testid="timeline-entry" data-date=date_iso data-kind=kind>
            <time datetime=datetime>{date}</time>
            <span class=kind_class>{kind_label}</span>
            <div class="what">
                <span class="summary">{summary}</span>
                {(!invoices.is_empty()).then(|| view! { <span class="invoices">{invoices}</span> })}
                {badge.map(|badge| view! { <span class=tone_class(badge.tone) data-state=badge.id>{badge.label}</span> })}
                {letter.map(|letter| view! {
                    <details class="sent-letter">
                        <summary>"Read the letter as sent"</summary>
                        <p class="sent-subject"><strong>"Subject: "</strong>{letter.subject}</p>
                        <div class="sent-body">{letter.body}</div>
                    </details>
                })}
            </div>
        </li>
    }
}
