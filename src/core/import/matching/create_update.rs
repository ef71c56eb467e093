//! Adding a new invoice, or updating one already imported without overwriting hand edits.

use super::super::invoices::Incoming;
use super::super::payments::{plan_payments, PaidInvoice, PaymentChanges};
use super::super::plan::{ClientRef, Target};
use super::super::preview::{Action, PreviewRow, Problem, RowKind};
use super::super::rows::RowValues;
use super::Matcher;
use crate::core::model::{Invoice, WriteOff};
use crate::core::money::{format_money, Amount};
use std::fmt::Display;

/// Compares the file's values with the ledger's and the values last imported.
struct Edits {
    replace: bool,
    changes: Vec<String>,
    kept: Vec<String>,
}

impl Edits {
    /// The value to set, if any. A current value that differs from the one last imported
    /// was edited by hand: it is kept (and listed) unless the user asked to replace edits.
    fn field<T: PartialEq + Clone + Display>(
        &mut self,
        label: &str,
        current: &T,
        imported: Option<&T>,
        file: &T,
    ) -> Option<T> {
        if file == current || imported == Some(file) {
            return None;
        }
        if imported == Some(current) {
            self.changes.push(format!("{label}: {current} → {file}"));
            return Some(file.clone());
        }
        if self.replace {
            self.changes.push(format!(
                "{label}: {current} → {file} (replaces a value edited in Overdue)"
            ));
            return Some(file.clone());
        }
        self.kept.push(format!(
            "{label} was edited in Overdue ({current}); the file says {file}; {current} is kept"
        ));
        None
    }
}

fn describe_payments(
    changes: &PaymentChanges,
    currency: &crate::core::currency::Currency,
) -> Vec<String> {
    let mut lines: Vec<String> = changes
        .add
        .iter()
        .map(|p| {
            format!(
                "new payment of {} dated {}",
                format_money(p.amount.value(), currency),
                p.date
            )
        })
        .collect();
    if !changes.remove.is_empty() {
        lines.push(format!(
            "{} payment(s) dated by an earlier import replaced by dated payments",
            changes.remove.len()
        ));
    }
    lines
}

impl Matcher<'_> {
    /// The invoice with the file's values where they may replace the current ones.
    fn edited(&self, current: &Invoice, incoming: &Incoming) -> (Invoice, Edits) {
        let source = current.source.as_ref();
        let mut edits = Edits {
            replace: self.options.replace_hand_edits,
            changes: Vec::new(),
            kept: Vec::new(),
        };
        let mut after = current.clone();
        let amount = Amount::new(incoming.amount).unwrap_or_default();
        if let Some(v) = edits.field(
            "issue date",
            &current.issue_date,
            source.map(|s| &s.issue_date),
            &incoming.issue_date,
        ) {
            after.issue_date = v;
        }
        if let Some(v) = edits.field(
            "due date",
            &current.due_date,
            source.map(|s| &s.due_date),
            &incoming.due_date,
        ) {
            after.due_date = v;
        }
        if let Some(v) = edits.field(
            "amount",
            &current.amount,
            source.map(|s| &s.amount),
            &amount,
        ) {
            after.amount = v;
        }
        if let Some(v) = edits.field(
            "currency",
            &current.currency,
            source.map(|s| &s.currency),
            &incoming.currency,
        ) {
            after.currency = v;
        }
        if current.write_off.is_none() && incoming.write_off.is_some() {
            after.write_off = self.write_off_of(incoming);
            edits.changes.push("written off".into());
        }
        (after, edits)
    }

    fn write_off_of(&self, incoming: &Incoming) -> Option<WriteOff> {
        incoming.write_off.as_ref().map(|(date, reason)| WriteOff {
            date: date
                .unwrap_or(self.settings.payment_date)
                .max(incoming.issue_date),
            reason: reason.clone(),
        })
    }

    fn preview_row(
        &mut self,
        incoming: &Incoming,
        invoice: &Invoice,
        paid: rust_decimal::Decimal,
        action: Action,
        changes: Vec<String>,
    ) {
        self.count(action);
        self.rows.push(PreviewRow {
            line: incoming.line,
            kind: RowKind::Invoice,
            number: incoming.number.clone(),
            client: incoming.client.clone(),
            amount: Some(invoice.amount.value()),
            balance: Some(invoice.amount.value() - paid),
            due_date: Some(invoice.due_date),
            currency: Some(invoice.currency.clone()),
            action,
            reason: None,
            changes,
        });
    }

    /// A new invoice as the file states it; ids are filled in on commit.
    fn new_invoice(&self, incoming: &Incoming) -> Invoice {
        Invoice {
            id: String::new(),
            client_id: String::new(),
            number: incoming.number.trim().to_string(),
            issue_date: incoming.issue_date,
            due_date: incoming.due_date,
            amount: Amount::new(incoming.amount).unwrap_or_default(),
            currency: incoming.currency.clone(),
            description: incoming.description.clone(),
            disputed: false,
            interest: None,
            write_off: self.write_off_of(incoming),
            source: Some(self.source(incoming, Vec::new())),
        }
    }

    /// Plans a new invoice (and its client, when new).
    pub(super) fn create(
        &mut self,
        client: Option<ClientRef>,
        incoming: Incoming,
        payments: &[RowValues],
        problems: &mut Vec<Problem>,
    ) {
        let paid_invoice = PaidInvoice {
            line: incoming.line,
            number: &incoming.number,
            issue_date: incoming.issue_date,
            currency: &incoming.currency,
            existing: Vec::new(),
            undated: &[],
        };
        let paid = incoming.paid.map(|paid| (paid, incoming.paid_on));
        let changes = plan_payments(
            &paid_invoice,
            payments,
            paid,
            self.settings,
            self.profile,
            problems,
        );
        let invoice = self.new_invoice(&incoming);
        if let Err(error) = invoice.validate() {
            problems.push(Problem::error(incoming.line, None, error.to_string()));
            self.skip(Self::skipped(&incoming, error.to_string()));
            return;
        }
        if changes.paid_after > invoice.amount.value() {
            problems.push(Problem::note(
                incoming.line,
                None,
                format!(
                    "Invoice {}: paid {}, more than its total; the difference shows as credit.",
                    incoming.number,
                    format_money(changes.paid_after, &invoice.currency)
                ),
            ));
        }
        let client = client.unwrap_or_else(|| self.add_client(&incoming.client, &incoming.email));
        let lines = describe_payments(&changes, &invoice.currency);
        self.preview_row(&incoming, &invoice, changes.paid_after, Action::New, lines);
        self.push_plan(
            Target::New {
                client,
                invoice: Box::new(invoice),
            },
            changes,
        );
    }

    /// Plans the changes to an invoice already in the ledger.
    pub(super) fn update(
        &mut self,
        at: usize,
        incoming: Incoming,
        payments: &[RowValues],
        problems: &mut Vec<Problem>,
    ) {
        let ledger = self.ledger;
        let current = &ledger.invoices[at];
        let source = current.source.as_ref();
        let (mut after, edits) = self.edited(current, &incoming);
        if let Err(error) = after.validate() {
            problems.push(Problem::error(incoming.line, None, error.to_string()));
            self.skip(Self::skipped(&incoming, error.to_string()));
            return;
        }
        for kept in &edits.kept {
            problems.push(Problem::note(
                incoming.line,
                None,
                format!("Invoice {}: {kept}.", incoming.number),
            ));
        }
        let paid = incoming.paid.map(|paid| (paid, incoming.paid_on));
        let changes = self.plan_existing_payments(
            current,
            incoming.line,
            payments,
            paid,
            after.issue_date,
            problems,
        );
        let mut lines = edits.changes;
        lines.extend(describe_payments(&changes, &after.currency));
        let action = if lines.is_empty() {
            Action::Unchanged
        } else {
            Action::Update
        };
        if action == Action::Update {
            let undated = source.map_or(Vec::new(), |s| s.undated_payments.clone());
            let undated = undated
                .into_iter()
                .filter(|id| !changes.remove.contains(id))
                .collect();
            after.source = Some(self.source(&incoming, undated));
        }
        let paid_after = changes.paid_after;
        lines.extend(edits.kept);
        self.preview_row(&incoming, &after, paid_after, action, lines);
        if action == Action::Update {
            self.push_plan(
                Target::Existing {
                    before: Box::new(current.clone()),
                    after: Box::new(after),
                },
                changes,
            );
        }
    }
}
