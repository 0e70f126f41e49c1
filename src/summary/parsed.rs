//! A log that was already parsed: an array whose elements are its items, each given its own
//! tree (see [`crate::json::tree_from`]), then summarized as a log is.
//!
//! The summary compares items and counts lines in text, so the items are written again as
//! text, one line each: an item's line is its index plus one, two items are identical when
//! their JSON is, and issues have no position (only their path).

use crate::diagnostics::codes::IssueCode;
use crate::diagnostics::problem::Problem;
use crate::json::{tree_from, Node, Parsed, TreeLimits, Value};
use crate::summary::log::{Piece, Read};
use crate::summary::pass::Part;
use crate::summary::summarize::finish_part;
use crate::summary::window::{Base, Window};
use crate::summary::{SummarizeOptions, Summary};
use crate::text::span::Span;
use serde::de::{self, DeserializeSeed, Deserializer, SeqAccess, Visitor};
use std::fmt;

type Item = Result<Parsed<'static>, Box<Problem>>;

/// The summary of an already-parsed log, and the text its items were written again as (for
/// the renderings' output limit).
pub(crate) fn summarize_parsed<'de, D: Deserializer<'de>>(
    value: D,
    options: &SummarizeOptions,
) -> Result<(Summary, String), D::Error> {
    let mut items = Vec::new();
    value.deserialize_seq(Log {
        items: &mut items,
        options,
        used: 0,
    })?;
    let mut text = String::new();
    let mut lines = Vec::with_capacity(items.len());
    for item in &items {
        let start = text.len();
        if let Ok(parsed) = item {
            write_json(&parsed.root, &mut text);
        }
        lines.push((start, text.len()));
        text.push('\n');
    }
    let mut pieces = items
        .into_iter()
        .zip(lines)
        .map(|(item, (start, end))| Piece {
            start,
            end,
            // A stop's span numbers a value of the item's own: the log's text must not be
            // read there.
            read: item
                .map(|mut parsed| {
                    // Where the item's text ends, which the summary compares duplicates by.
                    parsed.end = end;
                    Read::Tree(parsed)
                })
                .map_err(|mut stop| {
                    stop.span = Span::new(start, start);
                    stop
                }),
            truncated: false,
            cut: end,
        });
    let mut part = Part::new(options);
    part.listing.positions = false;
    let w = Window::new(&text, Base::default(), false, &[], None);
    part.read(&mut pieces, &w, options);
    drop(w);
    let summary = finish_part(part, options, text.len());
    Ok((summary, text))
}

/// Reads the log: an array, each element an item. (JavaScript's one object is made an array
/// of one in src/js/objects.js: here, one copy of the tree builder per kind of access.)
struct Log<'i> {
    items: &'i mut Vec<Item>,
    options: &'i SummarizeOptions,
    /// Bytes of JSON the items read so far come to, against `maxInputBytes`.
    used: usize,
}

impl Log<'_> {
    /// What the next item may use: the item's depth, and what is left of the log's bytes.
    fn limits(&self) -> TreeLimits {
        TreeLimits {
            max_depth: self.options.item.max_depth,
            max_bytes: self.options.item.max_input_bytes.saturating_sub(self.used),
        }
    }
}

/// One item of the log, built with what is left of the log's limits.
struct ItemSeed(TreeLimits);

impl<'de> DeserializeSeed<'de> for ItemSeed {
    type Value = Item;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Item, D::Error> {
        tree_from(d, self.0)
    }
}

impl<'de> Visitor<'de> for Log<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a log: an array of notifications")
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<(), A::Error> {
        loop {
            match seq.next_element_seed(ItemSeed(self.limits()))? {
                None => return Ok(()),
                Some(item) => {
                    // An item too large for what is left of `maxInputBytes` (or past the
                    // values one item may hold) ends reading: that item says why.
                    let stopped = matches!(&item, Err(p) if p.code == IssueCode::InputTooLarge);
                    if let Ok(parsed) = &item {
                        self.used = self.used.saturating_add(parsed.end);
                    }
                    self.items.push(item);
                    // Past `maxItems` the summary stops at the first item not read.
                    if self.items.len() > self.options.max_items || stopped {
                        while seq.next_element::<de::IgnoredAny>()?.is_some() {}
                        return Ok(());
                    }
                }
            }
        }
    }
}

/// `node` as compact JSON text: numbers as their text, strings escaped as JSON.stringify does.
fn write_json(node: &Node, out: &mut String) {
    match &node.value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(n),
        Value::String(s) => write_string(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json(item, out);
            }
            out.push(']');
        }
        Value::Object(members) => {
            out.push('{');
            for (i, m) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(&m.key, out);
                out.push(':');
                write_json(&m.value, out);
            }
            out.push('}');
        }
    }
}

fn write_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = fmt::Write::write_fmt(out, format_args!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}
