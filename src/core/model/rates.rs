//! Reference-rate rows a user adds to the shipped tables, and the tables they belong to.

use crate::core::error::FieldError;
use crate::core::money::decimal_string;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Which reference rate a table holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum RateTableId {
    /// Bank of England Bank Rate.
    #[serde(rename = "boe")]
    Boe,
    /// European Central Bank main refinancing operations rate.
    #[serde(rename = "ecb")]
    Ecb,
    /// Deutsche Bundesbank Basiszinssatz (BGB §247).
    #[serde(rename = "bundesbank")]
    Bundesbank,
}

impl RateTableId {
    /// Every table.
    pub const ALL: [RateTableId; 3] = [RateTableId::Boe, RateTableId::Ecb, RateTableId::Bundesbank];

    /// The table's id in the backup file.
    pub fn id(self) -> &'static str {
        match self {
            RateTableId::Boe => "boe",
            RateTableId::Ecb => "ecb",
            RateTableId::Bundesbank => "bundesbank",
        }
    }

    /// Looks a table up by id.
    pub fn from_id(id: &str) -> Option<RateTableId> {
        RateTableId::ALL.into_iter().find(|table| table.id() == id)
    }
}

/// A rate the user added because a central bank changed it after the app shipped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RateRow {
    /// The table it belongs to.
    pub table: RateTableId,
    /// In force from this day.
    pub from: NaiveDate,
    /// Percent per year.
    #[serde(with = "decimal_string")]
    pub rate: Decimal,
}

impl RateRow {
    /// Checks a row before it is added: a sane date and rate, not a duplicate date.
    pub fn validate(&self, existing: &[RateRow]) -> Result<(), FieldError> {
        let field = |field: &'static str, message: String| FieldError::Field { field, message };
        let earliest = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default();
        let latest = NaiveDate::from_ymd_opt(2100, 12, 31).unwrap_or_default();
        if self.from < earliest || self.from > latest {
            return Err(field(
                "from",
                "the date must be between 2000 and 2100".into(),
            ));
        }
        if self.rate < Decimal::from(-10) || self.rate > Decimal::from(100) {
            return Err(field(
                "rate",
                "the rate must be between −10 and 100 percent".into(),
            ));
        }
        if existing
            .iter()
            .any(|row| row.table == self.table && row.from == self.from)
        {
            return Err(field(
                "from",
                format!("a rate from {} is already in this table", self.from),
            ));
        }
        Ok(())
    }
}
