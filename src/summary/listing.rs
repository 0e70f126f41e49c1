//! What the summary lists within its limits: the broken items (`maxLogIssues`), and the bytes
//! of `maxOutputBytes` that every list (problems, duplicates, out-of-order items, timelines)
//! draws from as it grows. Counts are never charged: only what is listed.

use crate::diagnostics::findings::{locate, Findings};
use crate::diagnostics::issue::Issue;
use crate::model::Kind;
use crate::summary::{NumberTimeline, Problem, SummarizeOptions, TimelineEntry};
use crate::text::position::LineIndex;

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
pub(super) fn entry_size(e: &TimelineEntry) -> usize {
    let changes: usize = e
        .changes
        .iter()
        .map(|c| 40 + c.field.len() + c.from.as_ref().map_or(4, String::len) + c.to.len())
        .sum();
    150 + e.uuid.len() + changes
}

/// What a timeline costs in the summary's JSON besides its entries.
pub(super) fn timeline_size(t: &NumberTimeline) -> usize {
    80 + t.group.len() + t.id.len() + t.phone_number.len()
}

/// An issue's size in the summary's JSON, near enough to charge it to the [`Budget`].
fn issue_size(i: &Issue) -> usize {
    120 + i.message.len() + i.hint.as_ref().map_or(0, String::len) + i.path.len()
}

/// Broken items as they are found, located in the whole input, within the log's issue budget.
pub(super) struct Problems<'a> {
    lines: LineIndex<'a>,
    /// Whether issues have positions: not when the items were already parsed, and `src` is
    /// only their text made again, one line each.
    positions: bool,
    per_item: usize,
    /// Issues that `maxLogIssues` still lets through.
    issues_left: usize,
    /// Bytes that `maxOutputBytes` still lets through, shared with the other lists.
    pub budget: Budget,
    pub list: Vec<Problem>,
    pub not_listed: usize,
}

impl<'a> Problems<'a> {
    pub fn new(src: &'a str, options: &SummarizeOptions, limit: usize) -> Self {
        Problems {
            lines: LineIndex::new(src),
            positions: true,
            per_item: options.item.max_issues,
            issues_left: options.max_log_issues,
            budget: Budget {
                left: limit,
                exhausted: false,
            },
            list: Vec::new(),
            not_listed: 0,
        }
    }

    /// Problems of items that were already parsed (see [`Problems::positions`]).
    #[cfg(feature = "serde")]
    pub(super) fn without_positions(self) -> Self {
        Problems {
            positions: false,
            ..self
        }
    }

    pub fn line_of(&self, byte: usize) -> u32 {
        self.lines.line_of(byte) as u32
    }

    pub fn push(&mut self, index: Option<usize>, line: u32, kind: Kind, f: Findings) {
        let count = f.total();
        if self.issues_left == 0 || self.budget.exhausted {
            self.not_listed += count;
            return;
        }
        let (mut issues, warnings) = locate(
            f,
            self.positions.then_some(&self.lines),
            self.per_item.min(self.issues_left),
        );
        issues.extend(warnings);
        if !self.budget.take(issues.iter().map(issue_size).sum()) {
            self.not_listed += count;
            return;
        }
        self.issues_left = self.issues_left.saturating_sub(issues.len());
        self.not_listed += count.saturating_sub(issues.len());
        self.list.push(Problem {
            index,
            line,
            kind,
            issues,
        });
    }
}
