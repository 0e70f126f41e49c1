//! `reconcile --after LIST [--before LIST] LOG`: the log against RingCentral's phone-number
//! lists, in one of the crate's renderings. Each file is read whole (gzip or not, as
//! `summarize` reads them): a list's errors are located in the text as saved.

use crate::input::{open, InputError, Source};
use crate::summarize::Format;
use cc_number_events::{reconcile, Instant, ReconcileInput, ReconcileOptions, Reconciliation};
use std::sync::atomic::AtomicU64;
use std::sync::Arc;

/// Options of one `reconcile` run.
pub struct ReconcileRequest {
    pub format: Format,
    pub strict: bool,
    pub before_time: Option<Instant>,
    pub after_time: Option<Instant>,
}

/// An instant as `--after-time` and `--before-time` take it.
pub fn instant(text: &str) -> Result<Instant, String> {
    text.parse::<Instant>()
        .map_err(|e| format!("not an ISO 8601 instant such as 2023-04-19T08:00:00Z: {e}"))
}

/// All of `source`, read as `summarize` reads it (gzip unpacked, binary data refused).
fn read_all(source: &Source, read: Arc<AtomicU64>) -> Result<Vec<u8>, InputError> {
    let mut opened = open(source, read)?;
    let mut bytes = Vec::new();
    opened
        .reader()
        .read_to_end(&mut bytes)
        .map_err(|e| opened.error(&e))?;
    Ok(bytes)
}

impl ReconcileRequest {
    /// The reconciliation of `log` against `after` (and `before`), and the rendering asked for.
    pub fn run(
        &self,
        before: Option<&Source>,
        log: &Source,
        after: &Source,
        read: Arc<AtomicU64>,
    ) -> Result<(Reconciliation, String), InputError> {
        let before = before.map(|b| read_all(b, read.clone())).transpose()?;
        let log = read_all(log, read.clone())?;
        let after = read_all(after, read)?;
        let mut options = ReconcileOptions {
            before_time: self.before_time,
            after_time: self.after_time,
            ..ReconcileOptions::default()
        };
        options.log.item.strict = self.strict;
        options.log.markdown = self.format == Format::Markdown;
        options.log.csv = self.format == Format::Csv;
        let input = ReconcileInput {
            before: before.as_deref(),
            log: &log,
            after: &after,
        };
        let r = reconcile(input, &options);
        let mut out = match self.format {
            Format::Text => r.text.clone(),
            Format::Markdown => r.markdown.clone().unwrap_or_default(),
            Format::Csv => r.csv.clone().unwrap_or_default(),
            // Serializing the crate's own types into a String cannot fail.
            Format::Json => serde_json::to_string(&r).unwrap_or_default(),
        };
        if !out.ends_with('\n') {
            out.push('\n');
        }
        Ok((r, out))
    }
}

/// Whether the reconciliation found anything to act on: a finding, a list that could not be
/// read whole, or one that could not be compared at all.
pub fn found_something(r: &Reconciliation) -> bool {
    let c = &r.counts;
    let findings = c.missed_adds
        + c.missed_removals
        + c.removed_but_present
        + c.contradictions
        + c.field_drift
        + c.unexplained_changes;
    findings > 0 || !r.compared || !r.after.valid || r.before.as_ref().is_some_and(|b| !b.valid)
}
