//! Tells other tabs of this app that a save happened, and hears them.
//!
//! A save is announced on a `BroadcastChannel` and as a tiny revision pointer in
//! localStorage (whose `storage` event reaches older browsers); either may be missing.

use super::REVISION_KEY;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The channel name.
const CHANNEL: &str = "overdue.saves";

fn channel() -> Option<web_sys::BroadcastChannel> {
    web_sys::BroadcastChannel::new(CHANNEL).ok()
}

/// Tells other tabs that revision `revision` was stored.
pub fn announce(revision: u64) {
    let text = revision.to_string();
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        if storage.get_item(REVISION_KEY).ok().flatten().as_deref() != Some(text.as_str()) {
            let _ = storage.set_item(REVISION_KEY, &text);
        }
    }
    if let Some(channel) = channel() {
        let _ = channel.post_message(&text.into());
        channel.close();
    }
}

/// Calls `f` whenever another tab announces a save.
pub fn on_announce(f: impl Fn() + 'static) {
    let f = std::rc::Rc::new(f);
    let heard = std::rc::Rc::clone(&f);
    let on_storage =
        Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |event: web_sys::StorageEvent| {
            if event.key().as_deref() == Some(REVISION_KEY) {
                heard();
            }
        });
    if let Some(window) = web_sys::window() {
        let _ =
            window.add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
    }
    on_storage.forget();
    if let Some(channel) = channel() {
        let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |_| f());
        channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        std::mem::forget(channel);
    }
}
