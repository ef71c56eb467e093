//! Reusable widgets: form fields, money, status badges and notices.

mod fields;
mod notices;
mod recovery;

pub use fields::{Checkbox, Draft, FormErrors, Input, Picker, TextArea};
pub use notices::{BackupReminder, EmptyState, SaveBanner, StatusBadge};
pub use recovery::{Recovery, UpdateBanner};
