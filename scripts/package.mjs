#!/usr/bin/env node
// Assemble the npm package `cc-number-events` in pkg/ from the wasm-bindgen
// output in pkg/node (target nodejs, CommonJS) and pkg/web (target web, ESM),
// then mirror pkg/web into www/pkg for the static page.
//
// Resulting entry points (Node >= 20, no flags, no init call in Node):
//   import { validate } from 'cc-number-events'   -> pkg/node/index.mjs (ESM wrapper)
//   require('cc-number-events')                   -> pkg/node/cc_number_events.js (CJS)
//   browsers / bundlers ("browser" condition) and 'cc-number-events/web'
//                                                 -> pkg/web/cc_number_events.js (ESM, `await init()`)
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = join(root, 'pkg');
const NAME = 'cc_number_events';
const nodeGlue = join(pkg, 'node', `${NAME}.js`);
const webGlue = join(pkg, 'web', `${NAME}.js`);

for (const f of [nodeGlue, webGlue, join(pkg, 'node', `${NAME}.d.ts`), join(pkg, 'web', `${NAME}.d.ts`)]) {
  if (!existsSync(f)) {
    console.error(`package.mjs: missing ${f}; run wasm-bindgen first (make build)`);
    process.exit(1);
  }
}

// --- crate metadata from Cargo.toml ([package] table only) -------------------
const cargoToml = readFileSync(join(root, 'Cargo.toml'), 'utf8');
const packageTable = cargoToml.split(/^\[/m).find((t) => t.startsWith('package]')) ?? '';
const field = (key) => packageTable.match(new RegExp(`^${key}\\s*=\\s*"([^"]*)"`, 'm'))?.[1];
const version = field('version');
if (!version) {
  console.error('package.mjs: no version in Cargo.toml [package]');
  process.exit(1);
}

// Pin each directory's module format, independent of any enclosing package.json
// (this repo's root package.json is "type": "module"): the nodejs glue is
// CommonJS, the web glue is an ES module; both use the .js extension.
writeFileSync(join(pkg, 'node', 'package.json'), JSON.stringify({ type: 'commonjs' }, null, 2) + '\n');
writeFileSync(join(pkg, 'web', 'package.json'), JSON.stringify({ type: 'module' }, null, 2) + '\n');

// wasm-bindgen copies the JS modules the crate imports (src/js/*.js, as
// snippets/<crate>/src/js/*.js) as ES modules even for the nodejs target, whose CommonJS glue
// then require()s them: Node 20 can only do that from 20.19 on. Ours import nothing and
// export only `export function` declarations, so rewrite those to CommonJS.
const snippets = join(pkg, 'node', 'snippets');
const jsFiles = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? jsFiles(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : []);
// Whole-line comments are for readers of src/js/; shipped, they were a third of the snippets'
// bytes, loaded by every caller. (Only whole lines: none of our strings spans lines.)
const uncommented = (src) => src.replace(/^[ \t]*\/\/.*\n/gm, '');
const webSnippets = join(pkg, 'web', 'snippets');
if (existsSync(webSnippets)) {
  for (const file of jsFiles(webSnippets)) writeFileSync(file, uncommented(readFileSync(file, 'utf8')));
}
if (existsSync(snippets)) {
  for (const file of jsFiles(snippets)) {
    const src = uncommented(readFileSync(file, 'utf8'));
    const exported = [...src.matchAll(/^export function (\w+)/gm)].map((m) => m[1]);
    if (/^\s*(import|export)\b(?! function)/m.test(src)) {
      console.error(`package.mjs: ${file}: only \`export function\` snippets can be made CommonJS`);
      process.exit(1);
    }
    const cjsSrc = src.replace(/^export function /gm, 'function ') +
      `\nmodule.exports = { ${exported.join(', ')} };\n`;
    writeFileSync(file, cjsSrc);
  }
}

// --- restart after a trap -----------------------------------------------------------
// A trap (WebAssembly.RuntimeError: unreachable, out of bounds...) leaves the module's heap
// in whatever state the trapping call left it: allocations never freed, an allocator
// possibly mid-update. Each glue gets a `restart()` that replaces the instance with a fresh
// one of the same compiled module, and its calls are wrapped: after a trap, the module is
// restarted and parse/validate/summarize answer with what the fresh module's
// `trappedReport` makes (an input-too-large report, or parse's InvalidEventError) instead of
// the raw RuntimeError; the other exports rethrow it. A native stack overflow inside a call
// (a RangeError) unwinds through WebAssembly frames too: the module is restarted, and the
// error rethrown, as it is the caller's.
const guardNames = { parse: 0, validate: 1, summarize: 2 };
const guard = (restart) => `
// --- Appended by scripts/package.mjs: restart after a trap. ---
${restart}
let __ccneStale = false;
function __ccneFresh() {
    __ccneStale = true;
    __ccneRestart();
    __ccneStale = false;
}
function __ccneTrapped(e) {
    try {
        return e instanceof WebAssembly.RuntimeError;
    } catch {
        return false;
    }
}
function __ccneOverflow(e) {
    try {
        return e instanceof RangeError && /call stack/i.test(e.message);
    } catch {
        return false;
    }
}
function __ccneGuard(f, which, name) {
    const guarded = function (input, opts) {
        // A restart that itself failed (out of stack, say) is retried before the next call.
        if (__ccneStale) __ccneFresh();
        try {
            return f(input, opts);
        } catch (e) {
            const trapped = __ccneTrapped(e);
            if (!trapped && !__ccneOverflow(e)) throw e;
            __ccneFresh();
            if (!trapped || which < 0) throw e;
            try {
                return trappedReport(which, input, String(e.message));
            } catch (again) {
                // parse's InvalidEventError is the answer; a second trap leaves the module
                // to be replaced before the next call.
                if (__ccneTrapped(again)) __ccneStale = true;
                throw again;
            }
        }
    };
    Object.defineProperty(guarded, 'name', { value: name });
    return guarded;
}
`;
const guarded = (exportsOf) => {
  const out = [];
  for (const name of exportsOf) {
    if (name === 'trappedReport') continue;
    out.push([name, name in guardNames ? guardNames[name] : -1]);
  }
  return out;
};
// The names a glue exports as functions of the module (not wasm-bindgen's own).
const declared = (src, prefix) =>
  [...src.matchAll(new RegExp(`^${prefix}function (\\w+)\\(`, 'gm'))]
    .map((m) => m[1])
    .filter((n) => !n.startsWith('__wbg') && !n.startsWith('__wbindgen') && n !== 'initSync');
{
  // Node: the CommonJS glue compiles the module once (`wasmModule`) and instantiates it;
  // a restart instantiates it again with fresh imports, as the glue's own last lines do.
  let src = readFileSync(nodeGlue, 'utf8');
  const exported = [...src.matchAll(/^exports\.(\w+) = \1;$/gm)].map((m) => m[1]);
  const caches = [...src.matchAll(/^let (cached\w+Memory0) = null;$/gm)].map((m) => m[1]);
  if (!/^let wasm = wasmInstance\.exports;$/m.test(src) || !exported.includes('trappedReport')) {
    console.error('package.mjs: the nodejs glue is not laid out as expected; cannot add the restart');
    process.exit(1);
  }
  const restart = `function __ccneRestart() {
    wasmInstance = new WebAssembly.Instance(wasmModule, __wbg_get_imports());
    wasm = wasmInstance.exports;
${caches.map((c) => `    ${c} = null;`).join('\n')}
    wasm.__wbindgen_start();
}`;
  src += guard(restart);
  for (const [name, which] of guarded(exported)) {
    src += `exports.${name} = __ccneGuard(${name}, ${which}, '${name}');\n`;
  }
  writeFileSync(nodeGlue, src);
}
{
  // Web: `initSync` instantiates the module `init` compiled, once `wasm` is cleared.
  let src = readFileSync(webGlue, 'utf8');
  const exported = declared(src, 'export ');
  if (!/^function initSync\(module\) \{$/m.test(src) || !exported.includes('trappedReport')) {
    console.error('package.mjs: the web glue is not laid out as expected; cannot add the restart');
    process.exit(1);
  }
  const restart = `function __ccneRestart() {
    const module = wasmModule;
    wasm = undefined;
    initSync({ module });
}`;
  src += guard(restart);
  for (const [name, which] of guarded(exported)) {
    // The raw function keeps its body under another name; the export is the guarded one.
    src = src.replace(new RegExp(`^export function ${name}\\(`, 'm'), `function __ccneRaw_${name}(`);
    src += `const __ccneGuarded_${name} = __ccneGuard(__ccneRaw_${name}, ${which}, '${name}');\n` +
      `export { __ccneGuarded_${name} as ${name} };\n`;
  }
  writeFileSync(webGlue, src);
}

// --- public export names: what the CJS glue really exports -------------------
// Derived at package time, so functions that don't exist yet (e.g. summarize)
// never break the ESM wrapper. wasm-bindgen internals (__wbg*, __wbindgen*) are
// excluded.
const require = createRequire(import.meta.url);
const cjs = require(nodeGlue);
const IDENT = /^[A-Za-z_$][\w$]*$/;
const names = Object.keys(cjs)
  .filter((n) => IDENT.test(n) && !n.startsWith('__wbg') && !n.startsWith('__wbindgen') && n !== 'default')
  .sort();

const banner = '// Generated by scripts/package.mjs. Do not edit.\n';
writeFileSync(
  join(pkg, 'node', 'index.mjs'),
  banner +
    `import cjs from './${NAME}.js';\n\n` +
    (names.length ? `export const {\n${names.map((n) => `  ${n},`).join('\n')}\n} = cjs;\n` : '') +
    'export default cjs;\n',
);
writeFileSync(
  join(pkg, 'node', 'index.d.mts'),
  banner +
    `export * from './${NAME}.js';\n` +
    `import * as cjs from './${NAME}.js';\n` +
    'export default cjs;\n',
);
// Files wasm-bindgen may emit that we don't ship.
for (const dir of ['node', 'web']) rmSync(join(pkg, dir, '.gitignore'), { force: true });

// --- the command line (bin/cc-number-events.mjs, `npx cc-number-events`) ----------
mkdirSync(join(pkg, 'bin'), { recursive: true });
cpSync(join(root, 'bin', 'cc-number-events.mjs'), join(pkg, 'bin', 'cc-number-events.mjs'));

// --- docs and licences ---------------------------------------------------------
const docs = [];
for (const f of ['README.md', 'LICENSE-MIT', 'LICENSE-APACHE']) {
  if (existsSync(join(root, f))) {
    cpSync(join(root, f), join(pkg, f));
    docs.push(f);
  } else {
    console.warn(`package.mjs: warning: ${f} not found; not included in pkg/`);
  }
}

// --- package.json ------------------------------------------------------------------
const nodeTypes = `./node/${NAME}.d.ts`;
const webTypes = `./web/${NAME}.d.ts`;
const webEntry = { types: webTypes, default: `./web/${NAME}.js` };
const nodeEntry = {
  import: { types: './node/index.d.mts', default: './node/index.mjs' },
  require: { types: nodeTypes, default: `./node/${NAME}.js` },
};
const manifest = {
  name: 'cc-number-events',
  version,
  description: field('description'),
  license: 'MIT OR Apache-2.0',
  repository: field('repository') ? { type: 'git', url: field('repository') } : undefined,
  keywords: ['ringcentral', 'webhook', 'validation', 'wasm', 'webassembly'],
  engines: { node: '>=20' },
  main: `./node/${NAME}.js`,
  module: `./web/${NAME}.js`,
  browser: { [`./node/${NAME}.js`]: `./web/${NAME}.js` },
  types: nodeTypes,
  bin: { 'cc-number-events': './bin/cc-number-events.mjs' },
  exports: {
    // Node (and TypeScript's node16/nodenext resolution) gets the synchronous
    // nodejs build; browsers, bundlers and TS "bundler" resolution get the web
    // build, whose default export is `init`.
    '.': {
      browser: webEntry,
      node: nodeEntry,
      default: webEntry,
    },
    './node': nodeEntry,
    './web': webEntry,
    './web/cc_number_events_bg.wasm': `./web/${NAME}_bg.wasm`,
    './package.json': './package.json',
  },
  files: [
    'bin/cc-number-events.mjs',
    ...readdirSync(join(pkg, 'node')).sort().map((f) => `node/${f}`),
    ...readdirSync(join(pkg, 'web')).sort().map((f) => `web/${f}`),
    ...docs,
  ],
  sideEffects: [`./node/${NAME}.js`, './node/index.mjs'],
};
writeFileSync(join(pkg, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');

// --- static page copy ----------------------------------------------------------------
const wwwPkg = join(root, 'www', 'pkg');
rmSync(wwwPkg, { recursive: true, force: true });
mkdirSync(wwwPkg, { recursive: true });
cpSync(join(pkg, 'web'), wwwPkg, { recursive: true });

console.log(`package.mjs: cc-number-events@${version}; exports: ${names.join(', ') || '(none)'}`);
