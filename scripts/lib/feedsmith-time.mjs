// Times feedsmith (an independent feed library for Node) writing the same feed Castkeeper serves: parse the served
// feed.xml with parseRssFeed, then time generateRssFeed on it and gzip the result, as a rebuild must. Prints
// "feedsmith_ms=<median of 7 runs>" and the item count it read, for scripts/bench-feed.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';

const require = createRequire(process.env.FEEDSMITH_DIR + '/');
const { parseRssFeed, generateRssFeed } = require('feedsmith');

const xml = readFileSync(process.argv[2], 'utf8');
const feed = parseRssFeed(xml);
const times = [];
for (let run = 0; run < 9; run++) {
  const t0 = process.hrtime.bigint();
  const out = generateRssFeed(feed);
  gzipSync(Buffer.from(out, 'utf8'));
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (run >= 2) times.push(ms);
}
times.sort((a, b) => a - b);
console.log(`feedsmith_items=${feed.items ? feed.items.length : 0}`);
console.log(`feedsmith_ms=${times[Math.floor(times.length / 2)].toFixed(0)}`);
