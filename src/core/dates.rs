//! The one date parser and the date formats people read.

use chrono::{Duration, NaiveDate};

/// Parses an ISO 8601 calendar date (`YYYY-MM-DD`), as date inputs and backups write it.
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err("enter a date".into());
    }
    NaiveDate::parse_from_str(trimmed, "%Y-%m-%d")
        .map_err(|_| format!("\"{trimmed}\" is not a date; use YYYY-MM-DD"))
}

/// Writes a date for people: `14 Feb 2026`.
pub fn format_date(date: NaiveDate) -> String {
    date.format("%-d %b %Y").to_string()
}

/// Writes a date in full for letters: `14 February 2026`.
pub fn format_date_long(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// The date `days` days after `date` (saturating at the calendar's end).
pub fn add_days(date: NaiveDate, days: i64) -> NaiveDate {
    date.checked_add_signed(Duration::days(days))
        .unwrap_or(date)
}

/// Whole days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days()
}

/// Builds a date from a year, month and day as a browser clock reports them.
pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_parse_and_other_shapes_are_named() {
        assert_eq!(
            parse_date("2026-02-14").unwrap(),
            NaiveDate::from_ymd_opt(2026, 2, 14).unwrap()
        );
        assert!(parse_date("14/02/2026").unwrap_err().contains("YYYY-MM-DD"));
        assert!(parse_date("2026-02-30").is_err());
        assert_eq!(parse_date(" ").unwrap_err(), "enter a date");
    }

    #[test]
    fn people_read_short_and_long_dates() {
        let date = NaiveDate::from_ymd_opt(2026, 2, 4).unwrap();
        assert_eq!(format_date(date), "4 Feb 2026");
        assert_eq!(format_date_long(date), "4 February 2026");
    }
}
