//! Letters: the escalation ladder's letters as editable, checked templates, rendered from the
//! ledger, and sent by copy, `mailto:`, `.eml` or print.

pub mod output;
mod stock;
pub mod template;
pub mod variables;

use crate::core::error::FieldError;
use crate::core::ladder::LadderStep;
use crate::core::ledger::Ledger;
use crate::core::model::{activity_kind, Activity, LetterTemplate, TemplateSet};
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

impl TemplateSet {
    /// Every template: each stock step (edited if the user edited it), then the custom ones.
    pub fn all(&self) -> Vec<LetterTemplate> {
        let mut all: Vec<LetterTemplate> = LadderStep::ALL
            .iter()
            .map(|step| {
                self.saved
                    .iter()
                    .find(|t| t.id == step.id())
                    .cloned()
                    .unwrap_or_else(|| stock(*step))
            })
            .collect();
        all.extend(
            self.saved
                .iter()
                .filter(|t| LadderStep::from_id(&t.id).is_none())
                .cloned(),
        );
        all
    }

    /// The template with this id.
    pub fn get(&self, id: &str) -> Option<LetterTemplate> {
        self.all().into_iter().find(|t| t.id == id)
    }

    /// True when a stock template was edited.
    pub fn is_edited(&self, id: &str) -> bool {
        LadderStep::from_id(id).is_some() && self.saved.iter().any(|t| t.id == id)
    }

    /// Saves a template after checking it; on error nothing changes.
    pub fn save(&mut self, template: LetterTemplate) -> Result<(), FieldError> {
        template.check()?;
        match self.saved.iter_mut().find(|t| t.id == template.id) {
            Some(slot) => *slot = template,
            None => self.saved.push(template),
        }
        Ok(())
    }

    /// Drops the user's edits of a stock template, or deletes a custom one.
    pub fn reset(&mut self, id: &str) {
        self.saved.retain(|t| t.id != id);
    }

    /// Copies a template as a new custom one and returns its id.
    pub fn duplicate(&mut self, id: &str) -> Option<String> {
        let mut copy = self.get(id)?;
        let next = self
            .saved
            .iter()
            .filter_map(|t| t.id.strip_prefix("custom-")?.parse::<u32>().ok())
            .max()
            .unwrap_or(0)
            + 1;
        copy.id = format!("custom-{next}");
        copy.name = format!("{} (copy)", copy.name);
        self.saved.push(copy.clone());
        Some(copy.id)
    }
}

#[cfg(test)]
mod tests;
