// The npm package as bundlers see it: installed from its packed tarball into a tiny app, which
// each bundler builds, unchanged, and which then runs (in Node, or in headless Chromium under
// the page's strict CSP). Where a bundler cannot find the .wasm by itself (esbuild and Rollup
// for browsers), the test does the one thing the package README says to do: copy the file next
// to the bundle. Also type-checks the app as a bundler-resolution TypeScript project, with the
// `cc-number-events/wasm` URL import and the <cc-event-viewer> types.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ROOT, launchBrowser, startServer } from './harness.mjs';

const require = createRequire(import.meta.url);
const WORK = join(ROOT, 'target', 'bundlers');
const APP = join(WORK, 'app');
const PKG = join(APP, 'node_modules', 'cc-number-events');
const WASM = join(PKG, 'web', 'cc_number_events_bg.wasm');

const VALID = JSON.stringify({
  uuid: '2661273919712564939',
  event: '/restapi/v1.0/account/37439510/phone-number?usageType=ContactCenterNumber',
  timestamp: '2023-04-18T20:25:24.611Z',
  subscriptionId: '9d38419f-645f-4ee3-a053-8cf1368c21c4',
  ownerId: '8475874957',
  body: {
    eventType: 'Created',
    phoneNumberInfo: { id: '987654321', phoneNumber: '+12024999741', usageType: 'ContactCenterNumber' },
  },
});

// The same code for every bundler and platform: the one import line the README shows.
// `before` is what calling validate before init() says (nothing in Node, where no init is
// needed); the rest checks a valid payload (as text, as a parsed value and through receive(),
// whose code the Node glue requires on first use: a bundle must hold those files too) and
// parse's error class.
const APP_JS = `import init, { validate, parse, receive, isInvalidEventError, InvalidEventError } from 'cc-number-events';

export async function run() {
  let before = null;
  try {
    validate('{}');
  } catch (e) {
    before = String(e.message);
  }
  await init();
  const report = validate(${JSON.stringify(VALID)});
  let thrown = null;
  try {
    parse('{}');
  } catch (e) {
    thrown = { guard: isInvalidEventError(e), isClass: e instanceof InvalidEventError, kind: e.kind };
  }
  const parsed = validate(${VALID});
  const received = await receive({ method: 'POST', headers: {}, body: ${JSON.stringify(VALID)} });
  return {
    before, valid: report.valid, sentence: report.change.sentence, thrown,
    parsedSentence: parsed.change.sentence, received: received.outcome,
  };
}
`;
const EXPECTED = {
  valid: true,
  sentence: 'Contact Center number +12024999741 (id 987654321) was created on account 37439510 at 2023-04-18 20:25:24 UTC.',
  thrown: { guard: true, isClass: true, kind: 'notANotification' },
  parsedSentence: 'Contact Center number +12024999741 (id 987654321) was created on account 37439510 at 2023-04-18 20:25:24 UTC.',
  received: 'accepted',
};
const BEFORE_INIT = /validate\(\) was called before the WebAssembly module was loaded: call `await init\(\)`/;

const BROWSER_MAIN = `import { run } from './app.js';
run().then((r) => { window.__result = r; }, (e) => { window.__result = { error: String(e && e.stack || e) }; });
`;
const NODE_MAIN = `import { run } from './app.js';
run().then((r) => process.stdout.write(JSON.stringify(r)), (e) => { console.error(e); process.exit(1); });
`;
// (The icon link: no favicon request, so any 404 is the app's.)
const HEAD = '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>app</title>';
const HTML = (script) => `${HEAD}<script type="module" src="${script}"></script>`;

let browser;
before(async () => {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(join(APP, 'node_modules'), { recursive: true });
  // Installed as from the registry: the packed tarball, unpacked into node_modules.
  const tgz = execFileSync('npm', ['pack', join(ROOT, 'pkg'), '--pack-destination', WORK, '--silent'], { encoding: 'utf8' }).trim().split('\n').pop();
  mkdirSync(PKG, { recursive: true });
  execFileSync('tar', ['xzf', join(WORK, tgz), '-C', PKG, '--strip-components=1']);
  writeFileSync(join(APP, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  writeFileSync(join(APP, 'app.js'), APP_JS);
  writeFileSync(join(APP, 'main.js'), BROWSER_MAIN);
  writeFileSync(join(APP, 'node-main.js'), NODE_MAIN);
  writeFileSync(join(APP, 'index.html'), HTML('./main.js'));
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** Serves `dir` (with the page's CSP) and returns what the app put in `window.__result`. */
async function runInChromium(dir, page = 'index.html', { wait = () => window.__result, read = () => window.__result } = {}) {
  const server = await startServer({ port: 0, root: dir });
  const context = await browser.newContext();
  const problems = [];
  const requests = [];
  try {
    const tab = await context.newPage();
    tab.on('request', (r) => requests.push(new URL(r.url()).pathname));
    tab.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    tab.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    tab.on('response', (r) => r.status() >= 400 && problems.push(`http ${r.status()}: ${r.url()}`));
    await tab.goto(new URL(page, server.url).href);
    await tab.waitForFunction(wait, null, { timeout: 30_000 });
    return { result: await tab.evaluate(read), problems, requests };
  } finally {
    await context.close();
    await server.close();
  }
}

function assertBrowserResult({ result, problems }) {
  assert.equal(result.error, undefined, result.error);
  assert.match(result.before, BEFORE_INIT);
  const { before: _, ...rest } = result;
  assert.deepEqual(rest, EXPECTED);
  assert.deepEqual(problems, []);
}

function runNode(file, cwd) {
  const r = spawnSync(process.execPath, [file], { cwd, encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, `node ${file}:\n${r.stderr}`);
  const result = JSON.parse(r.stdout);
  assert.equal(result.before, null, 'no init is needed in Node');
  const { before: _, ...rest } = result;
  assert.deepEqual(rest, EXPECTED);
}

test('esbuild, platform node: ESM and CJS bundles run where they were built, and elsewhere with the .wasm copied next to them', async () => {
  const esbuild = require('esbuild');
  const out = join(WORK, 'esbuild-node');
  for (const format of ['esm', 'cjs']) {
    const file = join(out, format === 'esm' ? 'bundle.mjs' : 'bundle.cjs');
    await esbuild.build({ entryPoints: [join(APP, 'node-main.js')], bundle: true, platform: 'node', format, outfile: file, logLevel: 'silent' });
    runNode(file, APP);
    // Deployed where no node_modules can be seen (outside this repository): the bundle alone
    // says what is missing; with the .wasm next to it, as the README says, it runs.
    const away = mkdtempSync(join(tmpdir(), 'cc-number-events-deployed-'));
    try {
      const deployed = join(away, format === 'esm' ? 'bundle.mjs' : 'bundle.cjs');
      copyFileSync(file, deployed);
      const alone = spawnSync(process.execPath, [deployed], { cwd: away, encoding: 'utf8', timeout: 60_000 });
      assert.notEqual(alone.status, 0);
      assert.match(alone.stderr, /cannot find cc_number_events_bg\.wasm .*copy node_modules\/cc-number-events\/web\/cc_number_events_bg\.wasm into the bundle's folder/);
      copyFileSync(WASM, join(away, 'cc_number_events_bg.wasm'));
      runNode(deployed, away);
    } finally {
      rmSync(away, { recursive: true, force: true });
    }
  }
});

test('webpack 5, target node: the bundle runs', async () => {
  const out = join(WORK, 'webpack-node');
  await webpackBuild({ target: 'node', entry: join(APP, 'node-main.js'), output: { path: out, filename: 'bundle.cjs' } });
  runNode(join(out, 'bundle.cjs'), APP);
});

test('esbuild, platform browser: the bundle runs in Chromium with the .wasm copied next to it', async () => {
  const esbuild = require('esbuild');
  const out = join(WORK, 'esbuild-browser');
  await esbuild.build({ entryPoints: [join(APP, 'main.js')], bundle: true, platform: 'browser', format: 'esm', outfile: join(out, 'main.js'), logLevel: 'silent' });
  writeFileSync(join(out, 'index.html'), HTML('./main.js'));
  copyFileSync(WASM, join(out, 'cc_number_events_bg.wasm')); // the README's one line
  assertBrowserResult(await runInChromium(out));
});

test('Rollup (node-resolve, browser): the bundle runs in Chromium with the .wasm copied next to it', async () => {
  const { rollup } = await import('rollup');
  const { nodeResolve } = await import('@rollup/plugin-node-resolve');
  const out = join(WORK, 'rollup');
  const bundle = await rollup({ input: join(APP, 'main.js'), plugins: [nodeResolve({ browser: true })], onwarn: () => {} });
  await bundle.write({ dir: out, format: 'es' });
  await bundle.close();
  writeFileSync(join(out, 'index.html'), HTML('./main.js'));
  copyFileSync(WASM, join(out, 'cc_number_events_bg.wasm')); // the README's one line
  assertBrowserResult(await runInChromium(out));
});

test('webpack 5, target web: the .wasm is emitted by itself and the bundle runs in Chromium', async () => {
  const out = join(WORK, 'webpack-web');
  await webpackBuild({ target: 'web', entry: join(APP, 'main.js'), output: { path: out, filename: 'main.js' } });
  assert.ok(readdirSync(out).some((f) => f.endsWith('.wasm')), 'webpack emitted the .wasm');
  writeFileSync(join(out, 'index.html'), HTML('./main.js'));
  assertBrowserResult(await runInChromium(out));
});

test('Vite: the .wasm is emitted by itself, and the published <cc-event-viewer> works bundled (worker, stylesheet, .wasm)', async () => {
  const { build } = await import('vite');
  const root = join(WORK, 'vite-app');
  cpSync(APP, root, { recursive: true, filter: (src) => !src.includes(`${join(APP, 'node_modules')}`) });
  // The viewer, as a portal would use it: one import, one tag.
  writeFileSync(join(root, 'viewer.js'), "import 'cc-number-events/viewer';\n" +
    "document.addEventListener('cc-report', (e) => { window.__report = { mode: e.mode, valid: e.valid, detail: e.detail === e.result }; });\n");
  writeFileSync(join(root, 'viewer.html'), `${HEAD}<script type="module" src="./viewer.js"></script>
<cc-event-viewer payload='${VALID.replaceAll("'", '&#39;')}'></cc-event-viewer>`);
  const out = join(root, 'dist');
  await build({
    root,
    logLevel: 'silent',
    resolve: { preserveSymlinks: false },
    build: { outDir: out, emptyOutDir: true, rollupOptions: { input: { index: join(root, 'index.html'), viewer: join(root, 'viewer.html') } } },
    // The app's own node_modules, as if the package were installed there.
    cacheDir: join(WORK, 'vite-cache'),
  });
  const files = readdirSync(join(out, 'assets'));
  assert.ok(files.some((f) => f.endsWith('.wasm')), `Vite emitted the .wasm: ${files}`);
  assertBrowserResult(await runInChromium(out));
  const viewer = await runInChromium(out, 'viewer.html', { wait: () => window.__report, read: () => window.__report });
  assert.deepEqual(viewer.result, { mode: 'single', valid: true, detail: true });
  assert.deepEqual(viewer.problems, []);
  // Checked in its worker (not the main-thread fallback), styled by its own stylesheet.
  for (const kind of [/worker[^/]*\.js$/, /\.css$/, /\.wasm$/]) {
    assert.ok(viewer.requests.some((p) => kind.test(p)), `no request for ${kind}: ${viewer.requests.join(', ')}`);
  }
});

test('no bundler: the published <cc-event-viewer> served as installed (node_modules/cc-number-events/viewer)', async () => {
  writeFileSync(join(APP, 'viewer.html'), `${HEAD}
<script type="module" src="./node_modules/cc-number-events/viewer/index.js"></script>
<script type="module" src="./viewer-listen.js"></script>
<cc-event-viewer payload='${VALID.replaceAll("'", '&#39;')}'></cc-event-viewer>`);
  writeFileSync(join(APP, 'viewer-listen.js'), "document.addEventListener('cc-report', (e) => { window.__report = { mode: e.mode, valid: e.valid }; });\n");
  const { result, problems, requests } = await runInChromium(APP, 'viewer.html', { wait: () => window.__report, read: () => window.__report });
  assert.deepEqual(result, { mode: 'single', valid: true });
  assert.deepEqual(problems, []);
  for (const path of ['/node_modules/cc-number-events/viewer/worker.js', '/node_modules/cc-number-events/viewer/cc-event-viewer.css',
    '/node_modules/cc-number-events/web/cc_number_events_bg.wasm']) {
    assert.ok(requests.includes(path), `no request for ${path}: ${requests.join(', ')}`);
  }
});

test('TypeScript (bundler resolution, DOM): init, the .wasm URL import and the viewer are typed', () => {
  const dir = join(WORK, 'ts-app');
  mkdirSync(dir, { recursive: true });
  cpSync(join(APP, 'node_modules'), join(dir, 'node_modules'), { recursive: true });
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { module: 'esnext', moduleResolution: 'bundler', target: 'es2022', lib: ['es2022', 'dom'], types: [], strict: true, noEmit: true, skipLibCheck: false },
    include: ['*.ts'],
  }));
  writeFileSync(join(dir, 'app.ts'), `import init, { validate, isInvalidEventError, type Report } from 'cc-number-events';
import wasmUrl from 'cc-number-events/wasm';
import { CcEventViewer, CcReportEvent, type ViewerResult } from 'cc-number-events/viewer';

const url: string = wasmUrl;
await init({ module_or_path: url });
const report: Report = validate('{}');
try {
  validate('{}');
} catch (e) {
  if (isInvalidEventError(e)) console.log(e.issues.length, e.kind);
}
const viewer: CcEventViewer = document.createElement('cc-event-viewer');
viewer.strict = true;
viewer.addEventListener('cc-report', (e) => {
  const event: CcReportEvent = e;
  const result: ViewerResult = e.result;
  if (result.mode === 'log') console.log(result.summary.events);
  else console.log(result.report.valid, event.valid);
});
// @ts-expect-error payload is a string
viewer.payload = 42;
const checked: Promise<ViewerResult | null> = viewer.check();
console.log(report.valid, checked, CcEventViewer, CcReportEvent);
`);
  const r = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', dir], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

test('cc-number-events/validate: esbuild (node) and webpack 5 (web) bundles carry and load the validate-only module alone', async () => {
  // The same app, importing the webhook handler's entry point.
  writeFileSync(join(APP, 'app-validate.js'), APP_JS.replace("from 'cc-number-events';", "from 'cc-number-events/validate';"));
  writeFileSync(join(APP, 'node-main-validate.js'), NODE_MAIN.replace('./app.js', './app-validate.js'));
  writeFileSync(join(APP, 'main-validate.js'), BROWSER_MAIN.replace('./app.js', './app-validate.js'));
  const esbuild = require('esbuild');
  const file = join(WORK, 'esbuild-node-validate', 'bundle.mjs');
  await esbuild.build({ entryPoints: [join(APP, 'node-main-validate.js')], bundle: true, platform: 'node', format: 'esm', outfile: file, logLevel: 'silent' });
  runNode(file, APP);
  const out = join(WORK, 'webpack-web-validate');
  await webpackBuild({ target: 'web', entry: join(APP, 'main-validate.js'), output: { path: out, filename: 'main.js' } });
  const wasm = readdirSync(out).filter((f) => f.endsWith('.wasm'));
  assert.equal(wasm.length, 1, `one .wasm emitted: ${wasm}`);
  assert.equal(statSync(join(out, wasm[0])).size, statSync(join(PKG, 'web', 'cc_number_events_validate_bg.wasm')).size, 'the validate module\'s');
  writeFileSync(join(out, 'index.html'), HTML('./main.js'));
  assertBrowserResult(await runInChromium(out));
});

async function webpackBuild(config) {
  const webpack = require('webpack');
  const stats = await new Promise((resolve, reject) =>
    webpack({ mode: 'production', context: APP, devtool: false, performance: { hints: false }, ...config }, (err, s) => (err ? reject(err) : resolve(s))));
  assert.ok(!stats.hasErrors(), stats.toString('errors-only'));
}
