// The npm package's `bin` (`npx cc-number-events`), run as npm runs it, against the golden
// files of the native binary (tests/golden-cli/, written by tests/cli.rs): the same output,
// exit statuses and messages on every case.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const golden = join(root, 'tests', 'golden-cli');
const require = createRequire(import.meta.url);
const manifestPath = require.resolve('cc-number-events/package.json');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const bin = join(dirname(manifestPath), manifest.bin['cc-number-events']);

function run(args, stdin) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    input: stdin ? readFileSync(join(root, stdin)) : '',
    maxBuffer: 1 << 28,
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('the package declares the bin, and ships it', () => {
  assert.equal(manifest.bin['cc-number-events'], './bin/cc-number-events.mjs');
  assert.ok(manifest.files.includes('bin/cc-number-events.mjs'));
  assert.match(readFileSync(bin, 'utf8'), /^#!\/usr\/bin\/env node\n/);
});

// The summary-size options (`--no-timelines`, `--last`, `--changed-only`) need a package whose
// summarize knows `timelines`, `lastEntries` and `changedOnly` (issue #13, the stream branch);
// on one that refuses them, their cases are reported as skipped rather than run.
const { summarize } = await import('cc-number-events');
const sizeOptions = (() => {
  try {
    summarize('', { timelines: true, changedOnly: false });
    return true;
  } catch {
    return false;
  }
})();
const SIZE_FLAGS = ['--no-timelines', '--last', '--changed-only'];

test('every golden case: the native binary\'s output, exit status and messages', (t) => {
  const cases = JSON.parse(readFileSync(join(golden, 'cases.json'), 'utf8'));
  assert.ok(cases.length >= 40);
  const failures = [];
  for (const c of cases) {
    if (!sizeOptions && c.status === 0 && c.args.some((a) => SIZE_FLAGS.includes(a))) {
      t.diagnostic(`${c.name}: skipped, the package's summarize has no summary-size options yet`);
      continue;
    }
    const r = run(c.args, c.stdin);
    if (r.status !== c.status) failures.push(`${c.name}: exit status ${r.status} instead of ${c.status}: ${r.stderr}`);
    if (c.stderr !== undefined && r.stderr !== c.stderr) failures.push(`${c.name}: stderr ${JSON.stringify(r.stderr)}`);
    if (c.status === 2) {
      if (!r.stderr) failures.push(`${c.name}: exit status 2 without a message`);
      continue;
    }
    const want = readFileSync(join(golden, `${c.sameAs ?? c.name}.out`), 'utf8');
    if (r.stdout !== want) failures.push(`${c.name}: stdout differs:\n--- got\n${r.stdout}\n--- want\n${want}`);
  }
  assert.deepEqual(failures, []);
});

test('--help and --version', () => {
  const help = run(['--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /Examples:\n {2}cc-number-events check payload\.json/);
  assert.match(help.stdout, /Exit status: 0 when every file is valid/);
  const version = run(['--version']);
  assert.equal(version.stdout, `cc-number-events ${manifest.version}\n`);
});

test('a closed pipe ends the output quietly, with the verdict\'s status', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-number-events-cli-'));
  try {
    const line = (i) => JSON.stringify({
      uuid: String(1e18 + i), event: '/restapi/v1.0/account/37439510/phone-number?usageType=ContactCenterNumber',
      timestamp: '2023-04-18T09:00:00.000Z', subscriptionId: '9d38419f-645f-4ee3-a053-8cf1368c21c4', ownerId: '8475874957',
      body: { eventType: 'Created', phoneNumberInfo: { id: String(100000 + i), phoneNumber: `+1202${String(i).padStart(7, '0')}`, usageType: 'ContactCenterNumber' } },
    });
    const log = join(dir, 'big.ndjson');
    writeFileSync(log, Array.from({ length: 20000 }, (_, i) => line(i)).join('\n') + '\n');
    const child = spawn(process.execPath, [bin, 'summarize', '--format', 'csv', log], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    const first = await new Promise((resolve) => {
      child.stdout.once('data', (d) => {
        child.stdout.destroy(); // as `| head -1` does
        resolve(String(d).split(/\r?\n/)[0]);
      });
    });
    const status = await new Promise((resolve) => child.on('close', (code) => resolve(code)));
    assert.equal(first, 'group,phoneNumber,id,time,uuid,eventType,effect,changes,line');
    assert.equal(stderr, '');
    assert.equal(status, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('stdin in small pieces reads as the file does', async () => {
  const file = run(['check', 'tests/fixtures/summarize/mixed-day.ndjson']);
  const child = spawn(process.execPath, [bin, 'check', '-'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (d) => { stdout += d; });
  const stream = createReadStream(join(root, 'tests/fixtures/summarize/mixed-day.ndjson'), { highWaterMark: 7 });
  stream.pipe(child.stdin);
  const status = await new Promise((resolve) => child.on('close', (code) => resolve(code)));
  assert.equal(status, 1);
  assert.equal(stdout, file.stdout.replaceAll('tests/fixtures/summarize/mixed-day.ndjson', '<stdin>'));
});
