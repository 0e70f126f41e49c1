//! A log that was already parsed: an array whose elements are its items, each given its own
//! tree (see [`crate::json::tree_from`]), then summarized as a log is.
//!
//! The summary compares items and counts lines in text, so the items are written again as
//! text, one line each: an item's line is its index plus one, two items are identical when
//! their JSON is, and issues have no position (only their path).

use crate::diagnostics::codes::Code;
use crate::diagnostics::problem::Problem;
use crate::json::{tree_from, Node, Parsed, TreeLimits, Value};
use crate::summary::log::{Piece, Read};
use crate::summary::summarize::{output_limit, summarize_items, Problems};
use crate::summary::{Summary, SummaryOptions};
use crate::text::span::Span;
use serde::de::value::MapAccessDeserializer;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;

type Item = Result<Parsed<'static>, Box<Problem>>;

/// The summary of an already-parsed log, and the text its items were written again as (for
/// the renderings' output limit).
pub(crate) fn summarize_parsed<'de, D: Deserializer<'de>>(
    value: D,
    options: &SummaryOptions,
) -> Result<(Summary, String), D::Error> {
    let mut items = Vec::new();
    value.deserialize_any(Log {
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
    let limit = output_limit(options, text.len());
    let problems = Problems::new(&text, options, limit).without_positions();
    let pieces = items
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
        });
    let summary = summarize_items(&text, pieces, (&[], None), problems, options);
    Ok((summary, text))
}

/// Reads the log: each element of an array is an item; anything else is a log of one.
struct Log<'i> {
    items: &'i mut Vec<Item>,
    options: &'i SummaryOptions,
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

    fn one<'de, D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        let limits = self.limits();
        self.items.push(tree_from(d, limits)?);
        Ok(())
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
        f.write_str("a log: an array of notifications, or one notification")
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<(), A::Error> {
        loop {
            match seq.next_element_seed(ItemSeed(self.limits()))? {
                None => return Ok(()),
                Some(item) => {
                    // An item too large for what is left of `maxInputBytes` (or past the
                    // values one item may hold) ends reading: that item says why.
                    let stopped = matches!(&item, Err(p) if p.code == Code::InputTooLarge);
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

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        self.one(MapAccessDeserializer::new(map))
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.one(de::value::UnitDeserializer::new())
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<(), E> {
        self.one(de::IntoDeserializer::into_deserializer(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<(), E> {
        self.one(de::IntoDeserializer::into_deserializer(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<(), E> {
        self.one(de::IntoDeserializer::into_deserializer(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<(), E> {
        self.one(de::IntoDeserializer::into_deserializer(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        self.one(de::IntoDeserializer::into_deserializer(v))
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
