//! `summarize FILE...`: each file's summary in one of the crate's renderings.

use crate::input::{InputError, Source};
use cc_number_events::{SummarizeOptions, Summary};
use clap::ValueEnum;
use std::sync::atomic::AtomicU64;
use std::sync::Arc;

/// The renderings `summarize` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The summary's short text report (counts, net effect per account, broken items).
    Text,
    /// Counts table, net effect per account, a table per number.
    Markdown,
    /// One row per timeline entry.
    Csv,
    /// The whole summary as the npm package's `summarize` returns it, on one line.
    Json,
}

/// Options of one `summarize` run.
pub struct SummaryRequest {
    pub format: Format,
    pub strict: bool,
    /// List no timeline entries.
    pub no_timelines: bool,
    /// List only each number's last N entries.
    pub last_entries: Option<usize>,
    /// List only the numbers the log changes.
    pub changed_only: bool,
}

impl SummaryRequest {
    /// The crate's options for this request.
    pub fn options(&self) -> SummarizeOptions {
        let mut o = SummarizeOptions {
            markdown: self.format == Format::Markdown,
            csv: self.format == Format::Csv,
            timelines: !self.no_timelines,
            last_entries: self.last_entries,
            changed_only: self.changed_only,
            ..SummarizeOptions::default()
        };
        o.item.strict = self.strict;
        o
    }

    /// Summarizes one input, read in chunks and on every core; `read` counts its bytes read
    /// from disk.
    pub fn summarize(&self, source: &Source, read: Arc<AtomicU64>) -> Result<String, InputError> {
        let summary = crate::parts::summarize(source, &self.options(), &read)?;
        Ok(self.render(&summary))
    }

    /// The summary in the format asked for, ending with a line break.
    pub fn render(&self, summary: &Summary) -> String {
        let mut out = match self.format {
            Format::Text => summary.text.clone(),
            Format::Markdown => summary.markdown.clone().unwrap_or_default(),
            Format::Csv => summary.csv.clone().unwrap_or_default(),
            // Serializing the crate's own types into a String cannot fail.
            Format::Json => serde_json::to_string(summary).unwrap_or_default(),
        };
        if !out.ends_with('\n') {
            out.push('\n');
        }
        out
    }
}
