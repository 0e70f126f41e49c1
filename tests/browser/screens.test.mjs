// Screenshots of the page at desktop and phone width, light and dark, for review
// (target/screenshots/, never committed); also checks nothing overflows sideways.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openViewer, screenshot, useServerAndBrowser, waitForReport } from './harness.mjs';

const env = useServerAndBrowser();

const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };

for (const [device, viewport] of Object.entries(VIEWPORTS)) {
  for (const colorScheme of ['light', 'dark']) {
    test(`${device} ${colorScheme}: valid, invalid and log views fit the width`, async () => {
      const { context, page, problems } = await openViewer(env.browser, env.server.url, { viewport, colorScheme });
      try {
        await page.emulateMedia({ colorScheme });
        for (const example of ['Valid', 'Invalid', 'Log']) {
          await waitForReport(page, () => page.getByRole('button', { name: example, exact: true }).click());
          if (example === 'Invalid') {
            await page.locator('cc-event-viewer').getByRole('region', { name: 'Results' }).getByRole('button').first().click();
          }
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert.ok(overflow <= 0, `${example}: the page scrolls sideways by ${overflow}px`);
          await screenshot(page, `${example.toLowerCase()}-${device}-${colorScheme}`);
        }
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }
}
