//! The limits, end to end: every amount any entry point accepts, on any date the app accepts,
//! can go through aging, interest, settlement and letters without a panic.

use chrono::NaiveDate;
use overdue::core::aging::metrics::metrics;
use overdue::core::aging::queue::chase_queue;
use overdue::core::aging::{aging, to_csv, AgingOptions};
use overdue::core::books::Books;
use overdue::core::currency::Currency;
use overdue::core::dates::{add_days, parse_date, EARLIEST, LATEST};
use overdue::core::interest::{compute, InterestOptions};
use overdue::core::ladder::LadderStep;
use overdue::core::ledger::Ledger;
use overdue::core::letters::stock;
use overdue::core::letters::variables::context;
use overdue::core::model::{Client, InterestTerms, Invoice, Payment, RuleKind};
use overdue::core::money::{parse_amount, Amount, MAX_AMOUNT};
use overdue::core::settlement::options::{compare, Defaults};
use overdue::core::settlement::schedule::{schedule, Frequency, PlanTerms};
use overdue::core::settlement::{case, ics, letter_figures, Exclusions};
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::sync::Arc;

const MAX_CENTS: i64 = 99_999_999_999_999;

/// An amount as a person types it (grouped) and as a backup stores it, read by both entry
/// points; the two must agree.
fn accepted(cents: i64) -> Amount {
    let value = Decimal::new(cents, 2);
    let typed = parse_amount(
        &overdue::core::money::format_money(value, &Currency::parse("CHF").unwrap())
            ["CHF ".len()..],
    )
    .unwrap();
    let stored: Amount = serde_json::from_str(&format!("\"{value}\"")).unwrap();
    assert_eq!(typed, stored.value());
    stored
}

/// A ledger of one client whose invoices have these amounts, due `due_after` days after issue,
/// each half paid by a payment of the same amount (an overpayment on odd ones).
fn ledger(amounts: &[Amount], issued: NaiveDate, due_after: i64, rule: RuleKind) -> Ledger {
    let mut ledger = Ledger::default();
    ledger.business.interest_rule = rule;
    ledger.clients.push(Client::new("c1", "=Acme\r\n"));
    for (index, amount) in amounts.iter().enumerate() {
        let id = format!("i{index}");
        ledger.invoices.push(Invoice {
            id: id.clone(),
            client_id: "c1".into(),
            number: id.clone(),
            issue_date: issued,
            due_date: add_days(issued, due_after).min(LATEST),
            amount: *amount,
            currency: Currency::parse("GBP").unwrap(),
            description: String::new(),
            disputed: false,
            interest: (rule == RuleKind::Contract).then(|| InterestTerms {
                rule,
                annual_rate: Some(Decimal::ONE_HUNDRED),
                flat_fee: Some(Amount::new(MAX_AMOUNT).unwrap()),
            }),
            write_off: None,
            source: None,
        });
        if index % 2 == 1 {
            ledger.payments.push(Payment {
                id: format!("p{index}"),
                invoice_id: id,
                date: add_days(issued, 1).min(LATEST),
                amount: *amount,
                method: String::new(),
                note: String::new(),
            });
        }
    }
    ledger
}

/// Runs everything a page can ask of the ledger on `as_of`; a panic fails the test.
fn run_everything(ledger: &Ledger, as_of: NaiveDate, count: u32) {
    let gbp = Currency::parse("GBP").unwrap();
    let books = Books::new(Arc::new(ledger.clone()));
    let report = aging(&books, &AgingOptions::from_settings(ledger, as_of));
    let _ = to_csv(&report);
    let _ = metrics(&books, as_of, 90, &gbp);
    let _ = chase_queue(&books, as_of);
    for invoice in &ledger.invoices {
        let _ = compute(ledger, invoice, as_of, InterestOptions::default());
    }
    let books = Books::new(std::sync::Arc::new(ledger.clone()));
    let claim = case(
        &books,
        "c1",
        &gbp,
        &Exclusions::none(),
        InterestOptions::default(),
        as_of,
    );
    let (inputs, _) = Defaults::for_age(claim.claim, claim.oldest_days);
    let comparison = compare(claim.claim, &inputs, |v| v.to_string());
    assert!(comparison.is_ok(), "{comparison:?}");
    for frequency in Frequency::ALL {
        let terms = PlanTerms {
            total: claim.principal.min(MAX_AMOUNT),
            down_payment: Decimal::ZERO,
            count,
            frequency,
            first_date: as_of,
        };
        if let Ok(rows) = schedule(&terms) {
            let labelled: Vec<_> = rows.into_iter().map(|r| (r, "£1".to_string())).collect();
            let _ = ics::calendar("p1", "plan", &labelled, "20261123T090000Z");
        }
    }
    let figures = letter_figures(ledger, "i0");
    if let Some(values) = context(ledger, "i0", as_of, 14, &figures) {
        for step in LadderStep::ALL {
            let _ = stock(step).render(&values);
        }
    }
}

fn date_in_range() -> impl Strategy<Value = NaiveDate> {
    (0..=(LATEST - EARLIEST).num_days()).prop_map(|days| add_days(EARLIEST, days))
}

fn any_accepted_amount() -> impl Strategy<Value = Amount> {
    prop_oneof![
        Just(MAX_CENTS),
        Just(1),
        Just(0),
        0..=MAX_CENTS,
        0..=10_000_000_i64
    ]
    .prop_map(accepted)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// No accepted amount, date or rule makes aging, interest, settlement or letters panic.
    #[test]
    fn no_accepted_amount_can_make_any_feature_panic(
        amounts in prop::collection::vec(any_accepted_amount(), 1..8),
        issued in date_in_range(),
        due_after in 0i64..400,
        as_of in date_in_range(),
        rule in prop::sample::select(RuleKind::ALL.to_vec()),
        count in 1u32..=120,
    ) {
        run_everything(&ledger(&amounts, issued, due_after, rule), as_of, count);
    }
}

#[test]
fn many_invoices_at_the_largest_amount_over_three_centuries() {
    let largest = vec![Amount::new(MAX_AMOUNT).unwrap(); 500];
    for rule in RuleKind::ALL {
        let ledger = ledger(&largest, EARLIEST, 30, rule);
        run_everything(&ledger, LATEST, 120);
    }
}

#[test]
fn the_date_limits_hold_on_the_typed_path() {
    assert!(parse_date("1900-01-01").is_ok());
    assert!(parse_date("2199-12-31").is_ok());
    assert!(parse_date("1899-12-31").is_err());
    assert!(parse_date("2200-01-01").is_err());
}

#[test]
fn the_amount_limits_hold_on_the_typed_and_json_paths() {
    let json = |text: &str| serde_json::from_str::<Amount>(text);
    for accepted in ["999999999999.99", "0", "0.01"] {
        assert!(parse_amount(accepted).is_ok(), "{accepted}");
        assert!(json(&format!("\"{accepted}\"")).is_ok(), "{accepted}");
        assert!(json(accepted).is_ok(), "{accepted}");
    }
    for refused in ["1000000000000.00", "0.001", "-0.01"] {
        assert!(parse_amount(refused).is_err(), "{refused}");
        assert!(json(&format!("\"{refused}\"")).is_err(), "{refused}");
        assert!(json(refused).is_err(), "{refused}");
    }
}
