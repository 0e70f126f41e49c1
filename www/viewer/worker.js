// Module worker: runs validate/summarize off the main thread so large inputs never
// freeze the page. Messages in: {id, op: 'check', input, strict} or
// {id, op: 'render', input, strict, mode, format, redact} or {id, op: 'reconcile', input,
// strict, lists: {after, before?, afterTime?, beforeTime?}}; `input` is text, bytes, or a File
// that is streamed (stream-file.js; reconcile reads it whole). Messages out: {type: 'ready'}
// once (or {type: 'failed', error} if the module cannot start), then per request any number of
// {type: 'progress', id, bytes, total} (a streamed file) and {type: 'part', id, key, items}
// (parts.js), and one {type: 'result', id, ok: true, result} or {type: 'result', id, ok: false,
// error: {name, message}}.
import init, { reconcile, summarize, summarizeStream, validate } from './wasm.js';
import { analyzeFile, isFile, renderFile } from './stream-file.js';
import { analyze } from './analyze.js';
import { postInParts } from './parts.js';
import { renderReport } from './renderings.js';

const ready = init().then(
  () => self.postMessage({ type: 'ready' }),
  (err) => {
    self.postMessage({ type: 'failed', error: String(err?.message ?? err) });
    throw err;
  },
);

self.onmessage = async (e) => {
  const { id, op, input, strict, mode, format, redact, lists } = e.data;
  try {
    await ready;
    const wasm = { summarize, summarizeStream, validate };
    if (op === 'reconcile') {
      const log = isFile(input) ? new Uint8Array(await input.arrayBuffer()) : input;
      self.postMessage({ type: 'result', id, ok: true, result: reconcile({ ...lists, log }, { strict }) });
    } else if (isFile(input)) {
      const progress = (bytes, total) => self.postMessage({ type: 'progress', id, bytes, total });
      const done = (result) => self.postMessage({ type: 'result', id, ok: true, result });
      if (op === 'render') done(await renderFile(wasm, input, { strict, mode, format, redact }));
      else postInParts(id, await analyzeFile(wasm, input, { strict }, progress), done);
    } else if (op === 'render') {
      self.postMessage({ type: 'result', id, ok: true, result: renderReport(wasm, input, { strict, mode, format, redact }) });
    } else {
      postInParts(id, analyze(wasm, input, { strict }), (result) => self.postMessage({ type: 'result', id, ok: true, result }));
    }
  } catch (err) {
    // The name tells the page what kind of failure it was: a RuntimeError is a trap in the
    // module (a fault of the validator), a TypeError or RangeError a refused argument.
    const error = { name: String(err?.name ?? 'Error'), message: String(err?.message ?? err) };
    self.postMessage({ type: 'result', id, ok: false, error });
  }
};
