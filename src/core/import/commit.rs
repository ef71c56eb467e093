//! Writing a preview: one function that builds the whole new ledger, all or nothing.

use super::plan::{ClientRef, Target};
use super::preview::Preview;
use crate::core::error::FieldError;
use crate::core::ids::{IdSource, RecordKind};
use crate::core::ledger::Ledger;
use crate::core::model::{Client, Payment};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

/// Ids already used, so new ones never clash.
struct Taken(HashSet<String>);

impl Taken {
    fn new(ledger: &Ledger) -> Taken {
        let ids = ledger
            .clients
            .iter()
            .map(|c| c.id.clone())
            .chain(ledger.invoices.iter().map(|i| i.id.clone()))
            .chain(ledger.payments.iter().map(|p| p.id.clone()))
            .collect();
        Taken(ids)
    }

    fn next(&mut self, kind: RecordKind, ids: &mut dyn IdSource) -> String {
        loop {
            let id = ids.next_id(kind);
            if self.0.insert(id.clone()) {
                return id;
            }
        }
    }
}

fn stale() -> FieldError {
    FieldError::on(
        "file",
        "The data changed since this preview; preview the file again before importing.",
    )
}

/// Builds the ledger with the preview's changes. The caller saves it in one save and keeps
/// `ledger` for "Undo import". Refuses, changing nothing, when the ledger changed since the
/// preview.
pub fn commit(
    ledger: &Ledger,
    preview: &Preview,
    ids: &mut dyn IdSource,
    today: NaiveDate,
) -> Result<Ledger, FieldError> {
    let plan = &preview.plan;
    let mut next = ledger.clone();
    if plan.is_empty() {
        return Ok(next);
    }
    let mut taken = Taken::new(ledger);
    let mut client_ids = Vec::with_capacity(plan.clients.len());
    for new in &plan.clients {
        let mut client = Client::new(taken.next(RecordKind::Client, ids), new.name.clone());
        client.email = new.email.clone();
        client.source = Some(new.source.clone());
        client.validate()?;
        client_ids.push(client.id.clone());
        next.clients.push(client);
    }
    let positions: HashMap<String, usize> = ledger
        .invoices
        .iter()
        .enumerate()
        .map(|(at, invoice)| (invoice.id.clone(), at))
        .collect();
    let payment_ids: HashSet<&str> = ledger.payments.iter().map(|p| p.id.as_str()).collect();
    let mut removed: HashSet<String> = HashSet::new();
    for change in &plan.invoices {
        let at = match &change.target {
            Target::New { client, invoice } => {
                let mut invoice = (**invoice).clone();
                invoice.client_id = match client {
                    ClientRef::Existing(id) if ledger.client(id).is_some() => id.clone(),
                    ClientRef::New(index) => client_ids.get(*index).ok_or_else(stale)?.clone(),
                    ClientRef::Existing(_) => return Err(stale()),
                };
                invoice.id = taken.next(RecordKind::Invoice, ids);
                invoice.validate()?;
                next.invoices.push(invoice);
                next.invoices.len() - 1
            }
            Target::Existing { before, after } => {
                let at = *positions.get(&before.id).ok_or_else(stale)?;
                if next.invoices[at] != **before {
                    return Err(stale());
                }
                after.validate()?;
                next.invoices[at] = (**after).clone();
                at
            }
        };
        for id in &change.remove {
            if !payment_ids.contains(id.as_str()) {
                return Err(stale());
            }
            removed.insert(id.clone());
        }
        for new in &change.add {
            let payment = Payment {
                id: taken.next(RecordKind::Payment, ids),
                invoice_id: next.invoices[at].id.clone(),
                date: new.date,
                amount: new.amount,
                method: new.method.clone(),
                note: new.note.clone(),
            };
            if new.undated {
                if let Some(source) = next.invoices[at].source.as_mut() {
                    source.undated_payments.push(payment.id.clone());
                }
            }
            next.payments.push(payment);
        }
    }
    next.payments
        .retain(|payment| !removed.contains(&payment.id));
    next.note_change(today);
    Ok(next)
}
