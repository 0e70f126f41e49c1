// The npm package as a consumer sees it: how it loads (ESM, CommonJS, a separate process
// with no flags) and the exact JavaScript shapes of what it returns and throws.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse, summarize, validate } from 'cc-number-events';

const require = createRequire(import.meta.url);
const fixture = (name) => readFileSync(new URL(`../fixtures/validate/${name}`, import.meta.url), 'utf8');
const fixtureBytes = (name) => new Uint8Array(readFileSync(new URL(`../fixtures/validate/${name}`, import.meta.url)));

const VALID = fixture('webhook-created.json');
const UNKNOWN_FIELD = fixture('unknown-field.json');
const SAMPLES = {
  valid: VALID,
  'valid websocket frame with warnings': fixture('websocket-frame-updated.json'),
  'valid with an unknown field': UNKNOWN_FIELD,
  'missing uuid': fixture('missing-uuid.json'),
  'malformed JSON': '{"uuid": 1',
  empty: '',
  'not a notification': '"just a string"',
  'other event': fixture('other-event-presence.json'),
  'invalid UTF-8 bytes': fixtureBytes('invalid-utf8-in-string.bin'),
};

// ---------------------------------------------------------------------------------------
// Loading

describe('loading the package', () => {
  test('ESM import gives validate and parse as functions', () => {
    assert.equal(typeof validate, 'function');
    assert.equal(typeof parse, 'function');
  });

  test('createRequire loads the same CommonJS build, so both give identical results', () => {
    const cjs = require('cc-number-events');
    assert.equal(typeof cjs.validate, 'function');
    assert.equal(typeof cjs.parse, 'function');
    for (const input of Object.values(SAMPLES)) {
      assert.deepEqual(cjs.validate(input), validate(input));
    }
    assert.deepEqual(cjs.parse(VALID), parse(VALID));
    // The ESM entry re-exports the CommonJS glue: one wasm instance, not two.
    assert.equal(cjs.validate, validate);
    assert.equal(cjs.parse, parse);
  });

  describe('in a fresh consumer project outside this repository', () => {
    const dir = realpathSync(mkdtempSync(join(tmpdir(), 'cc-number-events-consumer-')));
    after(() => rmSync(dir, { recursive: true, force: true }));
    // Installed as npm would: a copy of pkg/ under node_modules, no root package.json.
    const pkgDir = realpathSync(fileURLToPath(new URL('../../node_modules/cc-number-events', import.meta.url)));
    cpSync(pkgDir, join(dir, 'node_modules', 'cc-number-events'), { recursive: true });
    const payload = JSON.stringify(VALID);
    const script = (load) => `${load}
const report = validate(${payload});
let thrown;
try { parse('{}'); } catch (e) { thrown = { isError: e instanceof Error, name: e.name, kind: e.kind, issues: Array.isArray(e.issues) }; }
process.stdout.write(JSON.stringify({ types: [typeof validate, typeof parse], valid: report.valid, id: parse(${payload}).body.phoneNumberInfo.id, thrown }));
`;
    const expected = {
      types: ['function', 'function'],
      valid: true,
      id: '987654321',
      thrown: { isError: true, name: 'InvalidEventError', kind: 'notANotification', issues: true },
    };
    const run = (file) => {
      const r = spawnSync(process.execPath, [file], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
      assert.equal(r.status, 0, `node ${file} failed:\n${r.stderr}`);
      return JSON.parse(r.stdout);
    };

    test('plain require() in a .cjs file works with node and no flags', () => {
      writeFileSync(join(dir, 'consumer.cjs'), script("const { validate, parse } = require('cc-number-events');"));
      assert.deepEqual(run('consumer.cjs'), expected);
    });

    test('plain import in a .mjs file works with node and no flags', () => {
      writeFileSync(join(dir, 'consumer.mjs'), script("import { validate, parse } from 'cc-number-events';"));
      assert.deepEqual(run('consumer.mjs'), expected);
    });

    test('the default export of the ESM entry holds the same functions', () => {
      writeFileSync(
        join(dir, 'default.mjs'),
        "import pkg, { validate } from 'cc-number-events';\n" +
          'process.stdout.write(JSON.stringify([typeof pkg.validate, typeof pkg.parse, pkg.validate === validate]));\n',
      );
      assert.deepEqual(run('default.mjs'), ['function', 'function', true]);
    });

    test("the browser's one import line runs in Node: the default export is an init that resolves at once", () => {
      writeFileSync(
        join(dir, 'init.mjs'),
        "import init, { validate } from 'cc-number-events';\n" +
          'const pending = init();\n' +
          'process.stdout.write(JSON.stringify([typeof init, pending instanceof Promise, await pending, validate("{}").valid]));\n',
      );
      assert.deepEqual(run('init.mjs'), ['function', true, null, false]);
    });

    // scripts/package.mjs leaves out of each Node glue what a caller of validate() on the raw
    // body does not run, and requires it on first use: the parsed-value copier (objects.cjs),
    // receive(), the streaming summarizer and reconcile()'s argument reader.
    for (const entry of ['cc-number-events', 'cc-number-events/validate']) {
      test(`${entry} in Node loads each part on first use, and only then`, () => {
        const full = entry === 'cc-number-events';
        writeFileSync(join(dir, 'parts.mjs'), `import { createRequire } from 'node:module';
import * as api from '${entry}';
const cache = createRequire(import.meta.url).cache;
const parts = () => Object.keys(cache).map((f) => f.match(/[\\\\/](\\w+)\\.cjs$/)?.[1]).filter((n) => n && !n.endsWith('door')).sort();
const steps = {};
const text = ${payload};
const fromText = api.validate(text);
steps.validateText = [parts(), fromText.valid];
const fromObject = api.validate(JSON.parse(text));
steps.validateObject = [parts(), fromObject.valid, JSON.stringify(fromObject.event) === JSON.stringify(fromText.event)];
const answer = await api.receive({ method: 'POST', headers: {}, body: text });
steps.receive = [parts(), answer.outcome];
if (${full}) {
  const s = api.createSummarizer();
  s.push(text);
  steps.summarizer = [parts(), s.finish().valid];
  const reconciled = api.reconcile({ before: '', log: text, after: '' });
  steps.reconcile = [parts(), typeof reconciled];
}
process.stdout.write(JSON.stringify(steps));
`);
        const expected = {
          validateText: [[], true],
          validateObject: [['objects'], true, true],
          receive: [['objects', 'receive'], 'accepted'],
        };
        if (full) {
          expected.summarizer = [['objects', 'receive', 'stream'], 1];
          expected.reconcile = [['objects', 'receive', 'reconcile', 'stream'], 'object'];
        }
        assert.deepEqual(run('parts.mjs'), expected);
      });
    }
  });
});

// ---------------------------------------------------------------------------------------
// Layout, start-up and the error class

describe('the package as published', () => {
  const PKG = new URL('../../pkg/', import.meta.url);
  const manifest = JSON.parse(readFileSync(new URL('package.json', PKG), 'utf8'));
  const files = (dir) => readdirSync(dir, { recursive: true }).map(String);

  test('carries one .wasm of each module, shared by the Node and web builds', () => {
    assert.deepEqual(files(PKG).filter((f) => f.endsWith('.wasm')).sort(),
      ['web/cc_number_events_bg.wasm', 'web/cc_number_events_validate_bg.wasm']);
    assert.equal(manifest.exports['./wasm'].default, './web/cc_number_events_bg.wasm');
    assert.equal(manifest.exports['./validate/wasm'].default, './web/cc_number_events_validate_bg.wasm');
  });

  test('says its module format, names no placeholder repository, and exports the viewer', () => {
    assert.equal(manifest.type, 'module');
    assert.equal(manifest.repository, undefined);
    for (const entry of ['./viewer', './viewer/element', './viewer/define']) {
      const { types, default: js } = manifest.exports[entry];
      assert.ok(files(PKG).includes(js.slice(2)) && files(PKG).includes(types.slice(2)), entry);
    }
    assert.match(readFileSync(new URL('README.md', PKG), 'utf8'), /^# cc-number-events\n/);
  });

  test('trappedReport, the trap guard\'s helper, is not exported', () => {
    assert.equal(require('cc-number-events').trappedReport, undefined);
  });

  test('the web build, called before init(), throws an error that says to call it; after, it works', async () => {
    const web = await import(new URL('web/cc_number_events.js', PKG).href);
    assert.throws(() => web.validate(VALID), (e) => e instanceof Error &&
      /^cc-number-events: validate\(\) was called before the WebAssembly module was loaded: call `await init\(\)`/.test(e.message));
    assert.throws(() => web.parse(VALID), /parse\(\) was called before/);
    await web.default({ module_or_path: readFileSync(new URL('web/cc_number_events_bg.wasm', PKG)) });
    assert.equal(web.validate(VALID).valid, true);
    // Errors of either build are InvalidEventErrors to both builds' class and guard.
    let fromWeb;
    try {
      web.parse('{}');
    } catch (e) {
      fromWeb = e;
    }
    const node = require('cc-number-events');
    assert.ok(fromWeb instanceof node.InvalidEventError && node.isInvalidEventError(fromWeb));
    assert.ok(web.isInvalidEventError(catchParse('{}')) && catchParse('{}') instanceof web.InvalidEventError);
  });

  const catchParse = (input) => {
    try {
      parse(input);
    } catch (e) {
      return e;
    }
    assert.fail('parse did not throw');
  };

  test('parse throws an InvalidEventError: a class, with its guard, its fields unchanged', () => {
    const { InvalidEventError, isInvalidEventError } = require('cc-number-events');
    const e = catchParse('{"uuid": 1');
    assert.ok(e instanceof InvalidEventError && e instanceof Error && isInvalidEventError(e));
    assert.equal(Object.getPrototypeOf(e), InvalidEventError.prototype);
    assert.deepEqual(Object.keys(e), ['name', 'kind', 'issues']);
    assert.equal(e.name, 'InvalidEventError');
    assert.equal(e.kind, 'malformed');
    assert.match(e.stack, /InvalidEventError/);
    // A look-alike is not one; the guard never throws.
    const lookalike = Object.assign(new Error('x'), { name: 'InvalidEventError', kind: 'malformed', issues: [] });
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    for (const v of [lookalike, null, undefined, 'InvalidEventError', {}, proxy]) {
      assert.equal(isInvalidEventError(v), false);
      assert.equal(v instanceof InvalidEventError, false);
    }
    // Made by hand, it is one too.
    const made = new InvalidEventError('1:1: broken', { kind: 'malformed', issues: [] });
    assert.ok(isInvalidEventError(made) && made.name === 'InvalidEventError' && made.message === '1:1: broken');
    // Other functions' errors are untouched.
    assert.throws(() => validate(VALID, { stict: true }), (err) => err instanceof TypeError && !isInvalidEventError(err));
  });

  test('a trap inside parse still ends in the InvalidEventError class', () => {
    const { __trapForTests, InvalidEventError } = require('cc-number-events');
    __trapForTests(1);
    const e = catchParse(VALID);
    assert.ok(e instanceof InvalidEventError, `${e?.name}: ${e?.message}`);
    assert.equal(parse(VALID).body.phoneNumberInfo.id, '987654321');
  });
});

// ---------------------------------------------------------------------------------------
// Shapes

/** Every object in the value is a plain object, every array a real Array, nothing else. */
function assertPlainJson(value, where = 'report') {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return;
  assert.notEqual(value, undefined, `${where} is undefined`);
  assert.ok(!(value instanceof Map) && !(value instanceof Set), `${where} is a Map/Set`);
  if (Array.isArray(value)) {
    assert.equal(Object.getPrototypeOf(value), Array.prototype, `${where} is not a plain Array`);
    value.forEach((v, i) => assertPlainJson(v, `${where}[${i}]`));
    return;
  }
  assert.equal(typeof value, 'object', `${where} is a ${typeof value}`);
  assert.equal(Object.getPrototypeOf(value), Object.prototype, `${where} is not a plain object`);
  for (const [k, v] of Object.entries(value)) {
    assert.notEqual(v, undefined, `${where}.${k} is present but undefined (should be absent)`);
    assertPlainJson(v, `${where}.${k}`);
  }
}

const ISSUE_KEYS = ['code', 'severity', 'message', 'path', 'line', 'column', 'offset', 'length'];
function assertIssue(issue, where) {
  const keys = Object.keys(issue);
  const allowed = new Set([...ISSUE_KEYS, 'hint']);
  assert.deepEqual(keys.filter((k) => !allowed.has(k)), [], `${where} has unexpected keys`);
  for (const k of ['code', 'severity', 'message', 'path']) {
    assert.equal(typeof issue[k], 'string', `${where}.${k}`);
  }
  for (const k of ['line', 'column', 'offset', 'length']) {
    assert.ok(Number.isInteger(issue[k]), `${where}.${k} = ${issue[k]}`);
  }
  assert.ok(issue.line >= 1 && issue.column >= 1 && issue.offset >= 0 && issue.length >= 0, where);
  assert.match(issue.code, /^[a-z0-9]+(-[a-z0-9]+)*$/, `${where}.code`);
  assert.ok(['error', 'warning'].includes(issue.severity), `${where}.severity`);
  assert.ok(issue.path === '' || issue.path.startsWith('/'), `${where}.path is a JSON Pointer`);
  if ('hint' in issue) assert.equal(typeof issue.hint, 'string', `${where}.hint`);
}

describe('validate returns plain JSON-shaped reports', () => {
  for (const [label, input] of Object.entries(SAMPLES)) {
    test(`the report for ${label} input is plain objects and Arrays with typed fields`, () => {
      const r = validate(input);
      assertPlainJson(r);
      assert.deepEqual(
        Object.keys(r).filter((k) => !['event', 'change'].includes(k)),
        ['valid', 'kind', 'delivery', 'errors', 'warnings'],
      );
      assert.equal(typeof r.valid, 'boolean');
      assert.equal(typeof r.kind, 'string');
      assert.equal(typeof r.delivery, 'string');
      assert.ok(Array.isArray(r.errors) && Array.isArray(r.warnings));
      r.errors.forEach((i, n) => {
        assertIssue(i, `errors[${n}]`);
        assert.equal(i.severity, 'error');
      });
      r.warnings.forEach((i, n) => {
        assertIssue(i, `warnings[${n}]`);
        assert.equal(i.severity, 'warning');
      });
      // `event` and `change` are present exactly when the report is valid.
      assert.equal('event' in r, r.valid, 'event present iff valid');
      assert.equal('change' in r, r.valid, 'change present iff valid');
      assert.equal(r.valid, r.errors.length === 0 && r.kind === 'contactCenterPhoneNumber');
    });
  }

  test('an issue without a hint has no hint key at all', () => {
    const issues = Object.values(SAMPLES).flatMap((s) => {
      const r = validate(s);
      return [...r.errors, ...r.warnings];
    });
    const hintless = issues.filter((i) => !('hint' in i));
    assert.ok(hintless.length > 0, 'expected at least one issue without a hint');
    for (const i of hintless) assert.equal(Object.hasOwn(i, 'hint'), false);
  });

  test('optional event and change fields are absent, not undefined, when the payload lacks them', () => {
    const r = validate(fixture('deleted-valid.json'));
    assert.equal(r.valid, true);
    const info = r.event.body.phoneNumberInfo;
    for (const [k, v] of Object.entries(info)) assert.notEqual(v, undefined, k);
    assert.equal(typeof info.id, 'string');
    assert.equal(typeof info.phoneNumber, 'string');
    for (const k of ['uri', 'paymentType', 'location', 'type', 'usageType', 'status', 'contactCenterProvider']) {
      if (k in info) assert.notEqual(info[k], undefined, k);
    }
    const change = r.change;
    assert.deepEqual(
      Object.keys(change).filter((k) => !['type', 'usageType', 'provider'].includes(k)),
      ['action', 'effect', 'phoneNumber', 'id', 'accountId', 'time', 'sentence'],
    );
    assert.equal(typeof change.sentence, 'string');
  });

  test('a body-only payload gets a report with no event and no change key', () => {
    const r = validate(fixture('body-only.json'));
    assert.equal(r.valid, false);
    assert.equal(Object.hasOwn(r, 'event'), false);
    assert.equal(Object.hasOwn(r, 'change'), false);
  });

  test('keys such as __proto__ in the payload never change the report prototype', () => {
    const r = validate('{"__proto__": {"valid": true}, "uuid": 1}');
    assertPlainJson(r);
    assert.equal(r.valid, false);
  });
});

// ---------------------------------------------------------------------------------------
// parse

describe('parse', () => {
  test('returns the normalised event of a valid payload', () => {
    const event = parse(VALID);
    assertPlainJson(event, 'event');
    assert.deepEqual(event, validate(VALID).event);
    assert.deepEqual(Object.keys(event), [
      'uuid', 'event', 'accountId', 'timestamp', 'time', 'subscriptionId', 'ownerId', 'body',
    ]);
    assert.equal(event.accountId, '37439510');
    assert.equal(event.body.eventType, 'Created');
    assert.equal(event.body.phoneNumberInfo.type, 'VoiceFax');
  });

  test('turns numeric ids into strings', () => {
    const fromFrame = parse(fixture('websocket-frame-updated.json'));
    assert.equal(fromFrame.body.phoneNumberInfo.id, '1133557799');
    const owner = parse(fixture('owner-id-as-number-valid.json'));
    assert.equal(typeof owner.ownerId, 'string');
    assert.match(owner.ownerId, /^\d+$/);
  });

  test('keeps a +0000 timestamp as sent and normalises it to UTC in time', () => {
    const event = parse(fixture('timestamp-plus-0000-valid.json'));
    assert.equal(event.timestamp, '2014-04-29T14:29:27.408+0000');
    assert.equal(event.time, '2014-04-29T14:29:27.408Z');
  });

  test('accepts the same payload as a Uint8Array', () => {
    assert.deepEqual(parse(new TextEncoder().encode(VALID)), parse(VALID));
  });

  for (const [label, input] of Object.entries(SAMPLES)) {
    if (validate(input).valid) continue;
    test(`throws an InvalidEventError carrying validate's issues for ${label} input`, () => {
      const report = validate(input);
      let thrown;
      try {
        parse(input);
      } catch (e) {
        thrown = e;
      }
      assert.ok(thrown instanceof Error, 'parse must throw a real Error');
      assert.equal(thrown.name, 'InvalidEventError');
      assert.equal(thrown.kind, report.kind);
      assert.equal(typeof thrown.message, 'string');
      assert.ok(thrown.message.length > 0);
      assert.equal(typeof thrown.stack, 'string');
      assert.ok(Array.isArray(thrown.issues));
      assertPlainJson(thrown.issues, 'error.issues');
      assert.deepEqual(thrown.issues, [...report.errors, ...report.warnings]);
      const first = report.errors[0];
      assert.ok(thrown.message.startsWith(`${first.line}:${first.column}: `), thrown.message);
    });
  }
});

// ---------------------------------------------------------------------------------------
// Bad arguments

describe('bad arguments', () => {
  const badInputs = {
    'a number': 42,
    null: null,
    undefined: undefined,
    'a boolean': true,
    'a Uint16Array': new Uint16Array(2),
  };
  for (const fn of [validate, parse]) {
    for (const [label, input] of Object.entries(badInputs)) {
      test(`${fn.name} throws a TypeError, not an InvalidEventError, for ${label} as input`, () => {
        assert.throws(() => fn(input), (e) => e instanceof TypeError && e.name === 'TypeError');
      });
    }
  }

  // Inputs since issue #11 (tests/js/objects.test.mjs): an object or array already parsed,
  // and an ArrayBuffer's bytes. Not notifications, so parse's InvalidEventError.
  for (const [label, input] of Object.entries({ 'a plain object': {}, 'an array': [], 'an ArrayBuffer': new ArrayBuffer(4) })) {
    test(`validate reports on ${label}, and parse throws its InvalidEventError`, () => {
      assert.equal(validate(input).valid, false);
      assert.throws(() => parse(input), (e) => e.name === 'InvalidEventError');
    });
  }

  test('a Buffer (a Uint8Array subclass) is accepted as bytes', () => {
    assert.deepEqual(validate(Buffer.from(VALID)), validate(VALID));
  });

  test('a misspelt option is a TypeError that suggests the right name', () => {
    assert.throws(() => validate(VALID, { stict: true }), {
      name: 'TypeError',
      message: 'unknown option `stict`; did you mean `strict`?',
    });
    assert.throws(() => parse(VALID, { stict: true }), TypeError);
  });

  test('mistyped options are TypeErrors', () => {
    for (const options of [{ strict: 'yes' }, { strict: 1 }, 'strict', 7, [true]]) {
      assert.throws(() => validate(VALID, options), TypeError, JSON.stringify(options));
    }
  });

  test('out-of-range limits are RangeErrors', () => {
    for (const options of [{ maxDepth: 0 }, { maxIssues: 1.5 }, { maxInputBytes: -1 }, { maxDepth: 'deep' }]) {
      assert.throws(() => validate(VALID, options), RangeError, JSON.stringify(options));
    }
  });

  test('undefined, null and {} options all mean the defaults', () => {
    const plain = validate(UNKNOWN_FIELD);
    assert.deepEqual(validate(UNKNOWN_FIELD, undefined), plain);
    assert.deepEqual(validate(UNKNOWN_FIELD, null), plain);
    assert.deepEqual(validate(UNKNOWN_FIELD, {}), plain);
    assert.deepEqual(validate(UNKNOWN_FIELD, { strict: false }), plain);
  });

  test('a bad payload never throws from validate', () => {
    for (const input of ['', '{', 'null', '\u0000', '[1,2', new Uint8Array([0xff, 0xfe, 0, 0])]) {
      assert.doesNotThrow(() => validate(input));
    }
  });
});

// ---------------------------------------------------------------------------------------
// Options

describe('options', () => {
  test('strict: true turns an unknown-field warning into an error', () => {
    const lenient = validate(UNKNOWN_FIELD);
    assert.equal(lenient.valid, true);
    assert.deepEqual(lenient.errors, []);
    const warning = lenient.warnings.find((i) => i.code === 'unknown-field');
    assert.ok(warning, 'expected an unknown-field warning');

    const strict = validate(UNKNOWN_FIELD, { strict: true });
    assert.equal(strict.valid, false);
    assert.equal('event' in strict, false);
    const error = strict.errors.find((i) => i.code === 'unknown-field');
    assert.ok(error, 'expected an unknown-field error');
    // The same finding at the same place; only the severity (and the hint's wording) differ.
    const { severity: _s1, hint: _h1, ...errorAt } = error;
    const { severity: _s2, hint: _h2, ...warningAt } = warning;
    assert.deepEqual(errorAt, warningAt);
    assert.equal(strict.warnings.some((i) => i.code === 'unknown-field'), false);

    assert.doesNotThrow(() => parse(UNKNOWN_FIELD));
    assert.throws(() => parse(UNKNOWN_FIELD, { strict: true }), { name: 'InvalidEventError' });
  });

  test('maxIssues lists that many issues and counts the rest in one too-many-issues warning', () => {
    const dupes = '{"a":1,"a":2,"a":3,"a":4}';
    const all = validate(dupes);
    assert.ok(all.errors.length + all.warnings.length >= 3, JSON.stringify(all));
    const capped = validate(dupes, { maxIssues: 1 });
    const listed = [...capped.errors, ...capped.warnings];
    assert.equal(listed.length, 2, JSON.stringify(capped));
    assert.equal(listed[1].code, 'too-many-issues');
  });
});

// ---------------------------------------------------------------------------------------
// Positions in UTF-16 code units

describe('positions are UTF-16 code units, as JavaScript strings count', () => {
  // Ü is one code unit, the 🇨🇭 flag four (two astral regional indicators); both come
  // before the error on the same line, and the line does not start the document.
  const text = VALID.replace(
    /"location": "Washington, DC",\n(\s*)"type": "VoiceFax",/,
    '"location": "Zürich 🇨🇭",\n$1"paymentType2": 1, "type": "Vox",',
  ).replace('"paymentType2": 1, ', '"note": "Zürich 🇨🇭", ');

  const check = (report, code, offending) => {
    const issue = [...report.errors, ...report.warnings].find((i) => i.code === code);
    assert.ok(issue, `no ${code} issue in ${JSON.stringify(report, null, 1)}`);
    assert.equal(text.slice(issue.offset, issue.offset + issue.length), offending);
    const lineStart = text.lastIndexOf('\n', issue.offset - 1) + 1;
    assert.equal(issue.column, issue.offset - lineStart + 1);
    assert.equal(issue.line, text.slice(0, issue.offset).split('\n').length);
    const lineText = text.slice(lineStart, text.indexOf('\n', issue.offset));
    assert.ok(lineText.includes('Zürich 🇨🇭'), `the issue's line holds the accents and the flag: ${lineText}`);
    return issue;
  };

  test('the payload really puts non-ASCII and astral characters before the error', () => {
    assert.ok(text.includes('"note": "Zürich 🇨🇭", "type": "Vox",'), text);
    assert.notEqual(new TextEncoder().encode(text).length, text.length);
  });

  test('an error after Zürich and a flag on the same line slices out exactly the bad value', () => {
    const issue = check(validate(text), 'invalid-number-type', '"Vox"');
    assert.equal(issue.severity, 'error');
  });

  test('the same input as UTF-8 bytes reports the same UTF-16 positions', () => {
    const fromBytes = validate(new TextEncoder().encode(text));
    check(fromBytes, 'invalid-number-type', '"Vox"');
    assert.deepEqual(fromBytes, validate(text));
  });

  test('an unknown member after the flag is located at its key', () => {
    check(validate(text), 'unknown-field', '"note"');
  });
});

describe('strings are encoded to UTF-8 exactly as TextEncoder does, at every length', () => {
  // Strings up to 2^20 code units are encoded straight into WebAssembly memory with room for
  // three bytes per unit; longer ones get one byte per unit first and the rest, if any, in a
  // second call. Both must give the bytes' report.
  const withLocation = (location) => VALID.replace('"Washington, DC"', JSON.stringify(location));
  const same = (text) => {
    const fromString = validate(text, { maxInputBytes: 64 << 20 });
    assert.deepEqual(fromString, validate(new TextEncoder().encode(text), { maxInputBytes: 64 << 20 }));
    return fromString;
  };

  test('a payload of three-byte characters (UTF-8 worst case per code unit) is read whole', () => {
    const text = withLocation('€'.repeat(5000));
    assert.ok(text.includes('€'));
    const report = same(text);
    assert.equal(report.valid, true);
    assert.equal(report.event.body.phoneNumberInfo.location, '€'.repeat(5000));
  });

  test('astral characters and a string right at the direct-encoding limit give the same report', () => {
    const base = withLocation('🇨🇭');
    const pad = (1 << 20) - base.length;
    const atLimit = withLocation('🇨🇭' + 'é'.repeat(pad));
    assert.equal(atLimit.length, 1 << 20);
    assert.equal(same(atLimit).event.body.phoneNumberInfo.location.length, 4 + pad);
    const overLimit = withLocation('🇨🇭' + 'é'.repeat(pad + 1));
    assert.equal(overLimit.length, (1 << 20) + 1);
    assert.equal(same(overLimit).event.body.phoneNumberInfo.location.length, 5 + pad);
  });

  test('a long log whose non-ASCII text overflows the first chunk is read as its bytes are', () => {
    // ASCII lines first, so that the one-byte-per-unit buffer fills in the middle of the
    // emoji and accented lines that follow (surrogate pairs must not be split there).
    const line = (location) => withLocation(location).replace(/\s*\n\s*/g, ' ');
    const lines = [];
    for (let i = 0, units = 0; units < (1 << 20) + 5000; i++) {
      const uuid = `1${String(i).padStart(18, '0')}`;
      const l = line(i < 2000 ? `Plain ${i}` : `São ${i} 😀🇨🇭 東京`).replace(/"uuid": "\d+"/, `"uuid": "${uuid}"`);
      lines.push(l);
      units += l.length + 1;
    }
    const log = lines.join('\n');
    assert.ok(log.length > 1 << 20);
    const fromString = summarize(log);
    assert.deepEqual(fromString, summarize(new TextEncoder().encode(log)));
    assert.equal(fromString.valid, lines.length);
    assert.equal(fromString.invalid, 0);
  });

  test('a lone surrogate past the first chunk of a long string is reported where it is', () => {
    // Put in after JSON.stringify, which would escape it.
    const text = withLocation('x'.repeat(1 << 20) + 'LONE' + '😀'.repeat(10)).replace('LONE', '\uD800');
    const r = validate(text, { maxInputBytes: 64 << 20 });
    const e = r.errors.find((i) => i.code === 'json-lone-surrogate');
    assert.ok(e, JSON.stringify(r.errors));
    assert.equal(e.offset, text.indexOf('\uD800'));
  });
});
