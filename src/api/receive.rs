//! What a WebHook endpoint answers RingCentral: the decision of [`receive`], made from the
//! method, the headers and the raw body, before and after the body is validated. The npm
//! package's `receive()` runs this very function (through `__private`), so the answers are
//! the same in Rust and JavaScript.

use crate::api::validate::validate_from;
use crate::json::input::FromJs;
use crate::json::map::HashMap;
use crate::model::{Kind, Report, ValidateOptions};

/// Longest `Validation-Token` echoed, in bytes: RingCentral wants the whole answer to the
/// validation request, headers included, in at most 1024 bytes.
pub const MAX_ECHO_BYTES: usize = 512;

/// The header names that carry a token, lower-cased. RingCentral's pages spell the token the
/// subscriber chose `verificationToken` / `Verification-Token` (older) and `validationToken` /
/// `Validation-Token` (the 2024 receiving page); the validation request of a new subscription
/// carries its own token as `Validation-Token`.
const VERIFICATION_HEADERS: [&str; 2] = ["verification-token", "verificationtoken"];
const VALIDATION_HEADERS: [&str; 2] = ["validation-token", "validationtoken"];

/// How [`receive`] judges a request, besides the [`ValidateOptions`] of its body.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Deserialize),
    serde(default, rename_all = "camelCase", deny_unknown_fields)
)]
pub struct ReceiveOptions {
    /// The `verificationToken` given when the subscription was created: every notification
    /// must carry it (as `Verification-Token` or `Validation-Token`), or it is answered 401
    /// without its body being read. `None` accepts any sender.
    pub verification_token: Option<String>,
    /// How the body is validated.
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub validate: ValidateOptions,
}

/// What the answer says happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(rename_all = "camelCase")
)]
#[non_exhaustive]
pub enum Outcome {
    /// The validation request of a new subscription (empty body, `Validation-Token`): 200,
    /// the token echoed.
    Validation,
    /// A valid Contact Center phone-number event, seen for the first time: 200.
    Accepted,
    /// A valid event whose `uuid` was already received (RingCentral retried it): 200, so that
    /// it stops retrying, and nothing more to do.
    Replay,
    /// A notification of another kind on the same subscription (a renewal reminder, another
    /// event filter): 200, set aside.
    Ignored,
    /// A body that is not a valid Contact Center event (broken JSON, a broken event, an empty
    /// body without a token to echo): 200 with the report. Retrying would send the same bytes,
    /// and RingCentral suspends a subscription whose endpoint keeps failing, so the answer
    /// is a success and the report says what was wrong.
    Invalid,
    /// The verification token is missing or wrong: 401, the body not read.
    Unauthorized,
    /// Not a POST: 405 with `Allow: POST`.
    MethodNotAllowed,
    /// A `Validation-Token` that cannot be echoed as a header (control characters, or longer
    /// than [`MAX_ECHO_BYTES`]): 400.
    BadRequest,
}

impl Outcome {
    /// The name JavaScript sees (`"accepted"`, `"methodNotAllowed"`...).
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Validation => "validation",
            Outcome::Accepted => "accepted",
            Outcome::Replay => "replay",
            Outcome::Ignored => "ignored",
            Outcome::Invalid => "invalid",
            Outcome::Unauthorized => "unauthorized",
            Outcome::MethodNotAllowed => "methodNotAllowed",
            Outcome::BadRequest => "badRequest",
        }
    }
}

/// The headers of the answer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct AnswerHeaders {
    /// The request's `Validation-Token`, echoed on every success that carried one (the
    /// validation request needs it; RingCentral's own samples echo it always).
    #[cfg_attr(
        feature = "serde",
        serde(rename = "Validation-Token", skip_serializing_if = "Option::is_none")
    )]
    pub validation_token: Option<String>,
    /// `POST`, on a 405.
    #[cfg_attr(
        feature = "serde",
        serde(rename = "Allow", skip_serializing_if = "Option::is_none")
    )]
    pub allow: Option<&'static str>,
}

/// What to answer a request, and why.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Received {
    /// The HTTP status to answer with.
    pub status: u16,
    /// The headers to answer with.
    pub headers: AnswerHeaders,
    /// What happened.
    pub outcome: Outcome,
    /// The notification's `uuid` when the body is a valid event: the key to de-duplicate on.
    pub uuid: Option<String>,
    /// The body's report, when the body was validated (boxed: a report is large, and most
    /// refusals carry none).
    pub report: Option<Box<Report>>,
}

impl Received {
    fn answer(status: u16, outcome: Outcome) -> Received {
        Received {
            status,
            headers: AnswerHeaders::default(),
            outcome,
            uuid: None,
            report: None,
        }
    }

    /// Whether RingCentral retried a notification already received.
    pub fn is_replay(&self) -> bool {
        self.outcome == Outcome::Replay
    }

    /// The same answer, marked as a replay: still 200, so RingCentral stops retrying. Only an
    /// accepted event can be one; any other answer is returned as it is.
    pub fn into_replay(mut self) -> Received {
        if self.outcome == Outcome::Accepted {
            self.outcome = Outcome::Replay;
        }
        self
    }

    /// This answer after asking `store` whether its `uuid` was seen before (and recording it):
    /// an accepted event already seen becomes a [`Outcome::Replay`].
    pub fn deduplicated(self, store: &mut impl ReplayStore) -> Received {
        match (&self.uuid, self.outcome) {
            (Some(uuid), Outcome::Accepted) if store.seen(uuid) => self.into_replay(),
            _ => self,
        }
    }
}

/// Remembers the `uuid`s received, for [`Received::deduplicated`].
pub trait ReplayStore {
    /// Whether `uuid` was received before; either way, it counts as received from now on.
    fn seen(&mut self, uuid: &str) -> bool;
}

/// The first decision, from what comes before the body: `Err` is the answer, `Ok` the
/// `Validation-Token` to echo (if any) once the body is validated. `body_empty` is whether the
/// body is empty or only whitespace (which is not parsing it). Exposed for the JavaScript
/// boundary, which reads the body only when this lets it.
#[doc(hidden)]
pub fn admit<'h>(
    method: &str,
    headers: &[(&'h str, &'h str)],
    body_empty: bool,
    expected: Option<&str>,
) -> Result<Option<&'h str>, Received> {
    if !method.eq_ignore_ascii_case("POST") {
        let mut answer = Received::answer(405, Outcome::MethodNotAllowed);
        answer.headers.allow = Some("POST");
        return Err(answer);
    }
    let validation = header(headers, &VALIDATION_HEADERS);
    let echo = match validation {
        Some(token) if !echoable(token) => return Err(Received::answer(400, Outcome::BadRequest)),
        other => other.filter(|t| !t.is_empty()),
    };
    if body_empty {
        if let Some(token) = echo {
            // The validation request comes before any verification token can be sent, and
            // echoing a token to whoever sent it gives nothing away.
            let mut answer = Received::answer(200, Outcome::Validation);
            answer.headers.validation_token = Some(token.to_string());
            return Err(answer);
        }
    }
    if let Some(expected) = expected {
        // Both spellings are compared, always, so the time taken does not say which matched.
        let verification = same_token(header(headers, &VERIFICATION_HEADERS), expected);
        let validation = same_token(validation, expected);
        if !(verification | validation) {
            return Err(Received::answer(401, Outcome::Unauthorized));
        }
    }
    Ok(echo)
}

/// Whether the request carries a `Validation-Token` (either spelling): only then does
/// [`admit`] need to know whether the body is empty, so only then must the body be read first.
#[doc(hidden)]
pub fn carries_validation_token(headers: &[(&str, &str)]) -> bool {
    header(headers, &VALIDATION_HEADERS).is_some()
}

/// The answer for a body whose report is `report`, once [`admit`] let it through.
#[doc(hidden)]
pub fn settle(report: Report, echo: Option<&str>) -> Received {
    let (status, outcome) = match report.kind {
        Kind::ContactCenterPhoneNumber if report.valid => (200, Outcome::Accepted),
        Kind::SubscriptionRenewal | Kind::OtherEvent => (200, Outcome::Ignored),
        _ => (200, Outcome::Invalid),
    };
    let mut answer = Received::answer(status, outcome);
    answer.headers.validation_token = echo.map(str::to_string);
    answer.uuid = report
        .event
        .as_ref()
        .filter(|_| outcome == Outcome::Accepted)
        .map(|e| e.uuid.clone());
    answer.report = Some(Box::new(report));
    answer
}

/// Decides what a WebHook endpoint answers: `method`, `headers` (names in any case) and the
/// raw `body` as received, judged with `options`. Never panics and never fails.
///
/// - not a `POST`: 405, `Allow: POST`;
/// - the validation request of a new subscription (an empty body with `Validation-Token`):
///   200 with the token echoed, whatever `verification_token` says;
/// - a missing or wrong verification token (`Verification-Token` or `Validation-Token`,
///   compared in constant time): 401, and the body is not parsed;
/// - otherwise 200 with the body's [`Report`]: [`Outcome::Accepted`] for a valid event,
///   [`Outcome::Ignored`] for a notification of another kind, [`Outcome::Invalid`] for
///   anything else (RingCentral would only retry the same bytes, and suspends endpoints that
///   keep failing).
///
/// De-duplication is a second step, [`Received::deduplicated`], with a [`ReplayStore`] such
/// as [`RecentUuids`].
///
/// ```
/// use cc_number_events::{receive, Outcome, ReceiveOptions, RecentUuids};
///
/// let options = ReceiveOptions { verification_token: Some("s3cret".into()), ..Default::default() };
/// let handshake = receive("POST", &[("validation-token", "abc")], b"", &options);
/// assert_eq!((handshake.status, handshake.outcome), (200, Outcome::Validation));
/// assert_eq!(handshake.headers.validation_token.as_deref(), Some("abc"));
///
/// let body = br#"{"uuid":"2661273919712564939","event":"/restapi/v1.0/account/37439510/phone-number?usageType=ContactCenterNumber","timestamp":"2023-04-18T20:25:24.611Z","subscriptionId":"9d38419f-645f-4ee3-a053-8cf1368c21c4","ownerId":"8475874957","body":{"eventType":"Deleted","phoneNumberInfo":{"id":"987654321","phoneNumber":"+12024999741"}}}"#;
/// let forged = receive("POST", &[("Verification-Token", "guess")], body, &options);
/// assert_eq!((forged.status, forged.outcome), (401, Outcome::Unauthorized));
/// assert!(forged.report.is_none());
///
/// let mut recent = RecentUuids::new(10_000);
/// let first = receive("POST", &[("Verification-Token", "s3cret")], body, &options);
/// assert_eq!(first.deduplicated(&mut recent).outcome, Outcome::Accepted);
/// let again = receive("POST", &[("verification-token", "s3cret")], body, &options);
/// let again = again.deduplicated(&mut recent);
/// assert_eq!((again.status, again.outcome), (200, Outcome::Replay));
/// ```
pub fn receive(
    method: &str,
    headers: &[(&str, &str)],
    body: &[u8],
    options: &ReceiveOptions,
) -> Received {
    let empty = body_empty(body);
    match admit(
        method,
        headers,
        empty,
        options.verification_token.as_deref(),
    ) {
        Err(answer) => answer,
        Ok(echo) => settle(
            validate_from(body, &options.validate, &FromJs::default()),
            echo,
        ),
    }
}

/// Whether a body is what the validation request sends: nothing, or JSON whitespace.
pub fn body_empty(body: &[u8]) -> bool {
    body.iter()
        .all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
}

/// The first header named one of `names` (lower-case), its name compared without case.
fn header<'h>(headers: &[(&'h str, &'h str)], names: &[&str]) -> Option<&'h str> {
    headers
        .iter()
        .find(|(name, _)| names.iter().any(|n| name.eq_ignore_ascii_case(n)))
        .map(|&(_, value)| value)
}

/// Whether `token` can go back in a header: visible ASCII and inner spaces, not too long.
fn echoable(token: &str) -> bool {
    token.len() <= MAX_ECHO_BYTES && token.bytes().all(|b| b == b' ' || b.is_ascii_graphic())
}

/// `given == expected`, in a time that depends on `expected`'s length only: every byte of
/// `expected` is compared, whatever differs first.
fn same_token(given: Option<&str>, expected: &str) -> bool {
    let (Some(given), expected) = (given.map(str::as_bytes), expected.as_bytes()) else {
        return false;
    };
    let mut diff = u8::from(given.len() != expected.len());
    for (i, &e) in expected.iter().enumerate() {
        // A missing byte compares as e's complement, so it always differs.
        diff |= e ^ given.get(i).copied().unwrap_or(!e);
    }
    core::hint::black_box(diff) == 0 && !expected.is_empty()
}

/// The last `capacity` `uuid`s received, least recently seen evicted first: the default
/// [`ReplayStore`]. Memory is bounded by `capacity` ids.
#[derive(Clone, Debug)]
pub struct RecentUuids {
    capacity: usize,
    tick: u64,
    /// Each id with the tick of its last sighting.
    last: HashMap<String, u64>,
    /// Sightings in order; one is stale when its id was seen again since.
    order: std::collections::VecDeque<(u64, String)>,
}

impl RecentUuids {
    /// A store of the last `capacity` ids (at least 1).
    pub fn new(capacity: usize) -> RecentUuids {
        RecentUuids {
            capacity: capacity.max(1),
            tick: 0,
            last: Default::default(),
            order: Default::default(),
        }
    }

    /// How many ids are remembered.
    pub fn len(&self) -> usize {
        self.last.len()
    }

    /// Whether no id is remembered.
    pub fn is_empty(&self) -> bool {
        self.last.is_empty()
    }
}

impl ReplayStore for RecentUuids {
    fn seen(&mut self, uuid: &str) -> bool {
        // A valid event's uuid is at most 36 bytes (`model::formats::uuid_ok`), so the memory
        // is bounded by the capacity.
        self.tick += 1;
        let seen = self.last.insert(uuid.to_string(), self.tick).is_some();
        self.order.push_back((self.tick, uuid.to_string()));
        while self.last.len() > self.capacity {
            let Some((tick, old)) = self.order.pop_front() else {
                break;
            };
            if self.last.get(&old) == Some(&tick) {
                self.last.remove(&old);
            }
        }
        // Stale sightings are dropped once they outnumber the live ones, so the queue stays
        // within twice the capacity.
        if self.order.len() > 2 * self.capacity {
            let last = &self.last;
            self.order.retain(|(tick, id)| last.get(id) == Some(tick));
        }
        seen
    }
}
