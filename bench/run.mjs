#!/usr/bin/env node
// Benchmark of cc-number-events against ajv 8, zod 4 and bare JSON.parse (issue #5).
// `make bench` runs it after `make build`. See bench/README.md.
//
//   node bench/run.mjs [--record] [--runs N] [--quick] [--skip-native] [--skip-startup]
//                      [--corpora-only] [--validate-entry SPEC]
//
//   --record       append a dated entry (machine, table, profile) to bench/RESULTS.md
//   --runs N       timed runs per case (default 5; the 50 MB log uses min(N, 3))
//   --quick        --runs 3, shorter runs; for checking the script, not for numbers
//   --skip-native  do not run `cargo bench --bench native`
//   --skip-startup do not spawn the start-up child processes
//   --corpora-only only issue #12's corpora table, start-up, sizes and the issue #12 targets
//   --validate-entry SPEC  the package entry a validate-only webhook handler imports (default:
//                  `cc-number-events/validate` when pkg/package.json exports it, else the package)

import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { gzipSync } from 'node:zlib';
import { CORPORA, DEFAULT_COUNT, DEFAULT_SEED, LOG_SIZES, writeCorpus } from './corpus.mjs';
import { logContenders, singleContenders } from './contenders.mjs';
import { AJV_L, AJV_S, PKG_LOG, PKG_STR, PLAIN_L, PLAIN_S, ZOD_S } from './corpora.mjs';

const PKG_VALIDATE_STR = 'cc-number-events/validate validate(string)';
import { eventsPerSecond, median } from './timing.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const OUT = join(ROOT, 'target', 'bench');
const argv = process.argv.slice(2);
const flag = (f) => argv.includes(f);
const QUICK = flag('--quick');
// Only issue #12's corpora, start-up and sizes: the mixed corpus's tables, the profile and the
// native core are left out (for rerunning the issue's targets in about two minutes).
const CORPORA_ONLY = flag('--corpora-only');
const runsArg = argv.includes('--runs') ? Number(argv[argv.indexOf('--runs') + 1]) : NaN;
const RUNS = runsArg >= 1 ? Math.floor(runsArg) : QUICK ? 3 : 5;
const MIN_RUN_MS = QUICK ? 200 : 500; // a single-notification run repeats the corpus this long
const WARM_MS = QUICK ? 300 : 1500; // issue #12's corpora: each contender's warm-up on each
const STARTUP_RUNS = QUICK ? 3 : 7;

const PKG_BYTES = 'cc-number-events validate(bytes)';
// Contenders given the corpus as objects, JSON.parse'd once before timing.
const ON_OBJECTS = new Set(['cc-number-events validate(object)', 'cc-number-events validate(JSON.stringify(object))', 'ajv 8 (validate+change, object)']);
const TARGETS = { singleVsAjv: 1.5, logVsAjv: 3, gzipKB: 60, startupMs: 15 };
// Issue #12: against the plain ajv loop (plainAjv() in contenders.mjs), on its corpora.
const TARGETS12 = { validateVsPlain: 1.5, invalidVsPlain: 1.0, summarizeVsPlain: 1.5, validateModuleGzipKB: 60, startupMs: 15 };
// What `import('cc-number-events')` loaded in Node when issue #12's work began (main at
// d8989e3, measured by loadedSize() below: .wasm + glue + snippets + index.mjs, each gzip -9),
// which the issue asks the full module not to exceed. (The issue's own 85 KB is from before
// the streaming, reconcile and parsed-object work.)
const FULL_MODULE_GZIP_BEFORE = 177_190;
// The package's entry for a webhook handler that only validates: a `./validate` export when the
// package has one (issue #12 item 5), else the package itself. `--validate-entry SPEC` overrides.
const VALIDATE_ENTRY = argv.includes('--validate-entry') ? argv[argv.indexOf('--validate-entry') + 1]
  : JSON.parse(readFileSync(join(ROOT, 'pkg', 'package.json'), 'utf8')).exports?.['./validate'] ? 'cc-number-events/validate' : 'cc-number-events';

const fmt = (x, d = 0) => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const log = (...a) => console.error(...a); // progress on stderr, results on stdout
const lines = []; // the report, printed at the end and recorded with --record
const out = (s = '') => {
  lines.push(s);
  console.log(s);
};

function table(head, rows) {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const row = (r) => `| ${r.map((c, i) => (i ? String(c).padStart(w[i]) : String(c).padEnd(w[i]))).join(' | ')} |`;
  return [row(head), `|${w.map((n, i) => (i ? '-'.repeat(n + 1) + ':' : ':' + '-'.repeat(n + 1))).join('|')}|`, ...rows.map(row)].join('\n');
}

// ---------------------------------------------------------------- machine ---------------
function machine() {
  const cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m)?.[1] ?? os.cpus()[0]?.model;
  const mhz = readFileSync('/proc/cpuinfo', 'utf8').match(/^cpu MHz\s*:\s*(.*)$/m)?.[1];
  const sh = (cmd, args) => {
    try {
      return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return 'unavailable';
    }
  };
  return {
    date: new Date().toISOString(),
    nproc: sh('nproc', []),
    cpu: mhz ? `${cpu} (${Math.round(+mhz)} MHz)` : cpu,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    node: process.version,
    v8: process.versions.v8,
    rustc: sh('rustc', ['--version']),
    wasmBindgen: sh(join(os.homedir(), '.cargo/bin/wasm-bindgen'), ['--version']),
    kernel: `${os.type()} ${os.release()}`,
    loadavg: os.loadavg().map((x) => x.toFixed(2)).join(' '),
    commit: sh('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD']),
    dirty: sh('git', ['-C', ROOT, 'status', '--porcelain', '--', 'src', 'Cargo.toml']) !== '',
  };
}

// ---------------------------------------------------------------- sizes -----------------
function sizes() {
  const f = (p) => {
    const b = readFileSync(join(ROOT, p));
    return { raw: b.length, gzip: gzipSync(b, { level: 9 }).length };
  };
  // The glue is the generated JS plus its inline snippets (src/js/wasm.rs), which load with it.
  const glue = (t) => {
    const dir = join(ROOT, 'pkg', t, 'snippets');
    const snippets = existsSync(dir)
      ? readdirSync(dir, { recursive: true }).filter((n) => n.endsWith('.js')).map((n) => `pkg/${t}/snippets/${n}`)
      : [];
    return [`pkg/${t}/cc_number_events.js`, ...snippets].map(f)
      .reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }));
  };
  const r = {};
  for (const t of ['node', 'web']) {
    // A build laid out otherwise is measured by what its entries load (loadedSize) only.
    if (![`pkg/web/cc_number_events_bg.wasm`, `pkg/${t}/cc_number_events.js`].every((p) => existsSync(join(ROOT, p)))) continue;
    // One .wasm, web/'s, which the Node glue reads too.
    r[t] = { wasm: f('pkg/web/cc_number_events_bg.wasm'), glue: glue(t) };
    r[t].total = { raw: r[t].wasm.raw + r[t].glue.raw, gzip: r[t].wasm.gzip + r[t].glue.gzip };
  }
  return r;
}

// ---------------------------------------------------------------- single ----------------

async function single(texts, bytes) {
  const c = await singleContenders();
  const names = Object.keys(c).filter((n) => n !== 'pkg');
  const objects = texts.map((t) => JSON.parse(t));
  const input = (n) => (n === PKG_BYTES ? bytes : ON_OBJECTS.has(n) ? objects : texts);

  // Agreement: verdicts per contender, and the JS change records equal the package's.
  const agree = {};
  const ref = texts.map((t) => c[PKG_STR](t));
  for (const n of names) {
    if (n.includes('floor')) continue;
    const res = input(n).map((t) => c[n](t));
    const valid = res.filter((r) => r.valid).length;
    const verdictDiffs = res.filter((r, i) => r.valid !== ref[i].valid).length;
    const changeDiffs = res.filter((r, i) => !isDeepStrictEqual(r.change, ref[i].change)).length;
    const issues = res.reduce((t, r) => t + r.issues.length, 0);
    agree[n] = { valid, invalid: res.length - valid, verdictDiffs, changeDiffs, issues };
  }

  // Warm-up: two passes each, then RUNS runs round-robin (noise hits everyone alike).
  for (const n of names) for (let k = 0; k < 2; k++) for (const t of input(n)) c[n](t);
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  for (let run = 0; run < RUNS; run++) {
    for (const n of names) {
      samples[n].push(eventsPerSecond(c[n], input(n), MIN_RUN_MS));
    }
    log(`  single run ${run + 1}/${RUNS}`);
  }
  return { c, names, agree, eps: Object.fromEntries(names.map((n) => [n, median(samples[n])])), samples };
}

// ---------------------------------------------------------------- logs ------------------
async function logs(paths) {
  const c = await logContenders();
  const names = Object.keys(c).filter((n) => n !== 'pkg');
  const result = {};
  for (const name of Object.keys(LOG_SIZES)) {
    const buf = readFileSync(paths[name]);
    const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
    const text = buf.toString('utf8');
    const mb = buf.length / 1e6;
    const runs = name === 'log-50mb' ? Math.min(RUNS, 3) : RUNS;
    const samples = Object.fromEntries(names.map((n) => [n, []]));
    const agree = {};
    // The first call of each contender is the warm-up and gives its aggregate.
    for (const n of names) agree[n] = c[n](n === PKG_LOG ? bytes : text);
    for (let run = 0; run < runs; run++) {
      for (const n of names) {
        const inp = n === PKG_LOG ? bytes : text;
        const t0 = performance.now();
        c[n](inp);
        samples[n].push(mb / ((performance.now() - t0) / 1000));
      }
      log(`  ${name} run ${run + 1}/${runs}`);
    }
    result[name] = { mb, runs, agree, mbps: Object.fromEntries(names.map((n) => [n, median(samples[n])])), samples };
  }
  return { names, result, pkg: c.pkg };
}

// ---------------------------------------------------------------- corpora (issue #12) ---
// Each corpus in a fresh process (bench/corpora.mjs says why); the medians here.
// `kept`: the corpora named, each timed after every contender's results were made and kept.
function corpora(paths, kept = null) {
  const result = {};
  for (const name of kept ?? Object.keys(CORPORA)) {
    const r = spawnSync(process.execPath, [join(HERE, 'corpora.mjs'), name, paths[name].single, paths[name].log, RUNS, MIN_RUN_MS, WARM_MS, ...(kept ? ['kept'] : [])],
      { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 });
    if (r.status !== 0) throw new Error(`bench/corpora.mjs ${name} failed (status ${r.status})`);
    const c = JSON.parse(r.stdout);
    c.eps = Object.fromEntries(Object.entries(c.samples.single).map(([n, v]) => [n, median(v)]));
    c.mbps = Object.fromEntries(Object.entries(c.samples.log).map(([n, v]) => [n, median(v)]));
    result[name] = c;
  }
  return result;
}

// What an entry point of the package loads in Node (bench/loaded-child.mjs), gzip -9 per file.
function loadedSize(specifier, samplePath) {
  const list = join(OUT, 'loaded-files.txt');
  const r = spawnSync(process.execPath, [join(HERE, 'loaded-child.mjs'), specifier, samplePath, list], { cwd: ROOT, encoding: 'utf8' });
  rmSync(list, { force: true });
  if (r.status !== 0) throw new Error(`loaded-child ${specifier} failed: ${r.stderr}`);
  const pkgDir = join(ROOT, 'pkg') + '/';
  const files = JSON.parse(r.stdout).files.filter((f) => f.startsWith(pkgDir));
  const each = files.map((f) => {
    const b = readFileSync(f);
    return { file: f.slice(ROOT.length + 1), raw: b.length, gzip: gzipSync(b, { level: 9 }).length };
  });
  return { specifier, files: each, raw: each.reduce((t, f) => t + f.raw, 0), gzip: each.reduce((t, f) => t + f.gzip, 0) };
}

// ---------------------------------------------------------------- start-up --------------
function startup(samplePath) {
  const child = join(HERE, 'startup-child.mjs');
  // 'pkg-validate': the validate-only entry, when the package has one (VALIDATE_ENTRY).
  // 'pkg-validate-file' and 'floor': the validate entry by its file (no package lookup) and a
  // module of its shape that only parses JSON (bench/floor.mjs), also by its file: the
  // difference is the package's own share of its start-up.
  const validateFile = pathToFileURL(join(ROOT, 'pkg', 'node', VALIDATE_ENTRY === 'cc-number-events' ? 'index.mjs' : 'validate.mjs')).href;
  const which = ['none', 'pkg', ...(VALIDATE_ENTRY === 'cc-number-events' ? [] : ['pkg-validate']), 'pkg-validate-file', 'floor', 'ajv', 'zod'];
  const entryOf = { 'pkg-validate': VALIDATE_ENTRY, 'pkg-validate-file': validateFile, floor: pathToFileURL(join(HERE, 'floor.mjs')).href };
  const ms = Object.fromEntries(which.map((w) => [w, []]));
  const wall = Object.fromEntries(which.map((w) => [w, []]));
  const importMs = {};
  for (let run = 0; run < STARTUP_RUNS + 1; run++) {
    for (const w of which) {
      const t0 = performance.now();
      const args = entryOf[w] ? ['pkg', samplePath, entryOf[w]] : [w, samplePath];
      const r = spawnSync(process.execPath, [child, ...args], { cwd: ROOT, encoding: 'utf8' });
      const t = performance.now() - t0;
      if (r.status !== 0) throw new Error(`start-up child ${w} failed: ${r.stderr}`);
      if (run === 0) continue; // the first round warms the file cache
      const j = JSON.parse(r.stdout);
      ms[w].push(j.ms);
      if (j.importMs !== undefined) (importMs[w] ??= []).push(j.importMs);
      wall[w].push(t);
    }
  }
  const r = Object.fromEntries(which.map((w) => [w, { ms: median(ms[w]), wall: median(wall[w]), all: ms[w] }]));
  for (const w of ['pkg', 'pkg-validate', 'pkg-validate-file', 'floor']) if (r[w]) r[w].importMs = median(importMs[w]);
  r.validateFile = fileURLToPath(validateFile).slice(ROOT.length + 1);
  return r;
}

// ---------------------------------------------------------------- profile ---------------
// Where the package's time goes. A valid report without warnings is assembled from slices of
// the caller's own input and a short text (src/js/assemble.js `assemble`, src/js/encode.rs
// `clean_report`), an invalid one from counts, lengths and one text, and
// anything else from tokens (src/output/write.rs `Tokens`). We time each kind of
// input apart, next to ajv on the same items.
function profile(single, texts, bytes, logInfo) {
  const pkg = single.c.pkg;
  const ajv = single.c['ajv 8 (JSON.parse+validate+change)'];
  const kinds = { clean: [], warned: [], invalid: [] };
  for (const t of texts) {
    const r = pkg.validate(t);
    kinds[!r.valid ? 'invalid' : r.warnings.length ? 'warned' : 'clean'].push(t);
  }
  const timePer = (fn, items) => {
    if (items.length === 0) return 0;
    for (const x of items) fn(x);
    const per = [];
    for (let r = 0; r < RUNS; r++) {
      let n = 0;
      const t0 = performance.now();
      let t;
      do {
        for (const x of items) fn(x);
        n += items.length;
        t = performance.now() - t0;
      } while (t < MIN_RUN_MS / 2);
      per.push((t * 1000) / n); // microseconds per item
    }
    return median(per);
  };
  const split = Object.fromEntries(Object.entries({ all: texts, ...kinds }).map(([k, items]) => [k, {
    n: items.length,
    pkg: timePer((t) => pkg.validate(t), items),
    ajv: timePer(ajv, items),
  }]));
  const us = {
    validateString: 1e6 / single.eps[PKG_STR],
    validateBytes: 1e6 / single.eps[PKG_BYTES],
    floorParse: 1e6 / single.eps['JSON.parse alone (floor)'],
  };
  // For summarize on the 10 MB log: the real call, whose summary crosses as tokens (its
  // timelines in a layout of their own), next to what JSON.parse of the same summary as JSON
  // text costs: the floor of a crossing as text. (`summaryJson` is JSON.stringify of
  // summarize's objects, a diagnostic export; timing a call through it would time both.)
  let summary = null;
  if (logInfo) {
    const buf = readFileSync(logInfo.path);
    const text = pkg.summaryJson(buf);
    const ms = (fn) => {
      const runs = [];
      for (let r = 0; r < 5; r++) {
        const t0 = performance.now();
        fn();
        runs.push(performance.now() - t0);
      }
      return median(runs);
    };
    summary = {
      textBytes: Buffer.byteLength(text),
      parseMs: ms(() => JSON.parse(text)),
      totalMs: ms(() => pkg.summarize(buf)),
    };
  }
  return { events: texts.length, split, us, summary };
}

// ---------------------------------------------------------------- native ----------------
function native() {
  const toml = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8');
  const configured = toml.split(/^\[\[bench\]\]/m).slice(1).some((t) => /^\s*name\s*=\s*"native"/m.test(t));
  if (!configured) return { configured: false };
  log('  cargo bench --bench native (release profile; compiles on first run)');
  const r = spawnSync('cargo', ['bench', '--bench', 'native', '--no-default-features', '--features', 'serde'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CC_BENCH_DIR: OUT },
  });
  if (r.status !== 0) return { configured: true, error: (r.stderr || '').split('\n').slice(-15).join('\n') };
  const cases = {};
  for (const m of r.stdout.matchAll(/^native-result (.*)$/gm)) {
    const kv = Object.fromEntries(m[1].split(' ').map((p) => p.split('=')));
    cases[kv.case] = { eps: +kv.events_per_s, mbps: +kv.mb_per_s, valid: +kv.valid, items: +kv.items };
  }
  return { configured: true, cases };
}

// ---------------------------------------------------------------- main ------------------
const T0 = performance.now();
const m = machine();
log(`==> corpus (seed ${DEFAULT_SEED}) -> ${OUT}`);
const { paths, manifest } = writeCorpus(OUT, {
  seed: DEFAULT_SEED,
  count: DEFAULT_COUNT,
  ...(QUICK ? { corpusCount: 5000, corpusLogBytes: 2e6 } : {}),
});
const texts = readFileSync(paths.corpus, 'utf8').split('\n').filter(Boolean);
const enc = new TextEncoder();
const bytes = texts.map((t) => enc.encode(t));
const sz = sizes();
writeFileSync(join(OUT, 'sample.json'), texts[0]);
const loaded = { full: loadedSize('cc-number-events', join(OUT, 'sample.json')) };
loaded.validate = VALIDATE_ENTRY === 'cc-number-events' ? loaded.full : loadedSize(VALIDATE_ENTRY, join(OUT, 'sample.json'));

log('==> single notifications');
const s = CORPORA_ONLY ? null : await single(texts, bytes);
log('==> NDJSON logs');
const L = CORPORA_ONLY ? null : await logs(paths);
log('==> issue #12 corpora');
const C = corpora(paths.corpora);
// The same, once a program has kept every result (bench/corpora.mjs says why it differs).
const CK = corpora(paths.corpora, ['real', 'added-field']);
log('==> start-up (fresh processes)');
const st = flag('--skip-startup') ? null : startup(join(OUT, 'sample.json'));
log('==> profile (package side)');
const prof = CORPORA_ONLY ? null : profile(s, texts, bytes, { path: paths['log-10mb'], mbps: L.result['log-10mb'].mbps[PKG_LOG] });
log('==> native core');
const nat = flag('--skip-native') || CORPORA_ONLY ? { configured: false, skipped: true } : native();

// ---------------------------------------------------------------- report ----------------
const ratio = (pkg, other) => `${(pkg / other).toFixed(2)}x`;
const verdict = (ok) => (ok ? 'MET' : 'not met');

out(`## ${m.date.slice(0, 10)} — commit ${m.commit}${m.dirty ? ' (+ uncommitted src/Cargo.toml changes)' : ''}`);
out();
out(`Machine: ${m.nproc} CPUs, ${m.cpu}, ${m.memory} RAM, ${m.kernel}; Node ${m.node} (V8 ${m.v8}); ${m.rustc}; ${m.wasmBindgen}.`);
out(`Load average at start: ${m.loadavg} (other processes may share the ${m.nproc} CPUs: treat differences under ~15% as noise).`);
out(`Corpus: ${manifest.count} notifications, mean ${manifest.meanBytes} B, ${manifest.defective} with one defect (${Object.entries(manifest.defects).map(([k, v]) => `${k} ${v}`).join(', ')}); ` +
  `logs: ${Object.entries(manifest.logs).map(([k, v]) => `${k} ${fmt(v.bytes / 1e6, 1)} MB / ${fmt(v.lines)} lines`).join(', ')}. Medians of ${RUNS} runs (50 MB log: ${Math.min(RUNS, 3)}), after warm-up.`);
out();
if (!CORPORA_ONLY) {
  out('### Single notifications (one call per notification)');
  out();
  const pkgEps = s.eps[PKG_STR];
  out(table(['contender', 'events/s', 'µs/event', 'pkg(string) ÷ this'],
    s.names.map((n) => [n, fmt(s.eps[n]), fmt(1e6 / s.eps[n], 2), n === PKG_STR ? '1.00x' : ratio(pkgEps, s.eps[n])])));
  out();
  out('Verdicts on the corpus (same work check; change records compared with deep equality to the package\'s):');
  out();
  out(table(['contender', 'valid', 'invalid', 'verdicts ≠ pkg', 'change records ≠ pkg', 'issues reported'],
    Object.entries(s.agree).map(([n, a]) => [n, a.valid, a.invalid, a.verdictDiffs, a.changeDiffs, a.issues])));
  out();
  out('(The package\'s issues carry line/column/offset/length and a hint; ajv\'s and zod\'s only a path and a message.)');
  out();
  out('### NDJSON logs (whole log in, aggregate out)');
  out();
  const logRows = [];
  for (const [name, r] of Object.entries(L.result)) {
    for (const n of L.names) {
      const a = r.agree[n];
      logRows.push([`${name}: ${n}`, fmt(r.mbps[n], 1), n === PKG_LOG ? '1.00x' : ratio(r.mbps[PKG_LOG], r.mbps[n]),
        a.valid ?? '—', a.invalid ?? '—', a.byEventType ? `${a.byEventType.Created}/${a.byEventType.Updated}/${a.byEventType.Deleted}` : '—', a.numbers ?? '—']);
    }
  }
  out(table(['case: contender', 'MB/s', 'pkg ÷ this', 'valid', 'not valid', 'Created/Updated/Deleted', 'numbers'], logRows));
  out();
  out('(summarize() also finds duplicates, out-of-order items, per-number timelines with field changes, per-account net effect and a text report; ' +
    '"not valid" is every line that is not a valid event (summarize counts some, e.g. another event\'s filter, as `other` rather than `invalid`); ' +
    '"numbers" = distinct (account or owner, number id) seen in valid events.)');
  out();
}
out('### Issue #12 corpora: one shape of payload each');
out();
// A contender whose counts failed a check shows no speed, only FAILED (the checks table says why).
const failed = (r, n) => r.failures.some(([c]) => c === n);
const speed = (r, n, d) => (failed(r, n) ? 'FAILED' : fmt(n in r.eps ? r.eps[n] : r.mbps[n], d));
// Ratios are paired: the median over rounds of a's speed ÷ b's in the same round, so that the
// host's load, which drifts over seconds on a shared machine, mostly cancels out.
const pairedRatio = (r, a, b) => {
  const get = (n) => r.samples.single[n] ?? r.samples.log[n];
  return median(get(a).map((x, i) => x / get(b)[i]));
};
const cratio = (r, a, b) => (failed(r, a) || failed(r, b) ? '—' : `${pairedRatio(r, a, b).toFixed(2)}x`);
out(table(['corpus', 'validate(string) ev/s', PLAIN_S, 'pkg ÷ plain', 'ajv same work', 'pkg ÷ ajv', 'zod same work', 'pkg ÷ zod',
  'summarize MB/s', `${PLAIN_L} MB/s`, 'pkg ÷ plain', 'ajv NDJSON same work MB/s', 'pkg ÷ ajv', 'checks'],
Object.entries(C).map(([name, r]) => [`(${'abcd'[Object.keys(C).indexOf(name)]}) ${CORPORA[name].title}`,
  speed(r, PKG_STR), speed(r, PLAIN_S), cratio(r, PKG_STR, PLAIN_S), speed(r, AJV_S), cratio(r, PKG_STR, AJV_S), speed(r, ZOD_S), cratio(r, PKG_STR, ZOD_S),
  speed(r, PKG_LOG, 1), speed(r, PLAIN_L, 1), cratio(r, PKG_LOG, PLAIN_L), speed(r, AJV_L, 1), cratio(r, PKG_LOG, AJV_L),
  r.failures.length ? `${r.failures.length} FAILED` : 'ok'])));
out();
out(`Each corpus: ${Object.values(C).map((r) => r.count)[0].toLocaleString('en-US')} single notifications (validate, events/s) and an NDJSON log of the same shape (summarize, MB/s); ` +
  `medians of ${RUNS} rounds back to back, every contender once per round; each ratio is the median of the ${RUNS} per-round ratios. ` +
  `"${PLAIN_S}": what a user writes instead (JSON.parse, the compiled schema of schema.mjs, then eventType, phoneNumber and id; ajv's errors as they come; for the log, counts by eventType). ` +
  '"same work": the contenders of the tables above (the change record built in JavaScript).');
out();
out('The same after a program kept results: each contender\'s results on the whole corpus made first and kept through the timing ' +
  '(bench/corpora.mjs `kept`), so that V8 has tenured what the allocation sites that made them make:');
out();
out(table(['corpus', 'validate(string) ev/s', PLAIN_S, 'pkg ÷ plain', 'ajv same work', 'pkg ÷ ajv', 'zod same work', 'pkg ÷ zod', 'summarize ÷ plain'],
  Object.entries(CK).map(([name, r]) => [CORPORA[name].title,
    speed(r, PKG_STR), speed(r, PLAIN_S), cratio(r, PKG_STR, PLAIN_S), speed(r, AJV_S), cratio(r, PKG_STR, AJV_S), speed(r, ZOD_S), cratio(r, PKG_STR, ZOD_S),
    cratio(r, PKG_LOG, PLAIN_L)])));
out();
out('Checks (after the timing; a contender that fails one shows FAILED above instead of a speed):');
out();
out(table(['corpus', 'mean B', 'log MB / lines', 'contender', 'valid', 'invalid', 'verdicts ≠ pkg', 'outputs ≠ pkg', 'log lines valid'],
  Object.entries(C).flatMap(([name, r]) => [PKG_STR, PLAIN_S, AJV_S, ZOD_S].map((n, i) => {
    const logName = { [PKG_STR]: PKG_LOG, [PLAIN_S]: PLAIN_L, [AJV_S]: AJV_L }[n];
    return [i ? '' : name, i ? '' : r.meanBytes, i ? '' : `${fmt(r.logMB, 1)} / ${fmt(r.lines)}`, n, r.agree[n].valid, r.agree[n].invalid,
      r.agree[n].verdictDiffs, r.agree[n].outDiffs, logName ? r.logAgree[logName].valid : '—'];
  }))));
out();
out('Expected: (a)-(c) every notification and log line valid for every contender, (d) none; the package\'s warnings per report exactly ' +
  Object.entries(CORPORA).filter(([, c]) => c.valid).map(([n, c]) => `${n} ${c.warnings.length ? c.warnings.join(' + ') : 'none'}`).join(', ') +
  `; summarize reads one item per line and counts the same warnings. Package warnings: ${Object.entries(C).map(([n, r]) => `${n} ${fmt(r.agree[PKG_STR].warnings)} (log: ${fmt(r.summary.warnings)})`).join(', ')}.`);
const allFailures = Object.entries(C).flatMap(([name, r]) => r.failures.map(([c, what]) => `${name}: ${c}: ${what}`));
if (allFailures.length) {
  out();
  out('**CHECKS FAILED** (these contenders\' speeds are not reported):');
  for (const f of allFailures) out(`- ${f}`);
  process.exitCode = 1;
}
out();
if (st) {
  out('### Start-up (fresh `node` process; import + instantiate/compile + first call, median of ' + STARTUP_RUNS + ')');
  out();
  out(table(['contender', 'ms in-process', 'process wall ms', 'pkg ÷ this'],
    [['node, nothing imported', fmt(st.none.ms, 1), fmt(st.none.wall, 1), '—'],
      ['cc-number-events (import + wasm compile/instantiate + validate)', fmt(st.pkg.ms, 1), fmt(st.pkg.wall, 1), '1.00x'],
      ['  of which import (glue, read .wasm, compile, instantiate)', fmt(st.pkg.importMs, 1), '', ''],
      ...(st['pkg-validate'] ? [[`${VALIDATE_ENTRY} (import + compile/instantiate + validate)`, fmt(st['pkg-validate'].ms, 1), fmt(st['pkg-validate'].wall, 1), ratio(st.pkg.ms, st['pkg-validate'].ms)],
        ['  of which import', fmt(st['pkg-validate'].importMs, 1), '', '']] : []),
      [`the same entry by its file (${st.validateFile}, no package lookup)`, fmt(st['pkg-validate-file'].ms, 1), fmt(st['pkg-validate-file'].wall, 1), ratio(st.pkg.ms, st['pkg-validate-file'].ms)],
      ['a module of its shape that only parses JSON, by its file (bench/floor.mjs): Node\'s share', fmt(st.floor.ms, 1), fmt(st.floor.wall, 1), ratio(st.pkg.ms, st.floor.ms)],
      ['  the entry\'s own share (by its file, less the floor)', fmt(st['pkg-validate-file'].ms - st.floor.ms, 1), '', ''],
      ['ajv 8 + ajv-formats (import + compile schema + validate)', fmt(st.ajv.ms, 1), fmt(st.ajv.wall, 1), ratio(st.pkg.ms, st.ajv.ms)],
      ['zod 4 (import + build schema + safeParse)', fmt(st.zod.ms, 1), fmt(st.zod.wall, 1), ratio(st.pkg.ms, st.zod.ms)]]));
  out();
}
out('### Size (gzip -9 via zlib)');
out();
const kb = (b) => `${fmt(b / 1024, 1)} KB`;
out(table(['file', 'raw', 'gzip'], [
  ...['node', 'web'].filter((t) => sz[t]).flatMap((t) => [
    [`pkg/web/cc_number_events_bg.wasm (${t} loads it)`, kb(sz[t].wasm.raw), kb(sz[t].wasm.gzip)],
    [`pkg/${t}/cc_number_events.js + snippets (glue)`, kb(sz[t].glue.raw), kb(sz[t].glue.gzip)],
    [`pkg/${t}: wasm + glue`, kb(sz[t].total.raw), kb(sz[t].total.gzip)],
  ]),
  ...[...new Set([loaded.full, loaded.validate])].map((l) => [`everything \`import('${l.specifier}')\` + validate() loads in Node (${l.files.length} files)`, kb(l.raw), kb(l.gzip)]),
]));
out();
for (const l of new Set([loaded.full, loaded.validate])) {
  out(`${l.specifier} loads: ${l.files.map((f) => `${f.file} ${kb(f.gzip)}`).join(', ')}.`);
}
out();
out('### Native Rust core (`cargo bench --bench native`, same corpus, no wasm, no JS)');
out();
if (!nat.configured) {
  out(nat.skipped ? `native: skipped (${CORPORA_ONLY ? '--corpora-only' : '--skip-native'})` : 'native: not configured (add the [[bench]] section shown in bench/README.md to Cargo.toml)');
} else if (nat.error) {
  out('native: cargo bench failed:\n```\n' + nat.error + '\n```');
} else {
  out(table(['case', 'events/s', 'MB/s', 'valid'], Object.entries(nat.cases).map(([k, v]) => [k, fmt(v.eps), fmt(v.mbps, 1), v.valid])));
  const nv = nat.cases['validate+to_json'];
  if (nv) out(`\nwasm validate(bytes) runs at ${(s.eps[PKG_BYTES] / nv.eps * 100).toFixed(0)}% of native validate+to_json.`);
}
out();
if (!CORPORA_ONLY) {
  out('### Where the package\'s time goes (validate, per event, µs)');
  out();
  const u = prof.us;
  const sp = prof.split;
  const kindRow = (label, k) => [`${label} (${sp[k].n} of ${prof.events})`, sp[k].n ? fmt(sp[k].pkg, 2) : '—', sp[k].n ? fmt(sp[k].ajv, 2) : '—',
    sp[k].n ? `${(sp[k].ajv / sp[k].pkg).toFixed(2)}x` : '—'];
  out(table(['part', 'µs/event', 'ajv µs/event', 'pkg ÷ ajv (speed)'], [
    kindRow('validate(string), whole corpus', 'all'),
    kindRow('  valid, no warnings: assembled from slices of the input', 'clean'),
    kindRow('  invalid: assembled from counts, lengths and one text', 'invalid'),
    kindRow('  valid with warnings: built from tokens', 'warned'),
    ['  (for scale: JSON.parse of the input, the floor)', fmt(u.floorParse, 2), '', ''],
  ]));
  out();
  out('Each row timed on its own items, one after the other (so the whole-corpus row can differ from the table above).');
  if (prof.summary) {
    const p = prof.summary;
    out();
    out(`summarize(10 MB): ${fmt(p.totalMs)} ms per call (median of 5), its summary crossing as tokens. As JSON text, the summary is ${fmt(p.textBytes / 1e6, 1)} MB, whose JSON.parse alone takes ${fmt(p.parseMs)} ms: the floor of a crossing as text.`);
  }
  out();
  out('### Targets (issue #5)');
  out();
  // The targets compare text in with text in: ajv after JSON.parse, not ajv on objects parsed beforehand.
  const ajvS = s.names.find((n) => n.startsWith('ajv') && !ON_OBJECTS.has(n));
  const ajvL = L.names.find((n) => n.startsWith('ajv'));
  const tRows = [
    ['single: pkg validate(string) ÷ ajv events/s', `≥ ${TARGETS.singleVsAjv}x`, ratio(s.eps[PKG_STR], s.eps[ajvS]), verdict(s.eps[PKG_STR] / s.eps[ajvS] >= TARGETS.singleVsAjv)],
    // The validate-only module (cc-number-events/validate), timed beside the full one when the package has it.
    ...(s.eps[PKG_VALIDATE_STR] ? [['single: cc-number-events/validate validate(string) ÷ ajv events/s', `≥ ${TARGETS.singleVsAjv}x`, ratio(s.eps[PKG_VALIDATE_STR], s.eps[ajvS]), verdict(s.eps[PKG_VALIDATE_STR] / s.eps[ajvS] >= TARGETS.singleVsAjv)]] : []),
    ['single: pkg validate(bytes) ÷ ajv events/s', `≥ ${TARGETS.singleVsAjv}x`, ratio(s.eps[PKG_BYTES], s.eps[ajvS]), verdict(s.eps[PKG_BYTES] / s.eps[ajvS] >= TARGETS.singleVsAjv)],
    ...Object.entries(L.result).map(([name, r]) => [`${name}: pkg summarize ÷ ajv MB/s`, `≥ ${TARGETS.logVsAjv}x`, ratio(r.mbps[PKG_LOG], r.mbps[ajvL]), verdict(r.mbps[PKG_LOG] / r.mbps[ajvL] >= TARGETS.logVsAjv)]),
    ...['node', 'web'].filter((t) => sz[t]).map((t) => [`size: .wasm + glue, gzip (pkg/${t})`, `≤ ${TARGETS.gzipKB} KB`, kb(sz[t].total.gzip), verdict(sz[t].total.gzip <= TARGETS.gzipKB * 1024)]),
  ];
  if (st) tRows.push(['start-up in Node (in-process ms)', `≤ ${TARGETS.startupMs} ms`, `${fmt(st.pkg.ms, 1)} ms`, verdict(st.pkg.ms <= TARGETS.startupMs)]);
  out(table(['target', 'wanted', 'got', ''], tRows));
  out();
}
out('### Targets (issue #12; ratios against the plain ajv loop, medians of the rounds above)');
out();
const t12 = [];
for (const [name, r] of Object.entries(C)) {
  const want = CORPORA[name].valid ? TARGETS12.validateVsPlain : TARGETS12.invalidVsPlain;
  const ok = !failed(r, PKG_STR) && !failed(r, PLAIN_S);
  t12.push([`${name}: validate(string) ÷ plain ajv loop`, `≥ ${want.toFixed(1)}x`, cratio(r, PKG_STR, PLAIN_S),
    ok ? verdict(pairedRatio(r, PKG_STR, PLAIN_S) >= want) : 'not met (check failed)']);
}
for (const name of ['real', 'added-field']) {
  const r = C[name];
  const ok = !failed(r, PKG_LOG) && !failed(r, PLAIN_L);
  t12.push([`${name}: summarize ÷ plain ajv NDJSON loop`, `≥ ${TARGETS12.summarizeVsPlain.toFixed(1)}x`, cratio(r, PKG_LOG, PLAIN_L),
    ok ? verdict(pairedRatio(r, PKG_LOG, PLAIN_L) >= TARGETS12.summarizeVsPlain) : 'not met (check failed)']);
}
t12.push([`size: what \`${loaded.validate.specifier}\` loads for validate (gzip)`, `≤ ${TARGETS12.validateModuleGzipKB} KB`, kb(loaded.validate.gzip),
  verdict(loaded.validate.gzip <= TARGETS12.validateModuleGzipKB * 1024)]);
t12.push(['size: what `cc-number-events` loads (gzip)', `≤ ${kb(FULL_MODULE_GZIP_BEFORE)} (main d8989e3)`, kb(loaded.full.gzip), verdict(loaded.full.gzip <= FULL_MODULE_GZIP_BEFORE)]);
if (st) {
  const e = st['pkg-validate'] ?? st.pkg;
  t12.push([`start-up of \`${VALIDATE_ENTRY}\` (import + compile + first validate, in-process)`, `< ${TARGETS12.startupMs} ms`, `${fmt(e.ms, 1)} ms`, verdict(e.ms < TARGETS12.startupMs)]);
}
out(table(['target', 'wanted', 'got', ''], t12));
out();
out(`Total bench time: ${fmt((performance.now() - T0) / 1000, 0)} s.`);

if (flag('--record')) {
  const file = join(HERE, 'RESULTS.md');
  if (!existsSync(file) || statSync(file).size === 0) {
    writeFileSync(file, '# Benchmark results\n\nDated runs of `node bench/run.mjs --record` (see README.md in this folder). Newest last.\n\n');
  }
  appendFileSync(file, lines.join('\n') + '\n\n');
  log(`==> recorded in ${file}`);
}
