//! The pure domain of debt collection: money, the ledger and its backup format.
//!
//! Nothing here touches the browser or reads a clock; today's date is always a parameter.

pub mod backup;
pub mod currency;
pub mod dates;
pub mod forms;
pub mod ledger;
pub mod model;
pub mod money;
pub mod sample;
