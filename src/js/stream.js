// createSummarizer and summarizeStream. scripts/package.mjs appends this file to the web glue
// after `__ccneS`, and makes it Node's pkg/node/stream.cjs, a function of `__ccneS`: the
// module's summarizer exports (src/js/stream.rs), each guarded against traps, and
// `instance()`, the module's current instance (a new one after a trap). It gives the glue the
// two functions. Plain declarations only, so that one text works in both.

// Bytes (or UTF-16 units) crossing into WebAssembly memory at once: a 1 GB Buffer is read in
// slices, never copied whole.
const __ccneSlice = 16 << 20;

const __ccneOpen = typeof FinalizationRegistry === 'function'
  ? new FinalizationRegistry(({ handle, instance }) => {
    // A summarizer dropped without finish() or free(): its memory goes back to the module.
    if (__ccneS.instance() === instance) {
      try {
        __ccneS.free(handle);
      } catch {
        // The module is being replaced; nothing to give back.
      }
    }
  })
  : null;

function __ccneIsArrayBuffer(x) {
  try {
    // Of any realm (an iframe, node:vm), as the other exports accept.
    return Object.prototype.toString.call(x) === '[object ArrayBuffer]' ||
      Object.prototype.toString.call(x) === '[object SharedArrayBuffer]';
  } catch {
    return false;
  }
}

// A chunk as the module reads it: a string, or a Uint8Array over the bytes of any view.
function __ccneChunk(chunk) {
  if (typeof chunk === 'string') return chunk;
  if (__ccneIsArrayBuffer(chunk)) return new Uint8Array(chunk);
  if (ArrayBuffer.isView(chunk)) {
    return chunk instanceof Uint8Array ? chunk : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  }
  throw new TypeError(
    `push(chunk): a chunk must be a string, a Uint8Array (a Buffer) or an ArrayBuffer, not ${chunk === null ? 'null' : typeof chunk}`,
  );
}

function __ccneTrap(e) {
  try {
    return e instanceof WebAssembly.RuntimeError;
  } catch {
    return false;
  }
}

function createSummarizer(options) {
  // Options are read (and refused with a TypeError or RangeError) as summarize reads them.
  const handle = __ccneS.create(options);
  const instance = __ccneS.instance();
  // 0 reading, 1 finished or freed, 2 lost: the module trapped and was replaced.
  let state = 0;
  let bytes = 0;
  let reason = '';
  // A string chunk's last UTF-16 unit when it is the first half of a pair: it waits for the
  // next chunk, whose first unit may be the other half.
  let high = '';
  const send = (part) => {
    if (state === 0 && __ccneS.instance() !== instance) {
      state = 2;
      reason = 'the WebAssembly module was replaced after another call trapped';
    }
    if (state === 2) return;
    try {
      bytes = __ccneS.push(handle, part);
    } catch (e) {
      if (!__ccneTrap(e)) throw e;
      state = 2;
      reason = String(e.message);
    }
  };
  const close = () => {
    if (__ccneOpen) __ccneOpen.unregister(summarizer);
  };
  const summarizer = {
    /** Reads the next chunk of the log: a string, a Uint8Array (a Buffer) or an ArrayBuffer. */
    push(chunk) {
      if (state === 1) throw new Error('push() after finish() or free(): this summarizer is closed');
      const part = __ccneChunk(chunk);
      if (typeof part === 'string') {
        let text = high + part;
        high = '';
        const last = text.charCodeAt(text.length - 1);
        if (last >= 0xd800 && last <= 0xdbff) {
          high = text.slice(-1);
          text = text.slice(0, -1);
        }
        for (let i = 0; i < text.length;) {
          let end = Math.min(i + __ccneSlice, text.length);
          const unit = text.charCodeAt(end - 1);
          if (end < text.length && unit >= 0xd800 && unit <= 0xdbff) end -= 1;
          send(text.slice(i, end));
          i = end;
        }
      } else {
        if (high) {
          send(high);
          high = '';
        }
        for (let i = 0; i < part.length; i += __ccneSlice) send(part.subarray(i, i + __ccneSlice));
      }
    },
    /** The summary of everything pushed; the summarizer's memory is given back. */
    finish() {
      if (state === 1) throw new Error('finish() after finish() or free(): this summarizer is closed');
      if (high) {
        send(high);
        high = '';
      }
      const lost = state === 2 || __ccneS.instance() !== instance;
      state = 1;
      close();
      if (!lost) {
        try {
          return __ccneS.finish(handle);
        } catch (e) {
          if (!__ccneTrap(e)) throw e;
          reason = String(e.message);
        }
      }
      return __ccneS.lost(bytes, reason || 'the WebAssembly module was replaced after another call trapped');
    },
    /** Gives the summarizer's memory back without a summary (after an error, say). */
    free() {
      if (state === 1) return;
      const mine = state === 0 && __ccneS.instance() === instance;
      state = 1;
      close();
      if (mine) __ccneS.free(handle);
    },
    /** Bytes read so far (a string's as UTF-8). */
    get bytes() {
      return bytes;
    },
  };
  if (__ccneOpen) __ccneOpen.register(summarizer, { handle, instance }, summarizer);
  return summarizer;
}

// The options of summarizeStream: summarize's, and `onProgress`, taken out here (each own
// property read once).
function __ccneStreamOptions(options) {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    return { rest: options, onProgress: undefined };
  }
  let keys;
  try {
    keys = Object.keys(options);
  } catch {
    throw new TypeError('options could not be read: listing its keys threw (a Proxy trap?)');
  }
  if (!keys.includes('onProgress')) return { rest: options, onProgress: undefined };
  const rest = {};
  let onProgress;
  for (const key of keys) {
    let value;
    try {
      value = options[key];
    } catch {
      throw new TypeError(`options.${key} could not be read: reading it threw`);
    }
    if (key === 'onProgress') onProgress = value;
    else rest[key] = value;
  }
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    throw new TypeError(`options.onProgress must be a function, not ${onProgress === null ? 'null' : typeof onProgress}`);
  }
  return { rest, onProgress };
}

async function summarizeStream(source, options) {
  const { rest, onProgress } = __ccneStreamOptions(options);
  const summarizer = createSummarizer(rest);
  try {
    const take = (chunk) => {
      summarizer.push(chunk);
      if (onProgress) onProgress({ bytes: summarizer.bytes });
    };
    if (source !== null && typeof source === 'object' && typeof source.getReader === 'function') {
      // A web ReadableStream: its reader, which every engine has (async iteration of the
      // stream itself is newer).
      const reader = source.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          take(value);
        }
      } finally {
        reader.releaseLock();
      }
    } else if (
      source !== null && typeof source === 'object' &&
      (typeof source[Symbol.asyncIterator] === 'function' || typeof source[Symbol.iterator] === 'function')
    ) {
      // A Node Readable, an async generator, an array of chunks...
      for await (const chunk of source) take(chunk);
    } else {
      throw new TypeError(
        'summarizeStream(source): source must be a Node Readable, a web ReadableStream or an (async) iterable of chunks',
      );
    }
    return summarizer.finish();
  } catch (e) {
    summarizer.free();
    throw e;
  }
}
