//! Money: non-negative two-decimal amounts, one parser and one formatter.

use crate::core::currency::Currency;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{de, Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Rounds to the cent, half away from zero (the rounding used everywhere money is rounded).
pub fn round_cents(value: Decimal) -> Decimal {
    let mut rounded = value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(2);
    rounded
}

/// Parses a user-typed amount such as `1,234.56` or `1234.56`.
///
/// Grouping commas must sit every three digits, at most two fraction digits are allowed
/// and the amount may not be negative. The error text is written for the person typing.
pub fn parse_amount(text: &str) -> Result<Decimal, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err("enter an amount, such as 1,234.56".into());
    }
    if trimmed.starts_with('-') {
        return Err("the amount must not be negative".into());
    }
    let (whole, fraction) = match trimmed.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (trimmed, None),
    };
    let groups: Vec<&str> = whole.split(',').collect();
    let grouping_ok = groups.len() == 1
        || (matches!(groups[0].len(), 1..=3) && groups[1..].iter().all(|g| g.len() == 3));
    let digits_ok = !whole.is_empty()
        && groups.iter().all(|g| g.chars().all(|c| c.is_ascii_digit()))
        && fraction.is_none_or(|f| !f.is_empty() && f.chars().all(|c| c.is_ascii_digit()));
    if !grouping_ok || !digits_ok {
        return Err(format!(
            "\"{trimmed}\" is not an amount; write it like 1,234.56"
        ));
    }
    if fraction.is_some_and(|f| f.len() > 2) {
        return Err("use at most two digits after the decimal point".into());
    }
    let plain = trimmed.replace(',', "");
    let mut value: Decimal = plain
        .parse()
        .map_err(|_| format!("\"{trimmed}\" is too large to be an amount"))?;
    value.rescale(2);
    Ok(value)
}

/// Writes an amount for machines: no symbol, no grouping, two decimals (`1234.56`).
pub fn plain(value: Decimal) -> String {
    round_cents(value).to_string()
}

/// Writes an amount for people, with the currency: `£1,234.56`, `-€10.00`, `CHF 99.00`.
pub fn format_money(value: Decimal, currency: &Currency) -> String {
    let rounded = round_cents(value);
    let sign = if rounded.is_sign_negative() && !rounded.is_zero() {
        "-"
    } else {
        ""
    };
    let digits = rounded.abs().to_string();
    let (whole, fraction) = digits.split_once('.').unwrap_or((&digits, "00"));
    let mut grouped = String::with_capacity(whole.len() + whole.len() / 3);
    for (index, digit) in whole.chars().enumerate() {
        if index > 0 && (whole.len() - index) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    match currency.symbol() {
        Some(symbol) => format!("{sign}{symbol}{grouped}.{fraction}"),
        None => format!("{sign}{currency} {grouped}.{fraction}"),
    }
}

/// A non-negative amount with at most two fraction digits, stored as a string like `"1200.00"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Amount(Decimal);

impl Amount {
    /// Zero.
    pub const ZERO: Amount = Amount(Decimal::ZERO);

    /// Accepts a decimal that is not negative and has at most two fraction digits.
    pub fn new(value: Decimal) -> Result<Amount, String> {
        if value.is_sign_negative() && !value.is_zero() {
            return Err(format!("the amount must not be negative (got {value})"));
        }
        if value.normalize().scale() > 2 {
            return Err(format!(
                "the amount {value} has more than two digits after the decimal point"
            ));
        }
        let mut value = value;
        value.rescale(2);
        Ok(Amount(value))
    }

    /// Parses user text with [`parse_amount`].
    pub fn parse(text: &str) -> Result<Amount, String> {
        parse_amount(text).map(Amount)
    }

    /// The decimal value.
    pub fn value(self) -> Decimal {
        self.0
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&plain(self.0))
    }
}

impl Serialize for Amount {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&plain(self.0))
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_any(DecimalVisitor)
            .and_then(|value| Amount::new(value).map_err(de::Error::custom))
    }
}

/// Reads a decimal from a JSON string or number, never through a float for strings.
pub(crate) struct DecimalVisitor;

impl de::Visitor<'_> for DecimalVisitor {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a decimal string such as \"1200.00\"")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Decimal, E> {
        let trimmed = text.trim();
        let valid = !trimmed.is_empty()
            && trimmed
                .trim_start_matches('-')
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.');
        if !valid {
            return Err(E::custom(format!("\"{text}\" is not a decimal number")));
        }
        trimmed
            .parse()
            .map_err(|_| E::custom(format!("\"{text}\" is not a decimal number")))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Decimal, E> {
        Ok(Decimal::from(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Decimal, E> {
        Ok(Decimal::from(value))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Decimal, E> {
        // A JSON number is read by its shortest round-trip text, so 12.5 stays exactly 12.5.
        self.visit_str(&value.to_string())
    }
}

/// Serde helpers for a plain decimal (such as a rate) stored as a string.
pub mod decimal_string {
    use super::DecimalVisitor;
    use rust_decimal::Decimal;
    use serde::{Deserializer, Serializer};

    /// Writes the decimal as a string.
    pub fn serialize<S: Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&value.to_string())
    }

    /// Reads the decimal from a string or a number.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
        deserializer.deserialize_any(DecimalVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn parser_accepts_grouped_and_plain_amounts() {
        assert_eq!(parse_amount("1,234.56").unwrap(), dec("1234.56"));
        assert_eq!(parse_amount("1234.56").unwrap(), dec("1234.56"));
        assert_eq!(parse_amount(" 12 ").unwrap().to_string(), "12.00");
        assert_eq!(parse_amount("1,000,000").unwrap(), dec("1000000"));
    }

    #[test]
    fn parser_rejects_garbage_with_a_message() {
        assert!(parse_amount("abc").unwrap_err().contains("not an amount"));
        assert!(parse_amount("12,34.5")
            .unwrap_err()
            .contains("not an amount"));
        assert!(parse_amount("1.234").unwrap_err().contains("two digits"));
        assert!(parse_amount("-5").unwrap_err().contains("negative"));
        assert!(parse_amount("").unwrap_err().contains("enter an amount"));
        assert!(parse_amount("1.").is_err());
    }

    #[test]
    fn formatter_groups_thousands_and_places_the_symbol() {
        let gbp = Currency::parse("GBP").unwrap();
        let chf = Currency::parse("CHF").unwrap();
        assert_eq!(format_money(dec("1234567.5"), &gbp), "£1,234,567.50");
        assert_eq!(format_money(dec("-10"), &gbp), "-£10.00");
        assert_eq!(format_money(dec("999"), &chf), "CHF 999.00");
        assert_eq!(format_money(dec("0.005"), &gbp), "£0.01");
    }

    #[test]
    fn amounts_reject_negatives_and_sub_cent_digits() {
        assert!(Amount::new(dec("-0.01")).is_err());
        assert!(Amount::new(dec("1.001")).is_err());
        assert_eq!(Amount::new(dec("1.10")).unwrap().to_string(), "1.10");
    }

    #[test]
    fn amounts_read_json_numbers_and_write_strings() {
        let amount: Amount = serde_json::from_str("1200.5").unwrap();
        assert_eq!(serde_json::to_string(&amount).unwrap(), "\"1200.50\"");
        let amount: Amount = serde_json::from_str("\"7\"").unwrap();
        assert_eq!(amount.to_string(), "7.00");
    }

    proptest::proptest! {
        #[test]
        fn formatting_then_parsing_gives_the_same_amount(cents in 0i64..10_000_000_000) {
            let value = Decimal::new(cents, 2);
            let shown = format_money(value, &Currency::parse("GBP").unwrap());
            proptest::prop_assert_eq!(parse_amount(shown.trim_start_matches('£')).unwrap(), value);
        }
    }
}
