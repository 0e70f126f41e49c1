//! The tree the parser builds: every value with the span of its text.

use crate::diagnostics::problem::Problem;
use crate::text::span::Span;
use std::borrow::Cow;

/// A parsed JSON value with the span of its text (for strings, from quote to quote).
#[derive(Clone, Debug, PartialEq)]
pub struct Node<'a> {
    pub value: Value<'a>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Value<'a> {
    Null,
    Bool(bool),
    /// The number's text exactly as written: ids must keep all their digits.
    Number(Cow<'a, str>),
    String(Cow<'a, str>),
    Array(Vec<Node<'a>>),
    Object(Vec<Member<'a>>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Member<'a> {
    pub key: Cow<'a, str>,
    pub key_span: Span,
    pub value: Node<'a>,
}

impl<'a> Node<'a> {
    /// The value of member `key`, when this is an object holding it (the first, if repeated).
    pub fn get(&self, key: &str) -> Option<&Node<'a>> {
        match &self.value {
            Value::Object(members) => members.iter().find(|m| m.key == key).map(|m| &m.value),
            _ => None,
        }
    }
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
    pub fn members(&self) -> Option<&[Member<'a>]> {
        match &self.value {
            Value::Object(m) => Some(m),
            _ => None,
        }
    }
    /// The JSON type name used in messages ("string", "number", ...).
    pub fn type_name(&self) -> &'static str {
        self.value.type_name()
    }
}

impl Value<'_> {
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        }
    }
}

/// Everything the parser learned about one JSON value.
#[derive(Debug)]
pub struct Parsed<'a> {
    pub root: Node<'a>,
    /// Byte offset just after the value.
    pub end: usize,
    pub notes: Vec<Problem>,
    /// Notes found past [`MAX_NOTES`], counted but not kept.
    pub notes_dropped: usize,
}

/// Most notes (duplicate keys, lone surrogates) kept from one value: a hostile document with
/// millions of duplicate keys must not cost millions of notes, each with its own path.
pub const MAX_NOTES: usize = 1_000;

/// Most values (objects, arrays, strings, numbers, literals) in one parsed document or log
/// item, whatever the input limit: each costs some 50-90 bytes of tree, and the tree of a
/// hostile gigabyte must not exhaust a WebAssembly module's 4 GiB (about 700 MB at most).
pub const MAX_VALUES: usize = 1 << 23;

/// Longest path kept whole in a problem, in bytes: a longer one keeps its first and last
/// segments around a `…` segment.
pub const MAX_PATH_BYTES: usize = 512;

/// Deepest nesting accepted whatever the caller asks, so that recursion stays far from the
/// stack's end even in a WebAssembly module with a small stack.
pub const HARD_MAX_DEPTH: usize = 2_000;
