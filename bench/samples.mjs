// Payloads for examples/calls.rs (instructions per validate call under callgrind): the first
// 40 of each defect kind of issue #12's invalid corpus, and the first 100 of each valid corpus,
// as { "<defect or corpus>": [payload, ...] }, from the same seeded streams as bench/corpus.mjs.
//   node bench/samples.mjs [out.json]      (default target/bench/samples.json)
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORPUS_COUNT, notifications } from './corpus.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = process.argv[2] ?? join(root, 'target', 'bench', 'samples.json');
const samples = {};
for (const { text, defect } of notifications({ count: CORPUS_COUNT, corpus: 'invalid' })) {
  const kind = (samples[defect] ??= []);
  if (kind.length < 40) kind.push(text);
}
for (const corpus of ['real', 'added-field', 'doc-sample']) {
  samples[corpus] = [...notifications({ count: 100, corpus })].map(({ text }) => text);
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(samples));
console.log(`wrote ${out}: ${Object.entries(samples).map(([k, v]) => `${k} ${v.length}`).join(', ')}`);
