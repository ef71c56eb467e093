//! "Should we settle?": five questions and the debt's age give a recommendation with its
//! reasons; and the negotiation prep sheet with its goal.

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

/// A question of "Should we settle?", answered yes or no by the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    /// Is the relationship worth keeping?
    ValuableRelationship,
    /// Is the client in financial hardship?
    Hardship,
    /// Would collection cost a lot next to the debt?
    CostlyToCollect,
    /// Does the client dispute the work or the amount?
    Dispute,
    /// Has the client reached out to talk?
    ClientReachedOut,
}

impl Question {
    /// Every question, in the order the page asks them.
    pub const ALL: [Question; 5] = [
        Question::ValuableRelationship,
        Question::Hardship,
        Question::CostlyToCollect,
        Question::Dispute,
        Question::ClientReachedOut,
    ];

    /// A stable id, for the checkbox's element id.
    pub fn id(self) -> &'static str {
        match self {
            Question::ValuableRelationship => "valuable_relationship",
            Question::Hardship => "hardship",
            Question::CostlyToCollect => "costly_to_collect",
            Question::Dispute => "dispute",
            Question::ClientReachedOut => "client_reached_out",
        }
    }

    /// The question with the short explanation the page shows.
    pub fn text(self) -> &'static str {
        match self {
            Question::ValuableRelationship => "Is the relationship worth keeping? A settlement can keep a good client; escalation rarely does.",
            Question::Hardship => "Is the client in financial hardship? Instalments may recover more than pressure can.",
            Question::CostlyToCollect => "Would collection or legal costs be large next to the debt? Then a discount may cost less.",
            Question::Dispute => "Does the client dispute the work or the amount? Resolve that first: a settlement built on a dispute rarely holds.",
            Question::ClientReachedOut => "Has the client reached out to talk? Willingness to pay is the best sign a deal will be kept.",
        }
    }
}

impl Signals {
    /// Records the answer to one question.
    pub fn set(&mut self, question: Question, yes: bool) {
        *self.answer_mut(question) = yes;
    }

    /// The answer given to one question.
    pub fn answer(&self, question: Question) -> bool {
        let mut answers = *self;
        *answers.answer_mut(question)
    }

    fn answer_mut(&mut self, question: Question) -> &mut bool {
        match question {
            Question::ValuableRelationship => &mut self.valuable_relationship,
            Question::Hardship => &mut self.hardship,
            Question::CostlyToCollect => &mut self.costly_to_collect,
            Question::Dispute => &mut self.dispute,
            Question::ClientReachedOut => &mut self.client_reached_out,
        }
    }
}

/// What a negotiation aims for; the prep sheet stores its label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Goal {
    /// The whole claim, paid now.
    FullPaymentNow,
    /// The whole claim, paid in instalments.
    FullPaymentInInstalments,
    /// Less than the claim, paid at once.
    DiscountedLumpSum,
}

impl Goal {
    /// Every goal, most ambitious first.
    pub const ALL: [Goal; 3] = [
        Goal::FullPaymentNow,
        Goal::FullPaymentInInstalments,
        Goal::DiscountedLumpSum,
    ];

    /// The words shown and stored on the prep sheet.
    pub fn label(self) -> &'static str {
        match self {
            Goal::FullPaymentNow => "Full payment now",
            Goal::FullPaymentInInstalments => "Full payment in instalments",
            Goal::DiscountedLumpSum => "A discounted lump sum",
        }
    }
}

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

/// A recommendation with the reasons for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettlementAdvice {
    /// What to do.
    pub recommendation: Recommendation,
    /// Why, one sentence each.
    pub reasons: Vec<String>,
}

/// Recommends from the signals: a dispute comes first; otherwise two or more signals for
/// settling (relationship, hardship, cost, age over 90 days, the client reaching out) mean negotiate.
pub fn recommend(signals: &Signals) -> SettlementAdvice {
    if signals.dispute {
        return SettlementAdvice {
            recommendation: Recommendation::ResolveDisputeFirst,
            reasons: vec!["The client disputes the work or the amount: agree what is owed before discussing how it is paid.".into()],
        };
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
        SettlementAdvice {
            recommendation: Recommendation::Negotiate,
            reasons,
        }
    } else {
        let mut why = vec!["Fewer than two reasons favour a settlement: the ladder's next step is likely to recover the full amount.".to_string()];
        why.extend(reasons);
        SettlementAdvice {
            recommendation: Recommendation::KeepEscalating,
            reasons: why,
        }
    }
}

impl Ledger {
    /// Saves a client's prep sheet, replacing the previous one.
    pub fn save_prep_sheet(&mut self, sheet: PrepSheet) -> Result<(), FieldError> {
        sheet.validate()?;
        if self.client(&sheet.client_id).is_none() {
            return Err(FieldError::NotFound(format!("client {}", sheet.client_id)));
        }
        self.prep_sheets
            .retain(|saved| saved.client_id != sheet.client_id);
        self.prep_sheets.push(sheet);
        Ok(())
    }

    /// A client's saved prep sheet, or a new one aiming for full payment now.
    pub fn prep_sheet(&self, client_id: &str) -> PrepSheet {
        self.prep_sheets
            .iter()
            .find(|sheet| sheet.client_id == client_id)
            .cloned()
            .unwrap_or_else(|| PrepSheet::new(client_id))
    }
}
