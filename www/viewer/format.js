// Labels and lines the viewer shows, the export formats, the JSON export, and the small
// text helpers (counts, sizes, times) its views share. The Text,
// Markdown and CSV exports are the package's own renderings (renderings.js): escaping and
// formula defusing live in one place, in Rust, and not again here.

export const KIND_LABELS = {
  contactCenterPhoneNumber: 'Contact Center phone-number event',
  subscriptionRenewal: 'subscription renewal reminder',
  otherEvent: 'notification of another event',
  validationRequest: 'WebHook validation request (empty body)',
  notANotification: 'not a notification',
  malformed: 'malformed JSON',
};

export const DELIVERY_LABELS = {
  webhook: 'WebHook body',
  websocket: 'WebSocket frame',
  apns: 'APNS wrapper',
  bodyOnly: 'body only (no envelope)',
  unknown: 'unknown delivery',
};

export const EFFECT_LABELS = {
  added: 'added',
  removed: 'removed',
  convertedIn: 'converted in',
  reassignedAway: 'reassigned away',
  updated: 'updated',
};

export const FORMATS = {
  text: { label: 'Text', ext: 'txt', mime: 'text/plain' },
  markdown: { label: 'Markdown', ext: 'md', mime: 'text/markdown' },
  csv: { label: 'CSV', ext: 'csv', mime: 'text/csv' },
  json: { label: 'JSON', ext: 'json', mime: 'application/json' },
};

const plainPlural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "Valid", "Invalid" and what kind of payload it is, in one line. */
export function verdictLine(report) {
  const kind = KIND_LABELS[report.kind] ?? report.kind;
  const head = report.valid ? 'Valid' : 'Invalid';
  const counts = `${plainPlural(report.errors.length, 'error')}, ${plainPlural(report.warnings.length, 'warning')}`;
  const delivery = report.delivery !== 'unknown' ? ` (${DELIVERY_LABELS[report.delivery] ?? report.delivery})` : '';
  return `${head}: ${kind}${delivery}; ${counts}`;
}

/** [label, value] pairs of a valid event, for the fields table. */
export function eventFields(event) {
  const info = event.body.phoneNumberInfo;
  const rows = [
    ['Event type', event.body.eventType],
    ['Phone number', info.phoneNumber],
    ['Number id', info.id],
    ['Account', event.accountId],
    ['Owner (extension)', event.ownerId],
    ['Time (UTC)', event.time],
    ['Timestamp (as sent)', event.timestamp],
    ['Type', info.type],
    ['Usage type', info.usageType],
    ['Payment type', info.paymentType],
    ['Status', info.status],
    ['Location', info.location],
    ['Provider', info.contactCenterProvider && [info.contactCenterProvider.name, info.contactCenterProvider.id && `id ${info.contactCenterProvider.id}`].filter(Boolean).join(', ')],
    ['URI', info.uri],
    ['Notification uuid', event.uuid],
    ['Subscription', event.subscriptionId],
    ['Event filter', event.event],
  ];
  return rows.filter(([, v]) => v !== undefined && v !== null && v !== '');
}

/** The JSON export: the report, or the summary without its text renderings. */
export function asJson(result) {
  if (result.mode !== 'log') return JSON.stringify(result.report, null, 2) + '\n';
  const { text, markdown, csv, ...rest } = result.summary;
  return JSON.stringify(rest, null, 2) + '\n';
}

/** Free text (a location, a status) longer than this is shown cut, with its length. */
const MAX_SHOWN_CHARS = 160;

/** "1,234 items": a count with its noun, grouped as people read it. */
export const plural = (n, word, many = word + 's') => `${n.toLocaleString('en-US')} ${n === 1 ? word : many}`;

export function formatBytes(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Free text cut to MAX_SHOWN_CHARS for display, saying how long it was. */
export const shown = (text) =>
  text.length > MAX_SHOWN_CHARS ? `${text.slice(0, MAX_SHOWN_CHARS)}… (${plural(text.length, 'character')})` : text;

/** An ISO 8601 UTC instant as "2023-04-18 20:25:24". */
export const shortTime = (iso) => iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, '');
