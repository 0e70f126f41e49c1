// Text, Markdown, CSV and JSON renderings of what the viewer shows, for copy/download.

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

function issueLine(i) {
  return `${i.line}:${i.column} ${i.severity} ${i.code}: ${i.message}${i.hint ? `\n    hint: ${i.hint}` : ''}`;
}

const mdEscape = (s) => String(s ?? '').replace(/[\\`*_{}[\]<>|#]/g, '\\$&').replace(/\r?\n/g, ' ');

function csvCell(v) {
  const s = v === undefined || v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
const csvRow = (cells) => cells.map(csvCell).join(',');

const ISSUE_COLUMNS = ['severity', 'code', 'line', 'column', 'offset', 'length', 'path', 'message', 'hint'];

/** Renders one notification's report. */
function singleAs(format, report) {
  const issues = [...report.errors, ...report.warnings];
  switch (format) {
    case 'json':
      return JSON.stringify(report, null, 2) + '\n';
    case 'csv':
      return [csvRow(ISSUE_COLUMNS), ...issues.map((i) => csvRow(ISSUE_COLUMNS.map((c) => i[c])))].join('\r\n') + '\r\n';
    case 'markdown': {
      const out = ['# Contact Center phone-number event', '', `**${mdEscape(verdictLine(report))}**`, ''];
      if (report.change) out.push(mdEscape(report.change.sentence), '');
      if (issues.length) {
        out.push('| Severity | Line:Col | Code | Message | Hint |', '|---|---:|---|---|---|');
        for (const i of issues) {
          out.push(`| ${i.severity} | ${i.line}:${i.column} | \`${i.code}\` | ${mdEscape(i.message)} | ${mdEscape(i.hint)} |`);
        }
        out.push('');
      }
      if (report.event) {
        out.push('| Field | Value |', '|---|---|');
        for (const [k, v] of eventFields(report.event)) out.push(`| ${k} | ${mdEscape(v)} |`);
        out.push('');
      }
      return out.join('\n');
    }
    default: {
      const out = ['Contact Center phone-number event', verdictLine(report)];
      if (report.change) out.push(report.change.sentence);
      if (report.errors.length) out.push('', `Errors (${report.errors.length}):`, ...report.errors.map((i) => '  ' + issueLine(i)));
      if (report.warnings.length) out.push('', `Warnings (${report.warnings.length}):`, ...report.warnings.map((i) => '  ' + issueLine(i)));
      if (report.event) {
        out.push('', 'Fields:');
        for (const [k, v] of eventFields(report.event)) out.push(`  ${k}: ${v}`);
      }
      return out.join('\n') + '\n';
    }
  }
}

/** Renders a log's summary; Text, Markdown and CSV come from summarize() itself. */
function logAs(format, summary) {
  switch (format) {
    case 'json': {
      const { text, markdown, csv, ...rest } = summary;
      return JSON.stringify(rest, null, 2) + '\n';
    }
    case 'csv':
      return summary.csv ?? '';
    case 'markdown':
      return summary.markdown ?? summary.text;
    default:
      return summary.text;
  }
}

/** @param {'text'|'markdown'|'csv'|'json'} format @param {{mode, report, summary}} result */
export function render(format, result) {
  return result.mode === 'log' ? logAs(format, result.summary) : singleAs(format, result.report);
}
