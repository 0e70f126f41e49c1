// The Standard Schema v1 validator at run time: the interface the spec
// (@standard-schema/spec, whose types tests/ts/receive.mts checks it against) defines, and
// the same verdict as validate() on every fixture.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { notificationSchema, parse, standardSchema, validate } from 'cc-number-events';
import { listCases, textOf } from '../common/golden.mjs';

const cases = await listCases(new URL('../fixtures/validate/', import.meta.url));

test('the ~standard property is what Standard Schema v1 defines', () => {
  const std = notificationSchema['~standard'];
  assert.equal(std.version, 1);
  assert.equal(std.vendor, 'cc-number-events');
  assert.equal(typeof std.validate, 'function');
  assert.equal('types' in std, false, 'types is a type-only member');
});

test('every fixture: the value is parse()s event, the issues are the errors with their paths', () => {
  const strict = standardSchema({ strict: true });
  let valid = 0;
  let invalid = 0;
  for (const c of cases) {
    const text = textOf(c.bytes);
    if (text === null) continue;
    const schema = c.strict ? strict : notificationSchema;
    const options = c.strict ? { strict: true } : undefined;
    const result = schema['~standard'].validate(text);
    assert.ok(!(result instanceof Promise), 'validate is synchronous');
    const report = validate(text, options);
    if (report.valid) {
      valid++;
      assert.equal(result.issues, undefined, c.file);
      assert.deepEqual(result.value, parse(text, options), c.file);
      continue;
    }
    invalid++;
    assert.equal('value' in result, false, c.file);
    assert.equal(result.issues.length, report.errors.length, c.file);
    result.issues.forEach((issue, i) => {
      const error = report.errors[i];
      assert.equal(issue.message, error.message);
      assert.equal(issue.code, error.code);
      assert.ok(Array.isArray(issue.path));
      for (const key of issue.path) assert.ok(typeof key === 'string' || Number.isInteger(key));
      // The path's segments, written back as a JSON Pointer, are the issue's path.
      const pointer = issue.path.map((k) => '/' + String(k).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
      assert.equal(pointer, error.path, c.file);
    });
  }
  assert.ok(valid > 10 && invalid > 100, `${valid} valid, ${invalid} invalid`);
});

test('a parsed value (what tRPC or Hono hand over) is read; what cannot be read is an issue, not a throw', () => {
  const frame = [{ type: 'ServerNotification' }, { uuid: 1 }];
  const result = notificationSchema['~standard'].validate(frame);
  assert.ok(result.issues.length > 0);
  assert.ok(result.issues.some((i) => i.path[0] === 1 && i.path.length >= 2), JSON.stringify(result.issues));
  for (const value of [10n, null, 42, { a: 10n }]) {
    const r = notificationSchema['~standard'].validate(value);
    assert.equal(r.issues.length, 1);
    assert.equal(typeof r.issues[0].message, 'string');
  }
  // Options are validate()'s, and a wrong one is thrown at the first call, not turned into issues.
  assert.throws(() => standardSchema({ stict: true })['~standard'].validate('{}'), TypeError);
});
