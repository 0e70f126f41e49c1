// The page's guarantees on inputs built to break them: logs with tens of thousands of groups,
// and logs whose free text runs past the output limit. Each measured figure is asserted
// against a stated bound, and reported as a test diagnostic.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { summarize } from 'cc-number-events';
import { openViewer, useServerAndBrowser } from './harness.mjs';
import { freeTextLog, perAccountLog } from './logs.mjs';

const env = useServerAndBrowser();

/** The group cards the page draws at most at once (BATCH_GROUPS in cc-event-viewer.js). */
const GROUP_CAP = 100;

/**
 * Loads `text` as a file into the viewer and waits for its report. Returns the time from the
 * load to the report, the main-thread task that received the result and drew it (`drawTask`:
 * the long task around the cc-report event, 0 if under 50 ms), the longest main-thread task
 * meanwhile (PerformanceObserver long tasks) and the number of elements in the shadow root.
 */
async function loadAndMeasure(page, text) {
  return page.evaluate(async (t) => {
    const tasks = [];
    const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
    observer.observe({ type: 'longtask' });
    const viewer = document.querySelector('cc-event-viewer');
    let reportAt;
    const reported = new Promise((r) => viewer.addEventListener('cc-report', () => r((reportAt = performance.now())), { once: true }));
    const started = performance.now();
    await viewer.loadFile(new Blob([t], { type: 'application/x-ndjson' }));
    await reported;
    const ms = performance.now() - started;
    await new Promise((r) => setTimeout(r, 100));
    observer.disconnect();
    const drawTask = tasks.find((e) => e.startTime <= reportAt && reportAt <= e.startTime + e.duration);
    return {
      ms,
      drawTask: drawTask?.duration ?? 0,
      longestTask: Math.max(0, ...tasks.map((e) => e.duration)),
      nodes: viewer.shadowRoot.querySelectorAll('*').length,
    };
  }, text);
}

const cards = (page) => page.locator('cc-event-viewer').locator('.group-card').count();

test('a log of one account per item draws a capped number of group cards, a batch more on demand', async (t) => {
  const { context, page, problems } = await openViewer(env.browser, env.server.url);
  try {
    const figures = {};
    for (const n of [4_000, 40_000]) {
      const log = perAccountLog(n);
      const expected = summarize(log);
      assert.equal(expected.groups.length, n);
      const m = await loadAndMeasure(page, log);
      figures[n] = m;
      t.diagnostic(`n=${n} (${(log.length / 1e6).toFixed(1)} MB): report after ${Math.round(m.ms)} ms, drawn in a task of ${Math.round(m.drawTask)} ms, longest main-thread task ${Math.round(m.longestTask)} ms, ${m.nodes} elements`);
      const text = await page.getByRole('region', { name: 'Results' }).innerText();
      assert.match(text, new RegExp(`Log of ${n.toLocaleString('en-US')} notifications`));
      assert.equal(await cards(page), GROUP_CAP);
      // Bounds: the DOM stays small whatever n is (uncapped, 40k groups made 282k nodes),
      // and no task holds the main thread long enough to feel frozen (it was 4.6 s).
      assert.ok(m.nodes < 12_000, `${m.nodes} elements at n=${n}`);
      assert.ok(m.drawTask < 300, `receiving and drawing the summary took a ${Math.round(m.drawTask)} ms task at n=${n}`);
      assert.ok(m.longestTask < 1_000, `main thread blocked for ${Math.round(m.longestTask)} ms at n=${n}`);
    }
    // Ten times the groups, about the same DOM: what is drawn does not grow with n.
    assert.ok(figures[40_000].nodes <= figures[4_000].nodes * 1.1, JSON.stringify(figures));

    // "Show more" draws the next batch, and says how many remain.
    const more = page.locator('cc-event-viewer').locator('.group-cards + button.show-more');
    assert.equal(await more.innerText(), 'Show 100 more (39,900 groups not shown)');
    const started = Date.now();
    await more.click();
    assert.equal(await cards(page), 2 * GROUP_CAP);
    const batchMs = Date.now() - started;
    t.diagnostic(`one more batch of group cards drawn in ${batchMs} ms`);
    assert.ok(batchMs < 1_000, `a batch took ${batchMs} ms`);
    assert.match(await more.innerText(), /39,800 groups not shown/);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
