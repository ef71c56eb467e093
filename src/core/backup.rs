//! The backup file: export, all-or-nothing import, and migration of older schemas.
//!
//! The same document is what the store keeps, so whatever the app stores round-trips.

use crate::core::case;
use crate::core::error::FieldError;
use crate::core::fast_map::FastMap;
use crate::core::ledger::{normalised_number, Ledger};
use crate::core::model::{check_id, Invoice};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashSet;
use std::fmt;

mod messages;

/// The `format` every backup carries.
pub const FORMAT: &str = "overdue-backup";
/// The newest schema this build reads and writes.
pub const SCHEMA: u64 = 3;

/// Why a backup (or the stored document) was refused. Nothing is changed when this happens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// Where the problem is, such as `invoices[2] (id "i3").amount`, or empty for the whole file.
    pub location: String,
    /// What is wrong.
    pub message: String,
    /// True when the file comes from a newer version of the app.
    pub newer_schema: bool,
}

impl ImportError {
    /// An error about the whole file rather than one record.
    pub fn whole(message: impl Into<String>) -> ImportError {
        ImportError {
            location: String::new(),
            message: message.into(),
            newer_schema: false,
        }
    }
}

impl ImportError {
    /// The error as a sentence of its own, starting with a capital letter.
    pub fn sentence(&self) -> String {
        let text = self.to_string();
        let mut chars = text.chars();
        chars.next().map_or_else(String::new, |first| {
            first.to_uppercase().chain(chars).collect()
        })
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.location.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.location, self.message)
        }
    }
}

/// The document's own fields around the ledger's: what it is, its schema, when it was written.
#[derive(Serialize)]
struct Document<'a> {
    format: &'static str,
    schema: u64,
    exported_at: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    revision: Option<u64>,
    #[serde(flatten)]
    ledger: &'a Ledger,
}

/// The same fields read back; every other field is skipped without being built.
#[derive(Deserialize)]
struct Header {
    format: String,
    schema: u64,
    #[serde(default)]
    revision: u64,
}

/// Writes the backup document, stamped with `exported_at` (an RFC 3339 time from the caller).
pub fn export(ledger: &Ledger, exported_at: &str) -> String {
    serde_json::to_string_pretty(&Document {
        format: FORMAT,
        schema: SCHEMA,
        exported_at,
        revision: None,
        ledger,
    })
    .unwrap_or_default()
}

/// The stored document at `revision`, serialised once in compact form.
pub fn stored_text(ledger: &Ledger, saved_at: &str, revision: u64) -> String {
    serde_json::to_string(&Document {
        format: FORMAT,
        schema: SCHEMA,
        exported_at: saved_at,
        revision: Some(revision),
        ledger,
    })
    .unwrap_or_default()
}

/// Reads a backup or stored document with its revision (0 when it has none).
///
/// A document of the current schema is read in one pass ([`read_current`]); anything else goes
/// through [`read_migrating`].
pub fn import_revisioned(text: &str) -> Result<(Ledger, u64), ImportError> {
    read_current(text).unwrap_or_else(|| read_migrating(text))
}

/// Reads a document of the current schema in one pass, with its revision; `None` when it is
/// of another schema or has an error to name, which only [`read_migrating`] can do.
pub fn read_current(text: &str) -> Option<Result<(Ledger, u64), ImportError>> {
    let header = serde_json::from_str::<Header>(text).ok()?;
    if header.format != FORMAT || header.schema != SCHEMA {
        return None;
    }
    let mut ledger = serde_json::from_str::<Ledger>(text).ok()?;
    case::sync_disputes(&mut ledger);
    Some(validate(&ledger).map(|()| (ledger, header.revision)))
}

/// The slower reader of any document with its revision: it migrates older schemas and names
/// the record and field of the first problem.
pub fn read_migrating(text: &str) -> Result<(Ledger, u64), ImportError> {
    let ledger = import(text)?;
    let revision = serde_json::from_str::<Header>(text).map_or(0, |header| header.revision);
    Ok((ledger, revision))
}

/// Reads a backup or stored document, migrating older schemas and validating everything.
pub fn import(text: &str) -> Result<Ledger, ImportError> {
    if text.trim().is_empty() {
        return Err(ImportError::whole("the file is empty"));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value =
        serde_json::from_str(text).map_err(|error| ImportError::whole(messages::syntax(&error)))?;
    import_value(value)
}

/// A backup file's bytes as text: UTF-8 (with or without a byte-order mark) or UTF-16 (with
/// or without one); anything else is refused with a sentence saying what the file is.
pub fn backup_text(bytes: &[u8]) -> Result<String, ImportError> {
    messages::text_of(bytes).map_err(ImportError::whole)
}

/// Like [`import`], from an already parsed JSON value.
pub fn import_value(value: Value) -> Result<Ledger, ImportError> {
    let Value::Object(root) = value else {
        return Err(ImportError::whole(
            "the file is not an Overdue backup: expected a JSON object",
        ));
    };
    match root.get("format") {
        Some(Value::String(format)) if format == FORMAT => {}
        Some(other) => {
            return Err(ImportError {
                location: "format".into(),
                message: format!(
                    "expected \"{FORMAT}\" but found {other}; this is not an Overdue backup"
                ),
                newer_schema: false,
            })
        }
        None => {
            return Err(ImportError::whole(format!(
                "the file has no \"format\": \"{FORMAT}\" field; this is not an Overdue backup"
            )))
        }
    }
    let schema = root
        .get("schema")
        .and_then(Value::as_u64)
        .ok_or_else(|| ImportError {
            location: "schema".into(),
            message: "a whole schema number is required".into(),
            newer_schema: false,
        })?;
    if schema > SCHEMA {
        return Err(ImportError {
            location: "schema".into(),
            message: format!(
                "this backup uses schema {schema}, from a newer version of Overdue; this version reads up to schema {SCHEMA}"
            ),
            newer_schema: true,
        });
    }
    let migrated = migrate(Value::Object(root), schema)?;
    let mut ledger: Ledger = serde_path_to_error::deserialize(&migrated).map_err(|error| {
        let (location, message) = messages::field(
            &migrated,
            error.path(),
            &error.inner().to_string(),
            |path| name_record(&migrated, path),
        );
        ImportError {
            location,
            message,
            newer_schema: false,
        }
    })?;
    case::sync_disputes(&mut ledger);
    validate(&ledger)?;
    Ok(ledger)
}

/// Brings a document of an older schema up to [`SCHEMA`], one version at a time.
pub fn migrate(document: Value, from_schema: u64) -> Result<Value, ImportError> {
    let mut document = document;
    let mut schema = from_schema;
    while schema < SCHEMA {
        document = match schema {
            0 => Err(ImportError::whole(
                "schema 0 was never released; the file cannot be read",
            ))?,
            // Schema 2 added accepted settlement plans.
            1 => with_field(document, "plans", Value::Array(Vec::new())),
            // Schema 3 added the case file: promises, disputes, pauses and letters as sent.
            // An invoice marked disputed becomes an open dispute in `normalise_disputes`.
            2 => ["promises", "disputes", "pauses", "letters"]
                .into_iter()
                .fold(document, |document, name| {
                    with_field(document, name, Value::Array(Vec::new()))
                }),
            _ => document,
        };
        schema += 1;
    }
    if let Value::Object(root) = &mut document {
        root.insert("schema".into(), SCHEMA.into());
    }
    Ok(document)
}

fn with_field(document: Value, name: &str, value: Value) -> Value {
    let mut document = document;
    if let Value::Object(root) = &mut document {
        root.entry(name).or_insert(value);
    }
    document
}

/// Turns a serde path such as `invoices[2].amount` into one naming the record's id too.
fn name_record(document: &Value, path: &str) -> String {
    let Some((head, rest)) = path.split_once('[') else {
        return path.to_string();
    };
    let Some((index, field)) = rest.split_once(']') else {
        return path.to_string();
    };
    let id = index
        .parse::<usize>()
        .ok()
        .and_then(|i| document.get(head)?.get(i)?.get("id")?.as_str());
    match id {
        Some(id) => format!("{head}[{index}] (id \"{id}\"){field}"),
        None => path.to_string(),
    }
}

/// Where a record sits in the file, for messages: `invoices[2] (id "i3")`.
#[derive(Clone, Copy)]
struct At<'a> {
    collection: &'static str,
    index: usize,
    id: &'a str,
}

impl At<'_> {
    fn error(self, field: &str, message: impl Into<String>) -> ImportError {
        ImportError {
            location: if self.id.is_empty() {
                format!("{}[{}].{field}", self.collection, self.index)
            } else {
                format!(
                    "{}[{}] (id \"{}\").{field}",
                    self.collection,
                    self.index,
                    self.id.escape_debug()
                )
            },
            message: message.into(),
            newer_schema: false,
        }
    }

    /// The record's own error, placed at its field.
    fn refused(self, error: FieldError) -> ImportError {
        self.error(error.field_name().unwrap_or("id"), error.to_string())
    }

    /// Refuses a link to a record that is not in the file.
    fn link(self, field: &str, kind: &str, target: &str, present: bool) -> Result<(), ImportError> {
        if present {
            Ok(())
        } else {
            Err(self.error(
                field,
                format!("points at {kind} \"{target}\", which is not in the file"),
            ))
        }
    }
}

/// Checks the ids of one collection: each present, free of control characters, and unique.
fn check_ids<'a>(
    collection: &'static str,
    ids: impl Iterator<Item = &'a str>,
) -> Result<HashSet<&'a str>, ImportError> {
    let mut seen = HashSet::new();
    for (index, id) in ids.enumerate() {
        let at = At {
            collection,
            index,
            id,
        };
        check_id(id).map_err(|error| at.refused(error))?;
        if !seen.insert(id) {
            return Err(at.error("id", format!("the id \"{id}\" is used twice")));
        }
    }
    Ok(seen)
}

/// Checks every record with its own `validate()`, then the rules that span records: unique
/// ids, links between records, invoice numbers unique per client.
pub fn validate(ledger: &Ledger) -> Result<(), ImportError> {
    ledger.business.validate().map_err(|error| ImportError {
        location: format!("business.{}", error.field_name().unwrap_or("name")),
        message: error.to_string(),
        newer_schema: false,
    })?;
    let clients = check_ids("clients", ledger.clients.iter().map(|c| c.id.as_str()))?;
    let invoices = check_ids("invoices", ledger.invoices.iter().map(|i| i.id.as_str()))?;
    check_ids("payments", ledger.payments.iter().map(|p| p.id.as_str()))?;
    check_ids(
        "activities",
        ledger.activities.iter().map(|a| a.id.as_str()),
    )?;
    check_ids("plans", ledger.plans.iter().map(|p| p.id.as_str()))?;
    for (index, client) in ledger.clients.iter().enumerate() {
        let at = At {
            collection: "clients",
            index,
            id: &client.id,
        };
        client.validate().map_err(|e| at.refused(e))?;
    }
    validate_invoices(ledger, &clients)?;
    let invoice_by_id: FastMap<&str, &Invoice> = ledger
        .invoices
        .iter()
        .map(|invoice| (invoice.id.as_str(), invoice))
        .collect();
    for (index, payment) in ledger.payments.iter().enumerate() {
        let at = At {
            collection: "payments",
            index,
            id: &payment.id,
        };
        let invoice = invoice_by_id.get(payment.invoice_id.as_str()).copied();
        at.link(
            "invoice_id",
            "invoice",
            &payment.invoice_id,
            invoice.is_some(),
        )?;
        if let Some(invoice) = invoice {
            payment.validate(invoice).map_err(|e| at.refused(e))?;
        }
    }
    for (index, activity) in ledger.activities.iter().enumerate() {
        let at = At {
            collection: "activities",
            index,
            id: &activity.id,
        };
        at.link(
            "client_id",
            "client",
            &activity.client_id,
            clients.contains(activity.client_id.as_str()),
        )?;
        if let Some(invoice_id) = &activity.invoice_id {
            at.link(
                "invoice_id",
                "invoice",
                invoice_id,
                invoices.contains(invoice_id.as_str()),
            )?;
        }
        activity.validate().map_err(|e| at.refused(e))?;
    }
    let rows = &ledger.settings.rate_rows;
    for (index, row) in rows.iter().enumerate() {
        let at = At {
            collection: "settings.rate_rows",
            index,
            id: "",
        };
        row.validate(&rows[..index]).map_err(|e| at.refused(e))?;
    }
    for (index, sheet) in ledger.prep_sheets.iter().enumerate() {
        let at = At {
            collection: "prep_sheets",
            index,
            id: "",
        };
        at.link(
            "client_id",
            "client",
            &sheet.client_id,
            clients.contains(sheet.client_id.as_str()),
        )?;
        sheet.validate().map_err(|e| at.refused(e))?;
    }
    for (index, plan) in ledger.plans.iter().enumerate() {
        let at = At {
            collection: "plans",
            index,
            id: &plan.id,
        };
        at.link(
            "client_id",
            "client",
            &plan.client_id,
            clients.contains(plan.client_id.as_str()),
        )?;
        if let Some(missing) = plan
            .invoice_ids
            .iter()
            .find(|id| !invoices.contains(id.as_str()))
        {
            at.link("invoice_ids", "invoice", missing, false)?;
        }
        plan.validate().map_err(|e| at.refused(e))?;
    }
    validate_case(ledger, &clients, &invoice_by_id)?;
    for (index, template) in ledger.templates.saved.iter().enumerate() {
        let at = At {
            collection: "templates.saved",
            index,
            id: &template.id,
        };
        template.check().map_err(|e| at.refused(e))?;
    }
    Ok(())
}

/// The case file: ids unique, each record valid, linked to a client and to invoices of that
/// client, and a promise in its invoice's currency.
fn validate_case(
    ledger: &Ledger,
    clients: &HashSet<&str>,
    invoice_by_id: &FastMap<&str, &Invoice>,
) -> Result<(), ImportError> {
    check_ids("promises", ledger.promises.iter().map(|p| p.id.as_str()))?;
    check_ids("disputes", ledger.disputes.iter().map(|d| d.id.as_str()))?;
    check_ids("pauses", ledger.pauses.iter().map(|p| p.id.as_str()))?;
    check_ids("letters", ledger.letters.iter().map(|l| l.id.as_str()))?;
    // Checks that the record's client exists and each of its invoices belongs to that client.
    let linked = |at: At, client_id: &str, invoice_ids: &mut dyn Iterator<Item = &str>| {
        at.link(
            "client_id",
            "client",
            client_id,
            clients.contains(client_id),
        )?;
        for invoice_id in invoice_ids {
            let invoice = invoice_by_id.get(invoice_id);
            at.link("invoice_id", "invoice", invoice_id, invoice.is_some())?;
            if invoice.is_some_and(|invoice| invoice.client_id != client_id) {
                return Err(at.error(
                    "invoice_id",
                    format!("invoice \"{invoice_id}\" belongs to another client"),
                ));
            }
        }
        Ok(())
    };
    for (index, promise) in ledger.promises.iter().enumerate() {
        let at = At {
            collection: "promises",
            index,
            id: &promise.id,
        };
        linked(
            at,
            &promise.client_id,
            &mut promise.invoice_id.as_deref().into_iter(),
        )?;
        promise.validate().map_err(|e| at.refused(e))?;
        let invoice = promise
            .invoice_id
            .as_deref()
            .and_then(|id| invoice_by_id.get(id));
        if invoice.is_some_and(|invoice| invoice.currency != promise.currency) {
            return Err(at.error("currency", "a promise is in the currency of its invoice"));
        }
    }
    for (index, dispute) in ledger.disputes.iter().enumerate() {
        let at = At {
            collection: "disputes",
            index,
            id: &dispute.id,
        };
        linked(
            at,
            &dispute.client_id,
            &mut std::iter::once(dispute.invoice_id.as_str()),
        )?;
        dispute.validate().map_err(|e| at.refused(e))?;
    }
    for (index, pause) in ledger.pauses.iter().enumerate() {
        let at = At {
            collection: "pauses",
            index,
            id: &pause.id,
        };
        linked(
            at,
            &pause.client_id,
            &mut pause.invoice_id.as_deref().into_iter(),
        )?;
        pause.validate().map_err(|e| at.refused(e))?;
    }
    for (index, letter) in ledger.letters.iter().enumerate() {
        let at = At {
            collection: "letters",
            index,
            id: &letter.id,
        };
        linked(
            at,
            &letter.client_id,
            &mut letter.invoice_ids.iter().map(String::as_str),
        )?;
        letter.validate().map_err(|e| at.refused(e))?;
    }
    Ok(())
}

fn validate_invoices(ledger: &Ledger, clients: &HashSet<&str>) -> Result<(), ImportError> {
    let mut numbers = HashSet::new();
    for (index, invoice) in ledger.invoices.iter().enumerate() {
        let at = At {
            collection: "invoices",
            index,
            id: &invoice.id,
        };
        at.link(
            "client_id",
            "client",
            &invoice.client_id,
            clients.contains(invoice.client_id.as_str()),
        )?;
        invoice.validate().map_err(|e| at.refused(e))?;
        let number = normalised_number(&invoice.number);
        if !numbers.insert((invoice.client_id.as_str(), number)) {
            return Err(at.error(
                "number",
                format!(
                    "client \"{}\" has two invoices numbered {}",
                    invoice.client_id, invoice.number
                ),
            ));
        }
    }
    Ok(())
}
