//! Payload text made inert for each rendering: control, separator and bidi characters shown
//! as escapes everywhere ([`crate::text::quote::escape`]); in Markdown, everything Markdown would
//! interpret; in CSV, everything a spreadsheet would run as a formula.

use crate::text::quote;
use crate::text::slice::sub;
use std::borrow::Cow;

/// For plain text: one line, nothing that moves a terminal's cursor or reorders the text.
pub(crate) fn plain(s: &str) -> Cow<'_, str> {
    quote::escape(s)
}

/// For Markdown (CommonMark and GitHub's dialect), inline or in a table cell: rendered, it
/// reads as the text itself, never as markup, HTML, a link, an image or a code fence.
pub(crate) fn md(s: &str) -> String {
    let s = quote::escape(s);
    let mut out = String::with_capacity(s.len() + 8);
    for (i, c) in s.char_indices() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            // Emphasis, code spans and fences (` and ~), link and image brackets, headings,
            // tables; and the `@` of a bare e-mail address, which GitHub links.
            '\\' | '|' | '*' | '_' | '[' | ']' | '#' | '`' | '~' | '@' => {
                out.push('\\');
                out.push(c);
            }
            // The `:` of a bare `scheme://` link, and the `.` of a bare `www.` link.
            ':' if sub(&s, i + 1..).starts_with("//") => out.push_str("\\:"),
            '.' if s
                .get(i.saturating_sub(3)..i)
                .is_some_and(|w| w.eq_ignore_ascii_case("www")) =>
            {
                out.push_str("\\.");
            }
            c => out.push(c),
        }
    }
    out
}

/// Whether a spreadsheet would read a cell starting with `c` as a formula: `=`, `+`, `-`,
/// `@`, their full-width forms, and tab and carriage return.
fn formula_lead(c: char) -> bool {
    matches!(
        c,
        '=' | '+' | '-' | '@' | '\t' | '\r' | '\u{FF1D}' | '\u{FF0B}' | '\u{FF0D}' | '\u{FF20}'
    )
}

/// One CSV cell (RFC 4180): escaped like plain text, defused against spreadsheet formulas
/// (a leading `'`, also when the lead follows spaces), quoted when it holds `,` or `"`. A
/// signed number such as `+12024999741` is left as it is: it computes nothing.
// The tests on bytes and chars below are written out: `str`'s pattern searchers for char
// arrays and functions, and `replace`, were most of this function's 1.9 KB of the module.
pub(crate) fn cell(s: &str) -> String {
    let s = quote::escape(s);
    let body = s.trim_start_matches(' ');
    let signed_number = matches!(body.as_bytes().first(), Some(b'+' | b'-'))
        && body.len() > 1
        && sub(body, 1..).bytes().all(|b| b.is_ascii_digit());
    let formula = body.chars().next().is_some_and(formula_lead) && !signed_number;
    let quoted = s.bytes().any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r'));
    let mut out = String::with_capacity(s.len() + 4);
    if quoted {
        out.push('"');
    }
    if formula {
        out.push('\'');
    }
    for c in s.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quoted {
        out.push('"');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_quoted_escaped_and_defused() {
        assert_eq!(cell("+12024999741"), "+12024999741");
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("-x"), "'-x");
        assert_eq!(cell("  =1+1"), "'  =1+1");
        assert_eq!(cell("\u{FF1D}SUM(A1)"), "'\u{FF1D}SUM(A1)");
        assert_eq!(cell("\u{FF20}x"), "'\u{FF20}x");
        assert_eq!(cell("@x"), "'@x");
        assert_eq!(cell("+"), "'+");
        // A tab or CR lead is escaped first, so it can no longer lead a formula.
        assert_eq!(cell("\t=1"), "\\u0009=1");
        assert_eq!(cell("a\r\nb\u{202e}"), "a\\u000d\\u000ab\\u202e");
    }

    #[test]
    fn markdown_renders_payload_text_as_text() {
        assert_eq!(md("<img onerror=x>|*"), "&lt;img onerror=x&gt;\\|\\*");
        assert_eq!(md("see https://x.io"), "see https\\://x.io");
        assert_eq!(md("www.evil.com"), "www\\.evil.com");
        assert_eq!(md("éw.x"), "éw.x");
        assert_eq!(md("a@b.co"), "a\\@b.co");
        assert_eq!(md("[a](b) ![i](s)"), "\\[a\\](b) !\\[i\\](s)");
        assert_eq!(md("status: a → b"), "status: a → b");
        assert_eq!(
            md("Washington, DC\r\r~~~\r"),
            "Washington, DC\\\\u000d\\\\u000d\\~\\~\\~\\\\u000d"
        );
        assert_eq!(md("x\n# h"), "x\\\\u000a\\# h");
    }

    #[test]
    fn plain_text_shows_controls_as_escapes() {
        assert_eq!(
            plain("x\nAll valid.\u{1b}[2K"),
            "x\\u000aAll valid.\\u001b[2K"
        );
    }
}
