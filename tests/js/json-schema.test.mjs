// The JSON Schema export (Rust's json_schema(), shipped in the package) compiled with ajv's
// draft 2020-12 build, and every fixture run through both: where they disagree, the fixture
// must be one of the deliberate differences listed here (and in the README), each with its
// reason. A new disagreement fails the test until it is understood and listed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import { jsonSchema, validate } from 'cc-number-events';
import { listCases, textOf } from '../common/golden.mjs';

const require = createRequire(import.meta.url);

// Fixtures the package finds invalid and the schema accepts: what a schema cannot say.
const SCHEMA_CANNOT_SEE = {
  // What JSON.parse has lost before a schema sees the value.
  'duplicate-key-event-type.json': 'duplicate keys: JSON.parse keeps the last one',
  'duplicate-key-uuid.json': 'duplicate keys: JSON.parse keeps the last one',
  'lone-surrogate.json': 'a lone \\uD83D escape: JSON.parse makes a string of it, the text is not valid Unicode',
  'id-negative-zero.json': 'an id written -0 is the integer 0 once parsed',
  'id-with-decimal-point.json': 'an id written 1.0 is an integer to JSON Schema once parsed',
  // Cross-field rules and calendars, which a pattern cannot hold.
  'uri-account-mismatch.json': 'cross-field: `uri` names another account than `event`',
  'uri-id-mismatch.json': 'cross-field: `uri` names another id than `phoneNumberInfo.id`',
  'timestamp-february-30.json': 'a date that does not exist matches the timestamp pattern',
  'timestamp-leap-second-on-a-day-without-one.json': 'a leap second on a day that had none: a calendar, not a pattern',
};

const FIXTURES = new URL('../fixtures/validate/', import.meta.url);
const cases = await listCases(FIXTURES);

function compile(strict) {
  const ajv = new Ajv2020({ allErrors: true, strictTypes: true });
  return ajv.compile(jsonSchema({ strict }));
}

test('the schema is draft 2020-12, compiles in ajv (strictTypes), and is the shipped file', () => {
  for (const strict of [false, true]) {
    const schema = jsonSchema({ strict });
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    compile(strict);
    const file = strict ? 'notification.strict.schema.json' : 'notification.schema.json';
    const shipped = JSON.parse(readFileSync(require.resolve(`cc-number-events/${file}`), 'utf8'));
    assert.deepEqual(schema, shipped);
  }
  // A fresh object each call: a caller's edit does not reach the next one.
  const a = jsonSchema();
  a.title = 'changed';
  assert.notEqual(jsonSchema().title, 'changed');
  assert.throws(() => jsonSchema({ stict: true }), TypeError);
  assert.throws(() => jsonSchema({ strict: 1 }), TypeError);
});

test('every fixture that is JSON gets the same verdict from the schema and from validate', () => {
  const schemas = [compile(false), compile(true)];
  const disagreements = [];
  let compared = 0;
  for (const c of cases) {
    const text = textOf(c.bytes);
    if (text === null) continue;
    let value;
    try {
      value = JSON.parse(text);
    } catch {
      continue; // not JSON: ajv has nothing to read, validate reports where it breaks
    }
    const report = validate(text, c.strict ? { strict: true } : undefined);
    const schemaValid = schemas[c.strict ? 1 : 0](value);
    compared++;
    if (schemaValid === report.valid) continue;
    disagreements.push(c.file);
    // The schema never accepts less than the package.
    assert.equal(report.valid, false, `${c.file}: valid for validate, refused by the schema`);
  }
  assert.ok(compared > 100, `only ${compared} fixtures compared`);
  const unlisted = disagreements.filter((f) => !(f in SCHEMA_CANNOT_SEE));
  assert.deepEqual(unlisted, [], `disagreements not listed as deliberate: ${unlisted.join(', ')}`);
  // Every listed difference is still met, so the list cannot go stale.
  const unmet = Object.keys(SCHEMA_CANNOT_SEE).filter((f) => !disagreements.includes(f));
  assert.deepEqual(unmet, [], `listed differences no fixture shows any more: ${unmet.join(', ')}`);
});
