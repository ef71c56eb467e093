//! Letters: stock templates render fully, templates are checked, output formats are exact.

use super::output::{base64, eml, mailbox, mailto, Mailbox, MAILTO_LIMIT};
use super::template::{Template, Value, MAX_DEPTH, MAX_LOOP_DEPTH};
use super::variables::{context, Catalogue, SettlementFigures};
use super::*;
use crate::core::backup;
use crate::core::ladder::LadderStep;
use crate::core::model::TemplateSet;
use chrono::NaiveDate;
use proptest::prelude::*;

fn ledger() -> crate::core::ledger::Ledger {
    let mut ledger = backup::import(include_str!(
        "../../../tests/fixtures/contract-example.json"
    ))
    .unwrap();
    ledger.invoices[0].interest = None; // the business default: UK Late Payment Act
    ledger
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 16).unwrap()
}

fn settlement() -> SettlementFigures {
    SettlementFigures {
        amount: "£900.00".into(),
        pay_by: "30 April 2026".into(),
        schedule: vec![
            ("1".into(), "1 April 2026".into(), "£450.00".into()),
            ("2".into(), "1 May 2026".into(), "£450.00".into()),
        ],
    }
}

#[test]
fn every_stock_template_renders_without_leftover_tags_and_with_formatted_figures() {
    let ledger = ledger();
    for step in LadderStep::ALL {
        let template = stock(step);
        template
            .check()
            .unwrap_or_else(|e| panic!("{}: {e}", step.id()));
        let values = context(
            &ledger,
            "i1",
            today(),
            template.deadline_days,
            &settlement(),
        )
        .unwrap();
        let (subject, body) = template.render(&values);
        for text in [&subject, &body] {
            assert!(
                !text.contains("{{") && !text.contains("{%"),
                "{}: {text}",
                step.id()
            );
        }
        assert!(
            !subject.is_empty() && body.contains("Ada Studio"),
            "{}",
            step.id()
        );
    }
}

/// The demand letter for the contract example on 16 March 2026 (UK Act, £200 paid on 1 March).
/// Updated for the true rate: Bank Rate on 31 Dec 2025 was 3.75% (cut on 18 Dec 2025, not the
/// 4.00% the old table still had) + 8 = 11.75%; and for the day count: the payment day bears
/// interest on the whole sum. 15 Feb–1 Mar: 1,200 × 11.75% × 15 / 365 = 2,115 / 365 = 5.794… → £5.79;
/// 2–16 Mar: 1,000 × 11.75% × 15 / 365 = 1,762.5 / 365 = 4.828… → £4.83. Interest £10.62;
/// claim 1,000 + 10.62 + 70 = £1,080.62.
#[test]
fn the_demand_letter_states_the_account_the_interest_and_the_deadline() {
    let ledger = ledger();
    let template = stock(LadderStep::DemandLetter);
    let values = context(
        &ledger,
        "i1",
        today(),
        template.deadline_days,
        &SettlementFigures::default(),
    )
    .unwrap();
    let (subject, body) = template.render(&values);
    assert_eq!(
        subject,
        "Letter before action: £1,080.62 owed to Ada Studio"
    );
    for expected in [
        "- Invoice INV-001, issued 15 January 2026, due 14 February 2026: £1,000.00 outstanding of £1,200.00 (30 days overdue)",
        "Outstanding balance: £1,000.00",
        "- 15 February 2026 to 1 March 2026: 15 days on £1,200.00 at 11.75% a year = £5.79",
        "- 2 March 2026 to 16 March 2026: 15 days on £1,000.00 at 11.75% a year = £4.83",
        "Interest on all open invoices to date: £10.62",
        "Fixed compensation: £70.00",
        "Total now claimed: £1,080.62",
        "Please pay this sum in full by 30 March 2026.",
        "mediation",
    ] {
        assert!(body.contains(expected), "missing {expected:?} in\n{body}");
    }
    assert!(!body.to_lowercase().contains("legal advice"));
}

#[test]
fn settlement_letters_receive_the_offer_and_schedule() {
    let values = context(&ledger(), "i1", today(), 14, &settlement()).unwrap();
    let (_, body) = stock(LadderStep::SettlementAgreement).render(&values);
    assert!(body.contains("accept £900.00 in full and final settlement"));
    assert!(body.contains("   1. 1 April 2026: £450.00\n   2. 1 May 2026: £450.00"));
    assert!(body.contains("Signed for the Debtor"));
}

#[test]
fn unknown_variables_are_named_with_line_and_column() {
    let error =
        Template::check("Dear {{ client.name }},\n  {{ client.nmae }}", &Catalogue).unwrap_err();
    assert_eq!(
        error.to_string(),
        "line 2, column 3: unknown variable `client.nmae`"
    );
    let in_loop = Template::check(
        "{% for row in statement %}{{ row.total }}{% endfor %}",
        &Catalogue,
    )
    .unwrap_err();
    assert!(
        in_loop
            .to_string()
            .starts_with("line 1, column 27: unknown field `total` of `row`"),
        "{in_loop}"
    );
}

#[test]
fn unclosed_and_stray_tags_are_refused() {
    let check = |source: &str| Template::check(source, &Catalogue).unwrap_err().to_string();
    assert_eq!(
        check("Hello {{ client.name"),
        "line 1, column 7: `{{` is never closed with `}}`"
    );
    assert_eq!(
        check("a\n{% if invoice.balance %}owed"),
        "line 2, column 1: `{% if %}` is never closed with `{% endif %}`"
    );
    assert_eq!(
        check("{% for row in statement %}x"),
        "line 1, column 1: `{% for %}` is never closed with `{% endfor %}`"
    );
    assert_eq!(
        check("x {% endif %}"),
        "line 1, column 3: `{% endif %}` has no matching opening tag"
    );
    assert!(check("{% while x %}").contains("is not a tag"));
    assert!(check("{% for row in today %}{% endfor %}").contains("`today` is not a list"));
    assert!(check("{{ statement }}").contains("is a list"));
}

#[test]
fn loops_over_the_statement_render_each_row() {
    let template = Template::check(
        "{% for row in statement %}[{{ row.number }}: {{ row.balance }}]{% endfor %}",
        &Catalogue,
    )
    .unwrap();
    let mut values = template::Context::new();
    let row = |n: &str| {
        [
            ("number".to_string(), n.to_string()),
            ("balance".to_string(), "£1.00".to_string()),
        ]
        .into_iter()
        .collect()
    };
    values.insert("statement".into(), Value::List(vec![row("A"), row("B")]));
    assert_eq!(template.render(&values).unwrap(), "[A: £1.00][B: £1.00]");
}

#[test]
fn conditionals_treat_zero_amounts_as_false() {
    let template = Template::check(
        "{% if interest.total %}yes{% else %}no{% endif %}{% if not today %}!{% endif %}",
        &Catalogue,
    )
    .unwrap();
    let mut values = template::Context::new();
    values.insert("interest.total".into(), Value::Text("£0.00".into()));
    assert_eq!(template.render(&values).unwrap(), "no!");
    values.insert("interest.total".into(), Value::Text("£0.10".into()));
    assert_eq!(template.render(&values).unwrap(), "yes!");
}

#[test]
fn a_bad_edit_is_refused_and_the_saved_template_is_kept() {
    let mut set = TemplateSet::default();
    let mut edited = stock(LadderStep::FollowUp);
    edited.body = "Hi {{ client.name }}".into();
    set.save(edited.clone()).unwrap();
    let mut broken = edited.clone();
    broken.body = "Hi {{ client.surname }}".into();
    assert_eq!(set.save(broken).unwrap_err().field_name(), Some("body"));
    assert_eq!(set.get("follow-up").unwrap(), edited);
    assert!(set.is_edited("follow-up"));
    let copy = set.duplicate("follow-up").unwrap();
    assert_eq!(copy, "custom-1");
    assert_eq!(set.all().len(), 10);
    set.reset("follow-up");
    assert_eq!(set.get("follow-up").unwrap(), stock(LadderStep::FollowUp));
}

#[test]
fn mailto_encodes_and_gives_up_on_long_bodies() {
    let link = mailto(
        "jo@acme.test",
        "Invoice 7 & more",
        "Line one\nLine two: 100%",
    )
    .unwrap();
    assert_eq!(link, "mailto:jo@acme.test?subject=Invoice%207%20%26%20more&body=Line%20one%0D%0ALine%20two%3A%20100%25");
    assert_eq!(mailto("a@b.c", "s", &"x".repeat(MAILTO_LIMIT)), None);
}

const ADA: Mailbox = Mailbox {
    name: "Ada Studio",
    address: "ada@example.com",
};

const JO: Mailbox = Mailbox {
    name: "",
    address: "jo@acme.test",
};

const DATE: &str = "Mon, 16 Mar 2026 09:00:00 +0000";

/// The header lines of a message, with folded lines joined.
fn headers(message: &str) -> Vec<String> {
    let (head, _) = message.split_once("\r\n\r\n").unwrap();
    head.replace("\r\n ", " ")
        .split("\r\n")
        .map(str::to_string)
        .collect()
}

#[test]
fn eml_files_have_headers_crlf_and_a_base64_body() {
    let message = eml(&ADA, &JO, "Relevé n° 7", "Bonjour\nMerci", DATE);
    let (head, body) = message.split_once("\r\n\r\n").unwrap();
    assert!(head.starts_with("From: Ada Studio <ada@example.com>\r\nTo: jo@acme.test\r\n"));
    assert!(head.contains("Subject: =?UTF-8?B?UmVsZXbDqSBuwrAgNw==?="));
    assert!(head
        .contains("Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64"));
    assert!(!message.replace("\r\n", "").contains('\n'));
    assert_eq!(body.trim_end(), base64("Bonjour\r\nMerci".as_bytes()));
    assert_eq!(base64(b"Man"), "TWFu");
    assert_eq!(base64(b"Ma"), "TWE=");
    assert_eq!(base64(b"M"), "TQ==");
}

#[test]
fn only_the_display_name_is_encoded_never_the_address() {
    let zoe = Mailbox {
        name: "Zoë Café",
        address: "zoe@example.com",
    };
    assert_eq!(
        mailbox(&zoe),
        format!(
            "=?UTF-8?B?{}?= <zoe@example.com>",
            base64("Zoë Café".as_bytes())
        )
    );
    let firm = Mailbox {
        name: "Smith, \"Jones\" & Co.",
        address: "firm@example.com",
    };
    assert_eq!(
        mailbox(&firm),
        "\"Smith, \\\"Jones\\\" & Co.\" <firm@example.com>"
    );
    assert_eq!(mailbox(&JO), "jo@acme.test");
}

#[test]
fn cr_lf_and_nul_in_any_header_value_cannot_add_a_header() {
    let from = Mailbox {
        name: "Ada\r\nBcc: evil@example.com",
        address: "ada@example.com\r\nBcc: evil@example.com",
    };
    let to = Mailbox {
        name: "Jo\0",
        address: "jo@acme.test>, evil@example.com",
    };
    let message = eml(
        &from,
        &to,
        "Hi\r\nBcc: evil@example.com\0",
        "body",
        "Mon\r\nX-Evil: 1",
    );
    let lines = headers(&message);
    assert!(
        lines
            .iter()
            .all(|l| !l.starts_with("Bcc") && !l.starts_with("X-Evil")),
        "{lines:?}"
    );
    assert!(!message.contains('\0'));
    assert!(lines.contains(&"To: Jo <jo@acme.testevil@example.com>".to_string()));
    assert!(lines.contains(&"Subject: HiBcc: evil@example.com".to_string()));
}

#[test]
fn long_non_ascii_subjects_become_several_short_encoded_words() {
    let subject = "Rappel : facture n° 2026-001 échue — merci de régler ".repeat(3);
    let message = eml(&ADA, &JO, &subject, "body", DATE);
    let (head, _) = message.split_once("\r\n\r\n").unwrap();
    assert!(head.split("\r\n").all(|line| line.len() <= 76), "{head}");
    let subject_line = headers(&message)
        .into_iter()
        .find(|l| l.starts_with("Subject: "))
        .unwrap();
    let words: Vec<&str> = subject_line["Subject: ".len()..].split(' ').collect();
    assert!(words.len() > 1 && words.iter().all(|w| w.len() <= 75));
}

fn nested_ifs(depth: usize) -> String {
    "{% if today %}".repeat(depth) + &"{% endif %}".repeat(depth)
}

/// Refused before any of it is built: the text is over the length limit (and would be
/// refused at depth 17 otherwise). The time it takes is in `benches/templates.rs`.
#[test]
fn five_thousand_nested_ifs_are_refused() {
    let refused = Template::check(&nested_ifs(5000), &Catalogue).unwrap_err();
    assert!(refused.message.contains("longer than"), "{refused}");
    let deep = Template::check(&nested_ifs(1000), &Catalogue).unwrap_err();
    assert!(deep.message.contains("nested more than 16 deep"), "{deep}");
}

#[test]
fn ifs_nested_one_past_the_limit_are_refused_at_the_innermost_tag() {
    assert!(Template::check(&nested_ifs(MAX_DEPTH), &Catalogue).is_ok());
    let refused = Template::check(&nested_ifs(MAX_DEPTH + 1), &Catalogue).unwrap_err();
    assert!(
        refused.message.contains("nested more than 16 deep"),
        "{refused}"
    );
    assert_eq!((refused.line, refused.column), (1, 1 + 14 * MAX_DEPTH));
}

#[test]
fn sixteen_nested_loops_are_refused() {
    let source = "{% for row in statement %}".repeat(16) + "x" + &"{% endfor %}".repeat(16);
    let refused = Template::check(&source, &Catalogue).unwrap_err();
    assert!(refused.message.contains("loops are nested"), "{refused}");
    let allowed = "{% for row in statement %}".repeat(MAX_LOOP_DEPTH)
        + &"{% endfor %}".repeat(MAX_LOOP_DEPTH);
    assert!(Template::check(&allowed, &Catalogue).is_ok());
}

#[test]
fn a_loop_over_a_long_list_stops_at_the_render_budget() {
    let template = Template::parse(
        "{% for a in rows %}{% for b in rows %}{{ a.n }}{{ b.n }}{% endfor %}{% endfor %}",
    )
    .unwrap();
    let row: std::collections::BTreeMap<String, String> =
        [("n".to_string(), "0123456789".to_string())].into();
    let mut values = template::Context::new();
    values.insert("rows".into(), Value::List(vec![row; 10_000]));
    let stopped = template.render(&values).unwrap_err();
    assert!(
        stopped.message.contains("repeats too often") || stopped.message.contains("longer than")
    );
}

/// The budget is counted, not timed: a loop of `n` empty turns takes 2n + 2 steps (the loop
/// node, each turn and the end of its body, the end of the template), so 49,999 turns spend
/// exactly the 100,000 steps and one turn more is stopped. `benches/templates.rs` shows a
/// spent budget takes well under 100 ms.
#[test]
fn a_loop_may_spend_the_whole_render_budget_and_one_turn_more_is_stopped() {
    assert_eq!(template::MAX_RENDER_STEPS, 100_000);
    let template = Template::parse("{% for row in rows %}{% endfor %}").unwrap();
    let turns = |n: usize| {
        let mut values = template::Context::new();
        values.insert("rows".into(), Value::List(vec![Default::default(); n]));
        template.render(&values)
    };
    assert_eq!(turns(49_999), Ok(String::new()));
    let stopped = turns(50_000).unwrap_err();
    assert!(stopped.message.contains("repeats too often"), "{stopped}");
}

/// The output cap stops a rendering as soon as the letter passes 256 KB, whatever budget is
/// left.
#[test]
fn a_letter_longer_than_the_output_cap_is_stopped() {
    let template = Template::parse("{% for row in rows %}{{ row.n }}{% endfor %}").unwrap();
    let row: std::collections::BTreeMap<String, String> =
        [("n".to_string(), "x".repeat(1024))].into();
    let mut values = template::Context::new();
    values.insert("rows".into(), Value::List(vec![row.clone(); 256]));
    assert_eq!(template.render(&values).unwrap().len(), 256 * 1024);
    values.insert("rows".into(), Value::List(vec![row; 258]));
    let stopped = template.render(&values).unwrap_err();
    assert!(stopped.message.contains("longer than 256 KB"), "{stopped}");
}

/// The body is base64, so nothing in it can reach the headers; line breaks of any kind
/// become CRLF and NUL is dropped, and non-ASCII text survives byte for byte.
#[test]
fn eml_bodies_with_cr_lf_nul_and_non_ascii_text_decode_to_clean_crlf_lines() {
    let message = eml(&ADA, &JO, "Hi", "Grüße\rZoë\r\n日本\0end\nBcc: x@y", DATE);
    let (head, body) = message.split_once("\r\n\r\n").unwrap();
    assert!(!head.contains("Bcc"));
    let body: String = body.split("\r\n").collect();
    assert_eq!(
        body,
        base64("Grüße\r\nZoë\r\n日本end\r\nBcc: x@y".as_bytes())
    );
}

#[test]
fn a_template_longer_than_the_limit_is_refused() {
    let source = "x".repeat(template::MAX_SOURCE_BYTES + 1);
    assert!(Template::parse(&source)
        .unwrap_err()
        .message
        .contains("longer than"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]
    #[test]
    fn template_parser_survives_arbitrary_input(source in "(\\{|\\}|%|[a-z .]|if|for|in|end|not|\\n){0,60}") {
        static VALUES: std::sync::OnceLock<template::Context> = std::sync::OnceLock::new();
        let values = VALUES.get_or_init(|| context(&ledger(), "i1", today(), 7, &SettlementFigures::default()).unwrap());
        if let Ok(template) = Template::parse(&source) {
            let _ = template.render(values);
        }
        let _ = Template::check(&source, &Catalogue);
    }
}

#[test]
fn the_editor_reads_the_deadline_and_checks_the_text() {
    assert_eq!(
        from_form("x", "Mine", "Hi", "Body", "10")
            .unwrap()
            .deadline_days,
        10
    );
    assert_eq!(
        from_form("x", "Mine", "Hi", "Body", "ten")
            .unwrap_err()
            .field_name(),
        Some("deadline_days")
    );
    assert_eq!(
        from_form("x", " ", "Hi", "Body", "1")
            .unwrap_err()
            .field_name(),
        Some("name")
    );
    let error = from_form("x", "Mine", "Hi", "{% if x %}", "1").unwrap_err();
    assert_eq!(
        (error.field_name(), error.to_string().as_str()),
        (
            Some("body"),
            "line 1, column 1: `{% if %}` is never closed with `{% endif %}`"
        )
    );
}

/// Marking a letter as sent keeps its exact text: editing the template afterwards changes
/// the next letter, not the one on record.
#[test]
fn a_letter_marked_sent_keeps_its_exact_text_after_the_template_changes() {
    let mut ledger = ledger();
    let template = stock(LadderStep::FinalNotice);
    let values = context(&ledger, "i1", today(), 7, &SettlementFigures::default()).unwrap();
    let (subject, body) = template.render(&values);
    let invoice_ids = vec!["i1".to_string()];
    let mut ids = crate::core::ids::Sequential::default();
    let (id, message) = record_sent(
        &mut ledger,
        Outgoing {
            client_id: "c1",
            invoice_ids: &invoice_ids,
            template_id: "final-notice",
            subject: &subject,
            body: &body,
        },
        Channel::Post,
        today(),
        &mut ids,
    )
    .unwrap();
    assert_eq!(
        message,
        "Kept as sent and logged on the client's timeline: “Final notice: invoice INV-001, £1,000.00 overdue”, sent by post."
    );
    let mut edited = template.clone();
    edited.subject = "Last chance: {{ invoice.number }}".into();
    edited.body = "Pay now.".into();
    ledger.templates.save(edited).unwrap();
    let kept = ledger.letter(&id).unwrap();
    assert_eq!(
        (kept.subject.as_str(), kept.body.as_str()),
        (subject.as_str(), body.as_str())
    );
    assert_eq!(
        (kept.channel.as_str(), kept.date, kept.template.as_str()),
        ("post", today(), "final-notice")
    );
    let logged = ledger.activities.last().unwrap();
    assert_eq!(logged.letter_id.as_deref(), Some(id.as_str()));
    assert_eq!(logged.step.as_deref(), Some("final-notice"));
    assert_eq!(logged.channel.as_deref(), Some("post"));
}

#[test]
fn channels_round_trip_by_id() {
    for channel in Channel::ALL {
        assert_eq!(Channel::from_id(channel.id()), Some(channel));
    }
}

fn letter_body(ledger: &crate::core::ledger::Ledger, step: LadderStep) -> String {
    let values = context(ledger, "i1", today(), 7, &SettlementFigures::default()).unwrap();
    stock(step).render(&values).1
}

/// Before the fix every stock letter ended "{{ business.signature }}" then "{{ business.name }}",
/// and the signature defaults to the business name: "Ada Studio" was printed twice.
#[test]
fn the_business_name_is_signed_once_when_there_is_no_separate_signature() {
    let mut ledger = ledger();
    let reminder = letter_body(&ledger, LadderStep::ReminderOverdue);
    assert!(
        reminder.ends_with("Kind regards,\nAda Studio"),
        "{reminder}"
    );
    let demand = letter_body(&ledger, LadderStep::DemandLetter);
    assert!(
        demand.ends_with("Yours sincerely,\n\nAda Studio"),
        "{demand}"
    );
    ledger.business.signature = "Ada Studio".into();
    for step in LadderStep::ALL {
        let body = letter_body(&ledger, step);
        assert!(
            !body.contains("Ada Studio\nAda Studio"),
            "{}: {body}",
            step.id()
        );
    }
    ledger.business.signature = "Ada Lovelace, Director".into();
    assert!(letter_body(&ledger, LadderStep::FollowUp)
        .ends_with("Kind regards,\nAda Lovelace, Director\nAda Studio"));
}

/// Before the fix the demand letter said only "the sums you owe": an e-mailed copy named
/// neither the debtor company nor its address.
#[test]
fn the_demand_letter_opens_with_the_debtors_name_and_address() {
    let body = letter_body(&ledger(), LadderStep::DemandLetter);
    assert!(
        body.starts_with(
            "Acme Ltd\n2 Low Rd\nLeeds\n\nDear Jo Bloggs,\n\nI write formally about the sums that Acme Ltd owes Ada Studio."
        ),
        "{body}"
    );
}

#[test]
fn letters_with_legal_effect_carry_the_notice_and_interest_letters_are_known() {
    let with_notice: Vec<LadderStep> = LadderStep::ALL
        .into_iter()
        .filter(|step| stock(*step).needs_legal_notice())
        .collect();
    assert_eq!(
        with_notice,
        [LadderStep::DemandLetter, LadderStep::SettlementAgreement]
    );
    let quoting: Vec<LadderStep> = LadderStep::ALL
        .into_iter()
        .filter(|step| stock(*step).quotes_interest())
        .collect();
    assert_eq!(
        quoting,
        [
            LadderStep::FinalNotice,
            LadderStep::DemandLetter,
            LadderStep::SettlementAgreement
        ]
    );
}

/// Before the fix the statement and the totals took every open invoice, so a letter before
/// action claimed an invoice not yet due ("0 days overdue").
#[test]
fn an_invoice_not_yet_due_is_not_claimed() {
    let mut ledger = ledger();
    let mut later = ledger.invoices[0].clone();
    later.id = "i2".into();
    later.number = "INV-002".into();
    later.issue_date = NaiveDate::from_ymd_opt(2026, 3, 10).unwrap();
    later.due_date = NaiveDate::from_ymd_opt(2026, 4, 9).unwrap();
    ledger.invoices.push(later);
    let body = letter_body(&ledger, LadderStep::DemandLetter);
    assert!(!body.contains("INV-002"), "{body}");
    assert!(body.contains("Outstanding balance: £1,000.00"), "{body}");
    assert!(body.contains("Total now claimed: £1,080.62"), "{body}");
}

#[test]
fn without_a_business_email_the_demand_letter_still_reads_well() {
    let mut ledger = ledger();
    ledger.business.email.clear();
    let body = letter_body(&ledger, LadderStep::DemandLetter);
    assert!(
        body.contains("quoting the invoice numbers, or contact me to arrange another method."),
        "{body}"
    );
}

mod case_file {
    use super::*;
    use crate::core::currency::Currency;
    use crate::core::ledger::Ledger;
    use crate::core::model::{Dispute, DisputeOutcome, Payment, Promise, Resolution};
    use crate::core::money::Amount;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    /// On 3 March 2026 Jo promised £500.00 by 10 March; Settings give 3 days' grace (to 13 March).
    fn promised(payments: &[(&str, &str)]) -> Ledger {
        let mut ledger = ledger();
        ledger.promises.push(Promise {
            id: "pr1".into(),
            client_id: "c1".into(),
            invoice_id: Some("i1".into()),
            made_on: day("2026-03-03"),
            promised_by: "Jo Bloggs".into(),
            amount: Amount::parse("500").unwrap(),
            currency: Currency::parse("GBP").unwrap(),
            due: day("2026-03-10"),
            channel: "phone".into(),
            note: String::new(),
        });
        for (index, (date, amount)) in payments.iter().enumerate() {
            ledger.payments.push(Payment {
                id: format!("pp{index}"),
                invoice_id: "i1".into(),
                date: day(date),
                amount: Amount::parse(amount).unwrap(),
                method: String::new(),
                note: String::new(),
            });
        }
        ledger
    }

    fn text(values: &super::template::Context, name: &str) -> String {
        match values.get(name) {
            Some(Value::Text(text)) => text.clone(),
            other => panic!("{name}: {other:?}"),
        }
    }

    fn promise_variables(ledger: &Ledger, as_of: &str) -> [String; 4] {
        let values = context(ledger, "i1", day(as_of), 7, &SettlementFigures::default()).unwrap();
        [
            text(&values, "promise.state"),
            text(&values, "promise.paid"),
            text(&values, "promise.sentence"),
            text(&values, "promise.unkept"),
        ]
    }

    #[test]
    fn the_promise_variables_describe_the_latest_promise_in_each_state() {
        let values = context(
            &promised(&[]),
            "i1",
            today(),
            7,
            &SettlementFigures::default(),
        )
        .unwrap();
        assert_eq!(
            [
                text(&values, "promise.made_on"),
                text(&values, "promise.amount"),
                text(&values, "promise.due"),
                text(&values, "promise.by"),
            ],
            ["3 March 2026", "£500.00", "10 March 2026", "Jo Bloggs"]
        );
        let on = "On 3 March 2026 you promised to pay £500.00 by 10 March 2026";
        assert_eq!(
            promise_variables(&promised(&[]), "2026-03-09"),
            [
                "pending".to_string(),
                "£0.00".into(),
                format!("{on}; thank you, we look forward to receiving it."),
                String::new(),
            ]
        );
        assert_eq!(
            promise_variables(&promised(&[("2026-03-12", "500")]), "2026-03-16"),
            [
                "kept".to_string(),
                "£500.00".into(),
                format!("{on}, and we received it: thank you."),
                String::new(),
            ],
            "paid within the grace days, the promise was kept"
        );
        let part =
            format!("{on}; we received £200.00 of it, so £300.00 of that promise is still unpaid.");
        assert_eq!(
            promise_variables(&promised(&[("2026-03-09", "200")]), "2026-03-16"),
            [
                "part-kept".to_string(),
                "£200.00".into(),
                part.clone(),
                part
            ]
        );
        let broken = format!("{on}; we have not received it.");
        assert_eq!(
            promise_variables(&promised(&[("2026-03-14", "500")]), "2026-03-16"),
            ["broken".to_string(), "£0.00".into(), broken.clone(), broken],
            "paid after the grace days, the promise was broken"
        );
    }

    #[test]
    fn without_a_promise_the_promise_variables_are_empty_and_letters_read_as_before() {
        let values = context(&ledger(), "i1", today(), 7, &SettlementFigures::default()).unwrap();
        for name in [
            "promise.made_on",
            "promise.state",
            "promise.sentence",
            "promise.unkept",
        ] {
            assert_eq!(text(&values, name), "", "{name}");
        }
        let follow_up = letter_body(&ledger(), LadderStep::FollowUp);
        assert!(
            follow_up
                .contains("The balance is £1,000.00.\n\nIf something is making payment difficult"),
            "{follow_up}"
        );
    }

    #[test]
    fn the_follow_up_final_notice_and_demand_quote_a_broken_promise_but_not_a_pending_one() {
        let broken = promised(&[]);
        let sentence = "On 3 March 2026 you promised to pay £500.00 by 10 March 2026; we have not received it.";
        for step in [
            LadderStep::FollowUp,
            LadderStep::FinalNotice,
            LadderStep::DemandLetter,
        ] {
            let body = letter_body(&broken, step);
            assert!(body.contains(sentence), "{}: {body}", step.id());
        }
        assert!(
            letter_body(&broken, LadderStep::FinalNotice).contains(&format!(
                "The balance is £1,000.00.\n\n{sentence}\n\nPlease pay in full by"
            ))
        );
        let values = context(
            &broken,
            "i1",
            day("2026-03-09"),
            7,
            &SettlementFigures::default(),
        )
        .unwrap();
        let pending = stock(LadderStep::FinalNotice).render(&values).1;
        assert!(!pending.contains("you promised"), "{pending}");
    }

    #[test]
    fn the_dispute_response_explains_the_decision_and_when_payment_is_expected() {
        let mut ledger = ledger();
        ledger.disputes.push(Dispute {
            id: "d1".into(),
            client_id: "c1".into(),
            invoice_id: "i1".into(),
            opened_on: day("2026-02-20"),
            reason: "The second revision round was not agreed".into(),
            amount: None,
            notes: String::new(),
            resolution: Some(Resolution {
                date: day("2026-03-10"),
                outcome: DisputeOutcome::Rejected,
                note: "The statement of work of 5 January includes two revision rounds.".into(),
            }),
        });
        let template = stock_template(DISPUTE_RESPONSE).unwrap();
        assert_eq!(template.name, "Dispute response");
        template.check().unwrap();
        assert!(!template.needs_legal_notice());
        let values = context(
            &ledger,
            "i1",
            today(),
            template.deadline_days,
            &SettlementFigures::default(),
        )
        .unwrap();
        let (subject, body) = template.render(&values);
        assert_eq!(subject, "Your query about invoice INV-001");
        assert!(body.starts_with("Dear Jo Bloggs,\n\nThank you for your query about invoice INV-001, raised on 20 February 2026 (“The second revision round was not agreed”)."), "{body}");
        assert!(body.contains("so it stands. The statement of work of 5 January includes two revision rounds.\n\nThe balance of £1,000.00 therefore remains due, and I would be grateful to receive it by 30 March 2026."), "{body}");
        assert!(!body.contains("{{"), "{body}");
        assert!(ledger
            .templates
            .all()
            .iter()
            .any(|t| t.id == DISPUTE_RESPONSE));
        assert!(!ledger.templates.is_custom(DISPUTE_RESPONSE));
    }
}
