// Text, Markdown and CSV reports come from the package itself (escaped and defused in Rust),
// asked for only when the user exports: rendering a 24 MB log's Markdown and CSV made its
// check about a quarter slower (median 391 ms -> 496 ms in Node), for reports seldom wanted.

/**
 * @param {{validate: Function, summarize: Function}} wasm the initialised module
 * @param {string | Uint8Array} input what was checked
 * @param {{strict: boolean, mode: 'single' | 'log', format: 'text' | 'markdown' | 'csv'}} options
 * @returns {{text: string, outputTruncated: boolean}}
 */
export function renderReport(wasm, input, { strict, mode, format }) {
  if (mode === 'log') {
    // summarize() always renders text; Markdown and CSV are asked for by name.
    const summary = wasm.summarize(input, format === 'text' ? { strict } : { strict, [format]: true });
    return { text: summary[format], outputTruncated: summary.outputTruncated };
  }
  const report = wasm.validate(input, { strict, [format]: true });
  return { text: report[format], outputTruncated: false };
}
