//! The variables letters can use, documented for the reference table, and the context that
//! fills them from the ledger.

use super::template::{Context, Names, Value};
use crate::core::currency::Currency;
use crate::core::dates::{add_days, format_date_long};
use crate::core::interest::{
    claims, compute, ClaimTotals, InterestOptions, InterestResult, InvoiceClaim, Staleness,
};
use crate::core::ledger::{InvoiceSummary, Ledger};
use crate::core::model::{Business, Client, Invoice};
use crate::core::money::{format_money, format_percent};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// One documented variable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Variable {
    /// The name used in templates.
    pub name: &'static str,
    /// What it holds.
    pub description: &'static str,
    /// An example value.
    pub example: &'static str,
    /// For lists, the fields of each row.
    pub fields: &'static [&'static str],
}

const fn text(name: &'static str, description: &'static str, example: &'static str) -> Variable {
    Variable {
        name,
        description,
        example,
        fields: &[],
    }
}

/// Every variable, in the order the reference shows them.
pub const VARIABLES: &[Variable] = &[
    text("business.name", "Your business name", "Ada Studio"),
    text(
        "business.address",
        "Your postal address",
        "1 High St, London",
    ),
    text("business.email", "Your e-mail address", "ada@example.com"),
    text(
        "business.signature",
        "How you sign letters (defaults to the business name)",
        "Ada Lovelace, Director",
    ),
    text(
        "business.sign_off",
        "Your signature, then the business name on the next line (once when they are the same)",
        "Ada Lovelace, Director\nAda Studio",
    ),
    text("client.name", "The client's name", "Acme Ltd"),
    text(
        "client.contact",
        "The person you write to (defaults to the client's name)",
        "Jo Bloggs",
    ),
    text(
        "client.address",
        "The client's postal address",
        "2 Low Rd, Leeds",
    ),
    text(
        "client.address_block",
        "The client's name and postal address, as the top of an e-mailed letter (empty on the printed sheet, which sets the address itself)",
        "Acme Ltd\n2 Low Rd\nLeeds",
    ),
    text("invoice.number", "The invoice number", "INV-001"),
    text("invoice.issue_date", "The issue date", "15 January 2026"),
    text("invoice.due_date", "The due date", "14 February 2026"),
    text("invoice.amount", "The amount invoiced", "£1,200.00"),
    text("invoice.paid", "What has been paid", "£200.00"),
    text("invoice.balance", "What is still owed", "£1,000.00"),
    text(
        "invoice.days_overdue",
        "Days past the due date (0 before it)",
        "47",
    ),
    text("interest.rule", "The interest rule", "UK Late Payment Act"),
    text("interest.total", "Interest to date", "£10.89"),
    text(
        "interest.compensation",
        "Fixed compensation, if the rule gives one",
        "£70.00",
    ),
    text("interest.rate", "The annual rate", "13.25%"),
    text(
        "interest.citation",
        "The law or contract term behind the interest",
        "Late Payment of Commercial Debts (Interest) Act 1998",
    ),
    Variable {
        name: "interest.rows",
        description: "The interest breakdown, one row per period",
        example: "16 Jun 2026 – 30 Jun 2026: 15 days on £1,000.00 at 13.25% = £5.45",
        fields: &["from", "to", "days", "principal", "rate", "amount"],
    },
    text(
        "totals.balance",
        "What the client owes on its overdue invoices in this currency (and on this letter's invoice)",
        "£3,400.00",
    ),
    text(
        "totals.interest",
        "Interest on those invoices (and on invoices paid late, when the letter includes them)",
        "£45.20",
    ),
    text(
        "totals.compensation",
        "Compensation on those invoices (same currency only)",
        "£140.00",
    ),
    text(
        "totals.claim",
        "Balance + interest + compensation",
        "£3,585.20",
    ),
    text(
        "totals.paid_late",
        "The interest and compensation still due on invoices paid late (empty unless the letter includes them)",
        "£79.66",
    ),
    Variable {
        name: "statement",
        description: "The client's overdue invoices in this currency, and this letter's invoice if it is open",
        example: "INV-001, due 14 February 2026: £1,000.00 of £1,200.00",
        fields: &[
            "number",
            "issue_date",
            "due_date",
            "amount",
            "paid",
            "balance",
            "days_overdue",
        ],
    },
    Variable {
        name: "paid_late",
        description: "Invoices paid in full but late whose interest and compensation are still claimed (empty unless the letter includes them)",
        example: "INV-002, due 30 January 2026, paid 1 March 2026 (30 days late): £9.66 interest, £70.00 compensation",
        fields: &[
            "number",
            "due_date",
            "paid_on",
            "days_late",
            "interest",
            "compensation",
            "claim",
        ],
    },
    text("today", "Today's date", "23 November 2026"),
    text(
        "deadline",
        "Today plus the template's deadline in days",
        "7 December 2026",
    ),
    text(
        "settlement.amount",
        "The settlement amount offered (empty until the settlement planner fills it)",
        "£3,000.00",
    ),
    text(
        "settlement.pay_by",
        "The date the settlement must be paid by",
        "31 December 2026",
    ),
    Variable {
        name: "settlement.schedule",
        description: "The instalments agreed (empty until the settlement planner fills it)",
        example: "1: 1 January 2027, £500.00",
        fields: &["number", "date", "amount"],
    },
    text(
        "promise.made_on",
        "The day the client made the latest promise to pay on this invoice or its account (empty without one)",
        "3 March 2026",
    ),
    text("promise.amount", "The amount promised", "£500.00"),
    text("promise.due", "The date it was promised by", "10 March 2026"),
    text(
        "promise.state",
        "Where it stands today: pending, kept, part-kept or broken (after the grace days set in Settings)",
        "broken",
    ),
    text(
        "promise.paid",
        "What has been paid towards it",
        "£200.00",
    ),
    text("promise.by", "Who made it", "Jo Bloggs"),
    text(
        "promise.sentence",
        "A sentence about the promise that fits its state",
        "On 3 March 2026 you promised to pay £500.00 by 10 March 2026; we have not received it.",
    ),
    text(
        "promise.unkept",
        "The same sentence, only when the promise was broken or part-kept (empty otherwise), for {% if promise.unkept %}",
        "On 3 March 2026 you promised to pay £500.00 by 10 March 2026; we received £200.00 of it, so £300.00 of that promise is still unpaid.",
    ),
    text(
        "dispute.reason",
        "What the client disputed in the invoice's latest dispute (empty without one)",
        "The second revision round was not agreed",
    ),
    text("dispute.opened_on", "The day the client raised it", "20 February 2026"),
    text(
        "dispute.decision",
        "Why it was decided as it was (the resolution's note; empty while it is open)",
        "The statement of work of 5 January includes two revision rounds.",
    ),
    text(
        "account.invoices",
        "On a client letter (one letter for all the client's overdue invoices): their numbers; empty on a letter about one invoice. On a client letter, statement lists every invoice it covers in its own currency, totals and interest.total give one figure per currency, and invoice and interest describe the invoice furthest up the ladder",
        "INV-001 and INV-002",
    ),
    text(
        "account.statement",
        "On a client letter: the invoices, balances and days overdue, the total per currency, and which disputed invoices are left out",
        "- Invoice INV-001, due 14 February 2026: £1,000.00 outstanding (30 days overdue)",
    ),
    text(
        "account.left_out",
        "On a client letter: which disputed invoices it leaves out (empty when none is)",
        "Invoice INV-003 is not included here while its dispute is being resolved.",
    ),
];

/// The catalogue, as the template checker sees it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Catalogue;

impl Names for Catalogue {
    fn is_text(&self, name: &str) -> bool {
        VARIABLES
            .iter()
            .any(|variable| variable.name == name && variable.fields.is_empty())
    }

    fn list_fields(&self, name: &str) -> Option<Vec<&'static str>> {
        VARIABLES
            .iter()
            .find(|variable| variable.name == name && !variable.fields.is_empty())
            .map(|variable| variable.fields.to_vec())
    }
}

/// Settlement figures for the last steps of the ladder.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SettlementFigures {
    /// The amount offered, formatted.
    pub amount: String,
    /// The date it must be paid by, formatted.
    pub pay_by: String,
    /// (number, date, amount) of each instalment, formatted.
    pub schedule: Vec<(String, String, String)>,
}

/// The context being filled, section by section.
#[derive(Default)]
pub(super) struct Values(pub(super) Context);

impl Values {
    fn text(&mut self, name: &str, value: impl Into<String>) {
        self.0.insert(name.to_string(), Value::Text(value.into()));
    }

    fn list(&mut self, name: &str, rows: Vec<BTreeMap<String, String>>) {
        self.0.insert(name.to_string(), Value::List(rows));
    }
}

fn record(pairs: &[(&str, String)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(name, value)| (name.to_string(), value.clone()))
        .collect()
}

/// The letter's figures in its invoice's currency.
#[derive(Clone, Copy)]
pub(super) struct Money<'a>(pub(super) &'a Currency);

impl Money<'_> {
    fn format(self, value: Decimal) -> String {
        format_money(value, self.0)
    }
}

/// The variables of a letter, and whether its interest figures need a rate the tables have
/// not been checked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetterContext {
    /// Every variable, filled.
    pub values: Context,
    /// Set when the invoice's interest, or a total that includes another open invoice's
    /// interest, needs a rate after its table's "checked up to" date.
    pub stale: Option<Staleness>,
    /// The interest it quotes uses a rate the user added in Settings.
    pub user_rate: bool,
}

/// Fills every variable for a letter about one invoice, on `today`, with a deadline in days
/// (invoices paid late are not claimed).
pub fn context(
    ledger: &Ledger,
    invoice_id: &str,
    today: NaiveDate,
    deadline_days: i64,
    settlement: &SettlementFigures,
) -> Option<Context> {
    letter_context(
        ledger,
        invoice_id,
        today,
        deadline_days,
        settlement,
        InterestOptions::default(),
    )
    .map(|letter| letter.values)
}

/// [`context`], with the staleness of the interest it quotes. With
/// [`InterestOptions::include_paid_late`] the totals also claim the interest and compensation
/// still due on the client's invoices paid in full but late, which `paid_late` lists.
pub fn letter_context(
    ledger: &Ledger,
    invoice_id: &str,
    today: NaiveDate,
    deadline_days: i64,
    settlement: &SettlementFigures,
    options: InterestOptions,
) -> Option<LetterContext> {
    let invoice = ledger.invoice(invoice_id)?;
    let client = ledger.client(&invoice.client_id)?;
    let money = Money(&invoice.currency);
    let interest = compute(ledger, invoice, today, options);
    let claimed: Vec<InvoiceClaim> = claims(ledger, &client.id, &invoice.currency, today, options)
        .into_iter()
        .filter(|claim| {
            claim.paid_late || claim.invoice.id == invoice.id || claim.invoice.due_date < today
        })
        .collect();
    let stale = interest
        .stale
        .or_else(|| claimed.iter().find_map(|claim| claim.interest.stale));
    let (late, open): (Vec<InvoiceClaim>, Vec<InvoiceClaim>) =
        claimed.iter().cloned().partition(|claim| claim.paid_late);
    let mut values = Values::default();
    business_section(&mut values, &ledger.business);
    client_section(&mut values, client);
    invoice_section(&mut values, invoice, &ledger.summary(invoice, today), money);
    interest_section(&mut values, &interest, money);
    totals_section(&mut values, &claimed, money);
    statement_section(&mut values, ledger, &open, today, money);
    paid_late_section(&mut values, &late, money);
    values.text("today", format_date_long(today));
    values.text("deadline", format_date_long(add_days(today, deadline_days)));
    settlement_section(&mut values, settlement);
    super::case::fill(&mut values.0, ledger, &[invoice], today);
    super::account::fill_single(&mut values.0);
    Some(LetterContext {
        values: values.0,
        stale,
        user_rate: interest.uses_user_rate()
            || claimed.iter().any(|claim| claim.interest.uses_user_rate()),
    })
}

fn business_section(values: &mut Values, business: &Business) {
    let signature = if business.signature.trim().is_empty() {
        business.name.clone()
    } else {
        business.signature.clone()
    };
    let sign_off = if signature.trim() == business.name.trim() {
        signature.clone()
    } else {
        format!("{signature}\n{}", business.name)
    };
    values.text("business.name", business.name.clone());
    values.text("business.address", business.address.clone());
    values.text("business.email", business.email.clone());
    values.text("business.signature", signature);
    values.text("business.sign_off", sign_off);
}

fn client_section(values: &mut Values, client: &Client) {
    let contact = if client.contact.trim().is_empty() {
        &client.name
    } else {
        &client.contact
    };
    let address_block = [client.name.trim(), client.address.trim()]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    values.text("client.name", client.name.clone());
    values.text("client.contact", contact.clone());
    values.text("client.address", client.address.clone());
    values.text("client.address_block", address_block);
}

fn invoice_section(values: &mut Values, invoice: &Invoice, summary: &InvoiceSummary, money: Money) {
    values.text("invoice.number", invoice.number.clone());
    values.text("invoice.issue_date", format_date_long(invoice.issue_date));
    values.text("invoice.due_date", format_date_long(invoice.due_date));
    values.text("invoice.amount", money.format(invoice.amount.value()));
    values.text("invoice.paid", money.format(summary.paid));
    values.text("invoice.balance", money.format(summary.outstanding));
    values.text("invoice.days_overdue", summary.days_overdue.to_string());
}

/// The interest variables are empty when the rule does not apply, so `{% if interest.total %}`
/// leaves the paragraph out; the compensation is shown in the law's own currency.
fn interest_section(values: &mut Values, interest: &InterestResult, money: Money) {
    let applied = |text: String| {
        if interest.applies {
            text
        } else {
            String::new()
        }
    };
    values.text("interest.rule", applied(interest.rule.label().to_string()));
    values.text("interest.total", applied(money.format(interest.total)));
    values.text("interest.rate", applied(interest.rate_text()));
    values.text("interest.citation", applied(interest.citation.clone()));
    values.text(
        "interest.compensation",
        interest
            .compensation
            .as_ref()
            .map(|fee| format_money(fee.amount, &fee.currency))
            .unwrap_or_default(),
    );
    let rows = interest
        .rows
        .iter()
        .map(|row| {
            record(&[
                ("from", format_date_long(row.from)),
                ("to", format_date_long(row.to)),
                ("days", row.days.to_string()),
                ("principal", money.format(row.principal)),
                ("rate", format_percent(row.annual_rate)),
                ("amount", money.format(row.interest)),
            ])
        })
        .collect();
    values.list("interest.rows", rows);
}

/// What the client owes in the letter's currency on its overdue invoices and the letter's own
/// (see [`claims`]), and on those paid late when the letter includes them: balance, interest,
/// compensation and their sum. An invoice not yet due is not claimed.
pub(super) fn totals_section(values: &mut Values, claimed: &[InvoiceClaim], money: Money) {
    let totals = ClaimTotals::of(claimed);
    values.text("totals.balance", money.format(totals.balance));
    values.text("totals.interest", money.format(totals.interest));
    values.text("totals.compensation", money.format(totals.compensation));
    values.text("totals.claim", money.format(totals.claim));
    values.text(
        "totals.paid_late",
        if claimed.iter().any(|claim| claim.paid_late) {
            money.format(totals.paid_late)
        } else {
            String::new()
        },
    );
}

/// The invoices paid in full but late whose interest and compensation the letter claims.
fn paid_late_section(values: &mut Values, late: &[InvoiceClaim], money: Money) {
    let rows = late
        .iter()
        .map(|claim| {
            record(&[
                ("number", claim.invoice.number.clone()),
                ("due_date", format_date_long(claim.invoice.due_date)),
                (
                    "paid_on",
                    claim
                        .last_paid_on()
                        .map(format_date_long)
                        .unwrap_or_default(),
                ),
                ("days_late", claim.days_paid_late().to_string()),
                ("interest", money.format(claim.interest.total)),
                ("compensation", money.format(claim.compensation())),
                ("claim", money.format(claim.claim())),
            ])
        })
        .collect();
    values.list("paid_late", rows);
}

pub(super) fn statement_section(
    values: &mut Values,
    ledger: &Ledger,
    open: &[InvoiceClaim],
    today: NaiveDate,
    money: Money,
) {
    let rows = open
        .iter()
        .map(|claim| {
            let invoice = claim.invoice;
            let days_overdue = ledger.summary(invoice, today).days_overdue;
            record(&[
                ("number", invoice.number.clone()),
                ("issue_date", format_date_long(invoice.issue_date)),
                ("due_date", format_date_long(invoice.due_date)),
                ("amount", money.format(invoice.amount.value())),
                ("paid", money.format(claim.paid)),
                ("balance", money.format(claim.outstanding)),
                ("days_overdue", days_overdue.to_string()),
            ])
        })
        .collect();
    values.list("statement", rows);
}

fn settlement_section(values: &mut Values, settlement: &SettlementFigures) {
    values.text("settlement.amount", settlement.amount.clone());
    values.text("settlement.pay_by", settlement.pay_by.clone());
    let schedule = settlement
        .schedule
        .iter()
        .map(|(number, date, amount)| {
            record(&[
                ("number", number.clone()),
                ("date", date.clone()),
                ("amount", amount.clone()),
            ])
        })
        .collect();
    values.list("settlement.schedule", schedule);
}
