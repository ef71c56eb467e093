//! The fields an import fills, the column mapping, and guesses from header names in
//! English, German, French, Spanish, Italian, Dutch and Portuguese.

/// A field of Overdue that a column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// The client's name.
    Client,
    /// The client's e-mail address.
    Email,
    /// The invoice number.
    Number,
    /// The date of issue.
    IssueDate,
    /// The due date.
    DueDate,
    /// The invoice total (or, in a payments file, the payment amount).
    Amount,
    /// The amount paid so far.
    Paid,
    /// The balance still owed.
    Balance,
    /// The ISO currency code.
    Currency,
    /// The source tool's status (`draft`, `paid`, `void`…).
    Status,
    /// One line item's total, summed when there is no invoice total.
    LineTotal,
    /// The date of a payment (or, for an invoice, of its last payment).
    PaymentDate,
    /// The kind of document (`Sales invoice`, `Credit Memo`, `Bill`…).
    Kind,
    /// Payment terms, in days or as `Net 30`.
    Terms,
    /// `invoice` or `payment` (Overdue's own layout).
    Record,
    /// How a payment was made.
    Method,
    /// A note (payment note, write-off reason).
    Note,
    /// What was supplied.
    Description,
}

impl Field {
    /// Every field, the ten the `/import` page maps first.
    pub const ALL: [Field; 18] = [
        Field::Client,
        Field::Email,
        Field::Number,
        Field::IssueDate,
        Field::DueDate,
        Field::Amount,
        Field::Paid,
        Field::Balance,
        Field::Currency,
        Field::Status,
        Field::LineTotal,
        Field::PaymentDate,
        Field::Kind,
        Field::Terms,
        Field::Record,
        Field::Method,
        Field::Note,
        Field::Description,
    ];

    /// The ten fields the `/import` page offers a `csv-map` select for.
    pub const MAIN: [Field; 10] = [
        Field::Client,
        Field::Email,
        Field::Number,
        Field::IssueDate,
        Field::DueDate,
        Field::Amount,
        Field::Paid,
        Field::Balance,
        Field::Currency,
        Field::Status,
    ];

    /// The identifier used by `data-field` and Overdue's CSV header, such as `issue_date`.
    pub fn id(self) -> &'static str {
        match self {
            Field::Client => "client",
            Field::Email => "email",
            Field::Number => "number",
            Field::IssueDate => "issue_date",
            Field::DueDate => "due_date",
            Field::Amount => "amount",
            Field::Paid => "paid",
            Field::Balance => "balance",
            Field::Currency => "currency",
            Field::Status => "status",
            Field::LineTotal => "line_total",
            Field::PaymentDate => "payment_date",
            Field::Kind => "kind",
            Field::Terms => "terms",
            Field::Record => "record",
            Field::Method => "method",
            Field::Note => "note",
            Field::Description => "description",
        }
    }

    /// Looks a field up by its identifier.
    pub fn from_id(id: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|field| field.id() == id)
    }

    /// A short label for people.
    pub fn label(self) -> &'static str {
        match self {
            Field::Client => "Client",
            Field::Email => "E-mail",
            Field::Number => "Invoice number",
            Field::IssueDate => "Issue date",
            Field::DueDate => "Due date",
            Field::Amount => "Amount",
            Field::Paid => "Paid",
            Field::Balance => "Balance",
            Field::Currency => "Currency",
            Field::Status => "Status",
            Field::LineTotal => "Line total",
            Field::PaymentDate => "Payment date",
            Field::Kind => "Type",
            Field::Terms => "Terms",
            Field::Record => "Record",
            Field::Method => "Method",
            Field::Note => "Note",
            Field::Description => "Description",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Which column fills each field (`None`: no column).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Mapping {
    columns: [Option<usize>; Field::ALL.len()],
}

impl Mapping {
    /// The column that fills `field`.
    pub fn get(&self, field: Field) -> Option<usize> {
        self.columns[field.index()]
    }

    /// Sets (or clears) the column that fills `field`.
    pub fn set(&mut self, field: Field, column: Option<usize>) {
        self.columns[field.index()] = column;
    }

    /// True when some field is filled from `column`.
    pub fn uses(&self, column: usize) -> bool {
        self.columns.contains(&Some(column))
    }
}

/// A header reduced for matching: lower case, letters, digits and `#` only, without a
/// leading required-marker `*`. `Invoice #` and `*InvoiceNumber` become `invoice#` and
/// `invoicenumber`.
pub fn normalise(header: &str) -> String {
    header
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '#')
        .flat_map(char::to_lowercase)
        .collect()
}

/// Normalised header names per field, most telling first, in en, de, fr, es, it, nl, pt.
const GUESSES: [(Field, &[&str]); 18] = [
    (
        Field::Number,
        &[
            "invoicenumber",
            "invoiceno",
            "invoice#",
            "invoicenum",
            "invoice",
            "number",
            "num",
            "no",
            "documentnumber",
            "reference",
            "rechnungsnummer",
            "rechnungsnr",
            "rechnung",
            "belegnummer",
            "numérodefacture",
            "numérofacture",
            "nfacture",
            "facture",
            "numerodefactura",
            "númerodefactura",
            "nºfactura",
            "factura",
            "numerofattura",
            "fattura",
            "nfattura",
            "factuurnummer",
            "factuurnr",
            "factuur",
            "númerodafatura",
            "fatura",
            "nºfatura",
        ],
    ),
    (
        Field::Client,
        &[
            "client",
            "clientname",
            "customer",
            "customername",
            "customerfullname",
            "contactname",
            "contact",
            "company",
            "companyname",
            "name",
            "kunde",
            "kundenname",
            "firma",
            "auftraggeber",
            "nomduclient",
            "raisonsociale",
            "cliente",
            "nombredelcliente",
            "nombrecliente",
            "nomecliente",
            "ragionesociale",
            "klant",
            "klantnaam",
            "debiteur",
            "nomedocliente",
        ],
    ),
    (
        Field::Email,
        &[
            "email",
            "emailaddress",
            "customeremail",
            "clientemail",
            "emailrecipient",
            "mail",
            "emailadresse",
            "courriel",
            "adresseemail",
            "correo",
            "correoelectrónico",
            "correoelectronico",
            "posta",
            "emailadres",
        ],
    ),
    (
        Field::IssueDate,
        &[
            "invoicedate",
            "issuedate",
            "dateissued",
            "date",
            "documentdate",
            "rechnungsdatum",
            "datum",
            "belegdatum",
            "datedefacture",
            "datefacture",
            "date",
            "fechadefactura",
            "fechafactura",
            "fecha",
            "datafattura",
            "data",
            "factuurdatum",
            "datadafatura",
            "dataemissão",
            "datadeemissão",
        ],
    ),
    (
        Field::DueDate,
        &[
            "duedate",
            "due",
            "paymentdue",
            "fälligkeit",
            "fälligam",
            "fälligkeitsdatum",
            "fällig",
            "échéance",
            "dateéchéance",
            "datedéchéance",
            "fechadevencimiento",
            "vencimiento",
            "fechavencimiento",
            "scadenza",
            "datascadenza",
            "vervaldatum",
            "vervaldag",
            "datadevencimento",
            "vencimento",
        ],
    ),
    (
        Field::Amount,
        &[
            "total",
            "amount",
            "invoicetotal",
            "invoiceamount",
            "totalamount",
            "grandtotal",
            "betrag",
            "gesamtbetrag",
            "rechnungsbetrag",
            "summe",
            "montant",
            "montantttc",
            "totalttc",
            "importe",
            "importetotal",
            "importo",
            "totale",
            "importototale",
            "bedrag",
            "totaal",
            "totaalbedrag",
            "valor",
            "valortotal",
        ],
    ),
    (
        Field::Paid,
        &[
            "paid",
            "amountpaid",
            "paidtodate",
            "invoiceamountpaid",
            "bezahlt",
            "gezahlt",
            "payé",
            "montantpayé",
            "pagado",
            "importepagado",
            "pagato",
            "importopagato",
            "betaald",
            "pago",
            "valorpago",
        ],
    ),
    (
        Field::Balance,
        &[
            "balance",
            "balancedue",
            "amountdue",
            "openbalance",
            "invoiceamountdue",
            "outstanding",
            "amountremaining",
            "remaining",
            "offen",
            "offenerbetrag",
            "restbetrag",
            "saldo",
            "solde",
            "soldedû",
            "resteàpayer",
            "pendiente",
            "importependiente",
            "residuo",
            "daincassare",
            "openstaand",
            "openstaandbedrag",
            "emaberto",
            "valoremaberto",
        ],
    ),
    (
        Field::Currency,
        &[
            "currency",
            "currencycode",
            "währung",
            "devise",
            "monnaie",
            "moneda",
            "divisa",
            "valuta",
            "munt",
            "moeda",
        ],
    ),
    (
        Field::Status,
        &[
            "status",
            "invoicestatus",
            "documentstatus",
            "state",
            "statut",
            "état",
            "estado",
            "stato",
            "situação",
        ],
    ),
    (
        Field::LineTotal,
        &["linetotal", "lineamount", "itemtotal", "positionsbetrag"],
    ),
    (
        Field::PaymentDate,
        &[
            "paymentdate",
            "datepaid",
            "paidat",
            "paiddate",
            "lastpaymentdate",
            "zahlungsdatum",
            "bezahltam",
            "datedepaiement",
            "fechadepago",
            "datapagamento",
            "betaaldatum",
            "datadepagamento",
        ],
    ),
    (
        Field::Kind,
        &["type", "transactiontype", "documenttype", "typ", "tipo"],
    ),
    (
        Field::Terms,
        &[
            "terms",
            "paymentterms",
            "term",
            "termsold",
            "zahlungsziel",
            "zahlungsbedingungen",
            "conditionsdepaiement",
            "condicionesdepago",
            "terminidipagamento",
            "betalingstermijn",
            "condiçõesdepagamento",
        ],
    ),
    (Field::Record, &["record"]),
    (
        Field::Method,
        &["method", "paymentmethod", "zahlungsart", "moyendepaiement"],
    ),
    (
        Field::Note,
        &["note", "notes", "memo", "notiz", "remarque", "nota"],
    ),
    (
        Field::Description,
        &[
            "description",
            "details",
            "beschreibung",
            "libellé",
            "descripción",
            "descrizione",
            "omschrijving",
            "descrição",
        ],
    ),
];

/// True when the normalised header is a name some field is guessed from.
pub fn is_known_header(normalised: &str) -> bool {
    GUESSES.iter().any(|(_, names)| names.contains(&normalised))
}

/// Guesses the mapping from header names; each column fills at most one field.
pub fn guess_mapping(headers: &[String]) -> Mapping {
    let normalised: Vec<String> = headers.iter().map(|h| normalise(h)).collect();
    let mut mapping = Mapping::default();
    for (field, names) in GUESSES {
        let found = names.iter().find_map(|name| {
            normalised
                .iter()
                .enumerate()
                .position(|(column, header)| header == name && !mapping.uses(column))
        });
        mapping.set(field, found);
    }
    mapping
}

/// Maps each field to the first column named as in `names` (already normalised).
pub fn fixed_mapping(headers: &[String], names: &[(Field, &[&str])]) -> Mapping {
    let normalised: Vec<String> = headers.iter().map(|h| normalise(h)).collect();
    let mut mapping = Mapping::default();
    for (field, aliases) in names {
        let found = aliases
            .iter()
            .find_map(|alias| normalised.iter().position(|header| header == alias));
        mapping.set(*field, found);
    }
    mapping
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(names: &[&str]) -> Vec<String> {
        names.iter().map(|name| name.to_string()).collect()
    }

    fn mapped(mapping: &Mapping, headers: &[String], field: Field) -> Option<String> {
        mapping.get(field).map(|column| headers[column].clone())
    }

    #[test]
    fn headers_lose_case_spaces_punctuation_and_required_markers() {
        assert_eq!(normalise("*InvoiceNumber"), "invoicenumber");
        assert_eq!(normalise("Invoice #"), "invoice#");
        assert_eq!(normalise(" Währung "), "währung");
        assert_eq!(normalise("Due Date (UTC)"), "duedateutc");
    }

    #[test]
    fn english_headers_are_guessed() {
        let h = headers(&[
            "Customer",
            "Invoice No",
            "Date",
            "Due Date",
            "Total",
            "Amount Due",
            "Currency",
        ]);
        let m = guess_mapping(&h);
        assert_eq!(mapped(&m, &h, Field::Client).as_deref(), Some("Customer"));
        assert_eq!(mapped(&m, &h, Field::Number).as_deref(), Some("Invoice No"));
        assert_eq!(mapped(&m, &h, Field::IssueDate).as_deref(), Some("Date"));
        assert_eq!(mapped(&m, &h, Field::Amount).as_deref(), Some("Total"));
        assert_eq!(
            mapped(&m, &h, Field::Balance).as_deref(),
            Some("Amount Due")
        );
    }

    #[test]
    fn european_headers_are_guessed() {
        for (row, expected) in [
            (
                [
                    "Kunde",
                    "Rechnungsnummer",
                    "Rechnungsdatum",
                    "Fälligkeit",
                    "Betrag",
                    "Währung",
                ],
                "Kunde",
            ),
            (
                [
                    "Client",
                    "Numéro de facture",
                    "Date",
                    "Échéance",
                    "Montant",
                    "Devise",
                ],
                "Client",
            ),
            (
                [
                    "Cliente",
                    "Número de factura",
                    "Fecha",
                    "Vencimiento",
                    "Importe",
                    "Moneda",
                ],
                "Cliente",
            ),
            (
                [
                    "Cliente",
                    "Numero fattura",
                    "Data",
                    "Scadenza",
                    "Importo",
                    "Valuta",
                ],
                "Cliente",
            ),
            (
                [
                    "Klant",
                    "Factuurnummer",
                    "Datum",
                    "Vervaldatum",
                    "Bedrag",
                    "Munt",
                ],
                "Klant",
            ),
            (
                [
                    "Cliente",
                    "Número da fatura",
                    "Data de emissão",
                    "Data de vencimento",
                    "Valor",
                    "Moeda",
                ],
                "Cliente",
            ),
        ] {
            let h = headers(&row);
            let m = guess_mapping(&h);
            assert_eq!(
                mapped(&m, &h, Field::Client).as_deref(),
                Some(expected),
                "{row:?}"
            );
            for field in [
                Field::Number,
                Field::IssueDate,
                Field::DueDate,
                Field::Amount,
                Field::Currency,
            ] {
                assert!(m.get(field).is_some(), "{row:?} {field:?}");
            }
        }
    }
}
