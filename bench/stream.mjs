#!/usr/bin/env node
// Streaming benchmark (issue #13): summarizeStream on a large generated NDJSON log, next to
// summarize() and the plain ajv loop (JSON.parse + compiled schema per line) in the same run,
// each in a fresh process so that its peak RSS is its own.
//
//   node bench/stream.mjs [--mb 100] [--big-mb 1000] [--huge-mb 2500] [--baseline DIR]
//
//   --mb N        the log every contender reads (default 100 MB): MB/s and peak RSS
//   --big-mb N    summarizeStream alone on an N MB file (default 1000; 0 to skip)
//   --huge-mb N   summarizeStream alone on N MB generated on the fly, never on disk (default
//                 0; 2500 for the "a summary, never a trap")
//   --baseline D  also time summarize() of the package in D (e.g. a build of main's pkg/)
//
// The logs are bench/corpus.mjs's notifications (seeded; one in ten with a defect), written
// to target/bench/. Results (Markdown) on stdout, progress on stderr.
import { spawnSync } from 'node:child_process';
import { closeSync, createReadStream, existsSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEFAULT_SEED, notifications } from './corpus.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const OUT = join(ROOT, 'target', 'bench');
const argv = process.argv.slice(2);
const arg = (name, d) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : d);
const log = (...a) => console.error(...a);
// The streams read every item: maxItems is not what is measured.
const OPTIONS = { maxItems: 1e9 };

/** The generated log's lines, `mb` megabytes of them. */
function* lines(mb) {
  let size = 0;
  const limit = mb * 1e6;
  for (const { text } of notifications({ seed: DEFAULT_SEED + 13 })) {
    if (size + text.length + 1 > limit) return;
    size += text.length + 1;
    yield text + '\n';
  }
}

/** Writes (once) the `mb` MB log to target/bench; its path. */
function logFile(mb) {
  const path = join(OUT, `log-${mb}mb.ndjson`);
  if (existsSync(path) && statSync(path).size > mb * 1e6 * 0.99) return path;
  log(`  writing ${path}`);
  const fd = openSync(path, 'w');
  let block = '';
  for (const line of lines(mb)) {
    block += line;
    if (block.length > 1 << 22) {
      writeSync(fd, block);
      block = '';
    }
  }
  writeSync(fd, block);
  closeSync(fd);
  return path;
}

// ------------------------------------------------------------------ one contender -------------
async function child(which, path, extra) {
  const pkgDir = extra || 'cc-number-events';
  const pkg = await import(extra ? pathToFileURL(join(extra, 'node', 'index.mjs')).href : pkgDir);
  const t0 = performance.now();
  let result;
  if (which === 'ajv') {
    const { logContenders } = await import('./contenders.mjs');
    const c = await logContenders();
    const text = readFileSync(path, 'utf8');
    result = c['ajv 8 (split+parse+validate+change+agg)'](text);
  } else if (which === 'summarize') {
    const s = pkg.summarize(readFileSync(path), { ...OPTIONS, maxInputBytes: 1 << 30 });
    result = { valid: s.valid, events: s.events, numbers: s.numbers.length, problems: s.problems.length };
  } else if (which === 'stream' || which === 'stream-no-timelines') {
    const options = which === 'stream' ? OPTIONS : { ...OPTIONS, timelines: false };
    const s = await pkg.summarizeStream(createReadStream(path, { highWaterMark: 1 << 20 }), options);
    result = { valid: s.valid, events: s.events, numbers: s.numbers.length + s.numbersNotListed, problems: s.problems.length };
  } else if (which === 'stream-generated') {
    const mb = Number(path);
    async function* source() {
      let block = '';
      for (const line of lines(mb)) {
        block += line;
        if (block.length > 1 << 20) {
          yield block;
          block = '';
        }
      }
      yield block;
    }
    const s = await pkg.summarizeStream(source(), { ...OPTIONS, timelines: false });
    result = { valid: s.valid, events: s.events, numbers: s.numbers.length + s.numbersNotListed, problems: s.problems.length, limitReached: s.limitReached };
  }
  const ms = performance.now() - t0;
  console.log(JSON.stringify({ ms, maxRssMB: process.resourceUsage().maxRSS / 1024, result }));
}

function run(which, path, extra = '') {
  const r = spawnSync(process.execPath, ['--max-old-space-size=4096', fileURLToPath(import.meta.url), '--child', which, path, extra], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0) return { error: (r.stderr || '').split('\n').slice(-6).join(' ') };
  return JSON.parse(r.stdout.trim().split('\n').at(-1));
}

// ------------------------------------------------------------------ main ----------------------
if (argv[0] === '--child') {
  await child(argv[1], argv[2], argv[3]);
} else {
  const mb = Number(arg('--mb', 100));
  const bigMb = Number(arg('--big-mb', 1000));
  const hugeMb = Number(arg('--huge-mb', 0));
  const baseline = arg('--baseline', '');
  const path = logFile(mb);
  const size = statSync(path).size / 1e6;
  const rows = [];
  const contenders = [
    ['ajv 8 loop (JSON.parse + compiled schema per line)', 'ajv', ''],
    ...(baseline ? [['summarize(bytes), baseline package', 'summarize', baseline]] : []),
    ['summarize(bytes)', 'summarize', ''],
    ['summarizeStream(fs.createReadStream)', 'stream', ''],
    ['summarizeStream, timelines: false', 'stream-no-timelines', ''],
  ];
  // Two rounds, alternating, and the faster of each: the host is shared.
  const best = {};
  for (let round = 0; round < 2; round++) {
    for (const [name, which, extra] of contenders) {
      log(`  ${name} (round ${round + 1})`);
      const r = run(which, path, extra);
      if (!best[name] || r.error || (!best[name].error && r.ms < best[name].ms)) best[name] = r;
    }
  }
  const ajv = best[contenders[0][0]];
  for (const [name] of contenders) {
    const r = best[name];
    if (r.error) {
      rows.push(`| ${name} | failed: ${r.error} | | | |`);
      continue;
    }
    const mbps = size / (r.ms / 1000);
    rows.push(`| ${name} | ${mbps.toFixed(1)} | ${(mbps / (size / (ajv.ms / 1000))).toFixed(2)}x | ${Math.round(r.maxRssMB)} | ${JSON.stringify(r.result)} |`);
  }
  const big = [];
  if (bigMb > 0) {
    const bigPath = logFile(bigMb);
    const bigSize = statSync(bigPath).size / 1e6;
    for (const which of ['stream-no-timelines', 'stream']) {
      log(`  ${which} on ${bigSize.toFixed(0)} MB`);
      const r = run(which, bigPath);
      big.push(r.error ? `| ${which}, ${bigSize.toFixed(0)} MB file | failed: ${r.error} | | |`
        : `| ${which}, ${bigSize.toFixed(0)} MB file | ${(bigSize / (r.ms / 1000)).toFixed(1)} | ${Math.round(r.maxRssMB)} | ${JSON.stringify(r.result)} |`);
    }
  }
  if (hugeMb > 0) {
    log(`  summarizeStream on ${hugeMb} MB generated`);
    const r = run('stream-generated', String(hugeMb));
    big.push(r.error ? `| generated ${hugeMb} MB, timelines: false | failed: ${r.error} | | |`
      : `| generated ${hugeMb} MB (never on disk), timelines: false | ${(hugeMb / (r.ms / 1000)).toFixed(1)} (with generating) | ${Math.round(r.maxRssMB)} | ${JSON.stringify(r.result)} |`);
  }
  console.log(`### Streaming (issue #13), ${new Date().toISOString().slice(0, 10)}, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}\n`);
  console.log(`Log: ${size.toFixed(0)} MB of bench/corpus.mjs notifications (seed ${DEFAULT_SEED + 13}); each contender in a fresh process, the faster of two alternating rounds; peak RSS is the process's.\n`);
  console.log('| contender | MB/s | ÷ ajv loop | peak RSS MB | result |\n|:--|--:|--:|--:|:--|');
  for (const r of rows) console.log(r);
  if (big.length) {
    console.log('\n| large logs | MB/s | peak RSS MB | result |\n|:--|--:|--:|:--|');
    for (const r of big) console.log(r);
  }
}
