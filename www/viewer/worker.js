// Module worker: runs validate/summarize off the main thread so large inputs never
// freeze the page. Messages in: {id, op: 'check', input, strict} or
// {id, op: 'render', input, strict, mode, format} or {id, op: 'reconcile', input, strict,
// lists: {after, before?, afterTime?, beforeTime?}}. Messages out: {type: 'ready'} once (or
// {type: 'failed', error} if the module cannot start), then per request any number of
// {type: 'part', id, key, items} (parts.js) and one {type: 'result', id, ok: true, result}
// or {type: 'result', id, ok: false, error: {name, message}}.
import init, { reconcile, summarize, validate } from './wasm.js';
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
  const { id, op, input, strict, mode, format, lists } = e.data;
  try {
    await ready;
    const wasm = { summarize, validate };
    if (op === 'reconcile') {
      self.postMessage({ type: 'result', id, ok: true, result: reconcile({ ...lists, log: input }, { strict }) });
    } else if (op === 'render') {
      self.postMessage({ type: 'result', id, ok: true, result: renderReport(wasm, input, { strict, mode, format }) });
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
