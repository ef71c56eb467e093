//! Steps 2 to 4 of an import: the recognised layout, the reading options and the column
//! mapping with sample values.

use super::Importer;
use crate::core::currency::Currency;
use crate::core::views::import::{LayoutView, MappingRow, OptionSelect, SettingsView};
use leptos::prelude::*;

/// Step 2: which tool wrote the file, why that was recognised, and how it was read.
#[component]
pub fn LayoutCard(importer: Importer) -> impl IntoView {
    let layout = importer.part(|view| Some(view.layout.clone()));
    let shown = move |read: fn(&LayoutView) -> String| {
        layout.with(|layout| layout.as_ref().map(read).unwrap_or_default())
    };
    view! {
        <section class="card import-step" aria-labelledby="import-layout-heading">
            <h2 id="import-layout-heading">"2. What the file is"</h2>
            <p class="layout-name" data-testid="csv-profile"
                data-value=move || shown(|layout| layout.id.to_string())>
                {move || shown(|layout| layout.name.to_string())}
            </p>
            <p>{move || shown(|layout| layout.reason.clone())}</p>
            <p class="hint">{move || shown(|layout| layout.reading.clone())}</p>
        </section>
    }
}

/// Step 3: the options that decide how values are read, each with how it was decided.
#[component]
pub fn OptionsCard(importer: Importer) -> impl IntoView {
    let settings = importer.part(|view| Some(view.settings.clone()));
    let read = move |part: fn(&SettingsView) -> String| {
        settings.with(|settings| settings.as_ref().map(part).unwrap_or_default())
    };
    let payment_date_error = importer.error_on("payment_date");
    let set_payment_date = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        let mut refusal = None;
        importer.choose(|choices, _| refusal = choices.set_payment_date(&text).err());
        importer.draft.error.set(refusal);
    };
    view! {
        <section class="card import-step import-options" aria-labelledby="import-options-heading">
            <h2 id="import-options-heading">"3. How values are read"</h2>
            <OptionField id="csv-date-order" label="Date order"
                select=Signal::derive(move || settings.with(|s| s.as_ref().map(|s| s.date_order.clone())))
                on_pick=move |id: String| importer.choose(|choices, _| choices.set_date_order(&id)) />
            <OptionField id="csv-decimal" label="Decimal separator"
                select=Signal::derive(move || settings.with(|s| s.as_ref().map(|s| s.decimal.clone())))
                on_pick=move |symbol: String| importer.choose(|choices, _| choices.set_decimal(&symbol)) />
            <div class="field">
                <label for="csv-currency">"Currency"</label>
                <select id="csv-currency" data-testid="csv-currency" aria-describedby="csv-currency-hint"
                    on:change=move |ev| {
                        let code = event_target_value(&ev);
                        importer.choose(|choices, _| choices.set_currency(&code));
                    }>
                    {Currency::all().map(|code| view! {
                        <option value=code selected=move || read(|s| s.currency.clone()) == code>{code}</option>
                    }).collect_view()}
                </select>
                <p class="hint" id="csv-currency-hint">{move || read(|s| s.currency_note.clone())}</p>
            </div>
            <div class="field" class:invalid=move || payment_date_error.get().is_some()>
                <label for="csv-payment-date">"Date of undated payments"</label>
                <input id="csv-payment-date" type="date" data-testid="csv-payment-date"
                    aria-describedby="csv-payment-date-hint csv-payment-date-error"
                    prop:value=move || read(|s| s.payment_date.clone())
                    on:change=set_payment_date />
                <p class="hint" id="csv-payment-date-hint">{move || read(|s| s.payment_date_note.clone())}</p>
                <p class="error" id="csv-payment-date-error" role="status">{move || payment_date_error.get()}</p>
            </div>
        </section>
    }
}

/// One select of the options card, with the note on how its value was decided.
#[component]
fn OptionField(
    id: &'static str,
    label: &'static str,
    select: Signal<Option<OptionSelect>>,
    on_pick: impl Fn(String) + 'static,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let choices = select.with_untracked(|select| {
        select
            .as_ref()
            .map(|select| select.choices.clone())
            .unwrap_or_default()
    });
    let current = move || select.with(|select| select.as_ref().map(|s| s.value.clone()));
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id data-testid=id aria-describedby=hint_id.clone()
                on:change=move |ev| on_pick(event_target_value(&ev))>
                {choices.into_iter().map(|(value, text)| {
                    let option_value = value.clone();
                    view! { <option value=value selected=move || current().as_deref() == Some(option_value.as_str())>{text}</option> }
                }).collect_view()}
            </select>
            <p class="hint" id=hint_id>{move || select.with(|s| s.as_ref().map(|s| s.note.clone()))}</p>
        </div>
    }
}

/// Step 4: for each field, the column that fills it and a few of its values.
#[component]
pub fn MappingCard(importer: Importer) -> impl IntoView {
    let rows = importer.part(|view| view.mapping.clone());
    let headers = importer.part(|view| view.headers.clone());
    view! {
        <section class="card import-step" aria-labelledby="import-mapping-heading">
            <h2 id="import-mapping-heading">"4. Which column is which"</h2>
            <p class="hint">"Change a column if the guess is wrong. Fields marked * are needed; the others are worked out when the file has no such column."</p>
            <div class="table-wrap">
                <table class="import-mapping">
                    <thead>
                        <tr>
                            <th scope="col">"Field"</th>
                            <th scope="col">"Column in the file"</th>
                            <th scope="col">"Values in that column"</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || rows.get() key=|row| row.clone() let:row>
                            <MappingLine row headers importer />
                        </For>
                    </tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
fn MappingLine(row: MappingRow, headers: Memo<Vec<String>>, importer: Importer) -> impl IntoView {
    let field = row.field;
    let select_id = format!("csv-map-{}", field.id());
    let chosen = row.header.clone();
    let options = headers.get_untracked().into_iter().map(|header| {
        let selected = header == chosen;
        let value = header.clone();
        view! { <option value=value selected=selected>{header}</option> }
    });
    view! {
        <tr class:unmapped=row.header.is_empty()>
            <th scope="row">
                <label for=select_id.clone()>{row.label}{row.needed.then_some(view! { <span class="req" aria-hidden="true">" *"</span> })}</label>
            </th>
            <td>
                <select id=select_id data-testid="csv-map" data-field=field.id()
                    on:change=move |ev| {
                        let header = event_target_value(&ev);
                        importer.choose(|choices, file| choices.set_column(file, field, &header));
                    }>
                    <option value="" selected=row.header.is_empty()>"Not in the file"</option>
                    {options.collect_view()}
                </select>
            </td>
            <td class="samples">{row.samples}</td>
        </tr>
    }
}
