//! Small bridges to the browser: today's date, the clock for stamps, downloads and file reads.

use crate::core::dates::from_ymd;
use chrono::NaiveDate;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

/// Today's date in the user's time zone.
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    from_ymd(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

/// The current time as RFC 3339 in UTC, for backup and save stamps.
pub fn now_stamp() -> String {
    let iso = String::from(js_sys::Date::new_0().to_iso_string());
    // `2026-11-22T10:00:00.000Z` → `2026-11-22T10:00:00Z`
    match iso.split_once('.') {
        Some((seconds, _)) => format!("{seconds}Z"),
        None => iso,
    }
}

fn fail(error: JsValue) -> String {
    format!("the download could not start ({error:?})")
}

fn blob_of(mime: &str, contents: &str) -> Result<web_sys::Blob, String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)
}

fn offer(file_name: &str, blob: &web_sys::Blob) -> Result<(), String> {
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(fail)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let anchor: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(fail)?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Offers `contents` to the user as a file download.
pub fn download(file_name: &str, mime: &str, contents: &str) -> Result<(), String> {
    offer(file_name, &blob_of(mime, contents)?)
}

/// Offers `contents` as a file download only after reading the file's bytes back and finding
/// them non-empty and equal to `contents`, byte for byte. Returns the number of bytes.
pub async fn download_verified(
    file_name: &str,
    mime: &str,
    contents: &str,
) -> Result<usize, String> {
    if contents.is_empty() {
        return Err("there is nothing to download: the stored data is empty".into());
    }
    let blob = blob_of(mime, contents)?;
    let bytes = wasm_bindgen_futures::JsFuture::from(blob.array_buffer())
        .await
        .map_err(fail)?;
    let bytes = js_sys::Uint8Array::new(&bytes).to_vec();
    if bytes != contents.as_bytes() {
        return Err("the file did not match the stored data, so it was not offered".into());
    }
    offer(file_name, &blob)?;
    Ok(bytes.len())
}

/// Waits `ms` milliseconds.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Reads the first file chosen in a file input as bytes, so that core can decide how it is
/// encoded.
pub async fn read_chosen_bytes(
    input: &web_sys::HtmlInputElement,
) -> Result<Option<Vec<u8>>, String> {
    let Some(file) = input.files().and_then(|files| files.get(0)) else {
        return Ok(None);
    };
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|error| format!("the file could not be read ({error:?})"))?;
    Ok(Some(js_sys::Uint8Array::new(&buffer).to_vec()))
}

/// Asks the user to confirm with the browser's dialog.
pub fn confirm(message: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(message).ok())
        .unwrap_or(false)
}

/// Copies text to the clipboard; false when the browser refuses.
pub fn copy_text(text: &str) -> bool {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return false;
    };
    let clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .unwrap_or(JsValue::UNDEFINED);
    let write = js_sys::Reflect::get(&clipboard, &JsValue::from_str("writeText"))
        .unwrap_or(JsValue::UNDEFINED);
    match write.dyn_ref::<js_sys::Function>() {
        Some(write) => write.call1(&clipboard, &JsValue::from_str(text)).is_ok(),
        None => false,
    }
}

/// The current time as an RFC 5322 date, for e-mail headers.
pub fn mail_date() -> String {
    String::from(js_sys::Date::new_0().to_utc_string())
}

/// Opens the browser's print dialog.
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

fn storage_manager() -> Option<JsValue> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::get(&navigator, &JsValue::from_str("storage"))
        .ok()
        .filter(|s| !s.is_undefined())
}

async fn call_storage(method: &str) -> Option<JsValue> {
    let manager = storage_manager()?;
    let function = js_sys::Reflect::get(&manager, &JsValue::from_str(method))
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let promise = function
        .call0(&manager)
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()?;
    wasm_bindgen_futures::JsFuture::from(promise).await.ok()
}

/// The browser's storage estimate for this origin: (bytes used, bytes allowed).
pub async fn storage_estimate() -> Option<(f64, f64)> {
    let estimate = call_storage("estimate").await?;
    let number = |key| {
        js_sys::Reflect::get(&estimate, &JsValue::from_str(key))
            .ok()?
            .as_f64()
    };
    Some((number("usage")?, number("quota")?))
}

/// Whether the browser has granted persistent storage (it will not evict our data).
pub async fn storage_persisted() -> Option<bool> {
    call_storage("persisted").await?.as_bool()
}

/// Asks the browser to keep this origin's data under storage pressure.
pub async fn request_persistence() -> Option<bool> {
    call_storage("persist").await?.as_bool()
}

/// 128 random bits from the browser's cryptographic generator, for record ids.
pub fn random_u128() -> u128 {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|crypto| crypto.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        // Without Web Crypto, fall back to Math.random in 32-bit pieces.
        for chunk in bytes.chunks_mut(4) {
            let piece = (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
            chunk.copy_from_slice(&piece.to_le_bytes());
        }
    }
    u128::from_le_bytes(bytes)
}

/// Runs `f` once the browser has painted the next frame.
pub fn after_paint(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return f();
    };
    let timer_window = window.clone();
    let after_frame = Closure::once_into_js(move || {
        let later = Closure::once_into_js(f);
        let _ = timer_window.set_timeout_with_callback(later.unchecked_ref());
    });
    if window
        .request_animation_frame(after_frame.unchecked_ref())
        .is_err()
    {
        let _ = window.set_timeout_with_callback(after_frame.unchecked_ref());
    }
}

/// Fires a plain `event` on the window, for the page's own scripts (such as
/// `sw-register.js`, which waits for `overdue:painted`).
pub fn dispatch(event: &str) {
    if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new(event)) {
        let _ = window.dispatch_event(&event);
    }
}

/// Calls `f` on every `event` of the window.
pub fn on_window(event: &str, f: impl Fn(web_sys::Event) + 'static) {
    let listener = Closure::<dyn Fn(web_sys::Event)>::new(f);
    if let Some(window) = web_sys::window() {
        let _ = window.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
    }
    listener.forget();
}
