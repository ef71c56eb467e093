//! Reading amounts and currencies as other tools write them, into exact decimals.
//!
//! `$13.50 `, `£1,234.56`, `(400.00)`, `-$200.00`, `$-142.85`, `1.234,56`, `1 234,56`,
//! `1,28,500.00`, `12.00 EUR`, `100.00 Cr`: never through a float.

use crate::core::currency::Currency;
use rust_decimal::Decimal;

/// Which character separates the cents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DecimalMark {
    /// `1,234.56`
    #[default]
    Point,
    /// `1.234,56`
    Comma,
}

impl DecimalMark {
    /// The character, `.` or `,`, as the `/import` page's `csv-decimal` select uses it.
    pub fn symbol(self) -> &'static str {
        match self {
            DecimalMark::Point => ".",
            DecimalMark::Comma => ",",
        }
    }

    /// Reads `.` or `,`.
    pub fn from_symbol(symbol: &str) -> Option<DecimalMark> {
        match symbol.trim() {
            "." => Some(DecimalMark::Point),
            "," => Some(DecimalMark::Comma),
            _ => None,
        }
    }

    fn char(self) -> char {
        match self {
            DecimalMark::Point => '.',
            DecimalMark::Comma => ',',
        }
    }
}

/// An amount read from a cell, with the currency its symbol or code named, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadAmount {
    /// The exact value; negative for credits and refunds.
    pub value: Decimal,
    /// The currency a code or an unambiguous symbol named.
    pub currency: Option<Currency>,
    /// The amount carried a `$` and no code: a dollar of some country.
    pub dollar_sign: bool,
}

/// The currency an unambiguous symbol names (`$` names none: many countries use it).
fn symbol_currency(symbol: char) -> Option<Currency> {
    let code = match symbol {
        '£' => "GBP",
        '€' => "EUR",
        '₹' => "INR",
        '¥' => "JPY",
        _ => return None,
    };
    Currency::parse(code).ok()
}

/// Reads an amount cell. Empty cells (and a lone `-`) are `None`.
pub fn read_amount(text: &str, mark: DecimalMark) -> Result<Option<ReadAmount>, String> {
    let shown = text.trim_matches(is_space);
    if shown.is_empty() || shown == "-" || shown == "–" {
        return Ok(None);
    }
    let bad = || bad_amount(shown, mark);
    if shown.contains('%') {
        return Err(format!("\"{shown}\" is a percentage, not an amount"));
    }
    let mut rest = shown;
    let mut negative = false;
    if let Some(inner) = rest.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        negative = true;
        rest = inner.trim_matches(is_space);
    }
    let (rest, credit) = strip_debit_credit(rest);
    negative ^= credit;
    let (rest, code) = strip_code(rest);
    let from_code = code.is_some();
    let mut currency = code;
    let mut dollar_sign = false;
    let mut minus_seen = false;
    let mut digits = String::with_capacity(rest.len());
    for (index, c) in rest.char_indices() {
        match c {
            '$' => dollar_sign = true,
            '£' | '€' | '₹' | '¥' => currency = symbol_currency(c),
            '-' | '−' => {
                let trailing = rest[index + c.len_utf8()..]
                    .trim_matches(is_space)
                    .is_empty();
                if minus_seen || !(digits.trim().is_empty() || trailing) {
                    return Err(bad());
                }
                minus_seen = true;
                negative = true;
            }
            '+' => {}
            _ => digits.push(c),
        }
    }
    let value = read_number(digits.trim_matches(is_space), mark).ok_or_else(bad)?;
    Ok(Some(ReadAmount {
        value: if negative { -value } else { value },
        currency,
        dollar_sign: dollar_sign && !from_code,
    }))
}

fn bad_amount(shown: &str, mark: DecimalMark) -> String {
    let other = match mark {
        DecimalMark::Point => {
            "if the file uses decimal commas, choose ',' as the decimal separator"
        }
        DecimalMark::Comma => {
            "if the file uses decimal points, choose '.' as the decimal separator"
        }
    };
    format!("\"{shown}\" is not an amount ({other})")
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}'
}

fn strip_debit_credit(text: &str) -> (&str, bool) {
    let tail = text.get(text.len().saturating_sub(2)..).unwrap_or("");
    for (suffix, credit) in [("cr", true), ("dr", false)] {
        if tail.eq_ignore_ascii_case(suffix) && text.len() > 2 {
            let head = text[..text.len() - 2].trim_end_matches(is_space);
            if head.ends_with(|c: char| c.is_ascii_digit()) {
                return (head, credit);
            }
        }
    }
    (text, false)
}

/// Strips a leading or trailing ISO code such as `USD 12.00` or `12,00 EUR`.
fn strip_code(text: &str) -> (&str, Option<Currency>) {
    let letters = |s: &str| s.len() == 3 && s.chars().all(|c| c.is_ascii_alphabetic());
    if let Some((head, tail)) = text.rsplit_once(is_space) {
        if letters(tail) {
            if let Ok(currency) = Currency::parse(tail) {
                return (head.trim_end_matches(is_space), Some(currency));
            }
        }
    }
    if text.len() > 3 && text.is_char_boundary(3) && letters(&text[..3]) {
        if let Ok(currency) = Currency::parse(&text[..3]) {
            return (text[3..].trim_start_matches(is_space), Some(currency));
        }
    }
    (text, None)
}

/// Reads digits with grouping (every three digits, or Indian 2-2-3) and one decimal mark,
/// in one pass and without allocating.
fn read_number(text: &str, mark: DecimalMark) -> Option<Decimal> {
    let mut grouping = Grouping::default();
    let (mut mantissa, mut scale, mut in_fraction, mut digits) = (0i128, 0u32, false, 0usize);
    for c in text.chars() {
        if let Some(digit) = c.to_digit(10) {
            mantissa = mantissa.checked_mul(10)?.checked_add(i128::from(digit))?;
            grouping.run += 1;
            digits += 1;
            scale += u32::from(in_fraction);
        } else if c == mark.char() && !in_fraction {
            grouping.close_whole()?;
            in_fraction = true;
            grouping.run = 0;
        } else if is_grouping(c, mark) && !in_fraction {
            grouping.separator()?;
        } else {
            return None;
        }
    }
    let complete = if in_fraction {
        grouping.run > 0
    } else {
        grouping.close_whole().is_some()
    };
    if digits == 0 || !complete || scale > 28 {
        return None;
    }
    Some(Decimal::from_i128_with_scale(mantissa, scale))
}

/// Checks digit grouping as it is read: a first group of 1–3 digits, then groups all of 3
/// (or all of 2, Indian style) and a last group of 3.
#[derive(Default)]
struct Grouping {
    run: usize,
    first: Option<usize>,
    middle: Option<usize>,
}

impl Grouping {
    fn separator(&mut self) -> Option<()> {
        match self.first {
            None if (1..=3).contains(&self.run) => self.first = Some(self.run),
            Some(_) if matches!(self.run, 2 | 3) && self.middle.is_none_or(|m| m == self.run) => {
                self.middle = Some(self.run);
            }
            _ => return None,
        }
        self.run = 0;
        Some(())
    }

    fn close_whole(&self) -> Option<()> {
        (self.first.is_none() || self.run == 3).then_some(())
    }
}

fn is_grouping(c: char, mark: DecimalMark) -> bool {
    is_space(c)
        || c == '\''
        || c == '’'
        || match mark {
            DecimalMark::Point => c == ',',
            DecimalMark::Comma => c == '.',
        }
}

/// Guesses the decimal mark from sample amounts: `1.234,56` and `25,00` vote for a comma,
/// `1,234.56` and `13.5` for a point. `None` when nothing tells them apart.
pub fn detect_decimal_mark<'a>(values: impl Iterator<Item = &'a str>) -> Option<DecimalMark> {
    let (mut point, mut comma) = (0usize, 0usize);
    for value in values {
        match vote(value) {
            Some(DecimalMark::Point) => point += 1,
            Some(DecimalMark::Comma) => comma += 1,
            None => {}
        }
    }
    match (point, comma) {
        (0, 0) => None,
        _ if comma > point => Some(DecimalMark::Comma),
        _ => Some(DecimalMark::Point),
    }
}

fn vote(value: &str) -> Option<DecimalMark> {
    let last_point = value.rfind('.');
    let last_comma = value.rfind(',');
    let digits_after = |at: usize| {
        value[at + 1..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count()
    };
    match (last_point, last_comma) {
        (Some(p), Some(c)) => Some(if p > c {
            DecimalMark::Point
        } else {
            DecimalMark::Comma
        }),
        (Some(p), None) if value.matches('.').count() > 1 => {
            Some(DecimalMark::Comma).filter(|_| p > 0)
        }
        (None, Some(c)) if value.matches(',').count() > 1 => {
            Some(DecimalMark::Point).filter(|_| c > 0)
        }
        (Some(p), None) if digits_after(p) != 3 => Some(DecimalMark::Point),
        (None, Some(c)) if digits_after(c) != 3 => Some(DecimalMark::Comma),
        _ => None,
    }
}

/// Reads a currency cell: `USD`, `usd` or GnuCash's `CURRENCY::USD`. Empty is `None`.
pub fn read_currency(text: &str) -> Result<Option<Currency>, String> {
    let code = text.trim();
    let code = code
        .strip_prefix("CURRENCY::")
        .or_else(|| code.strip_prefix("currency::"))
        .unwrap_or(code);
    if code.is_empty() {
        return Ok(None);
    }
    let mut chars = code.chars();
    if let (Some(symbol), None) = (chars.next(), chars.next()) {
        if let Some(currency) = symbol_currency(symbol) {
            return Ok(Some(currency));
        }
    }
    Currency::parse(code).map(Some).map_err(|_| {
        format!(
            "\"{code}\" is not a currency code that Overdue knows (use an ISO code such as USD)"
        )
    })
}

/// Reads payment terms in days: `30`, `Net 30`, `Due on Receipt` (0). `None` when unclear.
pub fn read_terms(text: &str) -> Option<i64> {
    let text = text.trim().to_lowercase();
    if text.contains("receipt") || text.contains("immediate") {
        return Some(0);
    }
    let digits: String = text
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok().filter(|days| *days <= 3650)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str, mark: DecimalMark) -> String {
        read_amount(text, mark).unwrap().unwrap().value.to_string()
    }

    fn point(text: &str) -> String {
        value(text, DecimalMark::Point)
    }

    #[test]
    fn symbols_spaces_and_grouping_are_read_exactly() {
        assert_eq!(point("$13.50 "), "13.50");
        assert_eq!(point("£1,234.56"), "1234.56");
        assert_eq!(point("1,28,500.00"), "128500.00");
        assert_eq!(point("10.00000000"), "10.00000000");
        assert_eq!(point("70.2"), "70.2");
        assert_eq!(point("1 000 000"), "1000000");
        assert_eq!(point("USD 1,000.00"), "1000.00");
    }

    #[test]
    fn brackets_leading_and_inner_minus_and_credit_suffixes_are_negative() {
        assert_eq!(point("(400.00)"), "-400.00");
        assert_eq!(point("($400.00)"), "-400.00");
        assert_eq!(point("-$200.00"), "-200.00");
        assert_eq!(point("$-142.85"), "-142.85");
        assert_eq!(point("-590.50"), "-590.50");
        assert_eq!(point("100.00 Cr"), "-100.00");
        assert_eq!(point("100.00 Dr"), "100.00");
    }

    #[test]
    fn decimal_commas_with_dot_space_and_apostrophe_grouping() {
        let comma = DecimalMark::Comma;
        assert_eq!(value("1.234,56", comma), "1234.56");
        assert_eq!(value("1 234,56", comma), "1234.56");
        assert_eq!(value("1\u{202f}234,56 €", comma), "1234.56");
        assert_eq!(value("\"-23,00\"".trim_matches('"'), comma), "-23.00");
        assert_eq!(value("25,00", comma), "25.00");
    }

    #[test]
    fn currencies_come_from_codes_and_unambiguous_symbols() {
        let read = read_amount("£5", DecimalMark::Point).unwrap().unwrap();
        assert_eq!(read.currency.unwrap().code(), "GBP");
        let read = read_amount("12,00 EUR", DecimalMark::Comma)
            .unwrap()
            .unwrap();
        assert_eq!(
            (
                read.value.to_string().as_str(),
                read.currency.unwrap().code()
            ),
            ("12.00", "EUR")
        );
        let read = read_amount("$5", DecimalMark::Point).unwrap().unwrap();
        assert!(read.dollar_sign && read.currency.is_none());
    }

    #[test]
    fn wrong_marks_and_garbage_are_refused_never_misread() {
        let error = read_amount("25,00", DecimalMark::Point).unwrap_err();
        assert!(error.contains("choose ','"), "{error}");
        assert!(read_amount("1.234.567", DecimalMark::Point).is_err());
        assert!(read_amount("12,34.5", DecimalMark::Point).is_err());
        assert!(read_amount("7.50%", DecimalMark::Point)
            .unwrap_err()
            .contains("percentage"));
        assert!(read_amount("abc", DecimalMark::Point).is_err());
        assert!(read_amount("--5", DecimalMark::Point).is_err());
        assert_eq!(read_amount("  ", DecimalMark::Point).unwrap(), None);
    }

    #[test]
    fn the_decimal_mark_is_guessed_from_the_values() {
        let guess = |values: &[&str]| detect_decimal_mark(values.iter().copied());
        assert_eq!(guess(&["1.234,56", "25,00"]), Some(DecimalMark::Comma));
        assert_eq!(guess(&["1,020.00", "13.5"]), Some(DecimalMark::Point));
        assert_eq!(guess(&["1,000", "12"]), None);
    }

    #[test]
    fn currency_cells_and_terms() {
        assert_eq!(read_currency("usd").unwrap().unwrap().code(), "USD");
        assert_eq!(
            read_currency("CURRENCY::EUR").unwrap().unwrap().code(),
            "EUR"
        );
        assert_eq!(read_currency("").unwrap(), None);
        assert!(read_currency("XYZ").unwrap_err().contains("\"XYZ\""));
        assert_eq!(read_terms("Net 30"), Some(30));
        assert_eq!(read_terms("Due on Receipt"), Some(0));
        assert_eq!(read_terms("14"), Some(14));
        assert_eq!(read_terms("soon"), None);
    }
}
