//! What the log says of each number between the snapshots, folded while the summary's pass
//! still holds its events: a few values per number, whatever the number of events.

use crate::checks::change::effect_of;
use crate::diagnostics::order::sort_by_rank;
use crate::model::event_ref::EventRef;
use crate::model::timestamp::Instant;
use crate::model::EventType;
use crate::reconcile::MAX_EVIDENCE_LINES;
use crate::summary::NumberTimeline;

/// The fields compared with a snapshot's record, in the order findings list them.
pub(crate) const FIELDS: [&str; 6] = [
    "status",
    "type",
    "location",
    "paymentType",
    "contactCenterProvider.id",
    "contactCenterProvider.name",
];

/// One notification, as reconciliation needs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Step {
    pub time: Instant,
    pub line: u32,
    pub event_type: EventType,
    /// Whether the number is a Contact Center number after it.
    pub leaves_in: bool,
}

/// One number as the log leaves it, from its events inside the window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Logged {
    /// The number's group in the summary: `account:37439510` or `owner:...`.
    pub group: String,
    pub id: String,
    pub phone_number: String,
    /// The window's first and last events: `None` when the log says nothing of the number
    /// inside it.
    pub first: Option<Step>,
    pub last: Option<Step>,
    /// Each of [`FIELDS`]: its last value inside the window, and the event that gave it.
    pub fields: [Option<(String, Step)>; 6],
    /// The lines of the window's events, the first [`MAX_EVIDENCE_LINES`].
    pub lines: Vec<u32>,
}

/// Which events count: later than `before` (already in that snapshot), and not later than
/// `after` (not yet in it).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Window {
    pub before: Option<Instant>,
    pub after: Option<Instant>,
}

/// Numbers as the log leaves them, and the events left outside the window.
#[derive(Debug, Default)]
pub(crate) struct Fold {
    pub numbers: Vec<Logged>,
    pub before_window: usize,
    pub after_window: usize,
}

impl Fold {
    /// Folds one number of the summary's pass: its timeline and its events, in time order.
    pub fn number(&mut self, window: Window, timeline: &NumberTimeline, events: &[EventRef]) {
        let mut logged = Logged {
            group: timeline.group.clone(),
            id: timeline.id.clone(),
            phone_number: timeline.phone_number.clone(),
            first: None,
            last: None,
            fields: Default::default(),
            lines: Vec::new(),
        };
        for (entry, event) in timeline.timeline.iter().zip(events) {
            if window.before.is_some_and(|t| event.time <= t) {
                self.before_window += 1;
                continue;
            }
            if window.after.is_some_and(|t| event.time > t) {
                self.after_window += 1;
                continue;
            }
            let info = event.info();
            let step = Step {
                time: event.time,
                line: entry.line,
                event_type: event.event_type(),
                leaves_in: effect_of(event.event_type(), info.usage_type).leaves_number_in(),
            };
            logged.first.get_or_insert(step);
            logged.last = Some(step);
            if logged.lines.len() < MAX_EVIDENCE_LINES {
                logged.lines.push(entry.line);
            }
            let provider = info.contact_center_provider.unwrap_or_default();
            let values = [
                info.status,
                info.number_type.map(|t| t.as_str()),
                info.location,
                info.payment_type,
                provider.id,
                provider.name,
            ];
            for (slot, value) in logged.fields.iter_mut().zip(values) {
                if let Some(value) = value {
                    *slot = Some((value.to_string(), step));
                }
            }
        }
        self.numbers.push(logged);
    }
}

impl Logged {
    /// Adds what `other` (the same number in another group of the summary: a log whose
    /// filters name the account in one notification and `~` in another) says, by time.
    pub fn merge(&mut self, other: Logged) {
        let earlier = |a: &Option<Step>, b: &Option<Step>| match (a, b) {
            (Some(x), Some(y)) if y.time < x.time => *b,
            (None, _) => *b,
            _ => *a,
        };
        let later = |a: &Option<Step>, b: &Option<Step>| match (a, b) {
            (Some(x), Some(y)) if y.time >= x.time => *b,
            (None, _) => *b,
            _ => *a,
        };
        self.first = earlier(&self.first, &other.first);
        self.last = later(&self.last, &other.last);
        for (mine, theirs) in self.fields.iter_mut().zip(other.fields) {
            if let Some(theirs) = theirs {
                if mine.as_ref().is_none_or(|m| theirs.1.time >= m.1.time) {
                    *mine = Some(theirs);
                }
            }
        }
        let room = MAX_EVIDENCE_LINES.saturating_sub(self.lines.len());
        self.lines.extend(other.lines.into_iter().take(room));
        sort_by_rank(&mut self.lines, |l| (u64::from(*l), 0));
    }
}
