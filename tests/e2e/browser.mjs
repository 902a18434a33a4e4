// Shared by the end-to-end tests and the benchmark: the system Chromium driven by
// playwright-core (installed in tools/ by `cargo xtask`), and a static server for the web build.

import { createRequire } from 'node:module';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(new URL('../../tools/package.json', import.meta.url));
const { chromium } = require('playwright-core');

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

/// Serves `dist` (DIST by default) under SUB_PATH on a free loopback port, as a host site would.
export async function serveDist(dist = DIST) {
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
      await stat(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(await readFile(file));
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, url: origin + SUB_PATH, close: () => new Promise((ok) => server.close(ok)) };
}

export const standaloneUrl = () => pathToFileURL(join(DIST, 'standalone.html')).href;

/// Watches a page for console errors, uncaught exceptions and requests that leave the build.
export function watch(page, isOwn) {
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    if (!isOwn(r.url())) problems.push(`request outside the build: ${r.url()}`);
  });
  return problems;
}

/// The two ways a reader opens a build: the web build over http under a sub-path, and the
/// standalone file from disk. `isOwn` tells the build's own requests from anything else.
export function modes(server) {
  return [
    {
      name: 'web build over http, under a sub-path',
      start: () => server().url,
      isOwn: (u) => u.startsWith(server().url),
    },
    {
      name: 'standalone.html over file://',
      start: () => standaloneUrl(),
      isOwn: (u) => u.startsWith(standaloneUrl()) || u.startsWith('data:'),
    },
  ];
}
