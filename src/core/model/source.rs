//! Where an imported record came from, and the values it was imported with.

use crate::core::currency::Currency;
use crate::core::money::Amount;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The file an invoice was imported from and the values it had there.
///
/// A current value that differs from the imported one was edited by hand, so a later
/// import lists it instead of overwriting it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvoiceSource {
    /// The layout of the file, such as `xero` or `quickbooks-aging`.
    pub layout: String,
    /// The invoice number as the file wrote it.
    pub number: String,
    /// The client's name as the file wrote it.
    pub client: String,
    /// The issue date imported.
    pub issue_date: NaiveDate,
    /// The due date imported.
    pub due_date: NaiveDate,
    /// The amount imported.
    pub amount: Amount,
    /// The currency imported.
    pub currency: Currency,
    /// Payments the import dated itself because the file gave no date; a later file with
    /// dated payments replaces them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub undated_payments: Vec<String>,
}

/// The file a client was first imported from and the name it had there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClientSource {
    /// The layout of the file.
    pub layout: String,
    /// The client's name as the file wrote it.
    pub name: String,
}
