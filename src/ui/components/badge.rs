//! One status badge for invoices, settlement plans and their instalments.

use crate::core::ledger::InvoiceStatus;
use crate::core::model::PlanStatus;
use crate::core::settlement::plan::InstalmentState;
use leptos::prelude::*;

/// Something with a state worth a coloured badge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// An invoice's state.
    Invoice(InvoiceStatus),
    /// A settlement plan's state.
    Plan(PlanStatus),
    /// One instalment's state.
    Instalment(InstalmentState),
}

impl From<InvoiceStatus> for Status {
    fn from(status: InvoiceStatus) -> Status {
        Status::Invoice(status)
    }
}

impl From<PlanStatus> for Status {
    fn from(status: PlanStatus) -> Status {
        Status::Plan(status)
    }
}

impl From<InstalmentState> for Status {
    fn from(state: InstalmentState) -> Status {
        Status::Instalment(state)
    }
}

/// How a badge looks: owed (red), in part (amber), settled (green) or closed (grey).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tone {
    Owed,
    Partial,
    Settled,
    Closed,
}

impl Status {
    fn tone(self) -> Tone {
        match self {
            Status::Invoice(InvoiceStatus::Open)
            | Status::Plan(PlanStatus::Defaulted)
            | Status::Instalment(InstalmentState::Missed) => Tone::Owed,
            Status::Invoice(InvoiceStatus::PartPaid)
            | Status::Plan(PlanStatus::Active)
            | Status::Instalment(InstalmentState::PartPaid | InstalmentState::Due) => Tone::Partial,
            Status::Invoice(InvoiceStatus::Paid)
            | Status::Plan(PlanStatus::Completed)
            | Status::Instalment(InstalmentState::Paid) => Tone::Settled,
            Status::Invoice(InvoiceStatus::WrittenOff) => Tone::Closed,
        }
    }

    fn label(self) -> &'static str {
        match self {
            Status::Invoice(status) => status.label(),
            Status::Instalment(state) => state.label(),
            Status::Plan(PlanStatus::Active) => "active",
            Status::Plan(PlanStatus::Completed) => "completed",
            Status::Plan(PlanStatus::Defaulted) => "in default",
        }
    }
}

/// A state as a coloured badge.
#[component]
pub fn StatusBadge(#[prop(into)] status: Status) -> impl IntoView {
    let class = match status.tone() {
        Tone::Owed => "badge open",
        Tone::Partial => "badge part",
        Tone::Settled => "badge paid",
        Tone::Closed => "badge off",
    };
    view! { <span class=class>{status.label()}</span> }
}
