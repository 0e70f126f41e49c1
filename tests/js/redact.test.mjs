// The `redact` option through the package: typed and checked like the other options, and
// what it masks, on the README's broken example and a log.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse, summarize, validate } from 'cc-number-events';

const broken = JSON.stringify({
  uuid: '2661273919712564939',
  event: '/restapi/v1.0/account/37439510/phone-number?usageType=ContactCenterNumber',
  timestamp: '2023-04-18T20:25:24.611Z', subscriptionId: '9d38419f-645f-4ee3-a053-8cf1368c21c4',
  ownerId: '8475874957',
  body: { eventType: 'Created', phoneNumberInfo: { id: '987654321', phoneNumber: '+1 202 499 9741', usageType: 'ContactCenterNumber' } },
}, null, 2);
const valid = broken.replace('+1 202 499 9741', '+12024999741');

test('messages, hints, the sentence and every rendering are masked; positions and the event are not', () => {
  const all = { text: true, markdown: true, csv: true };
  const plain = validate(broken, all);
  const red = validate(broken, { ...all, redact: true });
  const [p, r] = [plain.errors[0], red.errors[0]];
  assert.equal(p.message, '`phoneNumber` "+1 202 499 9741" is not E.164: it contains spaces or punctuation');
  assert.equal(r.message, '`phoneNumber` "+1 202 •••9741" is not E.164: it contains spaces or punctuation');
  assert.equal(r.hint, 'E.164 has digits only: "+1202•••9741"');
  assert.deepEqual([r.line, r.column, r.offset, r.length, r.path], [p.line, p.column, p.offset, p.length, p.path]);
  for (const text of [red.text, red.markdown, red.csv]) assert.doesNotMatch(text, /\+[\d ]{7,}/);

  const ok = validate(valid, { redact: true, text: true });
  assert.equal(ok.event.body.phoneNumberInfo.phoneNumber, '+12024999741');
  assert.match(ok.change.sentence, /^Contact Center number \+1202•••9741 \(id 987654321\) was created/);
  assert.match(ok.text, /\+1202•••9741/);
  // The clean route (no renderings asked) is masked too.
  assert.match(validate(valid, { redact: true }).change.sentence, /\+1202•••9741/);
  assert.throws(() => parse(broken, { redact: true }), /"\+1 202 •••9741"/);
});

test('a log: the text, Markdown and CSV are masked, the numbers listed are not', () => {
  const log = readFileSync(new URL('../fixtures/summarize/mixed-day.ndjson', import.meta.url));
  const s = summarize(log, { redact: true, markdown: true, csv: true });
  for (const text of [s.text, s.markdown, s.csv]) assert.doesNotMatch(text, /\+\d{7,}/);
  assert.match(s.text, /Added \(2\): \+1202•••9741, \+1415•••0100/);
  assert.ok(s.numbers.some((n) => n.phoneNumber === '+12024999741'));
});

test('redact is typed and checked like every option', () => {
  for (const bad of ['yes', 1, null, {}]) {
    assert.throws(() => validate(valid, { redact: bad }), TypeError);
    assert.throws(() => summarize(valid, { redact: bad }), TypeError);
    assert.throws(() => parse(valid, { redact: bad }), TypeError);
  }
  assert.throws(() => validate(valid, { redcat: true }), /redact/);
});
