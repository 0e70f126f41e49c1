#!/usr/bin/env node
// Dependency-free static file server for www/ (127.0.0.1 only).
//
//   node scripts/serve.mjs             # PORT env var, default 8080
//   import { startServer } from './scripts/serve.mjs';
//   const { url, close } = await startServer({ port: 0, root: 'www' });
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_ROOT = resolve(HERE, '..', 'www');
export const HOST = '127.0.0.1';

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};

export const SECURITY_HEADERS = {
  // frame-ancestors 'self': only pages of this origin may frame the viewer, so no other site
  // can overlay it (clickjacking); a portal hosting the element on its own origin embeds it
  // as a script, not a frame, and is unaffected.
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
    "img-src 'self' data:; connect-src 'self'; worker-src 'self'; object-src 'none'; " +
    "base-uri 'none'; frame-ancestors 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
};

function send(res, status, body, extra = {}) {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    ...extra,
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

function inside(root, p) {
  return p === root || p.startsWith(root.endsWith(sep) ? root : root + sep);
}

async function handle(rootReal, req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return send(res, 405, 'Method Not Allowed\n', { Allow: 'GET, HEAD' });
  }
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  } catch {
    return send(res, 400, 'Bad Request\n');
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return send(res, 400, 'Bad Request\n');
  if (pathname.endsWith('/')) pathname += 'index.html';

  // Lexical check first, then the real path (so symlinks can't escape either).
  const candidate = resolve(rootReal, '.' + pathname);
  if (!inside(rootReal, candidate)) return send(res, 403, 'Forbidden\n');
  let file;
  try {
    file = await realpath(candidate);
    if (!inside(rootReal, file)) return send(res, 403, 'Forbidden\n');
    const st = await stat(file);
    if (st.isDirectory()) {
      // Redirect /dir to /dir/ so relative URLs in its index.html resolve.
      return send(res, 301, 'Moved Permanently\n', { Location: pathname + '/' });
    }
    if (!st.isFile()) return send(res, 404, 'Not Found\n');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': st.size,
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  } catch {
    return send(res, 404, 'Not Found\n');
  }
}

/**
 * Start the server. `port: 0` picks a free port.
 * @returns {Promise<{url: string, port: number, server: import('node:http').Server, close: () => Promise<void>}>}
 */
export async function startServer({ port = 8080, root = DEFAULT_ROOT, host = HOST } = {}) {
  const rootReal = await realpath(resolve(root));
  const server = createServer((req, res) => {
    handle(rootReal, req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'Internal Server Error\n');
      else res.destroy();
    });
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      ok();
    });
  });
  const actual = server.address().port;
  return {
    url: `http://${host}:${actual}/`,
    port: actual,
    server,
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        server.closeAllConnections?.();
      }),
  };
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(await realpath(process.argv[1]).catch(() => process.argv[1])).href;
if (isMain) {
  const port = Number.parseInt(process.env.PORT ?? '8080', 10);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve.mjs: invalid PORT ${process.env.PORT}`);
    process.exit(2);
  }
  const root = process.env.WWW_ROOT ? resolve(process.env.WWW_ROOT) : DEFAULT_ROOT;
  const { url, close } = await startServer({ port, root });
  console.log(`Serving ${root} at ${url}  (Ctrl-C to stop)`);
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.once(sig, () => close().then(() => process.exit(0)));
  }
}
