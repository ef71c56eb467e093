//! Schedules, expected values, advice, tracking, default and the calendar file.

use super::advice::{recommend, Goal, Question, Recommendation, Signals};
use super::ics::calendar;
use super::options::{compare, discount_factor, Defaults};
use super::plan::{declare_default, track, InstalmentState};
use super::schedule::{add_months_clamped, schedule, Frequency, PlanTerms};
use crate::core::currency::Currency;
use crate::core::ids::Sequential;
use crate::core::interest::InterestOptions;
use crate::core::model::{Instalment, Plan, PlanStatus};
use chrono::NaiveDate;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn dec(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn terms(total: &str, down: &str, count: u32, frequency: Frequency, first: NaiveDate) -> PlanTerms {
    PlanTerms {
        total: dec(total),
        down_payment: dec(down),
        count,
        frequency,
        first_date: first,
    }
}

#[test]
fn jan_31_then_feb_28_then_mar_31() {
    let rows = schedule(&terms("300", "0", 3, Frequency::Monthly, day(2026, 1, 31))).unwrap();
    let dates: Vec<NaiveDate> = rows.iter().map(|r| r.date).collect();
    assert_eq!(
        dates,
        [day(2026, 1, 31), day(2026, 2, 28), day(2026, 3, 31)]
    );
}

#[test]
fn each_frequency_has_an_id_the_form_reads_back_and_a_label() {
    let found: Vec<(Option<Frequency>, &str)> = Frequency::ALL
        .into_iter()
        .map(|frequency| (Frequency::from_id(frequency.id()), frequency.label()))
        .collect();
    assert_eq!(
        found,
        [
            (Some(Frequency::Weekly), "Weekly"),
            (Some(Frequency::Fortnightly), "Every two weeks"),
            (Some(Frequency::Monthly), "Monthly")
        ]
    );
    assert_eq!(Frequency::from_id("daily"), None);
}

#[test]
fn jan_31_in_a_leap_year_falls_on_feb_29() {
    assert_eq!(add_months_clamped(day(2028, 1, 31), 1), day(2028, 2, 29));
    assert_eq!(add_months_clamped(day(2026, 8, 30), 6), day(2027, 2, 28));
    assert_eq!(add_months_clamped(day(2026, 12, 15), 1), day(2027, 1, 15));
}

#[test]
fn the_remainder_goes_on_the_last_instalment() {
    let rows = schedule(&terms("100", "0", 3, Frequency::Monthly, day(2026, 1, 1))).unwrap();
    let amounts: Vec<Decimal> = rows.iter().map(|r| r.amount).collect();
    assert_eq!(amounts, [dec("33.33"), dec("33.33"), dec("33.34")]);
}

#[test]
fn a_down_payment_comes_first_and_instalments_follow_one_period_later() {
    let rows = schedule(&terms(
        "1000",
        "250",
        3,
        Frequency::Fortnightly,
        day(2026, 12, 1),
    ))
    .unwrap();
    let got: Vec<(u32, NaiveDate, Decimal)> =
        rows.iter().map(|r| (r.number, r.date, r.amount)).collect();
    assert_eq!(
        got,
        [
            (1, day(2026, 12, 1), dec("250")),
            (2, day(2026, 12, 15), dec("250")),
            (3, day(2026, 12, 29), dec("250")),
            (4, day(2027, 1, 12), dec("250"))
        ]
    );
}

#[test]
fn impossible_plans_name_the_input() {
    let field = |t: PlanTerms| schedule(&t).unwrap_err().field_name();
    assert_eq!(
        field(terms("0", "0", 3, Frequency::Weekly, day(2026, 1, 1))),
        Some("total")
    );
    assert_eq!(
        field(terms("100", "100", 3, Frequency::Weekly, day(2026, 1, 1))),
        Some("down_payment")
    );
    assert_eq!(
        field(terms("100", "0", 0, Frequency::Weekly, day(2026, 1, 1))),
        Some("count")
    );
    assert_eq!(
        field(terms("100", "0", 121, Frequency::Weekly, day(2026, 1, 1))),
        Some("count")
    );
    assert_eq!(
        field(terms("0.50", "0", 60, Frequency::Weekly, day(2026, 1, 1))),
        Some("count")
    );
}

proptest! {
    #[test]
    fn instalments_sum_exactly_to_the_total_and_dates_increase(
        cents in 100i64..100_000_000, down_share in 0i64..90, count in 1u32..=120, frequency in 0usize..3, offset in 0i64..3000
    ) {
        let total = Decimal::new(cents, 2);
        let down = (total * Decimal::new(down_share, 2)).round_dp(2);
        let first = day(2024, 1, 1) + chrono::Duration::days(offset);
        let terms = PlanTerms { total, down_payment: down, count, frequency: Frequency::ALL[frequency], first_date: first };
        match schedule(&terms) {
            Ok(rows) => {
                prop_assert_eq!(rows.iter().map(|r| r.amount).sum::<Decimal>(), total);
                prop_assert!(rows.iter().all(|r| r.amount >= Decimal::new(1, 2)));
                prop_assert!(rows.windows(2).all(|w| w[0].date < w[1].date));
            }
            Err(error) => prop_assert!((total - down) / Decimal::from(count) < Decimal::new(1, 2), "{error}"),
        }
    }
}

/// A 4,000.00 claim, 120 days overdue (defaults: agency 0.60, court collect 0.65, lump 0.80,
/// plan risk 0.20), discount rate 5% a year, i.e. monthly factor 1 + 5/1200.
/// - lump sum: 10% off → 3,600.00; 0.80 × 3,600 = 2,880; ÷ 1.0041666… (1 month) = 2,868.05.
/// - instalments: (1 − 0.20) × 4,000 = 3,200; ÷ 1.0041666…³ (6-month plan, paid on average
///   3 months out) = 3,200 ÷ 1.012552… = 3,160.33.
/// - agency: 0.60 × 4,000 × 75% = 1,800; ÷ 1.0041666…⁴ = 1,800 ÷ 1.016771… = 1,770.31.
/// - court: 0.85 × 0.65 × 4,000 − 200 costs (5%) = 2,010; ÷ 1.0041666…⁹ = 2,010 ÷ 1.038131… = 1,936.17.
/// - floor = max(agency, court, 0) = 1,936.17.
/// - break-even discount: 100 − 1,770.31 × 1.0041666… ÷ (0.80 × 4,000) × 100 = 100 − 55.55… = 44.4%.
#[test]
fn expected_values_match_the_hand_computed_example() {
    let claim = dec("4000");
    let (inputs, why) = Defaults::for_age(claim, 120);
    assert!(why.contains("90–179 days"));
    let comparison = compare(claim, &inputs, |d| d.to_string()).unwrap();
    let values: Vec<(&str, Decimal)> = comparison.options.iter().map(|o| (o.id, o.value)).collect();
    assert_eq!(
        values,
        [
            ("lump-sum", dec("2868.05")),
            ("instalments", dec("3160.33")),
            ("agency", dec("1770.31")),
            ("court", dec("1936.17")),
            ("write-off", dec("0"))
        ]
    );
    assert_eq!(comparison.walk_away_floor, dec("1936.17"));
    assert_eq!(comparison.break_even_discount, dec("44.4"));
    assert_eq!(discount_factor(dec("12"), 2), Some(dec("1.0201")));
}

#[test]
fn defaults_grow_more_pessimistic_with_age() {
    let agency = |days| Defaults::for_age(dec("1000"), days).0.agency_probability;
    assert!(agency(30) > agency(120) && agency(120) > agency(200) && agency(200) > agency(400));
}

#[test]
fn a_dispute_comes_first_and_two_reasons_mean_negotiate() {
    let mut signals = Signals {
        dispute: true,
        hardship: true,
        client_reached_out: true,
        ..Signals::default()
    };
    assert_eq!(
        recommend(&signals).recommendation,
        Recommendation::ResolveDisputeFirst
    );
    signals.dispute = false;
    let advice = recommend(&signals);
    assert_eq!(
        (advice.recommendation, advice.reasons.len()),
        (Recommendation::Negotiate, 2)
    );
    let advice = recommend(&Signals {
        days_overdue: 120,
        ..Signals::default()
    });
    assert_eq!(advice.recommendation, Recommendation::KeepEscalating);
}

fn plan() -> Plan {
    let rows = schedule(&terms("300", "0", 3, Frequency::Monthly, day(2026, 1, 10))).unwrap();
    Plan {
        id: "s1".into(),
        client_id: "c1".into(),
        invoice_ids: vec!["i1".into()],
        agreed_total: dec("300"),
        currency: Currency::parse("GBP").unwrap(),
        original_claim: dec("450"),
        schedule: rows,
        grace_days: 5,
        accepted_on: day(2026, 1, 1),
        status: PlanStatus::Active,
        defaulted_on: None,
    }
}

fn states(received: &str, as_of: NaiveDate) -> Vec<InstalmentState> {
    track(&plan(), dec(received), as_of)
        .into_iter()
        .map(|t| t.state)
        .collect()
}

#[test]
fn on_time_payments_mark_instalments_paid() {
    use InstalmentState::*;
    assert_eq!(states("100", day(2026, 1, 10)), [Paid, Due, Due]);
    assert_eq!(states("300", day(2026, 3, 30)), [Paid, Paid, Paid]);
}

#[test]
fn late_within_grace_is_still_due_and_past_grace_is_missed() {
    use InstalmentState::*;
    assert_eq!(states("0", day(2026, 1, 15)), [Due, Due, Due]);
    assert_eq!(states("0", day(2026, 1, 16)), [Missed, Due, Due]);
    assert_eq!(states("150", day(2026, 2, 16)), [Paid, Missed, Due]);
    assert_eq!(states("150", day(2026, 2, 12)), [Paid, PartPaid, Due]);
}

#[test]
fn default_revives_the_waived_amount_and_the_claim_less_payments_falls_due() {
    let outcome = declare_default(&plan(), dec("100"));
    assert_eq!((outcome.revived, outcome.now_due), (dec("150"), dec("350")));
    assert_eq!(outcome.summary, "Settlement plan in default: 150 GBP waived revives; 350 GBP of the original claim of 450 GBP is now due".replace("150 GBP", "£150.00").replace("350 GBP", "£350.00").replace("450 GBP", "£450.00"));
}

#[test]
fn the_calendar_has_one_folded_event_per_instalment_with_stable_uids() {
    let rows: Vec<(Instalment, String)> = plan()
        .schedule
        .into_iter()
        .map(|i| (i, "£100.00".to_string()))
        .collect();
    let ics = calendar(
        "s1",
        "Acme Ltd, settlement of invoices INV-001; INV-002 and a long title that needs folding",
        &rows,
        "20261123T090000Z",
    )
    .unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 3);
    assert!(ics.contains("UID:s1-2@overdue.local\r\n"));
    assert!(ics.contains("DTSTART;VALUE=DATE:20260210\r\n"));
    assert!(ics.contains("\\, settlement") && ics.contains("INV-001\\; INV-002"));
    assert!(ics.split("\r\n").all(|line| line.len() <= 75));
    assert!(ics.contains("\r\n "), "long lines are folded");
    assert!(!ics.replace("\r\n", "").contains('\n'));
}

#[test]
fn letters_about_a_planned_invoice_receive_the_offer_and_schedule() {
    let mut ledger = crate::core::backup::import(include_str!(
        "../../../tests/fixtures/contract-example.json"
    ))
    .unwrap();
    assert_eq!(
        super::letter_figures(&ledger, "i1"),
        crate::core::letters::variables::SettlementFigures::default()
    );
    ledger
        .accept_plan(plan(), &mut Sequential::default())
        .unwrap();
    let figures = super::letter_figures(&ledger, "i1");
    assert_eq!(figures.amount, "£300.00");
    assert_eq!(figures.pay_by, "10 March 2026");
    assert_eq!(
        figures.schedule[1],
        (
            "2".to_string(),
            "10 February 2026".to_string(),
            "£100.00".to_string()
        )
    );
}

#[test]
fn each_question_sets_its_own_answer() {
    for question in Question::ALL {
        let mut signals = Signals::default();
        signals.set(question, true);
        let yes: Vec<Question> = Question::ALL
            .into_iter()
            .filter(|asked| signals.answer(*asked))
            .collect();
        assert_eq!(yes, [question]);
        signals.set(question, false);
        assert_eq!(signals, Signals::default());
    }
}

#[test]
fn a_new_prep_sheet_aims_for_the_first_goal() {
    let sheet = crate::core::model::PrepSheet::new("c1");
    assert_eq!(sheet.goal, Goal::FullPaymentNow.label());
    assert_eq!(Goal::ALL[0], Goal::FullPaymentNow);
}

#[test]
fn a_plan_needs_an_included_invoice_and_a_schedule() {
    let books = crate::core::books::Books::new(std::sync::Arc::new(
        crate::core::backup::import(include_str!(
            "../../../tests/fixtures/contract-example.json"
        ))
        .unwrap(),
    ));
    let gbp = Currency::parse("GBP").unwrap();
    let today = day(2026, 3, 16);
    let mut exclusions = super::Exclusions::none();
    let open = super::case(
        &books,
        "c1",
        &gbp,
        &exclusions,
        InterestOptions::default(),
        today,
    );
    let rows = plan().schedule;
    let accepted = Plan::accept(&open, rows.clone(), today).unwrap();
    assert_eq!(
        (
            accepted.invoice_ids.clone(),
            accepted.agreed_total,
            accepted.original_claim
        ),
        (vec!["i1".to_string()], dec("300"), dec("1007.24"))
    );
    assert_eq!(
        (accepted.grace_days, accepted.status),
        (7, PlanStatus::Active)
    );
    assert_eq!(
        Plan::accept(&open, Vec::new(), today)
            .unwrap_err()
            .field_name(),
        Some("total")
    );
    exclusions.choose("i1", false);
    let empty = super::case(
        &books,
        "c1",
        &gbp,
        &exclusions,
        InterestOptions::default(),
        today,
    );
    assert_eq!(empty.claim, Decimal::ZERO);
    assert_eq!(
        Plan::accept(&empty, rows, today).unwrap_err().field_name(),
        Some("total")
    );
}
