//! The rules for a notification envelope: `uuid`, the `event` filter, `timestamp`,
//! `subscriptionId` and `ownerId`, then the body's (`checks::body`).
//!
//! Each check reports into [`Findings`] and returns what it could read, so one pass collects
//! every problem and, when there are none, the event falls out at the end, borrowed from the
//! parse tree.

use crate::checks::body::check_body;
use crate::checks::members::{id, object, string, unknown_fields, Object};
use crate::diagnostics::codes::IssueCode;
use crate::diagnostics::findings::{loc, pointer, Findings, Loc};
use crate::json::Node;
use crate::model::event_ref::EventRef;
use crate::model::formats::{
    account_ok, clean_filter_account, filter_query, is_digits, is_uuid,
    phone_number_filter_account, uuid_ok, ACCOUNT_PLACEHOLDER, FILTER_QUERY,
};
use crate::model::timestamp::{self, Instant};
use crate::text::quote::clip;
use crate::text::span::Span;
use std::borrow::Cow;

/// Why a notification's `uuid` is required (the tree-free reader says it too).
pub(crate) const UUID_NEEDED: &str = ": it identifies the notification";

/// Checks an envelope of this event; returns the event when nothing found so far is an error.
pub(crate) fn check_envelope<'n>(
    f: &mut Findings,
    env: &'n Node,
    base: &str,
) -> Option<EventRef<'n>> {
    let uuid = string(f, env, base, "uuid", Some(UUID_NEEDED))
        .inspect(|(s, n)| check_uuid(f, s, n.span, loc(base, "uuid")));
    let filter = string(f, env, base, "event", Some("")).and_then(|(s, n)| {
        check_filter(f, s, n.span, loc(base, "event")).map(|account| (s, account))
    });
    let time = string(f, env, base, "timestamp", Some(""))
        .and_then(|(s, n)| check_timestamp(f, s, n.span, loc(base, "timestamp")).map(|t| (s, t)));
    let subscription = string(f, env, base, "subscriptionId", Some(""))
        .inspect(|(s, n)| check_subscription(f, s, n.span, loc(base, "subscriptionId")));
    let owner = id(f, env, base, "ownerId", Some(""), true);
    let body_base = pointer(base, "body");
    let account = filter.map(|(_, account)| account);
    let body =
        object(f, env, base, "body", Some("")).and_then(|b| check_body(f, b, &body_base, account));
    unknown_fields(f, env, base, Object::Envelope);
    // An error anywhere drops the event (`validate::judge`).
    if f.has_errors() {
        return None;
    }
    let ((event, account_id), (timestamp, time)) = (filter?, time?);
    Some(EventRef {
        uuid: uuid?.0,
        event,
        account_id,
        timestamp,
        time,
        subscription_id: subscription?.0,
        owner_id: owner?,
        body: body?,
    })
}

pub(crate) fn check_uuid(f: &mut Findings, s: &str, span: Span, path: Loc) {
    if uuid_ok(s) {
        return;
    }
    let finding = f.add(
        IssueCode::InvalidUuid,
        span,
        path,
        format!(
            "`uuid` \"{}\" is neither an 18-20 digit id nor a UUID",
            clip(s)
        ),
    );
    if is_digits(s) {
        finding.hint(format!(
            "real notification ids have 18 to 20 digits; this one has {}",
            s.len()
        ));
    } else {
        finding.hint("real ids look like \"2661273919712564939\" or \"ed1cf00c-0420-4bf5-a0ae-e659cc9f77e0\"");
    }
}

/// Checks the `event` filter; returns the account it names.
pub(crate) fn check_filter<'s>(
    f: &mut Findings,
    s: &'s str,
    span: Span,
    path: Loc,
) -> Option<&'s str> {
    if let Some(account) = clean_filter_account(s) {
        return Some(account);
    }
    check_unclean_filter(f, s, span, path)
}

/// [`check_filter`] for a filter known not to be clean (the fast reader's remark on it).
pub(crate) fn check_unclean_filter<'s>(
    f: &mut Findings,
    s: &'s str,
    span: Span,
    path: Loc,
) -> Option<&'s str> {
    let expected = "/restapi/v1.0/account/{accountId}/phone-number?usageType=ContactCenterNumber";
    let Some(account) = phone_number_filter_account(s) else {
        f.add(
            IssueCode::InvalidEventFilter,
            span,
            path,
            format!("`event` \"{}\" is not this event's filter", clip(s)),
        )
        .hint(format!("expected {expected}"));
        return None;
    };
    let query = filter_query(s, account);
    if query != FILTER_QUERY {
        let detail: Cow<str> = if query.is_empty() {
            "has no `?usageType=ContactCenterNumber` query".into()
        } else {
            format!("has the query \"{}\"", clip(query)).into()
        };
        f.add(
            IssueCode::InvalidEventFilter,
            span,
            path,
            format!("`event` {detail}"),
        )
        .hint("this event's filter ends in ?usageType=ContactCenterNumber");
        return None;
    }
    if account == ACCOUNT_PLACEHOLDER {
        f.add(
            IssueCode::EventFilterPlaceholder,
            span,
            path,
            "`event` holds the literal `{accountId}` placeholder from RingCentral's documentation",
        )
        .hint("real notifications carry the numeric account id, or `~`");
    } else if !account_ok(account) {
        f.add(
            IssueCode::InvalidEventFilter,
            span,
            path,
            format!(
                "the account \"{}\" in `event` is neither digits nor `~`",
                clip(account)
            ),
        )
        .hint("RingCentral puts the numeric account id there, or `~` for the subscriber's own account");
        return None;
    }
    Some(account)
}

pub(crate) fn check_timestamp(f: &mut Findings, s: &str, span: Span, path: Loc) -> Option<Instant> {
    match timestamp::parse(s) {
        Ok(t) => Some(t),
        Err(e) => {
            let finding = f.add(
                IssueCode::InvalidTimestamp,
                span,
                path,
                format!("`timestamp` \"{}\" is not valid: {}", clip(s), e.detail),
            );
            if let Some(h) = e.hint {
                finding.hint(h);
            }
            None
        }
    }
}

pub(crate) fn check_subscription(f: &mut Findings, s: &str, span: Span, path: Loc) {
    if s.is_empty() {
        f.add(
            IssueCode::InvalidId,
            span,
            path,
            "`subscriptionId` is empty",
        );
    } else if !is_uuid(s) {
        f.add(
            IssueCode::SubscriptionIdFormat,
            span,
            path,
            format!("`subscriptionId` \"{}\" is not a UUID", clip(s)),
        )
        .hint("subscription ids look like \"9d38419f-645f-4ee3-a053-8cf1368c21c4\"");
    }
}
