//! The data page: the backup file's name, sample data and what is said about storage.

use crate::core::books::Books;
use crate::core::ledger::Ledger;
use crate::core::sample::add_sample;
use chrono::NaiveDate;

/// What the data page shows from the books.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataPage {
    /// The name the exported backup is saved under: `overdue-backup-2026-03-02.json`.
    pub export_file_name: String,
    /// The name the invoices-and-payments CSV is saved under: `overdue-invoices-2026-03-02.csv`.
    pub csv_file_name: String,
    /// Sample records are present, so they can be removed.
    pub has_sample: bool,
}

/// The data page on `today`.
pub fn data_page(books: &Books, today: NaiveDate) -> DataPage {
    DataPage {
        export_file_name: format!("overdue-backup-{today}.json"),
        csv_file_name: format!("overdue-invoices-{today}.csv"),
        has_sample: books.has_sample(),
    }
}

/// Whether an action on the data page worked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// It was done.
    Done,
    /// Nothing changed.
    Refused,
}

/// The result line under the data page's cards.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataStatus {
    /// Whether it worked.
    pub outcome: Outcome,
    /// What happened, for people.
    pub message: String,
}

impl DataStatus {
    /// A line saying something was done.
    pub fn done(message: impl Into<String>) -> DataStatus {
        DataStatus {
            outcome: Outcome::Done,
            message: message.into(),
        }
    }

    /// A line saying why nothing changed.
    pub fn refused(message: impl Into<String>) -> DataStatus {
        DataStatus {
            outcome: Outcome::Refused,
            message: message.into(),
        }
    }
}

/// The ledger with the sample business added, and the sentence that says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WithSample {
    /// The ledger to store.
    pub ledger: Ledger,
    /// "Added sample data: 8 clients with their invoices. …"
    pub message: String,
}

/// Adds the sample business to a copy of `ledger`, dated around `today`.
pub fn with_sample(ledger: &Ledger, today: NaiveDate) -> WithSample {
    let mut next = ledger.clone();
    add_sample(&mut next, today);
    let added = next.clients.len() - ledger.clients.len();
    WithSample {
        ledger: next,
        message: format!(
            "Added sample data: {added} clients with their invoices. Remove it in one click below."
        ),
    }
}

/// Said once the sample records are gone.
pub const SAMPLE_REMOVED: &str = "Sample data removed.";

/// What the ledger takes in the browser's local storage: `used_bytes` (with its previous
/// copy), `percent` of what the browser allows one site.
pub fn storage_sentence(used_bytes: u64, percent: u64) -> String {
    let share = if percent == 0 {
        "less than 1%".to_string()
    } else {
        format!("{percent}%")
    };
    format!(
        "This site's data takes {} KB, {share} of what this browser allows one site in local storage.",
        used_bytes.div_ceil(1024)
    )
}

/// A size the browser reported, in bytes, for people: `740 KB`, `12.5 MB`, `10.0 GB`.
fn size(bytes: f64) -> String {
    const KB: f64 = 1024.0;
    const MB: f64 = KB * 1024.0;
    const GB: f64 = MB * 1024.0;
    if bytes < MB {
        format!("{:.0} KB", bytes / KB)
    } else if bytes < GB {
        format!("{:.1} MB", bytes / MB)
    } else {
        format!("{:.1} GB", bytes / GB)
    }
}

/// What the browser reports about the whole site's storage, in bytes.
pub fn browser_estimate_sentence(used_bytes: f64, quota_bytes: f64) -> String {
    format!(
        "The browser reports {} used of {} available to this site.",
        size(used_bytes),
        size(quota_bytes)
    )
}

/// Whether the browser promised not to clear the site's storage (`None`: it does not say).
pub fn persisted_sentence(persisted: Option<bool>) -> &'static str {
    match persisted {
        Some(true) => "Persistent storage: granted. The browser will not clear your ledger to free space.",
        Some(false) => "Persistent storage: not granted yet. The browser may clear site data under disk pressure, so export backups regularly.",
        None => "Persistent storage: this browser does not say.",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
    }

    #[test]
    fn an_empty_ledger_offers_no_sample_removal_and_names_the_backup_by_date() {
        assert_eq!(
            data_page(&Books::default(), day()),
            DataPage {
                export_file_name: "overdue-backup-2026-03-02.json".into(),
                csv_file_name: "overdue-invoices-2026-03-02.csv".into(),
                has_sample: false,
            }
        );
    }

    #[test]
    fn loading_the_sample_adds_eight_clients_and_says_so() {
        let loaded = with_sample(&Ledger::default(), day());
        assert_eq!(
            loaded.message,
            "Added sample data: 8 clients with their invoices. Remove it in one click below."
        );
        assert_eq!(loaded.ledger.invoices.len(), 40);
        let page = data_page(&Books::new(Arc::new(loaded.ledger)), day());
        assert!(page.has_sample);
    }

    #[test]
    fn storage_is_said_in_whole_kilobytes_and_percent() {
        assert_eq!(
            storage_sentence(150_000, 1),
            "This site's data takes 147 KB, 1% of what this browser allows one site in local storage."
        );
        assert_eq!(
            storage_sentence(27_000, 0),
            "This site's data takes 27 KB, less than 1% of what this browser allows one site in local storage."
        );
        assert_eq!(
            browser_estimate_sentence(1_617_920.0, 10_739_516_000.0),
            "The browser reports 1.5 MB used of 10.0 GB available to this site."
        );
        assert_eq!(
            browser_estimate_sentence(2_048.0, 10_485_760.0),
            "The browser reports 2 KB used of 10.0 MB available to this site."
        );
        assert_eq!(
            persisted_sentence(None),
            "Persistent storage: this browser does not say."
        );
    }

    #[test]
    fn a_status_line_says_whether_it_worked() {
        assert_eq!(DataStatus::done(SAMPLE_REMOVED).outcome, Outcome::Done);
        assert_eq!(
            DataStatus::refused("Nothing was imported."),
            DataStatus {
                outcome: Outcome::Refused,
                message: "Nothing was imported.".into(),
            }
        );
    }
}
