// reconcile() through the npm package: every case of tests/fixtures/reconcile/ returns exactly
// the JSON that serde_json writes of the Rust result (tests/golden-json/reconcile/, checked by
// tests/reconcile.rs), from strings, bytes and ArrayBuffers alike; and the argument and the
// options are checked as every export's are.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import { reconcile } from 'cc-number-events';

const CASES = new URL('../fixtures/reconcile/', import.meta.url);
const GOLDEN = new URL('../golden-json/reconcile/', import.meta.url);
const names = readdirSync(CASES).sort();

function read(name, file) {
  try {
    return readFileSync(new URL(`${name}/${file}`, CASES));
  } catch {
    return undefined;
  }
}

/** The case's input, each text made by `as` from its bytes. */
function inputOf(name, as) {
  const input = { log: as(read(name, 'log.ndjson')), after: as(read(name, 'after.json')) };
  const before = read(name, 'before.json');
  if (before !== undefined) input.before = as(before);
  const options = read(name, 'options.json');
  if (options !== undefined) Object.assign(input, JSON.parse(options.toString('utf8')));
  return input;
}

const forms = {
  string: (b) => b.toString('utf8'),
  bytes: (b) => new Uint8Array(b),
  arrayBuffer: (b) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength),
};

test('the reconcile fixtures are there', () => {
  assert.ok(names.length >= 10, `only ${names.length} cases`);
});

for (const name of names) {
  test(`${name}: reconcile returns what serde_json writes of the Rust result`, () => {
    const want = JSON.parse(readFileSync(new URL(`${name}.json`, GOLDEN), 'utf8'));
    for (const [form, as] of Object.entries(forms)) {
      const got = reconcile(inputOf(name, as), { markdown: true, csv: true });
      assert.deepStrictEqual(got, want, `${name} from ${form}`);
      assert.equal(JSON.stringify(got), JSON.stringify(want), `${name} from ${form}: member order`);
    }
  });
}

test('times may be Dates, and events after afterTime are not counted against after', () => {
  const input = inputOf('after-time', forms.string);
  const asText = reconcile(input);
  const asDate = reconcile({ ...input, afterTime: new Date(input.afterTime) });
  assert.deepStrictEqual(asDate, asText);
  assert.equal(asText.counts.eventsAfterSnapshot, 2);
  const { afterTime, ...untimed } = input;
  assert.equal(reconcile(untimed).counts.removedButPresent, 1);
});

test('positions in a snapshot are UTF-16, as in a payload', () => {
  const after = '{"records":[{"id":"1","phoneNumber":"+12025550100","usageType":"ContactCenterNumber","location":"Zürich 😀","status":7}]}';
  const r = reconcile({ log: '', after });
  const issue = r.after.errors[0];
  assert.equal(issue.code, 'snapshot-record');
  assert.equal(after.slice(issue.offset, issue.offset + issue.length), '7');
  const bytes = reconcile({ log: '', after: new TextEncoder().encode(after) });
  assert.deepStrictEqual(bytes.after.errors, r.after.errors);
});

test('a bad argument throws; a bad snapshot is a result', () => {
  const ok = { log: '', after: '{"records":[]}' };
  const throwsLike = (input, name, pattern, options) =>
    assert.throws(() => reconcile(input, options), (e) => e.name === name && pattern.test(e.message));
  throwsLike(undefined, 'TypeError', /one object/);
  throwsLike('text', 'TypeError', /one object/);
  throwsLike({ after: '' }, 'TypeError', /`log`/);
  throwsLike({ log: '' }, 'TypeError', /`after`/);
  throwsLike({ ...ok, before: null }, 'TypeError', /`before`.*left out/);
  throwsLike({ ...ok, log: [{}] }, 'TypeError', /`log`.*string/);
  throwsLike({ ...ok, aftre: '' }, 'TypeError', /unknown member `aftre`/);
  throwsLike({ ...ok, afterTime: 5 }, 'TypeError', /`afterTime`.*ISO 8601/);
  throwsLike({ ...ok, afterTime: '2023-02-30T00:00:00Z' }, 'RangeError', /`afterTime` is not an ISO 8601 instant/);
  throwsLike({ ...ok, afterTime: new Date(NaN) }, 'TypeError', /invalid Date/);
  throwsLike({ ...ok, get after() { throw new Error('no'); } }, 'TypeError', /`after`.*threw/);
  throwsLike(ok, 'TypeError', /unknown option `stict`/, { stict: true });
  throwsLike(ok, 'RangeError', /maxOutputBytes/, { maxOutputBytes: 0 });
  for (const after of ['', 'null', '[1]', '{"records":{}}', '\u0000', '['.repeat(100000)]) {
    const r = reconcile({ ...ok, after });
    assert.equal(r.after.valid, false, after.slice(0, 20));
    assert.ok(r.after.errors.length > 0);
  }
  // The module is still fine after all of that.
  assert.equal(reconcile(ok).compared, true);
});

test('maxInputBytes holds for each input, and maxOutputBytes bounds what is returned', () => {
  const r = reconcile({ log: '', after: '{"records":[]}'.padEnd(200) }, { maxInputBytes: 100 });
  assert.equal(r.after.errors[0].code, 'input-too-large');
  const records = Array.from({ length: 500 }, (_, i) =>
    `{"id":${100000 + i},"phoneNumber":"+1202555${String(i).padStart(4, '0')}","usageType":"ContactCenterNumber"}`);
  const big = reconcile({ log: '', after: `{"records":[${records.join(',')}]}` }, { maxOutputBytes: 5000, csv: true });
  assert.equal(big.counts.missedAdds, 500);
  assert.ok(big.findingsNotListed > 0 && big.outputTruncated);
  assert.ok(JSON.stringify(big.findings).length <= 5000);
  assert.ok(big.text.length <= 5000 && big.csv.length <= 5000);
});

test('redact masks the numbers a person reads and keeps the findings whole', () => {
  const quoted = /\+\d{7,}/;
  let seen = 0;
  for (const name of names) {
    const input = inputOf(name, forms.string);
    const plain = reconcile(input, { markdown: true, csv: true });
    const masked = reconcile(input, { markdown: true, csv: true, redact: true });
    if (quoted.test(plain.text)) seen += 1;
    for (const text of [masked.text, masked.markdown, masked.csv, ...masked.findings.map((f) => f.message)]) {
      assert.doesNotMatch(text, quoted, `${name}: ${text}`);
    }
    assert.deepStrictEqual(masked.counts, plain.counts, name);
    assert.deepStrictEqual(masked.findings.map((f) => f.phoneNumber), plain.findings.map((f) => f.phoneNumber), name);
  }
  assert.ok(seen > 0, 'no case quotes a number: the test would prove nothing');
});
