//! Accepted plans: building one from a case, matching payments to instalments, missed
//! instalments, completion and default.

use crate::core::dates::{add_days, format_date};
use crate::core::error::FieldError;
use crate::core::ids::{IdSource, RecordKind};
use crate::core::ladder::LadderStep;
use crate::core::ledger::Ledger;
use crate::core::model::{activity_kind, Activity, Instalment, Plan, PlanStatus};
use crate::core::money::format_money;
use crate::core::settlement::Case;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Days after an instalment's date before an unpaid instalment counts as missed.
pub const GRACE_DAYS: u32 = 7;

impl PlanStatus {
    /// A word for people.
    pub fn label(self) -> &'static str {
        match self {
            PlanStatus::Active => "active",
            PlanStatus::Completed => "completed",
            PlanStatus::Defaulted => "in default",
        }
    }
}

impl Plan {
    /// The plan the client accepted on `today`: the case's included invoices paid by
    /// `schedule`, whose sum is the agreed total; the case's claim is what revives on default.
    pub fn accept(
        case: &Case,
        schedule: Vec<Instalment>,
        today: NaiveDate,
    ) -> Result<Plan, FieldError> {
        let invoice_ids = case.included_ids();
        if invoice_ids.is_empty() {
            return Err(FieldError::on(
                "total",
                "include at least one invoice in the case before saving a plan",
            ));
        }
        if schedule.is_empty() {
            return Err(FieldError::on(
                "total",
                "draw a payment schedule before saving a plan",
            ));
        }
        Ok(Plan {
            id: String::new(),
            client_id: case.client_id.clone(),
            invoice_ids,
            agreed_total: schedule.iter().map(|instalment| instalment.amount).sum(),
            currency: case.currency.clone(),
            original_claim: case.claim,
            schedule,
            grace_days: GRACE_DAYS,
            accepted_on: today,
            status: PlanStatus::Active,
            defaulted_on: None,
        })
    }
}

impl Ledger {
    /// Saves a settlement plan the client accepted and logs it; returns its id.
    pub fn accept_plan(
        &mut self,
        mut plan: Plan,
        ids: &mut dyn IdSource,
    ) -> Result<String, FieldError> {
        plan.validate()?;
        plan.id = self.new_id(RecordKind::Plan, ids);
        plan.status = PlanStatus::Active;
        let activity = Activity {
            step: Some(LadderStep::SettlementAgreement.id().into()),
            ..Activity::new(
                &plan.client_id,
                plan.accepted_on,
                activity_kind::SETTLEMENT,
                accepted_summary(&plan),
            )
        };
        self.add_activity(activity, ids)?;
        let id = plan.id.clone();
        self.plans.push(plan);
        Ok(id)
    }

    /// Applies a plan's default clause on `today` and logs it.
    pub fn declare_plan_default(
        &mut self,
        plan_id: &str,
        today: NaiveDate,
        ids: &mut dyn IdSource,
    ) -> Result<DefaultOutcome, FieldError> {
        let plan = self
            .plans
            .iter()
            .find(|plan| plan.id == plan_id)
            .ok_or_else(|| FieldError::NotFound(format!("settlement plan {plan_id}")))?;
        let outcome = declare_default(plan, super::received_under(self, plan, today));
        let client_id = plan.client_id.clone();
        if let Some(plan) = self.plans.iter_mut().find(|plan| plan.id == plan_id) {
            plan.status = PlanStatus::Defaulted;
            plan.defaulted_on = Some(today);
        }
        let entry = Activity::new(
            client_id,
            today,
            activity_kind::SETTLEMENT,
            outcome.summary.clone(),
        );
        self.add_activity(entry, ids)?;
        Ok(outcome)
    }

    /// Marks every active plan whose instalments are all paid by `as_of` as completed and
    /// logs it on the client's timeline; returns how many plans were completed.
    pub fn complete_paid_plans(
        &mut self,
        as_of: NaiveDate,
        ids: &mut dyn IdSource,
    ) -> Result<usize, FieldError> {
        let paid_up: Vec<usize> = self
            .plans
            .iter()
            .enumerate()
            .filter(|(_, plan)| plan.status == PlanStatus::Active)
            .filter(|(_, plan)| {
                let received = super::received_under(self, plan, as_of);
                track(plan, received, as_of)
                    .iter()
                    .all(|tracked| tracked.state == InstalmentState::Paid)
            })
            .map(|(at, _)| at)
            .collect();
        for &at in &paid_up {
            self.plans[at].status = PlanStatus::Completed;
            let plan = &self.plans[at];
            let entry = Activity::new(
                plan.client_id.clone(),
                as_of,
                activity_kind::SETTLEMENT,
                completed_summary(plan),
            );
            self.add_activity(entry, ids)?;
        }
        Ok(paid_up.len())
    }
}

/// One instalment's state on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InstalmentState {
    /// Paid in full.
    Paid,
    /// Partly paid, still within its time.
    PartPaid,
    /// Not yet due, or due but still within grace ("late within grace").
    Due,
    /// Unpaid past its date and the grace period.
    Missed,
}

impl InstalmentState {
    /// A word for people.
    pub fn label(self) -> &'static str {
        match self {
            InstalmentState::Paid => "paid",
            InstalmentState::PartPaid => "part-paid",
            InstalmentState::Due => "due",
            InstalmentState::Missed => "missed",
        }
    }
}

/// An instalment with what was paid towards it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tracked {
    /// The instalment.
    pub instalment: Instalment,
    /// Paid towards it.
    pub paid: Decimal,
    /// Its state.
    pub state: InstalmentState,
}

/// Allocates `received` (payments on the plan's invoices since it was accepted) to the
/// instalments oldest first, and gives each one's state on `as_of`.
pub fn track(plan: &Plan, received: Decimal, as_of: NaiveDate) -> Vec<Tracked> {
    let mut left = received;
    plan.schedule
        .iter()
        .map(|instalment| {
            let paid = left.min(instalment.amount);
            left -= paid;
            let late = add_days(instalment.date, i64::from(plan.grace_days)) < as_of;
            let state = if paid >= instalment.amount {
                InstalmentState::Paid
            } else if late {
                InstalmentState::Missed
            } else if paid > Decimal::ZERO {
                InstalmentState::PartPaid
            } else {
                InstalmentState::Due
            };
            Tracked {
                instalment: instalment.clone(),
                paid,
                state,
            }
        })
        .collect()
}

/// What declaring default changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefaultOutcome {
    /// The amount the settlement had waived, which revives.
    pub revived: Decimal,
    /// The full original claim less what was paid under the plan: due at once.
    pub now_due: Decimal,
    /// The timeline entry.
    pub summary: String,
}

/// Applies the default clause: the waived amount revives and the original claim, less
/// payments made under the plan, falls due.
pub fn declare_default(plan: &Plan, received: Decimal) -> DefaultOutcome {
    let revived = (plan.original_claim - plan.agreed_total).max(Decimal::ZERO);
    let now_due = (plan.original_claim - received).max(Decimal::ZERO);
    let money = |value| format_money(value, &plan.currency);
    DefaultOutcome {
        revived,
        now_due,
        summary: format!(
            "Settlement plan in default: {} waived revives; {} of the original claim of {} is now due",
            money(revived),
            money(now_due),
            money(plan.original_claim)
        ),
    }
}

/// The timeline entry for an accepted plan.
pub fn accepted_summary(plan: &Plan) -> String {
    let instalments = plan.schedule.len();
    let first = plan
        .schedule
        .first()
        .map(|instalment| format_date(instalment.date))
        .unwrap_or_default();
    format!(
        "Settlement plan accepted: {} in {instalments} payment{} from {first}",
        format_money(plan.agreed_total, &plan.currency),
        if instalments == 1 { "" } else { "s" }
    )
}

/// The timeline entry for a plan paid in full.
pub fn completed_summary(plan: &Plan) -> String {
    let instalments = plan.schedule.len();
    format!(
        "Settlement plan completed: {} received in {instalments} payment{}",
        format_money(plan.agreed_total, &plan.currency),
        if instalments == 1 { "" } else { "s" }
    )
}

/// An active plan with missed instalments, and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanAlert {
    /// The plan.
    pub plan_id: String,
    /// The client who agreed it.
    pub client_id: String,
    /// How many instalments are missed.
    pub missed: usize,
}

impl PlanAlert {
    /// What to do about the missed instalments, in one line.
    pub fn advice(&self) -> String {
        let instalments = if self.missed == 1 {
            "1 missed instalment".to_string()
        } else {
            format!("{} missed instalments", self.missed)
        };
        format!(
            "{instalments} on the settlement plan: contact the client, then declare default if it is not remedied"
        )
    }
}

/// Active plans with missed instalments on `as_of`, in the order they were agreed.
pub fn needing_attention(ledger: &Ledger, as_of: NaiveDate) -> Vec<PlanAlert> {
    ledger
        .plans
        .iter()
        .filter(|plan| plan.status == PlanStatus::Active)
        .filter_map(|plan| {
            let received = super::received_under(ledger, plan, as_of);
            let missed = track(plan, received, as_of)
                .iter()
                .filter(|instalment| instalment.state == InstalmentState::Missed)
                .count();
            (missed > 0).then(|| PlanAlert {
                plan_id: plan.id.clone(),
                client_id: plan.client_id.clone(),
                missed,
            })
        })
        .collect()
}
