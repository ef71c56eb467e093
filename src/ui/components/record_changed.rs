//! The notice an open edit form shows when its record changed underneath it, with the choice
//! core's [`reconcile`] asks for; changes the draft can follow are followed silently.

use crate::core::drafts::{keep_mine, load_latest, notice, reconcile, DraftState, EditForm};
use leptos::prelude::*;

/// Watches `latest` for the form whose draft is `typed` and which opened on `opened`.
#[component]
pub fn RecordChanged<F: EditForm + Send + Sync + 'static>(
    /// The record as the form opened it (moved on when the person chooses).
    opened: RwSignal<F>,
    /// What is typed.
    typed: RwSignal<F>,
    /// The record as stored now, `None` once deleted.
    latest: Signal<Option<F>>,
) -> impl IntoView {
    let state = Memo::new(move |_| {
        opened.with(|opened| {
            typed.with(|typed| latest.with(|latest| reconcile(opened, typed, latest.as_ref())))
        })
    });
    Effect::new(move |_| {
        if let DraftState::Follow {
            opened: now,
            typed: draft,
        } = state.get()
        {
            opened.set(now);
            typed.set(draft);
        }
    });
    let choose = move |keep: bool| {
        let Some(latest) = latest.get_untracked() else {
            return;
        };
        let (now, draft) = if keep {
            opened.with_untracked(|opened| {
                typed.with_untracked(|typed| keep_mine(opened, typed, &latest))
            })
        } else {
            load_latest(&latest)
        };
        opened.set(now);
        typed.set(draft);
    };
    move || {
        let state = state.get();
        notice(&state).map(|text| view! {
            <p class="note changed" role="status" data-testid="record-changed">
                {text}
                {(state == DraftState::Changed).then(|| view! {
                    <span class="choices">
                        <button type="button" data-testid="keep-my-edits" on:click=move |_| choose(true)>"Keep my edits"</button>
                        <button type="button" data-testid="load-latest" on:click=move |_| choose(false)>"Load the latest"</button>
                    </span>
                })}
            </p>
        })
    }
}
