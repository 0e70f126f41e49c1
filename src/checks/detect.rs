//! What a parsed document is: how it was delivered and which kind of notification it holds.
//! Kinds other than this event are named, not judged against this event's rules.

use crate::checks::body::check_body;
use crate::checks::control;
use crate::checks::envelope::check_envelope;
use crate::diagnostics::codes::IssueCode;
use crate::diagnostics::findings::{loc, Findings, Text};
use crate::json::{Node, Value};
use crate::model::event_ref::EventRef;
use crate::model::{ControlFrame, Delivery, FrameType, Kind};
use crate::text::quote::clip;
use crate::text::slice::sub;
use crate::text::span::Span;

/// What a parsed document is, and its event (borrowed from the tree) when it is a valid one.
pub(crate) struct Analysis<'n> {
    pub kind: Kind,
    pub delivery: Delivery,
    pub event: Option<EventRef<'n>>,
    /// What a WebSocket control frame says, for [`Kind::WebSocketControl`].
    pub frame: Option<ControlFrame>,
}

impl Analysis<'_> {
    /// A document of `kind` that holds no event.
    pub(crate) fn of(kind: Kind, delivery: Delivery) -> Self {
        Analysis {
            kind,
            delivery,
            event: None,
            frame: None,
        }
    }
}

const THIS_FILTER: &str = "/restapi/v1.0/account/~/phone-number?usageType=ContactCenterNumber";

fn whole(node: &Node) -> Span {
    Span::new(node.span.start, node.span.start + 1)
}

fn not_notification(
    f: &mut Findings,
    node: &Node,
    path: &str,
    message: Text,
    hint: Option<Text>,
) -> Analysis<'static> {
    let finding = f.add(IssueCode::NotANotification, whole(node), path, message);
    finding.hint = hint;
    Analysis::of(Kind::NotANotification, Delivery::Unknown)
}

fn looks_like_envelope(node: &Node) -> bool {
    ["uuid", "event", "body", "subscriptionId", "timestamp"]
        .iter()
        .any(|k| node.get(k).is_some())
}

/// Whether `node` can only be this event's body: it has `phoneNumberInfo` (no other
/// RingCentral event's body has one), or an `eventType` of this event's vocabulary in any case
/// (extension events say `Create`, `Update`, `Delete`). A bare `eventType` is not enough: other
/// events' bodies carry one too.
#[inline(never)]
fn this_events_body(node: &Node) -> bool {
    node.get("phoneNumberInfo").is_some()
        || node
            .get("eventType")
            .and_then(Node::as_str)
            .is_some_and(this_events_type)
}

/// Whether `t` is one of this event's types in any case.
pub(crate) fn this_events_type(t: &str) -> bool {
    // The three names have 7 letters: compared lowercased, without allocating.
    let mut name = [0u8; 7];
    t.len() == 7 && {
        name.copy_from_slice(t.as_bytes());
        name.make_ascii_lowercase();
        matches!(&name, b"created" | b"updated" | b"deleted")
    }
}

/// Classifies `root` and, for this event, checks it.
pub(crate) fn analyze<'n>(f: &mut Findings, root: &'n Node) -> Analysis<'n> {
    match &root.value {
        Value::Array(items) => analyze_frame(f, root, items),
        Value::Object(_) => {
            if let Some(inner) = root.get("pn_apns").filter(|n| n.members().is_some()) {
                return analyze_envelope(f, inner, "/pn_apns", Delivery::Apns);
            }
            if !looks_like_envelope(root) && this_events_body(root) {
                f.add(
                    IssueCode::EnvelopeMissing,
                    whole(root),
                    "",
                    "this is an event body without its envelope (uuid, event, timestamp, subscriptionId, ownerId)",
                )
                .hint("paste the whole notification as it was received; the body alone cannot be de-duplicated or ordered");
                let _ = check_body(f, root, "", None);
                return Analysis::of(Kind::ContactCenterPhoneNumber, Delivery::BodyOnly);
            }
            if !looks_like_envelope(root) {
                // The first five names, each quoted, written into one text.
                let mut names = String::new();
                for (k, m) in root.members().unwrap_or(&[]).iter().take(5).enumerate() {
                    names.push_str(if k == 0 { "`" } else { ", `" });
                    names.push_str(&clip(&m.key));
                    names.push('`');
                }
                let message: Text = if names.is_empty() {
                    "an empty object is not a notification".into()
                } else {
                    format!("an object with members {names} is not a RingCentral notification")
                        .into()
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
            format!("a JSON {} is not a notification", other.type_name()).into(),
            None,
        ),
    }
}

fn analyze_frame<'n>(f: &mut Findings, root: &Node, items: &'n [Node]) -> Analysis<'n> {
    let meta_type = items.first().and_then(|m| m.get("type"));
    // A control frame may come alone: a client's heartbeat or request without a body is
    // `[meta]`.
    if let Some((node, frame_type)) = meta_type
        .and_then(|n| Some((n, FrameType::from_name(n.as_str()?)?)))
        .filter(|_| items.len() <= 2)
    {
        let frame = control::describe(f, frame_type, node, &items[0], items.get(1));
        return Analysis {
            frame: Some(frame),
            ..Analysis::of(Kind::WebSocketControl, Delivery::WebSocket)
        };
    }
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
                0 => "an empty array is not a WebSocket frame `[meta, envelope]`".into(),
                1 => "an array of 1 item is not a WebSocket frame `[meta, envelope]`".into(),
                n => Text::Owned(format!(
                    "an array of {n} items is not a WebSocket frame `[meta, envelope]`"
                )),
            },
        );
        if log {
            finding.hint("this looks like a log of several notifications: use summarize()");
        }
        return Analysis::of(Kind::NotANotification, Delivery::Unknown);
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
            return Analysis::of(Kind::NotANotification, Delivery::WebSocket);
        }
        None => {
            let node = meta_type.unwrap_or(meta);
            f.add(
                IssueCode::WebSocketFrame,
                node.span,
                "/0/type",
                format!("`meta.type` must be a string, not a {}", node.type_name()),
            );
            return Analysis::of(Kind::NotANotification, Delivery::WebSocket);
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
        return Analysis::of(Kind::NotANotification, Delivery::WebSocket);
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

/// The last named segment of an event filter's path (ids, `~` and the query left out): the
/// resource it is about (`presence`, `message-store`), `phone-number` for this event's.
/// The segments are found with `find` and `rfind` (memchr), not `str::rsplit`, whose
/// searcher was 0.7 KB of the module; byte loops were smaller still, but this runs for every
/// payload read by the tree, and they cost an invalid call 120-220 instructions.
#[inline(never)]
fn last_name(event: &str) -> &str {
    let path = sub(event, ..event.find('?').unwrap_or(event.len()));
    let mut end = path.len();
    loop {
        let slash = sub(path, ..end).rfind('/');
        let start = slash.map_or(0, |i| i + 1);
        let segment = sub(path, start..end);
        if !segment.is_empty() && !is_id(segment) {
            return segment;
        }
        match slash {
            Some(i) => end = i,
            None => return path,
        }
    }
}

fn is_id(segment: &str) -> bool {
    segment == "~" || segment.bytes().all(|b| b.is_ascii_digit())
}

/// Whether an event filter names RingCentral's API at all (every event filter does).
// Run on every call: inlined at the validate-only build's threshold too (Makefile).
#[inline]
fn is_api_path(event: &str) -> bool {
    event.starts_with("/restapi/") || event.starts_with("/team-messaging/")
}

/// Whether a filter's resource is the phone-number list, however misspelt (`phone-numbers`,
/// `phoneNumber`, `phone_number`): such a filter is this event's, gone wrong.
#[inline(never)]
pub(crate) fn names_phone_numbers(event: &str) -> bool {
    let resource = last_name(event);
    // The longest spelling, `phone_numbers`, has 13 bytes.
    let mut letters = [0u8; 13];
    let mut n = 0;
    for b in resource.bytes().filter(|b| !matches!(b, b'-' | b'_')) {
        let Some(slot) = letters.get_mut(n) else {
            return false;
        };
        *slot = b.to_ascii_lowercase();
        n += 1;
    }
    matches!(&letters[..n], b"phonenumber" | b"phonenumbers")
}

/// The kind a notification's `event` filter gives it. The filter decides: a filter of another
/// RingCentral resource is another event whatever its body holds (extension, presence and
/// other events carry an `eventType` too); a phone-number filter with a wrong version, account
/// or query is this event's, reported as such; and only a filter that names no RingCentral
/// resource at all leaves the body to decide (`this_body`: see [`this_events_body`]).
pub(crate) fn filter_kind(event: &str, this_body: bool) -> Kind {
    if names_phone_numbers(event) {
        Kind::ContactCenterPhoneNumber
    } else if event.starts_with("/restapi/v1.0/subscription") {
        Kind::SubscriptionRenewal
    } else if is_api_path(event) || !this_body {
        Kind::OtherEvent
    } else {
        Kind::ContactCenterPhoneNumber
    }
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
    let kind = match filter {
        Some(e) => filter_kind(e, body.is_some_and(this_events_body)),
        // No filter to go by: judged as this event's, whose rules name what is missing.
        None => Kind::ContactCenterPhoneNumber,
    };
    let mut analysis = Analysis::of(kind, delivery);
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
            let message = if is_api_path(filter) {
                format!(
                    "this `{}` notification ({}) is not a Contact Center phone-number event",
                    clip(last_name(filter)),
                    clip(filter)
                )
            } else {
                format!(
                    "`event` \"{}\" is no RingCentral event filter and the body is not this event's: this is not a Contact Center phone-number event",
                    clip(filter)
                )
            };
            f.add(IssueCode::OtherEvent, event.span, path, message)
                .hint(format!("this event's filter is {THIS_FILTER}"));
        }
        _ => analysis.event = check_envelope(f, env, base),
    }
    analysis
}

#[cfg(test)]
mod tests {
    use super::last_name;

    #[test]
    fn last_name_is_the_last_named_segment_before_the_query() {
        // What `rsplit` found, segment by segment from the end.
        fn by_rsplit(event: &str) -> &str {
            let path = event.split('?').next().unwrap_or(event);
            path.rsplit('/')
                .find(|s| !s.is_empty() && !super::is_id(s))
                .unwrap_or(path)
        }
        for event in [
            "/restapi/v1.0/account/~/phone-number?usageType=ContactCenterNumber",
            "/restapi/v1.0/account/37439510/extension/1/presence?detailedTelephonyState=true",
            "/restapi/v1.0/subscription/~?threshold=60&interval=15",
            "/restapi/v1.0/account/1/extension/2/message-store/",
            "presence",
            "",
            "/",
            "//",
            "/1/2/~",
            "?a/b",
            "a/?/b",
            "é/ü/1",
        ] {
            assert_eq!(last_name(event), by_rsplit(event), "{event}");
        }
    }
}
