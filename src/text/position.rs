//! Byte offsets to the positions a JavaScript editor understands.
//!
//! The core works on UTF-8 bytes; JavaScript strings count UTF-16 code units. Every position we
//! report is therefore in UTF-16 code units: `line` and `column` are 1-based, `offset` and
//! `length` are 0-based counts from the start of the text, exactly what `String.prototype.slice`
//! and `textarea.setSelectionRange` expect. Line breaks are `\n`, `\r\n` and a lone `\r`.

use crate::text::span::Span;

/// Where a span sits in the text, in UTF-16 code units.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Position {
    /// 1-based line number.
    pub line: u32,
    /// 1-based column, in UTF-16 code units from the start of the line.
    pub column: u32,
    /// 0-based offset of the first code unit from the start of the text.
    pub offset: u32,
    /// Length in UTF-16 code units.
    pub length: u32,
}

impl Position {
    /// Where `span` is in `src` when `src` is ASCII and holds no line break before the span:
    /// each byte a unit, on the first line. As [`Cursor::locate`] has it, without counting.
    pub fn plain(src: &str, span: Span) -> Position {
        let (start, end) = within(span, src.len());
        debug_assert!(
            src.is_ascii()
                && !src.as_bytes()[..start]
                    .iter()
                    .any(|&b| b == b'\n' || b == b'\r')
        );
        Position {
            line: 1,
            column: start as u32 + 1,
            offset: start as u32,
            length: (end - start) as u32,
        }
    }
}

/// UTF-16 code units before each byte offset of one text, from a count kept at every
/// `1 << shift`-byte boundary: a query counts at most one block.
pub struct Utf16Offsets<'a> {
    bytes: &'a [u8],
    shift: u32,
    /// UTF-16 offset of each block boundary; empty when the text is ASCII.
    blocks: Vec<u32>,
}

impl<'a> Utf16Offsets<'a> {
    /// For `src`, which the caller knows to be ASCII or not.
    pub fn new(src: &'a str, ascii: bool, shift: u32) -> Self {
        let bytes = src.as_bytes();
        let blocks = if ascii {
            Vec::new()
        } else {
            let mut acc = 0u32;
            let mut blocks = Vec::with_capacity((bytes.len() >> shift) + 2);
            for chunk in bytes.chunks(1 << shift) {
                blocks.push(acc);
                acc += utf16_units(chunk);
            }
            blocks.push(acc);
            blocks
        };
        Utf16Offsets {
            bytes,
            shift,
            blocks,
        }
    }

    /// UTF-16 code units before byte offset `byte`.
    pub fn of(&self, byte: usize) -> u32 {
        let byte = byte.min(self.bytes.len());
        if self.blocks.is_empty() {
            return byte as u32;
        }
        let block = byte >> self.shift;
        self.blocks[block] + utf16_units(&self.bytes[block << self.shift..byte])
    }
}

/// Answers position queries for one text; built once, in one pass, only when some issue needs
/// locating (the happy path never pays for it).
pub struct LineIndex<'a> {
    line_starts: Vec<usize>,
    /// Blocks of 4 KiB: logs run to hundreds of megabytes.
    units: Utf16Offsets<'a>,
}

impl<'a> LineIndex<'a> {
    pub fn new(src: &'a str) -> Self {
        let bytes = src.as_bytes();
        let mut line_starts = vec![0];
        let mut line_break = |i: usize| match bytes[i] {
            b'\n' => line_starts.push(i + 1),
            b'\r' if bytes.get(i + 1) != Some(&b'\n') => line_starts.push(i + 1),
            _ => {}
        };
        // Logs run to hundreds of megabytes: 32 bytes at a time, looked at one by one only
        // when one of them is a line break. The test on a block has no branch, so the compiler
        // makes it vector compares: the summary of a large log took 1.25 instructions a byte
        // here, 3.2 with a test of eight bytes at a time. In a block that holds one, only the
        // line breaks go to `line_break`.
        const BLOCK: usize = 32;
        let blocks = bytes.chunks_exact(BLOCK);
        let tail = bytes.len() - blocks.remainder().len();
        // The blocks ORed together, for whether the text is ASCII: in the same pass, where a
        // pass of its own (`is_ascii`) read a log's megabytes from memory once more. Kept as a
        // block (vector ORs), reduced once at the end.
        let mut all = [0u8; BLOCK];
        for (k, block) in blocks.enumerate() {
            for (a, &b) in all.iter_mut().zip(block) {
                *a |= b;
            }
            let breaks = block.iter().fold(0u8, |any, &b| {
                any | u8::from(b == b'\n') | u8::from(b == b'\r')
            });
            if breaks != 0 {
                for (j, &b) in block.iter().enumerate() {
                    if b == b'\n' || b == b'\r' {
                        line_break(BLOCK * k + j);
                    }
                }
            }
        }
        (tail..bytes.len()).for_each(line_break);
        LineIndex {
            line_starts,
            units: Utf16Offsets::new(src, all.is_ascii() && bytes[tail..].is_ascii(), 12),
        }
    }

    /// UTF-16 code units before byte offset `byte`.
    pub fn utf16_offset(&self, byte: usize) -> u32 {
        self.units.of(byte)
    }

    /// 1-based line number holding byte offset `byte`.
    pub fn line_of(&self, byte: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= byte)
    }

    pub fn locate(&self, span: Span) -> Position {
        let line = self.line_of(span.start);
        let line_start = self.line_starts[line - 1];
        let offset = self.utf16_offset(span.start);
        Position {
            line: line as u32,
            column: offset - self.utf16_offset(line_start) + 1,
            offset,
            length: self.utf16_offset(span.end.max(span.start)) - offset,
        }
    }
}

/// Positions of spans taken in the order of their starts, counted in one forward pass that
/// stops at the last one: for the few issues of one payload, cheaper than a [`LineIndex`] of
/// the whole text (which in WebAssembly took a tenth of an invalid payload's call).
pub struct Cursor<'a> {
    bytes: &'a [u8],
    /// Byte offset reached, and its line and UTF-16 offset.
    at: usize,
    line: u32,
    units: u32,
    /// UTF-16 offset of the line's start.
    line_units: u32,
}

impl<'a> Cursor<'a> {
    pub fn new(src: &'a str) -> Self {
        Cursor {
            bytes: src.as_bytes(),
            at: 0,
            line: 1,
            units: 0,
            line_units: 0,
        }
    }

    /// Moves on to byte offset `to` (at most the text's length).
    fn advance(&mut self, to: usize) {
        const ONES: u64 = 0x0101_0101_0101_0101;
        const HIGH: u64 = 0x8080_8080_8080_8080;
        // Whether the eight bytes of `w` are ASCII from 0x0e up, which moves the count on by
        // one unit each and holds no line break: no high bit survives then. A byte below 0x0e
        // (a line break, or a tab that is none) leaves its high bit from the subtraction, a
        // non-ASCII byte its own; a borrow sets one in the bytes above only after such a byte.
        // Three operations a word: the test for `\n` and `\r` alone took eleven, and the
        // cursor was the largest cost of a warned payload's call in WebAssembly (116 ns of a
        // `tollType` payload's 900 over a clean one, whose warning is 470 bytes in).
        let plain = |w: u64| (w.wrapping_sub(ONES * 0x0e) | w) & HIGH == 0;
        let b = self.bytes;
        // Sixty-four plain bytes a step first, counted in locals: a warning of a compact
        // payload is hundreds of plain bytes in, and the steps below, which keep the count in
        // `self`, took 863 instructions to reach a `tollType` member 470 bytes in (callgrind,
        // Node + wasm), a third of what its warning added to a clean call.
        let from = self.at;
        let mut at = from;
        while let Some(block) = b.get(at..to).and_then(<[u8]>::first_chunk::<64>) {
            if !plain64(block) {
                break;
            }
            at += 64;
        }
        // The rest, fewer than 64 bytes, when it is plain too: sixteen bytes a test, the last
        // test on the sixteen that end at `to` (those before `at` may fail it, and then the
        // steps below count the rest).
        if at < to && to >= 16 {
            let mut k = at;
            while k + 16 < to
                && b[k..]
                    .first_chunk::<16>()
                    .is_some_and(|w| plain16(w, plain))
            {
                k += 16;
            }
            if k + 16 >= to
                && b[..to]
                    .last_chunk::<16>()
                    .is_some_and(|w| plain16(w, plain))
            {
                at = to;
            }
        }
        self.units += (at - from) as u32;
        self.at = at;
        while self.at < to {
            // Sixteen bytes a step while they are plain, then eight; past those, one at a time.
            if let Some(words) = b[self.at..to].first_chunk::<16>() {
                if plain16(words, plain) {
                    self.at += 16;
                    self.units += 16;
                    continue;
                }
            }
            let word = b[self.at..to].first_chunk::<8>();
            if word.is_some_and(|w| plain(u64::from_le_bytes(*w))) {
                self.at += 8;
                self.units += 8;
                continue;
            }
            let c = b[self.at];
            self.units += u32::from((c & 0xC0) != 0x80) + u32::from(c >= 0xF0);
            self.at += 1;
            if c == b'\n' || c == b'\r' && b.get(self.at) != Some(&b'\n') {
                self.line += 1;
                self.line_units = self.units;
            }
        }
    }

    /// Where `span` is, as [`LineIndex::locate`] has it. Spans should come in the order of
    /// their starts; one before the last starts the count again.
    pub fn locate(&mut self, span: Span) -> Position {
        let (start, end) = within(span, self.bytes.len());
        if start < self.at {
            *self = Cursor {
                at: 0,
                line: 1,
                units: 0,
                line_units: 0,
                ..*self
            };
        }
        self.advance(start);
        Position {
            line: self.line,
            column: self.units - self.line_units + 1,
            offset: self.units,
            length: utf16_units(&self.bytes[start..end]),
        }
    }
}

/// `span`'s start and end within a text of `len` bytes, the end not before the start: where
/// [`Cursor::locate`] and [`Position::plain`] place a span, alike.
#[inline(always)]
fn within(span: Span, len: usize) -> (usize, usize) {
    (span.start.min(len), span.end.max(span.start).min(len))
}

/// Whether the sixty-four bytes of `block` are all ASCII from 0x0e up, as [`plain16`] has
/// sixteen: with WebAssembly SIMD, the least of its four vectors (signed) compared once;
/// without, the eight words' tests ORed, whose high bits survive only from a byte that is not.
#[inline(always)]
fn plain64(block: &[u8; 64]) -> bool {
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    {
        use core::arch::wasm32::{
            i8x16_lt, i8x16_min, i8x16_splat, v128, v128_any_true, v128_load,
        };
        // SAFETY: `block` is 64 readable bytes, and `v128_load` reads them unaligned.
        let v = |k: usize| -> v128 { unsafe { v128_load(block.as_ptr().add(16 * k).cast()) } };
        let least = i8x16_min(i8x16_min(v(0), v(1)), i8x16_min(v(2), v(3)));
        !v128_any_true(i8x16_lt(least, i8x16_splat(0x0e)))
    }
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    {
        const ONES: u64 = 0x0101_0101_0101_0101;
        const HIGH: u64 = 0x8080_8080_8080_8080;
        let bad = block
            .chunks_exact(8)
            .filter_map(<[u8]>::first_chunk::<8>)
            .map(|w| u64::from_le_bytes(*w))
            .fold(0, |bad, w| bad | w.wrapping_sub(ONES * 0x0e) | w);
        bad & HIGH == 0
    }
}

/// Whether the sixteen bytes of `words` are all as `plain` has eight of them: ASCII from
/// 0x0e up. With WebAssembly SIMD (the full module), one signed compare, which takes both.
#[inline(always)]
fn plain16(words: &[u8; 16], plain: impl Fn(u64) -> bool) -> bool {
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    {
        use core::arch::wasm32::{i8x16_lt, i8x16_splat, v128_any_true, v128_load};
        let _ = plain;
        // SAFETY: `words` is 16 readable bytes, and `v128_load` reads them unaligned.
        let v = unsafe { v128_load(words.as_ptr().cast()) };
        // A byte of 0x80 and up is negative as a signed one: under 0x0e, as the breaks are.
        !v128_any_true(i8x16_lt(v, i8x16_splat(0x0e)))
    }
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    {
        let w = u128::from_le_bytes(*words);
        plain(w as u64) && plain((w >> 64) as u64)
    }
}

/// The line breaks at `bytes[from..to]` as [`LineIndex`] has them: each `\n`, and each `\r`
/// that no `\n` follows (looked for past `to` too). Asked in order, a log's lines cost one
/// count of its bytes, which the full module's SIMD makes vector compares, where an index
/// of every line's start took 2% of a summary's profile in WebAssembly (5% of its
/// instructions natively) and a binary search an item.
pub fn line_breaks(bytes: &[u8], from: usize, to: usize) -> usize {
    const BLOCK: usize = 32;
    let is_break =
        |i: usize| bytes[i] == b'\n' || bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n');
    let blocks = bytes[from..to].chunks_exact(BLOCK);
    let tail = to - blocks.remainder().len();
    let mut count = 0;
    // As [`LineIndex::new`] finds them: a test of each block without a branch (vector
    // compares), and its bytes one by one only when it holds a `\n` or `\r`.
    for (k, block) in blocks.enumerate() {
        let any = block.iter().fold(0u8, |any, &b| {
            any | u8::from(b == b'\n') | u8::from(b == b'\r')
        });
        if any != 0 {
            let at = from + k * BLOCK;
            count += (at..at + BLOCK).filter(|&i| is_break(i)).count();
        }
    }
    count + (tail..to).filter(|&i| is_break(i)).count()
}

/// UTF-16 code units in a run of UTF-8 bytes that may start or end inside a character: each
/// character counts at its lead byte, and 4-byte characters (surrogate pairs) count twice.
pub fn utf16_units(bytes: &[u8]) -> u32 {
    // The full module has WebAssembly SIMD: sixteen bytes a step, two compares and their
    // bitmasks counted. Every clean report counts its change sentence (about 150 bytes), and
    // the eight-byte steps below took a fiftieth of a clean validate (cpu profile, 2026-12-01).
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    {
        use core::arch::wasm32::{i8x16_bitmask, i8x16_gt, i8x16_splat, u8x16_ge, u8x16_splat};
        let mut at = 0;
        let mut units = 0;
        while let Some(chunk) = bytes[at..].first_chunk::<16>() {
            // SAFETY: `chunk` is 16 readable bytes, and `v128_load` reads them unaligned.
            let v = unsafe { core::arch::wasm32::v128_load(chunk.as_ptr().cast()) };
            // Not a continuation byte (10xxxxxx, -128..=-65 as signed): a unit; a lead byte of
            // a 4-byte character, one more.
            let starts = i8x16_bitmask(i8x16_gt(v, i8x16_splat(-0x41)));
            let four = i8x16_bitmask(u8x16_ge(v, u8x16_splat(0xF0)));
            units += starts.count_ones() + four.count_ones();
            at += 16;
        }
        units + utf16_units_by_words(&bytes[at..])
    }
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    utf16_units_by_words(bytes)
}

/// [`utf16_units`] eight bytes a step.
fn utf16_units_by_words(bytes: &[u8]) -> u32 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let unit = |b: &u8| u32::from((b & 0xC0) != 0x80) + u32::from(*b >= 0xF0);
    let words = bytes.chunks_exact(8);
    let mut units = words.remainder().iter().map(unit).sum::<u32>();
    // Eight bytes per step: each is a unit, less the continuation bytes (10xxxxxx), plus one
    // for each lead byte of a 4-byte character (11110xxx and up).
    for word in words.filter_map(<[u8]>::first_chunk::<8>) {
        let w = u64::from_le_bytes(*word);
        let continuation = w & !(w << 1) & HIGH;
        let four = w & (w << 1) & (w << 2) & (w << 3) & HIGH;
        units += 8 - continuation.count_ones() + four.count_ones();
    }
    units
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Up to 40 of `pieces` drawn from `seed` (which moves on), joined.
    fn random_text(pieces: &[&str], seed: &mut u64) -> String {
        let mut src = String::new();
        for _ in 0..(*seed % 40) {
            *seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            src.push_str(pieces[(*seed >> 33) as usize % pieces.len()]);
        }
        src
    }

    #[test]
    fn finds_every_line_start_a_byte_by_byte_scan_finds() {
        let pieces = ["a", "\n", "\r", "\r\n", "bcdefgh", "é", "\n\n"];
        let mut seed = 7u64;
        for _ in 0..500 {
            let src = random_text(&pieces, &mut seed);
            let b = src.as_bytes();
            let mut starts = vec![0];
            for i in 0..b.len() {
                if b[i] == b'\n' || b[i] == b'\r' && b.get(i + 1) != Some(&b'\n') {
                    starts.push(i + 1);
                }
            }
            assert_eq!(LineIndex::new(&src).line_starts, starts, "{src:?}");
        }
    }

    /// Counted over any range, a text's line breaks agree with its index: `line_of(to)` is
    /// `line_of(from)` and the breaks between.
    #[test]
    fn counts_the_line_breaks_the_index_has_between_any_two_bytes() {
        let pieces = [
            "a",
            "\n",
            "\r",
            "\r\n",
            "bcdefghijklmnopqrstuvwxyz0123456789",
            "é",
        ];
        let mut seed = 11u64;
        for _ in 0..300 {
            let src = random_text(&pieces, &mut seed);
            let (b, index) = (src.as_bytes(), LineIndex::new(&src));
            for from in (0..=b.len()).step_by(7) {
                for to in (from..=b.len()).step_by(5).chain([b.len()]) {
                    let between = index.line_of(to) - index.line_of(from);
                    assert_eq!(line_breaks(b, from, to), between, "{src:?} {from}..{to}");
                }
            }
        }
    }

    #[test]
    fn counts_utf16_units_as_a_byte_by_byte_count_would() {
        let slow = |b: &[u8]| -> u32 {
            b.iter()
                .map(|&b| u32::from((b & 0xC0) != 0x80) + u32::from(b >= 0xF0))
                .sum()
        };
        let text = "a\u{7f}é€🇨🇭\u{80}\u{7ff}\u{800}\u{ffff}\u{10000}\u{10ffff}z".repeat(3);
        let bytes = text.as_bytes();
        for start in 0..bytes.len() {
            for end in start..=bytes.len().min(start + 40) {
                assert_eq!(utf16_units(&bytes[start..end]), slow(&bytes[start..end]));
            }
        }
        assert_eq!(
            utf16_units(text.as_bytes()) as usize,
            text.encode_utf16().count()
        );
    }

    #[test]
    fn gives_the_utf16_offset_of_every_character_at_any_block_size() {
        let text = "a\u{7f}é€🇨🇭\u{80}\u{7ff}\u{800}\u{ffff}\u{10000}\u{10ffff}z".repeat(9);
        for shift in [3, 4, 6, 12] {
            let offsets = Utf16Offsets::new(&text, false, shift);
            for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
                assert_eq!(
                    offsets.of(byte) as usize,
                    text[..byte].encode_utf16().count()
                );
            }
        }
        let ascii = "plain text".repeat(20);
        let offsets = Utf16Offsets::new(&ascii, true, 6);
        assert_eq!(offsets.of(150), 150);
    }

    #[test]
    fn finds_every_line_break_at_every_offset_within_a_word() {
        for len in 0..40 {
            for at in 0..len {
                for brk in ["\n", "\r", "\r\n"] {
                    let mut text = "é".repeat(len / 2);
                    text.truncate(text.floor_char_boundary(at));
                    let head = text.len();
                    text.push_str(brk);
                    text.push_str(&"x".repeat(len));
                    let index = LineIndex::new(&text);
                    assert_eq!(index.line_starts, vec![0, head + brk.len()], "{text:?}");
                }
            }
        }
    }

    fn pos(src: &str, needle: &str) -> Position {
        let start = src.find(needle).unwrap();
        LineIndex::new(src).locate(Span::new(start, start + needle.len()))
    }

    #[test]
    fn counts_columns_in_utf16_code_units_after_non_ascii_text() {
        let src = "{\"location\": \"Zürich 🇨🇭\", \"x\": 1}";
        let p = pos(src, "\"x\"");
        // `ü` is one unit, each regional indicator is a surrogate pair (2 units).
        assert_eq!(p.column, 29);
        assert_eq!(p.offset, 28);
        assert_eq!(p.length, 3);
        let js_like: Vec<u16> = src.encode_utf16().collect();
        assert_eq!(String::from_utf16(&js_like[28..31]).unwrap(), "\"x\"");
    }

    #[test]
    fn counts_lines_for_lf_crlf_and_cr() {
        let src = "a\nb\r\nc\rd";
        assert_eq!(pos(src, "d").line, 4);
        assert_eq!(pos(src, "d").column, 1);
        assert_eq!(pos(src, "c").line, 3);
    }

    #[test]
    fn handles_long_non_ascii_lines_across_blocks() {
        let mut src = "é".repeat(5000);
        src.push('X');
        let p = pos(&src, "X");
        assert_eq!(p.offset, 5000);
        assert_eq!(p.column, 5001);
    }

    #[test]
    fn a_cursor_locates_every_span_where_the_line_index_does() {
        let pieces = [
            "a",
            "\n",
            "\r",
            "\r\n",
            "bcdefghijklmnop",
            "é",
            "🇨🇭",
            "\n\n",
            "\"",
            // Bytes about the edge of the cursor's word test (below 0x0e, at it, DEL).
            "\t\u{c}",
            "\u{d}\u{e}\u{f}",
            "\u{7f}",
            // Longer than the cursor's 64-byte step, so that its steps meet every piece above.
            "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ{}[]",
        ];
        let mut seed = 11u64;
        for _ in 0..300 {
            let src = random_text(&pieces, &mut seed);
            let index = LineIndex::new(&src);
            let bounds: Vec<usize> = (0..=src.len() + 1)
                .filter(|&i| i > src.len() || src.is_char_boundary(i))
                .collect();
            // Every start, and starts far apart, which the cursor reaches in long steps.
            for step in [1, 29, 97] {
                let mut cursor = Cursor::new(&src);
                for &start in bounds.iter().step_by(step) {
                    let span = Span::new(start, start);
                    assert_eq!(cursor.locate(span), index.locate(span), "{src:?} {span:?}");
                }
            }
            let mut cursor = Cursor::new(&src);
            for (k, &start) in bounds.iter().enumerate() {
                // Each start in order, with ends before, at and after it; then one out of order.
                for &end in [
                    start.saturating_sub(1),
                    start,
                    bounds[(k + 2).min(bounds.len() - 1)],
                ]
                .iter()
                .filter(|&&e| e > src.len() || src.is_char_boundary(e))
                {
                    let span = Span::new(start, end);
                    assert_eq!(cursor.locate(span), index.locate(span), "{src:?} {span:?}");
                }
            }
            let span = Span::new(0, 1.min(src.len()));
            assert_eq!(cursor.locate(span), index.locate(span), "{src:?}");
        }
    }

    #[test]
    fn locates_the_end_of_the_text() {
        let src = "ab";
        let p = LineIndex::new(src).locate(Span::new(2, 2));
        assert_eq!((p.line, p.column, p.offset, p.length), (1, 3, 2, 0));
    }
}
