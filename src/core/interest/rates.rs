//! Reference-rate tables shipped with the app (no network), plus rows the user adds.

use crate::core::error::FieldError;
use crate::core::ledger::Ledger;
use crate::core::model::{RateRow, RateTableId};
use chrono::NaiveDate;
use rust_decimal::Decimal;

impl RateTableId {
    /// The shipped table.
    pub fn shipped(self) -> &'static RateTable {
        match self {
            RateTableId::Boe => &BOE,
            RateTableId::Ecb => &ECB,
            RateTableId::Bundesbank => &BUNDESBANK,
        }
    }
}

/// A shipped table: the rate in force from each date, with its source.
#[derive(Debug)]
pub struct RateTable {
    /// Which rate.
    pub id: RateTableId,
    /// A name for people.
    pub name: &'static str,
    /// Where the figures come from.
    pub source: &'static str,
    /// The last change the table was checked against.
    pub last_updated: &'static str,
    /// (in force from, percent per year), oldest first.
    pub rows: &'static [(&'static str, &'static str)],
}

static BOE: RateTable = RateTable {
    id: RateTableId::Boe,
    name: "Bank of England Bank Rate",
    source: "Bank of England, Official Bank Rate history",
    last_updated: "2025-08-07 (checked up to the August 2025 decision; add later changes below)",
    rows: &[
        ("2018-08-02", "0.75"),
        ("2020-03-11", "0.25"),
        ("2020-03-19", "0.10"),
        ("2021-12-16", "0.25"),
        ("2022-02-03", "0.50"),
        ("2022-03-17", "0.75"),
        ("2022-05-05", "1.00"),
        ("2022-06-16", "1.25"),
        ("2022-08-04", "1.75"),
        ("2022-09-22", "2.25"),
        ("2022-11-03", "3.00"),
        ("2022-12-15", "3.50"),
        ("2023-02-02", "4.00"),
        ("2023-03-23", "4.25"),
        ("2023-05-11", "4.50"),
        ("2023-06-22", "5.00"),
        ("2023-08-03", "5.25"),
        ("2024-08-01", "5.00"),
        ("2024-11-07", "4.75"),
        ("2025-02-06", "4.50"),
        ("2025-05-08", "4.25"),
        ("2025-08-07", "4.00"),
    ],
};

static ECB: RateTable = RateTable {
    id: RateTableId::Ecb,
    name: "ECB main refinancing operations rate",
    source: "European Central Bank, key ECB interest rates",
    last_updated: "2025-06-11 (checked up to the June 2025 decision; add later changes below)",
    rows: &[
        ("2016-03-16", "0.00"),
        ("2022-07-27", "0.50"),
        ("2022-09-14", "1.25"),
        ("2022-11-02", "2.00"),
        ("2022-12-21", "2.50"),
        ("2023-02-08", "3.00"),
        ("2023-03-22", "3.50"),
        ("2023-05-10", "3.75"),
        ("2023-06-21", "4.00"),
        ("2023-08-02", "4.25"),
        ("2023-09-20", "4.50"),
        ("2024-06-12", "4.25"),
        ("2024-09-18", "3.65"),
        ("2024-10-23", "3.40"),
        ("2024-12-18", "3.15"),
        ("2025-02-05", "2.90"),
        ("2025-03-12", "2.65"),
        ("2025-04-23", "2.40"),
        ("2025-06-11", "2.15"),
    ],
};

static BUNDESBANK: RateTable = RateTable {
    id: RateTableId::Bundesbank,
    name: "Bundesbank base rate (Basiszinssatz, BGB §247)",
    source: "Deutsche Bundesbank, Basiszinssatz announcements",
    last_updated: "2025-07-01 (checked up to the July 2025 announcement; add later changes below)",
    rows: &[
        ("2019-07-01", "-0.88"),
        ("2023-01-01", "1.62"),
        ("2023-07-01", "3.12"),
        ("2024-01-01", "3.62"),
        ("2024-07-01", "3.37"),
        ("2025-01-01", "2.27"),
        ("2025-07-01", "1.27"),
    ],
};

impl Ledger {
    /// Adds a reference-rate row after checking it against the rows already added.
    pub fn add_rate_row(&mut self, row: RateRow) -> Result<(), FieldError> {
        row.validate(&self.settings.rate_rows)?;
        self.settings.rate_rows.push(row);
        self.settings.rate_rows.sort_by_key(|r| (r.table, r.from));
        Ok(())
    }

    /// Removes a reference-rate row the user added.
    pub fn remove_rate_row(
        &mut self,
        table: RateTableId,
        from: NaiveDate,
    ) -> Result<(), FieldError> {
        let before = self.settings.rate_rows.len();
        self.settings
            .rate_rows
            .retain(|r| !(r.table == table && r.from == from));
        if before == self.settings.rate_rows.len() {
            return Err(FieldError::NotFound(format!("the rate from {from}")));
        }
        Ok(())
    }
}

fn shipped_rows(table: RateTableId) -> impl Iterator<Item = (NaiveDate, Decimal)> {
    table.shipped().rows.iter().filter_map(|(from, rate)| {
        Some((
            NaiveDate::parse_from_str(from, "%Y-%m-%d").ok()?,
            rate.parse().ok()?,
        ))
    })
}

/// Every row of a table in date order, the user's rows replacing shipped ones of the same date.
pub fn rows(table: RateTableId, user_rows: &[RateRow]) -> Vec<(NaiveDate, Decimal, bool)> {
    let mut all: Vec<(NaiveDate, Decimal, bool)> = shipped_rows(table)
        .filter(|(from, _)| {
            !user_rows
                .iter()
                .any(|r| r.table == table && r.from == *from)
        })
        .map(|(from, rate)| (from, rate, false))
        .chain(
            user_rows
                .iter()
                .filter(|r| r.table == table)
                .map(|r| (r.from, r.rate, true)),
        )
        .collect();
    all.sort_by_key(|(from, _, _)| *from);
    all
}

/// The rate of a table in force on a day, if the table reaches back that far.
pub fn rate_on(table: RateTableId, day: NaiveDate, user_rows: &[RateRow]) -> Option<Decimal> {
    rows(table, user_rows)
        .into_iter()
        .take_while(|(from, _, _)| *from <= day)
        .last()
        .map(|(_, rate, _)| rate)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn shipped_tables_parse_and_cover_2020_onwards() {
        for table in RateTableId::ALL {
            assert_eq!(shipped_rows(table).count(), table.shipped().rows.len());
            assert!(rate_on(table, day(2020, 1, 1), &[]).is_some());
        }
    }

    #[test]
    fn the_rate_in_force_is_the_latest_row_on_or_before_the_day() {
        assert_eq!(
            rate_on(RateTableId::Boe, day(2023, 8, 2), &[]),
            Some("5.00".parse().unwrap())
        );
        assert_eq!(
            rate_on(RateTableId::Boe, day(2023, 8, 3), &[]),
            Some("5.25".parse().unwrap())
        );
        assert_eq!(
            rate_on(RateTableId::Bundesbank, day(2021, 5, 5), &[]),
            Some("-0.88".parse().unwrap())
        );
    }

    #[test]
    fn user_rows_extend_and_replace_the_shipped_table() {
        let added = vec![RateRow {
            table: RateTableId::Ecb,
            from: day(2026, 3, 1),
            rate: "1.90".parse().unwrap(),
        }];
        assert_eq!(
            rate_on(RateTableId::Ecb, day(2026, 4, 1), &added),
            Some("1.90".parse().unwrap())
        );
        assert_eq!(
            rate_on(RateTableId::Boe, day(2026, 4, 1), &added),
            Some("4.00".parse().unwrap())
        );
        let duplicate = RateRow {
            table: RateTableId::Ecb,
            from: day(2026, 3, 1),
            rate: "2".parse().unwrap(),
        };
        assert_eq!(
            duplicate.validate(&added).unwrap_err().field_name(),
            Some("from")
        );
        let silly = RateRow {
            table: RateTableId::Ecb,
            from: day(2026, 5, 1),
            rate: "250".parse().unwrap(),
        };
        assert_eq!(
            silly.validate(&added).unwrap_err().field_name(),
            Some("rate")
        );
        for year in [1999, 2101] {
            let far = RateRow {
                table: RateTableId::Boe,
                from: day(year, 1, 1),
                rate: "1".parse().unwrap(),
            };
            assert_eq!(far.validate(&added).unwrap_err().field_name(), Some("from"));
        }
    }
}
