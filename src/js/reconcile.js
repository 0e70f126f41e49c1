// Reading reconcile's first argument (src/js/reconcile.rs decides what each member means):
// each known member read once, as a value, inside a try, so no getter or Proxy trap of the
// caller's runs later or throws through WebAssembly frames.
const MEMBERS = ['before', 'log', 'after', 'beforeTime', 'afterTime'];
const keysOf = Object.keys;
const protoOf = Object.getPrototypeOf;
const isArray = Array.isArray;
const toIso = Date.prototype.toISOString;
const timeOf = Date.prototype.getTime;
const dateTag = Object.prototype.toString;
// [before, log, after, beforeTime, afterTime], each the caller's value (times as ISO text
// when given as a Date), or a string saying why the argument cannot be read (a TypeError's
// message). Never throws.
export function readReconcileInput(input) {
  if (typeof input !== 'object' || input === null || isArray(input)) {
    return 'reconcile takes one object { before?, log, after, beforeTime?, afterTime? }';
  }
  let keys;
  try {
    const proto = protoOf(input);
    if (proto !== null && protoOf(proto) !== null) {
      return 'reconcile takes a plain object { before?, log, after, beforeTime?, afterTime? }';
    }
    keys = keysOf(input);
  } catch {
    return "reconcile's input could not be read (a Proxy trap threw)";
  }
  for (let i = 0; i < keys.length; i++) {
    if (MEMBERS.indexOf(keys[i]) < 0) {
      const key = keys[i].length > 64 ? keys[i].slice(0, 64) + '…' : keys[i];
      return `unknown member \`${key}\` of reconcile's input; known: ${MEMBERS.join(', ')}`;
    }
  }
  const out = [];
  for (let i = 0; i < MEMBERS.length; i++) {
    let v;
    try {
      v = input[MEMBERS[i]];
      if (i >= 3 && typeof v === 'object' && v !== null && dateTag.call(v) === '[object Date]') {
        const ms = timeOf.call(v);
        if (ms !== ms) return `\`${MEMBERS[i]}\` is an invalid Date`;
        v = toIso.call(v);
      }
    } catch {
      return `\`${MEMBERS[i]}\` of reconcile's input could not be read: reading it threw`;
    }
    out.push(v);
  }
  return out;
}
