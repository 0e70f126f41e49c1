//! A log summarized as it arrives, and parts of a log summarized apart then put together:
//! what [`crate::Summarizer`] is made of.
//!
//! A part is merged with the part that follows it by moving the later part's lines, offsets
//! and item indices past the earlier one's, and by judging again what only the whole log can
//! tell: a later item whose uuid the earlier part already has is a duplicate, and is taken
//! back from wherever the later part counted it. Order is decided at the end, over both. The
//! later part's item records are moved, not copied (see [`crate::summary::items`]): a merge
//! holds both parts' records once.

use crate::diagnostics::issue::Issue;
use crate::summary::listing::{DupListed, Listed, Listing};
use crate::summary::pass::Part;
use crate::summary::reader::Reader;
use crate::summary::records::{OtherKind, Verdict};
use crate::summary::summarize::finish_part;
use crate::summary::window::Base;
use crate::summary::{SummarizeOptions, Summary};

/// The reading and what it found so far.
pub(crate) struct Stream {
    reader: Reader,
    part: Part,
}

/// What the later part's positions move by.
#[derive(Clone, Copy)]
struct Shift {
    items: usize,
    base: Base,
}

impl Shift {
    fn line(&self, line: u32) -> u32 {
        (u64::from(line) + self.base.lines).min(u64::from(u32::MAX)) as u32
    }

    fn issue(&self, i: &mut Issue) {
        let clamp = |n: u64| n.min(u64::from(u32::MAX)) as u32;
        if let (Some(line), Some(column), Some(offset)) = (i.line, i.column, i.offset) {
            if line == 1 {
                i.column = Some(clamp(u64::from(column) + self.base.column));
            }
            i.line = Some(self.line(line));
            i.offset = Some(clamp(u64::from(offset) + self.base.utf16));
        }
    }
}

impl Stream {
    pub fn new(options: &SummarizeOptions, following: bool) -> Self {
        Stream {
            reader: Reader::new(following),
            part: Part::new(options),
        }
    }

    pub fn push(&mut self, chunk: &[u8], options: &SummarizeOptions) {
        self.reader.push(chunk, &mut self.part, options);
    }

    /// Bytes given so far (merged parts included).
    pub fn bytes(&self) -> u64 {
        self.reader.bytes
    }

    /// The summary, its lists within the limits for the bytes given.
    pub fn finish(mut self, options: &SummarizeOptions) -> Summary {
        self.reader.finish(&mut self.part, options);
        let bytes = usize::try_from(self.reader.bytes).unwrap_or(usize::MAX);
        finish_part(self.part, options, bytes)
    }

    /// Puts `later`, the summary of the text that follows this one's, after it. Both parts
    /// are read to their ends first; what is pushed next follows `later`'s text.
    pub fn merge(&mut self, mut later: Stream, options: &SummarizeOptions) {
        self.reader.finish(&mut self.part, options);
        later.reader.finish(&mut later.part, options);
        let bytes = self.reader.bytes + later.reader.bytes;
        let stopped = self.part.counts.limit_reached;
        let shift = Shift {
            items: self.part.counts.events,
            base: self.reader.base,
        };
        let end = self.reader.base.then(later.reader.base);
        self.reader = Reader::new(true);
        self.reader.base = end;
        self.reader.bytes = bytes;
        // One pass stops reading where the earlier part stopped.
        if stopped {
            self.reader.done = true;
            return;
        }
        self.reader.done = later.reader.done;
        let Stream {
            part: mut l,
            reader: _,
        } = later;
        // Each later item whose uuid this part already has is a duplicate now.
        let repeats = self.part.records.repeats_in(&l.records);
        let mut dups = Vec::with_capacity(repeats.len());
        for &(k, first) in &repeats {
            let rec = l.records.items.get(k);
            take_back(&mut l, k);
            l.counts.duplicates += 1;
            dups.push(DupListed {
                index: rec.index + shift.items,
                line: shift.line(rec.line),
                first,
                text: rec.text,
            });
        }
        let counts = &mut self.part.counts;
        let c = &l.counts;
        counts.events += c.events;
        counts.valid += c.valid;
        counts.invalid += c.invalid;
        counts.other += c.other;
        counts.duplicates += c.duplicates;
        counts.warnings += c.warnings;
        counts.by_event_type.created += c.by_event_type.created;
        counts.by_event_type.updated += c.by_event_type.updated;
        counts.by_event_type.deleted += c.by_event_type.deleted;
        counts.other_kinds.subscription_renewal += c.other_kinds.subscription_renewal;
        counts.other_kinds.other_event += c.other_kinds.other_event;
        counts.other_kinds.websocket_frame += c.other_kinds.websocket_frame;
        counts.truncated |= c.truncated;
        counts.limit_reached |= c.limit_reached;
        let mut listing = std::mem::replace(&mut l.listing, Listing::new(options));
        // Later slots move past ours; a repeated item's duplicates point at what it repeats.
        let end = self.part.records.items.end();
        for p in &mut listing.problems {
            move_problem(p, shift);
        }
        for d in &mut listing.dups {
            d.index += shift.items;
            d.line = shift.line(d.line);
            d.first = match repeats.binary_search_by_key(&d.first, |r| r.0) {
                Ok(at) => repeats[at].1,
                Err(_) => d.first + end,
            };
        }
        listing.dups.append(&mut dups);
        listing.dups.sort_by_key(|d| d.index);
        self.part
            .records
            .append(l.records, shift.items, |line| shift.line(line));
        self.part.listing.append(listing);
    }
}

fn move_problem(p: &mut Listed, shift: Shift) {
    p.index = p.index.map(|i| i + shift.items);
    p.line = shift.line(p.line);
    for i in &mut p.issues {
        shift.issue(i);
    }
}

/// Takes item `k` of part `l` back from wherever it was counted: it is a duplicate now (its
/// valid event is left out of its number's when the parts' records are put together).
fn take_back(l: &mut Part, k: usize) {
    let rec = l.records.items.get(k);
    l.records.items.rec_mut(k).set_verdict(Verdict::Repeated);
    let c = &mut l.counts;
    match rec.verdict {
        Verdict::Valid {
            warnings,
            event_type,
        } => {
            c.valid -= 1;
            c.warnings -= warnings as usize;
            match event_type {
                crate::model::EventType::Created => c.by_event_type.created -= 1,
                crate::model::EventType::Updated => c.by_event_type.updated -= 1,
                crate::model::EventType::Deleted => c.by_event_type.deleted -= 1,
            }
        }
        Verdict::Invalid { issues } => {
            c.invalid -= 1;
            let problems = &mut l.listing.problems;
            match problems.iter().position(|p| p.index == Some(rec.index)) {
                Some(at) => {
                    problems.remove(at);
                }
                None => l.listing.unlisted = l.listing.unlisted.saturating_sub(issues as usize),
            }
        }
        Verdict::Other(kind) => {
            c.other -= 1;
            let k = &mut c.other_kinds;
            match kind {
                OtherKind::Renewal => k.subscription_renewal -= 1,
                OtherKind::OtherEvent => k.other_event -= 1,
                OtherKind::Frame => k.websocket_frame -= 1,
            }
        }
        Verdict::Pending | Verdict::Repeated => {}
    }
}
