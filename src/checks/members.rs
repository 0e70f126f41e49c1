//! Reading the members of an object for the rules: each helper reports what is missing, of
//! the wrong type, unknown or undocumented, and returns what it could read, borrowed from the
//! parse tree.

use crate::diagnostics::codes::{IssueCode, Severity};
use crate::diagnostics::findings::{loc, pointer, Findings, Loc};
use crate::json::{Node, Value};
use crate::model::formats::{id_ok, is_digits};
use crate::model::vocab;
use crate::text::quote::clip;
use crate::text::span::Span;

/// Where a missing member is reported: the `{` of the object that should hold it.
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
pub(crate) fn field<'n, 'a>(
    f: &mut Findings,
    obj: &'n Node<'a>,
    base: &str,
    key: &str,
    required: Option<&str>,
) -> Option<&'n Node<'a>> {
    let found = obj.get(key);
    if found.is_none() {
        if let Some(why) = required {
            // A near miss is among the first members of any real payload; a hostile one
            // with millions must not cost a fuzzy match per member per missing field.
            let names = obj.members().unwrap_or(&[]).iter().take(1_000);
            let names = names.map(|m| m.key.as_ref());
            missing(f, start_of(obj), base, key, why, names);
        }
    }
    found
}

/// Reports member `key` of the object at `base` (whose `{` is at `at`) missing, for `why`;
/// `names` are the object's member names in order, for a near miss.
pub(crate) fn missing<'k>(
    f: &mut Findings,
    at: Span,
    base: &str,
    key: &str,
    why: &str,
    mut names: impl Iterator<Item = &'k str>,
) {
    let finding = f.add(
        IssueCode::MissingField,
        at,
        pointer(base, key),
        format!("`{key}` is missing{why}"),
    );
    if let Some(name) = names.find(|name| vocab::closest(name, &[key]).is_some()) {
        finding.hint(format!(
            "there is a member `{}`; member names are case-sensitive and spelled `{key}`",
            clip(name)
        ));
    }
}

pub(crate) fn wrong_type(f: &mut Findings, node: &Node, path: Loc, key: &str, want: &str) {
    wrong_type_at(f, node.span, path, key, want, node.type_name());
}

/// Reports the value of `key` at `span`, a JSON `found` (its type's name), as not a `want`.
pub(crate) fn wrong_type_at(
    f: &mut Findings,
    span: Span,
    path: Loc,
    key: &str,
    want: &str,
    found: &str,
) {
    let finding = f.add(
        IssueCode::WrongType,
        span,
        path,
        format!(
            "`{key}` must be {}, not {}",
            with_article(want),
            with_article(found)
        ),
    );
    // Quoting a number only helps where the digits are the value; elsewhere say what is meant.
    if want == "string" && found == "number" {
        finding.hint(match key {
            "timestamp" => "write it as an ISO 8601 string such as \"2023-04-18T20:25:24.611Z\"",
            "phoneNumber" => "write it as an E.164 string: `+`, the country code and the number",
            "eventType" => "the value is one of the strings \"Created\", \"Updated\", \"Deleted\"",
            _ => "put the value in double quotes",
        });
    }
}

/// Member `key` as a string.
pub(crate) fn string<'n>(
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
pub(crate) fn object<'n, 'a>(
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

/// An id: a string of digits, or a JSON integer (accepted, read as its digits, and warned
/// about, because JavaScript loses digits of integers past 2^53). With `digits_only` unset
/// (a provider's id), any non-empty string.
pub(crate) fn id<'n>(
    f: &mut Findings,
    obj: &'n Node,
    base: &str,
    key: &str,
    required: Option<&str>,
    digits_only: bool,
) -> Option<&'n str> {
    let node = field(f, obj, base, key, required)?;
    let path = loc(base, key);
    match &node.value {
        Value::String(s) if id_ok(s, digits_only) => Some(s),
        Value::String(s) => {
            bad_id(f, node.span, path, key, s, false);
            None
        }
        Value::Number(text) if numeric_id_ok(text) => {
            numeric_id(f, node.span, path, key, text);
            Some(text)
        }
        Value::Number(text) => {
            bad_id(f, node.span, path, key, text, true);
            None
        }
        _ => {
            wrong_type(f, node, path, key, "string");
            None
        }
    }
}

/// Reports the id `key` at `span`, the string `text` that is no id (or with `number`, the JSON
/// number `text` that is no whole non-negative integer).
pub(crate) fn bad_id(f: &mut Findings, span: Span, path: Loc, key: &str, text: &str, number: bool) {
    if number {
        f.add(
            IssueCode::InvalidId,
            span,
            path,
            format!(
                "`{key}` is the number {}, which is not a whole non-negative id",
                clip(text)
            ),
        )
        .hint("ids are strings of digits, such as \"987654321\"");
    } else if text.is_empty() {
        f.add(
            IssueCode::InvalidId,
            span,
            path,
            format!("`{key}` is empty"),
        );
    } else {
        let finding = f.add(
            IssueCode::InvalidId,
            span,
            path,
            format!("`{key}` must be a string of digits, not \"{}\"", clip(text)),
        );
        if is_digits(text.trim()) {
            finding.hint("remove the white space around the digits");
        }
    }
}

/// An object of the notification, for the members it knows and how messages name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Object {
    Envelope,
    Body,
    Info,
    Provider,
}

impl Object {
    pub fn known(self) -> &'static [&'static str] {
        match self {
            Object::Envelope => vocab::ENVELOPE_FIELDS,
            Object::Body => vocab::BODY_FIELDS,
            Object::Info => vocab::INFO_FIELDS,
            Object::Provider => vocab::PROVIDER_FIELDS,
        }
    }

    fn what(self) -> &'static str {
        match self {
            Object::Envelope => "the notification envelope",
            Object::Body => "the event body",
            Object::Info => "`phoneNumberInfo`",
            Object::Provider => "`contactCenterProvider`",
        }
    }
}

/// An integer id the rules accept (with [`numeric_id`]'s warning): digits, no leading zero.
pub(crate) fn numeric_id_ok(text: &str) -> bool {
    is_digits(text) && (text.len() == 1 || !text.starts_with('0'))
}

/// The warning for an id sent as the JSON number `text` (see [`numeric_id_ok`]).
pub(crate) fn numeric_id(f: &mut Findings, span: Span, path: Loc, key: &str, text: &str) {
    f.add(
        IssueCode::NumericId,
        span,
        path,
        format!(
            "`{key}` is a JSON number; it was read as the string \"{}\"",
            clip(text)
        ),
    )
    .hint("send ids as strings: JavaScript rounds integers above 2^53");
}

/// Reports the members of `obj` that `object` does not know.
pub(crate) fn unknown_fields(f: &mut Findings, obj: &Node, base: &str, object: Object) {
    let known = object.known();
    let unknown = obj
        .members()
        .unwrap_or(&[])
        .iter()
        .filter(|m| !known.contains(&m.key.as_ref()));
    for (n, m) in unknown.enumerate() {
        unknown_field(f, n, &m.key, m.key_span, base, object);
    }
}

/// Reports member `key` (at `key_span`), the `n`th unknown one of its `object` at `base`.
pub(crate) fn unknown_field(
    f: &mut Findings,
    n: usize,
    key: &str,
    key_span: Span,
    base: &str,
    object: Object,
) {
    // Past `limit` of them, later ones (same code, same severity, further on) can never be
    // listed: count them without building messages or "did you mean" hints.
    if n >= f.limit() {
        f.dropped += 1;
        return;
    }
    let finding = f.add(
        IssueCode::UnknownField,
        key_span,
        pointer(base, key),
        // Joined, not formatted: every payload with a field RingCentral added has this
        // warning, and the formatting machinery took a twentieth of such a call.
        joined(&["`", &clip(key), "` is not a member of ", object.what()]),
    );
    let strict = finding.severity == Severity::Error;
    match vocab::closest_in(key, object.known()) {
        Some(k) => finding.hint(joined(&["did you mean `", k, "`?"])),
        None if strict => finding.hint(
            "RingCentral adds fields over time; this is an error only because of `strict: true`",
        ),
        None => {
            finding.hint("RingCentral adds fields over time; `strict: true` makes this an error")
        }
    }
}

/// `parts` one after the other, in one allocation of their length. `concat` goes through the
/// generic `join`, which took as long in WebAssembly as the rest of the message's making (43
/// ns of a `tollType` payload's call, cpu profile).
fn joined(parts: &[&str]) -> String {
    let mut s = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        s.push_str(p);
    }
    s
}

/// A value from a documented list: unknown ones are reported with `code` and a suggestion.
pub(crate) fn enumerated(
    f: &mut Findings,
    span: Span,
    value: &str,
    path: Loc,
    key: &str,
    allowed: &[&str],
    code: IssueCode,
) -> bool {
    if vocab::documented(value, allowed) {
        return true;
    }
    let finding = f.add(
        code,
        span,
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
        None => finding.hint(format!(
            "documented values: {}",
            crate::text::push::joined_with(allowed, ", ")
        )),
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_json_types_with_the_right_article() {
        assert_eq!(with_article("object"), "an object");
        assert_eq!(with_article("string"), "a string");
        assert_eq!(with_article("null"), "null");
    }
}
