// Bodies in shards, as a large archive has them: `cargo xtask test` builds the sample with
// `--shards always` and small shards (READINGROOM_SHARDED_DIST), so its seven articles span
// several. Over http the app fetches `shards/NNNN.bin`; from file:// it adds `shards/NNNN.js`
// script elements (under standalone.html's hash-based policy). A copy of the build with one
// shard deleted and one damaged shows a clear message in place, and the rest keeps working.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { APP_READY, launchChromium, serveDist, watch } from './browser.mjs';

const SHARDED = process.env.READINGROOM_SHARDED_DIST;
// A paragraph of the article's text, not the "Loading the text…" that stands in for it.
const TEXT = 'p:not(.rr-shard-loading)';
const INTERVIEW = 'A View from the CT Foxhole: Neil Basu, Senior National Coordinator for Counterterrorism Policing in the United Kingdom';
const KASHMIR = 'Sectarian violence in Kashmir is increasingly spilling over onto the streets of Britain';

// A copy of the build with the first shard (the newest article, the interview) deleted and the
// last (the oldest article) damaged: one byte of the .bin flipped, one base64 letter of the .js.
function brokenCopy(dist) {
  const dir = mkdtempSync(join(tmpdir(), 'rr-broken-'));
  cpSync(dist, dir, { recursive: true });
  const shards = join(dir, 'shards');
  const names = readdirSync(shards).filter((n) => n.endsWith('.bin')).sort();
  const first = names[0].replace('.bin', '');
  const last = names.at(-1).replace('.bin', '');
  rmSync(join(shards, `${first}.bin`));
  rmSync(join(shards, `${first}.js`));
  const bin = readFileSync(join(shards, `${last}.bin`));
  bin[bin.length - 3] ^= 0x20;
  writeFileSync(join(shards, `${last}.bin`), bin);
  const js = readFileSync(join(shards, `${last}.js`), 'utf8');
  const at = js.length - 12;
  writeFileSync(join(shards, `${last}.js`), js.slice(0, at) + (js[at] === 'A' ? 'B' : 'A') + js.slice(at + 1));
  return { dir, first, last, count: names.length };
}

describe('bodies in shards', () => {
  let browser;
  let good;
  let broken;
  let brokenServer;
  before(async () => {
    assert.ok(SHARDED, 'READINGROOM_SHARDED_DIST is set by `cargo xtask test`');
    browser = await launchChromium();
    good = await serveDist(SHARDED);
    broken = brokenCopy(SHARDED);
    brokenServer = await serveDist(broken.dir);
  });
  after(async () => {
    await browser?.close();
    await good?.close();
    await brokenServer?.close();
    if (broken) rmSync(broken.dir, { recursive: true, force: true });
  });

  test('the build has several shards, each as .bin and .js, and standalone.html\'s wasm beside them', () => {
    const files = readdirSync(join(SHARDED, 'shards'));
    const bins = files.filter((f) => f.endsWith('.bin'));
    assert.ok(bins.length >= 3, `shards: ${files}`);
    assert.deepEqual(files.filter((f) => !bins.includes(f)).sort(), [...bins.map((b) => b.replace('.bin', '.js')), 'app-wasm.js'].sort());
    const page = readFileSync(join(SHARDED, 'standalone.html'), 'utf8');
    assert.ok(page.length < 200_000 && page.includes("'./shards/app-wasm.js'"), 'the page loads its wasm from beside the shards');
    assert.match(readFileSync(join(SHARDED, 'shards', '0000.js'), 'utf8'), /^__readingRoomShard\(0,"[A-Za-z0-9+/=]+"\);\n$/);
  });

  const modes = () => [
    { name: 'http', url: (dir, server) => server.url, own: (u, dir, server) => u.startsWith(server.url), requests: /shards\/\d{4}\.bin$/ },
    {
      name: 'file://',
      url: (dir) => pathToFileURL(join(dir, 'standalone.html')).href,
      own: (u, dir) => u.startsWith(pathToFileURL(dir).href) || u.startsWith('data:'),
      requests: /shards\/\d{4}\.js$/,
    },
  ];

  test('embedded in a host page of another folder, the app fetches shards from beside embed.js', async () => {
    const host = join(broken.dir, 'host');
    mkdirSync(host, { recursive: true });
    writeFileSync(join(host, 'index.html'), '<!doctype html><meta charset="utf-8"><title>Host</title><div data-reading-room></div><script type="module" src="../embed.js"></script>');
    const page = await browser.newPage();
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    try {
      await page.goto(brokenServer.url + 'host/index.html');
      // The fourth article's shard is whole in this copy.
      await page.locator('[data-reading-room] ol.rr-articles > li a.rr-title').nth(3).click();
      await page.locator(`[data-reading-room] .rr-body ${TEXT}`).first().waitFor();
      const shards = requests.filter((u) => u.includes('/shards/'));
      assert.ok(shards.length > 0 && shards.every((u) => u.startsWith(brokenServer.url + 'shards/')), `requests: ${shards}`);
    } finally {
      await page.close();
    }
  });

  for (const mode of modes()) {
    test(`${mode.name}: every article's text arrives from its shard, and snippets mark body matches`, async () => {
      const page = await browser.newPage();
      const problems = watch(page, (u) => mode.own(u, SHARDED, good));
      const shardRequests = [];
      page.on('request', (r) => {
        if (/\/shards\//.test(r.url())) shardRequests.push(r.url());
      });
      try {
        await page.goto(mode.url(SHARDED, good));
        await page.locator(`${APP_READY} ol.rr-articles > li`).nth(6).waitFor();
        const links = await page.locator('ol.rr-articles > li a.rr-title').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent]));
        assert.equal(links.length, 7);
        for (const [href, title] of links) {
          await page.goto(mode.url(SHARDED, good) + href);
          await page.locator('.rr-article-title').filter({ hasText: title }).waitFor();
          const body = page.locator('.rr-body');
          await body.locator(TEXT).first().waitFor();
          assert.equal(await page.locator('.rr-shard-error').count(), 0);
          assert.ok((await body.innerText()).length > 200, `${href} shows its text`);
        }
        const bodies = shardRequests.filter((u) => !u.endsWith('/app-wasm.js'));
        assert.ok(bodies.length > 0 && bodies.every((u) => mode.requests.test(u)), `requests: ${shardRequests}`);
        // A word only in the body: its snippet arrives with the shard, marked.
        await page.goto(mode.url(SHARDED, good) + '#/search?q=Kashmir');
        const first = page.locator('ol.rr-hits > li').first();
        await first.locator('.rr-title').filter({ hasText: KASHMIR }).waitFor();
        await first.locator('.rr-snippet mark').first().waitFor();
        // An entity page, opened afresh, shows each article's passage once its shard arrives.
        const fresh = await browser.newPage();
        const freshProblems = watch(fresh, (u) => mode.own(u, SHARDED, good));
        try {
          await fresh.goto(mode.url(SHARDED, good) + '#/entity/place/libya');
          const passages = fresh.locator('ol.rr-entity-articles > li .rr-snippet');
          await passages.nth(1).locator('mark').first().waitFor();
          for (const passage of await passages.all()) {
            assert.ok((await passage.locator('mark').allTextContents()).includes('Libya'), await passage.innerText());
          }
          assert.deepEqual(freshProblems, []);
        } finally {
          await fresh.close();
        }
        assert.deepEqual(problems, []);
      } finally {
        await page.close();
      }
    });

    test(`${mode.name}: a missing and a damaged shard each show a message in place; the rest keeps working`, async () => {
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      try {
        const start = mode.url(broken.dir, brokenServer);
        await page.goto(start);
        await page.locator(`${APP_READY} ol.rr-articles > li`).nth(6).waitFor();
        const links = await page.locator('ol.rr-articles > li a.rr-title').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent]));
        const open = async ([href, title]) => {
          await page.goto(start + href);
          await page.locator('.rr-article-title').filter({ hasText: title }).waitFor();
        };

        // The newest article's shard is gone.
        await page.locator('ol.rr-articles > li a.rr-title').first().click();
        const failed = page.locator('.rr-shard-error[role=alert]');
        await failed.waitFor();
        assert.equal(await page.locator('.rr-article-title').innerText(), INTERVIEW, 'the title and metadata still show');
        const missing = await failed.innerText();
        assert.match(missing, /could not be loaded/);
        assert.match(missing, mode.name === 'http' ? new RegExp(`shards/${broken.first}\\.bin could not be fetched \\(HTTP 404\\)`) : new RegExp(`shards/${broken.first}\\.js is missing`));
        assert.match(missing, /other articles still work/);

        // The oldest article's shard is damaged.
        await open(links.at(-1));
        await failed.waitFor();
        assert.match(await failed.innerText(), new RegExp(`shards/${broken.last}\\.(bin|js) cannot be used: its contents are damaged`));

        // An article in a whole shard still reads, and search still answers.
        await open(links[3]);
        await page.locator(`.rr-body ${TEXT}`).first().waitFor();
        assert.equal(await page.locator('.rr-shard-error').count(), 0);
        await page.locator('#rr-q').fill('Kashmir');
        await page.locator('ol.rr-hits > li .rr-title').filter({ hasText: KASHMIR }).waitFor();
        assert.deepEqual(errors, [], 'no uncaught error');
        if (mode.name === 'file://') {
          // standalone.html copied without its shards folder says what is missing.
          rmSync(join(broken.dir, 'shards', 'app-wasm.js'));
          await page.goto(start);
          await page.locator('.rr-loading').filter({ hasText: 'shards/app-wasm.js is missing' }).waitFor();
        }
      } finally {
        await page.close();
      }
    });
  }
});
