// The results of a log: counts, net effect per group, the chart, broken items, duplicates
// and order, and each number's timeline. Every list is drawn a batch at a time, so a summary
// of any size draws a bounded DOM; downloads always hold everything.
import { drawInBatches } from './batches.js';
import { append, h } from './dom.js';
import { EventChart } from './chart.js';
import { EFFECT_LABELS, KIND_LABELS, plural, shortTime, shown } from './format.js';
import { issueButton } from './issues-view.js';

const BATCH_GROUPS = 100;
const BATCH_NUMBERS = 100;
const BATCH_TIMELINE_ROWS = 100;
const BATCH_PROBLEMS = 100;
const BATCH_ORDER_ROWS = 100;
const MAX_CHIPS = 50;

/**
 * @param {object} sm the summary
 * @param {{onIssue: (idx: number) => void, onLine: (line: number) => void}} actions
 * @returns {{nodes: Array, chart: EventChart | null}} what to put in the results, and the
 *   chart among them (drawn once laid out)
 */
export function logView(sm, { onIssue, onLine }) {
  const lineButton = (line, label = `line ${line}`) =>
    h('button', { type: 'button', class: 'linkish', text: label, onclick: () => onLine(line) });
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
    out.push(cards, drawInBatches(cards, sm.groups, (g) => groupCard(g), { size: BATCH_GROUPS, noun: (n) => (n === 1 ? 'group' : 'groups') }));
  }

  // Chart.
  let chart = null;
  if (sm.numbers.length) {
    out.push(h('h2', { text: 'Events over time' }));
    chart = new EventChart(sm.numbers);
    out.push(chart.element);
  }

  // Broken items. Issue buttons are numbered as in the flattened list the editor marks.
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
          p.index === null ? 'The input as a whole' : `Item ${p.index + 1}`, ', ', lineButton(p.line),
          ` · ${KIND_LABELS[p.kind] ?? p.kind}`),
        h('ol', { class: 'issues' }, p.issues.map((issue, j) => issueButton(issue, firstIssue[i] + j, onIssue)))),
    { size: BATCH_PROBLEMS, noun: (n) => (n === 1 ? 'broken item' : 'broken items') }));
    if (sm.issuesNotListed) out.push(h('p', { class: 'more', text: `${sm.issuesNotListed} further issues were not listed by the validator.` }));
  }

  // Duplicates and order.
  if (sm.duplicateItems.length || sm.outOfOrderItems.length) {
    out.push(h('h2', { text: 'Duplicates and order' }));
    if (sm.duplicateItems.length) {
      const list = h('ul', { class: 'plain duplicates' });
      out.push(list, drawInBatches(list, sm.duplicateItems, (d) =>
        h('li', {}, lineButton(d.line, `Line ${d.line}`), ` repeats `, lineButton(d.firstLine),
          ` (uuid ${d.uuid}${d.identical ? ', identical text' : ', different text'})`),
      { size: BATCH_ORDER_ROWS, noun: (n) => (n === 1 ? 'duplicate' : 'duplicates') }));
    }
    if (sm.outOfOrderItems.length) {
      const list = h('ul', { class: 'plain out-of-order' });
      out.push(list, drawInBatches(list, sm.outOfOrderItems, (o) =>
        h('li', {}, lineButton(o.line, `Line ${o.line}`), ` (${shortTime(o.time)}) comes after an item of ${shortTime(o.after)}`),
      { size: BATCH_ORDER_ROWS, noun: (n) => (n === 1 ? 'item out of order' : 'items out of order') }));
    }
  }

  // Per-number timeline.
  if (sm.numbers.length || sm.numbersNotListed) {
    const total = sm.numbers.length + sm.numbersNotListed;
    out.push(h('h2', { text: `Per number (${total})` }));
    const open = sm.numbers.length <= 6;
    const list = h('div', { class: 'numbers' });
    out.push(list, drawInBatches(list, sm.numbers, (n) => numberTimeline(n, open, lineButton),
      { size: BATCH_NUMBERS, noun: (k) => (k === 1 ? 'number' : 'numbers') }));
    if (sm.numbersNotListed) {
      out.push(h('p', { class: 'more', text: `${plural(sm.numbersNotListed, 'more number')} reached the output limit and are not listed; their net effect is counted above.` }));
    }
  }
  if (sm.outputTruncated) {
    out.push(h('p', { class: 'note output-cut', role: 'note',
      text: 'The output reached its size limit (the input’s size plus 1 MiB) and was cut: some timelines are not listed, and a downloaded Markdown or CSV report ends where the limit was reached. Every count is complete.' }));
  }
  return { nodes: out, chart };
}

/** One group's net effect: at most MAX_CHIPS numbers per list, the rest counted. */
function groupCard(g) {
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
function numberTimeline(n, open, lineButton) {
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
      drawInBatches(tbody, n.timeline, (t) => timelineRow(t, lineButton),
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

function timelineRow(t, lineButton) {
  return h('tr', {},
    h('td', { class: 'when' }, h('span', { text: shortTime(t.time).slice(0, 10) }), ' ', h('span', { text: shortTime(t.time).slice(11) })),
    h('td', { text: t.eventType }),
    h('td', {}, h('span', { class: `effect ${t.effect}`, text: EFFECT_LABELS[t.effect] ?? t.effect })),
    h('td', { class: 'changes' }, t.changes.length
      ? t.changes.map((c) => h('span', { class: 'change' }, h('code', { text: c.field }), ': ', c.from === null ? 'set to ' : `${shown(c.from)} → `, shown(c.to)))
      : h('span', { class: 'muted', text: '—' })),
    h('td', { class: 'num' }, lineButton(t.line, String(t.line))));
}
