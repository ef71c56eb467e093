//! An open edit form against its stored record: what happens to the typed draft when the record
//! changes underneath it (a payment or write-off on the same page, a save in another tab).
//!
//! Nothing typed is ever thrown away without the person choosing it. A change the draft can
//! follow without losing a keystroke is followed silently; any other change is reported, and
//! the person keeps their edits or loads the latest record.

use crate::core::forms::{ClientForm, InvoiceForm};

/// A form that edits one stored record.
pub trait EditForm: Clone + PartialEq {
    /// What the record is called in messages, such as "invoice".
    const RECORD: &'static str;

    /// Copies onto this draft the fields the form keeps from the record without showing them
    /// (a dispute, a write-off, where an import came from), so a save never brings back a
    /// stale copy.
    fn take_hidden(&mut self, latest: &Self);

    /// "Keep my edits" field by field: what the person changed since `opened` stays as
    /// typed, every field they left alone takes its value from `latest` (hidden ones too).
    fn merge(opened: &Self, typed: &Self, latest: &Self) -> Self;

    /// This draft with the hidden fields of `latest`.
    fn with_hidden(&self, latest: &Self) -> Self {
        let mut draft = self.clone();
        draft.take_hidden(latest);
        draft
    }
}

/// Each listed field of `typed` that differs from `opened`, over a copy of `latest`.
macro_rules! merged {
    ($opened:ident, $typed:ident, $latest:ident; $($field:ident),+) => {{
        let mut merged = $latest.clone();
        $(if $typed.$field != $opened.$field {
            merged.$field.clone_from(&$typed.$field);
        })+
        merged
    }};
}

impl EditForm for InvoiceForm {
    const RECORD: &'static str = "invoice";

    fn merge(opened: &Self, typed: &Self, latest: &Self) -> Self {
        merged!(opened, typed, latest; client_id, number, issue_date, due_date, amount,
            currency, description, interest_rule, annual_rate, flat_fee)
    }

    fn take_hidden(&mut self, latest: &InvoiceForm) {
        self.disputed = latest.disputed;
        self.write_off.clone_from(&latest.write_off);
        self.source.clone_from(&latest.source);
    }
}

impl EditForm for ClientForm {
    const RECORD: &'static str = "client";

    fn merge(opened: &Self, typed: &Self, latest: &Self) -> Self {
        merged!(opened, typed, latest; name, contact, email, address, notes, consumer)
    }

    fn take_hidden(&mut self, latest: &ClientForm) {
        self.sample = latest.sample;
        self.source.clone_from(&latest.source);
    }
}

/// Where an open form stands against its stored record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftState<F> {
    /// The record is as it was when the form opened: nothing to say.
    Current,
    /// The record changed, and the form can follow it without losing anything typed: it
    /// starts from `opened` now and shows `typed`.
    Follow {
        /// The record as it is now.
        opened: F,
        /// The draft on top of it.
        typed: F,
    },
    /// The record changed in a way that meets what was typed: the person chooses.
    Changed,
    /// The record was deleted since the form opened.
    Deleted,
}

/// Decides what an open form does, given the record as the form opened it, what is typed
/// now, and the record as it is stored now (`None` once deleted).
pub fn reconcile<F: EditForm>(opened: &F, typed: &F, latest: Option<&F>) -> DraftState<F> {
    let Some(latest) = latest else {
        return DraftState::Deleted;
    };
    let opened_now = opened.with_hidden(latest);
    let typed_now = typed.with_hidden(latest);
    if opened_now == *latest {
        if opened_now == *opened && typed_now == *typed {
            DraftState::Current
        } else {
            DraftState::Follow {
                opened: latest.clone(),
                typed: typed_now,
            }
        }
    } else if typed_now == opened_now || typed_now == *latest {
        DraftState::Follow {
            opened: latest.clone(),
            typed: latest.clone(),
        }
    } else {
        DraftState::Changed
    }
}

/// "Keep my edits": the form now starts from the latest record; the fields the person
/// changed keep what they typed and the others show the latest values. Returns (opened,
/// typed).
pub fn keep_mine<F: EditForm>(opened: &F, typed: &F, latest: &F) -> (F, F) {
    (latest.clone(), F::merge(opened, typed, latest))
}

/// "Load the latest": what was typed is replaced by the record as stored; returns (opened,
/// typed).
pub fn load_latest<F: EditForm>(latest: &F) -> (F, F) {
    (latest.clone(), latest.clone())
}

/// The sentence an open form shows for its state, or `None` when there is nothing to say.
pub fn notice<F: EditForm>(state: &DraftState<F>) -> Option<String> {
    let record = F::RECORD;
    match state {
        DraftState::Current | DraftState::Follow { .. } => None,
        DraftState::Changed => Some(format!(
            "This {record} changed since you opened it (on this page or in another tab). \
             Your edits are still here: keep them, or load the latest {record}."
        )),
        DraftState::Deleted => Some(format!(
            "This {record} was deleted since you opened it. Saving adds it again with what you typed."
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::WriteOff;
    use chrono::NaiveDate;

    fn invoice() -> InvoiceForm {
        InvoiceForm {
            id: "i1".into(),
            client_id: "c1".into(),
            number: "INV-001".into(),
            issue_date: "2026-01-15".into(),
            due_date: "2026-02-14".into(),
            amount: "1200.00".into(),
            currency: "GBP".into(),
            ..InvoiceForm::default()
        }
    }

    fn typed_description(form: &InvoiceForm, text: &str) -> InvoiceForm {
        InvoiceForm {
            description: text.into(),
            ..form.clone()
        }
    }

    fn written_off(form: &InvoiceForm) -> InvoiceForm {
        InvoiceForm {
            write_off: Some(WriteOff {
                date: NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
                reason: "bad debt".into(),
            }),
            ..form.clone()
        }
    }

    #[test]
    fn an_unchanged_record_leaves_the_draft_alone() {
        let opened = invoice();
        let typed = typed_description(&opened, "Website build");
        assert_eq!(
            reconcile(&opened, &typed, Some(&opened)),
            DraftState::Current
        );
    }

    #[test]
    fn a_change_to_a_field_the_form_does_not_show_is_followed_keeping_every_keystroke() {
        let opened = invoice();
        let typed = typed_description(&opened, "Website build");
        let latest = written_off(&opened);
        let DraftState::Follow {
            opened: now,
            typed: draft,
        } = reconcile(&opened, &typed, Some(&latest))
        else {
            panic!("expected the draft to follow the write-off");
        };
        assert_eq!(now, latest);
        assert_eq!(draft.description, "Website build");
        assert_eq!(
            draft.write_off, latest.write_off,
            "a save keeps the write-off"
        );
        assert_eq!(reconcile(&now, &draft, Some(&latest)), DraftState::Current);
    }

    #[test]
    fn a_dispute_opened_on_the_page_is_followed_and_kept_by_a_save() {
        let opened = invoice();
        let typed = typed_description(&opened, "Website build");
        let latest = InvoiceForm {
            disputed: true,
            ..opened.clone()
        };
        let DraftState::Follow { typed: draft, .. } = reconcile(&opened, &typed, Some(&latest))
        else {
            panic!("expected the draft to follow the dispute");
        };
        assert!(draft.disputed);
        assert_eq!(draft.description, "Website build");
    }

    #[test]
    fn an_untouched_form_follows_the_latest_record_silently() {
        let opened = invoice();
        let latest = typed_description(&opened, "Changed in another tab");
        assert_eq!(
            reconcile(&opened, &opened, Some(&latest)),
            DraftState::Follow {
                opened: latest.clone(),
                typed: latest
            }
        );
    }

    #[test]
    fn typing_what_the_other_tab_saved_is_no_conflict() {
        let opened = invoice();
        let latest = typed_description(&opened, "Same words");
        let typed = typed_description(&opened, "Same words");
        assert!(matches!(
            reconcile(&opened, &typed, Some(&latest)),
            DraftState::Follow { .. }
        ));
    }

    #[test]
    fn a_change_under_typed_edits_asks_and_keeps_the_draft() {
        let opened = invoice();
        let typed = typed_description(&opened, "Mine");
        let latest = InvoiceForm {
            amount: "900.00".into(),
            ..opened.clone()
        };
        let state = reconcile(&opened, &typed, Some(&latest));
        assert_eq!(state, DraftState::Changed);
        assert_eq!(
            notice(&state).unwrap(),
            "This invoice changed since you opened it (on this page or in another tab). \
             Your edits are still here: keep them, or load the latest invoice."
        );
    }

    #[test]
    fn keep_my_edits_keeps_the_typed_fields_and_takes_the_rest_from_the_latest_record() {
        let opened = invoice();
        let typed = InvoiceForm {
            description: "Mine".into(),
            due_date: "2026-03-01".into(),
            ..opened.clone()
        };
        let latest = written_off(&InvoiceForm {
            amount: "900.00".into(),
            due_date: "2026-02-28".into(),
            ..opened.clone()
        });
        let (now, draft) = keep_mine(&opened, &typed, &latest);
        assert_eq!(draft.description, "Mine");
        assert_eq!(
            draft.due_date, "2026-03-01",
            "a field both changed keeps what was typed"
        );
        assert_eq!(
            draft.amount, "900.00",
            "a field left alone shows the latest value"
        );
        assert_eq!(draft.write_off, latest.write_off);
        assert_eq!(reconcile(&now, &draft, Some(&latest)), DraftState::Current);
    }

    #[test]
    fn keep_my_edits_on_a_client_keeps_the_typed_notes_and_the_new_name() {
        let opened = ClientForm {
            id: "c1".into(),
            name: "Acme".into(),
            ..ClientForm::default()
        };
        let typed = ClientForm {
            notes: "Pays late".into(),
            ..opened.clone()
        };
        let latest = ClientForm {
            name: "Acme Ltd".into(),
            sample: true,
            ..opened.clone()
        };
        let (_, draft) = keep_mine(&opened, &typed, &latest);
        assert_eq!(
            (draft.name.as_str(), draft.notes.as_str(), draft.sample),
            ("Acme Ltd", "Pays late", true)
        );
    }

    #[test]
    fn load_the_latest_replaces_the_draft_with_the_stored_record() {
        let latest = typed_description(&invoice(), "Theirs");
        let (now, draft) = load_latest(&latest);
        assert_eq!((&now, &draft), (&latest, &latest));
        assert_eq!(reconcile(&now, &draft, Some(&latest)), DraftState::Current);
    }

    #[test]
    fn a_deleted_record_is_reported_and_the_draft_kept() {
        let client = ClientForm {
            id: "c1".into(),
            name: "Acme".into(),
            ..ClientForm::default()
        };
        let state = reconcile(&client, &client, None);
        assert_eq!(state, DraftState::Deleted);
        assert!(notice(&state)
            .unwrap()
            .starts_with("This client was deleted"));
    }

    #[test]
    fn a_client_form_follows_a_change_of_origin_and_asks_about_a_new_name() {
        let opened = ClientForm {
            id: "c1".into(),
            name: "Acme".into(),
            sample: true,
            ..ClientForm::default()
        };
        let typed = ClientForm {
            notes: "Pays late".into(),
            ..opened.clone()
        };
        let unmarked = ClientForm {
            sample: false,
            ..opened.clone()
        };
        assert!(matches!(
            reconcile(&opened, &typed, Some(&unmarked)),
            DraftState::Follow { typed: ClientForm { sample: false, ref notes, .. }, .. } if notes == "Pays late"
        ));
        let renamed = ClientForm {
            name: "Acme Ltd".into(),
            ..opened.clone()
        };
        assert_eq!(
            reconcile(&opened, &typed, Some(&renamed)),
            DraftState::Changed
        );
    }
}
