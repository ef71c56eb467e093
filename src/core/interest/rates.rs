//! Reference-rate tables shipped with the app as reviewable data (`data/rates/*.csv`, compiled
//! in), plus the rows a user adds in Settings.
//!
//! A table file starts with `# checked-up-to: YYYY-MM-DD`, the last day its figures were
//! checked against the central bank's publications, then the header `date,rate,source` and one
//! row per change, oldest first: the day a rate took effect, the rate in percent a year, and
//! where the figure comes from. A rate applies from its date until the next row's.

use crate::core::dates::{format_date, parse_iso};
use crate::core::error::FieldError;
use crate::core::ledger::Ledger;
use crate::core::model::{RateRow, RateTableId};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::sync::OnceLock;

const BOE_CSV: &str = include_str!("../../../data/rates/boe.csv");
const ECB_CSV: &str = include_str!("../../../data/rates/ecb.csv");
const BUNDESBANK_CSV: &str = include_str!("../../../data/rates/bundesbank.csv");

const CHECKED_UP_TO: &str = "# checked-up-to:";
const HEADER: &str = "date,rate,source";

/// The source shown for a rate the user added.
pub const USER_SOURCE: &str = "added by you in Settings";

/// The note beside a figure whose interest uses a rate the user added.
pub const USER_RATE_FIGURE_NOTE: &str =
    "This interest uses a reference rate you added in Settings.";

/// One row of a shipped table: a rate, the day it took effect and where the figure comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShippedRate {
    /// In force from this day.
    pub from: NaiveDate,
    /// Percent per year.
    pub rate: Decimal,
    /// The publication the figure was checked against.
    pub source: String,
}

/// A shipped table: the rate in force from each date, each with its source.
#[derive(Debug)]
pub struct RateTable {
    /// Which rate.
    pub id: RateTableId,
    /// A name for people.
    pub name: &'static str,
    /// Who publishes the rate.
    pub publisher: &'static str,
    /// The last day the table was checked against the publisher; later changes may be missing.
    pub checked_to: NaiveDate,
    /// The rows, oldest first.
    pub rows: Vec<ShippedRate>,
    /// Lines of the data file that could not be read (empty for every shipped table).
    pub problems: Vec<String>,
}

impl RateTableId {
    /// The shipped table, read once from its data file.
    pub fn shipped(self) -> &'static RateTable {
        static BOE: OnceLock<RateTable> = OnceLock::new();
        static ECB: OnceLock<RateTable> = OnceLock::new();
        static BUNDESBANK: OnceLock<RateTable> = OnceLock::new();
        let cell = match self {
            RateTableId::Boe => &BOE,
            RateTableId::Ecb => &ECB,
            RateTableId::Bundesbank => &BUNDESBANK,
        };
        cell.get_or_init(|| {
            let (name, publisher, text) = self.file();
            RateTable::parse(self, name, publisher, text)
        })
    }

    /// The table's name for people, its publisher and its data file.
    fn file(self) -> (&'static str, &'static str, &'static str) {
        match self {
            RateTableId::Boe => ("Bank of England Bank Rate", "Bank of England", BOE_CSV),
            RateTableId::Ecb => (
                "ECB main refinancing operations rate",
                "European Central Bank",
                ECB_CSV,
            ),
            RateTableId::Bundesbank => (
                "Bundesbank base rate (Basiszinssatz, BGB §247)",
                "Deutsche Bundesbank",
                BUNDESBANK_CSV,
            ),
        }
    }
}

impl RateTable {
    /// Reads a table file. Never panics: a line that cannot be read is skipped and described
    /// in `problems`; a missing `checked-up-to` line makes the table count as checked to its
    /// first row only, so every later figure is flagged as possibly stale.
    pub fn parse(
        id: RateTableId,
        name: &'static str,
        publisher: &'static str,
        text: &str,
    ) -> RateTable {
        let mut checked_to = None;
        let mut rows = Vec::new();
        let mut problems = Vec::new();
        for (index, line) in text.lines().enumerate() {
            let line = line.trim();
            if let Some(date) = line.strip_prefix(CHECKED_UP_TO) {
                match parse_iso(date.trim()) {
                    Some(date) => checked_to = Some(date),
                    None => problems.push(format!("line {}: bad checked-up-to date", index + 1)),
                }
            } else if !(line.is_empty() || line.starts_with('#') || line == HEADER) {
                match parse_row(line) {
                    Ok(row) => rows.push(row),
                    Err(problem) => problems.push(format!("line {}: {problem}", index + 1)),
                }
            }
        }
        let checked_to = checked_to.unwrap_or_else(|| {
            problems.push(format!("no \"{CHECKED_UP_TO}\" line"));
            rows.first()
                .map_or(NaiveDate::MIN, |row: &ShippedRate| row.from)
        });
        RateTable {
            id,
            name,
            publisher,
            checked_to,
            rows,
            problems,
        }
    }
}

/// Reads `date,rate,source`; the source is the rest of the line and may contain commas.
fn parse_row(line: &str) -> Result<ShippedRate, String> {
    let mut fields = line.splitn(3, ',');
    let (Some(from), Some(rate), Some(source)) = (fields.next(), fields.next(), fields.next())
    else {
        return Err("expected date,rate,source".into());
    };
    let from = parse_iso(from.trim()).ok_or_else(|| format!("\"{from}\" is not a date"))?;
    let rate = rate
        .trim()
        .parse()
        .map_err(|_| format!("\"{rate}\" is not a rate"))?;
    let source = source.trim().to_string();
    if source.is_empty() {
        return Err("the source is empty".into());
    }
    Ok(ShippedRate { from, rate, source })
}

/// A rate as the app uses it: from the shipped table or added by the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateEntry {
    /// In force from this day.
    pub from: NaiveDate,
    /// Percent per year.
    pub rate: Decimal,
    /// Where the figure comes from ([`USER_SOURCE`] for the user's rows).
    pub source: &'static str,
    /// True when the user added it in Settings.
    pub user: bool,
}

impl RateEntry {
    fn shipped(row: &'static ShippedRate) -> RateEntry {
        RateEntry {
            from: row.from,
            rate: row.rate,
            source: &row.source,
            user: false,
        }
    }

    fn user(row: &RateRow) -> RateEntry {
        RateEntry {
            from: row.from,
            rate: row.rate,
            source: USER_SOURCE,
            user: true,
        }
    }
}

/// A figure that depends on a period after its table was last checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Staleness {
    /// The table concerned.
    pub table: RateTableId,
    /// The last day its figures were checked.
    pub checked_to: NaiveDate,
}

impl Staleness {
    /// The warning for people, such as "Bank of England Bank Rate table checked to 30 Sep 2026;
    /// if the bank has changed its rate since, add the new rate in Settings."
    pub fn message(&self) -> String {
        format!(
            "{} table checked to {}; if the bank has changed its rate since, add the new rate in Settings.",
            self.table.shipped().name,
            format_date(self.checked_to)
        )
    }
}

/// The staleness of a shipped rate looked up for `day`: `None` when the day is covered by the
/// table's check, or when the rate is one the user added (it is flagged as theirs instead).
pub fn staleness(table: RateTableId, day: NaiveDate, entry: &RateEntry) -> Option<Staleness> {
    let checked_to = table.shipped().checked_to;
    (day > checked_to && !entry.user).then_some(Staleness { table, checked_to })
}

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

/// Every row of a table in date order, the user's rows replacing shipped ones of the same date.
pub fn rows(table: RateTableId, user_rows: &[RateRow]) -> Vec<RateEntry> {
    let added = || user_rows.iter().filter(move |r| r.table == table);
    let mut all: Vec<RateEntry> = table
        .shipped()
        .rows
        .iter()
        .filter(|row| !added().any(|r| r.from == row.from))
        .map(RateEntry::shipped)
        .chain(added().map(RateEntry::user))
        .collect();
    all.sort_by_key(|entry| entry.from);
    all
}

/// The row of a table in force on a day, if the table reaches back that far; a user's row wins
/// over a shipped row of the same date.
pub fn entry_on(table: RateTableId, day: NaiveDate, user_rows: &[RateRow]) -> Option<RateEntry> {
    let shipped = table
        .shipped()
        .rows
        .iter()
        .filter(|row| row.from <= day)
        .max_by_key(|row| row.from)
        .map(RateEntry::shipped);
    let added = user_rows
        .iter()
        .filter(|r| r.table == table && r.from <= day)
        .max_by_key(|r| r.from)
        .map(RateEntry::user);
    match (shipped, added) {
        (Some(shipped), Some(added)) if shipped.from > added.from => Some(shipped),
        (shipped, None) => shipped,
        (_, added) => added,
    }
}

/// The rate of a table in force on a day, if the table reaches back that far.
pub fn rate_on(table: RateTableId, day: NaiveDate, user_rows: &[RateRow]) -> Option<Decimal> {
    entry_on(table, day, user_rows).map(|entry| entry.rate)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn dec(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn every_shipped_line_parses_and_the_tables_cover_2020_onwards() {
        for table in RateTableId::ALL {
            let shipped = table.shipped();
            assert_eq!(shipped.problems, Vec::<String>::new(), "{}", shipped.name);
            let lines = table
                .file()
                .2
                .lines()
                .filter(|line| !line.starts_with('#') && *line != HEADER && !line.is_empty())
                .count();
            assert_eq!(shipped.rows.len(), lines, "{}", shipped.name);
            assert!(rate_on(table, day(2020, 1, 1), &[]).is_some());
        }
    }

    #[test]
    fn every_shipped_table_is_sorted_without_duplicate_dates_and_sourced_on_every_row() {
        for table in RateTableId::ALL {
            let shipped = table.shipped();
            assert!(
                shipped
                    .rows
                    .windows(2)
                    .all(|pair| pair[0].from < pair[1].from),
                "{} is not in strictly increasing date order",
                shipped.name
            );
            assert!(shipped.rows.iter().all(|row| !row.source.is_empty()));
            let last = shipped.rows.last().unwrap().from;
            assert!(shipped.checked_to >= last, "{}", shipped.name);
        }
    }

    #[test]
    fn a_bad_line_is_reported_not_panicked_on() {
        let text = "date,rate,source\n2024-01-01,1.5,Bank\n2024-02-30,1,Bank\n2024-03-01,x,Bank\n2024-04-01,2,\n";
        let table = RateTable::parse(RateTableId::Ecb, "t", "p", text);
        assert_eq!(table.rows.len(), 1);
        assert_eq!(table.problems.len(), 4, "{:?}", table.problems);
        assert_eq!(table.checked_to, day(2024, 1, 1));
    }

    #[test]
    fn a_source_may_contain_commas() {
        let text = "# checked-up-to: 2024-06-30\ndate,rate,source\n2024-01-01,1.5,ECB, press release 1 Jan\n";
        let table = RateTable::parse(RateTableId::Ecb, "t", "p", text);
        assert_eq!(table.rows[0].source, "ECB, press release 1 Jan");
        assert_eq!(table.checked_to, day(2024, 6, 30));
    }

    /// The rows the 2026 rate changes added, as the banks announced them.
    #[test]
    fn the_tables_hold_the_2025_and_2026_changes() {
        for (table, on, rate) in [
            (RateTableId::Boe, day(2025, 12, 17), "4.00"),
            (RateTableId::Boe, day(2025, 12, 18), "3.75"),
            (RateTableId::Boe, day(2026, 9, 30), "3.75"),
            (RateTableId::Ecb, day(2026, 6, 16), "2.15"),
            (RateTableId::Ecb, day(2026, 6, 17), "2.40"),
            (RateTableId::Ecb, day(2026, 9, 16), "2.65"),
            (RateTableId::Bundesbank, day(2016, 7, 1), "-0.88"),
            (RateTableId::Bundesbank, day(2026, 1, 1), "1.27"),
            (RateTableId::Bundesbank, day(2026, 7, 1), "1.52"),
        ] {
            assert_eq!(rate_on(table, on, &[]), Some(dec(rate)), "{table:?} {on}");
        }
        assert_eq!(
            rate_on(RateTableId::Bundesbank, day(2016, 6, 30), &[]),
            None
        );
    }

    #[test]
    fn the_rate_in_force_is_the_latest_row_on_or_before_the_day() {
        assert_eq!(
            rate_on(RateTableId::Boe, day(2023, 8, 2), &[]),
            Some(dec("5.00"))
        );
        assert_eq!(
            rate_on(RateTableId::Boe, day(2023, 8, 3), &[]),
            Some(dec("5.25"))
        );
        assert_eq!(
            rate_on(RateTableId::Bundesbank, day(2021, 5, 5), &[]),
            Some(dec("-0.88"))
        );
    }

    #[test]
    fn a_day_after_the_check_is_stale_unless_the_user_supplied_the_rate() {
        let entry = entry_on(RateTableId::Boe, day(2026, 10, 1), &[]).unwrap();
        let stale = staleness(RateTableId::Boe, day(2026, 10, 1), &entry).unwrap();
        assert_eq!(stale.checked_to, day(2026, 9, 30));
        assert_eq!(
            stale.message(),
            "Bank of England Bank Rate table checked to 30 Sep 2026; if the bank has changed its rate since, add the new rate in Settings."
        );
        assert_eq!(staleness(RateTableId::Boe, day(2026, 9, 30), &entry), None);
        let mine = [RateRow {
            table: RateTableId::Boe,
            from: day(2026, 11, 5),
            rate: dec("4.00"),
        }];
        let entry = entry_on(RateTableId::Boe, day(2026, 12, 1), &mine).unwrap();
        assert!(entry.user && entry.source == USER_SOURCE);
        assert_eq!(staleness(RateTableId::Boe, day(2026, 12, 1), &entry), None);
    }

    #[test]
    fn user_rows_extend_and_replace_the_shipped_table() {
        let added = vec![RateRow {
            table: RateTableId::Ecb,
            from: day(2026, 10, 1),
            rate: dec("1.90"),
        }];
        assert_eq!(
            rate_on(RateTableId::Ecb, day(2026, 11, 1), &added),
            Some(dec("1.90"))
        );
        assert_eq!(
            rate_on(RateTableId::Boe, day(2026, 11, 1), &added),
            Some(dec("3.75"))
        );
        let replacing = [RateRow {
            table: RateTableId::Ecb,
            from: day(2026, 9, 16),
            rate: dec("2.90"),
        }];
        let listed = rows(RateTableId::Ecb, &replacing);
        let last = listed.last().unwrap();
        assert_eq!((last.rate, last.user), (dec("2.90"), true));
        assert_eq!(listed.len(), RateTableId::Ecb.shipped().rows.len());
        assert_eq!(
            rate_on(RateTableId::Ecb, day(2026, 9, 20), &replacing),
            Some(dec("2.90"))
        );
        let duplicate = RateRow {
            table: RateTableId::Ecb,
            from: day(2026, 10, 1),
            rate: dec("2"),
        };
        assert_eq!(
            duplicate.validate(&added).unwrap_err().field_name(),
            Some("from")
        );
        let silly = RateRow {
            table: RateTableId::Ecb,
            from: day(2026, 5, 1),
            rate: dec("250"),
        };
        assert_eq!(
            silly.validate(&added).unwrap_err().field_name(),
            Some("rate")
        );
        for year in [1999, 2101] {
            let far = RateRow {
                table: RateTableId::Boe,
                from: day(year, 1, 1),
                rate: dec("1"),
            };
            assert_eq!(far.validate(&added).unwrap_err().field_name(), Some("from"));
        }
    }
}
