// Building the plain objects `JSON.parse` would make of a value's JSON, in the same key
// order, from the compact encodings src/js/encode.rs and src/output/write.rs send: numbers
// and one text, of which each string is a slice (or a slice of the caller's own input).
// Writing and re-parsing 1 KB of JSON was most of the cost of a call.
//
// The encodings' constants, declared once on this side; tests/js_layout.rs checks each
// against its Rust twin, so that neither side can change alone.
// In `assembleReport`'s spans and `assembleInvalid`'s lengths (src/js/encode.rs):
const ABSENT = 0xffffffff; // the value is absent
const IN_TEXT = 0xfffffffe; // the value is the next `length` units of the text
// Tags of `assembleValue`'s tokens (src/output/write.rs).
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
// Any value but a valid report or an invalid one, from its tokens (`write::Tokens`).
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
      case NULL: return null;
      case FALSE: return false;
      case TRUE: return true;
      case NUMBER: {
        const low = nums[i++];
        return nums[i++] * 4294967296 + low;
      }
      case STRING: return str();
      case OBJECT: {
        const o = {};
        for (let tag = nums[i++]; tag !== END; tag = nums[i++]) {
          let key;
          if (tag === NEW_KEY) keys.push(key = str());
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
    }
  };
  return value();
}
// Reads issues encoded as `encode::invalid_report` and `encode::issues` encode them.
function issueReader(nums, text) {
  let at = 0;
  let i = 0;
  const str = () => {
    const n = nums[i++];
    if (n === ABSENT) return undefined;
    at += n;
    return text.slice(at - n, at);
  };
  const issue = () => {
    const code = str(), severity = str(), message = str(), hint = str();
    const o = { code, severity, message };
    if (hint !== undefined) o.hint = hint;
    o.path = str();
    // ABSENT: no position (a value that was already parsed).
    const pos = () => {
      const n = nums[i++];
      return n === ABSENT ? null : n;
    };
    o.line = pos();
    o.column = pos();
    o.offset = pos();
    o.length = pos();
    return o;
  };
  const list = (count) => {
    const out = [];
    for (let k = 0; k < count; k++) out.push(issue());
    return out;
  };
  return { str, list, count: () => nums[i++] };
}
// An invalid report (`encode::invalid_report`): counts, lengths and positions.
export function assembleInvalid(nums, text) {
  const r = issueReader(nums, text);
  const kind = r.str(), delivery = r.str();
  const errorCount = r.count(), warningCount = r.count();
  const errors = r.list(errorCount);
  const warnings = r.list(warningCount);
  return { valid: false, kind, delivery, errors, warnings };
}
// A valid report with warnings: `assembleReport`'s (over the caller's string `input`, or
// null), its warnings from `encode::issues`.
export function assembleWarned(input, spans, text, nums, issuesText) {
  const report = assembleReport(input, spans, text);
  const r = issueReader(nums, issuesText);
  report.warnings = r.list(r.count());
  return report;
}
// A valid report without warnings from `encode::Spans`: values sliced from the caller's own
// string `input` (null when the caller passed bytes) or from `text`.
export function assembleReport(input, spans, text) {
  let at = 0;
  let i = 0;
  const next = () => {
    const a = spans[i], b = spans[i + 1];
    i += 2;
    if (a === ABSENT) return undefined;
    if (a !== IN_TEXT) return input.slice(a, b);
    at += b;
    return text.slice(at - b, at);
  };
  // The 23 values in the order of `encode::REPORT_VALUES`.
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
