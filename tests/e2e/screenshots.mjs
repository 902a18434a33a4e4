// Screenshots of every view at phone and desktop width, for docs/ and the README.
// Usage: node tests/e2e/screenshots.mjs OUT_DIR (run by `cargo xtask screenshots`).

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, serveDist } from './browser.mjs';

const out = process.argv[2] ?? 'docs/screenshots';
mkdirSync(out, { recursive: true });
const views = [
  ['home', '#/'],
  ['search', '#/search?q=Libya&year=2018'],
  ['article', '#/article/view-from-the-ct-foxhole-neil-basu?q=Prevent'],
  ['timeline', '#/timeline'],
  ['timeline-2005', '#/timeline?by=month&from=2005&to=2005'],
  ['entity', '#/entity/group/al-qaeda'],
  ['no-results', '#/search?q=zzyzx+quaternion'],
];
const widths = [['desktop', 1280, 900], ['phone', 390, 844]];

const browser = await launchChromium();
const server = await serveDist();
for (const scheme of ['light', 'dark']) {
  for (const [device, width, height] of widths) {
    const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1, colorScheme: scheme });
    for (const [name, hash] of views) {
      if (scheme === 'dark' && name !== 'home' && name !== 'article') continue;
      // A fresh document per view, as a reader opening the link gets: a hash changed in place
      // keeps the last view's scroll.
      await page.goto('about:blank');
      await page.goto(server.url + hash);
      await page.locator('.rr-main > *').first().waitFor();
      await page.waitForTimeout(200);
      const file = join(out, `${name}-${device}${scheme === 'dark' ? '-dark' : ''}.png`);
      await page.screenshot({ path: file });
      console.log(file);
    }
    await page.close();
  }
}
const host = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await host.goto(server.url + 'embed-demo.html');
await host.locator('#archive ol.rr-articles > li').first().waitFor();
await host.screenshot({ path: join(out, 'embed-demo-desktop.png') });
console.log(join(out, 'embed-demo-desktop.png'));
await browser.close();
await server.close();
