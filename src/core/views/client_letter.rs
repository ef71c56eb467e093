//! `/clients/<id>/letter`: one letter covering all of a client's overdue invoices in one
//! statement, at the most advanced step of the ladder among them.

use crate::core::aging::queue::advice_for;
use crate::core::books::Books;
use crate::core::case::open_dispute;
use crate::core::dates::format_date;
use crate::core::ids::link;
use crate::core::interest::InterestOptions;
use crate::core::ladder::{recommended_letter, Advice, LadderStep};
use crate::core::letters::account::account_context;
use crate::core::letters::Channel;
use crate::core::money::{format_money, plain};
use crate::core::settlement::letter_figures;
use crate::core::views::letter::{compose, pick_template, Draft, LetterView};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// One invoice of the client letter's statement.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct StatementLine {
    /// The invoice's id (`data-invoice`).
    pub invoice_id: String,
    /// Its number.
    pub number: String,
    /// Its page.
    pub href: String,
    /// Its due date, for people.
    pub due_date: String,
    /// What is still owed, formatted in its currency.
    pub balance: String,
    /// The same as a decimal string (`data-amount`).
    pub balance_amount: String,
    /// Its currency code (`data-currency`).
    pub currency: String,
    /// Days past the due date (`data-value`).
    pub days_overdue: i64,
    /// What the ladder advises for it alone, such as "Final notice".
    pub step: String,
}

/// What the letter covers in one currency.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CurrencyTotal {
    /// The currency code.
    pub currency: String,
    /// The total balance, formatted.
    pub total: String,
    /// The same as a decimal string (`data-amount`).
    pub amount: String,
}

/// Everything the client letter page shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientLetterPage {
    /// The client's name.
    pub client_name: String,
    /// The client's page.
    pub client_href: String,
    /// The invoices the letter covers, earliest due first.
    pub statement: Vec<StatementLine>,
    /// Their balances, one total per currency (never added across currencies).
    pub totals: Vec<CurrencyTotal>,
    /// One line per disputed invoice left out of the letter.
    pub left_out: Vec<String>,
    /// Why the letter is at its step, such as "Final notice: the furthest step among these
    /// invoices (INV-001)".
    pub step_note: String,
    /// The letter; `None` when no overdue invoice can be chased.
    pub letter: Option<LetterView>,
}

/// The client letter's page: `/clients/<id>/letter`.
pub fn client_letter_href(client_id: &str) -> String {
    format!("{}/letter", link("clients", client_id))
}

/// An overdue invoice of the client, with the ladder's advice and whether it is disputed.
struct Overdue<'a> {
    invoice: &'a crate::core::model::Invoice,
    outstanding: Decimal,
    days_overdue: i64,
    advice: Advice,
    disputed: bool,
}

fn advice_label(advice: Advice) -> String {
    match advice {
        Advice::Send(step) => step.label().to_string(),
        Advice::WaitUntil(date) => format!("Wait until {}", format_date(date)),
        Advice::ResolveDispute => "Resolve the dispute first".into(),
        Advice::Paused(until) => format!("Paused until {}", format_date(until)),
        Advice::AwaitPromise(deadline) => {
            format!("Promised; waiting until {}", format_date(deadline))
        }
        Advice::Thank => LadderStep::PaymentThanks.label().into(),
        Advice::Nothing => "Nothing to send".into(),
    }
}

/// The client letter for `client_id` on `today` with the letter `template_id` chosen (the
/// step the ladder advises when that id is unknown), to be sent by `channel`. It covers the
/// client's invoices past their due date with something outstanding, except those with an
/// open dispute, which it names, and those paused, which it leaves out; its step is the most advanced step the ladder advises for
/// any of them (the overdue reminder when none is due for a letter). `None` when there is no
/// such client.
pub fn client_letter_page(
    books: &Books,
    client_id: &str,
    template_id: &str,
    channel: Channel,
    today: NaiveDate,
) -> Option<ClientLetterPage> {
    let client = books.client(client_id)?;
    let mut overdue: Vec<Overdue> = books
        .invoices_of(client_id)
        .filter_map(|invoice| {
            let summary = books.summary(invoice, today);
            (summary.outstanding > Decimal::ZERO && summary.days_overdue > 0).then(|| {
                let advice = advice_for(books, &invoice.id, today);
                Overdue {
                    invoice,
                    outstanding: summary.outstanding,
                    days_overdue: summary.days_overdue,
                    disputed: advice == Advice::ResolveDispute
                        || open_dispute(books, &invoice.id, today).is_some(),
                    advice,
                }
            })
        })
        // A paused invoice is not chased, in a client letter either.
        .filter(|line| !matches!(line.advice, Advice::Paused(_)))
        .collect();
    overdue.sort_by(|a, b| {
        (a.invoice.due_date, &a.invoice.number).cmp(&(b.invoice.due_date, &b.invoice.number))
    });
    let (disputed, covered): (Vec<Overdue>, Vec<Overdue>) =
        overdue.into_iter().partition(|line| line.disputed);
    let furthest = covered
        .iter()
        .filter_map(|line| match line.advice {
            Advice::Send(step) => Some((step, line)),
            _ => None,
        })
        .max_by(|(a, a_line), (b, b_line)| {
            a.cmp(b)
                .then_with(|| b_line.invoice.due_date.cmp(&a_line.invoice.due_date))
        });
    let recommended = furthest.map_or(recommended_letter(Advice::Nothing), |(step, _)| step);
    let lead = furthest
        .map(|(_, line)| line)
        .or(covered.first())
        .map(|line| line.invoice.id.clone());
    let step_note = match furthest {
        Some((step, line)) => format!(
            "{}: the furthest step the ladder advises among these invoices ({}).",
            step.label(),
            line.invoice.number
        ),
        None if covered.is_empty() => {
            "No overdue invoice can be chased in a letter right now.".to_string()
        }
        None => format!(
            "{}: no invoice is due for its next letter yet, so the mildest letter is offered.",
            recommended.label()
        ),
    };
    let invoice_ids: Vec<String> = covered.iter().map(|line| line.invoice.id.clone()).collect();
    let left_out_numbers: Vec<String> = disputed
        .iter()
        .map(|line| line.invoice.number.clone())
        .collect();
    let letter = lead.and_then(|lead| {
        let all = books.templates.all();
        let template = pick_template(&all, template_id, recommended)?;
        let letter = account_context(
            books,
            &invoice_ids,
            &lead,
            &left_out_numbers,
            today,
            template.deadline_days,
            &letter_figures(books, &lead),
        )?;
        Some(compose(Draft {
            books,
            client,
            all: &all,
            template,
            recommended,
            letter,
            invoice_ids: invoice_ids.clone(),
            currencies: covered.iter().fold(Vec::new(), |mut currencies, line| {
                if !currencies.contains(&line.invoice.currency) {
                    currencies.push(line.invoice.currency.clone());
                }
                currencies
            }),
            // The client letter claims what is open; interest on invoices paid late is
            // claimed from the invoice letter, where the option is shown.
            options: InterestOptions::default(),
            channel,
            today,
        }))
    });
    let mut totals: Vec<CurrencyTotal> = Vec::new();
    for line in &covered {
        let code = line.invoice.currency.code().to_string();
        let sum: Decimal = covered
            .iter()
            .filter(|other| other.invoice.currency == line.invoice.currency)
            .map(|other| other.outstanding)
            .sum();
        if !totals.iter().any(|total| total.currency == code) {
            totals.push(CurrencyTotal {
                total: format_money(sum, &line.invoice.currency),
                amount: plain(sum),
                currency: code,
            });
        }
    }
    Some(ClientLetterPage {
        client_name: client.name.clone(),
        client_href: link("clients", client_id),
        statement: covered
            .iter()
            .map(|line| StatementLine {
                invoice_id: line.invoice.id.clone(),
                number: line.invoice.number.clone(),
                href: link("invoices", &line.invoice.id),
                due_date: format_date(line.invoice.due_date),
                balance: format_money(line.outstanding, &line.invoice.currency),
                balance_amount: plain(line.outstanding),
                currency: line.invoice.currency.code().to_string(),
                days_overdue: line.days_overdue,
                step: advice_label(line.advice),
            })
            .collect(),
        totals,
        left_out: disputed
            .iter()
            .map(|line| {
                format!(
                    "{} ({}) is left out: its dispute is open, so it is not chased until it is resolved.",
                    line.invoice.number,
                    format_money(line.outstanding, &line.invoice.currency)
                )
            })
            .collect(),
        step_note,
        letter,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::backup;
    use crate::core::currency::Currency;
    use crate::core::ids::Sequential;
    use crate::core::ledger::Ledger;
    use crate::core::letters::record_sent;
    use crate::core::model::{activity_kind, Activity, Dispute, Invoice};
    use crate::core::money::Amount;
    use std::sync::Arc;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn invoice(id: &str, number: &str, amount: &str, currency: &str, due: &str) -> Invoice {
        let mut invoice = backup::import(include_str!(
            "../../../tests/fixtures/contract-example.json"
        ))
        .unwrap()
        .invoices
        .remove(0);
        invoice.id = id.into();
        invoice.number = number.into();
        invoice.amount = Amount::parse(amount).unwrap();
        invoice.currency = Currency::parse(currency).unwrap();
        invoice.issue_date = day("2026-01-01");
        invoice.due_date = day(due);
        invoice.interest = None;
        invoice
    }

    fn sent(invoice_id: &str, step: &str, date: &str) -> Activity {
        Activity {
            invoice_id: Some(invoice_id.into()),
            step: Some(step.into()),
            ..Activity::new(
                "c1",
                day(date),
                activity_kind::LETTER,
                format!("{step} sent"),
            )
        }
    }

    /// Acme owes INV-001 (£1,000, 60 days late, reminded and followed up: a final notice is
    /// next), INV-002 (€500, 15 days late, never reminded) and INV-003 (£300, disputed);
    /// INV-004 (£200) is not yet due. Reported on 16 March 2026.
    fn acme() -> Ledger {
        let mut ledger = backup::import(include_str!(
            "../../../tests/fixtures/contract-example.json"
        ))
        .unwrap();
        ledger.payments.clear();
        ledger.activities.clear();
        ledger.invoices = vec![
            invoice("i1", "INV-001", "1000", "GBP", "2026-01-15"),
            invoice("i2", "INV-002", "500", "EUR", "2026-03-01"),
            invoice("i3", "INV-003", "300", "GBP", "2026-02-01"),
            invoice("i4", "INV-004", "200", "GBP", "2026-04-30"),
        ];
        ledger.activities = vec![
            sent("i1", "reminder-overdue", "2026-01-16"),
            sent("i1", "follow-up", "2026-01-30"),
        ];
        ledger.disputes.push(Dispute {
            id: "d1".into(),
            client_id: "c1".into(),
            invoice_id: "i3".into(),
            opened_on: day("2026-02-10"),
            reason: "Work not delivered".into(),
            amount: None,
            notes: String::new(),
            resolution: None,
        });
        crate::core::case::sync_disputes(&mut ledger);
        ledger
    }

    fn page(ledger: &Ledger, template_id: &str) -> ClientLetterPage {
        let books = Books::new(Arc::new(ledger.clone()));
        client_letter_page(&books, "c1", template_id, Channel::Email, day("2026-03-16")).unwrap()
    }

    #[test]
    fn the_client_letter_takes_the_furthest_step_and_states_each_currency_apart() {
        let page = page(&acme(), "");
        assert_eq!(
            page.step_note,
            "Final notice: the furthest step the ladder advises among these invoices (INV-001)."
        );
        let lines: Vec<(&str, &str, &str, i64, &str)> = page
            .statement
            .iter()
            .map(|line| {
                (
                    line.number.as_str(),
                    line.balance.as_str(),
                    line.currency.as_str(),
                    line.days_overdue,
                    line.step.as_str(),
                )
            })
            .collect();
        assert_eq!(
            lines,
            [
                ("INV-001", "£1,000.00", "GBP", 60, "Final notice"),
                ("INV-002", "€500.00", "EUR", 15, "Overdue reminder"),
            ]
        );
        let totals: Vec<(&str, &str, &str)> = page
            .totals
            .iter()
            .map(|t| (t.currency.as_str(), t.total.as_str(), t.amount.as_str()))
            .collect();
        assert_eq!(
            totals,
            [
                ("GBP", "£1,000.00", "1000.00"),
                ("EUR", "€500.00", "500.00")
            ]
        );
        assert_eq!(
            page.left_out,
            ["INV-003 (£300.00) is left out: its dispute is open, so it is not chased until it is resolved."]
        );
        let letter = page.letter.unwrap();
        assert_eq!(letter.template_id, "final-notice");
        assert_eq!(letter.invoice_ids, ["i1", "i2"]);
        assert_eq!(
            letter.subject,
            "Final notice: statement of overdue invoices, £1,000.00 and €500.00 outstanding"
        );
        assert!(letter.sheet_body.starts_with("Dear Jo Bloggs,\n\nDespite my earlier reminders, these invoices remain unpaid:\n\n- Invoice INV-001, due 15 January 2026: £1,000.00 outstanding (60 days overdue)\n- Invoice INV-002, due 1 March 2026: €500.00 outstanding (15 days overdue)\n\nTotal outstanding: £1,000.00 and €500.00\n\nInvoice INV-003 is not included here while its dispute is being resolved.\n\nPlease pay in full by 23 March 2026."), "{}", letter.sheet_body);
        assert!(!letter.sheet_body.contains("INV-004"));
    }

    #[test]
    fn the_demand_letter_lists_every_invoice_with_its_own_currency() {
        let letter = page(&acme(), "demand-letter").letter.unwrap();
        assert!(letter.sheet_body.contains("- Invoice INV-001, issued 1 January 2026, due 15 January 2026: £1,000.00 outstanding of £1,000.00 (60 days overdue)\n- Invoice INV-002, issued 1 January 2026, due 1 March 2026: €500.00 outstanding of €500.00 (15 days overdue)\n\nInvoice INV-003 is not included here while its dispute is being resolved.\n\nOutstanding balance: £1,000.00 and €500.00"), "{}", letter.sheet_body);
        assert!(
            !letter
                .sheet_body
                .contains("Interest on invoice INV-001 under"),
            "{}",
            letter.sheet_body
        );
    }

    #[test]
    fn marking_the_client_letter_sent_keeps_one_letter_logged_on_each_invoice() {
        let mut ledger = acme();
        let letter = page(&ledger, "").letter.unwrap();
        let mut ids = Sequential::default();
        let (id, message) = record_sent(
            &mut ledger,
            letter.outgoing(Channel::Email),
            Channel::Email,
            day("2026-03-16"),
            &mut ids,
        )
        .unwrap();
        assert!(
            message.starts_with(
                "Kept as sent and logged on the client's timeline against each of its 2 invoices"
            ),
            "{message}"
        );
        assert_eq!(ledger.letters.len(), 1);
        let kept = ledger.letter(&id).unwrap();
        assert_eq!(kept.invoice_ids, ["i1", "i2"]);
        assert_eq!(
            (kept.subject.as_str(), kept.body.as_str()),
            (letter.subject.as_str(), letter.mail_body.as_str())
        );
        let logged: Vec<Option<&str>> = ledger
            .activities
            .iter()
            .filter(|a| a.letter_id.as_deref() == Some(id.as_str()))
            .map(|a| a.invoice_id.as_deref())
            .collect();
        assert_eq!(logged, [Some("i1"), Some("i2")]);
    }

    #[test]
    fn a_client_with_only_disputed_or_current_invoices_gets_no_letter() {
        let mut ledger = acme();
        ledger
            .invoices
            .retain(|invoice| ["i3", "i4"].contains(&invoice.id.as_str()));
        ledger.activities.clear();
        let page = page(&ledger, "");
        assert_eq!(page.letter, None);
        assert!(page.statement.is_empty());
        assert_eq!(
            page.step_note,
            "No overdue invoice can be chased in a letter right now."
        );
        assert_eq!(page.left_out.len(), 1);
    }
}
