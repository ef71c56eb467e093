//! The pages of the app's routes (listed in [`App`](crate::ui::App)), with the panels and
//! sections only one page uses.

mod client;
mod client_letter;
mod client_pause;
mod clients;
mod dashboard;
mod data;
mod import;
pub(crate) mod invoice;
mod invoices;
mod not_found;
mod pack;
mod sent_letter;
mod settings;
mod settlement;
mod templates;

pub use client::ClientPage;
pub use client_letter::ClientLetterPage;
pub use clients::ClientsPage;
pub use dashboard::Dashboard;
pub use data::DataPage;
pub use import::ImportPage;
pub use invoice::InvoicePage;
pub use invoices::InvoicesPage;
pub use not_found::NotFound;
pub use pack::EvidencePackPage;
pub use sent_letter::SentLetterPage;
pub use settings::SettingsPage;
pub use settlement::SettlementPage;
pub use templates::TemplatesPage;
