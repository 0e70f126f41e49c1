// The object routes on their own (issue #11, item 4): validate() of an already-parsed object and
// summarize() of an array of them, against ajv on the same objects in the same process, round
// robin (noise hits everyone alike). `--baseline DIR` adds another build's pkg/ (e.g. main's),
// run in the same rounds, for a change's before and after.
//
//   node bench/objects.mjs [--runs N] [--baseline DIR]
//
// The objects are bench/corpus.mjs's notifications (seed 20230418), JSON.parse'd once before
// timing; `clean` is the part of them with nothing to report (one warning: what a parsed value
// hides), which validate() and summarize() read by name, without a tree. summarize() is given
// arrays of 100, the ajv loop the same arrays (validate + change record per item).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { changeOf } from './change.mjs';
import { makeAjv } from './contenders.mjs';
import { DEFAULT_COUNT, DEFAULT_SEED, makeCorpus } from './corpus.mjs';
import { eventsPerSecond, median } from './timing.mjs';

const argv = process.argv.slice(2);
const arg = (f) => (argv.includes(f) ? argv[argv.indexOf(f) + 1] : undefined);
const RUNS = Number(arg('--runs') ?? 5);
const MIN_RUN_MS = 400;
const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const dirs = { pkg: join(ROOT, 'pkg') };
if (arg('--baseline')) dirs.baseline = arg('--baseline');

const { texts } = makeCorpus({ seed: DEFAULT_SEED, count: DEFAULT_COUNT });
const objects = texts.map((t) => JSON.parse(t));
const packages = {};
for (const [name, dir] of Object.entries(dirs)) packages[name] = await import(join(dir, 'node', 'index.mjs'));
const clean = objects.filter((o) => {
  const r = packages.pkg.validate(o);
  return r.valid && r.warnings.length === 1;
});
const hundreds = (xs) => Array.from({ length: Math.ceil(xs.length / 100) }, (_, i) => xs.slice(i * 100, i * 100 + 100));
const sets = { all: objects, clean };
const arrays = { all: hundreds(objects), clean: hundreds(clean) };

const ajv = makeAjv();
const ajvOne = (doc) => (ajv(doc) ? changeOf(doc) : ajv.errors);
// Each case: items per second, from a function of one input and the inputs.
const cases = {};
for (const set of Object.keys(sets)) {
  cases[`ajv validate+change (${set})`] = [ajvOne, sets[set], 1];
  cases[`ajv loop over arrays of 100 (${set})`] = [(a) => { for (const o of a) ajvOne(o); }, arrays[set], 100];
  for (const [name, p] of Object.entries(packages)) {
    cases[`${name} validate(object) (${set})`] = [(o) => p.validate(o), sets[set], 1];
    cases[`${name} summarize(array of 100) (${set})`] = [(a) => p.summarize(a), arrays[set], 100];
  }
}
const rate = ([fn, inputs, per]) => eventsPerSecond(fn, inputs, MIN_RUN_MS) * per;
for (const c of Object.values(cases)) rate(c);
const samples = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (let run = 0; run < RUNS; run++) {
  for (const [k, c] of Object.entries(cases)) samples[k].push(rate(c));
  process.stderr.write(`  run ${run + 1}/${RUNS}\n`);
}
const m = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));

console.log(`objects: ${objects.length} (${clean.length} clean); runs: ${RUNS}; medians\n`);
console.log(`| case | items/s | ÷ ajv${dirs.baseline ? ' | ÷ baseline' : ''} |`);
console.log(`|---|---:|---:|${dirs.baseline ? '---:|' : ''}`);
for (const set of Object.keys(sets)) {
  for (const what of ['validate(object)', 'summarize(array of 100)']) {
    const ajvKey = what.startsWith('validate') ? `ajv validate+change (${set})` : `ajv loop over arrays of 100 (${set})`;
    for (const name of Object.keys(packages)) {
      const k = `${name} ${what} (${set})`;
      const vsBase = dirs.baseline && name === 'pkg' ? ` | ${(m[k] / m[`baseline ${what} (${set})`]).toFixed(2)}x` : (dirs.baseline ? ' | ' : '');
      console.log(`| ${k} | ${Math.round(m[k])} | ${(m[k] / m[ajvKey]).toFixed(2)}x${vsBase} |`);
    }
  }
}
