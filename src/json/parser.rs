//! A JSON parser that keeps where every value came from.
//!
//! serde_json would tell us *that* a document is broken, but not where each value sits, and it
//! silently keeps the last of two duplicate keys. Every issue we report points into the text the
//! user pasted, so the tree here keeps byte spans for each key and value, borrows strings that
//! need no unescaping, reports duplicate keys and lone surrogates, and refuses (rather than
//! overflows on) nesting deeper than the caller allows.

use crate::diagnostics::codes::IssueCode;
use crate::diagnostics::issue::MAX_PATH_KEY;
use crate::diagnostics::problem::Problem;
use crate::json::tree::{
    Member, Node, Parsed, Value, HARD_MAX_DEPTH, MAX_NOTES, MAX_PATH_BYTES, MAX_VALUES,
};
use crate::text::slice::sub;
use crate::text::span::Span;
use std::borrow::Cow;

pub struct Parser<'a> {
    pub(super) src: &'a str,
    pub(super) bytes: &'a [u8],
    pub(super) pos: usize,
    pub(super) max_depth: usize,
    pub(super) notes: Vec<Problem>,
    pub(super) notes_dropped: usize,
    /// Keys and indexes from the root to the current value; turned into text only when a
    /// problem is reported, so the happy path allocates nothing for it.
    pub(super) path: Vec<PathSeg<'a>>,
    /// Whether to remember object keys on the way down (only needed for located notes).
    pub(super) track_path: bool,
    /// Values read so far, against [`MAX_VALUES`].
    pub(super) values: usize,
}

/// How many of an object's first members are checked for duplicates one by one, as they
/// come: more than a notification holds, few enough that scanning them is cheap.
pub(super) const SCANNED: usize = 16;

pub(super) type PResult<T> = Result<T, Box<Problem>>;

pub(super) enum PathSeg<'a> {
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
    pub(super) fn path_strings(&self) -> Vec<String> {
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
    pub(super) fn note(&mut self, make: impl FnOnce(&Self) -> Problem) {
        if self.notes.len() < MAX_NOTES {
            let problem = make(self);
            self.notes.push(problem);
        } else {
            self.notes_dropped += 1;
        }
    }

    pub(super) fn fail<T>(
        &self,
        code: IssueCode,
        span: Span,
        detail: impl Into<String>,
    ) -> PResult<T> {
        Err(self.problem(code, span, detail.into(), None))
    }

    pub(super) fn fail_hint<T>(
        &self,
        code: IssueCode,
        span: Span,
        detail: &str,
        hint: &'static str,
    ) -> PResult<T> {
        Err(self.problem(code, span, detail.to_string(), Some(hint)))
    }

    /// The problem [`Self::fail`] and [`Self::fail_hint`] return: one copy for every `T` and
    /// kind of text (the module carried four of `fail_hint`).
    #[cold]
    #[inline(never)]
    fn problem(
        &self,
        code: IssueCode,
        span: Span,
        detail: String,
        hint: Option<&'static str>,
    ) -> Box<Problem> {
        Box::new(Problem {
            code,
            span,
            detail,
            hint: hint.map(Cow::Borrowed),
            path: self.path_strings(),
        })
    }

    /// Skips JSON white space; a comment is reported, since JSON has none.
    #[inline]
    pub(super) fn skip_ws(&mut self) -> PResult<()> {
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
                IssueCode::JsonComment,
                Span::new(self.pos, self.pos + 2),
                "JSON does not allow comments",
                "remove the comment; RingCentral never sends one",
            );
        }
        Ok(())
    }

    pub(super) fn unexpected<T>(&self, expected: &str) -> PResult<T> {
        Err(self.unexpected_problem(expected))
    }

    /// [`Self::unexpected`]'s problem, apart so that its one copy serves every `T` (the module
    /// carried two, 1.2 KB each).
    #[cold]
    #[inline(never)]
    fn unexpected_problem(&self, expected: &str) -> Box<Problem> {
        let Some(&b) = self.bytes.get(self.pos) else {
            return self.problem(
                IssueCode::JsonUnexpectedEnd,
                Span::new(self.pos, self.pos),
                format!("the text ends where {expected} was expected"),
                Some("the payload may have been cut off"),
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
            0xEF if sub(self.src, self.pos..).starts_with('\u{FEFF}') => {
                Some("a byte order mark belongs only at the very start of the text")
            }
            _ => None,
        };
        self.problem(IssueCode::JsonUnexpectedCharacter, span, detail, hint)
    }

    pub(super) fn value(&mut self, depth: usize) -> PResult<Node<'a>> {
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
                        IssueCode::JsonTooDeep,
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
    pub(super) fn too_many_values<T>(&self, at: usize) -> PResult<T> {
        self.fail_hint(
            IssueCode::InputTooLarge,
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
        // Notification objects hold up to nine members (`phoneNumberInfo`): one allocation, no
        // regrowth (a capacity of 8 cost a reallocation on every full notification).
        let mut members: Vec<Member<'a>> = Vec::with_capacity(9);
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
            // The first members are checked against those before them as they come; the
            // rest of a bigger object all at once, when it ends (`note_late_duplicates`).
            if members.len() < SCANNED && members.iter().any(|m| m.key == key) {
                self.note_duplicate(&key, key_span);
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
                break;
            }
        }
        // Only when the object is whole: a document that ends in an error is reported by that
        // error alone.
        if members.len() > SCANNED {
            self.note_late_duplicates(&members);
        }
        Ok(Value::Object(members))
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
                IssueCode::JsonUnexpectedEnd,
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
            IssueCode::JsonTrailingComma,
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
}

/// How a character reads in a message: `x`, or a name for what cannot be shown (borrowed:
/// a copy of each fixed name was an inlined allocation).
fn describe_char(src: &str, pos: usize) -> Cow<'static, str> {
    match sub(src, pos..).chars().next() {
        None => "the end of the text".into(),
        Some('\u{FEFF}') => "a byte order mark (U+FEFF)".into(),
        Some('\u{FFFD}') => {
            "a replacement character (U+FFFD), from bytes that are not UTF-8".into()
        }
        Some(c) if c.is_control() => format!("the control character U+{:04X}", c as u32).into(),
        Some('`') => "a backtick".into(),
        Some(c) => format!("`{c}`").into(),
    }
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
        assert_eq!(p.notes[0].code, IssueCode::JsonDuplicateKey);
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

    /// Every pair of equal names in objects of around [`SCANNED`] members, where the check
    /// changes from scanning to sorting: the later one is reported, at its place. (A hash set
    /// made at the 17th member once missed a pair at the 17th and 18th.)
    #[test]
    fn finds_each_duplicate_whichever_members_they_are() {
        for n in 2..=SCANNED + 4 {
            for first in 0..n {
                for second in first + 1..n {
                    let key = |i: usize| if i == second { first } else { i };
                    let text = format!(
                        "{{{}}}",
                        (0..n)
                            .map(|i| format!("\"k{}\":{i}", key(i)))
                            .collect::<Vec<_>>()
                            .join(",")
                    );
                    let notes = parse(&text).unwrap().notes;
                    assert_eq!(notes.len(), 1, "{text}");
                    let at = text.find(&format!("\"k{first}\":{second}")).unwrap();
                    assert_eq!(notes[0].span.start, at, "{text}");
                    assert_eq!(notes[0].path, vec![format!("k{first}")], "{text}");
                }
            }
        }
    }

    /// In a big object, every later copy of a name is reported, in document order, each with
    /// its path, as in a small one.
    #[test]
    fn reports_every_later_copy_in_a_big_object_in_order() {
        let names = ["b", "a", "c", "a", "b", "a"];
        let mut text = String::from("{\"x\":{");
        for i in 0..30 {
            text.push_str(&format!("\"k{i}\":1,"));
        }
        let members: Vec<String> = names.iter().map(|n| format!("\"{n}\":1")).collect();
        text.push_str(&members.join(","));
        text.push_str("}}");
        let notes = parse(&text).unwrap().notes;
        let found: Vec<(&str, usize)> = notes
            .iter()
            .map(|n| (&text[n.span.start + 1..n.span.end - 1], n.span.start))
            .collect();
        let names_found: Vec<&str> = found.iter().map(|f| f.0).collect();
        assert_eq!(names_found, ["a", "b", "a"]);
        assert!(found.windows(2).all(|w| w[0].1 < w[1].1), "{found:?}");
        for n in &notes {
            assert_eq!(n.path[0], "x");
            assert_eq!(n.path.len(), 2);
            assert_eq!(n.code, IssueCode::JsonDuplicateKey);
        }
        // Escaped and plain spellings of one name are one name.
        let mut text = String::from("{");
        for i in 0..20 {
            text.push_str(&format!("\"k{i}\":1,"));
        }
        text.push_str("\"\\u0061\":1,\"a\":2}");
        assert_eq!(parse(&text).unwrap().notes.len(), 1);
    }

    /// Property tests run natively only (proptest is a native dev-dependency).
    #[cfg(not(target_arch = "wasm32"))]
    mod generated {
        use super::{parse, MAX_NOTES};

        /// An object of generated members: each a name (one of a few, so that many repeat,
        /// sometimes spelled with an escape) and a number or an object of its own.
        #[derive(Clone, Debug)]
        struct Gen(Vec<(u8, bool, Option<Gen>)>);

        fn gen() -> impl proptest::strategy::Strategy<Value = Gen> {
            use proptest::prelude::*;
            let leaf = proptest::collection::vec((0u8..24, any::<bool>(), Just(None)), 0..60)
                .prop_map(Gen);
            leaf.prop_recursive(2, 400, 60, |inner| {
                proptest::collection::vec(
                    (0u8..24, any::<bool>(), proptest::option::of(inner)),
                    0..60,
                )
                .prop_map(Gen)
            })
        }

        /// Writes `g` as JSON, and the start of every member name that an earlier member of its
        /// object has: the duplicates, found the obvious way.
        fn write(g: &Gen, out: &mut String, dups: &mut Vec<usize>) {
            out.push('{');
            for (i, (name, escaped, value)) in g.0.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                if g.0[..i].iter().any(|m| m.0 == *name) {
                    dups.push(out.len());
                }
                // `\u006e` is `n`: one name, two spellings.
                let spelled = if *escaped { "\\u006e" } else { "n" };
                out.push_str(&format!("\"{spelled}{name}\":"));
                match value {
                    Some(inner) => write(inner, out, dups),
                    None => out.push_str(&i.to_string()),
                }
            }
            out.push('}');
        }

        proptest::proptest! {
            #![proptest_config(proptest::prelude::ProptestConfig { cases: 400, ..Default::default() })]
            /// Every later copy of a name, in objects of any size and nesting, and nothing else.
            #[test]
            fn notes_exactly_the_later_copies_of_each_name(g in gen()) {
                let (mut text, mut want) = (String::new(), Vec::new());
                write(&g, &mut text, &mut want);
                let parsed = parse(&text).unwrap();
                let mut got: Vec<usize> = parsed.notes.iter().map(|n| n.span.start).collect();
                got.sort_unstable();
                proptest::prop_assert_eq!(got.len() + parsed.notes_dropped, want.len());
                if want.len() <= MAX_NOTES {
                    proptest::prop_assert_eq!(got, want);
                } else {
                    // The first `MAX_NOTES` noted are kept: an inner object's are noted before the
                    // later copies among the members of a big object around it.
                    proptest::prop_assert!(got.iter().all(|at| want.binary_search(at).is_ok()));
                }
            }
        }
    }

    #[test]
    fn refuses_nesting_past_the_limit_without_recursing_further() {
        let deep = "[".repeat(100_000);
        let e = parse(&deep).unwrap_err();
        assert_eq!(e.code, IssueCode::JsonTooDeep);
        assert_eq!(e.span.start, 64);
    }

    #[test]
    fn names_trailing_commas_comments_and_single_quotes() {
        assert_eq!(
            parse("[1,]").unwrap_err().code,
            IssueCode::JsonTrailingComma
        );
        assert_eq!(
            parse("{\"a\":1,}").unwrap_err().code,
            IssueCode::JsonTrailingComma
        );
        // The span is the comma to remove, not the bracket after it.
        assert_eq!(parse("[1, \n]").unwrap_err().span, Span::new(2, 3));
        assert_eq!(parse("{\"a\":1 ,\n }").unwrap_err().span, Span::new(7, 8));
        assert_eq!(parse("// x\n{}").unwrap_err().code, IssueCode::JsonComment);
        let e = parse("{'a':1}").unwrap_err();
        assert_eq!(e.code, IssueCode::JsonUnexpectedCharacter);
        assert_eq!(e.hint.as_deref(), Some("JSON strings use double quotes"));
    }

    #[test]
    fn reports_lone_surrogates_but_keeps_going() {
        let p = parse(r#"["\ud800", "\ud83d\ude00"]"#).unwrap();
        assert_eq!(p.notes.len(), 1);
        assert_eq!(p.notes[0].code, IssueCode::JsonLoneSurrogate);
    }

    #[test]
    fn locates_truncation_at_the_unclosed_container() {
        let e = parse("{\"a\": [1, 2").unwrap_err();
        assert_eq!(e.code, IssueCode::JsonUnexpectedEnd);
        assert_eq!(e.span, Span::new(6, 7));
    }

    #[test]
    fn rejects_malformed_numbers() {
        for bad in ["01", "-", "1.", "1e", "-a"] {
            assert_eq!(
                parse(bad).unwrap_err().code,
                IssueCode::JsonInvalidNumber,
                "{bad}"
            );
        }
    }
}
