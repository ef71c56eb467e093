//! Payments of one invoice: dated payments from the file matched against those already
//! recorded, and an amount paid with no date turned into a payment the user can re-date.

use super::layout::Profile;
use super::plan::NewPayment;
use super::preview::Problem;
use super::rows::RowValues;
use super::settings::{ChosenSettings, PaymentDateBasis};
use crate::core::currency::Currency;
use crate::core::model::Payment;
use crate::core::money::{format_money, Amount};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// What happened to one dated payment of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PaymentOutcome {
    /// It is new and will be added.
    Added,
    /// Overdue already has it (same date and amount).
    Matched,
    /// It is not imported, for this reason.
    Skipped(String),
}

/// The payments to add and remove for one invoice.
#[derive(Debug, Clone, Default)]
pub struct PaymentChanges {
    /// New payments.
    pub add: Vec<NewPayment>,
    /// Undated payments replaced by dated ones.
    pub remove: Vec<String>,
    /// One outcome per dated payment given.
    pub outcomes: Vec<PaymentOutcome>,
    /// Paid in all after the changes.
    pub paid_after: Decimal,
}

/// The invoice the payments belong to, as it will be after the import.
pub struct PaidInvoice<'a> {
    /// Its first line in the file, for notes.
    pub line: usize,
    /// Its number, for messages.
    pub number: &'a str,
    /// Its issue date: no payment is dated before it.
    pub issue_date: NaiveDate,
    /// Its currency.
    pub currency: &'a Currency,
    /// Payments already recorded.
    pub existing: Vec<&'a Payment>,
    /// Ids of the recorded payments that an earlier import dated itself.
    pub undated: &'a [String],
}

/// A dated payment row's date and amount, or why it is skipped.
pub fn check_payment_row(row: &RowValues) -> Result<(NaiveDate, Amount), String> {
    if let Some(error) = &row.error {
        return Err(format!("line {}: {error}", row.line));
    }
    let amount = row
        .amount
        .as_ref()
        .map(|a| a.value)
        .ok_or("it has no amount")?;
    if amount.is_sign_negative() {
        return Err("a refund or reversal (a negative payment), not money received".into());
    }
    if amount.is_zero() {
        return Err("its amount is 0.00".into());
    }
    let date = row.payment_date.ok_or("it has no payment date")?;
    let amount = Amount::new(amount)?;
    Ok((date, amount))
}

/// Plans one invoice's payments. `paid` is what the file says was paid in all, if it says,
/// and `paid_on` the date it gives for that.
pub fn plan_payments(
    invoice: &PaidInvoice,
    dated: &[RowValues],
    paid: Option<(Decimal, Option<NaiveDate>)>,
    settings: &ChosenSettings,
    profile: Profile,
    problems: &mut Vec<Problem>,
) -> PaymentChanges {
    let mut changes = PaymentChanges::default();
    match_dated(invoice, dated, &mut changes, problems);
    if !changes.add.is_empty() {
        changes.remove = invoice
            .existing
            .iter()
            .filter(|p| invoice.undated.contains(&p.id))
            .map(|p| p.id.clone())
            .collect();
    }
    let kept: Decimal = invoice
        .existing
        .iter()
        .filter(|p| !changes.remove.contains(&p.id))
        .map(|p| p.amount.value())
        .sum();
    changes.paid_after = kept
        + changes
            .add
            .iter()
            .map(|p| p.amount.value())
            .sum::<Decimal>();
    if let Some((paid, paid_on)) = paid {
        settle_total(
            invoice,
            paid,
            paid_on,
            &mut changes,
            settings,
            profile,
            problems,
        );
    }
    changes
}

/// Adds the dated payments Overdue does not have yet (same date and amount is the same
/// payment), recording an outcome for each.
fn match_dated(
    invoice: &PaidInvoice,
    dated: &[RowValues],
    changes: &mut PaymentChanges,
    problems: &mut Vec<Problem>,
) {
    let mut unmatched: Vec<&Payment> = invoice.existing.clone();
    for row in dated {
        let outcome = match check_payment_row(row) {
            Err(reason) => PaymentOutcome::Skipped(reason),
            Ok((date, _)) if date < invoice.issue_date => PaymentOutcome::Skipped(format!(
                "dated {date}, before invoice {} was issued ({})",
                invoice.number, invoice.issue_date
            )),
            Ok((date, amount)) => match unmatched
                .iter()
                .position(|p| p.date == date && p.amount == amount)
            {
                Some(at) => {
                    unmatched.remove(at);
                    PaymentOutcome::Matched
                }
                None => {
                    changes.add.push(NewPayment {
                        date,
                        amount,
                        method: row.method.clone(),
                        note: row.note.clone(),
                        undated: false,
                    });
                    PaymentOutcome::Added
                }
            },
        };
        if let PaymentOutcome::Skipped(reason) = &outcome {
            problems.push(Problem::error(
                row.line,
                None,
                format!("Payment skipped: {reason}."),
            ));
        }
        changes.outcomes.push(outcome);
    }
}

/// Brings what Overdue has paid up to the total the file states, with one payment.
fn settle_total(
    invoice: &PaidInvoice,
    paid: Decimal,
    paid_on: Option<NaiveDate>,
    changes: &mut PaymentChanges,
    settings: &ChosenSettings,
    profile: Profile,
    problems: &mut Vec<Problem>,
) {
    let money = |value: Decimal| format_money(value, invoice.currency);
    let missing = paid - changes.paid_after;
    if missing.is_sign_negative() && !missing.is_zero() {
        problems.push(Problem::note(invoice.line, None, format!(
            "Invoice {}: the file shows {} paid but Overdue has {}; the payments were left as they are.",
            invoice.number, money(paid), money(changes.paid_after)
        )));
        return;
    }
    let Ok(amount) = Amount::new(missing) else {
        return;
    };
    if amount.value().is_zero() {
        return;
    }
    let (date, undated) = match paid_on {
        Some(date) => (date.max(invoice.issue_date), false),
        None => (settings.payment_date.max(invoice.issue_date), true),
    };
    let note = if undated {
        let basis = match settings.payment_date_basis {
            PaymentDateBasis::Chosen => "the date chosen for undated payments",
            PaymentDateBasis::ExportDate => "the date of the export",
            PaymentDateBasis::Today => "today",
        };
        problems.push(Problem::note(invoice.line, None, format!(
            "Invoice {}: {} was paid but the file gives no payment date; the payment is dated {date} ({basis}). Change the date for undated payments if that is wrong.",
            invoice.number, money(amount.value())
        )));
        format!(
            "Imported from {}; the payment date was not in the file.",
            profile.name()
        )
    } else {
        format!("Imported from {}.", profile.name())
    };
    changes.paid_after += amount.value();
    changes.add.push(NewPayment {
        date,
        amount,
        method: String::new(),
        note,
        undated,
    });
}
