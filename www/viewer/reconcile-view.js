// A reconciliation's results: what was compared, the counts, then the findings, missed
// notifications first and drift after, each with links to its log lines and where its list
// records are. Lists are drawn a batch at a time, as the log's are.
import { drawInBatches } from './batches.js';
import { h } from './dom.js';
import { plural } from './format.js';

const BATCH_FINDINGS = 100;

const KIND_LABELS = {
  missedAdd: 'Missed add',
  missedRemoval: 'Missed removal',
  removedButPresent: 'Removed, still listed',
  contradictsBefore: 'Contradicts before',
  fieldDrift: 'Field drift',
  unexplainedChange: 'Unexplained change',
};

/** What a list's report says of it, in a line. */
function listLine(name, s) {
  const parts = [s.version, s.accountId && `account ${s.accountId}`, plural(s.pages, 'page'),
    plural(s.records, 'record'), `${s.contactCenter} Contact Center`].filter(Boolean);
  if (!s.complete) parts.push('incomplete');
  if (s.directNumbersOnly) parts.push('DirectNumber records only: taken without admin rights, not compared');
  return `${name}: ${parts.join(', ')}`;
}

/**
 * @param {object} r the Reconciliation
 * @param {{onLine: (line: number) => void}} actions
 * @returns {Node[]}
 */
export function reconcileView(r, { onLine }) {
  const c = r.counts;
  const missed = r.findings.filter((f) => !['fieldDrift', 'unexplainedChange'].includes(f.kind));
  const drift = r.findings.filter((f) => ['fieldDrift', 'unexplainedChange'].includes(f.kind));
  const total = c.missedAdds + c.missedRemovals + c.removedButPresent + c.contradictions
    + c.fieldDrift + c.unexplainedChanges;
  const listIssues = [...r.after.errors, ...r.after.warnings].map((i) => ['after', i])
    .concat(r.before ? [...r.before.errors, ...r.before.warnings].map((i) => ['before', i]) : []);
  const out = [];
  const tone = total === 0 && r.compared ? 'valid' : 'invalid';
  out.push(h('div', { class: `verdict ${tone}` },
    h('span', { class: 'verdict-icon', 'aria-hidden': 'true', text: total === 0 && r.compared ? '✓' : '!' }),
    h('div', {},
      h('p', { class: 'verdict-title', text: !r.compared ? 'Not compared'
        : total === 0 ? 'The log and the list agree' : `${plural(total, 'finding')}` }),
      h('p', { class: 'verdict-sub', text: `${plural(c.numbers, 'number')}, ${c.inAgreement} in agreement · ${plural(c.logEvents, 'notification')} compared` }))));
  const stat = (label, value, cls = '') => h('div', { class: `stat ${cls}` }, h('dt', { text: label }), h('dd', { text: value.toLocaleString('en-US') }));
  const warn = (n) => (n ? 'bad' : '');
  out.push(h('dl', { class: 'stats', 'aria-label': 'Reconciliation counts' },
    stat('Missed adds', c.missedAdds, warn(c.missedAdds)),
    stat('Missed removals', c.missedRemovals, warn(c.missedRemovals)),
    stat('Removed, still listed', c.removedButPresent, warn(c.removedButPresent)),
    stat('Contradict before', c.contradictions, warn(c.contradictions)),
    stat('Field drift', c.fieldDrift, c.fieldDrift ? 'warn' : ''),
    stat('Unexplained changes', c.unexplainedChanges, c.unexplainedChanges ? 'warn' : '')));
  out.push(h('p', { class: 'muted small' }, listLine('After', r.after), r.before ? ` · ${listLine('Before', r.before)}` : '',
    c.eventsAfterSnapshot ? ` · ${plural(c.eventsAfterSnapshot, 'event')} after the list was taken, not counted` : '',
    c.eventsBeforeSnapshot ? ` · ${plural(c.eventsBeforeSnapshot, 'event')} before \`before\` was taken` : '',
    c.invalidItems ? ` · ${plural(c.invalidItems, 'invalid item')} of the log not read` : ''));
  if (listIssues.length) {
    out.push(h('h2', { text: `Problems in the lists (${listIssues.length})` }));
    out.push(h('ul', { class: 'issues' }, listIssues.map(([which, i]) =>
      h('li', { class: i.severity },
        h('code', { text: i.code }), ` ${which} ${i.line}:${i.column} `, i.message, i.hint ? ` (${i.hint})` : ''))));
  }
  const lineButton = (line) => h('button', { type: 'button', class: 'linkish', text: `line ${line}`, onclick: () => onLine(line) });
  const row = (f) => h('li', { class: `finding ${f.kind}` },
    h('p', {},
      h('strong', { text: KIND_LABELS[f.kind] ?? f.kind }), ' ',
      h('span', { class: 'mono', text: f.phoneNumber }), ` (id ${f.id})`,
      f.field ? h('span', { class: 'muted', text: ` · ${f.field}: ${f.expected ?? '—'} → ${f.actual ?? '—'}` }) : ''),
    h('p', { class: 'small', text: f.message }),
    h('p', { class: 'small muted' },
      f.lines.length ? ['Log ', f.lines.flatMap((l, k) => (k ? [', ', lineButton(l)] : [lineButton(l)]))] : 'Nothing in the log',
      f.before ? ` · before: line ${f.before.line} (${f.before.usageType})` : '',
      f.after ? ` · after: line ${f.after.line} (${f.after.usageType})` : ''));
  for (const [title, list] of [['Missed notifications', missed], ['Drift', drift]]) {
    if (!list.length) continue;
    out.push(h('h2', { text: `${title} (${list.length})` }));
    const ul = h('ul', { class: 'findings' });
    out.push(ul, drawInBatches(ul, list, row, { size: BATCH_FINDINGS, noun: (n) => (n === 1 ? 'finding' : 'findings') }));
  }
  if (r.findingsNotListed) {
    out.push(h('p', { class: 'note', text: `${plural(r.findingsNotListed, 'more finding')} not listed: the output limit was reached (every count is complete).` }));
  }
  return out;
}
