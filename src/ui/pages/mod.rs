//! One module per route of CONTRACT.md §2.

mod client;
mod clients;
mod dashboard;
mod data;
mod interest_panel;
mod invoice;
mod invoices;
mod placeholders;
mod settings;
mod settings_sections;

pub use client::ClientPage;
pub use clients::ClientsPage;
pub use dashboard::Dashboard;
pub use data::DataPage;
pub use invoice::InvoicePage;
pub use invoices::InvoicesPage;
pub use placeholders::{NotFound, SettlementPage, TemplatesPage};
pub use settings::SettingsPage;
