// Hostile input through the npm package: every case of tests/hostile/catalog.json (shared
// with tests/hostile.rs, which documents the format) ends in a report within a bounded time,
// and the WebAssembly module keeps working afterwards. Then what only JavaScript can send:
// lone surrogates in strings, prototype-polluting keys, odd argument types.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse, summarize, validate } from 'cc-number-events';

import { catalog, concatBytes, enc, hex, inputOf } from '../common/catalog.mjs';

const VALID = catalog.bases.webhook;
const BUDGET_MS = 20_000;

const unitsOf = (input) =>
  typeof input === 'string' ? input.length : new TextDecoder().decode(input).length;

// What could forge a line, move a terminal's cursor or reorder text: C0 and C1 controls,
// DEL, U+2028/2029 and the bidi controls. Renderings may break lines (\n, CSV's \r\n).
const RAW_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
function assertInert(name, text, lines) {
  const t = lines ? text.replaceAll('\r\n', '\n').replaceAll('\n', '') : text;
  const m = RAW_CONTROL.exec(t);
  assert.equal(m, null, `${name}: raw U+${m?.[0].charCodeAt(0).toString(16).padStart(4, '0')} in ${JSON.stringify(t.slice(Math.max(0, (m?.index ?? 0) - 20), (m?.index ?? 0) + 20))}`);
}

function checkIssue(name, i, len) {
  assert.ok(i.offset + i.length <= len, `${name}: issue outside the input: ${JSON.stringify(i)}`);
  assert.ok(i.line >= 1 && i.column >= 1, name);
  assert.equal(typeof i.message, 'string');
}

function checkReport(name, r, expect, len) {
  const all = [...r.errors, ...r.warnings];
  for (const i of all) checkIssue(name, i, len);
  assert.equal(r.valid, 'event' in r, name);
  if ('valid' in expect) assert.equal(r.valid, expect.valid, `${name}: ${JSON.stringify(r.errors.slice(0, 3))}`);
  if (expect.kind) assert.equal(r.kind, expect.kind, name);
  for (const code of expect.errors ?? []) {
    assert.ok(r.errors.some((i) => i.code === code), `${name}: no ${code} in ${r.errors.map((i) => i.code)}`);
  }
  for (const code of expect.warnings ?? []) {
    assert.ok(r.warnings.some((i) => i.code === code), `${name}: no ${code} in ${r.warnings.map((i) => i.code)}`);
  }
  if (expect.maxMessage) {
    for (const i of all) assert.ok(i.message.length + (i.hint?.length ?? 0) <= expect.maxMessage, name);
  }
  if (expect.maxPath) for (const i of all) assert.ok(i.path.length <= expect.maxPath, name);
  if (expect.maxIssues) assert.ok(all.length <= expect.maxIssues, name);
  if (expect.noRawControls) {
    for (const i of all) {
      assertInert(name, i.message, false);
      assertInert(name, i.hint ?? '', false);
    }
    for (const r2 of [r.text, r.markdown, r.csv]) if (r2 !== undefined) assertInert(name, r2, true);
    if (r.change) assertInert(name, r.change.sentence, false);
  }
  if (expect.htmlVerbatim) assert.ok(all.some((i) => i.message.includes('<script>alert(1)</script>')), name);
}

function checkSummary(name, s, expect, len) {
  for (const p of s.problems) for (const i of p.issues) checkIssue(name, i, len);
  assert.equal(s.events, s.valid + s.invalid + s.other + s.duplicates, name);
  if (!expect) return;
  for (const key of ['events', 'valid', 'invalid', 'issuesNotListed', 'limitReached']) {
    if (key in expect) assert.equal(s[key], expect[key], `${name}: summary ${key}`);
  }
  if (expect.noRawControls) {
    for (const p of s.problems) for (const i of p.issues) assertInert(name, i.message, false);
    for (const r of [s.text, s.markdown, s.csv]) if (r !== undefined) assertInert(name, r, true);
  }
  for (const code of expect.problems ?? []) {
    assert.ok(s.problems.some((p) => p.issues.some((i) => i.code === code)), `${name}: no ${code}`);
  }
}

function timed(name, f) {
  const t = performance.now();
  const out = f();
  const ms = performance.now() - t;
  assert.ok(ms < BUDGET_MS, `${name} took ${ms} ms`);
  return out;
}

describe('the hostile-input catalog through the package', () => {
  test('holds at least 60 cases', () => assert.ok(catalog.cases.length >= 60));
  // `scale` cases (n and 10n items) run in tests/js/bounds.test.mjs.
  for (const c of catalog.cases.filter((c) => !c.scale)) {
    test(c.name, () => {
      let input = inputOf(c);
      const len = unitsOf(input);
      const report = timed(c.name, () => validate(input, c.options));
      checkReport(c.name, report, c.expect, len);
      const summary = timed(c.name, () => summarize(input, c.summaryOptions ?? c.options));
      checkSummary(c.name, summary, c.summary, len);
      input = null;
      // The module still works.
      assert.equal(validate(VALID).valid, true);
    });
  }
});

describe('what only JavaScript can send', () => {
  const LOC = 'Washington, DC';
  test('a lone high surrogate in a JS string is a located error, not a silent U+FFFD', () => {
    const input = VALID.replace(LOC, 'Washington\ud800');
    const r = validate(input);
    assert.equal(r.valid, false);
    const e = r.errors.find((i) => i.code === 'json-lone-surrogate');
    assert.ok(e, JSON.stringify(r.errors));
    assert.equal(input.slice(e.offset, e.offset + e.length), '\ud800');
    assert.match(e.message, /U\+D800/);
    assert.throws(() => parse(input), (err) => err.name === 'InvalidEventError' && err.issues.some((i) => i.code === 'json-lone-surrogate'));
    // In a log it belongs to the item that holds it, which is invalid.
    const s = summarize(input);
    assert.equal(s.invalid, 1);
    const p = s.problems.find((q) => q.index === 0);
    const i = p.issues.find((i) => i.code === 'json-lone-surrogate');
    assert.equal(i.offset, e.offset);
  });

  test('issue 16 case 8: every lone surrogate in a log makes its own item invalid, located', () => {
    const line = VALID.replaceAll('\n', '');
    const items = [0, 1, 2, 3].map((i) => line.replace('2661273919712564939', `266127391971256493${i}`));
    items[1] = items[1].replace(LOC, 'Washington\ud800');
    items[3] = items[3].replace(LOC, '\udfff Washington 🇨🇭');
    const log = items.join('\n');
    const s = summarize(log);
    assert.equal(s.events, 4);
    assert.equal(s.valid, 2);
    assert.equal(s.invalid, 2);
    const located = s.problems.map((p) => {
      const i = p.issues.find((i) => i.code === 'json-lone-surrogate');
      return [p.index, log.slice(i.offset, i.offset + i.length)];
    });
    assert.deepEqual(located, [[1, '\ud800'], [3, '\udfff']]);
  });

  test('a lone low surrogate after astral characters is located in UTF-16 units', () => {
    const input = VALID.replace(LOC, '🇨🇭 Zürich \udc00 x');
    const e = validate(input).errors.find((i) => i.code === 'json-lone-surrogate');
    assert.equal(input.slice(e.offset, e.offset + 1), '\udc00');
    assert.equal(e.line, 14);
  });

  test('a surrogate pair split across the text, and reversed', () => {
    for (const bad of ['\udc00\ud800', 'a\ud800', '\ud800\ud800\udc00']) {
      const input = VALID.replace(LOC, bad);
      const e = validate(input).errors.find((i) => i.code === 'json-lone-surrogate');
      assert.ok(e, bad);
      assert.ok(/[\ud800-\udfff]/.test(input.slice(e.offset, e.offset + 1)));
    }
    // A well-formed pair is not flagged.
    assert.equal(validate(VALID.replace(LOC, '😀')).valid, true);
  });

  test('the escape \\ud800 in the JSON text is reported too', () => {
    const input = VALID.replace(LOC, '\\ud800');
    const e = validate(input).errors.find((i) => i.code === 'json-lone-surrogate');
    assert.equal(input.slice(e.offset, e.offset + e.length), '\\ud800');
  });

  test('invalid UTF-8 in a Uint8Array is located in the decoded text', () => {
    const bytes = concatBytes([enc.encode('{"a": "'), hex('ff'), enc.encode('"}')]);
    const e = validate(bytes).errors.find((i) => i.code === 'invalid-utf8');
    assert.equal(e.offset, 7);
    assert.equal(e.length, 1);
  });

  test('__proto__, constructor and prototype keys pollute nothing', () => {
    const input = VALID.replace('"uuid"', '"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 2}}, "prototype": 3, "uuid"')
      .replace('"id": "1"', '"__proto__": {"polluted": 4}, "id": "1"');
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const r = validate(input);
    const s = summarize(`${input}\n${input.replace('2661273919712564939', '2661273919712564940')}`, { markdown: true, csv: true });
    assert.equal(r.valid, true);
    assert.deepEqual(Object.getOwnPropertyNames(Object.prototype).sort(), before);
    assert.equal({}.polluted, undefined);
    assert.equal(Object.prototype.polluted, undefined);
    for (const value of [r, r.event, r.event.body, r.event.body.phoneNumberInfo, r.change, s, s.groups[0]]) {
      assert.equal(Object.getPrototypeOf(value), Object.prototype);
      assert.equal(value.polluted, undefined);
    }
    // The unknown members are reported, with their names as plain data.
    assert.ok(r.warnings.some((w) => w.path === '/__proto__'));
    assert.ok(r.warnings.some((w) => w.path === '/body/phoneNumberInfo/contactCenterProvider/__proto__'));
  });

  test('a member named __proto__ in an issue path or message is only text', () => {
    const r = validate('{"__proto__": {"__proto__": 1, "__proto__": 2}}');
    assert.ok(r.errors.some((i) => i.code === 'json-duplicate-key' && i.path === '/__proto__/__proto__'));
    assert.equal({}.__proto__, Object.prototype);
  });

  test('HTML in the payload comes back as plain strings, for the caller to escape', () => {
    const html = '<img src=x onerror=alert(1)>';
    const r = validate(VALID.replace(LOC, html));
    assert.equal(r.event.body.phoneNumberInfo.location, html);
  });

  test('a string longer than maxInputBytes is refused before it is copied', () => {
    const big = 'x'.repeat(200_000);
    const r = validate(big, { maxInputBytes: 100_000 });
    assert.equal(r.errors[0].code, 'input-too-large');
    assert.match(r.errors[0].message, /at least 200000 bytes.*`maxInputBytes`/);
    const s = summarize(new Uint8Array(300_000), { maxInputBytes: 100_000 });
    assert.equal(s.problems[0].issues[0].code, 'input-too-large');
    assert.match(s.problems[0].issues[0].message, /has 300000 bytes/);
  });

  test('multi-byte text near the limit is measured in bytes, not UTF-16 units', () => {
    const text = `"${'é'.repeat(60)}"`; // 62 units, 122 bytes
    assert.equal(validate(text, { maxInputBytes: 100 }).errors[0].code, 'input-too-large');
    assert.notEqual(validate(text, { maxInputBytes: 200 }).errors[0].code, 'input-too-large');
  });

  test('arguments of the wrong type throw TypeError and leave the module working', () => {
    for (const bad of [undefined, null, 42, new Uint16Array(2), Symbol('x'), () => 1]) {
      assert.throws(() => validate(bad), TypeError);
      assert.throws(() => summarize(bad), TypeError);
    }
    // Objects, arrays and ArrayBuffers are inputs since issue #11: reports, not TypeErrors.
    for (const input of [{}, [], new ArrayBuffer(4)]) {
      assert.equal(validate(input).valid, false);
      assert.equal(typeof summarize(input).events, 'number');
    }
    assert.throws(() => validate(VALID, { maxDepth: 0 }), RangeError);
    assert.throws(() => validate(VALID, { maxDepth: -1 }), RangeError);
    assert.throws(() => validate(VALID, { maxIssues: Infinity }), RangeError);
    assert.throws(() => validate(VALID, { maxInputBytes: '10' }), RangeError);
    assert.throws(() => validate(VALID, { maxItems: 10 }), TypeError);
    assert.throws(() => summarize(VALID, { maxItems: 0 }), RangeError);
    assert.equal(validate(VALID).valid, true);
  });

  test('2,000-deep nesting (the hard limit) fits the WebAssembly stack, and so does 2,001', () => {
    for (const n of [1999, 2000, 2001, 100_000]) {
      const r = validate('['.repeat(n) + ']'.repeat(n), { maxDepth: 1e9 });
      assert.equal(r.valid, false);
      const s = summarize(`${'{"a":'.repeat(n)}1${'}'.repeat(n)}\n`.repeat(3), { maxDepth: 1e9 });
      assert.equal(s.events, 3);
    }
    assert.equal(validate(VALID).valid, true);
  });
});
