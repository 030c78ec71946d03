/** `npm run bench`: every benchmark in turn, each printing its own figures. */
import { runColdStartBench } from './cold-start-bench.js';
import { runDigestBench } from './digest-bench.js';
import { runFeedParseBench } from './feed-parse-bench.js';
import { runIngestBench } from './ingest-bench.js';
import { runQuotesBench } from './quotes-bench.js';
import { runTelegramFanoutBench } from './telegram-fanout-bench.js';

await runFeedParseBench();
await runIngestBench();
await runTelegramFanoutBench();
// Issue 11's /quotes targets hold at every size: a small store and a large one.
await runQuotesBench(10_000);
await runQuotesBench();
await runDigestBench();
await runColdStartBench();
