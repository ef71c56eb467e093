//! Worked examples (each expected figure is worked out by hand in its comment) and properties.

use super::*;
use crate::core::dates::add_days;
use crate::core::model::{Client, Payment, RateRow, RateTableId, Settings, WriteOff};
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

/// The contract example: £1,200 at 8% with a £25 fee, due 14 Feb 2026, £200 paid on 1 Mar,
/// reported on 31 Mar, with the business's appropriation setting.
fn contract_case(order: Appropriation) -> InterestResult {
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
    ledger.settings.contract_appropriation = order;
    compute(
        &ledger,
        &invoice,
        day(2026, 3, 31),
        InterestOptions::default(),
    )
}

/// A ledger like [`case`] whose client is a consumer.
fn consumer_case(
    rule: RuleKind,
    amount: &str,
    currency: &str,
    due: NaiveDate,
    payments: &[(NaiveDate, &str)],
) -> (Ledger, Invoice) {
    let (mut ledger, invoice) = case(rule, amount, currency, due, payments);
    ledger.clients[0].consumer = true;
    (ledger, invoice)
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
            ..InterestOptions::default()
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

/// UK with a part payment of £400 on 11 Feb 2024. The paid part bears interest up to and
/// including its payment day, so it counts 11 Feb − 31 Jan = 11 days, as an unpaid debt
/// reported on 11 Feb would (updated: this test used to stop the paid part on the day before).
/// 1–11 Feb: 1,000 × 13.25% × 11 / 365 = 1,457.5 / 365 = 3.993… → £3.99.
/// 12 Feb–1 Mar: 18 + 1 = 19 days on £600: 79.5 × 19 / 365 = 1,510.5 / 365 = 4.138… → £4.14.
/// Total £8.13.
#[test]
fn uk_part_payment_reduces_the_principal_from_the_day_after_it() {
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
            (11, dec("13.25"), dec("3.99")),
            (19, dec("13.25"), dec("4.14"))
        ]
    );
    assert_eq!(result.total, dec("8.13"));
    assert_eq!(result.rows[1].principal, dec("600"));
    assert_eq!(result.appropriation, Appropriation::PrincipalFirst);
    assert_eq!(
        (
            result.allocations[0].to_principal,
            result.allocations[0].to_interest
        ),
        (dec("400"), Decimal::ZERO)
    );
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
/// Updated for the day count: the payment day itself bears interest on the whole sum.
/// 15 Feb–1 Mar: 14 + 1 = 15 days: 1,200 × 8% × 15 / 365 = 1,440 / 365 = 3.945… → £3.95.
/// 2–31 Mar: 30 days on £1,000: 1,000 × 8% × 30 / 365 = 2,400 / 365 = 6.575… → £6.58.
/// Total £10.53; fee £25. The business left the contract order at principal first.
#[test]
fn contract_rate_with_a_flat_fee() {
    let result = contract_case(Appropriation::PrincipalFirst);
    assert_eq!(
        interests(&result),
        [(15, dec("8.0"), dec("3.95")), (30, dec("8.0"), dec("6.58"))]
    );
    assert_eq!(result.total, dec("10.53"));
    assert_eq!(result.compensation.as_ref().unwrap().amount, dec("25"));
    assert_eq!(
        summary(&result),
        "£10.53 interest at 8.00% + £25.00 compensation"
    );
}

/// The contract example with the business setting "interest first".
/// 15 Feb–1 Mar: £3.95 as above. The £200 of 1 Mar pays £3.95 interest and £196.05 principal,
/// leaving £1,003.95. 2–31 Mar: 1,003.95 × 8% × 30 / 365 = 2,409.48 / 365 = 6.601… → £6.60.
/// Total £10.55.
#[test]
fn a_contract_follows_the_business_appropriation_setting() {
    let result = contract_case(Appropriation::InterestFirst);
    assert_eq!(
        interests(&result),
        [(15, dec("8.0"), dec("3.95")), (30, dec("8.0"), dec("6.60"))]
    );
    assert_eq!(result.rows[1].principal, dec("1003.95"));
    assert_eq!(result.total, dec("10.55"));
    let paid = &result.allocations[0];
    assert_eq!(
        (paid.to_interest, paid.to_principal, paid.unapplied),
        (dec("3.95"), dec("196.05"), Decimal::ZERO)
    );
}

#[test]
fn the_appropriation_setting_is_optional_in_a_backup() {
    let old: Settings = serde_json::from_str("{}").unwrap();
    assert_eq!(old.contract_appropriation, Appropriation::PrincipalFirst);
    assert!(!serde_json::to_string(&old)
        .unwrap()
        .contains("appropriation"));
    let chosen = Settings {
        contract_appropriation: Appropriation::InterestFirst,
        ..Settings::default()
    };
    let text = serde_json::to_string(&chosen).unwrap();
    assert!(text.contains(r#""contract_appropriation":"interest-first""#));
    assert_eq!(serde_json::from_str::<Settings>(&text).unwrap(), chosen);
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
    assert!(result.rows[0].user_rate && result.uses_user_rate());
    assert!(result.rows[0].basis.contains("your rate"));
}

// ——— 2026: the new rows of the rate tables ———

/// UK 2026 across the Bank of England cut of 18 Dec 2025. Due 30 Jan 2026; interest starts
/// 31 Jan, so the reference is Bank Rate on 31 Dec 2025 = 3.75% (not 4.00%) → 11.75%.
/// 31 Jan–31 Mar = 1 + 28 + 31 = 60 days: 5,000 × 11.75% × 60 / 365 = 35,250 / 365 = 96.575… → £96.58.
/// Checked against the UK government's late payment interest calculator method (s.6 reference
/// rate + 8%, simple daily interest). Compensation £70 (£1,000–£9,999.99).
#[test]
fn uk_2026_uses_bank_rate_of_3_75_from_december_2025() {
    let result = run(
        RuleKind::UkLatePayment,
        "5000",
        "GBP",
        day(2026, 1, 30),
        &[],
        day(2026, 3, 31),
    );
    assert_eq!(interests(&result), [(60, dec("11.75"), dec("96.58"))]);
    assert!(result.rows[0].basis.contains("31 Dec 2025 (3.75%)"));
    assert_eq!(result.compensation.unwrap().amount, dec("70"));
    assert_eq!(result.stale, None);
}

/// EU Directive across 1 Jul 2026, after the ECB rise of 17 Jun 2026 (2.15% → 2.40%). Due 15 Jun.
/// 16–30 Jun: ECB on 1 Jan 2026 = 2.15% + 8 = 10.15%: 10,000 × 10.15% × 15 / 365 = 15,225 / 365 = 41.712… → €41.71.
/// 1–31 Jul: ECB on 1 Jul 2026 = 2.40% + 8 = 10.40%: 1,040 × 31 / 365 = 32,240 / 365 = 88.328… → €88.33.
/// Total €130.04; compensation €40 (art. 6).
#[test]
fn eu_2026_re_fixes_at_the_ecb_rate_in_force_on_1_july() {
    let result = run(
        RuleKind::EuDirective,
        "10000",
        "EUR",
        day(2026, 6, 15),
        &[],
        day(2026, 7, 31),
    );
    assert_eq!(
        interests(&result),
        [
            (15, dec("10.15"), dec("41.71")),
            (31, dec("10.40"), dec("88.33"))
        ]
    );
    assert_eq!(result.total, dec("130.04"));
    assert_eq!(result.compensation.unwrap().amount, dec("40"));
    assert!(result.citation.contains("arts. 2(6)–(7), 3 and 6"));
}

/// France from the second half of 2026 into 2027, past the ECB table's check (30 Sep 2026).
/// Due 31 Aug 2026. 1 Sep–31 Dec = 30 + 31 + 30 + 31 = 122 days at ECB on 1 Jul 2026 = 2.40% + 10
/// = 12.40%: 2,000 × 12.4% × 122 / 365 = 30,256 / 365 = 82.893… → €82.89.
/// 1–31 Jan 2027: ECB on 1 Jan 2027, known only to 30 Sep 2026: 2.65% + 10 = 12.65%:
/// 253 × 31 / 365 = 7,843 / 365 = 21.487… → €21.49. Total €104.38, flagged as possibly stale.
/// Same method as the French official calculator (taux BCE + 10 points, jours / 365).
#[test]
fn france_2027_figures_carry_a_staleness_warning() {
    let result = run(
        RuleKind::Fr,
        "2000",
        "EUR",
        day(2026, 8, 31),
        &[],
        day(2027, 1, 31),
    );
    assert_eq!(
        interests(&result),
        [
            (122, dec("12.40"), dec("82.89")),
            (31, dec("12.65"), dec("21.49"))
        ]
    );
    assert_eq!(result.total, dec("104.38"));
    let stale = result.stale.unwrap();
    assert_eq!(
        (stale.table, stale.checked_to),
        (RateTableId::Ecb, day(2026, 9, 30))
    );
    assert_eq!(result.rows[0].stale, None);
    assert_eq!(
        result.stale_message().unwrap(),
        "ECB main refinancing operations rate table checked to 30 Sep 2026; if the bank has changed its rate since, add the new rate in Settings."
    );
}

/// Germany, business debtor, across the base-rate rise of 1 Jul 2026 (1.27% → 1.52%). Due
/// Tuesday 16 Jun 2026. 17–30 Jun: 1.27% + 9 = 10.27%: 3,000 × 10.27% × 14 / 365 = 4,313.4 / 365 = 11.817… → €11.82.
/// 1–31 Jul: 1.52% + 9 = 10.52%: 315.6 × 31 / 365 = 9,783.6 / 365 = 26.804… → €26.80. Total €38.62; €40 (§288(5)).
#[test]
fn a_german_business_debt_carries_base_plus_nine_and_the_flat_fee() {
    let result = run(
        RuleKind::De,
        "3000",
        "EUR",
        day(2026, 6, 16),
        &[],
        day(2026, 7, 31),
    );
    assert_eq!(
        interests(&result),
        [
            (14, dec("10.27"), dec("11.82")),
            (31, dec("10.52"), dec("26.80"))
        ]
    );
    assert_eq!(result.total, dec("38.62"));
    assert_eq!(result.compensation.unwrap().citation, "BGB §288(5)");
}

/// The same debt owed by a consumer (§288(1)): base + 5 points and no €40.
/// 17–30 Jun: 6.27%: 3,000 × 6.27% × 14 / 365 = 2,633.4 / 365 = 7.214… → €7.21.
/// 1–31 Jul: 6.52%: 195.6 × 31 / 365 = 6,063.6 / 365 = 16.612… → €16.61. Total €23.82.
#[test]
fn a_german_consumer_debt_carries_base_plus_five_and_no_flat_fee() {
    let (ledger, invoice) = consumer_case(RuleKind::De, "3000", "EUR", day(2026, 6, 16), &[]);
    let result = compute(
        &ledger,
        &invoice,
        day(2026, 7, 31),
        InterestOptions::default(),
    );
    assert!(result.applies);
    assert_eq!(
        interests(&result),
        [
            (14, dec("6.27"), dec("7.21")),
            (31, dec("6.52"), dec("16.61"))
        ]
    );
    assert_eq!(result.total, dec("23.82"));
    assert_eq!(result.compensation, None);
    assert_eq!(result.citation, "BGB §288(1) with §247 (Basiszinssatz)");
}

// ——— Compensation only when late ———

/// Paid in full on its due date: nothing accrues and no fixed sum is due.
#[test]
fn an_invoice_paid_in_full_by_its_due_date_owes_no_compensation() {
    for rule in [
        RuleKind::UkLatePayment,
        RuleKind::EuDirective,
        RuleKind::De,
        RuleKind::Fr,
    ] {
        let result = run(
            rule,
            "1000",
            "EUR",
            day(2026, 3, 31),
            &[(day(2026, 3, 31), "1000")],
            day(2026, 5, 1),
        );
        assert_eq!(
            (result.total, &result.compensation),
            (Decimal::ZERO, &None),
            "{rule:?}"
        );
        assert!(result.rows.is_empty());
    }
}

/// Paid in full one day late: one day of interest and the fixed sum.
/// UK, due 30 Jan 2026, paid 31 Jan: 1,000 × 11.75% × 1 / 365 = 117.5 / 365 = 0.3219… → £0.32; £70.
#[test]
fn an_invoice_paid_a_day_late_owes_a_day_of_interest_and_the_fixed_sum() {
    let result = run(
        RuleKind::UkLatePayment,
        "1000",
        "GBP",
        day(2026, 1, 30),
        &[(day(2026, 1, 31), "1000")],
        day(2026, 5, 1),
    );
    assert_eq!(interests(&result), [(1, dec("11.75"), dec("0.32"))]);
    assert_eq!(result.compensation.unwrap().amount, dec("70"));
}

// ——— Appropriation of part payments ———

/// Germany (§367 BGB): costs, then interest, then principal. €1,000 due Tuesday 31 Mar 2026,
/// €500 paid on 30 Apr. Rate 1.27% + 9 = 10.27%.
/// 1–30 Apr: 1,000 × 10.27% × 30 / 365 = 3,081 / 365 = 8.441… → €8.44.
/// The €500 pays €40 costs, €8.44 interest and €451.56 principal, leaving €548.44.
/// 1–30 May: 548.44 × 10.27% × 30 / 365 = 1,689.743… / 365 = 4.629… → €4.63. Total €13.07.
#[test]
fn a_german_part_payment_pays_costs_then_interest_then_principal() {
    let result = run(
        RuleKind::De,
        "1000",
        "EUR",
        day(2026, 3, 31),
        &[(day(2026, 4, 30), "500")],
        day(2026, 5, 30),
    );
    assert_eq!(result.appropriation, Appropriation::CostsThenInterest);
    assert_eq!(
        interests(&result),
        [
            (30, dec("10.27"), dec("8.44")),
            (30, dec("10.27"), dec("4.63"))
        ]
    );
    assert_eq!(result.rows[1].principal, dec("548.44"));
    assert_eq!(result.total, dec("13.07"));
    let paid = &result.allocations[0];
    assert_eq!(
        (paid.to_costs, paid.to_interest, paid.to_principal),
        (dec("40"), dec("8.44"), dec("451.56"))
    );
    assert_eq!(result.interest_unpaid(), dec("4.63"));
}

/// France (Code civil art. 1343-1): interest first. €1,000 due 31 Mar 2026, paid €1,000 on
/// 30 Apr. Rate: ECB on 1 Jan 2026 = 2.15% + 10 = 12.15%.
/// 1–30 Apr: 1,000 × 12.15% × 30 / 365 = 3,645 / 365 = 9.986… → €9.99. The €1,000 pays €9.99
/// interest and €990.01 principal, so €9.99 of principal stays due.
/// 1–30 May: 9.99 × 12.15% × 30 / 365 = 36.41355 / 365 = 0.0997… → €0.10. Total €10.09; €40.
#[test]
fn a_french_payment_pays_interest_before_principal() {
    let result = run(
        RuleKind::Fr,
        "1000",
        "EUR",
        day(2026, 3, 31),
        &[(day(2026, 4, 30), "1000")],
        day(2026, 5, 30),
    );
    assert_eq!(
        interests(&result),
        [
            (30, dec("12.15"), dec("9.99")),
            (30, dec("12.15"), dec("0.10"))
        ]
    );
    assert_eq!(result.rows[1].principal, dec("9.99"));
    let paid = &result.allocations[0];
    assert_eq!(
        (paid.to_interest, paid.to_principal),
        (dec("9.99"), dec("990.01"))
    );
    assert_eq!(result.total, dec("10.09"));
}

// ——— Paid in full but late: still claimable ———

/// The French invoice above is paid in full on the ledger, yet owes 1,000 + 10.09 + 40 − 1,000
/// = €50.09. `claims` lists it only when asked to; `paid_late` always does.
#[test]
fn interest_on_an_invoice_paid_in_full_but_late_stays_claimable() {
    let (ledger, _) = case(
        RuleKind::Fr,
        "1000",
        "EUR",
        day(2026, 3, 31),
        &[(day(2026, 4, 30), "1000")],
    );
    let euro = Currency::parse("EUR").unwrap();
    let as_of = day(2026, 5, 30);
    assert!(claims(&ledger, "c1", &euro, as_of, InterestOptions::default()).is_empty());
    let with = InterestOptions {
        include_paid_late: true,
        ..InterestOptions::default()
    };
    let listed = claims(&ledger, "c1", &euro, as_of, with);
    assert_eq!(listed.len(), 1);
    assert!(listed[0].paid_late && listed[0].outstanding == Decimal::ZERO);
    assert_eq!(listed[0].claim(), dec("50.09"));
    let late = paid_late(&ledger, "c1", &euro, as_of, InterestOptions::default());
    assert_eq!(late, listed);
}

/// UK, principal first: £1,000 due 30 Jan 2026 paid in full on 1 Mar. 31 Jan–1 Mar = 30 days:
/// 1,000 × 11.75% × 30 / 365 = 3,525 / 365 = 9.657… → £9.66, plus £70: £79.66 still claimable,
/// and nothing more accrues after the payment. An invoice paid on time is not listed.
#[test]
fn a_paid_late_uk_invoice_keeps_its_interest_and_fixed_sum() {
    let (mut ledger, _) = case(
        RuleKind::UkLatePayment,
        "1000",
        "GBP",
        day(2026, 1, 30),
        &[(day(2026, 3, 1), "1000")],
    );
    let mut on_time = ledger.invoices[0].clone();
    on_time.id = "i2".into();
    ledger.invoices.push(on_time);
    ledger.payments.push(Payment {
        id: "p-on-time".into(),
        invoice_id: "i2".into(),
        date: day(2026, 1, 30),
        amount: Amount::new(dec("1000")).unwrap(),
        method: String::new(),
        note: String::new(),
    });
    let pound = Currency::parse("GBP").unwrap();
    let late = paid_late(
        &ledger,
        "c1",
        &pound,
        day(2026, 4, 30),
        InterestOptions::default(),
    );
    assert_eq!(late.len(), 1);
    assert_eq!(late[0].invoice.id, "i1");
    assert_eq!(late[0].interest.total, dec("9.66"));
    assert_eq!(late[0].claim(), dec("79.66"));
}

/// The figures the letter, the planner and the evidence pack state, with and without the
/// option. UK, as of 31 Mar 2026 (Bank Rate on 31 Dec 2025 = 3.75% + 8 = 11.75%):
/// - i1, £1,000 due 30 Jan, paid in full on 1 Mar (30 days late): £9.66 + £70 = £79.66, as above;
/// - i2, £500 due 27 Feb, open: 28 Feb–31 Mar = 1 + 31 = 32 days:
///   500 × 11.75% × 32 / 365 = 1,880 / 365 = 5.150… → £5.15, and £40 (under £1,000): £545.15.
///
/// Without the option only i2 is claimed; with it, £545.15 + £79.66 = £624.81, i1 listed last.
#[test]
fn the_client_claim_adds_invoices_paid_late_only_with_the_option() {
    let (mut ledger, first) = case(
        RuleKind::UkLatePayment,
        "1000",
        "GBP",
        day(2026, 1, 30),
        &[(day(2026, 3, 1), "1000")],
    );
    let mut open = first;
    open.id = "i2".into();
    open.amount = Amount::new(dec("500")).unwrap();
    open.due_date = day(2026, 2, 27);
    ledger.invoices.push(open);
    let pound = Currency::parse("GBP").unwrap();
    let as_of = day(2026, 3, 31);
    let without = client_claim(&ledger, "c1", &pound, as_of, InterestOptions::default());
    assert_eq!(
        without.totals,
        ClaimTotals {
            balance: dec("500"),
            interest: dec("5.15"),
            compensation: dec("40"),
            claim: dec("545.15"),
            paid_late: Decimal::ZERO,
        }
    );
    assert_eq!(without.invoices.len(), 1);
    let with = client_claim(
        &ledger,
        "c1",
        &pound,
        as_of,
        InterestOptions {
            include_paid_late: true,
            ..InterestOptions::default()
        },
    );
    assert_eq!(
        with.totals,
        ClaimTotals {
            balance: dec("500"),
            interest: dec("14.81"),
            compensation: dec("110"),
            claim: dec("624.81"),
            paid_late: dec("79.66"),
        }
    );
    let ids: Vec<&str> = with
        .invoices
        .iter()
        .map(|c| c.invoice.id.as_str())
        .collect();
    assert_eq!(ids, ["i2", "i1"]);
    assert_eq!(with.invoices[1].last_paid_on(), Some(day(2026, 3, 1)));
    assert_eq!(with.invoices[1].days_paid_late(), 30);
    assert_eq!(with.stale, None);
}

/// A German invoice due on Saturday 15 Aug 2026 is legally due on Monday 17 Aug (BGB §193):
/// paid in full on Wednesday 19 Aug, it is 2 days late, not 4. 18–19 Aug = 2 days at 1.52% + 9
/// = 10.52%: 1,000 × 10.52% × 2 / 365 = 210.4 / 365 = 0.576… → €0.58. Under §367 the €1,000
/// pays the €40 costs and the €0.58 interest first, so €40.58 of principal stays due and accrues:
/// 20 Aug–30 Sep = 12 + 30 = 42 days: 40.58 × 10.52% × 42 / 365 = 179.298… / 365 = 0.491… → €0.49.
/// Still claimable on 30 Sep: 0.58 + 0.49 + 40 = €41.07.
#[test]
fn days_paid_late_count_from_the_legal_due_date() {
    let (ledger, _) = case(
        RuleKind::De,
        "1000",
        "EUR",
        day(2026, 8, 15),
        &[(day(2026, 8, 19), "1000")],
    );
    let euro = Currency::parse("EUR").unwrap();
    let late = paid_late(
        &ledger,
        "c1",
        &euro,
        day(2026, 9, 30),
        InterestOptions::default(),
    );
    assert_eq!(late[0].days_paid_late(), 2);
    assert_eq!(late[0].claim(), dec("41.07"));
}

// ——— Dates ———

/// Germany (§193 BGB): due Saturday 15 Aug 2026 → Monday 17 Aug; interest from 18 Aug.
/// 18–31 Aug = 14 days at 1.52% + 9 = 10.52%: 10,000 × 10.52% × 14 / 365 = 14,728 / 365 = 40.350… → €40.35.
/// Paid in full on Monday 17 Aug, the invoice is on time.
#[test]
fn a_german_due_date_on_a_weekend_moves_to_monday() {
    let result = run(
        RuleKind::De,
        "10000",
        "EUR",
        day(2026, 8, 15),
        &[],
        day(2026, 8, 31),
    );
    assert_eq!(interests(&result), [(14, dec("10.52"), dec("40.35"))]);
    assert_eq!(result.rows[0].from, day(2026, 8, 18));
    assert!(result.notes[0].contains("BGB §193"));
    let on_monday = run(
        RuleKind::De,
        "10000",
        "EUR",
        day(2026, 8, 15),
        &[(day(2026, 8, 17), "10000")],
        day(2026, 8, 31),
    );
    assert_eq!(
        (on_monday.total, on_monday.compensation),
        (Decimal::ZERO, None)
    );
    let uk = run(
        RuleKind::UkLatePayment,
        "10000",
        "GBP",
        day(2026, 8, 15),
        &[],
        day(2026, 8, 31),
    );
    assert_eq!(uk.rows[0].from, day(2026, 8, 16));
}

/// A written-off invoice stops accruing on its write-off day. UK £1,000 due 30 Jan 2026,
/// written off 28 Feb: 31 Jan–28 Feb = 29 days: 117.5 × 29 / 365 = 3,407.5 / 365 = 9.335… → £9.34,
/// the same on 30 Apr as on 28 Feb.
#[test]
fn a_written_off_invoice_stops_accruing_at_the_write_off_date() {
    let (mut ledger, mut invoice) = case(
        RuleKind::UkLatePayment,
        "1000",
        "GBP",
        day(2026, 1, 30),
        &[],
    );
    invoice.write_off = Some(WriteOff {
        date: day(2026, 2, 28),
        reason: "client closed".into(),
    });
    ledger.invoices[0] = invoice.clone();
    let result = compute(
        &ledger,
        &invoice,
        day(2026, 4, 30),
        InterestOptions::default(),
    );
    assert_eq!(interests(&result), [(29, dec("11.75"), dec("9.34"))]);
    assert!(result
        .notes
        .iter()
        .any(|n| n.contains("written off on 28 Feb 2026")));
}

// ——— United States ———

/// New York, consumer client: 2% (CPLR 5004 as amended in 2022). Due 31 May 2026,
/// 1–30 Jun = 30 days: 2,500 × 2% × 30 / 365 = 1,500 / 365 = 4.109… → $4.11. Its reach before
/// judgment is debated, and the result says so.
#[test]
fn a_new_york_consumer_debt_carries_two_percent_with_a_note() {
    let (ledger, invoice) = consumer_case(RuleKind::UsNy, "2500", "USD", day(2026, 5, 31), &[]);
    let result = compute(
        &ledger,
        &invoice,
        day(2026, 6, 30),
        InterestOptions::default(),
    );
    assert_eq!(interests(&result), [(30, dec("2"), dec("4.11"))]);
    assert!(result.notes.iter().any(|n| n.contains("debated")));
    assert!(result.citation.contains("2022"));
}

// ——— Rates the user added, and staleness ———

/// UK split at the half-year into 2027, with the user's own Bank Rate of 4.00% from 5 Nov 2026.
/// 16–31 Dec 2026: 16 days at Bank Rate on 30 Jun 2026 (3.75%, shipped) + 8 = 11.75%:
///   2,000 × 11.75% × 16 / 365 = 3,760 / 365 = 10.301… → £10.30.
/// 1–31 Jan 2027: 31 days at Bank Rate on 31 Dec 2026 (4.00%, the user's) + 8 = 12%:
///   240 × 31 / 365 = 7,440 / 365 = 20.383… → £20.38. Total £30.68; no staleness warning, the
///   user's rate is flagged instead. Without the user's row the January rate is stale.
#[test]
fn a_rate_the_user_added_is_flagged_and_silences_the_staleness_warning() {
    let (mut ledger, invoice) = case(
        RuleKind::UkLatePayment,
        "2000",
        "GBP",
        day(2026, 12, 15),
        &[],
    );
    let split = InterestOptions {
        uk_split_half_years: true,
        ..InterestOptions::default()
    };
    let before = compute(&ledger, &invoice, day(2027, 1, 31), split);
    assert_eq!(before.stale.map(|s| s.table), Some(RateTableId::Boe));
    ledger.settings.rate_rows.push(RateRow {
        table: RateTableId::Boe,
        from: day(2026, 11, 5),
        rate: dec("4.00"),
    });
    let result = compute(&ledger, &invoice, day(2027, 1, 31), split);
    assert_eq!(
        interests(&result),
        [
            (16, dec("11.75"), dec("10.30")),
            (31, dec("12.00"), dec("20.38"))
        ]
    );
    assert_eq!(result.total, dec("30.68"));
    assert_eq!(
        result.rows.iter().map(|r| r.user_rate).collect::<Vec<_>>(),
        [false, true]
    );
    assert_eq!(result.stale, None);
}

/// One UK rate for the whole debt: interest starting 16 Dec 2026 uses Bank Rate on 30 Jun 2026,
/// inside the table's check, so a report in 2027 is not stale.
#[test]
fn a_figure_inside_the_check_is_not_stale_however_late_the_report() {
    let result = run(
        RuleKind::UkLatePayment,
        "2000",
        "GBP",
        day(2026, 12, 15),
        &[],
        day(2027, 3, 31),
    );
    assert_eq!(result.stale, None);
    assert_eq!(result.rate_text(), "11.75%");
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
    fn a_debt_paid_on_day_p_bears_the_interest_of_one_reported_on_day_p(rule in 0usize..2, cents in 1i64..100_000_000, due in 0i64..2000, late in 0i64..600, after in 0i64..400) {
        let due = add_days(day(2020, 1, 1), due);
        let amount = Decimal::new(cents, 2).to_string();
        let paid_on = add_days(due, late);
        let (unpaid, invoice) = case(RULES[rule], &amount, "GBP", due, &[]);
        let (paid, _) = case(RULES[rule], &amount, "GBP", due, &[(paid_on, &amount)]);
        let options = InterestOptions::default();
        prop_assert_eq!(
            compute(&paid, &invoice, add_days(paid_on, after), options).total,
            compute(&unpaid, &invoice, paid_on, options).total
        );
    }

    #[test]
    fn a_zero_rate_gives_zero(cents in 1i64..100_000_000, days in 0i64..1000) {
        let (mut ledger, mut invoice) = case(RuleKind::Contract, &Decimal::new(cents, 2).to_string(), "GBP", day(2024, 1, 1), &[]);
        invoice.interest = Some(InterestTerms { rule: RuleKind::Contract, annual_rate: Some(Decimal::ZERO), flat_fee: None });
        ledger.invoices[0] = invoice.clone();
        prop_assert_eq!(compute(&ledger, &invoice, add_days(day(2024, 1, 1), days), InterestOptions::default()).total, Decimal::ZERO);
    }
}
