#!/usr/bin/env node
// A fuzz loop over the JavaScript boundary (issue 16), where cargo-fuzz cannot reach: typed
// arrays with lying `length`/`byteOffset`/`buffer`, getters and Proxies around inputs and
// options, detached and shared buffers, arrays from another realm, option values of every
// type, random payload bytes. After each call: only TypeError/RangeError (and parse's
// InvalidEventError) may be thrown, results have the documented shape, the module still
// answers a known-valid payload correctly, Object.prototype gained no key, and the
// WebAssembly memory stays bounded. Already-parsed values (issue #11) get the same: objects
// with getters, Proxies, cycles, BigInts and every other value JSON has no form for, at
// random places in a notification.
//
//   node fuzz/boundary.mjs --time 30          run for 30 s from a random seed (make fuzz)
//   node fuzz/boundary.mjs --seed 7 --case 1234   replay one case, as a violation prints it
//
// Each case draws from its own generator, seeded by (seed, case number), so that one case
// replays alone. `run` is also imported by tests/js/boundary-fuzz.test.mjs with a fixed seed.
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import * as m from 'cc-number-events';
import { prng } from '../bench/corpus.mjs';

const VALID = readFileSync(new URL('../tests/fixtures/validate/webhook-created.json', import.meta.url), 'utf8');
const enc = new TextEncoder();
const VALID_BYTES = enc.encode(VALID);
const OTHER_REALM = vm.createContext({});
const KINDS = new Set(['contactCenterPhoneNumber', 'subscriptionRenewal', 'otherEvent', 'websocketControl', 'validationRequest', 'notANotification', 'malformed']);
const DELIVERIES = new Set(['webhook', 'websocket', 'apns', 'bodyOnly', 'unknown']);
const OPTION_NAMES = ['strict', 'maxInputBytes', 'maxDepth', 'maxIssues', 'text', 'markdown', 'csv', 'maxItems', 'maxLogIssues', 'maxOutputBytes'];
// Memory a run may reach: inputs are at most a few MB, so a module that keeps growing past
// this leaks.
const MEMORY_CAP = 256 << 20;

/** The bench corpus's seeded generator (mulberry32), with `int(n)` in [0, n). */
function generator(seed) {
  const g = prng(seed);
  const int = (n) => Math.floor(g.next() * n);
  return { next: g.next, int, pick: g.pick, chance: (p) => g.next() < p };
}

const thrower = (what) => () => {
  throw new Error(`fuzz: ${what} ran`);
};
const throwingProxy = (target) =>
  new Proxy(target, {
    get: thrower('get trap'),
    has: thrower('has trap'),
    ownKeys: thrower('ownKeys trap'),
    getOwnPropertyDescriptor: thrower('getOwnPropertyDescriptor trap'),
    getPrototypeOf: thrower('getPrototypeOf trap'),
  });

/** Payload text or bytes: valid, mutated, random, or odd text. */
function payload(g) {
  switch (g.int(6)) {
    case 0:
      return VALID;
    case 1: {
      const b = new Uint8Array(VALID_BYTES);
      for (let k = g.int(8); k >= 0; k--) b[g.int(b.length)] = g.int(256);
      return b;
    }
    case 2: {
      const b = new Uint8Array(g.int(600));
      for (let i = 0; i < b.length; i++) b[i] = g.int(256);
      return b;
    }
    case 3:
      return VALID.slice(0, g.int(VALID.length)) + g.pick(['\ud800', '\udc00x', '😀', '\u0000', '', '}', ']']);
    case 4:
      return `${VALID}\n${VALID}\n{bad\n`;
    default:
      return g.pick(['', '{}', '[]', 'null', '[[[[[[[[', '{"__proto__":{"polluted":1}}', '\ufeff{}']);
  }
}

/** A value JSON.stringify reads some way (or refuses), for a member of a parsed object. */
function oddValue(g, parent) {
  return g.pick([
    () => g.pick([NaN, Infinity, -0, 2 ** 53 + 2, 12345678901234567890, 1.5, -1]),
    () => g.pick([10n, Symbol('s'), () => 1, undefined]),
    () => new Date(g.int(2 ** 40)),
    () => new Map([['a', 1]]),
    () => new (class Thing { x = 1; })(),
    () => ({ toJSON: g.chance(0.5) ? () => 'json' : thrower('toJSON') }),
    () => Object.defineProperty({}, 'x', { enumerable: true, get: thrower('member getter') }),
    () => throwingProxy({}),
    () => new Proxy({ a: 1 }, {}),
    () => parent,
    () => new Array(g.pick([3, 1e5])),
    () => JSON.parse('{"__proto__": {"polluted": 1}}'),
    () => {
      let deep = {};
      for (let i = g.int(3000); i > 0; i--) deep = g.chance(0.5) ? { a: deep } : [deep];
      return deep;
    },
    () => 'x'.repeat(g.int(1 << 21)),
    () => vm.runInContext('({ a: [1, "b", null] })', OTHER_REALM),
  ])();
}

/** VALID parsed, with a few members replaced by odd values. */
function parsedObject(g) {
  const o = JSON.parse(VALID);
  const places = [[o], [o, o.body], [o, o.body, o.body.phoneNumberInfo]];
  for (let k = g.int(4); k > 0; k--) {
    const chain = g.pick(places);
    const holder = chain.at(-1);
    const keys = Object.keys(holder);
    const key = g.chance(0.7) && keys.length ? g.pick(keys) : g.pick(['extra', '__proto__', '0', 'toJSON']);
    const v = oddValue(g, chain[0]);
    if (key === '__proto__') Object.defineProperty(holder, key, { value: v, enumerable: true, writable: true, configurable: true });
    else holder[key] = v;
  }
  return o;
}

/** The payload as some kind of input, and what it is, for the reproducer. */
function input(g) {
  let p = payload(g);
  const bytes = () => (typeof p === 'string' ? enc.encode(p) : p);
  const kind = g.int(19);
  switch (kind) {
    case 0:
    case 1:
      return ['payload', p];
    case 2: {
      // A subclass whose length getter lies differently on each read.
      const real = bytes();
      const lies = [0, 1, real.length + 1 + g.int(1000), 2 ** 32, -1, NaN, 2 ** 31 - 1];
      class Lying extends Uint8Array {
        get length() {
          return g.pick(lies);
        }
        get byteOffset() {
          return g.pick(lies);
        }
        get buffer() {
          return new ArrayBuffer(1);
        }
      }
      const a = new Lying(real.length);
      a.set(real);
      return ['Lying subclass', a];
    }
    case 3: {
      // The 1.1 MB array whose length first reads 0 (the bug that killed the module).
      class FirstZero extends Uint8Array {
        reads = 0;
        get length() {
          return this.reads++ ? super.length : 0;
        }
      }
      return ['FirstZero(1.1 MB)', new FirstZero(1_100_000)];
    }
    case 4: {
      const a = new Uint8Array(bytes());
      Object.defineProperty(a, 'length', { value: g.pick([0, 3, a.length * 4 + 100, 2 ** 40, -5]) });
      return ['own length', a];
    }
    case 5: {
      const a = new Uint8Array(bytes());
      Object.defineProperty(a, 'length', { get: thrower('length getter') });
      return ['throwing length getter', a];
    }
    case 6: {
      const real = bytes();
      const buf = new ArrayBuffer(real.length + 8);
      new Uint8Array(buf).set(real, 8);
      const a = new Uint8Array(buf, 8, real.length);
      structuredClone(buf, { transfer: [buf] });
      return ['detached', a];
    }
    case 7:
      return ['cross-realm', vm.runInContext(`new Uint8Array(${JSON.stringify([...bytes()])})`, OTHER_REALM)];
    case 8: {
      const real = bytes();
      const a = new Uint8Array(new SharedArrayBuffer(real.length));
      a.set(real);
      return ['shared', a];
    }
    case 9:
      return ['Proxy(Uint8Array)', g.chance(0.5) ? throwingProxy(new Uint8Array(bytes())) : new Proxy(new Uint8Array(bytes()), {})];
    case 10: {
      const real = bytes();
      const backing = new Uint8Array(real.length + 32);
      backing.set(real, 16);
      return ['subarray', backing.subarray(16, 16 + real.length)];
    }
    case 11:
      return ['Buffer', Buffer.from(bytes())];
    case 12: {
      const r = new ArrayBuffer(bytes().length, { maxByteLength: 4096 });
      const a = new Uint8Array(r);
      a.set(bytes().subarray(0, a.length));
      if (g.chance(0.5)) r.resize(g.int(r.byteLength + 1));
      return ['resizable', a];
    }
    case 16:
      return ['parsed object', parsedObject(g)];
    case 17:
      return ['parsed array', g.chance(0.5) ? [parsedObject(g), parsedObject(g)] : [JSON.parse(VALID), oddValue(g, null)]];
    case 18:
      return ['ArrayBuffer', typeof p === 'string' ? enc.encode(p).buffer : p.slice().buffer];
    default:
      return ['not an input', g.pick([42, null, undefined, {}, [], Symbol('s'), 10n, () => 1, new Uint16Array(4), new DataView(new ArrayBuffer(4)), { length: 3 }, new Uint8ClampedArray(3), VALID_BYTES.buffer])];
  }
}

/** One option value of any type. */
function value(g) {
  return g.pick([
    () => undefined,
    () => null,
    () => true,
    () => false,
    () => g.pick([0, -0, 1, 2, 5, 64, 1.5, -1, NaN, Infinity, -Infinity, 1e400, 2 ** 53, 2 ** 32, 1e9, 3e8, Number.MAX_VALUE, Number.MIN_VALUE]),
    () => g.pick([10n, 0n, -1n]),
    () => g.pick(['', 'x', '5', 'true']),
    () => Symbol('v'),
    () => () => 1,
    () => ({}),
    () => [],
    () => [1],
    () => throwingProxy({}),
    () => ({ toJSON: thrower('toJSON') }),
    () => ({ valueOf: thrower('valueOf'), toString: thrower('toString') }),
    () => Object.create(null),
  ])();
}

/** An options argument of any shape. */
function options(g) {
  const kind = g.int(12);
  if (kind === 0) return ['none', undefined];
  if (kind === 1) return ['null', null];
  if (kind === 2) return ['not an object', value(g)];
  const o = kind === 3 ? Object.create(null) : kind === 4 ? vm.runInContext('({})', OTHER_REALM) : {};
  for (let n = g.int(4); n > 0; n--) {
    const name = g.chance(0.9) ? g.pick(OPTION_NAMES) : g.pick(['stict', 'toJSON', '__proto__x', 'x'.repeat(300)]);
    if (g.chance(0.1)) Object.defineProperty(o, name, { get: thrower('option getter'), enumerable: true, configurable: true });
    else Object.defineProperty(o, name, { value: value(g), enumerable: true, writable: true, configurable: true });
  }
  if (kind === 5) return ['Proxy with throwing traps', throwingProxy(o)];
  if (kind === 6) {
    return ['Proxy over options', new Proxy(o, { get: (t, k) => (g.chance(0.2) ? thrower('get')() : t[k]) })];
  }
  if (kind === 7) {
    class Settings {}
    return ['class instance', Object.setPrototypeOf(o, Settings.prototype)];
  }
  if (kind === 8) return ['toJSON', Object.defineProperty(o, 'toJSON', { value: () => ({}), enumerable: true })];
  return ['object', o];
}

const describe = (v) => {
  try {
    if (typeof v === 'bigint') return `${v}n`;
    if (typeof v === 'symbol' || typeof v === 'function') return String(v);
    if (ArrayBuffer.isView(v)) return `${Object.getPrototypeOf(v)?.constructor?.name}(${v.byteLength} bytes)`;
    if (typeof v === 'string') return JSON.stringify(v.length > 80 ? `${v.slice(0, 80)}…` : v);
    if (v && typeof v === 'object') return JSON.stringify(Object.fromEntries(Object.keys(v).map((k) => [k, describe(v[k])])));
    return String(v);
  } catch {
    return '(unprintable)';
  }
};

function checkIssue(i) {
  const numbers = ['line', 'column', 'offset', 'length'];
  if (!i || typeof i.code !== 'string' || typeof i.message !== 'string' || typeof i.path !== 'string') return 'issue without code/message/path';
  if (i.severity !== 'error' && i.severity !== 'warning') return `issue severity ${i.severity}`;
  // An already-parsed value's issues have no position: all four null.
  if (numbers.every((n) => i[n] === null)) return null;
  for (const n of numbers) if (!Number.isInteger(i[n]) || i[n] < 0) return `issue ${n} is ${i[n]}`;
  return null;
}

/** What is wrong with a function's result, or null. */
function shapeProblem(fn, r) {
  if (r === null || typeof r !== 'object' || Object.getPrototypeOf(r) !== Object.prototype) return 'not a plain object';
  if (fn === 'parse') return typeof r.uuid === 'string' && typeof r.body === 'object' ? null : 'event without uuid/body';
  if (fn === 'summarize') {
    for (const k of ['events', 'valid', 'invalid', 'other', 'duplicates']) if (!Number.isInteger(r[k])) return `summary.${k} is ${r[k]}`;
    if (!Array.isArray(r.problems) || typeof r.text !== 'string') return 'summary without problems/text';
    for (const p of r.problems) for (const i of p.issues) if (checkIssue(i)) return checkIssue(i);
    return null;
  }
  if (typeof r.valid !== 'boolean' || !KINDS.has(r.kind) || !DELIVERIES.has(r.delivery)) return 'report valid/kind/delivery';
  if (!Array.isArray(r.errors) || !Array.isArray(r.warnings)) return 'report errors/warnings';
  if (r.valid !== (r.errors.length === 0) || r.valid !== (typeof r.event === 'object' && typeof r.change === 'object')) return 'report validity';
  for (const i of [...r.errors, ...r.warnings]) if (checkIssue(i)) return checkIssue(i);
  return null;
}

const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).sort().join();
const expectedUuid = m.validate(VALID).event.uuid;
const FUNCTIONS = { validate: m.validate, parse: m.parse, summarize: m.summarize };

/** One case: the call, then every check. A string says what went wrong, null when nothing. */
function runCase(seed, n) {
  const g = generator((Math.imul(seed, 0x9e3779b1) ^ Math.imul(n + 1, 0x85ebca6b)) >>> 0);
  const fn = g.pick(Object.keys(FUNCTIONS));
  const [inputKind, inp] = input(g);
  const [optionsKind, opts] = options(g);
  const repro = () => `${fn}(${inputKind}: ${describe(inp)}, ${optionsKind}: ${describe(opts)})`;
  let result;
  try {
    result = FUNCTIONS[fn](inp, opts);
  } catch (e) {
    const allowed = e instanceof TypeError || e instanceof RangeError ||
      (fn === 'parse' && e instanceof Error && e.name === 'InvalidEventError' && Array.isArray(e.issues));
    if (!allowed) return `threw ${e?.name}: ${e?.message}\n  in ${repro()}`;
    if (e instanceof TypeError && e.name !== 'TypeError') return `a TypeError named ${e.name}: ${e.message}`;
    // The caller's own exception, as it was thrown (a TypeError saying it was caught may quote it).
    if (/^fuzz: .* ran$/.test(e.message)) return `the caller's code escaped: ${e.message}\n  in ${repro()}`;
  }
  if (result !== undefined) {
    const problem = shapeProblem(fn, result);
    if (problem) return `${problem}\n  in ${repro()}`;
  }
  try {
    const r = m.validate(VALID);
    if (r.valid !== true || r.event.uuid !== expectedUuid) return `the module no longer answers a valid payload correctly\n  after ${repro()}`;
  } catch (e) {
    return `the module no longer answers (${e?.name}: ${e?.message})\n  after ${repro()}`;
  }
  if (Object.getOwnPropertyNames(Object.prototype).sort().join() !== PROTO_KEYS) return `Object.prototype gained a key\n  after ${repro()}`;
  const memory = m.memoryBytes();
  if (memory > MEMORY_CAP) return `WebAssembly memory reached ${memory} bytes\n  after ${repro()}`;
  return null;
}

/**
 * Runs cases `from` on until `iterations` cases ran or `seconds` passed. Returns the count
 * and memory figures; throws an Error carrying the reproducer on the first violation.
 */
export function run({ seed, iterations = Infinity, seconds = Infinity, from = 0 }) {
  const end = Date.now() + seconds * 1000;
  const startMemory = m.memoryBytes();
  let n = from;
  for (; n < from + iterations && Date.now() < end; n++) {
    const problem = runCase(seed, n);
    if (problem) {
      throw new Error(`boundary fuzz: case ${n} of seed ${seed}: ${problem}\n  replay: node fuzz/boundary.mjs --seed ${seed} --case ${n}`);
    }
  }
  return { cases: n - from, startMemory, endMemory: m.memoryBytes() };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name) => {
    const i = process.argv.indexOf(`--${name}`);
    return i < 0 ? undefined : Number(process.argv[i + 1]);
  };
  const seed = arg('seed') ?? (Date.now() % 2 ** 31);
  const one = arg('case');
  const seconds = arg('time') ?? 60;
  const t = performance.now();
  try {
    const r = one === undefined ? run({ seed, seconds }) : run({ seed, from: one, iterations: 1 });
    const ms = performance.now() - t;
    console.log(`boundary fuzz: seed ${seed}: ${r.cases} cases in ${(ms / 1000).toFixed(1)} s, no violation; ` +
      `WebAssembly memory ${r.startMemory >> 16} -> ${r.endMemory >> 16} pages`);
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
