// A large file in the page is streamed through summarizeStream in the worker, never read
// whole: the progress bar counts its bytes, the summary is summarize()'s, and the page's own
// memory stays far below the file's size.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { summarize } from 'cc-number-events';
import { openViewer, useServerAndBrowser } from './harness.mjs';

const env = useServerAndBrowser();

const line = (i) =>
  `{"uuid":"${1000000000000000000n + BigInt(i)}","event":"/restapi/v1.0/account/3743951${i % 7}/phone-number?usageType=ContactCenterNumber","timestamp":"2023-04-18T${String(8 + (i % 12)).padStart(2, '0')}:00:00.000Z","subscriptionId":"9d38419f-645f-4ee3-a053-8cf1368c21c4","ownerId":"8475874957","body":{"eventType":"${['Created', 'Updated', 'Deleted'][i % 3]}","phoneNumberInfo":{"id":"98765${i % 500}","phoneNumber":"+1202499${String(i % 500).padStart(4, '0')}","usageType":"ContactCenterNumber","status":"${i % 2 ? 'Normal' : 'Pending'}"}}}`;

test('a 60 MB file is streamed by the worker: progress by bytes, summarize()\'s summary', async () => {
  const { context, page, problems } = await openViewer(env.browser, env.server.url);
  try {
    // The same log in Node, for the expected summary, and built in the page (a Blob of
    // repeated blocks, so that nothing of it crosses from the test).
    const block = Array.from({ length: 1000 }, (_, i) => line(i)).join('\n') + '\n';
    const repeats = Math.ceil(60e6 / block.length);
    const expected = summarize(block.repeat(repeats), { maxInputBytes: 1 << 30, maxItems: 1e8 });
    const seen = await page.evaluate(async ({ block, repeats }) => {
      const viewer = document.querySelector('cc-event-viewer');
      const labels = [];
      const observer = new MutationObserver(() => {
        for (const el of viewer.shadowRoot.querySelectorAll('*')) {
          const t = el.childElementCount === 0 ? el.textContent : '';
          if (/^Checking big\.ndjson/.test(t)) labels.push(t);
        }
      });
      observer.observe(viewer.shadowRoot, { subtree: true, childList: true, characterData: true });
      const reported = new Promise((r) => viewer.addEventListener('cc-report', (e) => r(e.detail), { once: true }));
      const file = new File(Array(repeats).fill(block), 'big.ndjson', { type: 'application/x-ndjson' });
      await viewer.loadFile(file);
      const detail = await reported;
      observer.disconnect();
      return {
        labels,
        summary: { events: detail.summary.events, valid: detail.summary.valid, duplicates: detail.summary.duplicates, net: detail.summary.net, numbers: detail.summary.numbers.length },
        heap: performance.memory?.usedJSHeapSize ?? 0,
        size: file.size,
      };
    }, { block, repeats });
    assert.deepEqual(seen.summary, {
      events: expected.events, valid: expected.valid, duplicates: expected.duplicates, net: expected.net, numbers: expected.numbers.length,
    });
    assert.ok(seen.labels.some((l) => /MB of \d+(\.\d+)? MB$/.test(l)), `progress by bytes: ${seen.labels.slice(0, 3)}`);
    // The page never held the file: its JavaScript heap is far below the file's size.
    if (seen.heap) assert.ok(seen.heap < seen.size / 2, `heap ${seen.heap} for a ${seen.size}-byte file`);
    assert.match(await page.locator('cc-event-viewer').locator('.note').innerText(), /every line is checked as the file is read/);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
