//! What the log says of each number between the snapshots, folded while the summary's pass
//! still holds its events: a few values per number, whatever the number of events.

use crate::checks::change::effect_of;
use crate::model::timestamp::Instant;
use crate::model::EventType;
use crate::reconcile::owned;
use crate::reconcile::MAX_EVIDENCE_LINES;
use crate::summary::SeenNumber;

/// The fields compared with a snapshot's record, in the order findings list them.
pub(crate) const FIELDS: [&str; 6] = [
    "status",
    "type",
    "location",
    "paymentType",
    "contactCenterProvider.id",
    "contactCenterProvider.name",
];

/// Where each of [`FIELDS`] stands in the fields of an event the summary lets us see.
const SEEN_AT: [usize; 6] = [3, 1, 5, 4, 6, 7];

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
    /// Folds one number of the summary's pass: its events, in time order.
    pub fn number(&mut self, window: Window, number: &SeenNumber) {
        let mut logged = Logged {
            group: owned(&number.group),
            id: owned(number.id),
            phone_number: String::new(),
            first: None,
            last: None,
            fields: Default::default(),
            lines: Vec::new(),
        };
        for event in &number.events {
            // The number as its latest event writes it, inside the window or not.
            if let Some(phone) = event.fields[0] {
                logged.phone_number = owned(phone);
            }
            // A valid event always has a time; the summary keeps none only for broken items.
            let time = event.time.unwrap_or(Instant::from_millis(i64::MIN));
            if window.before.is_some_and(|t| time <= t) {
                self.before_window += 1;
                continue;
            }
            if window.after.is_some_and(|t| time > t) {
                self.after_window += 1;
                continue;
            }
            let step = Step {
                time,
                line: event.line,
                event_type: event.event_type,
                leaves_in: effect_of(event.event_type, event.fields[2]).leaves_number_in(),
            };
            logged.first.get_or_insert(step);
            logged.last = Some(step);
            if logged.lines.len() < MAX_EVIDENCE_LINES {
                logged.lines.push(event.line);
            }
            for (slot, at) in logged.fields.iter_mut().zip(SEEN_AT) {
                if let Some(value) = event.fields[at] {
                    *slot = Some((owned(value), step));
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
        in_line_order(&mut self.lines);
    }
}

/// At most [`MAX_EVIDENCE_LINES`] line numbers, in ascending order: an insertion sort, a few
/// dozen bytes of wasm where the crate's generic `sort_by_rank` made a copy of 1.5 KB for
/// them. Equal lines cannot be told apart, so its result is the stable sort's.
fn in_line_order(lines: &mut [u32]) {
    for i in 1..lines.len() {
        let mut j = i;
        while j > 0 && lines[j - 1] > lines[j] {
            lines.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::in_line_order;

    #[test]
    fn lines_end_ascending_whatever_their_order() {
        for mut lines in [
            vec![],
            vec![7],
            vec![9, 3, 3, 12, 1, 9],
            vec![1, 2, 3],
            vec![5, 4, 3, 2, 1],
        ] {
            let mut sorted = lines.clone();
            sorted.sort_unstable();
            in_line_order(&mut lines);
            assert_eq!(lines, sorted);
        }
    }
}
