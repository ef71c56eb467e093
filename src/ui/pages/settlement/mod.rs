//! `/settlement/<client id>`: should we settle, for how much and how. One file per section of
//! the page, in the order it shows them: the case (`case`), should we settle (`advice`), the
//! options compared (`options`), the payment schedule (`planner`), the prep sheet (`prep`)
//! and the accepted plans (`plans`). This file gathers the signals they share.

mod advice;
mod case;
mod options;
mod planner;
mod plans;
mod prep;

use crate::core::currency::Currency;
use crate::core::ids::from_path_segment;
use crate::core::interest::InterestOptions;
use crate::core::settlement::Exclusions;
use crate::core::views::settlement::{planner, Planner};
use crate::ui::browser::today;
use crate::ui::components::paid_late::PaidLateCheckbox;
use crate::ui::state::use_app;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The planner page.
#[component]
pub fn SettlementPage() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let client_id = Memo::new(move |_| {
        params.with(|params| from_path_segment(&params.get("id").unwrap_or_default()))
    });
    let currency = RwSignal::new(None::<Currency>);
    let exclusions = RwSignal::new(Exclusions::none());
    let include_paid_late = RwSignal::new(false);
    let page = Memo::new(move |_| {
        app.ledger.with(|books| {
            planner(
                books,
                &client_id.get(),
                currency.get().as_ref(),
                &exclusions.get(),
                InterestOptions {
                    include_paid_late: include_paid_late.get(),
                    ..InterestOptions::default()
                },
                today(),
            )
        })
    });
    view! {
        <Show when=move || page.with(Option::is_some) fallback=|| view! {
            <h1>"Client not found"</h1>
            <p>"There is no such client. " <a href="/clients">"See all clients"</a> "."</p>
        }>
            <Sections planner=Memo::new(move |_| page.get().unwrap_or_default()) currency exclusions include_paid_late />
        </Show>
    }
}

#[component]
fn Sections(
    planner: Memo<Planner>,
    currency: RwSignal<Option<Currency>>,
    exclusions: RwSignal<Exclusions>,
    include_paid_late: RwSignal<bool>,
) -> impl IntoView {
    let name = move || planner.with(|page| page.client_name.clone());
    let the_case = Memo::new(move |_| planner.with(|page| page.case.clone().unwrap_or_default()));
    view! {
        <p class="crumbs">
            <a href="/clients">"Clients"</a> " / "
            <a href=move || planner.with(|page| page.client_href.clone())>{name}</a>
        </p>
        <h1>"Settlement planner: " {name}</h1>
        <PaidLateCheckbox option=Signal::derive(move || planner.with(|page| page.paid_late.clone())) checked=include_paid_late />
        <Show when=move || planner.with(|page| page.case.is_some()) fallback=|| view! {
            <div class="empty"><h2>"Nothing is owed"</h2><p>"This client has no open invoices, so there is nothing to settle."</p></div>
        }>
            <case::CaseSection planner currency exclusions />
            <advice::ShouldWeSettle the_case />
            <options::OptionsCompared the_case />
            <planner::SchedulePlanner planner the_case />
            <prep::PrepSheetForm planner />
        </Show>
        <plans::AcceptedPlans planner />
    }
}
