//! A JSON parser that keeps where every value came from.
//!
//! serde_json would tell us *that* a document is broken, but not where each value sits, and it
//! silently keeps the last of two duplicate keys. Every issue we report points into the text the
//! user pasted, so the tree here keeps byte spans for each key and value, borrows strings that
//! need no unescaping, reports duplicate keys and lone surrogates, and refuses (rather than
//! overflows on) nesting deeper than the caller allows.

use crate::diagnostics::codes::Code;
use crate::diagnostics::issue::MAX_PATH_KEY;
use crate::diagnostics::problem::Problem;
use crate::json::map::HashSet;
use crate::text::span::Span;
use std::borrow::Cow;

/// A parsed JSON value with the span of its text (for strings, from quote to quote).
#[derive(Clone, Debug, PartialEq)]
pub struct Node<'a> {
    pub value: Value<'a>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Value<'a> {
    Null,
    Bool(bool),
    /// The number's text exactly as written: ids must keep all their digits.
    Number(Cow<'a, str>),
    String(Cow<'a, str>),
    Array(Vec<Node<'a>>),
    Object(Vec<Member<'a>>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Member<'a> {
    pub key: Cow<'a, str>,
    pub key_span: Span,
    pub value: Node<'a>,
}

impl<'a> Node<'a> {
    /// The value of member `key`, when this is an object holding it (the first, if repeated).
    pub fn get(&self, key: &str) -> Option<&Node<'a>> {
        match &self.value {
            Value::Object(members) => members.iter().find(|m| m.key == key).map(|m| &m.value),
            _ => None,
        }
    }
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
    pub fn members(&self) -> Option<&[Member<'a>]> {
        match &self.value {
            Value::Object(m) => Some(m),
            _ => None,
        }
    }
    /// The JSON type name used in messages ("string", "number", ...).
    pub fn type_name(&self) -> &'static str {
        self.value.type_name()
    }
}

impl Value<'_> {
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        }
    }
}

/// Everything the parser learned about one JSON value.
#[derive(Debug)]
pub struct Parsed<'a> {
    pub root: Node<'a>,
    /// Byte offset just after the value.
    pub end: usize,
    pub notes: Vec<Problem>,
    /// Notes found past [`MAX_NOTES`], counted but not kept.
    pub notes_dropped: usize,
}

/// Most notes (duplicate keys, lone surrogates) kept from one value: a hostile document with
/// millions of duplicate keys must not cost millions of notes, each with its own path.
pub const MAX_NOTES: usize = 1_000;

/// Most values (objects, arrays, strings, numbers, literals) in one parsed document or log
/// item, whatever the input limit: each costs some 50-90 bytes of tree, and the tree of a
/// hostile gigabyte must not exhaust a WebAssembly module's 4 GiB (about 700 MB at most).
pub const MAX_VALUES: usize = 1 << 23;

/// Longest path kept whole in a problem, in bytes: a longer one keeps its first and last
/// segments around a `…` segment.
pub const MAX_PATH_BYTES: usize = 512;

/// Deepest nesting accepted whatever the caller asks, so that recursion stays far from the
/// stack's end even in a WebAssembly module with a small stack.
pub const HARD_MAX_DEPTH: usize = 2_000;

pub struct Parser<'a> {
    src: &'a str,
    bytes: &'a [u8],
    pos: usize,
    max_depth: usize,
    notes: Vec<Problem>,
    notes_dropped: usize,
    /// Keys and indexes from the root to the current value; turned into text only when a
    /// problem is reported, so the happy path allocates nothing for it.
    path: Vec<PathSeg<'a>>,
    /// Whether to remember object keys on the way down (only needed for located notes).
    track_path: bool,
    /// Values read so far, against [`MAX_VALUES`].
    values: usize,
}

type PResult<T> = Result<T, Box<Problem>>;

enum PathSeg<'a> {
    Key(Cow<'a, str>),
    Index(usize),
}

impl<'a> Parser<'a> {
    pub fn new(src: &'a str, pos: usize, max_depth: usize) -> Self {
        Parser {
            src,
            bytes: src.as_bytes(),
            pos,
            max_depth: max_depth.min(HARD_MAX_DEPTH),
            notes: Vec::new(),
            notes_dropped: 0,
            path: Vec::new(),
            track_path: true,
            values: 0,
        }
    }

    /// Parses one value starting at the parser's position (after optional white space).
    pub fn parse_value_at(mut self) -> Result<Parsed<'a>, Box<Problem>> {
        self.skip_ws()?;
        let root = self.value(0)?;
        Ok(Parsed {
            root,
            end: self.pos,
            notes: self.notes,
            notes_dropped: self.notes_dropped,
        })
    }

    /// The path as text: keys cut at [`MAX_PATH_KEY`] characters, and a path longer than
    /// [`MAX_PATH_BYTES`] shortened in the middle to a `…` segment, so that each note under
    /// 2,000 levels of long keys costs a bounded amount, not the depth times the key.
    fn path_strings(&self) -> Vec<String> {
        let seg = |seg: &PathSeg| match seg {
            PathSeg::Key(k) => crate::text::quote::cut(k, MAX_PATH_KEY).into_owned(),
            PathSeg::Index(i) => i.to_string(),
        };
        // Whole segments from one end while they fit in `room` bytes (a `/` each).
        let fitting = |segs: &mut dyn Iterator<Item = &PathSeg<'a>>, room: usize| {
            let mut used = 0;
            let mut out = Vec::new();
            for s in segs {
                let s = seg(s);
                used += s.len() + 1;
                if used > room {
                    break;
                }
                out.push(s);
            }
            out
        };
        let all = fitting(&mut self.path.iter(), MAX_PATH_BYTES);
        if all.len() == self.path.len() {
            return all;
        }
        let mut head = fitting(&mut self.path.iter(), MAX_PATH_BYTES / 2);
        let mut tail = fitting(&mut self.path.iter().rev(), MAX_PATH_BYTES / 2);
        tail.reverse();
        head.push("…".to_string());
        head.extend(tail);
        head
    }

    /// Keeps a note, up to [`MAX_NOTES`]; `make` runs only for the notes kept.
    fn note(&mut self, make: impl FnOnce(&Self) -> Problem) {
        if self.notes.len() < MAX_NOTES {
            let problem = make(self);
            self.notes.push(problem);
        } else {
            self.notes_dropped += 1;
        }
    }

    fn fail<T>(&self, code: Code, span: Span, detail: impl Into<String>) -> PResult<T> {
        Err(Box::new(Problem {
            code,
            span,
            detail: detail.into(),
            hint: None,
            path: self.path_strings(),
        }))
    }

    fn fail_hint<T>(&self, code: Code, span: Span, detail: &str, hint: &str) -> PResult<T> {
        let mut p = self.fail::<()>(code, span, detail).unwrap_err();
        p.hint = Some(hint.to_string());
        Err(p)
    }

    /// Skips JSON white space; a comment is reported, since JSON has none.
    #[inline]
    fn skip_ws(&mut self) -> PResult<()> {
        self.pos = skip_whitespace(self.src, self.pos);
        if self.bytes.get(self.pos) == Some(&b'/') {
            return self.comment();
        }
        Ok(())
    }

    /// At a `/` where a token was expected: a comment, or nothing (left for the caller).
    #[cold]
    fn comment(&self) -> PResult<()> {
        if matches!(self.bytes.get(self.pos + 1), Some(b'/') | Some(b'*')) {
            return self.fail_hint(
                Code::JsonComment,
                Span::new(self.pos, self.pos + 2),
                "JSON does not allow comments",
                "remove the comment; RingCentral never sends one",
            );
        }
        Ok(())
    }

    fn unexpected<T>(&self, expected: &str) -> PResult<T> {
        let Some(&b) = self.bytes.get(self.pos) else {
            return self.fail_hint(
                Code::JsonUnexpectedEnd,
                Span::new(self.pos, self.pos),
                &format!("the text ends where {expected} was expected"),
                "the payload may have been cut off",
            );
        };
        let span = Span::at(self.src, self.pos);
        let found = describe_char(self.src, self.pos);
        let detail = format!("expected {expected}, found {found}");
        // Where a separator was expected, a value starting here means the separator is missing.
        let separator_missing = expected.starts_with("`,`") && matches!(b, b'"' | b'{' | b'[');
        let hint = match b {
            _ if separator_missing => Some("a comma is missing before this"),
            b'"' | b'{' | b'[' | b'0'..=b'9' | b'-' if expected.starts_with("`:`") => {
                Some("put `:` between the member name and its value")
            }
            b'\'' => Some("JSON strings use double quotes"),
            b'N' | b'I' => Some("JSON has no NaN or Infinity; send a number or a string"),
            b'u' => Some("JSON has no `undefined`; leave the member out or use null"),
            b'T' | b'F' => Some("JSON booleans are lower case: `true`, `false`"),
            b'a'..=b'z' | b'A'..=b'Z' | b'_' | b'$' => {
                Some("object keys and string values need double quotes")
            }
            0xEF if self.src[self.pos..].starts_with('\u{FEFF}') => {
                Some("a byte order mark belongs only at the very start of the text")
            }
            _ => None,
        };
        match hint {
            Some(h) => self.fail_hint(Code::JsonUnexpectedCharacter, span, &detail, h),
            None => self.fail(Code::JsonUnexpectedCharacter, span, detail),
        }
    }

    fn value(&mut self, depth: usize) -> PResult<Node<'a>> {
        let start = self.pos;
        let Some(&b) = self.bytes.get(self.pos) else {
            return self.unexpected("a value");
        };
        self.values += 1;
        if self.values > MAX_VALUES {
            return self.too_many_values(start);
        }
        let value = match b {
            b'{' | b'[' => {
                if depth >= self.max_depth {
                    return self.fail_hint(
                        Code::JsonTooDeep,
                        Span::new(start, start + 1),
                        &format!("nesting goes deeper than {} levels", self.max_depth),
                        "raise the `maxDepth` option if this depth is legitimate",
                    );
                }
                if b == b'{' {
                    self.object(depth + 1)?
                } else {
                    self.array(depth + 1)?
                }
            }
            b'"' => Value::String(self.string()?),
            b'-' | b'0'..=b'9' => Value::Number(Cow::Borrowed(self.number()?)),
            b't' => self.literal("true", Value::Bool(true))?,
            b'f' => self.literal("false", Value::Bool(false))?,
            b'n' => self.literal("null", Value::Null)?,
            _ => return self.unexpected("a value"),
        };
        Ok(Node {
            value,
            span: Span::new(start, self.pos),
        })
    }

    #[cold]
    fn too_many_values<T>(&self, at: usize) -> PResult<T> {
        self.fail_hint(
            Code::InputTooLarge,
            Span::at(self.src, at),
            &format!("this JSON value holds more than {MAX_VALUES} values; reading stopped here"),
            "a notification holds a few dozen values: this is not one, or several were merged",
        )
    }

    fn literal(&mut self, word: &str, value: Value<'a>) -> PResult<Value<'a>> {
        if self.bytes[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            self.unexpected("a value")
        }
    }

    fn object(&mut self, depth: usize) -> PResult<Value<'a>> {
        let open = self.pos;
        self.pos += 1;
        // Notification objects hold up to nine members: one allocation, no regrowth.
        let mut members: Vec<Member<'a>> = Vec::with_capacity(8);
        // Small objects are checked for duplicates by scanning; big ones by hashing, so that a
        // hostile object with a million keys stays linear.
        let mut seen: Option<HashSet<Cow<'a, str>>> = None;
        // Where the last `,` stood, to point a trailing comma out.
        let mut comma = open;
        self.skip_ws()?;
        if self.bytes.get(self.pos) == Some(&b'}') {
            self.pos += 1;
            return Ok(Value::Object(members));
        }
        loop {
            if self.bytes.get(self.pos) != Some(&b'"') {
                return if self.bytes.get(self.pos) == Some(&b'}') && !members.is_empty() {
                    self.trailing_comma(comma)
                } else {
                    self.unexpected("a member name in double quotes")
                };
            }
            let key_start = self.pos;
            let key = self.string()?;
            let key_span = Span::new(key_start, self.pos);
            self.skip_ws()?;
            if self.bytes.get(self.pos) != Some(&b':') {
                return self.unexpected("`:` after the member name");
            }
            self.pos += 1;
            self.skip_ws()?;
            if self.track_path {
                self.path.push(PathSeg::Key(key.clone()));
            }
            let value = self.value(depth)?;
            let duplicate = match &mut seen {
                Some(set) => !set.insert(key.clone()),
                None => {
                    let dup = members.iter().any(|m| m.key == key);
                    if members.len() >= 16 {
                        seen = Some(members.iter().map(|m| m.key.clone()).collect());
                    }
                    dup
                }
            };
            if duplicate {
                self.note(|p| Problem {
                    code: Code::JsonDuplicateKey,
                    span: key_span,
                    detail: format!(
                        "the member `{}` appears more than once in this object",
                        crate::text::quote::clip(&key)
                    ),
                    hint: Some(
                        "JSON parsers disagree on which copy wins; keep exactly one".to_string(),
                    ),
                    path: p.path_strings(),
                });
            }
            if self.track_path {
                self.path.pop();
            }
            members.push(Member {
                key,
                key_span,
                value,
            });
            if self.separator(open, b'}', &mut comma)? {
                return Ok(Value::Object(members));
            }
        }
    }

    /// After a member or an item: a comma (remembered, `false`), the closing bracket (`true`),
    /// or an error that names what was expected.
    fn separator(&mut self, open: usize, close: u8, comma: &mut usize) -> PResult<bool> {
        let (container, after) = if close == b'}' {
            ("object", "member")
        } else {
            ("array", "item")
        };
        self.skip_ws()?;
        match self.bytes.get(self.pos) {
            Some(b',') => {
                *comma = self.pos;
                self.pos += 1;
                self.skip_ws()?;
                Ok(false)
            }
            Some(&c) if c == close => {
                self.pos += 1;
                Ok(true)
            }
            None => self.fail(
                Code::JsonUnexpectedEnd,
                Span::new(open, open + 1),
                format!(
                    "this {container} is never closed: the text ends before its `{}`",
                    close as char
                ),
            ),
            _ => self.unexpected(&format!("`,` or `{}` after the {after}", close as char)),
        }
    }

    /// A comma at byte `comma` directly followed by `}` or `]`: the comma is what to remove.
    fn trailing_comma<T>(&self, comma: usize) -> PResult<T> {
        self.fail_hint(
            Code::JsonTrailingComma,
            Span::new(comma, comma + 1),
            "a comma is followed by the end of its object or array",
            "remove the last comma",
        )
    }

    fn array(&mut self, depth: usize) -> PResult<Value<'a>> {
        let open = self.pos;
        self.pos += 1;
        let mut items = Vec::new();
        let mut comma = open;
        self.skip_ws()?;
        if self.bytes.get(self.pos) == Some(&b']') {
            self.pos += 1;
            return Ok(Value::Array(items));
        }
        loop {
            if self.bytes.get(self.pos) == Some(&b']') && !items.is_empty() {
                return self.trailing_comma(comma);
            }
            if self.track_path {
                self.path.push(PathSeg::Index(items.len()));
            }
            items.push(self.value(depth)?);
            if self.track_path {
                self.path.pop();
            }
            if self.separator(open, b']', &mut comma)? {
                return Ok(Value::Array(items));
            }
        }
    }

    fn number(&mut self) -> PResult<&'a str> {
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
        Ok(&self.src[start..p])
    }

    fn bad_number<T>(&self, start: usize, at: usize, detail: &str) -> PResult<T> {
        let mut end = at;
        while self
            .bytes
            .get(end)
            .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'+' | b'-'))
        {
            end += 1;
        }
        self.fail(
            Code::JsonInvalidNumber,
            Span::new(start, end.max(at)),
            detail,
        )
    }

    fn string(&mut self) -> PResult<Cow<'a, str>> {
        let open = self.pos;
        let b = self.bytes;
        let mut p = self.pos + 1;
        // Fast path: no escapes, borrow the text as it is.
        p += string_run(&b[p..]);
        match b.get(p) {
            Some(b'"') => {
                self.pos = p + 1;
                return Ok(Cow::Borrowed(&self.src[open + 1..p]));
            }
            Some(b'\\') => {}
            Some(_) => return self.control_char(p),
            None => return self.unterminated(open),
        }
        let mut out = String::with_capacity(p - open + 16);
        out.push_str(&self.src[open + 1..p]);
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
                                        code: Code::JsonLoneSurrogate,
                                        span: Span::new(esc, p),
                                        detail: format!(
                                            "`\\u{:04x}` is half of a UTF-16 surrogate pair with no other half",
                                            hi
                                        ),
                                        hint: Some(
                                            "the text was probably cut in the middle of an emoji"
                                                .to_string(),
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
                                Code::JsonInvalidEscape,
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
                    out.push_str(&self.src[run_start..p]);
                }
            }
        }
    }

    fn hex4(&self, esc: usize, at: usize) -> PResult<u32> {
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
                    Code::JsonInvalidEscape,
                    Span::new(esc, end),
                    "`\\u` must be followed by four hexadecimal digits",
                    "write a backslash as \\\\",
                )
            }
        }
    }

    fn control_char<T>(&self, at: usize) -> PResult<T> {
        let c = self.bytes[at];
        let name = match c {
            b'\n' => "a line break".to_string(),
            b'\t' => "a tab".to_string(),
            b'\r' => "a carriage return".to_string(),
            0 => "a NUL character".to_string(),
            _ => format!("the control character U+{c:04X}"),
        };
        self.fail_hint(
            Code::JsonControlCharacter,
            Span::new(at, at + 1),
            &format!("{name} inside a string must be escaped"),
            if c == b'\n' {
                "write a line break inside a string as \\n (or the string is missing its closing quote)"
            } else {
                "escape control characters as \\uXXXX"
            },
        )
    }

    fn unterminated<T>(&self, open: usize) -> PResult<T> {
        self.fail_hint(
            Code::JsonUnexpectedEnd,
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

/// How a character reads in a message: `x`, or a name for what cannot be shown.
fn describe_char(src: &str, pos: usize) -> String {
    match src[pos..].chars().next() {
        None => "the end of the text".to_string(),
        Some('\u{FEFF}') => "a byte order mark (U+FEFF)".to_string(),
        Some('\u{FFFD}') => {
            "a replacement character (U+FFFD), from bytes that are not UTF-8".to_string()
        }
        Some(c) if c.is_control() => format!("the control character U+{:04X}", c as u32),
        Some('`') => "a backtick".to_string(),
        Some(c) => format!("`{c}`"),
    }
}

fn describe_raw(src: &str, pos: usize) -> String {
    src[pos..].chars().next().map_or(String::new(), |c| {
        if c.is_control() {
            format!("U+{:04X}", c as u32)
        } else {
            c.to_string()
        }
    })
}

/// Byte offset of the first non-white-space character at or after `pos`.
pub fn skip_whitespace(src: &str, mut pos: usize) -> usize {
    let b = src.as_bytes();
    while b
        .get(pos)
        .is_some_and(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r'))
    {
        pos += 1;
    }
    pos
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(src: &str) -> Result<Parsed<'_>, Box<Problem>> {
        Parser::new(src, 0, 64).parse_value_at()
    }

    #[test]
    fn borrows_plain_strings_and_unescapes_others() {
        let p = parse(r#"{"a":"x","b":"\u00fc\n"}"#).unwrap();
        assert!(matches!(
            p.root.get("a").unwrap().value,
            Value::String(Cow::Borrowed("x"))
        ));
        assert_eq!(p.root.get("b").unwrap().as_str(), Some("ü\n"));
    }

    #[test]
    fn keeps_number_text_exactly() {
        let p = parse("[12345678901234567890123, -0, 1e400]").unwrap();
        let Value::Array(items) = p.root.value else {
            panic!()
        };
        assert_eq!(
            items[0].value,
            Value::Number("12345678901234567890123".into())
        );
        assert_eq!(items[2].value, Value::Number("1e400".into()));
    }

    #[test]
    fn spans_cover_strings_from_quote_to_quote() {
        let src = r#"{ "k" : "v" }"#;
        let p = parse(src).unwrap();
        let v = p.root.get("k").unwrap();
        assert_eq!(&src[v.span.start..v.span.end], "\"v\"");
    }

    #[test]
    fn reports_duplicate_keys_with_their_path() {
        let p = parse(r#"{"a":{"b":1,"b":2}}"#).unwrap();
        assert_eq!(p.notes.len(), 1);
        assert_eq!(p.notes[0].code, Code::JsonDuplicateKey);
        assert_eq!(p.notes[0].path, vec!["a", "b"]);
        assert_eq!(p.notes[0].span, Span::new(12, 15));
    }

    #[test]
    fn finds_duplicates_in_large_objects_too() {
        let mut s = String::from("{");
        for i in 0..40 {
            s.push_str(&format!("\"k{i}\":1,"));
        }
        s.push_str("\"k3\":2}");
        assert_eq!(parse(&s).unwrap().notes.len(), 1);
    }

    #[test]
    fn refuses_nesting_past_the_limit_without_recursing_further() {
        let deep = "[".repeat(100_000);
        let e = parse(&deep).unwrap_err();
        assert_eq!(e.code, Code::JsonTooDeep);
        assert_eq!(e.span.start, 64);
    }

    #[test]
    fn names_trailing_commas_comments_and_single_quotes() {
        assert_eq!(parse("[1,]").unwrap_err().code, Code::JsonTrailingComma);
        assert_eq!(
            parse("{\"a\":1,}").unwrap_err().code,
            Code::JsonTrailingComma
        );
        // The span is the comma to remove, not the bracket after it.
        assert_eq!(parse("[1, \n]").unwrap_err().span, Span::new(2, 3));
        assert_eq!(parse("{\"a\":1 ,\n }").unwrap_err().span, Span::new(7, 8));
        assert_eq!(parse("// x\n{}").unwrap_err().code, Code::JsonComment);
        let e = parse("{'a':1}").unwrap_err();
        assert_eq!(e.code, Code::JsonUnexpectedCharacter);
        assert_eq!(e.hint.as_deref(), Some("JSON strings use double quotes"));
    }

    #[test]
    fn reports_lone_surrogates_but_keeps_going() {
        let p = parse(r#"["\ud800", "\ud83d\ude00"]"#).unwrap();
        assert_eq!(p.notes.len(), 1);
        assert_eq!(p.notes[0].code, Code::JsonLoneSurrogate);
    }

    #[test]
    fn locates_truncation_at_the_unclosed_container() {
        let e = parse("{\"a\": [1, 2").unwrap_err();
        assert_eq!(e.code, Code::JsonUnexpectedEnd);
        assert_eq!(e.span, Span::new(6, 7));
    }

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

    #[test]
    fn rejects_malformed_numbers() {
        for bad in ["01", "-", "1.", "1e", "-a"] {
            assert_eq!(
                parse(bad).unwrap_err().code,
                Code::JsonInvalidNumber,
                "{bad}"
            );
        }
    }
}
