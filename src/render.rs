//! A summary as text for a ticket, as Markdown, and as CSV.

use crate::change::describe_account;
use crate::summary::{Entry, FieldChange, Group, Net, Summary};
use std::fmt::Write;

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn group_title(g: &Group) -> String {
    match (&g.account_id, &g.owner_id) {
        (Some(a), _) => describe_account(a),
        (None, Some(o)) => format!("owner {o} (the filter names no account)"),
        (None, None) => g.key.clone(),
    }
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

fn change_text(c: &FieldChange) -> String {
    match &c.from {
        Some(from) => format!("{}: {from} \u{2192} {}", c.field, c.to),
        None => format!("{}: set to {}", c.field, c.to),
    }
}

fn changes_text(e: &Entry) -> String {
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
        (s.created, "Created"),
        (s.updated, "Updated"),
        (s.deleted, "Deleted"),
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
        if s.renewal_reminders > 0 {
            kinds.push(plural(
                s.renewal_reminders,
                "renewal reminder",
                "renewal reminders",
            ));
        }
        if s.other_events > 0 {
            kinds.push(plural(s.other_events, "other event", "other events"));
        }
        if s.other_frames > 0 {
            kinds.push(plural(
                s.other_frames,
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
        t[..1].make_ascii_uppercase();
        t + "."
    })
}

/// A short report a support engineer could paste into a ticket.
pub fn text(s: &Summary) -> String {
    let mut out = format!("Contact Center phone-number log: {}\n", counts_sentence(s));
    if let Some(t) = trust_sentence(s) {
        let _ = writeln!(out, "{t}");
    }
    for g in &s.groups {
        let _ = writeln!(
            out,
            "{}: {} on {}.",
            upper_first(&group_title(g)),
            plural(g.events, "event", "events"),
            plural(g.numbers, "number", "numbers")
        );
        let lines = net_lines(&g.net);
        if lines.is_empty() {
            let _ = writeln!(out, "  No net change to Contact Center numbers.");
        }
        for (label, numbers) in lines {
            let _ = writeln!(out, "  {label} ({}): {}", numbers.len(), numbers.join(", "));
        }
    }
    if !s.problems.is_empty() {
        let _ = writeln!(out, "Broken items:");
        for p in &s.problems {
            for i in p
                .issues
                .iter()
                .filter(|i| i.severity == crate::Severity::Error)
            {
                let _ = writeln!(
                    out,
                    "  {}line {}:{} {}: {}",
                    item_label(p.index),
                    i.line,
                    i.column,
                    i.code.as_str(),
                    i.message
                );
            }
        }
    }
    if let Some(rest) = not_listed(s) {
        let _ = writeln!(out, "  {rest}");
    }
    out
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

/// Escapes text from payloads so Markdown renders it as text, never as markup or HTML.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '|' | '*' | '_' | '[' | ']' | '#' | '`' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The summary as Markdown: counts, net effect and timelines per account, broken items.
pub fn markdown(s: &Summary) -> String {
    let mut out = String::from("# Contact Center phone-number log\n\n");
    out.push_str("| Notifications | Valid | Invalid | Other kinds | Duplicates | Out of order |\n");
    out.push_str("|---:|---:|---:|---:|---:|---:|\n");
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} | {} |\n",
        s.events, s.valid, s.invalid, s.other, s.duplicates, s.out_of_order
    );
    let _ = writeln!(out, "{}\n", md(&counts_sentence(s)));
    if let Some(t) = trust_sentence(s) {
        let _ = writeln!(out, "**{}**\n", md(&t));
    }
    for g in &s.groups {
        let _ = writeln!(out, "## {}\n", md(&upper_first(&group_title(g))));
        let lines = net_lines(&g.net);
        if lines.is_empty() {
            out.push_str("No net change to Contact Center numbers.\n\n");
        }
        for (label, numbers) in lines {
            let _ = writeln!(out, "- **{label}:** {}", md(&numbers.join(", ")));
        }
        out.push('\n');
        for t in s.numbers.iter().filter(|t| t.group == g.key) {
            let _ = writeln!(out, "### {} (id {})\n", md(&t.phone_number), md(&t.id));
            out.push_str(
                "| Time (UTC) | Event | Effect | Changes | Line |\n|---|---|---|---|---:|\n",
            );
            for e in &t.entries {
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | {} | {} |",
                    e.time.to_plain(),
                    e.event_type.as_str(),
                    e.effect.as_str(),
                    md(&changes_text(e)),
                    e.line
                );
            }
            out.push('\n');
        }
    }
    if !s.problems.is_empty() {
        out.push_str("## Broken items\n\n");
        for p in &s.problems {
            for i in &p.issues {
                let _ = write!(
                    out,
                    "- {}line {}:{} `{}` ({}): {}",
                    md(&item_label(p.index)),
                    i.line,
                    i.column,
                    i.code.as_str(),
                    i.severity.as_str(),
                    md(&i.message)
                );
                if let Some(h) = &i.hint {
                    let _ = write!(out, " _Hint: {}_", md(h));
                }
                out.push('\n');
            }
        }
        if let Some(rest) = not_listed(s) {
            let _ = writeln!(out, "- {rest}");
        }
    }
    out
}

/// One CSV cell (RFC 4180), defused against spreadsheet formulas.
fn cell(s: &str) -> String {
    let formula = s.starts_with(['=', '@', '\t', '\r'])
        || (s.starts_with(['+', '-']) && !s[1..].bytes().all(|b| b.is_ascii_digit()));
    let s = if formula {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// Every timeline entry as one CSV row, in group and time order.
pub fn csv(s: &Summary) -> String {
    let mut out = String::from("group,phoneNumber,id,time,uuid,eventType,effect,changes,line\r\n");
    for t in &s.numbers {
        for e in &t.entries {
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
            out.push_str(&row.join(","));
            out.push_str("\r\n");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_quoted_and_defused() {
        assert_eq!(cell("+12024999741"), "+12024999741");
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("-x"), "'-x");
    }

    #[test]
    fn markdown_renders_payload_html_as_text() {
        assert_eq!(md("<img onerror=x>|*"), "&lt;img onerror=x&gt;\\|\\*");
    }
}
