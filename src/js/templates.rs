//! The issue templates JavaScript holds for the lane (src/js/lane.rs): a valid report's
//! warning crosses as the slot of its template (code, severity, message, hint and path) and
//! its four positions, once JavaScript holds the template (see `checks::templated`, which
//! words each remark once). JavaScript keeps them after the strings of [`Held`](super::held),
//! in slots `HELD_SLOTS + k`, and forgets them with those.

use super::held::{hash, HELD_SLOTS, HOLD};
use crate::__private::{same_bytes, Memo, Templated};

/// How many templates JavaScript holds: more than the remarks of one call (at most 16 on
/// the fast path), so that a call's new templates never take the slot of another of its own.
pub const TEMPLATE_SLOTS: usize = 32;

/// An issue's first number at or above this and below [`HOLD`]: the issue of template
/// `n - TEMPLATE`, its line, column, offset and length following.
pub const TEMPLATE: u32 = 0xffff_fd00;

/// At or above this and below [`TEMPLATE`]: the issue follows whole (as `push_issues` lays
/// it out), and JavaScript keeps its strings as template `n - NEW_TEMPLATE`.
pub const NEW_TEMPLATE: u32 = 0xffff_fc00;

const _: () = assert!(NEW_TEMPLATE + TEMPLATE_SLOTS as u32 <= TEMPLATE);
const _: () = assert!(TEMPLATE + TEMPLATE_SLOTS as u32 <= HOLD);
const _: () = assert!(HELD_SLOTS > 0);

/// The templates JavaScript holds, as this side knows them, by the key of the remark they
/// word: one module instance's.
#[derive(Default)]
pub struct Templates {
    slots: Vec<Slot>,
    /// The key being built.
    key: Vec<u8>,
    /// The `Vec` a call's warnings are put in, kept from call to call: its allocation was a
    /// tenth of what a warned call added to a clean one.
    spare: Vec<Templated>,
    /// Counts calls: a slot's `used` is the last call that looked it up or filled it (0:
    /// never, an empty slot).
    call: u64,
}

#[derive(Default)]
struct Slot {
    hash: u64,
    used: u64,
    key: Vec<u8>,
    /// The span, from and to, from the remark's start.
    from: usize,
    to: usize,
}

impl Templates {
    /// Forgets every template: JavaScript forgot its list.
    pub fn clear(&mut self) {
        self.slots.clear();
    }

    /// An empty `Vec` for a call's warnings, to give back with [`Templates::keep_spare`].
    pub fn spare(&mut self) -> Vec<Templated> {
        core::mem::take(&mut self.spare)
    }

    /// Keeps `out`'s allocation for the next call.
    pub fn keep_spare(&mut self, mut out: Vec<Templated>) {
        out.clear();
        self.spare = out;
    }
}

impl Memo for Templates {
    fn capacity(&self) -> usize {
        TEMPLATE_SLOTS
    }

    fn start(&mut self) {
        self.call += 1;
        // Pushed one by one: `resize` clones a slot for each, and its code was 1.3 KB.
        while self.slots.len() < TEMPLATE_SLOTS {
            self.slots.push(Slot::default());
        }
    }

    fn key(&mut self) -> &mut Vec<u8> {
        self.key.clear();
        &mut self.key
    }

    fn get(&mut self) -> Option<(u32, usize, usize)> {
        let (h, key, call) = (hash(&self.key), &self.key, self.call);
        let (k, slot) = self
            .slots
            .iter_mut()
            .enumerate()
            .find(|(_, slot)| slot.hash == h && slot.used != 0 && same_bytes(&slot.key, key))?;
        slot.used = call;
        Some((k as u32, slot.from, slot.to))
    }

    fn put(&mut self, from: usize, to: usize) -> u32 {
        let call = self.call;
        // The least recent slot that this call did not look up: there is one, since a call
        // has fewer remarks than there are slots (`capacity`).
        let (k, slot) = self
            .slots
            .iter_mut()
            .enumerate()
            .filter(|(_, slot)| slot.used != call)
            .min_by_key(|(_, slot)| slot.used)
            .expect("fewer remarks than slots");
        slot.hash = hash(&self.key);
        slot.used = call;
        slot.key.clear();
        slot.key.extend_from_slice(&self.key);
        (slot.from, slot.to) = (from, to);
        k as u32
    }
}
