// End to end: accessibility. axe-core (WCAG 2.0/2.1 A and AA, and best practices) on every
// view, light and dark, at desktop and phone width, in headless Chromium on both builds (http
// sub-path and file://). No violation is allowed; a failure lists each rule with its targets.
//
//   node --test tests/e2e/a11y.test.mjs
//   A11Y_REPORT=target/a11y.json node --test tests/e2e/a11y.test.mjs   # also writes every violation as JSON

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { writeFile } from 'node:fs/promises';
import { HOME_READY, browserAndServer, modes as buildModes, watch } from './browser.mjs';

const require = createRequire(new URL('../../tools/package.json', import.meta.url));
const AXE = require.resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** Each route, with what shows that its view has rendered (the page is fresh for each route). */
const ROUTES = [
  { name: 'home', hash: '#/', ready: HOME_READY },
  { name: 'search', hash: '#/search?q=libya', ready: 'ol.rr-hits > li' },
  { name: 'no results, with the search tips', hash: '#/search?q=zzyzx+quaternion', ready: '.rr-explore .rr-empty-tips .rr-tips ul' },
  { name: 'facets chosen', hash: '#/search?outlet=The+Telegraph&from=2016-10&to=2017-07', ready: '.rr-chips .rr-chip' },
  { name: 'article, with a query', hash: '#/article/view-from-the-ct-foxhole-neil-basu?q=Basu', ready: '.rr-matchnav' },
  { name: 'article', hash: '#/article/twelve-years-on-from-7-7', ready: '.rr-article-foot' },
  { name: 'timeline', hash: '#/timeline', ready: '.rr-tl-list > li' },
  { name: 'timeline, 2005 by month', hash: '#/timeline?by=month&from=2005&to=2005', ready: '.rr-tl-list > li' },
  { name: 'entity', hash: '#/entity/place/libya', ready: '.rr-entity-articles > li' },
  { name: 'not found', hash: '#/nowhere', ready: '.rr-main > .rr-empty' },
];
const SCHEMES = ['light', 'dark'];
const WIDTHS = [
  { name: 'desktop', viewport: { width: 1280, height: 900 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
];

const shared = browserAndServer();
const report = [];
after(async () => {
  if (process.env.A11Y_REPORT) await writeFile(process.env.A11Y_REPORT, JSON.stringify(report, null, 2));
});

/** Both builds' content security policies refuse inline scripts, and axe is injected as one:
 *  the page bypasses the policy (it changes nothing axe checks). */
async function axe(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ path: AXE });
  return page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    TAGS,
  );
}

const describeViolations = (violations) =>
  violations
    .map((v) => {
      const targets = v.nodes.slice(0, 4).map((n) => `      ${n.target.join(' >> ')}`);
      const more = v.nodes.length > 4 ? [`      … and ${v.nodes.length - 4} more`] : [];
      return [`  ${v.id} (${v.impact}): ${v.help} [${v.nodes.length} node(s)]`, ...targets, ...more].join('\n');
    })
    .join('\n');

/** Two frames: styles of a new colour scheme or viewport have been applied and painted. */
const settle = (page) =>
  page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));

for (const mode of buildModes(() => shared.server)) {
  describe(mode.name, () => {
    let page;
    let problems;
    before(async () => {
      page = await shared.browser.newPage({ viewport: WIDTHS[0].viewport, bypassCSP: true });
      problems = watch(page, mode.isOwn);
    });
    after(async () => {
      await page.close();
    });

    // axe does not check that focus shows: tab through each page as a keyboard user does, and
    // every control reached must draw a ring of at least 2 px (the browser's own is 1 px).
    for (const route of ROUTES.filter((r) => ['no results, with the search tips', 'facets chosen', 'article, with a query'].includes(r.name))) {
      test(`the focus shows on every control tabbed to: ${route.name}`, async () => {
        await page.goto('about:blank');
        await page.setViewportSize(WIDTHS[0].viewport);
        await page.goto(mode.start() + route.hash);
        await page.locator(route.ready).first().waitFor();
        const thin = new Set();
        let reached = 0;
        for (let i = 0; i < 60; i++) {
          await page.keyboard.press('Tab');
          const seen = await page.evaluate(() => {
            const e = document.activeElement;
            if (!e || e === document.body) return null;
            const s = getComputedStyle(e);
            const ring = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
            const label = `${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? '.' + e.className.split(' ')[0] : ''} “${(e.textContent || e.getAttribute('aria-label') || '').trim().slice(0, 30)}”`;
            return { ring: ring || s.boxShadow !== 'none', label };
          });
          if (!seen) continue;
          reached++;
          if (!seen.ring) thin.add(seen.label);
        }
        assert.ok(reached > 10, `tabbing reached ${reached} controls`);
        assert.deepEqual([...thin], [], 'controls whose focus shows no ring of 2 px or more');
      });
    }

    // A link that re-draws the view it stands in takes the focus with it: the reader is put at
    // the view's heading, not at the top of the document (where the next Tab starts over).
    test('the focus goes to the heading when a link re-draws its own view', async () => {
      const heading = () => page.evaluate(() => {
        const e = document.activeElement;
        return e && /^H[1-6]$/.test(e.tagName) ? e.textContent.trim() : `${e?.tagName} ${e?.textContent?.trim().slice(0, 30)}`;
      });
      await page.goto('about:blank');
      await page.goto(mode.start() + '#/search?q=isis&year=2016&outlet=The+Telegraph');
      await page.locator('.rr-chips .rr-chip').first().waitFor();
      await page.getByRole('link', { name: 'Clear all' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/#\/search\?q=isis$/);
      await page.waitForFunction(() => /^H[1-6]$/.test(document.activeElement?.tagName));
      assert.match(await heading(), /^\d+ results for “isis”$/);
      await page.goto(mode.start() + '#/timeline');
      await page.locator('.rr-tl-overview a[aria-label="Zoom into 2000s"]').focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/#\/timeline\?by=year&from=2000&to=2009$/);
      await page.waitForFunction(() => /^H[1-6]$/.test(document.activeElement?.tagName));
      assert.match(await heading(), /2000/);
    });

    for (const route of ROUTES) {
      test(`${route.name} (${route.hash})`, async () => {
        // A fresh document for each route: no state (scroll, open filters) carries over.
        await page.goto('about:blank');
        await page.setViewportSize(WIDTHS[0].viewport);
        await page.emulateMedia({ colorScheme: 'light' });
        await page.goto(mode.start() + route.hash);
        await page.locator('.rr-main > *').first().waitFor();
        await page.locator(route.ready).first().waitFor();
        const failures = [];
        for (const scheme of SCHEMES) {
          for (const width of WIDTHS) {
            await page.emulateMedia({ colorScheme: scheme });
            await page.setViewportSize(width.viewport);
            await settle(page);
            const { violations } = await axe(page);
            const where = `${route.hash} · ${scheme} · ${width.name}`;
            report.push({
              mode: mode.name, route: route.hash, scheme, width: width.name,
              violations: violations.map((v) => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, tags: v.tags,
                nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, summary: n.failureSummary })),
              })),
            });
            if (violations.length) failures.push(`${where}:\n${describeViolations(violations)}`);
          }
        }
        assert.equal(failures.length, 0, `axe violations on ${mode.name}:\n${failures.join('\n')}`);
        assert.deepEqual(problems, [], 'no console errors, page errors or requests outside the build');
      });
    }
  });
}
