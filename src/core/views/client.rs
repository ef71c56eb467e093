//! `/clients/<id>`: one client's header figures, details, invoices and links (the timeline is
//! [`timeline`](crate::core::views::timeline)).

use crate::core::books::Books;
use crate::core::error::FieldError;
use crate::core::forms::ClientForm;
use crate::core::ids::link;
use crate::core::model::activity_kind;
use crate::core::views::clients::{client_summary, or_dash, ClientSummary};
use crate::core::views::rows::{invoice_row, InvoiceRow};
use chrono::NaiveDate;

/// One line of the client's details card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detail {
    /// What it is.
    pub label: &'static str,
    /// Its value, or "—".
    pub value: String,
    /// Keep its line breaks (addresses, notes).
    pub multiline: bool,
}

/// Everything the client page shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClientPage {
    /// The client's id.
    pub id: String,
    /// A consumer rather than a business.
    pub consumer: bool,
    /// The edit form, filled from the stored client.
    pub edit_form: ClientForm,
    /// Name, invoice count and what the client owes, as the client list shows them.
    pub summary: ClientSummary,
    /// The details card.
    pub details: Vec<Detail>,
    /// The client's invoices, in the order they were added.
    pub invoices: Vec<InvoiceRow>,
    /// The settlement planner for this client.
    pub settlement_href: String,
    /// The client's evidence pack.
    pub pack_href: String,
}

/// The kinds of timeline entry a person adds by hand, as (kind, label) for the picker.
pub const ACTIVITY_CHOICES: [(&str, &str); 4] = [
    (activity_kind::NOTE, "Note"),
    (activity_kind::CALL, "Phone call"),
    (activity_kind::PROMISE, "Promise to pay"),
    (activity_kind::LETTER, "Letter or e-mail sent"),
];

/// The question to confirm before deleting a client whose deletion core refused unconfirmed.
pub fn delete_question(name: &str, refusal: &FieldError) -> String {
    format!(
        "Delete {name}? {}. This cannot be undone.",
        capitalised(&refusal.to_string())
    )
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The client page for `client_id` on `today`, or `None` when there is no such client.
pub fn client_page(books: &Books, client_id: &str, today: NaiveDate) -> Option<ClientPage> {
    let client = books.client(client_id)?;
    let detail = |label, value: &str, multiline| Detail {
        label,
        value: or_dash(value),
        multiline,
    };
    Some(ClientPage {
        summary: client_summary(books, client, today),
        details: vec![
            detail("Contact", &client.contact, false),
            detail("E-mail", &client.email, false),
            detail("Address", &client.address, true),
            detail("Notes", &client.notes, true),
        ],
        invoices: books
            .invoices_of(client_id)
            .filter_map(|invoice| books.invoice_position(&invoice.id))
            .map(|at| invoice_row(books, at, today))
            .collect(),
        settlement_href: link("settlement", client_id),
        pack_href: format!("{}/pack", link("clients", client_id)),
        id: client.id.clone(),
        consumer: client.consumer,
        edit_form: ClientForm::from_record(client),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ledger::InvoiceStatus;
    use crate::core::views::clients::tests::{books_with, day};

    #[test]
    fn the_client_page_shows_details_invoices_and_its_links() {
        let books = books_with(&[("i2", "300", "GBP", "2026-04-30")]);
        let page = client_page(&books, "c1", day("2026-03-16")).unwrap();
        assert_eq!(page.summary.owes_sentence, "Owes £1,300.00 today.");
        assert_eq!(page.summary.invoices_label, "2 invoices");
        assert_eq!(
            page.details,
            [
                Detail {
                    label: "Contact",
                    value: "Jo Bloggs".into(),
                    multiline: false
                },
                Detail {
                    label: "E-mail",
                    value: "jo@acme.test".into(),
                    multiline: false
                },
                Detail {
                    label: "Address",
                    value: "2 Low Rd\nLeeds".into(),
                    multiline: true
                },
                Detail {
                    label: "Notes",
                    value: "—".into(),
                    multiline: true
                },
            ]
        );
        let invoices: Vec<(&str, &str, InvoiceStatus)> = page
            .invoices
            .iter()
            .map(|row| (row.number.as_str(), row.outstanding.as_str(), row.status))
            .collect();
        assert_eq!(
            invoices,
            [
                ("INV-001", "£1,000.00", InvoiceStatus::PartPaid),
                ("I2", "£300.00", InvoiceStatus::Open)
            ]
        );
        assert_eq!(page.settlement_href, "/settlement/c1");
        assert_eq!(page.pack_href, "/clients/c1/pack");
        assert_eq!((page.id.as_str(), page.consumer), ("c1", false));
        assert_eq!(page.edit_form.name, "Acme Ltd");
        assert!(client_page(&books, "nobody", day("2026-03-16")).is_none());
    }

    #[test]
    fn deleting_a_client_with_invoices_asks_with_what_goes_with_it() {
        let refusal = FieldError::NeedsConfirmation {
            invoices: 2,
            payments: 1,
        };
        assert_eq!(
            delete_question("Acme Ltd", &refusal),
            "Delete Acme Ltd? This client has 2 invoice(s) and 1 payment(s); deleting the client deletes them too. This cannot be undone."
        );
    }
}
