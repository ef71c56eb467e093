//! The payment schedule as an iCalendar file (RFC 5545), one all-day event per instalment.

use crate::core::model::Instalment;

fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
}

/// Folds a content line at 75 octets, never inside a UTF-8 character.
fn fold(line: &str) -> String {
    let mut out = String::new();
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

/// Turns an RFC 3339 UTC time (`2026-11-23T09:00:00Z`) into an iCalendar stamp (`20261123T090000Z`).
pub fn stamp(rfc3339: &str) -> String {
    rfc3339
        .chars()
        .filter(|c| !matches!(c, '-' | ':'))
        .collect()
}

/// The calendar. `stamp` is the creation time in UTC (`20261123T090000Z`) from the caller.
pub fn calendar(
    plan_id: &str,
    title: &str,
    schedule: &[(Instalment, String)],
    stamp: &str,
) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".into(),
        "PRODID:-//Overdue//Settlement plan//EN".into(),
        "CALSCALE:GREGORIAN".into(),
    ];
    for (instalment, amount) in schedule {
        lines.extend([
            "BEGIN:VEVENT".to_string(),
            format!("UID:{plan_id}-{}@overdue.local", instalment.number),
            format!("DTSTAMP:{stamp}"),
            format!("DTSTART;VALUE=DATE:{}", instalment.date.format("%Y%m%d")),
            format!(
                "SUMMARY:{}",
                escape(&format!(
                    "{title}: payment {} of {}, {amount}",
                    instalment.number,
                    schedule.len()
                ))
            ),
            "BEGIN:VALARM".into(),
            "TRIGGER:-P1D".into(),
            "ACTION:DISPLAY".into(),
            format!(
                "DESCRIPTION:{}",
                escape(&format!(
                    "Payment {} of {amount} is due tomorrow",
                    instalment.number
                ))
            ),
            "END:VALARM".into(),
            "END:VEVENT".into(),
        ]);
    }
    lines.push("END:VCALENDAR".into());
    lines
        .iter()
        .map(|line| fold(line))
        .collect::<Vec<_>>()
        .join("\r\n")
        + "\r\n"
}
