//! The `/import` page: what it shows of a preview, which rows are on which page, whether
//! Import is enabled, and what the result says.

use crate::core::currency::Currency;
use crate::core::dates::{format_date, parse_date};
use crate::core::error::FieldError;
use crate::core::import::{
    Action, ChosenSettings, Counts, DateOrder, DecimalMark, Field, ImportOptions, OrderBasis,
    PaymentDateBasis, Preview, PreviewRow, Problem, Profile, RowKind, Separator, Severity,
    SourceFile,
};
use crate::core::money::{format_money, plain};
use rust_decimal::Decimal;

/// Preview rows shown on one page of the table.
pub const ROWS_PER_PAGE: usize = 25;
/// Problems shown on one page of the list.
pub const PROBLEMS_PER_PAGE: usize = 25;

/// What the person has chosen on the page: the import options, the part of the preview on
/// screen, and whether they have read the problems. Each option change starts the preview
/// over from its first page and asks for the problems to be read again.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportChoices {
    /// The options the preview runs with.
    pub options: ImportOptions,
    /// The action the preview table shows (`None`: every row).
    pub filter: Option<Action>,
    /// The page of the preview table, from 0.
    pub rows_page: usize,
    /// The page of the problem list, from 0.
    pub problems_page: usize,
    /// The person has read the problem list and still wants to import the good rows.
    pub acknowledged: bool,
}

impl ImportChoices {
    /// Fills `field` from the column headed `header` (empty: no column) and previews again.
    pub fn set_column(&mut self, file: &SourceFile, field: Field, header: &str) {
        let current = self.options.mapping.as_ref().unwrap_or(&file.mapping);
        let header = Some(header).filter(|header| !header.is_empty());
        self.options.mapping = Some(crate::core::import::remap(file, current, field, header));
        self.start_over();
    }

    /// Reads day/month order from its id (`dmy`, `mdy`, `ymd`).
    pub fn set_date_order(&mut self, id: &str) {
        self.options.date_order = DateOrder::from_id(id);
        self.start_over();
    }

    /// Sets the decimal mark from `.` or `,`.
    pub fn set_decimal(&mut self, symbol: &str) {
        self.options.decimal = DecimalMark::from_symbol(symbol);
        self.start_over();
    }

    /// Sets the currency of rows that name none from its ISO code.
    pub fn set_currency(&mut self, code: &str) {
        self.options.currency = Currency::parse(code).ok();
        self.start_over();
    }

    /// Sets the date of undated payments (`YYYY-MM-DD`; empty lets the file decide). A date
    /// that cannot be read is refused and the choice stays as it was.
    pub fn set_payment_date(&mut self, text: &str) -> Result<(), FieldError> {
        self.options.payment_date = if text.trim().is_empty() {
            None
        } else {
            Some(parse_date(text).map_err(|message| FieldError::on("payment_date", message))?)
        };
        self.start_over();
        Ok(())
    }

    /// Shows only rows with `action` (`None`: all), from the first page.
    pub fn set_filter(&mut self, filter: Option<Action>) {
        self.filter = filter;
        self.rows_page = 0;
    }

    /// Forgets every choice: a new file starts from what it says itself.
    pub fn reset(&mut self) {
        *self = ImportChoices::default();
    }

    fn start_over(&mut self) {
        self.rows_page = 0;
        self.problems_page = 0;
        self.acknowledged = false;
    }

    /// The submit check: Ok when the preview may be written now, else why not, naming the
    /// part of the page to look at.
    pub fn check(&self, preview: &Preview) -> Result<(), FieldError> {
        if !preview.has_changes() {
            return Err(FieldError::on("file", nothing_to_import(preview)));
        }
        if !preview.problems.is_empty() && !self.acknowledged {
            return Err(FieldError::on(
                "acknowledged",
                "Read the problems listed above first, then tick the box to import.",
            ));
        }
        Ok(())
    }
}

/// The recognised layout and how the file was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayoutView {
    /// The `data-value` of `csv-profile`, such as `xero`.
    pub id: &'static str,
    /// The tool's name for people.
    pub name: &'static str,
    /// Why it was recognised.
    pub reason: String,
    /// Encoding, separator and header line, in one sentence.
    pub reading: String,
}

/// One target field, the column that fills it and a few of that column's values.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MappingRow {
    /// The field (`data-field` is its id).
    pub field: Field,
    /// The field's label.
    pub label: &'static str,
    /// The header of the column that fills it, or "" when none does.
    pub header: String,
    /// Sample values of that column, or what happens without one.
    pub samples: String,
    /// The import cannot work without this field.
    pub needed: bool,
}

/// A select of the options panel: its choices and the one in use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionSelect {
    /// The value in use.
    pub value: String,
    /// `(value, label)` for each choice.
    pub choices: Vec<(String, String)>,
    /// How the value in use was decided.
    pub note: String,
}

/// The reading options as the preview used them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingsView {
    /// Day/month order (`csv-date-order`).
    pub date_order: OptionSelect,
    /// Decimal mark (`csv-decimal`).
    pub decimal: OptionSelect,
    /// Currency of rows that name none (`csv-currency`); its choices are every ISO code.
    pub currency: String,
    /// How that currency was decided.
    pub currency_note: String,
    /// Date given to undated payments, ISO.
    pub payment_date: String,
    /// How that date was decided.
    pub payment_date_note: String,
}

/// One figure of the counts strip.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountFigure {
    /// What is counted.
    pub label: &'static str,
    /// How many.
    pub value: usize,
}

/// A filter button over the preview table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilterChoice {
    /// The rows it shows (`None`: all).
    pub filter: Option<Action>,
    /// Its label with the number of rows, such as "New (3)".
    pub label: String,
    /// It is the filter in use.
    pub selected: bool,
}

/// One row of the preview table, with its formatted figures and `data-*` values.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RowView {
    /// Its first line in the file.
    pub line: usize,
    /// `invoice` or `payment` (`data-kind`).
    pub kind: &'static str,
    /// The invoice number as written.
    pub number: String,
    /// The client's name as written.
    pub client: String,
    /// The amount for people ("—" when unreadable).
    pub amount: String,
    /// The amount for `data-amount` ("" when unreadable).
    pub amount_plain: String,
    /// The balance after the import, for people.
    pub balance: String,
    /// The balance for `data-balance`.
    pub balance_plain: String,
    /// The due date for people.
    pub due: String,
    /// The due date, ISO, for `data-due`.
    pub due_iso: String,
    /// The currency code.
    pub currency: String,
    /// `data-action`: `new`, `update`, `unchanged`, `skip`.
    pub action: &'static str,
    /// The action for people.
    pub action_label: &'static str,
    /// Why it is skipped, or what changes, one line each.
    pub details: Vec<String>,
}

/// One problem of the list.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ProblemView {
    /// `data-line` (1 = the file's first line).
    pub line: usize,
    /// `error` (the row is skipped) or `note` (imported with an assumption).
    pub severity: &'static str,
    /// The severity for people.
    pub severity_label: &'static str,
    /// "Line 7, “Open balance”".
    pub place: String,
    /// What is wrong or assumed.
    pub message: String,
}

/// Where a paginated list is, and the way to its neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pager {
    /// The page shown, from 0 (clamped to the last page).
    pub page: usize,
    /// How many pages there are (at least 1).
    pub pages: usize,
    /// The first item shown, from 1 (0 when the list is empty).
    pub first: usize,
    /// The last item shown.
    pub last: usize,
    /// How many items the list holds.
    pub total: usize,
}

impl Pager {
    /// The page `page` of a list of `total` items, `size` a page.
    pub fn new(total: usize, page: usize, size: usize) -> Pager {
        let pages = total.div_ceil(size).max(1);
        let page = page.min(pages - 1);
        let first = page * size;
        Pager {
            page,
            pages,
            first: if total == 0 { 0 } else { first + 1 },
            last: (first + size).min(total),
            total,
        }
    }

    /// "Rows 51–100 of 230", with `noun` for the items.
    pub fn label(&self, noun: &str) -> String {
        format!("{noun} {}–{} of {}", self.first, self.last, self.total)
    }

    /// There is a page before this one.
    pub fn has_previous(&self) -> bool {
        self.page > 0
    }

    /// There is a page after this one.
    pub fn has_next(&self) -> bool {
        self.page + 1 < self.pages
    }
}

/// Whether Import may be pressed, and what the page says around the button.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportGate {
    /// The preview would change the ledger.
    pub has_changes: bool,
    /// The problem list must be acknowledged first.
    pub needs_acknowledgement: bool,
    /// The label of the acknowledgement checkbox.
    pub acknowledgement: String,
    /// Import can be pressed now.
    pub enabled: bool,
    /// The button's label, such as "Import 3 new and 1 updated invoices".
    pub button: String,
    /// Why the button is disabled, when it is.
    pub blocked: Option<String>,
}

/// Everything the `/import` page shows of one preview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportView {
    /// The recognised layout.
    pub layout: LayoutView,
    /// The file's headers as written, for the mapping selects (blank headers left out).
    pub headers: Vec<String>,
    /// One row per field of [`Field::MAIN`].
    pub mapping: Vec<MappingRow>,
    /// The reading options.
    pub settings: SettingsView,
    /// The counts strip.
    pub counts: Vec<CountFigure>,
    /// The sentence under the counts.
    pub summary: String,
    /// Filters over the preview table.
    pub filters: Vec<FilterChoice>,
    /// The rows on the page shown.
    pub rows: Vec<RowView>,
    /// Where the table is.
    pub rows_pager: Pager,
    /// The problems on the page shown.
    pub problems: Vec<ProblemView>,
    /// Where the problem list is.
    pub problems_pager: Pager,
    /// The problem list's heading, such as "2 rows skipped, 1 note".
    pub problems_heading: String,
    /// Whether Import may be pressed.
    pub gate: ImportGate,
}

/// What the `/import` page shows of `preview` with the person's `choices`.
pub fn import_view(file: &SourceFile, preview: &Preview, choices: &ImportChoices) -> ImportView {
    let shown: Vec<&PreviewRow> = preview
        .rows
        .iter()
        .filter(|row| choices.filter.is_none_or(|action| row.action == action))
        .collect();
    let rows_pager = Pager::new(shown.len(), choices.rows_page, ROWS_PER_PAGE);
    let problems_pager = Pager::new(
        preview.problems.len(),
        choices.problems_page,
        PROBLEMS_PER_PAGE,
    );
    let rows = shown
        .iter()
        .skip(rows_pager.page * ROWS_PER_PAGE)
        .take(ROWS_PER_PAGE)
        .map(|row| row_view(row))
        .collect();
    let problems = preview
        .problems
        .iter()
        .skip(problems_pager.page * PROBLEMS_PER_PAGE)
        .take(PROBLEMS_PER_PAGE)
        .map(problem_view)
        .collect();
    ImportView {
        layout: layout_view(preview),
        headers: headers(file),
        mapping: mapping_rows(preview),
        settings: settings_view(&preview.settings),
        counts: count_figures(&preview.counts),
        summary: preview.summary(),
        filters: filters(preview, choices.filter),
        rows,
        rows_pager,
        problems,
        problems_pager,
        problems_heading: problems_heading(&preview.problems),
        gate: gate(preview, choices.acknowledged),
    }
}

fn layout_view(preview: &Preview) -> LayoutView {
    let separator = match preview.separator {
        Separator::Comma => "comma-separated",
        Separator::Semicolon => "semicolon-separated",
        Separator::Tab => "tab-separated",
        Separator::Pipe => "separated by |",
    };
    LayoutView {
        id: preview.profile.id(),
        name: preview.profile.name(),
        reason: preview.reason.clone(),
        reading: format!(
            "Read as {}, {separator}, with the column names on line {}.",
            preview.encoding.label(),
            preview.header_line
        ),
    }
}

fn headers(file: &SourceFile) -> Vec<String> {
    let mut headers: Vec<String> = Vec::with_capacity(file.headers.len());
    for header in &file.headers {
        if !header.is_empty() && !headers.contains(header) {
            headers.push(header.clone());
        }
    }
    headers
}

/// Fields without which no invoice can be read.
const NEEDED: [Field; 3] = [Field::Client, Field::Number, Field::Amount];

fn mapping_rows(preview: &Preview) -> Vec<MappingRow> {
    Field::MAIN
        .iter()
        .map(|&field| {
            let header = preview
                .mapping
                .iter()
                .find(|mapped| mapped.field == field)
                .and_then(|mapped| mapped.header.clone())
                .unwrap_or_default();
            let samples = preview
                .columns
                .iter()
                .find(|column| !header.is_empty() && column.header == header)
                .map_or_else(
                    || unmapped_note(field).to_string(),
                    |column| distinct_samples(&column.samples),
                );
            MappingRow {
                field,
                label: field.label(),
                header,
                samples,
                needed: NEEDED.contains(&field),
            }
        })
        .collect()
}

/// The sample values once each, such as "Acme · Beta" (line items repeat their invoice's).
fn distinct_samples(samples: &[String]) -> String {
    let mut distinct: Vec<&str> = Vec::with_capacity(samples.len());
    for sample in samples {
        if !distinct.contains(&sample.as_str()) {
            distinct.push(sample);
        }
    }
    match distinct.is_empty() {
        true => "(empty column)".to_string(),
        false => distinct.join(" · "),
    }
}

fn unmapped_note(field: Field) -> &'static str {
    match field {
        Field::Client | Field::Number | Field::Amount => "Needed: choose the column",
        Field::IssueDate => "Taken from the due date",
        Field::DueDate => "Worked out from the terms or the issue date",
        Field::Paid | Field::Balance => "Worked out from the other amounts",
        Field::Currency => "The currency chosen below",
        Field::Status => "Read from the amounts",
        _ => "Not imported",
    }
}

fn settings_view(settings: &ChosenSettings) -> SettingsView {
    let date_order = OptionSelect {
        value: settings.date_order.id().to_string(),
        choices: [
            (DateOrder::Dmy, "Day first (28/01/2026)"),
            (DateOrder::Mdy, "Month first (01/28/2026)"),
            (DateOrder::Ymd, "Year first (2026/01/28)"),
        ]
        .into_iter()
        .map(|(order, label)| (order.id().to_string(), label.to_string()))
        .collect(),
        note: match settings.date_order_basis {
            OrderBasis::Proven => "Read from the dates: some day is above 12.",
            OrderBasis::Chosen => "As you chose.",
            OrderBasis::Default => {
                "Every date reads either way, so the default for your currency was used: check it."
            }
            OrderBasis::NotNeeded => "The dates are unambiguous; this is not needed.",
        }
        .to_string(),
    };
    let decimal = OptionSelect {
        value: settings.decimal.symbol().to_string(),
        choices: vec![
            (".".to_string(), "Point (1,234.56)".to_string()),
            (",".to_string(), "Comma (1.234,56)".to_string()),
        ],
        note: if settings.decimal_detected {
            "Read from the amounts."
        } else {
            "As you chose."
        }
        .to_string(),
    };
    let payment_date_note = match settings.payment_date_basis {
        PaymentDateBasis::Chosen => "As you chose.".to_string(),
        PaymentDateBasis::ExportDate => format!(
            "The date the file was exported ({}).",
            format_date(settings.payment_date)
        ),
        PaymentDateBasis::Today => {
            "Today, as the file states no date. Amounts paid without a date get this date."
                .to_string()
        }
    };
    SettingsView {
        date_order,
        decimal,
        currency: settings.currency.code().to_string(),
        currency_note: "For rows that name no currency.".to_string(),
        payment_date: settings.payment_date.to_string(),
        payment_date_note,
    }
}

fn count_figures(counts: &Counts) -> Vec<CountFigure> {
    vec![
        CountFigure {
            label: "New",
            value: counts.new,
        },
        CountFigure {
            label: "Updated",
            value: counts.updated,
        },
        CountFigure {
            label: "Unchanged",
            value: counts.unchanged,
        },
        CountFigure {
            label: "Skipped",
            value: counts.skipped,
        },
        CountFigure {
            label: "New clients",
            value: counts.new_clients,
        },
        CountFigure {
            label: "New payments",
            value: counts.new_payments,
        },
    ]
}

const ACTIONS: [Action; 4] = [Action::New, Action::Update, Action::Unchanged, Action::Skip];

fn action_label(action: Action) -> &'static str {
    match action {
        Action::New => "New",
        Action::Update => "Update",
        Action::Unchanged => "Unchanged",
        Action::Skip => "Skipped",
    }
}

fn filters(preview: &Preview, current: Option<Action>) -> Vec<FilterChoice> {
    let all = FilterChoice {
        filter: None,
        label: format!("All ({})", preview.rows.len()),
        selected: current.is_none(),
    };
    let by_action = ACTIONS.iter().filter_map(|&action| {
        let count = preview
            .rows
            .iter()
            .filter(|row| row.action == action)
            .count();
        (count > 0 || current == Some(action)).then(|| FilterChoice {
            filter: Some(action),
            label: format!("{} ({count})", action_label(action)),
            selected: current == Some(action),
        })
    });
    std::iter::once(all).chain(by_action).collect()
}

fn money(value: Option<Decimal>, currency: Option<&Currency>) -> (String, String) {
    match (value, currency) {
        (Some(value), Some(currency)) => (format_money(value, currency), plain(value)),
        (Some(value), None) => (plain(value), plain(value)),
        (None, _) => ("—".to_string(), String::new()),
    }
}

fn row_view(row: &PreviewRow) -> RowView {
    let currency = row.currency.as_ref();
    let (amount, amount_plain) = money(row.amount, currency);
    let (balance, balance_plain) = money(row.balance, currency);
    let details = row
        .reason
        .iter()
        .cloned()
        .chain(row.changes.iter().cloned())
        .collect();
    RowView {
        line: row.line,
        kind: match row.kind {
            RowKind::Invoice => "invoice",
            RowKind::Payment => "payment",
        },
        number: row.number.clone(),
        client: row.client.clone(),
        amount,
        amount_plain,
        balance,
        balance_plain,
        due: row.due_date.map(format_date).unwrap_or_default(),
        due_iso: row.due_date.map(|due| due.to_string()).unwrap_or_default(),
        currency: currency.map(|c| c.code().to_string()).unwrap_or_default(),
        action: row.action.id(),
        action_label: action_label(row.action),
        details,
    }
}

fn problem_view(problem: &Problem) -> ProblemView {
    let (severity, severity_label) = match problem.severity {
        Severity::Error => ("error", "Skipped"),
        Severity::Note => ("note", "Note"),
    };
    let place = match &problem.column {
        Some(column) => format!("Line {}, “{column}”", problem.line),
        None => format!("Line {}", problem.line),
    };
    ProblemView {
        line: problem.line,
        severity,
        severity_label,
        place,
        message: problem.message.clone(),
    }
}

fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

fn problems_heading(problems: &[Problem]) -> String {
    let errors = problems
        .iter()
        .filter(|problem| problem.severity == Severity::Error)
        .count();
    let notes = problems.len() - errors;
    match (errors, notes) {
        (0, 0) => "No problems: every row reads cleanly.".to_string(),
        (0, notes) => plural(notes, "note to check", "notes to check"),
        (errors, 0) => plural(errors, "problem", "problems"),
        (errors, notes) => format!(
            "{} and {}",
            plural(errors, "problem", "problems"),
            plural(notes, "note", "notes")
        ),
    }
}

fn nothing_to_import(preview: &Preview) -> String {
    if preview.rows.is_empty() {
        "Nothing to import: the file holds no invoices. Check the column mapping.".to_string()
    } else if preview.counts.skipped == preview.rows.len() {
        "Nothing to import: every row is skipped. The problems above say why.".to_string()
    } else if preview.counts.skipped > 0 {
        "Nothing to import: Overdue already holds every invoice of the file except the skipped \
         rows listed above."
            .to_string()
    } else {
        "Nothing to import: Overdue already holds every invoice as the file has it.".to_string()
    }
}

fn gate(preview: &Preview, acknowledged: bool) -> ImportGate {
    let has_changes = preview.has_changes();
    let needs_acknowledgement = has_changes && !preview.problems.is_empty();
    let skipped = preview.counts.skipped;
    let acknowledgement = if skipped > 0 {
        format!(
            "I have read the problems; import the good rows and skip {}.",
            plural(skipped, "row", "rows")
        )
    } else {
        "I have read the notes; import the rows as they are read.".to_string()
    };
    let blocked = if !has_changes {
        Some(nothing_to_import(preview))
    } else if needs_acknowledgement && !acknowledged {
        Some("Read the problems first, then tick the box above.".to_string())
    } else {
        None
    };
    ImportGate {
        has_changes,
        needs_acknowledgement,
        acknowledgement,
        enabled: blocked.is_none(),
        button: import_label(&preview.counts),
        blocked,
    }
}

fn import_label(counts: &Counts) -> String {
    let noun = |count: usize| if count == 1 { "invoice" } else { "invoices" };
    match (counts.new, counts.updated) {
        (0, 0) if counts.new_payments > 0 => format!(
            "Import {}",
            plural(counts.new_payments, "payment", "payments")
        ),
        (0, 0) => "Import".to_string(),
        (new, 0) => format!("Import {new} new {}", noun(new)),
        (0, updated) => format!("Update {updated} {}", noun(updated)),
        (new, updated) => format!("Import {new} new and {updated} updated {}", noun(updated)),
    }
}

/// The sentence `csv-status` shows after an import.
pub fn import_result(profile: Profile, counts: &Counts) -> String {
    let parts: Vec<String> = [
        (counts.new, "new invoice", "new invoices"),
        (counts.updated, "invoice updated", "invoices updated"),
        (counts.new_clients, "new client", "new clients"),
        (counts.new_payments, "new payment", "new payments"),
    ]
    .into_iter()
    .filter(|(count, _, _)| *count > 0)
    .map(|(count, one, many)| plural(count, one, many))
    .collect();
    let added = match parts.is_empty() {
        true => "payments replaced by dated ones".to_string(),
        false => parts.join(", "),
    };
    let skipped = match counts.skipped {
        0 => String::new(),
        skipped => format!(
            " {} not imported, as listed above.",
            plural(skipped, "row was", "rows were")
        ),
    };
    let source = match profile {
        Profile::Generic => "the file",
        named => named.name(),
    };
    format!("Imported from {source}: {added}.{skipped} Undo import puts your data back as it was.")
}

/// The sentence `csv-status` shows after "Undo import".
pub const UNDONE: &str = "The import was undone: your data is exactly as it was before it.";

/// Why "Undo import" is no longer offered after later changes.
pub const UNDO_EXPIRED: &str = "Undo is no longer possible: the data changed after the import. \
    Your import and the later changes are kept.";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::import::{preview, read};
    use crate::core::ledger::Ledger;
    use crate::core::model::Business;
    use chrono::NaiveDate;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
    }

    fn ledger_in(currency: &str) -> Ledger {
        Ledger::new(Business {
            default_currency: Currency::parse(currency).unwrap(),
            ..Business::default()
        })
    }

    fn view(text: &str, choices: &ImportChoices) -> ImportView {
        let file = read(text.as_bytes()).unwrap();
        let preview = preview(&ledger_in("GBP"), &file, &choices.options, today());
        import_view(&file, &preview, choices)
    }

    const CLEAN: &str = "Client,Invoice Number,Invoice Date,Due Date,Total,Paid,Currency
Acme,A-1,2026-01-10,2026-02-09,1000.00,250.00,GBP
Acme,A-2,2026-01-20,2026-02-19,500.00,0.00,EUR
";

    #[test]
    fn a_clean_file_shows_its_layout_mapping_rows_and_an_enabled_import() {
        let shown = view(CLEAN, &ImportChoices::default());
        assert_eq!(
            shown.layout,
            LayoutView {
                id: "generic",
                name: "your columns",
                reason: shown.layout.reason.clone(),
                reading: "Read as UTF-8, comma-separated, with the column names on line 1.".into(),
            }
        );
        assert_eq!(
            shown.mapping[0],
            MappingRow {
                field: Field::Client,
                label: "Client",
                header: "Client".into(),
                samples: "Acme".into(),
                needed: true,
            }
        );
        let email = &shown.mapping[1];
        assert_eq!(
            (email.header.as_str(), email.samples.as_str()),
            ("", "Not imported")
        );
        assert_eq!(
            shown.rows[0],
            RowView {
                line: 2,
                kind: "invoice",
                number: "A-1".into(),
                client: "Acme".into(),
                amount: "£1,000.00".into(),
                amount_plain: "1000.00".into(),
                balance: "£750.00".into(),
                balance_plain: "750.00".into(),
                due: "9 Feb 2026".into(),
                due_iso: "2026-02-09".into(),
                currency: "GBP".into(),
                action: "new",
                action_label: "New",
                details: vec!["new payment of £250.00 dated 2026-11-24".into()],
            }
        );
        assert_eq!(shown.rows[1].amount, "€500.00");
        assert_eq!(
            shown.counts.iter().map(|c| c.value).collect::<Vec<_>>(),
            [2, 0, 0, 0, 1, 1]
        );
        assert_eq!(shown.problems_heading, "1 note to check");
        assert_eq!(shown.problems[0].place, "Line 2");
        assert_eq!(
            shown.gate,
            ImportGate {
                has_changes: true,
                needs_acknowledgement: true,
                acknowledgement: "I have read the notes; import the rows as they are read.".into(),
                enabled: false,
                button: "Import 2 new invoices".into(),
                blocked: Some("Read the problems first, then tick the box above.".into()),
            }
        );
        let unpaid = view(
            "Client,Invoice Number,Invoice Date,Due Date,Total\nAcme,A-1,2026-01-10,2026-02-09,1000.00\n",
            &ImportChoices::default(),
        );
        assert_eq!(
            unpaid.problems_heading, "No problems: every row reads cleanly.",
            "{:?}",
            unpaid.problems
        );
        assert_eq!(
            (
                unpaid.gate.enabled,
                unpaid.gate.needs_acknowledgement,
                unpaid.gate.button.as_str()
            ),
            (true, false, "Import 1 new invoice")
        );
        assert_eq!(
            shown.settings.date_order.note,
            "The dates are unambiguous; this is not needed."
        );
        assert_eq!(shown.settings.currency, "GBP");
        assert_eq!(
            shown.settings.payment_date_note,
            "Today, as the file states no date. Amounts paid without a date get this date."
        );
    }

    const BAD_ROWS: &str = "Client,Invoice Number,Invoice Date,Due Date,Total,Currency
Acme,A-1,2026-01-10,2026-02-09,1000.00,GBP
Acme,A-2,2026-01-20,2026-02-19,lots,GBP
Beta,B-1,2026-01-20,2026-01-01,20.00,GBP
";

    #[test]
    fn bad_rows_are_listed_by_line_and_import_waits_until_they_are_read() {
        let mut choices = ImportChoices::default();
        let shown = view(BAD_ROWS, &choices);
        let lines: Vec<(usize, &str)> = shown
            .problems
            .iter()
            .map(|problem| (problem.line, problem.severity))
            .collect();
        assert_eq!(lines, [(3, "error"), (4, "error")]);
        assert_eq!(shown.problems[1].place, "Line 4, “Due Date”");
        assert_eq!(shown.problems_heading, "2 problems");
        assert_eq!(
            shown.gate,
            ImportGate {
                has_changes: true,
                needs_acknowledgement: true,
                acknowledgement: "I have read the problems; import the good rows and skip 2 rows."
                    .into(),
                enabled: false,
                button: "Import 1 new invoice".into(),
                blocked: Some("Read the problems first, then tick the box above.".into()),
            }
        );
        let file = read(BAD_ROWS.as_bytes()).unwrap();
        let preview = preview(&ledger_in("GBP"), &file, &choices.options, today());
        assert_eq!(
            choices.check(&preview).unwrap_err().field_name(),
            Some("acknowledged")
        );
        choices.acknowledged = true;
        assert!(view(BAD_ROWS, &choices).gate.enabled);
        assert_eq!(choices.check(&preview), Ok(()));
    }

    #[test]
    fn changing_an_option_asks_again_and_starts_from_the_first_page() {
        let file = read(BAD_ROWS.as_bytes()).unwrap();
        let mut choices = ImportChoices {
            acknowledged: true,
            rows_page: 3,
            problems_page: 2,
            ..ImportChoices::default()
        };
        choices.set_decimal(",");
        assert_eq!(
            (
                choices.acknowledged,
                choices.rows_page,
                choices.problems_page
            ),
            (false, 0, 0)
        );
        assert_eq!(choices.options.decimal, Some(DecimalMark::Comma));
        choices.acknowledged = true;
        choices.set_column(&file, Field::Amount, "Currency");
        let mapping = choices.options.mapping.clone().unwrap();
        assert_eq!(mapping.get(Field::Amount), Some(5));
        assert!(!choices.acknowledged);
        choices.set_column(&file, Field::Currency, "");
        assert_eq!(choices.options.mapping.unwrap().get(Field::Currency), None);
        let mut choices = ImportChoices::default();
        assert!(choices.set_payment_date("31/02/2026").is_err());
        assert_eq!(choices.options.payment_date, None);
        choices.set_payment_date("2026-03-01").unwrap();
        assert_eq!(
            choices.options.payment_date,
            NaiveDate::from_ymd_opt(2026, 3, 1)
        );
        choices.set_date_order("mdy");
        choices.set_currency("usd");
        assert_eq!(
            (
                choices.options.date_order,
                choices.options.currency.unwrap().code()
            ),
            (Some(DateOrder::Mdy), "USD")
        );
    }

    #[test]
    fn a_long_preview_is_paged_and_filtered_by_action() {
        let mut text = String::from("Client,Invoice Number,Invoice Date,Due Date,Total\n");
        for number in 1..=120 {
            text.push_str(&format!("Acme,N-{number},2026-01-10,2026-02-09,10.00\n"));
        }
        text.push_str("Acme,N-bad,2026-01-10,2026-02-09,x\n");
        let mut choices = ImportChoices {
            rows_page: 4,
            ..ImportChoices::default()
        };
        let shown = view(&text, &choices);
        assert_eq!(
            shown.rows_pager,
            Pager {
                page: 4,
                pages: 5,
                first: 101,
                last: 121,
                total: 121,
            }
        );
        assert_eq!(shown.rows_pager.label("Rows"), "Rows 101–121 of 121");
        assert_eq!(shown.rows.len(), 21);
        assert!(!shown.rows_pager.has_next() && shown.rows_pager.has_previous());
        assert_eq!(
            shown
                .filters
                .iter()
                .map(|f| (f.label.as_str(), f.selected))
                .collect::<Vec<_>>(),
            [
                ("All (121)", true),
                ("New (120)", false),
                ("Skipped (1)", false)
            ]
        );
        choices.set_filter(Some(Action::Skip));
        let skipped = view(&text, &choices);
        assert_eq!(choices.rows_page, 0);
        assert_eq!(skipped.rows.len(), 1);
        assert_eq!(skipped.rows[0].number, "N-bad");
        assert_eq!(skipped.rows[0].amount, "—");
        choices.rows_page = 9;
        assert_eq!(view(&text, &choices).rows_pager.page, 0);
    }

    #[test]
    fn an_empty_list_pages_as_one_empty_page() {
        let empty = Pager::new(0, 4, ROWS_PER_PAGE);
        assert_eq!(
            (empty.page, empty.pages, empty.first, empty.last),
            (0, 1, 0, 0)
        );
        assert!(!empty.has_previous() && !empty.has_next());
    }

    #[test]
    fn a_file_already_imported_has_nothing_to_import() {
        let file = read(CLEAN.as_bytes()).unwrap();
        let options = ImportOptions::default();
        let first = preview(&ledger_in("GBP"), &file, &options, today());
        let after = crate::core::import::commit(
            &ledger_in("GBP"),
            &first,
            &mut crate::core::ids::Sequential::default(),
            today(),
        )
        .unwrap();
        let again = preview(&after, &file, &options, today());
        let shown = import_view(&file, &again, &ImportChoices::default());
        let expected = "Nothing to import: Overdue already holds every invoice as the file has it.";
        assert_eq!(
            (shown.gate.enabled, shown.gate.blocked.as_deref()),
            (false, Some(expected))
        );
        assert_eq!(
            ImportChoices::default().check(&again),
            Err(FieldError::on("file", expected))
        );
    }

    #[test]
    fn the_result_says_what_was_imported_and_how_to_undo_it() {
        let counts = Counts {
            new: 3,
            updated: 1,
            unchanged: 2,
            skipped: 1,
            new_clients: 2,
            new_payments: 4,
            replaced_payments: 0,
        };
        assert_eq!(
            import_result(Profile::Xero, &counts),
            "Imported from Xero: 3 new invoices, 1 invoice updated, 2 new clients, 4 new payments. \
             1 row was not imported, as listed above. Undo import puts your data back as it was."
        );
        let one = Counts {
            new: 1,
            ..Counts::default()
        };
        assert_eq!(
            import_result(Profile::QuickbooksAging, &one),
            "Imported from QuickBooks A/R Aging Detail: 1 new invoice. Undo import puts your data back as it was."
        );
    }
}
