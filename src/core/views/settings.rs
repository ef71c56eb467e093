//! The settings page: the choices its pickers offer and the reference-rate tables with the
//! source of every row.

use crate::core::books::Books;
use crate::core::dates::format_date;
use crate::core::interest::rates::rows;
use crate::core::model::{RateTableId, RuleKind};
use crate::core::money::format_percent;
use chrono::NaiveDate;

/// How many of a table's latest rows the page shows.
pub const RECENT_RATES: usize = 6;

/// One option of a picker: its value and its label.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Choice {
    /// The value submitted.
    pub value: String,
    /// What people read.
    pub label: String,
}

/// One row of a rate table as the page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RateLine {
    /// The table it belongs to (for removing it).
    pub table: RateTableId,
    /// In force from this day.
    pub from: NaiveDate,
    /// "1 Mar 2026".
    pub from_text: String,
    /// "2.15%".
    pub rate: String,
    /// Where the figure comes from: the publication, or "added by you in Settings".
    pub source: String,
    /// Added by the user, so it can be removed: the remove button's accessible name.
    pub remove_label: Option<String>,
}

/// One reference-rate table with its latest rows, newest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RateTableView {
    /// Which table.
    pub id: RateTableId,
    /// Its name.
    pub name: &'static str,
    /// "Published by the Bank of England; checked up to 30 Sep 2026."
    pub provenance: String,
    /// The latest [`RECENT_RATES`] rows, newest first.
    pub rows: Vec<RateLine>,
}

/// Everything the settings page shows beside its forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingsPage {
    /// The interest rules a business may choose as its default.
    pub interest_rules: Vec<Choice>,
    /// The tables a rate may be added to.
    pub rate_table_choices: Vec<Choice>,
    /// Each table with its latest rows.
    pub rate_tables: Vec<RateTableView>,
}

/// The settings page for these books.
pub fn settings_page(books: &Books) -> SettingsPage {
    SettingsPage {
        interest_rules: RuleKind::ALL
            .iter()
            .map(|rule| Choice {
                value: rule.id().to_string(),
                label: rule.label().to_string(),
            })
            .collect(),
        rate_table_choices: RateTableId::ALL
            .iter()
            .map(|table| Choice {
                value: table.id().to_string(),
                label: table.shipped().name.to_string(),
            })
            .collect(),
        rate_tables: RateTableId::ALL
            .into_iter()
            .map(|table| rate_table(books, table))
            .collect(),
    }
}

fn rate_table(books: &Books, table: RateTableId) -> RateTableView {
    let shipped = table.shipped();
    let all = rows(table, &books.settings.rate_rows);
    let recent = all.len().saturating_sub(RECENT_RATES);
    RateTableView {
        id: table,
        name: shipped.name,
        provenance: format!(
            "Published by the {}; checked up to {}.",
            shipped.publisher,
            format_date(shipped.checked_to)
        ),
        rows: all[recent..]
            .iter()
            .rev()
            .map(|entry| RateLine {
                table,
                from: entry.from,
                from_text: format_date(entry.from),
                rate: format_percent(entry.rate),
                source: entry.source.to_string(),
                remove_label: entry
                    .user
                    .then(|| format!("Remove the rate from {}", format_date(entry.from))),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ledger::Ledger;
    use crate::core::model::RateRow;
    use std::sync::Arc;

    #[test]
    fn percentages_always_show_two_decimals() {
        let percent = |text: &str| format_percent(text.parse().unwrap());
        assert_eq!(percent("8.0"), "8.00%");
        assert_eq!(percent("13.25"), "13.25%");
        assert_eq!(percent("-0.88"), "-0.88%");
        assert_eq!(percent("2.125"), "2.12%");
        assert_eq!(percent("0"), "0.00%");
    }

    #[test]
    fn a_rate_the_user_added_shows_first_with_its_source_and_can_be_removed() {
        let mut ledger = Ledger::default();
        ledger
            .add_rate_row(RateRow {
                table: RateTableId::Ecb,
                from: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
                rate: "2.9".parse().unwrap(),
            })
            .unwrap();
        let page = settings_page(&Books::new(Arc::new(ledger)));
        let ecb = &page.rate_tables[1];
        assert_eq!(ecb.name, "ECB main refinancing operations rate");
        assert_eq!(
            ecb.provenance,
            "Published by the European Central Bank; checked up to 30 Sep 2026."
        );
        assert_eq!(ecb.rows.len(), RECENT_RATES);
        assert_eq!(
            ecb.rows[0],
            RateLine {
                table: RateTableId::Ecb,
                from: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
                from_text: "1 Dec 2026".into(),
                rate: "2.90%".into(),
                source: "added by you in Settings".into(),
                remove_label: Some("Remove the rate from 1 Dec 2026".into()),
            }
        );
        assert_eq!(
            ecb.rows[1],
            RateLine {
                table: RateTableId::Ecb,
                from: NaiveDate::from_ymd_opt(2026, 9, 16).unwrap(),
                from_text: "16 Sep 2026".into(),
                rate: "2.65%".into(),
                source: "NOT CONFIRMED: no ECB press release of 10 September 2026 and no report of that decision was found; kept as given".into(),
                remove_label: None,
            }
        );
    }

    #[test]
    fn the_pickers_offer_every_rule_and_table() {
        let page = settings_page(&Books::default());
        assert_eq!(page.interest_rules.len(), RuleKind::ALL.len());
        assert_eq!(
            page.rate_table_choices,
            [
                Choice {
                    value: "boe".into(),
                    label: "Bank of England Bank Rate".into()
                },
                Choice {
                    value: "ecb".into(),
                    label: "ECB main refinancing operations rate".into()
                },
                Choice {
                    value: "bundesbank".into(),
                    label: "Bundesbank base rate (Basiszinssatz, BGB §247)".into()
                },
            ]
        );
        let bundesbank = &page.rate_tables[2];
        assert_eq!(bundesbank.rows[0].rate, "1.52%");
        assert_eq!(bundesbank.rows.last().unwrap().from_text, "1 Jan 2024");
    }
}
