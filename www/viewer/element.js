// <cc-event-viewer>: paste or drop a RingCentral Contact Center phone-number notification
// (or a log of many) and see whether it is valid, where it is broken and what changed.
// This module holds the class only; ./define.js registers it (./index.js does both).
//
//   <script type="module" src="https://portal.example/cc/cc-event-viewer.js"></script>
//   <cc-event-viewer payload='{"uuid": ...}' strict></cc-event-viewer>
//
// Attributes: payload (text to check), strict (boolean), persist (keep input and options in
//   localStorage), example ("valid" | "invalid" | "websocket" | "log": initial text when
//   there is nothing else), theme ("light" | "dark"; default follows the OS).
// Properties: payload (string), strict (boolean), result (last result, read-only).
// Methods: check() -> Promise<result>, loadFile(file: Blob) -> Promise<void>, dispose().
// Event: "cc-report" (CcReportEvent: bubbles, composed) after every check; detail is the result:
//   { mode: "single" | "log", valid: boolean, report: Report | null, summary: Summary | null }.
//   Only a result about the text (and strict option) as they are when it arrives is shown,
//   fired or kept in `result`: one overtaken by an edit is dropped, and check() then
//   resolves with the next result shown (null if that check fails).
//
// Safety: payload text only ever reaches the DOM as text nodes, attribute values or
// textarea.value; nothing here uses innerHTML, inline styles or eval. The stylesheet is
// a <link> next to this module, so a CSP of style-src 'self' is enough.
import { append, h } from './dom.js';
import { Editor } from './editor.js';
import { EXAMPLES } from './examples.js';
import { Renderings, copyText, downloadText } from './exports.js';
import { fileHead, fileView, readFileWithProgress, streamedFileView } from './files.js';
import { STREAM_FILE_BYTES } from './stream-file.js';
import { FORMATS, formatBytes, plural, verdictLine } from './format.js';
import { markActiveIssue, revealIssue } from './issues-view.js';
import { buildLayout } from './layout.js';
import { logView } from './log-view.js';
import { CcReportEvent } from './report-event.js';
import { failureView, singleView } from './single-view.js';
import { reconcilePanel } from './reconcile-panel.js';
import { loadState, saveState } from './storage.js';
import { CheckError, WorkerClient } from './worker-client.js';
import { notRedactable } from './redact.js';

const TYPING_DEBOUNCE_MS = 250;
/** Show the progress bar only when a check takes longer than this. */
const PROGRESS_DELAY_MS = 120;

export class CcEventViewer extends HTMLElement {
  static observedAttributes = ['payload', 'strict'];

  /**
   * The version of what is to be checked: bumped on every edit, paste, file load, payload
   * change and strict toggle. A check's result is shown, and reported in cc-report, only if
   * no bump happened while it ran; anything older is dropped, never shown as the verdict.
   */
  #version = 0;
  /** The version the shown result is about (-1: none, or the shown one is outdated). */
  #shownVersion = -1;
  /** Exports of the shown result (null: none shown). */
  #renderings = null;
  /** check() calls whose own run was superseded: they get the next result shown. */
  #waiters = [];
  #el;
  #editor;
  #client = null;
  #connectedOnce = false;
  /** A payload set before the element was connected, checked once it is. */
  #pendingPayload;
  /** {bytes, name} while the editor shows a file not edited since. */
  #source = null;
  /** {name, size} when the editor holds only a preview of a large file. */
  #preview = null;
  #result = null;
  #runId = 0;
  #typingTimer;
  #notes = {};
  #chart = null;
  /** The shown result's issues, in the order the editor marks and the views number them. */
  #issues = [];
  /** The reconcile panel (./reconcile-panel.js). */
  #panel;

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    this.#build();
  }

  // --- public API ---------------------------------------------------------------------

  get payload() {
    return this.#editor.text;
  }

  set payload(text) {
    this.#setText(String(text ?? ''), { run: 'now' });
  }

  get strict() {
    return this.hasAttribute('strict');
  }

  set strict(on) {
    this.toggleAttribute('strict', Boolean(on));
  }

  /** The last result: {mode, valid, report, summary}, or null before the first check. */
  get result() {
    return this.#result;
  }

  /** Checks the current text now; resolves with the result. */
  check() {
    return this.#run();
  }

  /** Reads a File or Blob into the viewer and checks it. */
  loadFile(file) {
    return this.#loadFile(file);
  }

  attributeChangedCallback(name, old, value) {
    if (name === 'payload' && value !== null && value !== this.#editor.text) this.#setText(value, { run: 'now' });
    if (name === 'strict') {
      this.#el.strict.checked = value !== null;
      if (this.isConnected && old !== value) {
        this.#edited();
        this.#run();
      }
    }
  }

  connectedCallback() {
    if (this.#connectedOnce) return;
    this.#connectedOnce = true;
    this.#client = new WorkerClient();
    let text = this.getAttribute('payload');
    if (text === null && this.#pendingPayload !== undefined) text = this.#pendingPayload;
    if (text === null && this.hasAttribute('persist')) {
      const saved = loadState();
      if (saved) {
        if (typeof saved.strict === 'boolean') this.strict = saved.strict;
        if (typeof saved.input === 'string') text = saved.input;
      }
    }
    if (text === null) text = EXAMPLES.find((e) => e.id === this.getAttribute('example'))?.text ?? '';
    this.#el.strict.checked = this.strict;
    this.#setText(text, { run: 'now' });
  }

  disconnectedCallback() {
    // Kept alive: an element moved in the DOM keeps its worker. Portals that remove it for
    // good can call this.dispose().
  }

  dispose() {
    this.#client?.dispose();
    this.#client = null;
    this.#connectedOnce = false;
  }

  // --- building ---------------------------------------------------------------------------

  #build() {
    this.#editor = new Editor({
      onInput: (pasted) => {
        this.#source = null;
        this.#preview = null;
        this.#edited();
        this.#updateInfo();
        clearTimeout(this.#typingTimer);
        if (pasted) this.#run();
        else this.#typingTimer = setTimeout(() => this.#run(), TYPING_DEBOUNCE_MS);
      },
      onCheckNow: () => {
        clearTimeout(this.#typingTimer);
        this.#run();
      },
      onStep: (dir) => this.#stepIssue(dir),
      onFile: (file) => this.#loadFile(file),
    });
    const el = (this.#el = buildLayout(this.#editor.element, {
      onExample: (text) => this.#setText(text, { run: 'now', focus: true }),
      onFile: (file) => this.#loadFile(file),
      onStrict: (on) => (this.strict = on),
      onExport: (action) => this.#export(action),
    }));
    this.#panel = reconcilePanel({
      request: (lists) => this.#client?.reconcile(this.#source ? this.#source.bytes : this.#editor.text, this.strict, lists),
      version: () => this.#version,
      onLine: (line) => this.#goToLine(line),
    });
    el.app.append(this.#panel.element);
    const css = h('link', { rel: 'stylesheet', href: new URL('./cc-event-viewer.css', import.meta.url).href });
    const reveal = () => {
      el.app.hidden = false;
      this.#editor.visible();
      this.#drawChart();
    };
    css.addEventListener('load', reveal);
    css.addEventListener('error', reveal);
    this.shadowRoot.append(css, el.app);
    new ResizeObserver(() => this.#drawChart()).observe(el.results);
  }

  // --- text, state ------------------------------------------------------------------------

  #setText(text, { run, focus, source = null, preview = null } = {}) {
    if (!this.#connectedOnce && run) {
      // Set before connection (e.g. by a framework): remembered, checked once connected.
      this.#pendingPayload = text;
      return;
    }
    this.#source = source;
    this.#preview = preview;
    this.#editor.setText(text, { preview: Boolean(preview) });
    this.#edited();
    this.#updateInfo();
    if (focus) this.#editor.focus();
    if (run === 'now') this.#run();
  }

  #updateInfo() {
    const lines = this.#editor.lineCount;
    this.#el.info.textContent = this.#preview
      ? `preview: first ${plural(lines, 'line')} of ${formatBytes(this.#preview.size)}`
      : `${plural(lines, 'line')} · ${formatBytes(this.#editor.text.length)}`;
  }

  #saveState() {
    if (!this.hasAttribute('persist')) return;
    this.#setNote('storage', saveState({ input: this.#editor.text, strict: this.strict, preview: Boolean(this.#preview) }));
  }

  #setNote(key, text) {
    this.#notes[key] = text;
    const all = Object.values(this.#notes).filter(Boolean);
    this.#el.note.textContent = all.join(' ');
    this.#el.note.hidden = all.length === 0;
  }

  // --- files ----------------------------------------------------------------------------------

  async #loadFile(file) {
    const name = file.name ?? 'file';
    if (file.size > STREAM_FILE_BYTES && typeof file.stream === 'function') {
      // Never read whole: its head for the preview, and the File, streamed by the check.
      let head;
      try {
        head = await fileHead(file);
      } catch (err) {
        this.#el.status.textContent = `Could not read ${name}: ${err.message}`;
        return;
      }
      const { text, source, preview, note } = streamedFileView(file, head, name);
      this.#setNote('file', note);
      this.#setText(text, { run: 'now', source, preview });
      return;
    }
    this.#showProgress(0, `Reading ${name}…`);
    let bytes;
    try {
      bytes = await readFileWithProgress(file, (f) => this.#showProgress(f, `Reading ${name}… ${Math.round(f * 100)}%`));
    } catch (err) {
      this.#hideProgress();
      this.#el.status.textContent = `Could not read ${name}: ${err.message}`;
      return;
    }
    this.#hideProgress();
    const { text, source, preview, note } = fileView(bytes, name);
    this.#setNote('file', note);
    this.#setText(text, { run: 'now', source, preview });
  }

  #showProgress(fraction, label) {
    const bar = this.#el.progressBar;
    if (fraction === null) bar.removeAttribute('value');
    else bar.value = fraction;
    this.#el.progressLabel.textContent = label;
    this.#el.progress.hidden = false;
  }

  #hideProgress() {
    this.#el.progress.hidden = true;
  }

  // --- checking -----------------------------------------------------------------------------

  /** The text changed: whatever is shown is about an older text, and says so until rechecked. */
  #edited() {
    this.#version++;
    this.#shownVersion = -1;
    this.#panel.outdated();
    // Nothing shown yet (the validator is still loading): nothing to mark.
    if (!this.#el.results.querySelector('.verdict')) return;
    this.#el.results.setAttribute('aria-busy', 'true');
    this.#el.results.classList.add('outdated');
    this.#el.status.textContent = 'Checking the edited text…';
  }

  /** A promise for the next result shown (null if that check fails). */
  #nextShown() {
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  #settle(result) {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const w of waiters) w(result);
  }

  async #run() {
    if (!this.#client) return this.#result;
    const id = ++this.#runId;
    const version = this.#version;
    const input = this.#source ? this.#source.file ?? this.#source.bytes : this.#editor.text;
    const size = typeof input === 'string' ? input.length : input.byteLength ?? input.size;
    const streamed = this.#source?.file !== undefined;
    const strict = this.strict;
    const current = () => id === this.#runId && version === this.#version;
    const slow = setTimeout(() => {
      if (current()) this.#showProgress(null, `Checking ${formatBytes(size)}…`);
    }, PROGRESS_DELAY_MS);
    this.#saveState();
    let result;
    try {
      const progress = (bytes, total) => {
        if (current()) {
          this.#showProgress(bytes / total, `Checking ${this.#source.name}… ${formatBytes(bytes)} of ${formatBytes(total)}`);
        }
      };
      result = await this.#client.check(input, strict, streamed ? progress : undefined);
    } catch (err) {
      clearTimeout(slow);
      if (!current() || err.superseded) return this.#nextShown();
      this.#hideProgress();
      this.#showFailure(err);
      this.#settle(null);
      return null;
    }
    clearTimeout(slow);
    // Edited (or rechecked) since this check began: its verdict is not the text's.
    if (!current()) return this.#nextShown();
    this.#hideProgress();
    result.valid = result.mode === 'log' ? result.summary.invalid === 0 : result.report.valid;
    this.#result = result;
    this.#shownVersion = version;
    this.#renderings = new Renderings(result, { input, strict });
    this.#el.results.removeAttribute('aria-busy');
    this.#el.results.classList.remove('outdated');
    this.#show(result);
    this.dispatchEvent(new CcReportEvent(result));
    this.#settle(result);
    return result;
  }

  /** The check of the current text failed: no verdict, a message, and the way on. */
  #showFailure(err) {
    this.#result = null;
    this.#renderings = null;
    this.#issues = [];
    this.#editor.setIssues([]);
    const fault = err.name === 'RuntimeError' || !(err instanceof CheckError);
    const message = fault
      ? `The validator failed while checking this text (${err.name}: ${err.message}). That is a fault in the validator, not a verdict on the text. It has been restarted: edit the text or press Ctrl+Enter to check again.`
      : `The check was refused (${err.name}: ${err.message}); there is no verdict on this text.`;
    this.#el.status.textContent = message;
    this.#el.results.removeAttribute('aria-busy');
    this.#el.results.classList.remove('outdated');
    this.#el.results.replaceChildren(failureView(message));
    this.#chart = null;
  }

  #show(result) {
    const issues =
      result.mode === 'log'
        ? result.summary.problems.flatMap((p) => p.issues)
        : [...result.report.errors, ...result.report.warnings];
    this.#issues = issues;
    this.#editor.setIssues(issues);
    const ms = result.ms < 10 ? result.ms.toFixed(1) : Math.round(result.ms);
    const actions = { onIssue: (idx) => this.#select(idx), onLine: (line) => this.#goToLine(line) };
    this.#el.results.replaceChildren();
    if (result.mode === 'log') {
      const sm = result.summary;
      this.#el.status.textContent = `Log of ${plural(sm.events, 'item')}: ${sm.valid} valid, ${sm.invalid} invalid (checked in ${ms} ms).`;
      const { nodes, chart } = logView(sm, actions);
      append(this.#el.results, nodes);
      this.#chart = chart;
      // Drawn once the new results are laid out: sizing the chart right away forced that
      // layout (editor included) inside this task, which made it up to half a second longer.
      requestAnimationFrame(() => this.#drawChart());
    } else {
      this.#el.status.textContent = `${verdictLine(result.report)} (checked in ${ms} ms).`;
      append(this.#el.results, singleView(result.report, actions));
      this.#chart = null;
    }
  }

  #drawChart() {
    if (this.#el.app.hidden) return;
    this.#chart?.draw();
  }

  // --- selection ----------------------------------------------------------------------------

  #select(idx) {
    const selected = this.#editor.select(idx);
    if (selected === false) {
      this.#el.status.textContent = `Line ${this.#issues[idx].line} is beyond the preview; the downloaded report lists it.`;
    } else if (selected) {
      markActiveIssue(this.#el.results, idx);
    }
  }

  #stepIssue(dir) {
    const idx = this.#editor.nextIssue(dir);
    if (idx === -1) return;
    this.#select(idx);
    revealIssue(this.#el.results, idx);
  }

  #goToLine(line) {
    if (!this.#editor.goToLine(line)) {
      this.#el.status.textContent = `Line ${line} is beyond the preview; the downloaded report lists it.`;
    }
  }

  // --- export -----------------------------------------------------------------------------

  /** Copies or downloads the shown result, only while it is the verdict on the current text. */
  async #export(action) {
    const status = this.#el.status;
    const renderings = this.#renderings;
    if (!this.#result || !renderings) return;
    const version = this.#version;
    if (this.#shownVersion !== version) {
      status.textContent = 'The text has changed since the report shown: export once its check is done.';
      return;
    }
    const format = this.#el.format.value;
    const redact = this.#el.redact.checked;
    const refused = notRedactable(format, redact);
    if (refused) {
      status.textContent = refused;
      return;
    }
    const { ext, mime } = FORMATS[format];
    const label = redact ? `redacted ${FORMATS[format].label}` : FORMATS[format].label;
    let out;
    try {
      const pending = renderings.render(format, this.#client, redact);
      if (!renderings.has(format, redact)) status.textContent = `Preparing the ${label} report…`;
      out = await pending;
    } catch (err) {
      status.textContent = `Could not prepare the ${label} report (${err.name}: ${err.message}).`;
      return;
    }
    if (this.#shownVersion !== version) {
      status.textContent = 'The text changed while the report was prepared: export again once it is checked.';
      return;
    }
    renderings.keep(format, out, redact);
    const cut = out.outputTruncated ? ' It was cut at the output limit; every count in it is complete.' : '';
    if (action === 'copy') {
      const ok = await copyText(this.shadowRoot, out.text, () => this.#editor.focus());
      status.textContent = ok ? `Copied the ${label} report.${cut}` : 'Copying failed: use Download instead.';
    } else {
      downloadText(this.shadowRoot, out.text, `cc-number-events-report.${ext}`, mime);
      status.textContent = `Downloaded the ${label} report.${cut}`;
    }
  }
}
