//! Settlement options compared by expected net recovery.
//!
//! Expected value = probability × amount − costs, discounted for the months until the money
//! arrives at the user's annual rate, compounded monthly: EV ÷ (1 + rate ÷ 12)^months. The
//! defaults grow more pessimistic with the debt's age (see [`Defaults::for_age`]).

use crate::core::money::round_cents;
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

/// (1 + rate ÷ 12)^months, by repeated multiplication.
pub fn discount_factor(annual_percent: Decimal, months: u32) -> Decimal {
    let monthly = Decimal::ONE + annual_percent / Decimal::from(1200);
    (0..months).fold(Decimal::ONE, |factor, _| factor * monthly)
}

/// Compares the options for a claim (what the client owes now, interest included).
pub fn compare(
    claim: Decimal,
    inputs: &OptionInputs,
    money: impl Fn(Decimal) -> String,
) -> Comparison {
    let hundred = Decimal::from(100);
    let discounted = |gross: Decimal, months: u32| {
        let value = round_cents(gross / discount_factor(inputs.discount_rate, months));
        (
            value,
            format!(
                "discounted over {months} month(s) at {}% a year = {}",
                inputs.discount_rate,
                money(value)
            ),
        )
    };
    let lump_amount = round_cents(claim * (hundred - inputs.lump_discount) / hundred);
    let lump_gross = inputs.lump_probability * lump_amount;
    let (lump, lump_note) = discounted(lump_gross, inputs.lump_months);
    let plan_interest = round_cents(
        inputs.plan_total * inputs.plan_interest / hundred * Decimal::from(inputs.plan_months)
            / Decimal::from(24),
    );
    let plan_gross =
        (Decimal::ONE - inputs.plan_default_risk) * (inputs.plan_total + plan_interest);
    let plan_wait = inputs.plan_months.div_ceil(2);
    let (plan, plan_note) = discounted(plan_gross, plan_wait);
    let agency_gross =
        inputs.agency_probability * claim * (hundred - inputs.agency_commission) / hundred;
    let (agency, agency_note) = discounted(agency_gross, inputs.agency_months);
    let court_gross = inputs.court_win * inputs.court_collect * claim - inputs.court_costs;
    let (court, court_note) = discounted(court_gross, inputs.court_months);
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
    let lump_factor = discount_factor(inputs.discount_rate, inputs.lump_months);
    let break_even = if claim.is_zero() || inputs.lump_probability.is_zero() {
        Decimal::ZERO
    } else {
        (hundred - agency * lump_factor / (inputs.lump_probability * claim) * hundred)
            .round_dp(1)
            .clamp(Decimal::ZERO, hundred)
    };
    Comparison {
        walk_away_floor: agency.max(court).max(Decimal::ZERO),
        options,
        break_even_discount: break_even,
    }
}
