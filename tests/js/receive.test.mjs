// receive(): the shared decision table (tests/fixtures/receive/cases.json, which tests/receive.rs
// runs through Rust) through every request shape, and the README's Express and Hono receivers
// run for real on loopback, spoken to with fetch.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { test } from 'node:test';
import express from 'express';
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { createReplayStore, parse, receive } from 'cc-number-events';

const cases = JSON.parse(readFileSync(new URL('../fixtures/receive/cases.json', import.meta.url), 'utf8'));
const VALID = cases.find((c) => c.name === 'valid event, no token expected').body;
const withUuid = (uuid) => VALID.replace('2661273919712564939', uuid);
let nextUuid = 2661273919712560000n;
const fresh = () => withUuid(String(nextUuid++));

function check(name, got, want) {
  assert.equal(got.status, want.status, name);
  assert.equal(got.outcome, want.outcome, name);
  assert.equal(got.headers['Validation-Token'], want.echo ?? undefined, name);
  assert.equal(got.uuid, want.uuid, name);
  assert.equal(got.report?.kind ?? null, want.kind, name);
  assert.equal('Allow' in got.headers, got.status === 405, name);
}

test('the shared table: pairs, Node-style headers, Headers and web Requests get the answers Rust gives', async () => {
  assert.ok(cases.length >= 20);
  for (const c of cases) {
    const options = { verificationToken: c.verificationToken, store: false };
    check(`${c.name} (pairs)`, await receive({ method: c.method, headers: c.headers, body: c.body }, options), c.expect);
    // Node's req.headers: lower-case names; a Buffer body.
    const node = Object.fromEntries(c.headers.map(([n, v]) => [n.toLowerCase(), v]));
    check(`${c.name} (node)`, await receive({ method: c.method, headers: node, body: Buffer.from(c.body) }, options), c.expect);
    // Header values with CR/LF cannot go into a Headers object: those cases stop here.
    if (c.headers.some(([, v]) => /[\r\n]/.test(v))) continue;
    check(`${c.name} (Headers)`, await receive({ method: c.method, headers: new Headers(c.headers), body: c.body }, options), c.expect);
    if (c.method.toUpperCase() === 'GET') continue;
    const request = new Request('https://hooks.example/rc', { method: c.method.toUpperCase(), headers: c.headers, body: c.body });
    check(`${c.name} (Request)`, await receive(request, options), c.expect);
  }
});

test('a forged request is refused before its body is read; a large body is read only up to the limit', async () => {
  let pulls = 0;
  const stream = () => new ReadableStream({
    pull(controller) {
      pulls++;
      controller.enqueue(new Uint8Array(64 * 1024).fill(32));
      if (pulls > 1000) controller.close();
    },
  }, { highWaterMark: 0 }); // pulled only when read
  const forged = new Request('https://hooks.example/rc', {
    method: 'POST', headers: { 'Verification-Token': 'guess' }, body: stream(), duplex: 'half',
  });
  const answer = await receive(forged, { verificationToken: 's3cret' });
  assert.equal(answer.status, 401);
  assert.equal(pulls, 0, 'the body of a forged request was read');

  pulls = 0;
  const big = new Request('https://hooks.example/rc', { method: 'POST', body: stream(), duplex: 'half' });
  const report = (await receive(big, { maxInputBytes: 200000 })).report;
  assert.equal(report.errors[0].code, 'input-too-large');
  assert.ok(pulls <= 5, `read ${pulls} chunks of 64 KiB for a limit of 200,000 bytes`);
});

test('replays: the default store, a store of ones own (async), a failing store, and none', async () => {
  const body = fresh();
  assert.equal((await receive({ method: 'POST', headers: {}, body })).outcome, 'accepted');
  const again = await receive({ method: 'POST', headers: {}, body });
  assert.equal(again.status, 200);
  assert.equal(again.outcome, 'replay');
  assert.equal(again.report.valid, true);

  const seen = new Set();
  const store = { has: async (u) => seen.has(u), add: async (u) => void seen.add(u) };
  const other = fresh();
  assert.equal((await receive({ method: 'POST', body: other }, { store })).outcome, 'accepted');
  assert.equal((await receive({ method: 'POST', body: other }, { store })).outcome, 'replay');
  assert.deepEqual([...seen], [parse(other).uuid]);

  const broken = { has: async () => { throw new Error('redis is down'); }, add() {} };
  const failed = await receive({ method: 'POST', body: fresh() }, { store: broken });
  assert.equal(failed.outcome, 'accepted');
  assert.equal(failed.storeError, 'redis is down');

  const none = fresh();
  for (let i = 0; i < 2; i++) assert.equal((await receive({ method: 'POST', body: none }, { store: false })).outcome, 'accepted');

  const lru = createReplayStore(2);
  lru.add('a'); lru.add('b');
  assert.equal(lru.has('a'), true); // a is now the most recent
  lru.add('c');                     // evicts b
  assert.deepEqual([lru.has('b'), lru.has('a'), lru.has('c'), lru.size], [false, true, true, 2]);
  assert.throws(() => createReplayStore(0), RangeError);
});

test('bad requests are answers, bad options are thrown', async () => {
  const cyclic = { uuid: 'x' };
  cyclic.self = cyclic;
  const a = await receive({ method: 'POST', headers: {}, body: cyclic });
  assert.equal(a.status, 400);
  assert.equal(a.outcome, 'badRequest');
  // No method: taken as the POST a body implies; no headers at all.
  assert.equal((await receive({ body: VALID }, { store: false })).outcome, 'accepted');
  // express.json() already parsed it: the object is validated (issues by path).
  const parsed = await receive({ method: 'POST', headers: {}, body: JSON.parse(fresh()) });
  assert.equal(parsed.outcome, 'accepted');
  await assert.rejects(receive({ method: 'POST' }, { verificationToken: 42 }), TypeError);
  await assert.rejects(receive({ method: 'POST' }, { verificationToken: '' }), RangeError);
  await assert.rejects(receive({ method: 'POST' }, { store: {} }), TypeError);
  await assert.rejects(receive({ method: 'POST' }, { stict: true }), TypeError);
  await assert.rejects(receive(null), TypeError);
});

async function listening(server) {
  if (!server.listening) await once(server, 'listening');
  return `http://127.0.0.1:${server.address().port}`;
}

// What both servers must answer, as RingCentral would call them.
async function speakToReceiver(base) {
  const handshake = await fetch(`${base}/hooks`, { method: 'POST', headers: { 'Validation-Token': 'rc-123' } });
  assert.equal(handshake.status, 200);
  assert.equal(handshake.headers.get('validation-token'), 'rc-123');

  const forged = await fetch(`${base}/hooks`, { method: 'POST', headers: { 'Verification-Token': 'nope', 'Content-Type': 'application/json' }, body: VALID });
  assert.equal(forged.status, 401);

  const body = fresh();
  const post = () => fetch(`${base}/hooks`, {
    method: 'POST',
    headers: { 'Verification-Token': 's3cret', 'Content-Type': 'application/json; charset=UTF-8', 'User-Agent': 'RingCentral-Webhook/8.3' },
    body,
  });
  const first = await post();
  assert.equal(first.status, 200);
  assert.equal(await first.text(), '');
  const retried = await post();
  assert.equal(retried.status, 200);

  const broken = await fetch(`${base}/hooks`, {
    method: 'POST', headers: { 'Verification-Token': 's3cret', 'Content-Type': 'application/json' }, body: body.replace('"Deleted"', '"deleted"'),
  });
  assert.equal(broken.status, 200);
  const get = await fetch(`${base}/hooks`);
  assert.equal(get.status, 405);
  assert.equal(get.headers.get('allow'), 'POST');
}

test("the README's Express receiver, on loopback", async () => {
  const seen = [];
  // As in the README:
  const app = express();
  app.all('/hooks', express.raw({ type: () => true, limit: '16mb' }), async (req, res) => {
    const answer = await receive(req, { verificationToken: 's3cret' });
    if (answer.outcome === 'accepted') seen.push(answer.report.event);
    res.status(answer.status).set(answer.headers).end();
  });
  const server = app.listen(0, '127.0.0.1');
  try {
    await speakToReceiver(await listening(server));
    assert.equal(seen.length, 1, 'the retried event was handled twice');
  } finally {
    server.close();
  }
});

test("the README's Hono receiver, on loopback", async () => {
  const seen = [];
  const outcomes = [];
  // As in the README:
  const app = new Hono();
  app.all('/hooks', async (c) => {
    const answer = await receive(c.req.raw, { verificationToken: 's3cret' });
    outcomes.push(answer.outcome);
    if (answer.outcome === 'accepted') seen.push(answer.report.event);
    return c.body(null, answer.status, answer.headers);
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  try {
    await speakToReceiver(await listening(server));
    assert.equal(seen.length, 1);
    assert.deepEqual(outcomes, ['validation', 'unauthorized', 'accepted', 'replay', 'invalid', 'methodNotAllowed']);
  } finally {
    server.close();
  }
});

test('node:http with no body parser: receive reads the stream itself', async () => {
  const server = createServer(async (req, res) => {
    const answer = await receive(req, { verificationToken: 's3cret' });
    res.writeHead(answer.status, answer.headers).end(answer.outcome);
  }).listen(0, '127.0.0.1');
  try {
    const base = await listening(server);
    const r = await fetch(base, { method: 'POST', headers: { 'Verification-Token': 's3cret' }, body: fresh() });
    assert.equal(await r.text(), 'accepted');
    const h = await fetch(base, { method: 'POST', headers: { 'Validation-Token': 'v' } });
    assert.equal(h.headers.get('validation-token'), 'v');
  } finally {
    server.close();
  }
});
