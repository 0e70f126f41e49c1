// The boundary's guarantees against a hostile caller (issue 16): the input is read through
// the built-in typed-array getters, never a `length` the caller defined; options are read
// once each and never silently reset; no exception crosses Rust frames (no leak); and a trap
// restarts the module instead of killing it. After every case the module still answers a
// small valid call and Object.prototype is untouched.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import vm from 'node:vm';
import { __trapForTests, createSummarizer, memoryBytes, parse, summarize, validate } from 'cc-number-events';

const VALID = readFileSync(new URL('../fixtures/validate/webhook-created.json', import.meta.url), 'utf8');
const BYTES = new TextEncoder().encode(VALID);
const UNKNOWN_FIELD = VALID.replace('"body"', '"extra": 1, "body"');
const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();
const PAGE = 65536;

/** The module answers a small valid call correctly, and nothing was added to Object.prototype. */
function stillSound() {
  const r = validate(VALID);
  assert.equal(r.valid, true);
  assert.equal(r.event.uuid, validate(BYTES).event.uuid);
  assert.deepEqual(Object.getOwnPropertyNames(Object.prototype).sort(), PROTO_KEYS);
}

const sameReport = (a, b) => assert.deepEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));

describe('the input is read through the built-in getters', () => {
  test('a length that reads 0 first and the real length after: the real bytes are checked', () => {
    class Lying extends Uint8Array {
      reads = 0;
      get length() {
        return this.reads++ === 0 ? 0 : super.length;
      }
    }
    const lying = new Lying(1_100_000);
    const r = validate(lying);
    sameReport(r, validate(new Uint8Array(1_100_000)));
    assert.equal(r.valid, false);
    assert.equal(lying.reads, 0, 'the caller\'s length getter is never called');
    const copy = new Lying(BYTES.length);
    copy.set(BYTES);
    sameReport(validate(copy), validate(VALID));
    stillSound();
  });

  test('an own length smaller or larger than the real one changes nothing', () => {
    for (const length of [3, 0, BYTES.length + 1000, 2 ** 32, -1, NaN]) {
      const a = new Uint8Array(BYTES);
      Object.defineProperty(a, 'length', { value: length });
      sameReport(validate(a), validate(VALID));
      assert.equal(parse(a).uuid, parse(VALID).uuid);
    }
    stillSound();
  });

  test('300 calls with a smaller own length keep the memory flat', () => {
    const a = new Uint8Array(BYTES.length + 1_000_000);
    a.set(BYTES);
    Object.defineProperty(a, 'length', { value: 10 });
    for (let i = 0; i < 10; i++) validate(a); // warm-up
    const before = memoryBytes();
    for (let i = 0; i < 300; i++) assert.equal(validate(a).valid, false);
    const after = memoryBytes();
    console.log(`boundary: 300 calls with a lying length: memory ${before / PAGE} -> ${after / PAGE} pages`);
    assert.equal(after, before);
    stillSound();
  });

  test('lying byteOffset and buffer getters are ignored: the view is the array itself', () => {
    const backing = new Uint8Array(BYTES.length + 16);
    backing.set(BYTES, 16);
    const view = new Uint8Array(backing.buffer, 16, BYTES.length);
    Object.defineProperty(view, 'byteOffset', { value: 0 });
    Object.defineProperty(view, 'buffer', { value: new ArrayBuffer(1) });
    sameReport(validate(view), validate(VALID));
    stillSound();
  });

  test('a detached buffer is a clear TypeError', () => {
    for (const fn of [validate, parse, summarize]) {
      const buf = new ArrayBuffer(BYTES.length);
      const a = new Uint8Array(buf);
      a.set(BYTES);
      structuredClone(buf, { transfer: [buf] });
      assert.throws(() => fn(a), { name: 'TypeError', message: /the Uint8Array's buffer is detached/ });
    }
    // An empty array that is not detached is an empty input, not an error.
    assert.equal(validate(new Uint8Array(0)).valid, false);
    stillSound();
  });

  test('a Uint8Array from another realm gets the same report as one from this realm', () => {
    const other = vm.runInNewContext(`new Uint8Array(${JSON.stringify([...BYTES])})`);
    assert.ok(!(other instanceof Uint8Array), 'really from another realm');
    sameReport(validate(other), validate(BYTES));
    assert.equal(parse(other).uuid, parse(BYTES).uuid);
    assert.equal(summarize(other).valid, 1);
    stillSound();
  });

  test('a Buffer and a SharedArrayBuffer-backed array are read as bytes', () => {
    sameReport(validate(Buffer.from(VALID)), validate(VALID));
    const shared = new Uint8Array(new SharedArrayBuffer(BYTES.length));
    shared.set(BYTES);
    sameReport(validate(shared), validate(VALID));
    stillSound();
  });

  test('not a Uint8Array, whatever it pretends: never read as bytes', () => {
    let ran = false;
    const trap = () => {
      ran = true;
      throw new Error('trap ran');
    };
    // Other typed arrays and a DataView are refused before any code of theirs runs.
    for (const input of [new Uint8ClampedArray(3), new Uint16Array(3), new DataView(BYTES.buffer)]) {
      assert.throws(() => validate(input), { name: 'TypeError', message: /input must be a string or a Uint8Array/ });
    }
    // An object that pretends is an already-parsed value (issue #11): read as JSON.stringify
    // would read it, never as the bytes it claims; a Proxy's throwing trap is a TypeError.
    const fake = { length: 3, 0: 1, 1: 2, 2: 3, [Symbol.toStringTag]: 'Uint8Array' };
    assert.equal(validate(fake).kind, 'notANotification');
    const proxy = new Proxy(new Uint8Array(BYTES), { get: trap, getPrototypeOf: trap, has: trap, ownKeys: trap });
    assert.throws(() => validate(proxy), { name: 'TypeError', message: /trap ran/ });
    assert.equal(ran, true);
    // An ArrayBuffer is its bytes.
    sameReport(validate(BYTES.buffer), validate(VALID));
    stillSound();
  });
});

describe('options are read once each, never reset to the defaults', () => {
  const BAD = [
    ['a bigint', 10n],
    ['a symbol', Symbol('x')],
    ['a function', () => true],
    ['an object', {}],
    ['an array', [1]],
    ['null', null],
  ];

  test('each bad type for a boolean or a number is a TypeError naming the option', () => {
    for (const [type, value] of [...BAD, ['a number', 1], ['a string', 'yes']]) {
      assert.throws(() => validate(VALID, { strict: value }), {
        name: 'TypeError',
        message: `options.strict must be a boolean, not ${type}`,
      });
    }
    for (const [type, value] of BAD) {
      for (const name of ['maxDepth', 'maxIssues', 'maxInputBytes']) {
        assert.throws(() => validate(VALID, { [name]: value }), {
          name: 'TypeError',
          message: `options.${name} must be a whole number of at least 1, not ${type}`,
        });
      }
      assert.throws(() => summarize(VALID, { maxOutputBytes: value }), { name: 'TypeError', message: /options\.maxOutputBytes/ });
      assert.throws(() => parse(VALID, { maxDepth: value }), { name: 'TypeError', message: /options\.maxDepth/ });
    }
    stillSound();
  });

  test('{ strict: true, maxDepth: 10n } is a TypeError, never a lenient verdict', () => {
    assert.equal(validate(UNKNOWN_FIELD).valid, true, 'lenient by default');
    assert.equal(validate(UNKNOWN_FIELD, { strict: true }).valid, false);
    assert.throws(() => validate(UNKNOWN_FIELD, { strict: true, maxDepth: 10n }), {
      name: 'TypeError',
      message: 'options.maxDepth must be a whole number of at least 1, not a bigint',
    });
    stillSound();
  });

  test('a getter that throws, or a Proxy whose traps throw, is a TypeError saying what failed', () => {
    const boom = () => {
      throw new RangeError('boom');
    };
    assert.throws(() => validate(VALID, { get strict() { return boom(); } }), {
      name: 'TypeError',
      message: 'options.strict could not be read: reading it threw',
    });
    assert.throws(() => validate(VALID, new Proxy({ strict: true }, { get: boom })), {
      name: 'TypeError',
      message: 'options.strict could not be read: reading it threw',
    });
    assert.throws(() => validate(VALID, new Proxy({}, { ownKeys: boom })), {
      name: 'TypeError',
      message: /options could not be read: listing its keys threw/,
    });
    assert.throws(() => validate(VALID, new Proxy({}, { getPrototypeOf: boom })), {
      name: 'TypeError',
      message: /options could not be read: asking for its prototype threw/,
    });
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    assert.throws(() => validate(VALID, revocable.proxy), { name: 'TypeError', message: /options could not be read/ });
    stillSound();
  });

  test('toJSON, valueOf and toString are never called', () => {
    let called = 0;
    const hostile = { toJSON: () => called++, valueOf: () => called++, toString: () => called++ };
    assert.throws(() => validate(VALID, { strict: true, toJSON: () => ({}) }), {
      name: 'TypeError',
      message: /unknown option `toJSON`/,
    });
    assert.throws(() => validate(VALID, { maxDepth: hostile }), { name: 'TypeError', message: /not an object/ });
    assert.equal(called, 0);
    stillSound();
  });

  test('each option is read once, and undefined means the default', () => {
    let reads = 0;
    const options = {
      get strict() {
        reads++;
        return true;
      },
      maxDepth: undefined,
    };
    assert.equal(validate(UNKNOWN_FIELD, options).valid, false);
    assert.equal(reads, 1);
    stillSound();
  });

  test('numbers: out of range is a RangeError; huge ones are clamped at the hard limits', () => {
    for (const maxDepth of [0, -0, -1, 1.5, NaN, Infinity, -Infinity, 1e400]) {
      assert.throws(() => validate(VALID, { maxDepth }), RangeError, String(maxDepth));
    }
    for (const n of [2 ** 53, 1e300, Number.MAX_VALUE]) {
      assert.equal(validate(VALID, { maxDepth: n, maxInputBytes: n, maxIssues: n }).valid, true);
      assert.equal(summarize(VALID, { maxOutputBytes: n }).valid, 1);
    }
    stillSound();
  });

  test('a call from within an options getter is refused, and the outer call says so', () => {
    const options = {
      get strict() {
        return validate(VALID).valid;
      },
    };
    assert.throws(() => validate(VALID, options), {
      name: 'TypeError',
      message: 'options.strict could not be read: reading it threw',
    });
    let inner;
    try {
      validate(VALID, {
        get strict() {
          try {
            validate(VALID);
          } catch (e) {
            inner = e;
          }
          return true;
        },
      });
    } catch {
      // not expected
    }
    assert.equal(inner?.name, 'TypeError');
    assert.match(inner.message, /cannot be called while another call reads its options/);
    stillSound();
  });

  test('an options object from another realm is read like a local one', () => {
    const options = vm.runInNewContext('({ strict: true })');
    assert.equal(validate(UNKNOWN_FIELD, options).valid, false);
    stillSound();
  });
});

describe('a trap restarts the module', () => {
  const big = `[${'{"uuid":"x"},'.repeat(300_000)}{}]`;

  test('validate answers with an input-too-large report, and the next call a fresh module', () => {
    summarize(big);
    const grown = memoryBytes();
    __trapForTests(1);
    const r = validate(VALID);
    assert.equal(r.valid, false);
    assert.equal(r.kind, 'malformed');
    assert.equal(r.errors.length, 1);
    assert.equal(r.errors[0].code, 'input-too-large');
    assert.deepEqual([r.errors[0].line, r.errors[0].column], [1, 1]);
    assert.match(r.errors[0].message, /^the check ran out of WebAssembly memory \(unreachable, .*\); the module was restarted$/);
    const fresh = memoryBytes();
    console.log(`boundary: memory ${grown / PAGE} pages before the trap, ${fresh / PAGE} after the restart`);
    assert.ok(fresh < grown, `a fresh instance (${fresh} < ${grown})`);
    stillSound();
  });

  test('summarize answers with a summary, parse throws its InvalidEventError', () => {
    __trapForTests(1);
    const s = summarize(new TextEncoder().encode(`${VALID}\n${VALID}`));
    assert.equal(s.valid, 0);
    assert.equal(s.problems[0].issues[0].code, 'input-too-large');
    assert.match(s.text, /the module was restarted/);
    __trapForTests(1);
    assert.throws(() => parse(VALID), (e) => e.name === 'InvalidEventError' && e.kind === 'malformed' &&
      e.issues[0].code === 'input-too-large' && /module was restarted/.test(e.message));
    stillSound();
  });

  test('a trap in another export rethrows the RuntimeError, and the module is fresh after it', () => {
    assert.throws(() => __trapForTests(0), WebAssembly.RuntimeError);
    stillSound();
    for (let i = 0; i < 50; i++) {
      __trapForTests(1);
      validate(VALID);
    }
    stillSound();
  });

  test('a summarizer open across a restart answers that it was lost, and one freed then touches nothing', () => {
    // The summarizer compares the module's instance with its own: in Node it lives in
    // pkg/node/stream.cjs, which sees the glue's instance only through `__ccneS.instance()`.
    const line = `${VALID.replace(/\n\s*/g, '')}\n`;
    const s = createSummarizer();
    s.push(line);
    assert.throws(() => __trapForTests(0), WebAssembly.RuntimeError);
    s.push(line);
    const r = s.finish();
    assert.deepEqual([r.events, r.valid, r.problems.length], [0, 0, 1]);
    assert.equal(r.problems[0].issues[0].code, 'input-too-large');
    // What was read before the restart: the first line (the second finds the summarizer lost).
    const pushed = Buffer.byteLength(line);
    assert.match(r.problems[0].issues[0].message, new RegExp(`replaced after another call trapp.*on an input of ${pushed} bytes`));
    const t = createSummarizer();
    t.push(line);
    assert.throws(() => __trapForTests(0), WebAssembly.RuntimeError);
    t.free();
    const fresh = createSummarizer();
    fresh.push(line);
    assert.equal(fresh.finish().valid, 1);
    stillSound();
  });

  test('the web entry restarts too', async () => {
    const web = await import('cc-number-events/web');
    const wasm = readFileSync(new URL('../../pkg/web/cc_number_events_bg.wasm', import.meta.url));
    web.initSync({ module: wasm });
    assert.equal(web.validate(VALID).valid, true);
    web.__trapForTests(1);
    const r = web.validate(VALID);
    assert.equal(r.errors[0].code, 'input-too-large');
    assert.match(r.errors[0].message, /the module was restarted/);
    assert.equal(web.validate(VALID).valid, true);
    assert.throws(() => web.__trapForTests(0), WebAssembly.RuntimeError);
    assert.equal(web.validate(BYTES).valid, true);
  });
});
