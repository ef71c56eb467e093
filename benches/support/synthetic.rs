//! The benchmarks' ledger: invoices over clients in GBP and EUR, a third of them part-paid.

use chrono::NaiveDate;
use overdue::core::currency::Currency;
use overdue::core::dates::add_days;
use overdue::core::ledger::Ledger;
use overdue::core::model::{Client, Invoice, Payment};
use overdue::core::money::Amount;
use rust_decimal::Decimal;

/// A ledger of `invoices` invoices over `invoices / 20` clients, a third of them part-paid.
pub fn synthetic(invoices: usize) -> Ledger {
    let mut ledger = Ledger::default();
    let start = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    let gbp = Currency::parse("GBP").unwrap();
    let eur = Currency::parse("EUR").unwrap();
    for client in 0..invoices / 20 {
        ledger.clients.push(Client::new(
            format!("c{client}"),
            format!("Client {client}"),
        ));
    }
    let mut seed: u64 = 42;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        seed >> 33
    };
    for index in 0..invoices {
        let issued = add_days(start, (next() % 600) as i64);
        let amount = Decimal::new((next() % 1_000_000 + 100) as i64, 2);
        ledger.invoices.push(Invoice {
            id: format!("i{index}"),
            client_id: format!("c{}", index % (invoices / 20)),
            number: format!("N{index}"),
            issue_date: issued,
            due_date: add_days(issued, 30),
            amount: Amount::new(amount).unwrap(),
            currency: if index % 4 == 0 {
                eur.clone()
            } else {
                gbp.clone()
            },
            description: String::new(),
            disputed: index % 97 == 0,
            interest: None,
            write_off: None,
            source: None,
        });
        if index % 3 == 0 {
            ledger.payments.push(Payment {
                id: format!("p{index}"),
                invoice_id: format!("i{index}"),
                date: add_days(issued, 20 + (next() % 60) as i64),
                amount: Amount::new((amount / Decimal::from(2)).round_dp(2)).unwrap(),
                method: String::new(),
                note: String::new(),
            });
        }
    }
    ledger
}
