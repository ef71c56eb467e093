//! The letters panel of an invoice: the ladder's advice, and the letter view: pick a letter,
//! preview it on a sheet, send it by copy, mail link, .eml or print, and mark it as sent so the
//! ladder moves on.

use crate::core::interest::InterestOptions;
use crate::core::ladder::LadderStep;
use crate::core::letters::{record_sent, Channel};
use crate::core::views::letter::{
    letter_view, letters_sent_about, sent_letter_href, LetterView, Sheet,
};
use crate::ui::browser::{copy_text, download, mail_date, print, today};
use crate::ui::components::paid_late::PaidLateCheckbox;
use crate::ui::state::use_app;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The letters section: the advice, and the letter view once "Draft letter" is pressed (or
/// the page was opened at `#letter`).
#[component]
pub fn LetterPanel(
    invoice_id: String,
    /// The letter the view opens with.
    recommended: Option<LadderStep>,
    /// The ladder's advice in a sentence.
    advice: Memo<Option<String>>,
) -> impl IntoView {
    let drafting = RwSignal::new(use_location().hash.get_untracked() == "#letter");
    let id = StoredValue::new(invoice_id);
    let first = recommended.unwrap_or(LadderStep::ReminderOverdue);
    view! {
        <section aria-labelledby="letter-heading" class="letter-section">
            <div class="section-head">
                <h2 id="letter-heading">"Letters"</h2>
                <button data-testid="draft-letter" aria-expanded=move || drafting.get().to_string()
                    on:click=move |_| drafting.update(|open| *open = !*open)>
                    {move || if drafting.get() { "Close letter" } else { "Draft letter" }}
                </button>
            </div>
            <p class="next-step">{move || advice.get()}</p>
            <LettersSent invoice_id=id.get_value() />
            <Show when=move || drafting.get()>
                <LetterDraft invoice_id=id.get_value() first />
            </Show>
        </section>
    }
}

/// The letters kept as sent about this invoice, each opening as it was sent.
#[component]
fn LettersSent(invoice_id: String) -> impl IntoView {
    let app = use_app();
    let sent = Memo::new(move |_| {
        app.ledger
            .with(|books| letters_sent_about(books, &invoice_id))
    });
    view! {
        <Show when=move || !sent.with(Vec::is_empty)>
            <h3>"Letters sent"</h3>
            <ul class="sent-letters">
                {move || sent.get().into_iter().map(|line| view! {
                    <li><time>{line.date}</time> " " <a data-testid="sent-letter" href=line.href>{line.subject}</a></li>
                }).collect_view()}
            </ul>
        </Show>
    }
}

/// The letter view: its parts share one memo of [`letter_view`].
#[component]
fn LetterDraft(invoice_id: String, first: LadderStep) -> impl IntoView {
    let app = use_app();
    let id = StoredValue::new(invoice_id);
    let chosen = RwSignal::new(first.id().to_string());
    let channel = RwSignal::new(Channel::Email);
    let status = RwSignal::new(String::new());
    let include_paid_late = RwSignal::new(false);
    let letter = Memo::new(move |_| {
        app.ledger.with(|books| {
            letter_view(
                books,
                &id.get_value(),
                &chosen.get(),
                channel.get(),
                InterestOptions {
                    include_paid_late: include_paid_late.get(),
                    ..InterestOptions::default()
                },
                today(),
            )
        })
    });
    let option = Signal::derive(move || {
        letter.with(|letter| letter.as_ref().and_then(|letter| letter.paid_late.clone()))
    });
    view! {
        <LetterControls letter chosen status />
        <PaidLateCheckbox option checked=include_paid_late />
        <LetterSheet letter />
        <MarkSent letter channel status />
        <p class="status ok" role="status">{move || status.get()}</p>
    }
}

/// The letter picker and the ways to send it.
#[component]
pub(crate) fn LetterControls(
    letter: Memo<Option<LetterView>>,
    chosen: RwSignal<String>,
    status: RwSignal<String>,
) -> impl IntoView {
    let read = move |pick: fn(&LetterView) -> String| {
        letter.with_untracked(|letter| letter.as_ref().map(pick).unwrap_or_default())
    };
    let copy_all = move |_| {
        status.set(if copy_text(&read(|letter| letter.copy_text.clone())) {
            "Subject and letter copied.".into()
        } else {
            "The browser did not allow copying; select the text instead.".into()
        });
    };
    let open_mail = move |_| {
        let fits = letter
            .with_untracked(|letter| letter.as_ref().is_none_or(|letter| letter.mailto_has_body));
        if !fits && copy_text(&read(|letter| letter.mail_body.clone())) {
            status.set(
                "The letter is too long for a mail link: it was copied, paste it into the message."
                    .into(),
            );
        }
    };
    let save_eml = move |_| {
        let file_name = read(|letter| letter.eml_file_name.clone());
        let message =
            letter.with_untracked(|letter| letter.as_ref().map(|letter| letter.eml(&mail_date())));
        if let Some(message) = message {
            if let Err(problem) = download(&file_name, "message/rfc822", &message) {
                status.set(problem);
            }
        }
    };
    view! {
        <div class="letter-controls">
            <div class="field">
                <label for="letter-template">"Letter"</label>
                <select id="letter-template" data-testid="letter-template"
                    on:change=move |ev| { chosen.set(event_target_value(&ev)); status.set(String::new()); }>
                    {move || letter.with(|letter| letter.as_ref().map(|letter| letter.templates.clone()).unwrap_or_default())
                        .into_iter()
                        .map(|choice| view! { <option value=choice.id selected=choice.selected>{choice.label}</option> })
                        .collect_view()}
                </select>
            </div>
            <div class="actions">
                <button on:click=copy_all>"Copy"</button>
                <a class="button" data-testid="letter-mailto" href=move || letter.with(|letter| letter.as_ref().map(|letter| letter.mailto.clone())) on:click=open_mail>
                    "Open in e-mail"
                </a>
                <button on:click=save_eml>"Download .eml"</button>
                <button data-testid="letter-print" on:click=move |_| print()>"Print or save as PDF"</button>
            </div>
        </div>
    }
}

/// The notices and the letter as printed.
#[component]
pub(crate) fn LetterSheet(letter: Memo<Option<LetterView>>) -> impl IntoView {
    move || {
        letter.get().map(|letter| {
            view! {
                {letter.legal_notice.map(|notice| view! { <p class="note legal">{notice}</p> })}
                {letter.stale.clone().map(|stale| view! { <p class="note stale" data-testid="letter-stale">{stale}</p> })}
                {letter.user_rate_note.map(|note| view! { <p class="note" data-testid="letter-user-rate">{note}</p> })}
                <SheetView sheet=letter.sheet() label="Letter preview" />
            }
        })
    }
}

/// A letter on its sheet: letterhead, date, recipient, subject and text.
#[component]
pub(crate) fn SheetView(sheet: Sheet, label: &'static str) -> impl IntoView {
    view! {
        <article class="letter-sheet" aria-label=label>
            <header class="letterhead">
                <strong>{sheet.sender.name}</strong>
                <span class="pre">{sheet.sender.address}</span>
                <span>{sheet.sender.email}</span>
            </header>
            <p class="letter-date">{sheet.date}</p>
            <p class="pre letter-to">{sheet.recipient.name}"\n"{sheet.recipient.address}</p>
            <p class="letter-subject"><strong data-testid="letter-subject">{sheet.subject}</strong></p>
            <div class="letter-body" data-testid="letter-body">{sheet.body}</div>
        </article>
    }
}

/// "Sent by" and "Mark as sent": keeps the letter exactly as sent and logs it on the
/// client's timeline against each invoice it covers.
#[component]
pub(crate) fn MarkSent(
    letter: Memo<Option<LetterView>>,
    channel: RwSignal<Channel>,
    status: RwSignal<String>,
) -> impl IntoView {
    let app = use_app();
    let kept = RwSignal::new(None::<String>);
    let mark_sent = move |_| {
        let sending = channel.get_untracked();
        let Some(letter) = letter.get_untracked() else {
            return;
        };
        let outcome = app.commit(|ledger, ids| {
            record_sent(ledger, letter.outgoing(sending), sending, today(), ids)
        });
        match outcome {
            Ok((id, message)) => {
                kept.set(Some(sent_letter_href(&id)));
                status.set(message);
            }
            Err(error) => {
                kept.set(None);
                status.set(error.to_string());
            }
        }
    };
    view! {
        <div class="actions mark">
            <label for="letter-channel">"Sent by"</label>
            <select id="letter-channel"
                on:change=move |ev| if let Some(picked) = Channel::from_id(&event_target_value(&ev)) { channel.set(picked) }>
                {move || letter.with(|letter| letter.as_ref().map(|letter| letter.channels.clone()).unwrap_or_default())
                    .into_iter()
                    .map(|choice| view! { <option value=choice.channel.id() selected=choice.selected>{choice.channel.label()}</option> })
                    .collect_view()}
            </select>
            <button class="primary" data-testid="mark-sent" on:click=mark_sent>"Mark as sent"</button>
            {move || kept.get().map(|href| view! { <a data-testid="open-sent-letter" href=href>"Open the letter as sent"</a> })}
        </div>
    }
}
