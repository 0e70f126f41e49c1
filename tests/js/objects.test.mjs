// Already-parsed values in (issue #11, item 4): validate, parse and summarize read an object
// (or an array of them) as JSON.stringify would, and an ArrayBuffer as its bytes. Issues have
// a path and no position; duplicate keys cannot be seen and the report says so; numbers past
// 2^53 are flagged. Hostile values end in a report or a TypeError, never a trap or a leak.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import vm from 'node:vm';
import { memoryBytes, parse, reportJson, summarize, summaryJson, validate } from 'cc-number-events';

const fixtures = new URL('../fixtures/validate/', import.meta.url);
const VALID_TEXT = readFileSync(new URL('webhook-created.json', fixtures), 'utf8');
const VALID = JSON.parse(VALID_TEXT);
const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();
const plain = (v) => JSON.parse(JSON.stringify(v));
const codes = (r) => [...r.errors, ...r.warnings].map((i) => i.code);
const withoutUnseen = (r) =>
  [...r.errors, ...r.warnings].filter((i) => i.code !== 'duplicate-keys-unseen')
    .map((i) => [i.code, i.severity, i.path]);

function stillSound() {
  assert.equal(validate(VALID_TEXT).valid, true);
  assert.equal(validate(VALID).valid, true);
  assert.deepEqual(Object.getOwnPropertyNames(Object.prototype).sort(), PROTO_KEYS);
}

const clone = () => structuredClone(VALID);

describe('an object reads as its JSON text does', () => {
  test('every fixture JSON.parse keeps whole: same verdict, issues and paths, no positions', () => {
    let compared = 0;
    for (const name of readdirSync(fixtures).filter((n) => n.endsWith('.json')).sort()) {
      const text = readFileSync(new URL(name, fixtures), 'utf8');
      const byText = validate(text);
      // What JSON.parse refuses or changes has nothing to compare with: broken text,
      // duplicate keys, repaired characters, numbers it rounds or writes otherwise.
      if (codes(byText).some((c) => c.startsWith('json-') || ['invalid-utf8', 'byte-order-mark',
        'utf16-encoding', 'validation-request'].includes(c))) continue;
      let value;
      try {
        value = JSON.parse(text);
      } catch {
        continue;
      }
      // A string, a number or null would be read as text: only objects and arrays are values.
      if (typeof value !== 'object' || value === null) continue;
      // Numbers JSON.parse changes (`1.0`, `-0`, `1e400`, 20 digits) are compared elsewhere.
      const numbers = text.replace(/"(?:[^"\\]|\\.)*"/g, '""').match(/-?[0-9][0-9.eE+-]*/g) ?? [];
      if (numbers.some((n) => String(Number(n)) !== n)) continue;
      const byValue = validate(value);
      assert.equal(byValue.valid, byText.valid, name);
      assert.equal(byValue.kind, byText.kind, name);
      assert.equal(byValue.delivery, byText.delivery, name);
      assert.deepEqual(withoutUnseen(byValue), withoutUnseen(byText), name);
      assert.deepEqual(byValue.event, byText.event, name);
      assert.deepEqual(byValue.change, byText.change, name);
      for (const i of [...byValue.errors, ...byValue.warnings]) {
        assert.deepEqual([i.line, i.column, i.offset, i.length], [null, null, null, null], name);
      }
      // The objects cross as JSON.parse would make them of the report's JSON.
      assert.deepEqual(plain(byValue), JSON.parse(reportJson(value)), name);
      compared++;
    }
    assert.ok(compared > 100, `only ${compared} fixtures compared`);
    stillSound();
  });

  test('a valid object is valid, with one warning saying what it cannot show', () => {
    const r = validate(VALID);
    assert.equal(r.valid, true);
    assert.deepEqual(r.change, validate(VALID_TEXT).change);
    assert.equal(r.warnings.length, 1);
    const [w] = r.warnings;
    assert.equal(w.code, 'duplicate-keys-unseen');
    assert.equal(w.path, '');
    assert.match(w.hint, /raw body/);
    assert.equal(parse(VALID).uuid, VALID.uuid);
  });

  test('the duplicate eventType JSON.parse dropped: text shows it, the object warns', () => {
    const text = VALID_TEXT.replace('"eventType": "Created"', '"eventType": "Deleted", "eventType": "Created"');
    assert.notEqual(text, VALID_TEXT);
    assert.ok(codes(validate(text)).includes('json-duplicate-key'));
    const r = validate(JSON.parse(text));
    assert.equal(r.valid, true);
    assert.equal(r.warnings[0].code, 'duplicate-keys-unseen');
  });

  test('parse of a broken object names the path, not a position', () => {
    const bad = clone();
    bad.body.eventType = 'created';
    assert.throws(() => parse(bad), (e) => {
      assert.equal(e.name, 'InvalidEventError');
      assert.match(e.message, /^\/body\/eventType: `eventType` "created"/);
      assert.equal(e.issues[0].line, null);
      return true;
    });
  });

  test('an ArrayBuffer is its Uint8Array; a detached one is a TypeError', () => {
    const bytes = new TextEncoder().encode(VALID_TEXT);
    assert.deepEqual(plain(validate(bytes.buffer)), plain(validate(bytes)));
    assert.deepEqual(plain(parse(bytes.buffer)), plain(parse(VALID_TEXT)));
    const log = new TextEncoder().encode(`${VALID_TEXT.replace(/\n/g, '')}\n`);
    assert.deepEqual(plain(summarize(log.buffer)), plain(summarize(log)));
    const shared = new SharedArrayBuffer(bytes.length);
    new Uint8Array(shared).set(bytes);
    assert.equal(validate(shared).valid, true);
    const gone = bytes.slice().buffer;
    structuredClone(gone, { transfer: [gone] });
    assert.throws(() => validate(gone), { name: 'TypeError', message: /detached/ });
    stillSound();
  });

  test('an object from another realm is read the same', () => {
    const other = vm.runInNewContext(`(${JSON.stringify(VALID_TEXT)})`);
    const value = vm.runInNewContext('JSON.parse(text)', { text: other });
    assert.equal(validate(value).valid, true);
    const buffer = vm.runInNewContext('new TextEncoder().encode(text).buffer', { text: VALID_TEXT, TextEncoder });
    assert.equal(validate(buffer).valid, true);
  });
});

describe('numbers JavaScript cannot hold exactly', () => {
  test('an id past 2^53 is flagged at its path; one that fits is not', () => {
    const big = clone();
    big.body.phoneNumberInfo.id = 12345678901234567890;
    const r = validate(big);
    const flagged = r.warnings.find((i) => i.code === 'number-not-exact');
    assert.equal(flagged.path, '/body/phoneNumberInfo/id');
    assert.match(flagged.message, /12345678901234567000/);
    assert.ok(codes(r).includes('numeric-id'));
    const small = clone();
    small.body.phoneNumberInfo.id = 987654321;
    assert.ok(!codes(validate(small)).includes('number-not-exact'));
    assert.equal(validate(small).event.body.phoneNumberInfo.id, '987654321');
  });

  test('non-finite numbers are null and -0 is 0, as JSON.stringify writes them', () => {
    const v = clone();
    v.body.phoneNumberInfo.id = NaN;
    v.ownerId = -0;
    const r = validate(v);
    const id = r.errors.find((i) => i.path === '/body/phoneNumberInfo/id');
    assert.match(id.message, /null/);
    assert.ok(!r.errors.some((i) => i.path === '/ownerId' && i.code === 'invalid-id' && /-/.test(i.message)));
    for (const n of [Infinity, -Infinity]) {
      v.body.phoneNumberInfo.id = n;
      assert.deepEqual(withoutUnseen(validate(v)), withoutUnseen(validate(JSON.parse(JSON.stringify(v)))));
    }
  });
});

describe('values JSON has a form for, as JSON.stringify reads them', () => {
  test('toJSON, Dates, Maps, class instances, functions, symbols, undefined and holes', () => {
    class Info {
      constructor() {
        Object.assign(this, VALID.body.phoneNumberInfo);
      }
      get ignored() {
        throw new Error('a prototype getter is not an own member');
      }
    }
    const v = clone();
    v.body.phoneNumberInfo = new Info();
    v.timestamp = { toJSON: () => VALID.timestamp };
    v.extraDate = new Date(0);
    v.extraMap = new Map([['a', 1]]);
    v.extraFn = () => 1;
    v.extraSym = Symbol('s');
    v.extraUndefined = undefined;
    v.extraArray = [1, , () => 1, undefined, Symbol('s')]; // eslint-disable-line no-sparse-arrays
    v.extraBigToJSON = { toJSON: () => 'x' };
    const r = validate(v);
    assert.deepEqual(withoutUnseen(r), withoutUnseen(validate(JSON.stringify(v))));
    assert.deepEqual(plain(r.event), plain(validate(JSON.stringify(v)).event));
    const unknown = r.warnings.filter((i) => i.code === 'unknown-field').map((i) => i.path);
    assert.deepEqual(unknown, ['/extraDate', '/extraMap', '/extraArray', '/extraBigToJSON']);
  });

  test('a __proto__ key is an ordinary member, and Object.prototype stays untouched', () => {
    const v = JSON.parse(VALID_TEXT.replace('"body"', '"__proto__": {"polluted": true}, "body"'));
    assert.ok(Object.hasOwn(v, '__proto__'));
    const r = validate(v);
    assert.deepEqual(withoutUnseen(r), withoutUnseen(validate(JSON.stringify(v))));
    assert.ok(r.warnings.some((i) => i.path === '/__proto__'));
    assert.equal({}.polluted, undefined);
    stillSound();
  });

  test('a sparse array of a billion holes ends at the size limit, quickly', () => {
    const started = Date.now();
    const r = validate({ body: new Array(1e9) }, { maxInputBytes: 1 << 20 });
    assert.equal(r.errors[0].code, 'input-too-large');
    assert.match(r.errors[0].path, /^\/body\/\d+$/);
    assert.ok(Date.now() - started < 5000);
    const s = summarize(new Array(1e9), { maxInputBytes: 1000 });
    assert.ok(s.events < 300, `${s.events}`);
    assert.equal(s.problems.at(-1).issues[0].code, 'input-too-large');
  });

  test('a million items: each one value, past maxItems reading stops', () => {
    const r = validate({ body: new Array(1_000_000).fill(0) });
    assert.equal(r.valid, false);
    const s = summarize(new Array(20).fill(VALID), { maxItems: 5 });
    assert.equal(s.limitReached, true);
    assert.equal(s.problems.at(-1).issues[0].code, 'too-many-items');
  });

  test('a huge string past the limit is refused without being copied whole', () => {
    const r = validate({ body: 'x'.repeat(50_000_000) }, { maxInputBytes: 1000 });
    assert.equal(r.errors[0].code, 'input-too-large');
    assert.equal(r.errors[0].path, '/body');
  });
});

describe('what JSON has no form for, and code that throws: TypeErrors', () => {
  test('a cycle is a TypeError naming where', () => {
    const v = clone();
    v.body.self = v;
    assert.throws(() => validate(v), { name: 'TypeError', message: /cycle.*\/body\/self|\/body\/self.*cycle/ });
    const a = [];
    a.push(a);
    assert.throws(() => summarize(a), { name: 'TypeError', message: /cycle/ });
    stillSound();
  });

  test('nesting past maxDepth is json-too-deep at its path, whatever the depth', () => {
    let deep = {};
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    const r = validate(deep, { maxDepth: 3 });
    assert.equal(r.errors[0].code, 'json-too-deep');
    assert.equal(r.errors[0].path, '/a/a/a');
    assert.equal(validate(deep).errors[0].code, 'json-too-deep');
    // A parsed value nests at most 500 deep whatever is asked: the engine's stack is shared.
    const capped = validate(deep, { maxDepth: 5000 }).errors[0];
    assert.equal(capped.code, 'json-too-deep');
    // Its path is shortened in the middle, as every path past 512 bytes is.
    assert.match(capped.path, /^(\/a)+\/…(\/a)+$/);
    assert.equal(summarize([deep], { maxDepth: 2000 }).problems[0].issues[0].code, 'json-too-deep');
    let nested = [];
    for (let i = 0; i < 100_000; i++) nested = [nested];
    assert.equal(validate(nested, { maxDepth: 2000 }).errors[0].code, 'json-too-deep');
  });

  test('BigInt is a TypeError, as in JSON.stringify', () => {
    const v = clone();
    v.body.phoneNumberInfo.id = 987654321n;
    assert.throws(() => validate(v), { name: 'TypeError', message: /BigInt at \/body\/phoneNumberInfo\/id/ });
    assert.throws(() => JSON.stringify(v), TypeError);
  });

  test('throwing getters, toJSON and Proxy traps are TypeErrors, and leak nothing', () => {
    const getter = clone();
    Object.defineProperty(getter.body, 'eventType', { enumerable: true, get() { throw new Error('getter threw'); } });
    const toJSON = clone();
    toJSON.body.toJSON = () => { throw new RangeError('toJSON threw'); };
    const proxy = new Proxy(clone(), { get(t, k) { if (k === 'body') throw new Error('trap threw'); return t[k]; } });
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    const oddThrow = clone();
    Object.defineProperty(oddThrow, 'uuid', { enumerable: true, get() { throw { get message() { throw new Error('x'); } }; } });
    const cases = [
      [getter, /getter threw/], [toJSON, /toJSON threw/], [proxy, /trap threw/],
      [revoked.proxy, /could not be read/], [oddThrow, /an exception/],
    ];
    for (const [value, message] of cases) {
      assert.throws(() => validate(value), { name: 'TypeError', message });
      assert.throws(() => parse(value), { name: 'TypeError', message });
      assert.throws(() => summarize([value]), { name: 'TypeError', message });
    }
    validate(VALID);
    const before = memoryBytes();
    for (let i = 0; i < 300; i++) assert.throws(() => validate(cases[i % cases.length][0]), TypeError);
    assert.equal(memoryBytes(), before);
    stillSound();
  });

  test('a getter that calls back in with a parsed value is refused, and the module answers', () => {
    const v = clone();
    Object.defineProperty(v, 'uuid', { enumerable: true, get() { return validate({}).kind; } });
    assert.throws(() => validate(v), { name: 'TypeError', message: /cannot be called with a parsed value from a getter/ });
    stillSound();
  });

  test('top-level values that are not objects stay TypeErrors', () => {
    for (const input of [undefined, null, 42, true, Symbol('s'), () => 1, 10n]) {
      assert.throws(() => validate(input), { name: 'TypeError', message: /input must be a string or a Uint8Array/ });
    }
  });
});

describe('summarize of an array of objects', () => {
  test('each element one item, its index its place', () => {
    const text = readFileSync(new URL('../fixtures/summarize/mixed-day.ndjson', import.meta.url), 'utf8');
    const items = text.split('\n').filter((l) => l.trim()).flatMap((l) => {
      try {
        return [JSON.parse(l)];
      } catch {
        return [];
      }
    });
    const byText = summarize(text);
    const byValue = summarize(items, { markdown: true, csv: true });
    for (const k of ['events', 'valid', 'invalid', 'duplicates', 'outOfOrder', 'byEventType', 'net']) {
      assert.deepEqual(byValue[k], byText[k], k);
    }
    const p = byValue.problems[0];
    assert.equal(p.line, p.index + 1);
    assert.ok(p.issues.every((i) => i.line === null && i.offset === null));
    assert.match(byValue.text, /item \d+, \/body\/eventType invalid-event-type/);
    assert.deepEqual(plain(byValue), JSON.parse(summaryJson(items, { markdown: true, csv: true })));
    // One object is a log of one.
    const one = summarize(VALID);
    assert.deepEqual([one.events, one.valid], [1, 1]);
    stillSound();
  });
});

describe('summarize of an array of objects: clean items without a tree (src/summary/parsed.rs)', () => {
  const item = (n, edit = () => {}) => {
    const v = clone();
    v.uuid = `26612739197125649${String(n).padStart(3, '0')}`;
    v.body.phoneNumberInfo.location = 'Zürich 🇨🇭';
    edit(v);
    return v;
  };
  // Clean items, warned ones, invalid ones, duplicates (the same text, and another), items of
  // other shapes, time running backwards.
  const mixed = () => [
    item('1'),
    item('2', (v) => { v.body.phoneNumberInfo.extra = 'x'; }),
    item('3', (v) => { v.ownerId = 8475874957; }),
    item('4', (v) => { v.body.phoneNumberInfo.status = 'Odd'; }),
    item('5', (v) => { v.body.eventType = 'created'; }),
    item('6', (v) => { v.body.phoneNumberInfo.phoneNumber = 'x'; }),
    item('7', (v) => { v.body.phoneNumberInfo.location = 'Washington,\nDC'; }),
    item('1'),
    item('1', (v) => { v.body.eventType = 'Deleted'; }),
    null, [1, 2], 'text', { uuid: '9' },
    item('8', (v) => { v.timestamp = '2023-04-17T20:25:24.611Z'; }),
    item('10', (v) => { const uuid = v.uuid; delete v.uuid; v.uuid = uuid; }),
    item('11'),
  ];
  // The same members in reverse order, at every level: no item is in RingCentral's order, so
  // each is read as a tree.
  const reversed = (v) => {
    if (Array.isArray(v)) return v.map(reversed);
    if (typeof v !== 'object' || v === null) return v;
    return Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reversed(x)]));
  };
  // A summary, with each item's issues in one order (members in another order are found in
  // another) and without the renderings, which list them so.
  const normal = (s) => {
    const p = plain(s);
    for (const k of ['text', 'markdown', 'csv']) delete p[k];
    for (const problem of p.problems) {
      problem.issues.sort((a, b) => (a.path + a.code < b.path + b.code ? -1 : 1));
    }
    return p;
  };

  test('the summary a tree of every item gives', () => {
    // (Not `maxInputBytes`: where a value passes it depends on the order of the members.
    // tests/objects.rs holds it, against the tree of each item in its own order.)
    const sets = [{}, { strict: true }, { maxItems: 4 }, { maxDepth: 3 }, { maxIssues: 1 }];
    for (const options of sets) {
      const byName = summarize(mixed(), options);
      assert.deepEqual(normal(byName), normal(summarize(reversed(mixed()), options)),
        JSON.stringify(options));
    }
    const s = summarize(mixed());
    assert.deepEqual([s.events, s.valid, s.invalid, s.duplicates, s.outOfOrder], [16, 8, 6, 2, 1]);
    // Each valid item's warnings are its own report's: one for what a parsed value hides.
    const distinct = mixed().filter((v, i) => i !== 7 && i !== 8 && typeof v === 'object' && v !== null);
    const warnings = distinct.map((v) => validate(v)).filter((r) => r.valid)
      .reduce((n, r) => n + r.warnings.length, 0);
    assert.equal(s.warnings, warnings);
    stillSound();
  });

  test('an item whose members come out of order, or as a getter, reads the same', () => {
    const getter = item('12');
    const info = getter.body.phoneNumberInfo;
    delete getter.body;
    const body = () => ({ eventType: 'Created', phoneNumberInfo: info });
    Object.defineProperty(getter, 'body', { get: body, enumerable: true });
    const log = [item('1'), reversed(item('2')), getter, item('1')];
    const s = summarize(log);
    assert.deepEqual([s.events, s.valid, s.duplicates, s.warnings], [4, 3, 1, 3]);
    assert.deepEqual(normal(s), normal(summarize(reversed(log))));
  });
});

describe('the fast path for one clean notification (src/checks/fast_value.rs)', () => {
  // Everything the corpus varies: with and without provider, location, non-ASCII, +0000 times.
  const full = () => ({
    uuid: '2661273919712564939',
    event: '/restapi/v1.0/account/37439510/phone-number?usageType=ContactCenterNumber',
    timestamp: '2023-04-18T20:25:24.611+0000',
    subscriptionId: '9d38419f-645f-4ee3-a053-8cf1368c21c4',
    ownerId: '8475874957',
    body: {
      eventType: 'Updated',
      phoneNumberInfo: {
        uri: 'https://platform.ringcentral.com/restapi/v1.0/account/37439510/phone-number/987654321',
        id: '987654321', phoneNumber: '+12024999741', paymentType: 'Local', location: 'Zürich 🇨🇭',
        type: 'VoiceFax', usageType: 'ContactCenterNumber', status: 'Normal',
        contactCenterProvider: { id: '1', name: 'RingCX' },
      },
    },
  });
  // The same members in reverse order, at every level.
  const reversed = (v) => {
    if (Array.isArray(v)) return v.map(reversed);
    if (typeof v !== 'object' || v === null) return v;
    return Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reversed(x)]));
  };
  // The report the tree gives, as tokens (reportJson), of the same value.
  const byTree = (v, opts) => JSON.parse(reportJson(v, opts));

  test('gives the report the tree gives, as the same objects', () => {
    const values = [clone(), full(), reversed(full())];
    const info = full();
    delete info.body.phoneNumberInfo.contactCenterProvider;
    delete info.body.phoneNumberInfo.location;
    values.push(info);
    for (const v of values) {
      for (const opts of [undefined, { strict: true }, { redact: true }, { text: true, csv: true }]) {
        const r = validate(v, opts);
        assert.deepEqual(r, byTree(v, opts), JSON.stringify(opts));
        assert.equal(r.valid, true);
        if (!opts?.text) assert.deepEqual(parse(v, opts), r.event);
      }
    }
    // `maxDepth: 3` is below what the fast path needs: the tree answers, the same.
    assert.deepEqual(validate(info), validate(info, { maxDepth: 3 }));
  });

  test('what it leaves is reported by the tree, in any member order', () => {
    const defects = [
      (v) => { v.body.eventType = 'updated'; },
      (v) => { v.body.phoneNumberInfo.phoneNumber = '(202) 499-9741'; },
      (v) => { v.timestamp = '2023-04-18'; },
      (v) => { delete v.uuid; },
      (v) => { v.ownerId = 8475874957; },
      (v) => { v.body.phoneNumberInfo.uri = null; },
      (v) => { v.body.phoneNumberInfo.extra = 'x'; },
      (v) => { v.body.phoneNumberInfo.location = 'Washington,\nDC'; },
    ];
    for (const defect of defects) {
      for (const order of [(v) => v, reversed]) {
        const v = full();
        defect(v);
        const value = order(v);
        const text = JSON.stringify(value);
        const byValue = validate(value);
        assert.deepEqual(byValue, byTree(value), text);
        assert.deepEqual(withoutUnseen(byValue), withoutUnseen(validate(text)), text);
      }
    }
  });

  test('the bench corpus reads as its text does, clean or not, in either member order', async () => {
    const { makeCorpus } = await import('../../bench/corpus.mjs');
    const { texts } = makeCorpus({ seed: 20230418, count: 400 });
    let invalid = 0;
    for (const text of texts) {
      const byText = validate(text);
      invalid += byText.valid ? 0 : 1;
      for (const value of [JSON.parse(text), reversed(JSON.parse(text))]) {
        const byValue = validate(value);
        assert.equal(byValue.valid, byText.valid, text);
        assert.equal(byValue.kind, byText.kind, text);
        assert.deepEqual(withoutUnseen(byValue), withoutUnseen(byText), text);
        assert.deepEqual(byValue.event, byText.event, text);
        assert.deepEqual(byValue.change, byText.change, text);
        assert.deepEqual(byValue, byTree(value), text);
      }
    }
    assert.ok(invalid >= 20, `only ${invalid} defective notifications`);
  });

  test('limits still hold, and a getter runs once', () => {
    const v = full();
    assert.equal(validate(v, { maxInputBytes: 300 }).errors[0].code, 'input-too-large');
    let reads = 0;
    const g = full();
    Object.defineProperty(g.body, 'eventType', { enumerable: true, get() { reads++; return 'Created'; } });
    assert.equal(validate(g).valid, true);
    assert.equal(reads, 1);
    // Also when the value is not clean: it is read once, whatever it turns out to be.
    for (const defect of [(v) => { v.ownerId = 8475874957; }, (v) => { v.body.extra = [1]; }]) {
      const h = full();
      defect(h);
      Object.defineProperty(h, 'uuid', { enumerable: true, get() { reads++; return '2661273919712564939'; } });
      const before = reads;
      validate(h);
      assert.equal(reads, before + 1);
    }
    stillSound();
  });
});
