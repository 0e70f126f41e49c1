// Files larger than STREAM_FILE_BYTES are never read whole: the worker (or the in-page
// fallback) streams the File through the package's summarizeStream, reporting progress by
// bytes, and the page keeps only the summary. A 1 GB capture costs the summary's memory
// (uuids, timelines), not the capture's.
import { isLog } from './analyze.js';
import { renderReport } from './renderings.js';

/** Files larger than this are streamed (and shown as a read-only preview). */
export const STREAM_FILE_BYTES = 4 * 1024 * 1024;
/** A streamed file may hold this many items (summarize's default stops at a million). */
const MAX_FILE_ITEMS = 100_000_000;
/** Progress is reported at most this often. */
const PROGRESS_EVERY_MS = 100;

const isFile = (x) => typeof Blob === 'function' && x instanceof Blob;
export { isFile };

/**
 * What a check of `file` found, as analyze() returns it: a log's summary, streamed; or, for
 * one large payload, its report (the file is then read whole: validate takes at most 16 MiB).
 * `onProgress(bytes, total)` as the file is read.
 */
export async function analyzeFile(wasm, file, { strict = false } = {}, onProgress = () => {}) {
  const started = performance.now();
  let last = 0;
  const summary = await wasm.summarizeStream(file.stream(), {
    strict,
    maxItems: MAX_FILE_ITEMS,
    onProgress: ({ bytes }) => {
      const now = performance.now();
      if (now - last >= PROGRESS_EVERY_MS) {
        last = now;
        onProgress(bytes, file.size);
      }
    },
  });
  if (isLog(summary)) return { mode: 'log', report: null, summary, ms: performance.now() - started };
  const report = wasm.validate(new Uint8Array(await file.arrayBuffer()), { strict });
  return { mode: 'single', report, summary: null, ms: performance.now() - started };
}

/** The package's `format` rendering of what a check of `file` found in `mode`. */
export async function renderFile(wasm, file, { strict, mode, format }) {
  if (mode !== 'log') return renderReport(wasm, new Uint8Array(await file.arrayBuffer()), { strict, mode, format });
  const options = { strict, maxItems: MAX_FILE_ITEMS };
  if (format !== 'text') options[format] = true;
  const summary = await wasm.summarizeStream(file.stream(), options);
  return { text: summary[format], outputTruncated: summary.outputTruncated };
}
