// What the npm package returns for every fixture, against the JSON `serde_json` writes of the
// Rust report or summary (tests/golden-json/, checked by tests/json_golden.rs): the Rust types
// serialize to exactly the objects JavaScript gets, members in the same order.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { parse, summarize, validate } from 'cc-number-events';
import { listCases, textOf } from '../common/golden.mjs';

const FIXTURES = new URL('../fixtures/', import.meta.url);
const GOLDEN = new URL('../golden-json/', import.meta.url);

const golden = async (kind, name) =>
  JSON.parse(await readFile(new URL(`${kind}/${name}.json`, GOLDEN), 'utf8'));

// Equal values, and equal member order (which `deepStrictEqual` does not look at).
function same(got, want, what) {
  assert.deepStrictEqual(got, want, what);
  assert.equal(JSON.stringify(got), JSON.stringify(want), what);
}

const validateCases = await listCases(new URL('validate/', FIXTURES));

test('every validate fixture has its serde_json report', async () => {
  assert.ok(validateCases.length >= 40, `only ${validateCases.length} fixtures`);
  for (const c of validateCases) await golden('validate', c.name);
});

for (const c of validateCases) {
  const options = c.strict ? { strict: true } : undefined;
  const text = textOf(c.bytes);

  test(`${c.file}: validate and parse return what serde_json writes of the Rust report`, async () => {
    const want = await golden('validate', c.name);
    same(validate(new Uint8Array(c.bytes), options), want, 'validate(bytes)');
    if (text !== null) same(validate(text, options), want, 'validate(string)');
    if (want.valid) {
      same(parse(new Uint8Array(c.bytes), options), want.event, 'parse(bytes)');
    } else {
      let thrown = null;
      try {
        parse(new Uint8Array(c.bytes), options);
      } catch (e) {
        thrown = e;
      }
      assert.equal(thrown?.name, 'InvalidEventError');
      assert.equal(thrown.kind, want.kind);
      same(thrown.issues, [...want.errors, ...want.warnings], 'parse(bytes) issues');
    }
  });
}

const summaryFiles = (await listCases(new URL('summarize/', FIXTURES))).filter(
  (c) => !c.file.endsWith('.rendered'),
);

test('the summarize fixtures are there', () => {
  assert.ok(summaryFiles.length >= 4, `only ${summaryFiles.length} fixtures`);
});

for (const c of summaryFiles) {
  test(`${c.file}: summarize returns what serde_json writes of the Rust summary`, async () => {
    const want = await golden('summarize', c.name);
    const options = { markdown: true, csv: true };
    same(summarize(new Uint8Array(c.bytes), options), want, 'summarize(bytes)');
    const text = textOf(c.bytes);
    if (text !== null) same(summarize(text, options), want, 'summarize(string)');
  });
}
