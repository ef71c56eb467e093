//! The payment schedule as an iCalendar file (RFC 5545), one all-day event per instalment.
//!
//! Text is escaped and stripped of control characters, lines are folded at 75 octets on
//! character boundaries, and a date outside 1900–2199 is refused rather than written.

use crate::core::dates::{format_basic, in_range};
use crate::core::error::FieldError;
use crate::core::model::Instalment;

/// A TEXT value (RFC 5545 §3.3.11): `\`, `;` and `,` escaped, a line break written `\n`, and
/// every other control character (CR, NUL, DEL and the rest of C0) removed.
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.replace("\r\n", "\n").chars() {
        match c {
            '\\' | ';' | ',' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A value that must stay on one line, such as a UID: escaped like [`text`], line breaks removed.
fn one_line(value: &str) -> String {
    text(&value.replace(['\r', '\n'], ""))
}

/// Folds a content line at 75 octets, never inside a UTF-8 character.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 37);
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out
}

/// Turns an RFC 3339 UTC time (`2026-11-23T09:00:00Z`, fractions ignored) into an iCalendar
/// stamp (`20261123T090000Z`); empty when the text holds no such time.
pub fn stamp(rfc3339: &str) -> String {
    let digits: String = rfc3339
        .chars()
        .take_while(|c| *c != '.' && *c != 'Z')
        .filter(char::is_ascii_digit)
        .collect();
    if digits.len() == 14 {
        format!("{}T{}Z", &digits[..8], &digits[8..])
    } else {
        String::new()
    }
}

/// True for a stamp shaped `YYYYMMDDTHHMMSSZ`.
fn is_stamp(stamp: &str) -> bool {
    let bytes = stamp.as_bytes();
    bytes.len() == 16
        && bytes[8] == b'T'
        && bytes[15] == b'Z'
        && bytes[..8]
            .iter()
            .chain(&bytes[9..15])
            .all(u8::is_ascii_digit)
}

/// The calendar. `stamp` is the creation time in UTC (`20261123T090000Z`) from the caller.
///
/// Refused (naming `first_date`) when an instalment falls outside 1900–2199, and (naming
/// `stamp`) when the stamp is not a UTC date-time.
pub fn calendar(
    plan_id: &str,
    title: &str,
    schedule: &[(Instalment, String)],
    stamp: &str,
) -> Result<String, FieldError> {
    if !is_stamp(stamp) {
        return Err(FieldError::on(
            "stamp",
            format!(
                "\"{}\" is not a UTC time such as 20261123T090000Z",
                one_line(stamp)
            ),
        ));
    }
    if let Some((late, _)) = schedule.iter().find(|(i, _)| !in_range(i.date)) {
        return Err(FieldError::on(
            "first_date",
            format!(
                "payment {} would fall outside 1900–2199; choose an earlier first date or fewer instalments",
                late.number
            ),
        ));
    }
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".into(),
        "PRODID:-//Overdue//Settlement plan//EN".into(),
        "CALSCALE:GREGORIAN".into(),
    ];
    for (instalment, amount) in schedule {
        let number = instalment.number;
        lines.extend([
            "BEGIN:VEVENT".to_string(),
            format!(
                "UID:{}",
                one_line(&format!("{plan_id}-{number}@overdue.local"))
            ),
            format!("DTSTAMP:{stamp}"),
            format!("DTSTART;VALUE=DATE:{}", format_basic(instalment.date)),
            format!(
                "SUMMARY:{}",
                text(&format!(
                    "{title}: payment {number} of {}, {amount}",
                    schedule.len()
                ))
            ),
            "BEGIN:VALARM".into(),
            "TRIGGER:-P1D".into(),
            "ACTION:DISPLAY".into(),
            format!(
                "DESCRIPTION:{}",
                text(&format!("Payment {number} of {amount} is due tomorrow"))
            ),
            "END:VALARM".into(),
            "END:VEVENT".into(),
        ]);
    }
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for line in &lines {
        out.push_str(&fold(line));
        out.push_str("\r\n");
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use rust_decimal::Decimal;

    fn instalment(number: u32, year: i32) -> (Instalment, String) {
        let instalment = Instalment {
            number,
            date: NaiveDate::from_ymd_opt(year, 1, 15).unwrap(),
            amount: Decimal::ONE_HUNDRED,
        };
        (instalment, "£100.00".to_string())
    }

    const STAMP: &str = "20261123T090000Z";

    /// Every physical line of the file, with the folds undone.
    fn unfolded(ics: &str) -> Vec<String> {
        ics.replace("\r\n ", "")
            .split("\r\n")
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn text_values_escape_specials_and_drop_control_characters() {
        assert_eq!(text("a\\b;c,d"), "a\\\\b\\;c\\,d");
        assert_eq!(text("one\r\ntwo\nthree"), "one\\ntwo\\nthree");
        assert_eq!(text("nul\0bell\u{7}cr\rdel\u{7f}"), "nulbellcrdel");
        assert_eq!(one_line("id\r\nDTSTART:1"), "idDTSTART:1");
    }

    #[test]
    fn a_hostile_title_and_plan_id_cannot_add_properties() {
        let ics = calendar(
            "p1\r\nATTACH:http://evil",
            "Acme\r\nEND:VEVENT\nBEGIN:VEVENT\0",
            &[instalment(1, 2026)],
            STAMP,
        )
        .unwrap();
        let lines = unfolded(&ics);
        assert!(lines.iter().all(|l| !l.starts_with("ATTACH")));
        assert_eq!(lines.iter().filter(|l| *l == "BEGIN:VEVENT").count(), 1);
        assert!(lines.contains(&"UID:p1ATTACH:http://evil-1@overdue.local".to_string()));
        assert!(!ics.contains('\0'));
        assert!(!ics.replace("\r\n", "").contains(['\r', '\n']));
    }

    #[test]
    fn non_ascii_titles_fold_at_75_octets_on_character_boundaries() {
        let title = "Zürich Café ✓ 日本語のタイトル".repeat(6);
        let ics = calendar("p1", &title, &[instalment(1, 2026)], STAMP).unwrap();
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        assert!(unfolded(&ics).iter().any(|l| l.contains(&title)));
    }

    #[test]
    fn dates_outside_1900_to_2199_are_refused_not_written() {
        let refused = calendar(
            "p1",
            "t",
            &[instalment(1, 2199), instalment(2, 2200)],
            STAMP,
        )
        .unwrap_err();
        assert_eq!(refused.field_name(), Some("first_date"));
        assert!(refused.to_string().contains("payment 2"));
        assert!(calendar("p1", "t", &[instalment(1, 1899)], STAMP).is_err());
        assert!(calendar("p1", "t", &[instalment(1, 1900)], STAMP).is_ok());
    }

    #[test]
    fn the_stamp_must_be_a_utc_time() {
        assert_eq!(stamp("2026-11-23T09:00:00.123Z"), STAMP);
        assert_eq!(stamp("garbage"), "");
        let refused = calendar("p1", "t", &[instalment(1, 2026)], "2026\r\nX").unwrap_err();
        assert_eq!(refused.field_name(), Some("stamp"));
    }
}
