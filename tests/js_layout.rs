//! The encodings that cross to JavaScript are declared once on each side: the constants of
//! src/js/assemble.js, src/js/lane.js and src/js/options.js against their Rust twins
//! (src/js/encode.rs, src/output/write.rs, src/js/options.rs), so that neither side can
//! change alone.
#![cfg(not(target_arch = "wasm32"))]

use cc_number_events::__private as p;
use std::path::Path;

fn js(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src/js")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The value of `const NAME = ...;` at the top level of `src`, as written.
fn constant<'a>(src: &'a str, name: &str) -> &'a str {
    let line = src
        .lines()
        .find(|l| l.starts_with(&format!("const {name} = ")))
        .unwrap_or_else(|| panic!("no `const {name}` in the module"));
    let value = &line[format!("const {name} = ").len()..];
    value[..value.find(';').expect("a `;`")].trim()
}

/// A JavaScript integer literal: decimal or `0x` hexadecimal.
fn number(literal: &str) -> u32 {
    match literal.strip_prefix("0x") {
        Some(hex) => u32::from_str_radix(hex, 16).unwrap(),
        None => literal.parse().unwrap(),
    }
}

/// The single-quoted strings of `text`, in order.
fn quoted(text: &str) -> Vec<&str> {
    text.split('\'').skip(1).step_by(2).collect()
}

#[test]
fn sentinels_are_the_same_on_both_sides() {
    let src = js("assemble.js");
    assert_eq!(number(constant(&src, "ABSENT")), p::ABSENT);
    assert_eq!(number(constant(&src, "IN_TEXT")), p::IN_TEXT);
    assert_ne!(p::ABSENT, p::IN_TEXT);
    // A change's absent `from` in a summary's numbers (src/output/numbers.rs) is read as one.
    assert_eq!(p::NO_VALUE, p::ABSENT);
    // The slots of held strings, below the two sentinels and apart from each other.
    assert_eq!(number(constant(&src, "HELD")), p::HELD);
    assert_eq!(number(constant(&src, "HOLD")), p::HOLD);
    let slots = p::HELD_SLOTS as u32;
    assert!(p::HOLD + slots <= p::HELD && p::HELD + slots <= p::IN_TEXT);
    // The sentence's quotation marks, apart: above the held strings' slots, below IN_TEXT; its
    // marks' two numbers follow the spans, read right after it as the last value.
    assert_eq!(number(constant(&src, "SPLICED")), p::SPLICED);
    assert!(p::HELD + slots <= p::SPLICED && p::SPLICED < p::IN_TEXT);
    assert_eq!(p::REPORT_VALUES.last(), Some(&"sentence"));
    // Issue templates: below the held strings' slots, kept after them in JavaScript's list.
    assert_eq!(number(constant(&src, "TEMPLATE")), p::TEMPLATE);
    assert_eq!(number(constant(&src, "NEW_TEMPLATE")), p::NEW_TEMPLATE);
    assert_eq!(number(constant(&src, "TEMPLATES_FROM")), slots);
    let templates = p::TEMPLATE_SLOTS as u32;
    assert!(p::NEW_TEMPLATE + templates <= p::TEMPLATE && p::TEMPLATE + templates <= p::HOLD);
}

#[test]
fn the_kinds_of_encoded_values_are_the_same_on_both_sides() {
    let src = js("assemble.js");
    let kinds = [
        ("VALID", p::VALID),
        ("INVALID", p::INVALID),
        ("THROWN", p::THROWN),
        ("TOKENS", p::TOKENS),
        ("EVENT", p::EVENT),
        ("SUMMARY", p::SUMMARY),
    ];
    same_and_distinct(&src, "kind", &kinds);
    // The lane throws what `assemble` made of parse's error.
    assert_eq!(number(constant(&js("lane.js"), "LANE_THROWN")), p::THROWN);
}

#[test]
fn the_lane_reads_its_header_in_the_same_order() {
    let src = js("lane.js");
    // `const kind = u32[h], at = u32[h + 1], ...`: the names in the order of the words.
    let line = src
        .lines()
        .find(|l| l.trim_start().starts_with("const kind = u32[h]"))
        .expect("the header's line");
    let names: Vec<&str> = line
        .trim()
        .trim_start_matches("const ")
        .trim_end_matches(';')
        .split(", ")
        .enumerate()
        .map(|(k, part)| {
            let (name, word) = part.split_once(" = ").unwrap();
            let want = match k {
                0 => "u32[h]".to_string(),
                k => format!("u32[h + {k}]"),
            };
            assert_eq!(word, want, "{name} is word {k}");
            name
        })
        .collect();
    assert_eq!(names, p::LANE_HEADER);
}

#[test]
fn token_tags_are_the_same_on_both_sides() {
    let src = js("assemble.js");
    let tags = [
        ("NULL", p::NULL),
        ("FALSE", p::FALSE),
        ("TRUE", p::TRUE),
        ("NUMBER", p::NUMBER),
        ("STRING", p::STRING),
        ("OBJECT", p::OBJECT),
        ("ARRAY", p::ARRAY),
        ("END", p::END),
        ("NEW_KEY", p::NEW_KEY),
        ("KEY", p::KEY),
        ("SHAPE", p::SHAPE),
    ];
    same_and_distinct(&src, "token tag", &tags);
}

#[test]
fn each_shapes_literal_has_its_keys_in_order() {
    let src = js("assemble.js");
    let body = &src[src.find("function shaped(n) {").expect("shaped()")..];
    let body = &body[..body.find("\n}\n").unwrap()];
    // `case 0: return { time: value(), uuid: value(), ... };`, one line a shape.
    let cases: Vec<&str> = body
        .lines()
        .filter_map(|l| l.trim().strip_prefix("case "))
        .collect();
    assert_eq!(cases.len(), p::SHAPES.len());
    for (n, (case, shape)) in cases.iter().zip(p::SHAPES).enumerate() {
        let literal = case
            .strip_prefix(&format!("{n}: return {{ "))
            .and_then(|l| l.strip_suffix(" };"))
            .unwrap_or_else(|| panic!("case {n}: {case}"));
        let keys: Vec<&str> = literal
            .split(", ")
            .map(|m| m.strip_suffix(": value()").unwrap_or_else(|| panic!("{m}")))
            .collect();
        assert_eq!(keys, shape.keys, "shape {n}, {}", shape.name);
    }
}

/// Each of `constants` has its Rust value in `src`, and each means one thing.
fn same_and_distinct(src: &str, what: &str, constants: &[(&str, u32)]) {
    for &(name, rust) in constants {
        assert_eq!(number(constant(src, name)), rust, "{what} {name}");
    }
    let mut values: Vec<u32> = constants.iter().map(|c| c.1).collect();
    values.sort();
    values.dedup();
    assert_eq!(values.len(), constants.len(), "{what}s");
}

#[test]
fn a_valid_reports_values_come_in_the_same_order() {
    let src = js("assemble.js");
    let body = &src[src.find("function validReport(").unwrap()..];
    // `const delivery = next(input), uuid = next(input), ...`: the names in the order they
    // are read (the time by `again`, the sentence by `sentenceOf`, which reads its marks after
    // the spans).
    let mut reads: Vec<_> = body.match_indices(" = next(input)").collect();
    reads.extend(body.match_indices(" = sentenceOf(input)"));
    reads.extend(body.match_indices(" = again(input, "));
    reads.sort();
    let names: Vec<&str> = reads
        .into_iter()
        .map(|(at, _)| {
            let before = &body[..at];
            let start = before
                .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .map_or(0, |i| i + 1);
            &before[start..]
        })
        .collect();
    assert_eq!(names, p::REPORT_VALUES);
    assert_eq!(2 * names.len(), std::mem::size_of::<p::Spans>() / 4);
}

#[test]
fn option_names_are_the_same_on_both_sides() {
    let src = js("options.js");
    let start = src.find("const OPTION_NAMES = [").unwrap();
    let end = start + src[start..].find("];").unwrap();
    let lists: Vec<Vec<&str>> = src[start..end]
        .lines()
        .skip(1)
        .map(quoted)
        .filter(|l| !l.is_empty())
        .collect();
    // `readOptions(options, which)` takes `which` as `OptionsOf as u32`.
    let of = [
        p::OptionsOf::Parse,
        p::OptionsOf::Validate,
        p::OptionsOf::Summarize,
    ];
    assert_eq!(lists.len(), of.len());
    for (which, of) in of.into_iter().enumerate() {
        assert_eq!(of as usize, which);
        assert_eq!(lists[which], of.names(), "{of:?}");
    }
    assert_eq!(p::OptionsOf::Parse.names(), p::PARSE_OPTION_NAMES);
    assert_eq!(p::OptionsOf::Validate.names(), p::VALIDATE_OPTION_NAMES);
    assert_eq!(p::OptionsOf::Summarize.names(), p::SUMMARY_OPTION_NAMES);
}

#[test]
fn every_label_of_the_options_snapshot_is_read() {
    let src = js("options.js");
    let read = &src[src.find("export function readOptions").unwrap()..];
    // The labels the module declares, and the `typeof`s it passes on as labels: every type
    // but the boolean and the number (kept as values) and undefined (left out).
    let mut labels: Vec<String> = ["NULL", "ARRAY", "UNREADABLE"]
        .iter()
        .map(|name| quoted(constant(&src, name))[0].to_string())
        .collect();
    labels.extend(["string", "bigint", "symbol", "function", "object"].map(String::from));
    assert!(read.contains("label = typeof v"));
    assert!(read.contains("'object'"));
    for label in &labels {
        assert!(p::OptionValue::of_label(label).is_some(), "label {label:?}");
    }
    for kept in ["boolean", "number", "undefined"] {
        assert!(p::OptionValue::of_label(kept).is_none(), "{kept}");
    }
}
