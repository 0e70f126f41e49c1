// What one entry point of the package loads, in a fresh process (spawned by run.mjs):
//   node bench/loaded-child.mjs <specifier> <sample.json> <list-file>
// Imports <specifier>, calls its `validate` once on the sample, and prints {"files": [...]}:
// every file of the import graph (ES modules through a resolve hook, CommonJS through
// require.cache) and every file read with fs while importing and calling (the .wasm). run.mjs
// keeps those under pkg/ and sums their gzip sizes: "the module that `validate` loads"
// (issue #12), whichever way a build splits it into files.
import fs from 'node:fs';
import { createRequire, register, syncBuiltinESMExports } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [specifier, samplePath, listFile] = process.argv.slice(2);
fs.writeFileSync(listFile, '');

// Module hooks run on their own thread in Node 20: they append each resolved URL to listFile.
const hooks = `
import { appendFileSync } from 'node:fs';
let list;
export async function initialize(data) { list = data.listFile; }
export async function resolve(spec, context, next) {
  const r = await next(spec, context);
  appendFileSync(list, r.url + '\\n');
  return r;
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`, import.meta.url, { data: { listFile } });

const read = new Set();
const note = (p) => {
  if (typeof p === 'string') read.add(p);
  else if (p instanceof URL) read.add(fileURLToPath(p));
};
for (const [obj, name] of [[fs, 'readFileSync'], [fs, 'readFile'], [fs.promises, 'readFile']]) {
  const orig = obj[name];
  obj[name] = function (p, ...rest) {
    note(p);
    return orig.call(this, p, ...rest);
  };
}
syncBuiltinESMExports(); // `import { readFileSync } from 'node:fs'` sees the wrapper too

const sample = fs.readFileSync(samplePath, 'utf8');
read.clear();
const mod = await import(specifier);
const r = mod.validate(sample);
if (typeof r?.valid !== 'boolean') throw new Error(`${specifier}: validate() gave no verdict`);

const files = new Set(read);
for (const line of fs.readFileSync(listFile, 'utf8').split('\n')) {
  if (line.startsWith('file:')) files.add(fileURLToPath(line));
}
for (const f of Object.keys(createRequire(pathToFileURL(samplePath)).cache)) files.add(f);
process.stdout.write(JSON.stringify({ files: [...files].map((f) => fs.realpathSync(f)) }) + '\n');
