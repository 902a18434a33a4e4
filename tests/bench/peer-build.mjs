// The peer for `cargo xtask bench-build`: MiniSearch indexing the same JSON Lines corpus (title,
// body and tags, stored id/title/date), then serialising its index, as our indexer does.
// Usage: node peer-build.mjs FILE.jsonl OUT.json
import { createReadStream, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../../tools/package.json', import.meta.url));
const MiniSearch = require('minisearch');

const [file, out] = process.argv.slice(2);
const mini = new MiniSearch({ fields: ['title', 'body', 'tags'], storeFields: ['title', 'date'] });
for await (const line of createInterface({ input: createReadStream(file) })) {
  if (!line.trim()) continue;
  const d = JSON.parse(line);
  mini.add({ id: d.id, title: d.title, date: d.date, body: d.body, tags: (d.tags ?? []).join(' ') });
}
writeFileSync(out, JSON.stringify(mini));
