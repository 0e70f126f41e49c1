// The hostile-input catalog (tests/hostile/catalog.json; its format is documented in
// tests/hostile.rs) as JavaScript inputs, for tests/js/hostile.test.mjs and
// tests/js/bounds.test.mjs.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

export const catalog = JSON.parse(readFileSync(new URL('../hostile/catalog.json', import.meta.url), 'utf8'));
export const enc = new TextEncoder();

export const hex = (h) => Uint8Array.from(h.match(/../g) ?? [], (b) => parseInt(b, 16));
const utf16 = (s, little) => {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[2 * i + (little ? 0 : 1)] = c & 0xff;
    out[2 * i + (little ? 1 : 0)] = c >> 8;
  }
  return out;
};
export const concatBytes = (arrays) => {
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
};

/** One part as a string when it is text, else as bytes. */
function build(part) {
  if (typeof part === 'string') return part;
  if ('repeat' in part) return part.repeat.repeat(part.times);
  if ('hex' in part) return hex(part.hex);
  if ('repeatHex' in part) {
    const one = hex(part.repeatHex);
    return concatBytes(Array.from({ length: part.times }, () => one));
  }
  if ('utf16le' in part) return utf16(part.utf16le, true);
  if ('utf16be' in part) return utf16(part.utf16be, false);
  let text = catalog.bases[part.valid];
  for (const [from, to] of part.replace ?? []) {
    assert.ok(text.includes(from), from);
    text = text.replace(from, () => to);
  }
  if (part.splice) {
    const { at, repeat, times, numbered } = part.splice;
    const filler = numbered
      ? Array.from({ length: times }, (_, i) => repeat.replaceAll('#', String(i))).join('')
      : repeat.repeat(times);
    const i = text.indexOf(at);
    return text.slice(0, i) + filler + text.slice(i + at.length);
  }
  if (part.spliceHex) {
    const i = text.indexOf(part.spliceHex.at);
    return concatBytes([
      enc.encode(text.slice(0, i)),
      hex(part.spliceHex.hex),
      enc.encode(text.slice(i + part.spliceHex.at.length)),
    ]);
  }
  return text;
}

/** The input of a case as a JS string, or a Uint8Array when a part is bytes or `as` says so. */
export function inputOf(c) {
  const parts = c.input.map(build);
  if (c.as !== 'bytes' && parts.every((p) => typeof p === 'string')) return parts.join('');
  return concatBytes(parts.map((p) => (typeof p === 'string' ? enc.encode(p) : p)));
}

/** A `scale` case's log of `n` items: the item's parts, `#` replaced by the six-digit index. */
export function scaled(c, n) {
  const item = c.scale.item.map(build).join('');
  const separator = c.scale.separator ?? '\n';
  const out = new Array(n);
  for (let i = 0; i < n; i++) out[i] = item.replaceAll('#', String(i).padStart(6, '0')) + separator;
  return out.join('');
}
