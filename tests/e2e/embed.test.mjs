// End to end: Reading Room embedded in a deliberately hostile host page (DIR/embed-demo.html:
// global resets, !important rules, clashing class names, the host's own hash router), over
// http under a sub-path. Both sides must survive. (From file:// a page cannot load the
// loader's module scripts at all; the offline reader uses standalone.html, tested elsewhere.)

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { browserAndServer, watch } from './browser.mjs';

const shared = browserAndServer();

const style = (locator, prop) => locator.evaluate((e, p) => getComputedStyle(e)[p], prop);

/** Opens embed-demo.html in `page` as `edit` rewrites it (another attribute, a second element…). */
async function openDemo(page, edit) {
  await page.route('**/embed-demo.html', async (route) => {
    const res = await route.fetch();
    await route.fulfill({ response: res, body: edit(await res.text()) });
  });
  await page.goto(shared.server.url + 'embed-demo.html');
}

describe('embedded in a hostile host page, over http', () => {
  let page;
  let problems;
  before(async () => {
    page = await shared.browser.newPage({ viewport: { width: 1280, height: 900 } });
    problems = watch(page, (u) => u.startsWith(shared.server.url));
    await page.goto(shared.server.url + 'embed-demo.html');
    await page.locator('#archive ol.rr-articles > li').nth(6).waitFor();
  });
  after(async () => {
    await page.close();
  });

  test('the host keeps its own styles, and none of the app’s leak onto it', async () => {
    assert.equal(await style(page.locator('#host-title'), 'color'), 'rgb(0, 170, 0)');
    assert.equal(await style(page.locator('#host-title'), 'textTransform'), 'uppercase');
    assert.equal(await style(page.locator('#host-about-link'), 'color'), 'rgb(255, 105, 180)');
    assert.equal(await page.evaluate(() => document.querySelectorAll('link[rel=stylesheet], style').length), 1, 'only the host’s own <style> in the document');
    assert.equal(await page.evaluate(() => document.body.className), '');
  });

  test('the app keeps its styles, and takes the host’s theme through custom properties', async () => {
    const title = page.locator('#archive a.rr-title').first();
    assert.equal(await style(title, 'color'), 'rgb(31, 35, 40)', 'our --rr-text, not the host’s !important hotpink');
    assert.equal(await style(page.locator('#archive path.rr-bar.rr-in').first(), 'fill'), 'rgb(29, 78, 216)', 'the host’s --rr-accent');
    // The tint behind the blogger's note and chosen chips follows the host's accent: it had stayed
    // the default's salmon beside the host's blue.
    const soft = await page.locator('#archive .rr-root').evaluate((root) => {
      const probe = document.createElement('div');
      probe.style.background = 'var(--rr-accent-soft)';
      root.append(probe);
      const color = getComputedStyle(probe).backgroundColor;
      probe.remove();
      return color;
    });
    const [r, , b] = soft.match(/[\d.]+/g).map(Number);
    assert.ok(b > r, `a tint of the host's blue: ${soft}`);
    assert.match(await style(title, 'fontFamily'), /Iowan|Palatino|Georgia|DejaVu Serif|serif/);
    assert.doesNotMatch(await style(title, 'fontFamily'), /Comic/);
    assert.equal(await style(page.locator('#archive ol.rr-articles'), 'listStyleType'), 'none');
    assert.notEqual(await style(page.locator('#archive #rr-q'), 'borderStyle'), 'dashed');
    assert.equal(await style(page.locator('#archive .rr-root'), 'display'), 'block');
    assert.equal(await style(page.locator('#archive .rr-count'), 'color') === 'rgb(0, 170, 0)', false);
  });

  test('the app’s headings sit under the host page’s: h2 by default, or where data-headings says', async () => {
    // The host page has its h1; the archive's view title is an h2, its lists' headings h3.
    const levels = (p) => p.locator('#archive :is(h1, h2, h3, h4, h5, h6)').evaluateAll((hs) => [...new Set(hs.map((h) => h.tagName))].sort());
    assert.equal(await page.locator('#archive .rr-count').evaluate((h) => h.tagName), 'H2');
    assert.deepEqual(await levels(page), ['H2', 'H3']);
    assert.equal(await page.locator('#archive .rr-facet .rr-label').first().evaluate((h) => h.tagName), 'H3');
    const other = await shared.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await openDemo(other, (html) => html.replace('data-theme="light"', 'data-headings="3" data-start="/timeline"'));
    await other.locator('#archive .rr-tl-period').first().waitFor();
    assert.equal(await other.locator('#archive .rr-timeline :is(h1, h2, h3, h4, h5, h6)').first().evaluate((h) => h.tagName), 'H3');
    assert.equal(await other.locator('#archive .rr-tl-period').first().evaluate((h) => h.tagName), 'H4');
    assert.equal(await other.locator('#archive .rr-tl-bucket .rr-label').first().evaluate((h) => h.tagName), 'H5');
    // Styled by class, whatever the level: the period's heading as large as on the app's own page.
    const px = async (l) => parseFloat(await style(l.first(), 'fontSize'));
    const [period, label] = [await px(other.locator('#archive .rr-tl-period')), await px(other.locator('#archive .rr-tl-bucket .rr-label'))];
    assert.ok(period > 1.6 * label, `the period's heading (${period}px) stands well above its lists' labels (${label}px)`);
    await other.close();
  });

  test('typography a host page sets on the element (an “entry content” style) does not reach the app’s text; no second <main>', async () => {
    const other = await shared.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await openDemo(other, (html) =>
      html.replace(
        '</head>',
        '<style>#archive { text-align: justify; text-indent: 2em; text-transform: uppercase; font-style: italic; font-weight: 700; letter-spacing: 3px; word-spacing: 6px; white-space: pre-line; --rr-radius: 0; }</style></head>',
      ),
    );
    const title = other.locator('#archive a.rr-title').first();
    await title.waitFor();
    const seen = await title.evaluate((e) => {
      const c = getComputedStyle(e);
      const p = getComputedStyle(e.closest('li'));
      return [p.textAlign, p.textIndent, c.textTransform, c.fontStyle, c.letterSpacing, c.wordSpacing, p.whiteSpace];
    });
    assert.deepEqual(seen, ['start', '0px', 'none', 'normal', 'normal', '0px', 'normal']);
    // A host that squares its corners squares the pill-shaped buttons too.
    assert.equal(await style(other.locator('#archive button.rr-theme'), 'borderTopLeftRadius'), '0px');
    assert.notEqual(await style(page.locator('#archive button.rr-theme'), 'borderTopLeftRadius'), '0px', 'pills by default');
    // The host page has (or may have) its own <main>: the app is a region of it, named for the
    // archive.
    assert.equal(await other.locator('#archive main').count(), 0);
    const region = other.locator('#archive section.rr-main');
    assert.ok((await region.getAttribute('aria-label')).length > 0);
    await other.close();
  });

  test('the host’s root font size (62.5%) does not shrink the app: it sizes itself on the reader’s default', async () => {
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), '10px', 'the host’s reset holds');
    const title = page.locator('#archive a.rr-title').first();
    assert.equal(await style(title, 'fontSize'), '20.8px', '1.3rem of the reader’s 16px');
    assert.equal(await style(page.locator('#archive .rr-facets'), 'fontSize'), '14.4px');
    assert.equal(await style(page.locator('#archive .rr-main'), 'paddingTop'), '24px');
    assert.equal(await style(page.locator('#archive .rr-snippet').first(), 'maxWidth'), '672px', 'the reading measure, 42rem');
    assert.equal(await style(page.locator('#archive .rr-explore'), 'gridTemplateColumns').then((c) => c.split(' ')[0]), '256px');
  });

  test('searching writes the route to ?rr= and leaves the host’s hash alone; the host’s hash router still works', async () => {
    await page.locator('#archive #rr-q').fill('Libya');
    await page.locator('#archive .rr-count').filter({ hasText: /^3 results for “Libya”/ }).waitFor();
    // Typing writes the URL just after the results paint.
    await page.waitForFunction(() => new URL(location.href).searchParams.has('rr'));
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('rr'), '/search?q=Libya');
    assert.equal(url.hash, '');
    // The page is the host's: the view goes in front of its own title.
    await page.waitForFunction(() => document.title === '“Libya” – Host page – Reading Room embedded');
    await page.locator('#host-about-link').click();
    assert.equal(new URL(page.url()).hash, '#about');
    // hashchange is dispatched in a task of its own, after the click returns.
    await page.waitForFunction(() => window.hostHashChanges.length > 0);
    assert.deepEqual(await page.evaluate(() => window.hostHashChanges), ['#about']);
    assert.equal(await page.locator('#archive .rr-count').filter({ hasText: /^3 results/ }).count(), 1, 'the app did not follow the host’s hash');
    assert.equal(new URL(page.url()).searchParams.get('rr'), '/search?q=Libya');
  });

  test('exported results link to their articles on the host page, which opens them', async () => {
    // A page of its own: the tests around this one share `page`'s state.
    const mine = await shared.browser.newPage();
    await mine.goto(shared.server.url + 'embed-demo.html?rr=' + encodeURIComponent('/search?q=Libya'));
    await mine.locator('#archive .rr-export').waitFor();
    const [download] = await Promise.all([mine.waitForEvent('download'), mine.locator('#archive .rr-export button').filter({ hasText: 'CSV' }).click()]);
    const chunks = [];
    for await (const c of await download.createReadStream()) chunks.push(c);
    const rows = Buffer.concat(chunks).toString('utf8').trim().split('\r\n').slice(1);
    assert.equal(rows.length, 3);
    const links = rows.map((r) => new URL(r.split(',').at(-1)));
    for (const [i, link] of links.entries()) {
      assert.equal(link.origin + link.pathname, shared.server.url + 'embed-demo.html', 'the host page, not the app’s own');
      assert.equal(link.searchParams.get('rr'), '/article/' + rows[i].split(',')[0]);
    }
    const other = await shared.browser.newPage();
    await other.goto(links[0].href);
    await other.locator('#archive .rr-article-title').waitFor();
    assert.equal(await other.locator('#archive .rr-article-title').count(), 1);
    await other.close();
    await mine.close();
  });

  test('links, facets, reload and back work inside the host page', async () => {
    await page.locator('#archive section.rr-facet[data-facet="year"] .rr-facet-value').filter({ hasText: '2018' }).locator('input').check();
    await page.locator('#archive .rr-chips').waitFor();
    assert.equal(new URL(page.url()).searchParams.get('rr'), '/search?q=Libya&year=2018');
    await page.locator('#archive ol.rr-hits a.rr-title').first().click();
    await page.locator('#archive .rr-article-title').waitFor();
    const rr = new URL(page.url()).searchParams.get('rr');
    assert.match(rr, /^\/article\/[a-z0-9-]+\?q=Libya&year=2018$/);
    assert.equal(new URL(page.url()).hash, '#about', 'the host’s hash is kept');
    assert.equal(await page.evaluate(() => window.hostHashChanges.length), 1, 'no hashchange from the app');
    await page.reload();
    await page.locator('#archive .rr-article-title').waitFor();
    await page.goBack();
    await page.locator('#archive .rr-chips').waitFor();
    assert.equal(new URL(page.url()).searchParams.get('rr'), '/search?q=Libya&year=2018');
  });

  test('a result opened as soon as its words are typed: back returns to them, on the host page', async () => {
    await page.locator('#archive #rr-q').fill('Basu');
    await page.locator('#archive .rr-count').filter({ hasText: /^1 result for “Basu”/ }).waitFor();
    // Well within the pause after which typing is written into the URL.
    await page.locator('#archive ol.rr-hits a.rr-title').first().click();
    await page.locator('#archive .rr-article-title').waitFor();
    assert.match(new URL(page.url()).searchParams.get('rr'), /^\/article\/[a-z0-9-]+\?q=Basu&year=2018$/);
    await page.goBack();
    await page.locator('#archive .rr-count').filter({ hasText: /for “Basu”/ }).waitFor();
    assert.equal(new URL(page.url()).searchParams.get('rr'), '/search?q=Basu&year=2018');
    assert.equal(new URL(page.url()).hash, '#about', 'the host’s hash is kept');
  });

  test('inside the host page too, n steps to the next match, and back puts the keyboard on the link the article was opened by', async () => {
    await page.locator('#archive #rr-q').fill('terror');
    await page.locator('#archive .rr-count').filter({ hasText: /for “terror”/ }).waitFor();
    const link = page.locator('#archive ol.rr-hits a.rr-title').nth(1);
    const href = await link.getAttribute('href');
    await link.focus();
    await page.keyboard.press('Enter');
    const counter = page.locator('#archive .rr-matchnav [aria-live]');
    await counter.filter({ hasText: /^Match 1 of \d+$/ }).waitFor();
    await page.keyboard.press('n');
    await counter.filter({ hasText: /^Match 2 of \d+$/ }).waitFor();
    await page.goBack();
    await page.locator('#archive ol.rr-hits a.rr-title').nth(1).waitFor();
    await page.waitForFunction((href) => document.querySelector('#archive').shadowRoot.activeElement?.getAttribute('href') === href, href);
  });

  test('keys typed in the app stay in the app; the host’s own “/” shortcut still works outside it', async () => {
    const box = page.locator('#archive #rr-q');
    await box.fill('');
    await box.focus();
    await page.keyboard.type('syria / iraq');
    assert.equal(await box.inputValue(), 'syria / iraq');
    assert.equal(await page.locator('#host-search').inputValue(), '');
    await page.locator('#archive .rr-count').filter({ hasText: /for “syria \/ iraq”/ }).waitFor();
    // "/" pressed on one of the app's links goes to the app's search box, not the host's.
    await page.locator('#archive ol.rr-hits a.rr-title').first().focus();
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'archive');
    assert.equal(await page.locator('#archive').evaluate((e) => e.shadowRoot.activeElement?.id), 'rr-q');
    // Outside the app the host's shortcut is its own.
    await page.locator('#host-title').click();
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'host-search');
  });

  test('data-start opens a chosen view when the URL names none', async () => {
    const other = await shared.browser.newPage();
    const otherProblems = watch(other, (u) => u.startsWith(shared.server.url));
    await openDemo(other, (html) => html.replace('data-theme="light"', 'data-theme="dark" data-start="/timeline"'));
    await other.locator('#archive .rr-timeline').waitFor();
    assert.equal(await other.locator('#archive .rr-root').getAttribute('data-theme'), 'dark');
    await other.waitForFunction(() => document.title === 'Timeline – Host page – Reading Room embedded');
    await other.close();
    assert.deepEqual(otherProblems, []);
  });

  test('data-title="keep" leaves the host page’s title alone', async () => {
    const other = await shared.browser.newPage();
    await openDemo(other, (html) => html.replace('data-theme="light"', 'data-title="keep" data-start="/timeline"'));
    await other.locator('#archive .rr-timeline').waitFor();
    await other.locator('#archive .rr-nav a').filter({ hasText: 'Articles' }).click();
    await other.locator('#archive ol.rr-list > li').first().waitFor();
    // Titles are written just after a view paints; give that time to happen, were it to.
    await other.waitForTimeout(600);
    assert.equal(await other.title(), 'Host page – Reading Room embedded');
    await other.close();
  });

  test('a second element, a second loader, or a build that cannot load: each says so, none is left blank', async () => {
    const other = await shared.browser.newPage();
    const errors = [];
    other.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await openDemo(other, (html) => html
        .replace('<section id="contact"', '<div id="second" data-reading-room></div>\n<section id="contact"')
        .replace('<script type="module" src="./embed.js"></script>', '<script type="module" src="./embed.js"></script>\n<script type="module" src="./embed.js?again"></script>'));
    await other.locator('#archive ol.rr-articles > li').first().waitFor();
    assert.match(await other.locator('#second [role=alert]').textContent(), /Only one archive can be shown on a page/);
    assert.equal(await other.locator('#archive .rr-root').count(), 1, 'mounted once, by the first loader');
    assert.ok(errors.some((e) => /already on this page/.test(e)), errors.join('\n'));
    await other.close();

    // data-build naming this very build by another spelling (a query string) still mounts it.
    const same = await shared.browser.newPage();
    await openDemo(same, (html) => html.replace('data-theme="light"', 'data-build="./?v=2"'));
    await same.locator('#archive ol.rr-articles > li').first().waitFor();
    await same.close();

    const broken = await shared.browser.newPage();
    await openDemo(broken, (html) => html.replace('data-theme="light"', 'data-build="./no-such-build/"'));
    const alert = broken.locator('#archive [role=alert]');
    await alert.waitFor();
    assert.match(await alert.textContent(), /The archive could not be loaded from .*\/no-such-build\//);
    await broken.close();
  });

  test('in a narrow column of a wide host page, the app lays out for its column, not the window', async () => {
    const other = await shared.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const otherProblems = watch(other, (u) => u.startsWith(shared.server.url));
    await other.goto(shared.server.url + 'embed-demo.html');
    await other.addStyleTag({ content: '#archive { max-width: 640px; }' });
    await other.locator('#archive ol.rr-articles > li').first().waitFor();
    // Folded as on a phone: the Filters button, and no facet lists rendered behind it.
    const toggle = other.locator('#archive button.rr-filters-toggle');
    await toggle.waitFor();
    await other.locator('#archive .rr-facet').first().waitFor({ state: 'detached' });
    const [results, explore] = await Promise.all(
      ['.rr-results', '.rr-explore'].map((s) => other.locator(`#archive ${s}`).evaluate((e) => e.getBoundingClientRect().width)),
    );
    assert.ok(results > explore - 1, `the results take the column's whole width: ${results} of ${explore}`);
    await toggle.click();
    assert.equal(await other.locator('#archive .rr-facet').count(), 8);
    await toggle.click();
    // A host's usual content column (760–830 px): the facets stand beside the results again,
    // without a click, and the header keeps to one row.
    await other.addStyleTag({ content: '#archive { max-width: 760px; }' });
    await other.locator('#archive .rr-facet').first().waitFor();
    assert.equal(await toggle.isVisible(), false);
    const beside = await other.locator('#archive .rr-explore').evaluate((e) => {
      const [r, f] = ['.rr-results', '.rr-facets'].map((s) => e.querySelector(s).getBoundingClientRect());
      return { results: r.width, facetsRight: f.right, resultsLeft: r.left, top: [r.top, f.top] };
    });
    assert.ok(beside.facetsRight <= beside.resultsLeft && beside.results >= 430, JSON.stringify(beside));
    const rows = await other.locator('#archive .rr-header > *').evaluateAll((es) => new Set(es.map((e) => Math.round(e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2))).size);
    assert.equal(rows, 1, 'the header’s brand, box, sections and theme on one row');
    await other.addStyleTag({ content: '#archive { max-width: none; }' });
    await other.locator('#archive .rr-facet').first().waitFor();
    assert.equal(await toggle.isVisible(), false);
    await other.close();
    assert.deepEqual(otherProblems, []);
  });

  test('an article opened while the app’s top is in view leaves the host page’s scroll alone; a reload keeps the place', async () => {
    const other = await shared.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await other.goto(shared.server.url + 'embed-demo.html');
    await other.locator('#archive a.rr-title').first().waitFor();
    const top = await other.locator('#archive .rr-root').evaluate((e) => e.getBoundingClientRect().top);
    assert.ok(top > 0 && top < 900, `the app's top in view: ${top}`);
    await other.evaluate((y) => scrollTo(0, y), Math.floor(top / 2));
    const before = await other.evaluate(() => scrollY);
    await other.locator('#archive a.rr-title').first().click();
    await other.locator('#archive .rr-article-title').waitFor();
    assert.equal(await other.evaluate(() => scrollY), before, 'not pulled to the app’s top');
    // Scrolled past the app's top, a new article brings it back into view.
    await other.evaluate(() => scrollTo(0, 2500));
    await other.locator('#archive a.rr-next, #archive a.rr-prev').first().click();
    await other.waitForFunction(() => document.querySelector('#archive').shadowRoot.querySelector('.rr-root').getBoundingClientRect().top >= -1);
    // Older or Newer by the keyboard: the link left at the new article's foot gives the focus
    // to its title, inside the app's shadow root as on its own page.
    await other.locator('#archive a.rr-next, #archive a.rr-prev').first().focus();
    const left = await other.locator('#archive .rr-article-title').textContent();
    await other.keyboard.press('Enter');
    await other.waitForFunction((t) => {
      const shadow = document.querySelector('#archive').shadowRoot;
      return shadow.querySelector('.rr-article-title').textContent !== t && shadow.activeElement?.classList.contains('rr-article-title');
    }, left);
    // A reload keeps the reader's place in the host page.
    await other.evaluate(() => scrollTo(0, 1800));
    await other.reload();
    await other.locator('#archive .rr-article-title').waitFor();
    await other.waitForFunction(() => Math.abs(scrollY - 1800) < 2, null, { timeout: 5000 });
    await other.close();
  });

  test('a citation links to the host page and the article only; the app’s links keep the host’s parameters as written', async () => {
    const other = await shared.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await other.goto(shared.server.url + 'embed-demo.html?utm_campaign=spring&preview&q=a%20b&rr=%2Farticle%2Fsectarian-violence-in-kashmir#comments');
    await other.locator('#archive .rr-article-title').waitFor();
    await other.locator('#archive details.rr-cite summary').click();
    const cited = await other.locator('#archive details.rr-cite pre').first().textContent();
    const expected = shared.server.url + 'embed-demo.html?preview&q=a%20b&rr=%2Farticle%2Fsectarian-violence-in-kashmir';
    assert.ok(cited.includes(expected), `cited: ${cited}`);
    assert.doesNotMatch(cited, /utm_|#comments/);
    // In-app links keep every host parameter, byte for byte, and the host's hash.
    const next = await other.locator('#archive a.rr-next, #archive a.rr-prev').first().getAttribute('href');
    assert.match(next, /\?utm_campaign=spring&preview&q=a%20b&rr=%2Farticle%2F[a-z0-9-]+#comments$/);
    await other.close();
  });

  test('a host page that switches its theme later (a site-wide dark mode) switches the app’s', async () => {
    const other = await shared.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await other.goto(shared.server.url + 'embed-demo.html');
    await other.locator('#archive a.rr-title').first().waitFor();
    const root = other.locator('#archive .rr-root');
    assert.equal(await root.getAttribute('data-theme'), 'light', 'the demo page starts light');
    await other.locator('#archive').evaluate((e) => (e.dataset.theme = 'dark'));
    await other.waitForFunction(() => document.querySelector('#archive').shadowRoot.querySelector('.rr-root').dataset.theme === 'dark');
    assert.equal(await other.locator('#archive .rr-theme-label').textContent(), 'Dark');
    assert.equal(await style(other.locator('#archive .rr-root'), 'backgroundColor'), 'rgb(22, 24, 27)');
    await other.locator('#archive').evaluate((e) => (e.dataset.theme = 'auto'));
    await other.waitForFunction(() => !('theme' in document.querySelector('#archive').shadowRoot.querySelector('.rr-root').dataset));
    assert.equal(await other.locator('#archive .rr-theme-label').textContent(), 'Auto');
    await other.close();
  });

  test('under a right-to-left host page the app still reads left to right, in its own language; a fixed header’s padding is respected', async () => {
    const other = await shared.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await openDemo(other, (html) =>
      html.replace(/<html[^>]*>/, '<html dir="rtl" lang="ar">').replace('</head>', '<style>html { scroll-padding-top: 80px }</style></head>'),
    );
    await other.locator('#archive a.rr-title').first().waitFor();
    const root = other.locator('#archive .rr-root');
    assert.equal(await style(root, 'direction'), 'ltr');
    assert.equal(await root.getAttribute('lang'), 'en');
    // The app's top 40px down the window, under the host's 80px fixed header: hidden, so an
    // article opened brings it below the header.
    await other.evaluate(() => {
      const top = document.querySelector('#archive').getBoundingClientRect().top + scrollY;
      scrollTo(0, top - 40);
    });
    await other.locator('#archive a.rr-title').first().click();
    await other.locator('#archive .rr-article-title').waitFor();
    await other.waitForFunction(() => Math.abs(document.querySelector('#archive').shadowRoot.querySelector('.rr-root').getBoundingClientRect().top - 80) < 2);
    await other.close();
  });

  test('no console errors and no request outside the build', () => {
    assert.deepEqual(problems, []);
  });
});
