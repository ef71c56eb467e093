//! The pure domain of debt collection: money, the ledger and its backup format.
//!
//! Nothing here touches the browser or reads a clock; today's date is always a parameter.

pub mod aging;
pub mod backup;
pub mod books;
pub mod case;
pub mod csv;
pub mod currency;
pub mod dates;
pub mod drafts;
pub mod error;
pub mod fast_map;
pub mod forms;
pub mod ids;
pub mod import;
pub mod interest;
pub mod ladder;
pub mod ledger;
pub mod letters;
pub mod model;
pub mod money;
pub mod sample;
pub mod settlement;
pub mod views;
