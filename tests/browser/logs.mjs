// Generated logs for the browser tests: valid NDJSON of a chosen shape and size, built from
// the same notification the page's examples use, so every item is valid unless a test breaks it.

const FILTER = (account) => `/restapi/v1.0/account/${account}/phone-number?usageType=ContactCenterNumber`;
const URI = (account, id) => `https://platform.ringcentral.com/restapi/v1.0/account/${account}/phone-number/${id}`;

/** One valid notification as a line of NDJSON. */
export function item({ i, account = '37439510', id = String(900000000 + i), phone, eventType = 'Created', location = 'Washington, DC', status = 'Normal', seconds = i }) {
  const time = new Date(Date.UTC(2023, 3, 18) + seconds * 1000).toISOString();
  return JSON.stringify({
    uuid: String(2661273919700000000n + BigInt(i)),
    event: FILTER(account),
    timestamp: time,
    subscriptionId: '9d38419f-645f-4ee3-a053-8cf1368c21c4',
    ownerId: '8475874957',
    body: {
      eventType,
      phoneNumberInfo: {
        uri: URI(account, id),
        id,
        phoneNumber: phone ?? `+1202${String(i % 10_000_000).padStart(7, '0')}`,
        usageType: 'ContactCenterNumber',
        paymentType: 'Local',
        location,
        type: 'VoiceFax',
        status,
        contactCenterProvider: { id: '1', name: 'InContact/North America' },
      },
    },
  });
}

/** `n` valid items, each on its own account: `n` groups, `n` numbers. */
export function perAccountLog(n) {
  const lines = [];
  for (let i = 0; i < n; i++) lines.push(item({ i, account: String(10_000_000 + i) }));
  return lines.join('\n') + '\n';
}

/** Valid items on one account spread over `numbers` numbers, until the log is `bytes` long. */
export function sizedLog(bytes, numbers = 200) {
  const lines = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const n = i % numbers;
    const l = item({ i, id: String(900000000 + n), phone: `+1202${String(n).padStart(7, '0')}`, eventType: i < numbers ? 'Created' : 'Updated' });
    lines.push(l);
    size += l.length + 1;
  }
  return lines.join('\n') + '\n';
}

/**
 * `numbers` numbers each updated `times` times, every update swapping `location` and `status`
 * for a different free text of `fieldBytes`: a valid log whose timelines would repeat those
 * texts far past any output limit.
 */
export function freeTextLog({ numbers = 4, times = 30, fieldBytes = 100 * 1024 }) {
  const lines = [];
  let i = 0;
  for (let t = 0; t < times; t++) {
    for (let n = 0; n < numbers; n++, i++) {
      const filler = (tag) => `${tag} ${t}/${n} `.padEnd(fieldBytes, String.fromCharCode(97 + ((t + n) % 26)));
      lines.push(item({ i, id: String(900000000 + n), phone: `+1202${String(n).padStart(7, '0')}`,
        eventType: t === 0 ? 'Created' : 'Updated', location: filler('location'), status: filler('status') }));
    }
  }
  return lines.join('\n') + '\n';
}
