//! The strings JavaScript holds for the lane (src/js/lane.rs, src/js/lane.js): the words and
//! issue texts that come back call after call (a code, a severity, "`uri` is empty", a hint,
//! a path, `webhook`, `Created`...) cross once, and then as a slot number. Each crossing
//! string was decoded from UTF-8 and sliced anew in JavaScript, and a warned report's issues
//! are most of its text.
//!
//! Direct-mapped by a hash of the string: a slot holds the last string sent that fell there,
//! compared whole before it is named, so a collision costs a crossing, never a wrong string.

use crate::__private::utf16_units;

/// How many strings JavaScript holds.
pub const HELD_SLOTS: usize = 64;

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
    slots: Vec<(u64, String)>,
}

impl Held {
    /// Writes `s` for JavaScript: its slot when JavaScript holds it, else its length (after
    /// the slot that will hold it) and its text.
    pub fn put(&mut self, s: &str, nums: &mut Vec<u32>, text: &mut String) {
        match self.slot(s) {
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

    /// [`Held::put`] of a valid report's value, as a span's two numbers: the slot, or the
    /// slot that will hold it and its length. False when `s` is too long to hold: nothing is
    /// written, and it crosses as it is.
    pub fn span(&mut self, s: &str, pair: &mut [u32], text: &mut String) -> bool {
        match self.slot(s) {
            Some((k, true)) => pair.copy_from_slice(&[HELD + k, 0]),
            Some((k, false)) => {
                pair.copy_from_slice(&[HOLD + k, utf16_units(s.as_bytes())]);
                text.push_str(s);
            }
            None => return false,
        }
        true
    }

    /// `s`'s slot, and whether JavaScript holds it there already (else it will, once this
    /// answer is read); `None` for a string too long to hold.
    fn slot(&mut self, s: &str) -> Option<(u32, bool)> {
        if s.len() > HELD_MAX_BYTES {
            return None;
        }
        if self.slots.is_empty() {
            self.slots.resize(HELD_SLOTS, (0, String::new()));
        }
        let hash = hash(s.as_bytes());
        // The top bits, which every byte of `s` stirred.
        let k = (hash >> (64 - HELD_SLOTS.trailing_zeros())) as usize;
        let slot = &mut self.slots[k];
        // The empty slot (0, "") matches nothing: no string hashes to 0 but maybe one that
        // is not "" (see `hash`).
        if slot.0 == hash && slot.1 == s {
            return Some((k as u32, true));
        }
        slot.0 = hash;
        slot.1.clear();
        slot.1.push_str(s);
        Some((k as u32, false))
    }

    /// Forgets every string: JavaScript forgot its list.
    pub fn clear(&mut self) {
        self.slots.clear();
    }
}

const _: () = assert!(HELD_SLOTS.is_power_of_two() && HELD_SLOTS > 1);

/// FxHash's step, eight bytes at a time (the last word zero-padded, the length in the seed):
/// a warned report's issues hash a few hundred bytes per call, which FNV-1a's byte-at-a-time
/// steps made a tenth of such a call. Not keyed: a collision only sends the string again.
/// Never 0 for "": the seed is not 0 and the multiplier is odd.
fn hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let step = |h: u64, w: u64| (h.rotate_left(5) ^ w).wrapping_mul(K);
    let mut words = bytes.chunks_exact(8);
    let mut h = 0xcbf2_9ce4_8422_2325 ^ bytes.len() as u64;
    for w in &mut words {
        h = step(h, u64::from_le_bytes(w.try_into().expect("eight bytes")));
    }
    let mut last = [0u8; 8];
    last[..words.remainder().len()].copy_from_slice(words.remainder());
    step(h, u64::from_le_bytes(last))
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

    #[test]
    fn a_string_crosses_once_then_as_its_slot_and_collisions_send_it_again() {
        let mut held = Held::default();
        let mut js = vec![None; HELD_SLOTS];
        let words: Vec<String> = (0..200).map(|k| format!("wörd {k} 😀")).collect();
        let long = "x".repeat(HELD_MAX_BYTES + 1);
        for round in 0..3 {
            let (mut nums, mut text) = (Vec::new(), String::new());
            for w in words.iter().chain([&long, &String::new()]) {
                held.put(w, &mut nums, &mut text);
            }
            let got = read(&nums, &text, &mut js);
            assert_eq!(got[..200], words[..], "round {round}");
            assert_eq!((got[200].as_str(), got[201].as_str()), (long.as_str(), ""));
        }
        // Once seen, a word that keeps its slot crosses as the slot alone.
        let (mut nums, mut text) = (Vec::new(), String::new());
        held.put("webhook", &mut nums, &mut text);
        held.put("webhook", &mut nums, &mut text);
        assert!(
            nums[0] >= HOLD && nums[0] < HELD && nums[2] >= HELD,
            "{nums:?}"
        );
        assert_eq!(text, "webhook");
        held.clear();
        let (mut nums, mut text) = (Vec::new(), String::new());
        held.put("webhook", &mut nums, &mut text);
        assert!(nums[0] < HELD, "forgotten");
    }
}
