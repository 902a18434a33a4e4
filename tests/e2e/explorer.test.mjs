// End to end: the explorer as a reader uses it, in headless Chromium, on both builds:
// the web build over http under a sub-path, and standalone.html over file://.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { HOME_READY, browserAndServer, modes as buildModes, shownQuery, watch } from './browser.mjs';

const INTERVIEW = 'A View from the CT Foxhole: Neil Basu, Senior National Coordinator for Counterterrorism Policing in the United Kingdom';
const KASHMIR = 'Sectarian violence in Kashmir is increasingly spilling over onto the streets of Britain';
const REVIEW = 'Al-Qaeda’s Revenge: The 2004 Madrid Train Bombings/The Exile: The Flight of Osama bin Laden';

const shared = browserAndServer();

const modes = buildModes(() => shared.server);

// textContent, not innerText: results below the fold skip rendering (content-visibility), and
// right after the results change, before the next frame, their innerText can read as empty.
const titles = (page, list) => page.locator(`ol.${list} > li .rr-title`).allTextContents();

// Keystrokes within one frame are coalesced into one search, so the previous query's results
// may still be on the page right after a fill: wait until the heading names the new query.
const search = async (page, q) => {
  await page.locator('#rr-q').fill(q);
  await page.locator('.rr-count').filter({ hasText: `for ${shownQuery(q)}` }).waitFor();
};

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

    test('home lists all seven articles, newest first', async () => {
      await page.goto(mode.start());
      await page.locator(HOME_READY).nth(6).waitFor();
      const list = await titles(page, 'rr-articles');
      assert.equal(list.length, 7);
      assert.equal(list[0], INTERVIEW);
      assert.ok(list.includes(KASHMIR));
      const dates = await page.locator('ol.rr-articles time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
      assert.deepEqual([...dates].sort().reverse(), dates, 'newest first');
    });

    test('typing a query shows the right article first, with highlighted snippets', async () => {
      await page.locator('#rr-q').pressSequentially('Kashmir', { delay: 30 });
      await page.waitForFunction(() => location.hash === '#/search?q=Kashmir');
      const first = page.locator('ol.rr-hits > li').first();
      await first.locator('.rr-title').filter({ hasText: KASHMIR }).waitFor();
      assert.match(await page.locator('.rr-count').textContent(), /^\d+ results? for “Kashmir”/);
      const marks = await first.locator('.rr-snippet mark').allTextContents();
      assert.ok(marks.length > 0 && marks.every((m) => m.toLowerCase() === 'kashmir'), `marks: ${marks}`);
      // The heading is set in capitals, but not the query: "or" is a word, "OR" either word.
      await page.locator('#rr-q').fill('libya or iran');
      const query = page.locator('.rr-count .rr-count-q');
      await query.filter({ hasText: 'libya or iran' }).waitFor();
      assert.equal(await query.innerText(), '“libya or iran”', 'shown as typed');
      assert.match(await page.locator('.rr-count').innerText(), /^1 RESULT FOR “libya or iran”$/);
    });

    test('search as you type narrows by prefix and folds spellings', async () => {
      await page.locator('#rr-q').fill('');
      await page.locator('#rr-q').pressSequentially('madrid bomb', { delay: 20 });
      await page.locator('ol.rr-hits > li').first().locator('.rr-title').filter({ hasText: REVIEW }).waitFor();
      await search(page, 'al-qaida');
      const hits = await titles(page, 'rr-hits');
      assert.ok(hits.includes(REVIEW), 'Al-Qa’ida is found by al-qaida');
      assert.ok(hits.length >= 3, `hits: ${hits}`);
      // A hyphenated word is a phrase: its words are marked together, never the "Al" of
      // "Al-Zarqawi" (which the snippet for these two words shows).
      await search(page, 'al-qaida madrid');
      const marks = await page.locator('ol.rr-hits mark').allTextContents();
      assert.ok(marks.some((m) => /qa/i.test(m)) && marks.some((m) => /madrid/i.test(m)), `marks: ${marks}`);
      assert.ok(!marks.some((m) => /^al$/i.test(m.trim())), `no lone "Al" is marked: ${marks}`);
    });

    test('a quoted phrase finds those words together, and is named in nested quotes', async () => {
      await search(page, '"national coordinator" basu');
      assert.match(await page.locator('.rr-count').textContent(), /^1 result for “‘national coordinator’ basu”$/);
      assert.deepEqual(await titles(page, 'rr-hits'), [INTERVIEW]);
      // The title is written once typing pauses.
      await page.waitForFunction(() => document.title === '“‘national coordinator’ basu” – Reading Room');
    });

    test('any name of a group finds every name, and marks them', async () => {
      await search(page, 'ISIS');
      const hits = page.locator('ol.rr-hits > li');
      assert.ok((await hits.count()) >= 5, 'Daesh, Isil, Islamic State and IS are the same group');
      const marks = await page.locator('ol.rr-hits mark').allTextContents();
      for (const name of ['Daesh', 'Isil']) {
        assert.ok(marks.some((m) => m.includes(name)), `${name} is marked: ${marks}`);
      }
    });

    test('a quoted acronym finds that form only, and marks only it', async () => {
      // "IS" is a stop word too: quoted, it had matched nothing and listed every article.
      await search(page, '"IS"');
      await page.locator('.rr-count').filter({ hasText: /^2 results/ }).waitFor();
      const marks = await page.locator('ol.rr-hits mark').allTextContents();
      assert.ok(marks.length > 0 && marks.every((m) => m === 'IS'), `only “IS” is marked: ${marks}`);
    });

    test('a typo still finds the article, and a worse one gets a suggestion', async () => {
      await page.locator('#rr-q').fill('Kashmr');
      await page.locator('ol.rr-hits > li .rr-title').filter({ hasText: KASHMIR }).waitFor();
      // Two letters swapped are one typo, forgiven from five letters.
      await page.locator('#rr-q').fill('Kahsmir ');
      await page.locator('ol.rr-hits > li .rr-title').filter({ hasText: KASHMIR }).waitFor();
      // Two swaps are two, too many for seven letters: a suggestion.
      await page.locator('#rr-q').fill('Ksahmri ');
      const suggestion = page.locator('.rr-suggestion a');
      await suggestion.waitFor();
      assert.equal(await suggestion.textContent(), 'kashmir');
      await suggestion.click();
      await page.locator('ol.rr-hits > li .rr-title').filter({ hasText: KASHMIR }).waitFor();
      assert.equal(await page.locator('#rr-q').inputValue(), 'kashmir');
    });

    test('a query nothing matches says so', async () => {
      await page.locator('#rr-q').fill('zzyzx quaternion');
      await page.locator('.rr-empty').waitFor();
      assert.match(await page.locator('.rr-count').textContent(), /^No results/);
      assert.equal(await page.locator('.rr-empty p').first().textContent(), 'No article contains all of these words.');
      // One word is named; words ORed are any of them.
      for (const [q, says] of [['zzyzx', 'No article contains “zzyzx”.'], ['zzyzx OR quaternion', 'No article contains any of these words.']]) {
        await page.locator('#rr-q').fill(q);
        await page.locator('.rr-empty p').first().filter({ hasText: says }).waitFor();
      }
      assert.equal(await page.locator('ol.rr-hits').count(), 0);
      // Nothing to sort, and no dates to narrow.
      assert.equal(await page.locator('.rr-sort').count(), 0);
      assert.equal(await page.locator('.rr-histogram').count(), 0);
      // The articles with some of the words come before the tips, open below them.
      await page.locator('#rr-q').fill('kashmir zzyzx');
      await page.locator('ol.rr-partial > li').first().waitFor();
      const partialFirst = await page.locator('ol.rr-partial').evaluate((list) =>
        Boolean(list.compareDocumentPosition(document.querySelector('.rr-root .rr-empty-tips') ?? list.getRootNode().querySelector('.rr-empty-tips')) & Node.DOCUMENT_POSITION_FOLLOWING));
      assert.ok(partialFirst, 'partial matches, then the tips');
      // With a filter chosen they are narrowed by it, not dropped: both are from 2018.
      await page.goto(mode.start() + '#/search?q=aznar+basu&year=2018');
      await page.locator('.rr-empty').waitFor();
      assert.equal(await page.locator('ol.rr-partial > li').count(), 2);
      await page.goto(mode.start() + '#/search?q=aznar+basu&year=2016');
      await page.locator('.rr-empty').waitFor();
      assert.equal(await page.locator('ol.rr-partial').count(), 0);
    });

    test('text that asks for nothing lists every article, and says so', async () => {
      for (const q of ['-', '"', 'OR OR', '%']) {
        await page.goto(mode.start() + `#/search?q=${encodeURIComponent(q)}`);
        await page.locator('.rr-ignored').waitFor();
        assert.equal(await page.locator('#rr-q').inputValue(), q);
        assert.equal(await page.locator('.rr-ignored').textContent(), `${q === '"' ? '“‘”' : `“${q}”`} has no words to search for: every article is listed.`);
        assert.equal(await page.locator('.rr-count').textContent(), 'Latest articles');
        assert.equal(await page.locator('ol.rr-list > li').count(), 7);
        await page.waitForFunction(() => document.title.startsWith('Articles – '));
      }
      // An article opened from there goes back to all articles, not to results for "-".
      await page.locator('ol.rr-list > li a.rr-title').first().click();
      assert.equal(await page.locator('a.rr-back').innerText(), '← All articles');
    });

    test('a pasted paragraph is searched for its first 32 words, and says so', async () => {
      const words = 'Kashmir '.repeat(250).trim();
      // Each word ANDed with all the others, and every run of them tried as a name, had blocked
      // the tab for seconds (a speed kept to the benchmarks; here, what the reader is told).
      await page.locator('#rr-q').fill(words);
      await page.locator('.rr-ignored').waitFor();
      assert.equal(await page.locator('.rr-ignored').textContent(), 'Only the first 32 words are searched for: the last 218 were left out.');
      await page.locator('ol.rr-hits > li .rr-title').filter({ hasText: KASHMIR }).waitFor();
      // The heading and the announcement name the search by its first twelve words.
      const first12 = 'Kashmir '.repeat(12).trim();
      assert.match(await page.locator('.rr-count').textContent(), new RegExp(`for “${first12} …”$`));
      assert.match(await page.locator('.rr-explore [role="status"]').textContent(), new RegExp(`for ${first12} …$`));
      // So does the tab's title, once typing pauses.
      await page.waitForFunction((w) => document.title.startsWith(`“${w} …” – `), first12);
      // A pasted link is one long word to the eye: cut at 100 characters, in the title too.
      const link = `https://example.org/${'kashmir/'.repeat(40)}`;
      await page.locator('#rr-q').fill(link);
      await page.locator('.rr-count').filter({ hasText: `for “${link.slice(0, 100)}…”` }).waitFor();
      await page.waitForFunction((head) => document.title.startsWith(`“${head}…” – `), link.slice(0, 100));
      await page.locator('#rr-q').fill('Kashmir');
      await page.locator('.rr-count').filter({ hasText: 'for “Kashmir”' }).waitFor();
      assert.equal(await page.locator('.rr-ignored').count(), 0);
    });

    test('a word in a script the corpus language cannot read finds nothing, not everything', async () => {
      await search(page, 'Кашмир');
      assert.match(await page.locator('.rr-count').textContent(), /^No results/);
      await search(page, 'Kashmir Кашмир');
      assert.match(await page.locator('.rr-count').textContent(), /^No results/);
      await page.locator('ol.rr-partial > li .rr-title').filter({ hasText: KASHMIR }).waitFor();
    });

    test('search tips are open where nothing matched, and every example opens results', async () => {
      const nothing = async () => {
        await page.locator('#rr-q').fill('zzyzx quaternion');
        await page.locator('.rr-empty-tips .rr-tips[open] ul').waitFor();
      };
      await nothing();
      const examples = page.locator('.rr-empty-tips .rr-tips a.rr-tip-example');
      const queries = await examples.allTextContents();
      // One for each tip, drawn from this archive's gazetteer (crates/core/src/tips.rs).
      assert.deepEqual(queries, ['"raffaello pantucci"', 'syria OR pakistan', 'syria -pakistan', 'al-Qaida', 'jose maria aznar', 'pakiistan']);
      for (const [i, q] of queries.entries()) {
        if (i > 0) await nothing();
        await examples.nth(i).click();
        await page.locator('.rr-count').filter({ hasText: `for ${shownQuery(q)}` }).waitFor();
        assert.ok(await page.locator('ol.rr-hits > li').count() > 0, `${q} finds something`);
        assert.equal(await page.locator('#rr-q').inputValue(), q, 'the example is in the search box');
      }
      // The accents example finds what the name with its accents finds.
      const hits = async (q) => {
        await search(page, q);
        return page.locator('ol.rr-hits > li .rr-title').allTextContents();
      };
      assert.deepEqual(await hits('jose maria aznar'), await hits('José María Aznar'));
    });

    test('the home page folds the search tips into one line until opened', async () => {
      await page.goto(mode.start());
      await page.locator(HOME_READY).first().waitFor();
      const tips = page.locator('.rr-results-bar .rr-tips');
      assert.equal(await tips.getAttribute('open'), null);
      assert.equal(await tips.locator('ul').count(), 0, 'examples are worked out only when opened');
      await tips.locator('summary').click();
      await tips.locator('a.rr-tip-example').nth(5).waitFor();
      assert.equal(await tips.locator('a.rr-tip-example').count(), 6);
      // Over results they are folded beside the heading too, and "?" opens them there: the
      // query stays, and no history entry is made.
      await search(page, 'Kashmir');
      await page.waitForURL(/#\/search\?q=Kashmir$/);
      const url = page.url();
      assert.equal(await page.locator('.rr-results-bar .rr-tips').getAttribute('open'), null);
      await page.locator('.rr-count').click();
      await page.keyboard.press('?');
      await page.locator('.rr-results-bar .rr-tips[open] a.rr-tip-example').nth(5).waitFor();
      assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'SUMMARY');
      assert.equal(page.url(), url);
      assert.ok(await page.locator('ol.rr-hits > li .rr-title').filter({ hasText: KASHMIR }).count());
      // From an article, "?" opens the search it came from with its tips; Back returns.
      await page.locator('ol.rr-hits > li a.rr-title').filter({ hasText: KASHMIR }).click();
      await page.locator('.rr-article-title').waitFor();
      await page.locator('.rr-article-title').click();
      await page.keyboard.press('?');
      await page.locator('.rr-results-bar .rr-tips[open] a.rr-tip-example').nth(5).waitFor();
      assert.match(page.url(), /#\/search\?q=Kashmir$/);
      await page.goBack();
      await page.locator('.rr-article-title').waitFor();
      // On the home page, "?" opens the folded tips in place.
      await page.goto(mode.start());
      await page.locator(HOME_READY).first().waitFor();
      assert.equal(await tips.getAttribute('open'), null);
      await page.locator('.rr-count').click();
      await page.keyboard.press('?');
      await tips.locator('a.rr-tip-example').nth(5).waitFor();
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Search tips');
      // Esc folds them again, the focus staying on their summary.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Escape');
      assert.equal(await tips.getAttribute('open'), null);
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Search tips');
      // Typed in the search box, "?" is only a character.
      await page.locator('#rr-q').fill('why');
      await page.locator('#rr-q').press('?');
      assert.equal(await page.locator('#rr-q').inputValue(), 'why?');
    });

    test('typing inside an open quote finds as it goes; an exclusion is whole words, never highlighted', async () => {
      await page.goto(mode.start());
      await page.locator(HOME_READY).first().waitFor();
      const box = page.locator('#rr-q');
      await box.focus();
      // Each step names its query in the heading: "No results" at none of them.
      for (const c of '"lone actor') {
        await box.press(c);
        const shown = await box.inputValue();
        if (shown.length < 3) continue;
        const heading = page.locator('.rr-count').filter({ hasText: `for ${shownQuery(shown)}` });
        await heading.waitFor();
        assert.match(await heading.textContent(), /^\d+ results? for/, `results for ${shown}`);
      }
      // "-p" on the way to "-pakistan" removes nothing yet; the word whole removes its articles.
      await search(page, 'syria -p');
      assert.equal(await page.locator('ol.rr-hits > li').count(), 5);
      await search(page, 'syria -pakistan');
      assert.deepEqual((await titles(page, 'rr-hits')).length, 2);
      // Over the article, what was excluded is not marked.
      await page.goto(mode.start() + '#/article/view-from-the-ct-foxhole-neil-basu?q=prevent%20-daesh');
      await page.locator('.rr-matchnav').waitFor();
      const marked = await page.locator('.rr-article mark').allTextContents();
      assert.ok(marked.some((m) => /^prevent/i.test(m)), 'Prevent is marked');
      const names = marked.filter((m) => /daesh|islamic|^is$|isis|isil/i.test(m));
      assert.deepEqual(names, [], 'no name of the excluded group is marked');
      // A match in the author's line at the foot counts, and the page opens there.
      await page.goto(mode.start() + '#/article/worldwide-day-of-terror?q=rusi');
      await page.locator('.rr-matchnav').waitFor();
      assert.equal(await page.locator('.rr-matchnav span').textContent(), 'Match 1 of 1');
      const bio = await page.locator('.rr-bio mark').boundingBox();
      assert.ok(bio.y > 0 && bio.y < page.viewportSize().height, 'scrolled to the match in the bio');
    });

    test('when the exclusions removed every match, it says so and offers the search without them', async () => {
      await page.locator('#rr-q').fill('lone actor -Daesh');
      // Not the empty page an earlier test left: the one that offers the search without.
      await page.locator('.rr-unexclude').waitFor();
      assert.equal(
        (await page.locator('.rr-empty p').first().textContent()).trim(),
        '4 articles match the other words, but each contains what you excluded.',
      );
      const without = page.locator('.rr-unexclude a');
      assert.equal(await without.textContent(), 'Search for “lone actor” instead');
      await without.click();
      await page.locator('ol.rr-hits > li').first().waitFor();
      // The same words as before, "actor" whole as it was, not a prefix: the same 4 articles.
      assert.equal(await page.locator('#rr-q').inputValue(), 'lone actor ');
      await page.locator('.rr-count').filter({ hasText: /^4 results/ }).waitFor();
      assert.equal(await page.locator('ol.rr-hits > li').count(), 4);
      // Every article names al-Qaeda: with a word being typed that only ranks, the exclusion
      // removed all it ranked; with no other words, there is no search without it to offer.
      await page.locator('#rr-q').fill('-AQ th');
      await page.locator('.rr-empty p').first().filter({ hasText: '7 articles match the other words, but each contains what you excluded.' }).waitFor();
      await page.locator('#rr-q').fill('-AQ');
      await page.locator('.rr-empty p').first().filter({ hasText: 'Every article contains what you excluded.' }).waitFor();
      assert.equal(await page.locator('.rr-unexclude').count(), 0);
    });

    test('opening a result shows its body, note, and Q&A turns; reload and back restore views', async () => {
      await page.locator('#rr-q').fill('Basu');
      const link = page.locator('ol.rr-hits > li').first().locator('a.rr-title');
      await link.filter({ hasText: INTERVIEW }).waitFor();
      await link.click();
      await page.locator('.rr-article-title').waitFor();
      assert.equal(await page.locator('.rr-article-title').innerText(), INTERVIEW);
      assert.match(page.url(), /#\/article\/[a-z0-9-]+\?q=Basu$/);
      const body = await page.locator('.rr-body').innerText();
      assert.ok(body.includes('9/11 was the contemporary game changer'), 'body text shown');
      assert.equal(await page.locator('.rr-turn.rr-question').count(), 12, 'the twelve interview questions as turns');
      assert.ok((await page.locator('.rr-footnote').count()) >= 5, 'notes and citations kept');
      assert.match(await page.locator('section.rr-note').innerText(), /CTC Sentinel/);
      assert.ok((await page.locator('.rr-body mark').count()) > 0, 'the query is highlighted');
      const nav = page.locator('.rr-matchnav span');
      assert.match(await nav.textContent(), /^Match 1 of \d+$/);
      assert.equal(await page.locator('mark.rr-current').count(), 1);
      const firstMark = await page.locator('mark.rr-current').evaluate((m) => m.getBoundingClientRect().top);
      assert.ok(firstMark > 0 && firstMark < (await page.evaluate(() => innerHeight)), 'scrolled to the first match');
      await page.locator('.rr-matchnav button[aria-label="Next match"]').click();
      assert.match(await nav.textContent(), /^Match 2 of \d+$/);
      await page.locator('.rr-matchnav button[aria-label="Previous match"]').click();
      await page.locator('.rr-matchnav button[aria-label="Previous match"]').click();
      const [, total] = (await nav.textContent()).match(/of (\d+)/);
      assert.equal(await nav.textContent(), `Match ${total} of ${total}`, 'previous wraps around');

      await page.reload();
      await page.locator('.rr-article-title').waitFor();
      assert.equal(await page.locator('.rr-article-title').innerText(), INTERVIEW);

      await page.goBack();
      await page.locator('ol.rr-hits > li').first().waitFor();
      assert.equal(await page.locator('#rr-q').inputValue(), 'Basu');
      assert.equal((await titles(page, 'rr-hits'))[0], INTERVIEW);

      await page.goForward();
      await page.locator('.rr-article-title').waitFor();
      await page.locator('a.rr-back').click();
      await page.locator('ol.rr-hits > li').first().waitFor();
      assert.match(page.url(), /#\/search\?q=Basu$/);

      // Words of the query side by side are one match: "next" does not stop on each of them.
      await page.goto(mode.start() + '#/article/al-qaedas-revenge-and-the-exile?q=lone%20actor');
      await page.locator('mark.rr-current').first().waitFor();
      const current = (await page.locator('mark.rr-current').allTextContents()).join(' ');
      assert.match(current, /^lone actors?$/i, 'the first match is both words');
      const [, matches] = (await nav.textContent()).match(/of (\d+)/);
      const marked = await page.locator('.rr-body mark').count();
      assert.ok(Number(matches) < marked, `${matches} matches of ${marked} marked words`);
      // Arriving with a query scrolls to its first match, far down the interview.
      await page.goto(mode.start() + '#/article/view-from-the-ct-foxhole-neil-basu?q=TATP');
      await page.locator('mark.rr-current').waitFor();
      assert.ok((await page.evaluate(() => scrollY)) > 2000, 'scrolled down to the first match');
      // Without a query it opens at the top.
      await page.locator('a.rr-brand').click();
      await page.locator('ol.rr-articles a.rr-title').last().click();
      await page.locator('.rr-article-title').waitFor();
      assert.equal(await page.evaluate(() => scrollY), 0);
    });

    test('the URL follows typing once it pauses, and back from a result opened at once returns to the words typed', async () => {
      const fresh = await shared.browser.newPage();
      const freshProblems = watch(fresh, mode.isOwn);
      await fresh.addInitScript(() => {
        window.__history = { push: 0, replace: 0 };
        for (const [name, key] of [['pushState', 'push'], ['replaceState', 'replace']]) {
          const own = History.prototype[name];
          History.prototype[name] = function (...args) {
            window.__history[key] += 1;
            return own.apply(this, args);
          };
        }
      });
      await fresh.goto(mode.start());
      await fresh.locator(HOME_READY).first().waitFor();
      // Safari throws on the 101st replaceState in 30 seconds: typing a word writes it once.
      await fresh.locator('#rr-q').pressSequentially('kashmir', { delay: 30 });
      await fresh.waitForFunction(() => location.hash === '#/search?q=kashmir');
      await fresh.waitForTimeout(600);
      const writes = await fresh.evaluate(() => window.__history);
      // One write at the pause (two, should a keystroke of a loaded machine come 400 ms late);
      // written per keystroke, it was seven.
      assert.equal(writes.push, 1, 'the first letter opens a search');
      assert.ok(writes.replace >= 1 && writes.replace <= 2, `the pause writes the word: ${writes.replace} writes`);
      assert.equal(await fresh.title(), '“kashmir” – Reading Room');

      // Enter puts the words in the URL at once, without waiting for the pause.
      const atEnter = await fresh.evaluate(async () => {
        const box = document.querySelector('#rr-q');
        box.value = 'libya';
        box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
        while (!document.querySelector('.rr-count')?.textContent.endsWith('for “libya”')) {
          await new Promise((r) => requestAnimationFrame(r));
        }
        const before = location.hash;
        box.form.requestSubmit();
        return [before, location.hash];
      });
      assert.deepEqual(atEnter, ['#/search?q=kashmir', '#/search?q=libya']);

      // A result opened in the same moment as the words were typed, long before the pause.
      await fresh.evaluate(async () => {
        const box = document.querySelector('#rr-q');
        box.value = 'madrid';
        box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
        while (!document.querySelector('.rr-count')?.textContent.endsWith('for “madrid”')) {
          await new Promise((r) => requestAnimationFrame(r));
        }
        document.querySelector('ol.rr-hits > li a.rr-title').click();
      });
      await fresh.locator('.rr-article-title').waitFor();
      // The entry left holds the words typed, in its URL and its title (the history list's).
      const cdp = await fresh.context().newCDPSession(fresh);
      const { entries } = await cdp.send('Page.getNavigationHistory');
      const left = entries.find((e) => e.url.endsWith('#/search?q=madrid'));
      assert.equal(left?.title, '“madrid” – Reading Room', JSON.stringify(entries.map((e) => [e.url.split('#')[1], e.title])));
      await cdp.detach();
      await fresh.goBack();
      await fresh.locator('ol.rr-hits > li').first().waitFor();
      assert.equal(await fresh.evaluate(() => location.hash), '#/search?q=madrid');
      assert.equal(await fresh.locator('#rr-q').inputValue(), 'madrid');
      await fresh.close();
      assert.deepEqual(freshProblems, []);
    });

    test('typing over an article opens its search in one new entry; back returns to the article where it was left', async () => {
      await page.goto(mode.start() + '#/article/view-from-the-ct-foxhole-neil-basu');
      await page.locator('.rr-article-title').waitFor();
      await page.evaluate(() => scrollTo(0, 2500));
      const length = await page.evaluate(() => history.length);
      await page.locator('#rr-q').focus();
      await page.keyboard.type('tatp', { delay: 30 });
      await page.locator('ol.rr-hits > li').first().waitFor();
      await page.waitForFunction(() => location.hash === '#/search?q=tatp');
      assert.equal(await page.evaluate(() => history.length), length + 1);
      assert.equal(await page.title(), '“tatp” – Reading Room');
      await page.goBack();
      await page.locator('.rr-article-title').waitFor();
      await page.waitForFunction(() => Math.abs(scrollY - 2500) < 2, null, { timeout: 5000 });
    });

    test('a pasted link opens the same view in a fresh page', async () => {
      const fresh = await shared.browser.newPage();
      const freshProblems = watch(fresh, mode.isOwn);
      await fresh.goto(mode.start() + '#/search?q=lone+actor');
      await fresh.locator('ol.rr-hits > li').first().waitFor();
      assert.equal(await fresh.locator('#rr-q').inputValue(), 'lone actor');
      assert.match((await titles(fresh, 'rr-hits'))[0], /lone-actor|Daesh/i);
      await fresh.close();
      assert.deepEqual(freshProblems, []);
    });

    test('window.readingRoom answers the same search from JavaScript', async () => {
      const hits = await page.evaluate(() => window.readingRoom.search('Kashmir', 5));
      assert.equal(hits[0].slug, 'sectarian-violence-in-kashmir');
      assert.equal(hits[0].date, '2016-10');
      // The three Telegraph pieces; not the commentary that mentions Telegram.
      assert.equal(await page.evaluate(() => window.readingRoom.count('Telegraph')), 3);
    });

    test('the page runs under its content security policy, with no violation on any view', async () => {
      const fresh = await shared.browser.newPage();
      const freshProblems = watch(fresh, mode.isOwn);
      await fresh.addInitScript(() => {
        window.__csp = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      await fresh.goto(mode.start() + '#/search?q=Libya&year=2018');
      await fresh.locator('ol.rr-hits > li').first().waitFor();
      const csp = await fresh.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      if (mode.start().startsWith('http')) {
        assert.equal(csp, "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'");
      } else {
        assert.match(csp, /^default-src 'none'; script-src 'sha256-[A-Za-z0-9+/=]+' 'strict-dynamic' 'wasm-unsafe-eval'; style-src 'sha256-[A-Za-z0-9+/=]+'/);
      }
      for (const hash of ['#/article/view-from-the-ct-foxhole-neil-basu?q=Prevent', '#/timeline', '#/entity/place/libya']) {
        await fresh.evaluate((h) => { location.hash = h; }, hash);
        await fresh.waitForTimeout(150);
      }
      await fresh.locator('.rr-entity').waitFor();
      assert.deepEqual(await fresh.evaluate(() => window.__csp), []);
      await fresh.close();
      assert.deepEqual(freshProblems, []);
    });

    test('no console errors and no request outside the build', () => {
      assert.deepEqual(problems, []);
    });
  });
}
