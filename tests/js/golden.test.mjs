// Every payload in tests/fixtures/validate/ through the npm package, against the same
// reviewed .expected text tests/golden.rs checks the Rust core against.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validate } from 'cc-number-events';
import { listCases, render, textOf } from '../common/golden.mjs';

const FIXTURES = new URL('../fixtures/validate/', import.meta.url);
const cases = await listCases(FIXTURES);

test('the fixture directory holds golden cases, each with a reviewed .expected file', () => {
  assert.ok(cases.length > 0, 'no fixtures found');
  const missing = cases.filter((c) => c.expected === null).map((c) => c.file);
  assert.deepEqual(missing, [], `fixtures without a .expected file: ${missing.join(', ')}`);
});

for (const c of cases) {
  const options = c.strict ? { strict: true } : undefined;
  const mode = c.strict ? ' in strict mode' : '';
  const text = textOf(c.bytes);

  test(`${c.file} given as a Uint8Array${mode} gets exactly its reviewed verdict`, () => {
    // A copy, so nothing the package does can touch the fixture bytes.
    const report = validate(new Uint8Array(c.bytes), options);
    assert.equal(render(report, c.strict), c.expected ?? '');
  });

  // Not valid UTF-8, or UTF-16 with its BOM: a JS string cannot carry these bytes.
  if (text === null) continue;

  test(`${c.file} given as a JS string${mode} gets exactly its reviewed verdict`, () => {
    const report = validate(text, options);
    assert.equal(render(report, c.strict), c.expected ?? '');
  });

  test(`${c.file} reports the same issues at the same positions as a string and as bytes`, () => {
    const fromText = validate(text, options);
    const fromBytes = validate(new Uint8Array(c.bytes), options);
    const where = (r) =>
      [...r.errors, ...r.warnings].map((i) => `${i.code} ${i.path} ${i.line}:${i.column} @${i.offset}+${i.length}`);
    assert.deepEqual(where(fromText), where(fromBytes));
    assert.deepEqual(fromText, fromBytes);
  });
}
