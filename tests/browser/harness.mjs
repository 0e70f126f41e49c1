// Shared helpers for the headless-Chromium tests in tests/browser/.
//
// Uses Debian's /usr/bin/chromium (installed by `scripts/setup.sh --browser`);
// Playwright never downloads a browser here. Each launch gets a fresh, empty
// temporary profile (Playwright's launch() creates one and deletes it on close).
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

export { startServer };

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WWW = join(ROOT, 'www');
export const SCREENSHOT_DIR = join(ROOT, 'target', 'screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launch headless Chromium. Close it with `await browser.close()`. */
export async function launchBrowser(options = {}) {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
    ...options,
  });
}

/**
 * Open a page and collect console errors, page errors and failed requests
 * (a CSP violation shows up as a console error).
 */
export async function openPage(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`http ${res.status()}: ${res.url()}`);
  });
  page.on('requestfailed', (req) => problems.push(`requestfailed: ${req.url()} ${req.failure()?.errorText}`));
  await page.goto(url, { waitUntil: 'load' });
  return { context, page, problems };
}

/** Save a full-page PNG under target/screenshots/ and return its path. */
export async function screenshot(page, name, { fullPage = true } = {}) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/**
 * Open the viewer page (or any page embedding <cc-event-viewer>) in a fresh context and wait
 * for its first report. Records every request URL in `requests`; `reports()` says how many
 * `cc-report` events the page has seen (see `waitForReport`).
 */
export async function openViewer(browser, url, { viewport = { width: 1280, height: 900 }, colorScheme = 'light', waitFirst = true, beforeGoto, bypassCSP = false } = {}) {
  // `bypassCSP` lets a test evaluate its own code against the page's module (the page's CSP
  // forbids eval, rightly).
  const context = await browser.newContext({ viewport, colorScheme, acceptDownloads: true, bypassCSP });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  await context.addInitScript(() => {
    window.__ccReports = 0;
    document.addEventListener('cc-report', () => window.__ccReports++);
  });
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('request', (req) => requests.push(req.url()));
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`console ${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`http ${res.status()}: ${res.url()}`);
  });
  page.on('requestfailed', (req) => problems.push(`requestfailed: ${req.url()} ${req.failure()?.errorText}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  if (beforeGoto) await beforeGoto(page, context);
  await page.goto(url, { waitUntil: 'load' });
  if (waitFirst) await page.waitForFunction(() => window.__ccReports > 0, null, { timeout: 30_000 });
  return { context, page, problems, requests };
}

/** Runs `action`, then waits until the page has fired one more `cc-report` event. */
export async function waitForReport(page, action, timeout = 30_000) {
  const before = await page.evaluate(() => window.__ccReports);
  await action();
  await page.waitForFunction((n) => window.__ccReports > n, before, { timeout });
}

/** Replaces the editor's text with `text` the way a person does: select all, paste. */
export async function paste(page, text) {
  const editor = page.getByRole('textbox', { name: 'Payload' });
  await editor.focus();
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await waitForReport(page, async () => {
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('ControlOrMeta+V');
  });
}

/**
 * The text of `locator` as a person sees it when scrolled to each part: `innerText`, read with
 * `content-visibility: auto` lifted inside it. The page sets that on long-list entries
 * (`.number`, `.problem`, `.group-card`), so Chromium skips the contents of those off screen,
 * or not yet judged on screen in the frame a result is drawn, and plain `innerText` leaves
 * them out depending on scroll position and timing.
 */
export function renderedText(locator) {
  return locator.evaluate((el) => {
    const lifted = [];
    for (const e of el.querySelectorAll('*')) {
      if (getComputedStyle(e).contentVisibility === 'visible') continue;
      lifted.push([e, e.style.contentVisibility]);
      e.style.contentVisibility = 'visible';
    }
    try {
      return el.innerText;
    } finally {
      for (const [e, was] of lifted) e.style.contentVisibility = was;
    }
  });
}

/** The text of the Results region (see `renderedText`). */
export function resultsText(page) {
  return renderedText(page.getByRole('region', { name: 'Results' }));
}

/**
 * Serves www/ on a free 127.0.0.1 port (the server `make serve` runs) and launches Chromium,
 * once per test file; `env.server` and `env.browser` are set before the first test.
 */
export function useServerAndBrowser() {
  const env = { server: undefined, browser: undefined };
  before(async () => {
    env.server = await startServer({ port: 0, root: WWW });
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
