//! The changes a preview would make, kept inside the preview until it is committed.

use crate::core::model::{ClientSource, Invoice};
use crate::core::money::Amount;
use chrono::NaiveDate;

/// A client to add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewClient {
    /// Its name, trimmed.
    pub name: String,
    /// Its e-mail.
    pub email: String,
    /// Where it came from.
    pub source: ClientSource,
}

/// A client that is in the ledger, or one of the plan's new clients.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ClientRef {
    /// The id of a client in the ledger.
    Existing(String),
    /// The index of a client in [`Plan::clients`].
    New(usize),
}

/// A payment to add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPayment {
    /// The day it is dated.
    pub date: NaiveDate,
    /// The amount.
    pub amount: Amount,
    /// How it was paid.
    pub method: String,
    /// A note, saying when the date was not in the file.
    pub note: String,
    /// The file gave no date: a later dated payment replaces it.
    pub undated: bool,
}

/// Whether an invoice is added or changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A new invoice for a client (its id and client id are filled in on commit).
    New {
        /// Its client.
        client: ClientRef,
        /// The invoice.
        invoice: Box<Invoice>,
    },
    /// An invoice in the ledger, as previewed and as it becomes.
    Existing {
        /// As it was when previewed; commit refuses if it changed since.
        before: Box<Invoice>,
        /// As it becomes.
        after: Box<Invoice>,
    },
}

/// One invoice's changes: the invoice and its payments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvoicePlan {
    /// The invoice added or changed.
    pub target: Target,
    /// Payments to add.
    pub add: Vec<NewPayment>,
    /// Ids of undated payments that dated ones replace.
    pub remove: Vec<String>,
}

/// Every change of one import.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Plan {
    /// Clients to add.
    pub clients: Vec<NewClient>,
    /// Invoices to add or change.
    pub invoices: Vec<InvoicePlan>,
}

impl Plan {
    /// True when nothing would change.
    pub fn is_empty(&self) -> bool {
        self.clients.is_empty() && self.invoices.is_empty()
    }
}
