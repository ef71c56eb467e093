//! Letters: the escalation ladder's letters as editable, checked templates, rendered from the
//! ledger, and sent by copy, `mailto:`, `.eml` or print.

pub mod account;
pub mod case;
pub mod output;
mod set;
mod stock;
pub mod template;
pub mod variables;

use crate::core::error::FieldError;
use crate::core::ids::IdSource;
use crate::core::ladder::LadderStep;
use crate::core::ledger::Ledger;
use crate::core::model::{LetterTemplate, SentLetter};
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

/// A letter as it goes out, before [`record_sent`] keeps it.
#[derive(Debug, Clone, Copy)]
pub struct Outgoing<'a> {
    /// The client it is sent to.
    pub client_id: &'a str,
    /// The invoices it covers.
    pub invoice_ids: &'a [String],
    /// The template it was drafted from.
    pub template_id: &'a str,
    /// The subject line, exactly as sent.
    pub subject: &'a str,
    /// The text, exactly as sent.
    pub body: &'a str,
}

/// Keeps the letter exactly as sent by `channel` on `today` (its text stays as it was when a
/// template later changes), logs it against each invoice it covers, and returns the kept
/// letter's id and the sentence to show.
pub fn record_sent(
    ledger: &mut Ledger,
    outgoing: Outgoing,
    channel: Channel,
    today: NaiveDate,
    ids: &mut dyn IdSource,
) -> Result<(String, String), FieldError> {
    let letter = SentLetter {
        id: String::new(),
        client_id: outgoing.client_id.to_string(),
        invoice_ids: outgoing.invoice_ids.to_vec(),
        date: today,
        template: outgoing.template_id.to_string(),
        channel: channel.id().to_string(),
        subject: outgoing.subject.to_string(),
        body: outgoing.body.to_string(),
    };
    let id = ledger.record_letter(letter, ids)?;
    let covered = match outgoing.invoice_ids.len() {
        1 => String::new(),
        count => format!(" against each of its {count} invoices"),
    };
    Ok((
        id,
        format!(
            "Kept as sent and logged on the client's timeline{covered}: “{}”, sent by {}.",
            outgoing.subject,
            channel.label()
        ),
    ))
}

/// The id of the stock reply to a dispute that was reviewed and rejected: a letter, not a
/// step of the ladder.
pub const DISPUTE_RESPONSE: &str = "dispute-response";

fn stock_name(id: &str) -> &'static str {
    LadderStep::from_id(id).map_or("Dispute response", LadderStep::label)
}

/// Every stock template, in the order pickers show them: the ladder's letters, then the
/// reply to a dispute.
pub fn stock_templates() -> Vec<LetterTemplate> {
    stock::STOCK
        .iter()
        .map(|(id, subject, body, deadline_days)| LetterTemplate {
            id: (*id).into(),
            name: stock_name(id).into(),
            subject: (*subject).into(),
            body: (*body).into(),
            deadline_days: *deadline_days,
        })
        .collect()
}

/// The stock template with this id.
pub fn stock_template(id: &str) -> Option<LetterTemplate> {
    stock_templates()
        .into_iter()
        .find(|template| template.id == id)
}

/// True when `id` names a stock template (a ladder step's letter or the dispute response).
pub fn is_stock(id: &str) -> bool {
    stock::STOCK.iter().any(|(stock_id, ..)| *stock_id == id)
}

/// The stock template of a ladder step.
pub fn stock(step: LadderStep) -> LetterTemplate {
    stock_template(step.id()).unwrap_or_else(|| stock_templates().remove(0))
}

#[cfg(test)]
mod tests;
