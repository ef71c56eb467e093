//! One invoice (`/invoices/<id>`): its figures, payments, interest with the law and the
//! arithmetic, where each payment went, the write-off and the letter to send next.

use crate::core::aging::queue::advice_for;
use crate::core::books::Books;
use crate::core::dates::format_date;
use crate::core::interest::{compute, Allocation, InterestOptions, InterestResult, InterestRow};
use crate::core::ladder::{recommended_letter, Advice, LadderStep};
use crate::core::ledger::InvoiceStatus;
use crate::core::model::{Payment, RuleKind};
use crate::core::money::format_percent;
use crate::core::money::{format_money, plain};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// A sum of money as people read it and as the `data-amount` hook carries it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MoneyFigure {
    /// With its currency sign and grouping, such as "£1,000.00".
    pub text: String,
    /// A plain decimal, such as "1000.00".
    pub plain: String,
}

/// The figures at the top of the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figures {
    /// Amount invoiced.
    pub amount: String,
    /// Paid so far (payments dated today or earlier).
    pub paid: String,
    /// Said under "Paid" when payments are dated after today, such as "£200.00 more is
    /// dated after today (from 20 Dec 2026) and not counted yet."
    pub paid_later: Option<String>,
    /// Still owed (`balance` hook).
    pub balance: MoneyFigure,
    /// Days past the due date while something is owed (`days-overdue` hook).
    pub days_overdue: i64,
    /// Where it stands.
    pub status: InvoiceStatus,
    /// An overpayment held as credit, if any.
    pub credit: Option<MoneyFigure>,
}

/// One payment in the payments table.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PaymentLine {
    /// The payment's id (to edit or delete it).
    pub id: String,
    /// The day it arrived.
    pub date: String,
    /// The amount, with its currency.
    pub amount: String,
    /// How it was paid.
    pub method: String,
    /// The note.
    pub note: String,
    /// The edit button's accessible name, such as "Edit payment of £200.00 on 1 Mar 2026".
    pub edit_label: String,
    /// The delete button's accessible name.
    pub delete_label: String,
    /// Dated after today: not counted as paid yet.
    pub future: bool,
}

/// One period of the interest breakdown.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct InterestLine {
    /// First day.
    pub from: String,
    /// Last day.
    pub to: String,
    /// Days in the period.
    pub days: i64,
    /// The unpaid principal.
    pub principal: String,
    /// The annual rate, such as "11.75%".
    pub rate: String,
    /// The period's interest.
    pub interest: String,
    /// Where the rate comes from.
    pub basis: String,
    /// The reference rate is one the user added in Settings.
    pub user_rate: bool,
}

/// Where one payment went.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AllocationLine {
    /// The payment's id (two payments may arrive on one day for one amount).
    pub payment_id: String,
    /// The day it arrived.
    pub date: String,
    /// The amount received.
    pub amount: String,
    /// The part that paid recovery costs.
    pub to_costs: String,
    /// The part that paid interest.
    pub to_interest: String,
    /// The part that paid principal.
    pub to_principal: String,
    /// The part left over as credit.
    pub unapplied: String,
}

/// The interest panel: the rule and its law, the figures, the breakdown and the payments'
/// appropriation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InterestView {
    /// The rule's name.
    pub rule: String,
    /// The law or contract term behind it.
    pub citation: String,
    /// Interest to date (`interest-total` hook).
    pub total: MoneyFigure,
    /// Fixed compensation (`compensation` hook): "None" and "0.00" when there is none.
    pub compensation: MoneyFigure,
    /// The provision behind the compensation.
    pub compensation_citation: Option<&'static str>,
    /// Why a rule does not apply, dates moved, conversions not made.
    pub notes: Vec<String>,
    /// The warning shown next to the total when a rate after a table's check was needed.
    pub stale: Option<String>,
    /// Set when a rate the user added in Settings was used.
    pub user_rate_note: Option<&'static str>,
    /// The breakdown (`interest-row` hooks).
    pub rows: Vec<InterestLine>,
    /// How each row is worked out, shown under the breakdown.
    pub arithmetic: Option<&'static str>,
    /// Offer the choice to re-fix the UK rate at each half-year.
    pub offers_uk_split: bool,
    /// The order part payments pay off what is owed, such as "Part payments pay principal
    /// first, then interest."
    pub appropriation: Option<String>,
    /// Where each payment went.
    pub allocations: Vec<AllocationLine>,
}

/// The letter the ladder recommends, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextStep {
    /// The letter the letter view opens with.
    pub letter: LadderStep,
    /// One sentence for people.
    pub advice: String,
}

/// Everything `/invoices/<id>` shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvoicePage {
    /// The invoice's id.
    pub id: String,
    /// The heading, such as "Invoice INV-001".
    pub title: String,
    /// The client's id (for the crumb link).
    pub client_id: String,
    /// The client's name.
    pub client_name: String,
    /// "Issued 15 Jan 2026 · due 14 Feb 2026", then the description if any.
    pub lead: String,
    /// The client disputes it.
    pub disputed: bool,
    /// The figures.
    pub figures: Figures,
    /// Payments, oldest first.
    pub payments: Vec<PaymentLine>,
    /// Interest and compensation.
    pub interest: InterestView,
    /// "Written off on 6 Mar 2026: Client closed down", when it was.
    pub write_off: Option<String>,
    /// The letter to send next.
    pub next_step: NextStep,
    /// Promises, the dispute and the pause.
    pub case: super::case::CasePanel,
    /// The question asked before deleting the invoice.
    pub delete_question: String,
}

const ARITHMETIC: &str = "Each row: principal × rate ÷ 100 × days ÷ 365, rounded to the cent.";
const USER_RATE_NOTE: &str =
    "Rows marked \"your rate\" use a reference rate you added in Settings.";

fn money_figure(value: Decimal, currency: &crate::core::currency::Currency) -> MoneyFigure {
    MoneyFigure {
        text: format_money(value, currency),
        plain: plain(value),
    }
}

/// The page of the invoice `id` on `today`, or `None` when there is no such invoice.
pub fn invoice_page(
    books: &Books,
    id: &str,
    today: NaiveDate,
    options: InterestOptions,
) -> Option<InvoicePage> {
    let at = books.invoice_position(id)?;
    let invoice = &books.invoices[at];
    let summary = books.summary_at(at, today);
    let currency = &invoice.currency;
    let money = |value: Decimal| format_money(value, currency);
    let mut lead = format!(
        "Issued {} · due {}",
        format_date(invoice.issue_date),
        format_date(invoice.due_date)
    );
    if !invoice.description.trim().is_empty() {
        lead = format!("{lead} · {}", invoice.description.trim());
    }
    let interest = compute(books, invoice, today, options);
    Some(InvoicePage {
        id: invoice.id.clone(),
        title: format!("Invoice {}", invoice.number),
        client_id: invoice.client_id.clone(),
        client_name: books
            .client_of(at)
            .map_or_else(|| invoice.client_id.clone(), |client| client.name.clone()),
        lead,
        disputed: invoice.disputed,
        figures: Figures {
            amount: money(invoice.amount.value()),
            paid: money(summary.paid),
            paid_later: paid_later(books, at, today),
            balance: money_figure(summary.outstanding, currency),
            days_overdue: summary.days_overdue,
            status: summary.status,
            credit: (summary.credit > Decimal::ZERO)
                .then(|| money_figure(summary.credit, currency)),
        },
        payments: books
            .payments_at(at)
            .map(|payment| payment_line(payment, currency, today))
            .collect(),
        interest: interest_view(&interest),
        write_off: invoice.write_off.as_ref().map(|write_off| {
            format!(
                "Written off on {}: {}",
                format_date(write_off.date),
                write_off.reason
            )
        }),
        next_step: next_step(advice_for(books, id, today)),
        case: super::case::case_panel(books, at, today),
        delete_question: format!(
            "Delete invoice {} and its payments? This cannot be undone.",
            invoice.number
        ),
    })
}

/// The sentence about payments dated after `today`, which the paid figure leaves out.
fn paid_later(books: &Books, at: usize, today: NaiveDate) -> Option<String> {
    let mut later = books.payments_at(at).filter(|payment| payment.date > today);
    let first = later.next()?;
    let total: Decimal = first.amount.value() + later.map(|p| p.amount.value()).sum::<Decimal>();
    Some(format!(
        "{} more is dated after today (from {}) and not counted yet.",
        format_money(total, &books.invoices[at].currency),
        format_date(first.date)
    ))
}

fn payment_line(
    payment: &Payment,
    currency: &crate::core::currency::Currency,
    today: NaiveDate,
) -> PaymentLine {
    let amount = format_money(payment.amount.value(), currency);
    let date = format_date(payment.date);
    PaymentLine {
        future: payment.date > today,
        id: payment.id.clone(),
        edit_label: format!("Edit payment of {amount} on {date}"),
        delete_label: format!("Delete payment of {amount} on {date}"),
        date,
        amount,
        method: payment.method.clone(),
        note: payment.note.clone(),
    }
}

/// The interest panel of a computed result.
pub fn interest_view(result: &InterestResult) -> InterestView {
    let money = |value: Decimal| format_money(value, &result.currency);
    let compensation = result.compensation.as_ref();
    let allocations: Vec<AllocationLine> = result
        .allocations
        .iter()
        .map(|allocation| allocation_line(allocation, &money))
        .collect();
    InterestView {
        rule: result.rule.label().to_string(),
        citation: result.citation.clone(),
        total: money_figure(result.total, &result.currency),
        compensation: compensation.map_or_else(
            || MoneyFigure {
                text: "None".into(),
                plain: plain(Decimal::ZERO),
            },
            |fee| money_figure(fee.amount, &fee.currency),
        ),
        compensation_citation: compensation.map(|fee| fee.citation),
        notes: result.notes.clone(),
        stale: result.stale_message(),
        user_rate_note: result.uses_user_rate().then_some(USER_RATE_NOTE),
        rows: result
            .rows
            .iter()
            .map(|row| interest_line(row, &money))
            .collect(),
        arithmetic: (!result.rows.is_empty()).then_some(ARITHMETIC),
        offers_uk_split: result.applies && result.rule == RuleKind::UkLatePayment,
        appropriation: (!allocations.is_empty()).then(|| appropriation_sentence(result)),
        allocations,
    }
}

/// Which order payments were applied in, and who set it.
fn appropriation_sentence(result: &InterestResult) -> String {
    let order = result.appropriation.label();
    if result.rule == RuleKind::Contract {
        format!("Payments are applied {order}, as chosen in Settings for contract rates.")
    } else {
        format!(
            "Payments are applied {order}, the order the {} sets.",
            result.rule.label()
        )
    }
}

fn interest_line(row: &InterestRow, money: &impl Fn(Decimal) -> String) -> InterestLine {
    InterestLine {
        from: format_date(row.from),
        to: format_date(row.to),
        days: row.days,
        principal: money(row.principal),
        rate: format_percent(row.annual_rate),
        interest: money(row.interest),
        basis: row.basis.clone(),
        user_rate: row.user_rate,
    }
}

fn allocation_line(allocation: &Allocation, money: &impl Fn(Decimal) -> String) -> AllocationLine {
    AllocationLine {
        payment_id: allocation.payment_id.clone(),
        date: format_date(allocation.date),
        amount: money(allocation.amount),
        to_costs: money(allocation.to_costs),
        to_interest: money(allocation.to_interest),
        to_principal: money(allocation.to_principal),
        unapplied: money(allocation.unapplied),
    }
}

/// The ladder's advice as the letter to open with and a sentence.
pub fn next_step(advice: Advice) -> NextStep {
    let letter = recommended_letter(advice);
    let advice = match advice {
        Advice::Send(step) => format!("Recommended today: the {}.", step.label().to_lowercase()),
        Advice::WaitUntil(date) => format!(
            "Nothing is due to be sent before {}; the {} is ready if you need it.",
            format_date(date),
            letter.label().to_lowercase()
        ),
        Advice::ResolveDispute => "The client disputes this invoice: resolve the dispute before sending further reminders.".into(),
        Advice::Paused(until) => format!(
            "Chasing is paused until {}; nothing is sent before then.",
            format_date(until)
        ),
        Advice::AwaitPromise(until) => format!(
            "The client promised to pay: nothing is sent while the promise can still be kept (until {}).",
            format_date(until)
        ),
        Advice::Thank => "Paid: a thank-you note is recommended.".into(),
        Advice::Nothing => "Nothing more to send about this invoice.".into(),
    };
    NextStep { letter, advice }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::backup;
    use crate::core::ledger::Ledger;
    use crate::core::model::{InterestTerms, RateRow, RateTableId};
    use std::sync::Arc;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn ledger() -> Ledger {
        backup::import(include_str!(
            "../../../tests/fixtures/contract-example.json"
        ))
        .unwrap()
    }

    fn page(ledger: Ledger, as_of: &str, options: InterestOptions) -> InvoicePage {
        invoice_page(&Books::new(Arc::new(ledger)), "i1", day(as_of), options).unwrap()
    }

    /// The contract example on 16 March 2026: £1,200 due 14 February at 8% a year, £200 paid
    /// on 1 March (principal first). 15 Feb–1 Mar: 1,200 × 8% × 15 / 365 = 3.945… → £3.95;
    /// 2–16 Mar: 1,000 × 8% × 15 / 365 = 3.287… → £3.29. Interest £7.24; no flat fee.
    #[test]
    fn a_part_paid_contract_invoice_shows_its_figures_interest_and_payment() {
        let page = page(ledger(), "2026-03-16", InterestOptions::default());
        assert_eq!(page.title, "Invoice INV-001");
        assert_eq!(page.client_name, "Acme Ltd");
        assert_eq!(
            page.lead,
            "Issued 15 Jan 2026 · due 14 Feb 2026 · Website build"
        );
        assert_eq!(
            page.figures,
            Figures {
                amount: "£1,200.00".into(),
                paid: "£200.00".into(),
                paid_later: None,
                balance: MoneyFigure {
                    text: "£1,000.00".into(),
                    plain: "1000.00".into()
                },
                days_overdue: 30,
                status: InvoiceStatus::PartPaid,
                credit: None,
            }
        );
        assert_eq!(
            page.payments,
            [PaymentLine {
                id: "p1".into(),
                date: "1 Mar 2026".into(),
                amount: "£200.00".into(),
                method: "bank transfer".into(),
                note: String::new(),
                edit_label: "Edit payment of £200.00 on 1 Mar 2026".into(),
                delete_label: "Delete payment of £200.00 on 1 Mar 2026".into(),
                future: false,
            }]
        );
        let interest = &page.interest;
        assert_eq!(interest.rule, "Contract rate");
        assert_eq!(
            interest.total,
            MoneyFigure {
                text: "£7.24".into(),
                plain: "7.24".into()
            }
        );
        assert_eq!(interest.compensation.plain, "0.00");
        assert_eq!(interest.compensation.text, "None");
        let rows: Vec<(&str, &str, i64, &str, &str, &str)> = interest
            .rows
            .iter()
            .map(|row| {
                (
                    row.from.as_str(),
                    row.to.as_str(),
                    row.days,
                    row.principal.as_str(),
                    row.rate.as_str(),
                    row.interest.as_str(),
                )
            })
            .collect();
        assert_eq!(
            rows,
            [
                (
                    "15 Feb 2026",
                    "1 Mar 2026",
                    15,
                    "£1,200.00",
                    "8.00%",
                    "£3.95"
                ),
                (
                    "2 Mar 2026",
                    "16 Mar 2026",
                    15,
                    "£1,000.00",
                    "8.00%",
                    "£3.29"
                ),
            ]
        );
        assert!(!interest.offers_uk_split);
        assert_eq!(interest.stale, None);
        assert_eq!(
            interest.allocations,
            [AllocationLine {
                payment_id: "p1".into(),
                date: "1 Mar 2026".into(),
                amount: "£200.00".into(),
                to_costs: "£0.00".into(),
                to_interest: "£0.00".into(),
                to_principal: "£200.00".into(),
                unapplied: "£0.00".into(),
            }]
        );
        assert_eq!(
            interest.appropriation.as_deref(),
            Some("Payments are applied principal first, then interest, as chosen in Settings for contract rates.")
        );
        assert_eq!(page.write_off, None);
        // The reminder of 20 February was logged by hand, without a ladder step: the ladder
        // starts at its first overdue letter.
        assert_eq!(page.next_step.letter, LadderStep::ReminderOverdue);
        assert_eq!(
            page.next_step.advice,
            "Recommended today: the overdue reminder."
        );
    }

    /// Under the UK Act, re-fixing the rate at each half-year needs the Bank Rate in force on
    /// 31 December 2026, after the table's check (30 September 2026): the figure carries the
    /// warning. A rate the user added for that day replaces the warning with a marked row.
    #[test]
    fn a_rate_after_the_tables_check_is_flagged_and_a_users_rate_is_marked() {
        let mut uk = ledger();
        uk.invoices[0].interest = Some(InterestTerms::rule(RuleKind::UkLatePayment));
        let split = InterestOptions {
            uk_split_half_years: true,
            ..InterestOptions::default()
        };
        let stale = page(uk.clone(), "2027-01-20", split).interest;
        assert_eq!(
            stale.stale.as_deref(),
            Some("Bank of England Bank Rate table checked to 30 Sep 2026; if the bank has changed its rate since, add the new rate in Settings.")
        );
        assert!(stale.offers_uk_split);
        assert_eq!(
            stale.appropriation.as_deref(),
            Some("Payments are applied principal first, then interest, the order the UK Late Payment Act sets.")
        );
        assert_eq!(stale.user_rate_note, None);
        assert_eq!(
            stale.rows.last().map(|row| row.from.as_str()),
            Some("1 Jan 2027")
        );

        uk.settings.rate_rows.push(RateRow {
            table: RateTableId::Boe,
            from: day("2026-11-05"),
            rate: Decimal::new(350, 2),
        });
        let mine = page(uk, "2027-01-20", split).interest;
        assert_eq!(mine.stale, None);
        assert_eq!(mine.user_rate_note, Some(USER_RATE_NOTE));
        let last = mine.rows.last().unwrap();
        assert!(last.user_rate);
        assert_eq!(last.rate, "11.50%");
        assert!(!mine.rows[0].user_rate);
    }

    #[test]
    fn a_written_off_invoice_says_when_and_why() {
        let mut ledger = ledger();
        ledger
            .write_off(
                "i1",
                day("2026-03-06"),
                "Client closed down",
                &mut crate::core::ids::Sequential::default(),
            )
            .unwrap();
        let page = page(ledger, "2026-03-16", InterestOptions::default());
        assert_eq!(
            page.write_off.as_deref(),
            Some("Written off on 6 Mar 2026: Client closed down")
        );
        assert_eq!(page.figures.status, InvoiceStatus::WrittenOff);
        assert_eq!(page.figures.balance.plain, "0.00");
        assert_eq!(page.figures.days_overdue, 0);
    }

    #[test]
    fn the_advice_names_the_letter_the_letter_view_opens_with() {
        assert_eq!(
            next_step(Advice::WaitUntil(day("2026-03-01"))),
            NextStep {
                letter: LadderStep::ReminderOverdue,
                advice: "Nothing is due to be sent before 1 Mar 2026; the overdue reminder is ready if you need it.".into()
            }
        );
        assert_eq!(next_step(Advice::Thank).letter, LadderStep::PaymentThanks);
        assert_eq!(
            next_step(Advice::ResolveDispute).letter,
            LadderStep::ReminderOverdue
        );
    }

    #[test]
    fn an_unknown_invoice_has_no_page() {
        let books = Books::new(Arc::new(ledger()));
        assert_eq!(
            invoice_page(&books, "i9", day("2026-03-16"), InterestOptions::default()),
            None
        );
    }

    /// A £200 payment dated 1 March, seen on 20 February: it is not paid yet, and the page
    /// says why instead of a bare "Paid £0.00".
    #[test]
    fn a_payment_dated_after_today_is_named_and_not_counted_as_paid() {
        let page = page(ledger(), "2026-02-20", InterestOptions::default());
        assert_eq!(page.figures.paid, "£0.00");
        assert_eq!(
            page.figures.paid_later.as_deref(),
            Some("£200.00 more is dated after today (from 1 Mar 2026) and not counted yet.")
        );
        assert_eq!(page.figures.balance.plain, "1200.00");
        assert!(page.payments[0].future);
        let on_the_day = super::tests::page(ledger(), "2026-03-01", InterestOptions::default());
        assert_eq!(on_the_day.figures.paid_later, None);
        assert!(!on_the_day.payments[0].future);
    }
}
