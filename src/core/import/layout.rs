//! Which tool wrote the file, recognised from its header, and how its columns map.
//!
//! Layouts that hold no invoices (transaction ledgers, activity downloads, client lists,
//! bills) are refused with a message that says what to export instead.

use super::fields::{fixed_mapping, guess_mapping, normalise, Field, Mapping};

/// A recognised layout; its id is what the `/import` page's `csv-profile` shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Profile {
    /// Xero sales-invoice export (or its import template).
    Xero,
    /// QuickBooks Online A/R Aging Detail report.
    QuickbooksAging,
    /// QuickBooks Open Invoices report (the client is on a section row).
    QuickbooksOpenInvoices,
    /// FreshBooks invoice export (line items, no total).
    Freshbooks,
    /// Zoho Invoice export.
    Zoho,
    /// Invoicely invoice export.
    Invoicely,
    /// Invoice2go export.
    Invoice2go,
    /// Invoice Ninja v4 or v5 export (invoices or payments).
    InvoiceNinja,
    /// Stripe Dashboard invoice export.
    Stripe,
    /// Overdue's own CSV export.
    Overdue,
    /// Anything else: the user maps the columns.
    Generic,
}

impl Profile {
    /// The id, such as `quickbooks-aging`.
    pub fn id(self) -> &'static str {
        match self {
            Profile::Xero => "xero",
            Profile::QuickbooksAging => "quickbooks-aging",
            Profile::QuickbooksOpenInvoices => "quickbooks-open-invoices",
            Profile::Freshbooks => "freshbooks",
            Profile::Zoho => "zoho",
            Profile::Invoicely => "invoicely",
            Profile::Invoice2go => "invoice2go",
            Profile::InvoiceNinja => "invoice-ninja",
            Profile::Stripe => "stripe",
            Profile::Overdue => "overdue",
            Profile::Generic => "generic",
        }
    }

    /// The tool's name for people.
    pub fn name(self) -> &'static str {
        match self {
            Profile::Xero => "Xero",
            Profile::QuickbooksAging => "QuickBooks A/R Aging Detail",
            Profile::QuickbooksOpenInvoices => "QuickBooks Open Invoices",
            Profile::Freshbooks => "FreshBooks",
            Profile::Zoho => "Zoho Invoice",
            Profile::Invoicely => "Invoicely",
            Profile::Invoice2go => "Invoice2go",
            Profile::InvoiceNinja => "Invoice Ninja",
            Profile::Stripe => "Stripe",
            Profile::Overdue => "Overdue",
            Profile::Generic => "your columns",
        }
    }

    /// True when the client's name is on a section row above the invoice rows.
    pub fn client_from_section(self) -> bool {
        self == Profile::QuickbooksOpenInvoices
    }
}

/// Whether each data row is (part of) an invoice or a payment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// Rows are invoices or their line items.
    Invoices,
    /// Rows are payments, matched to invoices by number and client.
    Payments,
}

/// A recognised layout, its column mapping and why it was recognised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recognition {
    /// The layout.
    pub profile: Profile,
    /// Invoices or payments.
    pub kind: FileKind,
    /// Why, in a short sentence for the page.
    pub reason: String,
    /// Which column fills each field.
    pub mapping: Mapping,
}

type Names = &'static [(Field, &'static [&'static str])];

const XERO: Names = &[
    (Field::Client, &["contactname"]),
    (Field::Email, &["emailaddress"]),
    (Field::Number, &["invoicenumber"]),
    (Field::IssueDate, &["invoicedate"]),
    (Field::DueDate, &["duedate"]),
    (Field::Amount, &["total"]),
    (Field::Paid, &["invoiceamountpaid"]),
    (Field::Balance, &["invoiceamountdue"]),
    (Field::Currency, &["currency"]),
    (Field::Status, &["status"]),
    (Field::LineTotal, &["lineamount"]),
    (Field::Kind, &["type"]),
    (Field::Description, &["reference"]),
];
const QUICKBOOKS: Names = &[
    (Field::Client, &["customerfullname", "customer", "name"]),
    (Field::Number, &["num"]),
    (Field::IssueDate, &["date"]),
    (Field::DueDate, &["duedate"]),
    (Field::Amount, &["amount"]),
    (Field::Balance, &["openbalance"]),
    (Field::Kind, &["transactiontype", "type"]),
    (Field::Terms, &["term", "terms"]),
];
const FRESHBOOKS: Names = &[
    (Field::Client, &["clientname", "organization"]),
    (Field::Email, &["email"]),
    (Field::Number, &["invoice#"]),
    (Field::IssueDate, &["dateissued"]),
    (Field::DueDate, &["duedate"]),
    (Field::Status, &["invoicestatus"]),
    (Field::PaymentDate, &["datepaid"]),
    (Field::LineTotal, &["linetotal"]),
    (Field::Currency, &["currency"]),
];
const ZOHO: Names = &[
    (Field::Client, &["customername", "companyname"]),
    (Field::Email, &["primarycontactemailid", "emailid"]),
    (Field::Number, &["invoicenumber"]),
    (Field::IssueDate, &["invoicedate"]),
    (Field::DueDate, &["duedate"]),
    (Field::Amount, &["total"]),
    (Field::Balance, &["balance"]),
    (Field::Currency, &["currencycode"]),
    (Field::Status, &["invoicestatus"]),
    (Field::LineTotal, &["itemtotal"]),
    (Field::PaymentDate, &["lastpaymentdate"]),
    (Field::Terms, &["paymentterms"]),
];
const INVOICELY: Names = &[
    (Field::Client, &["client"]),
    (Field::Number, &["details"]),
    (Field::IssueDate, &["date"]),
    (Field::DueDate, &["due"]),
    (Field::Amount, &["total"]),
    (Field::Status, &["status"]),
];
const INVOICE2GO: Names = &[
    (Field::Client, &["name"]),
    (Field::Email, &["emailrecipient"]),
    (Field::Number, &["documentnumber"]),
    (Field::IssueDate, &["documentdate"]),
    (Field::Amount, &["totalamount"]),
    (Field::Paid, &["amountpaidamount"]),
    (Field::Balance, &["balancedueamount"]),
    (Field::Currency, &["currencycode"]),
    (Field::Status, &["documentstatus"]),
    (Field::PaymentDate, &["datepaid"]),
    (Field::Terms, &["termsold"]),
];
const NINJA_V4: Names = &[
    (Field::Client, &["client"]),
    (Field::Email, &["email"]),
    (Field::Number, &["invoicenumber"]),
    (Field::IssueDate, &["invoicedate"]),
    (Field::DueDate, &["duedate"]),
    (Field::Amount, &["amount"]),
    (Field::Paid, &["paid"]),
    (Field::Status, &["status"]),
];
const NINJA_V5: Names = &[
    (Field::Client, &["clientname"]),
    (Field::Email, &["clientemail", "contactemail"]),
    (Field::Number, &["invoiceinvoicenumber", "invoicenumber"]),
    (Field::IssueDate, &["invoicedate"]),
    (Field::DueDate, &["invoiceduedate"]),
    (Field::Amount, &["invoiceamount"]),
    (Field::Paid, &["invoicepaidtodate"]),
    (Field::Balance, &["invoicebalance"]),
    (Field::Currency, &["clientcurrency", "invoicecurrency"]),
    (Field::Status, &["invoicestatus"]),
];
const NINJA_PAYMENTS: Names = &[
    (Field::Client, &["client", "clientname"]),
    (Field::Number, &["invoicenumber", "invoiceinvoicenumber"]),
    (Field::Amount, &["amount", "paymentamount"]),
    (Field::PaymentDate, &["date", "paymentdate"]),
    (Field::Currency, &["paymentcurrency"]),
    (Field::Method, &["paymenttype", "method"]),
];
const STRIPE: Names = &[
    (Field::Client, &["customername", "customer"]),
    (Field::Email, &["customeremail"]),
    (Field::Number, &["number"]),
    (
        Field::IssueDate,
        &["dateutc", "finalizedatutc", "createdutc", "date"],
    ),
    (Field::DueDate, &["duedateutc", "duedate"]),
    (Field::Amount, &["total", "amountdue"]),
    (Field::Paid, &["amountpaid"]),
    (Field::Balance, &["amountremaining"]),
    (Field::Currency, &["currency"]),
    (Field::Status, &["status"]),
    (Field::PaymentDate, &["paidatutc"]),
    (Field::Description, &["description"]),
];

/// The columns of Overdue's own CSV, in order (see the module documentation).
pub const OVERDUE_HEADER: [&str; 15] = [
    "record",
    "client",
    "email",
    "number",
    "issue_date",
    "due_date",
    "amount",
    "currency",
    "paid",
    "balance",
    "status",
    "date",
    "method",
    "note",
    "description",
];

const OVERDUE: Names = &[
    (Field::Record, &["record"]),
    (Field::Client, &["client"]),
    (Field::Email, &["email"]),
    (Field::Number, &["number"]),
    (Field::IssueDate, &["issuedate"]),
    (Field::DueDate, &["duedate"]),
    (Field::Amount, &["amount"]),
    (Field::Currency, &["currency"]),
    (Field::Paid, &["paid"]),
    (Field::Balance, &["balance"]),
    (Field::Status, &["status"]),
    (Field::PaymentDate, &["date"]),
    (Field::Method, &["method"]),
    (Field::Note, &["note"]),
    (Field::Description, &["description"]),
];

struct Signature {
    profile: Profile,
    kind: FileKind,
    all_of: &'static [&'static str],
    names: Names,
    reason: &'static str,
}

const SIGNATURES: &[Signature] = &[
    Signature { profile: Profile::Overdue, kind: FileKind::Invoices, all_of: &["record", "client", "number", "issuedate", "duedate", "amount", "currency"], names: OVERDUE, reason: "Overdue's own CSV: record, client, number, issue_date and due_date columns" },
    Signature { profile: Profile::Xero, kind: FileKind::Invoices, all_of: &["contactname", "invoicenumber", "invoicedate", "duedate"], names: XERO, reason: "Xero invoice export: ContactName, InvoiceNumber, InvoiceDate and DueDate columns" },
    Signature { profile: Profile::QuickbooksAging, kind: FileKind::Invoices, all_of: &["num", "openbalance", "amount", "customerfullname"], names: QUICKBOOKS, reason: "QuickBooks A/R Aging Detail: Num, Customer full name, Amount and Open balance columns" },
    Signature { profile: Profile::QuickbooksAging, kind: FileKind::Invoices, all_of: &["num", "openbalance", "amount", "customer"], names: QUICKBOOKS, reason: "QuickBooks A/R Aging Detail: Num, Customer, Amount and Open Balance columns" },
    Signature { profile: Profile::QuickbooksOpenInvoices, kind: FileKind::Invoices, all_of: &["num", "openbalance", "duedate"], names: QUICKBOOKS, reason: "QuickBooks Open Invoices: Num, Due date and Open balance columns, clients on section rows" },
    Signature { profile: Profile::Freshbooks, kind: FileKind::Invoices, all_of: &["clientname", "invoice#", "dateissued"], names: FRESHBOOKS, reason: "FreshBooks invoice export: Client Name, Invoice #, Date Issued and Line Total columns" },
    Signature { profile: Profile::Zoho, kind: FileKind::Invoices, all_of: &["invoiceid", "invoicenumber", "customername", "invoicestatus"], names: ZOHO, reason: "Zoho Invoice export: Invoice ID, Invoice Number, Customer Name and Balance columns" },
    Signature { profile: Profile::Invoicely, kind: FileKind::Invoices, all_of: &["date", "due", "details", "client", "status", "total"], names: INVOICELY, reason: "Invoicely export: Date, Due, Details, Client, Status and Total columns" },
    Signature { profile: Profile::Invoice2go, kind: FileKind::Invoices, all_of: &["documentnumber", "totalamount", "balancedueamount"], names: INVOICE2GO, reason: "Invoice2go export: DocumentNumber, TotalAmount and BalanceDueAmount columns" },
    Signature { profile: Profile::InvoiceNinja, kind: FileKind::Invoices, all_of: &["clientname", "invoiceinvoicenumber", "invoiceamount"], names: NINJA_V5, reason: "Invoice Ninja v5 invoice report: Client Name, Invoice Invoice Number and Invoice Amount columns" },
    Signature { profile: Profile::InvoiceNinja, kind: FileKind::Invoices, all_of: &["client", "email", "invoicenumber", "amount", "paid", "invoicedate", "duedate"], names: NINJA_V4, reason: "Invoice Ninja v4 invoice export: Client, Invoice Number, Amount, Paid and Due Date columns" },
    Signature { profile: Profile::Stripe, kind: FileKind::Invoices, all_of: &["id", "number", "amountpaid", "status"], names: STRIPE, reason: "Stripe invoice export: id, Number, Amount Paid and Status columns" },
];

/// Recognises the layout from the header (and, for payment files, the title rows).
pub fn recognise(headers: &[String], title: &str) -> Result<Recognition, String> {
    let normalised: Vec<String> = headers.iter().map(|h| normalise(h)).collect();
    let has = |name: &str| normalised.iter().any(|header| header == name);
    refuse_non_invoices(&has)?;
    if let Some(signature) = SIGNATURES.iter().find(|s| s.all_of.iter().all(|n| has(n))) {
        return Ok(Recognition {
            profile: signature.profile,
            kind: signature.kind,
            reason: signature.reason.into(),
            mapping: fixed_mapping(headers, signature.names),
        });
    }
    let ninja_payments = ["client", "invoicenumber", "amount", "date"]
        .iter()
        .all(|n| has(n))
        && !has("duedate");
    if ninja_payments {
        let from_ninja = title.to_lowercase().contains("invoice ninja");
        return Ok(Recognition {
            profile: if from_ninja {
                Profile::InvoiceNinja
            } else {
                Profile::Generic
            },
            kind: FileKind::Payments,
            reason: if from_ninja {
                "Invoice Ninja payments export: Client, Invoice Number, Amount and Date columns under an Invoice Ninja title".into()
            } else {
                "A payments list: Client, Invoice Number, Amount and Date columns and no due date"
                    .into()
            },
            mapping: fixed_mapping(headers, NINJA_PAYMENTS),
        });
    }
    let mapping = guess_mapping(headers);
    refuse_client_list(&mapping, &has)?;
    Ok(Recognition {
        profile: Profile::Generic,
        kind: FileKind::Invoices,
        reason: "No known tool's layout: columns were guessed from their names; check the mapping"
            .into(),
        mapping,
    })
}

fn refuse_non_invoices(has: &dyn Fn(&str) -> bool) -> Result<(), String> {
    if has("transactionid") && has("accountname") && (has("accounttype") || has("accountgroup")) {
        return Err("This is a Wave accounting-transactions export: a ledger of debits and credits, not a list of invoices. In Wave, export your invoices instead (Sales → Invoices → export to CSV), or use an A/R aging report.".into());
    }
    let paypal = (has("gross") && has("fee") && has("net"))
        || (has("brutto") && has("gebühr") && has("netto"))
        || has("balanceimpact")
        || has("auswirkungaufguthaben");
    if paypal {
        return Err("This is a PayPal activity download: money that moved, not invoices. Import the invoices from the tool you invoice with; payments received by PayPal can then be recorded against them.".into());
    }
    if has("fullaccountname") && (has("amountnum") || has("valuenum")) {
        return Err("This is a GnuCash transactions export: a ledger of splits, not a list of invoices. List your open invoices (client, number, issue date, due date, amount) in a spreadsheet and import that CSV instead.".into());
    }
    if has("debitamounttwocolumnapproach") || (has("debit") && has("credit") && has("account")) {
        return Err("This is an accounting ledger of debits and credits, not a list of invoices. Export the invoice list or an A/R aging report instead.".into());
    }
    Ok(())
}

fn refuse_client_list(mapping: &Mapping, has: &dyn Fn(&str) -> bool) -> Result<(), String> {
    let contact_columns = [
        "email",
        "emailid",
        "phone",
        "mobilephone",
        "website",
        "billingstreet",
    ]
    .iter()
    .any(|name| has(name));
    let no_invoice = mapping.get(Field::Number).is_none()
        && mapping.get(Field::DueDate).is_none()
        && mapping.get(Field::IssueDate).is_none();
    if contact_columns && no_invoice {
        return Err("This file lists clients, not invoices. Overdue creates clients from the invoices it imports: export the invoice list from the same tool and import that.".into());
    }
    Ok(())
}

/// Refuses files whose first line shows a layout that is not CSV invoices at all.
pub fn refuse_by_content(text: &str) -> Result<(), String> {
    let first = text.trim_start().lines().next().unwrap_or("");
    if first.starts_with('!') && first.contains('\t') {
        return Err("This is a QuickBooks Desktop IIF file: a journal of transactions and splits, not a list of invoices. In QuickBooks, run Reports → Customers & Receivables → Open Invoices (or A/R Aging Detail) and export it to CSV instead.".into());
    }
    Ok(())
}

/// Refuses GnuCash's bill and invoice import files: no header row, 22 fields a row, and an
/// account path in the ninth field.
pub fn refuse_gnucash_entries(rows: &[&[String]]) -> Result<(), String> {
    let looks_like = !rows.is_empty()
        && rows.iter().take(20).all(|cells| {
            cells.len() == 22 && cells[8].contains(':') && !cells[0].trim().is_empty()
        });
    if !looks_like {
        return Ok(());
    }
    if rows
        .iter()
        .any(|cells| cells[8].trim_start().starts_with("Expenses"))
    {
        return Err("This is a GnuCash bill file (entries posted to Expenses accounts): it lists money you owe, not money owed to you, so there is nothing to chase. GnuCash has no invoice export; list your open invoices (client, number, issue date, due date, amount) in a spreadsheet and import that CSV.".into());
    }
    Err("This is a GnuCash invoice-entries file: one row per line item, with no totals, balances or payments. GnuCash has no invoice export; list your open invoices (client, number, issue date, due date, amount) in a spreadsheet and import that CSV.".into())
}
