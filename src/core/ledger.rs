//! The ledger aggregate: every record, the operations on them and the balances they imply.

use crate::core::currency::Currency;
use crate::core::error::FieldError;
use crate::core::fast_map::{self, FastMap};
use crate::core::ids::{IdSource, RecordKind};
use crate::core::model::{
    activity_kind, Activity, Business, Client, Dispute, Invoice, Pause, Payment, Plan, PrepSheet,
    Promise, SentLetter, Settings, TemplateSet, WriteOff,
};
use crate::core::money::format_money;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};

/// Where an invoice stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InvoiceStatus {
    /// Nothing paid yet.
    Open,
    /// Some but not all of it paid.
    PartPaid,
    /// Paid in full (perhaps with credit).
    Paid,
    /// The balance was written off.
    WrittenOff,
}

impl InvoiceStatus {
    /// A short word for people.
    pub fn label(self) -> &'static str {
        match self {
            InvoiceStatus::Open => "Open",
            InvoiceStatus::PartPaid => "Part-paid",
            InvoiceStatus::Paid => "Paid",
            InvoiceStatus::WrittenOff => "Written off",
        }
    }
}

/// One invoice's figures on a given day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvoiceSummary {
    /// Paid by the end of the day.
    pub paid: Decimal,
    /// Amount minus payments; negative when overpaid.
    pub balance: Decimal,
    /// Still owed (zero when paid or written off).
    pub outstanding: Decimal,
    /// Overpayment held as credit.
    pub credit: Decimal,
    /// Where it stands.
    pub status: InvoiceStatus,
    /// Days past the due date while something is outstanding; zero otherwise.
    pub days_overdue: i64,
}

/// Every record the user keeps, saved and exported as one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Ledger {
    /// The user's business profile.
    pub business: Business,
    /// Preferences.
    #[serde(default)]
    pub settings: Settings,
    /// Clients.
    #[serde(default)]
    pub clients: Vec<Client>,
    /// Invoices.
    #[serde(default)]
    pub invoices: Vec<Invoice>,
    /// Payments.
    #[serde(default)]
    pub payments: Vec<Payment>,
    /// The activity log.
    #[serde(default)]
    pub activities: Vec<Activity>,
    /// Settlement plans the clients accepted.
    #[serde(default)]
    pub plans: Vec<Plan>,
    /// Negotiation prep sheets, one per client at most.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prep_sheets: Vec<PrepSheet>,
    /// Letter templates the user edited or added.
    #[serde(default, skip_serializing_if = "TemplateSet::is_empty")]
    pub templates: TemplateSet,
    /// Promises to pay.
    #[serde(default)]
    pub promises: Vec<Promise>,
    /// Disputes, open and resolved.
    #[serde(default)]
    pub disputes: Vec<Dispute>,
    /// Pauses in chasing.
    #[serde(default)]
    pub pauses: Vec<Pause>,
    /// Letters exactly as they were sent.
    #[serde(default)]
    pub letters: Vec<SentLetter>,
}

/// An invoice number as compared for uniqueness: trimmed, case ignored.
pub(crate) fn normalised_number(number: &str) -> String {
    number.trim().to_lowercase()
}

impl Ledger {
    /// A ledger with this business profile and nothing else.
    pub fn new(business: Business) -> Ledger {
        Ledger {
            business,
            ..Ledger::default()
        }
    }

    /// A new id of `kind` from `ids`, asking again while the id is taken.
    pub(crate) fn new_id(&self, kind: RecordKind, ids: &mut dyn IdSource) -> String {
        loop {
            let id = ids.next_id(kind);
            let taken = match kind {
                RecordKind::Client => self.client(&id).is_some(),
                RecordKind::Invoice => self.invoice(&id).is_some(),
                RecordKind::Payment => self.payment(&id).is_some(),
                RecordKind::Activity => self.activities.iter().any(|a| a.id == id),
                RecordKind::Plan => self.plans.iter().any(|p| p.id == id),
                RecordKind::Promise => self.promises.iter().any(|p| p.id == id),
                RecordKind::Dispute => self.disputes.iter().any(|d| d.id == id),
                RecordKind::Pause => self.pauses.iter().any(|p| p.id == id),
                RecordKind::Letter => self.letters.iter().any(|l| l.id == id),
            };
            if !taken {
                return id;
            }
        }
    }

    /// The client with this id.
    pub fn client(&self, id: &str) -> Option<&Client> {
        self.clients.iter().find(|client| client.id == id)
    }

    /// The invoice with this id.
    pub fn invoice(&self, id: &str) -> Option<&Invoice> {
        self.invoices.iter().find(|invoice| invoice.id == id)
    }

    /// The payment with this id.
    pub fn payment(&self, id: &str) -> Option<&Payment> {
        self.payments.iter().find(|payment| payment.id == id)
    }

    /// A client's invoices, in the order they were added.
    pub fn invoices_of<'a>(&'a self, client_id: &'a str) -> impl Iterator<Item = &'a Invoice> + 'a {
        self.invoices
            .iter()
            .filter(move |invoice| invoice.client_id == client_id)
    }

    /// An invoice's payments, in date order.
    pub fn payments_of(&self, invoice_id: &str) -> Vec<&Payment> {
        let mut payments: Vec<&Payment> = self
            .payments
            .iter()
            .filter(|payment| payment.invoice_id == invoice_id)
            .collect();
        payments.sort_by_key(|payment| payment.date);
        payments
    }

    /// A client's timeline, newest first.
    pub fn activities_of(&self, client_id: &str) -> Vec<&Activity> {
        let mut activities: Vec<&Activity> = self
            .activities
            .iter()
            .filter(|activity| activity.client_id == client_id)
            .collect();
        activities.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| b.id.cmp(&a.id)));
        activities
    }

    /// The amount paid against an invoice by the end of `as_of`.
    pub fn paid(&self, invoice_id: &str, as_of: NaiveDate) -> Decimal {
        self.payments
            .iter()
            .filter(|payment| payment.invoice_id == invoice_id && payment.date <= as_of)
            .map(|payment| payment.amount.value())
            .sum()
    }

    /// Amount minus payments dated on or before `as_of`; negative when overpaid (credit).
    pub fn balance(&self, invoice: &Invoice, as_of: NaiveDate) -> Decimal {
        invoice.amount.value() - self.paid(&invoice.id, as_of)
    }

    /// What is still owed on `as_of`: zero once paid in full or written off.
    pub fn outstanding(&self, invoice: &Invoice, as_of: NaiveDate) -> Decimal {
        outstanding_given_paid(invoice, self.paid(&invoice.id, as_of), as_of)
    }

    /// Where the invoice stands on `as_of`.
    pub fn status(&self, invoice: &Invoice, as_of: NaiveDate) -> InvoiceStatus {
        if invoice.write_off.as_ref().is_some_and(|w| w.date <= as_of) {
            return InvoiceStatus::WrittenOff;
        }
        let paid = self.paid(&invoice.id, as_of);
        if paid >= invoice.amount.value() {
            InvoiceStatus::Paid
        } else if paid > Decimal::ZERO {
            InvoiceStatus::PartPaid
        } else {
            InvoiceStatus::Open
        }
    }

    /// Payments received beyond the invoice amount, shown as credit.
    pub fn credit(&self, invoice: &Invoice, as_of: NaiveDate) -> Decimal {
        (-self.balance(invoice, as_of)).max(Decimal::ZERO)
    }

    /// An invoice's paid, balance, outstanding, credit, status and days overdue on `as_of`.
    pub fn summary(&self, invoice: &Invoice, as_of: NaiveDate) -> InvoiceSummary {
        let paid = self.paid(&invoice.id, as_of);
        let outstanding = outstanding_given_paid(invoice, paid, as_of);
        let days_overdue = if outstanding > Decimal::ZERO {
            (as_of - invoice.due_date).num_days().max(0)
        } else {
            0
        };
        InvoiceSummary {
            paid,
            balance: invoice.amount.value() - paid,
            outstanding,
            credit: (paid - invoice.amount.value()).max(Decimal::ZERO),
            status: self.status(invoice, as_of),
            days_overdue,
        }
    }

    /// What a client owes on `as_of`, per currency (currencies are never added together).
    pub fn outstanding_by_currency(
        &self,
        client_id: &str,
        as_of: NaiveDate,
    ) -> BTreeMap<Currency, Decimal> {
        let mut totals = BTreeMap::new();
        for invoice in self.invoices_of(client_id) {
            let owed = self.outstanding(invoice, as_of);
            if owed > Decimal::ZERO {
                *totals
                    .entry(invoice.currency.clone())
                    .or_insert(Decimal::ZERO) += owed;
            }
        }
        totals
    }

    /// Adds a client (when its id is empty) or replaces the one with the same id.
    pub fn save_client(
        &mut self,
        mut client: Client,
        ids: &mut dyn IdSource,
    ) -> Result<String, FieldError> {
        client.validate()?;
        client.name = client.name.trim().to_string();
        if client.id.is_empty() {
            client.id = self.new_id(RecordKind::Client, ids);
            let id = client.id.clone();
            self.clients.push(client);
            return Ok(id);
        }
        let slot = self
            .clients
            .iter_mut()
            .find(|existing| existing.id == client.id)
            .ok_or_else(|| FieldError::NotFound(format!("client {}", client.id)))?;
        let id = client.id.clone();
        *slot = client;
        Ok(id)
    }

    /// Deletes a client. With invoices, `confirmed` must be true; they go with it.
    pub fn delete_client(&mut self, id: &str, confirmed: bool) -> Result<(), FieldError> {
        if self.client(id).is_none() {
            return Err(FieldError::NotFound(format!("client {id}")));
        }
        let invoice_ids: HashSet<String> = self.invoices_of(id).map(|i| i.id.clone()).collect();
        let payments = self
            .payments
            .iter()
            .filter(|p| invoice_ids.contains(&p.invoice_id))
            .count();
        if !invoice_ids.is_empty() && !confirmed {
            return Err(FieldError::NeedsConfirmation {
                invoices: invoice_ids.len(),
                payments,
            });
        }
        self.clients.retain(|client| client.id != id);
        self.invoices.retain(|invoice| invoice.client_id != id);
        self.payments
            .retain(|payment| !invoice_ids.contains(&payment.invoice_id));
        self.activities.retain(|activity| activity.client_id != id);
        self.plans.retain(|plan| plan.client_id != id);
        self.prep_sheets.retain(|sheet| sheet.client_id != id);
        self.promises.retain(|promise| promise.client_id != id);
        self.disputes.retain(|dispute| dispute.client_id != id);
        self.pauses.retain(|pause| pause.client_id != id);
        self.letters.retain(|letter| letter.client_id != id);
        Ok(())
    }

    /// Adds an invoice (when its id is empty) or replaces the one with the same id. The
    /// `disputed` flag is not taken from the invoice given: it follows the dispute records
    /// (a new invoice has none; an edit keeps the stored flag).
    pub fn save_invoice(
        &mut self,
        mut invoice: Invoice,
        ids: &mut dyn IdSource,
    ) -> Result<String, FieldError> {
        invoice.validate()?;
        invoice.number = invoice.number.trim().to_string();
        if self.client(&invoice.client_id).is_none() {
            return Err(FieldError::on(
                "client_id",
                "choose the client this invoice was sent to",
            ));
        }
        let number = normalised_number(&invoice.number);
        if self
            .invoices_of(&invoice.client_id)
            .any(|other| other.id != invoice.id && normalised_number(&other.number) == number)
        {
            return Err(FieldError::on(
                "number",
                format!(
                    "this client already has an invoice numbered {}",
                    invoice.number
                ),
            ));
        }
        if invoice.id.is_empty() {
            invoice.disputed = false;
            invoice.id = self.new_id(RecordKind::Invoice, ids);
            let id = invoice.id.clone();
            self.invoices.push(invoice);
            return Ok(id);
        }
        let slot = self
            .invoices
            .iter_mut()
            .find(|existing| existing.id == invoice.id)
            .ok_or_else(|| FieldError::NotFound(format!("invoice {}", invoice.id)))?;
        let id = invoice.id.clone();
        // The flag follows the dispute records, never the form.
        invoice.disputed = slot.disputed;
        *slot = invoice;
        Ok(id)
    }

    /// Deletes an invoice with its payments and the activities about it.
    pub fn delete_invoice(&mut self, id: &str) -> Result<(), FieldError> {
        if self.invoice(id).is_none() {
            return Err(FieldError::NotFound(format!("invoice {id}")));
        }
        self.invoices.retain(|invoice| invoice.id != id);
        self.payments.retain(|payment| payment.invoice_id != id);
        self.activities
            .retain(|activity| activity.invoice_id.as_deref() != Some(id));
        for plan in &mut self.plans {
            plan.invoice_ids.retain(|invoice_id| invoice_id != id);
        }
        self.promises
            .retain(|promise| promise.invoice_id.as_deref() != Some(id));
        self.disputes.retain(|dispute| dispute.invoice_id != id);
        self.pauses
            .retain(|pause| pause.invoice_id.as_deref() != Some(id));
        for letter in &mut self.letters {
            letter.invoice_ids.retain(|invoice_id| invoice_id != id);
        }
        self.letters.retain(|letter| !letter.invoice_ids.is_empty());
        Ok(())
    }

    /// Adds a payment (when its id is empty) or replaces the one with the same id.
    ///
    /// A payment larger than the open balance is refused unless `overpayment_confirmed`.
    pub fn save_payment(
        &mut self,
        mut payment: Payment,
        overpayment_confirmed: bool,
        ids: &mut dyn IdSource,
    ) -> Result<String, FieldError> {
        let invoice = self
            .invoice(&payment.invoice_id)
            .ok_or_else(|| FieldError::NotFound(format!("invoice {}", payment.invoice_id)))?;
        payment.validate(invoice)?;
        let paid_by_others: Decimal = self
            .payments
            .iter()
            .filter(|p| p.invoice_id == payment.invoice_id && p.id != payment.id)
            .map(|p| p.amount.value())
            .sum();
        let open = invoice.amount.value() - paid_by_others;
        if payment.amount.value() > open && !overpayment_confirmed {
            return Err(FieldError::Overpayment {
                balance: format_money(open.max(Decimal::ZERO), &invoice.currency),
            });
        }
        if payment.id.is_empty() {
            payment.id = self.new_id(RecordKind::Payment, ids);
            let id = payment.id.clone();
            self.payments.push(payment);
            return Ok(id);
        }
        let slot = self
            .payments
            .iter_mut()
            .find(|existing| existing.id == payment.id)
            .ok_or_else(|| FieldError::NotFound(format!("payment {}", payment.id)))?;
        let id = payment.id.clone();
        *slot = payment;
        Ok(id)
    }

    /// Deletes a payment.
    pub fn delete_payment(&mut self, id: &str) -> Result<(), FieldError> {
        let before = self.payments.len();
        self.payments.retain(|payment| payment.id != id);
        if self.payments.len() == before {
            return Err(FieldError::NotFound(format!("payment {id}")));
        }
        Ok(())
    }

    /// Writes off an invoice's remaining balance and logs it on the client's timeline.
    pub fn write_off(
        &mut self,
        invoice_id: &str,
        date: NaiveDate,
        reason: &str,
        ids: &mut dyn IdSource,
    ) -> Result<(), FieldError> {
        if reason.trim().is_empty() {
            return Err(FieldError::on(
                "reason",
                "a reason for the write-off is required",
            ));
        }
        let invoice = self
            .invoice(invoice_id)
            .ok_or_else(|| FieldError::NotFound(format!("invoice {invoice_id}")))?;
        let balance = format_money(self.balance(invoice, date), &invoice.currency);
        let summary = format!(
            "Invoice {} written off ({balance}): {}",
            invoice.number,
            reason.trim()
        );
        let client_id = invoice.client_id.clone();
        if let Some(invoice) = self.invoices.iter_mut().find(|i| i.id == invoice_id) {
            invoice.write_off = Some(WriteOff {
                date,
                reason: reason.trim().to_string(),
            });
        }
        let entry = Activity {
            invoice_id: Some(invoice_id.to_string()),
            ..Activity::new(client_id, date, activity_kind::WRITE_OFF, summary)
        };
        self.add_activity(entry, ids).map(|_| ())
    }

    /// Reopens a written-off invoice.
    pub fn undo_write_off(&mut self, invoice_id: &str) -> Result<(), FieldError> {
        let invoice = self
            .invoices
            .iter_mut()
            .find(|i| i.id == invoice_id)
            .ok_or_else(|| FieldError::NotFound(format!("invoice {invoice_id}")))?;
        invoice.write_off = None;
        Ok(())
    }

    /// Adds an activity to a client's timeline.
    pub fn add_activity(
        &mut self,
        mut activity: Activity,
        ids: &mut dyn IdSource,
    ) -> Result<String, FieldError> {
        activity.validate()?;
        if self.client(&activity.client_id).is_none() {
            return Err(FieldError::NotFound(format!(
                "client {}",
                activity.client_id
            )));
        }
        activity.id = self.new_id(RecordKind::Activity, ids);
        let id = activity.id.clone();
        self.activities.push(activity);
        Ok(id)
    }

    /// Deletes an activity.
    pub fn delete_activity(&mut self, id: &str) -> Result<(), FieldError> {
        let before = self.activities.len();
        self.activities.retain(|activity| activity.id != id);
        if self.activities.len() == before {
            return Err(FieldError::NotFound(format!("activity {id}")));
        }
        Ok(())
    }

    /// Sums each invoice's payments dated on or before `as_of`, in one pass.
    pub fn paid_by_invoice(&self, as_of: NaiveDate) -> FastMap<&str, Decimal> {
        let mut paid: FastMap<&str, Decimal> = fast_map::with_capacity(self.payments.len());
        for payment in self.payments.iter().filter(|p| p.date <= as_of) {
            *paid.entry(payment.invoice_id.as_str()).or_default() += payment.amount.value();
        }
        paid
    }

    /// Notes that something changed on `today`, for the backup reminder.
    pub fn note_change(&mut self, today: NaiveDate) {
        self.settings.changed_since_export.get_or_insert(today);
    }

    /// Notes that a backup was exported on `today`: every change is now in a backup.
    pub fn note_export(&mut self, today: NaiveDate) {
        self.settings.last_export = Some(today);
        self.settings.changed_since_export = None;
    }

    /// Days since the oldest change missing from a backup, once the reminder is due.
    pub fn backup_overdue(&self, today: NaiveDate) -> Option<i64> {
        let days = (today - self.settings.changed_since_export?).num_days();
        (days >= i64::from(self.settings.backup_reminder_days)).then_some(days)
    }

    /// Removes every record marked as sample data.
    pub fn remove_sample(&mut self) {
        let sample_ids: Vec<String> = self
            .clients
            .iter()
            .filter(|client| client.sample)
            .map(|client| client.id.clone())
            .collect();
        for id in sample_ids {
            // Sample clients exist, so deleting with confirmation cannot fail.
            let _ = self.delete_client(&id, true);
        }
    }

    /// True when some records are sample data.
    pub fn has_sample(&self) -> bool {
        self.clients.iter().any(|client| client.sample)
    }
}

/// What is still owed on `as_of`, given what was paid by then.
pub fn outstanding_given_paid(invoice: &Invoice, paid: Decimal, as_of: NaiveDate) -> Decimal {
    if invoice.write_off.as_ref().is_some_and(|w| w.date <= as_of) {
        return Decimal::ZERO;
    }
    (invoice.amount.value() - paid).max(Decimal::ZERO)
}
