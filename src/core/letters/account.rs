//! The variables of one letter covering several of a client's invoices: one statement, with
//! totals per currency (never added across currencies).

use super::case;
use super::template::{Context, Value};
use super::variables::{
    letter_context, statement_section, totals_section, LetterContext, Money, SettlementFigures,
    Values,
};
use crate::core::interest::{claims, InterestOptions, InvoiceClaim};
use crate::core::ledger::Ledger;
use crate::core::model::Invoice;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// "A", "A and B", "A, B and C".
pub fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The sentence saying which invoices a letter leaves out because they are disputed; empty
/// when none is.
pub fn left_out_sentence(numbers: &[String]) -> String {
    match numbers {
        [] => String::new(),
        [one] => format!("Invoice {one} is not included here while its dispute is being resolved."),
        many => format!(
            "Invoices {} are not included here while their disputes are being resolved.",
            and_list(many)
        ),
    }
}

fn has_nonzero_digit(text: &str) -> bool {
    text.chars().any(|c| ('1'..='9').contains(&c))
}

/// The per-currency figures joined: "£1,300.00 and €500.00", leaving out currencies whose
/// figure is zero (all of them zero: the first one).
fn joined(parts: &[String]) -> String {
    let nonzero: Vec<String> = parts
        .iter()
        .filter(|part| has_nonzero_digit(part))
        .cloned()
        .collect();
    if nonzero.is_empty() {
        parts.first().cloned().unwrap_or_default()
    } else {
        and_list(&nonzero)
    }
}

fn text_of(values: &Context, name: &str) -> String {
    match values.get(name) {
        Some(Value::Text(text)) => text.clone(),
        _ => String::new(),
    }
}

/// Sets the `account.*` variables empty: a letter about one invoice.
pub(super) fn fill_single(values: &mut Context) {
    for name in ["account.invoices", "account.statement", "account.left_out"] {
        values.insert(name.into(), Value::Text(String::new()));
    }
}

/// The variables of one letter covering `invoice_ids` (the client's, in the order listed,
/// grouped by currency in order of first appearance) on `today`: `invoice.*` and
/// `interest.*` are those of `lead` (one of them); `statement` lists them all; `totals.*`
/// and `interest.total` give one figure per currency, joined ("£1,300.00 and €500.00");
/// `account.*` names them and the invoices `left_out` (disputed). `None` when an invoice is
/// missing or none is given.
pub fn account_context(
    ledger: &Ledger,
    invoice_ids: &[String],
    lead: &str,
    left_out: &[String],
    today: NaiveDate,
    deadline_days: i64,
    settlement: &SettlementFigures,
) -> Option<LetterContext> {
    let invoices: Vec<&Invoice> = invoice_ids
        .iter()
        .map(|id| ledger.invoice(id))
        .collect::<Option<_>>()?;
    let first = invoices.first()?;
    let mut letter = letter_context(
        ledger,
        lead,
        today,
        deadline_days,
        settlement,
        crate::core::interest::InterestOptions::default(),
    )?;
    let mut currencies: Vec<&crate::core::currency::Currency> = Vec::new();
    for invoice in &invoices {
        if !currencies.contains(&&invoice.currency) {
            currencies.push(&invoice.currency);
        }
    }
    let mut rows: Vec<BTreeMap<String, String>> = Vec::new();
    let mut totals: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for currency in currencies {
        let money = Money(currency);
        let all = claims(
            ledger,
            &first.client_id,
            currency,
            today,
            InterestOptions::default(),
        );
        let covered: Vec<InvoiceClaim> = invoice_ids
            .iter()
            .filter_map(|id| all.iter().find(|claim| claim.invoice.id == *id).cloned())
            .collect();
        if letter.stale.is_none() {
            letter.stale = covered.iter().find_map(|claim| claim.interest.stale);
        }
        let mut part = Values::default();
        totals_section(&mut part, &covered, money);
        statement_section(&mut part, ledger, &covered, today, money);
        if let Some(Value::List(list)) = part.0.remove("statement") {
            rows.extend(list);
        }
        for name in [
            "totals.balance",
            "totals.interest",
            "totals.compensation",
            "totals.claim",
        ] {
            totals.entry(name).or_default().push(text_of(&part.0, name));
        }
    }
    let values = &mut letter.values;
    for (name, parts) in &totals {
        values.insert((*name).into(), Value::Text(joined(parts)));
    }
    values.insert(
        "interest.total".into(),
        Value::Text(text_of(values, "totals.interest")),
    );
    let numbers: Vec<String> = invoices.iter().map(|i| i.number.clone()).collect();
    let left_out = left_out_sentence(left_out);
    let mut statement: Vec<String> = rows
        .iter()
        .map(|row| {
            format!(
                "- Invoice {}, due {}: {} outstanding ({} days overdue)",
                row["number"], row["due_date"], row["balance"], row["days_overdue"]
            )
        })
        .collect();
    statement.push(String::new());
    statement.push(format!(
        "Total outstanding: {}",
        text_of(values, "totals.balance")
    ));
    if !left_out.is_empty() {
        statement.push(String::new());
        statement.push(left_out.clone());
    }
    values.insert("statement".into(), Value::List(rows));
    values.insert("account.invoices".into(), Value::Text(and_list(&numbers)));
    values.insert(
        "account.statement".into(),
        Value::Text(statement.join("\n")),
    );
    values.insert("account.left_out".into(), Value::Text(left_out));
    let mut lead_first = invoices.clone();
    lead_first.sort_by_key(|invoice| invoice.id != lead);
    case::fill(values, ledger, &lead_first, today);
    Some(letter)
}
