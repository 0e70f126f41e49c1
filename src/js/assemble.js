// Building the plain objects `JSON.parse` would make of a value's JSON, in the same key
// order, from the encodings src/js/encode.rs (`Encoded`) and src/output/write.rs send:
// numbers and one text, of which each string is a slice (or a slice of the caller's own
// input). Writing and re-parsing 1 KB of JSON was most of the cost of a call.
//
// The encodings' constants, declared once on this side; tests/js_layout.rs checks each
// against its Rust twin, so that neither side can change alone.
// In a valid report's spans and in lengths (src/js/encode.rs):
const ABSENT = 0xffffffff; // the value is absent
const IN_TEXT = 0xfffffffe; // the value is the next `length` units of the text
// The sentence's, as IN_TEXT with its quotation marks each one unit there, their offsets
// the two numbers after the spans (`sentenceOf`).
const SPLICED = 0xfffffffd;
// From these on, the string `held` holds in slot `n - HELD`, or the next of the text, which
// it holds from now on in slot `n - HOLD` (src/js/held.rs; only in the lane's answers).
const HELD = 0xffffff00;
const HOLD = 0xfffffe00;
// An issue whose first number is from TEMPLATE on is template `n - TEMPLATE`, its four
// positions following; from NEW_TEMPLATE on, the issue follows whole, and `held` keeps its
// strings as template `n - NEW_TEMPLATE`. Templates are kept after the held strings, from
// slot TEMPLATES_FROM on (src/js/templates.rs; only in the lane's valid reports).
const TEMPLATE = 0xfffffd00;
const NEW_TEMPLATE = 0xfffffc00;
const TEMPLATES_FROM = 128;
// What an `Encoded` value is (`assemble`'s `kind`).
const VALID = 1;
const INVALID = 2;
const THROWN = 3;
const TOKENS = 4;
const EVENT = 5;
const SUMMARY = 6;
// Tags of the tokens (src/output/write.rs).
const NULL = 0;
const FALSE = 1;
const TRUE = 2;
const NUMBER = 3;
const STRING = 4;
const OBJECT = 5;
const ARRAY = 6;
const END = 7;
const NEW_KEY = 8;
const KEY = 9;
const SHAPE = 10;

// Where the value being built is read: numbers from `nums[i]` on, strings one after the other
// from `text[t]` on, and the strings the module's lane holds. Module state rather than
// closures made per call: nothing here runs the caller's code, so one value is built at a
// time.
let nums = null;
let i = 0;
let text = '';
let t = 0;
let held = null;

function start(n, at, s, h) {
  nums = n;
  i = at;
  text = s;
  t = 0;
  held = h;
}

// The value an `Encoded` carries (`kind`), its numbers in `n` from index `at`, over `s`: a
// valid report, whose values may be slices of the caller's own string `input` (null when
// there is none), `parse`'s event out of one, an invalid report, `parse`'s error (returned,
// for the caller to throw), or any other value from its tokens. `h`: the strings the lane
// holds (src/js/lane.js), which it keeps up to date; undefined elsewhere.
export function assemble(input, kind, n, at, s, h) {
  start(n, at, s, h);
  let value;
  switch (kind) {
    case VALID: value = validReport(input, null); break;
    case EVENT: value = validReport(input, null).event; break;
    case INVALID: value = invalidReport(); break;
    case THROWN: value = invalidEventError(); break;
    case SUMMARY: value = summary(); break;
    default: value = tokens(); break;
  }
  // Not kept past the call: the caller's input and WebAssembly memory are not ours to hold.
  start(null, 0, '', null);
  return value;
}

// A valid report whose warnings are already in JavaScript (`heldNums` and `heldText`, made
// once: encoded as `encode::issues`), its values (`spans`, over `s`) copied.
export function assembleWarned(spans, s, heldNums, heldText) {
  start(heldNums, 0, heldText, null);
  const warnings = list(nums[i++]);
  start(spans, 0, s, null);
  const value = validReport(null, warnings);
  start(null, 0, '', null);
  return value;
}

function str() {
  const n = nums[i++];
  if (n < HOLD) {
    t += n;
    return text.slice(t - n, t);
  }
  if (n === ABSENT) return undefined;
  if (n >= HELD) return held[n - HELD];
  const m = nums[i++];
  t += m;
  return (held[n - HOLD] = text.slice(t - m, t));
}

// A position; ABSENT: none (a value that was already parsed).
function pos() {
  const n = nums[i++];
  return n === ABSENT ? null : n;
}

// Reports, and what is in them, are made by the constructors below rather than by literals.
// V8 tenures what an allocation site (an object or array literal, `new Array`) makes once most
// of it outlived a young-generation collection, and then never learns otherwise: after a
// program had kept 20,000 reports (`texts.map(validate)`), every later report was made in the
// old generation and validate took 4.3 µs a call instead of 2.4 (bench/RESULTS.md,
// 2026-12-01). A constructor call is no such site. Each prototype is Object.prototype, so that
// the objects are the plain objects JSON.parse makes (deepStrictEqual, structuredClone,
// `constructor === Object`); arrays are copies of an empty one, for the same reason.
function plain(F) {
  F.prototype = Object.prototype;
  return F;
}
// Never handed out, only copied; not frozen: copying a frozen array takes a slow path (about
// 0.15 µs a report).
const EMPTY = [];
const emptyList = () => EMPTY.slice();

// An issue (`encode::push_issues`), of one of two fixed shapes.
const Issue = plain(function (code, severity, message, path, line, column, offset, length) {
  this.code = code; this.severity = severity; this.message = message; this.path = path;
  this.line = line; this.column = column; this.offset = offset; this.length = length;
});
const HintedIssue = plain(function (code, severity, message, hint, path, line, column, offset, length) {
  this.code = code; this.severity = severity; this.message = message; this.hint = hint; this.path = path;
  this.line = line; this.column = column; this.offset = offset; this.length = length;
});

function issue() {
  const n = nums[i];
  if (n >= NEW_TEMPLATE && n < HOLD) {
    i++;
    if (n >= TEMPLATE) return fromTemplate(held[TEMPLATES_FROM + n - TEMPLATE]);
    const made = issue();
    held[TEMPLATES_FROM + n - NEW_TEMPLATE] = new Template(made.code, made.severity, made.message, made.hint, made.path);
    return made;
  }
  const code = str(), severity = str(), message = str(), hint = str(), path = str();
  const line = pos(), column = pos(), offset = pos(), length = pos();
  if (hint === undefined) return new Issue(code, severity, message, path, line, column, offset, length);
  return new HintedIssue(code, severity, message, hint, path, line, column, offset, length);
}

// An issue's strings as the lane holds them, kept apart from the issues handed out (which the
// caller may change).
function Template(code, severity, message, hint, path) {
  this.code = code; this.severity = severity; this.message = message; this.hint = hint; this.path = path;
}

// The issue of template `tp` at the positions that follow.
function fromTemplate(tp) {
  const line = pos(), column = pos(), offset = pos(), length = pos();
  if (tp.hint === undefined) return new Issue(tp.code, tp.severity, tp.message, tp.path, line, column, offset, length);
  return new HintedIssue(tp.code, tp.severity, tp.message, tp.hint, tp.path, line, column, offset, length);
}

// Lists of one to four issues are copies of an array of that many nulls, filled in: a copy
// of the empty one grew its store at the first push, and that took a third of the time a
// warned report's issues took in JavaScript (cpu profile, 2026-12-01). Never handed out,
// only copied, as EMPTY.
const SIZED = [EMPTY, [null], [null, null], [null, null, null], [null, null, null, null]];

function list(count) {
  if (count < SIZED.length) {
    const out = SIZED[count].slice();
    for (let k = 0; k < count; k++) out[k] = issue();
    return out;
  }
  const out = emptyList();
  for (let k = 0; k < count; k++) out.push(issue());
  return out;
}

// An invalid report (`encode::invalid_report`): counts, lengths and positions.
const InvalidReport = plain(function (kind, delivery, errors, warnings) {
  this.valid = false; this.kind = kind; this.delivery = delivery; this.errors = errors; this.warnings = warnings;
});

function invalidReport() {
  const kind = str(), delivery = str();
  const errorCount = nums[i++], warningCount = nums[i++];
  const errors = list(errorCount);
  const warnings = list(warningCount);
  return new InvalidReport(kind, delivery, errors, warnings);
}

// `parse`'s error (`Encoded::thrown`): an Error named InvalidEventError (the package makes it
// one of its class) with the report's kind and issues.
function invalidEventError() {
  const kind = str(), message = str();
  const issues = list(nums[i++]);
  const e = new Error(message);
  // Defined, not assigned: assigning `name` throws in strict mode where Error.prototype is
  // frozen.
  Object.defineProperty(e, 'name', { value: 'InvalidEventError', writable: true, enumerable: true, configurable: true });
  e.kind = kind;
  e.issues = issues;
  return e;
}

// The next of a valid report's values (`encode::Spans`): a slice of the caller's string
// `input`, or of the text.
function next(input) {
  const a = nums[i], b = nums[i + 1];
  i += 2;
  if (a < HOLD) return input.slice(a, b);
  if (a === ABSENT) return undefined;
  if (a >= HELD && a !== IN_TEXT) return held[a - HELD];
  t += b;
  const s = text.slice(t - b, t);
  if (a !== IN_TEXT) held[a - HOLD] = s;
  return s;
}

// The next value, `before` (the value just read) when it has the same span of the input: a
// time sent as the module writes it (nearly always) is its timestamp, sliced once.
function again(input, before) {
  const a = nums[i];
  if (a < HOLD && a === nums[i - 2] && nums[i + 1] === nums[i - 1]) {
    i += 2;
    return before;
  }
  return next(input);
}

// The sentence, the last of a valid report's values: as `next`, or as `encode::SPLICED` says,
// the text's next units with “ and ” in place of the units at the two offsets that follow the
// spans. Sliced and joined, an ASCII text costs less than V8's decoding of the two marks'
// UTF-8 and of all that follows them, one byte at a time.
function sentenceOf(input) {
  if (nums[i] !== SPLICED) return next(input);
  const n = nums[i + 1], open = t + nums[i + 2], close = t + nums[i + 3];
  i += 4;
  const from = t;
  t += n;
  return text.slice(from, open) + '\u201c' + text.slice(open + 1, close) + '\u201d' + text.slice(close + 1, t);
}

// A valid report from `encode::Spans`, then its warnings (`warnings`, or read after the
// spans when null).
function validReport(input, warnings) {
  // The 23 values in the order of `encode::REPORT_VALUES`.
  const delivery = next(input), uuid = next(input), event = next(input), accountId = next(input);
  const timestamp = next(input), time = again(input, timestamp), subscriptionId = next(input), ownerId = next(input);
  const eventType = next(input), uri = next(input), id = next(input), phoneNumber = next(input);
  const paymentType = next(input), location = next(input), type = next(input), usageType = next(input);
  const status = next(input), hasProvider = next(input), providerId = next(input), providerName = next(input);
  const action = next(input), effect = next(input), sentence = sentenceOf(input);
  if (warnings === null) warnings = list(nums[i++]);
  const info = new Plain();
  if (uri !== undefined) info.uri = uri;
  info.id = id;
  info.phoneNumber = phoneNumber;
  if (paymentType !== undefined) info.paymentType = paymentType;
  if (location !== undefined) info.location = location;
  if (type !== undefined) info.type = type;
  if (usageType !== undefined) info.usageType = usageType;
  if (status !== undefined) info.status = status;
  if (hasProvider !== undefined) info.contactCenterProvider = provider(providerId, providerName);
  const change = new Change(action, effect, phoneNumber, id);
  if (type !== undefined) change.type = type;
  if (usageType !== undefined) change.usageType = usageType;
  if (hasProvider !== undefined) change.provider = provider(providerId, providerName);
  change.accountId = accountId;
  change.time = time;
  change.sentence = sentence;
  const body = new Body(eventType, info);
  return new ValidReport(delivery, warnings,
    new Notification(uuid, event, accountId, timestamp, time, subscriptionId, ownerId, body), change);
}

const ValidReport = plain(function (delivery, warnings, event, change) {
  this.valid = true; this.kind = 'contactCenterPhoneNumber'; this.delivery = delivery;
  this.errors = emptyList(); this.warnings = warnings; this.event = event; this.change = change;
});
const Notification = plain(function (uuid, event, accountId, timestamp, time, subscriptionId, ownerId, body) {
  this.uuid = uuid; this.event = event; this.accountId = accountId; this.timestamp = timestamp;
  this.time = time; this.subscriptionId = subscriptionId; this.ownerId = ownerId; this.body = body;
});
const Body = plain(function (eventType, phoneNumberInfo) {
  this.eventType = eventType; this.phoneNumberInfo = phoneNumberInfo;
});
const Change = plain(function (action, effect, phoneNumber, id) {
  this.action = action; this.effect = effect; this.phoneNumber = phoneNumber; this.id = id;
});
// The objects whose members are each present or not: phoneNumberInfo and a provider.
const Plain = plain(function () {});

function provider(id, name) {
  const p = new Plain();
  if (id !== undefined) p.id = id;
  if (name !== undefined) p.name = name;
  return p;
}

// A summary: its `numbers` as src/output/numbers.rs writes them, then the rest from its
// tokens, where `numbers` is an empty array that they take the place of (an assignment keeps
// a member's place among the keys).
function summary() {
  const numbers = numbersOf();
  const value = tokens();
  value.numbers = numbers;
  return value;
}

// The names the numbers' values repeat (event types, effects, fields, groups' keys), by
// number: each string made once.
let names = null;

// The summary's numbers (src/output/numbers.rs): a fixed layout, without tags.
function numbersOf() {
  names = [];
  for (let k = nums[i++]; k > 0; k--) names.push(tstr());
  const out = [];
  for (let k = nums[i++]; k > 0; k--) {
    const group = names[nums[i++]], id = tstr(), phoneNumber = tstr(), entriesNotListed = wide();
    const timeline = [];
    for (let m = nums[i++]; m > 0; m--) timeline.push(entry());
    out.push({ group, id, phoneNumber, entriesNotListed, timeline });
  }
  names = null;
  return out;
}

function entry() {
  const time = tstr(), uuid = tstr(), eventType = names[nums[i++]], effect = names[nums[i++]];
  const index = wide(), line = nums[i++];
  const changes = [];
  for (let c = nums[i++]; c > 0; c--) {
    const field = names[nums[i++]];
    const n = nums[i++];
    let from = null;
    if (n !== ABSENT) {
      t += n;
      from = text.slice(t - n, t);
    }
    changes.push({ field, from, to: tstr() });
  }
  return { time, uuid, eventType, effect, index, line, changes };
}

// A number that may pass 32 bits: its low, then its high 32 bits.
function wide() {
  const low = nums[i++];
  return nums[i++] * 4294967296 + low;
}

// Any other value from its tokens (`write::Tokens`).
function tokens() {
  keys = [];
  const v = value();
  keys = null;
  return v;
}

// The keys sent so far (NEW_KEY), by number.
let keys = null;

function value() {
  switch (nums[i++]) {
    case NULL: return null;
    case FALSE: return false;
    case TRUE: return true;
    case NUMBER: return wide();
    case STRING: return tstr();
    case OBJECT: {
      const o = {};
      for (let tag = nums[i++]; tag !== END; tag = nums[i++]) {
        let key;
        if (tag === NEW_KEY) keys.push(key = tstr());
        else key = keys[nums[i++]]; // KEY, an index into `keys`
        // Keys are names the crate chooses (`&'static str`), never input: no `__proto__`.
        o[key] = value();
      }
      return o;
    }
    case ARRAY: {
      const a = [];
      while (nums[i] !== END) a.push(value());
      i++;
      return a;
    }
    case SHAPE: return shaped(nums[i++]);
  }
}

// A struct of fixed shape (`write::SHAPES`, by number): its values in the order of the
// literal's keys, which JavaScript evaluates in the order written. One literal each, so that
// every object of a kind is made with its final hidden class at once. tests/js_layout.rs
// holds each line's keys to the Rust shape's, and those to the struct's.
function shaped(n) {
  switch (n) {
    case 0: return { time: value(), uuid: value(), eventType: value(), effect: value(), index: value(), line: value(), changes: value() };
    case 1: return { field: value(), from: value(), to: value() };
    case 2: return { group: value(), id: value(), phoneNumber: value(), entriesNotListed: value(), timeline: value() };
    case 3: return { index: value(), line: value(), uuid: value(), firstIndex: value(), firstLine: value(), identical: value() };
    case 4: return { index: value(), line: value(), uuid: value(), time: value(), after: value(), afterIndex: value() };
    case 5: return { index: value(), line: value(), kind: value(), issues: value() };
    case 6: return { code: value(), severity: value(), message: value(), hint: value(), path: value(), line: value(), column: value(), offset: value(), length: value() };
    case 7: return { code: value(), severity: value(), message: value(), path: value(), line: value(), column: value(), offset: value(), length: value() };
  }
}

// A token's string: its length, then its units in the text.
function tstr() {
  const n = nums[i++];
  t += n;
  return text.slice(t - n, t);
}
