//! The one date parser, the range of dates the app accepts, and the date formats people read.

use crate::core::error::FieldError;
use chrono::{Datelike, Duration, NaiveDate};

/// The earliest date the app accepts: 1 January 1900.
pub const EARLIEST: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(date) => date,
    None => NaiveDate::MIN,
};

/// The latest date the app accepts: 31 December 2199.
pub const LATEST: NaiveDate = match NaiveDate::from_ymd_opt(2199, 12, 31) {
    Some(date) => date,
    None => NaiveDate::MAX,
};

const OUT_OF_RANGE: &str = "the date must be between 1900 and 2199";

/// Parses an ISO 8601 calendar date (`YYYY-MM-DD`), as date inputs and backups write it, and
/// refuses dates outside [`EARLIEST`]..=[`LATEST`].
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err("enter a date".into());
    }
    let date =
        parse_iso(trimmed).ok_or_else(|| format!("\"{trimmed}\" is not a date; use YYYY-MM-DD"))?;
    in_range(date)
        .then_some(date)
        .ok_or_else(|| OUT_OF_RANGE.into())
}

/// Reads `YYYY-MM-DD` (a four-digit year; the month and day may have one digit or two), any
/// year, or `None` if it is not a calendar date. Written by hand rather than with a format
/// string, which would bring chrono's whole format parser into the first load.
pub fn parse_iso(text: &str) -> Option<NaiveDate> {
    let number = |part: &str, widths: std::ops::RangeInclusive<usize>| {
        (widths.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse::<u32>().ok())
            .flatten()
    };
    let mut parts = text.split('-');
    let (Some(year), Some(month), Some(day), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    let year = i32::try_from(number(year, 4..=4)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(month, 1..=2)?, number(day, 1..=2)?)
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// True when `date` is within [`EARLIEST`]..=[`LATEST`].
pub fn in_range(date: NaiveDate) -> bool {
    (EARLIEST..=LATEST).contains(&date)
}

/// Refuses a date read from elsewhere (a backup, an import) that is outside the accepted range.
pub fn check_range(field: &'static str, date: NaiveDate) -> Result<(), FieldError> {
    if in_range(date) {
        Ok(())
    } else {
        Err(FieldError::on(field, OUT_OF_RANGE))
    }
}

/// Writes a date for people: `14 Feb 2026`.
pub fn format_date(date: NaiveDate) -> String {
    let month = MONTHS[date.month0() as usize];
    format!("{} {} {}", date.day(), &month[..3], date.year())
}

/// Writes a date in full for letters: `14 February 2026`.
pub fn format_date_long(date: NaiveDate) -> String {
    let month = MONTHS[date.month0() as usize];
    format!("{} {month} {}", date.day(), date.year())
}

/// Writes a date as iCalendar's `DATE` value: `20260214`.
pub fn format_basic(date: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
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
    fn dates_from_1900_to_2199_are_accepted_and_others_refused() {
        assert!(parse_date("1900-01-01").is_ok());
        assert!(parse_date("2199-12-31").is_ok());
        for outside in ["1899-12-31", "2200-01-01", "0001-01-01", "+10000-01-01"] {
            assert!(parse_date(outside).is_err(), "{outside}");
        }
        assert!(parse_date("1899-12-31")
            .unwrap_err()
            .contains("1900 and 2199"));
    }

    #[test]
    fn imported_dates_outside_the_range_name_their_field() {
        let date = |y| NaiveDate::from_ymd_opt(y, 1, 1).unwrap();
        assert_eq!(check_range("due_date", date(2026)), Ok(()));
        let refused = check_range("due_date", date(2200)).unwrap_err();
        assert_eq!(refused.field_name(), Some("due_date"));
        assert!(check_range("due_date", date(1899)).is_err());
    }

    #[test]
    fn people_read_short_and_long_dates() {
        let date = NaiveDate::from_ymd_opt(2026, 2, 4).unwrap();
        assert_eq!(format_date(date), "4 Feb 2026");
        assert_eq!(format_date_long(date), "4 February 2026");
        assert_eq!(format_basic(date), "20260204");
    }

    proptest::proptest! {
        /// The hand-written reader and writers agree with chrono's format strings on every
        /// date and on text that is almost a date.
        #[test]
        fn hand_written_dates_agree_with_chrono(days in 0_i64..200_000, text in "[0-9+]{0,5}-[0-9]{0,3}-[0-9]{0,3}") {
            let date = NaiveDate::from_ymd_opt(1800, 1, 1).unwrap() + Duration::days(days);
            proptest::prop_assert_eq!(format_date(date), date.format("%-d %b %Y").to_string());
            proptest::prop_assert_eq!(format_date_long(date), date.format("%-d %B %Y").to_string());
            proptest::prop_assert_eq!(format_basic(date), date.format("%Y%m%d").to_string());
            let iso = date.format("%Y-%m-%d").to_string();
            proptest::prop_assert_eq!(parse_iso(&iso), Some(date));
            // chrono also reads years of other widths and signs, all outside the accepted range.
            let four_digit_year = text
                .split('-')
                .next()
                .is_some_and(|year| year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()));
            let expected = NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok().filter(|_| four_digit_year);
            proptest::prop_assert_eq!(parse_iso(&text), expected);
        }
    }
}
