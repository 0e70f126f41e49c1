// Smoke test: serve www/, load the page in headless Chromium, and check the
// sample payload is reported valid by the WebAssembly build.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, openPage, screenshot, startServer, WWW } from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await startServer({ port: 0, root: WWW });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('page validates the preloaded sample payload', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  try {
    const payload = page.getByRole('textbox', { name: 'Payload' });
    assert.match(await payload.inputValue(), /"uuid"/);

    const results = page.getByRole('region', { name: 'Results' });
    // Wait until the report (not just "loading") is rendered.
    await page.waitForFunction(
      () => /"valid"\s*:/.test(document.querySelector('[aria-label="Results"]')?.textContent ?? ''),
      null,
      { timeout: 30_000 },
    );
    await screenshot(page, 'page-sample');

    const text = await results.textContent();
    const json = JSON.parse(text.slice(text.indexOf('{')));
    assert.equal(json.valid, true, `expected the sample to be valid, got:\n${text}`);
    assert.match(text, /"valid": true/);
    assert.deepEqual(problems, [], `browser reported problems:\n${problems.join('\n')}`);
  } finally {
    await context.close();
  }
});
