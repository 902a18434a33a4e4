// Views on a large archive: with the app loaded on its home page (web build over http), the
// time from setting the hash to the page after the view is painted, and the page's elements;
// the median of RUNS page loads per route.
//
//   cargo xtask bench-search        # writes target/bench/synthetic/corpus
//   cargo xtask build --corpus target/bench/synthetic/corpus --out /tmp/synthetic
//   RUNS=5 node tests/bench/views.mjs /tmp/synthetic '#/entity/group/sons-of-bribramil' '#/timeline?by=year'
//
// Sons of Bribramil is the synthetic corpus's most common entity (in 14,370 of 20,000 articles).
import { launchChromium, serveDist, APP_READY } from '../e2e/browser.mjs';

const [dist, ...routes] = process.argv.slice(2);
const runs = Number(process.env.RUNS ?? 1);
const server = await serveDist(dist);
await server.ready;
const browser = await launchChromium();
for (const route of routes) {
  const times = [];
  let last;
  for (let r = 0; r < runs; r++) {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.waitForSelector(APP_READY + ' ol.rr-articles > li');
    await page.waitForTimeout(300);
    last = await page.evaluate(async (route) => {
      const t0 = performance.now();
      location.hash = route;
      // The app renders on the hash change; then the frame that paints it, then a task after.
      for (let i = 0; i < 2; i++) await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
      return { elements: document.querySelectorAll('*').length, heading: document.querySelector('h1')?.textContent, ms: performance.now() - t0 };
    }, route);
    times.push(last.ms);
    await page.close();
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(`${route}: ${median.toFixed(0)} ms (median of ${runs}: ${times.map((t) => t.toFixed(0)).join(', ')}), ${last.elements} elements, “${last.heading}”`);
}
await browser.close();
await server.close();
