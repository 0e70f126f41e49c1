//! What the tree-free reader ([`crate::checks::fast`]) would have the rules report: the
//! warnings of a valid notification (an unknown member, an id sent as a number, the
//! documentation's `{accountId}` placeholder, an empty `uri`, an undocumented value) and the
//! errors it can locate without a tree (a missing member, a value of the wrong type, a value
//! its rule refuses), each kept as where it is and which rule it is for. [`note`] then has the
//! rules themselves (`checks::envelope`, `checks::body`, `checks::members`) report them, so an
//! issue is worded in one place and the report is the parse tree's, without the tree.

use crate::checks::body::{
    check_event_type, check_number_type_value, check_payment_type, check_status, check_uri,
    check_usage_value,
};
use crate::checks::envelope::{
    check_subscription, check_timestamp, check_unclean_filter, check_uuid,
};
use crate::checks::members::{bad_id, missing, numeric_id, unknown_field, wrong_type_at, Object};
use crate::checks::phone::check_phone_number;
use crate::diagnostics::findings::{loc, Findings};
use crate::model::event_ref::EventRef;
use crate::model::EventType;
use crate::text::span::Span;

/// A value of this event's whose rule has something to say about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Field {
    /// `event`: the `{accountId}` placeholder, or not this event's filter.
    Event,
    /// `subscriptionId` that is not a UUID, or empty.
    SubscriptionId,
    /// A `uri` that is empty or does not link to the number.
    Uri,
    PaymentType,
    Status,
    /// A `usageType` that is undocumented or does not fit the event type.
    UsageType,
    Uuid,
    Timestamp,
    EventType,
    PhoneNumber,
    NumberType,
}

/// One thing the rules would report, with the span they would report it at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Remark<'a> {
    /// Member `key`, the `n`th one of `object` that it does not know.
    Unknown {
        object: Object,
        n: usize,
        key: &'a str,
        span: Span,
    },
    /// Id `key` of `object`, sent as the JSON integer `text`.
    NumericId {
        object: Object,
        key: &'static str,
        text: &'a str,
        span: Span,
    },
    /// The value `text` of `field`, which its rule reports.
    Value {
        field: Field,
        text: &'a str,
        span: Span,
    },
    /// Id `key` of `object`: the string `text` that is no id, or with `number`, a JSON number
    /// that is no whole non-negative integer.
    BadId {
        object: Object,
        key: &'static str,
        text: &'a str,
        number: bool,
        span: Span,
    },
    /// Member `key` of `object`, a JSON `found` (its type's name) where the rules want `want`.
    WrongType {
        object: Object,
        key: &'static str,
        want: &'static str,
        found: &'static str,
        span: Span,
    },
    /// Member `key` of `object` (whose `{` is at `at`), required for `why`, is not there.
    Missing {
        object: Object,
        key: &'static str,
        why: &'static str,
        at: Span,
    },
}

impl Remark<'_> {
    /// Where the rules would report it (the members missing from an object: its `{`).
    pub(crate) fn span(&self) -> Span {
        match *self {
            Remark::Unknown { span, .. }
            | Remark::NumericId { span, .. }
            | Remark::Value { span, .. }
            | Remark::BadId { span, .. }
            | Remark::WrongType { span, .. } => span,
            Remark::Missing { at, .. } => at,
        }
    }
}

/// Whether the rule of `field` words what it reports on `text` from the other members
/// ([`Context`]): a `uri` that is not empty is held to the id and account, a `usageType` to
/// the event type. Every other value's issue is worded from its text alone, so that the
/// lane's issue templates (`checks::templated`) key it by its text.
pub(crate) fn reads_context(field: Field, text: &str) -> bool {
    match field {
        Field::Uri => !text.is_empty(),
        Field::UsageType => true,
        _ => false,
    }
}

/// What the rules of one member take from the others: the number's `id`, the account the
/// `event` filter names and the event type, each where it was read without an error.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Context<'a> {
    pub id: Option<&'a str>,
    pub account: Option<&'a str>,
    pub event_type: Option<EventType>,
}

impl<'a> Context<'a> {
    pub(crate) fn of(event: &EventRef<'a>) -> Self {
        Context {
            id: Some(event.info().id),
            account: Some(event.account_id),
            event_type: Some(event.event_type()),
        }
    }
}

/// Where each object of a WebHook notification stands: the only delivery the reader reads.
fn base(object: Object) -> &'static str {
    match object {
        Object::Envelope => "",
        Object::Body => "/body",
        Object::Info => "/body/phoneNumberInfo",
        Object::Provider => "/body/phoneNumberInfo/contactCenterProvider",
    }
}

/// Has the rules report `remarks` about `event` into `f`, as they would from its parse tree:
/// the same codes, spans, paths, messages and hints (their order is the spans').
pub(crate) fn note(remarks: &[Remark], event: &EventRef, f: &mut Findings) {
    note_in(remarks, &Context::of(event), f);
}

/// [`note`] for a notification that may hold no event, with what the rules take from its
/// other members in `cx`. Remarks at the same place (the members missing from one object)
/// come in the order the rules report them, which the reader keeps.
pub(crate) fn note_in(remarks: &[Remark], cx: &Context, f: &mut Findings) {
    let info_base = base(Object::Info);
    for remark in remarks {
        match *remark {
            Remark::Unknown {
                object,
                n,
                key,
                span,
            } => unknown_field(f, n, key, span, base(object), object),
            Remark::NumericId {
                object,
                key,
                text,
                span,
            } => numeric_id(f, span, loc(base(object), key), key, text),
            Remark::BadId {
                object,
                key,
                text,
                number,
                span,
            } => bad_id(f, span, loc(base(object), key), key, text, number),
            Remark::WrongType {
                object,
                key,
                want,
                found,
                span,
            } => wrong_type_at(f, span, loc(base(object), key), key, want, found),
            Remark::Missing {
                object,
                key,
                why,
                at,
            } => {
                // The reader has made sure that no member it knows is a near miss of `key`.
                let unknown = remarks.iter().filter_map(|r| match *r {
                    Remark::Unknown { object: o, key, .. } if o == object => Some(key),
                    _ => None,
                });
                missing(f, at, base(object), key, why, unknown);
            }
            Remark::Value { field, text, span } => match field {
                // The fast reader remarks on a filter only when it is not clean.
                Field::Event => {
                    check_unclean_filter(f, text, span, loc("", "event"));
                }
                Field::SubscriptionId => {
                    check_subscription(f, text, span, loc("", "subscriptionId"));
                }
                Field::Uri => {
                    let path = loc(info_base, "uri");
                    check_uri(f, text, span, path, cx.id, cx.account);
                }
                Field::PaymentType => check_payment_type(f, text, span, info_base),
                Field::Status => check_status(f, text, span, info_base),
                Field::UsageType => {
                    let path = loc(info_base, "usageType");
                    check_usage_value(f, text, span, path, cx.event_type);
                }
                Field::Uuid => check_uuid(f, text, span, loc("", "uuid")),
                Field::Timestamp => {
                    check_timestamp(f, text, span, loc("", "timestamp"));
                }
                Field::EventType => {
                    check_event_type(f, text, span, loc(base(Object::Body), "eventType"));
                }
                Field::PhoneNumber => {
                    check_phone_number(f, text, span, loc(info_base, "phoneNumber"));
                }
                Field::NumberType => check_number_type_value(f, text, span, info_base),
            },
        }
    }
}
