//! What a client owes in one currency: each invoice's balance, interest and compensation, and the totals.

use super::{compute, legal_due_date, InterestOptions, InterestResult, Staleness};
use crate::core::currency::Currency;
use crate::core::ledger::{InvoiceStatus, Ledger};
use crate::core::model::Invoice;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// One invoice's part of what a client owes: its open balance, its interest and compensation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvoiceClaim<'a> {
    /// The invoice.
    pub invoice: &'a Invoice,
    /// Paid against it by the report's day.
    pub paid: Decimal,
    /// The ledger's open balance (zero once paid in full).
    pub outstanding: Decimal,
    /// Its interest and compensation.
    pub interest: InterestResult,
    /// Paid in full, but late: only the interest and compensation are still claimable.
    pub paid_late: bool,
}

impl InvoiceClaim<'_> {
    /// Everything still owed on the invoice in its own currency: amount + interest +
    /// compensation − payments, never below zero. However payments were appropriated, this is
    /// the same sum; for an invoice paid in full but late it is the interest and compensation
    /// still claimable.
    pub fn claim(&self) -> Decimal {
        let owed =
            self.invoice.amount.value() + self.interest.total - self.paid + self.compensation();
        owed.max(Decimal::ZERO)
    }

    /// The fixed compensation in the invoice's currency (none when the law sets it in another).
    pub fn compensation(&self) -> Decimal {
        self.interest.compensation_in_currency()
    }

    /// The day of the last payment counted, which for an invoice paid late is the day it was
    /// paid in full.
    pub fn last_paid_on(&self) -> Option<NaiveDate> {
        self.interest.allocations.last().map(|payment| payment.date)
    }

    /// Days from the legal due date (after BGB §193, for German debts) to the last payment.
    pub fn days_paid_late(&self) -> i64 {
        let due = legal_due_date(self.interest.rule, self.invoice.due_date);
        self.last_paid_on()
            .map_or(0, |paid_on| (paid_on - due).num_days().max(0))
    }
}

/// A client's invoices in one currency that still carry a claim on `as_of`: every invoice with
/// an open balance and, when [`InterestOptions::include_paid_late`] is set, every invoice paid
/// in full but late whose interest or compensation is still claimable. Written-off invoices
/// are left out. The client letter, the settlement planner and the evidence pack use this.
pub fn claims<'a>(
    ledger: &'a Ledger,
    client_id: &str,
    currency: &Currency,
    as_of: NaiveDate,
    options: InterestOptions,
) -> Vec<InvoiceClaim<'a>> {
    ledger
        .invoices
        .iter()
        .filter(|invoice| invoice.client_id == client_id && &invoice.currency == currency)
        .filter_map(|invoice| {
            let summary = ledger.summary(invoice, as_of);
            let paid = summary.status == InvoiceStatus::Paid;
            if summary.outstanding <= Decimal::ZERO && !(paid && options.include_paid_late) {
                return None;
            }
            let claim = InvoiceClaim {
                invoice,
                paid: summary.paid,
                outstanding: summary.outstanding,
                interest: compute(ledger, invoice, as_of, options),
                paid_late: paid,
            };
            (!paid || claim.claim() > Decimal::ZERO).then_some(claim)
        })
        .collect()
}

/// The interest and compensation still claimable on a client's invoices in one currency that
/// were paid in full, but late.
pub fn paid_late<'a>(
    ledger: &'a Ledger,
    client_id: &str,
    currency: &Currency,
    as_of: NaiveDate,
    options: InterestOptions,
) -> Vec<InvoiceClaim<'a>> {
    let options = InterestOptions {
        include_paid_late: true,
        ..options
    };
    claims(ledger, client_id, currency, as_of, options)
        .into_iter()
        .filter(|claim| claim.paid_late)
        .collect()
}

/// The sums of some invoice claims, in their one currency.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClaimTotals {
    /// Open balances.
    pub balance: Decimal,
    /// Interest accrued on them (on invoices paid late, the interest still claimable).
    pub interest: Decimal,
    /// Fixed compensation in the currency.
    pub compensation: Decimal,
    /// Everything claimed: the sum of each invoice's [`InvoiceClaim::claim`].
    pub claim: Decimal,
    /// The part of the claim on invoices paid in full but late.
    pub paid_late: Decimal,
}

impl ClaimTotals {
    /// Adds up `claims`.
    pub fn of<'c, 'a: 'c>(claims: impl IntoIterator<Item = &'c InvoiceClaim<'a>>) -> ClaimTotals {
        claims
            .into_iter()
            .fold(ClaimTotals::default(), |mut totals, claim| {
                totals.balance += claim.outstanding;
                totals.interest += claim.interest.total;
                totals.compensation += claim.compensation();
                totals.claim += claim.claim();
                if claim.paid_late {
                    totals.paid_late += claim.claim();
                }
                totals
            })
    }
}

/// A client's claim in one currency: the invoices it covers, their totals, and whether a figure
/// needs a rate after its table's check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientClaim<'a> {
    /// The currency of every figure.
    pub currency: Currency,
    /// The invoices claimed, in ledger order: open ones, then (with the option) those paid late.
    pub invoices: Vec<InvoiceClaim<'a>>,
    /// Their totals.
    pub totals: ClaimTotals,
    /// The first staleness warning among them.
    pub stale: Option<Staleness>,
}

/// The claim figures of a client in one currency on `as_of`, for any page that states what the
/// client owes (the evidence pack among them). Pass the same [`InterestOptions`] the page's
/// "Include interest on invoices paid late" option sets: with `include_paid_late` the interest
/// and compensation still due on invoices paid in full but late are claimed too; without it
/// only invoices with an open balance are.
pub fn client_claim<'a>(
    ledger: &'a Ledger,
    client_id: &str,
    currency: &Currency,
    as_of: NaiveDate,
    options: InterestOptions,
) -> ClientClaim<'a> {
    let mut invoices = claims(ledger, client_id, currency, as_of, options);
    invoices.sort_by_key(|claim| claim.paid_late);
    ClientClaim {
        currency: currency.clone(),
        totals: ClaimTotals::of(&invoices),
        stale: invoices.iter().find_map(|claim| claim.interest.stale),
        invoices,
    }
}
