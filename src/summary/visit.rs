//! What callers beyond the summary (reconciliation) may see of each number the log holds,
//! before its lists are cut to `maxOutputBytes`: every valid, distinct event in time order,
//! its fields borrowed from the records. Only what the records already keep: seeing costs no
//! second pass over the log.

use crate::diagnostics::order::{ranked, signed_rank};
use crate::model::timestamp::Instant;
use crate::model::EventType;
use crate::summary::records::{Records, FIELDS};

/// One valid event of a number.
#[derive(Clone, Copy, Debug)]
pub(crate) struct SeenEvent<'r> {
    pub time: Option<Instant>,
    /// 1-based line where its item starts.
    pub line: u32,
    pub event_type: EventType,
    /// Its values of `phoneNumber`, `type` (in the event's vocabulary), `usageType`, `status`,
    /// `paymentType`, `location`, `contactCenterProvider.id` and `.name`, in this order; `None`
    /// where it leaves one out.
    pub fields: [Option<&'r str>; FIELDS],
}

/// One number of one group.
pub(crate) struct SeenNumber<'r> {
    /// `account:37439510` or `owner:...`, as the summary's groups are keyed.
    pub group: String,
    pub id: &'r str,
    /// In time order, ties in item order.
    pub events: Vec<SeenEvent<'r>>,
}

/// Sees every number of the records (in the order they were first met).
pub(crate) type NumberVisitor<'v> = dyn FnMut(&SeenNumber<'_>) + 'v;

pub(super) fn visit_numbers(records: &Records, visit: &mut NumberVisitor) {
    for n in &records.numbers {
        let mut events: Vec<SeenEvent> = n
            .entries
            .iter()
            .map(|e| {
                let item = records.items.get(e.item);
                let ids = records.fields[e.fields as usize];
                SeenEvent {
                    time: item.time,
                    line: item.line,
                    event_type: e.event_type,
                    fields: ids.map(|id| records.string(id)),
                }
            })
            .collect();
        if events.is_empty() {
            continue;
        }
        let time = |e: &SeenEvent| e.time.map_or(i64::MIN, |t| t.millis());
        if !events.windows(2).all(|w| time(&w[0]) <= time(&w[1])) {
            // The events are `Copy`: gathered in the order of their ranks, without
            // `sort_by_rank`'s generic moves (1 KB of the module for this one caller).
            let order = ranked(events.iter().map(|e| (signed_rank(time(e)), 0)).collect());
            events = order.into_iter().map(|i| events[i]).collect();
        }
        visit(&SeenNumber {
            group: records.groups[n.group].key(),
            id: &n.id,
            events,
        });
    }
}
