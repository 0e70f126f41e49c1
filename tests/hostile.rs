//! Hostile input: every case of `tests/hostile/catalog.json` ends in a report (or a clear
//! options error) within a bounded time, with every issue inside the input. The same catalog
//! runs through the npm package in `tests/js/hostile.test.mjs`.
//!
//! Catalog format (read with this crate's own parser):
//! - `input`: parts, concatenated: a string; `{"repeat": s, "times": n}`; `{"hex": h}`;
//!   `{"repeatHex": h, "times": n}`; `{"utf16le": s}` / `{"utf16be": s}`; or
//!   `{"valid": base, "replace": [[from, to], ...], "splice": {...}, "spliceHex": {...}}`:
//!   a base notification with text replaced, then the marker `at` replaced by `repeat`
//!   `times` times (`#` numbered when `numbered`), or by the bytes `hex`.
//! - `options` (validate) and `summaryOptions` (summarize; defaults to `options`).
//! - `expect`: `valid`, `kind`, `errors` / `warnings` (codes that must be there),
//!   `maxMessage` / `maxPath` (bytes in any message, hint or path), `maxIssues`,
//!   `htmlVerbatim` (the HTML is quoted as it was, for the caller to escape).
//! - `summary`: `events`, `valid`, `invalid`, `limitReached`, `issuesNotListed`, and
//!   `problems` (codes that must appear among the log's problems).
//! - `heavy`: 100 MB-class inputs; run in release builds only (`make test` runs
//!   `cargo test --release --test hostile`).
//!
//! The rest of this file holds regression tests for what fuzzing and review found.
#![cfg(not(target_arch = "wasm32"))]

use cc_number_events::boundary::{options_from_json, summary_options_from_json};
use cc_number_events::json::{Node, Parser, Value};
use cc_number_events::summary::{summarize, Summary};
use cc_number_events::{validate, Issue, Options, Report};
use std::time::{Duration, Instant};

/// Generous: the slowest heavy case takes well under a second in release builds.
const BUDGET: Duration = Duration::from_secs(20);

fn catalog_text() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/hostile/catalog.json"
    ))
    .expect("catalog")
}

fn hex(h: &str) -> Vec<u8> {
    (0..h.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&h[i..i + 2], 16).expect("hex"))
        .collect()
}

fn num(n: &Node) -> usize {
    match &n.value {
        Value::Number(t) => t.parse::<f64>().expect("number") as usize,
        _ => panic!("not a number"),
    }
}

fn s<'n>(n: &'n Node, key: &str) -> Option<&'n str> {
    n.get(key).and_then(Node::as_str)
}

fn replace_bytes(haystack: &[u8], needle: &[u8], with: &[u8]) -> Vec<u8> {
    let at = haystack
        .windows(needle.len())
        .position(|w| w == needle)
        .unwrap_or_else(|| panic!("marker {:?} not found", String::from_utf8_lossy(needle)));
    let mut out = haystack[..at].to_vec();
    out.extend_from_slice(with);
    out.extend_from_slice(&haystack[at + needle.len()..]);
    out
}

fn build(part: &Node, bases: &Node) -> Vec<u8> {
    if let Some(text) = part.as_str() {
        return text.as_bytes().to_vec();
    }
    if let Some(r) = s(part, "repeat") {
        return r.repeat(num(part.get("times").unwrap())).into_bytes();
    }
    if let Some(h) = s(part, "hex") {
        return hex(h);
    }
    if let Some(h) = s(part, "repeatHex") {
        return hex(h).repeat(num(part.get("times").unwrap()));
    }
    if let Some(t) = s(part, "utf16le") {
        return t.encode_utf16().flat_map(u16::to_le_bytes).collect();
    }
    if let Some(t) = s(part, "utf16be") {
        return t.encode_utf16().flat_map(u16::to_be_bytes).collect();
    }
    let base = s(part, "valid").expect("part kind");
    let mut text = bases.get(base).and_then(Node::as_str).unwrap().to_string();
    if let Some(Value::Array(pairs)) = part.get("replace").map(|n| &n.value) {
        for pair in pairs {
            let Value::Array(p) = &pair.value else {
                panic!()
            };
            let (from, to) = (p[0].as_str().unwrap(), p[1].as_str().unwrap());
            assert!(text.contains(from), "{from} not in the base");
            text = text.replacen(from, to, 1);
        }
    }
    let mut bytes = text.into_bytes();
    if let Some(sp) = part.get("splice") {
        let unit = s(sp, "repeat").unwrap();
        let times = num(sp.get("times").unwrap());
        let with = if sp.get("numbered").is_some() {
            let mut w = String::with_capacity(unit.len() * times + times * 6);
            for i in 0..times {
                w.push_str(&unit.replace('#', &i.to_string()));
            }
            w
        } else {
            unit.repeat(times)
        };
        bytes = replace_bytes(&bytes, s(sp, "at").unwrap().as_bytes(), with.as_bytes());
    }
    if let Some(sp) = part.get("spliceHex") {
        bytes = replace_bytes(
            &bytes,
            s(sp, "at").unwrap().as_bytes(),
            &hex(s(sp, "hex").unwrap()),
        );
    }
    bytes
}

/// The input of a case, as bytes.
fn input_of(case: &Node, bases: &Node) -> Vec<u8> {
    let Some(Value::Array(parts)) = case.get("input").map(|n| &n.value) else {
        panic!("input")
    };
    parts.iter().flat_map(|p| build(p, bases)).collect()
}

fn codes<'n>(n: Option<&'n Node>) -> Vec<&'n str> {
    match n.map(|n| &n.value) {
        Some(Value::Array(items)) => items.iter().filter_map(Node::as_str).collect(),
        _ => Vec::new(),
    }
}

/// What every issue must satisfy: inside the input, 1-based, consistent.
fn check_issue(name: &str, i: &Issue, len: u32) {
    assert!(
        i.offset.checked_add(i.length).is_some_and(|e| e <= len),
        "{name}: issue outside the input ({len} units): {i:?}"
    );
    assert!(
        i.line >= 1 && i.column >= 1 && i.column <= i.offset + 1,
        "{name}: {i:?}"
    );
    assert!(!i.message.is_empty(), "{name}: {i:?}");
}

fn utf16_len(bytes: &[u8]) -> u32 {
    String::from_utf8_lossy(bytes).encode_utf16().count() as u32
}

fn check_report(name: &str, r: &Report, expect: &Node, len: u32, src: &str) {
    for i in r.errors.iter().chain(&r.warnings) {
        check_issue(name, i, len);
    }
    assert_eq!(r.valid, r.event.is_some(), "{name}");
    assert_eq!(r.valid, r.change.is_some(), "{name}");
    assert!(!r.valid || r.errors.is_empty(), "{name}");
    assert!(
        r.valid || !r.errors.is_empty(),
        "{name}: invalid without an error"
    );
    if let Some(Value::Bool(v)) = expect.get("valid").map(|n| &n.value) {
        assert_eq!(r.valid, *v, "{name}: valid; errors {:#?}", r.errors);
    }
    if let Some(k) = s(expect, "kind") {
        assert_eq!(r.kind.as_str(), k, "{name}: kind");
    }
    let got = |list: &[Issue]| list.iter().map(|i| i.code.as_str()).collect::<Vec<_>>();
    for code in codes(expect.get("errors")) {
        assert!(
            got(&r.errors).contains(&code),
            "{name}: no {code} error in {:?}",
            got(&r.errors)
        );
    }
    for code in codes(expect.get("warnings")) {
        assert!(
            got(&r.warnings).contains(&code),
            "{name}: no {code} warning in {:?}",
            got(&r.warnings)
        );
    }
    let all = || r.errors.iter().chain(&r.warnings);
    if let Some(max) = expect.get("maxMessage").map(num) {
        for i in all() {
            let text = i.message.len() + i.hint.as_ref().map_or(0, String::len);
            assert!(text <= max, "{name}: {} bytes of message", text);
        }
    }
    if let Some(max) = expect.get("maxPath").map(num) {
        for i in all() {
            assert!(
                i.path.len() <= max,
                "{name}: path of {} bytes",
                i.path.len()
            );
        }
    }
    if let Some(max) = expect.get("maxIssues").map(num) {
        assert!(all().count() <= max, "{name}: {} issues", all().count());
    }
    if expect.get("htmlVerbatim").is_some() {
        let html = "<script>alert(1)</script>";
        assert!(src.contains(html));
        assert!(all().any(|i| i.message.contains(html)), "{name}");
    }
}

fn check_summary(name: &str, s: &Summary, expect: Option<&Node>, len: u32) {
    let mut listed = 0;
    for p in &s.problems {
        for i in &p.issues {
            check_issue(name, i, len);
            listed += 1;
        }
    }
    let _ = listed;
    assert_eq!(
        s.events,
        s.valid + s.invalid + s.other + s.duplicates,
        "{name}: counts"
    );
    let Some(expect) = expect else { return };
    for (key, got) in [
        ("events", s.events),
        ("valid", s.valid),
        ("invalid", s.invalid),
        ("issuesNotListed", s.issues_not_listed),
    ] {
        if let Some(n) = expect.get(key) {
            assert_eq!(got, num(n), "{name}: summary {key}");
        }
    }
    if let Some(Value::Bool(b)) = expect.get("limitReached").map(|n| &n.value) {
        assert_eq!(s.limit_reached, *b, "{name}: limitReached");
    }
    for code in codes(expect.get("problems")) {
        assert!(
            s.problems
                .iter()
                .flat_map(|p| &p.issues)
                .any(|i| i.code.as_str() == code),
            "{name}: no {code} among the log's problems"
        );
    }
}

fn timed<T>(name: &str, what: &str, f: impl FnOnce() -> T) -> T {
    let t = Instant::now();
    let out = f();
    let took = t.elapsed();
    assert!(took < BUDGET, "{name}: {what} took {took:?}");
    out
}

fn run_catalog(heavy: bool) -> usize {
    let text = catalog_text();
    let parsed = Parser::new(&text, 0, 16).parse_value_at().expect("catalog");
    let root = parsed.root;
    let bases = root.get("bases").unwrap();
    let Some(Value::Array(cases)) = root.get("cases").map(|n| &n.value) else {
        panic!()
    };
    let mut ran = 0;
    let mut failed = Vec::new();
    for case in cases {
        if case.get("heavy").is_some() != heavy {
            continue;
        }
        let name = s(case, "name").unwrap();
        let opts_text = case
            .get("options")
            .map_or("", |n| &text[n.span.start..n.span.end]);
        let sopts_text = case
            .get("summaryOptions")
            .map_or(opts_text, |n| &text[n.span.start..n.span.end]);
        let options: Options = options_from_json(opts_text).expect(name);
        let soptions = summary_options_from_json(sopts_text).expect(name);
        let outcome = std::panic::catch_unwind(|| {
            let input = input_of(case, bases);
            let len = utf16_len(&input);
            let report = timed(name, "validate", || validate(&input, &options));
            check_report(
                name,
                &report,
                case.get("expect").unwrap(),
                len,
                &String::from_utf8_lossy(&input),
            );
            let summary = timed(name, "summarize", || summarize(&input, &soptions));
            check_summary(name, &summary, case.get("summary"), len);
        });
        if outcome.is_err() {
            failed.push(name);
        }
        ran += 1;
    }
    assert!(failed.is_empty(), "failed: {failed:#?}");
    ran
}

#[test]
fn the_catalog_holds_at_least_60_cases() {
    let text = catalog_text();
    let parsed = Parser::new(&text, 0, 16).parse_value_at().unwrap();
    let Some(Value::Array(cases)) = parsed.root.get("cases").map(|n| &n.value) else {
        panic!()
    };
    assert!(cases.len() >= 60, "{}", cases.len());
    let mut names: Vec<&str> = cases.iter().map(|c| s(c, "name").unwrap()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), cases.len(), "case names are unique");
}

/// Runs the catalog on a thread with the main thread's usual 8 MiB stack: unoptimised debug
/// frames are several times larger than release ones, and a 2,000-deep document (the hard
/// limit) needs more than a test thread's 2 MiB in debug builds (under 1 MiB in release,
/// which is what WebAssembly gets; `tests/js/hostile.test.mjs` checks it there).
fn run_catalog_on_big_stack(heavy: bool) -> usize {
    std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(move || run_catalog(heavy))
        .unwrap()
        .join()
        .unwrap()
}

#[test]
fn every_light_catalog_case_ends_in_a_bounded_report() {
    assert!(run_catalog_on_big_stack(false) > 50);
}

#[test]
#[cfg_attr(debug_assertions, ignore = "100 MB inputs: run with --release")]
fn every_heavy_catalog_case_ends_in_a_bounded_report() {
    assert!(run_catalog_on_big_stack(true) >= 5);
}

// ---------------------------------------------------------------------------------------
// Limits, end to end, with the error a caller sees past each.

const VALID: &str = include_str!("fixtures/validate/webhook-created.json");

#[test]
fn each_limit_is_named_in_its_error() {
    let r = validate(
        VALID,
        &options_from_json(r#"{"maxInputBytes": 10}"#).unwrap(),
    );
    assert_eq!(r.errors[0].code.as_str(), "input-too-large");
    assert!(r.errors[0].message.contains("`maxInputBytes`"));

    let r = validate(
        "[[[[1]]]]",
        &options_from_json(r#"{"maxDepth": 3}"#).unwrap(),
    );
    assert_eq!(r.errors[0].code.as_str(), "json-too-deep");
    assert_eq!((r.errors[0].offset, r.errors[0].column), (3, 4));
    assert!(r.errors[0].hint.as_deref().unwrap().contains("`maxDepth`"));

    let r = validate("{}", &options_from_json(r#"{"maxIssues": 1}"#).unwrap());
    assert_eq!(r.errors.len(), 1);
    let bad = r#"{"uuid": 1, "event": 2, "timestamp": 3}"#;
    let r = validate(bad, &options_from_json(r#"{"maxIssues": 1}"#).unwrap());
    assert_eq!(r.errors.len(), 1);
    let last = r.warnings.last().unwrap();
    assert_eq!(last.code.as_str(), "too-many-issues");
    assert!(last.message.contains("`maxIssues`"), "{}", last.message);

    let log = "{}\n".repeat(10);
    let s = summarize(
        &log,
        &summary_options_from_json(r#"{"maxItems": 4}"#).unwrap(),
    );
    assert!(s.limit_reached);
    assert_eq!(s.events, 4, "the work done so far is reported");
    let p = s.problems.last().unwrap();
    assert_eq!(p.issues[0].code.as_str(), "too-many-items");
    assert!(p.issues[0].message.contains("`maxItems`"));
    assert_eq!((p.index, p.issues[0].line), (Some(4), 5));

    let s = summarize(
        &log,
        &summary_options_from_json(r#"{"maxLogIssues": 3}"#).unwrap(),
    );
    let listed: usize = s.problems.iter().map(|p| p.issues.len()).sum();
    assert_eq!(listed, 3);
    assert_eq!(s.issues_not_listed, 7);
    assert_eq!(s.events, 10);
}

#[test]
fn summarize_has_its_own_larger_input_limit() {
    let s = summarize(
        VALID,
        &summary_options_from_json(r#"{"maxInputBytes": 100}"#).unwrap(),
    );
    assert_eq!(s.events, 0);
    assert_eq!(s.problems[0].index, None);
    assert_eq!(s.problems[0].issues[0].code.as_str(), "input-too-large");
}

// ---------------------------------------------------------------------------------------
// Lone surrogates from JavaScript strings (the wasm glue replaces them with U+FFFD).

#[test]
fn a_lone_surrogate_from_a_js_string_is_a_located_error() {
    use cc_number_events::boundary::{summarize_js, validate_js};
    // As JavaScript sees it: `{"location": "é\uD800"}` with a real lone surrogate at index
    // 15; the glue hands over UTF-8 with U+FFFD in its place.
    let text = "{\"location\": \"é\u{FFFD}\"}";
    let r = validate_js(text.as_bytes(), &Options::default(), Some((15, 0xD800)));
    assert!(!r.valid);
    let e = r.errors.iter().find(|e| e.offset > 0).unwrap();
    assert_eq!(e.code.as_str(), "json-lone-surrogate");
    assert_eq!((e.offset, e.length, e.line, e.column), (15, 1, 1, 16));
    assert!(e.message.contains("U+D800"), "{}", e.message);
    let s = summarize_js(text.as_bytes(), &Default::default(), Some((15, 0xD800)));
    assert_eq!(
        s.problems[0].index, None,
        "a problem of the input as a whole"
    );
    let i = &s.problems[0].issues[0];
    assert_eq!((i.code.as_str(), i.offset), ("json-lone-surrogate", 15));
    // A valid notification with one: no longer valid, located where the surrogate was.
    let payload = VALID.replace("Washington, DC", "Washington\u{FFFD}");
    let at = payload.find('\u{FFFD}').unwrap() as u32;
    let r = validate_js(
        payload.as_bytes(),
        &Options::default(),
        Some((at as usize, 0xDFFF)),
    );
    assert!(!r.valid && r.event.is_none());
    assert_eq!(r.errors[0].offset, at);
}
