//! One payload in, one verdict out.

use crate::checks::detect::{analyze, Analysis};
use crate::checks::fast::{self, Judged};
use crate::checks::fast_remarks::give_back;
use crate::checks::remarks::{note_in, Context, Remark};
use crate::checks::templated::{templated, Templating};
use crate::diagnostics::codes::IssueCode;
use crate::diagnostics::findings::{locate, locate_in, Findings};
use crate::diagnostics::issue::{FoundIssue, Issue};
use crate::json::input::{decode, note_damage, FromJs};
use crate::json::{skip_whitespace, Parsed, Parser};
use crate::model::event_ref::EventRef;
use crate::model::{ContactCenterEvent, Delivery, Kind, Report, ValidateOptions};
use crate::text::span::Span;

/// Validates one notification, trying the tree-free [`fast`] path first when `fast` is set;
/// the public functions in `crate::api` add the renderings.
#[inline]
pub(crate) fn validate_with(
    bytes: &[u8],
    options: &ValidateOptions,
    js: &FromJs,
    fast: bool,
) -> Report {
    validate_routed(bytes, options, js, fast, &mut false)
}

/// [`validate_with`], setting `answered_fast` when the fast path gave the report: for tests
/// that hold which payloads stay on it.
pub(crate) fn validate_routed(
    bytes: &[u8],
    options: &ValidateOptions,
    js: &FromJs,
    fast: bool,
    answered_fast: &mut bool,
) -> Report {
    let mut f = Findings::with_limit(options.strict, options.max_issues);
    let Some(text) = decode(bytes, &mut f, options.max_input_bytes, js) else {
        let malformed = Analysis::of(Kind::Malformed, Delivery::Unknown);
        return finish(f, Some(""), options, malformed);
    };
    let src: &str = &text.text;
    note_damage(&mut f, src, &text.damage, text.utf8_count);
    if skip_whitespace(src, text.start) == src.len() {
        f.add(
            IssueCode::ValidationRequest,
            Span::new(text.start, text.start),
            "",
            "the body is empty: this is RingCentral's subscription validation request, not a notification",
        )
        .hint("answer it by echoing the request's Validation-Token header within 3 seconds");
        return finish(
            f,
            Some(src),
            options,
            Analysis::of(Kind::ValidationRequest, Delivery::WebHook),
        );
    }
    // Only a payload with nothing to forgive so far can take the fast path.
    if fast && f.total() == 0 {
        let mut remarks = Vec::new();
        let judged = fast::read(
            src,
            text.start,
            options.max_depth,
            options.strict,
            &mut remarks,
            &mut false,
        );
        if let Some(report) = judged.and_then(|j| answered(src, j, &remarks, options)) {
            *answered_fast = true;
            return report;
        }
    }
    let parsed = match Parser::new(src, text.start, options.max_depth).parse_value_at() {
        Ok(p) => p,
        Err(problem) => {
            f.add_problem(&problem, "");
            return finish(
                f,
                Some(src),
                options,
                Analysis::of(Kind::Malformed, Delivery::Unknown),
            );
        }
    };
    let rest = skip_whitespace(src, parsed.end);
    if rest < src.len() {
        let finding = f.add(
            IssueCode::JsonTrailingContent,
            Span::at(src, rest),
            "",
            "more text follows the end of the JSON value",
        );
        if matches!(src.as_bytes()[rest], b'{' | b'[') {
            finding.hint("several notifications follow each other: summarize() reads logs");
        }
    }
    let analysis = judge(&mut f, &parsed);
    finish(f, Some(src), options, analysis)
}

/// The report on a notification the fast reader read whole, with `remarks`: what the parse
/// tree's would be. `None` where the tree must tell (no event, yet no error found).
fn answered(
    src: &str,
    judged: Judged,
    remarks: &[Remark],
    options: &ValidateOptions,
) -> Option<Report> {
    let f = noted(&judged, remarks, options)?;
    let read = Analysis {
        event: event_of(&judged, &f).copied(),
        ..Analysis::of(Kind::ContactCenterPhoneNumber, Delivery::WebHook)
    };
    Some(finish(f, Some(src), options, read))
}

/// The rules' findings on `remarks`; `None` where there is neither an event nor an error (left
/// to the parse tree). Borrowing `judged`, so that the event is not copied on the way.
fn noted(judged: &Judged, remarks: &[Remark], options: &ValidateOptions) -> Option<Findings> {
    let cx = match judged {
        Judged::Event(event) => Context::of(event),
        Judged::Invalid(cx) => *cx,
    };
    let mut f = Findings::with_limit(options.strict, options.max_issues);
    note_in(remarks, &cx, &mut f);
    (f.has_errors() || matches!(judged, Judged::Event(_))).then_some(f)
}

/// The event of `judged`, unless the findings `f` hold an error. Borrowed: each move of the
/// event was a `memory.copy` call in WebAssembly.
fn event_of<'j, 'a>(judged: &'j Judged<'a>, f: &Findings) -> Option<&'j EventRef<'a>> {
    match judged {
        Judged::Event(event) if !f.has_errors() => Some(event),
        _ => None,
    }
}

/// For text with nothing for decoding to report (valid UTF-8 from its first byte, within
/// `maxInputBytes`) that the fast reader reads whole: `read` of its event and the warnings of
/// [`validate_with`]'s report (none when it is clean) when it is valid, else `Err` of that
/// report. One read, and no owned event or report for a valid one: the JavaScript boundary
/// builds it from slices of the input. `Err(None)` where the parse tree must read it.
///
/// With `templates`, a valid notification's warnings are sent as templates where they can be
/// (see [`templated`]): then they are in its `Vec`, and none are returned.
pub(crate) fn validate_fast_or<'a, T, I: From<FoundIssue>>(
    src: &'a str,
    options: &ValidateOptions,
    read: impl FnOnce(&EventRef<'a>) -> T,
    templates: Option<Templating>,
) -> Result<(T, Vec<I>), Option<Box<Report>>> {
    let mut remarks = Vec::new();
    let answer = fast_answer(src, options, read, templates, &mut remarks);
    give_back(remarks);
    answer
}

/// [`validate_fast_or`] with the list the reader's remarks go in.
fn fast_answer<'a, T, I: From<FoundIssue>>(
    src: &'a str,
    options: &ValidateOptions,
    read: impl FnOnce(&EventRef<'a>) -> T,
    templates: Option<Templating>,
    remarks: &mut Vec<Remark<'a>>,
) -> Result<(T, Vec<I>), Option<Box<Report>>> {
    let mut one_line = false;
    // Borrowed where it was read, as below: each move of the event was a `memory.copy` call
    // in WebAssembly.
    let read_whole = fast::read(
        src,
        0,
        options.max_depth,
        options.strict,
        remarks,
        &mut one_line,
    );
    let Some(judged) = &read_whole else {
        return Err(None);
    };
    if let (Some(t), Judged::Event(event)) = (templates, judged) {
        // On one line, an ASCII text's byte offsets are its columns: nothing to count.
        let plain = t.ascii && one_line;
        if templated(src, plain, remarks, event, options, t.memo, t.out) {
            return Ok((read(event), Vec::new()));
        }
        t.out.clear();
    }
    let f = noted(judged, remarks, options).ok_or(None)?;
    match event_of(judged, &f) {
        Some(event) => Ok((read(event), issues(f, Some(src), options).1)),
        None => {
            let invalid = Analysis::of(Kind::ContactCenterPhoneNumber, Delivery::WebHook);
            Err(Some(Box::new(finish(f, Some(src), options, invalid))))
        }
    }
}

/// The verdict on one parsed value: the parser's notes, the kind, and the event only when
/// nothing found so far is an error.
pub(crate) fn judge<'n>(f: &mut Findings, parsed: &'n Parsed) -> Analysis<'n> {
    for note in &parsed.notes {
        f.add_problem(note, "");
    }
    f.dropped += parsed.notes_dropped;
    let mut analysis = analyze(f, &parsed.root);
    if f.has_errors() {
        analysis.event = None;
    }
    analysis
}

/// Validates a value that was already parsed (see [`crate::json::tree_from`]), or what
/// stopped building its tree: no text, so no fast path, and issues without positions.
#[cfg(feature = "serde")]
pub(crate) fn validate_parsed(
    tree: Result<Parsed, Box<crate::diagnostics::problem::Problem>>,
    options: &ValidateOptions,
) -> Report {
    let mut f = Findings::with_limit(options.strict, options.max_issues);
    match tree {
        Ok(parsed) => {
            let analysis = judge(&mut f, &parsed);
            finish(f, None, options, analysis)
        }
        Err(problem) => {
            f.add_problem(&problem, "");
            let malformed = Analysis::of(Kind::Malformed, Delivery::Unknown);
            finish(f, None, options, malformed)
        }
    }
}

/// The report on a parsed value the fast path found clean (`super::fast_value`): what
/// [`validate_parsed`] says of its tree, which holds nothing to report but the warning every
/// parsed value carries.
#[cfg(feature = "serde")]
pub(crate) fn validate_clean_parsed(
    event: crate::model::event_ref::EventRef,
    options: &ValidateOptions,
) -> Report {
    let f = unseen_duplicates(options);
    let clean = Analysis {
        // `strict` makes the warning an error, and an event is given only without errors.
        event: Some(event).filter(|_| !f.has_errors()),
        ..Analysis::of(Kind::ContactCenterPhoneNumber, Delivery::WebHook)
    };
    finish(f, None, options, clean)
}

/// The errors and warnings of [`validate_clean_parsed`]'s report.
#[cfg(feature = "serde")]
pub(crate) fn clean_parsed_issues(options: &ValidateOptions) -> (Vec<Issue>, Vec<Issue>) {
    locate(unseen_duplicates(options), None, options.max_issues)
}

/// What every parsed value is found to have: the `duplicate-keys-unseen` warning.
#[cfg(feature = "serde")]
fn unseen_duplicates(options: &ValidateOptions) -> Findings {
    let mut f = Findings::with_limit(options.strict, options.max_issues);
    f.add_problem(&crate::json::unseen_duplicates(), "");
    f
}

/// The errors and the warnings found, located in `src` (`None`: they have no position).
fn issues<I: From<FoundIssue>>(
    f: Findings,
    src: Option<&str>,
    options: &ValidateOptions,
) -> (Vec<I>, Vec<I>) {
    if f.list.is_empty() {
        (Vec::new(), Vec::new())
    } else {
        match src {
            Some(src) => locate_in(f, src, options.max_issues),
            None => locate(f, None, options.max_issues),
        }
    }
}

/// The report on what was found; `src` locates the issues (`None`: they have no position).
fn finish(f: Findings, src: Option<&str>, options: &ValidateOptions, analysis: Analysis) -> Report {
    let Analysis {
        kind,
        delivery,
        event,
        frame,
    } = analysis;
    let (errors, warnings) = issues(f, src, options);
    let valid = errors.is_empty() && kind == Kind::ContactCenterPhoneNumber && event.is_some();
    let event = event.filter(|_| valid);
    Report {
        valid,
        kind,
        delivery,
        errors,
        warnings,
        frame,
        event: event.map(|e| e.to_event()),
        change: event.map(|e| e.change()),
        text: None,
        markdown: None,
        csv: None,
    }
}

/// Why [`parse`](crate::parse) could not return an event.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct InvalidEventError {
    pub kind: Kind,
    /// At least one error, then any warnings.
    pub issues: Vec<Issue>,
}

impl std::fmt::Display for InvalidEventError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let errors = self
            .issues
            .iter()
            .filter(|i| i.severity == crate::Severity::Error);
        let count = errors.clone().count();
        match errors.into_iter().next() {
            Some(first) => write!(
                f,
                "{}: {} ({})",
                first.place(),
                first.message,
                first.code.as_str()
            )?,
            None => write!(f, "not a valid Contact Center phone-number event")?,
        }
        if count > 1 {
            write!(
                f,
                " and {} more error{}",
                count - 1,
                if count == 2 { "" } else { "s" }
            )?;
        }
        Ok(())
    }
}

impl std::error::Error for InvalidEventError {}

/// The event of a valid report, or the report's kind and issues.
pub fn event_or_error(report: Report) -> Result<ContactCenterEvent, InvalidEventError> {
    match report.event {
        Some(event) if report.valid => Ok(event),
        _ => {
            let mut issues = report.errors;
            issues.extend(report.warnings);
            Err(InvalidEventError {
                kind: report.kind,
                issues,
            })
        }
    }
}
