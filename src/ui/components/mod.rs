//! Reusable widgets: form fields, the invoice table, status badges, notices, the record-changed
//! notice, the recovery screen and the update banner.

mod badge;
mod fields;
mod invoice_table;
mod notices;
pub mod paid_late;
mod record_changed;
mod recovery;
mod update_banner;

pub use badge::{Status, StatusBadge};
pub use fields::{Checkbox, Draft, FormErrors, Input, InputKind, Picker, PickerOption, TextArea};
pub use invoice_table::InvoiceTable;
pub use notices::{BackupReminder, EmptyState, SaveBanner};
pub use record_changed::RecordChanged;
pub use recovery::{Recovery, UnsavedChanges};
pub use update_banner::UpdateBanner;
