// Issue 16's cases that are about the package itself, in Chromium: the web build the page
// uses (www/pkg), called from the page's own origin. Lying typed arrays, a Uint8Array from
// another realm (an iframe), options that throw or hold BigInts, a log whose lines nest into
// each other, and lone surrogates spread over a log, each through the viewer where a person
// could meet it. After each, the module still answers a small call correctly and
// Object.prototype is untouched. (Cases 1, 2, 6, 7 and 9 are in limits.test.mjs,
// verdicts.test.mjs and page.test.mjs.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openViewer, resultsText, useServerAndBrowser } from './harness.mjs';
import { item } from './logs.mjs';

const env = useServerAndBrowser();

/** Runs `body` (a function source taking the initialised module) in the page. */
async function withModule(page, body, arg) {
  return page.evaluate(
    async ({ body, arg }) => {
      const m = await import('/pkg/cc_number_events.js');
      await m.default();
      const before = Object.getOwnPropertyNames(Object.prototype).join();
      // eslint-disable-next-line no-new-func
      const out = await new Function('m', 'arg', `return (${body})(m, arg);`)(m, arg);
      const valid = m.validate(arg.valid).valid;
      const prototypeSame = Object.getOwnPropertyNames(Object.prototype).join() === before;
      return { out, valid, prototypeSame };
    },
    { body: body.toString(), arg },
  );
}

test('case 4: a lying length, a detached buffer and a Uint8Array from an iframe', async () => {
  const { context, page } = await openViewer(env.browser, env.server.url, { bypassCSP: true });
  try {
    const valid = item({ i: 1 });
    const r = await withModule(
      page,
      async (m, arg) => {
        const bytes = new TextEncoder().encode(arg.valid);
        let reads = 0;
        class Lying extends Uint8Array {
          get length() {
            return reads++ === 0 ? 0 : 1 << 30;
          }
        }
        const lying = new Lying(bytes.length);
        lying.set(bytes);
        const shortOwn = Object.defineProperty(Uint8Array.from(bytes), 'length', { value: 3 });
        // Warm up: the module's first calls take what it keeps for any call.
        m.validate(lying);
        m.validate(shortOwn);
        const before = m.memoryBytes();
        const lies = [];
        for (let i = 0; i < 50; i++) lies.push(m.validate(i % 2 ? lying : shortOwn).valid);
        const grew = m.memoryBytes() - before;
        const buffer = new ArrayBuffer(bytes.length);
        const detached = new Uint8Array(buffer);
        detached.set(bytes);
        structuredClone(buffer, { transfer: [buffer] });
        let detachedError;
        try {
          m.validate(detached);
        } catch (e) {
          detachedError = `${e.name}: ${e.message}`;
        }
        const frame = document.createElement('iframe');
        document.body.append(frame);
        const foreign = new frame.contentWindow.Uint8Array(bytes.length);
        foreign.set(bytes);
        const crossRealm = m.validate(foreign).valid;
        frame.remove();
        return { lies, grew, getterCalls: reads, detachedError, crossRealm };
      },
      { valid },
    );
    assert.ok(r.out.lies.every((v) => v === true), 'the real bytes are read, whatever length says');
    assert.equal(r.out.getterCalls, 0, 'the subclass getter is never called');
    assert.equal(r.out.grew, 0, '50 calls with lying lengths leave the memory as it was');
    assert.match(r.out.detachedError, /^TypeError: .*detached/);
    assert.equal(r.out.crossRealm, true, 'a Uint8Array from an iframe is accepted');
    assert.equal(r.valid, true, 'the module still answers');
    assert.equal(r.prototypeSame, true);
  } finally {
    await context.close();
  }
});

test('case 5: options are read as values; a throwing getter or a BigInt is a TypeError naming it', async () => {
  const { context, page } = await openViewer(env.browser, env.server.url, { bypassCSP: true });
  try {
    const valid = item({ i: 1 });
    const r = await withModule(
      page,
      async (m, arg) => {
        const attempt = (options) => {
          try {
            const report = m.validate(arg.valid.replace('"Created"', '"Created","extra":1'), options);
            return `report ${report.valid}`;
          } catch (e) {
            return `${e.name}: ${e.message}`;
          }
        };
        return {
          bigint: attempt({ strict: true, maxDepth: 10n }),
          getter: attempt({ strict: true, get maxIssues() { throw new Error('boom'); } }),
          symbol: attempt({ strict: Symbol('x') }),
          toJSON: attempt({ strict: true, toJSON: () => ({}) }),
          strict: attempt({ strict: true }),
        };
      },
      { valid },
    );
    assert.match(r.out.bigint, /^TypeError: .*maxDepth.*bigint/);
    assert.match(r.out.getter, /^TypeError: .*maxIssues/);
    assert.match(r.out.symbol, /^TypeError: .*strict/);
    assert.match(r.out.toJSON, /^TypeError: unknown option `toJSON`/);
    assert.equal(r.out.strict, 'report false', 'strict mode refuses the unknown member');
    assert.equal(r.valid, true);
    assert.equal(r.prototypeSame, true);
  } finally {
    await context.close();
  }
});

test('case 3: a log whose lines nest into each other gets a bounded summary, quickly', async (t) => {
  const { context, page } = await openViewer(env.browser, env.server.url);
  try {
    const line = `{"${'k'.repeat(100)}":\n`;
    const log = line.repeat(10_000);
    const m = await page.evaluate(async (text) => {
      const viewer = document.querySelector('cc-event-viewer');
      const reported = new Promise((r) => viewer.addEventListener('cc-report', (e) => r(e.detail), { once: true }));
      const started = performance.now();
      await viewer.loadFile(new Blob([text]));
      const detail = await reported;
      return {
        ms: performance.now() - started,
        invalid: detail.summary.invalid,
        size: JSON.stringify(detail.summary).length,
      };
    }, log);
    t.diagnostic(`${log.length} bytes: reported in ${Math.round(m.ms)} ms, ${m.invalid} broken items, summary ${m.size} bytes`);
    assert.equal(m.invalid, 10_000, 'every line is its own broken item');
    assert.ok(m.size < 4 * log.length + (4 << 20), `summary of ${m.size} bytes for ${log.length}`);
    assert.ok(m.ms < 10_000, `${m.ms} ms`);
  } finally {
    await context.close();
  }
});

test('case 8: lone surrogates in a log make their own items invalid in the viewer', async () => {
  const { context, page } = await openViewer(env.browser, env.server.url);
  try {
    const items = [0, 1, 2, 3].map((i) => item({ i }));
    items[1] = items[1].replace('Washington, DC', 'Washington\ud800');
    items[3] = items[3].replace('Washington, DC', '\udfff Washington');
    const summary = await page.evaluate(async (text) => {
      const viewer = document.querySelector('cc-event-viewer');
      const reported = new Promise((r) => viewer.addEventListener('cc-report', (e) => r(e.detail), { once: true }));
      viewer.payload = text;
      return (await reported).summary;
    }, items.join('\n'));
    assert.equal(summary.valid, 2);
    assert.equal(summary.invalid, 2);
    assert.deepEqual(
      summary.problems.map((p) => [p.index, p.issues.some((i) => i.code === 'json-lone-surrogate')]),
      [[1, true], [3, true]],
    );
    const text = await resultsText(page);
    assert.match(text, /json-lone-surrogate/);
  } finally {
    await context.close();
  }
});
