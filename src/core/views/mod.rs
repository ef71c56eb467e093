//! View models: for each page, one function that returns exactly what the page shows.
//!
//! A page binds signals to these and renders; it makes no decision of its own. Each function
//! takes the [`Books`](crate::core::books::Books) (the ledger with its indexes), the page's
//! inputs (an id, a filter, a search text) and `today`, and returns display-ready data: rows
//! with their formatted figures and machine values for the `data-*` hooks, totals, flags,
//! labels and the recommended next step. Every view model is tested natively with a
//! written-out expectation; the end-to-end tests then only check the binding.
pub mod case;
pub mod client;
pub mod client_letter;
pub mod clients;
pub mod dashboard;
pub mod data;
pub mod import;
pub mod invoice;
pub mod invoices;
pub mod letter;
pub mod pack;
pub mod paid_late;
pub mod rows;
pub mod settings;
pub mod settlement;
pub mod templates;
pub mod timeline;
