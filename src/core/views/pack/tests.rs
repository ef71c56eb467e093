use super::*;
use crate::core::views::timeline::tests::{case_books, day};
use std::sync::Arc;

fn pack_on(books: &Books, today: &str, include_paid_late: bool) -> EvidencePack {
    let options = InterestOptions {
        include_paid_late,
        ..InterestOptions::default()
    };
    evidence_pack(books, "c1", day(today), options).unwrap()
}

#[test]
fn the_parties_are_the_business_and_the_client_with_their_addresses() {
    let pack = pack_on(&case_books(), "2026-04-20", false);
    assert_eq!(pack.title, "Evidence pack: Acme Ltd");
    assert_eq!(pack.prepared, "Prepared on 20 April 2026");
    assert_eq!(
        (pack.client_name.as_str(), pack.client_href.as_str()),
        ("Acme Ltd", "/clients/c1")
    );
    assert_eq!(
        pack.parties,
        [
            Party {
                role: "Creditor",
                name: "Ada Studio".into(),
                lines: vec![
                    "1 High St".into(),
                    "London N1 1AA".into(),
                    "ada@example.com".into()
                ],
            },
            Party {
                role: "Debtor",
                name: "Acme Ltd".into(),
                lines: vec![
                    "Jo Bloggs".into(),
                    "2 Low Rd".into(),
                    "Leeds LS1 2AB".into(),
                    "jo@acme.test".into()
                ],
            },
        ]
    );
}

#[test]
fn the_statement_nets_payments_and_credit_notes_per_currency_and_never_across_them() {
    let pack = pack_on(&case_books(), "2026-04-20", false);
    let rows = |statement: &Statement| -> Vec<(String, String, String, String, String)> {
        statement
            .rows
            .iter()
            .map(|row| {
                (
                    row.number.clone(),
                    row.amount.clone(),
                    row.paid.clone(),
                    row.credits.clone(),
                    row.balance.plain.clone(),
                )
            })
            .collect()
    };
    assert_eq!(
        pack.statements
            .iter()
            .map(|s| s.currency.as_str())
            .collect::<Vec<_>>(),
        ["EUR", "GBP"]
    );
    let euros = &pack.statements[0];
    assert_eq!(
        rows(euros),
        [(
            "INV-003".into(),
            "€500.00".into(),
            "€0.00".into(),
            "€0.00".into(),
            "500.00".into()
        )]
    );
    assert_eq!(euros.total.plain, "500.00");
    let pounds = &pack.statements[1];
    assert_eq!(
        rows(pounds),
        [
            (
                "INV-001".into(),
                "£1,200.00".into(),
                "£400.00".into(),
                "£0.00".into(),
                "800.00".into()
            ),
            (
                "INV-002".into(),
                "£800.00".into(),
                "£0.00".into(),
                "£300.00".into(),
                "500.00".into()
            ),
            (
                "INV-004".into(),
                "£100.00".into(),
                "£0.00".into(),
                "£0.00".into(),
                "0.00".into()
            ),
        ]
    );
    assert_eq!(
        pounds.rows[2].note.as_deref(),
        Some("£100.00 written off on 10 Apr 2026")
    );
    assert_eq!(
        (
            pounds.amount.as_str(),
            pounds.paid.as_str(),
            pounds.credits.as_str()
        ),
        ("£2,100.00", "£400.00", "£300.00")
    );
    assert_eq!(
        pounds.total,
        MoneyFigure {
            text: "£1,300.00".into(),
            plain: "1300.00".into()
        }
    );
    let first = &pounds.rows[0];
    assert_eq!(
        (first.issued.as_str(), first.due.as_str()),
        ("15 Jan 2026", "14 Feb 2026")
    );
}

#[test]
fn the_chronology_is_numbered_in_date_order_and_every_letter_is_there_in_full() {
    let pack = pack_on(&case_books(), "2026-04-20", false);
    assert_eq!(pack.chronology.len(), 14);
    assert!(pack
        .chronology
        .iter()
        .enumerate()
        .all(|(at, event)| event.number == at + 1));
    assert!(pack
        .chronology
        .windows(2)
        .all(|pair| pair[0].entry.date_iso <= pair[1].entry.date_iso));
    assert_eq!(
        pack.letters,
        [LetterCopy {
            title: "Letter 1".into(),
            sent: "Sent on 20 Mar 2026 by email · invoices INV-001, INV-002".into(),
            subject: "Final notice: £1,800.00 overdue to Ada Studio".into(),
            body: "Dear Jo Bloggs,\n\nInvoices INV-001 (£1,000.00) and INV-002 (£800.00) are overdue.\nPlease pay £1,800.00 by 3 April 2026.\n\nYours sincerely,\nAda Studio".into(),
        }]
    );
    assert_eq!(
        pack.letters_untexted.as_deref(),
        Some("One letter was logged without its text (20 Feb 2026); see the chronology.")
    );
}

#[test]
fn promises_and_disputes_are_listed_with_their_outcomes() {
    let pack = pack_on(&case_books(), "2026-04-20", false);
    let promises: Vec<(&str, &str, &str, &str, &str, &str)> = pack
        .promises
        .iter()
        .map(|p| {
            (
                p.made_on.as_str(),
                p.by.as_str(),
                p.on.as_str(),
                p.amount.as_str(),
                p.paid.as_str(),
                p.state.id.as_str(),
            )
        })
        .collect();
    assert_eq!(
        promises,
        [
            (
                "3 Mar 2026",
                "Jo Bloggs, by phone",
                "INV-001",
                "£500.00",
                "£200.00",
                "part-kept"
            ),
            (
                "6 Apr 2026",
                "Jo Bloggs, by e-mail",
                "Account",
                "£500.00",
                "£0.00",
                "pending"
            ),
        ]
    );
    assert_eq!(
        pack.disputes,
        [DisputeRow {
            opened_on: "5 Mar 2026".into(),
            invoice: "INV-002".into(),
            reason: "Two pages were not delivered".into(),
            amount: "£300.00".into(),
            outcome: "Resolved on 2 Apr 2026. Upheld: the disputed part is credited or written off. The pages were missing".into(),
            state: Badge {
                id: "upheld".into(),
                label: "Upheld".into(),
                tone: crate::core::views::settlement::Tone::Good
            },
        }]
    );
    assert!(pack.plans.is_empty());
}

#[test]
fn interest_is_claimed_per_open_invoice_and_optionally_on_invoices_paid_late() {
    let books = case_books();
    let pack = pack_on(&books, "2026-04-20", false);
    let numbers = |pack: &EvidencePack| -> Vec<(String, Vec<String>)> {
        pack.interest
            .iter()
            .map(|g| {
                (
                    g.currency.clone(),
                    g.claims.iter().map(|c| c.number.clone()).collect(),
                )
            })
            .collect()
    };
    // The written-off INV-004 carries no claim.
    assert_eq!(
        numbers(&pack),
        [
            ("EUR".to_string(), vec!["INV-003".to_string()]),
            (
                "GBP".to_string(),
                vec!["INV-001".to_string(), "INV-002".to_string()]
            ),
        ]
    );
    let inv_001 = &pack.interest[1].claims[0];
    assert_eq!(inv_001.interest.rule, "UK Late Payment Act");
    assert!(inv_001.interest.citation.contains("1998"));
    assert!(!inv_001.interest.rows.is_empty());
    assert_eq!(inv_001.outstanding, "£800.00");

    // INV-002 paid in full on 19 April, after its due date.
    let mut ledger = (**books.ledger()).clone();
    ledger.payments.push(crate::core::model::Payment {
        id: "p9".into(),
        invoice_id: "i2".into(),
        date: day("2026-04-19"),
        amount: crate::core::money::Amount::parse("500.00").unwrap(),
        method: String::new(),
        note: String::new(),
    });
    let books = Books::new(Arc::new(ledger));
    assert_eq!(
        numbers(&pack_on(&books, "2026-04-20", false))[1].1,
        ["INV-001"]
    );
    let with_paid_late = pack_on(&books, "2026-04-20", true);
    assert!(with_paid_late.include_paid_late);
    let claims = &with_paid_late.interest[1].claims;
    assert_eq!(
        claims.iter().map(|c| c.number.as_str()).collect::<Vec<_>>(),
        ["INV-001", "INV-002"]
    );
    assert_eq!(
        claims[1].note,
        "Paid in full after the due date; interest and compensation remain claimable."
    );
    assert_eq!(claims[1].outstanding, "£0.00");
}

#[test]
fn a_client_with_no_case_has_empty_sections_and_an_unknown_client_no_pack() {
    let books = case_books();
    let pack = evidence_pack(&books, "c2", day("2026-04-20"), InterestOptions::default()).unwrap();
    assert!(pack.statements.is_empty());
    assert!(pack.interest.is_empty());
    assert!(pack.chronology.is_empty());
    assert!(pack.letters.is_empty());
    assert_eq!(pack.letters_untexted, None);
    assert!(pack.promises.is_empty() && pack.disputes.is_empty() && pack.plans.is_empty());
    assert_eq!(pack.parties[1].lines, Vec::<String>::new());
    assert!(evidence_pack(
        &books,
        "nobody",
        day("2026-04-20"),
        InterestOptions::default()
    )
    .is_none());
}
