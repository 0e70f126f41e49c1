//! What the JavaScript boundary needs, in plain Rust so it is tested natively: reading the
//! caller's options, and the errors thrown to JavaScript.
//!
//! The `wasm` module only moves values across; every decision is made here.

use crate::checks::validate::ParseError;
use crate::json::input::FromJs;
use crate::json::{Parser, Value};
use crate::model::vocab;
use crate::model::{Kind, NumberType, Options, Report};
use crate::output::json_out::write_issues;
use crate::output::write::JsonWriter;
use crate::summary::{Summary, SummaryOptions};
use crate::text::position::Utf16Offsets;

/// An error thrown to JavaScript as a real `Error` (or `TypeError`/`RangeError`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThrownError {
    /// The JavaScript error class: `"TypeError"`, `"RangeError"` or `"Error"`.
    pub class: &'static str,
    /// The `name` property: the class, or `"InvalidEventError"` for [`ParseError`]s.
    pub name: &'static str,
    pub message: String,
    /// For [`ParseError`]s: the report's kind and issues as JSON text.
    pub kind: Option<Kind>,
    pub issues_json: Option<String>,
}

impl ThrownError {
    pub fn type_error(message: String) -> Self {
        ThrownError {
            class: "TypeError",
            name: "TypeError",
            message,
            kind: None,
            issues_json: None,
        }
    }
    fn range_error(message: String) -> Self {
        ThrownError {
            class: "RangeError",
            name: "RangeError",
            message,
            kind: None,
            issues_json: None,
        }
    }
}

impl From<ParseError> for ThrownError {
    fn from(e: ParseError) -> Self {
        let mut w = JsonWriter::new();
        write_issues(&mut w, &e.issues);
        ThrownError {
            class: "Error",
            name: "InvalidEventError",
            message: e.to_string(),
            kind: Some(e.kind),
            issues_json: Some(w.finish()),
        }
    }
}

/// [`crate::checks::validate`] for input from JavaScript: `lone_surrogate` is the UTF-16 offset and
/// code unit of the string's first lone surrogate, if it had one.
pub fn validate_js(
    bytes: &[u8],
    options: &Options,
    lone_surrogate: Option<(usize, u16)>,
) -> Report {
    let js = FromJs {
        lone_surrogates: lone_surrogate.into_iter().collect(),
        ..FromJs::default()
    };
    crate::api::validate::validate_from(bytes, options, &js)
}

/// [`validate_js`] for input on which [`clean_report`] has just given up (so it is valid UTF-8
/// without a lone surrogate): the fast path would give up again, so the parse tree runs
/// straight away.
pub fn validate_js_unclean(bytes: &[u8], options: &Options) -> Report {
    crate::validate_tree(bytes, options)
}

/// Most lone surrogates of a string listed one by one; past them, every U+FFFD in the log
/// counts as one (a string with a million is not text).
pub const MAX_LONE_SURROGATES: usize = 1 << 20;

/// [`crate::summarize`] for input from JavaScript: `lone_surrogates` are the UTF-16 offset and
/// code unit of each of the string's lone surrogates, in order (each item holding one is
/// invalid), at most [`MAX_LONE_SURROGATES`]; then maybe one pair with code unit 0, where the
/// ones not listed begin.
pub fn summarize_js(
    bytes: &[u8],
    options: &SummaryOptions,
    lone_surrogates: &[(usize, u16)],
) -> Summary {
    let js = FromJs {
        lone_surrogates: lone_surrogates.to_vec(),
        ..FromJs::default()
    };
    crate::api::summarize::summarize_from(bytes, options, &js)
}

/// The report for an input too large to be copied into WebAssembly memory at all: `size`
/// bytes, or at least `size` when not `exact` (a string, counted in UTF-16 units).
pub fn validate_too_large(size: usize, exact: bool, options: &Options) -> Report {
    let js = FromJs {
        too_large: Some((size, exact)),
        ..FromJs::default()
    };
    crate::api::validate::validate_from(&[], options, &js)
}

/// [`validate_too_large`] for `summarize`.
pub fn summarize_too_large(size: usize, exact: bool, options: &SummaryOptions) -> Summary {
    let js = FromJs {
        too_large: Some((size, exact)),
        ..FromJs::default()
    };
    crate::api::summarize::summarize_from(&[], options, &js)
}

/// Why an input got no verdict of its own, said in place of the too-large message: it fits
/// `maxInputBytes`, but WebAssembly could not give the memory to check it.
#[derive(Clone, Copy, Debug)]
pub enum NoMemory<'a> {
    /// Copying the input into WebAssembly memory failed (`Vec::try_reserve_exact`).
    ForTheCopy,
    /// The module trapped while checking it (the reason is the `RuntimeError`'s message) and
    /// was replaced by a fresh one, which made this report.
    Trapped(&'a str),
}

impl NoMemory<'_> {
    fn message(self, size: usize, exact: bool) -> (String, &'static str) {
        let at_least = if exact { "" } else { "at least " };
        match self {
            NoMemory::ForTheCopy => (
                format!(
                    "the input has {at_least}{size} bytes, and copying it needed more memory \
                     than WebAssembly could give"
                ),
                "free memory (or pass smaller pieces of the log) and try again",
            ),
            NoMemory::Trapped(reason) => (
                format!(
                    "the check ran out of WebAssembly memory ({}, on an input of \
                     {at_least}{size} bytes); the module was restarted",
                    crate::text::quote::clip(reason)
                ),
                "pass smaller pieces of the log; if the input is small, please report it",
            ),
        }
    }
}

/// The report for an input within `maxInputBytes` that could not be checked for want of
/// WebAssembly memory: the same shape as [`validate_too_large`]'s (malformed, one
/// `input-too-large` error at 1:1), saying why.
pub fn validate_without_memory(
    size: usize,
    exact: bool,
    why: NoMemory,
    options: &Options,
) -> Report {
    let js = FromJs {
        no_memory: Some(why.message(size, exact)),
        ..FromJs::default()
    };
    crate::api::validate::validate_from(&[], options, &js)
}

/// [`validate_without_memory`] for `summarize`.
pub fn summarize_without_memory(
    size: usize,
    exact: bool,
    why: NoMemory,
    options: &SummaryOptions,
) -> Summary {
    let js = FromJs {
        no_memory: Some(why.message(size, exact)),
        ..FromJs::default()
    };
    crate::api::summarize::summarize_from(&[], options, &js)
}

/// In [`Spans`], a value that is absent (both numbers) or that follows in the text (first).
pub const ABSENT: u32 = u32::MAX;
pub const IN_TEXT: u32 = u32::MAX - 1;

fn utf16_len(s: &str) -> u32 {
    crate::text::position::utf16_units(s.as_bytes())
}

/// How each of a valid report's 23 values reaches JavaScript, in this order: delivery, uuid,
/// event, accountId, timestamp, time, subscriptionId, ownerId, eventType, uri, id,
/// phoneNumber, paymentType, location, type, usageType, status, provider ("" when present),
/// provider id, provider name, action, effect, sentence. The change's other fields are the
/// event's own values.
///
/// Two numbers per value: `[start, end]` in UTF-16 units of the caller's own input string, or
/// `[IN_TEXT, length]` for the next `length` units of the accompanying text, or `[ABSENT, _]`.
/// JavaScript slices the values out and builds the same plain objects `JSON.parse` would make
/// of the report's JSON (`assembleReport` in src/wasm.rs), at a fraction of the cost.
pub type Spans = [u32; 46];

enum Part<'a> {
    /// A slice of the input.
    Input(&'a str),
    /// Text the input does not hold as such.
    Made(&'a str),
    /// Made text known to be ASCII (a name from the vocabulary, a normalised time), whose
    /// length in bytes is its length in UTF-16 units.
    Ascii(&'a str),
}

fn made(s: Option<&str>) -> Option<Part<'_>> {
    s.map(Part::Made)
}

fn ascii(s: Option<&str>) -> Option<Part<'_>> {
    s.map(Part::Ascii)
}

/// `offsets` gives an input slice's pair.
fn spans(parts: [Option<Part>; 23], offsets: impl Fn(&str) -> [u32; 2]) -> (Spans, String) {
    let mut spans = [ABSENT; 46];
    // Room for a sentence, a time and the short values of a clean report.
    let mut text = String::with_capacity(256);
    for (pair, part) in spans.chunks_exact_mut(2).zip(parts) {
        match part {
            Some(Part::Input(v)) => pair.copy_from_slice(&offsets(v)),
            Some(Part::Made(t)) => {
                text.push_str(t);
                pair[0] = IN_TEXT;
                pair[1] = utf16_len(t);
            }
            Some(Part::Ascii(t)) => {
                debug_assert!(t.is_ascii());
                text.push_str(t);
                pair[0] = IN_TEXT;
                pair[1] = t.len() as u32;
            }
            None => {}
        }
    }
    (spans, text)
}

/// A valid report without warnings (nearly every real notification) as [`Spans`] over its
/// text alone; `None` sends the report as JSON instead.
pub fn compact_report(report: &Report) -> Option<(Spans, String)> {
    if report.has_renderings()
        || !report.valid
        || !report.warnings.is_empty()
        || !report.errors.is_empty()
    {
        return None;
    }
    let (event, change) = (report.event.as_ref()?, report.change.as_ref()?);
    let info = &event.body.phone_number_info;
    let provider = info.contact_center_provider.as_ref();
    let time = event.time.to_iso();
    let parts = [
        ascii(Some(report.delivery.as_str())),
        made(Some(&event.uuid)),
        made(Some(&event.event)),
        made(Some(&event.account_id)),
        made(Some(&event.timestamp)),
        ascii(Some(&time)),
        made(Some(&event.subscription_id)),
        made(Some(&event.owner_id)),
        ascii(Some(event.body.event_type.as_str())),
        made(info.uri.as_deref()),
        made(Some(&info.id)),
        made(Some(&info.phone_number)),
        made(info.payment_type.as_deref()),
        made(info.location.as_deref()),
        ascii(info.number_type.map(NumberType::as_str)),
        made(info.usage_type.as_deref()),
        made(info.status.as_deref()),
        ascii(provider.map(|_| "")),
        made(provider.and_then(|p| p.id.as_deref())),
        made(provider.and_then(|p| p.name.as_deref())),
        ascii(Some(change.action)),
        ascii(Some(change.effect.as_str())),
        made(Some(&change.sentence)),
    ];
    Some(spans(parts, |_| {
        unreachable!("a report holds no input slices")
    }))
}

/// How a clean report's values that stand as they are in the input reach JavaScript.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Values {
    /// As UTF-16 offsets into the caller's own string, which JavaScript slices.
    Sliced,
    /// Copied into the text, for a caller who passed bytes and so holds no string: decoding
    /// the values alone costs less than decoding the whole input.
    Copied,
}

/// [`compact_report`] straight from `input`, when the tree-free fast path reads it as a clean
/// WebHook notification: no event, no report, and every value the input holds as it is is
/// sliced from the caller's string (or copied, as `values` says) instead of crossing as JSON.
/// `input_ascii` says whether `input` is ASCII, where byte offsets are UTF-16 offsets.
///
/// Only for input on which [`crate::json::input::decode`] has nothing to report (the caller's
/// string without a lone surrogate, or valid UTF-8): the fast path is tried only then.
pub fn clean_report<'a>(
    input: &'a str,
    max_depth: usize,
    input_ascii: bool,
    values: Values,
) -> Option<(Spans, String)> {
    debug_assert_eq!(input_ascii, input.is_ascii());
    let c = crate::checks::fast::clean(input, 0, max_depth)?;
    // Blocks of 64 bytes: a notification is a few hundred, and each of its 30 or so offsets
    // then costs at most one block's count.
    let units =
        (!input_ascii && values == Values::Sliced).then(|| Utf16Offsets::new(input, false, 6));
    let facts = c.facts();
    let mut written = String::with_capacity(224);
    c.time.write_iso(&mut written);
    let iso = written.len();
    facts.write_sentence(&mut written);
    let (time, sentence) = written.split_at(iso);
    let value = |s: Option<&'a str>| match values {
        Values::Sliced => s.map(Part::Input),
        Values::Copied if input_ascii => s.map(Part::Ascii),
        Values::Copied => s.map(Part::Made),
    };
    let parts = [
        ascii(Some(crate::Delivery::WebHook.as_str())),
        value(Some(c.uuid)),
        value(Some(c.event)),
        value(Some(c.account_id)),
        value(Some(c.timestamp)),
        ascii(Some(time)),
        value(Some(c.subscription_id)),
        value(Some(c.owner_id)),
        ascii(Some(c.event_type.as_str())),
        value(c.uri),
        value(Some(c.id)),
        value(Some(c.phone_number)),
        value(c.payment_type),
        value(c.location),
        ascii(c.number_type.map(NumberType::as_str)),
        value(c.usage_type),
        value(c.status),
        ascii(c.provider.map(|_| "")),
        value(c.provider.and_then(|(id, _)| id)),
        value(c.provider.and_then(|(_, name)| name)),
        ascii(Some(facts.action())),
        ascii(Some(facts.effect().as_str())),
        made(Some(sentence)),
    ];
    // An input slice's offset is its distance from the input's start.
    Some(spans(parts, |v| {
        let start = v.as_ptr() as usize - input.as_ptr() as usize;
        let end = start + v.len();
        match &units {
            Some(u) => [u.of(start), u.of(end)],
            None => [start as u32, end as u32],
        }
    }))
}

/// An invalid report as numbers and text for `assembleInvalid` (src/wasm.rs), which builds
/// the objects `JSON.parse` would make of its JSON: the lengths of kind and delivery, the
/// numbers of errors and warnings, then for each issue the lengths of code, severity,
/// message, hint ([`ABSENT`] when it has none) and path, and its line, column, offset and
/// length. Lengths are in UTF-16 units, of strings that follow each other in the text.
pub fn invalid_report(report: &Report) -> Option<(Vec<u32>, String)> {
    if report.has_renderings() || report.valid || report.event.is_some() || report.change.is_some()
    {
        return None;
    }
    let issues = report.errors.iter().chain(&report.warnings);
    let mut nums = Vec::with_capacity(4 + 9 * (report.errors.len() + report.warnings.len()));
    let mut text = String::with_capacity(64 + 160 * nums.capacity() / 9);
    let mut put = |nums: &mut Vec<u32>, s: Option<&str>| match s {
        Some(s) => {
            text.push_str(s);
            nums.push(utf16_len(s));
        }
        None => nums.push(ABSENT),
    };
    put(&mut nums, Some(report.kind.as_str()));
    put(&mut nums, Some(report.delivery.as_str()));
    nums.push(report.errors.len() as u32);
    nums.push(report.warnings.len() as u32);
    for i in issues {
        put(&mut nums, Some(i.code.as_str()));
        put(&mut nums, Some(i.severity.as_str()));
        put(&mut nums, Some(&i.message));
        put(&mut nums, i.hint.as_deref());
        put(&mut nums, Some(&i.path));
        // A position is absent for a value that was already parsed (JavaScript's null).
        nums.extend([i.line, i.column, i.offset, i.length].map(|n| n.unwrap_or(ABSENT)));
    }
    Some((nums, text))
}

/// [`crate::parse`] from a [`validate_js`] report.
pub fn parse_report(report: Report) -> Result<crate::Event, ParseError> {
    crate::checks::validate::event_or_error(report)
}

/// The TypeScript declarations of every export; the codes listed must match [`Code::ALL`].
pub const TYPESCRIPT: &str = r#"
/** Options of `parse`, shared by every function. */
export interface ParseOptions {
  /** Unknown members and undocumented paymentType/usageType/status values become errors. */
  strict?: boolean;
  /** Largest input accepted, in bytes (default 16777216 for validate/parse, 268435456 for summarize; at most 1073741824). */
  maxInputBytes?: number;
  /** Deepest nesting of objects and arrays (default 64, at most 2000). */
  maxDepth?: number;
  /** Most issues listed per payload (default 100). */
  maxIssues?: number;
}

/** Options of `validate`: those of `parse`, and renderings of the report. */
export interface ValidateOptions extends ParseOptions {
  /** Also render the report as plain text in `text`. */
  text?: boolean;
  /** Also render the report as Markdown in `markdown`. */
  markdown?: boolean;
  /** Also render the report's issues as CSV in `csv`. */
  csv?: boolean;
}

export type Severity = "error" | "warning";

export type IssueCode =
  | "invalid-utf8" | "utf16-encoding" | "byte-order-mark" | "input-too-large"
  | "json-unexpected-end" | "json-unexpected-character" | "json-trailing-comma" | "json-comment"
  | "json-control-character" | "json-invalid-escape" | "json-lone-surrogate" | "json-invalid-number"
  | "json-trailing-content" | "json-too-deep" | "json-duplicate-key"
  | "duplicate-keys-unseen" | "number-not-exact"
  | "validation-request" | "not-a-notification" | "other-event" | "subscription-renewal"
  | "envelope-missing" | "websocket-frame" | "websocket-not-notification" | "websocket-message-id"
  | "missing-field" | "wrong-type" | "unknown-field" | "invalid-uuid" | "invalid-event-filter"
  | "event-filter-placeholder" | "invalid-timestamp" | "subscription-id-format" | "invalid-id"
  | "numeric-id" | "invalid-event-type" | "invalid-phone-number" | "invalid-uri" | "empty-uri"
  | "uri-mismatch" | "unknown-payment-type" | "invalid-number-type" | "unknown-usage-type"
  | "usage-type-mismatch" | "unknown-status" | "too-many-issues" | "too-many-items"
  | "log-truncated";

/** One located problem. Positions count UTF-16 code units, as JavaScript strings do. */
export interface Issue {
  code: IssueCode;
  severity: Severity;
  message: string;
  hint?: string;
  /** RFC 6901 JSON Pointer into the pasted document (a WebSocket frame's starts with /1). */
  path: string;
  /** 1-based line; null (as are the other three) when the input was an already-parsed value. */
  line: number | null;
  /** 1-based column, in UTF-16 code units. */
  column: number | null;
  /** 0-based offset from the start of the input, in UTF-16 code units. */
  offset: number | null;
  /** Length of the offending text, in UTF-16 code units. */
  length: number | null;
}

/**
 * What `validate` and `parse` read: the raw body (a string, or UTF-8 bytes as a Uint8Array or
 * an ArrayBuffer), or a value already parsed from it (`express.json()`'s `req.body`), read as
 * JSON.stringify would read it; its issues then have no position, and it cannot show
 * duplicate keys.
 */
export type Input = string | Uint8Array | ArrayBuffer | JsonObject | JsonValue[];

/** A value already parsed from JSON: an object or an array of them for a log. */
export interface JsonObject {
  [key: string]: JsonValue;
}
export type JsonValue = string | number | boolean | null | JsonObject | JsonValue[];

export type Kind =
  | "contactCenterPhoneNumber" | "subscriptionRenewal" | "otherEvent"
  | "validationRequest" | "notANotification" | "malformed";

export type Delivery = "webhook" | "websocket" | "apns" | "bodyOnly" | "unknown";

export type EventType = "Created" | "Updated" | "Deleted";

/** `VoiceOnly` and `FaxOnly` from the REST vocabulary are normalised to `Voice` and `Fax`. */
export type NumberType = "Voice" | "Fax" | "VoiceFax";

export interface ContactCenterProvider {
  id?: string;
  name?: string;
}

export interface PhoneNumberInfo {
  uri?: string;
  /** Always a string, even when the payload held a number. */
  id: string;
  phoneNumber: string;
  paymentType?: string;
  location?: string;
  type?: NumberType;
  usageType?: string;
  status?: string;
  contactCenterProvider?: ContactCenterProvider;
}

/** A valid notification, normalised. */
export interface ContactCenterEvent {
  uuid: string;
  event: string;
  /** Account from the event filter: digits, "~" or the documentation's "{accountId}". */
  accountId: string;
  /** As sent. */
  timestamp: string;
  /** The same instant in UTC, e.g. "2023-04-18T20:25:24.611Z". */
  time: string;
  subscriptionId: string;
  /** Always a string, even when the payload held a number. */
  ownerId: string;
  body: {
    eventType: EventType;
    phoneNumberInfo: PhoneNumberInfo;
  };
}

/**
 * What an event did to the account's Contact Center numbers. "updated" (fields of a number
 * that is already a Contact Center number changed) appears only in `summarize` timelines:
 * a single `Updated` event cannot tell it from "convertedIn".
 */
export type Effect = "added" | "removed" | "convertedIn" | "reassignedAway" | "updated";

/** What one valid event did to the account's Contact Center numbers. */
export interface Change {
  action: "created" | "updated" | "deleted";
  effect: Effect;
  phoneNumber: string;
  id: string;
  type?: NumberType;
  usageType?: string;
  provider?: ContactCenterProvider;
  accountId: string;
  time: string;
  /** One plain-English sentence. */
  sentence: string;
}

/** The verdict on one payload: `event` and `change` are present exactly when `valid`. */
export type Report = ValidReport | InvalidReport;

/** Renderings of a report, present when `validate`'s options ask for them. */
export interface ReportRenderings {
  text?: string;
  markdown?: string;
  csv?: string;
}

export interface ValidReport extends ReportRenderings {
  valid: true;
  kind: "contactCenterPhoneNumber";
  delivery: Delivery;
  errors: [];
  warnings: Issue[];
  event: ContactCenterEvent;
  change: Change;
}

export interface InvalidReport extends ReportRenderings {
  valid: false;
  kind: Kind;
  delivery: Delivery;
  /** At least one error says why. */
  errors: [Issue, ...Issue[]];
  warnings: Issue[];
  event?: never;
  change?: never;
}

/** Thrown by `parse` for an invalid payload. */
export interface InvalidEventError extends Error {
  name: "InvalidEventError";
  kind: Kind;
  issues: Issue[];
}

/**
 * Validates one notification (WebHook body, WebSocket frame or bare body). Never throws for
 * a bad payload; throws TypeError/RangeError only for bad arguments.
 */
export function validate(input: Input, options?: ValidateOptions): Report;

/** The normalised event; throws an `InvalidEventError` whose `issues` say why not. */
export function parse(input: Input, options?: ParseOptions): ContactCenterEvent;
/** Options of `summarize`: those of `validate`, plus log limits and extra renderings. */
export interface SummarizeOptions extends ParseOptions {
  /** Most items read from one log (default 1000000). */
  maxItems?: number;
  /** Most issues listed over the whole log (default 10000). */
  maxLogIssues?: number;
  /**
   * Most bytes of the summary's own JSON and of each rendering (`text`, `markdown`, `csv`);
   * past it each is cut and says so (default: the input's size plus 1 MiB; at most 268435456).
   */
  maxOutputBytes?: number;
  /** Also render the summary as Markdown in `markdown`. */
  markdown?: boolean;
  /** Also render every timeline entry as CSV in `csv`. */
  csv?: boolean;
}

/** A broken item of a log. `index` is null for a problem with the input as a whole. */
export interface Problem {
  index: number | null;
  /** 1-based line where the item starts (for an array of already-parsed items, `index + 1`). */
  line: number;
  kind: Kind;
  /** Errors, then warnings; positions are in the whole input. */
  issues: Issue[];
}

export interface DuplicateItem {
  index: number;
  line: number;
  uuid: string;
  firstIndex: number;
  firstLine: number;
  /** The text is the same as the first copy's (a plain redelivery). */
  identical: boolean;
}

export interface OutOfOrderItem {
  index: number;
  line: number;
  uuid: string;
  time: string;
  /** The latest time seen before this item, and the item that carried it. */
  after: string;
  afterIndex: number;
}

export interface FieldChange {
  /** "status", "type", "location", "contactCenterProvider.name", ... */
  field: string;
  /** null when the previous event did not carry the field. */
  from: string | null;
  to: string;
}

export interface TimelineEntry {
  time: string;
  uuid: string;
  eventType: EventType;
  effect: Effect;
  index: number;
  line: number;
  /** Fields that differ from this number's previous event. */
  changes: FieldChange[];
}

export interface NumberTimeline {
  /** The key of the group (account or owner) the number belongs to. */
  group: string;
  id: string;
  phoneNumber: string;
  /** Later entries left out of `timeline` by the `maxOutputBytes` limit. */
  entriesNotListed: number;
  timeline: TimelineEntry[];
}

/** Net effect on Contact Center numbers, as E.164 numbers. */
export interface Net {
  added: string[];
  removed: string[];
  changed: string[];
  /** Added and removed again within the log. */
  transient: string[];
}

export interface Group {
  /** "account:37439510", or "owner:8475874957" where the filter names no account. */
  key: string;
  accountId?: string;
  ownerId?: string;
  events: number;
  numbers: number;
  net: Net;
}

/** What happened across a log of notifications. */
export interface Summary {
  /** Every item found, duplicates included. */
  events: number;
  valid: number;
  invalid: number;
  other: number;
  duplicates: number;
  outOfOrder: number;
  warnings: number;
  byEventType: { Created: number; Updated: number; Deleted: number };
  otherKinds: { subscriptionRenewal: number; otherEvent: number; websocketFrame: number };
  truncated: boolean;
  limitReached: boolean;
  problems: Problem[];
  issuesNotListed: number;
  duplicateItems: DuplicateItem[];
  outOfOrderItems: OutOfOrderItem[];
  groups: Group[];
  numbers: NumberTimeline[];
  /** Numbers left out of `numbers` by the `maxOutputBytes` limit (their net effect is still counted). */
  numbersNotListed: number;
  /** Some output reached `maxOutputBytes` and was cut: `numbers` and any rendering that says so at its end. */
  outputTruncated: boolean;
  net: Net;
  /** A short plain-English report for a ticket. */
  text: string;
  markdown?: string;
  csv?: string;
}

/**
 * Summarizes a log: one notification, a JSON array, NDJSON, concatenated values, or
 * WebSocket frames in any of those forms. Never throws for bad input.
 */
export function summarize(input: Input, options?: SummarizeOptions): Summary;
"#;

/// The options of `parse`.
pub const PARSE_OPTION_NAMES: &[&str] = &["strict", "maxInputBytes", "maxDepth", "maxIssues"];
/// The options of `validate`: those of `parse`, and the renderings.
pub const VALIDATE_OPTION_NAMES: &[&str] = &[
    "strict",
    "maxInputBytes",
    "maxDepth",
    "maxIssues",
    "text",
    "markdown",
    "csv",
];
/// The options of `summarize`.
pub const SUMMARY_OPTION_NAMES: &[&str] = &[
    "strict",
    "maxInputBytes",
    "maxDepth",
    "maxIssues",
    "maxItems",
    "maxLogIssues",
    "maxOutputBytes",
    "markdown",
    "csv",
];

/// Reads options given as JSON text (what `JSON.stringify(options)` makes of the caller's
/// object). Unknown or mistyped options throw: a silently ignored `stict: true` would give
/// the caller a verdict they did not ask for.
pub fn options_from_json(text: &str) -> Result<Options, ThrownError> {
    read_item_options(text, VALIDATE_OPTION_NAMES)
}

/// [`options_from_json`] for `parse`, which has no renderings.
pub fn parse_options_from_json(text: &str) -> Result<Options, ThrownError> {
    read_item_options(text, PARSE_OPTION_NAMES)
}

fn read_item_options(text: &str, names: &[&str]) -> Result<Options, ThrownError> {
    let base = SummaryOptions {
        item: Options::default(),
        ..SummaryOptions::default()
    };
    read_options(text, base, names, false).map(|o| o.item)
}

/// Reads the options of `summarize`, as [`options_from_json`] does those of `validate`.
pub fn summary_options_from_json(text: &str) -> Result<SummaryOptions, ThrownError> {
    read_options(text, SummaryOptions::default(), SUMMARY_OPTION_NAMES, true)
}

fn read_options(
    text: &str,
    options: SummaryOptions,
    names: &[&str],
    for_summary: bool,
) -> Result<SummaryOptions, ThrownError> {
    let text = text.trim();
    if text.is_empty() || text == "null" {
        return Ok(options);
    }
    let parsed = Parser::new(text, 0, 4)
        .parse_value_at()
        .map_err(|_| ThrownError::type_error("options must be a plain object".into()))?;
    let Some(members) = parsed.root.members() else {
        return Err(ThrownError::type_error(format!(
            "options must be an object, not {}",
            parsed.root.type_name()
        )));
    };
    let given = members.iter().map(|m| {
        let value = match &m.value.value {
            Value::Null => OptionValue::Null,
            Value::Bool(b) => OptionValue::Bool(*b),
            Value::Number(t) => OptionValue::Number(whole_number(t)),
            Value::String(_) => OptionValue::String,
            Value::Array(_) => OptionValue::Array,
            Value::Object(_) => OptionValue::Object,
        };
        (&*m.key, value)
    });
    apply_options(given, options, names, for_summary)
}

/// One option's value as the caller gave it, reduced to what decides whether it is accepted.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum OptionValue {
    /// Not given, or `undefined` (as `JSON.stringify` would drop it): the default.
    Absent,
    Null,
    Bool(bool),
    /// A number: whole and not negative (saturating at `usize::MAX`), or `None`.
    Number(Option<usize>),
    String,
    BigInt,
    Symbol,
    Function,
    Object,
    Array,
    /// Reading it threw (a getter, a Proxy's `get` trap): never read as the default, which
    /// would silently give the caller a verdict they did not ask for.
    Unreadable,
}

impl OptionValue {
    /// The value as `readOptions` (src/wasm.rs) describes it: a type tag and, for booleans
    /// and numbers, the value.
    pub fn from_js(tag: f64, value: f64) -> Self {
        match tag as u32 {
            0 => OptionValue::Absent,
            1 => OptionValue::Null,
            2 => OptionValue::Bool(value != 0.0),
            3 => OptionValue::Number(whole_of_f64(value)),
            4 => OptionValue::String,
            5 => OptionValue::BigInt,
            6 => OptionValue::Symbol,
            7 => OptionValue::Function,
            8 => OptionValue::Object,
            9 => OptionValue::Array,
            _ => OptionValue::Unreadable,
        }
    }

    fn type_name(self) -> &'static str {
        match self {
            OptionValue::Absent => "undefined",
            OptionValue::Null => "null",
            OptionValue::Bool(_) => "a boolean",
            OptionValue::Number(_) => "a number",
            OptionValue::String => "a string",
            OptionValue::BigInt => "a bigint",
            OptionValue::Symbol => "a symbol",
            OptionValue::Function => "a function",
            OptionValue::Object => "an object",
            OptionValue::Array => "an array",
            OptionValue::Unreadable => "unreadable",
        }
    }
}

/// A JavaScript number that is whole and at least 0, saturating at `usize::MAX` (2**53 and
/// 1e300 alike); `None` for NaN, infinities, fractions and negatives. Comparisons and one
/// truncating conversion only: no float formatting or parsing enters the module.
pub fn whole_of_f64(v: f64) -> Option<usize> {
    if v.is_nan() || v < 0.0 || v == f64::INFINITY {
        return None;
    }
    // Every f64 from 2**53 up is whole.
    if v >= 9_007_199_254_740_992.0 {
        return Some(usize::MAX);
    }
    let n = v as u64;
    (n as f64 == v).then(|| usize::try_from(n).unwrap_or(usize::MAX))
}

/// Which function's options are read, so which names it knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptionsOf {
    Parse,
    Validate,
    Summarize,
}

impl OptionsOf {
    pub fn names(self) -> &'static [&'static str] {
        match self {
            OptionsOf::Parse => PARSE_OPTION_NAMES,
            OptionsOf::Validate => VALIDATE_OPTION_NAMES,
            OptionsOf::Summarize => SUMMARY_OPTION_NAMES,
        }
    }
}

/// What `readOptions` (src/wasm.rs) found when the options object itself could not be read
/// as a plain object; `None` for a code it does not send.
pub fn options_object_error(code: f64) -> ThrownError {
    ThrownError::type_error(
        match code as u32 {
            1 => "options must be a plain object such as { strict: true }",
            2 => "options could not be read: asking for its prototype threw (a Proxy trap?)",
            _ => "options could not be read: listing its keys threw (a Proxy trap?)",
        }
        .into(),
    )
}

/// The TypeError for an option name the function does not know, with the closest known name.
pub fn unknown_option(key: &str, names: &[&str]) -> ThrownError {
    let hint = vocab::closest(key, names)
        .map(|s| format!("; did you mean `{s}`?"))
        .unwrap_or_else(|| format!("; known options: {}", names.join(", ")));
    ThrownError::type_error(format!(
        "unknown option `{}`{hint}",
        crate::text::quote::clip(key)
    ))
}

/// Reads the options `readOptions` (src/wasm.rs) read from the caller's object, two numbers
/// per known name (in the order of [`OptionsOf::names`]): a type tag and a value, as
/// [`OptionValue::from_js`] takes them. The caller's own object is never read here, so
/// nothing the caller wrote runs while Rust holds memory.
pub fn options_from_js(of: OptionsOf, tags: &[f64]) -> Result<SummaryOptions, ThrownError> {
    let names = of.names();
    // Only the options given: with none (most calls), nothing is compared at all.
    let given = names
        .iter()
        .zip(tags.chunks_exact(2))
        .filter(|(_, pair)| pair[0] != 0.0)
        .map(|(name, pair)| (*name, OptionValue::from_js(pair[0], pair[1])));
    let base = match of {
        OptionsOf::Summarize => SummaryOptions::default(),
        _ => SummaryOptions {
            item: Options::default(),
            ..SummaryOptions::default()
        },
    };
    apply_options(given, base, names, of == OptionsOf::Summarize)
}

/// Applies each given option in turn; the first unknown name, mistyped or out-of-range value
/// is thrown.
fn apply_options<'k>(
    given: impl Iterator<Item = (&'k str, OptionValue)>,
    mut options: SummaryOptions,
    names: &[&str],
    for_summary: bool,
) -> Result<SummaryOptions, ThrownError> {
    for (key, value) in given {
        if !names.contains(&key) {
            return Err(unknown_option(key, names));
        }
        let boolean = matches!(key, "strict" | "text" | "markdown" | "csv");
        match (key, value) {
            (_, OptionValue::Absent) => {}
            (_, OptionValue::Unreadable) => {
                return Err(ThrownError::type_error(format!(
                    "options.{key} could not be read: reading it threw"
                )))
            }
            ("strict", OptionValue::Bool(b)) => options.item.strict = b,
            ("text", OptionValue::Bool(b)) => options.item.text = b,
            ("markdown", OptionValue::Bool(b)) if for_summary => options.markdown = b,
            ("markdown", OptionValue::Bool(b)) => options.item.markdown = b,
            ("csv", OptionValue::Bool(b)) if for_summary => options.csv = b,
            ("csv", OptionValue::Bool(b)) => options.item.csv = b,
            (_, v) if boolean => {
                return Err(ThrownError::type_error(format!(
                    "options.{key} must be a boolean, not {}",
                    v.type_name()
                )))
            }
            (_, OptionValue::Number(n)) => {
                let n = n.filter(|n| *n >= 1).ok_or_else(|| {
                    ThrownError::range_error(format!(
                        "options.{key} must be a whole number of at least 1"
                    ))
                })?;
                match key {
                    "maxInputBytes" => {
                        options.item.max_input_bytes = n.min(crate::model::HARD_MAX_INPUT_BYTES)
                    }
                    "maxOutputBytes" => {
                        options.max_output_bytes = Some(n.min(crate::model::HARD_MAX_OUTPUT_BYTES))
                    }
                    "maxDepth" => options.item.max_depth = n.min(crate::json::HARD_MAX_DEPTH),
                    "maxIssues" => options.item.max_issues = n,
                    "maxItems" => options.max_items = n,
                    _ => options.max_log_issues = n,
                }
            }
            // A string has always been a RangeError here (as a limit that is not a number),
            // and callers may test for it; every other type is the wrong type.
            (_, OptionValue::String) => {
                return Err(ThrownError::range_error(format!(
                    "options.{key} must be a whole number of at least 1, not a string"
                )))
            }
            (_, v) => {
                return Err(ThrownError::type_error(format!(
                    "options.{key} must be a whole number of at least 1, not {}",
                    v.type_name()
                )))
            }
        }
    }
    Ok(options)
}

/// A whole, non-negative JSON number (`123`, `1e9`, `1.5e3`), saturating at `usize::MAX`;
/// `None` for fractions and negatives. Integer-only parsing keeps float parsing out of the
/// WebAssembly module.
fn whole_number(text: &str) -> Option<usize> {
    let (mantissa, exp) = text.split_once(['e', 'E']).unwrap_or((text, "0"));
    let exp: usize = exp.strip_prefix('+').unwrap_or(exp).parse().ok()?;
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let frac = frac.trim_end_matches('0');
    if int.is_empty()
        || frac.len() > exp
        || !(int.bytes().chain(frac.bytes())).all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let digits = int.bytes().chain(frac.bytes());
    let n = digits.fold(0usize, |n, b| {
        n.saturating_mul(10).saturating_add(usize::from(b - b'0'))
    });
    let zeros = exp - frac.len();
    if zeros > 20 {
        // Past any usize: saturate without looping over a hostile exponent.
        return Some(if n == 0 { 0 } else { usize::MAX });
    }
    Some((0..zeros).fold(n, |n, _| n.saturating_mul(10)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A valid notification with no warnings, non-ASCII in one value.
    const VALID_FOR_TESTS: &str = r#"{"uuid":"2661273919712564939","event":"/restapi/v1.0/account/1/phone-number?usageType=ContactCenterNumber","timestamp":"2023-04-18T20:25:24.611Z","subscriptionId":"9d38419f-645f-4ee3-a053-8cf1368c21c4","ownerId":"2","body":{"eventType":"Created","phoneNumberInfo":{"id":"3","phoneNumber":"+12024999741","location":"Zürich 🇨🇭"}}}"#;
    use crate::parse;

    #[test]
    fn typescript_lists_exactly_the_issue_codes() {
        let start = TYPESCRIPT.find("export type IssueCode").unwrap();
        let end = start + TYPESCRIPT[start..].find(';').unwrap();
        let listed: Vec<&str> = TYPESCRIPT[start..end]
            .split('"')
            .skip(1)
            .step_by(2)
            .collect();
        let codes: Vec<&str> = crate::Code::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(listed, codes);
    }

    #[test]
    fn compacts_only_clean_valid_reports_with_lengths_in_utf16_units() {
        let valid = VALID_FOR_TESTS;
        let report = crate::validate(valid, &Options::default());
        let (spans, text) = compact_report(&report).unwrap();
        let pairs: Vec<&[u32]> = spans.chunks(2).collect();
        assert!(pairs.iter().all(|p| p[0] == IN_TEXT || p[0] == ABSENT));
        let present: u32 = pairs.iter().filter(|p| p[0] == IN_TEXT).map(|p| p[1]).sum();
        assert_eq!(present as usize, text.encode_utf16().count());
        assert_eq!(pairs[9][0], ABSENT, "no uri");
        assert_eq!(
            pairs[13][1], 11,
            "Zürich, a space, a flag of two surrogate pairs"
        );
        assert_eq!(pairs[17][0], ABSENT, "no provider");
        let invalid = crate::validate("{}", &Options::default());
        assert!(compact_report(&invalid).is_none());
        let warned = crate::validate(valid.replace("\"3\"", "3"), &Options::default());
        assert!(warned.valid && compact_report(&warned).is_none());
    }

    #[test]
    fn lays_out_an_invalid_report_as_counts_lengths_and_positions() {
        let report = crate::validate(r#"{"uuid": "x", "note": "Zürich"}"#, &Options::default());
        assert!(!report.valid && !report.warnings.is_empty());
        let (nums, text) = invalid_report(&report).unwrap();
        let issues = report.errors.len() + report.warnings.len();
        assert_eq!(nums.len(), 4 + 9 * issues);
        assert_eq!(
            (nums[2], nums[3]),
            (report.errors.len() as u32, report.warnings.len() as u32)
        );
        let mut lengths = vec![nums[0], nums[1]];
        for issue in nums[4..].chunks(9) {
            lengths.extend(issue[..5].iter().filter(|&&n| n != ABSENT));
        }
        let total: u32 = lengths.iter().sum();
        assert_eq!(total as usize, text.encode_utf16().count());
        let first = &report.errors[0];
        assert_eq!(
            nums[9..13],
            [first.line, first.column, first.offset, first.length].map(Option::unwrap)
        );
        assert!(invalid_report(&crate::validate(VALID_FOR_TESTS, &Options::default())).is_none());
    }

    /// A clean report's 23 values as JavaScript slices them: offsets and lengths in UTF-16
    /// units, of the input and of the made text (which must hold nothing else).
    fn sliced_values(input: &str, spans: &Spans, text: &str) -> Vec<Option<String>> {
        let input: Vec<u16> = input.encode_utf16().collect();
        let units: Vec<u16> = text.encode_utf16().collect();
        let mut at = 0;
        let values = spans
            .chunks(2)
            .map(|p| match p[0] {
                ABSENT => None,
                IN_TEXT => {
                    at += p[1] as usize;
                    Some(String::from_utf16(&units[at - p[1] as usize..at]).unwrap())
                }
                start => Some(String::from_utf16(&input[start as usize..p[1] as usize]).unwrap()),
            })
            .collect();
        assert_eq!(
            at,
            units.len(),
            "the text holds nothing but the made values"
        );
        values
    }

    /// The values copied into the text are the ones sliced out of the input.
    fn assert_copied_alike(input: &str, sliced: &[Option<String>]) {
        let ascii = input.is_ascii();
        let (spans, text) = clean_report(input, 64, ascii, Values::Copied).unwrap();
        assert!(spans.chunks(2).all(|p| p[0] == ABSENT || p[0] == IN_TEXT));
        assert_eq!(sliced_values(input, &spans, &text), sliced);
    }

    #[test]
    fn slices_a_clean_notifications_values_out_of_the_input_itself() {
        let valid = r#"{"uuid":"2661273919712564939","event":"/restapi/v1.0/account/1/phone-number?usageType=ContactCenterNumber","timestamp":"2023-04-18T20:25:24.611+0000","subscriptionId":"9d38419f-645f-4ee3-a053-8cf1368c21c4","ownerId":"2","body":{"eventType":"Created","phoneNumberInfo":{"id":"3","phoneNumber":"+12024999741","type":"VoiceOnly","contactCenterProvider":{"name":"P"}}}}"#;
        let (spans, text) = clean_report(valid, 64, true, Values::Sliced).unwrap();
        let owned = sliced_values(valid, &spans, &text);
        assert_copied_alike(valid, &owned);
        let values: Vec<Option<&str>> = owned.iter().map(Option::as_deref).collect();
        assert_eq!(values[1], Some("2661273919712564939"));
        assert_eq!(values[3], Some("1"), "the account, out of the filter");
        assert_eq!(values[4], Some("2023-04-18T20:25:24.611+0000"), "as sent");
        assert_eq!(values[5], Some("2023-04-18T20:25:24.611Z"), "normalised");
        assert_eq!(values[14], Some("Voice"), "normalised from VoiceOnly");
        assert_eq!(
            (values[17], values[18], values[19]),
            (Some(""), None, Some("P"))
        );
        let report = crate::validate(valid, &Options::default());
        let change = report.change.unwrap();
        assert_eq!(values[22], Some(change.sentence.as_str()));
        assert_eq!((values[20], values[21]), (Some("created"), Some("added")));
        assert!(
            clean_report(&valid.replace("\"2\"", "2"), 64, true, Values::Sliced).is_none(),
            "a warning"
        );
    }

    #[test]
    fn slices_non_ascii_input_by_utf16_offsets() {
        // Non-ASCII values early on (2-, 3- and 4-byte characters, long enough to cross the
        // 64-byte blocks), so that every later offset differs from its byte offset.
        let valid = r#"{"body":{"phoneNumberInfo":{"location":"São Paulo — 東京 🇧🇷 Zürich, and a long tail of ü ü ü ü ü ü ü ü ü ü ü ü ü ü","contactCenterProvider":{"id":"7","name":"Ünïcødé 😀"},"id":"3","phoneNumber":"+12024999741"},"eventType":"Created"},"uuid":"2661273919712564939","event":"/restapi/v1.0/account/1/phone-number?usageType=ContactCenterNumber","timestamp":"2023-04-18T20:25:24.611Z","subscriptionId":"9d38419f-645f-4ee3-a053-8cf1368c21c4","ownerId":"2"}"#;
        let (spans, text) = clean_report(valid, 64, false, Values::Sliced).unwrap();
        let owned = sliced_values(valid, &spans, &text);
        assert_copied_alike(valid, &owned);
        let values: Vec<Option<&str>> = owned.iter().map(Option::as_deref).collect();
        let report = crate::validate(valid, &Options::default());
        let event = report.event.unwrap();
        let info = &event.body.phone_number_info;
        assert_eq!(values[1], Some(event.uuid.as_str()));
        assert_eq!(values[2], Some(event.event.as_str()));
        assert_eq!(values[3], Some("1"));
        assert_eq!(values[7], Some("2"));
        assert_eq!(values[10], Some("3"));
        assert_eq!(values[11], Some("+12024999741"));
        assert_eq!(values[13], info.location.as_deref());
        assert_eq!((values[18], values[19]), (Some("7"), Some("Ünïcødé 😀")));
        assert_eq!(values[22], Some(report.change.unwrap().sentence.as_str()));
    }

    #[test]
    fn reads_every_option() {
        let o =
            options_from_json(r#"{"strict":true,"maxInputBytes":10,"maxDepth":5,"maxIssues":3}"#)
                .unwrap();
        assert!(o.strict);
        assert_eq!((o.max_input_bytes, o.max_depth, o.max_issues), (10, 5, 3));
    }

    #[test]
    fn treats_missing_options_as_defaults() {
        assert_eq!(options_from_json("").unwrap(), Options::default());
        assert_eq!(options_from_json("null").unwrap(), Options::default());
        assert_eq!(options_from_json("{}").unwrap(), Options::default());
    }

    #[test]
    fn refuses_misspelt_options_with_a_suggestion() {
        let e = options_from_json(r#"{"stict":true}"#).unwrap_err();
        assert_eq!(e.class, "TypeError");
        assert_eq!(e.message, "unknown option `stict`; did you mean `strict`?");
    }

    #[test]
    fn refuses_mistyped_and_out_of_range_options() {
        assert_eq!(
            options_from_json(r#"{"strict":"yes"}"#).unwrap_err().class,
            "TypeError"
        );
        assert_eq!(
            options_from_json(r#"{"maxDepth":0}"#).unwrap_err().class,
            "RangeError"
        );
        assert_eq!(
            options_from_json(r#"{"maxDepth":1.5}"#).unwrap_err().class,
            "RangeError"
        );
        assert_eq!(options_from_json("[1]").unwrap_err().class, "TypeError");
    }

    #[test]
    fn summary_options_add_log_limits_and_renderings() {
        let o = summary_options_from_json(
            r#"{"maxItems":5,"maxLogIssues":7,"markdown":true,"csv":true,"strict":true}"#,
        )
        .unwrap();
        assert_eq!(
            (
                o.max_items,
                o.max_log_issues,
                o.markdown,
                o.csv,
                o.item.strict
            ),
            (5, 7, true, true, true)
        );
        let e = parse_options_from_json(r#"{"markdown":true}"#).unwrap_err();
        assert!(
            e.message.starts_with("unknown option `markdown`"),
            "{}",
            e.message
        );
        let o = options_from_json(r#"{"markdown":true,"text":true,"csv":true}"#).unwrap();
        assert!(o.markdown && o.text && o.csv);
        let o =
            summary_options_from_json(r#"{"maxOutputBytes":1e12,"maxInputBytes":1e12}"#).unwrap();
        assert_eq!(
            (o.max_output_bytes, o.item.max_input_bytes),
            (
                Some(crate::model::HARD_MAX_OUTPUT_BYTES),
                crate::model::HARD_MAX_INPUT_BYTES
            )
        );
    }

    #[test]
    fn reads_whole_numbers_in_any_json_spelling() {
        assert_eq!(whole_number("123"), Some(123));
        assert_eq!(whole_number("1e9"), Some(1_000_000_000));
        assert_eq!(whole_number("1.5e3"), Some(1500));
        assert_eq!(whole_number("1e+400"), Some(usize::MAX));
        assert_eq!(whole_number("1e999999999999"), Some(usize::MAX));
        assert_eq!(whole_number("1.5"), None);
        assert_eq!(whole_number("-1"), None);
        assert_eq!(whole_number("1e-3"), None);
    }

    #[test]
    fn caps_depth_at_the_hard_limit() {
        let o = options_from_json(r#"{"maxDepth":1e9}"#).unwrap();
        assert_eq!(o.max_depth, crate::json::HARD_MAX_DEPTH);
    }

    /// Tags and values as `readOptions` (src/wasm.rs) writes them, by name.
    fn from_js(of: OptionsOf, given: &[(&str, f64, f64)]) -> Result<SummaryOptions, ThrownError> {
        let mut tags = vec![0.0; 2 * of.names().len()];
        for (name, tag, value) in given {
            let at = of.names().iter().position(|n| n == name).unwrap();
            tags[2 * at] = *tag;
            tags[2 * at + 1] = *value;
        }
        options_from_js(of, &tags)
    }

    #[test]
    fn reads_options_from_javascript_values() {
        let o = from_js(
            OptionsOf::Validate,
            &[
                ("strict", 2.0, 1.0),
                ("maxDepth", 3.0, 5.0),
                ("csv", 2.0, 1.0),
            ],
        )
        .unwrap();
        assert!(o.item.strict && o.item.csv && !o.item.text);
        assert_eq!(o.item.max_depth, 5);
        let o = from_js(
            OptionsOf::Summarize,
            &[
                ("maxOutputBytes", 3.0, 2f64.powi(53)),
                ("maxInputBytes", 3.0, 1e300),
            ],
        )
        .unwrap();
        assert_eq!(
            o.max_output_bytes,
            Some(crate::model::HARD_MAX_OUTPUT_BYTES)
        );
        assert_eq!(o.item.max_input_bytes, crate::model::HARD_MAX_INPUT_BYTES);
        // `undefined` is the default, as `JSON.stringify` made it.
        let o = from_js(OptionsOf::Parse, &[("strict", 0.0, 0.0)]).unwrap();
        assert_eq!(o.item, Options::default());
    }

    #[test]
    fn refuses_every_javascript_type_an_option_cannot_have() {
        // null, string, bigint, symbol, function, object, array, unreadable.
        for tag in [1.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0] {
            let e = from_js(OptionsOf::Validate, &[("strict", tag, 0.0)]).unwrap_err();
            assert_eq!(e.class, "TypeError", "tag {tag}: {}", e.message);
            assert!(e.message.starts_with("options.strict "), "{}", e.message);
        }
        let e = from_js(OptionsOf::Validate, &[("strict", 3.0, 1.0)]).unwrap_err();
        assert_eq!(e.message, "options.strict must be a boolean, not a number");
        let e = from_js(OptionsOf::Validate, &[("maxDepth", 5.0, 0.0)]).unwrap_err();
        assert_eq!(
            (e.class, e.message.as_str()),
            (
                "TypeError",
                "options.maxDepth must be a whole number of at least 1, not a bigint"
            )
        );
        let e = from_js(OptionsOf::Validate, &[("maxIssues", 10.0, 0.0)]).unwrap_err();
        assert_eq!(
            e.message,
            "options.maxIssues could not be read: reading it threw"
        );
        // A string stays the RangeError it always was.
        let e = from_js(OptionsOf::Validate, &[("maxDepth", 4.0, 0.0)]).unwrap_err();
        assert_eq!(e.class, "RangeError");
        for bad in [
            0.0,
            -0.0,
            -1.0,
            1.5,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ] {
            let e = from_js(OptionsOf::Validate, &[("maxDepth", 3.0, bad)]).unwrap_err();
            assert_eq!(e.class, "RangeError", "{bad}");
        }
    }

    #[test]
    fn whole_numbers_of_javascript() {
        assert_eq!(whole_of_f64(0.0), Some(0));
        assert_eq!(whole_of_f64(-0.0), Some(0));
        assert_eq!(whole_of_f64(7.0), Some(7));
        assert_eq!(
            whole_of_f64(2f64.powi(53) - 1.0),
            usize::try_from((1u64 << 53) - 1).ok().or(Some(usize::MAX))
        );
        assert_eq!(whole_of_f64(2f64.powi(53)), Some(usize::MAX));
        assert_eq!(whole_of_f64(1e300), Some(usize::MAX));
        assert_eq!(whole_of_f64(0.5), None);
        assert_eq!(whole_of_f64(-1.0), None);
        assert_eq!(whole_of_f64(f64::NAN), None);
        assert_eq!(whole_of_f64(f64::INFINITY), None);
    }

    #[test]
    fn names_what_could_not_be_read() {
        assert!(options_object_error(1.0).message.contains("plain object"));
        assert!(options_object_error(2.0).message.contains("prototype"));
        assert!(options_object_error(3.0).message.contains("keys"));
        let e = unknown_option("maxdepth", VALIDATE_OPTION_NAMES);
        assert_eq!(
            e.message,
            "unknown option `maxdepth`; did you mean `maxDepth`?"
        );
    }

    #[test]
    fn reports_an_input_without_memory_in_the_too_large_shape() {
        let with_text = Options {
            text: true,
            markdown: true,
            ..Options::default()
        };
        let r = validate_without_memory(1000, true, NoMemory::ForTheCopy, &with_text);
        assert!(!r.valid);
        assert_eq!(r.kind, Kind::Malformed);
        assert_eq!(r.errors.len(), 1);
        let e = &r.errors[0];
        assert_eq!(
            (e.code, e.line, e.column),
            (crate::Code::InputTooLarge, Some(1), Some(1))
        );
        assert_eq!(
            e.message,
            "the input has 1000 bytes, and copying it needed more memory than WebAssembly could give"
        );
        let text = r.text.unwrap();
        assert!(
            text.contains(&e.message) && !text.contains("maxInputBytes"),
            "{text}"
        );
        let r = validate_without_memory(
            0,
            false,
            NoMemory::Trapped("unreachable"),
            &Options::default(),
        );
        assert!(r.errors[0].message.starts_with("the check ran out of WebAssembly memory (unreachable, on an input of at least 0 bytes)"));
        let s = summarize_without_memory(
            5,
            true,
            NoMemory::Trapped("unreachable"),
            &SummaryOptions::default(),
        );
        assert_eq!(s.problems.len(), 1);
        let message = &s.problems[0].issues[0].message;
        assert!(message.ends_with("the module was restarted"), "{message}");
        assert!(s.text.contains(message.as_str()), "{}", s.text);
    }

    #[test]
    fn turns_a_parse_error_into_an_invalid_event_error_with_issues() {
        let err = parse("{\"uuid\": 1", &Options::default()).unwrap_err();
        let thrown = ThrownError::from(err);
        assert_eq!(thrown.name, "InvalidEventError");
        assert_eq!(thrown.kind, Some(Kind::Malformed));
        assert!(thrown.message.starts_with("1:1: "), "{}", thrown.message);
        let issues = thrown.issues_json.unwrap();
        assert!(
            issues.starts_with("[{\"code\":\"json-unexpected-end\""),
            "{issues}"
        );
    }
}
