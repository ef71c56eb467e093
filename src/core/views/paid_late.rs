//! The "Include interest on invoices paid late" option of the letter view and the settlement planner.

use crate::core::currency::Currency;
use crate::core::interest::{paid_late, ClaimTotals, InterestOptions};
use crate::core::ledger::Ledger;
use crate::core::money::format_money;
use chrono::NaiveDate;

/// The option as its checkbox shows it: offered only when some invoice of the client was paid
/// in full but late and still carries interest or compensation.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PaidLateOption {
    /// The checkbox's label.
    pub label: &'static str,
    /// What ticking it adds, in a sentence: "1 invoice paid in full but late still carries
    /// £79.66 of interest and compensation."
    pub hint: String,
    /// Ticked.
    pub checked: bool,
}

/// The checkbox's label.
pub const LABEL: &str = "Include interest on invoices paid late";

/// The option for a client's invoices in `currencies` on `today`, ticked or not as `options`
/// says; `None` when no invoice of theirs was paid late with something still to claim.
pub fn paid_late_option(
    ledger: &Ledger,
    client_id: &str,
    currencies: &[Currency],
    today: NaiveDate,
    options: InterestOptions,
) -> Option<PaidLateOption> {
    let mut count = 0;
    let mut sums = Vec::new();
    for currency in currencies {
        let late = paid_late(ledger, client_id, currency, today, options);
        if !late.is_empty() {
            count += late.len();
            sums.push(format_money(ClaimTotals::of(&late).claim, currency));
        }
    }
    if count == 0 {
        return None;
    }
    let invoices = if count == 1 {
        "1 invoice paid in full but late still carries".to_string()
    } else {
        format!("{count} invoices paid in full but late still carry")
    };
    Some(PaidLateOption {
        label: LABEL,
        hint: format!(
            "{invoices} {} of interest and compensation.",
            sums.join(" and ")
        ),
        checked: options.include_paid_late,
    })
}
