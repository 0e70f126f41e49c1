//! A reconciliation as text for a ticket, as Markdown and as CSV: missed notifications first,
//! then drift; each bounded by [`Out`].

use super::escape::{cell, md, plain};
use super::Out;
use crate::reconcile::owned;
use crate::reconcile::{ReconcileFinding, Reconciliation, SnapshotReport};
use std::fmt::Write;

/// `3 pages`: [`super::plural`], out of line: inlined at each of this file's twelve calls,
/// its `format!` cost the module 0.8 KB more than the calls (0.3 KB gzip).
#[inline(never)]
fn counted(n: usize, one: &str, many: &str) -> String {
    super::plural(n, one, many)
}

/// `` `after` (v1, account 37439510: 2 pages, 7 records, 5 Contact Center) ``.
fn snapshot_text(name: &str, s: &SnapshotReport) -> String {
    let mut out = format!("`{name}` (");
    if let Some(v) = s.version {
        let _ = write!(out, "{v}, ");
    }
    if let Some(a) = &s.account_id {
        let _ = write!(out, "account {a}: ");
    }
    let _ = write!(
        out,
        "{}, {}, {} Contact Center",
        counted(s.pages, "page", "pages"),
        counted(s.records, "record", "records"),
        s.contact_center
    );
    if !s.errors.is_empty() {
        let _ = write!(out, "; {}", counted(s.errors.len(), "error", "errors"));
    }
    if !s.complete {
        out.push_str("; incomplete");
    }
    out.push(')');
    out
}

/// The opening lines: what was compared, and the counts.
fn head(r: &Reconciliation) -> Vec<String> {
    let c = &r.counts;
    let mut lines = Vec::new();
    let mut first = format!(
        "Reconciliation of {} on {} against {}",
        counted(c.log_events, "notification", "notifications"),
        counted(c.numbers, "number", "numbers"),
        snapshot_text("after", &r.after)
    );
    if let Some(t) = r.after_time {
        let _ = write!(first, ", taken {}", t.to_human());
    }
    if let Some(b) = &r.before {
        let _ = write!(first, ", and {}", snapshot_text("before", b));
        if let Some(t) = r.before_time {
            let _ = write!(first, ", taken {}", t.to_human());
        }
    }
    first.push('.');
    lines.push(first);
    if r.after.direct_numbers_only {
        lines.push(owned("`after` holds only DirectNumber records: it was taken without admin rights and says nothing about Contact Center numbers. Nothing was compared against it."));
    } else if !r.compared {
        lines.push(owned(
            "`after` could not be read: nothing was compared against it.",
        ));
    }
    if r.before.as_ref().is_some_and(|b| b.direct_numbers_only) {
        lines.push(owned("`before` holds only DirectNumber records (taken without admin rights): it was not used."));
    }
    if r.before.is_none() && c.missed_adds > 0 {
        lines.push(owned("Without `before`, a number that was already a Contact Center number when the log began counts as a missed add."));
    }
    let missed = parts(&[
        (c.missed_adds, "missed add", "missed adds"),
        (c.missed_removals, "missed removal", "missed removals"),
        (
            c.removed_but_present,
            "removed but still listed",
            "removed but still listed",
        ),
        (
            c.contradictions,
            "contradicting `before`",
            "contradicting `before`",
        ),
    ]);
    let drift = parts(&[
        (
            c.field_drift,
            "field differs from the log",
            "fields differ from the log",
        ),
        (
            c.unexplained_changes,
            "change no notification explains",
            "changes no notification explains",
        ),
    ]);
    lines.push(format!(
        "Missed notifications: {missed}. Drift: {drift}. {} in agreement.",
        counted(c.in_agreement, "number", "numbers")
    ));
    let mut aside = Vec::new();
    if c.events_after_snapshot > 0 {
        aside.push(format!(
            "{} after `after` was taken, not counted against it",
            counted(c.events_after_snapshot, "event", "events")
        ));
    }
    if c.events_before_snapshot > 0 {
        aside.push(format!(
            "{} before `before` was taken, already in it",
            counted(c.events_before_snapshot, "event", "events")
        ));
    }
    if c.invalid_items > 0 {
        aside.push(format!(
            "{} of the log not read (see the summary)",
            counted(c.invalid_items, "invalid item", "invalid items")
        ));
    }
    if c.other_accounts > 0 {
        aside.push(format!(
            "{} of other accounts left out",
            counted(c.other_accounts, "number", "numbers")
        ));
    }
    if !aside.is_empty() {
        let mut t = aside.join("; ");
        if let Some(first) = t.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        lines.push(t + ".");
    }
    lines
}

/// `2 (1 missed add, 1 missed removal)`, or `none`: the counts that are not zero.
fn parts(counts: &[(usize, &str, &str)]) -> String {
    let total: usize = counts.iter().map(|c| c.0).sum();
    if total == 0 {
        return owned("none");
    }
    let list: Vec<String> = counts
        .iter()
        .filter(|c| c.0 > 0)
        .map(|(n, one, many)| counted(*n, one, many))
        .collect();
    format!("{total} ({})", list.join(", "))
}

/// `log lines 4, 9; `before` line 2, `after` line 3`: the finding's log lines, then where its
/// records are in the snapshots; each part left out when empty. Written into one string: the
/// parts as strings of their own, listed and joined, were 0.3 KB more of the module.
fn evidence(f: &ReconcileFinding) -> String {
    let mut out = String::new();
    for (i, line) in f.lines.iter().enumerate() {
        out.push_str(match i {
            0 if f.lines.len() == 1 => "log line ",
            0 => "log lines ",
            _ => ", ",
        });
        let _ = write!(out, "{line}");
    }
    let mut separator = if out.is_empty() { "" } else { "; " };
    for (name, record) in [("before", &f.before), ("after", &f.after)] {
        if let Some(record) = record {
            let _ = write!(out, "{separator}`{name}` line {}", record.line);
            separator = ", ";
        }
    }
    out
}

fn sections(r: &Reconciliation) -> [(&'static str, Vec<&ReconcileFinding>); 2] {
    let (missed, drift) = r.findings.iter().partition(|f| f.kind.is_missed());
    [("Missed notifications", missed), ("Drift", drift)]
}

fn not_listed(r: &Reconciliation) -> Option<String> {
    (r.findings_not_listed > 0).then(|| {
        format!(
            "...and {} not listed (limit `maxOutputBytes`).",
            counted(r.findings_not_listed, "more finding", "more findings")
        )
    })
}

fn cut_marker(what: &str) -> impl FnOnce(usize) -> String + '_ {
    move |limit| {
        format!("[cut: this {what} reached the limit of {limit} bytes (`maxOutputBytes`); the counts are complete]\n")
    }
}

/// A short report for a ticket, and whether it was cut at `limit` bytes.
pub fn reconcile_text(r: &Reconciliation, limit: usize) -> (String, bool) {
    let mut out = Out::new(limit);
    for line in head(r) {
        out.push(&format!("{}\n", plain(&line)));
    }
    for (title, list) in sections(r) {
        if list.is_empty() {
            continue;
        }
        out.push(&format!("{title}:\n"));
        for f in list {
            if !out.push(&format!(
                "  {} (id {}) {}: {} [{}]\n",
                plain(&f.phone_number),
                plain(&f.id),
                f.kind.as_str(),
                plain(&f.message),
                evidence(f)
            )) {
                break;
            }
        }
    }
    if let Some(rest) = not_listed(r) {
        out.push(&format!("  {rest}\n"));
    }
    out.finish(cut_marker("text"))
}

/// The reconciliation as Markdown: counts, then a table per section; and whether it was cut
/// at `limit` bytes.
pub fn reconcile_markdown(r: &Reconciliation, limit: usize) -> (String, bool) {
    let c = &r.counts;
    let mut out = Out::new(limit);
    out.push("# Contact Center numbers reconciled\n\n");
    out.push("| Numbers | In agreement | Missed adds | Missed removals | Removed but listed | Contradicting `before` | Field drift | Unexplained changes |\n");
    out.push("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    out.push(&format!(
        "| {} | {} | {} | {} | {} | {} | {} | {} |\n\n",
        c.numbers,
        c.in_agreement,
        c.missed_adds,
        c.missed_removals,
        c.removed_but_present,
        c.contradictions,
        c.field_drift,
        c.unexplained_changes
    ));
    for line in head(r) {
        out.push(&format!("{}\n\n", md(&line)));
    }
    for (title, list) in sections(r) {
        if list.is_empty() || out.is_full() {
            continue;
        }
        out.push(&format!("## {title}\n\n"));
        out.push("| Number | Id | Finding | Field | Expected | In `after` | Evidence | What happened |\n|---|---|---|---|---|---|---|---|\n");
        for f in list {
            if !out.push(&format!(
                "| {} | {} | {} | {} | {} | {} | {} | {} |\n",
                md(&f.phone_number),
                md(&f.id),
                f.kind.as_str(),
                f.field.unwrap_or(""),
                md(f.expected.as_deref().unwrap_or("")),
                md(f.actual.as_deref().unwrap_or("")),
                md(&evidence(f)),
                md(&f.message)
            )) {
                break;
            }
        }
        out.push("\n");
    }
    if let Some(rest) = not_listed(r) {
        out.push(&format!("{rest}\n"));
    }
    out.finish(cut_marker("Markdown"))
}

/// Every finding as one CSV row; and whether it was cut at `limit` bytes.
pub fn reconcile_csv(r: &Reconciliation, limit: usize) -> (String, bool) {
    let mut out = Out::new(limit);
    out.push("kind,phoneNumber,id,field,expected,actual,lines,beforeLine,afterLine,message\r\n");
    for f in &r.findings {
        // Written into one row as it goes: an array of the ten cells and its join were
        // 0.2 KB more of the module.
        let lines: Vec<String> = f.lines.iter().map(u32::to_string).collect();
        let mut row = format!(
            "{},{},{},{},{},{},{},",
            f.kind.as_str(),
            cell(&f.phone_number),
            cell(&f.id),
            f.field.unwrap_or(""),
            cell(f.expected.as_deref().unwrap_or("")),
            cell(f.actual.as_deref().unwrap_or("")),
            cell(&lines.join(" ")),
        );
        for record in [&f.before, &f.after] {
            if let Some(record) = record {
                let _ = write!(row, "{}", record.line);
            }
            row.push(',');
        }
        row.push_str(&cell(&f.message));
        row.push_str("\r\n");
        if !out.push(&row) {
            break;
        }
    }
    if let Some(rest) = not_listed(r) {
        out.push(&format!("{},,,,,,,,,\r\n", cell(&format!("[{rest}]"))));
    }
    out.finish(|limit| {
        format!(
            "\"[cut: this CSV reached the limit of {limit} bytes (`maxOutputBytes`)]\",,,,,,,,,\r\n"
        )
    })
}
