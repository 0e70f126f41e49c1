//! Reading the caller's input into WebAssembly memory, through src/js/input.js: what it is,
//! its bytes or its string's UTF-8 (copied only when it can be within the limit, into a
//! buffer reserved fallibly), and a string's lone surrogates.

use super::assemble::thrown;
use super::boundary::ThrownError;
use js_sys::JsString;
use wasm_bindgen::prelude::*;

/// The caller's input, copied into WebAssembly memory only when it can be within the limit.
pub(super) enum Input {
    /// UTF-8 bytes, and the UTF-16 offset and code unit of each of a string's lone
    /// surrogates (which the copy replaced with U+FFFD): see `summarize_js`.
    Bytes(Vec<u8>, Vec<(usize, u16)>),
    /// A string that is all ASCII, as bytes: no lone surrogate, and every byte offset is a
    /// UTF-16 offset. (Bytes are not checked here: `summarize` does not need to know.)
    Ascii(Vec<u8>),
    /// Certainly over `maxInputBytes`: its size in bytes (exact), or at least this many.
    TooLarge(usize, bool),
    /// Within the limit, but WebAssembly memory could not grow to hold the copy: its size, as
    /// for `TooLarge`.
    NoMemory(usize, bool),
}

/// What the caller passed, as [`check_input`] found it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Given {
    Text,
    /// A Uint8Array (of any realm) of this many bytes, as the built-in getter says.
    Bytes(usize),
}

pub(super) fn check_input(input: &JsValue) -> Result<Given, JsValue> {
    let n = input_length(input);
    if n >= 0.0 {
        // Saturating: a length past usize is over any limit.
        return Ok(Given::Bytes(n as usize));
    }
    let message = match n as i32 {
        -1 => return Ok(Given::Text),
        -3 => "the Uint8Array's buffer is detached (transferred or closed); pass a live one".into(),
        _ => format!(
            "input must be a string or a Uint8Array (or an ArrayBuffer, or a parsed object or \
             array), not {}",
            if input.is_null() {
                "null".into()
            } else {
                input.js_typeof().as_string().unwrap_or_default()
            }
        ),
    };
    Err(thrown(ThrownError::type_error(message)))
}

/// What the copy of an input that passed every check throws should it fail anyway (a host
/// that patched a built-in, say): a TypeError, and the buffer freed.
fn unreadable(what: &str) -> JsValue {
    thrown(ThrownError::type_error(format!(
        "{what} could not be copied into WebAssembly memory"
    )))
}

/// Reads the input checked by [`check_input`]. A string holds at least as many UTF-8 bytes as
/// UTF-16 units, so one longer than the limit is refused before it is encoded and copied.
/// The copy's buffer is reserved fallibly: an input WebAssembly memory cannot hold gets a
/// report saying so instead of trapping the module. `lone_wanted` is how many of a string's
/// lone surrogates to list: one payload reports its first, a log each one.
pub(super) fn read_input(
    input: &JsValue,
    given: Given,
    max_bytes: usize,
    lone_wanted: usize,
) -> Result<Input, JsValue> {
    copy_input(input, given, max_bytes, lone_wanted)
}

fn copy_input(
    input: &JsValue,
    given: Given,
    max_bytes: usize,
    lone_wanted: usize,
) -> Result<Input, JsValue> {
    if let Given::Bytes(len) = given {
        if len > max_bytes {
            return Ok(Input::TooLarge(len, true));
        }
        let mut buf: Vec<u8> = Vec::new();
        if buf.try_reserve_exact(len).is_err() {
            return Ok(Input::NoMemory(len, true));
        }
        if len > 0 && !copy_bytes(input, &wasm_bindgen::memory(), buf.as_mut_ptr(), len) {
            return Err(unreadable("the Uint8Array"));
        }
        // SAFETY: `copyBytes` wrote exactly `len` bytes into the buffer's capacity (a view of
        // `len` bytes over the input's buffer, or it threw).
        unsafe { buf.set_len(len) };
        return Ok(Input::Bytes(buf, Vec::new()));
    }
    let s: &JsString = input.unchecked_ref();
    let units = s.length() as usize;
    if units > max_bytes {
        return Ok(Input::TooLarge(units, false));
    }
    let Some(text) = utf8_of(s, units)? else {
        return Ok(Input::NoMemory(units, false));
    };
    if text.is_ascii() {
        return Ok(Input::Ascii(text.into_bytes()));
    }
    // The glue encodes a lone surrogate as U+FFFD, so only a string holding U+FFFD can hold
    // one: checking that first keeps the exact (and slow, one call per code unit) check off
    // the hot path.
    let lone = if !holds_replacement_char(text.as_bytes()) || s.is_valid_utf16() {
        Vec::new()
    } else {
        let pairs = lone_surrogates(s, lone_wanted);
        pairs
            .chunks_exact(2)
            .map(|p| (p[0] as usize, p[1] as u16))
            .collect()
    };
    Ok(Input::Bytes(text.into_bytes(), lone))
}

/// Whether `bytes` hold U+FFFD (EF BF BD). Byte search: `str::contains` with a non-ASCII
/// char would bring in the substring searcher, 2 KB of wasm for this one use.
pub(super) fn holds_replacement_char(bytes: &[u8]) -> bool {
    // A word-at-a-time search first: nearly every payload has no 0xEF byte at all.
    if !bytes.contains(&0xEF) {
        return false;
    }
    let mut from = 0;
    while let Some(at) = bytes[from..].iter().position(|&b| b == 0xEF) {
        from += at + 1;
        if bytes[from..].starts_with(&[0xBF, 0xBD]) {
            return true;
        }
    }
    false
}

/// Strings up to this many UTF-16 units are encoded in one call into a buffer of three bytes
/// per unit (UTF-8's worst case). Longer ones (logs) get one byte per unit first, and room for
/// the worst case only for what did not fit, so that a mostly ASCII log costs its size once.
const DIRECT_ENCODE_UNITS: usize = 1 << 20;

/// The string as UTF-8, lone surrogates as U+FFFD (as the glue would encode it); `None` when
/// WebAssembly memory cannot hold it. The glue copies ASCII one code unit per JS operation;
/// `TextEncoder.encodeInto` into the buffer is several times faster, on a notification and
/// on a log.
fn utf8_of(s: &JsString, units: usize) -> Result<Option<String>, JsValue> {
    let one_call = units <= DIRECT_ENCODE_UNITS;
    let mut buf: Vec<u8> = Vec::new();
    let first = if one_call { units * 3 } else { units };
    if buf.try_reserve_exact(first).is_err() {
        return Ok(None);
    }
    let memory = wasm_bindgen::memory();
    let mut from = 0;
    loop {
        let spare = buf.capacity() - buf.len();
        // SAFETY: the pointer is the start of the buffer's spare capacity, `spare` bytes long.
        let at = unsafe { buf.as_mut_ptr().add(buf.len()) };
        let written = encode_into(s, from, &memory, at, spare);
        if written < 0.0 {
            return Err(unreadable("the string"));
        }
        let written = written as usize;
        // SAFETY: `encodeInto` wrote `written` <= `spare` bytes of UTF-8 (TextEncoder only
        // writes whole characters) into the spare capacity.
        unsafe { buf.set_len(buf.len() + written.min(spare)) };
        if one_call {
            break;
        }
        from += encoded_units();
        if from >= units {
            break;
        }
        // Exactly: a log's buffer is hundreds of megabytes, not to be doubled.
        if buf.try_reserve_exact((units - from) * 3).is_err() {
            return Ok(None);
        }
    }
    // SAFETY: whole characters of UTF-8, written one after the other.
    Ok(Some(unsafe { String::from_utf8_unchecked(buf) }))
}

// `inputKind` and `inputLength` read what the input is and how long; `copyBytes` copies the
// caller's bytes and `encodeInto` a string's UTF-8 straight into WebAssembly memory (see
// `utf8_of`).
#[wasm_bindgen(module = "/src/js/input.js")]
extern "C" {
    /// 0, 1, the view of an ArrayBuffer, or null when detached (see `inputKind`; asked of
    /// every input by [`super::objects::given`]). Never throws (it catches).
    #[wasm_bindgen(js_name = inputKind)]
    pub(super) fn input_kind(input: &JsValue) -> JsValue;
    /// Every lone surrogate of `text` (see `loneSurrogates`), as pairs.
    #[wasm_bindgen(js_name = loneSurrogates)]
    fn lone_surrogates(text: &JsString, max: usize) -> Vec<u32>;
    /// The input's length, or what it is instead (see `inputLength`). Not `catch`: it runs
    /// only built-in getters on a brand-checked value, and cannot throw.
    #[wasm_bindgen(js_name = inputLength)]
    fn input_length(input: &JsValue) -> f64;
    /// Copies exactly `len` bytes of the input to `ptr`; false if that threw. It must not
    /// throw: an exception would unwind through the frame that holds the buffer, and leak it.
    #[wasm_bindgen(js_name = copyBytes)]
    fn copy_bytes(input: &JsValue, memory: &JsValue, ptr: *mut u8, len: usize) -> bool;
    /// Bytes written, or -1 if encoding threw (it must not throw, as `copyBytes`).
    #[wasm_bindgen(js_name = encodeInto)]
    fn encode_into(
        text: &JsString,
        from: usize,
        memory: &JsValue,
        ptr: *mut u8,
        capacity: usize,
    ) -> f64;
    /// The UTF-16 units that the last `encodeInto` read.
    #[wasm_bindgen(js_name = encodedUnits)]
    fn encoded_units() -> usize;
}
