// The TypeScript declarations (src/js/types.d.ts and, for the full module's summary,
// src/js/summary.d.ts; shipped in the package's .d.ts files) against what
// the package really returns, and against the Rust types' names:
// - every object validate, parse and summarize return for the fixtures (with every rendering
//   asked for) has exactly the members its declared interface has, each of its declared type;
// - each declared name is the Rust type's name (src/), but for the renames listed below.
// A small reader of the declarations' own TypeScript subset: interfaces (with `extends`),
// type aliases, unions, string literals, arrays, tuples and inline object types; methods,
// `readonly` members, function types and generic arguments are read as "a function" and
// a name.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import { createSummarizer, parse, reconcile, summarize, summarizeStream, validate } from 'cc-number-events';

const ROOT = new URL('../../', import.meta.url);
const VALIDATE_SOURCE = readFileSync(new URL('src/js/types.d.ts', ROOT), 'utf8');
const SUMMARY_SOURCE = readFileSync(new URL('src/js/summary.d.ts', ROOT), 'utf8');
const SOURCE = `${VALIDATE_SOURCE}\n${SUMMARY_SOURCE}`;

// --- reading the declarations ----------------------------------------------------------------
function tokens(src) {
  const out = [];
  const re = /\s+|\/\*[\s\S]*?\*\/|\/\/[^\n]*|("(?:[^"\\]|\\.)*")|([A-Za-z_$][\w$]*)|(\.\.\.|=>|[{}()[\]<>|,;:?=.])/g;
  for (let m; (m = re.exec(src)) !== null; ) {
    if (m[1] !== undefined) out.push({ str: JSON.parse(m[1]) });
    else if (m[2] !== undefined) out.push({ id: m[2] });
    else if (m[3] !== undefined) out.push({ p: m[3] });
    else if (!/^(\s+|\/\*[\s\S]*\*\/|\/\/.*)$/.test(m[0])) throw new Error(`unexpected ${m[0]}`);
  }
  return out;
}

/**
 * `{ interfaces: Map<name, {extends, members}>, aliases: Map<name, type>, functions: [] }`; a
 * class is read as the interface of its instances.
 */
function declarations(src) {
  const t = tokens(src);
  let i = 0;
  const peek = (p) => t[i] && t[i].p === p;
  const expect = (p) => {
    if (!peek(p)) throw new Error(`expected ${p} at token ${i}: ${JSON.stringify(t[i])}`);
    i++;
  };
  const ident = () => {
    if (!t[i] || t[i].id === undefined) throw new Error(`expected a name at token ${i}`);
    return t[i++].id;
  };
  // Skips a bracketed run (`(...)`, `<...>`) from its opening bracket.
  const skip = (open, close) => {
    let depth = 0;
    do {
      if (peek(open)) depth++;
      else if (peek(close)) depth--;
      i++;
    } while (depth > 0);
  };
  const members = () => {
    expect('{');
    const out = new Map();
    while (!peek('}')) {
      if (peek('[')) {
        // An index signature (`[key: string]: T`, of JsonObject): kept as the member `[]`.
        i++;
        ident();
        expect(':');
        type();
        expect(']');
        expect(':');
        out.set('[]', { optional: true, type: type() });
        if (!peek('}')) expect(';');
        continue;
      }
      // A class's constructor is the caller's to call, not a member a value must have.
      if (t[i].id === 'constructor' && t[i + 1]?.p === '(') {
        i++;
        for (let depth = 0; ; i++) {
          if (peek('(')) depth++;
          else if (peek(')') && --depth === 0) break;
        }
        i++;
        expect(';');
        continue;
      }
      // `readonly` says who may write a member, not what it holds.
      if (t[i].id === 'readonly' && t[i + 1]?.id !== undefined) i++;
      const name = ident();
      const optional = peek('?');
      if (optional) i++;
      if (peek('(')) {
        // A method: its parameters are the caller's; its value is a function.
        skip('(', ')');
        expect(':');
        type();
        out.set(name, { optional, type: { fn: true } });
        if (!peek('}')) expect(';');
        continue;
      }
      expect(':');
      out.set(name, { optional, type: type() });
      if (!peek('}')) expect(';');
    }
    expect('}');
    return out;
  };
  const primary = () => {
    let ty;
    if (t[i].str !== undefined) ty = { lit: t[i++].str };
    else if (peek('{')) ty = { object: members() };
    else if (peek('[')) {
      i++;
      const items = [];
      let rest = null;
      while (!peek(']')) {
        if (peek('...')) {
          i++;
          rest = type();
        } else items.push(type());
        if (peek(',')) i++;
      }
      i++;
      ty = { tuple: items, rest };
    } else if (t[i].id === 'true' || t[i].id === 'false') ty = { lit: t[i++].id === 'true' };
    else if (peek('(')) {
      skip('(', ')');
      expect('=>');
      type();
      ty = { fn: true };
    } else {
      ty = { ref: ident() };
      if (peek('<')) {
        skip('<', '>');
        ty.generic = true;
      }
    }
    while (peek('[') && t[i + 1] && t[i + 1].p === ']') {
      i += 2;
      ty = { array: ty };
    }
    return ty;
  };
  const type = () => {
    if (peek('|')) i++;
    const alts = [primary()];
    while (peek('|')) {
      i++;
      alts.push(primary());
    }
    return alts.length === 1 ? alts[0] : { union: alts };
  };
  const interfaces = new Map();
  const aliases = new Map();
  const functions = [];
  while (i < t.length) {
    if (t[i].id !== 'export') throw new Error(`expected export at token ${i}: ${JSON.stringify(t[i])}`);
    i++;
    const kind = ident();
    const name = ident();
    if (kind === 'interface' || kind === 'class') {
      const parents = [];
      if (t[i].id === 'extends') {
        i++;
        parents.push(ident());
        while (peek(',')) {
          i++;
          parents.push(ident());
        }
      }
      interfaces.set(name, { parents, members: members() });
    } else if (kind === 'type') {
      expect('=');
      aliases.set(name, type());
      expect(';');
    } else if (kind === 'function') {
      functions.push(name);
      while (!peek(';')) i++;
      i++;
    } else throw new Error(`unknown declaration ${kind}`);
  }
  return { interfaces, aliases, functions };
}

const D = declarations(SOURCE);

// --- checking values against them ------------------------------------------------------------
// Interfaces met only as another's parent.
const seenParents = new Set();
function allMembers(name) {
  const decl = D.interfaces.get(name);
  const out = new Map();
  for (const parent of decl.parents) {
    if (!D.interfaces.has(parent)) continue; // `Error`
    seenParents.add(parent);
    for (const [k, v] of allMembers(parent)) out.set(k, v);
  }
  for (const [k, v] of decl.members) out.set(k, v);
  return out;
}

const isPlain = (v) => typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/** What is wrong with `value` as a `ty`, or null; `seen` collects the interfaces met. */
function mismatch(value, ty, at, seen) {
  if (ty.union) {
    const whys = [];
    for (const alt of ty.union) {
      const why = mismatch(value, alt, at, seen);
      if (why === null) return null;
      whys.push(why);
    }
    return `${at}: no alternative fits (${whys.join('; ')})`;
  }
  if ('lit' in ty) return value === ty.lit ? null : `${at}: ${JSON.stringify(value)} is not ${JSON.stringify(ty.lit)}`;
  if (ty.array) {
    if (!Array.isArray(value)) return `${at}: not an array`;
    for (let k = 0; k < value.length; k++) {
      const why = mismatch(value[k], ty.array, `${at}/${k}`, seen);
      if (why) return why;
    }
    return null;
  }
  if (ty.tuple) {
    if (!Array.isArray(value)) return `${at}: not an array`;
    if (value.length < ty.tuple.length || (!ty.rest && value.length !== ty.tuple.length)) {
      return `${at}: ${value.length} items for a tuple of ${ty.tuple.length}`;
    }
    for (let k = 0; k < value.length; k++) {
      const why = mismatch(value[k], k < ty.tuple.length ? ty.tuple[k] : ty.rest.array, `${at}/${k}`, seen);
      if (why) return why;
    }
    return null;
  }
  if (ty.object) return objectMismatch(value, ty.object, at, seen);
  if (ty.fn) return typeof value === 'function' ? null : `${at}: not a function`;
  switch (ty.ref) {
    case 'string':
      return typeof value === 'string' ? null : `${at}: not a string`;
    case 'number':
      return typeof value === 'number' ? null : `${at}: not a number`;
    case 'boolean':
      return typeof value === 'boolean' ? null : `${at}: not a boolean`;
    case 'null':
      return value === null ? null : `${at}: not null`;
    case 'never':
      return `${at}: present, declared never`;
  }
  if (D.aliases.has(ty.ref)) {
    seen.add(ty.ref);
    return mismatch(value, D.aliases.get(ty.ref), at, seen);
  }
  if (D.interfaces.has(ty.ref)) {
    seen.add(ty.ref);
    return objectMismatch(value, allMembers(ty.ref), at, seen);
  }
  throw new Error(`${at}: unknown type ${ty.ref}`);
}

function objectMismatch(value, members, at, seen) {
  if (!isPlain(value)) return `${at}: not a plain object`;
  for (const key of Object.keys(value)) {
    if (!members.has(key)) return `${at}: member \`${key}\` is not declared`;
  }
  for (const [key, m] of members) {
    if (!Object.hasOwn(value, key)) {
      if (m.optional) continue;
      return `${at}: declared member \`${key}\` is missing`;
    }
    const why = mismatch(value[key], m.type, `${at}/${key}`, seen);
    if (why) return why;
  }
  return null;
}

function assertFits(value, typeName, what, seen) {
  const why = mismatch(value, { ref: typeName }, '', seen);
  assert.equal(why, null, `${what} as ${typeName}: ${why}`);
}

// --- the fixtures ----------------------------------------------------------------------------
const fixtures = (dir) =>
  readdirSync(new URL(`tests/fixtures/${dir}/`, ROOT))
    .filter((f) => !f.endsWith('.expected') && !f.endsWith('.rendered'))
    .map((f) => [f, new Uint8Array(readFileSync(new URL(`tests/fixtures/${dir}/${f}`, ROOT)))]);

test('the declarations read, and the package ships them as they are', () => {
  assert.ok(D.interfaces.size > 15 && D.aliases.size > 5, 'declarations read');
  assert.deepEqual(D.functions.sort(), [
    '__summarizerFinish', '__summarizerFree', '__summarizerLost', '__summarizerNew', '__summarizerPush',
    '__trapForTests', 'createSummarizer', 'isInvalidEventError', 'memoryBytes', 'parse', 'receiveDecision', 'reconcile',
    'reportJson', 'summarize', 'summarizeStream', 'summaryJson', 'validate',
  ]);
  // wasm-bindgen re-indents the section; the text is the same.
  const flat = (s) => s.replace(/\s+/g, ' ').trim();
  for (const build of ['node', 'web']) {
    const shipped = flat(readFileSync(new URL(`pkg/${build}/cc_number_events.d.ts`, ROOT), 'utf8'));
    assert.ok(shipped.includes(flat(VALIDATE_SOURCE)), `${build}: the full module's .d.ts holds src/js/types.d.ts`);
    assert.ok(shipped.includes(flat(SUMMARY_SOURCE)), `${build}: the full module's .d.ts holds src/js/summary.d.ts`);
    // The validate-only module declares nothing it lacks.
    const small = flat(readFileSync(new URL(`pkg/${build}/cc_number_events_validate.d.ts`, ROOT), 'utf8'));
    assert.ok(small.includes(flat(VALIDATE_SOURCE)), `${build}: the validate module's .d.ts holds src/js/types.d.ts`);
    assert.ok(!/\bsummar|\breconcil/i.test(small.replace(flat(VALIDATE_SOURCE), '')), `${build}: no summary in the validate module's .d.ts`);
  }
});

test('every export of the package is declared, the plumbing included', async () => {
  const full = readFileSync(new URL('pkg/node/cc_number_events.d.ts', ROOT), 'utf8');
  const small = readFileSync(new URL('pkg/node/cc_number_events_validate.d.ts', ROOT), 'utf8');
  for (const [build, shipped] of [['cc-number-events', full], ['cc-number-events/web', full],
    ['cc-number-events/validate', small], ['cc-number-events/validate/web', small]]) {
    for (const name of Object.keys(await import(build))) {
      if (name === 'default' || name === 'initSync') continue;
      assert.match(shipped, new RegExp(`export (declare )?(function|const|class) ${name}\\b`), `${build}: ${name}`);
    }
  }
});

test('every report, event, error and summary of the fixtures fits its declaration', async () => {
  const seen = new Set();
  let valid = 0;
  for (const [file, bytes] of fixtures('validate')) {
    for (const options of [undefined, { strict: true, text: true, markdown: true, csv: true }]) {
      const report = validate(bytes, options);
      assertFits(report, 'Report', file, seen);
      assert.equal(mismatch(report, { ref: report.valid ? 'ValidReport' : 'InvalidReport' }, '', seen), null, file);
      try {
        assertFits(parse(bytes, options && { strict: true }), 'ContactCenterEvent', file, seen);
        valid++;
      } catch (e) {
        if (e.name !== 'InvalidEventError') throw e;
        const { name, kind, issues } = e;
        assertFits({ name, kind, issues }, 'InvalidEventErrorFields', file, seen);
      }
    }
  }
  assert.ok(valid > 5, 'valid fixtures were parsed');
  for (const [file, bytes] of fixtures('summarize')) {
    for (const options of [undefined, { markdown: true, csv: true, maxOutputBytes: 2000 }]) {
      assertFits(summarize(bytes, options), 'Summary', file, seen);
      const summarizer = createSummarizer(options);
      assertFits(summarizer, 'Summarizer', file, seen);
      summarizer.push(bytes);
      assertFits(summarizer.finish(), 'Summary', file, seen);
      const progress = [];
      const streamed = await summarizeStream([bytes], { ...options, onProgress: (p) => progress.push(p) });
      assertFits(streamed, 'Summary', file, seen);
      for (const p of progress) assertFits(p, 'StreamProgress', file, seen);
    }
  }
  const cases = new URL('tests/fixtures/reconcile/', ROOT);
  for (const name of readdirSync(cases)) {
    const read = (f) => {
      try {
        return readFileSync(new URL(`${name}/${f}`, cases));
      } catch {
        return undefined;
      }
    };
    const input = { log: read('log.ndjson'), after: read('after.json') };
    if (read('before.json')) input.before = read('before.json');
    const given = read('options.json');
    if (given) Object.assign(input, JSON.parse(given.toString('utf8')));
    for (const options of [undefined, { markdown: true, csv: true, maxOutputBytes: 1500 }]) {
      assertFits(reconcile(input, options), 'Reconciliation', name, seen);
    }
  }
  // Every declaration of a value was met (options, inputs, and the error's own, are the caller's).
  const values = [...D.interfaces.keys(), ...D.aliases.keys()].filter(
    (n) => !/Options$/.test(n)
      && !['InvalidEventError', 'InvalidEventErrorFields', 'Input', 'StreamChunk', 'ReadableChunks', 'JsonObject', 'JsonValue', 'ReconcileInput'].includes(n),
  );
  assert.deepEqual(values.filter((n) => !seen.has(n) && !seenParents.has(n)), [], 'declarations no fixture exercised');
});

// The fields `InvalidEventError` adds to `Error`, for the check above.
D.interfaces.set('InvalidEventErrorFields', {
  parents: [],
  members: new Map([...D.interfaces.get('InvalidEventError').members]),
});

// --- names -------------------------------------------------------------------------------
// Rust types whose JavaScript name is the same.
const SAME = [
  'Report', 'Issue', 'Severity', 'Kind', 'Delivery', 'EventType', 'NumberType', 'Effect', 'Change',
  'PhoneNumberInfo', 'Summary', 'Problem', 'FieldChange', 'Net', 'Group', 'ContactCenterEvent',
  'ContactCenterProvider', 'DuplicateItem', 'OutOfOrderItem', 'TimelineEntry', 'NumberTimeline',
  'SummarizeOptions', 'IssueCode', 'InvalidEventError', 'ValidateOptions', 'ControlFrame',
  'FrameType', 'Summarizer',
  'ReconcileInput', 'FindingKind', 'SnapshotRecord', 'ReconcileFinding', 'SnapshotReport',
  'ReconcileCounts', 'Reconciliation',
];
// (`Body` is declared inline, as `body`; `ParseOptions` is the part of `ValidateOptions` that
// `parse` reads, with no Rust type of its own; `StreamProgress`, `SummarizeStreamOptions` and
// `StreamChunk` and `ReadableChunks` are summarizeStream's, which only JavaScript has.)

function rustTypes(dir = new URL('src/', ROOT), out = new Set()) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const url = new URL(e.name + (e.isDirectory() ? '/' : ''), dir);
    if (e.isDirectory()) rustTypes(url, out);
    else if (e.name.endsWith('.rs')) {
      for (const m of readFileSync(url, 'utf8').matchAll(/^\s*pub (?:struct|enum) (\w+)/gm)) out.add(m[1]);
    }
  }
  return out;
}

test('the declared names are the Rust types\' names', () => {
  const rust = rustTypes();
  const declared = new Set([...D.interfaces.keys(), ...D.aliases.keys()]);
  for (const name of SAME) {
    assert.ok(rust.has(name), `Rust has no public type ${name}`);
    assert.ok(declared.has(name), `the declarations have no ${name}`);
  }
});
