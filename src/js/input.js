// Reading the caller's input into WebAssembly memory (src/js/input.rs): what it is (text or
// bytes, an ArrayBuffer, or a value already parsed, which src/js/objects.js copies) and how
// long, its bytes, a string's UTF-8, its lone surrogates. Nothing here throws into Rust: an
// exception would unwind through the frame that holds the buffer, and leak it.
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
// "Uint8Array" for a Uint8Array of any realm (or a subclass, such as Buffer), and so on for
// the other typed arrays; undefined for anything else, Proxies included: a brand check that
// runs none of the caller's code.
const tagOf = getterOf(TypedArray, Symbol.toStringTag);
const setBytes = uncurry(TypedArray.set);
const Bytes = Uint8Array;
const bufferLengthOf = getterOf(ArrayBuffer.prototype, 'byteLength');
const sharedLengthOf = typeof SharedArrayBuffer === 'function'
  ? getterOf(SharedArrayBuffer.prototype, 'byteLength') : undefined;
const isView = ArrayBuffer.isView;
const objectTag = uncurry(Object.prototype.toString);
// Whether `brand(value)` accepts it, without letting what it throws out.
const is = (brand, value) => {
  if (brand === undefined) return false;
  try {
    brand(value);
    return true;
  } catch {
    return false;
  }
};
// What the input is, in one call, without exceptions on the way for the inputs of every day
// (an exception costs tens of microseconds, several times a whole check): 0 for a string, a
// Uint8Array or anything else the raw-body route reads or refuses; 1 for a value already
// parsed (an object or array, not raw bytes of another shape); the Uint8Array view of an
// ArrayBuffer or SharedArrayBuffer (of any realm); null for a detached buffer. Cannot throw.
export function inputKind(input) {
  if (typeof input !== 'object' || input === null || tagOf(input) !== undefined) return 0;
  if (isView(input)) return 0;
  let tag;
  try {
    tag = objectTag(input);
  } catch {
    // A Proxy whose trap throws: the snapshot says so.
    return 1;
  }
  if ((tag === '[object ArrayBuffer]' && is(bufferLengthOf, input))
    || (tag === '[object SharedArrayBuffer]' && is(sharedLengthOf, input))) {
    try {
      return new Bytes(input);
    } catch {
      // A detached buffer reads as 0 bytes; only making a view of it tells the two apart.
      return null;
    }
  }
  return 1;
}
// The input's length in bytes for a Uint8Array; -1 for a string, -2 for anything else, -3 for
// a Uint8Array whose buffer is detached. Cannot throw: built-in getters on a value whose
// brand was checked.
export function inputLength(input) {
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
// wrapper on every call.
export function copyBytes(input, memory, ptr, len) {
  try {
    setBytes(new Bytes(memory.buffer, ptr, len), new Bytes(bufferOf(input), offsetOf(input), len));
    return true;
  } catch {
    return false;
  }
}
let unitsRead = 0;
// The UTF-8 bytes written, or -1 if encoding threw.
export function encodeInto(text, from, memory, ptr, capacity) {
  try {
    const rest = from === 0 ? text : text.substring(from);
    const r = encoder.encodeInto(rest, new Bytes(memory.buffer, ptr, capacity));
    unitsRead = r.read;
    return r.written;
  } catch {
    return -1;
  }
}
export function encodedUnits() {
  return unitsRead;
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
