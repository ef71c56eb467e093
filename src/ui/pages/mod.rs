//! One module per route of CONTRACT.md §2.

mod client;
mod clients;
mod dashboard;
mod data;
mod import;
mod interest_panel;
mod invoice;
mod invoices;
mod letter;
mod placeholders;
mod settings;
mod settings_sections;
mod settlement;
mod templates;

pub use client::ClientPage;
pub use clients::ClientsPage;
pub use dashboard::Dashboard;
pub use data::DataPage;
pub use import::ImportPage;
pub use invoice::InvoicePage;
pub use invoices::InvoicesPage;
pub use placeholders::NotFound;
pub use settings::SettingsPage;
pub use settlement::SettlementPage;
pub use templates::TemplatesPage;
