// createSummarizer and summarizeStream through the npm package: every fixture log pushed in
// chunks (strings and bytes, multi-byte UTF-8 and surrogate pairs cut in two) gives
// summarize()'s summary; Node Readables, web ReadableStreams, async generators and arrays are
// read, with progress by bytes; misuse throws, bad data never does; memory is given back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { Readable } from 'node:stream';
import { createSummarizer, summarize, summarizeStream, memoryBytes } from 'cc-number-events';

const dir = new URL('../fixtures/summarize/', import.meta.url);
const logs = readdirSync(dir)
  .filter((n) => !n.endsWith('.rendered'))
  .map((n) => [n, readFileSync(new URL(n, dir))]);
const options = { markdown: true, csv: true };

const line = (uuid, time, location) =>
  `{"uuid":"${uuid}","event":"/restapi/v1.0/account/37439510/phone-number?usageType=ContactCenterNumber","timestamp":"${time}","subscriptionId":"9d38419f-645f-4ee3-a053-8cf1368c21c4","ownerId":"8475874957","body":{"eventType":"Updated","phoneNumberInfo":{"id":"987654321","phoneNumber":"+12024999741","usageType":"ContactCenterNumber","location":"${location}"}}}\n`;
// Two-, three- and four-byte characters (a surrogate pair in a JS string), and a broken line.
const unicode =
  line('1000000000000000001', '2023-04-18T10:00:00.000Z', 'Zürich 東京 🌍') +
  '{"uuid": "é🌍\n' +
  line('1000000000000000002', '2023-04-18T09:00:00.000Z', '🌍🌍 ñ');

const pushAll = (chunks, opts = options) => {
  const s = createSummarizer(opts);
  for (const c of chunks) s.push(c);
  return s.finish();
};
const cut = (x, size) => {
  const out = [];
  for (let i = 0; i < x.length; i += size) out.push(x.slice(i, i + size));
  return out;
};

test('every fixture log pushed as bytes cut at every point gives summarize()\'s summary', () => {
  for (const [name, bytes] of logs) {
    const whole = summarize(bytes, options);
    for (let k = 0; k <= bytes.length; k += 1 + (bytes.length >> 7)) {
      assert.deepEqual(pushAll([bytes.subarray(0, k), bytes.subarray(k)]), whole, `${name} at ${k}`);
    }
    assert.deepEqual(pushAll(cut(bytes, 1)), whole, `${name} byte by byte`);
  }
});

test('strings cut anywhere, inside surrogate pairs too, give the summary of the whole string', () => {
  for (const text of [unicode, ...logs.map(([, b]) => b.toString('utf8'))]) {
    const whole = summarize(text, options);
    for (let k = 0; k <= text.length; k++) {
      assert.deepEqual(pushAll([text.slice(0, k), text.slice(k)]), whole, `cut at ${k}`);
    }
  }
});

test('multi-byte UTF-8 split across byte chunks of every size reads as the whole', () => {
  const bytes = new TextEncoder().encode(unicode);
  const whole = summarize(bytes, options);
  assert.equal(whole.valid, 2);
  assert.equal(whole.invalid, 1);
  for (let size = 1; size <= 24; size++) {
    assert.deepEqual(pushAll(cut(bytes, size)), whole, `chunks of ${size}`);
  }
  // Strings and bytes mixed, and ArrayBuffers.
  const mixed = [unicode.slice(0, 50), bytes.slice(new TextEncoder().encode(unicode.slice(0, 50)).length).buffer];
  assert.deepEqual(pushAll(mixed), whole);
});

test('summarizeStream reads a Node Readable, a web ReadableStream, an async generator and an array', async () => {
  const [, bytes] = logs.find(([n]) => n === 'mixed-day.ndjson');
  const whole = summarize(bytes, options);
  const sources = {
    'Readable of Buffers': () => Readable.from(cut(bytes, 100)),
    'Readable of strings': () => Readable.from(cut(bytes, 100)).setEncoding('utf8'),
    'ReadableStream': () => new ReadableStream({
      start(c) {
        for (const chunk of cut(bytes, 333)) c.enqueue(new Uint8Array(chunk));
        c.close();
      },
    }),
    'async generator': () => (async function* () {
      for (const chunk of cut(bytes.toString('utf8'), 50)) yield chunk;
    })(),
    'array': () => cut(bytes, 1000),
  };
  for (const [name, source] of Object.entries(sources)) {
    const seen = [];
    const s = await summarizeStream(source(), { ...options, onProgress: (p) => seen.push(p.bytes) });
    assert.deepEqual(s, whole, name);
    assert.equal(seen.at(-1), bytes.length, `${name}: progress ends at the log's size`);
    assert.ok(seen.every((b, i) => i === 0 || b >= seen[i - 1]), `${name}: progress only grows`);
  }
});

test('options: the size options work, and bad ones throw as summarize\'s do', async () => {
  const [, bytes] = logs.find(([n]) => n === 'mixed-day.ndjson');
  const s = pushAll([bytes], { timelines: false, changedOnly: true, lastEntries: 1 });
  assert.deepEqual(s, summarize(bytes, { timelines: false, changedOnly: true, lastEntries: 1 }));
  assert.ok(s.numbers.every((n) => n.timeline.length === 0 && n.entriesNotListed > 0));
  assert.equal(summarize(bytes, { lastEntries: 1 }).numbers.every((n) => n.timeline.length <= 1), true);
  assert.throws(() => createSummarizer({ timeline: false }), { name: 'TypeError', message: /did you mean `timelines`/ });
  assert.throws(() => createSummarizer({ lastEntries: 0 }), RangeError);
  assert.throws(() => createSummarizer({ changedOnly: 'yes' }), TypeError);
  assert.throws(() => createSummarizer({ onProgress() {} }), TypeError);
  await assert.rejects(summarizeStream([], { onProgress: 3 }), TypeError);
  await assert.rejects(summarizeStream([], { maxItems: -1 }), RangeError);
  await assert.rejects(summarizeStream(42), TypeError);
  await assert.rejects(summarizeStream(null), TypeError);
});

test('bad data never throws; misuse does', async () => {
  const s = createSummarizer();
  s.push(new Uint8Array([0xff, 0xfe, 0, 1]));
  s.push('\ud800 lone');
  s.push(new ArrayBuffer(3));
  assert.throws(() => s.push(42), TypeError);
  assert.throws(() => s.push(null), TypeError);
  const summary = s.finish();
  assert.equal(summary.problems[0].issues[0].code, 'utf16-encoding');
  assert.throws(() => s.push('x'), /closed/);
  assert.throws(() => s.finish(), /closed/);
  s.free();
  // A source that fails rejects with its own error, and the summarizer is freed.
  const failing = (async function* () {
    yield '{}\n';
    throw new Error('disk on fire');
  })();
  await assert.rejects(summarizeStream(failing), /disk on fire/);
  // An item longer than maxInputBytes stops reading with a problem, never a trap.
  const long = pushAll(['{"a": "', 'x'.repeat(5000), '"}\n{}\n'], { maxInputBytes: 1000 });
  assert.equal(long.problems.at(-1).issues[0].code, 'input-too-large');
  assert.equal(long.limitReached, true);
});

test('a summarizer keeps no text: memory grows with the items, not with their size', () => {
  // 45 MB of distinct events with 1.5 KB of location each: what the summary keeps of them is
  // their uuids, times and a few integers, about a hundred bytes an event.
  const events = 30_000;
  const pad = 'x'.repeat(1500);
  const before = memoryBytes();
  const s = createSummarizer({ timelines: false, maxItems: 1e9 });
  let size = 0;
  for (let i = 0; i < events / 100; i++) {
    const chunk = [];
    for (let j = 0; j < 100; j++) {
      chunk.push(line(String(1000000000000000000n + BigInt(i * 100 + j)), '2023-04-18T10:00:00.000Z', pad));
    }
    const block = Buffer.from(chunk.join(''));
    size += block.length;
    s.push(block);
  }
  const summary = s.finish();
  const grown = memoryBytes() - before;
  assert.equal(summary.valid, events);
  assert.ok(grown < size / 6, `memory grew ${grown} bytes for a ${size}-byte log`);
});

test('many summarizers opened and freed leave memory where it was', () => {
  const [, bytes] = logs.find(([n]) => n === 'mixed-day.ndjson');
  for (let i = 0; i < 50; i++) pushAll([bytes]);
  const before = memoryBytes();
  for (let i = 0; i < 500; i++) {
    const s = createSummarizer();
    s.push(bytes);
    if (i % 2) s.finish();
    else s.free();
  }
  assert.equal(memoryBytes(), before);
});
