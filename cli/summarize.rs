//! `summarize FILE...`: each file's summary in one of the crate's renderings.

use cc_number_events::{summarize, SummarizeOptions, Summary, ValidateOptions};
use clap::ValueEnum;

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
}

impl SummaryRequest {
    /// The crate's options for this request.
    pub fn options(&self) -> SummarizeOptions {
        SummarizeOptions {
            item: ValidateOptions {
                strict: self.strict,
                // The largest log the crate reads at once (its hard limit, 1 GiB).
                max_input_bytes: 1 << 30,
                ..ValidateOptions::default()
            },
            markdown: self.format == Format::Markdown,
            csv: self.format == Format::Csv,
            ..SummarizeOptions::default()
        }
    }

    /// Summarizes one log read whole.
    pub fn summarize(&self, bytes: &[u8]) -> Summary {
        summarize(bytes, &self.options())
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
