// <cc-event-viewer>: paste or drop a RingCentral Contact Center phone-number notification
// (or a log of many) and see whether it is valid, where it is broken and what changed.
//
//   <script type="module" src="https://portal.example/cc/cc-event-viewer.js"></script>
//   <cc-event-viewer payload='{"uuid": ...}' strict></cc-event-viewer>
//
// Attributes: payload (text to check), strict (boolean), persist (keep input and options in
//   localStorage), example ("valid" | "invalid" | "websocket" | "log": initial text when
//   there is nothing else), theme ("light" | "dark"; default follows the OS).
// Properties: payload (string), strict (boolean), result (last result, read-only).
// Methods: check() -> Promise<result>, loadFile(file: Blob) -> Promise<void>.
// Event: "cc-report" (bubbles, composed) after every check; detail is the result:
//   { mode: "single" | "log", valid: boolean, report: Report | null, summary: Summary | null }.
//   Only a result about the text (and strict option) as they are when it arrives is shown,
//   fired or kept in `result`: one overtaken by an edit is dropped, and check() then
//   resolves with the next result shown (null if that check fails).
//
// Safety: payload text only ever reaches the DOM as text nodes, attribute values or
// textarea.value; nothing here uses innerHTML, inline styles or eval. The stylesheet is
// a <link> next to this module, so a CSP of style-src 'self' is enough.
import { drawInBatches } from './batches.js';
import { append, h, s } from './dom.js';
import { CheckError, Engine } from './engine.js';
import { EXAMPLES } from './examples.js';
import { DELIVERY_LABELS, EFFECT_LABELS, FORMATS, KIND_LABELS, asJson, eventFields, verdictLine } from './format.js';

const STORAGE_KEY = 'cc-number-events:state';
/** Inputs longer than this (in UTF-16 code units, about 1 MB) are not kept in localStorage. */
const STORE_LIMIT = 1_000_000;
/** Files larger than this are checked whole but shown as a read-only preview. */
const PREVIEW_FILE_BYTES = 4 * 1024 * 1024;
const PREVIEW_CHARS = 512 * 1024;
const TYPING_DEBOUNCE_MS = 250;
/** Show the progress bar only when a check takes longer than this. */
const PROGRESS_DELAY_MS = 120;
/**
 * Display caps: every list drawn from a result draws at most this many entries at a time
 * (the rest behind a "Show more" button), so a summary of any size draws a bounded DOM;
 * downloads always hold everything.
 */
const MAX_LISTED_ISSUES = 500;
const BATCH_GROUPS = 100;
const BATCH_NUMBERS = 100;
const BATCH_TIMELINE_ROWS = 100;
const BATCH_PROBLEMS = 100;
const BATCH_ORDER_ROWS = 100;
const MAX_CHIPS = 50;
const MAX_CHART_ROWS = 40;
/** A small number per effect, to key a chart marker by slice and effect without a string. */
const EFFECT_ORDER = { added: 0, removed: 1, convertedIn: 2, reassignedAway: 3, updated: 4 };
/** Markers per effect on one chart row, however many events it has. */
const MAX_CHART_MARKS = 120;
/** Free text (a location, a status) longer than this is shown cut, with its length. */
const MAX_SHOWN_CHARS = 160;

const moduleUrl = (path) => new URL(path, import.meta.url).href;

const plural = (n, word, many = word + 's') => `${n.toLocaleString('en-US')} ${n === 1 ? word : many}`;

function formatBytes(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Free text cut to MAX_SHOWN_CHARS for display, saying how long it was. */
const shown = (text) =>
  text.length > MAX_SHOWN_CHARS ? `${text.slice(0, MAX_SHOWN_CHARS)}… (${plural(text.length, 'character')})` : text;

/**
 * A number's timeline times in ms, parsed once per number (the chart redraws on every
 * resize) and once per distinct time (a log's items often share one): Date.parse on each
 * of 40k entries, twice, was most of a 0.7 s chart.
 */
const parsedTimes = new WeakMap();
function timesOf(number) {
  let ts = parsedTimes.get(number);
  if (ts) return ts;
  ts = new Float64Array(number.timeline.length);
  let lastText = null;
  let last = NaN;
  number.timeline.forEach((e, k) => {
    if (e.time !== lastText) {
      lastText = e.time;
      last = Date.parse(e.time);
    }
    ts[k] = last;
  });
  parsedTimes.set(number, ts);
  return ts;
}

const shortTime = (iso) => iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, '');

// ---------------------------------------------------------------------------------------

function readFileWithProgress(file, onProgress) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    reader.onload = () => resolve(new Uint8Array(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('could not read the file'));
    reader.readAsArrayBuffer(file);
  });
}

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
  /** What the shown result checked ({input, strict}), for the exports to render. */
  #checked = null;
  /** Exports rendered for the shown result, by format. */
  #renderings = new Map();
  /** check() calls whose own run was superseded: they get the next result shown. */
  #waiters = [];

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    this._text = '';
    this._lineStarts = [0];
    this._marks = [];
    this._issues = [];
    this._active = -1;
    this._stale = false;
    this._source = null; // {bytes, name} while the editor shows a file not edited since
    this._preview = null; // {name, size} when the editor holds only a preview of a large file
    this._result = null;
    this._runId = 0;
    this._metrics = { lh: 20, padTop: 8, padLeft: 12, charW: 7.8 };
    this._build();
  }

  // --- public API ---------------------------------------------------------------------

  get payload() {
    return this._text;
  }

  set payload(text) {
    this._setText(String(text ?? ''), { run: 'now' });
  }

  get strict() {
    return this.hasAttribute('strict');
  }

  set strict(on) {
    this.toggleAttribute('strict', Boolean(on));
  }

  /** The last result: {mode, valid, report, summary}, or null before the first check. */
  get result() {
    return this._result;
  }

  /** Checks the current text now; resolves with the result. */
  check() {
    return this._run();
  }

  /** Reads a File or Blob into the viewer and checks it. */
  loadFile(file) {
    return this._loadFile(file);
  }

  attributeChangedCallback(name, old, value) {
    if (name === 'payload' && value !== null && value !== this._text) this._setText(value, { run: 'now' });
    if (name === 'strict') {
      this._el.strict.checked = value !== null;
      if (this.isConnected && old !== value) {
        this.#edited();
        this._run();
      }
    }
  }

  connectedCallback() {
    if (this._connectedOnce) return;
    this._connectedOnce = true;
    this._engine = new Engine();
    let text = this.getAttribute('payload');
    if (text === null && this._pendingPayload !== undefined) text = this._pendingPayload;
    if (text === null && this.hasAttribute('persist')) {
      const saved = this._loadState();
      if (saved) {
        if (typeof saved.strict === 'boolean') this.strict = saved.strict;
        if (typeof saved.input === 'string') text = saved.input;
      }
    }
    if (text === null) text = EXAMPLES.find((e) => e.id === this.getAttribute('example'))?.text ?? '';
    this._el.strict.checked = this.strict;
    this._setText(text, { run: 'now' });
  }

  disconnectedCallback() {
    // Kept alive: an element moved in the DOM keeps its worker. Portals that remove it for
    // good can call this.dispose().
  }

  dispose() {
    this._engine?.dispose();
    this._engine = null;
    this._connectedOnce = false;
  }

  // --- building ---------------------------------------------------------------------------

  _build() {
    const root = this.shadowRoot;
    const el = (this._el = {});
    const css = h('link', { rel: 'stylesheet', href: moduleUrl('./cc-event-viewer.css') });
    const reveal = () => {
      el.app.hidden = false;
      this._measure();
      this._paint();
      this._drawChart();
    };
    css.addEventListener('load', reveal);
    css.addEventListener('error', reveal);

    el.fileInput = h('input', {
      type: 'file',
      class: 'visually-hidden',
      tabindex: '-1',
      'aria-hidden': 'true',
      accept: '.json,.ndjson,.jsonl,.txt,.log,application/json,text/plain',
      onchange: () => {
        const f = el.fileInput.files?.[0];
        if (f) this._loadFile(f);
        el.fileInput.value = '';
      },
    });

    el.strict = h('input', { type: 'checkbox', id: 'strict', onchange: () => (this.strict = el.strict.checked) });
    el.format = h('select', { id: 'format', 'aria-label': 'Report format' },
      Object.entries(FORMATS).map(([id, f]) => h('option', { value: id, text: f.label })));

    const examples = h('div', { class: 'group', role: 'group', 'aria-labelledby': 'examples-label' },
      h('span', { class: 'group-label', id: 'examples-label', text: 'Examples' }),
      EXAMPLES.map((ex) => h('button', { type: 'button', class: 'btn', 'data-example': ex.id, text: ex.label,
        onclick: () => this._setText(ex.text, { run: 'now', focus: true }) })));

    const input = h('div', { class: 'group' },
      h('button', { type: 'button', class: 'btn', text: 'Open file…', onclick: () => el.fileInput.click() }),
      el.fileInput,
      h('label', { class: 'switch', for: 'strict', title: 'Unknown fields and undocumented values become errors' },
        el.strict, h('span', { text: 'Strict' })));

    const exporter = h('div', { class: 'group', role: 'group', 'aria-label': 'Report' },
      h('span', { class: 'group-label', text: 'Report' }),
      el.format,
      h('button', { type: 'button', class: 'btn', text: 'Copy', onclick: () => this._export('copy') }),
      h('button', { type: 'button', class: 'btn', text: 'Download', onclick: () => this._export('download') }));

    el.ta = h('textarea', {
      id: 'payload',
      wrap: 'off',
      spellcheck: 'false',
      autocomplete: 'off',
      autocapitalize: 'off',
      autocorrect: 'off',
      'aria-describedby': 'editor-help',
      placeholder: 'Paste a notification, a WebSocket frame or a log of many here, or drop a file.',
    });
    el.gutterInner = h('div', { class: 'gutter-inner' });
    el.backInner = h('div', { class: 'backdrop-inner' });
    el.measure = h('span', { class: 'measure', 'aria-hidden': 'true', text: '0'.repeat(100) });
    el.editor = h('div', { class: 'editor' },
      h('div', { class: 'gutter', 'aria-hidden': 'true' }, el.gutterInner),
      h('div', { class: 'field' },
        h('div', { class: 'backdrop', 'aria-hidden': 'true' }, el.backInner, el.measure),
        el.ta),
      h('div', { class: 'drop-hint', 'aria-hidden': 'true', text: 'Drop the file to check it' }));

    el.info = h('span', { class: 'info' });
    el.note = h('p', { class: 'note', hidden: true });
    el.progressBar = h('progress', { max: '1', 'aria-label': 'Progress' });
    el.progressLabel = h('span');
    el.progress = h('div', { class: 'progress', hidden: true }, el.progressBar, el.progressLabel);
    el.status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });

    el.results = h('section', { class: 'results', 'aria-label': 'Results' },
      h('p', { class: 'placeholder', text: 'Loading the validator…' }));

    el.app = h('div', { class: 'app', hidden: true },
      h('div', { class: 'toolbar' }, examples, input, exporter),
      h('div', { class: 'panes' },
        h('div', { class: 'editor-pane' },
          h('div', { class: 'editor-head' }, h('label', { for: 'payload', text: 'Payload' }), el.info),
          el.editor,
          h('p', { class: 'help', id: 'editor-help',
            text: 'Checked as you type. F8 / Shift+F8: next / previous problem. Ctrl+Enter: check now.' }),
          el.note, el.progress, el.status),
        el.results));
    root.append(css, el.app);

    // Editor behaviour.
    let timer;
    el.ta.addEventListener('input', (e) => {
      this._source = null;
      this._preview = null;
      this._text = el.ta.value;
      this._indexLines();
      this._stale = true;
      this.#edited();
      this._updateInfo();
      this._paint();
      clearTimeout(timer);
      const pasted = e.inputType === 'insertFromPaste' || e.inputType === 'insertFromDrop';
      if (pasted) this._run();
      else timer = setTimeout(() => this._run(), TYPING_DEBOUNCE_MS);
    });
    el.ta.addEventListener('scroll', () => this._schedulePaint());
    el.ta.addEventListener('keydown', (e) => {
      if (e.key === 'F8') {
        e.preventDefault();
        this._stepIssue(e.shiftKey ? -1 : 1);
      } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        clearTimeout(timer);
        this._run();
      }
    });
    new ResizeObserver(() => this._schedulePaint()).observe(el.ta);
    new ResizeObserver(() => this._drawChart()).observe(el.results);

    // Drag and drop of files anywhere on the editor.
    const hasFiles = (e) => [...(e.dataTransfer?.types ?? [])].includes('Files');
    el.editor.addEventListener('dragover', (e) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      el.editor.classList.add('dragging');
    });
    el.editor.addEventListener('dragleave', () => el.editor.classList.remove('dragging'));
    el.editor.addEventListener('drop', (e) => {
      el.editor.classList.remove('dragging');
      const f = e.dataTransfer?.files?.[0];
      if (!f) return;
      e.preventDefault();
      this._loadFile(f);
    });
  }

  _measure() {
    const cs = getComputedStyle(this._el.ta);
    const lh = parseFloat(cs.lineHeight);
    const w = this._el.measure.getBoundingClientRect().width / 100;
    this._metrics = {
      lh: Number.isFinite(lh) && lh > 0 ? lh : 20,
      padTop: parseFloat(cs.paddingTop) || 0,
      padLeft: parseFloat(cs.paddingLeft) || 0,
      charW: w > 0 ? w : 7.8,
    };
  }

  // --- text, state ------------------------------------------------------------------------

  _setText(text, { run, focus, source = null, preview = null } = {}) {
    if (!this._el) return;
    if (!this._connectedOnce && run) {
      // Set before connection (e.g. by a framework): remembered, checked once connected.
      this._pendingPayload = text;
      return;
    }
    this._source = source;
    this._preview = preview;
    this._text = text;
    this._el.ta.value = text;
    this._el.ta.readOnly = Boolean(preview);
    // A textarea turns CRLF into LF; positions must be counted on what it holds.
    if (!preview) this._text = this._el.ta.value;
    this._el.ta.scrollTop = 0;
    this._el.ta.scrollLeft = 0;
    this._indexLines();
    this._stale = true;
    this.#edited();
    this._updateInfo();
    this._paint();
    if (focus) this._el.ta.focus({ preventScroll: true });
    if (run === 'now') this._run();
  }

  _indexLines() {
    const t = this._text;
    const starts = [0];
    for (let i = t.indexOf('\n'); i !== -1; i = t.indexOf('\n', i + 1)) starts.push(i + 1);
    this._lineStarts = starts;
  }

  _lineOf(offset) {
    const a = this._lineStarts;
    let lo = 0;
    let hi = a.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (a[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  _updateInfo() {
    const lines = this._lineStarts.length;
    this._el.info.textContent = this._preview
      ? `preview: first ${plural(lines, 'line')} of ${formatBytes(this._preview.size)}`
      : `${plural(lines, 'line')} · ${formatBytes(this._text.length)}`;
  }

  _loadState() {
    try {
      const raw = localStorage.getItem(STORAGE_KEY);
      return raw ? JSON.parse(raw) : null;
    } catch {
      return null;
    }
  }

  _saveState() {
    if (!this.hasAttribute('persist')) return;
    let note = '';
    const state = { input: this._text, strict: this.strict };
    if (this._preview || this._text.length > STORE_LIMIT) {
      delete state.input;
      note = 'This input is over 1 MB, so it is not kept for your next visit (only the options are).';
    }
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
    } catch {
      note = 'Your browser refused to store the input; it will not be restored after a reload.';
    }
    this._setNote('storage', note);
  }

  _setNote(key, text) {
    this._notes ??= {};
    this._notes[key] = text;
    const all = Object.values(this._notes).filter(Boolean);
    this._el.note.textContent = all.join(' ');
    this._el.note.hidden = all.length === 0;
  }

  // --- files ----------------------------------------------------------------------------------

  async _loadFile(file) {
    const name = file.name ?? 'file';
    this._showProgress(0, `Reading ${name}…`);
    let bytes;
    try {
      bytes = await readFileWithProgress(file, (f) => this._showProgress(f, `Reading ${name}… ${Math.round(f * 100)}%`));
    } catch (err) {
      this._hideProgress();
      this._el.status.textContent = `Could not read ${name}: ${err.message}`;
      return;
    }
    this._hideProgress();
    let text = null;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      // Not UTF-8 (UTF-16, Latin-1...): the validator reads the bytes and says so.
    }
    if (bytes.byteLength > PREVIEW_FILE_BYTES) {
      const head = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, PREVIEW_CHARS * 2)).slice(0, PREVIEW_CHARS);
      const cut = head.lastIndexOf('\n');
      const shown = cut > 0 ? head.slice(0, cut + 1) : head;
      this._setNote('file', `${name} is ${formatBytes(bytes.byteLength)}: the editor shows its first ${formatBytes(shown.length)} read-only; every line is checked. Edit by pasting or loading an example.`);
      this._setText(shown, { run: 'now', source: { bytes, name }, preview: { name, size: bytes.byteLength } });
    } else if (text !== null && !text.includes('\r')) {
      this._setNote('file', '');
      this._setText(text, { run: 'now' });
    } else {
      const shown = text ?? new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
      this._setNote('file', text === null ? `${name} is not UTF-8 text; it is shown with replacement characters and checked as the bytes it holds.` : '');
      // CRLF files are checked as the editor holds them (LF), so positions match.
      this._setText(shown, { run: 'now', source: text === null ? { bytes, name } : null });
    }
  }

  _showProgress(fraction, label) {
    const bar = this._el.progressBar;
    if (fraction === null) bar.removeAttribute('value');
    else bar.value = fraction;
    this._el.progressLabel.textContent = label;
    this._el.progress.hidden = false;
  }

  _hideProgress() {
    this._el.progress.hidden = true;
  }

  // --- checking -----------------------------------------------------------------------------

  /** The text changed: whatever is shown is about an older text, and says so until rechecked. */
  #edited() {
    this.#version++;
    this.#shownVersion = -1;
    // Nothing shown yet (the validator is still loading): nothing to mark.
    if (!this._el.results.querySelector('.verdict')) return;
    this._el.results.setAttribute('aria-busy', 'true');
    this._el.results.classList.add('outdated');
    this._el.status.textContent = 'Checking the edited text…';
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

  async _run() {
    if (!this._engine) return this._result;
    const id = ++this._runId;
    const version = this.#version;
    const input = this._source ? this._source.bytes : this._text;
    const size = typeof input === 'string' ? input.length : input.byteLength;
    const strict = this.strict;
    const current = () => id === this._runId && version === this.#version;
    const slow = setTimeout(() => {
      if (current()) this._showProgress(null, `Checking ${formatBytes(size)}…`);
    }, PROGRESS_DELAY_MS);
    this._saveState();
    let result;
    try {
      result = await this._engine.check(input, strict);
    } catch (err) {
      clearTimeout(slow);
      if (!current() || err.superseded) return this.#nextShown();
      this._hideProgress();
      this.#showFailure(err);
      this.#settle(null);
      return null;
    }
    clearTimeout(slow);
    // Edited (or rechecked) since this check began: its verdict is not the text's.
    if (!current()) return this.#nextShown();
    this._hideProgress();
    result.valid = result.mode === 'log' ? result.summary.invalid === 0 : result.report.valid;
    this._result = result;
    this.#shownVersion = version;
    this.#checked = { input, strict };
    this.#renderings = new Map();
    this._el.results.removeAttribute('aria-busy');
    this._el.results.classList.remove('outdated');
    this._show(result);
    this.dispatchEvent(new CustomEvent('cc-report', { detail: result, bubbles: true, composed: true }));
    this.#settle(result);
    return result;
  }

  /** The check of the current text failed: no verdict, a message, and the way on. */
  #showFailure(err) {
    this._result = null;
    this.#checked = null;
    this._issues = [];
    this._marks = [];
    this._paint();
    const fault = err.name === 'RuntimeError' || !(err instanceof CheckError);
    const message = fault
      ? `The validator failed while checking this text (${err.name}: ${err.message}). That is a fault in the validator, not a verdict on the text. It has been restarted: edit the text or press Ctrl+Enter to check again.`
      : `The check was refused (${err.name}: ${err.message}); there is no verdict on this text.`;
    this._el.status.textContent = message;
    this._el.results.removeAttribute('aria-busy');
    this._el.results.classList.remove('outdated');
    this._el.results.replaceChildren(h('div', { class: 'verdict failed', role: 'alert' },
      h('span', { class: 'verdict-icon', 'aria-hidden': 'true', text: '!' }),
      h('div', {}, h('p', { class: 'verdict-title', text: 'No verdict' }), h('p', { class: 'verdict-sub', text: message }))));
    this._chartHost = null;
  }

  _show(result) {
    const issues =
      result.mode === 'log'
        ? result.summary.problems.flatMap((p) => p.issues)
        : [...result.report.errors, ...result.report.warnings];
    this._issues = issues;
    this._marks = issues
      .map((i, idx) => ({ start: i.offset, end: i.offset + i.length, severity: i.severity, idx, line: i.line }))
      .sort((a, b) => a.start - b.start || b.end - a.end);
    this._lineSeverity = new Map();
    for (const m of this._marks) {
      if (this._lineSeverity.get(m.line) !== 'error') this._lineSeverity.set(m.line, m.severity);
    }
    this._active = -1;
    this._stale = false;
    this._paint();
    const ms = result.ms < 10 ? result.ms.toFixed(1) : Math.round(result.ms);
    if (result.mode === 'log') {
      const sm = result.summary;
      this._el.status.textContent = `Log of ${plural(sm.events, 'item')}: ${sm.valid} valid, ${sm.invalid} invalid (checked in ${ms} ms).`;
      this._renderLog(sm);
    } else {
      this._el.status.textContent = `${verdictLine(result.report)} (checked in ${ms} ms).`;
      this._renderSingle(result.report);
    }
  }

  // --- results: one notification ------------------------------------------------------------

  _issueButton(issue, idx) {
    return h('li', {},
      h('button', {
        type: 'button',
        class: `issue ${issue.severity}`,
        'data-issue': String(idx),
        'data-offset': String(issue.offset),
        'data-length': String(issue.length),
        onclick: () => this._select(idx),
      },
      h('span', { class: 'issue-top' },
        h('span', { class: `sev ${issue.severity}`, text: issue.severity === 'error' ? 'Error' : 'Warning' }),
        h('span', { class: 'loc', text: `${issue.line}:${issue.column}` }),
        h('code', { class: 'code', text: issue.code })),
      h('span', { class: 'msg', text: issue.message }),
      issue.hint ? h('span', { class: 'hint' }, h('span', { class: 'hint-label', text: 'Hint: ' }), issue.hint) : null));
  }

  _issueList(list, offset) {
    const shown = list.slice(0, MAX_LISTED_ISSUES);
    return [
      h('ol', { class: 'issues' }, shown.map((i, k) => this._issueButton(i, offset + k))),
      list.length > shown.length
        ? h('p', { class: 'more', text: `${list.length - shown.length} more not listed here; download the report for all of them.` })
        : null,
    ];
  }

  _renderSingle(r) {
    const tone = r.valid ? 'valid' : 'invalid';
    const kind = KIND_LABELS[r.kind] ?? r.kind;
    const out = [
      h('div', { class: `verdict ${tone}` },
        h('span', { class: 'verdict-icon', 'aria-hidden': 'true', text: r.valid ? '✓' : '✕' }),
        h('div', {},
          h('p', { class: 'verdict-title', text: r.valid ? 'Valid' : 'Invalid' }),
          h('p', { class: 'verdict-sub' },
            `One notification · ${kind}`,
            r.delivery !== 'unknown' ? ` · ${DELIVERY_LABELS[r.delivery] ?? r.delivery}` : '',
            ` · ${plural(r.errors.length, 'error')}, ${plural(r.warnings.length, 'warning')}`))),
    ];
    if (r.change) out.push(h('p', { class: 'sentence', text: r.change.sentence }));
    if (r.errors.length) out.push(h('h2', { text: `Errors (${r.errors.length})` }), this._issueList(r.errors, 0));
    if (r.warnings.length) {
      out.push(h('h2', { text: `Warnings (${r.warnings.length})` }), this._issueList(r.warnings, r.errors.length));
    }
    if (r.event) {
      out.push(h('h2', { text: 'Fields' }),
        h('table', { class: 'fields' },
          h('tbody', {}, eventFields(r.event).map(([k, v]) => h('tr', {}, h('th', { scope: 'row', text: k }), h('td', { text: v }))))));
    }
    this._el.results.replaceChildren();
    append(this._el.results, out);
    this._chartHost = null;
  }

  // --- results: a log -------------------------------------------------------------------------

  _lineButton(line, label = `line ${line}`) {
    return h('button', { type: 'button', class: 'linkish', text: label, onclick: () => this._goToLine(line) });
  }

  _renderLog(sm) {
    const out = [];
    const tone = sm.invalid ? 'invalid' : 'valid';
    out.push(h('div', { class: `verdict ${tone} log` },
      h('span', { class: 'verdict-icon', 'aria-hidden': 'true', text: '≡' }),
      h('div', {},
        h('p', { class: 'verdict-title', text: `Log of ${plural(sm.events, 'notification')}` }),
        h('p', { class: 'verdict-sub', text: sm.invalid ? `${plural(sm.invalid, 'broken item')} · see below` : 'No broken items' }))));

    const stat = (label, value, cls = '') => h('div', { class: `stat ${cls}` }, h('dt', { text: label }), h('dd', { text: value.toLocaleString('en-US') }));
    out.push(h('dl', { class: 'stats', 'aria-label': 'Counts' },
      stat('Notifications', sm.events),
      stat('Valid', sm.valid, 'ok'),
      stat('Invalid', sm.invalid, sm.invalid ? 'bad' : ''),
      stat('Other kinds', sm.other),
      stat('Duplicates', sm.duplicates, sm.duplicates ? 'warn' : ''),
      stat('Out of order', sm.outOfOrder, sm.outOfOrder ? 'warn' : ''),
      stat('Warnings', sm.warnings, sm.warnings ? 'warn' : '')));
    const bt = sm.byEventType;
    const ok = sm.otherKinds;
    out.push(h('p', { class: 'muted small' },
      `${bt.Created} Created, ${bt.Updated} Updated, ${bt.Deleted} Deleted`,
      ok.subscriptionRenewal ? ` · ${plural(ok.subscriptionRenewal, 'renewal reminder')}` : '',
      ok.otherEvent ? ` · ${plural(ok.otherEvent, 'other event')}` : '',
      ok.websocketFrame ? ` · ${plural(ok.websocketFrame, 'other WebSocket frame')}` : '',
      sm.truncated ? ' · the last item is cut off' : '',
      sm.limitReached ? ' · item limit reached: the rest was not read' : ''));

    // Net effect per group.
    if (sm.groups.length) {
      out.push(h('h2', { text: `Net effect (${plural(sm.groups.length, 'group')})` }));
      const cards = h('div', { class: 'group-cards' });
      out.push(cards, drawInBatches(cards, sm.groups, (g) => this._groupCard(g), { size: BATCH_GROUPS, noun: (n) => (n === 1 ? 'group' : 'groups') }));
    }

    // Chart.
    if (sm.numbers.length) {
      out.push(h('h2', { text: 'Events over time' }));
      this._chartHost = h('div', { class: 'chart' });
      this._chartData = sm.numbers;
      out.push(this._chartHost);
    } else {
      this._chartHost = null;
    }

    // Broken items. Issue buttons are numbered as in the flattened list _show() marks.
    if (sm.problems.length) {
      out.push(h('h2', { text: `Broken items (${sm.problems.length})` }));
      const firstIssue = [];
      let k = 0;
      for (const p of sm.problems) {
        firstIssue.push(k);
        k += p.issues.length;
      }
      const list = h('div', { class: 'problems' });
      out.push(list, drawInBatches(list, sm.problems, (p, i) =>
        h('div', { class: 'problem' },
          h('p', { class: 'problem-title' },
            p.index === null ? 'The input as a whole' : `Item ${p.index + 1}`, ', ', this._lineButton(p.line),
            ` · ${KIND_LABELS[p.kind] ?? p.kind}`),
          h('ol', { class: 'issues' }, p.issues.map((issue, j) => this._issueButton(issue, firstIssue[i] + j)))),
      { size: BATCH_PROBLEMS, noun: (n) => (n === 1 ? 'broken item' : 'broken items') }));
      if (sm.issuesNotListed) out.push(h('p', { class: 'more', text: `${sm.issuesNotListed} further issues were not listed by the validator.` }));
    }

    // Duplicates and order.
    if (sm.duplicateItems.length || sm.outOfOrderItems.length) {
      out.push(h('h2', { text: 'Duplicates and order' }));
      if (sm.duplicateItems.length) {
        const list = h('ul', { class: 'plain duplicates' });
        out.push(list, drawInBatches(list, sm.duplicateItems, (d) =>
          h('li', {}, this._lineButton(d.line, `Line ${d.line}`), ` repeats `, this._lineButton(d.firstLine),
            ` (uuid ${d.uuid}${d.identical ? ', identical text' : ', different text'})`),
        { size: BATCH_ORDER_ROWS, noun: (n) => (n === 1 ? 'duplicate' : 'duplicates') }));
      }
      if (sm.outOfOrderItems.length) {
        const list = h('ul', { class: 'plain out-of-order' });
        out.push(list, drawInBatches(list, sm.outOfOrderItems, (o) =>
          h('li', {}, this._lineButton(o.line, `Line ${o.line}`), ` (${shortTime(o.time)}) comes after an item of ${shortTime(o.after)}`),
        { size: BATCH_ORDER_ROWS, noun: (n) => (n === 1 ? 'item out of order' : 'items out of order') }));
      }
    }

    // Per-number timeline.
    if (sm.numbers.length || sm.numbersNotListed) {
      const total = sm.numbers.length + sm.numbersNotListed;
      out.push(h('h2', { text: `Per number (${total})` }));
      const open = sm.numbers.length <= 6;
      const list = h('div', { class: 'numbers' });
      out.push(list, drawInBatches(list, sm.numbers, (n) => this._numberTimeline(n, open),
        { size: BATCH_NUMBERS, noun: (k) => (k === 1 ? 'number' : 'numbers') }));
      if (sm.numbersNotListed) {
        out.push(h('p', { class: 'more', text: `${plural(sm.numbersNotListed, 'more number')} reached the output limit and are not listed; their net effect is counted above.` }));
      }
    }
    if (sm.outputTruncated) {
      out.push(h('p', { class: 'note output-cut', role: 'note',
        text: 'The output reached its size limit (the input’s size plus 1 MiB) and was cut: some timelines are not listed, and a downloaded Markdown or CSV report ends where the limit was reached. Every count is complete.' }));
    }
    this._el.results.replaceChildren();
    append(this._el.results, out);
    // Drawn once the new results are laid out: sizing the chart right away forced that
    // layout (editor included) inside this task, which made it up to half a second longer.
    requestAnimationFrame(() => this._drawChart());
  }

  /** One group's net effect: at most MAX_CHIPS numbers per list, the rest counted. */
  _groupCard(g) {
    const list = (label, nums, cls) => nums.length
      ? h('div', { class: 'net-row' }, h('span', { class: `net-label ${cls}`, text: `${label} (${nums.length})` }),
        h('span', { class: 'chips' }, nums.slice(0, MAX_CHIPS).map((n) => h('span', { class: 'chip', text: n })),
          nums.length > MAX_CHIPS ? ` +${nums.length - MAX_CHIPS} more` : ''))
      : null;
    const title = g.accountId ? `Account ${g.accountId}` : `Owner ${g.ownerId} (the filter names no account)`;
    return h('div', { class: 'group-card' },
      h('p', { class: 'group-title' }, h('strong', { text: title }), ` · ${plural(g.events, 'event')} on ${plural(g.numbers, 'number')}`),
      list('Added', g.net.added, 'added'),
      list('Removed', g.net.removed, 'removed'),
      list('Changed', g.net.changed, 'changed'),
      list('Created and removed within the log', g.net.transient, 'transient'),
      !g.net.added.length && !g.net.removed.length && !g.net.changed.length && !g.net.transient.length
        ? h('p', { class: 'muted small', text: 'No net change.' }) : null);
  }

  /**
   * One number's timeline. A closed one draws its rows only when first opened: a hundred
   * numbers of a hundred rows each would otherwise put 100k nodes in the page up front.
   */
  _numberTimeline(n, open) {
    const body = h('div', { class: 'table-wrap' });
    const details = h('details', { class: 'number', open },
      h('summary', {}, h('strong', { text: n.phoneNumber }), h('span', { class: 'muted', text: ` id ${n.id} · ${n.group.replace(':', ' ')} · ${plural(n.timeline.length + n.entriesNotListed, 'event')}` })),
      body);
    const draw = () => {
      if (body.firstChild) return;
      const tbody = h('tbody');
      append(body, [
        h('table', { class: 'timeline' },
          h('thead', {}, h('tr', {}, ['Time (UTC)', 'Event', 'Effect', 'Changes', 'Line'].map((t) => h('th', { scope: 'col', text: t })))),
          tbody),
        drawInBatches(tbody, n.timeline, (t) => this._timelineRow(t),
          { size: BATCH_TIMELINE_ROWS, noun: (k) => (k === 1 ? 'event' : 'events') }),
        n.entriesNotListed
          ? h('p', { class: 'more', text: `${plural(n.entriesNotListed, 'later event')} reached the output limit and ${n.entriesNotListed === 1 ? 'is' : 'are'} not listed.` })
          : null,
      ]);
    };
    if (open) draw();
    else details.addEventListener('toggle', () => details.open && draw());
    return details;
  }

  _timelineRow(t) {
    return h('tr', {},
      h('td', { class: 'when' }, h('span', { text: shortTime(t.time).slice(0, 10) }), ' ', h('span', { text: shortTime(t.time).slice(11) })),
      h('td', { text: t.eventType }),
      h('td', {}, h('span', { class: `effect ${t.effect}`, text: EFFECT_LABELS[t.effect] ?? t.effect })),
      h('td', { class: 'changes' }, t.changes.length
        ? t.changes.map((c) => h('span', { class: 'change' }, h('code', { text: c.field }), ': ', c.from === null ? 'set to ' : `${shown(c.from)} → `, shown(c.to)))
        : h('span', { class: 'muted', text: '—' })),
      h('td', { class: 'num' }, this._lineButton(t.line, String(t.line))));
  }

  /** Events over time, one row per number, as SVG sized to the results column. */
  _drawChart() {
    const host = this._chartHost;
    if (!host || !host.isConnected || this._el.app.hidden) return;
    const width = Math.max(280, Math.floor(host.clientWidth));
    if (host.dataset.width === String(width) && host.firstChild) return;
    host.dataset.width = String(width);
    const numbers = [...this._chartData]
      .sort((a, b) => b.timeline.length - a.timeline.length)
      .slice(0, MAX_CHART_ROWS)
      .sort((a, b) => Date.parse(a.timeline[0]?.time) - Date.parse(b.timeline[0]?.time));
    let t0 = Infinity;
    let t1 = -Infinity;
    for (const n of numbers) {
      for (const t of timesOf(n)) {
        if (t < t0) t0 = t;
        if (t > t1) t1 = t;
      }
    }
    if (!Number.isFinite(t0)) return host.replaceChildren();
    if (t1 - t0 < 60_000) {
      t0 -= 30_000;
      t1 += 30_000;
    }
    const narrow = width < 480;
    const labelW = narrow ? 104 : 130;
    const left = labelW + 8;
    const right = 14;
    const rowH = 26;
    const top = 8;
    const axisH = 26;
    const height = top + numbers.length * rowH + axisH;
    const x = (t) => left + ((t - t0) / (t1 - t0)) * (width - left - right);
    const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', class: 'chart-svg',
      'aria-label': `Events over time for ${plural(numbers.length, 'number')}` });

    // Time axis with round ticks (UTC).
    const span = t1 - t0;
    const MIN = 60_000;
    const steps = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080].map((m) => m * MIN);
    const want = narrow ? 3 : 6;
    const step = steps.find((st) => span / st <= want) ?? steps[steps.length - 1];
    const multiDay = span > 36 * 3600_000;
    const axisY = top + numbers.length * rowH + 4;
    svg.append(s('line', { x1: left, x2: width - right, y1: axisY, y2: axisY, class: 'axis' }));
    for (let t = Math.ceil(t0 / step) * step; t <= t1; t += step) {
      const iso = new Date(t).toISOString();
      const label = multiDay ? `${iso.slice(5, 10)} ${iso.slice(11, 16)}` : iso.slice(11, 16);
      const tx = x(t);
      const anchor = tx - left < 20 ? 'start' : width - right - tx < 20 ? 'end' : 'middle';
      svg.append(
        s('line', { x1: tx, x2: tx, y1: top, y2: axisY + 4, class: 'grid' }),
        s('text', { x: tx, y: axisY + 18, class: 'tick', 'text-anchor': anchor }, label));
    }
    const day0 = new Date(t0).toISOString().slice(0, 10);
    svg.append(s('text', { x: labelW, y: axisY + 18, class: 'tick', 'text-anchor': 'end' }, multiDay ? 'UTC' : `${day0} UTC`));

    numbers.forEach((n, row) => {
      const cy = top + row * rowH + rowH / 2;
      const ts = timesOf(n);
      const g = s('g', { class: 'row' });
      g.append(s('text', { x: labelW, y: cy + 4, class: 'label', 'text-anchor': 'end' }, n.phoneNumber));
      const lo = ts.reduce((a, b) => (b < a ? b : a), Infinity);
      const hi = ts.reduce((a, b) => (b > a ? b : a), -Infinity);
      g.append(s('line', { x1: x(lo), x2: x(hi), y1: cy, y2: cy, class: 'track' }));
      // Thousands of events on one row: one marker per effect in each of MAX_CHART_MARKS
      // slices of the row, its title counting the events it stands for. (One per pixel made
      // 48k SVG nodes and a 0.7 s task for a 24 MB log of few numbers.)
      const slice = Math.max(1, (width - left - right) / MAX_CHART_MARKS);
      const marks = new Map();
      const timeline = n.timeline;
      for (let k = 0; k < timeline.length; k++) {
        const t = timeline[k];
        const cx = x(ts[k]);
        const key = Math.floor((cx - left) / slice) * 8 + (EFFECT_ORDER[t.effect] ?? 7);
        const m = marks.get(key);
        if (m) m.more++;
        else marks.set(key, { t, cx, more: 0 });
      }
      for (const { t, cx, more } of marks.values()) {
        const also = more ? ` (and ${plural(more, 'more event')} like it nearby)` : '';
        const title = s('title', {}, `${n.phoneNumber}: ${t.eventType} (${EFFECT_LABELS[t.effect] ?? t.effect}) at ${shortTime(t.time)} UTC, line ${t.line}${also}`);
        let mark;
        if (t.effect === 'added') mark = s('circle', { cx, cy, r: 6 });
        else if (t.effect === 'removed') mark = s('rect', { x: cx - 5.5, y: cy - 5.5, width: 11, height: 11 });
        else if (t.effect === 'reassignedAway') mark = s('path', { d: `M${cx - 6} ${cy - 5} L${cx + 6} ${cy - 5} L${cx} ${cy + 6} Z` });
        else if (t.effect === 'updated') mark = s('circle', { cx, cy, r: 4 });
        else mark = s('path', { d: `M${cx} ${cy - 7} L${cx + 7} ${cy} L${cx} ${cy + 7} L${cx - 7} ${cy} Z` });
        mark.setAttribute('class', `mark ${t.effect}`);
        mark.append(title);
        g.append(mark);
      }
      svg.append(g);
    });

    const legend = h('ul', { class: 'legend', 'aria-label': 'Legend' },
      ['added', 'convertedIn', 'updated', 'reassignedAway', 'removed'].map((e) =>
        h('li', {}, h('span', { class: `swatch ${e}`, 'aria-hidden': 'true' }), EFFECT_LABELS[e])));
    const more = this._chartData.length > numbers.length
      ? h('p', { class: 'more', text: `Showing the ${numbers.length} busiest of ${this._chartData.length} numbers.` }) : null;
    host.replaceChildren(svg, legend, ...(more ? [more] : []));
  }

  // --- selection, marks ---------------------------------------------------------------------

  _select(idx) {
    const issue = this._issues[idx];
    if (!issue) return;
    const ta = this._el.ta;
    const start = issue.offset;
    const end = issue.offset + issue.length;
    if (this._preview && end > this._text.length) {
      this._el.status.textContent = `Line ${issue.line} is beyond the preview; the downloaded report lists it.`;
      return;
    }
    this._active = idx;
    for (const b of this._el.results.querySelectorAll('button.issue')) b.classList.toggle('active', b.dataset.issue === String(idx));
    ta.focus({ preventScroll: true });
    ta.setSelectionRange(start, end);
    this._reveal(start);
    this._paint();
  }

  _stepIssue(dir) {
    if (!this._issues.length) return;
    const caret = this._el.ta.selectionStart;
    const order = this._marks;
    let k;
    if (dir > 0) {
      k = order.findIndex((m) => m.start > caret || (this._active === -1 && m.start === caret));
      if (k === -1) k = 0;
    } else {
      k = -1;
      for (let i = order.length - 1; i >= 0; i--) if (order[i].start < caret) { k = i; break; }
      if (k === -1) k = order.length - 1;
    }
    this._select(order[k].idx);
    this._el.results.querySelector(`button.issue[data-issue="${order[k].idx}"]`)?.scrollIntoView({ block: 'nearest' });
  }

  _goToLine(line) {
    const start = this._lineStarts[line - 1];
    if (start === undefined) {
      this._el.status.textContent = `Line ${line} is beyond the preview; the downloaded report lists it.`;
      return;
    }
    const next = this._lineStarts[line];
    const end = next === undefined ? this._text.length : next - 1;
    this._el.ta.focus({ preventScroll: true });
    this._el.ta.setSelectionRange(start, end);
    this._reveal(start);
    this._paint();
  }

  /** Scrolls the editor so `offset` is in view, a third from the top. */
  _reveal(offset) {
    const ta = this._el.ta;
    const { lh, padTop, charW } = this._metrics;
    const line = this._lineOf(offset);
    const y = padTop + line * lh;
    if (y < ta.scrollTop || y + lh > ta.scrollTop + ta.clientHeight) ta.scrollTop = Math.max(0, y - ta.clientHeight / 3);
    const x = (offset - this._lineStarts[line]) * charW;
    if (x < ta.scrollLeft || x > ta.scrollLeft + ta.clientWidth - 60) ta.scrollLeft = Math.max(0, x - ta.clientWidth / 3);
  }

  _schedulePaint() {
    if (this._paintQueued) return;
    this._paintQueued = true;
    requestAnimationFrame(() => {
      this._paintQueued = false;
      this._paint();
    });
  }

  /** Draws the line numbers and the marks for the visible lines only (any input size). */
  _paint() {
    const el = this._el;
    if (!el || el.app.hidden) return;
    const ta = el.ta;
    const { lh, padTop, padLeft, charW } = this._metrics;
    const starts = this._lineStarts;
    const text = this._text;
    const n = starts.length;
    const st = ta.scrollTop;
    const sl = ta.scrollLeft;
    const first = Math.max(0, Math.floor((st - padTop) / lh) - 1);
    const last = Math.min(n - 1, Math.ceil((st + ta.clientHeight) / lh) + 1);
    const cap = Math.ceil((sl + ta.clientWidth) / charW) + 256;

    el.gutterInner.parentElement.style.width = `${String(n).length + 2}ch`;
    const nums = [];
    for (let i = first; i <= last; i++) {
      const sev = this._stale ? undefined : this._lineSeverity?.get(i + 1);
      nums.push(h('div', { class: sev ? `ln ${sev}` : 'ln', text: String(i + 1) }));
    }
    el.gutterInner.replaceChildren(...nums);
    el.gutterInner.style.transform = `translateY(${padTop + first * lh - st}px)`;

    const winStart = starts[first];
    const winEnd = last + 1 < n ? starts[last + 1] : text.length + 1;
    const marks = this._stale ? [] : this._marks.filter((m) => m.end >= winStart && m.start <= winEnd);
    const lines = [];
    for (let i = first; i <= last; i++) {
      const ls = starts[i];
      const le = i + 1 < n ? starts[i + 1] - 1 : text.length;
      lines.push(this._lineNode(ls, le, Math.min(le, ls + cap), marks));
    }
    el.backInner.replaceChildren(...lines);
    el.backInner.style.transform = `translate(${padLeft - sl}px, ${padTop + first * lh - st}px)`;
  }

  _lineNode(ls, le, visEnd, marks) {
    const text = this._text;
    const div = h('div', { class: 'bl' });
    let cursor = ls;
    for (const m of marks) {
      const cls = `m ${m.severity}${m.idx === this._active ? ' active' : ''}`;
      if (m.start === m.end) {
        if (m.start < ls || m.start > le || m.start < cursor || m.start > visEnd) continue;
        if (m.start > cursor) div.append(text.slice(cursor, m.start));
        cursor = m.start;
        div.append(h('mark', { class: `${cls} point` }));
        continue;
      }
      const a = Math.max(m.start, cursor, ls);
      const b = Math.min(m.end, visEnd);
      if (b <= a) {
        // A mark that only covers this line's line break: show a point at the line's end.
        if (m.start <= le && m.end > le && a >= le && cursor <= le && le <= visEnd) {
          if (le > cursor) div.append(text.slice(cursor, le));
          cursor = le;
          div.append(h('mark', { class: `${cls} point` }));
        }
        continue;
      }
      if (a > cursor) div.append(text.slice(cursor, a));
      div.append(h('mark', { class: cls, text: text.slice(a, b) }));
      cursor = b;
    }
    if (visEnd > cursor) div.append(text.slice(cursor, visEnd));
    return div;
  }

  // --- export -----------------------------------------------------------------------------

  /**
   * The shown result as `format`: JSON from the result itself, a log's text from its summary,
   * everything else rendered by the package (escaped and defused there) on demand.
   */
  async #exported(format) {
    const cached = this.#renderings.get(format);
    if (cached) return cached;
    const result = this._result;
    let out;
    if (format === 'json') out = { text: asJson(result), outputTruncated: result.summary?.outputTruncated ?? false };
    else if (format === 'text' && result.mode === 'log') out = { text: result.summary.text, outputTruncated: result.summary.outputTruncated };
    else out = await this._engine.render(this.#checked.input, this.#checked.strict, result.mode, format);
    return out;
  }

  /** Copies or downloads the shown result, only while it is the verdict on the current text. */
  async _export(action) {
    const status = this._el.status;
    if (!this._result || !this.#checked) return;
    const version = this.#version;
    if (this.#shownVersion !== version) {
      status.textContent = 'The text has changed since the report shown: export once its check is done.';
      return;
    }
    const format = this._el.format.value;
    const { label, ext, mime } = FORMATS[format];
    let out;
    try {
      const pending = this.#exported(format);
      if (!this.#renderings.has(format)) status.textContent = `Preparing the ${label} report…`;
      out = await pending;
    } catch (err) {
      status.textContent = `Could not prepare the ${label} report (${err.name}: ${err.message}).`;
      return;
    }
    if (this.#shownVersion !== version) {
      status.textContent = 'The text changed while the report was prepared: export again once it is checked.';
      return;
    }
    this.#renderings.set(format, out);
    const cut = out.outputTruncated ? ' It was cut at the output limit; every count in it is complete.' : '';
    if (action === 'copy') {
      const ok = await this.#copy(out.text);
      status.textContent = ok ? `Copied the ${label} report.${cut}` : 'Copying failed: use Download instead.';
    } else {
      const blob = new Blob([out.text], { type: `${mime};charset=utf-8` });
      const url = URL.createObjectURL(blob);
      const a = h('a', { href: url, download: `cc-number-events-report.${ext}`, class: 'visually-hidden' });
      this.shadowRoot.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      status.textContent = `Downloaded the ${label} report.${cut}`;
    }
  }

  async #copy(text) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Fallback for browsers or frames without the async clipboard.
      const tmp = h('textarea', { class: 'visually-hidden', 'aria-hidden': 'true' });
      tmp.value = text;
      this.shadowRoot.append(tmp);
      tmp.select();
      let ok;
      try {
        ok = document.execCommand('copy');
      } catch {
        ok = false;
      }
      tmp.remove();
      this._el.ta.focus({ preventScroll: true });
      return ok;
    }
  }
}

if (!customElements.get('cc-event-viewer')) customElements.define('cc-event-viewer', CcEventViewer);
