//! `/clients`: every client with its invoice count and what it owes, one figure per currency.

use crate::core::books::Books;
use crate::core::currency::Currency;
use crate::core::ids::link;
use crate::core::model::Client;
use crate::core::money::format_money;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// A client as the client list and the client page's header show it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ClientSummary {
    /// The client's id.
    pub id: String,
    /// The client's name.
    pub name: String,
    /// The contact person, or "—".
    pub contact: String,
    /// Created by the sample data.
    pub sample: bool,
    /// The client's page.
    pub href: String,
    /// How many invoices the client has, paid or not.
    pub invoice_count: usize,
    /// "1 invoice", "3 invoices".
    pub invoices_label: String,
    /// What the client owes today as one phrase, one figure per currency (never added across
    /// currencies): "€250.00 + £1,000.00", or "—" for nothing.
    pub owed_text: String,
    /// The sentence for the client's page: "Owes £1,000.00 today." or "Owes nothing today."
    pub owes_sentence: String,
}

impl ClientSummary {
    /// True when the client's name contains `search`, ignoring case (an empty search matches).
    pub fn matches(&self, search: &str) -> bool {
        let needle = search.trim().to_lowercase();
        needle.is_empty() || self.name.to_lowercase().contains(&needle)
    }
}

/// The one way a client's debt is summed and written: outstanding amounts per currency on
/// `today`, from the books' indexes (no scan of other clients' invoices or payments).
pub fn client_summary(books: &Books, client: &Client, today: NaiveDate) -> ClientSummary {
    let mut by_currency: BTreeMap<&Currency, Decimal> = BTreeMap::new();
    let mut invoice_count = 0;
    for invoice in books.invoices_of(&client.id) {
        invoice_count += 1;
        let outstanding = books
            .summary_of(&invoice.id, today)
            .map_or(Decimal::ZERO, |summary| summary.outstanding);
        if outstanding > Decimal::ZERO {
            *by_currency.entry(&invoice.currency).or_default() += outstanding;
        }
    }
    let phrase = by_currency
        .into_iter()
        .map(|(currency, amount)| format_money(amount, currency))
        .collect::<Vec<_>>()
        .join(" + ");
    let owes_sentence = if phrase.is_empty() {
        "Owes nothing today.".to_string()
    } else {
        format!("Owes {phrase} today.")
    };
    ClientSummary {
        id: client.id.clone(),
        name: client.name.clone(),
        contact: or_dash(&client.contact),
        sample: client.sample,
        href: link("clients", &client.id),
        invoice_count,
        invoices_label: match invoice_count {
            1 => "1 invoice".to_string(),
            count => format!("{count} invoices"),
        },
        owed_text: if phrase.is_empty() {
            "—".to_string()
        } else {
            phrase
        },
        owes_sentence,
    }
}

/// Every client, in the order they were added, with what each owes on `today`.
pub fn client_list(books: &Books, today: NaiveDate) -> Vec<ClientSummary> {
    books
        .clients
        .iter()
        .map(|client| client_summary(books, client, today))
        .collect()
}

/// The text, or "—" when it is blank.
pub fn or_dash(text: &str) -> String {
    if text.trim().is_empty() {
        "—".to_string()
    } else {
        text.to_string()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::core::backup;
    use crate::core::model::Invoice;
    use crate::core::money::Amount;
    use std::sync::Arc;

    pub(crate) fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    /// The contract example (Acme Ltd, INV-001 for £1,200.00 due 14 Feb 2026, £200.00 paid on
    /// 1 Mar 2026) with `more` invoices added for Acme Ltd and a second client with none.
    pub(crate) fn books_with(more: &[(&str, &str, &str, &str)]) -> Books {
        let text = include_str!("../../../tests/fixtures/contract-example.json");
        let mut ledger = backup::import(text).unwrap();
        for &(id, amount, currency, due) in more {
            let mut invoice: Invoice = ledger.invoices[0].clone();
            invoice.id = id.into();
            invoice.number = id.to_uppercase();
            invoice.amount = Amount::new(amount.parse().unwrap()).unwrap();
            invoice.currency = Currency::parse(currency).unwrap();
            invoice.due_date = day(due);
            ledger.invoices.push(invoice);
        }
        ledger.clients.push(Client::new("c2", "Bright Ideas GmbH"));
        Books::new(Arc::new(ledger))
    }

    #[test]
    fn what_a_client_owes_is_listed_per_currency_and_never_summed_across_them() {
        let books = books_with(&[
            ("i2", "250", "EUR", "2026-03-01"),
            ("i3", "100", "GBP", "2026-03-01"),
        ]);
        let list = client_list(&books, day("2026-03-16"));
        assert_eq!(
            list,
            [
                ClientSummary {
                    id: "c1".into(),
                    name: "Acme Ltd".into(),
                    contact: "Jo Bloggs".into(),
                    sample: false,
                    href: "/clients/c1".into(),
                    invoice_count: 3,
                    invoices_label: "3 invoices".into(),
                    owed_text: "€250.00 + £1,100.00".into(),
                    owes_sentence: "Owes €250.00 + £1,100.00 today.".into(),
                },
                ClientSummary {
                    id: "c2".into(),
                    name: "Bright Ideas GmbH".into(),
                    contact: "—".into(),
                    sample: false,
                    href: "/clients/c2".into(),
                    invoice_count: 0,
                    invoices_label: "0 invoices".into(),
                    owed_text: "—".into(),
                    owes_sentence: "Owes nothing today.".into(),
                },
            ]
        );
    }

    #[test]
    fn a_search_matches_part_of_the_name_in_any_case() {
        let books = books_with(&[]);
        let list = client_list(&books, day("2026-03-16"));
        let names = |search: &str| {
            list.iter()
                .filter(|client| client.matches(search))
                .map(|client| client.name.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(names(""), ["Acme Ltd", "Bright Ideas GmbH"]);
        assert_eq!(names("  ACME "), ["Acme Ltd"]);
        assert_eq!(names("ideas"), ["Bright Ideas GmbH"]);
        assert!(names("zebra").is_empty());
        assert_eq!(list[0].invoices_label, "1 invoice");
    }
}
