//! From the valid events a log's records keep to each number's timeline, each group's net
//! effect and the summary's `numbers`: the last step of a summary, once every item is read.

use crate::checks::change::effect_of;
use crate::diagnostics::order::{signed_rank, sort_by_rank};
use crate::model::timestamp::Instant;
use crate::model::Effect;
use crate::summary::listing::{entry_size, timeline_size, Budget};
use crate::summary::numbers::{entry_view, phone_number, ListedNumber, ListedNumbers};
use crate::summary::records::{changed, Entry, Fields, NumberRec, Records};
use crate::summary::{Group, Net, SummarizeOptions, Summary};

/// A number's events in timestamp order (ties in item order), with their effects.
struct Timeline {
    entries: Vec<(Entry, Effect)>,
    /// Its net effect: which list of [`Net`] it goes to, if any.
    net: Option<fn(&mut Net) -> &mut Vec<String>>,
}

/// Fills the summary's groups and net effects, and says which numbers it lists (within what
/// is left of `budget`, and as the options ask: with or without timelines, their last
/// entries, changed numbers), for `numbers` to be made of them.
pub(super) fn finish(
    summary: &mut Summary,
    mut records: Records,
    mut budget: Budget,
    options: &SummarizeOptions,
) -> ListedNumbers {
    let mut numbers = std::mem::take(&mut records.numbers);
    for n in &mut numbers {
        in_time_order(&mut n.entries, &records);
    }
    // Groups in the order of their first valid event, each one's numbers in the order of
    // their first event in time.
    // By time, ties in item order: two stable passes of the one sort the crate has (std's
    // would add its own code to the module).
    let first_of = |n: &NumberRec| records.items.get(n.entries[0].item);
    let mut order: Vec<usize> = (0..numbers.len())
        .filter(|&n| !numbers[n].entries.is_empty())
        .collect();
    sort_by_rank(&mut order, |&n| (first_of(&numbers[n]).index as u64, 0));
    sort_by_rank(&mut order, |&n| {
        first_of(&numbers[n]).time.map_or((0, 0), time_rank)
    });
    let mut group_first = vec![usize::MAX; records.groups.len()];
    for n in &numbers {
        for e in &n.entries {
            let g = &mut group_first[n.group];
            *g = (*g).min(records.items.indexed(e.item).0);
        }
    }
    let mut groups: Vec<usize> = (0..records.groups.len())
        .filter(|&g| group_first[g] != usize::MAX)
        .collect();
    sort_by_rank(&mut groups, |&g| (group_first[g] as u64, 0));
    let mut place = vec![0; records.groups.len()];
    for (k, &g) in groups.iter().enumerate() {
        place[g] = k;
    }
    summary.groups = groups
        .iter()
        .map(|&g| {
            let r = &records.groups[g];
            Group {
                key: r.key(),
                account_id: r.by_account.then(|| r.id.to_string()),
                owner_id: (!r.by_account).then(|| r.id.to_string()),
                events: 0,
                numbers: 0,
                net: Net::default(),
            }
        })
        .collect();
    sort_by_rank(&mut order, |&n| (place[numbers[n].group] as u64, 0));
    let mut listing = true;
    let mut listed_numbers = Vec::new();
    for n in order {
        let t = timeline(&numbers[n], &records);
        let g = &mut summary.groups[place[numbers[n].group]];
        g.events += t.entries.len();
        g.numbers += 1;
        let phone = phone_number(&t.entries[t.entries.len() - 1].0, &records);
        if let Some(list) = t.net {
            list(&mut g.net).push(phone.to_string());
        }
        if !listing || (options.changed_only && t.net.is_none()) {
            summary.numbers_not_listed += 1;
            continue;
        }
        if !budget.take(timeline_size(&g.key, &numbers[n].id, phone)) {
            // Once one does not fit, every later one is counted instead.
            listing = false;
            summary.numbers_not_listed += 1;
            continue;
        }
        let group = place[numbers[n].group];
        listed_numbers.push(listed(t, n, group, &records, &mut budget, options));
    }
    summary.net = whole_net(&summary.groups);
    summary.output_truncated = budget.exhausted;
    ListedNumbers::new(records, numbers, listed_numbers)
}

/// Sorts a number's entries by time, ties in item order (the order they were added in).
fn in_time_order(entries: &mut Vec<Entry>, records: &Records) {
    let time = |e: &Entry| records.items.rec(e.item).time();
    if !entries.windows(2).all(|w| time(&w[0]) <= time(&w[1])) {
        sort_by_rank(entries, |e| time(e).map_or((0, 0), time_rank));
    }
}

/// `t`'s place in time, as [`Instant`]'s order has it: its second, then a leap second after
/// the POSIX second it shares its number with, then its millisecond.
fn time_rank(t: Instant) -> (u64, u64) {
    let (second, ms) = (t.millis().div_euclid(1000), t.millis().rem_euclid(1000));
    (
        signed_rank(second),
        u64::from(t.is_leap_second()) * 1000 + ms as u64,
    )
}

/// A number's timeline with its effects, and its net effect.
fn timeline(n: &NumberRec, records: &Records) -> Timeline {
    let mut entries: Vec<(Entry, Effect)> = Vec::with_capacity(n.entries.len());
    for e in &n.entries {
        let usage = records.string(records.fields[e.fields as usize][2]);
        let mut effect = effect_of(e.event_type, usage);
        // Converted into Contact Center when the log already has it there: a field update.
        if effect == Effect::ConvertedIn
            && entries.last().is_some_and(|(_, e)| e.leaves_number_in())
        {
            effect = Effect::Updated;
        }
        entries.push((*e, effect));
    }
    let first = entries[0];
    let last = entries[entries.len() - 1];
    let in_before = !matches!(first.1, Effect::Added | Effect::ConvertedIn);
    let in_after = last.1.leaves_number_in();
    let net: Option<fn(&mut Net) -> &mut Vec<String>> = match (in_before, in_after) {
        (false, true) => Some(|n| &mut n.added),
        (true, false) => Some(|n| &mut n.removed),
        (false, false) => Some(|n| &mut n.transient),
        (true, true) => {
            let fields = |e: &Entry| &records.fields[e.fields as usize];
            let unchanged = same(fields(&first.0), fields(&last.0))
                && entries
                    .windows(2)
                    .all(|w| same(fields(&w[0].0), fields(&w[1].0)));
            (!unchanged).then_some(|n| &mut n.changed)
        }
    };
    Timeline { entries, net }
}

/// Whether no field changes from `before` to `after` (see [`changed`]).
fn same(before: &Fields, after: &Fields) -> bool {
    changed(before, after).next().is_none()
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

/// A timeline as listed, its own size already taken from `budget`: the entries the options
/// ask for, while they fit; the rest counted as not listed.
fn listed(
    t: Timeline,
    number: usize,
    group: usize,
    records: &Records,
    budget: &mut Budget,
    options: &SummarizeOptions,
) -> ListedNumber {
    let shown = if options.timelines {
        options
            .last_entries
            .unwrap_or(usize::MAX)
            .min(t.entries.len())
    } else {
        0
    };
    let skip = t.entries.len() - shown;
    let fit = (skip..t.entries.len())
        .take_while(|&k| budget.take(entry_size(&entry_view(records, &t.entries, k))))
        .count();
    ListedNumber {
        number,
        group,
        skip,
        listed: fit,
        entries: t.entries,
    }
}
