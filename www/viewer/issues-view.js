// The list of a check's errors and warnings: each issue is a button that selects its span
// in the editor. Buttons are numbered (`data-issue`) in the order the editor marks them.
import { h } from './dom.js';

const MAX_LISTED_ISSUES = 500;

/** One issue as a list item; `onSelect(idx)` runs when it is clicked. */
export function issueButton(issue, idx, onSelect) {
  return h('li', {},
    h('button', {
      type: 'button',
      class: `issue ${issue.severity}`,
      'data-issue': String(idx),
      'data-offset': String(issue.offset),
      'data-length': String(issue.length),
      onclick: () => onSelect(idx),
    },
    h('span', { class: 'issue-top' },
      h('span', { class: `sev ${issue.severity}`, text: issue.severity === 'error' ? 'Error' : 'Warning' }),
      h('span', { class: 'loc', text: `${issue.line}:${issue.column}` }),
      h('code', { class: 'code', text: issue.code })),
    h('span', { class: 'msg', text: issue.message }),
    issue.hint ? h('span', { class: 'hint' }, h('span', { class: 'hint-label', text: 'Hint: ' }), issue.hint) : null));
}

/** At most MAX_LISTED_ISSUES of `list`, numbered from `offset`, and how many were left out. */
export function issueList(list, offset, onSelect) {
  const listed = list.slice(0, MAX_LISTED_ISSUES);
  return [
    h('ol', { class: 'issues' }, listed.map((i, k) => issueButton(i, offset + k, onSelect))),
    list.length > listed.length
      ? h('p', { class: 'more', text: `${list.length - listed.length} more not listed here; download the report for all of them.` })
      : null,
  ];
}

/** Marks the issue button `idx` as the one selected, and no other. */
export function markActiveIssue(results, idx) {
  for (const b of results.querySelectorAll('button.issue')) b.classList.toggle('active', b.dataset.issue === String(idx));
}

/** Scrolls the issue button `idx` into view. */
export function revealIssue(results, idx) {
  results.querySelector(`button.issue[data-issue="${idx}"]`)?.scrollIntoView({ block: 'nearest' });
}
