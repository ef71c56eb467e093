//! The one error type for refused input and changes, naming the field it belongs to.

use std::fmt;

/// Why a change was refused: a field's bad value, a missing record, or a choice to confirm.
///
/// Forms, commands and import all report through this one type, and the UI shows it one way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldError {
    /// A field holds a bad value; the message is written for the person who typed it.
    Field {
        /// The field's name, as in the backup format.
        field: &'static str,
        /// What is wrong.
        message: String,
    },
    /// The record does not exist.
    NotFound(String),
    /// Deleting the client would also delete these records; ask first.
    NeedsConfirmation {
        /// Invoices that would go.
        invoices: usize,
        /// Payments that would go.
        payments: usize,
    },
    /// The payment is more than the open balance; the user may confirm it as an overpayment.
    Overpayment {
        /// The open balance, formatted with its currency.
        balance: String,
    },
}

impl FieldError {
    /// An error about one field.
    pub fn on(field: &'static str, message: impl Into<String>) -> FieldError {
        FieldError::Field {
            field,
            message: message.into(),
        }
    }

    /// The field this error belongs next to, if any.
    pub fn field_name(&self) -> Option<&'static str> {
        match self {
            FieldError::Field { field, .. } => Some(field),
            FieldError::Overpayment { .. } => Some("amount"),
            _ => None,
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldError::Field { message, .. } => f.write_str(message),
            FieldError::NotFound(what) => write!(f, "{what} was not found; it may have been deleted"),
            FieldError::NeedsConfirmation { invoices, payments } => write!(
                f,
                "this client has {invoices} invoice(s) and {payments} payment(s); deleting the client deletes them too"
            ),
            FieldError::Overpayment { balance } => write!(
                f,
                "this is more than the open balance of {balance}; confirm it as an overpayment to record the excess as credit"
            ),
        }
    }
}
