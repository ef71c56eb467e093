//! The escalation ladder: the letters in order, and the rule that recommends the next one.
//!
//! | step                | sent from (days overdue) | wait after it before the next |
//! |---------------------|--------------------------|-------------------------------|
//! | reminder-before-due | −7 to 0 (due within a week) | —                          |
//! | reminder-overdue    | 1                        | 7 days                        |
//! | follow-up           | 15                       | 7 days                        |
//! | final-notice        | 30                       | 7 days (its deadline)         |
//! | demand-letter       | 45                       | 14 days (its deadline)        |
//! | settlement-offer    | 60                       | 14 days (nothing follows it)  |
//!
//! The rule never skips a step, because each letter tells the client what comes next: the
//! next step is the one after the last escalation letter sent, once its day has come and the
//! previous letter's wait is over.
//!
//! What the client said comes first, in this order:
//! - a pause (of the invoice or the whole client) holds every letter until the day it ends;
//! - an open dispute covering everything still owed holds escalation until it is resolved (a
//!   dispute of part of the invoice does not: the undisputed part is chased as usual, and only
//!   the disputed part waits for the dispute);
//! - a pending promise to pay holds escalation until the promised date plus the grace period;
//!   a broken one does not hold anything.

use crate::core::dates::add_days;
use chrono::NaiveDate;

/// One rung of the ladder; the id is also the letter template's id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LadderStep {
    /// A friendly note before the due date.
    ReminderBeforeDue,
    /// The first reminder after the due date.
    ReminderOverdue,
    /// A follow-up offering help and an instalment option.
    FollowUp,
    /// The last letter before formal steps, stating the consequences.
    FinalNotice,
    /// A formal letter before action.
    DemandLetter,
    /// A settlement proposal.
    SettlementOffer,
    /// The written settlement agreement.
    SettlementAgreement,
    /// Thanks for a payment.
    PaymentThanks,
}

/// The steps that escalate an overdue debt, with the day each may be sent and the wait after it.
const ESCALATION: [(LadderStep, i64, i64); 5] = [
    (LadderStep::ReminderOverdue, 1, 7),
    (LadderStep::FollowUp, 15, 7),
    (LadderStep::FinalNotice, 30, 7),
    (LadderStep::DemandLetter, 45, 14),
    (LadderStep::SettlementOffer, 60, 14),
];

impl LadderStep {
    /// Every step, in ladder order.
    pub const ALL: [LadderStep; 8] = [
        LadderStep::ReminderBeforeDue,
        LadderStep::ReminderOverdue,
        LadderStep::FollowUp,
        LadderStep::FinalNotice,
        LadderStep::DemandLetter,
        LadderStep::SettlementOffer,
        LadderStep::SettlementAgreement,
        LadderStep::PaymentThanks,
    ];

    /// The stable id, such as `final-notice`.
    pub fn id(self) -> &'static str {
        match self {
            LadderStep::ReminderBeforeDue => "reminder-before-due",
            LadderStep::ReminderOverdue => "reminder-overdue",
            LadderStep::FollowUp => "follow-up",
            LadderStep::FinalNotice => "final-notice",
            LadderStep::DemandLetter => "demand-letter",
            LadderStep::SettlementOffer => "settlement-offer",
            LadderStep::SettlementAgreement => "settlement-agreement",
            LadderStep::PaymentThanks => "payment-thanks",
        }
    }

    /// Looks a step up by its id.
    pub fn from_id(id: &str) -> Option<LadderStep> {
        LadderStep::ALL.into_iter().find(|step| step.id() == id)
    }

    /// A name for people.
    pub fn label(self) -> &'static str {
        match self {
            LadderStep::ReminderBeforeDue => "Reminder before due date",
            LadderStep::ReminderOverdue => "Overdue reminder",
            LadderStep::FollowUp => "Follow-up",
            LadderStep::FinalNotice => "Final notice",
            LadderStep::DemandLetter => "Demand letter",
            LadderStep::SettlementOffer => "Settlement talk",
            LadderStep::SettlementAgreement => "Settlement agreement",
            LadderStep::PaymentThanks => "Thank-you for payment",
        }
    }
}

/// What to do next about one invoice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Advice {
    /// Send this step today.
    Send(LadderStep),
    /// Nothing to send before this date (the next step's day or the last letter's wait).
    WaitUntil(NaiveDate),
    /// The invoice is disputed: resolve the dispute before escalating.
    ResolveDispute,
    /// Chasing is paused until this day (the day it resumes).
    Paused(NaiveDate),
    /// The client promised to pay; wait until this day (the promised date plus the grace
    /// period) before chasing again.
    AwaitPromise(NaiveDate),
    /// Paid: say thank you.
    Thank,
    /// Nothing to do.
    Nothing,
}

/// The facts the ladder rule needs about one invoice.
#[derive(Debug, Clone, Copy)]
pub struct InvoiceFacts<'a> {
    /// The day the advice is for.
    pub as_of: NaiveDate,
    /// The due date.
    pub due_date: NaiveDate,
    /// Something is still owed on `as_of`.
    pub open: bool,
    /// An open dispute covers everything still owed (a partly disputed invoice is chased for
    /// its undisputed part, so this is false for it).
    pub disputed: bool,
    /// The day a pause of the invoice (or its client) ends, while one is active.
    pub paused_until: Option<NaiveDate>,
    /// The last day a pending promise to pay can still be kept, while one is pending.
    pub promised_until: Option<NaiveDate>,
    /// Some payment was received.
    pub any_payment: bool,
    /// Ladder letters already sent for the invoice, with their dates (on or before `as_of`).
    pub sent: &'a [(LadderStep, NaiveDate)],
}

/// The letter to offer first in the letter view for this advice: the step to send, thanks after
/// a payment, and otherwise (waiting, nothing to send, a dispute to resolve) the overdue
/// reminder, the mildest letter about an unpaid invoice.
pub fn recommended_letter(advice: Advice) -> LadderStep {
    match advice {
        Advice::Send(step) => step,
        Advice::Thank => LadderStep::PaymentThanks,
        Advice::WaitUntil(_)
        | Advice::ResolveDispute
        | Advice::Paused(_)
        | Advice::AwaitPromise(_)
        | Advice::Nothing => LadderStep::ReminderOverdue,
    }
}

/// Recommends the next step for an invoice (see the module docs).
pub fn advise(facts: &InvoiceFacts) -> Advice {
    let was_sent = |step: LadderStep| facts.sent.iter().any(|(s, _)| *s == step);
    if !facts.open {
        return if facts.any_payment && !was_sent(LadderStep::PaymentThanks) {
            Advice::Thank
        } else {
            Advice::Nothing
        };
    }
    if let Some(until) = facts.paused_until {
        return Advice::Paused(until);
    }
    if facts.disputed {
        return Advice::ResolveDispute;
    }
    if let Some(deadline) = facts.promised_until {
        return Advice::AwaitPromise(deadline);
    }
    let days_overdue = (facts.as_of - facts.due_date).num_days();
    let last = ESCALATION
        .iter()
        .enumerate()
        .filter_map(|(index, (step, _, _))| {
            let date = facts
                .sent
                .iter()
                .filter(|(s, _)| s == step)
                .map(|(_, d)| *d)
                .max()?;
            Some((index, date))
        })
        .max_by_key(|(index, _)| *index);
    if days_overdue <= 0 {
        if days_overdue >= -7 && last.is_none() && !was_sent(LadderStep::ReminderBeforeDue) {
            return Advice::Send(LadderStep::ReminderBeforeDue);
        }
        return Advice::WaitUntil(add_days(facts.due_date, 1));
    }
    let next_index = last.map_or(0, |(index, _)| index + 1);
    let Some((step, from_day, _)) = ESCALATION.get(next_index) else {
        return Advice::Nothing;
    };
    let mut ready_on = add_days(facts.due_date, *from_day);
    if let Some((index, sent_on)) = last {
        ready_on = ready_on.max(add_days(sent_on, ESCALATION[index].2));
    }
    if ready_on <= facts.as_of {
        Advice::Send(*step)
    } else {
        Advice::WaitUntil(ready_on)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(offset: i64) -> NaiveDate {
        add_days(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), offset)
    }

    fn advise_at(days_overdue: i64, sent: &[(LadderStep, i64)]) -> Advice {
        let sent: Vec<_> = sent.iter().map(|(s, d)| (*s, day(*d))).collect();
        advise(&InvoiceFacts {
            as_of: day(days_overdue),
            due_date: day(0),
            open: true,
            disputed: false,
            paused_until: None,
            promised_until: None,
            any_payment: false,
            sent: &sent,
        })
    }

    #[test]
    fn a_week_before_the_due_date_a_friendly_reminder_is_due() {
        assert_eq!(
            advise_at(-7, &[]),
            Advice::Send(LadderStep::ReminderBeforeDue)
        );
        assert_eq!(advise_at(-8, &[]), Advice::WaitUntil(day(1)));
        assert_eq!(
            advise_at(-3, &[(LadderStep::ReminderBeforeDue, -7)]),
            Advice::WaitUntil(day(1))
        );
    }

    #[test]
    fn one_day_late_the_overdue_reminder_is_due() {
        assert_eq!(advise_at(1, &[]), Advice::Send(LadderStep::ReminderOverdue));
    }

    #[test]
    fn each_step_waits_for_its_day_and_for_the_last_letters_wait() {
        let reminded = [(LadderStep::ReminderOverdue, 2)];
        assert_eq!(advise_at(8, &reminded), Advice::WaitUntil(day(15)));
        assert_eq!(advise_at(15, &reminded), Advice::Send(LadderStep::FollowUp));
        let late_reminder = [(LadderStep::ReminderOverdue, 14)];
        assert_eq!(advise_at(15, &late_reminder), Advice::WaitUntil(day(21)));
        let followed = [(LadderStep::ReminderOverdue, 2), (LadderStep::FollowUp, 16)];
        assert_eq!(
            advise_at(30, &followed),
            Advice::Send(LadderStep::FinalNotice)
        );
        let noticed = [(LadderStep::FinalNotice, 40)];
        assert_eq!(advise_at(46, &noticed), Advice::WaitUntil(day(47)));
        assert_eq!(
            advise_at(47, &noticed),
            Advice::Send(LadderStep::DemandLetter)
        );
        let demanded = [(LadderStep::DemandLetter, 50)];
        assert_eq!(advise_at(63, &demanded), Advice::WaitUntil(day(64)));
        assert_eq!(
            advise_at(64, &demanded),
            Advice::Send(LadderStep::SettlementOffer)
        );
        assert_eq!(
            advise_at(200, &[(LadderStep::SettlementOffer, 70)]),
            Advice::Nothing
        );
    }

    #[test]
    fn steps_are_never_skipped() {
        assert_eq!(
            advise_at(90, &[]),
            Advice::Send(LadderStep::ReminderOverdue)
        );
    }

    #[test]
    fn disputed_invoices_are_not_escalated_and_paid_ones_get_thanks_once() {
        let mut facts = InvoiceFacts {
            as_of: day(40),
            due_date: day(0),
            open: true,
            disputed: true,
            paused_until: None,
            promised_until: None,
            any_payment: false,
            sent: &[],
        };
        assert_eq!(advise(&facts), Advice::ResolveDispute);
        facts.open = false;
        facts.any_payment = true;
        assert_eq!(advise(&facts), Advice::Thank);
        let thanked = [(LadderStep::PaymentThanks, day(41))];
        facts.sent = &thanked;
        assert_eq!(advise(&facts), Advice::Nothing);
    }

    #[test]
    fn the_letter_view_offers_the_step_to_send_thanks_or_else_the_overdue_reminder() {
        assert_eq!(
            recommended_letter(Advice::Send(LadderStep::FinalNotice)),
            LadderStep::FinalNotice
        );
        assert_eq!(recommended_letter(Advice::Thank), LadderStep::PaymentThanks);
        for quiet in [
            Advice::WaitUntil(day(15)),
            Advice::ResolveDispute,
            Advice::Paused(day(20)),
            Advice::AwaitPromise(day(20)),
            Advice::Nothing,
        ] {
            assert_eq!(recommended_letter(quiet), LadderStep::ReminderOverdue);
        }
    }

    #[test]
    fn a_pause_holds_every_letter_even_for_a_disputed_or_promised_invoice_until_it_ends() {
        let mut facts = InvoiceFacts {
            as_of: day(40),
            due_date: day(0),
            open: true,
            disputed: true,
            paused_until: Some(day(45)),
            promised_until: Some(day(42)),
            any_payment: false,
            sent: &[],
        };
        assert_eq!(advise(&facts), Advice::Paused(day(45)));
        facts.paused_until = None;
        facts.disputed = false;
        facts.promised_until = None;
        assert_eq!(advise(&facts), Advice::Send(LadderStep::ReminderOverdue));
    }

    #[test]
    fn a_pending_promise_holds_escalation_but_an_open_dispute_comes_first() {
        let mut facts = InvoiceFacts {
            as_of: day(40),
            due_date: day(0),
            open: true,
            disputed: true,
            paused_until: None,
            promised_until: Some(day(43)),
            any_payment: false,
            sent: &[],
        };
        assert_eq!(advise(&facts), Advice::ResolveDispute);
        facts.disputed = false;
        assert_eq!(advise(&facts), Advice::AwaitPromise(day(43)));
        // Paid in full: thanks, whatever was promised.
        facts.open = false;
        facts.any_payment = true;
        assert_eq!(advise(&facts), Advice::Thank);
    }

    #[test]
    fn ids_round_trip() {
        for step in LadderStep::ALL {
            assert_eq!(LadderStep::from_id(step.id()), Some(step));
        }
    }
}
