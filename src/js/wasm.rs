//! Every WebAssembly export, and nothing else: values are moved across here, decisions are
//! made in [`crate::js::boundary`] and the core.
//!
//! Values cross as the plain objects the engine's `JSON.parse` would make of their JSON (never
//! `Map`s), built in JavaScript from slices and numbers, and keys such as `__proto__` stay
//! ordinary own properties.

use crate::js::boundary::{
    clean_report, compact_report, invalid_report, options_from_js, options_object_error,
    parse_report, summarize_js, summarize_too_large, summarize_without_memory, unknown_option,
    validate_js, validate_js_unclean, validate_too_large, validate_without_memory, NoMemory,
    OptionsOf, ThrownError, Values, SUMMARY_OPTION_NAMES,
};
use crate::js::objects;
use crate::output::write::ToJson;
use crate::summary::SummaryOptions;
use core::sync::atomic::{AtomicBool, AtomicU32, Ordering::Relaxed};
use js_sys::{JsString, Reflect, JSON};
use wasm_bindgen::prelude::*;

#[cfg(not(target_feature = "atomics"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = crate::js::boundary::TYPESCRIPT;

fn thrown(e: ThrownError) -> JsValue {
    let error: js_sys::Error = match e.class {
        "TypeError" => js_sys::TypeError::new(&e.message).into(),
        "RangeError" => js_sys::RangeError::new(&e.message).into(),
        _ => js_sys::Error::new(&e.message),
    };
    // Defined, not assigned: assigning `name` throws in strict mode where Error.prototype is
    // frozen, and an exception must not unwind through this frame (`Reflect` calls catch).
    if e.name != e.class {
        let own = js_sys::Object::new();
        for (key, value) in [
            ("value", JsValue::from(e.name)),
            ("writable", JsValue::TRUE),
            ("enumerable", JsValue::TRUE),
            ("configurable", JsValue::TRUE),
        ] {
            let _ = Reflect::set(&own, &key.into(), &value);
        }
        let _ = Reflect::define_property(&error, &"name".into(), &own);
    }
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
    /// UTF-8 bytes, and the UTF-16 offset and code unit of each of a string's lone
    /// surrogates (which the copy replaced with U+FFFD): see `boundary::summarize_js`.
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
enum Given {
    Text,
    /// A Uint8Array (of any realm) of this many bytes, as the built-in getter says.
    Bytes(usize),
}

/// Keys the hash maps and hands `readOptions` the option names, once per module instance (a
/// restarted module starts again from here).
fn seed() {
    static SEEDED: AtomicBool = AtomicBool::new(false);
    if !SEEDED.swap(true, Relaxed) {
        let mut words = [0u32; 4];
        random_words(&mut words);
        let word = |i: usize| u64::from(words[i]) << 32 | u64::from(words[i + 1]);
        crate::json::map::seed(word(0), word(2));
        for of in [OptionsOf::Parse, OptionsOf::Validate, OptionsOf::Summarize] {
            set_option_names(of as u32, &of.names().join(","));
        }
    }
}

/// What every export does first: read the options, then check the input. Options first: a
/// getter in them is the only code of the caller's that runs, and it runs before the input's
/// length is read and while Rust holds no memory.
fn begin(
    input: &JsValue,
    opts: &JsValue,
    of: OptionsOf,
) -> Result<(Given, SummaryOptions), JsValue> {
    seed();
    let options = read_options(opts, of)?;
    Ok((check_input(input)?, options))
}

fn check_input(input: &JsValue) -> Result<Given, JsValue> {
    let n = input_length(input);
    if n >= 0.0 {
        // Saturating: a length past usize is over any limit.
        return Ok(Given::Bytes(n as usize));
    }
    let message = match n as i32 {
        -1 => return Ok(Given::Text),
        -3 => "the Uint8Array's buffer is detached (transferred or closed); pass a live one".into(),
        -4 => REENTERED.into(),
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

const REENTERED: &str =
    "validate, parse and summarize cannot be called while another call reads its options";

/// Reads the input checked by [`check_input`]. A string holds at least as many UTF-8 bytes as
/// UTF-16 units, so one longer than the limit is refused before it is encoded and copied.
/// The copy's buffer is reserved fallibly: an input WebAssembly memory cannot hold gets a
/// report saying so instead of trapping the module. `lone_wanted` is how many of a string's
/// lone surrogates to list: one payload reports its first, a log each one.
fn read_input(
    input: &JsValue,
    given: Given,
    max_bytes: usize,
    lone_wanted: usize,
) -> Result<Input, JsValue> {
    let read = copy_input(input, given, max_bytes, lone_wanted);
    trap_if_armed();
    read
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
    let lone = if !holds_replacement_char(&text) || s.is_valid_utf16() {
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

/// The caller's options, read by `readOptions` into two numbers per known name (a type tag
/// and a value) for [`options_from_js`] to decide on. Only plain objects are read: a `Map`
/// or a class instance would hold settings that would be silently ignored.
fn read_options(opts: &JsValue, of: OptionsOf) -> Result<SummaryOptions, JsValue> {
    let mut tags = [0f64; 2 * SUMMARY_OPTION_NAMES.len()];
    if !(opts.is_undefined() || opts.is_null()) {
        // Into an array on this stack frame: no heap memory is held while the caller's
        // getters run. `readOptions` catches what they throw; should anything else throw,
        // the same TypeError says the options could not be read.
        let memory = wasm_bindgen::memory();
        let found = read_options_js(opts, of as u32, &memory, tags.as_mut_ptr())
            .map_err(|_| thrown(options_object_error(3.0)))?;
        if let Some(key) = found.as_string() {
            return Err(thrown(unknown_option(&key, of.names())));
        }
        if let Some(code) = found.as_f64() {
            return Err(thrown(match code as i32 {
                4 => ThrownError::type_error(REENTERED.into()),
                _ => options_object_error(code),
            }));
        }
    }
    options_from_js(of, &tags[..2 * of.names().len()]).map_err(thrown)
}

/// A value as the plain objects `JSON.parse` would make of its JSON, built from its tokens
/// (`write::Tokens`) by `assembleValue`.
fn to_js(value: &impl ToJson) -> JsValue {
    let (nums, text) = value.to_tokens();
    assemble_value(&nums, &text)
}

// `randomWords` keys the hash maps (src/map.rs). `encodeInto` writes a string's UTF-8 straight
// into WebAssembly memory (see `utf8_of`), and `copyBytes` the caller's bytes (`inputLength`
// first reads how many, and what the input is). `readOptions` reads the caller's options
// for src/boundary.rs to decide on. `assembleReport` builds a valid report from `boundary::Spans`:
// the same plain objects, in the same key order, that `JSON.parse` makes of the report's JSON,
// but from slices of the caller's own string and of a short text (or of the text alone:
// `input` is then null). Writing and re-parsing 1 KB of JSON was most of the cost of a call.
// `assembleInvalid` does the same for an invalid report, from `boundary::invalid_report`'s
// numbers and text, and `assembleValue` for any other value, from its `write::Tokens`.
#[wasm_bindgen(inline_js = r#"
const encoder = new TextEncoder();
// Built-ins captured when the module loads, and called as functions: what a caller's
// subclass, own property, Proxy or later patch of a prototype cannot change. The getters of
// %TypedArray%.prototype read the internal slots, never a `length` the caller defined.
const TypedArray = Object.getPrototypeOf(Uint8Array.prototype);
const uncurry = (f) => Function.prototype.call.bind(f);
const getterOf = (o, k) => uncurry(Object.getOwnPropertyDescriptor(o, k).get);
const lengthOf = getterOf(TypedArray, 'length');
const offsetOf = getterOf(TypedArray, 'byteOffset');
const bufferOf = getterOf(TypedArray, 'buffer');
// "Uint8Array" for a Uint8Array of any realm (or a subclass, such as Buffer), undefined for
// anything else, Proxies included: a brand check that runs none of the caller's code.
const tagOf = getterOf(TypedArray, Symbol.toStringTag);
const setBytes = uncurry(TypedArray.set);
const Bytes = Uint8Array;
const Floats = Float64Array;
const keysOf = Object.keys;
const protoOf = Object.getPrototypeOf;
const isArray = Array.isArray;
const randomValues = globalThis.crypto && globalThis.crypto.getRandomValues
  ? uncurry(globalThis.crypto.getRandomValues) : undefined;
export function randomWords(out) {
  try {
    randomValues(globalThis.crypto, out);
    return;
  } catch {
    // No Web Crypto: keys from Math.random are still keys an attacker cannot choose.
  }
  for (let i = 0; i < out.length; i++) out[i] = Math.floor(Math.random() * 2 ** 32);
}
// Set while `readOptions` runs the caller's getters and traps: a call they make into the
// module is refused before it copies or allocates anything.
let busy = false;
// The input's length in bytes for a Uint8Array; -1 for a string, -2 for anything else, -3 for
// a Uint8Array whose buffer is detached, -4 when called from a getter of `readOptions`.
// Cannot throw: built-in getters on a value whose brand was checked.
export function inputLength(input) {
  if (busy) return -4;
  if (typeof input === 'string') return -1;
  if (tagOf(input) !== 'Uint8Array') return -2;
  const n = lengthOf(input);
  if (n === 0) {
    // A detached buffer reads as 0 bytes; only making a view of it tells the two apart.
    try {
      new Bytes(bufferOf(input), 0, 0);
    } catch {
      return -3;
    }
  }
  return n;
}
// Copies exactly `len` bytes (the length `inputLength` read) from a fresh view over the
// input's own buffer: its `length`, `byteOffset` and `buffer` are the built-in getters'.
// Catches rather than throws (false), as `encodeInto`: cheaper than a `catch` import's
// wrapper on every call, and an exception must not unwind through Rust frames.
export function copyBytes(input, memory, ptr, len) {
  try {
    setBytes(new Bytes(memory.buffer, ptr, len), new Bytes(bufferOf(input), offsetOf(input), len));
    return true;
  } catch {
    return false;
  }
}
const optionNames = [];
export function setOptionNames(which, names) {
  optionNames[which] = names.split(',');
}
const optionTags = [];
// Reads the options of function `which` (0 parse, 1 validate, 2 summarize) into two numbers
// per known name at `ptr`: a type tag (0 absent or undefined, 1 null, 2 boolean, 3 number,
// 4 string, 5 bigint, 6 symbol, 7 function, 8 object, 9 array, 10 reading it threw) and the
// boolean's or number's value. Each own enumerable key is read once. Returns undefined when
// read; the first unknown key (clipped); or 1 for not a plain object, 2 when asking for its
// prototype threw, 3 when listing its keys threw, 4 when called from one of its getters.
// Nothing thrown gets out: src/boundary.rs decides what each case means.
export function readOptions(options, which, memory, ptr) {
  if (busy) return 4;
  if (typeof options !== 'object' || options === null) return 1;
  const names = optionNames[which];
  busy = true;
  try {
    try {
      if (isArray(options)) return 1;
      const proto = protoOf(options);
      if (proto !== null && protoOf(proto) !== null) return 1;
    } catch {
      return 2;
    }
    let keys;
    try {
      keys = keysOf(options);
    } catch {
      return 3;
    }
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (names.indexOf(key) < 0) return key.length > 256 ? key.slice(0, 256) : key;
    }
    const tags = optionTags;
    for (let i = 0; i < 2 * names.length; i++) tags[i] = 0;
    for (let i = 0; i < keys.length; i++) {
      const at = 2 * names.indexOf(keys[i]);
      let tag = 10;
      let value = 0;
      try {
        const v = options[keys[i]];
        switch (typeof v) {
          case 'undefined': tag = 0; break;
          case 'boolean': tag = 2; value = v ? 1 : 0; break;
          case 'number': tag = 3; value = v; break;
          case 'string': tag = 4; break;
          case 'bigint': tag = 5; break;
          case 'symbol': tag = 6; break;
          case 'function': tag = 7; break;
          default: tag = v === null ? 1 : isArray(v) ? 9 : 8;
        }
      } catch {
        tag = 10;
      }
      tags[at] = tag;
      tags[at + 1] = value;
    }
    // The view is made last: a getter that called into the module may have grown its memory.
    const out = new Floats(memory.buffer, ptr, 2 * names.length);
    for (let i = 0; i < out.length; i++) out[i] = tags[i];
    return undefined;
  } finally {
    busy = false;
  }
}
let unitsRead = 0;
// The UTF-8 bytes written, or -1 if encoding threw.
export function encodeInto(text, from, memory, ptr, capacity) {
  try {
    const rest = from === 0 ? text : text.substring(from);
    const r = encoder.encodeInto(rest, new Uint8Array(memory.buffer, ptr, capacity));
    unitsRead = r.read;
    return r.written;
  } catch {
    return -1;
  }
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
    // 0xffffffff: no position (a value that was already parsed).
    const pos = () => {
      const n = nums[i++];
      return n === 0xffffffff ? null : n;
    };
    o.line = pos();
    o.column = pos();
    o.offset = pos();
    o.length = pos();
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
const LONE_SURROGATE = /\p{Cs}/gu;
export function loneSurrogates(text, max) {
  // In Unicode mode a lone surrogate is a code point of category Cs; a pair is not. Pairs of
  // (UTF-16 offset, code unit), at most `max`; past them one more pair (offset, 0) says where
  // the ones not listed begin.
  const out = [];
  LONE_SURROGATE.lastIndex = 0;
  for (let m; (m = LONE_SURROGATE.exec(text)) !== null; ) {
    if (out.length === 2 * max) {
      out.push(m.index, 0);
      break;
    }
    out.push(m.index, text.charCodeAt(m.index));
  }
  LONE_SURROGATE.lastIndex = 0;
  return Uint32Array.from(out);
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
    /// Every lone surrogate of `text` (see `loneSurrogates` above), as pairs.
    #[wasm_bindgen(js_name = loneSurrogates)]
    fn lone_surrogates(text: &JsString, max: usize) -> Vec<u32>;
    #[wasm_bindgen(js_name = assembleReport)]
    fn assemble_report(input: &JsValue, spans: &[u32], text: &str) -> JsValue;
    #[wasm_bindgen(js_name = assembleValue)]
    fn assemble_value(nums: &[u32], text: &str) -> JsValue;
    #[wasm_bindgen(js_name = assembleInvalid)]
    fn assemble_invalid(nums: &[u32], text: &str) -> JsValue;
    /// Secure random numbers (`crypto.getRandomValues`; `Math.random` where there is none).
    #[wasm_bindgen(js_name = randomWords)]
    fn random_words(out: &mut [u32]);
    /// The input's length, or what it is instead (see `inputLength`). Not `catch`: it runs
    /// only built-in getters on a brand-checked value, and cannot throw.
    #[wasm_bindgen(js_name = inputLength)]
    fn input_length(input: &JsValue) -> f64;
    /// Copies exactly `len` bytes of the input to `ptr`; false if that threw. It must not
    /// throw: an exception would unwind through the frame that holds the buffer, and leak it.
    #[wasm_bindgen(js_name = copyBytes)]
    fn copy_bytes(input: &JsValue, memory: &JsValue, ptr: *mut u8, len: usize) -> bool;
    #[wasm_bindgen(js_name = setOptionNames)]
    fn set_option_names(which: u32, names: &str);
    /// The options into `ptr` (see `readOptions`): undefined, an unknown key or a code.
    #[wasm_bindgen(catch, js_name = readOptions)]
    fn read_options_js(
        options: &JsValue,
        which: u32,
        memory: &JsValue,
        ptr: *mut f64,
    ) -> Result<JsValue, JsValue>;
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

fn report(
    input: &JsValue,
    given: Given,
    options: &crate::Options,
) -> Result<crate::Report, JsValue> {
    Ok(
        match read_input(input, given, options.max_input_bytes, 1)? {
            Input::Ascii(bytes) => validate_js(&bytes, options, None),
            Input::Bytes(bytes, lone) => validate_js(&bytes, options, lone.first().copied()),
            Input::TooLarge(size, exact) => validate_too_large(size, exact, options),
            Input::NoMemory(size, exact) => {
                validate_without_memory(size, exact, NoMemory::ForTheCopy, options)
            }
        },
    )
}

/// The report on a value already parsed from JSON (see [`crate::js::objects`]): its options
/// are read first, as for any input.
fn parsed_report(input: &JsValue, opts: &JsValue, of: OptionsOf) -> Result<crate::Report, JsValue> {
    seed();
    let options = read_options(opts, of)?;
    objects::validate(input, &options.item).map_err(thrown)
}

#[wasm_bindgen(skip_typescript)]
pub fn validate(input: JsValue, opts: JsValue) -> Result<JsValue, JsValue> {
    let input = match objects::given(input).map_err(thrown)? {
        objects::Given::Raw(input) => input,
        objects::Given::Parsed(input) => {
            return Ok(report_to_js(&parsed_report(
                &input,
                &opts,
                OptionsOf::Validate,
            )?))
        }
    };
    let (given, options) = begin(&input, &opts, OptionsOf::Validate)?;
    let options = options.item;
    let (bytes, lone, ascii) = match read_input(&input, given, options.max_input_bytes, 1)? {
        Input::Ascii(bytes) => (bytes, None, true),
        // One payload reports its first lone surrogate.
        // A string arrives as `Bytes` only when it is not all ASCII.
        Input::Bytes(bytes, lone) => {
            let ascii = given != Given::Text && bytes.is_ascii();
            (bytes, lone.first().copied(), ascii)
        }
        Input::TooLarge(size, exact) => {
            return Ok(to_js(&validate_too_large(size, exact, &options)))
        }
        Input::NoMemory(size, exact) => {
            let report = validate_without_memory(size, exact, NoMemory::ForTheCopy, &options);
            return Ok(to_js(&report));
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
    let input = match objects::given(input).map_err(thrown)? {
        objects::Given::Raw(input) => input,
        objects::Given::Parsed(input) => {
            return Ok(parsed_report(&input, &opts, OptionsOf::Validate)?.to_json())
        }
    };
    let (given, options) = begin(&input, &opts, OptionsOf::Validate)?;
    Ok(report(&input, given, &options.item)?.to_json())
}

#[wasm_bindgen(skip_typescript)]
pub fn parse(input: JsValue, opts: JsValue) -> Result<JsValue, JsValue> {
    let input = match objects::given(input).map_err(thrown)? {
        objects::Given::Raw(input) => input,
        objects::Given::Parsed(input) => {
            return event_or_thrown(parsed_report(&input, &opts, OptionsOf::Parse)?)
        }
    };
    let (given, options) = begin(&input, &opts, OptionsOf::Parse)?;
    event_or_thrown(report(&input, given, &options.item)?)
}

fn event_or_thrown(report: crate::Report) -> Result<JsValue, JsValue> {
    match parse_report(report) {
        Ok(event) => Ok(to_js(&event)),
        Err(e) => Err(thrown(e.into())),
    }
}

#[wasm_bindgen(skip_typescript)]
pub fn summarize(input: JsValue, opts: JsValue) -> Result<JsValue, JsValue> {
    let mut summary = summary(&input, &opts)?;
    // The renderings (the summary's last members, and its largest) cross as strings of their
    // own, each freed as soon as JavaScript has it, instead of being copied into the tokens'
    // text: a log of long values peaked at ten times its size in WebAssembly memory.
    let text = core::mem::take(&mut summary.text);
    let (markdown, csv) = (summary.markdown.take(), summary.csv.take());
    let value = to_js(&summary);
    drop(summary);
    for (key, rendering) in [("text", Some(text)), ("markdown", markdown), ("csv", csv)] {
        if let Some(rendering) = rendering {
            let _ = Reflect::set(&value, &key.into(), &JsValue::from_str(&rendering));
        }
    }
    Ok(value)
}

/// Diagnostic, not part of the API: `summarize`'s result as JSON text, so tests can check that
/// the objects built from tokens are exactly those `JSON.parse` makes of it.
#[wasm_bindgen(skip_typescript, js_name = summaryJson)]
pub fn summary_json(input: JsValue, opts: JsValue) -> Result<String, JsValue> {
    Ok(summary(&input, &opts)?.to_json())
}

fn summary(input: &JsValue, opts: &JsValue) -> Result<crate::Summary, JsValue> {
    let input = &match objects::given(input.clone()).map_err(thrown)? {
        objects::Given::Raw(input) => input,
        objects::Given::Parsed(input) => {
            seed();
            let options = read_options(opts, OptionsOf::Summarize)?;
            return objects::summarize(&input, &options).map_err(thrown);
        }
    };
    let (given, options) = begin(input, opts, OptionsOf::Summarize)?;
    Ok(
        match read_input(
            input,
            given,
            options.item.max_input_bytes,
            crate::js::boundary::MAX_LONE_SURROGATES,
        )? {
            Input::Ascii(bytes) => summarize_js(&bytes, &options, &[]),
            Input::Bytes(bytes, lone) => summarize_js(&bytes, &options, &lone),
            Input::TooLarge(size, exact) => summarize_too_large(size, exact, &options),
            Input::NoMemory(size, exact) => {
                summarize_without_memory(size, exact, NoMemory::ForTheCopy, &options)
            }
        },
    )
}

/// Not part of the API: what `parse` (0), `validate` (1) or `summarize` (2) answers for
/// `input` when the call trapped (`reason` is the `RuntimeError`'s message). The package's
/// entry points (scripts/package.mjs) call it on the fresh module that replaced the one that
/// trapped, so the caller gets a report saying so instead of a raw `RuntimeError`. Default
/// options: the caller's object is not read a second time.
#[wasm_bindgen(skip_typescript, js_name = trappedReport)]
pub fn trapped_report(which: u32, input: JsValue, reason: String) -> Result<JsValue, JsValue> {
    seed();
    let why = NoMemory::Trapped(&reason);
    let (size, exact) = match check_input(&input) {
        Ok(Given::Bytes(n)) => (n, true),
        Ok(Given::Text) => (input.unchecked_ref::<JsString>().length() as usize, false),
        Err(_) => (0, true),
    };
    let options = SummaryOptions::default();
    match which {
        0 => event_or_thrown(validate_without_memory(size, exact, why, &options.item)),
        1 => Ok(to_js(&validate_without_memory(
            size,
            exact,
            why,
            &crate::Options::default(),
        ))),
        _ => Ok(to_js(&summarize_without_memory(size, exact, why, &options))),
    }
}

/// How many more export calls run before one traps, for [`trap_for_tests`]; 0 when none will.
static TRAP_AFTER: AtomicU32 = AtomicU32::new(0);

/// Traps the module in the middle of a call (the input copied, Rust holding it) when a test
/// armed it: one relaxed load per call otherwise.
fn trap_if_armed() {
    if TRAP_AFTER.load(Relaxed) != 0 && TRAP_AFTER.fetch_sub(1, Relaxed) == 1 {
        core::arch::wasm32::unreachable();
    }
}

/// Test hook, not part of the API: `__trapForTests(0)` traps at once; `__trapForTests(n)`
/// makes the n-th next call of validate, parse or summarize trap once its input is copied,
/// so that tests can check what a trap does to the package (tests/js/boundary.test.mjs).
#[doc(hidden)]
#[wasm_bindgen(skip_typescript, js_name = __trapForTests)]
pub fn trap_for_tests(calls: u32) {
    if calls == 0 {
        core::arch::wasm32::unreachable();
    }
    TRAP_AFTER.store(calls, Relaxed);
}

/// The hash maps' keys (src/map.rs), for the test that the exports seed them. Not exported to
/// JavaScript, not part of the API.
#[doc(hidden)]
pub fn hash_keys() -> (u64, u64) {
    crate::json::map::keys()
}

/// Diagnostic, not part of the API: the size of this module's WebAssembly memory in bytes,
/// for the leak test (`tests/js/leak.test.mjs`).
#[wasm_bindgen(skip_typescript, js_name = memoryBytes)]
pub fn memory_bytes() -> usize {
    core::arch::wasm32::memory_size(0) * 65536
}
