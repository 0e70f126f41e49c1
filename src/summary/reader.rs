//! Reading a log as it arrives, in chunks of any size: bytes are decoded as UTF-8 (a sequence
//! cut by a chunk's end waits for the next), kept only until the items they hold are read,
//! and read in windows by the same [`Items`] loop as a whole log, which gives out only the
//! items that more text could not change. So every way of cutting a log into chunks reads
//! the same items, with the same positions, as one pass.

use crate::diagnostics::codes::IssueCode;
use crate::diagnostics::findings::Findings;
use crate::json::input::{Damage, Damaged, MAX_DAMAGE};
use crate::model::Kind;
use crate::summary::log::{Carry, Items};
use crate::summary::pass::Part;
use crate::summary::window::{Base, Window};
use crate::summary::SummarizeOptions;
use crate::text::span::Span;

/// Bytes read ahead before a window is tried again, at least: a window costs a scan of its
/// lines, and one whose item is still incomplete is read again once more text has come.
const MIN_STEP: usize = 64 << 10;

/// The text of a log not yet read, and where reading stands.
pub(super) struct Reader {
    buf: String,
    pub base: Base,
    carry: Carry,
    /// Repairs in `buf` (see [`crate::json::input::Text`]), and how many were listed so far.
    damage: Vec<Damage>,
    damage_from: Option<Damage>,
    damage_listed: usize,
    /// The start of a UTF-8 sequence a chunk ended in, or the first bytes of the input
    /// while its byte order mark is not yet known.
    pending: Vec<u8>,
    head: bool,
    /// `buf`'s length when reading it next pays off.
    next_try: usize,
    /// Bytes given so far.
    pub bytes: u64,
    /// Reading stopped: the input is not UTF-8, or a limit was reached.
    pub done: bool,
    /// Try [`crate::checks::fast`] before parsing a tree (off for the tests that compare).
    pub fast: bool,
}

impl Reader {
    /// A reader for a log's start, or (`following`) for a part that follows another: no
    /// byte order mark there, and a `[` is an item, never an array of them.
    pub fn new(following: bool) -> Self {
        Reader {
            buf: String::new(),
            base: Base::default(),
            carry: Carry {
                first: !following,
                ..Carry::default()
            },
            damage: Vec::new(),
            damage_from: None,
            damage_listed: 0,
            pending: Vec::new(),
            head: !following,
            next_try: MIN_STEP,
            bytes: 0,
            done: false,
            fast: true,
        }
    }

    /// Takes the next bytes of the log, and reads the items they complete.
    pub fn push(&mut self, chunk: &[u8], part: &mut Part, options: &SummarizeOptions) {
        self.bytes += chunk.len() as u64;
        if self.done {
            return;
        }
        if self.head || !self.pending.is_empty() {
            let mut joined = std::mem::take(&mut self.pending);
            joined.extend_from_slice(chunk);
            if self.head && joined.len() < 3 {
                self.pending = joined;
                return;
            }
            self.decode(&joined, false, part, options);
        } else {
            self.decode(chunk, false, part, options);
        }
        // Past `maxInputBytes`, at once: that much text without an item read is refused.
        if self.buf.len() >= self.next_try || self.buf.len() > options.item.max_input_bytes {
            self.read(false, part, options);
            self.next_try = self.buf.len() + self.buf.len().max(MIN_STEP);
            if self.buf.len() > options.item.max_input_bytes && !self.done {
                self.too_long(part, options);
            }
        }
    }

    /// Reads what is left: the log ends here.
    pub fn finish(&mut self, part: &mut Part, options: &SummarizeOptions) {
        if !self.done {
            let rest = std::mem::take(&mut self.pending);
            self.decode(&rest, true, part, options);
        }
        if !self.done {
            self.read(true, part, options);
        }
        self.buf = String::new();
        self.done = true;
    }

    /// Reads the items of a whole text, already decoded (see [`crate::json::input::decode`]),
    /// from `start`.
    pub fn read_text(
        &mut self,
        src: &str,
        start: usize,
        damage: (&[Damage], Option<Damage>),
        part: &mut Part,
        options: &SummarizeOptions,
    ) {
        let w = Window::new(src, self.base, true, damage.0, damage.1);
        part.whole = true;
        self.read_window(&w, start, true, part, options);
        self.done = true;
    }

    /// Reads the items of the buffer that more text cannot change (all, at the log's end).
    fn read(&mut self, eof: bool, part: &mut Part, options: &SummarizeOptions) {
        let buf = std::mem::take(&mut self.buf);
        let mut damage = std::mem::take(&mut self.damage);
        let w = Window::new(&buf, self.base, true, &damage, self.damage_from);
        let n = self.read_window(&w, 0, eof, part, options);
        let base = w.advanced(n);
        drop(w);
        if n > 0 {
            self.base = base;
            self.carry.reread_until = self.carry.reread_until.saturating_sub(n);
            damage.retain(|d| d.at >= n);
            for d in &mut damage {
                d.at -= n;
            }
            if let Some(from) = &mut self.damage_from {
                from.at = from.at.saturating_sub(n);
            }
        }
        self.damage = damage;
        self.buf = buf;
        self.buf.drain(..n);
    }

    /// Reads window `w` from `start`; how many of its bytes are done with.
    fn read_window(
        &mut self,
        w: &Window,
        start: usize,
        eof: bool,
        part: &mut Part,
        options: &SummarizeOptions,
    ) -> usize {
        let max_depth = options.item.max_depth;
        let mut items = Items::resume(
            w.src,
            start,
            max_depth,
            self.fast.then_some(options.item.strict),
            self.carry,
            self.base.lead,
            eof,
        );
        if part.read(&mut items, w, options) {
            self.done = true;
            return w.src.len();
        }
        let (pos, carry) = items.state();
        self.carry = carry;
        if items.starved() {
            pos
        } else if !eof && w.src.ends_with('\r') {
            // A `\r` the next chunk may pair with a `\n`: one line break, not two.
            w.src.len() - 1
        } else {
            w.src.len()
        }
    }

    /// Appends `bytes` to the buffer as text: each invalid UTF-8 sequence a U+FFFD, noted as
    /// [`crate::json::input::decode`] notes it; a sequence cut by the end waits, unless `eof`.
    fn decode(&mut self, mut bytes: &[u8], eof: bool, part: &mut Part, options: &SummarizeOptions) {
        if self.head {
            self.head = false;
            match self.byte_order_mark(bytes, part, options) {
                Some(skip) => bytes = &bytes[skip..],
                None => return,
            }
        }
        loop {
            match std::str::from_utf8(bytes) {
                Ok(s) => {
                    self.buf.push_str(s);
                    return;
                }
                Err(e) => {
                    let (valid, rest) = bytes.split_at(e.valid_up_to());
                    // SAFETY-free: `valid_up_to` bytes are UTF-8 by definition.
                    self.buf
                        .push_str(std::str::from_utf8(valid).unwrap_or_default());
                    let bad = match e.error_len() {
                        Some(n) => n,
                        None if !eof => {
                            self.pending = rest.to_vec();
                            return;
                        }
                        None => rest.len(),
                    };
                    let d = Damage {
                        at: self.buf.len(),
                        what: Damaged::Utf8,
                    };
                    if self.damage_listed < MAX_DAMAGE {
                        self.damage.push(d);
                        self.damage_listed += 1;
                    } else {
                        self.damage_from = self.damage_from.or(Some(d));
                    }
                    self.buf.push('\u{FFFD}');
                    bytes = &rest[bad..];
                }
            }
        }
    }

    /// Checks the input's first bytes as [`crate::json::input::decode`] does: a UTF-16 byte
    /// order mark stops reading (`None`), a UTF-8 one is noted and skipped: how many bytes.
    fn byte_order_mark(
        &mut self,
        head: &[u8],
        part: &mut Part,
        options: &SummarizeOptions,
    ) -> Option<usize> {
        let mut f = Findings::new(options.item.strict);
        let stop = head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]);
        let text = if stop {
            f.add(
                IssueCode::Utf16Encoding,
                Span::new(0, 0),
                "",
                "the input starts with a UTF-16 byte order mark; JSON on the wire is UTF-8",
            )
            .hint("re-save the file as UTF-8");
            ""
        } else if head.starts_with("\u{FEFF}".as_bytes()) {
            f.add(
                IssueCode::ByteOrderMark,
                Span::new(0, 3),
                "",
                "the text starts with a UTF-8 byte order mark, which JSON does not allow; it was skipped",
            )
            .hint("save the file as UTF-8 without BOM");
            "\u{FEFF}"
        } else {
            return Some(0);
        };
        let w = Window::new(text, Base::default(), true, &[], None);
        part.problem(None, 1, Kind::Malformed, f, &w, options);
        if stop {
            self.done = true;
            return None;
        }
        // The mark is text of the log, which positions count.
        self.base = w.advanced(text.len());
        Some(text.len())
    }

    /// The buffer holds more than `maxInputBytes` and no item ends in it: reading stops,
    /// with a problem at that item.
    fn too_long(&mut self, part: &mut Part, options: &SummarizeOptions) {
        let start = self.buf.len() - self.buf.trim_start().len();
        let w = Window::new(&self.buf, self.base, true, &[], None);
        let mut f = Findings::new(false);
        f.add(
            IssueCode::InputTooLarge,
            Span::at(&self.buf, start),
            "",
            format!(
                "an item runs past {} bytes (`maxInputBytes`) without ending, or reading cannot \
                 resume after a broken one; reading stopped here",
                options.item.max_input_bytes
            ),
        )
        .hint("raise `maxInputBytes`, or check where this item should have ended");
        let line = w.line_of(start);
        let index = part.counts.events;
        part.problem(Some(index), line, Kind::Malformed, f, &w, options);
        part.counts.limit_reached = true;
        drop(w);
        self.buf = String::new();
        self.done = true;
    }
}
