//! The findings: each number as `before` left it, moved by the log's notifications inside the
//! window, then held against `after`. A number the log never mentions keeps `before`'s state
//! (or none, without `before`).

use crate::json::map::HashMap;
use crate::model::formats::is_digits;
use crate::model::{EventType, NumberType};
use crate::reconcile::logged::{Fold, Logged, Step, FIELDS};
use crate::reconcile::owned;
use crate::reconcile::snapshot::{index_of, is_contact_center, Listed, Snapshot};
use crate::reconcile::{FindingKind, ReconcileCounts, ReconcileFinding, SnapshotRecord};
use crate::text::quote::clip;

/// Every finding, missed notifications first, and the counts.
pub(crate) fn compare(
    after: &Snapshot,
    before: Option<&Snapshot>,
    fold: Fold,
) -> (Vec<ReconcileFinding>, ReconcileCounts) {
    let mut counts = ReconcileCounts {
        events_before_snapshot: fold.before_window,
        events_after_snapshot: fold.after_window,
        ..ReconcileCounts::default()
    };
    let account = after
        .report
        .account_id
        .as_deref()
        .or_else(|| before.and_then(|b| b.report.account_id.as_deref()))
        .filter(|a| is_digits(a));
    // The log's numbers by id, one entry per number however many groups hold it.
    let mut order: Vec<Logged> = Vec::new();
    // Keyed as the summary's maps are, to share their code in the WebAssembly module.
    let mut slot_of: HashMap<Box<str>, usize> = HashMap::default();
    for logged in fold.numbers {
        let other = logged
            .group
            .strip_prefix("account:")
            .is_some_and(|g| is_digits(g) && account.is_some_and(|a| a != g));
        if other {
            counts.other_accounts += 1;
            continue;
        }
        match index_of(&slot_of, &logged.id) {
            Some(i) => order[i].merge(logged),
            None => {
                slot_of.insert(logged.id.as_str().into(), order.len());
                order.push(logged);
            }
        }
    }
    let mut ids: Vec<(&str, Option<&Logged>)> =
        order.iter().map(|l| (&l.id[..], Some(l))).collect();
    for snapshot in std::iter::once(after).chain(before) {
        // In the order of the list (the records are kept as read).
        let extra: Vec<&SnapshotRecord> = snapshot
            .records
            .iter()
            .filter(|r| is_contact_center(r) && index_of(&slot_of, &r.id).is_none())
            .collect();
        for r in extra {
            slot_of.insert(r.id.as_str().into(), usize::MAX);
            ids.push((&r.id, None));
        }
    }
    // By kind, each kind in the numbers' order (the log's, then the snapshots'); a number's
    // fields in the order of `FIELDS`: one list per kind, joined at the end. A sort of the
    // findings by kind (`sort_by_rank`) gave the same order for 0.3 KB more of the module.
    let mut by_kind: ByKind = Default::default();
    let count = |by_kind: &ByKind| by_kind.iter().map(Vec::len).sum::<usize>();
    for (id, logged) in ids {
        let n = Number {
            id,
            logged,
            after: after.listed(id),
            before: before.map_or(Listed::Unknown, |b| b.listed(id)),
            with_before: before.is_some(),
        };
        let found = count(&by_kind);
        n.findings(&mut by_kind);
        counts.numbers += 1;
        if count(&by_kind) == found && n.after != Listed::Unknown {
            counts.in_agreement += 1;
        }
    }
    [
        counts.missed_adds,
        counts.missed_removals,
        counts.removed_but_present,
        counts.contradictions,
        counts.field_drift,
        counts.unexplained_changes,
    ] = by_kind.each_ref().map(Vec::len);
    let mut findings = Vec::with_capacity(count(&by_kind));
    for mut kind in by_kind {
        findings.append(&mut kind);
    }
    (findings, counts)
}

/// Findings by kind, in [`FindingKind`]'s order.
type ByKind = [Vec<ReconcileFinding>; 6];

/// Adds a finding to the list of its kind.
fn put(out: &mut ByKind, f: ReconcileFinding) {
    out[f.kind as usize].push(f);
}

/// One number: what the log and each snapshot say of it.
struct Number<'a> {
    id: &'a str,
    logged: Option<&'a Logged>,
    after: Listed<'a>,
    before: Listed<'a>,
    with_before: bool,
}

/// Whether a snapshot holds the number as a Contact Center number, if it can tell.
fn holds(listed: Listed) -> Option<bool> {
    match listed {
        Listed::Record(r) => Some(is_contact_center(r)),
        Listed::Absent => Some(false),
        Listed::Unknown => None,
    }
}

fn record(listed: Listed) -> Option<SnapshotRecord> {
    match listed {
        Listed::Record(r) => Some(r.clone()),
        _ => None,
    }
}

/// `` `Created` at line 4 ``.
fn step_text(s: &Step) -> String {
    format!("`{}` at line {}", s.event_type.as_str(), s.line)
}

/// How `after` holds a number it does not hold as Contact Center.
fn not_there(listed: Listed) -> String {
    match listed {
        Listed::Record(r) => format!("lists it as `{}`", clip(&r.usage_type)),
        _ => owned("does not list it"),
    }
}

/// A value as compared: the REST vocabulary's `VoiceOnly` and `FaxOnly` are the event's
/// `Voice` and `Fax`.
fn normal(field: &str, value: &str) -> String {
    match NumberType::from_name(value) {
        Some(t) if field == "type" => owned(t.as_str()),
        _ => owned(value),
    }
}

/// Field `i` of [`FIELDS`] in a record.
fn record_field(r: &SnapshotRecord, i: usize) -> Option<&str> {
    let provider = r.contact_center_provider.as_ref();
    match i {
        0 => r.status.as_deref(),
        1 => r.number_type.as_deref(),
        2 => r.location.as_deref(),
        3 => r.payment_type.as_deref(),
        4 => provider.and_then(|p| p.id.as_deref()),
        _ => provider.and_then(|p| p.name.as_deref()),
    }
}

impl Number<'_> {
    fn phone_number(&self) -> String {
        match (self.logged, self.after, self.before) {
            (Some(l), _, _) => owned(&l.phone_number),
            (None, Listed::Record(r), _) | (None, _, Listed::Record(r)) => owned(&r.phone_number),
            _ => String::new(),
        }
    }

    fn finding(&self, kind: FindingKind, message: String, lines: Vec<u32>) -> ReconcileFinding {
        ReconcileFinding {
            kind,
            id: owned(self.id),
            phone_number: self.phone_number(),
            message,
            field: None,
            expected: None,
            actual: None,
            lines,
            before: record(self.before),
            after: record(self.after),
        }
    }

    fn findings(&self, out: &mut ByKind) {
        let first = self.logged.and_then(|l| l.first);
        let last = self.logged.and_then(|l| l.last);
        let before_in = holds(self.before);
        let number = clip(&self.phone_number()).into_owned();
        if let (Some(first), Some(was_in)) = (first, before_in) {
            if let Some(message) = contradiction(&first, was_in, self.before, &number) {
                put(
                    out,
                    self.finding(FindingKind::ContradictsBefore, message, vec![first.line]),
                );
            }
        }
        let Some(after_in) = holds(self.after) else {
            return;
        };
        let predicted = last.map(|s| s.leaves_in).or(before_in);
        let lines = self.logged.map_or(Vec::new(), |l| l.lines.clone());
        match (after_in, predicted, last) {
            (true, Some(false), Some(last)) => put(out, self.finding(
                FindingKind::RemovedButPresent,
                format!(
                    "the log removed {number} ({}), but `after` still lists it as a Contact Center number: a later `Created` or converting `Updated` was missed",
                    step_text(&last)
                ),
                vec![last.line],
            )),
            (true, Some(false) | None, _) => put(out, self.finding(
                FindingKind::MissedAdd,
                if self.with_before && before_in.is_some() {
                    format!("`after` lists {number} as a Contact Center number and `before` did not, but no notification added it: a missed `Created` or converting `Updated`")
                } else {
                    format!("`after` lists {number} as a Contact Center number, but the log never added it: a missed `Created` or converting `Updated`")
                },
                lines,
            )),
            (false, Some(true), Some(last)) => put(out, self.finding(
                FindingKind::MissedRemoval,
                format!(
                    "the log leaves {number} a Contact Center number ({}), but `after` {}: a missed `Deleted` or reassigning `Updated`",
                    step_text(&last),
                    not_there(self.after)
                ),
                vec![last.line],
            )),
            (false, Some(true), None) => put(out, self.finding(
                FindingKind::MissedRemoval,
                format!(
                    "`before` lists {number} as a Contact Center number and `after` {}, but no notification removed it: a missed `Deleted` or reassigning `Updated`",
                    not_there(self.after)
                ),
                lines,
            )),
            (true, Some(true), _) => self.drift(out, before_in == Some(true)),
            (false, _, _) => {}
        }
    }

    /// The fields of a number that both the log (or `before`) and `after` hold as Contact
    /// Center.
    fn drift(&self, out: &mut ByKind, before_in: bool) {
        let Listed::Record(after) = self.after else {
            return;
        };
        for (i, field) in FIELDS.iter().enumerate() {
            let Some(actual) = record_field(after, i) else {
                continue;
            };
            let logged = self.logged.and_then(|l| l.fields[i].as_ref());
            let from_before = match self.before {
                Listed::Record(r) if before_in => record_field(r, i),
                _ => None,
            };
            let (kind, expected, lines) = match (logged, from_before) {
                (Some((value, step)), _) => {
                    (FindingKind::FieldDrift, value.as_str(), vec![step.line])
                }
                (None, Some(value)) => (FindingKind::UnexplainedChange, value, Vec::new()),
                (None, None) => continue,
            };
            if normal(field, expected) == normal(field, actual) {
                continue;
            }
            let message = match kind {
                FindingKind::FieldDrift => format!(
                    "`{field}` is \"{}\" in the log's last notification that carries it (line {}), \"{}\" in `after`",
                    clip(expected),
                    lines[0],
                    clip(actual)
                ),
                _ => format!(
                    "`{field}` changed from \"{}\" in `before` to \"{}\" in `after`, and no notification says so",
                    clip(expected),
                    clip(actual)
                ),
            };
            let mut f = self.finding(kind, message, lines);
            f.field = Some(field);
            f.expected = Some(owned(expected));
            f.actual = Some(owned(actual));
            put(out, f);
        }
    }
}

/// Why the window's first notification cannot follow from `before`, if it cannot.
fn contradiction(first: &Step, was_in: bool, before: Listed, number: &str) -> Option<String> {
    match (first.event_type, first.leaves_in, was_in) {
        (EventType::Created, _, _) if matches!(before, Listed::Record(_)) => Some(format!(
            "{} creates {number}, but `before` already lists it{}: the number existed before the log, or the notification is older than `before` (check `beforeTime`)",
            step_text(first),
            match before {
                Listed::Record(r) if !is_contact_center(r) => format!(" as `{}`", clip(&r.usage_type)),
                _ => owned(" as a Contact Center number"),
            }
        )),
        (_, false, false) => Some(format!(
            "{} removes {number} from Contact Center, but `before` does not hold it as a Contact Center number: the notification that added it was missed",
            step_text(first)
        )),
        _ => None,
    }
}
