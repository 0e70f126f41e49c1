// The results of one notification: verdict, change sentence, issues and its fields.
import { h } from './dom.js';
import { DELIVERY_LABELS, KIND_LABELS, eventFields, plural } from './format.js';
import { issueList } from './issues-view.js';

/**
 * @param {object} r the report
 * @param {{onIssue: (idx: number) => void}} actions
 * @returns {Array<Node | Array | null>} what to put in the results
 */
export function singleView(r, { onIssue }) {
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
  if (r.errors.length) out.push(h('h2', { text: `Errors (${r.errors.length})` }), issueList(r.errors, 0, onIssue));
  if (r.warnings.length) {
    out.push(h('h2', { text: `Warnings (${r.warnings.length})` }), issueList(r.warnings, r.errors.length, onIssue));
  }
  if (r.event) {
    out.push(h('h2', { text: 'Fields' }),
      h('table', { class: 'fields' },
        h('tbody', {}, eventFields(r.event).map(([k, v]) => h('tr', {}, h('th', { scope: 'row', text: k }), h('td', { text: v }))))));
  }
  return out;
}

/** No verdict: the check itself failed, and `message` says how and what to do. */
export function failureView(message) {
  return h('div', { class: 'verdict failed', role: 'alert' },
    h('span', { class: 'verdict-icon', 'aria-hidden': 'true', text: '!' }),
    h('div', {}, h('p', { class: 'verdict-title', text: 'No verdict' }), h('p', { class: 'verdict-sub', text: message })));
}
