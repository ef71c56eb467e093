//! Reusable widgets: form fields, money, status badges and notices.

mod fields;
mod invoice_table;
mod notices;
mod recovery;

pub use fields::{Checkbox, Draft, FormErrors, Input, Picker, TextArea};
pub use invoice_table::InvoiceTable;
pub use notices::{BackupReminder, EmptyState, SaveBanner, StatusBadge};
pub use recovery::{Recovery, UpdateBanner};
