//! Strings and numbers: the parser's leaves, where most of a notification's bytes are read.

use crate::diagnostics::codes::IssueCode;
use crate::diagnostics::problem::Problem;
use crate::json::parser::{PResult, Parser};
use crate::text::slice::sub;
use crate::text::span::Span;
use std::borrow::Cow;

impl<'a> Parser<'a> {
    pub(super) fn number(&mut self) -> PResult<&'a str> {
        let start = self.pos;
        let b = self.bytes;
        let mut p = self.pos;
        if b.get(p) == Some(&b'-') {
            p += 1;
        }
        match b.get(p) {
            Some(b'0') => {
                p += 1;
                if b.get(p).is_some_and(u8::is_ascii_digit) {
                    return self.bad_number(start, p, "a number cannot have a leading zero");
                }
            }
            Some(c) if c.is_ascii_digit() => {
                while b.get(p).is_some_and(u8::is_ascii_digit) {
                    p += 1;
                }
            }
            _ => return self.bad_number(start, p, "a minus sign must be followed by digits"),
        }
        if b.get(p) == Some(&b'.') {
            p += 1;
            if !b.get(p).is_some_and(u8::is_ascii_digit) {
                return self.bad_number(start, p, "a decimal point must be followed by digits");
            }
            while b.get(p).is_some_and(u8::is_ascii_digit) {
                p += 1;
            }
        }
        if matches!(b.get(p), Some(b'e') | Some(b'E')) {
            p += 1;
            if matches!(b.get(p), Some(b'+') | Some(b'-')) {
                p += 1;
            }
            if !b.get(p).is_some_and(u8::is_ascii_digit) {
                return self.bad_number(start, p, "an exponent must have digits");
            }
            while b.get(p).is_some_and(u8::is_ascii_digit) {
                p += 1;
            }
        }
        self.pos = p;
        Ok(sub(self.src, start..p))
    }

    pub(super) fn bad_number<T>(&self, start: usize, at: usize, detail: &str) -> PResult<T> {
        let mut end = at;
        while self
            .bytes
            .get(end)
            .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'+' | b'-'))
        {
            end += 1;
        }
        self.fail(
            IssueCode::JsonInvalidNumber,
            Span::new(start, end.max(at)),
            detail,
        )
    }

    pub(super) fn string(&mut self) -> PResult<Cow<'a, str>> {
        let open = self.pos;
        let b = self.bytes;
        let mut p = self.pos + 1;
        // Fast path: no escapes, borrow the text as it is.
        p += string_run(&b[p..]);
        match b.get(p) {
            Some(b'"') => {
                self.pos = p + 1;
                return Ok(Cow::Borrowed(sub(self.src, open + 1..p)));
            }
            Some(b'\\') => {}
            Some(_) => return self.control_char(p),
            None => return self.unterminated(open),
        }
        let mut out = String::with_capacity(p - open + 16);
        out.push_str(sub(self.src, open + 1..p));
        loop {
            let Some(&c) = b.get(p) else {
                return self.unterminated(open);
            };
            match c {
                b'"' => {
                    self.pos = p + 1;
                    return Ok(Cow::Owned(out));
                }
                b'\\' => {
                    let esc = p;
                    let Some(&e) = b.get(p + 1) else {
                        return self.unterminated(open);
                    };
                    p += 2;
                    match e {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let hi = self.hex4(esc, p)?;
                            p += 4;
                            let ch = if (0xD800..0xDC00).contains(&hi) {
                                let lo = if b.get(p) == Some(&b'\\') && b.get(p + 1) == Some(&b'u')
                                {
                                    Some(self.hex4(p, p + 2)?)
                                } else {
                                    None
                                };
                                match lo {
                                    Some(lo) if (0xDC00..0xE000).contains(&lo) => {
                                        p += 6;
                                        char::from_u32(
                                            0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00),
                                        )
                                    }
                                    _ => None,
                                }
                            } else {
                                char::from_u32(hi)
                            };
                            match ch {
                                Some(ch) => out.push(ch),
                                None => {
                                    self.note(|s| Problem {
                                        code: IssueCode::JsonLoneSurrogate,
                                        span: Span::new(esc, p),
                                        detail: format!(
                                            "`\\u{:04x}` is half of a UTF-16 surrogate pair with no other half",
                                            hi
                                        ),
                                        hint: Some(
                                            "the text was probably cut in the middle of an emoji"
                                                .into(),
                                        ),
                                        path: s.path_strings(),
                                    });
                                    out.push('\u{FFFD}');
                                }
                            }
                        }
                        _ => {
                            let span = Span::new(
                                esc,
                                esc + 1 + Span::at(self.src, esc + 1).end - (esc + 1),
                            );
                            return self.fail_hint(
                                IssueCode::JsonInvalidEscape,
                                span,
                                &format!("`\\{}` is not a JSON escape", describe_raw(self.src, esc + 1)),
                                "valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX; write a backslash as \\\\",
                            );
                        }
                    }
                }
                0..=0x1F => return self.control_char(p),
                _ => {
                    // Copy the run up to the next quote or backslash in one go.
                    let run_start = p;
                    p += string_run(&b[p..]);
                    out.push_str(sub(self.src, run_start..p));
                }
            }
        }
    }

    pub(super) fn hex4(&self, esc: usize, at: usize) -> PResult<u32> {
        let digits = self.bytes.get(at..at + 4);
        match digits {
            Some(d) if d.iter().all(u8::is_ascii_hexdigit) => Ok(d.iter().fold(0, |acc, &c| {
                acc * 16 + (c as char).to_digit(16).unwrap_or(0)
            })),
            _ => {
                let mut end = at;
                while end < at + 4 && self.bytes.get(end).is_some_and(u8::is_ascii_hexdigit) {
                    end += 1;
                }
                self.fail_hint(
                    IssueCode::JsonInvalidEscape,
                    Span::new(esc, end),
                    "`\\u` must be followed by four hexadecimal digits",
                    "write a backslash as \\\\",
                )
            }
        }
    }

    pub(super) fn control_char<T>(&self, at: usize) -> PResult<T> {
        let c = self.bytes[at];
        let name: Cow<str> = match c {
            b'\n' => "a line break".into(),
            b'\t' => "a tab".into(),
            b'\r' => "a carriage return".into(),
            0 => "a NUL character".into(),
            _ => format!("the control character U+{c:04X}").into(),
        };
        self.fail_hint(
            IssueCode::JsonControlCharacter,
            Span::new(at, at + 1),
            &format!("{name} inside a string must be escaped"),
            if c == b'\n' {
                "write a line break inside a string as \\n (or the string is missing its closing quote)"
            } else {
                "escape control characters as \\uXXXX"
            },
        )
    }

    pub(super) fn unterminated<T>(&self, open: usize) -> PResult<T> {
        self.fail_hint(
            IssueCode::JsonUnexpectedEnd,
            Span::new(open, open + 1),
            "this string is never closed: the text ends before its closing quote",
            "the payload may have been cut off",
        )
    }
}

/// Bytes that end a run of plain string content: the closing quote, a backslash, and the
/// control characters JSON requires to be escaped.
static STRING_STOP: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 0x20 {
        t[i] = true;
        i += 1;
    }
    t[b'"' as usize] = true;
    t[b'\\' as usize] = true;
    t
};

/// Length of the plain run at the start of `bytes`. Strings are most of a notification's
/// text, so they are scanned eight bytes per step for the first `"`, `\\` or byte under 0x20;
/// the last few bytes of the text are looked up one by one.
pub(crate) fn string_run(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut at = 0;
    // The full module has WebAssembly SIMD: sixteen bytes a step, three compares and a
    // bitmask, where the eight-byte steps below took 5-6% of summarize's profile.
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    {
        use core::arch::wasm32::{i8x16_bitmask, u8x16_eq, u8x16_lt, u8x16_splat, v128, v128_or};
        while let Some(chunk) = bytes[at..].first_chunk::<16>() {
            // SAFETY: `chunk` is 16 readable bytes, and `v128_load` reads them unaligned.
            let v: v128 = unsafe { core::arch::wasm32::v128_load(chunk.as_ptr().cast()) };
            let stop = v128_or(
                v128_or(
                    u8x16_eq(v, u8x16_splat(b'"')),
                    u8x16_eq(v, u8x16_splat(b'\\')),
                ),
                u8x16_lt(v, u8x16_splat(0x20)),
            );
            let mask = i8x16_bitmask(stop);
            if mask != 0 {
                return at + mask.trailing_zeros() as usize;
            }
            at += 16;
        }
    }
    while let Some(&word) = bytes[at..].first_chunk::<8>() {
        let w = u64::from_le_bytes(word);
        let quote = w ^ (ONES * u64::from(b'"'));
        let backslash = w ^ (ONES * u64::from(b'\\'));
        // A high bit survives for a byte that is zero in `quote` or `backslash`, or under
        // 0x20 in `w`; bytes of 0x80 and up never raise one. A borrow can also raise bits in
        // the bytes after a stop byte, never before it, so the lowest bit is exact.
        let stop = ((quote.wrapping_sub(ONES) & !quote)
            | (backslash.wrapping_sub(ONES) & !backslash)
            | (w.wrapping_sub(ONES * 0x20) & !w))
            & HIGH;
        if stop != 0 {
            return at + (stop.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    at + bytes[at..]
        .iter()
        .position(|&c| STRING_STOP[usize::from(c)])
        .unwrap_or(bytes.len() - at)
}

pub(super) fn describe_raw(src: &str, pos: usize) -> String {
    sub(src, pos..).chars().next().map_or(String::new(), |c| {
        if c.is_control() {
            format!("U+{:04X}", c as u32)
        } else {
            c.to_string()
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scans_string_runs_up_to_the_first_stop_byte_at_any_position() {
        let slow = |b: &[u8]| b.iter().position(|&c| STRING_STOP[usize::from(c)]);
        for len in 0..24 {
            for at in 0..=len {
                for stop in [b'"', b'\\', 0x00, 0x1f, b'\n'] {
                    // Bytes near each stop value, and UTF-8, must never end a run.
                    let mut text: Vec<u8> = (0..len)
                        .map(|i| [b'#', b']', 0x20, 0x21, 0xC3, 0xFF, 0x5B][i % 7])
                        .collect();
                    if at < len {
                        text[at] = stop;
                        if at + 3 < len {
                            text[at + 3] = b'"';
                        }
                    }
                    assert_eq!(string_run(&text), slow(&text).unwrap_or(len), "{text:?}");
                }
            }
        }
    }
}
