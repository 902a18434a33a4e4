// An archive in Spanish (tests/fixtures/spanish, whose archive.toml names the language): the
// app analyses a reader's queries with the Spanish stemmer and stop words the index was built
// with, over http and file://, and its pages say they are in Spanish.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { APP_READY, browserAndServer, modes, shownQuery, watch } from './browser.mjs';

const DIST = process.env.READINGROOM_SPANISH_DIST;
if (!DIST) {
  throw new Error('READINGROOM_SPANISH_DIST is not set: run `cargo xtask test`, or build tests/fixtures/spanish with `cargo xtask build --corpus tests/fixtures/spanish --out DIR` and set it to DIR');
}

const MADRID = 'Las bombas de Madrid, veinte años después';
const AMENAZA = 'La amenaza yihadista en Europa';

const shared = browserAndServer(DIST);

for (const mode of modes(() => shared.server, DIST)) {
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

    /// Types `q` into the search box as a reader would, and returns the titles found.
    async function typed(q) {
      await page.locator('#rr-q').fill('');
      await page.locator('#rr-q').pressSequentially(q);
      await page.locator('.rr-count').filter({ hasText: `for ${shownQuery(q)}` }).waitFor();
      return (await page.locator('ol.rr-hits > li .rr-title').allInnerTexts()).sort();
    }

    test('the page is in Spanish, and queries are stemmed and stopped as the index was', async () => {
      await page.goto(mode.start());
      await page.locator(APP_READY).waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
      // "investigaciones" and "investigar" share a Spanish stem, not an English one.
      assert.deepEqual(await typed('investigaciones'), [AMENAZA, MADRID]);
      // "más" is a Spanish stop word, accented or not: only one article writes it, and it
      // does not keep the other from a search for bombs.
      assert.deepEqual(await typed('más bombas'), [AMENAZA, MADRID]);
      assert.deepEqual(await typed('mas bombas'), [AMENAZA, MADRID]);
      assert.deepEqual(await typed('jose maria'), [MADRID]);
      assert.deepEqual(problems, []);
    });

    test('the article marks the words of the same stem', async () => {
      await page.goto(`${mode.start()}#/search?q=investigaciones`);
      await page.locator('ol.rr-hits > li .rr-title').filter({ hasText: MADRID }).click();
      await page.locator('.rr-article-title').filter({ hasText: MADRID }).waitFor();
      assert.deepEqual(await page.locator('.rr-article mark').allInnerTexts(), ['investigar']);
      assert.deepEqual(problems, []);
    });
  });
}
