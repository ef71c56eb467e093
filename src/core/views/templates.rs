//! The templates page: the list of letters, the one being edited, a bounded choice of invoices
//! to preview against, the live preview and the reference of variables.

use crate::core::books::Books;
use crate::core::error::FieldError;
use crate::core::forms::TemplateForm;
use crate::core::letters::template::{Context, Template};
use crate::core::letters::variables::{context, Catalogue, SettlementFigures, VARIABLES};
use crate::core::model::TemplateSet;
use crate::core::money::format_money;
use chrono::NaiveDate;

/// How many invoices the preview picker offers (plus the one being previewed).
pub const PREVIEW_CHOICES: usize = 50;

/// One template in the list.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TemplateEntry {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// A stock letter the user edited.
    pub edited: bool,
}

/// One invoice the preview can be rendered against.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PreviewChoice {
    /// The invoice's id (the option's value).
    pub id: String,
    /// "INV-001 · Acme Ltd · £1,000.00 open".
    pub label: String,
}

/// Everything the templates page shows except the typed draft and its preview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplatesPage {
    /// Every template: the stock letters (the ladder's in order, then the dispute response),
    /// then the user's own.
    pub templates: Vec<TemplateEntry>,
    /// The template open in the editor (the default letter when the chosen one is gone).
    pub selected: String,
    /// The label of the button that drops edits or deletes a custom template.
    pub reset_label: &'static str,
    /// The invoices offered for the preview: open ones first (oldest due date first), then the
    /// rest (latest issued first), at most [`PREVIEW_CHOICES`], plus the one previewed.
    pub preview_choices: Vec<PreviewChoice>,
    /// The invoice previewed: the one chosen, or the first choice; `None` with no invoices.
    pub preview_invoice: Option<String>,
}

/// The templates page on `today`, with `selected_id` open and the preview on
/// `preview_invoice` (or on the most useful invoice when none is chosen).
pub fn templates_page(
    books: &Books,
    selected_id: &str,
    preview_invoice: Option<&str>,
    today: NaiveDate,
) -> TemplatesPage {
    let set = &books.templates;
    let templates: Vec<TemplateEntry> = set
        .all()
        .into_iter()
        .map(|template| TemplateEntry {
            edited: set.is_edited(&template.id),
            id: template.id,
            name: template.name,
        })
        .collect();
    let selected = if templates.iter().any(|entry| entry.id == selected_id) {
        selected_id.to_string()
    } else {
        TemplateSet::DEFAULT.id().to_string()
    };
    let chosen = preview_invoice.and_then(|id| books.invoice_position(id));
    let preview_choices = preview_choices(books, chosen, today);
    TemplatesPage {
        reset_label: if set.is_custom(&selected) {
            "Delete custom template"
        } else {
            "Reset to stock"
        },
        templates,
        selected,
        preview_invoice: chosen
            .map(|at| books.invoices[at].id.clone())
            .or_else(|| preview_choices.first().map(|choice| choice.id.clone())),
        preview_choices,
    }
}

fn preview_choices(books: &Books, chosen: Option<usize>, today: NaiveDate) -> Vec<PreviewChoice> {
    let mut positions: Vec<(usize, bool)> = (0..books.invoices.len())
        .map(|at| (at, !books.summary_at(at, today).outstanding.is_zero()))
        .collect();
    positions.sort_by(|&(left, left_open), &(right, right_open)| {
        let (left, right) = (&books.invoices[left], &books.invoices[right]);
        right_open.cmp(&left_open).then_with(|| {
            if left_open {
                left.due_date.cmp(&right.due_date)
            } else {
                right.issue_date.cmp(&left.issue_date)
            }
        })
    });
    let mut offered: Vec<usize> = positions
        .into_iter()
        .take(PREVIEW_CHOICES)
        .map(|(at, _)| at)
        .collect();
    if let Some(at) = chosen.filter(|at| !offered.contains(at)) {
        offered.push(at);
    }
    offered
        .into_iter()
        .map(|at| preview_choice(books, at, today))
        .collect()
}

fn preview_choice(books: &Books, at: usize, today: NaiveDate) -> PreviewChoice {
    let invoice = &books.invoices[at];
    let client = books
        .client_of(at)
        .map_or(invoice.client_id.as_str(), |client| client.name.as_str());
    let outstanding = books.summary_at(at, today).outstanding;
    let state = if outstanding.is_zero() {
        "settled".to_string()
    } else {
        format!("{} open", format_money(outstanding, &invoice.currency))
    };
    PreviewChoice {
        id: invoice.id.clone(),
        label: format!("{} · {client} · {state}", invoice.number),
    }
}

/// The live preview of the typed template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Preview {
    /// The letter as it would go out.
    Letter {
        /// The rendered subject line.
        subject: String,
        /// The rendered body.
        body: String,
    },
    /// The typed text cannot be rendered; the error names the subject or the body.
    Problem(FieldError),
    /// There is no invoice to render against.
    NoInvoice,
}

impl Preview {
    /// What the preview area says instead of a letter, if anything.
    pub fn notice(&self) -> Option<&'static str> {
        match self {
            Preview::Letter { .. } => None,
            Preview::Problem(problem) if problem.field_name() == Some("subject") => {
                Some("Not previewed: the subject has a problem, described under it.")
            }
            Preview::Problem(_) => {
                Some("Not previewed: the body has a problem, described under it.")
            }
            Preview::NoInvoice => Some("Add an invoice to preview letters against your own data."),
        }
    }
}

/// The error the editor shows: the live problem of the subject or body while there is one,
/// else the last save's error, except a save's complaint about the subject or body, which the
/// live check has since cleared.
pub fn editor_error(saved: Option<&FieldError>, preview: &Preview) -> Option<FieldError> {
    match preview {
        Preview::Problem(problem) => Some(problem.clone()),
        Preview::Letter { .. } | Preview::NoInvoice => saved
            .filter(|error| !matches!(error.field_name(), Some("subject" | "body")))
            .cloned(),
    }
}

/// The values a preview renders with: the invoice's letter variables on `today`, with the
/// deadline `deadline_days` ahead; `None` when there is no such invoice. Kept apart from
/// [`preview`] so that typing re-renders without recomputing the invoice's figures.
pub fn preview_values(
    books: &Books,
    invoice_id: Option<&str>,
    deadline_days: i64,
    today: NaiveDate,
) -> Option<Context> {
    context(
        books,
        invoice_id?,
        today,
        deadline_days,
        &SettlementFigures::default(),
    )
}

/// Renders the typed template with `values`. A template that does not parse, names an
/// unknown variable or would take too long to render is a [`Preview::Problem`] on the field
/// it is in.
pub fn preview(form: &TemplateForm, values: Option<&Context>) -> Preview {
    let checked = |field: &'static str, source: &str| {
        Template::check(source, &Catalogue)
            .map_err(|error| FieldError::on(field, error.to_string()))
    };
    let templates = checked("subject", &form.subject)
        .and_then(|subject| Ok((subject, checked("body", &form.body)?)));
    let (subject, body) = match templates {
        Ok(templates) => templates,
        Err(problem) => return Preview::Problem(problem),
    };
    let Some(values) = values else {
        return Preview::NoInvoice;
    };
    let rendered = |field: &'static str, template: &Template| {
        template
            .render(values)
            .map(|text| text.trim().to_string())
            .map_err(|error| FieldError::on(field, error.to_string()))
    };
    match rendered("subject", &subject).and_then(|subject| Ok((subject, rendered("body", &body)?)))
    {
        Ok((subject, body)) => Preview::Letter { subject, body },
        Err(problem) => Preview::Problem(problem),
    }
}

/// One line of the variable reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VariableLine {
    /// The name to write in a template.
    pub name: &'static str,
    /// What it holds.
    pub description: &'static str,
    /// An example value.
    pub example: &'static str,
    /// For a list, what each row holds: "list; each row has number, date, amount".
    pub list_note: Option<String>,
}

/// The reference of every variable a template may use, in catalogue order.
pub fn variable_reference() -> Vec<VariableLine> {
    VARIABLES
        .iter()
        .map(|variable| VariableLine {
            name: variable.name,
            description: variable.description,
            example: variable.example,
            list_note: (!variable.fields.is_empty())
                .then(|| format!("list; each row has {}", variable.fields.join(", "))),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::backup;
    use crate::core::ledger::Ledger;
    use crate::core::model::{Invoice, Payment};
    use crate::core::money::Amount;
    use chrono::Days;
    use rust_decimal::Decimal;
    use std::sync::Arc;

    fn day(year: i32, month: u32, date: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, date).unwrap()
    }

    fn example_books() -> Books {
        let text = include_str!("../../../tests/fixtures/contract-example.json");
        Books::new(Arc::new(backup::import(text).unwrap()))
    }

    /// Acme with `count` invoices of £100: INV-1 due 1 Jan 2026, INV-2 a day later, and so on;
    /// invoices whose number is in `paid` are paid in full.
    fn many_invoices(count: usize, paid: &[usize]) -> Books {
        let mut ledger = Ledger::clone(&example_books());
        let example = ledger.invoices[0].clone();
        ledger.invoices.clear();
        ledger.payments.clear();
        ledger.activities.clear();
        for number in 1..=count {
            let due = day(2026, 1, 1) + Days::new(number as u64 - 1);
            let amount = Amount::new(Decimal::from(100)).unwrap();
            ledger.invoices.push(Invoice {
                id: format!("i{number}"),
                number: format!("INV-{number}"),
                issue_date: due - Days::new(30),
                due_date: due,
                amount,
                interest: None,
                ..example.clone()
            });
            if paid.contains(&number) {
                ledger.payments.push(Payment {
                    id: format!("p{number}"),
                    invoice_id: format!("i{number}"),
                    date: due,
                    amount,
                    method: String::new(),
                    note: String::new(),
                });
            }
        }
        Books::new(Arc::new(ledger))
    }

    #[test]
    fn the_page_lists_the_stock_then_custom_letters_and_opens_the_overdue_reminder() {
        let mut ledger = Ledger::clone(&example_books());
        let mut edited = ledger.templates.get("follow-up").unwrap();
        edited.body = "Hello {{ client.name }}".into();
        ledger.templates.save(edited).unwrap();
        let copy = ledger.templates.duplicate("final-notice").unwrap();
        let books = Books::new(Arc::new(ledger));
        let page = templates_page(&books, "", None, day(2026, 3, 2));
        let names: Vec<(&str, &str, bool)> = page
            .templates
            .iter()
            .map(|entry| (entry.id.as_str(), entry.name.as_str(), entry.edited))
            .collect();
        assert_eq!(
            names,
            [
                ("reminder-before-due", "Reminder before due date", false),
                ("reminder-overdue", "Overdue reminder", false),
                ("follow-up", "Follow-up", true),
                ("final-notice", "Final notice", false),
                ("demand-letter", "Demand letter", false),
                ("settlement-offer", "Settlement talk", false),
                ("settlement-agreement", "Settlement agreement", false),
                ("payment-thanks", "Thank-you for payment", false),
                ("dispute-response", "Dispute response", false),
                ("custom-1", "Final notice (copy)", false),
            ]
        );
        assert_eq!(page.selected, "reminder-overdue");
        assert_eq!(page.reset_label, "Reset to stock");
        assert_eq!(
            page.preview_choices,
            [PreviewChoice {
                id: "i1".into(),
                label: "INV-001 · Acme Ltd · £1,000.00 open".into(),
            }]
        );
        assert_eq!(page.preview_invoice.as_deref(), Some("i1"));
        let custom = templates_page(&books, &copy, None, day(2026, 3, 2));
        assert_eq!(custom.selected, "custom-1");
        assert_eq!(custom.reset_label, "Delete custom template");
    }

    #[test]
    fn the_preview_picker_offers_fifty_open_invoices_oldest_due_first_plus_the_chosen_one() {
        // INV-1 and INV-2 are settled; INV-3 … INV-80 are open, INV-3 the oldest.
        let books = many_invoices(80, &[1, 2]);
        let page = templates_page(&books, "follow-up", Some("i1"), day(2026, 6, 1));
        assert_eq!(page.preview_choices.len(), PREVIEW_CHOICES + 1);
        assert_eq!(
            page.preview_choices[0].label,
            "INV-3 · Acme Ltd · £100.00 open"
        );
        assert_eq!(page.preview_choices[49].id, "i52");
        assert_eq!(
            page.preview_choices[50],
            PreviewChoice {
                id: "i1".into(),
                label: "INV-1 · Acme Ltd · settled".into(),
            }
        );
        assert_eq!(page.preview_invoice.as_deref(), Some("i1"));
        let unchosen = templates_page(&books, "follow-up", Some("gone"), day(2026, 6, 1));
        assert_eq!(unchosen.preview_choices.len(), PREVIEW_CHOICES);
        assert_eq!(unchosen.preview_invoice.as_deref(), Some("i3"));
    }

    #[test]
    fn settled_invoices_follow_open_ones_latest_issued_first() {
        let books = many_invoices(3, &[1, 3]);
        let ids: Vec<String> = templates_page(&books, "", None, day(2026, 6, 1))
            .preview_choices
            .into_iter()
            .map(|choice| choice.id)
            .collect();
        assert_eq!(ids, ["i2", "i3", "i1"]);
        let empty = templates_page(&Books::default(), "", None, day(2026, 6, 1));
        assert_eq!(empty.preview_choices, []);
        assert_eq!(empty.preview_invoice, None);
    }

    fn form(subject: &str, body: &str) -> TemplateForm {
        TemplateForm {
            id: "follow-up".into(),
            name: "Follow-up".into(),
            subject: subject.into(),
            body: body.into(),
            deadline_days: "7".into(),
        }
    }

    #[test]
    fn the_preview_renders_the_typed_text_against_the_invoice() {
        let books = example_books();
        let values = preview_values(&books, Some("i1"), 7, day(2026, 3, 2));
        let typed = form(
            "Invoice {{ invoice.number }}",
            "Dear {{ client.name }}, please pay {{ invoice.balance }} by {{ deadline }}.\n",
        );
        assert_eq!(
            preview(&typed, values.as_ref()),
            Preview::Letter {
                subject: "Invoice INV-001".into(),
                body: "Dear Acme Ltd, please pay £1,000.00 by 9 March 2026.".into(),
            }
        );
        assert_eq!(preview_values(&books, None, 7, day(2026, 3, 2)), None);
        assert_eq!(
            preview_values(&books, Some("gone"), 7, day(2026, 3, 2)),
            None
        );
        assert_eq!(preview(&typed, None), Preview::NoInvoice);
    }

    #[test]
    fn a_template_that_cannot_render_is_a_problem_on_its_field() {
        let books = example_books();
        let values = preview_values(&books, Some("i1"), 7, day(2026, 3, 2));
        assert_eq!(
            preview(
                &form("Hi", "Dear {{ client.name }},\n{{ client.nmae }}"),
                values.as_ref()
            ),
            Preview::Problem(FieldError::on(
                "body",
                "line 2, column 1: unknown variable `client.nmae`"
            ))
        );
        assert_eq!(
            preview(&form("{% if x", "Body"), None),
            Preview::Problem(FieldError::on(
                "subject",
                "line 1, column 1: `{%` is never closed with `%}`"
            ))
        );
    }

    #[test]
    fn a_body_too_large_to_render_is_refused_on_the_body() {
        // Forty open invoices make a forty-row statement; two nested loops over it repeat a
        // 200-character line 1,600 times: 320 KB, past the 256 KB a letter may take.
        let books = many_invoices(40, &[]);
        let values = preview_values(&books, Some("i1"), 7, day(2026, 6, 1));
        let heavy = format!(
            "{{% for row in statement %}}{{% for other in statement %}}{}{{% endfor %}}{{% endfor %}}",
            "x".repeat(200)
        );
        assert_eq!(
            preview(&form("Hi", &heavy), values.as_ref()),
            Preview::Problem(FieldError::on(
                "body",
                "line 1, column 27: the letter would be longer than 256 KB"
            ))
        );
    }

    #[test]
    fn a_live_problem_wins_and_a_cleared_one_no_longer_shows() {
        let problem = FieldError::on("body", "line 1, column 1: unknown variable `x`");
        let stale = Preview::Problem(problem.clone());
        let letter = Preview::Letter {
            subject: "Hi".into(),
            body: "Body".into(),
        };
        let name = FieldError::on("name", "a template needs a name");
        assert_eq!(editor_error(Some(&name), &stale), Some(problem.clone()));
        assert_eq!(editor_error(Some(&problem), &letter), None);
        assert_eq!(editor_error(Some(&name), &letter), Some(name.clone()));
        assert_eq!(editor_error(None, &Preview::NoInvoice), None);
        assert_eq!(
            stale.notice(),
            Some("Not previewed: the body has a problem, described under it.")
        );
        assert_eq!(letter.notice(), None);
    }

    #[test]
    fn the_variable_reference_describes_lists_by_their_fields() {
        let reference = variable_reference();
        assert_eq!(
            reference[0],
            VariableLine {
                name: "business.name",
                description: "Your business name",
                example: "Ada Studio",
                list_note: None,
            }
        );
        assert!(reference.iter().any(
            |line| line.list_note.as_deref() == Some("list; each row has number, date, amount")
        ));
    }
}
