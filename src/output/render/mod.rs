//! Renderings for people: a summary or a single report as plain text for a ticket, as
//! Markdown, and as CSV. Every value taken from a payload is escaped for the rendering it
//! lands in (see [`escape`]), and every rendering of a summary is bounded ([`Out`]).

mod escape;
mod out;
mod reconcile;
mod report;
mod summary;

pub(crate) use out::Out;
pub(crate) use reconcile::{reconcile_csv, reconcile_markdown, reconcile_text};
pub(crate) use report::{report_csv, report_markdown, report_text};
pub(crate) use summary::{csv, markdown, text};

/// `1 number`, `2 numbers`: a count and the word for it.
fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
