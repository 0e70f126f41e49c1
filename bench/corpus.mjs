#!/usr/bin/env node
// Deterministic benchmark corpus: realistic RingCentral "Contact Center phone number"
// WebHook notifications (the envelope as the HTTP POST body), about 1 in 10 carrying
// exactly one defect. Everything comes from one seeded PRNG, so every contender and every
// run sees byte-identical input.
//
//   import { makeCorpus, makeLog } from './corpus.mjs'
//   node bench/corpus.mjs [--out target/bench] [--count 2000] [--seed 20230418]
//     writes corpus.ndjson (the single notifications, one per line),
//            log-10mb.ndjson and log-50mb.ndjson (NDJSON logs), manifest.json, and
//            issue #12's corpora: corpus-<name>.ndjson and log-<name>.ndjson for each of
//            CORPORA (real, added-field, doc-sample, invalid).

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_SEED = 20230418;
export const DEFAULT_COUNT = 2000;
export const DEFECT_RATE = 0.1;

/** mulberry32: small, fast, good enough for test data, identical on every platform. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)); // inclusive
  const pick = (xs) => xs[Math.floor(next() * xs.length)];
  const digits = (n, firstNonZero = true) => {
    let s = String(firstNonZero ? int(1, 9) : int(0, 9));
    while (s.length < n) s += String(int(0, 9));
    return s;
  };
  const hex = (n) => {
    let s = '';
    while (s.length < n) s += '0123456789abcdef'[int(0, 15)];
    return s;
  };
  const weighted = (pairs) => {
    const total = pairs.reduce((t, [, w]) => t + w, 0);
    let r = next() * total;
    for (const [v, w] of pairs) if ((r -= w) < 0) return v;
    return pairs[pairs.length - 1][0];
  };
  return { next, int, pick, digits, hex, weighted };
}

const uuid4 = (r) =>
  `${r.hex(8)}-${r.hex(4)}-4${r.hex(3)}-${'89ab'[r.int(0, 3)]}${r.hex(3)}-${r.hex(12)}`;

const PAYMENT = [['Local', 60], ['TollFree', 20], ['External', 8], ['ExternalNumberProvider', 5],
  ['ExternalNumberProviderTollFree', 3], ['Mobile', 2], ['BusinessMobileNumberProvider', 2]];
const NUMBER_TYPES = [['VoiceFax', 55], ['Voice', 20], ['VoiceOnly', 15], ['Fax', 5], ['FaxOnly', 5]];
const STATUSES = [['Normal', 85], ['Pending', 5], ['PortedIn', 5], ['Temporary', 3], ['Unknown', 2]];
const OTHER_USAGE = ['MainCompanyNumber', 'AdditionalCompanyNumber', 'CompanyNumber', 'DirectNumber',
  'CompanyFaxNumber', 'ForwardedNumber', 'ConferencingNumber', 'NumberPool', 'IntegrationNumber'];
const PROVIDERS = [
  [{ id: '1', name: 'InContact/North America' }, 70],
  [{ id: '1', name: 'In-Contact NA' }, 15],
  [{ id: '2', name: 'InContact/Europe' }, 10],
  [{ id: '7', name: 'NICE CXone/APAC' }, 5],
];
const LOCATIONS = ['Washington, DC', 'San Francisco, CA', 'Austin, TX', 'Denver, CO', 'Boston, MA',
  'Seattle, WA', 'Chicago, IL', 'New York, NY', 'Atlanta, GA', 'Miami, FL', 'Phoenix, AZ'];
// [country code, national digits, share]
const COUNTRIES = [['1', 10, 75], ['44', 10, 10], ['49', 11, 5], ['61', 9, 5], ['33', 9, 5]];

/** A pool of accounts, each with owners, subscriptions and phone numbers (id <-> E.164). */
function makeWorld(r) {
  const accounts = [];
  for (let a = 0; a < 40; a++) {
    const id = r.weighted([['num', 95], ['~', 5]]) === '~' ? '~' : r.digits(r.int(8, 9));
    const owners = Array.from({ length: r.int(1, 3) }, () => r.digits(10));
    const subscriptions = Array.from({ length: r.int(1, 2) }, () => uuid4(r));
    const numbers = [];
    for (let n = 0; n < 60; n++) {
      const [cc, len] = r.weighted(COUNTRIES.map(([c, l, w]) => [[c, l], w]));
      const payment = r.weighted(PAYMENT);
      numbers.push({
        id: r.digits(r.int(9, 11)),
        phoneNumber: `+${cc}${cc === '1' ? String(r.int(2, 9)) + r.digits(len - 1, false) : r.digits(len)}`,
        paymentType: payment,
        location: payment === 'Local' && cc === '1' ? r.pick(LOCATIONS) : undefined,
        type: r.weighted(NUMBER_TYPES),
        provider: r.weighted(PROVIDERS),
      });
    }
    accounts.push({ id, owners, subscriptions, numbers });
  }
  return accounts;
}

function isoTime(ms, colonless) {
  const iso = new Date(ms).toISOString(); // 2023-04-18T20:25:24.611Z
  return colonless ? iso.replace('Z', '+0000') : iso;
}

/** One valid notification, as a plain object in RingCentral's member order. */
function validNotification(r, world, clock) {
  const acct = r.pick(world);
  const num = r.pick(acct.numbers);
  const eventType = r.weighted([['Created', 40], ['Updated', 35], ['Deleted', 25]]);
  const usageType = eventType === 'Updated' && r.next() < 0.4 ? r.pick(OTHER_USAGE) : 'ContactCenterNumber';
  const host = r.next() < 0.9 ? 'platform.ringcentral.com' : 'platform.devtest.ringcentral.com';
  const info = {
    uri: `https://${host}/restapi/v1.0/account/${acct.id}/phone-number/${num.id}`,
    id: num.id,
    phoneNumber: num.phoneNumber,
    paymentType: num.paymentType,
  };
  if (num.location) info.location = num.location;
  info.type = num.type;
  info.usageType = usageType;
  info.status = r.weighted(STATUSES);
  if (usageType === 'ContactCenterNumber') info.contactCenterProvider = { ...num.provider };
  return {
    uuid: r.next() < 0.9 ? r.digits(19) : uuid4(r),
    event: `/restapi/v1.0/account/${acct.id}/phone-number?usageType=ContactCenterNumber`,
    timestamp: isoTime(clock.tick(r), r.next() < 0.1),
    subscriptionId: r.pick(acct.subscriptions),
    ownerId: r.pick(acct.owners),
    body: { eventType, phoneNumberInfo: info },
  };
}

/** Each defect makes the notification invalid for every contender (see schema.mjs). */
export const DEFECTS = [
  ['bad-event-type', (n, r) => { n.body.eventType = r.pick(['created', 'updated', 'deleted', 'Modified', 'DELETED']); }],
  ['non-e164-number', (n, r) => {
    const d = n.body.phoneNumberInfo.phoneNumber.slice(1);
    n.body.phoneNumberInfo.phoneNumber = r.pick([
      d, `(${d.slice(1, 4)}) ${d.slice(4, 7)}-${d.slice(7)}`, `+${d.slice(0, 1)} ${d.slice(1, 4)}-${d.slice(4)}`,
      `+0${d}`, `+${d}${d}`, `+${d.slice(0, 4)}`,
    ]);
  }],
  ['missing-field', (n, r) => {
    const which = r.pick(['uuid', 'event', 'timestamp', 'subscriptionId', 'ownerId', 'body',
      'body.eventType', 'body.phoneNumberInfo', 'info.id', 'info.phoneNumber']);
    if (which.startsWith('info.')) delete n.body.phoneNumberInfo[which.slice(5)];
    else if (which.startsWith('body.')) delete n.body[which.slice(5)];
    else delete n[which];
  }],
  ['bad-timestamp', (n, r) => {
    n.timestamp = r.pick(['2023-02-30T10:15:00.000Z', '2023-04-18 20:25:24.611Z', '2023-04-18T20:25:24.611',
      '2023-13-01T00:00:00.000Z', '18/04/2023 20:25:24', '2023-04-18T25:61:00Z']);
  }],
  ['wrong-type', (n, r) => {
    const which = r.pick(['number', 'body', 'info', 'eventType', 'owner', 'provider']);
    if (which === 'number') n.body.phoneNumberInfo.phoneNumber = Number(n.body.phoneNumberInfo.phoneNumber.slice(1));
    else if (which === 'body') n.body = JSON.stringify(n.body);
    else if (which === 'info') n.body.phoneNumberInfo = [n.body.phoneNumberInfo];
    else if (which === 'eventType') n.body.eventType = 1;
    else if (which === 'owner') n.ownerId = true;
    else n.body.phoneNumberInfo.contactCenterProvider = 'InContact/North America';
  }],
  ['unknown-usage-type', (n, r) => {
    // On Created/Deleted an unknown usageType is an error (usage-type-mismatch), not only
    // the unknown-usage-type warning; force that event type so every contender rejects it.
    if (n.body.eventType === 'Updated') n.body.eventType = 'Created';
    n.body.phoneNumberInfo.usageType = r.pick(['ContactCentreNumber', 'CallCenterNumber', 'contactcenter']);
  }],
  ['bad-number-type', (n, r) => { n.body.phoneNumberInfo.type = r.pick(['Voip', 'SMS', 'voice']); }],
  ['bad-uuid', (n, r) => { n.uuid = r.pick(['abc-123', '266127391971', 'not-a-uuid-at-all']); }],
  ['bad-event-filter', (n, r) => {
    n.event = r.pick(['/restapi/v1.0/account/37439510/phone-number',
      '/restapi/v1.0/account/37439510/phone-number?usageType=ContactCenter',
      '/restapi/v1.0/account/acme/phone-number?usageType=ContactCenterNumber']);
  }],
];

/**
 * More ways a payload arrives broken, for the invalid-only corpus (issue #12). Kept apart from
 * DEFECTS so that the mixed corpus, drawn from DEFECTS, stays byte-identical to earlier runs.
 * Every one is an error for every contender. `truncated-json` works on the text (see shape()).
 */
export const MORE_DEFECTS = [
  ['null-value', (n, r) => {
    const which = r.pick(['ownerId', 'eventType', 'id', 'phoneNumber', 'status', 'type']);
    if (which === 'ownerId') n.ownerId = null;
    else if (which === 'eventType') n.body.eventType = null;
    else n.body.phoneNumberInfo[which] = null;
  }],
  ['empty-string', (n, r) => {
    const which = r.pick(['uuid', 'subscriptionId', 'id', 'phoneNumber']);
    if (which === 'uuid' || which === 'subscriptionId') n[which] = '';
    else n.body.phoneNumberInfo[which] = '';
  }],
  ['epoch-timestamp', (n) => { n.timestamp = Date.parse(n.timestamp.replace('+0000', 'Z')); }],
  ['truncated-json', () => {}],
];
const INVALID_DEFECTS = [...DEFECTS, ...MORE_DEFECTS];

/**
 * Issue #12's corpora: every payload of one shape, so that a route's cost on that shape shows
 * alone. All four share the mixed corpus's notification stream for a given seed (the shape is
 * applied afterwards with its own PRNG), so `real` and `added-field` differ only by the field.
 *   real         numeric 19-digit uuids, numeric account ids in `event` (no `~`), `uri`
 *                naming that account and the number's id, `Z` timestamps: valid, no warning.
 *   added-field  the same plus `phoneNumberInfo.tollType` (from the REST v2 phone-number
 *                resource) after `paymentType`: valid, one `unknown-field` warning each.
 *   doc-sample   RingCentral's documented example's shape: RFC 4122 uuid, the `{accountId}`
 *                placeholder in `event`, an empty `uri`, the other values varied: valid, two
 *                warnings each (`event-filter-placeholder`, `empty-uri`).
 *   invalid      `real` with exactly one defect each, drawn from DEFECTS and MORE_DEFECTS.
 * `valid` and `warnings` are what the bench holds every contender to (bench/run.mjs).
 */
export const CORPORA = {
  real: { title: 'real traffic', valid: true, warnings: [] },
  'added-field': { title: 'real + `tollType`', valid: true, warnings: ['unknown-field'] },
  'doc-sample': { title: 'doc sample shape', valid: true, warnings: ['event-filter-placeholder', 'empty-uri'] },
  invalid: { title: 'invalid only', valid: false, warnings: null },
};
export const CORPUS_COUNT = 20000; // notifications per issue #12 corpus, as the issue measured
export const CORPUS_LOG_BYTES = 10 * 1000 * 1000;

/** Rewrites a valid notification `n` into `shape` (see CORPORA); the JSON text and its defect. */
function shape(name, n, sr) {
  if (name === 'doc-sample') {
    n.uuid = uuid4(sr);
    n.event = '/restapi/v1.0/account/{accountId}/phone-number?usageType=ContactCenterNumber';
    n.body.phoneNumberInfo.uri = '';
  } else if (!/^[0-9]{19}$/.test(n.uuid)) {
    n.uuid = sr.digits(19);
  }
  n.timestamp = n.timestamp.replace('+0000', 'Z');
  if (name === 'added-field') {
    // Inserted after paymentType, where RingCentral's REST v2 resource lists it, so that the
    // unknown member sits mid-object; derived, not drawn, so the text is `real`'s plus it.
    const info = n.body.phoneNumberInfo;
    const tollType = /TollFree/.test(info.paymentType) ? 'TollFree' : 'Toll';
    n.body.phoneNumberInfo = Object.fromEntries(Object.entries(info)
      .flatMap((kv) => (kv[0] === 'paymentType' ? [kv, ['tollType', tollType]] : [kv])));
  }
  if (name !== 'invalid') return { text: JSON.stringify(n), defect: null };
  const [defect, apply] = sr.pick(INVALID_DEFECTS);
  apply(n, sr);
  let text = JSON.stringify(n);
  // A line cut short (a proxy's size limit, a log rotated mid-write): any proper prefix of an
  // object's text is not JSON.
  if (defect === 'truncated-json') text = text.slice(0, sr.int(1, text.length - 1));
  return { text, defect };
}

/**
 * Yields { text, defect } for `count` notifications (compact JSON, ~500 bytes each): the mixed
 * corpus by default, or one of CORPORA's shapes with `corpus`.
 */
export function* notifications({ seed = DEFAULT_SEED, count = Infinity, defectRate = DEFECT_RATE, corpus } = {}) {
  if (corpus !== undefined && !CORPORA[corpus]) throw new Error(`unknown corpus ${corpus}`);
  const r = prng(seed);
  const world = makeWorld(r);
  // The shapes draw from their own PRNG: the main one's sequence stays the mixed corpus's.
  const sr = prng(seed ^ 0x5eed12);
  // Real traffic names its account; `~` belongs to the mixed corpus.
  if (corpus) for (const a of world) if (a.id === '~') a.id = sr.digits(9);
  let now = Date.UTC(2023, 0, 2, 8, 0, 0, 0);
  const clock = { tick: (rr) => (now += rr.int(50, 90_000) + rr.int(0, 999)) };
  for (let i = 0; i < count; i++) {
    const n = validNotification(r, world, clock);
    if (corpus) {
      yield shape(corpus, n, sr);
      continue;
    }
    let defect = null;
    if (r.next() < defectRate) {
      const [name, apply] = r.pick(DEFECTS);
      apply(n, r);
      defect = name;
    }
    yield { text: JSON.stringify(n), defect };
  }
}

/** The single-notification corpus: `count` JSON texts, plus which carry a defect. */
export function makeCorpus(opts = {}) {
  const texts = [];
  const defects = [];
  for (const { text, defect } of notifications({ count: DEFAULT_COUNT, ...opts })) {
    texts.push(text);
    defects.push(defect);
  }
  return { texts, defects };
}

/** An NDJSON log of about `bytes` bytes (a different seed than the single corpus). */
export function makeLog(bytes, { seed = DEFAULT_SEED + 1, corpus } = {}) {
  const lines = [];
  let size = 0;
  for (const { text } of notifications({ seed, corpus })) {
    if (size + text.length + 1 > bytes) break;
    lines.push(text);
    size += text.length + 1;
  }
  return lines.join('\n') + '\n';
}

export const LOG_SIZES = { 'log-10mb': 10 * 1000 * 1000, 'log-50mb': 50 * 1000 * 1000 };

/** Writes the corpus and logs to `dir`; returns their paths. */
export function writeCorpus(dir, opts = {}) {
  mkdirSync(dir, { recursive: true });
  const { texts, defects } = makeCorpus(opts);
  const out = { corpus: join(dir, 'corpus.ndjson') };
  writeFileSync(out.corpus, texts.join('\n') + '\n');
  const manifest = {
    seed: opts.seed ?? DEFAULT_SEED,
    count: texts.length,
    defective: defects.filter(Boolean).length,
    meanBytes: Math.round(texts.reduce((t, s) => t + s.length, 0) / texts.length),
    defects: Object.fromEntries(DEFECTS.map(([d]) => [d, defects.filter((x) => x === d).length])),
    logs: {},
  };
  for (const [name, size] of Object.entries(LOG_SIZES)) {
    const log = makeLog(size);
    out[name] = join(dir, `${name}.ndjson`);
    writeFileSync(out[name], log);
    manifest.logs[name] = { bytes: Buffer.byteLength(log), lines: log.split('\n').length - 1 };
  }
  // Issue #12's corpora: corpus-<name>.ndjson (single notifications) and log-<name>.ndjson.
  manifest.corpora = {};
  out.corpora = {};
  const seed = opts.seed ?? DEFAULT_SEED;
  for (const name of Object.keys(CORPORA)) {
    const single = makeCorpus({ seed, count: opts.corpusCount ?? CORPUS_COUNT, corpus: name });
    const log = makeLog(opts.corpusLogBytes ?? CORPUS_LOG_BYTES, { seed: seed + 1, corpus: name });
    const paths = { single: join(dir, `corpus-${name}.ndjson`), log: join(dir, `log-${name}.ndjson`) };
    writeFileSync(paths.single, single.texts.join('\n') + '\n');
    writeFileSync(paths.log, log);
    out.corpora[name] = paths;
    const kinds = {};
    for (const d of single.defects) if (d) kinds[d] = (kinds[d] ?? 0) + 1;
    manifest.corpora[name] = {
      count: single.texts.length,
      meanBytes: Math.round(single.texts.reduce((t, x) => t + x.length, 0) / single.texts.length),
      defects: kinds,
      log: { bytes: Buffer.byteLength(log), lines: log.split('\n').length - 1 },
    };
  }
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return { paths: out, manifest };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name, dflt) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : dflt;
  };
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const dir = resolve(arg('--out', join(root, 'target', 'bench')));
  const { manifest } = writeCorpus(dir, {
    seed: Number(arg('--seed', DEFAULT_SEED)),
    count: Number(arg('--count', DEFAULT_COUNT)),
  });
  console.log(`wrote ${dir}: ${JSON.stringify(manifest)}`);
}
