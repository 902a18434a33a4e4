// Lighthouse (12.2.3, from tools/) on the web build served over http under its sub-path, in the
// system Chromium launched by chrome-launcher: accessibility, best practices, performance and
// SEO, with the mobile preset (Lighthouse's default) and the desktop one. Prints Markdown: the
// scores, the main metrics, and each category's failing audits (score below 0.9, Lighthouse's
// pass mark).
//
// The build is served compressed (brotli), as a static host serves it; --uncompressed serves the
// files as they are.
//
// Usage: node tests/bench/lighthouse.mjs [--preset mobile|desktop|both] [--route '#/…']… [--json FILE] [--uncompressed]
//   --preset  both by default
//   --route   a view of the app, repeatable; `#/` (home) by default
//   --json    also write every Lighthouse result (LHR) to FILE
// READINGROOM_DIST picks another build (default target/e2e/dist), CHROMIUM another Chromium.

import { createRequire } from 'node:module';
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { serveDist } from '../e2e/browser.mjs';

const require = createRequire(new URL('../../tools/package.json', import.meta.url));
const load = async (name) => (await import(pathToFileURL(require.resolve(name)).href)).default;
const lighthouse = await load('lighthouse');
const desktopConfig = await load('lighthouse/core/config/desktop-config.js');
const chromeLauncher = await import(pathToFileURL(require.resolve('chrome-launcher')).href);

const { values: args } = parseArgs({
  options: {
    preset: { type: 'string', default: 'both' },
    route: { type: 'string', multiple: true, default: ['#/'] },
    json: { type: 'string' },
    uncompressed: { type: 'boolean', default: false },
  },
});
const presets = args.preset === 'both' ? ['mobile', 'desktop'] : [args.preset];
for (const p of presets) if (!['mobile', 'desktop'].includes(p)) throw new Error(`unknown preset ${p}`);

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
// The machine has no network: nothing in the background may try to reach it.
const CHROME_FLAGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];
const METRICS = [
  'first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index',
];

const server = await serveDist(undefined, { compress: !args.uncompressed });
await server.ready;
let chrome;
const runs = [];
try {
  chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    chromeFlags: CHROME_FLAGS,
    logLevel: 'error',
  });
  for (const route of args.route) {
    for (const preset of presets) {
      const url = server.url + route;
      const flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES };
      const result = await lighthouse(url, flags, preset === 'desktop' ? desktopConfig : undefined);
      if (!result?.lhr) throw new Error(`Lighthouse returned nothing for ${url} (${preset})`);
      if (result.lhr.runtimeError) throw new Error(`${url} (${preset}): ${result.lhr.runtimeError.message}`);
      runs.push({ route, preset, lhr: result.lhr });
    }
  }
} finally {
  await chrome?.kill();
  await server.close();
}

const score = (s) => (s === null || s === undefined ? '–' : String(Math.round(s * 100)));
const cell = (s) => String(s).replaceAll('|', '\\|').replaceAll('\n', ' ');
const out = [];
const { lhr: first } = runs[0];
out.push(`# Lighthouse ${first.lighthouseVersion}, ${first.environment.hostUserAgent.match(/Chrome\/[\d.]+/)?.[0] ?? ''}`);
out.push('');
out.push(`Web build (${server.url.replace(/^http:\/\/[^/]+/, '')} on a loopback port, ${args.uncompressed ? 'uncompressed' : 'brotli'}), categories ${CATEGORIES.join(', ')}.`);
out.push('');
out.push('| route | preset | performance | accessibility | best practices | SEO |');
out.push('|---|---|---:|---:|---:|---:|');
for (const { route, preset, lhr } of runs) {
  out.push(`| \`${route}\` | ${preset} | ${CATEGORIES.map((c) => score(lhr.categories[c]?.score)).join(' | ')} |`);
}
out.push('');
out.push(`| route | preset | ${METRICS.map((m) => first.audits[m]?.title ?? m).join(' | ')} |`);
out.push(`|---|---|${METRICS.map(() => '---:').join('|')}|`);
for (const { route, preset, lhr } of runs) {
  out.push(`| \`${route}\` | ${preset} | ${METRICS.map((m) => `${lhr.audits[m]?.displayValue ?? '–'} (${score(lhr.audits[m]?.score)})`).join(' | ')} |`);
}
for (const { route, preset, lhr } of runs) {
  out.push('');
  out.push(`## \`${route}\`, ${preset}: failing audits`);
  for (const c of CATEGORIES) {
    const category = lhr.categories[c];
    const failing = category.auditRefs
      .map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
      .filter(({ audit }) => audit && audit.score !== null && audit.score < 0.9
        && !['notApplicable', 'manual', 'informative'].includes(audit.scoreDisplayMode));
    out.push('');
    out.push(`### ${category.title} (${score(category.score)})`);
    out.push('');
    if (!failing.length) {
      out.push('None.');
      continue;
    }
    out.push('| audit | title | score | weight | value |');
    out.push('|---|---|---:|---:|---|');
    for (const { ref, audit } of failing) {
      // Where it fails, for audits that point at elements (the accessibility ones).
      const nodes = (audit.details?.items ?? []).map((i) => i.node?.selector).filter(Boolean);
      const where = nodes.length ? `${nodes.slice(0, 3).map((n) => `\`${n}\``).join(', ')}${nodes.length > 3 ? ` … (${nodes.length})` : ''}` : '';
      const value = [audit.displayValue, where].filter(Boolean).join('; ');
      out.push(`| \`${audit.id}\` | ${cell(audit.title)} | ${audit.score.toFixed(2)} | ${ref.weight} | ${cell(value)} |`);
    }
  }
}
// Audits Lighthouse could not compute: they have no score, so they change no category's score.
const errored = new Map();
for (const { lhr } of runs) {
  for (const a of Object.values(lhr.audits)) {
    if (a.scoreDisplayMode !== 'error') continue;
    const key = `${a.id}\u0000${a.errorMessage ?? ''}`;
    errored.set(key, { id: a.id, error: a.errorMessage ?? '', runs: (errored.get(key)?.runs ?? 0) + 1 });
  }
}
if (errored.size) {
  out.push('');
  out.push('## Audits that errored');
  out.push('');
  out.push('| audit | runs | error |');
  out.push('|---|---:|---|');
  for (const e of errored.values()) out.push(`| \`${e.id}\` | ${e.runs} of ${runs.length} | ${cell(e.error)} |`);
}
console.log(out.join('\n'));
if (args.json) await writeFile(args.json, JSON.stringify(runs.map(({ route, preset, lhr }) => ({ route, preset, lhr })), null, 1));
