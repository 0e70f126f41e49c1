//! A small JSON writer for reports, which also writes the same value as tokens.
//!
//! JSON text is what Rust callers and the golden test files get. Into JavaScript, a value
//! crosses as tokens instead ([`Tokens`]): numbers and one text, which `assembleValue` in
//! src/wasm.rs turns into the plain objects `JSON.parse` would make of the text, about twice as
//! fast on a log's summary (no characters to parse, and each key's string made once).

/// Writes one JSON value; objects and arrays are written through closures so brackets and
/// commas can never be left unbalanced.
pub struct JsonWriter {
    out: Out,
    first: bool,
}

enum Out {
    Text(String),
    /// Boxed: its table of keys takes kilobytes.
    Tokens(Box<Tokens>),
}

/// A value as a stream of numbers and one text. Each value starts with a tag:
/// [`NULL`], [`FALSE`], [`TRUE`]; [`NUMBER`] then its low and high 32 bits; [`STRING`] then
/// its length in UTF-16 units, its text being the next that many units of the text;
/// [`OBJECT`] or [`ARRAY`], their members or items, then [`END`]. Each member starts with its
/// key: [`NEW_KEY`] and a length, as a string, the first time a key is written (it is then
/// numbered 0, 1, 2...), or [`KEY`] and that number after.
pub struct Tokens {
    nums: Vec<u32>,
    text: String,
    /// Keys already numbered, by the address and length of their `&'static str` (memory no
    /// other key can take): an open-addressing table, with room for every key this crate
    /// writes. Were it ever full, later keys would simply be sent as new each time.
    keys: [(usize, usize, u32); KEY_SLOTS],
    next_key: u32,
}

const KEY_SLOTS: usize = 256;

pub const NULL: u32 = 0;
pub const FALSE: u32 = 1;
pub const TRUE: u32 = 2;
pub const NUMBER: u32 = 3;
pub const STRING: u32 = 4;
pub const OBJECT: u32 = 5;
pub const ARRAY: u32 = 6;
pub const END: u32 = 7;
pub const NEW_KEY: u32 = 8;
pub const KEY: u32 = 9;

impl Tokens {
    fn string(&mut self, tag: u32, s: &str) {
        self.nums
            .extend([tag, crate::text::position::utf16_units(s.as_bytes())]);
        self.text.push_str(s);
    }

    fn key(&mut self, key: &'static str) {
        let (at, len) = (key.as_ptr() as usize, key.len());
        // Fibonacci hashing of the address; the length tells apart keys that share a start.
        let mut slot = (at ^ len).wrapping_mul(0x9E37_79B9) >> 8;
        for _ in 0..KEY_SLOTS {
            slot %= KEY_SLOTS;
            match self.keys[slot] {
                (0, _, _) => {
                    self.keys[slot] = (at, len, self.next_key);
                    break;
                }
                (a, l, id) if a == at && l == len => {
                    self.nums.extend([KEY, id]);
                    return;
                }
                _ => slot += 1,
            }
        }
        self.next_key += 1;
        self.string(NEW_KEY, key);
    }
}

impl Default for JsonWriter {
    fn default() -> Self {
        Self::new()
    }
}

impl JsonWriter {
    /// A writer of JSON text.
    pub fn new() -> Self {
        JsonWriter {
            out: Out::Text(String::with_capacity(256)),
            first: true,
        }
    }

    /// A writer of [`Tokens`].
    pub fn tokens() -> Self {
        JsonWriter {
            out: Out::Tokens(Box::new(Tokens {
                nums: Vec::with_capacity(64),
                text: String::with_capacity(256),
                keys: [(0, 0, 0); KEY_SLOTS],
                next_key: 0,
            })),
            first: true,
        }
    }

    /// The JSON text (empty from a writer of tokens).
    pub fn finish(self) -> String {
        match self.out {
            Out::Text(text) => text,
            Out::Tokens(_) => String::new(),
        }
    }

    /// The tokens (none from a writer of text).
    pub fn finish_tokens(self) -> (Vec<u32>, String) {
        match self.out {
            Out::Tokens(t) => {
                let Tokens { nums, text, .. } = *t;
                (nums, text)
            }
            Out::Text(_) => (Vec::new(), String::new()),
        }
    }

    /// Text to add in text mode, or a token in token mode.
    fn put(&mut self, text: &str, token: u32) {
        match &mut self.out {
            Out::Text(out) => out.push_str(text),
            Out::Tokens(t) => t.nums.push(token),
        }
    }

    fn sep(&mut self) {
        if !self.first {
            if let Out::Text(out) = &mut self.out {
                out.push(',');
            }
        }
        self.first = false;
    }

    pub fn object(&mut self, body: impl FnOnce(&mut Self)) {
        self.put("{", OBJECT);
        self.first = true;
        body(self);
        self.put("}", END);
        self.first = false;
    }

    pub fn array(&mut self, body: impl FnOnce(&mut Self)) {
        self.put("[", ARRAY);
        self.first = true;
        body(self);
        self.put("]", END);
        self.first = false;
    }

    /// Starts member `key` of the current object; the next write is its value. Keys are
    /// names this crate chooses, never text from the input.
    pub fn key(&mut self, key: &'static str) -> &mut Self {
        self.sep();
        match &mut self.out {
            Out::Text(out) => {
                write_str(out, key);
                out.push(':');
            }
            Out::Tokens(t) => t.key(key),
        }
        self.first = true;
        self
    }

    /// Starts the next item of the current array.
    pub fn item(&mut self) -> &mut Self {
        self.sep();
        self.first = true;
        self
    }

    pub fn str(&mut self, s: &str) {
        match &mut self.out {
            Out::Text(out) => write_str(out, s),
            Out::Tokens(t) => t.string(STRING, s),
        }
        self.first = false;
    }

    pub fn bool(&mut self, b: bool) {
        if b {
            self.put("true", TRUE);
        } else {
            self.put("false", FALSE);
        }
        self.first = false;
    }

    /// A count, index or position. Only whole numbers are ever written, which keeps float
    /// formatting (kilobytes of code) out of the WebAssembly module.
    pub fn num(&mut self, n: impl TryInto<u64>) {
        let n: u64 = n.try_into().unwrap_or(u64::MAX);
        let out = match &mut self.out {
            Out::Text(out) => out,
            Out::Tokens(t) => {
                t.nums.extend([NUMBER, n as u32, (n >> 32) as u32]);
                self.first = false;
                return;
            }
        };
        let mut digits = [0u8; 20];
        let mut i = digits.len();
        let mut rest = n;
        loop {
            i -= 1;
            digits[i] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        out.push_str(std::str::from_utf8(&digits[i..]).unwrap_or_default());
        self.first = false;
    }

    /// A position, or `null` where there is none (a value that was already parsed).
    pub fn opt_num(&mut self, n: Option<u32>) {
        match n {
            Some(n) => self.num(n),
            None => self.null(),
        }
    }

    pub fn null(&mut self) {
        self.put("null", NULL);
        self.first = false;
    }

    /// Member `key` holding a string, written only when there is one.
    pub fn opt_str(&mut self, key: &'static str, value: Option<&str>) {
        if let Some(v) = value {
            self.key(key).str(v);
        }
    }
}

fn write_str(out: &mut String, s: &str) {
    out.push('"');
    let bytes = s.as_bytes();
    let mut i = 0;
    loop {
        // Bytes JSON must escape are exactly those that end a plain run when parsing.
        let run = crate::json::string_run(&bytes[i..]);
        out.push_str(&s[i..i + run]);
        i += run;
        let Some(&b) = bytes.get(i) else { break };
        match b {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 15)]));
            }
        }
        i += 1;
    }
    out.push('"');
}

/// Anything that can be written as JSON.
pub trait ToJson {
    fn write_json(&self, w: &mut JsonWriter);

    fn to_json(&self) -> String {
        let mut w = JsonWriter::new();
        self.write_json(&mut w);
        w.finish()
    }

    /// The same value as [`Tokens`], for JavaScript.
    fn to_tokens(&self) -> (Vec<u32>, String) {
        let mut w = JsonWriter::tokens();
        self.write_json(&mut w);
        w.finish_tokens()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_the_same_value_as_tokens_numbering_each_key_once() {
        let write = |w: &mut JsonWriter| {
            w.array(|w| {
                for n in [7u64, 1 << 40] {
                    w.item().object(|w| {
                        w.key("é\"k").str("x😀");
                        w.key("n").num(n);
                        w.key("b").bool(n == 7);
                        w.key("z").null();
                    });
                }
            });
        };
        let mut text = JsonWriter::new();
        write(&mut text);
        assert_eq!(
            text.finish(),
            r#"[{"é\"k":"x😀","n":7,"b":true,"z":null},{"é\"k":"x😀","n":1099511627776,"b":false,"z":null}]"#
        );
        let mut tokens = JsonWriter::tokens();
        write(&mut tokens);
        let (nums, text) = tokens.finish_tokens();
        #[rustfmt::skip]
        assert_eq!(nums, [
            ARRAY,
            OBJECT, NEW_KEY, 3, STRING, 3, NEW_KEY, 1, NUMBER, 7, 0, NEW_KEY, 1, TRUE, NEW_KEY, 1, NULL, END,
            OBJECT, KEY, 0, STRING, 3, KEY, 1, NUMBER, 0, 256, KEY, 2, FALSE, KEY, 3, NULL, END,
            END,
        ]);
        assert_eq!(text, "é\"kx😀nbzx😀");
    }

    #[test]
    fn escapes_quotes_backslashes_and_control_characters() {
        let mut w = JsonWriter::new();
        w.object(|w| {
            w.key("a\"b").str("x\\y\n\u{1}z");
            w.key("n").num(3);
            w.key("l").array(|w| {
                w.item().bool(true);
                w.item().null();
            });
        });
        assert_eq!(
            w.finish(),
            r#"{"a\"b":"x\\y\n\u0001z","n":3,"l":[true,null]}"#
        );
    }
}
