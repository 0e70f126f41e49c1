//! What a summarizer keeps of a log once the text is gone: for each distinct item with a uuid
//! or a time, who it is and what it was found to be; each group and number, and each valid
//! event as a few integers (its item, its fields interned once per number and value).
//!
//! This is what the summary must hold (the uuids for duplicates, the timelines, the times for
//! order), so memory grows with the items' count and never with their size, and two parts of
//! a log summarized apart can be put together exactly (see [`crate::summary::merge`]).

use crate::json::map::{HashMap, Keys};
use crate::model::timestamp::Instant;
use crate::model::EventType;
use std::hash::BuildHasher;
use std::sync::OnceLock;

/// A hash of `bytes` under secret keys that every summarizer of this process shares, so that
/// the parts of a log summarized apart compare equal texts equal.
pub(super) fn hash_of(bytes: &[u8]) -> u64 {
    static KEYS: OnceLock<Keys> = OnceLock::new();
    KEYS.get_or_init(Keys::default).hash_one(bytes)
}

/// One distinct item that has a uuid or a time (duplicates are not items of their own).
#[derive(Clone, Copy, Debug)]
pub(super) struct ItemRec {
    pub index: usize,
    pub line: u32,
    /// Its uuid's place in [`Records::uuids`]; `len == u32::MAX` when it has none.
    uuid_at: usize,
    uuid_len: u32,
    /// Milliseconds, `i64::MIN` for none: an `Option` would double the record.
    time: i64,
    /// [`hash_of`] its text: a duplicate is a redelivery (`identical`) when its own is equal.
    /// Keeping the texts instead would keep the log.
    pub text: u64,
    pub verdict: Verdict,
}

impl ItemRec {
    pub fn time(&self) -> Option<Instant> {
        (self.time != i64::MIN).then_some(Instant(self.time))
    }
}

/// What an item was found to be, so that it can be taken back when merging finds it repeats
/// an item of an earlier part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Verdict {
    Valid {
        number: usize,
        warnings: u32,
        event_type: EventType,
    },
    Invalid {
        issues: u32,
    },
    Other(OtherKind),
    /// Being judged.
    Pending,
    /// Found, when parts were merged, to repeat an item of an earlier part.
    Repeated,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum OtherKind {
    Renewal,
    OtherEvent,
    Frame,
}

/// A group: one account, or one owner where the filter names no account.
#[derive(Debug)]
pub(super) struct GroupRec {
    pub by_account: bool,
    pub id: Box<str>,
    numbers: HashMap<Box<str>, usize>,
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

#[derive(Default)]
pub(super) struct Records {
    pub items: Vec<ItemRec>,
    uuids: String,
    /// [`hash_of`] each uuid, to its first item; a uuid whose hash an earlier, different uuid
    /// already has goes to `seen_more`, so no two uuids are ever taken for one.
    seen: HashMap<u64, usize>,
    seen_more: HashMap<Box<str>, usize>,
    pub groups: Vec<GroupRec>,
    /// Groups by owner id, then by account id.
    group_of: [HashMap<Box<str>, usize>; 2],
    pub numbers: Vec<NumberRec>,
    /// Interned field values; `strings[0]` stands for none.
    strings: Vec<Box<str>>,
    string_of: HashMap<Box<str>, u32>,
    pub fields: Vec<Fields>,
    fields_of: HashMap<Fields, u32>,
}

impl Records {
    pub fn uuid(&self, item: &ItemRec) -> Option<&str> {
        (item.uuid_len != u32::MAX)
            .then(|| &self.uuids[item.uuid_at..item.uuid_at + item.uuid_len as usize])
    }

    /// The first item with this uuid.
    pub fn find(&self, uuid: &str) -> Option<usize> {
        let slot = *self.seen.get(&hash_of(uuid.as_bytes()))?;
        if self.uuid(&self.items[slot]) == Some(uuid) {
            return Some(slot);
        }
        self.seen_more.get(uuid).copied()
    }

    /// Adds an item not seen before (its uuid is not [`Records::find`]able), judged later.
    pub fn add(
        &mut self,
        index: usize,
        line: u32,
        uuid: Option<&str>,
        time: Option<Instant>,
        text: u64,
    ) -> usize {
        let slot = self.items.len();
        let (uuid_at, uuid_len) = match uuid {
            Some(u) => {
                self.uuids.push_str(u);
                (
                    self.uuids.len() - u.len(),
                    u.len().min(u32::MAX as usize - 1) as u32,
                )
            }
            None => (0, u32::MAX),
        };
        self.items.push(ItemRec {
            index,
            line,
            uuid_at,
            uuid_len,
            time: time.map_or(i64::MIN, |t| t.0),
            text,
            verdict: Verdict::Pending,
        });
        if let Some(u) = uuid {
            self.remember(u, slot);
        }
        slot
    }

    /// Makes `slot`'s uuid [`Records::find`]able.
    pub(super) fn remember(&mut self, uuid: &str, slot: usize) {
        match self.seen.entry(hash_of(uuid.as_bytes())) {
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(slot);
            }
            std::collections::hash_map::Entry::Occupied(_) => {
                self.seen_more.insert(uuid.into(), slot);
            }
        }
    }

    /// Adds an item copied from another part's records (see merge), its fields kept.
    pub(super) fn add_copy(
        &mut self,
        rec: &ItemRec,
        uuid: Option<&str>,
        index: usize,
        line: u32,
    ) -> usize {
        let slot = self.add(index, line, uuid, rec.time(), rec.text);
        self.items[slot].verdict = rec.verdict;
        slot
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
            numbers: HashMap::default(),
        });
        map.insert(id.into(), self.groups.len() - 1);
        self.groups.len() - 1
    }

    /// The index of number `id` of `group`, added when it is new.
    pub fn number_of(&mut self, group: usize, id: &str) -> usize {
        if let Some(&n) = self.groups[group].numbers.get(id) {
            return n;
        }
        self.numbers.push(NumberRec {
            group,
            id: id.into(),
            entries: Vec::new(),
        });
        let n = self.numbers.len() - 1;
        self.groups[group].numbers.insert(id.into(), n);
        n
    }

    pub fn string(&self, id: u32) -> Option<&str> {
        (id != 0).then(|| &*self.strings[id as usize])
    }

    /// The interned fields of number `n`'s next event: those of its last event when they are
    /// the same (most are: one lookup of strings already at hand), else each value interned.
    pub fn fields_of(&mut self, n: usize, values: [Option<&str>; FIELDS]) -> u32 {
        if let Some(last) = self.numbers[n].entries.last() {
            let known = self.fields[last.fields as usize];
            if values.iter().zip(known).all(|(v, k)| *v == self.string(k)) {
                return last.fields;
            }
        }
        let ids = values.map(|v| v.map_or(0, |v| self.intern(v)));
        self.intern_fields(ids)
    }

    pub(super) fn intern(&mut self, value: &str) -> u32 {
        if self.strings.is_empty() {
            self.strings.push("".into());
        }
        if let Some(&id) = self.string_of.get(value) {
            return id;
        }
        let id = self.strings.len() as u32;
        self.strings.push(value.into());
        self.string_of.insert(value.into(), id);
        id
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
