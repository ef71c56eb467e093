//! The template set: stock letters with the user's edits, and custom copies.

use super::{is_stock, stock_templates};
use crate::core::error::FieldError;
use crate::core::ladder::LadderStep;
use crate::core::model::{LetterTemplate, TemplateSet};

/// The id prefix of the user's own templates: `custom-1`, `custom-2`, …
const CUSTOM_PREFIX: &str = "custom-";

/// What resetting a template did, and which template to show next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reset {
    /// The template to show now: the same stock step, or the default letter after a delete.
    pub show: String,
    /// What happened, for the person who asked.
    pub message: &'static str,
}

impl TemplateSet {
    /// The template a page opens when none is chosen: the first overdue reminder.
    pub const DEFAULT: LadderStep = LadderStep::ReminderOverdue;

    /// Every template: each stock letter (edited if the user edited it), then the custom ones.
    pub fn all(&self) -> Vec<LetterTemplate> {
        let mut all: Vec<LetterTemplate> = stock_templates()
            .into_iter()
            .map(|stock| {
                self.saved
                    .iter()
                    .find(|template| template.id == stock.id)
                    .cloned()
                    .unwrap_or(stock)
            })
            .collect();
        all.extend(
            self.saved
                .iter()
                .filter(|template| self.is_custom(&template.id))
                .cloned(),
        );
        all
    }

    /// The template with this id.
    pub fn get(&self, id: &str) -> Option<LetterTemplate> {
        self.all().into_iter().find(|template| template.id == id)
    }

    /// True when a stock template was edited.
    pub fn is_edited(&self, id: &str) -> bool {
        is_stock(id) && self.saved.iter().any(|template| template.id == id)
    }

    /// True when `id` names one of the user's own templates rather than a stock letter:
    /// resetting it deletes it.
    pub fn is_custom(&self, id: &str) -> bool {
        !is_stock(id)
    }

    /// Saves a template after checking it; on error nothing changes.
    pub fn save(&mut self, template: LetterTemplate) -> Result<(), FieldError> {
        template.check()?;
        match self.saved.iter_mut().find(|saved| saved.id == template.id) {
            Some(slot) => *slot = template,
            None => self.saved.push(template),
        }
        Ok(())
    }

    /// Drops the user's edits of a stock template, or deletes a custom one, and says which
    /// template to show next.
    pub fn reset(&mut self, id: &str) -> Reset {
        self.saved.retain(|template| template.id != id);
        if self.is_custom(id) {
            Reset {
                show: TemplateSet::DEFAULT.id().to_string(),
                message: "Custom template deleted.",
            }
        } else {
            Reset {
                show: id.to_string(),
                message: "Back to the stock text.",
            }
        }
    }

    /// Copies a template as a new custom one and returns its id.
    pub fn duplicate(&mut self, id: &str) -> Option<String> {
        let mut copy = self.get(id)?;
        let next = self
            .saved
            .iter()
            .filter_map(|template| template.id.strip_prefix(CUSTOM_PREFIX)?.parse::<u32>().ok())
            .max()
            .unwrap_or(0)
            + 1;
        copy.id = format!("{CUSTOM_PREFIX}{next}");
        copy.name = format!("{} (copy)", copy.name);
        self.saved.push(copy.clone());
        Some(copy.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resetting_a_stock_letter_keeps_it_and_deleting_a_copy_falls_back_to_the_default() {
        let mut set = TemplateSet::default();
        let copy = set.duplicate("final-notice").unwrap();
        assert_eq!(copy, "custom-1");
        assert!(set.is_custom(&copy));
        assert!(!set.is_custom("final-notice"));
        assert_eq!(
            set.reset("final-notice"),
            Reset {
                show: "final-notice".into(),
                message: "Back to the stock text.",
            }
        );
        assert_eq!(
            set.reset(&copy),
            Reset {
                show: "reminder-overdue".into(),
                message: "Custom template deleted.",
            }
        );
        assert_eq!(set.get(&copy), None);
    }
}
