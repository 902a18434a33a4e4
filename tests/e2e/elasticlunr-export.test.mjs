// The build's elasticlunr-index.json loads in elasticlunr.js (the npm package host sites use)
// and answers queries with article slugs as refs.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from './browser.mjs';

const require = createRequire(new URL('../../tools/package.json', import.meta.url));
const elasticlunr = require('elasticlunr');

test('elasticlunr.js loads the exported index and finds articles by slug', () => {
  const index = elasticlunr.Index.load(JSON.parse(readFileSync(join(DIST, 'elasticlunr-index.json'), 'utf8')));
  const refs = (q) => index.search(q, { expand: false }).map((r) => r.ref);
  assert.equal(refs('Kashmir')[0], 'sectarian-violence-in-kashmir');
  assert.equal(refs('Basu')[0], 'view-from-the-ct-foxhole-neil-basu');
  assert.ok(refs('bombings').includes('al-qaedas-revenge-and-the-exile'), 'stemmed like elasticlunr.js stems');
  assert.deepEqual(refs('zzqxj'), []);
});
