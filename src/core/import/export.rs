//! Writing invoices and payments as Overdue's own CSV (the `overdue` layout, described in
//! the module documentation), which imports back unchanged.

use super::layout::OVERDUE_HEADER;
use crate::core::ledger::Ledger;
use crate::core::model::{Client, Invoice, Payment};
use crate::core::money::plain;
use rust_decimal::Decimal;
use std::collections::HashMap;

/// Writes every invoice, each followed by its payments in date order, as CSV with CRLF
/// line ends.
pub fn export_csv(ledger: &Ledger) -> String {
    let clients: HashMap<&str, &Client> =
        ledger.clients.iter().map(|c| (c.id.as_str(), c)).collect();
    let mut payments: HashMap<&str, Vec<&Payment>> = HashMap::new();
    for payment in &ledger.payments {
        payments
            .entry(payment.invoice_id.as_str())
            .or_default()
            .push(payment);
    }
    let mut out = String::with_capacity(128 * (ledger.invoices.len() + ledger.payments.len() + 1));
    write_row(&mut out, &OVERDUE_HEADER.map(String::from));
    for invoice in &ledger.invoices {
        let client = clients.get(invoice.client_id.as_str());
        let (name, email) = client.map_or(("", ""), |c| (c.name.as_str(), c.email.as_str()));
        let mut own = payments.remove(invoice.id.as_str()).unwrap_or_default();
        own.sort_by_key(|p| p.date);
        write_row(&mut out, &invoice_row(invoice, name, email, &own));
        for payment in own {
            write_row(&mut out, &payment_row(invoice, name, email, payment));
        }
    }
    out
}

fn invoice_row(invoice: &Invoice, name: &str, email: &str, payments: &[&Payment]) -> [String; 15] {
    let paid: Decimal = payments.iter().map(|p| p.amount.value()).sum();
    let balance = invoice.amount.value() - paid;
    let status = match (&invoice.write_off, paid) {
        (Some(_), _) => "written-off",
        (None, paid) if paid >= invoice.amount.value() => "paid",
        (None, paid) if paid > Decimal::ZERO => "part-paid",
        _ => "open",
    };
    let (date, note) = invoice
        .write_off
        .as_ref()
        .map_or((String::new(), String::new()), |w| {
            (w.date.to_string(), w.reason.clone())
        });
    [
        "invoice".into(),
        name.into(),
        email.into(),
        invoice.number.clone(),
        invoice.issue_date.to_string(),
        invoice.due_date.to_string(),
        invoice.amount.to_string(),
        invoice.currency.to_string(),
        plain(paid),
        plain(balance),
        status.into(),
        date,
        String::new(),
        note,
        invoice.description.clone(),
    ]
}

fn payment_row(invoice: &Invoice, name: &str, email: &str, payment: &Payment) -> [String; 15] {
    [
        "payment".into(),
        name.into(),
        email.into(),
        invoice.number.clone(),
        String::new(),
        String::new(),
        payment.amount.to_string(),
        invoice.currency.to_string(),
        String::new(),
        String::new(),
        String::new(),
        payment.date.to_string(),
        payment.method.clone(),
        payment.note.clone(),
        String::new(),
    ]
}

fn write_row(out: &mut String, cells: &[String]) {
    for (index, cell) in cells.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        let quote = cell.contains([',', '"', '\r', '\n'])
            || cell.starts_with(char::is_whitespace)
            || cell.ends_with(char::is_whitespace);
        if quote {
            out.push('"');
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(cell);
        }
    }
    out.push_str("\r\n");
}
