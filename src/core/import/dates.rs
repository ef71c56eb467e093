//! Reading the dates other tools write: ISO, `DD/MM/YYYY`, `MM/DD/YYYY`, `DD.MM.YYYY`,
//! `Jan 28 2021`, `28 Jan 2021`, two-digit years and timestamps.
//!
//! Day and month order is decided per column from all its values, never per row.

use chrono::NaiveDate;

/// The order of day, month and year in numeric dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateOrder {
    /// 28/01/2021
    Dmy,
    /// 01/28/2021
    Mdy,
    /// 2021/01/28
    Ymd,
}

impl DateOrder {
    /// The identifier the `/import` page's `csv-date-order` select uses: `dmy`, `mdy`, `ymd`.
    pub fn id(self) -> &'static str {
        match self {
            DateOrder::Dmy => "dmy",
            DateOrder::Mdy => "mdy",
            DateOrder::Ymd => "ymd",
        }
    }

    /// Reads `dmy`, `mdy` or `ymd`.
    pub fn from_id(id: &str) -> Option<DateOrder> {
        [DateOrder::Dmy, DateOrder::Mdy, DateOrder::Ymd]
            .into_iter()
            .find(|order| order.id() == id.trim())
    }
}

/// What one value says about the day/month order of its column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderEvidence {
    /// The first number is above 12, so it is the day.
    DayFirst,
    /// The second number is above 12, so it is the day.
    MonthFirst,
    /// Both numbers are 12 or less: either order reads.
    Ambiguous,
    /// Not a numeric day/month date (ISO, month names, blank).
    None,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The three numbers of a numeric date with the year last, such as `7/16/98`.
fn numeric_parts(text: &str) -> Option<(u32, u32, &str)> {
    let head = date_head(text);
    let separator = head.chars().find(|c| matches!(c, '/' | '.' | '-'))?;
    let mut parts = head.trim_end_matches('.').split(separator);
    let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
    let numeric = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    if parts.next().is_some() || !numeric(a) || !numeric(b) || !numeric(c) || a.len() > 2 {
        return None;
    }
    Some((a.parse().ok()?, b.parse().ok()?, c))
}

/// The date part of a cell: what comes before a `T` or space that starts a time.
fn date_head(text: &str) -> &str {
    let text = text.trim();
    let cut = text
        .find(|c: char| c == 'T' || c.is_whitespace())
        .filter(|&at| text[at..].contains(':'))
        .unwrap_or(text.len());
    &text[..cut]
}

/// What a value says about its column's day/month order.
pub fn evidence(text: &str) -> OrderEvidence {
    match numeric_parts(text) {
        Some((a, b, _)) if a > 12 && b <= 12 => OrderEvidence::DayFirst,
        Some((a, b, _)) if b > 12 && a <= 12 => OrderEvidence::MonthFirst,
        Some((0, 0, _)) => OrderEvidence::None,
        Some(_) => OrderEvidence::Ambiguous,
        None => OrderEvidence::None,
    }
}

/// Reads a date cell with the column's order. Blank cells and `0/0/0` are `None`.
pub fn read_date(text: &str, order: DateOrder) -> Result<Option<NaiveDate>, String> {
    let shown = text.trim();
    if shown.is_empty()
        || shown
            .trim_matches(|c| matches!(c, '0' | '/' | '-' | '.'))
            .is_empty()
    {
        return Ok(None);
    }
    let bad = || format!("\"{shown}\" is not a date");
    if let Some(date) = iso(shown) {
        return date.map(Some).ok_or_else(bad);
    }
    if let Some((a, b, year)) = numeric_parts(shown) {
        let year = full_year(year).ok_or_else(bad)?;
        let (day, month) = match order {
            DateOrder::Mdy => (b, a),
            _ => (a, b),
        };
        return NaiveDate::from_ymd_opt(year, month, day)
            .map(Some)
            .ok_or_else(|| match order {
                DateOrder::Mdy => format!("\"{shown}\" is not a date in month/day/year order"),
                _ => format!("\"{shown}\" is not a date in day/month/year order"),
            });
    }
    named_month(shown).map(Some).ok_or_else(bad)
}

/// `YYYY-MM-DD`, `YYYY/MM/DD` or `YYYY.MM.DD`, with an optional time after it.
fn iso(text: &str) -> Option<Option<NaiveDate>> {
    let head = date_head(text);
    let bytes = head.as_bytes();
    if bytes.len() < 8 || !bytes[..4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    if !matches!(bytes[4], b'-' | b'/' | b'.') {
        return None;
    }
    let mut parts = head.split(char::from(bytes[4]));
    let numbers: Vec<u32> = parts.by_ref().map_while(|p| p.parse().ok()).collect();
    Some(match numbers[..] {
        [year, month, day] => i32::try_from(year)
            .ok()
            .and_then(|year| NaiveDate::from_ymd_opt(year, month, day)),
        _ => None,
    })
}

/// A two-digit year is 1970–2069, as POSIX reads `%y`.
fn full_year(text: &str) -> Option<i32> {
    let year: i32 = text.parse().ok()?;
    match text.len() {
        2 if year < 70 => Some(2000 + year),
        2 => Some(1900 + year),
        4 => Some(year),
        _ => None,
    }
}

/// Dates with an English month name: `Jan 28 2021`, `28 Jan 2021`, `December 19, 2020 11:28 pm`,
/// `As of Jul 25, 2026`, `28-Jan-21`.
pub fn named_month(text: &str) -> Option<NaiveDate> {
    let tokens: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .collect();
    let (at, month) = tokens
        .iter()
        .enumerate()
        .find_map(|(at, token)| month_number(token).map(|month| (at, month)))?;
    let number = |index: Option<usize>| {
        index
            .and_then(|i| tokens.get(i))
            .filter(|t| t.bytes().all(|b| b.is_ascii_digit()))
            .copied()
    };
    let before = number(at.checked_sub(1));
    let (after, after2) = (number(Some(at + 1)), number(Some(at + 2)));
    let (day, year) = match (before, after, after2) {
        (_, Some(day), Some(year)) if day.len() <= 2 => (day, year),
        (Some(day), Some(year), _) if day.len() <= 2 => (day, year),
        (Some(year), Some(day), _) if year.len() == 4 => (day, year),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(full_year(year)?, month, day.parse().ok()?)
}

fn month_number(token: &str) -> Option<u32> {
    let lower = token.to_lowercase();
    if lower.len() < 3 {
        return None;
    }
    let lower = if lower == "sept" {
        "sep".to_string()
    } else {
        lower
    };
    MONTHS
        .iter()
        .position(|month| month.starts_with(lower.as_str()))
        .and_then(|index| u32::try_from(index + 1).ok())
}

/// Finds a date written in words in a report's title rows, such as `As of Jul 25, 2026`.
pub fn date_in_words(text: &str) -> Option<NaiveDate> {
    named_month(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn read(text: &str, order: DateOrder) -> NaiveDate {
        read_date(text, order).unwrap().unwrap()
    }

    #[test]
    fn iso_dates_and_timestamps_keep_their_calendar_day() {
        assert_eq!(read("2021-01-28", DateOrder::Mdy), day(2021, 1, 28));
        assert_eq!(
            read("2021-01-28T11:04:09+00:00", DateOrder::Dmy),
            day(2021, 1, 28)
        );
        assert_eq!(
            read("2021-01-28 05:14:15", DateOrder::Dmy),
            day(2021, 1, 28)
        );
        assert_eq!(read("2021/01/28", DateOrder::Dmy), day(2021, 1, 28));
    }

    #[test]
    fn numeric_dates_follow_the_column_order() {
        assert_eq!(read("11/06/2026", DateOrder::Dmy), day(2026, 6, 11));
        assert_eq!(read("11/06/2026", DateOrder::Mdy), day(2026, 11, 6));
        assert_eq!(read("10/20/2019", DateOrder::Mdy), day(2019, 10, 20));
        assert_eq!(read("15.09.2025", DateOrder::Dmy), day(2025, 9, 15));
        assert_eq!(read("01/23/2023 10:00", DateOrder::Mdy), day(2023, 1, 23));
    }

    #[test]
    fn two_digit_years_pivot_at_1970() {
        assert_eq!(read("7/16/98", DateOrder::Mdy), day(1998, 7, 16));
        assert_eq!(read("16.7.21", DateOrder::Dmy), day(2021, 7, 16));
    }

    #[test]
    fn month_names_in_either_position() {
        assert_eq!(read("Jan 28 2021", DateOrder::Dmy), day(2021, 1, 28));
        assert_eq!(read("28 Jan 2021", DateOrder::Mdy), day(2021, 1, 28));
        assert_eq!(read("28-Jan-21", DateOrder::Mdy), day(2021, 1, 28));
        assert_eq!(read("September 3, 2025", DateOrder::Mdy), day(2025, 9, 3));
        assert_eq!(date_in_words("As of Jul 25, 2026"), Some(day(2026, 7, 25)));
        assert_eq!(
            date_in_words("Invoice Ninja v4.5.17 - December 19, 2020 11:28 pm"),
            Some(day(2020, 12, 19))
        );
    }

    #[test]
    fn blanks_and_null_dates_are_none_and_garbage_is_named() {
        assert_eq!(read_date("", DateOrder::Dmy).unwrap(), None);
        assert_eq!(read_date("0/0/0", DateOrder::Mdy).unwrap(), None);
        assert!(read_date("13/13/2021", DateOrder::Dmy)
            .unwrap_err()
            .contains("day/month/year"));
        assert!(read_date("2021-02-30", DateOrder::Dmy).is_err());
        assert!(read_date("soon", DateOrder::Dmy)
            .unwrap_err()
            .contains("\"soon\""));
    }

    #[test]
    fn values_prove_an_order_or_leave_it_open() {
        assert_eq!(evidence("28/01/2021"), OrderEvidence::DayFirst);
        assert_eq!(evidence("1/28/2021"), OrderEvidence::MonthFirst);
        assert_eq!(evidence("01/02/2021"), OrderEvidence::Ambiguous);
        assert_eq!(evidence("2021-01-02"), OrderEvidence::None);
        assert_eq!(DateOrder::from_id("mdy"), Some(DateOrder::Mdy));
    }
}
