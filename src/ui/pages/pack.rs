//! `/clients/<id>/pack`: the evidence pack, laid out to read on screen and to print on A4 or
//! US Letter with page numbers.

use crate::core::ids::from_path_segment;
use crate::core::interest::InterestOptions;
use crate::core::views::pack::{
    evidence_pack, DisputeRow, EvidencePack, InterestClaim, InterestGroup, LetterCopy, PackEvent,
    Party, PromiseRow, Statement, NOT_LEGAL_ADVICE,
};
use crate::core::views::settlement::PlanCard;
use crate::ui::browser::{print, today};
use crate::ui::pages::client::tone_class;
use crate::ui::state::use_app;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The evidence pack of one client.
#[component]
pub fn EvidencePackPage() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let include_paid_late = RwSignal::new(false);
    let pack = Memo::new(move |_| {
        let client_id = params.with(|p| from_path_segment(&p.get("id").unwrap_or_default()));
        let options = InterestOptions {
            include_paid_late: include_paid_late.get(),
            ..InterestOptions::default()
        };
        app.ledger
            .with(|books| evidence_pack(books, &client_id, today(), options))
    });
    let read = move |pick: fn(&EvidencePack) -> String| {
        pack.with(|pack| pack.as_ref().map(pick).unwrap_or_default())
    };
    view! {
        <Show when=move || pack.with(Option::is_some) fallback=|| view! {
            <h1>"Client not found"</h1>
            <p>"This client does not exist, or was deleted. " <a href="/clients">"See all clients"</a> "."</p>
        }>
            <div class="pack-controls no-print">
                <p class="crumbs"><a href="/clients">"Clients"</a> " / "
                    <a href=move || read(|pack| pack.client_href.clone())>{move || read(|pack| pack.client_name.clone())}</a> " / "</p>
                <div class="pack-toolbar">
                    <button class="primary" on:click=|_| print()>"Print or save as PDF"</button>
                    <div class="field check">
                        <input type="checkbox" id="pack-paid-late" prop:checked=move || include_paid_late.get()
                            on:change=move |ev| include_paid_late.set(event_target_checked(&ev)) />
                        <label for="pack-paid-late">"Include interest on invoices paid in full but late"</label>
                    </div>
                </div>
                <p class="hint">"Prints on A4 or US Letter with page numbers: choose the paper in the print dialog."</p>
            </div>
            {move || pack.get().map(|pack| view! { <PackView pack /> })}
        </Show>
    }
}

#[component]
fn PackView(pack: EvidencePack) -> impl IntoView {
    let EvidencePack {
        title,
        prepared,
        parties,
        statements,
        interest,
        chronology,
        letters,
        letters_untexted,
        promises,
        disputes,
        plans,
        include_paid_late,
        ..
    } = pack;
    view! {
        <article class="evidence-pack">
            <header class="pack-head">
                <h1>{title}</h1>
                <p>{prepared}</p>
            </header>
            <PackSection number=1 title="The parties">
                <div class="parties">
                    {parties.into_iter().map(|party| view! { <PartyCard party /> }).collect_view()}
                </div>
            </PackSection>
            <PackSection number=2 title="Statement of account">
                <StatementSection statements />
            </PackSection>
            <PackSection number=3 title="Interest and compensation">
                <InterestSection groups=interest include_paid_late />
            </PackSection>
            <PackSection number=4 title="Chronology">
                <Chronology events=chronology />
            </PackSection>
            <PackSection number=5 title="Letters as sent">
                <Letters letters untexted=letters_untexted />
            </PackSection>
            <PackSection number=6 title="Promises to pay">
                <Promises promises />
            </PackSection>
            <PackSection number=7 title="Disputes">
                <Disputes disputes />
            </PackSection>
            <PackSection number=8 title="Settlement plans">
                <Plans plans />
            </PackSection>
            <p class="pack-disclaimer">{NOT_LEGAL_ADVICE}</p>
        </article>
    }
}

#[component]
fn PackSection(number: u8, title: &'static str, children: Children) -> impl IntoView {
    let id = format!("pack-section-{number}");
    let labelled_by = id.clone();
    view! {
        <section class="pack-section" aria-labelledby=labelled_by>
            <h2 id=id>{format!("{number}. {title}")}</h2>
            {children()}
        </section>
    }
}

#[component]
fn PartyCard(party: Party) -> impl IntoView {
    view! {
        <div class="party">
            <h3>{party.role}</h3>
            <p><strong>{party.name}</strong></p>
            {party.lines.into_iter().map(|line| view! { <p>{line}</p> }).collect_view()}
        </div>
    }
}

#[component]
fn StatementSection(statements: Vec<Statement>) -> impl IntoView {
    if statements.is_empty() {
        return view! { <p>"No invoices are recorded for this client."</p> }.into_any();
    }
    let several = statements.len() > 1;
    statements
        .into_iter()
        .map(|statement| {
            let caption = format!("Statement of account in {}", statement.currency);
            view! {
                {several.then(|| view! { <h3>{format!("In {}", statement.currency)}</h3> })}
                <table class="pack-table stack">
                    <caption class="sr-only">{caption}</caption>
                    <thead><tr>
                        <th scope="col">"Invoice"</th><th scope="col">"Issued"</th><th scope="col">"Due"</th>
                        <th scope="col" class="num">"Amount"</th><th scope="col" class="num">"Paid"</th>
                        <th scope="col" class="num">"Credits"</th><th scope="col" class="num">"Balance"</th>
                    </tr></thead>
                    <tbody>
                        {statement.rows.into_iter().map(|row| { let number = row.number.clone(); view! {
                            <tr data-testid="pack-statement-row" data-number=number data-amount=row.balance.plain>
                                <td data-label="Invoice"><span>{row.number}{row.note.map(|note| view! { <span class="row-note">{note}</span> })}</span></td>
                                <td data-label="Issued">{row.issued}</td>
                                <td data-label="Due">{row.due}</td>
                                <td class="num" data-label="Amount">{row.amount}</td>
                                <td class="num" data-label="Paid">{row.paid}</td>
                                <td class="num" data-label="Credits">{row.credits}</td>
                                <td class="num" data-label="Balance">{row.balance.text}</td>
                            </tr>
                        }}).collect_view()}
                    </tbody>
                    <tfoot><tr class="total">
                        <td class="total-label">{format!("Total ({})", statement.currency)}</td>
                        <td class="blank"></td><td class="blank"></td>
                        <td class="num" data-label="Amount">{statement.amount}</td>
                        <td class="num" data-label="Paid">{statement.paid}</td>
                        <td class="num" data-label="Credits">{statement.credits}</td>
                        <td class="num" data-label="Balance due" data-testid="pack-total" data-currency=statement.currency.clone()
                            data-amount=statement.total.plain>{statement.total.text}</td>
                    </tr></tfoot>
                </table>
            }
        })
        .collect_view()
        .into_any()
}

#[component]
fn InterestSection(groups: Vec<InterestGroup>, include_paid_late: bool) -> impl IntoView {
    if groups.is_empty() {
        let text = if include_paid_late {
            "No invoice carries a claim for interest or compensation."
        } else {
            "No open invoice carries a claim for interest or compensation."
        };
        return view! { <p>{text}</p> }.into_any();
    }
    groups
        .into_iter()
        .map(|group| {
            view! {
                {group.claims.into_iter().map(|claim| view! { <ClaimBlock claim /> }).collect_view()}
                <p class="pack-claim-total">
                    {format!("Total claimed in {}: ", group.currency)}
                    <strong data-testid="pack-claim-total" data-currency=group.currency data-amount=group.total.plain>{group.total.text}</strong>
                </p>
            }
        })
        .collect_view()
        .into_any()
}

#[component]
fn ClaimBlock(claim: InterestClaim) -> impl IntoView {
    let view = claim.interest;
    let compensation = match view.compensation_citation {
        Some(citation) => format!("{} ({citation})", view.compensation.text),
        None => view.compensation.text.clone(),
    };
    view! {
        <div class="pack-claim">
            <h3>{format!("Invoice {}", claim.number)}</h3>
            {(!claim.note.is_empty()).then(|| view! { <p>{claim.note}</p> })}
            <p>{view.rule} ": " <span class="citation">{view.citation}</span></p>
            <dl class="pack-figures">
                <div><dt>"Principal outstanding"</dt><dd>{claim.outstanding}</dd></div>
                <div><dt>"Interest to date"</dt><dd>{view.total.text}</dd></div>
                <div><dt>"Fixed compensation"</dt><dd>{compensation}</dd></div>
                <div class="strong"><dt>"Claimed"</dt><dd>{claim.claim}</dd></div>
            </dl>
            {view.stale.map(|stale| view! { <p class="hint">{stale}</p> })}
            {view.notes.into_iter().map(|note| view! { <p class="hint">{note}</p> }).collect_view()}
            {(!view.rows.is_empty()).then(|| view! {
                <table class="pack-table breakdown stack">
                    <caption class="sr-only">{format!("Interest breakdown of invoice {}", claim.number)}</caption>
                    <thead><tr>
                        <th scope="col">"From"</th><th scope="col">"To"</th><th scope="col" class="num">"Days"</th>
                        <th scope="col" class="num">"Principal"</th><th scope="col" class="num">"Rate"</th>
                        <th scope="col" class="num">"Interest"</th><th scope="col">"Rate basis"</th>
                    </tr></thead>
                    <tbody>
                        {view.rows.into_iter().map(|row| view! {
                            <tr>
                                <td data-label="From">{row.from}</td><td data-label="To">{row.to}</td>
                                <td class="num" data-label="Days">{row.days}</td>
                                <td class="num" data-label="Principal">{row.principal}</td>
                                <td class="num" data-label="Rate">{row.rate}</td>
                                <td class="num" data-label="Interest">{row.interest}</td>
                                <td data-label="Rate basis">{row.basis}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            })}
            {view.arithmetic.map(|text| view! { <p class="hint">{text}</p> })}
            {view.appropriation.map(|text| view! { <p class="hint">{text}</p> })}
        </div>
    }
}

#[component]
fn Chronology(events: Vec<PackEvent>) -> impl IntoView {
    if events.is_empty() {
        return view! { <p>"No contact or event is recorded for this client."</p> }.into_any();
    }
    view! {
        <table class="pack-table chronology stack">
            <caption class="sr-only">"Every contact and event, in date order"</caption>
            <thead><tr>
                <th scope="col" class="num">"No."</th><th scope="col">"Date"</th><th scope="col">"Kind"</th>
                <th scope="col">"What happened"</th><th scope="col">"Invoices"</th>
            </tr></thead>
            <tbody>
                {events.into_iter().map(|event| {
                    let entry = event.entry;
                    let datetime = entry.date_iso.clone();
                    view! {
                        <tr data-testid="pack-event" data-date=entry.date_iso data-kind=entry.kind>
                            <td class="num" data-label="No.">{event.number}</td>
                            <td data-label="Date"><time datetime=datetime>{entry.date}</time></td>
                            <td data-label="Kind">{entry.kind_label}</td>
                            <td data-label="What happened">{entry.summary}
                                {entry.badge.map(|badge| view! { <span class=tone_class(badge.tone)>{badge.label}</span> })}
                            </td>
                            <td data-label="Invoices">{entry.invoices}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

#[component]
fn Letters(letters: Vec<LetterCopy>, untexted: Option<String>) -> impl IntoView {
    view! {
        {letters.is_empty().then(|| view! { <p>"No letter was recorded with its text as sent."</p> })}
        {letters.into_iter().map(|letter| view! {
            <div class="letter-copy" data-testid="pack-letter">
                <h3>{letter.title}</h3>
                <p class="hint">{letter.sent}</p>
                <p class="letter-copy-subject"><strong>"Subject: "</strong><span data-testid="pack-letter-subject">{letter.subject}</span></p>
                <div class="letter-copy-body" data-testid="pack-letter-body">{letter.body}</div>
            </div>
        }).collect_view()}
        {untexted.map(|text| view! { <p class="hint">{text}</p> })}
    }
}

#[component]
fn Promises(promises: Vec<PromiseRow>) -> impl IntoView {
    if promises.is_empty() {
        return view! { <p>"No promise to pay was recorded."</p> }.into_any();
    }
    view! {
        <table class="pack-table stack">
            <caption class="sr-only">"Promises to pay and their outcomes"</caption>
            <thead><tr>
                <th scope="col">"Made on"</th><th scope="col">"By"</th><th scope="col">"On"</th>
                <th scope="col" class="num">"Amount"</th><th scope="col">"By date"</th>
                <th scope="col" class="num">"Received in time"</th><th scope="col">"Outcome"</th>
            </tr></thead>
            <tbody>
                {promises.into_iter().map(|row| view! {
                    <tr>
                        <td data-label="Made on">{row.made_on}</td><td data-label="By">{row.by}</td>
                        <td data-label="On">{row.on}</td><td class="num" data-label="Amount">{row.amount}</td>
                        <td data-label="By date">{row.due}</td><td class="num" data-label="Received in time">{row.paid}</td>
                        <td data-label="Outcome"><span class=tone_class(row.state.tone) data-state=row.state.id>{row.state.label}</span></td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

#[component]
fn Disputes(disputes: Vec<DisputeRow>) -> impl IntoView {
    if disputes.is_empty() {
        return view! { <p>"No dispute was raised."</p> }.into_any();
    }
    view! {
        <table class="pack-table stack">
            <caption class="sr-only">"Disputes and their outcomes"</caption>
            <thead><tr>
                <th scope="col">"Opened"</th><th scope="col">"Invoice"</th><th scope="col">"Reason"</th>
                <th scope="col" class="num">"Disputed"</th><th scope="col">"Outcome"</th>
            </tr></thead>
            <tbody>
                {disputes.into_iter().map(|row| view! {
                    <tr>
                        <td data-label="Opened">{row.opened_on}</td><td data-label="Invoice">{row.invoice}</td>
                        <td data-label="Reason">{row.reason}</td><td class="num" data-label="Disputed">{row.amount}</td>
                        <td data-label="Outcome"><span class=tone_class(row.state.tone) data-state=row.state.id>{row.state.label}</span>
                            " " {row.outcome}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

#[component]
fn Plans(plans: Vec<PlanCard>) -> impl IntoView {
    if plans.is_empty() {
        return view! { <p>"No settlement plan was agreed."</p> }.into_any();
    }
    plans
        .into_iter()
        .map(|plan| {
            let caption = format!("Instalments of the plan {}", plan.heading);
            view! {
                <div class="pack-plan">
                    <h3>{plan.heading} " " <span class=tone_class(plan.tone)>{plan.status}</span></h3>
                    <p>{plan.received}</p>
                    <table class="pack-table stack">
                        <caption class="sr-only">{caption}</caption>
                        <thead><tr>
                            <th scope="col" class="num">"No."</th><th scope="col">"Due"</th>
                            <th scope="col" class="num">"Amount"</th><th scope="col" class="num">"Paid"</th><th scope="col">"State"</th>
                        </tr></thead>
                        <tbody>
                            {plan.instalments.into_iter().map(|row| view! {
                                <tr>
                                    <td class="num" data-label="No.">{row.number}</td><td data-label="Due">{row.date}</td>
                                    <td class="num" data-label="Amount">{row.amount}</td><td class="num" data-label="Paid">{row.paid}</td>
                                    <td data-label="State">{row.state}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }
        })
        .collect_view()
        .into_any()
}
