// The reconcile panel: a second input for RingCentral's phone-number lists (`after`, and
// optionally `before`, pasted or opened from a file), the times they were taken, a Reconcile
// button, and its results (./reconcile-view.js). The log is the element's: it hands in how to
// ask for a reconciliation of its current text, and the version of that text, so a result
// about a log edited since is never shown.
import { h } from './dom.js';
import { reconcileView } from './reconcile-view.js';

/**
 * @param {{request: (lists: object) => Promise<object> | undefined, version: () => number,
 *   onLine: (line: number) => void}} host
 * @returns {{element: HTMLElement, outdated: () => void}}
 */
export function reconcilePanel({ request, version, onLine }) {
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const results = h('div', { class: 'reconcile-results', 'aria-label': 'Reconciliation' });
  const list = (id, label, hint) => {
    const area = h('textarea', {
      id, class: 'list-input', spellcheck: 'false', autocomplete: 'off', rows: '6',
      placeholder: hint, 'aria-label': label,
    });
    const file = h('input', {
      type: 'file', class: 'visually-hidden', tabindex: '-1', 'aria-hidden': 'true',
      accept: '.json,.ndjson,.jsonl,.txt,application/json,text/plain',
      onchange: async () => {
        const f = file.files?.[0];
        file.value = '';
        if (!f) return;
        try {
          area.value = await f.text();
        } catch (err) {
          status.textContent = `Could not read ${f.name}: ${err.message}`;
        }
      },
    });
    const box = h('div', { class: 'list-box' },
      h('div', { class: 'editor-head' },
        h('label', { for: id, text: label }),
        h('button', { type: 'button', class: 'btn', text: 'Open file…', onclick: () => file.click() }),
        file),
      area);
    return { area, box };
  };
  const after = list('after-list', 'After: the list now', 'The JSON that GET /restapi/v1.0/account/~/phone-number?usageType=ContactCenterNumber answered (or the v2 list): one page, pages back to back, or pages in an array');
  const before = list('before-list', 'Before: the list when the log began (optional)', 'The same request, saved before the log began');
  const time = (id, label) => h('input', { id, type: 'text', class: 'time-input', placeholder: '2023-04-19T08:00:00Z', 'aria-label': label });
  const afterTime = time('after-time', 'When the after list was taken');
  const beforeTime = time('before-time', 'When the before list was taken');
  const element = h('details', { class: 'reconcile' },
    h('summary', { text: 'Reconcile the log against the phone-number list' }),
    h('p', { class: 'help', text: 'Notifications get lost. Paste the phone-number list RingCentral answers now (and, if you saved it, the one from when the log began): the log in the editor is checked against them, missed notifications first, then drift.' }),
    h('div', { class: 'lists' }, after.box, before.box),
    h('div', { class: 'toolbar' },
      h('label', { for: 'after-time', text: 'After taken at' }), afterTime,
      h('label', { for: 'before-time', text: 'Before taken at' }), beforeTime,
      h('button', { type: 'button', class: 'btn primary', text: 'Reconcile', onclick: () => run() })),
    status,
    results);
  const given = (input) => (input.value.trim() === '' ? undefined : input.value.trim());
  async function run() {
    const lists = {
      after: after.area.value,
      before: before.area.value.trim() === '' ? undefined : before.area.value,
      afterTime: given(afterTime),
      beforeTime: given(beforeTime),
    };
    if (lists.after.trim() === '') {
      status.textContent = 'Paste or open the phone-number list (after) first.';
      return;
    }
    const asked = version();
    status.textContent = 'Reconciling…';
    let r;
    try {
      r = await request(lists);
    } catch (err) {
      status.textContent = `Could not reconcile (${err.name}: ${err.message}).`;
      return;
    }
    if (!r) return;
    if (asked !== version()) {
      status.textContent = 'The log changed while reconciling: press Reconcile again.';
      return;
    }
    results.classList.remove('outdated');
    results.replaceChildren(...reconcileView(r, { onLine }));
    status.textContent = r.text.split('\n').slice(0, 2).join(' ');
  }
  return {
    element,
    outdated() {
      if (results.childElementCount === 0) return;
      results.classList.add('outdated');
      status.textContent = 'The log changed since this reconciliation: press Reconcile again.';
    },
  };
}
