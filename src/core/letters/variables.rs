//! The variables letters can use, documented for the reference table, and the context that
//! fills them from the ledger.

use super::template::{Context, Names, Value};
use crate::core::dates::{add_days, format_date_long};
use crate::core::interest::{compute, InterestOptions};
use crate::core::ledger::Ledger;
use crate::core::money::format_money;
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
        "What the client owes on all open invoices in this currency",
        "£3,400.00",
    ),
    text("totals.interest", "Interest on those invoices", "£45.20"),
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
    Variable {
        name: "statement",
        description: "The client's open invoices in this currency",
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
];

/// The catalogue, as the template checker sees it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Catalogue;

impl Names for Catalogue {
    fn is_text(&self, name: &str) -> bool {
        VARIABLES
            .iter()
            .any(|v| v.name == name && v.fields.is_empty())
    }

    fn list_fields(&self, name: &str) -> Option<Vec<&'static str>> {
        VARIABLES
            .iter()
            .find(|v| v.name == name && !v.fields.is_empty())
            .map(|v| v.fields.to_vec())
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

fn record(pairs: &[(&str, String)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect()
}

/// Fills every variable for a letter about one invoice, on `today`, with a deadline in days.
pub fn context(
    ledger: &Ledger,
    invoice_id: &str,
    today: NaiveDate,
    deadline_days: i64,
    settlement: &SettlementFigures,
) -> Option<Context> {
    let invoice = ledger.invoice(invoice_id)?;
    let client = ledger.client(&invoice.client_id)?;
    let money = |value: Decimal| format_money(value, &invoice.currency);
    let interest = compute(ledger, invoice, today, InterestOptions::default());
    let summary = ledger.summary(invoice, today);
    let mut values: Context = BTreeMap::new();
    let mut put = |name: &str, value: String| {
        values.insert(name.to_string(), Value::Text(value));
    };
    let business = &ledger.business;
    put("business.name", business.name.clone());
    put("business.address", business.address.clone());
    put("business.email", business.email.clone());
    put(
        "business.signature",
        if business.signature.is_empty() {
            business.name.clone()
        } else {
            business.signature.clone()
        },
    );
    put("client.name", client.name.clone());
    put(
        "client.contact",
        if client.contact.is_empty() {
            client.name.clone()
        } else {
            client.contact.clone()
        },
    );
    put("client.address", client.address.clone());
    put("invoice.number", invoice.number.clone());
    put("invoice.issue_date", format_date_long(invoice.issue_date));
    put("invoice.due_date", format_date_long(invoice.due_date));
    put("invoice.amount", money(invoice.amount.value()));
    put("invoice.paid", money(summary.paid));
    put("invoice.balance", money(summary.outstanding));
    put("invoice.days_overdue", summary.days_overdue.to_string());
    put(
        "interest.rule",
        if interest.applies {
            interest.rule.label().to_string()
        } else {
            String::new()
        },
    );
    put(
        "interest.total",
        if interest.applies {
            money(interest.total)
        } else {
            String::new()
        },
    );
    put(
        "interest.compensation",
        interest
            .compensation
            .as_ref()
            .map(|c| format_money(c.amount, &c.currency))
            .unwrap_or_default(),
    );
    put(
        "interest.rate",
        if interest.applies {
            interest.rate_text()
        } else {
            String::new()
        },
    );
    put(
        "interest.citation",
        if interest.applies {
            interest.citation.clone()
        } else {
            String::new()
        },
    );
    put("today", format_date_long(today));
    put("deadline", format_date_long(add_days(today, deadline_days)));
    put("settlement.amount", settlement.amount.clone());
    put("settlement.pay_by", settlement.pay_by.clone());
    let (mut balance, mut interest_sum, mut compensation_sum) =
        (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    let mut statement = Vec::new();
    for other in ledger
        .invoices_of(&client.id)
        .filter(|i| i.currency == invoice.currency)
    {
        let figures = ledger.summary(other, today);
        if figures.outstanding <= Decimal::ZERO {
            continue;
        }
        let owed = compute(ledger, other, today, InterestOptions::default());
        balance += figures.outstanding;
        interest_sum += owed.total;
        if let Some(fee) = owed.compensation.filter(|c| c.currency == invoice.currency) {
            compensation_sum += fee.amount;
        }
        statement.push(record(&[
            ("number", other.number.clone()),
            ("issue_date", format_date_long(other.issue_date)),
            ("due_date", format_date_long(other.due_date)),
            ("amount", money(other.amount.value())),
            ("paid", money(figures.paid)),
            ("balance", money(figures.outstanding)),
            ("days_overdue", figures.days_overdue.to_string()),
        ]));
    }
    put("totals.balance", money(balance));
    put("totals.interest", money(interest_sum));
    put("totals.compensation", money(compensation_sum));
    put(
        "totals.claim",
        money(balance + interest_sum + compensation_sum),
    );
    let rows = interest
        .rows
        .iter()
        .map(|row| {
            record(&[
                ("from", format_date_long(row.from)),
                ("to", format_date_long(row.to)),
                ("days", row.days.to_string()),
                ("principal", money(row.principal)),
                ("rate", format!("{}%", row.annual_rate)),
                ("amount", money(row.interest)),
            ])
        })
        .collect();
    values.insert("interest.rows".into(), Value::List(rows));
    values.insert("statement".into(), Value::List(statement));
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
    values.insert("settlement.schedule".into(), Value::List(schedule));
    Some(values)
}
