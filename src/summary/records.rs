//! What a summarizer keeps of a log once the text is gone: for each distinct item with a uuid
//! or a time, who it is and what it was found to be; each group and number, and each valid
//! event as a few integers (its item, its fields interned once per number and value).
//!
//! This is what the summary must hold (the uuids for duplicates, the timelines, the times for
//! order), so memory grows with the items' count and never with their size, and two parts of
//! a log summarized apart can be put together exactly (see [`crate::summary::stream`]). An
//! item costs a 40-byte record ([`crate::summary::items`]), 8 or 9 bytes of the table that
//! finds it by uuid ([`crate::summary::uuids`]), and a valid event 16 more (12 in wasm32) in
//! its number's list. The 1 GB log of bench/cli.mjs (1.6 million items, 20,000 numbers) peaks
//! at 84 bytes an item all told, in one pass natively, where it took 143.

use crate::json::map::{HashMap, Keys};
use crate::model::timestamp::Instant;
use crate::model::EventType;
pub(super) use crate::summary::items::{
    Item, ItemRec, Items, OtherKind, TextKey, UuidKey, Verdict,
};
use crate::summary::uuids::{push_decimal, Seen, UuidText};
use crate::text::compare::same_bytes;
use std::hash::BuildHasher;
use std::sync::OnceLock;

/// A hash of `bytes` under secret keys that every summarizer of this process shares, so that
/// the parts of a log summarized apart compare equal texts equal.
pub(super) fn hash_of(bytes: &[u8]) -> u64 {
    static KEYS: OnceLock<Keys> = OnceLock::new();
    KEYS.get_or_init(Keys::default).hash_one(bytes)
}

/// A group: one account, or one owner where the filter names no account.
#[derive(Debug)]
pub(super) struct GroupRec {
    pub by_account: bool,
    pub id: Box<str>,
}

impl GroupRec {
    pub fn key(&self) -> String {
        format!(
            "{}:{}",
            if self.by_account { "account" } else { "owner" },
            self.id
        )
    }
}

/// One number of one group, and its valid events in the order they were read.
#[derive(Debug)]
pub(super) struct NumberRec {
    pub group: usize,
    pub id: Box<str>,
    pub entries: Vec<Entry>,
}

/// A valid event, as the timelines need it.
#[derive(Clone, Copy, Debug)]
pub(super) struct Entry {
    /// Its item in [`Records::items`].
    pub item: usize,
    /// Its compared fields in [`Records::fields`].
    pub fields: u32,
    pub event_type: EventType,
}

/// How many fields a timeline compares (see [`FIELD_NAMES`]).
pub(super) const FIELDS: usize = 8;

/// The fields compared between a number's consecutive events, in this order.
pub(super) const FIELD_NAMES: [&str; FIELDS] = [
    "phoneNumber",
    "type",
    "usageType",
    "status",
    "paymentType",
    "location",
    "contactCenterProvider.id",
    "contactCenterProvider.name",
];

/// Interned field values: 0 stands for a field the event leaves out.
pub(super) type Fields = [u32; FIELDS];

/// The fields (places in [`FIELD_NAMES`]) that change from `before` to `after`: a field
/// `after` leaves out is not a change (deletions often carry only the id and number).
pub(super) fn changed<'a>(
    before: &'a Fields,
    after: &'a Fields,
) -> impl Iterator<Item = usize> + Clone + 'a {
    (0..FIELDS).filter(move |&k| after[k] != 0 && after[k] != before[k])
}

#[derive(Default)]
pub(super) struct Records {
    pub items: Items,
    /// The uuids that are not packed into their records (see [`crate::summary::uuids`]).
    texts: Vec<Box<str>>,
    /// Each uuid's first item.
    seen: Seen,
    pub groups: Vec<GroupRec>,
    /// Groups by owner id, then by account id.
    group_of: [HashMap<Box<str>, usize>; 2],
    pub numbers: Vec<NumberRec>,
    /// Numbers by their group and id together ([`number_key`]): a valid event finds its
    /// number in one lookup, where a group's then the number's took two hashes.
    // Keyed by text, as the maps by name: one copy of the map's code in the module.
    number_of: HashMap<Box<str>, usize>,
    /// [`number_key`]'s room, kept between lookups.
    key: String,
    /// Interned field values; `strings[0]` stands for none.
    strings: Vec<Box<str>>,
    // `usize` as the other maps by name: one copy of the map's code in the module.
    string_of: HashMap<Box<str>, usize>,
    pub fields: Vec<Fields>,
    fields_of: HashMap<Fields, u32>,
}

/// Writes into `key` what finds number `id` of a group: the group's kind (`a`ccount or
/// `o`wner), its id's length as one `char` (that code point), its id, then the number's id,
/// so that no two (group, number) pairs share a key. A length no `char` has (a surrogate's, or
/// past U+10FFFF) is written in decimal and ended by a `:`, after `A` or `O`. The length in
/// decimal every time took a tenth of the key's lookup.
fn number_key(key: &mut String, by_account: bool, group_id: &str, id: &str) {
    key.clear();
    match u32::try_from(group_id.len()).ok().and_then(char::from_u32) {
        Some(len) => {
            key.push(if by_account { 'a' } else { 'o' });
            key.push(len);
        }
        None => {
            key.push(if by_account { 'A' } else { 'O' });
            push_decimal(key, group_id.len() as u64);
            key.push(':');
        }
    }
    key.push_str(group_id);
    key.push_str(id);
}

/// A uuid being looked up: as the records keep it, and its hash, each worked out once.
#[derive(Clone, Copy)]
pub(super) struct Sought<'u> {
    uuid: UuidText<'u>,
    hash: u64,
}

/// The uuid of `key`, its text (if any) among `texts`.
fn uuid_text(texts: &[Box<str>], key: Option<UuidKey>) -> Option<UuidText<'_>> {
    match key? {
        UuidKey::Number(n) => Some(UuidText::Number(n)),
        UuidKey::Text(at) => Some(UuidText::Text(&texts[at as usize])),
    }
}

fn uuid_hash(uuid: UuidText) -> u64 {
    uuid.with_bytes(hash_of)
}

/// Makes `slot`'s uuid, whose hash is `hash`, findable in `seen`.
fn remember(seen: &mut Seen, items: &Items, texts: &[Box<str>], hash: u64, slot: usize) {
    seen.insert(hash, slot, |s| {
        uuid_text(texts, items.rec(s).uuid()).map_or(0, uuid_hash)
    });
}

impl Records {
    /// The uuid an item's record keeps.
    pub fn uuid(&self, item: &Item) -> Option<UuidText<'_>> {
        uuid_text(&self.texts, item.uuid)
    }

    /// The uuid a record keeps.
    pub fn uuid_of(&self, rec: &ItemRec) -> Option<UuidText<'_>> {
        uuid_text(&self.texts, rec.uuid())
    }

    /// The first item with this uuid.
    #[cfg(test)]
    pub fn find(&self, uuid: &str) -> Option<usize> {
        self.seek(uuid).ok()
    }

    /// The first item with this uuid, or what adding one with it takes.
    pub fn seek<'u>(&self, uuid: &'u str) -> Result<usize, Sought<'u>> {
        let uuid = UuidText::of(uuid);
        let sought = Sought {
            uuid,
            hash: uuid_hash(uuid),
        };
        self.first(sought).ok_or(sought)
    }

    fn first(&self, sought: Sought) -> Option<usize> {
        let (items, texts) = (&self.items, &self.texts);
        self.seen.find(sought.hash, |slot| {
            uuid_text(texts, items.rec(slot).uuid()) == Some(sought.uuid)
        })
    }

    /// Adds an item not seen before (with the uuid [`Records::seek`] did not find), judged
    /// later.
    pub fn add(
        &mut self,
        index: usize,
        line: u32,
        uuid: Option<Sought>,
        time: Option<Instant>,
        text: TextKey,
    ) -> usize {
        let key = uuid.map(|u| match u.uuid {
            UuidText::Number(n) => UuidKey::Number(n),
            UuidText::Text(t) => {
                self.texts.push(t.into());
                UuidKey::Text(self.texts.len() as u64 - 1)
            }
        });
        let slot = self.items.push(index, ItemRec::new(line, key, time, text));
        if let Some(u) = uuid {
            self.remember(u.hash, slot);
        }
        slot
    }

    /// Makes `slot`'s uuid, whose hash is `hash`, [`Records::seek`]able.
    fn remember(&mut self, hash: u64, slot: usize) {
        remember(&mut self.seen, &self.items, &self.texts, hash, slot);
    }

    /// The earlier item each record of `later` (the records of the text that follows) repeats
    /// by its uuid, if any: `(later's slot, ours)`, in slot order.
    pub(super) fn repeats_in(&self, later: &Records) -> Vec<(usize, usize)> {
        later
            .items
            .iter()
            .filter(|i| i.verdict != Verdict::Repeated)
            .filter_map(|i| {
                let uuid = later.uuid(&i)?;
                let hash = uuid_hash(uuid);
                Some((i.slot, self.first(Sought { uuid, hash })?))
            })
            .collect()
    }

    /// Puts the records of `later` (the text that follows) after these, its items' indices
    /// moved by `items` and their lines by `line`, without copying its items: their blocks are
    /// moved, and a later slot `s` becomes `s + self.items.end()` (taken before). Its
    /// [`Verdict::Repeated`] items are left out of its numbers and of [`Records::seek`].
    pub(super) fn append(&mut self, mut later: Records, items: usize, line: impl Fn(u32) -> u32) {
        let end = self.items.end();
        let texts = self.texts.len() as u64;
        // What only found later's own duplicates; ours finds them from now on.
        later.seen = Seen::default();
        for rec in later.items.recs_mut() {
            rec.line = line(rec.line);
            rec.move_text(texts);
        }
        self.texts.append(&mut later.texts);
        self.items.append(std::mem::take(&mut later.items), items);
        let (all, texts, seen) = (&self.items, &self.texts, &mut self.seen);
        for i in all.iter_from(end) {
            if i.verdict == Verdict::Repeated {
                continue;
            }
            if let Some(uuid) = uuid_text(texts, i.uuid) {
                remember(seen, all, texts, uuid_hash(uuid), i.slot);
            }
        }
        self.take_numbers(later, end);
    }

    /// Adds `later`'s groups, numbers and valid events, their items moved to `end` and on,
    /// those found to repeat an earlier item left out. Each number's events are moved, not
    /// copied, when this part has none of its own.
    fn take_numbers(&mut self, later: Records, end: usize) {
        let Records {
            numbers,
            groups,
            fields: later_fields,
            strings,
            ..
        } = later;
        let mut fields = vec![None; later_fields.len()];
        for n in numbers {
            let mut entries = n.entries;
            entries.retain(|e| self.items.rec(e.item + end).verdict() != Verdict::Repeated);
            if entries.is_empty() {
                continue;
            }
            let g = &groups[n.group];
            let group = self.group_of(g.by_account, &g.id);
            let number = self.number_of(group, &n.id);
            for e in &mut entries {
                e.item += end;
                e.fields = *fields[e.fields as usize].get_or_insert_with(|| {
                    let ids = later_fields[e.fields as usize].map(|s| {
                        if s == 0 {
                            0
                        } else {
                            self.intern(&strings[s as usize])
                        }
                    });
                    self.intern_fields(ids)
                });
            }
            let ours = &mut self.numbers[number].entries;
            if ours.is_empty() {
                *ours = entries;
            } else {
                ours.reserve_exact(entries.len());
                ours.append(&mut entries);
            }
        }
    }

    /// Adds a valid event to number `n`'s. Its list grows by half (a `Vec` doubles): a
    /// number's events are most of what a log of many events per number keeps after its
    /// items, and doubling left a third of that room unused on average, half at worst.
    pub fn push_entry(&mut self, n: usize, entry: Entry) {
        let entries = &mut self.numbers[n].entries;
        if entries.len() == entries.capacity() {
            entries.reserve_exact((entries.len() / 2).max(4));
        }
        entries.push(entry);
    }

    /// The index of number `id` of the group of `group_id` (an account, or an owner when
    /// `!by_account`), added with its group when new.
    pub fn number_in(&mut self, by_account: bool, group_id: &str, id: &str) -> usize {
        number_key(&mut self.key, by_account, group_id, id);
        if let Some(&n) = self.number_of.get(self.key.as_str()) {
            return n;
        }
        let group = self.group_of(by_account, group_id);
        self.add_number(group, id)
    }

    /// The index of an event's group (its account, or its owner when the filter names none),
    /// added when it is new.
    pub fn group_of(&mut self, by_account: bool, id: &str) -> usize {
        let map = &mut self.group_of[usize::from(by_account)];
        // Looked up by `&str`: only a new group allocates.
        if let Some(&group) = map.get(id) {
            return group;
        }
        self.groups.push(GroupRec {
            by_account,
            id: id.into(),
        });
        map.insert(id.into(), self.groups.len() - 1);
        self.groups.len() - 1
    }

    /// The index of number `id` of `group`, added when it is new.
    pub fn number_of(&mut self, group: usize, id: &str) -> usize {
        let g = &self.groups[group];
        number_key(&mut self.key, g.by_account, &g.id, id);
        match self.number_of.get(self.key.as_str()) {
            Some(&n) => n,
            None => self.add_number(group, id),
        }
    }

    /// Adds number `id` to `group`, whose key is in [`Records::key`].
    fn add_number(&mut self, group: usize, id: &str) -> usize {
        self.numbers.push(NumberRec {
            group,
            id: id.into(),
            entries: Vec::new(),
        });
        let n = self.numbers.len() - 1;
        self.number_of.insert(self.key.as_str().into(), n);
        n
    }

    pub fn string(&self, id: u32) -> Option<&str> {
        (id != 0).then(|| &*self.strings[id as usize])
    }

    /// The interned fields of number `n`'s next event: those of its last event when they are
    /// the same (one lookup of strings already at hand), else the last event's ids for the
    /// values that did not change and only the others interned. Most events change a field or
    /// two of their number's: interning all eight cost eight hashes and lookups an event.
    pub fn fields_of(&mut self, n: usize, values: [Option<&str>; FIELDS]) -> u32 {
        let last = self.numbers[n].entries.last().map(|e| e.fields);
        // With no last event every id starts at 0 (none), which is kept only for a value
        // the event leaves out.
        let mut ids = last.map_or([0; FIELDS], |f| self.fields[f as usize]);
        let mut changed = false;
        for (id, value) in ids.iter_mut().zip(values) {
            let same = match (self.string(*id), value) {
                (Some(kept), Some(value)) => same_bytes(kept.as_bytes(), value.as_bytes()),
                (kept, value) => kept.is_none() && value.is_none(),
            };
            if !same {
                *id = value.map_or(0, |v| self.intern(v));
                changed = true;
            }
        }
        match last {
            Some(last) if !changed => last,
            _ => self.intern_fields(ids),
        }
    }

    pub(super) fn intern(&mut self, value: &str) -> u32 {
        if self.strings.is_empty() {
            self.strings.push("".into());
        }
        if let Some(&id) = self.string_of.get(value) {
            return id as u32;
        }
        let id = self.strings.len();
        self.strings.push(value.into());
        self.string_of.insert(value.into(), id);
        id as u32
    }

    pub(super) fn intern_fields(&mut self, ids: Fields) -> u32 {
        if let Some(&id) = self.fields_of.get(&ids) {
            return id;
        }
        let id = self.fields.len() as u32;
        self.fields.push(ids);
        self.fields_of.insert(ids, id);
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const UUIDS: [&str; 5] = [
        "2661273919712564939",
        // Its zero-led twin, past u64::MAX, RFC 4122: kept as texts, never packed.
        "02661273919712564939",
        "18446744073709551616",
        "7b0c8a20-5f3e-4d53-9a5c-8b2d4e6f1a2b",
        "0",
    ];

    #[test]
    fn uuids_of_every_shape_are_found_and_never_taken_for_one_another() {
        let mut r = Records::default();
        for (k, u) in UUIDS.iter().enumerate() {
            assert_eq!(r.find(u), None, "{u}");
            let slot = r.add(k, k as u32 + 1, r.seek(u).err(), None, TextKey::Hash(0));
            assert_eq!(r.find(u), Some(slot), "{u}");
        }
        for (k, u) in UUIDS.iter().enumerate() {
            let item = r.items.get(r.find(u).unwrap());
            assert_eq!((item.index, item.line), (k, k as u32 + 1));
            assert_eq!(r.uuid(&item).unwrap().to_string(), *u);
        }
        assert_eq!(r.find("00"), None);
    }

    #[test]
    fn a_number_is_found_by_its_group_and_id_and_never_by_another_pair() {
        let mut r = Records::default();
        let pairs = [
            (true, "12", "345"),
            (true, "123", "45"),
            (false, "12", "345"),
            (true, "1", "2345"),
            (false, "1:2", "3"),
            (false, "1", "2:3"),
        ];
        let ids: Vec<usize> = pairs
            .iter()
            .map(|&(a, g, n)| r.number_in(a, g, n))
            .collect();
        assert_eq!(ids, (0..pairs.len()).collect::<Vec<_>>());
        for (k, &(a, g, n)) in pairs.iter().enumerate() {
            assert_eq!(r.number_in(a, g, n), k);
            let group = r.group_of(a, g);
            assert_eq!(r.number_of(group, n), k);
            assert_eq!(
                (&*r.groups[r.numbers[k].group].id, &*r.numbers[k].id),
                (g, n)
            );
        }
        assert_eq!(r.groups.len(), 6);
    }

    /// Group ids whose lengths have no `char` (a surrogate's) or one, on either side of
    /// that range: each pair still has a key of its own.
    #[test]
    fn keys_of_long_group_ids_are_told_apart() {
        let mut keys = std::collections::HashSet::new();
        for len in [0xD7FF, 0xD800, 0xDFFF, 0xE000] {
            for by_account in [true, false] {
                let group = "7".repeat(len);
                for id in ["", "1", "77"] {
                    let mut key = String::new();
                    number_key(&mut key, by_account, &group, id);
                    assert!(keys.insert(key), "{len} {by_account} {id}");
                }
            }
        }
        let mut r = Records::default();
        let long = "1".repeat(0xD800);
        let (a, b) = (
            r.number_in(true, &long, "2"),
            r.number_in(true, &long[1..], "12"),
        );
        assert_ne!(a, b);
        assert_eq!(r.number_in(true, &long, "2"), a);
    }

    #[test]
    fn appended_records_are_found_where_they_moved_and_repeats_are_not() {
        let mut r = Records::default();
        for (k, u) in UUIDS.iter().enumerate() {
            r.add(k, k as u32 + 1, r.seek(u).err(), None, TextKey::Hash(0));
        }
        let mut later = Records::default();
        let new = "7b0c8a20-5f3e-4d53-9a5c-000000000000";
        later.add(0, 1, later.seek(UUIDS[3]).err(), None, TextKey::Hash(0));
        later.add(1, 2, later.seek(new).err(), None, TextKey::Hash(0));
        later.add(2, 3, later.seek("12").err(), None, TextKey::Hash(0));
        let first = r.find(UUIDS[3]).unwrap();
        let repeats = r.repeats_in(&later);
        assert_eq!(repeats, [(0, first)]);
        later.items.rec_mut(0).set_verdict(Verdict::Repeated);
        let end = r.items.end();
        r.append(later, 10, |line| line + 100);
        assert_eq!(r.find(UUIDS[3]), Some(first));
        for (slot, u, index) in [(end + 1, new, 11), (end + 2, "12", 12)] {
            assert_eq!(r.find(u), Some(slot));
            let item = r.items.get(slot);
            assert_eq!((item.index, item.line), (index, index as u32 - 10 + 101));
            assert_eq!(r.uuid(&item).unwrap().to_string(), u);
        }
    }
}
