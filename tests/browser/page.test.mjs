// The page (www/index.html, built from <cc-event-viewer>) in headless Chromium, served by
// the same server `make serve` uses. Verdicts are cross-checked against the npm package.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { summarize, validate } from 'cc-number-events';
import { openViewer, paste, resultsText, screenshot, useServerAndBrowser, waitForReport } from './harness.mjs';
import * as examples from '../../www/viewer/examples.js';

const env = useServerAndBrowser();

const shadow = (page, fn, arg) =>
  page.evaluate(([src, a]) => {
    const root = document.querySelector('cc-event-viewer').shadowRoot;
    return new Function('root', 'arg', src)(root, a); // test-only code, run by CDP (not subject to the page CSP)
  }, [fn, arg]);

test('a pasted valid notification shows its change sentence and fields', async () => {
  const { context, page, problems } = await openViewer(env.browser, env.server.url);
  try {
    await paste(page, examples.valid);
    const expected = validate(examples.valid);
    assert.equal(expected.valid, true);
    const text = await resultsText(page);
    assert.match(text, /^Valid/m);
    assert.ok(text.includes(expected.change.sentence), `no change sentence in:\n${text}`);
    assert.match(text, /One notification/);
    // The fields table.
    const fields = page.getByRole('region', { name: 'Results' }).getByRole('table');
    assert.match(await fields.innerText(), /Phone number\s+\+12024999741/);
    await screenshot(page, 'valid-desktop-light');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('an invalid notification lists each error with line:column; a click selects its span', async () => {
  const { context, page, problems } = await openViewer(env.browser, env.server.url);
  try {
    await paste(page, examples.invalid);
    const expected = validate(examples.invalid);
    assert.ok(expected.errors.length >= 3);
    const results = page.getByRole('region', { name: 'Results' });
    assert.match(await resultsText(page), /^Invalid/m);
    const editor = page.getByRole('textbox', { name: 'Payload' });
    for (const issue of [...expected.errors, ...expected.warnings]) {
      const item = results.getByRole('button').filter({ hasText: `${issue.line}:${issue.column}` }).filter({ hasText: issue.code });
      assert.equal(await item.count(), 1, `no single entry for ${issue.code} at ${issue.line}:${issue.column}`);
      const label = await item.innerText();
      assert.ok(label.includes(issue.message), label);
      if (issue.hint) assert.ok(label.includes(issue.hint), label);
      await item.click();
      const sel = await editor.evaluate((ta) => [ta.selectionStart, ta.selectionEnd, document.activeElement === ta.getRootNode().host]);
      assert.deepEqual(sel, [issue.offset, issue.offset + issue.length, true], `selection for ${issue.code}`);
    }
    // The offending text is visibly marked (behind the textarea), as text.
    const marks = await shadow(page, `return [...root.querySelectorAll('.backdrop mark.error')].map((m) => m.textContent)`);
    for (const e of expected.errors) {
      const span = examples.invalid.slice(e.offset, e.offset + e.length);
      assert.ok(marks.includes(span), `no mark for ${JSON.stringify(span)} in ${JSON.stringify(marks)}`);
    }
    // F8 walks the problems in text order.
    await editor.evaluate((ta) => ta.setSelectionRange(0, 0));
    await editor.press('F8');
    const first = [...expected.errors, ...expected.warnings].sort((a, b) => a.offset - b.offset)[0];
    assert.equal(await editor.evaluate((ta) => ta.selectionStart), first.offset);
    await screenshot(page, 'invalid-desktop-light');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('typing re-validates after a pause; strict mode turns warnings into errors', async () => {
  const { context, page, problems } = await openViewer(env.browser, env.server.url);
  try {
    await paste(page, examples.valid);
    const editor = page.getByRole('textbox', { name: 'Payload' });
    await editor.evaluate((ta, at) => ta.setSelectionRange(at, at), examples.valid.indexOf('"Created"') + 1);
    await waitForReport(page, () => editor.pressSequentially('x'));
    assert.match(await resultsText(page), /^Invalid/m);
    assert.match(await resultsText(page), /invalid-event-type/);

    const unknown = examples.valid.replace('"status": "Normal",', '"status": "Normal",\n      "region": "US",');
    await paste(page, unknown);
    assert.match(await resultsText(page), /^Valid/m);
    await waitForReport(page, () => page.getByRole('checkbox', { name: 'Strict' }).check());
    assert.match(await resultsText(page), /^Invalid/m);
    assert.match(await resultsText(page), /unknown-field/);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a WebSocket frame is recognised', async () => {
  const { context, page, problems } = await openViewer(env.browser, env.server.url);
  try {
    await waitForReport(page, () => page.getByRole('button', { name: 'WebSocket frame' }).click());
    const text = await resultsText(page);
    assert.match(text, /^Valid/m);
    assert.match(text, /WebSocket frame/);
    assert.ok(text.includes(validate(examples.websocket).change.sentence));
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a log shows its counts, net effect, timeline chart and broken items', async () => {
  const { context, page, problems } = await openViewer(env.browser, env.server.url);
  try {
    await waitForReport(page, () => page.getByRole('button', { name: 'Log', exact: true }).click());
    const sm = summarize(examples.log);
    const results = page.getByRole('region', { name: 'Results' });
    const text = await resultsText(page);
    assert.match(text, new RegExp(`Log of ${sm.events} notifications`));
    const stats = await results.locator('dl.stats').evaluate((dl) =>
      Object.fromEntries([...dl.querySelectorAll('.stat')].map((s) => [s.querySelector('dt').textContent, Number(s.querySelector('dd').textContent)])));
    assert.deepEqual(stats, {
      Notifications: sm.events,
      Valid: sm.valid,
      Invalid: sm.invalid,
      'Other kinds': sm.other,
      Duplicates: sm.duplicates,
      'Out of order': sm.outOfOrder,
      Warnings: sm.warnings,
    });
    for (const n of sm.net.added) assert.ok(text.includes(n), `net effect lacks ${n}`);
    // One chart row per number, one marker per timeline entry.
    const chart = results.getByRole('img', { name: /Events over time/ });
    assert.equal(await chart.locator('g.row').count(), sm.numbers.length);
    assert.equal(await chart.locator('.mark').count(), sm.numbers.reduce((a, n) => a + n.timeline.length, 0));
    // Broken items with their lines; clicking one selects its span.
    const issues = sm.problems.flatMap((p) => p.issues);
    for (const p of sm.problems) assert.match(text, new RegExp(`Item ${p.index + 1}, line ${p.line}`));
    const last = issues.at(-1);
    await results.getByRole('button').filter({ hasText: last.code }).click();
    const editor = page.getByRole('textbox', { name: 'Payload' });
    assert.deepEqual(await editor.evaluate((ta) => [ta.selectionStart, ta.selectionEnd]), [last.offset, last.offset + last.length]);
    await screenshot(page, 'log-desktop-light');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('payload text is never run as HTML', async () => {
  const evil = examples.valid
    .replace('"Washington, DC"', '"<img src=x onerror=\\"window.__pwned=1;alert(1)\\">"')
    .replace('"Created"', '"<script>window.__pwned=2</script>"')
    .replace('"+12024999741"', '"<svg onload=window.__pwned=3>"')
    .replace('"status": "Normal",', '"status": "Normal",\n      "<img src=y onerror=alert(2)>": "<iframe src=javascript:alert(3)>",');
  const evilLog = [examples.log.split('\n')[0].replace('Washington, DC', '<img src=z onerror=alert(4)>'), evil.replace(/\n\s*/g, ''), '{"uuid": "<b onmouseover=alert(5)>x</b>"'].join('\n');
  const { context, page, problems, requests } = await openViewer(env.browser, env.server.url);
  try {
    for (const payload of [evil, evilLog]) {
      await paste(page, payload);
      const text = await resultsText(page);
      assert.match(text, /<script>window.__pwned=2<\/script>|<img src=/, 'the payload text is shown as text');
      const found = await shadow(page, `return {
        tags: [...root.querySelectorAll('img, script, iframe, svg:not(.chart-svg), b, [onerror], [onload], [onmouseover]')]
          .filter((e) => !e.closest('svg.chart-svg')).map((e) => e.outerHTML),
        pwned: window.__pwned ?? null,
      }`);
      assert.deepEqual(found, { tags: [], pwned: null });
      // Hover and click everything that might carry a handler.
      for (const b of await page.getByRole('region', { name: 'Results' }).getByRole('button').all()) await b.click();
    }
    await screenshot(page, 'xss-log');
    assert.equal(await page.evaluate(() => window.__pwned ?? null), null);
    assert.deepEqual(requests.filter((u) => /\/(x|y|z)$|javascript:/.test(u)), []);
    assert.deepEqual(problems, [], 'no dialog opened, no CSP violation');
  } finally {
    await context.close();
  }
});

test('the page makes no request except for its own files', async () => {
  const { context, page, problems, requests } = await openViewer(env.browser, env.server.url);
  try {
    for (const name of ['Invalid', 'WebSocket frame', 'Log', 'Valid']) {
      await waitForReport(page, () => page.getByRole('button', { name, exact: true }).click());
    }
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open file…' }).click();
    await waitForReport(page, async () => (await chooser).setFiles({ name: 'capture.ndjson', mimeType: 'application/x-ndjson', buffer: Buffer.from(examples.log) }));
    assert.match(await resultsText(page), /Log of 15 notifications/);
    for (const format of ['text', 'markdown', 'csv', 'json']) {
      await page.getByRole('combobox', { name: 'Report format' }).selectOption(format);
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Download' }).click();
      const d = await download;
      assert.match(d.suggestedFilename(), /^cc-number-events-report\.(txt|md|csv|json)$/);
      await page.getByRole('button', { name: 'Copy' }).click();
      await page.waitForFunction(() => /Copied/.test(document.querySelector('cc-event-viewer').shadowRoot.querySelector('[role=status]').textContent));
    }
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(JSON.parse(copied).events, 15);
    await page.reload({ waitUntil: 'load' });
    await page.waitForFunction(() => window.__ccReports > 0);

    const origin = new URL(env.server.url).origin;
    assert.ok(requests.length >= 8, `expected the page's own files, saw ${requests.join(', ')}`);
    const foreign = requests.filter((u) => new URL(u).origin !== origin || new URL(u).hostname !== '127.0.0.1');
    assert.deepEqual(foreign, [], 'every request goes to the page\'s own 127.0.0.1 origin');
    assert.ok(requests.some((u) => u.endsWith('.wasm')), 'the wasm module was fetched');
    assert.ok(requests.some((u) => u.endsWith('/worker.js')), 'the worker was started');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the CSP header and the <meta> CSP both hold, and the page works under them', async () => {
  const res = await fetch(env.server.url);
  const header = res.headers.get('content-security-policy');
  assert.match(header, /script-src 'self' 'wasm-unsafe-eval'/);
  // Only this origin may frame the page; `*` would let any site overlay it.
  assert.match(header, /(^|; )frame-ancestors 'self'(;|$)/);
  assert.doesNotMatch(header, /frame-ancestors \*/);
  const html = await res.text();
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1];
  assert.ok(meta, 'index.html carries a CSP <meta>');
  assert.match(meta, /default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'/);

  // Served by "another server" without the header: the <meta> alone must block inline code.
  const { context, page, problems } = await openViewer(env.browser, env.server.url, {
    beforeGoto: (p) =>
      p.route('**/*', async (route) => {
        const r = await route.fetch();
        const headers = { ...r.headers() };
        delete headers['content-security-policy'];
        await route.fulfill({ response: r, headers });
      }),
  });
  try {
    assert.match(await resultsText(page), /^Valid/m, 'works with the wasm under the <meta> CSP');
    const ran = await page.evaluate(async () => {
      const violations = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.body.append(s);
      const st = document.createElement('style');
      st.textContent = 'body { display: none }';
      document.head.append(st);
      await new Promise((r) => setTimeout(r, 50));
      return { inline: window.__inline ?? null, hidden: getComputedStyle(document.body).display === 'none', violations };
    });
    assert.equal(ran.inline, null, 'inline script blocked');
    assert.equal(ran.hidden, false, 'inline style blocked');
    assert.ok(ran.violations.some((v) => v.startsWith('script-src')), JSON.stringify(ran.violations));
    // The two console errors are the ones this test provoked.
    assert.ok(problems.every((p) => /Content Security Policy/.test(p)), problems.join('\n'));
  } finally {
    await context.close();
  }
});

test('input and the strict option survive a reload; nothing else is stored', async () => {
  const { context, page, problems } = await openViewer(env.browser, env.server.url);
  try {
    await paste(page, examples.invalid);
    await waitForReport(page, () => page.getByRole('checkbox', { name: 'Strict' }).check());
    await page.reload({ waitUntil: 'load' });
    await page.waitForFunction(() => window.__ccReports > 0);
    assert.equal(await page.getByRole('textbox', { name: 'Payload' }).inputValue(), examples.invalid);
    assert.equal(await page.getByRole('checkbox', { name: 'Strict' }).isChecked(), true);
    const storage = await page.evaluate(() => ({
      keys: Object.keys(localStorage),
      value: JSON.parse(localStorage.getItem('cc-number-events:state')),
      session: sessionStorage.length,
      cookies: document.cookie,
    }));
    assert.deepEqual(storage, { keys: ['cc-number-events:state'], value: { input: examples.invalid, strict: true }, session: 0, cookies: '' });
    assert.deepEqual(await context.cookies(), []);

    // Over 1 MB: not stored, and the page says so.
    const big = examples.log.repeat(Math.ceil(1_100_000 / examples.log.length));
    await paste(page, big);
    const note = page.getByText(/over 1 MB, so it is not kept/);
    assert.equal(await note.isVisible(), true);
    assert.deepEqual(await page.evaluate(() => JSON.parse(localStorage.getItem('cc-number-events:state'))), { strict: true });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a dropped multi-megabyte log is read with progress and checked in a worker; the page stays responsive', async () => {
  const { context, page, problems } = await openViewer(env.browser, env.server.url);
  try {
    const lines = examples.log.trimEnd().split('\n').slice(0, 14);
    const target = 24 * 1024 * 1024;
    const chunks = [];
    let size = 0;
    for (let i = 0; size < target; i++) {
      const l = lines[i % lines.length].replace(/"uuid":"(\d+)"/, (_, u) => `"uuid":"${u.slice(0, 10)}${String(i).padStart(9, '0')}"`);
      chunks.push(l);
      size += l.length + 1;
    }
    const buffer = Buffer.from(chunks.join('\n') + '\n');
    const expected = summarize(new Uint8Array(buffer));
    // Drop it onto the editor.
    const handle = await page.evaluateHandle(async (b64) => {
      const bin = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bin], 'big.ndjson', { type: 'application/x-ndjson' }));
      return dt;
    }, buffer.toString('base64'));
    const editor = page.locator('cc-event-viewer').locator('.editor');
    const before = await page.evaluate(() => window.__ccReports);
    await editor.dispatchEvent('dragover', { dataTransfer: handle });
    await editor.dispatchEvent('drop', { dataTransfer: handle });
    // While it runs: a progress bar, and the main thread answers quickly.
    await page.getByRole('progressbar').waitFor({ state: 'visible', timeout: 10_000 });
    const lags = [];
    while ((await page.evaluate(() => window.__ccReports)) === before) {
      const t = Date.now();
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
      lags.push(Date.now() - t);
      if (lags.length > 2000) break;
    }
    assert.ok(lags.length > 0);
    assert.ok(Math.max(...lags) < 1000, `main thread blocked for ${Math.max(...lags)} ms`);
    const text = await resultsText(page);
    assert.match(text, new RegExp(`Log of ${expected.events.toLocaleString('en-US')} notifications`));
    assert.match(await page.locator('cc-event-viewer').locator('.note').innerText(), /read-only; every line is checked/);
    assert.equal(await page.getByRole('progressbar').isVisible(), false);
    await screenshot(page, 'big-log', { fullPage: false });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
