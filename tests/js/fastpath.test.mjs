// validate() builds reports from string slices instead of JSON: valid ones and invalid ones
// (src/js/assemble.js `assemble`, from src/js/encode.rs `Encoded`); every other value,
// summaries included, is built from tokens. These tests hold those paths to
// exactly what the JSON path makes: same keys, same order, same values, for every fixture and
// every line of the bench-like logs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { listCases, textOf } from '../common/golden.mjs';

const { validate, reportJson, summarize, summaryJson, createSummarizer } = createRequire(import.meta.url)('cc-number-events');
const fixtures = new URL('../fixtures/', import.meta.url);

function sameAsJsonPath(input, options) {
  const fast = validate(input, options);
  const slow = JSON.parse(reportJson(input, options));
  assert.equal(JSON.stringify(fast), JSON.stringify(slow));
  assert.deepStrictEqual(fast, slow);
  return fast;
}

test('every validate fixture gives the same report through the fast path as through JSON', async () => {
  let assembled = 0;
  let invalid = 0;
  for (const c of await listCases(new URL('validate/', fixtures).pathname)) {
    for (const options of [{ strict: false }, { strict: true }, { maxIssues: 1 }]) {
      const r = sameAsJsonPath(c.bytes, options);
      const text = textOf(c.bytes);
      if (text !== null) sameAsJsonPath(text, options);
      if (r.valid && r.warnings.length === 0) assembled++;
      if (!r.valid) invalid++;
    }
  }
  // The fast paths must really run, not only the JSON fallback.
  assert.ok(assembled >= 20, `only ${assembled} fixtures took the fast path`);
  assert.ok(invalid >= 100, `only ${invalid} invalid reports were assembled`);
});

test('every line of the summarize fixtures gives the same report both ways', () => {
  for (const name of ['mixed-day.ndjson', 'concatenated-pretty.txt']) {
    const text = readFileSync(new URL(`summarize/${name}`, fixtures), 'utf8');
    for (const line of text.split('\n').filter((l) => l.trim() !== '')) sameAsJsonPath(line);
  }
});

test('non-ASCII values are sliced by UTF-16 length', () => {
  const base = JSON.parse(readFileSync(new URL('validate/webhook-created.json', fixtures), 'utf8'));
  base.body.phoneNumberInfo.location = 'Zürich 🇨🇭, “quoted” \\ \n tab\t';
  base.body.phoneNumberInfo.contactCenterProvider.name = 'Ünïcødé 😀 provider';
  const r = sameAsJsonPath(JSON.stringify(base, null, 2));
  assert.equal(r.valid, true);
  assert.equal(r.event.body.phoneNumberInfo.location, 'Zürich 🇨🇭, “quoted” \\ \n tab\t');
  assert.equal(r.change.provider.name, 'Ünïcødé 😀 provider');
  assert.match(r.change.sentence, /Zürich 🇨🇭/);
});

test('optional fields left out are absent keys on both paths', () => {
  const base = JSON.parse(readFileSync(new URL('validate/webhook-created.json', fixtures), 'utf8'));
  const info = base.body.phoneNumberInfo;
  for (const drop of ['uri', 'paymentType', 'location', 'type', 'usageType', 'status', 'contactCenterProvider']) {
    const copy = structuredClone(base);
    delete copy.body.phoneNumberInfo[drop];
    const r = sameAsJsonPath(JSON.stringify(copy));
    assert.equal(drop in r.event.body.phoneNumberInfo, false, drop);
  }
  const noName = structuredClone(base);
  delete noName.body.phoneNumberInfo.contactCenterProvider.name;
  assert.deepEqual(sameAsJsonPath(JSON.stringify(noName)).change.provider, { id: info.contactCenterProvider.id });
  const emptyProvider = structuredClone(base);
  emptyProvider.body.phoneNumberInfo.contactCenterProvider = {};
  assert.deepEqual(sameAsJsonPath(JSON.stringify(emptyProvider)).event.body.phoneNumberInfo.contactCenterProvider, {});
});

test('clean non-ASCII notifications, as strings and as bytes, are sliced by UTF-16 offsets', () => {
  const base = JSON.parse(readFileSync(new URL('validate/webhook-created.json', fixtures), 'utf8'));
  const info = base.body.phoneNumberInfo;
  info.location = 'São Paulo — 東京 🇧🇷 Zürich';
  info.contactCenterProvider.name = 'Ünïcødé 😀 provider';
  // Non-ASCII text first, so that every later value sits at a UTF-16 offset that differs from
  // its byte offset; compact and indented.
  const moved = { body: base.body, ...base };
  for (const text of [JSON.stringify(moved), JSON.stringify(moved, null, 2)]) {
    for (const input of [text, new TextEncoder().encode(text)]) {
      const r = sameAsJsonPath(input);
      assert.equal(r.valid, true);
      assert.equal(r.event.uuid, base.uuid);
      assert.equal(r.event.body.phoneNumberInfo.location, info.location);
      assert.equal(r.change.provider.name, info.contactCenterProvider.name);
      assert.match(r.change.sentence, /São Paulo — 東京 🇧🇷 Zürich.*“Ünïcødé 😀 provider”/);
    }
  }
});

test('a clean string whose UTF-8 is over maxInputBytes is refused although its length is not', () => {
  const base = JSON.parse(readFileSync(new URL('validate/webhook-created.json', fixtures), 'utf8'));
  base.body.phoneNumberInfo.location = '東京'.repeat(100);
  const text = JSON.stringify(base);
  const bytes = new TextEncoder().encode(text).length;
  const r = validate(text, { maxInputBytes: text.length + (bytes - text.length) / 2 });
  assert.equal(r.valid, false);
  assert.equal(r.errors[0].code, 'input-too-large');
  assert.equal(validate(text, { maxInputBytes: bytes }).valid, true);
});

// summarize() sends a summary's timelines in a layout of their own (src/output/numbers.rs, read
// by numbersOf in assemble.js); the streaming summarizer still sends the whole summary as serde
// tokens. Two routes across the boundary, so each is checked against the other, option by option.
test('every summarize fixture gives the same summary through its numbers layout as through serde tokens', () => {
  const dir = new URL('summarize/', fixtures);
  const names = readdirSync(dir).filter((n) => !n.endsWith('.rendered'));
  assert.ok(names.length >= 4);
  for (const name of names) {
    const bytes = readFileSync(new URL(name, dir));
    for (const options of [undefined, { markdown: true, csv: true }, { strict: true, maxIssues: 1 }, { lastEntries: 1, maxOutputBytes: 600 }]) {
      const fromNumbers = summarize(bytes, options);
      const s = createSummarizer(options);
      s.push(bytes);
      const fromTokens = s.finish();
      assert.equal(JSON.stringify(fromNumbers), JSON.stringify(fromTokens), name);
      assert.deepStrictEqual(fromNumbers, fromTokens);
      assert.deepStrictEqual(JSON.parse(summaryJson(bytes, options)), fromNumbers);
    }
  }
});

test('text past the BMP, control characters and warnings cross exactly as tokens', () => {
  const base = JSON.parse(readFileSync(new URL('validate/webhook-created.json', fixtures), 'utf8'));
  base.body.phoneNumberInfo.location = 'Zürich 🇨🇭 \u0000 "quoted"';
  // An unknown member makes the report valid with warnings, which crosses as tokens.
  base.body.phoneNumberInfo.__proto__extra = 1;
  const line = JSON.stringify(base);
  const log = Array.from({ length: 3 }, () => line).join('\n');
  const fromNumbers = summarize(log);
  const streamed = createSummarizer();
  streamed.push(log);
  assert.deepStrictEqual(fromNumbers, streamed.finish());
  assert.equal(fromNumbers.duplicates, 2);
  const report = sameAsJsonPath(line);
  assert.ok(report.warnings.length > 0);
  assert.equal(report.event.body.phoneNumberInfo.location, base.body.phoneNumberInfo.location);
});

test('warned notifications (an added member, the doc sample) cross from slices, as JSON would', () => {
  const base = JSON.parse(readFileSync(new URL('validate/webhook-created.json', fixtures), 'utf8'));
  const info = base.body.phoneNumberInfo;
  info.location = 'Zürich 🇨🇭';
  info.tollType = 'Toll';
  info.contactCenterProvider.label = 'Ünïcødé 😀';
  const added = JSON.stringify(base);
  const doc = readFileSync(new URL('validate/doc-sample.json', fixtures), 'utf8');
  for (const text of [added, JSON.stringify(base, null, 2), doc]) {
    for (const input of [text, new TextEncoder().encode(text)]) {
      for (const options of [{}, { maxIssues: 1 }, { strict: true }]) {
        const r = sameAsJsonPath(input, options);
        assert.equal(r.valid, !options.strict || text === doc);
      }
    }
  }
  const r = validate(added);
  // In the order of the text: tollType was added after the provider.
  assert.deepEqual(r.warnings.map((w) => w.path), [
    '/body/phoneNumberInfo/contactCenterProvider/label',
    '/body/phoneNumberInfo/tollType',
  ]);
  assert.equal(r.event.body.phoneNumberInfo.location, 'Zürich 🇨🇭');
});
