//! Letter templates the user edited or added, kept with the ledger.

use serde::{Deserialize, Serialize};

/// A letter template: a subject, a body and a response deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LetterTemplate {
    /// A ladder step id for stock letters and their edits, or `custom-N` for duplicates.
    pub id: String,
    /// The name shown in pickers.
    pub name: String,
    /// The subject line template.
    pub subject: String,
    /// The body template.
    pub body: String,
    /// Days from today to the `deadline` variable.
    pub deadline_days: i64,
}

/// The user's edited and custom templates; stock ones come from the code.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateSet {
    /// Templates the user changed or added.
    #[serde(default)]
    pub saved: Vec<LetterTemplate>,
}

impl TemplateSet {
    /// True when the user changed no template.
    pub fn is_empty(&self) -> bool {
        self.saved.is_empty()
    }
}
