//! "Update available — reload": offered when the service worker has a new version waiting.

use leptos::prelude::*;

/// "Update available — reload", when a new version of the app is waiting.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let ready = RwSignal::new(false);
    let listener = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || ready.set(true));
    if let Some(window) = web_sys::window() {
        use wasm_bindgen::JsCast;
        let _ = window.add_event_listener_with_callback(
            "overdue:update-ready",
            listener.as_ref().unchecked_ref(),
        );
    }
    listener.forget();
    let apply = move |_| {
        if let Some(window) = web_sys::window() {
            if let Ok(event) = web_sys::Event::new("overdue:apply-update") {
                let _ = window.dispatch_event(&event);
            }
        }
    };
    view! {
        <Show when=move || ready.get()>
            <div class="banner info" role="status">
                "Update available. Your work is saved; reload when you are ready. "
                <button on:click=apply>"Update available — reload"</button>
            </div>
        </Show>
    }
}
