// Shared by worker.js and the in-page fallback: one call decides whether the input is
// one notification or a log of many, and returns what the viewer renders. No renderings
// here: the exports ask for them when wanted (renderings.js).

/**
 * @param {{validate: Function, summarize: Function}} wasm the initialised module
 * @param {string | Uint8Array} input
 * @param {{strict?: boolean}} options
 * @returns {{mode: 'single' | 'log', report: object | null, summary: object | null, ms: number}}
 */
export function analyze(wasm, input, { strict = false } = {}) {
  const started = performance.now();
  const summary = wasm.summarize(input, { strict });
  // Items that could not even be parsed (a trailing fragment after one payload, a comment
  // before it) don't make a log: a single payload with junk around it is reported as one.
  const malformed = summary.problems.filter((p) => p.index !== null && p.kind === 'malformed').length;
  const isLog = summary.events >= 3 || summary.events - malformed >= 2;
  if (isLog) {
    return { mode: 'log', report: null, summary, ms: performance.now() - started };
  }
  const report = wasm.validate(input, { strict });
  return { mode: 'single', report, summary: null, ms: performance.now() - started };
}
