//! One page of a phone-number list and its records: what each member must be, and what the
//! page says of the whole list (its version, account and paging).

use crate::diagnostics::codes::IssueCode;
use crate::diagnostics::findings::Findings;
use crate::json::{Node, Value};
use crate::model::formats::is_digits;
use crate::model::ContactCenterProvider;
use crate::reconcile::owned;
use crate::reconcile::SnapshotRecord;
use crate::text::position::LineIndex;
use crate::text::quote::clip;
use crate::text::slice::{find, sub};
use crate::text::span::Span;

/// What one page says of the whole list.
pub(crate) struct PageFacts {
    /// Where to report a list that does not add up: the page's `paging`, or the page.
    pub span: Span,
    pub page: Option<u64>,
    pub total_pages: Option<u64>,
    pub total_elements: Option<u64>,
    pub version: Option<&'static str>,
    pub account_id: Option<String>,
    /// Records of the page that could not be read.
    pub dropped: u64,
}

/// The page's facts; a `paging` member of the wrong shape is reported, and ignored.
pub(crate) fn page_facts(page: &Node, path: &str, f: &mut Findings) -> PageFacts {
    let uri = member(page, "uri").and_then(Node::as_str).unwrap_or("");
    let version = if find(uri, "/restapi/v1.0/").is_some() || member(page, "navigation").is_some() {
        Some("v1")
    } else if find(uri, "/restapi/v2/").is_some() {
        Some("v2")
    } else {
        None
    };
    let account_id = ["/account/", "/accounts/"].iter().find_map(|key| {
        let rest = sub(uri, find(uri, key)? + key.len()..);
        let id = sub(rest, ..rest.find(['/', '?']).unwrap_or(rest.len()));
        (!id.is_empty() && (is_digits(id) || id == "~")).then(|| owned(id))
    });
    let mut facts = PageFacts {
        span: page.span,
        page: None,
        total_pages: None,
        total_elements: None,
        version,
        account_id,
        dropped: 0,
    };
    let Some(paging) = member(page, "paging") else {
        return facts;
    };
    if !matches!(paging.value, Value::Object(_)) {
        f.add(
            IssueCode::SnapshotNotAList,
            paging.span,
            format!("{path}/paging"),
            format!("`paging` is {}, not an object", a(paging.type_name())),
        )
        .hint("`paging` is `{\"page\": 1, \"totalPages\": 1, \"perPage\": 100, \"totalElements\": ...}`");
        return facts;
    }
    facts.span = paging.span;
    let count = |key: &str| match member(paging, key).map(|n| &n.value) {
        Some(Value::Number(n)) => n.parse::<u64>().ok(),
        _ => None,
    };
    facts.page = count("page");
    facts.total_pages = count("totalPages");
    facts.total_elements = count("totalElements");
    facts
}

/// Record `node` at JSON Pointer `at`, or `None` (with an error) when it has no usable id,
/// number or usage type. A member of the wrong type is reported and left out.
pub(crate) fn record_of(
    node: &Node,
    at: &str,
    lines: &LineIndex,
    f: &mut Findings,
) -> Option<SnapshotRecord> {
    if !matches!(node.value, Value::Object(_)) {
        f.add(
            IssueCode::SnapshotRecord,
            node.span,
            at,
            format!("a record is {}, not an object", a(node.type_name())),
        )
        .hint("each of `records` is one phone number: `{\"id\": ..., \"phoneNumber\": ..., \"usageType\": ...}`");
        return None;
    }
    let id = id_of(node, at, f);
    let phone_number = required(node, "phoneNumber", at, f);
    let usage_type = required(node, "usageType", at, f);
    let (id, phone_number, usage_type) = (id?, phone_number?, usage_type?);
    let position = lines.locate(node.span);
    let mut text = |key: &str| optional(node, key, at, f);
    let number_type = text("type");
    let status = text("status");
    let payment_type = text("paymentType");
    let location = text("location");
    let toll_type = text("tollType");
    let provider = member(node, "contactCenterProvider").and_then(|p| {
        if !matches!(p.value, Value::Object(_)) {
            wrong_type(p, &format!("{at}/contactCenterProvider"), "an object", f);
            return None;
        }
        let base = format!("{at}/contactCenterProvider");
        Some(ContactCenterProvider {
            id: optional(p, "id", &base, f),
            name: optional(p, "name", &base, f),
        })
    });
    Some(SnapshotRecord {
        line: position.line,
        column: position.column,
        id,
        phone_number,
        usage_type,
        number_type,
        status,
        payment_type,
        location,
        contact_center_provider: provider,
        toll_type,
    })
}

/// The id as a string: v1 gives an int64 number, v2 a string of digits.
fn id_of(node: &Node, at: &str, f: &mut Findings) -> Option<String> {
    let path = format!("{at}/id");
    match member(node, "id").map(|n| (n, &n.value)) {
        Some((_, Value::Number(n))) if is_digits(n) => Some(owned(n)),
        Some((_, Value::String(s))) if is_digits(s) => Some(owned(s)),
        Some((n, Value::Number(text) | Value::String(text))) => {
            f.add(
                IssueCode::SnapshotRecord,
                n.span,
                path,
                format!("`id` {} is not a phone-number id (digits)", clip(text)),
            )
            .hint("ids are int64 numbers (v1) or strings of digits (v2)");
            None
        }
        Some((n, _)) => {
            wrong_type(n, &path, "a number or a string", f);
            None
        }
        None => {
            missing(node, "id", at, f);
            None
        }
    }
}

fn required(node: &Node, key: &str, at: &str, f: &mut Findings) -> Option<String> {
    match member(node, key) {
        None => {
            missing(node, key, at, f);
            None
        }
        Some(_) => optional(node, key, at, f),
    }
}

/// Member `key` when it is a string; reported when it is something else.
fn optional(node: &Node, key: &str, at: &str, f: &mut Findings) -> Option<String> {
    let value = member(node, key)?;
    match &value.value {
        Value::String(s) => Some(owned(s)),
        // A member the list sends as null says nothing.
        Value::Null => None,
        _ => {
            wrong_type(value, &format!("{at}/{key}"), "a string", f);
            None
        }
    }
}

fn missing(node: &Node, key: &str, at: &str, f: &mut Findings) {
    f.add(
        IssueCode::SnapshotRecord,
        node.span,
        format!("{at}/{key}"),
        format!("the record has no `{key}`, so it cannot be compared"),
    )
    .hint("paste the list exactly as the API answered it");
}

fn wrong_type(value: &Node, path: &str, expected: &str, f: &mut Findings) {
    f.add(
        IssueCode::SnapshotRecord,
        value.span,
        path,
        format!(
            "`{}` is {}, not {expected}",
            path.rsplit('/').next().unwrap_or(""),
            a(value.type_name())
        ),
    );
}

/// Member `key` of `node`. Not inlined: the tree's `get`, inlined with its search of the keys
/// at each of this layer's dozen calls, cost the module 0.6 KB (0.24 KB gzip).
#[inline(never)]
pub(crate) fn member<'n, 'a>(node: &'n Node<'a>, key: &str) -> Option<&'n Node<'a>> {
    node.get(key)
}

/// `an object`, `a string`...
pub(crate) fn a(type_name: &str) -> String {
    let article = if type_name.starts_with(['a', 'o']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {type_name}")
}
