//! The fast path: a WebHook notification of this event, read without a parse tree.
//!
//! Nearly all real traffic is one compact, valid envelope. This reader walks it once, borrowing
//! each value, and checks each with the same predicates as the rules of `checks::envelope` and
//! `checks::body`. What those rules would only warn about (a member it does not know, an id
//! sent as a number, the `{accountId}` placeholder, an empty `uri`, an undocumented value) it
//! keeps as a [`Remark`] and reads on; the rules then word those warnings from the remarks
//! (`checks::remarks`). It gives up (`None`) at anything else: an escape in a string, a member
//! seen twice, a value any rule would call an error, a warning `strict` makes one. The full
//! validator then runs and explains. So the fast path only ever answers where the full one
//! finds warnings at most, with the same report; `tests` hold the two equal on every fixture
//! and on mutated payloads.

use crate::checks::body::USAGE_TYPE_NEEDED;
use crate::checks::detect::{filter_kind, this_events_type};
use crate::checks::members::{numeric_id_ok, Object};
use crate::checks::remarks::{Context, Field, Remark};
use crate::checks::scan::{Reader, MAX_SKIP_DEPTH};
use crate::json::skip_whitespace;
use crate::model::event_ref::{BodyRef, EventRef, PhoneNumberInfoRef, ProviderRef};
use crate::model::formats::{
    clean_filter_account, clean_uri, filter_query, id_ok, is_uuid, phone_number_filter_account,
    phone_number_ok, uuid_ok, ACCOUNT_PLACEHOLDER, FILTER_QUERY,
};
use crate::model::timestamp::{self, Instant};
use crate::model::vocab;
use crate::model::{EventType, Kind, NumberType};
use crate::text::span::Span;

/// Nesting the fast path needs: envelope, body, phoneNumberInfo, contactCenterProvider. A
/// caller's `maxDepth` below this sends every payload down the full path, which reports it.
pub(crate) const DEPTH: usize = 4;

/// Most remarks one notification may carry on the fast path; a payload with more (rare, and
/// perhaps hostile) is left to the full one.
pub(crate) const MAX_REMARKS: usize = 16;

/// The event in `src` (from byte `start`), borrowed, when `src` is exactly one clean WebHook
/// notification of this event, with nothing for any rule to report under `max_depth`.
pub fn clean(src: &str, start: usize, max_depth: usize) -> Option<EventRef<'_>> {
    let (clean, end) = read_at(src, start, max_depth, false, 0, &mut Vec::new())?;
    (skip_whitespace(src, end) == src.len()).then_some(clean)
}

/// What the reader made of a whole WebHook notification of this event whose issues it could
/// all locate: its event when every member the rules need was read without an error, else
/// what the rules of one member take from the others. (No bigger than the event: a larger
/// answer was copied with `memcpy` on every clean call.)
// Boxing the event would cost every clean call an allocation.
#[allow(clippy::large_enum_variant)]
pub(crate) enum Judged<'a> {
    Event(EventRef<'a>),
    Invalid(Context<'a>),
}

/// What the reader makes of `src` (from byte `start`) when it is exactly one WebHook
/// notification of this event whose every issue it can locate without a tree, with those
/// issues in `remarks` (as `strict` has them): warnings, and errors where a member is
/// missing, of the wrong type, or refused by its rule. `None` leaves it to the parse tree:
/// broken JSON, an escape, a member seen twice, another delivery or kind, too many remarks.
pub(crate) fn read<'a>(
    src: &'a str,
    start: usize,
    max_depth: usize,
    strict: bool,
    remarks: &mut Vec<Remark<'a>>,
) -> Option<Judged<'a>> {
    let mode = Mode {
        strict,
        errors: true,
    };
    let (judged, end) = read_with(src, start, max_depth, mode, MAX_REMARKS, remarks)?;
    (skip_whitespace(src, end) == src.len()).then_some(judged)
}

/// How many warnings an item of a log that starts at `start` gets on the fast path (as
/// `summarize` reads it), or `None` where the parse tree must read it: for tests that hold
/// which items stay on the fast path. Not part of the API.
pub fn log_item_warnings(src: &str, start: usize, max_depth: usize, strict: bool) -> Option<usize> {
    let mut remarks = Vec::new();
    read_at(src, start, max_depth, strict, MAX_REMARKS, &mut remarks).map(|_| remarks.len())
}

/// The notification that starts at `start` (after white space) and where it ends (for logs,
/// whose items follow each other), when the rules would give it warnings at most, with what
/// they would remark on in `remarks` (at most `cap` things, each a warning under `strict`).
/// Out of the way of the event, which is returned by value: a `Vec` beside it in the answer
/// cost a tenth of a clean call in copies.
pub(crate) fn read_at<'a>(
    src: &'a str,
    start: usize,
    max_depth: usize,
    strict: bool,
    cap: usize,
    remarks: &mut Vec<Remark<'a>>,
) -> Option<(EventRef<'a>, usize)> {
    let mode = Mode {
        strict,
        errors: false,
    };
    match read_with(src, start, max_depth, mode, cap, remarks)? {
        (Judged::Event(event), end) => Some((event, end)),
        (Judged::Invalid(_), _) => None,
    }
}

/// How the reader takes what the rules would report.
#[derive(Clone, Copy)]
struct Mode {
    strict: bool,
    /// Whether it keeps errors and reads on (else it gives up at the first).
    errors: bool,
}

/// What a remark is in a report.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Level {
    Warning,
    /// A warning that `strict` makes an error.
    StrictError,
    Error,
}

/// [`read_at`] in either [`Mode`].
#[inline(always)]
fn read_with<'a>(
    src: &'a str,
    start: usize,
    max_depth: usize,
    mode: Mode,
    cap: usize,
    remarks: &mut Vec<Remark<'a>>,
) -> Option<(Judged<'a>, usize)> {
    if max_depth < DEPTH {
        return None;
    }
    let mut r = Reader {
        src,
        bytes: src.as_bytes(),
        pos: start,
        max_depth: max_depth.min(MAX_SKIP_DEPTH),
        skipped: 0,
    };
    let mut f = Fields {
        remarks: Remarks {
            list: remarks,
            cap,
            mode,
            invalid: false,
        },
        src,
        seen: 0,
        kind_by_body: false,
        this_body: false,
        body_at: None,
        info_at: None,
        uuid: None,
        event: None,
        account: None,
        timestamp: None,
        subscription_id: None,
        owner_id: None,
        event_type: None,
        uri: None,
        id: None,
        phone_number: None,
        payment_type: None,
        location: None,
        number_type: None,
        usage_type: None,
        status: None,
        provider: None,
    };
    r.ws();
    let envelope_at = r.pos;
    r.object(|key, r| f.envelope_member(key, r))?;
    Some((f.checked(envelope_at)?, r.pos))
}

/// What the rules would report so far.
struct Remarks<'a, 'r> {
    list: &'r mut Vec<Remark<'a>>,
    /// Most remarks kept: past them, the fast path gives up.
    cap: usize,
    mode: Mode,
    /// Whether one of them is an error.
    invalid: bool,
}

impl<'a> Remarks<'a, '_> {
    /// Keeps `remark`, unless there are too many or it is an error the mode gives up at.
    fn add(&mut self, remark: Remark<'a>, level: Level) -> Option<()> {
        let error = match level {
            Level::Warning => false,
            Level::StrictError => self.mode.strict,
            Level::Error => true,
        };
        (self.list.len() < self.cap && (self.mode.errors || !error)).then(|| {
            self.invalid |= error;
            self.list.push(remark)
        })
    }

    /// Member `key` of `object`, which it does not know, its value skipped.
    fn unknown(&mut self, object: Object, key: &'a str, r: &mut Reader<'a>) -> Option<()> {
        // `pn_apns` makes the envelope an APNS wrapper, judged on the full path.
        (object != Object::Envelope || key != "pn_apns").then_some(())?;
        let mut n = 0;
        for remark in self.list.iter() {
            if let Remark::Unknown {
                object: o, key: k, ..
            } = *remark
            {
                // A duplicate key is the parser's error.
                (o != object || k != key).then_some(())?;
                n += usize::from(o == object);
            }
        }
        let span = r.span_of(key);
        self.add(
            Remark::Unknown {
                object,
                n,
                key,
                span,
            },
            Level::StrictError,
        )?;
        r.skip(depth(object))
    }

    /// The value of `field`, `text` (borrowed from the reader's text), which its rule reports.
    fn value(&mut self, field: Field, text: &'a str, r: &Reader<'a>, level: Level) -> Option<()> {
        let span = r.span_of(text);
        self.add(Remark::Value { field, text, span }, level)
    }

    /// The value of member `key` of `object`, which is not a `want`: remarked on and skipped.
    #[cold]
    fn wrong_type(
        &mut self,
        object: Object,
        key: &'static str,
        want: &'static str,
        r: &mut Reader<'a>,
    ) -> Option<()> {
        self.mode.errors.then_some(())?;
        r.ws();
        let start = r.pos;
        let found = match *r.bytes.get(start)? {
            b'"' => "string",
            b'{' => "object",
            b'[' => "array",
            b't' | b'f' => "boolean",
            b'n' => "null",
            b'-' | b'0'..=b'9' => "number",
            _ => return None,
        };
        r.skip(depth(object))?;
        let span = Span::new(start, r.pos);
        let remark = Remark::WrongType {
            object,
            key,
            want,
            found,
            span,
        };
        self.add(remark, Level::Error)
    }

    /// The string value of member `key` of `object`, or `None` when it holds another type
    /// (remarked on). A string the reader cannot borrow (an escape) is the tree's.
    #[inline(always)]
    fn string(
        &mut self,
        object: Object,
        key: &'static str,
        r: &mut Reader<'a>,
    ) -> Option<Option<&'a str>> {
        if r.peek() == Some(b'"') {
            r.pos += 1;
            return r.string_rest().map(Some);
        }
        self.wrong_type(object, key, "string", r).map(|()| None)
    }

    /// An id of `object`: a string (of digits with `digits_only`), or an integer (remarked
    /// on); `None` when it is neither (remarked on).
    #[inline(always)]
    fn id(
        &mut self,
        object: Object,
        key: &'static str,
        digits_only: bool,
        r: &mut Reader<'a>,
    ) -> Option<Option<&'a str>> {
        let number = match r.peek() {
            Some(b'"') => false,
            Some(b'-' | b'0'..=b'9') => true,
            _ => return self.wrong_type(object, key, "string", r).map(|()| None),
        };
        let (text, span) = if number {
            let text = r.number()?;
            (text, Span::new(r.pos - text.len(), r.pos))
        } else {
            r.pos += 1;
            let text = r.string_rest()?;
            (text, r.span_of(text))
        };
        let ok = if number {
            numeric_id_ok(text)
        } else {
            id_ok(text, digits_only)
        };
        if ok && !number {
            return Some(Some(text));
        }
        let (remark, level) = if ok {
            let remark = Remark::NumericId {
                object,
                key,
                text,
                span,
            };
            (remark, Level::Warning)
        } else {
            let remark = Remark::BadId {
                object,
                key,
                text,
                number,
                span,
            };
            (remark, Level::Error)
        };
        self.add(remark, level)?;
        Some(Some(text).filter(|_| ok))
    }
}

/// The nesting of `object`'s members' values.
fn depth(object: Object) -> usize {
    match object {
        Object::Envelope => 1,
        Object::Body => 2,
        Object::Info => 3,
        Object::Provider => 4,
    }
}

// The members the reader knows, one bit each in `Fields::seen`: a second copy of one is the
// parser's error, and those not seen are missing.
const UUID: u32 = 1 << 0;
const EVENT: u32 = 1 << 1;
const TIMESTAMP: u32 = 1 << 2;
const SUBSCRIPTION_ID: u32 = 1 << 3;
const OWNER_ID: u32 = 1 << 4;
const BODY: u32 = 1 << 5;
const EVENT_TYPE: u32 = 1 << 6;
const INFO: u32 = 1 << 7;
const URI: u32 = 1 << 8;
const ID: u32 = 1 << 9;
const PHONE_NUMBER: u32 = 1 << 10;
const PAYMENT_TYPE: u32 = 1 << 11;
const LOCATION: u32 = 1 << 12;
const TYPE: u32 = 1 << 13;
const USAGE_TYPE: u32 = 1 << 14;
const STATUS: u32 = 1 << 15;
const PROVIDER: u32 = 1 << 16;

/// The members whose presence makes an object an envelope (`detect::looks_like_envelope`).
const ENVELOPE_SIGNS: u32 = UUID | EVENT | BODY | SUBSCRIPTION_ID | TIMESTAMP;

/// Each object's members the reader knows, with their bits, and the required ones in the
/// order the rules report them missing (with why they are needed).
const ENVELOPE_MEMBERS: &[(u32, &str)] = &[
    (UUID, "uuid"),
    (EVENT, "event"),
    (TIMESTAMP, "timestamp"),
    (SUBSCRIPTION_ID, "subscriptionId"),
    (OWNER_ID, "ownerId"),
    (BODY, "body"),
];
const ENVELOPE_REQUIRED: &[(u32, &str, &str)] = &[
    (UUID, "uuid", ": it identifies the notification"),
    (EVENT, "event", ""),
    (TIMESTAMP, "timestamp", ""),
    (SUBSCRIPTION_ID, "subscriptionId", ""),
    (OWNER_ID, "ownerId", ""),
    (BODY, "body", ""),
];
const BODY_MEMBERS: &[(u32, &str)] = &[(EVENT_TYPE, "eventType"), (INFO, "phoneNumberInfo")];
const BODY_REQUIRED: &[(u32, &str, &str)] =
    &[(EVENT_TYPE, "eventType", ""), (INFO, "phoneNumberInfo", "")];
const INFO_MEMBERS: &[(u32, &str)] = &[
    (URI, "uri"),
    (ID, "id"),
    (PHONE_NUMBER, "phoneNumber"),
    (PAYMENT_TYPE, "paymentType"),
    (LOCATION, "location"),
    (TYPE, "type"),
    (USAGE_TYPE, "usageType"),
    (STATUS, "status"),
    (PROVIDER, "contactCenterProvider"),
];
const INFO_REQUIRED: &[(u32, &str, &str)] = &[(ID, "id", ""), (PHONE_NUMBER, "phoneNumber", "")];

struct Fields<'a, 'r> {
    remarks: Remarks<'a, 'r>,
    /// The text read, which every value borrows.
    src: &'a str,
    /// The members read so far, by their bits.
    seen: u32,
    /// Whether the `event` filter leaves the kind to the body (`detect::filter_kind`), and
    /// whether the body is this event's: it has `phoneNumberInfo`, or an `eventType` that is
    /// one of this event's in any case.
    kind_by_body: bool,
    this_body: bool,
    /// Where `body` and `phoneNumberInfo` open, when they are objects.
    body_at: Option<usize>,
    info_at: Option<usize>,
    // Each member's value, where its rule found no error.
    uuid: Option<&'a str>,
    event: Option<&'a str>,
    /// The account the `event` filter names.
    account: Option<&'a str>,
    timestamp: Option<(&'a str, Instant)>,
    subscription_id: Option<&'a str>,
    owner_id: Option<&'a str>,
    event_type: Option<EventType>,
    uri: Option<&'a str>,
    id: Option<&'a str>,
    phone_number: Option<&'a str>,
    payment_type: Option<&'a str>,
    location: Option<&'a str>,
    number_type: Option<NumberType>,
    usage_type: Option<&'a str>,
    status: Option<&'a str>,
    provider: Option<ProviderRef<'a>>,
}

impl<'a> Fields<'a, '_> {
    /// Marks the member of `bit` read; a second copy ends the fast path.
    #[inline(always)]
    fn first(&mut self, bit: u32) -> Option<()> {
        (self.seen & bit == 0).then(|| self.seen |= bit)
    }

    /// Each value is checked as soon as it is read; only `uri` and `usageType`, which depend
    /// on other members, wait for the end.
    fn envelope_member(&mut self, key: &'a str, r: &mut Reader<'a>) -> Option<()> {
        let env = Object::Envelope;
        match key {
            "uuid" => {
                self.first(UUID)?;
                if let Some(s) = self.remarks.string(env, "uuid", r)? {
                    if uuid_ok(s) {
                        self.uuid = Some(s);
                    } else {
                        self.remarks.value(Field::Uuid, s, r, Level::Error)?;
                    }
                }
            }
            "event" => {
                self.first(EVENT)?;
                if let Some(event) = self.remarks.string(env, "event", r)? {
                    self.event = Some(event);
                    self.account = self.filter_account(event, r)?;
                }
            }
            "timestamp" => {
                self.first(TIMESTAMP)?;
                if let Some(text) = self.remarks.string(env, "timestamp", r)? {
                    match timestamp::parse(text) {
                        Ok(time) => self.timestamp = Some((text, time)),
                        Err(_) => self
                            .remarks
                            .value(Field::Timestamp, text, r, Level::Error)?,
                    }
                }
            }
            "subscriptionId" => {
                self.first(SUBSCRIPTION_ID)?;
                if let Some(s) = self.remarks.string(env, "subscriptionId", r)? {
                    if !is_uuid(s) {
                        // Empty, it is an error.
                        let level = if s.is_empty() {
                            Level::Error
                        } else {
                            Level::Warning
                        };
                        self.remarks.value(Field::SubscriptionId, s, r, level)?;
                    }
                    self.subscription_id = Some(s);
                }
            }
            "ownerId" => {
                self.first(OWNER_ID)?;
                self.owner_id = self.remarks.id(env, "ownerId", true, r)?;
            }
            "body" => {
                self.first(BODY)?;
                if r.peek() != Some(b'{') {
                    return self.remarks.wrong_type(env, "body", "object", r);
                }
                self.body_at = Some(r.pos);
                r.object(|key, r| self.body_member(key, r))?;
            }
            _ => self.remarks.unknown(env, key, r)?,
        }
        Some(())
    }

    /// The account `event` names, when it is this event's filter, for digits, `~` or the
    /// documentation's placeholder (remarked on); `None` inside where the rule refuses it (an
    /// error); `None` where the filter makes the notification another kind (the tree's).
    #[inline]
    fn filter_account(&mut self, event: &'a str, r: &Reader<'a>) -> Option<Option<&'a str>> {
        if let Some(account) = clean_filter_account(event) {
            return Some(Some(account));
        }
        let account = phone_number_filter_account(event).filter(|&account| {
            account == ACCOUNT_PLACEHOLDER && filter_query(event, account) == FILTER_QUERY
        });
        let level = match account {
            Some(_) => Level::Warning,
            // Another resource's filter is another kind of notification (`detect`); a filter
            // that names no resource leaves it to the body, asked at the end.
            None if filter_kind(event, false) == Kind::ContactCenterPhoneNumber => Level::Error,
            None if filter_kind(event, true) == Kind::ContactCenterPhoneNumber => {
                self.kind_by_body = true;
                Level::Error
            }
            None => return None,
        };
        self.remarks.value(Field::Event, event, r, level)?;
        Some(account)
    }

    fn body_member(&mut self, key: &'a str, r: &mut Reader<'a>) -> Option<()> {
        let body = Object::Body;
        match key {
            "eventType" => {
                self.first(EVENT_TYPE)?;
                if let Some(s) = self.remarks.string(body, "eventType", r)? {
                    self.this_body |= this_events_type(s);
                    self.event_type = EventType::from_name(s);
                    if self.event_type.is_none() {
                        self.remarks.value(Field::EventType, s, r, Level::Error)?;
                    }
                }
            }
            "phoneNumberInfo" => {
                self.first(INFO)?;
                if r.peek() != Some(b'{') {
                    return self
                        .remarks
                        .wrong_type(body, "phoneNumberInfo", "object", r);
                }
                self.info_at = Some(r.pos);
                r.object(|key, r| self.info_member(key, r))?;
            }
            _ => self.remarks.unknown(body, key, r)?,
        }
        Some(())
    }

    /// A string value of `phoneNumberInfo` (remarked on when it is another type).
    #[inline(always)]
    fn info_string(
        &mut self,
        bit: u32,
        key: &'static str,
        r: &mut Reader<'a>,
    ) -> Option<Option<&'a str>> {
        self.first(bit)?;
        self.remarks.string(Object::Info, key, r)
    }

    /// A value from a documented list: an undocumented one is remarked on.
    #[inline]
    fn documented(
        &mut self,
        field: Field,
        allowed: &[&str],
        s: &'a str,
        r: &Reader<'a>,
    ) -> Option<&'a str> {
        if !vocab::documented(s, allowed) {
            self.remarks.value(field, s, r, Level::StrictError)?;
        }
        Some(s)
    }

    fn info_member(&mut self, key: &'a str, r: &mut Reader<'a>) -> Option<()> {
        let info = Object::Info;
        match key {
            "uri" => self.uri = self.info_string(URI, "uri", r)?,
            "id" => {
                self.first(ID)?;
                self.id = self.remarks.id(info, "id", true, r)?;
            }
            "phoneNumber" => {
                if let Some(s) = self.info_string(PHONE_NUMBER, "phoneNumber", r)? {
                    if phone_number_ok(s) {
                        self.phone_number = Some(s);
                    } else {
                        self.remarks.value(Field::PhoneNumber, s, r, Level::Error)?;
                    }
                }
            }
            "paymentType" => {
                if let Some(s) = self.info_string(PAYMENT_TYPE, "paymentType", r)? {
                    let allowed = vocab::PAYMENT_TYPES;
                    self.payment_type = Some(self.documented(Field::PaymentType, allowed, s, r)?);
                }
            }
            "location" => self.location = self.info_string(LOCATION, "location", r)?,
            "type" => {
                if let Some(s) = self.info_string(TYPE, "type", r)? {
                    self.number_type = NumberType::from_name(s);
                    if self.number_type.is_none() {
                        self.remarks.value(Field::NumberType, s, r, Level::Error)?;
                    }
                }
            }
            "usageType" => self.usage_type = self.info_string(USAGE_TYPE, "usageType", r)?,
            "status" => {
                if let Some(s) = self.info_string(STATUS, "status", r)? {
                    self.status = Some(self.documented(Field::Status, vocab::STATUSES, s, r)?);
                }
            }
            "contactCenterProvider" => {
                self.first(PROVIDER)?;
                if r.peek() != Some(b'{') {
                    let key = "contactCenterProvider";
                    return self.remarks.wrong_type(info, key, "object", r);
                }
                let provider = Object::Provider;
                let (mut id, mut name, mut seen) = (None, None, 0u8);
                r.object(|key, r| {
                    match key {
                        "id" if seen & 1 == 0 => {
                            seen |= 1;
                            id = self.remarks.id(provider, "id", false, r)?;
                        }
                        "name" if seen & 2 == 0 => {
                            seen |= 2;
                            name = self.remarks.string(provider, "name", r)?;
                        }
                        // A second `id` or `name` is the parser's error.
                        "id" | "name" => return None,
                        _ => self.remarks.unknown(provider, key, r)?,
                    }
                    Some(())
                })?;
                self.provider = Some(ProviderRef { id, name });
            }
            _ => self.remarks.unknown(info, key, r)?,
        }
        Some(())
    }

    /// Remarks on the required members of `object` (opening at `at`) that were not read, in
    /// the order the rules report them; `None` where a member it knows is a near miss of a
    /// missing one (the rules' hint names the first near miss in the text, which only the tree
    /// has in order).
    fn missing(
        &mut self,
        object: Object,
        at: usize,
        members: &[(u32, &str)],
        required: &[(u32, &'static str, &'static str)],
    ) -> Option<()> {
        if required.iter().all(|&(bit, ..)| self.seen & bit != 0) {
            return Some(());
        }
        for &(bit, key, why) in required {
            if self.seen & bit != 0 {
                continue;
            }
            let near = members
                .iter()
                .any(|&(b, name)| self.seen & b != 0 && vocab::closest(name, &[key]).is_some());
            (!near).then_some(())?;
            let at = Span::new(at, at + 1);
            let remark = Remark::Missing {
                object,
                key,
                why,
                at,
            };
            self.remarks.add(remark, Level::Error)?;
        }
        Some(())
    }

    /// The event and what the rules take from it, once every member was read: the members
    /// missing remarked on, and those that depend on others (`uri`, `usageType`) checked with
    /// the same predicates the full rules apply (`crate::model::formats`, `crate::model::vocab`).
    fn checked(&mut self, envelope_at: usize) -> Option<Judged<'a>> {
        // An object without any of these is not judged as a notification (`detect`), nor is
        // one whose filter names no resource and whose body is not this event's.
        (self.seen & ENVELOPE_SIGNS != 0).then_some(())?;
        let this_body = self.this_body || self.seen & INFO != 0;
        (!self.kind_by_body || this_body).then_some(())?;
        let (env, body, info) = (Object::Envelope, Object::Body, Object::Info);
        self.missing(env, envelope_at, ENVELOPE_MEMBERS, ENVELOPE_REQUIRED)?;
        if let Some(at) = self.body_at {
            self.missing(body, at, BODY_MEMBERS, BODY_REQUIRED)?;
        }
        if let Some(at) = self.info_at {
            self.missing(info, at, INFO_MEMBERS, INFO_REQUIRED)?;
            self.dependent(at)?;
        }
        Some(match self.event() {
            Some(event) => Judged::Event(event),
            None => Judged::Invalid(Context {
                id: self.id,
                account: self.account,
                event_type: self.event_type,
            }),
        })
    }

    /// Checks `uri` and `usageType` of the `phoneNumberInfo` opening at `info_at`.
    fn dependent(&mut self, info_at: usize) -> Option<()> {
        let event_type = self.event_type;
        match (self.uri, self.id, self.account) {
            (Some(u), _, _) if u.is_empty() => self.value_at(Field::Uri, u, Level::Warning)?,
            (Some(u), Some(id), Some(account)) if clean_uri(u, id, account) => {}
            // Its rule finds an error, or (without an id or an account, where the error is
            // theirs) maybe nothing.
            (Some(u), _, _) => self.value_at(Field::Uri, u, Level::Error)?,
            (None, _, _) => {}
        }
        match self.usage_type {
            Some(u) if u == vocab::CONTACT_CENTER => {}
            Some(u) if event_type.is_some_and(|t| vocab::usage_type_ok(u, t)) => {}
            // Any other value of an `Updated` event is undocumented (a warning); of the other
            // two, a mismatch (an error). Without an event type, which is then an error, its
            // rule may warn.
            Some(u) if event_type == Some(EventType::Updated) => {
                self.value_at(Field::UsageType, u, Level::StrictError)?
            }
            Some(u) => self.value_at(Field::UsageType, u, Level::Error)?,
            None if event_type.is_some_and(vocab::usage_type_required) => {
                let at = Span::new(info_at, info_at + 1);
                let remark = Remark::Missing {
                    object: Object::Info,
                    key: "usageType",
                    why: USAGE_TYPE_NEEDED,
                    at,
                };
                self.remarks.add(remark, Level::Error)?
            }
            None => {}
        }
        Some(())
    }

    /// [`Remarks::value`] for a string borrowed from the text, from quote to quote.
    fn value_at(&mut self, field: Field, text: &'a str, level: Level) -> Option<()> {
        let start = text.as_ptr() as usize - self.src.as_ptr() as usize;
        let span = Span::new(start - 1, start + text.len() + 1);
        self.remarks.add(Remark::Value { field, text, span }, level)
    }

    /// The event, when every member it needs was read without an error.
    fn event(&self) -> Option<EventRef<'a>> {
        if self.remarks.invalid {
            return None;
        }
        let (event, account_id) = (self.event?, self.account?);
        let (timestamp, time) = self.timestamp?;
        Some(EventRef {
            uuid: self.uuid?,
            event,
            account_id,
            timestamp,
            time,
            subscription_id: self.subscription_id?,
            owner_id: self.owner_id?,
            body: BodyRef {
                event_type: self.event_type?,
                phone_number_info: PhoneNumberInfoRef {
                    uri: self.uri,
                    id: self.id?,
                    phone_number: self.phone_number?,
                    payment_type: self.payment_type,
                    location: self.location,
                    number_type: self.number_type,
                    usage_type: self.usage_type,
                    status: self.status,
                    contact_center_provider: self.provider,
                },
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::validate::validate_with;
    use crate::json::input::FromJs;
    use crate::model::ValidateOptions;
    use std::path::Path;

    const DEFAULT_DEPTH: usize = 64;

    fn clean_event(
        src: &str,
        start: usize,
        max_depth: usize,
    ) -> Option<crate::model::ContactCenterEvent> {
        clean(src, start, max_depth).map(|c| c.to_event())
    }

    fn fixture(name: &str) -> String {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/validate");
        std::fs::read_to_string(dir.join(name)).unwrap()
    }

    #[test]
    fn reads_clean_webhook_notifications_without_a_tree() {
        for name in ["webhook-created.json", "deleted-valid.json"] {
            let text = fixture(name);
            let event = clean_event(&text, 0, DEFAULT_DEPTH).unwrap_or_else(|| panic!("{name}"));
            let full = crate::validate_tree(&text, &ValidateOptions::default());
            assert_eq!(Some(event), full.event, "{name}");
        }
    }

    #[test]
    fn leaves_every_other_delivery_and_every_warning_to_the_full_validator() {
        for name in [
            "websocket-frame-updated.json",
            "apns-wrapper.json",
            "owner-id-as-number-valid.json",
            "unknown-field.json",
        ] {
            assert_eq!(
                clean_event(&fixture(name), 0, DEFAULT_DEPTH),
                None,
                "{name}"
            );
        }
        let valid = fixture("webhook-created.json");
        for (from, to) in [
            ("\"Created\"", "\"Cr\\u0065ated\""),
            ("\"uuid\"", "\"uu\\u0069d\""),
            ("{", "{\"uuid\": \"x\","),
            ("\"ContactCenterNumber\"", "\"DirectNumber\""),
            ("\"id\": \"1\"", "\"id\": \"\""),
        ] {
            let text = valid.replacen(from, to, 1);
            assert_ne!(text, valid);
            assert_eq!(clean_event(&text, 0, DEFAULT_DEPTH), None, "{to}");
        }
        assert_eq!(
            clean_event(&format!("{valid} {{}}"), 0, DEFAULT_DEPTH),
            None
        );
    }

    #[test]
    fn gives_the_full_validators_report_on_every_fixture() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/validate");
        let mut answered = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "expected") {
                continue;
            }
            let bytes = std::fs::read(&path).unwrap();
            for strict in [false, true] {
                let options = ValidateOptions {
                    strict,
                    ..ValidateOptions::default()
                };
                let fast = validate_with(&bytes, &options, &FromJs::default(), true);
                let tree = validate_with(&bytes, &options, &FromJs::default(), false);
                assert_eq!(fast, tree, "{}", path.display());
            }
            let text = String::from_utf8_lossy(&bytes);
            answered += usize::from(clean_event(&text, 0, DEFAULT_DEPTH).is_some());
        }
        // Enough fixtures are clean WebHook notifications for the comparison to mean something.
        assert!(
            answered >= 10,
            "only {answered} fixtures took the fast path"
        );
    }
}
