//! From the valid events of a log to each number's timeline, each group's net effect and the
//! summary's lists: the steps of [`finish`], once every item has been read.

use crate::checks::change::effect_of;
use crate::diagnostics::order::{signed_rank, sort_by_rank};
use crate::json::map::HashMap;
use crate::model::event_ref::EventRef;
use crate::model::timestamp::Instant;
use crate::model::{ContactCenterEvent, Effect};
use crate::summary::listing::{entry_size, timeline_size, Budget, Problems};
use crate::summary::NumberVisitor;
use crate::summary::{FieldChange, Group, Net, NumberTimeline, Summary, TimelineEntry};

/// A valid event, as the timelines need it: the whole event, borrowed from the log when the
/// fast path read it. Copying every value of every event, then freeing it, was a fifth of a
/// log's time.
pub(super) struct Kept<'a> {
    pub index: usize,
    pub line: u32,
    pub group: usize,
    pub event: Held<'a>,
}

/// An event borrowed from the log, or owned once its parse tree is gone. Nearly every event
/// is borrowed: boxing that variant instead would allocate for each.
#[allow(clippy::large_enum_variant)]
pub(super) enum Held<'a> {
    Borrowed(EventRef<'a>),
    Owned(Box<ContactCenterEvent>),
}

impl Held<'_> {
    fn time(&self) -> Instant {
        match self {
            Held::Borrowed(e) => e.time,
            Held::Owned(e) => e.time,
        }
    }

    fn get(&self) -> EventRef<'_> {
        match self {
            Held::Borrowed(e) => *e,
            Held::Owned(e) => EventRef::of(e),
        }
    }
}

/// A number's timeline as it is built: its group, the timeline, and its events (indices in
/// the kept events), whose fields give the changes.
type Building = (usize, NumberTimeline, Vec<usize>);

/// The summary's lists and net effects, from what reading the log found: its broken items,
/// its valid events (`kept`, in item order) and its groups; `visit` sees each number whole
/// before the lists are cut.
pub(super) fn finish(
    summary: &mut Summary,
    problems: Problems,
    kept: Vec<Kept<'_>>,
    groups: Vec<Group>,
    visit: Option<&mut NumberVisitor>,
) {
    summary.problems = problems.list;
    summary.issues_not_listed = problems.not_listed;
    let mut budget = problems.budget;
    let kept = by_group_then_time(kept, groups.len());
    summary.groups = groups;
    let timelines = timelines_of(&kept, &summary.groups);
    if let Some(visit) = visit {
        for (_, timeline, events) in &timelines {
            let events: Vec<EventRef> = events.iter().map(|n| kept[*n].event.get()).collect();
            visit(timeline, &events);
        }
    }
    net_effects(&mut summary.groups, &timelines, &kept);
    summary.net = whole_net(&summary.groups);
    // Timelines while they fit: the first that does not is cut, and every later one is
    // counted instead of listed.
    let total = timelines.len();
    summary.numbers = timelines
        .into_iter()
        .map_while(|(_, t, events)| listed(t, &events, &kept, &mut budget))
        .collect();
    summary.numbers_not_listed = total - summary.numbers.len();
    summary.output_truncated = budget.exhausted;
}

/// `kept` (in item order) ordered by group, then by time, ties in item order. Groups are
/// small numbers, so a bucket per group costs one pass, and only a group whose events are out
/// of time order is sorted: one merge sort over a whole log of many accounts was its one
/// step that grew faster than the log.
fn by_group_then_time(kept: Vec<Kept<'_>>, groups: usize) -> Vec<Kept<'_>> {
    let total = kept.len();
    let mut buckets: Vec<Vec<Kept>> = (0..groups).map(|_| Vec::new()).collect();
    for k in kept {
        buckets[k.group].push(k);
    }
    let mut out = Vec::with_capacity(total);
    for mut bucket in buckets {
        if !bucket
            .windows(2)
            .all(|w| w[0].event.time() <= w[1].event.time())
        {
            sort_by_rank(&mut bucket, |k| (signed_rank(k.event.time().0), 0));
        }
        out.append(&mut bucket);
    }
    out
}

/// Each number's timeline, in order of its first appearance in its group's time order, its
/// entries' changes left for [`listed`].
fn timelines_of(kept: &[Kept<'_>], groups: &[Group]) -> Vec<Building> {
    // Keyed by (group, number id), borrowed from the kept events. Sized once: growing it
    // would hash every key again, each read from far back in the log.
    let mut timeline_of: HashMap<(usize, &str), usize> =
        HashMap::with_capacity_and_hasher(kept.len(), Default::default());
    let mut timelines: Vec<Building> = Vec::new();
    for (n, k) in kept.iter().enumerate() {
        let event = k.event.get();
        let info = event.info();
        let slot = *timeline_of.entry((k.group, info.id)).or_insert_with(|| {
            timelines.push((
                k.group,
                NumberTimeline {
                    group: groups[k.group].key.clone(),
                    id: info.id.to_string(),
                    phone_number: info.phone_number.to_string(),
                    timeline: Vec::new(),
                    entries_not_listed: 0,
                },
                Vec::new(),
            ));
            timelines.len() - 1
        });
        let (_, timeline, events) = &mut timelines[slot];
        let mut effect = effect_of(event.event_type(), info.usage_type);
        // Converted into Contact Center when the log already has it there: a field update.
        if effect == Effect::ConvertedIn
            && timeline
                .timeline
                .last()
                .is_some_and(|e| e.effect.leaves_number_in())
        {
            effect = Effect::Updated;
        }
        if timeline.phone_number != info.phone_number {
            timeline.phone_number = info.phone_number.to_string();
        }
        timeline.timeline.push(TimelineEntry {
            time: event.time,
            uuid: event.uuid.to_string(),
            event_type: event.event_type(),
            effect,
            index: k.index,
            line: k.line,
            // Filled in by `listed`, for the entries the output has room for: copying both
            // sides of every change of a log whose values are long cost twice the log.
            changes: Vec::new(),
        });
        events.push(n);
    }
    timelines
}

/// Each group's counts and net effect: numbers added, removed, changed, or added and removed
/// again, from the first and last entries of their timelines.
fn net_effects(groups: &mut [Group], timelines: &[Building], kept: &[Kept<'_>]) {
    for (group, timeline, events) in timelines {
        let g = &mut groups[*group];
        g.events += timeline.timeline.len();
        g.numbers += 1;
        let (Some(first), Some(last)) = (timeline.timeline.first(), timeline.timeline.last())
        else {
            continue;
        };
        let in_before = !matches!(first.effect, Effect::Added | Effect::ConvertedIn);
        let in_after = last.effect.leaves_number_in();
        let list = match (in_before, in_after) {
            (false, true) => &mut g.net.added,
            (true, false) => &mut g.net.removed,
            (false, false) => &mut g.net.transient,
            (true, true) => {
                let event = |n: &usize| kept[*n].event.get();
                let (Some(a), Some(b)) = (events.first(), events.last()) else {
                    continue;
                };
                let unchanged = diff(&event(a), &event(b)).is_empty()
                    && events
                        .windows(2)
                        .all(|w| diff(&event(&w[0]), &event(&w[1])).is_empty());
                if unchanged {
                    continue;
                }
                &mut g.net.changed
            }
        };
        list.push(timeline.phone_number.clone());
    }
}

/// The log's net effect: its groups', one after the other.
fn whole_net(groups: &[Group]) -> Net {
    let mut net = Net::default();
    for g in groups {
        net.added.extend(g.net.added.iter().cloned());
        net.removed.extend(g.net.removed.iter().cloned());
        net.changed.extend(g.net.changed.iter().cloned());
        net.transient.extend(g.net.transient.iter().cloned());
    }
    net
}

/// A timeline as listed: its entries with their changes (`events` are its events in `kept`,
/// in order) while they fit in `budget`; the rest counted in `entries_not_listed`. `None`
/// once nothing more fits.
fn listed(
    mut t: NumberTimeline,
    events: &[usize],
    kept: &[Kept<'_>],
    budget: &mut Budget,
) -> Option<NumberTimeline> {
    if !budget.take(timeline_size(&t)) {
        return None;
    }
    let mut fit = 0;
    for (k, entry) in t.timeline.iter_mut().enumerate() {
        if k > 0 {
            entry.changes = diff(
                &kept[events[k - 1]].event.get(),
                &kept[events[k]].event.get(),
            );
        }
        if !budget.take(entry_size(entry)) {
            entry.changes = Vec::new();
            break;
        }
        fit += 1;
    }
    t.entries_not_listed = t.timeline.len() - fit;
    t.timeline.truncate(fit);
    Some(t)
}

/// The fields compared between a number's consecutive events.
fn fields<'e>(event: &EventRef<'e>) -> [(&'static str, Option<&'e str>); 8] {
    let info = event.info();
    let provider = info.contact_center_provider;
    [
        ("phoneNumber", Some(info.phone_number)),
        ("type", info.number_type.map(|t| t.as_str())),
        ("usageType", info.usage_type),
        ("status", info.status),
        ("paymentType", info.payment_type),
        ("location", info.location),
        ("contactCenterProvider.id", provider.and_then(|p| p.id)),
        ("contactCenterProvider.name", provider.and_then(|p| p.name)),
    ]
}

/// What changed from one event's fields to the next; a field a later event leaves out is not
/// a change (deletions often carry only the id and number).
fn diff(before: &EventRef, after: &EventRef) -> Vec<FieldChange> {
    fields(before)
        .into_iter()
        .zip(fields(after))
        .filter_map(|((field, old), (_, new))| {
            let new = new?;
            (old != Some(new)).then(|| FieldChange {
                field,
                from: old.map(str::to_string),
                to: new.to_string(),
            })
        })
        .collect()
}
