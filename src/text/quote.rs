//! Text taken from a payload, made safe to quote: clipped so that a hostile 100 MB value does
//! not end up in every message, and with the characters that could forge lines, move a
//! terminal's cursor or reorder what a reader sees shown as escapes.
//!
//! A leaf: it knows nothing of JSON or of the event, so the parser and the rules share it.

use super::slice::sub;
use std::borrow::Cow;

/// Characters quoted in messages at most: the rest is cut and marked with `…`.
pub const QUOTE_CHARS: usize = 60;

/// Whether `c` must not appear raw in text meant for people: C0 controls (line breaks and
/// tabs included), DEL, C1 controls, the Unicode line and paragraph separators, and the
/// bidirectional controls that let a value reorder the text around it.
pub fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1F}' | '\u{7F}'..='\u{9F}' | '\u{2028}' | '\u{2029}'
        | '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `s` with every [`is_unsafe`] character written as a JSON-style escape (`\u001b`), so it
/// reads as what it is and does nothing. Borrowed when there is nothing to escape.
pub fn escape(s: &str) -> Cow<'_, str> {
    // Every unsafe character is below U+0080 or starts with a lead byte of 0xC2, 0xD8, 0xE2.
    let suspicious = s
        .bytes()
        .any(|b| b < 0x20 || b == 0x7F || b == 0xC2 || b == 0xD8 || b == 0xE2);
    if !suspicious || !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if is_unsafe(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A value as a message quotes it: at most `QUOTE_CHARS` characters, escaped.
pub fn clip(s: &str) -> Cow<'_, str> {
    clip_to(s, QUOTE_CHARS)
}

/// `s` cut after `max` characters, with `…` marking the cut, and escaped; linear in `max`,
/// not in `s`. Borrowed when it is `s` as it is (nearly always): every change sentence
/// quotes a location or a provider, and a copy cost an allocation each.
pub fn clip_to(s: &str, max: usize) -> Cow<'_, str> {
    // No more bytes than `max` is no more characters: nothing to look for.
    if s.len() <= max {
        return escape(s);
    }
    match char_start(s, max) {
        None => escape(s),
        Some(end) => Cow::Owned(format!("{}…", escape(sub(s, ..end)))),
    }
}

/// `s` cut after `max` characters, with `…` marking the cut, and not escaped: for data such
/// as a JSON Pointer, whose characters mean what they are.
pub fn cut(s: &str, max: usize) -> Cow<'_, str> {
    if s.len() <= max {
        return Cow::Borrowed(s);
    }
    match char_start(s, max) {
        None => Cow::Borrowed(s),
        Some(end) => Cow::Owned(format!("{}…", sub(s, ..end))),
    }
}

/// Where character `n` of `s` starts (counted from 0), if `s` has one: `char_indices().nth(n)`,
/// counting the bytes that start a character instead of decoding each, which took 1.5 KB of
/// each WebAssembly module.
fn char_start(s: &str, n: usize) -> Option<usize> {
    let mut seen = 0;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        // Not a continuation byte (10xxxxxx): a character starts here.
        if (b as i8) >= -0x40 {
            if seen == n {
                return Some(i);
            }
            seen += 1;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_where_a_character_starts_as_char_indices_does() {
        for s in ["", "abc", "Zürich 🇨🇭 x", "\u{10FFFF}é\u{80}"] {
            for n in 0..=s.chars().count() + 1 {
                assert_eq!(
                    char_start(s, n),
                    s.char_indices().nth(n).map(|(i, _)| i),
                    "{s:?} {n}"
                );
            }
        }
    }

    #[test]
    fn escapes_controls_separators_and_bidi_overrides() {
        assert_eq!(
            escape("x\nAll items valid.\u{1b}[2K\r"),
            "x\\u000aAll items valid.\\u001b[2K\\u000d"
        );
        assert_eq!(
            escape("a\u{85}b\u{2028}c\u{202e}d\u{2066}"),
            "a\\u0085b\\u2028c\\u202ed\\u2066"
        );
        assert_eq!(escape("\u{7f}\t"), "\\u007f\\u0009");
        assert!(matches!(escape("São Paulo — 東京 🇧🇷"), Cow::Borrowed(_)));
        // Characters that share a lead byte with unsafe ones stay as they are.
        assert_eq!(escape("é\u{2014}\u{600}"), "é\u{2014}\u{600}");
    }

    #[test]
    fn clips_then_escapes() {
        assert_eq!(clip_to("abcdef", 3), "abc…");
        assert_eq!(clip_to("a\u{1b}cdef", 3), "a\\u001bc…");
        assert_eq!(clip_to("ab", 3), "ab");
        let long = "x".repeat(1 << 20);
        assert_eq!(clip(&long).chars().count(), QUOTE_CHARS + 1);
    }
}
