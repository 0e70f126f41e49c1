//! `check FILE...`: each file judged as one payload or as a log, one line per problem in the
//! `file:line:column: severity code: message` form editors and CI annotate.
//!
//! How a file is read: if `validate` recognises it as one notification (a Contact Center
//! event, a renewal reminder, another event, a validation request; as a WebHook body, a
//! WebSocket frame or an APNS wrapper), it is one payload and its report is the answer, every
//! warning included. Otherwise (more JSON after the first value, broken, or not a
//! notification), `summarize` reads it as a log
//! (NDJSON, a JSON array, concatenated values, frames): with more than one item, or one
//! valid item (an array of one), it is a log and every broken item's issues are listed,
//! positioned in the file; with at most one broken item it is a broken payload, and
//! `validate`'s report is the answer again. An input larger than any payload (16 MiB) is a log,
//! summarized in parts on every core as `summarize` does.

use crate::input::{open, InputError, Source};
use cc_number_events::{
    summarize, validate, Issue, IssueCode, Kind, SummarizeOptions, Summary, ValidateOptions,
};
use serde::Serialize;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// The most a payload can be: `validate`'s default `maxInputBytes` (16 MiB). A larger input is
/// a log, read in parts on every core without being held whole.
const PAYLOAD_LIMIT: usize = 16 << 20;

/// What `check` found in one file.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FileCheck {
    pub file: String,
    /// `payload` or `log`.
    pub read: &'static str,
    /// The payload's kind (`contactCenterPhoneNumber`...); `null` for a log.
    pub kind: Option<&'static str>,
    /// Items in a log (duplicates included); 1 for a payload.
    pub items: usize,
    pub valid: bool,
    pub errors: usize,
    pub warnings: usize,
    pub issues: Vec<Problem>,
    /// Issues of broken items past the summary's `maxLogIssues`.
    pub issues_not_listed: usize,
    /// Warnings of valid log items: counted by `summarize`, which lists only broken items.
    pub warnings_not_listed: usize,
}

/// One issue, where it is.
#[derive(Serialize)]
pub struct Problem {
    /// 0-based item of a log; `null` for a payload, and for the input as a whole.
    pub index: Option<usize>,
    pub line: u32,
    pub column: u32,
    pub severity: &'static str,
    pub code: &'static str,
    pub message: String,
    pub hint: Option<String>,
    pub path: String,
}

impl Problem {
    fn of(index: Option<usize>, issue: &Issue) -> Self {
        // Text always has positions; 1:1 (the whole input) should one ever be missing.
        Problem {
            index,
            line: issue.line.unwrap_or(1),
            column: issue.column.unwrap_or(1),
            severity: issue.severity.as_str(),
            code: issue.code.as_str(),
            message: issue.message.clone(),
            hint: issue.hint.clone(),
            path: issue.path.clone(),
        }
    }
}

/// Options of one `check` run.
pub struct CheckOptions {
    /// The crate's strict mode, and warnings fail the check too.
    pub strict: bool,
}

/// Judges one input; `read` counts its bytes read from disk.
pub fn check_source(
    source: &Source,
    read: Arc<AtomicU64>,
    options: &CheckOptions,
) -> Result<FileCheck, InputError> {
    let mut opened = open(source, read.clone())?;
    let (head, whole) = opened.head(PAYLOAD_LIMIT)?;
    if whole {
        return Ok(check(source.name(), &head, options));
    }
    // Too large for a payload: a log. A plain file is read again, on every core; anything
    // else goes on from where it is.
    let summary = match source {
        Source::File(_) if !opened.gzip => {
            read.fetch_sub(head.len() as u64, Ordering::Relaxed);
            drop(opened);
            crate::parts::summarize(source, &log_options(options), &read)?
        }
        _ => crate::parts::one_pass(&mut opened, &head, &log_options(options))?,
    };
    Ok(log(source.name(), &summary, options))
}

/// How a log is summarized for `check`.
fn log_options(options: &CheckOptions) -> SummarizeOptions {
    let mut o = SummarizeOptions::default();
    o.item.strict = options.strict;
    o
}

/// Judges one input's whole text.
fn check(file: String, bytes: &[u8], options: &CheckOptions) -> FileCheck {
    let item = ValidateOptions {
        strict: options.strict,
        ..ValidateOptions::default()
    };
    let report = validate(bytes, &item);
    // More JSON after the first value: NDJSON or concatenated values, a log.
    let more = report
        .errors
        .iter()
        .any(|i| i.code == IssueCode::JsonTrailingContent);
    if !more && !matches!(report.kind, Kind::Malformed | Kind::NotANotification) {
        return payload(file, report, options);
    }
    let summary = summarize(bytes, &log_options(options));
    if summary.events >= 2 || (summary.events == 1 && summary.invalid == 0) {
        log(file, &summary, options)
    } else {
        payload(file, report, options)
    }
}

fn payload(file: String, report: cc_number_events::Report, options: &CheckOptions) -> FileCheck {
    let issues: Vec<Problem> = report
        .errors
        .iter()
        .chain(&report.warnings)
        .map(|i| Problem::of(None, i))
        .collect();
    let (errors, warnings) = (report.errors.len(), report.warnings.len());
    FileCheck {
        file,
        read: "payload",
        kind: Some(report.kind.as_str()),
        items: 1,
        valid: report.valid && (!options.strict || warnings == 0),
        errors,
        warnings,
        issues,
        issues_not_listed: 0,
        warnings_not_listed: 0,
    }
}

fn log(file: String, summary: &Summary, options: &CheckOptions) -> FileCheck {
    let issues: Vec<Problem> = summary
        .problems
        .iter()
        .flat_map(|p| p.issues.iter().map(|i| Problem::of(p.index, i)))
        .collect();
    let errors = issues.iter().filter(|p| p.severity == "error").count();
    let listed_warnings = issues.len() - errors;
    let warnings = listed_warnings + summary.warnings;
    // Every broken item is counted in `invalid`, listed or not.
    let broken = summary.invalid > 0 || errors > 0;
    FileCheck {
        file,
        read: "log",
        kind: None,
        items: summary.events,
        valid: !broken && (!options.strict || warnings == 0),
        errors,
        warnings,
        issues,
        issues_not_listed: summary.issues_not_listed,
        warnings_not_listed: summary.warnings,
    }
}

impl FileCheck {
    /// The lines `check` prints for this file: one per problem, then what was left unlisted.
    pub fn lines(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .issues
            .iter()
            .map(|p| {
                format!(
                    "{}:{}:{}: {} {}: {}",
                    self.file, p.line, p.column, p.severity, p.code, p.message
                )
            })
            .collect();
        if self.issues_not_listed > 0 {
            out.push(format!(
                "{}: note: {} more issues of broken items not listed (the log's limit of listed issues)",
                self.file, self.issues_not_listed
            ));
        }
        if self.warnings_not_listed > 0 {
            out.push(format!(
                "{}: note: {} {} on valid items of the log, not listed (check such an item alone to see {})",
                self.file,
                self.warnings_not_listed,
                if self.warnings_not_listed == 1 { "warning" } else { "warnings" },
                if self.warnings_not_listed == 1 { "it" } else { "them" },
            ));
        }
        out
    }
}
