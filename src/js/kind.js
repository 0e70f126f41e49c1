// What the caller's input is, for src/js/objects.rs: text or bytes, an ArrayBuffer (read as
// its Uint8Array view), or a value already parsed from JSON, which src/js/objects.js copies.
// Asked on every call, so it stays apart from objects.js, which Node loads only on the first
// parsed value (scripts/package.mjs).

const TypedArray = Object.getPrototypeOf(Uint8Array.prototype);
const uncurry = (f) => Function.prototype.call.bind(f);
const getterOf = (o, k) => uncurry(Object.getOwnPropertyDescriptor(o, k).get);
// "Uint8Array" and so on for a typed array of any realm, undefined for anything else (Proxies
// included): a brand check that runs none of the caller's code.
const typedTagOf = getterOf(TypedArray, Symbol.toStringTag);
const bufferLengthOf = getterOf(ArrayBuffer.prototype, 'byteLength');
const sharedLengthOf = typeof SharedArrayBuffer === 'function'
  ? getterOf(SharedArrayBuffer.prototype, 'byteLength') : undefined;
const isView = ArrayBuffer.isView;
const objectTag = uncurry(Object.prototype.toString);
const Bytes = Uint8Array;

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
  if (typeof input !== 'object' || input === null || typedTagOf(input) !== undefined) return 0;
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
