//! Turning a group of rows into one invoice read from the file, or a reason to skip it:
//! the total, what was paid, the dates and the currency, with a note for every assumption.

use super::amounts::ReadAmount;
use super::layout::Profile;
use super::preview::Problem;
use super::rows::{RowGroup, RowValues};
use super::settings::Settings;
use crate::core::currency::Currency;
use crate::core::dates::add_days;
use crate::core::money::format_money;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// An invoice as the file states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incoming {
    /// The first line of its rows.
    pub line: usize,
    /// The client's name as written.
    pub client: String,
    /// The client's e-mail, if given.
    pub email: String,
    /// The invoice number as written.
    pub number: String,
    /// Date of issue.
    pub issue_date: NaiveDate,
    /// Due date (from the file, the terms or the default terms).
    pub due_date: NaiveDate,
    /// The total.
    pub amount: Decimal,
    /// What the file says was paid in all, if it says.
    pub paid: Option<Decimal>,
    /// The date of (the last) payment, when the file gives one.
    pub paid_on: Option<NaiveDate>,
    /// The currency.
    pub currency: Currency,
    /// What was supplied.
    pub description: String,
    /// Written off: the date (if given) and the reason.
    pub write_off: Option<(Option<NaiveDate>, String)>,
    /// Amounts carried only a `$`, and the currency was taken as USD.
    pub dollar_assumed: bool,
}

/// A row or invoice that is not imported, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// Its first line.
    pub line: usize,
    /// Its number, as written.
    pub number: String,
    /// Its client, as written.
    pub client: String,
    /// Its amount, when it could be read.
    pub amount: Option<Decimal>,
    /// Why it is skipped.
    pub reason: String,
}

impl Skipped {
    /// Skips the row with a reason.
    pub fn row(row: &RowValues, reason: impl Into<String>) -> Skipped {
        Skipped {
            line: row.line,
            number: row.number.clone(),
            client: row.client.clone(),
            amount: row.amount.as_ref().map(|a| a.value),
            reason: reason.into(),
        }
    }
}

/// What the finishing needs besides the rows.
pub struct Context<'a> {
    /// The file's layout.
    pub profile: Profile,
    /// The decided settings.
    pub settings: &'a Settings,
    /// Days from issue to due when the file gives neither a due date nor terms.
    pub default_terms: i64,
    /// The header of the due-date column, named in problems.
    pub due_header: Option<String>,
}

/// Why a row is not a debt, from its type and status.
pub fn not_a_debt(kind: &str, status: &str) -> Option<String> {
    let kind_reason = match kind {
        "" => None,
        k if k.contains("credit") => Some("a credit note: it lowers what the client owes"),
        k if k.contains("overpayment") || k.contains("prepayment") => {
            Some("an overpayment: money received, not a debt")
        }
        k if k.contains("bill") || k.contains("purchase") || k.contains("expense") => {
            Some("a bill: money you owe, not money owed to you")
        }
        k if k.contains("payment") => Some("a payment, not an invoice"),
        k if k.contains("journal") => Some("a journal entry, not an invoice"),
        k if k.contains("estimate") || k.contains("quote") => Some("a quote, not an invoice"),
        k if k.contains("invoice") || k == "inv" => None,
        other => return Some(format!("its type is \"{other}\", not an invoice")),
    };
    let status_reason = match status {
        "draft" | "awaiting approval" | "entwurf" | "brouillon" | "borrador" | "bozza"
        | "concept" => Some("a draft: it was never sent"),
        "void" | "voided" | "cancelled" | "canceled" | "reversed" | "deleted" | "storniert" => {
            Some("voided or cancelled")
        }
        _ => None,
    };
    kind_reason.or(status_reason).map(String::from)
}

fn is_paid_status(status: &str) -> bool {
    matches!(
        status,
        "paid"
            | "fully_paid"
            | "fully paid"
            | "bezahlt"
            | "payé"
            | "payée"
            | "pagado"
            | "pagato"
            | "betaald"
            | "pago"
    )
}

fn is_written_off_status(status: &str) -> bool {
    matches!(
        status,
        "uncollectible" | "written off" | "written-off" | "write off" | "write-off" | "bad debt"
    )
}

/// Finishes a group of rows: the invoice, or why it is skipped. Notes go to `problems`.
pub fn finish(
    group: &RowGroup,
    context: &Context,
    problems: &mut Vec<Problem>,
) -> Result<Incoming, Skipped> {
    let first = &group.rows[0];
    if let Some(row) = group.rows.iter().find(|row| row.error.is_some()) {
        let message = row.error.clone().unwrap_or_default();
        return Err(Skipped::row(first, format!("line {}: {message}", row.line)));
    }
    if let Some(reason) = not_a_debt(&first.kind, &first.status) {
        return Err(Skipped::row(first, reason));
    }
    if first.number.is_empty() {
        return Err(Skipped::row(first, "it has no invoice number"));
    }
    if first.client.is_empty() {
        return Err(Skipped::row(first, "it names no client"));
    }
    check_repeated_fields(group).map_err(|reason| fail(problems, first, None, reason))?;
    let Some(amount) = total(group, problems) else {
        return Err(Skipped::row(first, "it has no amount"));
    };
    if amount.is_sign_negative() {
        return Err(Skipped::row(first, "a credit note: its total is negative"));
    }
    if amount.is_zero() {
        return Err(Skipped::row(first, "nothing is owed: its total is 0.00"));
    }
    let due_header = context.due_header.clone();
    let (issue_date, due_date) = dates(first, context, problems).map_err(|(due, reason)| {
        fail(problems, first, due.then_some(due_header).flatten(), reason)
    })?;
    let (currency, dollar_assumed) = currency(first, context);
    let (paid, paid_on) = paid(first, amount, &currency, problems)
        .map_err(|reason| fail(problems, first, None, reason))?;
    Ok(Incoming {
        line: first.line,
        client: first.client.clone(),
        email: first.email.clone(),
        number: first.number.clone(),
        issue_date,
        due_date,
        amount,
        paid,
        paid_on,
        currency,
        description: first.description.clone(),
        write_off: write_off(first, context.profile),
        dollar_assumed,
    })
}

/// Lists a bad value as a problem of the row and skips it.
fn fail(
    problems: &mut Vec<Problem>,
    row: &RowValues,
    column: Option<String>,
    reason: String,
) -> Skipped {
    problems.push(Problem::error(row.line, column, reason.clone()));
    Skipped::row(row, reason)
}

/// Invoice-level values repeated on each line-item row must agree.
fn check_repeated_fields(group: &RowGroup) -> Result<(), String> {
    let first = &group.rows[0];
    let value = |a: &Option<ReadAmount>| a.as_ref().map(|a| a.value);
    for row in &group.rows[1..] {
        for (name, this, that) in [
            ("total", value(&first.amount), value(&row.amount)),
            ("balance", value(&first.balance), value(&row.balance)),
            ("amount paid", value(&first.paid), value(&row.paid)),
        ] {
            if this != that {
                return Err(format!(
                    "line {} gives a different {name} for the same invoice than line {}",
                    row.line, first.line
                ));
            }
        }
    }
    Ok(())
}

/// The total column, else the sum of line totals (exact repeats counted once), else the
/// open balance.
fn total(group: &RowGroup, problems: &mut Vec<Problem>) -> Option<Decimal> {
    let first = &group.rows[0];
    if let Some(amount) = &first.amount {
        return Some(amount.value);
    }
    if group.rows.iter().any(|row| row.line_total.is_some()) {
        let mut sum = Decimal::ZERO;
        for (index, row) in group.rows.iter().enumerate() {
            if let Some(earlier) = group.raw[..index]
                .iter()
                .position(|raw| *raw == group.raw[index])
            {
                problems.push(Problem::note(
                    row.line,
                    None,
                    format!(
                        "This line repeats line {} exactly; it was counted once.",
                        group.rows[earlier].line
                    ),
                ));
                continue;
            }
            sum += row.line_total.as_ref().map_or(Decimal::ZERO, |t| t.value);
        }
        return Some(sum);
    }
    let balance = first.balance.as_ref()?.value;
    problems.push(Problem::note(first.line, None, format!(
        "Invoice {}: the file gives only the open balance, so the amount imported is the balance ({balance}).",
        first.number
    )));
    Some(balance)
}

/// The issue and due dates, or an error (`true` when the due date is at fault).
fn dates(
    row: &RowValues,
    context: &Context,
    problems: &mut Vec<Problem>,
) -> Result<(NaiveDate, NaiveDate), (bool, String)> {
    let issue = match (row.issue_date, row.due_date) {
        (Some(issue), _) => issue,
        (None, Some(due)) => {
            problems.push(Problem::note(
                row.line,
                None,
                format!(
                    "Invoice {}: no issue date in the file; the due date ({due}) is used.",
                    row.number
                ),
            ));
            due
        }
        (None, None) => return Err((false, "it has no issue date and no due date".into())),
    };
    let due = match row.due_date {
        Some(due) => due,
        None => {
            let (days, basis) = match row.terms {
                Some(days) => (days, "the payment terms in the file"),
                None => (context.default_terms, "the default terms"),
            };
            let due = add_days(issue, days);
            problems.push(Problem::note(row.line, None, format!(
                "Invoice {}: no due date in the file; due {due}, {days} days after issue ({basis}).",
                row.number
            )));
            due
        }
    };
    if due < issue {
        return Err((
            true,
            format!("the due date ({due}) is before the issue date ({issue})"),
        ));
    }
    Ok((issue, due))
}

const DOLLARS: [&str; 12] = [
    "USD", "AUD", "CAD", "NZD", "SGD", "HKD", "MXN", "BSD", "JMD", "TTD", "XCD", "FJD",
];

/// The row's currency column, else a code or unambiguous symbol on its amounts, else the
/// file's default; a bare `$` is the default when that is a dollar, else USD (flagged).
fn currency(row: &RowValues, context: &Context) -> (Currency, bool) {
    if let Some(currency) = &row.currency {
        return (currency.clone(), false);
    }
    let amounts = [&row.amount, &row.balance, &row.paid, &row.line_total];
    if let Some(named) = amounts
        .iter()
        .copied()
        .flatten()
        .find_map(|a| a.currency.clone())
    {
        return (named, false);
    }
    let default = &context.settings.chosen.currency;
    let dollar = amounts.iter().copied().flatten().any(|a| a.dollar_sign);
    match Currency::parse("USD") {
        Ok(usd) if dollar && !DOLLARS.contains(&default.code()) => (usd, true),
        _ => (default.clone(), false),
    }
}

/// Paid in all: the paid column, else total minus balance, else paid in full for a paid
/// status or a payment date with no amount.
fn paid(
    row: &RowValues,
    amount: Decimal,
    currency: &Currency,
    problems: &mut Vec<Problem>,
) -> Result<(Option<Decimal>, Option<NaiveDate>), String> {
    let value = |a: &Option<ReadAmount>| a.as_ref().map(|a| a.value);
    let paid = match (value(&row.paid), value(&row.balance)) {
        (Some(paid), Some(balance)) if amount - paid != balance => {
            problems.push(Problem::note(row.line, None, format!(
                "Invoice {}: total {} minus paid {} is not the balance {}; the balance is used.",
                row.number, format_money(amount, currency), format_money(paid, currency), format_money(balance, currency)
            )));
            Some(amount - balance)
        }
        (Some(paid), _) => Some(paid),
        (None, Some(balance)) => Some(amount - balance),
        (None, None) if is_paid_status(&row.status) || row.payment_date.is_some() => {
            problems.push(Problem::note(
                row.line,
                None,
                format!(
                    "Invoice {}: marked paid with no amount, so it is taken as paid in full.",
                    row.number
                ),
            ));
            Some(amount)
        }
        (None, None) => None,
    };
    if paid.is_some_and(|p| p.is_sign_negative() && !p.is_zero()) {
        return Err("the amount paid is negative".into());
    }
    Ok((paid, row.payment_date))
}

fn write_off(row: &RowValues, profile: Profile) -> Option<(Option<NaiveDate>, String)> {
    if !is_written_off_status(&row.status) {
        return None;
    }
    let reason = if profile == Profile::Overdue && !row.note.is_empty() {
        row.note.clone()
    } else {
        format!("Marked {} in {}", row.status, profile.name())
    };
    Some((row.payment_date, reason))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credit_notes_bills_payments_drafts_and_voids_are_not_debts() {
        assert!(not_a_debt("sales credit note", "")
            .unwrap()
            .contains("credit note"));
        assert!(not_a_debt("sales overpayment", "")
            .unwrap()
            .contains("overpayment"));
        assert!(not_a_debt("bill", "awaiting payment")
            .unwrap()
            .contains("bill"));
        assert!(not_a_debt("payment", "").unwrap().contains("payment"));
        assert!(not_a_debt("journal entry", "").unwrap().contains("journal"));
        assert!(not_a_debt("", "draft").unwrap().contains("draft"));
        assert!(not_a_debt("", "voided").unwrap().contains("voided"));
        assert_eq!(not_a_debt("sales invoice", "awaiting payment"), None);
        assert_eq!(not_a_debt("invoice", "paid"), None);
    }
}
