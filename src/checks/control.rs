//! WebSocket frames that carry no notification. RingCentral's WebSocket gateway sends four
//! kinds besides `ServerNotification` (`meta.type`): `ConnectionDetails` when a connection
//! opens or is recovered, `Heartbeat` answers, `ClientRequest` answers to the REST requests a
//! client sends over the socket (creating its subscription, above all), and `Error`. Clients
//! send `Heartbeat` and `ClientRequest` frames too. A capture holds them all; each is told
//! apart here and said in one sentence, so that a person who pastes one learns what it means
//! rather than that it is "not a notification".
//!
//! Every value quoted is clipped and escaped ([`clip`]): a frame is as hostile as any payload.

use crate::diagnostics::codes::IssueCode;
use crate::diagnostics::findings::Findings;
use crate::json::{Node, Value};
use crate::model::formats::clean_filter_account;
use crate::model::{ControlFrame, FrameType};
use crate::text::quote::clip;

/// Appends `node`'s member `key`, a string or a number, to `out` as a message quotes it, with
/// `before` and `after` around it; whether there was one. Never inlined, nor are the helpers
/// below: the build's high inlining threshold (chosen for the fast path) would copy each into
/// every call, for text made once per frame.
#[inline(never)]
fn put(out: &mut String, before: &str, node: Option<&Node>, key: &str, after: &str) -> bool {
    let text = match node.and_then(|n| n.get(key)).map(|n| &n.value) {
        Some(Value::String(s)) if !s.is_empty() => s,
        Some(Value::Number(n)) => n,
        _ => return false,
    };
    out.push_str(before);
    out.push_str(&clip(text));
    out.push_str(after);
    true
}

/// Whether `node` has the member `key` as a string or a number.
fn has(node: Option<&Node>, key: &str) -> bool {
    put(&mut String::new(), "", node, key, "")
}

/// Describes the control frame `[meta, body]` (`body` absent for a one-item frame) whose
/// `meta.type` node is `type_node`, reporting it as the error `websocket-control-frame`.
#[inline(never)]
pub(crate) fn describe(
    f: &mut Findings,
    frame_type: FrameType,
    type_node: &Node,
    meta: &Node,
    body: Option<&Node>,
) -> ControlFrame {
    let body = body.filter(|b| b.members().is_some());
    let mut sentence = String::with_capacity(160);
    let out = &mut sentence;
    let hint = match frame_type {
        FrameType::ConnectionDetails => connection_details(out, body),
        FrameType::Heartbeat => {
            if !put(
                out,
                "RingCentral answered a heartbeat (status ",
                Some(meta),
                "status",
                "): the connection is alive",
            ) {
                out.push_str("a heartbeat the client sent to keep the connection alive");
            }
            None
        }
        FrameType::ClientRequest => client_request(out, meta, body),
        FrameType::Error => {
            out.push_str("RingCentral's WebSocket gateway reported an error");
            put(out, " (status ", Some(meta), "status", ")");
            if !error_of(out, body) {
                out.push_str(", without a code or message");
            }
            None
        }
    };
    let mut message = String::with_capacity(sentence.len() + 64);
    for part in [
        "a WebSocket `",
        frame_type.as_str(),
        "` frame carries no notification: ",
        &sentence,
    ] {
        message.push_str(part);
    }
    f.add(
        IssueCode::WebSocketControlFrame,
        type_node.span,
        "/0/type",
        message,
    )
    .hint(hint.unwrap_or("notifications arrive in frames whose meta.type is ServerNotification"));
    ControlFrame {
        frame_type,
        sentence,
    }
}

/// The session's limits and, after a reconnection, whether the session was recovered; the
/// hint when it was not.
fn connection_details(out: &mut String, body: Option<&Node>) -> Option<&'static str> {
    out.push_str("the WebSocket session's limits:");
    let start = out.len();
    let mut sep = " ";
    if put(
        out,
        sep,
        body,
        "recoveryBufferSize",
        " missed events at most are sent again",
    ) {
        put(
            out,
            " to a client that reconnects within ",
            body,
            "recoveryTimeout",
            " s",
        );
        sep = "; ";
    } else if put(
        out,
        " a client may recover the session within ",
        body,
        "recoveryTimeout",
        " s",
    ) {
        sep = "; ";
    }
    for (key, before, after) in [
        ("idleTimeout", "an idle connection closes after ", " s"),
        ("absoluteTimeout", "any connection closes after ", " s"),
        (
            "maxConnectionsPerSession",
            "a session holds at most ",
            " connections",
        ),
    ] {
        if has(body, key) {
            out.push_str(sep);
            put(out, before, body, key, after);
            sep = "; ";
        }
    }
    if out.len() == start {
        out.truncate(start - "'s limits:".len());
        out.push_str(" is open (its limits are not given)");
    }
    let state = body
        .and_then(|b| b.get("recoveryState"))
        .and_then(Node::as_str);
    match state {
        Some("Successful") => out.push_str(
            ". This reconnection recovered the session: the events missed meanwhile follow",
        ),
        Some("Failed") => {
            out.push_str(". This reconnection could not recover the session");
            put(out, " (", body, "recoveryErrorCode", ")");
            out.push_str(": events sent while the client was away are lost");
            return Some(
                "create the subscription again, and compare the log with RingCentral's \
                 phone-number list for what was missed",
            );
        }
        _ => {
            put(out, ". Recovery state \"", body, "recoveryState", "\"");
        }
    }
    None
}

/// A request a client sent (`method` and `path`), or RingCentral's answer to one (`status`):
/// the subscription it created, or the error it met; the hint when the subscription lacks
/// this event's filter.
fn client_request(out: &mut String, meta: &Node, body: Option<&Node>) -> Option<&'static str> {
    let meta = Some(meta);
    if !has(meta, "status") {
        out.push('a');
        put(out, " ", meta, "method", "");
        put(out, " ", meta, "path", "");
        out.push_str(" request the client sent over the socket");
        if let Some((n, this)) = filters(body) {
            out.push_str(", asking for ");
            filter_count(out, n, this);
        }
        return missing_filter_hint(body);
    }
    let ok = match meta.and_then(|m| m.get("status")).map(|n| &n.value) {
        Some(Value::Number(s) | Value::String(s)) => s.len() == 3 && s.starts_with('2'),
        _ => false,
    };
    if !ok || has(body, "errorCode") {
        put(
            out,
            "RingCentral refused a client's request (status ",
            meta,
            "status",
            ")",
        );
        error_of(out, body);
        return None;
    }
    put(
        out,
        "RingCentral answered a client's request (status ",
        meta,
        "status",
        ")",
    );
    let (n, this) = filters(body).filter(|_| has(body, "id"))?;
    put(out, ": subscription ", body, "id", "");
    if !put(out, " is ", body, "status", "") {
        out.push_str(" exists");
    }
    out.push_str(", with ");
    filter_count(out, n, this);
    if !put(out, ", and expires at ", body, "expirationTime", "") {
        put(out, ", and expires in ", body, "expiresIn", " s");
    }
    missing_filter_hint(body)
}

/// `2 event filters (this event's among them)`, `1 event filter (not this event's)`.
#[inline(never)]
fn filter_count(out: &mut String, n: usize, this: bool) {
    out.push_str(&n.to_string());
    out.push_str(match (n, this) {
        (1, true) => " event filter (this event's)",
        (1, false) => " event filter (not this event's)",
        (_, true) => " event filters (this event's among them)",
        (_, false) => " event filters (none of them this event's)",
    });
}

/// How many event filters `body` names, and whether this event's is one.
#[inline(never)]
fn filters(body: Option<&Node>) -> Option<(usize, bool)> {
    let Value::Array(items) = &body?.get("eventFilters")?.value else {
        return None;
    };
    let this = items.iter().any(|i| {
        i.as_str()
            .is_some_and(|s| clean_filter_account(s).is_some())
    });
    Some((items.len(), this))
}

/// The hint for a subscription (or a request for one) without this event's filter.
fn missing_filter_hint(body: Option<&Node>) -> Option<&'static str> {
    match filters(body)? {
        (_, false) => Some(
            "this subscription sends no Contact Center phone-number events: add \
             /restapi/v1.0/account/~/phone-number?usageType=ContactCenterNumber to its eventFilters",
        ),
        _ => None,
    }
}

/// Appends `: CODE: message` from an error body (`errorCode`, `message`), as far as it has
/// them; whether it had either.
#[inline(never)]
fn error_of(out: &mut String, body: Option<&Node>) -> bool {
    let code = put(out, ": ", body, "errorCode", "");
    put(out, ": ", body, "message", "") || code
}
