// receive(): the WebHook receiver's answer, for any framework. Not a wasm-bindgen snippet:
// scripts/package.mjs appends this file to both glues (CommonJS for Node, ES module for the
// web), after the exports are guarded, with `__ccneApi` bound to the guarded exports. This
// file only adapts requests: what to answer is decided by `receiveDecision` (Rust's
// `cc_number_events::receive`, src/api/receive.rs), so Rust and JavaScript answer alike.

const DEFAULT_MAX_INPUT_BYTES = 16777216;
const DEFAULT_REPLAY_CAPACITY = 10000;

// An in-memory replay store: the last `capacity` uuids, least recently seen evicted first
// (Rust's `RecentUuids`). A Map keeps insertion order: a uuid seen again is moved to the end.
export function createReplayStore(capacity) {
  if (capacity === undefined) capacity = DEFAULT_REPLAY_CAPACITY;
  if (typeof capacity !== 'number') throw new TypeError('createReplayStore: `capacity` must be a number');
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new RangeError('createReplayStore: `capacity` must be a whole number of at least 1');
  }
  const seen = new Map();
  return {
    has(uuid) {
      if (!seen.has(uuid)) return false;
      seen.delete(uuid);
      seen.set(uuid, true);
      return true;
    },
    add(uuid) {
      seen.delete(uuid);
      seen.set(uuid, true);
      while (seen.size > capacity) seen.delete(seen.keys().next().value);
    },
    get size() {
      return seen.size;
    },
  };
}

let defaultReplayStore;

// The options: `verificationToken` and `store` read here, each once; the rest is validate()'s
// and read by Rust as validate()'s are. Wrong types are thrown, as validate() throws them.
function receiveOptions(options) {
  if (options === undefined || options === null) return { token: undefined, store: undefined, rest: options };
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError('receive: `options` must be an object');
  }
  const rest = {};
  let token, store, storeGiven = false;
  for (const key of Object.keys(options)) {
    const value = options[key];
    if (key === 'verificationToken') token = value;
    else if (key === 'store') { store = value; storeGiven = true; }
    else rest[key] = value;
  }
  if (token !== undefined && token !== null) {
    if (typeof token !== 'string') throw new TypeError('receive: `verificationToken` must be a string');
    if (token.length === 0) throw new RangeError('receive: `verificationToken` must not be empty (leave it out to accept any sender)');
  } else token = undefined;
  if (storeGiven && store !== undefined) {
    if (store === false || store === null) store = null;
    else if (typeof store !== 'object' || typeof store.has !== 'function' || typeof store.add !== 'function') {
      throw new TypeError('receive: `store` must be an object with `has(uuid)` and `add(uuid)` methods, or false');
    }
  } else store = undefined;
  return { token, store, rest };
}

// The headers as a flat list of names and values, whatever holds them: a Headers (web), a
// Map, an array of pairs, or Node's object (values a string, or an array of strings).
function headerList(headers) {
  const out = [];
  const add = (name, value) => {
    if (Array.isArray(value)) value = value.join(', ');
    if (value === undefined || value === null) return;
    out.push(String(name), String(value));
  };
  if (headers === undefined || headers === null) return out;
  if (typeof headers !== 'object') return out;
  if (typeof headers.forEach === 'function' && typeof headers.get === 'function') {
    headers.forEach((value, name) => add(name, value));
  } else if (Array.isArray(headers)) {
    for (const pair of headers) if (Array.isArray(pair) && pair.length >= 2) add(pair[0], pair[1]);
  } else {
    for (const name of Object.keys(headers)) add(name, headers[name]);
  }
  return out;
}

function isWebRequest(r) {
  return typeof r.arrayBuffer === 'function' && r.headers !== null && typeof r.headers === 'object' &&
    typeof r.headers.get === 'function';
}

// At most `limit` bytes of a stream of chunks (strings or bytes): one more than `limit` tells
// validate() the body is too large without holding it all.
async function readChunks(iterable, limit, cancel) {
  const chunks = [];
  let size = 0;
  const encoder = new TextEncoder();
  for await (let chunk of iterable) {
    if (typeof chunk === 'string') chunk = encoder.encode(chunk);
    else if (!(chunk instanceof Uint8Array)) chunk = new Uint8Array(chunk);
    chunks.push(chunk);
    size += chunk.length;
    if (size > limit) {
      if (cancel) await cancel();
      break;
    }
  }
  const out = new Uint8Array(Math.min(size, limit + 1));
  let at = 0;
  for (const c of chunks) {
    const part = c.subarray(0, out.length - at);
    out.set(part, at);
    at += part.length;
    if (at === out.length) break;
  }
  return out;
}

async function readWebBody(request, limit) {
  if (request.body === null || request.body === undefined) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks = {
    async *[Symbol.asyncIterator]() {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    },
  };
  return readChunks(chunks, limit, () => reader.cancel());
}

// Whether a body is what the validation request sends: nothing, or JSON whitespace (Rust's
// `body_empty`).
function bodyEmpty(body) {
  if (body === undefined || body === null) return true;
  const ws = (c) => c === 32 || c === 9 || c === 10 || c === 13;
  if (typeof body === 'string') {
    for (let i = 0; i < body.length; i++) if (!ws(body.charCodeAt(i))) return false;
    return true;
  }
  let bytes;
  if (body instanceof Uint8Array) bytes = body;
  else if (body instanceof ArrayBuffer) bytes = new Uint8Array(body);
  else if (ArrayBuffer.isView(body)) bytes = new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  else return false;
  for (let i = 0; i < bytes.length; i++) if (!ws(bytes[i])) return false;
  return true;
}

function badRequest(message) {
  return { status: 400, headers: {}, outcome: 'badRequest', uuid: null, report: null, error: message };
}

// What to answer a WebHook request: `{ status, headers, outcome, uuid, report }`. Never throws
// for what the request holds; only wrong arguments (options of the wrong type) throw.
export async function receive(request, options) {
  const { token, store, rest } = receiveOptions(options);
  if (request === null || typeof request !== 'object') {
    throw new TypeError('receive: `request` must be a web Request or an object `{ method, headers, body }`');
  }
  const web = isWebRequest(request);
  let method, headers;
  try {
    method = String(request.method ?? 'POST');
    headers = headerList(request.headers);
  } catch (e) {
    return badRequest(`the request could not be read: ${e && e.message}`);
  }
  const decide = (empty, body) =>
    __ccneApi.receiveDecision(method, headers, empty, token, body, rest);
  let answer = decide(undefined, undefined);
  if (answer === undefined) {
    const limit = rest && typeof rest.maxInputBytes === 'number' ? rest.maxInputBytes : DEFAULT_MAX_INPUT_BYTES;
    let body;
    try {
      if (web) body = await readWebBody(request, limit);
      else {
        body = request.body;
        // node:http's IncomingMessage with no body parser before: read the stream itself.
        if (body === undefined && typeof request[Symbol.asyncIterator] === 'function' && !request.readableEnded) {
          body = await readChunks(request, limit, () => request.destroy?.());
        }
        if (body === null || body === undefined) body = '';
      }
    } catch (e) {
      return badRequest(`the body could not be read: ${e && e.message}`);
    }
    try {
      answer = decide(bodyEmpty(body), body);
    } catch (e) {
      // The options were read by the first call: what throws now is the body (a detached
      // buffer, a cycle in a parsed object), not something RingCentral sends, and not worth
      // a throw in a request handler.
      if (e instanceof TypeError) return badRequest(e.message);
      // The module trapped on this body and was replaced: RingCentral would only send the
      // same bytes again, so the answer is the one for an invalid body, the report missing.
      if (e instanceof WebAssembly.RuntimeError) {
        return { status: 200, headers: {}, outcome: 'invalid', uuid: null, report: null, error: e.message };
      }
      throw e;
    }
  }
  if (answer.outcome === 'accepted' && store !== null) {
    const replays = store === undefined ? (defaultReplayStore ??= createReplayStore()) : store;
    try {
      if (await replays.has(answer.uuid)) answer.outcome = 'replay';
      else await replays.add(answer.uuid);
    } catch (e) {
      // The event is answered as accepted (losing it is worse than seeing it twice), and
      // the caller told why it could not be checked.
      answer.storeError = String(e && e.message);
    }
  }
  return answer;
}
