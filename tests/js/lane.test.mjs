// The lane of validate and parse (src/js/lane.js, src/js/lane.rs): a string without options
// is answered out of WebAssembly memory, anything else by the module's general route. These
// tests hold the two routes to the same answers, objects and errors alike (same keys, same
// order, same values), in both modules and both builds, and check the lane's own cases: what it
// leaves to the general route, memory that grew between calls, a restart after a trap.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { listCases, textOf } from '../common/golden.mjs';

const require = createRequire(import.meta.url);
const full = require('cc-number-events');
const small = require('cc-number-events/validate');
const PKG = new URL('../../pkg/', import.meta.url);
const fixtures = new URL('../fixtures/', import.meta.url);
const VALID = readFileSync(new URL('validate/webhook-created.json', fixtures), 'utf8');

// parse's answer, or what it threw, as comparable data: an error's class, own keys in order
// and their values.
function parsed(m, input, options) {
  try {
    return { event: m.parse(input, options) };
  } catch (e) {
    return {
      invalidEventError: e instanceof m.InvalidEventError,
      proto: Object.getPrototypeOf(e) === m.InvalidEventError.prototype,
      keys: Object.keys(e),
      name: e.name,
      message: e.message,
      kind: e.kind,
      issues: e.issues,
    };
  }
}

// The report of the tree route, as tokens: `reportJson`, which only the full module exports (the
// validate-only one runs the same Rust; validate-entry.test.mjs holds the two modules' reports
// equal).
const tree = (text) => JSON.parse(full.reportJson(text));

// The lane (no options) and the general route (options given, the defaults) agree.
function sameBothRoutes(m, text) {
  const lane = m.validate(text);
  for (const options of [{}, { strict: false }]) {
    const general = m.validate(text, options);
    assert.equal(JSON.stringify(lane), JSON.stringify(general));
    assert.deepStrictEqual(lane, general);
  }
  assert.deepStrictEqual(lane, tree(text));
  const p = parsed(m, text);
  const general = parsed(m, text, {});
  assert.equal(JSON.stringify(p), JSON.stringify(general));
  assert.deepStrictEqual(p, general);
  if (lane.valid) assert.deepStrictEqual(p.event, lane.event);
  else assert.deepStrictEqual(p.issues, [...lane.errors, ...lane.warnings]);
  return lane;
}

function texts() {
  const out = [];
  for (const dir of ['validate', 'summarize']) {
    for (const name of readdirSync(new URL(`${dir}/`, fixtures))) {
      if (name.endsWith('.expected') || name.endsWith('.rendered')) continue;
      const text = textOf(new Uint8Array(readFileSync(new URL(`${dir}/${name}`, fixtures))));
      if (text === null) continue;
      out.push(text);
      if (dir === 'summarize') out.push(...text.split('\n').filter((l) => l.trim() !== ''));
    }
  }
  return out;
}

test('every fixture, and every line of the logs, gets the same answers from the lane and the general route', async () => {
  assert.ok((await listCases(new URL('validate/', fixtures).pathname)).length > 100);
  const counts = { valid: 0, warned: 0, invalid: 0 };
  for (const text of texts()) {
    for (const m of [full, small]) {
      const r = sameBothRoutes(m, text);
      if (r.valid) counts[r.warnings.length ? 'warned' : 'valid']++;
      else counts.invalid++;
    }
  }
  assert.ok(counts.valid >= 20 && counts.warned >= 20 && counts.invalid >= 100, JSON.stringify(counts));
});

test('what the lane leaves to the general route gets the answer it always got', () => {
  const lone = VALID.replace('"+12024999741"', '"+1202\ud800"');
  for (const m of [full, small]) {
    // A lone surrogate (the lane sees U+FFFD and steps aside), and the real U+FFFD.
    const r = sameBothRoutes(m, lone);
    assert.ok(r.errors.some((e) => e.code === 'json-lone-surrogate'));
    sameBothRoutes(m, VALID.replace('"+12024999741"', '"+1202\ufffd"'));
    // Longer than the lane takes, with and without a warning.
    const long = VALID.replace('{', `{"pad":"${'x'.repeat(70_000)}",`);
    assert.equal(sameBothRoutes(m, long).warnings[0].code, 'unknown-field');
    sameBothRoutes(m, VALID + ' '.repeat(70_000));
    // Empty, a byte order mark, not JSON, a WebSocket control frame (crosses as tokens).
    for (const text of ['', '\ufeff' + VALID, 'nope', '[{"type":"Heartbeat","messageId":"1","timestamp":"2023-04-18T20:25:24.611Z"}]']) {
      sameBothRoutes(m, text);
    }
    // Not strings, and options: the general route, as before.
    assert.deepStrictEqual(m.validate(new TextEncoder().encode(VALID)), m.validate(VALID));
    assert.equal(m.validate(VALID, null).valid, true);
    assert.throws(() => m.validate(VALID, { nope: 1 }), TypeError);
    assert.throws(() => m.validate(42), TypeError);
  }
});

test('warnings crossing as templates read the same call after call, evicted or changed by the caller', () => {
  // More distinct warnings than the lane keeps templates of (src/js/templates.rs), met again
  // in another order, several in one payload, and a template whose issue the caller changed.
  const warned = [];
  for (let k = 0; k < 40; k++) warned.push(VALID.replace('{', `{"added${k}":${k},`));
  warned.push(VALID.replace('"phoneNumber"', '"tollType":"Toll","phoneNumber"').replace('"body"', '"extra":[1,{"a":null}],"body"'));
  warned.push(VALID.replace(/account\/[0-9~]+\/phone-number\?/, 'account/{accountId}/phone-number?'));
  const warnedFixtures = texts().filter((t) => { const r = full.validate(t); return r.valid && r.warnings.length > 0; });
  assert.ok(warnedFixtures.length >= 10, `${warnedFixtures.length}`);
  warned.push(...warnedFixtures);
  for (const m of [full, small]) {
    for (let round = 0; round < 3; round++) {
      const order = round === 1 ? [...warned].reverse() : warned;
      for (const text of order) {
        const r = m.validate(text);
        assert.ok(r.valid && r.warnings.length > 0, text);
        assert.equal(JSON.stringify(r), JSON.stringify(tree(text)));
        assert.deepStrictEqual(r, tree(text));
        r.warnings[0].message = 'changed by the caller';
        r.warnings[0].path = '/changed';
      }
      // parse makes no templates, and validate's after it read as before.
      for (const text of order.slice(0, 5)) assert.deepStrictEqual(m.parse(text), m.validate(text).event);
    }
  }
});

test('the lane reads memory that grew since the last call, and many calls in a row', () => {
  for (const m of [full, small]) {
    const before = m.validate(VALID);
    // A large input grows WebAssembly memory, which detaches every view of it.
    const big = `[${'{"uuid":"x"},'.repeat(200_000)}{}]`;
    assert.equal(m.validate(big).valid, false);
    assert.deepStrictEqual(m.validate(VALID), before);
    for (const text of texts().slice(0, 200)) {
      assert.deepStrictEqual(m.validate(text), tree(text));
    }
  }
});

test('after a trap in the lane the module is restarted and the lane works on the new one', () => {
  for (const m of [full, small]) {
    const before = m.validate(VALID);
    m.__trapForTests(1);
    const r = m.validate(VALID);
    assert.equal(r.errors[0].code, 'input-too-large');
    assert.match(r.errors[0].message, /the module was restarted/);
    assert.deepStrictEqual(m.validate(VALID), before);
    m.__trapForTests(1);
    assert.throws(() => m.parse(VALID), (e) => e instanceof m.InvalidEventError && /module was restarted/.test(e.message));
    assert.deepStrictEqual(m.parse(VALID), before.event);
  }
});

test('the web builds answer through the lane as the Node builds do', async () => {
  for (const [glue, wasm, node] of [
    ['web/cc_number_events.js', 'web/cc_number_events_bg.wasm', full],
    ['web/cc_number_events_validate.js', 'web/cc_number_events_validate_bg.wasm', small],
  ]) {
    const web = await import(new URL(glue, PKG).href);
    web.initSync({ module: readFileSync(new URL(wasm, PKG)) });
    for (const text of texts()) {
      assert.deepStrictEqual(web.validate(text), node.validate(text));
      assert.deepStrictEqual(parsed(web, text), parsed(node, text));
      assert.deepStrictEqual(web.validate(text), web.validate(text, {}));
    }
  }
});
