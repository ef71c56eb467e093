//! Settlement options compared by expected net recovery.
//!
//! Expected value = probability × amount − costs, discounted for the months until the money
//! arrives at the user's annual rate, compounded monthly: EV ÷ (1 + rate ÷ 12)^months. The
//! defaults grow more pessimistic with the debt's age (see [`Defaults::for_age`]).
//!
//! Each input has a kind with its own range ([`InputKind`]): money, a percentage (0–100), a
//! probability (0–1) or months (0–120). Every sum is checked, so no input can make the
//! comparison panic or run for long; figures too large to compare are reported as an error.

use crate::core::error::FieldError;
use crate::core::money::{parse_amount, parse_percent, plain, round_cents, PercentRange};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// The inputs of every option; each is editable and starts from [`Defaults::for_age`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionInputs {
    /// Annual discount rate, percent.
    pub discount_rate: Decimal,
    /// Lump sum: discount offered, percent of the claim.
    pub lump_discount: Decimal,
    /// Lump sum: probability the client pays it, 0–1.
    pub lump_probability: Decimal,
    /// Lump sum: months until paid.
    pub lump_months: u32,
    /// Instalments: the plan's total.
    pub plan_total: Decimal,
    /// Instalments: months the plan runs.
    pub plan_months: u32,
    /// Instalments: annual interest added to the plan, percent.
    pub plan_interest: Decimal,
    /// Instalments: risk the client stops paying, 0–1.
    pub plan_default_risk: Decimal,
    /// Agency: commission, percent of what it recovers.
    pub agency_commission: Decimal,
    /// Agency: probability of recovery, 0–1.
    pub agency_probability: Decimal,
    /// Agency: months to recover.
    pub agency_months: u32,
    /// Court: fees and legal costs.
    pub court_costs: Decimal,
    /// Court: probability of winning, 0–1.
    pub court_win: Decimal,
    /// Court: probability of collecting after judgment, 0–1.
    pub court_collect: Decimal,
    /// Court: months to judgment and payment.
    pub court_months: u32,
}

/// The most months any option may take.
pub const MAX_MONTHS: u32 = 120;

/// What an input holds, which decides how its text is read and what range it accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// An amount of money, read like any amount.
    Money,
    /// A percentage from 0 to 100.
    Percent,
    /// A probability from 0 to 1.
    Probability,
    /// Whole months from 0 to [`MAX_MONTHS`].
    Months,
}

/// One editable input of the comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptionField {
    /// [`OptionInputs::discount_rate`].
    DiscountRate,
    /// [`OptionInputs::lump_discount`].
    LumpDiscount,
    /// [`OptionInputs::lump_probability`].
    LumpProbability,
    /// [`OptionInputs::lump_months`].
    LumpMonths,
    /// [`OptionInputs::plan_total`].
    PlanTotal,
    /// [`OptionInputs::plan_months`].
    PlanMonths,
    /// [`OptionInputs::plan_interest`].
    PlanInterest,
    /// [`OptionInputs::plan_default_risk`].
    PlanDefaultRisk,
    /// [`OptionInputs::agency_commission`].
    AgencyCommission,
    /// [`OptionInputs::agency_probability`].
    AgencyProbability,
    /// [`OptionInputs::agency_months`].
    AgencyMonths,
    /// [`OptionInputs::court_costs`].
    CourtCosts,
    /// [`OptionInputs::court_win`].
    CourtWin,
    /// [`OptionInputs::court_collect`].
    CourtCollect,
    /// [`OptionInputs::court_months`].
    CourtMonths,
}

impl OptionField {
    /// Every input, in the order the page shows them.
    pub const ALL: [OptionField; 15] = [
        OptionField::DiscountRate,
        OptionField::LumpDiscount,
        OptionField::LumpProbability,
        OptionField::LumpMonths,
        OptionField::PlanTotal,
        OptionField::PlanMonths,
        OptionField::PlanInterest,
        OptionField::PlanDefaultRisk,
        OptionField::AgencyCommission,
        OptionField::AgencyProbability,
        OptionField::AgencyMonths,
        OptionField::CourtCosts,
        OptionField::CourtWin,
        OptionField::CourtCollect,
        OptionField::CourtMonths,
    ];

    /// (input id, label, name in messages, kind).
    fn spec(self) -> (&'static str, &'static str, &'static str, InputKind) {
        use InputKind::*;
        match self {
            OptionField::DiscountRate => (
                "opt-discount-rate",
                "Discount rate (% a year)",
                "the discount rate",
                Percent,
            ),
            OptionField::LumpDiscount => (
                "opt-lump-discount",
                "Lump sum: discount (%)",
                "the lump-sum discount",
                Percent,
            ),
            OptionField::LumpProbability => (
                "opt-lump-probability",
                "Lump sum: chance it is paid (0–1)",
                "the chance the lump sum is paid",
                Probability,
            ),
            OptionField::LumpMonths => (
                "opt-lump-months",
                "Lump sum: months until paid",
                "the months until the lump sum is paid",
                Months,
            ),
            OptionField::PlanTotal => (
                "opt-plan-total",
                "Instalments: plan total",
                "the plan total",
                Money,
            ),
            OptionField::PlanMonths => (
                "opt-plan-months",
                "Instalments: months",
                "the months the plan runs",
                Months,
            ),
            OptionField::PlanInterest => (
                "opt-plan-interest",
                "Instalments: interest on the plan (% a year)",
                "the interest on the plan",
                Percent,
            ),
            OptionField::PlanDefaultRisk => (
                "opt-plan-risk",
                "Instalments: default risk (0–1)",
                "the default risk",
                Probability,
            ),
            OptionField::AgencyCommission => (
                "opt-agency-commission",
                "Agency: commission (%)",
                "the agency's commission",
                Percent,
            ),
            OptionField::AgencyProbability => (
                "opt-agency-probability",
                "Agency: chance of recovery (0–1)",
                "the chance the agency recovers it",
                Probability,
            ),
            OptionField::AgencyMonths => (
                "opt-agency-months",
                "Agency: months to recover",
                "the months the agency takes",
                Months,
            ),
            OptionField::CourtCosts => (
                "opt-court-costs",
                "Court: fees and legal costs",
                "the court costs",
                Money,
            ),
            OptionField::CourtWin => (
                "opt-court-win",
                "Court: chance of winning (0–1)",
                "the chance of winning in court",
                Probability,
            ),
            OptionField::CourtCollect => (
                "opt-court-collect",
                "Court: chance of collecting after judgment (0–1)",
                "the chance of collecting after judgment",
                Probability,
            ),
            OptionField::CourtMonths => (
                "opt-court-months",
                "Court: months to judgment and payment",
                "the months to judgment and payment",
                Months,
            ),
        }
    }

    /// The input's id, which is also the field named by its errors (`opt-discount-rate`).
    pub fn id(self) -> &'static str {
        self.spec().0
    }

    /// The input's label.
    pub fn label(self) -> &'static str {
        self.spec().1
    }

    /// What the input holds.
    pub fn kind(self) -> InputKind {
        self.spec().3
    }

    /// The input with this id.
    pub fn from_id(id: &str) -> Option<OptionField> {
        OptionField::ALL.into_iter().find(|field| field.id() == id)
    }

    /// Checks a value of this input against its kind's range.
    fn check(self, value: Decimal) -> Result<Decimal, FieldError> {
        let (id, _, name, kind) = self.spec();
        let checked = match kind {
            InputKind::Money if value.is_sign_negative() && !value.is_zero() => {
                Err(format!("{name} must not be negative"))
            }
            InputKind::Money => Ok(value),
            InputKind::Percent => PercentRange::RATE.named(name).check(value),
            InputKind::Probability => PercentRange::PROBABILITY.named(name).check(value),
            InputKind::Months if value > Decimal::from(MAX_MONTHS) => Err(format!(
                "{name} must be a whole number from 0 to {MAX_MONTHS}"
            )),
            InputKind::Months => Ok(value),
        };
        checked.map_err(|message| FieldError::on(id, message))
    }

    /// Reads typed text for this input by its kind.
    fn parse(self, text: &str) -> Result<Decimal, FieldError> {
        let (id, _, name, kind) = self.spec();
        let parsed = match kind {
            InputKind::Money => parse_amount(text),
            InputKind::Percent => parse_percent(text, PercentRange::RATE.named(name)),
            InputKind::Probability => parse_percent(text, PercentRange::PROBABILITY.named(name)),
            InputKind::Months => text
                .trim()
                .parse::<u32>()
                .map(Decimal::from)
                .map_err(|_| format!("{name} must be a whole number from 0 to {MAX_MONTHS}")),
        };
        parsed
            .map_err(|message| FieldError::on(id, message))
            .and_then(|value| self.check(value))
    }
}

impl OptionInputs {
    fn decimal_mut(&mut self, field: OptionField) -> Option<&mut Decimal> {
        Some(match field {
            OptionField::DiscountRate => &mut self.discount_rate,
            OptionField::LumpDiscount => &mut self.lump_discount,
            OptionField::LumpProbability => &mut self.lump_probability,
            OptionField::PlanTotal => &mut self.plan_total,
            OptionField::PlanInterest => &mut self.plan_interest,
            OptionField::PlanDefaultRisk => &mut self.plan_default_risk,
            OptionField::AgencyCommission => &mut self.agency_commission,
            OptionField::AgencyProbability => &mut self.agency_probability,
            OptionField::CourtCosts => &mut self.court_costs,
            OptionField::CourtWin => &mut self.court_win,
            OptionField::CourtCollect => &mut self.court_collect,
            _ => return None,
        })
    }

    fn months_mut(&mut self, field: OptionField) -> Option<&mut u32> {
        Some(match field {
            OptionField::LumpMonths => &mut self.lump_months,
            OptionField::PlanMonths => &mut self.plan_months,
            OptionField::AgencyMonths => &mut self.agency_months,
            OptionField::CourtMonths => &mut self.court_months,
            _ => return None,
        })
    }

    /// The value of an input (months as a whole number).
    pub fn value(&self, field: OptionField) -> Decimal {
        // The accessors above are the one map from field to slot; a copy lets them serve reads.
        let mut copy = self.clone();
        match copy.months_mut(field) {
            Some(months) => Decimal::from(*months),
            None => copy
                .decimal_mut(field)
                .map_or(Decimal::ZERO, |value| *value),
        }
    }

    /// The text an input shows: money with two decimals, other figures as they are.
    pub fn text(&self, field: OptionField) -> String {
        let value = self.value(field);
        match field.kind() {
            InputKind::Money => plain(value),
            _ => value.normalize().to_string(),
        }
    }

    /// Reads typed text into one input by its kind and range; on error nothing changes.
    pub fn set(&mut self, field: OptionField, text: &str) -> Result<(), FieldError> {
        let value = field.parse(text)?;
        if let Some(months) = self.months_mut(field) {
            *months = value.to_u32().unwrap_or(MAX_MONTHS);
        } else if let Some(slot) = self.decimal_mut(field) {
            *slot = value;
        }
        Ok(())
    }

    /// Checks every input against its range, naming the first one out of it.
    pub fn check(&self) -> Result<(), FieldError> {
        OptionField::ALL
            .into_iter()
            .try_for_each(|field| field.check(self.value(field)).map(|_| ()))
    }
}

/// The default inputs and why they are what they are.
pub struct Defaults;

impl Defaults {
    /// Defaults for a claim whose oldest invoice is `days_overdue` late, with an explanation.
    ///
    /// | days overdue | agency recovery | court collection | lump-sum payment | plan default risk |
    /// |---|---|---|---|---|
    /// | under 90 | 0.80 | 0.80 | 0.90 | 0.10 |
    /// | 90–179 | 0.60 | 0.65 | 0.80 | 0.20 |
    /// | 180–364 | 0.40 | 0.50 | 0.70 | 0.30 |
    /// | 365 and over | 0.25 | 0.35 | 0.60 | 0.40 |
    pub fn for_age(claim: Decimal, days_overdue: i64) -> (OptionInputs, String) {
        let (agency, collect, lump, risk, band) = match days_overdue {
            i64::MIN..=89 => ("0.80", "0.80", "0.90", "0.10", "under 90 days"),
            90..=179 => ("0.60", "0.65", "0.80", "0.20", "90–179 days"),
            180..=364 => ("0.40", "0.50", "0.70", "0.30", "180–364 days"),
            _ => ("0.25", "0.35", "0.60", "0.40", "a year or more"),
        };
        let d = |text: &str| text.parse::<Decimal>().unwrap_or_default();
        let inputs = OptionInputs {
            discount_rate: d("5"),
            lump_discount: d("10"),
            lump_probability: d(lump),
            lump_months: 1,
            plan_total: claim,
            plan_months: 6,
            plan_interest: Decimal::ZERO,
            plan_default_risk: d(risk),
            agency_commission: d("25"),
            agency_probability: d(agency),
            agency_months: 4,
            court_costs: round_cents(claim * d("0.05")).max(d("115")),
            court_win: d("0.85"),
            court_collect: d(collect),
            court_months: 9,
        };
        let why = format!(
            "The debt is {band} old, so the defaults assume a {agency} chance an agency recovers it, a {collect} chance of collecting after a court judgment, a {lump} chance a discounted lump sum is paid and a {risk} risk a payment plan fails. Older debts are harder to collect. Court costs start at 5% of the claim (at least 115.00). Edit any figure."
        );
        (inputs, why)
    }
}

/// One option's expected net recovery and its working.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionValue {
    /// `lump-sum`, `instalments`, `agency`, `court` or `write-off`.
    pub id: &'static str,
    /// A name for people.
    pub label: &'static str,
    /// Expected net recovery, rounded to the cent.
    pub value: Decimal,
    /// The arithmetic, in words and figures.
    pub working: String,
}

/// The comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    /// The five options, in a fixed order.
    pub options: Vec<OptionValue>,
    /// The lump-sum discount (percent) at which a lump sum is worth exactly the agency route.
    pub break_even_discount: Decimal,
    /// The best non-settlement option: agency, court or write-off.
    pub walk_away_floor: Decimal,
}

/// The error for figures whose arithmetic would overflow.
fn too_large() -> FieldError {
    FieldError::on(
        "claim",
        "these figures are too large to compare; check the amounts",
    )
}

fn mul(a: Decimal, b: Decimal) -> Result<Decimal, FieldError> {
    a.checked_mul(b).ok_or_else(too_large)
}

fn div(a: Decimal, b: Decimal) -> Result<Decimal, FieldError> {
    a.checked_div(b).ok_or_else(too_large)
}

fn add(a: Decimal, b: Decimal) -> Result<Decimal, FieldError> {
    a.checked_add(b).ok_or_else(too_large)
}

fn sub(a: Decimal, b: Decimal) -> Result<Decimal, FieldError> {
    a.checked_sub(b).ok_or_else(too_large)
}

/// (1 + rate ÷ 12)^months, by repeated multiplication; `None` when it overflows or `months`
/// is more than [`MAX_MONTHS`].
pub fn discount_factor(annual_percent: Decimal, months: u32) -> Option<Decimal> {
    if months > MAX_MONTHS {
        return None;
    }
    let monthly = Decimal::ONE.checked_add(annual_percent.checked_div(Decimal::from(1200))?)?;
    (0..months).try_fold(Decimal::ONE, |factor, _| factor.checked_mul(monthly))
}

/// Compares the options for a claim (what the client owes now, interest included).
///
/// An input out of its range is refused naming its field; a claim too large to work with is
/// refused naming `claim`. Nothing here panics.
pub fn compare(
    claim: Decimal,
    inputs: &OptionInputs,
    money: impl Fn(Decimal) -> String,
) -> Result<Comparison, FieldError> {
    inputs.check()?;
    if claim.is_sign_negative() {
        return Err(FieldError::on("claim", "the claim must not be negative"));
    }
    let hundred = Decimal::ONE_HUNDRED;
    let factor = |months: u32| {
        discount_factor(inputs.discount_rate, months)
            .filter(|factor| !factor.is_zero())
            .ok_or_else(too_large)
    };
    let discounted = |gross: Decimal, months: u32| -> Result<(Decimal, String), FieldError> {
        let value = round_cents(div(gross, factor(months)?)?);
        Ok((
            value,
            format!(
                "discounted over {months} month(s) at {}% a year = {}",
                inputs.discount_rate,
                money(value)
            ),
        ))
    };
    let share = |amount: Decimal, percent_off: Decimal| {
        div(mul(amount, sub(hundred, percent_off)?)?, hundred)
    };
    let lump_amount = round_cents(share(claim, inputs.lump_discount)?);
    let lump_gross = mul(inputs.lump_probability, lump_amount)?;
    let (lump, lump_note) = discounted(lump_gross, inputs.lump_months)?;
    let plan_interest = round_cents(div(
        mul(
            div(mul(inputs.plan_total, inputs.plan_interest)?, hundred)?,
            Decimal::from(inputs.plan_months),
        )?,
        Decimal::from(24),
    )?);
    let plan_gross = mul(
        Decimal::ONE - inputs.plan_default_risk,
        add(inputs.plan_total, plan_interest)?,
    )?;
    let plan_wait = inputs.plan_months.div_ceil(2);
    let (plan, plan_note) = discounted(plan_gross, plan_wait)?;
    let agency_gross = share(
        mul(inputs.agency_probability, claim)?,
        inputs.agency_commission,
    )?;
    let (agency, agency_note) = discounted(agency_gross, inputs.agency_months)?;
    let court_gross = sub(
        mul(mul(inputs.court_win, inputs.court_collect)?, claim)?,
        inputs.court_costs,
    )?;
    let (court, court_note) = discounted(court_gross, inputs.court_months)?;
    let options = vec![
        OptionValue {
            id: "lump-sum",
            label: "Lump sum",
            value: lump,
            working: format!("{} × {} ({}% off {}) = {}; {lump_note}", inputs.lump_probability, money(lump_amount), inputs.lump_discount, money(claim), money(round_cents(lump_gross))),
        },
        OptionValue {
            id: "instalments",
            label: "Instalments",
            value: plan,
            working: format!(
                "(1 − {} default risk) × ({} + {} plan interest) = {}; paid on average {plan_wait} months out, {plan_note}",
                inputs.plan_default_risk, money(inputs.plan_total), money(plan_interest), money(round_cents(plan_gross))
            ),
        },
        OptionValue {
            id: "agency",
            label: "Collection agency",
            value: agency,
            working: format!("{} × {} less {}% commission = {}; {agency_note}", inputs.agency_probability, money(claim), inputs.agency_commission, money(round_cents(agency_gross))),
        },
        OptionValue {
            id: "court",
            label: "Court",
            value: court,
            working: format!(
                "{} win × {} collect × {} − {} costs = {}; {court_note}",
                inputs.court_win, inputs.court_collect, money(claim), money(inputs.court_costs), money(round_cents(court_gross))
            ),
        },
        OptionValue { id: "write-off", label: "Write off", value: Decimal::ZERO, working: "nothing is recovered; the loss may reduce taxable profit (ask your accountant)".into() },
    ];
    let break_even = if claim.is_zero() || inputs.lump_probability.is_zero() {
        Decimal::ZERO
    } else {
        let lump_needed = div(
            mul(agency, factor(inputs.lump_months)?)?,
            mul(inputs.lump_probability, claim)?,
        )?;
        sub(hundred, mul(lump_needed, hundred)?)?
            .round_dp(1)
            .clamp(Decimal::ZERO, hundred)
    };
    Ok(Comparison {
        walk_away_floor: agency.max(court).max(Decimal::ZERO),
        options,
        break_even_discount: break_even,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inputs() -> OptionInputs {
        Defaults::for_age(Decimal::from(4000), 120).0
    }

    fn refused(field: OptionField, text: &str) -> FieldError {
        let mut inputs = inputs();
        let before = inputs.clone();
        let error = inputs.set(field, text).unwrap_err();
        assert_eq!(inputs, before, "a refused value changes nothing");
        error
    }

    #[test]
    fn percentages_run_from_0_to_100() {
        let mut inputs = inputs();
        inputs.set(OptionField::DiscountRate, "0").unwrap();
        inputs.set(OptionField::AgencyCommission, "100").unwrap();
        assert_eq!(inputs.agency_commission, Decimal::ONE_HUNDRED);
        let error = refused(OptionField::DiscountRate, "100.01");
        assert_eq!(error.field_name(), Some("opt-discount-rate"));
        assert_eq!(
            error.to_string(),
            "the discount rate must be between 0% and 100%"
        );
        refused(OptionField::LumpDiscount, "-0.01");
        refused(OptionField::DiscountRate, "10000000");
    }

    #[test]
    fn probabilities_run_from_0_to_1_and_are_not_read_as_money() {
        let mut inputs = inputs();
        inputs.set(OptionField::CourtWin, "0").unwrap();
        inputs.set(OptionField::CourtCollect, "1").unwrap();
        inputs.set(OptionField::LumpProbability, "0.8525").unwrap();
        assert_eq!(inputs.lump_probability, "0.8525".parse().unwrap());
        let error = refused(OptionField::PlanDefaultRisk, "1.01");
        assert_eq!(
            error.to_string(),
            "the default risk must be between 0 and 1"
        );
        refused(OptionField::AgencyProbability, "1,000");
    }

    #[test]
    fn months_run_from_0_to_120() {
        let mut inputs = inputs();
        inputs.set(OptionField::LumpMonths, "0").unwrap();
        inputs.set(OptionField::CourtMonths, "120").unwrap();
        assert_eq!((inputs.lump_months, inputs.court_months), (0, 120));
        let error = refused(OptionField::AgencyMonths, "121");
        assert_eq!(error.field_name(), Some("opt-agency-months"));
        refused(OptionField::PlanMonths, "1.5");
        refused(OptionField::PlanMonths, "-1");
    }

    #[test]
    fn money_inputs_use_the_amount_limits() {
        let mut inputs = inputs();
        inputs
            .set(OptionField::CourtCosts, "999,999,999,999.99")
            .unwrap();
        assert_eq!(inputs.text(OptionField::CourtCosts), "999999999999.99");
        let error = refused(OptionField::PlanTotal, "1,000,000,000,000.00");
        assert_eq!(error.field_name(), Some("opt-plan-total"));
        refused(OptionField::CourtCosts, "1.005");
    }

    #[test]
    fn every_field_has_a_unique_id_and_shows_its_value() {
        let inputs = inputs();
        for field in OptionField::ALL {
            assert_eq!(OptionField::from_id(field.id()), Some(field));
            let mut copy = inputs.clone();
            copy.set(field, &inputs.text(field)).unwrap();
            assert_eq!(copy, inputs, "{} round-trips", field.id());
        }
    }

    #[test]
    fn inputs_set_out_of_range_directly_are_refused_not_computed() {
        let mut inputs = inputs();
        inputs.discount_rate = Decimal::from(10_000_000);
        inputs.court_months = u32::MAX;
        let error = compare(Decimal::from(4000), &inputs, |v| v.to_string()).unwrap_err();
        assert_eq!(error.field_name(), Some("opt-discount-rate"));
        assert_eq!(discount_factor(Decimal::from(10_000_000), 120), None);
        assert_eq!(discount_factor(Decimal::ZERO, u32::MAX), None);
    }

    #[test]
    fn the_largest_inputs_compare_without_overflow() {
        let mut inputs = inputs();
        for (field, text) in [
            (OptionField::DiscountRate, "100"),
            (OptionField::PlanInterest, "100"),
            (OptionField::PlanMonths, "120"),
            (OptionField::PlanTotal, "999999999999.99"),
            (OptionField::CourtMonths, "120"),
        ] {
            inputs.set(field, text).unwrap();
        }
        let claim = "999999999999.99".parse::<Decimal>().unwrap() * Decimal::from(10_000);
        let comparison = compare(claim, &inputs, |v| v.to_string()).unwrap();
        assert_eq!(comparison.options.len(), 5);
        let error = compare(Decimal::MAX, &inputs, |v| v.to_string()).unwrap_err();
        assert_eq!(error.field_name(), Some("claim"));
    }
}
