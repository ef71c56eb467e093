//! `/settlement/<client id>`: the case, the options compared, the payment schedule, the prep
//! sheet and the accepted plans of one client.

use crate::core::books::Books;
use crate::core::currency::Currency;
use crate::core::dates::format_date;
use crate::core::error::FieldError;
use crate::core::forms::PlanForm;
use crate::core::ids::link;
use crate::core::model::{Instalment, Plan, PlanStatus, PrepSheet};
use crate::core::money::{format_money, plain};
use crate::core::settlement::advice::{recommend, Goal, Signals};
use crate::core::settlement::ics::{calendar, stamp};
use crate::core::settlement::options::{compare, OptionField, OptionInputs};
use crate::core::settlement::plan::{track, InstalmentState};
use crate::core::settlement::schedule::schedule;
use crate::core::settlement::{case, received_under, Case, Exclusions};
use crate::core::views::timeline::{timeline, TimelineEntry, TimelineFilter};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::BTreeSet;

/// How a state reads at a glance, for its badge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tone {
    /// Done: paid, completed.
    Good,
    /// Still running: due, part-paid, active.
    Waiting,
    /// Needs action: missed, in default.
    Bad,
}

/// One open invoice of the case, with its include checkbox.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CaseRow {
    /// The invoice's id.
    pub invoice_id: String,
    /// The invoice's number.
    pub number: String,
    /// Counted in the claim.
    pub included: bool,
    /// The checkbox's accessible name.
    pub include_label: String,
    /// "Not yet due (due 30 Apr 2026)" for an invoice left out by default; empty otherwise.
    pub due_note: String,
    /// Principal still owed.
    pub outstanding: String,
    /// Interest to date.
    pub interest: String,
    /// Fixed compensation.
    pub compensation: String,
}

/// The case's totals, for people, and the claim for `data-amount`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaseFigures {
    /// Outstanding principal.
    pub principal: String,
    /// Interest to date.
    pub interest: String,
    /// Fixed compensation.
    pub compensation: String,
    /// The total claim.
    pub claim: String,
    /// The total claim as a plain decimal.
    pub claim_plain: String,
    /// What the debt's age is, from the ledger.
    pub age_note: String,
}

/// One instalment of an accepted plan with what was paid towards it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct InstalmentRow {
    /// 1, 2, 3…
    pub number: u32,
    /// Due date, ISO.
    pub date_iso: String,
    /// Due date, for people.
    pub date: String,
    /// Amount due.
    pub amount: String,
    /// Paid towards it.
    pub paid: String,
    /// `paid`, `part-paid`, `due` or `missed` (also the `data-state` hook).
    pub state: &'static str,
    /// The state's badge tone.
    pub tone: Tone,
}

/// An accepted plan as its card shows it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PlanCard {
    /// The plan's id.
    pub id: String,
    /// "£1,000.00 agreed on 16 Mar 2026".
    pub heading: String,
    /// Where it stands, for its badge.
    pub status: &'static str,
    /// The status badge's tone.
    pub tone: Tone,
    /// "Received £333.33 of £1,000.00".
    pub received: String,
    /// The instalments.
    pub instalments: Vec<InstalmentRow>,
    /// Active with a missed instalment: offer to declare default.
    pub can_declare_default: bool,
}

/// Everything the settlement page shows before the person types anything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Planner {
    /// The client's id.
    pub client_id: String,
    /// The client's name.
    pub client_name: String,
    /// The client's page.
    pub client_href: String,
    /// The currencies the client has open invoices in.
    pub currencies: Vec<Currency>,
    /// The case in the chosen currency; `None` when nothing is open.
    pub case: Option<Case>,
    /// The case's invoices.
    pub rows: Vec<CaseRow>,
    /// The case's totals.
    pub figures: CaseFigures,
    /// The client's timeline, newest first.
    pub timeline: Vec<TimelineEntry>,
    /// The plan first proposed for the case.
    pub plan_defaults: PlanForm,
    /// The saved prep sheet, or a new one aiming for full payment now.
    pub prep_sheet: PrepSheet,
    /// The accepted plans, oldest first.
    pub plans: Vec<PlanCard>,
}

/// The settlement page of `client_id` on `today`: the case in `currency` (the first currency
/// with open invoices when `None` or not open), with the person's `exclusions`. `None` when
/// there is no such client.
pub fn planner(
    books: &Books,
    client_id: &str,
    currency: Option<&Currency>,
    exclusions: &Exclusions,
    today: NaiveDate,
) -> Option<Planner> {
    let client = books.client(client_id)?;
    let currencies: Vec<Currency> = books
        .invoices_of(client_id)
        .filter(|invoice| {
            books
                .summary_of(&invoice.id, today)
                .is_some_and(|summary| summary.outstanding > Decimal::ZERO)
        })
        .map(|invoice| invoice.currency.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let chosen = currency
        .filter(|wanted| currencies.contains(wanted))
        .or(currencies.first());
    let case = chosen.map(|currency| case(books, client_id, currency, exclusions, today));
    Some(Planner {
        client_id: client.id.clone(),
        client_name: client.name.clone(),
        client_href: link("clients", client_id),
        rows: case.as_ref().map(case_rows).unwrap_or_default(),
        figures: case.as_ref().map(case_figures).unwrap_or_default(),
        plan_defaults: case
            .as_ref()
            .map(|case| PlanForm::for_case(case, today))
            .unwrap_or_default(),
        case,
        currencies,
        timeline: timeline(books, client_id, &TimelineFilter::default(), today).entries,
        prep_sheet: books.prep_sheet(client_id),
        plans: books
            .plans
            .iter()
            .filter(|plan| plan.client_id == client_id)
            .map(|plan| plan_card(books, plan, today))
            .collect(),
    })
}

fn case_rows(case: &Case) -> Vec<CaseRow> {
    let money = |value| format_money(value, &case.currency);
    case.invoices
        .iter()
        .map(|invoice| CaseRow {
            invoice_id: invoice.invoice_id.clone(),
            number: invoice.number.clone(),
            included: invoice.included,
            include_label: format!("Include invoice {}", invoice.number),
            due_note: if invoice.due {
                String::new()
            } else {
                format!("Not yet due (due {})", format_date(invoice.due_date))
            },
            outstanding: money(invoice.outstanding),
            interest: money(invoice.interest),
            compensation: money(invoice.compensation),
        })
        .collect()
}

fn case_figures(case: &Case) -> CaseFigures {
    let money = |value| format_money(value, &case.currency);
    let age_note = if case.invoices.iter().any(|invoice| invoice.included) {
        format!(
            "Age of the debt (from the ledger): the oldest included invoice is {} days overdue.",
            case.oldest_days
        )
    } else {
        "No invoice is included, so there is nothing to claim. Tick the invoices to settle."
            .to_string()
    };
    CaseFigures {
        principal: money(case.principal),
        interest: money(case.interest),
        compensation: money(case.compensation),
        claim: money(case.claim),
        claim_plain: plain(case.claim),
        age_note,
    }
}

fn state_tone(state: InstalmentState) -> Tone {
    match state {
        InstalmentState::Paid => Tone::Good,
        InstalmentState::PartPaid | InstalmentState::Due => Tone::Waiting,
        InstalmentState::Missed => Tone::Bad,
    }
}

fn status_tone(status: PlanStatus) -> Tone {
    match status {
        PlanStatus::Completed => Tone::Good,
        PlanStatus::Active => Tone::Waiting,
        PlanStatus::Defaulted => Tone::Bad,
    }
}

/// An accepted plan's card on `today`: its heading, status, receipts and instalments.
pub fn plan_card(books: &Books, plan: &Plan, today: NaiveDate) -> PlanCard {
    let money = |value| format_money(value, &plan.currency);
    let received = received_under(books, plan, today);
    let tracked = track(plan, received, today);
    let active = plan.status == PlanStatus::Active;
    PlanCard {
        id: plan.id.clone(),
        heading: format!(
            "{} agreed on {}",
            money(plan.agreed_total),
            format_date(plan.accepted_on)
        ),
        status: plan.status.label(),
        tone: status_tone(plan.status),
        received: format!(
            "Received {} of {}",
            money(received),
            money(plan.agreed_total)
        ),
        can_declare_default: active
            && tracked
                .iter()
                .any(|row| row.state == InstalmentState::Missed),
        instalments: tracked
            .into_iter()
            .map(|row| InstalmentRow {
                number: row.instalment.number,
                date_iso: row.instalment.date.to_string(),
                date: format_date(row.instalment.date),
                amount: money(row.instalment.amount),
                paid: money(row.paid),
                state: row.state.label(),
                tone: state_tone(row.state),
            })
            .collect(),
    }
}

/// The recommendation and its reasons, for the answers given and the case's age.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdviceView {
    /// What to do, in words.
    pub label: &'static str,
    /// Why.
    pub reasons: Vec<String>,
}

/// Whether to settle, given the person's answers and how old the case's debt is.
pub fn settle_advice(answers: Signals, oldest_days: i64) -> AdviceView {
    let advice = recommend(&Signals {
        days_overdue: oldest_days,
        ..answers
    });
    AdviceView {
        label: advice.recommendation.label(),
        reasons: advice.reasons,
    }
}

/// The goals a prep sheet may aim for, as (stored value, label) for the picker.
pub fn goal_options() -> Vec<(String, String)> {
    Goal::ALL
        .iter()
        .map(|goal| (goal.label().to_string(), goal.label().to_string()))
        .collect()
}

/// The assumptions the person edited, as typed; every other assumption follows the case.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EditedAssumptions {
    typed: Vec<(OptionField, String)>,
}

impl EditedAssumptions {
    /// Keeps `text` for `field` when the input accepts it; otherwise refuses it, naming the
    /// input, and keeps what was there.
    pub fn edit(
        &mut self,
        defaults: &OptionInputs,
        field: OptionField,
        text: &str,
    ) -> Result<(), FieldError> {
        defaults.clone().set(field, text)?;
        self.typed.retain(|(edited, _)| *edited != field);
        self.typed.push((field, text.to_string()));
        Ok(())
    }

    /// The case's defaults with the person's edits on top.
    pub fn over(&self, defaults: &OptionInputs) -> OptionInputs {
        let mut inputs = defaults.clone();
        for (field, text) in &self.typed {
            // Each edit was accepted when typed, and inputs do not depend on one another.
            let _accepted = inputs.set(*field, text);
        }
        inputs
    }

    /// True when nothing was edited.
    pub fn is_empty(&self) -> bool {
        self.typed.is_empty()
    }
}

/// One option of the comparison as its row shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionRow {
    /// `lump-sum`, `instalments`, `agency`, `court` or `write-off` (the `data-option` hook).
    pub id: &'static str,
    /// Its name.
    pub label: &'static str,
    /// Expected net recovery, for people.
    pub value: String,
    /// Expected net recovery, plain, for `data-amount`.
    pub value_plain: String,
    /// The working.
    pub working: String,
}

/// The comparison of the options as the page shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionsTable {
    /// The five options.
    pub rows: Vec<OptionRow>,
    /// The walk-away floor and the break-even discount, in a sentence.
    pub conclusion: String,
}

/// Compares the options for the case's claim with these assumptions.
pub fn options_table(case: &Case, inputs: &OptionInputs) -> Result<OptionsTable, FieldError> {
    let money = |value| format_money(value, &case.currency);
    let comparison = compare(case.claim, inputs, money)?;
    Ok(OptionsTable {
        rows: comparison
            .options
            .into_iter()
            .map(|option| OptionRow {
                id: option.id,
                label: option.label,
                value: money(option.value),
                value_plain: plain(option.value),
                working: option.working,
            })
            .collect(),
        conclusion: format!(
            "Walk-away floor (the best option without a settlement): {}. A lump sum beats the agency up to a discount of {}%.",
            money(comparison.walk_away_floor),
            comparison.break_even_discount
        ),
    })
}

/// One row of a drawn schedule.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ScheduleRow {
    /// 1, 2, 3…
    pub number: u32,
    /// Due date, ISO, for `data-date`.
    pub date_iso: String,
    /// Due date, for people.
    pub date: String,
    /// Amount, for people.
    pub amount: String,
    /// Amount, plain, for `data-amount`.
    pub amount_plain: String,
}

/// A schedule drawn from the plan form: the instalments and their rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DrawnSchedule {
    /// The instalments, for saving the plan and the calendar.
    pub instalments: Vec<Instalment>,
    /// The rows the table shows.
    pub rows: Vec<ScheduleRow>,
}

/// Draws the schedule the form describes, in `currency`; the error names the form's field.
pub fn draw_schedule(form: &PlanForm, currency: &Currency) -> Result<DrawnSchedule, FieldError> {
    let instalments = schedule(&form.parse()?)?;
    let rows = instalments
        .iter()
        .map(|instalment| ScheduleRow {
            number: instalment.number,
            date_iso: instalment.date.to_string(),
            date: format_date(instalment.date),
            amount: format_money(instalment.amount, currency),
            amount_plain: plain(instalment.amount),
        })
        .collect();
    Ok(DrawnSchedule { instalments, rows })
}

/// A calendar file to download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarFile {
    /// The file's name.
    pub name: String,
    /// Its text.
    pub text: String,
}

/// The calendar of a drawn schedule: one event per instalment. `now` is the creation time in
/// UTC as RFC 3339 (`2026-11-23T09:00:00Z`), as the browser's clock gives it.
pub fn plan_calendar(
    planner: &Planner,
    currency: &Currency,
    drawn: &DrawnSchedule,
    now: &str,
) -> Result<CalendarFile, FieldError> {
    let labelled: Vec<(Instalment, String)> = drawn
        .instalments
        .iter()
        .map(|instalment| {
            (
                instalment.clone(),
                format_money(instalment.amount, currency),
            )
        })
        .collect();
    let text = calendar(
        &format!("plan-{}", planner.client_id),
        &format!("{} settlement", planner.client_name),
        &labelled,
        &stamp(now),
    )?;
    Ok(CalendarFile {
        name: format!("settlement-{}.ics", planner.client_id),
        text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ids::Sequential;
    use crate::core::settlement::options::Defaults;
    use crate::core::views::clients::tests::{books_with, day};
    use std::sync::Arc;

    fn gbp() -> Currency {
        Currency::parse("GBP").unwrap()
    }

    /// On 16 Mar 2026 INV-001 (£1,200.00 due 14 Feb at a contract rate of 8% a year, £200.00
    /// paid on 1 Mar) owes £1,000.00 and £7.24 interest (15 Feb–1 Mar on £1,200: 1,200 × 8% ×
    /// 15 / 365 = £3.95; 2–16 Mar on £1,000: 1,000 × 8% × 15 / 365 = £3.29), no compensation
    /// under a contract rate: a claim of £1,007.24. I2 (£300.00) is due on 30 Apr.
    #[test]
    fn the_case_leaves_out_invoices_not_yet_due_until_the_person_includes_them() {
        let books = books_with(&[("i2", "300", "GBP", "2026-04-30")]);
        let today = day("2026-03-16");
        let page = planner(&books, "c1", None, &Exclusions::none(), today).unwrap();
        assert_eq!(page.currencies, [gbp()]);
        assert_eq!(
            page.rows,
            [
                CaseRow {
                    invoice_id: "i1".into(),
                    number: "INV-001".into(),
                    included: true,
                    include_label: "Include invoice INV-001".into(),
                    due_note: String::new(),
                    outstanding: "£1,000.00".into(),
                    interest: "£7.24".into(),
                    compensation: "£0.00".into(),
                },
                CaseRow {
                    invoice_id: "i2".into(),
                    number: "I2".into(),
                    included: false,
                    include_label: "Include invoice I2".into(),
                    due_note: "Not yet due (due 30 Apr 2026)".into(),
                    outstanding: "£300.00".into(),
                    interest: "£0.00".into(),
                    compensation: "£0.00".into(),
                },
            ]
        );
        assert_eq!(
            page.figures,
            CaseFigures {
                principal: "£1,000.00".into(),
                interest: "£7.24".into(),
                compensation: "£0.00".into(),
                claim: "£1,007.24".into(),
                claim_plain: "1007.24".into(),
                age_note: "Age of the debt (from the ledger): the oldest included invoice is 30 days overdue.".into(),
            }
        );
        let mut exclusions = Exclusions::none();
        exclusions.choose("i2", true);
        let with_both = planner(&books, "c1", None, &exclusions, today).unwrap();
        assert_eq!(with_both.figures.claim, "£1,307.24");
        assert_eq!(with_both.case.unwrap().included_ids(), ["i1", "i2"]);
    }

    #[test]
    fn excluding_every_invoice_claims_nothing() {
        let books = books_with(&[]);
        let mut exclusions = Exclusions::none();
        exclusions.choose("i1", false);
        let page = planner(&books, "c1", None, &exclusions, day("2026-03-16")).unwrap();
        let case = page.case.unwrap();
        assert_eq!(
            (
                case.principal,
                case.interest,
                case.compensation,
                case.claim,
                case.oldest_days
            ),
            (
                Decimal::ZERO,
                Decimal::ZERO,
                Decimal::ZERO,
                Decimal::ZERO,
                0
            )
        );
        assert_eq!(page.figures.claim, "£0.00");
        assert_eq!(page.rows.len(), 1, "the invoice is still listed, unticked");
        assert_eq!(
            page.figures.age_note,
            "No invoice is included, so there is nothing to claim. Tick the invoices to settle."
        );
    }

    #[test]
    fn the_first_open_currency_is_chosen_unless_another_open_one_is_asked_for() {
        let books = books_with(&[("i2", "250", "EUR", "2026-03-01")]);
        let today = day("2026-03-16");
        let eur = Currency::parse("EUR").unwrap();
        let first = planner(&books, "c1", None, &Exclusions::none(), today).unwrap();
        assert_eq!(first.currencies, [eur.clone(), gbp()]);
        // €250.00 due 1 Mar at 8%: 2–16 Mar, 250 × 8% × 15 / 365 = €0.82.
        assert_eq!(first.figures.claim, "€250.82");
        let asked = planner(&books, "c1", Some(&gbp()), &Exclusions::none(), today).unwrap();
        assert_eq!(asked.figures.claim, "£1,007.24");
        let usd = Currency::parse("USD").unwrap();
        let not_open = planner(&books, "c1", Some(&usd), &Exclusions::none(), today).unwrap();
        assert_eq!(not_open.case.unwrap().currency, eur);
        let nothing = planner(&books, "c2", None, &Exclusions::none(), today).unwrap();
        assert!(nothing.case.is_none() && nothing.rows.is_empty());
        assert!(planner(&books, "nobody", None, &Exclusions::none(), today).is_none());
    }

    #[test]
    fn a_new_prep_sheet_aims_for_full_payment_now() {
        let books = books_with(&[]);
        let page = planner(&books, "c1", None, &Exclusions::none(), day("2026-03-16")).unwrap();
        assert_eq!(
            page.prep_sheet,
            PrepSheet {
                client_id: "c1".into(),
                goal: "Full payment now".into(),
                floor: String::new(),
                alternatives: String::new(),
                notes: String::new(),
            }
        );
        assert_eq!(
            goal_options(),
            [
                (
                    "Full payment now".to_string(),
                    "Full payment now".to_string()
                ),
                (
                    "Full payment in instalments".into(),
                    "Full payment in instalments".into()
                ),
                (
                    "A discounted lump sum".into(),
                    "A discounted lump sum".into()
                ),
            ]
        );
    }

    #[test]
    fn the_proposed_plan_is_the_claim_in_six_monthly_instalments_from_two_weeks_on() {
        let books = books_with(&[]);
        let page = planner(&books, "c1", None, &Exclusions::none(), day("2026-03-16")).unwrap();
        assert_eq!(
            page.plan_defaults,
            PlanForm {
                total: "1007.24".into(),
                down_payment: String::new(),
                count: "6".into(),
                frequency: "monthly".into(),
                first_date: "2026-03-30".into(),
            }
        );
        let drawn = draw_schedule(&page.plan_defaults, &gbp()).unwrap();
        let rows: Vec<(&str, &str)> = drawn
            .rows
            .iter()
            .map(|row| (row.date_iso.as_str(), row.amount_plain.as_str()))
            .collect();
        // 1,007.24 ÷ 6 = 167.87, rounded down; the last takes 1,007.24 − 5 × 167.87 = 167.89.
        assert_eq!(
            rows,
            [
                ("2026-03-30", "167.87"),
                ("2026-04-30", "167.87"),
                ("2026-05-30", "167.87"),
                ("2026-06-30", "167.87"),
                ("2026-07-30", "167.87"),
                ("2026-08-30", "167.89"),
            ]
        );
        let bad = PlanForm {
            count: "0".into(),
            ..page.plan_defaults.clone()
        };
        assert_eq!(
            draw_schedule(&bad, &gbp()).unwrap_err().field_name(),
            Some("count")
        );
        let file = plan_calendar(&page, &gbp(), &drawn, "2026-03-16T12:00:00.000Z").unwrap();
        assert_eq!(file.name, "settlement-c1.ics");
        assert_eq!(file.text.matches("BEGIN:VEVENT").count(), 6);
        assert!(file.text.contains("DTSTAMP:20260316T120000Z\r\n"));
    }

    #[test]
    fn edited_assumptions_survive_a_new_case_and_the_rest_follow_it() {
        let (old_defaults, _) = Defaults::for_age(Decimal::from(1000), 30);
        let mut edits = EditedAssumptions::default();
        edits
            .edit(&old_defaults, OptionField::AgencyCommission, "30")
            .unwrap();
        let refused = edits
            .edit(&old_defaults, OptionField::AgencyProbability, "1.5")
            .unwrap_err();
        assert!(refused.field_name().is_some());
        let (new_defaults, _) = Defaults::for_age(Decimal::from(4000), 200);
        let inputs = edits.over(&new_defaults);
        assert_eq!(inputs.agency_commission, Decimal::from(30));
        assert_eq!(inputs.agency_probability, new_defaults.agency_probability);
        assert_eq!(inputs.plan_total, Decimal::from(4000));
        assert!(!edits.is_empty() && EditedAssumptions::default().is_empty());
    }

    #[test]
    fn the_options_table_formats_each_expected_recovery() {
        let books = books_with(&[]);
        let page = planner(&books, "c1", None, &Exclusions::none(), day("2026-03-16")).unwrap();
        let case = page.case.unwrap();
        let (defaults, _) = Defaults::for_age(case.claim, case.oldest_days);
        let table = options_table(&case, &defaults).unwrap();
        let ids: Vec<&str> = table.rows.iter().map(|row| row.id).collect();
        assert_eq!(
            ids,
            ["lump-sum", "instalments", "agency", "court", "write-off"]
        );
        assert_eq!(
            (
                table.rows[4].value.as_str(),
                table.rows[4].value_plain.as_str()
            ),
            ("£0.00", "0.00")
        );
        assert!(table
            .conclusion
            .starts_with("Walk-away floor (the best option without a settlement): £"));
    }

    #[test]
    fn a_plan_shows_active_until_paid_up_and_completed_after() {
        let books = books_with(&[]);
        let today = day("2026-03-16");
        let page = planner(&books, "c1", None, &Exclusions::none(), today).unwrap();
        let case = page.case.unwrap();
        let form = PlanForm {
            total: "1000.00".into(),
            count: "1".into(),
            ..page.plan_defaults
        };
        let drawn = draw_schedule(&form, &gbp()).unwrap();
        let plan = Plan::accept(&case, drawn.instalments, today).unwrap();
        let mut ledger = books.ledger().as_ref().clone();
        let mut ids = Sequential::default();
        ledger.accept_plan(plan, &mut ids).unwrap();
        let accepted = Books::new(Arc::new(ledger.clone()));
        let card = &planner(&accepted, "c1", None, &Exclusions::none(), today)
            .unwrap()
            .plans[0];
        assert_eq!(
            (
                card.heading.as_str(),
                card.status,
                card.tone,
                card.received.as_str(),
            ),
            (
                "£1,000.00 agreed on 16 Mar 2026",
                "active",
                Tone::Waiting,
                "Received £0.00 of £1,000.00",
            )
        );
        assert_eq!(
            card.instalments,
            [InstalmentRow {
                number: 1,
                date_iso: "2026-03-30".into(),
                date: "30 Mar 2026".into(),
                amount: "£1,000.00".into(),
                paid: "£0.00".into(),
                state: "due",
                tone: Tone::Waiting,
            }]
        );
        let mut payment = ledger.payments[0].clone();
        payment.id = String::new();
        payment.date = day("2026-03-20");
        payment.amount = crate::core::money::Amount::new(Decimal::from(1000)).unwrap();
        ledger.save_payment(payment, false, &mut ids).unwrap();
        let later = day("2026-03-21");
        assert_eq!(ledger.complete_paid_plans(later, &mut ids), Ok(1));
        let completed = Books::new(Arc::new(ledger));
        let card = &planner(&completed, "c1", None, &Exclusions::none(), later)
            .unwrap()
            .plans[0];
        assert_eq!((card.status, card.tone), ("completed", Tone::Good));
        assert_eq!(
            completed.activities_of("c1")[0].summary,
            "Settlement plan completed: £1,000.00 received in 1 payment"
        );
    }

    #[test]
    fn advice_counts_the_age_of_the_case_as_a_reason() {
        let answers = Signals {
            hardship: true,
            ..Signals::default()
        };
        assert_eq!(
            settle_advice(answers, 120),
            AdviceView {
                label: "Negotiate a settlement",
                reasons: vec![
                    "The client is in hardship: a plan they can afford recovers more.".into(),
                    "The debt is 120 days overdue; older debts are harder to collect in full."
                        .into(),
                ],
            }
        );
        assert_eq!(settle_advice(answers, 30).label, "Keep escalating");
    }
}
