//! What a parsed document is: how it was delivered and which kind of notification it holds.
//! Kinds other than this event are named, not judged against this event's rules.

use crate::checks::body::check_body;
use crate::checks::envelope::check_envelope;
use crate::diagnostics::codes::IssueCode;
use crate::diagnostics::findings::{loc, Findings};
use crate::json::{Node, Value};
use crate::model::event_ref::EventRef;
use crate::model::formats::phone_number_filter_account;
use crate::model::{Delivery, Kind};
use crate::text::quote::clip;
use crate::text::span::Span;

/// What a parsed document is, and its event (borrowed from the tree) when it is a valid one.
pub(crate) struct Analysis<'n> {
    pub kind: Kind,
    pub delivery: Delivery,
    pub event: Option<EventRef<'n>>,
}

const THIS_FILTER: &str = "/restapi/v1.0/account/~/phone-number?usageType=ContactCenterNumber";

fn whole(node: &Node) -> Span {
    Span::new(node.span.start, node.span.start + 1)
}

fn not_notification(
    f: &mut Findings,
    node: &Node,
    path: &str,
    message: String,
    hint: Option<String>,
) -> Analysis<'static> {
    let finding = f.add(IssueCode::NotANotification, whole(node), path, message);
    finding.hint = hint;
    Analysis {
        kind: Kind::NotANotification,
        delivery: Delivery::Unknown,
        event: None,
    }
}

fn looks_like_envelope(node: &Node) -> bool {
    ["uuid", "event", "body", "subscriptionId", "timestamp"]
        .iter()
        .any(|k| node.get(k).is_some())
}

fn looks_like_body(node: &Node) -> bool {
    node.get("eventType").is_some() || node.get("phoneNumberInfo").is_some()
}

/// Classifies `root` and, for this event, checks it.
pub(crate) fn analyze<'n>(f: &mut Findings, root: &'n Node) -> Analysis<'n> {
    match &root.value {
        Value::Array(items) => analyze_frame(f, root, items),
        Value::Object(_) => {
            if let Some(inner) = root.get("pn_apns").filter(|n| n.members().is_some()) {
                return analyze_envelope(f, inner, "/pn_apns", Delivery::Apns);
            }
            if !looks_like_envelope(root) && looks_like_body(root) {
                f.add(
                    IssueCode::EnvelopeMissing,
                    whole(root),
                    "",
                    "this is an event body without its envelope (uuid, event, timestamp, subscriptionId, ownerId)",
                )
                .hint("paste the whole notification as it was received; the body alone cannot be de-duplicated or ordered");
                let _ = check_body(f, root, "", None);
                return Analysis {
                    kind: Kind::ContactCenterPhoneNumber,
                    delivery: Delivery::BodyOnly,
                    event: None,
                };
            }
            if !looks_like_envelope(root) {
                let names: Vec<String> = root
                    .members()
                    .unwrap_or(&[])
                    .iter()
                    .take(5)
                    .map(|m| format!("`{}`", clip(&m.key)))
                    .collect();
                let message = if names.is_empty() {
                    "an empty object is not a notification".to_string()
                } else {
                    format!(
                        "an object with members {} is not a RingCentral notification",
                        names.join(", ")
                    )
                };
                return not_notification(
                    f,
                    root,
                    "",
                    message,
                    Some("a notification has uuid, event, timestamp, subscriptionId, ownerId and body".into()),
                );
            }
            analyze_envelope(f, root, "", Delivery::WebHook)
        }
        other => not_notification(
            f,
            root,
            "",
            format!("a JSON {} is not a notification", other.type_name()),
            None,
        ),
    }
}

fn analyze_frame<'n>(f: &mut Findings, root: &Node, items: &'n [Node]) -> Analysis<'n> {
    let meta_type = items.first().and_then(|m| m.get("type"));
    if items.len() != 2 || meta_type.is_none() {
        let log = items.len() > 1
            && items.iter().all(|i| {
                looks_like_envelope(i) || i.get("type").is_none() && i.members().is_some()
            });
        let finding = f.add(
            IssueCode::WebSocketFrame,
            whole(root),
            "",
            match items.len() {
                0 => "an empty array is not a WebSocket frame `[meta, envelope]`".to_string(),
                1 => "an array of 1 item is not a WebSocket frame `[meta, envelope]`".to_string(),
                n => format!("an array of {n} items is not a WebSocket frame `[meta, envelope]`"),
            },
        );
        if log {
            finding.hint("this looks like a log of several notifications: use summarize()");
        }
        return Analysis {
            kind: Kind::NotANotification,
            delivery: Delivery::Unknown,
            event: None,
        };
    }
    let meta = &items[0];
    let envelope = &items[1];
    match meta_type.and_then(Node::as_str) {
        Some("ServerNotification") => {}
        Some(other) => {
            let node = meta_type.unwrap_or(meta);
            f.add(
                IssueCode::WebSocketNotNotification,
                node.span,
                "/0/type",
                format!(
                    "a WebSocket `{}` frame carries no notification",
                    clip(other)
                ),
            )
            .hint("notifications arrive in frames whose meta.type is ServerNotification");
            return Analysis {
                kind: Kind::NotANotification,
                delivery: Delivery::WebSocket,
                event: None,
            };
        }
        None => {
            let node = meta_type.unwrap_or(meta);
            f.add(
                IssueCode::WebSocketFrame,
                node.span,
                "/0/type",
                format!("`meta.type` must be a string, not a {}", node.type_name()),
            );
            return Analysis {
                kind: Kind::NotANotification,
                delivery: Delivery::WebSocket,
                event: None,
            };
        }
    }
    if envelope.members().is_none() {
        f.add(
            IssueCode::WebSocketFrame,
            envelope.span,
            "/1",
            format!(
                "the frame's second item must be the notification object, not a {}",
                envelope.type_name()
            ),
        );
        return Analysis {
            kind: Kind::NotANotification,
            delivery: Delivery::WebSocket,
            event: None,
        };
    }
    let analysis = analyze_envelope(f, envelope, "/1", Delivery::WebSocket);
    if let (Some(id), Some(uuid)) = (
        meta.get("messageId"),
        envelope.get("uuid").and_then(Node::as_str),
    ) {
        if id.as_str() != Some(uuid) {
            f.add(
                IssueCode::WebSocketMessageId,
                id.span,
                "/0/messageId",
                format!(
                    "`messageId` differs from the notification's uuid \"{}\"",
                    clip(uuid)
                ),
            )
            .hint("RingCentral sets messageId to the uuid; was the frame assembled by hand?");
        }
    }
    analysis
}

/// The resource an event filter is about, for naming other events (`presence`, `message-store`).
fn resource_name(event: &str) -> &str {
    let path = event.split('?').next().unwrap_or(event);
    path.rsplit('/')
        .find(|s| !s.is_empty() && !s.bytes().all(|b| b.is_ascii_digit()) && *s != "~")
        .unwrap_or(path)
}

fn analyze_envelope<'n>(
    f: &mut Findings,
    env: &'n Node,
    base: &str,
    delivery: Delivery,
) -> Analysis<'n> {
    let event = env.get("event");
    let filter = event.and_then(Node::as_str);
    let body = env.get("body");
    let cc_body = body.is_some_and(looks_like_body);
    let kind = match filter {
        Some(e) if phone_number_filter_account(e).is_some() => Kind::ContactCenterPhoneNumber,
        _ if cc_body => Kind::ContactCenterPhoneNumber,
        Some(e) if e.starts_with("/restapi/v1.0/subscription") => Kind::SubscriptionRenewal,
        Some(e) if e.starts_with("/restapi/") => Kind::OtherEvent,
        _ => Kind::ContactCenterPhoneNumber,
    };
    let mut analysis = Analysis {
        kind,
        delivery,
        event: None,
    };
    let (Some(filter), Some(event)) = (filter, event) else {
        analysis.event = check_envelope(f, env, base);
        return analysis;
    };
    let path = loc(base, "event");
    match kind {
        Kind::SubscriptionRenewal => {
            let expires = body
                .and_then(|b| b.get("expiresIn"))
                .and_then(|n| match &n.value {
                    Value::Number(t) => {
                        Some(format!(": the subscription expires in {} seconds", clip(t)))
                    }
                    _ => None,
                })
                .unwrap_or_default();
            f.add(
                IssueCode::SubscriptionRenewal,
                event.span,
                path,
                format!("this is a subscription renewal reminder{expires}, not a Contact Center phone-number event"),
            )
            .hint("renew the subscription (POST /restapi/v1.0/subscription/{id}/renew); nothing changed on any number");
        }
        Kind::OtherEvent => {
            f.add(
                IssueCode::OtherEvent,
                event.span,
                path,
                format!(
                    "this is a `{}` notification ({}), not a Contact Center phone-number event",
                    clip(resource_name(filter)),
                    clip(filter)
                ),
            )
            .hint(format!("this event's filter is {THIS_FILTER}"));
        }
        _ => analysis.event = check_envelope(f, env, base),
    }
    analysis
}
