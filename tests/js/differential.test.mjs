// Differential check: a few thousand generated notifications (seeded, so every run is the
// same) through this package and through an ajv-compiled JSON Schema (tests/js/schema.mjs).
// They must agree on valid/invalid wherever the schema can express the rule; the rules it
// cannot express are listed in DELIBERATE, and every disagreement must be one of them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import Ajv from 'ajv';
import { validate } from 'cc-number-events';
import { schema } from './schema.mjs';

const ajv = new Ajv({ allErrors: false, strict: false });
const schemaValid = ajv.compile(schema);
const BASE = JSON.parse(readFileSync(new URL('../fixtures/validate/webhook-created.json', import.meta.url), 'utf8'));

/** mulberry32: a small seeded PRNG. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const POOLS = {
  uuid: ['2661273919712564939', 'ed1cf00c-0420-4bf5-a0ae-e659cc9f77e0', '123', '26612739197125649391234', '', 'not-a-uuid', 12345678901234567890],
  event: [
    '/restapi/v1.0/account/37439510/phone-number?usageType=ContactCenterNumber',
    '/restapi/v1.0/account/~/phone-number?usageType=ContactCenterNumber',
    '/restapi/v1.0/account/{accountId}/phone-number?usageType=ContactCenterNumber',
    '/restapi/v1.0/account/acme/phone-number?usageType=ContactCenterNumber',
    '/restapi/v1.0/account/37439510/phone-number',
    '/restapi/v1.0/account/37439510/phone-number?usageType=DirectNumber',
  ],
  timestamp: [
    '2023-04-18T20:25:24.611Z', '2014-04-29T14:29:27.408+0000', '2023-04-18T20:25:24+02:00', '2023-04-18T20:25:24.611+05',
    '2023-04-18 20:25:24Z', '2023-04-18', '2023-02-30T10:00:00Z', '2023-13-01T10:00:00Z', '1681849524611', 'yesterday',
    '2016-12-31T23:59:60.500Z', '2016-12-31T18:59:60-05:00', '2023-12-31T23:59:60Z',
  ],
  subscriptionId: ['9d38419f-645f-4ee3-a053-8cf1368c21c4', 'sub-1', ''],
  ownerId: ['8475874957', 8475874957, '', 'abc', ' 123', -1, 1.5],
  eventType: ['Created', 'Updated', 'Deleted', 'created', 'Removed', ''],
  uri: [
    'https://platform.ringcentral.com/restapi/v1.0/account/37439510/phone-number/987654321',
    'https://platform.devtest.ringcentral.com/restapi/v1.0/account/~/phone-number/987654321',
    'https://platform.ringcentral.com/restapi/v1.0/account/37439510/phone-number/111',
    'https://platform.ringcentral.com/restapi/v1.0/account/999/phone-number/987654321',
    'http://platform.ringcentral.com/restapi/v1.0/account/37439510/phone-number/987654321',
    '',
    'https://example.com/x',
  ],
  id: ['987654321', 987654321, '', '98765abc', 0, -5, 2.5],
  phoneNumber: ['+12024999741', '+442071838750', '12024999741', '+1 202 499 9741', '+0123456789', '+1234567890123456', '+123', '',
    '+99912024999', '+10124999741', '+112024999741'],
  paymentType: ['Local', 'TollFree', 'Premium'],
  location: ['Washington, DC', '', 'Zürich 🇨🇭', '<b>x</b>'],
  type: ['VoiceFax', 'Voice', 'Fax', 'VoiceOnly', 'FaxOnly', 'SMS', 'voicefax'],
  usageType: ['ContactCenterNumber', 'DirectNumber', 'MainCompanyNumber', 'Weird'],
  status: ['Normal', 'Pending', 'Gone'],
  providerId: ['1', 1, '', 'abc'],
  providerName: ['InContact/North America', ''],
};
const OTHER_TYPES = [null, true, 7, [], {}];

const PATHS = {
  uuid: [], event: [], timestamp: [], subscriptionId: [], ownerId: [],
  eventType: ['body'],
  uri: ['body', 'phoneNumberInfo'], id: ['body', 'phoneNumberInfo'], phoneNumber: ['body', 'phoneNumberInfo'],
  paymentType: ['body', 'phoneNumberInfo'], location: ['body', 'phoneNumberInfo'], type: ['body', 'phoneNumberInfo'],
  usageType: ['body', 'phoneNumberInfo'], status: ['body', 'phoneNumberInfo'],
  providerId: ['body', 'phoneNumberInfo', 'contactCenterProvider'],
  providerName: ['body', 'phoneNumberInfo', 'contactCenterProvider'],
};
const KEY = { providerId: 'id', providerName: 'name' };

function generate(rand) {
  const obj = structuredClone(BASE);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const mutations = Math.floor(rand() * 4);
  for (let m = 0; m < mutations; m++) {
    const field = pick(Object.keys(PATHS));
    let parent = obj;
    for (const step of PATHS[field]) {
      if (parent[step] === null || typeof parent[step] !== 'object' || Array.isArray(parent[step])) {
        parent = null;
        break;
      }
      parent = parent[step];
    }
    if (!parent) continue;
    const key = KEY[field] ?? field;
    const r = rand();
    if (r < 0.7) parent[key] = pick(POOLS[field]);
    else if (r < 0.8) delete parent[key];
    else if (r < 0.9) parent[key] = pick(OTHER_TYPES);
    else parent[`extra${Math.floor(rand() * 3)}`] = pick(OTHER_TYPES);
  }
  if (rand() < 0.05) obj.body.phoneNumberInfo = pick(OTHER_TYPES);
  if (rand() < 0.05) obj.body = pick(OTHER_TYPES);
  return obj;
}

const digitsOf = (v) => (typeof v === 'number' ? String(v) : v);
const info = (o) => o?.body?.phoneNumberInfo;

/** Rules the schema cannot express, each with a test that tells whether it is at play. */
const DELIBERATE = [
  {
    reason: 'uri-mismatch: the phone-number id in `uri` must equal `id` (a cross-field equality)',
    applies: (o) => {
      const i = info(o);
      const m = typeof i?.uri === 'string' && i.uri.match(/phone-number\/([0-9]+)$/);
      return Boolean(m) && m[1] !== digitsOf(i.id);
    },
  },
  {
    reason: 'uri-mismatch: the account in `uri` must equal the account in `event` (a cross-field equality)',
    applies: (o) => {
      const m = typeof info(o)?.uri === 'string' && info(o).uri.match(/account\/([0-9]+)\/phone-number\//);
      const e = typeof o.event === 'string' && o.event.match(/account\/([0-9]+)\//);
      return Boolean(m && e) && m[1] !== e[1];
    },
  },
  {
    reason: 'invalid-timestamp: the date must exist (2023-02-30 matches any reasonable pattern)',
    applies: (o) => o.timestamp === '2023-02-30T10:00:00Z',
  },
  {
    reason: 'invalid-timestamp: a leap second only on the 27 days IERS inserted one (a table)',
    applies: (o) => o.timestamp === '2023-12-31T23:59:60Z',
  },
  {
    reason: 'unassigned-country-code: the country calling codes ITU-T assigned (a table)',
    applies: (o) => info(o)?.phoneNumber === '+99912024999',
  },
];

test('the package and the JSON Schema agree on valid/invalid, except for the listed rules', () => {
  const rand = prng(20260106);
  const N = 3000;
  const seen = new Map();
  let agree = 0;
  let valid = 0;
  const unexplained = [];
  for (let n = 0; n < N; n++) {
    const obj = generate(rand);
    const text = JSON.stringify(obj, null, n % 2 ? 2 : 0);
    const ours = validate(text).valid;
    const theirs = schemaValid(obj);
    if (ours) valid++;
    if (ours === theirs) {
      agree++;
      continue;
    }
    const why = DELIBERATE.find((d) => d.applies(obj));
    if (why && !ours && theirs) {
      seen.set(why.reason, (seen.get(why.reason) ?? 0) + 1);
    } else {
      unexplained.push({ ours, theirs, errors: validate(text).errors.map((e) => e.code), schema: schemaValid.errors, obj });
    }
  }
  console.log(
    `differential: ${N} notifications, ${valid} valid, ${agree} agree; deliberate disagreements: ` +
      JSON.stringify(Object.fromEntries(seen)),
  );
  assert.deepEqual(unexplained.slice(0, 3).map((u) => JSON.stringify(u)), [], `${unexplained.length} unexplained disagreements`);
  assert.ok(valid > N / 10 && valid < (N * 9) / 10, `a balanced sample: ${valid} valid`);
});

test('every deliberate disagreement is real: the schema accepts, the package refuses', () => {
  const uri = structuredClone(BASE);
  uri.body.phoneNumberInfo.uri = uri.body.phoneNumberInfo.uri.replace('987654321', '111');
  const account = structuredClone(BASE);
  account.body.phoneNumberInfo.uri = account.body.phoneNumberInfo.uri.replace('37439510', '999');
  const date = { ...structuredClone(BASE), timestamp: '2023-02-30T10:00:00Z' };
  const leap = { ...structuredClone(BASE), timestamp: '2023-12-31T23:59:60Z' };
  const country = structuredClone(BASE);
  country.body.phoneNumberInfo.phoneNumber = '+99912024999';
  for (const [obj, code] of [
    [uri, 'uri-mismatch'], [account, 'uri-mismatch'], [date, 'invalid-timestamp'], [leap, 'invalid-timestamp'],
    [country, 'unassigned-country-code'],
  ]) {
    assert.equal(schemaValid(obj), true);
    const r = validate(JSON.stringify(obj));
    assert.equal(r.valid, false);
    assert.equal(r.errors[0].code, code);
  }
});
