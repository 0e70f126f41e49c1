// The Redact switch: reports copied or downloaded with phone numbers masked (`+1202•••9741`),
// for pasting into a ticket. The package masks them (its `redact` option) in the Text,
// Markdown and CSV reports; JSON carries the event's own values, so it is not offered redacted.
import { h } from './dom.js';

/** The switch, for the toolbar's report group: {label, input}. */
export function redactSwitch() {
  const input = h('input', { type: 'checkbox', id: 'redact' });
  const label = h('label', { class: 'switch', for: 'redact',
    title: 'Mask phone numbers in the copied or downloaded report (for a ticket)' },
    input, h('span', { text: 'Redact' }));
  return { label, input };
}

/** Why `format` cannot be exported redacted, or null when it can. */
export function notRedactable(format, redact) {
  return redact && format === 'json'
    ? 'The JSON report holds the event’s own values: choose Text, Markdown or CSV for a redacted report, or turn Redact off.'
    : null;
}

/** The key a rendering is kept under: redacted and plain renderings are different texts. */
export const renderingKey = (format, redact) => (redact ? `${format}+redact` : format);
