//! The invoice list (`/invoices`): which invoices a filter shows, in what order, and a search
//! cheap enough to run on every keystroke.
//!
//! [`InvoiceIndex`] is built once per ledger revision and day: every row formatted, sorted by
//! due date then id, with its lower-cased search text. A keystroke then only filters that index
//! ([`InvoiceIndex::list`]) and formats nothing.

use crate::core::books::Books;
use crate::core::ledger::InvoiceStatus;
use crate::core::views::rows::{invoice_row, InvoiceRow};
use chrono::NaiveDate;

/// Which invoices the list shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum InvoiceFilter {
    /// Something is still owed: open or part-paid.
    #[default]
    Unpaid,
    /// Paid in full.
    Paid,
    /// Written off.
    WrittenOff,
    /// Every invoice.
    All,
}

impl InvoiceFilter {
    /// Every filter, in the order the picker offers them.
    pub const ALL: [InvoiceFilter; 4] = [
        InvoiceFilter::Unpaid,
        InvoiceFilter::Paid,
        InvoiceFilter::WrittenOff,
        InvoiceFilter::All,
    ];

    /// The stable id, used as the picker's option value.
    pub fn id(self) -> &'static str {
        match self {
            InvoiceFilter::Unpaid => "unpaid",
            InvoiceFilter::Paid => "paid",
            InvoiceFilter::WrittenOff => "written-off",
            InvoiceFilter::All => "all",
        }
    }

    /// Looks a filter up by its id.
    pub fn from_id(id: &str) -> Option<InvoiceFilter> {
        InvoiceFilter::ALL
            .into_iter()
            .find(|filter| filter.id() == id)
    }

    /// A name for people.
    pub fn label(self) -> &'static str {
        match self {
            InvoiceFilter::Unpaid => "Unpaid",
            InvoiceFilter::Paid => "Paid",
            InvoiceFilter::WrittenOff => "Written off",
            InvoiceFilter::All => "All",
        }
    }

    /// True when an invoice in this status passes the filter.
    pub fn admits(self, status: InvoiceStatus) -> bool {
        match self {
            InvoiceFilter::Unpaid => {
                matches!(status, InvoiceStatus::Open | InvoiceStatus::PartPaid)
            }
            InvoiceFilter::Paid => status == InvoiceStatus::Paid,
            InvoiceFilter::WrittenOff => status == InvoiceStatus::WrittenOff,
            InvoiceFilter::All => true,
        }
    }
}

/// One invoice of the index: its row and the text a search looks in.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    row: InvoiceRow,
    /// The invoice number and the client's name, lower-cased.
    search_text: String,
}

/// Every invoice as a row, sorted by due date then id, ready to be filtered per keystroke.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InvoiceIndex {
    entries: Vec<Entry>,
}

/// What the list shows for a filter and a search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvoiceList {
    /// The first rows that match, at most the limit asked for.
    pub rows: Vec<InvoiceRow>,
    /// How many invoices match in all.
    pub matching: usize,
    /// The "show more" button's text, when more rows match than are shown.
    pub show_more: Option<String>,
}

impl InvoiceIndex {
    /// Formats every invoice of the books as it stands on `today` (one pass; each invoice's
    /// payments are read once, through the books' index).
    pub fn new(books: &Books, today: NaiveDate) -> InvoiceIndex {
        let mut entries: Vec<(NaiveDate, Entry)> = (0..books.invoices.len())
            .map(|at| {
                let row = invoice_row(books, at, today);
                let search_text = format!("{} {}", row.number, row.client_name).to_lowercase();
                (books.invoices[at].due_date, Entry { row, search_text })
            })
            .collect();
        entries.sort_by(|(due_a, a), (due_b, b)| {
            due_a.cmp(due_b).then_with(|| a.row.id.cmp(&b.row.id))
        });
        InvoiceIndex {
            entries: entries.into_iter().map(|(_, entry)| entry).collect(),
        }
    }

    /// True when there are no invoices at all.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The invoices passing `filter` whose number or client name contains `search` (any case),
    /// the first `limit` of them as rows.
    pub fn list(&self, filter: InvoiceFilter, search: &str, limit: usize) -> InvoiceList {
        let needle = search.trim().to_lowercase();
        let mut matching = self
            .entries
            .iter()
            .filter(|entry| filter.admits(entry.row.status) && entry.search_text.contains(&needle));
        let rows: Vec<InvoiceRow> = matching
            .by_ref()
            .take(limit)
            .map(|entry| entry.row.clone())
            .collect();
        let total = rows.len() + matching.count();
        InvoiceList {
            show_more: (total > rows.len())
                .then(|| format!("Show more ({} of {total} shown)", rows.len())),
            rows,
            matching: total,
        }
    }
}

/// The invoice list in one call: [`InvoiceIndex::new`] then [`InvoiceIndex::list`]. A page
/// that searches as the user types keeps the index in a memo instead.
pub fn invoice_list(
    books: &Books,
    filter: &InvoiceFilter,
    search: &str,
    today: NaiveDate,
    limit: usize,
) -> InvoiceList {
    InvoiceIndex::new(books, today).list(*filter, search, limit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ids::Sequential;
    use crate::core::ledger::Ledger;
    use crate::core::model::{Business, Client, Invoice, Payment};
    use crate::core::money::Amount;
    use rust_decimal::Decimal;
    use std::sync::Arc;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn invoice(id: &str, client_id: &str, number: &str, due: &str) -> Invoice {
        Invoice {
            id: id.into(),
            client_id: client_id.into(),
            number: number.into(),
            issue_date: day("2026-01-01"),
            due_date: day(due),
            amount: Amount::new(Decimal::new(10000, 2)).unwrap(),
            currency: crate::core::currency::Currency::parse("GBP").unwrap(),
            description: String::new(),
            disputed: false,
            interest: None,
            write_off: None,
            source: None,
        }
    }

    /// Four invoices: i1 paid, i2 part-paid, i3 open, i4 written off; i3 and i2 are due on the
    /// same day, so the id breaks the tie.
    fn books() -> Books {
        let mut ledger = Ledger::new(Business {
            name: "Ada Studio".into(),
            ..Business::default()
        });
        ledger.clients = vec![
            Client::new("c1", "Acme Ltd"),
            Client::new("c2", "Bolt GmbH"),
        ];
        ledger.invoices = vec![
            invoice("i1", "c1", "INV-001", "2026-02-01"),
            invoice("i3", "c2", "B-7", "2026-03-01"),
            invoice("i2", "c1", "INV-002", "2026-03-01"),
            invoice("i4", "c2", "B-8", "2026-01-15"),
        ];
        let payment = |id: &str, invoice_id: &str, cents: i64| Payment {
            id: id.into(),
            invoice_id: invoice_id.into(),
            date: day("2026-03-05"),
            amount: Amount::new(Decimal::new(cents, 2)).unwrap(),
            method: String::new(),
            note: String::new(),
        };
        ledger.payments = vec![payment("p1", "i1", 10000), payment("p2", "i2", 4000)];
        ledger
            .write_off(
                "i4",
                day("2026-03-06"),
                "Client closed down",
                &mut Sequential::default(),
            )
            .unwrap();
        Books::new(Arc::new(ledger))
    }

    fn ids(list: &InvoiceList) -> Vec<&str> {
        list.rows.iter().map(|row| row.id.as_str()).collect()
    }

    #[test]
    fn unpaid_means_open_or_part_paid_sorted_by_due_date_then_id() {
        let books = books();
        let list = invoice_list(&books, &InvoiceFilter::Unpaid, "", day("2026-03-10"), 50);
        assert_eq!(ids(&list), ["i2", "i3"]);
        assert_eq!(list.matching, 2);
        assert_eq!(list.show_more, None);
        assert_eq!(list.rows[0].status, InvoiceStatus::PartPaid);
        assert_eq!(list.rows[0].outstanding, "£60.00");
    }

    #[test]
    fn each_filter_shows_its_statuses() {
        let index = InvoiceIndex::new(&books(), day("2026-03-10"));
        let shown = |filter| ids(&index.list(filter, "", 50)).join(",");
        assert_eq!(shown(InvoiceFilter::Paid), "i1");
        assert_eq!(shown(InvoiceFilter::WrittenOff), "i4");
        assert_eq!(shown(InvoiceFilter::All), "i4,i1,i2,i3");
    }

    #[test]
    fn search_finds_the_number_or_the_client_in_any_case() {
        let index = InvoiceIndex::new(&books(), day("2026-03-10"));
        assert_eq!(
            ids(&index.list(InvoiceFilter::All, "inv-00", 50)),
            ["i1", "i2"]
        );
        assert_eq!(
            ids(&index.list(InvoiceFilter::All, " BOLT ", 50)),
            ["i4", "i3"]
        );
        let none = index.list(InvoiceFilter::Unpaid, "nobody", 50);
        assert_eq!((none.rows.len(), none.matching), (0, 0));
    }

    #[test]
    fn a_long_list_shows_the_first_rows_and_says_how_many_match() {
        let index = InvoiceIndex::new(&books(), day("2026-03-10"));
        let list = index.list(InvoiceFilter::All, "", 3);
        assert_eq!(ids(&list), ["i4", "i1", "i2"]);
        assert_eq!(list.matching, 4);
        assert_eq!(list.show_more.as_deref(), Some("Show more (3 of 4 shown)"));
    }

    #[test]
    fn before_a_payment_arrives_the_invoice_is_still_unpaid() {
        let index = InvoiceIndex::new(&books(), day("2026-03-04"));
        assert_eq!(
            ids(&index.list(InvoiceFilter::Unpaid, "", 50)),
            ["i4", "i1", "i2", "i3"]
        );
    }

    #[test]
    fn filters_round_trip_through_their_ids() {
        for filter in InvoiceFilter::ALL {
            assert_eq!(InvoiceFilter::from_id(filter.id()), Some(filter));
        }
        assert_eq!(InvoiceFilter::default(), InvoiceFilter::Unpaid);
    }
}
