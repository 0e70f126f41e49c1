//! One payload in, one verdict out, with the renderings asked for.

use crate::checks::templated::Templating;
use crate::checks::validate::{event_or_error, validate_routed, validate_with, InvalidEventError};
use crate::json::input::FromJs;
use crate::model::event_ref::EventRef;
use crate::model::{ContactCenterEvent, Report, ValidateOptions};
use crate::output::render;

/// Validates one notification given as UTF-8 bytes (or a `&str`).
///
/// Never panics and never fails: every problem, including broken JSON, is an [`Issue`](crate::Issue) in the
/// report, and `valid` is true only for a Contact Center phone-number event without errors.
///
/// ```
/// use cc_number_events::{validate, ValidateOptions};
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
/// let report = validate(payload, &ValidateOptions::default());
/// assert!(report.valid);
/// assert_eq!(report.change.unwrap().effect.as_str(), "added");
///
/// let broken = payload.replace("\"Created\"", "\"created\"");
/// let report = validate(&broken, &ValidateOptions::default());
/// assert!(!report.valid);
/// let issue = &report.errors[0];
/// assert_eq!(issue.code.as_str(), "invalid-event-type");
/// assert_eq!(issue.path, "/body/eventType");
/// assert_eq!((issue.line, issue.column), (Some(8), Some(18)));
/// assert_eq!(issue.hint.as_deref(), Some("did you mean `Created`?"));
/// ```
pub fn validate(input: impl AsRef<[u8]>, options: &ValidateOptions) -> Report {
    validate_from(input.as_ref(), options, &FromJs::default())
}

/// [`validate`] through the parse tree alone, never the fast path: for tests that hold the
/// two equal. Not part of the API.
#[doc(hidden)]
pub fn validate_tree(input: impl AsRef<[u8]>, options: &ValidateOptions) -> Report {
    with_renderings(
        validate_with(input.as_ref(), options, &FromJs::default(), false),
        options,
    )
}

/// [`validate`] when the tree-free fast path answers it (a WebHook notification with
/// warnings at most), `None` where the parse tree must read it: for tests that hold which
/// payloads stay on the fast path. Not part of the API.
#[doc(hidden)]
pub fn validate_fast_only(input: impl AsRef<[u8]>, options: &ValidateOptions) -> Option<Report> {
    let mut fast = false;
    let report = validate_routed(input.as_ref(), options, &FromJs::default(), true, &mut fast);
    fast.then(|| with_renderings(report, options))
}

/// For text with nothing for decoding to report (valid UTF-8 without a byte order mark,
/// within `maxInputBytes`), and options that ask for no rendering: when the fast path reads
/// a notification with warnings at most, `read` of its event and [`validate`]'s warnings
/// (none for a clean one); when it reads an invalid one whole, `Err` of [`validate`]'s report;
/// `Err(None)` when the parse tree must read it. The JavaScript boundary builds a valid
/// report from slices of the input, and so reads it once. The warnings are [`crate::Issue`]s,
/// or the `FoundIssue`s they are made of (which the lane sends as they are); with
/// `templates`, the lane's issue templates, a valid notification's warnings are sent as
/// templates where they can be, and then are in its `Vec` instead. Not part of the API.
#[doc(hidden)]
pub fn validate_fast_or<'a, T, I: From<crate::diagnostics::issue::FoundIssue>>(
    text: &'a str,
    options: &ValidateOptions,
    read: impl FnOnce(&EventRef<'a>) -> T,
    templates: Option<Templating>,
) -> Result<(T, Vec<I>), Option<Box<Report>>> {
    let renderings = options.text || options.markdown || options.csv || options.redact;
    if renderings {
        return Err(None);
    }
    crate::checks::validate::validate_fast_or(text, options, read, templates)
}

/// [`validate`], with what the JavaScript boundary learned about the input on the way in.
pub fn validate_from(bytes: &[u8], options: &ValidateOptions, js: &FromJs) -> Report {
    with_renderings(validate_with(bytes, options, js, true), options)
}

/// The report with the renderings its options ask for.
pub(crate) fn with_renderings(mut report: Report, options: &ValidateOptions) -> Report {
    if options.redact {
        crate::api::redact::redact_report(&mut report);
    }
    if options.text {
        report.text = Some(render::report_text(&report));
    }
    if options.markdown {
        report.markdown = Some(render::report_markdown(&report));
    }
    if options.csv {
        report.csv = Some(render::report_csv(&report));
    }
    if options.redact {
        let renderings = [&mut report.text, &mut report.markdown, &mut report.csv];
        renderings
            .into_iter()
            .flatten()
            .for_each(crate::api::redact::redact_rendering);
    }
    report
}

/// Parses one notification into its normalised [`ContactCenterEvent`](crate::ContactCenterEvent), or says why it cannot.
///
/// ```
/// use cc_number_events::{parse, ValidateOptions};
///
/// let frame = r#"[{"type":"ServerNotification","messageId":"2661273919712564939"},
///   {"uuid":"2661273919712564939",
///    "event":"/restapi/v1.0/account/~/phone-number?usageType=ContactCenterNumber",
///    "timestamp":"2014-04-29T14:29:27.408+0000","subscriptionId":"9d38419f-645f-4ee3-a053-8cf1368c21c4",
///    "ownerId":8475874957,
///    "body":{"eventType":"Deleted","phoneNumberInfo":{"id":987654321,"phoneNumber":"+12024999741"}}}]"#;
/// let event = parse(frame, &ValidateOptions::default()).unwrap();
/// assert_eq!(event.owner_id, "8475874957");
/// assert_eq!(event.body.phone_number_info.id, "987654321");
/// assert_eq!(event.time.to_iso(), "2014-04-29T14:29:27.408Z");
///
/// let err = parse("{\"uuid\": 1", &ValidateOptions::default()).unwrap_err();
/// assert_eq!(err.issues[0].code.as_str(), "json-unexpected-end");
/// ```
pub fn parse(
    input: impl AsRef<[u8]>,
    options: &ValidateOptions,
) -> Result<ContactCenterEvent, InvalidEventError> {
    event_or_error(validate(input, options))
}
