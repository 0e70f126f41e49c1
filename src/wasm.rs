//! Every WebAssembly export, and nothing else: values are moved across here, decisions are
//! made in [`crate::boundary`] and the core.
//!
//! Values cross as the plain objects the engine's `JSON.parse` would make of their JSON (never
//! `Map`s), built in JavaScript from slices and numbers, and keys such as `__proto__` stay
//! ordinary own properties.

use crate::boundary::{
    clean_report, compact_report, invalid_report, options_from_json, parse_options_from_json,
    parse_report, summarize_js, summarize_too_large, summary_options_from_json, validate_js,
    validate_js_unclean, validate_too_large, ThrownError, Values,
};
use crate::write::ToJson;
use core::sync::atomic::{AtomicBool, Ordering::Relaxed};
use js_sys::{JsString, Reflect, RegExp, Uint8Array, JSON};
use wasm_bindgen::prelude::*;

#[cfg(not(target_feature = "atomics"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = crate::boundary::TYPESCRIPT;

fn thrown(e: ThrownError) -> JsValue {
    let error: js_sys::Error = match e.class {
        "TypeError" => js_sys::TypeError::new(&e.message).into(),
        "RangeError" => js_sys::RangeError::new(&e.message).into(),
        _ => js_sys::Error::new(&e.message),
    };
    error.set_name(e.name);
    if let Some(kind) = e.kind {
        let _ = Reflect::set(&error, &"kind".into(), &kind.as_str().into());
    }
    if let Some(issues) = e.issues_json {
        let issues = JSON::parse(&issues).unwrap_or(JsValue::NULL);
        let _ = Reflect::set(&error, &"issues".into(), &issues);
    }
    error.into()
}

/// The caller's input, copied into WebAssembly memory only when it can be within the limit.
enum Input {
    /// UTF-8 bytes, and the UTF-16 offset and code unit of a string's first lone surrogate
    /// (which the copy replaced with U+FFFD).
    Bytes(Vec<u8>, Option<(usize, u16)>),
    /// A string that is all ASCII, as bytes: no lone surrogate, and every byte offset is a
    /// UTF-16 offset. (Bytes are not checked here: `summarize` does not need to know.)
    Ascii(Vec<u8>),
    /// Certainly over `maxInputBytes`: its size in bytes (exact), or at least this many.
    TooLarge(usize, bool),
}

/// What the caller passed, as [`check_input`] found it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Given {
    Text,
    Bytes,
}

/// What every export does first: key the hash maps (once), then check the input.
fn begin(input: &JsValue) -> Result<Given, JsValue> {
    static SEEDED: AtomicBool = AtomicBool::new(false);
    if !SEEDED.swap(true, Relaxed) {
        let mut words = [0u32; 4];
        random_words(&mut words);
        let word = |i: usize| u64::from(words[i]) << 32 | u64::from(words[i + 1]);
        crate::map::seed(word(0), word(2));
    }
    check_input(input)
}

fn check_input(input: &JsValue) -> Result<Given, JsValue> {
    if input.is_string() {
        return Ok(Given::Text);
    }
    if input.is_instance_of::<Uint8Array>() {
        return Ok(Given::Bytes);
    }
    Err(thrown(ThrownError {
        class: "TypeError",
        name: "TypeError",
        message: format!(
            "input must be a string or a Uint8Array, not {}",
            input.js_typeof().as_string().unwrap_or_default()
        ),
        kind: None,
        issues_json: None,
    }))
}

/// Reads the input checked by [`check_input`]. A string holds at least as many UTF-8 bytes as
/// UTF-16 units, so one longer than the limit is refused before it is encoded and copied.
fn read_input(input: &JsValue, given: Given, max_bytes: usize) -> Input {
    if given == Given::Bytes {
        let bytes: &Uint8Array = input.unchecked_ref();
        let len = bytes.length() as usize;
        if len > max_bytes {
            return Input::TooLarge(len, true);
        }
        let mut buf: Vec<u8> = Vec::with_capacity(len);
        copy_bytes(bytes, &wasm_bindgen::memory(), buf.as_mut_ptr());
        // SAFETY: `copyBytes` wrote all `len` bytes into the buffer's capacity.
        unsafe { buf.set_len(len) };
        return Input::Bytes(buf, None);
    }
    let s: &JsString = input.unchecked_ref();
    let units = s.length() as usize;
    if units > max_bytes {
        return Input::TooLarge(units, false);
    }
    let text = utf8_of(s, units);
    if text.is_ascii() {
        return Input::Ascii(text.into_bytes());
    }
    // The glue encodes a lone surrogate as U+FFFD, so only a string holding U+FFFD can hold
    // one: checking that first keeps the exact (and slow, one call per code unit) check off
    // the hot path.
    let lone = if !holds_replacement_char(&text) || s.is_valid_utf16() {
        None
    } else {
        // In Unicode mode a lone surrogate is a code point of category Cs; a pair is not.
        let at = s.search(&RegExp::new(r"\p{Cs}", "u"));
        u32::try_from(at)
            .ok()
            .map(|at| (at as usize, s.char_code_at(at) as u16))
    };
    Input::Bytes(text.into_bytes(), lone)
}

/// Whether `text` holds U+FFFD (EF BF BD). Byte search: `str::contains` with a non-ASCII
/// char would bring in the substring searcher, 2 KB of wasm for this one use.
fn holds_replacement_char(text: &str) -> bool {
    let bytes = text.as_bytes();
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

/// The string as UTF-8, lone surrogates as U+FFFD (as the glue would encode it). The glue
/// copies ASCII one code unit per JS operation; `TextEncoder.encodeInto` into the buffer is
/// several times faster, on a notification and on a log.
fn utf8_of(s: &JsString, units: usize) -> String {
    let one_call = units <= DIRECT_ENCODE_UNITS;
    let mut buf: Vec<u8> = Vec::with_capacity(if one_call { units * 3 } else { units });
    let memory = wasm_bindgen::memory();
    let mut from = 0;
    loop {
        let spare = buf.capacity() - buf.len();
        // SAFETY: the pointer is the start of the buffer's spare capacity, `spare` bytes long.
        let at = unsafe { buf.as_mut_ptr().add(buf.len()) };
        let written = encode_into(s, from, &memory, at, spare);
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
        buf.reserve_exact((units - from) * 3);
    }
    // SAFETY: whole characters of UTF-8, written one after the other.
    unsafe { String::from_utf8_unchecked(buf) }
}

/// The caller's options object as JSON text ("" when absent), for the boundary to read.
/// Only plain objects are read: a `Map` or a class instance would stringify to `{}` and its
/// settings would be silently ignored.
fn options_text(options: &JsValue) -> Result<String, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(String::new());
    }
    let plain = options.is_object() && !js_sys::Array::is_array(options) && {
        let proto = js_sys::Object::get_prototype_of(options);
        proto.is_null() || js_sys::Object::get_prototype_of(&proto).is_null()
    };
    if !plain {
        return Err(thrown(ThrownError::type_error(
            "options must be a plain object such as { strict: true }".into(),
        )));
    }
    Ok(JSON::stringify(options)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default())
}

fn options(options: &JsValue) -> Result<crate::Options, JsValue> {
    options_from_json(&options_text(options)?).map_err(thrown)
}

/// A value as the plain objects `JSON.parse` would make of its JSON, built from its tokens
/// (`write::Tokens`) by `assembleValue`.
fn to_js(value: &impl ToJson) -> JsValue {
    let (nums, text) = value.to_tokens();
    assemble_value(&nums, &text)
}

// `randomWords` keys the hash maps (src/map.rs). `encodeInto` writes a string's UTF-8 straight
// into WebAssembly memory (see `utf8_of`), and `copyBytes` the caller's bytes:
// `Uint8Array::to_vec` goes through `Uint8Array.prototype.set.call`, which V8 runs markedly
// slower than a plain `set`. `assembleReport` builds a valid report from `boundary::Spans`:
// the same plain objects, in the same key order, that `JSON.parse` makes of the report's JSON,
// but from slices of the caller's own string and of a short text (or of the text alone:
// `input` is then null). Writing and re-parsing 1 KB of JSON was most of the cost of a call.
// `assembleInvalid` does the same for an invalid report, from `boundary::invalid_report`'s
// numbers and text, and `assembleValue` for any other value, from its `write::Tokens`.
#[wasm_bindgen(inline_js = r#"
const encoder = new TextEncoder();
export function randomWords(out) {
  const crypto = globalThis.crypto;
  if (crypto && crypto.getRandomValues) crypto.getRandomValues(out);
  else for (let i = 0; i < out.length; i++) out[i] = Math.floor(Math.random() * 2 ** 32);
}
export function copyBytes(bytes, memory, ptr) {
  new Uint8Array(memory.buffer, ptr, bytes.length).set(bytes);
}
let unitsRead = 0;
export function encodeInto(text, from, memory, ptr, capacity) {
  const rest = from === 0 ? text : text.substring(from);
  const r = encoder.encodeInto(rest, new Uint8Array(memory.buffer, ptr, capacity));
  unitsRead = r.read;
  return r.written;
}
export function encodedUnits() {
  return unitsRead;
}
export function assembleValue(nums, text) {
  let i = 0;
  let at = 0;
  const keys = [];
  const str = () => {
    const n = nums[i++];
    at += n;
    return text.slice(at - n, at);
  };
  const value = () => {
    switch (nums[i++]) {
      case 0: return null;
      case 1: return false;
      case 2: return true;
      case 3: {
        const low = nums[i++];
        return nums[i++] * 4294967296 + low;
      }
      case 4: return str();
      case 5: {
        const o = {};
        for (let tag = nums[i++]; tag !== 7; tag = nums[i++]) {
          let key;
          if (tag === 8) keys.push(key = str());
          else key = keys[nums[i++]];
          // Keys are names the crate chooses (`&'static str`), never input: no `__proto__`.
          o[key] = value();
        }
        return o;
      }
      case 6: {
        const a = [];
        while (nums[i] !== 7) a.push(value());
        i++;
        return a;
      }
    }
  };
  return value();
}
export function assembleInvalid(nums, text) {
  let at = 0;
  let i = 0;
  const str = () => {
    const n = nums[i++];
    if (n === 0xffffffff) return undefined;
    at += n;
    return text.slice(at - n, at);
  };
  const issue = () => {
    const code = str(), severity = str(), message = str(), hint = str();
    const o = { code, severity, message };
    if (hint !== undefined) o.hint = hint;
    o.path = str();
    o.line = nums[i++];
    o.column = nums[i++];
    o.offset = nums[i++];
    o.length = nums[i++];
    return o;
  };
  const kind = str(), delivery = str();
  const errorCount = nums[i++], warningCount = nums[i++];
  const errors = [];
  for (let k = 0; k < errorCount; k++) errors.push(issue());
  const warnings = [];
  for (let k = 0; k < warningCount; k++) warnings.push(issue());
  return { valid: false, kind, delivery, errors, warnings };
}
export function assembleReport(input, spans, text) {
  let at = 0;
  let i = 0;
  const next = () => {
    const a = spans[i], b = spans[i + 1];
    i += 2;
    if (a === 0xffffffff) return undefined;
    if (a !== 0xfffffffe) return input.slice(a, b);
    at += b;
    return text.slice(at - b, at);
  };
  const delivery = next(), uuid = next(), event = next(), accountId = next();
  const timestamp = next(), time = next(), subscriptionId = next(), ownerId = next();
  const eventType = next(), uri = next(), id = next(), phoneNumber = next();
  const paymentType = next(), location = next(), type = next(), usageType = next();
  const status = next(), hasProvider = next(), providerId = next(), providerName = next();
  const action = next(), effect = next(), sentence = next();
  const provider = () => {
    const p = {};
    if (providerId !== undefined) p.id = providerId;
    if (providerName !== undefined) p.name = providerName;
    return p;
  };
  const info = {};
  if (uri !== undefined) info.uri = uri;
  info.id = id;
  info.phoneNumber = phoneNumber;
  if (paymentType !== undefined) info.paymentType = paymentType;
  if (location !== undefined) info.location = location;
  if (type !== undefined) info.type = type;
  if (usageType !== undefined) info.usageType = usageType;
  if (status !== undefined) info.status = status;
  if (hasProvider !== undefined) info.contactCenterProvider = provider();
  const change = { action, effect, phoneNumber, id };
  if (type !== undefined) change.type = type;
  if (usageType !== undefined) change.usageType = usageType;
  if (hasProvider !== undefined) change.provider = provider();
  change.accountId = accountId;
  change.time = time;
  change.sentence = sentence;
  return {
    valid: true,
    kind: "contactCenterPhoneNumber",
    delivery,
    errors: [],
    warnings: [],
    event: {
      uuid, event, accountId, timestamp, time, subscriptionId, ownerId,
      body: { eventType, phoneNumberInfo: info },
    },
    change,
  };
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = assembleReport)]
    fn assemble_report(input: &JsValue, spans: &[u32], text: &str) -> JsValue;
    #[wasm_bindgen(js_name = assembleValue)]
    fn assemble_value(nums: &[u32], text: &str) -> JsValue;
    #[wasm_bindgen(js_name = assembleInvalid)]
    fn assemble_invalid(nums: &[u32], text: &str) -> JsValue;
    /// Secure random numbers (`crypto.getRandomValues`; `Math.random` where there is none).
    #[wasm_bindgen(js_name = randomWords)]
    fn random_words(out: &mut [u32]);
    #[wasm_bindgen(js_name = copyBytes)]
    fn copy_bytes(bytes: &Uint8Array, memory: &JsValue, ptr: *mut u8);
    #[wasm_bindgen(js_name = encodeInto)]
    fn encode_into(
        text: &JsString,
        from: usize,
        memory: &JsValue,
        ptr: *mut u8,
        capacity: usize,
    ) -> usize;
    /// The UTF-16 units that the last `encodeInto` read.
    #[wasm_bindgen(js_name = encodedUnits)]
    fn encoded_units() -> usize;
}

/// The report as a plain JS object: assembled from slices when it is valid without warnings or
/// invalid, from its tokens when it is valid with warnings.
fn report_to_js(report: &crate::Report) -> JsValue {
    if let Some((spans, text)) = compact_report(report) {
        return assemble_report(&JsValue::NULL, &spans, &text);
    }
    match invalid_report(report) {
        Some((nums, text)) => assemble_invalid(&nums, &text),
        None => to_js(report),
    }
}

/// The report of a clean WebHook notification in `text` (ASCII or not, as `ascii` says),
/// straight from the fast path (see [`clean_report`]): values are sliced from the caller's
/// string or, when the caller passed bytes, copied into the text that crosses.
fn clean_to_js(
    input: &JsValue,
    given: Given,
    text: &str,
    ascii: bool,
    options: &crate::Options,
) -> Option<JsValue> {
    Some(if given == Given::Text {
        let (spans, made) = clean_report(text, options.max_depth, ascii, Values::Sliced)?;
        assemble_report(input, &spans, &made)
    } else {
        let (spans, made) = clean_report(text, options.max_depth, ascii, Values::Copied)?;
        assemble_report(&JsValue::NULL, &spans, &made)
    })
}

fn report(input: &JsValue, given: Given, options: &crate::Options) -> crate::Report {
    match read_input(input, given, options.max_input_bytes) {
        Input::Ascii(bytes) => validate_js(&bytes, options, None),
        Input::Bytes(bytes, lone) => validate_js(&bytes, options, lone),
        Input::TooLarge(size, exact) => validate_too_large(size, exact, options),
    }
}

#[wasm_bindgen(skip_typescript)]
pub fn validate(input: JsValue, opts: JsValue) -> Result<JsValue, JsValue> {
    let given = begin(&input)?;
    let options = options(&opts)?;
    let (bytes, lone, ascii) = match read_input(&input, given, options.max_input_bytes) {
        Input::Ascii(bytes) => (bytes, None, true),
        // A string arrives as `Bytes` only when it is not all ASCII.
        Input::Bytes(bytes, lone) => {
            let ascii = given == Given::Bytes && bytes.is_ascii();
            (bytes, lone, ascii)
        }
        Input::TooLarge(size, exact) => {
            return Ok(to_js(&validate_too_large(size, exact, &options)))
        }
    };
    // The clean route, when decoding has nothing to report: no lone surrogate, valid UTF-8,
    // and (a string's UTF-8 can be longer than its length) within the limit.
    // Renderings are made from the full report.
    let renderings = options.text || options.markdown || options.csv;
    let text = match lone {
        _ if renderings || bytes.len() > options.max_input_bytes => None,
        None if ascii => Some(unsafe {
            // SAFETY: ASCII is UTF-8.
            core::str::from_utf8_unchecked(&bytes)
        }),
        None => core::str::from_utf8(&bytes).ok(),
        Some(_) => None,
    };
    Ok(match text {
        Some(text) => clean_to_js(&input, given, text, ascii, &options)
            .unwrap_or_else(|| report_to_js(&validate_js_unclean(&bytes, &options))),
        None => report_to_js(&validate_js(&bytes, &options, lone)),
    })
}

/// Diagnostic, not part of the API: `validate`'s report as JSON text, always through the JSON
/// path, so tests can check that the assembled fast path builds exactly the same objects.
#[wasm_bindgen(skip_typescript, js_name = reportJson)]
pub fn report_json(input: JsValue, opts: JsValue) -> Result<String, JsValue> {
    let given = begin(&input)?;
    let options = options(&opts)?;
    Ok(report(&input, given, &options).to_json())
}

#[wasm_bindgen(skip_typescript)]
pub fn parse(input: JsValue, opts: JsValue) -> Result<JsValue, JsValue> {
    let given = begin(&input)?;
    let options = parse_options_from_json(&options_text(&opts)?).map_err(thrown)?;
    match parse_report(report(&input, given, &options)) {
        Ok(event) => Ok(to_js(&event)),
        Err(e) => Err(thrown(e.into())),
    }
}

#[wasm_bindgen(skip_typescript)]
pub fn summarize(input: JsValue, opts: JsValue) -> Result<JsValue, JsValue> {
    Ok(to_js(&summary(&input, &opts)?))
}

/// Diagnostic, not part of the API: `summarize`'s result as JSON text, so tests can check that
/// the objects built from tokens are exactly those `JSON.parse` makes of it.
#[wasm_bindgen(skip_typescript, js_name = summaryJson)]
pub fn summary_json(input: JsValue, opts: JsValue) -> Result<String, JsValue> {
    Ok(summary(&input, &opts)?.to_json())
}

fn summary(input: &JsValue, opts: &JsValue) -> Result<crate::Summary, JsValue> {
    let given = begin(input)?;
    let options = summary_options_from_json(&options_text(opts)?).map_err(thrown)?;
    Ok(
        match read_input(input, given, options.item.max_input_bytes) {
            Input::Ascii(bytes) => summarize_js(&bytes, &options, &[]),
            Input::Bytes(bytes, lone) => summarize_js(&bytes, &options, lone.as_slice()),
            Input::TooLarge(size, exact) => summarize_too_large(size, exact, &options),
        },
    )
}

/// The hash maps' keys (src/map.rs), for the test that the exports seed them. Not exported to
/// JavaScript, not part of the API.
#[doc(hidden)]
pub fn hash_keys() -> (u64, u64) {
    crate::map::keys()
}

/// Diagnostic, not part of the API: the size of this module's WebAssembly memory in bytes,
/// for the leak test (`tests/js/leak.test.mjs`).
#[wasm_bindgen(skip_typescript, js_name = memoryBytes)]
pub fn memory_bytes() -> usize {
    core::arch::wasm32::memory_size(0) * 65536
}
