// The lane of `validate` and `parse` for a string without options (src/js/lane.rs): the string
// is encoded straight into a buffer the module keeps, one call answers it, and the value is
// built out of WebAssembly memory, with no call back into JavaScript on the way. Anything else
// takes the general route (`general`, the module's own export), which decides as it always
// did: other inputs, options, long strings, lone surrogates, a call made while another reads
// its options.
//
// Appended to each glue by scripts/package.mjs, in its scope: `wasm` is the module's exports
// (a restart after a trap replaces them, and what is kept here with them), and `assemble`
// comes from src/js/assemble.js.

// Longer strings take the general route, so that the buffer kept stays small (three bytes per
// unit: UTF-8's worst case).
const LANE_MAX_UNITS = 65536;
// The least the buffer is made for, so that it is made once for payloads of every day.
const LANE_MIN_BYTES = 16384;
// `Encoded`'s kind for parse's error (src/js/encode.rs THROWN; tests/js_layout.rs checks).
const LANE_THROWN = 3;
const __ccneLaneEncoder = new TextEncoder();
const __ccneLaneDecoder = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true });
// In Node, a Buffer's `utf8Slice` decodes the answer's text (a clean report's is its change
// sentence, about 120 bytes) in two thirds of TextDecoder's time: 74 against 111 ns a call,
// a twentieth of a clean validate (2026-12-01). The text is the module's own UTF-8, never
// malformed. Its `utf8Write` encodes the input as `encodeInto` does (a lone surrogate as
// U+FFFD too) without the script around it and the object it answers: 160 fewer instructions
// a call, about 0.7% of a clean validate (callgrind, 2026-12-01). Elsewhere (browsers, and
// runtimes whose Buffer is a script) TextDecoder and TextEncoder.
const __ccneLaneBuffer = typeof process === 'object' && process !== null && typeof process.versions === 'object'
  && process.versions !== null && typeof process.versions.node === 'string' && typeof Buffer === 'function'
  && typeof Buffer.prototype.utf8Slice === 'function' && typeof Buffer.prototype.utf8Write === 'function'
  ? Buffer : null;
// What is kept of the module `__ccneLaneOf`: the address and size of its input buffer, a view
// of that buffer, and views of its whole memory (made again once memory grew, which detaches
// them: their length is then 0).
let __ccneLaneOf = null;
let __ccneLanePtr = 0;
let __ccneLaneCap = 0;
let __ccneLaneIn = null;
let __ccneLaneU8 = null;
let __ccneLaneU32 = null;
// The strings the module names by slot (src/js/held.rs), which `assemble` keeps up to date.
let __ccneLaneHeld = [];

// `general` (parse, `which` 0, or validate, 1) with the lane in front.
function __ccneLane(general, which) {
  return function (input, opts) {
    if (typeof input !== 'string' || (opts !== undefined && opts !== null) || input.length > LANE_MAX_UNITS) {
      return general(input, opts);
    }
    const view = __ccneLaneInput(3 * input.length);
    if (view === null) return general(input, opts);
    const written = __ccneLaneBuffer !== null ? view.utf8Write(input) : __ccneLaneEncoder.encodeInto(input, view).written;
    const h = wasm.ccne_lane(which, input.length, written) >>> 2;
    if (h === 0) return general(input, opts);
    let u32 = __ccneLaneU32;
    if (u32 === null || u32.length === 0) {
      const buffer = wasm.memory.buffer;
      __ccneLaneU32 = u32 = new Uint32Array(buffer);
      __ccneLaneU8 = __ccneLaneBuffer !== null ? __ccneLaneBuffer.from(buffer) : new Uint8Array(buffer);
    }
    // The header, in the order of LANE_HEADER (src/js/encode.rs).
    const kind = u32[h], at = u32[h + 1], from = u32[h + 2], bytes = u32[h + 3];
    const text = bytes === 0 ? ''
      : __ccneLaneBuffer !== null ? __ccneLaneU8.utf8Slice(from, from + bytes)
      : __ccneLaneDecoder.decode(__ccneLaneU8.subarray(from, from + bytes));
    let value;
    try {
      value = assemble(input, kind, u32, at, text, __ccneLaneHeld);
    } catch (e) {
      // The strings held may not be what the module thinks: both forget them.
      __ccneLaneOf = null;
      throw e;
    }
    if (kind === LANE_THROWN) throw value;
    return value;
  };
}

// A view of the input buffer with room for `bytes` bytes (a Buffer in Node), or null when the
// module cannot give them.
function __ccneLaneInput(bytes) {
  if (__ccneLaneOf !== wasm) {
    // A new module (or a forgetful one, see below): its buffer is asked for again, and that
    // makes it forget the strings held.
    __ccneLaneOf = wasm;
    __ccneLaneCap = 0;
    __ccneLaneIn = __ccneLaneU8 = __ccneLaneU32 = null;
    __ccneLaneHeld = [];
  }
  if (bytes > __ccneLaneCap) {
    const cap = Math.max(bytes, LANE_MIN_BYTES);
    const ptr = wasm.ccne_lane_reserve(cap) >>> 0;
    if (ptr === 0) return null;
    __ccneLanePtr = ptr;
    __ccneLaneCap = cap;
    __ccneLaneIn = null;
  }
  if (__ccneLaneIn === null || __ccneLaneIn.length === 0) {
    // A Buffer in Node, for its `utf8Write`.
    __ccneLaneIn = __ccneLaneBuffer !== null ? __ccneLaneBuffer.from(wasm.memory.buffer, __ccneLanePtr, __ccneLaneCap)
      : new Uint8Array(wasm.memory.buffer, __ccneLanePtr, __ccneLaneCap);
  }
  return __ccneLaneIn;
}
