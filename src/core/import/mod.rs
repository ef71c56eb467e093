//! Import from the tools people already use: read a CSV export, recognise its layout, preview
//! what it would add or change, and commit it as one new ledger.
//!
//! The flow the `/import` page follows:
//!
//! 1. [`read`] the file's bytes into a [`SourceFile`] (or a refusal that says what to export
//!    instead). It decodes UTF-8/UTF-16/Windows-1252, finds the separator and the header
//!    row, and recognises the [`Profile`], with a [`SourceFile::reason`].
//! 2. [`preview`] it against the ledger with [`ImportOptions`] (column mapping, date order,
//!    decimal mark, default currency, date of undated payments). The [`Preview`] lists every
//!    invoice with its [`Action`] and every [`Problem`] by line, and counts them. Nothing is
//!    written. Change an option and preview again.
//! 3. [`commit`] the preview: one function returns the whole new ledger (all or nothing).
//!    The caller saves it in one save and keeps the old ledger for "Undo import".
//!
//! Importing the same file twice changes nothing: each imported invoice keeps an
//! [`InvoiceSource`](crate::core::model::InvoiceSource) with its layout, number, client and
//! imported values. A newer export updates amounts and dates that were not edited by hand
//! and adds the new payments; a value edited in Overdue is kept and listed.
//!
//! # Overdue's CSV layout (`overdue`)
//!
//! [`export_csv`] writes, and the `overdue` profile reads, UTF-8 CSV with CRLF line ends,
//! fields quoted when they hold a comma, a quote, a line break or edge spaces. The header is
//!
//! ```text
//! record,client,email,number,issue_date,due_date,amount,currency,paid,balance,status,date,method,note,description
//! ```
//!
//! Each invoice is one `record=invoice` row, followed by one `record=payment` row per payment
//! in date order:
//!
//! | column | invoice row | payment row |
//! |---|---|---|
//! | `record` | `invoice` | `payment` |
//! | `client`, `email` | the client's name and e-mail | the same |
//! | `number` | the invoice number | the number of the invoice paid |
//! | `issue_date`, `due_date` | `YYYY-MM-DD` | empty |
//! | `amount` | the total, such as `1200.00` | the payment amount |
//! | `currency` | ISO 4217 code | the invoice's currency |
//! | `paid`, `balance` | sum of its payments; total minus paid (negative when overpaid) | empty |
//! | `status` | `open`, `part-paid`, `paid` or `written-off` | empty |
//! | `date` | the write-off date, if written off | the payment date |
//! | `method` | empty | how it was paid |
//! | `note` | the write-off reason | the payment's note |
//! | `description` | what was supplied | empty |
//!
//! Amounts have two decimals and no symbol or grouping; `paid`, `balance` and `status` are
//! informative (the payment rows are the record).

mod amounts;
mod commit;
mod dates;
mod decode;
mod export;
mod fields;
mod invoices;
mod layout;
mod matching;
mod payments;
mod plan;
mod preview;
mod rows;
mod settings;
mod source;
mod table;

pub use amounts::{
    detect_decimal_mark, read_amount, read_currency, read_terms, DecimalMark, ReadAmount,
};
pub use commit::commit;
pub use dates::{date_in_words, evidence, read_date, DateOrder, OrderEvidence};
pub use decode::{decode, Decoded, Encoding};
pub use export::export_csv;
pub use fields::{guess_mapping, normalise, Field, Mapping};
pub use layout::{FileKind, Profile, OVERDUE_HEADER};
pub use preview::{
    preview, remap, Action, ColumnSample, Counts, ImportOptions, MappedField, Preview, PreviewRow,
    Problem, RowKind, Severity,
};
pub use settings::{ChosenSettings, OrderBasis, PaymentDateBasis};
pub use source::{find_header, read, DataRow, SourceFile};
pub use table::{detect_separator, parse_records, Record, Separator};

#[cfg(test)]
mod tests;
