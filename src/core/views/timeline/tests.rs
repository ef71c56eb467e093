use super::*;
use crate::core::backup;
use std::sync::Arc;

/// Acme Ltd's case file (the e2e fixture): letters, a call, two promises, an upheld dispute
/// with its credit note, a pause, a write-off and a note.
pub(crate) fn case_books() -> Books {
    let text = include_str!("../../../../tests/e2e/fixtures/case.json");
    Books::new(Arc::new(backup::import(text).unwrap()))
}

pub(crate) fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn lines(entries: &[TimelineEntry]) -> Vec<(&str, &str, &str)> {
    entries
        .iter()
        .map(|e| (e.date_iso.as_str(), e.kind.as_str(), e.summary.as_str()))
        .collect()
}

#[test]
fn the_chronology_combines_every_record_of_the_case_in_date_order() {
    let books = case_books();
    let entries = chronology(&books, "c1", day("2026-04-20"));
    assert_eq!(
        lines(&entries),
        [
            ("2026-02-20", "letter", "Friendly reminder sent by email"),
            ("2026-03-01", "payment", "£200.00 received for invoice INV-001 by bank transfer"),
            ("2026-03-03", "promise", "Jo Bloggs promised £500.00 by 10 Mar 2026 (phone)"),
            ("2026-03-03", "call", "Called Jo: cash flow is tight this month"),
            ("2026-03-05", "dispute", "Dispute of invoice INV-002 opened (£300.00): Two pages were not delivered"),
            ("2026-03-12", "payment", "£200.00 received for invoice INV-001 by bank transfer"),
            ("2026-03-14", "promise", "Promise of £500.00 by 10 Mar 2026 part-kept: £200.00 received by 13 Mar 2026"),
            ("2026-03-20", "pause", "Chasing of invoice INV-003 paused until 10 Apr 2026: Client on leave"),
            ("2026-03-20", "letter", "“Final notice: £1,800.00 overdue to Ada Studio” sent by email"),
            ("2026-04-02", "credit", "Credit note of £300.00 on invoice INV-002: Dispute upheld: two pages were not delivered"),
            ("2026-04-02", "dispute", "Dispute of invoice INV-002 resolved. Upheld: the disputed part is credited or written off. The pages were missing"),
            ("2026-04-06", "promise", "Jo Bloggs promised £500.00 by 30 Apr 2026 (e-mail): Once their client pays them"),
            ("2026-04-10", "write-off", "Invoice INV-004 written off (£100.00): Too small to chase"),
            ("2026-04-15", "note", "Jo asked whether a payment plan is possible"),
        ]
    );
}

#[test]
fn a_letter_sent_for_two_invoices_is_one_entry_with_its_exact_text() {
    let books = case_books();
    let entries = chronology(&books, "c1", day("2026-04-20"));
    let letter = entries.iter().find(|e| e.key == "letter:l1").unwrap();
    assert_eq!(letter.invoices, "INV-001, INV-002");
    assert_eq!(
        letter.letter,
        Some(LetterText {
            subject: "Final notice: £1,800.00 overdue to Ada Studio".into(),
            body: "Dear Jo Bloggs,\n\nInvoices INV-001 (£1,000.00) and INV-002 (£800.00) are overdue.\nPlease pay £1,800.00 by 3 April 2026.\n\nYours sincerely,\nAda Studio".into(),
        })
    );
    assert_eq!(entries.iter().filter(|e| e.kind == "letter").count(), 2);
}

#[test]
fn promises_disputes_and_pauses_carry_their_outcome_as_a_badge() {
    let books = case_books();
    let entries = chronology(&books, "c1", day("2026-04-20"));
    let badge_of = |key: &str| {
        let entry = entries.iter().find(|e| e.key == key).unwrap();
        entry
            .badge
            .as_ref()
            .map(|b| (b.id.as_str(), b.label.as_str(), b.tone))
    };
    assert_eq!(
        badge_of("promise:pr1"),
        Some(("part-kept", "Part-kept", Tone::Bad))
    );
    assert_eq!(
        badge_of("promise:pr1:outcome"),
        Some(("part-kept", "Part-kept", Tone::Bad))
    );
    assert_eq!(
        badge_of("promise:pr2"),
        Some(("pending", "Pending", Tone::Waiting))
    );
    assert_eq!(
        badge_of("dispute:d1"),
        Some(("upheld", "Resolved: upheld", Tone::Good))
    );
    assert_eq!(badge_of("pause:pa1"), Some(("ended", "Ended", Tone::Good)));
    assert!(entries.iter().all(|e| e.key != "promise:pr2:outcome"));
    // On 25 March the pause was still running.
    let earlier = chronology(&books, "c1", day("2026-03-25"));
    let pause = earlier.iter().find(|e| e.key == "pause:pa1").unwrap();
    assert_eq!(pause.badge.as_ref().map(|b| b.id.as_str()), Some("active"));
}

#[test]
fn a_kept_promise_is_kept_on_the_day_the_last_payment_arrived() {
    let books = case_books();
    let mut ledger = (**books.ledger()).clone();
    ledger.payments.push(crate::core::model::Payment {
        id: "p4".into(),
        invoice_id: "i1".into(),
        date: day("2026-03-13"),
        amount: crate::core::money::Amount::parse("300.00").unwrap(),
        method: String::new(),
        note: String::new(),
    });
    let books = Books::new(Arc::new(ledger));
    let entries = chronology(&books, "c1", day("2026-04-20"));
    let outcome = entries
        .iter()
        .find(|e| e.key == "promise:pr1:outcome")
        .unwrap();
    assert_eq!(
        (outcome.date_iso.as_str(), outcome.summary.as_str()),
        ("2026-03-13", "Promise of £500.00 by 10 Mar 2026 kept")
    );
}

#[test]
fn the_client_page_timeline_is_newest_first_and_filters_by_kind_and_invoice() {
    let books = case_books();
    let today = day("2026-04-20");
    let all = timeline(&books, "c1", &TimelineFilter::default(), today);
    assert_eq!(all.count, "14 entries");
    assert_eq!(
        all.entries.first().map(|e| e.date_iso.as_str()),
        Some("2026-04-15")
    );
    assert_eq!(
        all.entries.last().map(|e| e.date_iso.as_str()),
        Some("2026-02-20")
    );
    assert_eq!(
        all.kinds
            .iter()
            .map(|(kind, _)| kind.as_str())
            .collect::<Vec<_>>(),
        [
            "",
            "letter",
            "call",
            "note",
            "promise",
            "dispute",
            "payment",
            "credit",
            "pause",
            "write-off"
        ]
    );
    assert_eq!(
        all.invoices,
        [
            ("".to_string(), "All invoices".to_string()),
            ("i1".into(), "Invoice INV-001".into()),
            ("i2".into(), "Invoice INV-002".into()),
            ("i3".into(), "Invoice INV-003".into()),
            ("i4".into(), "Invoice INV-004".into()),
        ]
    );

    let promises = TimelineFilter {
        kind: "promise".into(),
        invoice: String::new(),
    };
    let shown = timeline(&books, "c1", &promises, today);
    assert_eq!(
        shown
            .entries
            .iter()
            .map(|e| e.key.as_str())
            .collect::<Vec<_>>(),
        ["promise:pr2", "promise:pr1:outcome", "promise:pr1"]
    );
    assert_eq!(shown.count, "3 of 14 entries");

    // INV-002: its dispute, the client letter that listed it and its credit note, and the
    // promise on the account in pounds.
    let inv_002 = TimelineFilter {
        kind: String::new(),
        invoice: "i2".into(),
    };
    let shown = timeline(&books, "c1", &inv_002, today);
    assert_eq!(
        shown
            .entries
            .iter()
            .map(|e| e.key.as_str())
            .collect::<Vec<_>>(),
        [
            "promise:pr2",
            "dispute:d1:resolution",
            "payment:p3",
            "letter:l1",
            "dispute:d1"
        ]
    );

    let nothing = TimelineFilter {
        kind: "call".into(),
        invoice: "i3".into(),
    };
    let shown = timeline(&books, "c1", &nothing, today);
    assert!(shown.entries.is_empty());
    assert_eq!(shown.empty, "No entry matches this filter.");
}

#[test]
fn a_client_with_nothing_logged_says_so() {
    let books = case_books();
    let shown = timeline(&books, "c2", &TimelineFilter::default(), day("2026-04-20"));
    assert!(shown.entries.is_empty());
    assert_eq!(shown.count, "0 entries");
    assert_eq!(
        shown.empty,
        "Nothing logged yet. Record calls, promises and letters here so the history is documented."
    );
    assert_eq!(shown.kinds, [(String::new(), "All kinds".to_string())]);
}
