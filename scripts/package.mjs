#!/usr/bin/env node
// Assemble the npm package `cc-number-events` in pkg/ from the wasm-bindgen
// output in pkg/node (target nodejs, CommonJS) and pkg/web (target web, ESM),
// add the <cc-event-viewer> element (www/viewer) as pkg/viewer, then mirror pkg/web
// into www/pkg for the static page.
//
// Resulting entry points (Node >= 20, no flags, no init call in Node):
//   import init, { validate } from 'cc-number-events'
//                                                 -> pkg/node/index.mjs (ESM wrapper; `init`
//                                                    resolves at once)
//   require('cc-number-events')                   -> pkg/node/cc_number_events.js (CJS)
//   browsers / bundlers ("browser" condition) and 'cc-number-events/web'
//                                                 -> pkg/web/cc_number_events.js (ESM, `await init()`)
//   'cc-number-events/wasm'                       -> the module's one .wasm (pkg/web/), which
//                                                    the Node build reads too
//   'cc-number-events/viewer'                     -> pkg/viewer/index.js (defines <cc-event-viewer>)
//   'cc-number-events/validate'                   -> the validate-only module (no summarize,
//                                                    createSummarizer, summarizeStream or reconcile),
//                                                    for webhook handlers: pkg/node/validate.mjs, its
//                                                    CommonJS glue, or its web glue, as above
//   'cc-number-events/validate/wasm'              -> its one .wasm (pkg/web/)
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const escapeRe = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const fail = (why) => {
  console.error(`package.mjs: ${why}`);
  process.exit(1);
};
const pkg = join(root, 'pkg');
const NAME = 'cc_number_events';
// The two modules (Makefile): the full one, and the validate-only one, whose glue has no
// summarize, summarizer or reconcile exports. Each has a glue per target, one .wasm (web/'s).
const VALIDATE = `${NAME}_validate`;
const MODULES = [
  { name: NAME, full: true, entry: 'cc-number-events', wasmExport: 'cc-number-events/wasm' },
  { name: VALIDATE, full: false, entry: 'cc-number-events/validate', wasmExport: 'cc-number-events/validate/wasm' },
];

for (const { name } of MODULES) {
  for (const f of [join(pkg, 'node', `${name}.js`), join(pkg, 'web', `${name}.js`), join(pkg, 'node', `${name}.d.ts`), join(pkg, 'web', `${name}.d.ts`)]) {
    if (!existsSync(f)) {
      console.error(`package.mjs: missing ${f}; run wasm-bindgen first (make build)`);
      process.exit(1);
    }
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
// The exports return their errors instead of throwing them (src/js/thrown.rs: a `Result`
// would cross as three values, which costs start-up in Node 20), held by an object of this
// registered symbol, read from the Rust that makes it; `__ccneAnswer` throws them (for
// parse, validate and summarize under the lane, `__ccneAnswering`; in the guard for the rest).
const THROWN = (() => {
  const m = /^pub const THROWN: &str = ("[^"\\]*");$/m.exec(readFileSync(join(root, 'src', 'js', 'thrown.rs'), 'utf8'));
  if (!m) fail('src/js/thrown.rs does not declare THROWN as expected');
  return m[1];
})();

// --- what is written in JavaScript: receive(), Standard Schema, jsonSchema() ------------------
// src/js/receive.js and src/js/standard.js are appended to the web glue once its exports are
// guarded, `__ccneApi` bound to those guarded exports; the CommonJS glue gets standard.js,
// its `export function` / `export const` made `exports.*`, and receive.js as a file of its
// own (see `lazily`). The JSON Schemas are the files Rust's
// json_schema() wrote into schema/ (tests/json_schema.rs keeps them so), shipped at the
// package's root. `__ccneJsonSchemaText(strict)` is one's text: the CommonJS glue (Node)
// requires the file when jsonSchema() is first called, so that a handler that never asks for
// it does not load 1.6 KB gzip of JSON; a browser's glue cannot read a file synchronously,
// and carries both.
const SCHEMAS = ['notification.schema.json', 'notification.strict.schema.json'];
const extras = (api, commonjs) => {
  let src = `\n// --- Appended by scripts/package.mjs: receive(), Standard Schema, jsonSchema(). ---\n${api}\n`;
  if (commonjs) {
    // A string literal each, for bundlers that follow `require`.
    const [lax, strict] = SCHEMAS.map((f) => JSON.stringify(`../${f}`));
    src += `const __ccneJsonSchemaText = (strict) => JSON.stringify(strict ? require(${strict}) : require(${lax}));\n`;
  } else {
    // Without the files' indentation: a third of their bytes, loaded by every caller.
    const texts = SCHEMAS.map((f) => JSON.stringify(JSON.stringify(JSON.parse(readFileSync(join(root, 'schema', f), 'utf8')))));
    src += `const __ccneJsonSchemaText = (strict) => [${texts.join(', ')}][strict ? 1 : 0];\n`;
  }
  for (const f of commonjs ? ['standard.js'] : ['receive.js', 'standard.js']) {
    let code = uncommented(readFileSync(join(root, 'src', 'js', f), 'utf8'));
    if (commonjs) {
      const names = [...code.matchAll(/^export (?:async function|function|const) (\w+)/gm)].map((m) => m[1]);
      code = code.replace(/^export (async function|function|const) /gm, '$1 ');
      code += names.map((n) => `exports.${n} = ${n};\n`).join('');
    }
    src += code;
  }
  if (commonjs) src += lazyExports('receive.js', '__ccneApi');
  return src;
};
// In Node, receive.js and stream.js are files of their own in pkg/node (receive.cjs,
// stream.cjs), each a function of what it uses from the glue, required on the first call of
// one of their exports: what import + validate() loads went 2.6 KB gzip down for the full
// entry and 1.6 KB for /validate (da60a17), code a handler calling only validate() or
// summarize() does not run. The glue exports stand-ins with the same names and parameters.
// So are the snippets of LAZY_SNIPPETS (see `withSnippets`). A browser's glue cannot require
// a file synchronously, and carries them.
const LAZY = [];
// The source of stand-ins for `file`'s functions, which require it on the first call: `given`
// is what its function is called with; `names`, the functions it gives the glue where they
// are not marked `export` (stream.js). Returns the source and the functions' names.
const lazily = (file, given, names) => {
  const code = uncommented(readFileSync(join(root, 'src', 'js', file), 'utf8'));
  const exported = names
    ? names.map((n) => code.match(new RegExp(`^(async function|function) (${n})\\(([^)]*)\\)`, 'm')) ?? fail(`${file} has no function ${n}`))
    : [...code.matchAll(/^export (async function|function) (\w+)\(([^)]*)\)/gm)];
  if (exported.length === 0) fail(`${file} exports no function`);
  const name = file.replace(/\.js$/, '.cjs');
  if (!LAZY.some((l) => l.name === name)) {
    LAZY.push({
      name,
      src: `'use strict';\n// src/js/${file}, as a function of what it uses from the glue (scripts/package.mjs).\n` +
        `module.exports = (${given}) => {\n${code.replace(/^export (async function|function) /gm, '$1 ')}` +
        `return { ${exported.map((m) => m[2]).join(', ')} };\n};\n`,
    });
  }
  const of = `__ccneLazy_${file.replace(/\W/g, '_')}`;
  let src = `let ${of}_parts;\nconst ${of} = () => (${of}_parts ??= require(${JSON.stringify(`./${name}`)})(${given}));\n`;
  for (const [, kind, fn, params] of exported) {
    const args = params.split(',').map((p) => p.trim().replace(/\s*=.*$/, '')).filter(Boolean).join(', ');
    src += `${kind} ${fn}(${params}) {\n  return ${of}().${fn}(${args});\n}\n`;
  }
  return { src, fns: exported.map((m) => m[2]) };
};
// `lazily`'s stand-ins, exported by the glue.
const lazyExports = (file, given, names) => {
  const { src, fns } = lazily(file, given, names);
  return src + fns.map((fn) => `exports.${fn} = ${fn};\n`).join('');
};
// `ready`: an expression true once the module is instantiated. The web build's functions need
// `await init()` first; without this check, calling one before said only "Cannot read
// properties of undefined (reading 'validate')".
// `entry`: the package entry point whose `init` the message names.
const guard = (restart, ready, entry) => `
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
const __ccneThrown = Symbol.for(${THROWN});
// An export's answer: its value, or the error it returned held (src/js/thrown.rs), thrown.
function __ccneAnswer(value) {
    if (typeof value === 'object' && value !== null && __ccneThrown in value) throw value[__ccneThrown];
    return value;
}
// \`f\`, parse, validate or summarize of the module, throwing the error it returns. Put under the
// lane, not around it: the lane's own answers, nearly every call, hold no error to look for.
function __ccneAnswering(f) {
    return (input, opts) => __ccneAnswer(f(input, opts));
}
function __ccneGuard(f, which, name) {
    const guarded = function (input, opts) {
        if (!(${ready})) {
            throw new Error(\`cc-number-events: \${name}() was called before the WebAssembly module was loaded: \` +
                "call \`await init()\` once first (import init from '${entry}'). In Node no init is needed.");
        }
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
                return __ccneAnswer(trappedReport(which, input, String(e.message)));
            } catch (again) {
                // parse's InvalidEventError is the answer; a second trap leaves the module
                // to be replaced before the next call.
                if (__ccneTrapped(again)) __ccneStale = true;
                throw again;
            }
        }
    };
    // parse's errors become InvalidEventErrors, the class, whichever way they were made (by
    // the module, or by trappedReport after a trap). Their own properties stay as they are.
    const typed = which !== 0 ? guarded : function (input, opts) {
        try {
            return guarded(input, opts);
        } catch (e) {
            if (e instanceof Error && e.name === 'InvalidEventError') Object.setPrototypeOf(e, InvalidEventError.prototype);
            throw e;
        }
    };
    Object.defineProperty(typed, 'name', { value: name });
    return typed;
}
// The other exports (receiveDecision and the diagnostics), with any number of arguments:
// after a trap the module is replaced and the error rethrown.
function __ccneGuardAll(f, name) {
    const guarded = function (...args) {
        if (!(${ready})) {
            throw new Error(\`cc-number-events: \${name}() was called before the WebAssembly module was loaded: \` +
                "call \`await init()\` once first (import init from '${entry}'). In Node no init is needed.");
        }
        if (__ccneStale) __ccneFresh();
        try {
            return __ccneAnswer(f(...args));
        } catch (e) {
            if (__ccneTrapped(e) || __ccneOverflow(e)) __ccneFresh();
            throw e;
        }
    };
    Object.defineProperty(guarded, 'name', { value: name });
    return guarded;
}
${invalidEventError}
`;
// parse and validate (which 0 and 1) with src/js/lane.js's lane in front of the module's own.
const guardOf = (name, which, f) =>
  which < 0 ? `__ccneGuardAll(${f}, '${name}')`
    : `__ccneGuard(${which < 2 ? `__ccneLane(__ccneAnswering(${f}), ${which})` : `__ccneAnswering(${f})`}, ${which}, '${name}')`;
// src/js/lane.js, in the glue's scope: it calls the module's `ccne_lane*` exports and the
// `assemble` the glue imports from src/js/assemble.js.
const lane = (src) => {
  if (!/^(?:const|import) \{[^}]*\bassemble\b[^}]*\} (?:= require\(|= __ccneSnippet|from )/m.test(src)) {
    fail('the glue does not import `assemble` from src/js/assemble.js, which src/js/lane.js calls');
  }
  return '\n// --- Appended by scripts/package.mjs: src/js/lane.js. ---\n' +
    uncommented(readFileSync(join(root, 'src', 'js', 'lane.js'), 'utf8'));
};
// parse's error as a class. Its brand is a registered symbol, so that `isInvalidEventError`
// and `instanceof` also recognise an error from another copy of the package (the Node and
// web builds in one process, or two installed versions).
const invalidEventError = `const __ccneInvalidBrand = Symbol.for('cc-number-events.InvalidEventError');
class InvalidEventError extends Error {
    constructor(message, details) {
        super(message);
        // Defined, not assigned, like the module's own: assigning \`name\` throws where
        // Error.prototype is frozen.
        Object.defineProperty(this, 'name', { value: 'InvalidEventError', writable: true, enumerable: true, configurable: true });
        this.kind = details.kind;
        this.issues = details.issues;
    }
    static [Symbol.hasInstance](value) {
        return isInvalidEventError(value);
    }
}
Object.defineProperty(InvalidEventError.prototype, __ccneInvalidBrand, { value: true });
function isInvalidEventError(value) {
    try {
        return typeof value === 'object' && value !== null && value[__ccneInvalidBrand] === true;
    } catch {
        // A revoked Proxy, or a getter that throws: not one of ours.
        return false;
    }
}`;
// createSummarizer and summarizeStream (src/js/stream.js) are JavaScript over `__ccneS`: the
// module's summarizer exports, which `ref` names as the glue holds them (guarded: a trap
// restarts the module, and stream.js then answers for the summarizer it lost), and its
// current instance. The web glue appends stream.js after it; Node's requires stream.cjs.
const SUMMARIZER = { create: '__summarizerNew', push: '__summarizerPush', finish: '__summarizerFinish',
  free: '__summarizerFree', lost: '__summarizerLost' };
const summarizerApi = (ref) =>
  `const __ccneS = { ${Object.entries(SUMMARIZER).map(([k, n]) => `${k}: ${ref(n)}`).join(', ')}, instance: () => wasm };\n`;
const streaming = (ref) =>
  '\n// --- Appended by scripts/package.mjs: src/js/stream.js. ---\n' + summarizerApi(ref) +
  readFileSync(join(root, 'src', 'js', 'stream.js'), 'utf8');
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
// The snippets the CommonJS glue requires (src/js/*.js, made CommonJS above), written into it,
// each run once as `require` would run it: every caller loads them all, and as one file they
// are 1.1 KB gzip smaller than as six (gzip learns their shared words once). Their functions
// keep their names; the glue's source map points into their text.
// Those of LAZY_SNIPPETS are stand-ins instead (see `lazily`), their files required on the
// first call: objects.js copies a parsed value, which a caller passing the raw body never
// gives; reconcile.js reads reconcile()'s argument.
const LAZY_SNIPPETS = ['objects.js', 'reconcile.js'];
const snippetRequire = /require\("(\.\/snippets\/[^"]+\.js)"\)/g;
// What the snippet at `path` gives the glue: its exports, or for one of LAZY_SNIPPETS the
// stand-ins that require it.
function snippetBody(path) {
  const file = basename(path);
  if (!LAZY_SNIPPETS.includes(file)) {
    return `const module = { exports: {} };\n${readFileSync(join(pkg, 'node', path), 'utf8')}return module.exports;\n`;
  }
  const { src, fns } = lazily(file, '');
  return `${src}return { ${fns.join(', ')} };\n`;
}
function withSnippets(src) {
  const paths = [...new Set([...src.matchAll(snippetRequire)].map((m) => m[1]))];
  const defs = paths.map((path, i) => `const __ccneSnippet${i} = (() => { // ${path}\n${snippetBody(path)}})();\n`).join('');
  src = src.replace(snippetRequire, (_, path) => `__ccneSnippet${paths.indexOf(path)}`);
  // After the first line when it is the `@ts-self-types` comment (Deno reads it there).
  const at = src.startsWith('/* @ts-self-types=') ? src.indexOf('\n') + 1 : 0;
  return src.slice(0, at) + defs + src.slice(at);
}

// Node: the CommonJS glue compiles the module once (`wasmModule`) and instantiates it;
// a restart instantiates it again with fresh imports, as the glue's own last lines do.
function nodeGlue({ name: NAME, full, wasmExport, entry }) {
  const file = join(pkg, 'node', `${NAME}.js`);
  let src = readFileSync(file, 'utf8');
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
  // Bundlers read `require` calls whose argument is a string literal; wasm-bindgen writes the
  // snippets' as String.raw templates, which esbuild leaves to run time ("Dynamic require of
  // ./snippets/... is not supported"). Our paths hold no backslash, so a literal says the same.
  src = src.replace(/require\(String\.raw`([^`\\]*)`\)/g, (_, path) => `require(${JSON.stringify(path)})`);
  if (src.includes('String.raw`')) fail('the nodejs glue still requires a String.raw path');
  src = withSnippets(src);
  // The package's one .wasm is web/'s (the Makefile keeps no second copy in node/): found from
  // this file's folder, from a bundle's (where a bundler put this glue), or as the package's
  // `wasm` export resolved from there or from the working directory.
  const load = new RegExp('^' + escapeRe(`const wasmPath = \`\${__dirname}/${NAME}_bg.wasm\`;\nconst wasmBytes = require('fs').readFileSync(wasmPath);`) + '$', 'm');
  if (!load.test(src)) fail('the nodejs glue does not load its .wasm as expected');
  src = src.replace(load, `const wasmBytes = __ccneWasmBytes();
function __ccneWasmBytes() {
    // process.getBuiltinModule (Node >= 20.16) also works where a bundle has no \`require\`
    // (esbuild's ESM output); \`require\` elsewhere.
    const builtin = (id) => typeof process === 'object' && typeof process.getBuiltinModule === 'function'
        ? process.getBuiltinModule(id) : require(id);
    const fs = builtin('fs');
    const path = builtin('path');
    const { createRequire } = builtin('module');
    const name = '${NAME}_bg.wasm';
    // Tried in order, each only if the ones before failed: the package's own file first, so
    // that an unbundled start-up reads one file and resolves nothing.
    const places = [];
    const where = [];
    if (typeof __dirname === 'string') where.push(() => path.join(__dirname, '..', 'web', name), () => path.join(__dirname, name));
    // An ESM bundle has no __dirname: next to the script Node was started with.
    if (typeof process.argv[1] === 'string') where.push(() => path.join(path.dirname(process.argv[1]), name));
    for (const from of [typeof __dirname === 'string' ? __dirname : null, process.cwd()]) {
        if (from !== null) where.push(() => createRequire(path.join(from, 'index.js')).resolve('${wasmExport}'));
    }
    for (const place of where) {
        try {
            const file = place();
            places.push(file);
            return fs.readFileSync(file);
        } catch {
            // Not there (or not installed where that folder can see it); the next place.
        }
    }
    throw new Error(\`cc-number-events: cannot find \${name} (looked in \${places.join(', ') || 'no place'}). \` +
        \`A bundle for Node that runs without node_modules needs the file next to it: copy \` +
        \`node_modules/cc-number-events/web/\${name} into the bundle's folder.\`);
}`);
  // trappedReport is the guard's, not the API.
  if (!/^exports\.trappedReport = trappedReport;$/m.test(src)) fail('the nodejs glue does not export trappedReport as expected');
  src = src.replace(/^exports\.trappedReport = trappedReport;\n/m, '');
  src += lane(src);
  src += guard(restart, 'true', entry);
  for (const [name, which] of guarded(exported)) {
    src += `exports.${name} = ${guardOf(name, which, name)};\n`;
  }
  if (full) {
    src += summarizerApi((n) => `exports.${n}`);
    src += lazyExports('stream.js', '__ccneS', ['createSummarizer', 'summarizeStream']);
  }
  src += 'exports.InvalidEventError = InvalidEventError;\nexports.isInvalidEventError = isInvalidEventError;\n';
  src += extras('const __ccneApi = exports;', true);
  writeFileSync(file, src);
}
// Web: `initSync` instantiates the module `init` compiled, once `wasm` is cleared.
function webGlue({ name: NAME, full, entry }) {
  const file = join(pkg, 'web', `${NAME}.js`);
  let src = readFileSync(file, 'utf8');
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
  // trappedReport is the guard's, not the API.
  src = src.replace(/^export function trappedReport\(/m, 'function trappedReport(');
  // Instantiated once `init()` (or initSync) has compiled the module; a restart after a trap
  // clears `wasm` but keeps `wasmModule`.
  src += lane(src);
  src += guard(restart, 'wasmModule !== undefined', entry);
  for (const [name, which] of guarded(exported)) {
    // The raw function keeps its body under another name; the export is the guarded one.
    src = src.replace(new RegExp(`^export function ${name}\\(`, 'm'), `function __ccneRaw_${name}(`);
    src += `const __ccneGuarded_${name} = ${guardOf(name, which, `__ccneRaw_${name}`)};\n` +
      `export { __ccneGuarded_${name} as ${name} };\n`;
  }
  if (full) {
    src += streaming((n) => `__ccneGuarded_${n}`);
    src += 'export { createSummarizer, summarizeStream };\n';
  }
  src += 'export { InvalidEventError, isInvalidEventError };\n';
  src += extras(
    'const __ccneApi = { validate: __ccneGuarded_validate, receiveDecision: __ccneGuarded_receiveDecision };',
    false,
  );
  writeFileSync(file, src);
}
for (const m of MODULES) {
  nodeGlue(m);
  webGlue(m);
}
for (const { name, src } of LAZY) writeFileSync(join(pkg, 'node', name), src);
// Both CommonJS glues hold their snippets now (withSnippets): nothing requires the files.
rmSync(snippets, { recursive: true, force: true });

// --- public export names: what each CJS glue really exports -------------------
// Derived at package time, so functions that don't exist yet (e.g. summarize)
// never break the ESM wrapper. wasm-bindgen internals (__wbg*, __wbindgen*) are
// excluded.
const require = createRequire(import.meta.url);
const IDENT = /^[A-Za-z_$][\w$]*$/;
const exportNames = (NAME) => Object.keys(require(join(pkg, 'node', `${NAME}.js`)))
  .filter((n) => IDENT.test(n) && !n.startsWith('__wbg') && !n.startsWith('__wbindgen') && n !== 'default')
  .sort();

const banner = '// Generated by scripts/package.mjs. Do not edit.\n';
// The default export is `init`, as in the web build, so that one line
// (`import init, { validate } from 'cc-number-events'; await init();`) serves Node and browsers.
// Here it resolves at once: the module is compiled when this file loads. It also carries every
// function, as the default export did before it was `init` (`pkg.validate(...)`).
// The full module's wrapper is node/index.mjs, the validate-only one's node/validate.mjs.
const wrappers = { [NAME]: 'index', [VALIDATE]: 'validate' };
for (const { name: NAME } of MODULES) {
  const names = exportNames(NAME);
  // Node lexes the whole of a CommonJS file an ES module imports, for its export names, with a
  // lexer that is still cold at start-up: for the glue that cost 6-7 ms of the 18-20 that
  // `import` took (measured 2026-12-01, nine fresh processes each way). The wrapper imports this
  // door instead, whose few bytes are lexed at once; it takes the names from the glue's object.
  // The `require` stays a plain one that bundlers follow.
  const door = `${wrappers[NAME]}-door.cjs`;
  writeFileSync(
    join(pkg, 'node', door),
    banner +
      "'use strict';\n" +
      '// The CommonJS glue, passed on whole: see scripts/package.mjs on why this file exists.\n' +
      `const glue = require('./${NAME}.js');\n` +
      'module.exports = glue;\n',
  );
  writeFileSync(
    join(pkg, 'node', `${wrappers[NAME]}.mjs`),
    banner +
      `import cjs from './${door}';\n\n` +
      (names.length ? `export const {\n${names.map((n) => `  ${n},`).join('\n')}\n} = cjs;\n\n` : '') +
      '/** Resolves at once: in Node the module is ready when imported. */\n' +
      'async function init() {}\n' +
      `for (const name of ${JSON.stringify(names)}) Object.defineProperty(init, name, { value: cjs[name], enumerable: true });\n` +
      'export default init;\n',
  );
  writeFileSync(
    join(pkg, 'node', `${wrappers[NAME]}.d.mts`),
    banner +
      `export * from './${NAME}.js';\n` +
      `import * as cjs from './${NAME}.js';\n` +
      '/**\n' +
      ' * Resolves at once: in Node the module is ready when imported. The same call as the web\n' +
      " * build's `init`, so one `await init()` serves both; it also carries every function.\n" +
      ' */\n' +
      'declare const init: ((moduleOrPath?: unknown) => Promise<void>) & typeof cjs;\n' +
      'export default init;\n',
  );
}
const names = exportNames(NAME);
// Files wasm-bindgen emits that we don't ship: its .gitignore, and the .d.ts of the raw
// module's exports (for the `bundler` target's ESM integration, which this package does not
// use; `cc-number-events/wasm` is typed as a URL instead).
for (const dir of ['node', 'web']) {
  rmSync(join(pkg, dir, '.gitignore'), { force: true });
  for (const { name } of MODULES) rmSync(join(pkg, dir, `${name}_bg.wasm.d.ts`), { force: true });
}
for (const { name } of MODULES) {
  if (existsSync(join(pkg, 'node', `${name}_bg.wasm`))) fail(`pkg/node/${name}_bg.wasm: the package ships one .wasm of each module, web/'s`);
}
writeFileSync(
  join(pkg, 'web', 'wasm-url.d.ts'),
  banner +
    '/**\n' +
    " * `cc-number-events/wasm` (and `cc-number-events/validate/wasm`): the package's WebAssembly\n" +
    ' * module (the validate-only one), as its URL where a bundler\n' +
    ' * imports a file as its URL (esbuild `--loader:.wasm=file`, Vite `?url`). Pass it to\n' +
    ' * `init({ module_or_path })` where the bundler does not find the file by itself.\n' +
    ' */\n' +
    'declare const url: string;\n' +
    'export default url;\n',
);

// --- the <cc-event-viewer> element (www/viewer) --------------------------------------
// Copied as it is, but for wasm.js, the one module naming the web build: the page's copy of
// it is www/pkg/, the package's is ../web/.
const viewerSrc = join(root, 'www', 'viewer');
const viewer = join(pkg, 'viewer');
rmSync(viewer, { recursive: true, force: true });
cpSync(viewerSrc, viewer, { recursive: true });
const wasmJs = join(viewer, 'wasm.js');
const glueImport = `'../pkg/${NAME}.js'`;
const viewerGlue = readFileSync(wasmJs, 'utf8');
if (!viewerGlue.includes(glueImport)) fail(`www/viewer/wasm.js does not import ${glueImport}`);
writeFileSync(wasmJs, viewerGlue.replace(glueImport, `'../web/${NAME}.js'`));
// Its declarations, written for the package's layout (they import ../web/'s types).
for (const f of readdirSync(join(root, 'npm', 'viewer'))) cpSync(join(root, 'npm', 'viewer', f), join(viewer, f));
for (const f of ['index', 'element', 'define']) {
  if (!existsSync(join(viewer, `${f}.js`)) || !existsSync(join(viewer, `${f}.d.ts`))) fail(`pkg/viewer/${f}.js or its .d.ts is missing`);
}

// --- the command line (bin/cc-number-events.mjs, `npx cc-number-events`) ----------
mkdirSync(join(pkg, 'bin'), { recursive: true });
cpSync(join(root, 'bin', 'cc-number-events.mjs'), join(pkg, 'bin', 'cc-number-events.mjs'));

// --- docs and licences ---------------------------------------------------------
// The package's README is npm/README.md (install, use, types, limits); the repository's
// README (building, the page, the rules) stays with the repository.
const docs = [];
for (const [from, to] of [['npm/README.md', 'README.md'], ['LICENSE-MIT', 'LICENSE-MIT'], ['LICENSE-APACHE', 'LICENSE-APACHE']]) {
  if (existsSync(join(root, from))) {
    cpSync(join(root, from), join(pkg, to));
    docs.push(to);
  } else {
    console.warn(`package.mjs: warning: ${from} not found; not included in pkg/`);
  }
}

for (const f of SCHEMAS) cpSync(join(root, 'schema', f), join(pkg, f));

// --- package.json ------------------------------------------------------------------
const nodeTypes = `./node/${NAME}.d.ts`;
const webTypes = `./web/${NAME}.d.ts`;
const webEntry = { types: webTypes, default: `./web/${NAME}.js` };
const nodeEntry = {
  import: { types: './node/index.d.mts', default: './node/index.mjs' },
  require: { types: nodeTypes, default: `./node/${NAME}.js` },
};
const wasmEntry = { types: './web/wasm-url.d.ts', default: `./web/${NAME}_bg.wasm` };
// The validate-only module's, laid out as the full one's.
const validateWebEntry = { types: `./web/${VALIDATE}.d.ts`, default: `./web/${VALIDATE}.js` };
const validateNodeEntry = {
  import: { types: './node/validate.d.mts', default: './node/validate.mjs' },
  require: { types: `./node/${VALIDATE}.d.ts`, default: `./node/${VALIDATE}.js` },
};
const validateWasmEntry = { types: './web/wasm-url.d.ts', default: `./web/${VALIDATE}_bg.wasm` };
const viewerEntry = (name) => ({ types: `./viewer/${name}.d.ts`, default: `./viewer/${name}.js` });
const manifest = {
  name: 'cc-number-events',
  version,
  description: field('description'),
  license: 'MIT OR Apache-2.0',
  // No repository field until the crate has a public one (Cargo.toml has none).
  repository: field('repository') ? { type: 'git', url: field('repository') } : undefined,
  keywords: ['ringcentral', 'webhook', 'validation', 'wasm', 'webassembly', 'custom-element'],
  // node/ and web/ each pin their own format in a package.json of their own.
  type: 'module',
  engines: { node: '>=20' },
  main: `./node/${NAME}.js`,
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
    './wasm': wasmEntry,
    // The path wasm-bindgen's web glue fetches, kept for those who import it by name.
    [`./web/${NAME}_bg.wasm`]: wasmEntry,
    // A webhook handler's: validate, parse, receive and the schemas, without the summary.
    './validate': {
      browser: validateWebEntry,
      node: validateNodeEntry,
      default: validateWebEntry,
    },
    './validate/node': validateNodeEntry,
    './validate/web': validateWebEntry,
    './validate/wasm': validateWasmEntry,
    [`./web/${VALIDATE}_bg.wasm`]: validateWasmEntry,
    './viewer': viewerEntry('index'),
    './viewer/element': viewerEntry('element'),
    './viewer/define': viewerEntry('define'),
    './viewer/cc-event-viewer.css': './viewer/cc-event-viewer.css',
    './package.json': './package.json',
    ...Object.fromEntries(SCHEMAS.map((f) => [`./${f}`, `./${f}`])),
  },
  files: ['bin/cc-number-events.mjs', 'node', 'web', 'viewer', ...docs, ...SCHEMAS],
  sideEffects: [`./node/${NAME}.js`, './node/index-door.cjs', './node/index.mjs', `./node/${VALIDATE}.js`, './node/validate-door.cjs', './node/validate.mjs', './viewer/define.js', './viewer/index.js', '*.css'],
};
writeFileSync(join(pkg, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');

// --- minified JavaScript, with source maps ---------------------------------------------
// Every caller loads the glue and its snippets: with white space and syntax minified (names
// kept, so stack traces still name our functions), the validate entry loads 3.5 KB gzip less
// (issue #12's size target). Each file's source map (`X.js.map`, with the file as it was
// before) lets a debugger or `node --enable-source-maps` show the readable text; Node does not
// read the maps otherwise. esbuild is the package's own dev dependency (bundle tests).
// `@ts-self-types` comments (Deno's types) are kept as the first line.
const esbuild = createRequire(import.meta.url)('esbuild');
const minified = (file) => {
  const src = readFileSync(file, 'utf8');
  const selfTypes = src.match(/^\/\* @ts-self-types="[^"]*" \*\/\n/)?.[0] ?? '';
  const name = basename(file);
  const out = esbuild.transformSync(src, {
    loader: 'js',
    target: 'es2022',
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: 'external',
    sourcefile: name,
    sourcesContent: true,
  });
  writeFileSync(file, `${selfTypes}${out.code.trimEnd()}\n//# sourceMappingURL=${name}.map\n`);
  writeFileSync(`${file}.map`, out.map);
};
for (const dir of ['node', 'web']) {
  for (const f of readdirSync(join(pkg, dir))) {
    if (/\.(js|mjs|cjs)$/.test(f)) minified(join(pkg, dir, f));
  }
  const snippetDir = join(pkg, dir, 'snippets');
  if (existsSync(snippetDir)) for (const f of jsFiles(snippetDir)) minified(f);
}

// --- static page copy ----------------------------------------------------------------
const wwwPkg = join(root, 'www', 'pkg');
rmSync(wwwPkg, { recursive: true, force: true });
mkdirSync(wwwPkg, { recursive: true });
// The page uses the full module only.
cpSync(join(pkg, 'web'), wwwPkg, { recursive: true, filter: (f) => !basename(f).startsWith(VALIDATE) });

console.log(`package.mjs: cc-number-events@${version}; exports: ${names.join(', ') || '(none)'}; ` +
  `cc-number-events/validate: ${exportNames(VALIDATE).join(', ')}`);
