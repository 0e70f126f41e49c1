//! The numbers a summary lists, kept as the records say them until they are written out:
//! as the summary's [`NumberTimeline`]s, or straight into the tokens JavaScript builds its
//! objects from (`crate::output::numbers`). A summary of real traffic is mostly its timelines,
//! and their strings made one by one (each entry's uuid, each change's values), put into
//! tokens by serde and freed were a fifth of a summary's time in WebAssembly.

use crate::model::timestamp::Instant;
use crate::model::{Effect, EventType};
use crate::summary::records::{changed, Entry, Fields, ItemRec, NumberRec, Records, FIELD_NAMES};
pub use crate::summary::uuids::UuidText;
use crate::summary::{FieldChange, Group, NumberTimeline, TimelineEntry};

/// A listed number: its events in time order with their effects, and how many of them are
/// listed, the last ones.
pub(super) struct ListedNumber {
    /// In [`ListedNumbers::numbers`].
    pub number: usize,
    /// Its group's place in the summary's `groups`.
    pub group: usize,
    pub entries: Vec<(Entry, Effect)>,
    /// The entries listed: `listed` of them from `skip` on (the others left out for
    /// `lastEntries`, or for want of room).
    pub skip: usize,
    pub listed: usize,
}

/// The numbers a summary lists, in order, with the records they are read from.
pub struct ListedNumbers {
    records: Records,
    numbers: Vec<NumberRec>,
    listed: Vec<ListedNumber>,
}

/// A listed number as its writers need it.
pub struct NumberView<'a> {
    /// Its group's place in the summary's `groups`.
    pub group: usize,
    pub id: &'a str,
    pub phone_number: &'a str,
    pub entries_not_listed: usize,
    /// Its listed entries.
    pub entries: EntryViews<'a>,
}

/// A number's listed entries, in order.
#[derive(Clone)]
pub struct EntryViews<'a> {
    records: &'a Records,
    all: &'a [(Entry, Effect)],
    next: usize,
    end: usize,
}

/// A timeline entry as its writers need it.
pub struct EntryView<'a> {
    pub event_type: EventType,
    pub effect: Effect,
    pub index: usize,
    /// Its item's record, read as each part of it is needed.
    rec: &'a ItemRec,
    records: &'a Records,
    /// The fields of the event before it, if any, and its own.
    before: Option<&'a Fields>,
    after: &'a Fields,
}

/// One field that differs from the previous event's (see [`FieldChange`]).
#[derive(Clone, Copy)]
pub struct ChangeView<'a> {
    /// Its place in [`FIELD_NAMES`].
    pub field: usize,
    pub from: Option<&'a str>,
    pub to: &'a str,
}

impl ChangeView<'_> {
    pub fn name(&self) -> &'static str {
        FIELD_NAMES[self.field]
    }
}

/// The names of the fields a change can name, in [`ChangeView::field`]'s order.
#[cfg(feature = "serde")]
pub fn field_names() -> &'static [&'static str] {
    &FIELD_NAMES
}

impl ListedNumbers {
    pub(super) fn new(
        records: Records,
        numbers: Vec<NumberRec>,
        listed: Vec<ListedNumber>,
    ) -> Self {
        ListedNumbers {
            records,
            numbers,
            listed,
        }
    }

    /// How many numbers are listed.
    #[cfg(feature = "serde")]
    pub fn count(&self) -> usize {
        self.listed.len()
    }

    /// The listed numbers, in order.
    pub fn iter(&self) -> impl Iterator<Item = NumberView<'_>> {
        self.listed.iter().map(|l| {
            let n = &self.numbers[l.number];
            number_view(n, l, &self.records)
        })
    }

    /// The summary's `numbers`, its `groups` already made.
    pub fn timelines(&self, groups: &[Group]) -> Vec<NumberTimeline> {
        self.iter()
            .map(|n| NumberTimeline {
                group: groups[n.group].key.clone(),
                id: n.id.to_string(),
                phone_number: n.phone_number.to_string(),
                entries_not_listed: n.entries_not_listed,
                timeline: n.entries.map(|e| e.entry()).collect(),
            })
            .collect()
    }
}

/// `n`'s view, listed as `l` says.
pub(super) fn number_view<'a>(
    n: &'a NumberRec,
    l: &'a ListedNumber,
    records: &'a Records,
) -> NumberView<'a> {
    let (last, _) = l.entries[l.entries.len() - 1];
    NumberView {
        group: l.group,
        id: &n.id,
        phone_number: phone_number(&last, records),
        entries_not_listed: l.entries.len() - l.listed,
        entries: EntryViews {
            records,
            all: &l.entries,
            next: l.skip,
            end: l.skip + l.listed,
        },
    }
}

/// The number as `last`, its latest event, gives it.
pub(super) fn phone_number<'r>(last: &Entry, records: &'r Records) -> &'r str {
    records
        .string(records.fields[last.fields as usize][0])
        .unwrap_or_default()
}

/// Entry `k` of a number's `entries` (in time order, with their effects).
pub(super) fn entry_view<'a>(
    records: &'a Records,
    entries: &'a [(Entry, Effect)],
    k: usize,
) -> EntryView<'a> {
    let (e, effect) = entries[k];
    let (index, rec) = records.items.indexed(e.item);
    EntryView {
        event_type: e.event_type,
        effect,
        index,
        rec,
        records,
        before: k
            .checked_sub(1)
            .map(|p| &records.fields[entries[p].0.fields as usize]),
        after: &records.fields[e.fields as usize],
    }
}

impl<'a> Iterator for EntryViews<'a> {
    type Item = EntryView<'a>;
    fn next(&mut self) -> Option<EntryView<'a>> {
        (self.next < self.end).then(|| {
            self.next += 1;
            entry_view(self.records, self.all, self.next - 1)
        })
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.end - self.next;
        (n, Some(n))
    }
}

impl ExactSizeIterator for EntryViews<'_> {}

impl<'a> EntryView<'a> {
    pub fn time(&self) -> Instant {
        self.rec.time().unwrap_or(Instant::from_millis(0))
    }

    pub fn uuid(&self) -> Option<UuidText<'a>> {
        self.records.uuid_of(self.rec)
    }

    pub fn line(&self) -> u32 {
        self.rec.line
    }

    /// How many [`EntryView::changes`] there are, found without their values.
    #[cfg(feature = "serde")]
    pub fn change_count(&self) -> usize {
        changed(self.before.unwrap_or(self.after), self.after).count()
    }

    /// What changed from the previous event's fields to this one's (see [`changed`]). None
    /// for a number's first event.
    pub fn changes(&self) -> impl Iterator<Item = ChangeView<'a>> + Clone + 'a {
        let records = self.records;
        let (before, after) = (self.before.unwrap_or(self.after), self.after);
        changed(before, after).map(move |k| ChangeView {
            field: k,
            from: records.string(before[k]),
            to: records.string(after[k]).unwrap_or_default(),
        })
    }

    /// The entry as the summary lists it.
    pub fn entry(&self) -> TimelineEntry {
        TimelineEntry {
            time: self.time(),
            uuid: self.uuid().map(|u| u.to_text()).unwrap_or_default(),
            event_type: self.event_type,
            effect: self.effect,
            index: self.index,
            line: self.line(),
            changes: self
                .changes()
                .map(|c| FieldChange {
                    field: c.name(),
                    from: c.from.map(str::to_string),
                    to: c.to.to_string(),
                })
                .collect(),
        }
    }
}
