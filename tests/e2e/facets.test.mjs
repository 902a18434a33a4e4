// End to end: facets with live counts, the date range, the timeline, entity pages and the
// article's links into them, in headless Chromium on both builds (http sub-path and file://).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { HOME_READY, browserAndServer, modes as buildModes, shownQuery, watch } from './browser.mjs';

const shared = browserAndServer();

/** `{value: count}` of one facet as shown. */
async function counts(page, facet) {
  const rows = page.locator(`section.rr-facet[data-facet="${facet}"] .rr-facet-value`);
  const out = {};
  for (const row of await rows.all()) {
    out[await row.locator('.rr-facet-name').innerText()] = Number(await row.locator('.rr-n').innerText());
  }
  return out;
}

const checkbox = (page, facet, value) =>
  page.locator(`section.rr-facet[data-facet="${facet}"] .rr-facet-value`).filter({ hasText: value }).locator('input');

const resultSlugs = (page) =>
  page.locator('ol.rr-hits > li a.rr-title').evaluateAll((as) => as.map((a) => a.getAttribute('href').match(/article\/([^?]+)/)[1]));

/** Waits until the results heading says `n` results. */
const waitCount = (page, n) =>
  page.locator('.rr-count').filter({ hasText: new RegExp(`^${n === 0 ? 'No' : n} results?`) }).waitFor();

for (const mode of buildModes(() => shared.server)) {
  describe(mode.name, () => {
    let page;
    let problems;
    before(async () => {
      page = await shared.browser.newPage({ viewport: { width: 1280, height: 900 } });
      problems = watch(page, mode.isOwn);
    });
    after(async () => {
      await page.close();
    });

    test('home shows every facet with its counts', async () => {
      await page.goto(mode.start());
      await page.locator('section.rr-facet[data-facet="year"]').waitFor();
      assert.deepEqual(await counts(page, 'year'), { 2018: 2, 2017: 2, 2016: 3 });
      assert.deepEqual(await counts(page, 'kind'), { 'op-ed': 3, 'book review': 1, comic: 1, commentary: 1, interview: 1 });
      const outlets = await counts(page, 'outlet');
      assert.equal(outlets['The Telegraph'], 3);
      assert.equal(Object.keys(outlets).length, 5);
      const places = page.locator('section.rr-facet[data-facet="place"]');
      await places.getByRole('searchbox').fill('libya');
      assert.deepEqual(await counts(page, 'place'), { Libya: 2 }, 'entity facets count the articles that mention it (“Libyan” is not Libya)');
      await places.getByRole('searchbox').fill('');
      assert.ok((await counts(page, 'org'))['Al Qaeda'] >= 5);
      // An entity's value is found by any of its names, and a filter that finds none says so.
      const orgs = page.locator('section.rr-facet[data-facet="org"]');
      await orgs.getByRole('searchbox').fill('Daesh');
      assert.deepEqual(Object.keys(await counts(page, 'org')), ['Islamic State']);
      await orgs.getByRole('searchbox').fill('al-qaida');
      assert.ok(Object.keys(await counts(page, 'org')).includes('Al Qaeda'));
      await orgs.getByRole('searchbox').fill('zzz');
      assert.equal(await orgs.locator('.rr-facet-value').count(), 0);
      assert.equal(await orgs.locator('.rr-facet-none').innerText(), 'None match “zzz”.');
      await orgs.getByRole('searchbox').fill('');
      // Who wrote them, each name its own value (the comic has two authors).
      assert.deepEqual(await counts(page, 'author'), { 'Raffaello Pantucci': 7, 'Wes Mountain': 1 });
      // A long list shows its most frequent values and filters the rest by name.
      const people = page.locator('section.rr-facet[data-facet="person"]');
      assert.equal(await people.locator('.rr-facet-value').count(), 8);
      await people.getByRole('searchbox').fill('basu');
      assert.deepEqual(await counts(page, 'person'), { 'Neil Basu': 1 });
      await people.getByRole('searchbox').fill('');
      await people.locator('button.rr-facet-more').click();
      assert.ok((await people.locator('.rr-facet-value').count()) > 8);
      // The focus moves on to the first value added.
      await page.waitForFunction((ninth) => document.activeElement === ninth, await people.locator('li').nth(8).locator('input').elementHandle());
      // And folds back to the first eight, the focus staying in the facet, on its "Show more".
      await people.getByRole('button', { name: 'Show fewer people' }).click();
      assert.equal(await people.locator('.rr-facet-value').count(), 8);
      assert.equal(await people.getByRole('button', { name: 'Show fewer people' }).count(), 0);
      await page.waitForFunction((more) => document.activeElement === more, await people.locator('button.rr-facet-more').elementHandle());
    });

    test('facets OR within, AND across, count as if their own choice were lifted, and restore on reload', async () => {
      await page.goto(mode.start());
      await checkbox(page, 'outlet', 'The Telegraph').check();
      await waitCount(page, 3);
      assert.match(page.url(), /#\/search\?outlet=The\+Telegraph$/);
      assert.deepEqual(await counts(page, 'year'), { 2017: 1, 2016: 2 }, 'years within the outlet');
      assert.equal((await counts(page, 'outlet'))['CTC Sentinel'], 1, 'the outlet facet lifts its own choice');

      await checkbox(page, 'year', '2017').check();
      await waitCount(page, 1);
      assert.deepEqual(await resultSlugs(page), ['twelve-years-on-from-7-7']);
      await checkbox(page, 'year', '2016').check();
      await waitCount(page, 3);
      assert.deepEqual(await counts(page, 'year'), { 2017: 1, 2016: 2 });
      assert.equal(await page.locator('.rr-chips .rr-chip').count(), 3);

      await page.reload();
      await waitCount(page, 3);
      assert.ok(await checkbox(page, 'year', '2016').isChecked());
      assert.ok(await checkbox(page, 'outlet', 'The Telegraph').isChecked());
      assert.equal(await checkbox(page, 'year', '2018').count(), 0, 'a value with no articles left is not offered');

      await page.locator('.rr-chips a[aria-label="Remove Year: 2016"]').click();
      await waitCount(page, 1);
      await page.goBack();
      await waitCount(page, 3);
      await page.locator('.rr-chips a.rr-clear').click();
      await page.locator(HOME_READY).nth(6).waitFor();
      assert.equal(await page.locator('.rr-chips').count(), 0);
    });

    test('a value chosen stays in view however far down its list, and no match says why', async () => {
      await page.goto(mode.start() + '#/search?person=Salman+Abedi&org=Prevent+%28programme%29');
      await page.locator('.rr-chips').waitFor();
      for (const [facet, value] of [['person', 'Salman Abedi'], ['org', 'Prevent']]) {
        const box = checkbox(page, facet, value);
        assert.ok(await box.isVisible(), `${value} is shown in its list`);
        assert.ok(await box.isChecked(), `${value} is ticked`);
      }
      // Each list still shows its eight most frequent values, and the chosen one after them.
      for (const [facet, value] of [['person', 'Salman Abedi'], ['org', 'Prevent (programme)']]) {
        const names = await page.locator(`section.rr-facet[data-facet="${facet}"] .rr-facet-name`).allInnerTexts();
        assert.equal(names.length, 9, names.join(', '));
        assert.equal(names.at(-1), value);
      }
      // Filters alone that leave nothing say so without speaking of words never typed.
      await page.goto(mode.start() + '#/search?kind=comic&place=Pakistan');
      await waitCount(page, 0);
      assert.equal(await page.locator('.rr-empty p').first().innerText(), 'No article has all the filters chosen.');
    });

    test('counts follow the query', async () => {
      await page.goto(mode.start());
      await page.locator(HOME_READY).first().waitFor();
      await page.locator('#rr-q').fill('Libya');
      await waitCount(page, 3);
      assert.deepEqual(await counts(page, 'year'), { 2018: 2, 2017: 1 });
      await checkbox(page, 'year', '2018').check();
      await waitCount(page, 2);
      assert.match(page.url(), /q=Libya&year=2018$/);
      assert.deepEqual((await resultSlugs(page)).sort(), ['al-qaedas-revenge-and-the-exile', 'view-from-the-ct-foxhole-neil-basu']);
      // Typing keeps the facets chosen.
      await page.locator('#rr-q').fill('Libya Basu');
      await waitCount(page, 1);
      assert.match(page.url(), /year=2018/);
      // New words that find the same article leave the facets' counts as they were, and a
      // value chosen then joins the words now typed, not those the counts were made for.
      const kinds = await counts(page, 'kind');
      await page.locator('#rr-q').fill('Libya Basu Neil');
      await page.locator('.rr-count').filter({ hasText: shownQuery('Libya Basu Neil') }).waitFor();
      assert.deepEqual(await counts(page, 'kind'), kinds);
      await checkbox(page, 'kind', 'interview').check();
      await page.waitForURL(/kind=interview/);
      assert.match(page.url(), /q=Libya(\+|%20)Basu(\+|%20)Neil&year=2018&kind=interview$/);
    });

    test('the date range works from the keyboard and by dragging across the histogram', async () => {
      await page.goto(mode.start() + '#/');
      const to = page.getByRole('slider', { name: 'To' });
      await to.focus();
      await page.keyboard.press('Home');
      await waitCount(page, 1);
      assert.match(page.url(), /#\/search\?to=2016-09$/);
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
      await waitCount(page, 3);
      assert.match(page.url(), /to=2016-12$/);
      assert.match(await page.locator('.rr-chips').innerText(), /Dates: until 2016/);
      // Four steps of the slider are one change: back undoes it whole, forward redoes it.
      await page.goBack();
      await page.locator(HOME_READY).first().waitFor();
      assert.match(page.url(), /#\/$/);
      await page.goForward();
      await waitCount(page, 3);
      assert.match(page.url(), /to=2016-12$/);
      await page.reload();
      await waitCount(page, 3);
      assert.equal(await page.getByRole('slider', { name: 'To' }).inputValue(), '3');
      // The other slider, straight after, is another change: back undoes it alone.
      await page.goto(mode.start() + '#/');
      await page.getByRole('slider', { name: 'To' }).focus();
      await page.keyboard.press('Home');
      await page.keyboard.press('ArrowRight');
      await page.waitForURL(/#\/search\?to=2016-10$/);
      await page.getByRole('slider', { name: 'From' }).focus();
      await page.keyboard.press('ArrowRight');
      await page.waitForURL(/from=2016-10&to=2016-10$/);
      await page.goBack();
      await page.waitForURL(/#\/search\?to=2016-10$/);

      // Drag from January 2017 to July 2017 (month bins 4 and 10 of 18).
      await page.goto(mode.start() + '#/');
      const svg = page.locator('.rr-histogram svg');
      const box = await svg.boundingBox();
      const x = (bin) => box.x + ((bin + 0.5) * box.width) / 18;
      // Hovering a bar tells its month and count, and leaving the chart restores the span.
      const label = page.locator('.rr-histogram .rr-range-label');
      const span = await label.innerText();
      await page.mouse.move(x(4), box.y + box.height / 2);
      await page.locator('.rr-histogram path.rr-bar-hover').waitFor();
      assert.match(await label.innerText(), /^Jan 2017\s+1 article$/);
      await page.mouse.move(box.x + box.width / 2, box.y - 40);
      await page.locator('.rr-histogram path.rr-bar-hover').waitFor({ state: 'detached' });
      assert.equal(await label.innerText(), span);
      await page.mouse.move(x(4), box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(x(7), box.y + box.height / 2);
      await page.mouse.move(x(10), box.y + box.height / 2);
      await page.mouse.up();
      await waitCount(page, 2);
      assert.match(page.url(), /from=2017-01&to=2017-07$/);
      assert.deepEqual((await resultSlugs(page)).sort(), ['comic-explainer-lone-actor-terrorism', 'twelve-years-on-from-7-7']);
      // The range narrows the other facets but not its own histogram.
      assert.deepEqual(await counts(page, 'year'), { 2017: 2 });
      assert.match(await page.locator('.rr-histogram .rr-range-label').innerText(), /2 articles/);
      assert.equal(await svg.getAttribute('data-bars'), '18');
      // The months with articles are drawn, those in the range as one path, the rest as another.
      const rects = async (which) => ((await page.locator(`.rr-histogram path${which}`).getAttribute('d')).match(/M/g) ?? []).length;
      assert.deepEqual([await rects('.rr-bar.rr-in'), await rects('.rr-bar:not(.rr-in)')], [2, 5], 'seven months with an article each');
      assert.match(await page.locator('.rr-chips').innerText(), /Dates: Jan – Jul 2017/);

      // An article dated only to its year may be from any of its months: a range that holds
      // some of them keeps it (the comic, dated 2017), rather than dropping it for January.
      await page.goto(mode.start() + '#/search?from=2017-02&to=2017-12');
      await waitCount(page, 2);
      assert.deepEqual((await resultSlugs(page)).sort(), ['comic-explainer-lone-actor-terrorism', 'twelve-years-on-from-7-7']);
      assert.match(await page.locator('.rr-chips').innerText(), /Dates: Feb – Dec 2017/);
      assert.equal(await page.locator('.rr-range-label .rr-n').innerText(), '2 articles', 'the range’s count is the results’');
      // Each slider's thumb stands under the bar it chose (February, bar 5 of 18; December, 15).
      const chart = await page.locator('.rr-histogram svg').boundingBox();
      for (const [name, bin] of [['From', 5], ['To', 15]]) {
        const slider = page.getByRole('slider', { name });
        assert.equal(await slider.inputValue(), String(bin));
        const track = await slider.boundingBox();
        const thumb = track.x + 8 + (bin / 17) * (track.width - 16);
        const [left, right] = [chart.x + (bin * chart.width) / 18, chart.x + ((bin + 1) * chart.width) / 18];
        assert.ok(thumb >= left - 1 && thumb <= right + 1, `${name}: thumb at ${thumb.toFixed(1)}, bar ${left.toFixed(1)}–${right.toFixed(1)}`);
      }
      await page.goto(mode.start() + '#/search?from=2018-02&to=2018-02');
      await waitCount(page, 2);
      assert.deepEqual((await resultSlugs(page)).sort(), ['al-qaedas-revenge-and-the-exile', 'view-from-the-ct-foxhole-neil-basu']);
      assert.equal(await page.locator('.rr-range-label .rr-n').innerText(), '2 articles');
      await page.goto(mode.start() + '#/search?from=2017-11&to=2017-11');
      await waitCount(page, 1);
      assert.equal(await page.locator('.rr-range-label .rr-n').innerText(), '1 article');
    });

    test('an entity of the gazetteer that no article names says so, with no empty chart or list', async () => {
      await page.goto(mode.start() + '#/entity/organisation/combating-terrorism-center');
      await page.locator('h1.rr-article-title').filter({ hasText: 'Combating Terrorism Center' }).waitFor();
      assert.equal(await page.locator('.rr-lede').textContent(), 'No article in this archive names it or is tagged with it.');
      assert.equal(await page.locator('.rr-entity-articles, .rr-entity-chart').count(), 0);
    });

    test('an entity facet value and an entity page lead to each other', async () => {
      await page.goto(mode.start() + '#/entity/place/libya');
      await page.locator('h1.rr-article-title').filter({ hasText: 'Libya' }).waitFor();
      assert.equal(await page.locator('ol.rr-entity-articles > li').count(), 2);
      // Each article with the passage that names it, the name marked.
      for (const li of await page.locator('ol.rr-entity-articles > li').all()) {
        assert.ok((await li.locator('.rr-snippet mark').allTextContents()).includes('Libya'), await li.innerText());
        assert.match(await li.locator('.rr-meta .rr-count-of').textContent(), /^\d+ mentions?$/, 'its mentions counted in its line');
      }
      assert.ok((await page.locator('.rr-companions a').count()) > 3, 'the entities it appears with');
      // Its other names, none of them its own name again.
      await page.goto(mode.start() + '#/entity/group/al-qaeda');
      await page.locator('h1.rr-article-title').filter({ hasText: 'Al Qaeda' }).waitFor();
      assert.match(await page.locator('.rr-aliases').innerText(), /^Also written al-Qaeda, al-Qaida, /);
      await page.goto(mode.start() + '#/entity/group/eta');
      await page.locator('h1.rr-article-title').filter({ hasText: 'ETA' }).waitFor();
      assert.equal(await page.locator('.rr-aliases').count(), 0, 'ETA is written only ETA');
      // An article whose topics name a group and whose text does not is tagged, not a mention.
      await page.goto(mode.start() + '#/entity/group/al-qaeda');
      const comic = page.locator('ol.rr-entity-articles > li').filter({ hasText: 'Comic explainer' });
      await comic.waitFor();
      assert.equal(await comic.locator('.rr-count-of').textContent(), 'tagged');
      assert.match(await page.locator('.rr-entity .rr-lede').innerText(), /^\d+ mentions in 6 articles, and 1 more article tagged with it\./);
      // And a search it answers by its topics alone says so.
      await page.goto(mode.start() + '#/search?q=al-qaida');
      const found = page.locator('ol.rr-hits > li').filter({ hasText: 'Comic explainer' });
      await found.locator('.rr-matched').waitFor();
      assert.equal(await found.locator('.rr-matched').innerText(), 'Tagged Al Qaeda');
      assert.equal(await found.locator('.rr-matched mark').innerText(), 'Al Qaeda');
      // Or by its author alone, mistyped: the pieces by Raffaello Pantucci that never name him.
      await page.goto(mode.start() + '#/search?q=pantuci');
      await page.locator('ol.rr-hits > li').first().waitFor();
      const byLines = await page.locator('ol.rr-hits > li .rr-matched').allInnerTexts();
      assert.ok(byLines.length > 0 && byLines.every((t) => t === 'By Raffaello Pantucci'), `${byLines}`);
      const hits = await page.locator('ol.rr-hits > li').count();
      const shown = await page.locator('ol.rr-hits > li').evaluateAll((lis) => lis.filter((li) => li.querySelector('mark')).length);
      assert.equal(shown, hits, 'every result shows why it was found');
      await page.goto(mode.start() + '#/entity/place/libya');
      assert.ok((await page.locator('.rr-entity-chart rect').count()) >= 3, 'mentions over time');
      const companion = page.locator('.rr-companions a').first();
      const href = await companion.getAttribute('href');
      assert.match(href, /^#\/entity\/(person|organisation|group|place|event)\/[a-z0-9-]+$/);
      await companion.click();
      await page.waitForURL((u) => u.hash === href);
      await page.locator('h1.rr-article-title').waitFor();
      await page.goBack();
      await page.locator('.rr-lede a').filter({ hasText: 'Explore them' }).click();
      await waitCount(page, 2);
      assert.match(page.url(), /#\/search\?place=Libya$/);
      // An article opened from the entity page highlights the entity's names.
      await page.goto(mode.start() + '#/entity/place/libya');
      await page.locator('ol.rr-entity-articles a.rr-title').first().click();
      await page.locator('.rr-article-title').waitFor();
      assert.ok((await page.locator('.rr-body mark').count()) >= 1);
      // Its way back is the entity's page, not a search the reader never made; reloaded (the
      // URL keeps the search only), the search.
      assert.equal(await page.locator('a.rr-back').innerText(), '← Libya');
      await page.reload();
      await page.locator('a.rr-back').filter({ hasText: '← Results for “Libya”' }).waitFor();
      await page.goBack();
      await page.locator('ol.rr-entity-articles a.rr-title').first().click();
      await page.locator('a.rr-back').filter({ hasText: '← Libya' }).click();
      await page.waitForURL(/#\/entity\/place\/libya$|rr=%2Fentity%2Fplace%2Flibya/);
      await page.locator('h1.rr-article-title').filter({ hasText: 'Libya' }).waitFor();
      // Back to the article is the article its URL names: the way back its exploration.
      await page.goBack();
      await page.locator('a.rr-back').filter({ hasText: '← Results for “Libya”' }).waitFor();
    });

    test('the article links to its entities, its topics and the dates it mentions', async () => {
      await page.goto(mode.start() + '#/article/view-from-the-ct-foxhole-neil-basu');
      await page.locator('.rr-entities').waitFor();
      const basu = page.locator('.rr-entities a.rr-chip').filter({ hasText: 'Neil Basu' });
      assert.equal(await basu.getAttribute('href'), '#/entity/person/neil-basu');
      await basu.click();
      await page.locator('h1.rr-article-title').filter({ hasText: 'Neil Basu' }).waitFor();
      await page.goBack();
      // In time order: each chip's period, from its link (a year, or a year and month).
      const order = await page.locator('.rr-dates a').evaluateAll((links) =>
        links.map((a) => new URLSearchParams(a.getAttribute('href').split('?')[1]).get('at')));
      assert.ok(order.length > 3 && order.every(Boolean), JSON.stringify(order));
      const when = order.map((at) => at.split('-').map(Number)).map(([y, m = 0]) => y * 100 + m);
      assert.deepEqual(when, [...when].sort((a, b) => a - b), `dates in time order: ${order}`);
      const october = page.locator('.rr-dates a').filter({ hasText: 'October 2016' });
      await october.click();
      await page.locator('.rr-timeline').waitFor();
      assert.match(page.url(), /#\/timeline\?by=month&from=2016&to=2016&at=2016-10$/);
      // The timeline opens at that month, marked, in view below the header.
      const here = page.locator('.rr-tl-bucket.rr-tl-here');
      assert.equal(await here.locator('h2').textContent(), 'October 2016');
      assert.equal(await here.getAttribute('aria-current'), 'true');
      assert.equal(await page.locator('.rr-tl-here').count(), 1);
      const top = await here.evaluate((e) => e.getBoundingClientRect().top);
      assert.ok(top > 0 && top < 300, `October 2016 at ${top}px from the window's top`);
      assert.ok(await page.evaluate(() => scrollY) > 0, 'scrolled down to it');
      await page.goBack();
      await page.locator('.rr-topics a').filter({ hasText: 'Prevent' }).click();
      await page.locator('.rr-chips').waitFor();
      assert.match(page.url(), /#\/search\?topic=Prevent$/);
      // An author in the byline leads to everything they wrote.
      await page.goto(mode.start() + '#/article/comic-explainer-lone-actor-terrorism');
      assert.equal(await page.locator('.rr-byline > span').first().textContent(), 'By Raffaello Pantucci and Wes Mountain');
      await page.locator('.rr-byline a.rr-author').filter({ hasText: 'Wes Mountain' }).click();
      await waitCount(page, 1);
      assert.match(page.url(), /#\/search\?author=Wes\+Mountain$|#\/search\?author=Wes%20Mountain$/);
      assert.deepEqual(await resultSlugs(page), ['comic-explainer-lone-actor-terrorism']);
      assert.equal(await page.locator('a.rr-chip[aria-label^="Remove"]').count(), 1);
    });

    test('the timeline zooms from decades to months, and a mention opens its sentence highlighted', async () => {
      await page.goto(mode.start() + '#/timeline');
      await page.locator('.rr-tl-bucket').first().waitFor();
      const decades = await page.locator('.rr-tl-bucket h2').allInnerTexts();
      assert.ok(decades.includes('2010s') && decades.includes('2000s'), decades.join());
      assert.ok(decades.some((d) => /^19[0-9]0s$/.test(d)), 'dates mined from the text reach back before 2000');
      await page.locator('.rr-tl-bucket h2 a').filter({ hasText: '2000s' }).click();
      await page.waitForURL(/#\/timeline\?by=year&from=2000&to=2009$/);
      await page.locator('.rr-tl-bucket h2 a').filter({ hasText: /^2005$/ }).click();
      await page.waitForURL(/#\/timeline\?by=month&from=2005&to=2005$/);
      const july = page.locator('.rr-tl-bucket').filter({ has: page.locator('h2', { hasText: 'July 2005' }) });
      const event = july.locator('.rr-tl-mention').filter({ has: page.locator('a.rr-chip', { hasText: '7 July 2005 London bombings' }) }).first();
      const quoted = (await event.locator('q').innerText()).replace(/…$/, '').trim();
      assert.ok(/7\/7|July 7/.test(await event.locator('q mark').innerText()), 'the event’s name is marked in its sentence');
      // Cited with when the piece was written; looking back, so not marked as looking ahead.
      assert.match(await event.locator('cite').innerText(), / \((\d{1,2} )?([A-Z][a-z]+ )?20[12]\d\)$/);
      assert.equal(await event.locator('.rr-tl-ahead').count(), 0);
      await event.locator('a.rr-tl-sentence').click();
      await page.locator('.rr-at').waitFor();
      assert.match(page.url(), /#\/article\/[a-z0-9-]+\?at=\d+$/);
      const at = await page.locator('.rr-at').innerText();
      assert.ok(at.startsWith(quoted.replace(/^… /, '').slice(0, 40)) || quoted.startsWith('…'), `${at} / ${quoted}`);
      assert.ok(at.includes(quoted.replace(/^… /, '').slice(0, 30)), `${at} / ${quoted}`);
      const top = await page.locator('.rr-at').evaluate((e) => e.getBoundingClientRect().top);
      assert.ok(top >= 0 && top < 900, 'scrolled to the sentence');
      // The way back is the timeline it came from.
      assert.equal(await page.locator('a.rr-back').innerText(), '← Timeline');
      assert.match(await page.locator('a.rr-back').getAttribute('href'), /timeline\?by=month&from=2005&to=2005/);
      // By the month a bar cannot zoom further: it goes to its month in the list, marked.
      await page.goto(mode.start() + '#/timeline?by=month&from=2005&to=2005');
      await page.locator('.rr-tl-overview a[aria-label="Go to July 2005 in the list"]').click();
      await page.waitForURL(/#\/timeline\?by=month&from=2005&to=2005&at=2005-07$/);
      const marked = page.locator('#rr-tl-at');
      assert.match(await marked.locator('h2').innerText(), /^July 2005$/);
      assert.equal(await page.locator('.rr-tl-overview a[aria-current="true"]').getAttribute('aria-label'), 'Go to July 2005 in the list');
      const markedTop = await marked.evaluate((e) => e.getBoundingClientRect().top);
      assert.ok(markedTop >= 0 && markedTop < 400, `scrolled to July 2005 (${markedTop}px)`);
      // Zoom controls step back out.
      await page.goto(mode.start() + '#/timeline?by=month&from=2005&to=2005');
      await page.locator('.rr-zoom a').filter({ hasText: 'Decades' }).click();
      await page.waitForURL(/#\/timeline$/);
    });

    test('a span stands under every period it covers, and a sentence is quoted once a period', async () => {
      await page.goto(mode.start() + '#/timeline?by=year&from=2000&to=2009');
      await page.locator('.rr-tl-bucket').first().waitFor();
      const bucket = (label) => page.locator('.rr-tl-bucket').filter({ has: page.locator('h2', { hasText: new RegExp(`^${label}$`) }) });
      for (const year of ['2002', '2003', '2004']) {
        const quotes = await bucket(year).locator('.rr-tl-mention q').allInnerTexts();
        assert.ok(quotes.some((q) => q.includes('between 2002 and 2004')), `${year}: ${quotes.join(' | ')}`);
      }
      const quotes = await bucket('2004').locator('.rr-tl-mention q').allInnerTexts();
      assert.equal(new Set(quotes).size, quotes.length, `no sentence twice under 2004: ${quotes.join(' | ')}`);
      assert.equal(quotes.filter((q) => q.includes('3/11 cell')).length, 1);
      // The decade asked for is drawn whole, to 2009, though nothing is dated after 2005.
      const axis = await page.locator('.rr-tl-overview svg text').allTextContents();
      assert.deepEqual([axis[0], axis.at(-1)], ['’00', '’09']);
    });

    test('the timeline’s chart is read at full size at every zoom, and every month with its year', async () => {
      for (const by of ['decade', 'year', 'month']) {
        await page.goto(mode.start() + `#/timeline?by=${by}`);
        await page.locator('.rr-tl-overview svg text').first().waitFor();
        const sizes = await page.locator('.rr-tl-overview svg').evaluate((svg) => ({
          height: svg.getBoundingClientRect().height,
          labels: [...svg.querySelectorAll('text')].map((t) => [t.textContent, t.getBoundingClientRect()]),
        }));
        assert.ok(sizes.height >= 140, `${by}: the chart is ${sizes.height}px high`);
        for (const [text, box] of sizes.labels) assert.ok(box.height >= 10, `${by}: “${text}” is ${box.height}px high`);
        // Labels never overlap.
        const boxes = sizes.labels.map(([, b]) => b).sort((a, b) => a.left - b.left);
        for (let i = 1; i < boxes.length; i++) assert.ok(boxes[i].left >= boxes[i - 1].right + 2, `${by}: labels ${i - 1} and ${i} touch`);
        // Publications and mentions each on their own scale: the busiest period of either
        // reaches the full half (a few pieces a year beside dozens of mentions had drawn as a
        // pixel or two).
        const tallest = (cls) => page.locator(`.rr-tl-overview rect.${cls}`).evaluateAll((rs) => Math.max(...rs.map((r) => r.getBoundingClientRect().height)));
        const [pub, event] = [await tallest('rr-tl-pub'), await tallest('rr-tl-event')];
        assert.ok(pub > 50 && Math.abs(pub - event) < 1, `${by}: the tallest bars are ${pub} and ${event}px`);
        if (by === 'month') {
          const first = sizes.labels[0][0];
          assert.match(first, /^(’\d\d|\d{4})$/, 'the axis starts with a year');
        }
      }
    });

    test('the timeline lists twelve periods, newest first, then the earlier ones', async () => {
      await page.goto(mode.start() + '#/timeline?by=year');
      const years = page.locator('.rr-tl-bucket h2');
      await years.nth(11).waitFor();
      assert.equal(await years.count(), 12);
      // Only the chart's years with something in them are links (tab stops): an empty one led
      // to an empty chart. Opened anyway, an empty period says so.
      const bars = page.locator('.rr-tl-overview svg > *:is(a, g)');
      const linked = await page.locator('.rr-tl-overview a').count();
      const titles = await bars.evaluateAll((gs) => gs.map((g) => [g.tagName.toLowerCase(), g.querySelector('title').textContent]));
      assert.ok(titles.length > linked && linked > 0, `${linked} of ${titles.length} years linked`);
      for (const [tag, title] of titles) {
        assert.equal(tag === 'a', !/: 0 published, 0 mentioned$/.test(title), title);
      }
      await page.goto(mode.start() + '#/timeline?by=month&from=1975&to=1975');
      await page.locator('.rr-timeline .rr-empty').filter({ hasText: 'Nothing in this period.' }).waitFor();
      await page.goto(mode.start() + '#/timeline?by=year');
      await years.nth(11).waitFor();
      const shown = (await years.allInnerTexts()).map(Number);
      assert.deepEqual(shown, [...shown].sort((a, b) => b - a), 'newest first');
      const button = page.locator('.rr-timeline > .rr-more');
      const left = Number((await button.textContent()).match(/^Show the (\d+) earlier years$/)[1]);
      await button.click();
      await years.nth(11 + left).waitFor();
      assert.equal(await button.count(), 0, 'no button once all are shown');
      const all = (await years.allInnerTexts()).map(Number);
      assert.ok(all.at(-1) < shown.at(-1) && all.at(-1) < 2000, `the earliest years, mined from the text: ${all.at(-1)}`);
      // Another zoom starts again at twelve.
      await page.locator('.rr-zoom a').filter({ hasText: 'Decades' }).click();
      await page.waitForURL(/#\/timeline$/);
      await page.locator('.rr-tl-bucket h2').filter({ hasText: '2010s' }).waitFor();
      await page.locator('.rr-zoom a').filter({ hasText: 'Years' }).click();
      await page.waitForURL(/#\/timeline\?by=year$/);
      await button.waitFor();
      assert.equal(await years.count(), 12);
    });

    test('on a phone the facets fold away behind a Filters button', async () => {
      const phone = await shared.browser.newPage({ viewport: { width: 390, height: 844 } });
      const phoneProblems = watch(phone, mode.isOwn);
      // Words nothing matches leave nothing to narrow, and no button to open.
      await phone.goto(mode.start() + '#/search?q=zzyzx+quaternion');
      await phone.locator('.rr-empty').waitFor();
      assert.equal(await phone.locator('button.rr-filters-toggle').count(), 0);
      await phone.goto(mode.start() + '#/');
      await phone.locator(HOME_READY).first().waitFor();
      assert.equal(await phone.locator('#rr-facets').isVisible(), false);
      // Three rows on a phone: the header scrolls away rather than keep a fifth of the screen.
      assert.equal(await phone.locator('.rr-header').evaluate((e) => getComputedStyle(e).position), 'static');
      // Folded away, the lists are not rendered at all: they would only cost the phone time.
      assert.equal(await phone.locator('#rr-facets .rr-facet').count(), 0);
      const button = phone.locator('button.rr-filters-toggle');
      assert.equal(await button.getAttribute('aria-expanded'), 'false');
      await button.click();
      assert.equal(await button.getAttribute('aria-expanded'), 'true');
      assert.equal(await phone.locator('#rr-facets .rr-facet').count(), 8, 'every facet, once opened');
      await checkbox(phone, 'kind', 'op-ed').check();
      await waitCount(phone, 3);
      assert.equal(await phone.locator('button.rr-filters-toggle').innerText(), 'Filters (1)');
      // Esc in the open filters folds them, the focus back on the button; the button opens them again.
      await checkbox(phone, 'kind', 'op-ed').focus();
      await phone.keyboard.press('Escape');
      assert.equal(await button.getAttribute('aria-expanded'), 'false');
      assert.equal(await phone.evaluate(() => document.activeElement?.className), 'rr-filters-toggle');
      await button.click();
      assert.equal(await button.getAttribute('aria-expanded'), 'true');
      // The next Tab goes into the filters just opened above the results, not past them.
      await button.focus();
      await phone.keyboard.press('Tab');
      assert.ok(await phone.evaluate(() => Boolean(document.activeElement?.closest('#rr-facets'))),
        `the focus is in the filters: ${await phone.evaluate(() => document.activeElement?.outerHTML.slice(0, 80))}`);
      const overflow = await phone.evaluate(() => document.documentElement.scrollWidth > innerWidth);
      assert.equal(overflow, false, 'nothing wider than the phone');
      // The open filters are a screen and more above the results: a button held at the window's
      // foot says what they give and closes them onto it.
      const done = phone.locator('.rr-filters-done button');
      assert.equal(await done.innerText(), 'Show 3 results');
      const doneBox = await done.boundingBox();
      assert.ok(doneBox.y + doneBox.height <= 844 && doneBox.y > 844 - 120, `at the window's foot: ${JSON.stringify(doneBox)}`);
      await done.click();
      assert.equal(await button.getAttribute('aria-expanded'), 'false');
      await phone.waitForFunction(() => document.activeElement?.id === 'rr-results-h');
      const heading = await phone.locator('#rr-results-h').boundingBox();
      assert.ok(heading.y >= -1 && heading.y < 844, `the results in view: ${JSON.stringify(heading)}`);
      await button.click();
      assert.equal(await button.getAttribute('aria-expanded'), 'true');
      // Closed again, the lists go; the choice still narrows what is typed (one op-ed mentions
      // London, of three articles that do); a window widened past the fold shows the lists
      // without a click.
      await button.click();
      await phone.locator('#rr-facets .rr-facet').first().waitFor({ state: 'detached' });
      await phone.locator('#rr-q').fill('london');
      await waitCount(phone, 1);
      await phone.locator('#rr-q').fill('');
      await waitCount(phone, 3);
      await phone.setViewportSize({ width: 1024, height: 844 });
      await phone.locator('#rr-facets .rr-facet[data-facet="kind"]').waitFor();
      assert.equal(await checkbox(phone, 'kind', 'op-ed').isChecked(), true, 'the choice kept');
      await phone.setViewportSize({ width: 390, height: 844 });
      // The timeline's chart is wider than a phone: it scrolls sideways, and opens at its
      // newest end, where the list below begins.
      await phone.goto(mode.start() + '#/timeline');
      const chart = phone.locator('figure.rr-tl-overview');
      await chart.waitFor();
      const [left, hidden] = await chart.evaluate((f) => [f.scrollLeft, f.scrollWidth - f.clientWidth]);
      assert.ok(hidden > 0, 'the chart scrolls sideways on a phone');
      assert.ok(Math.abs(left - hidden) <= 1, `scrolled to its end: ${left} of ${hidden}`);
      const legend = await phone.locator('.rr-tl-overview figcaption').boundingBox();
      assert.ok(legend.x >= 0 && legend.x < 390, `the legend stays on screen: x ${legend.x}`);
      await phone.close();
      assert.deepEqual(phoneProblems, []);
    });

    test('no console errors and no request outside the build', () => {
      assert.deepEqual(problems, []);
    });
  });
}
