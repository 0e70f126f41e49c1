//! What the tree-free reader ([`crate::checks::fast`]) would have the rules remark on: the
//! warnings of a valid notification (an unknown member, an id sent as a number, the
//! documentation's `{accountId}` placeholder, an empty `uri`, an undocumented value), each
//! kept as where it is and which rule it is for. [`note`] then has the rules themselves
//! (`checks::envelope`, `checks::body`, `checks::members`) report them, so a warning is
//! worded in one place and the report is the parse tree's, without the tree.

use crate::checks::body::{check_payment_type, check_status, check_uri, check_usage_value};
use crate::checks::envelope::{check_filter, check_subscription};
use crate::checks::members::{numeric_id, unknown_field, Object};
use crate::diagnostics::findings::{loc, Findings};
use crate::model::event_ref::EventRef;
use crate::text::span::Span;

/// A value of this event's whose rule has a warning to give.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Field {
    /// `event` with the `{accountId}` placeholder.
    Event,
    /// `subscriptionId` that is not a UUID.
    SubscriptionId,
    /// An empty `uri`.
    Uri,
    PaymentType,
    Status,
    /// An undocumented `usageType` of an `Updated` event.
    UsageType,
}

/// One thing the rules would remark on, with the span they would report it at.
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
    /// The value of `field`, which its rule warns about.
    Value { field: Field, span: Span },
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
    let info_base = base(Object::Info);
    let info = event.info();
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
            Remark::Value { field, span } => match field {
                Field::Event => {
                    check_filter(f, event.event, span, loc("", "event"));
                }
                Field::SubscriptionId => {
                    let path = loc("", "subscriptionId");
                    check_subscription(f, event.subscription_id, span, path);
                }
                Field::Uri => {
                    let (id, account) = (Some(info.id), Some(event.account_id));
                    let uri = info.uri.unwrap_or_default();
                    check_uri(f, uri, span, loc(info_base, "uri"), id, account);
                }
                Field::PaymentType => {
                    let value = info.payment_type.unwrap_or_default();
                    check_payment_type(f, value, span, info_base);
                }
                Field::Status => {
                    check_status(f, info.status.unwrap_or_default(), span, info_base);
                }
                Field::UsageType => {
                    let (value, path) = (
                        info.usage_type.unwrap_or_default(),
                        loc(info_base, "usageType"),
                    );
                    check_usage_value(f, value, span, path, Some(event.event_type()));
                }
            },
        }
    }
}
