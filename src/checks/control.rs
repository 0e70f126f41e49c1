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

/// This event's filter, as a subscription names it.
const THIS_FILTER: &str = "/restapi/v1.0/account/~/phone-number?usageType=ContactCenterNumber";

/// A string or a number of `node`'s member `key`, as a message quotes it.
fn scalar(node: Option<&Node>, key: &str) -> Option<String> {
    match &node?.get(key)?.value {
        Value::String(s) if !s.is_empty() => Some(clip(s)),
        Value::Number(n) => Some(clip(n)),
        _ => None,
    }
}

/// Describes the control frame `[meta, body]` (`body` absent for a one-item frame) whose
/// `meta.type` node is `type_node`, reporting it as the error `websocket-control-frame`.
pub(crate) fn describe(
    f: &mut Findings,
    frame_type: FrameType,
    type_node: &Node,
    meta: &Node,
    body: Option<&Node>,
) -> ControlFrame {
    let body = body.filter(|b| b.members().is_some());
    let (sentence, hint) = match frame_type {
        FrameType::ConnectionDetails => connection_details(body),
        FrameType::Heartbeat => (heartbeat(meta), None),
        FrameType::ClientRequest => client_request(meta, body),
        FrameType::Error => (error(meta, body), None),
    };
    f.add(
        IssueCode::WebSocketControlFrame,
        type_node.span,
        "/0/type",
        format!(
            "a WebSocket `{}` frame carries no notification: {sentence}",
            frame_type.as_str()
        ),
    )
    .hint(hint.unwrap_or_else(|| {
        "notifications arrive in frames whose meta.type is ServerNotification".into()
    }));
    ControlFrame {
        frame_type,
        sentence,
    }
}

/// The session's limits and, after a reconnection, whether the session was recovered.
fn connection_details(body: Option<&Node>) -> (String, Option<String>) {
    let get = |key| scalar(body, key);
    let mut limits = Vec::new();
    if let Some(n) = get("recoveryBufferSize") {
        let within = get("recoveryTimeout")
            .map(|t| format!(" within {t} s"))
            .unwrap_or_default();
        limits.push(format!(
            "a client that reconnects{within} gets up to {n} missed events again"
        ));
    } else if let Some(t) = get("recoveryTimeout") {
        limits.push(format!("a client may recover the session within {t} s"));
    }
    if let Some(t) = get("idleTimeout") {
        limits.push(format!("an idle connection closes after {t} s"));
    }
    if let Some(t) = get("absoluteTimeout") {
        limits.push(format!("any connection closes after {t} s"));
    }
    if let Some(n) = get("maxConnectionsPerSession") {
        limits.push(format!("a session holds at most {n} connections"));
    }
    let mut sentence = if limits.is_empty() {
        "the WebSocket session is open (its limits are not given)".to_string()
    } else {
        format!("the WebSocket session's limits: {}", limits.join("; "))
    };
    let mut hint = None;
    match get("recoveryState").as_deref() {
        Some("Successful") => sentence.push_str(
            ". This reconnection recovered the session: the events missed meanwhile follow",
        ),
        Some("Failed") => {
            let code = get("recoveryErrorCode")
                .map(|c| format!(" ({c})"))
                .unwrap_or_default();
            sentence.push_str(&format!(
                ". This reconnection could not recover the session{code}: events sent while the \
                 client was away are lost"
            ));
            hint = Some(
                "create the subscription again, and compare the log with RingCentral's \
                 phone-number list for what was missed"
                    .to_string(),
            );
        }
        Some(other) => sentence.push_str(&format!(". Recovery state \"{other}\"")),
        None => {}
    }
    (sentence, hint)
}

/// Who sent a heartbeat: RingCentral answers with a `status`, a client's has none.
fn heartbeat(meta: &Node) -> String {
    match scalar(Some(meta), "status") {
        Some(status) => {
            format!("RingCentral answered a heartbeat (status {status}): the connection is alive")
        }
        None => "a heartbeat the client sent to keep the connection alive".to_string(),
    }
}

/// A request a client sent (`method` and `path`), or RingCentral's answer to one (`status`):
/// the subscription it created, or the error it met.
fn client_request(meta: &Node, body: Option<&Node>) -> (String, Option<String>) {
    let Some(status) = scalar(Some(meta), "status") else {
        let path = scalar(Some(meta), "path")
            .map(|p| format!(" {p}"))
            .unwrap_or_default();
        let request = match scalar(Some(meta), "method") {
            Some(method) => format!("a {method}{path} request"),
            None => format!("a request{path}"),
        };
        let asks = filters(body).map_or(String::new(), |(n, this)| {
            format!(", asking for {}", filter_count(n, this))
        });
        let sentence = format!("{request} the client sent over the socket{asks}");
        return (sentence, missing_filter_hint(body));
    };
    let ok = status.starts_with('2') && status.len() == 3;
    let error = scalar(body, "errorCode");
    if !ok || error.is_some() {
        return (refused(&status, body), None);
    }
    let Some(id) = scalar(body, "id").filter(|_| filters(body).is_some()) else {
        return (
            format!("RingCentral answered a client's request (status {status})"),
            None,
        );
    };
    let state = scalar(body, "status")
        .map(|s| format!(" is {s}"))
        .unwrap_or_else(|| " exists".into());
    let (n, this) = filters(body).unwrap_or_default();
    let expires = match (scalar(body, "expirationTime"), scalar(body, "expiresIn")) {
        (Some(at), _) => format!(", and expires at {at}"),
        (None, Some(s)) => format!(", and expires in {s} s"),
        (None, None) => String::new(),
    };
    let sentence = format!(
        "RingCentral answered a client's request (status {status}): subscription {id}{state}, \
         with {}{expires}",
        filter_count(n, this)
    );
    (sentence, missing_filter_hint(body))
}

/// `2 event filters (this event's among them)`, `1 event filter (not this event's)`.
fn filter_count(n: usize, this: bool) -> String {
    let which = match (n, this) {
        (1, true) => "this event's",
        (1, false) => "not this event's",
        (_, true) => "this event's among them",
        (_, false) => "none of them this event's",
    };
    format!(
        "{n} event filter{} ({which})",
        if n == 1 { "" } else { "s" }
    )
}

/// How many event filters `body` names, and whether this event's is one.
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
fn missing_filter_hint(body: Option<&Node>) -> Option<String> {
    match filters(body)? {
        (_, false) => Some(format!(
            "this subscription sends no Contact Center phone-number events: add {THIS_FILTER} \
             to its eventFilters"
        )),
        _ => None,
    }
}

/// A request RingCentral refused: its status, and the REST error's code and message.
fn refused(status: &str, body: Option<&Node>) -> String {
    let why = error_of(body);
    format!("RingCentral refused a client's request (status {status}){why}")
}

/// `: CODE: message` from an error body (`errorCode`, `message`), as far as it has them.
fn error_of(body: Option<&Node>) -> String {
    match (scalar(body, "errorCode"), scalar(body, "message")) {
        (Some(code), Some(message)) => format!(": {code}: {message}"),
        (Some(code), None) => format!(": {code}"),
        (None, Some(message)) => format!(": {message}"),
        (None, None) => String::new(),
    }
}

/// An `Error` frame: the gateway's status, error code and message.
fn error(meta: &Node, body: Option<&Node>) -> String {
    let status = scalar(Some(meta), "status")
        .map(|s| format!(" (status {s})"))
        .unwrap_or_default();
    let why = error_of(body);
    let why = if why.is_empty() {
        ", without a code or message".to_string()
    } else {
        why
    };
    format!("RingCentral's WebSocket gateway reported an error{status}{why}")
}
