// Module worker: runs validate/summarize off the main thread so large inputs never
// freeze the page. Messages in: {id, input: string | Uint8Array, strict}.
// Messages out: {type: 'ready'} once, then {id, ok: true, result} or {id, ok: false, error}.
import init, { summarize, validate } from './pkg/cc_number_events.js';
import { analyze } from './analyze.js';

const ready = init().then(
  () => self.postMessage({ type: 'ready' }),
  (err) => {
    self.postMessage({ type: 'failed', error: String(err?.message ?? err) });
    throw err;
  },
);

self.onmessage = async (e) => {
  const { id, input, strict } = e.data;
  try {
    await ready;
    const result = analyze({ summarize, validate }, input, { strict });
    self.postMessage({ type: 'result', id, ok: true, result });
  } catch (err) {
    self.postMessage({ type: 'result', id, ok: false, error: String(err?.message ?? err) });
  }
};
