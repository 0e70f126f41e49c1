#!/usr/bin/env node
// Names a module's functions for `wasm-opt --reorder-functions-by-name` so that each one
// lands next to the one gzip compresses best after it:
//   node scripts/order-functions.mjs module.wasm
// rewrites the module's name section in place: function k of the order is named by k in
// fixed width. The module must carry a name section (wasm-opt -g keeps it); the Makefile
// strips the names once the functions are in place.
//
// Why: gzip looks back 32 KB for repeats. Ordered by name, a module's functions sit near
// their siblings; ordered so, near the code that most resembles them wherever it comes
// from (the same serde shapes, the same drop glue, the same error paths). The order is
// greedy: from the first function by name, each next one is the function that the deflate
// of the last 32 KB of code, as a preset dictionary, writes in the fewest bytes beyond what
// it costs alone. Deterministic for a given module.
import { readFileSync, writeFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';

const file = process.argv[2];
const wasm = readFileSync(file);

function leb(b, i) {
  let r = 0;
  let s = 0;
  for (;;) {
    const x = b[i++];
    r += (x & 0x7f) * 2 ** s;
    s += 7;
    if (x < 0x80) return [r, i];
  }
}
function uleb(n) {
  const out = [];
  do {
    let x = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) x |= 0x80;
    out.push(x);
  } while (n);
  return Buffer.from(out);
}

// Sections: the imported functions (they come first in the index space), the bodies, the names.
let imported = 0;
const bodies = [];
let nameSection = null;
for (let i = 8; i < wasm.length;) {
  const start = i;
  const id = wasm[i++];
  const [size, at] = leb(wasm, i);
  const end = at + size;
  if (id === 2) {
    let [n, j] = leb(wasm, at);
    for (; n > 0; n--) {
      let l;
      [l, j] = leb(wasm, j);
      j += l;
      [l, j] = leb(wasm, j);
      j += l;
      const kind = wasm[j++];
      if (kind === 0) {
        imported++;
        [, j] = leb(wasm, j);
      } else if (kind === 1) {
        j++;
        let flags;
        [flags, j] = leb(wasm, j);
        [, j] = leb(wasm, j);
        if (flags & 1) [, j] = leb(wasm, j);
      } else if (kind === 2) {
        let flags;
        [flags, j] = leb(wasm, j);
        [, j] = leb(wasm, j);
        if (flags & 1) [, j] = leb(wasm, j);
      } else if (kind === 3) {
        j += 2;
      } else {
        throw new Error(`order-functions: import kind ${kind} not known`);
      }
    }
  } else if (id === 10) {
    let [n, j] = leb(wasm, at);
    for (; n > 0; n--) {
      let l;
      [l, j] = leb(wasm, j);
      bodies.push(wasm.subarray(j, j + l));
      j += l;
    }
  } else if (id === 0) {
    const [l, j] = leb(wasm, at);
    if (wasm.toString('utf8', j, j + l) === 'name') nameSection = { start, from: j + l, end };
  }
  i = end;
}
if (!nameSection) throw new Error(`order-functions: ${file} has no name section`);

// The names of the defined functions (subsection 1), by index.
const names = new Map();
for (let j = nameSection.from; j < nameSection.end;) {
  const sub = wasm[j++];
  let size;
  [size, j] = leb(wasm, j);
  const end = j + size;
  if (sub === 1) {
    let [n, k] = leb(wasm, j);
    for (; n > 0; n--) {
      let idx;
      let l;
      [idx, k] = leb(wasm, k);
      [l, k] = leb(wasm, k);
      names.set(idx, wasm.toString('utf8', k, k + l));
      k += l;
    }
  }
  j = end;
}

// The greedy order.
const WINDOW = 32 * 1024;
const deflated = (b, dictionary) => deflateRawSync(b, dictionary ? { level: 9, dictionary } : { level: 9 }).length;
const alone = bodies.map((b) => deflated(b));
const byName = bodies.map((_, k) => k).sort((a, b) => {
  const x = names.get(imported + a) ?? '';
  const y = names.get(imported + b) ?? '';
  return x < y ? -1 : x > y ? 1 : a - b;
});
const order = [byName[0]];
const left = new Set(byName.slice(1));
let tail = Buffer.from(bodies[byName[0]]);
while (left.size > 0) {
  const dictionary = tail.subarray(Math.max(0, tail.length - WINDOW));
  let best = -1;
  let bestCost = Infinity;
  for (const k of left) {
    const cost = deflated(bodies[k], dictionary) - alone[k];
    if (cost < bestCost) {
      bestCost = cost;
      best = k;
    }
  }
  order.push(best);
  left.delete(best);
  tail = Buffer.concat([dictionary, bodies[best]]);
}

// The new name section: its function names only (wasm-opt -g writes the others again).
const width = String(order.length).length;
const entries = order
  .map((k, rank) => [imported + k, String(rank).padStart(width, '0')])
  .sort((a, b) => a[0] - b[0])
  .map(([idx, name]) => Buffer.concat([uleb(idx), uleb(name.length), Buffer.from(name)]));
const functionNames = Buffer.concat([uleb(entries.length), ...entries]);
const content = Buffer.concat([uleb(4), Buffer.from('name'), Buffer.from([1]), uleb(functionNames.length), functionNames]);
const out = Buffer.concat([
  wasm.subarray(0, nameSection.start),
  Buffer.from([0]),
  uleb(content.length),
  content,
  wasm.subarray(nameSection.end),
]);
writeFileSync(file, out);
