//! Splitting a log into items: a JSON array of notifications or frames, NDJSON, or values
//! simply concatenated or separated by white space, all read with the same loop.
//!
//! A broken item must not take the rest of the log with it, so after a syntax error reading
//! resumes at the next line that starts a value at the broken item's indentation or less:
//! the next NDJSON line, or the next top-level object of a pretty-printed log.
//!
//! Resuming re-reads text the broken item already read. So that this stays linear, an item
//! that starts inside text a broken item read is read only up to the next place reading
//! could resume: a log of lines like `{"k":` (each opening an object the next line nests
//! in) costs each line once, not once per level of `maxDepth` below it.

use crate::checks::fast::{read_at, MAX_REMARKS};
use crate::checks::remarks::Remark;
use crate::diagnostics::problem::Problem;
use crate::json::{skip_whitespace, Parsed, Parser};
use crate::model::event_ref::EventRef;
use crate::text::slice::sub;

/// One item of a log: where it is and what reading made of it.
pub(crate) struct Piece<'a> {
    pub start: usize,
    /// Where the item ends: after its value, or where reading resumes after a broken one.
    pub end: usize,
    pub read: Result<Read<'a>, Box<Problem>>,
    /// No item follows this one and it runs to the end of the text.
    pub truncated: bool,
    /// Where the text the item was read from ended.
    pub cut: usize,
}

/// An item read whole.
// A piece is made and consumed once per item, never stored: boxing the fast path's event would
// cost an allocation per item instead.
#[allow(clippy::large_enum_variant)]
pub(crate) enum Read<'a> {
    /// A WebHook notification read by the fast path: its event, the offset after it, and
    /// what the rules would warn about.
    Clean(EventRef<'a>, usize, Vec<Remark<'a>>),
    /// A WebHook notification of a log someone else parsed, read without a tree and with
    /// nothing to report but the warning every parsed value carries (`duplicate-keys-unseen`):
    /// its event, and the offset after it (`crate::summary::parsed`, which exists with the
    /// `serde` feature only).
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    Parsed(EventRef<'a>, usize),
    /// Anything else, as a parse tree.
    Tree(Parsed<'a>),
}

impl Read<'_> {
    /// The offset just after the item.
    pub fn end(&self) -> usize {
        match self {
            Read::Clean(_, end, _) | Read::Parsed(_, end) => *end,
            Read::Tree(parsed) => parsed.end,
        }
    }
}

pub(crate) struct Items<'a> {
    src: &'a str,
    pos: usize,
    max_depth: usize,
    /// `Some(strict)`: try [`crate::checks::fast`] before parsing a tree, with the items'
    /// strictness (which makes some warnings errors).
    fast: Option<bool>,
    carry: Carry,
    /// Bytes of the line `src` starts in that come before `src` (a window of a longer text
    /// need not start at a line's start): what a broken item's indentation adds.
    lead: usize,
    /// `src` runs to the end of the log. When it does not, an item whose reading depends on
    /// text past the end of `src` is not given out: [`Items::next`] ends, and
    /// [`Items::starved`] says so.
    eof: bool,
    starved: bool,
}

/// What reading items carries from one window of a log to the next (see
/// [`crate::summary::reader`]).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Carry {
    /// Inside the outer `[` of an array of items.
    pub in_array: bool,
    /// No item was read yet: a `[` here may open an array of items.
    pub first: bool,
    /// The furthest offset a broken item's reading reached: items starting before it are
    /// read only up to their next resumption point.
    pub reread_until: usize,
}

impl Default for Carry {
    fn default() -> Self {
        Carry {
            in_array: false,
            first: true,
            reread_until: 0,
        }
    }
}

/// Bytes past the place a parser stopped that it may have looked at to decide (`false`, a
/// `\uXXXX\uXXXX` pair): past the end of a window, a failure this close to it is not final.
const LOOKAHEAD: usize = 16;

impl<'a> Items<'a> {
    #[cfg(test)]
    pub fn new(src: &'a str, start: usize, max_depth: usize, fast: bool) -> Self {
        let fast = fast.then_some(false);
        Items::resume(src, start, max_depth, fast, Carry::default(), 0, true)
    }

    /// Items of `src` from `start` on, where reading left off with `carry`; `src` is a
    /// window of a log that ends there when `eof`, and starts `lead` bytes into a line.
    pub fn resume(
        src: &'a str,
        start: usize,
        max_depth: usize,
        fast: Option<bool>,
        carry: Carry,
        lead: usize,
        eof: bool,
    ) -> Self {
        Items {
            src,
            pos: start,
            max_depth,
            fast,
            carry,
            lead,
            eof,
            starved: false,
        }
    }

    /// Where the next item's search starts, and what to carry into the next window.
    pub fn state(&self) -> (usize, Carry) {
        (self.pos, self.carry)
    }

    /// Reading stopped because the next item needs text past the window.
    pub fn starved(&self) -> bool {
        self.starved
    }

    /// Whether a failure that reached `reached` (the parser's text ending at `len`) could
    /// change with more text.
    fn unsure(&self, reached: usize, len: usize) -> bool {
        !self.eof && reached.saturating_add(LOOKAHEAD) >= len
    }

    /// Whether a `[` at `at` opens an array of items rather than a single WebSocket frame.
    /// `None` when that depends on text past the window.
    fn is_container(&self, at: usize) -> Option<bool> {
        let first = skip_whitespace(self.src, at + 1);
        match self.src.as_bytes().get(first) {
            Some(b'[') | Some(b']') => Some(true),
            Some(b'{') => match Parser::new(self.src, first, self.max_depth).parse_value_at() {
                // A frame starts with its `meta` object, which has a `type` and no envelope.
                Ok(p) => Some(p.root.get("type").is_none() || p.root.get("uuid").is_some()),
                Err(e) if self.unsure(e.span.end, self.src.len()) => None,
                Err(_) => Some(true),
            },
            None if !self.eof => None,
            _ => Some(false),
        }
    }

    /// Where to go on after a broken item starting at `start`.
    fn recover(&self, start: usize) -> Option<usize> {
        let b = self.src.as_bytes();
        let indent = match sub(self.src, ..start).rfind(['\n', '\r']) {
            Some(i) => start - (i + 1),
            None => start + self.lead,
        };
        let mut p = start;
        loop {
            let nl = sub(self.src, p..).find(['\n', '\r'])? + p + 1;
            let first = nl
                + b[nl..]
                    .iter()
                    .take_while(|c| matches!(c, b' ' | b'\t'))
                    .count();
            if matches!(b.get(first), Some(b'{') | Some(b'[')) && first - nl <= indent {
                return Some(first);
            }
            p = nl;
        }
    }
}

impl<'a> Iterator for Items<'a> {
    type Item = Piece<'a>;

    fn next(&mut self) -> Option<Piece<'a>> {
        if self.starved {
            return None;
        }
        let saved = (self.pos, self.carry);
        let piece = self.read_next();
        // Short of the log's end, an item is given out only once what more text could change
        // about it is in the window: then each window reads exactly the items one pass would.
        let settled = self.eof
            || match &piece {
                None => true,
                Some(p) => match &p.read {
                    Ok(r) => r.end() < self.src.len(),
                    Err(problem) => {
                        !p.truncated && !self.unsure(reached(problem, p.cut), self.src.len())
                    }
                },
            };
        if settled && !self.starved {
            return piece;
        }
        (self.pos, self.carry) = saved;
        self.starved = true;
        None
    }
}

/// Where a parser that failed with `problem` stopped: at the problem, or at the end of the
/// text it was given (`cut`) when that ended first (a never-closed object is located at
/// its `{`).
fn reached(problem: &Problem, cut: usize) -> usize {
    if problem.code == crate::diagnostics::codes::IssueCode::JsonUnexpectedEnd {
        cut
    } else {
        problem.span.end
    }
}

impl<'a> Items<'a> {
    fn read_next(&mut self) -> Option<Piece<'a>> {
        let b = self.src.as_bytes();
        loop {
            self.pos = skip_whitespace(self.src, self.pos);
            match b.get(self.pos) {
                None => return None,
                Some(b',') if self.carry.in_array => self.pos += 1,
                Some(b']') if self.carry.in_array => {
                    self.carry.in_array = false;
                    self.pos += 1;
                }
                Some(b'[') if self.carry.first => match self.is_container(self.pos) {
                    None => {
                        self.starved = true;
                        return None;
                    }
                    Some(true) => {
                        self.carry.in_array = true;
                        self.carry.first = false;
                        self.pos += 1;
                    }
                    Some(false) => break,
                },
                _ => break,
            }
        }
        self.carry.first = false;
        let start = self.pos;
        // Inside text a broken item already read, the item may not run past the place reading
        // would resume after it: the text is cut there, so the parser stops at it.
        let next = (start < self.carry.reread_until).then(|| self.recover(start));
        let src = match next {
            Some(Some(next)) => sub(self.src, ..next),
            _ => self.src,
        };
        let mut remarks = Vec::new();
        let fast = |strict| {
            read_at(
                src,
                start,
                self.max_depth,
                strict,
                MAX_REMARKS,
                &mut remarks,
            )
        };
        let read = match self.fast.and_then(fast) {
            Some((event, end)) => Ok(Read::Clean(event, end, remarks)),
            None => Parser::new(src, start, self.max_depth)
                .parse_value_at()
                .map(Read::Tree),
        };
        let truncated = match &read {
            Ok(r) => {
                self.pos = r.end();
                false
            }
            Err(problem) => {
                let reached = reached(problem, src.len());
                self.carry.reread_until = self.carry.reread_until.max(reached);
                let next = next.unwrap_or_else(|| self.recover(start));
                self.pos = next.unwrap_or(self.src.len());
                next.is_none()
            }
        };
        Some(Piece {
            start,
            end: self.pos,
            read,
            truncated,
            cut: src.len(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn starts(src: &str) -> Vec<(usize, bool)> {
        Items::new(src, 0, 64, true)
            .map(|p| (p.start, p.read.is_ok()))
            .collect()
    }

    #[test]
    fn reads_ndjson_with_blank_lines() {
        assert_eq!(starts("{}\n\n{}\n"), vec![(0, true), (4, true)]);
    }

    #[test]
    fn reads_an_array_of_items_and_a_single_frame_alike() {
        assert_eq!(starts("[{}, {}]"), vec![(1, true), (5, true)]);
        let frame = r#"[{"type":"ServerNotification"},{}]"#;
        assert_eq!(starts(frame), vec![(0, true)]);
        let frames = format!("[{frame},{frame}]");
        assert_eq!(starts(&frames).len(), 2);
    }

    #[test]
    fn reads_concatenated_values() {
        assert_eq!(starts("{}{} {}"), vec![(0, true), (2, true), (5, true)]);
    }

    #[test]
    fn resumes_at_the_next_line_after_a_broken_one() {
        let src = "{\"a\": 1\n{\"b\": 2}\n{bad}\n{}";
        assert_eq!(
            starts(src),
            vec![(0, false), (8, true), (17, false), (23, true)]
        );
    }

    #[test]
    fn resumes_at_the_next_top_level_object_of_a_pretty_log() {
        let src = "{\n  \"a\": {\n    \"x\": 1 2\n  }\n}\n{\n}";
        let got = starts(src);
        assert_eq!(got.len(), 2);
        assert!(!got[0].1 && got[1].1);
    }

    /// Lines that each open an object the next one nests in: every line is one broken item,
    /// and the text is read a bounded number of times, whatever `maxDepth` allows.
    #[test]
    fn reads_lines_that_nest_into_each_other_once_each() {
        // 2,000 levels of debug-build frames need more than a test thread's stack.
        std::thread::Builder::new()
            .stack_size(32 << 20)
            .spawn(nesting_lines_once_each)
            .unwrap()
            .join()
            .unwrap();
    }

    fn nesting_lines_once_each() {
        let line = format!("{{\"{}\":\n", "k".repeat(100));
        let src = line.repeat(3000);
        let pieces: Vec<_> = Items::new(&src, 0, 2000, true).collect();
        assert_eq!(pieces.len(), 3000);
        assert!(pieces.iter().all(|p| p.read.is_err()));
        // Each item after the first is cut at its own line.
        assert!(pieces[1..].iter().all(|p| p.end - p.start == line.len()));
        let paths: usize = pieces
            .iter()
            .map(|p| {
                p.read
                    .as_ref()
                    .err()
                    .unwrap()
                    .path
                    .iter()
                    .map(String::len)
                    .sum::<usize>()
            })
            .sum();
        assert!(
            paths < 2 * src.len(),
            "{paths} bytes of paths for {}",
            src.len()
        );
    }

    #[test]
    fn an_item_after_a_broken_one_can_still_be_valid() {
        let src = "{\"a\": [\n{\"b\": 1}\n{\"c\": 2}\n";
        assert_eq!(starts(src), vec![(0, false), (8, true), (17, true)]);
    }

    #[test]
    fn marks_a_broken_last_item_as_truncated() {
        let pieces: Vec<_> = Items::new("{}\n{\"a\": ", 0, 64, true).collect();
        assert!(!pieces[0].truncated);
        assert!(pieces[1].truncated);
    }
}
