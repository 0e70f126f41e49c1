//! The `redact` option: phone numbers masked in everything a person reads (messages, hints,
//! the change sentence, the text, Markdown and CSV renderings), so that a report can be pasted
//! into a ticket. Structured values (`event`, a summary's `numbers`) are the caller's own data
//! and stay whole.

use crate::diagnostics::issue::Issue;
use crate::model::Report;
use crate::reconcile::{Reconciliation, SnapshotReport};
use crate::text::mask::{mask_digit_runs, mask_phone_numbers};

fn mask(text: &mut String, field: bool) {
    let masked = if field {
        mask_digit_runs(text)
    } else {
        mask_phone_numbers(text)
    };
    if let std::borrow::Cow::Owned(masked) = masked {
        *text = masked;
    }
}

/// An issue's message and hint with their phone numbers masked; about a `phoneNumber`
/// member, any run of digits is the number, `+` or not.
pub(crate) fn redact_issue(issue: &mut Issue) {
    let field = issue.path.ends_with("/phoneNumber");
    mask(&mut issue.message, field);
    if let Some(hint) = &mut issue.hint {
        mask(hint, field);
    }
}

/// A report's issues and change sentence, before it is rendered.
pub(crate) fn redact_report(report: &mut Report) {
    report.errors.iter_mut().for_each(redact_issue);
    report.warnings.iter_mut().for_each(redact_issue);
    if let Some(change) = &mut report.change {
        mask(&mut change.sentence, false);
    }
}

/// A reconciliation's findings and the lists' own issues, before it is rendered. The phone
/// number and the snapshot records a finding carries are structured values, and stay whole.
pub(crate) fn redact_reconciliation(r: &mut Reconciliation) {
    let snapshots = std::iter::once(&mut r.after).chain(r.before.as_mut());
    snapshots.for_each(|s: &mut SnapshotReport| {
        s.errors.iter_mut().for_each(redact_issue);
        s.warnings.iter_mut().for_each(redact_issue);
    });
    for finding in &mut r.findings {
        mask(&mut finding.message, false);
    }
}

/// A rendering, once made: its field tables and lists quote the numbers themselves.
pub(crate) fn redact_rendering(text: &mut String) {
    mask(text, false);
}

/// A text rendering and the Markdown and CSV ones asked for, once made.
pub(crate) fn redact_renderings(text: &mut String, others: [&mut Option<String>; 2]) {
    redact_rendering(text);
    others.into_iter().flatten().for_each(redact_rendering);
}

/// How much longer masking can make a text: a run of 8 bytes (`+` and 7 digits) becomes at
/// most 14 (`+44•••45`, each `•` 3 bytes). A rendering made within half the limit stays within
/// the limit once masked.
pub(crate) const GROWTH: usize = 2;
