//! Uuids as the records keep them, and the table that finds a record by its uuid.
//!
//! Real notifications carry 18-20 digit decimal uuids (`"2661273919712564939"`). Every uuid
//! that is a `u64`'s canonical decimal text (digits only, no leading zero: all of 1-19 digits
//! and the 20-digit ones up to 18446744073709551615) is packed losslessly into that `u64`: 8
//! bytes in its record, where its text took 19 and a place. Any other uuid (the RFC 4122 ones
//! of doc samples, a zero-led or longer number) is kept as text, once. Not as a digest: the
//! summary writes uuids back out, and with texts equality is exact, with no collision odds to
//! weigh. Packing is canonical, so a packed uuid and a kept text are never the same uuid.

use std::fmt;

/// `uuid` packed, if it is a `u64`'s canonical decimal text.
pub(super) fn pack(uuid: &str) -> Option<u64> {
    let b = uuid.as_bytes();
    if b.is_empty() || b.len() > 20 || (b[0] == b'0' && b.len() > 1) {
        return None;
    }
    // Only 20 digits can pass u64::MAX, and texts of one length compare as their numbers do
    // (one that is not all digits is refused below anyway): in wasm32 a `checked_mul` of a
    // `u64` is a call to a 128-bit multiply.
    if b.len() == 20 && b > &b"18446744073709551615"[..] {
        return None;
    }
    let (head, rest) = b.split_at(b.len() % 8);
    let mut n: u64 = 0;
    for &c in head {
        let digit = c.wrapping_sub(b'0');
        if digit > 9 {
            return None;
        }
        n = n * 10 + u64::from(digit);
    }
    // Then eight digits a step: a uuid's 19 digits took 19 steps of a test, a multiply and
    // an add each, 1.6% of a summary's instructions.
    for chunk in rest.chunks_exact(8) {
        n = n
            .wrapping_mul(100_000_000)
            .wrapping_add(eight_digits(chunk)?);
    }
    Some(n)
}

/// The number eight ASCII digits write (`chunk` has eight bytes), if they are all digits.
fn eight_digits(chunk: &[u8]) -> Option<u64> {
    const ZEROS: u64 = 0x3030_3030_3030_3030;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let w = u64::from_le_bytes(chunk.try_into().ok()?);
    let d = w.wrapping_sub(ZEROS);
    // A byte under `0` borrows (its byte of `d` gets its high bit, whatever the borrow does
    // to the bytes above it), and one over `9` passes 0x7F once 0x76 is added.
    if (d | d.wrapping_add(0x7676_7676_7676_7676)) & HIGH != 0 {
        return None;
    }
    // Pairs, then fours, then all eight: the first digit is the lowest byte.
    let d = (d.wrapping_mul(10) + (d >> 8)) & 0x00FF_00FF_00FF_00FF;
    let d = (d.wrapping_mul(100) + (d >> 16)) & 0x0000_FFFF_0000_FFFF;
    Some((d.wrapping_mul(10_000) + (d >> 32)) & 0xFFFF_FFFF)
}

/// Appends `n`'s decimal digits to `out` (itoa): a summary writes one uuid per timeline entry,
/// and a length in each number's key.
pub(super) fn push_decimal(out: &mut String, n: u64) {
    out.push_str(itoa::Buffer::new().format(n));
}

/// A uuid as the records give it back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UuidText<'a> {
    Number(u64),
    Text(&'a str),
}

impl<'a> UuidText<'a> {
    /// `uuid` as the records would keep it.
    pub fn of(uuid: &'a str) -> Self {
        pack(uuid).map_or(UuidText::Text(uuid), UuidText::Number)
    }

    /// Its length in bytes, as text.
    pub fn len(self) -> usize {
        match self {
            UuidText::Number(n) => n.checked_ilog10().map_or(1, |d| d as usize + 1),
            UuidText::Text(t) => t.len(),
        }
    }

    /// Its text (see [`push_decimal`]).
    pub fn to_text(self) -> String {
        match self {
            UuidText::Number(n) => {
                let mut text = String::with_capacity(20);
                push_decimal(&mut text, n);
                text
            }
            UuidText::Text(t) => t.to_owned(),
        }
    }

    /// Appends its text to `out` (see [`push_decimal`]).
    #[cfg(feature = "serde")]
    pub fn push_to(self, out: &mut String) {
        match self {
            UuidText::Number(n) => push_decimal(out, n),
            UuidText::Text(t) => out.push_str(t),
        }
    }

    /// The bytes its hash is taken of: equal uuids give equal bytes.
    pub fn with_bytes<R>(self, f: impl FnOnce(&[u8]) -> R) -> R {
        match self {
            UuidText::Number(n) => f(&n.to_le_bytes()),
            UuidText::Text(t) => f(t.as_bytes()),
        }
    }
}

impl fmt::Display for UuidText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UuidText::Number(n) => write!(f, "{n}"),
            UuidText::Text(t) => f.write_str(t),
        }
    }
}

/// Record slots by their uuids' hashes: an open-addressing table of 8-byte entries, each a
/// slot and 16 bits of its hash (so that a probe seldom reads a record), in groups of 8 (a
/// cache line) probed in triangular order, at most 7/8 full. A `HashMap` from a hash to a slot
/// took 17 bytes a bucket and kept the uuid a second time to tell collisions apart; here the
/// record's own uuid does that.
///
/// A slot takes 48 bits: slots count records in blocks of 16,384 (see
/// [`crate::summary::items`]), so 2^48 of them would be 2^34 blocks, past any memory.
#[derive(Default)]
pub(super) struct Seen {
    entries: Vec<u64>,
    len: usize,
}

const GROUP: usize = 8;
const EMPTY: u64 = u64::MAX;
const TAG: u64 = 0xFFFF;

impl Seen {
    /// The slot whose uuid hashes to `hash` and for which `is` holds.
    pub fn find(&self, hash: u64, mut is: impl FnMut(usize) -> bool) -> Option<usize> {
        let tag = hash >> 48;
        self.probe(hash, |_, e| {
            if e == EMPTY {
                return Some(None);
            }
            let slot = (e >> 16) as usize;
            (e & TAG == tag && is(slot)).then_some(Some(slot))
        })
        .flatten()
    }

    /// Adds `slot`, whose uuid hashes to `hash` and is not in the table yet; `rehash` gives
    /// the hash of any slot already there, for when the table grows.
    pub fn insert(&mut self, hash: u64, slot: usize, rehash: impl Fn(usize) -> u64) {
        if (self.len + 1) * 8 > self.entries.len() * 7 {
            let grown = vec![EMPTY; (self.entries.len() * 2).max(64)];
            let old = std::mem::replace(&mut self.entries, grown);
            for e in old.into_iter().filter(|&e| e != EMPTY) {
                self.put(rehash((e >> 16) as usize), e);
            }
        }
        self.put(hash, ((slot as u64) << 16) | (hash >> 48));
        self.len += 1;
    }

    /// Puts entry `e` in the first empty entry on `hash`'s probe (the table is never full).
    fn put(&mut self, hash: u64, e: u64) {
        let at = self.probe(hash, |at, x| (x == EMPTY).then_some(at));
        self.entries[at.unwrap_or_default()] = e;
    }

    /// The first answer `f` gives for the entries (where, what) on `hash`'s probe: group by
    /// group, every group once (triangular steps over a power of two), each group's entries
    /// in order. `None` for an empty table.
    fn probe<R>(&self, hash: u64, mut f: impl FnMut(usize, u64) -> Option<R>) -> Option<R> {
        let groups = self.entries.len() / GROUP;
        let mask = groups.wrapping_sub(1);
        let mut g = hash as usize & mask;
        for step in 1..=groups {
            for at in g * GROUP..(g + 1) * GROUP {
                if let Some(r) = f(at, self.entries[at]) {
                    return Some(r);
                }
            }
            g = (g + step) & mask;
        }
        None
    }

    /// Bytes it holds.
    #[cfg(test)]
    fn bytes(&self) -> usize {
        self.entries.capacity() * 8
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_canonical_decimal_u64s_are_packed() {
        assert_eq!(pack("2661273919712564939"), Some(2661273919712564939));
        assert_eq!(pack("18446744073709551615"), Some(u64::MAX));
        assert_eq!(pack("0"), Some(0));
        for kept in [
            "18446744073709551616",
            "99999999999999999999",
            "012",
            "00",
            "",
            "+12",
            "-12",
            " 12",
            "١٢",
            "7b0c8a20-5f3e-4d53-9a5c-8b2d4e6f1a2b",
        ] {
            assert_eq!(pack(kept), None, "{kept}");
        }
        // A byte next to the digits' (or past ASCII) at every place of a uuid.
        let uuid = "2661273919712564939";
        for at in 0..uuid.len() {
            for c in ['/', ':', ' ', 'a', '\u{80}', '\u{660}'] {
                let mut bad = uuid.to_string();
                bad.replace_range(at..at + 1, c.encode_utf8(&mut [0; 4]));
                assert_eq!(pack(&bad), None, "{bad:?}");
            }
        }
        assert_eq!(pack("12345678"), Some(12345678));
        assert_eq!(
            pack("10000000000000000000"),
            Some(10_000_000_000_000_000_000)
        );
    }

    #[test]
    fn a_uuid_reads_back_as_it_was_written() {
        for u in [
            "2661273919712564939",
            "0",
            "18446744073709551615",
            "012",
            "abc",
        ] {
            let t = UuidText::of(u);
            assert_eq!(t.to_string(), u);
            assert_eq!(t.to_text(), u);
            assert_eq!(t.len(), u.len());
        }
    }

    #[test]
    fn packed_uuids_are_written_as_the_formatter_writes_them() {
        let mut n = 0x9E37_79B9_7F4A_7C15u64;
        let mut cases = vec![
            0,
            9,
            10,
            999_999_999,
            1_000_000_000,
            1_000_000_001,
            u64::MAX,
        ];
        cases.extend((0..20).map(|k| 10u64.pow(k)));
        cases.extend((1..20).map(|k| 10u64.pow(k) - 1));
        for _ in 0..2000 {
            n = n
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            cases.push(n >> (n % 64));
        }
        for n in cases {
            assert_eq!(UuidText::Number(n).to_text(), n.to_string());
            assert_eq!(pack(&n.to_string()), Some(n));
        }
    }

    #[test]
    fn the_table_finds_every_slot_and_nothing_else() {
        let hash = |s: usize| (s as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ (s as u64 >> 3);
        let mut seen = Seen::default();
        assert_eq!(seen.find(hash(1), |_| true), None);
        for s in 0..10_000 {
            seen.insert(hash(s), s, hash);
        }
        for s in 0..10_000 {
            assert_eq!(seen.find(hash(s), |x| x == s), Some(s));
        }
        assert_eq!(seen.find(hash(10_001), |x| x == 10_001), None);
        // 10,000 entries at most 7/8 full: 16,384 of 8 bytes.
        assert_eq!(seen.bytes(), 16_384 * 8);
    }

    #[test]
    fn colliding_hashes_are_told_apart_by_their_slots() {
        let mut seen = Seen::default();
        for s in 0..100 {
            seen.insert(42, s, |_| 42);
        }
        for s in 0..100 {
            assert_eq!(seen.find(42, |x| x == s), Some(s));
        }
    }
}
