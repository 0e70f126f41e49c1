// <cc-event-viewer> embedded in a host page ("an admin portal"): one script tag, one tag.
// The host page lives in tests/browser/fixtures/ and is served by route interception on the
// viewer's origin, with the portal's own strict CSP header.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { validate } from 'cc-number-events';
import { ROOT, openViewer, renderedText, screenshot, useServerAndBrowser, waitForReport } from './harness.mjs';
import * as examples from '../../www/viewer/examples.js';

const FIXTURES = join(ROOT, 'tests', 'browser', 'fixtures');
const PORTAL_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; worker-src 'self'; img-src 'self'";
const TYPES = { html: 'text/html; charset=utf-8', css: 'text/css', js: 'text/javascript' };

const env = useServerAndBrowser();

async function openPortal(options = {}) {
  return openViewer(env.browser, new URL('/__portal/portal.html', env.server.url).href, {
    waitFirst: false,
    ...options,
    beforeGoto: (page) =>
      page.route('**/__portal/*', async (route) => {
        const name = new URL(route.request().url()).pathname.split('/').pop();
        const body = await readFile(join(FIXTURES, name));
        await route.fulfill({ status: 200, body, headers: { 'Content-Type': TYPES[name.split('.').pop()], 'Content-Security-Policy': PORTAL_CSP } });
      }),
  });
}

test('the element loads from one script tag, sets its payload by property and attribute, and fires cc-report', async () => {
  const { context, page, problems, requests } = await openPortal();
  try {
    const html = await readFile(join(FIXTURES, 'portal.html'), 'utf8');
    assert.equal((html.match(/cc-event-viewer\.js/g) ?? []).length, 1, 'one script tag');
    assert.equal((html.match(/<cc-event-viewer\b/g) ?? []).length, 1, 'one tag');

    // Empty until the portal hands it a payload (no example, no storage unless asked).
    await page.locator('cc-event-viewer').getByRole('textbox', { name: 'Payload' }).waitFor();
    assert.equal(await page.locator('cc-event-viewer').getByRole('textbox', { name: 'Payload' }).inputValue(), '');

    // Property.
    await waitForReport(page, () => page.evaluate((p) => (document.getElementById('viewer').payload = p), examples.invalid));
    const expected = validate(examples.invalid);
    const detail = await page.evaluate(() => {
      const v = document.getElementById('viewer');
      return { result: v.result, reports: window.portalReports, verdict: document.getElementById('last-verdict').textContent };
    });
    assert.equal(detail.result.mode, 'single');
    assert.equal(detail.result.valid, false);
    assert.deepEqual(detail.result.report.errors, expected.errors);
    assert.deepEqual(detail.reports.at(-1), { mode: 'single', valid: false, target: 'viewer' });
    assert.equal(detail.verdict, 'Last check: invalid');

    // Attribute, and the strict attribute.
    await waitForReport(page, () => page.evaluate((p) => document.getElementById('viewer').setAttribute('payload', p), examples.log));
    assert.equal(await page.evaluate(() => window.portalReports.at(-1).mode), 'log');
    await waitForReport(page, () => page.evaluate((p) => document.getElementById('viewer').setAttribute('payload', p), examples.valid));
    await waitForReport(page, () => page.evaluate(() => document.getElementById('viewer').setAttribute('strict', '')));
    assert.equal(await page.locator('cc-event-viewer').getByRole('checkbox', { name: 'Strict' }).isChecked(), true);
    assert.match(await renderedText(page.locator('cc-event-viewer').getByRole('region', { name: 'Results' })), /^Valid/m);

    // check() resolves with the same result.
    const checked = await page.evaluate(async () => (await document.getElementById('viewer').check()).valid);
    assert.equal(checked, true);

    // Isolation: an open shadow root, no leakage of the portal's styles in or of the viewer out.
    const iso = await page.evaluate(() => {
      const v = document.getElementById('viewer');
      const root = v.shadowRoot;
      const btn = root.querySelector('button');
      const ta = root.querySelector('textarea');
      return {
        mode: root.mode,
        lightChildren: v.children.length,
        lightTextareas: document.querySelectorAll('textarea').length,
        buttonBg: getComputedStyle(btn).backgroundColor,
        textareaSize: getComputedStyle(ta).fontSize,
        portalButtonBg: getComputedStyle(document.querySelector('.portal-side button')).backgroundColor,
        storage: Object.keys(localStorage),
      };
    });
    assert.equal(iso.mode, 'open');
    assert.equal(iso.lightChildren, 0);
    assert.equal(iso.lightTextareas, 0);
    assert.notEqual(iso.buttonBg, 'rgb(255, 0, 0)');
    assert.equal(iso.textareaSize, '13px');
    assert.equal(iso.portalButtonBg, 'rgb(255, 0, 0)');
    assert.deepEqual(iso.storage, [], 'an embedded viewer stores nothing unless the portal sets `persist`');

    const origin = new URL(env.server.url).origin;
    assert.deepEqual(requests.filter((u) => new URL(u).origin !== origin), []);
    await screenshot(page, 'embed-desktop-light');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the embedded element works at phone width in a dark portal', async () => {
  const { context, page, problems } = await openPortal({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
  try {
    await page.locator('cc-event-viewer').getByRole('textbox', { name: 'Payload' }).waitFor();
    await waitForReport(page, () => page.evaluate((p) => (document.getElementById('viewer').payload = p), examples.invalid));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
    await screenshot(page, 'embed-phone-dark');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
