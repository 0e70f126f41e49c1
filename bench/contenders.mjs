// The contenders, each a function of the same input (JSON text, or UTF-8 bytes for the
// package's byte entry point) returning { valid, issues, change }-shaped work.
//
// Single notifications: text in -> verdict, located issues, change record out.
// Logs: whole NDJSON text in -> counts by eventType, Map number -> last effect (keyed by
// account + number id, as summarize() keys its timelines, so the counts can be compared).

import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { changeOf, effectOf } from './change.mjs';
import { jsonSchema } from './schema.mjs';
import { makeZodSchema } from './zod-schema.mjs';

export async function loadPackage() {
  return import('cc-number-events');
}

export function makeAjv() {
  const ajv = new Ajv({ allErrors: true });
  addFormats(ajv, ['date-time']);
  return ajv.compile(jsonSchema);
}

/** Single-notification contenders; every one returns { valid, issues, change }. */
export async function singleContenders() {
  const pkg = await loadPackage();
  // The validate-only module (issue #12), which a webhook handler loads instead.
  const small = await import('cc-number-events/validate');
  const ajvValidate = makeAjv();
  const zodSchema = makeZodSchema();
  return {
    pkg,
    // This package: string in (UTF-16 -> UTF-8 copy into wasm memory in the glue).
    'cc-number-events validate(string)': (text) => {
      const r = pkg.validate(text);
      return { valid: r.valid, issues: r.errors, change: r.change };
    },
    'cc-number-events/validate validate(string)': (text) => {
      const r = small.validate(text);
      return { valid: r.valid, issues: r.errors, change: r.change };
    },
    // This package: UTF-8 bytes in (pre-encoded once, outside the timed loop).
    'cc-number-events validate(bytes)': (bytes) => {
      const r = pkg.validate(bytes);
      return { valid: r.valid, issues: r.errors, change: r.change };
    },
    // ajv: JSON.parse + compiled schema + JS change record. Issues are ajv's errors
    // (instancePath + message, no line/column).
    // Already-parsed objects (`express.json()`'s req.body), parsed once outside the timed
    // loop: the object route, the work-around it replaces, and ajv on the same objects.
    'cc-number-events validate(object)': (doc) => {
      const r = pkg.validate(doc);
      return { valid: r.valid, issues: r.errors, change: r.change };
    },
    'cc-number-events validate(JSON.stringify(object))': (doc) => {
      const r = pkg.validate(JSON.stringify(doc));
      return { valid: r.valid, issues: r.errors, change: r.change };
    },
    'ajv 8 (validate+change, object)': (doc) => {
      if (ajvValidate(doc)) return { valid: true, issues: [], change: changeOf(doc) };
      return { valid: false, issues: ajvValidate.errors, change: undefined };
    },
    'ajv 8 (JSON.parse+validate+change)': (text) => {
      let doc;
      try {
        doc = JSON.parse(text);
      } catch (e) {
        return { valid: false, issues: [{ message: e.message }], change: undefined };
      }
      if (ajvValidate(doc)) return { valid: true, issues: [], change: changeOf(doc) };
      return { valid: false, issues: ajvValidate.errors, change: undefined };
    },
    'zod 4 (JSON.parse+safeParse+change)': (text) => {
      let doc;
      try {
        doc = JSON.parse(text);
      } catch (e) {
        return { valid: false, issues: [{ message: e.message }], change: undefined };
      }
      const r = zodSchema.safeParse(doc);
      if (r.success) return { valid: true, issues: [], change: changeOf(r.data) };
      return { valid: false, issues: r.error.issues, change: undefined };
    },
    // The floor: parsing alone, no validation, no change record.
    'JSON.parse alone (floor)': (text) => {
      JSON.parse(text);
      return null;
    },
  };
}

/**
 * The plain ajv loop of issue #12: what a user writes instead of this package, JSON.parse + the
 * compiled schema + a three-field summary (no change record, issues are ajv's errors as they
 * come). Not the same work as the package's: the floor a user compares against.
 */
export function plainAjv() {
  const ajvValidate = makeAjv();
  const single = (text) => {
    let doc;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      return { valid: false, issues: [{ message: e.message }] };
    }
    if (!ajvValidate(doc)) return { valid: false, issues: ajvValidate.errors };
    return { valid: true, issues: [], summary: threeFields(doc) };
  };
  // The same per line of an NDJSON log, the summaries counted by eventType.
  const log = (text) => {
    const byEventType = { Created: 0, Updated: 0, Deleted: 0 };
    let valid = 0;
    let invalid = 0;
    forEachLine(text, (line) => {
      const r = single(line);
      if (!r.valid) {
        invalid++;
        return;
      }
      valid++;
      byEventType[r.summary.eventType]++;
    });
    return { valid, invalid, byEventType };
  };
  return { single, log };
}

const threeFields = (doc) => ({
  eventType: doc.body.eventType,
  phoneNumber: doc.body.phoneNumberInfo.phoneNumber,
  id: doc.body.phoneNumberInfo.id,
});

/** Log contenders: whole NDJSON log in, an aggregate out. */
export async function logContenders() {
  const pkg = await loadPackage();
  const ajvValidate = makeAjv();
  const zodSchema = makeZodSchema();
  // Comparable JS work: per line parse + validate + change record, then counts by
  // eventType and number -> last effect.
  const loop = (check) => (text) => {
    const byEventType = { Created: 0, Updated: 0, Deleted: 0 };
    const last = new Map();
    let valid = 0;
    let invalid = 0;
    forEachLine(text, (line) => {
      let doc;
      try {
        doc = JSON.parse(line);
      } catch {
        invalid++;
        return;
      }
      const ok = check(doc);
      if (!ok) {
        invalid++;
        return;
      }
      valid++;
      const change = changeOf(ok);
      byEventType[doc.body.eventType]++;
      // summarize() groups by account, or by owner when the filter names no account ("~").
      const group = /^[0-9]+$/.test(change.accountId) ? change.accountId : `owner:${doc.ownerId}`;
      last.set(`${group}/${change.id}`, change.effect);
    });
    return { valid, invalid, byEventType, numbers: last.size };
  };
  return {
    pkg,
    'cc-number-events summarize(bytes)': (bytes) => {
      const s = pkg.summarize(bytes);
      // Not valid = every item that is not a valid event (summarize counts `other` kinds apart).
      return { valid: s.valid, invalid: s.events - s.valid, byEventType: s.byEventType, numbers: s.numbers.length };
    },
    'ajv 8 (split+parse+validate+change+agg)': loop((doc) => (ajvValidate(doc) ? doc : null)),
    'zod 4 (split+parse+safeParse+change+agg)': loop((doc) => {
      const r = zodSchema.safeParse(doc);
      return r.success ? r.data : null;
    }),
    'JSON.parse per line (floor)': (text) => {
      let lines = 0;
      forEachLine(text, (line) => {
        JSON.parse(line);
        lines++;
      });
      return { lines };
    },
  };
}

/** Calls `fn` with each non-blank line of an NDJSON text, as the JS contenders split logs. */
function forEachLine(text, fn) {
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    if (line.trim() !== '') fn(line);
  }
}

export { effectOf };
