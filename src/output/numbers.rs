//! The numbers a summary lists, written straight from the records into the numbers and text
//! that `numbersOf` in src/js/assemble.js reads, where [`super::write::Tokens`] would have
//! been handed each timeline entry made as owned strings first: on a summary of real traffic
//! (mostly its timelines) making, writing and freeing those took a fifth of the summary.
//!
//! Nothing here is tagged, since the layout is fixed. First the names the values repeat, each
//! sent once: the event types, the effects, the fields a change names and the groups' keys,
//! each as its length (in UTF-16 units) and its text. Then the count of numbers, and for
//! each: its group (a name), `id`, `phoneNumber` (lengths), `entriesNotListed` (low and high
//! 32 bits) and its count of entries; for each entry: `time`, `uuid` (lengths), `eventType`,
//! `effect` (names), `index` (low and high bits), `line` and its count of changes; for each
//! change: `field` (a name), `from` (a length, or [`ABSENT`] for `null`) and `to` (a length).
//! The text holds every string, in that order.

use crate::model::{Effect, EventType};
use crate::summary::numbers::{field_names, ListedNumbers, UuidText};
use crate::summary::Group;
use crate::text::position::utf16_units;

/// `from` is `null`.
pub const ABSENT: u32 = u32::MAX;

/// The effects, in the order of their names (see [`effect`]).
const EFFECTS: [Effect; 5] = [
    Effect::Added,
    Effect::Removed,
    Effect::ConvertedIn,
    Effect::ReassignedAway,
    Effect::Updated,
];

/// An event type's name among the names sent first.
fn event_type(t: EventType) -> u32 {
    match t {
        EventType::Created => 0,
        EventType::Updated => 1,
        EventType::Deleted => 2,
    }
}

/// An effect's name among the names sent first: after the event types'. A match, so that a
/// new effect cannot be left out of [`EFFECTS`] unnoticed (a test holds the two equal).
fn effect(e: Effect) -> u32 {
    EventType::ALL.len() as u32
        + match e {
            Effect::Added => 0,
            Effect::Removed => 1,
            Effect::ConvertedIn => 2,
            Effect::ReassignedAway => 3,
            Effect::Updated => 4,
        }
}

/// Where the fields' names start among the names, then the groups' keys.
const FIELDS_AT: u32 = (EventType::ALL.len() + EFFECTS.len()) as u32;

struct Writer {
    nums: Vec<u32>,
    text: String,
}

impl Writer {
    /// A string: its length in UTF-16 units (what JavaScript slices by), its text after the
    /// others.
    fn string(&mut self, s: &str) {
        let at = self.text.len();
        self.text.push_str(s);
        self.written(at);
    }

    /// Ends the string written into the text from `at` on: its length, in UTF-16 units.
    /// Out of line, as each string's code: the module is loaded by every caller.
    #[inline(never)]
    fn written(&mut self, at: usize) {
        let units = utf16_units(&self.text.as_bytes()[at..]);
        self.nums.push(units);
    }

    fn wide(&mut self, n: usize) {
        let n = n as u64;
        self.nums.push(n as u32);
        self.nums.push((n >> 32) as u32);
    }
}

/// `numbers`' numbers and text (see the module's doc), `groups` being the summary's.
pub fn numbers_tokens(numbers: &ListedNumbers, groups: &[Group]) -> (Vec<u32>, String) {
    // Room for what an entry without changes takes, made at once: growing by doubling
    // copied the tokens of a 10 MB log's summary about twice over.
    let entries: usize = numbers.iter().map(|n| n.entries.len()).sum();
    let mut w = Writer {
        nums: Vec::with_capacity(64 + 8 * numbers.count() + 10 * entries),
        text: String::with_capacity(64 * groups.len() + 32 * numbers.count() + 48 * entries),
    };
    let fields = field_names();
    let names = EventType::ALL.len() + EFFECTS.len() + fields.len() + groups.len();
    w.nums.push(names as u32);
    for t in EventType::ALL {
        w.string(t.as_str());
    }
    for e in EFFECTS {
        w.string(e.as_str());
    }
    for f in fields {
        w.string(f);
    }
    for g in groups {
        w.string(&g.key);
    }
    let groups_at = FIELDS_AT + fields.len() as u32;
    w.nums.push(numbers.count() as u32);
    for n in numbers.iter() {
        w.nums.push(groups_at + n.group as u32);
        w.string(n.id);
        w.string(n.phone_number);
        w.wide(n.entries_not_listed);
        w.nums.push(n.entries.len() as u32);
        for e in n.entries {
            // An instant's ISO text and a packed uuid's digits are ASCII: a unit a byte.
            let at = w.text.len();
            e.time().with_iso(|iso| w.text.push_str(iso));
            w.nums.push((w.text.len() - at) as u32);
            let at = w.text.len();
            match e.uuid() {
                // Text goes as a string of the layout (it may be non-ASCII); digits inline.
                Some(UuidText::Text(t)) => w.string(t),
                Some(digits) => {
                    digits.push_to(&mut w.text);
                    w.nums.push((w.text.len() - at) as u32);
                }
                None => w.nums.push(0),
            }
            w.nums.push(event_type(e.event_type));
            w.nums.push(effect(e.effect));
            w.wide(e.index);
            w.nums.push(e.line());
            w.nums.push(e.change_count() as u32);
            for c in e.changes() {
                w.nums.push(FIELDS_AT + c.field as u32);
                match c.from {
                    Some(from) => w.string(from),
                    None => w.nums.push(ABSENT),
                }
                w.string(c.to);
            }
        }
    }
    (w.nums, w.text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_name_is_where_its_index_says() {
        for (k, t) in EventType::ALL.into_iter().enumerate() {
            assert_eq!(event_type(t), k as u32);
        }
        for (k, e) in EFFECTS.into_iter().enumerate() {
            assert_eq!(effect(e), (EventType::ALL.len() + k) as u32);
        }
    }
}
