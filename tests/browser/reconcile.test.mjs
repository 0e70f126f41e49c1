// The page's reconcile panel in headless Chromium: the lists pasted beside the log in the
// editor, the findings as the npm package's reconcile() finds them (missed notifications
// first, then drift), and a finding's log line a click away.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { reconcile } from 'cc-number-events';
import { openViewer, paste, renderedText, screenshot, useServerAndBrowser } from './harness.mjs';

const env = useServerAndBrowser();
const CASES = new URL('../fixtures/reconcile/', import.meta.url);
const read = (name, file) => readFileSync(new URL(`${name}/${file}`, CASES), 'utf8');

/** Fills the panel, presses Reconcile, and waits for its results. */
async function reconcileOnPage(page, { after, before, afterTime, beforeTime }) {
  await page.getByText('Reconcile the log against the phone-number list').click();
  await page.getByRole('textbox', { name: 'After: the list now' }).fill(after);
  if (before) await page.getByRole('textbox', { name: 'Before: the list when the log began (optional)' }).fill(before);
  if (afterTime) await page.getByRole('textbox', { name: 'When the after list was taken' }).fill(afterTime);
  if (beforeTime) await page.getByRole('textbox', { name: 'When the before list was taken' }).fill(beforeTime);
  await page.getByRole('button', { name: 'Reconcile', exact: true }).click();
  const results = page.locator('cc-event-viewer .reconcile-results');
  await results.locator('.verdict').waitFor({ timeout: 30_000 });
  return results;
}

test('missed notifications come first, then drift, as reconcile() finds them', async () => {
  const { context, page, problems } = await openViewer(env.browser, env.server.url);
  try {
    const name = 'before-unexplained';
    const log = read(name, 'log.ndjson');
    await paste(page, log);
    const lists = {
      after: read(name, 'after.json'), before: read(name, 'before.json'),
      afterTime: '2023-04-19T08:00:00Z', beforeTime: '2023-04-18T08:00:00Z',
    };
    const results = await reconcileOnPage(page, lists);
    const want = reconcile({ ...lists, log });
    const text = await renderedText(results);
    assert.match(text, /3 findings/);
    // Headings are shown in capitals (CSS), and innerText reads them so.
    const missedAt = text.toLowerCase().indexOf('missed notifications (2)');
    const driftAt = text.toLowerCase().indexOf('drift (1)');
    assert.ok(missedAt >= 0 && driftAt > missedAt, text);
    for (const f of want.findings) assert.ok(text.includes(f.message), `no ${f.kind} for ${f.phoneNumber} in:\n${text}`);
    await screenshot(page, 'reconcile-desktop-light');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a finding links to its log line, and an edited log marks the results outdated', async () => {
  const { context, page, problems } = await openViewer(env.browser, env.server.url);
  try {
    const name = 'missed-removal';
    const log = read(name, 'log.ndjson');
    await paste(page, log);
    const results = await reconcileOnPage(page, { after: read(name, 'after.json') });
    assert.match(await renderedText(results), /Missed notifications \(2\)/i);
    await results.getByRole('button', { name: 'line 2' }).click();
    const editor = page.getByRole('textbox', { name: 'Payload' });
    const start = log.indexOf('\n') + 1;
    const sel = await editor.evaluate((ta) => [ta.selectionStart, ta.selectionEnd]);
    assert.deepEqual(sel, [start, log.indexOf('\n', start)]);
    await editor.press('End');
    await editor.type(' ');
    await page.waitForFunction(() =>
      document.querySelector('cc-event-viewer').shadowRoot.querySelector('.reconcile-results.outdated') !== null);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a list taken without admin rights is flagged, not reported as missing numbers', async () => {
  const { context, page, problems } = await openViewer(env.browser, env.server.url);
  try {
    const name = 'direct-numbers-only';
    await paste(page, read(name, 'log.ndjson'));
    const results = await reconcileOnPage(page, { after: read(name, 'after.json') });
    const text = await renderedText(results);
    assert.match(text, /Not compared/);
    assert.match(text, /DirectNumber records only/);
    assert.match(text, /snapshot-direct-numbers-only/);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
