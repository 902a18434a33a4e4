// The peers of the search benchmark: the same documents and queries (written by
// `cargo xtask bench-search` into target/bench/NAME/{docs,queries}.json) in MiniSearch and
// elasticlunr.js, in Node and in headless Chromium. Prints Markdown.
//
// How each query class maps onto each peer's options, as close to ours as they allow:
// single: AND of words; prefix: MiniSearch prefix, elasticlunr expand; typo: MiniSearch fuzzy
// (1 edit from 5 letters, 2 from 9, as ours, but anywhere in the word: ours counts a first-letter
// typo as two), elasticlunr has none; phrase: neither has phrases, so the phrase's words ANDed;
// three: AND of three words. Ours forgives typos in single and
// three-word queries too, so MiniSearch runs those twice: as a reader would configure it
// (exact words) and with typos forgiven as ours ("…, typos forgiven"), like for like.

import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { createServer } from 'node:http';
import { ISOLATED, launchChromium } from '../e2e/browser.mjs';

const require = createRequire(new URL('../../tools/package.json', import.meta.url));
const MINISEARCH = new URL('../../tools/node_modules/minisearch/dist/umd/index.js', import.meta.url).pathname;
const ELASTICLUNR = require.resolve('elasticlunr');

// Runs in Node and, as source text, in the browser: builds both peers, measures everything.
function measurePeers(docs, queries, MiniSearch, elasticlunr) {
  const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.round((s.length - 1) * p)]; };
  const fuzzy = (term) => (term.length >= 9 ? 2 : term.length >= 5 ? 1 : 0);
  const strip = (q) => q.replace(/"/g, '');
  // Each query's time: ten runs timed together (Chromium steps performance.now() by 5 µs on the
  // cross-origin isolated page the peers run in, by 100 µs on any other),
  // in five sweeps over the list, and the median of its five. One sweep let a moment's stall (a
  // garbage collection, a compile, the machine's other work) become a query's time and set the
  // p95 over twenty queries; the median keeps the query's own cost. Ours is timed the same way
  // (app-search.mjs, bench_search.rs).
  const perQuery = (list, fn) => {
    const runs = list.map(() => []);
    for (let sweep = 0; sweep < 5; sweep++) {
      list.forEach((q, i) => {
        const t0 = performance.now();
        for (let rep = 0; rep < 10; rep++) fn(q);
        runs[i].push((performance.now() - t0) / 10);
      });
    }
    return runs.map((r) => pct(r, 0.5));
  };
  const out = {};

  let t = performance.now();
  const mini = new MiniSearch({ fields: ['title', 'body'], idField: 'id' });
  mini.addAll(docs);
  const miniBuild = performance.now() - t;
  const miniJson = JSON.stringify(mini);

  t = performance.now();
  elasticlunr.clearStopWords?.();
  const el = elasticlunr(function () {
    this.setRef('id');
    this.addField('title');
    this.addField('body');
    this.saveDocument(false);
  });
  for (const d of docs) el.addDoc(d);
  const elBuild = performance.now() - t;
  const elJson = JSON.stringify(el.toJSON());

  const run = {
    MiniSearch: {
      single: (q) => mini.search(q, { combineWith: 'AND' }),
      prefix: (q) => mini.search(q, { combineWith: 'AND', prefix: true }),
      typo: (q) => mini.search(q, { combineWith: 'AND', fuzzy }),
      phrase: (q) => mini.search(strip(q), { combineWith: 'AND' }),
      three: (q) => mini.search(q, { combineWith: 'AND' }),
      'single, typos forgiven': (q) => mini.search(q, { combineWith: 'AND', fuzzy }),
      'three, typos forgiven': (q) => mini.search(q, { combineWith: 'AND', fuzzy }),
    },
    'elasticlunr.js': {
      single: (q) => el.search(q, { bool: 'AND', expand: false }),
      prefix: (q) => el.search(q, { bool: 'AND', expand: true }),
      typo: (q) => el.search(q, { bool: 'AND', expand: false }),
      phrase: (q) => el.search(strip(q), { bool: 'AND', expand: false }),
      three: (q) => el.search(q, { bool: 'AND', expand: false }),
    },
  };
  for (const [peer, fns] of Object.entries(run)) {
    out[peer] = { classes: {} };
    for (const [cls, fn] of Object.entries(fns)) {
      const list = queries[cls.split(',')[0]];
      const hits = list.reduce((n, q) => n + fn(q).length, 0);
      const times = perQuery(list, fn);
      out[peer].classes[cls] = { p50: pct(times, 0.5), p95: pct(times, 0.95), hits: hits / list.length };
    }
  }
  out.MiniSearch.build = miniBuild;
  out.MiniSearch.json = miniJson;
  out['elasticlunr.js'].build = elBuild;
  out['elasticlunr.js'].json = elJson;
  return out;
}

const kb = (n) => (n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MB` : `${(n / 1024).toFixed(1)} KB`);
const ms = (x) => `${x.toFixed(3)} ms`;

const MiniSearchModule = require('minisearch');
const MiniSearch = MiniSearchModule.default ?? MiniSearchModule;
const elasticlunr = require('elasticlunr');
const browser = await launchChromium();
// An empty page served cross-origin isolated, where Chromium's timer steps by 5 µs, not 100 µs.
const blank = createServer((_, res) => res.writeHead(200, { 'Content-Type': 'text/html', ...ISOLATED }).end('<!doctype html><title>peers</title>'));
await new Promise((ok) => blank.listen(0, '127.0.0.1', ok));
const lines = ['', '## Peers: MiniSearch 7.2.0 and elasticlunr.js 0.9.5, same documents and queries', ''];
lines.push(`Node ${process.version}; headless Chromium ${browser.version()}. Serialized index = JSON.stringify of the built index (MiniSearch stores no fields; elasticlunr saves no documents).`);
for (const dir of process.argv.slice(2)) {
  const name = dir.split('/').pop();
  const docs = JSON.parse(readFileSync(join(dir, 'docs.json'), 'utf8'));
  const queries = JSON.parse(readFileSync(join(dir, 'queries.json'), 'utf8'));
  const inNode = measurePeers(docs, queries, MiniSearch, elasticlunr);
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${blank.address().port}/`);
  if (!(await page.evaluate(() => crossOriginIsolated))) throw new Error('the peers page is not cross-origin isolated');
  await page.addScriptTag({ path: MINISEARCH });
  await page.addScriptTag({ path: ELASTICLUNR });
  const inBrowser = await page.evaluate(
    ([src, docs, queries]) => {
      const f = new Function(`return (${src})`)();
      const r = f(docs, queries, window.MiniSearch, window.elasticlunr);
      for (const v of Object.values(r)) v.json = v.json.length; // sizes only, not the text
      return r;
    },
    [measurePeers.toString(), docs, queries],
  );
  await page.close();
  lines.push('', `### ${name}: ${docs.length} documents`, '');
  lines.push('| peer | serialized index | gzipped | build (Node) |', '|---|---:|---:|---:|');
  for (const peer of ['MiniSearch', 'elasticlunr.js']) {
    const json = inNode[peer].json;
    lines.push(`| ${peer} | ${kb(json.length)} | ${kb(gzipSync(json).length)} | ${(inNode[peer].build / 1000).toFixed(1)} s |`);
  }
  lines.push('', '| peer | queries | Node p50 | Node p95 | Chromium p50 | Chromium p95 | mean hits |', '|---|---|---:|---:|---:|---:|---:|');
  for (const peer of ['MiniSearch', 'elasticlunr.js']) {
    for (const cls of Object.keys(inNode[peer].classes)) {
      const n = inNode[peer].classes[cls];
      const b = inBrowser[peer].classes[cls];
      lines.push(`| ${peer} | ${cls} | ${ms(n.p50)} | ${ms(n.p95)} | ${ms(b.p50)} | ${ms(b.p95)} | ${n.hits.toFixed(0)} |`);
    }
  }
}
await browser.close();
blank.close();
console.log(lines.join('\n'));
