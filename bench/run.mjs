#!/usr/bin/env node
// Benchmark of cc-number-events against ajv 8, zod 4 and bare JSON.parse (issue #5).
// `make bench` runs it after `make build`. See bench/README.md.
//
//   node bench/run.mjs [--record] [--runs N] [--quick] [--skip-native] [--skip-startup]
//
//   --record       append a dated entry (machine, table, profile) to bench/RESULTS.md
//   --runs N       timed runs per case (default 5; the 50 MB log uses min(N, 3))
//   --quick        --runs 3, shorter runs; for checking the script, not for numbers
//   --skip-native  do not run `cargo bench --bench native`
//   --skip-startup do not spawn the start-up child processes

import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { gzipSync } from 'node:zlib';
import { DEFAULT_COUNT, DEFAULT_SEED, LOG_SIZES, writeCorpus } from './corpus.mjs';
import { logContenders, singleContenders } from './contenders.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const OUT = join(ROOT, 'target', 'bench');
const argv = process.argv.slice(2);
const flag = (f) => argv.includes(f);
const QUICK = flag('--quick');
const runsArg = argv.includes('--runs') ? Number(argv[argv.indexOf('--runs') + 1]) : NaN;
const RUNS = runsArg >= 1 ? Math.floor(runsArg) : QUICK ? 3 : 5;
const MIN_RUN_MS = QUICK ? 200 : 500; // a single-notification run repeats the corpus this long
const STARTUP_RUNS = QUICK ? 3 : 7;

const PKG_STR = 'cc-number-events validate(string)';
const PKG_VALIDATE_STR = 'cc-number-events/validate validate(string)';
const PKG_BYTES = 'cc-number-events validate(bytes)';
// Contenders given the corpus as objects, JSON.parse'd once before timing.
const ON_OBJECTS = new Set(['cc-number-events validate(object)', 'cc-number-events validate(JSON.stringify(object))', 'ajv 8 (validate+change, object)']);
const PKG_LOG = 'cc-number-events summarize(bytes)';
const TARGETS = { singleVsAjv: 1.5, logVsAjv: 3, gzipKB: 60, startupMs: 15 };

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
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
  // The glue is the generated JS plus the inline snippets (src/js/*.js) it imports, which load
  // with it (the two modules share pkg/<target>/snippets; the validate-only one imports fewer).
  const glue = (t, name) => {
    const src = readFileSync(join(ROOT, 'pkg', t, `${name}.js`), 'utf8');
    const snippets = [...new Set([...src.matchAll(/\bsnippets\/[^'"`]+\.js/g)].map((x) => `pkg/${t}/${x[0]}`))];
    return [`pkg/${t}/${name}.js`, ...snippets].map(f)
      .reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }));
  };
  const r = {};
  // sz.node and sz.web: the full module's; sz.validate.node and sz.validate.web: the
  // validate-only module's (`cc-number-events/validate`), the one a webhook handler loads.
  for (const [into, name] of [[r, 'cc_number_events'], [(r.validate = {}), 'cc_number_events_validate']]) {
    for (const t of ['node', 'web']) {
      // One .wasm, web/'s, which the Node glue reads too.
      into[t] = { wasm: f(`pkg/web/${name}_bg.wasm`), glue: glue(t, name) };
      into[t].total = { raw: into[t].wasm.raw + into[t].glue.raw, gzip: into[t].wasm.gzip + into[t].glue.gzip };
    }
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
      const fn = c[n];
      const items = input(n);
      let count = 0;
      const t0 = performance.now();
      let t;
      do {
        for (let i = 0; i < items.length; i++) fn(items[i]);
        count += items.length;
        t = performance.now() - t0;
      } while (t < MIN_RUN_MS);
      samples[n].push((count / t) * 1000);
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

// ---------------------------------------------------------------- start-up --------------
function startup(samplePath) {
  const child = join(HERE, 'startup-child.mjs');
  const which = ['none', 'pkg', 'pkg-validate', 'ajv', 'zod'];
  const ms = Object.fromEntries(which.map((w) => [w, []]));
  const wall = Object.fromEntries(which.map((w) => [w, []]));
  const importMs = { pkg: [], 'pkg-validate': [] };
  for (let run = 0; run < STARTUP_RUNS + 1; run++) {
    for (const w of which) {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [child, w, samplePath], { cwd: ROOT, encoding: 'utf8' });
      const t = performance.now() - t0;
      if (r.status !== 0) throw new Error(`start-up child ${w} failed: ${r.stderr}`);
      if (run === 0) continue; // the first round warms the file cache
      const j = JSON.parse(r.stdout);
      ms[w].push(j.ms);
      if (j.importMs !== undefined) importMs[w].push(j.importMs);
      wall[w].push(t);
    }
  }
  const r = Object.fromEntries(which.map((w) => [w, { ms: median(ms[w]), wall: median(wall[w]), all: ms[w] }]));
  r.pkg.importMs = median(importMs.pkg);
  r['pkg-validate'].importMs = median(importMs['pkg-validate']);
  return r;
}

// ---------------------------------------------------------------- profile ---------------
// Where the package's time goes. A valid report without warnings is assembled from slices of
// the caller's own input and a short text (src/js/wasm.rs `assembleReport`, src/js/boundary.rs
// `clean_report`), an invalid one from counts, lengths and one text (`assembleInvalid`), and
// anything else from tokens (`assembleValue`, src/output/write.rs `Tokens`). We time each kind of
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
  // For summarize on the 10 MB log: the summary as JSON text (`summaryJson`, a diagnostic
  // export), what JSON.parse of it costs, and the whole call made that way, next to the real
  // call, whose summary crosses as tokens.
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
      viaJsonMs: ms(() => JSON.parse(pkg.summaryJson(buf))),
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
const { paths, manifest } = writeCorpus(OUT, { seed: DEFAULT_SEED, count: DEFAULT_COUNT });
const texts = readFileSync(paths.corpus, 'utf8').split('\n').filter(Boolean);
const enc = new TextEncoder();
const bytes = texts.map((t) => enc.encode(t));
const sz = sizes();

log('==> single notifications');
const s = await single(texts, bytes);
log('==> NDJSON logs');
const L = await logs(paths);
log('==> start-up (fresh processes)');
writeFileSync(join(OUT, 'sample.json'), texts[0]);
const st = flag('--skip-startup') ? null : startup(join(OUT, 'sample.json'));
log('==> profile (package side)');
const prof = profile(s, texts, bytes, { path: paths['log-10mb'], mbps: L.result['log-10mb'].mbps[PKG_LOG] });
log('==> native core');
const nat = flag('--skip-native') ? { configured: false, skipped: true } : native();

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
if (st) {
  out('### Start-up (fresh `node` process; import + instantiate/compile + first call, median of ' + STARTUP_RUNS + ')');
  out();
  out(table(['contender', 'ms in-process', 'process wall ms', 'pkg ÷ this'],
    [['node, nothing imported', fmt(st.none.ms, 1), fmt(st.none.wall, 1), '—'],
      ['cc-number-events (import + wasm compile/instantiate + validate)', fmt(st.pkg.ms, 1), fmt(st.pkg.wall, 1), '1.00x'],
      ['  of which import (glue, read .wasm, compile, instantiate)', fmt(st.pkg.importMs, 1), '', ''],
      ['cc-number-events/validate (the same, validate-only module)', fmt(st['pkg-validate'].ms, 1), fmt(st['pkg-validate'].wall, 1), ratio(st.pkg.ms, st['pkg-validate'].ms)],
      ['  of which import', fmt(st['pkg-validate'].importMs, 1), '', ''],
      ['ajv 8 + ajv-formats (import + compile schema + validate)', fmt(st.ajv.ms, 1), fmt(st.ajv.wall, 1), ratio(st.pkg.ms, st.ajv.ms)],
      ['zod 4 (import + build schema + safeParse)', fmt(st.zod.ms, 1), fmt(st.zod.wall, 1), ratio(st.pkg.ms, st.zod.ms)]]));
  out();
}
out('### Size (gzip -9 via zlib)');
out();
const kb = (b) => `${fmt(b / 1024, 1)} KB`;
out(table(['file', 'raw', 'gzip'], [
  ...['node', 'web'].flatMap((t) => [
    [`pkg/web/cc_number_events_bg.wasm (${t} loads it)`, kb(sz[t].wasm.raw), kb(sz[t].wasm.gzip)],
    [`pkg/${t}/cc_number_events.js + snippets (glue)`, kb(sz[t].glue.raw), kb(sz[t].glue.gzip)],
    [`pkg/${t}: wasm + glue`, kb(sz[t].total.raw), kb(sz[t].total.gzip)],
  ]),
  ...['node', 'web'].flatMap((t) => [
    [`pkg/web/cc_number_events_validate_bg.wasm (cc-number-events/validate, ${t})`, kb(sz.validate[t].wasm.raw), kb(sz.validate[t].wasm.gzip)],
    [`pkg/${t}/cc_number_events_validate.js + snippets (glue)`, kb(sz.validate[t].glue.raw), kb(sz.validate[t].glue.gzip)],
    [`cc-number-events/validate (${t}): wasm + glue`, kb(sz.validate[t].total.raw), kb(sz.validate[t].total.gzip)],
  ]),
]));
out();
out('### Native Rust core (`cargo bench --bench native`, same corpus, no wasm, no JS)');
out();
if (!nat.configured) {
  out(nat.skipped ? 'native: skipped (--skip-native)' : 'native: not configured (add the [[bench]] section shown in bench/README.md to Cargo.toml)');
} else if (nat.error) {
  out('native: cargo bench failed:\n```\n' + nat.error + '\n```');
} else {
  out(table(['case', 'events/s', 'MB/s', 'valid'], Object.entries(nat.cases).map(([k, v]) => [k, fmt(v.eps), fmt(v.mbps, 1), v.valid])));
  const nv = nat.cases['validate+to_json'];
  if (nv) out(`\nwasm validate(bytes) runs at ${(s.eps[PKG_BYTES] / nv.eps * 100).toFixed(0)}% of native validate+to_json.`);
}
out();
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
  out(`summarize(10 MB): ${fmt(p.totalMs)} ms per call (median of 5), its summary crossing as tokens. As JSON, the summary is ${fmt(p.textBytes / 1e6, 1)} MB, whose JSON.parse alone takes ${fmt(p.parseMs)} ms; the whole call that way (\`summaryJson\` + JSON.parse) takes ${fmt(p.viaJsonMs)} ms.`);
}
out();
out('### Targets (issue #5)');
out();
// The targets compare text in with text in: ajv after JSON.parse, not ajv on objects parsed beforehand.
const ajvS = s.names.find((n) => n.startsWith('ajv') && !ON_OBJECTS.has(n));
const ajvL = L.names.find((n) => n.startsWith('ajv'));
const tRows = [
  ['single: pkg validate(string) ÷ ajv events/s', `≥ ${TARGETS.singleVsAjv}x`, ratio(s.eps[PKG_STR], s.eps[ajvS]), verdict(s.eps[PKG_STR] / s.eps[ajvS] >= TARGETS.singleVsAjv)],
  ['single: cc-number-events/validate validate(string) ÷ ajv events/s', `≥ ${TARGETS.singleVsAjv}x`, ratio(s.eps[PKG_VALIDATE_STR], s.eps[ajvS]), verdict(s.eps[PKG_VALIDATE_STR] / s.eps[ajvS] >= TARGETS.singleVsAjv)],
  ['single: pkg validate(bytes) ÷ ajv events/s', `≥ ${TARGETS.singleVsAjv}x`, ratio(s.eps[PKG_BYTES], s.eps[ajvS]), verdict(s.eps[PKG_BYTES] / s.eps[ajvS] >= TARGETS.singleVsAjv)],
  ...Object.entries(L.result).map(([name, r]) => [`${name}: pkg summarize ÷ ajv MB/s`, `≥ ${TARGETS.logVsAjv}x`, ratio(r.mbps[PKG_LOG], r.mbps[ajvL]), verdict(r.mbps[PKG_LOG] / r.mbps[ajvL] >= TARGETS.logVsAjv)]),
  // Issue #12: the module `validate` loads is the validate-only one (cc-number-events/validate).
  ...['node', 'web'].map((t) => [`size: cc-number-events/validate .wasm + glue, gzip (${t})`, `≤ ${TARGETS.gzipKB} KB`,
    kb(sz.validate[t].total.gzip), verdict(sz.validate[t].total.gzip <= TARGETS.gzipKB * 1024)]),
  ['size: full module .wasm + glue, gzip (pkg/node)', 'no target', kb(sz.node.total.gzip), ''],
];
if (st) {
  tRows.push(['start-up in Node (in-process ms)', `≤ ${TARGETS.startupMs} ms`, `${fmt(st.pkg.ms, 1)} ms`, verdict(st.pkg.ms <= TARGETS.startupMs)]);
  tRows.push(['start-up of cc-number-events/validate', `≤ ${TARGETS.startupMs} ms`, `${fmt(st['pkg-validate'].ms, 1)} ms`,
    verdict(st['pkg-validate'].ms <= TARGETS.startupMs)]);
}
out(table(['target', 'wanted', 'got', ''], tRows));
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
