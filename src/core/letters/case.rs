//! The case-file variables of a letter: the latest promise to pay, with a sentence that fits
//! where it stands, and the latest dispute with what was decided.

use super::template::{Context, Value};
use crate::core::case::{promise_status, PromiseState, PromiseStatus};
use crate::core::dates::format_date_long;
use crate::core::ledger::Ledger;
use crate::core::model::{Dispute, Invoice, Promise};
use crate::core::money::format_money;
use chrono::NaiveDate;

/// The sentence a letter quotes about a promise in `status`, such as "On 3 March 2026 you
/// promised to pay £500.00 by 10 March 2026; we have not received it."
pub fn promise_sentence(promise: &Promise, status: &PromiseStatus) -> String {
    let money = |value| format_money(value, &promise.currency);
    let promised = format!(
        "On {} you promised to pay {} by {}",
        format_date_long(promise.made_on),
        money(promise.amount.value()),
        format_date_long(promise.due)
    );
    match status.state {
        PromiseState::Pending => format!("{promised}; thank you, we look forward to receiving it."),
        PromiseState::Kept => format!("{promised}, and we received it: thank you."),
        PromiseState::PartKept => format!(
            "{promised}; we received {} of it, so {} of that promise is still unpaid.",
            money(status.paid),
            money(promise.amount.value() - status.paid)
        ),
        PromiseState::Broken => format!("{promised}; we have not received it."),
    }
}

fn text(values: &mut Context, name: &str, value: impl Into<String>) {
    values.insert(name.to_string(), Value::Text(value.into()));
}

/// The latest promise (by the day it was made, up to `today`) covering any of `invoices`.
pub fn latest_promise_of<'a>(
    ledger: &'a Ledger,
    invoices: &[&Invoice],
    today: NaiveDate,
) -> Option<&'a Promise> {
    invoices
        .iter()
        .filter_map(|invoice| crate::core::case::latest_promise(ledger, invoice, today))
        .max_by(|a, b| a.made_on.cmp(&b.made_on).then_with(|| a.id.cmp(&b.id)))
}

/// Fills `promise.*` from the latest promise covering any of `invoices` (empty without one),
/// judged with the grace days of Settings, and `dispute.*` from the latest dispute of the
/// first invoice opened by `today`.
pub(super) fn fill(values: &mut Context, ledger: &Ledger, invoices: &[&Invoice], today: NaiveDate) {
    let filled: [String; 8] = match latest_promise_of(ledger, invoices, today) {
        Some(promise) => {
            let status = promise_status(ledger, promise, ledger.settings.promise_grace_days, today);
            let money = |value| format_money(value, &promise.currency);
            let sentence = promise_sentence(promise, &status);
            let unkept = matches!(status.state, PromiseState::Broken | PromiseState::PartKept);
            [
                format_date_long(promise.made_on),
                money(promise.amount.value()),
                format_date_long(promise.due),
                status.state.id().to_string(),
                money(status.paid),
                promise.promised_by.trim().to_string(),
                if unkept {
                    sentence.clone()
                } else {
                    String::new()
                },
                sentence,
            ]
        }
        None => Default::default(),
    };
    let names = [
        "promise.made_on",
        "promise.amount",
        "promise.due",
        "promise.state",
        "promise.paid",
        "promise.by",
        "promise.unkept",
        "promise.sentence",
    ];
    for (name, value) in names.into_iter().zip(filled) {
        text(values, name, value);
    }
    let dispute = invoices
        .first()
        .and_then(|invoice| latest_dispute(ledger, invoice, today));
    text(
        values,
        "dispute.reason",
        dispute
            .map(|d| d.reason.trim().to_string())
            .unwrap_or_default(),
    );
    text(
        values,
        "dispute.opened_on",
        dispute
            .map(|d| format_date_long(d.opened_on))
            .unwrap_or_default(),
    );
    text(
        values,
        "dispute.decision",
        dispute
            .and_then(|d| d.resolution.as_ref())
            .filter(|resolution| resolution.date <= today)
            .map(|resolution| resolution.note.trim().to_string())
            .unwrap_or_default(),
    );
}

fn latest_dispute<'a>(
    ledger: &'a Ledger,
    invoice: &Invoice,
    today: NaiveDate,
) -> Option<&'a Dispute> {
    ledger
        .disputes
        .iter()
        .filter(|dispute| dispute.invoice_id == invoice.id && dispute.opened_on <= today)
        .max_by(|a, b| a.opened_on.cmp(&b.opened_on).then_with(|| a.id.cmp(&b.id)))
}
