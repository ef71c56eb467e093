//! `/clients/<id>/pack`: the evidence pack for one client: the parties, a statement of account,
//! interest and compensation with the law, a numbered chronology, every letter as sent, the
//! promises and disputes with their outcomes, and the plan history.

use crate::core::books::Books;
use crate::core::case::{promise_status, CREDIT_NOTE};
use crate::core::currency::Currency;
use crate::core::dates::{format_date, format_date_long};
use crate::core::ids::link;
use crate::core::interest::{claims, InterestOptions};
use crate::core::money::format_money;
use crate::core::views::invoice::{interest_view, InterestView, MoneyFigure};
use crate::core::views::settlement::{plan_card, PlanCard};
use crate::core::views::timeline::{capitalised, chronology, promise_tone, Badge, TimelineEntry};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::BTreeSet;

/// One side of the matter: who is owed, or who owes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Party {
    /// "Creditor" or "Debtor".
    pub role: &'static str,
    /// The name.
    pub name: String,
    /// The contact person, address lines and e-mail, each on its own line; empty ones left out.
    pub lines: Vec<String>,
}

/// One invoice of the statement of account.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct StatementRow {
    /// The invoice number (`data-number`).
    pub number: String,
    /// Date of issue.
    pub issued: String,
    /// Date due.
    pub due: String,
    /// Amount invoiced.
    pub amount: String,
    /// Money received.
    pub paid: String,
    /// Credit notes.
    pub credits: String,
    /// Amount − payments − credits, zero once written off (`data-amount`).
    pub balance: MoneyFigure,
    /// "£100.00 written off on 10 Apr 2026" or "In credit", where one applies.
    pub note: Option<String>,
}

/// The statement of account in one currency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// The currency's code.
    pub currency: String,
    /// The invoices, in the order they were added.
    pub rows: Vec<StatementRow>,
    /// Sum of the amounts invoiced.
    pub amount: String,
    /// Sum of the payments.
    pub paid: String,
    /// Sum of the credits.
    pub credits: String,
    /// Sum of the balances (`pack-total`).
    pub total: MoneyFigure,
}

/// Interest and compensation on one invoice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InterestClaim {
    /// The invoice number.
    pub number: String,
    /// "Paid in full on a later date; interest and compensation remain claimable." or empty.
    pub note: String,
    /// Principal still owed.
    pub outstanding: String,
    /// The rule, its law, the figures and the breakdown, as the invoice page shows them.
    pub interest: InterestView,
    /// Everything still claimable on it: principal + interest + compensation − payments.
    pub claim: String,
}

/// Interest and compensation in one currency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InterestGroup {
    /// The currency's code.
    pub currency: String,
    /// One claim per invoice.
    pub claims: Vec<InterestClaim>,
    /// The sum of the claims.
    pub total: MoneyFigure,
}

/// One numbered event of the chronology.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PackEvent {
    /// 1, 2, 3… in date order.
    pub number: usize,
    /// The entry as the timeline shows it.
    pub entry: TimelineEntry,
}

/// A letter as it was sent, in full.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LetterCopy {
    /// "Letter 1", "Letter 2"… in date order.
    pub title: String,
    /// "Sent on 20 Mar 2026 by email · invoices INV-001, INV-002".
    pub sent: String,
    /// The subject line as sent.
    pub subject: String,
    /// The body as sent.
    pub body: String,
}

/// A promise to pay and what became of it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PromiseRow {
    /// The day it was made.
    pub made_on: String,
    /// Who promised, and how.
    pub by: String,
    /// The invoice, or "Account".
    pub on: String,
    /// The amount promised.
    pub amount: String,
    /// The promised date.
    pub due: String,
    /// Received towards it in time.
    pub paid: String,
    /// Where it stands.
    pub state: Badge,
}

/// A dispute and its outcome.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DisputeRow {
    /// The day it was opened.
    pub opened_on: String,
    /// The invoice.
    pub invoice: String,
    /// What the client said.
    pub reason: String,
    /// The part disputed, or "Whole invoice".
    pub amount: String,
    /// "Upheld on 2 Apr 2026: the disputed part is credited…", or "Open".
    pub outcome: String,
    /// Open or its outcome.
    pub state: Badge,
}

/// Everything the evidence pack shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EvidencePack {
    /// "Evidence pack: Acme Ltd".
    pub title: String,
    /// "Prepared on 20 April 2026".
    pub prepared: String,
    /// The client's name.
    pub client_name: String,
    /// The client's page.
    pub client_href: String,
    /// The creditor, then the debtor.
    pub parties: Vec<Party>,
    /// The statement of account per currency.
    pub statements: Vec<Statement>,
    /// Interest and compensation per currency.
    pub interest: Vec<InterestGroup>,
    /// Invoices paid in full but late are included in the interest section.
    pub include_paid_late: bool,
    /// Every contact and event, numbered, oldest first.
    pub chronology: Vec<PackEvent>,
    /// Every letter kept as sent, oldest first.
    pub letters: Vec<LetterCopy>,
    /// Letters logged without their text: "2 letters were logged without their text (…)".
    pub letters_untexted: Option<String>,
    /// Promises to pay, in the order they were made.
    pub promises: Vec<PromiseRow>,
    /// Disputes, in the order they were opened.
    pub disputes: Vec<DisputeRow>,
    /// Settlement plans, in the order they were accepted.
    pub plans: Vec<PlanCard>,
}

/// The line every pack ends with.
pub const NOT_LEGAL_ADVICE: &str = "This pack is a record of the account kept by the creditor and a calculation aid; it is not legal advice.";

fn party(role: &'static str, name: &str, contact: &str, address: &str, email: &str) -> Party {
    let lines = std::iter::once(contact)
        .chain(address.lines())
        .chain(std::iter::once(email))
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(str::to_string)
        .collect();
    Party {
        role,
        name: name.to_string(),
        lines,
    }
}

fn figure(value: Decimal, currency: &Currency) -> MoneyFigure {
    MoneyFigure {
        text: format_money(value, currency),
        plain: crate::core::money::plain(value),
    }
}

fn currencies(books: &Books, client_id: &str) -> Vec<Currency> {
    books
        .invoices_of(client_id)
        .map(|invoice| invoice.currency.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

/// The statement of account of `client_id` on `today`, one per currency.
pub fn statements(books: &Books, client_id: &str, today: NaiveDate) -> Vec<Statement> {
    currencies(books, client_id)
        .into_iter()
        .map(|currency| {
            let money = |value| format_money(value, &currency);
            let mut sums = [Decimal::ZERO; 4];
            let rows = books
                .invoices_of(client_id)
                .filter(|invoice| invoice.currency == currency)
                .map(|invoice| {
                    let counted = books
                        .payments_by_date(&invoice.id)
                        .filter(|payment| payment.date <= today);
                    let (mut paid, mut credits) = (Decimal::ZERO, Decimal::ZERO);
                    for payment in counted {
                        if payment.method.trim().eq_ignore_ascii_case(CREDIT_NOTE) {
                            credits += payment.amount.value();
                        } else {
                            paid += payment.amount.value();
                        }
                    }
                    let left = invoice.amount.value() - paid - credits;
                    let written_off = invoice
                        .write_off
                        .as_ref()
                        .filter(|write_off| write_off.date <= today && left > Decimal::ZERO);
                    let balance = if written_off.is_some() {
                        Decimal::ZERO
                    } else {
                        left
                    };
                    let note = match written_off {
                        Some(write_off) => Some(format!(
                            "{} written off on {}",
                            money(left),
                            format_date(write_off.date)
                        )),
                        None if left < Decimal::ZERO => Some("In credit".to_string()),
                        None => None,
                    };
                    for (sum, value) in
                        sums.iter_mut()
                            .zip([invoice.amount.value(), paid, credits, balance])
                    {
                        *sum += value;
                    }
                    StatementRow {
                        number: invoice.number.clone(),
                        issued: format_date(invoice.issue_date),
                        due: format_date(invoice.due_date),
                        amount: money(invoice.amount.value()),
                        paid: money(paid),
                        credits: money(credits),
                        balance: figure(balance, &currency),
                        note,
                    }
                })
                .collect();
            Statement {
                currency: currency.to_string(),
                rows,
                amount: money(sums[0]),
                paid: money(sums[1]),
                credits: money(sums[2]),
                total: figure(sums[3], &currency),
            }
        })
        .collect()
}

/// Interest and compensation per currency on `today`, through [`claims`] with `options`.
pub fn interest_groups(
    books: &Books,
    client_id: &str,
    today: NaiveDate,
    options: InterestOptions,
) -> Vec<InterestGroup> {
    currencies(books, client_id)
        .into_iter()
        .filter_map(|currency| {
            let found = claims(books, client_id, &currency, today, options);
            if found.is_empty() {
                return None;
            }
            let total: Decimal = found.iter().map(|claim| claim.claim()).sum();
            let claims = found
                .iter()
                .map(|claim| InterestClaim {
                    number: claim.invoice.number.clone(),
                    note: if claim.paid_late {
                        "Paid in full after the due date; interest and compensation remain claimable.".into()
                    } else {
                        String::new()
                    },
                    outstanding: format_money(claim.outstanding, &currency),
                    interest: interest_view(&claim.interest),
                    claim: format_money(claim.claim(), &currency),
                })
                .collect();
            Some(InterestGroup {
                currency: currency.to_string(),
                claims,
                total: figure(total, &currency),
            })
        })
        .collect()
}

fn letters(
    books: &Books,
    client_id: &str,
    numbers: &dyn Fn(&[String]) -> String,
) -> Vec<LetterCopy> {
    let mut sent: Vec<_> = books
        .letters
        .iter()
        .filter(|letter| letter.client_id == client_id)
        .collect();
    sent.sort_by_key(|letter| letter.date);
    sent.into_iter()
        .enumerate()
        .map(|(at, letter)| {
            let mut line = format!("Sent on {}", format_date(letter.date));
            if !letter.channel.trim().is_empty() {
                line.push_str(&format!(" by {}", letter.channel.trim()));
            }
            let invoices = numbers(&letter.invoice_ids);
            let label = if letter.invoice_ids.len() == 1 {
                "invoice"
            } else {
                "invoices"
            };
            LetterCopy {
                title: format!("Letter {}", at + 1),
                sent: format!("{line} · {label} {invoices}"),
                subject: letter.subject.clone(),
                body: letter.body.clone(),
            }
        })
        .collect()
}

fn untexted_letters(books: &Books, client_id: &str) -> Option<String> {
    let dates: Vec<String> = books
        .activities_of(client_id)
        .into_iter()
        .rev()
        .filter(|activity| activity.kind == crate::core::model::activity_kind::LETTER)
        .filter(|activity| {
            activity
                .letter_id
                .as_deref()
                .is_none_or(|id| books.letter(id).is_none())
        })
        .map(|activity| format_date(activity.date))
        .collect();
    match dates.len() {
        0 => None,
        1 => Some(format!(
            "One letter was logged without its text ({}); see the chronology.",
            dates[0]
        )),
        count => Some(format!(
            "{count} letters were logged without their text ({}); see the chronology.",
            dates.join(", ")
        )),
    }
}

fn promise_rows(books: &Books, client_id: &str, today: NaiveDate) -> Vec<PromiseRow> {
    let grace = books.settings.promise_grace_days;
    let mut promises: Vec<_> = books
        .promises
        .iter()
        .filter(|promise| promise.client_id == client_id)
        .collect();
    promises.sort_by_key(|promise| promise.made_on);
    promises
        .into_iter()
        .map(|promise| {
            let status = promise_status(books, promise, grace, today);
            let mut by = promise.promised_by.trim().to_string();
            if !promise.channel.trim().is_empty() {
                by = if by.is_empty() {
                    format!("by {}", promise.channel.trim())
                } else {
                    format!("{by}, by {}", promise.channel.trim())
                };
            }
            PromiseRow {
                made_on: format_date(promise.made_on),
                by: if by.is_empty() { "—".into() } else { by },
                on: promise.invoice_id.as_deref().map_or_else(
                    || "Account".to_string(),
                    |id| {
                        books
                            .invoice(id)
                            .map_or(id.to_string(), |i| i.number.clone())
                    },
                ),
                amount: format_money(promise.amount.value(), &promise.currency),
                due: format_date(promise.due),
                paid: format_money(status.paid, &promise.currency),
                state: Badge {
                    id: status.state.id().to_string(),
                    label: status.state.label().to_string(),
                    tone: promise_tone(status.state),
                },
            }
        })
        .collect()
}

fn dispute_rows(books: &Books, client_id: &str) -> Vec<DisputeRow> {
    use crate::core::views::settlement::Tone;
    let mut disputes: Vec<_> = books
        .disputes
        .iter()
        .filter(|dispute| dispute.client_id == client_id)
        .collect();
    disputes.sort_by_key(|dispute| dispute.opened_on);
    disputes
        .into_iter()
        .map(|dispute| {
            let invoice = books.invoice(&dispute.invoice_id);
            let currency = invoice.map(|i| i.currency.clone()).unwrap_or_default();
            let (outcome, state) = match &dispute.resolution {
                Some(resolution) => {
                    let mut text = format!(
                        "Resolved on {}. {}.",
                        format_date(resolution.date),
                        resolution.outcome.label()
                    );
                    if !resolution.note.trim().is_empty() {
                        text.push_str(&format!(" {}", resolution.note.trim()));
                    }
                    let id = resolution.outcome.id();
                    let label = capitalised(id);
                    (
                        text,
                        Badge {
                            id: id.into(),
                            label,
                            tone: Tone::Good,
                        },
                    )
                }
                None => (
                    "Not yet resolved.".to_string(),
                    Badge {
                        id: "open".into(),
                        label: "Open".into(),
                        tone: Tone::Waiting,
                    },
                ),
            };
            DisputeRow {
                opened_on: format_date(dispute.opened_on),
                invoice: invoice.map_or_else(|| dispute.invoice_id.clone(), |i| i.number.clone()),
                reason: dispute.reason.trim().to_string(),
                amount: dispute.amount.map_or_else(
                    || "Whole invoice".to_string(),
                    |amount| format_money(amount.value(), &currency),
                ),
                outcome,
                state,
            }
        })
        .collect()
}

/// The evidence pack of `client_id` on `today`, or `None` when there is no such client.
pub fn evidence_pack(
    books: &Books,
    client_id: &str,
    today: NaiveDate,
    options: InterestOptions,
) -> Option<EvidencePack> {
    let client = books.client(client_id)?;
    let business = &books.business;
    let numbers = |ids: &[String]| {
        ids.iter()
            .map(|id| books.invoice(id).map_or(id.clone(), |i| i.number.clone()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut plans: Vec<_> = books
        .plans
        .iter()
        .filter(|plan| plan.client_id == client_id)
        .collect();
    plans.sort_by_key(|plan| plan.accepted_on);
    Some(EvidencePack {
        title: format!("Evidence pack: {}", client.name),
        prepared: format!("Prepared on {}", format_date_long(today)),
        client_name: client.name.clone(),
        client_href: link("clients", client_id),
        parties: vec![
            party(
                "Creditor",
                &business.name,
                "",
                &business.address,
                &business.email,
            ),
            party(
                "Debtor",
                &client.name,
                &client.contact,
                &client.address,
                &client.email,
            ),
        ],
        statements: statements(books, client_id, today),
        interest: interest_groups(books, client_id, today, options),
        include_paid_late: options.include_paid_late,
        chronology: chronology(books, client_id, today)
            .into_iter()
            .enumerate()
            .map(|(at, entry)| PackEvent {
                number: at + 1,
                entry,
            })
            .collect(),
        letters: letters(books, client_id, &numbers),
        letters_untexted: untexted_letters(books, client_id),
        promises: promise_rows(books, client_id, today),
        disputes: dispute_rows(books, client_id),
        plans: plans
            .into_iter()
            .map(|plan| plan_card(books, plan, today))
            .collect(),
    })
}

#[cfg(test)]
mod tests;
