//! The records of a log's distinct items, 40 bytes each: what duplicates and order need of an
//! item once its text is gone. A log of 20,000 numbers and 1.6 million items keeps 65 MB of
//! them where a record of owned, word-sized fields (a `usize` index, an `Option<Instant>`, a
//! uuid's `String` place and length, a verdict carrying its number) took 64 bytes and its uuid
//! 19 more.
//!
//! They are kept in blocks of [`BLOCK`] records, a slot being its block and its place there:
//! growing never copies what is kept (a `Vec` doubling would hold it twice), and merging moves
//! a later part's blocks whole behind this part's (see [`Items::append`]), its slots moved by
//! a multiple of [`BLOCK`]. Each block holds the item index of its first record, each record
//! its own as an offset from there, so that moving the later part's indices is one addition
//! per block.

use crate::model::timestamp::Instant;
use crate::model::EventType;

/// Records per block.
pub(super) const BLOCK: usize = 1 << 14;

/// What an item was found to be, so that it can be taken back when merging finds it repeats
/// an item of an earlier part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Verdict {
    Valid {
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

/// How a record's uuid is kept (see [`crate::summary::uuids`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum UuidKey {
    /// A decimal number as its canonical digits (no sign, no leading zero), packed.
    Number(u64),
    /// Any other uuid: its place among the records' uuid texts.
    Text(u64),
}

/// One distinct item that has a uuid or a time (duplicates are not items of their own), with
/// every field a fixed-size integer: 8 + 8 + 8 + 4 + 4 + 4 + 1 + 1 bytes, 40 with padding.
#[derive(Clone, Copy, Debug)]
pub(super) struct ItemRec {
    /// [`UuidKey`]'s value; which one (or none) is in `flags`.
    uuid: u64,
    /// A hash of its text: a duplicate is a redelivery (`identical`) when its own is equal.
    /// Keeping the texts instead would keep the log. With [`TEXT_AT`], the text's place.
    text: u64,
    /// [`Instant::millis`], when `flags` says it has a time.
    millis: i64,
    /// Its index, past its block's first.
    at: u32,
    pub line: u32,
    /// The verdict's warnings or issues.
    count: u32,
    verdict: u8,
    flags: u8,
}

const HAS_NUMBER: u8 = 1;
const HAS_TEXT: u8 = 2;
const HAS_TIME: u8 = 4;
const LEAP: u8 = 8;
/// `text` is where the item's text is in a log read whole (see [`TextKey::At`]).
const TEXT_AT: u8 = 16;

/// What a record keeps of its item's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum TextKey {
    /// [`crate::summary::records::hash_of`] the text.
    Hash(u64),
    /// Where the text starts and ends in a log read whole, which stays in memory until its
    /// summary is made: the hash is taken when a duplicate of the item needs it, and most
    /// items have none.
    At(u32, u32),
}

/// A record as its readers need it.
#[derive(Clone, Copy, Debug)]
pub(super) struct Item {
    pub slot: usize,
    pub index: usize,
    pub line: u32,
    pub uuid: Option<UuidKey>,
    pub time: Option<Instant>,
    pub text: u64,
    pub verdict: Verdict,
}

impl ItemRec {
    pub fn new(line: u32, uuid: Option<UuidKey>, time: Option<Instant>, text: TextKey) -> Self {
        let (uuid, kind) = match uuid {
            Some(UuidKey::Number(n)) => (n, HAS_NUMBER),
            Some(UuidKey::Text(at)) => (at, HAS_TEXT),
            None => (0, 0),
        };
        let time_flags = match time {
            Some(t) if t.is_leap_second() => HAS_TIME | LEAP,
            Some(_) => HAS_TIME,
            None => 0,
        };
        let (text, text_flags) = match text {
            TextKey::Hash(hash) => (hash, 0),
            TextKey::At(start, end) => (u64::from(start) << 32 | u64::from(end), TEXT_AT),
        };
        let mut rec = ItemRec {
            uuid,
            text,
            millis: time.map_or(0, Instant::millis),
            at: 0,
            line,
            count: 0,
            verdict: 0,
            flags: kind | time_flags | text_flags,
        };
        rec.set_verdict(Verdict::Pending);
        rec
    }

    pub fn uuid(&self) -> Option<UuidKey> {
        match self.flags & (HAS_NUMBER | HAS_TEXT) {
            HAS_NUMBER => Some(UuidKey::Number(self.uuid)),
            HAS_TEXT => Some(UuidKey::Text(self.uuid)),
            _ => None,
        }
    }

    /// Where its text is, while its hash is not taken (see [`TextKey::At`]).
    pub fn text_at(&self) -> Option<(usize, usize)> {
        (self.flags & TEXT_AT != 0).then_some((
            (self.text >> 32) as usize,
            (self.text & 0xFFFF_FFFF) as usize,
        ))
    }

    /// Its text's hash, taken now.
    pub fn set_text_hash(&mut self, hash: u64) {
        self.text = hash;
        self.flags &= !TEXT_AT;
    }

    /// Moves a text uuid's place by `by` (its texts were put behind others).
    pub fn move_text(&mut self, by: u64) {
        if self.flags & HAS_TEXT != 0 {
            self.uuid += by;
        }
    }

    pub fn time(&self) -> Option<Instant> {
        (self.flags & HAS_TIME != 0)
            .then(|| Instant::from_parts(self.millis, self.flags & LEAP != 0))
    }

    pub fn verdict(&self) -> Verdict {
        let count = self.count;
        match self.verdict {
            0 => Verdict::Pending,
            1 => Verdict::Repeated,
            2 => Verdict::Valid {
                warnings: count,
                event_type: EventType::Created,
            },
            3 => Verdict::Valid {
                warnings: count,
                event_type: EventType::Updated,
            },
            4 => Verdict::Valid {
                warnings: count,
                event_type: EventType::Deleted,
            },
            5 => Verdict::Invalid { issues: count },
            6 => Verdict::Other(OtherKind::Renewal),
            7 => Verdict::Other(OtherKind::OtherEvent),
            _ => Verdict::Other(OtherKind::Frame),
        }
    }

    pub fn set_verdict(&mut self, verdict: Verdict) {
        (self.verdict, self.count) = match verdict {
            Verdict::Pending => (0, 0),
            Verdict::Repeated => (1, 0),
            Verdict::Valid {
                warnings,
                event_type,
            } => (
                match event_type {
                    EventType::Created => 2,
                    EventType::Updated => 3,
                    EventType::Deleted => 4,
                },
                warnings,
            ),
            Verdict::Invalid { issues } => (5, issues),
            Verdict::Other(OtherKind::Renewal) => (6, 0),
            Verdict::Other(OtherKind::OtherEvent) => (7, 0),
            Verdict::Other(OtherKind::Frame) => (8, 0),
        };
    }
}

/// A block of records and the item index its offsets count from.
struct Block {
    first: usize,
    recs: Vec<ItemRec>,
}

/// The records, in item order (see the module's comment).
#[derive(Default)]
pub(super) struct Items {
    blocks: Vec<Block>,
}

impl Items {
    /// Adds `rec`, item `index` (past every item added so far); its slot.
    pub fn push(&mut self, index: usize, mut rec: ItemRec) -> usize {
        let fits = |b: &Block| b.recs.len() < BLOCK && index - b.first <= u32::MAX as usize;
        if !self.blocks.last().is_some_and(fits) {
            self.blocks.push(Block {
                first: index,
                recs: Vec::with_capacity(BLOCK),
            });
        }
        let b = self.blocks.len() - 1;
        let block = &mut self.blocks[b];
        // Checked by `fits`.
        rec.at = (index - block.first) as u32;
        block.recs.push(rec);
        b * BLOCK + block.recs.len() - 1
    }

    pub fn rec(&self, slot: usize) -> &ItemRec {
        &self.blocks[slot / BLOCK].recs[slot % BLOCK]
    }

    pub fn rec_mut(&mut self, slot: usize) -> &mut ItemRec {
        &mut self.blocks[slot / BLOCK].recs[slot % BLOCK]
    }

    pub fn get(&self, slot: usize) -> Item {
        let block = &self.blocks[slot / BLOCK];
        item(slot, block.first, &block.recs[slot % BLOCK])
    }

    /// The item index of `slot`'s record, and the record: what a timeline entry needs,
    /// without the rest of [`Items::get`]'s decoding (an entry is read twice per summary).
    pub fn indexed(&self, slot: usize) -> (usize, &ItemRec) {
        let block = &self.blocks[slot / BLOCK];
        let rec = &block.recs[slot % BLOCK];
        (block.first + rec.at as usize, rec)
    }

    /// The slot the first record of a part appended now would get.
    pub fn end(&self) -> usize {
        self.blocks.len() * BLOCK
    }

    /// Every record, in item order.
    pub fn iter(&self) -> impl Iterator<Item = Item> + '_ {
        self.iter_from(0)
    }

    /// The records from `slot` (a multiple of [`BLOCK`], as [`Items::end`] gives) on.
    pub fn iter_from(&self, slot: usize) -> impl Iterator<Item = Item> + '_ {
        self.blocks
            .iter()
            .enumerate()
            .skip(slot / BLOCK)
            .flat_map(|(b, block)| {
                block
                    .recs
                    .iter()
                    .enumerate()
                    .map(move |(k, rec)| item(b * BLOCK + k, block.first, rec))
            })
    }

    /// Every record, in item order.
    pub fn recs_mut(&mut self) -> impl Iterator<Item = &mut ItemRec> {
        self.blocks
            .iter_mut()
            .flat_map(|block| block.recs.iter_mut())
    }

    /// Puts `later`'s records after these, their indices moved by `items`, without copying
    /// them: a later slot `s` becomes `s + self.end()` (taken before).
    pub fn append(&mut self, later: Items, items: usize) {
        for mut block in later.blocks {
            block.first += items;
            self.blocks.push(block);
        }
    }
}

fn item(slot: usize, first: usize, rec: &ItemRec) -> Item {
    Item {
        slot,
        index: first + rec.at as usize,
        line: rec.line,
        uuid: rec.uuid(),
        time: rec.time(),
        text: rec.text,
        verdict: rec.verdict(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_is_forty_bytes() {
        assert_eq!(std::mem::size_of::<ItemRec>(), 40);
    }

    #[test]
    fn records_give_back_what_they_were_given() {
        let mut items = Items::default();
        let leap = crate::model::timestamp::parse("2016-12-31T23:59:60.250Z").unwrap();
        let rec = ItemRec::new(
            7,
            Some(UuidKey::Number(u64::MAX)),
            Some(leap),
            TextKey::Hash(42),
        );
        let a = items.push(3, rec);
        let mut rec = ItemRec::new(9, Some(UuidKey::Text(5)), None, TextKey::At(3, 70));
        rec.set_verdict(Verdict::Valid {
            warnings: u32::MAX,
            event_type: EventType::Deleted,
        });
        // Past what one block's offsets reach (only a 64-bit index can be): a block of its own.
        #[cfg(target_pointer_width = "64")]
        let (far, second) = (u32::MAX as usize + 10, BLOCK);
        #[cfg(not(target_pointer_width = "64"))]
        let (far, second) = (usize::MAX, 1);
        let b = items.push(far, rec);
        assert_eq!((a, b), (0, second));
        let (x, y) = (items.get(a), items.get(b));
        assert_eq!((x.index, x.line, x.text), (3, 7, 42));
        assert_eq!(x.uuid, Some(UuidKey::Number(u64::MAX)));
        assert_eq!(x.time, Some(leap));
        assert_eq!(x.verdict, Verdict::Pending);
        assert_eq!((y.index, y.line, y.time), (far, 9, None));
        assert_eq!(items.rec(a).text_at(), None);
        assert_eq!(items.rec(b).text_at(), Some((3, 70)));
        items.rec_mut(b).set_text_hash(77);
        assert_eq!((items.rec(b).text_at(), items.get(b).text), (None, 77));
        assert_eq!(y.uuid, Some(UuidKey::Text(5)));
        assert_eq!(
            y.verdict,
            Verdict::Valid {
                warnings: u32::MAX,
                event_type: EventType::Deleted
            }
        );
        for v in [
            Verdict::Repeated,
            Verdict::Invalid { issues: 3 },
            Verdict::Other(OtherKind::Renewal),
            Verdict::Other(OtherKind::OtherEvent),
            Verdict::Other(OtherKind::Frame),
        ] {
            items.rec_mut(a).set_verdict(v);
            assert_eq!(items.get(a).verdict, v);
        }
    }

    #[test]
    fn appending_moves_slots_by_whole_blocks_and_indices_by_the_items() {
        let mut ours = Items::default();
        ours.push(0, ItemRec::new(1, None, None, TextKey::Hash(0)));
        let mut later = Items::default();
        later.push(2, ItemRec::new(3, None, None, TextKey::Hash(0)));
        let end = ours.end();
        ours.append(later, 10);
        let moved = ours.get(end);
        assert_eq!((moved.index, moved.line), (12, 3));
        let all: Vec<usize> = ours.iter().map(|i| i.index).collect();
        assert_eq!(all, [0, 12]);
    }
}
