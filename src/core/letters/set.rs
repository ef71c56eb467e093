//! The template set: stock letters with the user's edits, and custom copies.

use super::stock;
use crate::core::error::FieldError;
use crate::core::ladder::LadderStep;
use crate::core::model::{LetterTemplate, TemplateSet};

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
