//! JSON as the tree-free reader ([`crate::checks::fast`]) reads it: strings borrowed when they
//! hold no escape, ids and numbers exactly as the parser (`crate::json`) reads them, and the
//! values of unknown members skipped where the parser would find nothing to report in them.
//! Every `None` here hands the payload to the parse tree.

use crate::json::{skip_whitespace, string_run};
use crate::text::slice::sub;
use crate::text::span::Span;

/// Deepest nesting inside an unknown member's value that the fast path skips over; the
/// parse tree reads anything deeper.
pub(super) const MAX_SKIP_DEPTH: usize = 16;

/// Most values inside unknown members' values that the fast path skips over.
const MAX_SKIPPED: usize = 256;

pub(super) struct Reader<'a> {
    pub src: &'a str,
    pub bytes: &'a [u8],
    pub pos: usize,
    /// Nesting the parser would allow, for skipping unknown members' values.
    pub max_depth: usize,
    /// Values skipped so far.
    pub skipped: usize,
    /// Whether white space it skipped held a line break (`\n` or `\r`): the only place one
    /// can be in what it reads (a string holding a control character is the tree's). Without
    /// one, what it read is all on the first line.
    pub broke: bool,
}

impl<'a> Reader<'a> {
    /// Skips white space. Looked at first: payloads sent compact (nearly all) have none.
    #[inline(always)]
    pub(super) fn ws(&mut self) {
        if self.bytes.get(self.pos).is_some_and(|&c| c <= b' ') {
            self.ws_run();
        }
    }

    /// The white space from here on, as the parser skips it, noting its line breaks (see
    /// [`Reader::broke`]).
    #[cold]
    fn ws_run(&mut self) {
        let end = skip_whitespace(self.src, self.pos);
        let skipped = &self.bytes[self.pos..end];
        self.broke |= skipped.iter().any(|&c| c == b'\n' || c == b'\r');
        self.pos = end;
    }

    /// `c` after white space, if it is there. The byte itself is looked at first: payloads
    /// sent compact (nearly all) have no white space to skip.
    #[inline(always)]
    pub(super) fn eat(&mut self, c: u8) -> Option<()> {
        if self.bytes.get(self.pos) != Some(&c) {
            self.ws();
            (self.bytes.get(self.pos) == Some(&c)).then_some(())?;
        }
        self.pos += 1;
        Some(())
    }

    /// A string without escapes, borrowed. This and the two above are most of the fast
    /// path's work: always inlined, they cost 1 KB of wasm and save a tenth of a call.
    #[inline(always)]
    pub(super) fn string(&mut self) -> Option<&'a str> {
        self.eat(b'"')?;
        self.string_rest()
    }

    /// [`Self::string`] once its opening quote is read.
    #[inline(always)]
    pub(super) fn string_rest(&mut self) -> Option<&'a str> {
        let start = self.pos;
        let end = start + string_run(&self.bytes[start..]);
        // Anything but the closing quote (a backslash, a control character, the end) ends
        // the fast path.
        (self.bytes.get(end) == Some(&b'"')).then_some(())?;
        (start > 0 && self.bytes[start - 1] == b'"').then_some(())?;
        self.pos = end + 1;
        // SAFETY: the bytes at `start - 1` and `end` (checked above, `end` at or after
        // `start`) are quotes, ASCII: in UTF-8 one char ends there, another starts after, so
        // both are char boundaries of `src`. Slicing `src` checked them again, out of line,
        // which cost a tenth of a clean call.
        Some(unsafe { self.src.get_unchecked(start..end) })
    }

    /// The first byte of the next value, after white space.
    #[inline(always)]
    pub(super) fn peek(&mut self) -> Option<u8> {
        self.ws();
        self.bytes.get(self.pos).copied()
    }

    /// A JSON number exactly as the parser reads one (`json::scalars`), its text borrowed.
    pub(super) fn number(&mut self) -> Option<&'a str> {
        let (b, start) = (self.bytes, self.pos);
        let digits = |p: &mut usize| {
            let from = *p;
            while b.get(*p).is_some_and(u8::is_ascii_digit) {
                *p += 1;
            }
            *p > from
        };
        let mut p = start + usize::from(b.get(start) == Some(&b'-'));
        match b.get(p) {
            Some(b'0') => p += 1,
            Some(b'1'..=b'9') => _ = digits(&mut p),
            _ => return None,
        }
        if b.get(p) == Some(&b'.') {
            p += 1;
            digits(&mut p).then_some(())?;
        }
        if matches!(b.get(p), Some(b'e' | b'E')) {
            p += 1;
            p += usize::from(matches!(b.get(p), Some(b'+' | b'-')));
            digits(&mut p).then_some(())?;
        }
        // A digit after a leading zero is the parser's error.
        (!b.get(p).is_some_and(u8::is_ascii_digit)).then_some(())?;
        self.pos = p;
        Some(sub(self.src, start..p))
    }

    /// The span of `s`, a string value borrowed from the text: from quote to quote.
    #[inline]
    pub(super) fn span_of(&self, s: &str) -> Span {
        let start = s.as_ptr() as usize - self.src.as_ptr() as usize;
        Span::new(start - 1, start + s.len() + 1)
    }

    /// Skips any value the parser would read without a problem, inside an object at nesting
    /// `depth`: no escapes, no duplicate keys, no nesting past the caller's limit.
    pub(super) fn skip(&mut self, depth: usize) -> Option<()> {
        self.skipped += 1;
        (self.skipped <= MAX_SKIPPED).then_some(())?;
        self.ws();
        match *self.bytes.get(self.pos)? {
            b'"' => _ = self.string()?,
            b'-' | b'0'..=b'9' => _ = self.number()?,
            b'{' | b'[' if depth >= self.max_depth => return None,
            b'{' => {
                let mut keys: [&str; 16] = [""; 16];
                let mut n = 0;
                self.object(|key, r| {
                    (n < keys.len() && !keys[..n].contains(&key)).then_some(())?;
                    keys[n] = key;
                    n += 1;
                    r.skip(depth + 1)
                })?;
            }
            b'[' => self.items(b'[', b']', |r| r.skip(depth + 1))?,
            c => {
                let word: &[u8] = match c {
                    b't' => b"true",
                    b'f' => b"false",
                    b'n' => b"null",
                    _ => return None,
                };
                self.bytes[self.pos..].starts_with(word).then_some(())?;
                self.pos += word.len();
            }
        }
        Some(())
    }

    /// An object, each member handed to `member` with the reader at its value.
    pub(super) fn object(
        &mut self,
        mut member: impl FnMut(&'a str, &mut Self) -> Option<()>,
    ) -> Option<()> {
        self.items(b'{', b'}', |r| {
            let key = r.string()?;
            r.eat(b':')?;
            member(key, r)
        })
    }

    /// A container from `open` to `close`, each item read by `item`, separated by commas.
    fn items(
        &mut self,
        open: u8,
        close: u8,
        mut item: impl FnMut(&mut Self) -> Option<()>,
    ) -> Option<()> {
        self.eat(open)?;
        self.ws();
        if self.bytes.get(self.pos) == Some(&close) {
            self.pos += 1;
            return Some(());
        }
        loop {
            item(self)?;
            self.ws();
            match self.bytes.get(self.pos) {
                Some(b',') => self.pos += 1,
                Some(&c) if c == close => {
                    self.pos += 1;
                    return Some(());
                }
                _ => return None,
            }
        }
    }
}
