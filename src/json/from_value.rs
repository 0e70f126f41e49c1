//! The parse tree of a value someone else already parsed (a JavaScript object through
//! `serde-wasm-bindgen`, a `serde_json::Value`): built by a serde visitor from any
//! self-describing `Deserializer`, so the same checks run on it as on text.
//!
//! There is no text, so nodes get no real spans: each node's span is its number in document
//! order (`n..n + 1`), which keeps issues in document order, and issues get no position. Two
//! things text would show cannot be seen here, and are said instead: duplicate keys (the
//! other parser kept one of each), and digits an integer past 2^53 lost (JavaScript numbers are
//! doubles).

use crate::diagnostics::codes::IssueCode;
use crate::diagnostics::issue::MAX_PATH_KEY;
use crate::diagnostics::problem::Problem;
use crate::json::{
    Member, Node, Parsed, Value, HARD_MAX_DEPTH, MAX_NOTES, MAX_PATH_BYTES, MAX_VALUES,
};
use crate::text::span::Span;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;
use std::fmt;

/// The largest integer a double holds exactly with every integer below it: 2^53.
const EXACT_LIMIT: f64 = 9_007_199_254_740_992.0;

/// What building a tree may use: the caller's `maxDepth`, and how many bytes of JSON text the
/// value may come to (its `maxInputBytes`).
#[derive(Clone, Copy, Debug)]
pub struct TreeLimits {
    pub max_depth: usize,
    pub max_bytes: usize,
}

/// The tree of an already-parsed value: `Ok` with the tree and its notes (always the
/// `duplicate-keys-unseen` warning first), `Err` when a limit stopped it (`json-too-deep`,
/// `input-too-large`), or the deserializer's own error, for a value JSON has no form for.
pub fn tree_from<'de, D: Deserializer<'de>>(
    value: D,
    limits: TreeLimits,
) -> Result<Result<Parsed<'static>, Box<Problem>>, D::Error> {
    let mut state = State {
        limits: TreeLimits {
            max_depth: limits.max_depth.min(HARD_MAX_DEPTH),
            ..limits
        },
        count: 0,
        bytes: 0,
        notes_dropped: 0,
        inexact: Vec::new(),
        stop: None,
    };
    let built = Build {
        state: &mut state,
        depth: 0,
    }
    .deserialize(value);
    let root = match (built, state.stop.take()) {
        (_, Some(mut stop)) => {
            stop.path.reverse();
            stop.path = shortened(stop.path);
            return Ok(Err(Box::new(stop)));
        }
        (Err(e), None) => return Err(e),
        (Ok(root), None) => root,
    };
    let mut notes = vec![unseen_duplicates()];
    if !state.inexact.is_empty() {
        let mut path = Vec::new();
        paths_of(&root, &mut state.inexact.as_slice(), &mut path, &mut notes);
    }
    Ok(Ok(Parsed {
        root,
        // No text: what the value comes to as JSON text, about (a log's items share its
        // `maxInputBytes`).
        end: state.bytes,
        notes,
        notes_dropped: state.notes_dropped,
    }))
}

/// The warning every report of a parsed value carries first: what the other parser did with
/// a repeated member name cannot be seen from here.
pub fn unseen_duplicates() -> Problem {
    Problem {
        code: IssueCode::DuplicateKeysUnseen,
        span: Span::new(0, 0),
        detail: "this value was parsed before it was passed in: a repeated member name (such as \
             two `eventType`s) kept only one of its values, and cannot be reported"
            .into(),
        hint: Some(
            "pass the raw body (a string, Uint8Array or ArrayBuffer) to have duplicate keys \
         reported and issues located"
                .into(),
        ),
        path: Vec::new(),
    }
}

struct State {
    limits: TreeLimits,
    /// Values built so far; also each node's number, for its span.
    count: usize,
    /// The JSON text the value comes to, about (separators and quotes counted).
    bytes: usize,
    notes_dropped: usize,
    /// Numbers of the nodes holding an inexact integer, in order, up to [`MAX_NOTES`]: their
    /// paths are found after the tree is built, so building keeps no path.
    inexact: Vec<usize>,
    /// What stopped building; its path is filled in, leaf first, as the visitors unwind.
    stop: Option<Problem>,
}

impl State {
    /// Counts one value of `bytes` bytes of text; false (and `stop` set) past a limit.
    fn count(&mut self, bytes: usize) -> bool {
        self.count += 1;
        self.bytes = self.bytes.saturating_add(bytes);
        if self.count > MAX_VALUES {
            self.stop(
                IssueCode::InputTooLarge,
                format!("this value holds more than {MAX_VALUES} values; reading stopped here"),
                "a notification holds a few dozen values: this is not one, or several were merged",
            );
            return false;
        }
        if self.bytes > self.limits.max_bytes {
            self.stop(
                IssueCode::InputTooLarge,
                format!(
                    "as JSON this value comes to more than {} bytes (`maxInputBytes`); reading \
                     stopped here",
                    self.limits.max_bytes
                ),
                "raise `maxInputBytes` if this size is expected",
            );
            return false;
        }
        true
    }

    fn stop(&mut self, code: IssueCode, detail: String, hint: &'static str) {
        self.stop = Some(Problem {
            code,
            span: Span::new(self.count, self.count + 1),
            detail,
            hint: Some(hint.into()),
            path: Vec::new(),
        });
    }

    fn leaf<E: de::Error>(
        &mut self,
        value: Value<'static>,
        bytes: usize,
    ) -> Result<Node<'static>, E> {
        if !self.count(bytes) {
            return Err(stopped());
        }
        Ok(Node {
            value,
            span: self.span(),
        })
    }

    fn span(&self) -> Span {
        Span::new(self.count - 1, self.count)
    }
}

/// Builds one node, `depth` containers deep.
struct Build<'s> {
    state: &'s mut State,
    depth: usize,
}

/// The error that unwinds the deserializer once `stop` is set: never shown, since
/// [`tree_from`] reports the stop instead.
fn stopped<E: de::Error>() -> E {
    E::custom("stopped at a limit")
}

impl Build<'_> {
    fn leaf<E: de::Error>(self, value: Value<'static>, bytes: usize) -> Result<Node<'static>, E> {
        self.state.leaf(value, bytes)
    }

    fn number<E: de::Error>(self, text: String, exact: bool) -> Result<Node<'static>, E> {
        let len = text.len();
        let node = self.state.leaf(Value::Number(Cow::Owned(text)), len)?;
        if !exact {
            if self.state.inexact.len() < MAX_NOTES {
                self.state.inexact.push(node.span.start);
            } else {
                self.state.notes_dropped += 1;
            }
        }
        Ok(node)
    }

    /// Enters a container: counted, and refused past `maxDepth`.
    fn open<E: de::Error>(&mut self) -> Result<Span, E> {
        if self.depth >= self.state.limits.max_depth {
            self.state.count += 1;
            let max = self.state.limits.max_depth;
            self.state.stop(
                IssueCode::JsonTooDeep,
                format!("nesting goes deeper than {max} levels"),
                "raise the `maxDepth` option if this depth is legitimate (a value that holds \
                 itself nests without end)",
            );
            return Err(stopped());
        }
        if !self.state.count(2) {
            return Err(stopped());
        }
        Ok(self.state.span())
    }

    fn child(&mut self) -> Build<'_> {
        Build {
            state: self.state,
            depth: self.depth + 1,
        }
    }

    /// Records `seg` in the stop's path, if the child just stopped building.
    fn unwinding(&mut self, seg: impl FnOnce() -> String) {
        if let Some(stop) = &mut self.state.stop {
            stop.path.push(seg());
        }
    }
}

impl<'de> DeserializeSeed<'de> for Build<'_> {
    type Value = Node<'static>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

/// A whole number as JSON text, and whether it is the number that was written.
fn integer_text(v: f64) -> (String, bool) {
    // Below 2^63 the integer types write it (-0 as 0, as JSON.stringify does); past that, it
    // is a double's text.
    let text = if v.abs() < 9_223_372_036_854_775_808.0 {
        crate::text::decimal::signed(v as i64)
    } else {
        float_text(v)
    };
    (text, v.abs() <= EXACT_LIMIT)
}

/// The shortest text that reads back as the same finite double. In WebAssembly it is
/// JavaScript's own (what `JSON.stringify` writes): Rust's float formatter would add about
/// 20 KB to the module for the rare fractional number in a notification.
#[cfg(target_arch = "wasm32")]
fn float_text(v: f64) -> String {
    js_sys::Number::from(v)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_default()
}

/// The shortest text that reads back as the same finite double.
#[cfg(not(target_arch = "wasm32"))]
fn float_text(v: f64) -> String {
    format!("{v}")
}

impl<'de> Visitor<'de> for Build<'_> {
    type Value = Node<'static>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        self.leaf(Value::Null, 4)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.leaf(Value::Null, 4)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        self.leaf(Value::Bool(v), 5)
    }

    // Integers that arrive as such (a JavaScript BigInt, serde_json's u64) kept every digit.
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        self.number(crate::text::decimal::signed(v), true)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        self.number(crate::text::decimal::unsigned(v), true)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        if !v.is_finite() {
            // As JSON.stringify writes NaN and the infinities.
            return self.leaf(Value::Null, 4);
        }
        if v.fract() == 0.0 {
            let (text, exact) = integer_text(v);
            return self.number(text, exact);
        }
        self.number(float_text(v), true)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        self.visit_string(v.to_string())
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        let len = v.len() + 2;
        self.leaf(Value::String(Cow::Owned(v)), len)
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<Self::Value, A::Error> {
        let start = self.open()?;
        let mut items = Vec::new();
        loop {
            match seq.next_element_seed(self.child()) {
                Ok(Some(node)) => items.push(node),
                Ok(None) => break,
                Err(e) => {
                    let at = items.len();
                    self.unwinding(|| at.to_string());
                    return Err(e);
                }
            }
            self.state.bytes = self.state.bytes.saturating_add(1);
        }
        Ok(Node {
            value: Value::Array(items),
            span: start,
        })
    }

    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<Self::Value, A::Error> {
        let start = self.open()?;
        let mut members = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            self.state.bytes = self.state.bytes.saturating_add(key.len() + 4);
            match map.next_value_seed(self.child()) {
                Ok(value) => members.push(Member {
                    key: Cow::Owned(key),
                    key_span: value.span,
                    value,
                }),
                Err(e) => {
                    self.unwinding(|| cut(&key));
                    return Err(e);
                }
            }
        }
        Ok(Node {
            value: Value::Object(members),
            span: start,
        })
    }
}

/// A member name as a path keeps it: cut, as the parser's paths are.
fn cut(key: &str) -> String {
    crate::text::quote::cut(key, MAX_PATH_KEY).into_owned()
}

/// Notes each inexact integer (numbered in `left`, in order) with its path: one walk of the
/// tree, made only when there is one.
fn paths_of(node: &Node, left: &mut &[usize], path: &mut Vec<String>, notes: &mut Vec<Problem>) {
    let Some((&first, rest)) = left.split_first() else {
        return;
    };
    match &node.value {
        Value::Number(text) if node.span.start == first => {
            *left = rest;
            notes.push(Problem {
                code: IssueCode::NumberNotExact,
                span: node.span,
                detail: format!(
                    "the number {} is past 2^53: as a JavaScript number it holds only about \
                     16 significant digits, so these may not be the digits sent",
                    crate::text::quote::cut(text, 60)
                ),
                hint: Some(
                    "pass the raw body (a string, Uint8Array or ArrayBuffer): its digits are \
                     kept exactly"
                        .into(),
                ),
                path: shortened(path.clone()),
            });
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(i.to_string());
                paths_of(item, left, path, notes);
                path.pop();
            }
        }
        Value::Object(members) => {
            for m in members {
                path.push(cut(&m.key));
                paths_of(&m.value, left, path, notes);
                path.pop();
            }
        }
        _ => {}
    }
}

/// A path longer than [`MAX_PATH_BYTES`] as the parser shortens one: its first and last
/// segments, each end within half of it, around a `…` segment.
fn shortened(path: Vec<String>) -> Vec<String> {
    let len: usize = path.iter().map(|s| s.len() + 1).sum();
    if len <= MAX_PATH_BYTES {
        return path;
    }
    let fitting = |segs: &mut dyn Iterator<Item = &String>| {
        let mut used = 0;
        let mut out = Vec::new();
        for s in segs {
            used += s.len() + 1;
            if used > MAX_PATH_BYTES / 2 {
                break;
            }
            out.push(s.clone());
        }
        out
    };
    let mut head = fitting(&mut path.iter());
    let mut tail = fitting(&mut path.iter().rev());
    tail.reverse();
    head.push("…".to_string());
    head.extend(tail);
    head
}
