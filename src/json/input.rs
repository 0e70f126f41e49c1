//! From raw bytes to text the parser can read: size limit, encodings, byte order marks, and
//! the places where text had to be repaired (invalid UTF-8, lone UTF-16 surrogates).

use crate::diagnostics::codes::IssueCode;
use crate::diagnostics::findings::Findings;
use crate::diagnostics::order::sort_by_rank;
use crate::text::slice::sub;
use crate::text::span::Span;
use std::borrow::Cow;

/// Text ready to parse, and where the JSON starts in it (after a byte order mark).
pub(crate) struct Text<'a> {
    pub text: Cow<'a, str>,
    pub start: usize,
    /// Every place where U+FFFD stands for something the input held that is not text, in
    /// order, up to [`MAX_DAMAGE`]. `validate` reports the first of each kind for the whole
    /// payload; `summarize` reports each in the item that holds it, which is then invalid.
    pub damage: Vec<Damage>,
    /// Past [`MAX_DAMAGE`] places, where the first one not listed stands: from there on every
    /// U+FFFD counts as damage of this kind (an input with a million repairs is not text).
    pub damage_from: Option<Damage>,
    /// How many invalid UTF-8 sequences the input holds, listed or not.
    pub utf8_count: usize,
}

/// Most places of damage kept, so that their list costs at most 16 MiB whatever the input.
pub(crate) const MAX_DAMAGE: usize = 1 << 20;

/// A U+FFFD in [`Text`] that the input did not hold as such.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Damage {
    /// Byte offset of the U+FFFD in the text.
    pub at: usize,
    pub what: Damaged,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Damaged {
    /// A byte sequence that is not UTF-8.
    Utf8,
    /// A lone UTF-16 surrogate in a JavaScript string: this code unit.
    Surrogate(u16),
}

/// What the JavaScript boundary learned about the caller's input before handing it over.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FromJs {
    /// The input was not copied because it is certainly too large: its size in bytes, or
    /// (for a string, whose UTF-8 size is not known without encoding it) at least this many.
    pub too_large: Option<(usize, bool)>,
    /// The input fits the limit but could not be checked for want of WebAssembly memory:
    /// the message and hint of its `input-too-large` error, which say why.
    pub no_memory: Option<(String, &'static str)>,
    /// The string's lone surrogates, replaced by U+FFFD on the way in: each one's UTF-16
    /// offset and code unit, in order; a last pair with code unit 0 says where the ones not
    /// listed begin.
    pub lone_surrogates: Vec<(usize, u16)>,
}

/// Decodes `bytes`, reporting what had to be refused or skipped; what had to be repaired is in
/// [`Text::damage`] (see [`note_damage`]). `None` when nothing can be read.
pub(crate) fn decode<'a>(
    bytes: &'a [u8],
    f: &mut Findings,
    max_input_bytes: usize,
    js: &FromJs,
) -> Option<Text<'a>> {
    if let Some((message, hint)) = &js.no_memory {
        f.add(
            IssueCode::InputTooLarge,
            Span::new(0, 0),
            "",
            message.clone(),
        )
        .hint(*hint);
        return None;
    }
    let (size, exact) = js.too_large.unwrap_or((bytes.len(), true));
    if size > max_input_bytes {
        f.add(
            IssueCode::InputTooLarge,
            Span::new(0, 0),
            "",
            format!(
                "the input has {}{size} bytes, more than the limit of {} (`maxInputBytes`)",
                if exact { "" } else { "at least " },
                max_input_bytes
            ),
        )
        .hint("raise `maxInputBytes` if this size is expected");
        return None;
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        f.add(
            IssueCode::Utf16Encoding,
            Span::new(0, 0),
            "",
            "the input starts with a UTF-16 byte order mark; JSON on the wire is UTF-8",
        )
        .hint("re-save the file as UTF-8");
        return None;
    }
    let (text, mut repaired) = match utf8(bytes) {
        Ok(s) => (Cow::Borrowed(s), Repaired::default()),
        Err(_) => {
            let (text, repaired) = repair_utf8(bytes);
            (Cow::Owned(text), repaired)
        }
    };
    if !js.lone_surrogates.is_empty() {
        for d in surrogates_in(&text, &js.lone_surrogates) {
            match d.what {
                Damaged::Surrogate(0) => repaired.from = repaired.from.or(Some(d)),
                _ => repaired.damage.push(d),
            }
        }
        // The crate's one stable sort: `sort_by_key` would add the standard library's (3.6 KB
        // of the validate module).
        sort_by_rank(&mut repaired.damage, |d| (d.at as u64, 0));
        if let Some(from) = repaired.from {
            repaired.damage.retain(|d| d.at < from.at);
        }
    }
    let start = if text.starts_with('\u{FEFF}') {
        f.add(
            IssueCode::ByteOrderMark,
            Span::new(0, 3),
            "",
            "the text starts with a UTF-8 byte order mark, which JSON does not allow; it was skipped",
        )
        .hint("save the file as UTF-8 without BOM");
        3
    } else {
        0
    };
    Some(Text {
        text,
        start,
        damage: repaired.damage,
        damage_from: repaired.from,
        utf8_count: repaired.utf8_count,
    })
}

/// What repairing the input found (see [`Text`]).
#[derive(Default)]
struct Repaired {
    damage: Vec<Damage>,
    from: Option<Damage>,
    utf8_count: usize,
}

/// `bytes` as text, if they are UTF-8. ASCII (nearly every log) is known so from blocks of
/// bytes ORed together, which the full module's SIMD makes vector ORs, and then needs no
/// other check: `from_utf8` reads eight bytes a step in wasm32, and took 1.5% of a summary's
/// profile there (3.5% of its instructions natively). A block that is not ASCII hands the
/// whole text to `from_utf8`.
fn utf8(bytes: &[u8]) -> Result<&str, std::str::Utf8Error> {
    const BLOCK: usize = 32;
    let blocks = bytes.chunks_exact(BLOCK);
    let tail = blocks.remainder();
    // 4 KiB at a time, so that a text that is not ASCII is found out early.
    for run in bytes[..bytes.len() - tail.len()].chunks(BLOCK * 128) {
        let mut all = [0u8; BLOCK];
        for block in run.chunks_exact(BLOCK) {
            for (a, &b) in all.iter_mut().zip(block) {
                *a |= b;
            }
        }
        if !all.is_ascii() {
            return std::str::from_utf8(bytes);
        }
    }
    if !tail.is_ascii() {
        return std::str::from_utf8(bytes);
    }
    // SAFETY: every byte is under 0x80 (checked above), and ASCII is UTF-8.
    Ok(unsafe { std::str::from_utf8_unchecked(bytes) })
}

/// `bytes` with each invalid sequence replaced by U+FFFD (as `String::from_utf8_lossy` does),
/// and where each replacement stands.
fn repair_utf8(bytes: &[u8]) -> (String, Repaired) {
    let mut text = String::with_capacity(bytes.len() + 16);
    let mut repaired = Repaired::default();
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        if !chunk.invalid().is_empty() {
            let d = Damage {
                at: text.len(),
                what: Damaged::Utf8,
            };
            if repaired.damage.len() < MAX_DAMAGE {
                repaired.damage.push(d);
            } else {
                repaired.from = repaired.from.or(Some(d));
            }
            repaired.utf8_count += 1;
            text.push('\u{FFFD}');
        }
    }
    (text, repaired)
}

/// Where the lone surrogates at these UTF-16 offsets (in order) stand in `text`, which holds
/// U+FFFD in their place (one unit for one): one pass over the text for all of them.
fn surrogates_in<'t>(text: &'t str, at: &'t [(usize, u16)]) -> impl Iterator<Item = Damage> + 't {
    let mut chars = text.char_indices();
    let mut unit = 0;
    at.iter().filter_map(move |&(target, code_unit)| {
        for (i, c) in chars.by_ref() {
            let here = unit;
            unit += c.len_utf16();
            if here == target {
                return Some(Damage {
                    at: i,
                    what: Damaged::Surrogate(code_unit),
                });
            }
        }
        None
    })
}

/// Reports `damage` as a payload's (or a log item's) own problems: the first invalid UTF-8
/// sequence, with `utf8_count`, how many there are, and the first lone surrogate.
pub(crate) fn note_damage(f: &mut Findings, text: &str, damage: &[Damage], utf8_count: usize) {
    if let Some(first) = damage.iter().find(|d| d.what == Damaged::Utf8) {
        note_one(f, text, first, utf8_count);
    }
    if let Some(first) = damage.iter().find(|d| d.what != Damaged::Utf8) {
        note_one(f, text, first, 1);
    }
}

/// The places of damage in `text[start..end]`, given the listed ones there and, past the
/// list's end (`from`), any U+FFFD: with how many invalid UTF-8 sequences that makes.
pub(crate) fn damage_in(
    text: &str,
    listed: &[Damage],
    from: Option<Damage>,
    (start, end): (usize, usize),
) -> (Vec<Damage>, usize) {
    let mut found = listed.to_vec();
    if let Some(from) = from.filter(|f| f.at < end) {
        let scan = start.max(from.at);
        found.extend(
            sub(text, scan..end)
                .match_indices('\u{FFFD}')
                .map(|(i, _)| Damage {
                    at: scan + i,
                    what: from.what,
                }),
        );
    }
    let utf8 = found.iter().filter(|d| d.what == Damaged::Utf8).count();
    (found, utf8)
}

/// Reports one place of damage; `count` is how many of its kind the input holds.
pub(crate) fn note_one(f: &mut Findings, text: &str, d: &Damage, count: usize) {
    match d.what {
        Damaged::Utf8 => f
            .add(
                IssueCode::InvalidUtf8,
                Span::new(d.at, d.at + '\u{FFFD}'.len_utf8()),
                "",
                format!(
                    "the input holds {count} byte sequence{} that {} not valid UTF-8; the first is here",
                    if count == 1 { "" } else { "s" },
                    if count == 1 { "is" } else { "are" }
                ),
            )
            .hint("the payload was decoded with the wrong character set, or is binary"),
        Damaged::Surrogate(code_unit) => f
            .add(
                IssueCode::JsonLoneSurrogate,
                Span::at(text, d.at),
                "",
                format!(
                    "the string holds a lone UTF-16 surrogate U+{code_unit:04X} with no other half; \
                     it cannot be encoded as UTF-8 and was read as U+FFFD"
                ),
            )
            .hint(
                "the text was probably cut in the middle of an emoji; the payload as sent is not valid",
            ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_repair_in_order() {
        let (text, repaired) = repair_utf8(b"a\xFFb\xED\xA0\x80c");
        assert_eq!(text, "a\u{FFFD}b\u{FFFD}\u{FFFD}\u{FFFD}c");
        assert_eq!(repaired.utf8_count, 4);
        let at: Vec<usize> = repaired.damage.iter().map(|d| d.at).collect();
        assert_eq!(at, vec![1, 5, 8, 11]);
        assert_eq!(text, String::from_utf8_lossy(b"a\xFFb\xED\xA0\x80c"));
    }

    /// Every length around the blocks' and runs' sizes, with one byte that is not ASCII (or
    /// not UTF-8) anywhere: the same answer as `from_utf8`.
    #[test]
    fn reads_text_as_from_utf8_does() {
        for len in [0, 1, 31, 32, 33, 95, 4095, 4096, 4097, 8200] {
            let ascii = vec![b'a'; len];
            assert_eq!(utf8(&ascii).ok(), std::str::from_utf8(&ascii).ok());
            for at in [0, len / 2, len.saturating_sub(1)]
                .into_iter()
                .filter(|&a| a < len)
            {
                for bad in [&b"\xC3\xA9"[..], b"\xFF", b"\xE2\x82", b"\x80"] {
                    let mut bytes = ascii.clone();
                    bytes.splice(at..at + 1, bad.iter().copied());
                    assert_eq!(
                        utf8(&bytes),
                        std::str::from_utf8(&bytes),
                        "{len} {at} {bad:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn places_lone_surrogates_by_their_utf16_offsets() {
        // "é😀\u{FFFD}x\u{FFFD}": the replacements stand at units 3 and 5.
        let text = "é😀\u{FFFD}x\u{FFFD}";
        let found: Vec<Damage> = surrogates_in(text, &[(3, 0xD800), (5, 0xDC00)]).collect();
        assert_eq!(
            found,
            vec![
                Damage {
                    at: 6,
                    what: Damaged::Surrogate(0xD800)
                },
                Damage {
                    at: 10,
                    what: Damaged::Surrogate(0xDC00)
                }
            ]
        );
    }
}
