// WebSocket control frames on the page: a pasted ConnectionDetails or Error frame is named as
// what it is, with the package's sentence, and the values it quotes stay text.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { validate } from 'cc-number-events';
import { openViewer, paste, resultsText, useServerAndBrowser } from './harness.mjs';

const env = useServerAndBrowser();
const fixture = (name) => readFileSync(new URL(`../fixtures/validate/${name}`, import.meta.url), 'utf8');

test('a ConnectionDetails frame shows the session\'s limits, an Error frame its code, as text', async () => {
  const { context, page, problems } = await openViewer(env.browser, env.server.url);
  try {
    const details = fixture('websocket-connection-details-recovery-failed.json');
    await paste(page, details);
    const expected = validate(details);
    assert.equal(expected.kind, 'websocketControl');
    let text = await resultsText(page);
    assert.match(text, /WebSocket control frame/);
    assert.ok(text.includes(`Connection details: ${expected.frame.sentence}`), `no sentence in:\n${text}`);
    assert.match(text, /websocket-control-frame/);

    const hostile = fixture('websocket-error-hostile-message.json');
    await paste(page, hostile);
    text = await resultsText(page);
    assert.ok(text.includes(`Gateway error: ${validate(hostile).frame.sentence}`), `no sentence in:\n${text}`);
    const images = await page.evaluate(() => document.querySelector('cc-event-viewer').shadowRoot.querySelectorAll('img').length);
    assert.equal(images, 0, 'the <img> in the frame stays text');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
