//! "Should we settle?": six signals and a recommendation with its reasons, and the prep sheet.

use crate::core::error::FieldError;
use crate::core::ledger::Ledger;
use crate::core::model::PrepSheet;

/// The answers to the six questions (the debt's age comes from the ledger).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Signals {
    /// The client relationship is worth keeping (repeat work, referrals).
    pub valuable_relationship: bool,
    /// The client is in financial hardship.
    pub hardship: bool,
    /// Collection or legal costs are large next to the debt.
    pub costly_to_collect: bool,
    /// The client disputes the work or the amount.
    pub dispute: bool,
    /// Days the oldest included invoice is overdue.
    pub days_overdue: i64,
    /// The client has reached out to talk about paying.
    pub client_reached_out: bool,
}

/// The questions, with the short explanation the page shows.
pub const QUESTIONS: [(&str, &str); 5] = [
    ("valuable_relationship", "Is the relationship worth keeping? A settlement can keep a good client; escalation rarely does."),
    ("hardship", "Is the client in financial hardship? Instalments may recover more than pressure can."),
    ("costly_to_collect", "Would collection or legal costs be large next to the debt? Then a discount may cost less."),
    ("dispute", "Does the client dispute the work or the amount? Resolve that first: a settlement built on a dispute rarely holds."),
    ("client_reached_out", "Has the client reached out to talk? Willingness to pay is the best sign a deal will be kept."),
];

/// What to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recommendation {
    /// Propose a settlement.
    Negotiate,
    /// Keep going up the ladder.
    KeepEscalating,
    /// Sort out the dispute before anything else.
    ResolveDisputeFirst,
}

impl Recommendation {
    /// A sentence for people.
    pub fn label(self) -> &'static str {
        match self {
            Recommendation::Negotiate => "Negotiate a settlement",
            Recommendation::KeepEscalating => "Keep escalating",
            Recommendation::ResolveDisputeFirst => "Resolve the dispute first",
        }
    }
}

/// Recommends from the signals: a dispute comes first; otherwise two or more signals for
/// settling (relationship, hardship, cost, age over 90 days, the client reaching out) mean negotiate.
pub fn recommend(signals: &Signals) -> (Recommendation, Vec<String>) {
    if signals.dispute {
        return (
            Recommendation::ResolveDisputeFirst,
            vec!["The client disputes the work or the amount: agree what is owed before discussing how it is paid.".into()],
        );
    }
    let mut reasons = Vec::new();
    let mut add = |yes: bool, reason: String| {
        if yes {
            reasons.push(reason)
        }
    };
    add(
        signals.valuable_relationship,
        "The relationship is worth keeping.".into(),
    );
    add(
        signals.hardship,
        "The client is in hardship: a plan they can afford recovers more.".into(),
    );
    add(
        signals.costly_to_collect,
        "Collection costs are large next to the debt.".into(),
    );
    add(
        signals.days_overdue > 90,
        format!(
            "The debt is {} days overdue; older debts are harder to collect in full.",
            signals.days_overdue
        ),
    );
    add(
        signals.client_reached_out,
        "The client reached out, which signals willingness to pay.".into(),
    );
    if reasons.len() >= 2 {
        (Recommendation::Negotiate, reasons)
    } else {
        let mut why = vec!["Fewer than two reasons favour a settlement: the ladder's next step is likely to recover the full amount.".to_string()];
        why.extend(reasons);
        (Recommendation::KeepEscalating, why)
    }
}

impl Ledger {
    /// Saves a client's prep sheet, replacing the previous one.
    pub fn save_prep_sheet(&mut self, sheet: PrepSheet) -> Result<(), FieldError> {
        sheet.validate()?;
        if self.client(&sheet.client_id).is_none() {
            return Err(FieldError::NotFound(format!("client {}", sheet.client_id)));
        }
        self.prep_sheets.retain(|s| s.client_id != sheet.client_id);
        self.prep_sheets.push(sheet);
        Ok(())
    }
}
