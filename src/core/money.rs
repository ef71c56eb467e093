//! Money and rates as people type them: one amount parser, one percent parser, one formatter,
//! and the limits every entry point (forms, settlement inputs, backups) applies.

use crate::core::currency::Currency;
use crate::core::error::FieldError;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{de, Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// The largest amount the app accepts anywhere: 999,999,999,999.99.
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(0x107A_3FFF, 0x5AF3, 0, false, 2);

/// Digits after the decimal point a typed percentage or probability may have.
pub const PERCENT_DECIMALS: usize = 4;

/// Rounds to the cent, half away from zero (the rounding used everywhere money is rounded).
pub fn round_cents(value: Decimal) -> Decimal {
    let mut rounded = value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(2);
    rounded
}

/// A number as written: its sign, its whole digits (grouping commas removed) and its fraction.
struct Written<'a> {
    negative: bool,
    whole: String,
    fraction: &'a str,
}

impl Written<'_> {
    /// Reads `-1,234.56`-shaped text; commas are allowed only when `grouping` and only every
    /// three digits. `None` when the text is not a number of that shape.
    fn read(text: &str, grouping: bool) -> Option<Written<'_>> {
        let (negative, unsigned) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (whole, fraction) = match unsigned.split_once('.') {
            // A point must be followed by digits: `1.` is not a number.
            Some((_, "")) => return None,
            Some(parts) => parts,
            None => (unsigned, ""),
        };
        let digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
        let groups: Vec<&str> = whole.split(',').collect();
        let grouping_ok = groups.len() == 1
            || (grouping
                && matches!(groups[0].len(), 1..=3)
                && groups[1..].iter().all(|g| g.len() == 3));
        (!whole.is_empty() && grouping_ok && groups.iter().all(|g| digits(g)) && digits(fraction))
            .then(|| Written {
                negative,
                whole: groups.concat(),
                fraction,
            })
    }

    /// The exact value, or `None` when the whole part has more than `max_whole_digits` digits.
    fn value(&self, max_whole_digits: usize) -> Option<Decimal> {
        let whole = self.whole.trim_start_matches('0');
        if whole.len() > max_whole_digits {
            return None;
        }
        let sign = if self.negative { "-" } else { "" };
        let whole = if whole.is_empty() { "0" } else { whole };
        let text = if self.fraction.is_empty() {
            format!("{sign}{whole}")
        } else {
            format!("{sign}{whole}.{}", self.fraction)
        };
        Decimal::from_str_exact(&text).ok()
    }
}

const NEGATIVE: &str = "the amount must not be negative";
const TOO_PRECISE: &str = "use at most two digits after the decimal point";
const TOO_LARGE: &str = "the amount must be at most 999,999,999,999.99";

/// Parses an amount such as `1,234.56` or `1234.56`: typed text and backup text alike.
///
/// Grouping commas must sit every three digits; the amount may not be negative, have more
/// than two decimals (they are refused, never rounded) or exceed [`MAX_AMOUNT`]. The result
/// keeps exactly two decimals. The error text is written for the person typing.
pub fn parse_amount(text: &str) -> Result<Decimal, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err("enter an amount, such as 1,234.56".into());
    }
    let written = Written::read(trimmed, true)
        .ok_or_else(|| format!("\"{trimmed}\" is not an amount; write it like 1,234.56"))?;
    if written.negative {
        return Err(NEGATIVE.into());
    }
    if written.fraction.len() > 2 {
        return Err(TOO_PRECISE.into());
    }
    // Twelve whole digits hold every amount up to the limit; longer text is refused unread.
    let mut value = written
        .value(12)
        .filter(|value| *value <= MAX_AMOUNT)
        .ok_or(TOO_LARGE)?;
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

/// Writes a percentage for people, always with two decimals (half to even): `8.00%`, `11.75%`.
pub fn format_percent(rate: Decimal) -> String {
    let mut rounded = rate.round_dp(2);
    rounded.rescale(2);
    format!("{rounded}%")
}

/// A non-negative amount of at most [`MAX_AMOUNT`] with two decimals, stored as `"1200.00"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Amount(Decimal);

impl Amount {
    /// Zero.
    pub const ZERO: Amount = Amount(Decimal::ZERO);

    /// Accepts a decimal that is not negative, has at most two decimals and is within the limit.
    pub fn new(value: Decimal) -> Result<Amount, String> {
        if value.is_sign_negative() && !value.is_zero() {
            return Err(NEGATIVE.into());
        }
        if value.normalize().scale() > 2 {
            return Err(TOO_PRECISE.into());
        }
        if value > MAX_AMOUNT {
            return Err(TOO_LARGE.into());
        }
        let mut value = value;
        value.set_sign_negative(false);
        value.rescale(2);
        Ok(Amount(value))
    }

    /// Parses text with [`parse_amount`].
    pub fn parse(text: &str) -> Result<Amount, String> {
        parse_amount(text).map(Amount)
    }

    /// Parses the text of the form field `field`, naming it in the error.
    pub fn parse_field(field: &'static str, text: &str) -> Result<Amount, FieldError> {
        Amount::parse(text).map_err(|message| FieldError::on(field, message))
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
        deserializer.deserialize_any(AmountVisitor)
    }
}

/// Reads an amount from a JSON string or number through [`parse_amount`], so a backup
/// meets the same limits as typing.
struct AmountVisitor;

impl de::Visitor<'_> for AmountVisitor {
    type Value = Amount;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an amount such as \"1200.00\"")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Amount, E> {
        Amount::parse(text).map_err(E::custom)
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Amount, E> {
        Amount::new(Decimal::from(value)).map_err(E::custom)
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Amount, E> {
        Amount::new(Decimal::from(value)).map_err(E::custom)
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Amount, E> {
        // A JSON number is read by its shortest round-trip text, so 12.5 stays exactly 12.5
        // and a number too long for a float is refused by its size, not rounded into range.
        self.visit_str(&value.to_string())
    }
}

/// The values a rate-like field accepts, and what messages call it.
///
/// Percentages are written `8.5` (or `8.5%`), probabilities `0.85`; both with at most
/// [`PERCENT_DECIMALS`] decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PercentRange {
    /// What messages call the value, such as `"the discount rate"`.
    pub name: &'static str,
    /// The smallest value accepted.
    pub min: Decimal,
    /// The largest value accepted.
    pub max: Decimal,
    /// True for a probability from 0 to 1 rather than a percentage.
    pub probability: bool,
}

impl PercentRange {
    /// A contract or commission rate: 0% to 100%.
    pub const RATE: PercentRange = PercentRange {
        name: "the rate",
        min: Decimal::ZERO,
        max: Decimal::ONE_HUNDRED,
        probability: false,
    };

    /// A central bank's reference rate, which may be negative: −10% to 100%.
    pub const REFERENCE_RATE: PercentRange = PercentRange {
        name: "the rate",
        min: Decimal::from_parts(10, 0, 0, true, 0),
        max: Decimal::ONE_HUNDRED,
        probability: false,
    };

    /// A probability or risk: 0 to 1.
    pub const PROBABILITY: PercentRange = PercentRange {
        name: "the probability",
        min: Decimal::ZERO,
        max: Decimal::ONE,
        probability: true,
    };

    /// The same range under another name in messages.
    pub const fn named(self, name: &'static str) -> PercentRange {
        PercentRange { name, ..self }
    }

    /// Checks a value already read (from a backup, say) against the range.
    pub fn check(self, value: Decimal) -> Result<Decimal, String> {
        let unit = if self.probability { "" } else { "%" };
        if value < self.min || value > self.max {
            return Err(format!(
                "{} must be between {}{unit} and {}{unit}",
                self.name,
                self.min.normalize(),
                self.max.normalize()
            ));
        }
        Ok(value)
    }
}

/// Parses a percentage such as `8.5` or `8.5%`, or a probability such as `0.85`, and checks it
/// against `range`. More than [`PERCENT_DECIMALS`] decimals are refused, never rounded.
pub fn parse_percent(text: &str, range: PercentRange) -> Result<Decimal, String> {
    let trimmed = text.trim();
    let example = if range.probability { "0.85" } else { "8.5" };
    if trimmed.is_empty() {
        return Err(format!("enter {}, such as {example}", range.name));
    }
    let number = match trimmed.strip_suffix('%') {
        Some(number) if !range.probability => number.trim_end(),
        _ => trimmed,
    };
    let kind = if range.probability {
        "a probability"
    } else {
        "a percentage"
    };
    let written = Written::read(number, false)
        .ok_or_else(|| format!("\"{trimmed}\" is not {kind}; write it like {example}"))?;
    if written.fraction.len() > PERCENT_DECIMALS {
        return Err(format!(
            "use at most {PERCENT_DECIMALS} digits after the decimal point"
        ));
    }
    // Any value with more than four whole digits is out of every range; it is not read.
    let value = written.value(4).unwrap_or(Decimal::MAX);
    range.check(value)
}

/// [`parse_percent`] for the form field `field`, naming it in the error.
pub fn percent_field(
    field: &'static str,
    text: &str,
    range: PercentRange,
) -> Result<Decimal, FieldError> {
    parse_percent(text, range).map_err(|message| FieldError::on(field, message))
}

/// Reads a plain decimal from a JSON string or number; text that would need rounding to fit
/// a decimal is refused.
struct DecimalVisitor;

impl de::Visitor<'_> for DecimalVisitor {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a decimal string such as \"1200.00\"")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Decimal, E> {
        let trimmed = text.trim();
        let written = Written::read(trimmed, false)
            .ok_or_else(|| E::custom(format!("\"{text}\" is not a decimal number")))?;
        written
            .value(28)
            .ok_or_else(|| E::custom(format!("\"{trimmed}\" has more digits than can be kept")))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Decimal, E> {
        Ok(Decimal::from(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Decimal, E> {
        Ok(Decimal::from(value))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Decimal, E> {
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

    /// Reads the decimal from a string or a number, refusing digits it could not keep.
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
    fn percentages_always_show_two_decimals() {
        assert_eq!(format_percent(dec("8")), "8.00%");
        assert_eq!(format_percent(dec("8.0")), "8.00%");
        assert_eq!(format_percent(dec("11.75")), "11.75%");
        assert_eq!(format_percent(dec("-0.88")), "-0.88%");
        assert_eq!(format_percent(dec("2.125")), "2.12%");
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

    #[test]
    fn the_largest_amount_is_accepted_and_one_cent_more_is_refused() {
        assert_eq!(parse_amount("999,999,999,999.99").unwrap(), MAX_AMOUNT);
        assert_eq!(MAX_AMOUNT, dec("999999999999.99"));
        let refused = parse_amount("1,000,000,000,000.00").unwrap_err();
        assert_eq!(refused, "the amount must be at most 999,999,999,999.99");
        assert!(Amount::new(dec("1000000000000")).is_err());
        assert!(Amount::new(MAX_AMOUNT).is_ok());
    }

    #[test]
    fn a_thirty_digit_amount_is_refused_not_rounded() {
        let thirty = "123456789012345678901234567890";
        assert!(parse_amount(thirty).unwrap_err().contains("at most"));
        assert!(parse_amount(&format!("0.{thirty}"))
            .unwrap_err()
            .contains("two digits"));
        assert!(parse_amount(&format!("000000000000000000000{}", "1.50")).is_ok());
    }

    #[test]
    fn amounts_keep_exactly_two_decimals() {
        assert_eq!(parse_amount("7").unwrap().to_string(), "7.00");
        assert_eq!(parse_amount("7.5").unwrap().to_string(), "7.50");
        assert!(parse_amount("7.505").is_err());
    }

    #[test]
    fn the_json_reader_applies_the_same_limits() {
        let read = |json: &str| serde_json::from_str::<Amount>(json);
        assert_eq!(read("\"999999999999.99\"").unwrap().value(), MAX_AMOUNT);
        assert_eq!(read("999999999999.99").unwrap().value(), MAX_AMOUNT);
        for refused in [
            "\"1000000000000.00\"",
            "1000000000000",
            "\"123456789012345678901234567890\"",
            "123456789012345678901234567890",
            "\"1.001\"",
            "1.001",
            "-1",
            "\"-0.01\"",
            "1e300",
        ] {
            let error = read(refused).unwrap_err().to_string();
            assert!(
                error.contains("at most")
                    || error.contains("two digits")
                    || error.contains("negative"),
                "{refused}: {error}"
            );
        }
    }

    #[test]
    fn contract_rates_run_from_0_to_100_percent() {
        let rate = |text| parse_percent(text, PercentRange::RATE);
        assert_eq!(rate("0").unwrap(), Decimal::ZERO);
        assert_eq!(rate("100").unwrap(), Decimal::ONE_HUNDRED);
        assert_eq!(rate("8.5%").unwrap(), dec("8.5"));
        assert_eq!(
            rate("100.01").unwrap_err(),
            "the rate must be between 0% and 100%"
        );
        assert!(rate("-0.01").is_err());
        assert!(rate("123456789012345678901234567890").is_err());
        assert!(rate("8.12345").unwrap_err().contains("at most 4 digits"));
        assert!(rate("eight").unwrap_err().contains("not a percentage"));
    }

    #[test]
    fn probabilities_run_from_0_to_1() {
        let chance = |text| parse_percent(text, PercentRange::PROBABILITY.named("the chance"));
        assert_eq!(chance("0").unwrap(), Decimal::ZERO);
        assert_eq!(chance("1").unwrap(), Decimal::ONE);
        assert_eq!(
            chance("1.01").unwrap_err(),
            "the chance must be between 0 and 1"
        );
        assert!(chance("50%").unwrap_err().contains("not a probability"));
    }

    #[test]
    fn reference_rates_may_be_negative_down_to_minus_10() {
        let rate = |text| parse_percent(text, PercentRange::REFERENCE_RATE);
        assert_eq!(rate("-0.88").unwrap(), dec("-0.88"));
        assert!(rate("-10").is_ok());
        assert!(rate("-10.01").is_err());
    }

    #[test]
    fn field_helpers_name_the_field() {
        let refused = Amount::parse_field("amount", "1.234").unwrap_err();
        assert_eq!(refused.field_name(), Some("amount"));
        let refused = percent_field("annual_rate", "101", PercentRange::RATE).unwrap_err();
        assert_eq!(refused.field_name(), Some("annual_rate"));
    }

    #[test]
    fn plain_decimals_in_backups_are_never_rounded() {
        #[derive(serde::Deserialize)]
        struct Rate(#[serde(with = "decimal_string")] Decimal);
        let read = |json: &str| serde_json::from_str::<Rate>(json).map(|Rate(rate)| rate);
        assert_eq!(read("\"-0.88\"").unwrap(), dec("-0.88"));
        assert_eq!(read("4.25").unwrap(), dec("4.25"));
        assert!(read("\"0.12345678901234567890123456789\"").is_err());
        assert!(read("\"1e5\"").is_err());
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
