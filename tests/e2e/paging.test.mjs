// Results come ten to a page, with "Show N more of M" for the rest: on a build with more
// articles than a page (`cargo xtask test` builds the sample's seven articles three times over
// and a chronicle naming July 2005 twenty times, READINGROOM_PAGED_DIST), over http and from
// file://. The home page pre-rendered into index.html shows the same first page as the app.
// The timeline pages its periods, and a month's mentions, the same way.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { APP_READY, browserAndServer, modes as buildModes, watch } from './browser.mjs';

const PAGED = resolve(process.env.READINGROOM_PAGED_DIST ?? 'target/e2e/paged/dist');
const ARTICLES = 22;

const shared = browserAndServer(PAGED);
const modes = buildModes(() => shared.server, PAGED);

const NAME = 'The Paged Archive & Co';

test('an archive that names itself (archive.toml) is titled so before the app starts, and in its one file', () => {
  const html = readFileSync(join(PAGED, 'index.html'), 'utf8');
  assert.ok(html.includes('<title>The Paged Archive &amp; Co</title>'), 'the page title');
  assert.ok(html.includes('class="rr-brand">The Paged Archive &amp; Co</a>'), 'the pre-rendered header');
  const standalone = readFileSync(join(PAGED, 'standalone.html'), 'utf8');
  assert.ok(standalone.includes('<title>The Paged Archive &amp; Co</title>'), 'standalone.html');
});

test('the pre-rendered home page shows the first page of ten, as the app does', () => {
  const html = readFileSync(join(PAGED, 'index.html'), 'utf8');
  const list = html.match(/<ol class="[^"]*rr-articles[^"]*">([\s\S]*?)<\/ol>/);
  assert.ok(list, 'index.html carries the home page');
  assert.equal(list[1].match(/<li[ >]/g).length, 10);
  assert.ok(html.includes(`Show 10 more of ${ARTICLES - 10}`), 'and the button for the rest');
});

for (const mode of modes) {
  describe(mode.name, () => {
    let page;
    let problems;
    before(async () => {
      page = await shared.browser.newPage();
      problems = watch(page, mode.isOwn);
    });
    after(async () => {
      await page.close();
    });

    const items = (list) => page.locator(`${APP_READY} ol.${list} > li`);
    const more = () => page.locator(`${APP_READY} .rr-results .rr-more`);

    test('the app is headed and titled with the name of the archive', async () => {
      await page.goto(mode.start());
      await page.locator(`${APP_READY} ol.rr-articles > li`).first().waitFor();
      assert.equal(await page.locator('.rr-brand').textContent(), NAME);
      assert.equal(await page.title(), NAME);
      await page.goto(mode.start() + '#/timeline');
      await page.locator('.rr-tl-list > li').first().waitFor();
      await page.waitForFunction((name) => document.title === `Timeline – ${name}`, NAME);
    });

    test('home shows ten articles, then ten more, then the last', async () => {
      await page.goto(mode.start());
      await items('rr-articles').nth(9).waitFor();
      assert.equal(await items('rr-articles').count(), 10);
      assert.equal(await more().textContent(), `Show 10 more of ${ARTICLES - 10}`);
      await more().click();
      await items('rr-articles').nth(19).waitFor();
      assert.equal(await items('rr-articles').count(), 20);
      // The focus moves on to the first article added, where reading goes on.
      await page.waitForFunction((sel) => document.activeElement === document.querySelector(sel), `${APP_READY} ol.rr-articles > li:nth-child(11) a.rr-title`);
      assert.equal(await more().textContent(), `Show ${ARTICLES - 20} more of ${ARTICLES - 20}`);
      await more().click();
      await items('rr-articles').nth(ARTICLES - 1).waitFor();
      assert.equal(await more().count(), 0, 'no button once all are shown');
      // Not left on the button that went away.
      await page.waitForFunction((sel) => document.activeElement === document.querySelector(sel), `${APP_READY} ol.rr-articles > li:nth-child(21) a.rr-title`);
    });

    test('an entity page lists the articles naming it ten at a time', async () => {
      // The address its links had before the gazetteer made Al Qaeda a group: it still opens,
      // and the address bar is corrected.
      await page.goto(mode.start() + '#/entity/organisation/al-qaeda');
      const listed = page.locator(`${APP_READY} ol.rr-entity-articles > li`);
      await listed.nth(9).waitFor();
      assert.equal(await page.locator('h1.rr-article-title').innerText(), 'Al Qaeda');
      assert.equal(await page.locator('.rr-kicker .rr-kind').textContent(), 'Group');
      await page.waitForFunction(() => location.hash === '#/entity/group/al-qaeda');
      // 21 articles: 18 name it, 3 only have it among their topics.
      assert.match(await page.locator('.rr-lede').innerText(), / in 18 articles, and 3 more articles tagged with it\./);
      assert.equal(await listed.count(), 10);
      const button = page.locator('.rr-entity .rr-more');
      assert.equal(await button.textContent(), 'Show 10 more of 11');
      await button.click();
      await listed.nth(19).waitFor();
      assert.equal(await listed.count(), 20);
      // Another entity starts again at ten.
      await page.locator('.rr-companions a').filter({ hasText: 'Islamic State' }).click();
      await page.locator('h1.rr-article-title').filter({ hasText: 'Islamic State' }).waitFor();
      await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 10, `${APP_READY} ol.rr-entity-articles > li`);
    });

    test('a month with more mentions than a page lists 25, then the rest', async () => {
      await page.goto(mode.start() + '#/timeline?by=month&from=2005&to=2005');
      const july = page.locator('.rr-tl-bucket').filter({ has: page.locator('h2', { hasText: 'July 2005' }) });
      await july.waitFor();
      const heading = await july.locator('h3').first().textContent();
      const total = Number(heading.match(/^Mentioned in the articles \((\d+)\)$/)[1]);
      assert.ok(total > 25 && total <= 50, `the chronicle's twenty and the sample's: ${total}`);
      const mentions = july.locator('.rr-tl-mention');
      assert.equal(await mentions.count(), 25);
      const button = july.locator('.rr-more');
      assert.equal(await button.textContent(), `Show ${total - 25} more of ${total - 25}`);
      assert.equal(await button.getAttribute('aria-label'), `Show ${total - 25} more of ${total - 25} mentions of July 2005`, 'which list it grows');
      await button.click();
      await mentions.nth(total - 1).waitFor();
      assert.equal(await button.count(), 0, 'no button once all are shown');
      // The focus is on the first mention added.
      await page.waitForFunction((m) => m.contains(document.activeElement), await mentions.nth(25).elementHandle());
      // Another period starts again at 25 a month.
      await page.locator('.rr-zoom a').filter({ hasText: 'Decades' }).click();
      await page.locator('.rr-tl-bucket h2 a').filter({ hasText: '2000s' }).click();
      await page.locator('.rr-tl-bucket h2 a').filter({ hasText: /^2005$/ }).click();
      await page.waitForURL(/#\/timeline\?by=month&from=2005&to=2005$/);
      await july.waitFor();
      assert.equal(await mentions.count(), 25);
    });

    test('a query pages the same way, and a new query starts again at ten', async () => {
      await page.locator('#rr-q').fill('terrorism');
      await page.locator('.rr-count').filter({ hasText: 'for “terrorism”' }).waitFor();
      const total = Number((await page.locator('.rr-count').textContent()).match(/^(\d+) results/)[1]);
      assert.ok(total > 10, `more than a page of results: ${total}`);
      assert.equal(await items('rr-hits').count(), 10);
      const left = total - 10;
      assert.equal(await more().textContent(), `Show ${Math.min(10, left)} more of ${left}`);
      await more().click();
      await items('rr-hits').nth(Math.min(20, total) - 1).waitFor();
      assert.equal(await items('rr-hits').count(), Math.min(20, total));

      await page.locator('#rr-q').fill('terrorist');
      await page.locator('.rr-count').filter({ hasText: 'for “terrorist”' }).waitFor();
      const next = Number((await page.locator('.rr-count').textContent()).match(/^(\d+) results/)[1]);
      assert.ok(next > 10, `more than a page of results: ${next}`);
      await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 10, `${APP_READY} ol.rr-hits > li`);
      assert.equal(await more().textContent(), `Show ${Math.min(10, next - 10)} more of ${next - 10}`);
      assert.deepEqual(problems, []);
    });
  });
}
