//! Step 5 of an import: the counts, the paginated preview table and the problem list.

use super::Importer;
use crate::core::import::Action;
use crate::core::views::import::{FilterChoice, Pager, ProblemView, RowView};
use leptos::prelude::*;

/// The counts, the filters and one page of the preview table.
#[component]
pub fn PreviewCard(importer: Importer) -> impl IntoView {
    let counts = importer.part(|view| view.counts.clone());
    let summary = importer.part(|view| view.summary.clone());
    let filters = importer.part(|view| view.filters.clone());
    let rows = importer.part(|view| view.rows.clone());
    let pager = importer.part(|view| Some(view.rows_pager));
    let pick = move |filter: Option<Action>| {
        importer.choose(|choices, _| choices.set_filter(filter));
    };
    view! {
        <section class="card import-step" aria-labelledby="import-preview-heading">
            <h2 id="import-preview-heading">"5. What the import would do"</h2>
            <div class="figures import-counts" data-testid="csv-counts" data-summary=move || summary.get()>
                <For each=move || counts.get() key=|figure| (figure.label, figure.value) let:figure>
                    <div class="figure">
                        <span class="label">{figure.label}</span>
                        <span class="value" data-value=figure.value.to_string()>{figure.value}</span>
                    </div>
                </For>
            </div>
            <div class="import-filters" role="group" aria-label="Show rows">
                <For each=move || filters.get() key=|choice| (choice.label.clone(), choice.selected) let:choice>
                    <FilterButton choice pick />
                </For>
            </div>
            <div class="table-wrap">
                <table class="import-preview">
                    <caption class="sr-only">"Invoices in the file and what the import does with each"</caption>
                    <thead>
                        <tr>
                            <th scope="col" class="num">"Line"</th>
                            <th scope="col">"Number"</th>
                            <th scope="col">"Client"</th>
                            <th scope="col" class="num">"Amount"</th>
                            <th scope="col" class="num">"Balance after"</th>
                            <th scope="col">"Due"</th>
                            <th scope="col">"Import"</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || rows.get() key=|row| row.clone() let:row>
                            <PreviewLine row />
                        </For>
                    </tbody>
                </table>
            </div>
            <PagerNav pager noun="Rows" label="Preview pages"
                go=move |page| importer.choose(|choices, _| choices.rows_page = page) />
        </section>
    }
}

#[component]
fn FilterButton(choice: FilterChoice, pick: impl Fn(Option<Action>) + 'static) -> impl IntoView {
    let filter = choice.filter;
    view! {
        <button type="button" class="filter" aria-pressed=choice.selected.to_string()
            data-filter=filter.map_or("all", Action::id)
            on:click=move |_| pick(filter)>
            {choice.label}
        </button>
    }
}

#[component]
fn PreviewLine(row: RowView) -> impl IntoView {
    let details = (!row.details.is_empty()).then(|| {
        view! {
            <ul class="row-details">
                {row.details.into_iter().map(|detail| view! { <li>{detail}</li> }).collect_view()}
            </ul>
        }
    });
    let (number, client, due_iso) = (row.number.clone(), row.client.clone(), row.due_iso.clone());
    view! {
        <tr data-testid="csv-row" class=format!("action-{}", row.action)
            data-number=number data-client=client
            data-amount=row.amount_plain data-balance=row.balance_plain
            data-due=due_iso data-currency=row.currency
            data-action=row.action data-kind=row.kind data-line=row.line.to_string()>
            <td class="num muted line" data-label="Line">{row.line}</td>
            <td class="number">{row.number}</td>
            <td class="client">{row.client}</td>
            <td class="num" data-label="Amount">{row.amount}</td>
            <td class="num" data-label="Balance after">{row.balance}</td>
            <td class="due" data-label="Due"><time datetime=row.due_iso>{row.due}</time></td>
            <td class="action">
                <span class=format!("tag import-{}", row.action)>{row.action_label}</span>
                {details}
            </td>
        </tr>
    }
}

/// The problems and notes, by line, one page at a time.
#[component]
pub fn ProblemsCard(importer: Importer) -> impl IntoView {
    let heading = importer.part(|view| view.problems_heading.clone());
    let problems = importer.part(|view| view.problems.clone());
    let pager = importer.part(|view| Some(view.problems_pager));
    view! {
        <section class="card import-step" aria-labelledby="import-problems-heading">
            <h2 id="import-problems-heading">"Problems and notes"</h2>
            <p class="problems-heading" data-testid="csv-problems">{move || heading.get()}</p>
            <ul class="import-problems">
                <For each=move || problems.get() key=|problem| problem.clone() let:problem>
                    <ProblemLine problem />
                </For>
            </ul>
            <PagerNav pager noun="Problems" label="Problem pages"
                go=move |page| importer.choose(|choices, _| choices.problems_page = page) />
        </section>
    }
}

#[component]
fn ProblemLine(problem: ProblemView) -> impl IntoView {
    view! {
        <li data-testid="csv-problem" data-line=problem.line.to_string() data-severity=problem.severity
            class="problem">
            <span class=format!("tag import-{}", problem.severity)>{problem.severity_label}</span>
            <strong>{problem.place}</strong>
            <span>{problem.message}</span>
        </li>
    }
}

/// Previous and next buttons with where the list is; hidden when everything fits one page.
#[component]
fn PagerNav(
    pager: Memo<Option<Pager>>,
    noun: &'static str,
    label: &'static str,
    go: impl Fn(usize) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let now = move || pager.get().unwrap_or(Pager::new(0, 0, 1));
    let paged = move || now().pages > 1;
    view! {
        <Show when=paged>
            <nav class="pager" aria-label=label>
                <button type="button" disabled=move || !now().has_previous()
                    on:click=move |_| go(now().page.saturating_sub(1))>"← Previous"</button>
                <span role="status">{move || {
                    let at = now();
                    format!("{} · page {} of {}", at.label(noun), at.page + 1, at.pages)
                }}</span>
                <button type="button" disabled=move || !now().has_next()
                    on:click=move |_| go(now().page + 1)>"Next →"</button>
            </nav>
        </Show>
    }
}
