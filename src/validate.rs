//! One payload in, one verdict out.

use crate::change::change_of;
use crate::codes::Code;
use crate::detect::{analyze, Analysis};
use crate::fast;
use crate::findings::{locate, Findings};
use crate::input::{decode, note_damage, FromJs};
use crate::json::{skip_whitespace, Parsed, Parser, Span};
use crate::model::{Delivery, Event, Issue, Kind, Options, Report};
use crate::position::LineIndex;

/// Validates one notification given as UTF-8 bytes (or a `&str`).
///
/// Never panics and never fails: every problem, including broken JSON, is an [`Issue`] in the
/// report, and `valid` is true only for a Contact Center phone-number event without errors.
///
/// ```
/// use cc_number_events::{validate, Options};
///
/// let payload = r#"{
///   "uuid": "2661273919712564939",
///   "event": "/restapi/v1.0/account/37439510/phone-number?usageType=ContactCenterNumber",
///   "timestamp": "2023-04-18T20:25:24.611Z",
///   "subscriptionId": "9d38419f-645f-4ee3-a053-8cf1368c21c4",
///   "ownerId": "8475874957",
///   "body": {
///     "eventType": "Created",
///     "phoneNumberInfo": { "id": "987654321", "phoneNumber": "+12024999741",
///                          "usageType": "ContactCenterNumber" }
///   }
/// }"#;
/// let report = validate(payload, &Options::default());
/// assert!(report.valid);
/// assert_eq!(report.change.unwrap().effect.as_str(), "added");
///
/// let broken = payload.replace("\"Created\"", "\"created\"");
/// let report = validate(&broken, &Options::default());
/// assert!(!report.valid);
/// let issue = &report.errors[0];
/// assert_eq!(issue.code.as_str(), "invalid-event-type");
/// assert_eq!(issue.path, "/body/eventType");
/// assert_eq!((issue.line, issue.column), (8, 18));
/// assert_eq!(issue.hint.as_deref(), Some("did you mean `Created`?"));
/// ```
pub fn validate(input: impl AsRef<[u8]>, options: &Options) -> Report {
    validate_from(input.as_ref(), options, &FromJs::default())
}

/// [`validate`] through the parse tree alone, never the fast path: for tests that hold the
/// two equal. Not part of the API.
#[doc(hidden)]
pub fn validate_tree(input: impl AsRef<[u8]>, options: &Options) -> Report {
    validate_with(input.as_ref(), options, &FromJs::default(), false)
}

/// [`validate`], with what the JavaScript boundary learned about the input on the way in.
pub(crate) fn validate_from(bytes: &[u8], options: &Options, js: &FromJs) -> Report {
    validate_with(bytes, options, js, true)
}

/// [`validate_from`], trying the tree-free [`fast`] path first when `fast` is set.
pub(crate) fn validate_with(bytes: &[u8], options: &Options, js: &FromJs, fast: bool) -> Report {
    let mut f = Findings::with_limit(options.strict, options.max_issues);
    let Some(text) = decode(bytes, &mut f, options, js) else {
        return finish(f, "", options, Kind::Malformed, Delivery::Unknown, None);
    };
    let src: &str = &text.text;
    note_damage(&mut f, src, &text.damage, text.utf8_count);
    if skip_whitespace(src, text.start) == src.len() {
        f.add(
            Code::ValidationRequest,
            Span::new(text.start, text.start),
            "",
            "the body is empty: this is RingCentral's subscription validation request, not a notification",
        )
        .hint("answer it by echoing the request's Validation-Token header within 3 seconds");
        return finish(
            f,
            src,
            options,
            Kind::ValidationRequest,
            Delivery::WebHook,
            None,
        );
    }
    // Only a payload with nothing to forgive so far can be clean.
    if fast && f.total() == 0 {
        if let Some(event) = fast::clean_event(src, text.start, options.max_depth) {
            return finish(
                f,
                src,
                options,
                Kind::ContactCenterPhoneNumber,
                Delivery::WebHook,
                Some(event),
            );
        }
    }
    let parsed = match Parser::new(src, text.start, options.max_depth).parse_value_at() {
        Ok(p) => p,
        Err(problem) => {
            f.add_problem(&problem, "");
            return finish(f, src, options, Kind::Malformed, Delivery::Unknown, None);
        }
    };
    let rest = skip_whitespace(src, parsed.end);
    if rest < src.len() {
        let finding = f.add(
            Code::JsonTrailingContent,
            Span::at(src, rest),
            "",
            "more text follows the end of the JSON value",
        );
        if matches!(src.as_bytes()[rest], b'{' | b'[') {
            finding.hint("several notifications follow each other: summarize() reads logs");
        }
    }
    let Analysis {
        kind,
        delivery,
        event,
    } = judge(&mut f, &parsed);
    finish(f, src, options, kind, delivery, event)
}

/// The verdict on one parsed value: the parser's notes, the kind, and the event only when
/// nothing found so far is an error.
pub(crate) fn judge(f: &mut Findings, parsed: &Parsed) -> Analysis {
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

fn finish(
    f: Findings,
    src: &str,
    options: &Options,
    kind: Kind,
    delivery: Delivery,
    event: Option<Event>,
) -> Report {
    let (errors, warnings) = if f.list.is_empty() {
        (Vec::new(), Vec::new())
    } else {
        locate(f, &LineIndex::new(src), options.max_issues)
    };
    let valid = errors.is_empty() && kind == Kind::ContactCenterPhoneNumber && event.is_some();
    let change = event.as_ref().filter(|_| valid).map(change_of);
    let mut report = Report {
        valid,
        kind,
        delivery,
        errors,
        warnings,
        event: event.filter(|_| valid),
        change,
        text: None,
        markdown: None,
        csv: None,
    };
    if options.text {
        report.text = Some(crate::render::report_text(&report));
    }
    if options.markdown {
        report.markdown = Some(crate::render::report_markdown(&report));
    }
    if options.csv {
        report.csv = Some(crate::render::report_csv(&report));
    }
    report
}

/// Why [`parse`] could not return an event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub kind: Kind,
    /// At least one error, then any warnings.
    pub issues: Vec<Issue>,
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let errors = self
            .issues
            .iter()
            .filter(|i| i.severity == crate::Severity::Error);
        let count = errors.clone().count();
        match errors.into_iter().next() {
            Some(first) => write!(
                f,
                "{}:{}: {} ({})",
                first.line,
                first.column,
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

impl std::error::Error for ParseError {}

/// Parses one notification into its normalised [`Event`], or says why it cannot.
///
/// ```
/// use cc_number_events::{parse, Options};
///
/// let frame = r#"[{"type":"ServerNotification","messageId":"2661273919712564939"},
///   {"uuid":"2661273919712564939",
///    "event":"/restapi/v1.0/account/~/phone-number?usageType=ContactCenterNumber",
///    "timestamp":"2014-04-29T14:29:27.408+0000","subscriptionId":"9d38419f-645f-4ee3-a053-8cf1368c21c4",
///    "ownerId":8475874957,
///    "body":{"eventType":"Deleted","phoneNumberInfo":{"id":987654321,"phoneNumber":"+12024999741"}}}]"#;
/// let event = parse(frame, &Options::default()).unwrap();
/// assert_eq!(event.owner_id, "8475874957");
/// assert_eq!(event.body.phone_number_info.id, "987654321");
/// assert_eq!(event.time.to_iso(), "2014-04-29T14:29:27.408Z");
///
/// let err = parse("{\"uuid\": 1", &Options::default()).unwrap_err();
/// assert_eq!(err.issues[0].code.as_str(), "json-unexpected-end");
/// ```
pub fn parse(input: impl AsRef<[u8]>, options: &Options) -> Result<Event, ParseError> {
    event_or_error(validate(input, options))
}

/// The event of a valid report, or the report's kind and issues.
pub(crate) fn event_or_error(report: Report) -> Result<Event, ParseError> {
    match report.event {
        Some(event) if report.valid => Ok(event),
        _ => {
            let mut issues = report.errors;
            issues.extend(report.warnings);
            Err(ParseError {
                kind: report.kind,
                issues,
            })
        }
    }
}
