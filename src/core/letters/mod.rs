//! Letters: the escalation ladder's letters as editable, checked templates, rendered from the
//! ledger, and sent by copy, `mailto:`, `.eml` or print.

pub mod output;
mod set;
mod stock;
pub mod template;
pub mod variables;

use crate::core::error::FieldError;
use crate::core::ids::IdSource;
use crate::core::ladder::LadderStep;
use crate::core::ledger::Ledger;
use crate::core::model::{activity_kind, Activity, LetterTemplate};
use chrono::NaiveDate;
use std::cell::Cell;
use template::{Context, Names, Template, TemplateError};
use variables::Catalogue;

/// The notice a letter with legal effect carries: the app drafts, it does not advise.
pub const LEGAL_NOTICE: &str = "This letter is a drafting aid, not legal advice. Check the figures and the rules that apply to your debt before sending it.";

/// Variables whose value depends on a reference rate (the interest itself, or a total that
/// includes it).
const INTEREST_FIGURES: [&str; 5] = [
    "interest.total",
    "interest.rate",
    "interest.rows",
    "totals.interest",
    "totals.claim",
];

/// How a letter was sent, as its timeline entry records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Channel {
    /// By e-mail (a mail link, a downloaded .eml or a copied text).
    Email,
    /// By post (the printed letter).
    Post,
    /// Handed over in person.
    Hand,
}

impl Channel {
    /// Every channel, in the order the letter view offers them.
    pub const ALL: [Channel; 3] = [Channel::Email, Channel::Post, Channel::Hand];

    /// The stable id stored on the timeline entry, such as `email`.
    pub fn id(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::Post => "post",
            Channel::Hand => "hand",
        }
    }

    /// Looks a channel up by its id.
    pub fn from_id(id: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|channel| channel.id() == id)
    }

    /// A name for people.
    pub fn label(self) -> &'static str {
        match self {
            Channel::Email => "e-mail",
            Channel::Post => "post",
            Channel::Hand => "by hand",
        }
    }
}

/// The catalogue, noting whether a template names one of `wanted`.
struct Recorder {
    wanted: &'static [&'static str],
    found: Cell<bool>,
}

impl Recorder {
    fn note(&self, name: &str) {
        if self.wanted.contains(&name) {
            self.found.set(true);
        }
    }
}

impl Names for Recorder {
    fn is_text(&self, name: &str) -> bool {
        self.note(name);
        Catalogue.is_text(name)
    }

    fn list_fields(&self, name: &str) -> Option<Vec<&'static str>> {
        self.note(name);
        Catalogue.list_fields(name)
    }
}

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
        Template::check(&self.subject, &Catalogue).map_err(|error| fail("subject", error))?;
        Template::check(&self.body, &Catalogue).map_err(|error| fail("body", error))?;
        Ok(())
    }

    /// True for letters with legal effect (the letter before action and the settlement
    /// agreement), which carry [`LEGAL_NOTICE`].
    pub fn needs_legal_notice(&self) -> bool {
        [LadderStep::DemandLetter, LadderStep::SettlementAgreement]
            .iter()
            .any(|step| step.id() == self.id)
    }

    /// True when the subject or body quotes interest, or a total that includes it, so its
    /// figures depend on the reference-rate tables.
    pub fn quotes_interest(&self) -> bool {
        let recorder = Recorder {
            wanted: &INTEREST_FIGURES,
            found: Cell::new(false),
        };
        for source in [&self.subject, &self.body] {
            let _ = Template::check(source, &recorder);
        }
        recorder.found.get()
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
    channel: Channel,
    today: NaiveDate,
) -> Option<Activity> {
    let invoice = ledger.invoice(invoice_id)?;
    let summary = format!(
        "{} for invoice {} sent by {}",
        template.name,
        invoice.number,
        channel.id()
    );
    Some(Activity {
        invoice_id: Some(invoice_id.to_string()),
        step: Some(template.id.clone()),
        channel: Some(channel.id().to_string()),
        ..Activity::new(&invoice.client_id, today, activity_kind::LETTER, summary)
    })
}

/// Logs on the client's timeline that the letter `template_id` about an invoice was sent, and
/// returns the sentence to show.
pub fn record_sent(
    ledger: &mut Ledger,
    invoice_id: &str,
    template_id: &str,
    channel: Channel,
    today: NaiveDate,
    ids: &mut dyn IdSource,
) -> Result<String, FieldError> {
    let template = ledger
        .templates
        .get(template_id)
        .ok_or_else(|| FieldError::NotFound("the letter template".into()))?;
    let activity = sent_activity(ledger, invoice_id, &template, channel, today)
        .ok_or_else(|| FieldError::NotFound("the invoice".into()))?;
    ledger.add_activity(activity, ids)?;
    Ok(format!(
        "Logged on the client's timeline: {} sent by {}.",
        template.name,
        channel.label()
    ))
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
