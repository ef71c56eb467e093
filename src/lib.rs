//! Overdue: local-first collections for freelancers and small businesses.
//!
//! `core` is the pure domain, `store` the only code that touches browser storage,
//! and `ui` the Leptos shell (compiled for the browser only).

pub mod core;
pub mod store;
#[cfg(target_arch = "wasm32")]
pub mod ui;
