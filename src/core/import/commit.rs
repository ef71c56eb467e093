//! Writing a preview: one function that builds the whole new ledger, all or nothing.

use super::matching::normal;
use super::plan::{ClientRef, InvoicePlan, Plan, Target};
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
    if plan.is_empty() {
        return Ok(ledger.clone());
    }
    let mut writer = Writer {
        before: ledger,
        next: ledger.clone(),
        taken: Taken::new(ledger),
        ids,
        client_ids: Vec::with_capacity(plan.clients.len()),
        positions: ledger
            .invoices
            .iter()
            .enumerate()
            .map(|(at, i)| (i.id.clone(), at))
            .collect(),
        numbers: ledger
            .invoices
            .iter()
            .map(|i| (i.client_id.clone(), normal(&i.number)))
            .collect(),
        removed: HashSet::new(),
    };
    writer.add_clients(plan)?;
    for change in &plan.invoices {
        let at = writer.place_invoice(&change.target)?;
        writer.payments(at, change)?;
    }
    let Writer {
        mut next, removed, ..
    } = writer;
    next.payments
        .retain(|payment| !removed.contains(&payment.id));
    next.note_change(today);
    Ok(next)
}

/// The ledger being built, with the ids handed out so far.
struct Writer<'a> {
    before: &'a Ledger,
    next: Ledger,
    taken: Taken,
    ids: &'a mut dyn IdSource,
    client_ids: Vec<String>,
    positions: HashMap<String, usize>,
    numbers: HashSet<(String, String)>,
    removed: HashSet<String>,
}

impl Writer<'_> {
    fn add_clients(&mut self, plan: &Plan) -> Result<(), FieldError> {
        for new in &plan.clients {
            let id = self.taken.next(RecordKind::Client, self.ids);
            let mut client = Client::new(id, new.name.clone());
            client.email = new.email.clone();
            client.source = Some(new.source.clone());
            client.validate()?;
            self.client_ids.push(client.id.clone());
            self.next.clients.push(client);
        }
        Ok(())
    }

    /// Adds or replaces the invoice; its position in the new ledger.
    fn place_invoice(&mut self, target: &Target) -> Result<usize, FieldError> {
        match target {
            Target::New { client, invoice } => {
                let mut invoice = (**invoice).clone();
                invoice.client_id = match client {
                    ClientRef::Existing(id) if self.before.client(id).is_some() => id.clone(),
                    ClientRef::New(index) => self.client_ids.get(*index).ok_or_else(stale)?.clone(),
                    ClientRef::Existing(_) => return Err(stale()),
                };
                if !self
                    .numbers
                    .insert((invoice.client_id.clone(), normal(&invoice.number)))
                {
                    return Err(stale());
                }
                invoice.id = self.taken.next(RecordKind::Invoice, self.ids);
                invoice.validate()?;
                self.next.invoices.push(invoice);
                Ok(self.next.invoices.len() - 1)
            }
            Target::Existing { before, after } => {
                let at = *self.positions.get(&before.id).ok_or_else(stale)?;
                if self.next.invoices[at] != **before {
                    return Err(stale());
                }
                after.validate()?;
                self.next.invoices[at] = (**after).clone();
                Ok(at)
            }
        }
    }

    fn payments(&mut self, at: usize, change: &InvoicePlan) -> Result<(), FieldError> {
        for id in &change.remove {
            if self.before.payment(id).is_none() {
                return Err(stale());
            }
            self.removed.insert(id.clone());
        }
        for new in &change.add {
            let payment = Payment {
                id: self.taken.next(RecordKind::Payment, self.ids),
                invoice_id: self.next.invoices[at].id.clone(),
                date: new.date,
                amount: new.amount,
                method: new.method.clone(),
                note: new.note.clone(),
            };
            if new.undated {
                if let Some(source) = self.next.invoices[at].source.as_mut() {
                    source.undated_payments.push(payment.id.clone());
                }
            }
            self.next.payments.push(payment);
        }
        Ok(())
    }
}
