//! The rules for one Contact Center phone-number event: envelope and body.
//!
//! Each check reports into [`Findings`] and returns what it could read, so one pass collects
//! every problem and, when there are none, the normalised event falls out at the end.

use crate::diagnostics::codes::Code;
use crate::diagnostics::findings::{loc, pointer, Findings, Loc};
use crate::json::{Node, Value};
use crate::model::timestamp::{self, Instant};
use crate::model::vocab;
use crate::model::{Body, Event, EventType, NumberType, PhoneNumberInfo, Provider};
pub(crate) use crate::text::quote::clip;
use crate::text::span::Span;

/// The event filter this crate is about; `{}` is the account.
const FILTER_PREFIX: &str = "/restapi/v1.0/account/";
const FILTER_RESOURCE: &str = "/phone-number";
const FILTER_QUERY: &str = "?usageType=ContactCenterNumber";
pub(crate) const ACCOUNT_PLACEHOLDER: &str = "{accountId}";

/// The account named by an event filter for a phone-number resource, if `event` is one.
pub(crate) fn phone_number_filter_account(event: &str) -> Option<&str> {
    let rest = event.strip_prefix(FILTER_PREFIX)?;
    let (path, _) = rest.split_once('?').unwrap_or((rest, ""));
    let account = path.strip_suffix(FILTER_RESOURCE)?;
    (!account.contains('/')).then_some(account)
}

fn start_of(node: &Node) -> Span {
    Span::new(node.span.start, node.span.start + 1)
}

/// A JSON type name as it reads in a sentence: "an object", "a string", "null".
fn with_article(t: &str) -> String {
    match t {
        "null" => t.to_string(),
        "array" | "object" => format!("an {t}"),
        _ => format!("a {t}"),
    }
}

/// Member `key` of `obj`; reports it missing when `required` says why it is needed.
fn field<'n, 'a>(
    f: &mut Findings,
    obj: &'n Node<'a>,
    base: &str,
    key: &str,
    required: Option<&str>,
) -> Option<&'n Node<'a>> {
    let found = obj.get(key);
    if found.is_none() {
        if let Some(why) = required {
            let finding = f.add(
                Code::MissingField,
                start_of(obj),
                pointer(base, key),
                format!("`{key}` is missing{why}"),
            );
            let near = obj
                .members()
                .unwrap_or(&[])
                .iter()
                // A near miss is among the first members of any real payload; a hostile one
                // with millions must not cost a fuzzy match per member per missing field.
                .take(1_000)
                .find(|m| vocab::closest(&m.key, &[key]).is_some());
            if let Some(m) = near {
                finding.hint(format!(
                    "there is a member `{}`; member names are case-sensitive and spelled `{key}`",
                    clip(&m.key)
                ));
            }
        }
    }
    found
}

fn wrong_type(f: &mut Findings, node: &Node, path: Loc, key: &str, want: &str) {
    let finding = f.add(
        Code::WrongType,
        node.span,
        path,
        format!(
            "`{key}` must be {}, not {}",
            with_article(want),
            with_article(node.type_name())
        ),
    );
    // Quoting a number only helps where the digits are the value; elsewhere say what is meant.
    if want == "string" && matches!(node.value, Value::Number(_)) {
        finding.hint(match key {
            "timestamp" => "write it as an ISO 8601 string such as \"2023-04-18T20:25:24.611Z\"",
            "phoneNumber" => "write it as an E.164 string: `+`, the country code and the number",
            "eventType" => "the value is one of the strings \"Created\", \"Updated\", \"Deleted\"",
            _ => "put the value in double quotes",
        });
    }
}

/// Member `key` as a string.
fn string<'n>(
    f: &mut Findings,
    obj: &'n Node,
    base: &str,
    key: &str,
    required: Option<&str>,
) -> Option<(&'n str, &'n Node<'n>)> {
    let node = field(f, obj, base, key, required)?;
    match node.as_str() {
        Some(s) => Some((s, node)),
        None => {
            wrong_type(f, node, loc(base, key), key, "string");
            None
        }
    }
}

/// Member `key` as an object.
fn object<'n, 'a>(
    f: &mut Findings,
    obj: &'n Node<'a>,
    base: &str,
    key: &str,
    required: Option<&str>,
) -> Option<&'n Node<'a>> {
    let node = field(f, obj, base, key, required)?;
    if node.members().is_some() {
        Some(node)
    } else {
        wrong_type(f, node, loc(base, key), key, "object");
        None
    }
}

pub(crate) fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// An id: a string of digits, or a JSON integer (accepted, normalised, and warned about,
/// because JavaScript loses digits of integers past 2^53).
fn id(
    f: &mut Findings,
    obj: &Node,
    base: &str,
    key: &str,
    required: Option<&str>,
    digits_only: bool,
) -> Option<String> {
    let node = field(f, obj, base, key, required)?;
    let path = loc(base, key);
    match &node.value {
        Value::String(s) if s.is_empty() => {
            f.add(
                Code::InvalidId,
                node.span,
                path,
                format!("`{key}` is empty"),
            );
            None
        }
        Value::String(s) if digits_only && !is_digits(s) => {
            let finding = f.add(
                Code::InvalidId,
                node.span,
                path,
                format!("`{key}` must be a string of digits, not \"{}\"", clip(s)),
            );
            if is_digits(s.trim()) {
                finding.hint("remove the white space around the digits");
            }
            None
        }
        Value::String(s) => Some(s.to_string()),
        Value::Number(text) if is_digits(text) && (text.len() == 1 || !text.starts_with('0')) => {
            f.add(
                Code::NumericId,
                node.span,
                path,
                format!(
                    "`{key}` is a JSON number; it was read as the string \"{}\"",
                    clip(text)
                ),
            )
            .hint("send ids as strings: JavaScript rounds integers above 2^53");
            Some(text.to_string())
        }
        Value::Number(text) => {
            f.add(
                Code::InvalidId,
                node.span,
                path,
                format!(
                    "`{key}` is the number {}, which is not a whole non-negative id",
                    clip(text)
                ),
            )
            .hint("ids are strings of digits, such as \"987654321\"");
            None
        }
        _ => {
            wrong_type(f, node, path, key, "string");
            None
        }
    }
}

fn unknown_fields(f: &mut Findings, obj: &Node, base: &str, known: &[&str], what: &str) {
    let unknown = obj
        .members()
        .unwrap_or(&[])
        .iter()
        .filter(|m| !known.contains(&m.key.as_ref()));
    for (n, m) in unknown.enumerate() {
        // Past `limit` of them, later ones (same code, same severity, further on) can never be
        // listed: count them without building messages or "did you mean" hints.
        if n >= f.limit() {
            f.dropped += 1;
            continue;
        }
        let finding = f.add(
            Code::UnknownField,
            m.key_span,
            pointer(base, &m.key),
            format!("`{}` is not a member of {what}", clip(&m.key)),
        );
        let strict = finding.severity == crate::diagnostics::codes::Severity::Error;
        match vocab::closest(&m.key, known) {
            Some(k) => finding.hint(format!("did you mean `{k}`?")),
            None if strict => finding.hint("RingCentral adds fields over time; this is an error only because of `strict: true`"),
            None => finding.hint("RingCentral adds fields over time; `strict: true` makes this an error"),
        }
    }
}

/// A value from a documented list: unknown ones are reported with `code` and a suggestion.
fn enumerated(
    f: &mut Findings,
    node: &Node,
    value: &str,
    path: Loc,
    key: &str,
    allowed: &[&str],
    code: Code,
) -> bool {
    if allowed.contains(&value) {
        return true;
    }
    let finding = f.add(
        code,
        node.span,
        path,
        format!(
            "`{key}` is \"{}\", which RingCentral does not document",
            clip(value)
        ),
    );
    // This event is about Contact Center numbers: a near miss of that value is the likeliest.
    let near = vocab::closest(value, &[vocab::CONTACT_CENTER])
        .filter(|_| allowed.contains(&vocab::CONTACT_CENTER))
        .or_else(|| vocab::closest(value, allowed));
    match near {
        Some(s) => finding.hint(format!("did you mean `{s}`?")),
        None => finding.hint(format!("documented values: {}", allowed.join(", "))),
    }
    false
}

/// `8-4-4-4-12` hex digits: every valid notification has at least one.
pub(crate) fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b[8] == b'-'
        && b[13] == b'-'
        && b[18] == b'-'
        && b[23] == b'-'
        && [&b[..8], &b[9..13], &b[14..18], &b[19..23], &b[24..]]
            .iter()
            .all(|group| group.iter().all(u8::is_ascii_hexdigit))
}

/// A notification id as RingCentral sends them: 18 to 20 digits, or a UUID.
pub(crate) fn uuid_ok(s: &str) -> bool {
    (18..=20).contains(&s.len()) && is_digits(s) || is_uuid(s)
}

fn check_uuid(f: &mut Findings, s: &str, node: &Node, path: Loc) {
    if uuid_ok(s) {
        return;
    }
    let finding = f.add(
        Code::InvalidUuid,
        node.span,
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

/// The account of an event filter that [`check_filter`] has nothing to say about: this
/// event's filter with its query, for digits or `~`.
pub(crate) fn clean_filter_account(s: &str) -> Option<&str> {
    let account = phone_number_filter_account(s)?;
    let query = &s[FILTER_PREFIX.len() + account.len() + FILTER_RESOURCE.len()..];
    (query == FILTER_QUERY && (account == "~" || is_digits(account))).then_some(account)
}

/// Checks the `event` filter; returns the account it names.
fn check_filter(f: &mut Findings, s: &str, node: &Node, path: Loc) -> Option<String> {
    if let Some(account) = clean_filter_account(s) {
        return Some(account.to_string());
    }
    let expected = "/restapi/v1.0/account/{accountId}/phone-number?usageType=ContactCenterNumber";
    let Some(account) = phone_number_filter_account(s) else {
        f.add(
            Code::InvalidEventFilter,
            node.span,
            path,
            format!("`event` \"{}\" is not this event's filter", clip(s)),
        )
        .hint(format!("expected {expected}"));
        return None;
    };
    let query = &s[FILTER_PREFIX.len() + account.len() + FILTER_RESOURCE.len()..];
    if query != FILTER_QUERY {
        let detail = if query.is_empty() {
            "has no `?usageType=ContactCenterNumber` query".to_string()
        } else {
            format!("has the query \"{}\"", clip(query))
        };
        f.add(
            Code::InvalidEventFilter,
            node.span,
            path,
            format!("`event` {detail}"),
        )
        .hint("this event's filter ends in ?usageType=ContactCenterNumber");
        return None;
    }
    if account == ACCOUNT_PLACEHOLDER {
        f.add(
            Code::EventFilterPlaceholder,
            node.span,
            path,
            "`event` holds the literal `{accountId}` placeholder from RingCentral's documentation",
        )
        .hint("real notifications carry the numeric account id, or `~`");
    } else if account != "~" && !is_digits(account) {
        f.add(
            Code::InvalidEventFilter,
            node.span,
            path,
            format!(
                "the account \"{}\" in `event` is neither digits nor `~`",
                clip(account)
            ),
        )
        .hint("RingCentral puts the numeric account id there, or `~` for the subscriber's own account");
        return None;
    }
    Some(account.to_string())
}

fn check_timestamp(f: &mut Findings, s: &str, node: &Node, path: Loc) -> Option<Instant> {
    match timestamp::parse(s) {
        Ok(t) => Some(t),
        Err(e) => {
            let finding = f.add(
                Code::InvalidTimestamp,
                node.span,
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

/// E.164: `+`, a country code not starting with 0, 7 to 15 digits in all.
pub(crate) fn e164_ok(s: &str) -> bool {
    s.strip_prefix('+').is_some_and(|digits| {
        is_digits(digits) && !digits.starts_with('0') && (7..=15).contains(&digits.len())
    })
}

fn check_phone_number(f: &mut Findings, s: &str, node: &Node, path: Loc) -> bool {
    if e164_ok(s) {
        return true;
    }
    let digits = s.strip_prefix('+').unwrap_or(s);
    let cleaned: String = s.chars().filter(char::is_ascii_digit).collect();
    let formatted = s.chars().any(|c| matches!(c, ' ' | '-' | '(' | ')' | '.'));
    let (detail, hint) = if s.is_empty() {
        ("is empty".to_string(), None)
    } else if formatted && s.starts_with('+') {
        (
            "contains spaces or punctuation".to_string(),
            Some(format!("E.164 has digits only: \"+{}\"", clip(&cleaned))),
        )
    } else if !s.starts_with('+')
        && s.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')' | '.'))
    {
        (
            "does not start with `+`".to_string(),
            Some(no_plus_hint(&cleaned, formatted)),
        )
    } else if !s.starts_with('+') {
        ("does not start with `+`".to_string(), None)
    } else if !is_digits(digits) {
        (
            "holds characters other than digits after `+`".to_string(),
            None,
        )
    } else if digits.starts_with('0') {
        (
            "has a country code starting with 0".to_string(),
            Some("country codes never start with 0: replace the national trunk prefix 0 with the country code".to_string()),
        )
    } else if digits.len() > 15 {
        (
            format!("has {} digits; E.164 allows at most 15", digits.len()),
            None,
        )
    } else {
        (format!("has only {} digits", digits.len()), None)
    };
    let finding = f.add(
        Code::InvalidPhoneNumber,
        node.span,
        path,
        format!("`phoneNumber` \"{}\" is not E.164: it {detail}", clip(s)),
    );
    if let Some(h) = hint {
        finding.hint(h);
    }
    false
}

/// How to fix a number written without `+`, from its digits; `formatted` if it also had
/// spaces or punctuation. Only digits that may already hold a country code are offered as is.
fn no_plus_hint(digits: &str, formatted: bool) -> String {
    let tidy = if formatted {
        ", without spaces or punctuation"
    } else {
        ""
    };
    if let Some(rest) = digits
        .strip_prefix("00")
        .filter(|r| !r.is_empty() && !r.starts_with('0'))
    {
        format!(
            "replace the international prefix 00 with `+`{tidy}: \"+{}\"",
            clip(rest)
        )
    } else if digits.starts_with('0') {
        format!("replace the national trunk prefix 0 with `+` and the country code{tidy}")
    } else if digits.len() >= 11 {
        format!(
            "if the digits start with the country code, add `+`{tidy}: \"+{}\"",
            clip(digits)
        )
    } else {
        format!("this looks like a national number: add `+` and the country code (+1 for the US and Canada){tidy}")
    }
}

const URI_HOSTS: &[&str] = &[
    "https://platform.ringcentral.com",
    "https://platform.devtest.ringcentral.com",
];

/// The account and the number id a phone-number link names.
fn uri_parts(s: &str) -> Option<(&str, &str)> {
    let rest = URI_HOSTS.iter().find_map(|h| s.strip_prefix(h))?;
    let rest = rest.strip_prefix(FILTER_PREFIX)?;
    // The account never holds `/`, so it ends at the first one.
    let (acc, num) = rest.split_at(rest.find('/')?);
    let num = num.strip_prefix("/phone-number/")?;
    ((acc == "~" || is_digits(acc)) && is_digits(num)).then_some((acc, num))
}

/// Whether the filter's account and the link's cannot be the same (`~` matches any).
fn accounts_differ(filter_account: &str, uri_account: &str) -> bool {
    is_digits(filter_account) && uri_account != "~" && filter_account != uri_account
}

/// A `uri` that [`check_uri`] has nothing to say about, for number `id` of `account`.
pub(crate) fn clean_uri(s: &str, id: &str, account: &str) -> bool {
    uri_parts(s).is_some_and(|(acc, num)| num == id && !accounts_differ(account, acc))
}

fn check_uri(
    f: &mut Findings,
    s: &str,
    node: &Node,
    path: Loc,
    id: Option<&str>,
    account: Option<&str>,
) {
    if s.is_empty() {
        f.add(Code::EmptyUri, node.span, path, "`uri` is empty")
            .hint("RingCentral's sample has an empty `uri`; real ones link to the number");
        return;
    }
    let Some((uri_account, uri_id)) = uri_parts(s) else {
        let finding = f.add(
            Code::InvalidUri,
            node.span,
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
            Code::UriMismatch,
            node.span,
            path,
            format!(
                "`uri` links to phone number {}, but `id` is {}",
                clip(uri_id),
                clip(id)
            ),
        );
    } else if let Some(acc) = account.filter(|a| accounts_differ(a, uri_account)) {
        f.add(
            Code::UriMismatch,
            node.span,
            path,
            format!(
                "`uri` names account {}, but `event` names account {}",
                clip(uri_account),
                clip(acc)
            ),
        );
    }
}

fn check_provider(f: &mut Findings, node: &Node, base: &str) -> Provider {
    let id = id(f, node, base, "id", None, false);
    let name = string(f, node, base, "name", None).map(|(s, _)| s.to_string());
    unknown_fields(
        f,
        node,
        base,
        vocab::PROVIDER_FIELDS,
        "`contactCenterProvider`",
    );
    Provider { id, name }
}

fn check_event_type(f: &mut Findings, s: &str, node: &Node, path: Loc) -> Option<EventType> {
    if let Some(t) = EventType::from_name(s) {
        return Some(t);
    }
    let finding = f.add(
        Code::InvalidEventType,
        node.span,
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

/// Checks a `body`; `account` is the one named by the envelope's filter, if known.
pub(crate) fn check_body(
    f: &mut Findings,
    body: &Node,
    base: &str,
    account: Option<&str>,
) -> Option<Body> {
    let event_type = string(f, body, base, "eventType", Some(""))
        .and_then(|(s, n)| check_event_type(f, s, n, loc(base, "eventType")));
    let info_base = pointer(base, "phoneNumberInfo");
    let info_node = object(f, body, base, "phoneNumberInfo", Some(""));
    unknown_fields(f, body, base, vocab::BODY_FIELDS, "the event body");
    let info = info_node.and_then(|n| check_info(f, n, &info_base, event_type, account))?;
    Some(Body {
        event_type: event_type?,
        phone_number_info: info,
    })
}

fn check_info(
    f: &mut Findings,
    node: &Node,
    base: &str,
    event_type: Option<EventType>,
    account: Option<&str>,
) -> Option<PhoneNumberInfo> {
    let b = base;
    let id = id(f, node, b, "id", Some(""), true);
    let phone = string(f, node, b, "phoneNumber", Some(""))
        .filter(|(s, n)| check_phone_number(f, s, n, loc(b, "phoneNumber")))
        .map(|(s, _)| s);
    let uri = string(f, node, b, "uri", None).map(|(s, n)| {
        check_uri(f, s, n, loc(b, "uri"), id.as_deref(), account);
        s
    });
    let payment_type = string(f, node, b, "paymentType", None).map(|(s, n)| {
        let path = loc(b, "paymentType");
        enumerated(
            f,
            n,
            s,
            path,
            "paymentType",
            vocab::PAYMENT_TYPES,
            Code::UnknownPaymentType,
        );
        s
    });
    let location = string(f, node, b, "location", None).map(|(s, _)| s);
    let number_type = string(f, node, b, "type", None).and_then(|(s, n)| {
        let t = NumberType::from_name(s);
        if t.is_none() {
            let path = loc(b, "type");
            enumerated(
                f,
                n,
                s,
                path,
                "type",
                vocab::NUMBER_TYPES,
                Code::InvalidNumberType,
            );
        }
        t
    });
    let why_usage = if event_type == Some(EventType::Updated) {
        Some(": an `Updated` event needs it to tell a conversion to Contact Center from a reassignment away")
    } else {
        None
    };
    let usage_type = string(f, node, b, "usageType", why_usage).map(|(s, n)| {
        check_usage_type(f, s, n, loc(b, "usageType"), event_type);
        s
    });
    let status = string(f, node, b, "status", None).map(|(s, n)| {
        enumerated(
            f,
            n,
            s,
            loc(b, "status"),
            "status",
            vocab::STATUSES,
            Code::UnknownStatus,
        );
        s
    });
    let provider = object(f, node, b, "contactCenterProvider", None)
        .map(|n| check_provider(f, n, &pointer(b, "contactCenterProvider")));
    unknown_fields(f, node, b, vocab::INFO_FIELDS, "`phoneNumberInfo`");
    // An error anywhere drops the event (`validate::judge`): copy the values only if none.
    if f.has_errors() {
        return None;
    }
    let owned = |s: Option<&str>| s.map(str::to_string);
    Some(PhoneNumberInfo {
        uri: owned(uri),
        id: id?,
        phone_number: phone?.to_string(),
        payment_type: owned(payment_type),
        location: owned(location),
        number_type,
        usage_type: owned(usage_type),
        status: owned(status),
        contact_center_provider: provider,
    })
}

/// A `usageType` that [`check_usage_type`] has nothing to say about for this event type.
pub(crate) fn usage_type_ok(s: &str, event_type: EventType) -> bool {
    s == vocab::CONTACT_CENTER
        || event_type == EventType::Updated && vocab::USAGE_TYPES.contains(&s)
}

fn check_usage_type(
    f: &mut Findings,
    s: &str,
    node: &Node,
    path: Loc,
    event_type: Option<EventType>,
) {
    if s == vocab::CONTACT_CENTER || event_type.is_some_and(|t| usage_type_ok(s, t)) {
        return;
    }
    enumerated(
        f,
        node,
        s,
        path,
        "usageType",
        vocab::USAGE_TYPES,
        Code::UnknownUsageType,
    );
    match event_type {
        Some(EventType::Created) => {
            f.add(
                Code::UsageTypeMismatch,
                node.span,
                path,
                format!("a `Created` event is for a new Contact Center number, but `usageType` is \"{}\"", clip(s)),
            )
            .hint("`Created` always carries usageType ContactCenterNumber");
        }
        Some(EventType::Deleted) => {
            f.add(
                Code::UsageTypeMismatch,
                node.span,
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

/// Checks an envelope of this event; returns the event when nothing found so far is an error.
pub(crate) fn check_envelope(f: &mut Findings, env: &Node, base: &str) -> Option<Event> {
    let uuid = string(
        f,
        env,
        base,
        "uuid",
        Some(": it identifies the notification"),
    );
    if let Some((s, n)) = uuid {
        check_uuid(f, s, n, loc(base, "uuid"));
    }
    let account = string(f, env, base, "event", Some(""))
        .and_then(|(s, n)| check_filter(f, s, n, loc(base, "event")));
    let time = string(f, env, base, "timestamp", Some(""))
        .and_then(|(s, n)| check_timestamp(f, s, n, loc(base, "timestamp")).map(|t| (s, t)));
    let subscription = string(f, env, base, "subscriptionId", Some("")).map(|(s, n)| {
        let path = loc(base, "subscriptionId");
        if s.is_empty() {
            f.add(Code::InvalidId, n.span, path, "`subscriptionId` is empty");
        } else if !is_uuid(s) {
            f.add(
                Code::SubscriptionIdFormat,
                n.span,
                path,
                format!("`subscriptionId` \"{}\" is not a UUID", clip(s)),
            )
            .hint("subscription ids look like \"9d38419f-645f-4ee3-a053-8cf1368c21c4\"");
        }
        s
    });
    let owner = id(f, env, base, "ownerId", Some(""), true);
    let body_base = pointer(base, "body");
    let body = object(f, env, base, "body", Some(""))
        .and_then(|b| check_body(f, b, &body_base, account.as_deref()));
    unknown_fields(
        f,
        env,
        base,
        vocab::ENVELOPE_FIELDS,
        "the notification envelope",
    );
    // An error anywhere drops the event (`validate::judge`).
    if f.has_errors() {
        return None;
    }
    let (timestamp, time) = time?;
    Some(Event {
        uuid: uuid?.0.to_string(),
        event: env.get("event")?.as_str()?.to_string(),
        account_id: account?,
        timestamp: timestamp.to_string(),
        time,
        subscription_id: subscription?.to_string(),
        owner_id: owner?,
        body: body?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_a_uuid_by_its_groups_of_hex_digits() {
        assert!(is_uuid("9d38419f-645f-4ee3-a053-8cf1368c21c4"));
        assert!(is_uuid("9D38419F-645F-4EE3-A053-8CF1368C21C4"));
        assert!(!is_uuid("9d38419f-645f-4ee3-a053-8cf1368c21c"));
        assert!(!is_uuid("9d38419f-645f-4ee3-a053-8cf13-8c21c4"));
        assert!(!is_uuid("9d38419f-645f-4ee3-a053-8cf1368c21cg"));
        assert!(!is_uuid("9d38419f0645f-4ee3-a053-8cf1368c21c4"));
        assert!(!is_uuid("9d38419f-645f-4ee3-a053-8cf1368c21c4 "));
    }

    #[test]
    fn reads_json_types_with_the_right_article() {
        assert_eq!(with_article("object"), "an object");
        assert_eq!(with_article("string"), "a string");
        assert_eq!(with_article("null"), "null");
    }

    #[test]
    fn offers_a_plus_only_where_the_digits_may_hold_a_country_code() {
        assert_eq!(
            no_plus_hint("12024999741", false),
            "if the digits start with the country code, add `+`: \"+12024999741\""
        );
        assert!(no_plus_hint("2024999741", true).starts_with("this looks like a national number"));
        assert!(no_plus_hint("2024999741", true).contains("without spaces or punctuation"));
        assert!(no_plus_hint("02079460958", false).contains("trunk prefix 0"));
        assert!(no_plus_hint("442079460958", false).ends_with("\"+442079460958\""));
        assert!(no_plus_hint("00442079460958", false).ends_with("\"+442079460958\""));
    }
}
