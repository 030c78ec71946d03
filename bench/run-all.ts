/**
 * `npm run bench`: every benchmark in turn, each printing its own figures. Names given after `--`
 * run only those parts (`npm run bench -- ingest`), with the same Node flags as the whole run.
 */
import { runColdStartBench } from './cold-start-bench.js';
import { runDigestBench } from './digest-bench.js';
import { runFeedParseBench } from './feed-parse-bench.js';
import { runIngestBench } from './ingest-bench.js';
import { runQuotesBench } from './quotes-bench.js';
import { runTelegramFanoutBench } from './telegram-fanout-bench.js';

const parts: Record<string, () => Promise<void>> = {
  'feed-parse': runFeedParseBench,
  ingest: runIngestBench,
  'telegram-fanout': runTelegramFanoutBench,
  // Issue 11's /quotes targets hold at every size: a small store and a large one.
  quotes: async () => {
    await runQuotesBench(10_000);
    await runQuotesBench();
  },
  digest: runDigestBench,
  'cold-start': runColdStartBench,
};

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in parts));
if (unknown.length) {
  console.error(
    `npm run bench: no benchmark named ${unknown.join(', ')}; try ${Object.keys(parts).join(', ')}`,
  );
  process.exitCode = 2;
} else {
  for (const [name, run] of Object.entries(parts)) if (!asked.length || asked.includes(name)) await run();
}
