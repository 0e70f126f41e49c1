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

use crate::checks::members::Object;
use crate::checks::remarks::{Field, Remark};
use crate::checks::scan::{Reader, MAX_SKIP_DEPTH};
use crate::json::skip_whitespace;
use crate::model::event_ref::{BodyRef, EventRef, PhoneNumberInfoRef, ProviderRef};
use crate::model::formats::{
    clean_filter_account, clean_uri, filter_query, id_ok, is_uuid, phone_number_filter_account,
    phone_number_ok, uuid_ok, ACCOUNT_PLACEHOLDER, FILTER_QUERY,
};
use crate::model::timestamp::{self, Instant};
use crate::model::vocab;
use crate::model::{EventType, NumberType};
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

/// The event in `src` (from byte `start`), when `src` is exactly one WebHook notification of
/// this event on which the rules would give warnings at most (as `strict` has it), with what
/// they would remark on in `remarks`.
pub(crate) fn read<'a>(
    src: &'a str,
    start: usize,
    max_depth: usize,
    strict: bool,
    remarks: &mut Vec<Remark<'a>>,
) -> Option<EventRef<'a>> {
    let (event, end) = read_at(src, start, max_depth, strict, MAX_REMARKS, remarks)?;
    (skip_whitespace(src, end) == src.len()).then_some(event)
}

/// How many warnings an item of a log that starts at `start` gets on the fast path (as
/// `summarize` reads it), or `None` where the parse tree must read it: for tests that hold
/// which items stay on the fast path. Not part of the API.
pub fn log_item_warnings(src: &str, start: usize, max_depth: usize, strict: bool) -> Option<usize> {
    let mut remarks = Vec::new();
    read_at(src, start, max_depth, strict, MAX_REMARKS, &mut remarks).map(|_| remarks.len())
}

/// The notification that starts at `start` (after white space) and where it ends (for logs,
/// whose items follow each other), with what the rules would remark on in `remarks` (at most
/// `cap` things, each a warning under `strict`). Out of the way of the event, which is
/// returned by value: a `Vec` beside it in the answer cost a tenth of a clean call in copies.
pub(crate) fn read_at<'a>(
    src: &'a str,
    start: usize,
    max_depth: usize,
    strict: bool,
    cap: usize,
    remarks: &mut Vec<Remark<'a>>,
) -> Option<(EventRef<'a>, usize)> {
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
            strict,
        },
        uuid: None,
        event: None,
        timestamp: None,
        subscription_id: None,
        owner_id: None,
        body: None,
        event_type: None,
        info: None,
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
    r.object(|key, r| f.envelope_member(key, r))?;
    Some((f.checked(src)?, r.pos))
}

/// Fills an empty slot; a second copy of a member ends the fast path.
fn put<T>(slot: &mut Option<T>, value: T) -> Option<()> {
    slot.is_none().then(|| *slot = Some(value))
}

/// What the rules would remark on so far.
struct Remarks<'a, 'r> {
    list: &'r mut Vec<Remark<'a>>,
    /// Most remarks kept: past them, the fast path gives up.
    cap: usize,
    strict: bool,
}

impl<'a> Remarks<'a, '_> {
    /// Keeps `remark`, unless there are too many or `strict` makes it an error
    /// (`strict_error`: the warning is one `strict` turns into an error).
    fn add(&mut self, remark: Remark<'a>, strict_error: bool) -> Option<()> {
        (self.list.len() < self.cap && !(strict_error && self.strict))
            .then(|| self.list.push(remark))
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
            true,
        )?;
        let depth = match object {
            Object::Envelope => 1,
            Object::Body => 2,
            Object::Info => 3,
            Object::Provider => 4,
        };
        r.skip(depth)
    }

    /// An id of `object`, remarked on when it is a number.
    #[inline(always)]
    fn id(&mut self, object: Object, key: &'static str, r: &mut Reader<'a>) -> Option<&'a str> {
        let (text, number) = r.id()?;
        if let Some(span) = number {
            self.add(
                Remark::NumericId {
                    object,
                    key,
                    text,
                    span,
                },
                false,
            )?;
        }
        Some(text)
    }

    /// A value of `field` at `span` whose rule warns (`strict_error`: an error under `strict`).
    fn value(&mut self, field: Field, span: Span, strict_error: bool) -> Option<()> {
        self.add(Remark::Value { field, span }, strict_error)
    }
}

struct Fields<'a, 'r> {
    remarks: Remarks<'a, 'r>,
    uuid: Option<&'a str>,
    event: Option<(&'a str, &'a str)>,
    timestamp: Option<(&'a str, Instant)>,
    subscription_id: Option<&'a str>,
    owner_id: Option<&'a str>,
    body: Option<()>,
    event_type: Option<EventType>,
    info: Option<()>,
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
    /// Each value is checked as soon as it is read, so that an invalid payload is given up
    /// early; only `uri` and `usageType`, which depend on other members, wait for the end.
    fn envelope_member(&mut self, key: &'a str, r: &mut Reader<'a>) -> Option<()> {
        match key {
            "uuid" => put(&mut self.uuid, r.string().filter(|s| uuid_ok(s))?),
            "event" => {
                let event = r.string()?;
                let account = self.filter_account(event, r)?;
                put(&mut self.event, (event, account))
            }
            "timestamp" => {
                let text = r.string()?;
                put(&mut self.timestamp, (text, timestamp::parse(text).ok()?))
            }
            "subscriptionId" => {
                let s = r.string()?;
                if !is_uuid(s) {
                    // Empty, it is an error.
                    (!s.is_empty()).then_some(())?;
                    self.remarks
                        .value(Field::SubscriptionId, r.span_of(s), false)?;
                }
                put(&mut self.subscription_id, s)
            }
            "ownerId" => {
                let id = self.remarks.id(Object::Envelope, "ownerId", r)?;
                put(&mut self.owner_id, Some(id).filter(|s| id_ok(s, true))?)
            }
            "body" => {
                put(&mut self.body, ())?;
                r.object(|key, r| self.body_member(key, r))
            }
            _ => self.remarks.unknown(Object::Envelope, key, r),
        }
    }

    /// The account `event` names, when it is this event's filter, for digits, `~` or the
    /// documentation's placeholder (remarked on).
    #[inline]
    fn filter_account(&mut self, event: &'a str, r: &Reader<'a>) -> Option<&'a str> {
        if let Some(account) = clean_filter_account(event) {
            return Some(account);
        }
        let account = phone_number_filter_account(event)?;
        (account == ACCOUNT_PLACEHOLDER && filter_query(event, account) == FILTER_QUERY)
            .then_some(())?;
        self.remarks.value(Field::Event, r.span_of(event), false)?;
        Some(account)
    }

    fn body_member(&mut self, key: &'a str, r: &mut Reader<'a>) -> Option<()> {
        match key {
            "eventType" => put(&mut self.event_type, EventType::from_name(r.string()?)?),
            "phoneNumberInfo" => {
                put(&mut self.info, ())?;
                r.object(|key, r| self.info_member(key, r))
            }
            _ => self.remarks.unknown(Object::Body, key, r),
        }
    }

    /// A value from a documented list: an undocumented one is remarked on.
    #[inline]
    fn documented(
        &mut self,
        field: Field,
        allowed: &[&str],
        r: &mut Reader<'a>,
    ) -> Option<&'a str> {
        let s = r.string()?;
        if !vocab::documented(s, allowed) {
            self.remarks.value(field, r.span_of(s), true)?;
        }
        Some(s)
    }

    fn info_member(&mut self, key: &'a str, r: &mut Reader<'a>) -> Option<()> {
        match key {
            "uri" => put(&mut self.uri, r.string()?),
            "id" => {
                let id = self.remarks.id(Object::Info, "id", r)?;
                put(&mut self.id, Some(id).filter(|s| id_ok(s, true))?)
            }
            "phoneNumber" => put(
                &mut self.phone_number,
                r.string().filter(|s| phone_number_ok(s))?,
            ),
            "paymentType" => {
                let s = self.documented(Field::PaymentType, vocab::PAYMENT_TYPES, r)?;
                put(&mut self.payment_type, s)
            }
            "location" => put(&mut self.location, r.string()?),
            "type" => put(&mut self.number_type, NumberType::from_name(r.string()?)?),
            "usageType" => put(&mut self.usage_type, r.string()?),
            "status" => {
                let s = self.documented(Field::Status, vocab::STATUSES, r)?;
                put(&mut self.status, s)
            }
            "contactCenterProvider" => {
                let (mut id, mut name) = (None, None);
                r.object(|key, r| match key {
                    "id" => {
                        let s = self.remarks.id(Object::Provider, "id", r)?;
                        put(&mut id, Some(s).filter(|s| id_ok(s, false))?)
                    }
                    "name" => put(&mut name, r.string()?),
                    _ => self.remarks.unknown(Object::Provider, key, r),
                })?;
                put(&mut self.provider, ProviderRef { id, name })
            }
            _ => self.remarks.unknown(Object::Info, key, r),
        }
    }

    /// The event, when every member is present where required and the members that depend
    /// on others pass their rules: the same predicates the full rules apply
    /// (`crate::model::formats`, `crate::model::vocab`).
    fn checked(&mut self, src: &'a str) -> Option<EventRef<'a>> {
        let ((event, account_id), (timestamp, time)) = (self.event?, self.timestamp?);
        self.body?;
        self.info?;
        let (event_type, id) = (self.event_type?, self.id?);
        // The span of a value borrowed from `src`, from quote to quote.
        let span_of = |s: &str| {
            let start = s.as_ptr() as usize - src.as_ptr() as usize;
            Span::new(start - 1, start + s.len() + 1)
        };
        match self.uri {
            Some(u) if u.is_empty() => self.remarks.value(Field::Uri, span_of(u), false)?,
            Some(u) => clean_uri(u, id, account_id).then_some(())?,
            None => {}
        }
        match self.usage_type {
            Some(u) if vocab::usage_type_ok(u, event_type) => {}
            // Any other value of an `Updated` event is undocumented (a warning); of the other
            // two, a mismatch (an error).
            Some(u) if event_type == EventType::Updated => {
                self.remarks.value(Field::UsageType, span_of(u), true)?
            }
            Some(_) => return None,
            None => (!vocab::usage_type_required(event_type)).then_some(())?,
        }
        Some(EventRef {
            uuid: self.uuid?,
            event,
            account_id,
            timestamp,
            time,
            subscription_id: self.subscription_id?,
            owner_id: self.owner_id?,
            body: BodyRef {
                event_type,
                phone_number_info: PhoneNumberInfoRef {
                    uri: self.uri,
                    id,
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
