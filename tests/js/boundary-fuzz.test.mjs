// The boundary fuzz loop of `make fuzz` (fuzz/boundary.mjs), a few hundred fixed cases of it,
// so that every `make test` throws the same hostile inputs and options at the package.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { run } from '../../fuzz/boundary.mjs';

test('600 fixed boundary fuzz cases: only documented errors and shapes, a sound module after each', () => {
  for (const seed of [16, 1600]) {
    const r = run({ seed, iterations: 300 });
    assert.equal(r.cases, 300);
    console.log(`boundary fuzz: seed ${seed}: 300 cases; memory ${r.startMemory >> 16} -> ${r.endMemory >> 16} pages`);
  }
});
