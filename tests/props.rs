//! Property tests: structure-aware mutations of valid notifications (drop, duplicate, retype,
//! rename, truncate, inject) never panic and every issue lies inside the input; the fast path,
//! and the wasm build's clean route with its UTF-16 offsets, give what the tree gives; valid
//! notifications stay valid, to the same event, when re-serialised with other white space and
//! another key order.
#![cfg(not(target_arch = "wasm32"))]

use cc_number_events::__private::{
    clean_report, compact_report, compact_valid, fast_report, Spans, Values, ABSENT, IN_TEXT,
};
use cc_number_events::__private::{validate_fast_only, Node, Parser, Value};
use cc_number_events::{summarize, summarize_tree, SummarizeOptions};
use cc_number_events::{validate, validate_tree, Issue, Kind, ValidateOptions};
use proptest::prelude::*;

/// An owned JSON value that keeps member order and duplicates, to mutate and re-serialise.
#[derive(Clone, Debug)]
enum J {
    Null,
    Bool(bool),
    Num(String),
    Str(String),
    Arr(Vec<J>),
    Obj(Vec<(String, J)>),
}

fn own(n: &Node) -> J {
    match &n.value {
        Value::Null => J::Null,
        Value::Bool(b) => J::Bool(*b),
        Value::Number(t) => J::Num(t.to_string()),
        Value::String(s) => J::Str(s.to_string()),
        Value::Array(items) => J::Arr(items.iter().map(own).collect()),
        Value::Object(members) => J::Obj(
            members
                .iter()
                .map(|m| (m.key.to_string(), own(&m.value)))
                .collect(),
        ),
    }
}

fn quote(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Serialises `j` with white space drawn from `ws` (cycled) between tokens.
fn write(j: &J, ws: &[u8], k: &mut usize, out: &mut String) {
    fn space(ws: &[u8], k: &mut usize, out: &mut String) {
        let w = ws.get(*k % ws.len().max(1)).copied().unwrap_or(0);
        *k += 1;
        out.push_str(["", " ", "\n", "\t", "\r\n  ", "  "][usize::from(w) % 6]);
    }
    match j {
        J::Null => out.push_str("null"),
        J::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        J::Num(t) => out.push_str(t),
        J::Str(s) => quote(s, out),
        J::Arr(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                space(ws, k, out);
                write(item, ws, k, out);
                space(ws, k, out);
            }
            out.push(']');
        }
        J::Obj(members) => {
            out.push('{');
            for (i, (key, value)) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                space(ws, k, out);
                quote(key, out);
                space(ws, k, out);
                out.push(':');
                space(ws, k, out);
                write(value, ws, k, out);
                space(ws, k, out);
            }
            out.push('}');
        }
    }
}

fn to_text(j: &J, ws: &[u8]) -> String {
    let mut out = String::new();
    write(j, ws, &mut 0, &mut out);
    out
}

const FIXTURES: &[&str] = &[
    include_str!("fixtures/validate/webhook-created.json"),
    include_str!("fixtures/validate/deleted-valid.json"),
    include_str!("fixtures/validate/websocket-frame-updated.json"),
    include_str!("fixtures/validate/apns-wrapper.json"),
    include_str!("fixtures/validate/owner-id-as-number-valid.json"),
];

fn base(i: usize) -> J {
    let text = FIXTURES[i % FIXTURES.len()];
    own(&Parser::new(text, 0, 64).parse_value_at().unwrap().root)
}

/// An object's members, in order, duplicates kept.
type Members = Vec<(String, J)>;

/// Number of objects in `j`.
fn count_objects(j: &J) -> usize {
    match j {
        J::Obj(members) => 1 + members.iter().map(|(_, v)| count_objects(v)).sum::<usize>(),
        J::Arr(items) => items.iter().map(count_objects).sum(),
        _ => 0,
    }
}

/// Calls `f` on the members of the `target`-th object of `j`, depth first.
fn with_object(j: &mut J, target: usize, seen: &mut usize, f: &mut dyn FnMut(&mut Members)) {
    match j {
        J::Obj(members) => {
            if *seen == target {
                *seen += 1;
                f(members);
                return;
            }
            *seen += 1;
            for (_, v) in members.iter_mut() {
                with_object(v, target, seen, f);
            }
        }
        J::Arr(items) => {
            for v in items.iter_mut() {
                with_object(v, target, seen, f);
            }
        }
        _ => {}
    }
}

/// Calls `f` on every object's members, children first.
fn each_object(j: &mut J, f: &mut dyn FnMut(&mut Members)) {
    match j {
        J::Obj(members) => {
            for (_, v) in members.iter_mut() {
                each_object(v, f);
            }
            f(members);
        }
        J::Arr(items) => {
            for v in items.iter_mut() {
                each_object(v, f);
            }
        }
        _ => {}
    }
}

const VALUES: &[&str] = &[
    "null",
    "true",
    "0",
    "-0",
    "1e400",
    "1.0",
    "\"\"",
    "[]",
    "{}",
    "\"Created\"",
    "\"\\ud800\"",
    "\"<b>x</b>\"",
    "12345678901234567890123",
    "[[[[]]]]",
    "{\"__proto__\":1}",
    // Plain strings on either side of each rule, for the fast path to accept or refuse.
    "\"Updated\"",
    "\"Deleted\"",
    "\"Cr\\u0065ated\"",
    "\"+12024999741\"",
    "\"12024999741\"",
    "\"+012024999741\"",
    "\"987654321\"",
    "\" 987654321\"",
    "\"ContactCenterNumber\"",
    "\"DirectNumber\"",
    "\"Normal\"",
    "\"Local\"",
    "\"VoiceOnly\"",
    "\"2023-04-18T20:25:24.611Z\"",
    "\"2023-02-30T20:25:24Z\"",
    "\"9d38419f-645f-4ee3-a053-8cf1368c21c4\"",
    "\"2661273919712564939\"",
    "\"/restapi/v1.0/account/~/phone-number?usageType=ContactCenterNumber\"",
    "\"/restapi/v1.0/account/{accountId}/phone-number?usageType=ContactCenterNumber\"",
    "\"https://platform.ringcentral.com/restapi/v1.0/account/37439510/phone-number/987654321\"",
    "\"https://platform.ringcentral.com/restapi/v1.0/account/~/phone-number/1\"",
    "{\"id\":\"\"}",
    "{\"name\":\"x\",\"id\":\"7\"}",
    // Either side of the country-code, area-code and leap-second rules.
    "\"+99912024999\"",
    "\"+10124999741\"",
    "\"+442079460958\"",
    "\"2016-12-31T23:59:60.500Z\"",
    "\"2023-12-31T23:59:60Z\"",
    // Filters of other resources, misspelt filters, and WebSocket frame types.
    "\"/restapi/v1.0/account/~/extension/~/presence\"",
    "\"/restapi/v1.0/account/~/phone-numbers?usageType=ContactCenterNumber\"",
    "\"/restapi/v1.0/subscription/~?threshold=60&interval=15\"",
    "\"Heartbeat\"",
    "\"ConnectionDetails\"",
    // Non-ASCII text, which the clean route must slice by UTF-16 offsets.
    "\"São Paulo — 東京 🇧🇷\"",
    "{\"name\":\"Ünïcødé 😀\"}",
];
const KEYS: &[&str] = &[
    "uuid",
    "event",
    "body",
    "id",
    "phoneNumber",
    "eventType",
    "usageType",
    "__proto__",
    "Uuid",
    "",
    "type",
    "pn_apns",
    "uri",
    "status",
    "paymentType",
    "contactCenterProvider",
    "subscriptionId",
    "timestamp",
    "ownerId",
    "location",
];

/// Names of members RingCentral has added to its resources, or might.
const ADDED: &[&str] = &[
    "tollType",
    "byocNumber",
    "extension",
    "label",
    "primary",
    "a/b~c",
    "Uuid",
    "ID",
];

/// Values the rules only warn about, for the members that hold them.
const WARNINGS: &[(&str, &str)] = &[
    ("ownerId", "8475874957"),
    ("id", "987654321"),
    ("id", "7"),
    (
        "event",
        "\"/restapi/v1.0/account/{accountId}/phone-number?usageType=ContactCenterNumber\"",
    ),
    ("uri", "\"\""),
    ("subscriptionId", "\"{subscriptionId}\""),
    ("paymentType", "\"Premium\""),
    ("status", "\"Reserved\""),
    ("usageType", "\"NewUsage\""),
];

#[derive(Clone, Debug)]
enum Mutation {
    Drop(usize, usize),
    Duplicate(usize, usize),
    Retype(usize, usize, usize),
    Rename(usize, usize, usize),
    Inject(usize, usize),
    /// A member RingCentral might add: a new name, any value.
    Add(usize, usize, usize),
    /// A warning the rules give on a valid notification, by its value.
    Warn(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::Drop(a, b)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::Duplicate(a, b)),
        (any::<usize>(), any::<usize>(), any::<usize>())
            .prop_map(|(a, b, c)| Mutation::Retype(a, b, c)),
        (any::<usize>(), any::<usize>(), any::<usize>())
            .prop_map(|(a, b, c)| Mutation::Rename(a, b, c)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::Inject(a, b)),
        (any::<usize>(), any::<usize>(), any::<usize>())
            .prop_map(|(a, b, c)| Mutation::Add(a, b, c)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::Warn(a, b)),
    ]
}

fn apply(j: &mut J, m: &Mutation) {
    let n = count_objects(j);
    if n == 0 {
        return;
    }
    let o = match m {
        Mutation::Drop(o, _)
        | Mutation::Duplicate(o, _)
        | Mutation::Retype(o, _, _)
        | Mutation::Rename(o, _, _)
        | Mutation::Inject(o, _)
        | Mutation::Add(o, _, _)
        | Mutation::Warn(o, _) => *o % n,
    };
    with_object(j, o, &mut 0, &mut |members| {
        let len = members.len();
        match m {
            Mutation::Drop(_, i) if len > 0 => {
                members.remove(i % len);
            }
            Mutation::Duplicate(_, i) if len > 0 => {
                let copy = members[i % len].clone();
                members.insert(i % (len + 1), copy);
            }
            Mutation::Retype(_, i, v) if len > 0 => {
                let text = VALUES[v % VALUES.len()];
                members[i % len].1 = own(&Parser::new(text, 0, 64).parse_value_at().unwrap().root);
            }
            Mutation::Rename(_, i, k) if len > 0 => {
                members[i % len].0 = KEYS[k % KEYS.len()].into()
            }
            Mutation::Inject(_, k) => {
                members.push((KEYS[k % KEYS.len()].into(), J::Str("x".into())))
            }
            Mutation::Add(_, k, v) => {
                let text = VALUES[v % VALUES.len()];
                let value = own(&Parser::new(text, 0, 64).parse_value_at().unwrap().root);
                members.insert(k % (len + 1), (ADDED[k % ADDED.len()].into(), value));
            }
            Mutation::Warn(_, w) => {
                let (key, value) = WARNINGS[w % WARNINGS.len()];
                for member in members.iter_mut().filter(|(k, _)| k == key) {
                    member.1 = own(&Parser::new(value, 0, 64).parse_value_at().unwrap().root);
                }
            }
            _ => {}
        }
    });
}

fn check_issues<'i>(
    issues: impl Iterator<Item = &'i Issue>,
    text: &[u8],
) -> Result<(), TestCaseError> {
    let len = String::from_utf8_lossy(text).encode_utf16().count() as u32;
    for i in issues {
        // Text in: every issue has a position.
        let (Some(line), Some(column), Some(offset), Some(length)) =
            (i.line, i.column, i.offset, i.length)
        else {
            return Err(TestCaseError::fail(format!("no position: {i:?}")));
        };
        prop_assert!(offset + length <= len, "{:?} outside {} units", i, len);
        prop_assert!(line >= 1 && column >= 1 && column <= offset + 1, "{:?}", i);
    }
    Ok(())
}

/// A valid report's 23 values as JavaScript reads them from [`Spans`] (src/js/wasm.rs
/// `assemble`): UTF-16 slices of the input and of the text.
fn span_values(input: &str, spans: &Spans, text: &str) -> Vec<Option<String>> {
    let input: Vec<u16> = input.encode_utf16().collect();
    let text: Vec<u16> = text.encode_utf16().collect();
    let mut at = 0;
    spans
        .chunks(2)
        .map(|p| match p[0] {
            ABSENT => None,
            IN_TEXT => {
                at += p[1] as usize;
                Some(String::from_utf16_lossy(&text[at - p[1] as usize..at]))
            }
            start => Some(String::from_utf16_lossy(
                &input[start as usize..p[1] as usize],
            )),
        })
        .collect()
}

/// The wasm build's clean route (sliced from the caller's string, or copied when it passed
/// bytes) gives the values of the report's own compact form.
fn check_clean_route(
    bytes: &[u8],
    report: &cc_number_events::Report,
    max_depth: usize,
) -> Result<(), TestCaseError> {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Ok(());
    };
    let ascii = text.is_ascii();
    let Some((sliced, made)) = clean_report(text, max_depth, ascii, Values::Sliced) else {
        return Ok(());
    };
    let (full, full_text) =
        compact_report(report).expect("the clean route answers only for valid reports");
    let expected = span_values("", &full, &full_text);
    prop_assert_eq!(&span_values(text, &sliced, &made), &expected);
    let (copied, copied_text) = clean_report(text, max_depth, ascii, Values::Copied).unwrap();
    prop_assert_eq!(&span_values("", &copied, &copied_text), &expected);
    Ok(())
}

/// The wasm build's one read of a string ([`fast_report`]): a notification with warnings at
/// most gives the values of `validate`'s report and its warnings, an invalid one it reads
/// whole gives `validate`'s report itself; `Err(None)` only where the tree must read it.
fn check_fast_report(
    bytes: &[u8],
    report: &cc_number_events::Report,
    options: &ValidateOptions,
) -> Result<(), TestCaseError> {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Ok(());
    };
    if text.starts_with('\u{feff}') || text.len() > options.max_input_bytes {
        return Ok(());
    }
    for values in [Values::Copied, Values::Sliced] {
        let ((spans, made), warnings) = match fast_report(text, options, text.is_ascii(), values) {
            Ok(read) => read,
            Err(Some(invalid)) => {
                prop_assert_eq!(&*invalid, report, "{}", text);
                prop_assert!(!invalid.valid);
                continue;
            }
            Err(None) => return Ok(()),
        };
        prop_assert!(report.valid && report.errors.is_empty(), "{}", text);
        let (full, full_text) = compact_valid(report).expect("a valid report");
        let input = if values == Values::Sliced { text } else { "" };
        prop_assert_eq!(
            span_values(input, &spans, &made),
            span_values("", &full, &full_text)
        );
        prop_assert_eq!(&warnings, &report.warnings);
    }
    Ok(())
}

fn check_all(bytes: &[u8], options: &ValidateOptions) -> Result<(), TestCaseError> {
    let r = validate(bytes, options);
    // The tree-free fast path answers only where the tree finds warnings at most, and then
    // the same report.
    prop_assert_eq!(&r, &validate_tree(bytes, options));
    check_clean_route(bytes, &r, options.max_depth)?;
    check_fast_report(bytes, &r, options)?;
    prop_assert_eq!(r.valid, r.event.is_some());
    prop_assert!(r.valid || !r.errors.is_empty());
    check_issues(r.errors.iter().chain(&r.warnings), bytes)?;
    let s = summarize(bytes, &SummarizeOptions::default());
    prop_assert_eq!(&s, &summarize_tree(bytes, &SummarizeOptions::default()));
    prop_assert_eq!(s.events, s.valid + s.invalid + s.other + s.duplicates);
    check_issues(s.problems.iter().flat_map(|p| &p.issues), bytes)?;
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn mutated_notifications_never_panic_and_issues_lie_inside(
        which in 0usize..FIXTURES.len(),
        mutations in prop::collection::vec(mutation(), 1..5),
        ws in prop::collection::vec(0u8..6, 1..8),
        strict in any::<bool>(),
    ) {
        let mut j = base(which);
        for m in &mutations {
            apply(&mut j, m);
        }
        let text = to_text(&j, &ws);
        check_all(text.as_bytes(), &ValidateOptions { strict, ..ValidateOptions::default() })?;
    }

    #[test]
    fn truncated_and_injected_text_never_panics(
        which in 0usize..FIXTURES.len(),
        cut in any::<prop::sample::Index>(),
        at in any::<prop::sample::Index>(),
        junk in prop::collection::vec(any::<u8>(), 0..8),
        small in any::<bool>(),
    ) {
        let text = FIXTURES[which].as_bytes();
        let truncated = &text[..cut.index(text.len() + 1)];
        let options = if small {
            ValidateOptions { max_depth: 3, max_issues: 2, ..ValidateOptions::default() }
        } else {
            ValidateOptions::default()
        };
        check_all(truncated, &options)?;
        let mut injected = text.to_vec();
        let p = at.index(injected.len() + 1);
        injected.splice(p..p, junk);
        check_all(&injected, &options)?;
        // Logs of the pieces, as NDJSON.
        let mut log = truncated.to_vec();
        log.push(b'\n');
        log.extend_from_slice(&injected);
        check_all(&log, &options)?;
    }

    #[test]
    fn valid_notifications_stay_valid_with_other_white_space_and_key_order(
        which in 0usize..FIXTURES.len(),
        ws in prop::collection::vec(0u8..6, 1..12),
        order in any::<u64>(),
    ) {
        let original = validate(FIXTURES[which], &ValidateOptions::default());
        prop_assume!(original.valid);
        let mut j = base(which);
        // Shuffle every object's members with a simple seeded permutation.
        let mut seed = order;
        each_object(&mut j, &mut |members| {
            for i in (1..members.len()).rev() {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                members.swap(i, (seed >> 33) as usize % (i + 1));
            }
        });
        let text = to_text(&j, &ws);
        let again = validate(&text, &ValidateOptions::default());
        prop_assert!(again.valid, "{}\n{:?}", text, again.errors);
        prop_assert_eq!(again.event, original.event);
        prop_assert_eq!(
            again.warnings.iter().map(|w| w.code).collect::<std::collections::BTreeSet<_>>(),
            original.warnings.iter().map(|w| w.code).collect()
        );
    }
}

/// Filters of other RingCentral resources: each makes a notification another event.
const OTHER_FILTERS: &[&str] = &[
    "/restapi/v1.0/account/~/extension/~/presence?detailedTelephonyState=true",
    "/restapi/v1.0/account/37439510/extension/8475874957",
    "/restapi/v1.0/account/~/extension/~/message-store",
    "/restapi/v1.0/account/~/telephony/sessions",
    "/restapi/v1.0/glip/posts",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    /// The filter decides: whatever is done to the body of a WebHook notification (its
    /// `eventType` and `phoneNumberInfo` included), under another resource's filter it is
    /// another event, on both routes.
    #[test]
    fn another_resources_filter_makes_another_event_whatever_the_body(
        which in prop::sample::select(vec![0usize, 1, 4]),
        mutations in prop::collection::vec(mutation(), 0..4),
        filter in prop::sample::select(OTHER_FILTERS),
        strict in any::<bool>(),
    ) {
        let mut j = base(which);
        let J::Obj(members) = &mut j else { unreachable!("a WebHook body is an object") };
        for (key, value) in members.iter_mut() {
            if key == "event" {
                *value = J::Str(filter.into());
            }
        }
        let body = members.iter_mut().find(|(k, _)| k == "body").map(|(_, b)| b).unwrap();
        for m in &mutations {
            apply(body, m);
        }
        let text = to_text(&j, &[0]);
        let options = ValidateOptions { strict, ..ValidateOptions::default() };
        let report = validate(&text, &options);
        prop_assert_eq!(report.kind, Kind::OtherEvent, "{}", text);
        prop_assert_eq!(&report, &validate_tree(&text, &options));
    }
}

proptest! {
    // Single mutations of valid notifications reach each rule's boundary often: one value or
    // member changed, everything else still clean, which is where the fast path must refuse.
    #![proptest_config(ProptestConfig { cases: 5000, ..ProptestConfig::default() })]

    #[test]
    fn the_fast_path_and_the_tree_agree_on_singly_mutated_notifications(
        which in 0usize..FIXTURES.len(),
        m in mutation(),
        strict in any::<bool>(),
    ) {
        let mut j = base(which);
        apply(&mut j, &m);
        let text = to_text(&j, &[0]);
        let options = ValidateOptions { strict, ..ValidateOptions::default() };
        let report = validate(&text, &options);
        prop_assert_eq!(&report, &validate_tree(&text, &options));
        check_clean_route(text.as_bytes(), &report, options.max_depth)?;
        check_fast_report(text.as_bytes(), &report, &options)?;
    }
}

/// Fixture `which` with `mutations` made and `ws` as its white space, its report through the
/// tree, and through the fast path where it answers (held equal to the tree's, with every
/// other route's).
fn mutated_routes(
    which: usize,
    mutations: &[Mutation],
    ws: &[u8],
    options: &ValidateOptions,
) -> Result<
    (
        String,
        cc_number_events::Report,
        Option<cc_number_events::Report>,
    ),
    TestCaseError,
> {
    let mut j = base(which);
    for m in mutations {
        apply(&mut j, m);
    }
    let text = to_text(&j, ws);
    let tree = validate_tree(&text, options);
    prop_assert_eq!(&validate(&text, options), &tree);
    check_fast_report(text.as_bytes(), &tree, options)?;
    let fast = validate_fast_only(&text, options);
    if let Some(fast) = &fast {
        prop_assert_eq!(fast, &tree);
    }
    Ok((text, tree, fast))
}

/// Codes the fast path reports itself (`checks::remarks`).
const REMARKED: &[&str] = &[
    "unknown-field",
    "numeric-id",
    "event-filter-placeholder",
    "empty-uri",
    "subscription-id-format",
    "unknown-payment-type",
    "unknown-status",
    "unknown-usage-type",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    /// Valid notifications given the warnings of real traffic and of the documentation sample
    /// (members added, ids as numbers, the placeholder, an empty uri...): the fast path gives
    /// the tree's report, and a WebHook notification with only such warnings stays on it
    /// (so the speed cannot quietly fall back to the tree).
    #[test]
    fn warned_notifications_stay_on_the_fast_path_with_the_trees_report(
        which in 0usize..FIXTURES.len(),
        mutations in prop::collection::vec(
            prop_oneof![
                (any::<usize>(), any::<usize>(), any::<usize>())
                    .prop_map(|(a, b, c)| Mutation::Add(a, b, c)),
                (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::Warn(a, b)),
            ],
            0..5,
        ),
        ws in prop::collection::vec(any::<u8>(), 0..8),
        strict in any::<bool>(),
        max_issues in 1usize..6,
    ) {
        let options = ValidateOptions { strict, max_issues, ..ValidateOptions::default() };
        let (text, tree, fast) = mutated_routes(which, &mutations, &ws, &options)?;
        let webhook = matches!(tree.delivery, cc_number_events::Delivery::WebHook);
        let remarked = tree.warnings.iter().all(|w| REMARKED.contains(&w.code.as_str()));
        // Escapes and control characters are the tree's to read.
        if tree.valid && webhook && remarked && !text.contains('\\') && tree.warnings.len() <= max_issues {
            prop_assert!(fast.is_some(), "the fast path gave up on {}", text);
        }
        let s = summarize(&text, &SummarizeOptions::default());
        prop_assert_eq!(&s, &summarize_tree(&text, &SummarizeOptions::default()));
    }
}

/// Errors the fast path locates itself (`checks::remarks`), beside the warnings it remarks on.
const LOCATED: &[&str] = &[
    "missing-field",
    "wrong-type",
    "invalid-uuid",
    "invalid-event-filter",
    "invalid-timestamp",
    "invalid-id",
    "invalid-event-type",
    "invalid-phone-number",
    "unassigned-country-code",
    "invalid-area-code",
    "invalid-number-type",
    "usage-type-mismatch",
    "invalid-uri",
    "uri-mismatch",
    "too-many-issues",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    /// Notifications made invalid by members dropped or given other values (and warned on):
    /// the fast path gives the tree's report, and a WebHook notification of this event whose
    /// every issue it locates itself stays on it (so invalid payloads cannot quietly fall back
    /// to the tree).
    #[test]
    fn invalid_notifications_stay_on_the_fast_path_with_the_trees_report(
        which in 0usize..FIXTURES.len(),
        mutations in prop::collection::vec(
            prop_oneof![
                (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::Drop(a, b)),
                (any::<usize>(), any::<usize>(), any::<usize>())
                    .prop_map(|(a, b, c)| Mutation::Retype(a, b, c)),
                (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::Warn(a, b)),
            ],
            1..4,
        ),
        ws in prop::collection::vec(any::<u8>(), 0..8),
        strict in any::<bool>(),
        max_issues in 1usize..6,
    ) {
        let options = ValidateOptions { strict, max_issues, ..ValidateOptions::default() };
        let (text, tree, fast) = mutated_routes(which, &mutations, &ws, &options)?;
        let this_event = tree.kind == cc_number_events::Kind::ContactCenterPhoneNumber
            && matches!(tree.delivery, cc_number_events::Delivery::WebHook);
        let located = tree.errors.iter().chain(&tree.warnings).all(|i| {
            let code = i.code.as_str();
            REMARKED.contains(&code) || LOCATED.contains(&code)
        });
        // Escapes and control characters are the tree's to read.
        if this_event && located && !text.contains('\\') {
            prop_assert!(fast.is_some(), "the fast path gave up on {}", text);
        }
    }
}
