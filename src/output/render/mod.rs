//! Renderings for people: a summary or a single report as plain text for a ticket, as
//! Markdown, and as CSV. Every value taken from a payload is escaped for the rendering it
//! lands in (see [`escape`]), and every rendering of a summary is bounded ([`Out`]).

mod escape;
mod out;
mod report;
mod summary;

pub(crate) use out::Out;
pub(crate) use report::{report_csv, report_markdown, report_text};
pub(crate) use summary::{csv, markdown, text};
