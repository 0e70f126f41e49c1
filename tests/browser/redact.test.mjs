// The page's Redact switch: a report copied for a ticket has its phone numbers masked by the
// package (Text, Markdown, CSV; a log's too), and JSON, which holds the event's own values,
// is not offered redacted.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openViewer, paste, useServerAndBrowser, waitForReport } from './harness.mjs';
import * as examples from '../../www/viewer/examples.js';

const env = useServerAndBrowser();
const UNMASKED = /\+[\d ()-]{7,}\d/;

async function copy(page, format) {
  await page.getByRole('combobox', { name: 'Report format' }).selectOption(format);
  await page.evaluate(() => {
    document.querySelector('cc-event-viewer').shadowRoot.querySelector('[role=status]').textContent = '';
  });
  await page.getByRole('button', { name: 'Copy' }).click();
  await page.waitForFunction(() => /Copied|JSON report holds/.test(document.querySelector('cc-event-viewer').shadowRoot.querySelector('[role=status]').textContent));
  const status = await page.evaluate(() => document.querySelector('cc-event-viewer').shadowRoot.querySelector('[role=status]').textContent);
  return { status, text: await page.evaluate(() => navigator.clipboard.readText()) };
}

test('with Redact on, copied reports mask phone numbers; off, they do not', async () => {
  const { context, page, problems } = await openViewer(env.browser, env.server.url);
  try {
    await paste(page, examples.invalid);
    const plain = await copy(page, 'markdown');
    assert.match(plain.text, UNMASKED);
    await page.getByRole('checkbox', { name: 'Redact' }).check();
    for (const format of ['text', 'markdown', 'csv']) {
      const { status, text } = await copy(page, format);
      assert.match(status, /Copied the redacted/);
      assert.doesNotMatch(text, UNMASKED, `${format}:\n${text}`);
      assert.match(text, /•••/, format);
    }
    const json = await copy(page, 'json');
    assert.match(json.status, /JSON report holds/);

    await waitForReport(page, () => page.getByRole('button', { name: 'Log', exact: true }).click());
    const log = await copy(page, 'text');
    assert.doesNotMatch(log.text, UNMASKED, log.text);
    assert.match(log.text, /Added \(\d+\): \+\d{4}•••\d{4}/);
    await page.getByRole('checkbox', { name: 'Redact' }).uncheck();
    assert.match((await copy(page, 'text')).text, UNMASKED);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
