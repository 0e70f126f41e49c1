// Issue 16's guarantees through the package, with figures: each `scale` case of the hostile
// catalog (tests/hostile/catalog.json) runs at n and 10n items in a fresh Node process (a
// WebAssembly memory never shrinks, so each case needs its own to be measured): the time
// ratio, everything summarize() returns over the input's size, and how much the module's
// memory grew per input byte (`wasmMemoryPerInput`), each within the case's `bounds`. Then the cases only a
// JavaScript string can hold: lone surrogates spread over a log.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { catalog, scaled } from '../common/catalog.mjs';

const child = process.argv.indexOf('--child');
if (child !== -1) {
  // In the child: measure one case and print its figures as JSON.
  const { memoryBytes, summarize, validate } = await import('cc-number-events');
  const c = catalog.cases[Number(process.argv[child + 1])];
  const options = c.summaryOptions ?? c.options;
  const once = (input) => {
    // Each run starts from a collected heap, so that a collection of the last run's garbage
    // is not timed against this one.
    globalThis.gc();
    const t = performance.now();
    validate(input, c.options);
    const out = summarize(input, options);
    return { ms: performance.now() - t, out };
  };
  // Warm up the module on a small log, so its first growth is not counted against the case.
  summarize(scaled(c, 10), options);
  const small = scaled(c, c.scale.n);
  const large = scaled(c, c.scale.n * c.scale.factor);
  const before = memoryBytes();
  // Runs alternate (seven small, five large), and each size keeps its median: a busy moment
  // on a shared machine or a collection then moves neither, and a cache-lucky small run does
  // not set the pace.
  const smallRuns = [];
  const largeRuns = [];
  let out;
  let afterSecond;
  for (let i = 0; i < 7; i++) {
    smallRuns.push(once(small).ms);
    if (i < 5) {
      const run = once(large);
      largeRuns.push(run.ms);
      out = run.out;
      if (largeRuns.length === 2) afterSecond = memoryBytes();
    }
  }
  const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
  const smallMs = median(smallRuns);
  const largeMs = median(largeRuns);
  const bytes = Buffer.byteLength(large);
  process.stdout.write(JSON.stringify({
    smallMs,
    largeMs,
    bytes,
    output: JSON.stringify(out).length,
    outputTruncated: out.outputTruncated,
    memoryGrowth: memoryBytes() - before,
    // Later calls reuse what the first two took (the allocator settles after two).
    laterGrowth: memoryBytes() - afterSecond,
    // The module still answers a small call correctly.
    stillValid: validate(catalog.bases.webhook).valid,
    prototypeKeys: Object.getOwnPropertyNames(Object.prototype).length,
  }));
  process.exit(0);
}

const self = fileURLToPath(import.meta.url);
const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).length;
const MiB = 1 << 20;

describe('inputs past the hard input limit', () => {
  test('a 1.1 GB buffer is refused before it is copied, whatever maxInputBytes asks', async () => {
    const { memoryBytes, summarize, validate } = await import('cc-number-events');
    // Zeroed pages are not touched until written: this costs no real memory.
    const huge = new Uint8Array(1_100_000_000);
    validate('{}');
    const before = memoryBytes();
    for (const [call, options] of [[validate, { maxInputBytes: 4e9 }], [summarize, { maxInputBytes: 4e9 }]]) {
      const r = call(huge, options);
      const issue = (r.errors ?? r.problems[0].issues)[0];
      assert.equal(issue.code, 'input-too-large');
      assert.match(issue.message, /1073741824/);
    }
    assert.equal(memoryBytes(), before, 'nothing was copied');
  });
});

describe('issue 16 cases at n and 10n through the package', () => {
  catalog.cases.forEach((c, index) => {
    if (!c.scale) return;
    test(c.name, () => {
      const measure = () => JSON.parse(execFileSync(process.execPath, ['--expose-gc', self, '--child', String(index)], {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      }));
      // A time over its bound is measured again, up to three times in all, and fails only if
      // it is over every time: this machine is shared, and what the bound catches (quadratic
      // work) is over every time.
      let f = measure();
      for (let again = 0; again < 2 && f.largeMs / Math.max(f.smallMs, 5) > c.bounds.timeRatio; again++) f = measure();
      // Below a few milliseconds the clock's noise is the figure: count those as 5 ms.
      const ratio = f.largeMs / Math.max(f.smallMs, 5);
      const outPerByte = Math.max(0, f.output - 4 * MiB) / f.bytes;
      // The module's heap starts with a few MiB it keeps for any call; count what is past it.
      const memPerByte = Math.max(0, f.memoryGrowth - 16 * MiB) / f.bytes;
      const figures = `${c.name}: ${f.smallMs.toFixed(1)} ms, 10n ${f.largeMs.toFixed(1)} ms (${ratio.toFixed(1)}x); ` +
        `${f.bytes} bytes in, ${f.output} out (${outPerByte.toFixed(2)} per byte past 4 MiB); ` +
        `memory +${f.memoryGrowth} (${memPerByte.toFixed(2)} per byte past 16 MiB)`;
      console.log(figures);
      assert.ok(ratio <= c.bounds.timeRatio, figures);
      assert.ok(outPerByte <= c.bounds.outputPerInput, figures);
      assert.ok(memPerByte <= c.bounds.wasmMemoryPerInput, figures);
      assert.equal(f.laterGrowth, 0, `${figures}; three more calls grew it by ${f.laterGrowth}`);
      assert.equal(f.stillValid, true, figures);
      assert.equal(f.prototypeKeys, PROTOTYPE_KEYS, 'Object.prototype untouched');
    });
  });
});
