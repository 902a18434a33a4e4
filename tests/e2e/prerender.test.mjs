// End to end: the home page pre-rendered into the web build's index.html (bundle::home_shell).
// It must list what the app lists, paint before the wasm arrives, be replaced without anything
// moving, stay out of sight on other routes, and hand over what the reader typed meanwhile.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { HOME_READY, browserAndServer, watch } from './browser.mjs';

const shared = browserAndServer();

const own = (u) => u.startsWith(shared.server.url);
const items = (page) => page.locator('ol.rr-articles > li').evaluateAll((lis) => lis.map((li) => ({
  href: li.querySelector('a.rr-title').getAttribute('href'),
  text: li.innerText,
})));

/// Holds back the wasm until `release()`: the page as a reader sees it before the app starts.
async function holdWasm(page) {
  let release;
  const released = new Promise((ok) => { release = ok; });
  await page.route(/_bg\.wasm$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

describe('the pre-rendered home page of the web build', () => {
  test('without JavaScript it lists the same articles, links and text as the app', async () => {
    const context = await shared.browser.newContext({ javaScriptEnabled: false });
    const still = await context.newPage();
    await still.goto(shared.server.url);
    const shell = await items(still);
    await context.close();

    const page = await shared.browser.newPage();
    const problems = watch(page, own);
    await page.goto(shared.server.url);
    await page.locator(HOME_READY).first().waitFor();
    assert.deepEqual(await items(page), shell);
    assert.equal(shell.length, 7);
    assert.deepEqual(problems, []);
    await page.close();
  });

  for (const viewport of [{ width: 412, height: 823 }, { width: 1280, height: 900 }]) {
    test(`at ${viewport.width}px it paints first and the app replaces it without a layout shift`, async () => {
      const page = await shared.browser.newPage({ viewport });
      const problems = watch(page, own);
      await page.addInitScript(() => {
        window.__shifts = [];
        window.__lcp = [];
        new PerformanceObserver((l) => window.__shifts.push(...l.getEntries().map((e) => e.value)))
          .observe({ type: 'layout-shift', buffered: true });
        // Whose element each candidate is: the pre-rendered page's, or the app's.
        new PerformanceObserver((l) => window.__lcp.push(...l.getEntries().map((e) => (e.element?.closest('[data-prerendered]') ? 'page' : 'app'))))
          .observe({ type: 'largest-contentful-paint', buffered: true });
      });
      await page.goto(shared.server.url);
      await page.locator(HOME_READY).first().waitFor();
      await page.waitForTimeout(300);
      const { shifts, lcp } = await page.evaluate(() => ({ shifts: window.__shifts, lcp: window.__lcp }));
      assert.equal(shifts.reduce((a, b) => a + b, 0), 0, `layout shifts: ${shifts}`);
      assert.ok(lcp.length > 0 && lcp.every((who) => who === 'page'), `the largest paint is the pre-rendered page’s, not the app’s: ${lcp}`);
      assert.deepEqual(problems, []);
      await page.close();
    });
  }

  test('before the app starts, other routes show "Loading", not the home page', async () => {
    const page = await shared.browser.newPage();
    const release = await holdWasm(page);
    await page.goto(`${shared.server.url}#/article/sectarian-violence-in-kashmir`);
    await page.locator('.rr-shell-wait').waitFor();
    assert.equal(await page.locator('ol.rr-articles').isVisible(), false);
    assert.equal(await page.locator('a.rr-brand').isVisible(), true, 'the header is the same on every route');
    release();
    await page.locator('.rr-article-title').waitFor();

    const home = await shared.browser.newPage();
    const releaseHome = await holdWasm(home);
    await home.goto(shared.server.url);
    assert.equal(await home.locator('ol.rr-articles > li').count(), 7);
    assert.equal(await home.locator('.rr-shell-wait').isVisible(), false);
    releaseHome();
    await page.close();
    await home.close();
  });

  test('a dark theme chosen earlier applies before the app starts', async () => {
    const page = await shared.browser.newPage();
    await page.goto(shared.server.url);
    await page.evaluate(() => localStorage.setItem('readingroom-theme', 'dark'));
    const release = await holdWasm(page);
    await page.reload();
    await page.locator('ol.rr-articles > li').first().waitFor();
    assert.equal(await page.locator('.rr-root').getAttribute('data-theme'), 'dark');
    assert.equal(await page.locator('.rr-root').evaluate((e) => getComputedStyle(e).backgroundColor), 'rgb(22, 24, 27)');
    release();
    await page.locator(HOME_READY).first().waitFor();
    assert.equal(await page.locator('.rr-root').getAttribute('data-theme'), 'dark');
    await page.evaluate(() => localStorage.removeItem('readingroom-theme'));
    await page.close();
  });

  test('words typed before the app starts are searched, and the search box keeps the focus', async () => {
    const page = await shared.browser.newPage();
    const problems = watch(page, own);
    const release = await holdWasm(page);
    await page.goto(shared.server.url);
    await page.locator('#rr-q').pressSequentially('Kashmir');
    release();
    await page.waitForFunction(() => location.hash === '#/search?q=Kashmir');
    await page.locator('ol.rr-hits').waitFor();
    assert.equal(await page.locator('#rr-q').inputValue(), 'Kashmir');
    await page.waitForFunction(() => document.activeElement?.id === 'rr-q');
    assert.deepEqual(problems, []);
    await page.close();
  });
});
