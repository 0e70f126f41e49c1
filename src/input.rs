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

/// Decodes `bytes`, reporting what had to be forgiven. `None` when nothing can be read.
pub(crate) fn decode<'a>(bytes: &'a [u8], f: &mut Findings, options: &Options) -> Option<Text<'a>> {
    if bytes.len() > options.max_input_bytes {
        f.add(
            Code::InputTooLarge,
            Span::new(0, 0),
            "",
            format!(
                "the input has {} bytes, more than the limit of {} (`maxInputBytes`)",
                bytes.len(),
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
