//! The token serializer (`output::write`), natively: tokens decoded back here, as
//! `assemble` in src/js/assemble.js decodes them in JavaScript, make exactly the JSON text
//! `serde_json` writes of the same value, members in the same order: for every fixture's
//! report and summary, and for every shape serde can hand a serializer.
#![cfg(feature = "serde")]

use cc_number_events::__private::{
    summarize_split, to_tokens, FromJs, ARRAY, END, FALSE, KEY, NEW_KEY, NO_VALUE, NULL, NUMBER,
    OBJECT, SHAPE, SHAPES, STRING, TRUE,
};
use cc_number_events::{summarize, validate, SummarizeOptions, ValidateOptions};
use serde::Serialize;
use std::fs;
use std::path::Path;

/// `assemble`, writing JSON text instead of building objects.
struct Decoder<'a> {
    nums: &'a [u32],
    text: Vec<u16>,
    at: usize,
    i: usize,
    keys: Vec<String>,
    /// How many structs of each of `SHAPES` were read.
    shaped: Vec<usize>,
}

impl Decoder<'_> {
    fn next(&mut self) -> u32 {
        self.i += 1;
        self.nums[self.i - 1]
    }

    fn str(&mut self) -> String {
        let n = self.next() as usize;
        self.at += n;
        String::from_utf16(&self.text[self.at - n..self.at]).expect("whole characters")
    }

    fn value(&mut self, out: &mut String) {
        match self.next() {
            NULL => out.push_str("null"),
            FALSE => out.push_str("false"),
            TRUE => out.push_str("true"),
            NUMBER => {
                let low = u64::from(self.next());
                let high = u64::from(self.next());
                out.push_str(&(high << 32 | low).to_string());
            }
            STRING => {
                let s = self.str();
                out.push_str(&serde_json::to_string(&s).unwrap());
            }
            OBJECT => {
                out.push('{');
                let mut first = true;
                loop {
                    let key = match self.next() {
                        END => break,
                        NEW_KEY => {
                            let key = self.str();
                            self.keys.push(key.clone());
                            key
                        }
                        KEY => {
                            let id = self.next() as usize;
                            self.keys[id].clone()
                        }
                        tag => panic!("tag {tag} where a key or END goes"),
                    };
                    if !std::mem::take(&mut first) {
                        out.push(',');
                    }
                    out.push_str(&serde_json::to_string(&key).unwrap());
                    out.push(':');
                    self.value(out);
                }
                out.push('}');
            }
            ARRAY => {
                out.push('[');
                let mut first = true;
                while self.nums[self.i] != END {
                    if !std::mem::take(&mut first) {
                        out.push(',');
                    }
                    self.value(out);
                }
                self.i += 1;
                out.push(']');
            }
            SHAPE => {
                let n = self.next() as usize;
                self.shaped[n] += 1;
                out.push('{');
                for (k, key) in SHAPES[n].keys.iter().enumerate() {
                    if k > 0 {
                        out.push(',');
                    }
                    out.push_str(&serde_json::to_string(key).unwrap());
                    out.push(':');
                    self.value(out);
                }
                out.push('}');
            }
            tag => panic!("unknown tag {tag}"),
        }
    }
}

/// The JSON text of the value the tokens make; every number and unit of text used once. And
/// how many structs of each shape it holds.
fn decode(nums: &[u32], text: &str) -> (String, Vec<usize>) {
    let mut d = Decoder {
        nums,
        text: text.encode_utf16().collect(),
        at: 0,
        i: 0,
        keys: Vec::new(),
        shaped: vec![0; SHAPES.len()],
    };
    let mut out = String::new();
    d.value(&mut out);
    assert_eq!(d.i, nums.len(), "numbers left over");
    assert_eq!(d.at, d.text.len(), "text left over");
    (out, d.shaped)
}

/// The value's tokens make its JSON; how many structs of each shape they hold.
fn assert_same<T: Serialize + ?Sized>(value: &T, what: &str) -> Vec<usize> {
    let (nums, text) = to_tokens(value).unwrap();
    let (json, shaped) = decode(&nums, &text);
    assert_eq!(json, serde_json::to_string(value).unwrap(), "{what}");
    shaped
}

#[test]
fn every_fixture_report_and_summary_decodes_to_its_json() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut seen = 0;
    let mut shaped = vec![0; SHAPES.len()];
    let mut count = |more: Vec<usize>| shaped.iter_mut().zip(more).for_each(|(n, m)| *n += m);
    for kind in ["validate", "summarize"] {
        for entry in fs::read_dir(root.join(kind)).unwrap() {
            let path = entry.unwrap().path();
            let name = path.display().to_string();
            if name.ends_with(".expected") || name.ends_with(".rendered") {
                continue;
            }
            let bytes = fs::read(&path).unwrap();
            for strict in [false, true] {
                let plain = ValidateOptions {
                    strict,
                    ..ValidateOptions::default()
                };
                let rendered = ValidateOptions {
                    text: true,
                    markdown: true,
                    csv: true,
                    ..plain.clone()
                };
                assert_same(&validate(&bytes, &plain), &name);
                assert_same(&validate(&bytes, &rendered), &name);
            }
            let cut = SummarizeOptions {
                max_items: 3,
                max_log_issues: 1,
                max_output_bytes: Some(700),
                markdown: true,
                csv: true,
                ..SummarizeOptions::default()
            };
            count(assert_same(
                &summarize(&bytes, &SummarizeOptions::default()),
                &name,
            ));
            count(assert_same(&summarize(&bytes, &cut), &name));
            seen += 1;
        }
    }
    assert!(seen >= 50, "only {seen} fixtures");
    // Every shape was the struct it stands for at least once: in order, its keys are the
    // struct's serde names (else `to_tokens` panics in a debug build, and the JSON differs).
    for (shape, n) in SHAPES.iter().zip(&shaped) {
        assert!(
            *n > 0,
            "no {} of {} keys in any summary",
            shape.name,
            shape.keys.len()
        );
    }
}

/// `numbersOf` in src/js/assemble.js, writing the JSON text of the numbers instead of building
/// them, from `nums` and the text (in UTF-16 units) at `d`'s place.
fn decode_numbers(d: &mut Decoder) -> String {
    let json = |s: &str| serde_json::to_string(s).unwrap();
    let names: Vec<String> = (0..d.next()).map(|_| d.str()).collect();
    let wide = |d: &mut Decoder| u64::from(d.next()) | u64::from(d.next()) << 32;
    let mut numbers = Vec::new();
    for _ in 0..d.next() {
        let group = json(&names[d.next() as usize]);
        let (id, phone) = (json(&d.str()), json(&d.str()));
        let not_listed = wide(d);
        let mut entries = Vec::new();
        for _ in 0..d.next() {
            let (time, uuid) = (json(&d.str()), json(&d.str()));
            let event_type = json(&names[d.next() as usize]);
            let effect = json(&names[d.next() as usize]);
            let (index, line) = (wide(d), d.next());
            let mut changes = Vec::new();
            for _ in 0..d.next() {
                let field = json(&names[d.next() as usize]);
                let from = match d.nums[d.i] {
                    NO_VALUE => {
                        d.i += 1;
                        "null".to_string()
                    }
                    _ => json(&d.str()),
                };
                let to = json(&d.str());
                changes.push(format!(r#"{{"field":{field},"from":{from},"to":{to}}}"#));
            }
            entries.push(format!(
                r#"{{"time":{time},"uuid":{uuid},"eventType":{event_type},"effect":{effect},"index":{index},"line":{line},"changes":[{}]}}"#,
                changes.join(",")
            ));
        }
        numbers.push(format!(
            r#"{{"group":{group},"id":{id},"phoneNumber":{phone},"entriesNotListed":{not_listed},"timeline":[{}]}}"#,
            entries.join(",")
        ));
    }
    format!("[{}]", numbers.join(","))
}

/// What `summarize` hands JavaScript, its numbers apart (`summarize_split`), makes the JSON of
/// the summary: its numbers from their own layout, the rest from its tokens.
#[test]
fn every_fixture_summary_with_its_numbers_apart_decodes_to_its_json() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut seen = 0;
    // Each notification of the validate fixtures is a log of one item too.
    let dirs = [root.join("summarize"), root.join("validate")];
    for entry in dirs.iter().flat_map(|d| fs::read_dir(d).unwrap()) {
        let path = entry.unwrap().path();
        let name = path.display().to_string();
        if name.ends_with(".expected") || name.ends_with(".rendered") {
            continue;
        }
        let bytes = fs::read(&path).unwrap();
        let options = [
            SummarizeOptions::default(),
            SummarizeOptions {
                max_items: 3,
                max_log_issues: 1,
                max_output_bytes: Some(700),
                ..SummarizeOptions::default()
            },
            SummarizeOptions {
                last_entries: Some(1),
                ..SummarizeOptions::default()
            },
            SummarizeOptions {
                timelines: false,
                changed_only: true,
                ..SummarizeOptions::default()
            },
        ];
        for options in options {
            let whole = summarize(&bytes, &options);
            let (rest, numbers) = summarize_split(&bytes, &options, &FromJs::default());
            let (mut nums, text) = numbers.expect("the numbers apart");
            let (rest_nums, rest_text) = to_tokens(&rest).unwrap();
            let numbers_units = nums.len();
            nums.extend(rest_nums);
            let mut d = Decoder {
                nums: &nums,
                text: (text + &rest_text).encode_utf16().collect(),
                at: 0,
                i: 0,
                keys: Vec::new(),
                shaped: vec![0; SHAPES.len()],
            };
            let numbers = decode_numbers(&mut d);
            assert_eq!(d.i, numbers_units, "{name}");
            let mut json = String::new();
            d.value(&mut json);
            assert_eq!((d.i, d.at), (nums.len(), d.text.len()), "{name}: left over");
            assert_eq!(
                numbers,
                serde_json::to_string(&whole.numbers).unwrap(),
                "{name}"
            );
            // The rest is the whole summary but for its numbers, which it leaves empty.
            let empty = r#""numbers":[],"#;
            let with = format!(r#""numbers":{numbers},"#);
            assert_eq!(
                json.replacen(empty, &with, 1),
                serde_json::to_string(&whole).unwrap(),
                "{name}"
            );
            seen += 1;
        }
    }
    assert!(seen >= 200, "only {seen} summaries");
}

#[test]
fn a_shape_is_picked_by_its_name_and_number_of_keys_alone() {
    for (k, a) in SHAPES.iter().enumerate() {
        for b in &SHAPES[k + 1..] {
            assert!(
                a.name != b.name || a.keys.len() != b.keys.len(),
                "{}",
                a.name
            );
        }
    }
}

/// Named as a shaped struct, with the same number of keys, but others.
#[derive(Serialize)]
struct FieldChange {
    field: &'static str,
    to: u8,
    from: Option<u8>,
}

#[test]
#[cfg(debug_assertions)]
#[should_panic(expected = "not those of its shape")]
fn a_struct_unlike_its_shape_fails_a_debug_build() {
    let _ = to_tokens(&FieldChange {
        field: "status",
        to: 1,
        from: None,
    });
}

#[test]
#[cfg(not(debug_assertions))]
fn a_struct_unlike_its_shape_crosses_with_its_keys() {
    let value = [FieldChange {
        field: "status",
        to: 1,
        from: None,
    }];
    let shaped = assert_same(&value, "a struct unlike its shape");
    assert!(shaped.iter().all(|&n| n == 0));
}

#[derive(Serialize)]
enum Shape {
    Unit,
    Newtype(u8),
    Tuple(u16, Option<char>),
    Struct { a: bool, b: Option<u32> },
}

#[derive(Serialize)]
struct Wrapper(Vec<Shape>);

#[derive(Serialize)]
struct Everything {
    unit: (),
    tuple: (u64, &'static str, i32),
    shapes: Wrapper,
    again: Shape,
    #[serde(rename = "é\"😀")]
    odd_key: String,
    none: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    skipped: Option<String>,
}

#[test]
fn every_shape_decodes_to_what_serde_json_writes() {
    let value = Everything {
        unit: (),
        tuple: (u64::MAX, "x\u{0}\"\\\n😀", 7),
        shapes: Wrapper(vec![
            Shape::Unit,
            Shape::Newtype(255),
            Shape::Tuple(1, Some('😀')),
            Shape::Tuple(2, None),
            Shape::Struct {
                a: true,
                b: Some(1 << 31),
            },
        ]),
        again: Shape::Struct { a: false, b: None },
        odd_key: "é".repeat(3),
        none: None,
        skipped: None,
    };
    assert_same(&value, "everything");
    assert_same(&[[1u8, 2], [3, 4]], "nested arrays");
    assert_same(&Vec::<u8>::new(), "empty array");
    assert_same("", "empty string");
}

#[test]
fn each_key_crosses_once_then_by_number() {
    #[derive(Serialize)]
    struct Item {
        #[serde(rename = "é\"k")]
        k: &'static str,
        n: u64,
        b: bool,
        z: Option<u8>,
    }
    let items = [7u64, 1 << 40].map(|n| Item {
        k: "x😀",
        n,
        b: n == 7,
        z: None,
    });
    let (nums, text) = to_tokens(&items).unwrap();
    #[rustfmt::skip]
    assert_eq!(nums, [
        ARRAY,
        OBJECT, NEW_KEY, 3, STRING, 3, NEW_KEY, 1, NUMBER, 7, 0, NEW_KEY, 1, TRUE, NEW_KEY, 1, NULL, END,
        OBJECT, KEY, 0, STRING, 3, KEY, 1, NUMBER, 0, 256, KEY, 2, FALSE, KEY, 3, NULL, END,
        END,
    ]);
    assert_eq!(text, "é\"kx😀nbzx😀");
}

#[test]
fn values_the_tokens_cannot_carry_are_errors() {
    use std::collections::BTreeMap;
    let map: BTreeMap<String, u8> = [("__proto__".to_string(), 1)].into();
    let refused = [
        to_tokens(&1.5f64).unwrap_err(),
        to_tokens(&1f32).unwrap_err(),
        to_tokens(&-1i64).unwrap_err(),
        to_tokens(&map).unwrap_err(),
        to_tokens(&serde_bytes_like()).unwrap_err(),
    ];
    for e in &refused {
        assert!(e.to_string().ends_with("cannot be sent as tokens"), "{e}");
    }
    // Non-negative signed numbers are numbers.
    assert_eq!(to_tokens(&5i8).unwrap().0, [NUMBER, 5, 0]);
}

/// A value that serializes as bytes, as `serde_bytes` would make it.
fn serde_bytes_like() -> impl Serialize {
    struct Bytes;
    impl Serialize for Bytes {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_bytes(b"ab")
        }
    }
    Bytes
}
