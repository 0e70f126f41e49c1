// No leaks: a million calls of validate and summarize (good, bad and hostile inputs, thrown
// errors included) and the module's WebAssembly memory stops growing after warm-up.
// `memoryBytes` is a diagnostic export (src/js/wasm.rs), not part of the typed API.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { memoryBytes, parse, summarize, validate } from 'cc-number-events';

const fixture = (name) => readFileSync(new URL(`../fixtures/validate/${name}`, import.meta.url), 'utf8');
const VALID = fixture('webhook-created.json');
const INPUTS = [
  VALID,
  fixture('missing-uuid.json'),
  fixture('websocket-frame-updated.json'),
  '{"uuid": 1',
  '',
  '[[[[[[[[[[[[',
  VALID.replace('Washington, DC', 'Washington\ud800'),
  new TextEncoder().encode(VALID),
  Uint8Array.of(0xff, 0xfe, 0x00),
  '{"a":1,"a":2,"__proto__":3}',
];
const LOG = `${VALID}\n${VALID}\n{bad\n${fixture('missing-uuid.json')}`;
const PAGE = 65536;

function round(n) {
  for (let i = 0; i < n; i++) {
    validate(INPUTS[i % INPUTS.length]);
    if (i % 9 === 0) summarize(LOG, { markdown: i % 2 === 0, csv: i % 3 === 0 });
    if (i % 97 === 0) {
      try {
        parse(INPUTS[i % INPUTS.length]);
      } catch {
        // InvalidEventError: its issues cross the boundary too.
      }
      assert.throws(() => validate(42), TypeError);
      assert.throws(() => validate(VALID, { maxDepth: 0 }), RangeError);
    }
  }
}

test('a million calls: the WebAssembly memory stops growing after warm-up', () => {
  const start = memoryBytes();
  round(20_000); // warm-up: the allocator reaches its working size
  const warm = memoryBytes();
  const calls = 900_000;
  const t = performance.now();
  round(calls); // about 900k validate + 100k summarize + 9k parse and thrown errors
  const ms = performance.now() - t;
  const end = memoryBytes();
  console.log(
    `leak: ${calls} rounds in ${Math.round(ms)} ms; memory ${start / PAGE} pages at start, ` +
      `${warm / PAGE} after warm-up, ${end / PAGE} at the end (+${(end - warm) / PAGE} pages)`,
  );
  assert.equal(end - warm, 0, `grew by ${(end - warm) / PAGE} pages after warm-up`);
});

test('a large input does not make later calls of the same size grow the memory', () => {
  const big = `[${'{"uuid":"x"},'.repeat(200_000)}{}]`;
  summarize(big);
  validate(big);
  const after = memoryBytes();
  for (let i = 0; i < 5; i++) {
    summarize(big);
    validate(big);
  }
  assert.equal(memoryBytes(), after, 'repeating the same large call reuses the same memory');
});
