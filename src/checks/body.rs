//! The rules for an event body: `eventType`, then `phoneNumberInfo` field by field, each in a
//! named step that reports into [`Findings`] and returns what it could read, borrowed from the
//! parse tree.

use crate::checks::members::{enumerated, id, object, string, unknown_fields, Object};
use crate::checks::phone::check_phone_number;
use crate::diagnostics::codes::IssueCode;
use crate::diagnostics::findings::{loc, pointer, Findings, Loc};
use crate::json::Node;
use crate::model::event_ref::{BodyRef, PhoneNumberInfoRef, ProviderRef};
use crate::model::formats::{accounts_differ, uri_parts};
use crate::model::vocab;
use crate::model::{EventType, NumberType};
use crate::text::quote::clip;
use crate::text::span::Span;

/// Checks a `body`; `account` is the one named by the envelope's filter, if known.
pub(crate) fn check_body<'n>(
    f: &mut Findings,
    body: &'n Node,
    base: &str,
    account: Option<&str>,
) -> Option<BodyRef<'n>> {
    let event_type = string(f, body, base, "eventType", Some(""))
        .and_then(|(s, n)| check_event_type(f, s, n.span, loc(base, "eventType")));
    let info_base = pointer(base, "phoneNumberInfo");
    let info_node = object(f, body, base, "phoneNumberInfo", Some(""));
    unknown_fields(f, body, base, Object::Body);
    let info = info_node.and_then(|n| check_info(f, n, &info_base, event_type, account))?;
    Some(BodyRef {
        event_type: event_type?,
        phone_number_info: info,
    })
}

/// Checks a `phoneNumberInfo`, member by member in the order its issues are listed.
fn check_info<'n>(
    f: &mut Findings,
    node: &'n Node,
    base: &str,
    event_type: Option<EventType>,
    account: Option<&str>,
) -> Option<PhoneNumberInfoRef<'n>> {
    let b = base;
    let id = id(f, node, b, "id", Some(""), true);
    let phone_number = string(f, node, b, "phoneNumber", Some(""))
        .filter(|(s, n)| check_phone_number(f, s, n.span, loc(b, "phoneNumber")))
        .map(|(s, _)| s);
    let uri = string(f, node, b, "uri", None)
        .inspect(|(s, n)| check_uri(f, s, n.span, loc(b, "uri"), id, account))
        .map(|(s, _)| s);
    let payment_type = string(f, node, b, "paymentType", None)
        .inspect(|(s, n)| check_payment_type(f, s, n.span, b))
        .map(|(s, _)| s);
    let location = string(f, node, b, "location", None).map(|(s, _)| s);
    let number_type = check_number_type(f, node, b);
    let usage_type = check_usage_type(f, node, b, event_type);
    let status = string(f, node, b, "status", None)
        .inspect(|(s, n)| check_status(f, s, n.span, b))
        .map(|(s, _)| s);
    let contact_center_provider = object(f, node, b, "contactCenterProvider", None)
        .map(|n| check_provider(f, n, &pointer(b, "contactCenterProvider")));
    unknown_fields(f, node, b, Object::Info);
    Some(PhoneNumberInfoRef {
        uri,
        id: id?,
        phone_number: phone_number?,
        payment_type,
        location,
        number_type,
        usage_type,
        status,
        contact_center_provider,
    })
}

/// `paymentType` of the `phoneNumberInfo` at `base`: an undocumented one is remarked on.
pub(crate) fn check_payment_type(f: &mut Findings, s: &str, span: Span, base: &str) {
    let (key, code) = ("paymentType", IssueCode::UnknownPaymentType);
    enumerated(f, span, s, loc(base, key), key, vocab::PAYMENT_TYPES, code);
}

/// `status` of the `phoneNumberInfo` at `base`: an undocumented one is remarked on.
pub(crate) fn check_status(f: &mut Findings, s: &str, span: Span, base: &str) {
    let (key, code) = ("status", IssueCode::UnknownStatus);
    enumerated(f, span, s, loc(base, key), key, vocab::STATUSES, code);
}

/// `type`, in either vocabulary (the event's, or the REST resource's `VoiceOnly`/`FaxOnly`).
fn check_number_type(f: &mut Findings, node: &Node, base: &str) -> Option<NumberType> {
    let (s, n) = string(f, node, base, "type", None)?;
    let t = NumberType::from_name(s);
    if t.is_none() {
        check_number_type_value(f, s, n.span, base);
    }
    t
}

/// A `type` of the `phoneNumberInfo` at `base` that is in neither vocabulary.
pub(crate) fn check_number_type_value(f: &mut Findings, s: &str, span: Span, base: &str) {
    let (key, code) = ("type", IssueCode::InvalidNumberType);
    enumerated(f, span, s, loc(base, key), key, vocab::NUMBER_TYPES, code);
}

fn check_provider<'n>(f: &mut Findings, node: &'n Node, base: &str) -> ProviderRef<'n> {
    let id = id(f, node, base, "id", None, false);
    let name = string(f, node, base, "name", None).map(|(s, _)| s);
    unknown_fields(f, node, base, Object::Provider);
    ProviderRef { id, name }
}

pub(crate) fn check_uri(
    f: &mut Findings,
    s: &str,
    span: Span,
    path: Loc,
    id: Option<&str>,
    account: Option<&str>,
) {
    if s.is_empty() {
        f.add(IssueCode::EmptyUri, span, path, "`uri` is empty")
            .hint("RingCentral's sample has an empty `uri`; real ones link to the number");
        return;
    }
    let Some((uri_account, uri_id)) = uri_parts(s) else {
        let finding = f.add(
            IssueCode::InvalidUri,
            span,
            path,
            format!(
                "`uri` \"{}\" is not a RingCentral phone-number link",
                clip(s)
            ),
        );
        if s.starts_with("http://") {
            finding.hint("RingCentral links use https://");
        } else {
            finding.hint("expected https://platform.ringcentral.com/restapi/v1.0/account/{accountId}/phone-number/{id}");
        }
        return;
    };
    if let Some(id) = id.filter(|id| *id != uri_id) {
        f.add(
            IssueCode::UriMismatch,
            span,
            path,
            format!(
                "`uri` links to phone number {}, but `id` is {}",
                clip(uri_id),
                clip(id)
            ),
        );
    } else if let Some(acc) = account.filter(|a| accounts_differ(a, uri_account)) {
        f.add(
            IssueCode::UriMismatch,
            span,
            path,
            format!(
                "`uri` names account {}, but `event` names account {}",
                clip(uri_account),
                clip(acc)
            ),
        );
    }
}

pub(crate) fn check_event_type(
    f: &mut Findings,
    s: &str,
    span: Span,
    path: Loc,
) -> Option<EventType> {
    if let Some(t) = EventType::from_name(s) {
        return Some(t);
    }
    let finding = f.add(
        IssueCode::InvalidEventType,
        span,
        path,
        format!(
            "`eventType` \"{}\" is not Created, Updated or Deleted",
            clip(s)
        ),
    );
    match vocab::closest(s, vocab::EVENT_TYPES).or_else(|| synonym(s)) {
        Some(t) => finding.hint(format!("did you mean `{t}`?")),
        None => finding.hint("the three values are case-sensitive: Created, Updated, Deleted"),
    }
    None
}

/// Words people use for the three event types, as other APIs spell them.
fn synonym(s: &str) -> Option<&'static str> {
    match s.trim().to_ascii_lowercase().as_str() {
        "added" | "add" | "new" | "insert" | "inserted" => Some("Created"),
        "changed" | "change" | "modified" | "modify" | "converted" => Some("Updated"),
        "removed" | "remove" | "deletion" | "destroyed" => Some("Deleted"),
        _ => None,
    }
}

/// Why an `Updated` event's `usageType` is required.
pub(crate) const USAGE_TYPE_NEEDED: &str =
    ": an `Updated` event needs it to tell a conversion to Contact Center from a reassignment away";

/// `usageType`, which an `Updated` event must have and which must fit the event type.
fn check_usage_type<'n>(
    f: &mut Findings,
    node: &'n Node,
    base: &str,
    event_type: Option<EventType>,
) -> Option<&'n str> {
    let why = event_type
        .filter(|&t| vocab::usage_type_required(t))
        .map(|_| USAGE_TYPE_NEEDED);
    let (s, n) = string(f, node, base, "usageType", why)?;
    check_usage_value(f, s, n.span, loc(base, "usageType"), event_type);
    Some(s)
}

pub(crate) fn check_usage_value(
    f: &mut Findings,
    s: &str,
    span: Span,
    path: Loc,
    event_type: Option<EventType>,
) {
    if s == vocab::CONTACT_CENTER || event_type.is_some_and(|t| vocab::usage_type_ok(s, t)) {
        return;
    }
    enumerated(
        f,
        span,
        s,
        path,
        "usageType",
        vocab::USAGE_TYPES,
        IssueCode::UnknownUsageType,
    );
    match event_type {
        Some(EventType::Created) => {
            f.add(
                IssueCode::UsageTypeMismatch,
                span,
                path,
                format!("a `Created` event is for a new Contact Center number, but `usageType` is \"{}\"", clip(s)),
            )
            .hint("`Created` always carries usageType ContactCenterNumber");
        }
        Some(EventType::Deleted) => {
            f.add(
                IssueCode::UsageTypeMismatch,
                span,
                path,
                format!(
                    "a `Deleted` event is for a Contact Center number, but `usageType` is \"{}\"",
                    clip(s)
                ),
            )
            .hint("`Deleted` carries usageType ContactCenterNumber");
        }
        _ => {}
    }
}
