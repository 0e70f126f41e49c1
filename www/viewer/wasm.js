// The one place the element names the package's web build (its ES module glue, which finds
// the .wasm next to itself): the worker and the main-thread fallback both load it from here.
export { default, reconcile, summarize, summarizeStream, validate } from '../pkg/cc_number_events.js';
