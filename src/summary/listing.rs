//! What the summary lists within its limits: the broken items (`maxLogIssues`), and the bytes
//! of `maxOutputBytes` that every list (problems, duplicates, out-of-order items, timelines)
//! draws from as it grows. Counts are never charged: only what is listed.
//!
//! While a log is read its size is not known, nor (for a part of a log) what the parts before
//! it listed: so reading keeps the candidates each limit could still let through on its own
//! (see [`Listing`]), and [`list`] applies the limits once, in item order, at the end.

use crate::diagnostics::codes::{IssueCode, Severity};
use crate::diagnostics::issue::Issue;
use crate::model::timestamp::Instant;
use crate::model::{Kind, HARD_MAX_OUTPUT_BYTES};
use crate::summary::numbers::EntryView;
use crate::summary::records::{Records, Verdict};
use crate::summary::uuids::UuidText;
use crate::summary::{DuplicateItem, OutOfOrderItem, Problem, SummarizeOptions, Summary};

/// What `maxOutputBytes` comes to for an input of `input_len` bytes.
pub(crate) fn output_limit(options: &SummarizeOptions, input_len: usize) -> usize {
    options
        .max_output_bytes
        .unwrap_or_else(|| input_len.saturating_add(DEFAULT_OUTPUT_ROOM))
        .min(crate::model::HARD_MAX_OUTPUT_BYTES)
}

/// What `maxOutputBytes` adds to the input's size by default: room for the fixed parts of a
/// summary of a small input.
const DEFAULT_OUTPUT_ROOM: usize = 1 << 20;

/// What a listed duplicate or out-of-order item costs in the summary's JSON, besides its uuid.
pub(super) const LISTED_ITEM_BYTES: usize = 128;

/// What is left of `maxOutputBytes` for the summary's lists, charged as each item is listed.
pub(super) struct Budget {
    left: usize,
    /// Something was left out for want of room.
    pub exhausted: bool,
}

impl Budget {
    /// Charges `bytes` if they fit; once something did not, nothing more is listed.
    pub fn take(&mut self, bytes: usize) -> bool {
        if self.exhausted || bytes > self.left {
            self.exhausted = true;
            return false;
        }
        self.left -= bytes;
        true
    }
}

/// An entry's size in the summary's JSON, near enough to charge it to the [`Budget`].
pub(super) fn entry_size(e: &EntryView) -> usize {
    let changes: usize = e
        .changes()
        .map(|c| 40 + c.name().len() + c.from.map_or(4, str::len) + c.to.len())
        .sum();
    150 + e.uuid().map_or(0, UuidText::len) + changes
}

/// What a timeline costs in the summary's JSON besides its entries.
pub(super) fn timeline_size(group: &str, id: &str, phone_number: &str) -> usize {
    80 + group.len() + id.len() + phone_number.len()
}

/// An issue's size in the summary's JSON, near enough to charge it to the [`Budget`].
fn issue_size(i: &Issue) -> usize {
    120 + i.message.len() + i.hint.as_ref().map_or(0, String::len) + i.path.len()
}

/// A broken item that may be listed: its issues located, at most `maxIssues` of them
/// (without the `too-many-issues` warning, which [`list`] writes for the number it keeps).
#[derive(Clone, Debug)]
pub(super) struct Listed {
    pub index: Option<usize>,
    pub line: u32,
    pub kind: Kind,
    /// Errors, then warnings, each in document order.
    pub issues: Vec<Issue>,
    /// How many issues the item has, listed or not.
    pub total: usize,
}

/// A duplicate that may be listed.
#[derive(Clone, Copy, Debug)]
pub(super) struct DupListed {
    pub index: usize,
    pub line: u32,
    /// The first item with its uuid, in [`Records::items`].
    pub first: usize,
    /// [`crate::summary::records::hash_of`] its text.
    pub text: u64,
}

/// The candidates for the summary's lists, kept while the limits could still let them
/// through: a part of a log can only list less once the parts before it are counted, never
/// more, so nothing past these bounds is ever needed.
pub(super) struct Listing {
    pub problems: Vec<Listed>,
    pub dups: Vec<DupListed>,
    /// Issues of broken items that are not candidates.
    pub unlisted: usize,
    /// What `maxLogIssues` leaves for this part alone.
    issues_left: usize,
    /// What `maxOutputBytes` (or, until the log's size is known, its hard cap) leaves.
    room: Budget,
    /// Issues have positions (not so for items that were already parsed).
    pub positions: bool,
}

impl Listing {
    pub fn new(options: &SummarizeOptions) -> Self {
        Listing {
            problems: Vec::new(),
            dups: Vec::new(),
            unlisted: 0,
            issues_left: options.max_log_issues,
            room: Budget {
                left: options
                    .max_output_bytes
                    .unwrap_or(HARD_MAX_OUTPUT_BYTES)
                    .min(HARD_MAX_OUTPUT_BYTES),
                exhausted: false,
            },
            positions: true,
        }
    }

    /// A broken item, `issues` located and capped at `maxIssues`, `total` counted. Bounded by
    /// `maxLogIssues` alone: what an item is charged for its issues depends on how many the
    /// parts before it leave.
    pub fn problem(&mut self, p: Listed) {
        if self.issues_left == 0 {
            self.unlisted += p.total;
            return;
        }
        let shown = p.issues.len() + usize::from(p.total > p.issues.len());
        self.issues_left = self.issues_left.saturating_sub(shown);
        self.problems.push(p);
    }

    /// A duplicate, whose uuid is `uuid_len` bytes long.
    pub fn dup(&mut self, d: DupListed, uuid_len: usize) {
        if self.room.take(LISTED_ITEM_BYTES + uuid_len) {
            self.dups.push(d);
        }
    }

    /// Adds a later part's candidates, each already moved to its place in the whole log.
    pub fn append(&mut self, later: Listing) {
        for p in later.problems {
            self.problem(p);
        }
        self.unlisted += later.unlisted;
        for d in later.dups {
            self.dups.push(d);
        }
    }
}

/// Fills the summary's lists (problems, duplicates, out-of-order items and their count) from
/// the candidates, in item order, within `limit` bytes and `maxLogIssues`; what is left of
/// the bytes is for the timelines.
pub(super) fn list(
    summary: &mut Summary,
    listing: Listing,
    records: &Records,
    options: &SummarizeOptions,
    limit: usize,
) -> Budget {
    let mut budget = Budget {
        left: limit,
        exhausted: false,
    };
    let mut issues_left = options.max_log_issues;
    let mut not_listed = listing.unlisted;
    let per_item = options.item.max_issues.max(1);
    let positions = listing.positions;
    let mut problems = listing.problems.into_iter().peekable();
    let mut dups = listing.dups.iter().peekable();
    let mut items = records
        .items
        .iter()
        .filter(|r| r.verdict != Verdict::Repeated && r.time.is_some())
        .peekable();
    // The latest time seen so far, and its item.
    let mut latest: Option<(Instant, usize)> = None;
    loop {
        // One item lists its out-of-order entry before its problem; a problem with no item
        // (the input's own) comes first.
        let key_p = problems.peek().map(|p| (p.index.map_or(0, |i| i + 1), 2));
        let key_d = dups.peek().map(|d| (d.index + 1, 0));
        let key_i = items.peek().map(|r| (r.index + 1, 1));
        let Some(next) = [key_p, key_d, key_i].into_iter().flatten().min() else {
            break;
        };
        if Some(next) == key_d {
            let d = dups.next().expect("peeked");
            let first = records.items.get(d.first);
            let uuid = records.uuid(&first);
            if budget.take(LISTED_ITEM_BYTES + uuid.map_or(0, UuidText::len)) {
                summary.duplicate_items.push(DuplicateItem {
                    index: d.index,
                    line: d.line,
                    uuid: uuid.map(|u| u.to_text()).unwrap_or_default(),
                    first_index: first.index,
                    first_line: first.line,
                    identical: first.text == d.text,
                });
            }
        } else if Some(next) == key_i {
            let r = items.next().expect("peeked");
            let t = r.time.expect("filtered");
            match latest {
                Some((max, max_index)) if t < max => {
                    summary.out_of_order += 1;
                    let uuid = records.uuid(&r);
                    if budget.take(LISTED_ITEM_BYTES + uuid.map_or(0, UuidText::len)) {
                        summary.out_of_order_items.push(OutOfOrderItem {
                            index: r.index,
                            line: r.line,
                            uuid: uuid.map(|u| u.to_text()).unwrap_or_default(),
                            time: t,
                            after: max,
                            after_index: max_index,
                        });
                    }
                }
                _ => latest = Some((t, r.index)),
            }
        } else {
            let p = problems.next().expect("peeked");
            if issues_left == 0 || budget.exhausted {
                not_listed += p.total;
                continue;
            }
            let issues = capped(p.issues, p.total, per_item.min(issues_left), positions);
            if !budget.take(issues.iter().map(issue_size).sum()) {
                not_listed += p.total;
                continue;
            }
            issues_left = issues_left.saturating_sub(issues.len());
            not_listed += p.total.saturating_sub(issues.len());
            summary.problems.push(Problem {
                index: p.index,
                line: p.line,
                kind: p.kind,
                issues,
            });
        }
    }
    summary.issues_not_listed = not_listed;
    budget
}

/// An item's first `max` issues (errors first), and a warning saying how many more there are:
/// what locating its findings with that cap gives.
fn capped(mut issues: Vec<Issue>, total: usize, max: usize, positions: bool) -> Vec<Issue> {
    let max = max.max(1);
    if total <= max {
        return issues;
    }
    issues.truncate(max);
    issues.push(Issue {
        code: IssueCode::TooManyIssues,
        severity: Severity::Warning,
        message: format!(
            "{} more issues were found but not listed (limit `maxIssues` = {max})",
            total - max
        ),
        hint: Some("fix the first ones, or raise `maxIssues`".into()),
        path: String::new(),
        line: positions.then_some(1),
        column: positions.then_some(1),
        offset: positions.then_some(0),
        length: positions.then_some(0),
    });
    issues
}
