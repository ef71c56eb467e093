//! The case section of an invoice page (promises, the dispute, the pause) and a client's pauses.

use crate::core::books::Books;
use crate::core::case::{active_pause, promise_covers, promise_status};
use crate::core::dates::format_date;
use crate::core::ids::link;
use crate::core::model::{Dispute, DisputeOutcome, Invoice, Pause};
use crate::core::money::{format_money, plain};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// The template the case section offers after a rejected dispute.
pub const DISPUTE_RESPONSE_TEMPLATE: &str = "dispute-response";

/// One promise to pay as the invoice page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PromiseLine {
    /// The promise's id.
    pub id: String,
    /// `data-state`: `pending`, `kept`, `part-kept` or `broken`.
    pub state: &'static str,
    /// "Pending", "Kept"…
    pub state_label: &'static str,
    /// "£500.00 by 10 Mar 2026".
    pub what: String,
    /// "Made 3 Mar 2026 by Jo Bloggs, by phone · £200.00 received towards it".
    pub detail: String,
    /// The note, if any.
    pub note: String,
    /// The delete button's accessible name.
    pub delete_label: String,
}

/// A dispute as the invoice page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DisputeView {
    /// The dispute's id.
    pub id: String,
    /// `data-state`: `open` or `resolved`.
    pub state: &'static str,
    /// "Disputed since 1 Mar 2026 (12 days): Two pages were not delivered".
    pub summary: String,
    /// "£200.00 of the balance is disputed" or "The whole invoice is disputed".
    pub part: String,
    /// Free notes.
    pub notes: String,
    /// "Resolved on 20 Mar 2026 — Rejected: chasing resumes. Delivery notes signed."
    pub outcome: Option<String>,
    /// After a settled dispute: the client's settlement planner.
    pub settlement_href: Option<String>,
    /// After a rejected dispute: the letter template that explains the decision.
    pub response_template: Option<&'static str>,
}

/// A pause as the invoice or client page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PauseLine {
    /// The pause's id.
    pub id: String,
    /// "Chasing paused until 15 Mar 2026: awaiting PO".
    pub text: String,
    /// True when the pause covers every invoice of the client.
    pub client_wide: bool,
}

/// The case section of an invoice page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CasePanel {
    /// The client (for new records).
    pub client_id: String,
    /// The balance today, the promise form's default amount ("1000.00"; empty when nothing is owed).
    pub balance: String,
    /// Promises covering the invoice, the latest made first.
    pub promises: Vec<PromiseLine>,
    /// "A promise still unpaid 3 days after its date counts as broken."
    pub grace: String,
    /// The open dispute, else the latest resolved one.
    pub dispute: Option<DisputeView>,
    /// True when no dispute is open, so one may be opened.
    pub can_open_dispute: bool,
    /// The pause in force today (the invoice's own or its client's).
    pub pause: Option<PauseLine>,
    /// The outcomes a dispute can be resolved with: id and label.
    pub outcomes: Vec<(&'static str, &'static str)>,
}

fn pause_line(pause: &Pause) -> PauseLine {
    let whose = if pause.invoice_id.is_some() {
        "Chasing paused"
    } else {
        "Chasing of every invoice of this client paused"
    };
    PauseLine {
        id: pause.id.clone(),
        text: format!(
            "{whose} from {} until {}: {}",
            format_date(pause.from),
            format_date(pause.until),
            pause.reason
        ),
        client_wide: pause.invoice_id.is_none(),
    }
}

fn dispute_view(
    dispute: &Dispute,
    invoice: &Invoice,
    books: &Books,
    today: NaiveDate,
) -> DisputeView {
    let outstanding = books.outstanding(invoice, today);
    let open = dispute.resolution.is_none();
    let age = (today - dispute.opened_on).num_days();
    let summary = if open {
        format!(
            "Disputed since {} ({age} {}): {}",
            format_date(dispute.opened_on),
            if age == 1 { "day" } else { "days" },
            dispute.reason
        )
    } else {
        format!(
            "Disputed on {}: {}",
            format_date(dispute.opened_on),
            dispute.reason
        )
    };
    let part = match dispute.amount {
        Some(amount) => format!(
            "{} of the invoice is disputed{}",
            format_money(amount.value(), &invoice.currency),
            if open {
                format!(
                    "; the undisputed {} can still be chased",
                    format_money(
                        (outstanding - amount.value()).max(Decimal::ZERO),
                        &invoice.currency
                    )
                )
            } else {
                String::new()
            }
        ),
        None => "The whole invoice is disputed".into(),
    };
    let resolution = dispute.resolution.as_ref();
    DisputeView {
        id: dispute.id.clone(),
        state: if open { "open" } else { "resolved" },
        summary,
        part,
        notes: dispute.notes.clone(),
        outcome: resolution.map(|r| {
            let note = if r.note.is_empty() {
                String::new()
            } else {
                format!(" {}", r.note)
            };
            format!(
                "Resolved on {}: {}.{note}",
                format_date(r.date),
                r.outcome.label()
            )
        }),
        settlement_href: resolution
            .filter(|r| r.outcome == DisputeOutcome::Settled)
            .map(|_| link("settlement", &invoice.client_id)),
        response_template: resolution
            .filter(|r| r.outcome == DisputeOutcome::Rejected)
            .map(|_| DISPUTE_RESPONSE_TEMPLATE),
    }
}

/// The case section of the invoice at `position` on `today`.
pub fn case_panel(books: &Books, position: usize, today: NaiveDate) -> CasePanel {
    let invoice = &books.invoices[position];
    let grace_days = books.settings.promise_grace_days;
    let mut promises: Vec<_> = books
        .promises
        .iter()
        .filter(|promise| promise_covers(promise, invoice))
        .collect();
    promises.sort_by(|a, b| b.made_on.cmp(&a.made_on).then_with(|| b.id.cmp(&a.id)));
    let promises = promises
        .into_iter()
        .map(|promise| {
            let status = promise_status(books, promise, grace_days, today);
            let money = |value: Decimal| format_money(value, &promise.currency);
            let mut detail = format!("Made {}", format_date(promise.made_on));
            if !promise.promised_by.is_empty() {
                detail.push_str(&format!(" by {}", promise.promised_by));
            }
            if !promise.channel.is_empty() {
                detail.push_str(&format!(", by {}", promise.channel));
            }
            if promise.invoice_id.is_none() {
                detail.push_str(" (on the client's account)");
            }
            if status.paid > Decimal::ZERO {
                detail.push_str(&format!(" · {} received towards it", money(status.paid)));
            }
            let what = format!(
                "{} by {}",
                money(promise.amount.value()),
                format_date(promise.due)
            );
            PromiseLine {
                id: promise.id.clone(),
                state: status.state.id(),
                state_label: status.state.label(),
                delete_label: format!("Delete the promise of {what}"),
                what,
                detail,
                note: promise.note.clone(),
            }
        })
        .collect();
    let disputes: Vec<&Dispute> = books
        .disputes
        .iter()
        .filter(|d| d.invoice_id == invoice.id)
        .collect();
    let open = disputes.iter().find(|d| d.resolution.is_none()).copied();
    let shown = open.or_else(|| {
        disputes
            .iter()
            .max_by_key(|d| d.resolution.as_ref().map(|r| r.date))
            .copied()
    });
    let balance = books.outstanding(invoice, today);
    CasePanel {
        client_id: invoice.client_id.clone(),
        balance: if balance > Decimal::ZERO {
            plain(balance)
        } else {
            String::new()
        },
        promises,
        grace: match grace_days {
            0 => "A promise still unpaid the day after its date counts as broken.".into(),
            1 => "A promise still unpaid 1 day after its date counts as broken (set in Settings).".into(),
            days => format!(
                "A promise still unpaid {days} days after its date counts as broken (set in Settings)."
            ),
        },
        dispute: shown.map(|d| dispute_view(d, invoice, books, today)),
        can_open_dispute: open.is_none(),
        pause: active_pause(books, invoice, today).map(pause_line),
        outcomes: DisputeOutcome::ALL
            .iter()
            .map(|outcome| (outcome.id(), outcome.label()))
            .collect(),
    }
}

/// The pauses of a whole client in force on `today` or later, the soonest to end first.
pub fn client_pauses(books: &Books, client_id: &str, today: NaiveDate) -> Vec<PauseLine> {
    let mut pauses: Vec<&Pause> = books
        .pauses
        .iter()
        .filter(|p| p.client_id == client_id && p.invoice_id.is_none() && p.until > today)
        .collect();
    pauses.sort_by_key(|p| (p.until, p.from));
    pauses.into_iter().map(pause_line).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::currency::Currency;
    use crate::core::ids::Sequential;
    use crate::core::ledger::Ledger;
    use crate::core::model::{Client, Payment, Promise, Resolution};
    use crate::core::money::Amount;
    use std::sync::Arc;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    /// Acme Ltd owes £1,000 on INV-1, due 14 Feb 2026.
    fn ledger() -> (Ledger, Sequential) {
        let mut ledger = Ledger::default();
        let mut ids = Sequential::default();
        let client = ledger
            .save_client(Client::new("", "Acme Ltd"), &mut ids)
            .unwrap();
        let invoice = Invoice {
            id: String::new(),
            client_id: client,
            number: "INV-1".into(),
            issue_date: day("2026-01-15"),
            due_date: day("2026-02-14"),
            amount: Amount::parse("1000.00").unwrap(),
            currency: Currency::parse("GBP").unwrap(),
            description: String::new(),
            disputed: false,
            interest: None,
            write_off: None,
            source: None,
        };
        ledger.save_invoice(invoice, &mut ids).unwrap();
        (ledger, ids)
    }

    fn panel(ledger: &Ledger, today: &str) -> CasePanel {
        case_panel(&Books::new(Arc::new(ledger.clone())), 0, day(today))
    }

    #[test]
    fn promises_show_their_state_what_was_promised_and_what_came() {
        let (mut ledger, mut ids) = ledger();
        let (client, invoice) = (ledger.clients[0].id.clone(), ledger.invoices[0].id.clone());
        let promise = Promise {
            id: String::new(),
            client_id: client,
            invoice_id: Some(invoice.clone()),
            made_on: day("2026-03-03"),
            promised_by: "Jo Bloggs".into(),
            amount: Amount::parse("500.00").unwrap(),
            currency: Currency::parse("GBP").unwrap(),
            due: day("2026-03-10"),
            channel: "phone".into(),
            note: "Will pay after the board meets".into(),
        };
        ledger.record_promise(promise, &mut ids).unwrap();
        let payment = Payment {
            id: String::new(),
            invoice_id: invoice,
            date: day("2026-03-09"),
            amount: Amount::parse("200.00").unwrap(),
            method: String::new(),
            note: String::new(),
        };
        ledger.save_payment(payment, false, &mut ids).unwrap();
        let pending = panel(&ledger, "2026-03-12");
        assert_eq!(pending.balance, "800.00");
        let [line] = pending.promises.as_slice() else {
            panic!("one promise expected")
        };
        assert_eq!((line.state, line.state_label), ("pending", "Pending"));
        assert_eq!(line.what, "£500.00 by 10 Mar 2026");
        assert_eq!(
            line.detail,
            "Made 3 Mar 2026 by Jo Bloggs, by phone · £200.00 received towards it"
        );
        assert_eq!(
            pending.grace,
            "A promise still unpaid 3 days after its date counts as broken (set in Settings)."
        );
        assert_eq!(panel(&ledger, "2026-03-14").promises[0].state, "part-kept");
    }

    #[test]
    fn a_dispute_shows_its_age_and_part_then_its_outcome_with_where_to_go_next() {
        let (mut ledger, mut ids) = ledger();
        let invoice = ledger.invoices[0].id.clone();
        let dispute = Dispute {
            id: String::new(),
            client_id: String::new(),
            invoice_id: invoice,
            opened_on: day("2026-03-01"),
            reason: "Two pages were not delivered".into(),
            amount: Some(Amount::parse("200.00").unwrap()),
            notes: String::new(),
            resolution: None,
        };
        let id = ledger.open_dispute(dispute, &mut ids).unwrap();
        let open = panel(&ledger, "2026-03-13");
        assert!(!open.can_open_dispute);
        let shown = open.dispute.unwrap();
        assert_eq!(shown.state, "open");
        assert_eq!(
            shown.summary,
            "Disputed since 1 Mar 2026 (12 days): Two pages were not delivered"
        );
        assert_eq!(
            shown.part,
            "£200.00 of the invoice is disputed; the undisputed £800.00 can still be chased"
        );
        let mut settled = ledger.clone();
        let resolution = |outcome| Resolution {
            date: day("2026-03-20"),
            outcome,
            note: "Delivery notes signed.".into(),
        };
        settled
            .resolve_dispute(&id, resolution(DisputeOutcome::Settled), &mut ids)
            .unwrap();
        let after = panel(&settled, "2026-03-21");
        assert!(after.can_open_dispute);
        let shown = after.dispute.unwrap();
        assert_eq!(shown.state, "resolved");
        assert_eq!(shown.settlement_href.as_deref(), Some("/settlement/c1"));
        assert_eq!(shown.response_template, None);
        ledger
            .resolve_dispute(&id, resolution(DisputeOutcome::Rejected), &mut ids)
            .unwrap();
        let shown = panel(&ledger, "2026-03-21").dispute.unwrap();
        assert_eq!(
            shown.outcome.as_deref(),
            Some("Resolved on 20 Mar 2026: Rejected: chasing resumes. Delivery notes signed.")
        );
        assert_eq!(shown.response_template, Some("dispute-response"));
        assert_eq!(shown.settlement_href, None);
    }

    #[test]
    fn the_pause_in_force_is_shown_whether_it_is_the_invoices_or_the_clients() {
        let (mut ledger, mut ids) = ledger();
        let client = ledger.clients[0].id.clone();
        let pause = Pause {
            id: String::new(),
            client_id: client.clone(),
            invoice_id: None,
            from: day("2026-03-01"),
            until: day("2026-03-15"),
            reason: "Client on leave".into(),
        };
        ledger.pause_chasing(pause, &mut ids).unwrap();
        assert_eq!(panel(&ledger, "2026-02-28").pause, None);
        let shown = panel(&ledger, "2026-03-02").pause.unwrap();
        assert!(shown.client_wide);
        assert_eq!(
            shown.text,
            "Chasing of every invoice of this client paused from 1 Mar 2026 until 15 Mar 2026: Client on leave"
        );
        let books = Books::new(Arc::new(ledger.clone()));
        assert_eq!(client_pauses(&books, &client, day("2026-03-02")).len(), 1);
        assert!(client_pauses(&books, &client, day("2026-03-15")).is_empty());
    }
}
