//! Worked examples (each expected figure is worked out by hand in its comment) and properties.

use super::*;
use crate::core::model::{Client, Payment};
use crate::core::money::Amount;
use proptest::prelude::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn dec(text: &str) -> Decimal {
    text.parse().unwrap()
}

/// A ledger with one client and one invoice under `rule`; returns it with the invoice.
fn case(
    rule: RuleKind,
    amount: &str,
    currency: &str,
    due: NaiveDate,
    payments: &[(NaiveDate, &str)],
) -> (Ledger, Invoice) {
    let mut ledger = Ledger::default();
    ledger.clients.push(Client::new("c1", "Acme"));
    let invoice = Invoice {
        id: "i1".into(),
        client_id: "c1".into(),
        number: "1".into(),
        issue_date: add_days(due, -30),
        due_date: due,
        amount: Amount::new(dec(amount)).unwrap(),
        currency: Currency::parse(currency).unwrap(),
        description: String::new(),
        disputed: false,
        interest: Some(InterestTerms::rule(rule)),
        write_off: None,
        source: None,
    };
    ledger.invoices.push(invoice.clone());
    for (index, (date, paid)) in payments.iter().enumerate() {
        ledger.payments.push(Payment {
            id: format!("p{index}"),
            invoice_id: "i1".into(),
            date: *date,
            amount: Amount::new(dec(paid)).unwrap(),
            method: String::new(),
            note: String::new(),
        });
    }
    (ledger, invoice)
}

fn run(
    rule: RuleKind,
    amount: &str,
    currency: &str,
    due: NaiveDate,
    payments: &[(NaiveDate, &str)],
    as_of: NaiveDate,
) -> InterestResult {
    let (ledger, invoice) = case(rule, amount, currency, due, payments);
    compute(&ledger, &invoice, as_of, InterestOptions::default())
}

fn interests(result: &InterestResult) -> Vec<(i64, Decimal, Decimal)> {
    result
        .rows
        .iter()
        .map(|r| (r.days, r.annual_rate, r.interest))
        .collect()
}

/// UK, one rate. Due 31 Jan 2024; interest runs from 1 Feb. Reference: Bank Rate on
/// 31 Dec 2023 = 5.25% → 13.25%. 1 Feb–1 Mar 2024 = 29 + 1 = 30 days (a leap February).
/// 1,000 × 13.25% × 30 / 365 = 3,975 / 365 = 10.8904… → £10.89. Compensation £70 (≥ £1,000).
#[test]
fn uk_one_month_late_in_a_leap_february() {
    let result = run(
        RuleKind::UkLatePayment,
        "1000",
        "GBP",
        day(2024, 1, 31),
        &[],
        day(2024, 3, 1),
    );
    assert_eq!(interests(&result), [(30, dec("13.25"), dec("10.89"))]);
    assert_eq!(result.total, dec("10.89"));
    assert_eq!(result.compensation.unwrap().amount, dec("70"));
}

/// UK across Bank Rate's cut of 1 Aug 2024, one rate for the whole debt: interest starts
/// 16 Jun 2024 (first half-year), so the reference is 31 Dec 2023 = 5.25% → 13.25% throughout.
/// 16 Jun–31 Aug = 15 + 31 + 31 = 77 days. 5,000 × 13.25% × 77 / 365 = 51,012.5 / 365 = 139.760… → £139.76.
#[test]
fn uk_keeps_one_rate_across_a_bank_rate_change() {
    let result = run(
        RuleKind::UkLatePayment,
        "5000",
        "GBP",
        day(2024, 6, 15),
        &[],
        day(2024, 8, 31),
    );
    assert_eq!(interests(&result), [(77, dec("13.25"), dec("139.76"))]);
}

/// UK split at each half-year. Due 15 Dec 2024, to 31 Jan 2025.
/// 16–31 Dec: 16 days at Bank Rate on 30 Jun 2024 (5.25%) + 8 = 13.25%:
///   2,000 × 13.25% × 16 / 365 = 4,240 / 365 = 11.616… → £11.62.
/// 1–31 Jan: 31 days at Bank Rate on 31 Dec 2024 (4.75%) + 8 = 12.75%:
///   2,000 × 12.75% × 31 / 365 = 7,905 / 365 = 21.657… → £21.66. Total £33.28.
/// Without the split: 13.25% for 47 days: 265 × 47 / 365 = 34.123… → £34.12.
#[test]
fn uk_split_at_each_half_year_re_fixes_the_rate() {
    let (ledger, invoice) = case(
        RuleKind::UkLatePayment,
        "2000",
        "GBP",
        day(2024, 12, 15),
        &[],
    );
    let split = compute(
        &ledger,
        &invoice,
        day(2025, 1, 31),
        InterestOptions {
            uk_split_half_years: true,
        },
    );
    assert_eq!(
        interests(&split),
        [
            (16, dec("13.25"), dec("11.62")),
            (31, dec("12.75"), dec("21.66"))
        ]
    );
    assert_eq!(split.total, dec("33.28"));
    assert_eq!(split.rate_text(), "12.75%–13.25%");
    let whole = compute(
        &ledger,
        &invoice,
        day(2025, 1, 31),
        InterestOptions::default(),
    );
    assert_eq!(whole.total, dec("34.12"));
}

/// UK with a part payment of £400 on 11 Feb 2024 (it stops accruing from that day).
/// 1–10 Feb: 1,000 × 13.25% × 10 / 365 = 1,325 / 365 = 3.630… → £3.63.
/// 11 Feb–1 Mar: 20 days on £600: 79.5 × 20 / 365 = 1,590 / 365 = 4.356… → £4.36. Total £7.99.
#[test]
fn uk_part_payment_reduces_the_principal_from_its_date() {
    let result = run(
        RuleKind::UkLatePayment,
        "1000",
        "GBP",
        day(2024, 1, 31),
        &[(day(2024, 2, 11), "400")],
        day(2024, 3, 1),
    );
    assert_eq!(
        interests(&result),
        [
            (10, dec("13.25"), dec("3.63")),
            (20, dec("13.25"), dec("4.36"))
        ]
    );
    assert_eq!(result.total, dec("7.99"));
    assert_eq!(result.rows[1].principal, dec("600"));
}

/// UK fixed compensation (s.5A): £40 under £1,000; £70 from £1,000 to £9,999.99; £100 from £10,000.
#[test]
fn uk_compensation_tiers_at_their_edges() {
    for (amount, fee) in [
        ("999.99", "40"),
        ("1000.00", "70"),
        ("9999.99", "70"),
        ("10000.00", "100"),
    ] {
        let result = run(
            RuleKind::UkLatePayment,
            amount,
            "GBP",
            day(2024, 1, 31),
            &[],
            day(2024, 2, 1),
        );
        let compensation = result.compensation.unwrap();
        assert_eq!(
            (compensation.amount, compensation.currency.code()),
            (dec(fee), "GBP"),
            "{amount}"
        );
    }
}

/// EU Directive across 1 Jul 2023. Due 15 Jun 2023.
/// 16–30 Jun: ECB on 1 Jan 2023 = 2.50% → 10.50%: 10,000 × 10.5% × 15 / 365 = 15,750 / 365 = 43.150… → €43.15.
/// 1–15 Jul: ECB on 1 Jul 2023 = 4.00% → 12.00%: 1,200 × 15 / 365 = 18,000 / 365 = 49.315… → €49.32.
/// Total €92.47; compensation €40.
#[test]
fn eu_directive_re_fixes_the_rate_each_half_year() {
    let result = run(
        RuleKind::EuDirective,
        "10000",
        "EUR",
        day(2023, 6, 15),
        &[],
        day(2023, 7, 15),
    );
    assert_eq!(
        interests(&result),
        [
            (15, dec("10.50"), dec("43.15")),
            (15, dec("12.00"), dec("49.32"))
        ]
    );
    assert_eq!(result.total, dec("92.47"));
    assert_eq!(result.compensation.unwrap().amount, dec("40"));
}

/// Germany across 1 Jan 2023, with a negative base rate. Due 20 Dec 2022.
/// 21–31 Dec: base −0.88% + 9 = 8.12%: 3,000 × 8.12% × 11 / 365 = 2,679.6 / 365 = 7.341… → €7.34.
/// 1–19 Jan: base 1.62% + 9 = 10.62%: 318.6 × 19 / 365 = 6,053.4 / 365 = 16.584… → €16.58. Total €23.92.
#[test]
fn germany_uses_the_base_rate_plus_nine_points() {
    let result = run(
        RuleKind::De,
        "3000",
        "EUR",
        day(2022, 12, 20),
        &[],
        day(2023, 1, 19),
    );
    assert_eq!(
        interests(&result),
        [
            (11, dec("8.12"), dec("7.34")),
            (19, dec("10.62"), dec("16.58"))
        ]
    );
    assert_eq!(result.total, dec("23.92"));
}

/// France, due on leap day 29 Feb 2024. ECB on 1 Jan 2024 = 4.50% + 10 = 14.50%.
/// 1–31 Mar = 31 days: 1,000 × 14.5% × 31 / 365 = 4,495 / 365 = 12.315… → €12.32; €40 indemnity.
#[test]
fn france_uses_the_ecb_rate_plus_ten_points() {
    let result = run(
        RuleKind::Fr,
        "1000",
        "EUR",
        day(2024, 2, 29),
        &[],
        day(2024, 3, 31),
    );
    assert_eq!(interests(&result), [(31, dec("14.50"), dec("12.32"))]);
    assert_eq!(result.compensation.unwrap().amount, dec("40"));
}

/// California 10%: due 31 Jan 2025, 1 Feb–1 Mar = 29 days: 10,000 × 10% × 29 / 365 = 29,000 / 365 = 79.452… → $79.45.
#[test]
fn california_charges_ten_percent_simple() {
    let result = run(
        RuleKind::UsCa,
        "10000",
        "USD",
        day(2025, 1, 31),
        &[],
        day(2025, 3, 1),
    );
    assert_eq!(interests(&result), [(29, dec("10"), dec("79.45"))]);
    assert_eq!(result.compensation, None);
}

/// New York 9%: due 31 May 2025, 1–30 Jun = 30 days: 2,500 × 9% × 30 / 365 = 6,750 / 365 = 18.493… → $18.49.
#[test]
fn new_york_charges_nine_percent_simple() {
    let result = run(
        RuleKind::UsNy,
        "2500",
        "USD",
        day(2025, 5, 31),
        &[],
        day(2025, 6, 30),
    );
    assert_eq!(result.total, dec("18.49"));
}

/// Texas 6% from the 30th day after due: due 1 Jan 2025 → from 31 Jan; 31 Jan–1 Mar = 30 days:
/// 1,000 × 6% × 30 / 365 = 1,800 / 365 = 4.931… → $4.93. On 30 Jan nothing has accrued yet.
#[test]
fn texas_starts_on_the_thirtieth_day_after_due() {
    let result = run(
        RuleKind::UsTx,
        "1000",
        "USD",
        day(2025, 1, 1),
        &[],
        day(2025, 3, 1),
    );
    assert_eq!(interests(&result), [(30, dec("6"), dec("4.93"))]);
    let early = run(
        RuleKind::UsTx,
        "1000",
        "USD",
        day(2025, 1, 1),
        &[],
        day(2025, 1, 30),
    );
    assert_eq!(early.total, Decimal::ZERO);
    assert_eq!(early.notes, ["Interest starts running on 31 Jan 2025."]);
}

/// Contract 8% with a £25 fee (the backup-format example), £200 paid on 1 Mar 2026. Due 14 Feb.
/// 15–28 Feb: 1,200 × 8% × 14 / 365 = 1,344 / 365 = 3.682… → £3.68.
/// 1–31 Mar: 1,000 × 8% × 31 / 365 = 2,480 / 365 = 6.794… → £6.79. Total £10.47; fee £25.
#[test]
fn contract_rate_with_a_flat_fee() {
    let (mut ledger, mut invoice) = case(
        RuleKind::Contract,
        "1200",
        "GBP",
        day(2026, 2, 14),
        &[(day(2026, 3, 1), "200")],
    );
    invoice.interest = Some(InterestTerms {
        rule: RuleKind::Contract,
        annual_rate: Some(dec("8.0")),
        flat_fee: Some(Amount::new(dec("25")).unwrap()),
    });
    ledger.invoices[0] = invoice.clone();
    let result = compute(
        &ledger,
        &invoice,
        day(2026, 3, 31),
        InterestOptions::default(),
    );
    assert_eq!(
        interests(&result),
        [(14, dec("8.0"), dec("3.68")), (31, dec("8.0"), dec("6.79"))]
    );
    assert_eq!(result.total, dec("10.47"));
    assert_eq!(result.compensation.as_ref().unwrap().amount, dec("25"));
    assert_eq!(
        summary(&result),
        "£10.47 interest at 8.0% + £25.00 compensation"
    );
}

#[test]
fn business_to_business_rules_do_not_apply_to_consumers() {
    let (mut ledger, invoice) = case(
        RuleKind::UkLatePayment,
        "1000",
        "GBP",
        day(2024, 1, 31),
        &[],
    );
    ledger.clients[0].consumer = true;
    let result = compute(
        &ledger,
        &invoice,
        day(2024, 3, 1),
        InterestOptions::default(),
    );
    assert!(!result.applies);
    assert_eq!((result.total, result.compensation), (Decimal::ZERO, None));
    assert!(result.notes[0].contains("business-to-business debts only"));
    let us = {
        let (mut ledger, invoice) = case(RuleKind::UsNy, "1000", "USD", day(2024, 1, 31), &[]);
        ledger.clients[0].consumer = true;
        compute(
            &ledger,
            &invoice,
            day(2024, 3, 1),
            InterestOptions::default(),
        )
    };
    assert!(us.applies && us.total > Decimal::ZERO);
}

#[test]
fn a_fee_in_another_currency_is_not_converted_and_says_so() {
    let result = run(
        RuleKind::EuDirective,
        "1000",
        "USD",
        day(2024, 1, 31),
        &[],
        day(2024, 3, 1),
    );
    assert_eq!(result.compensation.as_ref().unwrap().currency.code(), "EUR");
    assert!(result.notes[0].contains("not converted"));
}

#[test]
fn the_business_default_rule_applies_when_the_invoice_has_none() {
    let (mut ledger, mut invoice) = case(
        RuleKind::UkLatePayment,
        "1000",
        "GBP",
        day(2024, 1, 31),
        &[],
    );
    invoice.interest = None;
    ledger.business.interest_rule = RuleKind::UsCa;
    assert_eq!(
        compute(
            &ledger,
            &invoice,
            day(2024, 3, 1),
            InterestOptions::default()
        )
        .rule,
        RuleKind::UsCa
    );
    ledger.business.interest_rule = RuleKind::None;
    let none = compute(
        &ledger,
        &invoice,
        day(2024, 3, 1),
        InterestOptions::default(),
    );
    assert!(!none.applies && none.rows.is_empty());
}

#[test]
fn a_user_added_rate_row_is_used() {
    let (mut ledger, invoice) = case(RuleKind::EuDirective, "1000", "EUR", day(2026, 1, 15), &[]);
    ledger.settings.rate_rows.push(RateRow {
        table: RateTableId::Ecb,
        from: day(2025, 12, 17),
        rate: dec("2.00"),
    });
    let result = compute(
        &ledger,
        &invoice,
        day(2026, 1, 31),
        InterestOptions::default(),
    );
    assert_eq!(result.rows[0].annual_rate, dec("10.00"));
}

const RULES: [RuleKind; 7] = [
    RuleKind::UkLatePayment,
    RuleKind::EuDirective,
    RuleKind::De,
    RuleKind::Fr,
    RuleKind::UsCa,
    RuleKind::UsNy,
    RuleKind::UsTx,
];

proptest! {
    #[test]
    fn interest_never_decreases_as_the_day_moves_later(rule in 0usize..7, cents in 1i64..100_000_000, due in 0i64..2000, a in 0i64..800, b in 0i64..800) {
        let due = add_days(day(2020, 1, 1), due);
        let (ledger, invoice) = case(RULES[rule], &Decimal::new(cents, 2).to_string(), "GBP", due, &[]);
        let (early, late) = (add_days(due, a.min(b)), add_days(due, a.max(b)));
        let options = InterestOptions::default();
        prop_assert!(compute(&ledger, &invoice, early, options).total <= compute(&ledger, &invoice, late, options).total);
    }

    #[test]
    fn splitting_the_period_changes_the_total_by_at_most_a_cent_per_split(rule in 0usize..7, cents in 1i64..100_000_000, splits in proptest::collection::vec(1i64..400, 1..5)) {
        let due = day(2023, 3, 10);
        let as_of = add_days(due, 420);
        let (mut ledger, invoice) = case(RULES[rule], &Decimal::new(cents, 2).to_string(), "GBP", due, &[]);
        let whole = compute(&ledger, &invoice, as_of, InterestOptions::default()).total;
        for (index, offset) in splits.iter().enumerate() {
            ledger.payments.push(Payment { id: format!("split{index}"), invoice_id: "i1".into(), date: add_days(due, *offset), amount: Amount::ZERO, method: String::new(), note: String::new() });
        }
        let split = compute(&ledger, &invoice, as_of, InterestOptions::default()).total;
        let cents_apart = ((whole - split).abs() * Decimal::from(100)).trunc();
        prop_assert!(cents_apart <= Decimal::from(splits.len() as i64), "whole {} split {}", whole, split);
    }

    #[test]
    fn a_zero_rate_gives_zero(cents in 1i64..100_000_000, days in 0i64..1000) {
        let (mut ledger, mut invoice) = case(RuleKind::Contract, &Decimal::new(cents, 2).to_string(), "GBP", day(2024, 1, 1), &[]);
        invoice.interest = Some(InterestTerms { rule: RuleKind::Contract, annual_rate: Some(Decimal::ZERO), flat_fee: None });
        ledger.invoices[0] = invoice.clone();
        prop_assert_eq!(compute(&ledger, &invoice, add_days(day(2024, 1, 1), days), InterestOptions::default()).total, Decimal::ZERO);
    }
}
