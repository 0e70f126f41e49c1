// Labels and lines the viewer shows, the export formats, and the JSON export. The Text,
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

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "Valid", "Invalid" and what kind of payload it is, in one line. */
export function verdictLine(report) {
  const kind = KIND_LABELS[report.kind] ?? report.kind;
  const head = report.valid ? 'Valid' : 'Invalid';
  const counts = `${plural(report.errors.length, 'error')}, ${plural(report.warnings.length, 'warning')}`;
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
