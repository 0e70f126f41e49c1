//! A summary as text for a ticket, as Markdown, and as CSV: each in one pass over the groups
//! and numbers, each bounded by [`Out`].

use super::escape::{cell, md, plain};
use super::plural;
use super::Out;
use crate::checks::change::describe_account;
use crate::summary::{FieldChange, Group, Net, NumberTimeline, Summary, TimelineEntry};
use std::fmt::Write;

fn group_title(g: &Group) -> String {
    match (&g.account_id, &g.owner_id) {
        (Some(a), _) => describe_account(a),
        (None, Some(o)) => format!("owner {o} (the filter names no account)"),
        (None, None) => g.key.clone(),
    }
}

/// Each group with its numbers' timelines. `numbers` lists each group's numbers together,
/// in group order, so one walk pairs them (looking them up per group was quadratic).
fn groups_with_numbers(s: &Summary) -> impl Iterator<Item = (&Group, &[NumberTimeline])> {
    let mut rest = &s.numbers[..];
    s.groups.iter().map(move |g| {
        let n = rest.iter().take_while(|t| t.group == g.key).count();
        let (mine, later) = rest.split_at(n);
        rest = later;
        (g, mine)
    })
}

/// The net-effect lines that have something in them, as (label, numbers).
fn net_lines(net: &Net) -> Vec<(&'static str, &[String])> {
    [
        ("Added", &net.added[..]),
        ("Removed", &net.removed[..]),
        ("Changed", &net.changed[..]),
        ("Created and removed within the log", &net.transient[..]),
    ]
    .into_iter()
    .filter(|(_, l)| !l.is_empty())
    .collect()
}

/// A field change as words; values stay raw here and are escaped by each rendering.
fn change_text(c: &FieldChange) -> String {
    match &c.from {
        Some(from) => format!("{}: {from} \u{2192} {}", c.field, c.to),
        None => format!("{}: set to {}", c.field, c.to),
    }
}

fn changes_text(e: &TimelineEntry) -> String {
    e.changes
        .iter()
        .map(change_text)
        .collect::<Vec<_>>()
        .join("; ")
}

fn counts_sentence(s: &Summary) -> String {
    let mut out = format!(
        "{} read: {} valid",
        plural(s.events, "notification", "notifications"),
        s.valid
    );
    let by_type: Vec<String> = [
        (s.by_event_type.created, "Created"),
        (s.by_event_type.updated, "Updated"),
        (s.by_event_type.deleted, "Deleted"),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, t)| format!("{n} {t}"))
    .collect();
    if !by_type.is_empty() {
        let _ = write!(out, " ({})", by_type.join(", "));
    }
    let _ = write!(out, ", {} invalid", s.invalid);
    if s.other > 0 {
        let mut kinds = Vec::new();
        if s.other_kinds.subscription_renewal > 0 {
            kinds.push(plural(
                s.other_kinds.subscription_renewal,
                "renewal reminder",
                "renewal reminders",
            ));
        }
        if s.other_kinds.other_event > 0 {
            kinds.push(plural(
                s.other_kinds.other_event,
                "other event",
                "other events",
            ));
        }
        if s.other_kinds.websocket_frame > 0 {
            kinds.push(plural(
                s.other_kinds.websocket_frame,
                "non-notification frame",
                "non-notification frames",
            ));
        }
        let _ = write!(out, ", {} of other kinds ({})", s.other, kinds.join(", "));
    }
    out.push('.');
    out
}

fn trust_sentence(s: &Summary) -> Option<String> {
    let mut parts = Vec::new();
    if s.duplicates > 0 {
        parts.push(format!(
            "{} (counted once)",
            plural(s.duplicates, "duplicate", "duplicates")
        ));
    }
    if s.out_of_order > 0 {
        parts.push(format!(
            "{} out of timestamp order",
            plural(s.out_of_order, "item", "items")
        ));
    }
    if s.truncated {
        parts.push("the last item is cut off".to_string());
    }
    if s.limit_reached {
        parts.push("reading stopped at the item limit".to_string());
    }
    (!parts.is_empty()).then(|| {
        let mut t = parts.join(", ");
        if let Some(first) = t.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        t + "."
    })
}

/// Ends a rendering that reached `maxOutputBytes`.
fn cut_marker(what: &str) -> impl FnOnce(usize) -> String + '_ {
    move |limit| {
        format!("[cut: this {what} reached the limit of {limit} bytes (`maxOutputBytes`); the summary's counts are complete]\n")
    }
}

/// A short report a support engineer could paste into a ticket, and whether it was cut at
/// `limit` bytes.
pub fn text(s: &Summary, limit: usize) -> (String, bool) {
    let mut out = Out::new(limit);
    out.push(&format!(
        "Contact Center phone-number log: {}\n",
        counts_sentence(s)
    ));
    if let Some(t) = trust_sentence(s) {
        out.push(&format!("{t}\n"));
    }
    for g in &s.groups {
        if out.is_full() {
            break;
        }
        out.push(&format!(
            "{}: {} on {}.\n",
            plain(&upper_first(&group_title(g))),
            plural(g.events, "event", "events"),
            plural(g.numbers, "number", "numbers")
        ));
        let lines = net_lines(&g.net);
        if lines.is_empty() {
            out.push("  No net change to Contact Center numbers.\n");
        }
        for (label, numbers) in lines {
            out.push(&format!(
                "  {label} ({}): {}\n",
                numbers.len(),
                plain(&numbers.join(", "))
            ));
        }
    }
    if !s.problems.is_empty() {
        out.push("Broken items:\n");
        for p in &s.problems {
            for i in p
                .issues
                .iter()
                .filter(|i| i.severity == crate::Severity::Error)
            {
                out.push(&format!(
                    "  {}{} {}: {}\n",
                    item_label(p.index),
                    at(i),
                    i.code.as_str(),
                    plain(&i.message)
                ));
            }
        }
    }
    if let Some(rest) = not_listed(s) {
        out.push(&format!("  {rest}\n"));
    }
    out.finish(cut_marker("text"))
}

/// The line saying how many issues the `maxLogIssues` limit left out, if any.
fn not_listed(s: &Summary) -> Option<String> {
    (s.issues_not_listed > 0).then(|| {
        format!(
            "...and {} not listed (limit `maxLogIssues`).",
            plural(s.issues_not_listed, "more issue", "more issues")
        )
    })
}

fn item_label(index: Option<usize>) -> String {
    index
        .map(|i| format!("item {}, ", i + 1))
        .unwrap_or_default()
}

fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
        .unwrap_or_default()
}

/// The summary as Markdown: counts, net effect and timelines per account, broken items; and
/// whether it was cut at `limit` bytes.
pub fn markdown(s: &Summary, limit: usize) -> (String, bool) {
    let mut out = Out::new(limit);
    out.push("# Contact Center phone-number log\n\n");
    out.push("| Notifications | Valid | Invalid | Other kinds | Duplicates | Out of order |\n");
    out.push("|---:|---:|---:|---:|---:|---:|\n");
    out.push(&format!(
        "| {} | {} | {} | {} | {} | {} |\n\n",
        s.events, s.valid, s.invalid, s.other, s.duplicates, s.out_of_order
    ));
    out.push(&format!("{}\n\n", md(&counts_sentence(s))));
    if let Some(t) = trust_sentence(s) {
        out.push(&format!("**{}**\n\n", md(&t)));
    }
    for (g, numbers) in groups_with_numbers(s) {
        if out.is_full() {
            break;
        }
        out.push(&format!("## {}\n\n", md(&upper_first(&group_title(g)))));
        let lines = net_lines(&g.net);
        if lines.is_empty() {
            out.push("No net change to Contact Center numbers.\n\n");
        }
        for (label, numbers) in lines {
            out.push(&format!("- **{label}:** {}\n", md(&numbers.join(", "))));
        }
        out.push("\n");
        for t in numbers {
            out.push(&format!(
                "### {} (id {})\n\n",
                md(&t.phone_number),
                md(&t.id)
            ));
            out.push("| Time (UTC) | Event | Effect | Changes | Line |\n|---|---|---|---|---:|\n");
            for e in &t.timeline {
                if !out.push(&format!(
                    "| {} | {} | {} | {} | {} |\n",
                    e.time.to_plain(),
                    e.event_type.as_str(),
                    e.effect.as_str(),
                    md(&changes_text(e)),
                    e.line
                )) {
                    break;
                }
            }
            out.push("\n");
        }
    }
    if !s.problems.is_empty() {
        out.push("## Broken items\n\n");
        for p in &s.problems {
            for i in &p.issues {
                let mut line = format!(
                    "- {}{} `{}` ({}): {}",
                    md(&item_label(p.index)),
                    md(&at(i)),
                    i.code.as_str(),
                    i.severity.as_str(),
                    md(&i.message)
                );
                if let Some(h) = &i.hint {
                    let _ = write!(line, " _Hint: {}_", md(h));
                }
                line.push('\n');
                out.push(&line);
            }
        }
        if let Some(rest) = not_listed(s) {
            out.push(&format!("- {rest}\n"));
        }
    }
    out.finish(cut_marker("Markdown"))
}

/// Every timeline entry as one CSV row, in group and time order; and whether it was cut at
/// `limit` bytes (a cut CSV ends with a row saying so in its first cell).
pub fn csv(s: &Summary, limit: usize) -> (String, bool) {
    let mut out = Out::new(limit);
    out.push("group,phoneNumber,id,time,uuid,eventType,effect,changes,line\r\n");
    'numbers: for t in &s.numbers {
        for e in &t.timeline {
            let row = [
                cell(&t.group),
                cell(&t.phone_number),
                cell(&t.id),
                e.time.to_iso(),
                cell(&e.uuid),
                e.event_type.as_str().to_string(),
                e.effect.as_str().to_string(),
                cell(&changes_text(e)),
                e.line.to_string(),
            ];
            if !out.push(&(row.join(",") + "\r\n")) {
                break 'numbers;
            }
        }
    }
    out.finish(|limit| {
        format!(
            "\"[cut: this CSV reached the limit of {limit} bytes (`maxOutputBytes`)]\",,,,,,,,\r\n"
        )
    })
}

/// Where an issue is: `line 10:253`, or its path when it has no position (an item that was
/// already parsed).
fn at(i: &crate::Issue) -> String {
    match (i.line, i.column) {
        (Some(line), Some(column)) => format!("line {line}:{column}"),
        _ => i.place(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_each_group_with_its_own_numbers() {
        let s = crate::summarize(
            std::fs::read("tests/fixtures/summarize/mixed-day.ndjson").unwrap(),
            &crate::SummarizeOptions::default(),
        );
        let pairs: Vec<(&str, usize)> = groups_with_numbers(&s)
            .map(|(g, n)| {
                assert!(n.iter().all(|t| t.group == g.key));
                (g.key.as_str(), n.len())
            })
            .collect();
        assert_eq!(pairs.iter().map(|p| p.1).sum::<usize>(), s.numbers.len());
        assert_eq!(pairs.len(), s.groups.len());
    }
}
