// Editing a corpus file and rebuilding shows the edit: `cargo xtask test` builds a copy of the
// sample corpus (keeping that build's standalone.html as before.html), edits one title, rebuilds
// into the same folder, and points this test at that build.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from './browser.mjs';

const EDITED = process.env.READINGROOM_EDITED_DIST;
const TITLE = 'Comic explainer: what is lone-actor terrorism? (edited)';

test('a rebuilt corpus shows the edited title', async () => {
  assert.ok(EDITED, 'READINGROOM_EDITED_DIST is set by `cargo xtask test`');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(EDITED, 'standalone.html')).href + '#/search?q=comic');
    const first = page.locator('ol.rr-hits > li .rr-title').first();
    await first.waitFor();
    assert.equal(await first.textContent(), TITLE);
    const before = pathToFileURL(join(EDITED, '..', 'before.html')).href;
    await page.goto(before + '#/search?q=comic');
    await first.waitFor();
    assert.equal(await first.textContent(), 'Comic explainer: what is lone-actor terrorism?', 'the build before the edit');
  } finally {
    await browser.close();
  }
});
