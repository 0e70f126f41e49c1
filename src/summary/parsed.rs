//! A log that was already parsed: an array whose elements are its items, each given its own
//! tree (see [`crate::json::tree_from`]), then summarized as a log is. An item that holds a
//! WebHook notification's members only, in RingCentral's order, can be read by their names
//! instead, and needs no tree when it is clean (`crate::checks::fast_value`).
//!
//! The summary compares items and counts lines in text, so the items are written again as
//! text, one line each: an item's line is its index plus one, two items are identical when
//! their JSON is, and issues have no position (only their path).

use crate::checks::fast_value::Strings;
use crate::diagnostics::codes::IssueCode;
use crate::diagnostics::problem::Problem;
use crate::json::{tree_from, Node, Parsed, TreeLimits, Value};
use crate::model::event_ref::EventRef;
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
    let mut log = ParsedLog::new(options);
    value.deserialize_seq(Log { log: &mut log })?;
    log.finish().map_err(de::Error::custom)
}

/// One item of a parsed log as read.
enum Entry {
    Tree(Item),
    /// A WebHook notification read by its members' names: its strings, in
    /// [`ParsedLog::strings`], whose event (when clean) or tree is made once every item is read.
    Strings(usize),
}

/// A log someone else parsed, read item by item (an array's elements, in order), then
/// summarized as a log is.
pub(crate) struct ParsedLog<'o> {
    options: &'o SummarizeOptions,
    entries: Vec<Entry>,
    /// The strings of the items read by name, with the limits each was read within.
    strings: Vec<(Strings, TreeLimits)>,
    /// Bytes of JSON the items read so far come to, against `maxInputBytes`.
    used: usize,
    /// No more items are read: past `maxItems`, or after one too large.
    done: bool,
}

impl<'o> ParsedLog<'o> {
    pub(crate) fn new(options: &'o SummarizeOptions) -> Self {
        ParsedLog {
            options,
            entries: Vec::new(),
            strings: Vec::new(),
            used: 0,
            done: false,
        }
    }

    /// Whether the log reads another item.
    pub(crate) fn wants_more(&self) -> bool {
        !self.done
    }

    /// What the next item may use: the item's depth, and what is left of the log's bytes.
    fn limits(&self) -> TreeLimits {
        TreeLimits {
            max_depth: self.options.item.max_depth,
            max_bytes: self.options.item.max_input_bytes.saturating_sub(self.used),
        }
    }

    /// The next item, from its tree.
    pub(crate) fn push<'de, D: Deserializer<'de>>(&mut self, item: D) -> Result<(), D::Error> {
        let item = tree_from(item, self.limits())?;
        self.push_tree(item);
        Ok(())
    }

    fn push_tree(&mut self, item: Item) {
        // An item too large for what is left of `maxInputBytes` (or past the values one item
        // may hold) ends reading: that item says why.
        let stopped = matches!(&item, Err(p) if p.code == IssueCode::InputTooLarge);
        if let Ok(parsed) = &item {
            self.used = self.used.saturating_add(parsed.end);
        }
        self.entries.push(Entry::Tree(item));
        self.read_one(stopped);
    }

    fn read_one(&mut self, stopped: bool) {
        // Past `maxItems` the summary stops at the first item not read.
        self.done = self.entries.len() > self.options.max_items || stopped;
    }

    /// The next item, which holds this event's members only, strings and objects where it has
    /// them, each object's in RingCentral's order (as the caller knows, `copiedShape` in
    /// src/js/objects.js): read by their names (`Strings::read`), with no tree when it is
    /// clean, as `validate` reads one. `false` when it was not read (not so under `strict`,
    /// where the warning every parsed item carries is an error): the caller then gives it to
    /// [`ParsedLog::push`].
    pub(crate) fn push_in_order<'de, D: Deserializer<'de>>(&mut self, item: D) -> bool {
        if self.options.item.strict {
            return false;
        }
        let Some(strings) = Strings::read(item) else {
            return false;
        };
        let limits = self.limits();
        if !strings.fits(limits) {
            // The tree says which limit and where: from the strings read, it is the tree of
            // the item, whose members came in this order.
            return match tree_from(strings.in_order(), limits) {
                Ok(item) => {
                    self.push_tree(item);
                    true
                }
                Err(_) => false,
            };
        }
        self.used = self.used.saturating_add(strings.bytes());
        self.entries.push(Entry::Strings(self.strings.len()));
        self.strings.push((strings, limits));
        self.read_one(false);
        true
    }

    /// The summary, and the text the items were written again as. `Err` only if a tree could
    /// not be built from the strings read (the deserializer of [`Strings::in_order`] has no
    /// error of its own to give).
    pub(crate) fn finish(self) -> Result<(Summary, String), de::value::Error> {
        let ParsedLog {
            options,
            entries,
            strings,
            ..
        } = self;
        // Each item as the summary reads it: a clean one's event borrows its strings.
        let mut reads = Vec::with_capacity(entries.len());
        for entry in entries {
            reads.push(match entry {
                Entry::Tree(item) => Ready::Tree(item),
                Entry::Strings(k) => {
                    let (s, limits) = &strings[k];
                    match s.clean(*limits) {
                        Some(event) => Ready::Clean(event, s),
                        None => Ready::Tree(tree_from(s.in_order(), *limits)?),
                    }
                }
            });
        }
        let mut text = String::new();
        let mut lines = Vec::with_capacity(reads.len());
        for read in &reads {
            let start = text.len();
            match read {
                Ready::Tree(Ok(parsed)) => write_json(&parsed.root, &mut text),
                Ready::Tree(Err(_)) => {}
                // The text the item's tree would be written as.
                Ready::Clean(_, s) => s.in_order().write_clean_json(&mut text),
            }
            lines.push((start, text.len()));
            text.push('\n');
        }
        let mut pieces = reads
            .into_iter()
            .zip(lines)
            .map(|(read, (start, end))| Piece {
                start,
                end,
                read: match read {
                    Ready::Clean(event, _) => Ok(Read::Parsed(event, end)),
                    // A stop's span numbers a value of the item's own: the log's text must
                    // not be read there.
                    Ready::Tree(item) => item
                        .map(|mut parsed| {
                            // Where the item's text ends, which the summary compares
                            // duplicates by.
                            parsed.end = end;
                            Read::Tree(parsed)
                        })
                        .map_err(|mut stop| {
                            stop.span = Span::new(start, start);
                            stop
                        }),
                },
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
}

/// An item of a parsed log once every item is read.
// Made and consumed once per item.
#[allow(clippy::large_enum_variant)]
enum Ready<'s> {
    /// A clean notification: its event, borrowed from its strings.
    Clean(EventRef<'s>, &'s Strings),
    Tree(Item),
}

/// Reads the log: an array, each element an item. (JavaScript's one object is made an array
/// of one in src/js/objects.js: here, one copy of the tree builder per kind of access.)
struct Log<'l, 'o> {
    log: &'l mut ParsedLog<'o>,
}

/// One item of the log, built with what is left of the log's limits.
struct ItemSeed(TreeLimits);

impl<'de> DeserializeSeed<'de> for ItemSeed {
    type Value = Item;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Item, D::Error> {
        tree_from(d, self.0)
    }
}

impl<'de> Visitor<'de> for Log<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a log: an array of notifications")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while self.log.wants_more() {
            match seq.next_element_seed(ItemSeed(self.log.limits()))? {
                None => return Ok(()),
                Some(item) => self.log.push_tree(item),
            }
        }
        while seq.next_element::<de::IgnoredAny>()?.is_some() {}
        Ok(())
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
