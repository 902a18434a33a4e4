// Our engine in the browser: the app built with a benchmark corpus, served over http, in headless
// Chromium. Measures (1) time to first results painted for a query in the URL, (2) the engine
// alone through window.readingRoom.count (the same query sets as the native and peer runs), and
// (3) keystroke to results painted while a reader types. Prints Markdown.
// Usage: node app-search.mjs DIST QUERIES.json NAME

import { readFileSync } from 'node:fs';
import { launchChromium, serveDist } from '../e2e/browser.mjs';
import { keystrokeWork, TRACE_CATEGORIES } from './keystroke-work.mjs';

const [dist, queriesFile, name] = process.argv.slice(2);
const queries = JSON.parse(readFileSync(queriesFile, 'utf8'));
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.round((s.length - 1) * p)]; };
const ms = (x) => `${x.toFixed(2)} ms`;

const browser = await launchChromium();
const server = await serveDist(dist);
// A host compresses its files ahead of time: time the page, not the compression.
await server.ready;
const page = await browser.newPage();
const errors = [];
page.on('pageerror', (e) => errors.push(e.message));

// (1) First results painted, from navigation start.
await page.addInitScript(() => {
  new MutationObserver((_, obs) => {
    if (document.querySelector('ol.rr-hits > li')) {
      obs.disconnect();
      requestAnimationFrame(() => setTimeout(() => { window.__firstResults = performance.now(); }, 0));
    }
  }).observe(document, { childList: true, subtree: true });
});
await page.goto(`${server.url}#/search?q=${encodeURIComponent(queries.single[0])}`);
await page.waitForFunction(() => window.__firstResults !== undefined, null, { timeout: 120000 });
const firstResults = await page.evaluate(() => window.__firstResults);

// (2) The engine alone; our query text per class as in the native run. On a page served
// cross-origin isolated, where Chromium's timer steps by 5 µs, not 100 µs: ten runs of a query
// on the sample take a few tens of µs, which the coarse timer read as 0 or 100.
const isolatedServer = await serveDist(dist, { isolated: true });
const enginePage = await browser.newPage();
enginePage.on('pageerror', (e) => errors.push(e.message));
await enginePage.goto(`${isolatedServer.url}#/`);
await enginePage.waitForFunction(() => window.readingRoom, null, { timeout: 120000 });
if (!(await enginePage.evaluate(() => crossOriginIsolated))) throw new Error('the engine page is not cross-origin isolated');
const engine = await enginePage.evaluate((queries) => {
  const ours = (cls, q) => (cls === 'prefix' || cls === 'phrase' ? q : q + ' ');
  const out = {};
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  for (const [cls, list] of Object.entries(queries)) {
    const texts = list.map((q) => ours(cls, q));
    const hits = texts.reduce((n, text) => n + window.readingRoom.count(text), 0);
    // As the peers are timed (peers.mjs): ten runs together, five sweeps, each query's median.
    const runs = texts.map(() => []);
    for (let sweep = 0; sweep < 5; sweep++) {
      texts.forEach((text, i) => {
        const t0 = performance.now();
        for (let rep = 0; rep < 10; rep++) window.readingRoom.count(text);
        runs[i].push((performance.now() - t0) / 10);
      });
    }
    out[cls] = { times: runs.map(median), hits: hits / list.length };
  }
  return out;
}, queries);
await enginePage.close();
await isolatedServer.close();

// (3) Keystroke to results painted (the results, the facets' counts and the histogram): type
// five three-word queries into the search box, from the home page and with a facet chosen.
async function typeAndTime(startHash, phrases) {
  await page.goto(`${server.url}${startHash}`);
  await page.locator('#rr-q').waitFor();
  await page.locator('.rr-facets').waitFor();
  return page.evaluate(async (phrases) => {
    const input = document.querySelector('#rr-q');
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const shows = (v) => {
      const h = document.querySelector('.rr-count');
      return h && (v.trim() === '' ? !h.textContent.includes('“') : h.textContent.includes(`“${v.trim()}”`));
    };
    const times = [];
    for (const phrase of phrases) {
      input.value = '';
      input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'deleteContentBackward' }));
      await frame();
      for (const c of phrase) {
        const t0 = performance.now();
        input.value += c;
        input.dispatchEvent(new InputEvent('input', { bubbles: true, data: c, inputType: 'insertText' }));
        // Yew renders in a microtask after the event: let it run before looking.
        for (let i = 0; i < 10; i++) await null;
        if (shows(input.value)) {
          await frame();
        } else {
          // The search box searches in the frame's animation callbacks (once per frame, for the
          // newest text): once ours, queued after its, sees the results, they paint in this frame.
          while (!shows(input.value)) await new Promise((r) => requestAnimationFrame(r));
          await new Promise((r) => setTimeout(r, 0));
        }
        times.push(performance.now() - t0);
      }
    }
    return times;
  }, phrases);
}
// Five three-word queries, typed the same way by every method below.
const phrases = queries.three.slice(0, 5);
const keystrokes = await typeAndTime('#/', phrases);
// The most common kind, as a reader would pick it from the home page.
await page.goto(`${server.url}#/`);
const kind = await page.locator('section.rr-facet[data-facet="kind"] .rr-facet-name').first().innerText();
const withFacet = await typeAndTime(`#/search?kind=${encodeURIComponent(kind)}`, phrases);
const facetsShown = await page.locator('section.rr-facet').count();

// (3b) The same typing as trusted key presses, timed by the browser's Event Timing API: an entry
// per keystroke whose processing and next paint took 16 ms or more (the API's lowest threshold).
const typed = phrases.reduce((n, phrase) => n + phrase.length, 0);
async function typeTrusted(target) {
  for (const phrase of phrases) {
    await target.locator('#rr-q').fill('');
    await target.locator('#rr-q').pressSequentially(phrase, { delay: 40 });
  }
}
// Per interaction, its slowest event's duration.
async function eventTiming(target) {
  await target.evaluate(() => {
    window.__slow = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.interactionId) window.__slow.push([e.interactionId, e.duration]);
    }).observe({ type: 'event', durationThreshold: 16, buffered: false });
  });
  await typeTrusted(target);
  await target.waitForTimeout(500);
  return target.evaluate(() => {
    const worst = new Map();
    for (const [id, d] of window.__slow) worst.set(id, Math.max(worst.get(id) ?? 0, d));
    return [...worst.values()];
  });
}
await page.goto(`${server.url}#/`);
await page.locator('#rr-q').waitFor();
const slow = await eventTiming(page);

// (3d) The same trusted typing again, traced: main-thread work from each key press to the end of
// the frame that paints its results (keystroke-work.mjs). Traced apart from (3b), whose times
// the tracing would slow.
async function typeTraced(target) {
  await browser.startTracing(target, { categories: TRACE_CATEGORIES });
  await typeTrusted(target);
  await target.waitForTimeout(300);
  return keystrokeWork(await browser.stopTracing());
}
await page.goto(`${server.url}#/`);
await page.locator('.rr-facets').waitFor();
const work = await typeTraced(page);
await page.goto(`${server.url}#/search?kind=${encodeURIComponent(kind)}`);
await page.locator('.rr-facets').waitFor();
const workWithFacet = await typeTraced(page);

// (3c) The floor for method (3): a page whose input handler writes the same heading text
// synchronously, measured the same way in the same browser.
const floorPage = await browser.newPage();
await floorPage.setContent('<input id="rr-q"><h1 class="rr-count"></h1>');
const floor = await floorPage.evaluate(async (phrases) => {
  const input = document.querySelector('#rr-q');
  const h = document.querySelector('.rr-count');
  input.addEventListener('input', () => { h.textContent = `results for “${input.value.trim()}”`; });
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const times = [];
  for (const phrase of phrases) {
    input.value = '';
    for (const c of phrase) {
      const t0 = performance.now();
      input.value += c;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, data: c, inputType: 'insertText' }));
      await frame();
      times.push(performance.now() - t0);
    }
  }
  return times;
}, phrases);
// The floors of Event Timing and of the traced work: the same trusted typing on the page that
// only writes the heading.
const floorSlow = await eventTiming(floorPage);
const floorWork = await typeTraced(floorPage);
await floorPage.close();

await browser.close();
await server.close();
if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);

const lines = [`#### ${name}: our core in wasm, headless Chromium`, ''];
lines.push(`First results painted after navigation (web build over http): ${firstResults.toFixed(0)} ms.`, '');
lines.push('| queries (20 each; 10 runs, median of 5 sweeps) | Chromium p50 | Chromium p95 | mean hits |', '|---|---:|---:|---:|');
for (const [cls, r] of Object.entries(engine)) lines.push(`| ${cls} | ${pct(r.times, 0.5).toFixed(3)} ms | ${pct(r.times, 0.95).toFixed(3)} ms | ${r.hits.toFixed(0)} |`);
lines.push('', `Keystroke to results, facet counts (${facetsShown} facets) and histogram painted, typing 5 three-word queries (${keystrokes.length} keystrokes), input events + next frame: p50 ${ms(pct(keystrokes, 0.5))}, p95 ${ms(pct(keystrokes, 0.95))}, max ${ms(Math.max(...keystrokes))}; with a facet chosen (kind “${kind}”): p50 ${ms(pct(withFacet, 0.5))}, p95 ${ms(pct(withFacet, 0.95))}, max ${ms(Math.max(...withFacet))}; the floor of this method (a page that only writes the heading, same browser): p50 ${ms(pct(floor, 0.5))}, p95 ${ms(pct(floor, 0.95))}.`, '');
// Each phrase also begins with one clearing of the box (fill('')): an interaction too. Event
// Timing reports only interactions of 16 ms or more, in steps of 8 ms: count the others as 8.
const interactions = typed + 5;
const spread = (reported) => [...reported, ...Array(Math.max(0, interactions - reported.length)).fill(8)];
const et = spread(slow);
const etFloor = spread(floorSlow);
lines.push(`Event Timing, ${interactions} interactions (${typed} trusted key presses and 5 clearings), key press to next paint: p50 ${ms(pct(et, 0.5))}, p95 ${ms(pct(et, 0.95))}, worst ${ms(Math.max(...et))}; floor (the page that only writes the heading): p50 ${ms(pct(etFloor, 0.5))}, p95 ${ms(pct(etFloor, 0.95))}. (Under 16 ms counts as 8.)`, '');
lines.push(`Main-thread work from key press to results painted (traced, ${work.work.length} trusted key presses, typing and clearing; excludes the idle wait for the display's next frame): p50 ${ms(pct(work.work, 0.5))}, p95 ${ms(pct(work.work, 0.95))}, max ${ms(Math.max(...work.work))}; with a facet chosen (kind “${kind}”): p50 ${ms(pct(workWithFacet.work, 0.5))}, p95 ${ms(pct(workWithFacet.work, 0.95))}; the same span in wall time, waits included: p50 ${ms(pct(work.wall, 0.5))}, p95 ${ms(pct(work.wall, 0.95))}; floor (the page that only writes the heading): work p50 ${ms(pct(floorWork.work, 0.5))}, p95 ${ms(pct(floorWork.work, 0.95))}.`, '');
console.log(lines.join('\n'));
