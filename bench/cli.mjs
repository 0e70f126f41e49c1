#!/usr/bin/env node
// Issue #13's command-line targets: the native `cc-number-events summarize` of a large NDJSON
// log against the plain ajv loop (`JSON.parse` + the compiled schema per line) in MB/s, its
// peak RSS with `--no-timelines` on a log of 20,000 distinct numbers, the npm bin on the same
// log, and a 2.5 GB log (piped, never written to disk) through both. `make bench-cli` runs it.
//
//   node bench/cli.mjs [--bytes N] [--big N] [--runs N] [--keep] [--record] [--skip-node]
//     --bytes N    size of the log on disk (default 1e9: the 1 GB)
//     --big N      size of the piped log (default 2.5e9; 0 skips it)
//     --runs N     timed runs of each contender, interleaved (default 3); medians reported
//     --keep       keep target/bench/cli-log.ndjson for the next run (deleted by default)
//     --record     append a dated section to bench/RESULTS.md
//     --skip-node  leave out the npm bin
//   node bench/cli.mjs --emit N    write the generated log (N bytes) to stdout
//   node bench/cli.mjs --ajv FILE  the ajv loop alone (a child of the run above)
//
// Progress goes to stderr, the report (Markdown) to stdout.
import { spawnSync } from 'node:child_process';
import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const argv = process.argv.slice(2);
const arg = (name, dflt) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : dflt);
const NUMBERS = 20000;
const log = (...a) => console.error(...a);

// ---------------------------------------------------------------- the log ----------------
// Deterministic: line k is about number k % 20,000 (on one of 40 accounts), its j-th event
// (j = k / 20,000) Created, Updated (status and provider change) or Deleted in turn, at an
// increasing time. One line in ten carries one defect (a lowercase eventType, a number with
// spaces, a missing ownerId, an impossible date); one in a hundred repeats the line before
// it (a redelivery). About 530 bytes a line.
const PAYMENT = ['Local', 'TollFree', 'Local', 'External', 'Local'];
const PLACES = ['Washington, DC', 'Boston, MA', 'San Francisco, CA', 'Chicago, IL', 'Austin, TX'];
const TYPES = ['VoiceFax', 'Voice', 'VoiceOnly'];
const START = Date.UTC(2023, 0, 2, 8, 0, 0);

function line(k) {
  const n = k % NUMBERS;
  const j = Math.floor(k / NUMBERS);
  const account = 37439510 + (n % 40);
  const id = String(700000000 + n);
  let phone = `+1202${String(n).padStart(7, '0')}`;
  let eventType = ['Created', 'Updated', 'Deleted'][j % 3];
  let timestamp = new Date(START + k * 50).toISOString();
  let owner = `"ownerId":"${8475874000 + (n % 40)}",`;
  if (k % 10 === 7) {
    const d = Math.floor(k / 10) % 4;
    if (d === 0) eventType = eventType.toLowerCase();
    else if (d === 1) phone = `+1 202 ${phone.slice(5)}`;
    else if (d === 2) owner = '';
    else timestamp = `2023-02-30${timestamp.slice(10)}`;
  }
  const status = j % 3 === 1 ? 'Normal' : 'Pending';
  const provider = j % 3 === 1 ? 'In-Contact NA' : 'InContact/North America';
  return `{"uuid":"1${String(k).padStart(18, "0")}","event":"/restapi/v1.0/account/${account}/phone-number?usageType=ContactCenterNumber",` +
    `"timestamp":"${timestamp}","subscriptionId":"9d38419f-645f-4ee3-a053-8cf1368c21c4",${owner}` +
    `"body":{"eventType":"${eventType}","phoneNumberInfo":{"uri":"https://platform.ringcentral.com/restapi/v1.0/account/${account}/phone-number/${id}",` +
    `"id":"${id}","phoneNumber":"${phone}","paymentType":"${PAYMENT[n % 5]}","location":"${PLACES[n % 5]}","type":"${TYPES[n % 3]}",` +
    `"usageType":"ContactCenterNumber","status":"${status}","contactCenterProvider":{"id":"1","name":"${provider}"}}}}\n`;
}

/** Writes about `bytes` bytes of the log to the file descriptor `fd`, 4 MB at a time. */
function emit(fd, bytes) {
  let written = 0;
  let batch = [];
  let size = 0;
  let previous = '';
  for (let k = 0; written + size < bytes; k++) {
    const l = k % 100 === 42 && previous ? previous : line(k);
    previous = l;
    batch.push(l);
    size += l.length;
    if (size >= 4 << 20) {
      writeAll(fd, batch.join(''));
      written += size;
      batch = [];
      size = 0;
    }
  }
  if (batch.length) writeAll(fd, batch.join(''));
}

function writeAll(fd, text) {
  const buf = Buffer.from(text);
  for (let off = 0; off < buf.length;) {
    try {
      off += writeSync(fd, buf, off);
    } catch (e) {
      if (e.code === 'EAGAIN') continue; // a pipe that is full for now
      if (e.code === 'EPIPE') process.exit(0);
      throw e;
    }
  }
}

// ---------------------------------------------------------------- ajv --------------------
/** The plain ajv loop over a file: each line JSON.parse'd and given to the compiled schema. */
async function ajvLoop(file) {
  const { makeAjv } = await import('./contenders.mjs');
  const validate = makeAjv();
  const t0 = process.hrtime.bigint();
  const fd = openSync(file, 'r');
  const chunk = Buffer.alloc(16 << 20);
  let carry = Buffer.alloc(0);
  let lines = 0;
  let valid = 0;
  let bytes = 0;
  const one = (buf, a, b) => {
    if (b <= a) return;
    lines++;
    try {
      if (validate(JSON.parse(buf.toString('utf8', a, b)))) valid++;
    } catch {
      // not JSON: invalid
    }
  };
  for (;;) {
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) break;
    bytes += n;
    const buf = carry.length ? Buffer.concat([carry, chunk.subarray(0, n)]) : chunk.subarray(0, n);
    let start = 0;
    for (let nl = buf.indexOf(10, start); nl >= 0; nl = buf.indexOf(10, start)) {
      one(buf, start, nl);
      start = nl + 1;
    }
    carry = Buffer.from(buf.subarray(start));
  }
  one(carry, 0, carry.length);
  closeSync(fd);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(JSON.stringify({ bytes, lines, valid, ms }));
}

// ---------------------------------------------------------------- runs -------------------
/** Runs `cmd` under /usr/bin/time: wall seconds, peak RSS in MB, and its stdout. */
function timed(cmd, args, env = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', 'TIME %M %U %S', cmd, ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const m = r.stderr.match(/TIME (\d+) ([\d.]+) ([\d.]+)\s*$/);
  if (r.status !== 0 || !m) throw new Error(`${cmd} ${args.join(' ')}: status ${r.status}: ${r.stderr.slice(-2000)}`);
  return { wall, rssMB: Number(m[1]) / 1024, cpu: Number(m[2]) + Number(m[3]), stdout: r.stdout };
}

/** A pipeline `node bench/cli.mjs --emit N | cmd args`, the consumer under /usr/bin/time. */
function piped(bytes, cmd, args) {
  const q = (s) => `'${s.replaceAll("'", "'\\''")}'`;
  const script = `set -o pipefail; ${q(process.execPath)} ${q(fileURLToPath(import.meta.url))} --emit ${bytes} | ` +
    `/usr/bin/time -f 'TIME %M %U %S' ${[cmd, ...args].map(q).join(' ')}`;
  const t0 = process.hrtime.bigint();
  const r = spawnSync('bash', ['-c', script], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const m = r.stderr.match(/TIME (\d+) ([\d.]+) ([\d.]+)\s*$/);
  if (r.status !== 0 || !m) throw new Error(`pipe into ${cmd}: status ${r.status}: ${r.stderr.slice(-2000)}`);
  return { wall, rssMB: Number(m[1]) / 1024, stdout: r.stdout };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const f1 = (x) => x.toFixed(1);

async function main() {
  const bytes = Number(arg('--bytes', 1e9));
  const big = Number(arg('--big', 2.5e9));
  const runs = Math.max(1, Number(arg('--runs', 3)));
  const skipNode = argv.includes('--skip-node');
  const native = join(ROOT, 'target', 'release', 'cc-number-events');
  const npmBin = join(ROOT, 'pkg', 'bin', 'cc-number-events.mjs');
  log('==> cargo build --release --bin cc-number-events');
  const built = spawnSync('cargo', ['build', '--release', '--bin', 'cc-number-events'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (built.status !== 0) throw new Error('cargo build failed');
  if (!skipNode && !existsSync(npmBin)) throw new Error(`${npmBin} missing: run make build first`);

  const dir = join(ROOT, 'target', 'bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'cli-log.ndjson');
  const stamp = `${file}.bytes`;
  if (!(existsSync(file) && existsSync(stamp) && readFileSync(stamp, 'utf8') === String(bytes))) {
    log(`==> writing ${file} (${bytes} bytes)`);
    const fd = openSync(file, 'w');
    emit(fd, bytes);
    closeSync(fd);
    writeFileSync(stamp, String(bytes));
  }
  const size = statSync(file).size;
  const mb = size / 1e6;
  const load = os.loadavg().map((x) => x.toFixed(2)).join(' ');
  log(`==> ${f1(mb)} MB; load ${load}; ${runs} interleaved runs`);

  const rows = {
    nativeNoTimelines: [], nativeText: [], nativeOneCore: [], ajv: [], node: [],
  };
  let events = null;
  for (let r = 0; r < runs; r++) {
    const a = timed(native, ['summarize', '--no-timelines', '--format', 'json', file]);
    const s = JSON.parse(a.stdout);
    events = { events: s.events, valid: s.valid, invalid: s.invalid, duplicates: s.duplicates, numbers: s.numbers.length };
    rows.nativeNoTimelines.push(a);
    log(`native --no-timelines: ${f1(a.wall)} s, ${f1(a.rssMB)} MB`);
    const t = timed(native, ['summarize', file]);
    rows.nativeText.push(t);
    log(`native (timelines kept, text): ${f1(t.wall)} s, ${f1(t.rssMB)} MB`);
    const o = timed(native, ['summarize', '--no-timelines', '--format', 'json', file], { RAYON_NUM_THREADS: '1' });
    rows.nativeOneCore.push(o);
    log(`native, one thread: ${f1(o.wall)} s, ${f1(o.rssMB)} MB`);
    const j = timed(process.execPath, [fileURLToPath(import.meta.url), '--ajv', file]);
    const aj = JSON.parse(j.stdout);
    rows.ajv.push({ ...j, wall: aj.ms / 1000, valid: aj.valid, lines: aj.lines });
    log(`ajv loop: ${f1(aj.ms / 1000)} s (${aj.lines} lines, ${aj.valid} valid), ${f1(j.rssMB)} MB`);
    if (!skipNode) {
      const n = timed(process.execPath, [npmBin, 'summarize', '--no-timelines', '--format', 'json', file]);
      const ns = JSON.parse(n.stdout);
      if (ns.events !== events.events || ns.valid !== events.valid) throw new Error('the npm bin and the native binary disagree');
      rows.node.push(n);
      log(`npm bin --no-timelines: ${f1(n.wall)} s, ${f1(n.rssMB)} MB`);
    }
  }
  const stat = (xs) => ({ wall: median(xs.map((x) => x.wall)), rss: Math.max(...xs.map((x) => x.rssMB)), mbs: mb / median(xs.map((x) => x.wall)) });
  const S = Object.fromEntries(Object.entries(rows).filter(([, v]) => v.length).map(([k, v]) => [k, stat(v)]));

  let bigRows = [];
  if (big > 0) {
    log(`==> ${big / 1e9} GB piped into the native binary`);
    const b = piped(big, native, ['summarize', '--no-timelines', '--format', 'json', '-']);
    const bs = JSON.parse(b.stdout);
    bigRows.push(['native', b, bs]);
    log(`native: ${f1(b.wall)} s, ${f1(b.rssMB)} MB, ${bs.events} events`);
    if (!skipNode) {
      const n = piped(big, process.execPath, [npmBin, 'summarize', '--no-timelines', '--format', 'json', '-']);
      const ns = JSON.parse(n.stdout);
      bigRows.push(['npm bin', n, ns]);
      log(`npm bin: ${f1(n.wall)} s, ${f1(n.rssMB)} MB, ${ns.events} events`);
    }
  }
  if (!argv.includes('--keep')) {
    rmSync(file, { force: true });
    rmSync(stamp, { force: true });
  }

  const out = [];
  const w = (s = '') => out.push(s);
  w(`Log: ${f1(mb)} MB of NDJSON, ${events.events.toLocaleString('en-US')} items (${events.valid.toLocaleString('en-US')} valid, ` +
    `${events.invalid.toLocaleString('en-US')} invalid, ${events.duplicates.toLocaleString('en-US')} duplicates), ${events.numbers.toLocaleString('en-US')} distinct numbers. ` +
    `${runs} interleaved runs, medians; peak RSS the largest of the runs. ${os.cpus().length} CPUs, load average at the start ${load} (the host is shared: compare the ratios, not the figures).`);
  w();
  w('| contender | wall s | MB/s | x ajv | peak RSS MB |');
  w('|:--|--:|--:|--:|--:|');
  const row = (name, s) => s && w(`| ${name} | ${f1(s.wall)} | ${f1(s.mbs)} | ${(s.mbs / S.ajv.mbs).toFixed(2)} | ${f1(s.rss)} |`);
  row('native `summarize --no-timelines --format json`', S.nativeNoTimelines);
  row('native `summarize` (timelines kept, text)', S.nativeText);
  row('native `--no-timelines`, `RAYON_NUM_THREADS=1`', S.nativeOneCore);
  row('npm bin `summarize --no-timelines --format json`', S.node);
  row('plain ajv loop (`JSON.parse` + compiled schema per line)', S.ajv);
  w();
  const met = (ok) => (ok ? 'MET' : 'not met');
  w(`- Native at least 3x the ajv loop: ${(S.nativeNoTimelines.mbs / S.ajv.mbs).toFixed(2)}x, ${met(S.nativeNoTimelines.mbs >= 3 * S.ajv.mbs)}.`);
  w(`- Native peak RSS under 200 MB with \`--no-timelines\`: ${f1(S.nativeNoTimelines.rss)} MB, ${met(S.nativeNoTimelines.rss < 200)}.`);
  if (S.node) w(`- npm bin peak RSS under 300 MB: ${f1(S.node.rss)} MB, ${met(S.node.rss < 300)}.`);
  for (const [name, b, s] of bigRows) {
    w(`- ${big / 1e9} GB piped into the ${name} (stdin, \`--no-timelines --format json\`): a summary of ${s.events.toLocaleString('en-US')} items ` +
      `(${s.valid.toLocaleString('en-US')} valid) in ${f1(b.wall)} s (${f1(big / 1e6 / b.wall)} MB/s, the generator included), peak RSS ${f1(b.rssMB)} MB.`);
  }
  const report = out.join('\n');
  console.log(report);
  if (argv.includes('--record')) {
    const rev = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
    appendFileSync(join(HERE, 'RESULTS.md'), `\n\n## ${new Date().toISOString().slice(0, 10)} — issue #13, the command line (\`node bench/cli.mjs\` at ${rev})\n\n${report}\n`);
  }
}

if (argv.includes('--emit')) emit(1, Number(arg('--emit')));
else if (argv.includes('--ajv')) await ajvLoop(arg('--ajv'));
else await main();
