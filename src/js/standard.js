// Standard Schema v1 (https://standardschema.dev) and the JSON Schema export. Not a
// wasm-bindgen snippet: scripts/package.mjs appends this file to both glues, with `__ccneApi`
// bound to the guarded exports and `__ccneJsonSchemaText(strict)` to the text of one of
// schema/*.json (which Rust's `json_schema()` writes).

// A JSON Pointer's segments as a Standard Schema path: "~1" and "~0" unescaped, and digits
// as numbers (an array index; for an object's member "0", obj[0] is obj["0"]).
function pointerPath(pointer) {
  if (!pointer) return [];
  return pointer.slice(1).split('/').map((s) => {
    const key = s.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^(0|[1-9][0-9]{0,8})$/.test(key) ? Number(key) : key;
  });
}

// A validator implementing Standard Schema v1: tRPC, Hono's validator, TanStack Form and the
// others take it as it is. `value` is the normalised event (what parse() returns); the issues
// are the report's errors, with their codes. Options are validate()'s (strict, limits), read
// at the first call: a wrong one is thrown there, as validate() throws it.
export function standardSchema(options) {
  const opts = options === undefined || options === null ? undefined : { ...options };
  let checked = false;
  const validate = (value) => {
    if (!checked) {
      __ccneApi.validate('', opts);
      checked = true;
    }
    let report;
    try {
      report = __ccneApi.validate(value, opts);
    } catch (e) {
      // A value validate() cannot read (a BigInt, a cycle, a number): an issue, not a throw.
      return { issues: [{ message: String(e && e.message), path: [] }] };
    }
    if (report.valid) return { value: report.event };
    return {
      issues: report.errors.map((e) => ({ message: e.message, path: pointerPath(e.path), code: e.code })),
    };
  };
  return { '~standard': { version: 1, vendor: 'cc-number-events', validate } };
}

// The default-options validator, ready to pass to a framework.
export const notificationSchema = standardSchema();

// The JSON Schema (draft 2020-12) of a notification validate() finds valid: `strict: true`
// for the strict options' schema. A fresh object each call.
export function jsonSchema(options) {
  let strict = false;
  if (options !== undefined && options !== null) {
    if (typeof options !== 'object') throw new TypeError('jsonSchema: `options` must be an object');
    for (const key of Object.keys(options)) {
      if (key !== 'strict') throw new TypeError(`jsonSchema: unknown option \`${key}\` (the only one is \`strict\`)`);
    }
    if (options.strict !== undefined && typeof options.strict !== 'boolean') {
      throw new TypeError('jsonSchema: `strict` must be a boolean');
    }
    strict = options.strict === true;
  }
  return JSON.parse(__ccneJsonSchemaText(strict));
}
