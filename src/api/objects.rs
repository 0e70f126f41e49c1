//! Notifications someone else already parsed (`JSON.parse`, `express.json()`, a
//! `serde_json::Value`), from any self-describing serde `Deserializer`.
//!
//! What text would show and a parsed value cannot is said in each report: issues have a path
//! but no position, duplicate keys are gone unseen (`duplicate-keys-unseen`), and an integer
//! past 2^53 may have lost digits (`number-not-exact`).

use crate::api::summarize::with_renderings as summary_renderings;
use crate::api::validate::with_renderings;
use crate::checks::fast_value::Strings;
use crate::checks::validate::{
    clean_parsed_issues, event_or_error, validate_clean_parsed, validate_parsed, InvalidEventError,
};
use crate::diagnostics::issue::Issue;
use crate::json::{tree_from, TreeLimits};
use crate::model::event_ref::EventRef;
use crate::model::{ContactCenterEvent, Report, ValidateOptions};
use crate::summary::{summarize_parsed, ParsedLog, SummarizeOptions, Summary};
use serde::Deserializer;

/// [`crate::validate`] for a value that was already parsed. `Err` only for what JSON has no
/// form for (the deserializer's own error, such as bytes or a non-string key).
///
/// ```
/// use cc_number_events::{validate_value, ValidateOptions};
///
/// let body: serde_json::Value = serde_json::from_str(r#"{
///   "uuid": "2661273919712564939",
///   "event": "/restapi/v1.0/account/37439510/phone-number?usageType=ContactCenterNumber",
///   "timestamp": "2023-04-18T20:25:24.611Z",
///   "subscriptionId": "9d38419f-645f-4ee3-a053-8cf1368c21c4",
///   "ownerId": "8475874957",
///   "body": { "eventType": "Deleted", "eventType": "created",
///             "phoneNumberInfo": { "id": "987654321", "phoneNumber": "+12024999741" } }
/// }"#).unwrap();
/// let report = validate_value(&body, &ValidateOptions::default()).unwrap();
/// assert!(!report.valid);
/// let issue = &report.errors[0];
/// assert_eq!((issue.code.as_str(), issue.path.as_str()), ("invalid-event-type", "/body/eventType"));
/// assert_eq!(issue.line, None);
/// // The first `eventType` is gone: only the raw text can show it.
/// assert_eq!(report.warnings[0].code.as_str(), "duplicate-keys-unseen");
/// ```
pub fn validate_value<'de, D: Deserializer<'de>>(
    value: D,
    options: &ValidateOptions,
) -> Result<Report, D::Error> {
    let tree = tree_from(value, limits(options))?;
    Ok(with_renderings(validate_parsed(tree, options), options))
}

/// [`validate_value`] of a value that is one clean WebHook notification, read by its known
/// members alone and without a parse tree; `None` for any other value, which
/// [`validate_value`] then explains. When `Some`, the very report [`validate_value`] gives
/// (tests/objects.rs holds the two equal). Not part of the API: for the JavaScript boundary,
/// whose reads cost a call into JavaScript each.
#[doc(hidden)]
pub fn validate_clean_value<'de, D: Deserializer<'de>>(
    value: D,
    options: &ValidateOptions,
) -> Option<Report> {
    let clean = CleanValue::read(value)?;
    let event = clean.event(options)?;
    Some(CleanValue::report(event, options))
}

/// The members of a parsed value that looks like one clean WebHook notification, for
/// [`validate_clean_value`] and for the JavaScript boundary, which builds the report's
/// objects from the event itself. Not part of the API.
#[doc(hidden)]
pub struct CleanValue(Strings);

impl CleanValue {
    /// `value`'s members, when it holds only this event's, each a string or an object where
    /// the event has one.
    pub fn read<'de, D: Deserializer<'de>>(value: D) -> Option<CleanValue> {
        Strings::read(value).map(CleanValue)
    }

    /// The event, when there is nothing to report on it but what every parsed value has.
    pub fn event(&self, options: &ValidateOptions) -> Option<EventRef<'_>> {
        self.0.clean(limits(options))
    }

    /// Whether every string is ASCII.
    pub fn is_ascii(&self) -> bool {
        self.0.is_ascii()
    }

    /// The report on `event`, from [`CleanValue::event`].
    pub fn report(event: EventRef, options: &ValidateOptions) -> Report {
        with_renderings(validate_clean_parsed(event, options), options)
    }

    /// [`validate_value`]'s report on the value read, when each of its objects held its
    /// members in the order this event has them (uuid, event, timestamp, subscriptionId,
    /// ownerId, body; eventType, phoneNumberInfo; uri, id, phoneNumber, paymentType,
    /// location, type, usageType, status, contactCenterProvider; id, name), as RingCentral
    /// sends them: which the caller checks. The tree is built from the strings read.
    pub fn report_in_order(&self, options: &ValidateOptions) -> Option<Report> {
        let tree = tree_from(self.0.in_order(), limits(options)).ok()?;
        Some(with_renderings(validate_parsed(tree, options), options))
    }

    /// The errors and warnings of [`CleanValue::report`].
    pub fn issues(options: &ValidateOptions) -> (Vec<Issue>, Vec<Issue>) {
        clean_parsed_issues(options)
    }
}

/// The limits a tree of a parsed value is built within.
fn limits(options: &ValidateOptions) -> TreeLimits {
    TreeLimits {
        max_depth: options.max_depth,
        max_bytes: options.max_input_bytes,
    }
}

/// [`crate::parse`] for a value that was already parsed (see [`validate_value`]).
pub fn parse_value<'de, D: Deserializer<'de>>(
    value: D,
    options: &ValidateOptions,
) -> Result<Result<ContactCenterEvent, InvalidEventError>, D::Error> {
    Ok(event_or_error(validate_value(value, options)?))
}

/// [`crate::summarize`] for a log that was already parsed: an array, each element one item
/// (its index is its place: a problem's `line` is the index plus one). `Err` for anything
/// else than an array (one notification is an array of one).
pub fn summarize_values<'de, D: Deserializer<'de>>(
    value: D,
    options: &SummarizeOptions,
) -> Result<Summary, D::Error> {
    let (summary, canonical) = summarize_parsed(value, options)?;
    Ok(summary_renderings(summary, canonical.len(), options))
}

/// [`summarize_values`] given item by item, for the JavaScript boundary, which knows which
/// items hold a WebHook notification's members only, in RingCentral's order: those are read
/// by their names, and a clean one with no tree, as [`validate_clean_value`] reads one. The
/// same summary (tests/objects.rs holds the two equal). Not part of the API.
#[doc(hidden)]
pub struct ValuesLog<'o>(ParsedLog<'o>, &'o SummarizeOptions);

impl<'o> ValuesLog<'o> {
    pub fn new(options: &'o SummarizeOptions) -> Self {
        ValuesLog(ParsedLog::new(options), options)
    }

    /// Whether the log reads another item (not past `maxItems`, nor after one too large).
    pub fn wants_more(&self) -> bool {
        self.0.wants_more()
    }

    /// The next item.
    pub fn push<'de, D: Deserializer<'de>>(&mut self, item: D) -> Result<(), D::Error> {
        self.0.push(item)
    }

    /// The next item, when it holds a notification's members only (strings, and objects where
    /// it has them), each object's in RingCentral's order, which the caller checks. `false`
    /// when it was not read: the caller then gives it to [`ValuesLog::push`].
    pub fn push_in_order<'de, D: Deserializer<'de>>(&mut self, item: D) -> bool {
        self.0.push_in_order(item)
    }

    /// The summary of the items given. `Err` only where a tree could not be built from the
    /// members read (never expected).
    pub fn summary(self) -> Result<Summary, serde::de::value::Error> {
        let (summary, canonical) = self.0.finish()?;
        Ok(summary_renderings(summary, canonical.len(), self.1))
    }
}
