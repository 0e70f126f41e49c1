//! From raw bytes to text the parser can read: size limit, encodings, byte order marks.

use crate::codes::Code;
use crate::findings::Findings;
use crate::json::Span;
use crate::model::Options;
use std::borrow::Cow;

/// Text ready to parse, and where the JSON starts in it (after a byte order mark).
pub(crate) struct Text<'a> {
    pub text: Cow<'a, str>,
    pub start: usize,
}

/// What the JavaScript boundary learned about the caller's input before handing it over.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FromJs {
    /// The input was not copied because it is certainly too large: its size in bytes, or
    /// (for a string, whose UTF-8 size is not known without encoding it) at least this many.
    pub too_large: Option<(usize, bool)>,
    /// The string held a lone surrogate, replaced by U+FFFD on the way in: the first one's
    /// UTF-16 offset and code unit.
    pub lone_surrogate: Option<(usize, u16)>,
}

/// Decodes `bytes`, reporting what had to be forgiven. `None` when nothing can be read.
pub(crate) fn decode<'a>(
    bytes: &'a [u8],
    f: &mut Findings,
    options: &Options,
    js: &FromJs,
) -> Option<Text<'a>> {
    let (size, exact) = js.too_large.unwrap_or((bytes.len(), true));
    if size > options.max_input_bytes {
        f.add(
            Code::InputTooLarge,
            Span::new(0, 0),
            "",
            format!(
                "the input has {}{size} bytes, more than the limit of {} (`maxInputBytes`)",
                if exact { "" } else { "at least " },
                options.max_input_bytes
            ),
        )
        .hint("raise `maxInputBytes` if this size is expected");
        return None;
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        f.add(
            Code::Utf16Encoding,
            Span::new(0, 0),
            "",
            "the input starts with a UTF-16 byte order mark; JSON on the wire is UTF-8",
        )
        .hint("re-save the file as UTF-8");
        return None;
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => Cow::Borrowed(s),
        Err(e) => {
            let at = e.valid_up_to();
            let lossy = String::from_utf8_lossy(bytes);
            let bad = lossy.matches('\u{FFFD}').count()
                - String::from_utf8_lossy(&bytes[..at])
                    .matches('\u{FFFD}')
                    .count();
            f.add(
                Code::InvalidUtf8,
                Span::new(at, at + '\u{FFFD}'.len_utf8()),
                "",
                format!(
                    "the input holds {bad} byte sequence{} that {} not valid UTF-8; the first is here",
                    if bad == 1 { "" } else { "s" },
                    if bad == 1 { "is" } else { "are" }
                ),
            )
            .hint("the payload was decoded with the wrong character set, or is binary");
            Cow::Owned(lossy.into_owned())
        }
    };
    if let Some((unit, code_unit)) = js.lone_surrogate {
        crate::boundary::note_lone_surrogate(f, &text, unit, code_unit);
    }
    let start = if text.starts_with('\u{FEFF}') {
        f.add(
            Code::ByteOrderMark,
            Span::new(0, 3),
            "",
            "the text starts with a UTF-8 byte order mark, which JSON does not allow; it was skipped",
        )
        .hint("save the file as UTF-8 without BOM");
        3
    } else {
        0
    };
    Some(Text { text, start })
}
