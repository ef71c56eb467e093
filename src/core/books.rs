//! The books: one revision of the ledger with its indexes, built once and shared by every view.
//!
//! Records keep their string ids; the index interns them to positions, so a view over 10,000
//! invoices looks up a client, an invoice or an invoice's payments without scanning or
//! comparing strings. The ledger inside never changes: a change makes a new revision.

use crate::core::fast_map::{self, FastMap};
use crate::core::ledger::{outstanding_given_paid, InvoiceStatus, InvoiceSummary, Ledger};
use crate::core::model::{Client, Invoice, Payment};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::ops::Deref;
use std::sync::Arc;

/// A ledger revision and its indexes.
#[derive(Debug, Clone, Default)]
pub struct Books {
    ledger: Arc<Ledger>,
    invoice_at: FastMap<String, usize>,
    client_at: FastMap<String, usize>,
    /// Per invoice position: its payments' positions, in date order.
    payments_of: Vec<Vec<usize>>,
    /// Per client position: its invoices' positions, in ledger order.
    invoices_of: Vec<Vec<usize>>,
    /// Per invoice position: its client's position, if the client exists.
    client_of: Vec<Option<usize>>,
}

impl PartialEq for Books {
    fn eq(&self, other: &Books) -> bool {
        Arc::ptr_eq(&self.ledger, &other.ledger) || self.ledger == other.ledger
    }
}

impl Deref for Books {
    type Target = Ledger;

    fn deref(&self) -> &Ledger {
        &self.ledger
    }
}

impl Books {
    /// Indexes a ledger revision: one pass over clients, invoices and payments.
    pub fn new(ledger: Arc<Ledger>) -> Books {
        let client_at: FastMap<String, usize> = positions(ledger.clients.iter().map(|c| &c.id));
        let invoice_at: FastMap<String, usize> = positions(ledger.invoices.iter().map(|i| &i.id));
        let mut invoices_of = vec![Vec::new(); ledger.clients.len()];
        let client_of: Vec<Option<usize>> = ledger
            .invoices
            .iter()
            .enumerate()
            .map(|(at, invoice)| {
                let client = client_at.get(&invoice.client_id).copied();
                if let Some(client) = client {
                    invoices_of[client].push(at);
                }
                client
            })
            .collect();
        let mut payments_of = vec![Vec::new(); ledger.invoices.len()];
        for (at, payment) in ledger.payments.iter().enumerate() {
            if let Some(&invoice) = invoice_at.get(&payment.invoice_id) {
                payments_of[invoice].push(at);
            }
        }
        for payments in &mut payments_of {
            payments.sort_by_key(|&at| ledger.payments[at].date);
        }
        Books {
            ledger,
            invoice_at,
            client_at,
            payments_of,
            invoices_of,
            client_of,
        }
    }

    /// The ledger revision these books index.
    pub fn ledger(&self) -> &Arc<Ledger> {
        &self.ledger
    }

    /// The position of the invoice with this id.
    pub fn invoice_position(&self, id: &str) -> Option<usize> {
        self.invoice_at.get(id).copied()
    }

    /// The invoice with this id.
    pub fn invoice(&self, id: &str) -> Option<&Invoice> {
        self.invoice_position(id)
            .map(|at| &self.ledger.invoices[at])
    }

    /// The client with this id.
    pub fn client(&self, id: &str) -> Option<&Client> {
        self.client_at.get(id).map(|&at| &self.ledger.clients[at])
    }

    /// The client an invoice (by position) was sent to.
    pub fn client_of(&self, invoice_at: usize) -> Option<&Client> {
        self.client_of
            .get(invoice_at)
            .copied()
            .flatten()
            .map(|at| &self.ledger.clients[at])
    }

    /// A client's invoices, in the order they were added.
    pub fn invoices_of(&self, client_id: &str) -> impl Iterator<Item = &Invoice> + '_ {
        self.client_at
            .get(client_id)
            .map(|&at| self.invoices_of[at].as_slice())
            .unwrap_or_default()
            .iter()
            .map(|&at| &self.ledger.invoices[at])
    }

    /// An invoice's payments (by invoice position), in date order.
    pub fn payments_at(&self, invoice_at: usize) -> impl Iterator<Item = &Payment> + '_ {
        self.payments_of
            .get(invoice_at)
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .map(|&at| &self.ledger.payments[at])
    }

    /// An invoice's payments (by id), in date order.
    pub fn payments_by_date(&self, invoice_id: &str) -> impl Iterator<Item = &Payment> + '_ {
        self.payments_at(self.invoice_position(invoice_id).unwrap_or(usize::MAX))
    }

    /// What was paid against an invoice (by position) by the end of `as_of`.
    pub fn paid_at(&self, invoice_at: usize, as_of: NaiveDate) -> Decimal {
        self.payments_at(invoice_at)
            .take_while(|payment| payment.date <= as_of)
            .map(|payment| payment.amount.value())
            .sum()
    }

    /// An invoice's paid, balance, outstanding, credit, status and days overdue on `as_of`.
    pub fn summary_at(&self, invoice_at: usize, as_of: NaiveDate) -> InvoiceSummary {
        let invoice = &self.ledger.invoices[invoice_at];
        let paid = self.paid_at(invoice_at, as_of);
        let amount = invoice.amount.value();
        let outstanding = outstanding_given_paid(invoice, paid, as_of);
        let status = if invoice.write_off.as_ref().is_some_and(|w| w.date <= as_of) {
            InvoiceStatus::WrittenOff
        } else if paid >= amount {
            InvoiceStatus::Paid
        } else if paid > Decimal::ZERO {
            InvoiceStatus::PartPaid
        } else {
            InvoiceStatus::Open
        };
        InvoiceSummary {
            paid,
            balance: amount - paid,
            outstanding,
            credit: (paid - amount).max(Decimal::ZERO),
            status,
            days_overdue: if outstanding > Decimal::ZERO {
                (as_of - invoice.due_date).num_days().max(0)
            } else {
                0
            },
        }
    }

    /// The summary of the invoice with this id.
    pub fn summary_of(&self, invoice_id: &str, as_of: NaiveDate) -> Option<InvoiceSummary> {
        self.invoice_position(invoice_id)
            .map(|at| self.summary_at(at, as_of))
    }
}

fn positions<'a>(ids: impl ExactSizeIterator<Item = &'a String>) -> FastMap<String, usize> {
    let mut map = fast_map::with_capacity(ids.len());
    for (at, id) in ids.enumerate() {
        map.entry(id.clone()).or_insert(at);
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::backup;

    fn books() -> Books {
        let text = include_str!("../../tests/fixtures/contract-example.json");
        Books::new(Arc::new(backup::import(text).unwrap()))
    }

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn the_index_agrees_with_the_ledger_for_every_invoice_and_day() {
        let books = books();
        for as_of in ["2026-02-28", "2026-03-01", "2026-12-31"] {
            let invoice = &books.invoices[0];
            assert_eq!(
                books.summary_of("i1", day(as_of)),
                Some(books.ledger().summary(invoice, day(as_of)))
            );
        }
        assert_eq!(
            books.client("c1").map(|c| c.name.as_str()),
            Some("Acme Ltd")
        );
        assert_eq!(books.invoices_of("c1").count(), 1);
        assert_eq!(books.payments_by_date("i1").count(), 1);
        assert_eq!(books.client_of(0).map(|c| c.id.as_str()), Some("c1"));
        assert!(books.invoice("missing").is_none());
        assert_eq!(books.payments_by_date("missing").count(), 0);
    }
}
