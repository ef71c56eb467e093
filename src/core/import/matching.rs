//! Matching what the file says against the ledger: clients by e-mail, then name; invoices
//! by their import source, then client and number; and what that makes new, updated,
//! unchanged or skipped.

use super::invoices::{Incoming, Skipped};
use super::layout::Profile;
use super::payments::{
    check_payment_row, plan_payments, PaidInvoice, PaymentChanges, PaymentOutcome,
};
use super::plan::{ClientRef, InvoicePlan, NewClient, Plan, Target};
use super::preview::{Action, Counts, ImportOptions, PreviewRow, Problem, RowKind};
use super::rows::RowValues;
use super::settings::ChosenSettings;
use crate::core::ledger::Ledger;
use crate::core::model::{ClientSource, Invoice, InvoiceSource, Payment};
use std::collections::{HashMap, HashSet};

/// Names and numbers compared ignoring case and surrounding spaces.
pub fn normal(text: &str) -> String {
    text.trim().to_lowercase()
}

/// Lookups over the ledger, built once per preview.
struct Index<'a> {
    client_by_email: HashMap<String, &'a str>,
    client_by_name: HashMap<String, &'a str>,
    client_by_source: HashMap<String, &'a str>,
    invoice_by_number: HashMap<(&'a str, String), usize>,
    invoice_by_source: HashMap<(String, String), usize>,
    payments: HashMap<&'a str, Vec<&'a Payment>>,
}

impl<'a> Index<'a> {
    fn new(ledger: &'a Ledger) -> Index<'a> {
        let mut index = Index {
            client_by_email: HashMap::new(),
            client_by_name: HashMap::new(),
            client_by_source: HashMap::new(),
            invoice_by_number: HashMap::with_capacity(ledger.invoices.len()),
            invoice_by_source: HashMap::new(),
            payments: HashMap::with_capacity(ledger.invoices.len()),
        };
        for client in &ledger.clients {
            if !client.email.trim().is_empty() {
                index
                    .client_by_email
                    .entry(normal(&client.email))
                    .or_insert(&client.id);
            }
            index
                .client_by_name
                .entry(normal(&client.name))
                .or_insert(&client.id);
            if let Some(source) = &client.source {
                index
                    .client_by_source
                    .entry(normal(&source.name))
                    .or_insert(&client.id);
            }
        }
        for (at, invoice) in ledger.invoices.iter().enumerate() {
            index
                .invoice_by_number
                .insert((&invoice.client_id, normal(&invoice.number)), at);
            if let Some(source) = &invoice.source {
                index
                    .invoice_by_source
                    .insert((normal(&source.client), normal(&source.number)), at);
            }
        }
        for payment in &ledger.payments {
            index
                .payments
                .entry(&payment.invoice_id)
                .or_default()
                .push(payment);
        }
        index
    }
}

/// Builds the preview rows and the plan, one invoice or payment at a time.
pub struct Matcher<'a> {
    ledger: &'a Ledger,
    profile: Profile,
    options: &'a ImportOptions,
    settings: &'a ChosenSettings,
    index: Index<'a>,
    new_by_email: HashMap<String, usize>,
    new_by_name: HashMap<String, usize>,
    claimed: HashSet<(ClientRef, String)>,
    rows: Vec<PreviewRow>,
    counts: Counts,
    plan: Plan,
}

impl<'a> Matcher<'a> {
    /// A matcher over `ledger`.
    pub fn new(
        ledger: &'a Ledger,
        profile: Profile,
        options: &'a ImportOptions,
        settings: &'a ChosenSettings,
    ) -> Matcher<'a> {
        Matcher {
            ledger,
            profile,
            options,
            settings,
            index: Index::new(ledger),
            new_by_email: HashMap::new(),
            new_by_name: HashMap::new(),
            claimed: HashSet::new(),
            rows: Vec::new(),
            counts: Counts::default(),
            plan: Plan::default(),
        }
    }

    /// The rows, counts and plan, rows in file order.
    pub fn finish(mut self) -> (Vec<PreviewRow>, Counts, Plan) {
        self.rows.sort_by_key(|row| row.line);
        (self.rows, self.counts, self.plan)
    }

    /// The client with this e-mail, else this name (in the ledger, then among new clients).
    fn find_client(&self, name: &str, email: &str) -> Option<ClientRef> {
        let (name, email) = (normal(name), normal(email));
        let existing = (!email.is_empty())
            .then(|| self.index.client_by_email.get(&email))
            .flatten()
            .or_else(|| self.index.client_by_name.get(&name))
            .or_else(|| self.index.client_by_source.get(&name));
        if let Some(id) = existing {
            return Some(ClientRef::Existing(id.to_string()));
        }
        (!email.is_empty())
            .then(|| self.new_by_email.get(&email))
            .flatten()
            .or_else(|| self.new_by_name.get(&name))
            .map(|at| ClientRef::New(*at))
    }

    fn add_client(&mut self, name: &str, email: &str) -> ClientRef {
        let at = self.plan.clients.len();
        self.plan.clients.push(NewClient {
            name: name.trim().to_string(),
            email: email.trim().to_string(),
            source: ClientSource {
                layout: self.profile.id().into(),
                name: name.to_string(),
            },
        });
        if !email.trim().is_empty() {
            self.new_by_email.insert(normal(email), at);
        }
        self.new_by_name.insert(normal(name), at);
        self.counts.new_clients += 1;
        ClientRef::New(at)
    }

    /// The ledger invoice this number and client refer to.
    fn find_invoice(&self, client: Option<&ClientRef>, name: &str, number: &str) -> Option<usize> {
        let by_source = self
            .index
            .invoice_by_source
            .get(&(normal(name), normal(number)));
        let by_number = match client {
            Some(ClientRef::Existing(id)) => self
                .index
                .invoice_by_number
                .get(&(id.as_str(), normal(number))),
            _ => None,
        };
        by_source.or(by_number).copied()
    }

    /// Claims an invoice for one row of the file; a second claim is a duplicate.
    fn claim(&mut self, client: &ClientRef, number: &str) -> bool {
        self.claimed.insert((client.clone(), normal(number)))
    }

    /// Records a skipped row.
    pub fn skip(&mut self, skipped: Skipped) {
        self.push_skip(skipped, RowKind::Invoice);
    }

    fn push_skip(&mut self, skipped: Skipped, kind: RowKind) {
        self.counts.skipped += 1;
        self.rows.push(PreviewRow {
            line: skipped.line,
            kind,
            number: skipped.number,
            client: skipped.client,
            amount: skipped.amount,
            balance: None,
            due_date: None,
            currency: None,
            action: Action::Skip,
            reason: Some(skipped.reason),
            changes: Vec::new(),
        });
    }

    fn skipped(incoming: &Incoming, reason: String) -> Skipped {
        Skipped {
            line: incoming.line,
            number: incoming.number.clone(),
            client: incoming.client.clone(),
            amount: Some(incoming.amount),
            reason,
        }
    }

    /// Plans one invoice from the file, with the dated payments the file lists for it.
    pub fn invoice(
        &mut self,
        incoming: Incoming,
        payments: Vec<RowValues>,
        problems: &mut Vec<Problem>,
    ) {
        let client = self.find_client(&incoming.client, &incoming.email);
        let existing = self.find_invoice(client.as_ref(), &incoming.client, &incoming.number);
        let claim = match (existing, &client) {
            (Some(at), _) => ClientRef::Existing(self.ledger.invoices[at].client_id.clone()),
            (None, Some(client)) => client.clone(),
            (None, None) => ClientRef::Existing(format!("new:{}", normal(&incoming.client))),
        };
        if !self.claim(&claim, &incoming.number) {
            let reason = format!(
                "invoice {} for this client appears earlier in the file",
                incoming.number
            );
            self.skip(Self::skipped(&incoming, reason));
            return;
        }
        match existing {
            Some(at) => self.update(at, incoming, &payments, problems),
            None => self.create(client, incoming, &payments, problems),
        }
    }

    fn source(&self, incoming: &Incoming, undated: Vec<String>) -> InvoiceSource {
        InvoiceSource {
            layout: self.profile.id().into(),
            number: incoming.number.clone(),
            client: incoming.client.clone(),
            issue_date: incoming.issue_date,
            due_date: incoming.due_date,
            amount: crate::core::money::Amount::new(incoming.amount).unwrap_or_default(),
            currency: incoming.currency.clone(),
            undated_payments: undated,
        }
    }
}

mod create_update;

/// Plans payments from a payments file for invoices already in the ledger.
impl Matcher<'_> {
    /// Plans payment rows whose invoice is not in this file.
    pub fn payments(&mut self, rows: Vec<RowValues>, problems: &mut Vec<Problem>) {
        let mut by_invoice: Vec<(usize, Vec<RowValues>)> = Vec::new();
        for row in rows {
            let found = match check_payment_row(&row) {
                Err(reason) => Err(reason),
                Ok(_) => {
                    let client = self.find_client(&row.client, &row.email);
                    self.find_invoice(client.as_ref(), &row.client, &row.number)
                        .ok_or_else(|| {
                            format!(
                                "Overdue has no invoice {} for {}; import the invoices first",
                                row.number, row.client
                            )
                        })
                }
            };
            match found {
                Ok(at) => match by_invoice.iter_mut().find(|(i, _)| *i == at) {
                    Some((_, rows)) => rows.push(row),
                    None => by_invoice.push((at, vec![row])),
                },
                Err(reason) => {
                    problems.push(Problem::error(
                        row.line,
                        None,
                        format!("Payment skipped: {reason}."),
                    ));
                    self.push_skip(Skipped::row(&row, reason), RowKind::Payment);
                }
            }
        }
        for (at, rows) in by_invoice {
            self.payments_of(at, &rows, problems);
        }
    }

    fn payments_of(&mut self, at: usize, rows: &[RowValues], problems: &mut Vec<Problem>) {
        let ledger = self.ledger;
        let current = &ledger.invoices[at];
        let line = rows.first().map_or(0, |r| r.line);
        let changes =
            self.plan_existing_payments(current, line, rows, None, current.issue_date, problems);
        for (row, outcome) in rows.iter().zip(&changes.outcomes) {
            let (action, reason) = match outcome {
                PaymentOutcome::Added => (Action::New, None),
                PaymentOutcome::Matched => (Action::Unchanged, None),
                PaymentOutcome::Skipped(reason) => (Action::Skip, Some(reason.clone())),
            };
            self.count(action);
            self.rows.push(PreviewRow {
                line: row.line,
                kind: RowKind::Payment,
                number: row.number.clone(),
                client: row.client.clone(),
                amount: row.amount.as_ref().map(|a| a.value),
                balance: None,
                due_date: None,
                currency: Some(current.currency.clone()),
                action,
                reason,
                changes: Vec::new(),
            });
        }
        if !changes.add.is_empty() || !changes.remove.is_empty() {
            let mut after = current.clone();
            if let Some(source) = after.source.as_mut() {
                source
                    .undated_payments
                    .retain(|id| !changes.remove.contains(id));
            }
            self.push_plan(
                Target::Existing {
                    before: Box::new(current.clone()),
                    after: Box::new(after),
                },
                changes,
            );
        }
    }

    fn plan_existing_payments(
        &self,
        current: &Invoice,
        line: usize,
        rows: &[RowValues],
        paid: Option<(rust_decimal::Decimal, Option<chrono::NaiveDate>)>,
        issue_date: chrono::NaiveDate,
        problems: &mut Vec<Problem>,
    ) -> PaymentChanges {
        let undated = current
            .source
            .as_ref()
            .map_or(&[][..], |s| s.undated_payments.as_slice());
        let invoice = PaidInvoice {
            line,
            number: &current.number,
            issue_date,
            currency: &current.currency,
            existing: self
                .index
                .payments
                .get(current.id.as_str())
                .cloned()
                .unwrap_or_default(),
            undated,
        };
        plan_payments(&invoice, rows, paid, self.settings, self.profile, problems)
    }

    fn count(&mut self, action: Action) {
        match action {
            Action::New => self.counts.new += 1,
            Action::Update => self.counts.updated += 1,
            Action::Unchanged => self.counts.unchanged += 1,
            Action::Skip => self.counts.skipped += 1,
        }
    }

    fn push_plan(&mut self, target: Target, changes: PaymentChanges) {
        self.counts.new_payments += changes.add.len();
        self.counts.replaced_payments += changes.remove.len();
        self.plan.invoices.push(InvoicePlan {
            target,
            add: changes.add,
            remove: changes.remove,
        });
    }
}
