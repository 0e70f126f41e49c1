// The editor: a plain <textarea> with a line-number gutter and a backdrop that marks the
// issues' spans under the text. Only the visible lines are drawn, so any input size costs
// the same per frame. It knows nothing of checks: the element tells it which issues to mark.
import { h } from './dom.js';

const DEFAULT_METRICS = { lh: 20, padTop: 8, padLeft: 12, charW: 7.8 };

export class Editor {
  #ta;
  #gutterInner;
  #backInner;
  #measureSpan;
  #text = '';
  #lineStarts = [0];
  #issues = [];
  /** The issues' spans sorted by start, for painting and F8. */
  #marks = [];
  /** Line (1-based) -> the worst severity marked on it, for the gutter. */
  #lineSeverity = new Map();
  #active = -1;
  /** The marks are about an older text: not drawn until the next check's arrive. */
  #stale = false;
  /** The textarea holds only a preview (the start) of the text that is checked. */
  #preview = false;
  /** Painting waits for the stylesheet (visible()), since it measures the laid-out text. */
  #visible = false;
  #paintQueued = false;
  #metrics = DEFAULT_METRICS;

  /**
   * @param {{onInput: (pasted: boolean) => void, onCheckNow: () => void, onStep: (dir: 1 | -1) => void,
   *   onFile: (file: File) => void}} handlers what the element does when the user types or
   *   pastes, presses Ctrl+Enter or F8 / Shift+F8, or drops a file
   */
  constructor({ onInput, onCheckNow, onStep, onFile }) {
    this.#ta = h('textarea', {
      id: 'payload',
      wrap: 'off',
      spellcheck: 'false',
      autocomplete: 'off',
      autocapitalize: 'off',
      autocorrect: 'off',
      'aria-describedby': 'editor-help',
      placeholder: 'Paste a notification, a WebSocket frame or a log of many here, or drop a file.',
    });
    this.#gutterInner = h('div', { class: 'gutter-inner' });
    this.#backInner = h('div', { class: 'backdrop-inner' });
    this.#measureSpan = h('span', { class: 'measure', 'aria-hidden': 'true', text: '0'.repeat(100) });
    /** The editor's root element, to place in the page. */
    this.element = h('div', { class: 'editor' },
      h('div', { class: 'gutter', 'aria-hidden': 'true' }, this.#gutterInner),
      h('div', { class: 'field' },
        h('div', { class: 'backdrop', 'aria-hidden': 'true' }, this.#backInner, this.#measureSpan),
        this.#ta),
      h('div', { class: 'drop-hint', 'aria-hidden': 'true', text: 'Drop the file to check it' }));

    const ta = this.#ta;
    ta.addEventListener('input', (e) => {
      this.#preview = false;
      this.#text = ta.value;
      this.#indexLines();
      this.#stale = true;
      onInput(e.inputType === 'insertFromPaste' || e.inputType === 'insertFromDrop');
      this.paint();
    });
    ta.addEventListener('scroll', () => this.#schedulePaint());
    ta.addEventListener('keydown', (e) => {
      if (e.key === 'F8') {
        e.preventDefault();
        onStep(e.shiftKey ? -1 : 1);
      } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        onCheckNow();
      }
    });
    new ResizeObserver(() => this.#schedulePaint()).observe(ta);

    // Drag and drop of files anywhere on the editor.
    const editor = this.element;
    const hasFiles = (e) => [...(e.dataTransfer?.types ?? [])].includes('Files');
    editor.addEventListener('dragover', (e) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      editor.classList.add('dragging');
    });
    editor.addEventListener('dragleave', () => editor.classList.remove('dragging'));
    editor.addEventListener('drop', (e) => {
      editor.classList.remove('dragging');
      const f = e.dataTransfer?.files?.[0];
      if (!f) return;
      e.preventDefault();
      onFile(f);
    });
  }

  /** The text as the textarea holds it (line breaks as LF). */
  get text() {
    return this.#text;
  }

  get lineCount() {
    return this.#lineStarts.length;
  }

  /** Where the caret is. */
  get caret() {
    return this.#ta.selectionStart;
  }

  /**
   * Replaces the text. `preview`: the textarea shows only the start of what is checked, read-
   * only. Returns the text as held, which is what positions are counted on.
   */
  setText(text, { preview = false } = {}) {
    const ta = this.#ta;
    this.#preview = preview;
    this.#text = text;
    ta.value = text;
    ta.readOnly = preview;
    // A textarea turns CRLF into LF; positions must be counted on what it holds.
    if (!preview) this.#text = ta.value;
    ta.scrollTop = 0;
    ta.scrollLeft = 0;
    this.#indexLines();
    this.#stale = true;
    this.paint();
    return this.#text;
  }

  focus() {
    this.#ta.focus({ preventScroll: true });
  }

  /** The stylesheet is in: measure the laid-out text and start painting. */
  visible() {
    this.#visible = true;
    this.#measure();
    this.paint();
  }

  /** Marks `issues` (a check's errors and warnings, in the order their buttons are numbered). */
  setIssues(issues) {
    this.#issues = issues;
    this.#marks = issues
      .map((i, idx) => ({ start: i.offset, end: i.offset + i.length, severity: i.severity, idx, line: i.line }))
      .sort((a, b) => a.start - b.start || b.end - a.end);
    this.#lineSeverity = new Map();
    for (const m of this.#marks) {
      if (this.#lineSeverity.get(m.line) !== 'error') this.#lineSeverity.set(m.line, m.severity);
    }
    this.#active = -1;
    this.#stale = false;
    this.paint();
  }

  /**
   * Selects issue `idx`'s span. Returns false (and selects nothing) when the span lies beyond
   * the preview the textarea holds, null when there is no such issue.
   */
  select(idx) {
    const issue = this.#issues[idx];
    if (!issue) return null;
    const start = issue.offset;
    const end = issue.offset + issue.length;
    if (this.#preview && end > this.#text.length) return false;
    this.#active = idx;
    this.#ta.focus({ preventScroll: true });
    this.#ta.setSelectionRange(start, end);
    this.#reveal(start);
    this.paint();
    return true;
  }

  /** The issue F8 (dir 1) or Shift+F8 (dir -1) goes to from the caret, or -1 if none. */
  nextIssue(dir) {
    if (!this.#issues.length) return -1;
    const caret = this.#ta.selectionStart;
    const order = this.#marks;
    let k;
    if (dir > 0) {
      k = order.findIndex((m) => m.start > caret || (this.#active === -1 && m.start === caret));
      if (k === -1) k = 0;
    } else {
      k = -1;
      for (let i = order.length - 1; i >= 0; i--) if (order[i].start < caret) { k = i; break; }
      if (k === -1) k = order.length - 1;
    }
    return order[k].idx;
  }

  /** Selects line `line` (1-based); false if it lies beyond the preview. */
  goToLine(line) {
    const start = this.#lineStarts[line - 1];
    if (start === undefined) return false;
    const next = this.#lineStarts[line];
    const end = next === undefined ? this.#text.length : next - 1;
    this.#ta.focus({ preventScroll: true });
    this.#ta.setSelectionRange(start, end);
    this.#reveal(start);
    this.paint();
    return true;
  }

  #measure() {
    const cs = getComputedStyle(this.#ta);
    const lh = parseFloat(cs.lineHeight);
    const w = this.#measureSpan.getBoundingClientRect().width / 100;
    this.#metrics = {
      lh: Number.isFinite(lh) && lh > 0 ? lh : 20,
      padTop: parseFloat(cs.paddingTop) || 0,
      padLeft: parseFloat(cs.paddingLeft) || 0,
      charW: w > 0 ? w : 7.8,
    };
  }

  #indexLines() {
    const t = this.#text;
    const starts = [0];
    for (let i = t.indexOf('\n'); i !== -1; i = t.indexOf('\n', i + 1)) starts.push(i + 1);
    this.#lineStarts = starts;
  }

  #lineOf(offset) {
    const a = this.#lineStarts;
    let lo = 0;
    let hi = a.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (a[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Scrolls the editor so `offset` is in view, a third from the top. */
  #reveal(offset) {
    const ta = this.#ta;
    const { lh, padTop, charW } = this.#metrics;
    const line = this.#lineOf(offset);
    const y = padTop + line * lh;
    if (y < ta.scrollTop || y + lh > ta.scrollTop + ta.clientHeight) ta.scrollTop = Math.max(0, y - ta.clientHeight / 3);
    const x = (offset - this.#lineStarts[line]) * charW;
    if (x < ta.scrollLeft || x > ta.scrollLeft + ta.clientWidth - 60) ta.scrollLeft = Math.max(0, x - ta.clientWidth / 3);
  }

  #schedulePaint() {
    if (this.#paintQueued) return;
    this.#paintQueued = true;
    requestAnimationFrame(() => {
      this.#paintQueued = false;
      this.paint();
    });
  }

  /** Draws the line numbers and the marks for the visible lines only (any input size). */
  paint() {
    if (!this.#visible) return;
    const ta = this.#ta;
    const { lh, padTop, padLeft, charW } = this.#metrics;
    const starts = this.#lineStarts;
    const text = this.#text;
    const n = starts.length;
    const st = ta.scrollTop;
    const sl = ta.scrollLeft;
    const first = Math.max(0, Math.floor((st - padTop) / lh) - 1);
    const last = Math.min(n - 1, Math.ceil((st + ta.clientHeight) / lh) + 1);
    const cap = Math.ceil((sl + ta.clientWidth) / charW) + 256;

    this.#gutterInner.parentElement.style.width = `${String(n).length + 2}ch`;
    const nums = [];
    for (let i = first; i <= last; i++) {
      const sev = this.#stale ? undefined : this.#lineSeverity.get(i + 1);
      nums.push(h('div', { class: sev ? `ln ${sev}` : 'ln', text: String(i + 1) }));
    }
    this.#gutterInner.replaceChildren(...nums);
    this.#gutterInner.style.transform = `translateY(${padTop + first * lh - st}px)`;

    const winStart = starts[first];
    const winEnd = last + 1 < n ? starts[last + 1] : text.length + 1;
    const marks = this.#stale ? [] : this.#marks.filter((m) => m.end >= winStart && m.start <= winEnd);
    const lines = [];
    for (let i = first; i <= last; i++) {
      const ls = starts[i];
      const le = i + 1 < n ? starts[i + 1] - 1 : text.length;
      lines.push(this.#lineNode(ls, le, Math.min(le, ls + cap), marks));
    }
    this.#backInner.replaceChildren(...lines);
    this.#backInner.style.transform = `translate(${padLeft - sl}px, ${padTop + first * lh - st}px)`;
  }

  #lineNode(ls, le, visEnd, marks) {
    const text = this.#text;
    const div = h('div', { class: 'bl' });
    let cursor = ls;
    for (const m of marks) {
      const cls = `m ${m.severity}${m.idx === this.#active ? ' active' : ''}`;
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
}
