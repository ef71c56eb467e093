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
    /// A promise to pay (`pr…`).
    Promise,
    /// A dispute (`d…`).
    Dispute,
    /// A pause in chasing (`h…`, for hold).
    Pause,
    /// A letter as sent (`l…`).
    Letter,
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
            RecordKind::Promise => "pr",
            RecordKind::Dispute => "d",
            RecordKind::Pause => "h",
            RecordKind::Letter => "l",
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
    next: [u64; 9],
}

impl IdSource for Sequential {
    fn next_id(&mut self, kind: RecordKind) -> String {
        let counter = &mut self.next[kind.index()];
        *counter += 1;
        format!("{}{}", kind.prefix(), counter)
    }
}

/// An id as one segment of a link's path: every byte but letters, digits and `-._~` is
/// percent-encoded, so an id such as `A?x=1` links to its own record, not to `A`.
pub fn path_segment(id: &str) -> String {
    let mut segment = String::with_capacity(id.len());
    for byte in id.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            segment.push(char::from(byte));
        } else {
            segment.push_str(&format!("%{byte:02X}"));
        }
    }
    segment
}

/// Reads back a path segment written by [`path_segment`] (or typed by hand); text that is not
/// valid percent-encoded UTF-8 is taken as it is.
pub fn from_path_segment(segment: &str) -> String {
    let bytes = segment.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let escaped = (bytes[at] == b'%')
            .then(|| segment.get(at + 1..at + 3))
            .flatten()
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match escaped {
            Some(byte) => {
                decoded.push(byte);
                at += 3;
            }
            None => {
                decoded.push(bytes[at]);
                at += 1;
            }
        }
    }
    String::from_utf8(decoded).unwrap_or_else(|_| segment.to_string())
}

/// The link to a record's page, such as `/invoices/i-3f…` for `("invoices", id)`.
pub fn link(section: &str, id: &str) -> String {
    format!("/{section}/{}", path_segment(id))
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
    fn an_id_with_link_characters_links_to_itself() {
        assert_eq!(link("invoices", "A?x=1"), "/invoices/A%3Fx%3D1");
        assert_eq!(link("clients", "c-0f"), "/clients/c-0f");
        assert_eq!(path_segment("a b/é#"), "a%20b%2F%C3%A9%23");
        for id in ["A?x=1", "a b/é#", "100%", "%zz", "plain"] {
            assert_eq!(from_path_segment(&path_segment(id)), id);
        }
        assert_eq!(from_path_segment("100%"), "100%");
        assert_eq!(from_path_segment("%FF"), "%FF");
    }

    proptest::proptest! {
        #[test]
        fn every_id_survives_a_trip_through_a_link(id in "\\PC{0,20}") {
            proptest::prop_assert_eq!(from_path_segment(&path_segment(&id)), id);
        }
    }

    #[test]
    fn sequential_ids_count_per_kind() {
        let mut ids = Sequential::default();
        assert_eq!(ids.next_id(RecordKind::Client), "c1");
        assert_eq!(ids.next_id(RecordKind::Client), "c2");
        assert_eq!(ids.next_id(RecordKind::Payment), "p1");
    }
}
