// Placeholder page logic: load the wasm module and show validate()'s report.
// CSP-safe: ES module, no inline scripts, textContent only.
import init, { validate } from './pkg/cc_number_events.js';

const payload = document.getElementById('payload');
const output = document.getElementById('output');
const status = document.getElementById('status');
const button = document.getElementById('validate');

function show(value) {
  output.textContent = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

function run() {
  try {
    show(validate(payload.value));
    status.textContent = 'Checked.';
  } catch (err) {
    show(`Error: ${err && err.message ? err.message : String(err)}`);
    status.textContent = 'Failed.';
  }
}

try {
  await init();
  status.textContent = 'Ready.';
  button.addEventListener('click', run);
  let timer;
  payload.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, 150);
  });
  run();
} catch (err) {
  status.textContent = 'Could not load the WebAssembly module.';
  show(`Error: ${err && err.message ? err.message : String(err)}`);
}
