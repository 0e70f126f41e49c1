// The worker client: checks (and renders reports for) the viewer's text in a module worker, or on
// the main thread if no worker can start (e.g. the element's files are served from another
// origin than the portal). It knows nothing of text versions: the viewer decides whether a
// result is still the one to show.
import { Assembly } from './parts.js';
import { isFile } from './stream-file.js';

/** A run still busy on an input this large is abandoned (worker restarted) for a newer one. */
const RESTART_CHARS = 1_000_000;

const sizeOf = (input) => (typeof input === 'string' ? input.length : isFile(input) ? input.size : input.byteLength);

/** A check that failed: `superseded` when abandoned for a newer one, `name` as thrown. */
export class CheckError extends Error {
  constructor(name, message, { superseded = false } = {}) {
    super(message);
    this.name = name;
    this.superseded = superseded;
  }
}

export class WorkerClient {
  #worker = null;
  #seq = 0;
  /** id -> {message, parts, resolve, reject} for every request the worker has not answered. */
  #waiting = new Map();
  #inflightSize = 0;
  #inline = null;

  constructor() {
    this.#start();
  }

  /**
   * Checks `input` (text, bytes, or a File to stream, whose `onProgress(bytes, total)` is
   * called as it is read); an older run still busy on a large input is abandoned.
   */
  check(input, strict, onProgress) {
    if (this.#worker && this.#inflightSize >= RESTART_CHARS && this.#waiting.size > 0) {
      this.#restart({ resend: false });
    }
    return this.#request({ op: 'check', input, strict }, onProgress);
  }

  /** The package's own `format` rendering of what a check of `input` found in `mode`. */
  render(input, strict, mode, format, redact = false) {
    return this.#request({ op: 'render', input, strict, mode, format, redact });
  }

  /** The reconciliation of the log `input` against the phone-number `lists` (reconcile()). */
  reconcile(input, strict, lists) {
    return this.#request({ op: 'reconcile', input, strict, lists });
  }

  dispose() {
    this.#worker?.terminate();
    this.#worker = null;
  }

  #request(message, onProgress) {
    if (!this.#worker) return this.#runInline(message, onProgress);
    const id = ++this.#seq;
    this.#inflightSize = Math.max(this.#inflightSize, sizeOf(message.input));
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { message, onProgress, parts: new Assembly(), resolve, reject });
      this.#worker.postMessage({ id, ...message });
    });
  }

  #start() {
    try {
      // Written out as `new Worker(new URL('./worker.js', import.meta.url), …)`: the form
      // bundlers (Vite, webpack 5) recognise, to bundle the worker with the element.
      this.#worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'cc-event-viewer' });
    } catch {
      this.#worker = null;
      return;
    }
    const worker = this.#worker;
    worker.addEventListener('message', (e) => worker === this.#worker && this.#onMessage(e.data));
    worker.addEventListener('error', (e) => {
      // A module worker that cannot load reports here; fall back to the main thread.
      e.preventDefault?.();
      if (worker === this.#worker) this.#fallBack();
    });
  }

  /**
   * A fresh worker (and so a fresh instance of the module). Requests the old one still held
   * are sent again (`resend`), or rejected as superseded by the request about to be made.
   */
  #restart({ resend }) {
    this.#worker.terminate();
    const pending = [...this.#waiting.values()];
    this.#waiting.clear();
    this.#inflightSize = 0;
    this.#start();
    for (const p of pending) {
      if (resend) this.#request(p.message, p.onProgress).then(p.resolve, p.reject);
      else p.reject(new CheckError('Superseded', 'superseded by a newer check', { superseded: true }));
    }
  }

  #fallBack() {
    this.#worker?.terminate();
    this.#worker = null;
    const pending = [...this.#waiting.values()];
    this.#waiting.clear();
    for (const p of pending) this.#runInline(p.message, p.onProgress).then(p.resolve, p.reject);
  }

  #onMessage(msg) {
    if (msg.type === 'failed') return this.#fallBack();
    const p = this.#waiting.get(msg.id);
    if (!p) return;
    if (msg.type === 'part') return p.parts.add(msg.key, msg.items);
    if (msg.type === 'progress') return p.onProgress?.(msg.bytes, msg.total);
    if (msg.type !== 'result') return;
    this.#waiting.delete(msg.id);
    if (this.#waiting.size === 0) this.#inflightSize = 0;
    if (msg.ok) return p.resolve(p.parts.complete(msg.result));
    p.reject(new CheckError(msg.error.name, msg.error.message));
    // Whatever failed may have left the module's state broken: the next request gets a
    // fresh instance, and requests queued behind this one are sent to it.
    this.#restart({ resend: true });
  }

  async #runInline({ op, input, strict, mode, format, redact, lists }, onProgress) {
    if (!this.#inline) {
      this.#inline = (async () => {
        const [wasm, { analyze }, { renderReport }, file] = await Promise.all([
          import('./wasm.js'), import('./analyze.js'), import('./renderings.js'), import('./stream-file.js')]);
        await wasm.default();
        return { wasm, analyze, renderReport, file };
      })();
    }
    const { wasm, analyze, renderReport, file } = await this.#inline;
    try {
      if (op === 'reconcile') {
        // A log big enough to be streamed is read whole here: reconcile takes text or bytes.
        const log = isFile(input) ? new Uint8Array(await input.arrayBuffer()) : input;
        return wasm.reconcile({ ...lists, log }, { strict });
      }
      if (isFile(input)) {
        return await (op === 'render'
          ? file.renderFile(wasm, input, { strict, mode, format, redact })
          : file.analyzeFile(wasm, input, { strict }, onProgress));
      }
      return op === 'render' ? renderReport(wasm, input, { strict, mode, format, redact }) : analyze(wasm, input, { strict });
    } catch (err) {
      throw new CheckError(String(err?.name ?? 'Error'), String(err?.message ?? err));
    }
  }
}
