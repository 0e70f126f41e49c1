// One start-up measurement in a fresh process (spawned by run.mjs):
//   node bench/startup-child.mjs <pkg|ajv|zod> <sample.json> [specifier]
// (`specifier`: the package entry `pkg` imports, `cc-number-events` unless given, e.g.
// a validate-only entry.)
// Prints {"ms": ...}: import + instantiate/compile + first call, from the first line of
// this module (performance.now() counts from process start; node's own boot is excluded
// and reported separately as `sinceProcessStart`).
import { readFileSync } from 'node:fs';

const t0 = performance.now();
const which = process.argv[2];
const sample = readFileSync(process.argv[3], 'utf8');
let valid;
let importMs;
if (which === 'pkg') {
  const { validate } = await import(process.argv[4] ?? 'cc-number-events');
  importMs = performance.now() - t0; // glue + readFileSync + WebAssembly.Module + Instance
  valid = validate(sample).valid;
} else if (which === 'ajv') {
  const [{ default: Ajv }, { default: addFormats }, { jsonSchema }, { changeOf }] = await Promise.all([
    import('ajv'), import('ajv-formats'), import('./schema.mjs'), import('./change.mjs'),
  ]);
  const ajv = new Ajv({ allErrors: true });
  addFormats(ajv, ['date-time']);
  const check = ajv.compile(jsonSchema);
  const doc = JSON.parse(sample);
  valid = check(doc);
  if (valid) changeOf(doc);
} else if (which === 'zod') {
  const [{ makeZodSchema }, { changeOf }] = await Promise.all([import('./zod-schema.mjs'), import('./change.mjs')]);
  const r = makeZodSchema().safeParse(JSON.parse(sample));
  valid = r.success;
  if (valid) changeOf(r.data);
} else if (which === 'none') {
  valid = true;
} else {
  throw new Error(`unknown contender ${which}`);
}
const t1 = performance.now();
process.stdout.write(JSON.stringify({ ms: t1 - t0, importMs, sinceProcessStart: t1, valid }) + '\n');
