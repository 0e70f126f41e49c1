//! A small JSON writer for reports.
//!
//! Reports cross into JavaScript as JSON text that the engine's own `JSON.parse` turns into plain
//! objects: one copy, no per-property calls across the boundary, and no way for a key such as
//! `__proto__` to reach an object's prototype. The same text makes golden test files readable.

/// Writes one JSON value; objects and arrays are written through closures so brackets and
/// commas can never be left unbalanced.
pub struct JsonWriter {
    out: String,
    first: bool,
}

impl Default for JsonWriter {
    fn default() -> Self {
        Self::new()
    }
}

impl JsonWriter {
    pub fn new() -> Self {
        JsonWriter {
            out: String::with_capacity(256),
            first: true,
        }
    }

    pub fn finish(self) -> String {
        self.out
    }

    fn sep(&mut self) {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
    }

    pub fn object(&mut self, body: impl FnOnce(&mut Self)) {
        self.out.push('{');
        self.first = true;
        body(self);
        self.out.push('}');
        self.first = false;
    }

    pub fn array(&mut self, body: impl FnOnce(&mut Self)) {
        self.out.push('[');
        self.first = true;
        body(self);
        self.out.push(']');
        self.first = false;
    }

    /// Starts member `key` of the current object; the next write is its value.
    pub fn key(&mut self, key: &str) -> &mut Self {
        self.sep();
        write_str(&mut self.out, key);
        self.out.push(':');
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
        write_str(&mut self.out, s);
        self.first = false;
    }

    pub fn bool(&mut self, b: bool) {
        self.out.push_str(if b { "true" } else { "false" });
        self.first = false;
    }

    /// A count, index or position. Only whole numbers are ever written, which keeps float
    /// formatting (kilobytes of code) out of the WebAssembly module.
    pub fn num(&mut self, n: impl TryInto<u64>) {
        let n: u64 = n.try_into().unwrap_or(u64::MAX);
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
        self.out
            .push_str(std::str::from_utf8(&digits[i..]).unwrap_or_default());
        self.first = false;
    }

    pub fn null(&mut self) {
        self.out.push_str("null");
        self.first = false;
    }

    /// Member `key` holding a string, written only when there is one.
    pub fn opt_str(&mut self, key: &str, value: Option<&str>) {
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
}

#[cfg(test)]
mod tests {
    use super::*;

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
