//! The members of a WebHook notification as the tree-free readers find them, in the text
//! ([`super::fast`], read by `super::fast_read`) or in a value someone else parsed
//! ([`super::fast_value`]): each value checked as soon as it is read, with the predicates the
//! rules apply, by the same code on both routes.

use crate::checks::detect::filter_kind;
use crate::checks::envelope::UUID_NEEDED;
use crate::checks::fast_remarks::{Level, Remarks};
use crate::checks::members::Object;
use crate::checks::remarks::{Field, Remark};
use crate::model::event_ref::ProviderRef;
use crate::model::formats::{
    clean_filter_account, filter_query, id_ok, is_uuid, phone_number_filter_account,
    phone_number_ok, uuid_ok, ACCOUNT_PLACEHOLDER, FILTER_QUERY,
};
use crate::model::timestamp::{self, Instant};
use crate::model::vocab;
use crate::model::{EventType, Kind, NumberType};
use crate::text::span::Span;

// The members the reader knows, one bit each in `Fields::seen`: a second copy of one is the
// parser's error, and those not seen are missing.
pub(super) const UUID: u32 = 1 << 0;
pub(super) const EVENT: u32 = 1 << 1;
pub(super) const TIMESTAMP: u32 = 1 << 2;
pub(super) const SUBSCRIPTION_ID: u32 = 1 << 3;
pub(super) const OWNER_ID: u32 = 1 << 4;
pub(super) const BODY: u32 = 1 << 5;
pub(super) const EVENT_TYPE: u32 = 1 << 6;
pub(super) const INFO: u32 = 1 << 7;
pub(super) const URI: u32 = 1 << 8;
pub(super) const ID: u32 = 1 << 9;
pub(super) const PHONE_NUMBER: u32 = 1 << 10;
pub(super) const PAYMENT_TYPE: u32 = 1 << 11;
pub(super) const LOCATION: u32 = 1 << 12;
pub(super) const TYPE: u32 = 1 << 13;
pub(super) const USAGE_TYPE: u32 = 1 << 14;
pub(super) const STATUS: u32 = 1 << 15;
pub(super) const PROVIDER: u32 = 1 << 16;

/// The members whose presence makes an object an envelope (`detect::looks_like_envelope`).
pub(super) const ENVELOPE_SIGNS: u32 = UUID | EVENT | BODY | SUBSCRIPTION_ID | TIMESTAMP;

/// Each object's members the reader knows, with their bits, and the required ones in the
/// order the rules report them missing (with why they are needed).
pub(super) const ENVELOPE_MEMBERS: &[(u32, &str)] = &[
    (UUID, "uuid"),
    (EVENT, "event"),
    (TIMESTAMP, "timestamp"),
    (SUBSCRIPTION_ID, "subscriptionId"),
    (OWNER_ID, "ownerId"),
    (BODY, "body"),
];
pub(super) const ENVELOPE_REQUIRED: &[(u32, &str, &str)] = &[
    (UUID, "uuid", UUID_NEEDED),
    (EVENT, "event", ""),
    (TIMESTAMP, "timestamp", ""),
    (SUBSCRIPTION_ID, "subscriptionId", ""),
    (OWNER_ID, "ownerId", ""),
    (BODY, "body", ""),
];
pub(super) const BODY_MEMBERS: &[(u32, &str)] =
    &[(EVENT_TYPE, "eventType"), (INFO, "phoneNumberInfo")];
pub(super) const BODY_REQUIRED: &[(u32, &str, &str)] =
    &[(EVENT_TYPE, "eventType", ""), (INFO, "phoneNumberInfo", "")];
pub(super) const INFO_MEMBERS: &[(u32, &str)] = &[
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
/// Every member the three objects require: with all of them read, none is missing.
pub(super) const ALL_REQUIRED: u32 = UUID
    | EVENT
    | TIMESTAMP
    | SUBSCRIPTION_ID
    | OWNER_ID
    | BODY
    | EVENT_TYPE
    | INFO
    | ID
    | PHONE_NUMBER;
pub(super) const INFO_REQUIRED: &[(u32, &str, &str)] =
    &[(ID, "id", ""), (PHONE_NUMBER, "phoneNumber", "")];

pub(super) struct Fields<'a, 'r> {
    pub(super) remarks: Remarks<'a, 'r>,
    /// The text read, which every value borrows, to locate remarks in; `None` for a value
    /// someone else parsed ([`super::fast_value`]), which has no text: there any remark ends
    /// the read, and the parse tree reports it (without positions).
    src: Option<&'a str>,
    /// The members read so far, by their bits.
    pub(super) seen: u32,
    /// The members read as objects (`BODY`, `INFO`): only an object's members can be missing.
    pub(super) objects: u32,
    /// Where the envelope, `body` and `phoneNumberInfo` open in `src`, to locate a member
    /// missing from one (`None` without text).
    pub(super) envelope_at: Option<usize>,
    pub(super) body_at: Option<usize>,
    pub(super) info_at: Option<usize>,
    /// Whether the `event` filter leaves the kind to the body (`detect::filter_kind`), which
    /// is this event's when it has `phoneNumberInfo` or an `eventType` string that is one of
    /// this event's in any case (asked at the end, only then).
    pub(super) kind_by_body: bool,
    pub(super) event_type_text: Option<&'a str>,
    // Each member's value, where its rule found no error.
    pub(super) uuid: Option<&'a str>,
    pub(super) event: Option<&'a str>,
    /// The account the `event` filter names.
    pub(super) account: Option<&'a str>,
    pub(super) timestamp: Option<(&'a str, Instant)>,
    pub(super) subscription_id: Option<&'a str>,
    pub(super) owner_id: Option<&'a str>,
    pub(super) event_type: Option<EventType>,
    pub(super) uri: Option<&'a str>,
    pub(super) id: Option<&'a str>,
    pub(super) phone_number: Option<&'a str>,
    pub(super) payment_type: Option<&'a str>,
    pub(super) location: Option<&'a str>,
    pub(super) number_type: Option<NumberType>,
    pub(super) usage_type: Option<&'a str>,
    pub(super) status: Option<&'a str>,
    pub(super) provider: Option<ProviderRef<'a>>,
}

impl<'a, 'r> Fields<'a, 'r> {
    /// Nothing read yet of a value with no text (a parsed one), with what the rules would
    /// report going to `remarks`.
    pub(super) fn new(remarks: Remarks<'a, 'r>) -> Self {
        Fields {
            remarks,
            src: None,
            seen: 0,
            objects: 0,
            envelope_at: None,
            body_at: None,
            info_at: None,
            kind_by_body: false,
            event_type_text: None,
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
        }
    }

    /// Nothing read yet of `src`, whose envelope opens at `envelope_at`.
    pub(super) fn in_text(src: &'a str, envelope_at: usize, remarks: Remarks<'a, 'r>) -> Self {
        Fields {
            src: Some(src),
            envelope_at: Some(envelope_at),
            ..Fields::new(remarks)
        }
    }

    /// Marks the member of `bit` read; a second copy ends the fast path.
    #[inline(always)]
    pub(super) fn first(&mut self, bit: u32) -> Option<()> {
        (self.seen & bit == 0).then(|| self.seen |= bit)
    }

    /// The string value `s` of the member of `bit` (one of the envelope, the body or
    /// `phoneNumberInfo`), checked with its rule as soon as it is read, from the text or from
    /// a parsed value alike: so each rule is written once. Only `uri` and `usageType`, which
    /// depend on other members, wait for the end ([`Fields::checked`]).
    #[inline(always)]
    pub(super) fn text(&mut self, bit: u32, s: &'a str) -> Option<()> {
        match bit {
            UUID if uuid_ok(s) => self.uuid = Some(s),
            UUID => self.value(Field::Uuid, s, Level::Error)?,
            EVENT => {
                self.event = Some(s);
                self.account = self.filter_account(s)?;
            }
            TIMESTAMP => match timestamp::parse(s) {
                Ok(time) => self.timestamp = Some((s, time)),
                Err(_) => self.value(Field::Timestamp, s, Level::Error)?,
            },
            SUBSCRIPTION_ID => {
                if !is_uuid(s) {
                    // Empty, it is an error.
                    let level = if s.is_empty() {
                        Level::Error
                    } else {
                        Level::Warning
                    };
                    self.value(Field::SubscriptionId, s, level)?;
                }
                self.subscription_id = Some(s);
            }
            OWNER_ID => self.owner_id = self.string_id(Object::Envelope, "ownerId", true, s)?,
            EVENT_TYPE => {
                self.event_type_text = Some(s);
                self.event_type = EventType::from_name(s);
                if self.event_type.is_none() {
                    self.value(Field::EventType, s, Level::Error)?;
                }
            }
            URI => self.uri = Some(s),
            ID => self.id = self.string_id(Object::Info, "id", true, s)?,
            PHONE_NUMBER if phone_number_ok(s) => self.phone_number = Some(s),
            PHONE_NUMBER => self.value(Field::PhoneNumber, s, Level::Error)?,
            PAYMENT_TYPE => {
                let allowed = vocab::PAYMENT_TYPES;
                self.payment_type = Some(self.documented(Field::PaymentType, allowed, s)?);
            }
            LOCATION => self.location = Some(s),
            TYPE => {
                self.number_type = NumberType::from_name(s);
                if self.number_type.is_none() {
                    self.value(Field::NumberType, s, Level::Error)?;
                }
            }
            USAGE_TYPE => self.usage_type = Some(s),
            STATUS => self.status = Some(self.documented(Field::Status, vocab::STATUSES, s)?),
            // Not a string member: never asked.
            _ => return None,
        }
        Some(())
    }

    /// The member of `bit` of a parsed value, `value` where it has one, read as
    /// [`Fields::text`] reads a string (once at most: `Strings::read` took no second copy).
    /// Parsed values come from `serde-wasm-bindgen` (`fast_value`): serde feature only.
    #[inline(always)]
    #[cfg(feature = "serde")]
    pub(super) fn parsed_text(&mut self, bit: u32, value: Option<&'a str>) -> Option<()> {
        match value {
            Some(s) => {
                self.seen |= bit;
                self.text(bit, s)
            }
            None => Some(()),
        }
    }

    /// The id `s` of member `key` of `object`, a string (of digits with `digits_only`): `None`
    /// inside where its rule refuses it (remarked on).
    #[inline(always)]
    pub(super) fn string_id(
        &mut self,
        object: Object,
        key: &'static str,
        digits_only: bool,
        s: &'a str,
    ) -> Option<Option<&'a str>> {
        if id_ok(s, digits_only) {
            return Some(Some(s));
        }
        self.bad_id(object, key, s)?;
        Some(None)
    }

    /// Remarks on `s`, the string id of member `key` of `object`, which its rule refuses.
    #[cold]
    #[inline(never)]
    fn bad_id(&mut self, object: Object, key: &'static str, s: &'a str) -> Option<()> {
        let span = self.span_of(s)?;
        let remark = Remark::BadId {
            object,
            key,
            text: s,
            number: false,
            span,
        };
        self.remarks.add(remark, Level::Error)
    }

    /// Marks member `bit` (`BODY`, `INFO`) read as an object, opening at `at` in the text.
    #[inline(always)]
    pub(super) fn opened(&mut self, bit: u32, at: Option<usize>) {
        self.objects |= bit;
        match bit {
            BODY => self.body_at = at,
            _ => self.info_at = at,
        }
    }

    /// The span of `s`, a string borrowed from the text, from quote to quote; `None` without
    /// text.
    #[inline]
    fn span_of(&self, s: &str) -> Option<Span> {
        let start = s.as_ptr() as usize - self.src?.as_ptr() as usize;
        Some(Span::new(start - 1, start + s.len() + 1))
    }

    /// The value of `field`, `text`, which its rule reports at `level`. Out of line: both
    /// routes ask it, and rarely.
    #[cold]
    #[inline(never)]
    pub(super) fn value(&mut self, field: Field, text: &'a str, level: Level) -> Option<()> {
        let span = self.span_of(text)?;
        self.remarks.add(Remark::Value { field, text, span }, level)
    }

    /// The account `event` names, when it is this event's filter, for digits, `~` or the
    /// documentation's placeholder (remarked on); `None` inside where the rule refuses it (an
    /// error); `None` where the filter makes the notification another kind (the tree's).
    #[inline]
    fn filter_account(&mut self, event: &'a str) -> Option<Option<&'a str>> {
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
        self.value(Field::Event, event, level)?;
        Some(account)
    }

    /// A value from a documented list: an undocumented one is remarked on.
    #[inline]
    fn documented(&mut self, field: Field, allowed: &[&str], s: &'a str) -> Option<&'a str> {
        if !vocab::documented(s, allowed) {
            self.value(field, s, Level::StrictError)?;
        }
        Some(s)
    }
}
