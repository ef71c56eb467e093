//! The limits, end to end: every amount any entry point accepts, on any date the app accepts,
//! can go through aging, interest, settlement and letters without a panic.

use chrono::NaiveDate;
use overdue::core::aging::metrics::metrics;
use overdue::core::aging::queue::chase_queue;
use overdue::core::aging::{aging, to_csv, AgingOptions};
use overdue::core::books::Books;
use overdue::core::currency::Currency;
use overdue::core::dates::{add_days, parse_date, EARLIEST, LATEST};
use overdue::core::forms::{InvoiceForm, PaymentForm, PlanForm, RateRowForm};
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

/// One limit at its edges, on both entry points: what a form accepts the import accepts,
/// and what one refuses the other refuses too.
struct Edge {
    what: &'static str,
    form: fn(&str) -> bool,
    import: fn(&str) -> bool,
    accepted: &'static [&'static str],
    refused: &'static [&'static str],
}

const EXAMPLE: &str = include_str!("fixtures/contract-example.json");

/// True when the contract example, edited by `edit` with `value`, imports.
fn imports(value: &str, edit: fn(&mut serde_json::Value, &str)) -> bool {
    let mut document: serde_json::Value = serde_json::from_str(EXAMPLE).unwrap();
    edit(&mut document, value);
    overdue::core::backup::import(&document.to_string()).is_ok()
}

fn invoice_form(edit: impl FnOnce(&mut InvoiceForm)) -> bool {
    let ledger = overdue::core::backup::import(EXAMPLE).unwrap();
    let mut form = InvoiceForm::from_record(&ledger.invoices[0]);
    edit(&mut form);
    form.parse().is_ok()
}

fn payment_form(edit: impl FnOnce(&mut PaymentForm)) -> bool {
    let mut form = PaymentForm::new("i1", NaiveDate::from_ymd_opt(2026, 3, 1).unwrap());
    form.amount = "200.00".into();
    edit(&mut form);
    let mut invoice = overdue::core::backup::import(EXAMPLE).unwrap().invoices[0].clone();
    invoice.issue_date = EARLIEST;
    form.parse()
        .and_then(|payment| payment.validate(&invoice))
        .is_ok()
}

/// Dates on a whole record: issued, due and paid all on `day`, so the record's own order
/// rules hold and only the date limit decides.
fn same_day_everywhere(document: &mut serde_json::Value, day: &str) {
    document["invoices"][0]["issue_date"] = day.into();
    document["invoices"][0]["due_date"] = day.into();
    document["payments"][0]["date"] = day.into();
    document["activities"][0]["date"] = day.into();
}

const EDGES: &[Edge] = &[
    Edge {
        what: "invoice amount",
        form: |v| invoice_form(|f| f.amount = v.into()),
        import: |v| {
            imports(v, |d, v| {
                d["invoices"][0]["amount"] = v.replace(',', "").into()
            })
        },
        accepted: &["999,999,999,999.99", "0.01"],
        refused: &[
            "0",
            "1,000,000,000,000.00",
            "0.001",
            "-0.01",
            "123456789012345678901234567890",
        ],
    },
    Edge {
        what: "payment amount",
        form: |v| payment_form(|f| f.amount = v.into()),
        import: |v| {
            imports(v, |d, v| {
                d["invoices"][0]["amount"] = "999999999999.99".into();
                d["payments"][0]["amount"] = v.replace(',', "").into();
            })
        },
        accepted: &["999,999,999,999.99", "0.01"],
        refused: &["1,000,000,000,000.00", "0.001", "-0.01", "0"],
    },
    Edge {
        what: "flat late fee",
        form: |v| invoice_form(|f| f.flat_fee = v.into()),
        import: |v| {
            imports(v, |d, v| {
                d["invoices"][0]["interest"]["flat_fee"] = v.replace(',', "").into()
            })
        },
        accepted: &["999,999,999,999.99", "0"],
        refused: &["1,000,000,000,000.00", "0.001", "-0.01"],
    },
    Edge {
        what: "contract rate",
        form: |v| invoice_form(|f| f.annual_rate = v.into()),
        import: |v| {
            imports(v, |d, v| {
                d["invoices"][0]["interest"]["annual_rate"] = v.into()
            })
        },
        accepted: &["0", "100", "99.99"],
        refused: &["100.01", "-0.01", "-50", "10000000"],
    },
    Edge {
        what: "invoice dates",
        form: |v| {
            invoice_form(|f| {
                f.issue_date = v.into();
                f.due_date = v.into();
            })
        },
        import: |v| imports(v, same_day_everywhere),
        accepted: &["1900-01-01", "2199-12-31"],
        refused: &["1899-12-31", "2200-01-01", "99999-01-01"],
    },
    Edge {
        what: "payment date",
        form: |v| payment_form(|f| f.date = v.into()),
        import: |v| imports(v, same_day_everywhere),
        accepted: &["1900-01-01", "2199-12-31"],
        refused: &["1899-12-31", "2200-01-01"],
    },
    Edge {
        what: "reference rate row",
        form: |v| {
            RateRowForm {
                table: "ecb".into(),
                from: "2026-03-01".into(),
                rate: v.into(),
            }
            .parse()
            .is_ok()
        },
        import: |v| {
            imports(
                v,
                |d, v| d["settings"] = serde_json::json!({ "rate_rows": [{ "table": "ecb", "from": "2026-03-01", "rate": v }] }),
            )
        },
        accepted: &["-10", "0", "100"],
        refused: &["-10.01", "100.01"],
    },
];

#[test]
fn every_limit_holds_at_its_edges_on_the_form_and_the_import_path() {
    for edge in EDGES {
        for value in edge.accepted {
            assert!(
                (edge.form)(value),
                "{}: the form refused {value}",
                edge.what
            );
            assert!(
                (edge.import)(value),
                "{}: the import refused {value}",
                edge.what
            );
        }
        for value in edge.refused {
            assert!(
                !(edge.form)(value),
                "{}: the form accepted {value}",
                edge.what
            );
            assert!(
                !(edge.import)(value),
                "{}: the import accepted {value}",
                edge.what
            );
        }
    }
}

/// The settlement assumptions are typed only (they are not stored): each kind at its edges.
#[test]
fn settlement_assumptions_hold_their_ranges_at_the_edges() {
    use overdue::core::settlement::options::{InputKind, OptionField};
    let (defaults, _) = Defaults::for_age(Decimal::new(100_000, 2), 45);
    for field in OptionField::ALL {
        let (accepted, refused): (&[&str], &[&str]) = match field.kind() {
            InputKind::Money => (
                &["0", "999,999,999,999.99"],
                &["1,000,000,000,000.00", "-0.01", "0.001"],
            ),
            InputKind::Percent => (&["0", "100"], &["100.01", "-0.01", "10000000"]),
            InputKind::Probability => (&["0", "1"], &["1.01", "-0.01"]),
            InputKind::Months => (&["0", "120"], &["121", "-1", "1.5"]),
        };
        for value in accepted {
            let mut inputs = defaults.clone();
            assert!(
                inputs.set(field, value).is_ok(),
                "{field:?} refused {value}"
            );
            assert!(compare(Decimal::new(100_000, 2), &inputs, |v| v.to_string()).is_ok());
        }
        for value in refused {
            let mut inputs = defaults.clone();
            let refused = inputs.set(field, value).unwrap_err();
            assert_eq!(refused.field_name(), Some(field.id()), "{field:?} {value}");
            assert_eq!(inputs, defaults, "a refused value changes nothing");
        }
    }
}

/// The plan form: the agreed total at the amount limit, and 1 to 120 instalments.
#[test]
fn the_plan_form_holds_the_amount_and_count_limits() {
    let form = |total: &str, count: &str| PlanForm {
        total: total.into(),
        down_payment: String::new(),
        count: count.into(),
        frequency: "monthly".into(),
        first_date: "2026-12-01".into(),
    };
    let drawn = |total: &str, count: &str| form(total, count).parse().and_then(|t| schedule(&t));
    assert!(drawn("999,999,999,999.99", "120").is_ok());
    assert!(drawn("0.01", "1").is_ok());
    assert!(drawn("1,000,000,000,000.00", "1").is_err());
    assert!(drawn("900", "121").is_err());
    assert!(drawn("900", "0").is_err());
}
