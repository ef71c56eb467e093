//! Letters: the escalation ladder's letters as editable, checked templates, rendered from the
//! ledger, and sent by copy, `mailto:`, `.eml` or print.

pub mod output;
mod set;
mod stock;
pub mod template;
pub mod variables;

use crate::core::error::FieldError;
use crate::core::ladder::LadderStep;
use crate::core::ledger::Ledger;
use crate::core::model::{activity_kind, Activity, LetterTemplate};
use chrono::NaiveDate;
use template::{Context, Template, TemplateError};
use variables::Catalogue;

impl LetterTemplate {
    /// Checks the name, the deadline, the subject and the body against the variables and the
    /// template limits (length, nesting); the editor and backup import both run this.
    pub fn check(&self) -> Result<(), FieldError> {
        let fail = |field, error: TemplateError| FieldError::Field {
            field,
            message: error.to_string(),
        };
        if self.name.trim().is_empty() {
            return Err(FieldError::Field {
                field: "name",
                message: "a template needs a name".into(),
            });
        }
        if !(0..=365).contains(&self.deadline_days) {
            return Err(FieldError::Field {
                field: "deadline_days",
                message: "the deadline must be between 0 and 365 days".into(),
            });
        }
        Template::check(&self.subject, &Catalogue).map_err(|e| fail("subject", e))?;
        Template::check(&self.body, &Catalogue).map_err(|e| fail("body", e))?;
        Ok(())
    }

    /// Renders the subject and body; a template that no longer parses, or is too costly to
    /// render, renders as its own text.
    pub fn render(&self, context: &Context) -> (String, String) {
        let render = |source: &str| {
            Template::parse(source)
                .and_then(|template| template.render(context))
                .unwrap_or_else(|_| source.to_string())
        };
        (
            render(&self.subject).trim().to_string(),
            render(&self.body).trim().to_string(),
        )
    }
}

/// Builds a template from the editor's fields, reading the deadline as typed.
pub fn from_form(
    id: &str,
    name: &str,
    subject: &str,
    body: &str,
    deadline_days: &str,
) -> Result<LetterTemplate, FieldError> {
    let deadline_days = deadline_days
        .trim()
        .parse::<i64>()
        .map_err(|_| FieldError::Field {
            field: "deadline_days",
            message: format!("\"{}\" is not a whole number of days", deadline_days.trim()),
        })?;
    let template = LetterTemplate {
        id: id.to_string(),
        name: name.trim().to_string(),
        subject: subject.to_string(),
        body: body.to_string(),
        deadline_days,
    };
    template.check()?;
    Ok(template)
}

/// The timeline entry recording that a letter was sent.
pub fn sent_activity(
    ledger: &Ledger,
    invoice_id: &str,
    template: &LetterTemplate,
    channel: &str,
    today: NaiveDate,
) -> Option<Activity> {
    let invoice = ledger.invoice(invoice_id)?;
    let summary = format!(
        "{} for invoice {} sent by {channel}",
        template.name, invoice.number
    );
    Some(Activity {
        invoice_id: Some(invoice_id.to_string()),
        step: Some(template.id.clone()),
        channel: Some(channel.to_string()),
        ..Activity::new(&invoice.client_id, today, activity_kind::LETTER, summary)
    })
}

/// The stock template of a ladder step.
pub fn stock(step: LadderStep) -> LetterTemplate {
    let (id, subject, body, deadline_days) = stock::STOCK
        .iter()
        .copied()
        .find(|(id, ..)| *id == step.id())
        .unwrap_or(stock::STOCK[0]);
    LetterTemplate {
        id: id.into(),
        name: step.label().into(),
        subject: subject.into(),
        body: body.into(),
        deadline_days,
    }
}

#[cfg(test)]
mod tests;
