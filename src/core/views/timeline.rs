//! A client's case history as one chronological list: letters as sent, calls, notes, promises
//! and their outcomes, disputes and their outcomes, payments and credits, pauses, plans and
//! write-offs; filtered by kind and by invoice for the client page, in date order for the pack.

use crate::core::books::Books;
use crate::core::case::{promise_phrase, promise_status, PromiseState, CREDIT_NOTE};
use crate::core::currency::Currency;
use crate::core::dates::{add_days, format_date};
use crate::core::model::{activity_kind, Activity, Dispute, Invoice, Pause, Promise, SentLetter};
use crate::core::money::format_money;
use crate::core::views::settlement::Tone;
use chrono::NaiveDate;

/// The `data-kind` of a promise to pay and of its outcome.
pub const PROMISE: &str = activity_kind::PROMISE;
/// The `data-kind` of a dispute opened and of its resolution.
pub const DISPUTE: &str = "dispute";
/// The `data-kind` of money received.
pub const PAYMENT: &str = activity_kind::PAYMENT;
/// The `data-kind` of a credit note (a credit, not money received).
pub const CREDIT: &str = "credit";
/// The `data-kind` of a pause in chasing.
pub const PAUSE: &str = "pause";

/// The kinds the filter offers, in its order, with their labels.
const KINDS: [(&str, &str); 10] = [
    (activity_kind::LETTER, "Letters"),
    (activity_kind::CALL, "Calls"),
    (activity_kind::NOTE, "Notes"),
    (PROMISE, "Promises"),
    (DISPUTE, "Disputes"),
    (PAYMENT, "Payments"),
    (CREDIT, "Credits"),
    (PAUSE, "Pauses"),
    (activity_kind::SETTLEMENT, "Plans"),
    (activity_kind::WRITE_OFF, "Write-offs"),
];

/// A stored or computed kind for people; a kind the app does not know is shown as stored.
pub fn kind_label(kind: &str) -> String {
    match kind {
        activity_kind::NOTE => "Note",
        activity_kind::CALL => "Phone call",
        activity_kind::PROMISE => "Promise to pay",
        activity_kind::LETTER => "Letter",
        activity_kind::PAYMENT => "Payment",
        activity_kind::WRITE_OFF => "Write-off",
        activity_kind::SETTLEMENT => "Plan",
        DISPUTE => "Dispute",
        CREDIT => "Credit",
        PAUSE => "Pause",
        other => other,
    }
    .to_string()
}

/// A state shown as a badge beside an entry: a promise's outcome, a dispute's, a pause's.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Badge {
    /// The identifier, for `data-state`: `pending`, `kept`, `upheld`, `active`…
    pub id: String,
    /// The word for people.
    pub label: String,
    /// How it reads at a glance.
    pub tone: Tone,
}

/// A letter's exact text as it was sent.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LetterText {
    /// The subject line as sent.
    pub subject: String,
    /// The body as sent.
    pub body: String,
}

/// One entry of a client's case history.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TimelineEntry {
    /// Unique among the client's entries, such as `activity:a1` or `promise:p1:outcome`.
    pub key: String,
    /// The date, ISO, for `<time datetime>` and `data-date`.
    pub date_iso: String,
    /// The date, for people.
    pub date: String,
    /// The kind, for `data-kind` and the filter.
    pub kind: String,
    /// The kind, for people.
    pub kind_label: String,
    /// What happened.
    pub summary: String,
    /// The invoice numbers it concerns, such as "INV-001, INV-002"; empty for the account.
    pub invoices: String,
    /// The outcome or state, where the entry has one.
    pub badge: Option<Badge>,
    /// A letter's exact text, for a letter kept as sent.
    pub letter: Option<LetterText>,
}

/// Which invoices an entry concerns, for the invoice filter.
#[derive(Debug, Clone)]
enum Covers {
    /// These invoices, by id.
    Invoices(Vec<String>),
    /// Every invoice of the account (in one currency, or all of them).
    Account(Option<Currency>),
    /// No invoice in particular, such as a general note.
    Nothing,
}

/// An entry with what it is sorted and filtered by.
#[derive(Debug, Clone)]
struct Dated {
    on: NaiveDate,
    /// Within a day: openings first, then contacts, money, outcomes and closings.
    rank: u8,
    /// Within a rank: the order the records were kept in.
    seq: usize,
    covers: Covers,
    entry: TimelineEntry,
}

/// The order of entries on one day.
mod rank {
    pub const PAUSE: u8 = 0;
    pub const DISPUTE_OPENED: u8 = 1;
    pub const PROMISE_MADE: u8 = 2;
    pub const CONTACT: u8 = 3;
    pub const MONEY: u8 = 4;
    pub const PROMISE_OUTCOME: u8 = 5;
    pub const DISPUTE_RESOLVED: u8 = 6;
    pub const WRITE_OFF: u8 = 7;
    pub const PLAN: u8 = 8;
}

struct Context<'a> {
    books: &'a Books,
    client_id: &'a str,
    today: NaiveDate,
}

impl Context<'_> {
    fn number(&self, invoice_id: &str) -> String {
        self.books
            .invoice(invoice_id)
            .map_or_else(|| invoice_id.to_string(), |invoice| invoice.number.clone())
    }

    fn numbers(&self, invoice_ids: &[String]) -> String {
        invoice_ids
            .iter()
            .map(|id| self.number(id))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn invoices(&self) -> impl Iterator<Item = &Invoice> + '_ {
        self.books.invoices_of(self.client_id)
    }
}

#[allow(clippy::too_many_arguments)]
fn dated(
    key: String,
    on: NaiveDate,
    rank: u8,
    seq: usize,
    kind: &str,
    summary: String,
    covers: Covers,
    invoices: String,
) -> Dated {
    Dated {
        on,
        rank,
        seq,
        covers,
        entry: TimelineEntry {
            key,
            date_iso: on.to_string(),
            date: format_date(on),
            kind: kind.to_string(),
            kind_label: kind_label(kind),
            summary,
            invoices,
            badge: None,
            letter: None,
        },
    }
}

fn badge(id: &str, label: &str, tone: Tone) -> Option<Badge> {
    Some(Badge {
        id: id.to_string(),
        label: label.to_string(),
        tone,
    })
}

/// How a promise's state reads at a glance.
pub(crate) fn promise_tone(state: PromiseState) -> Tone {
    match state {
        PromiseState::Kept => Tone::Good,
        PromiseState::Pending => Tone::Waiting,
        PromiseState::PartKept | PromiseState::Broken => Tone::Bad,
    }
}

/// The day a promise reached its outcome: the payment that completed it, or the first day
/// after its deadline; `None` while it is pending.
fn promise_outcome_day(
    context: &Context,
    promise: &Promise,
    grace_days: u32,
) -> Option<(PromiseState, NaiveDate)> {
    let ledger = context.books;
    let status = promise_status(ledger, promise, grace_days, context.today);
    match status.state {
        PromiseState::Pending => None,
        PromiseState::Kept => {
            let mut days: Vec<NaiveDate> = ledger
                .payments
                .iter()
                .map(|payment| payment.date)
                .filter(|&day| day >= promise.made_on && day <= status.deadline)
                .collect();
            days.sort();
            let kept_on = days
                .into_iter()
                .find(|&day| {
                    promise_status(ledger, promise, grace_days, day).state == PromiseState::Kept
                })
                .unwrap_or(status.deadline);
            Some((PromiseState::Kept, kept_on))
        }
        state => Some((state, add_days(status.deadline, 1))),
    }
}

fn promise_entries(context: &Context, seq: usize, promise: &Promise, out: &mut Vec<Dated>) {
    let grace = context.books.settings.promise_grace_days;
    let status = promise_status(context.books, promise, grace, context.today);
    let covers = match &promise.invoice_id {
        Some(id) => Covers::Invoices(vec![id.clone()]),
        None => Covers::Account(Some(promise.currency.clone())),
    };
    let invoices = promise
        .invoice_id
        .as_deref()
        .map(|id| context.number(id))
        .unwrap_or_default();
    let who = if promise.promised_by.trim().is_empty() {
        "The client".to_string()
    } else {
        promise.promised_by.trim().to_string()
    };
    let mut summary = format!("{who} {}", promise_phrase(promise));
    if !promise.channel.trim().is_empty() {
        summary.push_str(&format!(" ({})", promise.channel.trim()));
    }
    if !promise.note.trim().is_empty() {
        summary.push_str(&format!(": {}", promise.note.trim()));
    }
    let mut made = dated(
        format!("promise:{}", promise.id),
        promise.made_on,
        rank::PROMISE_MADE,
        seq,
        PROMISE,
        summary,
        covers.clone(),
        invoices.clone(),
    );
    made.entry.badge = badge(
        status.state.id(),
        status.state.label(),
        promise_tone(status.state),
    );
    out.push(made);
    let Some((state, on)) = promise_outcome_day(context, promise, grace) else {
        return;
    };
    let money = |value| format_money(value, &promise.currency);
    let promised = money(promise.amount.value());
    let deadline = format_date(status.deadline);
    let summary = match state {
        PromiseState::Kept => format!("Promise of {promised} by {} kept", format_date(promise.due)),
        PromiseState::PartKept => format!(
            "Promise of {promised} by {} part-kept: {} received by {deadline}",
            format_date(promise.due),
            money(status.paid)
        ),
        _ => format!(
            "Promise of {promised} by {} broken: nothing received by {deadline}",
            format_date(promise.due)
        ),
    };
    let mut outcome = dated(
        format!("promise:{}:outcome", promise.id),
        on,
        rank::PROMISE_OUTCOME,
        seq,
        PROMISE,
        summary,
        covers,
        invoices,
    );
    outcome.entry.badge = badge(state.id(), state.label(), promise_tone(state));
    out.push(outcome);
}

/// The note the ledger logs when it resolves a dispute (shown once, as the dispute's own entry).
fn resolution_note(context: &Context, dispute: &Dispute) -> Option<(NaiveDate, String, String)> {
    let resolution = dispute.resolution.as_ref()?;
    Some((
        resolution.date,
        dispute.invoice_id.clone(),
        format!(
            "Dispute of invoice {} resolved: {}",
            context.number(&dispute.invoice_id),
            resolution.outcome.label()
        ),
    ))
}

fn dispute_entries(context: &Context, seq: usize, dispute: &Dispute, out: &mut Vec<Dated>) {
    let number = context.number(&dispute.invoice_id);
    let currency = context
        .books
        .invoice(&dispute.invoice_id)
        .map(|invoice| invoice.currency.clone())
        .unwrap_or_default();
    let part = dispute.amount.map_or_else(
        || "the whole invoice".to_string(),
        |amount| format_money(amount.value(), &currency),
    );
    let mut summary = format!(
        "Dispute of invoice {number} opened ({part}): {}",
        dispute.reason.trim()
    );
    if !dispute.notes.trim().is_empty() {
        summary.push_str(&format!(". {}", dispute.notes.trim()));
    }
    let covers = Covers::Invoices(vec![dispute.invoice_id.clone()]);
    let mut opened = dated(
        format!("dispute:{}", dispute.id),
        dispute.opened_on,
        rank::DISPUTE_OPENED,
        seq,
        DISPUTE,
        summary,
        covers.clone(),
        number.clone(),
    );
    opened.entry.badge = match &dispute.resolution {
        Some(resolution) => badge(
            resolution.outcome.id(),
            &format!("Resolved: {}", resolution.outcome.id()),
            Tone::Good,
        ),
        None => badge("open", "Open", Tone::Waiting),
    };
    out.push(opened);
    if let Some(resolution) = &dispute.resolution {
        let mut summary = format!(
            "Dispute of invoice {number} resolved. {}.",
            resolution.outcome.label()
        );
        if !resolution.note.trim().is_empty() {
            summary.push_str(&format!(" {}", resolution.note.trim()));
        }
        let mut resolved = dated(
            format!("dispute:{}:resolution", dispute.id),
            resolution.date,
            rank::DISPUTE_RESOLVED,
            seq,
            DISPUTE,
            summary,
            covers,
            number,
        );
        resolved.entry.badge = badge(
            resolution.outcome.id(),
            &capitalised(resolution.outcome.id()),
            Tone::Good,
        );
        out.push(resolved);
    }
}

/// The text with its first letter in capitals.
pub(crate) fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn pause_entry(context: &Context, seq: usize, pause: &Pause) -> Dated {
    let (what, covers, invoices) = match &pause.invoice_id {
        Some(id) => {
            let number = context.number(id);
            (
                format!("invoice {number}"),
                Covers::Invoices(vec![id.clone()]),
                number,
            )
        }
        None => (
            "all invoices".to_string(),
            Covers::Account(None),
            String::new(),
        ),
    };
    let summary = format!(
        "Chasing of {what} paused until {}: {}",
        format_date(pause.until),
        pause.reason.trim()
    );
    let mut entry = dated(
        format!("pause:{}", pause.id),
        pause.from,
        rank::PAUSE,
        seq,
        PAUSE,
        summary,
        covers,
        invoices,
    );
    entry.entry.badge = if pause.is_active(context.today) {
        badge("active", "Active", Tone::Waiting)
    } else if context.today < pause.from {
        badge("planned", "Planned", Tone::Waiting)
    } else {
        badge("ended", "Ended", Tone::Good)
    };
    entry
}

fn letter_entry(context: &Context, seq: usize, letter: &SentLetter) -> Dated {
    let mut summary = format!("“{}” sent", letter.subject);
    if !letter.channel.trim().is_empty() {
        summary.push_str(&format!(" by {}", letter.channel.trim()));
    }
    let mut entry = dated(
        format!("letter:{}", letter.id),
        letter.date,
        rank::CONTACT,
        seq,
        activity_kind::LETTER,
        summary,
        Covers::Invoices(letter.invoice_ids.clone()),
        context.numbers(&letter.invoice_ids),
    );
    entry.entry.letter = Some(LetterText {
        subject: letter.subject.clone(),
        body: letter.body.clone(),
    });
    entry
}

fn activity_entry(context: &Context, seq: usize, activity: &Activity) -> Dated {
    let rank = match activity.kind.as_str() {
        activity_kind::WRITE_OFF => rank::WRITE_OFF,
        activity_kind::SETTLEMENT => rank::PLAN,
        activity_kind::PAYMENT => rank::MONEY,
        _ => rank::CONTACT,
    };
    let (covers, invoices) = match &activity.invoice_id {
        Some(id) => (Covers::Invoices(vec![id.clone()]), context.number(id)),
        None => (Covers::Nothing, String::new()),
    };
    dated(
        format!("activity:{}", activity.id),
        activity.date,
        rank,
        seq,
        &activity.kind,
        activity.summary.clone(),
        covers,
        invoices,
    )
}

fn payment_entries(context: &Context, out: &mut Vec<Dated>) {
    for invoice in context.invoices() {
        for (seq, payment) in context.books.payments_by_date(&invoice.id).enumerate() {
            let amount = format_money(payment.amount.value(), &invoice.currency);
            let credit = payment.method.trim().eq_ignore_ascii_case(CREDIT_NOTE);
            let mut summary = if credit {
                format!("Credit note of {amount} on invoice {}", invoice.number)
            } else if payment.method.trim().is_empty() {
                format!("{amount} received for invoice {}", invoice.number)
            } else {
                format!(
                    "{amount} received for invoice {} by {}",
                    invoice.number,
                    payment.method.trim()
                )
            };
            if !payment.note.trim().is_empty() {
                summary.push_str(&format!(": {}", payment.note.trim()));
            }
            out.push(dated(
                format!("payment:{}", payment.id),
                payment.date,
                rank::MONEY,
                seq,
                if credit { CREDIT } else { PAYMENT },
                summary,
                Covers::Invoices(vec![invoice.id.clone()]),
                invoice.number.clone(),
            ));
        }
    }
}

/// Write-offs the activity log does not hold (such as those of an imported file).
fn unlogged_write_offs(context: &Context, activities: &[&Activity], out: &mut Vec<Dated>) {
    for (seq, invoice) in context.invoices().enumerate() {
        let Some(write_off) = &invoice.write_off else {
            continue;
        };
        let logged = activities.iter().any(|activity| {
            activity.kind == activity_kind::WRITE_OFF
                && activity.date == write_off.date
                && activity.invoice_id.as_deref() == Some(invoice.id.as_str())
        });
        if !logged {
            out.push(dated(
                format!("write-off:{}", invoice.id),
                write_off.date,
                rank::WRITE_OFF,
                seq,
                activity_kind::WRITE_OFF,
                format!(
                    "Invoice {} written off: {}",
                    invoice.number,
                    write_off.reason.trim()
                ),
                Covers::Invoices(vec![invoice.id.clone()]),
                invoice.number.clone(),
            ));
        }
    }
}

/// Every entry of the client's history on `today`, with what sorts and filters it.
fn history(books: &Books, client_id: &str, today: NaiveDate) -> Vec<Dated> {
    let context = Context {
        books,
        client_id,
        today,
    };
    let activities: Vec<&Activity> = books
        .activities
        .iter()
        .filter(|activity| activity.client_id == client_id)
        .collect();
    let letters: Vec<&SentLetter> = books
        .letters
        .iter()
        .filter(|letter| letter.client_id == client_id)
        .collect();
    let disputes: Vec<&Dispute> = books
        .disputes
        .iter()
        .filter(|dispute| dispute.client_id == client_id)
        .collect();
    let resolution_notes: Vec<(NaiveDate, String, String)> = disputes
        .iter()
        .filter_map(|dispute| resolution_note(&context, dispute))
        .collect();
    let mut out = Vec::new();
    for (seq, activity) in activities.iter().enumerate() {
        let kept_letter = activity
            .letter_id
            .as_deref()
            .is_some_and(|id| letters.iter().any(|letter| letter.id == id));
        let resolution = activity.kind == activity_kind::NOTE
            && resolution_notes.iter().any(|(on, invoice_id, summary)| {
                *on == activity.date
                    && activity.invoice_id.as_deref() == Some(invoice_id.as_str())
                    && *summary == activity.summary
            });
        if !kept_letter && !resolution {
            out.push(activity_entry(&context, seq, activity));
        }
    }
    for (index, letter) in letters.iter().enumerate() {
        let seq = activities
            .iter()
            .position(|activity| activity.letter_id.as_deref() == Some(letter.id.as_str()))
            .unwrap_or(activities.len() + index);
        out.push(letter_entry(&context, seq, letter));
    }
    let promises = books.promises.iter().filter(|p| p.client_id == client_id);
    for (seq, promise) in promises.enumerate() {
        promise_entries(&context, seq, promise, &mut out);
    }
    for (seq, dispute) in disputes.iter().enumerate() {
        dispute_entries(&context, seq, dispute, &mut out);
    }
    let pauses = books.pauses.iter().filter(|p| p.client_id == client_id);
    for (seq, pause) in pauses.enumerate() {
        out.push(pause_entry(&context, seq, pause));
    }
    payment_entries(&context, &mut out);
    unlogged_write_offs(&context, &activities, &mut out);
    out.sort_by_key(|a| (a.on, a.rank, a.seq));
    out
}

/// A client's whole case history on `today`, oldest first: the evidence pack's chronology.
pub fn chronology(books: &Books, client_id: &str, today: NaiveDate) -> Vec<TimelineEntry> {
    history(books, client_id, today)
        .into_iter()
        .map(|dated| dated.entry)
        .collect()
}

/// What the client page's timeline shows: a kind and an invoice, or everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TimelineFilter {
    /// A kind from the filter's options; empty for every kind.
    pub kind: String,
    /// An invoice id; empty for every invoice and the account.
    pub invoice: String,
}

/// The client page's timeline: entries newest first, and the filter's choices.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Timeline {
    /// The entries the filter lets through, newest first.
    pub entries: Vec<TimelineEntry>,
    /// The kind filter's options as (value, label), starting with every kind ("").
    pub kinds: Vec<(String, String)>,
    /// The invoice filter's options as (invoice id, label), starting with every invoice ("").
    pub invoices: Vec<(String, String)>,
    /// "3 of 12 entries" when filtered, "12 entries" otherwise.
    pub count: String,
    /// What to say when no entry shows; empty when some do.
    pub empty: String,
}

fn covers_invoice(covers: &Covers, invoice: &Invoice) -> bool {
    match covers {
        Covers::Invoices(ids) => ids.contains(&invoice.id),
        Covers::Account(currency) => currency.as_ref().is_none_or(|c| *c == invoice.currency),
        Covers::Nothing => false,
    }
}

/// The timeline of `client_id` on `today` through `filter`, newest first. An invoice filter
/// keeps entries about that invoice, including promises on the account in its currency and
/// pauses of the whole client.
pub fn timeline(
    books: &Books,
    client_id: &str,
    filter: &TimelineFilter,
    today: NaiveDate,
) -> Timeline {
    let all = history(books, client_id, today);
    let kinds = std::iter::once((String::new(), "All kinds".to_string()))
        .chain(
            KINDS
                .iter()
                .filter(|(kind, _)| all.iter().any(|dated| dated.entry.kind == *kind))
                .map(|(kind, label)| (kind.to_string(), label.to_string())),
        )
        .chain(
            all.iter()
                .map(|dated| dated.entry.kind.clone())
                .filter(|kind| !KINDS.iter().any(|(known, _)| known == kind))
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .map(|kind| (kind.clone(), kind)),
        )
        .collect();
    let invoices = std::iter::once((String::new(), "All invoices".to_string()))
        .chain(
            books
                .invoices_of(client_id)
                .map(|invoice| (invoice.id.clone(), format!("Invoice {}", invoice.number))),
        )
        .collect();
    let invoice = books
        .invoice(&filter.invoice)
        .filter(|invoice| invoice.client_id == client_id);
    let total = all.len();
    let mut entries: Vec<TimelineEntry> = all
        .into_iter()
        .filter(|dated| filter.kind.is_empty() || dated.entry.kind == filter.kind)
        .filter(|dated| invoice.is_none_or(|invoice| covers_invoice(&dated.covers, invoice)))
        .map(|dated| dated.entry)
        .collect();
    entries.reverse();
    let filtered = !filter.kind.is_empty() || invoice.is_some();
    let count = match (filtered, total) {
        (true, _) => format!("{} of {total} entries", entries.len()),
        (false, 1) => "1 entry".to_string(),
        (false, _) => format!("{total} entries"),
    };
    let empty = if !entries.is_empty() {
        String::new()
    } else if total == 0 {
        "Nothing logged yet. Record calls, promises and letters here so the history is documented."
            .to_string()
    } else {
        "No entry matches this filter.".to_string()
    };
    Timeline {
        entries,
        kinds,
        invoices,
        count,
        empty,
    }
}

#[cfg(test)]
pub(crate) mod tests;
