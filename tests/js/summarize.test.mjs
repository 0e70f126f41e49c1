// summarize() through the npm package: the same renderings the Rust tests pin, real JS shapes,
// and positions that index the JS string.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { summarize } from 'cc-number-events';

const dir = new URL('../fixtures/summarize/', import.meta.url);
const read = (name) => readFileSync(new URL(name, dir), 'utf8');

for (const name of ['mixed-day.ndjson', 'websocket-capture.json', 'concatenated-pretty.txt', 'websocket-session.ndjson']) {
  test(`a ${name} log renders exactly as the reviewed golden text, Markdown and CSV`, () => {
    const s = summarize(read(name), { markdown: true, csv: true });
    assert.equal(`${s.text}\n=== markdown\n${s.markdown}\n=== csv\n${s.csv}`, read(`${name}.rendered`));
  });
}

test('string and byte input give the same summary', () => {
  const text = read('mixed-day.ndjson');
  assert.deepEqual(summarize(new TextEncoder().encode(text)), summarize(text));
});

test('the summary is made of plain objects and arrays', () => {
  const s = summarize(read('mixed-day.ndjson'));
  assert.equal(Object.getPrototypeOf(s), Object.prototype);
  assert.ok(Array.isArray(s.numbers) && Array.isArray(s.problems));
  assert.equal(s.markdown, undefined);
  assert.equal('markdown' in s, false);
  assert.deepEqual(s.byEventType, { Created: 3, Updated: 5, Deleted: 2 });
  assert.deepEqual(s.net, {
    added: ['+12024999741', '+14155550100', '+12125550177'],
    removed: ['+12125550199'],
    changed: ['+441632960123'],
    transient: ['+13125550188'],
  });
});

test('problem positions slice the offending text out of the JS string', () => {
  const text = read('mixed-day.ndjson');
  const [problem] = summarize(text).problems;
  assert.equal(problem.line, 10);
  const issue = problem.issues[0];
  assert.equal(text.slice(issue.offset, issue.offset + issue.length), '"created"');
});

test('a timeline entry names each field that changed', () => {
  const s = summarize(read('mixed-day.ndjson'));
  const number = s.numbers.find((n) => n.id === '987654321');
  assert.deepEqual(number.timeline[1].changes[0], { field: 'status', from: 'Pending', to: 'Normal' });
});

test('summarize options are checked like validate options', () => {
  assert.throws(() => summarize('', { markdwon: true }), { name: 'TypeError', message: /did you mean `markdown`/ });
  assert.throws(() => summarize('', new Map()), TypeError);
  assert.throws(() => summarize('', { maxItems: 0 }), RangeError);
});

test('the item limit stops reading and says where', () => {
  const s = summarize('{}\n{}\n{}', { maxItems: 1 });
  assert.equal(s.limitReached, true);
  assert.equal(s.problems.at(-1).issues[0].code, 'too-many-items');
  assert.equal(s.problems.at(-1).issues[0].line, 2);
});
