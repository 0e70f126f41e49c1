// `cc-number-events/validate`, the validate-only module for webhook handlers: the same
// functions as the full module's but for the summary, giving the same reports, events, errors
// and receive() answers for every fixture, in Node (ESM and CommonJS) and in its web build.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import * as full from 'cc-number-events';
import * as small from 'cc-number-events/validate';

const require = createRequire(import.meta.url);
const PKG = new URL('../../pkg/', import.meta.url);
const fixtures = (dir) =>
  readdirSync(new URL(`../fixtures/${dir}/`, import.meta.url))
    .filter((f) => !f.endsWith('.expected') && !f.endsWith('.rendered'))
    .map((f) => [f, new Uint8Array(readFileSync(new URL(`../fixtures/${dir}/${f}`, import.meta.url)))]);

const OPTIONS = [
  undefined,
  { strict: true },
  { text: true, markdown: true, csv: true },
  { redact: true, text: true },
  { maxIssues: 2, maxDepth: 8 },
  { maxInputBytes: 200 },
];

// What `f` answers, or the error it threw as plain data (the class is each module's own): a
// TypeError for a parsed `null`, an InvalidEventError from parse.
function answer(f, input, options) {
  try {
    return { value: f(input, options) };
  } catch (e) {
    return { thrown: { name: e.name, message: e.message, kind: e.kind, issues: e.issues } };
  }
}
const parsed = answer;

// Every input shape validate takes: bytes, a string, an ArrayBuffer and, for JSON, the value.
function shapes(bytes) {
  const out = [bytes, bytes.slice().buffer];
  const text = new TextDecoder().decode(bytes);
  out.push(text);
  try {
    out.push(JSON.parse(text));
  } catch {
    // Not JSON: no parsed value to give.
  }
  return out;
}

test('exports what a webhook handler needs, and no summary', () => {
  for (const name of ['validate', 'parse', 'receive', 'createReplayStore', 'standardSchema', 'notificationSchema',
    'jsonSchema', 'InvalidEventError', 'isInvalidEventError']) {
    assert.equal(typeof small[name], typeof full[name], name);
  }
  for (const name of ['summarize', 'summaryJson', 'createSummarizer', 'summarizeStream', 'reconcile', '__summarizerNew']) {
    assert.equal(small[name], undefined, name);
  }
  assert.deepEqual(Object.keys(small).filter((n) => !(n in full)), []);
  assert.equal(typeof small.default, 'function', 'init, as in the full module');
});

test('every validate fixture gets the same report, event or error from both modules', () => {
  let count = 0;
  for (const [file, bytes] of fixtures('validate')) {
    for (const input of shapes(bytes)) {
      for (const options of OPTIONS) {
        const at = `${file} (${Object.prototype.toString.call(input)}, ${JSON.stringify(options)})`;
        assert.deepEqual(answer(small.validate, input, options), answer(full.validate, input, options), at);
        if (!options?.text && !options?.markdown) {
          const parseOptions = options && { ...options, text: undefined, markdown: undefined, csv: undefined };
          assert.deepEqual(parsed(small.parse, input, parseOptions), parsed(full.parse, input, parseOptions), at);
        }
        count++;
      }
    }
    // The tree route's report as text, members in order, as when both modules had reportJson.
    const report = small.validate(bytes);
    const want = full.reportJson(bytes);
    assert.equal(JSON.stringify(report), want, file);
    assert.deepEqual(report, JSON.parse(want), file);
  }
  assert.ok(count > 1000, `${count} comparisons`);
});

test('the summarize fixtures, read one notification at a time, get the same reports', () => {
  for (const [file, bytes] of fixtures('summarize')) {
    const lines = new TextDecoder().decode(bytes).split('\n').filter((l) => l.trim() !== '').slice(0, 50);
    for (const line of lines) assert.deepEqual(small.validate(line), full.validate(line), file);
  }
});

test('receive() gives the same answers on the shared decision table', async () => {
  const cases = JSON.parse(readFileSync(new URL('../fixtures/receive/cases.json', import.meta.url), 'utf8'));
  for (const c of cases) {
    const options = { verificationToken: c.verificationToken, store: false };
    const request = () => ({ method: c.method, headers: c.headers, body: c.body });
    assert.deepEqual(await small.receive(request(), options), await full.receive(request(), options), c.name);
  }
});

test('Standard Schema and JSON Schema answer as the full module does', () => {
  for (const [file, bytes] of fixtures('validate').slice(0, 60)) {
    const text = new TextDecoder().decode(bytes);
    assert.deepEqual(small.notificationSchema['~standard'].validate(text), full.notificationSchema['~standard'].validate(text), file);
  }
  assert.deepEqual(small.jsonSchema({ strict: true }), full.jsonSchema({ strict: true }));
});

test('an error from either module is recognised by both', () => {
  const thrown = (parse) => {
    try {
      parse('{}');
    } catch (e) {
      return e;
    }
    throw new Error('parse accepted {}');
  };
  assert.ok(thrown(small.parse) instanceof full.InvalidEventError);
  assert.ok(thrown(full.parse) instanceof small.InvalidEventError);
});

test('CommonJS loads the same instance as the ESM entry', () => {
  const cjs = require('cc-number-events/validate');
  assert.equal(cjs.validate, small.validate);
  assert.equal(cjs.summarize, undefined);
});

test('a trap restarts the module and validate and parse answer as the full module does', () => {
  const VALID = readFileSync(new URL('../fixtures/validate/webhook-created.json', import.meta.url), 'utf8');
  const answers = (m) => {
    m.__trapForTests(1);
    const report = m.validate(VALID);
    m.__trapForTests(1);
    const error = parsed(m.parse, VALID);
    return { report, error, after: m.validate(VALID) };
  };
  assert.deepEqual(answers(small), answers(full));
  assert.equal(small.validate(VALID).valid, true);
});

test('the web build loads its own .wasm and gives the same reports', async () => {
  const web = await import(new URL('web/cc_number_events_validate.js', PKG).href);
  assert.throws(() => web.validate('{}'), /validate\(\) was called before .*import init from 'cc-number-events\/validate'/);
  await web.default({ module_or_path: readFileSync(new URL('web/cc_number_events_validate_bg.wasm', PKG)) });
  for (const [file, bytes] of fixtures('validate')) {
    assert.deepEqual(web.validate(bytes, { text: true }), full.validate(bytes, { text: true }), file);
  }
  assert.equal(web.summarize, undefined);
});
