//! The strings JavaScript holds for the lane (src/js/lane.rs, src/js/lane.js): the words and
//! issue texts that come back call after call (a code, a severity, "`uri` is empty", a hint,
//! a path, `webhook`, `Created`...) cross once, and then as a slot number. Each crossing
//! string was decoded from UTF-8 and sliced anew in JavaScript, and a warned report's issues
//! are most of its text.
//!
//! Set-associative by a hash of the string: each set of [`WAYS`] slots holds the strings sent
//! last that fell there, each compared whole before it is named, so a collision costs a
//! crossing, never a wrong string. Direct-mapped (one way), two strings of every call could
//! share a slot and cross on every call: the doc sample's `created` and "`uri` is empty" did.

use crate::__private::{same_bytes, utf16_units};

/// How many strings JavaScript holds.
pub const HELD_SLOTS: usize = 128;

/// Slots per set: a call's strings (a valid report's six words, five per issue) thrash a set
/// only when more than this many of them fall in it.
const WAYS: usize = 4;

/// A string's length in an encoding (or a valid report's span's first number) at or above
/// this: the string JavaScript holds in slot `n - HELD`.
pub const HELD: u32 = 0xffff_ff00;

/// At or above this and below [`HELD`]: the next string of the text, whose length in UTF-16
/// units follows (or is the span's second number), which JavaScript holds from now on in slot
/// `n - HOLD`.
pub const HOLD: u32 = 0xffff_fe00;

/// Strings longer than this cross as they are: held, they would cost their copy here.
const HELD_MAX_BYTES: usize = 160;

/// The strings JavaScript holds, as this side knows them: one module instance's (a fresh
/// instance starts empty, and so does JavaScript's list for it).
#[derive(Default)]
pub struct Held {
    slots: Vec<Slot>,
    /// Counts lookups: a slot's `used` is the count at its last one.
    clock: u64,
    /// The slot (plus one; 0 for none) a word was last found in or put in, by its address
    /// ([`recent_of`]): checked first, it names the six words of a valid report without
    /// hashing each and searching its set, which took a fortieth of a clean call (cpu profile,
    /// 2026-12-01). Only a hint: the slot named must still hold the word.
    recent: [u8; RECENT],
}

/// Entries of [`Held::recent`].
const RECENT: usize = 32;

/// The entry of [`Held::recent`] for a word at address `at`.
#[inline(always)]
fn recent_of(at: usize) -> usize {
    (at as u32).wrapping_mul(0x9e37_79b1) as usize >> (32 - RECENT.trailing_zeros())
}

#[derive(Clone, Default)]
struct Slot {
    hash: u64,
    /// When it was last named or filled: a set's least recent slot is filled next.
    used: u64,
    /// The address of the word it holds ([`Key::Word`]), or 0.
    word: usize,
    text: String,
}

/// A string to send, as a slot is looked up by.
#[derive(Clone, Copy)]
pub enum Key<'a> {
    /// A string of the crate's own source (a code, a severity, a name): the same address
    /// and length are the same bytes, so it is found by those, without hashing or comparing
    /// its bytes. Six of them cross with every valid report, two with every issue.
    Word(&'static str),
    /// Any other string (a message, a hint, a path), found by its bytes.
    Text(&'a str),
}

impl<'a> Key<'a> {
    /// The string.
    pub fn text(self) -> &'a str {
        match self {
            Key::Word(s) | Key::Text(s) => s,
        }
    }
}

impl Held {
    /// Writes the string `key` names for JavaScript: its slot when JavaScript holds it, else
    /// its length (after the slot that will hold it) and its text.
    pub fn put(&mut self, key: Key, nums: &mut Vec<u32>, text: &mut String) {
        let s = key.text();
        match self.slot(key) {
            Some((k, true)) => nums.push(HELD + k),
            Some((k, false)) => {
                nums.extend([HOLD + k, utf16_units(s.as_bytes())]);
                text.push_str(s);
            }
            None => {
                nums.push(utf16_units(s.as_bytes()));
                text.push_str(s);
            }
        }
    }

    /// [`Held::put`] of a word that is a valid report's value, as a span's two numbers: the slot, or
    /// the slot that will hold it and its length. False when `s` is too long to hold:
    /// nothing is written, and it crosses as it is.
    pub fn span(&mut self, s: &'static str, pair: &mut [u32], text: &mut String) -> bool {
        match self.slot(Key::Word(s)) {
            Some((k, true)) => pair.copy_from_slice(&[HELD + k, 0]),
            Some((k, false)) => {
                pair.copy_from_slice(&[HOLD + k, utf16_units(s.as_bytes())]);
                text.push_str(s);
            }
            None => return false,
        }
        true
    }

    /// The slot of the string `key` names, and whether JavaScript holds it there already
    /// (else it will, once this answer is read); `None` for a string too long to hold.
    fn slot(&mut self, key: Key) -> Option<(u32, bool)> {
        let s = key.text();
        if s.len() > HELD_MAX_BYTES {
            return None;
        }
        if self.slots.is_empty() {
            self.slots.resize(HELD_SLOTS, Slot::default());
        }
        self.clock += 1;
        // The slot a word was in last, if it holds it still: the one the search below finds
        // (a word is in one slot at most, of the set its address and length hash to).
        if let Key::Word(w) = key {
            let at = w.as_ptr() as usize;
            let k = usize::from(self.recent[recent_of(at)]).wrapping_sub(1);
            if let Some(slot) = self.slots.get_mut(k) {
                if slot.word == at && slot.text.len() == w.len() {
                    slot.used = self.clock;
                    return Some((k as u32, true));
                }
            }
        }
        // A word by its address (never 0: a reference is not null), any text by its bytes.
        let (hash, word) = match key {
            Key::Word(w) => {
                let at = w.as_ptr() as usize;
                (
                    hash(&(at as u64 ^ (w.len() as u64) << 32).to_le_bytes()),
                    at,
                )
            }
            Key::Text(t) => (hash(t.as_bytes()), 0),
        };
        // The top bits, which every byte of the key stirred.
        let first = (hash >> (64 - SETS.trailing_zeros())) as usize * WAYS;
        let set = &mut self.slots[first..first + WAYS];
        // An empty slot (0, "") matches nothing: no key hashes to 0 but maybe one that is
        // not "" (see `hash`), and its `word` is none.
        let found = set.iter().position(|slot| {
            slot.hash == hash
                && match key {
                    Key::Word(w) => slot.word == word && slot.text.len() == w.len(),
                    Key::Text(t) => same_bytes(slot.text.as_bytes(), t.as_bytes()),
                }
        });
        if let Some(k) = found {
            set[k].used = self.clock;
            self.remember(word, first + k);
            return Some(((first + k) as u32, true));
        }
        let (k, slot) = set
            .iter_mut()
            .enumerate()
            .min_by_key(|(_, slot)| slot.used)
            .expect("a set has slots");
        *slot = Slot {
            hash,
            used: self.clock,
            word,
            text: core::mem::take(&mut slot.text),
        };
        slot.text.clear();
        slot.text.push_str(s);
        self.remember(word, first + k);
        Some(((first + k) as u32, false))
    }

    /// Notes that the word at `word` (0: not a word) is in slot `k`, for [`Held::recent`].
    fn remember(&mut self, word: usize, k: usize) {
        if word != 0 {
            // `k + 1` is at most HELD_SLOTS, which a byte holds (asserted below).
            self.recent[recent_of(word)] = (k + 1) as u8;
        }
    }

    /// Forgets every string: JavaScript forgot its list.
    pub fn clear(&mut self) {
        self.slots.clear();
        self.recent = [0; RECENT];
    }
}

const SETS: usize = HELD_SLOTS / WAYS;
const _: () = assert!(SETS.is_power_of_two() && SETS > 1 && SETS * WAYS == HELD_SLOTS);
const _: () = assert!(RECENT.is_power_of_two() && HELD_SLOTS < 256);

/// FxHash's step over the length and at most three words of `bytes`: the first, middle and
/// last eight bytes (all of them up to 24 bytes; fewer than eight, zero-padded). Every
/// named string is compared whole anyway, and a warned report's issues are a few hundred
/// bytes per call, which hashing whole cost as much again. Strings alike in those places
/// share a set, of [`WAYS`] slots. Not keyed: a collision only sends a string again. Never
/// 0 for "": the seed is not 0 and the multiplier is odd.
pub(super) fn hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let step = |h: u64, w: u64| (h.rotate_left(5) ^ w).wrapping_mul(K);
    let word = |at: usize| {
        bytes[at..]
            .first_chunk()
            .map_or(0, |w| u64::from_le_bytes(*w))
    };
    let h = 0xcbf2_9ce4_8422_2325 ^ bytes.len() as u64;
    let n = bytes.len();
    if n < 8 {
        let mut last = [0u8; 8];
        last[..n].copy_from_slice(bytes);
        return step(h, u64::from_le_bytes(last));
    }
    step(step(step(h, word(0)), word(n / 2 - 4)), word(n - 8))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What JavaScript makes of `nums` and `text` (src/js/assemble.js `str`), with its own
    /// list `js` of held strings.
    fn read(nums: &[u32], text: &str, js: &mut [Option<String>]) -> Vec<String> {
        let units: Vec<u16> = text.encode_utf16().collect();
        let (mut i, mut at) = (0, 0);
        let mut out = Vec::new();
        while i < nums.len() {
            let n = nums[i];
            i += 1;
            let mut next = |len: u32| {
                at += len as usize;
                String::from_utf16(&units[at - len as usize..at]).unwrap()
            };
            out.push(if n >= HELD {
                js[(n - HELD) as usize].clone().expect("held")
            } else if n >= HOLD {
                let s = next(nums[i]);
                i += 1;
                js[(n - HOLD) as usize] = Some(s.clone());
                s
            } else {
                next(n)
            });
        }
        out
    }

    /// How many of `strings` (none too long to hold) cross as text, not held yet, when put
    /// in this order.
    fn crossing(held: &mut Held, strings: &[&str]) -> usize {
        let (mut nums, mut text) = (Vec::new(), String::new());
        for s in strings {
            held.put(Key::Text(s), &mut nums, &mut text);
        }
        nums.iter().filter(|n| (HOLD..HELD).contains(n)).count()
    }

    #[test]
    fn the_strings_of_every_call_stay_held_whatever_their_hashes() {
        // The doc sample's: two warnings, and the words of a Created and a Deleted event,
        // of which direct-mapped slots made three pairs share a slot.
        let doc = [
            "webhook",
            "Created",
            "created",
            "added",
            "Deleted",
            "deleted",
            "removed",
            "Voice",
            "",
            "event-filter-placeholder",
            "warning",
            "`event` holds the literal `{accountId}` placeholder from RingCentral's documentation",
            "real notifications carry the numeric account id, or `~`",
            "/event",
            "empty-uri",
            "`uri` is empty",
            "RingCentral's sample has an empty `uri`; real ones link to the number",
            "/body/phoneNumberInfo/uri",
        ];
        let mut held = Held::default();
        assert_eq!(crossing(&mut held, &doc), doc.len());
        assert_eq!(crossing(&mut held, &doc), 0);
        // Any WAYS strings that fall in one set stay held, the set's other strings coming
        // and going.
        let mut held = Held::default();
        let set_of = |s: &str| hash(s.as_bytes()) >> (64 - SETS.trailing_zeros());
        let names: Vec<String> = (0..2000).map(|k| format!("name {k}")).collect();
        let same_set: Vec<&str> = names
            .iter()
            .map(String::as_str)
            .filter(|s| set_of(s) == set_of("name 0"))
            .collect();
        assert!(same_set.len() > 2 * WAYS, "{}", same_set.len());
        let (kept, passing) = same_set.split_at(WAYS - 1);
        crossing(&mut held, kept);
        for p in passing {
            assert_eq!(crossing(&mut held, &[p]), 1);
            assert_eq!(crossing(&mut held, kept), 0);
        }
    }

    #[test]
    fn a_string_crosses_once_then_as_its_slot_and_collisions_send_it_again() {
        let mut held = Held::default();
        let mut js = vec![None; HELD_SLOTS];
        let words: Vec<String> = (0..200).map(|k| format!("wörd {k} 😀")).collect();
        let long = "x".repeat(HELD_MAX_BYTES + 1);
        for round in 0..3 {
            let (mut nums, mut text) = (Vec::new(), String::new());
            for w in words.iter().chain([&long, &String::new()]) {
                held.put(Key::Text(w), &mut nums, &mut text);
            }
            let got = read(&nums, &text, &mut js);
            assert_eq!(got[..200], words[..], "round {round}");
            assert_eq!((got[200].as_str(), got[201].as_str()), (long.as_str(), ""));
        }
        // Once seen, a word that keeps its slot crosses as the slot alone.
        let (mut nums, mut text) = (Vec::new(), String::new());
        held.put(Key::Word("webhook"), &mut nums, &mut text);
        held.put(Key::Word("webhook"), &mut nums, &mut text);
        assert!(
            nums[0] >= HOLD && nums[0] < HELD && nums[2] >= HELD,
            "{nums:?}"
        );
        assert_eq!(text, "webhook");
        held.clear();
        let (mut nums, mut text) = (Vec::new(), String::new());
        held.put(Key::Word("webhook"), &mut nums, &mut text);
        assert!(nums[0] < HELD, "forgotten");
        // A word (by address) and a text of the same bytes: JavaScript reads each right,
        // from whichever slot.
        held.clear();
        let mut js = vec![None; HELD_SLOTS];
        let owned = String::from("webhook");
        for _ in 0..3 {
            let (mut nums, mut text) = (Vec::new(), String::new());
            for key in [Key::Word("webhook"), Key::Text(&owned), Key::Word("added")] {
                held.put(key, &mut nums, &mut text);
            }
            assert_eq!(read(&nums, &text, &mut js), ["webhook", "webhook", "added"]);
        }
    }
}
