// End to end: the reader's view and the keyboard, on both builds (http sub-path and file://):
// "/" focuses search, the arrows walk the results, Esc clears; the theme toggle; older/newer,
// related articles and "cite this" in the article; the print stylesheet.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { HOME_READY, browserAndServer, modes as buildModes, watch } from './browser.mjs';

const shared = browserAndServer();

const focusedId = (page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.getAttribute('href'));

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

    test('keyboard only: / focuses the search, arrows walk the results, Enter opens, Esc clears', async () => {
      await page.goto(mode.start());
      await page.locator(HOME_READY).first().waitFor();
      // The first Tab reaches "Skip to content", shown only then; it goes past the header.
      const skip = page.locator('button.rr-skip');
      assert.equal(await skip.evaluate((b) => b.getBoundingClientRect().width), 1, 'out of sight');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.className), 'rr-skip');
      assert.ok((await skip.evaluate((b) => b.getBoundingClientRect().width)) > 50, 'in sight once reached');
      await page.keyboard.press('Enter');
      assert.equal(await focusedId(page), 'rr-main');
      await page.keyboard.press('Tab');
      assert.ok(
        await page.evaluate(() => document.querySelector('#rr-main').contains(document.activeElement)),
        'the next Tab is inside the view',
      );
      await page.locator('body').click({ position: { x: 5, y: 400 } });
      await page.keyboard.press('/');
      assert.equal(await focusedId(page), 'rr-q');
      await page.keyboard.type('terror attacks');
      // Keystrokes within a frame are searched together: wait for the last one's results.
      await page.locator('.rr-results [role=status]').filter({ hasText: /for terror attacks$/ }).waitFor();
      await page.locator('ol.rr-hits > li').nth(1).waitFor();
      assert.match(await page.locator('.rr-results [role=status]').innerText(), /^\d+ results? for terror attacks$/);
      const links = await page.locator('ol.rr-hits > li > a.rr-title').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      await page.keyboard.press('ArrowDown');
      assert.equal(await focusedId(page), links[0]);
      await page.keyboard.press('ArrowDown');
      assert.equal(await focusedId(page), links[1]);
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowUp');
      assert.equal(await focusedId(page), 'rr-q');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.locator('.rr-article-title').waitFor();
      // The link opened went with the results: the focus is where the article opened, the
      // paragraph of its first match, so that Tab goes on through the article from there.
      await page.waitForFunction(() => document.activeElement?.querySelector?.('mark.rr-current'));
      await page.keyboard.press('Tab');
      assert.ok(
        await page.evaluate(() => document.querySelector('mark.rr-current').compareDocumentPosition(document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING),
        'Tab goes on after the match',
      );
      await page.goBack();
      await page.locator('ol.rr-hits > li').first().waitFor();
      await page.locator('#rr-q').focus();
      await page.keyboard.press('Escape');
      await page.locator(HOME_READY).first().waitFor();
      assert.equal(await page.locator('#rr-q').inputValue(), '');
      // Typing "/" into the box is a character, not a shortcut.
      await page.locator('#rr-q').focus();
      await page.keyboard.type('9/11');
      assert.equal(await page.locator('#rr-q').inputValue(), '9/11');
      // On a checkbox "/" is still the shortcut: a checkbox takes no text.
      await page.goto(mode.start() + '#/');
      await page.locator('section.rr-facet[data-facet="year"] input').first().focus();
      await page.keyboard.press('/');
      assert.equal(await focusedId(page), 'rr-q');
      // Esc over an article clears the search it came from, its marks and their navigator with
      // it, and leaves the reader on the article where they were.
      await page.goto(mode.start() + '#/article/al-qaedas-revenge-and-the-exile?q=madrid');
      await page.locator('mark.rr-current').waitFor();
      assert.equal(await page.locator('#rr-q').inputValue(), 'madrid');
      const reading = await page.evaluate(() => scrollY);
      await page.locator('#rr-q').focus();
      await page.keyboard.press('Escape');
      assert.equal(await page.locator('#rr-q').inputValue(), '');
      await page.locator('.rr-article mark').first().waitFor({ state: 'detached' });
      assert.match(page.url(), /#\/article\/al-qaedas-revenge-and-the-exile$/);
      assert.equal(await page.locator('.rr-article-title').count(), 1);
      assert.equal(await page.evaluate(() => scrollY), reading, 'the reader stays where they were');
      // A search typed over the article and cleared with Esc is cancelled: back on the article.
      await page.keyboard.type('Li');
      await page.locator('.rr-results [role=status]').filter({ hasText: /for Li$/ }).waitFor();
      await page.keyboard.press('Escape');
      await page.locator('.rr-article-title').waitFor();
      assert.match(page.url(), /#\/article\/al-qaedas-revenge-and-the-exile$/);
      await page.goto(mode.start() + '#/article/al-qaedas-revenge-and-the-exile?q=madrid');
      await page.locator('mark.rr-current').waitFor();
      assert.equal(await page.locator('#rr-q').inputValue(), 'madrid', 'the search the article came from');
      // Once something else is chosen (a facet), clearing the words stays with the results.
      await page.locator('#rr-q').fill('Li');
      await page.locator('.rr-results [role=status]').filter({ hasText: /for Li$/ }).waitFor();
      await page.locator('section.rr-facet[data-facet="year"] input').first().check();
      await page.locator('.rr-chips').waitFor();
      await page.locator('#rr-q').focus();
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => /#\/search\?year=/.test(location.href));
      assert.equal(await page.locator('.rr-article-title').count(), 0);
    });

    test('the theme toggle cycles auto, light and dark, and is remembered', async () => {
      await page.goto(mode.start());
      const root = page.locator('.rr-root');
      const toggle = page.locator('button.rr-theme');
      await page.locator(HOME_READY).first().waitFor();
      assert.equal(await root.getAttribute('data-theme'), null);
      await toggle.click();
      assert.equal(await root.getAttribute('data-theme'), 'light');
      await toggle.click();
      assert.equal(await root.getAttribute('data-theme'), 'dark');
      const bg = await root.evaluate((e) => getComputedStyle(e).backgroundColor);
      assert.equal(bg, 'rgb(22, 24, 27)');
      // The checkboxes, sliders and scrollbars go dark with the page.
      assert.equal(await root.evaluate((e) => getComputedStyle(e).colorScheme), 'dark');
      await page.reload();
      await page.locator(HOME_READY).first().waitFor();
      assert.equal(await root.getAttribute('data-theme'), 'dark');
      await toggle.click();
      assert.equal(await root.getAttribute('data-theme'), null, 'back to the system’s choice');
    });

    test('the article offers older and newer pieces and related articles, and prints clean', async () => {
      await page.goto(mode.start() + '#/article/sectarian-violence-in-kashmir');
      await page.locator('.rr-prevnext').waitFor();
      // Three pictures, each its caption with its credit, as the source prints them.
      assert.match(await page.locator('.rr-credits p').textContent(), /^The pictures are not in this archive/);
      const pictures = await page.locator('.rr-credits li').allTextContents();
      assert.equal(pictures.length, 3);
      assert.match(pictures[0], /^An Indian policeman fires tear gas .* Srinagar, October 4, 2016 Credit: Danish Ismail\/Reuters$/);
      assert.equal(await page.locator('a.rr-prev').getAttribute('href'), '#/article/why-is-daesh-able-to-inspire-more-attacks');
      assert.equal(await page.locator('a.rr-next').getAttribute('href'), '#/article/worldwide-day-of-terror');
      await page.locator('a.rr-next').click();
      await page.locator('.rr-article-title').filter({ hasText: 'This worldwide day of terror' }).waitFor();
      assert.equal(await page.evaluate(() => scrollY), 0);
      assert.ok((await page.locator('.rr-related li').count()) >= 1, 'related articles');
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('.rr-header').isVisible(), false);
      assert.equal(await page.locator('.rr-prevnext').isVisible(), false);
      assert.ok(await page.locator('.rr-body').isVisible());
      assert.equal(await page.locator('details.rr-cite').isVisible(), false, 'a closed “Cite this article” prints nothing');
      // Black on white from a dark screen too: the byline and the note's heading are not
      // printed in the dark palette's pale greys and pinks.
      await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
      const colours = await page.evaluate(() =>
        ['.rr-root', '.rr-byline', '.rr-note h2', '.rr-kicker'].map((s) => document.querySelector(s) && getComputedStyle(document.querySelector(s)).color),
      );
      assert.equal(colours[0], 'rgb(0, 0, 0)');
      for (const c of colours.slice(1).filter(Boolean)) assert.match(c, /^rgb\((0|51), (0|51), (0|51)\)$/, `printed ${c}`);
      assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.rr-root')).backgroundColor), 'rgb(255, 255, 255)');
      assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(255, 255, 255)', 'the page around it too');
      await page.emulateMedia({ media: 'screen', colorScheme: 'light' });
      // The newest has no newer piece; the oldest no older one.
      await page.goto(mode.start() + '#/article/view-from-the-ct-foxhole-neil-basu');
      await page.locator('.rr-prevnext').waitFor();
      assert.equal(await page.locator('a.rr-next').count(), 0);
    });

    test('the keyboard goes on from where an article opened: its first match, or its title after Older/Newer', async () => {
      await page.goto(mode.start() + '#/');
      await page.locator(HOME_READY).first().waitFor();
      await page.locator('#rr-q').focus();
      await page.keyboard.type('mourafik');
      await page.locator('.rr-results [role=status]').filter({ hasText: /for mourafik$/ }).waitFor();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.locator('mark.rr-current').waitFor();
      await page.waitForFunction(() => document.activeElement?.querySelector?.('mark.rr-current'));
      const y = await page.evaluate(() => scrollY);
      assert.ok(y > 1000, `opened at the match, ${y}px down`);
      const paragraph = await page.evaluateHandle(() => document.activeElement);
      await page.keyboard.press('Tab');
      assert.ok(
        await paragraph.evaluate((p) => p.compareDocumentPosition(document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING),
        'Tab goes on after the match',
      );
      assert.ok((await page.evaluate(() => scrollY)) >= y - 100, 'not back to the top of the page');
      // Older and Newer by the keyboard: the link stays in the page, at the new article's foot.
      await page.goto(mode.start() + '#/article/sectarian-violence-in-kashmir');
      await page.locator('a.rr-next').focus();
      await page.keyboard.press('Enter');
      await page.locator('.rr-article-title').filter({ hasText: 'This worldwide day of terror' }).waitFor();
      await page.waitForFunction(() => document.activeElement?.classList.contains('rr-article-title'));
      // Where reading starts is no control: no focus ring boxes it.
      assert.equal(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), 'none');
    });

    test('n and p step through an article’s matches, from what the window shows; back puts the keyboard on the link the article was opened by', async () => {
      await page.goto(mode.start() + '#/search?q=terror');
      await page.locator('ol.rr-hits > li').nth(5).waitFor();
      const links = await page.locator('ol.rr-hits > li > a.rr-title').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      await page.locator('#rr-q').focus();
      for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
      assert.equal(await focusedId(page), links[4]);
      await page.keyboard.press('Enter');
      const counter = page.locator('.rr-matchnav [aria-live]');
      await counter.filter({ hasText: /^Match 1 of \d+$/ }).waitFor();
      const count = Number((await counter.textContent()).split(' of ')[1]);
      assert.ok(count > 4, `${count} matches`);
      await page.keyboard.press('n');
      await counter.filter({ hasText: `Match 2 of ${count}` }).waitFor();
      const onMatch = () => page.evaluate(() => document.activeElement.contains(document.querySelector('mark.rr-current')));
      assert.ok(await onMatch(), 'the keyboard goes on from the match');
      await page.keyboard.press('p');
      await counter.filter({ hasText: `Match 1 of ${count}` }).waitFor();
      // Scrolled away to the last match (as a reload may put the reader far from the first), the
      // next is the next from there, not the second of the article.
      await page.evaluate(() => [...document.querySelectorAll('.rr-article .rr-body mark')].at(-1).scrollIntoView({ block: 'center' }));
      await page.keyboard.press('n');
      await page.waitForFunction(() => !/^Match [12] of/.test(document.querySelector('.rr-matchnav [aria-live]').textContent));
      const [shown, top] = await page.evaluate(() => [document.querySelector('.rr-matchnav [aria-live]').textContent, document.querySelector('mark.rr-current').getBoundingClientRect().top]);
      assert.ok(Number(shown.split(' ')[1]) > count / 2 && top > 0 && top < 900, `${shown}, at ${top}px`);
      await page.goBack();
      await page.locator('ol.rr-hits > li').nth(5).waitFor();
      // Back on the results, the keyboard is on the link the article was opened by.
      await page.waitForFunction((href) => document.activeElement?.getAttribute('href') === href, links[4]);
      await page.keyboard.press('ArrowDown');
      assert.equal(await focusedId(page), links[5]);
    });

    test('a reload keeps the reader’s place in an article and in the results', async () => {
      await page.goto(mode.start() + '#/article/view-from-the-ct-foxhole-neil-basu');
      await page.locator('.rr-article-title').waitFor();
      await page.evaluate(() => scrollTo(0, 3000));
      await page.reload();
      await page.locator('.rr-article-title').waitFor();
      await page.waitForFunction(() => Math.abs(scrollY - 3000) < 2, null, { timeout: 5000 });
      // The title is not given the focus on a load: Tab starts from the top of the page.
      assert.equal(await page.evaluate(() => document.activeElement === document.body), true);
      await page.goto(mode.start() + '#/search?q=terror');
      await page.locator('ol.rr-hits > li').nth(3).waitFor();
      await page.evaluate(() => scrollTo(0, 400));
      await page.reload();
      await page.locator('ol.rr-hits > li').nth(3).waitFor();
      await page.waitForFunction(() => Math.abs(scrollY - 400) < 2, null, { timeout: 5000 });
      // Back to the app from another page loads it anew (no back/forward cache here): the
      // place is kept as for a reload.
      await page.goto(mode.start() + '#/article/view-from-the-ct-foxhole-neil-basu');
      await page.locator('.rr-article-title').waitFor();
      await page.evaluate(() => scrollTo(0, 2500));
      await page.goto('about:blank');
      await page.goBack();
      await page.locator('.rr-article-title').waitFor();
      await page.waitForFunction(() => Math.abs(scrollY - 2500) < 2, null, { timeout: 5000 });
      // A new visit to the same address is not a reload: it starts at the top.
      await page.goto(mode.start() + '#/');
      await page.locator(HOME_READY).first().waitFor();
      await page.goto(mode.start() + '#/article/view-from-the-ct-foxhole-neil-basu');
      await page.locator('.rr-article-title').waitFor();
      assert.equal(await page.evaluate(() => scrollY), 0);
    });

    test('a page opened by a link starts at its top; back returns to the place left', async () => {
      await page.goto(mode.start() + '#/article/view-from-the-ct-foxhole-neil-basu?q=TATP');
      await page.locator('mark.rr-current').waitFor();
      const inArticle = await page.evaluate(() => scrollY);
      assert.ok(inArticle > 2000, 'the article opened at its match, far down');
      await page.locator('.rr-nav a').filter({ hasText: 'Timeline' }).click();
      await page.locator('.rr-timeline').first().waitFor();
      assert.equal(await page.evaluate(() => scrollY), 0, 'the timeline opens at its top');
      // An entity chip at the foot of an article opens the entity's page at its top.
      await page.goBack();
      // Back at the place left: no match is the current one until the reader steps from there.
      await page.locator('.rr-matchnav [aria-live]').filter({ hasText: /^\d+ matches$/ }).waitFor();
      assert.equal(await page.locator('mark.rr-current').count(), 0);
      await page.waitForFunction((y) => Math.abs(scrollY - y) < 2, inArticle);
      await page.locator('.rr-article a[href*="/entity/"]').last().click();
      await page.locator('.rr-entity').first().waitFor();
      assert.equal(await page.evaluate(() => scrollY), 0, 'the entity page opens at its top');
      // Within a page the reader keeps their place: choosing a facet far down the list.
      await page.goto(mode.start() + '#/');
      await page.locator(HOME_READY).first().waitFor();
      const lastFacet = page.locator('section.rr-facet input[type=checkbox]').last();
      await lastFacet.scrollIntoViewIfNeeded();
      const before = await page.evaluate(() => scrollY);
      assert.ok(before > 0, 'the last facet is below the fold');
      await lastFacet.check();
      await page.locator('.rr-chips').waitFor();
      // Where it was, unless the page became shorter than that.
      const [y, most] = await page.evaluate(() => [scrollY, document.documentElement.scrollHeight - innerHeight]);
      assert.ok(y > 0, 'not sent back to the top');
      assert.ok(Math.abs(y - Math.min(before, most)) <= 2, `kept at ${Math.min(before, most)}: ${y}`);
      // The brand's link goes home, and home opens at its top.
      await page.locator('a.rr-brand').click();
      await page.locator('.rr-chips').waitFor({ state: 'detached' });
      assert.equal(await page.evaluate(() => scrollY), 0, 'home opens at its top');
      // A hash changed by other means than the app's links (the address bar edited, a
      // bookmark, a host page's script) opens a new page as a link does: at its top.
      await page.goto(mode.start() + '#/article/view-from-the-ct-foxhole-neil-basu?q=TATP');
      await page.locator('mark.rr-current').waitFor();
      const far = await page.evaluate(() => scrollY);
      assert.ok(far > 2000, 'the article opened at its match, far down');
      await page.evaluate(() => { location.hash = '#/timeline'; });
      await page.locator('.rr-timeline').waitFor();
      assert.equal(await page.evaluate(() => scrollY), 0, 'the timeline, reached by hand, opens at its top');
      // A click that opens nothing new (a link to the page already shown) moves nothing and
      // leaves no mark: back after it is back, to the place left.
      await page.evaluate(() => scrollTo(0, 600));
      const mid = await page.evaluate(() => scrollY);
      assert.ok(mid > 0, 'the timeline is taller than the window');
      await page.locator('.rr-nav a').filter({ hasText: 'Timeline' }).click();
      assert.equal(await page.evaluate(() => scrollY), mid);
      await page.goBack();
      await page.locator('.rr-article mark').first().waitFor();
      await page.waitForFunction((y) => Math.abs(scrollY - y) < 2, far);
      // And forward to the page reached by hand is forward too: the browser's place, not its top.
      await page.goForward();
      await page.locator('.rr-timeline').waitFor();
      await page.waitForFunction((y) => Math.abs(scrollY - y) < 2, mid);
    });

    test('footnotes and citations: each call goes to its note, and each note back to its call', async () => {
      await page.goto(mode.start() + '#/article/view-from-the-ct-foxhole-neil-basu');
      const calls = page.locator('.rr-body sup.rr-call button');
      await calls.first().waitFor();
      assert.deepEqual(await calls.allInnerTexts(), ['1', 'a', 'b', 'c', 'd']);
      // The marker is out of the words: "experimentation", not "experimentationa".
      const call = page.locator('#rr-call-a');
      const words = await call.evaluate((b) => {
        const p = b.closest('p').cloneNode(true);
        p.querySelectorAll('sup').forEach((s) => s.remove());
        return p.textContent;
      });
      assert.match(words, /chemistry experimentation\sthat/);
      assert.equal(await call.evaluate((b) => b.parentElement.previousSibling.textContent.endsWith('chemistry experimentation')), true);
      assert.equal(await page.locator('.rr-body').evaluate((b) => b.textContent.includes('[^')), false);
      await call.click();
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'rr-note-a');
      assert.match(await page.locator('#rr-note-a').innerText(), /O-levels are exams/);
      const noteBox = await page.locator('#rr-note-a').boundingBox();
      assert.ok(noteBox.y >= 0 && noteBox.y < 900, 'the note is scrolled into view');
      await page.locator('#rr-note-a button.rr-note-back').click();
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'rr-call-a');
      // By keyboard too: Enter on the citation's call reaches the citation.
      await page.locator('#rr-call-1').focus();
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'rr-note-1');
      assert.match(await page.locator('#rr-note-1').innerText(), /Roger Baird/);
      // A search for the word the marker was glued to finds it, highlighted, with the call beside it.
      await page.goto(mode.start() + '#/article/view-from-the-ct-foxhole-neil-basu?q=experimentation');
      await page.locator('.rr-body mark').first().waitFor();
      assert.equal(await page.locator('#rr-call-a').evaluate((b) => b.parentElement.previousElementSibling?.textContent), 'experimentation');
      assert.deepEqual(problems, []);
    });

    test('an interview’s outline lists its questions, and each takes the reader to its question', async () => {
      await page.goto(mode.start() + '#/article/view-from-the-ct-foxhole-neil-basu');
      const outline = page.locator('details.rr-outline');
      await outline.waitFor();
      assert.equal((await outline.locator('summary').innerText()).trim(), 'The 12 questions');
      assert.equal(await outline.evaluate((d) => d.open), false, 'folded until opened');
      await outline.locator('summary').click();
      const entries = outline.locator('ol > li button');
      assert.equal(await entries.count(), 12);
      const questions = page.locator('.rr-turn.rr-question');
      // Each entry is its question's first words.
      const fifth = (await entries.nth(4).innerText()).replace(/ …$/, '');
      assert.ok((await questions.nth(4).innerText()).replace(/\s+/g, ' ').includes(fifth), fifth);
      await entries.nth(4).click();
      assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('rr-question')), true);
      assert.equal(await page.evaluate(() => document.activeElement?.id), await questions.nth(4).getAttribute('id'));
      const box = await questions.nth(4).boundingBox();
      assert.ok(box.y >= 0 && box.y < 900, 'the question is scrolled into view');
      // A piece with no questions nor sections has no outline.
      await page.goto(mode.start() + '#/article/sectarian-violence-in-kashmir');
      await page.locator('.rr-body p').first().waitFor();
      assert.equal(await page.locator('.rr-outline').count(), 0);
      assert.deepEqual(problems, []);
    });

    test('cite this: four styles, each copied with one click', async () => {
      await page.goto(mode.start() + '#/article/view-from-the-ct-foxhole-neil-basu');
      await page.locator('details.rr-cite summary').click();
      const styles = page.locator('.rr-cite-style');
      assert.deepEqual((await styles.locator('h3').allTextContents()), ['Chicago', 'APA', 'BibTeX', 'RIS']);
      assert.equal(await styles.count(), 4);
      const texts = await styles.locator('pre').allInnerTexts();
      assert.match(texts[0], /^Pantucci, Raffaello\. “A View from the CT Foxhole/);
      assert.match(texts[0], /CTC Sentinel/);
      assert.match(texts[1], /^Pantucci, R\. \(2018, February\)/);
      assert.match(texts[2], /^@\w+\{pantucci2018/);
      assert.match(texts[3], /^TY {2}- /);
      assert.match(texts[3], /AU {2}- Pantucci, Raffaello/);
      if (mode.start().startsWith('http')) assert.match(texts[0], /http:\/\/127\.0\.0\.1:\d+\/explorer\/(index\.html)?#\/article\/view-from-the-ct-foxhole-neil-basu/, 'cites the explorer’s own link');
      await styles.nth(2).locator('button').click();
      await styles.nth(2).locator('button').filter({ hasText: 'Copied' }).waitFor();
    });

    test('export downloads every result as CSV, JSON or BibTeX', async () => {
      await page.goto(mode.start() + '#/search?outlet=The+Telegraph');
      await page.locator('.rr-export').waitFor();
      const fetch = async (label) => {
        const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.rr-export button').filter({ hasText: label }).click()]);
        const chunks = [];
        for await (const c of await download.createReadStream()) chunks.push(c);
        return [download.suggestedFilename(), Buffer.concat(chunks).toString('utf8')];
      };
      const [csvName, csv] = await fetch('CSV');
      assert.equal(csvName, 'reading-room-results.csv');
      const rows = csv.trim().split('\r\n');
      assert.equal(rows[0], 'slug,title,date,outlet,kind,authors,topics,url');
      assert.equal(rows.length, 4, 'a header and the three results');
      const [, json] = await fetch('JSON');
      const parsed = JSON.parse(json);
      assert.equal(parsed.length, 3);
      assert.ok(parsed.every((a) => a.outlet === 'The Telegraph'));
      const [bibName, bib] = await fetch('BibTeX');
      assert.equal(bibName, 'reading-room-results.bib');
      assert.equal((bib.match(/^@/gm) ?? []).length, 3);
    });

    test('the match navigator clears the header and the match it shows, at every width', async () => {
      const overlap = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
      // A phone, a tablet (the header wraps to two rows), a small laptop, a desktop.
      for (const [width, height] of [[390, 844], [760, 700], [1000, 700], [1280, 900]]) {
        await page.setViewportSize({ width, height });
        await page.goto(mode.start() + '#/search?q=qaeda');
        await page.locator('ol.rr-hits > li a.rr-title').first().click();
        const nav = page.locator('.rr-matchnav');
        await nav.waitFor();
        for (let i = 0; i < 3; i++) await nav.locator('button[aria-label="Next match"]').click();
        assert.match(await nav.locator('span').textContent(), /^Match 4 of \d+$/);
        const box = await nav.boundingBox();
        const header = await page.locator('.rr-header').boundingBox();
        const current = await page.locator('mark.rr-current').boundingBox();
        const where = `at ${width}×${height}: navigator ${JSON.stringify(box)}`;
        assert.ok(box.y >= 0 && box.y + box.height <= height && box.x >= 0 && box.x + box.width <= width, `in the window ${where}`);
        assert.ok(!overlap(box, header), `clear of the header ${JSON.stringify(header)} ${where}`);
        assert.ok(!overlap(box, current), `clear of the current match ${JSON.stringify(current)} ${where}`);
        // At the article's end the pill stops with it: it must not cover the article's last line.
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        await page.waitForFunction(() => window.scrollY + innerHeight >= document.documentElement.scrollHeight - 1);
        const last = await page.locator('.rr-article > :last-child').boundingBox();
        const end = await nav.boundingBox();
        const where2 = `at ${width}×${height}: navigator ${JSON.stringify(end)}`;
        assert.ok(!overlap(end, { ...last, height: last.height - 0.5 }), `clear of the article's last line ${JSON.stringify(last)} ${where2}`);
        if (width < 1000) {
          // Held at the window's foot, it stays inside the article, over room left for it.
          const article = await page.locator('.rr-article').boundingBox();
          assert.ok(end.y + end.height <= article.y + article.height + 0.5 && end.y >= last.y + last.height - 0.5, `within the article's room below its last line ${JSON.stringify(article)} ${where2}`);
        }
      }
      await page.setViewportSize({ width: 1280, height: 900 });
    });

    test('on a phone the search box keeps its own row on every page, and a long query wraps', async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      for (const hash of ['#/', '#/article/worldwide-day-of-terror', '#/entity/person/neil-basu', '#/timeline']) {
        await page.goto(mode.start() + hash);
        await page.locator('.rr-main > *').first().waitFor();
        const box = await page.locator('#rr-q').boundingBox();
        assert.ok(box.width >= 340, `the box at ${hash}: ${JSON.stringify(box)}`);
      }
      // A pasted address is one long word: the heading that names it wraps inside the phone.
      await page.goto(mode.start() + '#/search?q=' + 'x'.repeat(100));
      await page.locator('.rr-count-q').waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390);
      await page.setViewportSize({ width: 1280, height: 900 });
    });

    test('back from an article puts a long list of results where the reader left it', async () => {
      // The browser restored the scroll at once, while the results were still being drawn and
      // short: a reader 1,400 px down a phone's results came back at 1,035.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(mode.start() + '#/search?q=terrorism');
      const link = page.locator('ol.rr-hits > li a.rr-title').nth(5);
      await link.waitFor();
      await page.waitForTimeout(500);
      await page.evaluate(() => window.scrollTo(0, 1400));
      await page.waitForFunction(() => Math.abs(window.scrollY - 1400) < 2);
      const before = (await link.boundingBox()).y;
      await link.click();
      await page.locator('.rr-article').waitFor();
      await page.goBack();
      await page.waitForFunction(() => Math.abs(window.scrollY - 1400) < 2, null, { timeout: 5000 });
      assert.ok(Math.abs((await link.boundingBox()).y - before) < 2, 'the result where it was');
      // The place is read once: left again by forward (which cannot write the entry it leaves),
      // back does not jump to the old place.
      await page.evaluate(() => window.scrollTo(0, 200));
      await page.waitForFunction(() => Math.abs(window.scrollY - 200) < 2);
      await page.goForward();
      await page.locator('.rr-article').waitFor();
      await page.goBack();
      await link.waitFor();
      await page.waitForTimeout(400);
      const y = await page.evaluate(() => window.scrollY);
      assert.ok(y < 1000, `not back at the place before: ${y}`);
      await page.setViewportSize({ width: 1280, height: 900 });
    });

    test('no console errors and no request outside the build', () => {
      assert.deepEqual(problems, []);
    });
  });
}
