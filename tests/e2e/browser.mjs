// Shared by the end-to-end tests and the benchmark: the system Chromium driven by
// playwright-core (installed in tools/ by `cargo xtask`), and a static server for the web build.

import { createRequire } from 'node:module';
import { after, before } from 'node:test';
import { createServer } from 'node:http';
import { readdir, readFile, stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip as gzipCb } from 'node:zlib';
import { extname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(new URL('../../tools/package.json', import.meta.url));
const { chromium } = require('playwright-core');

/// The app's home list, once the app has started: the web build's index.html carries the home
/// page pre-rendered (marked data-prerendered), which looks the same but does nothing yet.
export const HOME_READY = '.rr-app:not([data-prerendered]) ol.rr-articles > li';
// The app has mounted (on any route): the web build's pre-rendered page is gone.
export const APP_READY = '.rr-app:not([data-prerendered])';

// How the app writes a query in running text (src/quote.rs): in double quotes, the double
// quotes it holds as single ones, opening and closing in turn.
export const shownQuery = (q) => {
  let open = false;
  return `“${q.trim().replace(/["“”„]/g, () => ((open = !open) ? '‘' : '’'))}”`;
};

export const DIST = resolve(process.env.READINGROOM_DIST ?? 'target/e2e/dist');
export const SUB_PATH = '/explorer/';

// The flags DESIGN.md §6 found to work here: no sandbox as root, and no background traffic.
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
};

const brotli = promisify(brotliCompress);
const gzip = promisify(gzipCb);
// Text and wasm compress well; the icon is tiny.
const COMPRESSIBLE = new Set(['.html', '.js', '.wasm', '.css', '.json']);

/// The encoding to answer `accept` (a request's Accept-Encoding) with: brotli, else gzip, else
/// none. `gzip, deflate, br`, or with weights: `br;q=0, gzip;q=0.8` (q=0 refuses).
function encodingFor(accept) {
  const accepted = new Set(accept.split(',').map((part) => part.trim().split(/\s*;\s*/))
    .filter(([, ...params]) => !params.some((p) => /^q=0(\.0*)?$/.test(p)))
    .map(([name]) => name.toLowerCase()));
  return accepted.has('br') ? 'br' : accepted.has('gzip') ? 'gzip' : null;
}

// Compressed bodies by encoding, path, size and mtime: a rebuilt dist is never served stale, and
// brotli at its best quality (what a host pre-compressing its files uses: 2 s for the wasm) runs
// once per file, off the main thread.
const compressedCache = new Map();
function compressed(encoding, file, info, bytes) {
  const key = `${encoding} ${file} ${info.size} ${info.mtimeMs}`;
  if (!compressedCache.has(key)) {
    compressedCache.set(key, encoding === 'br'
      ? brotli(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length } })
      : gzip(bytes, { level: 9 }));
  }
  return compressedCache.get(key);
}

/// For a test file: Chromium, and `dist` served as by `serveDist`, started before its tests and
/// closed after them. Their handles are `.browser` and `.server` of the returned object, set when
/// the tests run.
export function browserAndServer(dist = DIST) {
  const shared = {};
  before(async () => {
    shared.browser = await launchChromium();
    shared.server = await serveDist(dist);
  });
  after(async () => {
    await shared.browser?.close();
    await shared.server?.close();
  });
  return shared;
}

/// Serves `dist` (DIST by default) under SUB_PATH on a free loopback port, as a host site would:
/// compressed when the browser accepts it (any real static host does; the wasm shrinks to less
/// than half). `{ compress: false }` serves the bytes as they are. `{ isolated: true }` makes
/// the page cross-origin isolated (COOP and COEP headers), where Chromium's performance.now()
/// steps by 5 µs rather than 100 µs: for timing calls that take microseconds.
export async function serveDist(dist = DIST, { compress = true, isolated = false } = {}) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(SUB_PATH)) {
      res.writeHead(404).end('outside the sub-path');
      return;
    }
    let rel = normalize(path.slice(SUB_PATH.length));
    if (rel === '.' || rel.endsWith('/')) rel = join(rel, 'index.html');
    if (rel.startsWith('..')) {
      res.writeHead(403).end();
      return;
    }
    const file = join(dist, rel);
    try {
      const info = await stat(file);
      const bytes = await readFile(file);
      const encoding = compress && COMPRESSIBLE.has(extname(file)) ? encodingFor(req.headers['accept-encoding'] ?? '') : null;
      const body = encoding ? await compressed(encoding, file, info, bytes) : bytes;
      const headers = { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', Vary: 'Accept-Encoding' };
      if (encoding) headers['Content-Encoding'] = encoding;
      if (isolated) Object.assign(headers, ISOLATED);
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  // Start compressing the build's files for browsers (brotli) now, as a host would have;
  // `ready` says when that is done (for timings that must not include it).
  const pending = [];
  if (compress) {
    for (const name of await readdir(dist)) {
      const file = join(dist, name);
      // What the app loads; not standalone.html (opened from disk) nor the elasticlunr.js export
      // (for host sites; tens of MB on a large corpus, minutes of brotli).
      if (!COMPRESSIBLE.has(extname(file)) || name === 'standalone.html' || extname(file) === '.json') continue;
      pending.push(compressed('br', file, await stat(file), await readFile(file)).catch(() => {}));
    }
  }
  const ready = Promise.all(pending);
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, url: origin + SUB_PATH, ready, close: () => new Promise((ok) => server.close(ok)) };
}

/// The headers that make a page cross-origin isolated.
export const ISOLATED = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

export const standaloneUrl = (dist = DIST) => pathToFileURL(join(dist, 'standalone.html')).href;

/// Watches a page for console errors, uncaught exceptions and requests that leave the build.
export function watch(page, isOwn) {
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // Errors reported on the window without an exception (a ResizeObserver loop) reach neither
  // of the above; a host page's error monitoring would see them.
  page.addInitScript(() =>
    addEventListener('error', (e) => {
      if (!e.error) console.error(`window error: ${e.message ?? e.type}`);
    }),
  );
  page.on('request', (r) => {
    if (!isOwn(r.url())) problems.push(`request outside the build: ${r.url()}`);
  });
  return problems;
}

/// The two ways a reader opens a build (`dist`, DIST by default, served by `server`): the web
/// build over http under a sub-path, and the standalone file from disk. `isOwn` tells the
/// build's own requests from anything else.
export function modes(server, dist = DIST) {
  return [
    {
      name: 'web build over http, under a sub-path',
      start: () => server().url,
      isOwn: (u) => u.startsWith(server().url),
    },
    {
      name: 'standalone.html over file://',
      start: () => standaloneUrl(dist),
      isOwn: (u) => u.startsWith(standaloneUrl(dist)) || u.startsWith('data:'),
    },
  ];
}
