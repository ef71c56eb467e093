//! The letter view of an invoice: pick a step, preview it, and send it by copy, mail link,
//! .eml or print; "mark as sent" logs it so the ladder moves on.

use crate::core::aging::queue::advice_for;
use crate::core::dates::format_date_long;
use crate::core::ladder::{Advice, LadderStep};
use crate::core::letters::output::{eml, mailto, mailto_subject_only, Mailbox};
use crate::core::letters::sent_activity;
use crate::core::letters::variables::context;
use crate::core::settlement::letter_figures;
use crate::ui::browser::{copy_text, download, mail_date, print, today};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The letter panel for one invoice.
#[component]
pub fn LetterPanel(invoice_id: String) -> impl IntoView {
    let app = use_app();
    let id = StoredValue::new(invoice_id);
    let recommended =
        app.ledger
            .with_untracked(|l| match advice_for(l, &id.get_value(), today()) {
                Advice::Send(step) => step,
                Advice::Thank => LadderStep::PaymentThanks,
                _ => LadderStep::ReminderOverdue,
            });
    let chosen = RwSignal::new(recommended.id().to_string());
    let channel = RwSignal::new("email".to_string());
    let status = RwSignal::new(String::new());
    let letter = Memo::new(move |_| {
        app.ledger.with(|l| {
            let template = l.templates.get(&chosen.get())?;
            let values = context(
                l,
                &id.get_value(),
                today(),
                template.deadline_days,
                &letter_figures(l, &id.get_value()),
            )?;
            let (subject, body) = template.render(&values);
            let client = l
                .invoice(&id.get_value())
                .and_then(|i| l.client(&i.client_id))
                .cloned()?;
            Some((template, subject, body, client, l.business.clone()))
        })
    });
    let options = move || {
        app.ledger.with(|l| {
            l.templates
                .all()
                .into_iter()
                .map(|t| {
                    let selected = t.id == chosen.get_untracked();
                    let label = if t.id == recommended.id() {
                        format!("{} (recommended)", t.name)
                    } else {
                        t.name.clone()
                    };
                    view! { <option value=t.id selected=selected>{label}</option> }
                })
                .collect_view()
        })
    };
    let mark_sent = move |_| {
        let Some((template, ..)) = letter.get_untracked() else {
            return;
        };
        let outcome = app.commit(|l, ids| {
            let activity = sent_activity(
                l,
                &id.get_value(),
                &template,
                &channel.get_untracked(),
                today(),
            )
            .ok_or_else(|| crate::core::error::FieldError::NotFound("the invoice".into()))?;
            l.add_activity(activity, ids)
        });
        status.set(match outcome {
            Ok(_) => format!(
                "Logged on the client's timeline: {} sent by {}.",
                template.name,
                channel.get_untracked()
            ),
            Err(e) => e.to_string(),
        });
    };
    view! {
        {move || letter.get().map(|(template, subject, body, client, business)| {
            let link = mailto(&client.email, &subject, &body);
            let too_long = link.is_none();
            let href = link.unwrap_or_else(|| mailto_subject_only(&client.email, &subject));
            let copy_body = body.clone();
            let copy_all = format!("{subject}\n\n{body}");
            let eml_text = eml(
                &Mailbox { name: &business.name, address: &business.email },
                &Mailbox { name: &client.name, address: &client.email },
                &subject,
                &body,
                &mail_date(),
            );
            let eml_name = format!("{}-{}.eml", template.id, today());
            let is_demand = template.id == LadderStep::DemandLetter.id();
            view! {
                <div class="letter-controls">
                    <div class="field">
                        <label for="letter-template">"Letter"</label>
                        <select id="letter-template" data-testid="letter-template" on:change=move |ev| { chosen.set(event_target_value(&ev)); status.set(String::new()); }>
                            {options}
                        </select>
                    </div>
                    <div class="actions">
                        <button on:click=move |_| status.set(if copy_text(&copy_all) { "Subject and letter copied.".into() } else { "The browser did not allow copying; select the text instead.".into() })>"Copy"</button>
                        <a class="button" data-testid="letter-mailto" href=href
                            on:click=move |_| if too_long && copy_text(&copy_body) { status.set("The letter is too long for a mail link: it was copied, paste it into the message.".into()) }>
                            "Open in e-mail"
                        </a>
                        <button on:click=move |_| { let _ = download(&eml_name, "message/rfc822", &eml_text); }>"Download .eml"</button>
                        <button data-testid="letter-print" on:click=move |_| print()>"Print or save as PDF"</button>
                    </div>
                </div>
                {is_demand.then(|| view! { <p class="note legal">"This letter is a drafting aid, not legal advice. Check the figures and the rules that apply to your debt before sending it."</p> })}
                <article class="letter-sheet" aria-label="Letter preview">
                    <header class="letterhead">
                        <strong>{business.name.clone()}</strong>
                        <span class="pre">{business.address.clone()}</span>
                        <span>{business.email.clone()}</span>
                    </header>
                    <p class="letter-date">{format_date_long(today())}</p>
                    <p class="pre letter-to">{client.name.clone()}"\n"{client.address.clone()}</p>
                    <p class="letter-subject"><strong data-testid="letter-subject">{subject}</strong></p>
                    <div class="letter-body" data-testid="letter-body">{body}</div>
                </article>
                <div class="actions mark">
                    <label for="letter-channel">"Sent by"</label>
                    <select id="letter-channel" on:change=move |ev| channel.set(event_target_value(&ev))>
                        <option value="email">"e-mail"</option>
                        <option value="post">"post"</option>
                        <option value="hand">"hand"</option>
                    </select>
                    <button class="primary" data-testid="mark-sent" on:click=mark_sent>"Mark as sent"</button>
                </div>
                <p class="status ok" role="status">{move || status.get()}</p>
            }
        })}
    }
}
