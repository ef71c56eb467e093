//! Ids for new records. The browser passes in random 128-bit ids, so records made in two
//! browsers, or imported twice, never clash; tests and the sample data count instead.
//!
//! Ids are opaque: existing ids (such as `i1` from an older backup) are kept as they are.

/// The kinds of record that get ids, each with a one-letter prefix that makes ids readable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordKind {
    /// A client (`c…`).
    Client,
    /// An invoice (`i…`).
    Invoice,
    /// A payment (`p…`).
    Payment,
    /// A timeline entry (`a…`).
    Activity,
    /// A settlement plan (`s…`).
    Plan,
}

impl RecordKind {
    /// The prefix of this kind's ids.
    pub fn prefix(self) -> &'static str {
        match self {
            RecordKind::Client => "c",
            RecordKind::Invoice => "i",
            RecordKind::Payment => "p",
            RecordKind::Activity => "a",
            RecordKind::Plan => "s",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Where new ids come from.
pub trait IdSource {
    /// A new id for a record of this kind. The ledger asks again if it is already taken.
    fn next_id(&mut self, kind: RecordKind) -> String;
}

/// Random ids: the prefix, a dash and 128 random bits from the caller as 32 hex digits.
pub struct RandomIds<F: FnMut() -> u128>(pub F);

impl<F: FnMut() -> u128> IdSource for RandomIds<F> {
    fn next_id(&mut self, kind: RecordKind) -> String {
        format!("{}-{:032x}", kind.prefix(), (self.0)())
    }
}

/// Counting ids (`c1`, `c2`, `i1`…) for tests and the sample data.
#[derive(Debug, Default, Clone)]
pub struct Sequential {
    next: [u64; 5],
}

impl IdSource for Sequential {
    fn next_id(&mut self, kind: RecordKind) -> String {
        let counter = &mut self.next[kind.index()];
        *counter += 1;
        format!("{}{}", kind.prefix(), counter)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_ids_carry_the_prefix_and_all_128_bits() {
        let mut ids = RandomIds(|| u128::MAX - 1);
        assert_eq!(
            ids.next_id(RecordKind::Invoice),
            "i-fffffffffffffffffffffffffffffffe"
        );
        let mut zeros = RandomIds(|| 0);
        assert_eq!(zeros.next_id(RecordKind::Client).len(), 2 + 32);
    }

    #[test]
    fn sequential_ids_count_per_kind() {
        let mut ids = Sequential::default();
        assert_eq!(ids.next_id(RecordKind::Client), "c1");
        assert_eq!(ids.next_id(RecordKind::Client), "c2");
        assert_eq!(ids.next_id(RecordKind::Payment), "p1");
    }
}
