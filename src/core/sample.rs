//! Sample data: a small design studio's clients and invoices, to explore the app with.
//!
//! The data is generated relative to `today`, so every aging bucket has something in it,
//! and it is deterministic: the same day always gives the same records.

use crate::core::currency::Currency;
use crate::core::dates::add_days;
use crate::core::ids::Sequential;
use crate::core::ladder::LadderStep;
use crate::core::ledger::Ledger;
use crate::core::model::{
    activity_kind, Activity, Client, Dispute, InterestTerms, Invoice, Pause, Payment, Promise,
    RuleKind,
};
use crate::core::money::Amount;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// (name, contact, e-mail, address, currency, consumer)
const CLIENTS: [(&str, &str, &str, &str, &str, bool); 8] = [
    (
        "Acme Widgets Ltd",
        "Jo Bloggs",
        "jo@acme-widgets.example.com",
        "2 Low Road\nLeeds LS1 4AP",
        "GBP",
        false,
    ),
    (
        "Brightwater Cafés",
        "Priya Shah",
        "accounts@brightwater.example.com",
        "18 Quay Street\nBristol BS1 4DH",
        "GBP",
        false,
    ),
    (
        "Northwind Architects",
        "Tom Reyes",
        "tom@northwind.example.com",
        "5 Mill Lane\nManchester M2 3HF",
        "GBP",
        false,
    ),
    (
        "Harbour & Pike LLP",
        "Emma Pike",
        "billing@harbourpike.example.com",
        "40 Chancery Lane\nLondon WC2A 1JA",
        "GBP",
        false,
    ),
    (
        "Kestrel Bikes GmbH",
        "Lena Vogt",
        "buchhaltung@kestrel.example.com",
        "Torstraße 12\n10119 Berlin\nGermany",
        "EUR",
        false,
    ),
    (
        "Maison Lumière SARL",
        "Claire Dubois",
        "compta@maison-lumiere.example.com",
        "7 rue des Arts\n69001 Lyon\nFrance",
        "EUR",
        false,
    ),
    (
        "Studio Verde BV",
        "Daan de Vries",
        "finance@studioverde.example.com",
        "Keizersgracht 100\n1015 CV Amsterdam\nNetherlands",
        "EUR",
        false,
    ),
    (
        "Sam Carter",
        "",
        "sam.carter@example.com",
        "9 Elm Close\nYork YO1 7HH",
        "GBP",
        true,
    ),
];

const WORK: [&str; 8] = [
    "Brand identity refresh",
    "Website design sprint",
    "Monthly retainer",
    "Product photography",
    "Packaging design",
    "Illustration set",
    "UX audit",
    "Print catalogue layout",
];

/// Adds the sample business's clients, invoices, payments and activities to `ledger`.
///
/// Every sample client is marked `sample`, so [`Ledger::remove_sample`] removes it all again.
/// Ids are assigned by the ledger and never clash with records already there.
pub fn add_sample(ledger: &mut Ledger, today: NaiveDate) {
    let ids = &mut Sequential::default();
    // Days before today each invoice was issued: five per client, spread over nine months.
    const ISSUED_AGO: [i64; 40] = [
        270, 200, 130, 60, 10, 255, 180, 105, 45, 5, 240, 160, 95, 40, 12, 225, 150, 85, 33, 3,
        210, 140, 75, 28, 8, 195, 125, 70, 20, 2, 185, 115, 65, 25, 14, 170, 100, 55, 18, 6,
    ];
    const AMOUNTS: [i64; 8] = [
        120_000, 45_000, 250_000, 87_500, 1_350_000, 64_000, 310_000, 99_900,
    ];
    let mut step = 0usize;
    for (client_index, (name, contact, email, address, currency, consumer)) in
        CLIENTS.iter().enumerate()
    {
        let client_id = ledger
            .save_client(
                Client {
                    id: String::new(),
                    name: (*name).into(),
                    contact: (*contact).into(),
                    email: (*email).into(),
                    address: (*address).into(),
                    notes: if *consumer {
                        "Private customer: statutory B2B interest does not apply.".into()
                    } else {
                        String::new()
                    },
                    consumer: *consumer,
                    sample: true,
                    source: None,
                },
                ids,
            )
            .unwrap_or_default();
        let currency = Currency::parse(currency).unwrap_or_default();
        let rule = match (currency.code(), consumer) {
            (_, true) => RuleKind::None,
            ("GBP", _) => RuleKind::UkLatePayment,
            _ if client_index == 4 => RuleKind::De,
            _ if client_index == 5 => RuleKind::Fr,
            _ => RuleKind::EuDirective,
        };
        for number in 0..5 {
            let position = client_index * 5 + number;
            let issued = add_days(today, -ISSUED_AGO[position]);
            let terms = if position % 3 == 0 { 14 } else { 30 };
            let cents = AMOUNTS[(position * 7 + client_index) % AMOUNTS.len()];
            let amount = Amount::new(Decimal::new(cents, 2)).unwrap_or_default();
            let invoice_id = ledger
                .save_invoice(
                    Invoice {
                        id: String::new(),
                        client_id: client_id.clone(),
                        number: format!("INV-{:03}", 101 + position),
                        issue_date: issued,
                        due_date: add_days(issued, terms),
                        amount,
                        currency: currency.clone(),
                        description: WORK[(position + client_index) % WORK.len()].into(),
                        disputed: false,
                        interest: Some(InterestTerms::rule(rule)),
                        write_off: None,
                        source: None,
                    },
                    ids,
                )
                .unwrap_or_default();
            if position == 12 {
                let dispute = Dispute {
                    id: String::new(),
                    client_id: String::new(),
                    invoice_id: invoice_id.clone(),
                    opened_on: add_days(issued, terms + 2),
                    reason: "The client says the second design round was not agreed".into(),
                    amount: Amount::new((amount.value() / Decimal::from(5)).round_dp(2)).ok(),
                    notes: String::new(),
                    resolution: None,
                };
                let _ = ledger.open_dispute(dispute, ids);
            }
            // The oldest invoices are mostly settled; some newer ones are part-paid.
            let payment = match position % 5 {
                0 if position % 2 == 0 => Some((amount.value(), 20)),
                1 if position % 3 == 0 => Some((amount.value(), 35)),
                2 => Some(((amount.value() / Decimal::from(4)).round_dp(2), 25)),
                _ => None,
            };
            if let Some((paid, after)) = payment {
                let date = add_days(issued, after).min(today);
                let _ = ledger.save_payment(
                    Payment {
                        id: String::new(),
                        invoice_id: invoice_id.clone(),
                        date,
                        amount: Amount::new(paid).unwrap_or_default(),
                        method: "bank transfer".into(),
                        note: String::new(),
                    },
                    false,
                    ids,
                );
            }
            step += 1;
            if step.is_multiple_of(4) && ISSUED_AGO[position] > 60 {
                let sent = add_days(issued, terms + 3);
                let summary = format!(
                    "Overdue reminder for INV-{:03} sent by e-mail",
                    101 + position
                );
                let letter = Activity {
                    invoice_id: Some(invoice_id.clone()),
                    step: Some(LadderStep::ReminderOverdue.id().into()),
                    channel: Some("email".into()),
                    ..Activity::new(&client_id, sent, activity_kind::LETTER, summary)
                };
                let _ = ledger.add_activity(letter, ids);
            }
            if position == 17 {
                // Promised on the phone 20 days ago to pay within a week: now broken.
                let promise = Promise {
                    id: String::new(),
                    client_id: client_id.clone(),
                    invoice_id: Some(invoice_id.clone()),
                    made_on: add_days(today, -20),
                    promised_by: "Accounts".into(),
                    amount,
                    currency: currency.clone(),
                    due: add_days(today, -13),
                    channel: "phone".into(),
                    note: "Promised on the phone to pay within a week".into(),
                };
                let _ = ledger.record_promise(promise, ids);
            }
            if position == 18 {
                // Promised two days ago to pay half within the week: the queue waits for it.
                let promise = Promise {
                    id: String::new(),
                    client_id: client_id.clone(),
                    invoice_id: Some(invoice_id.clone()),
                    made_on: add_days(today, -2),
                    promised_by: contact.to_string(),
                    amount: Amount::new((amount.value() / Decimal::from(2)).round_dp(2))
                        .unwrap_or(amount),
                    currency: currency.clone(),
                    due: add_days(today, 4),
                    channel: "email".into(),
                    note: "Half now, the rest with next month's run".into(),
                };
                let _ = ledger.record_promise(promise, ids);
            }
            if position == 22 {
                let pause = Pause {
                    id: String::new(),
                    client_id: client_id.clone(),
                    invoice_id: Some(invoice_id.clone()),
                    from: add_days(today, -3),
                    until: add_days(today, 9),
                    reason: "Awaiting the client's purchase order number".into(),
                };
                let _ = ledger.pause_chasing(pause, ids);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::aging::queue::{queue, Hold};
    use crate::core::books::Books;
    use std::sync::Arc;

    /// The sample shows each way the case file acts on the queue: a broken promise and a partly
    /// disputed invoice are chased, a pending promise and a pause wait.
    #[test]
    fn the_sample_case_file_shows_a_broken_promise_a_part_dispute_a_pending_promise_and_a_pause() {
        let today = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        let mut ledger = Ledger::default();
        add_sample(&mut ledger, today);
        let books = Books::new(Arc::new(ledger));
        let day = queue(&books, today);
        let reasons: Vec<String> = day.items.iter().map(|item| item.reason()).collect();
        assert!(
            reasons.iter().any(|r| r.contains("broke the promise")),
            "{reasons:?}"
        );
        assert!(
            reasons.iter().any(|r| r.contains("chasing the undisputed")),
            "{reasons:?}"
        );
        let holds: Vec<bool> = day.held.iter().map(|held| held.hold.is_pause()).collect();
        assert_eq!(holds, [false, true]);
        assert!(matches!(day.held[0].hold, Hold::Promised { .. }));
    }
}
