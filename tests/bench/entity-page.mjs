// An entity's page on a large archive: with the app loaded on its home page, the time from
// setting the hash to the page after the entity's page is painted, and the page's elements.
//
//   cargo xtask bench-search        # writes target/bench/synthetic/corpus
//   cargo xtask build --corpus target/bench/synthetic/corpus --out /tmp/synthetic
//   node tests/bench/entity-page.mjs /tmp/synthetic [runs] [entity route] [entity name]
//
// The default entity is the synthetic corpus's most common (in 14,370 of 20,000 articles).
import { launchChromium, serveDist, APP_READY } from '../e2e/browser.mjs';
const [dist, runs = '5', route = '#/entity/group/sons-of-bribramil', name = 'Sons of Bribramil'] = process.argv.slice(2);
const server = await serveDist(dist);
await server.ready;
const browser = await launchChromium();
const times = [];
let elements = 0;
let listed = 0;
for (let r = 0; r < +runs; r++) {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.waitForSelector(APP_READY + ' ol.rr-articles > li');
  await page.waitForTimeout(500);
  const res = await page.evaluate(async ([route, name]) => {
    const t0 = performance.now();
    location.hash = route;
    await new Promise((done) => {
      const check = () => {
        const h = document.querySelector('.rr-entity h1');
        if (h && h.textContent === name) requestAnimationFrame(() => setTimeout(done, 0));
        else requestAnimationFrame(check);
      };
      check();
    });
    return { ms: performance.now() - t0, elements: document.querySelectorAll('*').length, listed: document.querySelectorAll('.rr-entity-articles > li').length, lede: document.querySelector('.rr-lede').textContent };
  }, [route, name]);
  times.push(res.ms);
  elements = res.elements;
  listed = res.listed;
  if (r === 0) console.log(res.lede);
  await page.close();
}
times.sort((a, b) => a - b);
console.log(`${dist}: median ${times[Math.floor(times.length / 2)].toFixed(0)} ms (runs ${times.map((t) => t.toFixed(0)).join(', ')}), ${listed} listed, ${elements} elements`);
await browser.close();
await server.close();
