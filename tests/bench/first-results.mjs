// Benchmark (not a test): build sizes, and the time from navigation to the first search results
// painted, in headless Chromium, for the web build (http, under a sub-path) and standalone.html
// (file://). The peer, measured in the same run and the same browser, is the floor any app
// could reach: a static HTML page that already holds the seven results, with no script at all.
// Prints Markdown for BENCHMARKS.md.

import { gzipSync } from 'node:zlib';
import { readdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, launchChromium, serveDist, standaloneUrl } from '../e2e/browser.mjs';

const RUNS = Number(process.env.RUNS ?? 7);
// QUERY and READINGROOM_DIST let `cargo xtask bench-web` measure a large synthetic build.
const QUERY = process.env.QUERY ?? '#/search?q=lone+actor';

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function sizes() {
  const files = readdirSync(DIST);
  const pick = (suffix) => readFileSync(join(DIST, files.find((f) => f.endsWith(suffix))));
  const wasm = pick('_bg.wasm');
  // The wasm-bindgen glue, not the start-up script, the embed loader or the shell script.
  const js = readFileSync(join(DIST, files.find((f) => /^reading-room-[0-9a-f]+\.js$/.test(f))));
  const css = pick('.css');
  const standalone = readFileSync(join(DIST, 'standalone.html'));
  const gz = (b) => gzipSync(b, { level: 9 }).length;
  return [
    ['wasm', wasm.length, gz(wasm)],
    ['JS glue', js.length, gz(js)],
    ['CSS', css.length, gz(css)],
    ['standalone.html', standalone.length, gz(standalone)],
  ];
}

// Records when the first result is in the DOM and a frame has been painted with it.
const PROBE = () => {
  const seen = () => document.querySelector('ol.rr-hits > li');
  const done = () => requestAnimationFrame(() => setTimeout(() => { window.__firstResults = performance.now(); }, 0));
  new MutationObserver((_, obs) => {
    if (seen()) { obs.disconnect(); done(); }
  }).observe(document, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', () => { if (seen()) done(); });
};

async function measure(browser, url) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext(); // a cold cache every run
    const page = await context.newPage();
    await page.addInitScript(PROBE);
    await page.goto(url);
    await page.waitForFunction(() => window.__firstResults !== undefined, null, { timeout: 30000 });
    times.push(await page.evaluate(() => window.__firstResults));
    await context.close();
  }
  return times;
}

function staticPeer() {
  const dir = mkdtempSync(join(tmpdir(), 'rr-peer-'));
  const items = Array.from({ length: 7 }, (_, i) => `<li><a class="rr-title" href="#">Result ${i + 1}</a><p>A snippet of text.</p></li>`).join('');
  const file = join(dir, 'static.html');
  writeFileSync(file, `<!doctype html><html><head><meta charset="utf-8"><title>peer</title></head><body><ol class="rr-hits">${items}</ol></body></html>`);
  return pathToFileURL(file).href;
}

const browser = await launchChromium();
// COMPRESS=0 serves the files as they are (bench-web: brotli at its best quality on a 60 MB
// wasm takes minutes, and over loopback would only add decompression to the time).
const server = await serveDist(DIST, { compress: process.env.COMPRESS !== '0' });
await server.ready;
const rows = [
  ['web build, http://127.0.0.1 under /explorer/', await measure(browser, server.url + QUERY)],
  ['standalone.html, file://', await measure(browser, standaloneUrl() + QUERY)],
  ['peer: static HTML with the results, no script, file://', await measure(browser, staticPeer())],
];
const version = browser.version();
await browser.close();
await server.close();

const out = [];
out.push(`Machine: ${cpus().length} × ${cpus()[0].model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; headless Chromium ${version}; ${RUNS} runs each, cold cache.`);
out.push('');
out.push('| file | raw | gzip -9 |', '|---|---:|---:|');
for (const [name, raw, gz] of sizes()) out.push(`| ${name} | ${kb(raw)} | ${kb(gz)} |`);
out.push('');
out.push(`Navigation to first results painted (\`${QUERY}\`), ms:`, '');
out.push('| page | median | min | max |', '|---|---:|---:|---:|');
for (const [name, t] of rows) {
  out.push(`| ${name} | ${median(t).toFixed(0)} | ${Math.min(...t).toFixed(0)} | ${Math.max(...t).toFixed(0)} |`);
}
console.log(out.join('\n'));
