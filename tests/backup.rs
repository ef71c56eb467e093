//! The backup file: round trips, the contract example, and all-or-nothing rejections.

use chrono::NaiveDate;
use overdue::core::backup::{self, ImportError};
use overdue::core::ids::Sequential;
use overdue::core::ledger::Ledger;
use overdue::core::model::{
    Activity, Appropriation, Business, Client, ClientSource, InterestTerms, Invoice, InvoiceSource,
    Payment, RuleKind, Settings, WriteOff,
};
use overdue::core::money::Amount;
use overdue::core::{currency::Currency, sample};
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{json, Value};

const EXAMPLE: &str = include_str!("fixtures/contract-example.json");

fn example() -> Value {
    serde_json::from_str(EXAMPLE).unwrap()
}

fn import_edited(edit: impl FnOnce(&mut Value)) -> Result<Ledger, ImportError> {
    let mut document = example();
    edit(&mut document);
    backup::import(&document.to_string())
}

fn rejection(edit: impl FnOnce(&mut Value)) -> String {
    import_edited(edit).unwrap_err().to_string()
}

#[test]
fn the_contract_example_imports_with_every_field() {
    let ledger = backup::import(EXAMPLE).unwrap();
    assert_eq!(ledger.business.name, "Ada Studio");
    assert_eq!(ledger.business.interest_rule, RuleKind::UkLatePayment);
    assert_eq!(ledger.clients[0].address, "2 Low Rd\nLeeds");
    let invoice = &ledger.invoices[0];
    assert_eq!(invoice.amount.to_string(), "1200.00");
    assert_eq!(
        invoice.interest.as_ref().unwrap().annual_rate,
        Some("8.0".parse().unwrap())
    );
    assert_eq!(ledger.payments[0].method, "bank transfer");
    assert_eq!(
        ledger.activities[0].summary,
        "Friendly reminder sent by email"
    );
}

#[test]
fn export_then_import_gives_the_same_ledger_and_the_same_file() {
    let mut ledger = backup::import(EXAMPLE).unwrap();
    sample::add_sample(&mut ledger, NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
    let text = backup::export(&ledger, "2026-11-23T09:00:00Z");
    let again = backup::import(&text).unwrap();
    assert_eq!(again, ledger);
    assert_eq!(backup::export(&again, "2026-11-23T09:00:00Z"), text);
}

#[test]
fn amounts_given_as_json_numbers_are_read_and_written_back_as_strings() {
    let ledger = import_edited(|d| d["invoices"][0]["amount"] = json!(1200.5)).unwrap();
    assert_eq!(ledger.invoices[0].amount.to_string(), "1200.50");
    let written: Value =
        serde_json::from_str(&backup::export(&ledger, "2026-11-23T09:00:00Z")).unwrap();
    assert_eq!(written["invoices"][0]["amount"], json!("1200.50"));
}

#[test]
fn optional_fields_and_the_activities_array_may_be_left_out() {
    let ledger = import_edited(|d| {
        d.as_object_mut().unwrap().remove("activities");
        d["invoices"][0].as_object_mut().unwrap().remove("interest");
        d["invoices"][0].as_object_mut().unwrap().remove("disputed");
        d["clients"][0].as_object_mut().unwrap().remove("contact");
        d["business"] = json!({ "name": "Ada Studio" });
    })
    .unwrap();
    assert!(ledger.activities.is_empty());
    assert!(!ledger.invoices[0].disputed);
    assert_eq!(ledger.invoices[0].interest, None);
}

#[test]
fn bad_json_is_refused_with_its_position() {
    let message = backup::import("{ \"format\": \"overdue-backup\" \"schema\": 1 }")
        .unwrap_err()
        .to_string();
    assert_eq!(
        message,
        "the file is not valid JSON at line 1, column 30: a comma or a closing } is missing"
    );
}

/// No message shows the JSON reader's or the date parser's own wording: each names the
/// record and field, and says what is wrong in words.
#[test]
fn what_the_reader_refuses_is_said_in_words_naming_the_record_and_field() {
    type Edit = fn(&mut Value);
    let cases: [(Edit, &str); 10] = [
        (|d| drop(d.as_object_mut().unwrap().remove("business")),
            "business: the \"business\" section is missing; every Overdue backup has one"),
        (|d| drop(d["clients"][0].as_object_mut().unwrap().remove("name")),
            "clients[0] (id \"c1\").name: the \"name\" field is missing"),
        (|d| d["invoices"][0]["issue_date"] = json!("2026-13-01"),
            "invoices[0] (id \"i1\").issue_date: \"2026-13-01\" is not a date; write it as YYYY-MM-DD, such as 2026-03-01"),
        (|d| d["invoices"][0]["issue_date"] = json!("2026-01-15x"),
            "invoices[0] (id \"i1\").issue_date: \"2026-01-15x\" is not a date; write it as YYYY-MM-DD, such as 2026-03-01"),
        (|d| d["payments"][0]["date"] = json!("2026-03"),
            "payments[0] (id \"p1\").date: \"2026-03\" is not a date; write it as YYYY-MM-DD, such as 2026-03-01"),
        (|d| d["invoices"][0]["disputed"] = json!("yes"),
            "invoices[0] (id \"i1\").disputed: expected true or false, but the file has the text \"yes\""),
        (|d| d["invoices"][0]["amount"] = json!(true),
            "invoices[0] (id \"i1\").amount: expected an amount such as \"1200.00\", but the file has true"),
        (|d| d["clients"] = json!({}),
            "clients: expected a list in [ ], but the file has a group of fields in { }"),
        (|d| d["invoices"][0]["interest"]["rule"] = json!("bogus"),
            "invoices[0] (id \"i1\").interest.rule: \"bogus\" is not one of the accepted values: \"none\", \"contract\", \"uk-late-payment\", \"eu-directive\", \"de\", \"fr\", \"us-ca\", \"us-ny\", \"us-tx\""),
        (|d| d["settings"] = json!({ "bucket_edges": [-1] }),
            "settings.bucket_edges[0]: expected a whole number, 0 or more, but the file has -1"),
    ];
    for (edit, expected) in cases {
        let message = rejection(edit);
        assert_eq!(message, expected);
        for raw in [
            "out of range",
            "trailing input",
            "premature end",
            "missing field",
            "invalid type",
            "`",
            ".:",
        ] {
            assert!(!message.contains(raw), "{raw:?} in {message:?}");
        }
    }
}

#[test]
fn broken_files_are_described_not_quoted() {
    let said = |text: &str| backup::import(text).unwrap_err().to_string();
    assert_eq!(said(""), "the file is empty");
    assert_eq!(
        said("{\"format\": \"overdue-backup\""),
        "the file ends too early (line 1): it was probably cut off while saving or copying. Export the backup again"
    );
    assert_eq!(
        said("{} {}"),
        "there is more text after the end of the backup (line 1, column 4); the file may be damaged or hold two files"
    );
    assert_eq!(
        said("{format: 1}"),
        "the file is not valid JSON at line 1, column 2: a field name is not in double quotes"
    );
}

fn utf16(text: &str, little_endian: bool, bom: bool) -> Vec<u8> {
    let mut bytes = Vec::new();
    for unit in bom.then_some(0xFEFF).into_iter().chain(text.encode_utf16()) {
        bytes.extend(if little_endian {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        });
    }
    bytes
}

/// Windows tools that save "Unicode" write UTF-16, often without a byte-order mark; such a
/// backup is read, not reported as bad JSON.
#[test]
fn utf16_backups_with_or_without_a_byte_order_mark_are_read() {
    let expected = backup::import(EXAMPLE).unwrap();
    for (little_endian, bom) in [(true, false), (false, false), (true, true), (false, true)] {
        let text = backup::backup_text(&utf16(EXAMPLE, little_endian, bom)).unwrap();
        assert_eq!(
            backup::import(&text).unwrap(),
            expected,
            "LE {little_endian}, BOM {bom}"
        );
    }
    let with_bom = [&[0xEF, 0xBB, 0xBF][..], EXAMPLE.as_bytes()].concat();
    assert_eq!(
        backup::import(&backup::backup_text(&with_bom).unwrap()).unwrap(),
        expected
    );
    assert_eq!(
        backup::import(&format!("\u{feff}{EXAMPLE}")).unwrap(),
        expected
    );
}

#[test]
fn bytes_that_are_not_a_text_backup_are_explained() {
    let said = |bytes: &[u8]| backup::backup_text(bytes).unwrap_err().to_string();
    assert_eq!(said(b"  \n"), "the file is empty");
    assert_eq!(
        backup::backup_text(b"").unwrap_err().sentence(),
        "The file is empty"
    );
    assert!(said(b"{\"a\": \"\xff\"}").starts_with("the file is not UTF-8 text (byte 8"));
    let mut odd = utf16("{}", true, false);
    odd.push(b' ');
    assert!(said(&odd).contains("odd number of bytes"));
    assert!(said(&[b'{', 0, 0x00, 0xD8]).contains("broken characters"));
}

#[test]
fn a_wrong_format_is_refused() {
    assert!(rejection(|d| d["format"] = json!("other-app")).contains("not an Overdue backup"));
}

#[test]
fn a_newer_schema_is_refused_and_flagged() {
    let error = import_edited(|d| d["schema"] = json!(99)).unwrap_err();
    assert!(error.newer_schema);
    assert!(error.to_string().contains("schema 99"));
}

#[test]
fn an_invoice_for_a_missing_client_names_the_invoice_and_field() {
    let message = rejection(|d| d["invoices"][0]["client_id"] = json!("c9"));
    assert_eq!(
        message,
        "invoices[0] (id \"i1\").client_id: points at client \"c9\", which is not in the file"
    );
}

#[test]
fn a_payment_for_a_missing_invoice_names_the_payment_and_field() {
    let message = rejection(|d| d["payments"][0]["invoice_id"] = json!("i404"));
    assert!(
        message.starts_with("payments[0] (id \"p1\").invoice_id"),
        "{message}"
    );
}

#[test]
fn a_bad_date_names_the_record_and_field() {
    let message = rejection(|d| d["payments"][0]["date"] = json!("2026-02-30"));
    assert!(
        message.starts_with("payments[0] (id \"p1\").date:"),
        "{message}"
    );
}

#[test]
fn bad_amounts_name_the_record_and_field() {
    for bad in [json!("12.345"), json!("abc"), json!("-5.00"), json!(-5)] {
        let message = rejection(|d| d["invoices"][0]["amount"] = bad.clone());
        assert!(
            message.starts_with("invoices[0] (id \"i1\").amount:"),
            "{bad}: {message}"
        );
    }
    assert!(
        rejection(|d| d["payments"][0]["amount"] = json!("-5.00")).contains("must not be negative")
    );
}

#[test]
fn a_due_date_before_the_issue_date_is_refused() {
    let message = rejection(|d| d["invoices"][0]["due_date"] = json!("2026-01-01"));
    assert!(
        message.starts_with("invoices[0] (id \"i1\").due_date:"),
        "{message}"
    );
}

#[test]
fn a_duplicate_id_is_refused() {
    let message = rejection(|d| {
        let copy = d["clients"][0].clone();
        d["clients"].as_array_mut().unwrap().push(copy);
    });
    assert_eq!(
        message,
        "clients[1] (id \"c1\").id: the id \"c1\" is used twice"
    );
}

#[test]
fn a_schema_one_document_migrates_to_the_current_schema_with_no_plans_and_an_empty_case_file() {
    let migrated = backup::migrate(example(), 1).unwrap();
    let mut expected = example();
    expected["schema"] = json!(3);
    expected["plans"] = json!([]);
    for collection in ["promises", "disputes", "pauses", "letters"] {
        expected[collection] = json!([]);
    }
    assert_eq!(migrated, expected);
    assert!(backup::import(EXAMPLE).unwrap().plans.is_empty());
    let written: Value = serde_json::from_str(&backup::export(
        &backup::import(EXAMPLE).unwrap(),
        "2026-11-23T09:00:00Z",
    ))
    .unwrap();
    assert_eq!(written["schema"], json!(3));
}

/// A plan's amounts meet the amount limits like every other amount: instalments too large to
/// add up are refused by name rather than crashing the import, and so are negative ones.
fn plan_amounts_beyond_the_limits_are_refused_naming_the_field(text: &str) {
    let edited = |edit: &dyn Fn(&mut Value)| {
        let mut document: Value = serde_json::from_str(text).unwrap();
        edit(&mut document);
        backup::import(&document.to_string()).map_err(|e| e.to_string())
    };
    let huge = "9999999999999999999999999999";
    let overflow = edited(&|d| {
        d["plans"][0]["agreed_total"] = json!(huge);
        let mut row = d["plans"][0]["schedule"][0].clone();
        row["amount"] = json!(huge);
        d["plans"][0]["schedule"] = Value::Array(vec![row; 10]);
    })
    .unwrap_err();
    assert!(
        overflow.starts_with(
            "plans[0] (id \"s1\").agreed_total: the amount must be at most 999,999,999,999.99"
        ),
        "{overflow}"
    );
    let negative = edited(&|d| {
        d["plans"][0]["schedule"][0]["amount"] = json!("-300.00");
        d["plans"][0]["schedule"][1]["amount"] = json!("900.00");
    })
    .unwrap_err();
    assert!(
        negative.starts_with("plans[0] (id \"s1\").schedule: "),
        "{negative}"
    );
    let claim = edited(&|d| d["plans"][0]["original_claim"] = json!("1000000000000")).unwrap_err();
    assert!(
        claim.starts_with("plans[0] (id \"s1\").original_claim: "),
        "{claim}"
    );
}

#[test]
fn a_schema_two_document_keeps_its_plans() {
    let mut ledger = backup::import(EXAMPLE).unwrap();
    let rows = overdue::core::settlement::schedule::schedule(
        &overdue::core::settlement::schedule::PlanTerms {
            total: "900".parse().unwrap(),
            down_payment: Decimal::ZERO,
            count: 3,
            frequency: overdue::core::settlement::schedule::Frequency::Monthly,
            first_date: NaiveDate::from_ymd_opt(2026, 4, 1).unwrap(),
        },
    )
    .unwrap();
    ledger
        .accept_plan(
            overdue::core::model::Plan {
                id: String::new(),
                client_id: "c1".into(),
                invoice_ids: vec!["i1".into()],
                agreed_total: "900".parse().unwrap(),
                currency: Currency::parse("GBP").unwrap(),
                original_claim: "1080.78".parse().unwrap(),
                schedule: rows,
                grace_days: 7,
                accepted_on: NaiveDate::from_ymd_opt(2026, 3, 20).unwrap(),
                status: overdue::core::model::PlanStatus::Active,
                defaulted_on: None,
            },
            &mut ids(),
        )
        .unwrap();
    let text = backup::export(&ledger, "2026-11-23T09:00:00Z");
    assert_eq!(backup::import(&text).unwrap(), ledger);
    plan_amounts_beyond_the_limits_are_refused_naming_the_field(&text);
    let broken = text.replace(
        "\"invoice_ids\": [\n        \"i1\"",
        "\"invoice_ids\": [\n        \"i9\"",
    );
    assert!(backup::import(&broken)
        .unwrap_err()
        .to_string()
        .starts_with("plans[0] (id \"s1\").invoice_ids"));
}

fn text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 ,.\\n'&-]{0,12}"
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (0i64..3000)
        .prop_map(|d| NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + chrono::Duration::days(d))
}

fn cents() -> impl Strategy<Value = Amount> {
    (1i64..100_000_000).prop_map(|c| Amount::new(Decimal::new(c, 2)).unwrap())
}

prop_compose! {
    fn ledger()(
        names in proptest::collection::vec(("[A-Z][a-z]{1,8}", text(), text(), any::<bool>(), any::<bool>()), 1..4),
        invoices in proptest::collection::vec((0usize..4, date(), 0i64..90, cents(), any::<bool>(), 0usize..9, proptest::option::of(0u32..3000), proptest::option::of(text())), 0..6),
        payments in proptest::collection::vec((0usize..6, 0i64..400, cents(), text()), 0..6),
        notes in proptest::collection::vec((0usize..4, date(), text(), proptest::option::of("[a-z-]{3,12}")), 0..4),
        edges in proptest::collection::vec(1u32..400, 1..6),
    ) -> Ledger {
        let mut ledger = Ledger::new(Business {
            name: "Studio".into(),
            email: "a@b.example".into(),
            address: "1 High St\nLondon".into(),
            default_currency: Currency::parse("EUR").unwrap(),
            interest_rule: RuleKind::Fr,
            signature: "Ada".into(),
        });
        ledger.settings = Settings { bucket_edges: edges, age_by_issue_date: true, backup_reminder_days: 3, last_export: Some(NaiveDate::from_ymd_opt(2026, 1, 2).unwrap()), changed_since_export: None, rate_rows: Vec::new(), contract_appropriation: Appropriation::InterestFirst, promise_grace_days: 5 };
        for (index, (name, contact, notes, consumer, sample)) in names.into_iter().enumerate() {
            let source = consumer.then(|| ClientSource { layout: "xero".into(), name: format!(" {name} ") });
            ledger.clients.push(Client { id: format!("c{index}"), name, contact, email: String::new(), address: notes.clone(), notes, consumer, sample, source });
        }
        let clients = ledger.clients.len();
        for (index, (client, issued, terms, amount, disputed, rule, rate, write_off)) in invoices.into_iter().enumerate() {
            let rule_index = rule;
            let rule = RuleKind::ALL[rule_index];
            ledger.invoices.push(Invoice {
                id: format!("i{index}"),
                client_id: format!("c{}", client % clients),
                number: format!("N{index}"),
                issue_date: issued,
                due_date: issued + chrono::Duration::days(terms),
                amount,
                currency: Currency::parse(if index.is_multiple_of(2) { "GBP" } else { "USD" }).unwrap(),
                description: String::new(),
                disputed,
                interest: Some(InterestTerms { rule, annual_rate: rate.map(|r| Decimal::new(r.into(), 2)), flat_fee: rate.map(|_| amount) }),
                write_off: write_off.clone().map(|reason| WriteOff { date: issued, reason }),
                source: rule_index.is_multiple_of(2).then(|| InvoiceSource {
                    layout: "freshbooks".into(),
                    number: format!("000{index}"),
                    client: write_off.unwrap_or_default(),
                    issue_date: issued,
                    due_date: issued + chrono::Duration::days(terms + 1),
                    amount,
                    currency: Currency::parse("JPY").unwrap(),
                    undated_payments: if disputed { vec![format!("p{index}")] } else { Vec::new() },
                }),
            });
        }
        let invoices = ledger.invoices.len();
        if invoices > 0 {
            for (index, (invoice, after, amount, note)) in payments.into_iter().enumerate() {
                // A payment is dated on or after the invoice it pays was issued.
                let paid = &ledger.invoices[invoice % invoices];
                let date = paid.issue_date + chrono::Duration::days(after);
                let invoice_id = paid.id.clone();
                ledger.payments.push(Payment { id: format!("p{index}"), invoice_id, date, amount, method: "card".into(), note });
            }
        }
        for (index, (client, date, summary, step)) in notes.into_iter().enumerate() {
            ledger.activities.push(Activity {
                id: format!("a{index}"),
                client_id: format!("c{}", client % clients),
                invoice_id: None,
                date,
                kind: "letter".into(),
                summary: format!("x{summary}"),
                channel: step.clone(),
                step,
                letter_id: None,
            });
        }
        // A disputed invoice carries its dispute record, as every ledger the app keeps does.
        overdue::core::case::sync_disputes(&mut ledger);
        ledger
    }
}

proptest! {
    #[test]
    fn every_field_round_trips_through_a_backup(ledger in ledger()) {
        let text = backup::export(&ledger, "2026-11-23T09:00:00Z");
        prop_assert_eq!(backup::import(&text).unwrap(), ledger);
    }
}

fn mutated_example() -> impl Strategy<Value = String> {
    let edits = proptest::collection::vec((0usize..EXAMPLE.len(), any::<u8>(), 0u8..3), 1..6);
    edits.prop_map(|edits| {
        let mut bytes = EXAMPLE.as_bytes().to_vec();
        for (at, byte, kind) in edits {
            let at = at.min(bytes.len().saturating_sub(1));
            match kind {
                _ if bytes.is_empty() => bytes.push(byte),
                0 => bytes[at] = byte,
                1 => bytes.truncate(at),
                _ => bytes.insert(at, byte),
            }
        }
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

/// The limits every entry point enforces, checked here on their own (not through the
/// importer's code): amounts 0 to 999,999,999,999.99 with two decimals, dates 1900–2199,
/// rates 0–100%, ids free of control characters, templates within their length.
fn within_limits(ledger: &Ledger) -> Result<(), String> {
    let max: Decimal = "999999999999.99".parse().unwrap();
    let amount = |what: &str, value: Decimal| {
        (value >= Decimal::ZERO && value <= max && value.normalize().scale() <= 2)
            .then_some(())
            .ok_or(format!("{what} {value} is outside the amount limits"))
    };
    let date = |what: &str, value: NaiveDate| {
        (NaiveDate::from_ymd_opt(1900, 1, 1).unwrap()
            ..=NaiveDate::from_ymd_opt(2199, 12, 31).unwrap())
            .contains(&value)
            .then_some(())
            .ok_or(format!("{what} {value} is outside 1900–2199"))
    };
    let id = |what: &str, value: &str| {
        (!value.chars().any(char::is_control))
            .then_some(())
            .ok_or(format!("{what} id {value:?} holds a control character"))
    };
    for client in &ledger.clients {
        id("client", &client.id)?;
    }
    for invoice in &ledger.invoices {
        id("invoice", &invoice.id)?;
        amount("invoice amount", invoice.amount.value())?;
        date("issue date", invoice.issue_date)?;
        date("due date", invoice.due_date)?;
        if let Some(terms) = &invoice.interest {
            if let Some(rate) = terms.annual_rate {
                (Decimal::ZERO..=Decimal::ONE_HUNDRED)
                    .contains(&rate)
                    .then_some(())
                    .ok_or(format!("contract rate {rate} is outside 0–100%"))?;
            }
            if let Some(fee) = terms.flat_fee {
                amount("flat fee", fee.value())?;
            }
        }
        if let Some(write_off) = &invoice.write_off {
            date("write-off date", write_off.date)?;
        }
    }
    for payment in &ledger.payments {
        id("payment", &payment.id)?;
        amount("payment amount", payment.amount.value())?;
        date("payment date", payment.date)?;
    }
    for activity in &ledger.activities {
        date("activity date", activity.date)?;
    }
    for plan in &ledger.plans {
        amount("plan total", plan.agreed_total)?;
        for instalment in &plan.schedule {
            amount("instalment", instalment.amount)?;
            date("instalment date", instalment.date)?;
        }
    }
    for row in &ledger.settings.rate_rows {
        date("rate row", row.from)?;
    }
    for template in &ledger.templates.saved {
        (template.body.len() <= overdue::core::letters::template::MAX_SOURCE_BYTES)
            .then_some(())
            .ok_or("a template longer than the limit".to_string())?;
    }
    Ok(())
}

#[test]
fn the_limit_check_of_the_fuzz_test_catches_a_breach() {
    let mut ledger = backup::import(EXAMPLE).unwrap();
    assert_eq!(within_limits(&ledger), Ok(()));
    ledger.payments[0].date = NaiveDate::from_ymd_opt(2200, 1, 1).unwrap();
    assert!(within_limits(&ledger).is_err());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]
    /// Fuzz: 10,000 damaged backups through the app's own import path (`Session`). Each either
    /// imports (and then round-trips through storage) or is refused with the ledger on screen
    /// and the stored document left byte for byte as they were; none panics, and nothing
    /// accepted is outside the limits.
    #[test]
    fn backup_importer_survives_damaged_files(text in prop_oneof![mutated_example(), "\\PC{0,200}"]) {
        use overdue::store::{now, Memory, Session, LEDGER_KEY};
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let mut storage = Memory::new();
        let mut session = now(Session::open(&storage));
        session.import_backup(EXAMPLE, today).unwrap();
        now(session.flush(&mut storage, "2026-11-23T09:00:00Z")).unwrap();
        let (shown, stored) = (session.ledger(), storage.peek(LEDGER_KEY));
        match session.import_backup(&text, today) {
            Ok(_) => {
                if let Err(breach) = within_limits(&session.ledger()) {
                    return Err(TestCaseError::fail(breach));
                }
                now(session.flush(&mut storage, "2026-11-23T09:05:00Z")).unwrap();
                let reloaded = now(Session::open(&storage)).ledger();
                prop_assert_eq!(reloaded, session.ledger());
            }
            Err(_) => {
                prop_assert!(!session.is_pending());
                prop_assert_eq!(session.ledger(), shown);
                prop_assert_eq!(storage.peek(LEDGER_KEY), stored);
            }
        }
    }
}

#[test]
fn user_rate_rows_are_checked_on_import() {
    let row = |from: &str, rate: &str| json!({ "table": "ecb", "from": from, "rate": rate });
    let absurd = rejection(|d| d["settings"] = json!({ "rate_rows": [row("2026-03-01", "500")] }));
    assert!(
        absurd.starts_with("settings.rate_rows[0].rate: the rate must be between"),
        "{absurd}"
    );
    let twice = rejection(|d| {
        d["settings"] = json!({ "rate_rows": [row("2026-03-01", "2"), row("2026-03-01", "3")] })
    });
    assert!(
        twice.starts_with("settings.rate_rows[1].from: a rate from 2026-03-01"),
        "{twice}"
    );
    assert!(
        import_edited(|d| d["settings"] = json!({ "rate_rows": [row("2026-03-01", "1.9")] }))
            .is_ok()
    );
}

/// A fresh id source; the ledger skips ids already taken.
fn ids() -> Sequential {
    Sequential::default()
}

/// Import refuses what the forms refuse: each record goes through the same `validate()`.
#[test]
fn import_refuses_what_the_forms_refuse_naming_the_record_and_field() {
    type Edit = fn(&mut Value);
    let cases: [(&str, Edit); 8] = [
        ("payments[0] (id \"p1\").amount: the amount must be more than zero", |d| {
            d["payments"][0]["amount"] = json!("0.00")
        }),
        ("payments[0] (id \"p1\").date: the payment date cannot be before the invoice was issued", |d| {
            d["payments"][0]["date"] = json!("2026-01-01")
        }),
        ("invoices[0] (id \"i1\").annual_rate:", |d| {
            d["invoices"][0]["interest"]["annual_rate"] = json!("-50")
        }),
        ("clients[0] (id \"c1\\r\\nATTENDEE:x\").id: an id may not contain control characters", |d| {
            d["clients"][0]["id"] = json!("c1\r\nATTENDEE:x")
        }),
        ("invoices[0] (id \"i1\").due_date:", |d| {
            d["invoices"][0]["due_date"] = json!("2200-01-01")
        }),
        ("activities[0] (id \"a1\").date:", |d| {
            d["activities"][0]["date"] = json!("1899-12-31")
        }),
        ("templates.saved[0] (id \"final-notice\").body:", |d| {
            d["templates"] = json!({ "saved": [{ "id": "final-notice", "name": "Final", "subject": "Hi",
                "body": "{% if x %}", "deadline_days": 7 }] })
        }),
        ("business.name: the business name is required", |d| {
            d["business"]["name"] = json!("  ")
        }),
    ];
    for (expected, edit) in cases {
        let refused = rejection(edit);
        assert!(
            refused.starts_with(expected),
            "expected {expected:?}, got {refused:?}"
        );
    }
}

/// The store reads a current-schema document in one quick pass and everything else with the
/// full reader: both give the same ledger and revision, and only the full reader names errors.
#[test]
fn the_quick_reader_takes_current_documents_and_leaves_the_rest_to_the_full_reader() {
    let ledger = backup::import(EXAMPLE).unwrap();
    let stored = backup::stored_text(&ledger, "2026-12-02T09:00:00Z", 7);
    let quick = backup::read_current(&stored)
        .expect("a current document")
        .unwrap();
    assert_eq!(quick, backup::read_migrating(&stored).unwrap());
    assert_eq!(quick.1, 7);
    assert_eq!(quick.0, ledger);

    // The contract example is of schema 1: only the full reader migrates it.
    assert!(backup::read_current(EXAMPLE).is_none());
    assert_eq!(
        backup::read_migrating(EXAMPLE).unwrap(),
        (ledger.clone(), 0)
    );

    // A current document with an error: the full reader names the record and field.
    let mut broken: Value = serde_json::from_str(&stored).unwrap();
    broken["invoices"][0]["amount"] = json!("twelve");
    let broken = broken.to_string();
    assert!(backup::read_current(&broken).is_none());
    let error = backup::read_migrating(&broken).unwrap_err().to_string();
    assert!(error.starts_with("invoices[0]"), "{error}");
    assert_eq!(
        backup::import_revisioned(&broken).unwrap_err().to_string(),
        error
    );
}
