// A value already parsed from JSON (`express.json()`'s `req.body`), for src/js/objects.rs;
// `inputKind` (src/js/input.js) tells it apart from text and bytes. In Node this file is loaded on the first
// parsed value (scripts/package.mjs): a caller that passes the raw body never loads it.
//
// A parsed value is copied here first, as JSON.stringify would read it, into plain data that
// runs none of the caller's code when serde-wasm-bindgen reads it: null-prototype objects
// (so a `__proto__` key stays an own member, and no `Symbol.iterator` is found on them) and
// dense arrays. Only this copy runs the caller's getters, Proxy traps and toJSON methods, and
// it catches whatever they throw: no exception may unwind through Rust frames, which would
// leak what they hold.

const uncurry = (f) => Function.prototype.call.bind(f);
const Bytes = Uint8Array;
const keysOf = Object.keys;
const isArray = Array.isArray;
const setPrototypeOf = Object.setPrototypeOf;
// An empty object without a prototype to find anything on (see `Plain`). Not
// `Object.create(null)`: V8 makes that a dictionary, whose `Object.entries`
// (serde-wasm-bindgen's read of each object) cost 4 times as much.
const bare = () => new Plain();
const call = uncurry(Function.prototype.call);
const isFinite = Number.isFinite;
const SetOf = Set;
const setAdd = uncurry(Set.prototype.add);
const setHas = uncurry(Set.prototype.has);
const setDelete = uncurry(Set.prototype.delete);
const push = uncurry(Array.prototype.push);
const pop = uncurry(Array.prototype.pop);
const join = uncurry(Array.prototype.join);
const replaceAll = uncurry(String.prototype.replace);
const slice = uncurry(String.prototype.slice);

// Set while `snapshot` runs the caller's getters: a call they make with a parsed value is
// refused (its own snapshot would share this one's counts).
let busy = false;

class Stop {
  constructor(message) {
    this.message = message;
  }
}

// What the caller's code threw, said without running more of it.
function describe(e) {
  if (e instanceof Stop) return e.message;
  let what = 'an exception';
  try {
    if (typeof e === 'string') what = e;
    else if (e instanceof Error && typeof e.message === 'string') what = e.message;
  } catch {
    // A throwing `message` getter: the plain words will do.
  }
  return what.length > 200 ? slice(what, 0, 200) + '…' : what;
}

// The objects `snapshot` makes: plain data, as null-prototype objects are (a `__proto__` key
// is an own member, no `Symbol.iterator` is found), and made faster than
// `Object.setPrototypeOf({}, null)`. Their prototype has nothing and no one can change it.
function Plain() {}
Plain.prototype = Object.freeze(Object.create(null));

// Each member's place in its object, as RingCentral orders them; -1 for another name.
function providerRank(k) {
  switch (k) {
    case 'id': return 0;
    case 'name': return 1;
    default: return -1;
  }
}

function infoRank(k) {
  switch (k) {
    case 'uri': return 0;
    case 'id': return 1;
    case 'phoneNumber': return 2;
    case 'paymentType': return 3;
    case 'location': return 4;
    case 'type': return 5;
    case 'usageType': return 6;
    case 'status': return 7;
    case 'contactCenterProvider': return 8;
    default: return -1;
  }
}

function bodyRank(k) {
  switch (k) {
    case 'eventType': return 0;
    case 'phoneNumberInfo': return 1;
    default: return -1;
  }
}

function envelopeRank(k) {
  switch (k) {
    case 'uuid': return 0;
    case 'event': return 1;
    case 'timestamp': return 2;
    case 'subscriptionId': return 3;
    case 'ownerId': return 4;
    case 'body': return 5;
    default: return -1;
  }
}

// What each member of a clean notification holds: a string (TEXT), or an object of a level
// (its members' places, the place of its one object member, and that member's level).
const TEXT = 0;
const PROVIDER = { rankOf: providerRank, at: -1, inner: undefined };
const INFO = { rankOf: infoRank, at: 8, inner: PROVIDER };
const BODY = { rankOf: bodyRank, at: 1, inner: INFO };
const ENVELOPE = { rankOf: envelopeRank, at: 5, inner: BODY };

// What the last copy `snapshot` made is, for the fast path (src/checks/fast_value.rs): 0,
// anything; 1, one notification whose objects hold only this event's members, strings and
// objects where it has them, within the limits; 2, the same with every object's members in
// RingCentral's order. The fast path reads such a copy by asking each object for the event's
// members by name, and never lists them: a member it does not know must make the copy a 0.
let shape = 0;

export function copiedShape() {
  return shape;
}

// The same of each item of the last log copied, by its index (0 for any not copied); set by
// every copy of a log, and read only after one.
let shapes = new Bytes(0);

export function copiedShapes() {
  return shapes;
}

// A copy of `value` as JSON.stringify reads it: toJSON called (a Date becomes its ISO text);
// own enumerable string keys, in their order; undefined, functions and symbols left out of
// objects and null in arrays, as are holes; NaN and the infinities null; -0 is 0 once in
// Rust. A Map, a Set or a class instance is its own enumerable members, as there.
//
// Returns the copy (an object or an array), or a string: the TypeError to throw. A BigInt
// and a cycle are TypeErrors (JSON.stringify throws on both), as is anything the caller's
// code throws. Depth and size are not refused here but cut, at the first place past them
// (an empty object or array past `maxDepth`, the value that passes `maxBytes` or
// `maxValues`, the rest left out): src/json/from_value.rs then reports that place, with its
// path, counting at least what is counted here.
//
// `log`: the value is a log, and each element of an array one item (`maxValues` each; at
// most `maxItems + 1` read).
export function snapshot(value, maxDepth, maxBytes, maxValues, log, maxItems) {
  if (busy) {
    return 'validate, parse and summarize cannot be called with a parsed value from a getter, '
      + 'Proxy trap or toJSON method of the value they are reading';
  }
  busy = true;
  const path = [];
  const ancestors = new SetOf();
  // The copy's shape (see `copiedShape`), or each item's, found on the way.
  shape = 0;
  let clean = true;
  let inOrder = true;
  let values = 0;
  let bytes = 0;
  let over = false;
  const at = () => {
    if (path.length === 0) return 'the top';
    const tokens = [];
    for (let i = 0; i < path.length; i++) {
      push(tokens, replaceAll(replaceAll(String(path[i]), /~/g, '~0'), /\//g, '~1'));
    }
    return '/' + join(tokens, '/');
  };
  // Counts one value of `n` bytes; false once past a limit (the value that passed it is
  // still copied, so that Rust meets it).
  const count = (n) => {
    values += 1;
    bytes += n;
    if (values > maxValues || bytes > maxBytes) over = true;
  };
  // `expect`: what a clean notification holds here (TEXT or a level), or null.
  const copy = (v, key, depth, expect) => {
    if ((typeof v === 'object' && v !== null) || typeof v === 'bigint') {
      const toJSON = v.toJSON;
      if (typeof toJSON === 'function') v = call(toJSON, v, key);
    }
    switch (typeof v) {
      case 'string':
        if (expect !== TEXT) clean = false;
        count(v.length + 2);
        // A string past the limit crosses only as far as needed to pass it.
        return over && v.length > maxBytes ? slice(v, 0, maxBytes + 1) : v;
      case 'number':
        clean = false;
        count(1);
        return isFinite(v) ? v : null;
      case 'boolean':
        clean = false;
        count(5);
        return v;
      case 'bigint':
        throw new Stop(`a BigInt at ${at()}: JSON has no BigInt (JSON.stringify throws too); `
          + 'make it a string or a number, or pass the raw body');
      case 'undefined':
      case 'function':
      case 'symbol':
        return undefined;
      default:
        break;
    }
    clean = clean && expect !== null && expect !== TEXT && v !== null && !isArray(v);
    if (v === null) {
      count(4);
      return null;
    }
    if (setHas(ancestors, v)) {
      throw new Stop(`the value holds itself at ${at()} (a cycle): JSON has no form for it `
        + '(JSON.stringify throws too)');
    }
    const array = isArray(v);
    count(2);
    if (over || depth >= maxDepth) {
      clean = false;
      return array ? [] : bare();
    }
    setAdd(ancestors, v);
    let out;
    if (array) {
      out = [];
      const n = v.length;
      for (let i = 0; i < n && !over; i++) {
        push(path, i);
        const item = copy(v[i], String(i), depth + 1, null);
        if (item === undefined) {
          count(4);
          push(out, null);
        } else {
          push(out, item);
        }
        bytes += 1;
        pop(path);
      }
    } else {
      out = bare();
      const keys = keysOf(v);
      let last = -1;
      for (let i = 0; i < keys.length && !over; i++) {
        const k = keys[i];
        // What the member holds in a clean notification, and whether it comes in order.
        let inner = null;
        if (clean) {
          const rank = expect.rankOf(k);
          if (rank < 0) {
            clean = false;
          } else {
            if (rank < last) inOrder = false;
            last = rank;
            inner = rank === expect.at ? expect.inner : TEXT;
          }
        }
        push(path, k);
        const item = copy(v[k], k, depth + 1, inner);
        if (item !== undefined) {
          bytes += k.length + 4;
          out[k] = item;
        }
        pop(path);
      }
    }
    setDelete(ancestors, v);
    return out;
  };
  try {
    if (!log) {
      const out = copy(value, '', 0, ENVELOPE);
      if (clean && !over) shape = inOrder ? 2 : 1;
      return out;
    }
    // A log's item, with its shape in `oneShape`.
    let oneShape = 0;
    const one = (v, key) => {
      clean = true;
      inOrder = true;
      const out = copy(v, key, 0, ENVELOPE);
      // (undefined, a function or a symbol is no object: null in a log.)
      oneShape = clean && !over && out !== undefined ? (inOrder ? 2 : 1) : 0;
      return out;
    };
    // One notification is a log of one item.
    if (!isArray(value)) {
      const out = one(value, '');
      shapes = new Bytes(1);
      shapes[0] = oneShape;
      return [out];
    }
    // A log: each element an item, with values counted per item and bytes for all.
    const out = [];
    const n = value.length;
    shapes = new Bytes(n <= maxItems ? n : maxItems + 1);
    for (let i = 0; i < n && i <= maxItems && !over; i++) {
      push(path, i);
      values = 0;
      const item = one(value[i], String(i));
      shapes[i] = oneShape;
      if (item === undefined) count(4);
      push(out, item === undefined ? null : item);
      pop(path);
    }
    return out;
  } catch (e) {
    const where = path.length ? ` (reading ${at()})` : '';
    return e instanceof Stop ? e.message : `the value could not be read${where}: ${describe(e)}`;
  } finally {
    busy = false;
  }
}
