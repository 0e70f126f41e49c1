//! The members of a WebHook notification as the tree-free reader ([`super::fast`]) reads them:
//! each value checked as soon as it is read, with the predicates the rules apply.

use crate::checks::detect::filter_kind;
use crate::checks::envelope::UUID_NEEDED;
use crate::checks::fast_remarks::{Level, Remarks};
use crate::checks::members::Object;
use crate::checks::remarks::Field;
use crate::checks::scan::Reader;
use crate::model::event_ref::ProviderRef;
use crate::model::formats::{
    clean_filter_account, filter_query, is_uuid, phone_number_filter_account, phone_number_ok,
    uuid_ok, ACCOUNT_PLACEHOLDER, FILTER_QUERY,
};
use crate::model::timestamp::{self, Instant};
use crate::model::vocab;
use crate::model::{EventType, Kind, NumberType};

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
    /// The text read, which every value borrows.
    pub(super) src: &'a str,
    /// The members read so far, by their bits.
    pub(super) seen: u32,
    /// Whether the `event` filter leaves the kind to the body (`detect::filter_kind`), which
    /// is this event's when it has `phoneNumberInfo` or an `eventType` string that is one of
    /// this event's in any case (asked at the end, only then).
    pub(super) kind_by_body: bool,
    pub(super) event_type_text: Option<&'a str>,
    /// Where `body` and `phoneNumberInfo` open, when they are objects.
    pub(super) body_at: Option<usize>,
    pub(super) info_at: Option<usize>,
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
    /// Nothing read yet of `src`, with what the rules would report going to `remarks`.
    pub(super) fn new(src: &'a str, remarks: Remarks<'a, 'r>) -> Self {
        Fields {
            remarks,
            src,
            seen: 0,
            kind_by_body: false,
            event_type_text: None,
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
        }
    }

    /// Marks the member of `bit` read; a second copy ends the fast path.
    #[inline(always)]
    fn first(&mut self, bit: u32) -> Option<()> {
        (self.seen & bit == 0).then(|| self.seen |= bit)
    }

    /// Each value is checked as soon as it is read; only `uri` and `usageType`, which depend
    /// on other members, wait for the end.
    pub(super) fn envelope_member(&mut self, key: &'a str, r: &mut Reader<'a>) -> Option<()> {
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
                    self.event_type_text = Some(s);
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
}
