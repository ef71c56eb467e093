//! Rows shared by several pages: one invoice as a line of a table.

use crate::core::books::Books;
use crate::core::dates::format_date;
use crate::core::ledger::InvoiceStatus;
use crate::core::money::{format_money, plain};
use chrono::NaiveDate;

/// One invoice as the invoice tables show it, on a day.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct InvoiceRow {
    /// The invoice's id (for its link).
    pub id: String,
    /// The invoice number.
    pub number: String,
    /// The client's id (for its link).
    pub client_id: String,
    /// The client's name.
    pub client_name: String,
    /// Issue date, for people.
    pub issued: String,
    /// Due date, for people.
    pub due: String,
    /// Due date, ISO, for `<time datetime>`.
    pub due_iso: String,
    /// Amount invoiced, with its currency.
    pub amount: String,
    /// Still owed, with its currency.
    pub outstanding: String,
    /// Still owed as a plain decimal, for `data-amount`.
    pub outstanding_plain: String,
    /// Where it stands.
    pub status: InvoiceStatus,
    /// The client disputes it.
    pub disputed: bool,
}

/// The row of the invoice at `invoice_at` on `today`.
pub fn invoice_row(books: &Books, invoice_at: usize, today: NaiveDate) -> InvoiceRow {
    let invoice = &books.invoices[invoice_at];
    let summary = books.summary_at(invoice_at, today);
    let client = books.client_of(invoice_at);
    InvoiceRow {
        id: invoice.id.clone(),
        number: invoice.number.clone(),
        client_id: invoice.client_id.clone(),
        client_name: client.map_or_else(|| invoice.client_id.clone(), |c| c.name.clone()),
        issued: format_date(invoice.issue_date),
        due: format_date(invoice.due_date),
        due_iso: invoice.due_date.to_string(),
        amount: format_money(invoice.amount.value(), &invoice.currency),
        outstanding: format_money(summary.outstanding, &invoice.currency),
        outstanding_plain: plain(summary.outstanding),
        status: summary.status,
        disputed: invoice.disputed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::backup;
    use std::sync::Arc;

    #[test]
    fn a_part_paid_invoice_row_shows_what_is_still_owed() {
        let text = include_str!("../../../tests/fixtures/contract-example.json");
        let books = Books::new(Arc::new(backup::import(text).unwrap()));
        let day = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        assert_eq!(
            invoice_row(&books, 0, day),
            InvoiceRow {
                id: "i1".into(),
                number: "INV-001".into(),
                client_id: "c1".into(),
                client_name: "Acme Ltd".into(),
                issued: "15 Jan 2026".into(),
                due: "14 Feb 2026".into(),
                due_iso: "2026-02-14".into(),
                amount: "£1,200.00".into(),
                outstanding: "£1,000.00".into(),
                outstanding_plain: "1000.00".into(),
                status: InvoiceStatus::PartPaid,
                disputed: false,
            }
        );
    }
}
