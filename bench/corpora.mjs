// Issue #12's corpora, one per fresh process (spawned by run.mjs):
//   node bench/corpora.mjs <name> <corpus.ndjson> <log.ndjson> <runs> <minRunMs> <warmMs> [kept]
// prints one JSON object: the checks and the per-round samples of every contender.
//
// Each corpus alone: validate(string) against the plain ajv loop and the same-work ajv and zod,
// then summarize of its NDJSON log against the plain and the same-work ajv NDJSON loops. The
// counts every contender gives are held to the corpus's definition (CORPORA in corpus.mjs)
// after the timing; a contender that fails is reported as such, never with a speed.
//
// Why a process each, and the checks after the timing: V8 tenures what an allocation site (an
// object or array literal) makes once most of it outlived a young-generation collection, and
// never learns otherwise. Whatever a process kept before (the mixed corpus's tables; the checks,
// which keep every contender's results on the whole corpus) decided that for the contenders'
// sites, and moved every figure: the package's per call from 2.5 to 3.5 µs, ajv's same work from
// 4.7 to 6.7, zod's from 7.9 to 10.5, the plain loop's from 3.3 to 3.5 (bench/RESULTS.md,
// 2026-12-01). A fresh process, timed before it keeps anything, is the same start for every
// contender and corpus. `kept` times the other case on purpose: every contender's results on
// the whole corpus made first and kept through the timing, as a program that collects them
// would (run.mjs's second table).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { CORPORA } from './corpus.mjs';
import { logContenders, plainAjv, singleContenders } from './contenders.mjs';
import { eventsPerSecond } from './timing.mjs';

export const PKG_STR = 'cc-number-events validate(string)';
export const PKG_LOG = 'cc-number-events summarize(bytes)';
export const AJV_S = 'ajv 8 (JSON.parse+validate+change)';
export const ZOD_S = 'zod 4 (JSON.parse+safeParse+change)';
export const AJV_L = 'ajv 8 (split+parse+validate+change+agg)';
export const PLAIN_S = 'plain ajv loop (JSON.parse+schema+3 fields)';
export const PLAIN_L = 'plain ajv NDJSON loop';

async function measure(name, singlePath, logPath, RUNS, MIN_RUN_MS, WARM_MS, kept) {
  const spec = CORPORA[name];
  const sc = await singleContenders();
  const lc = await logContenders();
  const plain = plainAjv();
  const pkg = sc.pkg;
  const singles = { [PKG_STR]: sc[PKG_STR], [PLAIN_S]: plain.single, [AJV_S]: sc[AJV_S], [ZOD_S]: sc[ZOD_S] };
  const logsC = { [PKG_LOG]: lc[PKG_LOG], [PLAIN_L]: plain.log, [AJV_L]: lc[AJV_L] };
  const log = (...a) => console.error(...a);
  const texts = readFileSync(singlePath, 'utf8').split('\n').filter(Boolean);
  const buf = readFileSync(logPath);
  const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
  const text = buf.toString('utf8');
  const input = (n) => (n === PKG_LOG ? bytes : text);
  // With `kept` (bench/run.mjs's second table), every contender's results on the whole corpus
  // are made first and kept through the timing, as a program that collects them would.
  const keptResults = kept ? Object.values(singles).map((fn) => texts.map((t) => fn(t))) : null;
  // --- timing, first: warm-up, then RUNS rounds, each contender once per round, the order rotated
  // from round to round so that none is always first after the other's garbage. The warm-up
  // is timed, not counted: one pass is a tenth of a second for the fastest contenders, and V8
  // optimises hot code on background threads, which a loaded host starves.
  for (const fn of Object.values(singles)) {
    const t0 = performance.now();
    do for (const t of texts) fn(t); while (performance.now() - t0 < WARM_MS);
  }
  for (const [n, fn] of Object.entries(logsC)) fn(input(n));
  const sSamples = Object.fromEntries(Object.keys(singles).map((n) => [n, []]));
  const lSamples = Object.fromEntries(Object.keys(logsC).map((n) => [n, []]));
  const rotate = (xs, k) => [...xs.slice(k % xs.length), ...xs.slice(0, k % xs.length)];
  for (let run = 0; run < RUNS; run++) {
    for (const [n, fn] of rotate(Object.entries(singles), run)) sSamples[n].push(eventsPerSecond(fn, texts, MIN_RUN_MS));
    for (const [n, fn] of rotate(Object.entries(logsC), run)) {
      const inp = input(n);
      const t0 = performance.now();
      fn(inp);
      lSamples[n].push(buf.length / 1e6 / ((performance.now() - t0) / 1000));
    }
    log(`  ${name} run ${run + 1}/${RUNS}`);
  }
  const failures = []; // [contender, what]
  // --- checks, single
  const reports = texts.map((t) => pkg.validate(t));
  const agree = {};
  for (const [n, fn] of Object.entries(singles)) {
    const res = texts.map((t) => fn(t));
    const valid = res.filter((r) => r.valid).length;
    const want = spec.valid ? texts.length : 0;
    if (valid !== want) failures.push([n, `${valid} of ${texts.length} valid, ${want} expected`]);
    const verdictDiffs = res.filter((r, i) => r.valid !== reports[i].valid).length;
    // Same work: change records deep-equal to the package's; the plain loop: its three fields.
    const outDiffs = res.filter((r, i) => {
      const c = reports[i].change;
      if (!r.valid || !c) return r.valid !== Boolean(c);
      if (n === PLAIN_S) return r.summary.eventType.toLowerCase() !== c.action || r.summary.phoneNumber !== c.phoneNumber || String(r.summary.id) !== c.id;
      return !isDeepStrictEqual(r.change, c);
    }).length;
    if (outDiffs) failures.push([n, `${outDiffs} outputs differ from the package's change records`]);
    agree[n] = { valid, invalid: res.length - valid, verdictDiffs, outDiffs };
  }
  // The package's warnings are the corpus's (valid corpora), and every invalid report says why.
  const wantCodes = spec.warnings ? [...spec.warnings].sort().join(',') : null;
  const warnDiffs = reports.filter((r) => (spec.valid ? r.warnings.map((w) => w.code).sort().join(',') !== wantCodes : r.errors.length === 0)).length;
  if (warnDiffs) failures.push([PKG_STR, `${warnDiffs} reports ${spec.valid ? `without exactly the warnings ${wantCodes || '(none)'}` : 'without an error'}`]);
  agree[PKG_STR].warnings = reports.reduce((t, r) => t + r.warnings.length, 0);

  // --- checks, log
  const lines = text.split('\n').filter(Boolean).length;
  const logAgree = {};
  const s = pkg.summarize(bytes);
  for (const [n, fn] of Object.entries(logsC)) {
    logAgree[n] = n === PKG_LOG ? { valid: s.valid, invalid: s.events - s.valid, byEventType: s.byEventType } : fn(input(n));
  }
  const want = spec.valid ? lines : 0;
  for (const [n, a] of Object.entries(logAgree)) {
    if (a.valid !== want) failures.push([n, `${a.valid} of ${lines} lines valid, ${want} expected`]);
    if (!isDeepStrictEqual(a.byEventType, logAgree[PKG_LOG].byEventType)) failures.push([n, 'counts by eventType differ from summarize\'s']);
  }
  if (s.events !== lines) failures.push([PKG_LOG, `${s.events} items read from ${lines} lines`]);
  if (spec.valid && s.warnings !== lines * spec.warnings.length) failures.push([PKG_LOG, `${s.warnings} warnings, ${lines * spec.warnings.length} expected`]);

  return {
    count: texts.length, meanBytes: Math.round(texts.reduce((t, x) => t + x.length, 0) / texts.length),
    logMB: buf.length / 1e6, lines, summary: { valid: s.valid, events: s.events, warnings: s.warnings },
    agree, logAgree, failures, kept: keptResults ? keptResults.length : 0,
    samples: { single: sSamples, log: lSamples },
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [name, singlePath, logPath, runs, minRunMs, warmMs, mode] = process.argv.slice(2);
  const r = await measure(name, singlePath, logPath, Number(runs), Number(minRunMs), Number(warmMs), mode === 'kept');
  process.stdout.write(JSON.stringify(r) + '\n');
}
